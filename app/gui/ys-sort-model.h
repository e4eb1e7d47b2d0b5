#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define YS_TYPE_SORT_MODEL (ys_sort_model_get_type ())
G_DECLARE_FINAL_TYPE (YsSortModel, ys_sort_model, YS, SORT_MODEL, GObject)

/* A list model of @model's items in @sorter's order. A new order is
 * worked out in short slices between frames and shown at once when done;
 * until then the rows stay as they were. Ties keep @model's order, as in
 * GtkSortListModel. Takes both references. */
YsSortModel *ys_sort_model_new         (GListModel  *model,
                                        GtkSorter   *sorter);
void         ys_sort_model_set_model   (YsSortModel *self,
                                        GListModel  *model);
void         ys_sort_model_set_sorter  (YsSortModel *self,
                                        GtkSorter   *sorter);
/* Items still to sort: 0 when the rows are in their order. */
guint        ys_sort_model_get_pending (YsSortModel *self);

G_END_DECLS
