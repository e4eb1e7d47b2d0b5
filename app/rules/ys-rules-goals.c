/* Family 5, performance goals (one indicator at a time): an indicator has a
 * name and a value, a quantitative value an operator, a number and a unit of
 * measure, its levels belong to the document's framework, and its wording can
 * be measured. Each rule also follows the indicator's project, whose unit is
 * where its findings are located. */
#include "config.h"

#include "ys-i18n-private.h"

#include "ys-goal-terms.h"
#include "ys-goal-wording.h"
#include "ys-kinds.h"
#include "ys-rule.h"

static char *
indicator_facts (YsRecord *ind)
{
  return ys_rule_printf ("%s|%s|%s|%s|%s|%s",
                         ys_rule_text (ind, YS_INDICATOR_LEVEL1),
                         ys_rule_text (ind, YS_INDICATOR_LEVEL2),
                         ys_rule_text (ind, YS_INDICATOR_NAME),
                         ys_rule_text (ind, YS_INDICATOR_OPERATOR),
                         ys_rule_text (ind, YS_INDICATOR_VALUE),
                         ys_rule_text (ind, YS_INDICATOR_MEASURE));
}

/* "P01 年度 产出/数量: 委托业务费" — how messages name an indicator. */
static char *
indicator_label (YsRecord *ind)
{
  g_autofree char *l1 = ys_goal_term (ys_rule_text (ind, YS_INDICATOR_LEVEL1));
  g_autofree char *l2 = ys_goal_term (ys_rule_text (ind, YS_INDICATOR_LEVEL2));
  const char *name = ys_rule_text (ind, YS_INDICATOR_NAME);

  return ys_rule_printf ("%s %s %s/%s #%" G_GINT64_FORMAT "%s%s",
                         ys_rule_text (ind, YS_INDICATOR_PROJECT_CODE),
                         ys_rule_text (ind, YS_INDICATOR_GOAL_SET), l1, l2,
                         ys_rule_int (ind, YS_INDICATOR_SEQ),
                         name[0] ? " " : "", name);
}

static void
emit (YsRuleContext *ctx, YsRecord *ind, guint field, const char *suffix, const char *message)
{
  YsFindingPlace place = YS_FINDING_PLACE_INIT;
  g_autofree char *facts = indicator_facts (ind);

  place.record = ind;
  place.field = (int) field;
  place.suffix = suffix;
  place.facts = facts;
  ys_rule_emit (ctx, &place, "%s", message);
}

/* Blank, or only a placeholder (“-”, “*”); wording the lexicon knows, such
 * as 无 or 不适用, is a value R18 judges. */
static gboolean
value_missing (const char *value)
{
  return ys_rule_is_blank (value) && ys_goal_wording_match (value, NULL, NULL) == NULL;
}

static void
check_blank (YsRuleContext *ctx, YsRecord *ind)
{
  if (ys_rule_is_blank (ys_rule_text (ind, YS_INDICATOR_NAME)))
    {
      g_autofree char *label = indicator_label (ind);
      g_autofree char *message = ys_rule_printf (_("Indicator %s has no level-3 name"), label);
      emit (ctx, ind, YS_INDICATOR_NAME, "name", message);
    }
  if (value_missing (ys_rule_text (ind, YS_INDICATOR_VALUE)))
    {
      g_autofree char *label = indicator_label (ind);
      g_autofree char *message = ys_rule_printf (_("Indicator %s has no target value"), label);
      emit (ctx, ind, YS_INDICATOR_VALUE, "value", message);
    }
}

/* A figure printed without its operator, as several published forms do: a
 * warning naming the operator it most likely needs. A word without one is
 * read as qualitative. */
