#pragma once

#include <adwaita.h>

#include "ys-diff.h"

G_BEGIN_DECLS

#define YS_TYPE_DIFF_VIEW (ys_diff_view_get_type ())
G_DECLARE_FINAL_TYPE (YsDiffView, ys_diff_view, YS, DIFF_VIEW, GtkWidget)

GtkWidget *ys_diff_view_new      (void);
/* Shows @diff (taken; NULL clears the view). */
void       ys_diff_view_set_diff (YsDiffView *self,
                                  YsDiff     *diff);
YsDiff    *ys_diff_view_get_diff (YsDiffView *self);

G_END_DECLS
