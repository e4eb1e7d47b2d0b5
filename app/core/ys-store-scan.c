/* ys_store_scan: the rows of a table one at a time, checksums verified, no
 * record made of each (a record costs an object and copies of its texts). */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ys-record.h"
#include "ys-store-private.h"
#include "ys-store-scan.h"

/* A text is prepared for the row sum (YsRowSumBytes, 2 KiB) once it has come
 * this often: preparing costs as much as summing it 256 times. */
#define PREPARE_AFTER 16
/* …and only among the first texts of a column: a table read at a random
 * place for each row must stay in the processor's cache to gain anything,
 * so the choices (支出类型, sources, flags) are prepared, codes of hundreds of
 * units or projects summed byte by byte. */
#define PREPARE_FIRST 32
/* A table lookup that misses the first-level cache costs as much as summing
 * a short code byte by byte (4 cycles a byte, 9 for its length): only the
 * empty text and the longer ones (the choices, in Chinese) are prepared. */
#define PREPARE_MIN_LEN 8
/* As YS_STORE_OPEN_MMAP in ys-store.c. */
#define SCAN_MMAP 1073741824

/* A slot holds a text of up to 16 bytes itself, so that finding a code
 * compares two words; a longer text is found by its hash and compared with
 * the copy. All a row needs of a code is in its slot, 32 bytes. */
typedef struct {
  guint64        w[2];      /* the text, zero-padded; for a longer one, its hash */
  guint32        len;
  guint32        id;        /* + 1; 0: empty */
  char          *text;      /* NUL-terminated copy */
} Slot;

/* The distinct texts of one column, numbered as they first come. */
typedef struct {
  Slot          *slots;
  guint          mask;
  guint          n;
  gsize          last;      /* the slot of the text found last */
  gboolean       text;      /* a text field */
  guint          uses[PREPARE_FIRST];
  YsRowSumBytes *sums[PREPARE_FIRST];   /* by id: prepared once it recurs */
} Column;

struct _YsTextIds {
  const YsKind  *kind;
  Column        *columns;   /* per field; empty for integer fields */
  YsRowSumBytes  flags[2];  /* the integers 0 and 1 */
};

static guint64
text_hash (const char *text, gsize len)
{
  guint64 h = len * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);
  gsize i = 0;

  for (; i + 8 <= len; i += 8)
    {
      guint64 w;
      memcpy (&w, text + i, 8);
      h = (h ^ w) * G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
    }
  if (i < len)
    {
      guint64 w = 0;
      memcpy (&w, text + i, len - i);
      h = (h ^ w) * G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
    }
  return h;
}

/* The slot's words for @text: itself when short, else its hash. */
static inline void
slot_words (const char *text, gsize len, guint64 w[2])
{
  w[0] = w[1] = 0;
  if (len <= 16)
    memcpy (w, text, len);
  else
    w[0] = text_hash (text, len);
}

static inline gsize
slot_index (const guint64 w[2], gsize len)
{
  guint64 x = (w[0] ^ (w[1] * G_GUINT64_CONSTANT (0xC2B2AE3D27D4EB4F)) ^ len) * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);

  return (gsize) (x >> 32);
}

static void
column_grow (Column *c)
{
  gsize size = c->slots ? ((gsize) c->mask + 1) * 2 : 64;
  Slot *slots = g_new0 (Slot, size);

  for (gsize i = 0; c->slots && i <= c->mask; i++)
    if (c->slots[i].id != 0)
      {
        gsize k = slot_index (c->slots[i].w, c->slots[i].len) & (size - 1);
        while (slots[k].id != 0)
          k = (k + 1) & (size - 1);
        slots[k] = c->slots[i];
        if (i == c->last)
          c->last = k;
      }
  g_free (c->slots);
  c->slots = slots;
  c->mask = size - 1;
}

/* Rows of one unit or project mostly follow each other: the text of the row
 * before is compared first. */
