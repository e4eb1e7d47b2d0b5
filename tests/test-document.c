/* The document: every edit saved at once, undo and redo, batches, keys and references. */
#include "config.h"

#include "ys-generate.h"
#include "ys-summary.h"
#include "ys-test-util.h"

typedef struct {
  char       *dir;
  char       *path;
  YsDocument *doc;
} Fixture;

static void
setup (Fixture *f, gconstpointer data)
{
  f->dir = ys_test_tmp_dir ();
  f->path = g_build_filename (f->dir, "doc.yusuan", NULL);
  f->doc = ys_test_small_document (f->path);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->doc);
  ys_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static void
reopen (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&f->doc);
  f->doc = ys_document_open (f->path, &error);
  g_assert_no_error (error);
}

static YsRecord *
first_line (Fixture *f)
{
  return ys_document_get (f->doc, &ys_line_kind, 0);
}

static void
test_edit_is_saved_at_once (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ys_document_set_text (f->doc, first_line (f), YS_LINE_AMOUNT, "1,000.50", &error));
  g_assert_no_error (error);
  g_assert_cmpint (ys_record_get_int (first_line (f), YS_LINE_AMOUNT), ==, 100050);
  reopen (f);
  g_assert_cmpint (ys_record_get_int (first_line (f), YS_LINE_AMOUNT), ==, 100050);
  g_assert_cmpuint (ys_document_count (f->doc, &ys_line_kind), ==, 2);
}

static void
test_bad_value_changes_nothing (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (ys_document_set_text (f->doc, first_line (f), YS_LINE_AMOUNT, "12.345", &error));
  g_assert_error (error, YS_FIELD_ERROR, YS_FIELD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (ys_document_set_text (f->doc, first_line (f), YS_LINE_FUNC_CODE, "20103", &error));
  g_assert_error (error, YS_FIELD_ERROR, YS_FIELD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (ys_document_set_text (f->doc, first_line (f), YS_LINE_UNIT_CODE, "999", &error));
  g_assert_error (error, YS_DOCUMENT_ERROR, YS_DOCUMENT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (ys_document_set_text (f->doc, first_line (f), YS_LINE_KIND, "", &error));
  g_assert_error (error, YS_FIELD_ERROR, YS_FIELD_ERROR_REQUIRED);
  g_clear_error (&error);

  reopen (f);
  g_assert_cmpint (ys_record_get_int (first_line (f), YS_LINE_AMOUNT), ==, 249190000);
  g_assert_cmpstr (ys_record_get_text (first_line (f), YS_LINE_FUNC_CODE), ==, "2010301");
}

static void
test_undo_redo (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  YsRecord *line = first_line (f);

  g_assert_true (ys_document_can_undo (f->doc));
  g_assert_true (ys_document_set_text (f->doc, line, YS_LINE_AMOUNT, "5", &error));
  g_assert_true (ys_document_set_text (f->doc, line, YS_LINE_ECON_CODE, "30102", &error));
  g_assert_true (ys_document_undo (f->doc, &error));
  g_assert_cmpstr (ys_record_get_text (line, YS_LINE_ECON_CODE), ==, "30101");
  g_assert_cmpint (ys_record_get_int (line, YS_LINE_AMOUNT), ==, 500);
  g_assert_true (ys_document_undo (f->doc, &error));
  g_assert_cmpint (ys_record_get_int (line, YS_LINE_AMOUNT), ==, 249190000);
  g_assert_true (ys_document_can_redo (f->doc));
  g_assert_true (ys_document_redo (f->doc, &error));
  g_assert_cmpint (ys_record_get_int (line, YS_LINE_AMOUNT), ==, 500);

  /* Undo is saved too. */
  g_assert_true (ys_document_undo (f->doc, &error));
  reopen (f);
  g_assert_cmpint (ys_record_get_int (first_line (f), YS_LINE_AMOUNT), ==, 249190000);
}

static void
test_delete_and_undo_restores_position (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsRecord) line = g_object_ref (first_line (f));
  gint64 id = ys_record_get_id (line);

  g_assert_true (ys_document_delete (f->doc, line, &error));
  g_assert_cmpuint (ys_document_count (f->doc, &ys_line_kind), ==, 1);
  g_assert_true (ys_document_undo (f->doc, &error));
  g_assert_no_error (error);
  g_assert_true (first_line (f) == line);
  g_assert_cmpint (ys_record_get_id (first_line (f)), ==, id);
  reopen (f);
  g_assert_cmpuint (ys_document_count (f->doc, &ys_line_kind), ==, 2);
  g_assert_cmpint (ys_record_get_id (first_line (f)), ==, id);
}

static void
test_batch_is_one_step (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ys_document_begin_batch (f->doc, "粘贴", &error));
  for (int i = 0; i < 20; i++)
    ys_test_insert (f->doc, ys_test_record (&ys_line_kind, "unit_code", "103001", "func_code", "2010301",
                                            "econ_code", "30201", "kind", "公用经费",
                                            "source", "一般公共预算拨款", "amount", "100", NULL));
  g_assert_true (ys_document_end_batch (f->doc, &error));
  g_assert_cmpuint (ys_document_count (f->doc, &ys_line_kind), ==, 22);
  g_assert_cmpstr (ys_document_get_undo_label (f->doc), ==, "粘贴");
  g_assert_true (ys_document_undo (f->doc, &error));
  g_assert_cmpuint (ys_document_count (f->doc, &ys_line_kind), ==, 2);
  g_assert_true (ys_document_redo (f->doc, &error));
  reopen (f);
  g_assert_cmpuint (ys_document_count (f->doc, &ys_line_kind), ==, 22);
}

static void
test_cancelled_batch_leaves_nothing (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ys_document_begin_batch (f->doc, "导入", &error));
  ys_test_insert (f->doc, ys_test_record (&ys_unit_kind, "code", "103002", "name", "下属单位",
                                          "unit_type", "事业单位", "role", "下属单位", NULL));
  g_assert_true (ys_document_set_text (f->doc, first_line (f), YS_LINE_UNIT_CODE, "103002", &error));
  ys_document_cancel_batch (f->doc);
  g_assert_cmpuint (ys_document_count (f->doc, &ys_unit_kind), ==, 1);
  g_assert_null (ys_document_lookup_key (f->doc, &ys_unit_kind, "103002"));
  g_assert_cmpstr (ys_record_get_text (first_line (f), YS_LINE_UNIT_CODE), ==, "103001");
  reopen (f);
  g_assert_cmpuint (ys_document_count (f->doc, &ys_unit_kind), ==, 1);
  g_assert_cmpstr (ys_record_get_text (first_line (f), YS_LINE_UNIT_CODE), ==, "103001");
}

