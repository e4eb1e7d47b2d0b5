/* The indicators of one goal set (实施期 or 年度) of a project, as the goal
 * editor shows them and the 绩效目标表 prints them: by group of the
 * document's framework, then by their order (seq). Keeping the order, and
 * the library of common indicators (共性指标). No widgets. */
#pragma once

#include "ys-document.h"
#include "ys-goal-terms.h"

G_BEGIN_DECLS

typedef struct {
  YsRecord *record;  /* the document's */
  guint     group;   /* in ys_goal_framework_groups(); n_groups when in none */
} YsPlacedIndicator;

/* A common indicator; a cost indicator goes to the framework's cost group,
 * wherever that is. */
typedef struct {
  const char *level1;   /* NULL: the cost group */
  const char *level2;
  const char *name;
  const char *op;
  const char *value;
  const char *measure;
  const char *basis;
  gboolean    legacy_only;
} YsGoalCommon;

const YsGoalCommon *ys_goal_common_indicators (guint *n);

/* One line of the two sets read side by side: an indicator of each set on
 * it, or of one only (-1 for the other). Indexes into the arrays paired. */
typedef struct {
  guint group;    /* as in YsPlacedIndicator */
  int   period;   /* in the 实施期 array, or -1 */
  int   annual;   /* in the 年度 array, or -1 */
} YsGoalLine;

YsFramework  ys_goal_set_framework (YsDocument        *document);
/* The group of @indicator, or @n_groups when it is in none. */
guint        ys_goal_group_of      (const YsGoalGroup *groups,
                                    guint              n_groups,
                                    YsRecord          *indicator);
/* The group named exactly @level1/@level2, or @n_groups. */
guint        ys_goal_group_find    (const YsGoalGroup *groups,
                                    guint              n_groups,
                                    const char        *level1,
                                    const char        *level2);
/* The cost group, or @n_groups. */
guint        ys_goal_group_cost    (const YsGoalGroup *groups,
                                    guint              n_groups);

/* The indicators of @project_code's set @set_word in the order shown: an
 * array of YsPlacedIndicator. */
GArray      *ys_goal_set_collect   (YsDocument        *document,
                                    const char        *project_code,
                                    const char        *set_word);
/* The lines of two sets (each as ys_goal_set_collect() gives it) read
 * side by side: group by group, the indicators of the same 三级指标 (the
 * same name, and outside the framework the same 一级 and 二级 too) on one
 * line, as many as both orders allow (the longest common subsequence), so
 * that each set keeps its own order; an indicator of one set only has a
 * line of its own. @n_groups: the framework's, which marks the indicators
 * in none. An array of YsGoalLine, every indicator on one. */
GArray      *ys_goal_set_lines     (GArray            *period,
                                    GArray            *annual,
                                    guint              n_groups);
/* Gives the indicators of @placed the orders 1, 2, … as they stand, in the
 * document's open batch. */
gboolean     ys_goal_set_renumber  (YsDocument        *document,
                                    GArray            *placed,
                                    GError           **error);
/* Moves @indicator @delta places within its group, as one undo step.
 * FALSE without an error when it is at the end of its group. */
gboolean     ys_goal_set_move      (YsDocument        *document,
                                    YsRecord          *indicator,
                                    int                delta,
                                    GError           **error);
/* Adds a new indicator at the end of its group, as one undo step; the
 * document holds it. */
YsRecord    *ys_goal_set_insert    (YsDocument        *document,
                                    const char        *project_code,
                                    const char        *set_word,
                                    const char        *level1,
                                    const char        *level2,
                                    const YsGoalCommon *common,
                                    GError           **error);

G_END_DECLS
