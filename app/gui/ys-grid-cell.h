/* One cell of a YsRecordGrid: the text of one field of one record, which
 * turns into a text editor while it is being edited. The grid does the
 * editing; the cell only shows. */
#pragma once

#include <gtk/gtk.h>

#include "ys-record.h"

G_BEGIN_DECLS

#define YS_TYPE_GRID_CELL (ys_grid_cell_get_type ())
G_DECLARE_FINAL_TYPE (YsGridCell, ys_grid_cell, YS, GRID_CELL, GtkWidget)

GtkWidget   *ys_grid_cell_new            (GtkListItem *item,
                                          guint        column,
                                          gboolean     numeric);
GtkListItem *ys_grid_cell_get_list_item  (YsGridCell  *self);
guint        ys_grid_cell_get_column     (YsGridCell  *self);

/* The record shown, watched through @detailed_signal ("notify::amount") for
 * changes made elsewhere (undo, another window's edit) while it is bound. */
void         ys_grid_cell_bind           (YsGridCell  *self,
                                          YsRecord    *record,
                                          const char  *detailed_signal,
                                          GCallback    changed,
                                          gpointer     user_data);
void         ys_grid_cell_unbind         (YsGridCell  *self);
YsRecord    *ys_grid_cell_get_record     (YsGridCell  *self);

void         ys_grid_cell_set_text       (YsGridCell  *self,
                                          const char  *text,
                                          gboolean     placeholder);
/* An error shown on the cell (NULL clears it): style, tooltip and the
 * accessible description, so a screen reader says why. */
void         ys_grid_cell_set_error      (YsGridCell  *self,
                                          const char  *message);
const char  *ys_grid_cell_get_error      (YsGridCell  *self);

/* Shows an editor holding @text; @suffix ("万元") is shown after it. */
GtkText     *ys_grid_cell_begin_edit     (YsGridCell  *self,
                                          const char  *text,
                                          gboolean     select_all,
                                          const char  *suffix,
                                          const char  *accessible_label);
/* @keep_focus: give the focus back to the cell (FALSE when it went away). */
void         ys_grid_cell_end_edit       (YsGridCell  *self,
                                          gboolean     keep_focus);
GtkText     *ys_grid_cell_get_editor     (YsGridCell  *self);

G_END_DECLS
