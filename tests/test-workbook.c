/* The workbook reader: sample files made by openpyxl, Gnumeric and
 * libxlsxwriter, hand-made packages for the corners of the format, and
 * hostile files that must be refused with a message. */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "ys-workbook.h"
#include "ys-workbook-private.h"
#include "ys-test-util.h"
#include "ys-test-xlsx.h"

static char *
sample_path (const char *name)
{
  return g_build_filename (TEST_SRCDIR, "data", "workbook", name, NULL);
}

static void
assert_cell (const YsSheet *sheet,
             guint          row,
             guint          col,
             YsCellType     type,
             const char    *text)
{
  const YsCell *cell = ys_sheet_get_cell (sheet, row, col);

  if (text == NULL)
    {
      g_assert_null (cell);
      return;
    }
  g_assert_nonnull (cell);
  g_assert_cmpstr (cell->text, ==, text);
  g_assert_cmpint (cell->type, ==, type);
}

/* Reads @path and expects a refusal with @code whose message holds every
 * one of the NULL-terminated strings. */
static void
assert_refused (const char *path,
                int         code,
                ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsWorkbook) book = ys_workbook_read (path, &error);
  g_autofree char *base = g_path_get_basename (path);
  const char *must;
  va_list args;

  g_assert_null (book);
  g_assert_error (error, YS_WORKBOOK_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, base));
  va_start (args, code);
  while ((must = va_arg (args, const char *)) != NULL)
    if (strstr (error->message, must) == NULL)
      g_error ("“%s” lacks “%s”", error->message, must);
  va_end (args);
}

/* ---- sample files ----------------------------------------------------------- */

/* The first sheet of sample.xlsx as openpyxl and Gnumeric write it (the
 * .xls differs where libfreexl cannot tell: see test_xls). */
static void
check_budget_sheet (const YsSheet *s,
                    gboolean       xls)
{
  g_assert_cmpstr (s->name, ==, "支出表");
  g_assert_cmpuint (s->n_rows, ==, 9);
  g_assert_cmpuint (s->n_cols, ==, 6);
  assert_cell (s, 0, 0, YS_CELL_STRING, "2023年部门支出预算表");
  assert_cell (s, 0, 1, 0, NULL);
  assert_cell (s, 1, 0, YS_CELL_STRING, "单位：万元");
  assert_cell (s, 3, 1, YS_CELL_STRING, "科目名称");
  /* A code stored as text stays text; stored as a number it is a number. */
  assert_cell (s, 4, 0, YS_CELL_STRING, "2010301");
  assert_cell (s, 5, 0, YS_CELL_NUMBER, "2010302");
  assert_cell (s, 4, 1, YS_CELL_STRING, "  行政\n运行 ");
  assert_cell (s, 4, 2, YS_CELL_NUMBER, "1623.35");
  assert_cell (s, 5, 2, YS_CELL_NUMBER, "16233500");
  assert_cell (s, 5, 4, YS_CELL_NUMBER, "0.0001");
  assert_cell (s, 6, 2, YS_CELL_NUMBER, "-0.5");
  assert_cell (s, 7, 4, YS_CELL_NUMBER, "150000000000000000000");
  /* #,##0.00_);[Red](#,##0.00) is no date. */
  assert_cell (s, 8, 2, YS_CELL_NUMBER, "1234.5");
  assert_cell (s, 4, 3, YS_CELL_DATE, "2023-01-31");
  assert_cell (s, 5, 3, YS_CELL_DATE, "2023-01-31T12:00:00");
  assert_cell (s, 6, 3, YS_CELL_DATE, "1900-03-01");
  assert_cell (s, 6, 4, YS_CELL_DATE, "2024-02-29");
  assert_cell (s, 7, 3, YS_CELL_DATE, "12:30:00");
  if (!xls)
    {
      assert_cell (s, 4, 4, YS_CELL_ERROR, "#N/A");
      assert_cell (s, 4, 5, YS_CELL_BOOL, "TRUE");
      assert_cell (s, 5, 5, YS_CELL_BOOL, "FALSE");
    }
}

static void
check_merges (const YsSheet *s)
{
  const YsMergeRange *m;

  g_assert_cmpuint (s->merges->len, ==, 3);
  m = ys_sheet_find_merge (s, 0, 4);
  g_assert_nonnull (m);
  g_assert_cmpuint (m->first_row, ==, 0);
  g_assert_cmpuint (m->first_col, ==, 0);
  g_assert_cmpuint (m->last_row, ==, 0);
  g_assert_cmpuint (m->last_col, ==, 5);
  m = ys_sheet_find_merge (s, 3, 2);  /* 金额 over two header rows */
  g_assert_nonnull (m);
  g_assert_cmpuint (m->first_row, ==, 2);
  g_assert_cmpuint (m->last_row, ==, 3);
  g_assert_cmpuint (m->first_col, ==, 2);
  g_assert_true (ys_sheet_find_merge (s, 2, 1) == ys_sheet_find_merge (s, 2, 0));
  g_assert_null (ys_sheet_find_merge (s, 3, 0));
}

