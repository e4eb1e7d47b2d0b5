/* Family 4, balances (procurement and purchased services): an item adds up,
 * a project does not buy more than it spends, and what the lines say is
 * bought is what the procurement and service tables list. */
#include "config.h"

#include "ys-i18n-private.h"
#include <string.h>

#include "ys-kinds.h"
#include "ys-ledger.h"
#include "ys-rule.h"

static void
check_item_sums (YsRuleContext *ctx, YsRecord *item)
{
  gint64 quantity = ys_rule_int (item, YS_PROCUREMENT_QUANTITY);
  YsMoney price = ys_rule_int (item, YS_PROCUREMENT_UNIT_PRICE);
  YsMoney amount = ys_rule_int (item, YS_PROCUREMENT_AMOUNT);
  YsMoney reserved = ys_rule_int (item, YS_PROCUREMENT_SME_RESERVED);
  const char *name = ys_rule_text (item, YS_PROCUREMENT_ITEM_NAME);

  if (quantity > 0 && price > 0 && quantity * price != amount)
    {
      YsFindingPlace place = YS_FINDING_PLACE_INIT;
      g_autofree char *facts = ys_rule_printf ("%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT,
                                               quantity, price, amount);
      g_autofree char *p = ys_rule_money (price), *a = ys_rule_money (amount);
      g_autofree char *product = ys_rule_money (quantity * price);

      place.record = item;
      place.field = YS_PROCUREMENT_AMOUNT;
      place.suffix = "price";
      place.facts = facts;
      ys_rule_emit (ctx, &place,
                    _("%s: quantity %lld × unit price %s = %s, but the amount is %s"),
                    name, (long long) quantity, p, product, a);
    }
  if (reserved > amount)
    {
      YsFindingPlace place = YS_FINDING_PLACE_INIT;
      g_autofree char *facts = ys_rule_printf ("%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT, reserved, amount);
      g_autofree char *r = ys_rule_money (reserved), *a = ys_rule_money (amount);

      place.record = item;
      place.field = YS_PROCUREMENT_SME_RESERVED;
      place.suffix = "sme";
      place.facts = facts;
      ys_rule_emit (ctx, &place,
                    _("%s: %s is reserved for small and medium enterprises, more than the amount %s"),
                    name, r, a);
    }
}

static void
check_item_catalog (YsRuleContext *ctx, YsRecord *item)
{
  const char *code = ys_rule_text (item, YS_PROCUREMENT_CATALOG_CODE);
  YsCatalog *catalog = ys_rule_context_get_catalog (ctx, YS_CATALOG_PROCUREMENT);
  YsFindingPlace place = YS_FINDING_PLACE_INIT;
  g_autofree char *upper = g_ascii_strup (code, -1);
  g_autofree char *facts = NULL;
  gboolean incomplete = ys_catalog_is_incomplete (catalog);

  place.record = item;
  place.field = YS_PROCUREMENT_CATALOG_CODE;
  if (code[0] == '\0')
    {
      place.facts = "";
      ys_rule_emit (ctx, &place, _("%s has no procurement catalog code (品目)"),
                    ys_rule_text (item, YS_PROCUREMENT_ITEM_NAME));
      return;
    }
  if (ys_catalog_lookup (catalog, upper) != NULL)
    return;
  facts = ys_rule_printf ("%s|%d", upper, incomplete);
  place.facts = facts;
  place.level = incomplete ? YS_FINDING_WARNING : YS_FINDING_ERROR;
  ys_rule_emit (ctx, &place, _("%s: %s is not in the %s"),
                ys_rule_text (item, YS_PROCUREMENT_ITEM_NAME), code,
                ys_catalog_kind_get_title (YS_CATALOG_PROCUREMENT));
}

static void
check_project_purchases (YsRuleContext *ctx, YsGroup *group)
{
  YsRecord *project = ys_group_get_owner (group);
  GPtrArray *lines = ys_group_get_records (group, &ys_line_kind);
  GPtrArray *items = ys_group_get_records (group, &ys_procurement_kind);
  YsMoney spent = 0, bought = 0;
  YsFindingPlace place = YS_FINDING_PLACE_INIT;
  g_autofree char *facts = NULL, *b = NULL, *s = NULL, *d = NULL;

  if (project == NULL || items->len == 0)
    return;
  for (guint i = 0; i < lines->len; i++)
    spent += ys_rule_int (g_ptr_array_index (lines, i), YS_LINE_AMOUNT);
  for (guint i = 0; i < items->len; i++)
    bought += ys_rule_int (g_ptr_array_index (items, i), YS_PROCUREMENT_AMOUNT);
  if (bought <= spent)
    return;
  facts = ys_rule_printf ("%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT, bought, spent);
  b = ys_rule_money (bought);
  s = ys_rule_money (spent);
  d = ys_rule_money (bought - spent);
  place.record = project;
  place.facts = facts;
  ys_rule_emit (ctx, &place,
                _("Project %s: procurement items add up to %s, more than the project’s expenditure of %s (by %s)"),
                ys_rule_text (project, YS_PROJECT_CODE), b, s, d);
}

/* Economic codes of purchases that are always government procurement
 * (集中采购目录: office and special equipment, IT, official vehicles). */
gboolean
ys_rules_is_equipment (const char *econ)
{
  static const char *const codes[] = { "31002", "31003", "31007", "31013", NULL };
  return g_strv_contains (codes, econ);
}

typedef struct
{
  guint   flagged[2];  /* lines marked procurement / purchased service */
  guint   listed[2];   /* procurement items / services */
  YsMoney flagged_amount[2];
} Purchases;

static Purchases *
purchases_for (GHashTable *by_project, const char *project)
{
  Purchases *p = g_hash_table_lookup (by_project, project);

  if (p == NULL)
    {
      p = g_new0 (Purchases, 1);
      g_hash_table_insert (by_project, (gpointer) project, p);
    }
  return p;
}

/* The lines' marks and the unmarked equipment are the unit's ledger's. */
static void
check_flags (YsRuleContext *ctx, YsGroup *unit)
{
  const YsLedger *ledger = ys_group_get_ledger (unit);
  GPtrArray *items = ys_group_get_records (unit, &ys_procurement_kind);
  GPtrArray *services = ys_group_get_records (unit, &ys_service_kind);
  g_autoptr(GHashTable) by_project = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, ledger->marks);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const YsLedgerMarks *marks = value;
      Purchases *p;

      if (marks->n[0] == 0 && marks->n[1] == 0)
        continue;
      p = purchases_for (by_project, key);
      for (guint t = 0; t < 2; t++)
        {
          p->flagged[t] = marks->n[t];
          p->flagged_amount[t] = marks->amount[t];
        }
    }
  g_hash_table_iter_init (&iter, ledger->unmarked);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      const YsLedgerLine *entry = key;
      YsRecord *line = entry->line;
      YsFindingPlace place = YS_FINDING_PLACE_INIT;
      g_autofree char *facts = ys_rule_printf ("%s|%" G_GINT64_FORMAT,
                                               ys_rule_text (line, YS_LINE_ECON_CODE), entry->amount);
      g_autofree char *what = ys_rule_code_name (ctx, YS_CATALOG_ECONOMIC_DEPT,
                                                 ys_rule_text (line, YS_LINE_ECON_CODE));
      g_autofree char *money = ys_rule_money (entry->amount);

      place.record = line;
      place.field = YS_LINE_PROCUREMENT;
      place.level = YS_FINDING_INFO;
      place.facts = facts;
      ys_rule_emit (ctx, &place,
                    _("%s of %s is not marked as government procurement; such purchases usually are"),
                    money, what);
    }
  for (guint i = 0; i < items->len; i++)
    purchases_for (by_project, ys_rule_text (g_ptr_array_index (items, i), YS_PROCUREMENT_PROJECT_CODE))->listed[0]++;
  for (guint i = 0; i < services->len; i++)
    purchases_for (by_project, ys_rule_text (g_ptr_array_index (services, i), YS_SERVICE_PROJECT_CODE))->listed[1]++;

  g_hash_table_iter_init (&iter, by_project);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *project = key;
      Purchases *p = value;

      for (guint t = 0; t < 2; t++)
        {
          YsFindingPlace place = YS_FINDING_PLACE_INIT;
          g_autofree char *suffix = NULL, *facts = NULL, *money = NULL;
          g_autofree char *what = project[0] ? ys_rule_printf (_("project %s"), project)
                                             : g_strdup (_("without a project"));

          if ((p->flagged[t] > 0) == (p->listed[t] > 0))
            continue;
          suffix = ys_rule_printf ("%s:%s", t == 0 ? "procurement" : "service", project);
          facts = ys_rule_printf ("%u|%u|%" G_GINT64_FORMAT, p->flagged[t], p->listed[t], p->flagged_amount[t]);
          money = ys_rule_money (p->flagged_amount[t]);
          /* Located at the unit: a project may have lines in several units. */
          place.unit_code = ys_group_get_code (unit);
          place.suffix = suffix;
          place.facts = facts;
          if (p->flagged[t] > 0)
            ys_rule_emit (ctx, &place, t == 0
                          ? _("Unit %s, %s: %u lines (%s) are marked as government procurement but the procurement table lists nothing for them")
                          : _("Unit %s, %s: %u lines (%s) are marked as purchased services but the purchased-service table lists nothing for them"),
                          ys_group_get_code (unit), what, p->flagged[t], money);
          else
            ys_rule_emit (ctx, &place, t == 0
                          ? _("Unit %s, %s: the procurement table lists %u items but no expenditure line is marked as government procurement")
                          : _("Unit %s, %s: the purchased-service table lists %u services but no expenditure line is marked as a purchased service"),
                          ys_group_get_code (unit), what, p->listed[t]);
        }
    }
}

