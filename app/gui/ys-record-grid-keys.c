/* YsRecordGrid: the keyboard of a spreadsheet, and clicks on cells. */
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

/* Keyboard */

gboolean
ys_record_grid_on_key_pressed_cb (YsRecordGrid          *self,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   GtkEventControllerKey *controller)
{
  YsGridCell *cell = ys_record_grid_focused_cell (self);
  GdkModifierType mods = state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK | GDK_ALT_MASK);
  gboolean ctrl = (mods & GDK_CONTROL_MASK) != 0;
  gboolean shift = (mods & GDK_SHIFT_MASK) != 0;
  YsCompletionPopover *popover = YS_COMPLETION_POPOVER (self->popover);
  gboolean popup = gtk_widget_get_visible (self->popover)
                   && ys_completion_popover_get_n_items (popover) > 0;

  if (cell == NULL || (mods & GDK_ALT_MASK))
    return GDK_EVENT_PROPAGATE;

  if (self->editing == cell && self->editing_flags)
    {
      switch (keyval)
        {
        case GDK_KEY_Up:
        case GDK_KEY_KP_Up:
          ys_completion_popover_move (popover, -1);
          return GDK_EVENT_STOP;
        case GDK_KEY_Down:
        case GDK_KEY_KP_Down:
          ys_completion_popover_move (popover, 1);
          return GDK_EVENT_STOP;
        case GDK_KEY_space:
        case GDK_KEY_Return:
        case GDK_KEY_KP_Enter:
        case GDK_KEY_ISO_Enter:
          ys_record_grid_toggle_flag (self, (guint) MAX (0, ys_completion_popover_get_selected (popover)));
          return GDK_EVENT_STOP;
        case GDK_KEY_Escape:
          ys_record_grid_finish_edit (self, TRUE);
          return GDK_EVENT_STOP;
        case GDK_KEY_Tab:
        case GDK_KEY_KP_Tab:
        case GDK_KEY_ISO_Left_Tab:
          ys_record_grid_commit_edit (self, 0, shift ? -1 : 1, TRUE, FALSE);
          return GDK_EVENT_STOP;
        default:
          if (keyval >= GDK_KEY_1 && keyval <= GDK_KEY_9 && !ctrl)
            {
              ys_record_grid_toggle_flag (self, keyval - GDK_KEY_1);
              return GDK_EVENT_STOP;
            }
          return GDK_EVENT_PROPAGATE;
        }
    }

  if (self->editing == cell)
    {
      switch (keyval)
        {
        case GDK_KEY_Escape:
          ys_record_grid_cancel_edit (self);
          ys_record_grid_hide_status (self);
          return GDK_EVENT_STOP;
        case GDK_KEY_Up:
        case GDK_KEY_KP_Up:
          if (popup)
            ys_completion_popover_move (popover, -1);
          else
            ys_record_grid_commit_edit (self, -1, 0, FALSE, FALSE);
          return GDK_EVENT_STOP;
        case GDK_KEY_Down:
        case GDK_KEY_KP_Down:
          if (popup)
            ys_completion_popover_move (popover, 1);
          else
            ys_record_grid_commit_edit (self, 1, 0, FALSE, FALSE);
          return GDK_EVENT_STOP;
        case GDK_KEY_Page_Up:
        case GDK_KEY_Page_Down:
          if (!popup)
            return GDK_EVENT_PROPAGATE;
          ys_completion_popover_move (popover, keyval == GDK_KEY_Page_Up ? -8 : 8);
          return GDK_EVENT_STOP;
        case GDK_KEY_Return:
        case GDK_KEY_KP_Enter:
        case GDK_KEY_ISO_Enter:
          if (ctrl)
            {
              if (ys_record_grid_commit_edit (self, 0, 0, FALSE, FALSE))
                ys_record_grid_add_row (self);
            }
          else if (popup && ys_completion_popover_get_selected (popover) >= 0)
            /* Enter on a suggestion takes it, and stays: it was a choice,
             * not the end of the cell's typing. */
            ys_record_grid_commit_edit (self, 0, 0, FALSE, FALSE);
          else
            ys_record_grid_commit_edit (self, shift ? -1 : 1, 0, FALSE, FALSE);
          return GDK_EVENT_STOP;
        case GDK_KEY_Tab:
        case GDK_KEY_KP_Tab:
        case GDK_KEY_ISO_Left_Tab:
          ys_record_grid_commit_edit (self, 0, shift ? -1 : 1, TRUE, FALSE);
          return GDK_EVENT_STOP;
        default:
          return GDK_EVENT_PROPAGATE;
        }
    }

  /* Moving between cells. */
  switch (keyval)
    {
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      if (ctrl)
        ys_record_grid_set_cursor (self, 0, self->cursor_column, TRUE, shift);
      else
        ys_record_grid_move_cursor (self, -1, 0, FALSE, shift);
      return GDK_EVENT_STOP;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      if (ctrl)
        ys_record_grid_set_cursor (self, ys_record_grid_n_rows (self) - 1, self->cursor_column, TRUE, shift);
      else
        ys_record_grid_move_cursor (self, 1, 0, FALSE, shift);
      return GDK_EVENT_STOP;
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      ys_record_grid_move_cursor (self, 0, -1, FALSE, FALSE);
      return GDK_EVENT_STOP;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      ys_record_grid_move_cursor (self, 0, 1, FALSE, FALSE);
      return GDK_EVENT_STOP;
    case GDK_KEY_Tab:
    case GDK_KEY_KP_Tab:
    case GDK_KEY_ISO_Left_Tab:
      if (ctrl)
        return GDK_EVENT_PROPAGATE;  /* Ctrl+Tab leaves the table */
      ys_record_grid_move_cursor (self, 0, shift ? -1 : 1, TRUE, FALSE);
      return GDK_EVENT_STOP;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      if (ctrl)
        ys_record_grid_set_cursor (self, 0, 0, TRUE, FALSE);
      else
        ys_record_grid_move_cursor (self, 0, -(int) self->columns->len, FALSE, FALSE);
      return GDK_EVENT_STOP;
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      if (ctrl)
        ys_record_grid_set_cursor (self, ys_record_grid_n_rows (self) - 1, self->columns->len - 1, TRUE, FALSE);
      else
        ys_record_grid_move_cursor (self, 0, (int) self->columns->len, FALSE, FALSE);
      return GDK_EVENT_STOP;
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      ys_record_grid_move_cursor (self, -ys_record_grid_page_rows (self), 0, FALSE, shift);
      return GDK_EVENT_STOP;
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      ys_record_grid_move_cursor (self, ys_record_grid_page_rows (self), 0, FALSE, shift);
      return GDK_EVENT_STOP;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      if (ctrl)
        ys_record_grid_add_row (self);
      else
        ys_record_grid_begin_edit (self, cell, NULL);
      return GDK_EVENT_STOP;
    case GDK_KEY_F2:
      ys_record_grid_begin_edit (self, cell, NULL);
      return GDK_EVENT_STOP;
    case GDK_KEY_Delete:
    case GDK_KEY_KP_Delete:
      if (mods != 0)
        return GDK_EVENT_PROPAGATE;
      ys_record_grid_delete_selected (self);
      return GDK_EVENT_STOP;
    case GDK_KEY_v:
    case GDK_KEY_V:
      if (!ctrl)
        return GDK_EVENT_PROPAGATE;
      ys_record_grid_paste (self);
      return GDK_EVENT_STOP;
    case GDK_KEY_c:
    case GDK_KEY_C:
      if (!ctrl)
        return GDK_EVENT_PROPAGATE;
      ys_record_grid_copy (self);
      return GDK_EVENT_STOP;
    case GDK_KEY_BackSpace:
      ys_record_grid_begin_edit (self, cell, "");
      return GDK_EVENT_STOP;
    case GDK_KEY_space:
      if (ctrl || shift)
        return GDK_EVENT_PROPAGATE;  /* the list's own selection keys */
      ys_record_grid_begin_edit (self, cell, column_field (self, column_at (self, ys_grid_cell_get_column (cell))) ? " " : NULL);
      return GDK_EVENT_STOP;
    case GDK_KEY_Escape:
      if (ys_grid_cell_get_record (cell) != NULL
          && ys_record_grid_lookup_bad (self, ys_grid_cell_get_record (cell), ys_grid_cell_get_column (cell)) != NULL)
        {
          ys_record_grid_clear_bad (self, ys_grid_cell_get_record (cell), ys_grid_cell_get_column (cell));
          ys_record_grid_refresh_cell (self, cell);
          ys_record_grid_hide_status (self);
          return GDK_EVENT_STOP;
        }
      return GDK_EVENT_PROPAGATE;
    default:
      return GDK_EVENT_PROPAGATE;
    }
}

