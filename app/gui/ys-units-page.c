/* 单位: the department's units in a table, with the expenditure totals of
 * the selected unit underneath and its details in a form beside it. The
 * form saves each field as it is left; a new unit is filled in there and
 * added once its code, name, type and level are given. */
#define G_LOG_DOMAIN "yusuan"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ys-form-binder.h"
#include "ys-summary.h"
#include "ys-units-page.h"

struct _YsUnitsPage
{
  YsPage              parent_instance;

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
  GtkWidget          *form_pane;
  GtkLabel           *form_title;
  GtkLabel           *form_message;
  GtkWidget          *draft_buttons;
  AdwPreferencesPage *form_page;
  GtkWidget          *code_row;
  GtkWidget          *name_row;
  GtkWidget          *unit_type_row;
  GtkWidget          *role_row;
  GtkWidget          *funding_row;
  GtkWidget          *grade_row;
  GtkWidget          *headcount_row;
  GtkWidget          *staff_row;
  GtkWidget          *retirees_row;
  GtkWidget          *vehicles_row;
  GtkWidget          *note_row;

  GListModel         *units;       /* the document's, watched for emptiness */
  guint               footer_idle;
  YsFormBinder       *binder;      /* the page's (ys_page_set_form) */
};

G_DEFINE_FINAL_TYPE (YsUnitsPage, ys_units_page, YS_TYPE_PAGE)


static gboolean
update_footer_cb (gpointer user_data)
{
  YsUnitsPage *self = user_data;
  YsRecord *unit = gtk_single_selection_get_selected_item (self->selection);
  YsFilter filter = YS_FILTER_ALL;
  g_autoptr(YsSummary) summary = NULL;
  g_autofree char *title = NULL;

  self->footer_idle = 0;
  if (ys_page_get_document (YS_PAGE (self)) == NULL)
    return G_SOURCE_REMOVE;

  if (unit != NULL)
    {
      filter.unit_code = ys_record_get_text (unit, YS_UNIT_CODE);
      title = g_strdup_printf ("%s %s", filter.unit_code, ys_record_get_text (unit, YS_UNIT_NAME));
    }
  else
    /* Nothing selected: the whole department. */
    title = g_strdup (_("All Units"));

  summary = ys_summary_compute (ys_page_get_document (YS_PAGE (self)), &filter);
  gtk_label_set_label (self->unit_label, title);
  ys_page_set_money_label (self->total_label, summary->expense.total);
  ys_page_set_money_label (self->basic_label, summary->expense.basic);
  ys_page_set_money_label (self->personnel_label, summary->expense.personnel);
  ys_page_set_money_label (self->public_label, summary->expense.public_);
  ys_page_set_money_label (self->project_label, summary->expense.project);

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

/* Form */

static void
update_form (YsUnitsPage *self)
{
  YsRecord *draft = ys_page_get_draft (YS_PAGE (self));
  YsRecord *unit = ys_page_get_form_record (YS_PAGE (self), self->selection);
  g_autofree char *title = NULL;

  /* The first unit of a department is its own office (本级): the page
   * says how to begin until one is added or being filled in. */
  ys_page_set_empty (YS_PAGE (self), draft == NULL && (self->units == NULL || g_list_model_get_n_items (self->units) == 0));
  gtk_widget_set_visible (self->form_pane, unit != NULL);
  gtk_widget_set_visible (self->draft_buttons, draft != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "units.delete", draft == NULL && unit != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "units.add", ys_page_get_document (YS_PAGE (self)) != NULL);
  if (draft != NULL)
    title = g_strdup (_("New Unit"));
  else if (unit != NULL)
    title = g_strdup_printf ("%s %s", ys_record_get_text (unit, YS_UNIT_CODE), ys_record_get_text (unit, YS_UNIT_NAME));
  gtk_label_set_label (self->form_title, title ? title : "");

  if (unit != ys_form_binder_get_record (self->binder))
    ys_form_binder_set_record (self->binder, ys_page_get_document (YS_PAGE (self)), unit);
}

static void
select_unit (YsUnitsPage *self,
             YsRecord    *unit)
{
  GListModel *model = G_LIST_MODEL (self->sort_model);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(YsRecord) item = g_list_model_get_item (model, i);

      if (item == unit)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }
}

static void
on_selection_selected_item_changed_cb (YsUnitsPage        *self,
                                       GParamSpec         *pspec,
                                       GtkSingleSelection *selection)
{
  queue_update_footer (self);
  /* Choosing a unit in the table leaves the new one unfinished. */
  if (gtk_single_selection_get_selected_item (selection) != NULL)
    ys_page_set_draft (YS_PAGE (self), NULL);
  update_form (self);
}

static void
add_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ys_page_begin_draft (YS_PAGE (widget), &ys_unit_kind, YS_UNITS_PAGE (widget)->code_row);
}

static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  YsUnitsPage *self = YS_UNITS_PAGE (widget);
  YsRecord *unit = gtk_single_selection_get_selected_item (self->selection);
  g_autofree char *what = NULL;
  g_autofree char *done = NULL;

  if (unit == NULL || ys_page_get_document (YS_PAGE (self)) == NULL)
    return;
  what = g_strdup_printf ("%s %s", ys_record_get_text (unit, YS_UNIT_CODE), ys_record_get_text (unit, YS_UNIT_NAME));
  /* Translators: %s is a unit's code and name */
  done = g_strdup_printf (_("Unit “%s” deleted"), what);
  ys_page_delete_record (YS_PAGE (self), unit, what, done);
}

static gboolean
ys_units_page_shows (YsPage   *page,
                     YsRecord *record)
{
  return ys_record_get_kind (record) == &ys_unit_kind;
}

