/* The import dialog (see ys-import-dialog.h). The workbook is read and its
 * rows checked in a worker thread, while the window is held: the check looks
 * names up in the budget, which nothing may change meanwhile. The rows are
 * added on Import, in the main thread, as one batch. */
#define G_LOG_DOMAIN "yusuan"

#include "config.h"

#include <glib/gi18n.h>

#include "ys-catalog.h"
#include "ys-control.h"
#include "ys-import-dialog.h"
#include "ys-import-preview.h"
#include "ys-money.h"

struct _YsImportDialog
{
  AdwWindow        parent_instance;

  /* template */
  AdwWindowTitle  *window_title;
  GtkWidget       *import_button;
  GtkLabel        *file_label;
  GtkWidget       *choose_button;
  GtkDropDown     *sheet_dropdown;
  GtkDropDown     *unit_dropdown;
  GtkStack        *stack;
  GtkLabel        *loading_label;
  GtkProgressBar  *progress_bar;
  GtkButton       *stop_button;
  AdwStatusPage   *error_page;
  GtkBox          *mapping_box;
  GtkColumnView   *column_view;
  GtkWidget       *footer_box;
  GtkLabel        *counts_label;
  GtkToggleButton *problems_button;
  GtkWidget       *exclude_button;

  YsDocument      *document;
  YsValidator     *validator;     /* held while the rows go in, may be NULL */
  const YsKind    *kind;
  YsImportPreview *preview;
  YsSheetImport   *import;
  GFile           *file;
  GCancellable    *cancellable;   /* of the reading in progress */
  guint            progress_timer;
  gint             done, total;   /* rows checked so far, set by the worker */
  GtkFileChooserNative *chooser;
  gboolean         updating;
  gboolean         committing;
  gboolean         close_wanted;  /* while committing: closed once it stopped */
};

G_DEFINE_FINAL_TYPE (YsImportDialog, ys_import_dialog, ADW_TYPE_WINDOW)

enum { SIGNAL_IMPORTED, N_SIGNALS };
static guint signals[N_SIGNALS];

gboolean
ys_import_dialog_supports (const YsKind *kind)
{
  return kind == &ys_line_kind || kind == &ys_income_kind || kind == &ys_project_kind
         || kind == &ys_indicator_kind || kind == &ys_procurement_kind || kind == &ys_prior_year_kind
         || kind == &ys_control_kind;
}

/* Counts */

/* @format holds one %u, for @n. */
static void
append_count (GString    *text,
              const char *format,
              guint       n)
{
  if (text->len > 0)
    /* Translators: between the counts under the import preview */
    g_string_append (text, _("; "));
  g_string_append_printf (text, format, n);
}

static void
update_counts (YsImportDialog *self)
{
  YsSheetImportCounts counts = { 0 };
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *label = NULL;

  if (self->import != NULL)
    ys_sheet_import_get_counts (self->import, &counts);
  append_count (text, g_dngettext (GETTEXT_PACKAGE, "%u row to import", "%u rows to import", counts.data),
                counts.data);
  if (counts.subtotals > 0)
    append_count (text, g_dngettext (GETTEXT_PACKAGE, "%u subtotal or total row skipped",
                                     "%u subtotal or total rows skipped", counts.subtotals), counts.subtotals);
  if (counts.problems > 0)
    append_count (text, g_dngettext (GETTEXT_PACKAGE, "%u row with problems", "%u rows with problems",
                                     counts.problems), counts.problems);
  if (counts.excluded > 0)
    append_count (text, g_dngettext (GETTEXT_PACKAGE, "%u row left out", "%u rows left out", counts.excluded),
                  counts.excluded);
  if (counts.problems > 0)
    {
      g_string_append (text, _("; "));
      g_string_append (text, _("mend the cells marked in red, or leave their rows out"));
    }
  gtk_label_set_label (self->counts_label, text->str);

  label = counts.data > 0
          ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "_Import %u Row", "_Import %u Rows", counts.data), counts.data)
          : g_strdup (_("_Import"));
  gtk_button_set_label (GTK_BUTTON (self->import_button), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->import_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Import"), -1);
  gtk_widget_set_sensitive (self->import_button, self->import != NULL && counts.problems == 0 && counts.data > 0);
  gtk_widget_set_sensitive (self->exclude_button, counts.problems > 0);
}

