/* Suggestions for the cell being edited. The popover does not grab the
 * keyboard (autohide is off): focus stays in the editor and the grid moves
 * the highlight, as GtkEntryCompletion did. A click on a row picks it. */
#define G_LOG_DOMAIN "yusuan"

#include "config.h"

#include <glib/gi18n.h>

#include "ys-completion-popover.h"
#include "ys-widget-util.h"

struct _YsCompletionPopover
{
  GtkPopover         parent_instance;

  /* template */
  GtkScrolledWindow *scroller;
  GtkListBox        *list;

  GPtrArray         *checks;   /* GtkCheckButton or NULL, one per row */
};

G_DEFINE_FINAL_TYPE (YsCompletionPopover, ys_completion_popover, GTK_TYPE_POPOVER)

enum { SIGNAL_ACTIVATED, N_SIGNALS };
static guint signals[N_SIGNALS];

void
ys_completion_popover_clear (YsCompletionPopover *self)
{
  g_return_if_fail (YS_IS_COMPLETION_POPOVER (self));

  ys_widget_remove_children (GTK_WIDGET (self->list));
  g_ptr_array_set_size (self->checks, 0);
}

void
ys_completion_popover_append (YsCompletionPopover *self,
                              const char          *title,
                              const char          *subtitle,
                              int                  checked)
{
  GtkWidget *row;
  GtkWidget *box;
  GtkWidget *check = NULL;

  g_return_if_fail (YS_IS_COMPLETION_POPOVER (self));

  /* Rows differ in number and content with every key typed, so they are
   * made here rather than declared in the template. */
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  if (checked >= 0)
    {
      /* Not a target: the row takes the click and the grid toggles. */
      check = gtk_check_button_new_with_label (title);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), checked != 0);
      gtk_widget_set_can_target (check, FALSE);
      gtk_widget_set_focusable (check, FALSE);
      gtk_box_append (GTK_BOX (box), check);
    }
  else
    {
      GtkWidget *label = gtk_label_new (title);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_box_append (GTK_BOX (box), label);
    }
  if (subtitle != NULL && *subtitle != '\0')
    {
      GtkWidget *label = gtk_label_new (subtitle);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (box), label);
    }

  row = gtk_list_box_row_new ();
  gtk_widget_set_focusable (row, FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  if (subtitle != NULL && *subtitle != '\0')
    gtk_widget_set_tooltip_text (row, subtitle);
  gtk_list_box_append (self->list, row);
  g_ptr_array_add (self->checks, check);

  /* A scrollbar asks for height of its own: a short list would get blank
   * space under it. Only a long list scrolls. */
  gtk_scrolled_window_set_policy (self->scroller, GTK_POLICY_NEVER,
                                  self->checks->len > 8 ? GTK_POLICY_AUTOMATIC : GTK_POLICY_NEVER);
}

void
ys_completion_popover_set_checked (YsCompletionPopover *self,
                                   guint                index,
                                   gboolean             checked)
{
  g_return_if_fail (YS_IS_COMPLETION_POPOVER (self));

  if (index < self->checks->len && self->checks->pdata[index] != NULL)
    gtk_check_button_set_active (self->checks->pdata[index], checked);
}

void
ys_completion_popover_set_narrow (YsCompletionPopover *self,
                                  gboolean             narrow)
{
  g_return_if_fail (YS_IS_COMPLETION_POPOVER (self));

  gtk_widget_set_size_request (GTK_WIDGET (self->scroller), narrow ? 200 : 460, -1);
}

guint
ys_completion_popover_get_n_items (YsCompletionPopover *self)
{
  g_return_val_if_fail (YS_IS_COMPLETION_POPOVER (self), 0);

  return self->checks->len;
}

int
ys_completion_popover_get_selected (YsCompletionPopover *self)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (YS_IS_COMPLETION_POPOVER (self), -1);

  row = gtk_list_box_get_selected_row (self->list);
  return row ? gtk_list_box_row_get_index (row) : -1;
}

void
ys_completion_popover_set_selected (YsCompletionPopover *self,
                                    int                  index)
{
  GtkListBoxRow *row;

  g_return_if_fail (YS_IS_COMPLETION_POPOVER (self));

  row = index >= 0 ? gtk_list_box_get_row_at_index (self->list, index) : NULL;
  if (row == NULL)
    {
      gtk_list_box_unselect_all (self->list);
      return;
    }
  gtk_list_box_select_row (self->list, row);

  /* Keep the highlighted row in view. */
  {
    GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (self->scroller);
    graphene_rect_t bounds;

    if (gtk_widget_compute_bounds (GTK_WIDGET (row), GTK_WIDGET (self->list), &bounds))
      {
        double top = gtk_adjustment_get_value (adj);
        double page = gtk_adjustment_get_page_size (adj);

        if (bounds.origin.y < top)
          gtk_adjustment_set_value (adj, bounds.origin.y);
        else if (bounds.origin.y + bounds.size.height > top + page)
          gtk_adjustment_set_value (adj, bounds.origin.y + bounds.size.height - page);
      }
  }
}

void
ys_completion_popover_move (YsCompletionPopover *self,
                            int                  delta)
{
  int n;
  int index;

  g_return_if_fail (YS_IS_COMPLETION_POPOVER (self));

  n = (int) self->checks->len;
  if (n == 0)
    return;
  index = ys_completion_popover_get_selected (self);
  if (index < 0)
    index = delta > 0 ? 0 : n - 1;
  else
    index = CLAMP (index + delta, 0, n - 1);
  ys_completion_popover_set_selected (self, index);
}

static void
on_list_row_activated_cb (YsCompletionPopover *self,
                          GtkListBoxRow       *row,
                          GtkListBox          *list)
{
  g_signal_emit (self, signals[SIGNAL_ACTIVATED], 0, (guint) gtk_list_box_row_get_index (row));
}

static void
ys_completion_popover_dispose (GObject *object)
{
  YsCompletionPopover *self = YS_COMPLETION_POPOVER (object);

  g_clear_pointer (&self->checks, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), YS_TYPE_COMPLETION_POPOVER);

  G_OBJECT_CLASS (ys_completion_popover_parent_class)->dispose (object);
}

static void
ys_completion_popover_class_init (YsCompletionPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ys_completion_popover_dispose;

  /**
   * YsCompletionPopover::activated:
   * @index: the row clicked
   */
  signals[SIGNAL_ACTIVATED] =
    g_signal_new ("activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/yusuan/Yusuan/ui/ys-completion-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, YsCompletionPopover, scroller);
  gtk_widget_class_bind_template_child (widget_class, YsCompletionPopover, list);
  gtk_widget_class_bind_template_callback (widget_class, on_list_row_activated_cb);
}

static void
ys_completion_popover_init (YsCompletionPopover *self)
{
  self->checks = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
ys_completion_popover_new (void)
{
  return g_object_new (YS_TYPE_COMPLETION_POPOVER, NULL);
}
