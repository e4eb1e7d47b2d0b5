/* The interchange format: lossless round trip, and every kind of bad row
 * reported with its file, line and column while nothing is imported. */
#include "config.h"

#include <string.h>
#include <unistd.h>

#include "ys-interchange.h"
#include "ys-test-util.h"

static char *
read_all (const char *dir)
{
  const YsKind *const *kinds = ys_kinds_all ();
  GString *all = g_string_new (NULL);
  const char *extra[] = { "document.csv", "catalog.csv" };

  for (guint i = 0; i < G_N_ELEMENTS (extra); i++)
    {
      g_autofree char *path = g_build_filename (dir, extra[i], NULL);
      g_autofree char *data = NULL;
      g_assert_true (g_file_get_contents (path, &data, NULL, NULL));
      g_string_append_printf (all, "== %s\n%s", extra[i], data);
    }
  for (guint k = 0; kinds[k]; k++)
    {
      g_autofree char *path = g_build_filename (dir, kinds[k]->file, NULL);
      g_autofree char *data = NULL;
      g_assert_true (g_file_get_contents (path, &data, NULL, NULL));
      g_string_append_printf (all, "== %s\n%s", kinds[k]->file, data);
    }
  return g_string_free (all, FALSE);
}

static void
test_round_trip (void)
{
  g_autofree char *dir = ys_test_tmp_dir ();
  g_autofree char *a = g_build_filename (dir, "a.yusuan", NULL);
  g_autofree char *b = g_build_filename (dir, "b.yusuan", NULL);
  g_autofree char *out1 = g_build_filename (dir, "out1", NULL);
  g_autofree char *out2 = g_build_filename (dir, "out2", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(YsDocument) doc = ys_test_small_document (a);
  g_autoptr(YsDocument) copy = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) ys_catalog_entry_free);
  g_autofree char *first = NULL, *second = NULL;

  /* Text that needs quoting, every kind of value, and an imported catalog row. */
  ys_test_insert (doc, ys_test_record (&ys_prior_year_kind, "unit_code", "103001", "func_code", "2010301",
                                       "amount", "-12.30", "reason", "人员减少, \"压减\"\n第二行", NULL));
  ys_test_insert (doc, ys_test_record (&ys_review_kind, "finding", "R07:line:1", "explanation", "已说明",
                                       "status", "已认可", NULL));
  ys_test_insert (doc, ys_test_record (&ys_procurement_kind, "unit_code", "103001", "project_code", "P1",
                                       "item_name", "台式计算机", "catalog_code", "A02010105",
                                       "source", "一般公共预算拨款", "quantity", "3", "unit_price", "5000",
                                       "amount", "15000", NULL));
  ys_test_insert (doc, ys_test_record (&ys_control_kind, "unit_code", "103001", "source", "一般公共预算拨款",
                                       "kind", "项目支出", "project_code", "P1", "amount", "250000.50",
                                       "note", "财预〔2023〕1号", NULL));
  g_ptr_array_add (rows, ys_catalog_entry_new ("2130599", "其他巩固脱贫攻坚成果衔接乡村振兴支出", 3, "21305", "imported"));
  g_assert_true (ys_document_import_catalog (doc, YS_CATALOG_FUNCTION, rows, FALSE, &error));
  g_assert_true (ys_document_set_meta (doc, "dept_name", "测试部门", &error));
  g_assert_true (ys_document_set_meta (doc, "overview_duties", "（一）起草文件，\"审核\"。\n（二）组织会务。", &error));

  g_assert_true (ys_interchange_dump (doc, out1, &error));
  g_assert_no_error (error);

  copy = ys_document_create (b, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ys_interchange_import (copy, out1, problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_true (ys_interchange_dump (copy, out2, &error));

  first = read_all (out1);
  second = read_all (out2);
  g_assert_cmpstr (first, ==, second);
  g_assert_nonnull (strstr (first, "测试部门"));
  g_assert_nonnull (strstr (first, "-12.30"));
  g_assert_nonnull (strstr (first, "2130599"));
  g_assert_nonnull (strstr (first, "103001,一般公共预算拨款,项目支出,P1,250000.50,财预〔2023〕1号"));
  g_assert_cmpuint (ys_document_count (copy, &ys_control_kind), ==, 1);
  g_assert_cmpuint (ys_document_count (copy, &ys_line_kind), ==, 2);
  g_assert_cmpstr (ys_document_get_meta (copy, "overview_duties"), ==, "（一）起草文件，\"审核\"。\n（二）组织会务。");

  /* The import is one undo step. */
  g_assert_true (ys_document_undo (copy, &error));
  g_assert_cmpuint (ys_document_count (copy, &ys_line_kind), ==, 0);
  g_assert_null (ys_document_lookup_key (copy, &ys_unit_kind, "103001"));
  /* Redone, it is the same file again, foreign keys and all. */
  g_assert_true (ys_document_redo (copy, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ys_document_count (copy, &ys_line_kind), ==, 2);
  g_assert_nonnull (ys_document_lookup_key (copy, &ys_unit_kind, "103001"));
  g_clear_pointer (&out2, g_free);
  out2 = g_build_filename (dir, "out3", NULL);
  g_assert_true (ys_interchange_dump (copy, out2, &error));
  g_free (second);
  second = read_all (out2);
  g_assert_cmpstr (first, ==, second);
  ys_test_rm_rf (dir);
}

typedef struct {
  const char *file;
  const char *contents;
  const char *expect;  /* part of the message */
} BadCase;

static void
write_dir (const char *dir, const char *units, const BadCase *c)
{
  g_autofree char *u = g_build_filename (dir, "units.csv", NULL);

  g_mkdir_with_parents (dir, 0755);
  g_file_set_contents (u, units, -1, NULL);
  if (c && g_strcmp0 (c->file, "units.csv") != 0)
    {
      g_autofree char *p = g_build_filename (dir, c->file, NULL);
      g_file_set_contents (p, c->contents, -1, NULL);
    }
}

/* A 概况 text saved by a spreadsheet comes back with CRLF inside the quotes. */
static void
test_meta_line_ends (void)
{
  g_autofree char *dir = ys_test_tmp_dir ();
  g_autofree char *csv = g_build_filename (dir, "document.csv", NULL);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) meta = NULL;

  g_assert_true (g_file_set_contents (csv, "key,value\r\noverview_tasks,\"（一）甲；\r\n（二）乙。\r\n\"\r\n", -1, NULL));
  meta = ys_interchange_read_meta (dir, problems, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpstr (g_hash_table_lookup (meta, "overview_tasks"), ==, "（一）甲；\n（二）乙。");
  ys_test_rm_rf (dir);
}

static void
test_bad_rows (void)
{
  static const char units[] =
    "code,name,unit_type,role\n"
    "103001,测试单位,行政单位,本级\n";
  static const char header[] = "unit_code,func_code,econ_code,kind,source,amount\n";
  static const BadCase cases[] = {
    { "lines.csv", "unit_code,func_code,econ_code,kind,source,amount,colour\n103001,2010301,30101,人员经费,一般公共预算拨款,1,红\n", "colour" },
    { "lines.csv", "unit_code,func_code,kind,source,amount\n103001,2010301,人员经费,一般公共预算拨款,1\n", "econ_code" },
    { "lines.csv", "%s103001,2010301,30101,人员经费,一般公共预算拨款,12.345\n", "lines.csv:2: amount:" },
    { "lines.csv", "%s103001,2010301,30101,人员经费,一般公共预算拨款,abc\n", "amount" },
    { "lines.csv", "%s103001,2010301,30101,人员经费,一般公共预算拨款,-5\n", "amount" },
    { "lines.csv", "%s103001,201030,30101,人员经费,一般公共预算拨款,1\n", "func_code" },
    { "lines.csv", "%s103001,2010301,30101,基本支出,一般公共预算拨款,1\n", "kind" },
    { "lines.csv", "%s103001,2010301,30101,人员经费,财政拨款,1\n", "source" },
    { "lines.csv", "%s999999,2010301,30101,人员经费,一般公共预算拨款,1\n", "999999" },
    { "lines.csv", "%s103001,2010301,30101,人员经费,一般公共预算拨款\n", ":2:" },
    { "lines.csv", "%s103001,2010301,30101,人员经费,\"一般公共预算拨款,1\n", ":2:" },
    { "lines.csv", "%s,2010301,30101,人员经费,一般公共预算拨款,1\n", "unit_code" },
    { "units.csv", NULL, "103001" },
    { "projects.csv", "code,name,unit_code\nP1,项目,103001\nP1,又一个,103001\n", ":3:" },
    { "indicators.csv", "project_code,goal_set,level1,level2\nP9,年度,产出指标,数量指标\n", "P9" },
    { "document.csv", "key,value\nyear,明年\n", "明年" },
    { "lines.csv", "%s103001,2010301,30101,人员经费,一般公共预算拨款,99999999999999999999\n", "amount" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *root = ys_test_tmp_dir ();
      g_autofree char *dir = g_build_filename (root, "in", NULL);
      g_autofree char *path = g_build_filename (root, "doc.yusuan", NULL);
      g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GError) error = NULL;
      g_autoptr(YsDocument) doc = NULL;
      g_autofree char *before = NULL, *after = NULL;
      g_autofree char *contents = NULL;
      BadCase c = cases[i];
      gboolean found = FALSE;

      if (c.contents && strstr (c.contents, "%s"))
        contents = g_strdup_printf (c.contents, header);
      else
        contents = g_strdup (c.contents);
      c.contents = contents;
      if (g_str_equal (c.file, "units.csv"))
        {
          g_autofree char *twice = g_strconcat (units, "103001,重复单位,行政单位,本级\n", NULL);
          write_dir (dir, twice, &c);
        }
      else
        write_dir (dir, units, &c);

      doc = ys_document_create (path, NULL, &error);
      g_assert_no_error (error);
      ys_document_close (doc);
      g_clear_object (&doc);
      before = ys_test_file_digest (path);
      doc = ys_document_open (path, &error);

      if (g_str_equal (c.file, "document.csv"))
        {
          /* A bad setting is caught when it is applied, and rolls back everything. */
          g_assert_false (ys_interchange_import (doc, dir, problems, &error));
          g_assert_nonnull (error);
          g_assert_nonnull (strstr (error->message, c.expect));
        }
      else
        {
          g_assert_false (ys_interchange_import (doc, dir, problems, &error));
          g_assert_error (error, YS_INTERCHANGE_ERROR, YS_INTERCHANGE_ERROR_BAD_ROWS);
          for (guint p = 0; p < problems->len; p++)
            {
              const char *msg = g_ptr_array_index (problems, p);
              found |= strstr (msg, c.file) != NULL && strstr (msg, c.expect) != NULL;
            }
          if (!found)
            for (guint p = 0; p < problems->len; p++)
              g_printerr ("case %u: %s\n", i, (char *) g_ptr_array_index (problems, p));
          g_assert_true (found);
        }
      g_assert_cmpuint (ys_document_count (doc, &ys_unit_kind), ==, 0);
      g_assert_cmpuint (ys_document_count (doc, &ys_line_kind), ==, 0);
      ys_document_close (doc);
      after = ys_test_file_digest (path);
      g_assert_cmpstr (before, ==, after);
      ys_test_rm_rf (root);
    }
}

static void
test_every_problem_reported (void)
{
  g_autofree char *root = ys_test_tmp_dir ();
  g_autofree char *path = g_build_filename (root, "doc.yusuan", NULL);
  g_autofree char *lines = g_build_filename (root, "lines.csv", NULL);
  g_autofree char *units = g_build_filename (root, "units.csv", NULL);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(YsDocument) doc = ys_document_create (path, NULL, &error);

  g_file_set_contents (units, "code,name,unit_type,role\n103001,单位,行政单位,本级\n", -1, NULL);
  g_file_set_contents (lines,
                       "unit_code,func_code,econ_code,kind,source,amount\n"
                       "103001,2010301,30101,人员经费,一般公共预算拨款,1\n"
                       "103001,2010301,3010,人员经费,一般公共预算拨款,x\n"
                       "\n"
                       "103002,2010301,30101,人员经费,一般公共预算拨款,1\n", -1, NULL);
  g_assert_false (ys_interchange_import (doc, root, problems, &error));
  /* Line 3 has two bad cells, line 5 a missing unit: three problems in all. */
  g_assert_cmpuint (problems->len, ==, 3);
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "lines.csv:3: econ_code:"));
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 1), "lines.csv:3: amount:"));
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 2), "lines.csv:5:"));
  g_assert_cmpuint (ys_document_count (doc, &ys_unit_kind), ==, 0);
  ys_document_close (doc);
  ys_test_rm_rf (root);
}

