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

/* Keyboard
 *
 * Every key of the grid is an action of the grid (grid.move-row,
 * grid.add-row…) bound to its keys in grid_keys[]. A key means something
 * only in some states (an arrow moves the cursor between cells, or in the
 * list of choices while a cell is edited; Left and Right belong to the
 * text being typed), so a key whose action does not apply in the current
 * state goes on to the widget that has the focus. ui/help-overlay.ui lists
 * these keys for the user: change it with them. */

typedef enum
{
  ON_CELL    = 1 << 0,  /* a cell is current, not being edited */
  ON_BAD     = 1 << 1,  /* …and it holds a refused value */
  EDITING    = 1 << 2,  /* its text is being edited */
  CHOOSING   = 1 << 3,  /* …with the list of choices open */
  FLAGS      = 1 << 4,  /* its list of yes/no marks is open */
  ANY        = ON_CELL | EDITING | FLAGS,
} KeyState;

typedef struct
{
  guint            keyval;
  GdkModifierType  mods;
  const char      *action;
  const char      *args;    /* GVariant text, or NULL */
  KeyState         states;
} GridKey;

#define CTRL  GDK_CONTROL_MASK
#define SHIFT GDK_SHIFT_MASK

static const GridKey grid_keys[] = {
  { GDK_KEY_Up,           0,            "grid.move-row",     "(-1, false)", ANY },
  { GDK_KEY_KP_Up,        0,            "grid.move-row",     "(-1, false)", ANY },
  { GDK_KEY_Down,         0,            "grid.move-row",     "(1, false)",  ANY },
  { GDK_KEY_KP_Down,      0,            "grid.move-row",     "(1, false)",  ANY },
  { GDK_KEY_Up,           SHIFT,        "grid.move-row",     "(-1, true)",  ANY },
  { GDK_KEY_Down,         SHIFT,        "grid.move-row",     "(1, true)",   ANY },
  { GDK_KEY_Up,           CTRL,         "grid.end-row",      "(-1, false)", ON_CELL },
  { GDK_KEY_Down,         CTRL,         "grid.end-row",      "(1, false)",  ON_CELL },
  { GDK_KEY_Up,           CTRL | SHIFT, "grid.end-row",      "(-1, true)",  ON_CELL },
  { GDK_KEY_Down,         CTRL | SHIFT, "grid.end-row",      "(1, true)",   ON_CELL },
  { GDK_KEY_Up,           CTRL,         "grid.move-row",     "(-1, false)", EDITING | FLAGS },
  { GDK_KEY_Down,         CTRL,         "grid.move-row",     "(1, false)",  EDITING | FLAGS },
  { GDK_KEY_Left,         0,            "grid.move-column",  "-1",          ON_CELL },
  { GDK_KEY_KP_Left,      0,            "grid.move-column",  "-1",          ON_CELL },
  { GDK_KEY_Right,        0,            "grid.move-column",  "1",           ON_CELL },
  { GDK_KEY_KP_Right,     0,            "grid.move-column",  "1",           ON_CELL },
  { GDK_KEY_Tab,          0,            "grid.next-cell",    "1",           ANY },
  { GDK_KEY_KP_Tab,       0,            "grid.next-cell",    "1",           ANY },
  { GDK_KEY_Tab,          SHIFT,        "grid.next-cell",    "-1",          ANY },
  { GDK_KEY_ISO_Left_Tab, SHIFT,        "grid.next-cell",    "-1",          ANY },
  { GDK_KEY_Home,         0,            "grid.end-column",   "-1",          ON_CELL },
  { GDK_KEY_KP_Home,      0,            "grid.end-column",   "-1",          ON_CELL },
  { GDK_KEY_End,          0,            "grid.end-column",   "1",           ON_CELL },
  { GDK_KEY_KP_End,       0,            "grid.end-column",   "1",           ON_CELL },
  { GDK_KEY_Home,         CTRL,         "grid.corner",       "-1",          ON_CELL },
  { GDK_KEY_End,          CTRL,         "grid.corner",       "1",           ON_CELL },
  { GDK_KEY_Page_Up,      0,            "grid.move-page",    "(-1, false)", ON_CELL | CHOOSING },
  { GDK_KEY_KP_Page_Up,   0,            "grid.move-page",    "(-1, false)", ON_CELL | CHOOSING },
  { GDK_KEY_Page_Down,    0,            "grid.move-page",    "(1, false)",  ON_CELL | CHOOSING },
  { GDK_KEY_KP_Page_Down, 0,            "grid.move-page",    "(1, false)",  ON_CELL | CHOOSING },
  { GDK_KEY_Page_Up,      SHIFT,        "grid.move-page",    "(-1, true)",  ON_CELL },
  { GDK_KEY_Page_Down,    SHIFT,        "grid.move-page",    "(1, true)",   ON_CELL },
  { GDK_KEY_Return,       0,            "grid.enter",        "1",           ANY },
  { GDK_KEY_KP_Enter,     0,            "grid.enter",        "1",           ANY },
  { GDK_KEY_ISO_Enter,    0,            "grid.enter",        "1",           ANY },
  { GDK_KEY_Return,       SHIFT,        "grid.enter",        "-1",          ANY },
  { GDK_KEY_KP_Enter,     SHIFT,        "grid.enter",        "-1",          ANY },
  { GDK_KEY_Return,       CTRL,         "grid.add-row",      NULL,          ANY },
  { GDK_KEY_KP_Enter,     CTRL,         "grid.add-row",      NULL,          ANY },
  { GDK_KEY_F2,           0,            "grid.edit",         NULL,          ON_CELL },
  { GDK_KEY_BackSpace,    0,            "grid.edit-empty",   NULL,          ON_CELL },
  { GDK_KEY_space,        0,            "grid.choose",       NULL,          ON_CELL | FLAGS },
  { GDK_KEY_Escape,       0,            "grid.cancel",       NULL,          ON_BAD | EDITING | FLAGS },
  { GDK_KEY_Delete,       0,            "grid.delete-rows",  NULL,          ON_CELL },
  { GDK_KEY_KP_Delete,    0,            "grid.delete-rows",  NULL,          ON_CELL },
  { GDK_KEY_c,            CTRL,         "grid.copy",         NULL,          ON_CELL },
  { GDK_KEY_v,            CTRL,         "grid.paste",        NULL,          ON_CELL },
  { GDK_KEY_1,            0,            "grid.toggle-flag",  "0",           FLAGS },
  { GDK_KEY_2,            0,            "grid.toggle-flag",  "1",           FLAGS },
  { GDK_KEY_3,            0,            "grid.toggle-flag",  "2",           FLAGS },
  { GDK_KEY_4,            0,            "grid.toggle-flag",  "3",           FLAGS },
  { GDK_KEY_5,            0,            "grid.toggle-flag",  "4",           FLAGS },
  { GDK_KEY_6,            0,            "grid.toggle-flag",  "5",           FLAGS },
  { GDK_KEY_7,            0,            "grid.toggle-flag",  "6",           FLAGS },
  { GDK_KEY_8,            0,            "grid.toggle-flag",  "7",           FLAGS },
  { GDK_KEY_9,            0,            "grid.toggle-flag",  "8",           FLAGS },
};

