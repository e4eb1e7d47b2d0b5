/* The sums of the line items (line_sum, owner_sum) of a bulk load, worked
 * out in C as the rows go in. The triggers that keep both tables at every
 * other write would run three upserts per line of an import; the load drops
 * them instead (ys-store-bulk.c), adds each line here, writes the tables once
 * at its end with the checksums ys_values_sum() gives, and makes the triggers
 * again. Whatever the sums here cannot follow (a line whose unit is not yet
 * in the file, a line or unit changed or removed during the load, an amount
 * past 64 bits) sends the load to ys_store_sums_fill(): the same rows, worked
 * out by SQL from the lines in the file.
 *
 * A line's codes and choices are interned texts (ys-kind.c), so a sum is
 * found by the addresses of its texts, as words, without reading a text.
 * Equal interned texts have one address; a text found not interned the
 * first time a sum or a numbering holds it sends the load to the SQL fill.
 * The units' and projects' sums (some thousands) are kept in a table as
 * the lines come; the department's (75,000 at a million lines) would be
 * megabytes read at random while SQLite writes the rows, so each line is
 * noted in order as one word of numbers and its amount, and at the end the
 * notes are sorted by the ranks of their texts, which puts them in the
 * order of line_sum's primary key, and each run of one key is written as a
 * row. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ys-line.h"
#include "ys-store-private.h"
#include "ys-store-sums.h"

/* A table of sums keyed by a few words, open addressing with linear
 * probing, at most three quarters full. A slot whose lines is 0 is free. */
typedef struct
{
  guint64 hash;
  gint64  amount;
  gint64  lines;
  guint64 key[];
} Slot;

typedef struct
{
  guint8     *slots;
  guint       words;    /* of a key */
  guint       texts;    /* its first words: addresses of interned texts */
  guint       mask;
  guint       used;
  gboolean    foreign;  /* a key held a text that was not interned */
  GHashTable *interned; /* the addresses of texts found interned, shared */
} Table;

/* owner_sum: owner, class << 1 | project */
#define OWNER_WORDS 2
/* a class of lines: kind, source, sub_source's number, carry_over; its
 * number is the slot's amount */
#define CLASS_WORDS 4

typedef struct
{
  const char *kind;
  const char *source;
  const char *sub_source;
  gint64      carry_over;
} Class;

/* The texts of one column of the lines numbered as they first come (a
 * text's number is its slot's amount), and the texts by number. */
typedef struct
{
  Table      t;
  GPtrArray *texts;
  guint64    limit;  /* numbers fit below it */
} Numbering;

/* A line of line_sum's key as numbers in one word: func << 44 | econ << 28
 * | gov_econ << 16 | class << 1 | institution, and its amount. */
typedef struct
{
  guint64 key;
  gint64  amount;
} Entry;

#define FUNC_SHIFT  44
#define ECON_SHIFT  28
#define GOV_SHIFT   16
#define CLASS_SHIFT 1

struct _YsBulkSums
{
  Table         owners;
  Table         classes;
  Numbering     funcs;
  Numbering     econs;
  Numbering     govs;
  GArray       *entries;     /* Entry: every line of line_sum, in the order they came */
  GHashTable   *interned;    /* the tables' */
  GArray       *by_number;   /* Class */
  GHashTable   *sub_sources; /* text → its number + 1 */
  GPtrArray    *sub_texts;   /* the texts by number; 0 is "" */
  GHashTable   *units;       /* unit code (its address) → institution + 1 */
  sqlite3_stmt *unit_type;
  const char   *last_unit;
  int           last_institution;
  const char   *empty;       /* "" interned */
  gint64        n_lines;     /* every line added, transfers too */
  gboolean      unsafe;
};

static inline gsize
slot_size (const Table *t)
{
  return sizeof (Slot) + t->words * sizeof (guint64);
}

static inline Slot *
slot_at (const Table *t, guint i)
{
  return (Slot *) (t->slots + (gsize) i * slot_size (t));
}

static void
table_init (Table *t, guint words, guint texts, guint n_slots)
{
  t->words = words;
  t->texts = texts;
  t->mask = n_slots - 1;
  t->used = 0;
  t->slots = g_malloc0 ((gsize) n_slots * slot_size (t));
}

