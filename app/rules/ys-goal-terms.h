/* The words of performance goals: the two indicator frameworks, indicator
 * values as numbers and money, and wording that cannot be measured. Shared
 * by the goal rules (ys-rules-goals*.c) and the goal editor. */
#pragma once

#include <glib.h>

#include "ys-money.h"

G_BEGIN_DECLS

typedef enum {
  YS_FRAMEWORK_LEGACY,  /* 产出 (数量/质量/时效/成本), 效益, 满意度 */
  YS_FRAMEWORK_2021,    /* 财预〔2021〕101号: 成本 a level of its own */
} YsFramework;

/* A group of indicators: a 二级指标 under its 一级指标. */
typedef struct {
  const char *level1;  /* as the forms spell it: "产出指标" */
  const char *level2;  /* "数量指标" */
  const char *alias;   /* another spelling of level2 found in published forms, or NULL */
} YsGoalGroup;

YsFramework  ys_goal_framework          (const char  *meta_value);
/* The groups of @framework, in the order the 绩效目标表 prints them: the
 * one table of them, which the rules and the goal editor read. */
const YsGoalGroup *ys_goal_framework_groups (YsFramework  framework,
                                             guint       *n_groups);
/* Whether an indicator of @level1 and @level2 (either spelling) is of @group. */
gboolean     ys_goal_group_is           (const YsGoalGroup *group,
                                         const char  *level1,
                                         const char  *level2);
/* "产出指标" → "产出", "服务对象满意度指标" → "服务对象满意度" (newly allocated). */
char        *ys_goal_term               (const char  *text);
/* Whether @text, as a term, is @term ("数量指标" is 数量), without allocating. */
gboolean     ys_goal_term_is            (const char  *text,
                                         const char  *term);
/* Whether two texts are equal once surrounding spaces (and, with
 * @as_terms, a trailing 指标) are left out. */
gboolean     ys_goal_text_equal         (const char  *a,
                                         const char  *b,
                                         gboolean     as_terms);
/* Whether @level1 ("产出指标" or "产出") is a level-1 indicator of @framework. */
gboolean     ys_goal_level1_known       (YsFramework  framework,
                                         const char  *level1);
/* Whether @level2 belongs under @level1 in @framework (either spelling). */
gboolean     ys_goal_level2_belongs     (YsFramework  framework,
                                         const char  *level1,
                                         const char  *level2);
/* A cost indicator in either framework (either spelling). */
gboolean     ys_goal_is_cost            (const char  *level1,
                                         const char  *level2);
/* ≥ ≤ = > < */
gboolean     ys_goal_is_quantitative    (const char  *op);
/* Reads "95", "1,000", "22.5" (full-width digits too); FALSE for anything else. */
gboolean     ys_goal_parse_number       (const char  *value,
                                         double      *out);
/* The amount of @value in @measure (元, 千元, 万元, 亿元); FALSE when the measure is not money. */
gboolean     ys_goal_parse_money        (const char  *value,
                                         const char  *measure,
                                         YsMoney     *fen);
/* 元, 千元, 万元, 亿元, also per head or unit (元/人). */
gboolean     ys_goal_is_money_measure   (const char  *measure);
/* Whether @value starts with a figure ("95", "12 万元"). */
gboolean     ys_goal_value_is_numeric   (const char  *value);
/* The operator a figure without one most likely means: ≤ for costs and
 * what is kept down (投诉率, 差错, 完成时间 in days), ≥ for rates, counts
 * and satisfaction. */
const char  *ys_goal_likely_operator    (const char  *level1,
                                         const char  *level2,
                                         const char  *name,
                                         const char  *measure);

G_END_DECLS
