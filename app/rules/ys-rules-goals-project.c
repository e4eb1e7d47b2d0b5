/* Family 5, performance goals (one project at a time): a project has goals,
 * its indicator sets cover the levels its framework requires, its cost
 * targets agree with its funds, its annual targets and funds stay within
 * the implementation period's, and weights add up to 100. */
#include "config.h"

#include "ys-i18n-private.h"
#include <string.h>

#include "ys-goal-terms.h"
#include "ys-goal-wording.h"
#include "ys-kinds.h"
#include "ys-rule.h"

static const char *const goal_sets[] = { "年度", "实施期" };

static gboolean
in_set (YsRecord *ind, const char *set)
{
  return g_str_equal (ys_rule_text (ind, YS_INDICATOR_GOAL_SET), set);
}

/* ---- R15: the levels a set must cover ---- */

typedef struct
{
  guint n;
  gboolean output, benefit, satisfaction, cost;
  gboolean quantity, quality, timeliness;
} Coverage;

static void
cover (Coverage *c, YsRecord *ind)
{
  const char *l1 = ys_rule_text (ind, YS_INDICATOR_LEVEL1);
  const char *l2 = ys_rule_text (ind, YS_INDICATOR_LEVEL2);
  gboolean output = ys_goal_term_is (l1, "产出");

  c->n++;
  c->output |= output;
  c->benefit |= ys_goal_term_is (l1, "效益");
  c->satisfaction |= ys_goal_term_is (l1, "满意度");
  /* Wherever a cost indicator sits, it is there; R34 says if it sits wrong. */
  c->cost |= ys_goal_term_is (l1, "成本") || strstr (l2, "成本") != NULL;
  if (output)
    {
      c->quantity |= ys_goal_term_is (l2, "数量");
      c->quality |= ys_goal_term_is (l2, "质量");
      c->timeliness |= ys_goal_term_is (l2, "时效");
    }
}

static void
missing (GString *out, gboolean present, const char *what)
{
  if (present)
    return;
  if (out->len)
    g_string_append (out, "、");
  g_string_append (out, what);
}

static void
check_coverage (YsRuleContext *ctx, YsGroup *group)
{
  YsRecord *project = ys_group_get_owner (group);
  GPtrArray *indicators = ys_group_get_records (group, &ys_indicator_kind);
  YsFramework framework = ys_goal_framework (ys_rule_context_get_framework (ctx));

  if (project == NULL)
    return;
  for (guint s = 0; s < G_N_ELEMENTS (goal_sets); s++)
    {
      Coverage c = { 0 };
      YsFindingPlace place = YS_FINDING_PLACE_INIT;
      g_autoptr(GString) lacking = g_string_new (NULL);
      const char *code = ys_rule_text (project, YS_PROJECT_CODE);

      for (guint i = 0; i < indicators->len; i++)
        if (in_set (g_ptr_array_index (indicators, i), goal_sets[s]))
          cover (&c, g_ptr_array_index (indicators, i));
      /* An implementation-period set is asked for once the project has period funds or starts one. */
      if (s == 1 && c.n == 0 && ys_rule_project_funds (project, FALSE) == 0)
        continue;

      place.record = project;
      place.suffix = goal_sets[s];
      if (c.n == 0)
        {
          place.facts = "0";
          ys_rule_emit (ctx, &place, _("Project %s %s has no %s performance indicators"),
                        code, ys_rule_text (project, YS_PROJECT_NAME), goal_sets[s]);
          continue;
        }
      /* The level-1 indicators the framework cannot do without are errors;
       * a missing level-2 indicator or 满意度 (not every project serves
       * someone) is a warning to explain. */
      missing (lacking, c.output, _("产出 (output)"));
      missing (lacking, c.benefit, _("效益 (benefit)"));
      if (framework == YS_FRAMEWORK_2021)
        missing (lacking, c.cost, _("成本 (cost)"));
      if (lacking->len == 0)
        place.level = YS_FINDING_WARNING;
      missing (lacking, !c.output || c.quantity, _("产出/数量 (quantity)"));
      missing (lacking, !c.output || c.quality, _("产出/质量 (quality)"));
      missing (lacking, !c.output || c.timeliness, _("产出/时效 (timeliness)"));
      if (framework != YS_FRAMEWORK_2021)
        missing (lacking, c.cost, _("产出/成本 (cost)"));
      missing (lacking, c.satisfaction, _("满意度 (satisfaction)"));
      if (lacking->len == 0)
        continue;
      place.facts = lacking->str;
      ys_rule_emit (ctx, &place, _("Project %s, %s indicators: no indicator under %s"),
                    code, goal_sets[s], lacking->str);
    }
}

