/* The line items as the tables need them: one pass over the lines (loaded,
 * or read from the file row by row for a large budget) into sums that no
 * table tells apart, for the department, for each unit and for each
 * project; or, for the whole department of a file that keeps those sums
 * (format 9) with its lines left in the file, the stored sums themselves
 * and the internal transfers. No table reads a line itself. */
#include "config.h"

#include <string.h>

#include "ys-document-scan.h"
#include "ys-report-private.h"

/* A million lines fall among tens of thousands of sums of the department.
 * Each sum is found by the numbers the scan gives its texts (ys_store_scan),
 * packed into a 128-bit key, in an open-addressing table whose slot holds
 * the key and the amount: one slot touched per line, about a megabyte for
 * the 38,000 sums of a generated department. */
typedef struct {
  guint64 a, b;
  gint64  value;
  guint32 order;        /* 1 + the order in which the key first came; 0: empty */
  guint32 unused;
} Entry;

typedef struct {
  Entry *slots;
  guint  shift;         /* 64 - log2 (number of slots) */
  guint  n;
} Map;

static void
map_init (Map *m, guint bits)
{
  m->slots = g_new0 (Entry, (gsize) 1 << bits);
  m->shift = 64 - bits;
  m->n = 0;
}

static inline gsize
map_index (const Map *m, guint64 a, guint64 b)
{
  guint64 x = (a ^ (b * G_GUINT64_CONSTANT (0xC2B2AE3D27D4EB4F))) * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);

  return (gsize) (x >> m->shift);
}

static Entry *map_get (Map *m, guint64 a, guint64 b);

static void
map_grow (Map *m)
{
  Map old = *m;
  gsize size = (gsize) 1 << (64 - old.shift);

  map_init (m, 64 - old.shift + 1);
  for (gsize i = 0; i < size; i++)
    if (old.slots[i].order != 0)
      {
        gsize mask = ((gsize) 1 << (64 - m->shift)) - 1;
        gsize k = map_index (m, old.slots[i].a, old.slots[i].b);
        while (m->slots[k].order != 0)
          k = (k + 1) & mask;
        m->slots[k] = old.slots[i];
      }
  m->n = old.n;
  g_free (old.slots);
}

/* The entry of the key, added with value 0 if it was not there. */
static Entry *
map_get (Map *m, guint64 a, guint64 b)
{
  gsize mask = ((gsize) 1 << (64 - m->shift)) - 1;

  for (gsize k = map_index (m, a, b);; k = (k + 1) & mask)
    {
      Entry *e = &m->slots[k];

      if (e->order == 0)
        {
          /* At most five eighths full, so that a search ends soon. */
          if ((m->n + 1) * 8 > (mask + 1) * 5)
            {
              map_grow (m);
              return map_get (m, a, b);
            }
          *e = (Entry) { .a = a, .b = b, .order = ++m->n };
          return e;
        }
      if (e->a == a && e->b == b)
        return e;
    }
}

static int
by_order (gconstpointer x, gconstpointer y)
{
  const Entry *a = *(Entry *const *) x, *b = *(Entry *const *) y;

  return (a->order > b->order) - (a->order < b->order);
}

/* The entries in the order their keys first came. */
static GPtrArray *
map_entries (const Map *m)
{
  gsize size = (gsize) 1 << (64 - m->shift);
  GPtrArray *list = g_ptr_array_sized_new (m->n);

  for (gsize i = 0; i < size; i++)
    if (m->slots[i].order != 0)
      g_ptr_array_add (list, &m->slots[i]);
  g_ptr_array_sort (list, by_order);
  return list;
}

/* The fields of a line the sums tell apart. */
static const int text_fields[] = {
  YS_LINE_UNIT_CODE, YS_LINE_PROJECT_CODE, YS_LINE_TRANSFER, YS_LINE_KIND, YS_LINE_SOURCE,
  YS_LINE_SUB_SOURCE, YS_LINE_FUNC_CODE, YS_LINE_ECON_CODE, YS_LINE_GOV_ECON_CODE,
};

enum { UNIT_SEEN = 1, UNIT_SELECTED = 2, UNIT_INSTITUTION = 4 };

