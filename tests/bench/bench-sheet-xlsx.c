/* Writes the line items of a budget as the kind of workbook a finance office
 * sends: a title, a 单位：元 line, a header, one row per line item. The
 * import-sheet benchmark (tests/bench/bench-import-sheet.sh) reads it back.
 *
 *   bench-sheet-xlsx BUDGET.yusuan OUT.xlsx */
#include "config.h"

#include <stdio.h>
#include <xlsxwriter.h>

#include "ys-core.h"
#include "ys-document.h"

int
main (int argc, char **argv)
{
  static const char *const header[] = {
    "单位编码", "支出功能分类科目编码", "部门经济分类科目编码", "支出类型", "项目编码", "资金来源", "金额",
  };
  static const guint fields[] = {
    YS_LINE_UNIT_CODE, YS_LINE_FUNC_CODE, YS_LINE_ECON_CODE, YS_LINE_KIND,
    YS_LINE_PROJECT_CODE, YS_LINE_SOURCE,
  };
  lxw_workbook_options options = { .constant_memory = LXW_TRUE };
  g_autoptr(YsDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  lxw_workbook *book;
  lxw_worksheet *sheet;
  guint n;

  ys_core_init ();
  if (argc != 3)
    {
      fprintf (stderr, "usage: bench-sheet-xlsx BUDGET.yusuan OUT.xlsx\n");
      return 2;
    }
  doc = ys_document_open (argv[1], &error);
  if (doc == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  book = workbook_new_opt (argv[2], &options);
  sheet = workbook_add_worksheet (book, "支出明细");
  worksheet_write_string (sheet, 0, 0, "部门支出预算明细表", NULL);
  worksheet_write_string (sheet, 1, 6, "单位：元", NULL);
  for (guint c = 0; c < G_N_ELEMENTS (header); c++)
    worksheet_write_string (sheet, 2, (lxw_col_t) c, header[c], NULL);
  n = ys_document_count (doc, &ys_line_kind);
  for (guint i = 0; i < n; i++)
    {
      YsRecord *line = ys_document_get (doc, &ys_line_kind, i);
      lxw_row_t row = (lxw_row_t) (3 + i);

      for (guint c = 0; c < G_N_ELEMENTS (fields); c++)
        {
          const char *text = ys_record_get_text (line, fields[c]);
          if (text && *text)
            worksheet_write_string (sheet, row, (lxw_col_t) c, text, NULL);
        }
      /* A spreadsheet can only hold the figure as a binary fraction; the
       * import rounds it back to the 分, which is what is measured. */
      worksheet_write_number (sheet, row, 6, (double) ys_record_get_int (line, YS_LINE_AMOUNT) / 100.0, NULL);
    }
  if (workbook_close (book) != LXW_NO_ERROR)
    {
      fprintf (stderr, "could not write %s\n", argv[2]);
      return 1;
    }
  printf ("%u line items written to %s\n", n, argv[2]);
  return 0;
}
