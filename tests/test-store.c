/* The SQLite file: round trip of every kind, migration, and the files that
 * must be refused without being changed. */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "ys-store.h"
#include "ys-test-util.h"

/* Fills every field of a record of @kind with a distinctive valid value. */
static YsRecord *
full_record (const YsKind *kind, guint salt)
{
  YsRecord *r = ys_record_new (kind);

  for (guint i = 0; i < kind->n_fields; i++)
    {
      const YsField *f = &kind->fields[i];
      YsValue v = { 0 };
      g_autofree char *text = NULL;

      switch (f->type)
        {
        case YS_FIELD_TEXT:
          text = g_strdup_printf ("%s 文本 %u, \"引号\"\n第二行", f->name, salt);
          break;
        case YS_FIELD_CODE:
          if (f->ref)
            text = g_strdup (g_str_equal (f->ref, "unit") ? "103001" : "P1");
          else if (f->digits)
            text = g_strdup_printf ("%0*u", (int) f->digits, 20 + salt);
          else
            text = g_strdup_printf ("C%u", salt);
          break;
        case YS_FIELD_CHOICE:
          text = g_strdup (f->choices[salt % g_strv_length ((char **) f->choices)]);
          break;
        case YS_FIELD_INT:
          text = g_strdup_printf ("%u", 7 + salt);
          break;
        case YS_FIELD_MONEY:
          text = g_strdup_printf ("%u.%02u", 1234 + salt, salt % 100);
          break;
        case YS_FIELD_BOOL:
          text = g_strdup ("是");
          break;
        }
      g_assert_true (ys_field_parse (f, text, &v, NULL));
      ys_record_set_value (r, i, &v);
      ys_value_clear (f, &v);
    }
  return r;
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
      YsRecord *r = full_record (kinds[k], 3);

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
    }
  ys_store_close (store);
  ys_test_rm_rf (dir);
}

static void
test_migration (void)
{
  g_autofree char *dir = ys_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "old.yusuan", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(GPtrArray) reviews = NULL;
  YsStore *store = ys_store_create_version (path, 1, &error);
  YsRecord *unit = full_record (&ys_unit_kind, 1);
  sqlite3 *db;
  sqlite3_stmt *stmt;

  g_assert_no_error (error);
  g_assert_true (ys_store_insert (store, unit, &error));
  /* Version 1 had no review table: inserting a review must fail there. */
  {
    g_autoptr(YsRecord) review = full_record (&ys_review_kind, 1);
    g_assert_false (ys_store_insert (store, review, &error));
    g_clear_error (&error);
  }
  ys_store_close (store);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  store = ys_store_open (path, &error);
  g_assert_no_error (error);
  units = ys_store_load (store, &ys_unit_kind, &error);
  g_assert_cmpuint (units->len, ==, 1);
  reviews = ys_store_load (store, &ys_review_kind, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reviews->len, ==, 0);
  ys_store_close (store);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, YS_STORE_SCHEMA_VERSION);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

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
  g_autoptr(YsRecord) unit = full_record (&ys_unit_kind, 1);
  g_autoptr(YsRecord) line = full_record (&ys_line_kind, 1);
  g_autoptr(YsRecord) orphan = full_record (&ys_line_kind, 2);
  g_autoptr(YsRecord) twin = full_record (&ys_unit_kind, 1);
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

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/store/round-trip-every-kind", test_round_trip_every_kind);
  g_test_add_func ("/store/migration", test_migration);
  g_test_add_func ("/store/refuses-bad-files", test_refuses_bad_files);
  g_test_add_func ("/store/constraints", test_constraints);
  return g_test_run ();
}
