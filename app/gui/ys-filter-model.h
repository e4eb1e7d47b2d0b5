#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define YS_TYPE_FILTER_MODEL (ys_filter_model_get_type ())
G_DECLARE_FINAL_TYPE (YsFilterModel, ys_filter_model, YS, FILTER_MODEL, GObject)

/* A list model of the items of @model that @filter matches, in @model's
 * order. A changed filter is applied in short slices between frames and
 * shown at once when done; until then the rows stay as they were. Items
 * added to @model are filtered at once. Takes both references. */
YsFilterModel *ys_filter_model_new         (GListModel    *model,
                                            GtkFilter     *filter);
void           ys_filter_model_set_model   (YsFilterModel *self,
                                            GListModel    *model);
void           ys_filter_model_set_filter  (YsFilterModel *self,
                                            GtkFilter     *filter);
/* Items still to look at: 0 when the rows shown are the filter's. */
guint          ys_filter_model_get_pending (YsFilterModel *self);

G_END_DECLS
