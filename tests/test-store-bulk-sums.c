/* The sums of the line items (line_sum, owner_sum) after a bulk load, which
 * drops the triggers that keep them and works them out in C: the same rows
 * as the triggers give, the triggers all back, and the SQL fill whenever the
 * C sums cannot follow the load. */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "ys-generate.h"
#include "ys-record-private.h"
#include "ys-store-private.h"
#include "ys-store-sums.h"
#include "ys-temp-file.h"
#include "ys-test-util.h"

static const char *const samples[] = { "yongqiao-2023", "shanhaiguan-2023", "xiangshan-2023", "jincheng-2023" };

static int
compare_texts (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

/* Every row @sql gives, one line each, sorted: rows without their order. */
static void
append_rows (GString *out, sqlite3 *db, const char *sql)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GString *row = g_string_new (NULL);

      for (int c = 0; c < sqlite3_column_count (stmt); c++)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, c);
          g_string_append_printf (row, "%s%d:%s", c ? "|" : "", sqlite3_column_type (stmt, c),
                                  text ? text : "");
        }
      g_ptr_array_add (rows, g_string_free (row, FALSE));
    }
  g_assert_cmpint (rc, ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  g_ptr_array_sort (rows, compare_texts);
  for (guint i = 0; i < rows->len; i++)
    g_string_append_printf (out, "%s\n", (char *) g_ptr_array_index (rows, i));
}

/* What `sqlite3 .dump` shows of the file at @path (the schema's objects
 * with their text, every row of every table), each part sorted: bulk loads
 * make indexes and triggers again, so they come later in sqlite_master. */
static char *
dump (const char *path)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  append_rows (out, db, "SELECT type, name, tbl_name, sql FROM sqlite_master");
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_master WHERE type = 'table'", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  g_ptr_array_sort (tables, compare_texts);
  for (guint t = 0; t < tables->len; t++)
    {
      char *sql = sqlite3_mprintf ("SELECT * FROM \"%w\"", (const char *) g_ptr_array_index (tables, t));

      g_string_append_printf (out, "-- %s\n", (const char *) g_ptr_array_index (tables, t));
      append_rows (out, db, sql);
      sqlite3_free (sql);
    }
  sqlite3_close (db);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
query_text (sqlite3 *db, const char *sql)
{
  g_autoptr(GString) out = g_string_new (NULL);

  append_rows (out, db, sql);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

#define TRIGGERS "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger'"
#define TRIGGER_NAMES "SELECT name FROM sqlite_master WHERE type = 'trigger'"

/* The triggers a new file of this version has: their names, or with their
 * texts when @texts. */
static char *
new_file_triggers (gboolean texts)
{
  g_autofree char *dir = ys_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "t.yusuan", NULL);
  g_autoptr(GError) error = NULL;
  YsStore *store = ys_store_create (path, &error);
  char *triggers;

  g_assert_no_error (error);
  triggers = query_text (store->db, texts ? TRIGGERS : TRIGGER_NAMES);
  ys_store_close (store);
  ys_test_rm_rf (dir);
  return triggers;
}

/* The file's triggers are those of a new file, text for text. */
static void
assert_triggers (sqlite3 *db)
{
  g_autofree char *names = new_file_triggers (FALSE);
  g_autofree char *texts = new_file_triggers (TRUE);
  g_autofree char *have_names = query_text (db, TRIGGER_NAMES);
  g_autofree char *have_texts = query_text (db, TRIGGERS);

  g_assert_nonnull (strstr (names, "line_sum_"));
  g_assert_cmpstr (have_names, ==, names);
  g_assert_true (strcmp (have_texts, texts) == 0);
}

static void
assert_sums_kept (const char *path)
{
  g_autoptr(GError) error = NULL;
  YsStore *store = ys_store_open (path, &error);
  int n_lines = 0, n_sums = 0;

  g_assert_no_error (error);
  assert_triggers (store->db);
  g_assert_true (ys_store_sums_verify (store, &error));
  g_assert_no_error (error);
  g_assert_true (ys_store_check_integrity (store, &error));
  g_assert_no_error (error);
  /* Not two empty tables agreeing. */
  g_assert_true (ys_store_query_int (store, "SELECT count(*) FROM line_item WHERE transfer = ''", &n_lines, NULL));
  g_assert_true (ys_store_query_int (store, "SELECT count(*) FROM line_sum", &n_sums, NULL));
  if (n_lines > 0)
    g_assert_cmpint (n_sums, >, 0);
  ys_store_close (store);
}

/* The rows of the file at @path written again, kind by kind in the order an
 * import writes them, into a new file at @copy whose triggers stay on: the
 * same load as the bulk one, with the sums kept by the triggers. */
