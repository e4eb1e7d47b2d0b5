/* The main window: a start page until a budget is open, then the budget's
 * pages beside a sidebar, with its live totals in the header bar. */
#define G_LOG_DOMAIN "yusuan"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "ys-finding-row.h"
#include "ys-findings-panel.h"
#include "ys-goals-editor.h"
#include "ys-grid-page.h"
#include "ys-kinds.h"
#include "ys-lines-page.h"
#include "ys-new-budget-dialog.h"
#include "ys-projects-page.h"
#include "ys-reports-page.h"
#include "ys-review-page.h"
#include "ys-safety.h"
#include "ys-summary.h"
#include "ys-units-page.h"
#include "ys-window.h"

#define YS_MIME_TYPE "application/x-yusuan"
#define MAX_RECENT 8

struct _YsWindow
{
  AdwApplicationWindow  parent_instance;

  /* template */
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkWidget            *undo_button;
  GtkWidget            *redo_button;
  GtkWidget            *header_bar;
  GtkStack             *totals_stack;
  GtkWidget            *full_totals;
  GtkLabel             *income_label;
  GtkLabel             *expense_label;
  GtkLabel             *balance_label;
  GtkLabel             *compact_balance_label;  /* the difference alone, in a narrow window */
  GtkStack             *main_stack;
  GtkWidget            *recent_group;
  GtkListBox           *recent_list;
  AdwStatusPage        *loading_page;
  GtkListBox           *sidebar;
  GtkStack             *page_stack;
  GtkWidget            *findings_button;
  GtkLabel             *error_count_label;
  GtkLabel             *warning_count_label;
  YsReviewPage         *review_page;

  /* state */
  YsDocument           *document;
  YsValidator          *validator;     /* of the document, for the review page and the findings panel */
  GFile                *file;          /* the document's, or the one being opened */
  GCancellable         *cancellable;   /* of the open in progress */
  GtkStringList        *recent_uris;
  GtkFileChooserNative *chooser;
  GHashTable           *pending_meta;  /* of the new budget whose file is being chosen */
  guint                 totals_idle;
  guint                 totals_fit_idle;
  GtkWidget            *read_only_banner;
  YsBackupTimer        *backup_timer;
};

G_DEFINE_FINAL_TYPE (YsWindow, ys_window, ADW_TYPE_APPLICATION_WINDOW)

enum { PROP_0, PROP_DOCUMENT, PROP_VALIDATOR, N_PROPS };
static GParamSpec *properties[N_PROPS];

static GSettings *
get_settings (YsWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  return YS_IS_APPLICATION (app) ? ys_application_get_settings (YS_APPLICATION (app)) : NULL;
}

static void
show_error (YsWindow   *self,
            const char *heading,
            const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
update_actions (YsWindow *self)
{
  gboolean open = self->document != NULL;
  GAction *action;

  action = g_action_map_lookup_action (G_ACTION_MAP (self), "undo");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), open && ys_document_can_undo (self->document));
  action = g_action_map_lookup_action (G_ACTION_MAP (self), "redo");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), open && ys_document_can_redo (self->document));

  gtk_widget_set_visible (self->undo_button, open);
  gtk_widget_set_visible (self->redo_button, open);
  gtk_widget_set_visible (GTK_WIDGET (self->totals_stack), open);
  gtk_widget_set_visible (self->findings_button, open);
}

static void update_title (YsWindow *self);

/* Totals */

static void
set_money_label (GtkLabel *label,
                 YsMoney   fen)
{
  g_autofree char *yuan = ys_money_format (fen, YS_MONEY_YUAN, TRUE);
  g_autofree char *wan = ys_money_format (fen, YS_MONEY_WAN, TRUE);
  /* Translators: a tooltip on a total shown in 元: the same figure in 万元 */
  g_autofree char *tooltip = g_strdup_printf (_("%s ten-thousand yuan"), wan);

  gtk_label_set_label (label, yuan);
  gtk_widget_set_tooltip_text (GTK_WIDGET (label), tooltip);
}

