/* The SQLite file: round trip of every kind, migration, and the files that
 * must be refused without being changed. */
#include "config.h"

#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "ys-store.h"
#include "ys-store-private.h"
#include "ys-test-util.h"

static void
count_notify (guint *count)
{
  (*count)++;
}

static void
test_round_trip_every_kind (void)
{
  g_autofree char *dir = ys_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "rt.yusuan", NULL);
  g_autoptr(GError) error = NULL;
  const YsKind *const *kinds = ys_kinds_all ();
  g_autoptr(GPtrArray) originals = g_ptr_array_new_with_free_func (g_object_unref);
  YsStore *store = ys_store_create (path, &error);

  g_assert_no_error (error);
  g_assert_true (ys_store_begin (store, &error));
  for (guint k = 0; kinds[k]; k++)
    {
      YsRecord *r = ys_test_full_record (kinds[k], 3);

      if (kinds[k] == &ys_unit_kind)
        ys_record_set_text (r, YS_UNIT_CODE, "103001");
      if (kinds[k] == &ys_project_kind)
        ys_record_set_text (r, YS_PROJECT_CODE, "P1");
      g_assert_true (ys_store_insert (store, r, &error));
      g_assert_no_error (error);
      g_assert_cmpint (ys_record_get_id (r), >, 0);
      g_ptr_array_add (originals, r);
    }
  g_assert_true (ys_store_commit (store, &error));
  ys_store_close (store);

  store = ys_store_open (path, &error);
  g_assert_no_error (error);
  for (guint k = 0; kinds[k]; k++)
    {
      g_autoptr(GPtrArray) loaded = ys_store_load (store, kinds[k], &error);
      YsRecord *orig = g_ptr_array_index (originals, k);
      YsRecord *back;

      g_assert_no_error (error);
      g_assert_cmpuint (loaded->len, ==, 1);
      back = g_ptr_array_index (loaded, 0);
      g_assert_cmpint (ys_record_get_id (back), ==, ys_record_get_id (orig));
      for (guint i = 0; i < kinds[k]->n_fields; i++)
        {
          g_autofree char *a = ys_record_format (orig, i);
          g_autofree char *b = ys_record_format (back, i);
          g_assert_cmpstr (a, ==, b);
        }
      /* A loaded record tells whatever is bound to it (the window's cells)
       * of a change: one made by g_type_create_instance() alone, to spare
       * g_object_new(), would keep its notifications frozen under GLib 2.74. */
      {
        const YsField *f = &kinds[k]->fields[0];
        guint notified = 0;

        g_signal_connect_swapped (back, "notify", G_CALLBACK (count_notify), &notified);
        if (ys_field_is_text (f))
          ys_record_set_text (back, 0, "Z");
        else
          ys_record_set_int (back, 0, ys_record_peek (back, 0)->i == 0);
        g_assert_cmpuint (notified, ==, 1);
      }
    }
  ys_store_close (store);
  ys_test_rm_rf (dir);
}

/* One number read from @path by SQLite itself, behind the store's back. */
static void
test_migration (void)
{
  g_autofree char *dir = ys_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "old.yusuan", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(GPtrArray) reviews = NULL;
  YsStore *store = ys_store_create_version (path, 1, &error);
  YsRecord *unit = ys_test_full_record (&ys_unit_kind, 1);

  g_assert_no_error (error);
  g_assert_true (ys_store_insert (store, unit, &error));
  /* Version 1 had no review table: inserting a review must fail there. */
  {
    g_autoptr(YsRecord) review = ys_test_full_record (&ys_review_kind, 1);
    g_assert_false (ys_store_insert (store, review, &error));
    g_clear_error (&error);
  }
  ys_store_close (store);

  g_assert_cmpint (ys_test_query_int (path, "PRAGMA user_version"), ==, 1);

  store = ys_store_open (path, &error);
  g_assert_no_error (error);
  units = ys_store_load (store, &ys_unit_kind, &error);
  g_assert_cmpuint (units->len, ==, 1);
  reviews = ys_store_load (store, &ys_review_kind, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reviews->len, ==, 0);
  ys_store_close (store);

  g_assert_cmpint (ys_test_query_int (path, "PRAGMA user_version"), ==, YS_STORE_SCHEMA_VERSION);

  g_object_unref (unit);
  ys_test_rm_rf (dir);
}

