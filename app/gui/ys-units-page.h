#pragma once

#include <gtk/gtk.h>

#include "ys-document.h"

G_BEGIN_DECLS

#define YS_TYPE_UNITS_PAGE (ys_units_page_get_type ())
G_DECLARE_FINAL_TYPE (YsUnitsPage, ys_units_page, YS, UNITS_PAGE, GtkWidget)

YsDocument *ys_units_page_get_document (YsUnitsPage *self);
void        ys_units_page_set_document (YsUnitsPage *self,
                                        YsDocument  *document);

G_END_DECLS
