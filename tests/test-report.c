/* The official tables: builders on a small document made here, empty tables
 * and their notes, one unit alone, layout files with mistakes, sheet names,
 * and an export that fails without touching the file it was to replace. */
#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include "ys-report.h"
#include "ys-test-util.h"
#include "ys-xlsx-export.h"

typedef struct {
  char       *dir;
  YsDocument *doc;
} Fixture;

static void
line (YsDocument *doc, const char *unit, const char *func, const char *econ, const char *kind,
      const char *project, const char *source, const char *carry, const char *amount)
{
  ys_test_insert (doc, ys_test_record (&ys_line_kind, "unit_code", unit, "func_code", func, "econ_code", econ,
                                       "kind", kind, "project_code", project ? project : "", "source", source,
                                       "carry_over", carry ? carry : "否", "amount", amount, NULL));
}

/* 本级 (行政单位) and a 下属 事业单位: basic and project lines, a 政府性基金
 * line, a carried-over line, “三公” codes from 财政拨款 and from 事业收入. */
static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->dir = ys_test_tmp_dir ();
  f->doc = ys_test_new_document (f->dir, "national");

  ys_test_insert (f->doc, ys_test_record (&ys_unit_kind, "code", "103001", "name", "测试部门本级",
                                          "unit_type", "行政单位", "role", "本级", NULL));
  ys_test_insert (f->doc, ys_test_record (&ys_unit_kind, "code", "103002", "name", "测试中心",
                                          "unit_type", "事业单位", "role", "下属单位", NULL));
  ys_test_insert (f->doc, ys_test_record (&ys_project_kind, "code", "P1", "name", "信息化运维",
                                          "unit_code", "103001", "annual_local", "500000", "period_local", "1500000",
                                          "status", "延续", "period_goal", "三年目标", "annual_goal", "年度目标", NULL));
  ys_test_insert (f->doc, ys_test_record (&ys_project_kind, "code", "P2", "name", "结转工程",
                                          "unit_code", "103002", NULL));

  line (f->doc, "103001", "2010301", "30101", "人员经费", NULL, "一般公共预算拨款", NULL, "1000000.00");
  line (f->doc, "103001", "2010301", "30201", "公用经费", NULL, "一般公共预算拨款", NULL, "200000.00");
  line (f->doc, "103001", "2010301", "30217", "公用经费", NULL, "一般公共预算拨款", NULL, "10000.00");
  line (f->doc, "103001", "2010302", "30227", "项目支出", "P1", "一般公共预算拨款", NULL, "500000.00");
  line (f->doc, "103001", "2080505", "30108", "人员经费", NULL, "一般公共预算拨款", NULL, "120000.00");
  line (f->doc, "103002", "2010350", "30101", "人员经费", NULL, "一般公共预算拨款", NULL, "300000.00");
  line (f->doc, "103002", "2010350", "30231", "公用经费", NULL, "一般公共预算拨款", NULL, "20000.00");
  line (f->doc, "103002", "2010350", "30217", "公用经费", NULL, "事业收入", NULL, "7000.00");
  line (f->doc, "103002", "2120899", "31005", "项目支出", "P2", "政府性基金预算拨款", "是", "80000.00");

  ys_test_insert (f->doc, ys_test_record (&ys_income_kind, "unit_code", "103001", "source", "一般公共预算拨款",
                                          "sub_source", "经常收入拨款", "amount", "1830000.00", NULL));
  ys_test_insert (f->doc, ys_test_record (&ys_income_kind, "unit_code", "103002", "source", "一般公共预算拨款",
                                          "amount", "320000.00", NULL));
  ys_test_insert (f->doc, ys_test_record (&ys_income_kind, "unit_code", "103002", "source", "事业收入",
                                          "amount", "7000.00", NULL));
  ys_test_insert (f->doc, ys_test_record (&ys_income_kind, "unit_code", "103002", "source", "政府性基金预算拨款",
                                          "carry_over", "是", "amount", "80000.00", NULL));
  ys_test_insert (f->doc, ys_test_record (&ys_indicator_kind, "project_code", "P1", "goal_set", "年度", "seq", "1",
                                          "level1", "产出指标", "level2", "数量指标", "name", "运维系统数",
                                          "operator", "≥", "value", "4", "measure", "个", NULL));
  ys_test_insert (f->doc, ys_test_record (&ys_indicator_kind, "project_code", "P1", "goal_set", "实施期", "seq", "1",
                                          "level1", "产出指标", "level2", "数量指标", "name", "运维系统数",
                                          "operator", "≥", "value", "12", "measure", "个", NULL));
  ys_test_insert (f->doc, ys_test_record (&ys_indicator_kind, "project_code", "P1", "goal_set", "实施期", "seq", "2",
                                          "level1", "产出指标", "level2", "数量指标", "name", "培训人次",
                                          "operator", "≥", "value", "300", "measure", "人次", NULL));
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->doc);
  ys_test_rm_rf (f->dir);
  g_free (f->dir);
}