/* ---- R17: the goal texts ---- */

/* A goal written 无 is wording to fix, as an indicator value of 无 is (the
 * lexicon's class and level), not a goal left empty. */
static void
check_goal_text (YsRuleContext *ctx, YsRecord *project, guint field, const char *suffix,
                 const char *blank_format, const char *wording_format)
{
  const char *text = ys_rule_text (project, field);
  const YsGoalWording *w;
  YsFindingPlace place = YS_FINDING_PLACE_INIT;

  if (!ys_rule_is_blank (text))
    return;
  place.record = project;
  place.field = (int) field;
  place.suffix = suffix;
  w = ys_goal_wording_match (text, NULL, NULL);
  if (w != NULL && g_str_equal (w->klass, "none"))
    {
      place.facts = text;
      place.level = (int) w->level;
      place.hint = _("Write what the project will achieve, with figures; “无” is not a goal");
      ys_rule_emit (ctx, &place, wording_format, ys_rule_text (project, YS_PROJECT_CODE),
                    ys_rule_text (project, YS_PROJECT_NAME), text);
      return;
    }
  place.facts = "";
  ys_rule_emit (ctx, &place, blank_format, ys_rule_text (project, YS_PROJECT_CODE),
                ys_rule_text (project, YS_PROJECT_NAME));
}

static void
check_goal_texts (YsRuleContext *ctx, YsRecord *project)
{
  check_goal_text (ctx, project, YS_PROJECT_ANNUAL_GOAL, "annual",
                   _("Project %s %s has no annual goal (年度目标)"),
                   _("Project %s %s: the annual goal “%s” is not a goal that can be measured"));
  if (ys_rule_project_funds (project, FALSE) > 0)
    check_goal_text (ctx, project, YS_PROJECT_PERIOD_GOAL, "period",
                     _("Project %s %s has implementation-period funds but no implementation-period goal (实施期目标)"),
                     _("Project %s %s: the implementation-period goal “%s” is not a goal that can be measured"));
}

/* ---- R36: annual funds within the period's ---- */

