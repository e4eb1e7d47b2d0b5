/* 项目与绩效目标: the projects in a list, and the chosen one's details in a
 * form beside it: every field of a project, its funds by level of
 * government for the implementation period and the year, its goals, and
 * below them the slot where the performance indicators are edited (another
 * class, placed in goals_slot by the template). Each field is checked as
 * it is typed and saved when it is left; a new project is filled in the
 * same form and added once its code, name and unit are given. */
#define G_LOG_DOMAIN "yusuan"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "ys-application.h"
#include "ys-form-binder.h"
#include "ys-goals-editor.h"
#include "ys-projects-page.h"

struct _YsProjectsPage
{
  YsPage               parent_instance;

  /* template */
  GtkSearchEntry      *search_entry;
  GtkStack            *list_stack;
  GtkListView         *project_list;
  GtkSingleSelection  *selection;
  GtkFilterListModel  *filter_model;
  GtkLabel            *form_title;
  GtkLabel            *form_message;
  GtkWidget           *delete_button;
  GtkWidget           *draft_buttons;
  GtkStack            *form_stack;
  AdwViewStack        *view_stack;
  AdwPreferencesPage  *form_page;
  GtkWidget           *name_row;
  GtkWidget           *code_row;
  GtkWidget           *unit_row;
  GtkWidget           *status_row;
  GtkWidget           *recurrence_row;
  GtkWidget           *category_row;
  GtkWidget           *start_date_row;
  GtkWidget           *end_date_row;
  GtkWidget           *period_row;
  GtkWidget           *department_row;
  GtkWidget           *executor_row;
  GtkWidget           *manager_row;
  GtkWidget           *phone_row;
  GtkWidget           *basis_view;
  GtkWidget           *necessity_view;
  GtkWidget           *measures_view;
  GtkWidget           *plan_view;
  GtkWidget           *summary_view;
  GtkWidget           *contents_view;
  AdwPreferencesGroup *period_funds_group;
  AdwPreferencesGroup *annual_funds_group;
  GtkWidget           *period_central_row;
  GtkWidget           *period_provincial_row;
  GtkWidget           *period_local_row;
  GtkWidget           *period_self_row;
  GtkWidget           *period_other_row;
  GtkWidget           *annual_central_row;
  GtkWidget           *annual_provincial_row;
  GtkWidget           *annual_local_row;
  GtkWidget           *annual_self_row;
  GtkWidget           *annual_other_row;
  GtkLabel            *period_total_label;
  GtkLabel            *annual_total_label;
  GtkWidget           *period_goal_view;
  GtkWidget           *annual_goal_view;
  GtkWidget           *goals_slot;

  GListModel          *projects;
  GtkFilter           *filter;
  char                *search;
  YsFormBinder        *binder;     /* the page's (ys_page_set_form) */
  YsRecord            *shown;      /* the record in the form, watched for its totals */
  GSettings           *settings;
  YsMoneyUnit          money_unit;
};

G_DEFINE_FINAL_TYPE (YsProjectsPage, ys_projects_page, YS_TYPE_PAGE)

enum { PROP_0, PROP_SELECTED_PROJECT, N_PROPS };
static GParamSpec *properties[N_PROPS];

static const int period_fields[] = {
  YS_PROJECT_PERIOD_CENTRAL, YS_PROJECT_PERIOD_PROVINCIAL, YS_PROJECT_PERIOD_LOCAL,
  YS_PROJECT_PERIOD_SELF, YS_PROJECT_PERIOD_OTHER,
};
static const int annual_fields[] = {
  YS_PROJECT_ANNUAL_CENTRAL, YS_PROJECT_ANNUAL_PROVINCIAL, YS_PROJECT_ANNUAL_LOCAL,
  YS_PROJECT_ANNUAL_SELF, YS_PROJECT_ANNUAL_OTHER,
};

/* Filter */

static gboolean
filter_project_cb (gpointer item,
                   gpointer user_data)
{
  YsProjectsPage *self = user_data;

  if (self->search == NULL)
    return TRUE;
  return strstr (ys_record_get_text (item, YS_PROJECT_NAME), self->search) != NULL
      || strstr (ys_record_get_text (item, YS_PROJECT_CODE), self->search) != NULL;
}

