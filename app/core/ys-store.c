#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "ys-catalog.h"
#include "ys-kinds.h"
#include "ys-record-private.h"
#include "ys-store-private.h"
#include "ys-store-sums.h"
#include "ys-temp-file.h"

G_DEFINE_QUARK (ys-store-error-quark, ys_store_error)


/* The schema version that introduced each kind: later versions add tables
 * to older files when they are opened. */
int
ys_store_kind_since (const YsKind *kind)
{
  if (kind == &ys_received_kind)
    return 7;
  if (kind == &ys_control_kind)
    return 4;
  return kind == &ys_review_kind ? 2 : 1;
}

guint
ys_store_kind_columns (const YsKind *kind, int version)
{
  /* Fields are only ever appended, so a version's columns are a prefix. */
  if (kind == &ys_review_kind && version < YS_STORE_REVIEWER_SINCE)
    return YS_REVIEW_REVIEWER;
  if (kind == &ys_line_kind && version < YS_STORE_TRANSFER_SINCE)
    return YS_LINE_TRANSFER;
  return kind->n_fields;
}

static guint
n_columns (YsStore *self, const YsKind *kind)
{
  return ys_store_kind_columns (kind, self->version);
}

gboolean
ys_store_exec (YsStore *self, const char *sql, GError **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      ys_store_set_error (error, self->db, self->path, rc, _("write"));
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
      ys_store_set_error (error, self->db, self->path, rc, _("read"));
      return NULL;
    }
  return stmt;
}

static void
finalize_stmt (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

/* Bytes of the file mapped while it is checked and loaded (1 GiB). */
#define YS_STORE_OPEN_MMAP 1073741824

static YsStore *
store_new (sqlite3 *db, const char *path)
{
  YsStore *self = g_new0 (YsStore, 1);

  self->db = db;
  self->path = g_strdup (path);
  self->update_stmts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                              finalize_stmt);
  ys_store_register_sum (db);
  return self;
}

/* Exclusive locking holds the file for as long as it is open, so that a
 * second window or a script cannot write behind the first one's back. Taking
 * the lock writes nothing. */
static gboolean
configure (YsStore *self, GError **error)
{
  sqlite3_busy_timeout (self->db, 100);
  /* Exclusive before anything reads the file (PRAGMA cache_size reads the
   * schema): a WAL then keeps its index in memory, with no -shm file. */
  if (!self->read_only && !ys_store_exec (self, "PRAGMA locking_mode = EXCLUSIVE", error))
    return FALSE;
  if (!ys_store_exec (self, "PRAGMA foreign_keys = ON", error)
      || !ys_store_exec (self, "PRAGMA cache_size = -131072", error))
    return FALSE;
  /* The check at open and the load read every page once each: mapped,
   * SQLite reads them in place instead of copying each into its cache
   * twice. Only until the records are loaded (ys_store_loaded). */
  if (!ys_store_exec (self, "PRAGMA mmap_size = " G_STRINGIFY (YS_STORE_OPEN_MMAP), error))
    return FALSE;
  return self->read_only || ys_store_exec (self, "BEGIN EXCLUSIVE; COMMIT", error);
}

/* Called before the first write, never at open: a file that is refused
 * later (a damaged record) must not have had its journal mode changed. */
gboolean
ys_store_ensure_writable (YsStore *self, GError **error)
{
  if (self->read_only)
    {
      g_set_error (error, YS_STORE_ERROR, YS_STORE_ERROR_READ_ONLY,
                   _("“%s” is open read-only (the file or its folder cannot be written); "
                     "save a copy in a folder you can write to in order to change it"),
                   self->path);
      return FALSE;
    }
  if (!self->wal_ready)
    {
      if (!ys_store_exec (self, "PRAGMA journal_mode = WAL", error)
          || !ys_store_exec (self, "PRAGMA synchronous = FULL", error))
        return FALSE;
      self->wal_ready = TRUE;
    }
  return TRUE;
}

static YsStore *open_file (const char *path, gboolean upgrade, const YsKind *deferred, GError **error);

/* quick_check of the whole file, or of one table and its indexes (@only), or
 * of every table but one (@except): without evaluating CHECK constraints
 * where every row carries a checksum (see check_file). */
