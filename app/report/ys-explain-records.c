/* Figures of the 情况说明 that come straight from records: 机关运行经费,
 * 政府采购, 政府购买服务, 国有资产, and the projects under 绩效目标管理. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "ys-explain-private.h"
#include "ys-kinds.h"
#include "ys-report-private.h"
#include "ys-summary.h"

/* 机关运行经费 is the 公用经费 of 行政单位 and 参公 units from 财政拨款, as the
 * layouts' 机关运行经费 tables count it. */
static gboolean
is_agency (YsRecord *unit)
{
  const char *type = ys_record_get_text (unit, YS_UNIT_UNIT_TYPE);
  return g_strcmp0 (type, "行政单位") == 0 || g_strcmp0 (type, "参照公务员法管理事业单位") == 0;
}

static void
agency_facts (YsDocument *doc, YsExplainTemplate *tmpl, YsExplainScope *scope, GPtrArray *tables)
{
  YsCatalog *econ = ys_document_get_catalog (doc, YS_CATALOG_ECONOMIC_DEPT);
  g_autoptr(GHashTable) by_code = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) codes = NULL;
  GPtrArray *items = ys_explain_scope_list (scope, "agency_items");
  guint n = ys_document_count (doc, &ys_unit_kind);
  YsMoney total = 0;
  YsExplainPrior prior;

  for (guint i = 0; i < n; i++)
    {
      YsRecord *unit = ys_document_get (doc, &ys_unit_kind, i);
      YsFilter filter = { ys_record_get_text (unit, YS_UNIT_CODE), NULL, TRUE, -1 };
      g_autoptr(YsSummary) s = NULL;
      g_autoptr(GPtrArray) econ_codes = NULL;

      if (!is_agency (unit))
        continue;
      s = ys_summary_compute (doc, &filter);
      total += s->expense.public_;
      econ_codes = ys_summary_codes (s->by_economic);
      for (guint c = 0; c < econ_codes->len; c++)
        {
          const char *code = g_ptr_array_index (econ_codes, c);
          const YsAmounts *a = ys_summary_lookup (s->by_economic, code);
          YsMoney *sum;

          if (strlen (code) != 5 || a->public_ == 0)
            continue;
          sum = g_hash_table_lookup (by_code, code);
          if (sum == NULL)
            {
              sum = g_new0 (YsMoney, 1);
              g_hash_table_insert (by_code, g_strdup (code), sum);
            }
          *sum += a->public_;
        }
    }
  codes = ys_summary_codes (by_code);
  for (guint c = 0; c < codes->len; c++)
    {
      const char *code = g_ptr_array_index (codes, c);
      YsExplainScope *item = ys_explain_scope_new (scope);

      ys_explain_scope_set (item, "code", code);
      ys_explain_scope_set (item, "name", ys_report_code_name (econ, code));
      ys_explain_scope_take (item, "amount", ys_explain_money (tmpl, *(YsMoney *) g_hash_table_lookup (by_code, code)));
      g_ptr_array_add (items, item);
    }
  /* The region's 机关运行经费 table, where it has one, is what the text states. */
  if (!ys_explain_table_money (tables, "agency_cost", "部门合计", "public", &total))
    ys_explain_table_money (tables, "agency_cost", "合计", "public", &total);
  ys_explain_scope_take (scope, "agency", ys_explain_money (tmpl, total));
  ys_explain_prior_find (doc, "", "", "公用经费", NULL, &prior);
  ys_explain_change (tmpl, scope, "agency", total, &prior, FALSE, "机关运行经费");
  ys_explain_prior_clear (&prior);
}