static void
check_missing_operator (YsRuleContext *ctx, YsRecord *ind)
{
  const char *value = ys_rule_text (ind, YS_INDICATOR_VALUE);
  const char *measure = ys_rule_text (ind, YS_INDICATOR_MEASURE);
  YsFindingPlace place = YS_FINDING_PLACE_INIT;
  g_autofree char *facts = indicator_facts (ind);
  g_autofree char *label = indicator_label (ind);

  place.record = ind;
  place.field = YS_INDICATOR_OPERATOR;
  place.facts = facts;
  if (ys_goal_value_is_numeric (value))
    {
      const char *likely = ys_goal_likely_operator (ys_rule_text (ind, YS_INDICATOR_LEVEL1),
                                                    ys_rule_text (ind, YS_INDICATOR_LEVEL2),
                                                    ys_rule_text (ind, YS_INDICATOR_NAME), measure);

      place.level = YS_FINDING_WARNING;
      /* The hint names the likely operator; hints are static texts, one per operator. */
      place.hint = g_str_equal (likely, "≤")
                     ? _("Most likely ≤: this figure reads as a ceiling (a cost, an amount, a complaint or error rate, "
                         "time taken). Give the operator the target means: ≥ for a floor, ≤ for a ceiling, = for an "
                         "exact figure")
                     : _("Most likely ≥: this figure reads as a floor (a rate, a count, a satisfaction). Give the "
                         "operator the target means: ≥ for a floor, ≤ for a ceiling, = for an exact figure");
      ys_rule_emit (ctx, &place, _("Indicator %s has the figure “%s%s” but no operator; most likely it is “%s”"),
                    label, value, measure, likely);
    }
  else
    {
      place.level = YS_FINDING_INFO;
      place.hint = _("A value in words is a qualitative target: give it the operator 定性");
      ys_rule_emit (ctx, &place, _("Indicator %s has the value “%s” without an operator and is read as qualitative (定性)"),
                    label, value);
    }
}

static void
check_quantitative (YsRuleContext *ctx, YsRecord *ind)
{
  const char *op = ys_rule_text (ind, YS_INDICATOR_OPERATOR);
  const char *value = ys_rule_text (ind, YS_INDICATOR_VALUE);
  const char *measure = ys_rule_text (ind, YS_INDICATOR_MEASURE);
  const YsGoalWording *wording = ys_goal_wording_match (value, NULL, NULL);
  g_autofree char *label = NULL;
  g_autofree char *message = NULL;
  guint field;

  /* A blank value is R17's; 无 and 不适用 are R18's. */
  if ((ys_rule_is_blank (value) && wording == NULL)
      || (wording && (g_str_equal (wording->klass, "none") || g_str_equal (wording->klass, "not_applicable"))))
    return;
  if (op[0] == '\0')
    {
      check_missing_operator (ctx, ind);
      return;
    }
  else if (!ys_goal_is_quantitative (op))
    return;
  else if (!ys_goal_parse_number (value, NULL))
    {
      label = indicator_label (ind);
      message = ys_rule_printf (_("Indicator %s is quantitative (%s) but its value “%s” is not a number"),
                                label, op, value);
      field = YS_INDICATOR_VALUE;
    }
  else if (ys_rule_is_blank (measure))
    {
      label = indicator_label (ind);
      message = ys_rule_printf (_("Indicator %s (%s %s) has no unit of measure"), label, op, value);
      field = YS_INDICATOR_MEASURE;
    }
  else
    return;
  emit (ctx, ind, field, NULL, message);
}

/* What the lexicon says of a value, at the level of its entry. */
static gboolean
check_wording (YsRuleContext *ctx, YsRecord *ind)
{
  const char *value = ys_rule_text (ind, YS_INDICATOR_VALUE);
  const char *measure = ys_rule_text (ind, YS_INDICATOR_MEASURE);
  g_autofree char *matched = NULL;
  const YsGoalWording *w = ys_goal_wording_match (value, measure, &matched);
  YsFindingPlace place = YS_FINDING_PLACE_INIT;
  g_autofree char *facts = NULL;
  g_autofree char *label = NULL;

  if (w == NULL)
    return FALSE;
  facts = indicator_facts (ind);
  label = indicator_label (ind);
  place.record = ind;
  place.field = w->on_measure ? YS_INDICATOR_MEASURE : YS_INDICATOR_VALUE;
  place.facts = facts;
  place.level = (int) w->level;
  if (g_str_equal (w->klass, "not_applicable"))
    {
      place.hint = _("A level-2 indicator with nothing to measure may say so; check that the project really has "
                     "nothing to measure there");
      ys_rule_emit (ctx, &place, _("Indicator %s says it does not apply (“%s”)"), label, value);
    }
  else if (g_str_equal (w->klass, "none"))
    {
      place.hint = _("Give the target as a figure with its unit; where the indicator does not apply, write "
                     "此项不适用 instead of 无");
      ys_rule_emit (ctx, &place, _("Indicator %s: the value “%s” is not a target that can be measured"),
                    label, value);
    }
  else if (w->suggest != NULL)
    {
      place.hint = _("Write the figure with its measure word: 个, 次, 人, 天 …");
      ys_rule_emit (ctx, &place, _("Indicator %s: “%s%s” has a wrong measure word (“%s”, %s); probably “%s”"),
                    label, value, measure, matched, w->label, w->suggest);
    }
  else
    ys_rule_emit (ctx, &place, _("Indicator %s: the value “%s” cannot be measured (%s: “%s” without a figure)"),
                  label, value, w->label, matched);
  return TRUE;
}

