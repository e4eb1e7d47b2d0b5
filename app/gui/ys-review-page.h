#pragma once

#include "ys-page.h"

G_BEGIN_DECLS

#define YS_TYPE_REVIEW_PAGE (ys_review_page_get_type ())
G_DECLARE_FINAL_TYPE (YsReviewPage, ys_review_page, YS, REVIEW_PAGE, YsPage)

gboolean     ys_review_page_get_reviewer_mode (YsReviewPage *self);
void         ys_review_page_set_reviewer_mode (YsReviewPage *self,
                                               gboolean      reviewer_mode);
const char  *ys_review_page_get_reviewer_name (YsReviewPage *self);
void         ys_review_page_set_reviewer_name (YsReviewPage *self,
                                               const char   *name);

G_END_DECLS