static void
preview_changed_cb (gpointer user_data)
{
  update_counts (YS_IMPORT_DIALOG (user_data));
}

/* Showing a preview */

static void
show_unit (YsImportDialog *self)
{
  self->updating = TRUE;
  gtk_drop_down_set_selected (self->unit_dropdown,
                              ys_sheet_import_get_unit (self->import) == YS_MONEY_WAN ? 1 : 0);
  self->updating = FALSE;
}

void
ys_import_dialog_show_import (YsImportDialog *self, YsSheetImport *import)
{
  g_return_if_fail (YS_IS_IMPORT_DIALOG (self));

  g_set_object (&self->import, import);
  ys_import_preview_set_import (self->preview, import);
  gtk_widget_set_sensitive (GTK_WIDGET (self->unit_dropdown), import != NULL);
  gtk_widget_set_sensitive (self->footer_box, import != NULL);
  if (import != NULL)
    {
      if (self->file == NULL)
        gtk_label_set_label (self->file_label, ys_sheet_import_get_source (import));
      show_unit (self);
      gtk_stack_set_visible_child_name (self->stack, "preview");
    }
  update_counts (self);
}

static void
show_error (YsImportDialog *self, const char *message)
{
  adw_status_page_set_description (self->error_page, message);
  ys_import_dialog_show_import (self, NULL);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

/* Reading, in a worker thread */

typedef struct {
  YsDocument    *document;
  const YsKind  *kind;
  char          *path;
  char          *source;
  char          *sheet;      /* NULL: the first visible one */
  char         **sheets;     /* out: every sheet's name */
  guint          chosen;     /* out: the index of the sheet read */
  YsImportDialog *dialog;    /* only its done/total */
} ReadJob;

static void
read_job_free (ReadJob *job)
{
  g_object_unref (job->document);
  g_free (job->path);
  g_free (job->source);
  g_free (job->sheet);
  g_strfreev (job->sheets);
  g_object_unref (job->dialog);
  g_free (job);
}

static void
read_progress_cb (guint done, guint total, gpointer user_data)
{
  ReadJob *job = user_data;

  g_atomic_int_set (&job->dialog->total, (gint) total);
  g_atomic_int_set (&job->dialog->done, (gint) done);
}

static void
read_in_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  ReadJob *job = task_data;
  g_autoptr(YsWorkbook) book = NULL;
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_autoptr(YsSheetImport) import = NULL;
  g_autoptr(GError) error = NULL;
  YsSheet *sheet;

  book = ys_workbook_read (job->path, &error);
  if (book == NULL || g_cancellable_set_error_if_cancelled (cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  sheet = job->sheet ? ys_workbook_find_sheet (book, job->sheet) : ys_workbook_first_sheet (book);
  if (sheet == NULL)
    {
      g_task_return_new_error (task, YS_SHEET_IMPORT_ERROR, YS_SHEET_IMPORT_ERROR_NO_HEADER,
                               _("%s: the workbook has no sheet to import"), job->source);
      return;
    }
  for (guint i = 0; i < book->sheets->len; i++)
    {
      YsSheet *each = g_ptr_array_index (book->sheets, i);

      g_strv_builder_add (names, each->name);
      if (each == sheet)
        job->chosen = i;
    }
  job->sheets = g_strv_builder_end (names);
  /* The import takes the sheet. */
  g_ptr_array_steal_index (book->sheets, job->chosen);
  import = ys_sheet_import_new (job->document, job->kind, sheet, job->source, NULL, &error);
  if (import == NULL
      || !ys_sheet_import_read (import, read_progress_cb, job, cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_pointer (task, g_steal_pointer (&import), g_object_unref);
}

static void
set_reading (YsImportDialog *self, gboolean reading)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  /* The budget is read while the rows are checked: held still meanwhile. */
  if (parent != NULL)
    gtk_widget_set_sensitive (GTK_WIDGET (parent), !reading);
  gtk_widget_set_sensitive (self->choose_button, !reading);
  gtk_widget_set_sensitive (GTK_WIDGET (self->sheet_dropdown), !reading && self->file != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->unit_dropdown), !reading && self->import != NULL);
  if (!reading)
    g_clear_handle_id (&self->progress_timer, g_source_remove);
}

static gboolean
progress_cb (gpointer user_data)
{
  YsImportDialog *self = user_data;
  gint total = g_atomic_int_get (&self->total);
  gint done = g_atomic_int_get (&self->done);

  if (total <= 0)
    gtk_progress_bar_pulse (self->progress_bar);
  else
    {
      g_autofree char *text = g_strdup_printf (_("%d of %d rows checked"), done, total);

      gtk_label_set_label (self->loading_label, _("Checking the rows…"));
      gtk_progress_bar_set_fraction (self->progress_bar, (double) done / total);
      gtk_progress_bar_set_text (self->progress_bar, text);
    }
  return G_SOURCE_CONTINUE;
}

static void
show_sheets (YsImportDialog *self, char **sheets, guint chosen)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new ((const char *const *) sheets);

  self->updating = TRUE;
  gtk_drop_down_set_model (self->sheet_dropdown, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (self->sheet_dropdown, chosen);
  self->updating = FALSE;
}

static void
read_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  YsImportDialog *self = YS_IMPORT_DIALOG (source);
  ReadJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(YsSheetImport) import = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_task_get_cancellable (G_TASK (result)) == self->cancellable)
    {
      g_clear_object (&self->cancellable);
      set_reading (self, FALSE);
    }
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      if (gtk_widget_get_visible (GTK_WIDGET (self)))
        gtk_stack_set_visible_child_name (self->stack, self->import ? "preview" : "empty");
      return;
    }
  if (job->sheets != NULL)
    show_sheets (self, job->sheets, job->chosen);
  if (import == NULL)
    {
      show_error (self, error->message);
      return;
    }
  ys_import_dialog_show_import (self, import);
}