/* Typing on a cell starts editing it with what was typed. It comes through
 * an input method, so that Chinese typed on a cell arrives as Chinese. */
void
ys_record_grid_on_im_commit_cb (YsRecordGrid *self,
                 const char   *text,
                 GtkIMContext *im)
{
  YsGridCell *cell = ys_record_grid_focused_cell (self);

  if (cell == NULL || self->editing == cell || text == NULL || *text == '\0')
    return;
  ys_record_grid_begin_edit (self, cell, text);
}

void
ys_record_grid_on_focus_enter_cb (YsRecordGrid            *self,
                   GtkEventControllerFocus *controller)
{
  if (self->editing == NULL)
    gtk_im_context_focus_in (self->im);
}

void
ys_record_grid_on_focus_leave_cb (YsRecordGrid            *self,
                   GtkEventControllerFocus *controller)
{
  gtk_im_context_focus_out (self->im);
  ys_record_grid_queue_unpin (self);
}

/* Cell events */

void
ys_record_grid_on_cell_focus_enter_cb (GtkEventControllerFocus *controller,
                        Column                  *col)
{
  YsGridCell *cell = YS_GRID_CELL (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));
  YsRecordGrid *self = col->grid;
  YsRecord *record = ys_grid_cell_get_record (cell);

  /* However the focus came (click, Tab from outside, the list's own
   * keys), the focused cell is the current one. */
  /* Units may have been added since the empty row was made. */
  if (record != NULL && is_draft (record) && g_ptr_array_find (self->pristine, record, NULL))
    ys_record_grid_emit_prepare_draft (self, record);

  if (record != NULL)
    {
      g_set_object (&self->cursor, record);
      self->cursor_column = col->index;
      self->cursor_hint = gtk_list_item_get_position (ys_grid_cell_get_list_item (cell));
      if (self->pinned->len > 0 && !(self->pinned->len == 1 && ys_record_grid_is_pinned (self, record)))
        ys_record_grid_queue_unpin (self);
    }
}

