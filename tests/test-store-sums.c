/* The sums of the line items that format 9 keeps (ys-store-sums.c): every
 * kind of change to a line, a unit or a project leaves them equal to a
 * GROUP BY of the lines; a changed sum is damage; an older file gets them. */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "ys-store-private.h"
#include "ys-store-sums.h"
#include "ys-test-util.h"

static void
assert_sums (YsDocument *doc)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ys_document_check_integrity (doc, &error));
  g_assert_no_error (error);
}

static YsRecord *
find (YsDocument *doc, const YsKind *kind, guint field, const char *text)
{
  for (guint i = 0; i < ys_document_count (doc, kind); i++)
    {
      YsRecord *r = ys_document_get (doc, kind, i);
      if (g_strcmp0 (ys_record_get_text (r, field), text) == 0)
        return r;
    }
  g_assert_not_reached ();
}

static void
set_text (YsDocument *doc, YsRecord *r, guint field, const char *text)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ys_document_set_text (doc, r, field, text, &error));
  g_assert_no_error (error);
  assert_sums (doc);
}

static void
add_line (YsDocument *doc, const char *unit, const char *econ, const char *gov_econ,
          const char *amount, const char *note)
{
  ys_test_insert (doc, ys_test_record (&ys_line_kind, "unit_code", unit, "func_code", "2010301",
                                       "econ_code", econ, "gov_econ_code", gov_econ, "kind", "公用经费",
                                       "source", "一般公共预算拨款", "amount", amount, "note", note, NULL));
}

/* A department of two units, one of them a 事业单位, changed in every way
 * an accountant can change it. */
static void
test_changes_keep_sums (void)
{
  g_autofree char *dir = ys_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "s.yusuan", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(YsDocument) doc = ys_test_small_document (path);
  YsRecord *line;

  ys_test_insert (doc, ys_test_record (&ys_unit_kind, "code", "103002", "name", "下属中心",
                                       "unit_type", "事业单位", "role", "下属单位", NULL));
  assert_sums (doc);
  add_line (doc, "103002", "30201", "", "1000", "a");
  add_line (doc, "103002", "30201", "", "2000", "b");
  add_line (doc, "103002", "30202", "50201", "3000", "c");
  add_line (doc, "103001", "30201", "", "4000", "d");
  assert_sums (doc);

  line = find (doc, &ys_line_kind, YS_LINE_NOTE, "a");
  set_text (doc, line, YS_LINE_AMOUNT, "1500");
  set_text (doc, line, YS_LINE_FUNC_CODE, "2010302");
  set_text (doc, line, YS_LINE_ECON_CODE, "30202");
  set_text (doc, line, YS_LINE_SOURCE, "事业收入");
  set_text (doc, line, YS_LINE_KIND, "项目支出");
  set_text (doc, line, YS_LINE_PROJECT_CODE, "P1");
  set_text (doc, line, YS_LINE_PROJECT_CODE, "");
  set_text (doc, line, YS_LINE_KIND, "公用经费");
  /* Moved to a unit of another type: its department sum changes type. */
  set_text (doc, line, YS_LINE_UNIT_CODE, "103001");
  set_text (doc, line, YS_LINE_UNIT_CODE, "103002");
  set_text (doc, line, YS_LINE_TRANSFER, "对附属单位补助支出");
  set_text (doc, line, YS_LINE_TRANSFER, "");
  set_text (doc, line, YS_LINE_CARRY_OVER, "1");
  set_text (doc, line, YS_LINE_SUB_SOURCE, "上年结转");
  set_text (doc, line, YS_LINE_NOTE, "a");

  /* A unit's type moves every sum of its lines. */
  set_text (doc, find (doc, &ys_unit_kind, YS_UNIT_CODE, "103002"), YS_UNIT_UNIT_TYPE, "行政单位");
  set_text (doc, find (doc, &ys_unit_kind, YS_UNIT_CODE, "103002"), YS_UNIT_UNIT_TYPE, "参照公务员法管理事业单位");
  set_text (doc, find (doc, &ys_unit_kind, YS_UNIT_CODE, "103002"), YS_UNIT_UNIT_TYPE, "事业单位");
  /* Renamed codes reach the lines through ON UPDATE CASCADE. */
  set_text (doc, find (doc, &ys_unit_kind, YS_UNIT_CODE, "103002"), YS_UNIT_CODE, "103009");
  set_text (doc, find (doc, &ys_project_kind, YS_PROJECT_CODE, "P1"), YS_PROJECT_CODE, "P9");

  g_assert_true (ys_document_delete (doc, find (doc, &ys_line_kind, YS_LINE_NOTE, "b"), &error));
  g_assert_no_error (error);
  assert_sums (doc);
  /* Back to the small document: its two lines, one of a project. */
  while (ys_document_count (doc, &ys_unit_kind) > 1)
    {
      g_assert_true (ys_document_undo (doc, &error));
      g_assert_no_error (error);
      assert_sums (doc);
    }
  ys_document_close (doc);

  g_assert_cmpint (ys_test_query_int (path, "SELECT count(*) FROM line_sum"), ==, 2);
  g_assert_cmpint (ys_test_query_int (path, "SELECT sum(amount) FROM line_sum"), ==,
                   ys_test_query_int (path, "SELECT sum(amount) FROM line_item"));
  g_assert_cmpint (ys_test_query_int (path, "SELECT count(*) FROM owner_sum WHERE project = 1 AND owner = 'P1'"), ==, 1);
  g_assert_cmpint (ys_test_query_int (path, "SELECT count(*) FROM line_sum WHERE checksum = 0 OR lines <= 0"), ==, 0);
  ys_test_rm_rf (dir);
}

