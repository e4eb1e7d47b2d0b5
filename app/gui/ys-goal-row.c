/* One performance indicator edited in place: 三级指标 (its whole name,
 * wrapped when it does not fit), 运算符号, 指标值, 计量单位 and 依据/标准,
 * with a menu to move or remove it. What is typed is
 * saved when the entry is left, on Enter, or after a pause in typing, so
 * that an undo step is a word or a value, not a keystroke, and the live
 * validation sees the value soon after it is typed. */
#define G_LOG_DOMAIN "yusuan"

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ys-goal-row.h"
#include "ys-widget-fixes.h"
#include "ys-kinds.h"
#include "ys-widget-util.h"

/* The pause in typing after which a value is saved. */
#define COMMIT_DELAY_MS 800

struct _YsGoalRow
{
  GtkWidget    parent_instance;

  /* template */
  GtkLabel    *levels_label;
  GtkTextView *name_view;
  GtkWidget   *name_placeholder;
  GtkDropDown *operator_dropdown;
  GtkTextView *value_view;
  GtkEntry    *measure_entry;
  GtkEntry    *basis_entry;
  GtkWidget   *fields_box;

  YsDocument  *document;
  YsRecord    *indicator;
  GtkEntry    *entries[YS_INDICATOR_N_FIELDS];  /* by field; NULL where not an entry (the name, the value) */
  gboolean     loading;                         /* filling the widgets: not an edit */
  guint        commit_timeout;
};

G_DEFINE_FINAL_TYPE (YsGoalRow, ys_goal_row, GTK_TYPE_WIDGET)

enum { SIGNAL_MOVE, SIGNAL_REMOVE, N_SIGNALS };
static guint signals[N_SIGNALS];

/* The operator drop-down's items: the kind's choices, after "none". */
static const char *const operators[] = { "", "≥", "≤", "=", ">", "<", "定性" };

static void
show_error (YsGoalRow  *self,
            const char *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
  else
    g_warning ("%s", message);
}

static char *
name_text (YsGoalRow *self)
{
  return ys_text_view_get_text (self->name_view);
}

/* The text view that edits @field, or NULL. */
static GtkTextView *
field_view (YsGoalRow *self,
            guint      field)
{
  return field == YS_INDICATOR_NAME ? self->name_view : field == YS_INDICATOR_VALUE ? self->value_view : NULL;
}

static void
commit_entry (YsGoalRow *self,
              guint      field)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *stored;

  if (self->document == NULL)
    return;
  if (field_view (self, field) != NULL)
    text = g_strstrip (ys_text_view_get_text (field_view (self, field)));
  else if (self->entries[field] != NULL)
    text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entries[field]))));
  else
    return;
  stored = ys_record_get_text (self->indicator, field);
  if (g_strcmp0 (text, stored ? stored : "") == 0)
    return;
  if (!ys_document_set_text (self->document, self->indicator, field, text, &error))
    show_error (self, error->message);
}

void
ys_goal_row_commit (YsGoalRow *self)
{
  g_return_if_fail (YS_IS_GOAL_ROW (self));

  g_clear_handle_id (&self->commit_timeout, g_source_remove);
  for (guint field = 0; field < YS_INDICATOR_N_FIELDS; field++)
    commit_entry (self, field);
}

static gboolean
commit_cb (gpointer user_data)
{
  YsGoalRow *self = user_data;

  self->commit_timeout = 0;
  ys_goal_row_commit (self);
  return G_SOURCE_REMOVE;
}

static void
on_entry_changed_cb (YsGoalRow   *self,
                     GtkEditable *editable)
{
  if (self->loading)
    return;
  g_clear_handle_id (&self->commit_timeout, g_source_remove);
  self->commit_timeout = g_timeout_add (COMMIT_DELAY_MS, commit_cb, self);
}

