/* Family 1, codes: a 功能分类 code is a 项 of the document's catalog year, an
 * economic code a 款 of the 部门 catalog, and the 政府 economic code the one
 * the 部门 code maps to. The bundled catalogs are partial: a code they do not
 * know may still be right, so it is a warning that points to the official
 * catalog; once an official catalog has replaced the bundled one, an error. */
#include "config.h"

#include "ys-i18n-private.h"

#include "ys-kinds.h"
#include "ys-rule.h"

static const char *
import_hint (YsCatalogKind kind)
{
  switch (kind)
    {
    case YS_CATALOG_FUNCTION:
      return _("The bundled catalog is incomplete: check the code against the official catalog, or import "
               "the finance bureau’s catalog (yusuan-cli catalog import BUDGET FILE --kind function --replace); "
               "a code the official catalog lacks is then an error");
    case YS_CATALOG_ECONOMIC_DEPT:
      return _("The bundled catalog is incomplete: check the code against the official catalog, or import "
               "the finance bureau’s catalog (yusuan-cli catalog import BUDGET FILE --kind economic --replace); "
               "a code the official catalog lacks is then an error");
    default:
      return _("The bundled catalog is incomplete: check the code against the official catalog, or import "
               "the finance bureau’s catalog (yusuan-cli catalog import BUDGET FILE --kind gov-economic --replace); "
               "a code the official catalog lacks is then an error");
    }
}

/* Reports @code of @record's @field when @catalog lacks it or has it at another level. */
static void
check_code (YsRuleContext *ctx, YsRecord *record, guint field, YsCatalogKind kind,
            int level, const char *code)
{
  YsCatalog *catalog = ys_rule_context_get_catalog (ctx, kind);
  const YsCatalogEntry *entry;
  YsFindingPlace place = YS_FINDING_PLACE_INIT;
  g_autofree char *facts = NULL;
  gboolean incomplete = ys_catalog_is_incomplete (catalog);

  if (code[0] == '\0')
    return;
  entry = ys_rule_catalog_entry (ctx, kind, code);
  if (entry != NULL && entry->level == level)
    return;

  facts = ys_rule_printf ("%s|%d|%d|%d", code, ys_catalog_get_year (catalog),
                          entry ? entry->level : 0, incomplete);
  place.record = record;
  place.field = (int) field;
  place.facts = facts;
  if (entry != NULL)
    {
      place.level = YS_FINDING_ERROR;
      ys_rule_emit (ctx, &place, kind == YS_CATALOG_FUNCTION
                    ? _("%s %s is not a 项 (item) of the function classification: amounts are entered at 项 level")
                    : _("%s %s is not a 款 (item) of the economic classification: amounts are entered at 款 level"),
                    code, entry->name);
      return;
    }
  place.level = incomplete ? YS_FINDING_WARNING : YS_FINDING_ERROR;
  if (incomplete)
    place.hint = import_hint (kind);
  ys_rule_emit (ctx, &place, incomplete
                ? _("%s is not in the bundled %d %s, which is incomplete")
                : _("%s is not in the %d %s"),
                code, ys_catalog_get_year (catalog), ys_catalog_kind_get_title (kind));
}

static void
check_line_function (YsRuleContext *ctx, YsRecord *line)
{
  check_code (ctx, line, YS_LINE_FUNC_CODE, YS_CATALOG_FUNCTION, 3,
              ys_rule_text (line, YS_LINE_FUNC_CODE));
}

static void
check_income_function (YsRuleContext *ctx, YsRecord *income)
{
  check_code (ctx, income, YS_INCOME_FUNC_CODE, YS_CATALOG_FUNCTION, 3,
              ys_rule_text (income, YS_INCOME_FUNC_CODE));
}

