/* YsRecordGrid: the current cell, and scrolling it into view. */
#define G_LOG_DOMAIN "yusuan"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "ys-application.h"
#include "ys-cell-input.h"
#include "ys-form-binder.h"
#include "ys-record-grid-private.h"
#include "ys-row-slot.h"

/* Frames to wait for the row of the current cell to be laid out. */
#define FOCUS_TRIES         30

/* How far the current cell is from being focused, frame after frame. */
typedef enum
{
  FOCUS_CELL,         /* focused once its row has a widget */
  FOCUS_SCROLL_ROW,   /* its row scrolled to once the table has a size */
  FOCUS_SCROLL_CELL,  /* scrolled wholly into view, then focused */
} FocusStep;

/* Current cell */

YsGridCell *
ys_record_grid_focused_cell (YsRecordGrid *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  GtkWidget *cell;

  if (focus == NULL)
    return NULL;
  cell = YS_IS_GRID_CELL (focus) ? focus : gtk_widget_get_ancestor (focus, YS_TYPE_GRID_CELL);
  if (cell == NULL || !gtk_widget_is_ancestor (cell, GTK_WIDGET (self)))
    return NULL;
  return YS_GRID_CELL (cell);
}

guint
ys_record_grid_position_of (YsRecordGrid *self,
                            YsRecord     *record,
                            guint         hint)
{
  guint n = ys_record_grid_n_rows (self);
  guint sorted = g_list_model_get_n_items (G_LIST_MODEL (self->sort_model));
  guint guesses[] = { hint, hint + 1, hint > 0 ? hint - 1 : 0, sorted > 0 ? sorted - 1 : 0,
                      n > 0 ? n - 1 : 0, n > 1 ? n - 2 : 0 };

  if (record == NULL)
    return GTK_INVALID_LIST_POSITION;
  /* Where it was, or just added at the end (before the empty row): nearly
   * always one of these, without a walk through 100,000 rows. */
  for (guint i = 0; i < G_N_ELEMENTS (guesses); i++)
    if (guesses[i] < n && ys_record_grid_row_at (self, guesses[i]) == record)
      return guesses[i];
  for (guint i = 0; i < n; i++)
    if (ys_record_grid_row_at (self, i) == record)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

static YsGridCell *
find_cell (YsRecordGrid *self,
           YsRecord     *record,
           guint         column)
{
  Column *col;

  if (record == NULL || column >= self->columns->len)
    return NULL;
  col = column_at (self, column);
  for (guint i = 0; i < col->cells->len; i++)
    {
      YsGridCell *cell = g_ptr_array_index (col->cells, i);

      if (ys_record_grid_cell_shows (cell, record) && gtk_widget_get_mapped (GTK_WIDGET (cell)))
        return cell;
    }
  return NULL;
}

/* Moves @adjustment so that the span from @start, @size long, shows in a
 * view @visible long. */
static void
scroll_span_into_view (GtkAdjustment *adjustment,
                       double         start,
                       double         size,
                       double         visible)
{
  double value = gtk_adjustment_get_value (adjustment);

  /* Not laid out yet: nothing to tell. */
  if (visible <= 0)
    return;
  if (start < 0)
    gtk_adjustment_set_value (adjustment, value + start);
  else if (start + size > visible)
    gtk_adjustment_set_value (adjustment, value + MIN (start, start + size - visible));
}

/* The list scrolls to a row, never to a column: a cell of a column out of
 * view is scrolled in here. @vertical only once the list has laid out the
 * row where it will stay; before, its place is about to change. */
static void
scroll_to_cell (YsRecordGrid *self,
                YsGridCell   *cell,
                gboolean      vertical)
{
  graphene_rect_t bounds;

  if (gtk_widget_compute_bounds (GTK_WIDGET (cell), GTK_WIDGET (self->column_view), &bounds))
    scroll_span_into_view (gtk_scrolled_window_get_hadjustment (self->scroller),
                           bounds.origin.x, bounds.size.width,
                           gtk_widget_get_width (GTK_WIDGET (self->column_view)));
  if (vertical && gtk_widget_compute_bounds (GTK_WIDGET (cell), self->list_view, &bounds))
    scroll_span_into_view (gtk_scrolled_window_get_vadjustment (self->scroller),
                           bounds.origin.y, bounds.size.height,
                           gtk_widget_get_height (self->list_view));
}

static gboolean
focus_cursor_tick_cb (GtkWidget     *widget,
                      GdkFrameClock *clock,
                      gpointer       user_data)
{
  YsRecordGrid *self = YS_RECORD_GRID (widget);
  FocusStep *step = user_data;
  YsGridCell *cell;

  if (*step == FOCUS_SCROLL_ROW)
    {
      guint position = ys_record_grid_position_of (self, self->cursor, self->cursor_hint);

      /* Asked for before the table had its size (its page had just been
       * shown), the list could not tell where to scroll: asked again now
       * that it can. The cell waits for the next frame, laid out there. */
      if (position != GTK_INVALID_LIST_POSITION && gtk_widget_get_height (self->list_view) > 0)
        {
          gtk_widget_activate_action (self->list_view, "list.scroll-to-item", "u", position);
          *step = FOCUS_SCROLL_CELL;
          return G_SOURCE_CONTINUE;
        }
    }
  else if ((cell = find_cell (self, self->cursor, self->cursor_column)) != NULL)
    {
      scroll_to_cell (self, cell, *step == FOCUS_SCROLL_CELL);
      gtk_widget_grab_focus (GTK_WIDGET (cell));
      self->focus_tick = 0;
      return G_SOURCE_REMOVE;
    }

  if (++self->focus_tries >= FOCUS_TRIES)
    {
      self->focus_tick = 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
focus_cursor (YsRecordGrid *self,
              FocusStep     step)
{
  YsGridCell *cell = step == FOCUS_CELL ? find_cell (self, self->cursor, self->cursor_column) : NULL;
  FocusStep *data;

  /* A newer current cell replaces one still waited for. */
  if (self->focus_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->focus_tick);
  self->focus_tick = 0;

  if (cell != NULL)
    {
      scroll_to_cell (self, cell, FALSE);
      gtk_widget_grab_focus (GTK_WIDGET (cell));
      return;
    }
  /* The row has no widget until the list has scrolled to it and laid it
   * out: try again on the next frames. */
  data = g_new (FocusStep, 1);
  *data = step;
  self->focus_tries = 0;
  self->focus_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), focus_cursor_tick_cb, data, g_free);
}

void
ys_record_grid_set_cursor (YsRecordGrid *self,
                           guint         position,
                           guint         column,
                           gboolean      select,
                           gboolean      extend)
{
  YsRecord *record = ys_record_grid_row_at (self, position);

  if (record == NULL)
    return;
  g_set_object (&self->cursor, record);
  self->cursor_column = MIN (column, self->columns->len - 1);
  self->cursor_hint = position;

  if (select)
    gtk_widget_activate_action (self->list_view, "list.select-item", "(ubb)", position, FALSE, extend);
  gtk_widget_activate_action (self->list_view, "list.scroll-to-item", "u", position);
  /* A finding's cell (the reveal sets the cursor on it) is focused from a
   * frame, not now: the finding was clicked, and its list takes the focus
   * back once the click is handled. Its page may also just have been
   * shown, before the list had a size to scroll in. */
  focus_cursor (self, record == self->reveal_record ? FOCUS_SCROLL_ROW : FOCUS_CELL);
}

void
ys_record_grid_move_cursor (YsRecordGrid *self,
             int           dy,
             int           dx,
             gboolean      wrap,
             gboolean      extend)
{
  YsGridCell *cell = ys_record_grid_focused_cell (self);
  guint n = ys_record_grid_n_rows (self);
  int ncols = (int) self->columns->len;
  int pos;
  int col;

  if (n == 0)
    return;
  if (cell != NULL && ys_grid_cell_get_record (cell) != NULL)
    {
      pos = (int) gtk_list_item_get_position (ys_grid_cell_get_list_item (cell));
      col = (int) ys_grid_cell_get_column (cell);
    }
  else
    {
      guint p = ys_record_grid_position_of (self, self->cursor, self->cursor_hint);
      pos = p == GTK_INVALID_LIST_POSITION ? 0 : (int) p;
      col = (int) self->cursor_column;
    }

  col += dx;
  if (col < 0)
    {
      if (wrap && pos > 0)
        {
          pos--;
          col = ncols - 1;
        }
      else
        col = 0;
    }
  else if (col >= ncols)
    {
      if (wrap && pos + 1 < (int) n)
        {
          pos++;
          col = 0;
        }
      else
        col = ncols - 1;
    }
  pos = CLAMP (pos + dy, 0, (int) n - 1);
  ys_record_grid_set_cursor (self, (guint) pos, (guint) col, dy != 0 || wrap, extend);
}

/* Rows in a page of the view, for Page Up and Page Down. */
int
ys_record_grid_page_rows (YsRecordGrid *self)
{
  YsGridCell *cell = ys_record_grid_focused_cell (self);
  int height = gtk_widget_get_height (GTK_WIDGET (self->scroller));
  int row = cell ? gtk_widget_get_height (GTK_WIDGET (cell)) : 0;

  return MAX (1, row > 0 ? height / row - 2 : 10);
}
