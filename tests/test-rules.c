/* The validation rules: a budget built to the rules raises nothing; each rule
 * fires on the mistake it is for; the live check equals a fresh full check
 * after any edit; explanations and reviews are stored, survive reopening,
 * fall back to 待审 when the figures behind them change, and never accept an
 * error; the command line reports and exits as documented. */
#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include "ys-i18n.h"
#include "ys-interchange.h"
#include "ys-review-sheet.h"
#include "ys-rule.h"
#include "ys-test-util.h"
#include "ys-validator.h"

/* ---- a budget built to the rules ---- */

enum {
  L_SALARY, L_PENSION, L_MEDICAL, L_CIVIL_MEDICAL, L_HOUSING, L_RETIRED, L_OFFICE, L_CAR,
  L_SERVICES, L_EQUIPMENT, N_LINES
};

typedef struct {
  char        *dir;
  char        *path;
  YsDocument  *doc;
  YsValidator *v;
  YsRecord    *unit, *income, *project, *item, *asset, *prior;
  YsRecord    *lines[N_LINES];
  YsRecord    *annual[6], *period[6];
} Fixture;

static YsRecord *
add (Fixture *f, YsRecord *record)
{
  ys_test_insert (f->doc, record);
  return record;
}

static YsRecord *
add_line (Fixture *f, const char *func, const char *econ, const char *kind, const char *project,
          const char *amount, const char *procurement)
{
  return add (f, ys_test_record (&ys_line_kind, "unit_code", "103001", "func_code", func, "econ_code", econ,
                                 "kind", kind, "project_code", project, "source", "一般公共预算拨款",
                                 "amount", amount, "procurement", procurement, NULL));
}

static YsRecord *
add_indicator (Fixture *f, const char *set, int seq, const char *l1, const char *l2, const char *name,
               const char *op, const char *value, const char *measure)
{
  g_autofree char *s = g_strdup_printf ("%d", seq);

  return add (f, ys_test_record (&ys_indicator_kind, "project_code", "P1", "goal_set", set, "seq", s,
                                 "level1", l1, "level2", l2, "name", name, "operator", op,
                                 "value", value, "measure", measure, NULL));
}

static void
build_good_budget (Fixture *f)
{
  static const char *const sets[] = { "年度", "实施期" };

  f->unit = add (f, ys_test_record (&ys_unit_kind, "code", "103001", "name", "测试单位", "unit_type", "行政单位",
                                    "funding", "财政拨款", "role", "本级", "headcount", "10", "staff", "9",
                                    "vehicles", "1", NULL));
  f->project = add (f, ys_test_record (&ys_project_kind, "code", "P1", "name", "信息化设备更新", "unit_code", "103001",
                                       "status", "新增", "recurrence", "经常性", "category", "特定目标类",
                                       "period", "2023年—2025年", "executor", "测试单位",
                                       "period_local", "1200000.00", "annual_local", "400000.00",
                                       "period_goal", "三年内更新全部办公设备。", "annual_goal", "更新2台设备。", NULL));
  f->lines[L_SALARY] = add_line (f, "2010301", "30101", "人员经费", "", "500000.00", "");
  f->lines[L_PENSION] = add_line (f, "2080505", "30108", "人员经费", "", "80000.00", "");
  f->lines[L_MEDICAL] = add_line (f, "2101101", "30110", "人员经费", "", "40000.00", "");
  f->lines[L_CIVIL_MEDICAL] = add_line (f, "2101103", "30111", "人员经费", "", "10000.00", "");
  f->lines[L_HOUSING] = add_line (f, "2210201", "30113", "人员经费", "", "60000.00", "");
  f->lines[L_RETIRED] = add_line (f, "2080501", "30302", "人员经费", "", "30000.00", "");
  f->lines[L_OFFICE] = add_line (f, "2010301", "30201", "公用经费", "", "50000.00", "");
  f->lines[L_CAR] = add_line (f, "2010301", "30231", "公用经费", "", "20000.00", "");
  f->lines[L_SERVICES] = add_line (f, "2010302", "30227", "项目支出", "P1", "300000.00", "");
  f->lines[L_EQUIPMENT] = add_line (f, "2010302", "31002", "项目支出", "P1", "100000.00", "是");
  f->income = add (f, ys_test_record (&ys_income_kind, "unit_code", "103001", "source", "一般公共预算拨款",
                                      "amount", "1190000.00", NULL));
  f->item = add (f, ys_test_record (&ys_procurement_kind, "unit_code", "103001", "project_code", "P1",
                                    "item_name", "台式计算机", "catalog_code", "A02010105",
                                    "source", "一般公共预算拨款", "measure", "台", "quantity", "2",
                                    "unit_price", "50000.00", "amount", "100000.00", "sme_reserved", "100000.00", NULL));
  f->asset = add (f, ys_test_record (&ys_asset_kind, "unit_code", "103001", "category", "车辆", "name", "公务用车",
                                     "measure", "辆", "quantity", "1", NULL));
  f->prior = add (f, ys_test_record (&ys_prior_year_kind, "unit_code", "103001", "func_code", "2010301",
                                     "source", "一般公共预算拨款", "amount", "550000.00", NULL));
  add (f, ys_test_record (&ys_prior_year_kind, "unit_code", "103001", "econ_code", "30231",
                          "amount", "20000.00", NULL));
  /* The 情况说明 states the change on last year of every 项, the totals and
   * 机关运行经费 (R43). */
  {
    static const char *const items[][2] = {
      { "2080505", "80000.00" }, { "2101101", "40000.00" }, { "2101103", "10000.00" },
      { "2210201", "60000.00" }, { "2080501", "30000.00" }, { "2010302", "400000.00" },
    };
    static const char *const kinds[][2] = {
      { "收入", "1190000.00" }, { "项目支出", "400000.00" }, { "公用经费", "70000.00" }, { "基本支出", "790000.00" },
    };
    for (guint i = 0; i < G_N_ELEMENTS (items); i++)
      add (f, ys_test_record (&ys_prior_year_kind, "unit_code", "103001", "func_code", items[i][0],
                              "source", "一般公共预算拨款", "amount", items[i][1], NULL));
    for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
      add (f, ys_test_record (&ys_prior_year_kind, "unit_code", "103001", "kind", kinds[i][0],
                              "amount", kinds[i][1], NULL));
  }

  for (guint s = 0; s < G_N_ELEMENTS (sets); s++)
    {
      YsRecord **set = s == 0 ? f->annual : f->period;
      gboolean annual = s == 0;

      set[0] = add_indicator (f, sets[s], 1, "产出指标", "数量指标", "更新设备数量", "=", annual ? "2" : "6", "台");
      set[1] = add_indicator (f, sets[s], 2, "产出指标", "质量指标", "验收合格率", "≥", "95", "%");
      set[2] = add_indicator (f, sets[s], 3, "产出指标", "时效指标", "完成时间", "定性",
                              annual ? "2023年12月底前" : "2025年12月底前", "");
      set[3] = add_indicator (f, sets[s], 4, "产出指标", "成本指标", "项目成本", "≤", annual ? "40" : "120", "万元");
      set[4] = add_indicator (f, sets[s], 5, "效益指标", "社会效益指标", "服务群众人次", "≥",
                              annual ? "1000" : "3000", "人次");
      set[5] = add_indicator (f, sets[s], 6, "满意度指标", "服务对象满意度指标", "服务对象满意度", "≥", "90", "%");
    }
}

static void
setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->dir = ys_test_tmp_dir ();
  f->path = g_build_filename (f->dir, "rules.yusuan", NULL);
  f->doc = ys_document_create (f->path, NULL, &error);
  g_assert_no_error (error);
  ys_document_set_meta (f->doc, "dept_name", "测试部门", &error);
  g_assert_no_error (error);
  build_good_budget (f);
  f->v = ys_validator_new (f->doc);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->v);
  g_clear_object (&f->doc);
  ys_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* ---- helpers ---- */

