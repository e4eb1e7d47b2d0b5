/* Family 4, balances: income and expenditure of a unit agree fund source by
 * fund source (and 财政拨款 item by item where income is given by item), and
 * a project's lines agree with the funds the project declares. */
#include "config.h"

#include "ys-i18n-private.h"
#include <string.h>

#include "ys-kinds.h"
#include "ys-ledger.h"
#include "ys-rule.h"

static void
check_sources (YsRuleContext *ctx, YsGroup *unit)
{
  GPtrArray *incomes = ys_group_get_records (unit, &ys_income_kind);
  /* The lines' side is the unit's ledger's; a unit has few incomes. */
  const YsMoney *spent = ys_group_get_ledger (unit)->spent;
  YsMoney income[YS_LEDGER_SOURCES] = { 0 };

  for (guint i = 0; i < incomes->len; i++)
    {
      YsRecord *r = g_ptr_array_index (incomes, i);
      income[ys_ledger_source_index (ys_rule_text (r, YS_INCOME_SOURCE))] += ys_rule_int (r, YS_INCOME_AMOUNT);
    }

  for (guint s = 0; ys_fund_sources[s]; s++)
    {
      YsFindingPlace place = YS_FINDING_PLACE_INIT;
      g_autofree char *facts = NULL, *in = NULL, *out = NULL, *diff = NULL;
      YsMoney d = income[s] - spent[s];

      if (d == 0)
        continue;
      facts = ys_rule_printf ("%s|%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT, ys_fund_sources[s], income[s], spent[s]);
      in = ys_rule_money (income[s]);
      out = ys_rule_money (spent[s]);
      diff = ys_rule_money (d < 0 ? -d : d);
      place.unit_code = ys_group_get_code (unit);
      place.suffix = ys_fund_sources[s];
      place.facts = facts;
      ys_rule_emit (ctx, &place,
                    d > 0 ? _("Unit %s: income from %s is %s but expenditure from it is %s; %s of income is not spent")
                          : _("Unit %s: income from %s is %s but expenditure from it is %s; %s of expenditure has no income"),
                    ys_group_get_code (unit), ys_fund_sources[s], in, out, diff);
    }
}

static void
add (GHashTable *sums, const char *code, YsMoney amount)
{
  YsMoney *sum = g_hash_table_lookup (sums, code);

  if (sum == NULL)
    {
      sum = g_new0 (YsMoney, 1);
      g_hash_table_insert (sums, (gpointer) code, sum);
    }
  *sum += amount;
}

static YsMoney
get (GHashTable *sums, const char *code)
{
  YsMoney *sum = g_hash_table_lookup (sums, code);
  return sum ? *sum : 0;
}

static void
check_fiscal_items (YsRuleContext *ctx, YsGroup *unit)
{
  GPtrArray *incomes = ys_group_get_records (unit, &ys_income_kind);
  GPtrArray *lines = ys_group_get_records (unit, &ys_line_kind);
  g_autoptr(GHashTable) income = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GHashTable) spent = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GHashTable) codes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree gpointer *sorted = NULL;
  guint n_fiscal = 0;
  guint n_codes;

  /* Only where 财政拨款 income is given by item, as in the 河北 收入总表. */
  for (guint i = 0; i < incomes->len; i++)
    {
      YsRecord *r = g_ptr_array_index (incomes, i);
      const char *func = ys_rule_text (r, YS_INCOME_FUNC_CODE);

      if (!ys_fund_source_is_fiscal (ys_rule_text (r, YS_INCOME_SOURCE)))
        continue;
      if (func[0] == '\0')
        return;
      n_fiscal++;
      add (income, func, ys_rule_int (r, YS_INCOME_AMOUNT));
      g_hash_table_add (codes, (gpointer) func);
    }
  if (n_fiscal == 0)
    return;
  for (guint i = 0; i < lines->len; i++)
    {
      YsRecord *r = g_ptr_array_index (lines, i);
      const char *func = ys_rule_text (r, YS_LINE_FUNC_CODE);

      if (!ys_fund_source_is_fiscal (ys_rule_text (r, YS_LINE_SOURCE)))
        continue;
      add (spent, func, ys_rule_int (r, YS_LINE_AMOUNT));
      g_hash_table_add (codes, (gpointer) func);
    }

  sorted = g_hash_table_get_keys_as_array (codes, &n_codes);
  for (guint i = 0; i < n_codes; i++)
    {
      const char *func = sorted[i];
      YsMoney in = get (income, func), out = get (spent, func);
      YsFindingPlace place = YS_FINDING_PLACE_INIT;
      g_autofree char *facts = NULL, *in_s = NULL, *out_s = NULL, *diff = NULL, *what = NULL;

      if (in == out)
        continue;
      facts = ys_rule_printf ("%s|%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT, func, in, out);
      in_s = ys_rule_money (in);
      out_s = ys_rule_money (out);
      diff = ys_rule_money (in > out ? in - out : out - in);
      what = ys_rule_code_name (ctx, YS_CATALOG_FUNCTION, func);
      place.unit_code = ys_group_get_code (unit);
      place.suffix = func;
      place.facts = facts;
      ys_rule_emit (ctx, &place,
                    _("Unit %s: under %s, 财政拨款 income is %s but 财政拨款 expenditure is %s; the difference is %s"),
                    ys_group_get_code (unit), what, in_s, out_s, diff);
    }
}

