#pragma once

#include <gtk/gtk.h>

#include "ys-document.h"

G_BEGIN_DECLS

#define YS_TYPE_GOAL_ROW (ys_goal_row_get_type ())
G_DECLARE_FINAL_TYPE (YsGoalRow, ys_goal_row, YS, GOAL_ROW, GtkWidget)

/* One indicator (YsIndicator) of @document, edited in place. */
GtkWidget *ys_goal_row_new              (YsDocument *document,
                                         YsRecord   *indicator);
YsRecord  *ys_goal_row_get_indicator    (YsGoalRow  *self);
/* Saves what is typed but not yet saved. */
void       ys_goal_row_commit           (YsGoalRow  *self);
/* The indicator field whose entry has the focus, or -1. */
int        ys_goal_row_get_focus_field  (YsGoalRow  *self);
void       ys_goal_row_focus_field      (YsGoalRow  *self,
                                         int         field);
/* Shows the level-1 and level-2 texts: for an indicator outside the framework. */
void       ys_goal_row_set_show_levels  (YsGoalRow  *self,
                                         gboolean    show_levels);

G_END_DECLS