static inline guint64
key_hash (const guint64 *key, guint words)
{
  guint64 h = 0;

  for (guint i = 0; i < words; i++)
    {
      h = (h ^ key[i]) * G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
      h ^= h >> 29;
    }
  return h * G_GUINT64_CONSTANT (0x9e3779b97f4a7c15);
}

/* The slot that holds @key, or the free one where it would go. */
static Slot *
probe (const Table *t, const guint64 *key, guint64 hash)
{
  guint i = (guint) (hash >> 32) & t->mask;

  for (;; i = (i + 1) & t->mask)
    {
      Slot *s = slot_at (t, i);

      if (s->lines == 0
          || (s->hash == hash && memcmp (s->key, key, t->words * sizeof (guint64)) == 0))
        return s;
    }
}

static void
table_grow (Table *t)
{
  Table old = *t;

  table_init (t, old.words, old.texts, (old.mask + 1) * 2);
  t->foreign = old.foreign;
  t->interned = old.interned;
  t->used = old.used;
  for (guint i = 0; i <= old.mask; i++)
    {
      const Slot *s = slot_at (&old, i);
      if (s->lines > 0)
        memcpy (probe (t, s->key, s->hash), s, slot_size (t));
    }
  g_free (old.slots);
}

/* The slot of @key: a new one (lines 0, the key set) when it has none. */
static Slot *
find (Table *t, const guint64 *key, guint64 hash)
{
  Slot *s = probe (t, key, hash);

  if (s->lines > 0)
    return s;
  if (4 * (t->used + 1) > 3 * (t->mask + 1))
    {
      table_grow (t);
      s = probe (t, key, hash);
    }
  s->hash = hash;
  memcpy (s->key, key, t->words * sizeof (guint64));
  /* Read when the rows are written: only a text that lives as long as the
   * process may be, and one is interned or not the first time a key holds
   * it. */
  for (guint w = 0; w < t->texts; w++)
    {
      const char *text = (const char *) (guintptr) key[w];

      if (g_hash_table_contains (t->interned, text))
        continue;
      if (g_intern_string (text) == text)
        g_hash_table_add (t->interned, (gpointer) text);
      else
        t->foreign = TRUE;
    }
  return s;
}

static void
add (YsBulkSums *self, Table *t, const guint64 *key, guint64 hash, gint64 amount)
{
  Slot *s = find (t, key, hash);

  if (s->lines++ == 0)
    t->used++;
  if (__builtin_add_overflow (s->amount, amount, &s->amount))
    self->unsafe = TRUE;
}

static void
numbering_init (Numbering *n, GHashTable *interned, guint64 limit)
{
  table_init (&n->t, 1, 1, 256);
  n->t.interned = interned;
  n->texts = g_ptr_array_new ();
  n->limit = limit;
}

static void
numbering_clear (Numbering *n)
{
  g_free (n->t.slots);
  g_ptr_array_unref (n->texts);
}

YsBulkSums *
ys_bulk_sums_new (void)
{
  YsBulkSums *self = g_new0 (YsBulkSums, 1);

  self->interned = g_hash_table_new (NULL, NULL);
  table_init (&self->owners, OWNER_WORDS, 1, 1024);
  table_init (&self->classes, CLASS_WORDS, 2, 64);
  self->owners.interned = self->classes.interned = self->interned;
  numbering_init (&self->funcs, self->interned, 1 << (64 - FUNC_SHIFT));
  numbering_init (&self->econs, self->interned, 1 << (FUNC_SHIFT - ECON_SHIFT));
  numbering_init (&self->govs, self->interned, 1 << (ECON_SHIFT - GOV_SHIFT));
  self->entries = g_array_sized_new (FALSE, FALSE, sizeof (Entry), 4096);
  self->by_number = g_array_new (FALSE, FALSE, sizeof (Class));
  self->sub_sources = g_hash_table_new (g_str_hash, g_str_equal);
  self->sub_texts = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->sub_texts, g_strdup (""));
  self->units = g_hash_table_new (NULL, NULL);
  self->empty = g_intern_static_string ("");
  return self;
}