static void
start_reading (YsImportDialog *self, const char *sheet)
{
  g_autoptr(GTask) task = NULL;
  ReadJob *job;
  g_autofree char *path = g_file_get_path (self->file);
  g_autofree char *base = g_file_get_basename (self->file);

  if (path == NULL)
    {
      show_error (self, _("Only a file on this computer can be imported"));
      return;
    }
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_set_object (&self->cancellable, g_cancellable_new ());

  /* Catalogs load from the budget file on first use: here, not in the worker. */
  for (int k = 0; k < YS_CATALOG_N_KINDS; k++)
    ys_document_get_catalog (self->document, k);

  job = g_new0 (ReadJob, 1);
  job->document = g_object_ref (self->document);
  job->kind = self->kind;
  job->path = g_steal_pointer (&path);
  job->source = g_steal_pointer (&base);
  job->sheet = g_strdup (sheet);
  job->dialog = g_object_ref (self);
  g_atomic_int_set (&self->done, 0);
  g_atomic_int_set (&self->total, 0);

  gtk_label_set_label (self->file_label, job->source);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->file_label), job->path);
  gtk_label_set_label (self->loading_label, _("Reading the workbook…"));
  gtk_button_set_label (self->stop_button, _("_Stop Reading"));
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_progress_bar_set_text (self->progress_bar, "");
  gtk_stack_set_visible_child_name (self->stack, "loading");
  set_reading (self, TRUE);
  self->progress_timer = g_timeout_add (100, progress_cb, self);

  task = g_task_new (self, self->cancellable, read_done_cb, NULL);
  g_task_set_source_tag (task, start_reading);
  g_task_set_task_data (task, job, (GDestroyNotify) read_job_free);
  g_task_run_in_thread (task, read_in_thread);
}

void
ys_import_dialog_set_validator (YsImportDialog *self, YsValidator *validator)
{
  g_return_if_fail (YS_IS_IMPORT_DIALOG (self));

  g_set_object (&self->validator, validator);
}

void
ys_import_dialog_open_file (YsImportDialog *self, GFile *file)
{
  g_return_if_fail (YS_IS_IMPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  g_set_object (&self->file, file);
  start_reading (self, NULL);
}

/* Choosing a file */

static void
on_chooser_response_cb (YsImportDialog *self, int response, GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      ys_import_dialog_open_file (self, file);
    }
  g_clear_object (&self->chooser);
}