/* The sums before the undo: the 事业单位's lines without 政府经济分类 are
 * summed apart; a transfer is in no sum. */
static void
test_sums_tell_apart (void)
{
  g_autofree char *dir = ys_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "t.yusuan", NULL);
  g_autoptr(YsDocument) doc = ys_test_small_document (path);

  ys_test_insert (doc, ys_test_record (&ys_unit_kind, "code", "103002", "name", "下属中心",
                                       "unit_type", "事业单位", "role", "下属单位", NULL));
  add_line (doc, "103002", "30201", "", "1000", "a");
  add_line (doc, "103001", "30201", "", "2000", "b");
  add_line (doc, "103002", "30201", "", "500", "c");
  set_text (doc, find (doc, &ys_line_kind, YS_LINE_NOTE, "c"), YS_LINE_TRANSFER, "上缴上级支出");
  ys_document_close (doc);

  g_assert_cmpint (ys_test_query_int (path, "SELECT amount FROM line_sum WHERE econ_code = '30201' AND institution = 1"), ==, 100000);
  g_assert_cmpint (ys_test_query_int (path, "SELECT amount FROM line_sum WHERE econ_code = '30201' AND institution = 0"), ==, 200000);
  g_assert_cmpint (ys_test_query_int (path, "SELECT amount FROM owner_sum WHERE project = 0 AND owner = '103002'"), ==, 100000);
  g_assert_cmpint (ys_test_query_int (path, "SELECT lines FROM owner_sum WHERE project = 0 AND owner = '103002'"), ==, 1);
  ys_test_rm_rf (dir);
}

/* A sum changed behind Yusuan's back: without its checksum, the open that
 * loads the lines refuses it as it refuses a damaged record; with its
 * checksum made again, it no longer matches the lines, and the file check
 * (yusuan-cli check) calls it damage. */
