/* Family 6, completeness (情况说明): the text of the document's region states
 * the change on last year of some figures (the total, each 功能分类 项, 基本
 * and 项目支出, 机关运行经费, each “三公” item). A unit with money in such a
 * figure and no 上年数 for it leaves the text saying （上年数未填）. The
 * missing 增减原因 of a large change is R14's. */
#include "config.h"

#include "ys-i18n-private.h"
#include <string.h>

#include "ys-explain.h"
#include "ys-kinds.h"
#include "ys-ledger.h"
#include "ys-rule.h"
#include "ys-summary.h"

/* Names listed in one finding before "and N more". */
#define MAX_NAMED 5

static gboolean
has_prior (GPtrArray *priors, const char *func, const char *econ, const char *kind)
{
  YsMoney last;
  return ys_explain_prior_sum (priors, func, econ, kind, NULL, &last, NULL);
}

/* What one unit spends, in the figures the 上年数 records are kept by: the
 * lines' side is the unit's ledger's. */
typedef struct {
  YsMoney     total, basic, project, agency;
  GArray     *items;    /* YsLedgerItem: 功能分类 项 of 一般公共预算拨款, sorted, or NULL */
  GArray     *sangong;  /* YsLedgerItem: “三公” codes from 财政拨款, sorted */
} Figures;

static void
unit_figures (YsGroup *unit, gboolean by_item, Figures *out)
{
  const YsLedger *ledger = ys_group_get_ledger (unit);
  GPtrArray *incomes = ys_group_get_records (unit, &ys_income_kind);
  YsRecord *owner = ys_group_get_owner (unit);
  const char *type = owner ? ys_rule_text (owner, YS_UNIT_UNIT_TYPE) : "";
  gboolean agency = g_str_equal (type, "行政单位") || g_str_equal (type, "参照公务员法管理事业单位");

  out->items = by_item ? ledger->items : NULL;
  out->sangong = g_array_new (FALSE, TRUE, sizeof (YsLedgerItem));
  for (guint i = 0; i < YS_LEDGER_SANGONG; i++)
    {
      YsLedgerItem item = { 0, ys_ledger_sangong_codes[i], (YsMoney *) &ledger->sangong[i] };
      g_array_append_val (out->sangong, item);
    }
  for (guint i = 0; i < incomes->len; i++)
    out->total += ys_rule_int (g_ptr_array_index (incomes, i), YS_INCOME_AMOUNT);
  out->basic = ledger->basic;
  out->project = ledger->project;
  out->agency = agency ? ledger->fiscal_public : 0;
}

static void
emit (YsRuleContext *ctx, YsGroup *unit, const char *figure, GPtrArray *names, guint n_names, GString *facts)
{
  YsFindingPlace place = YS_FINDING_PLACE_INIT;
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; i < names->len && i < MAX_NAMED; i++)
    g_string_append_printf (list, "%s%s", i ? "、" : "", (char *) g_ptr_array_index (names, i));
  place.unit_code = ys_group_get_code (unit);
  place.suffix = figure;
  place.facts = facts->str;
  if (n_names > MAX_NAMED)
    ys_rule_emit (ctx, &place, _("Unit %s: the 情况说明 states the change on last year of %s and %u more, "
                                 "but no prior-year figure is entered for them; the text says （上年数未填）"),
                  ys_group_get_code (unit), list->str, n_names - MAX_NAMED);
  else
    ys_rule_emit (ctx, &place, _("Unit %s: the 情况说明 states the change on last year of %s, "
                                 "but no prior-year figure is entered; the text says （上年数未填）"),
                  ys_group_get_code (unit), list->str);
}

/* "CODE=AMOUNT;" as printf's %s=%lld; would write it: a unit has hundreds of
 * items, each written on every check. */
static void
append_fact (GString *facts, const char *code, YsMoney amount)
{
  char digits[24];
  guint n = sizeof digits;
  guint64 magnitude = amount < 0 ? 0 - (guint64) amount : (guint64) amount;

  do
    digits[--n] = (char) ('0' + magnitude % 10);
  while ((magnitude /= 10) != 0);
  if (amount < 0)
    digits[--n] = '-';
  g_string_append (facts, code);
  g_string_append_c (facts, '=');
  g_string_append_len (facts, digits + n, sizeof digits - n);
  g_string_append_c (facts, ';');
}