/* A misspelt file name and an unknown setting are problems, not silence. */
static void
test_unknown_names (void)
{
  g_autofree char *root = ys_test_tmp_dir ();
  g_autofree char *path = g_build_filename (root, "doc.yusuan", NULL);
  g_autofree char *dir = g_build_filename (root, "in", NULL);
  g_autofree char *line = g_build_filename (dir, "line.csv", NULL);
  g_autofree char *meta_csv = g_build_filename (dir, "document.csv", NULL);
  g_autofree char *readme = g_build_filename (dir, "README.md", NULL);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(YsDocument) doc = ys_document_create (path, NULL, &error);

  write_dir (dir, "code,name,unit_type,role\n103001,单位,行政单位,本级\n", NULL);
  g_file_set_contents (line, "unit_code,func_code,econ_code,kind,source,amount\n"
                             "103001,2010301,30101,人员经费,一般公共预算拨款,1\n", -1, NULL);
  g_file_set_contents (meta_csv, "key,value\ndept_name,测试\ndept_nmae,测试\n", -1, NULL);
  g_file_set_contents (readme, "notes\n", -1, NULL);
  g_assert_false (ys_interchange_import (doc, dir, problems, &error));
  g_assert_error (error, YS_INTERCHANGE_ERROR, YS_INTERCHANGE_ERROR_BAD_ROWS);
  g_assert_cmpuint (problems->len, ==, 2);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (problems, 0), "line.csv: "));
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "lines.csv"));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (problems, 1), "document.csv:3: key: "));
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 1), "dept_nmae"));
  g_assert_cmpuint (ys_document_count (doc, &ys_unit_kind), ==, 0);
  ys_document_close (doc);
  ys_test_rm_rf (root);
}