static void
check_measurable (YsRuleContext *ctx, YsRecord *ind)
{
  const char *value = ys_rule_text (ind, YS_INDICATOR_VALUE);
  const char *op = ys_rule_text (ind, YS_INDICATOR_OPERATOR);
  g_autofree char *label = NULL;
  g_autofree char *message = NULL;
  g_autofree char *l1 = NULL, *l2 = NULL;

  if (value_missing (value) || check_wording (ctx, ind) || !g_str_equal (op, "定性"))
    return;
  l1 = ys_goal_term (ys_rule_text (ind, YS_INDICATOR_LEVEL1));
  l2 = ys_goal_term (ys_rule_text (ind, YS_INDICATOR_LEVEL2));
  /* Quantities, costs and satisfaction have figures by nature. */
  if (!g_str_equal (l2, "数量") && !g_str_equal (l2, "服务对象满意度") && !ys_goal_is_cost (l1, l2))
    return;
  label = indicator_label (ind);
  message = ys_rule_printf (_("Indicator %s is a %s indicator but its value “%s” is qualitative"),
                            label, ys_goal_is_cost (l1, l2) ? "成本" : l2, value);
  emit (ctx, ind, YS_INDICATOR_VALUE, NULL, message);
}

/* A cost is money: a 成本指标 counted in %, 次 or 人 measures something else. */
static void
check_cost_measure (YsRuleContext *ctx, YsRecord *ind)
{
  const char *op = ys_rule_text (ind, YS_INDICATOR_OPERATOR);
  const char *value = ys_rule_text (ind, YS_INDICATOR_VALUE);
  const char *measure = ys_rule_text (ind, YS_INDICATOR_MEASURE);
  g_autofree char *label = NULL;
  g_autofree char *message = NULL;

  if (!ys_goal_is_cost (ys_rule_text (ind, YS_INDICATOR_LEVEL1), ys_rule_text (ind, YS_INDICATOR_LEVEL2))
      || g_str_equal (op, "定性") || !ys_goal_value_is_numeric (value) || ys_rule_is_blank (measure)
      || ys_goal_is_money_measure (measure))
    return;
  label = indicator_label (ind);
  message = ys_rule_printf (_("Indicator %s is a cost indicator but “%s%s%s” is not an amount of money: a cost is "
                               "stated in 元 or 万元"), label, op, value, measure);
  emit (ctx, ind, YS_INDICATOR_MEASURE, NULL, message);
}

static void
check_framework (YsRuleContext *ctx, YsRecord *ind)
{
  YsFramework framework = ys_goal_framework (ys_rule_context_get_framework (ctx));
  const char *l1 = ys_rule_text (ind, YS_INDICATOR_LEVEL1);
  const char *l2 = ys_rule_text (ind, YS_INDICATOR_LEVEL2);
  g_autofree char *label = NULL;
  g_autofree char *message = NULL;
  const char *name = framework == YS_FRAMEWORK_2021 ? _("the 2021 framework (财预〔2021〕101号)")
                                                    : _("the framework of this budget (产出/效益/满意度)");

  if (!ys_goal_level1_known (framework, l1))
    {
      label = indicator_label (ind);
      message = ys_rule_printf (_("Indicator %s: “%s” is not a level-1 indicator of %s"), label, l1, name);
      emit (ctx, ind, YS_INDICATOR_LEVEL1, NULL, message);
    }
  else if (!ys_goal_level2_belongs (framework, l1, l2))
    {
      g_autofree char *term = ys_goal_term (l1);

      label = indicator_label (ind);
      message = ys_rule_printf (_("Indicator %s: “%s” is not a level-2 indicator under %s in %s"),
                                label, l2, term, name);
      emit (ctx, ind, YS_INDICATOR_LEVEL2, NULL, message);
    }
}

