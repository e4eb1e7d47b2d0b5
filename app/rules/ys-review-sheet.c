#include "config.h"

#include <errno.h>
#include "ys-i18n-private.h"
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ys-review-sheet.h"

enum {
  COL_NO, COL_LEVEL, COL_RULE, COL_TITLE, COL_MESSAGE, COL_LOCATION, COL_HINT, COL_BASIS,
  COL_EXPLANATION, COL_STATUS, COL_COMMENT, COL_REVIEWER, COL_DECIDED_AT, N_COLS
};

typedef struct
{
  lxw_format *title, *subtitle, *header, *text, *centre, *level[YS_FINDING_INFO + 1];
} Formats;

static lxw_format *
base_format (lxw_workbook *wb)
{
  lxw_format *f = workbook_add_format (wb);

  /* The font the official tables use, so that the report prints alike. */
  format_set_font_name (f, "宋体");
  format_set_font_size (f, 10);
  return f;
}

static lxw_format *
cell_format (lxw_workbook *wb)
{
  lxw_format *f = base_format (wb);

  format_set_border (f, LXW_BORDER_THIN);
  format_set_text_wrap (f);
  format_set_align (f, LXW_ALIGN_VERTICAL_TOP);
  return f;
}

static void
make_formats (lxw_workbook *wb, Formats *fm)
{
  static const int colours[] = { 0xC00000, 0xC65911, 0x2F5597 };

  fm->title = base_format (wb);
  format_set_font_size (fm->title, 16);
  format_set_bold (fm->title);
  format_set_align (fm->title, LXW_ALIGN_CENTER);
  format_set_align (fm->title, LXW_ALIGN_VERTICAL_CENTER);

  fm->subtitle = base_format (wb);
  format_set_font_size (fm->subtitle, 11);

  fm->header = cell_format (wb);
  format_set_bold (fm->header);
  format_set_align (fm->header, LXW_ALIGN_CENTER);
  format_set_align (fm->header, LXW_ALIGN_VERTICAL_CENTER);
  format_set_bg_color (fm->header, 0xD9D9D9);

  fm->text = cell_format (wb);
  fm->centre = cell_format (wb);
  format_set_align (fm->centre, LXW_ALIGN_CENTER);
  for (guint l = 0; l <= YS_FINDING_INFO; l++)
    {
      fm->level[l] = cell_format (wb);
      format_set_align (fm->level[l], LXW_ALIGN_CENTER);
      format_set_bold (fm->level[l]);
      format_set_font_color (fm->level[l], colours[l]);
    }
}

static const char *
status_text (YsFinding *finding)
{
  switch (ys_finding_get_review_status (finding))
    {
    case YS_REVIEW_ACCEPTED:
      return C_("review status", "Accepted");
    case YS_REVIEW_RETURNED:
      return C_("review status", "Returned");
    case YS_REVIEW_PENDING:
    default:
      return ys_finding_get_review_stale (finding) ? C_("review status", "Pending (the figures changed since the review)")
                                                   : C_("review status", "Pending");
    }
}

static void
write_text (lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *text, lxw_format *format)
{
  worksheet_write_string (ws, row, col, text ? text : "", format);
}

gboolean
ys_review_sheet_write (lxw_workbook *wb, YsValidator *v, GError **error)
{
  lxw_worksheet *ws = workbook_add_worksheet (wb, ys_review_sheet_name ());

  if (ws == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("The workbook already has a sheet named “%s”"), ys_review_sheet_name ());
      return FALSE;
    }
  return ys_review_sheet_fill (wb, ws, v, error);
}

const char *
ys_review_sheet_name (void)
{
  return _("Review results");
}

