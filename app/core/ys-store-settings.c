/* Document settings and imported catalog rows: the small tables of a file. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ys-catalog.h"
#include "ys-store-private.h"

GHashTable *
ys_store_load_meta (YsStore *self, GError **error)
{
  g_autoptr(GHashTable) meta = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, ys_store_has_sums (self) ? "SELECT key, value, checksum FROM meta"
                                                          : "SELECT key, value FROM meta", -1, &stmt, NULL);

  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *key = (const char *) sqlite3_column_text (stmt, 0);
      const char *value = (const char *) sqlite3_column_text (stmt, 1);
      YsRowSum sum;

      ys_row_sum_init (&sum, "meta", 0);
      ys_row_sum_text (&sum, key);
      ys_row_sum_text (&sum, value);
      {
        g_autofree char *what = g_strdup_printf (_("the document setting “%s”"), key ? key : "");
        if (!ys_store_check_sum (self, &sum, stmt, 2, what, error))
          {
            sqlite3_finalize (stmt);
            return NULL;
          }
      }
      g_hash_table_insert (meta, g_strdup (key ? key : ""), g_strdup (value ? value : ""));
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      ys_store_set_error (error, self->db, self->path, rc, _("read"));
      return NULL;
    }
  return g_steal_pointer (&meta);
}

gboolean
ys_store_set_meta (YsStore *self, const char *key, const char *value, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  YsRowSum sum;
  int rc;

  if (!ys_store_ensure_writable (self, error))
    return FALSE;
  value = value ? value : "";
  ys_row_sum_init (&sum, "meta", 0);
  ys_row_sum_text (&sum, key);
  ys_row_sum_text (&sum, value);
  rc = sqlite3_prepare_v2 (self->db,
                           ys_store_has_sums (self)
                             ? "INSERT INTO meta (key, value, checksum) VALUES (?1, ?2, ?3) "
                               "ON CONFLICT (key) DO UPDATE SET value = excluded.value, checksum = excluded.checksum"
                             : "INSERT INTO meta (key, value) VALUES (?1, ?2) "
                               "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
      if (ys_store_has_sums (self))
        sqlite3_bind_int64 (stmt, 3, (sqlite3_int64) sum.h);
      rc = sqlite3_step (stmt);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      ys_store_set_error (error, self->db, self->path, rc, _("write"));
      return FALSE;
    }
  return TRUE;
}

static void
catalog_sum (YsRowSum *sum, const char *catalog, const char *code, const char *name, int level,
             const char *parent)
{
  ys_row_sum_init (sum, "catalog_entry", 0);
  ys_row_sum_text (sum, catalog);
  ys_row_sum_text (sum, code);
  ys_row_sum_text (sum, name);
  ys_row_sum_int (sum, level);
  ys_row_sum_text (sum, parent);
}

GPtrArray *
ys_store_load_catalog (YsStore *self, const char *catalog, GError **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) ys_catalog_entry_free);
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db,
                               ys_store_has_sums (self)
                                 ? "SELECT code, name, level, parent, checksum FROM catalog_entry "
                                   "WHERE catalog = ?1 ORDER BY code"
                                 : "SELECT code, name, level, parent FROM catalog_entry "
                                   "WHERE catalog = ?1 ORDER BY code", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    sqlite3_bind_text (stmt, 1, catalog, -1, SQLITE_STATIC);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *code = (const char *) sqlite3_column_text (stmt, 0);
      const char *name = (const char *) sqlite3_column_text (stmt, 1);
      const char *parent = (const char *) sqlite3_column_text (stmt, 3);
      YsRowSum sum;

      catalog_sum (&sum, catalog, code, name, sqlite3_column_int (stmt, 2), parent);
      {
        g_autofree char *what = g_strdup_printf (_("the catalog row %s %s"), catalog, code ? code : "");
        if (!ys_store_check_sum (self, &sum, stmt, 4, what, error))
          {
            sqlite3_finalize (stmt);
            return NULL;
          }
      }
      g_ptr_array_add (rows, ys_catalog_entry_new (code, name, sqlite3_column_int (stmt, 2),
                                                   parent && *parent ? parent : NULL,
                                                   "imported"));
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      ys_store_set_error (error, self->db, self->path, rc, _("read"));
      return NULL;
    }
  return g_steal_pointer (&rows);
}

gboolean
ys_store_save_catalog (YsStore *self, const char *catalog, GPtrArray *entries,
                       gboolean replace_all, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = SQLITE_OK;

  if (!ys_store_ensure_writable (self, error))
    return FALSE;
  if (replace_all)
    {
      char *sql = sqlite3_mprintf ("DELETE FROM catalog_entry WHERE catalog = %Q", catalog);
      gboolean ok = ys_store_exec (self, sql, error);

      sqlite3_free (sql);
      if (!ok)
        return FALSE;
    }
  rc = sqlite3_prepare_v2 (self->db,
                           ys_store_has_sums (self)
                             ? "INSERT OR REPLACE INTO catalog_entry (catalog, code, name, level, parent, checksum) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
                             : "INSERT OR REPLACE INTO catalog_entry (catalog, code, name, level, parent) "
                               "VALUES (?1, ?2, ?3, ?4, ?5)", -1, &stmt, NULL);
  for (guint i = 0; rc == SQLITE_OK && i < entries->len; i++)
    {
      const YsCatalogEntry *e = g_ptr_array_index (entries, i);
      const char *parent = e->parent ? e->parent : "";
      YsRowSum sum;

      catalog_sum (&sum, catalog, e->code, e->name, e->level, parent);
      sqlite3_bind_text (stmt, 1, catalog, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, e->code, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, e->name, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 4, e->level);
      sqlite3_bind_text (stmt, 5, parent, -1, SQLITE_STATIC);
      if (ys_store_has_sums (self))
        sqlite3_bind_int64 (stmt, 6, (sqlite3_int64) sum.h);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK)
    {
      ys_store_set_error (error, self->db, self->path, rc, _("write"));
      return FALSE;
    }
  return TRUE;
}