static void
test_changed_sum_is_damage (void)
{
  g_autofree char *dir = ys_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "d.yusuan", NULL);
  const char *changes[] = {
    "UPDATE owner_sum SET amount = amount + 1 WHERE project = 1",
    "UPDATE owner_sum SET amount = amount + 1, checksum = ys_values_sum('owner_sum', project, owner, kind, "
    "source, sub_source, carry_over, amount + 1, lines) WHERE project = 1",
  };

  {
    g_autoptr(YsDocument) doc = ys_test_small_document (path);
    ys_document_close (doc);
  }
  g_assert_cmpint (ys_test_query_int (path, "SELECT count(*) FROM owner_sum WHERE project = 1"), ==, 1);
  for (guint i = 0; i < G_N_ELEMENTS (changes); i++)
    {
      g_autofree char *copy = g_build_filename (dir, i ? "b.yusuan" : "a.yusuan", NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(YsDocument) doc = NULL;
      g_autofree char *data = NULL, *before = NULL, *after = NULL;
      gsize len = 0;
      sqlite3 *db = NULL;

      g_assert_true (g_file_get_contents (path, &data, &len, NULL));
      g_assert_true (g_file_set_contents (copy, data, len, NULL));
      g_assert_cmpint (sqlite3_open (copy, &db), ==, SQLITE_OK);
      g_assert_cmpint (ys_store_register_sum (db), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_exec (db, changes[i], NULL, NULL, NULL), ==, SQLITE_OK);
      sqlite3_close (db);
      before = ys_test_file_digest (copy);
      doc = ys_document_open (copy, &error);
      if (i == 0)
        {
          g_assert_null (doc);
          g_assert_error (error, YS_STORE_ERROR, YS_STORE_ERROR_DAMAGED);
          g_assert_nonnull (strstr (error->message, "owner_sum"));
          /* Refused, the file is as it was. */
          after = ys_test_file_digest (copy);
          g_assert_cmpstr (before, ==, after);
          continue;
        }
      g_assert_no_error (error);
      g_assert_false (ys_document_check_integrity (doc, &error));
      g_assert_error (error, YS_STORE_ERROR, YS_STORE_ERROR_DAMAGED);
      g_assert_nonnull (strstr (error->message, "owner_sum"));
      ys_document_close (doc);
    }
  ys_test_rm_rf (dir);
}

/* A file of format 8 gets both tables, worked out from its lines, at its
 * first writable open; its lines stay as they were. */
static void
test_format_8_migrated (void)
{
  g_autofree char *dir = ys_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "v8.yusuan", NULL);
  g_autoptr(GError) error = NULL;
  YsStore *store = ys_store_create_version (path, 8, &error);
  g_autoptr(YsRecord) unit = ys_test_record (&ys_unit_kind, "code", "103001", "name", "测试单位",
                                             "unit_type", "事业单位", "role", "本级", NULL);

  g_assert_no_error (error);
  g_assert_true (ys_store_insert (store, unit, &error));
  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *amount = g_strdup_printf ("%u", 100 + i);
      g_autoptr(YsRecord) line = ys_test_record (&ys_line_kind, "unit_code", "103001", "func_code", "2010301",
                                                 "econ_code", i % 3 ? "30201" : "30101",
                                                 "kind", i % 3 ? "公用经费" : "人员经费",
                                                 "source", "一般公共预算拨款", "amount", amount,
                                                 "transfer", i == 7 ? "上缴上级支出" : "", NULL);
      g_assert_true (ys_store_insert (store, line, &error));
    }
  ys_store_close (store);
  g_assert_cmpint (ys_test_query_int (path, "SELECT count(*) FROM sqlite_master WHERE name = 'line_sum'"), ==, 0);

  store = ys_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (ys_store_sums_verify (store, &error));
  g_assert_no_error (error);
  ys_store_close (store);
  g_assert_cmpint (ys_test_query_int (path, "PRAGMA user_version"), ==, YS_STORE_SCHEMA_VERSION);
  g_assert_cmpint (ys_test_query_int (path, "SELECT count(*) FROM line_sum"), ==, 2);
  g_assert_cmpint (ys_test_query_int (path, "SELECT sum(lines) FROM line_sum"), ==, 29);
  g_assert_cmpint (ys_test_query_int (path, "SELECT sum(amount) FROM line_sum"), ==,
                   ys_test_query_int (path, "SELECT sum(amount) FROM line_item WHERE transfer = ''"));
  g_assert_cmpint (ys_test_query_int (path, "SELECT count(*) FROM line_sum WHERE institution = 1"), ==, 2);
  g_assert_cmpint (ys_test_query_int (path, "SELECT count(*) FROM owner_sum"), ==, 2);
  ys_test_rm_rf (dir);
}