static void
check_period_funds (YsRuleContext *ctx, YsRecord *project)
{
  YsMoney annual = ys_rule_project_funds (project, TRUE);
  YsMoney period = ys_rule_project_funds (project, FALSE);
  YsFindingPlace place = YS_FINDING_PLACE_INIT;
  g_autofree char *facts = NULL, *a = NULL, *p = NULL;

  if (period == 0 || annual <= period)
    return;
  facts = ys_rule_printf ("%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT, annual, period);
  a = ys_rule_money (annual);
  p = ys_rule_money (period);
  place.record = project;
  place.field = YS_PROJECT_ANNUAL_LOCAL;
  place.facts = facts;
  ys_rule_emit (ctx, &place, _("Project %s: its annual funds of %s exceed its implementation-period funds of %s"),
                ys_rule_text (project, YS_PROJECT_CODE), a, p);
}

/* ---- R19: cost targets against funds ---- */

static void
check_costs (YsRuleContext *ctx, YsGroup *group)
{
  YsRecord *project = ys_group_get_owner (group);
  GPtrArray *indicators = ys_group_get_records (group, &ys_indicator_kind);

  if (project == NULL)
    return;
  for (guint i = 0; i < indicators->len; i++)
    {
      YsRecord *ind = g_ptr_array_index (indicators, i);
      const char *l1 = ys_rule_text (ind, YS_INDICATOR_LEVEL1);
      const char *l2 = ys_rule_text (ind, YS_INDICATOR_LEVEL2);
      const char *op = ys_rule_text (ind, YS_INDICATOR_OPERATOR);
      gboolean annual = in_set (ind, "年度");
      YsMoney target, funds;
      YsFindingPlace place = YS_FINDING_PLACE_INIT;
      g_autofree char *facts = NULL, *t = NULL, *f = NULL;
      const char *value = ys_rule_text (ind, YS_INDICATOR_VALUE);
      const char *measure = ys_rule_text (ind, YS_INDICATOR_MEASURE);

      if (!(ys_goal_term_is (l1, "成本") || strstr (l2, "成本") != NULL)
          || !(g_str_equal (op, "≤") || g_str_equal (op, "<") || g_str_equal (op, "=") || op[0] == '\0')
          || !ys_goal_parse_money (value, measure, &target))
        continue;
      funds = ys_rule_project_funds (project, annual);
      if (!annual && funds == 0)
        funds = ys_rule_project_funds (project, TRUE);
      if (funds == 0 || (target <= funds && target >= funds / 100))
        continue;
      facts = ys_rule_printf ("%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT, target, funds);
      t = ys_rule_money (target);
      f = ys_rule_money (funds);
      place.record = ind;
      place.field = YS_INDICATOR_VALUE;
      place.facts = facts;
      if (target > funds)
        ys_rule_emit (ctx, &place,
                      _("Project %s, %s cost indicator “%s” (%s %s %s = %s) is above the project’s %s funds of %s"),
                      ys_rule_text (project, YS_PROJECT_CODE), ys_rule_text (ind, YS_INDICATOR_GOAL_SET),
                      ys_rule_text (ind, YS_INDICATOR_NAME), op, value, measure, t,
                      ys_rule_text (ind, YS_INDICATOR_GOAL_SET), f);
      else
        ys_rule_emit (ctx, &place,
                      _("Project %s, %s cost indicator “%s” (%s %s %s = %s) is less than 1%% of the project’s %s funds of %s: "
                        "is the unit (元/万元) right?"),
                      ys_rule_text (project, YS_PROJECT_CODE), ys_rule_text (ind, YS_INDICATOR_GOAL_SET),
                      ys_rule_text (ind, YS_INDICATOR_NAME), op, value, measure, t,
                      ys_rule_text (ind, YS_INDICATOR_GOAL_SET), f);
    }
}

/* ---- R35: annual targets within the period's ---- */

/* The same indicator in the two sets: same level-2 indicator and name. */
static gboolean
same_indicator (YsRecord *a, YsRecord *b)
{
  return ys_goal_text_equal (ys_rule_text (a, YS_INDICATOR_NAME), ys_rule_text (b, YS_INDICATOR_NAME), FALSE)
         && ys_goal_text_equal (ys_rule_text (a, YS_INDICATOR_LEVEL2), ys_rule_text (b, YS_INDICATOR_LEVEL2), TRUE);
}

static int
compare_seq (gconstpointer a, gconstpointer b)
{
  YsRecord *ra = *(YsRecord **) a, *rb = *(YsRecord **) b;
  gint64 sa = ys_rule_int (ra, YS_INDICATOR_SEQ), sb = ys_rule_int (rb, YS_INDICATOR_SEQ);
  gint64 ia = ys_record_get_id (ra), ib = ys_record_get_id (rb);

  if (sa != sb)
    return sa < sb ? -1 : 1;
  return ia < ib ? -1 : ia > ib;
}

static gboolean
is_cap (const char *op)
{
  return g_str_equal (op, "≤") || g_str_equal (op, "<");
}

static gboolean
is_floor (const char *op)
{
  return g_str_equal (op, "≥") || g_str_equal (op, ">") || g_str_equal (op, "=");
}

/* Compares two targets in a common unit: money in 分, other figures only
 * when they share a unit of measure that is not a rate. */
static gboolean
comparable (YsRecord *a, YsRecord *b, double *va, double *vb)
{
  const char *ma = ys_rule_text (a, YS_INDICATOR_MEASURE);
  const char *mb = ys_rule_text (b, YS_INDICATOR_MEASURE);
  YsMoney fa, fb;

  if (ys_goal_parse_money (ys_rule_text (a, YS_INDICATOR_VALUE), ma, &fa)
      && ys_goal_parse_money (ys_rule_text (b, YS_INDICATOR_VALUE), mb, &fb))
    {
      *va = (double) fa;
      *vb = (double) fb;
      return TRUE;
    }
  if (!g_str_equal (ma, mb) || ma[0] == '\0' || strchr (ma, '%') || strstr (ma, "％") || strstr (ma, "率"))
    return FALSE;
  return ys_goal_parse_number (ys_rule_text (a, YS_INDICATOR_VALUE), va)
         && ys_goal_parse_number (ys_rule_text (b, YS_INDICATOR_VALUE), vb);
}

static void
check_annual_targets (YsRuleContext *ctx, YsGroup *group)
{
  GPtrArray *indicators = ys_group_get_records (group, &ys_indicator_kind);
  g_autoptr(GPtrArray) annual = g_ptr_array_new ();
  g_autoptr(GPtrArray) period = g_ptr_array_new ();

  for (guint i = 0; i < indicators->len; i++)
    {
      YsRecord *ind = g_ptr_array_index (indicators, i);
      if (in_set (ind, "年度"))
        g_ptr_array_add (annual, ind);
      else if (in_set (ind, "实施期"))
        g_ptr_array_add (period, ind);
    }
  if (annual->len == 0 || period->len == 0)
    return;
  g_ptr_array_sort (annual, compare_seq);
  g_ptr_array_sort (period, compare_seq);

  /* Indicators repeat names (eight 委托业务费 lines): the n-th annual one
   * answers to the n-th period one. A project has tens of indicators, so
   * counting by scanning is cheap. */
  for (guint i = 0; i < annual->len; i++)
    {
      YsRecord *ind = g_ptr_array_index (annual, i);
      YsRecord *whole = NULL;
      const char *op, *whole_op;
      g_autofree char *facts = NULL;
      YsFindingPlace place = YS_FINDING_PLACE_INIT;
      guint n = 0;
      double a, w;

      for (guint j = 0; j < i; j++)
        n += same_indicator (g_ptr_array_index (annual, j), ind);
      for (guint j = 0; j < period->len && whole == NULL; j++)
        if (same_indicator (g_ptr_array_index (period, j), ind) && n-- == 0)
          whole = g_ptr_array_index (period, j);
      if (whole == NULL)
        continue;
      op = ys_rule_text (ind, YS_INDICATOR_OPERATOR);
      whole_op = ys_rule_text (whole, YS_INDICATOR_OPERATOR);
      if (!((is_cap (op) && is_cap (whole_op)) || (is_floor (op) && is_floor (whole_op))))
        continue;
      if (!comparable (ind, whole, &a, &w) || a <= w)
        continue;
      facts = ys_rule_printf ("%s %s %s|%s %s %s",
                              op, ys_rule_text (ind, YS_INDICATOR_VALUE), ys_rule_text (ind, YS_INDICATOR_MEASURE),
                              whole_op, ys_rule_text (whole, YS_INDICATOR_VALUE),
                              ys_rule_text (whole, YS_INDICATOR_MEASURE));
      place.record = ind;
      place.field = YS_INDICATOR_VALUE;
      place.facts = facts;
      ys_rule_emit (ctx, &place,
                    _("Project %s, indicator “%s”: the annual target %s %s %s is beyond the implementation-period target %s %s %s (#%lld)"),
                    ys_rule_text (ind, YS_INDICATOR_PROJECT_CODE), ys_rule_text (ind, YS_INDICATOR_NAME),
                    op, ys_rule_text (ind, YS_INDICATOR_VALUE), ys_rule_text (ind, YS_INDICATOR_MEASURE),
                    whole_op, ys_rule_text (whole, YS_INDICATOR_VALUE), ys_rule_text (whole, YS_INDICATOR_MEASURE),
                    (long long) ys_rule_int (whole, YS_INDICATOR_SEQ));
    }
}

/* ---- R20: weights ---- */

static void
check_weights (YsRuleContext *ctx, YsGroup *group)
{
  YsRecord *project = ys_group_get_owner (group);
  GPtrArray *indicators = ys_group_get_records (group, &ys_indicator_kind);

  if (project == NULL)
    return;
  for (guint s = 0; s < G_N_ELEMENTS (goal_sets); s++)
    {
      gint64 sum = 0;
      guint weighted = 0;
      YsFindingPlace place = YS_FINDING_PLACE_INIT;
      g_autofree char *facts = NULL;

      for (guint i = 0; i < indicators->len; i++)
        {
          YsRecord *ind = g_ptr_array_index (indicators, i);
          gint64 w = ys_rule_int (ind, YS_INDICATOR_WEIGHT);

          if (!in_set (ind, goal_sets[s]))
            continue;
          sum += w;
          weighted += w != 0;
        }
      if (weighted == 0 || sum == 100)
        continue;
      facts = ys_rule_printf ("%" G_GINT64_FORMAT, sum);
      place.record = project;
      place.suffix = goal_sets[s];
      place.facts = facts;
      ys_rule_emit (ctx, &place, _("Project %s, %s indicators: the weights add up to %lld, not 100"),
                    ys_rule_text (project, YS_PROJECT_CODE), goal_sets[s], (long long) sum);
    }
}

#define PROJECT_FUNDS (YS_BIT (YS_PROJECT_ANNUAL_CENTRAL) | YS_BIT (YS_PROJECT_ANNUAL_PROVINCIAL)       \
                       | YS_BIT (YS_PROJECT_ANNUAL_LOCAL) | YS_BIT (YS_PROJECT_ANNUAL_SELF)            \
                       | YS_BIT (YS_PROJECT_ANNUAL_OTHER) | YS_BIT (YS_PROJECT_PERIOD_CENTRAL)         \
                       | YS_BIT (YS_PROJECT_PERIOD_PROVINCIAL) | YS_BIT (YS_PROJECT_PERIOD_LOCAL)      \
                       | YS_BIT (YS_PROJECT_PERIOD_SELF) | YS_BIT (YS_PROJECT_PERIOD_OTHER))
#define INDICATOR_ALL (YS_BIT (YS_INDICATOR_PROJECT_CODE) | YS_BIT (YS_INDICATOR_GOAL_SET)              \
                       | YS_BIT (YS_INDICATOR_SEQ) | YS_BIT (YS_INDICATOR_LEVEL1)                      \
                       | YS_BIT (YS_INDICATOR_LEVEL2) | YS_BIT (YS_INDICATOR_NAME)                     \
                       | YS_BIT (YS_INDICATOR_OPERATOR) | YS_BIT (YS_INDICATOR_VALUE)                  \
                       | YS_BIT (YS_INDICATOR_MEASURE))

