/* Control figures (控制数): a budget without them gets no findings from them;
 * one line item pushing a unit over its figure raises an error that states
 * the excess, live after the edit, and undoing it clears the error; under
 * the figure is a 提示; carried-over lines and other projects do not count;
 * the totals the header shows; control figures read from a sheet. */
#include "config.h"

#include <string.h>

#include "ys-i18n.h"
#include "ys-kinds.h"
#include "ys-test-util.h"
#include "ys-validator.h"

typedef struct {
  char        *dir;
  YsDocument  *doc;
  YsValidator *v;
  YsRecord    *line;   /* 人员经费 2,491,900.00 */
} Fixture;

static void
setup (Fixture *f, gconstpointer data)
{
  g_autofree char *path = NULL;

  f->dir = ys_test_tmp_dir ();
  path = g_build_filename (f->dir, "control.yusuan", NULL);
  /* Unit 103001: 人员经费 2,491,900.00 and P1 项目支出 870,000.00, both 一般公共预算拨款. */
  f->doc = ys_test_small_document (path);
  f->line = ys_document_get (f->doc, &ys_line_kind, 0);
  f->v = ys_validator_new (f->doc);
  ys_i18n_set_chinese (TRUE);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  ys_i18n_set_chinese (FALSE);
  g_clear_object (&f->v);
  g_clear_object (&f->doc);
  ys_test_rm_rf (f->dir);
  g_free (f->dir);
}

static YsRecord *
add_control (Fixture *f, const char *kind, const char *project, const char *amount)
{
  YsRecord *r = ys_test_record (&ys_control_kind, "unit_code", "103001", "source", "一般公共预算拨款",
                                "kind", kind, "project_code", project, "amount", amount, NULL);
  ys_test_insert (f->doc, g_object_ref (r));
  g_object_unref (r);
  return r;  /* the document holds it */
}

/* The findings of R44, as "level message" lines. */
static GPtrArray *
control_findings (YsValidator *v)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (v));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(YsFinding) finding = g_list_model_get_item (G_LIST_MODEL (v), i);
      if (g_str_equal (ys_finding_get_rule_id (finding), "R44"))
        g_ptr_array_add (out, g_strdup_printf ("%d %s", ys_finding_get_level (finding),
                                               ys_finding_get_message (finding)));
    }
  return out;
}

static void
set_amount (Fixture *f, YsRecord *record, guint field, const char *text)
{
  g_autoptr(GError) error = NULL;

  ys_document_set_text (f->doc, record, field, text, &error);
  g_assert_no_error (error);
}

static void
test_none_without_controls (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) found = control_findings (f->v);
  YsControlTotals totals;

  g_assert_cmpuint (found->len, ==, 0);
  ys_control_totals (f->doc, &totals);
  g_assert_cmpuint (totals.n_controls, ==, 0);
  g_assert_cmpint (totals.controlled, ==, 0);
}

static void
test_exceeded_live (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;
  YsRecord *control = add_control (f, "基本支出", "", "2491900.00");

  /* Exactly on the figure: nothing to say. */
  found = control_findings (f->v);
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_ptr_array_unref);

  /* One line raised by 1,234.00 元: an error stating the excess, at once. */
  set_amount (f, f->line, YS_LINE_AMOUNT, "2493134.00");
  found = control_findings (f->v);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (found, 0), ==,
                   "0 一般公共预算拨款 基本支出：预算 2,493,134.00 元，控制数 2,491,900.00 元，超出控制数 1,234.00 元");
  g_assert_cmpuint (ys_validator_count (f->v, YS_FINDING_ERROR), >=, 1);
  g_clear_pointer (&found, g_ptr_array_unref);

  /* Undone: the error goes. */
  g_assert_true (ys_document_undo (f->doc, &error));
  g_assert_no_error (error);
  found = control_findings (f->v);
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_ptr_array_unref);

  /* The figure raised above the budget: a 提示 with what is left. */
  set_amount (f, control, YS_CONTROL_AMOUNT, "2500000.00");
  found = control_findings (f->v);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (found, 0), ==,
                   "2 一般公共预算拨款 基本支出：预算 2,491,900.00 元，控制数 2,500,000.00 元，尚有 8,100.00 元 待分配");
}

