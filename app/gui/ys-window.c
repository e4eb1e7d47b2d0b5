/* The main window: a start page until a budget is open, then the budget's
 * pages beside a sidebar, with its live totals in the header bar. */
#define G_LOG_DOMAIN "yusuan"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "ys-finding-row.h"
#include "ys-findings-panel.h"
#include "ys-grid-page.h"
#include "ys-lines-page.h"
#include "ys-new-budget-dialog.h"
#include "ys-page.h"
#include "ys-versions-page.h"
#include "ys-projects-page.h"
#include "ys-reports-page.h"
#include "ys-settings-page.h"
#include "ys-widget-fixes.h"
#include "ys-overview-page.h"
#include "ys-charts-page.h"
#include "ys-review-page.h"
#include "ys-safety.h"
#include "ys-summary.h"
#include "ys-units-page.h"
#include "ys-window-private.h"

G_DEFINE_FINAL_TYPE (YsWindow, ys_window, ADW_TYPE_APPLICATION_WINDOW)

enum { PROP_0, PROP_DOCUMENT, PROP_VALIDATOR, N_PROPS };
static GParamSpec *properties[N_PROPS];

GSettings *
ys_window_get_settings (YsWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  return YS_IS_APPLICATION (app) ? ys_application_get_settings (YS_APPLICATION (app)) : NULL;
}

void
ys_window_show_error (YsWindow   *self,
                      const char *heading,
                      const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
ys_window_update_actions (YsWindow *self)
{
  gboolean open = self->document != NULL;
  GAction *action;

  action = g_action_map_lookup_action (G_ACTION_MAP (self), "undo");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), open && ys_document_can_undo (self->document));
  action = g_action_map_lookup_action (G_ACTION_MAP (self), "redo");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), open && ys_document_can_redo (self->document));
  ys_window_merge_update_actions (self);

  gtk_widget_set_visible (self->undo_button, open);
  gtk_widget_set_visible (self->redo_button, open);
  gtk_widget_set_visible (GTK_WIDGET (self->totals_bar), open);
  gtk_widget_set_visible (self->findings_button, open);
  ys_window_import_update_actions (self);
  ys_window_publish_update_actions (self);
}

static void update_title (YsWindow *self);

/* The header bar shows the three totals when the window is wide enough for
 * them and some of the title, and otherwise only the difference. The window
 * decides, by the header bar's width: left to the header bar, which gives
 * each end at most half of what the title leaves, the three totals would not
 * fit even at the default width; made its least width, they would keep the
 * window from narrowing. */
#define TITLE_ROOM 200

static gboolean
full_totals_fit (YsWindow *self,
                 int       header_width)
{
  int header_min;

  /* Without a budget the header holds neither the totals nor the buttons
   * that come with them, and would be measured too narrow. */
  if (self->document == NULL || !gtk_widget_get_visible (GTK_WIDGET (self->totals_bar)))
    return FALSE;

  gtk_widget_measure (self->header_bar, GTK_ORIENTATION_HORIZONTAL, -1, &header_min, NULL, NULL, NULL);
  /* What the header needs with the full totals, whichever is shown now:
   * the choice cannot flip back and forth at one width. */
  return header_width >= header_min + ys_totals_bar_get_full_extra_width (self->totals_bar) + TITLE_ROOM;
}

static gboolean
choose_totals_cb (gpointer user_data)
{
  YsWindow *self = user_data;
  gboolean fit = full_totals_fit (self, gtk_widget_get_width (self->header_bar));

  self->totals_fit_idle = 0;
  ys_totals_bar_set_full (self->totals_bar, fit);
  return G_SOURCE_REMOVE;
}

static void
ys_window_size_allocate (GtkWidget *widget,
                         int        width,
                         int        height,
                         int        baseline)
{
  YsWindow *self = YS_WINDOW (widget);
  gboolean fit;

  GTK_WIDGET_CLASS (ys_window_parent_class)->size_allocate (widget, width, height, baseline);

  /* Switched after this allocation, not during it. */
  fit = full_totals_fit (self, gtk_widget_get_width (self->header_bar));
  if (fit != ys_totals_bar_get_full (self->totals_bar)
      && self->totals_fit_idle == 0)
    self->totals_fit_idle = g_idle_add (choose_totals_cb, self);
}

