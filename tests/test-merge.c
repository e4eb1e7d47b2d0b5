/* Consolidation (汇总) and handing out (分发): the four sample budgets
 * received as units of one department, receiving again, refusals, and a
 * unit cut out and received back. */
#include <glib.h>
#include <glib/gstdio.h>

#include "ys-core.h"
#include "ys-document-scan.h"
#include "ys-merge.h"
#include "ys-report.h"
#include "ys-store.h"
#include "ys-summary.h"
#include "ys-test-util.h"

static const char *const samples[] = { "yongqiao-2023", "shanhaiguan-2023", "xiangshan-2023", "jincheng-2023" };

/* A copy of a sample budget in @dir. 埇桥 and 晋城 both number their first
 * unit 003001 (both departments have the code 003): the copy of 埇桥 has its
 * unit renumbered 005001, as its department would have to before sending it. */
static char *
sample_copy (const char *dir, const char *name)
{
  g_autofree char *src = g_strdup_printf ("%s/%s.yusuan", SAMPLES_DIR, name);
  g_autofree char *dest_name = g_strdup_printf ("%s.yusuan", name);
  char *dest = g_build_filename (dir, dest_name, NULL);
  g_autofree char *data = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (src, &data, &len, NULL));
  g_assert_true (g_file_set_contents (dest, data, len, NULL));
  if (g_str_equal (name, "yongqiao-2023"))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(YsDocument) doc = ys_document_open (dest, &error);
      YsRecord *unit;

      g_assert_no_error (error);
      unit = ys_document_lookup_key (doc, &ys_unit_kind, "003001");
      g_assert_nonnull (unit);
      ys_document_set_text (doc, unit, YS_UNIT_CODE, "005001", &error);
      g_assert_no_error (error);
    }
  return dest;
}

static YsDocument *
new_document (const char *dir, const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GHashTable) meta = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  YsDocument *doc;

  g_hash_table_insert (meta, "dept_code", "900");
  g_hash_table_insert (meta, "dept_name", "汇总测试部门");
  g_hash_table_insert (meta, "year", "2023");
  g_hash_table_insert (meta, "catalog_year", "2023");
  g_hash_table_insert (meta, "region", "anhui");
  doc = ys_document_create (path, meta, &error);
  g_assert_no_error (error);
  return doc;
}

static YsDocument *
new_department (const char *dir)
{
  return new_document (dir, "dept.yusuan");
}

static void
add_amounts (YsAmounts *sum, const YsAmounts *a)
{
  sum->total += a->total;
  sum->basic += a->basic;
  sum->project += a->project;
  sum->personnel += a->personnel;
  sum->public_ += a->public_;
}

static void
assert_amounts (const YsAmounts *a, const YsAmounts *b)
{
  g_assert_cmpint (a->total, ==, b->total);
  g_assert_cmpint (a->basic, ==, b->basic);
  g_assert_cmpint (a->project, ==, b->project);
  g_assert_cmpint (a->personnel, ==, b->personnel);
  g_assert_cmpint (a->public_, ==, b->public_);
}

static guint
count_all (YsDocument *doc)
{
  const YsKind *const *kinds = ys_kinds_all ();
  guint n = 0;

  for (guint k = 0; kinds[k]; k++)
    n += ys_document_count (doc, kinds[k]);
  return n;
}

static YsMergePlan *
plan_of (YsDocument *dept, char **paths)
{
  g_autoptr(GError) error = NULL;
  YsMergePlan *plan = ys_merge_plan (dept, (const char *const *) paths, &error);

  g_assert_no_error (error);
  return plan;
}

static YsMoney cell_of (GPtrArray *tables, const char *id, const char *label, guint label_col, guint col);