static const YsRule r32 = {
  "R32", YS_FINDING_ERROR,
  N_("Procurement item does not add up"),
  N_("The amount of a procurement item is its quantity times its unit price, and the share reserved for small and "
     "medium enterprises cannot exceed it"),
  N_("政府采购预算表 (数量, 单价, 金额); 财库〔2020〕46号 中小企业预留份额"),
  YS_RULE_SCOPE_RECORD, &ys_procurement_kind, FALSE,
  { { &ys_procurement_kind, YS_BIT (YS_PROCUREMENT_QUANTITY) | YS_BIT (YS_PROCUREMENT_UNIT_PRICE)
                            | YS_BIT (YS_PROCUREMENT_AMOUNT) | YS_BIT (YS_PROCUREMENT_SME_RESERVED)
                            | YS_BIT (YS_PROCUREMENT_ITEM_NAME) } },
  check_item_sums, NULL,
};

static const YsRule r33 = {
  "R33", YS_FINDING_WARNING,
  N_("Procurement item without a valid catalog code"),
  N_("Give each procurement item its code from the 政府采购品目分类目录"),
  N_("《政府采购品目分类目录》(财库〔2022〕31号); the procurement table lists 品目"),
  YS_RULE_SCOPE_RECORD, &ys_procurement_kind, TRUE,
  { { &ys_procurement_kind, YS_BIT (YS_PROCUREMENT_CATALOG_CODE) | YS_BIT (YS_PROCUREMENT_ITEM_NAME) } },
  check_item_catalog, NULL,
};

