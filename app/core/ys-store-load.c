/* Loading the records of one kind (ys_store_load): each row read once,
 * its codes interned, its checksum verified. (Summing four rows side by
 * side, so that the processor overlaps their multiplications, was tried:
 * no CPU time gained, the load waits on memory rather than on the sums.) */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ys-intern-table.h"
#include "ys-record-private.h"
#include "ys-store-private.h"

/* The message for a loaded record whose values do not give the sum stored
 * with them. */
static void
record_damaged (YsStore *self, YsRecord *record, GError **error)
{
  g_autofree char *name = ys_record_describe (record);
  const YsKind *kind = ys_record_get_kind (record);
  g_autofree char *what = g_strdup_printf (_("the record %s (table %s, id %lld)"),
                                           name, kind->table, (long long) ys_record_get_id (record));
  g_autofree char *detail = g_strdup_printf (_("%s does not match the checksum written with it"), what);

  ys_store_set_damaged (error, self->path, detail);
}

enum { READ_INT, READ_INTERNED, READ_TEXT };

/* Each value is read from its column once: into the record's slot, and
 * into the row's sum, which is then compared with the stored one. The sum
 * covers what the record holds (text up to its first NUL, an absent code
 * as empty text), exactly as record_sum() (ys-store.c) does. */
GPtrArray *
ys_store_load (YsStore *self, const YsKind *kind, GError **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *columns = ys_store_column_list (kind, self->version, TRUE);
  guint n = ys_store_kind_columns (kind, self->version);
  gboolean sums = ys_store_has_sums (self);
  g_autofree YsInternTable *interned = g_new0 (YsInternTable, n);
  g_autofree guint8 *how = g_new (guint8, n);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;
  YsRecord *damaged = NULL;
  YsRowSum table_sum;
  int rc;

  /* A read-only file of an older version lacks the later tables. */
  if (ys_store_kind_since (kind) > self->version)
    return g_steal_pointer (&records);
  /* How each column is read, decided once instead of for every row. */
  for (guint i = 0; i < n; i++)
    how[i] = !ys_field_is_text (&kind->fields[i]) ? READ_INT
             : kind->fields[i].type == YS_FIELD_TEXT ? READ_TEXT : READ_INTERNED;
  ys_row_sum_start (&table_sum, kind->table);
  sql = g_strdup_printf ("SELECT %s%s FROM %s ORDER BY id", columns,
                         sums ? ", checksum" : "", kind->table);
  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      YsRecord *record = ys_record_new (kind);
      YsValue *slots = ys_record_load_slots (record);
      gint64 id = sqlite3_column_int64 (stmt, 0);
      YsRowSum sum = table_sum;

      ys_record_load_id (record, id);
      ys_row_sum_int (&sum, id);
      for (guint i = 0; i < n; i++)
        {
          if (how[i] != READ_INT)
            {
              const char *text = (const char *) sqlite3_column_text (stmt, i + 1);
              gsize len = text ? strlen (text) : 0;

              if (how[i] == READ_INTERNED)
                slots[i].s = (char *) ys_intern_table_lookup (&interned[i], text ? text : "", len);
              else
                slots[i].s = len ? g_strndup (text, len) : NULL;
              ys_row_sum_text_len (&sum, text, len);
            }
          else
            {
              slots[i].i = sqlite3_column_int64 (stmt, i + 1);
              ys_row_sum_int (&sum, slots[i].i);
            }
        }
      g_ptr_array_add (records, record);
      if (sums && (guint64) sqlite3_column_int64 (stmt, n + 1) != sum.h)
        {
          damaged = record;
          break;
        }
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  for (guint i = 0; i < n; i++)
    ys_intern_table_clear (&interned[i]);
  if (damaged != NULL)
    {
      record_damaged (self, damaged, error);
      return NULL;
    }
  if (rc != SQLITE_DONE)
    {
      ys_store_set_error (error, self->db, self->path, rc, _("read"));
      return NULL;
    }
  return g_steal_pointer (&records);
}