static GPtrArray *
build (Fixture *f, const char *layout_name, const char *unit)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsLayout) layout = ys_layout_load (layout_name, &error);
  GPtrArray *tables;

  g_assert_no_error (error);
  tables = ys_report_build (f->doc, layout, unit, &error);
  g_assert_no_error (error);
  return tables;
}

static YsReportTable *
table_by_id (GPtrArray *tables, const char *id)
{
  for (guint i = 0; i < tables->len; i++)
    if (g_str_equal (((YsReportTable *) g_ptr_array_index (tables, i))->id, id))
      return g_ptr_array_index (tables, i);
  g_error ("no table %s", id);
}

static YsReportRow *
row_by_key (YsReportTable *t, const char *key)
{
  for (guint i = 0; i < t->rows->len; i++)
    if (g_str_equal (((YsReportRow *) g_ptr_array_index (t->rows, i))->key, key))
      return g_ptr_array_index (t->rows, i);
  return NULL;
}

static guint
column_by_header (YsReportTable *t, const char *header)
{
  for (guint c = 0; c < t->n_cols; c++)
    if (g_str_equal (ys_report_table_column_header (t, c), header))
      return c;
  g_error ("no column %s in %s", header, t->title);
}

/* 分 in a cell, 0 for a blank one. */
static gint64
cell (YsReportTable *t, const char *row, const char *column)
{
  YsReportRow *r = row_by_key (t, row);

  g_assert_nonnull (r);
  return r->cells[column_by_header (t, column)].value;
}

static void
test_function_table (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) tables = build (f, "national", NULL);
  YsReportTable *t = table_by_id (tables, "general_public");
  YsReportRow *r;

  g_assert_false (t->empty);
  g_assert_cmpstr (t->title, ==, "2023年部门一般公共预算支出表");
  g_assert_cmpstr (t->name, ==, "部门一般公共预算支出表");
  /* The 政府性基金 and 事业收入 lines are not 一般公共预算. */
  g_assert_cmpint (cell (t, "合计", "合计"), ==, 215000000);
  g_assert_cmpint (cell (t, "合计", "基本支出"), ==, 165000000);
  g_assert_cmpint (cell (t, "合计", "项目支出"), ==, 50000000);
  g_assert_cmpint (cell (t, "201", "合计"), ==, 203000000);
  g_assert_cmpint (cell (t, "20103", "合计"), ==, 203000000);
  g_assert_cmpint (cell (t, "2010350", "合计"), ==, 32000000);
  g_assert_cmpint (cell (t, "208", "基本支出"), ==, 12000000);
  g_assert_null (row_by_key (t, "212"));
  /* Names come from the catalog, codes in order, the total first. */
  r = row_by_key (t, "2010301");
  g_assert_cmpstr (r->cells[1].text, ==, "行政运行");
  g_assert_cmpstr (((YsReportRow *) g_ptr_array_index (t->rows, 0))->key, ==, "合计");
  g_assert_cmpstr (((YsReportRow *) g_ptr_array_index (t->rows, 1))->key, ==, "201");
}