/* 合计 of the 支出总表 and 收入总计 of the 收支总表, as the 全国 layout prints them. */
static void
table_totals (YsDocument *doc, YsMoney *expense, YsMoney *income)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsLayout) layout = ys_layout_load ("national", &error);
  g_autoptr(GPtrArray) tables = NULL;

  g_assert_no_error (error);
  tables = ys_report_build (doc, layout, NULL, &error);
  g_assert_no_error (error);
  *expense += cell_of (tables, "expenditure", "合计", 1, 2);
  *income += cell_of (tables, "balance", "收入总计", 0, 1);
}

static void
test_four_samples (void)
{
  YsMoney table_expense = 0, table_income = 0, dept_expense = 0, dept_income = 0;
  g_autofree char *dir = ys_test_tmp_dir ();
  g_autoptr(YsDocument) dept = new_department (dir);
  g_autoptr(YsMergePlan) plan = NULL, again = NULL;
  g_autoptr(YsSummary) total = NULL;
  g_autoptr(GError) error = NULL;
  YsSummary want = { 0 };
  char *paths[G_N_ELEMENTS (samples) + 1] = { NULL };
  guint n_lines = 0, n_projects = 0, n_units = 0, n_indicators = 0, records;

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autoptr(YsDocument) doc = NULL;
      g_autoptr(YsSummary) s = NULL;

      paths[i] = sample_copy (dir, samples[i]);
      doc = ys_document_open (paths[i], &error);
      g_assert_no_error (error);
      s = ys_summary_compute (doc, &YS_FILTER_ALL);
      table_totals (doc, &table_expense, &table_income);
      add_amounts (&want.expense, &s->expense);
      want.income_total += s->income_total;
      for (guint k = 0; k < 16; k++)
        want.income_by_source[k] += s->income_by_source[k];
      n_lines += s->n_lines;
      n_projects += s->n_projects;
      n_units += s->n_units;
      n_indicators += s->n_indicators;
    }
  /* Not an empty sum: the samples hold figures. */
  g_assert_cmpint (want.expense.total, >, 0);

  plan = plan_of (dept, paths);
  g_assert_cmpuint (ys_merge_plan_count (plan, YS_MERGE_REFUSED), ==, 0);
  g_assert_cmpuint (ys_merge_plan_count (plan, YS_MERGE_ADD), ==, n_units);
  ys_merge_apply (dept, plan, &error);
  g_assert_no_error (error);

  total = ys_summary_compute (dept, &YS_FILTER_ALL);
  assert_amounts (&total->expense, &want.expense);
  g_assert_cmpint (total->income_total, ==, want.income_total);
  for (guint k = 0; k < 16; k++)
    g_assert_cmpint (total->income_by_source[k], ==, want.income_by_source[k]);
  g_assert_cmpuint (total->n_lines, ==, n_lines);
  g_assert_cmpuint (total->n_projects, ==, n_projects);
  g_assert_cmpuint (total->n_units, ==, n_units);
  g_assert_cmpuint (total->n_indicators, ==, n_indicators);
  /* The department's tables likewise: no unit of the samples pays another. */
  table_totals (dept, &dept_expense, &dept_income);
  g_assert_cmpint (dept_expense, ==, table_expense);
  g_assert_cmpint (dept_income, ==, table_income);
  g_assert_cmpint (dept_expense, ==, want.expense.total);
  /* Each unit keeps where it came from. */
  g_assert_cmpuint (ys_document_count (dept, &ys_received_kind), ==, n_units);
  {
    YsRecord *r = ys_document_lookup_key (dept, &ys_received_kind, "434001");
    g_autofree char *full = g_canonicalize_filename (paths[1], NULL);
    g_autofree char *digest = ys_test_file_digest (paths[1]);

    g_assert_nonnull (r);
    g_assert_cmpstr (ys_record_get_text (r, YS_RECEIVED_FILE), ==, full);
    g_assert_cmpuint (strlen (ys_record_get_text (r, YS_RECEIVED_SHA256)), ==, 64);
    g_assert_cmpstr (ys_record_get_text (r, YS_RECEIVED_SHA256), ==, digest);
    g_assert_cmpuint (strlen (ys_record_get_text (r, YS_RECEIVED_TIME)), ==, 19);
  }
  /* Their project codes clash (P01 …): later ones are given their unit's code. */
  g_assert_nonnull (ys_document_lookup_key (dept, &ys_project_kind, "P01"));
  g_assert_nonnull (ys_document_lookup_key (dept, &ys_project_kind, "434001P01"));

  /* Receiving one of them again changes nothing. */
  records = count_all (dept);
  g_assert_true (ys_document_can_undo (dept));
  {
    char *one[] = { paths[2], NULL };
    g_autofree char *undo_label = g_strdup (ys_document_get_undo_label (dept));

    again = plan_of (dept, one);
    g_assert_cmpuint (ys_merge_plan_count (again, YS_MERGE_UNCHANGED), ==, 1);
    ys_merge_apply (dept, again, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (count_all (dept), ==, records);
    g_assert_cmpstr (ys_document_get_undo_label (dept), ==, undo_label);
  }
  {
    g_autoptr(YsSummary) after = ys_summary_compute (dept, &YS_FILTER_ALL);
    assert_amounts (&after->expense, &want.expense);
  }
  /* One undo step takes the whole receipt back. */
  ys_document_undo (dept, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_all (dept), ==, 0);

  for (guint i = 0; paths[i]; i++)
    g_free (paths[i]);
  ys_document_close (dept);
  ys_test_rm_rf (dir);
}

