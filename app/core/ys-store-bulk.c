/* Loading empty tables (an import into a new file): the foreign keys are
 * checked once, when the load is committed, and the indexes on them built
 * after the rows, instead of both at every row. The CHECK constraints still
 * apply to every row as it is written; the result is the same file. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ys-store-private.h"

static gboolean
tables_empty (YsStore *self, gboolean *empty, GError **error)
{
  const YsKind *const *kinds = ys_kinds_all ();

  *empty = TRUE;
  for (guint k = 0; kinds[k] && *empty; k++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT NOT EXISTS (SELECT 1 FROM %s)", kinds[k]->table);
      int none = 0;

      if (!ys_store_query_int (self, sql, &none, error))
        return FALSE;
      *empty = none != 0;
    }
  return TRUE;
}

gboolean
ys_store_begin_bulk (YsStore *self, GError **error)
{
  g_autoptr(GPtrArray) indexes = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  gboolean empty = FALSE;
  int rc;

  g_return_val_if_fail (!self->in_transaction, FALSE);
  if (!ys_store_ensure_writable (self, error) || !tables_empty (self, &empty, error))
    return FALSE;
  if (!empty)
    return ys_store_begin (self, error);
  /* Only outside a transaction does SQLite take this setting. */
  if (!ys_store_exec (self, "PRAGMA foreign_keys = OFF", error))
    return FALSE;
  if (!ys_store_begin (self, error))
    {
      ys_store_exec (self, "PRAGMA foreign_keys = ON", NULL);
      return FALSE;
    }
  /* Indexes of their own (not those of UNIQUE and PRIMARY KEY, which have
   * no SQL): dropped and made again from the same text at the end. */
  rc = sqlite3_prepare_v2 (self->db, "SELECT name, sql FROM sqlite_master "
                           "WHERE type = 'index' AND sql IS NOT NULL ORDER BY rowid", -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (indexes, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      g_ptr_array_add (indexes, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      ys_store_set_error (error, self->db, self->path, rc, _("read"));
      ys_store_rollback (self);
      return FALSE;
    }
  self->bulk_indexes = g_steal_pointer (&indexes);
  for (guint i = 0; i < self->bulk_indexes->len; i += 2)
    {
      char *drop = sqlite3_mprintf ("DROP INDEX \"%w\"", (const char *) g_ptr_array_index (self->bulk_indexes, i));
      gboolean ok = ys_store_exec (self, drop, error);

      sqlite3_free (drop);
      if (!ok)
        {
          ys_store_rollback (self);
          return FALSE;
        }
    }
  return TRUE;
}

/* Before the commit of a bulk load: the indexes again, then every foreign
 * key of every row. */
gboolean
ys_store_finish_bulk (YsStore *self, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  for (guint i = 1; i < self->bulk_indexes->len; i += 2)
    if (!ys_store_exec (self, g_ptr_array_index (self->bulk_indexes, i), error))
      return FALSE;
  rc = sqlite3_prepare_v2 (self->db, "PRAGMA foreign_key_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      g_set_error (error, YS_STORE_ERROR, YS_STORE_ERROR_CONSTRAINT,
                   _("The change breaks a rule of the budget file and was not saved: %s"),
                   sqlite3_errstr (SQLITE_CONSTRAINT_FOREIGNKEY));
      g_prefix_error (error, "%s #%lld: ", (const char *) sqlite3_column_text (stmt, 0),
                      (long long) sqlite3_column_int64 (stmt, 1));
    }
  else if (rc != SQLITE_DONE)
    ys_store_set_error (error, self->db, self->path, rc, _("write"));
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE;
}

/* After the commit or rollback of a bulk load. */
void
ys_store_end_bulk (YsStore *self)
{
  if (self->bulk_indexes == NULL)
    return;
  g_clear_pointer (&self->bulk_indexes, g_ptr_array_unref);
  sqlite3_exec (self->db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
}
