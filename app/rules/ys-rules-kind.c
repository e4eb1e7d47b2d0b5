/* Family 2, kind and code: the expenditure kind of a line must agree with its
 * codes. 人员经费 is 301 and 303, 公用经费 302 (and 310 within basic
 * expenditure); a 行政运行 项 holds basic expenditure only. */
#include "config.h"

#include "ys-i18n-private.h"
#include <string.h>

#include "ys-kinds.h"
#include "ys-rule.h"

static gboolean
econ_class_is (const char *econ, const char *a, const char *b)
{
  return g_str_has_prefix (econ, a) || (b != NULL && g_str_has_prefix (econ, b));
}

static void
emit_line (YsRuleContext *ctx, YsRecord *line, guint field, const char *message)
{
  YsFindingPlace place = YS_FINDING_PLACE_INIT;
  g_autofree char *facts = ys_rule_printf ("%s|%s|%s|%s|%" G_GINT64_FORMAT,
                                           ys_rule_text (line, YS_LINE_KIND),
                                           ys_rule_text (line, YS_LINE_FUNC_CODE),
                                           ys_rule_text (line, YS_LINE_ECON_CODE),
                                           ys_rule_text (line, YS_LINE_PROJECT_CODE),
                                           ys_rule_int (line, YS_LINE_AMOUNT));

  place.record = line;
  place.field = (int) field;
  place.facts = facts;
  ys_rule_emit (ctx, &place, "%s", message);
}

static void
check_operation_item (YsRuleContext *ctx, YsRecord *line)
{
  const char *func = ys_rule_text (line, YS_LINE_FUNC_CODE);
  const char *name;
  g_autofree char *amount = NULL;
  g_autofree char *message = NULL;

  if (!g_str_equal (ys_rule_text (line, YS_LINE_KIND), "项目支出"))
    return;
  /* Only the catalog knows which xxxxx01 items are 行政运行 (2080501 is not). */
  name = ys_rule_catalog_name (ctx, YS_CATALOG_FUNCTION, func);
  if (name == NULL || !g_str_equal (name, "行政运行"))
    return;
  amount = ys_rule_money (ys_rule_int (line, YS_LINE_AMOUNT));
  message = ys_rule_printf (_("Project expenditure of %s (project %s) is under %s 行政运行, an item for basic expenditure only"),
                            amount, ys_rule_text (line, YS_LINE_PROJECT_CODE), func);
  emit_line (ctx, line, YS_LINE_FUNC_CODE, message);
}

static void
check_personnel (YsRuleContext *ctx, YsRecord *line)
{
  const char *econ = ys_rule_text (line, YS_LINE_ECON_CODE);
  g_autofree char *message = NULL;
  g_autofree char *what = NULL;

  if (!g_str_equal (ys_rule_text (line, YS_LINE_KIND), "人员经费")
      || econ_class_is (econ, "301", "303"))
    return;
  what = ys_rule_code_name (ctx, YS_CATALOG_ECONOMIC_DEPT, econ);
  message = ys_rule_printf (_("The line is 人员经费 (personnel) but its economic code %s is neither 301 工资福利支出 nor 303 对个人和家庭的补助"),
                            what);
  emit_line (ctx, line, YS_LINE_ECON_CODE, message);
}

static void
check_public (YsRuleContext *ctx, YsRecord *line)
{
  const char *econ = ys_rule_text (line, YS_LINE_ECON_CODE);
  g_autofree char *message = NULL;
  g_autofree char *what = NULL;

  if (!g_str_equal (ys_rule_text (line, YS_LINE_KIND), "公用经费")
      || econ_class_is (econ, "302", "310"))
    return;
  what = ys_rule_code_name (ctx, YS_CATALOG_ECONOMIC_DEPT, econ);
  message = ys_rule_printf (_("The line is 公用经费 (running costs) but its economic code %s is neither 302 商品和服务支出 nor 310 资本性支出"),
                            what);
  emit_line (ctx, line, YS_LINE_ECON_CODE, message);
}

static void
check_project_personnel (YsRuleContext *ctx, YsRecord *line)
{
  const char *econ = ys_rule_text (line, YS_LINE_ECON_CODE);
  g_autofree char *message = NULL;
  g_autofree char *what = NULL;
  g_autofree char *amount = NULL;

  if (!g_str_equal (ys_rule_text (line, YS_LINE_KIND), "项目支出")
      || !econ_class_is (econ, "301", "303"))
    return;
  what = ys_rule_code_name (ctx, YS_CATALOG_ECONOMIC_DEPT, econ);
  amount = ys_rule_money (ys_rule_int (line, YS_LINE_AMOUNT));
  message = ys_rule_printf (_("Project %s spends %s on %s, a personnel code"),
                            ys_rule_text (line, YS_LINE_PROJECT_CODE), amount, what);
  emit_line (ctx, line, YS_LINE_ECON_CODE, message);
}

/* What emit_line() puts in a finding's facts, so what every rule here reads. */
#define LINE_FACTS (YS_BIT (YS_LINE_KIND) | YS_BIT (YS_LINE_FUNC_CODE) | YS_BIT (YS_LINE_ECON_CODE) \
                    | YS_BIT (YS_LINE_PROJECT_CODE) | YS_BIT (YS_LINE_AMOUNT))

static const YsRule r07 = {
  "R07", YS_FINDING_ERROR,
  N_("Project expenditure under a 行政运行 item"),
  N_("Move the project’s lines to the department’s 一般行政管理事务 item (e.g. 2010302) or to the item of the "
     "function the project serves; 行政运行 is for basic expenditure"),
  N_("《政府收支分类科目》: 行政运行 反映行政单位（包括实行公务员管理的事业单位）的基本支出; 一般行政管理事务 the project expenditure"),
  YS_RULE_SCOPE_RECORD, &ys_line_kind, TRUE,
  { { &ys_line_kind, LINE_FACTS } },
  check_operation_item, NULL,
};

static const YsRule r28 = {
  "R28", YS_FINDING_ERROR,
  N_("Personnel expenditure outside 301/303"),
  N_("Use a 301 or 303 economic code, or change the kind of the line to 公用经费 or 项目支出"),
  N_("部门预算支出经济分类: 人员经费 = 301 工资福利支出 + 303 对个人和家庭的补助 (基本支出表)"),
  YS_RULE_SCOPE_RECORD, &ys_line_kind, TRUE,
  { { &ys_line_kind, LINE_FACTS } },
  check_personnel, NULL,
};

static const YsRule r29 = {
  "R29", YS_FINDING_ERROR,
  N_("Running costs outside 302/310"),
  N_("Use a 302 (or 310) economic code, or change the kind of the line to 人员经费 or 项目支出"),
  N_("部门预算支出经济分类: 公用经费 = 302 商品和服务支出 + 310 资本性支出 within basic expenditure"),
  YS_RULE_SCOPE_RECORD, &ys_line_kind, TRUE,
  { { &ys_line_kind, LINE_FACTS } },
  check_public, NULL,
};

static const YsRule r08 = {
  "R08", YS_FINDING_WARNING,
  N_("Project spending on personnel codes"),
  N_("Pay and allowances belong in basic expenditure; if the project really pays people (e.g. temporary staff), "
     "explain it"),
  N_("决算审核模板 YN07: 项目支出 in 301 工资福利支出 / 303 对个人和家庭的补助 to be explained"),
  YS_RULE_SCOPE_RECORD, &ys_line_kind, TRUE,
  { { &ys_line_kind, LINE_FACTS } },
  check_project_personnel, NULL,
};

const YsRule *const ys_rules_kind[] = { &r07, &r28, &r29, &r08, NULL };
