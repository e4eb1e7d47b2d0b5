/* The line items as the tables need them: one pass over the lines (loaded,
 * or read from the file row by row for a large budget) into sums that no
 * table tells apart, for the department, for each unit and for each
 * project. No table reads a line itself. */
#include "config.h"

#include <string.h>

#include "ys-document-scan.h"
#include "ys-report-private.h"

/* The sums of the department are found among tens of thousands for each
 * of a million lines: an open-addressing table whose slots hold the hash
 * and the position, so that a lookup mostly touches one slot and one sum. */
typedef struct {
  guint hash;
  guint pos;            /* position in sums + 1; 0: empty */
} Slot;

struct _YsReportSumSet {
  GArray *sums;         /* YsReportLineSum, texts interned */
  Slot   *slots;
  guint   mask;         /* number of slots - 1, a power of two less one */
};

/* The texts of a sum are interned (g_intern_string): equal texts are the
 * same pointer, so a sum is hashed and compared by its pointers. */
static inline guint
mix (guint h, const char *text)
{
  guint64 v = (guintptr) text;

  return (h ^ (guint) (v ^ (v >> 29))) * 0x9E3779B1u;
}

static guint
sum_hash (gconstpointer p)
{
  const YsReportLineSum *s = p;
  guint h = (s->carry_over ? 2 : 0) + (s->institution ? 1 : 0);

  h = mix (h, s->owner);
  h = mix (h, s->kind);
  h = mix (h, s->source);
  h = mix (h, s->sub_source);
  h = mix (h, s->func);
  h = mix (h, s->econ);
  h = mix (h, s->gov_econ);
  return h ^ (h >> 15);
}

static gboolean
sum_equal (gconstpointer a, gconstpointer b)
{
  const YsReportLineSum *x = a, *y = b;

  return x->carry_over == y->carry_over && x->institution == y->institution
      && x->owner == y->owner && x->kind == y->kind && x->source == y->source
      && x->sub_source == y->sub_source && x->func == y->func && x->econ == y->econ
      && x->gov_econ == y->gov_econ;
}

static void
sum_set_grow (YsReportSumSet *set)
{
  guint size = set->slots ? (set->mask + 1) * 2 : 1024;
  Slot *slots = g_new0 (Slot, size);

  for (guint i = 0; set->slots && i <= set->mask; i++)
    if (set->slots[i].pos != 0)
      {
        guint k = set->slots[i].hash & (size - 1);
        while (slots[k].pos != 0)
          k = (k + 1) & (size - 1);
        slots[k] = set->slots[i];
      }
  g_free (set->slots);
  set->slots = slots;
  set->mask = size - 1;
}

static YsReportSumSet *
sum_set_new (void)
{
  YsReportSumSet *set = g_new0 (YsReportSumSet, 1);

  set->sums = g_array_new (FALSE, FALSE, sizeof (YsReportLineSum));
  sum_set_grow (set);
  return set;
}

static void
sum_set_free (YsReportSumSet *set)
{
  if (set == NULL)
    return;
  g_array_unref (set->sums);
  g_free (set->slots);
  g_free (set);
}

/* Sums are integers of 分, so the order of the lines does not matter. */
static void
sum_set_add (YsReportSumSet *set, const YsReportLineSum *one)
{
  guint hash = sum_hash (one);

  for (guint k = hash & set->mask;; k = (k + 1) & set->mask)
    {
      Slot *slot = &set->slots[k];
      YsReportLineSum *sum;

      if (slot->pos == 0)
        {
          g_array_append_val (set->sums, *one);
          slot->hash = hash;
          slot->pos = set->sums->len;
          /* At most half full, so that a search ends soon. */
          if (set->sums->len * 2 > set->mask + 1)
            sum_set_grow (set);
          return;
        }
      if (slot->hash != hash)
        continue;
      sum = &g_array_index (set->sums, YsReportLineSum, slot->pos - 1);
      if (sum_equal (sum, one))
        {
          sum->amount += one->amount;
          return;
        }
    }
}

/* Per unit and per project the tables tell lines apart only by what
 * ys_report_sum_value reads: 支出类型, fund source, sub-source, 上年结转.
 * Those come in a few dozen combinations (classes), so each owner keeps an
 * amount per class, found through the owner's interned code. */
