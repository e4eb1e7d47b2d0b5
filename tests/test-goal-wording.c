/* Indicator values as reviewers judge them: the wording lexicon
 * (resources/rules/goal-wording.json) and each of its classes on values
 * quoted from the seeds' own indicators (../shared/seeds, as the samples'
 * indicators.csv hold them); a figure without an operator; 无; cost
 * indicators not in money; operators written any way, stored normalised and
 * printed on the exported form. */
#include "config.h"

#include <string.h>

#include "ys-goal-wording.h"
#include "ys-interchange.h"
#include "ys-report.h"
#include "ys-rule.h"
#include "ys-test-util.h"
#include "ys-validator.h"

typedef struct {
  char        *dir;
  YsDocument  *doc;
  YsRecord    *project;
} Fixture;

static void
setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GHashTable) meta = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  f->dir = ys_test_tmp_dir ();
  path = g_build_filename (f->dir, "goals.yusuan", NULL);
  g_hash_table_insert (meta, "dept_code", "434");
  g_hash_table_insert (meta, "dept_name", "测试部门");
  g_hash_table_insert (meta, "year", "2023");
  g_hash_table_insert (meta, "region", "anhui");
  f->doc = ys_document_create (path, meta, &error);
  g_assert_no_error (error);
  ys_test_insert (f->doc, ys_test_record (&ys_unit_kind, "code", "434001", "name", "测试单位", "unit_type", "行政单位",
                                          "role", "本级", NULL));
  f->project = ys_test_record (&ys_project_kind, "code", "P1", "name", "办公设备购置", "unit_code", "434001",
                               "status", "新增", "period", "2023年", "executor", "测试单位",
                               "annual_local", "93000.00", "annual_goal", "购置办公设备。", NULL);
  g_object_ref (f->project);
  ys_test_insert (f->doc, f->project);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->project);
  g_clear_object (&f->doc);
  ys_test_rm_rf (f->dir);
  g_free (f->dir);
}

static YsRecord *
indicator (Fixture *f, const char *l1, const char *l2, const char *name, const char *op, const char *value,
           const char *measure)
{
  static int seq;
  g_autofree char *s = g_strdup_printf ("%d", ++seq);
  YsRecord *r = ys_test_record (&ys_indicator_kind, "project_code", "P1", "goal_set", "年度", "seq", s,
                                "level1", l1, "level2", l2, "name", name, "operator", op, "value", value,
                                "measure", measure, NULL);

  g_object_ref (r);
  ys_test_insert (f->doc, r);
  return r;
}

/* The finding of @rule on @record, or NULL. */
static YsFinding *
finding_on (YsValidator *v, const char *rule, YsRecord *record)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (v));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(YsFinding) finding = g_list_model_get_item (G_LIST_MODEL (v), i);
      if (g_str_equal (ys_finding_get_rule_id (finding), rule)
          && ys_finding_get_record_id (finding) == ys_record_get_id (record))
        return finding;   /* the validator keeps it alive */
    }
  return NULL;
}

static void
assert_level (YsValidator *v, const char *rule, YsRecord *record, int level)
{
  YsFinding *finding = finding_on (v, rule, record);

  if (level < 0)
    {
      if (finding)
        g_test_message ("unexpected: %s", ys_finding_get_message (finding));
      g_assert_null (finding);
      return;
    }
  if (finding == NULL)
    g_test_message ("no %s finding on %s", rule, ys_record_get_text (record, YS_INDICATOR_VALUE));
  g_assert_nonnull (finding);
  g_assert_cmpint (ys_finding_get_level (finding), ==, level);
}

/* ---- the lexicon ---- */

/* Every entry reads, and its own example falls in its own class: a pattern
 * that an earlier entry shadows, or that does not match its example, fails. */
