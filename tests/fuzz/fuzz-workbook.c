/* The workbook reader on any bytes: xlsx (zip), xls (OLE2) or delimited text.
 * It must refuse with an error or give a well-formed workbook, never crash. */
#include <string.h>

#include "fuzz-common.h"
#include "ys-workbook.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(YsWorkbook) book = NULL;

  fuzz_setup ();
  book = ys_workbook_read_bytes (bytes, "fuzz", &error);
  if ((book == NULL) == (error == NULL))
    abort ();
  if (book == NULL)
    return 0;
  for (guint i = 0; i < book->sheets->len; i++)
    {
      YsSheet *sheet = g_ptr_array_index (book->sheets, i);
      gsize total = 0;

      for (guint r = 0; r < sheet->n_rows; r++)
        for (guint c = 0; c < sheet->n_cols; c++)
          {
            const YsCell *cell = ys_sheet_get_cell (sheet, r, c);
            if (cell != NULL)
              {
                if (cell->text == NULL || !g_utf8_validate (cell->text, -1, NULL))
                  abort ();
                total += strlen (cell->text);
              }
          }
      for (guint m = 0; m < sheet->merges->len; m++)
        {
          const YsMergeRange *range = &g_array_index (sheet->merges, YsMergeRange, m);
          if (range->first_row > range->last_row || range->first_col > range->last_col ||
              ys_sheet_find_merge (sheet, range->first_row, range->first_col) == NULL)
            abort ();
        }
      (void) total;
    }
  ys_workbook_first_sheet (book);
  return 0;
}
