#include "config.h"

#include <glib/gi18n-lib.h>

#include "ys-store-private.h"
#include "ys-store-snapshot.h"

/* Made on the first snapshot, so files without one are unchanged; not part of
 * the schema version, since nothing else reads it. */
static const char create_sql[] =
  "CREATE TABLE IF NOT EXISTS snapshots ("
  " name TEXT PRIMARY KEY NOT NULL,"
  " created INTEGER NOT NULL,"
  " size INTEGER NOT NULL,"
  " data BLOB NOT NULL)";

void
ys_store_snapshot_free (YsStoreSnapshot *snapshot)
{
  if (snapshot == NULL)
    return;
  g_free (snapshot->name);
  g_free (snapshot);
}

static gboolean
fail (YsStore *self, int rc, const char *what, GError **error)
{
  ys_store_set_error (error, self->db, self->path, rc, what);
  return FALSE;
}

static gboolean
has_table (YsStore *self, gboolean *out, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'snapshots'",
                               -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    return fail (self, rc, _("read"), error);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return fail (self, rc, _("read"), error);
  *out = rc == SQLITE_ROW;
  return TRUE;
}

gboolean
ys_store_save_snapshot (YsStore *self, const char *name, gint64 created, gint64 size, GBytes *data,
                        GError **error)
{
  sqlite3_stmt *stmt = NULL;
  gsize len = 0;
  const void *bytes = g_bytes_get_data (data, &len);
  int rc;

  if (!ys_store_begin (self, error))
    return FALSE;
  if (!ys_store_exec (self, create_sql, error))
    {
      ys_store_rollback (self);
      return FALSE;
    }
  rc = sqlite3_prepare_v2 (self->db, "INSERT INTO snapshots (name, created, size, data) VALUES (?, ?, ?, ?)",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, created);
      sqlite3_bind_int64 (stmt, 3, size);
      sqlite3_bind_blob64 (stmt, 4, bytes, len, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      sqlite3_finalize (stmt);
    }
  if (rc != SQLITE_DONE)
    {
      if ((rc & 0xff) == SQLITE_CONSTRAINT)
        g_set_error (error, YS_STORE_ERROR, YS_STORE_ERROR_EXISTS,
                     _("A version named “%s” already exists; versions are never overwritten"), name);
      else
        fail (self, rc, _("write"), error);
      ys_store_rollback (self);
      return FALSE;
    }
  return ys_store_commit (self, error);
}

GPtrArray *
ys_store_list_snapshots (YsStore *self, GError **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) ys_store_snapshot_free);
  sqlite3_stmt *stmt = NULL;
  gboolean exists = FALSE;
  int rc;

  if (!has_table (self, &exists, error))
    return NULL;
  if (!exists)
    return g_steal_pointer (&list);
  /* length() of a blob reads its size from the record header, not the blob. */
  rc = sqlite3_prepare_v2 (self->db, "SELECT name, created, size, length(data) FROM snapshots ORDER BY created, rowid",
                           -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      fail (self, rc, _("read"), error);
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      YsStoreSnapshot *s = g_new0 (YsStoreSnapshot, 1);
      s->name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      s->created = sqlite3_column_int64 (stmt, 1);
      s->size = sqlite3_column_int64 (stmt, 2);
      s->stored_size = sqlite3_column_int64 (stmt, 3);
      g_ptr_array_add (list, s);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      fail (self, rc, _("read"), error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

GBytes *
ys_store_load_snapshot (YsStore *self, const char *name, gint64 *size, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean exists = FALSE;
  GBytes *data = NULL;
  int rc = SQLITE_DONE;

  if (!has_table (self, &exists, error))
    return NULL;
  if (exists)
    {
      rc = sqlite3_prepare_v2 (self->db, "SELECT size, data FROM snapshots WHERE name = ?", -1, &stmt, NULL);
      if (rc != SQLITE_OK)
        {
          fail (self, rc, _("read"), error);
          return NULL;
        }
      sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *size = sqlite3_column_int64 (stmt, 0);
          data = g_bytes_new (sqlite3_column_blob (stmt, 1), sqlite3_column_bytes (stmt, 1));
        }
      sqlite3_finalize (stmt);
    }
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    fail (self, rc, _("read"), error);
  else if (data == NULL)
    g_set_error (error, YS_STORE_ERROR, YS_STORE_ERROR_NOT_FOUND,
                 _("The budget file has no version named “%s”"), name);
  return data;
}