/* 政府采购 by the first letter of the 品目: A 货物, B 工程, C 服务. */
static void
procurement_facts (YsDocument *doc, YsExplainTemplate *tmpl, YsExplainScope *scope)
{
  guint n = ys_document_count (doc, &ys_procurement_kind);
  YsMoney total = 0, by[3] = { 0 };

  for (guint i = 0; i < n; i++)
    {
      YsRecord *r = ys_document_get (doc, &ys_procurement_kind, i);
      const char *code = ys_record_get_text (r, YS_PROCUREMENT_CATALOG_CODE);
      YsMoney amount = ys_record_get_int (r, YS_PROCUREMENT_AMOUNT);

      total += amount;
      if (code && code[0] >= 'A' && code[0] <= 'C')
        by[code[0] - 'A'] += amount;
    }
  ys_explain_scope_take (scope, "procurement", ys_explain_money (tmpl, total));
  ys_explain_scope_take (scope, "procurement.goods", ys_explain_money (tmpl, by[0]));
  ys_explain_scope_take (scope, "procurement.works", ys_explain_money (tmpl, by[1]));
  ys_explain_scope_take (scope, "procurement.services", ys_explain_money (tmpl, by[2]));
  ys_explain_scope_flag (scope, "has_procurement", total != 0);
}

static void
services_facts (YsDocument *doc, YsExplainTemplate *tmpl, YsExplainScope *scope)
{
  guint n = ys_document_count (doc, &ys_service_kind);
  YsMoney total = 0;

  for (guint i = 0; i < n; i++)
    total += ys_record_get_int (ys_document_get (doc, &ys_service_kind, i), YS_SERVICE_AMOUNT);
  ys_explain_scope_take (scope, "services", ys_explain_money (tmpl, total));
  ys_explain_scope_flag (scope, "has_services", total != 0);
}

/* 国有资产: counts, values and planned purchases by the asset categories the
 * regions print. */
static void
asset_facts (YsDocument *doc, YsExplainTemplate *tmpl, YsExplainScope *scope)
{
  static const struct { const char *category, *name; } kinds[] = {
    { "车辆", "vehicles" }, { "通用设备", "equipment50" }, { "专用设备", "equipment100" }, { "房屋", "buildings" },
  };
  gint64 quantity[G_N_ELEMENTS (kinds)] = { 0 }, planned[G_N_ELEMENTS (kinds)] = { 0 };
  YsMoney planned_amount[G_N_ELEMENTS (kinds)] = { 0 }, value = 0, planned_total = 0;
  guint n = ys_document_count (doc, &ys_asset_kind);

  for (guint i = 0; i < n; i++)
    {
      YsRecord *r = ys_document_get (doc, &ys_asset_kind, i);
      const char *category = ys_record_get_text (r, YS_ASSET_CATEGORY);

      value += ys_record_get_int (r, YS_ASSET_VALUE);
      planned_total += ys_record_get_int (r, YS_ASSET_PLANNED_AMOUNT);
      for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
        if (g_strcmp0 (category, kinds[k].category) == 0)
          {
            quantity[k] += ys_record_get_int (r, YS_ASSET_QUANTITY);
            planned[k] += ys_record_get_int (r, YS_ASSET_PLANNED_QUANTITY);
            planned_amount[k] += ys_record_get_int (r, YS_ASSET_PLANNED_AMOUNT);
          }
    }
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autofree char *p = g_strconcat (kinds[k].name, ".planned", NULL);
      g_autofree char *pa = g_strconcat (kinds[k].name, ".planned_amount", NULL);
      g_autofree char *has = g_strconcat ("has_", kinds[k].name, NULL);

      ys_explain_scope_take (scope, kinds[k].name, g_strdup_printf ("%" G_GINT64_FORMAT, quantity[k]));
      ys_explain_scope_take (scope, p, g_strdup_printf ("%" G_GINT64_FORMAT, planned[k]));
      ys_explain_scope_take (scope, pa, ys_explain_money (tmpl, planned_amount[k]));
      ys_explain_scope_flag (scope, has, quantity[k] != 0);
    }
  ys_explain_scope_flag (scope, "has_large_equipment", quantity[1] + quantity[2] != 0);
  ys_explain_scope_take (scope, "assets.value", ys_explain_money (tmpl, value));
  ys_explain_scope_take (scope, "assets.planned_amount", ys_explain_money (tmpl, planned_total));
}

/* A project's text as typed, or a visible 未填写. */
static void
set_text (YsExplainScope *item, const char *name, YsRecord *project, guint field)
{
  const char *text = ys_record_get_text (project, field);
  ys_explain_scope_set (item, name, text && text[0] ? text : "未填写");
}

/* "2023-01-01" → "2023年1月". */
static char *
month_text (const char *date)
{
  int y, m, d;

  if (date == NULL || sscanf (date, "%d-%d-%d", &y, &m, &d) != 3)
    return NULL;
  return g_strdup_printf ("%d年%d月", y, m);
}