static gboolean
quick_check (YsStore *self, const char *only, const char *except, GError **error)
{
  g_autofree char *pragma = only ? g_strdup_printf ("PRAGMA quick_check(\"%s\")", only) : NULL;
  gboolean ok;

  if (ys_store_has_sums (self) && !ys_store_exec (self, "PRAGMA ignore_check_constraints = ON", error))
    return FALSE;
  if (except)
    ok = ys_store_check_pages_except (self->db, self->path, except, error);
  else
    ok = ys_store_check_pages (self->db, self->path, pragma ? pragma : "PRAGMA quick_check(1)", error);
  if (!ys_store_has_sums (self))
    return ok;
  if (!ok)
    {
      ys_store_exec (self, "PRAGMA ignore_check_constraints = OFF", NULL);
      return FALSE;
    }
  return ys_store_exec (self, "PRAGMA ignore_check_constraints = OFF", error);
}

/* The check at open. Every row since format 3 carries the sum of its values,
 * verified as it is loaded, so a changed value is found there; evaluating
 * every CHECK constraint of every row again (what quick_check does unless
 * told not to) would cost most of the open for nothing more. The pages and
 * indexes are still checked, and the stored constraints are still compiled
 * (one INSERT prepared per table), so that a damaged constraint is refused
 * here rather than at the first edit. Older files have only the constraints
 * to show a changed value, so they are evaluated there. `yusuan-cli check`
 * evaluates them always (integrity_check).
 *
 * A document that leaves one kind's records in the file (@deferred: the line
 * items, for an export) has every other table checked here and that one
 * only when all of it is read (ys_store_check_deferred): the department's
 * export of a file that keeps the sums of its lines reads only those sums
 * and the few lines that are internal transfers, through their index, each
 * row verified by its checksum, and never the million others. Damage among
 * the lines it does not read (or in the index of the transfers) is found by
 * the next open that loads them, or by `yusuan-cli check`. */
static gboolean
check_file (YsStore *self, const YsKind *deferred, GError **error)
{
  const YsKind *const *kinds = ys_kinds_all ();

  if (!quick_check (self, NULL, deferred ? deferred->table : NULL, error))
    return FALSE;
  self->deferred = deferred;
  if (!ys_store_has_sums (self))
    return TRUE;
  for (guint k = 0; kinds[k]; k++)
    {
      g_autofree char *columns = NULL;
      g_autofree char *sql = NULL;
      sqlite3_stmt *stmt = NULL;
      int rc;

      if (ys_store_kind_since (kinds[k]) > self->version)
        continue;
      columns = ys_store_column_list (kinds[k], self->version, FALSE);
      sql = g_strdup_printf ("INSERT INTO %s (%s) SELECT %s FROM %s WHERE 0",
                             kinds[k]->table, columns, columns, kinds[k]->table);
      rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
      sqlite3_finalize (stmt);
      if (rc != SQLITE_OK)
        {
          ys_store_set_damaged (error, self->path, sqlite3_errmsg (self->db));
          return FALSE;
        }
    }
  return TRUE;
}

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

  /* Built under a temporary name and renamed, so a failure leaves nothing
   * behind, and a killed program's attempt is removed by the next one. */
  {
    g_autofree char *dir = g_path_get_dirname (path);
    ys_temp_file_clean (dir);
  }
  tmp = ys_temp_file_create (path, error);
  if (tmp == NULL)
    return NULL;
  rc = sqlite3_open_v2 (tmp, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, YS_STORE_ERROR, YS_STORE_ERROR_FAILED,
                   _("Could not create “%s”: %s"), path, sqlite3_errstr (rc));
      sqlite3_close (db);
      g_unlink (tmp);
      return NULL;
    }

  self = store_new (db, tmp);
  if (!ys_store_exec (self, "PRAGMA foreign_keys = ON", error)
      || !ys_store_exec (self, app_id, error)
      || !ys_store_exec (self, "BEGIN", error)
      || !ys_store_migrate (self, 0, version, error)
      || !ys_store_exec (self, "COMMIT", error))
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
  return open_file (path, version == YS_STORE_SCHEMA_VERSION, NULL, error);
}

YsStore *
ys_store_create (const char *path, GError **error)
{
  return ys_store_create_version (path, YS_STORE_SCHEMA_VERSION, error);
}