#define INDICATOR_LABEL_FIELDS (YS_BIT (YS_INDICATOR_PROJECT_CODE) | YS_BIT (YS_INDICATOR_GOAL_SET) \
                                | YS_BIT (YS_INDICATOR_SEQ) | YS_BIT (YS_INDICATOR_LEVEL1)           \
                                | YS_BIT (YS_INDICATOR_LEVEL2) | YS_BIT (YS_INDICATOR_NAME))
#define INDICATOR_VALUE_FIELDS (YS_BIT (YS_INDICATOR_OPERATOR) | YS_BIT (YS_INDICATOR_VALUE) \
                                | YS_BIT (YS_INDICATOR_MEASURE))

static const YsRule r17_indicator = {
  "R17", YS_FINDING_ERROR,
  N_("Performance goal left empty"),
  N_("Give every indicator a level-3 name and a target value; “-”, “*” or “无” is not a target"),
  N_("《中央部门预算绩效目标管理办法》(财预〔2015〕88号): 绩效目标 清晰、可衡量; 一体化 绩效 module rejects an empty 指标值"),
  YS_RULE_SCOPE_RECORD, &ys_indicator_kind, FALSE,
  { { &ys_indicator_kind, INDICATOR_LABEL_FIELDS | INDICATOR_VALUE_FIELDS },
    { &ys_project_kind, 0 } },
  check_blank, NULL,
};

static const YsRule r16 = {
  "R16", YS_FINDING_ERROR,
  N_("Quantitative indicator incomplete"),
  N_("A quantitative target is an operator (≥ ≤ = > <), a number and a unit of measure, e.g. ≥ 95 %; a "
     "qualitative one takes the operator 定性. A figure without an operator is a warning, as some published "
     "forms print it"),
  N_("绩效目标表 指标值 = 方向 + 数值 + 计量单位 (一体化 绩效 module save checks)"),
  YS_RULE_SCOPE_RECORD, &ys_indicator_kind, FALSE,
  { { &ys_indicator_kind, INDICATOR_LABEL_FIELDS | INDICATOR_VALUE_FIELDS },
    { &ys_project_kind, 0 } },
  check_quantitative, NULL,
};

static const YsRule r18 = {
  "R18", YS_FINDING_WARNING,
  N_("Indicator cannot be measured"),
  N_("State the target so that it can be checked at the end of the year: a figure with its unit (≥ 95 %, 12 次, "
     "2023年10月底前), not 较好、显著、有所提高、保障有力 or 无; the wording is listed in "
     "resources/rules/goal-wording.json"),
  N_("财预〔2015〕88号 绩效指标 细化、量化; 财预〔2021〕101号 指标值 可衡量、可考核"),
  YS_RULE_SCOPE_RECORD, &ys_indicator_kind, FALSE,
  { { &ys_indicator_kind, INDICATOR_LABEL_FIELDS | INDICATOR_VALUE_FIELDS },
    { &ys_project_kind, 0 } },
  check_measurable, NULL,
};

static const YsRule r34 = {
  "R34", YS_FINDING_WARNING,
  N_("Indicator level not in the framework"),
  N_("Use the level-1 and level-2 indicators of the document’s framework (document setting framework: legacy "
     "or 2021)"),
  N_("绩效指标框架: 产出/效益/满意度 (成本 under 产出), or 财预〔2021〕101号 with 成本 as a level-1 indicator"),
  YS_RULE_SCOPE_RECORD, &ys_indicator_kind, TRUE,
  { { &ys_indicator_kind, INDICATOR_LABEL_FIELDS },
    { &ys_project_kind, 0 } },
  check_framework, NULL,
};

static const YsRule r42 = {
  "R42", YS_FINDING_WARNING,
  N_("Cost indicator not in money"),
  N_("State a cost indicator in 元 or 万元 (≤ 40 万元, ≤ 500 元/人); a rate or a count belongs under another "
     "level-2 indicator"),
  N_("成本指标 (财预〔2021〕101号): 经济成本 in money; 计量单位 元/万元"),
  YS_RULE_SCOPE_RECORD, &ys_indicator_kind, FALSE,
  { { &ys_indicator_kind, INDICATOR_LABEL_FIELDS | INDICATOR_VALUE_FIELDS },
    { &ys_project_kind, 0 } },
  check_cost_measure, NULL,
};

const YsRule *const ys_rules_goals[] = { &r17_indicator, &r16, &r18, &r42, &r34, NULL };