static Slot *
column_find (Column *c, const char *text, gsize len)
{
  Slot *slot = &c->slots[c->last];
  guint64 w[2];

  slot_words (text, len, w);
  if (slot->w[0] == w[0] && slot->w[1] == w[1] && slot->len == len && slot->id != 0
      && (len <= 16 || memcmp (slot->text, text, len) == 0))
    return slot;
  for (gsize k = slot_index (w, len) & c->mask;; k = (k + 1) & c->mask)
    {
      slot = &c->slots[k];
      if (slot->id == 0)
        {
          *slot = (Slot) { .w = { w[0], w[1] }, .len = len, .id = ++c->n, .text = g_strndup (text, len) };
          c->last = k;
          if (c->n * 2 > c->mask + 1)
            {
              column_grow (c);
              slot = &c->slots[c->last];
            }
          return slot;
        }
      if (slot->w[0] == w[0] && slot->w[1] == w[1] && slot->len == len
          && (len <= 16 || memcmp (slot->text, text, len) == 0))
        {
          c->last = k;
          return slot;
        }
    }
}

YsTextIds *
ys_text_ids_new (const YsKind *kind)
{
  YsTextIds *self = g_new0 (YsTextIds, 1);

  self->kind = kind;
  self->columns = g_new0 (Column, kind->n_fields);
  for (guint i = 0; i < kind->n_fields; i++)
    if (ys_field_is_text (&kind->fields[i]))
      {
        self->columns[i].text = TRUE;
        column_grow (&self->columns[i]);
      }
  ys_row_sum_prepare_int (&self->flags[0], 0);
  ys_row_sum_prepare_int (&self->flags[1], 1);
  return self;
}

void
ys_text_ids_free (YsTextIds *self)
{
  if (self == NULL)
    return;
  for (guint i = 0; i < self->kind->n_fields; i++)
    {
      Column *c = &self->columns[i];

      for (gsize k = 0; c->slots && k <= c->mask; k++)
        g_free (c->slots[k].text);
      for (guint k = 0; k < PREPARE_FIRST; k++)
        g_free (c->sums[k]);
      g_free (c->slots);
    }
  g_free (self->columns);
  g_free (self);
}

const char *
ys_text_ids_find (YsTextIds *self, guint field, const char *text, guint *id)
{
  const char *s = text ? text : "";
  Slot *slot = column_find (&self->columns[field], s, strlen (s));

  *id = slot->id - 1;
  return slot->text;
}

/* A text's share of the row sum: as ys_row_sum_text_len, through its
 * prepared table once it recurs. */
static inline void
sum_text (Column *c, YsRowSum *sum, const Slot *slot)
{
  guint id = slot->id - 1;

  if (id < PREPARE_FIRST && c->sums[id])
    {
      ys_row_sum_apply (sum, c->sums[id]);
      return;
    }
  ys_row_sum_text_len (sum, slot->text, slot->len);
  if (id < PREPARE_FIRST && (slot->len == 0 || slot->len >= PREPARE_MIN_LEN)
      && ++c->uses[id] == PREPARE_AFTER)
    {
      c->sums[id] = g_new (YsRowSumBytes, 1);
      ys_row_sum_prepare_text (c->sums[id], slot->text, slot->len);
    }
}

const char *
ys_text_ids_sum (YsTextIds *self, guint field, const char *text, YsRowSum *sum, guint *id)
{
  Column *c = &self->columns[field];
  const char *s = text ? text : "";
  Slot *slot = column_find (c, s, strlen (s));

  sum_text (c, sum, slot);
  *id = slot->id - 1;
  return slot->text;
}

/* Only for the message about a damaged row: the record as loading it would
 * have made it, so that the row is named the same way. */
static char *
describe_row (const YsKind *kind, gint64 id, const YsValue *values, guint n)
{
  g_autoptr(YsRecord) record = ys_record_new (kind);
  g_autofree char *name = NULL;

  ys_record_set_id (record, id);
  for (guint i = 0; i < n; i++)
    ys_record_load_value (record, i, &values[i]);
  name = ys_record_describe (record);
  return g_strdup_printf (_("the record %s (table %s, id %lld)"), name, kind->table, (long long) id);
}

