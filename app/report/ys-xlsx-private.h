/* Shared by ys-xlsx-export.c (the workbook) and ys-xlsx-sheet.c (one sheet). */
#pragma once

#include "ys-xlsx-export.h"

G_BEGIN_DECLS

typedef enum {
  FMT_TITLE,
  FMT_SUBTITLE,
  FMT_CAPTION_LEFT,
  FMT_CAPTION_CENTER,
  FMT_CAPTION_RIGHT,
  FMT_HEADER,
  FMT_TEXT,
  FMT_MONEY,
  FMT_NUMBER,
  FMT_NOTE,
} FormatKind;

/* The workbook's formats, made once per distinct look. */
lxw_format *ys_xlsx_format        (YsXlsxExport  *export,
                                   FormatKind     kind,
                                   guint          flags,
                                   guint          indent,
                                   const char    *num_format);

/* Draws @table on @sheet: title, captions, header rows, body, notes, widths,
 * heights and print setup. */
gboolean    ys_xlsx_write_table   (YsXlsxExport  *export,
                                   lxw_worksheet *sheet,
                                   YsReportTable *table,
                                   GError       **error);

/* Display width in columns: CJK and full-width characters count 2. */
double      ys_xlsx_text_width    (const char    *text);
/* Width of the widest line of @text: each CJK or full-width character
 * counts @wide, any other @narrow. */
double      ys_text_measure       (const char    *text,
                                   double         wide,
                                   double         narrow);

G_END_DECLS
