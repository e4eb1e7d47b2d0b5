#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "ys-catalog.h"
#include "ys-kinds.h"
#include "ys-store.h"
#include "ys-store-snapshot.h"

G_DEFINE_QUARK (ys-store-error-quark, ys_store_error)

enum { STMT_INSERT, STMT_INSERT_ID, STMT_DELETE, N_STMTS };

struct _YsStore
{
  sqlite3      *db;
  char         *path;
  gboolean      in_transaction;
  sqlite3_stmt *stmts[YS_N_KINDS][N_STMTS];
  GHashTable   *update_stmts; /* "table.column" → sqlite3_stmt */
};

/* The schema version that introduced each kind: later versions add tables
 * to older files when they are opened. */
static int
kind_since (const YsKind *kind)
{
  return kind == &ys_review_kind ? 2 : 1;
}

static void
set_sqlite_error (GError **error, sqlite3 *db, int rc, const char *what)
{
  int code;

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      code = YS_STORE_ERROR_LOCKED;
      break;
    case SQLITE_CORRUPT:
      code = YS_STORE_ERROR_DAMAGED;
      break;
    case SQLITE_NOTADB:
      code = YS_STORE_ERROR_NOT_A_DOCUMENT;
      break;
    case SQLITE_CONSTRAINT:
      code = YS_STORE_ERROR_CONSTRAINT;
      break;
    default:
      code = YS_STORE_ERROR_FAILED;
    }

  if (code == YS_STORE_ERROR_LOCKED)
    g_set_error (error, YS_STORE_ERROR, code,
                 _("The budget file is open in another window or program; close it there first"));
  else if (code == YS_STORE_ERROR_DAMAGED)
    g_set_error (error, YS_STORE_ERROR, code,
                 _("The budget file is damaged (%s); restore it from a backup"),
                 db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
  else if (code == YS_STORE_ERROR_CONSTRAINT)
    g_set_error (error, YS_STORE_ERROR, code,
                 _("The change breaks a rule of the budget file and was not saved: %s"),
                 db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
  else
    g_set_error (error, YS_STORE_ERROR, code, _("Could not %s the budget file: %s"),
                 what, db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
}

static gboolean
exec (YsStore *self, const char *sql, GError **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, self->db, rc, _("write"));
      return FALSE;
    }
  return TRUE;
}

static sqlite3_stmt *
prepare (YsStore *self, const char *sql, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, self->db, rc, _("read"));
      return NULL;
    }
  return stmt;
}

static void
append_code_check (GString *sql, const YsField *f)
{
  if (f->digits > 0)
    g_string_append_printf (sql, "(length(%s) = %u AND %s NOT GLOB '*[^0-9]*')",
                            f->name, f->digits, f->name);
  else
    g_string_append_printf (sql, "%s NOT GLOB '*[^0-9A-Za-z]*'", f->name);
}

