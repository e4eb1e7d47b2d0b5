/* 报表: each official table previewed as it will be exported, for the whole
 * department or one unit, in the layout of a chosen region, and the export
 * of them all into an xlsx workbook.
 *
 * The tables are computed again after the budget changes, but only while
 * the page is shown. The export runs in a worker thread: building and
 * writing 100,000 line items takes a second or two. The worker reads a copy
 * of the budget taken when the export starts (ys-read-copy.h), never the
 * document the window changes.
 *
 * The workbook is for publication: it has no 审核结果 sheet and, while 错误
 * findings remain, the accountant is asked first. The reviewer's workbook
 * (the tables with the 审核结果 sheet) is a separate export. Ctrl+P prints
 * the table shown, through the pages of the published document. */
#define G_LOG_DOMAIN "yusuan"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ys-application.h"
#include "ys-export-confirm.h"
#include "ys-i18n.h"
#include "ys-kinds.h"
#include "ys-read-copy.h"
#include "ys-print.h"
#include "ys-report-view.h"
#include "ys-reports-page.h"
#include "ys-review-sheet.h"
#include "ys-thread-progress.h"
#include "ys-validator.h"
#include "ys-xlsx-export.h"

/* Quiet time after an edit before the tables are computed again. */
#define REBUILD_DELAY_MS 400

struct _YsReportsPage
{
  YsPage                parent_instance;

  /* template */
  GtkDropDown          *table_dropdown;
  GtkStringList        *table_names;
  GtkDropDown          *scope_dropdown;
  GtkStringList        *scope_names;
  GtkDropDown          *layout_dropdown;
  GtkStringList        *layout_names;
  GtkWidget            *export_button;
  GtkStack             *stack;
  AdwStatusPage        *error_page;
  YsReportView         *view;
  AdwMessageDialog     *progress_dialog;
  GtkProgressBar       *progress_bar;

  GPtrArray            *layout_ids;    /* char *, in the order of layout_names */
  GPtrArray            *scope_codes;   /* char *, in the order of scope_names; "" is the department */
  YsLayout             *layout;        /* loaded for the chosen layout id */
  char                 *layout_id;
  GPtrArray            *tables;        /* YsReportTable of the last build */
  gboolean              dirty;         /* the budget changed since the tables were built */
  gboolean              updating;      /* refilling a drop-down: not the user's choice */
  guint                 rebuild_timeout;
  GtkFileChooserNative *chooser;
  gboolean              exporting;
  gboolean              with_review;   /* the export chosen is the reviewer's workbook */
};

G_DEFINE_FINAL_TYPE (YsReportsPage, ys_reports_page, YS_TYPE_PAGE)


/* The bundled layouts the accountants know by their region, in this order;
 * any other bundled layout follows under its own name. */
static const struct {
  const char *id;
  const char *label;
} known_layouts[] = {
  { "anhui", N_("Anhui") },
  { "hebei", N_("Hebei") },
  { "shanxi", N_("Shanxi") },
  { "national", N_("Ministry of Finance standard") },
};

static void rebuild (YsReportsPage *self);

static const char *
selected_scope (YsReportsPage *self)
{
  guint i = gtk_drop_down_get_selected (self->scope_dropdown);

  if (i >= self->scope_codes->len)
    return NULL;
  return *(char *) g_ptr_array_index (self->scope_codes, i) ? g_ptr_array_index (self->scope_codes, i) : NULL;
}

static const char *
selected_layout_id (YsReportsPage *self)
{
  guint i = gtk_drop_down_get_selected (self->layout_dropdown);

  return i < self->layout_ids->len ? g_ptr_array_index (self->layout_ids, i) : NULL;
}

/* Layouts */

