/* See ys-widget-fixes.h.
 *
 * Lists: AdwComboRow opens its list when its list box activates it,
 * and the list box does so only for the row it has made its cursor: a row
 * reached with Tab or the arrows from a text field is not always that one,
 * and Enter then goes on to the window, which in a dialog presses its
 * default button (the New Budget dialog created the budget with the region
 * shown, not the one wanted). The row itself takes Enter and Space first,
 * while it has the focus; once the list is open the focus is in it, and
 * its own keys choose. GtkDropDown opens on Enter but not on Space: the
 * same keys make it open on both.
 *
 * Their lists: libadwaita 1.2 cuts an item after twenty characters
 * (2021年版（含成本指…); the items here are shown whole, wrapped if they
 * are very long.
 *
 * Tooltips: GTK 4.8 sizes its tooltip label narrowly when the text has no
 * spaces to break at, so that a table's name of sixteen characters shows
 * on two or three lines, and a longer one as a column. A label of our own
 * with a maximum width in characters takes the room it needs. */
#include "config.h"

#include <adwaita.h>

#include "ys-widget-fixes.h"

/* Characters (of Latin width: a Chinese one counts two) before a tooltip wraps. */
#define TOOLTIP_WIDTH_CHARS 60

/* The focus is on @widget or in it, but not in its open list. */
static gboolean
focus_is_on (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *popover;

  if (focus == NULL || (focus != widget && !gtk_widget_is_ancestor (focus, widget)))
    return FALSE;
  popover = gtk_widget_get_ancestor (focus, GTK_TYPE_POPOVER);
  return popover == NULL || !gtk_widget_is_ancestor (popover, widget);
}

static gboolean
open_list_cb (GtkWidget *widget,
              GVariant  *args,
              gpointer   user_data)
{
  if (!focus_is_on (widget) || !gtk_widget_is_sensitive (widget))
    return FALSE;
  return gtk_widget_activate (widget);
}

static void
add_list_keys (GtkWidget *row)
{
  static const guint keyvals[] = { GDK_KEY_Return, GDK_KEY_KP_Enter, GDK_KEY_ISO_Enter, GDK_KEY_space, GDK_KEY_KP_Space };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (keyvals); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (keyvals[i], 0),
                                                            gtk_callback_action_new (open_list_cb, NULL, NULL)));
  gtk_widget_add_controller (row, controller);
}

static void
update_check (GtkListItem *item,
              GParamSpec  *pspec,
              AdwComboRow *row)
{
  GtkWidget *check = gtk_widget_get_last_child (gtk_list_item_get_child (item));

  gtk_widget_set_opacity (check, adw_combo_row_get_selected_item (row) == gtk_list_item_get_item (item) ? 1 : 0);
}

static void
setup_choice_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 AdwComboRow              *row)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), TOOLTIP_WIDTH_CHARS);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("object-select-symbolic"));
  gtk_list_item_set_child (item, box);
}

static void
bind_choice_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                AdwComboRow              *row)
{
  GtkExpression *expression = adw_combo_row_get_expression (row);
  gpointer object = gtk_list_item_get_item (item);
  g_auto(GValue) value = G_VALUE_INIT;
  const char *text = NULL;

  if (expression != NULL && gtk_expression_evaluate (expression, object, &value))
    text = g_value_get_string (&value);
  else if (GTK_IS_STRING_OBJECT (object))
    text = gtk_string_object_get_string (object);
  gtk_label_set_label (GTK_LABEL (gtk_widget_get_first_child (gtk_list_item_get_child (item))), text);
  g_signal_connect_object (row, "notify::selected-item", G_CALLBACK (update_check), item, G_CONNECT_SWAPPED);
  update_check (item, NULL, row);
}

static void
unbind_choice_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  AdwComboRow              *row)
{
  g_signal_handlers_disconnect_by_func (row, update_check, item);
}

static void
show_choices_whole (AdwComboRow *row)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_choice_cb), row);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_choice_cb), row);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_choice_cb), row);
  adw_combo_row_set_list_factory (row, factory);
}

void
ys_widget_fixes_tooltip (GtkTooltip *tooltip,
                         const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), TOOLTIP_WIDTH_CHARS);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_tooltip_set_custom (tooltip, label);
}

/* Before GTK's own handler: the text the widget has now (it may be bound). */
static gboolean
on_query_tooltip_cb (GtkWidget  *widget,
                     int         x,
                     int         y,
                     gboolean    keyboard,
                     GtkTooltip *tooltip,
                     gpointer    user_data)
{
  const char *text = gtk_widget_get_tooltip_text (widget);

  if (text == NULL || *text == '\0')
    return FALSE;
  ys_widget_fixes_tooltip (tooltip, text);
  return TRUE;
}

void
ys_widget_fixes_apply (GtkWidget *widget)
{
  /* Every widget: a bound tooltip gets its text later. */
  g_signal_connect (widget, "query-tooltip", G_CALLBACK (on_query_tooltip_cb), NULL);
  if (ADW_IS_COMBO_ROW (widget))
    {
      add_list_keys (widget);
      if (adw_combo_row_get_list_factory (ADW_COMBO_ROW (widget)) == NULL)
        show_choices_whole (ADW_COMBO_ROW (widget));
      return;  /* its popover's list chooses by itself */
    }
  /* GtkDropDown opens on Enter, but not on Space. */
  if (GTK_IS_DROP_DOWN (widget))
    {
      add_list_keys (widget);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    ys_widget_fixes_apply (child);
}