/* Per unit and per project the tables tell lines apart only by what
 * ys_report_sum_value reads: 支出类型, fund source, sub-source, 上年结转.
 * Those come in a few dozen combinations (classes), so each owner keeps an
 * amount per class, found by the number of the owner's code. */
/* A line whose sums are to be added (add_to_sets). */
typedef struct {
  gboolean set;
  guint64  a, b;        /* its key among the department's sums */
  guint    unit, project, class;
  YsMoney  amount;
} Pending;

struct _YsReportLineScan {
  GPtrArray *texts[YS_LINE_N_FIELDS];  /* by number: the interned text */
  GArray    *units;                    /* by number of the unit code: UNIT_* */
  Map        classes;                  /* kind, source, sub-source, 上年结转 → class */
  GArray    *class_keys;               /* YsReportLineSum by class, owner "" */
  Map        dept;                     /* class, unit type and the three codes → amount */
  GPtrArray *amounts[2];               /* by number of the unit / project code: GArray of YsMoney by class */
  guint      last_class;
  guint64    last_a, last_b;
  Pending    pending;
};

/* Owners without lines have no array. */
static void
array_unref (gpointer array)
{
  if (array)
    g_array_unref (array);
}

static YsReportLineScan *
line_scan_new (void)
{
  YsReportLineScan *s = g_new0 (YsReportLineScan, 1);

  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    s->texts[text_fields[i]] = g_ptr_array_new ();
  s->units = g_array_new (FALSE, TRUE, sizeof (guint8));
  map_init (&s->classes, 6);
  s->class_keys = g_array_new (FALSE, FALSE, sizeof (YsReportLineSum));
  map_init (&s->dept, 10);
  for (guint i = 0; i < 2; i++)
    s->amounts[i] = g_ptr_array_new_with_free_func (array_unref);
  s->last_class = G_MAXUINT;
  return s;
}

static void
line_scan_free (YsReportLineScan *s)
{
  if (s == NULL)
    return;
  for (guint i = 0; i < YS_LINE_N_FIELDS; i++)
    if (s->texts[i])
      g_ptr_array_unref (s->texts[i]);
  g_array_unref (s->units);
  g_free (s->classes.slots);
  g_array_unref (s->class_keys);
  g_free (s->dept.slots);
  for (guint i = 0; i < 2; i++)
    g_ptr_array_unref (s->amounts[i]);
  g_free (s);
}

static inline const char *
text_of (YsReportLineScan *s, int field, const guint *ids)
{
  return g_ptr_array_index (s->texts[field], ids[field]);
}

static guint
class_of (YsReportContext *ctx, const guint *ids, gboolean carry_over)
{
  YsReportLineScan *s = ctx->scan;
  guint64 a = ids[YS_LINE_KIND] | (guint64) ids[YS_LINE_SOURCE] << 32;
  guint64 b = ids[YS_LINE_SUB_SOURCE] | (guint64) (carry_over != 0) << 32;
  Entry *e;

  if (s->last_class != G_MAXUINT && a == s->last_a && b == s->last_b)
    return s->last_class;
  e = map_get (&s->classes, a, b);
  if (e->order > s->class_keys->len)
    {
      const char *empty = ctx->empty;
      YsReportLineSum key = { .owner = empty, .kind = text_of (s, YS_LINE_KIND, ids),
                              .source = text_of (s, YS_LINE_SOURCE, ids),
                              .sub_source = text_of (s, YS_LINE_SUB_SOURCE, ids),
                              .func = empty, .econ = empty, .gov_econ = empty, .carry_over = carry_over != 0 };
      ys_report_line_sum_classify (&key);
      g_array_append_val (s->class_keys, key);
    }
  s->last_a = a;
  s->last_b = b;
  return s->last_class = e->order - 1;
}

static inline void
owner_add (GPtrArray *owners, guint owner, guint class, YsMoney amount)
{
  GArray *list;

  if (owner >= owners->len)
    g_ptr_array_set_size (owners, owner + 1);
  list = g_ptr_array_index (owners, owner);
  if (list == NULL)
    list = owners->pdata[owner] = g_array_new (FALSE, TRUE, sizeof (YsMoney));
  if (list->len <= class)
    g_array_set_size (list, class + 1);
  g_array_index (list, YsMoney, class) += amount;
}