static void
test_economic_and_three_public (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) tables = build (f, "national", NULL);
  g_autoptr(GPtrArray) shanxi = build (f, "shanxi", NULL);
  YsReportTable *t = table_by_id (tables, "general_public_basic");
  YsReportTable *gov;

  g_assert_cmpint (cell (t, "合计", "人员经费"), ==, 142000000);
  g_assert_cmpint (cell (t, "合计", "公用经费"), ==, 23000000);
  g_assert_cmpint (cell (t, "301", "合计"), ==, 142000000);
  g_assert_cmpint (cell (t, "30101", "合计"), ==, 130000000);
  g_assert_null (row_by_key (t, "30227"));  /* project lines are not basic */

  /* 山西 splits a 部门 款 by the 政府 款 it maps to: 机关 and 事业 differ. */
  gov = table_by_id (shanxi, "general_public_basic");
  g_assert_nonnull (row_by_key (gov, "30101/50101"));
  g_assert_nonnull (row_by_key (gov, "30101/50501"));
  g_assert_cmpint (cell (gov, "30101/50101", "合计"), ==, 100000000);
  g_assert_cmpint (cell (gov, "30101/50501", "合计"), ==, 30000000);
  g_assert_cmpstr (row_by_key (gov, "30101/50501")->cells[1].text, ==, "工资福利支出");

  /* “三公” from its economic codes, 财政拨款 only (the 事业收入 30217 is not). */
  t = table_by_id (shanxi, "three_public");
  g_assert_cmpint (cell (t, "公务接待费", "合计"), ==, 1000000);
  g_assert_cmpint (cell (t, "②公务用车运行维护费", "合计"), ==, 2000000);
  g_assert_cmpint (cell (t, "合计", "合计"), ==, 3000000);

  /* 机关运行经费: 公用经费 of the 行政单位 only. */
  t = table_by_id (shanxi, "agency_cost");
  g_assert_cmpint (cell (t, "部门合计", "合计"), ==, 21000000);
  g_assert_nonnull (row_by_key (t, "103001"));
  g_assert_null (row_by_key (t, "103002"));
}

static void
test_balance (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) tables = build (f, "national", NULL);
  YsReportTable *t = table_by_id (tables, "balance");

  /* Every 功能分类 类 is printed, with or without figures, then 3 total rows. */
  g_assert_cmpuint (t->rows->len, ==, 30 + 3);
  g_assert_nonnull (row_by_key (t, "|三十、抗疫特别国债安排的支出"));
  g_assert_cmpint (cell (t, "一、一般公共预算拨款收入|一、一般公共服务支出", "预算数"), ==, 215000000);
  /* Income left, expenditure right: 收入总计 counts the carried-over fund money. */
  {
    YsReportRow *r = g_ptr_array_index (t->rows, t->rows->len - 1);
    g_assert_cmpstr (r->key, ==, "收入总计|支出总计");
    g_assert_cmpint (r->cells[1].value, ==, 223700000);
    g_assert_cmpint (r->cells[3].value, ==, 223700000);
    r = g_ptr_array_index (t->rows, t->rows->len - 2);
    g_assert_cmpint (r->cells[1].value, ==, 8000000);  /* 上年结转结余 */
  }
  t = table_by_id (tables, "projects");
  g_assert_cmpint (cell (t, "P1", "合计"), ==, 50000000);
  g_assert_cmpint (cell (t, "P2", "上年结转"), ==, 8000000);
  g_assert_cmpint (cell (t, "合计", "合计"), ==, 58000000);
}

static void
test_empty_tables (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) tables = build (f, "anhui", NULL);
  g_autoptr(GPtrArray) hebei = build (f, "hebei", NULL);
  YsReportTable *t = table_by_id (tables, "state_capital");

  g_assert_true (t->empty);
  g_assert_cmpuint (t->rows->len, ==, 0);
  g_assert_cmpuint (t->notes->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (t->notes, 0), ==,
                   "注:测试部门没有国有资本经营预算拨款收入，也没有国有资本经营预算拨款安排的支出，故本表无数据。");
  t = table_by_id (tables, "services");
  g_assert_true (t->empty);
  g_assert_nonnull (strstr (g_ptr_array_index (t->notes, 0), "测试部门没有安排政府购买服务支出"));
  /* A table with figures has no empty note. */
  t = table_by_id (tables, "general_public");
  g_assert_false (t->empty);
  g_assert_cmpuint (t->notes->len, ==, 0);
  /* 河北 prints one blank row and 空表列示. */
  t = table_by_id (hebei, "state_capital");
  g_assert_true (t->empty);
  g_assert_cmpuint (t->rows->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (t->notes, 0), "空表列示"));
}