static char *
table_sql (const YsKind *kind)
{
  GString *sql = g_string_new (NULL);

  g_string_append_printf (sql, "CREATE TABLE %s (\n  id INTEGER PRIMARY KEY", kind->table);
  for (guint i = 0; i < kind->n_fields; i++)
    {
      const YsField *f = &kind->fields[i];
      gboolean required = (f->flags & YS_FIELD_REQUIRED) != 0;

      g_string_append_printf (sql, ",\n  %s ", f->name);
      switch (f->type)
        {
        case YS_FIELD_TEXT:
          g_string_append (sql, "TEXT NOT NULL DEFAULT ''");
          if (required)
            g_string_append_printf (sql, " CHECK (%s <> '')", f->name);
          break;

        case YS_FIELD_CODE:
          if (f->ref && !required)
            {
              /* NULL, not '', so that the foreign key does not apply. */
              g_string_append_printf (sql, "TEXT CHECK (%s IS NULL OR ", f->name);
              append_code_check (sql, f);
              g_string_append (sql, ")");
            }
          else if (required)
            {
              g_string_append_printf (sql, "TEXT NOT NULL CHECK (%s <> '' AND ", f->name);
              append_code_check (sql, f);
              g_string_append (sql, ")");
            }
          else
            {
              g_string_append_printf (sql, "TEXT NOT NULL DEFAULT '' CHECK (%s = '' OR ", f->name);
              append_code_check (sql, f);
              g_string_append (sql, ")");
            }
          if (f->flags & YS_FIELD_KEY)
            g_string_append (sql, " UNIQUE");
          if (f->ref)
            g_string_append_printf (sql, " REFERENCES %s(code) ON UPDATE CASCADE",
                                    ys_kinds_lookup (f->ref)->table);
          break;

        case YS_FIELD_CHOICE:
          if (required)
            g_string_append_printf (sql, "TEXT NOT NULL CHECK (%s IN (", f->name);
          else
            g_string_append_printf (sql, "TEXT NOT NULL DEFAULT '' CHECK (%s = '' OR %s IN (",
                                    f->name, f->name);
          for (guint c = 0; f->choices[c]; c++)
            g_string_append_printf (sql, "%s'%s'", c ? ", " : "", f->choices[c]);
          g_string_append (sql, "))");
          break;

        case YS_FIELD_INT:
        case YS_FIELD_MONEY:
          g_string_append (sql, "INTEGER NOT NULL DEFAULT 0");
          if (!(f->flags & YS_FIELD_NEGATIVE_OK))
            g_string_append_printf (sql, " CHECK (%s >= 0)", f->name);
          break;

        case YS_FIELD_BOOL:
          g_string_append_printf (sql, "INTEGER NOT NULL DEFAULT 0 CHECK (%s IN (0, 1))", f->name);
          break;
        }
    }
  g_string_append (sql, "\n);\n");

  for (guint i = 0; i < kind->n_fields; i++)
    if (kind->fields[i].ref)
      g_string_append_printf (sql, "CREATE INDEX %s_%s ON %s (%s);\n",
                              kind->table, kind->fields[i].name, kind->table, kind->fields[i].name);
  return g_string_free (sql, FALSE);
}

static const char base_schema[] =
  "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);\n"
  "CREATE TABLE catalog_entry (\n"
  "  catalog TEXT NOT NULL CHECK (catalog IN ('function', 'economic_dept', 'economic_gov', 'procurement')),\n"
  "  code TEXT NOT NULL CHECK (code <> ''),\n"
  "  name TEXT NOT NULL,\n"
  "  level INTEGER NOT NULL DEFAULT 0,\n"
  "  parent TEXT NOT NULL DEFAULT '',\n"
  "  PRIMARY KEY (catalog, code)\n"
  ");\n";

/* Brings a file from @from to @to; every step in the caller's transaction. */
static gboolean
migrate (YsStore *self, int from, int to, GError **error)
{
  const YsKind *const *kinds = ys_kinds_all ();

  if (from == 0 && !exec (self, base_schema, error))
    return FALSE;
  for (guint k = 0; kinds[k]; k++)
    {
      int since = kind_since (kinds[k]);

      if (since > from && since <= to)
        {
          g_autofree char *sql = table_sql (kinds[k]);
          if (!exec (self, sql, error))
            return FALSE;
        }
    }

  g_autofree char *version = g_strdup_printf ("PRAGMA user_version = %d", to);
  return exec (self, version, error);
}

static void
finalize_stmt (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static YsStore *
store_new (sqlite3 *db, const char *path)
{
  YsStore *self = g_new0 (YsStore, 1);

  self->db = db;
  self->path = g_strdup (path);
  self->update_stmts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                              finalize_stmt);
  return self;
}

/* Exclusive locking holds the file for as long as it is open, so that a
 * second window or a script cannot write behind the first one's back. */
