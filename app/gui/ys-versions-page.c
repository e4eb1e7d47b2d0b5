/* 版本: the versions kept inside the budget file (一上, 二上, 调整一 …),
 * listed read-only, and the comparison of any two of them, or of one with
 * the budget as it is now, shown by YsDiffView and exported as a workbook.
 * Keeping a version is the window's action win.keep-version
 * (ys-window-versions.c). */
#define G_LOG_DOMAIN "yusuan"

#include "config.h"

#include <glib/gi18n.h>

#include "ys-diff-view.h"
#include "ys-diff-xlsx.h"
#include "ys-snapshot.h"
#include "ys-versions-page.h"
#include "ys-widget-util.h"

struct _YsVersionsPage
{
  YsPage                parent_instance;

  /* template */
  GtkListBox           *versions_list;
  GtkWidget            *compare_group;
  GtkDropDown          *from_dropdown;
  GtkDropDown          *to_dropdown;
  GtkStringList        *from_names;
  GtkStringList        *to_names;
  GtkWidget            *compare_button;
  GtkWidget            *export_button;
  GtkWidget            *compare_spinner;
  YsDiffView           *diff_view;

  GtkFileChooserNative *chooser;
  GCancellable         *comparing;  /* the versions being read for a comparison */
};

G_DEFINE_FINAL_TYPE (YsVersionsPage, ys_versions_page, YS_TYPE_PAGE)

static char *
describe_version (const YsStoreSnapshot *info)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (info->created);
  g_autoptr(GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;
  g_autofree char *when = local ? g_date_time_format (local, "%Y-%m-%d %H:%M") : g_strdup ("?");
  g_autofree char *size = g_format_size (info->stored_size);

  /* Translators: when a version was kept, and the room it takes in the file */
  return g_strdup_printf (_("Kept %s · %s in the file"), when, size);
}

static void
clear_names (GtkStringList *list)
{
  gtk_string_list_splice (list, 0, g_list_model_get_n_items (G_LIST_MODEL (list)), NULL);
}

void
ys_versions_page_refresh (YsVersionsPage *self)
{
  YsDocument *doc;
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  g_return_if_fail (YS_IS_VERSIONS_PAGE (self));

  ys_widget_remove_children (GTK_WIDGET (self->versions_list));
  clear_names (self->from_names);
  clear_names (self->to_names);
  doc = ys_page_get_document (YS_PAGE (self));
  if (doc == NULL)
    return;

  versions = ys_snapshot_list (doc, &error);
  if (versions == NULL)
    {
      ys_page_show_message (YS_PAGE (self), _("Could not read the versions"), error->message);
      versions = g_ptr_array_new ();
    }
  /* The budget as it is now is the usual later side of a comparison. */
  gtk_string_list_append (self->to_names, _("Budget now"));
  for (guint i = 0; i < versions->len; i++)
    {
      const YsStoreSnapshot *info = g_ptr_array_index (versions, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *subtitle = describe_version (info);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), info->name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_append (self->versions_list, row);
      gtk_string_list_append (self->from_names, info->name);
      gtk_string_list_append (self->to_names, info->name);
    }
  n = versions->len;
  if (n == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No versions kept yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("Keep one before each submission, named as the step it records: 一上, 二上, 调整一 …"));
      gtk_list_box_append (self->versions_list, row);
    }
  else
    /* The latest version against now, the likeliest question. */
    gtk_drop_down_set_selected (self->from_dropdown, n - 1);
  gtk_drop_down_set_selected (self->to_dropdown, 0);
  gtk_widget_set_sensitive (self->compare_group, n > 0);
}

static const char *
selected_name (GtkDropDown *dropdown)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (dropdown);
  return item ? gtk_string_object_get_string (item) : NULL;
}

/* Comparing: the versions' bytes are read from the file here, and
 * inflated and decoded on another thread: 0.3 s of CPU for a version of
 * 100,000 lines, which held the window. The comparison itself, which reads
 * the budget as it is now, is made back here once they are. */