void
ys_bulk_sums_free (YsBulkSums *self)
{
  if (self == NULL)
    return;
  g_free (self->owners.slots);
  g_free (self->classes.slots);
  g_hash_table_unref (self->interned);
  numbering_clear (&self->funcs);
  numbering_clear (&self->econs);
  numbering_clear (&self->govs);
  g_array_unref (self->entries);
  g_array_unref (self->by_number);
  g_hash_table_unref (self->sub_sources);
  g_ptr_array_unref (self->sub_texts);
  g_hash_table_unref (self->units);
  sqlite3_finalize (self->unit_type);
  g_free (self);
}

void
ys_bulk_sums_give_up (YsBulkSums *self)
{
  self->unsafe = TRUE;
}

gboolean
ys_bulk_sums_given_up (YsBulkSums *self)
{
  return self->unsafe || self->owners.foreign || self->classes.foreign
         || self->funcs.t.foreign || self->econs.t.foreign || self->govs.t.foreign;
}

/* A code or choice, interned; "" for none. Its text is not read: most
 * codes are out of the cache. An empty text that is not interned ""
 * shows as not interned, and sends the load to the SQL fill. */
static inline const char *
interned (const YsBulkSums *self, const YsValue *line, guint field)
{
  const char *s = line[field].s;

  return s != NULL ? s : self->empty;
}

/* 1 when @code's unit is a 事业单位, 0 when it is another, -1 when the file
 * has no such unit (yet): its type read once per unit code. */
static int
institution (YsStore *store, YsBulkSums *self, const char *code)
{
  gpointer found;
  int value = -1;

  if (code == self->last_unit)
    return self->last_institution;
  found = g_hash_table_lookup (self->units, code);
  if (found != NULL)
    value = GPOINTER_TO_INT (found) - 1;
  else
    {
      int rc = SQLITE_OK;

      if (self->unit_type == NULL)
        rc = sqlite3_prepare_v2 (store->db, "SELECT unit_type FROM unit WHERE code = ?1", -1,
                                 &self->unit_type, NULL);
      if (rc == SQLITE_OK)
        {
          sqlite3_bind_text (self->unit_type, 1, code, -1, SQLITE_STATIC);
          if (sqlite3_step (self->unit_type) == SQLITE_ROW)
            value = g_strcmp0 ((const char *) sqlite3_column_text (self->unit_type, 0), "事业单位") == 0;
          sqlite3_reset (self->unit_type);
          sqlite3_clear_bindings (self->unit_type);
        }
      if (value < 0)
        return -1;
      g_hash_table_insert (self->units, (gpointer) code, GINT_TO_POINTER (value + 1));
    }
  self->last_unit = code;
  self->last_institution = value;
  return value;
}

/* The number of a sub-source: free text, not interned, mostly empty. */
static guint64
sub_source_number (YsBulkSums *self, const char *text)
{
  gpointer found;
  guint n;

  if (text == NULL || text[0] == '\0')
    return 0;
  found = g_hash_table_lookup (self->sub_sources, text);
  if (found != NULL)
    return GPOINTER_TO_UINT (found) - 1;
  n = self->sub_texts->len;
  g_ptr_array_add (self->sub_texts, g_strdup (text));
  g_hash_table_insert (self->sub_sources, g_ptr_array_index (self->sub_texts, n), GUINT_TO_POINTER (n + 1));
  return n;
}

static guint64
class_number (YsBulkSums *self, const YsValue *line)
{
  guint64 key[CLASS_WORDS] = {
    (guintptr) interned (self, line, YS_LINE_KIND),
    (guintptr) interned (self, line, YS_LINE_SOURCE),
    sub_source_number (self, line[YS_LINE_SUB_SOURCE].s),
    (guint64) line[YS_LINE_CARRY_OVER].i,
  };
  Slot *s = find (&self->classes, key, key_hash (key, CLASS_WORDS));

  /* Its number is kept as the slot's amount. */
  if (s->lines == 0 && self->by_number->len >= 1 << (GOV_SHIFT - CLASS_SHIFT))
    self->unsafe = TRUE;
  if (s->lines == 0)
    {
      Class c = { (const char *) (guintptr) key[0], (const char *) (guintptr) key[1],
                  g_ptr_array_index (self->sub_texts, key[2]), (gint64) key[3] };

      s->lines = 1;
      s->amount = self->by_number->len;
      self->classes.used++;
      g_array_append_val (self->by_number, c);
    }
  return (guint64) s->amount;
}