static void
test_unit_filter (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) tables = build (f, "national", "103002");
  g_autoptr(GError) error = NULL;
  g_autoptr(YsLayout) layout = ys_layout_load ("national", NULL);
  YsReportTable *t = table_by_id (tables, "expenditure");
  GPtrArray *none;

  g_assert_cmpint (cell (t, "合计", "合计"), ==, 40700000);
  g_assert_null (row_by_key (t, "2010301"));
  g_assert_nonnull (strstr (((YsCaption *) g_ptr_array_index (t->captions, 0))->left, "测试中心"));
  t = table_by_id (tables, "projects");
  g_assert_null (row_by_key (t, "P1"));
  /* One form per project of the unit. */
  for (guint i = 0; i < tables->len; i++)
    g_assert_false (g_str_equal (((YsReportTable *) g_ptr_array_index (tables, i))->id, "performance:P1"));

  none = ys_report_build (f->doc, layout, "999", &error);
  g_assert_null (none);
  g_assert_error (error, YS_REPORT_ERROR, YS_REPORT_ERROR_NO_UNIT);
  g_assert_nonnull (strstr (error->message, "999"));
}

static void
test_performance_form (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) tables = build (f, "anhui", NULL);
  YsReportTable *t = table_by_id (tables, "performance:P1");
  gboolean found_side_by_side = FALSE;

  g_assert_true (t->form);
  g_assert_cmpstr (t->title, ==, "信息化运维支出绩效目标申报表");
  g_assert_cmpstr (t->subtitle, ==, "（2023年度）");
  for (guint r = 0; r < t->rows->len; r++)
    {
      YsReportRow *row = g_ptr_array_index (t->rows, r);
      /* 实施期 beside 年度, in one row of the (产出指标, 数量指标) group. */
      if (g_strcmp0 (row->cells[3].text, "运维系统数") == 0)
        {
          g_assert_cmpstr (row->cells[4].text, ==, "≥12个");
          g_assert_cmpstr (row->cells[7].text, ==, "运维系统数");
          g_assert_cmpstr (row->cells[8].text, ==, "≥4个");
          found_side_by_side = TRUE;
        }
      if (g_strcmp0 (row->cells[2].text, "中期资金总额：") == 0)
        g_assert_cmpint (row->cells[4].value, ==, 150000000);
      if (g_strcmp0 (row->cells[2].text, "项目属性") == 0 || g_strcmp0 (row->cells[0].text, "项目属性") == 0)
        g_assert_nonnull (strstr (row->cells[2].text, "☑延续项目"));
    }
  g_assert_true (found_side_by_side);
  /* The project without indicators still gets its form. */
  table_by_id (tables, "performance:P2");
}

static void
test_money_value (void)
{
  /* The cell holds the printed figure: rounded half up from integer 分. */
  g_assert_cmpfloat (ys_report_money_value (1623347000, YS_MONEY_WAN), ==, 1623.35);
  g_assert_cmpfloat (ys_report_money_value (5000, YS_MONEY_WAN), ==, 0.01);
  g_assert_cmpfloat (ys_report_money_value (4999, YS_MONEY_WAN), ==, 0.0);
  g_assert_cmpfloat (ys_report_money_value (-5000, YS_MONEY_WAN), ==, -0.01);
  g_assert_cmpfloat (ys_report_money_value (123456, YS_MONEY_YUAN), ==, 1234.56);
}