/* The part of ys_store_scan() shared with the reads of the sums
 * (ys-store-sum-scan.c): the rows of @kind that @filter (what follows the
 * table's name: an INDEXED BY and a WHERE, or "") selects, in the order of
 * their id, their texts numbered in @texts. */
gboolean
ys_store_scan_rows (YsStore *self, const YsKind *kind, YsTextIds *texts, const char *filter,
                    YsRowFunc func, gpointer user_data, GError **error)
{
  g_autofree char *columns = NULL;
  g_autofree char *sql = NULL;
  g_autofree YsValue *values = NULL;
  g_autofree guint *ids = NULL;
  gboolean sums = ys_store_has_sums (self);
  guint n;
  sqlite3_stmt *stmt = NULL;
  YsRowSum table_sum;
  int rc;

  /* A read-only file of an older version lacks the later tables. */
  if (ys_store_kind_since (kind) > self->version)
    return TRUE;
  n = ys_store_kind_columns (kind, self->version);
  /* Fields the file's format does not store stay empty, as when loaded. */
  values = g_new0 (YsValue, kind->n_fields);
  ids = g_new0 (guint, kind->n_fields);
  columns = ys_store_column_list (kind, self->version, TRUE);
  ys_row_sum_start (&table_sum, kind->table);
  sql = g_strdup_printf ("SELECT %s%s FROM %s %s ORDER BY id", columns, sums ? ", checksum" : "",
                         kind->table, filter);
  /* Mapped while the scan reads the table's pages, each once, as open maps
   * the file while it loads the records (ys_store_loaded): read in place
   * instead of copied into SQLite's cache. */
  ys_store_exec (self, "PRAGMA mmap_size = " G_STRINGIFY (SCAN_MMAP), NULL);
  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      YsRowSum sum = table_sum;

      ys_row_sum_int (&sum, id);
      for (guint i = 0; i < n; i++)
        {
          Column *c = &texts->columns[i];

          if (c->text)
            {
              const char *text = (const char *) sqlite3_column_text (stmt, i + 1);
              Slot *slot = column_find (c, text ? text : "", text ? strlen (text) : 0);

              values[i].s = slot->text;
              ids[i] = slot->id - 1;
              sum_text (c, &sum, slot);
            }
          else
            {
              gint64 v = sqlite3_column_int64 (stmt, i + 1);

              values[i].i = v;
              if (v == 0 || v == 1)
                ys_row_sum_apply (&sum, &texts->flags[v]);
              else
                ys_row_sum_int (&sum, v);
            }
        }
      if (sums && (guint64) sqlite3_column_int64 (stmt, n + 1) != sum.h)
        {
          g_autofree char *what = describe_row (kind, id, values, n);
          ys_store_check_sum (self, &sum, stmt, n + 1, what, error);
          sqlite3_finalize (stmt);
          ys_store_loaded (self);
          return FALSE;
        }
      if (!func (values, ids, user_data, error))
        {
          sqlite3_finalize (stmt);
          ys_store_loaded (self);
          return FALSE;
        }
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  ys_store_loaded (self);
  if (rc != SQLITE_DONE)
    {
      ys_store_set_error (error, self->db, self->path, rc, _("read"));
      return FALSE;
    }
  return TRUE;
}

gboolean
ys_store_scan (YsStore *self, const YsKind *kind, YsRowFunc func, gpointer user_data, GError **error)
{
  g_autoptr(YsTextIds) texts = ys_text_ids_new (kind);

  /* A table left out of the check at open is checked before all of it is read. */
  if (!ys_store_check_deferred (self, kind, error))
    return FALSE;
  return ys_store_scan_rows (self, kind, texts, "", func, user_data, error);
}
