/* Shared by the workbook readers (ys-workbook*.c); not part of the core's API. */
#pragma once

#include <glib/gi18n-lib.h>
#include <unzip.h>

#include "ys-workbook.h"

G_BEGIN_DECLS

/* Cells are gathered sparsely while a part is read and laid out in the
 * dense YsSheet only at the end, once the bounding box is known and checked
 * against YS_WORKBOOK_MAX_AREA. */
typedef struct {
  guint      row, col;
  YsCellType type;
  char      *text;
} YsCellEntry;

typedef struct {
  char     *name;
  gboolean  hidden;
  GArray   *entries;   /* YsCellEntry */
  GArray   *merges;    /* YsMergeRange */
  guint    *n_cells;   /* the workbook's running count, for YS_WORKBOOK_MAX_CELLS */
} YsSheetBuilder;

void      ys_sheet_builder_init   (YsSheetBuilder *b, const char *name, guint *n_cells);
void      ys_sheet_builder_clear  (YsSheetBuilder *b);
/* Takes @text.  FALSE when the workbook's cell limit is reached (nothing added). */
gboolean  ys_sheet_builder_add    (YsSheetBuilder *b, guint row, guint col,
                                   YsCellType type, char *text);
void      ys_sheet_builder_merge  (YsSheetBuilder *b, guint first_row, guint first_col,
                                   guint last_row, guint last_col);
/* Lays out the sheet; @display names the file in the message of a refusal. */
YsSheet  *ys_sheet_builder_finish (YsSheetBuilder *b, const char *display, GError **error);

YsWorkbook *ys_workbook_new_empty (const char *format);

/* Plain decimal text of a finite double: the shortest that reads back to the
 * same value, without exponent.  NULL for NaN or infinity. */
char     *ys_workbook_number_text (double value);

typedef enum {
  YS_NUMBER_PLAIN,
  YS_NUMBER_DATE,   /* a date, possibly with a time of day */
  YS_NUMBER_TIME,   /* a time of day or a duration, no date */
} YsNumberKind;
/* How a spreadsheet serial number is meant, from its number format code. */
YsNumberKind ys_workbook_format_kind (const char *format_code);
/* Built-in formats (ECMA-376 18.8.30, with the zh-CN dates 27–36 and 50–58). */
YsNumberKind ys_workbook_builtin_kind (guint num_fmt_id);
/* ISO text of a serial date (1900 system with its 29 February 1900, or 1904), or
 * NULL when @serial is outside 0 … 9999-12-31. */
char     *ys_workbook_serial_text (double serial, YsNumberKind kind, gboolean date1904);

/* The readers.  @display is the file's name as messages show it. */
YsWorkbook *ys_workbook_read_xlsx (GBytes *bytes, const char *display, GError **error);
YsWorkbook *ys_workbook_read_xls  (const char *path, const char *display, GError **error);
YsWorkbook *ys_workbook_read_csv  (const char *data, gsize len, char separator,
                                   const char *sheet_name, const char *display,
                                   GError **error);

/* ---- zip parts (ys-workbook-zip.c) --------------------------------------- */

typedef struct _YsZip YsZip;

YsZip    *ys_zip_open       (GBytes *bytes, const char *display, GError **error);
void      ys_zip_close      (YsZip *zip);
/* Streams the part @name (case-insensitive) through @parser while inflating it,
 * with the size limits, no DOCTYPE or entity declaration and a bounded nesting
 * depth.  *@found is FALSE (and TRUE returned) when the part is absent. */
gboolean  ys_zip_parse_part (YsZip *zip, const char *name, const GMarkupParser *parser,
                             gpointer user_data, gboolean *found, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (YsZip, ys_zip_close)

G_END_DECLS

G_BEGIN_DECLS

/* ---- xlsx (ys-workbook-xlsx.c, ys-workbook-sheet.c) ------------------------- */

typedef struct {
  const char *display;
  GPtrArray  *shared;    /* char *: xl/sharedStrings.xml in order */
  GArray     *xf_kinds;  /* YsNumberKind of each cellXfs entry (a cell's s attribute) */
  gboolean    date1904;
} YsXlsxContext;

/* Element and attribute names without a namespace prefix (some write <x:c>). */
const char *ys_xml_local_name (const char *name);
const char *ys_xml_attribute  (const char *local, const char **names, const char **values);

/* "AB12" → row 11, column 27 (0-based). */
typedef enum { YS_REF_OK, YS_REF_INVALID, YS_REF_BEYOND_COLUMNS, YS_REF_BEYOND_ROWS } YsRefStatus;
YsRefStatus ys_xlsx_parse_ref (const char *ref, guint *row, guint *col, const char **end);
char       *ys_xlsx_cell_name (guint row, guint col);

gboolean ys_xlsx_read_sheet (YsZip *zip, const char *part, const YsXlsxContext *ctx,
                             YsSheetBuilder *builder, GError **error);

G_END_DECLS