static void
on_search_entry_search_changed_cb (YsProjectsPage *self,
                                   GtkSearchEntry *entry)
{
  g_free (self->search);
  self->search = ys_page_search_text (GTK_EDITABLE (entry));
  gtk_filter_changed (self->filter, GTK_FILTER_CHANGE_DIFFERENT);
}

/* Totals of the funds */

static YsMoney
sum_fields (YsRecord  *project,
            const int *fields)
{
  YsMoney sum = 0;

  for (guint i = 0; i < G_N_ELEMENTS (period_fields); i++)
    sum += ys_record_get_int (project, fields[i]);
  return sum;
}

static void
set_total (YsProjectsPage *self,
           GtkLabel       *label,
           YsMoney         fen)
{
  g_autofree char *text = ys_money_format (fen, self->money_unit, TRUE);

  gtk_label_set_label (label, text);
}

static void
update_totals (YsProjectsPage *self)
{
  if (self->shown == NULL)
    return;
  set_total (self, self->period_total_label, sum_fields (self->shown, period_fields));
  set_total (self, self->annual_total_label, sum_fields (self->shown, annual_fields));
}

static void
on_shown_notify_cb (YsProjectsPage *self,
                    GParamSpec     *pspec,
                    YsRecord       *project)
{
  GParamSpec **pspecs = YS_RECORD_GET_CLASS (project)->pspecs;

  if (pspec == pspecs[YS_PROJECT_NAME] || pspec == pspecs[YS_PROJECT_CODE])
    {
      g_autofree char *title = g_strdup_printf ("%s %s", ys_record_get_text (project, YS_PROJECT_CODE),
                                                ys_record_get_text (project, YS_PROJECT_NAME));
      if (ys_page_get_draft (YS_PAGE (self)) == NULL)
        gtk_label_set_label (self->form_title, title);
    }
  update_totals (self);
}

static void
update_money_unit (YsProjectsPage *self)
{
  const char *description = self->money_unit == YS_MONEY_WAN
                            ? _("Amounts in ten-thousand yuan")
                            : _("Amounts in yuan");

  adw_preferences_group_set_description (self->period_funds_group, description);
  adw_preferences_group_set_description (self->annual_funds_group, description);
  ys_form_binder_set_money_unit (self->binder, self->money_unit);
  update_totals (self);
}

static void
on_settings_changed_cb (YsProjectsPage *self,
                        const char     *key,
                        GSettings      *settings)
{
  self->money_unit = g_settings_get_enum (settings, "entry-unit") == YS_MONEY_WAN
                     ? YS_MONEY_WAN : YS_MONEY_YUAN;
  update_money_unit (self);
}

/* Form */

/* Another project's form starts at its name, not where the last one was
 * left (AdwPreferencesPage has no call for it before libadwaita 1.3). */
static void
scroll_form_to_top (YsProjectsPage *self)
{
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->form_page));

  if (GTK_IS_SCROLLED_WINDOW (child))
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (child)), 0);
}

static void
update_form (YsProjectsPage *self)
{
  YsRecord *draft = ys_page_get_draft (YS_PAGE (self));
  YsRecord *project = ys_page_get_form_record (YS_PAGE (self), self->selection);
  g_autofree char *title = NULL;

  gtk_stack_set_visible_child_name (self->form_stack, project ? "form" : "none");
  gtk_widget_set_visible (self->draft_buttons, draft != NULL);
  gtk_widget_set_visible (self->delete_button, draft == NULL && project != NULL);
  /* The goals of a project not added yet have nothing to hang on. */
  adw_view_stack_page_set_visible (adw_view_stack_get_page (self->view_stack, self->goals_slot),
                                   draft == NULL);
  if (draft != NULL)
    adw_view_stack_set_visible_child_name (self->view_stack, "details");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "projects.add", ys_page_get_document (YS_PAGE (self)) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "projects.delete", draft == NULL && project != NULL);

  if (draft != NULL)
    title = g_strdup (_("New Project"));
  else if (project != NULL)
    title = g_strdup_printf ("%s %s", ys_record_get_text (project, YS_PROJECT_CODE),
                             ys_record_get_text (project, YS_PROJECT_NAME));
  gtk_label_set_label (self->form_title, title ? title : "");

  if (project != self->shown)
    {
      if (self->shown != NULL)
        g_signal_handlers_disconnect_by_data (self->shown, self);
      g_set_object (&self->shown, project);
      if (project != NULL)
        g_signal_connect_object (project, "notify", G_CALLBACK (on_shown_notify_cb), self, G_CONNECT_SWAPPED);
      ys_form_binder_set_record (self->binder, ys_page_get_document (YS_PAGE (self)), project);
      update_totals (self);
      scroll_form_to_top (self);
    }
}