/* A unit sent again after changes: its records, and only they, are replaced,
 * in one undo step. */
static void
test_replace (void)
{
  g_autofree char *dir = ys_test_tmp_dir ();
  g_autoptr(YsDocument) dept = new_department (dir);
  g_autofree char *a = sample_copy (dir, "xiangshan-2023");
  g_autofree char *b = sample_copy (dir, "shanhaiguan-2023");
  g_autoptr(GError) error = NULL;
  g_autoptr(YsSummary) before = NULL, after = NULL, undone = NULL;
  char *both[] = { a, b, NULL }, *one[] = { a, NULL };
  g_autoptr(YsMergePlan) plan = NULL, again = NULL;
  YsMoney b_total;

  plan = plan_of (dept, both);
  ys_merge_apply (dept, plan, &error);
  g_assert_no_error (error);
  before = ys_summary_compute (dept, &YS_FILTER_ALL);
  /* The department's control figure of the unit survives its replacement. */
  ys_test_insert (dept, ys_test_record (&ys_control_kind, "unit_code", "103001", "source", "一般公共预算拨款",
                                        "kind", "项目支出", "project_code", "P01", "amount", "1000", NULL));
  {
    YsFilter only_b = { "434001", NULL, FALSE, -1 };
    g_autoptr(YsSummary) s = ys_summary_compute (dept, &only_b);
    b_total = s->expense.total;
  }

  /* The unit changes one line in its own file: +1,000.00 元. */
  {
    g_autoptr(YsDocument) unit = ys_document_open (a, &error);
    YsRecord *line = ys_document_get (unit, &ys_line_kind, 0);
    YsValue v = { .i = ys_record_get_int (line, YS_LINE_AMOUNT) + 100000 };

    g_assert_no_error (error);
    ys_document_set (unit, line, YS_LINE_AMOUNT, &v, &error);
    g_assert_no_error (error);
  }
  again = plan_of (dept, one);
  g_assert_cmpuint (ys_merge_plan_count (again, YS_MERGE_REPLACE), ==, 1);
  ys_merge_apply (dept, again, &error);
  g_assert_no_error (error);
  after = ys_summary_compute (dept, &YS_FILTER_ALL);
  g_assert_cmpint (after->expense.total, ==, before->expense.total + 100000);
  g_assert_cmpuint (after->n_lines, ==, before->n_lines);
  {
    YsFilter only_b = { "434001", NULL, FALSE, -1 };
    g_autoptr(YsSummary) s = ys_summary_compute (dept, &only_b);
    g_assert_cmpint (s->expense.total, ==, b_total);
  }
  g_assert_cmpuint (ys_document_count (dept, &ys_control_kind), ==, 1);
  g_assert_cmpstr (ys_document_get_undo_label (dept), ==, "Receive unit budgets");
  ys_document_undo (dept, &error);
  g_assert_no_error (error);
  undone = ys_summary_compute (dept, &YS_FILTER_ALL);
  g_assert_cmpint (undone->expense.total, ==, before->expense.total);
  g_assert_cmpuint (undone->n_lines, ==, before->n_lines);
  ys_document_close (dept);
  ys_test_rm_rf (dir);
}