static void
test_lexicon_examples (void)
{
  guint n = ys_goal_wording_count ();
  g_autoptr(GHashTable) classes = g_hash_table_new (g_str_hash, g_str_equal);
  static const char *const expected[] = {
    "not_applicable", "none", "comparative", "direction", "degree", "slogan", "measure", NULL
  };

  g_assert_cmpuint (n, >=, 10);
  for (guint i = 0; i < n; i++)
    {
      const YsGoalWording *w = ys_goal_wording_get (i);
      const YsGoalWording *found;

      if (w->on_measure)
        found = ys_goal_wording_match ("1", w->example, NULL);
      else
        found = ys_goal_wording_match (w->example, NULL, NULL);
      g_assert_nonnull (found);
      g_assert_cmpstr (found->klass, ==, w->klass);
      g_assert_cmpstr (found->label, !=, "");
      g_hash_table_add (classes, (gpointer) w->klass);
    }
  for (guint i = 0; expected[i]; i++)
    g_assert_true (g_hash_table_contains (classes, expected[i]));
}

typedef struct {
  const char *value;
  const char *measure;
  const char *klass;   /* NULL: measurable, nothing matches */
  const char *source;  /* where the seed prints it */
} Wording;

/* Values as the seeds print them (000 相山, 001 埇桥, 002 山海关, 004 晋城). */
static const Wording seed_values[] = {
  /* comparative: 较+adjective, whatever the adjective */
  { "影响程度较高", "", "comparative", "001 区政府办公室 可持续影响指标 指标 2" },
  { "较大", "", "comparative", "004 (较大 in the 项目概况, as a value)" },
  { "较为满意", "", "comparative", "pattern: 较 + any adjective" },
  /* bare directions */
  { "提升", "", "direction", "004 P01 提升晋城品牌影响力" },
  { "提高", "", "direction", "004 P01 提高政策的普及率" },
  { "推进", "", "direction", "004 P02 专项工作推进程度" },
  { "促进", "", "direction", "004 P03 促进低碳房屋改造" },
  { "有所提升", "", "direction", "002 P03 服务区政府各项决策部署" },
  { "环境明显提升", "", "direction", "002 P05 社会效益显著" },
  { "显著提高", "", "direction", "001 社会效益指标 指标 4" },
  /* degree */
  { "成效明显", "", "degree", "001 社会效益指标 指标 5" },
  /* slogans and process words */
  { "保障有力", "", "slogan", "002 P01 业务保障能力" },
  { "按要求购置", "", "slogan", "002 P02 专业设备购置数量" },
  { "按需求完成", "", "slogan", "002 P03 设备维护次数" },
  { "按要求数量", "", "slogan", "002 P09 网站公开信息数量" },
  { "持续影响", "", "slogan", "002 P05 影响程度" },
  { "有利于", "", "slogan", "001 可持续影响指标 指标 1" },
  { "保障", "", "slogan", "004 P05 工作正常运转或专项业务保障度" },
  /* a wrong measure word */
  { "1", "各", "measure", "002 P05 完成点位搬迁 =1各" },
  { "1各", "", "measure", "002 P05, value and measure in one cell" },
  /* 无 and not applicable */
  { "无", "", "none", "a value written 无 (004 prints 无 for empty sections)" },
  { "此项不适用", "", "not_applicable", "forms-anhui-2025.md: a 二级 with nothing to measure" },
  { "不适用", "", "not_applicable", "" },
  /* measurable: left alone */
  { "95", "%", NULL, "000 网络安全保障有效性 95%" },
  { "提高到95%", "", NULL, "a direction with its figure" },
  { "及时", "", NULL, "004 调研工作及时性" },
  { "2023年底前", "", NULL, "001 服务时间" },
  { "较上年增长5%", "", NULL, "较 with a figure" },
  { "220", "万元", NULL, "000 工作经费 220万元" },
};

static void
test_seed_values (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (seed_values); i++)
    {
      const Wording *w = &seed_values[i];
      const YsGoalWording *found = ys_goal_wording_match (w->value, w->measure, NULL);

      g_test_message ("%s %s (%s)", w->value, w->measure, w->source);
      if (w->klass == NULL)
        g_assert_null (found);
      else
        {
          g_assert_nonnull (found);
          g_assert_cmpstr (found->klass, ==, w->klass);
        }
    }
}

/* ---- the rules on those values ---- */

