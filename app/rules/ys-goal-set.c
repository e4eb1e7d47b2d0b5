/* The indicators of a goal set in their order; see ys-goal-set.h. */
#include "config.h"

#include <glib/gi18n.h>

#include "ys-goal-set.h"
#include "ys-kinds.h"

static const YsGoalCommon library[] = {
  { "产出指标", "数量指标", "任务完成率", "=", "100", "%", "计划标准", FALSE },
  { "产出指标", "质量指标", "验收合格率", "=", "100", "%", "行业标准", FALSE },
  { "产出指标", "质量指标", "问题整改率", "=", "100", "%", "计划标准", FALSE },
  { "产出指标", "质量指标", "设备完好率", "≥", "95", "%", "行业标准", FALSE },
  { "产出指标", "时效指标", "按时完成率", "=", "100", "%", "计划标准", FALSE },
  { "产出指标", "时效指标", "资金支付及时率", "≥", "95", "%", "计划标准", FALSE },
  { NULL, NULL, "成本控制率", "≤", "100", "%", "计划标准", FALSE },
  { "效益指标", "社会效益指标", "政策知晓率", "≥", "90", "%", "历史标准", FALSE },
  { "效益指标", "社会效益指标", "有效投诉率", "≤", "1", "%", "历史标准", FALSE },
  { "效益指标", "生态效益指标", "对生态环境的影响", "定性", "无不良影响", "", "行业标准", FALSE },
  { "效益指标", "可持续影响指标", "长效管理机制", "定性", "健全", "", "计划标准", TRUE },
  { "满意度指标", "服务对象满意度指标", "服务对象满意度", "≥", "95", "%", "行业标准", FALSE },
  { "满意度指标", "服务对象满意度指标", "群众满意度", "≥", "90", "%", "历史标准", FALSE },
};

const YsGoalCommon *
ys_goal_common_indicators (guint *n)
{
  *n = G_N_ELEMENTS (library);
  return library;
}

YsFramework
ys_goal_set_framework (YsDocument *document)
{
  return ys_goal_framework (document ? ys_document_get_meta (document, "framework") : NULL);
}

guint
ys_goal_group_of (const YsGoalGroup *groups,
                  guint              n_groups,
                  YsRecord          *indicator)
{
  const char *level1 = ys_record_get_text (indicator, YS_INDICATOR_LEVEL1);
  const char *level2 = ys_record_get_text (indicator, YS_INDICATOR_LEVEL2);

  for (guint g = 0; g < n_groups; g++)
    if (ys_goal_group_is (&groups[g], level1, level2))
      return g;
  return n_groups;
}

guint
ys_goal_group_find (const YsGoalGroup *groups,
                    guint              n_groups,
                    const char        *level1,
                    const char        *level2)
{
  for (guint g = 0; g < n_groups; g++)
    if (g_str_equal (groups[g].level1, level1) && g_str_equal (groups[g].level2, level2))
      return g;
  return n_groups;
}

guint
ys_goal_group_cost (const YsGoalGroup *groups,
                    guint              n_groups)
{
  for (guint g = 0; g < n_groups; g++)
    if (ys_goal_is_cost (groups[g].level1, groups[g].level2))
      return g;
  return n_groups;
}

static int
compare_placed (gconstpointer a,
                gconstpointer b)
{
  const YsPlacedIndicator *x = a;
  const YsPlacedIndicator *y = b;
  gint64 sx, sy;

  if (x->group != y->group)
    return x->group < y->group ? -1 : 1;
  sx = ys_record_get_int (x->record, YS_INDICATOR_SEQ);
  sy = ys_record_get_int (y->record, YS_INDICATOR_SEQ);
  if (sx != sy)
    return sx < sy ? -1 : 1;
  /* Equal orders (an import without one): as they were entered. */
  sx = ys_record_get_id (x->record);
  sy = ys_record_get_id (y->record);
  return sx < sy ? -1 : sx > sy;
}