gboolean
ys_store_query_int (YsStore *self, const char *sql, int *out, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      ys_store_set_error (error, self->db, self->path, rc, _("read"));
      sqlite3_finalize (stmt);
      return FALSE;
    }
  *out = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return TRUE;
}

YsStore *
ys_store_open (const char *path, GError **error)
{
  return open_file (path, TRUE, NULL, error);
}

YsStore *
ys_store_open_streaming (const char *path, const YsKind *streamed, GError **error)
{
  return open_file (path, TRUE, streamed, error);
}

gboolean
ys_store_check_deferred (YsStore *self, const YsKind *kind, GError **error)
{
  if (self->deferred == NULL || self->deferred != kind)
    return TRUE;
  self->deferred = NULL;
  return quick_check (self, kind->table, NULL, error);
}

static YsStore *
open_file (const char *path, gboolean upgrade, const YsKind *deferred, GError **error)
{
  YsStoreHeader header;
  g_autofree char *copy_dir = NULL;
  gboolean read_only = !ys_store_can_write (path);
  sqlite3 *db = NULL;
  YsStore *self;
  int rc;

  if (!ys_store_check_header (path, &header, error))
    return NULL;

  if (read_only)
    rc = ys_store_open_read_only (path, header.has_wal, &db, &copy_dir, error);
  else
    rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | YS_STORE_OPEN_FLAGS, NULL);
  if (rc != SQLITE_OK)
    {
      if (error && *error == NULL)
        ys_store_set_error (error, db, path, rc, _("open"));
      sqlite3_close (db);
      ys_temp_file_remove_folder (copy_dir);
      return NULL;
    }
  self = store_new (db, path);
  self->read_only = read_only;
  self->copy_dir = g_steal_pointer (&copy_dir);

  /* Nothing is written until the file has passed every check. */
  if (!configure (self, error)
      || !ys_store_query_int (self, "PRAGMA user_version", &self->version, error))
    goto fail;
  if (self->version > YS_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, YS_STORE_ERROR, YS_STORE_ERROR_NEWER_VERSION,
                   _("“%s” was saved by a newer version of Yusuan (format %d; this version reads up to %d); update Yusuan to open it"),
                   path, self->version, YS_STORE_SCHEMA_VERSION);
      goto fail;
    }
  if (self->version < 1)
    {
      g_set_error (error, YS_STORE_ERROR, YS_STORE_ERROR_NOT_A_DOCUMENT,
                   _("“%s” is not a Yusuan budget file"), path);
      goto fail;
    }
  /* A migration reads every row: the whole file is checked before it. */
  if (upgrade && !self->read_only && self->version < YS_STORE_SCHEMA_VERSION)
    deferred = NULL;
  if (!ys_store_check_tables (self->db, path, self->version, error)
      || !check_file (self, deferred, error))
    goto fail;

  if (upgrade && !self->read_only && self->version < YS_STORE_SCHEMA_VERSION)
    {
      if (!ys_store_ensure_writable (self, error) || !ys_store_exec (self, "BEGIN", error))
        goto fail;
      if (!ys_store_migrate (self, self->version, YS_STORE_SCHEMA_VERSION, error))
        {
          ys_store_rollback (self);
          goto fail;
        }
      if (!ys_store_exec (self, "COMMIT", error))
        goto fail;
    }
  if (upgrade && !ys_store_sums_update_triggers (self, error))
    goto fail;
  return self;

fail:
  ys_store_close (self);
  return NULL;
}

/* Afterwards pages are read into the cache again: a file changed under a
 * mapping by another program could stop the process, where a read only
 * fails. */
void
ys_store_loaded (YsStore *self)
{
  ys_store_exec (self, "PRAGMA mmap_size = 0", NULL);
}

void
ys_store_close (YsStore *self)
{
  if (self == NULL)
    return;
  g_hash_table_destroy (self->update_stmts);
  g_clear_pointer (&self->bulk_indexes, g_ptr_array_unref);
  g_clear_pointer (&self->bulk_triggers, g_ptr_array_unref);
  g_clear_pointer (&self->bulk_sums, ys_bulk_sums_free);
  for (guint k = 0; k < YS_N_KINDS; k++)
    for (guint s = 0; s < N_STMTS; s++)
      sqlite3_finalize (self->stmts[k][s]);
  sqlite3_close (self->db);
  ys_temp_file_remove_folder (self->copy_dir);
  g_free (self->copy_dir);
  g_free (self->path);
  g_free (self);
}