/* A file that is not UTF-8 is refused before any row is read, whichever
 * byte breaks it: a broken byte among ASCII or among Chinese text, a
 * character cut short at the end, a NUL. */
static void
test_not_utf8 (void)
{
  static const char good[] = "key,value\ndept_name,测试部门ABCDEFGHIJ0123456789甲\nyear,2026\n";
  static const guchar bytes[] = { 0x00, 0x7f, 0x80, 0xbf, 0xc0, 0xc2, 0xe4, 0xed, 0xf0, 0xf4, 0xf5, 0xff, 'A' };
  g_autofree char *dir = ys_test_tmp_dir ();
  g_autofree char *csv = g_build_filename (dir, "document.csv", NULL);
  gsize len = strlen (good);
  guint refused = 0;

  for (gsize at = 0; at <= len; at++)
    for (guint b = 0; b < G_N_ELEMENTS (bytes); b++)
      {
        g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
        g_autoptr(GError) error = NULL;
        g_autoptr(GHashTable) meta = NULL;
        g_autofree char *data = g_malloc (len + 1);
        /* Each byte replaced in turn, and one more added at the end. */
        gsize n = at < len ? len : len + 1;
        gboolean valid;

        memcpy (data, good, len);
        data[at] = (char) bytes[b];
        valid = g_utf8_validate_len (data, n, NULL);
        g_assert_true (g_file_set_contents (csv, data, n, NULL));
        meta = ys_interchange_read_meta (dir, problems, &error);
        if (valid)
          g_assert_no_error (error);
        else
          {
            g_assert_error (error, YS_INTERCHANGE_ERROR, YS_INTERCHANGE_ERROR_IO);
            g_assert_nonnull (strstr (error->message, "document.csv"));
            g_assert_nonnull (strstr (error->message, "UTF-8"));
            refused++;
          }
      }
  g_assert_cmpuint (refused, >, len);

  /* The edges of what UTF-8 allows: overlong forms, surrogates, past U+10FFFF. */
  {
    static const char *const edges[] = {
      "\xc1\xbf", "\xc2\x80", "\xdf\xbf", "\xe0\x9f\xbf", "\xe0\xa0\x80", "\xed\x9f\xbf", "\xed\xa0\x80",
      "\xed\xbf\xbf", "\xee\x80\x80", "\xef\xbf\xbe", "\xef\xbf\xbf", "\xf0\x8f\xbf\xbf", "\xf0\x90\x80\x80",
      "\xf4\x8f\xbf\xbf", "\xf4\x90\x80\x80", "\xf5\x80\x80\x80", "\xe4\xb8", "\xe4\xb8\x41", "\xf0\x90\x80",
    };

    for (guint e = 0; e < G_N_ELEMENTS (edges); e++)
      {
        g_autofree char *data = g_strdup_printf ("key,value\ndept_name,测试%s部门\n", edges[e]);
        g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
        g_autoptr(GError) error = NULL;
        g_autoptr(GHashTable) meta = NULL;

        g_assert_true (g_file_set_contents (csv, data, -1, NULL));
        meta = ys_interchange_read_meta (dir, problems, &error);
        g_assert_cmpint (error == NULL, ==, g_utf8_validate (data, -1, NULL));
      }
  }
  ys_test_rm_rf (dir);
}

