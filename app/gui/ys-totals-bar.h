#pragma once

#include <gtk/gtk.h>

#include "ys-document.h"

G_BEGIN_DECLS

#define YS_TYPE_TOTALS_BAR (ys_totals_bar_get_type ())
G_DECLARE_FINAL_TYPE (YsTotalsBar, ys_totals_bar, YS, TOTALS_BAR, GtkWidget)

void     ys_totals_bar_set_document (YsTotalsBar *self,
                                     YsDocument  *document);
/* The three totals, or the difference alone. */
gboolean ys_totals_bar_get_full     (YsTotalsBar *self);
void     ys_totals_bar_set_full     (YsTotalsBar *self,
                                     gboolean     full);
/* How much wider the bar is with the three totals than as it is now. */
int      ys_totals_bar_get_full_extra_width (YsTotalsBar *self);

G_END_DECLS
