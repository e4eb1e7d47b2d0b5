#pragma once

#include "ys-money.h"
#include "ys-record.h"

G_BEGIN_DECLS

typedef enum {
  YS_PRIOR_YEAR_UNIT_CODE,
  YS_PRIOR_YEAR_FUNC_CODE,
  YS_PRIOR_YEAR_ECON_CODE,
  YS_PRIOR_YEAR_KIND,
  YS_PRIOR_YEAR_SOURCE,
  YS_PRIOR_YEAR_ITEM,
  YS_PRIOR_YEAR_AMOUNT,
  YS_PRIOR_YEAR_REASON,
  YS_PRIOR_YEAR_N_FIELDS
} YsPriorYearField;

extern const YsKind ys_prior_year_kind;

/* A change on last year large enough to need its reason printed (增减原因):
 * a tenth of last year's figure and at least 1万元, or any rise of a “三公”
 * figure. The validator and the 情况说明 use the same test. */
gboolean ys_prior_year_needs_reason (YsMoney  last,
                                     YsMoney  now,
                                     gboolean sangong);

#define YS_TYPE_PRIOR_YEAR (ys_prior_year_get_type ())
G_DECLARE_FINAL_TYPE (YsPriorYear, ys_prior_year, YS, PRIOR_YEAR, YsRecord)

G_END_DECLS