static void
on_name_changed_cb (YsGoalRow     *self,
                    GtkTextBuffer *buffer)
{
  g_autofree char *name = name_text (self);

  /* A screen reader names the row by its indicator, as the eye reads it. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  *name ? name : _("New Indicator"), -1);
  gtk_widget_set_visible (self->name_placeholder, *name == '\0');
  /* Its lines, and whether it fits beside the other fields, change. */
  gtk_widget_queue_resize (GTK_WIDGET (self));
  on_entry_changed_cb (self, NULL);
}

static void
on_value_changed_cb (YsGoalRow     *self,
                     GtkTextBuffer *buffer)
{
  /* Its lines change the row's height. */
  gtk_widget_queue_resize (GTK_WIDGET (self));
  on_entry_changed_cb (self, NULL);
}

/* A name or a value is one line of text: a line break typed or pasted is a space. */
static void
on_name_insert_text_cb (YsGoalRow     *self,
                        GtkTextIter   *location,
                        const char    *text,
                        int            length,
                        GtkTextBuffer *buffer)
{
  g_autofree char *flat = NULL;

  if (strpbrk (text, "\r\n") == NULL)
    return;
  flat = g_strndup (text, length);
  g_strdelimit (flat, "\r\n", ' ');
  g_signal_stop_emission_by_name (buffer, "insert-text");
  g_signal_handlers_block_by_func (buffer, on_name_insert_text_cb, self);
  gtk_text_buffer_insert (buffer, location, flat, -1);
  g_signal_handlers_unblock_by_func (buffer, on_name_insert_text_cb, self);
}

/* Enter saves the name, as it does in the entries beside it. */
static gboolean
on_name_key_pressed_cb (YsGoalRow             *self,
                        guint                  keyval,
                        guint                  keycode,
                        GdkModifierType        state,
                        GtkEventControllerKey *controller)
{
  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter)
    return FALSE;
  ys_goal_row_commit (self);
  return TRUE;
}

static void
on_entry_activate_cb (YsGoalRow *self,
                      GtkEntry  *entry)
{
  ys_goal_row_commit (self);
}

static void
on_focus_leave_cb (YsGoalRow               *self,
                   GtkEventControllerFocus *controller)
{
  ys_goal_row_commit (self);
}

static void
on_operator_dropdown_selected_cb (YsGoalRow   *self,
                                  GParamSpec  *pspec,
                                  GtkDropDown *dropdown)
{
  g_autoptr(GError) error = NULL;
  guint i = gtk_drop_down_get_selected (dropdown);
  const char *op;

  if (self->loading || self->document == NULL || i >= G_N_ELEMENTS (operators))
    return;
  op = operators[i];
  if (g_strcmp0 (op, ys_record_get_text (self->indicator, YS_INDICATOR_OPERATOR)) == 0)
    return;
  if (!ys_document_set_text (self->document, self->indicator, YS_INDICATOR_OPERATOR, op, &error))
    show_error (self, error->message);
}

/* From the record */

static void
update_value_hint (YsGoalRow *self)
{
  gboolean qualitative = g_strcmp0 (ys_record_get_text (self->indicator, YS_INDICATOR_OPERATOR), "定性") == 0;

  gtk_widget_set_tooltip_text (GTK_WIDGET (self->value_view), qualitative ? _("Description") : _("Figure"));
}

