/* Family 7, control figures (控制数): the finance bureau's figure for a unit,
 * fund source and 基本支出 or 项目支出 (or one project) against the line items
 * under it. Over the figure cannot be submitted; under it is shown, since
 * money left unallocated is usually a line still to be entered. A budget
 * without control figures gets no findings from this family. */
#include "config.h"

#include "ys-i18n-private.h"

#include "ys-kinds.h"
#include "ys-rule.h"

static char *
describe (YsRuleContext *ctx, YsRecord *control)
{
  const char *source = ys_rule_text (control, YS_CONTROL_SOURCE);
  const char *kind = ys_rule_text (control, YS_CONTROL_KIND);
  const char *project = ys_rule_text (control, YS_CONTROL_PROJECT_CODE);
  YsRecord *p = project[0] ? ys_rule_context_get_project (ctx, project) : NULL;

  if (project[0] == '\0')
    return ys_rule_printf ("%s %s", source, kind);
  if (p != NULL)
    return ys_rule_printf ("%s %s %s", source, project, ys_rule_text (p, YS_PROJECT_NAME));
  return ys_rule_printf ("%s %s", source, project);
}

static char *
yuan (YsMoney fen)
{
  g_autofree char *s = ys_money_format (fen, YS_MONEY_YUAN, TRUE);
  return ys_rule_printf ("%s 元", s);
}

static void
check_controls (YsRuleContext *ctx, YsGroup *unit)
{
  GPtrArray *controls = ys_group_get_records (unit, &ys_control_kind);
  GPtrArray *lines = ys_group_get_records (unit, &ys_line_kind);

  for (guint i = 0; i < controls->len; i++)
    {
      YsRecord *control = g_ptr_array_index (controls, i);
      YsMoney limit = ys_rule_int (control, YS_CONTROL_AMOUNT);
      YsMoney budgeted = 0;
      YsFindingPlace place = YS_FINDING_PLACE_INIT;
      g_autofree char *facts = NULL, *what = NULL, *b = NULL, *l = NULL, *d = NULL;

      for (guint j = 0; j < lines->len; j++)
        if (ys_control_covers (control, g_ptr_array_index (lines, j)))
          budgeted += ys_rule_int (g_ptr_array_index (lines, j), YS_LINE_AMOUNT);
      if (budgeted == limit)
        continue;
      facts = ys_rule_printf ("%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT, limit, budgeted);
      what = describe (ctx, control);
      b = yuan (budgeted);
      l = yuan (limit);
      d = yuan (budgeted > limit ? budgeted - limit : limit - budgeted);
      place.record = control;
      place.field = YS_CONTROL_AMOUNT;
      place.facts = facts;
      if (budgeted > limit)
        ys_rule_emit (ctx, &place, _("%s: budgeted %s against the control figure %s, over the control figure by %s"),
                      what, b, l, d);
      else
        {
          place.level = YS_FINDING_INFO;
          place.hint = _("Allocate the rest to line items, or leave it if the unit will not spend it");
          ys_rule_emit (ctx, &place, _("%s: budgeted %s against the control figure %s, %s still to allocate"),
                        what, b, l, d);
        }
    }
}

static const YsRule r44 = {
  "R44", YS_FINDING_ERROR,
  N_("Budget against the control figure"),
  N_("Lower the line items under this control figure, or check the control figure against the finance bureau's notice; "
     "lines carried over from last year (上年结转) are not counted"),
  N_("两上两下: the second submission (二上) keeps within the control figures the finance bureau sent down (控制数)"),
  YS_RULE_SCOPE_UNIT, NULL, FALSE,
  { { &ys_control_kind, YS_ALL_FIELDS },
    { &ys_line_kind, YS_BIT (YS_LINE_KIND) | YS_BIT (YS_LINE_SOURCE) | YS_BIT (YS_LINE_PROJECT_CODE)
                     | YS_BIT (YS_LINE_CARRY_OVER) | YS_BIT (YS_LINE_AMOUNT) },
    { &ys_project_kind, YS_BIT (YS_PROJECT_NAME) } },
  NULL, check_controls,
};

const YsRule *const ys_rules_control[] = { &r44, NULL };
