/* The window's actions for the published document (部门预算公开):
 * win.export-publication writes it as docx or PDF, win.print-publication
 * prints it, win.print (Ctrl+P) prints the table the 报表 page shows or,
 * elsewhere, the whole document.
 *
 * The export reads a copy of the budget taken when it starts
 * (ys-read-copy.h), in a worker thread: the window stays usable and
 * nothing the accountant does meanwhile reaches the thread. Cancel stops
 * the writing between pages and leaves any file of that name as it was. */
#define G_LOG_DOMAIN "yusuan"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ys-export-confirm.h"
#include "ys-i18n.h"
#include "ys-overview-page.h"
#include "ys-print.h"
#include "ys-publication.h"
#include "ys-read-copy.h"
#include "ys-reports-page.h"
#include "ys-thread-progress.h"
#include "ys-window-private.h"

typedef struct
{
  YsReadCopy       *copy;        /* the budget as it was when the export began */
  char             *layout_id;
  char             *path;        /* the document to write */
  GCancellable     *cancellable;
  YsThreadProgress *progress;    /* the progress dialog's bar */
  AdwMessageDialog *dialog;      /* main thread only; NULL once destroyed with the window */
  gboolean          incomplete;  /* a 情况说明 section says a fact is missing */
} PublishJob;

static void
publish_job_free (PublishJob *job)
{
  g_clear_pointer (&job->copy, ys_read_copy_free);
  g_free (job->layout_id);
  g_free (job->path);
  g_clear_object (&job->cancellable);
  g_clear_pointer (&job->progress, ys_thread_progress_unref);
  if (job->dialog != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (job->dialog), (gpointer *) &job->dialog);
      gtk_window_destroy (GTK_WINDOW (job->dialog));
    }
  g_free (job);
}

static YsReportsPage *
reports_page (YsWindow *self)
{
  return YS_REPORTS_PAGE (gtk_stack_get_child_by_name (self->page_stack, "reports"));
}

/* What is typed on the 概况 page and not saved yet goes into what is written. */
static void
flush_overview (YsWindow *self)
{
  GtkWidget *page = gtk_stack_get_child_by_name (self->page_stack, "overview");

  if (page != NULL)
    ys_overview_page_flush (YS_OVERVIEW_PAGE (page));
}

/* One export at a time; none without a budget. */
static void
set_exporting (YsWindow *self,
               gboolean  exporting)
{
  g_object_set_data (G_OBJECT (self), "ys-publishing", GINT_TO_POINTER (exporting));
  ys_window_publish_update_actions (self);
}

void
ys_window_publish_update_actions (YsWindow *self)
{
  static const char *const names[] = { "export-publication", "print-publication", "print" };
  gboolean exporting = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (self), "ys-publishing"));

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), names[i]);

      if (action != NULL)
        g_simple_action_set_enabled (G_SIMPLE_ACTION (action), self->document != NULL && !exporting);
    }
}

/* Reading the copy and building the document is about a fifth of the work. */
static void
write_progress_cb (double   fraction,
                   gpointer user_data)
{
  PublishJob *job = user_data;

  ys_thread_progress_report (job->progress, 0.2 + 0.8 * fraction, NULL);
}

/* Export, in the worker thread */

static void
publish_in_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  PublishJob *job = task_data;
  YsDocument *document;
  g_autoptr(YsLayout) layout = NULL;
  g_autoptr(YsPublication) pub = NULL;
  YsPublishOptions options = { .charts = TRUE };
  GError *error = NULL;

  /* The document is published in Chinese. Pool threads are reused: set back below. */
  ys_i18n_set_chinese (TRUE);
  document = ys_read_copy_open (job->copy, &error);
  if (document != NULL)
    {
      ys_thread_progress_report (job->progress, 0.05, NULL);
      layout = ys_layout_load_bundled (job->layout_id, &error);
    }
  if (layout != NULL && !g_cancellable_set_error_if_cancelled (cancellable, &error))
    pub = ys_publication_build (document, layout, &options, &error);
  if (pub != NULL && !g_cancellable_set_error_if_cancelled (cancellable, &error))
    {
      ys_thread_progress_report (job->progress, 0.2, NULL);
      job->incomplete = pub->incomplete;
      ys_publication_write_cancellable (pub, job->path, write_progress_cb, job, cancellable, &error);
    }
  ys_i18n_set_chinese (FALSE);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_open_file_clicked_cb (AdwToast *toast,
                         GFile    *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  GtkApplication *app = GTK_APPLICATION (g_application_get_default ());

  /* GtkFileLauncher is GTK 4.10; 4.8 has this. */
  gtk_show_uri (app ? gtk_application_get_active_window (app) : NULL, uri, GDK_CURRENT_TIME);
}