/* A unit and the field a finding names. */
static void
ys_units_page_reveal (YsPage   *page,
                      YsRecord *unit,
                      int       field)
{
  YsUnitsPage *self = YS_UNITS_PAGE (page);

  ys_page_set_draft (page, NULL);
  select_unit (self, unit);
  update_form (self);
  ys_form_binder_focus_field (self->binder, field);
}

static void
on_units_items_changed_cb (YsUnitsPage *self,
                           guint        position,
                           guint        removed,
                           guint        added,
                           GListModel  *units)
{
  update_form (self);
}

static void
on_document_changed_cb (YsUnitsPage *self,
                        YsRecord    *record,
                        guint        type,
                        int          field,
                        YsDocument  *document)
{
  queue_update_footer (self);
  /* The form's title names the unit. */
  if (record != NULL && YS_IS_UNIT (record) && type == YS_CHANGE_UPDATE
      && (field == YS_UNIT_CODE || field == YS_UNIT_NAME))
    update_form (self);
}

static void
ys_units_page_document_changed (YsPage *page)
{
  YsUnitsPage *self = YS_UNITS_PAGE (page);
  YsDocument *document = ys_page_get_document (page);

  if (self->units != NULL)
    g_signal_handlers_disconnect_by_data (self->units, self);
  g_clear_object (&self->units);
  ys_form_binder_set_record (self->binder, NULL, NULL);

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
  update_form (self);
}

static void
ys_units_page_dispose (GObject *object)
{
  YsUnitsPage *self = YS_UNITS_PAGE (object);

  g_clear_handle_id (&self->footer_idle, g_source_remove);
  if (self->units != NULL)
    g_signal_handlers_disconnect_by_data (self->units, self);
  g_clear_object (&self->units);
  gtk_widget_dispose_template (GTK_WIDGET (self), YS_TYPE_UNITS_PAGE);

  G_OBJECT_CLASS (ys_units_page_parent_class)->dispose (object);
}

static void
ys_units_page_form_changed (YsPage *page)
{
  update_form (YS_UNITS_PAGE (page));
}

static void
ys_units_page_select_record (YsPage   *page,
                             YsRecord *unit)
{
  select_unit (YS_UNITS_PAGE (page), unit);
}

static void
ys_units_page_class_init (YsUnitsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  YsPageClass *page_class = YS_PAGE_CLASS (klass);

  object_class->dispose = ys_units_page_dispose;
  page_class->document_changed = ys_units_page_document_changed;
  page_class->shows = ys_units_page_shows;
  page_class->reveal = ys_units_page_reveal;
  page_class->form_changed = ys_units_page_form_changed;
  page_class->select_record = ys_units_page_select_record;

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
  gtk_widget_class_bind_template_child (widget_class, YsUnitsPage, form_pane);
  gtk_widget_class_bind_template_child (widget_class, YsUnitsPage, form_title);
  gtk_widget_class_bind_template_child (widget_class, YsUnitsPage, form_message);
  gtk_widget_class_bind_template_child (widget_class, YsUnitsPage, draft_buttons);
  gtk_widget_class_bind_template_child (widget_class, YsUnitsPage, form_page);
  gtk_widget_class_bind_template_child (widget_class, YsUnitsPage, code_row);
  gtk_widget_class_bind_template_child (widget_class, YsUnitsPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, YsUnitsPage, unit_type_row);
  gtk_widget_class_bind_template_child (widget_class, YsUnitsPage, role_row);
  gtk_widget_class_bind_template_child (widget_class, YsUnitsPage, funding_row);
  gtk_widget_class_bind_template_child (widget_class, YsUnitsPage, grade_row);
  gtk_widget_class_bind_template_child (widget_class, YsUnitsPage, headcount_row);
  gtk_widget_class_bind_template_child (widget_class, YsUnitsPage, staff_row);
  gtk_widget_class_bind_template_child (widget_class, YsUnitsPage, retirees_row);
  gtk_widget_class_bind_template_child (widget_class, YsUnitsPage, vehicles_row);
  gtk_widget_class_bind_template_child (widget_class, YsUnitsPage, note_row);
  gtk_widget_class_bind_template_callback (widget_class, on_selection_selected_item_changed_cb);

  gtk_widget_class_install_action (widget_class, "units.add", NULL, add_activated);
  gtk_widget_class_install_action (widget_class, "units.delete", NULL, delete_activated);
}

static void
ys_units_page_init (YsUnitsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  ys_page_set_empty_stack (YS_PAGE (self), self->stack);
  ys_page_set_empty (YS_PAGE (self), TRUE);

  self->binder = ys_form_binder_new ();
  ys_page_set_form (YS_PAGE (self), self->binder, self->form_message, _("The Unit Was Not Added"));
  ys_form_binder_add (self->binder, self->code_row, YS_UNIT_CODE);
  ys_form_binder_add (self->binder, self->name_row, YS_UNIT_NAME);
  ys_form_binder_add (self->binder, self->unit_type_row, YS_UNIT_UNIT_TYPE);
  ys_form_binder_add (self->binder, self->role_row, YS_UNIT_ROLE);
  ys_form_binder_add (self->binder, self->funding_row, YS_UNIT_FUNDING);
  ys_form_binder_add (self->binder, self->grade_row, YS_UNIT_GRADE);
  ys_form_binder_add (self->binder, self->headcount_row, YS_UNIT_HEADCOUNT);
  ys_form_binder_add (self->binder, self->staff_row, YS_UNIT_STAFF);
  ys_form_binder_add (self->binder, self->retirees_row, YS_UNIT_RETIREES);
  ys_form_binder_add (self->binder, self->vehicles_row, YS_UNIT_VEHICLES);
  ys_form_binder_add (self->binder, self->note_row, YS_UNIT_NOTE);
  update_form (self);
}
