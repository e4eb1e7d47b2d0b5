/* Family 6, completeness and sanity (last year): a figure that moves a lot on
 * last year's budget, or a “三公” figure that rises at all, needs a reason,
 * which the narrative prints (增减原因). */
#include "config.h"

#include "ys-i18n-private.h"

#include "ys-kinds.h"
#include "ys-rule.h"

static gboolean
is_sangong (const char *econ)
{
  static const char *const codes[] = { "30212", "30217", "30231", "31013", NULL };
  return g_strv_contains (codes, econ);
}

static gboolean
matches (const char *filter, const char *value)
{
  return filter[0] == '\0' || g_str_equal (filter, value);
}

static gboolean
matches_kind (const char *filter, const char *value)
{
  if (g_str_equal (filter, "基本支出"))
    return g_str_equal (value, "人员经费") || g_str_equal (value, "公用经费");
  return matches (filter, value);
}

static YsMoney
current_amount (YsGroup *unit, YsRecord *prior)
{
  const char *func = ys_rule_text (prior, YS_PRIOR_YEAR_FUNC_CODE);
  const char *econ = ys_rule_text (prior, YS_PRIOR_YEAR_ECON_CODE);
  const char *kind = ys_rule_text (prior, YS_PRIOR_YEAR_KIND);
  const char *source = ys_rule_text (prior, YS_PRIOR_YEAR_SOURCE);
  YsMoney sum = 0;

  if (g_str_equal (kind, "收入"))
    {
      GPtrArray *incomes = ys_group_get_records (unit, &ys_income_kind);

      for (guint i = 0; i < incomes->len; i++)
        {
          YsRecord *r = g_ptr_array_index (incomes, i);
          if (matches (source, ys_rule_text (r, YS_INCOME_SOURCE))
              && matches (func, ys_rule_text (r, YS_INCOME_FUNC_CODE)))
            sum += ys_rule_int (r, YS_INCOME_AMOUNT);
        }
      return sum;
    }
  {
    GPtrArray *lines = ys_group_get_records (unit, &ys_line_kind);

    for (guint i = 0; i < lines->len; i++)
      {
        YsRecord *r = g_ptr_array_index (lines, i);
        if (matches (func, ys_rule_text (r, YS_LINE_FUNC_CODE))
            && matches (econ, ys_rule_text (r, YS_LINE_ECON_CODE))
            && matches_kind (kind, ys_rule_text (r, YS_LINE_KIND))
            && matches (source, ys_rule_text (r, YS_LINE_SOURCE)))
          sum += ys_rule_int (r, YS_LINE_AMOUNT);
      }
  }
  return sum;
}

static char *
describe (YsRuleContext *ctx, YsRecord *prior)
{
  const char *func = ys_rule_text (prior, YS_PRIOR_YEAR_FUNC_CODE);
  const char *econ = ys_rule_text (prior, YS_PRIOR_YEAR_ECON_CODE);
  const char *kind = ys_rule_text (prior, YS_PRIOR_YEAR_KIND);
  const char *item = ys_rule_text (prior, YS_PRIOR_YEAR_ITEM);
  GString *out = g_string_new (NULL);

  if (func[0])
    {
      g_autofree char *f = ys_rule_code_name (ctx, YS_CATALOG_FUNCTION, func);
      g_string_append (out, f);
    }
  if (econ[0])
    {
      g_autofree char *e = ys_rule_code_name (ctx, YS_CATALOG_ECONOMIC_DEPT, econ);
      g_string_append_printf (out, "%s%s", out->len ? " " : "", e);
    }
  if (kind[0])
    g_string_append_printf (out, "%s%s", out->len ? " " : "", kind);
  if (item[0])
    g_string_append_printf (out, "%s%s", out->len ? " " : "", item);
  if (out->len == 0)
    g_string_append (out, _("whole unit"));
  return g_string_free (out, FALSE);
}

static void
check_changes (YsRuleContext *ctx, YsGroup *unit)
{
  GPtrArray *priors = ys_group_get_records (unit, &ys_prior_year_kind);

  for (guint i = 0; i < priors->len; i++)
    {
      YsRecord *prior = g_ptr_array_index (priors, i);
      YsMoney last = ys_rule_int (prior, YS_PRIOR_YEAR_AMOUNT);
      YsMoney now = current_amount (unit, prior);
      YsMoney change = now - last;
      YsMoney size = change < 0 ? -change : change;
      gboolean sangong = is_sangong (ys_rule_text (prior, YS_PRIOR_YEAR_ECON_CODE));
      YsFindingPlace place = YS_FINDING_PLACE_INIT;
      g_autofree char *facts = NULL, *what = NULL, *l = NULL, *n = NULL, *c = NULL;

      if (!ys_rule_is_blank (ys_rule_text (prior, YS_PRIOR_YEAR_REASON)))
        continue;
      if (!ys_prior_year_needs_reason (last, now, sangong))
        continue;
      facts = ys_rule_printf ("%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT, last, now);
      what = describe (ctx, prior);
      l = ys_rule_money (last);
      n = ys_rule_money (now);
      c = ys_rule_money (size);
      place.record = prior;
      place.field = YS_PRIOR_YEAR_REASON;
      place.facts = facts;
      if (last > 0)
        ys_rule_emit (ctx, &place,
                      change > 0 ? _("%s: %s this year against %s last year, up %s (%.1f%%), with no reason given")
                                 : _("%s: %s this year against %s last year, down %s (%.1f%%), with no reason given"),
                      what, n, l, c, (double) size * 100.0 / (double) last);
      else
        ys_rule_emit (ctx, &place, _("%s: %s this year against %s last year, with no reason given"), what, n, l);
    }
}

static const YsRule r14 = {
  "R14", YS_FINDING_WARNING,
  N_("Large change on last year without a reason"),
  N_("Give the reason for the change (增减原因) on the prior-year figure; the narrative prints it"),
  N_("部门预算公开 情况说明: 比上年增减 and its reasons; “三公” increases explained (决算审核 YN14)"),
  YS_RULE_SCOPE_UNIT, NULL, TRUE,
  { { &ys_prior_year_kind, YS_ALL_FIELDS },
    { &ys_line_kind, YS_BIT (YS_LINE_FUNC_CODE) | YS_BIT (YS_LINE_ECON_CODE) | YS_BIT (YS_LINE_KIND)
                     | YS_BIT (YS_LINE_SOURCE) | YS_BIT (YS_LINE_AMOUNT) },
    { &ys_income_kind, YS_BIT (YS_INCOME_SOURCE) | YS_BIT (YS_INCOME_FUNC_CODE) | YS_BIT (YS_INCOME_AMOUNT) } },
  NULL, check_changes,
};

const YsRule *const ys_rules_prior[] = { &r14, NULL };