static gboolean
configure (YsStore *self, GError **error)
{
  sqlite3_busy_timeout (self->db, 100);
  return exec (self, "PRAGMA locking_mode = EXCLUSIVE", error)
      && exec (self, "PRAGMA foreign_keys = ON", error)
      && exec (self, "BEGIN EXCLUSIVE; COMMIT", error);
}

static gboolean
enable_wal (YsStore *self, GError **error)
{
  return exec (self, "PRAGMA journal_mode = WAL", error)
      && exec (self, "PRAGMA synchronous = FULL", error)
      && exec (self, "PRAGMA cache_size = -131072", error);
}

static YsStore *open_file (const char *path, gboolean upgrade, GError **error);

YsStore *
ys_store_create_version (const char *path, int version, GError **error)
{
  g_autofree char *tmp = NULL;
  g_autofree char *app_id = g_strdup_printf ("PRAGMA application_id = %d", YS_STORE_APPLICATION_ID);
  sqlite3 *db = NULL;
  YsStore *self;
  int rc;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, YS_STORE_ERROR, YS_STORE_ERROR_EXISTS,
                   _("“%s” already exists; choose another name"), path);
      return NULL;
    }

  /* Built under a temporary name and renamed, so a failure leaves nothing behind. */
  tmp = g_strdup_printf ("%s.new-%d", path, (int) getpid ());
  rc = sqlite3_open_v2 (tmp, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, YS_STORE_ERROR, YS_STORE_ERROR_FAILED,
                   _("Could not create “%s”: %s"), path, sqlite3_errstr (rc));
      sqlite3_close (db);
      return NULL;
    }

  self = store_new (db, tmp);
  if (!exec (self, "PRAGMA foreign_keys = ON", error)
      || !exec (self, app_id, error)
      || !exec (self, "BEGIN", error)
      || !migrate (self, 0, version, error)
      || !exec (self, "COMMIT", error))
    {
      ys_store_close (self);
      g_unlink (tmp);
      return NULL;
    }
  ys_store_close (self);

  if (g_rename (tmp, path) != 0)
    {
      int saved = errno;
      g_unlink (tmp);
      g_set_error (error, YS_STORE_ERROR, YS_STORE_ERROR_FAILED,
                   _("Could not create “%s”: %s"), path, g_strerror (saved));
      return NULL;
    }
  /* An older version stays as it is, for tests of the migration itself. */
  return open_file (path, version == YS_STORE_SCHEMA_VERSION, error);
}

YsStore *
ys_store_create (const char *path, GError **error)
{
  return ys_store_create_version (path, YS_STORE_SCHEMA_VERSION, error);
}

static gboolean
check_header (const char *path, GError **error)
{
  char header[100];
  FILE *fp;
  size_t n;
  guint32 app_id;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, YS_STORE_ERROR, YS_STORE_ERROR_NOT_FOUND,
                   _("“%s” does not exist"), path);
      return FALSE;
    }
  fp = g_fopen (path, "rb");
  if (fp == NULL)
    {
      g_set_error (error, YS_STORE_ERROR, YS_STORE_ERROR_FAILED,
                   _("Could not read “%s”: %s"), path, g_strerror (errno));
      return FALSE;
    }
  n = fread (header, 1, sizeof header, fp);
  fclose (fp);

  if (n < sizeof header || memcmp (header, "SQLite format 3", 16) != 0)
    {
      g_set_error (error, YS_STORE_ERROR, YS_STORE_ERROR_NOT_A_DOCUMENT,
                   _("“%s” is not a Yusuan budget file"), path);
      return FALSE;
    }
  app_id = ((guint32) (guchar) header[68] << 24) | ((guint32) (guchar) header[69] << 16)
         | ((guint32) (guchar) header[70] << 8) | (guint32) (guchar) header[71];
  if (app_id != YS_STORE_APPLICATION_ID)
    {
      g_set_error (error, YS_STORE_ERROR, YS_STORE_ERROR_NOT_A_DOCUMENT,
                   _("“%s” is a database, but not a Yusuan budget file"), path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
query_int (YsStore *self, const char *sql, int *out, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      set_sqlite_error (error, self->db, rc, _("read"));
      sqlite3_finalize (stmt);
      return FALSE;
    }
  *out = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return TRUE;
}

static gboolean
quick_check (YsStore *self, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, "PRAGMA quick_check(1)", -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      set_sqlite_error (error, self->db, rc, _("read"));
      sqlite3_finalize (stmt);
      return FALSE;
    }
  if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0)
    {
      g_set_error (error, YS_STORE_ERROR, YS_STORE_ERROR_DAMAGED,
                   _("The budget file is damaged (%s); restore it from a backup"),
                   (const char *) sqlite3_column_text (stmt, 0));
      sqlite3_finalize (stmt);
      return FALSE;
    }
  sqlite3_finalize (stmt);
  return TRUE;
}