const char *
ys_store_get_path (YsStore *self)
{
  return self->path;
}

gboolean
ys_store_is_read_only (YsStore *self)
{
  return self->read_only;
}

gboolean
ys_store_check_integrity (YsStore *self, GError **error)
{
  return ys_store_check_pages (self->db, self->path, "PRAGMA integrity_check(1)", error)
      && ys_store_sums_verify (self, error);
}

gboolean
ys_store_backup (YsStore *self, const char *dest, GError **error)
{
  g_autofree char *tmp = g_strdup_printf ("%s.part-%d", dest, (int) getpid ());
  sqlite3 *out = NULL;
  sqlite3_backup *backup;
  int rc, fd;

  /* A copy taken halfway through a batch would hold half of it. */
  if (self->in_transaction)
    {
      g_set_error (error, YS_STORE_ERROR, YS_STORE_ERROR_LOCKED,
                   _("The backup waits until the change being saved is complete"));
      return FALSE;
    }
  rc = sqlite3_open_v2 (tmp, &out, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (out, "main", self->db, "main");
      if (backup == NULL)
        rc = sqlite3_errcode (out);
      else
        {
          rc = sqlite3_backup_step (backup, -1);
          sqlite3_backup_finish (backup);
          if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
        }
    }
  /* A copy is one self-contained file, without a WAL beside it. */
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (out, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, YS_STORE_ERROR, YS_STORE_ERROR_FAILED, _("Could not write the backup “%s”: %s"),
                   dest, out ? sqlite3_errmsg (out) : sqlite3_errstr (rc));
      sqlite3_close (out);
      g_unlink (tmp);
      return FALSE;
    }
  sqlite3_close (out);
  fd = g_open (tmp, O_RDONLY, 0);
  if (fd < 0 || fsync (fd) != 0 || g_rename (tmp, dest) != 0)
    {
      int saved = errno;
      if (fd >= 0)
        close (fd);
      g_unlink (tmp);
      g_set_error (error, YS_STORE_ERROR, YS_STORE_ERROR_FAILED, _("Could not write the backup “%s”: %s"),
                   dest, g_strerror (saved));
      return FALSE;
    }
  close (fd);
  return TRUE;
}

