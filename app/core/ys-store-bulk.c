/* Loading empty tables (an import into a new file): the foreign keys are
 * checked once, when the load is committed, and the indexes on them built
 * after the rows, instead of both at every row. The CHECK constraints still
 * apply to every row as it is written; the result is the same file.
 *
 * A new file under a temporary name, made by this process, is nobody's
 * budget until its maker renames it, and a maker whose load fails removes it
 * (a killed one's is removed by the next writer in the folder). While it is
 * loaded it needs no journal and no sync per write: the pages are written
 * once, then the file gets the WAL and synchronous = FULL of any saved file
 * and is synced before the commit returns. Its rows are checked in C by the
 * rules of its own CHECK constraints (ys_store_value_passes), which SQLite
 * evaluates for the first row that fails one and every row after it, so the
 * refusal is SQLite's own. Every constraint stays in the schema, guarding
 * every later write. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ys-temp-file.h"
#include "ys-store-private.h"
#include "ys-store-sums.h"

/* PRAGMA journal_mode answers with the mode it is in, which is not the one
 * asked for when SQLite could not change it. */
static gboolean
set_journal (YsStore *self, const char *mode, GError **error)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA journal_mode = %s", mode);
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  gboolean ok;

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  ok = rc == SQLITE_ROW && g_ascii_strcasecmp ((const char *) sqlite3_column_text (stmt, 0), mode) == 0;
  if (!ok)
    ys_store_set_error (error, self->db, self->path, rc == SQLITE_ROW ? SQLITE_ERROR : rc, _("write"));
  sqlite3_finalize (stmt);
  return ok;
}

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

/* Remembers the name and text of every object of the schema @where
 * selects (in @out: name, sql, …), then drops it: @what is its type. */