/* A dump killed midway leaves its temporary file; the next dump to the same
 * folder removes it, but never one whose writer is still alive. */
static void
test_stale_temp_files (void)
{
  g_autofree char *root = ys_test_tmp_dir ();
  g_autofree char *path = g_build_filename (root, "doc.yusuan", NULL);
  g_autofree char *out = g_build_filename (root, "out", NULL);
  g_autofree char *stale = NULL, *live = NULL, *foreign = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(YsDocument) doc = ys_test_small_document (path);
  pid_t dead = fork ();

  if (dead == 0)
    _exit (0);
  waitpid (dead, NULL, 0);
  g_mkdir_with_parents (out, 0755);
  stale = g_strdup_printf ("%s/.lines.csv.yusuan-tmp-%d-AbC123", out, (int) dead);
  live = g_strdup_printf ("%s/.lines.csv.yusuan-tmp-%d-XyZ789", out, (int) getpid ());
  foreign = g_strdup_printf ("%s/.lines.csv-AbC123", out);
  g_file_set_contents (stale, "half", -1, NULL);
  g_file_set_contents (live, "busy", -1, NULL);
  g_file_set_contents (foreign, "not ours", -1, NULL);
  g_assert_true (ys_interchange_dump (doc, out, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (live, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (foreign, G_FILE_TEST_EXISTS));
  ys_document_close (doc);
  ys_test_rm_rf (root);
}

int
main (int argc, char **argv)
{
  /* The messages are checked in their English form. */
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/interchange/round-trip", test_round_trip);
  g_test_add_func ("/interchange/meta-line-ends", test_meta_line_ends);
  g_test_add_func ("/interchange/bad-rows", test_bad_rows);
  g_test_add_func ("/interchange/every-problem", test_every_problem_reported);
  g_test_add_func ("/interchange/unknown-names", test_unknown_names);
  g_test_add_func ("/interchange/not-utf8", test_not_utf8);
  g_test_add_func ("/interchange/stale-temp-files", test_stale_temp_files);
  return g_test_run ();
}