typedef struct
{
  char       *names[2];    /* from, to; to NULL: the budget now */
  GBytes     *stored[2];
  gint64      sizes[2];
  YsSnapshot *decoded[2];
} CompareJob;

static void
compare_job_free (CompareJob *job)
{
  for (guint i = 0; i < 2; i++)
    {
      g_free (job->names[i]);
      g_clear_pointer (&job->stored[i], g_bytes_unref);
      g_clear_pointer (&job->decoded[i], ys_snapshot_free);
    }
  g_free (job);
}

static void
decode_in_thread (GTask        *task,
                  gpointer      source,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  CompareJob *job = task_data;
  GError *error = NULL;

  for (guint i = 0; i < 2; i++)
    if (job->stored[i] != NULL)
      {
        job->decoded[i] = ys_snapshot_decode (job->stored[i], job->sizes[i], job->names[i], &error);
        if (job->decoded[i] == NULL)
          {
            g_task_return_error (task, error);
            return;
          }
      }
  g_task_return_boolean (task, TRUE);
}

static void
set_comparing (YsVersionsPage *self,
               gboolean        comparing)
{
  gtk_widget_set_sensitive (self->compare_button, !comparing);
  gtk_widget_set_visible (self->compare_spinner, comparing);
}

static void
stop_comparing (YsVersionsPage *self)
{
  if (self->comparing == NULL)
    return;
  g_cancellable_cancel (self->comparing);
  g_clear_object (&self->comparing);
  set_comparing (self, FALSE);
}

static void
decoded_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  YsVersionsPage *self = YS_VERSIONS_PAGE (source);
  CompareJob *job = g_task_get_task_data (G_TASK (result));
  YsDocument *doc = ys_page_get_document (YS_PAGE (self));
  g_autoptr(GError) error = NULL;
  g_autoptr(YsSnapshot) now = NULL;

  /* Another comparison asked for since, or the budget closed. */
  if (g_task_get_cancellable (G_TASK (result)) != self->comparing)
    return;
  g_clear_object (&self->comparing);
  set_comparing (self, FALSE);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      ys_page_show_message (YS_PAGE (self), _("Could not read the version"), error->message);
      return;
    }
  if (doc == NULL)
    return;
  if (job->decoded[1] == NULL)
    now = ys_snapshot_current (doc);
  ys_diff_view_set_diff (self->diff_view, ys_diff_compute (job->decoded[0], now ? now : job->decoded[1], doc));
  gtk_widget_set_sensitive (self->export_button, TRUE);
}

static void
on_compare_clicked_cb (YsVersionsPage *self)
{
  YsDocument *doc = ys_page_get_document (YS_PAGE (self));
  const char *from_name = selected_name (self->from_dropdown);
  guint to_index = gtk_drop_down_get_selected (self->to_dropdown);
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  CompareJob *job;

  if (doc == NULL || from_name == NULL)
    return;
  stop_comparing (self);
  job = g_new0 (CompareJob, 1);
  job->names[0] = g_strdup (from_name);
  job->names[1] = to_index == 0 ? NULL : g_strdup (selected_name (self->to_dropdown));
  for (guint i = 0; i < 2 && error == NULL; i++)
    if (job->names[i] != NULL)
      job->stored[i] = ys_snapshot_read (doc, job->names[i], &job->sizes[i], &error);
  if (error != NULL)
    {
      compare_job_free (job);
      ys_page_show_message (YS_PAGE (self), _("Could not read the version"), error->message);
      return;
    }
  self->comparing = g_cancellable_new ();
  set_comparing (self, TRUE);
  task = g_task_new (self, self->comparing, decoded_cb, NULL);
  g_task_set_source_tag (task, on_compare_clicked_cb);
  g_task_set_task_data (task, job, (GDestroyNotify) compare_job_free);
  g_task_run_in_thread (task, decode_in_thread);
}

