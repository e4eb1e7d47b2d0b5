/* Family 4, balances (figures derived from codes): the “三公” figures come
 * from their economic codes and must agree with the vehicles a unit has and
 * plans to buy; 机关运行经费 is the 公用经费 of 行政单位 and 参公 units only. */
#include "config.h"

#include "ys-i18n-private.h"
#include <string.h>

#include "ys-kinds.h"
#include "ys-ledger.h"
#include "ys-rule.h"

static gboolean
is_vehicle (YsRecord *asset)
{
  return strstr (ys_rule_text (asset, YS_ASSET_CATEGORY), "车") != NULL;
}

static void
emit_unit (YsRuleContext *ctx, YsGroup *unit, const char *suffix, const char *facts, int level,
           const char *message)
{
  YsFindingPlace place = YS_FINDING_PLACE_INIT;

  place.unit_code = ys_group_get_code (unit);
  place.suffix = suffix;
  place.facts = facts;
  place.level = level;
  ys_rule_emit (ctx, &place, "%s", message);
}

static void
check_vehicles (YsRuleContext *ctx, YsGroup *unit)
{
  YsRecord *owner = ys_group_get_owner (unit);
  const YsLedger *ledger = ys_group_get_ledger (unit);
  GPtrArray *assets = ys_group_get_records (unit, &ys_asset_kind);
  gint64 held = owner ? ys_rule_int (owner, YS_UNIT_VEHICLES) : 0;
  gint64 held_assets = 0, planned = 0;
  YsMoney planned_amount = 0, running = ledger->vehicle_running, bought = ledger->vehicle_purchase;
  const char *code = ys_group_get_code (unit);

  for (guint i = 0; i < assets->len; i++)
    {
      YsRecord *asset = g_ptr_array_index (assets, i);

      if (!is_vehicle (asset))
        continue;
      held_assets += ys_rule_int (asset, YS_ASSET_QUANTITY);
      planned += ys_rule_int (asset, YS_ASSET_PLANNED_QUANTITY);
      planned_amount += ys_rule_int (asset, YS_ASSET_PLANNED_AMOUNT);
    }
  held = MAX (held, held_assets);

  /* A unit may hold vehicles whose costs are not 公务用车 (应急、执法 vehicles):
   * only money without vehicles is suspicious, not vehicles without money. */
  if (running > 0 && held == 0 && planned == 0)
    {
      g_autofree char *facts = ys_rule_printf ("%" G_GINT64_FORMAT, running);
      g_autofree char *money = ys_rule_money (running);
      g_autofree char *message =
        ys_rule_printf (_("Unit %s budgets %s of 30231 公务用车运行维护费 but holds no vehicle and plans to buy none"),
                        code, money);
      emit_unit (ctx, unit, "running", facts, -1, message);
    }
  if (bought > 0 && planned == 0 && planned_amount == 0)
    {
      g_autofree char *facts = ys_rule_printf ("%" G_GINT64_FORMAT, bought);
      g_autofree char *money = ys_rule_money (bought);
      g_autofree char *message =
        ys_rule_printf (_("Unit %s budgets %s of 31013 公务用车购置 but the asset table plans no vehicle purchase"),
                        code, money);
      emit_unit (ctx, unit, "purchase", facts, -1, message);
    }
  else if (planned_amount > 0 && planned_amount != bought)
    {
      g_autofree char *facts = ys_rule_printf ("%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT,
                                               planned, planned_amount, bought);
      g_autofree char *p = ys_rule_money (planned_amount), *b = ys_rule_money (bought);
      g_autofree char *message =
        ys_rule_printf (_("Unit %s plans to buy %lld vehicles for %s in the asset table, but 31013 公务用车购置 is %s"),
                        code, (long long) planned, p, b);
      emit_unit (ctx, unit, "purchase", facts, -1, message);
    }
}

static void
check_running_costs (YsRuleContext *ctx, YsGroup *unit)
{
  YsRecord *owner = ys_group_get_owner (unit);
  const YsLedger *ledger = ys_group_get_ledger (unit);
  YsMoney personnel = ledger->fiscal_personnel, running = ledger->fiscal_public;
  const char *type;
  g_autofree char *facts = NULL;
  g_autofree char *message = NULL;

  if (owner == NULL)
    return;
  type = ys_rule_text (owner, YS_UNIT_UNIT_TYPE);
  facts = ys_rule_printf ("%s|%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT, type, personnel, running);
  if (g_str_equal (type, "事业单位"))
    {
      g_autofree char *money = NULL;

      if (running == 0)
        return;
      money = ys_rule_money (running);
      message = ys_rule_printf (_("Unit %s is a 事业单位: its 公用经费 of %s from 财政拨款 is not 机关运行经费, "
                                   "which only 行政单位 and 参公 units report"), ys_group_get_code (unit), money);
      emit_unit (ctx, unit, NULL, facts, YS_FINDING_INFO, message);
      return;
    }
  if (personnel > 0 && running == 0)
    {
      g_autofree char *money = ys_rule_money (personnel);

      message = ys_rule_printf (_("Unit %s (%s) has %s of 人员经费 from 财政拨款 but no 公用经费: its 机关运行经费 "
                                   "would be zero"), ys_group_get_code (unit), type, money);
      emit_unit (ctx, unit, NULL, facts, -1, message);
    }
}

static const YsRule r06 = {
  "R06", YS_FINDING_WARNING,
  N_("“三公” figures disagree with the vehicles"),
  N_("公务用车运行维护费 (30231) needs vehicles to run and 公务用车购置 (31013) a planned purchase in the asset table; "
     "correct the codes or the asset table, or explain"),
  N_("“三公”经费 from 30212/30217/30231/31013 (财预〔2016〕143号 公开目录); 国有资产占用 and 购置 plans"),
  YS_RULE_SCOPE_UNIT, NULL, FALSE,
  { { &ys_line_kind, YS_BIT (YS_LINE_ECON_CODE) | YS_BIT (YS_LINE_AMOUNT) },
    { &ys_unit_kind, YS_BIT (YS_UNIT_VEHICLES) },
    { &ys_asset_kind, YS_BIT (YS_ASSET_CATEGORY) | YS_BIT (YS_ASSET_QUANTITY) | YS_BIT (YS_ASSET_PLANNED_QUANTITY)
                      | YS_BIT (YS_ASSET_PLANNED_AMOUNT) } },
  NULL, check_vehicles,
};

static const YsRule r26 = {
  "R26", YS_FINDING_WARNING,
  N_("机关运行经费 does not fit the unit type"),
  N_("机关运行经费 is the 财政拨款 公用经费 of 行政单位 and 参照公务员法管理事业单位; check the unit type and the kind of "
     "its lines"),
  N_("机关运行经费 definition in the 部门预算公开 名词解释 (保障行政单位（包括参照公务员法管理的事业单位）运行…)"),
  YS_RULE_SCOPE_UNIT, NULL, FALSE,
  { { &ys_line_kind, YS_BIT (YS_LINE_KIND) | YS_BIT (YS_LINE_SOURCE) | YS_BIT (YS_LINE_AMOUNT) },
    { &ys_unit_kind, YS_BIT (YS_UNIT_UNIT_TYPE) } },
  NULL, check_running_costs,
};

const YsRule *const ys_rules_derived[] = { &r06, &r26, NULL };