static void
test_json (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsLayout) layout = ys_layout_load ("hebei", &error);
  g_autoptr(GPtrArray) tables = ys_report_build (f->doc, layout, NULL, &error);
  g_autofree char *text = ys_report_tables_to_json (f->doc, layout, NULL, tables);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root, *first;
  JsonArray *rows;

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "money"), ==, "分");
  first = json_array_get_object_element (json_object_get_array_member (root, "tables"), 0);
  g_assert_cmpstr (json_object_get_string_member (first, "id"), ==, "balance");
  rows = json_object_get_array_member (first, "rows");
  /* 序号 1, 一、一般公共预算拨款收入, 215 万元 in 分 */
  g_assert_cmpint (json_array_get_int_element (json_object_get_array_member (json_array_get_object_element (rows, 0), "cells"), 2),
                   ==, 215000000);
}

/* ---- layouts ---- */

static void
assert_layout_error (const char *json, const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsLayout) layout = ys_layout_load_data (json, -1, "broken.json", &error);

  g_assert_null (layout);
  g_assert_nonnull (error);
  if (!g_str_has_prefix (error->message, "broken.json") || strstr (error->message, expected) == NULL)
    g_error ("“%s” does not name the file and “%s”", error->message, expected);
}

#define TABLE(body) "{\"id\": \"x\", \"name\": \"x\", \"tables\": [{\"id\": \"t\", \"sheet\": \"s\", \"title\": \"t\", " body "}]}"

static void
test_layout_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsLayout) missing = NULL;

  assert_layout_error ("{\"id\": ", "broken.json");
  assert_layout_error ("[]", "one JSON object");
  assert_layout_error ("{\"id\": \"x\", \"name\": \"x\"}", "“tables” is required");
  assert_layout_error ("{\"id\": \"x\", \"name\": \"x\", \"tabels\": []}", "unknown key “tabels”");
  assert_layout_error (TABLE ("\"builder\": \"pie\", \"columns\": [\"code\"], \"header\": [[\"a\"]]"),
                       "tables[0] (t): unknown builder “pie”");
  assert_layout_error (TABLE ("\"builder\": \"function\", \"columns\": [{\"measure\": \"total\", \"filter\": {\"source\": \"一般预算\"}}], \"header\": [[\"a\"]]"),
                       "columns[0].filter: unknown fund source “一般预算”");
  assert_layout_error (TABLE ("\"builder\": \"function\", \"columns\": [\"code\", \"name\"], \"header\": [[\"a\"]]"),
                       "header[0]: the cells cover fewer than the 2 columns");
  assert_layout_error (TABLE ("\"builder\": \"function\", \"columns\": [\"code\"], \"header\": [[{\"text\": \"a\", \"span\": 2}]]"),
                       "cover more than the 1 columns");
  assert_layout_error (TABLE ("\"builder\": \"function\", \"columns\": [\"label\"], \"header\": [[\"a\"]]"),
                       "a “function” table cannot show “label”");
  assert_layout_error (TABLE ("\"builder\": \"function\", \"columns\": [{\"measure\": \"sum\"}], \"header\": [[\"a\"]]"),
                       "unknown measure “sum”");
  assert_layout_error (TABLE ("\"builder\": \"econ_rows\", \"columns\": [\"label\"], \"header\": [[\"a\"]]"),
                       "“rows” is required");

  missing = ys_layout_load ("/nonexistent/layout.json", &error);
  g_assert_null (missing);
  g_assert_error (error, YS_LAYOUT_ERROR, YS_LAYOUT_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "/nonexistent/layout.json"));
  g_clear_error (&error);
  missing = ys_layout_load ("atlantis", &error);
  g_assert_null (missing);
  g_assert_nonnull (strstr (error->message, "atlantis"));
  g_assert_nonnull (strstr (error->message, "anhui"));
}