void
ys_import_dialog_choose_file (YsImportDialog *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  g_return_if_fail (YS_IS_IMPORT_DIALOG (self));

  if (self->chooser != NULL)
    return;
  gtk_file_filter_set_name (filter, _("Workbooks (xlsx, xls, CSV)"));
  gtk_file_filter_add_suffix (filter, "xlsx");
  gtk_file_filter_add_suffix (filter, "xls");
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_filter_add_suffix (filter, "tsv");
  gtk_file_filter_add_suffix (filter, "txt");
  self->chooser = gtk_file_chooser_native_new (_("Choose Workbook"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static gboolean
on_drop_cb (GtkDropTarget *target, const GValue *value, double x, double y, YsImportDialog *self)
{
  GSList *files = g_value_get_boxed (value);

  if (files == NULL || self->cancellable != NULL)
    return FALSE;
  ys_import_dialog_open_file (self, files->data);
  return TRUE;
}

/* Template callbacks */

static void
on_choose_button_clicked_cb (YsImportDialog *self, GtkButton *button)
{
  ys_import_dialog_choose_file (self);
}

static void
on_stop_button_clicked_cb (YsImportDialog *self, GtkButton *button)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

static void
on_sheet_selected_cb (YsImportDialog *self, GParamSpec *pspec, GtkDropDown *dropdown)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (dropdown);

  if (self->updating || self->file == NULL || item == NULL)
    return;
  start_reading (self, gtk_string_object_get_string (item));
}

static void
on_unit_selected_cb (YsImportDialog *self, GParamSpec *pspec, GtkDropDown *dropdown)
{
  if (self->updating || self->import == NULL)
    return;
  ys_sheet_import_set_unit (self->import, gtk_drop_down_get_selected (dropdown) == 1 ? YS_MONEY_WAN : YS_MONEY_YUAN);
  ys_import_preview_refresh (self->preview);
  update_counts (self);
}

static void
on_problems_button_toggled_cb (YsImportDialog *self, GtkToggleButton *button)
{
  ys_import_preview_set_problems_only (self->preview, gtk_toggle_button_get_active (button));
}

static void
on_exclude_button_clicked_cb (YsImportDialog *self, GtkButton *button)
{
  if (self->import == NULL)
    return;
  ys_sheet_import_exclude_problems (self->import);
  ys_import_preview_refresh (self->preview);
  update_counts (self);
}

/* Adding the rows happens in the main thread, where the budget lives; the
 * bar is drawn and 停止导入 heard between slices of rows, the budget window
 * held meanwhile. */
static void
commit_progress_cb (guint    done,
                    guint    total,
                    gpointer user_data)
{
  YsImportDialog *self = user_data;
  g_autofree char *text = g_strdup_printf (_("%u of %u rows imported"), done, total);

  gtk_progress_bar_set_fraction (self->progress_bar, total > 0 ? (double) done / total : 1.0);
  gtk_progress_bar_set_text (self->progress_bar, text);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static void
show_failure (YsImportDialog *self, const char *message)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                                         _("Nothing Was Imported"),
                                                                         message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_import_button_clicked_cb (YsImportDialog *self, GtkButton *button)
{
  g_autoptr(GError) error = NULL;
  guint inserted = 0;
  gboolean ok;

  if (self->import == NULL || self->committing)
    return;
  self->committing = TRUE;
  g_set_object (&self->cancellable, g_cancellable_new ());
  gtk_label_set_label (self->loading_label, _("Importing the rows…"));
  gtk_button_set_label (self->stop_button, _("_Stop Importing"));
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_progress_bar_set_text (self->progress_bar, "");
  gtk_stack_set_visible_child_name (self->stack, "loading");
  gtk_widget_set_sensitive (self->import_button, FALSE);
  gtk_widget_set_sensitive (self->footer_box, FALSE);
  set_reading (self, TRUE);
  /* The rules run once over what came in, not once per row. */
  if (self->validator != NULL)
    ys_validator_freeze (self->validator);
  ok = ys_sheet_import_commit (self->import, commit_progress_cb, self, self->cancellable, &inserted, &error);
  if (self->validator != NULL)
    ys_validator_thaw (self->validator);
  self->committing = FALSE;
  g_clear_object (&self->cancellable);
  set_reading (self, FALSE);
  if (ok)
    {
      g_signal_emit (self, signals[SIGNAL_IMPORTED], 0, inserted);
      gtk_window_close (GTK_WINDOW (self));
      return;
    }
  if (self->close_wanted)
    {
      gtk_window_close (GTK_WINDOW (self));
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "preview");
  gtk_widget_set_sensitive (self->footer_box, TRUE);
  update_counts (self);
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_failure (self, error->message);
}

/* GObject */

static gboolean
ys_import_dialog_close_request (GtkWindow *window)
{
  YsImportDialog *self = YS_IMPORT_DIALOG (window);

  /* Stopped first: the rows added so far are taken back, then it closes. */
  if (self->committing)
    {
      self->close_wanted = TRUE;
      g_cancellable_cancel (self->cancellable);
      return TRUE;
    }
  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
      set_reading (self, FALSE);
    }
  return GTK_WINDOW_CLASS (ys_import_dialog_parent_class)->close_request (window);
}

static void
ys_import_dialog_dispose (GObject *object)
{
  YsImportDialog *self = YS_IMPORT_DIALOG (object);

  g_clear_handle_id (&self->progress_timer, g_source_remove);
  g_clear_pointer (&self->preview, ys_import_preview_free);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->import);
  g_clear_object (&self->file);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->document);
  g_clear_object (&self->validator);
  gtk_widget_dispose_template (GTK_WIDGET (self), YS_TYPE_IMPORT_DIALOG);

  G_OBJECT_CLASS (ys_import_dialog_parent_class)->dispose (object);
}