static void
fill_layouts (YsReportsPage *self)
{
  const char *const *bundled = ys_layout_bundled_names ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

  for (guint k = 0; k < G_N_ELEMENTS (known_layouts); k++)
    if (g_strv_contains (bundled, known_layouts[k].id))
      {
        g_ptr_array_add (self->layout_ids, g_strdup (known_layouts[k].id));
        g_ptr_array_add (labels, g_strdup (_(known_layouts[k].label)));
      }
  for (guint i = 0; bundled[i] != NULL; i++)
    {
      g_autoptr(YsLayout) layout = NULL;
      gboolean known = FALSE;

      for (guint k = 0; k < G_N_ELEMENTS (known_layouts); k++)
        known |= g_str_equal (bundled[i], known_layouts[k].id);
      if (known)
        continue;
      /* A region added as a data file is shown by the name it gives itself. */
      layout = ys_layout_load_bundled (bundled[i], NULL);
      g_ptr_array_add (self->layout_ids, g_strdup (bundled[i]));
      g_ptr_array_add (labels, g_strdup (layout && layout->name ? layout->name : bundled[i]));
    }
  g_ptr_array_add (labels, NULL);
  gtk_string_list_splice (self->layout_names, 0, 0, (const char *const *) labels->pdata);
}

static GSettings *
get_settings (void)
{
  GApplication *app = g_application_get_default ();

  return YS_IS_APPLICATION (app) ? ys_application_get_settings (YS_APPLICATION (app)) : NULL;
}

/* The layout last chosen for this budget file, or NULL. */
static char *
remembered_layout (YsReportsPage *self)
{
  YsDocument *document = ys_page_get_document (YS_PAGE (self));
  GSettings *settings = get_settings ();
  g_autoptr(GVariant) layouts = NULL;
  char *id = NULL;

  if (document == NULL || settings == NULL)
    return NULL;
  layouts = g_settings_get_value (settings, "report-layouts");
  g_variant_lookup (layouts, ys_document_get_path (document), "s", &id);
  return id;
}

static void
remember_layout (YsReportsPage *self,
                 const char    *id)
{
  YsDocument *document = ys_page_get_document (YS_PAGE (self));
  GSettings *settings = get_settings ();
  g_autoptr(GVariant) layouts = NULL;
  GVariantBuilder builder;
  GVariantIter iter;
  const char *path, *value;

  if (document == NULL || settings == NULL || id == NULL)
    return;
  layouts = g_settings_get_value (settings, "report-layouts");
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{ss}"));
  g_variant_iter_init (&iter, layouts);
  while (g_variant_iter_next (&iter, "{&s&s}", &path, &value))
    if (!g_str_equal (path, ys_document_get_path (document)))
      g_variant_builder_add (&builder, "{ss}", path, value);
  g_variant_builder_add (&builder, "{ss}", ys_document_get_path (document), id);
  g_settings_set_value (settings, "report-layouts", g_variant_builder_end (&builder));
}

/* The layout chosen for this budget before, or else its region's. */
static void
select_document_layout (YsReportsPage *self)
{
  g_autofree char *remembered = remembered_layout (self);
  const char *region = remembered ? remembered
                       : ys_page_get_document (YS_PAGE (self)) ? ys_document_get_meta (ys_page_get_document (YS_PAGE (self)), "region")
                       : NULL;

  for (guint i = 0; region != NULL && i < self->layout_ids->len; i++)
    if (g_str_equal (region, g_ptr_array_index (self->layout_ids, i)))
      {
        gtk_drop_down_set_selected (self->layout_dropdown, i);
        return;
      }
}

/* Scope: the department or one of its units */

