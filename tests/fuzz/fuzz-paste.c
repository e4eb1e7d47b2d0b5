/* A paste: the window splits clipboard text into cells and parses each into
 * a field of the grid's kind of record.  The window's own splitter
 * (app/gui/ys-record-grid-paste.c) needs GTK, so this target fuzzes what the
 * core gives a paste: ys_workbook_read_delimited on tab-separated text, then
 * every cell through ys_record_parse_field and ys_money_parse.  The first
 * byte chooses the kind of record. */
#include "fuzz-common.h"
#include "ys-kinds.h"
#include "ys-money.h"
#include "ys-record.h"
#include "ys-workbook.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsWorkbook) book = NULL;
  const YsKind *kind;
  YsSheet *sheet;

  if (size < 1)
    return 0;
  fuzz_setup ();
  kind = ys_kinds_all ()[data[0] % YS_N_KINDS];
  book = ys_workbook_read_delimited ((const char *) data + 1, (gssize) size - 1, '\t', NULL, &error);
  if (book == NULL || (sheet = ys_workbook_first_sheet (book)) == NULL)
    return 0;

  for (guint r = 0; r < sheet->n_rows && r < 64; r++)
    {
      g_autoptr(YsRecord) record = ys_record_new (kind);

      for (guint c = 0; c < sheet->n_cols; c++)
        {
          const char *text = ys_sheet_get_text (sheet, r, c);
          g_autoptr(GError) field_error = NULL;
          YsMoney fen;

          if (text == NULL)
            text = "";
          ys_record_parse_field (record, c % kind->n_fields, text, &field_error);
          ys_money_parse (text, YS_MONEY_WAN, YS_MONEY_PARSE_ALLOW_EMPTY, &fen, NULL);
        }
    }
  return 0;
}
