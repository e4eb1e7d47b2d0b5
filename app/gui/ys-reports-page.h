#pragma once

#include <gtk/gtk.h>

#include "ys-document.h"

G_BEGIN_DECLS

#define YS_TYPE_REPORTS_PAGE (ys_reports_page_get_type ())
G_DECLARE_FINAL_TYPE (YsReportsPage, ys_reports_page, YS, REPORTS_PAGE, GtkWidget)

YsDocument *ys_reports_page_get_document (YsReportsPage *self);
void        ys_reports_page_set_document (YsReportsPage *self,
                                          YsDocument    *document);

G_END_DECLS