static const YsRule r21 = {
  "R21", YS_FINDING_ERROR,
  N_("Procurement exceeds the project"),
  N_("A project cannot buy more than it spends: lower the procurement items or raise the project’s lines"),
  N_("政府采购预算 is part of the department budget (《政府采购法》第六条); Σ采购 ≤ the project’s amount"),
  YS_RULE_SCOPE_PROJECT, NULL, FALSE,
  { { &ys_procurement_kind, YS_BIT (YS_PROCUREMENT_AMOUNT) },
    { &ys_line_kind, YS_BIT (YS_LINE_AMOUNT) },
    { &ys_project_kind, 0 } },
  NULL, check_project_purchases,
};

static const YsRule r22 = {
  "R22", YS_FINDING_WARNING,
  N_("Procurement and service marks disagree with their tables"),
  N_("Mark the lines that buy through government procurement or purchased services, and list what they buy in "
     "the procurement or purchased-service table"),
  N_("政府采购预算表 / 政府购买服务预算表 against the lines’ 是否政府采购 / 是否购买服务 marks"),
  YS_RULE_SCOPE_UNIT, NULL, TRUE,
  { { &ys_line_kind, YS_BIT (YS_LINE_PROJECT_CODE) | YS_BIT (YS_LINE_PROCUREMENT)
                     | YS_BIT (YS_LINE_PURCHASED_SERVICE) | YS_BIT (YS_LINE_ECON_CODE) | YS_BIT (YS_LINE_AMOUNT) },
    { &ys_procurement_kind, YS_BIT (YS_PROCUREMENT_PROJECT_CODE) },
    { &ys_service_kind, YS_BIT (YS_SERVICE_PROJECT_CODE) } },
  NULL, check_flags,
};

const YsRule *const ys_rules_procurement[] = { &r32, &r33, &r21, &r22, NULL };