static KeyState
key_state (YsRecordGrid *self,
           YsGridCell   *cell)
{
  YsRecord *record;

  if (cell == NULL)
    return 0;
  if (self->editing == cell && self->editing_flags)
    return FLAGS;
  if (self->editing == cell)
    return gtk_widget_get_visible (self->popover)
           && ys_completion_popover_get_n_items (YS_COMPLETION_POPOVER (self->popover)) > 0
           ? EDITING | CHOOSING : EDITING;
  record = ys_grid_cell_get_record (cell);
  if (record != NULL && ys_record_grid_lookup_bad (self, record, ys_grid_cell_get_column (cell)) != NULL)
    return ON_CELL | ON_BAD;
  return ON_CELL;
}

static gboolean
grid_key_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  const GridKey *key = user_data;
  YsRecordGrid *self = YS_RECORD_GRID (widget);

  if ((key_state (self, ys_record_grid_focused_cell (self)) & key->states) == 0)
    return FALSE;
  return gtk_widget_activate_action_variant (widget, key->action, args);
}

/* A shortcut controller of the grid's own, in the capture phase: before
 * the list's keys, which would move the focus by rows. */
void
ys_record_grid_add_key_controller (YsRecordGrid *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (grid_keys); i++)
    {
      const GridKey *key = &grid_keys[i];
      GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (key->keyval, key->mods),
                                                gtk_callback_action_new (grid_key_cb, (gpointer) key, NULL));

      if (key->args != NULL)
        gtk_shortcut_set_arguments (shortcut, g_variant_new_parsed (key->args));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
    }
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