gboolean
ys_store_begin (YsStore *self, GError **error)
{
  g_return_val_if_fail (!self->in_transaction, FALSE);
  if (!ys_store_ensure_writable (self, error) || !ys_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  self->in_transaction = TRUE;
  return TRUE;
}

gboolean
ys_store_commit (YsStore *self, GError **error)
{
  g_return_val_if_fail (self->in_transaction, FALSE);
  if ((self->bulk_indexes != NULL && !ys_store_finish_bulk (self, error))
      || !ys_store_sums_finish (self, error)
      || !ys_store_exec (self, "COMMIT", error))
    {
      ys_store_rollback (self);
      return FALSE;
    }
  self->in_transaction = FALSE;
  ys_store_sums_reset (self);
  return ys_store_end_bulk (self, error);
}

void
ys_store_rollback (YsStore *self)
{
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  self->in_transaction = FALSE;
  ys_store_sums_reset (self);
  ys_store_end_bulk (self, NULL);
}

gboolean
ys_store_in_transaction (YsStore *self)
{
  return self->in_transaction;
}

gboolean
ys_store_has_sums (YsStore *self)
{
  return self->version >= YS_STORE_CHECKSUM_SINCE;
}

/* @what names the row for the message; called with the row's stored sum. */
gboolean
ys_store_check_sum (YsStore *self, const YsRowSum *sum, sqlite3_stmt *stmt, int column, const char *what, GError **error)
{
  g_autofree char *detail = NULL;

  if (!ys_store_has_sums (self) || (guint64) sqlite3_column_int64 (stmt, column) == sum->h)
    return TRUE;
  detail = g_strdup_printf (_("%s does not match the checksum written with it"), what);
  ys_store_set_damaged (error, self->path, detail);
  return FALSE;
}

static gboolean
stores_null (const YsField *f)
{
  return f->type == YS_FIELD_CODE && f->ref && !(f->flags & YS_FIELD_REQUIRED);
}

/* The sum of a record as it is in memory, the same as ys_row_sum() gives
 * for its stored row. */
static guint64
record_sum (YsStore *self, YsRecord *record)
{
  const YsKind *kind = ys_record_get_kind (record);
  guint n = n_columns (self, kind);
  YsRowSum sum;

  ys_row_sum_init (&sum, kind->table, ys_record_get_id (record));
  for (guint i = 0; i < n; i++)
    {
      const YsValue *v = ys_record_peek (record, i);
      if (ys_field_is_text (&kind->fields[i]))
        ys_row_sum_text (&sum, v->s);
      else
        ys_row_sum_int (&sum, v->i);
    }
  return sum.h;
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

/* Every row is inserted with its id, so that its sum (which covers the id)
 * is written by the same statement. */
static sqlite3_stmt *
insert_stmt (YsStore *self, const YsKind *kind, GError **error)
{
  sqlite3_stmt **slot = &self->stmts[ys_kinds_index (kind)][STMT_INSERT];

  if (*slot == NULL)
    {
      g_autofree char *columns = ys_store_column_list (kind, self->version, TRUE);
      g_autoptr(GString) sql = g_string_new (NULL);
      guint n = n_columns (self, kind) + 1 + (ys_store_has_sums (self) ? 1 : 0);

      g_string_append_printf (sql, "INSERT INTO %s (%s%s) VALUES (", kind->table, columns,
                              ys_store_has_sums (self) ? ", checksum" : "");
      for (guint i = 0; i < n; i++)
        g_string_append_printf (sql, "%s?%u", i ? ", " : "", i + 1);
      g_string_append (sql, ")");
      *slot = prepare (self, sql->str, error);
    }
  return *slot;
}

/* What SQLite itself would choose for a row without an id. */
static gint64
next_id (YsStore *self, const YsKind *kind, GError **error)
{
  sqlite3_stmt **slot = &self->stmts[ys_kinds_index (kind)][STMT_NEXT_ID];
  gint64 id = -1;

  if (*slot == NULL)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT coalesce(max(id), 0) + 1 FROM %s", kind->table);
      *slot = prepare (self, sql, error);
      if (*slot == NULL)
        return -1;
    }
  if (sqlite3_step (*slot) == SQLITE_ROW)
    id = sqlite3_column_int64 (*slot, 0);
  else
    ys_store_set_error (error, self->db, self->path, sqlite3_errcode (self->db), _("read"));
  sqlite3_reset (*slot);
  return id;
}

gboolean
ys_store_insert (YsStore *self, YsRecord *record, GError **error)
{
  const YsKind *kind = ys_record_get_kind (record);
  gint64 id = ys_record_get_id (record);
  gboolean new_id = id <= 0;
  guint n = n_columns (self, kind);
  sqlite3_stmt *stmt;
  int rc;

  if (!ys_store_ensure_writable (self, error))
    return FALSE;
  ys_store_sums_note_writes (self, kind, 1);
  stmt = insert_stmt (self, kind, error);
  if (stmt == NULL)
    return FALSE;
  if (new_id)
    {
      id = next_id (self, kind, error);
      if (id < 0)
        return FALSE;
      ys_record_set_id (record, id);
    }
  sqlite3_bind_int64 (stmt, 1, id);
  for (guint i = 0; i < n; i++)
    bind_field (stmt, i + 2, record, i);
  if (ys_store_has_sums (self))
    sqlite3_bind_int64 (stmt, n + 2, (sqlite3_int64) record_sum (self, record));
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    {
      if (new_id)
        ys_record_set_id (record, 0);
      ys_store_set_error (error, self->db, self->path, rc, _("write"));
      return FALSE;
    }
  if (self->bulk_sums != NULL && kind == &ys_line_kind)
    ys_bulk_sums_add_line (self, record);
  return TRUE;
}

/* A choice's share of a row's sum through a table prepared for it once
 * (YsRowSumBytes): the sum ys_row_sum_text_len() gives, in two operations
 * instead of a multiplication a byte (一般公共预算拨款 is 24 bytes). Choices
 * are interned and few, and only the longer ones gain; codes, of hundreds
 * of units and projects, are summed byte by byte, as ys-store-scan.c does. */
#define PREPARED_CHOICES 16
#define PREPARED_MIN_LEN 8

typedef struct {
  const char    *text[PREPARED_CHOICES];
  YsRowSumBytes *sum[PREPARED_CHOICES];
  guint          n;
} Prepared;

static void
sum_choice (Prepared *p, YsRowSum *sum, const char *text, gsize len)
{
  for (guint i = 0; i < p->n; i++)
    if (p->text[i] == text)
      {
        ys_row_sum_apply (sum, p->sum[i]);
        return;
      }
  if (p->n == PREPARED_CHOICES)
    {
      ys_row_sum_text_len (sum, text, len);
      return;
    }
  p->text[p->n] = text;
  p->sum[p->n] = g_new (YsRowSumBytes, 1);
  ys_row_sum_prepare_text (p->sum[p->n], text, len);
  ys_row_sum_apply (sum, p->sum[p->n++]);
}

static void
prepared_free (Prepared *p, guint n)
{
  for (guint f = 0; f < n; f++)
    for (guint i = 0; i < p[f].n; i++)
      g_free (p[f].sum[i]);
  g_free (p);
}

/* One pass over a new record's values binds each and adds it to the row's
 * sum, a text's length measured once for both; the sum is the one
 * record_sum() gives. */
static guint64
bind_new_row (sqlite3_stmt *stmt, const YsKind *kind, const YsValue *slots, guint columns,
              const gboolean *text, Prepared *prepared, const YsRowSum *start, gint64 id)
{
  YsRowSum sum = *start;

  ys_row_sum_int (&sum, id);
  sqlite3_bind_int64 (stmt, 1, id);
  for (guint i = 0; i < columns; i++)
    {
      const YsField *f = &kind->fields[i];

      if (!text[i])
        {
          sqlite3_bind_int64 (stmt, i + 2, slots[i].i);
          ys_row_sum_int (&sum, slots[i].i);
        }
      else
        {
          const char *s = slots[i].s ? slots[i].s : "";
          gsize len = strlen (s);

          if (len >= PREPARED_MIN_LEN && f->type == YS_FIELD_CHOICE)
            sum_choice (&prepared[i], &sum, s, len);
          else
            ys_row_sum_text_len (&sum, s, len);
          if (len == 0 && stores_null (f))
            sqlite3_bind_null (stmt, i + 2);
          else
            sqlite3_bind_text (stmt, i + 2, s, (int) len, SQLITE_STATIC);
        }
    }
  return sum.h;
}

gboolean
ys_store_insert_new (YsStore *self, const YsKind *kind, YsRecord **records, guint n, guint *failed,
                     GError **error)
{
  guint columns = n_columns (self, kind);
  gboolean sums = ys_store_has_sums (self);
  gboolean line_sums = self->bulk_sums != NULL && kind == &ys_line_kind;
  sqlite3_stmt *stmt;
  YsRowSum start;
  gboolean *text;
  const char **passed;
  Prepared *prepared;
  gint64 id;

  *failed = 0;
  if (n == 0)
    return TRUE;
  if (!ys_store_ensure_writable (self, error) || (stmt = insert_stmt (self, kind, error)) == NULL
      || (id = next_id (self, kind, error)) < 0)
    return FALSE;
  ys_store_sums_note_writes (self, kind, n);
  /* Every row's sum begins with the table's name. */
  ys_row_sum_start (&start, kind->table);
  text = g_newa (gboolean, columns);
  passed = g_newa (const char *, columns);
  prepared = g_new0 (Prepared, columns);
  for (guint i = 0; i < columns; i++)
    {
      text[i] = ys_field_is_text (&kind->fields[i]);
      passed[i] = NULL;
    }
  for (guint r = 0; r < n; r++, id++)
    {
      /* New records, seen by nobody yet: their values read in place and
       * their ids set without a notification. */
      const YsValue *slots = ys_record_load_slots (records[r]);
      guint64 sum;
      int rc;

      if (self->bulk_checked)
        ys_store_bulk_check_row (self, kind, slots, columns, passed);
      ys_record_load_id (records[r], id);
      sum = bind_new_row (stmt, kind, slots, columns, text, prepared, &start, id);
      if (sums)
        sqlite3_bind_int64 (stmt, columns + 2, (sqlite3_int64) sum);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          ys_store_set_error (error, self->db, self->path, rc, _("write"));
          sqlite3_clear_bindings (stmt);
          *failed = r;
          for (guint i = 0; i <= r; i++)
            ys_record_load_id (records[i], 0);
          prepared_free (prepared, columns);
          return FALSE;
        }
      if (line_sums)
        ys_bulk_sums_add_line (self, records[r]);
    }
  sqlite3_clear_bindings (stmt);
  prepared_free (prepared, columns);
  return TRUE;
}

