/* The compact list of findings at the right of the window, beside whatever
 * page is being edited: the accountant sees an error appear as a figure is
 * typed and goes to it with a click, without leaving the page. */
#define G_LOG_DOMAIN "yusuan"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ys-finding-row.h"
#include "ys-findings-panel.h"
#include "ys-window.h"

struct _YsFindingsPanel
{
  GtkWidget           parent_instance;

  /* template */
  GtkLabel           *counts_label;
  GtkStack           *stack;
  GtkListView        *list_view;
  GtkSingleSelection *selection;

  YsValidator        *validator;
  gboolean            reviewer_mode;
};

G_DEFINE_FINAL_TYPE (YsFindingsPanel, ys_findings_panel, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_VALIDATOR, PROP_REVIEWER_MODE, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
update_counts (YsFindingsPanel *self)
{
  g_autofree char *counts = NULL;
  guint n = 0;

  if (self->validator != NULL)
    {
      counts = ys_findings_describe_counts (ys_validator_count (self->validator, YS_FINDING_ERROR),
                                            ys_validator_count (self->validator, YS_FINDING_WARNING));
      n = g_list_model_get_n_items (G_LIST_MODEL (self->validator));
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

/* Rows */

static void
on_factory_setup_cb (YsFindingsPanel          *self,
                     GtkListItem              *item,
                     GtkSignalListItemFactory *factory)
{
  GtkWidget *row = ys_finding_row_new ();

  g_object_bind_property (self, "reviewer-mode", row, "show-review", G_BINDING_SYNC_CREATE);
  gtk_list_item_set_child (item, row);
}

static void
on_factory_bind_cb (YsFindingsPanel          *self,
                    GtkListItem              *item,
                    GtkSignalListItemFactory *factory)
{
  ys_finding_row_set_finding (YS_FINDING_ROW (gtk_list_item_get_child (item)),
                              gtk_list_item_get_item (item));
}

static void
on_factory_unbind_cb (YsFindingsPanel          *self,
                      GtkListItem              *item,
                      GtkSignalListItemFactory *factory)
{
  ys_finding_row_set_finding (YS_FINDING_ROW (gtk_list_item_get_child (item)), NULL);
}

static void
on_list_view_activate_cb (YsFindingsPanel *self,
                          guint            position,
                          GtkListView     *list_view)
{
  g_autoptr(YsFinding) finding = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  YsRecord *target;

  if (finding == NULL || self->validator == NULL || !YS_IS_WINDOW (root))
    return;
  target = ys_finding_find_target (finding, ys_validator_get_document (self->validator));
  if (target != NULL)
    ys_window_reveal (YS_WINDOW (root), target, ys_finding_get_field (finding));
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

/* Properties */

YsValidator *
ys_findings_panel_get_validator (YsFindingsPanel *self)
{
  g_return_val_if_fail (YS_IS_FINDINGS_PANEL (self), NULL);

  return self->validator;
}

void
ys_findings_panel_set_validator (YsFindingsPanel *self,
                                 YsValidator     *validator)
{
  g_return_if_fail (YS_IS_FINDINGS_PANEL (self));
  g_return_if_fail (!validator || YS_IS_VALIDATOR (validator));

  if (self->validator == validator)
    return;

  if (self->validator != NULL)
    g_signal_handlers_disconnect_by_data (self->validator, self);
  g_set_object (&self->validator, validator);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (validator));
  if (validator != NULL)
    {
      g_signal_connect_object (validator, "notify::n-errors",
                               G_CALLBACK (on_validator_counts_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (validator, "notify::n-warnings",
                               G_CALLBACK (on_validator_counts_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (validator, "notify::n-items",
                               G_CALLBACK (on_validator_counts_cb), self, G_CONNECT_SWAPPED);
    }
  update_counts (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALIDATOR]);
}

static void
ys_findings_panel_dispose (GObject *object)
{
  YsFindingsPanel *self = YS_FINDINGS_PANEL (object);
  GtkWidget *child;

  if (self->validator != NULL)
    g_signal_handlers_disconnect_by_data (self->validator, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), YS_TYPE_FINDINGS_PANEL);
  /* dispose_template() only unparents the children the class binds. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->validator);

  G_OBJECT_CLASS (ys_findings_panel_parent_class)->dispose (object);
}

static void
ys_findings_panel_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  YsFindingsPanel *self = YS_FINDINGS_PANEL (object);

  switch (prop_id)
    {
    case PROP_VALIDATOR:
      g_value_set_object (value, self->validator);
      break;
    case PROP_REVIEWER_MODE:
      g_value_set_boolean (value, self->reviewer_mode);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ys_findings_panel_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  YsFindingsPanel *self = YS_FINDINGS_PANEL (object);

  switch (prop_id)
    {
    case PROP_VALIDATOR:
      ys_findings_panel_set_validator (self, g_value_get_object (value));
      break;
    case PROP_REVIEWER_MODE:
      if (self->reviewer_mode != g_value_get_boolean (value))
        {
          self->reviewer_mode = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ys_findings_panel_class_init (YsFindingsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ys_findings_panel_dispose;
  object_class->get_property = ys_findings_panel_get_property;
  object_class->set_property = ys_findings_panel_set_property;

  properties[PROP_VALIDATOR] =
    g_param_spec_object ("validator", NULL, NULL, YS_TYPE_VALIDATOR,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Shows each finding's review status, as the review page does in reviewer mode. */
  properties[PROP_REVIEWER_MODE] =
    g_param_spec_boolean ("reviewer-mode", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (YS_TYPE_FINDING_ROW);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/yusuan/Yusuan/ui/ys-findings-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, YsFindingsPanel, counts_label);
  gtk_widget_class_bind_template_child (widget_class, YsFindingsPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, YsFindingsPanel, list_view);
  gtk_widget_class_bind_template_child (widget_class, YsFindingsPanel, selection);
  gtk_widget_class_bind_template_callback (widget_class, on_factory_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_factory_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_factory_unbind_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_close_button_clicked_cb);
}

static void
ys_findings_panel_init (YsFindingsPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_counts (self);
}
