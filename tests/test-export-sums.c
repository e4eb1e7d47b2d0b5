/* The department's export from the sums a file of format 9 keeps of its
 * line items (export --no-review): the same workbook as from the lines
 * themselves, internal transfers offset both ways, and a damaged sum
 * refused. */
#define _GNU_SOURCE /* memmem */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "ys-core.h"
#include "ys-document-scan.h"
#include "ys-generate.h"
#include "ys-layout.h"
#include "ys-report.h"
#include "ys-review-sheet.h"
#include "ys-store.h"
#include "ys-test-util.h"

static const char *const layouts[] = { "anhui", "hebei", "shanxi", "national" };

static void
insert_line (YsDocument *doc, const char *unit, const char *econ, const char *kind, const char *project,
             const char *source, const char *amount, const char *transfer)
{
  YsRecord *r = ys_test_record (&ys_line_kind, "unit_code", unit, "func_code", "2010301", "econ_code", econ,
                                "kind", kind, "source", source, "amount", amount, NULL);
  g_autoptr(GError) error = NULL;

  if (project)
    g_assert_true (ys_record_parse_field (r, YS_LINE_PROJECT_CODE, project, &error));
  if (transfer)
    g_assert_true (ys_record_parse_field (r, YS_LINE_TRANSFER, transfer, &error));
  g_assert_no_error (error);
  ys_test_insert (doc, r);
}

static void
insert_income (YsDocument *doc, const char *unit, const char *source, const char *amount)
{
  ys_test_insert (doc, ys_test_record (&ys_income_kind, "unit_code", unit, "source", source,
                                       "amount", amount, NULL));
}

/* A generated department (unit 100001 the office, 本级; the others below
 * it) with transfers both ways: a grant from the office to two units and a
 * payment from one unit to the office, each with the income of the other
 * side, and a grant marked by a unit below, which has no counterpart and
 * stays. Then edits of every kind the stored sums follow: an amount, a
 * line deleted, a line becoming a transfer, a unit's type. */
static char *
make_department (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "dept.yusuan", NULL);
  YsGenerateParams params = { 12, 3000, 30, 90, 16 };
  g_autoptr(GError) error = NULL;
  g_autoptr(YsDocument) doc = ys_document_create (path, NULL, &error);
  YsRecord *line, *unit;

  g_assert_no_error (error);
  g_assert_true (ys_generate (doc, &params, &error));
  g_assert_no_error (error);
  ys_test_insert (doc, ys_test_record (&ys_project_kind, "code", "PT1", "name", "下属单位补助",
                                       "unit_code", "100001", "annual_local", "500", NULL));
  insert_line (doc, "100001", "39999", "项目支出", "PT1", "一般公共预算拨款", "50000", "对附属单位补助支出");
  insert_line (doc, "100001", "39999", "公用经费", NULL, "一般公共预算拨款", "30000", "对附属单位补助支出");
  insert_income (doc, "100002", "上级补助收入", "50000");
  insert_income (doc, "100003", "上级补助收入", "30000");
  insert_line (doc, "100002", "39999", "公用经费", NULL, "事业收入", "20000", "上缴上级支出");
  insert_income (doc, "100001", "附属单位上缴收入", "20000");
  insert_line (doc, "100004", "39999", "公用经费", NULL, "一般公共预算拨款", "7000", "对附属单位补助支出");

  line = ys_document_get (doc, &ys_line_kind, 5);
  g_assert_true (ys_document_set_text (doc, line, YS_LINE_AMOUNT, "123456.78", &error));
  g_assert_true (ys_document_delete (doc, ys_document_get (doc, &ys_line_kind, 9), &error));
  line = ys_document_get (doc, &ys_line_kind, 20);
  g_assert_true (ys_document_set_text (doc, line, YS_LINE_TRANSFER, "上缴上级支出", &error));
  unit = ys_document_lookup_key (doc, &ys_unit_kind, "100003");
  g_assert_true (ys_document_set_text (doc, unit, YS_UNIT_UNIT_TYPE, "行政单位", &error));
  g_assert_no_error (error);
  ys_document_close (doc);
  return g_steal_pointer (&path);
}

