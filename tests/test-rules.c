/* The validation rules: a budget built to the rules raises nothing; each rule
 * fires on the mistake it is for, and not on what only looks like it; the
 * published samples; the command line reports and exits as documented. */
#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include "ys-i18n.h"
#include "ys-interchange.h"
#include "ys-rule.h"
#include "rules-fixture.h"

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

/* ---- the published samples ---- */

static void
test_yongqiao (void)
{
  g_autofree char *dir = ys_test_tmp_dir ();
  g_autoptr(YsDocument) doc = ys_test_import_sample ("yongqiao-2023", dir);
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
      doc = ys_test_import_sample (name, dir);
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
  g_test_add_func ("/rules/samples/yongqiao", test_yongqiao);
  g_test_add_func ("/rules/samples/every-sample", test_every_sample);
  g_test_add ("/rules/cli", Fixture, NULL, setup, test_cli, teardown);

  return g_test_run ();
}