static void
test_what_counts (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) found = NULL;
  YsControlTotals totals;

  /* P1's own figure and the unit's 项目支出 figure it is a part of. */
  add_control (f, "项目支出", "P1", "800000.00");
  add_control (f, "项目支出", "", "900000.00");
  /* Carried over from last year: outside this year's figures. */
  ys_test_insert (f->doc, ys_test_record (&ys_line_kind, "unit_code", "103001", "func_code", "2010302",
                                          "econ_code", "30227", "kind", "项目支出", "project_code", "P1",
                                          "source", "一般公共预算拨款", "carry_over", "是", "amount", "50000", NULL));
  /* Another fund source: not under these figures. */
  ys_test_insert (f->doc, ys_test_record (&ys_line_kind, "unit_code", "103001", "func_code", "2010302",
                                          "econ_code", "30227", "kind", "项目支出", "project_code", "P1",
                                          "source", "事业收入", "amount", "60000", NULL));
  found = control_findings (f->v);
  g_assert_cmpuint (found->len, ==, 2);
  g_assert_nonnull (strstr (g_ptr_array_index (found, 0), "P1 信息化运维：预算 870,000.00 元，控制数 800,000.00 元，超出控制数 70,000.00 元"));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (found, 0), "0 "));
  g_assert_nonnull (strstr (g_ptr_array_index (found, 1), "尚有 30,000.00 元 待分配"));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (found, 1), "2 "));

  /* The header's figures: the project's figure is inside the unit's, counted once. */
  ys_control_totals (f->doc, &totals);
  g_assert_cmpuint (totals.n_controls, ==, 2);
  g_assert_cmpint (totals.controlled, ==, 90000000);
  g_assert_cmpint (totals.allocated, ==, 87000000);
}

/* Control figures read from a sheet with import-sheet --kind controls, by
 * unit name; the budget then fails validation where it is over. */
static void
test_import_sheet (void)
{
  g_autofree char *dir = ys_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "c.yusuan", NULL);
  g_autofree char *sheet = g_build_filename (dir, "控制数.csv", NULL);
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(YsDocument) doc = ys_test_small_document (path);
  g_autoptr(GError) error = NULL;

  g_clear_object (&doc);
  g_assert_true (g_file_set_contents (sheet,
                                      "2024年部门预算控制数,,,\n"
                                      "单位名称,资金来源,支出类型,控制数\n"
                                      "测试单位,一般公共预算拨款,基本支出,2000000.00\n"
                                      "测试单位,一般公共预算拨款,项目支出,870000.00\n", -1, NULL));
  g_assert_cmpint (ys_test_run_cli (&out, &err, "import-sheet", path, sheet, "--kind", "controls", NULL), ==, 0);
  doc = ys_document_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ys_document_count (doc, &ys_control_kind), ==, 2);
  g_assert_cmpint (ys_record_get_int (ys_document_get (doc, &ys_control_kind, 0), YS_CONTROL_AMOUNT), ==, 200000000);
  g_assert_cmpstr (ys_record_get_text (ys_document_get (doc, &ys_control_kind, 1), YS_CONTROL_KIND), ==, "项目支出");
  g_clear_object (&doc);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* 2,491,900.00 against 2,000,000.00: validate reports the error and fails. */
  g_assert_cmpint (ys_test_run_cli (&out, &err, "validate", path, NULL), ==, 1);
  g_assert_nonnull (strstr (out, "R44"));
  g_assert_nonnull (strstr (out, "491,900.00"));
  ys_test_rm_rf (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/control/none-without-controls", Fixture, NULL, setup, test_none_without_controls, teardown);
  g_test_add ("/control/exceeded-live", Fixture, NULL, setup, test_exceeded_live, teardown);
  g_test_add ("/control/what-counts", Fixture, NULL, setup, test_what_counts, teardown);
  g_test_add_func ("/control/import-sheet", test_import_sheet);
  return g_test_run ();
}