static gboolean
drop_objects (YsStore *self, const char *what, const char *where, GPtrArray **out, GError **error)
{
  g_autoptr(GPtrArray) objects = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *sql = g_strdup_printf ("SELECT name, sql FROM sqlite_master WHERE %s ORDER BY rowid", where);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (objects, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      g_ptr_array_add (objects, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      ys_store_set_error (error, self->db, self->path, rc, _("read"));
      return FALSE;
    }
  *out = g_steal_pointer (&objects);
  for (guint i = 0; i < (*out)->len; i += 2)
    {
      char *drop = sqlite3_mprintf ("DROP %s \"%w\"", what, (const char *) g_ptr_array_index (*out, i));
      gboolean ok = ys_store_exec (self, drop, error);

      sqlite3_free (drop);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

gboolean
ys_store_begin_bulk (YsStore *self, GError **error)
{
  gboolean empty = FALSE;

  g_return_val_if_fail (!self->in_transaction, FALSE);
  if (!ys_store_ensure_writable (self, error) || !tables_empty (self, &empty, error))
    return FALSE;
  if (!empty)
    return ys_store_begin (self, error);
  /* Only outside a transaction does SQLite take these settings. */
  if (!ys_store_exec (self, "PRAGMA foreign_keys = OFF", error))
    return FALSE;
  self->bulk_keys_off = TRUE;
  if (self->version == YS_STORE_SCHEMA_VERSION && ys_temp_file_is_ours (self->path))
    {
      self->bulk_fresh = TRUE;
      if (!set_journal (self, "off", error)
          || !ys_store_exec (self, "PRAGMA synchronous = OFF", error)
          || !ys_store_exec (self, "PRAGMA ignore_check_constraints = ON", error))
        {
          ys_store_end_bulk (self, NULL);
          return FALSE;
        }
      self->bulk_checked = TRUE;
    }
  if (!ys_store_begin (self, error))
    {
      ys_store_end_bulk (self, NULL);
      return FALSE;
    }
  /* Indexes of their own (not those of UNIQUE and PRIMARY KEY, which have
   * no SQL) and the triggers that keep the sums of the lines: dropped, and
   * made again from the same text at the end. A partial index (WHERE …)
   * stays: it holds the few rows it is made for (the internal transfers),
   * and checking its condition as each row goes in costs less than
   * reading the whole table again to make it. */
  if (!drop_objects (self, "INDEX", "type = 'index' AND sql IS NOT NULL AND sql NOT LIKE '% WHERE %'",
                     &self->bulk_indexes, error)
      || !drop_objects (self, "TRIGGER", "type = 'trigger' AND name GLOB 'line_sum_*'",
                        &self->bulk_triggers, error))
    {
      ys_store_rollback (self);
      return FALSE;
    }
  if (self->version >= YS_STORE_LINE_SUMS_SINCE)
    self->bulk_sums = ys_bulk_sums_new ();
  return TRUE;
}

/* Every reference of every row names a row of the table it refers to, as
 * the foreign keys say. PRAGMA foreign_key_check looked each row's value up
 * in the referenced table: a million lookups for a million lines (0.26 s of
 * CPU). Here each reference column's distinct values, read in order from
 * the index just made, are looked up once each (0.05 s); a value found in
 * no row of its table is reported at the first row that holds it. */
static gboolean
check_references (YsStore *self, GError **error)
{
  const YsKind *const *kinds = ys_kinds_all ();

  for (guint k = 0; kinds[k]; k++)
    {
      if (ys_store_kind_since (kinds[k]) > self->version)
        continue;
      for (guint f = 0; f < ys_store_kind_columns (kinds[k], self->version); f++)
        {
          const char *table = kinds[k]->table;
          const char *column = kinds[k]->fields[f].name;
          g_autofree char *sql = NULL;
          sqlite3_stmt *stmt = NULL;
          int rc;

          if (kinds[k]->fields[f].ref == NULL)
            continue;
          sql = g_strdup_printf ("SELECT rowid FROM %s WHERE %s = "
                                 "(SELECT c FROM (SELECT DISTINCT %s AS c FROM %s WHERE %s IS NOT NULL) "
                                 "WHERE c NOT IN (SELECT code FROM %s) LIMIT 1) ORDER BY rowid LIMIT 1",
                                 table, column, column, table, column,
                                 ys_kinds_lookup (kinds[k]->fields[f].ref)->table);
          rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
          if (rc == SQLITE_OK)
            rc = sqlite3_step (stmt);
          if (rc == SQLITE_ROW)
            {
              g_set_error (error, YS_STORE_ERROR, YS_STORE_ERROR_CONSTRAINT,
                           _("The change breaks a rule of the budget file and was not saved: %s"),
                           sqlite3_errstr (SQLITE_CONSTRAINT_FOREIGNKEY));
              g_prefix_error (error, "%s #%lld: ", table, (long long) sqlite3_column_int64 (stmt, 0));
            }
          else if (rc != SQLITE_DONE)
            ys_store_set_error (error, self->db, self->path, rc, _("write"));
          sqlite3_finalize (stmt);
          if (rc != SQLITE_DONE)
            return FALSE;
        }
    }
  return TRUE;
}

/* Before the commit of a bulk load: the indexes again, every foreign key
 * of every row, then the sums of the lines and the triggers that keep them. */
gboolean
ys_store_finish_bulk (YsStore *self, GError **error)
{
  g_autofree char *restore = NULL;
  int cache_size = 0;

  /* CREATE INDEX sorts the keys in runs as large as the page cache, then
   * merges the runs. The file's 128 MiB made one run of a whole table,
   * sorted with a cache miss at nearly every step of the merge sort (1.4 s
   * of CPU for the unit codes of a million lines); runs of 1 MiB, each
   * sorted within the processor's own cache, then merged, took 0.45 s. The
   * index is the same: the keys go in in the same order. */
  if (!ys_store_query_int (self, "PRAGMA cache_size", &cache_size, error)
      || !ys_store_exec (self, "PRAGMA cache_size = -1024", error))
    return FALSE;
  restore = g_strdup_printf ("PRAGMA cache_size = %d", cache_size);
  for (guint i = 1; i < self->bulk_indexes->len; i += 2)
    if (!ys_store_exec (self, g_ptr_array_index (self->bulk_indexes, i), error))
      {
        ys_store_exec (self, restore, NULL);
        return FALSE;
      }
  if (!ys_store_exec (self, restore, error) || !check_references (self, error))
    return FALSE;
  if (self->bulk_sums != NULL && !ys_bulk_sums_write (self, error))
    return FALSE;
  for (guint i = 1; self->bulk_triggers != NULL && i < self->bulk_triggers->len; i += 2)
    if (!ys_store_exec (self, g_ptr_array_index (self->bulk_triggers, i), error))
      return FALSE;
  return TRUE;
}

void
ys_store_bulk_check_row (YsStore *self, const YsKind *kind, const YsValue *values, guint n,
                         const char **passed)
{
  for (guint i = 0; i < n; i++)
    {
      const YsField *f = &kind->fields[i];
      gboolean interned = f->type == YS_FIELD_CODE || f->type == YS_FIELD_CHOICE;

      /* Codes and choices are interned: the same address is the same text. */
      if (interned && values[i].s != NULL && values[i].s == passed[i])
        continue;
      if (ys_store_value_passes (f, &values[i]))
        {
          if (interned)
            passed[i] = values[i].s;
          continue;
        }
      /* Expires the prepared statements: the next insert is compiled
       * again, with its constraints. */
      sqlite3_exec (self->db, "PRAGMA ignore_check_constraints = OFF", NULL, NULL, NULL);
      self->bulk_checked = FALSE;
      return;
    }
}

/* A new file loaded without a journal gets the WAL and synchronous = FULL
 * every file is written with (ys_store_ensure_writable), then everything
 * written is synced: only then may its maker give it its name. */
static gboolean
make_durable (YsStore *self, GError **error)
{
  sqlite3_file *file = NULL;
  int rc;

  self->wal_ready = FALSE;
  if (!ys_store_exec (self, "PRAGMA synchronous = FULL", error) || !set_journal (self, "wal", error))
    return FALSE;
  self->wal_ready = TRUE;
  rc = sqlite3_file_control (self->db, "main", SQLITE_FCNTL_FILE_POINTER, &file);
  if (rc == SQLITE_OK && file != NULL && file->pMethods != NULL)
    rc = file->pMethods->xSync (file, SQLITE_SYNC_FULL);
  if (rc != SQLITE_OK)
    {
      ys_store_set_error (error, self->db, self->path, rc, _("write"));
      return FALSE;
    }
  return TRUE;
}

/* After the commit or rollback of a bulk load. After a rollback, a new
 * file loaded without a journal is left to its maker to remove. */
gboolean
ys_store_end_bulk (YsStore *self, GError **error)
{
  gboolean fresh = self->bulk_fresh;
  gboolean keys_off = self->bulk_keys_off;

  if (self->bulk_checked)
    sqlite3_exec (self->db, "PRAGMA ignore_check_constraints = OFF", NULL, NULL, NULL);
  self->bulk_checked = FALSE;
  self->bulk_fresh = FALSE;
  self->bulk_keys_off = FALSE;
  if (self->bulk_indexes == NULL && !fresh && !keys_off)
    return TRUE;
  g_clear_pointer (&self->bulk_indexes, g_ptr_array_unref);
  g_clear_pointer (&self->bulk_triggers, g_ptr_array_unref);
  g_clear_pointer (&self->bulk_sums, ys_bulk_sums_free);
  /* On again even when the load failed before it began: every later write
   * of this connection relies on them. */
  sqlite3_exec (self->db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
  return !fresh || make_durable (self, error);
}
