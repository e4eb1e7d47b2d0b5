/* 单位: the department's units in a table, with the expenditure totals of
 * the selected unit underneath. */
#define G_LOG_DOMAIN "yusuan"

#include "config.h"

#include <glib/gi18n.h>

#include "ys-summary.h"
#include "ys-units-page.h"

struct _YsUnitsPage
{
  GtkWidget           parent_instance;

  /* template */
  GtkStack           *stack;
  GtkColumnView      *column_view;
  GtkSingleSelection *selection;
  GtkSortListModel   *sort_model;
  GtkLabel           *unit_label;
  GtkLabel           *total_label;
  GtkLabel           *basic_label;
  GtkLabel           *personnel_label;
  GtkLabel           *public_label;
  GtkLabel           *project_label;

  YsDocument         *document;
  GListModel         *units;       /* the document's, watched for emptiness */
  guint               footer_idle;
};

G_DEFINE_FINAL_TYPE (YsUnitsPage, ys_units_page, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_DOCUMENT, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
set_money (GtkLabel *label,
           YsMoney   fen)
{
  g_autofree char *text = ys_money_format (fen, YS_MONEY_YUAN, TRUE);

  gtk_label_set_label (label, text);
}

static gboolean
update_footer_cb (gpointer user_data)
{
  YsUnitsPage *self = user_data;
  YsRecord *unit = gtk_single_selection_get_selected_item (self->selection);
  YsFilter filter = YS_FILTER_ALL;
  g_autoptr(YsSummary) summary = NULL;
  g_autofree char *title = NULL;

  self->footer_idle = 0;
  if (self->document == NULL)
    return G_SOURCE_REMOVE;

  if (unit != NULL)
    {
      filter.unit_code = ys_record_get_text (unit, YS_UNIT_CODE);
      title = g_strdup_printf ("%s %s", filter.unit_code, ys_record_get_text (unit, YS_UNIT_NAME));
    }
  else
    /* Nothing selected: the whole department. */
    title = g_strdup (_("All Units"));

  summary = ys_summary_compute (self->document, &filter);
  gtk_label_set_label (self->unit_label, title);
  set_money (self->total_label, summary->expense.total);
  set_money (self->basic_label, summary->expense.basic);
  set_money (self->personnel_label, summary->expense.personnel);
  set_money (self->public_label, summary->expense.public_);
  set_money (self->project_label, summary->expense.project);

  return G_SOURCE_REMOVE;
}

static void
queue_update_footer (YsUnitsPage *self)
{
  /* Walking the line items on every arrow key or every pasted row would
   * make both stutter: once, when things settle. */
  if (self->footer_idle == 0)
    self->footer_idle = g_idle_add_full (G_PRIORITY_LOW, update_footer_cb, self, NULL);
}

static void
on_selection_selected_item_changed_cb (YsUnitsPage        *self,
                                       GParamSpec         *pspec,
                                       GtkSingleSelection *selection)
{
  queue_update_footer (self);
}

static void
on_units_items_changed_cb (YsUnitsPage *self,
                           guint        position,
                           guint        removed,
                           guint        added,
                           GListModel  *units)
{
  gtk_stack_set_visible_child_name (self->stack,
                                    g_list_model_get_n_items (units) > 0 ? "list" : "empty");
}

static void
on_document_changed_cb (YsUnitsPage *self,
                        YsRecord    *record,
                        guint        type,
                        int          field,
                        YsDocument  *document)
{
  queue_update_footer (self);
}

YsDocument *
ys_units_page_get_document (YsUnitsPage *self)
{
  g_return_val_if_fail (YS_IS_UNITS_PAGE (self), NULL);

  return self->document;
}

void
ys_units_page_set_document (YsUnitsPage *self,
                            YsDocument  *document)
{
  g_return_if_fail (YS_IS_UNITS_PAGE (self));
  g_return_if_fail (!document || YS_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  if (self->units != NULL)
    g_signal_handlers_disconnect_by_data (self->units, self);
  g_clear_object (&self->units);
  g_set_object (&self->document, document);

  if (document != NULL)
    {
      self->units = g_object_ref (ys_document_get_model (document, &ys_unit_kind));
      g_signal_connect_object (self->units, "items-changed",
                               G_CALLBACK (on_units_items_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "changed",
                               G_CALLBACK (on_document_changed_cb), self, G_CONNECT_SWAPPED);
      on_units_items_changed_cb (self, 0, 0, 0, self->units);
    }
  gtk_sort_list_model_set_model (self->sort_model, self->units);
  queue_update_footer (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

static void
ys_units_page_dispose (GObject *object)
{
  YsUnitsPage *self = YS_UNITS_PAGE (object);
  GtkWidget *child;

  g_clear_handle_id (&self->footer_idle, g_source_remove);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  if (self->units != NULL)
    g_signal_handlers_disconnect_by_data (self->units, self);
  g_clear_object (&self->units);
  g_clear_object (&self->document);

  gtk_widget_dispose_template (GTK_WIDGET (self), YS_TYPE_UNITS_PAGE);
  /* dispose_template() only unparents the children the class binds. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (ys_units_page_parent_class)->dispose (object);
}

static void
ys_units_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  YsUnitsPage *self = YS_UNITS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ys_units_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  YsUnitsPage *self = YS_UNITS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      ys_units_page_set_document (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ys_units_page_class_init (YsUnitsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ys_units_page_dispose;
  object_class->get_property = ys_units_page_get_property;
  object_class->set_property = ys_units_page_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, YS_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The row templates look the record type up by name. */
  g_type_ensure (YS_TYPE_UNIT);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/yusuan/Yusuan/ui/ys-units-page.ui");
  gtk_widget_class_bind_template_child (widget_class, YsUnitsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, YsUnitsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, YsUnitsPage, selection);
  gtk_widget_class_bind_template_child (widget_class, YsUnitsPage, sort_model);
  gtk_widget_class_bind_template_child (widget_class, YsUnitsPage, unit_label);
  gtk_widget_class_bind_template_child (widget_class, YsUnitsPage, total_label);
  gtk_widget_class_bind_template_child (widget_class, YsUnitsPage, basic_label);
  gtk_widget_class_bind_template_child (widget_class, YsUnitsPage, personnel_label);
  gtk_widget_class_bind_template_child (widget_class, YsUnitsPage, public_label);
  gtk_widget_class_bind_template_child (widget_class, YsUnitsPage, project_label);
  gtk_widget_class_bind_template_callback (widget_class, on_selection_selected_item_changed_cb);
}

static void
ys_units_page_init (YsUnitsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
