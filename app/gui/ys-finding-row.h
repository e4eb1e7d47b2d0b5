#pragma once

#include <gtk/gtk.h>

#include "ys-document.h"
#include "ys-finding.h"

G_BEGIN_DECLS

#define YS_TYPE_FINDING_ROW (ys_finding_row_get_type ())
G_DECLARE_FINAL_TYPE (YsFindingRow, ys_finding_row, YS, FINDING_ROW, GtkWidget)

GtkWidget  *ys_finding_row_new              (void);
YsFinding  *ys_finding_row_get_finding      (YsFindingRow  *self);
void        ys_finding_row_set_finding      (YsFindingRow  *self,
                                             YsFinding     *finding);
/* The row stands for @count identical findings (same rule and message);
 * 1 for the finding alone. */
void        ys_finding_row_set_same_count   (YsFindingRow  *self,
                                             guint          count);
gboolean    ys_finding_row_get_show_review  (YsFindingRow  *self);
void        ys_finding_row_set_show_review  (YsFindingRow  *self,
                                             gboolean       show_review);

/* Shared with the review page's details, so that a level looks the same everywhere. */
const char *ys_finding_level_icon_name      (YsFindingLevel  level);
const char *ys_finding_level_style_class    (YsFindingLevel  level);
/* 待审 / 已认可 / 退回, translated. */
const char *ys_review_status_to_string      (YsReviewStatus  status);
const char *ys_review_status_style_class    (YsReviewStatus  status);
/* "2 errors, 3 warnings": what the counts say in a header or a tooltip. */
char       *ys_findings_describe_counts     (guint           n_errors,
                                             guint           n_warnings);
/* The record to show for @finding: its own, or else its unit's; NULL when
 * neither is in @document any more. */
YsRecord   *ys_finding_find_target          (YsFinding      *finding,
                                             YsDocument     *document);

G_END_DECLS