static void
test_key_change_cascades (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  YsRecord *unit = ys_document_get (f->doc, &ys_unit_kind, 0);

  g_assert_true (ys_document_set_text (f->doc, unit, YS_UNIT_CODE, "203001", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ys_record_get_text (first_line (f), YS_LINE_UNIT_CODE), ==, "203001");
  g_assert_true (ys_document_lookup_key (f->doc, &ys_unit_kind, "203001") == unit);
  reopen (f);
  g_assert_cmpstr (ys_record_get_text (first_line (f), YS_LINE_UNIT_CODE), ==, "203001");
  g_assert_true (ys_document_undo (f->doc, &error) == FALSE);
  g_clear_error (&error);
}

static void
test_references_protect (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  YsRecord *unit = ys_document_get (f->doc, &ys_unit_kind, 0);
  YsRecord *project = ys_document_get (f->doc, &ys_project_kind, 0);

  g_assert_false (ys_document_delete (f->doc, unit, &error));
  g_assert_error (error, YS_DOCUMENT_ERROR, YS_DOCUMENT_ERROR_IN_USE);
  g_clear_error (&error);
  g_assert_false (ys_document_delete (f->doc, project, &error));
  g_assert_error (error, YS_DOCUMENT_ERROR, YS_DOCUMENT_ERROR_IN_USE);
  g_clear_error (&error);

  /* A second unit with the same code is refused before the file is asked. */
  {
    g_autoptr(YsRecord) twin = ys_test_record (&ys_unit_kind, "code", "103001", "name", "重复",
                                               "unit_type", "行政单位", "role", "本级", NULL);
    g_assert_false (ys_document_insert (f->doc, twin, &error));
    g_assert_error (error, YS_DOCUMENT_ERROR, YS_DOCUMENT_ERROR_INVALID);
    g_clear_error (&error);
  }
  g_assert_cmpuint (ys_document_count (f->doc, &ys_unit_kind), ==, 1);
}

static void
count_changes (YsDocument *doc, YsRecord *record, guint type, int field, guint *n)
{
  (*n)++;
}

static void
test_changed_signal_and_summary (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsSummary) s = NULL;
  YsFilter all = YS_FILTER_ALL;
  guint n = 0;

  g_signal_connect (f->doc, "changed", G_CALLBACK (count_changes), &n);
  g_assert_true (ys_document_set_text (f->doc, first_line (f), YS_LINE_AMOUNT, "100", &error));
  g_assert_true (ys_document_undo (f->doc, &error));
  g_assert_cmpuint (n, ==, 2);

  s = ys_summary_compute (f->doc, &all);
  g_assert_cmpint (s->expense.total, ==, 249190000 + 87000000);
  g_assert_cmpint (s->expense.personnel, ==, 249190000);
  g_assert_cmpint (s->expense.project, ==, 87000000);
  g_assert_cmpint (ys_summary_lookup (s->by_function, "201")->total, ==, 249190000 + 87000000);
  g_assert_cmpint (ys_summary_lookup (s->by_function, "20103")->basic, ==, 249190000);
  g_assert_cmpint (ys_summary_lookup (s->by_economic, "302")->project, ==, 87000000);
  g_assert_cmpuint (s->n_indicators, ==, 1);

  /* No filter is the whole department, the same as YS_FILTER_ALL. */
  {
    g_autoptr(YsSummary) unfiltered = ys_summary_compute (f->doc, NULL);

    g_assert_cmpint (unfiltered->expense.total, ==, s->expense.total);
    g_assert_cmpuint (unfiltered->n_lines, ==, s->n_lines);
  }
}