static void
fill_scopes (YsReportsPage *self)
{
  g_autofree char *was = g_strdup (selected_scope (self));
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  GListModel *units;
  guint selected = 0;

  g_ptr_array_set_size (self->scope_codes, 0);
  g_ptr_array_add (self->scope_codes, g_strdup (""));
  g_ptr_array_add (labels, g_strdup (_("Whole Department")));

  if (ys_page_get_document (YS_PAGE (self)) != NULL)
    {
      units = ys_document_get_model (ys_page_get_document (YS_PAGE (self)), &ys_unit_kind);
      for (guint i = 0; i < g_list_model_get_n_items (units); i++)
        {
          g_autoptr(YsRecord) unit = g_list_model_get_item (units, i);
          const char *code = ys_record_get_text (unit, YS_UNIT_CODE);

          if (g_strcmp0 (code, was) == 0)
            selected = self->scope_codes->len;
          g_ptr_array_add (self->scope_codes, g_strdup (code));
          g_ptr_array_add (labels, g_strdup_printf ("%s %s", code, ys_record_get_text (unit, YS_UNIT_NAME)));
        }
    }
  g_ptr_array_add (labels, NULL);

  self->updating = TRUE;
  gtk_string_list_splice (self->scope_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->scope_names)),
                          (const char *const *) labels->pdata);
  gtk_drop_down_set_selected (self->scope_dropdown, selected);
  self->updating = FALSE;
}

/* Tables */

static YsReportTable *
selected_table (YsReportsPage *self)
{
  guint i = gtk_drop_down_get_selected (self->table_dropdown);

  if (self->tables == NULL || i >= self->tables->len)
    return NULL;
  return g_ptr_array_index (self->tables, i);
}

static void
show_selected_table (YsReportsPage *self)
{
  ys_report_view_set_table (self->view, selected_table (self));
}

static void
show_error (YsReportsPage *self,
            const char    *message)
{
  adw_status_page_set_description (self->error_page, message);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

/* The table as the list names it: with the number its sheet has in the
 * workbook (表1, 绩效2 …), so that what is seen here is found there. */
static char *
table_label (YsReportTable *table)
{
  const char *name = table->name ? table->name : table->title;
  const char *space = table->sheet ? strchr (table->sheet, ' ') : NULL;

  if (space == NULL || space == table->sheet)
    return g_strdup (name);
  return g_strdup_printf ("%.*s %s", (int) (space - table->sheet), table->sheet, name);
}

static void
rebuild (YsReportsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tables = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *was = NULL;
  const char *layout_id = selected_layout_id (self);
  YsReportTable *old;
  guint selected = 0;

  g_clear_handle_id (&self->rebuild_timeout, g_source_remove);
  self->dirty = FALSE;
  if (ys_page_get_document (YS_PAGE (self)) == NULL || layout_id == NULL)
    {
      ys_report_view_set_table (self->view, NULL);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  if (self->layout == NULL || g_strcmp0 (self->layout_id, layout_id) != 0)
    {
      g_clear_pointer (&self->layout, ys_layout_free);
      g_free (self->layout_id);
      self->layout_id = g_strdup (layout_id);
      self->layout = ys_layout_load_bundled (layout_id, &error);
      if (self->layout == NULL)
        {
          show_error (self, error->message);
          return;
        }
    }

  tables = ys_report_build (ys_page_get_document (YS_PAGE (self)), self->layout, selected_scope (self), &error);
  if (tables == NULL)
    {
      show_error (self, error->message);
      return;
    }

  /* The same table stays in view as the figures change. */
  old = selected_table (self);
  if (old != NULL)
    was = g_strdup (old->id);
  for (guint i = 0; i < tables->len; i++)
    {
      YsReportTable *table = g_ptr_array_index (tables, i);

      if (g_strcmp0 (table->id, was) == 0)
        selected = i;
      g_ptr_array_add (names, table_label (table));
    }
  g_ptr_array_add (names, NULL);

  self->updating = TRUE;
  /* The drop-down's strings are copies; the old tables can go after. */
  g_clear_pointer (&self->tables, g_ptr_array_unref);
  self->tables = g_steal_pointer (&tables);
  gtk_string_list_splice (self->table_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->table_names)),
                          (const char *const *) names->pdata);
  gtk_drop_down_set_selected (self->table_dropdown, selected);
  self->updating = FALSE;

  show_selected_table (self);
  gtk_stack_set_visible_child_name (self->stack, self->tables->len > 0 ? "preview" : "empty");
}