static char *
file_bytes (const char *path)
{
  char *data = NULL;
  g_assert_true (g_file_get_contents (path, &data, NULL, NULL));
  return data;
}

/* Refusals through the command line: the department file stays byte for byte. */
static void
test_refusals (void)
{
  g_autofree char *dir = ys_test_tmp_dir ();
  g_autoptr(YsDocument) dept = new_department (dir);
  g_autofree char *path = g_strdup (ys_document_get_path (dept));
  g_autofree char *a = sample_copy (dir, "xiangshan-2023");
  g_autofree char *twin = g_build_filename (dir, "twin.yusuan", NULL);
  g_autofree char *other_year = g_build_filename (dir, "2024.yusuan", NULL);
  g_autofree char *damaged = g_build_filename (dir, "damaged.yusuan", NULL);
  g_autofree char *before = NULL, *after = NULL, *err = NULL;
  g_autoptr(GError) error = NULL;

  ys_document_close (dept);
  g_assert_cmpint (ys_test_run_cli (NULL, NULL, "merge", path, a, NULL), ==, 0);
  before = file_bytes (path);

  /* The same unit code from two files. */
  {
    g_autofree char *data = NULL;
    gsize len;
    g_assert_true (g_file_get_contents (a, &data, &len, NULL));
    g_assert_true (g_file_set_contents (twin, data, len, NULL));
  }
  g_assert_cmpint (ys_test_run_cli (NULL, &err, "merge", path, a, twin, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "nothing was received"));
  after = file_bytes (path);
  g_assert_cmpstr (before, ==, after);
  g_clear_pointer (&after, g_free);

  /* Another budget year. */
  {
    g_autoptr(YsDocument) doc = ys_document_open (twin, &error);
    g_assert_no_error (error);
    ys_document_set_meta (doc, "year", "2024", &error);
    g_assert_no_error (error);
    ys_document_close (doc);
    g_assert_cmpint (g_rename (twin, other_year), ==, 0);
  }
  {
    g_autofree char *out = NULL;
    g_assert_cmpint (ys_test_run_cli (&out, NULL, "merge", path, other_year, NULL), ==, 1);
    g_assert_nonnull (strstr (out, "2024"));
    g_assert_nonnull (strstr (out, other_year));
  }
  after = file_bytes (path);
  g_assert_cmpstr (before, ==, after);
  g_clear_pointer (&after, g_free);

  /* A damaged file, given with a good one: neither is received. */
  {
    g_autofree char *data = NULL;
    gsize len;
    g_assert_true (g_file_get_contents (a, &data, &len, NULL));
    memset (data + len / 2, 0x5a, MIN (len / 4, 4096));
    g_assert_true (g_file_set_contents (damaged, data, len, NULL));
  }
  {
    g_autofree char *s = sample_copy (dir, "shanhaiguan-2023");
    g_autofree char *out = NULL;
    g_assert_cmpint (ys_test_run_cli (&out, NULL, "merge", path, s, damaged, NULL), ==, 1);
    g_assert_nonnull (strstr (out, damaged));
  }
  after = file_bytes (path);
  g_assert_cmpstr (before, ==, after);
  ys_test_rm_rf (dir);
}

/* A unit handed out and received back changes nothing; its file carries the
 * department's settings. */