static void
set (Fixture *f, YsRecord *record, const char *field, const char *text)
{
  g_autoptr(GError) error = NULL;
  int index = ys_kind_find_field (ys_record_get_kind (record), field);

  g_assert_cmpint (index, >=, 0);
  ys_document_set_text (f->doc, record, index, text, &error);
  g_assert_no_error (error);
}

static void
delete (Fixture *f, YsRecord *record)
{
  g_autoptr(GError) error = NULL;

  ys_document_delete (f->doc, record, &error);
  g_assert_no_error (error);
}

static void
reopen (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&f->v);
  g_clear_object (&f->doc);
  f->doc = ys_document_open (f->path, &error);
  g_assert_no_error (error);
  f->v = ys_validator_new (f->doc);
}

static void
print_findings (YsValidator *v)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (v));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(YsFinding) finding = g_list_model_get_item (G_LIST_MODEL (v), i);
      g_test_message ("%s %s", ys_finding_get_key (finding), ys_finding_get_message (finding));
    }
}

static YsFinding *
find_rule (YsValidator *v, const char *rule)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (v));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(YsFinding) finding = g_list_model_get_item (G_LIST_MODEL (v), i);
      if (g_str_equal (ys_finding_get_rule_id (finding), rule))
        return finding;   /* the validator keeps it alive */
    }
  return NULL;
}

/* Every finding as one comparable line. */
static GPtrArray *
snapshot (YsValidator *v)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (v));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(YsFinding) f = g_list_model_get_item (G_LIST_MODEL (v), i);
      g_ptr_array_add (lines, g_strdup_printf ("%s|%d|%s|%s|%s|%s|%p|%d|%s|%d", ys_finding_get_key (f),
                                               ys_finding_get_level (f), ys_finding_get_message (f),
                                               ys_finding_get_digest (f), ys_finding_get_hint (f),
                                               ys_finding_get_unit_code (f), ys_finding_get_record (f),
                                               ys_finding_get_field (f), ys_finding_get_explanation (f),
                                               ys_finding_get_review_status (f)));
    }
  return lines;
}

/* The live findings are what a fresh full check finds, in the same order. */
static void
assert_same_as_full (YsValidator *v)
{
  g_autoptr(YsValidator) fresh = ys_validator_new (ys_validator_get_document (v));
  g_autoptr(GPtrArray) live = snapshot (v);
  g_autoptr(GPtrArray) full = snapshot (fresh);

  for (guint i = 0; i < MAX (live->len, full->len); i++)
    {
      const char *a = i < live->len ? g_ptr_array_index (live, i) : "(none)";
      const char *b = i < full->len ? g_ptr_array_index (full, i) : "(none)";
      if (g_strcmp0 (a, b) != 0)
        {
          g_test_message ("live: %s", a);
          g_test_message ("full: %s", b);
        }
      g_assert_cmpstr (a, ==, b);
    }
  for (guint l = YS_FINDING_ERROR; l <= YS_FINDING_INFO; l++)
    g_assert_cmpuint (ys_validator_count (v, l), ==, ys_validator_count (fresh, l));
}

static void
assert_fires (Fixture *f, const char *rule, YsFindingLevel level)
{
  YsFinding *finding = find_rule (f->v, rule);

  if (finding == NULL)
    print_findings (f->v);
  g_assert_nonnull (finding);
  g_assert_cmpint (ys_finding_get_level (finding), ==, level);
  g_assert_cmpstr (ys_finding_get_message (finding), !=, "");
  g_assert_nonnull (ys_finding_get_hint (finding));
  g_assert_nonnull (ys_finding_get_basis (finding));
  assert_same_as_full (f->v);
}

/* ---- the budget built to the rules ---- */

static void
test_good_budget_is_clean (Fixture *f, gconstpointer data)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (f->v));

  if (n > 0)
    print_findings (f->v);
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpuint (ys_validator_count (f->v, YS_FINDING_ERROR), ==, 0);
}

/* ---- each rule fires on its mistake ---- */

typedef struct {
  const char     *rule;
  YsFindingLevel  level;
  void          (*mutate) (Fixture *f);
} Case;

static void m_r09_line (Fixture *f) { set (f, f->lines[L_SALARY], "func_code", "2019998"); }
static void m_r09_income (Fixture *f) { set (f, f->income, "func_code", "2019998"); }
static void m_r27 (Fixture *f) { set (f, f->lines[L_OFFICE], "econ_code", "30298"); }
static void m_r27_gov (Fixture *f) { set (f, f->lines[L_OFFICE], "econ_code", "50201"); }
static void m_r10 (Fixture *f) { set (f, f->lines[L_SALARY], "gov_econ_code", "50201"); }
static void m_r10_unit_type (Fixture *f)
{
  /* 50101 is right for a 行政单位 and wrong once the unit is a 事业单位. */
  set (f, f->lines[L_SALARY], "gov_econ_code", "50101");
  g_assert_null (find_rule (f->v, "R10"));
  set (f, f->unit, "unit_type", "事业单位");
}
static void m_r10_institution_code (Fixture *f)
{
  /* 30107 绩效工资 has no 机关 counterpart; 50501 is what government pays public institutions. */
  set (f, f->lines[L_SALARY], "econ_code", "30107");
  set (f, f->lines[L_SALARY], "gov_econ_code", "50501");
}
static void m_r07 (Fixture *f) { set (f, f->lines[L_SERVICES], "func_code", "2010301"); }
static void m_r28 (Fixture *f) { set (f, f->lines[L_SALARY], "econ_code", "30201"); }
static void m_r29 (Fixture *f) { set (f, f->lines[L_OFFICE], "econ_code", "30101"); }
static void m_r08 (Fixture *f) { set (f, f->lines[L_SERVICES], "econ_code", "30102"); }
static void m_r30 (Fixture *f)
{
  add_line (f, "2101103", "30307", "人员经费", "", "5000.00", "");
}
static void m_r30_retired (Fixture *f) { set (f, f->lines[L_RETIRED], "func_code", "2010301"); }
static void m_r01 (Fixture *f) { set (f, f->income, "amount", "1000000.00"); }
static void m_r02 (Fixture *f) { set (f, f->income, "func_code", "2010301"); }
static void m_r31 (Fixture *f) { set (f, f->project, "annual_local", "500000.00"); }
static void m_r11 (Fixture *f)
{
  set (f, f->project, "annual_local", "0");
  set (f, f->project, "annual_self", "400000.00");
}
static void m_r32 (Fixture *f) { set (f, f->item, "amount", "90000.00"); }
static void m_r32_sme (Fixture *f) { set (f, f->item, "sme_reserved", "200000.00"); }
static void m_r33 (Fixture *f) { set (f, f->item, "catalog_code", ""); }
static void m_r33_unknown (Fixture *f) { set (f, f->item, "catalog_code", "A99999999"); }
static void m_r21 (Fixture *f)
{
  set (f, f->item, "quantity", "10");
  set (f, f->item, "amount", "500000.00");
}
static void m_r22 (Fixture *f) { set (f, f->lines[L_EQUIPMENT], "procurement", "否"); }
static void m_r22_flag (Fixture *f) { delete (f, f->item); }
static void m_r06 (Fixture *f)
{
  set (f, f->unit, "vehicles", "0");
  delete (f, f->asset);
}
static void m_r06_purchase (Fixture *f) { add_line (f, "2010302", "31013", "项目支出", "P1", "1000.00", "是"); }
static void m_r26 (Fixture *f) { set (f, f->unit, "unit_type", "事业单位"); }
static void m_r26_zero (Fixture *f)
{
  set (f, f->lines[L_OFFICE], "kind", "人员经费");
  set (f, f->lines[L_OFFICE], "econ_code", "30199");
  set (f, f->lines[L_CAR], "kind", "项目支出");
  set (f, f->lines[L_CAR], "project_code", "P1");
}
static void m_r17_value (Fixture *f) { set (f, f->annual[1], "value", ""); }
static void m_r17_name (Fixture *f) { set (f, f->annual[1], "name", "—"); }
static void m_r17_goal (Fixture *f) { set (f, f->project, "annual_goal", ""); }
static void m_r16 (Fixture *f) { set (f, f->annual[1], "value", "很多"); }
static void m_r16_measure (Fixture *f) { set (f, f->annual[1], "measure", ""); }
static void m_r16_operator (Fixture *f) { set (f, f->annual[1], "operator", ""); }
static void m_r42 (Fixture *f) { set (f, f->annual[3], "measure", "%"); }
static void m_r18 (Fixture *f)
{
  set (f, f->annual[4], "operator", "定性");
  set (f, f->annual[4], "value", "显著提高");
}
static void m_r18_quantity (Fixture *f)
{
  set (f, f->annual[0], "operator", "定性");
  set (f, f->annual[0], "value", "按计划完成");
}
static void m_r34 (Fixture *f) { set (f, f->annual[3], "level1", "成本指标"); }
static void m_r34_framework (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  ys_document_set_meta (f->doc, "framework", "2021", &error);
  g_assert_no_error (error);
}
static void m_r15 (Fixture *f) { delete (f, f->annual[5]); }
static void m_r15_output (Fixture *f)
{
  for (guint i = 0; i < 4; i++)
    delete (f, f->annual[i]);
}
static void m_r15_empty (Fixture *f)
{
  for (guint i = 0; i < 6; i++)
    delete (f, f->period[i]);
}
static void m_r19 (Fixture *f) { set (f, f->annual[3], "value", "50"); }
static void m_r19_unit (Fixture *f) { set (f, f->annual[3], "measure", "元"); }
static void m_r35 (Fixture *f) { set (f, f->annual[0], "value", "10"); }
static void m_r36 (Fixture *f) { set (f, f->project, "period_local", "300000.00"); }
static void m_r20 (Fixture *f) { set (f, f->annual[0], "weight", "50"); }
static void m_r39 (Fixture *f) { add_line (f, "2010301", "30201", "公用经费", "", "50000.00", ""); }
static void m_r40 (Fixture *f) { add_line (f, "2010301", "30201", "公用经费", "", "1.00", ""); }
static void m_r14 (Fixture *f) { set (f, f->prior, "amount", "200000.00"); }
static void m_r14_sangong (Fixture *f) { set (f, f->lines[L_CAR], "amount", "20001.00"); }
static void m_r38 (Fixture *f) { set (f, f->project, "status", ""); }
static void m_r37 (Fixture *f)
{
  set (f, f->unit, "headcount", "0");
  set (f, f->unit, "staff", "0");
}
static void m_r41 (Fixture *f) { set (f, f->lines[L_OFFICE], "amount", "0"); }
static void m_r41_huge (Fixture *f) { set (f, f->lines[L_OFFICE], "amount", "20000000000.00"); }
static void m_r43 (Fixture *f) { set (f, f->prior, "func_code", "2010350"); }
static void m_r43_sangong (Fixture *f) { add_line (f, "2010301", "30217", "公用经费", "", "3000.00", ""); }
static void m_r13 (Fixture *f) { add_line (f, "2010399", "30299", "公用经费", "", "900000.00", ""); }
static void m_r44 (Fixture *f)
{
  add (f, ys_test_record (&ys_control_kind, "unit_code", "103001", "source", "一般公共预算拨款",
                          "kind", "项目支出", "amount", "399999.99", NULL));
}