static gboolean
update_totals_cb (gpointer user_data)
{
  YsWindow *self = user_data;
  g_autoptr(YsSummary) summary = NULL;
  YsMoney balance;

  self->totals_idle = 0;
  if (self->document == NULL)
    return G_SOURCE_REMOVE;

  summary = ys_summary_compute (self->document, &YS_FILTER_ALL);
  balance = summary->income_total - summary->expense.total;
  set_money_label (self->income_label, summary->income_total);
  set_money_label (self->expense_label, summary->expense.total);
  set_money_label (self->balance_label, balance);
  set_money_label (self->compact_balance_label, balance);
  /* Income must equal expenditure; a difference is what the accountant has
   * to resolve before submitting, so it stands out. */
  if (balance != 0)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->balance_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->compact_balance_label), "error");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->balance_label), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->compact_balance_label), "error");
    }

  return G_SOURCE_REMOVE;
}

static void
queue_update_totals (YsWindow *self)
{
  /* A paste or an import emits "changed" once per row: add them up once,
   * after the burst, at low priority so typing stays responsive. */
  if (self->totals_idle == 0)
    self->totals_idle = g_idle_add_full (G_PRIORITY_LOW, update_totals_cb, self, NULL);
}

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
  GtkWidget *shown = gtk_stack_get_visible_child (self->totals_stack);
  int header_min, shown_min, full_min;

  /* Without a budget the header holds neither the totals nor the buttons
   * that come with them, and would be measured too narrow. */
  if (self->document == NULL || !gtk_widget_get_visible (GTK_WIDGET (self->totals_stack)))
    return FALSE;

  gtk_widget_measure (self->header_bar, GTK_ORIENTATION_HORIZONTAL, -1, &header_min, NULL, NULL, NULL);
  gtk_widget_measure (shown, GTK_ORIENTATION_HORIZONTAL, -1, &shown_min, NULL, NULL, NULL);
  gtk_widget_measure (self->full_totals, GTK_ORIENTATION_HORIZONTAL, -1, &full_min, NULL, NULL, NULL);
  /* What the header needs with the full totals, whichever is shown now:
   * the choice cannot flip back and forth at one width. */
  return header_width >= header_min - shown_min + full_min + TITLE_ROOM;
}

