/* A spreadsheet-like table of the records of one kind (line items, income):
 * cells edit in place, the keyboard moves as in Excel, blocks paste from a
 * spreadsheet, and every change goes through the document (saved at once,
 * undoable). The page around it gives the columns, a filter and defaults. */
#pragma once

#include <gtk/gtk.h>

#include "ys-document.h"
#include "ys-lookup.h"
#include "ys-money.h"
#include "ys-validator.h"

G_BEGIN_DECLS

typedef struct {
  const char        *title;        /* N_(): the column header */
  int                field;        /* index in the kind, or -1 for a column of flags */
  YsLookupKind       lookup;       /* what completes and names its codes */
  int                fixed_width;  /* 0: shares the width left over */
  const int         *flags;        /* field -1: its boolean fields, ending with -1 */
  const char *const *flag_labels;  /* N_(): their names, in the same order */
} YsGridColumnInfo;

#define YS_TYPE_RECORD_GRID (ys_record_grid_get_type ())
G_DECLARE_FINAL_TYPE (YsRecordGrid, ys_record_grid, YS, RECORD_GRID, GtkWidget)

/* Once, before a document is set. @copy_fields (ending with -1) are what a
 * row added with Ctrl+Enter takes from the row it is added after. */
void              ys_record_grid_setup              (YsRecordGrid           *self,
                                                     const YsKind           *kind,
                                                     const YsGridColumnInfo *columns,
                                                     guint                   n_columns,
                                                     const int              *copy_fields);
void              ys_record_grid_set_document       (YsRecordGrid           *self,
                                                     YsDocument             *document,
                                                     YsLookup               *lookup);
/* Rows with errors or warnings of @validator are marked (NULL: none). */
/* The errors and warnings of the row holding the keyboard focus, one per
 * line, the worst level in @level; NULL when it has none or no row has the
 * focus. */
const char       *ys_record_grid_get_focused_findings (YsRecordGrid         *self,
                                                       YsFindingLevel       *level);
void              ys_record_grid_set_validator      (YsRecordGrid           *self,
                                                     YsValidator            *validator);
/* Rows of the document the filter rejects are not shown (NULL: all). */
void              ys_record_grid_set_filter         (YsRecordGrid           *self,
                                                     GtkFilter              *filter);
void              ys_record_grid_set_label          (YsRecordGrid           *self,
                                                     const char             *label);
GtkSelectionModel *ys_record_grid_get_selection     (YsRecordGrid           *self);
YsMoneyUnit       ys_record_grid_get_money_unit     (YsRecordGrid           *self);

/* Makes the cell of @record's @field the current one (a finding's
 * location), once the rows are sorted and filtered. */
void              ys_record_grid_reveal             (YsRecordGrid           *self,
                                                     YsRecord               *record,
                                                     int                     field);
/* Focuses the current cell, or the first one. */
void              ys_record_grid_focus              (YsRecordGrid           *self);
/* Adds a row after the current one, copying its copy fields, or a new
 * row to fill in (saved once its required fields are there). */
void              ys_record_grid_add_row            (YsRecordGrid           *self);
/* Deletes the selected rows as one undo step. */
void              ys_record_grid_delete_selected    (YsRecordGrid           *self);
/* Fills rows from the current cell with tab-separated text, as one undo
 * step; nothing is changed when a cell is not valid (a dialog lists them). */
void              ys_record_grid_paste_text         (YsRecordGrid           *self,
                                                     const char             *text);
void              ys_record_grid_paste              (YsRecordGrid           *self);
/* Copies the selected rows as tab-separated text. */
void              ys_record_grid_copy               (YsRecordGrid           *self);

G_END_DECLS