static const Case cases[] = {
  { "R09", YS_FINDING_WARNING, m_r09_line },
  { "R09", YS_FINDING_WARNING, m_r09_income },
  { "R27", YS_FINDING_WARNING, m_r27 },
  { "R27", YS_FINDING_ERROR, m_r27_gov },
  { "R10", YS_FINDING_ERROR, m_r10 },
  { "R10", YS_FINDING_ERROR, m_r10_unit_type },
  { "R10", YS_FINDING_WARNING, m_r10_institution_code },
  { "R07", YS_FINDING_ERROR, m_r07 },
  { "R28", YS_FINDING_ERROR, m_r28 },
  { "R29", YS_FINDING_ERROR, m_r29 },
  { "R08", YS_FINDING_WARNING, m_r08 },
  { "R30", YS_FINDING_WARNING, m_r30 },
  { "R30", YS_FINDING_WARNING, m_r30_retired },
  { "R01", YS_FINDING_ERROR, m_r01 },
  { "R02", YS_FINDING_ERROR, m_r02 },
  { "R31", YS_FINDING_ERROR, m_r31 },
  { "R11", YS_FINDING_WARNING, m_r11 },
  { "R32", YS_FINDING_ERROR, m_r32 },
  { "R32", YS_FINDING_ERROR, m_r32_sme },
  { "R33", YS_FINDING_WARNING, m_r33 },
  { "R33", YS_FINDING_WARNING, m_r33_unknown },
  { "R21", YS_FINDING_ERROR, m_r21 },
  { "R22", YS_FINDING_WARNING, m_r22 },
  { "R22", YS_FINDING_WARNING, m_r22_flag },
  { "R06", YS_FINDING_WARNING, m_r06 },
  { "R06", YS_FINDING_WARNING, m_r06_purchase },
  { "R26", YS_FINDING_INFO, m_r26 },
  { "R26", YS_FINDING_WARNING, m_r26_zero },
  { "R17", YS_FINDING_ERROR, m_r17_value },
  { "R17", YS_FINDING_ERROR, m_r17_name },
  { "R17", YS_FINDING_ERROR, m_r17_goal },
  { "R16", YS_FINDING_ERROR, m_r16 },
  { "R16", YS_FINDING_ERROR, m_r16_measure },
  /* A figure without an operator, as some forms print it: a warning. */
  { "R16", YS_FINDING_WARNING, m_r16_operator },
  { "R18", YS_FINDING_WARNING, m_r18 },
  { "R18", YS_FINDING_WARNING, m_r18_quantity },
  { "R42", YS_FINDING_WARNING, m_r42 },
  { "R34", YS_FINDING_WARNING, m_r34 },
  { "R34", YS_FINDING_WARNING, m_r34_framework },
  { "R15", YS_FINDING_WARNING, m_r15 },
  { "R15", YS_FINDING_ERROR, m_r15_output },
  { "R15", YS_FINDING_ERROR, m_r15_empty },
  { "R19", YS_FINDING_WARNING, m_r19 },
  { "R19", YS_FINDING_WARNING, m_r19_unit },
  { "R35", YS_FINDING_WARNING, m_r35 },
  { "R36", YS_FINDING_ERROR, m_r36 },
  { "R20", YS_FINDING_ERROR, m_r20 },
  { "R39", YS_FINDING_WARNING, m_r39 },
  { "R40", YS_FINDING_INFO, m_r40 },
  { "R14", YS_FINDING_WARNING, m_r14 },
  { "R14", YS_FINDING_WARNING, m_r14_sangong },
  { "R38", YS_FINDING_WARNING, m_r38 },
  { "R37", YS_FINDING_INFO, m_r37 },
  { "R41", YS_FINDING_WARNING, m_r41 },
  { "R41", YS_FINDING_WARNING, m_r41_huge },
  { "R13", YS_FINDING_WARNING, m_r13 },
  { "R43", YS_FINDING_WARNING, m_r43 },
  { "R43", YS_FINDING_WARNING, m_r43_sangong },
  { "R44", YS_FINDING_ERROR, m_r44 },
};

static void
test_rule_fires (Fixture *f, gconstpointer data)
{
  const Case *c = data;

  c->mutate (f);
  assert_fires (f, c->rule, c->level);
}

/* Every rule of the catalogue has a case above. */
static void
test_every_rule_is_tested (void)
{
  const YsRule *const *rules = ys_rules_all ();

  for (guint i = 0; rules[i]; i++)
    {
      gboolean found = FALSE;
      for (guint c = 0; c < G_N_ELEMENTS (cases) && !found; c++)
        found = g_str_equal (cases[c].rule, rules[i]->id);
      if (!found)
        g_test_message ("rule %s has no test case", rules[i]->id);
      g_assert_true (found);
    }
}

/* ---- what looks wrong but is right ---- */

