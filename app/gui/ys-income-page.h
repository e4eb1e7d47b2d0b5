#pragma once

#include <gtk/gtk.h>

#include "ys-document.h"

G_BEGIN_DECLS

#define YS_TYPE_INCOME_PAGE (ys_income_page_get_type ())
G_DECLARE_FINAL_TYPE (YsIncomePage, ys_income_page, YS, INCOME_PAGE, GtkWidget)

YsDocument *ys_income_page_get_document (YsIncomePage *self);
void        ys_income_page_set_document (YsIncomePage *self,
                                         YsDocument   *document);

G_END_DECLS
