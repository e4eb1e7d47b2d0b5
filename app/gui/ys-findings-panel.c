/* The compact list of findings at the right of the window, beside whatever
 * page is being edited: the accountant sees an error appear as a figure is
 * typed and goes to it with a click, without leaving the page. A page of
 * its own kind: it is given the validator as the pages are, but shows no
 * records. */
#define G_LOG_DOMAIN "yusuan"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ys-finding-row.h"
#include "ys-findings-panel.h"

struct _YsFindingsPanel
{
  YsPage          parent_instance;

  /* template */
  GtkLabel       *counts_label;
  GtkStack       *stack;
  YsFindingsList *findings_list;
};

G_DEFINE_FINAL_TYPE (YsFindingsPanel, ys_findings_panel, YS_TYPE_PAGE)

static void
update_counts (YsFindingsPanel *self)
{
  YsValidator *validator = ys_page_get_validator (YS_PAGE (self));
  g_autofree char *counts = NULL;
  guint n = 0;

  if (validator != NULL)
    {
      counts = ys_findings_describe_counts (ys_validator_count (validator, YS_FINDING_ERROR),
                                            ys_validator_count (validator, YS_FINDING_WARNING));
      n = g_list_model_get_n_items (G_LIST_MODEL (validator));
    }
  gtk_label_set_label (self->counts_label, counts ? counts : "");
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
}

static void
on_validator_counts_cb (YsFindingsPanel *self,
                        GParamSpec      *pspec,
                        YsValidator     *validator)
{
  update_counts (self);
}

static void
on_close_button_clicked_cb (YsFindingsPanel *self,
                            GtkButton       *button)
{
  GtkWidget *flap = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_FLAP);

  /* The header bar's toggle follows the flap. */
  if (flap != NULL)
    adw_flap_set_reveal_flap (ADW_FLAP (flap), FALSE);
}

YsFindingsList *
ys_findings_panel_get_list (YsFindingsPanel *self)
{
  g_return_val_if_fail (YS_IS_FINDINGS_PANEL (self), NULL);

  return self->findings_list;
}

static void
ys_findings_panel_validator_changed (YsPage *page)
{
  YsFindingsPanel *self = YS_FINDINGS_PANEL (page);
  YsValidator *validator = ys_page_get_validator (page);

  ys_findings_list_set_model (self->findings_list, G_LIST_MODEL (validator));
  ys_page_watch_counts (page, G_CALLBACK (on_validator_counts_cb));
  update_counts (self);
}

static void
ys_findings_panel_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), YS_TYPE_FINDINGS_PANEL);

  G_OBJECT_CLASS (ys_findings_panel_parent_class)->dispose (object);
}

static void
ys_findings_panel_class_init (YsFindingsPanelClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = ys_findings_panel_dispose;
  YS_PAGE_CLASS (klass)->validator_changed = ys_findings_panel_validator_changed;

  g_type_ensure (YS_TYPE_FINDINGS_LIST);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/yusuan/Yusuan/ui/ys-findings-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, YsFindingsPanel, counts_label);
  gtk_widget_class_bind_template_child (widget_class, YsFindingsPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, YsFindingsPanel, findings_list);
  gtk_widget_class_bind_template_callback (widget_class, on_close_button_clicked_cb);
}

static void
ys_findings_panel_init (YsFindingsPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_counts (self);
}