/* Every part of an xlsx package but its time of writing, by name. */
static GHashTable *
package_parts (const char *path)
{
  GHashTable *parts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  unzFile zip = unzOpen (path);
  int rc;

  g_assert_nonnull (zip);
  for (rc = unzGoToFirstFile (zip); rc == UNZ_OK; rc = unzGoToNextFile (zip))
    {
      unz_file_info info;
      char name[256];

      g_assert_cmpint (unzGetCurrentFileInfo (zip, &info, name, sizeof name, NULL, 0, NULL, 0), ==, UNZ_OK);
      if (strcmp (name, "docProps/core.xml") != 0)
        g_hash_table_insert (parts, g_strdup (name), ys_test_zip_part (path, name));
    }
  g_assert_cmpint (rc, ==, UNZ_END_OF_LIST_OF_FILE);
  unzClose (zip);
  return parts;
}

/* Two workbooks hold the same sheets, cells, formats and merges: every part
 * of the package (each sheet, the shared strings, the styles) the same. */
static void
assert_same_workbooks (const char *a_path, const char *b_path)
{
  g_autoptr(GHashTable) a = package_parts (a_path);
  g_autoptr(GHashTable) b = package_parts (b_path);
  GHashTableIter iter;
  gpointer name, text;

  g_assert_cmpuint (g_hash_table_size (a), ==, g_hash_table_size (b));
  g_assert_true (g_hash_table_contains (a, "xl/worksheets/sheet1.xml"));
  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &name, &text))
    if (g_strcmp0 (text, g_hash_table_lookup (b, name)) != 0)
      g_error ("%s differs between the export from the lines and the one from the sums", (char *) name);
}

static gboolean
workbook_says (const char *path, const char *words)
{
  g_autofree char *strings = ys_test_zip_part (path, "xl/sharedStrings.xml");

  return strstr (strings, words) != NULL;
}

/* The department's and one unit's tables in every layout, as JSON and as
 * workbooks under @dir named by @how; the document opened with its lines
 * loaded or (@streamed) left in the file. */
static GPtrArray *
export_all (const char *path, gboolean streamed, const char *dir, const char *how)
{
  GPtrArray *json = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(YsDocument) doc = streamed ? ys_document_open_streaming (path, &ys_line_kind, &error)
                                       : ys_document_open (path, &error);

  g_assert_no_error (error);
  /* The loaded document adds up its lines; the streamed one reads the sums. */
  g_assert_true (ys_document_has_line_sums (doc) == streamed);
  for (guint l = 0; l < G_N_ELEMENTS (layouts); l++)
    for (guint u = 0; u < 2; u++)
      {
        /* A unit's own tables are read from its lines either way. */
        const char *unit = u ? "100002" : NULL;
        g_autofree char *name = g_strdup_printf ("%s-%s-%u.xlsx", how, layouts[l], u);
        g_autofree char *out = g_build_filename (dir, name, NULL);
        g_autoptr(YsLayout) layout = ys_layout_load (layouts[l], &error);
        g_autoptr(GPtrArray) tables = NULL;

        g_assert_no_error (error);
        tables = ys_report_build (doc, layout, unit, &error);
        g_assert_no_error (error);
        g_ptr_array_add (json, ys_report_tables_to_json (doc, layout, unit, tables));
        g_assert_true (ys_review_export_tables (doc, layout, unit, NULL, out, NULL, NULL, &error));
        g_assert_no_error (error);
      }
  ys_document_close (doc);
  return json;
}

static void
test_same_workbook (void)
{
  g_autofree char *dir = ys_test_tmp_dir ();
  g_autofree char *path = make_department (dir);
  g_autoptr(GPtrArray) want = export_all (path, FALSE, dir, "lines");
  g_autoptr(GPtrArray) got = export_all (path, TRUE, dir, "sums");

  for (guint l = 0; l < G_N_ELEMENTS (layouts); l++)
    for (guint u = 0; u < 2; u++)
      {
        g_autofree char *name = g_strdup_printf ("%s-%u.xlsx", layouts[l], u);
        g_autofree char *from_lines = g_strconcat (dir, "/lines-", name, NULL);
        g_autofree char *from_sums = g_strconcat (dir, "/sums-", name, NULL);

        g_test_message ("layout %s, %s", layouts[l], u ? "one unit" : "the department");
        g_assert_cmpstr (g_ptr_array_index (got, l * 2 + u), ==, g_ptr_array_index (want, l * 2 + u));
        assert_same_workbooks (from_lines, from_sums);
        /* Both pairs were found and left out of the department's tables. */
        if (u == 0)
          {
            g_assert_true (workbook_says (from_sums, "抵销部门内部往来"));
            g_assert_true (workbook_says (from_sums, "与本级对附属单位补助支出"));
            g_assert_true (workbook_says (from_sums, "与下属单位上缴上级支出"));
          }
      }
  ys_test_rm_rf (dir);
}