static gboolean
rebuild_cb (gpointer user_data)
{
  YsReportsPage *self = user_data;

  self->rebuild_timeout = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

static void
queue_rebuild (YsReportsPage *self)
{
  self->dirty = TRUE;
  /* Hidden, the page computes nothing: it catches up when shown. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)) || self->exporting)
    return;
  g_clear_handle_id (&self->rebuild_timeout, g_source_remove);
  self->rebuild_timeout = g_timeout_add (REBUILD_DELAY_MS, rebuild_cb, self);
}

static void
on_document_changed_cb (YsReportsPage *self,
                        YsRecord      *record,
                        guint          type,
                        int            field,
                        YsDocument    *document)
{
  if (record != NULL && ys_record_get_kind (record) == &ys_review_kind)
    return;  /* explanations are not in the tables */
  if (record != NULL && ys_record_get_kind (record) == &ys_unit_kind)
    fill_scopes (self);
  /* A setting: the region may be another now, whose layout is shown unless
   * one was chosen for this budget. */
  if (record == NULL)
    {
      self->updating = TRUE;
      select_document_layout (self);
      self->updating = FALSE;
    }
  queue_rebuild (self);
}

static void
on_table_dropdown_selected_cb (YsReportsPage *self,
                               GParamSpec    *pspec,
                               GtkDropDown   *dropdown)
{
  if (!self->updating)
    show_selected_table (self);
}

static void
on_scope_dropdown_selected_cb (YsReportsPage *self,
                               GParamSpec    *pspec,
                               GtkDropDown   *dropdown)
{
  if (!self->updating && ys_page_get_document (YS_PAGE (self)) != NULL)
    rebuild (self);
}

static void
on_layout_dropdown_selected_cb (YsReportsPage *self,
                                GParamSpec    *pspec,
                                GtkDropDown   *dropdown)
{
  if (ys_page_get_document (YS_PAGE (self)) == NULL)
    return;
  if (!self->updating)
    remember_layout (self, selected_layout_id (self));
  if (!self->updating && gtk_widget_get_mapped (GTK_WIDGET (self)))
    rebuild (self);
  else
    self->dirty = TRUE;
}

/* Export */

typedef struct
{
  YsReadCopy *copy;
  YsLayout   *layout;
  char       *unit_code;
  char       *path;
  gboolean    with_review;
  GWeakRef    page;
  YsThreadProgress *progress;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_pointer (&job->copy, ys_read_copy_free);
  g_clear_pointer (&job->layout, ys_layout_free);
  g_free (job->unit_code);
  g_free (job->path);
  g_weak_ref_clear (&job->page);
  g_clear_pointer (&job->progress, ys_thread_progress_unref);
  g_free (job);
}

/* Called in the worker thread: the bar is moved in the main one. */
static void
export_progress_cb (double      fraction,
                    const char *title,
                    gpointer    user_data)
{
  ExportJob *job = user_data;

  ys_thread_progress_report (job->progress, fraction, title);
}

static void
export_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(YsValidator) review = NULL;
  GError *error = NULL;
  /* The tables need the line items only added up, read from the copy row by
   * row; the review needs them all. */
  YsDocument *document = job->with_review ? ys_read_copy_open (job->copy, &error)
                                          : ys_read_copy_open_streaming (job->copy, &ys_line_kind, &error);

  if (document == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  /* Pool threads are reused: set back below. */
  ys_i18n_set_chinese (TRUE);
  /* For the reviewer the findings travel with the tables, as from
   * yusuan-cli export --with-review. A validator of the worker's own: the
   * window's lives on the main thread. */
  if (job->with_review)
    review = ys_validator_new (document);
  if (ys_review_export_tables (document, job->layout, job->unit_code, review, job->path,
                               export_progress_cb, job, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
  ys_i18n_set_chinese (FALSE);
}

static void
set_busy (YsReportsPage *self,
          gboolean       busy)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  self->exporting = busy;
  /* One export at a time; the budget the worker reads is its own copy. */
  if (root != NULL)
    gtk_widget_set_sensitive (GTK_WIDGET (root), !busy);
  if (busy)
    {
      gtk_progress_bar_set_fraction (self->progress_bar, 0);
      gtk_progress_bar_set_text (self->progress_bar, NULL);
      gtk_window_set_transient_for (GTK_WINDOW (self->progress_dialog), GTK_WINDOW (root));
      gtk_window_present (GTK_WINDOW (self->progress_dialog));
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->progress_dialog), FALSE);
}

static void
on_toast_button_clicked_cb (AdwToast *toast,
                            gpointer  user_data)
{
  GFile *folder = user_data;
  g_autofree char *uri = g_file_get_uri (folder);
  GtkApplication *app = GTK_APPLICATION (g_application_get_default ());
  GtkWindow *parent = app ? gtk_application_get_active_window (app) : NULL;

  /* GtkFileLauncher is GTK 4.10; 4.8 has this. */
  gtk_show_uri (parent, uri, GDK_CURRENT_TIME);
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  YsReportsPage *self = YS_REPORTS_PAGE (source);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (self->progress_dialog == NULL)
    return;  /* the window closed meanwhile */
  set_busy (self, FALSE);
  if (self->dirty)
    queue_rebuild (self);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                  _("Could not export the tables"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  {
    g_autoptr(GFile) file = g_file_new_for_path (job->path);
    g_autofree char *name = g_file_get_basename (file);
    /* Translators: a notice after the export; %s is the workbook's file name */
    g_autofree char *title = g_strdup_printf (_("Exported “%s”"), name);
    AdwToast *toast = adw_toast_new (title);

    adw_toast_set_button_label (toast, _("Open Folder"));
    adw_toast_set_timeout (toast, 10);
    g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_toast_button_clicked_cb),
                           g_file_get_parent (file), (GClosureNotify) (void (*) (void)) g_object_unref, 0);
    ys_page_add_toast (YS_PAGE (self), toast);
  }
}