/* ON UPDATE CASCADE rewrote the rows that name a changed key; their sums
 * follow in the same transaction. */
static gboolean
resum_references (YsStore *self, const YsKind *kind, const char *key, GError **error)
{
  const YsKind *const *kinds = ys_kinds_all ();

  for (guint k = 0; kinds[k]; k++)
    for (guint f = 0; f < kinds[k]->n_fields; f++)
      if (g_strcmp0 (kinds[k]->fields[f].ref, kind->name) == 0)
        {
          g_autofree char *columns = ys_store_column_list (kinds[k], self->version, TRUE);
          char *sql = sqlite3_mprintf ("UPDATE %s SET checksum = ys_row_sum('%s', %s) WHERE %s = %Q",
                                       kinds[k]->table, kinds[k]->table, columns,
                                       kinds[k]->fields[f].name, key);
          gboolean ok = ys_store_exec (self, sql, error);

          sqlite3_free (sql);
          if (!ok)
            return FALSE;
        }
  return TRUE;
}

/* A change to a row of @kind during a bulk load: one to a line, a unit or
 * a project (whose code names lines) leaves the sums kept in C behind. */
static void
changes_sums (YsStore *self, const YsKind *kind)
{
  if (self->bulk_sums != NULL && (kind == &ys_line_kind || kind == &ys_unit_kind || kind == &ys_project_kind))
    ys_bulk_sums_give_up (self->bulk_sums);
}