/* Findings */

static void
update_finding_counts (YsWindow *self)
{
  guint errors = self->validator ? ys_validator_count (self->validator, YS_FINDING_ERROR) : 0;
  guint warnings = self->validator ? ys_validator_count (self->validator, YS_FINDING_WARNING) : 0;
  g_autofree char *n_errors = g_strdup_printf ("%u", errors);
  g_autofree char *n_warnings = g_strdup_printf ("%u", warnings);
  g_autofree char *counts = ys_findings_describe_counts (errors, warnings);

  gtk_label_set_label (self->error_count_label, n_errors);
  gtk_label_set_label (self->warning_count_label, n_warnings);
  /* The figures alone mean nothing to a screen reader. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->findings_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, counts, -1);
  gtk_widget_set_tooltip_text (self->findings_button, counts);
  if (errors > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->error_count_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->error_count_label), "error");
  if (warnings > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->warning_count_label), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->warning_count_label), "warning");
}

static void
on_validator_counts_cb (YsWindow    *self,
                        GParamSpec  *pspec,
                        YsValidator *validator)
{
  update_finding_counts (self);
}

static void
on_document_changed_cb (YsWindow   *self,
                        YsRecord   *record,
                        guint       type,
                        int         field,
                        YsDocument *document)
{
  /* The department name or the year may have changed. */
  if (type == YS_CHANGE_META)
    update_title (self);
}

static void
on_document_undo_changed_cb (YsWindow   *self,
                             GParamSpec *pspec,
                             YsDocument *document)
{
  ys_window_update_actions (self);
}

/* Pages */

/* Calls @func on every page of the window, in the stack's order, until it
 * returns TRUE. */
static YsPage *
find_page (YsWindow *self,
           gboolean (*func) (YsPage *page, gpointer data),
           gpointer  data,
           const char **name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->page_stack));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      YsPage *page = YS_PAGE (child);

      if (func == NULL || func (page, data))
        {
          if (name != NULL)
            *name = gtk_stack_page_get_name (gtk_stack_get_page (self->page_stack, child));
          return page;
        }
    }
  return NULL;
}

static gboolean
page_shows (YsPage   *page,
            gpointer  record)
{
  return ys_page_shows (page, record);
}

static gboolean
page_set_document (YsPage   *page,
                   gpointer  user_data)
{
  YsWindow *self = user_data;

  /* The validator first: a page that follows both sees it before the document. */
  ys_page_set_validator (page, self->validator);
  ys_page_set_document (page, self->document);
  return FALSE;
}

/* Document */

static void
update_title (YsWindow *self)
{
  if (self->document != NULL)
    {
      /* Translators: the window title: department name and budget year */
      g_autofree char *title = g_strdup_printf (_("%1$s %2$d Budget"),
                                                ys_document_get_meta (self->document, "dept_name"),
                                                ys_document_get_year (self->document));
      g_autofree char *subtitle = g_file_get_basename (self->file);

      adw_window_title_set_title (self->window_title, title);
      adw_window_title_set_subtitle (self->window_title, subtitle);
      gtk_window_set_title (GTK_WINDOW (self), title);
    }
  else
    {
      adw_window_title_set_title (self->window_title, _("Yusuan"));
      adw_window_title_set_subtitle (self->window_title, "");
      gtk_window_set_title (GTK_WINDOW (self), _("Yusuan"));
    }
}

YsDocument *
ys_window_get_document (YsWindow *self)
{
  g_return_val_if_fail (YS_IS_WINDOW (self), NULL);

  return self->document;
}

YsValidator *
ys_window_get_validator (YsWindow *self)
{
  g_return_val_if_fail (YS_IS_WINDOW (self), NULL);

  return self->validator;
}

