#pragma once

#include <gtk/gtk.h>

#include "ys-document.h"

G_BEGIN_DECLS

#define YS_TYPE_LINES_PAGE (ys_lines_page_get_type ())
G_DECLARE_FINAL_TYPE (YsLinesPage, ys_lines_page, YS, LINES_PAGE, GtkWidget)

YsDocument *ys_lines_page_get_document (YsLinesPage *self);
void        ys_lines_page_set_document (YsLinesPage *self,
                                        YsDocument  *document);

G_END_DECLS