static void
start_export (YsReportsPage *self,
              const char    *path)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  ExportJob *job;
  YsLayout *layout;

  /* The worker gets a layout and a copy of the budget of its own:
   * nothing is shared. */
  layout = ys_layout_load_bundled (selected_layout_id (self), &error);
  if (layout == NULL)
    {
      ys_page_add_toast (YS_PAGE (self), adw_toast_new (error->message));
      return;
    }
  job = g_new0 (ExportJob, 1);
  job->layout = layout;
  job->copy = ys_read_copy_new (ys_page_get_document (YS_PAGE (self)), &error);
  if (job->copy == NULL)
    {
      export_job_free (job);
      ys_page_add_toast (YS_PAGE (self), adw_toast_new (error->message));
      return;
    }
  job->unit_code = g_strdup (selected_scope (self));
  job->path = g_strdup (path);
  job->with_review = self->with_review;
  job->progress = ys_thread_progress_new (self->progress_bar);
  g_weak_ref_init (&job->page, self);

  set_busy (self, TRUE);
  task = g_task_new (self, NULL, export_done_cb, NULL);
  g_task_set_source_tag (task, start_export);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_in_thread);
}

static void
on_chooser_response_cb (YsReportsPage        *self,
                        int                   response,
                        GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      if (path == NULL)
        ys_page_add_toast (YS_PAGE (self), adw_toast_new (_("Tables can only be exported to this computer or a mounted drive.")));
      else
        {
          if (!g_str_has_suffix (path, ".xlsx"))
            {
              char *with_suffix = g_strconcat (path, ".xlsx", NULL);
              g_free (path);
              path = with_suffix;
            }
          start_export (self, path);
        }
    }
  g_clear_object (&self->chooser);
}