static void
assert_silent (Fixture *f, const char *rule)
{
  YsFinding *finding = find_rule (f->v, rule);

  if (finding != NULL)
    g_test_message ("%s: %s", ys_finding_get_key (finding), ys_finding_get_message (finding));
  g_assert_null (finding);
}

static void
test_near_misses (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  YsRecord *r;

  /* 事业运行 in a 行政单位 is the pay of public-institution staff: the 事业单位 column of the mapping applies. */
  r = add_line (f, "2010350", "30101", "人员经费", "", "1000.00", "");
  set (f, r, "gov_econ_code", "50501");
  assert_silent (f, "R10");
  /* Retirees' housing allowance is 住房改革支出 by function; 离休干部公用经费 sits in the 离退休 item. */
  add_line (f, "2210202", "30302", "人员经费", "", "4000.00", "");
  add_line (f, "2080501", "30299", "公用经费", "", "6000.00", "");
  assert_silent (f, "R30");
  /* A value with a figure is measurable even with 提高 in it. */
  set (f, f->annual[4], "operator", "定性");
  set (f, f->annual[4], "value", "提高到1000人次");
  assert_silent (f, "R18");
  /* The same cost in 元. */
  set (f, f->annual[3], "value", "400000");
  set (f, f->annual[3], "measure", "元");
  assert_silent (f, "R19");
  assert_silent (f, "R35");
  /* Small changes on last year need no reason. */
  set (f, f->prior, "amount", "560000.00");
  assert_silent (f, "R14");
  /* Vehicles without 公务用车运行维护费 (应急、执法 vehicles) are no concern. */
  set (f, f->lines[L_CAR], "econ_code", "30201");
  assert_silent (f, "R06");
  /* 河北's 情况说明 states no change by 项: the new 项 above, which the
   * national text would need 上年数 for, need none. */
  assert_fires (f, "R43", YS_FINDING_WARNING);
  ys_document_set_meta (f->doc, "region", "hebei", &error);
  g_assert_no_error (error);
  assert_silent (f, "R43");
  /* The 安徽 form prints no 经常性/一次性. */
  ys_document_set_meta (f->doc, "region", "anhui", &error);
  g_assert_no_error (error);
  set (f, f->project, "recurrence", "");
  assert_silent (f, "R38");
  assert_same_as_full (f->v);
}

/* ---- details of single rules ---- */

static void
test_unknown_code_after_official_catalog (Fixture *f, gconstpointer data)
{
  YsFinding *finding;

  set (f, f->lines[L_SALARY], "func_code", "2019998");
  finding = find_rule (f->v, "R09");
  g_assert_nonnull (finding);
  g_assert_cmpint (ys_finding_get_level (finding), ==, YS_FINDING_WARNING);
  g_assert_nonnull (strstr (ys_finding_get_hint (finding), "catalog import"));

  /* Once an official catalog replaced the bundled one (as `catalog import
   * --replace` marks it), an unknown code is wrong. */
  ys_catalog_set_incomplete (ys_document_get_catalog (f->doc, YS_CATALOG_FUNCTION), FALSE);
  ys_validator_recheck (f->v);
  g_assert_true (find_rule (f->v, "R09") == finding);
  g_assert_cmpint (ys_finding_get_level (finding), ==, YS_FINDING_ERROR);
  g_assert_cmpint (ys_validator_count (f->v, YS_FINDING_ERROR), ==, 1);
}

static void
test_pair_message_names_figures (Fixture *f, gconstpointer data)
{
  YsFinding *finding;

  add_line (f, "2101103", "30307", "人员经费", "", "27110.00", "");
  finding = ys_validator_lookup (f->v, "R30:unit:103001:2101103");
  g_assert_nonnull (finding);
  /* 2101103 = 10,000 + 27,110 元; 30111 = 10,000 元; the difference 27,110 元. */
  g_assert_nonnull (strstr (ys_finding_get_message (finding), "2101103"));
  g_assert_nonnull (strstr (ys_finding_get_message (finding), "30111"));
  g_assert_nonnull (strstr (ys_finding_get_message (finding), "3.71"));
  g_assert_nonnull (strstr (ys_finding_get_message (finding), "1.00"));
  g_assert_nonnull (strstr (ys_finding_get_message (finding), "2.71"));
  g_assert_cmpstr (ys_finding_get_unit_code (finding), ==, "103001");
  g_assert_true (ys_finding_get_record (finding) == f->unit);
}

static void
test_location (Fixture *f, gconstpointer data)
{
  YsFinding *finding;

  set (f, f->lines[L_SERVICES], "func_code", "2010301");
  finding = find_rule (f->v, "R07");
  g_assert_nonnull (finding);
  g_assert_true (ys_finding_get_record (finding) == f->lines[L_SERVICES]);
  g_assert_true (ys_finding_get_kind (finding) == &ys_line_kind);
  g_assert_cmpint (ys_finding_get_record_id (finding), ==, ys_record_get_id (f->lines[L_SERVICES]));
  g_assert_cmpint (ys_finding_get_field (finding), ==, YS_LINE_FUNC_CODE);
  g_assert_cmpstr (ys_finding_get_unit_code (finding), ==, "103001");
  {
    g_autofree char *key = g_strdup_printf ("R07:line:%" G_GINT64_FORMAT, ys_record_get_id (f->lines[L_SERVICES]));
    g_assert_cmpstr (ys_finding_get_key (finding), ==, key);
  }

  /* An indicator's finding is located in its project's unit. */
  set (f, f->annual[1], "value", "");
  finding = find_rule (f->v, "R17");
  g_assert_nonnull (finding);
  g_assert_cmpstr (ys_finding_get_unit_code (finding), ==, "103001");
  g_assert_true (ys_finding_get_record (finding) == f->annual[1]);
}

/* ---- live and incremental ---- */

/* Follows items-changed into a plain array, to check that the signals
 * describe the model exactly. */
typedef struct {
  GPtrArray *items;
  guint      signals;
} Mirror;

static void
on_items_changed (GListModel *model, guint position, guint removed, guint added, Mirror *m)
{
  g_assert_cmpuint (position + removed, <=, m->items->len);
  g_ptr_array_remove_range (m->items, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (m->items, position + i, g_list_model_get_item (model, position + i));
  m->signals++;
}

static void
assert_mirror (YsValidator *v, Mirror *m)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (v));

  g_assert_cmpuint (m->items->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(YsFinding) f = g_list_model_get_item (G_LIST_MODEL (v), i);
      g_assert_true (g_ptr_array_index (m->items, i) == f);
    }
}

static void
test_finding_keeps_its_object (Fixture *f, gconstpointer data)
{
  Mirror m = { g_ptr_array_new_with_free_func (g_object_unref), 0 };
  YsFinding *finding;

  set (f, f->lines[L_SERVICES], "func_code", "2010301");
  finding = find_rule (f->v, "R07");
  g_object_ref (finding);
  g_signal_connect (f->v, "items-changed", G_CALLBACK (on_items_changed), &m);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (f->v)); i++)
    g_ptr_array_add (m.items, g_list_model_get_item (G_LIST_MODEL (f->v), i));

  /* An edit elsewhere changes nothing; one behind the finding changes its
   * figures in place. */
  set (f, f->lines[L_OFFICE], "note", "说明");
  g_assert_cmpuint (m.signals, ==, 0);
  set (f, f->lines[L_SERVICES], "amount", "300000.01");
  g_assert_true (find_rule (f->v, "R07") == finding);
  g_assert_nonnull (strstr (ys_finding_get_message (finding), "30.00"));
  assert_mirror (f->v, &m);

  /* Correcting it removes exactly that item. */
  m.signals = 0;
  set (f, f->lines[L_SERVICES], "func_code", "2010302");
  g_assert_null (find_rule (f->v, "R07"));
  g_assert_cmpuint (m.signals, >=, 1);
  assert_mirror (f->v, &m);

  g_signal_handlers_disconnect_by_data (f->v, &m);
  g_ptr_array_unref (m.items);
  g_object_unref (finding);
}

static const char *const func_choices[] = { "2010301", "2010302", "2080505", "2101103", "2101101", "2010399",
                                            "2080501", "2019998", "2210201" };