/* Opening must fail with @code, and leave the file byte for byte as it was. */
static void
assert_refused (const char *path, int code)
{
  g_autofree char *before = ys_test_file_digest (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  YsStore *store = ys_store_open (path, &error);

  g_assert_null (store);
  g_assert_error (error, YS_STORE_ERROR, code);
  after = ys_test_file_digest (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS) && code != YS_STORE_ERROR_LOCKED);
}

static void
test_refuses_bad_files (void)
{
  g_autofree char *dir = ys_test_tmp_dir ();
  g_autofree char *text = g_build_filename (dir, "text.yusuan", NULL);
  g_autofree char *foreign = g_build_filename (dir, "foreign.yusuan", NULL);
  g_autofree char *good = g_build_filename (dir, "good.yusuan", NULL);
  g_autofree char *truncated = g_build_filename (dir, "truncated.yusuan", NULL);
  g_autofree char *newer = g_build_filename (dir, "newer.yusuan", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.yusuan", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize len;
  sqlite3 *db;

  g_file_set_contents (text, "单位编码,单位名称\n103001,测试\n", -1, NULL);
  assert_refused (text, YS_STORE_ERROR_NOT_A_DOCUMENT);

  g_assert_cmpint (sqlite3_open (foreign, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE t (x); INSERT INTO t VALUES (1)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  assert_refused (foreign, YS_STORE_ERROR_NOT_A_DOCUMENT);

  {
    g_autoptr(YsDocument) doc = ys_test_small_document (good);
    ys_document_close (doc);
  }
  g_assert_true (g_file_get_contents (good, &data, &len, NULL));
  g_assert_cmpuint (len, >, 8192);
  g_file_set_contents (truncated, data, len / 2 + 100, NULL);
  assert_refused (truncated, YS_STORE_ERROR_DAMAGED);

  g_file_set_contents (newer, data, len, NULL);
  g_assert_cmpint (sqlite3_open (newer, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 99", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  assert_refused (newer, YS_STORE_ERROR_NEWER_VERSION);

  g_assert_null (ys_store_open (missing, &error));
  g_assert_error (error, YS_STORE_ERROR, YS_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Creating over an existing file is refused too. */
  g_assert_null (ys_store_create (good, &error));
  g_assert_error (error, YS_STORE_ERROR, YS_STORE_ERROR_EXISTS);
  g_clear_error (&error);

  {
    YsStore *holder = ys_store_open (good, &error);
    g_assert_no_error (error);
    assert_refused (good, YS_STORE_ERROR_LOCKED);
    ys_store_close (holder);
    holder = ys_store_open (good, &error);
    g_assert_no_error (error);
    ys_store_close (holder);
  }
  ys_test_rm_rf (dir);
}

static void
test_constraints (void)
{
  g_autofree char *dir = ys_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "c.yusuan", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  YsStore *store = ys_store_create (path, &error);
  g_autoptr(YsRecord) unit = ys_test_full_record (&ys_unit_kind, 1);
  g_autoptr(YsRecord) line = ys_test_full_record (&ys_line_kind, 1);
  g_autoptr(YsRecord) orphan = ys_test_full_record (&ys_line_kind, 2);
  g_autoptr(YsRecord) twin = ys_test_full_record (&ys_unit_kind, 1);
  YsValue negative = { .i = -100 };
  YsValue bad_kind = { .s = (char *) "其他" };
  YsValue short_code = { .s = (char *) "20103" };

  ys_record_set_text (unit, YS_UNIT_CODE, "103001");
  ys_record_set_text (twin, YS_UNIT_CODE, "103001");
  ys_record_set_text (line, YS_LINE_PROJECT_CODE, "");
  g_assert_true (ys_store_insert (store, unit, &error));

  /* Each violation is refused by the file itself, not only by the editor. */
  ys_record_set_value (line, YS_LINE_AMOUNT, &negative);
  g_assert_false (ys_store_insert (store, line, &error));
  g_assert_error (error, YS_STORE_ERROR, YS_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  ys_record_set_int (line, YS_LINE_AMOUNT, 100);

  ys_record_set_value (line, YS_LINE_KIND, &bad_kind);
  g_assert_false (ys_store_insert (store, line, &error));
  g_assert_error (error, YS_STORE_ERROR, YS_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  ys_record_set_text (line, YS_LINE_KIND, "人员经费");

  ys_record_set_value (line, YS_LINE_FUNC_CODE, &short_code);
  g_assert_false (ys_store_insert (store, line, &error));
  g_assert_error (error, YS_STORE_ERROR, YS_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  ys_record_set_text (line, YS_LINE_FUNC_CODE, "2010301");

  ys_record_set_text (orphan, YS_LINE_UNIT_CODE, "999999");
  ys_record_set_text (orphan, YS_LINE_PROJECT_CODE, "");
  g_assert_false (ys_store_insert (store, orphan, &error));
  g_assert_error (error, YS_STORE_ERROR, YS_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  g_assert_false (ys_store_insert (store, twin, &error));
  g_assert_error (error, YS_STORE_ERROR, YS_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  g_assert_true (ys_store_insert (store, line, &error));
  g_assert_no_error (error);
  lines = ys_store_load (store, &ys_line_kind, &error);
  g_assert_cmpuint (lines->len, ==, 1);
  ys_store_close (store);
  ys_test_rm_rf (dir);
}

/* A file carrying Yusuan's mark but not its tables is refused before
 * anything is written: no journal mode, no table, no version. */
static void
test_refusal_never_writes (void)
{
  g_autofree char *dir = ys_test_tmp_dir ();
  g_autofree char *empty1 = g_build_filename (dir, "empty1.yusuan", NULL);
  g_autofree char *empty2 = g_build_filename (dir, "empty2.yusuan", NULL);
  g_autofree char *partial = g_build_filename (dir, "partial.yusuan", NULL);
  g_autofree char *app_id = g_strdup_printf ("PRAGMA application_id = %d", YS_STORE_APPLICATION_ID);
  const char *files[] = { empty1, empty2, partial };
  const char *setup[] = {
    "PRAGMA user_version = 1; CREATE TABLE x (y)",
    "PRAGMA user_version = 2; CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "PRAGMA user_version = 2; CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
    "CREATE TABLE catalog_entry (catalog, code, name, level, parent); CREATE TABLE unit (id INTEGER PRIMARY KEY)",
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      sqlite3 *db;
      g_assert_cmpint (sqlite3_open (files[i], &db), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_exec (db, app_id, NULL, NULL, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_exec (db, setup[i], NULL, NULL, NULL), ==, SQLITE_OK);
      sqlite3_close (db);
      assert_refused (files[i], YS_STORE_ERROR_NOT_A_DOCUMENT);
    }
  ys_test_rm_rf (dir);
}

/* A damaged record in a file whose journal mode is not WAL: the refusal
 * comes when the records are loaded, after the store opened the file, and
 * the file must still be byte for byte as it was. */
static void
test_damaged_record_leaves_file (void)
{
  g_autofree char *dir = ys_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "d.yusuan", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *before = NULL, *after = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  {
    g_autoptr(YsDocument) doc = ys_test_small_document (path);
    ys_document_close (doc);
  }
  /* Changed behind Yusuan's back, as damage would, and left in rollback mode. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = DELETE; UPDATE line_item SET note = note || 'x' WHERE id = 1",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  before = ys_test_file_digest (path);
  g_assert_null (ys_document_open (path, &error));
  g_assert_error (error, YS_STORE_ERROR, YS_STORE_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, "line_item"));
  g_assert_nonnull (strstr (error->message, "id 1)"));
  after = ys_test_file_digest (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  ys_test_rm_rf (dir);
}

/* Version 2 files get their sums on the first writable open; a key change
 * that ON UPDATE CASCADE copies into other rows keeps their sums right. */
static void
test_sums_migrated_and_cascaded (void)
{
  g_autofree char *dir = ys_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "v2.yusuan", NULL);
  g_autoptr(GError) error = NULL;
  YsStore *store = ys_store_create_version (path, 2, &error);
  g_autoptr(YsRecord) unit = ys_test_full_record (&ys_unit_kind, 1);
  g_autoptr(YsRecord) line = ys_test_full_record (&ys_line_kind, 1);

  g_assert_no_error (error);
  ys_record_set_text (unit, YS_UNIT_CODE, "103001");
  ys_record_set_text (line, YS_LINE_PROJECT_CODE, "");
  g_assert_true (ys_store_insert (store, unit, &error));
  g_assert_true (ys_store_insert (store, line, &error));
  g_assert_true (ys_store_set_meta (store, "dept_name", "测试", &error));
  ys_store_close (store);

  store = ys_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ys_store_load (store, &ys_line_kind, &error)->len, ==, 1);
  g_assert_true (ys_store_begin (store, &error));
  ys_record_set_text (unit, YS_UNIT_CODE, "103002");
  g_assert_true (ys_store_update (store, unit, YS_UNIT_CODE, &error));
  g_assert_true (ys_store_commit (store, &error));
  ys_store_close (store);

  g_assert_cmpint (ys_test_query_int (path, "SELECT count(*) FROM line_item WHERE checksum <> 0 AND unit_code = '103002'"),
                   ==, 1);

  store = ys_store_open (path, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) lines = ys_store_load (store, &ys_line_kind, &error);
    g_autoptr(GHashTable) meta = ys_store_load_meta (store, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (ys_record_get_text (g_ptr_array_index (lines, 0), YS_LINE_UNIT_CODE), ==, "103002");
    g_assert_cmpstr (g_hash_table_lookup (meta, "dept_name"), ==, "测试");
  }
  ys_store_close (store);
  g_object_unref (g_steal_pointer (&unit));
  ys_test_rm_rf (dir);
}

/* Version 3 files get the control-figure table (version 4) on the first
 * writable open, with its sums, and keep what they held. */
static void
test_control_table_migrated (void)
{
  g_autofree char *dir = ys_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "v3.yusuan", NULL);
  g_autoptr(GError) error = NULL;
  YsStore *store = ys_store_create_version (path, 3, &error);
  g_autoptr(YsRecord) unit = ys_test_full_record (&ys_unit_kind, 1);
  g_autoptr(YsRecord) control = ys_record_new (&ys_control_kind);

  g_assert_no_error (error);
  ys_record_set_text (unit, YS_UNIT_CODE, "103001");
  g_assert_true (ys_store_insert (store, unit, &error));
  g_assert_false (ys_store_insert (store, control, &error));
  g_clear_error (&error);
  ys_store_close (store);
  g_assert_cmpint (ys_test_query_int (path, "PRAGMA user_version"), ==, 3);

  store = ys_store_open (path, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) units = ys_store_load (store, &ys_unit_kind, &error);
    g_assert_cmpuint (units->len, ==, 1);
  }
  ys_record_set_id (control, 0);
  ys_record_set_text (control, YS_CONTROL_UNIT_CODE, "103001");
  ys_record_set_text (control, YS_CONTROL_SOURCE, "一般公共预算拨款");
  ys_record_set_text (control, YS_CONTROL_KIND, "基本支出");
  ys_record_set_int (control, YS_CONTROL_AMOUNT, 123456);
  g_assert_true (ys_store_insert (store, control, &error));
  g_assert_no_error (error);
  ys_store_close (store);
  g_assert_cmpint (ys_test_query_int (path, "PRAGMA user_version"), ==, YS_STORE_SCHEMA_VERSION);
  g_assert_cmpint (ys_test_query_int (path, "SELECT count(*) FROM control_figure WHERE checksum <> 0"), ==, 1);

  /* Reopening checks the sums written with the new rows. */
  store = ys_store_open (path, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) controls = ys_store_load (store, &ys_control_kind, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (controls->len, ==, 1);
    g_assert_cmpint (ys_record_get_int (g_ptr_array_index (controls, 0), YS_CONTROL_AMOUNT), ==, 123456);
  }
  ys_store_close (store);
  g_object_unref (g_steal_pointer (&unit));
  ys_test_rm_rf (dir);
}

/* Files before format 5 checked a choice with an IN list; opened, they get the
 * comparisons in their stored schema, keep every row, and still refuse a
 * value outside the choices. */
static void
test_plain_checks_migrated (void)
{
  g_autofree char *dir = ys_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "v3.yusuan", NULL);
  g_autoptr(GError) error = NULL;
  YsStore *store = ys_store_create_version (path, 3, &error);
  g_autoptr(YsRecord) unit = ys_test_full_record (&ys_unit_kind, 1);
  g_autoptr(YsRecord) line = ys_test_full_record (&ys_line_kind, 1);
  g_autoptr(YsRecord) bad = ys_test_full_record (&ys_line_kind, 2);
  YsValue bad_source = { .s = (char *) "自有资金" };

  g_assert_no_error (error);
  ys_record_set_text (unit, YS_UNIT_CODE, "103001");
  ys_record_set_text (line, YS_LINE_PROJECT_CODE, "");
  g_assert_true (ys_store_insert (store, unit, &error));
  g_assert_true (ys_store_insert (store, line, &error));
  ys_store_close (store);
  g_assert_cmpint (ys_test_query_int (path, "SELECT count(*) FROM sqlite_master WHERE name = 'line_item' "
                                       "AND sql LIKE '%kind IN (%'"), ==, 1);

  store = ys_store_open (path, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) lines = ys_store_load (store, &ys_line_kind, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (lines->len, ==, 1);
    g_assert_cmpstr (ys_record_get_text (g_ptr_array_index (lines, 0), YS_LINE_SOURCE), ==,
                     ys_record_get_text (line, YS_LINE_SOURCE));
  }
  ys_record_set_text (bad, YS_LINE_PROJECT_CODE, "");
  ys_record_set_value (bad, YS_LINE_SOURCE, &bad_source);
  g_assert_false (ys_store_insert (store, bad, &error));
  g_assert_error (error, YS_STORE_ERROR, YS_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  ys_store_close (store);

  g_assert_cmpint (ys_test_query_int (path, "PRAGMA user_version"), ==, YS_STORE_SCHEMA_VERSION);
  g_assert_cmpint (ys_test_query_int (path, "SELECT count(*) FROM sqlite_master WHERE type = 'table' "
                                       "AND name <> 'catalog_entry' AND sql LIKE '% IN (%'"), ==, 0);
  g_assert_cmpint (ys_test_query_int (path, "SELECT count(*) FROM sqlite_master WHERE name = 'line_item' "
                                       "AND sql LIKE '%kind = ''人员经费'' OR kind = ''公用经费''%'"), ==, 1);
  {
    sqlite3 *db;
    char *message = NULL;
    g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "PRAGMA integrity_check", NULL, NULL, &message), ==, SQLITE_OK);
    sqlite3_close (db);
  }
  ys_test_rm_rf (dir);
}

/* The file check at open does not evaluate every row's constraints (the
 * sums cover the values), but a stored constraint that no longer compiles
 * (its text damaged into an unknown function) is still refused at open,
 * not at the first edit. */
static void
test_damaged_constraint_refused (void)
{
  g_autofree char *dir = ys_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "schema.yusuan", NULL);
  g_autoptr(GError) error = NULL;
  YsStore *store = ys_store_create (path, &error);
  sqlite3 *db;

  g_assert_no_error (error);
  ys_store_close (store);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA writable_schema = ON; "
                                     "UPDATE sqlite_master SET sql = replace(sql, 'CHECK (amount >= 0)', "
                                     "'CHECK (amountx(amount) >= 0)') WHERE name = 'line_item'; "
                                     "PRAGMA writable_schema = OFF;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_cmpint (ys_test_query_int (path, "SELECT count(*) FROM sqlite_master WHERE sql LIKE '%amountx(%'"), ==, 1);

  assert_refused (path, YS_STORE_ERROR_DAMAGED);
  ys_test_rm_rf (dir);
}

/* A version-3 file's reviews get an empty reviewer and time on the first
 * writable open (format 6), with sums that cover them; opened read-only it is read as
 * it is, without them. */
static void
test_reviewer_columns_migrated (void)
{
  g_autofree char *dir = ys_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "v3.yusuan", NULL);
  g_autoptr(GError) error = NULL;
  YsStore *store = ys_store_create_version (path, 3, &error);
  g_autoptr(YsRecord) review = ys_test_full_record (&ys_review_kind, 1);

  g_assert_no_error (error);
  g_assert_true (ys_store_insert (store, review, &error));
  g_assert_no_error (error);
  ys_store_close (store);
  g_assert_cmpint (ys_test_query_int (path, "SELECT count(*) FROM pragma_table_info('reviews') WHERE name = 'reviewer'"),
                   ==, 0);

  g_setenv ("YUSUAN_OPEN_READ_ONLY", "1", TRUE);
  store = ys_store_open (path, &error);
  g_unsetenv ("YUSUAN_OPEN_READ_ONLY");
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) reviews = ys_store_load (store, &ys_review_kind, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (reviews->len, ==, 1);
    g_assert_cmpstr (ys_record_get_text (g_ptr_array_index (reviews, 0), YS_REVIEW_REVIEWER), ==, "");
  }
  ys_store_close (store);
  g_assert_cmpint (ys_test_query_int (path, "PRAGMA user_version"), ==, 3);

  store = ys_store_open (path, &error);
  g_assert_no_error (error);
  ys_store_close (store);
  g_assert_cmpint (ys_test_query_int (path, "PRAGMA user_version"), ==, YS_STORE_SCHEMA_VERSION);

  /* Reopened, every sum matches; the new columns take a decision. */
  store = ys_store_open (path, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) reviews = ys_store_load (store, &ys_review_kind, &error);
    YsRecord *loaded;

    g_assert_no_error (error);
    g_assert_cmpuint (reviews->len, ==, 1);
    loaded = g_ptr_array_index (reviews, 0);
    g_assert_cmpstr (ys_record_get_text (loaded, YS_REVIEW_COMMENT), ==,
                     ys_record_get_text (review, YS_REVIEW_COMMENT));
    g_assert_cmpstr (ys_record_get_text (loaded, YS_REVIEW_DECIDED_AT), ==, "");
    ys_record_set_text (loaded, YS_REVIEW_REVIEWER, "张审核");
    g_assert_true (ys_store_begin (store, &error));
    g_assert_true (ys_store_update (store, loaded, YS_REVIEW_REVIEWER, &error));
    g_assert_true (ys_store_commit (store, &error));
    g_assert_no_error (error);
  }
  ys_store_close (store);
  store = ys_store_open (path, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) reviews = ys_store_load (store, &ys_review_kind, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (ys_record_get_text (g_ptr_array_index (reviews, 0), YS_REVIEW_REVIEWER), ==, "张审核");
  }
  ys_store_close (store);
  ys_test_rm_rf (dir);
}

/* Opened read-only (YUSUAN_OPEN_READ_ONLY=1 stands for a file that cannot
 * be written, which root's permissions cannot show; tests/test-read-only.sh
 * shows the real thing as an unprivileged user), the store reads the
 * committed state, also when it waits in a WAL left by a killed program,
 * and refuses every change without touching the file. */
static void
test_read_only (void)
{
  g_autofree char *dir = ys_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "ro.yusuan", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL, *wal_before = NULL, *after = NULL, *wal_after = NULL;
  pid_t pid;
  int status;

  {
    g_autoptr(YsDocument) doc = ys_test_small_document (path);
    ys_document_close (doc);
  }
  /* A child changes the file and dies without closing it. */
  pid = fork ();
  if (pid == 0)
    {
      YsDocument *doc = ys_document_open (path, NULL);
      YsRecord *line = ys_document_get (doc, &ys_line_kind, 0);
      if (!ys_document_set_text (doc, line, YS_LINE_AMOUNT, "777.00", NULL))
        _exit (1);
      _exit (0);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  before = ys_test_file_digest (path);
  wal_before = ys_test_file_digest (wal);

  g_setenv ("YUSUAN_OPEN_READ_ONLY", "1", TRUE);
  {
    g_autoptr(YsDocument) doc = ys_document_open (path, &error);
    YsRecord *line;

    g_assert_no_error (error);
    g_assert_true (ys_document_is_read_only (doc));
    line = ys_document_get (doc, &ys_line_kind, 0);
    g_assert_cmpint (ys_record_get_int (line, YS_LINE_AMOUNT), ==, 77700);
    g_assert_false (ys_document_set_text (doc, line, YS_LINE_AMOUNT, "1.00", &error));
    g_assert_error (error, YS_STORE_ERROR, YS_STORE_ERROR_READ_ONLY);
    g_clear_error (&error);
    g_assert_cmpint (ys_record_get_int (line, YS_LINE_AMOUNT), ==, 77700);
    g_assert_false (ys_document_set_meta (doc, "dept_name", "改", &error));
    g_assert_error (error, YS_STORE_ERROR, YS_STORE_ERROR_READ_ONLY);
    g_clear_error (&error);
    g_assert_true (ys_document_check_integrity (doc, &error));
  }
  g_unsetenv ("YUSUAN_OPEN_READ_ONLY");
  after = ys_test_file_digest (path);
  wal_after = ys_test_file_digest (wal);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpstr (wal_after, ==, wal_before);
  ys_test_rm_rf (dir);
}

static int
count_indexes (const char *path)
{
  return ys_test_query_int (path, "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL");
}

/* A bulk load into empty tables checks the foreign keys once, at its
 * commit: an orphan refuses the whole load, which leaves nothing, the
 * indexes stay, and every later write is checked row by row again. */
static void
test_bulk_load (void)
{
  g_autofree char *dir = ys_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "b.yusuan", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) loaded = NULL;
  YsStore *store = ys_store_create (path, &error);
  g_autoptr(YsRecord) unit = ys_test_full_record (&ys_unit_kind, 1);
  g_autoptr(YsRecord) line = ys_test_full_record (&ys_line_kind, 1);
  g_autoptr(YsRecord) orphan = ys_test_full_record (&ys_line_kind, 2);
  YsRecord *lines[] = { line, orphan };
  int indexes;
  guint failed = 99;

  g_assert_nonnull (store);
  ys_store_close (store);
  indexes = count_indexes (path);
  g_assert_cmpint (indexes, >, 5);
  store = ys_store_open (path, &error);
  ys_record_set_text (unit, YS_UNIT_CODE, "103001");
  ys_record_set_text (line, YS_LINE_PROJECT_CODE, "");
  ys_record_set_text (orphan, YS_LINE_UNIT_CODE, "999999");
  ys_record_set_text (orphan, YS_LINE_PROJECT_CODE, "");

  g_assert_true (ys_store_begin_bulk (store, &error));
  g_assert_true (ys_store_insert_new (store, &ys_unit_kind, &unit, 1, &failed, &error));
  g_assert_true (ys_store_insert_new (store, &ys_line_kind, lines, 2, &failed, &error));
  g_assert_no_error (error);
  g_assert_false (ys_store_commit (store, &error));
  g_assert_error (error, YS_STORE_ERROR, YS_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "line_item #2"));
  g_clear_error (&error);
  loaded = ys_store_load (store, &ys_line_kind, &error);
  g_assert_cmpuint (loaded->len, ==, 0);
  g_clear_pointer (&loaded, g_ptr_array_unref);

  /* The foreign keys are on again. */
  ys_record_set_id (unit, 0);
  ys_record_set_id (orphan, 0);
  g_assert_true (ys_store_begin (store, &error));
  g_assert_true (ys_store_insert (store, unit, &error));
  g_assert_false (ys_store_insert (store, orphan, &error));
  g_assert_error (error, YS_STORE_ERROR, YS_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_true (ys_store_commit (store, &error));

  /* Tables that hold records already: each row is checked as it is written. */
  ys_record_set_id (line, 0);
  ys_record_set_id (orphan, 0);
  g_assert_true (ys_store_begin_bulk (store, &error));
  g_assert_false (ys_store_insert_new (store, &ys_line_kind, lines, 2, &failed, &error));
  g_assert_error (error, YS_STORE_ERROR, YS_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_cmpuint (failed, ==, 1);
  g_assert_cmpint (ys_record_get_id (line), ==, 0);
  ys_store_rollback (store);
  ys_store_close (store);
  g_assert_cmpint (count_indexes (path), ==, indexes);

  /* A whole load: the indexes are made again from the same text. */
  g_clear_pointer (&path, g_free);
  path = g_build_filename (dir, "whole.yusuan", NULL);
  store = ys_store_create (path, &error);
  ys_record_set_id (unit, 0);
  ys_record_set_id (line, 0);
  g_assert_true (ys_store_begin_bulk (store, &error));
  g_assert_true (ys_store_insert_new (store, &ys_unit_kind, &unit, 1, &failed, &error));
  g_assert_true (ys_store_insert_new (store, &ys_line_kind, lines, 1, &failed, &error));
  g_assert_true (ys_store_commit (store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ys_record_get_id (line), ==, 1);
  loaded = ys_store_load (store, &ys_line_kind, &error);
  g_assert_cmpuint (loaded->len, ==, 1);
  ys_store_close (store);
  g_assert_cmpint (count_indexes (path), ==, indexes);
  ys_test_rm_rf (dir);
}

/* A prepared text or integer adds to any row sum exactly what summing its
 * bytes adds (the scan's shortcut for recurring values). */
static void
test_row_sum_prepared (void)
{
  const char *texts[] = { "", "1", "项目支出", "一般公共预算拨款", "2010301", "a text longer than sixteen bytes" };
  const gint64 ints[] = { 0, 1, -1, 255, 256, G_MAXINT64, G_MININT64, 123456789 };
  GRand *rand = g_rand_new_with_seed (16);

  for (guint r = 0; r < 200; r++)
    {
      YsRowSum start = { (guint64) g_rand_int (rand) << 32 | g_rand_int (rand) };

      for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
        {
          YsRowSumBytes t;
          YsRowSum a = start, b = start;

          ys_row_sum_prepare_text (&t, texts[i], strlen (texts[i]));
          ys_row_sum_text (&a, texts[i]);
          ys_row_sum_apply (&b, &t);
          g_assert_cmpuint (a.h, ==, b.h);
        }
      for (guint i = 0; i < G_N_ELEMENTS (ints); i++)
        {
          YsRowSumBytes t;
          YsRowSum a = start, b = start;

          ys_row_sum_prepare_int (&t, ints[i]);
          ys_row_sum_int (&a, ints[i]);
          ys_row_sum_apply (&b, &t);
          g_assert_cmpuint (a.h, ==, b.h);
        }
    }
  g_rand_free (rand);
}

/* An integer's sum is FNV-1a over its tag and its 8 bytes from the lowest,
 * whatever shortcut ys_row_sum_int() takes for the zero bytes. */
static void
test_row_sum_int (void)
{
  GRand *rand = g_rand_new_with_seed (61);

  for (guint r = 0; r < 20000; r++)
    {
      YsRowSum sum = { (guint64) g_rand_int (rand) << 32 | g_rand_int (rand) };
      guint64 h = sum.h, v;
      gint64 value;

      /* Every byte length, negative values, and values with zero bytes inside. */
      switch (r % 4)
        {
        case 0: value = r / 4; break;
        case 1: value = (gint64) ((guint64) g_rand_int (rand) << 32 | g_rand_int (rand)) >> (r % 64); break;
        case 2: value = -(gint64) (r / 4); break;
        default: value = (gint64) 1 << (r % 63) | (r & 1); break;
        }
      if (r == 1)
        value = G_MAXINT64;
      if (r == 2)
        value = G_MININT64;
      v = (guint64) value;
      h = (h ^ 'i') * G_GUINT64_CONSTANT (0x100000001b3);
      for (guint i = 0; i < 8; i++, v >>= 8)
        h = (h ^ (v & 0xff)) * G_GUINT64_CONSTANT (0x100000001b3);
      ys_row_sum_int (&sum, value);
      g_assert_cmpuint (sum.h, ==, h);
    }
  g_rand_free (rand);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/store/round-trip-every-kind", test_round_trip_every_kind);
  g_test_add_func ("/store/migration", test_migration);
  g_test_add_func ("/store/row-sum-prepared", test_row_sum_prepared);
  g_test_add_func ("/store/row-sum-int", test_row_sum_int);
  g_test_add_func ("/store/refuses-bad-files", test_refuses_bad_files);
  g_test_add_func ("/store/constraints", test_constraints);
  g_test_add_func ("/store/refusal-never-writes", test_refusal_never_writes);
  g_test_add_func ("/store/damaged-record-leaves-file", test_damaged_record_leaves_file);
  g_test_add_func ("/store/sums-migrated-and-cascaded", test_sums_migrated_and_cascaded);
  g_test_add_func ("/store/read-only", test_read_only);
  g_test_add_func ("/store/plain-checks-migrated", test_plain_checks_migrated);
  g_test_add_func ("/store/damaged-constraint-refused", test_damaged_constraint_refused);
  g_test_add_func ("/store/control-table-migrated", test_control_table_migrated);
  g_test_add_func ("/store/reviewer-columns-migrated", test_reviewer_columns_migrated);
  g_test_add_func ("/store/bulk-load", test_bulk_load);
  return g_test_run ();
}