static gboolean
choose_totals_cb (gpointer user_data)
{
  YsWindow *self = user_data;
  gboolean fit = full_totals_fit (self, gtk_widget_get_width (self->header_bar));

  self->totals_fit_idle = 0;
  gtk_stack_set_visible_child_name (self->totals_stack, fit ? "full" : "compact");
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
  if (fit != (gtk_stack_get_visible_child (self->totals_stack) == self->full_totals)
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
  queue_update_totals (self);
  /* The department name or the year may have changed. */
  if (type == YS_CHANGE_META)
    update_title (self);
}

static void
on_document_undo_changed_cb (YsWindow   *self,
                             GParamSpec *pspec,
                             YsDocument *document)
{
  update_actions (self);
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

static void
add_to_recent (YsWindow *self)
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
    "units", "income", "lines", "projects", "procurement", "services", "assets", "prior-year", NULL
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
  g_clear_handle_id (&self->totals_idle, g_source_remove);
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
      update_totals_cb (self);
      gtk_stack_set_visible_child_name (self->main_stack, "document");
    }
  else
    {
      g_clear_object (&self->file);
      gtk_stack_set_visible_child_name (self->main_stack, "start");
    }

  update_title (self);
  update_actions (self);
  update_finding_counts (self);
  /* The validator first: the pages bound to both see it before the document. */
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
  add_to_recent (self);
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
      show_error (self, heading, _("Only budget files on this computer or a mounted drive can be opened."));
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

/* The page that shows records of @kind. */
static const char *
page_for_kind (const YsKind *kind)
{
  if (kind == &ys_unit_kind)
    return "units";
  if (kind == &ys_line_kind)
    return "lines";
  if (kind == &ys_project_kind || kind == &ys_indicator_kind)
    return "projects";
  if (kind == &ys_income_kind)
    return "income";
  if (kind == &ys_procurement_kind)
    return "procurement";
  if (kind == &ys_service_kind)
    return "services";
  if (kind == &ys_asset_kind)
    return "assets";
  if (kind == &ys_prior_year_kind)
    return "prior-year";
  return NULL;
}

static void
select_page (YsWindow   *self,
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

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

typedef struct
{
  GtkWidget *view;
  guint      position;
  guint      n_items;
} ScrollLater;

static void
scroll_later_free (gpointer data)
{
  ScrollLater *later = data;

  g_object_unref (later->view);
  g_free (later);
}

/* GTK 4.8 list views cannot scroll to an item; their adjustment can, once
 * the page just switched to is allocated. Rows are of one height, so the
 * item's share of the list is its share of the adjustment. */
static gboolean
scroll_later_cb (gpointer user_data)
{
  ScrollLater *later = user_data;
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (later->view));
  double upper, page, value;

  if (adjustment == NULL || later->n_items == 0)
    return G_SOURCE_REMOVE;
  upper = gtk_adjustment_get_upper (adjustment);
  page = gtk_adjustment_get_page_size (adjustment);
  value = upper * later->position / later->n_items - page / 3;
  gtk_adjustment_set_value (adjustment, CLAMP (value, 0, MAX (upper - page, 0)));
  gtk_widget_grab_focus (later->view);
  return G_SOURCE_REMOVE;
}

/* Selects @record in the first column or list view of @page. */
static gboolean
select_in_list (GtkWidget *page,
                YsRecord  *record)
{
  GtkWidget *view = find_descendant (page, GTK_TYPE_COLUMN_VIEW);
  GtkSelectionModel *model = NULL;
  ScrollLater *later;
  guint n;

  if (view != NULL)
    model = gtk_column_view_get_model (GTK_COLUMN_VIEW (view));
  else if ((view = find_descendant (page, GTK_TYPE_LIST_VIEW)) != NULL)
    model = gtk_list_view_get_model (GTK_LIST_VIEW (view));
  if (model == NULL)
    return FALSE;

  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (model), i);

      if (item != (GObject *) record)
        continue;
      gtk_selection_model_select_item (model, i, TRUE);
      later = g_new0 (ScrollLater, 1);
      later->view = g_object_ref (view);
      later->position = i;
      later->n_items = n;
      g_timeout_add_full (G_PRIORITY_DEFAULT_IDLE, 50, scroll_later_cb, later, scroll_later_free);
      return TRUE;
    }
  return FALSE;
}

void
ys_window_reveal (YsWindow *self,
                  YsRecord *record,
                  int       field)
{
  const YsKind *kind;
  const char *name;
  GtkWidget *page;
  YsRecord *listed = record;

  g_return_if_fail (YS_IS_WINDOW (self));
  g_return_if_fail (YS_IS_RECORD (record));

  if (self->document == NULL)
    return;
  kind = ys_record_get_kind (record);
  name = page_for_kind (kind);
  if (name == NULL)
    return;
  select_page (self, name);
  page = gtk_stack_get_child_by_name (self->page_stack, name);
  if (page == NULL)
    return;

  if (YS_IS_GRID_PAGE (page) && ys_grid_page_reveal (YS_GRID_PAGE (page), record, field))
    return;
  {
    g_autofree char *action = g_strconcat (name, ".reveal", NULL);

    if (gtk_widget_activate_action (page, action, "(sxi)", kind->name, ys_record_get_id (record), field))
      return;
  }

  /* An indicator shows in its project's goals. */
  if (kind == &ys_indicator_kind)
    listed = ys_document_lookup_key (self->document, &ys_project_kind,
                                     ys_record_get_text (record, YS_INDICATOR_PROJECT_CODE));
  if (listed != NULL)
    select_in_list (page, listed);
  if (kind == &ys_indicator_kind)
    {
      GtkWidget *editor = find_descendant (page, YS_TYPE_GOALS_EDITOR);

      if (editor != NULL)
        ys_goals_editor_reveal (YS_GOALS_EDITOR (editor), record, field);
    }
}

/* Actions */

