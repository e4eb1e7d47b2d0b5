/* Family 3, pairs that must agree: social-insurance and housing-fund
 * contributions are budgeted under a function item that exists for them and
 * with the economic code that names them, so within a unit the two totals
 * are equal. A difference means money under the wrong item on one side. */
#include "config.h"

#include "ys-i18n-private.h"
#include <string.h>

#include "ys-kinds.h"
#include "ys-ledger.h"
#include "ys-rule.h"

typedef struct
{
  const char *funcs[3];
  const char *econs[3];
  /* Retirees' pay: the 离退休 项 also holds 离休干部公用经费 (302), and
   * retirees' housing allowance is 住房改革支出 (221) by function. */
  gboolean    personnel_only;
  const char *econ_skips_func;
} Pair;

static const Pair pairs[] = {
  { { "2080505" }, { "30108" }, FALSE, NULL },             /* 基本养老保险缴费 */
  { { "2080506" }, { "30109" }, FALSE, NULL },             /* 职业年金缴费 */
  { { "2101101", "2101102" }, { "30110" }, FALSE, NULL },  /* 职工基本医疗保险缴费 */
  { { "2101103" }, { "30111" }, FALSE, NULL },             /* 公务员医疗补助 */
  { { "2210201" }, { "30113" }, FALSE, NULL },             /* 住房公积金 */
  { { "2080501", "2080502" }, { "30301", "30302" }, TRUE, "221" }, /* 离退休 */
};
G_STATIC_ASSERT (G_N_ELEMENTS (pairs) == YS_LEDGER_PAIRS);

/* Index in pairs[] of a function code's side, or -1; tests on prefixes
 * because this runs for every line of the unit. Keep in step with pairs[]. */
static int
func_pair (const char *func)
{
  if (strncmp (func, "20805", 5) == 0)
    {
      if (strcmp (func + 5, "05") == 0)
        return 0;
      if (strcmp (func + 5, "06") == 0)
        return 1;
      if (strcmp (func + 5, "01") == 0 || strcmp (func + 5, "02") == 0)
        return 5;
    }
  else if (strncmp (func, "21011", 5) == 0)
    {
      if (strcmp (func + 5, "01") == 0 || strcmp (func + 5, "02") == 0)
        return 2;
      if (strcmp (func + 5, "03") == 0)
        return 3;
    }
  else if (strcmp (func, "2210201") == 0)
    return 4;
  return -1;
}

static int
econ_pair (const char *econ)
{
  if (strncmp (econ, "3011", 4) == 0)
    {
      if (strcmp (econ + 4, "0") == 0)
        return 2;
      if (strcmp (econ + 4, "1") == 0)
        return 3;
      if (strcmp (econ + 4, "3") == 0)
        return 4;
    }
  else if (strcmp (econ, "30108") == 0)
    return 0;
  else if (strcmp (econ, "30109") == 0)
    return 1;
  else if (strcmp (econ, "30301") == 0 || strcmp (econ, "30302") == 0)
    return 5;
  return -1;
}

static char *
label (YsRuleContext *ctx, YsCatalogKind kind, const char *const *codes)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < 3 && codes[i]; i++)
    {
      g_autofree char *one = ys_rule_code_name (ctx, kind, codes[i]);
      if (i > 0)
        g_string_append (out, " + ");
      g_string_append (out, one);
    }
  return g_string_free (out, FALSE);
}

int
ys_rules_pairs_function_side (const char *func, const char *kind)
{
  int fp = func_pair (func);

  return fp >= 0 && (!pairs[fp].personnel_only || strcmp (kind, "人员经费") == 0) ? fp : -1;
}

int
ys_rules_pairs_economic_side (const char *econ, const char *func)
{
  int ep = econ_pair (econ);

  return ep >= 0 && !(pairs[ep].econ_skips_func && g_str_has_prefix (func, pairs[ep].econ_skips_func)) ? ep : -1;
}

/* The totals are the unit's ledger's (ys-ledger.c adds each line to its sides). */
static void
check_pairs (YsRuleContext *ctx, YsGroup *unit)
{
  const YsLedger *ledger = ys_group_get_ledger (unit);
  const YsMoney *func_total = ledger->pair_function;
  const YsMoney *econ_total = ledger->pair_economic;

  for (guint p = 0; p < G_N_ELEMENTS (pairs); p++)
    {
      YsFindingPlace place = YS_FINDING_PLACE_INIT;
      g_autofree char *facts = NULL;
      g_autofree char *func_label = NULL, *econ_label = NULL;
      g_autofree char *func_money = NULL, *econ_money = NULL, *diff = NULL;
      YsMoney d = func_total[p] - econ_total[p];

      if (d == 0)
        continue;
      facts = ys_rule_printf ("%s|%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT,
                              pairs[p].funcs[0], func_total[p], econ_total[p]);
      func_label = label (ctx, YS_CATALOG_FUNCTION, pairs[p].funcs);
      econ_label = label (ctx, YS_CATALOG_ECONOMIC_DEPT, pairs[p].econs);
      func_money = ys_rule_money (func_total[p]);
      econ_money = ys_rule_money (econ_total[p]);
      diff = ys_rule_money (d < 0 ? -d : d);
      place.unit_code = ys_group_get_code (unit);
      place.suffix = pairs[p].funcs[0];
      place.facts = facts;
      if (pairs[p].econ_skips_func)
        ys_rule_emit (ctx, &place,
                      _("Unit %s: function items %s add up to %s (personnel lines) but economic items %s add "
                        "up to %s (not counting lines under 221 住房保障支出); the difference is %s"),
                      ys_group_get_code (unit), func_label, func_money, econ_label, econ_money, diff);
      else
        ys_rule_emit (ctx, &place,
                      _("Unit %s: function item %s adds up to %s but economic item %s adds up to %s; the difference is %s"),
                      ys_group_get_code (unit), func_label, func_money, econ_label, econ_money, diff);
    }
}

static const YsRule r30 = {
  "R30", YS_FINDING_WARNING,
  N_("Function and economic items that go together differ"),
  N_("Budget each contribution under its function item with its economic code (养老 2080505 ↔ 30108, 职业年金 "
     "2080506 ↔ 30109, 医疗 2101101/2101102 ↔ 30110, 公务员医疗补助 2101103 ↔ 30111, 住房公积金 2210201 ↔ 30113, "
     "离退休 2080501/2080502 ↔ 30301/30302); where the difference is right (e.g. 医疗费补助 30307 under 2101103), explain it"),
  N_("《政府收支分类科目》说明 of these function items and economic items; GBC / 决算 consistency checks"),
  YS_RULE_SCOPE_UNIT, NULL, TRUE,
  { { &ys_line_kind, YS_BIT (YS_LINE_FUNC_CODE) | YS_BIT (YS_LINE_ECON_CODE) | YS_BIT (YS_LINE_KIND)
                     | YS_BIT (YS_LINE_AMOUNT) } },
  NULL, check_pairs,
};

const YsRule *const ys_rules_pairs[] = { &r30, NULL };