static void
test_xlsx_openpyxl (void)
{
  g_autofree char *path = sample_path ("sample.xlsx");
  g_autoptr(GError) error = NULL;
  g_autoptr(YsWorkbook) book = ys_workbook_read (path, &error);
  YsSheet *s;

  g_assert_no_error (error);
  g_assert_cmpstr (book->format, ==, "xlsx");
  /* Tab order, although the first tab's part is sheet3.xml. */
  g_assert_cmpuint (book->sheets->len, ==, 3);
  s = book->sheets->pdata[0];
  check_budget_sheet (s, FALSE);
  check_merges (s);
  g_assert_false (s->hidden);
  s = book->sheets->pdata[1];
  g_assert_cmpstr (s->name, ==, "隐藏");
  g_assert_true (s->hidden);
  assert_cell (s, 0, 0, YS_CELL_STRING, "secret");
  s = book->sheets->pdata[2];
  g_assert_cmpstr (s->name, ==, "其他");
  g_assert_false (s->hidden);
  assert_cell (s, 1, 1, YS_CELL_NUMBER, "42");
  assert_cell (s, 0, 1, 0, NULL);
  g_assert_true (ys_workbook_first_sheet (book) == book->sheets->pdata[0]);
  g_assert_true (ys_workbook_find_sheet (book, "其他") == book->sheets->pdata[2]);
  g_assert_null (ys_workbook_find_sheet (book, "没有"));
  g_assert_null (ys_sheet_get_cell (s, 100, 100));
}