static void
on_chooser_open_response_cb (YsWindow             *self,
                             int                   response,
                             GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      ys_application_open_file (YS_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))),
                                file, GTK_WINDOW (self));
    }
  g_clear_object (&self->chooser);
}

static GtkFileFilter *
budget_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Budget files"));
  gtk_file_filter_add_mime_type (filter, YS_MIME_TYPE);
  /* Until the MIME type is installed the extension is all there is. */
  gtk_file_filter_add_suffix (filter, "yusuan");
  return filter;
}

static void
open_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  YsWindow *self = user_data;
  g_autoptr(GtkFileFilter) filter = budget_filter ();

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Open Budget"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Open"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect_object (self->chooser, "response",
                           G_CALLBACK (on_chooser_open_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static gboolean
make_room (YsWindow  *self,
           GFile     *file,
           GError   **error)
{
  static const char *const sidecars[] = { "-wal", "-shm", "-journal" };
  g_autoptr(GError) local_error = NULL;
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (!g_file_query_exists (file, NULL))
    return TRUE;

  for (GList *l = gtk_application_get_windows (app); l; l = l->next)
    if (YS_IS_WINDOW (l->data) && ys_window_is_showing (l->data, file))
      {
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_BUSY,
                             _("That budget is open in another window; choose another name."));
        return FALSE;
      }

  /* The accountant agreed to replace the file, but a whole budget is too
   * much to lose to a slip: it goes to the trash, not away. */
  if (!g_file_trash (file, NULL, &local_error))
    {
      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (!g_file_delete (file, NULL, error))
        return FALSE;
    }

  /* SQLite's journal files go with it: left behind, the new budget would
   * take them for its own. */
  for (guint i = 0; i < G_N_ELEMENTS (sidecars); i++)
    {
      g_autofree char *path = g_file_get_path (file);
      g_autofree char *side_path = g_strconcat (path, sidecars[i], NULL);
      g_autoptr(GFile) side = g_file_new_for_path (side_path);

      if (g_file_query_exists (side, NULL) && !g_file_trash (side, NULL, NULL))
        g_file_delete (side, NULL, NULL);
    }
  return TRUE;
}

static void
on_chooser_create_response_cb (YsWindow             *self,
                               int                   response,
                               GtkFileChooserNative *chooser)
{
  g_autoptr(GHashTable) meta = g_steal_pointer (&self->pending_meta);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(YsDocument) document = NULL;
  g_autofree char *path = NULL;
  YsWindow *target = self;
  gboolean replace_confirmed = TRUE;

  if (response != GTK_RESPONSE_ACCEPT)
    goto out;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  path = g_file_get_path (file);
  if (path != NULL && !g_str_has_suffix (path, ".yusuan"))
    {
      /* The chooser asked about replacing the name as typed, not this one:
       * an existing file of this name is left alone and reported. */
      replace_confirmed = FALSE;
      char *with_suffix = g_strconcat (path, ".yusuan", NULL);

      g_free (path);
      path = with_suffix;
      g_clear_object (&file);
      file = g_file_new_for_path (path);
    }

  if (path == NULL)
    g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                         _("Budgets can only be created on this computer or a mounted drive."));
  else if (!replace_confirmed || make_room (self, file, &error))
    document = ys_document_create (path, meta, &error);

  if (document == NULL)
    {
      show_error (self, _("Could not create the budget"), error->message);
      goto out;
    }

  if (!ys_window_is_empty (self))
    target = ys_window_new (YS_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
  ys_window_set_document (target, document);
  add_to_recent (target);
  gtk_window_present (GTK_WINDOW (target));

out:
  g_clear_object (&self->chooser);
}

static void
on_new_budget_dialog_confirmed_cb (YsWindow           *self,
                                   YsNewBudgetDialog  *dialog)
{
  g_autoptr(GHashTable) meta = ys_new_budget_dialog_get_meta (dialog);
  g_autoptr(GtkFileFilter) filter = budget_filter ();
  g_autofree char *name = NULL;

  gtk_window_destroy (GTK_WINDOW (dialog));
  if (self->chooser != NULL)
    return;

  /* Translators: the suggested file name of a new budget, as the window title */
  name = g_strdup_printf (_("%1$s %2$d Budget"),
                          (const char *) g_hash_table_lookup (meta, "dept_name"),
                          atoi (g_hash_table_lookup (meta, "year")));
  g_strdelimit (name, "/\\:", '-');
  g_strstrip (name);

  self->chooser = gtk_file_chooser_native_new (_("Save New Budget"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("C_reate"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  {
    g_autofree char *file_name = g_strconcat (name, ".yusuan", NULL);
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), file_name);
  }
  /* Kept until the file name is chosen. */
  g_clear_pointer (&self->pending_meta, g_hash_table_unref);
  self->pending_meta = g_steal_pointer (&meta);
  g_signal_connect_object (self->chooser, "response",
                           G_CALLBACK (on_chooser_create_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
new_activated (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  YsWindow *self = user_data;
  YsNewBudgetDialog *dialog = ys_new_budget_dialog_new (GTK_WINDOW (self), get_settings (self));

  g_signal_connect_object (dialog, "confirmed",
                           G_CALLBACK (on_new_budget_dialog_confirmed_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
close_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  gtk_window_close (GTK_WINDOW (user_data));
}

static void
undo_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  YsWindow *self = user_data;
  g_autoptr(GError) error = NULL;

  if (self->document != NULL && !ys_document_undo (self->document, &error))
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
}

static void
redo_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  YsWindow *self = user_data;
  g_autoptr(GError) error = NULL;

  if (self->document != NULL && !ys_document_redo (self->document, &error))
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
}

static const GActionEntry win_actions[] = {
  { .name = "new", .activate = new_activated },
  { .name = "open", .activate = open_activated },
  { .name = "close", .activate = close_activated },
  { .name = "undo", .activate = undo_activated },
  { .name = "redo", .activate = redo_activated },
};

/* GObject */

static gboolean
ys_window_close_request (GtkWindow *window)
{
  YsWindow *self = YS_WINDOW (window);
  GSettings *settings = get_settings (self);

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
  GSettings *settings = get_settings (self);

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
  g_clear_handle_id (&self->totals_idle, g_source_remove);
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
  g_type_ensure (YS_TYPE_REVIEW_PAGE);
  g_type_ensure (YS_TYPE_FINDINGS_PANEL);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/yusuan/Yusuan/ui/ys-window.ui");
  gtk_widget_class_bind_template_child (widget_class, YsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, YsWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, YsWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, YsWindow, redo_button);
  gtk_widget_class_bind_template_child (widget_class, YsWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, YsWindow, totals_stack);
  gtk_widget_class_bind_template_child (widget_class, YsWindow, full_totals);
  gtk_widget_class_bind_template_child (widget_class, YsWindow, income_label);
  gtk_widget_class_bind_template_child (widget_class, YsWindow, expense_label);
  gtk_widget_class_bind_template_child (widget_class, YsWindow, balance_label);
  gtk_widget_class_bind_template_child (widget_class, YsWindow, compact_balance_label);
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
  gtk_widget_class_bind_template_callback (widget_class, on_recent_list_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_selected_cb);
}

static void
ys_window_init (YsWindow *self)
{
  GtkRecentManager *recent = gtk_recent_manager_get_default ();

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Under the header bar, above every page. */
  self->read_only_banner = ys_read_only_banner_new ();
  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (self->header_bar)),
                              self->read_only_banner, self->header_bar);

  g_action_map_add_action_entries (G_ACTION_MAP (self), win_actions,
                                   G_N_ELEMENTS (win_actions), self);

  self->recent_uris = gtk_string_list_new (NULL);
  gtk_list_box_bind_model (self->recent_list, G_LIST_MODEL (self->recent_uris),
                           create_recent_row, NULL, NULL);
  g_signal_connect_object (recent, "changed",
                           G_CALLBACK (on_recent_manager_changed_cb), self, G_CONNECT_SWAPPED);
  on_recent_manager_changed_cb (self, recent);

  gtk_list_box_select_row (self->sidebar, gtk_list_box_get_row_at_index (self->sidebar, 0));
  update_title (self);
  update_actions (self);
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
