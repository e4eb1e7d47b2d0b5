#pragma once

#include <gtk/gtk.h>

#include "ys-report-table.h"

G_BEGIN_DECLS

#define YS_TYPE_REPORT_VIEW (ys_report_view_get_type ())
G_DECLARE_FINAL_TYPE (YsReportView, ys_report_view, YS, REPORT_VIEW, GtkWidget)

GtkWidget *ys_report_view_new       (void);
/* Draws @table (or nothing); the view keeps no pointer to it. */
void       ys_report_view_set_table (YsReportView  *self,
                                     YsReportTable *table);

G_END_DECLS