static const char *const econ_choices[] = { "30101", "30108", "30111", "30201", "30231", "30299", "30302",
                                            "31002", "30227", "30298" };
static const char *const kind_choices[] = { "人员经费", "公用经费", "项目支出" };
static const char *const value_choices[] = { "95", "", "显著提高", "很多", "3", "按要求" };

static void
random_edit (Fixture *f, GRand *rand, GPtrArray *lines, GPtrArray *units)
{
  g_autoptr(GError) error = NULL;
  guint what = g_rand_int_range (rand, 0, 16);
  YsRecord *line = lines->len ? g_ptr_array_index (lines, g_rand_int_range (rand, 0, lines->len)) : NULL;
  const char *unit = g_ptr_array_index (units, g_rand_int_range (rand, 0, units->len));

  switch (what)
    {
    case 0: case 1:
      if (line)
        {
          g_autofree char *amount = g_strdup_printf ("%d.%02d", g_rand_int_range (rand, 0, 200000),
                                                     g_rand_int_range (rand, 0, 100));
          set (f, line, "amount", amount);
        }
      break;
    case 2:
      if (line)
        set (f, line, "func_code", func_choices[g_rand_int_range (rand, 0, G_N_ELEMENTS (func_choices))]);
      break;
    case 3:
      if (line)
        set (f, line, "econ_code", econ_choices[g_rand_int_range (rand, 0, G_N_ELEMENTS (econ_choices))]);
      break;
    case 4:
      if (line)
        {
          const char *kind = kind_choices[g_rand_int_range (rand, 0, 3)];
          set (f, line, "project_code", "");
          set (f, line, "kind", kind);
          if (g_str_equal (kind, "项目支出"))
            set (f, line, "project_code", g_rand_boolean (rand) ? "P1" : "P2");
        }
      break;
    case 5:
      if (line)
        set (f, line, "unit_code", unit);
      break;
    case 6:
      {
        YsRecord *r = add_line (f, func_choices[g_rand_int_range (rand, 0, G_N_ELEMENTS (func_choices))],
                                econ_choices[g_rand_int_range (rand, 0, G_N_ELEMENTS (econ_choices))],
                                "公用经费", "", "1234.00", "");
        set (f, r, "unit_code", unit);
        g_ptr_array_add (lines, r);
      }
      break;
    case 7:
      if (line)
        {
          delete (f, line);
          g_ptr_array_remove (lines, line);
        }
      break;
    case 8:
      {
        guint n = ys_document_count (f->doc, &ys_indicator_kind);
        YsRecord *ind = ys_document_get (f->doc, &ys_indicator_kind, g_rand_int_range (rand, 0, n));
        set (f, ind, "value", value_choices[g_rand_int_range (rand, 0, G_N_ELEMENTS (value_choices))]);
      }
      break;
    case 9:
      {
        guint n = ys_document_count (f->doc, &ys_indicator_kind);
        YsRecord *ind = ys_document_get (f->doc, &ys_indicator_kind, g_rand_int_range (rand, 0, n));
        set (f, ind, "project_code", g_rand_boolean (rand) ? "P1" : "P2");
      }
      break;
    case 10:
      {
        g_autofree char *funds = g_strdup_printf ("%d.00", g_rand_int_range (rand, 0, 900000));
        set (f, f->project, g_rand_boolean (rand) ? "annual_local" : "period_local", funds);
      }
      break;
    case 11:
      set (f, f->unit, "unit_type", g_rand_boolean (rand) ? "事业单位" : "行政单位");
      break;
    case 12:
      if (ys_document_can_undo (f->doc))
        {
          ys_document_undo (f->doc, &error);
          g_assert_no_error (error);
        }
      break;
    case 13:
      if (ys_document_can_redo (f->doc))
        {
          ys_document_redo (f->doc, &error);
          g_assert_no_error (error);
        }
      break;
    case 14:
      /* A batch: several changes, one undo step. */
      ys_document_begin_batch (f->doc, "batch", &error);
      g_assert_no_error (error);
      for (guint i = 0; i < 3 && lines->len; i++)
        {
          YsRecord *r = g_ptr_array_index (lines, g_rand_int_range (rand, 0, lines->len));
          set (f, r, "amount", "777.00");
          set (f, r, "unit_code", unit);
        }
      ys_document_end_batch (f->doc, &error);
      g_assert_no_error (error);
      break;
    case 15:
      set (f, f->item, "project_code", g_rand_boolean (rand) ? "P1" : "P2");
      break;
    }
}

static void
test_incremental_equals_full (Fixture *f, gconstpointer data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (GPOINTER_TO_UINT (data));
  g_autoptr(GPtrArray) lines = g_ptr_array_new ();
  g_autoptr(GPtrArray) units = g_ptr_array_new ();
  Mirror m = { g_ptr_array_new_with_free_func (g_object_unref), 0 };

  add (f, ys_test_record (&ys_unit_kind, "code", "103002", "name", "下属单位", "unit_type", "事业单位",
                          "role", "下属单位", NULL));
  add (f, ys_test_record (&ys_project_kind, "code", "P2", "name", "第二个项目", "unit_code", "103002",
                          "annual_local", "1000.00", NULL));
  g_ptr_array_add (units, "103001");
  g_ptr_array_add (units, "103002");
  /* A fresh session, so that undo stops at the edits below. */
  reopen (f);
  f->unit = ys_document_lookup_key (f->doc, &ys_unit_kind, "103001");
  f->project = ys_document_lookup_key (f->doc, &ys_project_kind, "P1");
  f->item = ys_document_get (f->doc, &ys_procurement_kind, 0);
  for (guint i = 0; i < ys_document_count (f->doc, &ys_line_kind); i++)
    g_ptr_array_add (lines, ys_document_get (f->doc, &ys_line_kind, i));

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (f->v)); i++)
    g_ptr_array_add (m.items, g_list_model_get_item (G_LIST_MODEL (f->v), i));
  g_signal_connect (f->v, "items-changed", G_CALLBACK (on_items_changed), &m);

  for (guint step = 0; step < 150; step++)
    {
      random_edit (f, rand, lines, units);
      /* Undo can bring back deleted lines; follow the document. */
      g_ptr_array_set_size (lines, 0);
      for (guint i = 0; i < ys_document_count (f->doc, &ys_line_kind); i++)
        g_ptr_array_add (lines, ys_document_get (f->doc, &ys_line_kind, i));
      if (step % 5 == 4)
        {
          assert_same_as_full (f->v);
          assert_mirror (f->v, &m);
        }
    }
  assert_same_as_full (f->v);
  assert_mirror (f->v, &m);
  g_signal_handlers_disconnect_by_data (f->v, &m);
  g_ptr_array_unref (m.items);
}

static guint
count_rule (YsValidator *v, const char *rule)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (v)), found = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(YsFinding) finding = g_list_model_get_item (G_LIST_MODEL (v), i);
      found += g_str_equal (ys_finding_get_rule_id (finding), rule);
    }
  return found;
}

/* R39 and R40 are checked again only in the groups of lines under one
 * classification that an edit touched (the unit's ledger): lines typed twice
 * become different, the same again, move out and come back by undo, and the
 * live findings stay those of a full check at every step. */