static void
test_xlsx_gnumeric (void)
{
  g_autofree char *path = sample_path ("gnumeric.xlsx");
  g_autoptr(GError) error = NULL;
  g_autoptr(YsWorkbook) book = ys_workbook_read (path, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (book->sheets->len, ==, 3);
  /* Gnumeric stores 1623.34999999999999998: the double it reads back as. */
  check_budget_sheet (book->sheets->pdata[0], FALSE);
  check_merges (book->sheets->pdata[0]);
  g_assert_cmpstr (((YsSheet *) book->sheets->pdata[2])->name, ==, "其他");
}

static void
test_xls (void)
{
  g_autofree char *path = sample_path ("sample.xls");
  g_autoptr(GError) error = NULL;
  g_autoptr(YsWorkbook) book = ys_workbook_read (path, &error);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(YsWorkbook) from_memory = NULL;
  g_autofree char *contents = NULL;
  gsize len;
  YsSheet *s;

  g_assert_no_error (error);
  g_assert_cmpstr (book->format, ==, "xls");
  g_assert_cmpuint (book->sheets->len, ==, 3);
  s = book->sheets->pdata[0];
  check_budget_sheet (s, TRUE);
  /* libfreexl 1.0.6 reports neither merged cells nor hidden sheets. */
  g_assert_cmpuint (s->merges->len, ==, 0);
  g_assert_cmpstr (((YsSheet *) book->sheets->pdata[1])->name, ==, "隐藏");
  g_assert_cmpstr (((YsSheet *) book->sheets->pdata[2])->name, ==, "其他");
  assert_cell (book->sheets->pdata[2], 1, 1, YS_CELL_NUMBER, "42");

  /* From memory the same (libfreexl reads a temporary file). */
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  bytes = g_bytes_new (contents, len);
  from_memory = ys_workbook_read_bytes (bytes, "sample.xls", &error);
  g_assert_no_error (error);
  check_budget_sheet (from_memory->sheets->pdata[0], TRUE);

  /* A file on which libfreexl 1.0.6 crashes (found by fuzz-workbook): the
   * reader runs in a child process, so the crash is a refusal. */
  {
    g_autofree char *crash = sample_path ("freexl-crash.xls");
    assert_refused (crash, YS_WORKBOOK_ERROR_FORMAT, "Excel 97", NULL);
  }

  /* Cut short: refused, never read as text. */
  {
    g_autoptr(GBytes) cut = g_bytes_new (contents, 1000);
    g_autoptr(YsWorkbook) none = ys_workbook_read_bytes (cut, "cut.xls", &error);
    g_assert_null (none);
    g_assert_error (error, YS_WORKBOOK_ERROR, YS_WORKBOOK_ERROR_FORMAT);
    g_assert_nonnull (strstr (error->message, "cut.xls"));
  }
}

/* Written part by part as Excel writes them (make-samples.py): shared
 * strings with rich text and phonetic runs, the 1904 date system, a very
 * hidden sheet, a relationship target absolute in the package. */
static void
test_xlsx_shared_strings (void)
{
  g_autofree char *path = sample_path ("shared.xlsx");
  g_autoptr(GError) error = NULL;
  g_autoptr(YsWorkbook) book = ys_workbook_read (path, &error);
  YsSheet *s;

  g_assert_no_error (error);
  g_assert_cmpuint (book->sheets->len, ==, 2);
  s = book->sheets->pdata[0];
  g_assert_cmpstr (s->name, ==, "表一");
  assert_cell (s, 0, 0, YS_CELL_STRING, "科目编码");
  assert_cell (s, 0, 1, YS_CELL_STRING, "行政 运行");
  assert_cell (s, 1, 0, YS_CELL_STRING, "甲");
  assert_cell (s, 1, 1, YS_CELL_DATE, "2023-01-31");  /* 43495 in the 1904 system */
  assert_cell (s, 1, 2, YS_CELL_DATE, "2023-01-31T12:00:00");
  assert_cell (s, 1, 3, YS_CELL_DATE, "06:00:00");
  assert_cell (s, 1, 4, YS_CELL_BOOL, "TRUE");
  assert_cell (s, 1, 5, YS_CELL_ERROR, "#REF!");
  assert_cell (s, 1, 6, YS_CELL_STRING, "科目编码");
  assert_cell (s, 4, 2, YS_CELL_STRING, "内联");
  assert_cell (s, 4, 3, YS_CELL_NUMBER, "2010301");  /* written 2.010301E6 */
  g_assert_cmpuint (s->merges->len, ==, 2);
  g_assert_nonnull (ys_sheet_find_merge (s, 5, 4));
  s = book->sheets->pdata[1];
  g_assert_true (s->hidden);
  g_assert_cmpuint (s->n_rows, ==, 0);
}

/* libxlsxwriter writes shared strings, and a constant-memory workbook
 * inline strings. */
static void
test_xlsx_libxlsxwriter (void)
{
  g_autofree char *dir = ys_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "shared.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(YsWorkbook) book = NULL;
  lxw_workbook *wb = workbook_new (path);
  lxw_worksheet *ws = workbook_add_worksheet (wb, "第一");
  lxw_format *date = workbook_add_format (wb);
  lxw_datetime when = { 2023, 12, 31, 0, 0, 0 };
  YsSheet *s;

  format_set_num_format (date, "yyyy\"年\"m\"月\"d\"日\"");
  worksheet_write_string (ws, 0, 0, "科目编码", NULL);
  worksheet_write_string (ws, 1, 0, "科目编码", NULL);  /* the same shared string twice */
  worksheet_write_number (ws, 1, 1, 615.0, NULL);
  worksheet_write_datetime (ws, 2, 2, &when, date);
  worksheet_write_boolean (ws, 3, 0, 1, NULL);
  worksheet_merge_range (ws, 4, 0, 5, 1, "合并", NULL);
  workbook_add_worksheet (wb, "第二");
  g_assert_cmpint (workbook_close (wb), ==, LXW_NO_ERROR);

  book = ys_workbook_read (path, &error);
  g_assert_no_error (error);
  s = ys_workbook_first_sheet (book);
  g_assert_cmpstr (s->name, ==, "第一");
  assert_cell (s, 0, 0, YS_CELL_STRING, "科目编码");
  assert_cell (s, 1, 0, YS_CELL_STRING, "科目编码");
  assert_cell (s, 1, 1, YS_CELL_NUMBER, "615");
  assert_cell (s, 2, 2, YS_CELL_DATE, "2023-12-31");
  assert_cell (s, 3, 0, YS_CELL_BOOL, "TRUE");
  assert_cell (s, 4, 0, YS_CELL_STRING, "合并");
  g_assert_nonnull (ys_sheet_find_merge (s, 5, 1));
  g_assert_cmpuint (book->sheets->len, ==, 2);
  g_assert_cmpuint (((YsSheet *) book->sheets->pdata[1])->n_rows, ==, 0);

  ys_test_rm_rf (dir);
}

/* ---- hand-made packages: the corners of the format ---------------------------- */

static void
test_xlsx_corners (void)
{
  g_autofree char *dir = ys_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "corners.xlsx", NULL);
  g_autofree char *sheet = ys_test_sheet_xml (
    /* Rows and cells without r follow the previous ones. */
    "<row><c><v>1</v></c><c t=\"s\"><v>0</v></c></row>"
    "<row r=\"3\"><c r=\"C3\" t=\"s\"><v>1</v></c><c><v>2.5E-3</v></c></row>"
    "<row><c r=\"A4\" t=\"inlineStr\"><is><r><t>内</t></r><r><t xml:space=\"preserve\"> 联</t></r>"
    "<rPh><t>nei</t></rPh></is></c>"
    "<c r=\"B4\" t=\"str\"><f>A1&amp;\"x\"</f><v>1x</v></c>"
    "<c r=\"C4\" s=\"1\"><v>0</v></c><c r=\"D4\" s=\"1\"><v>1</v></c>"
    "<c r=\"E4\" s=\"2\"><v>1.5</v></c><c r=\"F4\" t=\"e\"><v>#DIV/0!</v></c>"
    "<c r=\"G4\" s=\"1\"/><c r=\"H4\" t=\"s\"><v>2</v></c>"
    "<x:c xmlns:x=\"" YS_TEST_NS "\" r=\"I4\"><x:v>7</x:v></x:c></row>",
    "<mergeCells><mergeCell ref=\"A1:B2\"/><mergeCell ref=\"C3\"/></mergeCells>");
  g_autoptr(GError) error = NULL;
  g_autoptr(YsWorkbook) book = NULL;
  YsSheet *s;

  ys_test_write_xlsx (path,
    "xl/workbook.xml",
    "<workbook xmlns=\"" YS_TEST_NS "\" xmlns:r=\"" YS_TEST_REL "\"><workbookPr date1904=\"1\"/>"
    "<sheets><sheet name=\"甲\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>",
    "xl/worksheets/sheet1.xml", sheet,
    "xl/sharedStrings.xml",
    "<sst xmlns=\"" YS_TEST_NS "\"><si><r><rPr><b/></rPr><t>行政</t></r><r><t xml:space=\"preserve\"> 运行</t></r></si>"
    "<si><t>甲</t><rPh sb=\"0\" eb=\"1\"><t>jia</t></rPh></si><si><t/></si></sst>",
    "xl/styles.xml",
    "<styleSheet xmlns=\"" YS_TEST_NS "\"><numFmts><numFmt numFmtId=\"170\" formatCode=\"[h]:mm\"/></numFmts>"
    "<cellStyleXfs><xf numFmtId=\"14\"/><xf numFmtId=\"14\"/><xf numFmtId=\"14\"/></cellStyleXfs>"
    "<cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"170\"/></cellXfs></styleSheet>",
    NULL);

  book = ys_workbook_read (path, &error);
  g_assert_no_error (error);
  s = ys_workbook_first_sheet (book);
  g_assert_cmpstr (s->name, ==, "甲");
  assert_cell (s, 0, 0, YS_CELL_NUMBER, "1");
  assert_cell (s, 0, 1, YS_CELL_STRING, "行政 运行");
  assert_cell (s, 2, 2, YS_CELL_STRING, "甲");
  assert_cell (s, 2, 3, YS_CELL_NUMBER, "0.0025");
  assert_cell (s, 3, 0, YS_CELL_STRING, "内 联");
  assert_cell (s, 3, 1, YS_CELL_STRING, "1x");
  /* The 1904 date system: serial 0 is 1904-01-01. */
  assert_cell (s, 3, 2, YS_CELL_DATE, "1904-01-01");
  assert_cell (s, 3, 3, YS_CELL_DATE, "1904-01-02");
  assert_cell (s, 3, 4, YS_CELL_DATE, "36:00:00");
  assert_cell (s, 3, 5, YS_CELL_ERROR, "#DIV/0!");
  assert_cell (s, 3, 6, 0, NULL);  /* styled, no value */
  assert_cell (s, 3, 7, 0, NULL);  /* the empty shared string */
  assert_cell (s, 3, 8, YS_CELL_NUMBER, "7");
  g_assert_cmpuint (s->n_rows, ==, 4);
  g_assert_cmpuint (s->n_cols, ==, 9);
  g_assert_cmpuint (s->merges->len, ==, 1);  /* a one-cell merge is none */
  g_assert_nonnull (ys_sheet_find_merge (s, 1, 1));

  ys_test_rm_rf (dir);
}