static void
publish_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  YsWindow *self = YS_WINDOW (source);
  PublishJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (job->path);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *title = NULL;
  AdwToast *toast;

  set_exporting (self, FALSE);
  if (job->dialog != NULL)
    gtk_widget_set_visible (GTK_WIDGET (job->dialog), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          adw_toast_overlay_add_toast (self->toast_overlay,
                                       adw_toast_new (_("Export cancelled: nothing was written")));
        }
      else
        ys_window_show_error (self, _("Could not export the published document"), error->message);
      return;
    }

  if (job->incomplete)
    /* Translators: a notice after the export; %s is the document's file name */
    title = g_strdup_printf (_("Exported “%s”; some sections say a fact is missing"), name);
  else
    title = g_strdup_printf (_("Exported “%s”"), name);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("Open Document"));
  adw_toast_set_timeout (toast, 10);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_open_file_clicked_cb),
                         g_object_ref (file), (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
on_progress_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         GCancellable     *cancellable)
{
  g_cancellable_cancel (cancellable);
}

static AdwMessageDialog *
progress_dialog_new (YsWindow   *self,
                     PublishJob *job)
{
  g_autoptr(GFile) file = g_file_new_for_path (job->path);
  g_autofree char *name = g_file_get_basename (file);
  /* Translators: %s is the file name of the document being written */
  g_autofree char *body = g_strdup_printf (_("Writing “%s”. The budget can be changed meanwhile; the document shows it as it was when the export began."),
                                           name);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Exporting the Published Document…"), body);
  GtkWidget *bar = gtk_progress_bar_new ();

  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Export Progress"), -1);
  gtk_progress_bar_set_show_text (GTK_PROGRESS_BAR (bar), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), bar);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_window_set_hide_on_close (GTK_WINDOW (dialog), TRUE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_progress_response_cb), job->cancellable, 0);
  job->progress = ys_thread_progress_new (GTK_PROGRESS_BAR (bar));
  return ADW_MESSAGE_DIALOG (dialog);
}

static void
start_export (YsWindow   *self,
              const char *path)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  PublishJob *job = g_new0 (PublishJob, 1);

  job->path = g_strdup (path);
  job->layout_id = g_strdup (ys_reports_page_get_layout_id (reports_page (self)));
  if (job->layout_id == NULL)
    job->layout_id = g_strdup (ys_document_get_meta (self->document, "region"));
  job->cancellable = g_cancellable_new ();
  flush_overview (self);
  job->copy = ys_read_copy_new (self->document, &error);
  if (job->copy == NULL)
    {
      ys_window_show_error (self, _("Could not export the published document"), error->message);
      publish_job_free (job);
      return;
    }

  job->dialog = progress_dialog_new (self, job);
  g_object_add_weak_pointer (G_OBJECT (job->dialog), (gpointer *) &job->dialog);
  gtk_window_present (GTK_WINDOW (job->dialog));
  set_exporting (self, TRUE);

  task = g_task_new (self, job->cancellable, publish_done_cb, NULL);
  g_task_set_source_tag (task, start_export);
  g_task_set_task_data (task, job, (GDestroyNotify) publish_job_free);
  g_task_run_in_thread (task, publish_in_thread);
}

