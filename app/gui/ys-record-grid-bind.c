/* YsRecordGrid: cells bound to the records of their rows, and rebound when
 * a search or a sort gives their row another record.
 *
 * GTK 4.8 keeps about 200 rows of cells while some 25 are on screen. When
 * a sort or a search gave every one of them another record at once, the
 * rebinding and the next frame's measuring of all their labels held the
 * main loop about 70 ms. Now the rows on screen are rebound at once and
 * the others a few rows a frame after it (YsRowSlotList keeps them
 * waiting), so that no frame measures more than a screenful of changed
 * rows. A row waiting is never shown: scrolling tells them all first, and
 * a cell looked up for the cursor is rebound before it is used. */
#define G_LOG_DOMAIN "yusuan"

#include "config.h"

#include "ys-record-grid-private.h"
#include "ys-row-slot.h"

/* Rows off screen rebound per frame after a sort or a search: about a
 * screenful, which the frame measures as it would after a scroll. */
#define ROWS_PER_FRAME 24

static void
on_record_notify_cb (YsGridCell *cell,
                     GParamSpec *pspec,
                     YsRecord   *record)
{
  YsRecordGrid *self = YS_RECORD_GRID (gtk_widget_get_ancestor (GTK_WIDGET (cell), YS_TYPE_RECORD_GRID));

  if (self != NULL && self->editing != cell)
    ys_record_grid_refresh_cell (self, cell);
}

/* The row now shows another record (a search or a sort moved the rows
 * under it): the same cell, rebound. */
static void
on_slot_record_cb (YsRowSlot  *slot,
                   GParamSpec *pspec,
                   YsGridCell *cell)
{
  YsRecordGrid *self = YS_RECORD_GRID (gtk_widget_get_ancestor (GTK_WIDGET (cell), YS_TYPE_RECORD_GRID));
  Column *col;

  if (self == NULL)
    return;
  col = g_ptr_array_index (self->columns, ys_grid_cell_get_column (cell));
  if (self->editing == cell)
    ys_record_grid_finish_edit (self, FALSE);
  ys_grid_cell_unbind (cell);
  ys_grid_cell_bind (cell, ys_row_slot_get_record (slot), col->notify, G_CALLBACK (on_record_notify_cb), cell);
  ys_record_grid_refresh_cell (self, cell);
}

void
ys_record_grid_on_factory_bind_cb (GtkSignalListItemFactory *factory,
                                   GtkListItem              *item,
                                   Column                   *col)
{
  YsGridCell *cell = YS_GRID_CELL (gtk_list_item_get_child (item));
  YsRowSlot *slot = gtk_list_item_get_item (item);

  /* One handler and one text: nothing else happens per row. */
  ys_grid_cell_bind (cell, ys_row_slot_get_record (slot), col->notify, G_CALLBACK (on_record_notify_cb), cell);
  g_signal_connect (slot, "notify::record", G_CALLBACK (on_slot_record_cb), cell);
  if (col->index == 0)
    ys_row_slot_set_anchor (slot, cell);
  ys_record_grid_refresh_cell (col->grid, cell);
}

void
ys_record_grid_on_factory_unbind_cb (GtkSignalListItemFactory *factory,
                                     GtkListItem              *item,
                                     Column                   *col)
{
  YsGridCell *cell = YS_GRID_CELL (gtk_list_item_get_child (item));
  YsRowSlot *slot = gtk_list_item_get_item (item);

  /* Rows are recycled: whatever was typed belongs to the old record. */
  if (col->grid->editing == cell)
    ys_record_grid_finish_edit (col->grid, FALSE);
  g_signal_handlers_disconnect_by_func (slot, on_slot_record_cb, cell);
  if (ys_row_slot_get_anchor (slot) == (gpointer) cell)
    ys_row_slot_set_anchor (slot, NULL);
  ys_grid_cell_unbind (cell);
}

/* Whether the row of @slot is on screen, or holds the cell being edited.
 * GTK 4.8 hides the rows it keeps off screen (their "child-visible" is
 * off) until a frame lays them out in view; a row not laid out yet
 * counts as shown. */
static gboolean
slot_on_screen (YsRowSlot *slot,
                gpointer   data)
{
  YsRecordGrid *self = data;
  GtkWidget *widget = ys_row_slot_get_anchor (slot);

  if (self->editing != NULL
      && gtk_list_item_get_item (ys_grid_cell_get_list_item (self->editing)) == (gpointer) slot)
    return TRUE;
  for (; widget != NULL && widget != self->list_view; widget = gtk_widget_get_parent (widget))
    if (!gtk_widget_get_child_visible (widget))
      return FALSE;
  return TRUE;
}

static gboolean
rebind_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  YsRecordGrid *self = YS_RECORD_GRID (widget);

  if (ys_row_slot_list_flush (self->slots, ROWS_PER_FRAME) > 0)
    return G_SOURCE_CONTINUE;
  self->rebind_tick = 0;
  return G_SOURCE_REMOVE;
}

/* Before the rows move on screen, every row shows its own record. */
static void
on_vadjustment_value_changed_cb (YsRecordGrid  *self,
                                 GtkAdjustment *adjustment)
{
  ys_record_grid_flush_rows (self);
}

void
ys_record_grid_flush_rows (YsRecordGrid *self)
{
  if (self->slots != NULL && ys_row_slot_list_get_n_stale (self->slots) > 0)
    ys_row_slot_list_flush (self->slots, G_MAXUINT);
}

gboolean
ys_record_grid_cell_shows (YsGridCell *cell,
                           YsRecord   *record)
{
  GtkListItem *item = ys_grid_cell_get_list_item (cell);
  YsRowSlot *slot = item ? gtk_list_item_get_item (item) : NULL;

  /* A row still waiting shows another record than its own: rebound now
   * if its own is the one looked for, else not the row looked for. */
  if (slot != NULL && ys_row_slot_is_stale (slot))
    {
      if (ys_row_slot_get_record (slot) != record)
        return FALSE;
      ys_row_slot_flush (slot);
    }
  return ys_grid_cell_get_record (cell) == record;
}

/* What is kept by position, the selection and the focused cell, no longer
 * matches the records that moved under it. The current cell follows its
 * record, as it did when rows were rebuilt. */
void
ys_record_grid_on_rows_rebound_cb (YsRecordGrid *self,
                                   guint         position,
                                   guint         n_rows)
{
  GtkSelectionModel *selection = GTK_SELECTION_MODEL (self->selection);
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection_in_range (selection, position, n_rows);

  if (!gtk_bitset_is_empty (selected))
    gtk_selection_model_unselect_range (selection, position, n_rows);

  if (self->rebind_tick == 0 && ys_row_slot_list_get_n_stale (self->slots) > 0)
    self->rebind_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), rebind_tick_cb, NULL, NULL);

  if (self->cursor != NULL && self->editing == NULL && ys_record_grid_focus_is_inside (self))
    {
      guint cursor = ys_record_grid_position_of (self, self->cursor, self->cursor_hint);

      if (cursor != GTK_INVALID_LIST_POSITION)
        ys_record_grid_set_cursor (self, cursor, self->cursor_column, FALSE, FALSE);
    }
}

void
ys_record_grid_bind_init (YsRecordGrid *self)
{
  ys_row_slot_list_set_visible_func (self->slots, slot_on_screen, self);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scroller), "value-changed",
                           G_CALLBACK (on_vadjustment_value_changed_cb), self, G_CONNECT_SWAPPED);
}
