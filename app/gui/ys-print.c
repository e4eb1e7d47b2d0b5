/* GtkPrintOperation over the publication's pages. The layout is made once,
 * before the dialog, and drawn page by page onto the printer's cairo
 * context, in points from the paper's corner as on the PDF's pages. */
#define G_LOG_DOMAIN "yusuan"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ys-pages.h"
#include "ys-print.h"

/* The printer and its options chosen last, for the next print this session. */
static GtkPrintSettings *last_settings;

typedef struct
{
  YsPublication *pub;
  YsPages       *pages;
  gboolean       reported;  /* an error was shown already */
} PrintJob;

static void
print_job_free (PrintJob *job)
{
  g_clear_pointer (&job->pages, ys_pages_free);
  g_clear_pointer (&job->pub, ys_publication_free);
  g_free (job);
}

static void
on_request_page_setup_cb (GtkPrintOperation *operation,
                          GtkPrintContext   *context,
                          int                page_nr,
                          GtkPageSetup      *setup,
                          PrintJob          *job)
{
  gtk_page_setup_set_orientation (setup, ys_pages_is_landscape (job->pages, page_nr)
                                         ? GTK_PAGE_ORIENTATION_LANDSCAPE : GTK_PAGE_ORIENTATION_PORTRAIT);
}

static void
on_draw_page_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page_nr,
                 PrintJob          *job)
{
  /* The context is turned for a landscape page already. */
  ys_pages_draw (job->pages, gtk_print_context_get_cairo_context (context), page_nr);
}

static void
report_error (GtkPrintOperation *operation,
              GtkWindow         *parent,
              const GError      *error)
{
  PrintJob *job = g_object_get_data (G_OBJECT (operation), "ys-print-job");
  GtkWidget *dialog;

  if (job->reported)
    return;
  job->reported = TRUE;
  dialog = adw_message_dialog_new (parent, _("Could not print"), error ? error->message : NULL);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_done_cb (GtkPrintOperation       *operation,
            GtkPrintOperationResult  result,
            GtkWindow               *parent)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    g_set_object (&last_settings, gtk_print_operation_get_print_settings (operation));
  else if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      report_error (operation, parent, error);
    }
}

void
ys_print_publication (GtkWindow     *parent,
                      YsPublication *pub,
                      const char    *job_name)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autoptr(GError) error = NULL;
  const char *to_file = g_getenv ("YUSUAN_PRINT_TO_FILE");
  PrintJob *job = g_new0 (PrintJob, 1);
  GtkPrintOperationResult result;

  job->pub = pub;
  job->pages = ys_pages_new (pub);

  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_print_operation_set_default_page_setup (operation, setup);
  if (last_settings != NULL)
    gtk_print_operation_set_print_settings (operation, last_settings);
  gtk_print_operation_set_job_name (operation, job_name);
  gtk_print_operation_set_n_pages (operation, (int) ys_pages_count (job->pages));
  /* The pages carry their own margins, as on the PDF. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect (operation, "request-page-setup", G_CALLBACK (on_request_page_setup_cb), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page_cb), job);
  g_signal_connect_object (operation, "done", G_CALLBACK (on_done_cb), parent, 0);
  g_object_set_data_full (G_OBJECT (operation), "ys-print-job", job, (GDestroyNotify) print_job_free);

  if (to_file != NULL && *to_file != '\0')
    {
      gtk_print_operation_set_export_filename (operation, to_file);
      result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, parent, &error);
    }
  else
    result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, &error);

  /* A run that fails at once may not say so through "done". */
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    report_error (operation, parent, error);
}