static char *
suggested_name (YsReportsPage *self)
{
  const char *code = selected_scope (self);
  YsRecord *unit = code ? ys_document_lookup_key (ys_page_get_document (YS_PAGE (self)), &ys_unit_kind, code) : NULL;
  const char *who = unit ? ys_record_get_text (unit, YS_UNIT_NAME)
                         : ys_document_get_meta (ys_page_get_document (YS_PAGE (self)), "dept_name");
  int year = ys_document_get_year (ys_page_get_document (YS_PAGE (self)));
  /* Translators: the suggested name of an exported workbook: department or unit, and year */
  g_autofree char *name = self->with_review ? g_strdup_printf (_("%1$s %2$d Budget Review"), who, year)
                                            : g_strdup_printf (_("%1$s %2$d Budget Tables"), who, year);

  g_strdelimit (name, "/\\:", '-');
  return g_strconcat (g_strstrip (name), ".xlsx", NULL);
}

static void
choose_file (GObject *object)
{
  YsReportsPage *self = YS_REPORTS_PAGE (object);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autofree char *name = NULL;

  if (ys_page_get_document (YS_PAGE (self)) == NULL || self->chooser != NULL || self->exporting)
    return;

  self->chooser = gtk_file_chooser_native_new (self->with_review ? _("Export Review Workbook") : _("Export Tables"),
                                               GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Excel workbooks"));
  gtk_file_filter_add_suffix (filter, "xlsx");
  gtk_file_filter_add_mime_type (filter, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);

  /* Beside the budget file, where the accountant keeps its papers. */
  file = g_file_new_for_path (ys_document_get_path (ys_page_get_document (YS_PAGE (self))));
  folder = g_file_get_parent (file);
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, NULL);
  name = suggested_name (self);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);

  g_signal_connect_object (self->chooser, "response",
                           G_CALLBACK (on_chooser_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_export_button_clicked_cb (YsReportsPage *self,
                             GtkButton     *button)
{
  if (ys_page_get_document (YS_PAGE (self)) == NULL || self->chooser != NULL || self->exporting)
    return;
  self->with_review = FALSE;
  ys_export_confirm_errors (GTK_WIDGET (self), ys_page_get_validator (YS_PAGE (self)),
                            _("The tables workbook"), choose_file, G_OBJECT (self));
}

/* The reviewer's workbook: the tables and the 审核结果 sheet, errors and all. */
static void
export_review_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  YsReportsPage *self = YS_REPORTS_PAGE (widget);

  if (ys_page_get_document (YS_PAGE (self)) == NULL || self->chooser != NULL || self->exporting)
    return;
  self->with_review = TRUE;
  choose_file (G_OBJECT (self));
}

const char *
ys_reports_page_get_layout_id (YsReportsPage *self)
{
  g_return_val_if_fail (YS_IS_REPORTS_PAGE (self), NULL);

  return selected_layout_id (self);
}

gboolean
ys_reports_page_print_table (YsReportsPage *self)
{
  YsDocument *document = ys_page_get_document (YS_PAGE (self));
  YsReportTable *shown = selected_table (self);
  const char *code = selected_scope (self);
  YsRecord *unit = NULL;
  g_autoptr(GPtrArray) tables = NULL;
  g_autofree char *job_name = NULL;

  g_return_val_if_fail (YS_IS_REPORTS_PAGE (self), FALSE);

  if (document == NULL || shown == NULL || self->layout == NULL || self->exporting)
    return FALSE;
  /* Tables of their own: the print dialog may stay open while the page
   * builds its tables anew. */
  tables = ys_report_build (document, self->layout, code, NULL);
  for (guint i = tables ? tables->len : 0; i-- > 0;)
    if (g_strcmp0 (((YsReportTable *) g_ptr_array_index (tables, i))->id, shown->id) != 0)
      g_ptr_array_remove_index (tables, i);
  if (tables == NULL || tables->len != 1)
    return FALSE;
  if (code != NULL)
    unit = ys_document_lookup_key (document, &ys_unit_kind, code);
  job_name = g_strdup (shown->title);
  ys_print_publication (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                        ys_publication_new_tables (tables, unit ? ys_record_get_text (unit, YS_UNIT_NAME)
                                                                : ys_document_get_meta (document, "dept_name"),
                                                   ys_document_get_year (document)),
                        job_name);
  return TRUE;
}

/* Properties */

static void
ys_reports_page_document_changed (YsPage *page)
{
  YsReportsPage *self = YS_REPORTS_PAGE (page);
  YsDocument *document = ys_page_get_document (page);

  g_clear_pointer (&self->tables, g_ptr_array_unref);
  ys_report_view_set_table (self->view, NULL);

  if (document != NULL)
    g_signal_connect_object (document, "changed",
                             G_CALLBACK (on_document_changed_cb), self, G_CONNECT_SWAPPED);
  fill_scopes (self);
  self->updating = TRUE;
  select_document_layout (self);
  self->updating = FALSE;
  gtk_widget_set_sensitive (self->export_button, document != NULL);

  self->dirty = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    rebuild (self);
}

static void
ys_reports_page_map (GtkWidget *widget)
{
  YsReportsPage *self = YS_REPORTS_PAGE (widget);

  GTK_WIDGET_CLASS (ys_reports_page_parent_class)->map (widget);

  if (self->dirty && !self->exporting)
    {
      g_clear_handle_id (&self->rebuild_timeout, g_source_remove);
      /* After the page is drawn, so that switching to it feels immediate. */
      self->rebuild_timeout = g_timeout_add (30, rebuild_cb, self);
    }
}

static void
ys_reports_page_dispose (GObject *object)
{
  YsReportsPage *self = YS_REPORTS_PAGE (object);

  g_clear_handle_id (&self->rebuild_timeout, g_source_remove);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  if (self->progress_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->progress_dialog));
  gtk_widget_dispose_template (GTK_WIDGET (self), YS_TYPE_REPORTS_PAGE);
  g_clear_pointer (&self->tables, g_ptr_array_unref);
  g_clear_pointer (&self->layout, ys_layout_free);
  g_clear_pointer (&self->layout_id, g_free);
  g_clear_pointer (&self->layout_ids, g_ptr_array_unref);
  g_clear_pointer (&self->scope_codes, g_ptr_array_unref);

  G_OBJECT_CLASS (ys_reports_page_parent_class)->dispose (object);
}