YsStore *
ys_store_open (const char *path, GError **error)
{
  return open_file (path, TRUE, error);
}

static YsStore *
open_file (const char *path, gboolean upgrade, GError **error)
{
  sqlite3 *db = NULL;
  YsStore *self;
  int version = 0;
  int rc;

  if (!check_header (path, error))
    return NULL;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, db, rc, _("open"));
      sqlite3_close (db);
      return NULL;
    }
  self = store_new (db, path);

  /* Nothing is written until the file has passed every check. */
  if (!configure (self, error)
      || !query_int (self, "PRAGMA user_version", &version, error))
    goto fail;
  if (version > YS_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, YS_STORE_ERROR, YS_STORE_ERROR_NEWER_VERSION,
                   _("“%s” was saved by a newer version of Yusuan (format %d; this version reads up to %d); update Yusuan to open it"),
                   path, version, YS_STORE_SCHEMA_VERSION);
      goto fail;
    }
  if (version < 1)
    {
      g_set_error (error, YS_STORE_ERROR, YS_STORE_ERROR_NOT_A_DOCUMENT,
                   _("“%s” is not a Yusuan budget file"), path);
      goto fail;
    }
  if (!quick_check (self, error))
    goto fail;

  if (upgrade && version < YS_STORE_SCHEMA_VERSION)
    {
      if (!exec (self, "BEGIN", error))
        goto fail;
      if (!migrate (self, version, YS_STORE_SCHEMA_VERSION, error))
        {
          ys_store_rollback (self);
          goto fail;
        }
      if (!exec (self, "COMMIT", error))
        goto fail;
    }
  if (!enable_wal (self, error))
    goto fail;
  return self;

fail:
  ys_store_close (self);
  return NULL;
}

void
ys_store_close (YsStore *self)
{
  if (self == NULL)
    return;
  g_hash_table_destroy (self->update_stmts);
  for (guint k = 0; k < YS_N_KINDS; k++)
    for (guint s = 0; s < N_STMTS; s++)
      sqlite3_finalize (self->stmts[k][s]);
  sqlite3_close (self->db);
  g_free (self->path);
  g_free (self);
}

const char *
ys_store_get_path (YsStore *self)
{
  return self->path;
}

gboolean
ys_store_begin (YsStore *self, GError **error)
{
  g_return_val_if_fail (!self->in_transaction, FALSE);
  if (!exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  self->in_transaction = TRUE;
  return TRUE;
}

gboolean
ys_store_commit (YsStore *self, GError **error)
{
  g_return_val_if_fail (self->in_transaction, FALSE);
  if (!exec (self, "COMMIT", error))
    {
      ys_store_rollback (self);
      return FALSE;
    }
  self->in_transaction = FALSE;
  return TRUE;
}

void
ys_store_rollback (YsStore *self)
{
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  self->in_transaction = FALSE;
}

gboolean
ys_store_in_transaction (YsStore *self)
{
  return self->in_transaction;
}

/* For ys-store-snapshot.c: the snapshots keep to a table of their own. */
sqlite3 *
ys_store_get_sqlite (YsStore *self)
{
  return self->db;
}

GHashTable *
ys_store_load_meta (YsStore *self, GError **error)
{
  g_autoptr(GHashTable) meta = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, "SELECT key, value FROM meta", -1, &stmt, NULL);

  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_hash_table_insert (meta, g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                           g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, self->db, rc, _("read"));
      return NULL;
    }
  return g_steal_pointer (&meta);
}