static void
test_meta (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ys_document_set_meta (f->doc, "dept_name", "埇桥区人民政府办公室", &error));
  g_assert_false (ys_document_set_meta (f->doc, "year", "二〇二三", &error));
  g_assert_error (error, YS_DOCUMENT_ERROR, YS_DOCUMENT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (ys_document_set_meta (f->doc, "region", "guangdong", &error));
  g_clear_error (&error);
  reopen (f);
  g_assert_cmpstr (ys_document_get_meta (f->doc, "dept_name"), ==, "埇桥区人民政府办公室");
  g_assert_cmpint (ys_document_get_year (f->doc), ==, 2023);
}

/* The 概况 texts are settings like the others: empty by default, several
 * paragraphs kept as typed, one undo step each, saved in the file. */
static void
test_meta_overview (Fixture *f, gconstpointer data)
{
  static const char *const keys[] = { "overview_duties", "overview_tasks", "overview_other",
                                      "overview_structure_note" };
  const char *duties = "（一）负责文件起草。\n（二）负责会务组织，协调各方。";
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_assert_true (g_strv_contains (ys_document_meta_keys, keys[i]));
      g_assert_cmpstr (ys_document_get_meta (f->doc, keys[i]), ==, "");
    }
  g_assert_true (ys_document_set_meta (f->doc, "overview_duties", duties, &error));
  g_assert_no_error (error);
  g_assert_true (ys_document_set_meta (f->doc, "overview_tasks", "（一）第一项", &error));
  g_assert_true (ys_document_undo (f->doc, &error));
  g_assert_cmpstr (ys_document_get_meta (f->doc, "overview_tasks"), ==, "");
  g_assert_cmpstr (ys_document_get_meta (f->doc, "overview_duties"), ==, duties);
  g_assert_true (ys_document_redo (f->doc, &error));
  g_assert_false (ys_document_set_meta (f->doc, "overview_other", "\xff\xfe", &error));
  g_assert_error (error, YS_DOCUMENT_ERROR, YS_DOCUMENT_ERROR_INVALID);
  g_clear_error (&error);
  reopen (f);
  g_assert_cmpstr (ys_document_get_meta (f->doc, "overview_duties"), ==, duties);
  g_assert_cmpstr (ys_document_get_meta (f->doc, "overview_tasks"), ==, "（一）第一项");
}

static void
test_imported_catalog (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) ys_catalog_entry_free);
  YsCatalog *catalog = ys_document_get_catalog (f->doc, YS_CATALOG_FUNCTION);

  g_assert_null (ys_catalog_lookup (catalog, "2130599"));
  g_ptr_array_add (rows, ys_catalog_entry_new ("2130599", "其他巩固脱贫攻坚成果衔接乡村振兴支出", 3, NULL, "imported"));
  g_assert_true (ys_document_import_catalog (f->doc, YS_CATALOG_FUNCTION, rows, FALSE, &error));
  g_assert_no_error (error);
  reopen (f);
  catalog = ys_document_get_catalog (f->doc, YS_CATALOG_FUNCTION);
  g_assert_nonnull (ys_catalog_lookup (catalog, "2130599"));
  g_assert_nonnull (ys_catalog_lookup (catalog, "2010301"));
  g_assert_true (ys_catalog_is_incomplete (catalog));
}