static void
copy_with_triggers (const char *path, const char *copy)
{
  const YsKind *const *kinds = ys_kinds_all ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) sql = g_string_new (NULL);
  YsStore *store = ys_store_create (copy, &error);
  char *attach;

  g_assert_no_error (error);
  attach = sqlite3_mprintf ("ATTACH %Q AS bulk", path);
  g_assert_true (ys_store_exec (store, attach, &error));
  sqlite3_free (attach);
  g_assert_true (ys_store_begin (store, &error));
  g_string_append (sql, "DELETE FROM main.meta; INSERT INTO main.meta SELECT * FROM bulk.meta;\n"
                        "INSERT INTO main.catalog_entry SELECT * FROM bulk.catalog_entry;\n");
  ys_store_exec (store, sql->str, &error);
  g_assert_no_error (error);
  for (guint k = 0; kinds[k]; k++)
    {
      g_autofree char *insert = g_strdup_printf ("INSERT INTO main.%s SELECT * FROM bulk.%s ORDER BY id",
                                                 kinds[k]->table, kinds[k]->table);
      ys_store_exec (store, insert, &error);
      g_assert_no_error (error);
    }
  g_assert_true (ys_store_commit (store, &error));
  g_assert_no_error (error);
  g_assert_true (ys_store_exec (store, "DETACH bulk", &error));
  ys_store_close (store);
}

/* The interchange directory @dir imported into a new file at @target, as
 * yusuan-cli import does (@fresh: built under a temporary name, then
 * renamed), or into an empty file already under its name. */
static void
import_dir (const char *dir, const char *target, gboolean fresh)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) meta = ys_interchange_read_meta (dir, problems, &error);
  g_autofree char *building = fresh ? ys_temp_file_name (target) : g_strdup (target);
  g_autoptr(YsDocument) doc = NULL;

  g_assert_no_error (error);
  doc = ys_document_create (building, meta, &error);
  g_assert_no_error (error);
  if (!ys_interchange_import (doc, dir, problems, &error))
    g_error ("%s: %s (%s)", dir, error->message,
             problems->len ? (char *) g_ptr_array_index (problems, 0) : "");
  ys_document_close (doc);
  if (fresh)
    g_assert_true (ys_temp_file_rename (building, target, NULL));
}

/* Imported, the file's sums verify, its triggers are all back, and it
 * holds what the same rows written with the triggers on hold. */
static void
check_import (const char *dir, const char *work, gboolean fresh)
{
  g_autofree char *path = g_build_filename (work, "bulk.yusuan", NULL);
  g_autofree char *copy = g_build_filename (work, "triggers.yusuan", NULL);
  g_autofree char *a = NULL, *b = NULL;

  import_dir (dir, path, fresh);
  assert_sums_kept (path);
  copy_with_triggers (path, copy);
  assert_sums_kept (copy);
  a = dump (path);
  b = dump (copy);
  g_assert_nonnull (strstr (a, "-- line_sum\n"));
  g_assert_cmpstr (a, ==, b);
  ys_temp_file_remove_database (path);
  ys_temp_file_remove_database (copy);
}

static void
test_samples (void)
{
  g_autofree char *work = ys_test_tmp_dir ();

  for (guint s = 0; s < G_N_ELEMENTS (samples); s++)
    {
      g_autofree char *dir = g_build_filename (SOURCE_ROOT, "resources", "samples", samples[s], NULL);

      g_test_message ("%s", samples[s]);
      /* Both ways a bulk load runs: a new file under a temporary name, and
       * an empty one under its own. */
      check_import (dir, work, s % 2 == 0);
    }
  ys_test_rm_rf (work);
}

/* A generated budget of 20,000 lines (every unit type, projects, internal
 * transfers), dumped and imported again: the sums the import works out in
 * C are those the triggers kept while the budget was generated. */
