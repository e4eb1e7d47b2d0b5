/* Typed text to stored values: the one path the grid, the forms and paste take. */
#include "config.h"

#include <string.h>

#include "ys-cell-input.h"
#include "ys-kinds.h"
#include "ys-test-util.h"

typedef struct
{
  char       *dir;
  char       *path;
  YsDocument *doc;
  YsLookup   *lookup;
} Fixture;

static void
setup (Fixture *f, gconstpointer data)
{
  f->dir = ys_test_tmp_dir ();
  f->path = g_build_filename (f->dir, "doc.yusuan", NULL);
  f->doc = ys_test_small_document (f->path);
  f->lookup = ys_lookup_new (f->doc);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->lookup);
  g_clear_object (&f->doc);
  ys_test_rm_rf (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static YsMoney
parse_amount (Fixture *f, YsMoneyUnit unit, const char *text, GError **error)
{
  YsCellInput input = { f->doc, f->lookup, YS_LOOKUP_NONE, unit };
  YsValue v;

  if (!ys_cell_input_parse (&input, &ys_line_kind, YS_LINE_AMOUNT, NULL, text, &v, error))
    return -1;
  return v.i;
}

static void
test_amounts (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  /* 元 with separators as a spreadsheet copies them; 万元 with more decimals. */
  g_assert_cmpint (parse_amount (f, YS_MONEY_YUAN, "1,234.56", &error), ==, 123456);
  g_assert_no_error (error);
  g_assert_cmpint (parse_amount (f, YS_MONEY_WAN, "1.5", &error), ==, 1500000);
  g_assert_no_error (error);
  g_assert_cmpint (parse_amount (f, YS_MONEY_WAN, "0.000123", &error), ==, 123);
  g_assert_no_error (error);
  /* Nothing typed is nought, not an error. */
  g_assert_cmpint (parse_amount (f, YS_MONEY_YUAN, "", &error), ==, 0);
  g_assert_no_error (error);

  /* Refused, and said in the field's own name. */
  g_assert_cmpint (parse_amount (f, YS_MONEY_YUAN, "12.345", &error), ==, -1);
  g_assert_error (error, YS_FIELD_ERROR, YS_FIELD_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "amount: "));
  g_clear_error (&error);
  g_assert_cmpint (parse_amount (f, YS_MONEY_YUAN, "-5", &error), ==, -1);
  g_assert_error (error, YS_FIELD_ERROR, YS_FIELD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (parse_amount (f, YS_MONEY_YUAN, "一百", &error), ==, -1);
  g_assert_error (error, YS_FIELD_ERROR, YS_FIELD_ERROR_INVALID);
}

static void
test_codes_and_choices (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  YsCellInput units = { f->doc, f->lookup, YS_LOOKUP_UNIT, YS_MONEY_YUAN };
  YsCellInput functions = { f->doc, f->lookup, YS_LOOKUP_FUNCTION, YS_MONEY_YUAN };
  YsCellInput choices = { f->doc, f->lookup, YS_LOOKUP_CHOICES, YS_MONEY_YUAN };
  YsValue v;

  /* A unit typed by its name is stored by its code. */
  g_assert_true (ys_cell_input_parse (&units, &ys_line_kind, YS_LINE_UNIT_CODE, NULL, "测试单位", &v, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (v.s, ==, "103001");
  ys_value_clear (&ys_line_kind.fields[YS_LINE_UNIT_CODE], &v);

  /* A code as a published table prints it, with its name. */
  g_assert_true (ys_cell_input_parse (&functions, &ys_line_kind, YS_LINE_FUNC_CODE, NULL, "2010301 行政运行", &v, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (v.s, ==, "2010301");
  ys_value_clear (&ys_line_kind.fields[YS_LINE_FUNC_CODE], &v);

  /* A choice by the initials of its pinyin. */
  g_assert_true (ys_cell_input_parse (&choices, &ys_line_kind, YS_LINE_KIND, NULL, "ryjf", &v, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (v.s, ==, "人员经费");
  ys_value_clear (&ys_line_kind.fields[YS_LINE_KIND], &v);

  /* A unit the budget does not have. */
  g_assert_false (ys_cell_input_parse (&units, &ys_line_kind, YS_LINE_UNIT_CODE, NULL, "999999", &v, &error));
  g_assert_error (error, YS_DOCUMENT_ERROR, YS_DOCUMENT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "999999"));
}

static void
test_keys (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  YsCellInput input = { f->doc, NULL, YS_LOOKUP_NONE, YS_MONEY_YUAN };
  YsRecord *unit = ys_document_get (f->doc, &ys_unit_kind, 0);
  YsValue v;

  /* Another unit may not take this unit's code; the unit itself keeps it. */
  g_assert_false (ys_cell_input_parse (&input, &ys_unit_kind, YS_UNIT_CODE, NULL, "103001", &v, &error));
  g_assert_error (error, YS_DOCUMENT_ERROR, YS_DOCUMENT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (ys_cell_input_parse (&input, &ys_unit_kind, YS_UNIT_CODE, unit, "103001", &v, &error));
  g_assert_no_error (error);
  ys_value_clear (&ys_unit_kind.fields[YS_UNIT_CODE], &v);
}

static void
test_apply (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  YsCellInput input = { f->doc, f->lookup, YS_LOOKUP_NONE, YS_MONEY_WAN };
  YsRecord *line = ys_document_get (f->doc, &ys_line_kind, 0);
  g_autoptr(YsRecord) draft = ys_record_new (&ys_line_kind);
  YsMoney before = ys_record_get_int (line, YS_LINE_AMOUNT);

  /* Into the document, as one undoable step, in 万元. */
  g_assert_true (ys_cell_input_apply (&input, line, TRUE, YS_LINE_AMOUNT, "12.5", &error));
  g_assert_no_error (error);
  g_assert_cmpint (ys_record_get_int (line, YS_LINE_AMOUNT), ==, 12500000);
  g_assert_true (ys_document_undo (f->doc, &error));
  g_assert_cmpint (ys_record_get_int (line, YS_LINE_AMOUNT), ==, before);

  /* A refused value changes nothing. */
  g_assert_false (ys_cell_input_apply (&input, line, TRUE, YS_LINE_AMOUNT, "abc", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (ys_record_get_int (line, YS_LINE_AMOUNT), ==, before);

  /* A new row keeps what is typed, and says what it still lacks. */
  g_assert_cmpint (ys_cell_input_first_missing (draft), ==, YS_LINE_UNIT_CODE);
  input.lookup_kind = YS_LOOKUP_UNIT;
  g_assert_true (ys_cell_input_apply (&input, draft, FALSE, YS_LINE_UNIT_CODE, "测试单位", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ys_record_get_text (draft, YS_LINE_UNIT_CODE), ==, "103001");
  g_assert_cmpint (ys_cell_input_first_missing (draft), ==, YS_LINE_FUNC_CODE);
  g_assert_cmpuint (ys_document_count (f->doc, &ys_line_kind), ==, 2);
}

/* A message names the field as the user sees it, where one is given: the
 * column's title, not the document's name for the field. */
static void
test_field_title (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  YsCellInput plain = { f->doc, NULL, YS_LOOKUP_NONE, YS_MONEY_YUAN };
  YsCellInput shown = { f->doc, NULL, YS_LOOKUP_NONE, YS_MONEY_YUAN, "Column Title" };
  YsRecord *line = ys_document_get (f->doc, &ys_line_kind, 0);
  YsValue v;

  g_assert_false (ys_cell_input_parse (&plain, &ys_line_kind, YS_LINE_FUNC_CODE, NULL, "12", &v, &error));
  g_assert_nonnull (strstr (error->message, ys_line_kind.fields[YS_LINE_FUNC_CODE].label));
  g_clear_error (&error);

  g_assert_false (ys_cell_input_parse (&shown, &ys_line_kind, YS_LINE_FUNC_CODE, NULL, "12", &v, &error));
  g_assert_nonnull (strstr (error->message, "Column Title"));
  g_assert_null (strstr (error->message, ys_line_kind.fields[YS_LINE_FUNC_CODE].label));
  g_clear_error (&error);

  /* Amounts, and a reference the document refuses, alike. */
  g_assert_false (ys_cell_input_apply (&shown, line, TRUE, YS_LINE_AMOUNT, "abc", &error));
  g_assert_nonnull (strstr (error->message, "Column Title"));
  g_clear_error (&error);
  g_assert_false (ys_cell_input_apply (&shown, line, TRUE, YS_LINE_UNIT_CODE, "999999", &error));
  g_assert_nonnull (strstr (error->message, "Column Title"));
}


int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, fn) g_test_add ("/cell-input/" path, Fixture, NULL, setup, fn, teardown)
  ADD ("amounts", test_amounts);
  ADD ("codes-and-choices", test_codes_and_choices);
  ADD ("keys", test_keys);
  ADD ("apply", test_apply);
  ADD ("field-title", test_field_title);
  return g_test_run ();
}