static void
test_undo_large_batch (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  YsGenerateParams params = { 20, 20000, 50, 100, 3 };

  /* Undoing and redoing a large import must walk the rows once, not once per row. */
  g_assert_true (ys_generate (f->doc, &params, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ys_document_count (f->doc, &ys_line_kind), ==, 20002);
  g_assert_true (ys_document_undo (f->doc, &error));
  g_assert_cmpuint (ys_document_count (f->doc, &ys_line_kind), ==, 2);
  g_assert_cmpuint (ys_document_count (f->doc, &ys_unit_kind), ==, 1);
  g_assert_true (ys_document_redo (f->doc, &error));
  g_assert_cmpuint (ys_document_count (f->doc, &ys_line_kind), ==, 20002);
  reopen (f);
  g_assert_cmpuint (ys_document_count (f->doc, &ys_line_kind), ==, 20002);
  g_assert_cmpuint (ys_document_count (f->doc, &ys_indicator_kind), ==, 101);
}

/* A copy read by another thread is the document as it was: later edits
 * do not reach it, and the copy changes nothing in the document. */
static void
test_copy_is_a_snapshot (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *copy_path = g_build_filename (f->dir, "copy.yusuan", NULL);
  YsRecord *line = ys_document_get (f->doc, &ys_line_kind, 0);
  g_autoptr(YsDocument) copy = NULL;

  g_assert_true (ys_document_set_text (f->doc, line, YS_LINE_AMOUNT, "100.00", &error));
  g_assert_true (ys_document_backup (f->doc, copy_path, &error));
  g_assert_no_error (error);
  g_assert_true (ys_document_set_text (f->doc, line, YS_LINE_AMOUNT, "200.00", &error));

  copy = ys_document_open (copy_path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ys_document_count (copy, &ys_line_kind), ==, ys_document_count (f->doc, &ys_line_kind));
  g_assert_cmpint (ys_record_get_int (ys_document_get (copy, &ys_line_kind, 0), YS_LINE_AMOUNT), ==, 10000);
  g_assert_cmpint (ys_record_get_int (line, YS_LINE_AMOUNT), ==, 20000);

}

/* Changing the catalog year: the codes in use that the new year's
 * catalog no longer has are listed before it is applied; the change is
 * one undo step and the catalogs follow it. */
static void
test_missing_codes (void)
{
  g_autofree char *dir = ys_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "b.yusuan", NULL);
  g_autoptr(YsDocument) doc = ys_test_small_document (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GPtrArray) missing = NULL;
  g_autoptr(GPtrArray) after = NULL;
  YsMissingCode *m;

  g_assert_true (ys_document_set_meta (doc, "catalog_year", "2025", &error));
  g_assert_no_error (error);
  /* 2170404 is new in the 2025 function classification; used twice. */
  for (guint i = 0; i < 2; i++)
    ys_test_insert (doc, ys_test_record (&ys_line_kind, "unit_code", "103001", "func_code", "2170404",
                                         "econ_code", "30201", "kind", "公用经费",
                                         "source", "一般公共预算拨款", "amount", "100", NULL));
  none = ys_document_missing_codes (doc, 2025);
  g_assert_cmpuint (none->len, ==, 0);

  missing = ys_document_missing_codes (doc, 2023);
  g_assert_cmpuint (missing->len, ==, 1);
  m = g_ptr_array_index (missing, 0);
  g_assert_cmpint (m->kind, ==, YS_CATALOG_FUNCTION);
  g_assert_cmpstr (m->code, ==, "2170404");
  g_assert_cmpuint (m->uses, ==, 2);
  g_assert_nonnull (ys_catalog_lookup (ys_document_get_catalog (doc, YS_CATALOG_FUNCTION), "2170404"));

  /* Applied: the catalog is the older one, and the code is no longer known
   * there, so going back lists nothing taken away. */
  g_assert_true (ys_document_set_meta (doc, "catalog_year", "2023", &error));
  g_assert_null (ys_catalog_lookup (ys_document_get_catalog (doc, YS_CATALOG_FUNCTION), "2170404"));
  after = ys_document_missing_codes (doc, 2025);
  g_assert_cmpuint (after->len, ==, 0);
  g_assert_true (ys_document_undo (doc, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ys_document_get_catalog_year (doc), ==, 2025);
  g_assert_nonnull (ys_catalog_lookup (ys_document_get_catalog (doc, YS_CATALOG_FUNCTION), "2170404"));

  ys_document_close (doc);
  ys_test_rm_rf (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, fn) g_test_add ("/document/" path, Fixture, NULL, setup, fn, teardown)
  ADD ("edit-is-saved-at-once", test_edit_is_saved_at_once);
  ADD ("copy-is-a-snapshot", test_copy_is_a_snapshot);
  ADD ("bad-value-changes-nothing", test_bad_value_changes_nothing);
  ADD ("undo-redo", test_undo_redo);
  ADD ("delete-undo-position", test_delete_and_undo_restores_position);
  ADD ("batch-is-one-step", test_batch_is_one_step);
  ADD ("cancelled-batch", test_cancelled_batch_leaves_nothing);
  ADD ("key-change-cascades", test_key_change_cascades);
  ADD ("references-protect", test_references_protect);
  ADD ("changed-and-summary", test_changed_signal_and_summary);
  ADD ("meta", test_meta);
  ADD ("meta-overview", test_meta_overview);
  ADD ("imported-catalog", test_imported_catalog);
  ADD ("undo-large-batch", test_undo_large_batch);
  g_test_add_func ("/document/missing-codes", test_missing_codes);
  return g_test_run ();
}
