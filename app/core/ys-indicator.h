#pragma once

#include "ys-record.h"

G_BEGIN_DECLS

typedef enum {
  YS_INDICATOR_PROJECT_CODE,
  YS_INDICATOR_GOAL_SET,
  YS_INDICATOR_SEQ,
  YS_INDICATOR_LEVEL1,
  YS_INDICATOR_LEVEL2,
  YS_INDICATOR_NAME,
  YS_INDICATOR_DESCRIPTION,
  YS_INDICATOR_OPERATOR,
  YS_INDICATOR_VALUE,
  YS_INDICATOR_MEASURE,
  YS_INDICATOR_BASIS,
  YS_INDICATOR_WEIGHT,
  YS_INDICATOR_N_FIELDS
} YsIndicatorField;

extern const YsKind ys_indicator_kind;

/* ≥ ≤ = > < or 定性 for any way of writing one (≧, ＞＝, >=, 不低于, 不超过,
 * 等于 …), or NULL when @text is not an operator. */
char *ys_indicator_normalize_operator (const char *text);

#define YS_TYPE_INDICATOR (ys_indicator_get_type ())
G_DECLARE_FINAL_TYPE (YsIndicator, ys_indicator, YS, INDICATOR, YsRecord)

G_END_DECLS