static void
check_project_funds (YsRuleContext *ctx, YsGroup *group)
{
  YsRecord *project = ys_group_get_owner (group);
  /* The project's lines as the validator adds them up. */
  YsMoney annual, spent = ys_group_get_spent (group);
  YsFindingPlace place = YS_FINDING_PLACE_INIT;
  g_autofree char *facts = NULL, *a = NULL, *s = NULL, *d = NULL;

  if (project == NULL)
    return;
  annual = ys_rule_project_funds (project, TRUE);
  if (annual == spent)
    return;
  facts = ys_rule_printf ("%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT, annual, spent);
  a = ys_rule_money (annual);
  s = ys_rule_money (spent);
  d = ys_rule_money (annual > spent ? annual - spent : spent - annual);
  place.record = project;
  place.facts = facts;
  ys_rule_emit (ctx, &place,
                _("Project %s %s: its annual funds are %s but its expenditure lines add up to %s; the difference is %s"),
                ys_rule_text (project, YS_PROJECT_CODE), ys_rule_text (project, YS_PROJECT_NAME),
                a, s, d);
}

static void
check_fund_split (YsRuleContext *ctx, YsGroup *group)
{
  YsRecord *project = ys_group_get_owner (group);
  YsMoney government, fiscal = ys_group_get_fiscal (group), spent = ys_group_get_spent (group);
  YsFindingPlace place = YS_FINDING_PLACE_INIT;
  g_autofree char *facts = NULL, *g = NULL, *f = NULL;

  if (project == NULL)
    return;
  /* A total that differs is R31's finding; the split matters once totals agree. */
  if (spent != ys_rule_project_funds (project, TRUE))
    return;
  government = ys_rule_int (project, YS_PROJECT_ANNUAL_CENTRAL)
               + ys_rule_int (project, YS_PROJECT_ANNUAL_PROVINCIAL)
               + ys_rule_int (project, YS_PROJECT_ANNUAL_LOCAL);
  if (government == fiscal)
    return;
  facts = ys_rule_printf ("%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT, government, fiscal);
  g = ys_rule_money (government);
  f = ys_rule_money (fiscal);
  place.record = project;
  place.facts = facts;
  ys_rule_emit (ctx, &place,
                _("Project %s: its annual central, provincial and local government funds are %s but its lines "
                  "financed by 财政拨款 add up to %s"),
                ys_rule_text (project, YS_PROJECT_CODE), g, f);
}

static const YsRule r01 = {
  "R01", YS_FINDING_ERROR,
  N_("Income and expenditure do not balance"),
  N_("Each fund source must finance exactly its income: adjust the income or the lines of that source"),
  N_("《预算法》第十二条 收支平衡; 部门收支总表 收入总计 = 支出总计"),
  YS_RULE_SCOPE_UNIT, NULL, FALSE,
  { { &ys_income_kind, YS_BIT (YS_INCOME_SOURCE) | YS_BIT (YS_INCOME_AMOUNT) },
    { &ys_line_kind, YS_BIT (YS_LINE_SOURCE) | YS_BIT (YS_LINE_AMOUNT) } },
  NULL, check_sources,
};

static const YsRule r02 = {
  "R02", YS_FINDING_ERROR,
  N_("财政拨款 income and expenditure differ by item"),
  N_("Where 财政拨款 income is given by function item, each item’s expenditure must equal its income"),
  N_("财政拨款收支总表 / 一般公共预算支出表: the same 财政拨款 by function item on both sides"),
  YS_RULE_SCOPE_UNIT, NULL, TRUE,
  { { &ys_income_kind, YS_BIT (YS_INCOME_SOURCE) | YS_BIT (YS_INCOME_FUNC_CODE) | YS_BIT (YS_INCOME_AMOUNT) },
    { &ys_line_kind, YS_BIT (YS_LINE_SOURCE) | YS_BIT (YS_LINE_FUNC_CODE) | YS_BIT (YS_LINE_AMOUNT) } },
  NULL, check_fiscal_items,
};

static const YsRule r31 = {
  "R31", YS_FINDING_ERROR,
  N_("Project lines differ from the project’s annual funds"),
  N_("The 项目支出表 and the performance form show the same money: make the lines add up to the annual funds"),
  N_("项目支出表 and 项目支出绩效目标表: 年度资金 = the project’s budgeted expenditure"),
  YS_RULE_SCOPE_PROJECT, NULL, FALSE,
  { { &ys_project_kind, YS_BIT (YS_PROJECT_ANNUAL_CENTRAL) | YS_BIT (YS_PROJECT_ANNUAL_PROVINCIAL)
                        | YS_BIT (YS_PROJECT_ANNUAL_LOCAL) | YS_BIT (YS_PROJECT_ANNUAL_SELF)
                        | YS_BIT (YS_PROJECT_ANNUAL_OTHER) | YS_BIT (YS_PROJECT_NAME) },
    { &ys_line_kind, YS_BIT (YS_LINE_AMOUNT) } },
  NULL, check_project_funds,
};

static const YsRule r11 = {
  "R11", YS_FINDING_WARNING,
  N_("Project fund split does not add up"),
  N_("The government funds (central, provincial, local) of a project are its 财政拨款 lines; own and other funds "
     "are the rest"),
  N_("项目支出绩效目标表 资金来源 (财政拨款 / 其他资金) against the project’s lines by fund source"),
  YS_RULE_SCOPE_PROJECT, NULL, FALSE,
  { { &ys_project_kind, YS_BIT (YS_PROJECT_ANNUAL_CENTRAL) | YS_BIT (YS_PROJECT_ANNUAL_PROVINCIAL)
                        | YS_BIT (YS_PROJECT_ANNUAL_LOCAL) | YS_BIT (YS_PROJECT_ANNUAL_SELF)
                        | YS_BIT (YS_PROJECT_ANNUAL_OTHER) },
    { &ys_line_kind, YS_BIT (YS_LINE_AMOUNT) | YS_BIT (YS_LINE_SOURCE) } },
  NULL, check_fund_split,
};

const YsRule *const ys_rules_balance[] = { &r01, &r02, &r31, &r11, NULL };