void
ys_window_add_to_recent (YsWindow *self)
{
  g_autofree char *uri = g_file_get_uri (self->file);
  g_autofree char *title = NULL;
  GtkRecentData data = { 0 };
  char *groups[] = { (char *) "yusuan", NULL };

  title = g_strdup (gtk_window_get_title (GTK_WINDOW (self)));
  data.display_name = title;
  data.mime_type = (char *) YS_MIME_TYPE;
  data.app_name = (char *) g_get_application_name ();
  data.app_exec = (char *) "yusuan %u";
  data.groups = groups;
  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

/* A read-only budget can be read, reviewed and exported; the pages that
 * edit records are made insensitive, and the banner says why. */
static void
show_read_only (YsWindow *self, gboolean read_only)
{
  static const char *const editing_pages[] = {
    "units", "income", "lines", "projects", "procurement", "services", "assets", "prior-year", "overview", "controls", NULL
  };

  gtk_widget_set_visible (self->read_only_banner, read_only);
  for (guint i = 0; editing_pages[i]; i++)
    {
      GtkWidget *page = gtk_stack_get_child_by_name (self->page_stack, editing_pages[i]);
      if (page != NULL)
        gtk_widget_set_sensitive (page, !read_only);
    }
}

void
ys_window_set_document (YsWindow   *self,
                        YsDocument *document)
{
  g_return_if_fail (YS_IS_WINDOW (self));
  g_return_if_fail (!document || YS_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->document, self);
      g_clear_object (&self->document);
    }
  if (self->validator != NULL)
    g_signal_handlers_disconnect_by_data (self->validator, self);
  g_clear_object (&self->validator);
  ys_totals_bar_set_document (self->totals_bar, document);
  g_clear_pointer (&self->backup_timer, ys_backup_timer_free);
  show_read_only (self, document != NULL && ys_document_is_read_only (document));

  if (document != NULL)
    {
      self->backup_timer = ys_backup_timer_new (document);
      self->document = g_object_ref (document);
      g_clear_object (&self->file);
      self->file = g_file_new_for_path (ys_document_get_path (document));
      g_signal_connect_object (document, "changed",
                               G_CALLBACK (on_document_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::can-undo",
                               G_CALLBACK (on_document_undo_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::can-redo",
                               G_CALLBACK (on_document_undo_changed_cb), self, G_CONNECT_SWAPPED);
      /* Checks the whole budget once (a few tenths of a second for the
       * largest), then only what each edit touches. */
      self->validator = ys_validator_new (document);
      g_signal_connect_object (self->validator, "notify::n-errors",
                               G_CALLBACK (on_validator_counts_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->validator, "notify::n-warnings",
                               G_CALLBACK (on_validator_counts_cb), self, G_CONNECT_SWAPPED);
      gtk_stack_set_visible_child_name (self->main_stack, "document");
    }
  else
    {
      g_clear_object (&self->file);
      gtk_stack_set_visible_child_name (self->main_stack, "start");
    }

  update_title (self);
  ys_window_update_actions (self);
  update_finding_counts (self);
  find_page (self, page_set_document, self, NULL);
  page_set_document (YS_PAGE (self->findings_panel), self);
  /* The validator first: the panel bound to both sees it before the document. */
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALIDATOR]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

gboolean
ys_window_is_empty (YsWindow *self)
{
  g_return_val_if_fail (YS_IS_WINDOW (self), FALSE);

  return self->file == NULL;
}

gboolean
ys_window_is_showing (YsWindow *self,
                      GFile    *file)
{
  g_return_val_if_fail (YS_IS_WINDOW (self), FALSE);

  return self->file != NULL && g_file_equal (self->file, file);
}

static void
open_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GError *error = NULL;
  YsDocument *document;

  /* Reading 100,000 line items takes a good part of a second: keep the
   * window drawing meanwhile. Nothing else sees the document until it is
   * handed back. */
  document = ys_document_open (task_data, &error);
  if (document != NULL)
    g_task_return_pointer (task, document, g_object_unref);
  else
    g_task_return_error (task, error);
}

static void
reopen_cb (gpointer user_data, GFile *file)
{
  YsWindow *self = user_data;

  if (self->document == NULL)
    ys_window_open (self, file);
}

static void
open_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  YsWindow *self = YS_WINDOW (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(YsDocument) document = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_task_get_cancellable (G_TASK (result)) != self->cancellable)
    return;  /* superseded by another open */
  g_clear_object (&self->cancellable);

  if (document == NULL)
    {
      g_autofree char *name = g_file_get_basename (self->file);
      /* Translators: %s is a file name */
      g_autofree char *heading = g_strdup_printf (_("Could not open “%s”"), name);

      g_autoptr(GFile) file = g_steal_pointer (&self->file);

      gtk_stack_set_visible_child_name (self->main_stack, "start");
      ys_show_open_error (GTK_WINDOW (self), heading, file, error, reopen_cb, self);
      return;
    }

  ys_window_set_document (self, document);
  ys_window_add_to_recent (self);
}

void
ys_window_open (YsWindow *self,
                GFile    *file)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *name = NULL;
  char *path;

  g_return_if_fail (YS_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->document == NULL);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      /* Translators: %s is a location such as an sftp:// address */
      g_autofree char *heading = g_strdup_printf (_("Could not open “%s”"), uri);
      ys_window_show_error (self, heading, _("Only budget files on this computer or a mounted drive can be opened."));
      return;
    }

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_set_object (&self->file, file);

  name = g_file_get_basename (file);
  adw_status_page_set_description (self->loading_page, name);
  gtk_stack_set_visible_child_name (self->main_stack, "loading");

  task = g_task_new (self, self->cancellable, open_done_cb, NULL);
  g_task_set_source_tag (task, ys_window_open);
  g_task_set_task_data (task, path, g_free);
  g_task_run_in_thread (task, open_in_thread);
}