static void
update_list (YsProjectsPage *self)
{
  gboolean any = self->projects != NULL && g_list_model_get_n_items (self->projects) > 0;

  gtk_stack_set_visible_child_name (self->list_stack, any ? "list" : "empty");
}

static void
on_projects_items_changed_cb (YsProjectsPage *self,
                              guint           position,
                              guint           removed,
                              guint           added,
                              GListModel     *projects)
{
  update_list (self);
}

static void
on_selection_selected_item_changed_cb (YsProjectsPage     *self,
                                       GParamSpec         *pspec,
                                       GtkSingleSelection *selection)
{
  /* Choosing a project in the list leaves a new one unfinished. */
  if (gtk_single_selection_get_selected_item (selection) != NULL)
    ys_page_set_draft (YS_PAGE (self), NULL);
  update_form (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_PROJECT]);
}

YsRecord *
ys_projects_page_get_selected_project (YsProjectsPage *self)
{
  g_return_val_if_fail (YS_IS_PROJECTS_PAGE (self), NULL);

  if (ys_page_get_draft (YS_PAGE (self)) != NULL || ys_page_get_document (YS_PAGE (self)) == NULL)
    return NULL;
  return gtk_single_selection_get_selected_item (self->selection);
}

void
ys_projects_page_select_project (YsProjectsPage *self,
                                 YsRecord       *project)
{
  GListModel *model;
  guint n;

  g_return_if_fail (YS_IS_PROJECTS_PAGE (self));

  /* A search could hide it: shown whatever the search says. */
  if (self->search != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  model = G_LIST_MODEL (self->filter_model);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(YsRecord) item = g_list_model_get_item (model, i);

      if (item == project)
        {
          gtk_single_selection_set_selected (self->selection, i);
          gtk_widget_activate_action (GTK_WIDGET (self->project_list), "list.scroll-to-item", "u", i);
          return;
        }
    }
}

/* Actions */

static void
add_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  YsProjectsPage *self = YS_PROJECTS_PAGE (widget);

  /* The list leaves the project it showed first. */
  if (ys_page_get_document (YS_PAGE (self)) != NULL)
    gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  ys_page_begin_draft (YS_PAGE (self), &ys_project_kind, self->name_row);
}

/* The draft was added or dropped. */
static void
ys_projects_page_form_changed (YsPage *page)
{
  YsProjectsPage *self = YS_PROJECTS_PAGE (page);

  update_form (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_PROJECT]);
}

static void
ys_projects_page_select_record (YsPage   *page,
                                YsRecord *project)
{
  ys_projects_page_select_project (YS_PROJECTS_PAGE (page), project);
}

static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  YsProjectsPage *self = YS_PROJECTS_PAGE (widget);
  YsRecord *project = ys_projects_page_get_selected_project (self);
  g_autofree char *what = NULL;
  g_autofree char *done = NULL;

  if (project == NULL)
    return;
  what = g_strdup (ys_record_get_text (project, YS_PROJECT_NAME));
  /* Translators: %s is a project's name */
  done = g_strdup_printf (_("Project “%s” deleted"), what);
  ys_page_delete_record (YS_PAGE (self), project, what, done);
}

static void
import_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ys_page_import (YS_PAGE (widget), ys_kinds_lookup (g_variant_get_string (parameter, NULL)), NULL);
}

static gboolean
ys_projects_page_shows (YsPage   *page,
                        YsRecord *record)
{
  const YsKind *kind = ys_record_get_kind (record);

  return kind == &ys_project_kind || kind == &ys_indicator_kind;
}

/* A project's field, or an indicator among its project's goals, for the
 * findings that name them. */