static void
load_field (YsGoalRow *self,
            guint      field)
{
  const char *text;

  if (!ys_field_is_text (&ys_indicator_kind.fields[field]))
    return;  /* the order and the weight are not shown */
  text = ys_record_get_text (self->indicator, field);

  self->loading = TRUE;
  if (field == YS_INDICATOR_OPERATOR)
    {
      guint selected = 0;

      for (guint i = 0; i < G_N_ELEMENTS (operators); i++)
        if (g_strcmp0 (operators[i], text ? text : "") == 0)
          selected = i;
      gtk_drop_down_set_selected (self->operator_dropdown, selected);
      update_value_hint (self);
    }
  else if (field == YS_INDICATOR_LEVEL1 || field == YS_INDICATOR_LEVEL2)
    {
      /* Translators: an indicator's level-1 › level-2 texts, above it when outside the framework */
      g_autofree char *levels = g_strdup_printf (_("%1$s › %2$s"),
                                                 ys_record_get_text (self->indicator, YS_INDICATOR_LEVEL1),
                                                 ys_record_get_text (self->indicator, YS_INDICATOR_LEVEL2));
      gtk_label_set_label (self->levels_label, levels);
    }
  else if (field_view (self, field) != NULL)
    {
      GtkTextView *view = field_view (self, field);
      g_autofree char *shown = ys_text_view_get_text (view);

      if (g_strcmp0 (shown, text ? text : "") != 0)
        gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text ? text : "", -1);
    }
  else if (self->entries[field] != NULL)
    {
      GtkEditable *editable = GTK_EDITABLE (self->entries[field]);

      if (g_strcmp0 (gtk_editable_get_text (editable), text ? text : "") != 0)
        gtk_editable_set_text (editable, text ? text : "");
    }
  self->loading = FALSE;
}

static void
on_indicator_notify_cb (YsGoalRow  *self,
                        GParamSpec *pspec,
                        YsRecord   *indicator)
{
  int field = ys_kind_find_field (&ys_indicator_kind, g_param_spec_get_name (pspec));

  if (field < 0)
    return;
  /* Undo, redo or another view changed it: show it, unless it is being
   * typed here right now (the typing wins and is saved in a moment). */
  if ((self->entries[field] != NULL || field_view (self, field) != NULL) && self->commit_timeout != 0)
    return;
  load_field (self, field);
}

/* Actions */

static void
move_up_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  YsGoalRow *self = YS_GOAL_ROW (widget);

  ys_goal_row_commit (self);
  g_signal_emit (self, signals[SIGNAL_MOVE], 0, -1);
}

static void
move_down_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  YsGoalRow *self = YS_GOAL_ROW (widget);

  ys_goal_row_commit (self);
  g_signal_emit (self, signals[SIGNAL_MOVE], 0, 1);
}

static void
remove_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  YsGoalRow *self = YS_GOAL_ROW (widget);

  g_clear_handle_id (&self->commit_timeout, g_source_remove);
  g_signal_emit (self, signals[SIGNAL_REMOVE], 0);
}

/* Layout */

/* Between the name and the other fields, across or down. */
#define FIELD_SPACING 4
/* Under the levels of an indicator outside the framework. */
#define LEVELS_SPACING 2

/* The width of the value's text view (the heading 指标值's). */
#define VALUE_WIDTH 64

/* @text laid out as @view lays it out, @width wide (-1: on one line);
 * its size in pixels, with the view's margins. */
static void
text_size (GtkTextView *view,
           const char  *text,
           int          width,
           int         *out_width,
           int         *out_height)
{
  int margins_x = gtk_text_view_get_left_margin (view) + gtk_text_view_get_right_margin (view);
  int margins_y = gtk_text_view_get_top_margin (view) + gtk_text_view_get_bottom_margin (view);
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (view), text);
  int w, h;

  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (width >= 0)
    pango_layout_set_width (layout, MAX (width - margins_x, 1) * PANGO_SCALE);
  pango_layout_get_pixel_size (layout, &w, &h);
  g_object_unref (layout);
  if (out_width != NULL)
    *out_width = w + margins_x;
  if (out_height != NULL)
    *out_height = h + margins_y;
}

/* The width of the whole name on one line. */
static int
name_line_width (YsGoalRow *self)
{
  g_autofree char *text = name_text (self);
  int width;

  text_size (self->name_view, *text ? text : gtk_label_get_text (GTK_LABEL (self->name_placeholder)), -1, &width, NULL);
  return width;
}

/* The least width of the name: a few characters, wrapped below that. */
static int
name_min_width (YsGoalRow *self)
{
  int width;

  text_size (self->name_view, gtk_label_get_text (GTK_LABEL (self->name_placeholder)), -1, &width, NULL);
  return width;
}

/* The height of the other fields: one line, or as many as the value
 * takes. */
