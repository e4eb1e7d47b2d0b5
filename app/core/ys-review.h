#pragma once

#include "ys-record.h"

G_BEGIN_DECLS

typedef enum {
  YS_REVIEW_FINDING,
  YS_REVIEW_EXPLANATION,
  YS_REVIEW_STATUS,
  YS_REVIEW_COMMENT,
  YS_REVIEW_DIGEST,
  /* Since schema version 4: who made the decision and when (ISO 8601). */
  YS_REVIEW_REVIEWER,
  YS_REVIEW_DECIDED_AT,
  YS_REVIEW_N_FIELDS
} YsReviewField;

extern const YsKind ys_review_kind;

#define YS_TYPE_REVIEW (ys_review_get_type ())
G_DECLARE_FINAL_TYPE (YsReview, ys_review, YS, REVIEW, YsRecord)

G_END_DECLS