gboolean
ys_store_update (YsStore *self, YsRecord *record, guint field, GError **error)
{
  const YsKind *kind = ys_record_get_kind (record);
  g_autofree char *key = g_strdup_printf ("%s.%s", kind->table, kind->fields[field].name);
  sqlite3_stmt *stmt;
  int rc;

  if (!ys_store_ensure_writable (self, error))
    return FALSE;
  changes_sums (self, kind);
  ys_store_sums_note_writes (self, kind, 1);
  stmt = g_hash_table_lookup (self->update_stmts, key);
  if (stmt == NULL)
    {
      g_autofree char *sql = g_strdup_printf ("UPDATE %s SET %s = ?1%s WHERE id = ?2",
                                              kind->table, kind->fields[field].name,
                                              ys_store_has_sums (self) ? ", checksum = ?3" : "");
      stmt = prepare (self, sql, error);
      if (stmt == NULL)
        return FALSE;
      g_hash_table_insert (self->update_stmts, g_steal_pointer (&key), stmt);
    }
  bind_field (stmt, 1, record, field);
  sqlite3_bind_int64 (stmt, 2, ys_record_get_id (record));
  if (ys_store_has_sums (self))
    sqlite3_bind_int64 (stmt, 3, (sqlite3_int64) record_sum (self, record));
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    {
      ys_store_set_error (error, self->db, self->path, rc, _("write"));
      return FALSE;
    }
  if ((int) field == kind->key_field && ys_store_has_sums (self))
    return resum_references (self, kind, ys_record_get_text (record, field), error);
  return TRUE;
}

gboolean
ys_store_delete (YsStore *self, YsRecord *record, GError **error)
{
  const YsKind *kind = ys_record_get_kind (record);
  sqlite3_stmt **slot = &self->stmts[ys_kinds_index (kind)][STMT_DELETE];
  int rc;

  if (!ys_store_ensure_writable (self, error))
    return FALSE;
  changes_sums (self, kind);
  ys_store_sums_note_writes (self, kind, 1);
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
      ys_store_set_error (error, self->db, self->path, rc, _("write"));
      return FALSE;
    }
  return TRUE;
}

