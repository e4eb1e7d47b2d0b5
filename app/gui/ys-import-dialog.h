/* Imports a sheet of records of one kind from a workbook (or a paste with a
 * header row): the workbook is read in a worker thread with a progress bar,
 * the rows are shown in a preview where mappings, bad cells and rows left
 * out are settled, and nothing changes in the budget until Import, which
 * adds every row as one undo step. */
#pragma once

#include <adwaita.h>

#include "ys-document.h"
#include "ys-sheet-import.h"
#include "ys-validator.h"

G_BEGIN_DECLS

#define YS_TYPE_IMPORT_DIALOG (ys_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (YsImportDialog, ys_import_dialog, YS, IMPORT_DIALOG, AdwWindow)

/* Whether records of @kind can be imported from a sheet. */
gboolean        ys_import_dialog_supports    (const YsKind   *kind);
/* Emits "imported" (guint rows) after the rows were added. */
YsImportDialog *ys_import_dialog_new         (GtkWindow      *parent,
                                              YsDocument     *document,
                                              const YsKind   *kind);
/* Its checks are held while the rows go in, and run once after. */
void            ys_import_dialog_set_validator (YsImportDialog *self,
                                              YsValidator    *validator);
void            ys_import_dialog_open_file   (YsImportDialog *self,
                                              GFile          *file);
void            ys_import_dialog_choose_file (YsImportDialog *self);
/* A preview read already, e.g. of a paste. */
void            ys_import_dialog_show_import (YsImportDialog *self,
                                              YsSheetImport  *import);

G_END_DECLS