static void
test_repeats_follow_edits (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  YsRecord *a, *b;
  guint r39, r40;

  add (f, ys_test_record (&ys_unit_kind, "code", "103002", "name", "下属单位", "unit_type", "事业单位",
                          "role", "下属单位", NULL));
  a = add_line (f, "2010302", "30299", "公用经费", "", "500.00", "");
  b = add_line (f, "2010302", "30299", "公用经费", "", "500.00", "");
  r39 = count_rule (f->v, "R39");
  r40 = count_rule (f->v, "R40");

  g_assert_cmpuint (r39, >=, 1);
  assert_same_as_full (f->v);
  set (f, b, "amount", "600.00");
  g_assert_cmpuint (count_rule (f->v, "R39"), ==, r39 - 1);
  g_assert_cmpuint (count_rule (f->v, "R40"), ==, r40 + 1);
  assert_same_as_full (f->v);
  set (f, a, "amount", "600.00");
  g_assert_cmpuint (count_rule (f->v, "R39"), ==, r39);
  g_assert_cmpuint (count_rule (f->v, "R40"), ==, r40);
  assert_same_as_full (f->v);
  set (f, b, "unit_code", "103002");
  g_assert_cmpuint (count_rule (f->v, "R39"), ==, r39 - 1);
  assert_same_as_full (f->v);
  set (f, a, "econ_code", "30201");
  assert_same_as_full (f->v);
  ys_document_undo (f->doc, &error);
  g_assert_no_error (error);
  ys_document_undo (f->doc, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_rule (f->v, "R39"), ==, r39);
  assert_same_as_full (f->v);
  delete (f, a);
  g_assert_cmpuint (count_rule (f->v, "R39"), ==, r39 - 1);
  assert_same_as_full (f->v);
}

static void
test_freeze_defers (Fixture *f, gconstpointer data)
{
  ys_validator_freeze (f->v);
  set (f, f->lines[L_SERVICES], "func_code", "2010301");
  g_assert_null (find_rule (f->v, "R07"));
  ys_validator_thaw (f->v);
  g_assert_nonnull (find_rule (f->v, "R07"));
  assert_same_as_full (f->v);
}

/* ---- explanations and reviews ---- */