/* The stored checksum of the first line_sum row, as SQLite stores an
 * integer that needs eight bytes: big-endian. */
static void
first_sum_bytes (const char *path, guchar out[8])
{
  guint64 sum = (guint64) ys_test_query_int (path, "SELECT checksum FROM line_sum LIMIT 1");

  for (guint i = 0; i < 8; i++)
    out[i] = (guchar) (sum >> (56 - 8 * i));
}

/* A flipped byte in a row of line_sum: the department's export, which reads
 * that row instead of the lines, refuses in Chinese and names the table;
 * no workbook is written. */
static void
test_damaged_sum_refused (void)
{
  g_autofree char *dir = ys_test_tmp_dir ();
  g_autofree char *path = make_department (dir);
  g_autofree char *out = g_build_filename (dir, "out.xlsx", NULL);
  g_autofree char *data = NULL, *err = NULL, *saved = g_strdup (setlocale (LC_ALL, NULL));
  g_autoptr(GError) error = NULL;
  guchar stored[8];
  gsize len = 0;
  guchar *hit;

  first_sum_bytes (path, stored);
  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  hit = memmem (data, len, stored, sizeof stored);
  g_assert_nonnull (hit);
  g_assert_null (memmem (hit + 1, len - (hit + 1 - (guchar *) data), stored, sizeof stored));
  hit[7] ^= 0x04;
  g_assert_true (g_file_set_contents (path, data, len, NULL));

  {
    g_autoptr(YsDocument) streamed = ys_document_open_streaming (path, &ys_line_kind, &error);
    g_autoptr(YsLayout) layout = ys_layout_load ("anhui", NULL);

    g_assert_no_error (error);
    g_assert_false (ys_review_export_tables (streamed, layout, NULL, NULL, out, NULL, NULL, &error));
    g_assert_error (error, YS_STORE_ERROR, YS_STORE_ERROR_DAMAGED);
    g_assert_nonnull (strstr (error->message, "line_sum"));
    g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
    g_clear_error (&error);
  }

  if (setlocale (LC_ALL, "zh_CN.UTF-8") == NULL)
    {
      g_test_skip ("the zh_CN.UTF-8 locale is not installed (.ci/install-deps installs it)");
      ys_test_rm_rf (dir);
      return;
    }
  setlocale (LC_ALL, saved);
  {
    const char *argv[] = { CLI_PATH, "export", path, "-o", out, "--no-review", "--allow-errors", NULL };
    g_auto(GStrv) envp = g_get_environ ();
    int status = 0;

    /* The test's environment (its XDG_DATA_HOME among it), in Chinese. */
    envp = g_environ_setenv (envp, "LANG", "zh_CN.UTF-8", TRUE);
    envp = g_environ_unsetenv (envp, "LC_ALL");
    envp = g_environ_unsetenv (envp, "LANGUAGE");

    g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, &err,
                  &status, &error);
    g_assert_no_error (error);
    g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 1);
  }
  g_assert_nonnull (strstr (err, "已损坏"));
  g_assert_nonnull (strstr (err, "支出明细的合计"));
  g_assert_nonnull (strstr (err, "line_sum"));
  g_assert_nonnull (strstr (err, "yusuan-cli backup restore"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  /* The check of the whole file finds it too. */
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (ys_test_run_cli (NULL, &err, "check", path, NULL), !=, 0);
  g_assert_nonnull (strstr (err, "line_sum"));
  ys_test_rm_rf (dir);
}

int
main (int argc, char **argv)
{
  ys_core_init ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/export-sums/same-workbook", test_same_workbook);
  g_test_add_func ("/export-sums/damaged-sum-refused", test_damaged_sum_refused);
  return g_test_run ();
}