static void
ys_projects_page_reveal (YsPage   *page,
                         YsRecord *record,
                         int       field)
{
  YsProjectsPage *self = YS_PROJECTS_PAGE (page);
  gboolean indicator = ys_record_get_kind (record) == &ys_indicator_kind;
  YsRecord *project;

  ys_page_set_draft (page, NULL);
  project = !indicator
            ? record
            : ys_document_lookup_key (ys_page_get_document (page), &ys_project_kind,
                                      ys_record_get_text (record, YS_INDICATOR_PROJECT_CODE));
  if (project != NULL)
    ys_projects_page_select_project (self, project);

  if (indicator)
    {
      GtkWidget *editor = gtk_widget_get_first_child (self->goals_slot);

      adw_view_stack_set_visible_child_name (self->view_stack, "goals");
      if (YS_IS_GOALS_EDITOR (editor))
        ys_goals_editor_reveal (YS_GOALS_EDITOR (editor), record, field);
      return;
    }

  adw_view_stack_set_visible_child_name (self->view_stack, "details");
  ys_form_binder_focus_field (self->binder, field);
}

static gboolean
ys_projects_page_search (YsPage     *page,
                         const char *text)
{
  YsProjectsPage *self = YS_PROJECTS_PAGE (page);

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  on_search_entry_search_changed_cb (self, self->search_entry);
  return TRUE;
}

/* Document */

static void
ys_projects_page_document_changed (YsPage *page)
{
  YsProjectsPage *self = YS_PROJECTS_PAGE (page);
  YsDocument *document = ys_page_get_document (page);

  if (self->projects != NULL)
    g_signal_handlers_disconnect_by_data (self->projects, self);
  ys_form_binder_set_record (self->binder, NULL, NULL);
  if (self->shown != NULL)
    g_signal_handlers_disconnect_by_data (self->shown, self);
  g_clear_object (&self->shown);
  gtk_filter_list_model_set_model (self->filter_model, NULL);
  g_clear_object (&self->projects);

  if (document != NULL)
    {
      self->projects = g_object_ref (ys_document_get_model (document, &ys_project_kind));
      g_signal_connect_object (self->projects, "items-changed",
                               G_CALLBACK (on_projects_items_changed_cb), self, G_CONNECT_SWAPPED);
      gtk_filter_list_model_set_model (self->filter_model, self->projects);
      /* The first project, so that the page never opens on an empty form. */
      if (g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) > 0)
        gtk_single_selection_set_selected (self->selection, 0);
    }
  update_list (self);
  update_form (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_PROJECT]);
}

/* GObject */

static void
ys_projects_page_dispose (GObject *object)
{
  YsProjectsPage *self = YS_PROJECTS_PAGE (object);

  if (self->projects != NULL)
    g_signal_handlers_disconnect_by_data (self->projects, self);
  if (self->shown != NULL)
    g_signal_handlers_disconnect_by_data (self->shown, self);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);
  g_clear_object (&self->shown);
  gtk_widget_dispose_template (GTK_WIDGET (self), YS_TYPE_PROJECTS_PAGE);
  g_clear_object (&self->filter);
  g_clear_object (&self->projects);

  G_OBJECT_CLASS (ys_projects_page_parent_class)->dispose (object);
}

static void
ys_projects_page_finalize (GObject *object)
{
  YsProjectsPage *self = YS_PROJECTS_PAGE (object);

  g_free (self->search);

  G_OBJECT_CLASS (ys_projects_page_parent_class)->finalize (object);
}