/* Recent files */

static gint
compare_recent (gconstpointer a,
                gconstpointer b)
{
  GtkRecentInfo *ia = *(GtkRecentInfo **) a;
  GtkRecentInfo *ib = *(GtkRecentInfo **) b;

  /* Most recently used first. */
  return g_date_time_compare (gtk_recent_info_get_modified (ib), gtk_recent_info_get_modified (ia));
}

static void
on_recent_manager_changed_cb (YsWindow         *self,
                              GtkRecentManager *manager)
{
  GList *items = gtk_recent_manager_get_items (manager);
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  g_autoptr(GPtrArray) uris = g_ptr_array_new ();

  for (GList *l = items; l; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      const char *uri = gtk_recent_info_get_uri (info);

      if ((g_strcmp0 (gtk_recent_info_get_mime_type (info), YS_MIME_TYPE) == 0
           || g_str_has_suffix (uri, ".yusuan"))
          && gtk_recent_info_is_local (info) && gtk_recent_info_exists (info))
        g_ptr_array_add (found, info);
    }
  g_ptr_array_sort (found, compare_recent);
  for (guint i = 0; i < found->len && i < MAX_RECENT; i++)
    g_ptr_array_add (uris, (char *) gtk_recent_info_get_uri (g_ptr_array_index (found, i)));
  g_ptr_array_add (uris, NULL);

  gtk_string_list_splice (self->recent_uris, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->recent_uris)),
                          (const char *const *) uris->pdata);
  gtk_widget_set_visible (self->recent_group, uris->len > 1);
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

static GtkWidget *
create_recent_row (gpointer item,
                   gpointer user_data)
{
  const char *uri = gtk_string_object_get_string (item);
  g_autoptr(GFile) file = g_file_new_for_uri (uri);
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *dir = parent ? g_file_get_path (parent) : NULL;
  g_autofree char *shown_dir = NULL;
  GtkWidget *row;
  GtkWidget *arrow;

  /* Home as "~", as the file manager shows it. */
  if (dir && g_str_has_prefix (dir, g_get_home_dir ()))
    shown_dir = g_strconcat ("~", dir + strlen (g_get_home_dir ()), NULL);
  else
    shown_dir = g_strdup (dir ? dir : "");

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), shown_dir);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
  gtk_widget_set_valign (arrow, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  return row;
}

