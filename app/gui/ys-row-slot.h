/* One row of a YsRowSlotList: the record shown at a position of the grid.
 * The record changes when the rows move under the slot (a search, a sort),
 * so that the row's widgets are rebound instead of rebuilt. */
#pragma once

#include <glib-object.h>

#include "ys-record.h"

G_BEGIN_DECLS

#define YS_TYPE_ROW_SLOT (ys_row_slot_get_type ())
G_DECLARE_FINAL_TYPE (YsRowSlot, ys_row_slot, YS, ROW_SLOT, GObject)

YsRowSlot *ys_row_slot_new        (YsRecord  *record);
YsRecord  *ys_row_slot_get_record (YsRowSlot *self);
void       ys_row_slot_set_record (YsRowSlot *self,
                                   YsRecord  *record);
/* For a row off screen: the record changes, but "notify::record" waits
 * for ys_row_slot_flush(); meanwhile the row still shows the old one.
 * Returns whether the record changed. */
gboolean   ys_row_slot_set_record_later (YsRowSlot *self,
                                         YsRecord  *record);
/* Whether a change waits to be told. */
gboolean   ys_row_slot_is_stale   (YsRowSlot *self);
/* Tells the change that waits; FALSE when none did. */
gboolean   ys_row_slot_flush      (YsRowSlot *self);
/* A widget of the row, to tell where it is on screen (weak). */
gpointer   ys_row_slot_get_anchor (YsRowSlot *self);
void       ys_row_slot_set_anchor (YsRowSlot *self,
                                   gpointer   anchor);
/* Where the slot is in its list, kept by the list. */
guint      ys_row_slot_get_position (YsRowSlot *self);
void       ys_row_slot_set_position (YsRowSlot *self,
                                     guint      position);

G_END_DECLS