static void
test_generated (void)
{
  g_autofree char *work = ys_test_tmp_dir ();
  g_autofree char *generated = g_build_filename (work, "test.yusuan", NULL);
  g_autofree char *csv = g_build_filename (work, "csv", NULL);
  g_autofree char *imported = g_build_filename (work, "i.yusuan", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(YsDocument) doc = ys_test_new_document (work, "anhui");
  YsGenerateParams params = { 40, 20000, 300, 600, 7 };
  g_autofree char *g_line = NULL, *i_line = NULL, *g_owner = NULL, *i_owner = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_true (ys_generate (doc, &params, &error));
  g_assert_no_error (error);
  /* The generator makes no internal transfers: some lines become one,
   * each an update the triggers follow. */
  g_assert_true (ys_document_begin_batch (doc, "transfers", &error));
  for (guint i = 0; i < ys_document_count (doc, &ys_line_kind); i += 97)
    g_assert_true (ys_document_set_text (doc, ys_document_get (doc, &ys_line_kind, i), YS_LINE_TRANSFER,
                                         i % 2 ? "上缴上级支出" : "对附属单位补助支出", &error));
  g_assert_true (ys_document_end_batch (doc, &error));
  g_assert_true (ys_interchange_dump (doc, csv, &error));
  g_assert_no_error (error);
  ys_document_close (doc);

  check_import (csv, work, TRUE);
  import_dir (csv, imported, TRUE);

  g_assert_cmpint (sqlite3_open_v2 (generated, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_line = query_text (db, "SELECT * FROM line_sum");
  g_owner = query_text (db, "SELECT * FROM owner_sum");
  sqlite3_close (db);
  g_assert_cmpint (sqlite3_open_v2 (imported, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  i_line = query_text (db, "SELECT * FROM line_sum");
  i_owner = query_text (db, "SELECT * FROM owner_sum");
  /* What the budget holds exercises every part of the key. */
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT (SELECT count(*) FROM line_item), "
                                       "(SELECT count(*) FROM line_sum WHERE institution = 1), "
                                       "(SELECT count(*) FROM line_sum WHERE institution = 0), "
                                       "(SELECT count(*) FROM line_item WHERE transfer <> ''), "
                                       "(SELECT count(*) FROM owner_sum WHERE project = 1)", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 20000);
  for (int c = 1; c < 5; c++)
    g_assert_cmpint (sqlite3_column_int (stmt, c), >, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_cmpstr (i_line, ==, g_line);
  g_assert_cmpstr (i_owner, ==, g_owner);
  ys_temp_file_remove_database (imported);
  ys_test_rm_rf (work);
}

/* A bulk load of one unit (@type), a project and @n lines, the lines
 * before the unit when @unit_last; the fourth line's economic code a copy
 * of its text, not interned, when @copy is given (it holds the copy). */
static YsStore *
begin_load (const char *path, const char *type, guint n, gboolean unit_last, GPtrArray *records, char **copy)
{
  g_autoptr(GError) error = NULL;
  YsStore *store = ys_store_create (path, &error);
  YsRecord *unit = ys_test_full_record (&ys_unit_kind, 1);
  YsRecord *project = ys_test_full_record (&ys_project_kind, 1);
  guint failed = 0;

  g_assert_no_error (error);
  ys_record_set_text (unit, YS_UNIT_CODE, "103001");
  ys_record_set_text (unit, YS_UNIT_UNIT_TYPE, type);
  ys_record_set_text (project, YS_PROJECT_CODE, "P1");
  g_ptr_array_add (records, unit);
  g_ptr_array_add (records, project);
  for (guint i = 0; i < n; i++)
    {
      YsRecord *line = ys_test_full_record (&ys_line_kind, i);

      ys_record_set_text (line, YS_LINE_PROJECT_CODE, i % 3 ? "P1" : "");
      ys_record_set_text (line, YS_LINE_TRANSFER, i % 7 == 0 ? "上缴上级支出" : "");
      ys_record_set_text (line, YS_LINE_SUB_SOURCE, i % 2 ? "" : "子来源");
      if (copy != NULL && i == 3)
        {
          YsValue *slots = ys_record_load_slots (line);

          *copy = g_strdup (slots[YS_LINE_ECON_CODE].s);
          slots[YS_LINE_ECON_CODE].s = *copy;
        }
      g_ptr_array_add (records, line);
    }
  g_assert_true (ys_store_begin_bulk (store, &error));
  g_assert_nonnull (store->bulk_sums);
  if (!unit_last)
    g_assert_true (ys_store_insert_new (store, &ys_unit_kind, (YsRecord **) records->pdata, 1, &failed, &error));
  g_assert_true (ys_store_insert_new (store, &ys_project_kind, (YsRecord **) records->pdata + 1, 1, &failed, &error));
  g_assert_true (ys_store_insert_new (store, &ys_line_kind, (YsRecord **) records->pdata + 2, n, &failed, &error));
  if (unit_last)
    g_assert_true (ys_store_insert_new (store, &ys_unit_kind, (YsRecord **) records->pdata, 1, &failed, &error));
  g_assert_no_error (error);
  return store;
}

/* Writes the C sums cannot follow: each sends the load to the SQL fill,
 * and the file's sums verify afterwards all the same. */
static void
test_fallback (void)
{
  g_autofree char *dir = ys_test_tmp_dir ();
  g_autofree char *target = g_build_filename (dir, "f.yusuan", NULL);
  g_autofree char *copy = g_build_filename (dir, "c.yusuan", NULL);

  for (guint how = 0; how < 6; how++)
    {
      g_autofree char *path = ys_temp_file_name (target);
      g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GError) error = NULL;
      g_autofree char *a = NULL, *b = NULL;
      g_autofree char *not_interned = NULL;
      YsStore *store = begin_load (path, "行政单位", 60, how == 1, records, how == 5 ? &not_interned : NULL);

      switch (how)
        {
        case 0: /* nothing: the C sums are written */
          break;
        case 1: /* lines before their unit */
          break;
        case 2: /* the unit's type changed during the load */
          ys_record_set_text (g_ptr_array_index (records, 0), YS_UNIT_UNIT_TYPE, "事业单位");
          g_assert_true (ys_store_update (store, g_ptr_array_index (records, 0), YS_UNIT_UNIT_TYPE, &error));
          break;
        case 3: /* a line taken out again */
          g_assert_true (ys_store_delete (store, g_ptr_array_index (records, 5), &error));
          break;
        case 5: /* a code that is not interned (begin_load) */
          break;
        case 4: /* a line written past the store */
          g_assert_true (ys_store_exec (store, "INSERT INTO line_item (unit_code, func_code, econ_code, kind, source, "
                                        "amount) VALUES ('103001', '2010301', '30101', '人员经费', '一般公共预算拨款', 5)",
                                        &error));
          break;
        }
      g_assert_no_error (error);
      g_assert_cmpint (ys_bulk_sums_given_up (store->bulk_sums), ==, how == 1 || how == 2 || how == 3 || how == 5);
      g_assert_true (ys_store_commit (store, &error));
      g_assert_no_error (error);
      ys_store_close (store);
      if (how != 4)
        assert_sums_kept (path);
      else
        {
          /* Its checksum is not the row's: only the sums are looked at. */
          store = ys_store_open (path, &error);
          g_assert_no_error (error);
          g_assert_true (ys_store_sums_verify (store, &error));
          g_assert_no_error (error);
          ys_store_close (store);
        }
      copy_with_triggers (path, copy);
      a = dump (path);
      b = dump (copy);
      g_assert_cmpstr (a, ==, b);
      ys_temp_file_remove_database (path);
      ys_temp_file_remove_database (copy);
    }
  ys_test_rm_rf (dir);
}

/* A bulk load that is refused or cancelled leaves the file's triggers as
 * they were, and a load into tables that are not empty keeps them on. */
static void
test_triggers_back (void)
{
  g_autofree char *dir = ys_test_tmp_dir ();
  g_autofree char *target = g_build_filename (dir, "r.yusuan", NULL);
  g_autofree char *path = ys_temp_file_name (target);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) more = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  YsStore *store;
  YsRecord *stray;
  guint failed = 0;

  store = begin_load (path, "事业单位", 10, FALSE, records, NULL);
  ys_store_rollback (store);
  assert_triggers (store->db);
  g_assert_null (store->bulk_sums);
  ys_store_close (store);
  ys_temp_file_remove_database (path);

  /* A line naming no unit: the load is refused at its commit. */
  g_ptr_array_set_size (records, 0);
  store = begin_load (path, "事业单位", 10, FALSE, records, NULL);
  stray = ys_test_full_record (&ys_line_kind, 3);
  ys_record_set_text (stray, YS_LINE_UNIT_CODE, "999999");
  ys_record_set_text (stray, YS_LINE_PROJECT_CODE, "");
  g_ptr_array_add (more, stray);
  g_assert_true (ys_store_insert_new (store, &ys_line_kind, (YsRecord **) more->pdata, 1, &failed, &error));
  g_assert_false (ys_store_commit (store, &error));
  g_assert_error (error, YS_STORE_ERROR, YS_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  assert_triggers (store->db);
  ys_store_close (store);
  ys_temp_file_remove_database (path);

  /* Loaded, then loaded again on top: the second is an ordinary write. */
  g_ptr_array_set_size (records, 0);
  store = begin_load (path, "事业单位", 10, FALSE, records, NULL);
  g_assert_true (ys_store_commit (store, &error));
  g_ptr_array_set_size (more, 0);
  for (guint i = 0; i < 5; i++)
    {
      YsRecord *line = ys_test_full_record (&ys_line_kind, 100 + i);
      ys_record_set_text (line, YS_LINE_TRANSFER, "");
      g_ptr_array_add (more, line);
    }
  g_assert_true (ys_store_begin_bulk (store, &error));
  g_assert_null (store->bulk_sums);
  g_assert_true (ys_store_insert_new (store, &ys_line_kind, (YsRecord **) more->pdata, more->len, &failed, &error));
  g_assert_true (ys_store_commit (store, &error));
  g_assert_no_error (error);
  ys_store_close (store);
  assert_sums_kept (path);
  ys_temp_file_remove_database (path);
  ys_test_rm_rf (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/store-bulk-sums/samples", test_samples);
  g_test_add_func ("/store-bulk-sums/generated", test_generated);
  g_test_add_func ("/store-bulk-sums/fallback", test_fallback);
  g_test_add_func ("/store-bulk-sums/triggers-back", test_triggers_back);
  return g_test_run ();
}