static void
test_numbers_and_dates (void)
{
  static const struct { double v; const char *text; } numbers[] = {
    { 1623.35, "1623.35" }, { 16233500, "16233500" }, { 0.0001, "0.0001" },
    { -0.5, "-0.5" }, { 1e-7, "0.0000001" }, { 0.1 + 0.2, "0.30000000000000004" },
    { 1.5e20, "150000000000000000000" }, { 123456789012345678.0, "123456789012345680" },
    { -0.0, "0" }, { 2010301, "2010301" }, { 1e15 + 0.5, "1000000000000000.5" },
  };
  static const struct { double serial; gboolean d1904; const char *text; } dates[] = {
    { 1, FALSE, "1900-01-01" }, { 59, FALSE, "1900-02-28" }, { 60, FALSE, "1900-02-29" },
    { 61, FALSE, "1900-03-01" }, { 44957, FALSE, "2023-01-31" },
    { 44957.75, FALSE, "2023-01-31T18:00:00" }, { 2958465, FALSE, "9999-12-31" },
    { 0, TRUE, "1904-01-01" }, { 43495, TRUE, "2023-01-31" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      g_autofree char *text = ys_workbook_number_text (numbers[i].v);
      g_assert_cmpstr (text, ==, numbers[i].text);
    }
  g_assert_null (ys_workbook_number_text (1.0 / 0.0));
  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autofree char *text = ys_workbook_serial_text (dates[i].serial, YS_NUMBER_DATE,
                                                       dates[i].d1904);
      g_assert_cmpstr (text, ==, dates[i].text);
    }
  g_assert_null (ys_workbook_serial_text (-1, YS_NUMBER_DATE, FALSE));
  g_assert_null (ys_workbook_serial_text (3e6, YS_NUMBER_DATE, FALSE));

  g_assert_cmpint (ys_workbook_format_kind ("yyyy-mm-dd"), ==, YS_NUMBER_DATE);
  g_assert_cmpint (ys_workbook_format_kind ("yyyy\"年\"m\"月\""), ==, YS_NUMBER_DATE);
  g_assert_cmpint (ys_workbook_format_kind ("[$-804]yyyy/m/d;@"), ==, YS_NUMBER_DATE);
  g_assert_cmpint (ys_workbook_format_kind ("h:mm AM/PM"), ==, YS_NUMBER_TIME);
  g_assert_cmpint (ys_workbook_format_kind ("mm:ss"), ==, YS_NUMBER_TIME);
  g_assert_cmpint (ys_workbook_format_kind ("[h]:mm:ss"), ==, YS_NUMBER_TIME);
  g_assert_cmpint (ys_workbook_format_kind ("General"), ==, YS_NUMBER_PLAIN);
  g_assert_cmpint (ys_workbook_format_kind ("#,##0.00_);[Red](#,##0.00)"), ==, YS_NUMBER_PLAIN);
  g_assert_cmpint (ys_workbook_format_kind ("0.00\"元\""), ==, YS_NUMBER_PLAIN);
  g_assert_cmpint (ys_workbook_format_kind ("0.00E+00"), ==, YS_NUMBER_PLAIN);
  g_assert_cmpint (ys_workbook_format_kind ("\"Day\"0"), ==, YS_NUMBER_PLAIN);
  g_assert_cmpint (ys_workbook_builtin_kind (14), ==, YS_NUMBER_DATE);
  g_assert_cmpint (ys_workbook_builtin_kind (22), ==, YS_NUMBER_DATE);
  g_assert_cmpint (ys_workbook_builtin_kind (31), ==, YS_NUMBER_DATE);
  g_assert_cmpint (ys_workbook_builtin_kind (20), ==, YS_NUMBER_TIME);
  g_assert_cmpint (ys_workbook_builtin_kind (46), ==, YS_NUMBER_TIME);
  g_assert_cmpint (ys_workbook_builtin_kind (4), ==, YS_NUMBER_PLAIN);
  g_assert_cmpint (ys_workbook_builtin_kind (49), ==, YS_NUMBER_PLAIN);
}