static void
on_recent_list_row_activated_cb (YsWindow      *self,
                                 GtkListBoxRow *row,
                                 GtkListBox    *list)
{
  const char *uri = gtk_string_list_get_string (self->recent_uris, gtk_list_box_row_get_index (row));
  g_autoptr(GFile) file = NULL;

  if (uri == NULL)
    return;
  file = g_file_new_for_uri (uri);
  ys_application_open_file (YS_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))),
                            file, GTK_WINDOW (self));
}

/* Sidebar */

static void
on_sidebar_row_selected_cb (YsWindow      *self,
                            GtkListBoxRow *row,
                            GtkListBox    *list)
{
  /* Each row is named after the stack page it shows. */
  if (row != NULL)
    gtk_stack_set_visible_child_name (self->page_stack, gtk_widget_get_name (GTK_WIDGET (row)));
}

/* Revealing a record */

void
ys_window_select_page (YsWindow   *self,
                       const char *name)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && g_strcmp0 (gtk_widget_get_name (row), name) == 0)
      {
        gtk_list_box_select_row (self->sidebar, GTK_LIST_BOX_ROW (row));
        break;
      }
  /* The sidebar's handler switches the stack; this covers a page without a row. */
  gtk_stack_set_visible_child_name (self->page_stack, name);
}

/* Switches to the page that shows @record and shows its @field there. */
void
ys_window_reveal (YsWindow *self,
                  YsRecord *record,
                  int       field)
{
  const char *name = NULL;
  YsPage *page;

  g_return_if_fail (YS_IS_WINDOW (self));
  g_return_if_fail (YS_IS_RECORD (record));

  if (self->document == NULL)
    return;
  page = find_page (self, page_shows, record, &name);
  if (page == NULL)
    return;
  ys_window_select_page (self, name);
  ys_page_reveal (page, record, field);
}

/* GObject */

static gboolean
ys_window_close_request (GtkWindow *window)
{
  YsWindow *self = YS_WINDOW (window);
  GSettings *settings = ys_window_get_settings (self);

  if (settings != NULL)
    {
      int width, height;

      /* The unmaximized size, so that un-maximizing next time looks right. */
      gtk_window_get_default_size (window, &width, &height);
      g_settings_delay (settings);
      g_settings_set_int (settings, "window-width", width);
      g_settings_set_int (settings, "window-height", height);
      g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (window));
      g_settings_apply (settings);
    }

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);

  return GTK_WINDOW_CLASS (ys_window_parent_class)->close_request (window);
}

static void
restore_window_state (YsWindow *self)
{
  GSettings *settings = ys_window_get_settings (self);

  if (settings == NULL)
    return;
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  /* Whoever reviews the budgets stays the reviewer, in every budget and
   * from one run to the next, until they say otherwise; the findings
   * panel follows the page. */
  g_settings_bind (settings, "reviewer-name", self->review_page, "reviewer-name",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "reviewer-mode", self->review_page, "reviewer-mode",
                   G_SETTINGS_BIND_DEFAULT);
}

static void
ys_window_dispose (GObject *object)
{
  YsWindow *self = YS_WINDOW (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->totals_fit_idle, g_source_remove);
  g_clear_pointer (&self->backup_timer, ys_backup_timer_free);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  if (self->validator != NULL)
    g_signal_handlers_disconnect_by_data (self->validator, self);
  g_clear_object (&self->validator);
  g_clear_object (&self->document);
  g_clear_object (&self->file);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_pointer (&self->pending_meta, g_hash_table_unref);
  g_clear_object (&self->recent_uris);

  gtk_widget_dispose_template (GTK_WIDGET (self), YS_TYPE_WINDOW);

  G_OBJECT_CLASS (ys_window_parent_class)->dispose (object);
}

