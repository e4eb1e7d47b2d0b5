#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define YS_TYPE_FIELD_SORTER (ys_field_sorter_get_type ())
G_DECLARE_FINAL_TYPE (YsFieldSorter, ys_field_sorter, YS, FIELD_SORTER, GtkSorter)

/* Sorts records by the number in @field (an amount, a count, a mark),
 * smallest first. */
GtkSorter *ys_field_sorter_new (guint field);

G_END_DECLS