static void
test_levels (Fixture *f, gconstpointer data)
{
  g_autoptr(YsRecord) comparative = indicator (f, "效益指标", "可持续影响指标", "对提升网上正面宣传报道的影响程度", "定性",
                                               "影响程度较高", "");
  g_autoptr(YsRecord) direction = indicator (f, "效益指标", "社会效益指标", "提升晋城品牌影响力", "定性", "提升", "");
  g_autoptr(YsRecord) slogan = indicator (f, "效益指标", "经济效益指标", "业务保障能力", "定性", "保障有力", "");
  g_autoptr(YsRecord) measure = indicator (f, "产出指标", "数量指标", "完成点位搬迁", "=", "1", "各");
  g_autoptr(YsRecord) none = indicator (f, "效益指标", "生态效益指标", "生态保护平衡", "", "无", "");
  g_autoptr(YsRecord) na = indicator (f, "效益指标", "生态效益指标", "生态保护平衡", "定性", "此项不适用", "");
  /* 000 prints the 中期 figures without an operator: 95%, 220万元. */
  g_autoptr(YsRecord) bare_rate = indicator (f, "产出指标", "质量指标", "网络安全保障有效性", "", "95", "%");
  g_autoptr(YsRecord) bare_cost = indicator (f, "产出指标", "成本指标", "工作经费", "", "9.3", "万元");
  g_autoptr(YsRecord) bare_word = indicator (f, "产出指标", "时效指标", "调研工作及时性", "", "及时", "");
  /* A cost given as a rate, and a money cost above the funds (9.30万元). */
  g_autoptr(YsRecord) cost_rate = indicator (f, "产出指标", "成本指标", "预算执行率", "≤", "100", "%");
  g_autoptr(YsRecord) cost_high = indicator (f, "产出指标", "成本指标", "办公设备购置费用", "≤", "12", "万元");
  g_autoptr(YsRecord) cost_per_head = indicator (f, "产出指标", "成本指标", "人均培训成本", "≤", "500", "元/人");
  g_autoptr(YsValidator) v = ys_validator_new (f->doc);
  YsFinding *finding;

  assert_level (v, "R18", comparative, YS_FINDING_WARNING);
  assert_level (v, "R18", direction, YS_FINDING_WARNING);
  assert_level (v, "R18", slogan, YS_FINDING_WARNING);
  assert_level (v, "R18", measure, YS_FINDING_WARNING);
  finding = finding_on (v, "R18", measure);
  g_assert_nonnull (strstr (ys_finding_get_message (finding), "个"));

  /* 无 is wording to fix, not a blank: 警告, and no 错误 from R17 or R16. */
  assert_level (v, "R18", none, YS_FINDING_WARNING);
  assert_level (v, "R17", none, -1);
  assert_level (v, "R16", none, -1);
  /* Saying it does not apply is allowed: 提示 at most. */
  assert_level (v, "R18", na, YS_FINDING_INFO);
  assert_level (v, "R16", na, -1);
  assert_level (v, "R17", na, -1);

  /* A figure without an operator: 警告 naming the likely operator. */
  assert_level (v, "R16", bare_rate, YS_FINDING_WARNING);
  g_assert_nonnull (strstr (ys_finding_get_message (finding_on (v, "R16", bare_rate)), "“≥”"));
  assert_level (v, "R16", bare_cost, YS_FINDING_WARNING);
  g_assert_nonnull (strstr (ys_finding_get_message (finding_on (v, "R16", bare_cost)), "“≤”"));
  g_assert_true (g_str_has_prefix (ys_finding_get_hint (finding_on (v, "R16", bare_cost)), "Most likely ≤"));
  g_assert_true (g_str_has_prefix (ys_finding_get_hint (finding_on (v, "R16", bare_rate)), "Most likely ≥"));
  assert_level (v, "R16", bare_word, YS_FINDING_INFO);

  assert_level (v, "R42", cost_rate, YS_FINDING_WARNING);
  g_assert_nonnull (strstr (ys_finding_get_hint (finding_on (v, "R42", cost_rate)), "万元"));
  assert_level (v, "R42", cost_high, -1);
  assert_level (v, "R42", cost_per_head, -1);
  assert_level (v, "R19", cost_high, YS_FINDING_WARNING);
  /* The cost printed without its operator is still held to the funds. */
  assert_level (v, "R19", bare_cost, -1);
  assert_level (v, "R42", bare_cost, -1);
}