static void
ys_reports_page_class_init (YsReportsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ys_reports_page_dispose;
  widget_class->map = ys_reports_page_map;
  YS_PAGE_CLASS (klass)->document_changed = ys_reports_page_document_changed;

  g_type_ensure (YS_TYPE_REPORT_VIEW);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/yusuan/Yusuan/ui/ys-reports-page.ui");
  gtk_widget_class_bind_template_child (widget_class, YsReportsPage, table_dropdown);
  gtk_widget_class_bind_template_child (widget_class, YsReportsPage, table_names);
  gtk_widget_class_bind_template_child (widget_class, YsReportsPage, scope_dropdown);
  gtk_widget_class_bind_template_child (widget_class, YsReportsPage, scope_names);
  gtk_widget_class_bind_template_child (widget_class, YsReportsPage, layout_dropdown);
  gtk_widget_class_bind_template_child (widget_class, YsReportsPage, layout_names);
  gtk_widget_class_bind_template_child (widget_class, YsReportsPage, export_button);
  gtk_widget_class_bind_template_child (widget_class, YsReportsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, YsReportsPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, YsReportsPage, view);
  gtk_widget_class_bind_template_child (widget_class, YsReportsPage, progress_dialog);
  gtk_widget_class_bind_template_child (widget_class, YsReportsPage, progress_bar);
  gtk_widget_class_bind_template_callback (widget_class, on_table_dropdown_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_scope_dropdown_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_layout_dropdown_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_export_button_clicked_cb);
  gtk_widget_class_install_action (widget_class, "reports.export-review", NULL, export_review_activated);
}

static void
ys_reports_page_init (YsReportsPage *self)
{
  self->layout_ids = g_ptr_array_new_with_free_func (g_free);
  self->scope_codes = g_ptr_array_new_with_free_func (g_free);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->updating = TRUE;
  fill_layouts (self);
  fill_scopes (self);
  self->updating = FALSE;
  gtk_widget_set_sensitive (self->export_button, FALSE);
}