static const YsRule r15 = {
  "R15", YS_FINDING_ERROR,
  N_("Performance indicators missing"),
  N_("Each indicator set needs 产出 (数量, 质量, 时效), 成本, 效益 and 满意度 indicators; 满意度 may be left out only "
     "where no one is served, with an explanation"),
  N_("财预〔2015〕88号 绩效目标 and the indicator framework (财预〔2021〕101号 for the 2021 one); 一体化 绩效 checks: "
     "at least one indicator under 产出 and 效益"),
  YS_RULE_SCOPE_PROJECT, NULL, TRUE,
  { { &ys_indicator_kind, YS_BIT (YS_INDICATOR_GOAL_SET) | YS_BIT (YS_INDICATOR_LEVEL1) | YS_BIT (YS_INDICATOR_LEVEL2) },
    { &ys_project_kind, PROJECT_FUNDS | YS_BIT (YS_PROJECT_NAME) } },
  NULL, check_coverage,
};

static const YsRule r17_project = {
  "R17", YS_FINDING_ERROR,
  N_("Performance goal left empty"),
  N_("Write the project’s annual goal (and its implementation-period goal when it runs over several years): "
     "what it will achieve, with figures"),
  N_("《中央部门预算绩效目标管理办法》(财预〔2015〕88号): a project budget comes with its 绩效目标"),
  YS_RULE_SCOPE_RECORD, &ys_project_kind, FALSE,
  { { &ys_project_kind, PROJECT_FUNDS | YS_BIT (YS_PROJECT_NAME) | YS_BIT (YS_PROJECT_ANNUAL_GOAL)
                        | YS_BIT (YS_PROJECT_PERIOD_GOAL) } },
  check_goal_texts, NULL,
};