gboolean
ys_store_set_meta (YsStore *self, const char *key, const char *value, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db,
                               "INSERT INTO meta (key, value) VALUES (?1, ?2) "
                               "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                               -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, value ? value : "", -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, self->db, rc, _("write"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
stores_null (const YsField *f)
{
  return f->type == YS_FIELD_CODE && f->ref && !(f->flags & YS_FIELD_REQUIRED);
}

GPtrArray *
ys_store_load (YsStore *self, const YsKind *kind, GError **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GString) sql = g_string_new ("SELECT id");
  sqlite3_stmt *stmt = NULL;
  int rc;

  for (guint i = 0; i < kind->n_fields; i++)
    g_string_append_printf (sql, ", %s", kind->fields[i].name);
  g_string_append_printf (sql, " FROM %s ORDER BY id", kind->table);

  rc = sqlite3_prepare_v2 (self->db, sql->str, -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      YsRecord *record = ys_record_new (kind);

      ys_record_set_id (record, sqlite3_column_int64 (stmt, 0));
      for (guint i = 0; i < kind->n_fields; i++)
        {
          YsValue v;
          if (ys_field_is_text (&kind->fields[i]))
            v.s = (char *) sqlite3_column_text (stmt, i + 1);
          else
            v.i = sqlite3_column_int64 (stmt, i + 1);
          ys_record_load_value (record, i, &v);
        }
      g_ptr_array_add (records, record);
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, self->db, rc, _("read"));
      return NULL;
    }
  return g_steal_pointer (&records);
}

static void
bind_field (sqlite3_stmt *stmt, int index, YsRecord *record, guint field)
{
  const YsField *f = &ys_record_get_kind (record)->fields[field];
  const YsValue *v = ys_record_peek (record, field);

  if (!ys_field_is_text (f))
    sqlite3_bind_int64 (stmt, index, v->i);
  else if (stores_null (f) && (v->s == NULL || v->s[0] == '\0'))
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, v->s ? v->s : "", -1, SQLITE_STATIC);
}

static sqlite3_stmt *
insert_stmt (YsStore *self, const YsKind *kind, gboolean with_id, GError **error)
{
  sqlite3_stmt **slot = &self->stmts[ys_kinds_index (kind)][with_id ? STMT_INSERT_ID : STMT_INSERT];

  if (*slot == NULL)
    {
      g_autoptr(GString) sql = g_string_new (NULL);

      g_string_append_printf (sql, "INSERT INTO %s (%s", kind->table, with_id ? "id, " : "");
      for (guint i = 0; i < kind->n_fields; i++)
        g_string_append_printf (sql, "%s%s", i ? ", " : "", kind->fields[i].name);
      g_string_append (sql, ") VALUES (");
      for (guint i = 0; i < kind->n_fields + (with_id ? 1 : 0); i++)
        g_string_append_printf (sql, "%s?%u", i ? ", " : "", i + 1);
      g_string_append (sql, ")");
      *slot = prepare (self, sql->str, error);
    }
  return *slot;
}