GArray *
ys_goal_set_collect (YsDocument *document,
                     const char *project_code,
                     const char *set_word)
{
  GArray *placed = g_array_new (FALSE, FALSE, sizeof (YsPlacedIndicator));
  const YsGoalGroup *groups;
  GListModel *model;
  guint n_groups;

  if (document == NULL || project_code == NULL)
    return placed;

  groups = ys_goal_framework_groups (ys_goal_set_framework (document), &n_groups);
  model = ys_document_get_model (document, &ys_indicator_kind);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(YsRecord) indicator = g_list_model_get_item (model, i);
      YsPlacedIndicator p;

      if (g_strcmp0 (ys_record_get_text (indicator, YS_INDICATOR_PROJECT_CODE), project_code) != 0
          || g_strcmp0 (ys_record_get_text (indicator, YS_INDICATOR_GOAL_SET), set_word) != 0)
        continue;
      p.record = indicator;  /* the document keeps it */
      p.group = ys_goal_group_of (groups, n_groups, indicator);
      g_array_append_val (placed, p);
    }
  g_array_sort (placed, compare_placed);
  return placed;
}

/* Whether two indicators of the same group are the same 三级指标. */
static gboolean
same_indicator (const YsPlacedIndicator *a,
                const YsPlacedIndicator *b,
                guint                    other)
{
  static const guint fields[] = { YS_INDICATOR_NAME, YS_INDICATOR_LEVEL1, YS_INDICATOR_LEVEL2 };
  /* In a group of the framework, its levels are the group's. */
  guint n = a->group == other ? G_N_ELEMENTS (fields) : 1;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *x = g_strstrip (g_strdup (ys_record_get_text (a->record, fields[i])));
      g_autofree char *y = g_strstrip (g_strdup (ys_record_get_text (b->record, fields[i])));

      if (g_strcmp0 (x, y) != 0)
        return FALSE;
    }
  return TRUE;
}

static void
append_line (GArray *lines,
             guint   group,
             int     period,
             int     annual)
{
  YsGoalLine line = { group, period, annual };

  g_array_append_val (lines, line);
}

/* The lines of one group: @period[p0, p1) against @annual[a0, a1). */
static void
pair_group (GArray *lines,
            guint   group,
            GArray *period,
            guint   p0,
            guint   p1,
            GArray *annual,
            guint   a0,
            guint   a1,
            guint   other)
{
  guint np = p1 - p0, na = a1 - a0;
  /* common[i][j]: the longest common run of period[p0+i..] and annual[a0+j..]. */
  g_autofree guint *common = g_new0 (guint, (np + 1) * (na + 1));
  guint i = 0, j = 0;

#define COMMON(i, j) common[(i) * (na + 1) + (j)]
  for (guint x = np; x-- > 0;)
    for (guint y = na; y-- > 0;)
      COMMON (x, y) = same_indicator (&g_array_index (period, YsPlacedIndicator, p0 + x),
                                      &g_array_index (annual, YsPlacedIndicator, a0 + y), other)
                      ? COMMON (x + 1, y + 1) + 1
                      : MAX (COMMON (x + 1, y), COMMON (x, y + 1));

  while (i < np || j < na)
    {
      if (i < np && j < na && COMMON (i, j) == COMMON (i + 1, j + 1) + 1
          && same_indicator (&g_array_index (period, YsPlacedIndicator, p0 + i),
                             &g_array_index (annual, YsPlacedIndicator, a0 + j), other))
        {
          append_line (lines, group, p0 + i, a0 + j);
          i++, j++;
        }
      /* What one set has and the other not: the 实施期's first. */
      else if (i < np && (j == na || COMMON (i + 1, j) >= COMMON (i, j + 1)))
        append_line (lines, group, p0 + i++, -1);
      else
        append_line (lines, group, -1, a0 + j++);
    }
#undef COMMON
}

GArray *
ys_goal_set_lines (GArray *period,
                   GArray *annual,
                   guint   n_groups)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (YsGoalLine));
  guint p = 0, a = 0;

  /* Both sorted by group: each group of either, in that order. */
  while (p < period->len || a < annual->len)
    {
      guint gp = p < period->len ? g_array_index (period, YsPlacedIndicator, p).group : G_MAXUINT;
      guint ga = a < annual->len ? g_array_index (annual, YsPlacedIndicator, a).group : G_MAXUINT;
      guint group = MIN (gp, ga);
      guint p1 = p, a1 = a;

      while (p1 < period->len && g_array_index (period, YsPlacedIndicator, p1).group == group)
        p1++;
      while (a1 < annual->len && g_array_index (annual, YsPlacedIndicator, a1).group == group)
        a1++;
      pair_group (lines, group, period, p, p1, annual, a, a1, n_groups);
      p = p1;
      a = a1;
    }
  return lines;
}