static int
fields_height (YsGoalRow *self)
{
  g_autofree char *value = ys_text_view_get_text (self->value_view);
  int height, value_height;

  gtk_widget_measure (self->fields_box, GTK_ORIENTATION_VERTICAL, -1, NULL, &height, NULL, NULL);
  text_size (self->value_view, value, VALUE_WIDTH, NULL, &value_height);
  return MAX (height, value_height);
}

/* The height of the name @width wide: its lines, at the least the height
 * of an entry (one line of the fields). */
static int
name_height (YsGoalRow *self,
             int        width)
{
  g_autofree char *text = name_text (self);
  int height, entry_height;

  text_size (self->name_view, *text ? text : "", width, NULL, &height);
  gtk_widget_measure (GTK_WIDGET (self->measure_entry), GTK_ORIENTATION_VERTICAL, -1, NULL, &entry_height, NULL, NULL);
  return MAX (height, entry_height);
}

/* Whether the whole name fits on one line beside the other fields; when
 * not, it takes the row's whole width, on as many lines as it needs. */
static gboolean
fits_on_one_line (YsGoalRow *self,
                  int        width)
{
  int fields_min;

  gtk_widget_measure (self->fields_box, GTK_ORIENTATION_HORIZONTAL, -1,
                      &fields_min, NULL, NULL, NULL);
  return width >= name_line_width (self) + FIELD_SPACING + fields_min;
}

static void
ys_goal_row_measure (GtkWidget      *widget,
                     GtkOrientation  orientation,
                     int             for_size,
                     int            *minimum,
                     int            *natural,
                     int            *minimum_baseline,
                     int            *natural_baseline)
{
  YsGoalRow *self = YS_GOAL_ROW (widget);
  GtkWidget *levels = GTK_WIDGET (self->levels_label);
  int levels_min = 0, levels_nat = 0;
  int fields_min, fields_nat;

  if (gtk_widget_should_layout (levels))
    gtk_widget_measure (levels, orientation, for_size, &levels_min, &levels_nat, NULL, NULL);
  gtk_widget_measure (self->fields_box, orientation, -1, &fields_min, &fields_nat, NULL, NULL);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* At the least wrapped above the fields, at best on one line with them. */
      *minimum = MAX (levels_min, MAX (name_min_width (self), fields_min));
      *natural = MAX (levels_nat, name_line_width (self) + FIELD_SPACING + fields_nat);
    }
  else
    {
      if (for_size < 0 || fits_on_one_line (self, for_size))
        *minimum = *natural = MAX (name_height (self, -1), fields_height (self));
      else
        *minimum = *natural = name_height (self, for_size) + FIELD_SPACING + fields_height (self);
      if (gtk_widget_should_layout (levels))
        {
          *minimum += levels_min + LEVELS_SPACING;
          *natural += levels_nat + LEVELS_SPACING;
        }
    }
}

