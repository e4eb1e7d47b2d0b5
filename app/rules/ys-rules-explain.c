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

static void
note (GHashTable *money, const char *key, YsMoney amount)
{
  YsMoney *sum = g_hash_table_lookup (money, key);

  if (sum == NULL)
    {
      sum = g_new0 (YsMoney, 1);
      g_hash_table_insert (money, g_strdup (key), sum);
    }
  *sum += amount;
}

static gboolean
is_sangong (const char *econ)
{
  static const char *const codes[] = { "30212", "30217", "30231", "31013", NULL };
  return g_strv_contains (codes, econ);
}

/* What this unit spends, keyed the way the 上年数 records are. */
static GHashTable *
unit_figures (YsRuleContext *ctx, YsGroup *unit)
{
  GHashTable *money = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GPtrArray *lines = ys_group_get_records (unit, &ys_line_kind);
  GPtrArray *incomes = ys_group_get_records (unit, &ys_income_kind);
  YsRecord *owner = ys_group_get_owner (unit);
  const char *type = owner ? ys_rule_text (owner, YS_UNIT_UNIT_TYPE) : "";
  gboolean agency = g_str_equal (type, "行政单位") || g_str_equal (type, "参照公务员法管理事业单位");

  for (guint i = 0; i < incomes->len; i++)
    note (money, "total", ys_rule_int (g_ptr_array_index (incomes, i), YS_INCOME_AMOUNT));
  for (guint i = 0; i < lines->len; i++)
    {
      YsRecord *line = g_ptr_array_index (lines, i);
      const char *kind = ys_rule_text (line, YS_LINE_KIND);
      const char *source = ys_rule_text (line, YS_LINE_SOURCE);
      const char *econ = ys_rule_text (line, YS_LINE_ECON_CODE);
      YsMoney amount = ys_rule_int (line, YS_LINE_AMOUNT);
      g_autofree char *item = NULL;

      note (money, g_str_equal (kind, "项目支出") ? "project" : "basic", amount);
      if (g_str_equal (source, "一般公共预算拨款"))
        {
          item = g_strconcat ("items:", ys_rule_text (line, YS_LINE_FUNC_CODE), NULL);
          note (money, item, amount);
        }
      if (ys_fund_source_is_fiscal (source) && is_sangong (econ))
        {
          g_autofree char *key = g_strconcat ("three_public:", econ, NULL);
          note (money, key, amount);
        }
      if (agency && ys_fund_source_is_fiscal (source) && g_str_equal (kind, "公用经费"))
        note (money, "agency", amount);
    }
  (void) ctx;
  return money;
}

static void
emit (YsRuleContext *ctx, YsGroup *unit, const char *figure, GPtrArray *names, GString *facts)
{
  YsFindingPlace place = YS_FINDING_PLACE_INIT;
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; i < names->len && i < MAX_NAMED; i++)
    g_string_append_printf (list, "%s%s", i ? "、" : "", (char *) g_ptr_array_index (names, i));
  place.unit_code = ys_group_get_code (unit);
  place.suffix = figure;
  place.facts = facts->str;
  if (names->len > MAX_NAMED)
    ys_rule_emit (ctx, &place, _("Unit %s: the 情况说明 states the change on last year of %s and %u more, "
                                 "but no prior-year figure is entered for them; the text says （上年数未填）"),
                  ys_group_get_code (unit), list->str, names->len - MAX_NAMED);
  else
    ys_rule_emit (ctx, &place, _("Unit %s: the 情况说明 states the change on last year of %s, "
                                 "but no prior-year figure is entered; the text says （上年数未填）"),
                  ys_group_get_code (unit), list->str);
}

static void
check_missing_prior (YsRuleContext *ctx, YsGroup *unit)
{
  static const char *const figures[] = { "total", "items", "basic", "project", "agency_cost", "three_public" };
  YsDocument *doc = ys_rule_context_get_document (ctx);
  const char *region = ys_document_get_meta (doc, "region");
  GPtrArray *priors = ys_group_get_records (unit, &ys_prior_year_kind);
  g_autoptr(GHashTable) money = unit_figures (ctx, unit);
  /* Sorted, so the figures are named in the same order on every check. */
  g_autoptr(GPtrArray) keys = ys_summary_codes (money);
  for (guint f = 0; f < G_N_ELEMENTS (figures); f++)
    {
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GString) facts = g_string_new (NULL);
      const char *prefix = g_str_equal (figures[f], "agency_cost") ? "agency" : figures[f];
      gsize plen = strlen (prefix);

      if (!ys_explain_region_states_change (region, figures[f]))
        continue;
      for (guint k = 0; k < keys->len; k++)
        {
          const char *key = g_ptr_array_index (keys, k);
          const char *code = key[plen] == ':' ? key + plen + 1 : "";
          YsMoney amount = *(YsMoney *) g_hash_table_lookup (money, key);
          const char *kind;
          gboolean found;

          if (strncmp (key, prefix, plen) != 0 || (key[plen] != '\0' && key[plen] != ':') || amount == 0)
            continue;
          if (g_str_equal (prefix, "items"))
            found = has_prior (priors, code, "", "");
          else if (g_str_equal (prefix, "three_public"))
            found = has_prior (priors, "", code, "");
          else
            {
              kind = g_str_equal (prefix, "total") ? "收入" : g_str_equal (prefix, "basic") ? "基本支出"
                     : g_str_equal (prefix, "project") ? "项目支出" : "公用经费";
              found = has_prior (priors, "", "", kind);
              code = kind;
            }
          if (found)
            continue;
          if (g_str_equal (prefix, "items"))
            g_ptr_array_add (names, ys_rule_code_name (ctx, YS_CATALOG_FUNCTION, code));
          else if (g_str_equal (prefix, "three_public"))
            g_ptr_array_add (names, ys_rule_code_name (ctx, YS_CATALOG_ECONOMIC_DEPT, code));
          else
            g_ptr_array_add (names, g_strdup (g_str_equal (prefix, "agency") ? "机关运行经费"
                                              : g_str_equal (prefix, "total") ? "收入" : code));
          g_string_append_printf (facts, "%s=%" G_GINT64_FORMAT ";", key, amount);
        }
      if (names->len > 0)
        emit (ctx, unit, figures[f], names, facts);
    }
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