gboolean
ys_store_insert (YsStore *self, YsRecord *record, GError **error)
{
  const YsKind *kind = ys_record_get_kind (record);
  gint64 id = ys_record_get_id (record);
  sqlite3_stmt *stmt = insert_stmt (self, kind, id > 0, error);
  int offset = id > 0 ? 2 : 1;
  int rc;

  if (stmt == NULL)
    return FALSE;
  if (id > 0)
    sqlite3_bind_int64 (stmt, 1, id);
  for (guint i = 0; i < kind->n_fields; i++)
    bind_field (stmt, i + offset, record, i);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, self->db, rc, _("write"));
      return FALSE;
    }
  if (id <= 0)
    ys_record_set_id (record, sqlite3_last_insert_rowid (self->db));
  return TRUE;
}

gboolean
ys_store_update (YsStore *self, YsRecord *record, guint field, GError **error)
{
  const YsKind *kind = ys_record_get_kind (record);
  g_autofree char *key = g_strdup_printf ("%s.%s", kind->table, kind->fields[field].name);
  sqlite3_stmt *stmt = g_hash_table_lookup (self->update_stmts, key);
  int rc;

  if (stmt == NULL)
    {
      g_autofree char *sql = g_strdup_printf ("UPDATE %s SET %s = ?1 WHERE id = ?2",
                                              kind->table, kind->fields[field].name);
      stmt = prepare (self, sql, error);
      if (stmt == NULL)
        return FALSE;
      g_hash_table_insert (self->update_stmts, g_steal_pointer (&key), stmt);
    }
  bind_field (stmt, 1, record, field);
  sqlite3_bind_int64 (stmt, 2, ys_record_get_id (record));
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, self->db, rc, _("write"));
      return FALSE;
    }
  return TRUE;
}

gboolean
ys_store_delete (YsStore *self, YsRecord *record, GError **error)
{
  const YsKind *kind = ys_record_get_kind (record);
  sqlite3_stmt **slot = &self->stmts[ys_kinds_index (kind)][STMT_DELETE];
  int rc;

  if (*slot == NULL)
    {
      g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?1", kind->table);
      *slot = prepare (self, sql, error);
      if (*slot == NULL)
        return FALSE;
    }
  sqlite3_bind_int64 (*slot, 1, ys_record_get_id (record));
  rc = sqlite3_step (*slot);
  sqlite3_reset (*slot);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, self->db, rc, _("write"));
      return FALSE;
    }
  return TRUE;
}

GPtrArray *
ys_store_load_catalog (YsStore *self, const char *catalog, GError **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) ys_catalog_entry_free);
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db,
                               "SELECT code, name, level, parent FROM catalog_entry "
                               "WHERE catalog = ?1 ORDER BY code", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    sqlite3_bind_text (stmt, 1, catalog, -1, SQLITE_STATIC);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *parent = (const char *) sqlite3_column_text (stmt, 3);
      g_ptr_array_add (rows, ys_catalog_entry_new ((const char *) sqlite3_column_text (stmt, 0),
                                                   (const char *) sqlite3_column_text (stmt, 1),
                                                   sqlite3_column_int (stmt, 2),
                                                   parent && *parent ? parent : NULL,
                                                   "imported"));
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, self->db, rc, _("read"));
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

  if (replace_all)
    {
      char *sql = sqlite3_mprintf ("DELETE FROM catalog_entry WHERE catalog = %Q", catalog);
      gboolean ok = exec (self, sql, error);

      sqlite3_free (sql);
      if (!ok)
        return FALSE;
    }
  rc = sqlite3_prepare_v2 (self->db,
                           "INSERT OR REPLACE INTO catalog_entry (catalog, code, name, level, parent) "
                           "VALUES (?1, ?2, ?3, ?4, ?5)", -1, &stmt, NULL);
  for (guint i = 0; rc == SQLITE_OK && i < entries->len; i++)
    {
      const YsCatalogEntry *e = g_ptr_array_index (entries, i);

      sqlite3_bind_text (stmt, 1, catalog, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, e->code, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, e->name, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 4, e->level);
      sqlite3_bind_text (stmt, 5, e->parent ? e->parent : "", -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, self->db, rc, _("write"));
      return FALSE;
    }
  return TRUE;
}