/* The 安徽 annual-only form (2025) prints no 新增/延续: not asked for. */
static void
test_required_by_form (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsValidator) v = NULL;

  ys_document_set_text (f->doc, f->project, YS_PROJECT_STATUS, "", &error);
  g_assert_no_error (error);
  v = ys_validator_new (f->doc);
  assert_level (v, "R38", f->project, YS_FINDING_WARNING);
  ys_document_set_meta (f->doc, "year", "2025", &error);
  g_assert_no_error (error);
  assert_level (v, "R38", f->project, -1);
}

/* ---- operators ---- */

static void
test_operator_spellings (void)
{
  static const char *const cases[][2] = {
    { "≧", "≥" }, { "≦", "≤" }, { "＝", "=" }, { "＞", ">" }, { "＜", "<" }, { "≥", "≥" }, { "≤", "≤" },
    { ">=", "≥" }, { "<=", "≤" }, { "＞＝", "≥" }, { "不低于", "≥" }, { "不少于", "≥" }, { "不高于", "≤" },
    { "不超过", "≤" }, { "大于", ">" }, { "小于", "<" }, { "等于", "=" }, { " 不低于 ", "≥" }, { "定性", "定性" },
  };
  int op = ys_kind_find_field (&ys_indicator_kind, "operator");

  g_assert_cmpint (op, >=, 0);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      YsValue value = { 0 };

      g_assert_true (ys_field_parse (&ys_indicator_kind.fields[op], cases[i][0], &value, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (value.s, ==, cases[i][1]);
      ys_value_clear (&ys_indicator_kind.fields[op], &value);
    }
  {
    g_autoptr(GError) error = NULL;
    YsValue value = { 0 };

    g_assert_false (ys_field_parse (&ys_indicator_kind.fields[op], "约", &value, &error));
    g_assert_error (error, YS_FIELD_ERROR, YS_FIELD_ERROR_INVALID);
  }
}

/* An interchange directory under the fixture's with a document.csv and
 * @indicators as indicators.csv (rewritten when called again). */
static char *
indicators_dir (Fixture *f, const char *name, const char *indicators)
{
  char *dir = g_build_filename (f->dir, name, NULL);
  g_autofree char *csv = g_build_filename (dir, "indicators.csv", NULL);
  g_autofree char *doc_csv = g_build_filename (dir, "document.csv", NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_assert_true (g_file_set_contents (doc_csv, "key,value\n", -1, NULL));
  g_assert_true (g_file_set_contents (csv, indicators, -1, NULL));
  return dir;
}

/* On import the operators are stored normalised; the exported form prints
 * every one of them, = included (=365天 once printed as 365天). */
static void
test_operators_import_and_export (Fixture *f, gconstpointer data)
{
  g_autofree char *dir = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(YsLayout) layout = NULL;
  g_autoptr(GPtrArray) tables = NULL;
  YsReportTable *form = NULL;
  static const char *const printed[] = { "≥50次", "≤100%", "=365天", "≤9.3万元", "及时" };
  guint seen = 0;

  dir = indicators_dir (f, "in",
    "project_code,goal_set,seq,level1,level2,name,operator,value,measure\n"
    "P1,年度,1,产出指标,数量指标,宣传次数,不低于,50,次\n"
    "P1,年度,2,产出指标,质量指标,预算执行率,≦,100,%\n"
    "P1,年度,3,产出指标,时效指标,运行天数,＝,365,天\n"
    "P1,年度,4,产出指标,成本指标,项目成本,不超过,9.3,万元\n"
    "P1,年度,5,产出指标,时效指标,调研工作及时性,定性,及时,\n");
  g_assert_true (ys_interchange_import (f->doc, dir, problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  for (guint i = 0; i < ys_document_count (f->doc, &ys_indicator_kind); i++)
    {
      YsRecord *r = ys_document_get (f->doc, &ys_indicator_kind, i);
      const char *op = ys_record_get_text (r, YS_INDICATOR_OPERATOR);
      g_assert_true (g_str_equal (op, "≥") || g_str_equal (op, "≤") || g_str_equal (op, "=")
                     || g_str_equal (op, "定性"));
    }

  layout = ys_layout_load ("anhui", &error);
  g_assert_no_error (error);
  tables = ys_report_build (f->doc, layout, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < tables->len; i++)
    if (g_str_equal (((YsReportTable *) g_ptr_array_index (tables, i))->id, "performance:P1"))
      form = g_ptr_array_index (tables, i);
  g_assert_nonnull (form);
  for (guint r = 0; r < form->rows->len; r++)
    {
      YsReportRow *row = g_ptr_array_index (form->rows, r);
      for (guint c = 0; c < form->n_cols; c++)
        for (guint k = 0; k < G_N_ELEMENTS (printed); k++)
          if (g_strcmp0 (row->cells[c].text, printed[k]) == 0)
            seen |= 1u << k;
    }
  g_assert_cmpuint (seen, ==, (1u << G_N_ELEMENTS (printed)) - 1);
}

/* ---- a value written with its operator ---- */

static void
test_split_value (void)
{
  static const char *const cases[][4] = {
    { "≥95%", "≥", "95", "%" },        { "≧95％", "≥", "95", "%" },     { "不低于95%", "≥", "95", "%" },
    { "=365天", "=", "365", "天" },     { "≤ 30 万元", "≤", "30", "万元" }, { "大于等于 ９５．５ ％", "≥", "95.5", "%" },
    { "＜1,200元", "<", "1200", "元" }, { "不超过3", "≤", "3", "" },     { " \t≥95%", "≥", "95", "%" },
    { "\u3000≥ 95%", "≥", "95", "%" },
  };
  static const char *const kept[] = { "95%", "不低于去年", "及时", "≥", "≥.5%", "定性95", "较上年提高", "", " 95 %",
                                      "\t", "\u3000 95" };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *op = NULL, *number = NULL, *measure = NULL;

      g_assert_true (ys_indicator_split_value (cases[i][0], &op, &number, &measure));
      g_assert_cmpstr (op, ==, cases[i][1]);
      g_assert_cmpstr (number, ==, cases[i][2]);
      g_assert_cmpstr (measure, ==, cases[i][3]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    {
      char *op = NULL, *number = NULL, *measure = NULL;

      g_assert_false (ys_indicator_split_value (kept[i], &op, &number, &measure));
      g_assert_null (op);
    }
}

/* Typed in the editor or pasted into a row: stored as operator, number and
 * measure word in one undo step, and judged as a figure with its operator. */
static void
test_value_with_operator_edited (Fixture *f, gconstpointer data)
{
  g_autoptr(YsRecord) rate = indicator (f, "产出指标", "质量指标", "验收合格率", "", "", "");
  g_autoptr(YsRecord) days = indicator (f, "产出指标", "时效指标", "运行天数", "＝", "", "天");
  g_autoptr(YsRecord) cost = indicator (f, "产出指标", "成本指标", "项目成本", "≤", "", "");
  g_autoptr(YsValidator) v = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (ys_document_set_text (f->doc, rate, YS_INDICATOR_VALUE, "≧95％", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ys_record_get_text (rate, YS_INDICATOR_OPERATOR), ==, "≥");
  g_assert_cmpstr (ys_record_get_text (rate, YS_INDICATOR_VALUE), ==, "95");
  g_assert_cmpstr (ys_record_get_text (rate, YS_INDICATOR_MEASURE), ==, "%");
  g_assert_true (ys_document_set_text (f->doc, days, YS_INDICATOR_VALUE, "=365天", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ys_record_get_text (days, YS_INDICATOR_VALUE), ==, "365");
  g_assert_cmpstr (ys_record_get_text (days, YS_INDICATOR_MEASURE), ==, "天");

  /* The operator field says ≤, the value ≥: refused, naming both, nothing changed. */
  g_assert_false (ys_document_set_text (f->doc, cost, YS_INDICATOR_VALUE, "不低于9万元", &error));
  g_assert_error (error, YS_FIELD_ERROR, YS_FIELD_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "≤"));
  g_assert_nonnull (strstr (error->message, "≥"));
  g_clear_error (&error);
  g_assert_cmpstr (ys_record_get_text (cost, YS_INDICATOR_VALUE), ==, "");
  /* So is a measure word that disagrees with the field. */
  g_assert_false (ys_document_set_text (f->doc, days, YS_INDICATOR_VALUE, "=12个月", &error));
  g_assert_error (error, YS_FIELD_ERROR, YS_FIELD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpstr (ys_record_get_text (days, YS_INDICATOR_VALUE), ==, "365");
  g_assert_true (ys_document_set_text (f->doc, cost, YS_INDICATOR_VALUE, "≤ 9.3 万元", &error));
  g_assert_no_error (error);

  v = ys_validator_new (f->doc);
  for (guint i = 0; i < 3; i++)
    {
      YsRecord *r = i == 0 ? rate : i == 1 ? days : cost;
      assert_level (v, "R16", r, -1);
      assert_level (v, "R17", r, -1);
      assert_level (v, "R18", r, -1);
      assert_level (v, "R42", r, -1);
    }

  /* One step: undone, the three fields are as before. */
  g_assert_true (ys_document_undo (f->doc, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ys_record_get_text (cost, YS_INDICATOR_VALUE), ==, "");
  g_assert_cmpstr (ys_record_get_text (cost, YS_INDICATOR_MEASURE), ==, "");
  g_assert_cmpstr (ys_record_get_text (cost, YS_INDICATOR_OPERATOR), ==, "≤");
}

/* A pasted or sheet-imported row is inserted whole; an interchange file
 * reports a conflict at its line and imports nothing. */
static void
test_value_with_operator_imported (Fixture *f, gconstpointer data)
{
  g_autofree char *dir = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(YsRecord) pasted = indicator (f, "产出指标", "数量指标", "培训人次", "", "不低于 200 人次", "");
  guint before;

  g_assert_cmpstr (ys_record_get_text (pasted, YS_INDICATOR_OPERATOR), ==, "≥");
  g_assert_cmpstr (ys_record_get_text (pasted, YS_INDICATOR_VALUE), ==, "200");
  g_assert_cmpstr (ys_record_get_text (pasted, YS_INDICATOR_MEASURE), ==, "人次");

  dir = indicators_dir (f, "split",
    "project_code,goal_set,seq,level1,level2,name,operator,value,measure\n"
    "P1,年度,11,产出指标,质量指标,合格率,,≥95%,\n"
    "P1,年度,12,产出指标,成本指标,项目成本,≤,≥9万元,\n");
  before = ys_document_count (f->doc, &ys_indicator_kind);
  g_assert_false (ys_interchange_import (f->doc, dir, problems, &error) && problems->len == 0);
  g_clear_error (&error);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (problems, 0), "indicators.csv:3: value: "));
  g_assert_cmpuint (ys_document_count (f->doc, &ys_indicator_kind), ==, before);

  g_ptr_array_set_size (problems, 0);
  g_free (indicators_dir (f, "split",
    "project_code,goal_set,seq,level1,level2,name,operator,value,measure\n"
    "P1,年度,11,产出指标,质量指标,合格率,,≥95%,\n"
    "P1,年度,12,产出指标,成本指标,项目成本,不超过,≤9万元,万元\n"));
  g_assert_true (ys_interchange_import (f->doc, dir, problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  for (guint i = before; i < ys_document_count (f->doc, &ys_indicator_kind); i++)
    {
      YsRecord *r = ys_document_get (f->doc, &ys_indicator_kind, i);
      g_assert_true (g_ascii_isdigit (ys_record_get_text (r, YS_INDICATOR_VALUE)[0]));
      g_assert_cmpstr (ys_record_get_text (r, YS_INDICATOR_MEASURE), !=, "");
    }
}

/* A project goal written 无 is wording to fix (警告), not a goal left empty (错误). */
static void
test_goal_none (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsValidator) v = NULL;

  g_assert_true (ys_document_set_text (f->doc, f->project, YS_PROJECT_ANNUAL_GOAL, "无", &error));
  g_assert_no_error (error);
  v = ys_validator_new (f->doc);
  assert_level (v, "R17", f->project, YS_FINDING_WARNING);
  g_assert_nonnull (strstr (ys_finding_get_message (finding_on (v, "R17", f->project)), "“无”"));
  g_assert_true (ys_document_set_text (f->doc, f->project, YS_PROJECT_ANNUAL_GOAL, "", &error));
  g_assert_no_error (error);
  assert_level (v, "R17", f->project, YS_FINDING_ERROR);
  g_assert_true (ys_document_set_text (f->doc, f->project, YS_PROJECT_ANNUAL_GOAL, "-", &error));
  g_assert_no_error (error);
  assert_level (v, "R17", f->project, YS_FINDING_ERROR);
}

/* A budget of @region (a layout name or file) and @year in @dir, with one
 * project that fills none of the fields a form header prints. */
static YsDocument *
region_document (const char *dir, const char *region, const char *year, YsRecord **project)
{
  g_autofree char *path = g_build_filename (dir, "r.yusuan", NULL);
  g_autoptr(GHashTable) meta = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  YsDocument *doc;

  g_hash_table_insert (meta, "dept_code", "434");
  g_hash_table_insert (meta, "dept_name", "测试部门");
  g_hash_table_insert (meta, "year", (char *) year);
  g_hash_table_insert (meta, "region", (char *) region);
  doc = ys_document_create (path, meta, &error);
  g_assert_no_error (error);
  ys_test_insert (doc, ys_test_record (&ys_unit_kind, "code", "434001", "name", "测试单位", "unit_type", "行政单位",
                                       "role", "本级", NULL));
  *project = ys_test_record (&ys_project_kind, "code", "P1", "name", "办公设备购置", "unit_code", "434001",
                             "annual_local", "93000.00", "annual_goal", "购置办公设备。", NULL);
  ys_test_insert (doc, *project);
  return doc;
}

/* R38 asks for exactly the project fields that the region's 绩效目标表 of the
 * budget year prints ({project.status}, {project.recurrence},
 * {project.period} in its layout): 安徽 2023 and 2025, 河北, 山西, national. */
static void
test_required_by_region (void)
{
  static const struct { const char *region; int year; } cases[] = {
    { "anhui", 2023 }, { "anhui", 2025 }, { "hebei", 2023 }, { "shanxi", 2023 }, { "national", 2023 },
  };
  static const char *const printable[] = { "status", "recurrence", "period", "executor" };
  static const char *const expected[] = {
    "status period", "period", "", "recurrence period", "status recurrence period",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *dir = ys_test_tmp_dir ();
      g_autofree char *year = g_strdup_printf ("%d", cases[i].year);
      g_autoptr(GError) error = NULL;
      g_autoptr(YsLayout) layout = ys_layout_load (cases[i].region, &error);
      g_autoptr(GString) printed = g_string_new (NULL);
      g_autoptr(YsDocument) doc = NULL;
      g_autoptr(YsValidator) v = NULL;
      YsRecord *project;
      YsFinding *finding;

      g_assert_no_error (error);
      for (guint k = 0; k < G_N_ELEMENTS (printable); k++)
        {
          g_autofree char *needle = g_strdup_printf ("{project.%s", printable[k]);
          gboolean found = FALSE;

          for (guint t = 0; t < layout->tables->len; t++)
            {
              YsLayoutTable *table = g_ptr_array_index (layout->tables, t);
              if (table->form == NULL || !ys_layout_table_applies (table, cases[i].year))
                continue;
              for (guint r = 0; r < table->form->len; r++)
                {
                  YsLayoutFormRow *row = g_ptr_array_index (table->form, r);
                  for (guint c = 0; row->cells && c < row->cells->len; c++)
                    {
                      YsLayoutFormCell *cell = g_ptr_array_index (row->cells, c);
                      found |= cell->text != NULL && strstr (cell->text, needle) != NULL;
                    }
                }
            }
          if (found)
            g_string_append_printf (printed, "%s%s", printed->len ? " " : "", printable[k]);
        }
      g_assert_cmpstr (printed->str, ==, expected[i]);

      doc = region_document (dir, cases[i].region, year, &project);
      v = ys_validator_new (doc);
      finding = finding_on (v, "R38", project);
      if (printed->len == 0)
        assert_level (v, "R38", project, -1);
      else
        {
          g_auto(GStrv) fields = g_strsplit (printed->str, " ", -1);
          g_assert_nonnull (finding);
          for (guint k = 0; k < G_N_ELEMENTS (printable); k++)
            {
              const YsField *field = &ys_project_kind.fields[ys_kind_find_field (&ys_project_kind, printable[k])];
              gboolean asked = strstr (ys_finding_get_message (finding), field->label) != NULL;
              g_assert_cmpint (asked, ==, g_strv_contains ((const char *const *) fields, printable[k]));
            }
        }
      g_clear_object (&v);
      g_clear_object (&doc);
      ys_test_rm_rf (dir);
    }
}

/* A layout of one's own that prints the project's 实施单位 asks for it, and only for it. */
static void
test_required_by_own_layout (void)
{
  g_autofree char *dir = ys_test_tmp_dir ();
  g_autofree char *layout = g_build_filename (dir, "own.json", NULL);
  g_autoptr(YsDocument) doc = NULL;
  g_autoptr(YsValidator) v = NULL;
  YsRecord *project;
  YsFinding *finding;

  g_assert_true (g_file_set_contents (layout,
    "{\"id\": \"own\", \"name\": \"own\", \"tables\": [{\"id\": \"performance\", \"builder\": \"performance\", "
    "\"sheet\": \"s\", \"title\": \"t\", \"form_widths\": [10, 10], "
    "\"form\": [[\"实施单位\", \"{project.executor}\"], [\"项目期\", \"{project.periods_total}\"]]}]}", -1, NULL));
  doc = region_document (dir, layout, "2023", &project);
  v = ys_validator_new (doc);
  finding = finding_on (v, "R38", project);
  g_assert_nonnull (finding);
  g_assert_nonnull (strstr (ys_finding_get_message (finding), "implementing body"));
  /* {project.periods_total} is not {project.period}. */
  g_assert_null (strstr (ys_finding_get_message (finding), "implementation period"));
  g_assert_null (strstr (ys_finding_get_message (finding), "new or continuing"));
  g_clear_object (&v);
  g_clear_object (&doc);
  ys_test_rm_rf (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/goal-wording/lexicon-examples", test_lexicon_examples);
  g_test_add_func ("/goal-wording/seed-values", test_seed_values);
  g_test_add ("/goal-wording/levels", Fixture, NULL, setup, test_levels, teardown);
  g_test_add ("/goal-wording/required-by-form", Fixture, NULL, setup, test_required_by_form, teardown);
  g_test_add_func ("/goal-wording/required-by-region", test_required_by_region);
  g_test_add_func ("/goal-wording/required-by-own-layout", test_required_by_own_layout);
  g_test_add ("/goal-wording/goal-none", Fixture, NULL, setup, test_goal_none, teardown);
  g_test_add_func ("/goal-wording/split-value", test_split_value);
  g_test_add ("/goal-wording/value-with-operator-edited", Fixture, NULL, setup, test_value_with_operator_edited,
              teardown);
  g_test_add ("/goal-wording/value-with-operator-imported", Fixture, NULL, setup,
              test_value_with_operator_imported, teardown);
  g_test_add_func ("/goal-wording/operator-spellings", test_operator_spellings);
  g_test_add ("/goal-wording/operators-import-and-export", Fixture, NULL, setup, test_operators_import_and_export,
              teardown);
  return g_test_run ();
}