/* The actions. Each does what its key means in the state the grid is in
 * (@state, of the current @cell); called without a current cell (from a
 * menu, a test) they do nothing. */

typedef void (*GridAction) (YsRecordGrid *self,
                            YsGridCell   *cell,
                            KeyState      state,
                            GVariant     *parameter);

/* Moves by @rows, or by @choices in an open list of choices. */
static void
move_by (YsRecordGrid *self, KeyState state, int rows, int choices, gboolean extend)
{
  if (state & (FLAGS | CHOOSING))
    ys_completion_popover_move (YS_COMPLETION_POPOVER (self->popover), choices);
  else if (state & EDITING)
    ys_record_grid_commit_edit (self, rows, 0, FALSE, FALSE);
  else if (state & ON_CELL)
    ys_record_grid_move_cursor (self, rows, 0, FALSE, extend);
}

static void
move_row (YsRecordGrid *self, YsGridCell *cell, KeyState state, GVariant *parameter)
{
  int delta;
  gboolean extend;

  g_variant_get (parameter, "(ib)", &delta, &extend);
  move_by (self, state, delta, delta, extend);
}

static void
end_row (YsRecordGrid *self, YsGridCell *cell, KeyState state, GVariant *parameter)
{
  int direction;
  gboolean extend;

  g_variant_get (parameter, "(ib)", &direction, &extend);
  if (state & ON_CELL)
    ys_record_grid_set_cursor (self, direction < 0 ? 0 : ys_record_grid_n_rows (self) - 1,
                               self->cursor_column, TRUE, extend);
}

static void
move_column (YsRecordGrid *self, YsGridCell *cell, KeyState state, GVariant *parameter)
{
  if (state & ON_CELL)
    ys_record_grid_move_cursor (self, 0, g_variant_get_int32 (parameter), FALSE, FALSE);
}

static void
end_column (YsRecordGrid *self, YsGridCell *cell, KeyState state, GVariant *parameter)
{
  int columns = (int) self->columns->len;

  if (state & ON_CELL)
    ys_record_grid_move_cursor (self, 0, g_variant_get_int32 (parameter) < 0 ? -columns : columns, FALSE, FALSE);
}

static void
corner (YsRecordGrid *self, YsGridCell *cell, KeyState state, GVariant *parameter)
{
  if (!(state & ON_CELL))
    return;
  if (g_variant_get_int32 (parameter) < 0)
    ys_record_grid_set_cursor (self, 0, 0, TRUE, FALSE);
  else
    ys_record_grid_set_cursor (self, ys_record_grid_n_rows (self) - 1, self->columns->len - 1, TRUE, FALSE);
}

static void
next_cell (YsRecordGrid *self, YsGridCell *cell, KeyState state, GVariant *parameter)
{
  int delta = g_variant_get_int32 (parameter);

  if (state & (EDITING | FLAGS))
    ys_record_grid_commit_edit (self, 0, delta, TRUE, FALSE);
  else if (state & ON_CELL)
    ys_record_grid_move_cursor (self, 0, delta, TRUE, FALSE);
}

static void
move_page (YsRecordGrid *self, YsGridCell *cell, KeyState state, GVariant *parameter)
{
  int direction;
  gboolean extend;

  g_variant_get (parameter, "(ib)", &direction, &extend);
  move_by (self, state, direction * ys_record_grid_page_rows (self), direction * 8, extend);
}

static void
choose_highlighted (YsRecordGrid *self)
{
  int selected = ys_completion_popover_get_selected (YS_COMPLETION_POPOVER (self->popover));

  ys_record_grid_toggle_flag (self, (guint) MAX (0, selected));
}

/* Enter edits the cell; in an edit it saves and goes down (Shift: up),
 * or takes the highlighted choice and stays: that was a choice, not the
 * end of the cell's typing. */
static void
enter (YsRecordGrid *self, YsGridCell *cell, KeyState state, GVariant *parameter)
{
  if (state & FLAGS)
    choose_highlighted (self);
  else if ((state & CHOOSING) && ys_completion_popover_get_selected (YS_COMPLETION_POPOVER (self->popover)) >= 0)
    ys_record_grid_commit_edit (self, 0, 0, FALSE, FALSE);
  else if (state & EDITING)
    ys_record_grid_commit_edit (self, g_variant_get_int32 (parameter), 0, FALSE, FALSE);
  else if (state & ON_CELL)
    ys_record_grid_begin_edit (self, cell, NULL);
}