static void
check_line_economic (YsRuleContext *ctx, YsRecord *line)
{
  const char *code = ys_rule_text (line, YS_LINE_ECON_CODE);

  /* A 5xx code is a 政府 one typed into the 部门 column: say so plainly. */
  if (code[0] == '5')
    {
      YsFindingPlace place = YS_FINDING_PLACE_INIT;

      place.record = line;
      place.field = YS_LINE_ECON_CODE;
      place.level = YS_FINDING_ERROR;
      place.facts = code;
      ys_rule_emit (ctx, &place,
                    _("%s is a government economic classification code; the line needs the department "
                      "economic classification code (301…399) here"), code);
      return;
    }
  check_code (ctx, line, YS_LINE_ECON_CODE, YS_CATALOG_ECONOMIC_DEPT, 2, code);
}

static gboolean
is_institution (YsRuleContext *ctx, YsRecord *line)
{
  YsRecord *unit = ys_rule_context_get_unit (ctx, ys_rule_text (line, YS_LINE_UNIT_CODE));

  /* 参照公务员法管理事业单位 use the 机关 column, as 行政单位 do; but a 事业运行
   * item is the basic expenditure of public-institution staff, whatever the
   * type of the unit that budgets it (a non-independent 事业单位 in a 行政单位). */
  return (unit && g_str_equal (ys_rule_text (unit, YS_UNIT_UNIT_TYPE), "事业单位"))
         || g_strcmp0 (ys_rule_catalog_name (ctx, YS_CATALOG_FUNCTION, ys_rule_text (line, YS_LINE_FUNC_CODE)),
                       "事业运行") == 0;
}

static void
check_mapping (YsRuleContext *ctx, YsRecord *line)
{
  const char *dept = ys_rule_text (line, YS_LINE_ECON_CODE);
  const char *gov = ys_rule_text (line, YS_LINE_GOV_ECON_CODE);
  gboolean institution = is_institution (ctx, line);
  const char *mapped;
  YsFindingPlace place = YS_FINDING_PLACE_INIT;
  g_autofree char *facts = NULL;
  g_autofree char *dept_name = NULL;
  const char *column;

  /* An unknown 部门 code is reported by R27; there is nothing to map from. */
  if (ys_rule_catalog_entry (ctx, YS_CATALOG_ECONOMIC_DEPT, dept) == NULL)
    return;
  mapped = ys_rule_map_economic (ctx, dept, institution);
  /* Most lines are right: nothing is written out for them. */
  if (mapped != NULL && (gov[0] == '\0' || g_str_equal (mapped, gov)))
    return;
  column = institution ? _("public institutions") : _("government bodies");
  facts = ys_rule_printf ("%s|%s|%s|%d", dept, gov, mapped ? mapped : "", institution);
  dept_name = ys_rule_code_name (ctx, YS_CATALOG_ECONOMIC_DEPT, dept);
  place.record = line;
  place.field = YS_LINE_GOV_ECON_CODE;
  place.facts = facts;

  if (gov[0] == '\0')
    {
      if (mapped != NULL)
        return;
      place.level = YS_FINDING_WARNING;
      ys_rule_emit (ctx, &place,
                    _("%s has no government economic classification counterpart for %s in the "
                      "mapping table: fill in the government economic code of this line"),
                    dept_name, column);
      return;
    }
  if (mapped != NULL)
    {
      g_autofree char *want = NULL;
      g_autofree char *have = NULL;

      if (g_str_equal (mapped, gov))
        return;
      want = ys_rule_code_name (ctx, YS_CATALOG_ECONOMIC_GOV, mapped);
      have = ys_rule_code_name (ctx, YS_CATALOG_ECONOMIC_GOV, gov);
      ys_rule_emit (ctx, &place,
                    _("%s maps to %s for %s, but the line gives %s"), dept_name, want, column, have);
      return;
    }
  /* No mapping to compare with: the code given must at least be a 政府 款. */
  {
    YsCatalog *catalog = ys_rule_context_get_catalog (ctx, YS_CATALOG_ECONOMIC_GOV);
    const YsCatalogEntry *entry = ys_rule_catalog_entry (ctx, YS_CATALOG_ECONOMIC_GOV, gov);
    gboolean incomplete = ys_catalog_is_incomplete (catalog);

    if (entry != NULL && entry->level == 2)
      {
        /* 505 and 506 are what government gives public institutions: a
         * 机关 line cannot be one, and a public-institution line must be. */
        gboolean institution_code = g_str_has_prefix (gov, "505") || g_str_has_prefix (gov, "506");
        g_autofree char *have = NULL;

        if (institution_code == institution)
          return;
        have = ys_rule_code_name (ctx, YS_CATALOG_ECONOMIC_GOV, gov);
        place.level = YS_FINDING_WARNING;
        ys_rule_emit (ctx, &place, institution
                      ? _("%s has no counterpart in the mapping table; the line gives %s, but a public institution’s "
                          "expenditure is 505/506 对事业单位补助")
                      : _("%s has no counterpart for government bodies in the mapping table; the line gives %s, a "
                          "505/506 code for public institutions, although the unit is a government body and the item "
                          "is not 事业运行"),
                      dept_name, have);
        return;
      }
    place.level = entry == NULL && incomplete ? YS_FINDING_WARNING : YS_FINDING_ERROR;
    if (entry == NULL && incomplete)
      place.hint = import_hint (YS_CATALOG_ECONOMIC_GOV);
    ys_rule_emit (ctx, &place, _("%s is not a 款 (item) of the %d %s"),
                  gov, ys_catalog_get_year (catalog), ys_catalog_kind_get_title (YS_CATALOG_ECONOMIC_GOV));
  }
}