static inline void
owner_prefetch (GPtrArray *owners, guint owner, guint class)
{
  GArray *list = owner < owners->len ? g_ptr_array_index (owners, owner) : NULL;

  if (list && class < list->len)
    __builtin_prefetch (&g_array_index (list, YsMoney, class), 1);
}

static void
add_pending (YsReportLineScan *s)
{
  Pending *p = &s->pending;

  if (!p->set)
    return;
  map_get (&s->dept, p->a, p->b)->value += p->amount;
  owner_add (s->amounts[0], p->unit, p->class, p->amount);
  if (p->project != G_MAXUINT)
    owner_add (s->amounts[1], p->project, p->class, p->amount);
  p->set = FALSE;
}

/* A sum of the department by the numbers of its texts and its class. */
static inline guint64
dept_key_a (const guint *ids)
{
  return ids[YS_LINE_FUNC_CODE] | (guint64) ids[YS_LINE_ECON_CODE] << 32;
}

static inline guint64
dept_key_b (const guint *ids, guint class, gboolean institution)
{
  return ids[YS_LINE_GOV_ECON_CODE] | (guint64) class << 32 | (guint64) (institution != 0) << 63;
}

/* The sums a line adds to lie anywhere among a megabyte or more, read from
 * memory for most lines: their places are asked for now, and the line is
 * added when the next one comes, the row read in between. */
static void
add_to_sets (YsReportContext *ctx, const guint *ids, gboolean carry_over, gboolean institution, YsMoney amount)
{
  YsReportLineScan *s = ctx->scan;
  guint class = class_of (ctx, ids, carry_over);
  gboolean project = text_of (s, YS_LINE_PROJECT_CODE, ids) != ctx->empty;
  Pending next = {
    .set = TRUE,
    .a = dept_key_a (ids),
    .b = dept_key_b (ids, class, institution),
    .unit = ids[YS_LINE_UNIT_CODE],
    .project = project ? ids[YS_LINE_PROJECT_CODE] : G_MAXUINT,
    .class = class,
    .amount = amount,
  };

  __builtin_prefetch (&s->dept.slots[map_index (&s->dept, next.a, next.b)], 1);
  owner_prefetch (s->amounts[0], next.unit, class);
  if (project)
    owner_prefetch (s->amounts[1], next.project, class);
  add_pending (s);
  s->pending = next;
}

/* A text of @fields met for the first time: numbers come in order from 0. */
static void
see_fields (YsReportLineScan *s, const YsValue *values, const guint *ids, const int *fields, guint n)
{
  for (guint i = 0; i < n; i++)
    {
      int f = fields[i];
      GPtrArray *texts = s->texts[f];

      if (G_UNLIKELY (ids[f] >= texts->len))
        {
          g_ptr_array_set_size (texts, ids[f] + 1);
          texts->pdata[ids[f]] = (gpointer) g_intern_string (values[f].s ? values[f].s : "");
        }
    }
}

static guint8
unit_flags (YsReportContext *ctx, guint id, const char *unit)
{
  GArray *units = ctx->scan->units;

  if (id >= units->len)
    g_array_set_size (units, id + 1);
  if (g_array_index (units, guint8, id) == 0)
    g_array_index (units, guint8, id) = UNIT_SEEN
      | (ctx->unit == NULL || strcmp (unit, ctx->subject_code) == 0 ? UNIT_SELECTED : 0)
      | (ys_report_unit_is_institution (ctx, unit) ? UNIT_INSTITUTION : 0);
  return g_array_index (units, guint8, id);
}