/* ---- CSV and pasted text -------------------------------------------------------- */

static void
test_csv (void)
{
  g_autofree char *gb = sample_path ("gb18030.csv");
  g_autofree char *tab = sample_path ("tab.txt");
  g_autoptr(GError) error = NULL;
  g_autoptr(YsWorkbook) book = ys_workbook_read (gb, &error);
  g_autoptr(YsWorkbook) tsv = NULL;
  g_autoptr(YsWorkbook) bom = NULL;
  g_autoptr(YsWorkbook) utf16 = NULL;
  g_autoptr(YsWorkbook) paste = NULL;
  g_autoptr(YsWorkbook) column = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *utf16_text = NULL;
  gsize utf16_len;
  YsSheet *s;

  g_assert_no_error (error);
  g_assert_cmpstr (book->format, ==, "csv");
  s = ys_workbook_first_sheet (book);
  g_assert_cmpstr (s->name, ==, "gb18030");
  g_assert_cmpuint (s->n_rows, ==, 3);
  assert_cell (s, 0, 1, YS_CELL_STRING, "科目名称");
  assert_cell (s, 1, 2, YS_CELL_STRING, "1,623.35");
  assert_cell (s, 2, 1, YS_CELL_STRING, "一般行政\r\n管理事务");
  assert_cell (s, 2, 2, YS_CELL_STRING, "615.00");

  tsv = ys_workbook_read (tab, &error);
  g_assert_no_error (error);
  s = ys_workbook_first_sheet (tsv);
  g_assert_cmpuint (s->n_cols, ==, 3);
  assert_cell (s, 1, 1, YS_CELL_STRING, "1,008.35");
  assert_cell (s, 1, 2, YS_CELL_STRING, "含,逗号");
  assert_cell (s, 2, 0, 0, NULL);
  assert_cell (s, 2, 2, YS_CELL_STRING, "两\n行");

  bytes = g_bytes_new_static ("\xEF\xBB\xBF" "a,b\n1,2\n", 11);
  bom = ys_workbook_read_bytes (bytes, "bom.csv", &error);
  g_assert_no_error (error);
  assert_cell (bom->sheets->pdata[0], 0, 0, YS_CELL_STRING, "a");
  assert_cell (bom->sheets->pdata[0], 1, 1, YS_CELL_STRING, "2");
  g_clear_pointer (&bytes, g_bytes_unref);

  /* Excel's "Unicode text": UTF-16 with a BOM, tab-separated. */
  utf16_text = g_convert ("\xEF\xBB\xBF" "科目\t金额\n行政运行\t1.5\n", -1, "UTF-16LE", "UTF-8",
                          NULL, &utf16_len, NULL);
  memcpy (utf16_text, "\xFF\xFE", 2);  /* the BOM, converted */
  bytes = g_bytes_new (utf16_text, utf16_len);
  utf16 = ys_workbook_read_bytes (bytes, "unicode.txt", &error);
  g_assert_no_error (error);
  assert_cell (utf16->sheets->pdata[0], 1, 0, YS_CELL_STRING, "行政运行");
  assert_cell (utf16->sheets->pdata[0], 1, 1, YS_CELL_STRING, "1.5");

  paste = ys_workbook_read_text ("编码\t名称\n2010301\t行政运行\n", -1, &error);
  g_assert_no_error (error);
  assert_cell (paste->sheets->pdata[0], 1, 1, YS_CELL_STRING, "行政运行");
  column = ys_workbook_read_delimited ("1,623.35\n2,000\n", -1, '\t', NULL, &error);
  g_assert_no_error (error);
  assert_cell (column->sheets->pdata[0], 0, 0, YS_CELL_STRING, "1,623.35");
  g_assert_cmpuint (((YsSheet *) column->sheets->pdata[0])->n_cols, ==, 1);
}

