#include "config.h"

#include "rules-fixture.h"

YsRecord *
add (Fixture *f, YsRecord *record)
{
  ys_test_insert (f->doc, record);
  return record;
}

YsRecord *
add_line (Fixture *f, const char *func, const char *econ, const char *kind, const char *project,
          const char *amount, const char *procurement)
{
  return add (f, ys_test_record (&ys_line_kind, "unit_code", "103001", "func_code", func, "econ_code", econ,
                                 "kind", kind, "project_code", project, "source", "一般公共预算拨款",
                                 "amount", amount, "procurement", procurement, NULL));
}

YsRecord *
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

void
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

void
teardown (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->v);
  g_clear_object (&f->doc);
  ys_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* ---- helpers ---- */

void
set (Fixture *f, YsRecord *record, const char *field, const char *text)
{
  g_autoptr(GError) error = NULL;
  int index = ys_kind_find_field (ys_record_get_kind (record), field);

  g_assert_cmpint (index, >=, 0);
  ys_document_set_text (f->doc, record, index, text, &error);
  g_assert_no_error (error);
}

void
delete (Fixture *f, YsRecord *record)
{
  g_autoptr(GError) error = NULL;

  ys_document_delete (f->doc, record, &error);
  g_assert_no_error (error);
}

void
reopen (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&f->v);
  g_clear_object (&f->doc);
  f->doc = ys_document_open (f->path, &error);
  g_assert_no_error (error);
  f->v = ys_validator_new (f->doc);
}

void
print_findings (YsValidator *v)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (v));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(YsFinding) finding = g_list_model_get_item (G_LIST_MODEL (v), i);
      g_test_message ("%s %s", ys_finding_get_key (finding), ys_finding_get_message (finding));
    }
}

YsFinding *
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
GPtrArray *
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
void
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

void
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