static void
test_review_survives_and_follows_data (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  YsFinding *finding;
  const char *key = "R30:unit:103001:2101103";
  YsRecord *extra = add_line (f, "2101103", "30307", "人员经费", "", "27110.00", "");
  gint64 extra_id = ys_record_get_id (extra);

  finding = ys_validator_lookup (f->v, key);
  g_assert_nonnull (finding);
  g_assert_cmpint (ys_finding_get_review_status (finding), ==, YS_REVIEW_PENDING);
  g_assert_null (ys_finding_get_explanation (finding));

  g_assert_true (ys_validator_explain (f->v, finding, "医疗费补助列入公务员医疗补助项。", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ys_finding_get_explanation (finding), ==, "医疗费补助列入公务员医疗补助项。");
  g_assert_true (ys_validator_review (f->v, finding, YS_REVIEW_ACCEPTED, "同意", &error));
  g_assert_no_error (error);
  g_assert_cmpint (ys_finding_get_review_status (finding), ==, YS_REVIEW_ACCEPTED);
  g_assert_cmpstr (ys_finding_get_comment (finding), ==, "同意");
  /* Stored as a review record under the finding's key. */
  g_assert_nonnull (ys_document_lookup_key (f->doc, &ys_review_kind, key));

  reopen (f);
  finding = ys_validator_lookup (f->v, key);
  g_assert_nonnull (finding);
  g_assert_cmpint (ys_finding_get_review_status (finding), ==, YS_REVIEW_ACCEPTED);
  g_assert_cmpstr (ys_finding_get_explanation (finding), ==, "医疗费补助列入公务员医疗补助项。");

  /* The figures behind it change: back to 待审. */
  for (guint i = 0; i < ys_document_count (f->doc, &ys_line_kind); i++)
    {
      YsRecord *line = ys_document_get (f->doc, &ys_line_kind, i);
      if (ys_record_get_id (line) == extra_id)
        extra = line;
    }
  set (f, extra, "amount", "30000.00");
  g_assert_true (ys_validator_lookup (f->v, key) == finding);
  g_assert_cmpint (ys_finding_get_review_status (finding), ==, YS_REVIEW_PENDING);
  g_assert_true (ys_finding_get_review_stale (finding));
  g_assert_cmpstr (ys_finding_get_explanation (finding), ==, "医疗费补助列入公务员医疗补助项。");

  /* Undone, the figures are those that were accepted. */
  g_assert_true (ys_document_undo (f->doc, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ys_finding_get_review_status (finding), ==, YS_REVIEW_ACCEPTED);
  g_assert_false (ys_finding_get_review_stale (finding));

  /* A new explanation asks for a new look; returning it is kept. */
  g_assert_true (ys_validator_explain (f->v, finding, "另见说明附件。", &error));
  g_assert_cmpint (ys_finding_get_review_status (finding), ==, YS_REVIEW_PENDING);
  g_assert_true (ys_validator_review (f->v, finding, YS_REVIEW_RETURNED, "请补充依据", &error));
  g_assert_no_error (error);
  reopen (f);
  finding = ys_validator_lookup (f->v, key);
  g_assert_cmpint (ys_finding_get_review_status (finding), ==, YS_REVIEW_RETURNED);
  g_assert_cmpstr (ys_finding_get_comment (finding), ==, "请补充依据");
  assert_same_as_full (f->v);
}

static void
test_error_cannot_be_accepted (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  YsFinding *finding;

  set (f, f->lines[L_SERVICES], "func_code", "2010301");
  finding = find_rule (f->v, "R07");
  g_assert_nonnull (finding);
  g_assert_false (ys_validator_review (f->v, finding, YS_REVIEW_ACCEPTED, "", &error));
  g_assert_error (error, YS_VALIDATOR_ERROR, YS_VALIDATOR_ERROR_NOT_ACCEPTABLE);
  g_assert_null (ys_document_lookup_key (f->doc, &ys_review_kind, ys_finding_get_key (finding)));
  g_clear_error (&error);

  /* It can be explained and sent back. */
  g_assert_true (ys_validator_explain (f->v, finding, "上级文件要求。", &error));
  g_assert_true (ys_validator_review (f->v, finding, YS_REVIEW_RETURNED, "必须改列2010302", &error));
  g_assert_no_error (error);
  g_assert_cmpint (ys_finding_get_review_status (finding), ==, YS_REVIEW_RETURNED);
  g_assert_cmpuint (ys_validator_count (f->v, YS_FINDING_ERROR), ==, 1);
}

static void
test_review_of_gone_finding (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsFinding) finding = NULL;

  set (f, f->lines[L_SERVICES], "func_code", "2010301");
  finding = g_object_ref (find_rule (f->v, "R07"));
  set (f, f->lines[L_SERVICES], "func_code", "2010302");
  g_assert_false (ys_validator_explain (f->v, finding, "x", &error));
  g_assert_error (error, YS_VALIDATOR_ERROR, YS_VALIDATOR_ERROR_GONE);
}

static void
test_review_in_interchange (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = g_build_filename (f->dir, "dump", NULL);
  g_autofree char *csv = NULL;
  g_autofree char *reviews = g_build_filename (out, "reviews.csv", NULL);
  YsFinding *finding;

  set (f, f->unit, "headcount", "0");
  set (f, f->unit, "staff", "0");
  finding = find_rule (f->v, "R37");
  g_assert_true (ys_validator_explain (f->v, finding, "人数另行报送。", &error));
  g_assert_no_error (error);
  g_assert_true (ys_interchange_dump (f->doc, out, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (reviews, &csv, NULL, &error));
  g_assert_nonnull (strstr (csv, "R37:unit:103001"));
  g_assert_nonnull (strstr (csv, "人数另行报送。"));
}

static void
test_review_sheet (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = g_build_filename (f->dir, "审核结果.xlsx", NULL);
  g_autofree char *bytes = NULL;
  gsize len = 0;

  set (f, f->lines[L_SERVICES], "func_code", "2010301");
  g_assert_true (ys_review_sheet_export (f->v, out, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (out, &bytes, &len, NULL));
  g_assert_cmpuint (len, >, 1000);
  g_assert_true (memcmp (bytes, "PK", 2) == 0);

  /* A directory that does not exist: an error, and nothing left behind. */
  {
    g_autofree char *bad = g_build_filename (f->dir, "missing", "x.xlsx", NULL);
    g_assert_false (ys_review_sheet_export (f->v, bad, &error));
    g_assert_nonnull (error);
  }
}

/* Nineteen lines that break R10 alike give nineteen findings with one
 * message: one decision reviews them all, as one undo step, with the
 * reviewer's name and the time; the review sheet shows both. */
static void
test_review_identical_together (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) same = NULL;
  g_autoptr(GDateTime) before = g_date_time_new_now_local ();
  g_autofree char *out = g_build_filename (f->dir, "审核结果.xlsx", NULL);
  g_autofree char *strings = NULL;
  YsFinding *first = NULL;
  guint n_accepted = 0;

  g_assert_true (ys_document_begin_batch (f->doc, "lines", &error));
  for (guint i = 0; i < 19; i++)
    add (f, ys_test_record (&ys_line_kind, "unit_code", "103001", "func_code", "2010301", "econ_code", "30107",
                            "gov_econ_code", "50501", "kind", "人员经费", "source", "一般公共预算拨款",
                            "amount", "1000.00", NULL));
  g_assert_true (ys_document_end_batch (f->doc, &error));
  first = find_rule (f->v, "R10");
  g_assert_nonnull (first);
  g_assert_cmpint (ys_finding_get_level (first), ==, YS_FINDING_WARNING);
  same = ys_validator_list_same (f->v, first);
  g_assert_cmpuint (same->len, ==, 19);
  for (guint i = 0; i < same->len; i++)
    g_assert_true (ys_finding_is_same_problem (first, g_ptr_array_index (same, i)));

  ys_validator_set_reviewer (f->v, "  张审核 ");
  g_assert_cmpstr (ys_validator_get_reviewer (f->v), ==, "张审核");
  g_assert_true (ys_validator_review_all (f->v, (YsFinding **) same->pdata, same->len, YS_REVIEW_ACCEPTED,
                                          "编制口径如此", &error));
  g_assert_no_error (error);
  for (guint i = 0; i < same->len; i++)
    {
      YsFinding *finding = g_ptr_array_index (same, i);
      g_autoptr(GDateTime) when = g_date_time_new_from_iso8601 (ys_finding_get_decided_at (finding), NULL);

      n_accepted += ys_finding_get_review_status (finding) == YS_REVIEW_ACCEPTED;
      g_assert_cmpstr (ys_finding_get_reviewer (finding), ==, "张审核");
      g_assert_nonnull (when);
      g_assert_cmpint (g_date_time_difference (when, before), >=, -G_USEC_PER_SEC);
      g_assert_cmpint (g_date_time_difference (when, before), <, 60 * G_USEC_PER_SEC);
    }
  g_assert_cmpuint (n_accepted, ==, 19);

  /* One undo step takes back all nineteen. */
  g_assert_true (ys_document_undo (f->doc, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < same->len; i++)
    g_assert_cmpint (ys_finding_get_review_status (g_ptr_array_index (same, i)), ==, YS_REVIEW_PENDING);
  g_assert_true (ys_document_redo (f->doc, &error));

  /* Stored in the file: name and time come back on reopening. */
  reopen (f);
  first = find_rule (f->v, "R10");
  g_assert_cmpint (ys_finding_get_review_status (first), ==, YS_REVIEW_ACCEPTED);
  g_assert_cmpstr (ys_finding_get_reviewer (first), ==, "张审核");
  g_assert_nonnull (ys_finding_get_decided_at (first));

  /* A new explanation asks for a new decision: the old one is no one's. */
  g_assert_true (ys_validator_explain (f->v, first, "按编制口径。", &error));
  g_assert_null (ys_finding_get_reviewer (first));
  g_assert_null (ys_finding_get_decided_at (first));

  /* The sheet has the who and when of the others. */
  ys_i18n_set_chinese (TRUE);
  g_assert_true (ys_review_sheet_export (f->v, out, &error));
  ys_i18n_set_chinese (FALSE);
  g_assert_no_error (error);
  strings = ys_test_zip_part (out, "xl/sharedStrings.xml");
  g_assert_nonnull (strstr (strings, ">审核人<"));
  g_assert_nonnull (strstr (strings, ">审核时间<"));
  g_assert_nonnull (strstr (strings, ">张审核<"));
  /* The time as the reviewer reads it, "2026-03-05 14:30". */
  {
    g_autoptr(GRegex) minute = g_regex_new (">20[0-9][0-9]-[01][0-9]-[0-3][0-9] [0-2][0-9]:[0-5][0-9]<", 0, 0, NULL);
    g_assert_true (g_regex_match (minute, strings, 0, NULL));
  }
}

/* ---- the published samples ---- */

static YsDocument *
import_sample (const char *name, const char *dir)
{
  g_autofree char *src = g_build_filename (SOURCE_ROOT, "resources", "samples", name, NULL);
  g_autofree char *path = g_build_filename (dir, "sample.yusuan", NULL);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) meta = ys_interchange_read_meta (src, problems, &error);
  YsDocument *doc;

  g_assert_no_error (error);
  doc = ys_document_create (path, meta, &error);
  g_assert_no_error (error);
  if (!ys_interchange_import (doc, src, problems, &error))
    {
      for (guint i = 0; i < problems->len; i++)
        g_test_message ("%s", (char *) g_ptr_array_index (problems, i));
      g_assert_no_error (error);
    }
  return doc;
}

static void
test_yongqiao (void)
{
  g_autofree char *dir = ys_test_tmp_dir ();
  g_autoptr(YsDocument) doc = import_sample ("yongqiao-2023", dir);
  g_autoptr(YsValidator) v = ys_validator_new (doc);
  YsFinding *pair = ys_validator_lookup (v, "R30:unit:003001:2101103");
  guint project_lines = 0, r07 = 0;

  /* Seed 001: project spending under 2010301 行政运行, line by line. */
  for (guint i = 0; i < ys_document_count (doc, &ys_line_kind); i++)
    {
      YsRecord *line = ys_document_get (doc, &ys_line_kind, i);
      g_autofree char *key = g_strdup_printf ("R07:line:%" G_GINT64_FORMAT, ys_record_get_id (line));
      YsFinding *finding = ys_validator_lookup (v, key);

      if (g_str_equal (ys_record_get_text (line, YS_LINE_KIND), "项目支出")
          && g_str_equal (ys_record_get_text (line, YS_LINE_FUNC_CODE), "2010301"))
        {
          project_lines++;
          g_assert_nonnull (finding);
          g_assert_cmpint (ys_finding_get_level (finding), ==, YS_FINDING_ERROR);
        }
      r07 += finding != NULL;
    }
  g_assert_cmpuint (project_lines, ==, 19);
  g_assert_cmpuint (r07, ==, project_lines);

  /* 公务员医疗补助: 2101103 10.61 万元 against 30111 7.89 万元. */
  g_assert_nonnull (pair);
  g_assert_cmpint (ys_finding_get_level (pair), ==, YS_FINDING_WARNING);
  g_assert_nonnull (strstr (ys_finding_get_message (pair), "10.61"));
  g_assert_nonnull (strstr (ys_finding_get_message (pair), "7.89"));
  g_assert_nonnull (strstr (ys_finding_get_message (pair), "2.71"));

  g_clear_object (&v);
  g_clear_object (&doc);
  ys_test_rm_rf (dir);
}

/* Every sample, including ones added later: the live check agrees with a
 * full one after edits, and a budget with a published error is flagged. */
static void
test_every_sample (void)
{
  g_autofree char *root = g_build_filename (SOURCE_ROOT, "resources", "samples", NULL);
  g_autoptr(GDir) samples = g_dir_open (root, 0, NULL);
  const char *name;
  guint seen = 0;

  g_assert_nonnull (samples);
  while ((name = g_dir_read_name (samples)) != NULL)
    {
      g_autofree char *src = g_build_filename (root, name, "document.csv", NULL);
      g_autofree char *dir = NULL;
      g_autoptr(YsDocument) doc = NULL;
      g_autoptr(YsValidator) v = NULL;
      g_autoptr(GError) error = NULL;
      guint n;

      if (!g_file_test (src, G_FILE_TEST_EXISTS))
        continue;
      dir = ys_test_tmp_dir ();
      doc = import_sample (name, dir);
      v = ys_validator_new (doc);
      n = g_list_model_get_n_items (G_LIST_MODEL (v));
      g_test_message ("%s: %u findings, %u errors, %u warnings", name, n,
                      ys_validator_count (v, YS_FINDING_ERROR), ys_validator_count (v, YS_FINDING_WARNING));
      /* Each line amount doubled and restored: the same findings again. */
      for (guint i = 0; i < ys_document_count (doc, &ys_line_kind); i++)
        {
          YsRecord *line = ys_document_get (doc, &ys_line_kind, i);
          YsValue twice = { .i = ys_record_get_int (line, YS_LINE_AMOUNT) * 2 };
          g_assert_true (ys_document_set (doc, line, YS_LINE_AMOUNT, &twice, &error));
        }
      assert_same_as_full (v);
      for (guint i = 0; i < ys_document_count (doc, &ys_line_kind); i++)
        g_assert_true (ys_document_undo (doc, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (v)), ==, n);
      assert_same_as_full (v);
      seen++;
      g_clear_object (&v);
      g_clear_object (&doc);
      ys_test_rm_rf (dir);
    }
  g_assert_cmpuint (seen, >=, 2);
}

/* ---- the command line ---- */

static int
run_cli (const char *const *args, char **out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  int status = 0;

  g_ptr_array_add (argv, (char *) CLI_PATH);
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

static YsRecord *
line_with_econ (YsDocument *doc, const char *econ)
{
  for (guint i = 0; i < ys_document_count (doc, &ys_line_kind); i++)
    {
      YsRecord *line = ys_document_get (doc, &ys_line_kind, i);
      if (g_str_equal (ys_record_get_text (line, YS_LINE_ECON_CODE), econ))
        return line;
    }
  g_assert_not_reached ();
}

static void
test_cli (Fixture *f, gconstpointer data)
{
  g_autofree char *out = NULL;
  g_autofree char *missing = g_build_filename (f->dir, "missing.yusuan", NULL);
  g_autofree char *xlsx = g_build_filename (f->dir, "review.xlsx", NULL);

  /* A budget file is held by one program at a time. */
  g_clear_object (&f->v);
  ys_document_close (f->doc);
  g_assert_cmpint (run_cli ((const char *[]) { "validate", f->path, NULL }, &out), ==, 0);
  g_clear_pointer (&out, g_free);

  reopen (f);
  set (f, line_with_econ (f->doc, "30227"), "func_code", "2010301");
  g_clear_object (&f->v);
  ys_document_close (f->doc);
  g_assert_cmpint (run_cli ((const char *[]) { "validate", f->path, "--json", "--xlsx", xlsx, NULL }, &out), ==, 1);
  g_assert_nonnull (strstr (out, "\"rule\" : \"R07\""));
  g_assert_nonnull (strstr (out, "\"level\" : \"error\""));
  g_assert_nonnull (strstr (out, "\"review_status\" : \"pending\""));
  g_assert_true (g_file_test (xlsx, G_FILE_TEST_EXISTS));
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (run_cli ((const char *[]) { "validate", missing, NULL }, &out), ==, 2);
}

/* The findings filed with the tables are Chinese whatever the locale: this
 * test runs in the C locale, where the interface is English. */
static void
test_filed_in_chinese (void)
{
  g_autofree char *dir = ys_test_tmp_dir ();
  g_autoptr(YsDocument) doc = import_sample ("yongqiao-2023", dir);
  g_autoptr(YsValidator) english = NULL;
  g_autoptr(YsValidator) chinese = NULL;
  YsRecord *line = NULL;
  g_autofree char *key = NULL;
  g_autofree char *where_en = NULL;
  g_autofree char *where_zh = NULL;
  YsFinding *en, *zh;

  for (guint i = 0; i < ys_document_count (doc, &ys_line_kind) && line == NULL; i++)
    {
      YsRecord *candidate = ys_document_get (doc, &ys_line_kind, i);
      if (g_str_equal (ys_record_get_text (candidate, YS_LINE_FUNC_CODE), "2010301")
          && g_str_equal (ys_record_get_text (candidate, YS_LINE_KIND), "项目支出"))
        line = candidate;
    }
  g_assert_nonnull (line);
  key = g_strdup_printf ("R07:line:%" G_GINT64_FORMAT, ys_record_get_id (line));

  ys_i18n_set_chinese (FALSE);
  english = ys_validator_new (doc);
  en = ys_validator_lookup (english, key);
  g_assert_nonnull (en);
  where_en = ys_finding_describe_location (en);
  g_assert_cmpstr (ys_review_sheet_name (), ==, "Review results");
  g_assert_nonnull (strstr (where_en, "expenditure line"));

  ys_i18n_set_chinese (TRUE);
  chinese = ys_validator_new (doc);
  zh = ys_validator_lookup (chinese, key);
  g_assert_nonnull (zh);
  where_zh = ys_finding_describe_location (zh);
  g_assert_cmpstr (ys_review_sheet_name (), ==, "审核结果");
  g_assert_cmpstr (ys_finding_level_to_string (YS_FINDING_ERROR), ==, "错误");
  g_assert_nonnull (strstr (ys_finding_get_message (zh), "行政运行项下"));
  g_assert_nonnull (strstr (where_zh, "支出明细"));
  g_assert_null (strstr (where_zh, "expenditure"));
  g_assert_cmpstr (ys_finding_get_message (en), !=, ys_finding_get_message (zh));

  /* Only the thread that asked. */
  ys_i18n_set_chinese (FALSE);
  g_assert_cmpstr (ys_review_sheet_name (), ==, "Review results");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/rules/good-budget-is-clean", Fixture, NULL, setup, test_good_budget_is_clean, teardown);
  g_test_add_func ("/rules/every-rule-is-tested", test_every_rule_is_tested);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/rules/fires/%s/%u", cases[i].rule, i);
      g_test_add (path, Fixture, &cases[i], setup, test_rule_fires, teardown);
    }
  g_test_add ("/rules/near-misses", Fixture, NULL, setup, test_near_misses, teardown);
  g_test_add ("/rules/unknown-code-after-official-catalog", Fixture, NULL, setup,
              test_unknown_code_after_official_catalog, teardown);
  g_test_add ("/rules/pair-message-names-figures", Fixture, NULL, setup, test_pair_message_names_figures, teardown);
  g_test_add ("/rules/location", Fixture, NULL, setup, test_location, teardown);
  g_test_add ("/rules/live/finding-keeps-its-object", Fixture, NULL, setup, test_finding_keeps_its_object, teardown);
  for (guint seed = 1; seed <= 8; seed++)
    {
      g_autofree char *path = g_strdup_printf ("/rules/live/incremental-equals-full/%u", seed);
      g_test_add (path, Fixture, GUINT_TO_POINTER (seed), setup, test_incremental_equals_full, teardown);
    }
  g_test_add ("/rules/live/freeze-defers", Fixture, NULL, setup, test_freeze_defers, teardown);
  g_test_add ("/rules/live/repeats-follow-edits", Fixture, NULL, setup, test_repeats_follow_edits, teardown);
  g_test_add ("/rules/review/survives-and-follows-data", Fixture, NULL, setup,
              test_review_survives_and_follows_data, teardown);
  g_test_add ("/rules/review/error-cannot-be-accepted", Fixture, NULL, setup, test_error_cannot_be_accepted, teardown);
  g_test_add ("/rules/review/gone-finding", Fixture, NULL, setup, test_review_of_gone_finding, teardown);
  g_test_add ("/rules/review/interchange", Fixture, NULL, setup, test_review_in_interchange, teardown);
  g_test_add ("/rules/review/sheet", Fixture, NULL, setup, test_review_sheet, teardown);
  g_test_add ("/rules/review/identical-together", Fixture, NULL, setup, test_review_identical_together, teardown);
  g_test_add_func ("/rules/review/filed-in-chinese", test_filed_in_chinese);
  g_test_add_func ("/rules/samples/yongqiao", test_yongqiao);
  g_test_add_func ("/rules/samples/every-sample", test_every_sample);
  g_test_add ("/rules/cli", Fixture, NULL, setup, test_cli, teardown);
  return g_test_run ();
}
