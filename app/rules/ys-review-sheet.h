/* The 审核结果 (review results) worksheet: every finding with its level,
 * message, location, the accountant's explanation and the reviewer's status,
 * for the reviewer's report and for the export's --review-only workbook. */
#pragma once

#include <xlsxwriter.h>

#include "ys-validator.h"
#include "ys-xlsx-export.h"

G_BEGIN_DECLS

/* Adds the sheet to @wb (which must not have one of that name yet). */
gboolean ys_review_sheet_write  (lxw_workbook  *wb,
                                 YsValidator   *v,
                                 GError       **error);
/* The sheet's name, 审核结果 in Chinese. */
const char *ys_review_sheet_name (void);
/* Fills @ws, a sheet of @wb made by the caller (e.g. the table export). */
gboolean ys_review_sheet_fill   (lxw_workbook  *wb,
                                 lxw_worksheet *ws,
                                 YsValidator   *v,
                                 GError       **error);
/* Writes a workbook holding only that sheet to @path; the file appears
 * complete or not at all (written beside it under a temporary name, then
 * renamed). */
gboolean ys_review_sheet_export (YsValidator   *v,
                                 const char    *path,
                                 GError       **error);

/* The official tables of @doc in @layout, for the department or one unit,
 * with the 审核结果 sheet of @review when it is given, written to @path
 * complete or not at all: the one export of the tables, which yusuan-cli
 * and the window both call. @progress is called from the thread writing. */
gboolean ys_review_export_tables (YsDocument     *doc,
                                  YsLayout       *layout,
                                  const char     *unit_code,
                                  YsValidator    *review,
                                  const char     *path,
                                  YsXlsxProgress  progress,
                                  gpointer        progress_data,
                                  GError        **error);

G_END_DECLS
