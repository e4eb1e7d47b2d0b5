/* The budget's totals in the header bar: income, expenditure and their
 * difference, which has to come to nought, and, once control figures have
 * come down, what they leave to allocate (待分配); only the difference when
 * the window is narrow (the window decides, ys_totals_bar_set_full()). */
#define G_LOG_DOMAIN "yusuan"

#include "config.h"

#include <glib/gi18n.h>

#include "ys-kinds.h"
#include "ys-page.h"
#include "ys-summary.h"
#include "ys-totals-bar.h"

struct _YsTotalsBar
{
  GtkWidget   parent_instance;

  /* template */
  GtkStack   *totals_stack;
  GtkWidget  *full_totals;
  GtkLabel   *income_label;
  GtkLabel   *expense_label;
  GtkLabel   *balance_label;
  GtkLabel   *compact_balance_label;
  GtkWidget  *remaining_box;
  GtkLabel   *remaining_label;

  YsDocument *document;
  guint       update_idle;
};

G_DEFINE_FINAL_TYPE (YsTotalsBar, ys_totals_bar, GTK_TYPE_WIDGET)

static void
mark_difference (GtkLabel *label,
                 YsMoney   balance)
{
  /* Income must equal expenditure; a difference is what the accountant has
   * to resolve before submitting, so it stands out. */
  if (balance != 0)
    gtk_widget_add_css_class (GTK_WIDGET (label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (label), "error");
}

/* Below nought means the line items are over the control figures: the
 * findings say where. */
static void
update_remaining (YsTotalsBar *self)
{
  YsControlTotals totals;
  g_autofree char *controlled = NULL, *allocated = NULL, *tooltip = NULL;

  ys_control_totals (self->document, &totals);
  gtk_widget_set_visible (self->remaining_box, totals.n_controls > 0);
  if (totals.n_controls == 0)
    return;
  ys_page_set_money_label (self->remaining_label, totals.controlled - totals.allocated);
  controlled = ys_money_format (totals.controlled, YS_MONEY_YUAN, TRUE);
  allocated = ys_money_format (totals.allocated, YS_MONEY_YUAN, TRUE);
  tooltip = g_strdup_printf (_("Control figures %s yuan, allocated %s yuan"), controlled, allocated);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->remaining_label), tooltip);
  if (totals.allocated > totals.controlled)
    gtk_widget_add_css_class (GTK_WIDGET (self->remaining_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->remaining_label), "error");
}

static gboolean
update_cb (gpointer user_data)
{
  YsTotalsBar *self = user_data;
  g_autoptr(YsSummary) summary = NULL;
  YsMoney balance;

  self->update_idle = 0;
  if (self->document == NULL)
    return G_SOURCE_REMOVE;

  summary = ys_summary_compute (self->document, &YS_FILTER_ALL);
  balance = summary->income_total - summary->expense.total;
  ys_page_set_money_label (self->income_label, summary->income_total);
  ys_page_set_money_label (self->expense_label, summary->expense.total);
  ys_page_set_money_label (self->balance_label, balance);
  ys_page_set_money_label (self->compact_balance_label, balance);
  mark_difference (self->balance_label, balance);
  mark_difference (self->compact_balance_label, balance);
  update_remaining (self);
  return G_SOURCE_REMOVE;
}

static void
on_document_changed_cb (YsTotalsBar *self,
                        YsRecord    *record,
                        guint        type,
                        int          field,
                        YsDocument  *document)
{
  /* A paste or an import emits "changed" once per row: add them up once,
   * after the burst, at low priority so typing stays responsive. */
  if (self->update_idle == 0)
    self->update_idle = g_idle_add_full (G_PRIORITY_LOW, update_cb, self, NULL);
}

void
ys_totals_bar_set_document (YsTotalsBar *self,
                            YsDocument  *document)
{
  g_return_if_fail (YS_IS_TOTALS_BAR (self));
  g_return_if_fail (!document || YS_IS_DOCUMENT (document));

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_handle_id (&self->update_idle, g_source_remove);
  g_set_object (&self->document, document);
  if (document != NULL)
    {
      g_signal_connect_object (document, "changed",
                               G_CALLBACK (on_document_changed_cb), self, G_CONNECT_SWAPPED);
      update_cb (self);
    }
}

gboolean
ys_totals_bar_get_full (YsTotalsBar *self)
{
  g_return_val_if_fail (YS_IS_TOTALS_BAR (self), FALSE);

  return gtk_stack_get_visible_child (self->totals_stack) == self->full_totals;
}

void
ys_totals_bar_set_full (YsTotalsBar *self,
                        gboolean     full)
{
  g_return_if_fail (YS_IS_TOTALS_BAR (self));

  gtk_stack_set_visible_child_name (self->totals_stack, full ? "full" : "compact");
}

int
ys_totals_bar_get_full_extra_width (YsTotalsBar *self)
{
  int shown_min, full_min;

  g_return_val_if_fail (YS_IS_TOTALS_BAR (self), 0);

  gtk_widget_measure (gtk_stack_get_visible_child (self->totals_stack), GTK_ORIENTATION_HORIZONTAL, -1,
                      &shown_min, NULL, NULL, NULL);
  gtk_widget_measure (self->full_totals, GTK_ORIENTATION_HORIZONTAL, -1, &full_min, NULL, NULL, NULL);
  return full_min - shown_min;
}

static void
ys_totals_bar_dispose (GObject *object)
{
  YsTotalsBar *self = YS_TOTALS_BAR (object);

  ys_totals_bar_set_document (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), YS_TYPE_TOTALS_BAR);

  G_OBJECT_CLASS (ys_totals_bar_parent_class)->dispose (object);
}

static void
ys_totals_bar_class_init (YsTotalsBarClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = ys_totals_bar_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/yusuan/Yusuan/ui/ys-totals-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, YsTotalsBar, totals_stack);
  gtk_widget_class_bind_template_child (widget_class, YsTotalsBar, full_totals);
  gtk_widget_class_bind_template_child (widget_class, YsTotalsBar, income_label);
  gtk_widget_class_bind_template_child (widget_class, YsTotalsBar, expense_label);
  gtk_widget_class_bind_template_child (widget_class, YsTotalsBar, balance_label);
  gtk_widget_class_bind_template_child (widget_class, YsTotalsBar, remaining_box);
  gtk_widget_class_bind_template_child (widget_class, YsTotalsBar, remaining_label);
  gtk_widget_class_bind_template_child (widget_class, YsTotalsBar, compact_balance_label);
}

static void
ys_totals_bar_init (YsTotalsBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