static void
ys_goal_row_size_allocate (GtkWidget *widget,
                           int        width,
                           int        height,
                           int        baseline)
{
  YsGoalRow *self = YS_GOAL_ROW (widget);
  GtkWidget *levels = GTK_WIDGET (self->levels_label);
  GtkWidget *view = GTK_WIDGET (self->name_view);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  GtkAllocation name = { 0 }, fields = { 0 }, placeholder;
  int fields_min, fields_width, height_of_fields;
  int y = 0;

  if (gtk_widget_should_layout (levels))
    {
      GtkAllocation allocation = { 0, 0, width, 0 };

      gtk_widget_measure (levels, GTK_ORIENTATION_VERTICAL, width, NULL, &allocation.height, NULL, NULL);
      gtk_widget_size_allocate (levels, &allocation, -1);
      y = allocation.height + LEVELS_SPACING;
    }

  /* The name's view is not measured here: its own measure is of its last
   * width (the name's is computed above), and measured while allocated it
   * asked for a new layout that GTK lost, leaving a column blank. */
  gtk_widget_measure (self->fields_box, GTK_ORIENTATION_HORIZONTAL, -1, &fields_min, &fields_width, NULL, NULL);
  height_of_fields = fields_height (self);

  if (fits_on_one_line (self, width))
    {
      fields_width = MAX (fields_min, MIN (fields_width, width - name_line_width (self) - FIELD_SPACING));
      name = (GtkAllocation) { 0, y, width - fields_width - FIELD_SPACING, name_height (self, -1) };
      fields = (GtkAllocation) { width - fields_width, y, fields_width, height_of_fields };
    }
  else
    {
      /* The other fields stay at the right, under their headings. */
      fields_width = MAX (fields_min, MIN (fields_width, width));
      name = (GtkAllocation) { 0, y, width, name_height (self, width) };
      fields = (GtkAllocation) { width - fields_width, y + name.height + FIELD_SPACING, fields_width,
                                 height_of_fields };
    }
  if (rtl)
    {
      name.x = width - name.x - name.width;
      fields.x = width - fields.x - fields.width;
    }
  gtk_widget_size_allocate (view, &name, -1);
  gtk_widget_size_allocate (self->fields_box, &fields, -1);

  /* The placeholder where the text would start. */
  placeholder.x = name.x + (rtl ? 0 : gtk_text_view_get_left_margin (self->name_view));
  placeholder.y = name.y + gtk_text_view_get_top_margin (self->name_view);
  placeholder.width = MAX (1, name.width - gtk_text_view_get_left_margin (self->name_view)
                              - gtk_text_view_get_right_margin (self->name_view));
  gtk_widget_measure (self->name_placeholder, GTK_ORIENTATION_VERTICAL, placeholder.width,
                      NULL, &placeholder.height, NULL, NULL);
  gtk_widget_size_allocate (self->name_placeholder, &placeholder, -1);
}

static GtkSizeRequestMode
ys_goal_row_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

/* Public */

YsRecord *
ys_goal_row_get_indicator (YsGoalRow *self)
{
  g_return_val_if_fail (YS_IS_GOAL_ROW (self), NULL);

  return self->indicator;
}

int
ys_goal_row_get_focus_field (YsGoalRow *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  g_return_val_if_fail (YS_IS_GOAL_ROW (self), -1);

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    return -1;
  for (guint field = 0; field < YS_INDICATOR_N_FIELDS; field++)
    if (self->entries[field] != NULL
        && (focus == GTK_WIDGET (self->entries[field])
            || gtk_widget_is_ancestor (focus, GTK_WIDGET (self->entries[field]))))
      return field;
  if (focus == GTK_WIDGET (self->operator_dropdown)
      || gtk_widget_is_ancestor (focus, GTK_WIDGET (self->operator_dropdown)))
    return YS_INDICATOR_OPERATOR;
  if (focus == GTK_WIDGET (self->value_view) || gtk_widget_is_ancestor (focus, GTK_WIDGET (self->value_view)))
    return YS_INDICATOR_VALUE;
  return YS_INDICATOR_NAME;
}

void
ys_goal_row_focus_field (YsGoalRow *self,
                         int        field)
{
  g_return_if_fail (YS_IS_GOAL_ROW (self));

  if (field == YS_INDICATOR_OPERATOR)
    gtk_widget_grab_focus (GTK_WIDGET (self->operator_dropdown));
  else if (field == YS_INDICATOR_VALUE)
    gtk_widget_grab_focus (GTK_WIDGET (self->value_view));
  else if (field >= 0 && field < YS_INDICATOR_N_FIELDS && self->entries[field] != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->entries[field]));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->name_view));
}

void
ys_goal_row_set_show_levels (YsGoalRow *self,
                             gboolean   show_levels)
{
  g_return_if_fail (YS_IS_GOAL_ROW (self));

  gtk_widget_set_visible (GTK_WIDGET (self->levels_label), show_levels);
}