static void
test_csv_refused (void)
{
  g_autofree char *dir = ys_test_tmp_dir ();
  g_autofree char *bad = g_build_filename (dir, "neither.csv", NULL);
  g_autofree char *binary = g_build_filename (dir, "binary.csv", NULL);
  g_autofree char *quote = g_build_filename (dir, "quote.csv", NULL);
  g_autofree char *wide = g_build_filename (dir, "wide.csv", NULL);
  g_autofree char *many = g_strnfill (20000, ',');

  /* \x80 cannot start a GB18030 character. */
  g_assert_true (g_file_set_contents (bad, "a,b\n\x80\x80,c\n", -1, NULL));
  assert_refused (bad, YS_WORKBOOK_ERROR_FORMAT, "GB18030", NULL);
  g_assert_true (g_file_set_contents (binary, "a,b\0c", 5, NULL));
  assert_refused (binary, YS_WORKBOOK_ERROR_FORMAT, "binary", NULL);
  g_assert_true (g_file_set_contents (quote, "a,b\n1,\"open\n", -1, NULL));
  assert_refused (quote, YS_WORKBOOK_ERROR_FORMAT, "line 2", NULL);
  /* An empty file is an empty sheet (found by fuzz-catalog: its mapping
   * has no data pointer at all). */
  {
    g_autofree char *empty = g_build_filename (dir, "empty.csv", NULL);
    g_autoptr(GError) error = NULL;
    g_autoptr(YsWorkbook) book = NULL;

    g_assert_true (g_file_set_contents (empty, "", 0, NULL));
    book = ys_workbook_read (empty, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (((YsSheet *) book->sheets->pdata[0])->n_rows, ==, 0);
    g_assert_cmpstr (((YsSheet *) book->sheets->pdata[0])->name, ==, "empty");
  }
  g_assert_true (g_file_set_contents (wide, many, -1, NULL));
  assert_refused (wide, YS_WORKBOOK_ERROR_TOO_LARGE, "line 1", NULL);

  ys_test_rm_rf (dir);
}

/* ---- hostile packages ------------------------------------------------------------ */

static void
write_sheet (const char *path,
             const char *rows,
             const char *after)
{
  g_autofree char *sheet = ys_test_sheet_xml (rows, after);
  ys_test_write_xlsx (path, "xl/worksheets/sheet1.xml", sheet, NULL);
}

static void
test_xlsx_issue_crashes (void)
{
  g_autofree char *dir = ys_test_tmp_dir ();
  g_autofree char *empty_ss = g_build_filename (dir, "empty-strings.xlsx", NULL);
  g_autofree char *row_in_cell = g_build_filename (dir, "row-in-cell.xlsx", NULL);
  g_autofree char *empty_sheet = g_build_filename (dir, "empty-sheet.xlsx", NULL);
  g_autofree char *empty_wb = g_build_filename (dir, "empty-workbook.xlsx", NULL);
  g_autofree char *sheet = ys_test_sheet_xml ("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>", NULL);

  /* The two inputs that crashed the catalog import. */
  ys_test_write_xlsx (empty_ss, "xl/worksheets/sheet1.xml", sheet,
                      "xl/sharedStrings.xml", "", NULL);
  assert_refused (empty_ss, YS_WORKBOOK_ERROR_FORMAT, "xl/sharedStrings.xml", "empty", NULL);
  write_sheet (row_in_cell, "<row r=\"1\"><c r=\"A1\"><v>1</v><row r=\"2\"/></c></row>", NULL);
  assert_refused (row_in_cell, YS_WORKBOOK_ERROR_FORMAT, "xl/worksheets/sheet1.xml",
                  "A1", "row", NULL);

  ys_test_write_xlsx (empty_sheet, "xl/worksheets/sheet1.xml", "", NULL);
  assert_refused (empty_sheet, YS_WORKBOOK_ERROR_FORMAT, "xl/worksheets/sheet1.xml", "empty", NULL);
  ys_test_write_xlsx (empty_wb, "xl/workbook.xml", "", NULL);
  assert_refused (empty_wb, YS_WORKBOOK_ERROR_FORMAT, "xl/workbook.xml", "empty", NULL);

  ys_test_rm_rf (dir);
}

static void
test_xlsx_bad_parts (void)
{
  g_autofree char *dir = ys_test_tmp_dir ();
  g_autofree char *p = NULL;
  g_autofree char *deep = NULL;
  GString *nested = g_string_new (NULL);

#define PATH(name) (g_free (p), p = g_build_filename (dir, name, NULL))
  /* An entity declaration is refused, never expanded. */
  ys_test_write_xlsx (PATH ("lol.xlsx"), "xl/worksheets/sheet1.xml",
    "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;\">]>"
    "<worksheet xmlns=\"" YS_TEST_NS "\"><sheetData><row><c t=\"inlineStr\"><is><t>&lol2;</t></is></c></row>"
    "</sheetData></worksheet>", NULL);
  assert_refused (p, YS_WORKBOOK_ERROR_FORMAT, "xl/worksheets/sheet1.xml", "DOCTYPE", NULL);
  ys_test_write_xlsx (PATH ("external.xlsx"), "xl/sharedStrings.xml",
    "<!DOCTYPE sst SYSTEM \"file:///etc/passwd\"><sst xmlns=\"" YS_TEST_NS "\"/>", NULL);
  assert_refused (p, YS_WORKBOOK_ERROR_FORMAT, "xl/sharedStrings.xml", "DOCTYPE", NULL);

  write_sheet (PATH ("malformed.xlsx"), "<row><c><v>1</c></row>", NULL);
  assert_refused (p, YS_WORKBOOK_ERROR_FORMAT, "xl/worksheets/sheet1.xml", NULL);
  for (int i = 0; i < 100; i++)
    g_string_append (nested, "<a>");
  for (int i = 0; i < 100; i++)
    g_string_append (nested, "</a>");
  deep = g_string_free (nested, FALSE);
  write_sheet (PATH ("deep.xlsx"), deep, NULL);
  assert_refused (p, YS_WORKBOOK_ERROR_FORMAT, "nested", NULL);

  write_sheet (PATH ("column.xlsx"), "<row r=\"1\"><c r=\"XFE1\"><v>1</v></c></row>", NULL);
  assert_refused (p, YS_WORKBOOK_ERROR_FORMAT, "XFE1", "XFD", NULL);
  write_sheet (PATH ("row.xlsx"), "<row r=\"1\"><c r=\"A1048577\"><v>1</v></c></row>", NULL);
  assert_refused (p, YS_WORKBOOK_ERROR_FORMAT, "A1048577", "1048576", NULL);
  write_sheet (PATH ("rownum.xlsx"), "<row r=\"99999999999\"><c><v>1</v></c></row>", NULL);
  assert_refused (p, YS_WORKBOOK_ERROR_FORMAT, "99999999999", NULL);
  write_sheet (PATH ("ref.xlsx"), "<row r=\"1\"><c r=\"1A\"><v>1</v></c></row>", NULL);
  assert_refused (p, YS_WORKBOOK_ERROR_FORMAT, "1A", NULL);
  write_sheet (PATH ("merge.xlsx"), "", "<mergeCells><mergeCell ref=\"A1:ZZZZ9\"/></mergeCells>");
  assert_refused (p, YS_WORKBOOK_ERROR_FORMAT, "ZZZZ9", NULL);
  /* Two cells far apart would need a 17-billion-cell sheet. */
  write_sheet (PATH ("area.xlsx"),
               "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"
               "<row r=\"1048576\"><c r=\"XFD1048576\"><v>1</v></c></row>", NULL);
  assert_refused (p, YS_WORKBOOK_ERROR_TOO_LARGE, "Sheet1", NULL);

  write_sheet (PATH ("string-index.xlsx"), "<row><c t=\"s\"><v>5</v></c></row>", NULL);
  assert_refused (p, YS_WORKBOOK_ERROR_FORMAT, "A1", "shared string", NULL);
  write_sheet (PATH ("not-number.xlsx"), "<row><c><v>12abc</v></c></row>", NULL);
  assert_refused (p, YS_WORKBOOK_ERROR_FORMAT, "12abc", NULL);
  write_sheet (PATH ("cell-in-cell.xlsx"), "<row><c><c/></c></row>", NULL);
  assert_refused (p, YS_WORKBOOK_ERROR_FORMAT, "xl/worksheets/sheet1.xml", NULL);

  /* A Word document renamed .xlsx. */
  ys_test_write_xlsx (PATH ("word.xlsx"), "[Content_Types].xml",
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-"
    "officedocument.wordprocessingml.document.main+xml\"/></Types>", NULL);
  assert_refused (p, YS_WORKBOOK_ERROR_FORMAT, "xl/workbook.xml", "wordprocessingml", NULL);
  ys_test_write_xlsx (PATH ("no-types.xlsx"), "[Content_Types].xml", NULL, NULL);
  assert_refused (p, YS_WORKBOOK_ERROR_FORMAT, "[Content_Types].xml", NULL);
  ys_test_write_xlsx (PATH ("no-sheet.xlsx"), "xl/worksheets/sheet1.xml", NULL, NULL);
  assert_refused (p, YS_WORKBOOK_ERROR_FORMAT, "Sheet1", "xl/worksheets/sheet1.xml", "missing", NULL);
  ys_test_write_xlsx (PATH ("no-rels.xlsx"), "xl/_rels/workbook.xml.rels", NULL, NULL);
  assert_refused (p, YS_WORKBOOK_ERROR_FORMAT, "xl/_rels/workbook.xml.rels", NULL);
#undef PATH
  ys_test_rm_rf (dir);
}

static void
test_xlsx_truncated (void)
{
  g_autofree char *path = sample_path ("sample.xlsx");
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  /* Cut anywhere: the central directory at the end is gone or damaged. */
  for (gsize cut = 10; cut < len; cut += len / 7)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (contents, cut);
      g_autoptr(GError) error = NULL;
      g_autoptr(YsWorkbook) book = ys_workbook_read_bytes (bytes, "cut.xlsx", &error);

      g_assert_null (book);
      g_assert_error (error, YS_WORKBOOK_ERROR, YS_WORKBOOK_ERROR_FORMAT);
      g_assert_nonnull (strstr (error->message, "cut.xlsx"));
    }
  /* A flipped byte inside a compressed part: damaged, not a crash. */
  for (gsize at = 100; at < len - 200; at += 97)
    {
      g_autofree char *copy = g_memdup2 (contents, len);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(YsWorkbook) book = NULL;

      copy[at] ^= 0x5a;
      bytes = g_bytes_new_take (g_steal_pointer (&copy), len);
      book = ys_workbook_read_bytes (bytes, "flipped.xlsx", &error);
      g_assert_true ((book == NULL) != (error == NULL));
    }
}

