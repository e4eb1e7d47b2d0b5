/* The preview grid of the import dialog: one column per column of the sheet,
 * with the field it fills chosen in a drop-down above it, every bad cell an
 * entry marked with its reason, a check box per record row, and the reasons
 * of each row spelled out in a column beside its number. A GtkColumnView shows only the
 * rows in view, so a sheet of 100,000 rows costs no more than one of ten. */
#pragma once

#include <gtk/gtk.h>

#include "ys-sheet-import.h"

G_BEGIN_DECLS

typedef struct _YsImportPreview YsImportPreview;

/* Something the user did in the grid changed the counts. */
typedef void (*YsImportPreviewChanged) (gpointer user_data);

YsImportPreview *ys_import_preview_new          (GtkColumnView          *view,
                                                 GtkBox                 *mapping_box,
                                                 YsImportPreviewChanged  changed,
                                                 gpointer                user_data);
void             ys_import_preview_free         (YsImportPreview        *self);
/* Builds the columns for @import (NULL: none). */
void             ys_import_preview_set_import   (YsImportPreview        *self,
                                                 YsSheetImport          *import);
/* Every row and drop-down shown again, after the rows were read again. */
void             ys_import_preview_refresh      (YsImportPreview        *self);
void             ys_import_preview_set_problems_only (YsImportPreview   *self,
                                                 gboolean                only);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (YsImportPreview, ys_import_preview_free)

G_END_DECLS