static const YsRule r19 = {
  "R19", YS_FINDING_WARNING,
  N_("Cost indicator does not fit the funds"),
  N_("A cost target caps what the project spends: it cannot be above the funds of its set, and one far below them "
     "usually has the wrong unit (元 for 万元)"),
  N_("成本指标 (财预〔2021〕101号): cost targets within the budget; unit conversion 元/万元"),
  YS_RULE_SCOPE_PROJECT, NULL, FALSE,
  { { &ys_indicator_kind, INDICATOR_ALL },
    { &ys_project_kind, PROJECT_FUNDS } },
  NULL, check_costs,
};

static const YsRule r35 = {
  "R35", YS_FINDING_WARNING,
  N_("Annual target beyond the implementation-period target"),
  N_("An annual target is a share of the implementation-period target: lower it or raise the period target"),
  N_("绩效目标申报表: 年度目标 is the current year’s part of the 实施期目标"),
  YS_RULE_SCOPE_PROJECT, NULL, FALSE,
  { { &ys_indicator_kind, INDICATOR_ALL },
    { &ys_project_kind, 0 } },
  NULL, check_annual_targets,
};

static const YsRule r36 = {
  "R36", YS_FINDING_ERROR,
  N_("Annual funds above the implementation-period funds"),
  N_("The implementation period includes the budget year: its funds are at least the annual funds"),
  N_("绩效目标申报表: 年度资金 is part of 实施期资金总额"),
  YS_RULE_SCOPE_RECORD, &ys_project_kind, FALSE,
  { { &ys_project_kind, PROJECT_FUNDS } },
  check_period_funds, NULL,
};

static const YsRule r20 = {
  "R20", YS_FINDING_ERROR,
  N_("Indicator weights do not add up to 100"),
  N_("When weights are used, the weights of a set add up to 100"),
  N_("一体化 绩效 module: 指标权重 sum to 100"),
  YS_RULE_SCOPE_PROJECT, NULL, FALSE,
  { { &ys_indicator_kind, YS_BIT (YS_INDICATOR_GOAL_SET) | YS_BIT (YS_INDICATOR_WEIGHT) },
    { &ys_project_kind, 0 } },
  NULL, check_weights,
};

const YsRule *const ys_rules_goals_project[] = { &r15, &r17_project, &r19, &r35, &r36, &r20, NULL };