static void
test_split (void)
{
  g_autofree char *dir = ys_test_tmp_dir ();
  g_autoptr(YsDocument) dept = new_department (dir);
  g_autofree char *path = g_strdup (ys_document_get_path (dept));
  g_autofree char *a = sample_copy (dir, "jincheng-2023");
  g_autofree char *b = sample_copy (dir, "shanhaiguan-2023");
  g_autofree char *out = g_build_filename (dir, "434001.yusuan", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(YsDocument) unit = NULL;
  g_autoptr(YsSummary) whole = NULL, part = NULL, back = NULL;
  YsFilter only = { "434001", NULL, FALSE, -1 };
  guint records;

  ys_document_close (dept);
  g_clear_object (&dept);
  g_assert_cmpint (ys_test_run_cli (NULL, NULL, "merge", path, a, b, NULL), ==, 0);
  g_assert_cmpint (ys_test_run_cli (NULL, NULL, "split", path, "--unit", "434001", "-o", out, NULL), ==, 0);
  /* An existing file is kept unless asked. */
  g_assert_cmpint (ys_test_run_cli (NULL, NULL, "split", path, "--unit", "434001", "-o", out, NULL), !=, 0);
  g_assert_cmpint (ys_test_run_cli (NULL, NULL, "split", path, "--unit", "999999", "-o", out, "--replace", NULL), !=, 0);

  dept = ys_document_open (path, &error);
  g_assert_no_error (error);
  unit = ys_document_open (out, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ys_document_get_meta (unit, "dept_code"), ==, "900");
  g_assert_cmpstr (ys_document_get_meta (unit, "region"), ==, "anhui");
  g_assert_cmpuint (ys_document_count (unit, &ys_unit_kind), ==, 1);
  g_assert_cmpuint (ys_document_count (unit, &ys_received_kind), ==, 0);
  whole = ys_summary_compute (dept, &only);
  part = ys_summary_compute (unit, &YS_FILTER_ALL);
  assert_amounts (&whole->expense, &part->expense);
  g_assert_cmpint (whole->income_total, ==, part->income_total);
  g_assert_cmpuint (whole->n_indicators, ==, part->n_indicators);
  g_assert_cmpint (part->expense.total, >, 0);
  ys_document_close (unit);

  /* Received back: the same records in place of the same records. */
  records = count_all (dept);
  {
    char *one[] = { out, NULL };
    g_autoptr(YsMergePlan) plan = plan_of (dept, one);
    YsMergeItem *it = g_ptr_array_index (plan->items, 0);

    g_assert_cmpint (it->action, ==, YS_MERGE_REPLACE);
    g_assert_cmpuint (it->n_records, ==, it->n_replaced);
    ys_merge_apply (dept, plan, &error);
    g_assert_no_error (error);
  }
  g_assert_cmpuint (count_all (dept), ==, records);
  back = ys_summary_compute (dept, &only);
  assert_amounts (&back->expense, &whole->expense);
  ys_document_close (dept);
  ys_test_rm_rf (dir);
}

/* A unit whose line names another unit's project cannot be handed out on
 * its own: the refusal names the line and the unit, and leaves no file. */
static void
test_split_refused (void)
{
  g_autofree char *dir = ys_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "dept.yusuan", NULL);
  g_autofree char *out = g_build_filename (dir, "103002.yusuan", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(YsDocument) dept = ys_test_small_document (path);

  ys_test_insert (dept, ys_test_record (&ys_unit_kind, "code", "103002", "name", "下属中心",
                                        "unit_type", "事业单位", "role", "下属单位", NULL));
  ys_test_insert (dept, ys_test_record (&ys_line_kind, "unit_code", "103002", "func_code", "2010302",
                                        "econ_code", "30227", "kind", "项目支出", "project_code", "P1",
                                        "source", "一般公共预算拨款", "amount", "100", NULL));
  g_assert_false (ys_merge_split (dept, "103002", out, FALSE, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "103002"));
  g_assert_nonnull (strstr (error->message, "P1"));
  g_assert_nonnull (strstr (error->message, "#"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  ys_document_close (dept);
  ys_test_rm_rf (dir);
}

/* Files of format 3 and 6 (before received units) open and can receive. */
static void
test_old_format (gconstpointer data)
{
  int version = GPOINTER_TO_INT (data);
  g_autofree char *dir = ys_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "old.yusuan", NULL);
  g_autofree char *a = sample_copy (dir, "xiangshan-2023");
  g_autoptr(GError) error = NULL;
  g_autoptr(YsDocument) dept = NULL;
  YsStore *store = ys_store_create_version (path, version, &error);

  g_assert_no_error (error);
  ys_store_close (store);
  g_assert_cmpint (ys_test_run_cli (NULL, NULL, "merge", path, a, NULL), ==, 0);
  dept = ys_document_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ys_document_count (dept, &ys_received_kind), ==, 1);
  g_assert_true (ys_document_check_integrity (dept, &error));
  g_assert_no_error (error);
  ys_document_close (dept);
  ys_test_rm_rf (dir);
}

/* The money cell of @col in the row whose column @label_col reads @label. */
static YsMoney
cell_of (GPtrArray *tables, const char *id, const char *label, guint label_col, guint col)
{
  for (guint t = 0; t < tables->len; t++)
    {
      YsReportTable *table = g_ptr_array_index (tables, t);
      if (!g_str_equal (table->id, id))
        continue;
      for (guint r = 0; r < table->rows->len; r++)
        {
          YsReportRow *row = g_ptr_array_index (table->rows, r);
          if (g_strcmp0 (row->cells[label_col].text, label) == 0)
            return row->cells[col].type == YS_REPORT_CELL_MONEY ? row->cells[col].value : 0;
        }
    }
  g_assert_not_reached ();
}

static gboolean
has_offset_note (GPtrArray *tables, const char *id)
{
  for (guint t = 0; t < tables->len; t++)
    {
      YsReportTable *table = g_ptr_array_index (tables, t);
      for (guint n = 0; g_str_equal (table->id, id) && n < table->notes->len; n++)
        if (strstr (g_ptr_array_index (table->notes, n), "抵销部门内部往来") != NULL)
          return TRUE;
    }
  return FALSE;
}

/* A parent's 对附属单位补助支出 and its unit's 上级补助收入 of the same
 * 100,000.00 元 count once in the department's tables. */
static void
test_offset (void)
{
  g_autofree char *dir = ys_test_tmp_dir ();
  g_autoptr(YsDocument) dept = new_department (dir);
  g_autoptr(YsDocument) parent = new_document (dir, "parent.yusuan");
  g_autoptr(YsDocument) child = new_document (dir, "child.yusuan");
  g_autofree char *parent_path = g_strdup (ys_document_get_path (parent));
  g_autofree char *child_path = g_strdup (ys_document_get_path (child));
  g_autoptr(YsLayout) layout = NULL;
  g_autoptr(GPtrArray) tables = NULL, unit_tables = NULL;
  g_autoptr(YsMergePlan) plan = NULL;
  g_autoptr(YsSummary) plain = NULL;
  g_autoptr(GError) error = NULL;
  char *paths[] = { parent_path, child_path, NULL };

  ys_test_insert (parent, ys_test_record (&ys_unit_kind, "code", "900001", "name", "某局机关",
                                          "unit_type", "行政单位", "role", "本级", NULL));
  ys_test_insert (parent, ys_test_record (&ys_income_kind, "unit_code", "900001", "source", "一般公共预算拨款",
                                          "amount", "300000", NULL));
  ys_test_insert (parent, ys_test_record (&ys_line_kind, "unit_code", "900001", "func_code", "2010101",
                                          "econ_code", "30101", "kind", "人员经费", "source", "一般公共预算拨款",
                                          "amount", "200000", NULL));
  ys_test_insert (parent, ys_test_record (&ys_line_kind, "unit_code", "900001", "func_code", "2010101",
                                          "econ_code", "39999", "kind", "公用经费", "source", "一般公共预算拨款",
                                          "amount", "100000", "transfer", "对附属单位补助支出", NULL));
  ys_test_insert (child, ys_test_record (&ys_unit_kind, "code", "900002", "name", "某局所属中心",
                                         "unit_type", "事业单位", "role", "下属单位", NULL));
  ys_test_insert (child, ys_test_record (&ys_income_kind, "unit_code", "900002", "source", "上级补助收入",
                                         "amount", "100000", NULL));
  ys_test_insert (child, ys_test_record (&ys_line_kind, "unit_code", "900002", "func_code", "2010101",
                                         "econ_code", "30201", "kind", "公用经费", "source", "上级补助收入",
                                         "amount", "100000", NULL));
  ys_document_close (parent);
  ys_document_close (child);

  plan = plan_of (dept, paths);
  ys_merge_apply (dept, plan, &error);
  g_assert_no_error (error);
  /* The plain sum of the units counts the 100,000.00 twice … */
  plain = ys_summary_compute (dept, &YS_FILTER_ALL);
  g_assert_cmpint (plain->expense.total, ==, 40000000);
  g_assert_cmpint (plain->income_total, ==, 40000000);

  /* … the department's tables once, and say so. */
  layout = ys_layout_load ("national", &error);
  g_assert_no_error (error);
  tables = ys_report_build (dept, layout, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cell_of (tables, "balance", "收入总计", 0, 1), ==, 30000000);
  g_assert_cmpint (cell_of (tables, "balance", "收入总计", 0, 3), ==, 30000000);
  g_assert_cmpint (cell_of (tables, "balance", "七、上级补助收入", 0, 1), ==, 0);
  g_assert_cmpint (cell_of (tables, "expenditure", "合计", 1, 2), ==, 30000000);
  g_assert_true (has_offset_note (tables, "balance"));
  g_assert_true (has_offset_note (tables, "expenditure"));

  /* A unit's own tables keep its side. */
  unit_tables = ys_report_build (dept, layout, "900002", &error);
  g_assert_no_error (error);
  g_assert_cmpint (cell_of (unit_tables, "balance", "七、上级补助收入", 0, 1), ==, 10000000);
  g_assert_false (has_offset_note (unit_tables, "balance"));
  ys_document_close (dept);

  /* The same tables when the lines are read from the file row by row
   * (export --no-review): the transfers held aside are offset the same way. */
  for (guint u = 0; u < 2; u++)
    {
      const char *unit = u ? "900002" : NULL;
      g_autoptr(YsDocument) streamed = ys_document_open_streaming (ys_document_get_path (dept), &ys_line_kind, &error);
      g_autoptr(GPtrArray) full = NULL, read = NULL;
      g_autofree char *want = NULL, *got = NULL;

      g_assert_no_error (error);
      g_assert_cmpuint (ys_document_count (streamed, &ys_line_kind), ==, 0);
      read = ys_report_build (streamed, layout, unit, &error);
      g_assert_no_error (error);
      full = u ? g_ptr_array_ref (unit_tables) : g_ptr_array_ref (tables);
      want = ys_report_tables_to_json (dept, layout, unit, full);
      got = ys_report_tables_to_json (streamed, layout, unit, read);
      g_assert_cmpstr (got, ==, want);
      g_assert_true (has_offset_note (read, "balance") == (unit == NULL));
      ys_document_close (streamed);
    }
  ys_test_rm_rf (dir);
}

int
main (int argc, char **argv)
{
  ys_core_init ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/merge/four-samples", test_four_samples);
  g_test_add_func ("/merge/replace", test_replace);
  g_test_add_func ("/merge/refusals", test_refusals);
  g_test_add_func ("/merge/split", test_split);
  g_test_add_func ("/merge/split-refused", test_split_refused);
  g_test_add_func ("/merge/offset", test_offset);
  g_test_add_data_func ("/merge/old-format/3", GINT_TO_POINTER (3), test_old_format);
  g_test_add_data_func ("/merge/old-format/6", GINT_TO_POINTER (6), test_old_format);
  return g_test_run ();
}