/* 起止时间 as the 安徽 texts print it: 2023年1月-2023年12月, else the 项目期. */
static char *
project_time (YsRecord *p)
{
  g_autofree char *start = month_text (ys_record_get_text (p, YS_PROJECT_START_DATE));
  g_autofree char *end = month_text (ys_record_get_text (p, YS_PROJECT_END_DATE));
  const char *period = ys_record_get_text (p, YS_PROJECT_PERIOD);

  if (start && end)
    return g_strdup_printf ("%s-%s", start, end);
  return g_strdup (period && period[0] ? period : "未填写");
}

/* Projects with money this year, in the order they were entered, and how
 * many of them carry performance targets. */
static void
project_facts (YsDocument *doc, YsExplainTemplate *tmpl, YsExplainScope *scope)
{
  g_autoptr(GHashTable) amounts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) with_goals = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *list = ys_explain_scope_list (scope, "projects");
  guint n_lines = ys_document_count (doc, &ys_line_kind), n = ys_document_count (doc, &ys_project_kind);
  guint n_ind = ys_document_count (doc, &ys_indicator_kind), goals = 0;
  YsMoney total = 0;

  for (guint i = 0; i < n_lines; i++)
    {
      YsRecord *line = ys_document_get (doc, &ys_line_kind, i);
      const char *code = ys_record_get_text (line, YS_LINE_PROJECT_CODE);
      YsMoney *sum;

      if (code == NULL || code[0] == '\0')
        continue;
      sum = g_hash_table_lookup (amounts, code);
      if (sum == NULL)
        {
          sum = g_new0 (YsMoney, 1);
          g_hash_table_insert (amounts, g_strdup (code), sum);
        }
      *sum += ys_record_get_int (line, YS_LINE_AMOUNT);
    }
  for (guint i = 0; i < n_ind; i++)
    {
      const char *code = ys_record_get_text (ys_document_get (doc, &ys_indicator_kind, i), YS_INDICATOR_PROJECT_CODE);
      if (code)
        g_hash_table_add (with_goals, g_strdup (code));
    }
  for (guint i = 0; i < n; i++)
    {
      YsRecord *p = ys_document_get (doc, &ys_project_kind, i);
      const char *code = ys_record_get_text (p, YS_PROJECT_CODE);
      YsMoney *amount = g_hash_table_lookup (amounts, code);
      YsExplainScope *item;

      if (amount == NULL || *amount == 0)
        continue;
      item = ys_explain_scope_new (scope);
      ys_explain_scope_set (item, "code", code);
      ys_explain_scope_set (item, "name", ys_record_get_text (p, YS_PROJECT_NAME));
      set_text (item, "summary", p, YS_PROJECT_SUMMARY);
      set_text (item, "basis", p, YS_PROJECT_BASIS);
      set_text (item, "executor", p, YS_PROJECT_EXECUTOR);
      set_text (item, "contents", p, YS_PROJECT_CONTENTS);
      set_text (item, "goal", p, YS_PROJECT_ANNUAL_GOAL);
      ys_explain_scope_take (item, "time", project_time (p));
      ys_explain_scope_take (item, "amount", ys_explain_money (tmpl, *amount));
      ys_explain_scope_take (item, "n", g_strdup_printf ("%u", list->len + 1));
      g_ptr_array_add (list, item);
      total += *amount;
      if (g_hash_table_contains (with_goals, code))
        goals++;
    }
  ys_explain_scope_take (scope, "project_count", g_strdup_printf ("%u", list->len));
  ys_explain_scope_take (scope, "projects_with_goals", g_strdup_printf ("%u", goals));
  ys_explain_scope_take (scope, "projects.total", ys_explain_money (tmpl, total));
}

void
ys_explain_record_facts (YsDocument *doc, YsExplainTemplate *tmpl, YsExplainScope *scope, GPtrArray *tables)
{
  agency_facts (doc, tmpl, scope, tables);
  procurement_facts (doc, tmpl, scope);
  services_facts (doc, tmpl, scope);
  asset_facts (doc, tmpl, scope);
  project_facts (doc, tmpl, scope);
}