static gboolean
add_line (const YsValue *values, const guint *ids, gpointer user_data, GError **error)
{
  YsReportContext *ctx = user_data;
  YsReportLineScan *s = ctx->scan;
  gboolean carry_over = values[YS_LINE_CARRY_OVER].i != 0;
  guint8 flags;

  see_fields (s, values, ids, text_fields, G_N_ELEMENTS (text_fields));
  flags = unit_flags (ctx, ids[YS_LINE_UNIT_CODE], text_of (s, YS_LINE_UNIT_CODE, ids));
  if (!(flags & UNIT_SELECTED))
    return TRUE;
  /* Only the whole department offsets its internal transfers. */
  if (ctx->unit == NULL && text_of (s, YS_LINE_TRANSFER, ids) != ctx->empty)
    {
      YsReportHeldLine held = {
        .sum = {
          .owner = text_of (s, YS_LINE_UNIT_CODE, ids),
          .kind = text_of (s, YS_LINE_KIND, ids),
          .source = text_of (s, YS_LINE_SOURCE, ids),
          .sub_source = text_of (s, YS_LINE_SUB_SOURCE, ids),
          .func = text_of (s, YS_LINE_FUNC_CODE, ids),
          .econ = text_of (s, YS_LINE_ECON_CODE, ids),
          .gov_econ = text_of (s, YS_LINE_GOV_ECON_CODE, ids),
          .carry_over = carry_over,
          .institution = (flags & UNIT_INSTITUTION) != 0,
          .amount = values[YS_LINE_AMOUNT].i,
        },
        .project = text_of (s, YS_LINE_PROJECT_CODE, ids),
        .transfer = text_of (s, YS_LINE_TRANSFER, ids),
      };

      ys_report_line_sum_classify (&held.sum);
      memcpy (held.ids, ids, sizeof held.ids);
      g_array_append_val (ctx->held, held);
      return TRUE;
    }
  add_to_sets (ctx, ids, carry_over, (flags & UNIT_INSTITUTION) != 0, values[YS_LINE_AMOUNT].i);
  return TRUE;
}

/* What a file of format 9 keeps instead of the lines (ys-store-sum-scan.h):
 * the department's sums go into its map and an owner's into its amounts as
 * the lines would have gone, keyed by the same numbering of their texts as
 * the transfer lines, which add_line holds aside as it holds them from a
 * scan of every line. */
static gboolean
add_stored_sum (const YsStoredSum *sum, gpointer user_data, GError **error)
{
  static const int dept_fields[] = {
    YS_LINE_KIND, YS_LINE_SOURCE, YS_LINE_SUB_SOURCE, YS_LINE_FUNC_CODE, YS_LINE_ECON_CODE, YS_LINE_GOV_ECON_CODE,
  };
  static const int owner_fields[][4] = {
    { YS_LINE_KIND, YS_LINE_SOURCE, YS_LINE_SUB_SOURCE, YS_LINE_UNIT_CODE },
    { YS_LINE_KIND, YS_LINE_SOURCE, YS_LINE_SUB_SOURCE, YS_LINE_PROJECT_CODE },
  };
  YsReportContext *ctx = user_data;
  YsReportLineScan *s = ctx->scan;
  gboolean carry_over = sum->values[YS_LINE_CARRY_OVER].i != 0;
  YsMoney amount = sum->values[YS_LINE_AMOUNT].i;
  guint which = sum->of == YS_STORED_SUM_PROJECT;
  guint class;

  if (sum->of == YS_STORED_SUM_DEPARTMENT)
    {
      see_fields (s, sum->values, sum->ids, dept_fields, G_N_ELEMENTS (dept_fields));
      class = class_of (ctx, sum->ids, carry_over);
      map_get (&s->dept, dept_key_a (sum->ids), dept_key_b (sum->ids, class, sum->institution))->value += amount;
      return TRUE;
    }
  see_fields (s, sum->values, sum->ids, owner_fields[which], G_N_ELEMENTS (owner_fields[which]));
  class = class_of (ctx, sum->ids, carry_over);
  owner_add (s->amounts[which], sum->ids[owner_fields[which][3]], class, amount);
  return TRUE;
}

gboolean
ys_report_sums_scan (YsReportContext *ctx, GError **error)
{
  ctx->scan = line_scan_new ();
  ctx->held = g_array_new (FALSE, FALSE, sizeof (YsReportHeldLine));
  ctx->empty = g_intern_static_string ("");
  /* The whole department's sums are kept in the file: read those and the
   * transfers instead of every line. A unit's tables need its lines. */
  if (ctx->unit == NULL && ys_document_has_line_sums (ctx->doc))
    return ys_document_scan_line_sums (ctx->doc, add_stored_sum, add_line, ctx, error);
  return ys_document_scan (ctx->doc, &ys_line_kind, add_line, ctx, error);
}