/* A batch that writes more lines than the triggers are worth (a merge
 * replacing every unit) works the sums out again at its commit; cancelled,
 * it leaves them and the triggers as they were. */
static void
test_large_batch (void)
{
  g_autofree char *dir = ys_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "l.yusuan", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(YsDocument) doc = ys_test_small_document (path);

  for (guint round = 0; round < 2; round++)
    {
      g_assert_true (ys_document_begin_batch (doc, "lines", &error));
      for (guint i = 0; i < YS_STORE_SUMS_DEFER_MIN + 1000; i++)
        {
          g_autofree char *amount = g_strdup_printf ("%u", 1 + i % 97);
          add_line (doc, "103001", i % 2 ? "30201" : "30202", "", amount, "");
        }
      if (round == 0)
        ys_document_cancel_batch (doc);
      else
        g_assert_true (ys_document_end_batch (doc, &error));
      g_assert_no_error (error);
      assert_sums (doc);
    }
  /* The triggers are back: a change after the batch moves the sums. */
  set_text (doc, find (doc, &ys_line_kind, YS_LINE_NOTE, ""), YS_LINE_AMOUNT, "123456");
  ys_document_close (doc);
  g_assert_cmpint (ys_test_query_int (path, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'"), ==, 4);
  g_assert_cmpint (ys_test_query_int (path, "SELECT sum(lines) FROM line_sum"), ==, YS_STORE_SUMS_DEFER_MIN + 1002);
  ys_test_rm_rf (dir);
}

/* The triggers are the program's: a file whose own differ or are missing
 * (an earlier build's) gets this version's at the next writable open. */
static void
test_triggers_made_again (void)
{
  g_autofree char *dir = ys_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "t.yusuan", NULL);
  const char *length = "SELECT length(group_concat(sql)) FROM sqlite_master WHERE type = 'trigger'";
  gint64 before;
  sqlite3 *db = NULL;

  {
    g_autoptr(YsDocument) doc = ys_test_small_document (path);
    ys_document_close (doc);
  }
  before = ys_test_query_int (path, length);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "DROP TRIGGER line_sum_insert; DROP TRIGGER line_sum_delete;"
                                 "CREATE TRIGGER line_sum_delete AFTER DELETE ON line_item BEGIN SELECT 1; END;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_cmpint (ys_test_query_int (path, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'"), ==, 3);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(YsDocument) doc = ys_document_open (path, &error);

    g_assert_no_error (error);
    add_line (doc, "103001", "30201", "", "10", "new");
    g_assert_true (ys_document_delete (doc, find (doc, &ys_line_kind, YS_LINE_NOTE, "new"), &error));
    g_assert_no_error (error);
    assert_sums (doc);
    ys_document_close (doc);
  }
  g_assert_cmpint (ys_test_query_int (path, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'"), ==, 4);
  g_assert_cmpint (ys_test_query_int (path, length), ==, before);
  ys_test_rm_rf (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/store-sums/changes-keep-sums", test_changes_keep_sums);
  g_test_add_func ("/store-sums/tell-apart", test_sums_tell_apart);
  g_test_add_func ("/store-sums/changed-sum-is-damage", test_changed_sum_is_damage);
  g_test_add_func ("/store-sums/format-8-migrated", test_format_8_migrated);
  g_test_add_func ("/store-sums/large-batch", test_large_batch);
  g_test_add_func ("/store-sums/triggers-made-again", test_triggers_made_again);
  return g_test_run ();
}
