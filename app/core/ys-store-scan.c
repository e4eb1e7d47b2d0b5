/* ys_store_scan: the rows of a table one at a time, checksums verified, no
 * record made of each (a record costs an object and copies of its texts). */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ys-record.h"
#include "ys-store-private.h"
#include "ys-store-scan.h"

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

gboolean
ys_store_scan (YsStore *self, const YsKind *kind, YsRowFunc func, gpointer user_data, GError **error)
{
  g_autofree char *columns = NULL;
  g_autofree char *sql = NULL;
  g_autofree YsValue *values = NULL;
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
  columns = ys_store_column_list (kind, self->version, TRUE);
  ys_row_sum_start (&table_sum, kind->table);
  sql = g_strdup_printf ("SELECT %s%s FROM %s ORDER BY id", columns, sums ? ", checksum" : "", kind->table);
  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      YsRowSum sum = table_sum;

      ys_row_sum_int (&sum, id);
      for (guint i = 0; i < n; i++)
        {
          if (ys_field_is_text (&kind->fields[i]))
            {
              values[i].s = (char *) sqlite3_column_text (stmt, i + 1);
              ys_row_sum_text (&sum, values[i].s);
            }
          else
            {
              values[i].i = sqlite3_column_int64 (stmt, i + 1);
              ys_row_sum_int (&sum, values[i].i);
            }
        }
      if (sums && (guint64) sqlite3_column_int64 (stmt, n + 1) != sum.h)
        {
          g_autofree char *what = describe_row (kind, id, values, n);
          ys_store_check_sum (self, &sum, stmt, n + 1, what, error);
          sqlite3_finalize (stmt);
          return FALSE;
        }
      if (!func (values, user_data, error))
        {
          sqlite3_finalize (stmt);
          return FALSE;
        }
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      ys_store_set_error (error, self->db, self->path, rc, _("read"));
      return FALSE;
    }
  return TRUE;
}