static void
test_bundled_layouts (Fixture *f, gconstpointer data)
{
  const char *const *names = ys_layout_bundled_names ();

  for (guint i = 0; names[i]; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(YsLayout) layout = ys_layout_load (names[i], &error);
      g_autoptr(GPtrArray) tables = NULL;
      g_autofree char *out = g_strdup_printf ("%s/%s.xlsx", f->dir, names[i]);

      g_assert_no_error (error);
      g_assert_cmpstr (layout->id, ==, names[i]);
      tables = ys_report_build (f->doc, layout, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (tables->len, >, 5);
      g_assert_true (ys_report_export_xlsx (f->doc, layout, NULL, out, NULL, NULL, &error));
      g_assert_no_error (error);
    }
}

/* ---- xlsx ---- */

static void
test_sheet_names (void)
{
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *a = ys_xlsx_sheet_name ("表1 财政拨款收支总表", used);
  g_autofree char *b = ys_xlsx_sheet_name ("表1 财政拨款收支总表", used);
  g_autofree char *c = ys_xlsx_sheet_name ("绩效1 区政府信息中心及政府网站、电子政务系统等运行维护保障费", used);
  g_autofree char *d = ys_xlsx_sheet_name ("a[b]:c*d?e/f\\g", used);
  g_autofree char *e = ys_xlsx_sheet_name ("'quoted'", used);
  g_autofree char *f1 = ys_xlsx_sheet_name ("Sheet", used);
  g_autofree char *f2 = ys_xlsx_sheet_name ("SHEET", used);
  g_autofree char *g = ys_xlsx_sheet_name ("", used);
  g_autofree char *h1 = ys_xlsx_sheet_name ("一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三", used);
  g_autofree char *h2 = ys_xlsx_sheet_name ("一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三", used);

  g_assert_cmpstr (a, ==, "表1 财政拨款收支总表");
  g_assert_cmpstr (b, ==, "表1 财政拨款收支总表(2)");
  g_assert_cmpint (g_utf8_strlen (c, -1), ==, 31);
  g_assert_true (g_str_has_prefix (c, "绩效1 区政府信息中心"));
  g_assert_cmpstr (d, ==, "a b  c d e f g");
  g_assert_cmpstr (e, ==, "quoted");
  g_assert_cmpstr (f1, ==, "Sheet");
  g_assert_cmpstr (f2, ==, "SHEET(2)");
  g_assert_cmpstr (g, ==, "Sheet(3)");
  g_assert_cmpint (g_utf8_strlen (h1, -1), ==, 31);
  g_assert_cmpint (g_utf8_strlen (h2, -1), ==, 31);
  g_assert_true (g_str_has_suffix (h2, "(2)"));
  g_assert_cmpstr (h1, !=, h2);
}

static gboolean
failing_sheet (YsXlsxExport *e, lxw_worksheet *sheet, gpointer data, GError **error)
{
  worksheet_write_string (sheet, 0, 0, "审核结果", ys_xlsx_export_get_format (e, YS_XLSX_STYLE_HEADER));
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "the review sheet failed");
  return FALSE;
}

static gboolean
extra_sheet (YsXlsxExport *e, lxw_worksheet *sheet, gpointer data, GError **error)
{
  return worksheet_write_string (sheet, 0, 0, data, ys_xlsx_export_get_format (e, YS_XLSX_STYLE_TEXT)) == LXW_NO_ERROR;
}

static void
on_progress (double fraction, const char *title, gpointer data)
{
  GPtrArray *seen = data;
  g_ptr_array_add (seen, g_strdup_printf ("%.2f %s", fraction, title ? title : "-"));
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (d))
    n++;
  return n;
}

