#include "config.h"

#include <glib/gi18n-lib.h>

#include "ys-review.h"

static const char *const status_choices[] = { "待审", "已认可", "退回", NULL };

static const YsField fields[] = {
  { "finding", N_("finding"), YS_FIELD_TEXT, YS_FIELD_REQUIRED | YS_FIELD_KEY, NULL, 0, NULL },
  { "explanation", N_("explanation"), YS_FIELD_TEXT, 0, NULL, 0, NULL },
  { "status", N_("review status"), YS_FIELD_CHOICE, 0, status_choices, 0, NULL },
  { "comment", N_("reviewer comment"), YS_FIELD_TEXT, 0, NULL, 0, NULL },
  { "digest", N_("data digest"), YS_FIELD_TEXT, 0, NULL, 0, NULL },
  { "reviewer", N_("reviewer"), YS_FIELD_TEXT, 0, NULL, 0, NULL },
  { "decided_at", N_("time of the decision"), YS_FIELD_TEXT, 0, NULL, 0, NULL },
};

G_STATIC_ASSERT (G_N_ELEMENTS (fields) == YS_REVIEW_N_FIELDS);

const YsKind ys_review_kind = {
  "review", "review", "reviews.csv", N_("review note"),
  fields, G_N_ELEMENTS (fields), 0,
};

YS_DEFINE_RECORD (YsReview, ys_review, &ys_review_kind)
