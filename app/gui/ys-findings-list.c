/* A list of findings, one YsFindingRow each, as the findings panel and the
 * review page show them. Activating a finding goes to the cell or field it
 * names, on whatever page shows it. */
#define G_LOG_DOMAIN "yusuan"

#include "config.h"

#include "ys-finding-row.h"
#include "ys-findings-list.h"
#include "ys-window.h"

struct _YsFindingsList
{
  GtkWidget           parent_instance;

  /* template */
  GtkWidget          *scroller;
  GtkListView        *list_view;
  GtkSingleSelection *selection;

  gboolean            reviewer_mode;
  YsFindingsCountFunc count_func;
  gpointer            count_data;
};

G_DEFINE_FINAL_TYPE (YsFindingsList, ys_findings_list, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MODEL,
  PROP_SELECTED,
  PROP_REVIEWER_MODE,
  PROP_SINGLE_CLICK_ACTIVATE,
  PROP_AUTOSELECT,
  PROP_SIDEBAR,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

enum { COUNTS_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
update_count (YsFindingsList *self,
              YsFindingRow   *row)
{
  YsFinding *finding = ys_finding_row_get_finding (row);

  ys_finding_row_set_same_count (row, finding && self->count_func
                                      ? self->count_func (finding, self->count_data) : 1);
}

static void
on_counts_changed_cb (YsFindingsList *self,
                      YsFindingRow   *row)
{
  update_count (self, row);
}

static void
on_factory_setup_cb (YsFindingsList           *self,
                     GtkListItem              *item,
                     GtkSignalListItemFactory *factory)
{
  GtkWidget *row = ys_finding_row_new ();

  g_object_bind_property (self, "reviewer-mode", row, "show-review", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self, "counts-changed", G_CALLBACK (on_counts_changed_cb), row, 0);
  gtk_list_item_set_child (item, row);
}

static void
on_factory_bind_cb (YsFindingsList           *self,
                    GtkListItem              *item,
                    GtkSignalListItemFactory *factory)
{
  ys_finding_row_set_finding (YS_FINDING_ROW (gtk_list_item_get_child (item)),
                              gtk_list_item_get_item (item));
  update_count (self, YS_FINDING_ROW (gtk_list_item_get_child (item)));
}

static void
on_factory_unbind_cb (YsFindingsList           *self,
                      GtkListItem              *item,
                      GtkSignalListItemFactory *factory)
{
  ys_finding_row_set_finding (YS_FINDING_ROW (gtk_list_item_get_child (item)), NULL);
}

/* Goes to the record @finding names, in the window of this list. */
void
ys_findings_list_reveal (YsFindingsList *self,
                         YsFinding      *finding)
{
  GtkRoot *root;
  YsDocument *document;
  YsRecord *target;

  g_return_if_fail (YS_IS_FINDINGS_LIST (self));

  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (finding == NULL || !YS_IS_WINDOW (root))
    return;
  document = ys_window_get_document (YS_WINDOW (root));
  target = document ? ys_finding_find_target (finding, document) : NULL;
  if (target != NULL)
    ys_window_reveal (YS_WINDOW (root), target, ys_finding_get_field (finding));
}

static void
on_list_view_activate_cb (YsFindingsList *self,
                          guint           position,
                          GtkListView    *list_view)
{
  g_autoptr(YsFinding) finding = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  ys_findings_list_reveal (self, finding);
}

static void
on_selection_selected_item_cb (YsFindingsList     *self,
                               GParamSpec         *pspec,
                               GtkSingleSelection *selection)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

GListModel *
ys_findings_list_get_model (YsFindingsList *self)
{
  g_return_val_if_fail (YS_IS_FINDINGS_LIST (self), NULL);

  return gtk_single_selection_get_model (self->selection);
}

void
ys_findings_list_set_model (YsFindingsList *self,
                            GListModel     *model)
{
  g_return_if_fail (YS_IS_FINDINGS_LIST (self));
  g_return_if_fail (!model || G_IS_LIST_MODEL (model));

  if (gtk_single_selection_get_model (self->selection) == model)
    return;
  gtk_single_selection_set_model (self->selection, model);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

void
ys_findings_list_set_count_func (YsFindingsList      *self,
                                 YsFindingsCountFunc  func,
                                 gpointer             user_data)
{
  g_return_if_fail (YS_IS_FINDINGS_LIST (self));

  self->count_func = func;
  self->count_data = user_data;
  ys_findings_list_counts_changed (self);
}

void
ys_findings_list_counts_changed (YsFindingsList *self)
{
  g_return_if_fail (YS_IS_FINDINGS_LIST (self));

  g_signal_emit (self, signals[COUNTS_CHANGED], 0);
}

YsFinding *
ys_findings_list_get_selected (YsFindingsList *self)
{
  g_return_val_if_fail (YS_IS_FINDINGS_LIST (self), NULL);

  return gtk_single_selection_get_selected_item (self->selection);
}

static void
ys_findings_list_dispose (GObject *object)
{
  YsFindingsList *self = YS_FINDINGS_LIST (object);

  if (self->selection != NULL)
    gtk_single_selection_set_model (self->selection, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), YS_TYPE_FINDINGS_LIST);

  G_OBJECT_CLASS (ys_findings_list_parent_class)->dispose (object);
}

static void
ys_findings_list_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  YsFindingsList *self = YS_FINDINGS_LIST (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, ys_findings_list_get_model (self));
      break;
    case PROP_SELECTED:
      g_value_set_object (value, ys_findings_list_get_selected (self));
      break;
    case PROP_REVIEWER_MODE:
      g_value_set_boolean (value, self->reviewer_mode);
      break;
    case PROP_SINGLE_CLICK_ACTIVATE:
      g_value_set_boolean (value, gtk_list_view_get_single_click_activate (self->list_view));
      break;
    case PROP_AUTOSELECT:
      g_value_set_boolean (value, gtk_single_selection_get_autoselect (self->selection));
      break;
    case PROP_SIDEBAR:
      g_value_set_boolean (value, gtk_widget_has_css_class (GTK_WIDGET (self->list_view), "navigation-sidebar"));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ys_findings_list_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  YsFindingsList *self = YS_FINDINGS_LIST (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      ys_findings_list_set_model (self, g_value_get_object (value));
      break;
    case PROP_REVIEWER_MODE:
      if (self->reviewer_mode != g_value_get_boolean (value))
        {
          self->reviewer_mode = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_SINGLE_CLICK_ACTIVATE:
      gtk_list_view_set_single_click_activate (self->list_view, g_value_get_boolean (value));
      break;
    case PROP_AUTOSELECT:
      gtk_single_selection_set_autoselect (self->selection, g_value_get_boolean (value));
      gtk_single_selection_set_can_unselect (self->selection, !g_value_get_boolean (value));
      break;
    case PROP_SIDEBAR:
      if (g_value_get_boolean (value))
        gtk_widget_add_css_class (GTK_WIDGET (self->list_view), "navigation-sidebar");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->list_view), "navigation-sidebar");
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ys_findings_list_class_init (YsFindingsListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ys_findings_list_dispose;
  object_class->get_property = ys_findings_list_get_property;
  object_class->set_property = ys_findings_list_set_property;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SELECTED] =
    g_param_spec_object ("selected", NULL, NULL, YS_TYPE_FINDING,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Each row shows its finding's review status. */
  properties[PROP_REVIEWER_MODE] =
    g_param_spec_boolean ("reviewer-mode", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* One click goes to the finding: for a list that is for jumping. */
  properties[PROP_SINGLE_CLICK_ACTIVATE] =
    g_param_spec_boolean ("single-click-activate", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  /* A finding is always selected: for a list with the details beside it. */
  properties[PROP_AUTOSELECT] =
    g_param_spec_boolean ("autoselect", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  /* Compact rows, in the panel beside a page. */
  properties[PROP_SIDEBAR] =
    g_param_spec_boolean ("sidebar", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Rows are recycled and not bound again when only a count changes. */
  signals[COUNTS_CHANGED] =
    g_signal_new ("counts-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (YS_TYPE_FINDING_ROW);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/yusuan/Yusuan/ui/ys-findings-list.ui");
  gtk_widget_class_bind_template_child (widget_class, YsFindingsList, scroller);
  gtk_widget_class_bind_template_child (widget_class, YsFindingsList, list_view);
  gtk_widget_class_bind_template_child (widget_class, YsFindingsList, selection);
  gtk_widget_class_bind_template_callback (widget_class, on_factory_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_factory_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_factory_unbind_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_selection_selected_item_cb);
}

static void
ys_findings_list_init (YsFindingsList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