struct _YsReportOwnerSums {
  GHashTable *classes;      /* YsReportLineSum (a copy, owner "") → class + 1 */
  GArray     *class_keys;   /* YsReportLineSum by class */
  GHashTable *amounts[2];   /* interned unit / project code → GArray of YsMoney by class */
  guint       last_class;
  const YsReportLineSum *last_key;
};

static YsReportOwnerSums *
owner_sums_new (void)
{
  YsReportOwnerSums *o = g_new0 (YsReportOwnerSums, 1);

  o->classes = g_hash_table_new_full (sum_hash, sum_equal, g_free, NULL);
  o->class_keys = g_array_new (FALSE, FALSE, sizeof (YsReportLineSum));
  for (guint i = 0; i < 2; i++)
    o->amounts[i] = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref);
  return o;
}

static void
owner_sums_free (YsReportOwnerSums *o)
{
  if (o == NULL)
    return;
  g_hash_table_unref (o->classes);
  g_array_unref (o->class_keys);
  for (guint i = 0; i < 2; i++)
    g_hash_table_unref (o->amounts[i]);
  g_free (o);
}

static guint
class_of (YsReportOwnerSums *o, const YsReportLineSum *key)
{
  gpointer at;

  if (o->last_key && sum_equal (o->last_key, key))
    return o->last_class;
  if (!g_hash_table_lookup_extended (o->classes, key, NULL, &at))
    {
      g_array_append_val (o->class_keys, *key);
      at = GUINT_TO_POINTER (o->class_keys->len);
      g_hash_table_insert (o->classes, g_memdup2 (key, sizeof *key), at);
    }
  o->last_class = GPOINTER_TO_UINT (at) - 1;
  /* The hash table's own copy: it stays where it is. */
  g_hash_table_lookup_extended (o->classes, key, (gpointer *) &o->last_key, NULL);
  return o->last_class;
}

static void
owner_add (GHashTable *amounts, const char *owner, guint class, YsMoney amount)
{
  GArray *list = g_hash_table_lookup (amounts, owner);

  if (list == NULL)
    {
      list = g_array_new (FALSE, TRUE, sizeof (YsMoney));
      g_hash_table_insert (amounts, (gpointer) owner, list);
    }
  if (list->len <= class)
    g_array_set_size (list, class + 1);
  g_array_index (list, YsMoney, class) += amount;
}

/* Owner code → GArray of YsReportLineSum, as ys_report_sums_of_unit gives them. */
static GHashTable *
owner_sums_list (YsReportOwnerSums *o, guint which)
{
  GHashTable *index = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_array_unref);
  GHashTableIter iter;
  gpointer owner, value;

  g_hash_table_iter_init (&iter, o->amounts[which]);
  while (g_hash_table_iter_next (&iter, &owner, &value))
    {
      GArray *amounts = value;
      GArray *list = g_array_new (FALSE, FALSE, sizeof (YsReportLineSum));

      for (guint c = 0; c < amounts->len; c++)
        {
          YsReportLineSum one = g_array_index (o->class_keys, YsReportLineSum, c);

          /* A class without lines of this owner adds nothing anywhere. */
          if (g_array_index (amounts, YsMoney, c) == 0)
            continue;
          one.owner = owner;
          one.amount = g_array_index (amounts, YsMoney, c);
          g_array_append_val (list, one);
        }
      g_hash_table_insert (index, owner, list);
    }
  return index;
}

static void
add_to_sets (YsReportContext *ctx, const YsReportLineSum *one, const char *unit, const char *project)
{
  const char *empty = ctx->empty;
  YsReportLineSum key = { .owner = empty, .kind = one->kind, .source = one->source,
                          .sub_source = one->sub_source, .func = empty, .econ = empty, .gov_econ = empty,
                          .carry_over = one->carry_over };
  guint class = class_of (ctx->sums_owner, &key);

  sum_set_add (ctx->sums_dept, one);
  owner_add (ctx->sums_owner->amounts[0], unit, class, one->amount);
  if (project != empty)
    owner_add (ctx->sums_owner->amounts[1], project, class, one->amount);
}