gboolean
ys_review_sheet_fill (lxw_workbook *wb, lxw_worksheet *ws, YsValidator *v, GError **error)
{
  static const double widths[N_COLS] = { 5, 7, 6, 18, 48, 26, 34, 30, 30, 12, 24, 10, 17 };
  const char *headers[N_COLS] = {
    C_("review sheet column", "No."),
    C_("review sheet column", "Level"),
    C_("review sheet column", "Rule"),
    C_("review sheet column", "Problem"),
    C_("review sheet column", "Details"),
    C_("review sheet column", "Location"),
    C_("review sheet column", "How to fix"),
    C_("review sheet column", "Basis"),
    C_("review sheet column", "Explanation"),
    C_("review sheet column", "Review status"),
    C_("review sheet column", "Reviewer comment"),
    C_("review sheet column", "Reviewer"),
    C_("review sheet column", "Decided at"),
  };
  YsDocument *doc = ys_validator_get_document (v);
  GListModel *model = G_LIST_MODEL (v);
  guint n = g_list_model_get_n_items (model);
  Formats fm;
  g_autofree char *title = NULL;
  g_autofree char *summary = NULL;
  const lxw_row_t header_row = 2;

  make_formats (wb, &fm);

  title = g_strdup_printf (_("%d department budget of %s: review results"),
                           ys_document_get_year (doc), ys_document_get_meta (doc, "dept_name"));
  summary = g_strdup_printf (_("Department %s %s. %u errors, %u warnings, %u for information."),
                             ys_document_get_meta (doc, "dept_code"), ys_document_get_meta (doc, "dept_name"),
                             ys_validator_count (v, YS_FINDING_ERROR), ys_validator_count (v, YS_FINDING_WARNING),
                             ys_validator_count (v, YS_FINDING_INFO));
  worksheet_merge_range (ws, 0, 0, 0, N_COLS - 1, title, fm.title);
  worksheet_set_row (ws, 0, 30, NULL);
  worksheet_merge_range (ws, 1, 0, 1, N_COLS - 1, summary, fm.subtitle);

  for (guint c = 0; c < N_COLS; c++)
    {
      worksheet_set_column (ws, c, c, widths[c], NULL);
      write_text (ws, header_row, c, headers[c], fm.header);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(YsFinding) f = g_list_model_get_item (model, i);
      g_autofree char *location = ys_finding_describe_location (f);
      g_autofree char *decided_at = ys_finding_describe_decision_time (f);
      lxw_row_t row = header_row + 1 + i;

      worksheet_write_number (ws, row, COL_NO, i + 1, fm.centre);
      write_text (ws, row, COL_LEVEL, ys_finding_level_to_string (ys_finding_get_level (f)),
                  fm.level[ys_finding_get_level (f)]);
      write_text (ws, row, COL_RULE, ys_finding_get_rule_id (f), fm.centre);
      write_text (ws, row, COL_TITLE, ys_finding_get_title (f), fm.text);
      write_text (ws, row, COL_MESSAGE, ys_finding_get_message (f), fm.text);
      write_text (ws, row, COL_LOCATION, location, fm.text);
      write_text (ws, row, COL_HINT, ys_finding_get_hint (f), fm.text);
      write_text (ws, row, COL_BASIS, ys_finding_get_basis (f), fm.text);
      write_text (ws, row, COL_EXPLANATION, ys_finding_get_explanation (f), fm.text);
      write_text (ws, row, COL_STATUS, status_text (f), fm.centre);
      write_text (ws, row, COL_COMMENT, ys_finding_get_comment (f), fm.text);
      write_text (ws, row, COL_REVIEWER, ys_finding_get_reviewer (f), fm.centre);
      write_text (ws, row, COL_DECIDED_AT, decided_at, fm.centre);
    }
  if (n == 0)
    worksheet_merge_range (ws, header_row + 1, 0, header_row + 1, N_COLS - 1,
                           _("No findings: the budget passes every rule."), fm.text);

  /* Wide: landscape A4, one page across, the header on every page. */
  worksheet_set_paper (ws, 9);
  worksheet_set_landscape (ws);
  worksheet_fit_to_pages (ws, 1, 0);
  worksheet_repeat_rows (ws, header_row, header_row);
  worksheet_set_margins (ws, 0.4, 0.4, 0.6, 0.6);
  worksheet_freeze_panes (ws, header_row + 1, 0);
  if (n > 0)
    worksheet_autofilter (ws, header_row, 0, header_row + n, N_COLS - 1);
  return TRUE;
}

gboolean
ys_review_sheet_export (YsValidator *v, const char *path, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *tmp = g_strdup_printf ("%s%c.%s-XXXXXX", dir, G_DIR_SEPARATOR, base);
  lxw_workbook_options options = { .constant_memory = LXW_FALSE, .tmpdir = NULL };
  lxw_workbook *wb;
  lxw_error status;
  int fd;

  /* Beside the target, so that the rename is atomic. */
  fd = g_mkstemp (tmp);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Cannot write in %s: %s"), dir, g_strerror (saved));
      return FALSE;
    }
  close (fd);

  wb = workbook_new_opt (tmp, &options);
  if (wb == NULL)
    {
      g_unlink (tmp);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot create the workbook %s"), path);
      return FALSE;
    }
  if (!ys_review_sheet_write (wb, v, error))
    {
      workbook_close (wb);
      g_unlink (tmp);
      return FALSE;
    }
  status = workbook_close (wb);
  if (status != LXW_NO_ERROR)
    {
      g_unlink (tmp);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot write %s: %s"),
                   path, lxw_strerror (status));
      return FALSE;
    }
  /* mkstemp made it private; a report is an ordinary file, as the umask says. */
  {
    mode_t mask = umask (0);
    umask (mask);
    g_chmod (tmp, 0666 & ~mask);
  }
  if (g_rename (tmp, path) != 0)
    {
      int saved = errno;
      g_unlink (tmp);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Cannot write %s: %s"), path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

static gboolean
fill_review_sheet (YsXlsxExport  *export,
                   lxw_worksheet *sheet,
                   gpointer       validator,
                   GError       **error)
{
  return ys_review_sheet_fill (ys_xlsx_export_get_workbook (export), sheet, validator, error);
}

gboolean
ys_review_export_tables (YsDocument     *doc,
                         YsLayout       *layout,
                         const char     *unit_code,
                         YsValidator    *review,
                         const char     *path,
                         YsXlsxProgress  progress,
                         gpointer        progress_data,
                         GError        **error)
{
  g_autoptr(YsXlsxExport) export = ys_report_export_new (doc, layout, unit_code, error);

  if (export == NULL)
    return FALSE;
  if (progress != NULL)
    ys_xlsx_export_set_progress (export, progress, progress_data);
  /* The findings travel with the tables, so that the reviewer files one workbook. */
  if (review != NULL)
    ys_xlsx_export_add_sheet (export, ys_review_sheet_name (), fill_review_sheet,
                              g_object_ref (review), g_object_unref);
  return ys_xlsx_export_write (export, path, error);
}