/* Owner code → GArray of YsReportLineSum, as ys_report_sums_of_unit gives them. */
static GHashTable *
owner_sums_list (YsReportContext *ctx, guint which, int field)
{
  YsReportLineScan *s = ctx->scan;
  GHashTable *index = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_array_unref);
  GPtrArray *owners = s->amounts[which];

  for (guint o = 0; o < owners->len; o++)
    {
      GArray *amounts = g_ptr_array_index (owners, o);
      const char *owner = g_ptr_array_index (s->texts[field], o);
      GArray *list;

      if (amounts == NULL)
        continue;
      list = g_array_new (FALSE, FALSE, sizeof (YsReportLineSum));
      for (guint c = 0; c < amounts->len; c++)
        {
          YsReportLineSum one = g_array_index (s->class_keys, YsReportLineSum, c);

          /* A class without lines of this owner adds nothing anywhere. */
          if (g_array_index (amounts, YsMoney, c) == 0)
            continue;
          one.owner = owner;
          one.amount = g_array_index (amounts, YsMoney, c);
          g_array_append_val (list, one);
        }
      g_hash_table_insert (index, (gpointer) owner, list);
    }
  return index;
}

void
ys_report_sums_finish (YsReportContext *ctx)
{
  YsReportLineScan *s = ctx->scan;
  g_autoptr(GPtrArray) entries = NULL;

  for (guint i = 0; i < ctx->held->len; i++)
    {
      YsReportHeldLine *h = &g_array_index (ctx->held, YsReportHeldLine, i);

      if (!h->dropped)
        add_to_sets (ctx, h->ids, h->sum.carry_over, h->sum.institution, h->sum.amount);
    }
  add_pending (s);
  entries = map_entries (&s->dept);
  ctx->line_sums = g_array_sized_new (FALSE, FALSE, sizeof (YsReportLineSum), entries->len);
  for (guint i = 0; i < entries->len; i++)
    {
      const Entry *e = g_ptr_array_index (entries, i);
      YsReportLineSum one = g_array_index (s->class_keys, YsReportLineSum, (guint) (e->b >> 32) & 0x7fffffff);

      one.func = g_ptr_array_index (s->texts[YS_LINE_FUNC_CODE], (guint) e->a);
      one.econ = g_ptr_array_index (s->texts[YS_LINE_ECON_CODE], (guint) (e->a >> 32));
      one.gov_econ = g_ptr_array_index (s->texts[YS_LINE_GOV_ECON_CODE], (guint) e->b);
      one.institution = (e->b >> 63) != 0;
      one.amount = e->value;
      g_array_append_val (ctx->line_sums, one);
    }
  ctx->unit_sums = owner_sums_list (ctx, 0, YS_LINE_UNIT_CODE);
  ctx->project_sums = owner_sums_list (ctx, 1, YS_LINE_PROJECT_CODE);
  g_clear_pointer (&ctx->scan, line_scan_free);
}

void
ys_report_sums_clear (YsReportContext *ctx)
{
  g_clear_pointer (&ctx->scan, line_scan_free);
  g_clear_pointer (&ctx->held, g_array_unref);
  g_clear_pointer (&ctx->line_sums, g_array_unref);
  g_clear_pointer (&ctx->unit_sums, g_hash_table_unref);
  g_clear_pointer (&ctx->project_sums, g_hash_table_unref);
}

static GArray *
lookup_sums (GHashTable *index, const char *code)
{
  static GArray *none;
  GArray *list = code && index ? g_hash_table_lookup (index, code) : NULL;

  if (list)
    return list;
  if (g_once_init_enter (&none))
    g_once_init_leave (&none, g_array_new (FALSE, FALSE, sizeof (YsReportLineSum)));
  return none;
}

GArray *
ys_report_sums_of_unit (YsReportContext *ctx, const char *unit_code)
{
  return lookup_sums (ctx->unit_sums, unit_code);
}

GArray *
ys_report_sums_of_project (YsReportContext *ctx, const char *project_code)
{
  return lookup_sums (ctx->project_sums, project_code);
}
