/* yusuan-cli as a script would use it: exit codes, messages, and files left alone. */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <sys/wait.h>
#include <unzip.h>

#include "ys-money.h"
#include "ys-test-util.h"


static void
test_help (void)
{
  const char *commands[] = { "new", "info", "import", "dump", "summary", "catalog", "generate", "publish" };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *out = NULL, *err = NULL;
      g_assert_cmpint (ys_test_run_cli (&out, &err, commands[i], "--help", NULL), ==, 0);
      g_assert_nonnull (strstr (out, "Usage"));
    }
  {
    g_autofree char *out = NULL, *err = NULL;
    g_assert_cmpint (ys_test_run_cli (&out, &err, "--help", NULL), ==, 0);
    g_assert_nonnull (strstr (out, "summary"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (ys_test_run_cli (&out, &err, "frobnicate", NULL), !=, 0);
    g_assert_nonnull (strstr (err, "frobnicate"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (ys_test_run_cli (&out, &err, "summary", NULL), !=, 0);
  }
}

static char *
wan (gint64 fen)
{
  return ys_money_format (fen, YS_MONEY_WAN, TRUE);
}

static void
check_summary (const char *sample, const char *total, const char *basic, const char *project,
               const char *personnel, const char *public_)
{
  g_autofree char *dir = ys_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "s.yusuan", NULL);
  g_autofree char *src = g_build_filename (SOURCE_ROOT, "resources", "samples", sample, NULL);
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *t = NULL, *b = NULL, *p = NULL, *pe = NULL, *pu = NULL;

  g_assert_cmpint (ys_test_run_cli (&out, &err, "import", path, src, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (ys_test_run_cli (&out, &err, "summary", path, "--json", NULL), ==, 0);
  t = wan (ys_test_json_int (out, "expenditure_total"));
  b = wan (ys_test_json_int (out, "basic"));
  p = wan (ys_test_json_int (out, "project"));
  pe = wan (ys_test_json_int (out, "personnel"));
  pu = wan (ys_test_json_int (out, "public"));
  g_assert_cmpstr (t, ==, total);
  g_assert_cmpstr (b, ==, basic);
  g_assert_cmpstr (p, ==, project);
  g_assert_cmpstr (pe, ==, personnel);
  g_assert_cmpstr (pu, ==, public_);
  g_assert_cmpint (ys_test_json_int (out, "income_total"), ==, ys_test_json_int (out, "expenditure_total"));
  g_assert_nonnull (strstr (out, "\"by_function_class\""));
  g_assert_nonnull (strstr (out, "\"一般公共预算拨款\": {\"income\""));
  g_assert_cmpint (ys_test_json_int (out, "units"), ==, 1);
  ys_test_rm_rf (dir);
}

static void
test_summary_of_samples (void)
{
  check_summary ("yongqiao-2023", "1,623.35", "1,008.35", "615.00", "858.63", "149.72");
  check_summary ("shanhaiguan-2023", "1,079.09", "670.69", "408.40", "612.00", "58.68");
}

static void
assert_refused (const char *path, const char *fragment)
{
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (ys_test_run_cli (&out, &err, "info", path, NULL), !=, 0);
  if (strstr (err, fragment) == NULL)
    g_printerr ("stderr: %s\n", err);
  g_assert_nonnull (strstr (err, fragment));
}

static void
assert_refused_unchanged (const char *path, const char *fragment)
{
  g_autofree char *before = ys_test_file_digest (path);
  g_autofree char *after = NULL;

  assert_refused (path, fragment);
  after = ys_test_file_digest (path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_bad_files (void)
{
  g_autofree char *dir = ys_test_tmp_dir ();
  g_autofree char *text = g_build_filename (dir, "notes.yusuan", NULL);
  g_autofree char *good = g_build_filename (dir, "good.yusuan", NULL);
  g_autofree char *cut = g_build_filename (dir, "cut.yusuan", NULL);
  g_autofree char *data = NULL;
  gsize len = 0;

  g_file_set_contents (text, "这是一个文本文件\n", -1, NULL);
  assert_refused_unchanged (text, "not a Yusuan budget file");

  {
    g_autoptr(YsDocument) doc = ys_test_small_document (good);
    ys_document_close (doc);
  }
  g_file_get_contents (good, &data, &len, NULL);
  g_file_set_contents (cut, data, len / 2 + 100, NULL);
  assert_refused_unchanged (cut, "damaged");

  {
    /* The digest is taken around the holder's lifetime: reading the file
     * from this process would drop the holder's POSIX lock. */
    g_autofree char *before = ys_test_file_digest (good);
    g_autofree char *after = NULL;
    g_autoptr(GError) error = NULL;
    YsDocument *held = ys_document_open (good, &error);

    g_assert_no_error (error);
    assert_refused (good, "open in another");
    g_object_unref (held);
    after = ys_test_file_digest (good);
    g_assert_cmpstr (before, ==, after);
  }
  ys_test_rm_rf (dir);
}

static void
test_import_errors_leave_nothing (void)
{
  g_autofree char *dir = ys_test_tmp_dir ();
  g_autofree char *in = g_build_filename (dir, "in", NULL);
  g_autofree char *units = g_build_filename (in, "units.csv", NULL);
  g_autofree char *lines = g_build_filename (in, "lines.csv", NULL);
  g_autofree char *doc_csv = g_build_filename (in, "document.csv", NULL);
  g_autofree char *path = g_build_filename (dir, "new.yusuan", NULL);
  g_autofree char *out = NULL, *err = NULL;

  g_mkdir_with_parents (in, 0755);
  g_file_set_contents (doc_csv, "key,value\ndept_name,测试部门\n", -1, NULL);
  g_file_set_contents (units, "code,name,unit_type,role\n103001,单位,行政单位,本级\n", -1, NULL);
  g_file_set_contents (lines, "unit_code,func_code,econ_code,kind,source,amount\n"
                              "103001,2010301,30101,人员经费,一般公共预算拨款,1.234\n", -1, NULL);
  g_assert_cmpint (ys_test_run_cli (&out, &err, "import", path, in, NULL), !=, 0);
  g_assert_nonnull (strstr (err, "lines.csv:2: amount:"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  ys_test_rm_rf (dir);
}

static void
test_dump_import_round_trip (void)
{
  g_autofree char *dir = ys_test_tmp_dir ();
  g_autofree char *a = g_build_filename (dir, "a.yusuan", NULL);
  g_autofree char *b = g_build_filename (dir, "b.yusuan", NULL);
  g_autofree char *d1 = g_build_filename (dir, "d1", NULL);
  g_autofree char *d2 = g_build_filename (dir, "d2", NULL);
  g_autofree char *src = g_build_filename (SOURCE_ROOT, "resources", "samples", "shanhaiguan-2023", NULL);
  const char *files[] = { "document.csv", "units.csv", "lines.csv", "projects.csv", "indicators.csv",
                          "procurement.csv", "assets.csv" };

  g_assert_cmpint (ys_test_run_cli (NULL, NULL, "import", a, src, NULL), ==, 0);
  g_assert_cmpint (ys_test_run_cli (NULL, NULL, "dump", a, d1, NULL), ==, 0);
  g_assert_cmpint (ys_test_run_cli (NULL, NULL, "import", b, d1, NULL), ==, 0);
  g_assert_cmpint (ys_test_run_cli (NULL, NULL, "dump", b, d2, NULL), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *p1 = g_build_filename (d1, files[i], NULL);
      g_autofree char *p2 = g_build_filename (d2, files[i], NULL);
      g_autofree char *x = NULL, *y = NULL;
      g_assert_true (g_file_get_contents (p1, &x, NULL, NULL));
      g_assert_true (g_file_get_contents (p2, &y, NULL, NULL));
      g_assert_cmpstr (x, ==, y);
      g_assert_cmpuint (strlen (x), >, 20);
    }
  ys_test_rm_rf (dir);
}

static void
test_catalog_commands (void)
{
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (ys_test_run_cli (&out, &err, "catalog", "lookup", "2010301", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "201 一般公共服务支出 › 20103"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (ys_test_run_cli (&out, &err, "catalog", "search", "公务员医疗", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "2101103"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (ys_test_run_cli (&out, &err, "catalog", "lookup", "A02010104", "--kind", "procurement", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "服务器"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (ys_test_run_cli (&out, &err, "catalog", "lookup", "2999999", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "2999999"));
}

/* ---- import, dump and lookup as a new user meets them ---- */

static void
test_import_hygiene (void)
{
  g_autofree char *dir = ys_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "s.yusuan", NULL);
  g_autofree char *extra = g_build_filename (dir, "extra", NULL);
  g_autofree char *extra_doc = g_build_filename (extra, "document.csv", NULL);
  g_autofree char *extra_units = g_build_filename (extra, "units.csv", NULL);
  g_autofree char *src = g_build_filename (SOURCE_ROOT, "resources", "samples", "shanhaiguan-2023", NULL);
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *before = NULL, *after = NULL;

  /* A directory without document.csv (here the samples' parent) is no interchange directory. */
  {
    g_autofree char *parent = g_path_get_dirname (src);
    g_assert_cmpint (ys_test_run_cli (&out, &err, "import", path, parent, NULL), ==, 1);
    g_assert_nonnull (strstr (err, "document.csv"));
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }

  /* A successful import says what it read. */
  g_assert_cmpint (ys_test_run_cli (&out, &err, "import", path, src, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "units.csv"));
  g_assert_true (g_regex_match_simple ("lines\\.csv +47 ", out, 0, 0));
  g_assert_true (g_regex_match_simple ("indicators\\.csv +52 ", out, 0, 0));
  g_assert_null (strstr (out, "services.csv"));   /* nothing read, nothing said */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Importing again into the filled file is refused and changes nothing. */
  before = ys_test_file_digest (path);
  g_assert_cmpint (ys_test_run_cli (&out, &err, "import", path, src, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "already holds 129 records"));
  g_assert_nonnull (strstr (err, "--append"));
  after = ys_test_file_digest (path);
  g_assert_cmpstr (before, ==, after);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* --append adds, and says so. */
  g_mkdir_with_parents (extra, 0755);
  g_file_set_contents (extra_doc, "key,value\n", -1, NULL);
  g_file_set_contents (extra_units, "code,name,unit_type,role\n434002,下属中心,事业单位,下属单位\n", -1, NULL);
  g_assert_cmpint (ys_test_run_cli (&out, &err, "import", path, extra, "--append", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "already holds 129 records"));
  g_assert_true (g_regex_match_simple ("units\\.csv +1 ", out, 0, 0));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Errors in the documented form FILE:LINE: column: reason. */
  g_file_set_contents (extra_units, "code,name,unit_type,role\n434003,中心,学校,下属单位\n", -1, NULL);
  g_assert_cmpint (ys_test_run_cli (&out, &err, "import", path, extra, "--append", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "units.csv:2: unit_type: "));
  ys_test_rm_rf (dir);
}

/* Dump writes an empty number as empty, and every file it writes is in docs/interchange.md. */
static void
test_dump_files (void)
{
  g_autofree char *dir = ys_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "s.yusuan", NULL);
  g_autofree char *out_dir = g_build_filename (dir, "d", NULL);
  g_autofree char *units = g_build_filename (out_dir, "units.csv", NULL);
  g_autofree char *doc_md = g_build_filename (SOURCE_ROOT, "docs", "interchange.md", NULL);
  g_autofree char *src = g_build_filename (SOURCE_ROOT, "resources", "samples", "shanhaiguan-2023", NULL);
  g_autofree char *text = NULL, *md = NULL;
  g_autoptr(GDir) listing = NULL;
  const char *name;
  guint n = 0;

  g_assert_cmpint (ys_test_run_cli (NULL, NULL, "import", path, src, NULL), ==, 0);
  g_assert_cmpint (ys_test_run_cli (NULL, NULL, "dump", path, out_dir, NULL), ==, 0);
  /* 编制人数, 实有人数, 离退休人数 are not given by the seed; 8 vehicles are. */
  g_assert_true (g_file_get_contents (units, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, ",本级,,,,8,"));
  g_assert_true (g_file_get_contents (doc_md, &md, NULL, NULL));
  listing = g_dir_open (out_dir, 0, NULL);
  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *heading = g_strdup_printf ("\n## %s", name);
      if (strstr (md, heading) == NULL)
        g_test_message ("docs/interchange.md has no section for %s", name);
      g_assert_nonnull (strstr (md, heading));
      n++;
    }
  g_assert_cmpuint (n, >=, 12);
  ys_test_rm_rf (dir);
}

static void
test_catalog_lookup_everywhere (void)
{
  static const char *const cases[][2] = {
    { "2010301", "(function)" }, { "30101", "(economic)" }, { "50101", "(gov-economic)" },
    { "A02010104", "(procurement)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL, *err = NULL;
      g_assert_cmpint (ys_test_run_cli (&out, &err, "catalog", "lookup", cases[i][0], NULL), ==, 0);
      g_assert_nonnull (strstr (out, cases[i][0]));
      g_assert_nonnull (strstr (out, cases[i][1]));
    }
  {
    g_autofree char *out = NULL, *err = NULL;
    g_assert_cmpint (ys_test_run_cli (&out, &err, "catalog", "lookup", "39999x", NULL), ==, 1);
    g_assert_nonnull (strstr (err, "none of the 2023 catalogs"));
  }
}

/* The build's own program speaks Chinese under a zh_CN locale, with no other variable. */
static void
test_chinese_uninstalled (void)
{
  const char *argv[] = { CLI_PATH, "--help", NULL };
  const char *envp[] = { "LANG=zh_CN.UTF-8", NULL };
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));
  int status = 0;

  if (setlocale (LC_ALL, "zh_CN.UTF-8") == NULL)
    {
      g_test_skip ("the zh_CN.UTF-8 locale is not installed (.ci/install-deps installs it)");
      return;
    }
  setlocale (LC_ALL, saved);
  g_spawn_sync (NULL, (char **) argv, (char **) envp, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  g_assert_nonnull (strstr (out, "用法"));
  g_assert_nonnull (strstr (out, "新建空白预算文件"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  argv[1] = "frobnicate";
  g_spawn_sync (NULL, (char **) argv, (char **) envp, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (err, "未知"));
}

static gboolean
is_xlsx (const char *path)
{
  g_autofree char *data = NULL;
  gsize len = 0;

  return g_file_get_contents (path, &data, &len, NULL) && len > 1000 && memcmp (data, "PK", 2) == 0;
}

/* The workbook part listing the sheets, as text. */
static char *
workbook_xml (const char *path)
{
  return ys_test_zip_part (path, "xl/workbook.xml");
}

static void
test_export_and_catalog_import (void)
{
  g_autofree char *dir = ys_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "s.yusuan", NULL);
  g_autofree char *full = g_build_filename (dir, "tables.xlsx", NULL);
  g_autofree char *review = g_build_filename (dir, "review.xlsx", NULL);
  g_autofree char *catalog = g_build_filename (dir, "official.csv", NULL);
  g_autofree char *src = g_build_filename (SOURCE_ROOT, "resources", "samples", "yongqiao-2023", NULL);
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (ys_test_run_cli (NULL, NULL, "import", path, src, NULL), ==, 0);
  /* The JSON of every table holds no raw control character (strict readers refuse them). */
  g_assert_cmpint (ys_test_run_cli (&out, NULL, "tables", path, "--json", NULL), ==, 0);
  for (const char *p = out; *p; p++)
    g_assert_true ((guchar) *p >= 0x20 || *p == '\n' || *p == ' ');
  g_assert_nonnull (strstr (out, "\"tables\""));
  g_clear_pointer (&out, g_free);
  /* The sample has 错误 findings: a workbook for publication is refused, and
   * they are listed. */
  g_assert_cmpint (ys_test_run_cli (NULL, &err, "export", path, "-o", full, NULL), ==, 1);
  g_assert_false (g_file_test (full, G_FILE_TEST_EXISTS));
  g_assert_nonnull (strstr (err, "R07"));
  g_assert_nonnull (strstr (err, "--allow-errors"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (ys_test_run_cli (NULL, NULL, "export", path, "-o", full, "--allow-errors", NULL), ==, 0);
  g_assert_true (is_xlsx (full));
  out = workbook_xml (full);
  g_assert_nonnull (strstr (out, "财政拨款收支总表"));
  g_assert_null (strstr (out, "审核结果"));
  g_clear_pointer (&out, g_free);
  /* The reviewer's workbook: tables and findings together. */
  g_assert_cmpint (ys_test_run_cli (NULL, NULL, "export", path, "-o", full, "--allow-errors", "--with-review", NULL), ==, 0);
  out = workbook_xml (full);
  g_assert_nonnull (strstr (out, "审核结果"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (ys_test_run_cli (NULL, NULL, "export", path, "-o", review, "--review-only", NULL), ==, 0);
  g_assert_true (is_xlsx (review));
  /* Not checked at all: the same tables, written without a word about findings. */
  g_assert_cmpint (ys_test_run_cli (NULL, &err, "export", path, "-o", review, "--no-review", NULL), ==, 0);
  g_assert_null (strstr (err, "R07"));
  g_clear_pointer (&err, g_free);
  out = workbook_xml (review);
  g_assert_nonnull (strstr (out, "财政拨款收支总表"));
  g_assert_null (strstr (out, "审核结果"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (ys_test_run_cli (NULL, &err, "export", path, "-o", review, "--no-review", "--with-review", NULL), ==, 2);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (ys_test_run_cli (NULL, &err, "export", path, NULL), ==, 2);
  g_clear_pointer (&err, g_free);
  /* The published document: .docx or .pdf, and like the workbook refused with 错误 findings. */
  g_assert_cmpint (ys_test_run_cli (NULL, &err, "publish", path, "-o", review, NULL), ==, 2);
  g_assert_nonnull (strstr (err, ".docx"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (ys_test_run_cli (NULL, &err, "publish", path, NULL), ==, 2);
  g_clear_pointer (&err, g_free);

  /* An official catalog replacing the bundled one is kept in the document. */
  g_file_set_contents (catalog, "2023年支出功能分类科目\n科目编码,科目名称\n201,一般公共服务支出\n"
                                "20103,政府办公厅（室）及相关机构事务\n2010301,行政运行\n", -1, NULL);
  g_assert_cmpint (ys_test_run_cli (&out, &err, "catalog", "import", path, catalog, "--replace", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "3"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (ys_test_run_cli (&out, &err, "info", path, NULL), ==, 0);
  ys_test_rm_rf (dir);
}

static void
test_generate_is_deterministic (void)
{
  g_autofree char *dir = ys_test_tmp_dir ();
  g_autofree char *a = g_build_filename (dir, "a.yusuan", NULL);
  g_autofree char *b = g_build_filename (dir, "b.yusuan", NULL);
  g_autofree char *sa = NULL, *sb = NULL;

  g_assert_cmpint (ys_test_run_cli (NULL, NULL, "generate", a, "--units", "5", "--lines", "500", "--projects", "10",
                        "--indicators", "40", "--seed", "7", NULL), ==, 0);
  g_assert_cmpint (ys_test_run_cli (NULL, NULL, "generate", b, "--units", "5", "--lines", "500", "--projects", "10",
                        "--indicators", "40", "--seed", "7", NULL), ==, 0);
  g_assert_cmpint (ys_test_run_cli (&sa, NULL, "summary", a, "--json", NULL), ==, 0);
  g_assert_cmpint (ys_test_run_cli (&sb, NULL, "summary", b, "--json", NULL), ==, 0);
  g_assert_cmpstr (sa, ==, sb);
  g_assert_cmpint (ys_test_json_int (sa, "lines"), ==, 500);
  g_assert_cmpint (ys_test_json_int (sa, "indicators"), ==, 40);
  ys_test_rm_rf (dir);
}

int
main (int argc, char **argv)
{
  g_setenv ("LANGUAGE", "C", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/summary-of-samples", test_summary_of_samples);
  g_test_add_func ("/cli/bad-files", test_bad_files);
  g_test_add_func ("/cli/import-errors", test_import_errors_leave_nothing);
  g_test_add_func ("/cli/dump-import", test_dump_import_round_trip);
  g_test_add_func ("/cli/catalog", test_catalog_commands);
  g_test_add_func ("/cli/import-hygiene", test_import_hygiene);
  g_test_add_func ("/cli/dump-files", test_dump_files);
  g_test_add_func ("/cli/catalog-lookup-everywhere", test_catalog_lookup_everywhere);
  g_test_add_func ("/cli/chinese-uninstalled", test_chinese_uninstalled);
  g_test_add_func ("/cli/generate", test_generate_is_deterministic);
  g_test_add_func ("/cli/export-and-catalog-import", test_export_and_catalog_import);
  return g_test_run ();
}