static void
on_chooser_response_cb (YsWindow             *self,
                        int                   response,
                        GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT && self->document != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autofree char *lower = path ? g_ascii_strdown (path, -1) : NULL;

      if (path == NULL)
        adw_toast_overlay_add_toast (self->toast_overlay,
                                     adw_toast_new (_("Documents can only be exported to this computer or a mounted drive.")));
      else
        {
          if (!g_str_has_suffix (lower, ".pdf") && !g_str_has_suffix (lower, ".docx"))
            {
              /* The filter chosen says which, PDF unless it is Word's. */
              GtkFileFilter *filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (chooser));
              gboolean word = filter != NULL && g_strcmp0 (g_object_get_data (G_OBJECT (filter), "ys-suffix"), ".docx") == 0;
              char *with_suffix = g_strconcat (path, word ? ".docx" : ".pdf", NULL);

              g_free (path);
              path = with_suffix;
            }
          start_export (self, path);
        }
    }
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_object_unref (chooser);
}

static void
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char     *suffix,
            const char     *mime_type)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_suffix (filter, suffix + 1);
  gtk_file_filter_add_mime_type (filter, mime_type);
  g_object_set_data (G_OBJECT (filter), "ys-suffix", (gpointer) suffix);
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
choose_file (GObject *object)
{
  YsWindow *self = YS_WINDOW (object);
  GtkFileChooserNative *chooser;
  g_autoptr(GFile) budget = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autofree char *name = NULL;

  if (self->document == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Export Published Document"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  add_filter (GTK_FILE_CHOOSER (chooser), _("PDF documents"), ".pdf", "application/pdf");
  add_filter (GTK_FILE_CHOOSER (chooser), _("Word documents"), ".docx",
              "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

  /* Beside the budget file, where the accountant keeps its papers. */
  budget = g_file_new_for_path (ys_document_get_path (self->document));
  folder = g_file_get_parent (budget);
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  /* Translators: the suggested name of the published document: department and year */
  name = g_strdup_printf (_("%1$s %2$d Department Budget"), ys_document_get_meta (self->document, "dept_name"),
                          ys_document_get_year (self->document));
  g_strdelimit (name, "/\\:", '-');
  {
    g_autofree char *with_suffix = g_strconcat (g_strstrip (name), ".pdf", NULL);
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), with_suffix);
  }
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_chooser_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_publication_activated (GSimpleAction *action,
                              GVariant      *parameter,
                              gpointer       user_data)
{
  YsWindow *self = user_data;

  if (self->document == NULL)
    return;
  ys_export_confirm_errors (GTK_WIDGET (self), self->validator, _("The published document"),
                            choose_file, G_OBJECT (self));
}

/* Printing */

static void
print_publication (YsWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsLayout) layout = NULL;
  YsPublication *pub = NULL;
  YsPublishOptions options = { .charts = TRUE };
  const char *layout_id = ys_reports_page_get_layout_id (reports_page (self));
  gboolean chinese = ys_i18n_get_chinese ();

  if (self->document == NULL)
    return;
  flush_overview (self);
  layout = ys_layout_load_bundled (layout_id ? layout_id : ys_document_get_meta (self->document, "region"), &error);
  ys_i18n_set_chinese (TRUE);
  if (layout != NULL)
    pub = ys_publication_build (self->document, layout, &options, &error);
  ys_i18n_set_chinese (chinese);
  if (pub == NULL)
    {
      ys_window_show_error (self, _("Could not print"), error->message);
      return;
    }
  {
    g_autofree char *job_name = g_strdup (pub->title);
    ys_print_publication (GTK_WINDOW (self), pub, job_name);
  }
}

static void
print_publication_activated (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  print_publication (user_data);
}

/* Ctrl+P: what the page shows, the table on the 报表 page. */
static void
print_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  YsWindow *self = user_data;

  if (self->document == NULL)
    return;
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->page_stack), "reports") == 0
      && ys_reports_page_print_table (reports_page (self)))
    return;
  print_publication (self);
}

static const GActionEntry publish_actions[] = {
  { .name = "export-publication", .activate = export_publication_activated },
  { .name = "print-publication", .activate = print_publication_activated },
  { .name = "print", .activate = print_activated },
};

void
ys_window_publish_install_actions (YsWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), publish_actions,
                                   G_N_ELEMENTS (publish_actions), self);
}
