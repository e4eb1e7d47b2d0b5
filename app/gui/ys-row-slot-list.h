/* A list model showing another one through row slots (YsRowSlot).
 *
 * GTK 4.8 drops and rebuilds the widgets of every row an items-changed
 * covers: a search or a sort over 100,000 lines rebuilds some 200 rows of
 * cells, a visible stall. Here a change that replaces many rows keeps the
 * slots where they are and gives them their new records instead, so the
 * rows are only rebound; what is added or removed beyond that, and every
 * small change, is passed on as it is. */
#pragma once

#include <gio/gio.h>

#include "ys-row-slot.h"

G_BEGIN_DECLS

#define YS_TYPE_ROW_SLOT_LIST (ys_row_slot_list_get_type ())
G_DECLARE_FINAL_TYPE (YsRowSlotList, ys_row_slot_list, YS, ROW_SLOT_LIST, GObject)

/* Takes @model, a list of YsRecord. */
YsRowSlotList *ys_row_slot_list_new (GListModel *model);

/* Whether the row of @slot is on screen: its rebinding is not put off. */
typedef gboolean (*YsRowSlotVisibleFunc) (YsRowSlot *slot,
                                          gpointer   data);

/* Without one, every rebound row is told at once. */
void   ys_row_slot_list_set_visible_func (YsRowSlotList        *self,
                                          YsRowSlotVisibleFunc  func,
                                          gpointer              data);
/* Tells up to @max_rows rows off screen that were given other records;
 * returns how many still wait. */
guint  ys_row_slot_list_flush            (YsRowSlotList        *self,
                                          guint                 max_rows);
guint  ys_row_slot_list_get_n_stale      (YsRowSlotList        *self);

G_END_DECLS