static void
add_row (YsRecordGrid *self, YsGridCell *cell, KeyState state, GVariant *parameter)
{
  if ((state & (EDITING | FLAGS)) && !ys_record_grid_commit_edit (self, 0, 0, FALSE, FALSE))
    return;
  if (state != 0)
    ys_record_grid_add_row (self);
}

static void
edit (YsRecordGrid *self, YsGridCell *cell, KeyState state, GVariant *parameter)
{
  if (state & ON_CELL)
    ys_record_grid_begin_edit (self, cell, NULL);
}

static void
edit_empty (YsRecordGrid *self, YsGridCell *cell, KeyState state, GVariant *parameter)
{
  if (state & ON_CELL)
    ys_record_grid_begin_edit (self, cell, "");
}

/* Space opens a cell's choices (a space typed into a text cell asks for
 * every suggestion); in a list of marks it flips the highlighted one. */
static void
choose (YsRecordGrid *self, YsGridCell *cell, KeyState state, GVariant *parameter)
{
  if (state & FLAGS)
    choose_highlighted (self);
  else if (state & ON_CELL)
    ys_record_grid_begin_edit (self, cell,
                               column_field (self, column_at (self, ys_grid_cell_get_column (cell))) ? " " : NULL);
}

static void
toggle_flag (YsRecordGrid *self, YsGridCell *cell, KeyState state, GVariant *parameter)
{
  if (state & FLAGS)
    ys_record_grid_toggle_flag (self, (guint) MAX (0, g_variant_get_int32 (parameter)));
}

/* Escape leaves an edit unsaved, or drops a refused value kept in its cell. */
static void
cancel (YsRecordGrid *self, YsGridCell *cell, KeyState state, GVariant *parameter)
{
  if (state & FLAGS)
    ys_record_grid_finish_edit (self, TRUE);
  else if (state & EDITING)
    ys_record_grid_cancel_edit (self);
  else if (state & ON_BAD)
    {
      ys_record_grid_clear_bad (self, ys_grid_cell_get_record (cell), ys_grid_cell_get_column (cell));
      ys_record_grid_refresh_cell (self, cell);
    }
  if (state & (EDITING | ON_BAD))
    ys_record_grid_hide_status (self);
}

static void
delete_rows (YsRecordGrid *self, YsGridCell *cell, KeyState state, GVariant *parameter)
{
  if (state & ON_CELL)
    ys_record_grid_delete_selected (self);
}

static void
copy (YsRecordGrid *self, YsGridCell *cell, KeyState state, GVariant *parameter)
{
  if (state & ON_CELL)
    ys_record_grid_copy (self);
}

static void
paste (YsRecordGrid *self, YsGridCell *cell, KeyState state, GVariant *parameter)
{
  if (state & ON_CELL)
    ys_record_grid_paste (self);
}

static const struct
{
  const char *name;
  const char *parameter_type;
  GridAction  run;
} grid_actions[] = {
  { "grid.move-row",    "(ib)", move_row },
  { "grid.end-row",     "(ib)", end_row },
  { "grid.move-column", "i",    move_column },
  { "grid.end-column",  "i",    end_column },
  { "grid.corner",      "i",    corner },
  { "grid.next-cell",   "i",    next_cell },
  { "grid.move-page",   "(ib)", move_page },
  { "grid.enter",       "i",    enter },
  { "grid.add-row",     NULL,   add_row },
  { "grid.edit",        NULL,   edit },
  { "grid.edit-empty",  NULL,   edit_empty },
  { "grid.choose",      NULL,   choose },
  { "grid.toggle-flag", "i",    toggle_flag },
  { "grid.cancel",      NULL,   cancel },
  { "grid.delete-rows", NULL,   delete_rows },
  { "grid.copy",        NULL,   copy },
  { "grid.paste",       NULL,   paste },
};

static void
grid_action_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  YsRecordGrid *self = YS_RECORD_GRID (widget);
  YsGridCell *cell = ys_record_grid_focused_cell (self);

  for (guint i = 0; i < G_N_ELEMENTS (grid_actions); i++)
    if (strcmp (grid_actions[i].name, action_name) == 0)
      grid_actions[i].run (self, cell, key_state (self, cell), parameter);
}

void
ys_record_grid_install_key_actions (GtkWidgetClass *widget_class)
{
  for (guint i = 0; i < G_N_ELEMENTS (grid_actions); i++)
    gtk_widget_class_install_action (widget_class, grid_actions[i].name, grid_actions[i].parameter_type,
                                     grid_action_activated);
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