static void
test_xlsx_zip_bomb (void)
{
  g_autofree char *dir = ys_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "bomb.xlsx", NULL);
  g_autofree char *lying = g_build_filename (dir, "lying-bomb.xlsx", NULL);
  g_autofree char *contents = NULL;
  GStatBuf st;
  gsize len;

  ys_test_write_zip_bomb (path);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_test_message ("bomb: %" G_GINT64_FORMAT " bytes", (gint64) st.st_size);
  g_assert_cmpint (st.st_size, <, 400 * 1024);
  assert_refused (path, YS_WORKBOOK_ERROR_TOO_LARGE, "xl/worksheets/sheet1.xml", NULL);

  /* The same bomb declaring a small size: stopped all the same. */
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  ys_test_zip_understate (contents, len, "xl/worksheets/sheet1.xml");
  g_assert_true (g_file_set_contents (lying, contents, len, NULL));
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(YsWorkbook) book = ys_workbook_read (lying, &error);
    g_assert_null (book);
    g_assert_error (error, YS_WORKBOOK_ERROR, YS_WORKBOOK_ERROR_FORMAT);
    g_assert_nonnull (strstr (error->message, "xl/worksheets/sheet1.xml"));
  }
  ys_test_rm_rf (dir);
}

static void
test_sheet_model (void)
{
  g_autoptr(YsSheet) s = ys_sheet_new ("手工", 2, 2);

  g_assert_cmpuint (s->n_rows, ==, 2);
  g_assert_null (ys_sheet_get_cell (s, 1, 1));
  ys_sheet_set_cell (s, 1, 1, YS_CELL_STRING, "x");
  assert_cell (s, 1, 1, YS_CELL_STRING, "x");
  /* Outside: the sheet grows and keeps what it had. */
  ys_sheet_set_cell (s, 4, 3, YS_CELL_NUMBER, "5");
  g_assert_cmpuint (s->n_rows, ==, 5);
  g_assert_cmpuint (s->n_cols, ==, 4);
  assert_cell (s, 1, 1, YS_CELL_STRING, "x");
  assert_cell (s, 4, 3, YS_CELL_NUMBER, "5");
  g_assert_cmpstr (ys_sheet_get_text (s, 4, 3), ==, "5");
  ys_sheet_set_cell (s, 1, 1, YS_CELL_EMPTY, NULL);
  g_assert_null (ys_sheet_get_text (s, 1, 1));
  ys_sheet_add_merge (s, 3, 2, 2, 0);
  g_assert_nonnull (ys_sheet_find_merge (s, 2, 1));
  g_assert_null (ys_sheet_find_merge (s, 4, 1));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/workbook/xlsx/openpyxl", test_xlsx_openpyxl);
  g_test_add_func ("/workbook/xlsx/gnumeric", test_xlsx_gnumeric);
  g_test_add_func ("/workbook/xlsx/libxlsxwriter", test_xlsx_libxlsxwriter);
  g_test_add_func ("/workbook/xlsx/corners", test_xlsx_corners);
  g_test_add_func ("/workbook/xlsx/shared-strings", test_xlsx_shared_strings);
  g_test_add_func ("/workbook/xls", test_xls);
  g_test_add_func ("/workbook/numbers-and-dates", test_numbers_and_dates);
  g_test_add_func ("/workbook/csv", test_csv);
  g_test_add_func ("/workbook/csv/refused", test_csv_refused);
  g_test_add_func ("/workbook/sheet-model", test_sheet_model);
  g_test_add_func ("/workbook/hostile/issue-crashes", test_xlsx_issue_crashes);
  g_test_add_func ("/workbook/hostile/bad-parts", test_xlsx_bad_parts);
  g_test_add_func ("/workbook/hostile/truncated", test_xlsx_truncated);
  g_test_add_func ("/workbook/hostile/zip-bomb", test_xlsx_zip_bomb);
  return g_test_run ();
}