static void
test_atomic_export (Fixture *f, gconstpointer data)
{
  g_autofree char *out_dir = g_build_filename (f->dir, "out", NULL);
  g_autofree char *path = g_build_filename (out_dir, "tables.xlsx", NULL);
  g_autofree char *digest = NULL, *after = NULL, *contents = NULL;
  g_autoptr(GPtrArray) tables = build (f, "anhui", NULL);
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  g_mkdir (out_dir, 0700);
  g_file_set_contents (path, "a good workbook", -1, &error);
  g_assert_no_error (error);
  digest = ys_test_file_digest (path);

  {
    g_autoptr(YsXlsxExport) e = ys_xlsx_export_new ();
    for (guint i = 0; i < tables->len; i++)
      ys_xlsx_export_add_table (e, g_ptr_array_index (tables, i));
    ys_xlsx_export_add_sheet (e, "审核结果", failing_sheet, NULL, NULL);
    g_assert_false (ys_xlsx_export_write (e, path, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
    g_clear_error (&error);
  }
  /* The good file is untouched and no temporary file is left beside it. */
  after = ys_test_file_digest (path);
  g_assert_cmpstr (after, ==, digest);
  g_assert_cmpuint (count_files (out_dir), ==, 1);

  {
    g_autoptr(YsXlsxExport) e = ys_xlsx_export_new ();
    ys_xlsx_export_set_progress (e, on_progress, seen);
    ys_xlsx_export_add_table (e, g_ptr_array_index (tables, 0));
    ys_xlsx_export_add_sheet (e, "审核结果", extra_sheet, g_strdup ("无问题"), g_free);
    g_assert_true (ys_xlsx_export_write (e, path, &error));
    g_assert_no_error (error);
  }
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (length > 4 && memcmp (contents, "PK", 2) == 0);
  g_assert_cmpuint (count_files (out_dir), ==, 1);
  /* Progress names each sheet, then ends at 1. */
  g_assert_cmpuint (seen->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (seen, 0), ==, "0.00 2023年部门财政拨款收支预算总表");
  g_assert_cmpstr (g_ptr_array_index (seen, 1), ==, "0.33 审核结果");
  g_assert_cmpstr (g_ptr_array_index (seen, 3), ==, "1.00 -");

  /* A directory that does not exist: an error, nothing written. */
  {
    g_autofree char *bad = g_build_filename (f->dir, "missing", "tables.xlsx", NULL);
    g_autoptr(GError) local = NULL;
    g_autoptr(YsLayout) layout = ys_layout_load ("anhui", NULL);
    g_assert_false (ys_report_export_xlsx (f->doc, layout, NULL, bad, NULL, NULL, &local));
    g_assert_nonnull (local);
  }
}

/* ---- the command line ---- */


static void
test_cli (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_strdup (ys_document_get_path (f->doc));
  g_autofree char *xlsx = g_build_filename (f->dir, "cli.xlsx", NULL);
  g_autofree char *layout = g_build_filename (f->dir, "bad.json", NULL);
  char *out = NULL, *err = NULL;

  /* A document open here is in use: the command line must have it to itself. */
  ys_document_close (f->doc);
  g_assert_cmpint (ys_test_run_cli (&out, &err, "tables", "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "--layout"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (ys_test_run_cli (&out, &err, "export", "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "--unit"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (ys_test_run_cli (&out, &err, "tables", path, "--json", "--layout", "shanxi", "--unit", "103001", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "\"money\" : \"分\""));
  g_assert_nonnull (strstr (out, "预算收支总表"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* The fixture has 错误 findings on purpose: only --allow-errors writes its tables. */
  g_assert_cmpint (ys_test_run_cli (&out, &err, "export", path, "-o", xlsx, "--allow-errors", NULL), ==, 0);
  g_assert_true (g_file_test (xlsx, G_FILE_TEST_IS_REGULAR));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (ys_test_run_cli (&out, &err, "export", path, NULL), ==, 2);
  g_assert_nonnull (strstr (err, "-o"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_file_set_contents (layout, "{\"id\": \"x\"", -1, NULL);
  g_assert_cmpint (ys_test_run_cli (&out, &err, "export", path, "-o", xlsx, "--allow-errors", "--layout", layout, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "bad.json"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (ys_test_run_cli (&out, &err, "tables", path, "--unit", "999", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "999"));
  g_free (out);
  g_free (err);
}

int
main (int argc, char **argv)
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/report/function", test_function_table);
  ADD ("/report/economic", test_economic_and_three_public);
  ADD ("/report/balance", test_balance);
  ADD ("/report/empty", test_empty_tables);
  ADD ("/report/unit", test_unit_filter);
  ADD ("/report/form", test_performance_form);
  ADD ("/report/json", test_json);
  ADD ("/report/bundled-layouts", test_bundled_layouts);
  ADD ("/report/atomic-export", test_atomic_export);
  ADD ("/report/cli", test_cli);
  g_test_add_func ("/report/money-value", test_money_value);
  g_test_add_func ("/report/layout-errors", test_layout_errors);
  g_test_add_func ("/report/sheet-names", test_sheet_names);
  return g_test_run ();
}