/* The number of an interned text in @n; the load gives up past its limit. */
static guint64
number_of (YsBulkSums *self, Numbering *n, const char *text)
{
  guint64 key[1] = { (guintptr) text };
  Slot *s = find (&n->t, key, key_hash (key, 1));

  if (s->lines == 0)
    {
      s->lines = 1;
      s->amount = n->texts->len;
      n->t.used++;
      g_ptr_array_add (n->texts, (gpointer) text);
      if (n->texts->len > n->limit)
        self->unsafe = TRUE;
    }
  return (guint64) s->amount;
}

void
ys_bulk_sums_add_line (YsStore *store, YsRecord *record)
{
  YsBulkSums *self = store->bulk_sums;
  /* Every value of the line: the fields are in one array. */
  const YsValue *line = ys_record_peek (record, 0);
  const char *transfer = line[YS_LINE_TRANSFER].s;
  const char *unit = interned (self, line, YS_LINE_UNIT_CODE);
  const char *project = interned (self, line, YS_LINE_PROJECT_CODE);
  gint64 amount = line[YS_LINE_AMOUNT].i;
  guint64 class;
  Entry entry;
  int inst;

  self->n_lines++;
  if (self->unsafe || (transfer != NULL && transfer[0] != '\0'))
    return;
  inst = institution (store, self, unit);
  if (inst < 0)
    {
      self->unsafe = TRUE;
      return;
    }
  class = class_number (self, line);
  /* The department's sums are tens of thousands, megabytes that a slot
   * looked up per line would go through at random while SQLite writes
   * the rows: each line is noted in order instead, and they are sorted
   * and added up at the end. */
  entry.key = number_of (self, &self->funcs, interned (self, line, YS_LINE_FUNC_CODE)) << FUNC_SHIFT
              | number_of (self, &self->econs, interned (self, line, YS_LINE_ECON_CODE)) << ECON_SHIFT
              | number_of (self, &self->govs, interned (self, line, YS_LINE_GOV_ECON_CODE)) << GOV_SHIFT
              | class << CLASS_SHIFT | (guint64) inst;
  entry.amount = amount;
  g_array_append_val (self->entries, entry);
  {
    guint64 key[OWNER_WORDS] = { (guintptr) unit, class << 1 };
    add (self, &self->owners, key, key_hash (key, OWNER_WORDS), amount);
  }
  if (project != self->empty)
    {
      guint64 key[OWNER_WORDS] = { (guintptr) project, class << 1 | 1 };
      add (self, &self->owners, key, key_hash (key, OWNER_WORDS), amount);
    }
}

/* How many bits the numbers below @n take. */
static guint
width (guint n)
{
  return n > 1 ? g_bit_storage (n - 1) : 0;
}

/* Binds @text to @column of @stmt and adds it to @rs. */
static void
bind_text (sqlite3_stmt *stmt, int column, YsRowSum *rs, const char *text)
{
  gsize n = strlen (text);

  sqlite3_bind_text (stmt, column, text, (int) n, SQLITE_STATIC);
  ys_row_sum_text_len (rs, text, n);
}

static void
bind_int (sqlite3_stmt *stmt, int column, YsRowSum *rs, gint64 value)
{
  sqlite3_bind_int64 (stmt, column, value);
  ys_row_sum_int (rs, value);
}

/* The class's columns from @column on. */
static void
bind_class (YsBulkSums *self, sqlite3_stmt *stmt, int column, YsRowSum *rs, guint64 number)
{
  const Class *c = &g_array_index (self->by_number, Class, number);

  bind_text (stmt, column, rs, c->kind);
  bind_text (stmt, column + 1, rs, c->source);
  bind_text (stmt, column + 2, rs, c->sub_source);
  bind_int (stmt, column + 3, rs, c->carry_over);
}

