/* The layout of the goal editor's two indicator sets (实施期, 年度). */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define YS_TYPE_GOALS_COLUMNS (ys_goals_columns_get_type ())
G_DECLARE_FINAL_TYPE (YsGoalsColumns, ys_goals_columns, YS, GOALS_COLUMNS, GtkWidget)

/* Whether the last layout put the sets side by side ("side-by-side" is
 * notified, after the layout, when that changes). */
gboolean ys_goals_columns_get_side_by_side (YsGoalsColumns *self);

G_END_DECLS
