/* Writes computed tables into an xlsx workbook, one sheet per table, laid out
 * to print on A4. The file appears only when it is complete: the workbook is
 * written under a temporary name beside it and renamed, so a failed export
 * never replaces a good file. Other code can add its own sheets (the review
 * report adds 审核结果) with a sheet writer or a YsReportTable. */
#pragma once

#include <xlsxwriter.h>

#include "ys-report.h"

G_BEGIN_DECLS

/* Called before each sheet (fraction done, the sheet's title) and once at the
 * end with 1.0 and NULL. */
typedef void (*YsXlsxProgress) (double      fraction,
                                const char *title,
                                gpointer    user_data);

typedef enum {
  YS_XLSX_STYLE_TITLE,
  YS_XLSX_STYLE_HEADER,   /* bold, centred, wrapped, thin border */
  YS_XLSX_STYLE_TEXT,     /* wrapped, thin border */
  YS_XLSX_STYLE_MONEY,    /* #,##0.00, thin border */
  YS_XLSX_STYLE_NOTE,     /* wrapped, no border */
} YsXlsxStyle;

typedef struct _YsXlsxExport YsXlsxExport;

/* Writes one extra sheet: the workbook's formats are shared through
 * ys_xlsx_export_get_format so that every sheet looks alike. */
typedef gboolean (*YsXlsxSheetWriter) (YsXlsxExport  *export,
                                       lxw_worksheet *sheet,
                                       gpointer       user_data,
                                       GError       **error);

YsXlsxExport *ys_xlsx_export_new            (void);
void          ys_xlsx_export_free           (YsXlsxExport   *export);
/* Title, and author and company: the department, as the document properties. */
void          ys_xlsx_export_set_properties (YsXlsxExport   *export,
                                             const char     *title,
                                             const char     *department);
void          ys_xlsx_export_set_progress   (YsXlsxExport   *export,
                                             YsXlsxProgress  progress,
                                             gpointer        user_data);
/* @table must live until the export is written. */
void          ys_xlsx_export_add_table      (YsXlsxExport   *export,
                                             YsReportTable  *table);
/* Adds every table of @tables (YsReportTable), keeping the array alive. */
void          ys_xlsx_export_add_tables     (YsXlsxExport   *export,
                                             GPtrArray      *tables);
void          ys_xlsx_export_add_sheet      (YsXlsxExport   *export,
                                             const char     *name,
                                             YsXlsxSheetWriter writer,
                                             gpointer        user_data,
                                             GDestroyNotify  destroy);
/* Only valid inside a sheet writer. */
lxw_workbook *ys_xlsx_export_get_workbook   (YsXlsxExport   *export);
/* Only valid inside a sheet writer. */
lxw_format   *ys_xlsx_export_get_format     (YsXlsxExport   *export,
                                             YsXlsxStyle     style);
gboolean      ys_xlsx_export_write          (YsXlsxExport   *export,
                                             const char     *path,
                                             GError        **error);

/* A sheet name Excel accepts: no []:*?/\, not starting or ending with ', at
 * most 31 characters, and not yet in @used (compared ignoring case); the name
 * returned is added to @used (a set of case-folded names). */
char         *ys_xlsx_sheet_name            (const char     *wanted,
                                             GHashTable     *used);

/* An export of every table of @layout for the department or one unit, with
 * the document properties set; add sheets to it, then write it. */
YsXlsxExport *ys_report_export_new          (YsDocument     *doc,
                                             YsLayout       *layout,
                                             const char     *unit_code,
                                             GError        **error);
/* The same, written to @path at once. */
gboolean      ys_report_export_xlsx         (YsDocument     *doc,
                                             YsLayout       *layout,
                                             const char     *unit_code,
                                             const char     *path,
                                             YsXlsxProgress  progress,
                                             gpointer        user_data,
                                             GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (YsXlsxExport, ys_xlsx_export_free)

G_END_DECLS