/* The row's amount, lines and checksum from @column on. */
static void
bind_sums (sqlite3_stmt *stmt, int column, YsRowSum *rs, gint64 amount, gint64 lines)
{
  bind_int (stmt, column, rs, amount);
  bind_int (stmt, column + 1, rs, lines);
  sqlite3_bind_int64 (stmt, column + 2, (sqlite3_int64) rs->h);
}

/* The rows bound to @stmt written. */
static gboolean
run (YsStore *store, sqlite3_stmt *stmt, GError **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      ys_store_set_error (error, store->db, store->path, rc, _("write"));
      return FALSE;
    }
  return TRUE;
}

#define BATCH 32

static sqlite3_stmt *
prepare (YsStore *store, const char *sql, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (store->db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    ys_store_set_error (error, store->db, store->path, rc, _("write"));
  return stmt;
}

#define LINE_KEYS "func_code, econ_code, gov_econ_code, kind, source, sub_source, carry_over, institution"
#define OWNER_KEYS "project, owner, kind, source, sub_source, carry_over"

/* Rows written in the order of the table's primary key are appended to its
 * B-tree; in the order of a hash table they went anywhere in it, which took
 * four times as long (75,000 rows of line_sum, 0.3 s of CPU). A table's
 * texts (or classes) ranked: order[rank] is a number, rank[number] its
 * place in the order of the texts' bytes, SQLite's BINARY collation. */
typedef struct
{
  guint32 *order;
  guint32 *rank;
  guint    width;  /* bits of a rank */
} Ranking;

static void
ranking_init (Ranking *r, guint n, GCompareDataFunc compare, gpointer data)
{
  r->order = g_new (guint32, MAX (n, 1));
  r->rank = g_new (guint32, MAX (n, 1));
  r->width = width (n);
  for (guint i = 0; i < n; i++)
    r->order[i] = i;
  g_qsort_with_data (r->order, n, sizeof *r->order, compare, data);
  for (guint i = 0; i < n; i++)
    r->rank[r->order[i]] = i;
}

static void
ranking_clear (Ranking *r)
{
  g_free (r->order);
  g_free (r->rank);
}

static int
compare_numbered (gconstpointer a, gconstpointer b, gpointer data)
{
  GPtrArray *texts = data;

  return strcmp (g_ptr_array_index (texts, *(const guint32 *) a), g_ptr_array_index (texts, *(const guint32 *) b));
}

static int
compare_classes (gconstpointer a, gconstpointer b, gpointer data)
{
  const Class *x = &g_array_index ((GArray *) data, Class, *(const guint32 *) a);
  const Class *y = &g_array_index ((GArray *) data, Class, *(const guint32 *) b);
  int c = strcmp (x->kind, y->kind);

  if (c == 0)
    c = strcmp (x->source, y->source);
  if (c == 0)
    c = strcmp (x->sub_source, y->sub_source);
  return c != 0 ? c : (x->carry_over > y->carry_over) - (x->carry_over < y->carry_over);
}

/* @n entries sorted by key, a byte at a time from the lowest, as many bytes
 * as the largest key has; gives the array that holds them (@a or @b). */
static Entry *
sort_entries (Entry *a, Entry *b, guint n)
{
  guint64 highest = 0;

  for (guint i = 0; i < n; i++)
    highest |= a[i].key;
  for (guint shift = 0; shift < 64 && (highest >> shift) != 0; shift += 8)
    {
      guint count[257] = { 0 };
      Entry *swap;

      for (guint i = 0; i < n; i++)
        count[((a[i].key >> shift) & 0xff) + 1]++;
      for (guint k = 1; k < 257; k++)
        count[k] += count[k - 1];
      for (guint i = 0; i < n; i++)
        b[count[(a[i].key >> shift) & 0xff]++] = a[i];
      swap = a, a = b, b = swap;
    }
  return a;
}

/* line_sum: the lines' notes keyed by the ranks of their texts and class,
 * in as few bits as those take, so that sorting them puts the rows in the
 * order of the primary key; each run of one key is a row. */
static gboolean
write_line_sums (YsStore *store, YsBulkSums *self, const Ranking *classes, GError **error)
{
  guint n = self->entries->len;
  g_autofree Entry *spare = g_new (Entry, MAX (n, 1));
  Entry *e = (Entry *) self->entries->data;
  Ranking funcs, econs, govs;
  guint wc, wg, we, n_rows = 0;
  sqlite3_stmt *one = NULL, *many = NULL;
  gboolean ok = TRUE;

  ranking_init (&funcs, self->funcs.texts->len, compare_numbered, self->funcs.texts);
  ranking_init (&econs, self->econs.texts->len, compare_numbered, self->econs.texts);
  ranking_init (&govs, self->govs.texts->len, compare_numbered, self->govs.texts);
  wc = classes->width, wg = govs.width, we = econs.width;
  for (guint i = 0; i < n; i++)
    {
      guint64 k = e[i].key;

      e[i].key = ((((guint64) funcs.rank[k >> FUNC_SHIFT] << we
                    | econs.rank[(k >> ECON_SHIFT) & (self->econs.limit - 1)]) << wg
                   | govs.rank[(k >> GOV_SHIFT) & (self->govs.limit - 1)]) << wc
                  | classes->rank[(k & 0xffff) >> CLASS_SHIFT]) << 1 | (k & 1);
    }
  e = sort_entries (e, spare, n);

  /* Rows go in BATCH to a statement: stepping one statement per row cost
   * as much as the row's own insert. */
  for (guint i = 0; i < n; n_rows++)
    for (guint64 k = e[i].key; i < n && e[i].key == k; i++)
      ;
  one = prepare (store, "INSERT INTO line_sum (" LINE_KEYS ", amount, lines, checksum) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  {
    g_autoptr(GString) sql = g_string_new ("INSERT INTO line_sum (" LINE_KEYS ", amount, lines, checksum) VALUES ");

    for (guint r = 0; r < BATCH; r++)
      g_string_append (sql, r ? ", (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)" : "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    many = one != NULL ? prepare (store, sql->str, error) : NULL;
  }
  for (guint i = 0, row = 0; many != NULL && ok && i < n; row++)
    {
      guint64 k = e[i].key;
      gint64 amount = 0, lines = 0;
      gboolean batched = row < n_rows / BATCH * BATCH;
      sqlite3_stmt *stmt = batched ? many : one;
      int c = batched ? (int) (row % BATCH) * 11 : 0;
      YsRowSum rs;

      for (; i < n && e[i].key == k; i++, lines++)
        if (__builtin_add_overflow (amount, e[i].amount, &amount))
          self->unsafe = TRUE;
      if (self->unsafe)
        break;
      ys_row_sum_start (&rs, "line_sum");
      bind_text (stmt, c + 1, &rs, g_ptr_array_index (self->funcs.texts, funcs.order[k >> (1 + wc + wg + we)]));
      bind_text (stmt, c + 2, &rs, g_ptr_array_index (self->econs.texts,
                                                      econs.order[(k >> (1 + wc + wg)) & ((G_GUINT64_CONSTANT (1) << we) - 1)]));
      bind_text (stmt, c + 3, &rs, g_ptr_array_index (self->govs.texts,
                                                      govs.order[(k >> (1 + wc)) & ((G_GUINT64_CONSTANT (1) << wg) - 1)]));
      bind_class (self, stmt, c + 4, &rs, classes->order[(k >> 1) & ((G_GUINT64_CONSTANT (1) << wc) - 1)]);
      bind_int (stmt, c + 8, &rs, (gint64) (k & 1));
      bind_sums (stmt, c + 9, &rs, amount, lines);
      if (!batched || row % BATCH == BATCH - 1)
        ok = run (store, stmt, error);
    }
  ok = ok && many != NULL;
  sqlite3_finalize (one);
  sqlite3_finalize (many);
  ranking_clear (&funcs);
  ranking_clear (&econs);
  ranking_clear (&govs);
  return ok;
}

static int
compare_slots (gconstpointer a, gconstpointer b, gpointer data)
{
  const guint32 *x = a, *y = b;

  for (guint i = 0; i < 3; i++)
    if (x[i] != y[i])
      return x[i] < y[i] ? -1 : 1;
  return 0;
}

/* owner_sum: the owners' slots, each with (project, the rank of its owner,
 * the rank of its class) and its position, sorted by those. */
static gboolean
write_owner_sums (YsStore *store, YsBulkSums *self, const Ranking *classes, GError **error)
{
  const Table *t = &self->owners;
  g_autoptr(GPtrArray) owners = g_ptr_array_new ();
  g_autoptr(GHashTable) numbers = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) rows = g_array_sized_new (FALSE, FALSE, 4 * sizeof (guint32), t->used);
  Ranking ranks;
  sqlite3_stmt *stmt = NULL;
  gboolean ok = TRUE;

  /* Each owner numbered once, however many classes it has sums of. */
  for (guint i = 0; i <= t->mask; i++)
    {
      gpointer owner = (gpointer) (guintptr) slot_at (t, i)->key[0];

      if (slot_at (t, i)->lines > 0 && !g_hash_table_contains (numbers, owner))
        {
          g_hash_table_insert (numbers, owner, GUINT_TO_POINTER (owners->len));
          g_ptr_array_add (owners, owner);
        }
    }
  ranking_init (&ranks, owners->len, compare_numbered, owners);
  for (guint i = 0; i <= t->mask; i++)
    {
      const Slot *s = slot_at (t, i);
      guint32 row[4];

      if (s->lines == 0)
        continue;
      row[0] = s->key[1] & 1;
      row[1] = ranks.rank[GPOINTER_TO_UINT (g_hash_table_lookup (numbers, (gpointer) (guintptr) s->key[0]))];
      row[2] = classes->rank[s->key[1] >> 1];
      row[3] = i;
      g_array_append_vals (rows, row, 1);
    }
  ranking_clear (&ranks);
  g_array_sort_with_data (rows, compare_slots, NULL);

  stmt = prepare (store, "INSERT INTO owner_sum (" OWNER_KEYS ", amount, lines, checksum) "
                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", error);
  for (guint i = 0; stmt != NULL && ok && i < rows->len; i++)
    {
      const Slot *s = slot_at (t, ((guint32 *) rows->data)[4 * i + 3]);
      YsRowSum rs;

      ys_row_sum_start (&rs, "owner_sum");
      bind_int (stmt, 1, &rs, (gint64) (s->key[1] & 1));
      bind_text (stmt, 2, &rs, (const char *) (guintptr) s->key[0]);
      bind_class (self, stmt, 3, &rs, s->key[1] >> 1);
      bind_sums (stmt, 7, &rs, s->amount, s->lines);
      ok = run (store, stmt, error);
    }
  sqlite3_finalize (stmt);
  return ok && stmt != NULL;
}

gboolean
ys_bulk_sums_write (YsStore *store, GError **error)
{
  YsBulkSums *self = store->bulk_sums;
  int n_lines = 0;

  /* The load began with no lines, so with no sums; a line that reached the
   * file by any other way than ys_bulk_sums_add_line() shows in the count. */
  if (!ys_store_exec (store, "DELETE FROM line_sum; DELETE FROM owner_sum", error)
      || !ys_store_query_int (store, "SELECT count(*) FROM line_item", &n_lines, error))
    return FALSE;
  if (!ys_bulk_sums_given_up (self) && n_lines == self->n_lines)
    {
      Ranking classes;
      gboolean ok;

      ranking_init (&classes, self->by_number->len, compare_classes, self->by_number);
      ok = write_line_sums (store, self, &classes, error) && write_owner_sums (store, self, &classes, error);
      ranking_clear (&classes);
      /* An amount past 64 bits: what was written goes. */
      if (!ok || !self->unsafe)
        return ok;
      if (!ys_store_exec (store, "DELETE FROM line_sum; DELETE FROM owner_sum", error))
        return FALSE;
    }
  return ys_store_sums_fill (store, error);
}