/* One finding for @codes (sorted, so the figures are named in
 * the same order on every check) whose sums have money and no 上年数. */
static void
check_codes (YsRuleContext *ctx, YsGroup *unit, GPtrArray *priors, const char *figure, GArray *items,
             gboolean by_econ)
{
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GString) facts = NULL;
  guint n_names = 0;

  if (items == NULL)
    return;
  names = g_ptr_array_new_with_free_func (g_free);
  facts = g_string_new (NULL);
  for (guint i = 0; i < items->len; i++)
    {
      const char *code = g_array_index (items, YsLedgerItem, i).code;
      YsMoney amount = *g_array_index (items, YsLedgerItem, i).sum;

      if (amount == 0 || has_prior (priors, by_econ ? "" : code, by_econ ? code : "", ""))
        continue;
      /* The message names the first few and counts the rest. */
      if (n_names++ < MAX_NAMED)
        g_ptr_array_add (names, ys_rule_code_name (ctx, by_econ ? YS_CATALOG_ECONOMIC_DEPT : YS_CATALOG_FUNCTION,
                                                   code));
      append_fact (facts, code, amount);
    }
  if (n_names > 0)
    emit (ctx, unit, figure, names, n_names, facts);
}

static void
check_total (YsRuleContext *ctx, YsGroup *unit, GPtrArray *priors, const char *figure, YsMoney amount,
             const char *kind, const char *name)
{
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GString) facts = NULL;

  if (amount == 0 || has_prior (priors, "", "", kind))
    return;
  names = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (names, g_strdup (name));
  facts = g_string_new (NULL);
  g_string_append_printf (facts, "%s=%" G_GINT64_FORMAT, kind, amount);
  emit (ctx, unit, figure, names, 1, facts);
}

static void
check_missing_prior (YsRuleContext *ctx, YsGroup *unit)
{
  const char *region = ys_document_get_meta (ys_rule_context_get_document (ctx), "region");
  GPtrArray *priors = ys_group_get_records (unit, &ys_prior_year_kind);
  Figures fig = { 0 };

  unit_figures (unit, ys_explain_region_states_change (region, "items"), &fig);
  if (ys_explain_region_states_change (region, "total"))
    check_total (ctx, unit, priors, "total", fig.total, "收入", "收入");
  check_codes (ctx, unit, priors, "items", fig.items, FALSE);
  if (ys_explain_region_states_change (region, "basic"))
    check_total (ctx, unit, priors, "basic", fig.basic, "基本支出", "基本支出");
  if (ys_explain_region_states_change (region, "project"))
    check_total (ctx, unit, priors, "project", fig.project, "项目支出", "项目支出");
  if (ys_explain_region_states_change (region, "agency"))
    check_total (ctx, unit, priors, "agency_cost", fig.agency, "公用经费", "机关运行经费");
  if (ys_explain_region_states_change (region, "three_public"))
    check_codes (ctx, unit, priors, "three_public", fig.sangong, TRUE);
  g_array_unref (fig.sangong);
}

static const YsRule r43 = {
  "R43", YS_FINDING_WARNING,
  N_("情况说明 needs a prior-year figure"),
  N_("Enter last year's figure (上年数) with the reason for the change; the 情况说明 states the change on last year"),
  N_("部门预算公开 情况说明: 比上年增减 of the totals, each 功能分类 项, “三公” and 机关运行经费"),
  YS_RULE_SCOPE_UNIT, NULL, TRUE,
  { { &ys_prior_year_kind, YS_BIT (YS_PRIOR_YEAR_FUNC_CODE) | YS_BIT (YS_PRIOR_YEAR_ECON_CODE)
                           | YS_BIT (YS_PRIOR_YEAR_KIND) | YS_BIT (YS_PRIOR_YEAR_UNIT_CODE) },
    { &ys_line_kind, YS_BIT (YS_LINE_FUNC_CODE) | YS_BIT (YS_LINE_ECON_CODE) | YS_BIT (YS_LINE_KIND)
                     | YS_BIT (YS_LINE_SOURCE) | YS_BIT (YS_LINE_AMOUNT) },
    { &ys_income_kind, YS_BIT (YS_INCOME_AMOUNT) },
    { &ys_unit_kind, YS_BIT (YS_UNIT_UNIT_TYPE) } },
  NULL, check_missing_prior,
};

const YsRule *const ys_rules_explain[] = { &r43, NULL };
