/* app/core/ys-workbook.h — spreadsheets read from outside: xlsx, xls, CSV. No GTK.
 *
 * Every reader is written for hostile files: sizes are limited relative to the
 * archive, XML with a DOCTYPE or entity declaration is refused, and every
 * refusal is a YS_WORKBOOK_ERROR whose message names the file, the part and
 * what is wrong.  docs/workbooks.md lists the limits. */
#pragma once
#include <glib.h>
G_BEGIN_DECLS

#define YS_WORKBOOK_ERROR (ys_workbook_error_quark ())
typedef enum {
  YS_WORKBOOK_ERROR_FORMAT,    /* not a workbook we can read, or damaged: message says what */
  YS_WORKBOOK_ERROR_TOO_LARGE, /* a size limit was hit (zip bomb, huge part) */
  YS_WORKBOOK_ERROR_IO,
} YsWorkbookError;
GQuark ys_workbook_error_quark (void);

typedef enum {
  YS_CELL_EMPTY = 0,
  YS_CELL_STRING,
  YS_CELL_NUMBER,   /* text: the stored number in plain decimal notation, no exponent,
                       '.' as separator, e.g. "1623.35", "-0.5", "16233500" */
  YS_CELL_DATE,     /* text: ISO 8601 "2023-01-31" (or with "T12:00:00" when it has a time;
                       a time of day without a date, serial below 1, is "12:00:00") */
  YS_CELL_BOOL,     /* text: "TRUE" / "FALSE" */
  YS_CELL_ERROR,    /* text: "#N/A" … */
} YsCellType;

typedef struct {
  YsCellType type;
  char      *text;  /* UTF-8, NULL when EMPTY; strings keep their inner spaces and newlines */
} YsCell;

typedef struct {
  guint first_row, first_col, last_row, last_col;  /* 0-based, inclusive */
} YsMergeRange;

typedef struct {
  char   *name;     /* sheet name as shown on its tab; "Sheet1"-like for CSV: the file's base name */
  guint   n_rows;   /* bounding box of non-empty cells, from row 0 / col 0 */
  guint   n_cols;
  YsCell *cells;    /* n_rows * n_cols, row-major; a merged range's value is in its top-left cell */
  GArray *merges;   /* YsMergeRange */
  gboolean hidden;  /* the sheet is hidden in the workbook */
} YsSheet;

typedef struct {
  GPtrArray *sheets;   /* YsSheet*, in tab order (the order the user sees), owned */
  char      *format;   /* "xlsx", "xls" or "csv" */
} YsWorkbook;

/* Reads by content (zip → xlsx, OLE2 compound file → xls, otherwise CSV in UTF-8 (with or
 * without BOM) or GB18030, comma or tab separated — detected). Refuses hostile input with
 * YS_WORKBOOK_ERROR and a Chinese message naming the file part and what is wrong.
 * CSV has no cell types: every non-empty CSV cell is a YS_CELL_STRING, as written.
 * .xls: libfreexl does not report merged cells or hidden sheets, so an .xls sheet has
 * no merges and is never hidden. */
YsWorkbook   *ys_workbook_read        (const char *path, GError **error);
/* Same from memory; @name_hint (may be NULL) only names the source in messages. Used by
 * fuzz targets and by paste (text from the clipboard is read as CSV/TSV). */
YsWorkbook   *ys_workbook_read_bytes  (GBytes *bytes, const char *name_hint, GError **error);
/* Reads only delimited text (CSV/TSV) from a UTF-8 string, e.g. a clipboard paste. */
YsWorkbook   *ys_workbook_read_text   (const char *text, gssize len, GError **error);
/* Like ys_workbook_read_text with the separator given (',' or '\t'), or detected when
 * @separator is 0.  A paste from Excel or WPS is always tab-separated, also when it is
 * one column holding "1,623.35"; pass '\t' for clipboard text. @name_hint may be NULL. */
YsWorkbook   *ys_workbook_read_delimited (const char *text, gssize len, char separator,
                                          const char *name_hint, GError **error);
void          ys_workbook_free        (YsWorkbook *book);
/* The first visible sheet in tab order (what Excel opens on), or NULL when there is none. */
YsSheet      *ys_workbook_first_sheet (YsWorkbook *book);
YsSheet      *ys_workbook_find_sheet  (YsWorkbook *book, const char *name);

YsSheet      *ys_sheet_new            (const char *name, guint n_rows, guint n_cols);
void          ys_sheet_free           (YsSheet *sheet);
/* NULL for an empty cell or outside the sheet. */
const YsCell *ys_sheet_get_cell       (const YsSheet *sheet, guint row, guint col);
const char   *ys_sheet_get_text       (const YsSheet *sheet, guint row, guint col);
/* A cell outside the sheet grows it (n_rows / n_cols follow). */
void          ys_sheet_set_cell       (YsSheet *sheet, guint row, guint col,
                                       YsCellType type, const char *text);
void          ys_sheet_add_merge      (YsSheet *sheet, guint first_row, guint first_col,
                                       guint last_row, guint last_col);
/* The merge range containing (row, col), or NULL. */
const YsMergeRange *ys_sheet_find_merge (const YsSheet *sheet, guint row, guint col);

/* Limits every reader applies (see docs/workbooks.md). */
#define YS_WORKBOOK_MAX_CELLS      4000000u   /* non-empty cells in one workbook */
#define YS_WORKBOOK_MAX_AREA      16000000u   /* rows × columns of one sheet's bounding box */
#define YS_WORKBOOK_MAX_ROWS       1048576u   /* as Excel */
#define YS_WORKBOOK_MAX_COLS         16384u   /* as Excel: A … XFD */
#define YS_WORKBOOK_MAX_SHEETS         1024u

G_DEFINE_AUTOPTR_CLEANUP_FUNC (YsWorkbook, ys_workbook_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (YsSheet, ys_sheet_free)
G_END_DECLS