GtkWidget *
ys_goal_row_new (YsDocument *document,
                 YsRecord   *indicator)
{
  YsGoalRow *self;

  g_return_val_if_fail (YS_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (YS_IS_INDICATOR (indicator), NULL);

  self = g_object_new (YS_TYPE_GOAL_ROW, NULL);
  self->document = g_object_ref (document);
  self->indicator = g_object_ref (indicator);
  for (guint field = 0; field < YS_INDICATOR_N_FIELDS; field++)
    load_field (self, field);
  g_signal_connect_object (indicator, "notify", G_CALLBACK (on_indicator_notify_cb),
                           self, G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}

static void
ys_goal_row_dispose (GObject *object)
{
  YsGoalRow *self = YS_GOAL_ROW (object);

  g_clear_handle_id (&self->commit_timeout, g_source_remove);
  if (self->indicator != NULL)
    g_signal_handlers_disconnect_by_data (self->indicator, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), YS_TYPE_GOAL_ROW);
  /* dispose_template() only unparents the children the class binds. */
  ys_widget_remove_children (GTK_WIDGET (self));
  g_clear_object (&self->indicator);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (ys_goal_row_parent_class)->dispose (object);
}

static void
ys_goal_row_class_init (YsGoalRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ys_goal_row_dispose;
  widget_class->measure = ys_goal_row_measure;
  widget_class->size_allocate = ys_goal_row_size_allocate;
  widget_class->get_request_mode = ys_goal_row_get_request_mode;
  /* Named by its indicator (see on_name_changed_cb()). */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  /* Asks the editor to move the indicator by @delta places within its group. */
  signals[SIGNAL_MOVE] =
    g_signal_new ("move", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);
  signals[SIGNAL_REMOVE] =
    g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "goal.move-up", NULL, move_up_activated);
  gtk_widget_class_install_action (widget_class, "goal.move-down", NULL, move_down_activated);
  gtk_widget_class_install_action (widget_class, "goal.remove", NULL, remove_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "goal.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "goal.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, GDK_CONTROL_MASK, "goal.remove", NULL);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/yusuan/Yusuan/ui/ys-goal-row.ui");
  gtk_widget_class_bind_template_child (widget_class, YsGoalRow, levels_label);
  gtk_widget_class_bind_template_child (widget_class, YsGoalRow, name_view);
  gtk_widget_class_bind_template_child (widget_class, YsGoalRow, operator_dropdown);
  gtk_widget_class_bind_template_child (widget_class, YsGoalRow, value_view);
  gtk_widget_class_bind_template_child (widget_class, YsGoalRow, measure_entry);
  gtk_widget_class_bind_template_child (widget_class, YsGoalRow, basis_entry);
  gtk_widget_class_bind_template_child (widget_class, YsGoalRow, fields_box);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_name_key_pressed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_focus_leave_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_operator_dropdown_selected_cb);
}

static void
ys_goal_row_init (YsGoalRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  ys_widget_fixes_apply (GTK_WIDGET (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("New Indicator"), -1);
  /* Drawn over the name while it is empty, as an entry's placeholder. */
  self->name_placeholder = gtk_label_new (_("Indicator"));
  gtk_label_set_xalign (GTK_LABEL (self->name_placeholder), 0);
  gtk_widget_set_can_target (self->name_placeholder, FALSE);
  gtk_widget_add_css_class (self->name_placeholder, "dim-label");
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->name_placeholder), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_widget_set_parent (self->name_placeholder, GTK_WIDGET (self));
  g_signal_connect_object (gtk_text_view_get_buffer (self->name_view), "changed",
                           G_CALLBACK (on_name_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->name_view), "insert-text",
                           G_CALLBACK (on_name_insert_text_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->value_view), "changed",
                           G_CALLBACK (on_value_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->value_view), "insert-text",
                           G_CALLBACK (on_name_insert_text_cb), self, G_CONNECT_SWAPPED);
  self->entries[YS_INDICATOR_MEASURE] = self->measure_entry;
  self->entries[YS_INDICATOR_BASIS] = self->basis_entry;
}