static const YsRule r09_line = {
  "R09", YS_FINDING_ERROR,
  N_("Function classification code not valid"),
  N_("Use a 项 (7-digit item) of the function classification of the budget year"),
  N_("《政府收支分类科目》of the budget year; disclosure down to 项 (财预〔2016〕143号 公开目录)"),
  YS_RULE_SCOPE_RECORD, &ys_line_kind, TRUE,
  { { &ys_line_kind, YS_BIT (YS_LINE_FUNC_CODE) } },
  check_line_function, NULL,
};

static const YsRule r09_income = {
  "R09", YS_FINDING_ERROR,
  N_("Function classification code not valid"),
  N_("Use a 项 (7-digit item) of the function classification of the budget year"),
  N_("《政府收支分类科目》of the budget year; disclosure down to 项 (财预〔2016〕143号 公开目录)"),
  YS_RULE_SCOPE_RECORD, &ys_income_kind, TRUE,
  { { &ys_income_kind, YS_BIT (YS_INCOME_FUNC_CODE) } },
  check_income_function, NULL,
};

static const YsRule r27 = {
  "R27", YS_FINDING_ERROR,
  N_("Economic classification code not valid"),
  N_("Use a 款 (5-digit item) of the department economic classification (部门预算支出经济分类)"),
  N_("部门预算支出经济分类科目 (财预〔2017〕98号); basic expenditure disclosed down to 款"),
  YS_RULE_SCOPE_RECORD, &ys_line_kind, TRUE,
  { { &ys_line_kind, YS_BIT (YS_LINE_ECON_CODE) } },
  check_line_economic, NULL,
};

static const YsRule r10 = {
  "R10", YS_FINDING_ERROR,
  N_("Department and government economic codes do not correspond"),
  N_("Leave the government economic code empty to take it from the mapping table, or enter the code the table gives"),
  N_("财预〔2017〕98号 部门预算支出经济分类与政府预算支出经济分类对照表 (机关 / 事业单位 columns)"),
  YS_RULE_SCOPE_RECORD, &ys_line_kind, TRUE,
  { { &ys_line_kind, YS_BIT (YS_LINE_ECON_CODE) | YS_BIT (YS_LINE_GOV_ECON_CODE) | YS_BIT (YS_LINE_FUNC_CODE) },
    { &ys_unit_kind, YS_BIT (YS_UNIT_UNIT_TYPE) } },
  check_mapping, NULL,
};

const YsRule *const ys_rules_codes[] = { &r09_line, &r09_income, &r27, &r10, NULL };
