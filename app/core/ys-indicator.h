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

/* A value that carries its operator (“≥95%”, “不低于 95％”, “=365天”,
 * “≤ 30 万元”) as operator, number and measure word; FALSE, touching
 * nothing, when @text does not start with an operator followed by a number. */
gboolean ys_indicator_split_value (const char *text, char **op, char **number, char **measure);

/* What the operator, value and measure fields become when @value is
 * written beside @op and @measure: *out_op is NULL when @value carries no
 * operator. An operator or measure word that disagrees with the field
 * already filled is an error naming both. */
gboolean ys_indicator_resolve_value (const char  *value,
                                     const char  *op,
                                     const char  *measure,
                                     char       **out_op,
                                     char       **out_number,
                                     char       **out_measure,
                                     GError     **error);

/* ys_indicator_resolve_value applied to @record, a record not yet in a
 * document (import): the fields are set in place. */
gboolean ys_indicator_settle (YsRecord *record, GError **error);

#define YS_TYPE_INDICATOR (ys_indicator_get_type ())
G_DECLARE_FINAL_TYPE (YsIndicator, ys_indicator, YS, INDICATOR, YsRecord)

G_END_DECLS