/* An edit the focus has left, to commit once the focus has moved. */
typedef struct
{
  YsRecordGrid *grid;
  YsGridCell   *cell;
  YsRecord     *record;
} LeftEdit;

static void
left_edit_free (LeftEdit *left)
{
  g_object_unref (left->grid);
  g_object_unref (left->cell);
  g_object_unref (left->record);
  g_free (left);
}

static gboolean
commit_left_edit_cb (gpointer user_data)
{
  LeftEdit *left = user_data;
  YsRecordGrid *self = left->grid;

  /* Not when the edit was finished meanwhile, nor when the focus is back
   * in it: the window was only left for another one, and comes back to
   * the typing where it was. */
  if (self->editing == left->cell && self->editing_record == left->record
      && ys_record_grid_focused_cell (self) != left->cell)
    ys_record_grid_commit_edit (self, 0, 0, FALSE, TRUE);
  return G_SOURCE_REMOVE;
}

void
ys_record_grid_on_cell_focus_leave_cb (GtkEventControllerFocus *controller,
                        Column                  *col)
{
  YsGridCell *cell = YS_GRID_CELL (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));
  YsRecordGrid *self = col->grid;
  LeftEdit *left;

  if (self->editing != cell || self->editing_record == NULL)
    return;
  /* Clicking elsewhere commits, as in a spreadsheet; a refused value stays
   * in the cell, marked. But not from here: GTK is still walking up from
   * the editor the focus left, and committing takes the editor out of the
   * cell (and may move the row). GTK 4.8 then climbs from a widget without
   * a parent for ever, one critical warning at each step. */
  left = g_new0 (LeftEdit, 1);
  left->grid = g_object_ref (self);
  left->cell = g_object_ref (cell);
  left->record = g_object_ref (self->editing_record);
  g_idle_add_full (G_PRIORITY_HIGH_IDLE, commit_left_edit_cb, left, (GDestroyNotify) left_edit_free);
}

void
ys_record_grid_on_cell_pressed_cb (GtkGestureClick *gesture,
                    int              n_press,
                    double           x,
                    double           y,
                    Column          *col)
{
  YsGridCell *cell = YS_GRID_CELL (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture)));
  YsRecordGrid *self = col->grid;
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  guint position;

  if (ys_grid_cell_get_record (cell) == NULL)
    return;

  /* Claimed, so that the row does not move the focus to its first cell. */
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  /* Committed before selecting: GTK 4.8 rebinds every row whose selection
   * changes, and a rebound cell drops the edit under way. */
  if (self->editing != NULL && self->editing != cell)
    ys_record_grid_commit_edit (self, 0, 0, FALSE, TRUE);
  /* The rows may have moved with what was committed. */
  position = gtk_list_item_get_position (ys_grid_cell_get_list_item (cell));
  if (ys_grid_cell_get_record (cell) == NULL || position == GTK_INVALID_LIST_POSITION)
    return;
  gtk_widget_activate_action (self->list_view, "list.select-item", "(ubb)", position,
                              (state & GDK_CONTROL_MASK) != 0, (state & GDK_SHIFT_MASK) != 0);
  gtk_widget_grab_focus (GTK_WIDGET (cell));
  if (n_press == 2 && self->editing != cell)
    ys_record_grid_begin_edit (self, cell, NULL);
}