static const char *
text (YsReportContext *ctx, const YsValue *values, int field)
{
  const char *raw = values[field].s ? values[field].s : "";
  const char **last = &ctx->last_text[field];
  const char *interned;

  if (*last && strcmp (*last, raw) == 0)
    return *last;
  interned = g_hash_table_lookup (ctx->texts, raw);
  if (interned == NULL)
    {
      interned = g_intern_string (raw);
      g_hash_table_insert (ctx->texts, (gpointer) interned, (gpointer) interned);
    }
  return *last = interned;
}

static gboolean
institution (YsReportContext *ctx, const char *unit)
{
  if (ctx->last_unit != unit)
    {
      ctx->last_unit = unit;
      ctx->last_institution = ys_report_unit_is_institution (ctx, unit);
    }
  return ctx->last_institution;
}

static gboolean
add_line (const YsValue *values, gpointer user_data, GError **error)
{
  YsReportContext *ctx = user_data;
  const char *unit = text (ctx, values, YS_LINE_UNIT_CODE);
  const char *project, *transfer;
  YsReportLineSum one;

  if (ctx->unit && strcmp (unit, ctx->subject_code) != 0)
    return TRUE;
  project = text (ctx, values, YS_LINE_PROJECT_CODE);
  transfer = text (ctx, values, YS_LINE_TRANSFER);
  one = (YsReportLineSum) {
    .owner = ctx->empty,
    .kind = text (ctx, values, YS_LINE_KIND),
    .source = text (ctx, values, YS_LINE_SOURCE),
    .sub_source = text (ctx, values, YS_LINE_SUB_SOURCE),
    .func = text (ctx, values, YS_LINE_FUNC_CODE),
    .econ = text (ctx, values, YS_LINE_ECON_CODE),
    .gov_econ = text (ctx, values, YS_LINE_GOV_ECON_CODE),
    .carry_over = values[YS_LINE_CARRY_OVER].i != 0,
    .institution = institution (ctx, unit),
    .amount = values[YS_LINE_AMOUNT].i,
  };
  /* Only the whole department offsets its internal transfers. */
  if (ctx->unit == NULL && *transfer)
    {
      YsReportHeldLine held = { .sum = one, .project = project, .transfer = transfer };

      held.sum.owner = unit;
      g_array_append_val (ctx->held, held);
      return TRUE;
    }
  add_to_sets (ctx, &one, unit, project);
  return TRUE;
}

gboolean
ys_report_sums_scan (YsReportContext *ctx, GError **error)
{
  ctx->sums_dept = sum_set_new ();
  ctx->sums_owner = owner_sums_new ();
  ctx->held = g_array_new (FALSE, FALSE, sizeof (YsReportHeldLine));
  ctx->texts = g_hash_table_new (g_str_hash, g_str_equal);
  ctx->empty = g_intern_static_string ("");
  return ys_document_scan (ctx->doc, &ys_line_kind, add_line, ctx, error);
}

void
ys_report_sums_finish (YsReportContext *ctx)
{
  for (guint i = 0; i < ctx->held->len; i++)
    {
      YsReportHeldLine *h = &g_array_index (ctx->held, YsReportHeldLine, i);
      YsReportLineSum one = h->sum;

      if (h->dropped)
        continue;
      one.owner = ctx->empty;
      add_to_sets (ctx, &one, h->sum.owner, h->project);
    }
  ctx->line_sums = g_array_ref (ctx->sums_dept->sums);
  ctx->unit_sums = owner_sums_list (ctx->sums_owner, 0);
  ctx->project_sums = owner_sums_list (ctx->sums_owner, 1);
  g_clear_pointer (&ctx->sums_dept, sum_set_free);
  g_clear_pointer (&ctx->sums_owner, owner_sums_free);
}

void
ys_report_sums_clear (YsReportContext *ctx)
{
  g_clear_pointer (&ctx->sums_dept, sum_set_free);
  g_clear_pointer (&ctx->sums_owner, owner_sums_free);
  g_clear_pointer (&ctx->held, g_array_unref);
  g_clear_pointer (&ctx->line_sums, g_array_unref);
  g_clear_pointer (&ctx->unit_sums, g_hash_table_unref);
  g_clear_pointer (&ctx->project_sums, g_hash_table_unref);
  g_clear_pointer (&ctx->texts, g_hash_table_unref);
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