static void
ys_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  YsWindow *self = YS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_VALIDATOR:
      g_value_set_object (value, self->validator);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ys_window_class_init (YsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = ys_window_dispose;
  object_class->get_property = ys_window_get_property;
  window_class->close_request = ys_window_close_request;
  widget_class->size_allocate = ys_window_size_allocate;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, YS_TYPE_DOCUMENT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_VALIDATOR] =
    g_param_spec_object ("validator", NULL, NULL, YS_TYPE_VALIDATOR,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (YS_TYPE_UNITS_PAGE);
  g_type_ensure (YS_TYPE_LINES_PAGE);
  g_type_ensure (YS_TYPE_GRID_PAGE);
  g_type_ensure (YS_TYPE_PROJECTS_PAGE);
  g_type_ensure (YS_TYPE_REPORTS_PAGE);
  g_type_ensure (YS_TYPE_OVERVIEW_PAGE);
  g_type_ensure (YS_TYPE_CHARTS_PAGE);
  g_type_ensure (YS_TYPE_REVIEW_PAGE);
  g_type_ensure (YS_TYPE_SETTINGS_PAGE);
  g_type_ensure (YS_TYPE_VERSIONS_PAGE);
  g_type_ensure (YS_TYPE_FINDINGS_PANEL);
  g_type_ensure (YS_TYPE_TOTALS_BAR);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/yusuan/Yusuan/ui/ys-window.ui");
  gtk_widget_class_bind_template_child (widget_class, YsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, YsWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, YsWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, YsWindow, redo_button);
  gtk_widget_class_bind_template_child (widget_class, YsWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, YsWindow, totals_bar);
  gtk_widget_class_bind_template_child (widget_class, YsWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, YsWindow, recent_group);
  gtk_widget_class_bind_template_child (widget_class, YsWindow, recent_list);
  gtk_widget_class_bind_template_child (widget_class, YsWindow, loading_page);
  gtk_widget_class_bind_template_child (widget_class, YsWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, YsWindow, page_stack);
  gtk_widget_class_bind_template_child (widget_class, YsWindow, findings_button);
  gtk_widget_class_bind_template_child (widget_class, YsWindow, error_count_label);
  gtk_widget_class_bind_template_child (widget_class, YsWindow, warning_count_label);
  gtk_widget_class_bind_template_child (widget_class, YsWindow, review_page);
  gtk_widget_class_bind_template_child (widget_class, YsWindow, findings_panel);
  gtk_widget_class_bind_template_callback (widget_class, on_recent_list_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_selected_cb);
}

static void
ys_window_init (YsWindow *self)
{
  GtkRecentManager *recent = gtk_recent_manager_get_default ();

  gtk_widget_init_template (GTK_WIDGET (self));
  ys_widget_fixes_apply (GTK_WIDGET (self));
  /* A page is named as the sidebar names it, for a screen reader too. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->page_stack));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    ys_page_set_title (YS_PAGE (child), gtk_stack_page_get_title (gtk_stack_get_page (self->page_stack, child)));
  /* Under the header bar, above every page. */
  self->read_only_banner = ys_read_only_banner_new ();
  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (self->header_bar)),
                              self->read_only_banner, self->header_bar);
  /* The panel shows review states when the review page does. */
  g_object_bind_property (self->review_page, "reviewer-mode",
                          ys_findings_panel_get_list (self->findings_panel), "reviewer-mode",
                          G_BINDING_SYNC_CREATE);

  ys_window_install_actions (self);
  ys_window_import_install_actions (self);

  self->recent_uris = gtk_string_list_new (NULL);
  gtk_list_box_bind_model (self->recent_list, G_LIST_MODEL (self->recent_uris),
                           create_recent_row, NULL, NULL);
  g_signal_connect_object (recent, "changed",
                           G_CALLBACK (on_recent_manager_changed_cb), self, G_CONNECT_SWAPPED);
  on_recent_manager_changed_cb (self, recent);

  gtk_list_box_select_row (self->sidebar, gtk_list_box_get_row_at_index (self->sidebar, 0));
  update_title (self);
  ys_window_update_actions (self);
  update_finding_counts (self);
}

YsWindow *
ys_window_new (YsApplication *application)
{
  YsWindow *self = g_object_new (YS_TYPE_WINDOW, "application", application, NULL);

  /* Not in constructed(): "application" is not a construct property, so the
   * settings it holds are only reachable once g_object_new() returns. */
  restore_window_state (self);
  return self;
}
