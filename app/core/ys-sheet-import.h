/* A sheet of records on its way into a document: what each column fills,
 * each row's status and each cell's problem, shown before anything changes.
 * Built for a list view: rows × columns, text and problem per cell, status
 * and inclusion per row. Nothing is written until ys_sheet_import_commit(),
 * which inserts every included row as one undo step. */
#pragma once

#include <gio/gio.h>

#include "ys-document.h"
#include "ys-workbook.h"

G_BEGIN_DECLS

typedef enum {
  YS_SHEET_ROW_DATA,      /* a record, ready */
  YS_SHEET_ROW_PROBLEM,   /* a record with at least one problem */
  YS_SHEET_ROW_SUBTOTAL,  /* 合计, 小计, 其中, a 类 or 款 row: never imported */
  YS_SHEET_ROW_BLANK,
  YS_SHEET_ROW_NOTE,      /* a title or note line among the rows */
} YsSheetRowStatus;

typedef struct {
  guint data;       /* rows that become records (included, no problem) */
  guint problems;   /* included rows with a problem */
  guint excluded;   /* record rows left out */
  guint subtotals;
  guint blank;
  guint notes;
} YsSheetImportCounts;

typedef struct {
  int         unit;      /* YsMoneyUnit for every amount, or -1: the sheet's 单位 line, else 元 */
  GHashTable *defaults;  /* field name → text for fields no column gives (may be NULL) */
} YsSheetImportOptions;

#define YS_SHEET_IMPORT_ERROR (ys_sheet_import_error_quark ())
typedef enum {
  YS_SHEET_IMPORT_ERROR_NO_HEADER,
  YS_SHEET_IMPORT_ERROR_MAPPING,
  YS_SHEET_IMPORT_ERROR_PROBLEMS,
} YsSheetImportError;
GQuark ys_sheet_import_error_quark (void);

typedef void (*YsSheetImportProgress) (guint done, guint total, gpointer user_data);

#define YS_TYPE_SHEET_IMPORT (ys_sheet_import_get_type ())
G_DECLARE_FINAL_TYPE (YsSheetImport, ys_sheet_import, YS, SHEET_IMPORT, GObject)

/* Finds the header and maps the columns (a mapping remembered for this
 * header first); takes @sheet. @source names the file in messages. */
YsSheetImport *ys_sheet_import_new          (YsDocument           *doc,
                                             const YsKind         *kind,
                                             YsSheet              *sheet,
                                             const char           *source,
                                             const YsSheetImportOptions *options,
                                             GError              **error);
/* A paste whose first row is a header; an error when it is not one. */
YsSheetImport *ys_sheet_import_new_from_text (YsDocument          *doc,
                                             const YsKind         *kind,
                                             const char           *text,
                                             const YsSheetImportOptions *options,
                                             GError              **error);
/* Reads every row; @progress every few thousand rows. */
gboolean       ys_sheet_import_read         (YsSheetImport        *self,
                                             YsSheetImportProgress progress,
                                             gpointer              user_data,
                                             GCancellable         *cancellable,
                                             GError              **error);

const YsKind  *ys_sheet_import_get_kind     (YsSheetImport        *self);
const char    *ys_sheet_import_get_source   (YsSheetImport        *self);
const char    *ys_sheet_import_get_sheet_name (YsSheetImport      *self);
/* The amount unit in use (YsMoneyUnit) and whether the sheet said it. */
int            ys_sheet_import_get_unit     (YsSheetImport        *self);
void           ys_sheet_import_set_unit     (YsSheetImport        *self,
                                             int                   unit);
guint          ys_sheet_import_get_header_rows (YsSheetImport     *self,
                                             guint                *first);

guint          ys_sheet_import_get_n_columns (YsSheetImport       *self);
/* The lowest header text of the column, as printed. */
const char    *ys_sheet_import_get_column_title (YsSheetImport    *self,
                                             guint                 col);
/* "支出功能分类科目/科目编码": the header words from the top. */
const char    *ys_sheet_import_get_column_path (YsSheetImport     *self,
                                             guint                 col);
/* Target name ("func_code", "func_name") or NULL when not imported. */
char          *ys_sheet_import_get_column_target (YsSheetImport   *self,
                                             guint                 col);
char          *ys_sheet_import_get_column_label (YsSheetImport    *self,
                                             guint                 col);
/* "header", "content", "remembered", "user" or NULL. */
const char    *ys_sheet_import_get_column_mapped_by (YsSheetImport *self,
                                             guint                 col);
/* @target as a name, a Chinese label, or NULL / "" for none; rows are read again. */
gboolean       ys_sheet_import_set_column_target (YsSheetImport   *self,
                                             guint                 col,
                                             const char           *target,
                                             GError              **error);
/* Maps by a header text (leaf or path), e.g. --map 科目名称=func_name. */
gboolean       ys_sheet_import_map_title    (YsSheetImport        *self,
                                             const char           *title,
                                             const char           *target,
                                             GError              **error);

/* Rows below the header. */
guint          ys_sheet_import_get_n_rows   (YsSheetImport        *self);
guint          ys_sheet_import_get_sheet_row (YsSheetImport       *self,
                                             guint                 row); /* 1-based, as shown */
YsSheetRowStatus ys_sheet_import_get_row_status (YsSheetImport    *self,
                                             guint                 row);
gboolean       ys_sheet_import_get_row_included (YsSheetImport    *self,
                                             guint                 row);
void           ys_sheet_import_set_row_included (YsSheetImport    *self,
                                             guint                 row,
                                             gboolean              included);
/* Leaves out every record row that has a problem; returns how many. */
guint          ys_sheet_import_exclude_problems (YsSheetImport    *self);
const char    *ys_sheet_import_get_cell_text (YsSheetImport       *self,
                                             guint                 row,
                                             guint                 col);
/* NULL when the cell is fine. */
const char    *ys_sheet_import_get_cell_problem (YsSheetImport    *self,
                                             guint                 row,
                                             guint                 col);
/* A problem of the row that no column holds (a field no column gives). */
const char    *ys_sheet_import_get_row_problem (YsSheetImport     *self,
                                             guint                 row);
/* Replaces a cell's text in the preview (the sheet is not touched) and reads
 * the row again; returns TRUE when the row has no problem left. */
gboolean       ys_sheet_import_set_cell_text (YsSheetImport       *self,
                                             guint                 row,
                                             guint                 col,
                                             const char           *text);
void           ys_sheet_import_get_counts   (YsSheetImport        *self,
                                             YsSheetImportCounts  *counts);

/* Inserts every included record row in one batch (one undo step) and
 * remembers the mapping for this header. Refuses, changing nothing, while an
 * included row has a problem. Cancelling leaves the document as it was. */
gboolean       ys_sheet_import_commit       (YsSheetImport        *self,
                                             YsSheetImportProgress progress,
                                             gpointer              user_data,
                                             GCancellable         *cancellable,
                                             guint                *n_inserted,
                                             GError              **error);

G_END_DECLS