static void
ys_import_dialog_class_init (YsImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = ys_import_dialog_dispose;
  window_class->close_request = ys_import_dialog_close_request;

  signals[SIGNAL_IMPORTED] =
    g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/yusuan/Yusuan/ui/ys-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, YsImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, YsImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, YsImportDialog, file_label);
  gtk_widget_class_bind_template_child (widget_class, YsImportDialog, choose_button);
  gtk_widget_class_bind_template_child (widget_class, YsImportDialog, sheet_dropdown);
  gtk_widget_class_bind_template_child (widget_class, YsImportDialog, unit_dropdown);
  gtk_widget_class_bind_template_child (widget_class, YsImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, YsImportDialog, loading_label);
  gtk_widget_class_bind_template_child (widget_class, YsImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, YsImportDialog, stop_button);
  gtk_widget_class_bind_template_child (widget_class, YsImportDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, YsImportDialog, mapping_box);
  gtk_widget_class_bind_template_child (widget_class, YsImportDialog, column_view);
  gtk_widget_class_bind_template_child (widget_class, YsImportDialog, footer_box);
  gtk_widget_class_bind_template_child (widget_class, YsImportDialog, counts_label);
  gtk_widget_class_bind_template_child (widget_class, YsImportDialog, problems_button);
  gtk_widget_class_bind_template_child (widget_class, YsImportDialog, exclude_button);
  gtk_widget_class_bind_template_callback (widget_class, on_import_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_choose_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sheet_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_unit_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_problems_button_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_exclude_button_clicked_cb);
}

static void
ys_import_dialog_init (YsImportDialog *self)
{
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->preview = ys_import_preview_new (self->column_view, self->mapping_box, preview_changed_cb, self);
  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
  update_counts (self);
}

YsImportDialog *
ys_import_dialog_new (GtkWindow *parent, YsDocument *document, const YsKind *kind)
{
  YsImportDialog *self;
  /* Translators: the subtitle of the import dialog: the table the rows go into */
  g_autofree char *subtitle = g_strdup_printf (_("Into %s"), _(kind->label));

  g_return_val_if_fail (YS_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (ys_import_dialog_supports (kind), NULL);

  self = g_object_new (YS_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  self->kind = kind;
  adw_window_title_set_subtitle (self->window_title, subtitle);
  return self;
}