static void
on_chooser_response_cb (YsVersionsPage       *self,
                        int                   response,
                        GtkFileChooserNative *chooser)
{
  YsDiff *diff = ys_diff_view_get_diff (self->diff_view);

  if (response == GTK_RESPONSE_ACCEPT && diff != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;

      if (path != NULL && !g_str_has_suffix (path, ".xlsx"))
        {
          char *with_suffix = g_strconcat (path, ".xlsx", NULL);
          g_free (path);
          path = with_suffix;
        }
      if (path == NULL)
        ys_page_show_toast (YS_PAGE (self), _("The comparison can only be saved on this computer or a mounted drive."), FALSE);
      else if (!ys_diff_write_xlsx (diff, path, &error))
        ys_page_show_message (YS_PAGE (self), _("Could not export the comparison"), error->message);
      else
        {
          g_autofree char *base = g_path_get_basename (path);
          g_autofree char *done = g_strdup_printf (_("Comparison saved as “%s”"), base);
          ys_page_show_toast (YS_PAGE (self), done, FALSE);
        }
    }
  g_clear_object (&self->chooser);
}

static void
on_export_clicked_cb (YsVersionsPage *self)
{
  YsDocument *doc = ys_page_get_document (YS_PAGE (self));
  YsDiff *diff = ys_diff_view_get_diff (self->diff_view);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autofree char *name = NULL;

  if (doc == NULL || diff == NULL || self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Export Comparison"),
                                               GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Excel workbooks"));
  gtk_file_filter_add_suffix (filter, "xlsx");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  file = g_file_new_for_path (ys_document_get_path (doc));
  folder = g_file_get_parent (file);
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, NULL);
  /* Translators: the suggested name of an exported comparison: earlier and later version */
  name = g_strdup_printf (_("%s to %s.xlsx"), ys_diff_get_name (diff, FALSE), ys_diff_get_name (diff, TRUE));
  g_strdelimit (name, "/\\:", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
ys_versions_page_document_changed (YsPage *page)
{
  YsVersionsPage *self = YS_VERSIONS_PAGE (page);

  stop_comparing (self);
  ys_diff_view_set_diff (self->diff_view, NULL);
  gtk_widget_set_sensitive (self->export_button, FALSE);
  ys_versions_page_refresh (self);
}

static void
ys_versions_page_dispose (GObject *object)
{
  YsVersionsPage *self = YS_VERSIONS_PAGE (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  if (self->comparing != NULL)
    g_cancellable_cancel (self->comparing);
  g_clear_object (&self->comparing);
  gtk_widget_dispose_template (GTK_WIDGET (self), YS_TYPE_VERSIONS_PAGE);
  G_OBJECT_CLASS (ys_versions_page_parent_class)->dispose (object);
}

static void
ys_versions_page_class_init (YsVersionsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = ys_versions_page_dispose;
  YS_PAGE_CLASS (klass)->document_changed = ys_versions_page_document_changed;

  g_type_ensure (YS_TYPE_DIFF_VIEW);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/yusuan/Yusuan/ui/ys-versions-page.ui");
  gtk_widget_class_bind_template_child (widget_class, YsVersionsPage, versions_list);
  gtk_widget_class_bind_template_child (widget_class, YsVersionsPage, compare_group);
  gtk_widget_class_bind_template_child (widget_class, YsVersionsPage, from_dropdown);
  gtk_widget_class_bind_template_child (widget_class, YsVersionsPage, to_dropdown);
  gtk_widget_class_bind_template_child (widget_class, YsVersionsPage, from_names);
  gtk_widget_class_bind_template_child (widget_class, YsVersionsPage, to_names);
  gtk_widget_class_bind_template_child (widget_class, YsVersionsPage, compare_button);
  gtk_widget_class_bind_template_child (widget_class, YsVersionsPage, export_button);
  gtk_widget_class_bind_template_child (widget_class, YsVersionsPage, compare_spinner);
  gtk_widget_class_bind_template_child (widget_class, YsVersionsPage, diff_view);
  gtk_widget_class_bind_template_callback (widget_class, on_compare_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_export_clicked_cb);
}

static void
ys_versions_page_init (YsVersionsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_sensitive (self->compare_group, FALSE);
}
