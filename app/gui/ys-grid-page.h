#pragma once

#include <gtk/gtk.h>

#include "ys-document.h"

G_BEGIN_DECLS

#define YS_TYPE_GRID_PAGE (ys_grid_page_get_type ())
G_DECLARE_FINAL_TYPE (YsGridPage, ys_grid_page, YS, GRID_PAGE, GtkWidget)

YsDocument *ys_grid_page_get_document (YsGridPage *self);
void        ys_grid_page_set_document (YsGridPage *self,
                                       YsDocument *document);
/* Shows the cell of @record's @field (a finding's location), clearing a
 * search that hides it. FALSE when @record is not one of this page's. */
gboolean    ys_grid_page_reveal       (YsGridPage *self,
                                       YsRecord   *record,
                                       int         field);

G_END_DECLS