static void
ys_projects_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  YsProjectsPage *self = YS_PROJECTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SELECTED_PROJECT:
      g_value_set_object (value, ys_projects_page_get_selected_project (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ys_projects_page_class_init (YsProjectsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ys_projects_page_dispose;
  object_class->finalize = ys_projects_page_finalize;
  object_class->get_property = ys_projects_page_get_property;
  YS_PAGE_CLASS (klass)->document_changed = ys_projects_page_document_changed;
  YS_PAGE_CLASS (klass)->shows = ys_projects_page_shows;
  YS_PAGE_CLASS (klass)->reveal = ys_projects_page_reveal;
  YS_PAGE_CLASS (klass)->search = ys_projects_page_search;
  YS_PAGE_CLASS (klass)->form_changed = ys_projects_page_form_changed;
  YS_PAGE_CLASS (klass)->select_record = ys_projects_page_select_record;

  /**
   * YsProjectsPage:selected-project:
   *
   * The project chosen in the list; see ys_projects_page_get_selected_project().
   */
  properties[PROP_SELECTED_PROJECT] =
    g_param_spec_object ("selected-project", NULL, NULL, YS_TYPE_RECORD,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "projects.add", NULL, add_activated);
  gtk_widget_class_install_action (widget_class, "projects.delete", NULL, delete_activated);
  gtk_widget_class_install_action (widget_class, "projects.import", "s", import_activated);

  /* The list rows look the record type up by name; the goals slot holds a
   * YsGoalsEditor. */
  g_type_ensure (YS_TYPE_PROJECT);
  g_type_ensure (YS_TYPE_GOALS_EDITOR);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/yusuan/Yusuan/ui/ys-projects-page.ui");
  gtk_widget_class_bind_template_child (widget_class, YsProjectsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, YsProjectsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, YsProjectsPage, project_list);
  gtk_widget_class_bind_template_child (widget_class, YsProjectsPage, selection);
  gtk_widget_class_bind_template_child (widget_class, YsProjectsPage, filter_model);
  gtk_widget_class_bind_template_child (widget_class, YsProjectsPage, form_title);
  gtk_widget_class_bind_template_child (widget_class, YsProjectsPage, form_message);
  gtk_widget_class_bind_template_child (widget_class, YsProjectsPage, delete_button);
  gtk_widget_class_bind_template_child (widget_class, YsProjectsPage, draft_buttons);
  gtk_widget_class_bind_template_child (widget_class, YsProjectsPage, form_stack);
  gtk_widget_class_bind_template_child (widget_class, YsProjectsPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, YsProjectsPage, form_page);
  gtk_widget_class_bind_template_child (widget_class, YsProjectsPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, YsProjectsPage, code_row);
  gtk_widget_class_bind_template_child (widget_class, YsProjectsPage, unit_row);
  gtk_widget_class_bind_template_child (widget_class, YsProjectsPage, status_row);
  gtk_widget_class_bind_template_child (widget_class, YsProjectsPage, recurrence_row);
  gtk_widget_class_bind_template_child (widget_class, YsProjectsPage, category_row);
  gtk_widget_class_bind_template_child (widget_class, YsProjectsPage, start_date_row);
  gtk_widget_class_bind_template_child (widget_class, YsProjectsPage, end_date_row);
  gtk_widget_class_bind_template_child (widget_class, YsProjectsPage, period_row);
  gtk_widget_class_bind_template_child (widget_class, YsProjectsPage, department_row);
  gtk_widget_class_bind_template_child (widget_class, YsProjectsPage, executor_row);
  gtk_widget_class_bind_template_child (widget_class, YsProjectsPage, manager_row);
  gtk_widget_class_bind_template_child (widget_class, YsProjectsPage, phone_row);
  gtk_widget_class_bind_template_child (widget_class, YsProjectsPage, basis_view);
  gtk_widget_class_bind_template_child (widget_class, YsProjectsPage, necessity_view);
  gtk_widget_class_bind_template_child (widget_class, YsProjectsPage, measures_view);
  gtk_widget_class_bind_template_child (widget_class, YsProjectsPage, plan_view);
  gtk_widget_class_bind_template_child (widget_class, YsProjectsPage, summary_view);
  gtk_widget_class_bind_template_child (widget_class, YsProjectsPage, contents_view);
  gtk_widget_class_bind_template_child (widget_class, YsProjectsPage, period_funds_group);
  gtk_widget_class_bind_template_child (widget_class, YsProjectsPage, annual_funds_group);
  gtk_widget_class_bind_template_child (widget_class, YsProjectsPage, period_central_row);
  gtk_widget_class_bind_template_child (widget_class, YsProjectsPage, period_provincial_row);
  gtk_widget_class_bind_template_child (widget_class, YsProjectsPage, period_local_row);
  gtk_widget_class_bind_template_child (widget_class, YsProjectsPage, period_self_row);
  gtk_widget_class_bind_template_child (widget_class, YsProjectsPage, period_other_row);
  gtk_widget_class_bind_template_child (widget_class, YsProjectsPage, annual_central_row);
  gtk_widget_class_bind_template_child (widget_class, YsProjectsPage, annual_provincial_row);
  gtk_widget_class_bind_template_child (widget_class, YsProjectsPage, annual_local_row);
  gtk_widget_class_bind_template_child (widget_class, YsProjectsPage, annual_self_row);
  gtk_widget_class_bind_template_child (widget_class, YsProjectsPage, annual_other_row);
  gtk_widget_class_bind_template_child (widget_class, YsProjectsPage, period_total_label);
  gtk_widget_class_bind_template_child (widget_class, YsProjectsPage, annual_total_label);
  gtk_widget_class_bind_template_child (widget_class, YsProjectsPage, period_goal_view);
  gtk_widget_class_bind_template_child (widget_class, YsProjectsPage, annual_goal_view);
  gtk_widget_class_bind_template_child (widget_class, YsProjectsPage, goals_slot);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_selection_selected_item_changed_cb);
}

static void
ys_projects_page_init (YsProjectsPage *self)
{
  GApplication *app = g_application_get_default ();

  gtk_widget_init_template (GTK_WIDGET (self));

  {
    const struct { GtkWidget *widget; guint field; } rows[] = {
      { self->name_row, YS_PROJECT_NAME },
      { self->code_row, YS_PROJECT_CODE },
      { self->unit_row, YS_PROJECT_UNIT_CODE },
      { self->status_row, YS_PROJECT_STATUS },
      { self->recurrence_row, YS_PROJECT_RECURRENCE },
      { self->category_row, YS_PROJECT_CATEGORY },
      { self->start_date_row, YS_PROJECT_START_DATE },
      { self->end_date_row, YS_PROJECT_END_DATE },
      { self->period_row, YS_PROJECT_PERIOD },
      { self->department_row, YS_PROJECT_DEPARTMENT },
      { self->executor_row, YS_PROJECT_EXECUTOR },
      { self->manager_row, YS_PROJECT_MANAGER },
      { self->phone_row, YS_PROJECT_PHONE },
      { self->basis_view, YS_PROJECT_BASIS },
      { self->necessity_view, YS_PROJECT_NECESSITY },
      { self->measures_view, YS_PROJECT_MEASURES },
      { self->plan_view, YS_PROJECT_PLAN },
      { self->summary_view, YS_PROJECT_SUMMARY },
      { self->contents_view, YS_PROJECT_CONTENTS },
      { self->period_central_row, YS_PROJECT_PERIOD_CENTRAL },
      { self->period_provincial_row, YS_PROJECT_PERIOD_PROVINCIAL },
      { self->period_local_row, YS_PROJECT_PERIOD_LOCAL },
      { self->period_self_row, YS_PROJECT_PERIOD_SELF },
      { self->period_other_row, YS_PROJECT_PERIOD_OTHER },
      { self->annual_central_row, YS_PROJECT_ANNUAL_CENTRAL },
      { self->annual_provincial_row, YS_PROJECT_ANNUAL_PROVINCIAL },
      { self->annual_local_row, YS_PROJECT_ANNUAL_LOCAL },
      { self->annual_self_row, YS_PROJECT_ANNUAL_SELF },
      { self->annual_other_row, YS_PROJECT_ANNUAL_OTHER },
      { self->period_goal_view, YS_PROJECT_PERIOD_GOAL },
      { self->annual_goal_view, YS_PROJECT_ANNUAL_GOAL },
    };

    self->binder = ys_form_binder_new ();
    ys_page_set_form (YS_PAGE (self), self->binder, self->form_message, _("The Project Was Not Added"));
    for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
      ys_form_binder_add (self->binder, rows[i].widget, rows[i].field);
  }

  self->filter = GTK_FILTER (gtk_custom_filter_new (filter_project_cb, self, NULL));
  gtk_filter_list_model_set_filter (self->filter_model, self->filter);

  self->money_unit = YS_MONEY_YUAN;
  if (YS_IS_APPLICATION (app) && ys_application_get_settings (YS_APPLICATION (app)) != NULL)
    {
      self->settings = g_object_ref (ys_application_get_settings (YS_APPLICATION (app)));
      g_signal_connect_swapped (self->settings, "changed::entry-unit", G_CALLBACK (on_settings_changed_cb), self);
      on_settings_changed_cb (self, "entry-unit", self->settings);
    }
  else
    update_money_unit (self);

  /* A workbook dropped on the page is a list of projects. */
  ys_page_set_import_kind (YS_PAGE (self), &ys_project_kind);

  update_list (self);
  update_form (self);
}
