/* Records: typed fields, their parsing, and their GObject properties. */
#include "config.h"

#include <string.h>

#include "ys-test-util.h"

static void
test_kinds_are_consistent (void)
{
  const YsKind *const *kinds = ys_kinds_all ();
  guint n = 0;

  for (guint k = 0; kinds[k]; k++, n++)
    {
      g_assert_true (ys_kinds_lookup (kinds[k]->name) == kinds[k]);
      g_assert_cmpuint (ys_kinds_index (kinds[k]), ==, k);
      for (guint i = 0; i < kinds[k]->n_fields; i++)
        {
          const YsField *f = &kinds[k]->fields[i];
          g_assert_true (f->type != YS_FIELD_CHOICE || f->choices != NULL);
          /* A kind may only refer to kinds created before it. */
          if (f->ref)
            g_assert_cmpuint (ys_kinds_index (ys_kinds_lookup (f->ref)), <, k);
        }
    }
  g_assert_cmpuint (n, ==, YS_N_KINDS);
}

static void
count_notify (guint *n)
{
  (*n)++;
}

static void
test_properties (void)
{
  g_autoptr(YsRecord) line = ys_test_record (&ys_line_kind, "unit_code", "103001", "func_code", "2010301",
                                             "econ_code", "30101", "kind", "人员经费",
                                             "source", "一般公共预算拨款", "amount", "１２３４．５６",
                                             "procurement", "是", NULL);
  g_autofree char *func = NULL;
  gint64 amount = 0;
  gboolean procurement = FALSE;
  guint notified = 0;

  g_object_get (line, "func-code", &func, "amount", &amount, "procurement", &procurement, NULL);
  g_assert_cmpstr (func, ==, "2010301");
  g_assert_cmpint (amount, ==, 123456);
  g_assert_true (procurement);

  g_signal_connect_swapped (line, "notify::amount", G_CALLBACK (count_notify), &notified);
  ys_record_set_int (line, YS_LINE_AMOUNT, 5);
  ys_record_set_int (line, YS_LINE_AMOUNT, 5);
  g_assert_cmpuint (notified, ==, 1);
}

static void
test_field_parse (void)
{
  const YsField *amount = &ys_line_kind.fields[YS_LINE_AMOUNT];
  const YsField *func = &ys_line_kind.fields[YS_LINE_FUNC_CODE];
  const YsField *kind = &ys_line_kind.fields[YS_LINE_KIND];
  const YsField *flag = &ys_line_kind.fields[YS_LINE_PROCUREMENT];
  const YsField *prior = &ys_prior_year_kind.fields[YS_PRIOR_YEAR_AMOUNT];
  g_autoptr(GError) error = NULL;
  YsValue v = { 0 };

  g_assert_true (ys_field_parse (amount, " 1,234.5 ", &v, &error));
  g_assert_cmpint (v.i, ==, 123450);
  g_assert_false (ys_field_parse (amount, "-1", &v, &error));
  g_assert_error (error, YS_FIELD_ERROR, YS_FIELD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (ys_field_parse (prior, "-1", &v, &error));
  g_assert_cmpint (v.i, ==, -100);

  g_assert_false (ys_field_parse (func, "201030", &v, &error));
  g_assert_error (error, YS_FIELD_ERROR, YS_FIELD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (ys_field_parse (func, "", &v, &error));
  g_assert_error (error, YS_FIELD_ERROR, YS_FIELD_ERROR_REQUIRED);
  g_clear_error (&error);
  g_assert_true (ys_field_parse (func, " 2010301 ", &v, &error));
  g_assert_cmpstr (v.s, ==, "2010301");
  ys_value_clear (func, &v);

  g_assert_false (ys_field_parse (kind, "基本支出", &v, &error));
  g_assert_error (error, YS_FIELD_ERROR, YS_FIELD_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "人员经费"));
  g_clear_error (&error);

  g_assert_true (ys_field_parse (flag, "否", &v, &error));
  g_assert_cmpint (v.i, ==, 0);
  g_assert_false (ys_field_parse (flag, "也许", &v, &error));
  g_clear_error (&error);
}

static void
test_copy_and_describe (void)
{
  g_autoptr(YsRecord) unit = ys_test_record (&ys_unit_kind, "code", "434001", "name", "山海关区人民政府办公室",
                                             "unit_type", "行政单位", "role", "本级", "headcount", "40", NULL);
  g_autoptr(YsRecord) copy = ys_record_copy (unit);
  g_autofree char *what = ys_record_describe (unit);

  g_assert_cmpstr (ys_record_get_text (copy, YS_UNIT_NAME), ==, "山海关区人民政府办公室");
  g_assert_cmpint (ys_record_get_int (copy, YS_UNIT_HEADCOUNT), ==, 40);
  ys_record_set_text (copy, YS_UNIT_NAME, "别的");
  g_assert_cmpstr (ys_record_get_text (unit, YS_UNIT_NAME), ==, "山海关区人民政府办公室");
  g_assert_nonnull (strstr (what, "434001"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/model/kinds-consistent", test_kinds_are_consistent);
  g_test_add_func ("/model/properties", test_properties);
  g_test_add_func ("/model/field-parse", test_field_parse);
  g_test_add_func ("/model/copy-describe", test_copy_and_describe);
  return g_test_run ();
}
