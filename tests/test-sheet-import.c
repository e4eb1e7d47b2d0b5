/* Sheets of records read into a preview and committed: headers, mapping,
 * subtotal rows, names, amounts, fixing and leaving out rows, undo. */
#include "config.h"

#include <string.h>

#include "ys-core.h"
#include "ys-sheet-import.h"
#include "ys-summary.h"
#include "ys-test-util.h"

typedef struct {
  char       *dir;
  char       *path;
  YsDocument *doc;
} Fixture;

/* Rows of tab-separated cells; a cell starting with '#' is a number. */
static YsSheet *
make_sheet (const char *name, const char *const *rows)
{
  guint n_rows = g_strv_length ((char **) rows), n_cols = 0;
  YsSheet *sheet;

  for (guint r = 0; r < n_rows; r++)
    {
      g_auto(GStrv) cells = g_strsplit (rows[r], "\t", -1);
      n_cols = MAX (n_cols, g_strv_length (cells));
    }
  sheet = ys_sheet_new (name, n_rows, n_cols);
  for (guint r = 0; r < n_rows; r++)
    {
      g_auto(GStrv) cells = g_strsplit (rows[r], "\t", -1);
      for (guint c = 0; cells[c]; c++)
        if (cells[c][0] == '#')
          ys_sheet_set_cell (sheet, r, c, YS_CELL_NUMBER, cells[c] + 1);
        else if (cells[c][0])
          ys_sheet_set_cell (sheet, r, c, YS_CELL_STRING, cells[c]);
    }
  return sheet;
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  (void) data;
  f->dir = ys_test_tmp_dir ();
  f->path = g_build_filename (f->dir, "b.yusuan", NULL);
  f->doc = ys_document_create (f->path, NULL, &error);
  g_assert_no_error (error);
  ys_test_insert (f->doc, ys_test_record (&ys_unit_kind, "code", "003001", "name", "埇桥区人民政府办公室",
                                          "unit_type", "行政单位", "role", "本级", NULL));
  ys_test_insert (f->doc, ys_test_record (&ys_unit_kind, "code", "003002", "name", "区信息中心",
                                          "unit_type", "事业单位", "role", "下属单位", NULL));
  ys_test_insert (f->doc, ys_test_record (&ys_project_kind, "code", "P01", "name", "信息化运维",
                                          "unit_code", "003001", NULL));
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  (void) data;
  g_clear_object (&f->doc);
  ys_test_rm_rf (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* What went wrong, in the test log, when an assertion below fails. */
static void
log_problems (YsSheetImport *im)
{
  for (guint r = 0; r < ys_sheet_import_get_n_rows (im); r++)
    for (guint c = 0; c <= ys_sheet_import_get_n_columns (im); c++)
      {
        const char *p = c < ys_sheet_import_get_n_columns (im) ? ys_sheet_import_get_cell_problem (im, r, c)
                                                                : ys_sheet_import_get_row_problem (im, r);
        if (p)
          g_test_message ("row %u col %u: %s", r, c, p);
      }
}

static YsSheetImport *
preview (Fixture *f, const YsKind *kind, const char *const *rows, int unit)
{
  g_autoptr(GError) error = NULL;
  YsSheetImportOptions options = { unit, NULL };
  YsSheetImport *im = ys_sheet_import_new (f->doc, kind, make_sheet ("支出", rows), "t.xlsx", &options, &error);

  g_assert_no_error (error);
  g_assert_nonnull (im);
  g_assert_true (ys_sheet_import_read (im, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  log_problems (im);
  return im;
}

static void
assert_target (YsSheetImport *im, guint col, const char *expected)
{
  g_autofree char *target = ys_sheet_import_get_column_target (im, col);
  g_assert_cmpstr (target, ==, expected);
}

static YsMoney
line_total (YsDocument *doc)
{
  YsMoney total = 0;

  for (guint i = 0; i < ys_document_count (doc, &ys_line_kind); i++)
    total += ys_record_get_int (ys_document_get (doc, &ys_line_kind, i), YS_LINE_AMOUNT);
  return total;
}

/* A finance office's table: title, 单位 line, a two-row header whose groups
 * tell the two 科目编码 columns apart, a 合计 row and 类/款 rows. */
static const char *const grouped_rows[] = {
  "埇桥区人民政府办公室2023年部门支出预算明细表",
  "编制单位：埇桥区人民政府办公室\t\t\t\t\t\t单位：万元",
  "支出功能分类科目\t\t部门经济分类科目\t\t支出类型\t资金来源\t金额",
  "科目编码\t科目名称\t科目编码\t科目名称",
  "合计\t\t\t\t\t\t#1623.347",
  "201\t一般公共服务支出\t\t\t\t\t#1375.37",
  "20103\t政府办公厅（室）及相关机构事务\t\t\t\t\t#1375.37",
  "2010301\t行政运行\t30101\t基本工资\t基本支出\t一般公共预算拨款\t#249.19",
  "2010301\t行政运行\t30201\t办公费\t基本支出\t一般公共预算\t#109.8",
  "2010301\t行政运行\t30227\t委托业务费\t项目支出\t一般公共预算拨款\t#82",
  "",
  "注：本表不含上年结转。",
  NULL
};

static YsSheet *
grouped_sheet (void)
{
  YsSheet *sheet = make_sheet ("支出", grouped_rows);

  ys_sheet_add_merge (sheet, 0, 0, 0, 6);
  ys_sheet_add_merge (sheet, 2, 0, 2, 1);
  ys_sheet_add_merge (sheet, 2, 2, 2, 3);
  ys_sheet_add_merge (sheet, 2, 4, 3, 4);
  ys_sheet_add_merge (sheet, 2, 5, 3, 5);
  ys_sheet_add_merge (sheet, 2, 6, 3, 6);
  return sheet;
}

static void
test_grouped_header (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsSheetImport) im = ys_sheet_import_new (f->doc, &ys_line_kind, grouped_sheet (), "t.xlsx", NULL, &error);
  YsSheetImportCounts counts;
  guint first;

  (void) data;
  g_assert_no_error (error);
  g_assert_true (ys_sheet_import_read (im, NULL, NULL, NULL, &error));
  log_problems (im);
  g_assert_cmpuint (ys_sheet_import_get_header_rows (im, &first), ==, 2);
  g_assert_cmpuint (first, ==, 2);
  assert_target (im, 0, "func_code");
  assert_target (im, 1, "func_name");
  assert_target (im, 2, "econ_code");
  assert_target (im, 3, "econ_name");
  assert_target (im, 4, "kind");
  assert_target (im, 5, "source");
  assert_target (im, 6, "amount");
  g_assert_cmpstr (ys_sheet_import_get_column_path (im, 2), ==, "部门经济分类科目 / 科目编码");
  g_assert_cmpint (ys_sheet_import_get_unit (im), ==, YS_MONEY_WAN);

  g_assert_cmpuint (ys_sheet_import_get_n_rows (im), ==, 8);
  g_assert_cmpuint (ys_sheet_import_get_sheet_row (im, 0), ==, 5);
  g_assert_cmpint (ys_sheet_import_get_row_status (im, 0), ==, YS_SHEET_ROW_SUBTOTAL);
  g_assert_cmpint (ys_sheet_import_get_row_status (im, 1), ==, YS_SHEET_ROW_SUBTOTAL);
  g_assert_cmpint (ys_sheet_import_get_row_status (im, 2), ==, YS_SHEET_ROW_SUBTOTAL);
  g_assert_cmpint (ys_sheet_import_get_row_status (im, 3), ==, YS_SHEET_ROW_DATA);
  g_assert_cmpint (ys_sheet_import_get_row_status (im, 6), ==, YS_SHEET_ROW_BLANK);
  g_assert_cmpint (ys_sheet_import_get_row_status (im, 7), ==, YS_SHEET_ROW_NOTE);
  ys_sheet_import_get_counts (im, &counts);
  g_assert_cmpuint (counts.data, ==, 3);
  g_assert_cmpuint (counts.subtotals, ==, 3);
  g_assert_cmpuint (counts.problems, ==, 0);

  g_assert_true (ys_sheet_import_commit (im, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ys_document_count (f->doc, &ys_line_kind), ==, 3);
  /* 249.19 + 109.8 + 82 万元; the 合计 and 类/款 rows are not counted again. */
  g_assert_cmpint (line_total (f->doc), ==, 440990000);
  {
    YsRecord *l = ys_document_get (f->doc, &ys_line_kind, 1);
    g_assert_cmpstr (ys_record_get_text (l, YS_LINE_KIND), ==, "公用经费");
    g_assert_cmpstr (ys_record_get_text (l, YS_LINE_SOURCE), ==, "一般公共预算拨款");
    g_assert_cmpstr (ys_record_get_text (l, YS_LINE_UNIT_CODE), ==, "003001");
    l = ys_document_get (f->doc, &ys_line_kind, 0);
    g_assert_cmpstr (ys_record_get_text (l, YS_LINE_KIND), ==, "人员经费");
    g_assert_cmpstr (ys_record_get_text (l, YS_LINE_ECON_CODE), ==, "30101");
  }
}

/* Three header rows: 科目 over both groups, each group over its 编码 and 名称;
 * the other columns merged down all three. */
static void
test_three_row_header (Fixture *f, gconstpointer data)
{
  static const char *const rows[] = {
    "2023年一般公共预算基本支出表",
    "单位：元",
    "科目\t\t\t\t单位名称\t资金来源\t本年预算",
    "支出功能分类科目\t\t经济分类科目",
    "科目编码\t科目名称\t科目编码\t科目名称",
    "2010301\t行政运行\t30113\t住房公积金\t区信息中心\t一般公共预算拨款\t#638680",
    NULL
  };
  YsSheet *sheet = make_sheet ("基本支出", rows);
  g_autoptr(YsSheetImport) im = NULL;
  g_autoptr(GError) error = NULL;
  guint first;

  (void) data;
  ys_sheet_add_merge (sheet, 0, 0, 0, 6);
  ys_sheet_add_merge (sheet, 2, 0, 2, 3);
  ys_sheet_add_merge (sheet, 3, 0, 3, 1);
  ys_sheet_add_merge (sheet, 3, 2, 3, 3);
  for (guint c = 4; c < 7; c++)
    ys_sheet_add_merge (sheet, 2, c, 4, c);
  im = ys_sheet_import_new (f->doc, &ys_line_kind, sheet, "t.xlsx", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ys_sheet_import_read (im, NULL, NULL, NULL, &error));
  log_problems (im);
  g_assert_cmpuint (ys_sheet_import_get_header_rows (im, &first), ==, 3);
  g_assert_cmpuint (first, ==, 2);
  g_assert_cmpstr (ys_sheet_import_get_column_path (im, 0), ==, "科目 / 支出功能分类科目 / 科目编码");
  assert_target (im, 0, "func_code");
  assert_target (im, 1, "func_name");
  assert_target (im, 2, "econ_code");
  assert_target (im, 3, "econ_name");
  assert_target (im, 4, "unit_name");
  assert_target (im, 6, "amount");
  g_assert_cmpuint (ys_sheet_import_get_n_rows (im), ==, 1);
  g_assert_true (ys_sheet_import_commit (im, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  {
    YsRecord *l = ys_document_get (f->doc, &ys_line_kind, 0);
    g_assert_cmpstr (ys_record_get_text (l, YS_LINE_UNIT_CODE), ==, "003002");
    g_assert_cmpstr (ys_record_get_text (l, YS_LINE_KIND), ==, "人员经费");
    g_assert_cmpint (ys_record_get_int (l, YS_LINE_AMOUNT), ==, 63868000);
  }
}

/* Words real sheets use, in another order, one header row. */
static void
test_synonyms (Fixture *f, gconstpointer data)
{
  static const char *const rows[] = {
    "预算数\t单位名称\t资金性质\t经济科目\t功能科目\t支出类别\t项目名称\t备注",
    "#1200\t区信息中心\t一般公共预算拨款\t30227\t2010301\t项目支出\t信息化运维\t委托",
    NULL
  };
  g_autoptr(YsSheetImport) im = NULL;
  g_autoptr(GError) error = NULL;

  (void) data;
  im = preview (f, &ys_line_kind, rows, -1);
  assert_target (im, 0, "amount");
  assert_target (im, 1, "unit_name");
  assert_target (im, 2, "source");
  assert_target (im, 3, "econ_code");
  assert_target (im, 4, "func_code");
  assert_target (im, 5, "kind");
  assert_target (im, 6, "project_name");
  assert_target (im, 7, "note");
  g_assert_cmpstr (ys_sheet_import_get_column_mapped_by (im, 0), ==, "header");
  g_assert_cmpint (ys_sheet_import_get_row_status (im, 0), ==, YS_SHEET_ROW_DATA);
  g_assert_true (ys_sheet_import_commit (im, NULL, NULL, NULL, NULL, &error));
  {
    YsRecord *l = ys_document_get (f->doc, &ys_line_kind, 0);
    g_assert_cmpstr (ys_record_get_text (l, YS_LINE_UNIT_CODE), ==, "003002");
    g_assert_cmpstr (ys_record_get_text (l, YS_LINE_PROJECT_CODE), ==, "P01");
    g_assert_cmpint (ys_record_get_int (l, YS_LINE_AMOUNT), ==, 120000);
  }
}

/* Columns whose headers say nothing are mapped by what they hold. */
static void
test_content_mapping (Fixture *f, gconstpointer data)
{
  static const char *const rows[] = {
    "序号\t栏目一\t栏目二\t资金来源\t单位编码\t支出类型\t金额",
    "1\t201\t\t\t\t\t#300",
    "2\t2010301\t30101\t一般公共预算拨款\t003001\t人员经费\t#100",
    "3\t2010301\t30102\t一般公共预算拨款\t003001\t人员经费\t#200",
    NULL
  };
  g_autoptr(YsSheetImport) im = NULL;

  (void) data;
  im = preview (f, &ys_line_kind, rows, -1);
  assert_target (im, 0, NULL);
  assert_target (im, 1, "func_code");
  assert_target (im, 2, "econ_code");
  g_assert_cmpstr (ys_sheet_import_get_column_mapped_by (im, 1), ==, "content");
  g_assert_cmpint (ys_sheet_import_get_row_status (im, 0), ==, YS_SHEET_ROW_SUBTOTAL);
  g_assert_cmpint (ys_sheet_import_get_row_status (im, 1), ==, YS_SHEET_ROW_DATA);
}

/* "2010301 行政运行" in one cell; names alone resolved from the catalog,
 * under the 款 row above them; ambiguity listed. */
static void
test_split_and_names (Fixture *f, gconstpointer data)
{
  static const char *const rows[] = {
    "功能分类科目\t经济分类科目\t单位\t资金来源\t支出类型\t金额",
    "2010301 行政运行\t30101基本工资\t003001\t一般公共预算拨款\t人员经费\t#1",
    "【2010302】一般行政管理事务\t[30201] 办公费\t埇桥区人民政府办公室\t一般公共预算拨款\t公用经费\t#2",
    "行政运行\t基本工资\t003001\t一般公共预算拨款\t人员经费\t#3",
    "20103 政府办公厅（室）及相关机构事务\t\t\t\t\t#4",
    "　　行政运行\t津贴补贴\t3001\t一般公共预算拨款\t人员经费\t#5",
    "没有这个科目\t基本工资\t003001\t一般公共预算拨款\t人员经费\t#6",
    NULL
  };
  g_autoptr(YsSheetImport) im = NULL;
  const char *problem;

  (void) data;
  im = preview (f, &ys_line_kind, rows, -1);
  assert_target (im, 0, "func_code");
  assert_target (im, 1, "econ_code");
  assert_target (im, 2, "unit_name");
  g_assert_cmpint (ys_sheet_import_get_row_status (im, 0), ==, YS_SHEET_ROW_DATA);
  g_assert_cmpint (ys_sheet_import_get_row_status (im, 1), ==, YS_SHEET_ROW_DATA);
  /* 行政运行 is the name of a 项 under almost every 款. */
  g_assert_cmpint (ys_sheet_import_get_row_status (im, 2), ==, YS_SHEET_ROW_PROBLEM);
  problem = ys_sheet_import_get_cell_problem (im, 2, 0);
  g_assert_nonnull (problem);
  g_assert_nonnull (strstr (problem, "2010101 行政运行"));
  g_assert_nonnull (strstr (problem, "2010301 行政运行"));
  g_assert_null (ys_sheet_import_get_cell_problem (im, 2, 1));
  g_assert_cmpint (ys_sheet_import_get_row_status (im, 3), ==, YS_SHEET_ROW_SUBTOTAL);
  /* Under the 20103 row it is 2010301; the unit code lost its zeros in a number cell. */
  g_assert_cmpint (ys_sheet_import_get_row_status (im, 4), ==, YS_SHEET_ROW_DATA);
  g_assert_cmpint (ys_sheet_import_get_row_status (im, 5), ==, YS_SHEET_ROW_PROBLEM);
  g_assert_nonnull (strstr (ys_sheet_import_get_cell_problem (im, 5, 0), "没有这个科目"));

  ys_sheet_import_exclude_problems (im);
  g_assert_true (ys_sheet_import_commit (im, NULL, NULL, NULL, NULL, NULL));
  g_assert_cmpuint (ys_document_count (f->doc, &ys_line_kind), ==, 3);
  {
    YsRecord *l = ys_document_get (f->doc, &ys_line_kind, 1);
    g_assert_cmpstr (ys_record_get_text (l, YS_LINE_FUNC_CODE), ==, "2010302");
    g_assert_cmpstr (ys_record_get_text (l, YS_LINE_ECON_CODE), ==, "30201");
    l = ys_document_get (f->doc, &ys_line_kind, 2);
    g_assert_cmpstr (ys_record_get_text (l, YS_LINE_FUNC_CODE), ==, "2010301");
    g_assert_cmpstr (ys_record_get_text (l, YS_LINE_ECON_CODE), ==, "30102");
    g_assert_cmpstr (ys_record_get_text (l, YS_LINE_UNIT_CODE), ==, "003001");
  }
}

/* 万元 and 元, separators, full-width digits, float noise, negatives. */
static void
test_amounts (Fixture *f, gconstpointer data)
{
  static const char *const rows[] = {
    "功能科目编码\t经济科目编码\t单位编码\t资金来源\t支出类型\t金额（元）",
    "2010301\t30101\t003001\t一般公共预算拨款\t人员经费\t1,234,567.89",
    "2010301\t30101\t003001\t一般公共预算拨款\t人员经费\t１２３４．５",
    "2010301\t30101\t003001\t一般公共预算拨款\t人员经费\t#1623.3500000000001",
    "2010301\t30101\t003001\t一般公共预算拨款\t人员经费\t-5",
    "2010301\t30101\t003001\t一般公共预算拨款\t人员经费\t12,34",
    NULL
  };
  g_autoptr(YsSheetImport) im = NULL;

  (void) data;
  im = preview (f, &ys_line_kind, rows, -1);
  g_assert_cmpint (ys_sheet_import_get_unit (im), ==, YS_MONEY_YUAN);
  g_assert_cmpint (ys_sheet_import_get_row_status (im, 0), ==, YS_SHEET_ROW_DATA);
  g_assert_cmpint (ys_sheet_import_get_row_status (im, 1), ==, YS_SHEET_ROW_DATA);
  g_assert_cmpint (ys_sheet_import_get_row_status (im, 2), ==, YS_SHEET_ROW_DATA);
  g_assert_cmpint (ys_sheet_import_get_row_status (im, 3), ==, YS_SHEET_ROW_PROBLEM);
  g_assert_nonnull (strstr (ys_sheet_import_get_cell_problem (im, 3, 5), "negative"));
  g_assert_cmpint (ys_sheet_import_get_row_status (im, 4), ==, YS_SHEET_ROW_PROBLEM);
  ys_sheet_import_exclude_problems (im);
  g_assert_true (ys_sheet_import_commit (im, NULL, NULL, NULL, NULL, NULL));
  g_assert_cmpint (line_total (f->doc), ==, 123456789 + 123450 + 162335);
}

/* The same figures in 万元 by option; a 万元 sheet read as 元 when told so. */
static void
test_unit_option (Fixture *f, gconstpointer data)
{
  static const char *const rows[] = {
    "功能科目编码\t经济科目编码\t单位编码\t资金来源\t支出类型\t金额",
    "2010301\t30101\t003001\t一般公共预算拨款\t人员经费\t#4.739",
    "2010301\t30101\t003001\t一般公共预算拨款\t人员经费\t0.0000001",
    NULL
  };
  g_autoptr(YsSheetImport) im = NULL;

  (void) data;
  im = preview (f, &ys_line_kind, rows, YS_MONEY_WAN);
  g_assert_cmpint (ys_sheet_import_get_row_status (im, 0), ==, YS_SHEET_ROW_DATA);
  /* Typed text finer than one 分 is refused, not rounded. */
  g_assert_cmpint (ys_sheet_import_get_row_status (im, 1), ==, YS_SHEET_ROW_PROBLEM);
  ys_sheet_import_set_row_included (im, 1, FALSE);
  g_assert_true (ys_sheet_import_commit (im, NULL, NULL, NULL, NULL, NULL));
  g_assert_cmpint (line_total (f->doc), ==, 4739000);
}

/* A bad cell fixed in the preview; the commit refuses while a row is bad,
 * then is one undo step. */
static void
test_fix_and_undo (Fixture *f, gconstpointer data)
{
  static const char *const rows[] = {
    "功能科目编码\t经济科目编码\t单位编码\t资金来源\t支出类型\t金额",
    "2010301\t30101\t003001\t一般公共预算拨款\t人员经费\t#100",
    "2010301\t3010X\t003001\t一般公共预算拨款\t人员经费\t#200",
    "2010301\t30103\t003001\t一般公共预算拨款\t人员经费\t#300",
    NULL
  };
  g_autoptr(YsSheetImport) im = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  (void) data;
  im = preview (f, &ys_line_kind, rows, -1);
  g_assert_cmpint (ys_sheet_import_get_row_status (im, 1), ==, YS_SHEET_ROW_PROBLEM);
  g_assert_nonnull (ys_sheet_import_get_cell_problem (im, 1, 1));
  g_assert_false (ys_sheet_import_commit (im, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, YS_SHEET_IMPORT_ERROR, YS_SHEET_IMPORT_ERROR_PROBLEMS);
  g_clear_error (&error);
  g_assert_cmpuint (ys_document_count (f->doc, &ys_line_kind), ==, 0);
  g_assert_false (ys_document_can_undo (f->doc) && g_strcmp0 (ys_document_get_undo_label (f->doc), "Import 支出") == 0);

  g_assert_true (ys_sheet_import_set_cell_text (im, 1, 1, "30102"));
  g_assert_cmpstr (ys_sheet_import_get_cell_text (im, 1, 1), ==, "30102");
  g_assert_null (ys_sheet_import_get_cell_problem (im, 1, 1));
  g_assert_true (ys_sheet_import_commit (im, NULL, NULL, NULL, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpint (line_total (f->doc), ==, 60000);

  g_assert_true (ys_document_undo (f->doc, &error));
  g_assert_cmpuint (ys_document_count (f->doc, &ys_line_kind), ==, 0);
  /* The project and units typed before are still there: one step undone. */
  g_assert_cmpuint (ys_document_count (f->doc, &ys_project_kind), ==, 1);
  g_assert_true (ys_document_redo (f->doc, &error));
  g_assert_cmpuint (ys_document_count (f->doc, &ys_line_kind), ==, 3);
  g_assert_true (ys_document_undo (f->doc, &error));

  /* Imported again from the same preview after the undo. */
  g_assert_true (ys_sheet_import_commit (im, NULL, NULL, NULL, &n, &error));
  g_assert_cmpuint (ys_document_count (f->doc, &ys_line_kind), ==, 3);
}

static void
cancel_on_progress (guint done, guint total, gpointer user_data)
{
  (void) total;
  if (done > 0)
    g_cancellable_cancel (user_data);
}

/* A cancelled commit leaves the document as it was. */
static void
test_cancel (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(YsSheetImport) im = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  (void) data;
  g_ptr_array_add (rows, g_strdup ("功能科目编码\t经济科目编码\t单位编码\t资金来源\t支出类型\t金额"));
  for (guint i = 0; i < 10000; i++)
    g_ptr_array_add (rows, g_strdup_printf ("2010301\t30101\t003001\t一般公共预算拨款\t人员经费\t#%u", i + 1));
  g_ptr_array_add (rows, NULL);
  im = preview (f, &ys_line_kind, (const char *const *) rows->pdata, -1);
  g_assert_false (ys_sheet_import_commit (im, cancel_on_progress, cancellable, cancellable, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (ys_document_count (f->doc, &ys_line_kind), ==, 0);
  g_clear_error (&error);
  ys_document_close (f->doc);
  g_clear_object (&f->doc);
  f->doc = ys_document_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ys_document_count (f->doc, &ys_line_kind), ==, 0);
}

/* A mapping changed by hand is remembered for the next sheet with this header. */
static void
test_remembered_mapping (Fixture *f, gconstpointer data)
{
  static const char *const rows[] = {
    "功能科目编码\t经济科目编码\t单位编码\t资金来源\t支出类型\t金额\t调整数",
    "2010301\t30101\t003001\t一般公共预算拨款\t人员经费\t#100\t#150",
    NULL
  };
  g_autoptr(YsSheetImport) im = NULL;
  g_autoptr(YsSheetImport) again = NULL;
  g_autoptr(GError) error = NULL;

  (void) data;
  im = preview (f, &ys_line_kind, rows, -1);
  assert_target (im, 6, NULL);
  g_assert_true (ys_sheet_import_map_title (im, "调整数", "amount", &error));
  g_assert_no_error (error);
  assert_target (im, 5, NULL);
  assert_target (im, 6, "amount");
  g_assert_false (ys_sheet_import_set_column_target (im, 0, "没有的字段", &error));
  g_assert_error (error, YS_SHEET_IMPORT_ERROR, YS_SHEET_IMPORT_ERROR_MAPPING);
  g_clear_error (&error);
  g_assert_true (ys_sheet_import_commit (im, NULL, NULL, NULL, NULL, &error));
  g_assert_cmpint (line_total (f->doc), ==, 15000);

  ys_document_close (f->doc);
  g_clear_object (&f->doc);
  f->doc = ys_document_open (f->path, &error);
  g_assert_no_error (error);
  again = preview (f, &ys_line_kind, rows, -1);
  assert_target (again, 6, "amount");
  assert_target (again, 5, NULL);
  g_assert_cmpstr (ys_sheet_import_get_column_mapped_by (again, 6), ==, "remembered");
}

/* A pasted block with a header row is mapped like a sheet. */
static void
test_paste_with_header (Fixture *f, gconstpointer data)
{
  g_autoptr(YsSheetImport) im = NULL;
  g_autoptr(GError) error = NULL;
  const char *text = "单位名称\t功能科目\t经济科目\t资金来源\t支出类型\t金额\n"
                     "埇桥区人民政府办公室\t2010301 行政运行\t30101 基本工资\t一般公共预算拨款\t人员经费\t1,000.00\n"
                     "埇桥区人民政府办公室\t2010301 行政运行\t30102 津贴补贴\t一般公共预算拨款\t人员经费\t2000\n";

  (void) data;
  im = ys_sheet_import_new_from_text (f->doc, &ys_line_kind, text, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ys_sheet_import_read (im, NULL, NULL, NULL, &error));
  g_assert_true (ys_sheet_import_commit (im, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (line_total (f->doc), ==, 300000);
  g_clear_object (&im);

  im = ys_sheet_import_new_from_text (f->doc, &ys_line_kind,
                                      "2010301\t30101\t003001\t一般公共预算拨款\t人员经费\t5\n", NULL, &error);
  g_assert_null (im);
  g_assert_error (error, YS_SHEET_IMPORT_ERROR, YS_SHEET_IMPORT_ERROR_NO_HEADER);
}

/* Other kinds: projects and income by their own words. */
static void
test_other_kinds (Fixture *f, gconstpointer data)
{
  static const char *const projects[] = {
    "项目编码\t项目名称\t单位名称\t新增/延续\t项目类别",
    "P02\t政务工作运转经费\t埇桥区人民政府办公室\t新增\t运转类",
    "合计\t\t\t\t",
    "P01\t已有的项目\t埇桥区人民政府办公室\t新增\t运转类",
    "P02\t重复的编码\t埇桥区人民政府办公室\t新增\t运转类",
    NULL
  };
  static const char *const prior[] = {
    "功能科目编码\t资金来源\t上年预算数\t增减原因\t单位编码",
    "2010301\t一般公共预算拨款\t-1,000.00\t人员减少\t003001",
    NULL
  };
  static const char *const indicators[] = {
    "项目名称\t指标类型\t一级指标\t二级指标\t三级指标\t符号\t指标值\t计量单位\t权重",
    "信息化运维\t年度\t产出指标\t数量指标\t委托业务\t≥\t#4\t项\t#10.0",
    "信息化运维\t年度\t产出指标\t质量指标\t验收合格率\t\t≧95％\t\t#10.0",
    "信息化运维\t年度\t产出指标\t成本指标\t运维成本\t≤\t不低于9万元\t\t#10.0",
    NULL
  };
  static const char *const income[] = {
    "单位：元",
    "单位编码\t资金来源\t本年收入",
    "003001\t一般公共预算\t16,233,470.00",
    NULL
  };
  g_autoptr(YsSheetImport) p = NULL;
  g_autoptr(YsSheetImport) i = NULL;
  g_autoptr(YsSheetImport) y = NULL;
  g_autoptr(YsSheetImport) g = NULL;

  (void) data;
  p = preview (f, &ys_project_kind, projects, -1);
  assert_target (p, 0, "code");
  assert_target (p, 1, "name");
  g_assert_cmpint (ys_sheet_import_get_row_status (p, 1), ==, YS_SHEET_ROW_SUBTOTAL);
  /* A code the budget has, and one the sheet repeats, are found before the commit. */
  g_assert_cmpint (ys_sheet_import_get_row_status (p, 2), ==, YS_SHEET_ROW_PROBLEM);
  g_assert_nonnull (strstr (ys_sheet_import_get_cell_problem (p, 2, 0), "already exists"));
  g_assert_cmpint (ys_sheet_import_get_row_status (p, 3), ==, YS_SHEET_ROW_PROBLEM);
  g_assert_nonnull (strstr (ys_sheet_import_get_cell_problem (p, 3, 0), "row 2"));
  g_assert_true (ys_sheet_import_set_cell_text (p, 3, 0, "P03"));
  ys_sheet_import_set_row_included (p, 2, FALSE);
  g_assert_true (ys_sheet_import_commit (p, NULL, NULL, NULL, NULL, NULL));
  g_assert_nonnull (ys_document_lookup_key (f->doc, &ys_project_kind, "P03"));
  g_assert_nonnull (ys_document_lookup_key (f->doc, &ys_project_kind, "P02"));

  i = preview (f, &ys_income_kind, income, -1);
  assert_target (i, 2, "amount");
  g_assert_true (ys_sheet_import_commit (i, NULL, NULL, NULL, NULL, NULL));
  g_assert_cmpint (ys_record_get_int (ys_document_get (f->doc, &ys_income_kind, 0), YS_INCOME_AMOUNT),
                   ==, 1623347000);

  /* 上年数 may be negative, where a line may not. */
  y = preview (f, &ys_prior_year_kind, prior, -1);
  assert_target (y, 2, "amount");
  assert_target (y, 3, "reason");
  g_assert_cmpint (ys_sheet_import_get_row_status (y, 0), ==, YS_SHEET_ROW_DATA);
  g_assert_true (ys_sheet_import_commit (y, NULL, NULL, NULL, NULL, NULL));
  g_assert_cmpint (ys_record_get_int (ys_document_get (f->doc, &ys_prior_year_kind, 0), YS_PRIOR_YEAR_AMOUNT),
                   ==, -100000);

  /* Indicators of a project named, not coded; a weight computed as 10.0. */
  g = preview (f, &ys_indicator_kind, indicators, -1);
  assert_target (g, 0, "project_name");
  assert_target (g, 4, "name");
  assert_target (g, 8, "weight");
  g_assert_cmpint (ys_sheet_import_get_row_status (g, 0), ==, YS_SHEET_ROW_DATA);
  /* A value with its operator is split; one its operator column contradicts is a problem of the preview. */
  g_assert_cmpint (ys_sheet_import_get_row_status (g, 1), ==, YS_SHEET_ROW_DATA);
  g_assert_cmpint (ys_sheet_import_get_row_status (g, 2), ==, YS_SHEET_ROW_PROBLEM);
  g_assert_nonnull (strstr (ys_sheet_import_get_cell_problem (g, 2, 6), "≤"));
  ys_sheet_import_set_row_included (g, 2, FALSE);
  g_assert_true (ys_sheet_import_commit (g, NULL, NULL, NULL, NULL, NULL));
  g_assert_cmpstr (ys_record_get_text (ys_document_get (f->doc, &ys_indicator_kind, 0), YS_INDICATOR_PROJECT_CODE),
                   ==, "P01");
  g_assert_cmpuint (ys_document_count (f->doc, &ys_indicator_kind), ==, 2);
  {
    YsRecord *rate = ys_document_get (f->doc, &ys_indicator_kind, 1);
    g_assert_cmpstr (ys_record_get_text (rate, YS_INDICATOR_OPERATOR), ==, "≥");
    g_assert_cmpstr (ys_record_get_text (rate, YS_INDICATOR_VALUE), ==, "95");
    g_assert_cmpstr (ys_record_get_text (rate, YS_INDICATOR_MEASURE), ==, "%");
  }
}

/* ---- the sample workbooks (tests/data/sheets/, made by make-sheets.py) ---- */

#define SHEETS TEST_SRCDIR "/data/sheets/"
#define SAMPLE SOURCE_ROOT "/resources/samples/yongqiao-2023/"

/* Published totals of the 埇桥 2023 budget in 分: 1,623.35万元 = 基本
 * 1,008.35 + 项目 615.00 (the sample keeps them to the 元: 1,623.347万元). */
#define YQ_TOTAL   1623347000
#define YQ_BASIC   1008347000
#define YQ_PROJECT  615000000

static void
copy_file (const char *from, const char *to)
{
  g_autofree char *data = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (from, &data, &len, NULL));
  g_assert_true (g_file_set_contents (to, data, len, NULL));
}

/* A budget holding only the sample's settings and units. */
static char *
sample_base (const char *dir)
{
  g_autofree char *in = g_build_filename (dir, "base", NULL);
  char *path = g_build_filename (dir, "yq.yusuan", NULL);
  g_autofree char *err = NULL;
  const char *files[] = { "document.csv", "units.csv" };

  g_assert_cmpint (g_mkdir (in, 0755), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *to = g_build_filename (in, files[i], NULL);
      g_autofree char *from = g_strconcat (SAMPLE, files[i], NULL);
      copy_file (from, to);
    }
  g_assert_cmpint (ys_test_run_cli (NULL, &err, "import", path, in, NULL), ==, 0);
  return path;
}

static YsSheetImport *
read_book (YsDocument *doc, const YsKind *kind, const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsWorkbook) book = ys_workbook_read (path, &error);
  YsSheet *sheet;
  YsSheetImport *im;

  g_assert_no_error (error);
  sheet = ys_workbook_first_sheet (book);
  g_assert_nonnull (sheet);
  for (guint i = 0; i < book->sheets->len; i++)
    if (book->sheets->pdata[i] == sheet)
      g_ptr_array_steal_index (book->sheets, i);
  im = ys_sheet_import_new (doc, kind, sheet, path, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ys_sheet_import_read (im, NULL, NULL, NULL, &error));
  log_problems (im);
  return im;
}

/* Every sample workbook, read through the core, gives the published totals:
 * the 合计, 小计, 其中 and 类/款 rows are recognised and not counted again. */
static void
test_sample_workbooks (void)
{
  static const char *const books[] = {
    "yongqiao-lines-grouped.xlsx", "yongqiao-lines-combined.xls", "yongqiao-lines-gb18030.csv",
  };
  static const guint subtotals[] = { 9, 5, 9 };

  for (guint b = 0; b < G_N_ELEMENTS (books); b++)
    {
      g_autofree char *dir = ys_test_tmp_dir ();
      g_autofree char *path = sample_base (dir);
      g_autoptr(GError) error = NULL;
      g_autoptr(YsDocument) doc = ys_document_open (path, &error);
      g_autoptr(YsSheetImport) projects = NULL;
      g_autoptr(YsSheetImport) lines = NULL;
      g_autoptr(YsSummary) sum = NULL;
      YsSheetImportCounts counts;
      g_autofree char *wan = NULL;

      g_test_message ("%s", books[b]);
      g_assert_no_error (error);
      projects = read_book (doc, &ys_project_kind, SHEETS "yongqiao-projects.xlsx");
      g_assert_true (ys_sheet_import_commit (projects, NULL, NULL, NULL, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (ys_document_count (doc, &ys_project_kind), ==, 6);

      g_autofree char *book = g_strconcat (SHEETS, books[b], NULL);

      lines = read_book (doc, &ys_line_kind, book);
      ys_sheet_import_get_counts (lines, &counts);
      g_assert_cmpuint (counts.data, ==, 46);
      g_assert_cmpuint (counts.problems, ==, 0);
      g_assert_cmpuint (counts.subtotals, ==, subtotals[b]);
      g_assert_true (ys_sheet_import_commit (lines, NULL, NULL, NULL, NULL, &error));
      g_assert_no_error (error);

      sum = ys_summary_compute (doc, &YS_FILTER_ALL);
      g_assert_cmpint (sum->expense.total, ==, YQ_TOTAL);
      g_assert_cmpint (sum->expense.basic, ==, YQ_BASIC);
      g_assert_cmpint (sum->expense.project, ==, YQ_PROJECT);
      wan = ys_money_format (sum->expense.total, YS_MONEY_WAN, TRUE);
      g_assert_cmpstr (wan, ==, "1,623.35");
      ys_document_close (doc);
      ys_test_rm_rf (dir);
    }
}

/* 基本支出 lines named only by their 经济分类 name, under 类 rows named only
 * by theirs; the table's 资金来源 given for every row. */
static void
test_sample_names_only (void)
{
  g_autofree char *dir = ys_test_tmp_dir ();
  g_autofree char *path = sample_base (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(YsDocument) doc = ys_document_open (path, &error);
  g_autoptr(GHashTable) defaults = g_hash_table_new (g_str_hash, g_str_equal);
  YsSheetImportOptions options = { -1, defaults };
  g_autoptr(YsWorkbook) book = ys_workbook_read (SHEETS "yongqiao-basic-names.xlsx", &error);
  g_autoptr(YsSheetImport) im = NULL;
  g_autoptr(YsSummary) sum = NULL;
  YsSheetImportCounts counts;
  YsSheet *sheet;

  g_assert_no_error (error);
  g_hash_table_insert (defaults, "source", "一般公共预算拨款");
  sheet = g_ptr_array_steal_index (book->sheets, 0);
  im = ys_sheet_import_new (doc, &ys_line_kind, sheet, "yongqiao-basic-names.xlsx", &options, &error);
  g_assert_no_error (error);
  g_assert_true (ys_sheet_import_read (im, NULL, NULL, NULL, &error));
  log_problems (im);
  assert_target (im, 0, "econ_name");
  ys_sheet_import_get_counts (im, &counts);
  g_assert_cmpuint (counts.data, ==, 27);
  g_assert_cmpuint (counts.subtotals, ==, 4);
  g_assert_cmpuint (counts.problems, ==, 0);
  g_assert_true (ys_sheet_import_commit (im, NULL, NULL, NULL, NULL, &error));
  sum = ys_summary_compute (doc, &YS_FILTER_ALL);
  g_assert_cmpint (sum->expense.basic, ==, YQ_BASIC);
  g_assert_cmpint (sum->expense.personnel, ==, 858630000);
  g_assert_cmpint (sum->expense.public_, ==, 149717000);
  g_assert_cmpint (sum->expense.project, ==, 0);
  ys_document_close (doc);
  ys_test_rm_rf (dir);
}

/* The command line: each sample into its own budget, totals from summary --json. */
static void
test_cli_samples (void)
{
  static const char *const books[] = {
    "yongqiao-lines-grouped.xlsx", "yongqiao-lines-combined.xls", "yongqiao-lines-gb18030.csv",
  };

  for (guint b = 0; b < G_N_ELEMENTS (books); b++)
    {
      g_autofree char *dir = ys_test_tmp_dir ();
      g_autofree char *path = sample_base (dir);
      g_autofree char *book = g_strconcat (SHEETS, books[b], NULL);
      g_autofree char *out = NULL, *err = NULL, *json = NULL, *err2 = NULL, *out3 = NULL, *err3 = NULL;

      g_assert_cmpint (ys_test_run_cli (&out3, &err3, "import-sheet", path, SHEETS "yongqiao-projects.xlsx",
                                        "--kind", "projects", NULL), ==, 0);
      g_assert_cmpint (ys_test_run_cli (&out, &err, "import-sheet", path, book, "--kind", "lines", NULL), ==, 0);
      g_test_message ("%s\n%s", out, err);
      g_assert_nonnull (strstr (out, "46 rows imported"));
      g_assert_cmpint (ys_test_run_cli (&json, &err2, "summary", path, "--json", NULL), ==, 0);
      g_assert_cmpint (ys_test_json_int (json, "expenditure_total"), ==, YQ_TOTAL);
      g_assert_cmpint (ys_test_json_int (json, "basic"), ==, YQ_BASIC);
      g_assert_cmpint (ys_test_json_int (json, "project"), ==, YQ_PROJECT);
      ys_test_rm_rf (dir);
    }
}

/* Refused while a row is bad (with BOOK:SHEET:ROW: 列 reasons), nothing
 * written; --skip-bad leaves it out; --dry-run and --json write nothing. */
static void
test_cli_refusal (void)
{
  g_autofree char *dir = ys_test_tmp_dir ();
  g_autofree char *path = sample_base (dir);
  g_autofree char *csv = g_build_filename (dir, "bad.csv", NULL);
  g_autofree char *out = NULL, *err = NULL, *json = NULL, *err2 = NULL;
  g_autofree char *out3 = NULL, *err3 = NULL, *out4 = NULL, *err4 = NULL, *sum = NULL, *err5 = NULL;
  const char *text = "功能科目,经济科目,支出类型,资金来源,金额\n"
                     "2010301,30101,人员经费,一般公共预算拨款,100\n"
                     "2010301,30102,人员经费,一般公共预算拨款,-5\n"
                     "合计,,,,95\n";

  g_assert_true (g_file_set_contents (csv, text, -1, NULL));
  g_assert_cmpint (ys_test_run_cli (&out, &err, "import-sheet", path, csv, "--kind", "lines", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "bad.csv:bad:3: E "));
  g_assert_cmpint (ys_test_run_cli (&json, &err2, "import-sheet", path, csv, "--json", NULL), ==, 1);
  g_assert_nonnull (strstr (json, "\"status\" : \"subtotal\""));
  g_assert_nonnull (strstr (json, "\"field\" : \"econ_code\""));
  g_assert_nonnull (strstr (json, "\"written\" : false"));
  g_assert_cmpint (ys_test_run_cli (&out3, &err3, "import-sheet", path, csv, "--skip-bad", "--dry-run", NULL), ==, 0);
  g_assert_cmpint (ys_test_run_cli (&sum, &err5, "summary", path, "--json", NULL), ==, 0);
  g_assert_cmpint (ys_test_json_int (sum, "expenditure_total"), ==, 0);
  g_assert_cmpint (ys_test_run_cli (&out4, &err4, "import-sheet", path, csv, "--skip-bad", "--unit", "万元", NULL), ==, 0);
  g_clear_pointer (&sum, g_free);
  g_assert_cmpint (ys_test_run_cli (&sum, &err5, "summary", path, "--json", NULL), ==, 0);
  g_assert_cmpint (ys_test_json_int (sum, "expenditure_total"), ==, 100000000);
  ys_test_rm_rf (dir);
}

int
main (int argc, char **argv)
{
  g_setenv ("LANGUAGE", "C", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  ys_core_init ();
  g_test_init (&argc, &argv, NULL);
#define ADD(name, fn) g_test_add ("/sheet-import/" name, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("grouped-header", test_grouped_header);
  ADD ("three-row-header", test_three_row_header);
  ADD ("synonyms", test_synonyms);
  ADD ("content-mapping", test_content_mapping);
  ADD ("split-and-names", test_split_and_names);
  ADD ("amounts", test_amounts);
  ADD ("unit-option", test_unit_option);
  ADD ("fix-and-undo", test_fix_and_undo);
  ADD ("cancel", test_cancel);
  ADD ("remembered-mapping", test_remembered_mapping);
  ADD ("paste-with-header", test_paste_with_header);
  ADD ("other-kinds", test_other_kinds);
  g_test_add_func ("/sheet-import/sample-workbooks", test_sample_workbooks);
  g_test_add_func ("/sheet-import/sample-names-only", test_sample_names_only);
  g_test_add_func ("/sheet-import/cli-samples", test_cli_samples);
  g_test_add_func ("/sheet-import/cli-refusal", test_cli_refusal);
  return g_test_run ();
}