gboolean
ys_goal_set_renumber (YsDocument  *document,
                      GArray      *placed,
                      GError     **error)
{
  for (guint i = 0; i < placed->len; i++)
    {
      YsPlacedIndicator *p = &g_array_index (placed, YsPlacedIndicator, i);
      YsValue seq = { .i = i + 1 };

      if (ys_record_get_int (p->record, YS_INDICATOR_SEQ) == seq.i)
        continue;
      if (!ys_document_set (document, p->record, YS_INDICATOR_SEQ, &seq, error))
        return FALSE;
    }
  return TRUE;
}

/* @placed renumbered as one undo step called @title. */
static gboolean
renumber_step (YsDocument  *document,
               const char  *title,
               YsRecord    *insert,
               GArray      *placed,
               GError     **error)
{
  if (!ys_document_begin_batch (document, title, error))
    return FALSE;
  if ((insert != NULL && !ys_document_insert (document, insert, error))
      || !ys_goal_set_renumber (document, placed, error))
    {
      ys_document_cancel_batch (document);
      return FALSE;
    }
  return ys_document_end_batch (document, error);
}

gboolean
ys_goal_set_move (YsDocument  *document,
                  YsRecord    *indicator,
                  int          delta,
                  GError     **error)
{
  g_autoptr(GArray) placed = ys_goal_set_collect (document,
                                                  ys_record_get_text (indicator, YS_INDICATOR_PROJECT_CODE),
                                                  ys_record_get_text (indicator, YS_INDICATOR_GOAL_SET));
  YsPlacedIndicator swap;
  guint at, to;

  for (at = 0; at < placed->len && g_array_index (placed, YsPlacedIndicator, at).record != indicator; at++)
    ;
  if (at == placed->len)
    return FALSE;
  to = at + delta;
  /* Within its group only: the group is what its 一级/二级 say. */
  if ((delta < 0 && at == 0) || to >= placed->len
      || g_array_index (placed, YsPlacedIndicator, to).group != g_array_index (placed, YsPlacedIndicator, at).group)
    return FALSE;
  swap = g_array_index (placed, YsPlacedIndicator, at);
  g_array_index (placed, YsPlacedIndicator, at) = g_array_index (placed, YsPlacedIndicator, to);
  g_array_index (placed, YsPlacedIndicator, to) = swap;
  return renumber_step (document, _("Move indicator"), NULL, placed, error);
}

YsRecord *
ys_goal_set_insert (YsDocument          *document,
                    const char          *project_code,
                    const char          *set_word,
                    const char          *level1,
                    const char          *level2,
                    const YsGoalCommon  *common,
                    GError             **error)
{
  g_autoptr(GArray) placed = ys_goal_set_collect (document, project_code, set_word);
  g_autoptr(YsRecord) indicator = ys_record_new (&ys_indicator_kind);
  const YsGoalGroup *groups;
  YsPlacedIndicator fresh;
  guint n_groups, group, at;

  groups = ys_goal_framework_groups (ys_goal_set_framework (document), &n_groups);
  ys_record_set_text (indicator, YS_INDICATOR_PROJECT_CODE, project_code);
  ys_record_set_text (indicator, YS_INDICATOR_GOAL_SET, set_word);
  ys_record_set_text (indicator, YS_INDICATOR_LEVEL1, level1);
  ys_record_set_text (indicator, YS_INDICATOR_LEVEL2, level2);
  if (common != NULL)
    {
      ys_record_set_text (indicator, YS_INDICATOR_NAME, common->name);
      ys_record_set_text (indicator, YS_INDICATOR_OPERATOR, common->op);
      ys_record_set_text (indicator, YS_INDICATOR_VALUE, common->value);
      ys_record_set_text (indicator, YS_INDICATOR_MEASURE, common->measure);
      ys_record_set_text (indicator, YS_INDICATOR_BASIS, common->basis);
    }

  group = ys_goal_group_of (groups, n_groups, indicator);
  for (at = 0; at < placed->len && g_array_index (placed, YsPlacedIndicator, at).group <= group; at++)
    ;
  ys_record_set_int (indicator, YS_INDICATOR_SEQ, at + 1);
  fresh.record = indicator;
  fresh.group = group;
  g_array_insert_val (placed, at, fresh);

  if (!renumber_step (document, _("Add indicator"), indicator, placed, error))
    return NULL;
  return indicator;  /* the document holds it now */
}
