/* A sheet of records from an outside workbook: any bytes read as a workbook,
 * its first sheet read into a sheet-import preview of the kind the first
 * byte chooses, a cell fixed, the bad rows left out and the rest committed
 * and undone.  It must never crash, and the undone budget must be as before. */
#include "fuzz-common.h"
#include "ys-document.h"
#include "ys-sheet-import.h"
#include "../ys-test-util.h"

static YsDocument *
fuzz_document (void)
{
  static YsDocument *doc;

  if (doc == NULL)
    {
      g_autofree char *path = g_build_filename (fuzz_setup (), "sheet.yusuan", NULL);

      doc = ys_document_create (path, NULL, NULL);
      if (doc == NULL)
        abort ();
      ys_test_insert (doc, ys_test_record (&ys_unit_kind, "code", "003001", "name", "某单位",
                                           "unit_type", "行政单位", "role", "本级", NULL));
      ys_test_insert (doc, ys_test_record (&ys_project_kind, "code", "P01", "name", "某项目",
                                           "unit_code", "003001", NULL));
    }
  return doc;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const char *const kinds[] = { "line", "income", "project", "indicator", "procurement", "prior_year", "control" };
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(YsWorkbook) book = NULL;
  g_autoptr(YsSheetImport) im = NULL;
  YsDocument *doc;
  const YsKind *kind;
  YsSheet *sheet;
  guint before;

  if (size < 1)
    return 0;
  doc = fuzz_document ();
  kind = ys_kinds_lookup (kinds[data[0] % G_N_ELEMENTS (kinds)]);
  bytes = g_bytes_new (data + 1, size - 1);
  book = ys_workbook_read_bytes (bytes, "fuzz", NULL);
  if (book == NULL || (sheet = ys_workbook_first_sheet (book)) == NULL)
    return 0;
  for (guint i = 0; i < book->sheets->len; i++)
    if (book->sheets->pdata[i] == sheet)
      g_ptr_array_steal_index (book->sheets, i);
  im = ys_sheet_import_new (doc, kind, sheet, "fuzz", NULL, NULL);
  if (im == NULL || !ys_sheet_import_read (im, NULL, NULL, NULL, NULL))
    return 0;
  if (ys_sheet_import_get_n_rows (im) > 0 && ys_sheet_import_get_n_columns (im) > 0)
    ys_sheet_import_set_cell_text (im, 0, 0, "2010301 行政运行");
  ys_sheet_import_exclude_problems (im);
  before = ys_document_count (doc, kind);
  if (ys_sheet_import_commit (im, NULL, NULL, NULL, NULL, NULL) && ys_document_count (doc, kind) > before)
    {
      if (!ys_document_undo (doc, NULL) || ys_document_count (doc, kind) != before)
        abort ();
    }
  return 0;
}
