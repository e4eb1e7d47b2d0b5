/* Versions: a sample kept as 一上, five lines edited, and `yusuan-cli diff`
 * lists exactly those five changes; sizes recorded; other kinds of change;
 * a damaged version refused. */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "ys-diff.h"
#include "ys-test-util.h"
#include "ys-workbook.h"

static JsonNode *
run_json (const char *first, ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;
  va_list args;
  const char *arg;

  g_ptr_array_add (argv, (gpointer) CLI_PATH);
  g_ptr_array_add (argv, (gpointer) first);
  va_start (args, first);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("yusuan-cli %s failed: %s", first, err);
  return json_from_string (out, &error);
}

static void
test_five_lines (void)
{
  g_autofree char *dir = ys_test_tmp_dir ();
  g_autofree char *src = g_build_filename (SOURCE_ROOT, "resources", "samples", "yongqiao-2023", NULL);
  g_autofree char *path = g_build_filename (dir, "yongqiao.yusuan", NULL);
  g_autofree char *xlsx = g_build_filename (dir, "比较.xlsx", NULL);
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) edited = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(JsonNode) list = NULL, result = NULL;
  g_autoptr(YsWorkbook) book = NULL;
  JsonObject *snapshot, *total;
  JsonArray *changes;
  YsMoney delta = 0;
  const YsSheet *sheet;

  g_assert_cmpint (ys_test_run_cli (&out, &err, "import", path, src, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (ys_test_run_cli (&out, &err, "snapshot", path, "--name", "一上", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "一上"));

  /* The size is recorded, and compression makes the version small. */
  list = run_json ("snapshot", path, "--list", "--json", NULL);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (list)), ==, 1);
  snapshot = json_array_get_object_element (json_node_get_array (list), 0);
  g_assert_cmpstr (json_object_get_string_member (snapshot, "name"), ==, "一上");
  g_assert_cmpint (json_object_get_int_member (snapshot, "size"), >, 10000);
  g_assert_cmpint (json_object_get_int_member (snapshot, "stored_size"), >, 0);
  g_assert_cmpint (json_object_get_int_member (snapshot, "stored_size") * 3, <,
                   json_object_get_int_member (snapshot, "size"));

  /* Five lines edited: the first five, each by a different amount. */
  {
    g_autoptr(YsDocument) doc = ys_document_open (path, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < 5; i++)
      {
        YsRecord *line = ys_document_get (doc, &ys_line_kind, i * 3);
        gint64 id = ys_record_get_id (line);
        YsMoney before = ys_record_get_int (line, YS_LINE_AMOUNT);
        YsValue v = { .i = before + (i + 1) * 10000 };

        g_assert_true (ys_document_set (doc, line, YS_LINE_AMOUNT, &v, &error));
        g_assert_no_error (error);
        g_hash_table_insert (edited, g_memdup2 (&id, sizeof id), ys_money_format (v.i, YS_MONEY_YUAN, FALSE));
        delta += (i + 1) * 10000;
      }
  }

  result = run_json ("diff", path, "--from", "一上", "-o", xlsx, "--json", NULL);
  changes = json_object_get_array_member (json_node_get_object (result), "changes");
  g_assert_cmpuint (json_array_get_length (changes), ==, 5);
  for (guint i = 0; i < 5; i++)
    {
      JsonObject *c = json_array_get_object_element (changes, i);
      JsonArray *fields = json_object_get_array_member (c, "fields");
      gint64 id = json_object_get_int_member (c, "id");

      g_assert_cmpstr (json_object_get_string_member (c, "kind"), ==, "line");
      g_assert_cmpstr (json_object_get_string_member (c, "type"), ==, "changed");
      g_assert_true (g_hash_table_contains (edited, &id));
      g_assert_cmpuint (json_array_get_length (fields), ==, 1);
      g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (fields, 0), "field"), ==, "amount");
      g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (fields, 0), "new"), ==,
                       g_hash_table_lookup (edited, &id));
    }
  total = json_object_get_object_member (json_node_get_object (result), "total");
  g_assert_cmpint (json_object_get_int_member (total, "change"), ==, delta);
  g_assert_cmpint (json_object_get_int_member (total, "from"), ==, 1623347000);

  /* The workbook: one line per changed field under Chinese headers, written in place. */
  book = ys_workbook_read (xlsx, &error);
  g_assert_no_error (error);
  g_assert_nonnull (ys_workbook_find_sheet (book, "按单位"));
  g_assert_nonnull (ys_workbook_find_sheet (book, "按功能分类"));
  g_assert_nonnull (ys_workbook_find_sheet (book, "按经济分类"));
  g_assert_nonnull (ys_workbook_find_sheet (book, "按项目"));
  sheet = ys_workbook_find_sheet (book, "变动明细");
  g_assert_nonnull (sheet);
  g_assert_cmpstr (ys_sheet_get_text (sheet, 1, 4), ==, "原值");
  g_assert_cmpstr (ys_sheet_get_text (sheet, 6, 2), ==, "修改");
  g_assert_cmpstr (ys_sheet_get_text (sheet, 6, 3), ==, "金额");
  g_assert_cmpuint (sheet->n_rows, ==, 7);
  ys_test_rm_rf (dir);
}

/* Added, removed and changed records and a setting, between two versions. */
static void
test_kinds_of_change (void)
{
  g_autofree char *dir = ys_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "small.yusuan", NULL);
  g_autoptr(YsDocument) doc = ys_test_small_document (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(YsStoreSnapshot) first = NULL, second = NULL;
  g_autoptr(YsSnapshot) a = NULL, b = NULL;
  g_autoptr(YsDiff) diff = NULL;
  g_autoptr(GPtrArray) list = NULL;
  YsDiffChange *c;

  first = ys_snapshot_take (doc, " 一上 ", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (first->name, ==, "一上");
  g_assert_null (ys_snapshot_take (doc, "一上", &error));
  g_assert_error (error, YS_STORE_ERROR, YS_STORE_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_null (ys_snapshot_take (doc, "  ", &error));
  g_assert_error (error, YS_SNAPSHOT_ERROR, YS_SNAPSHOT_ERROR_NAME);
  g_clear_error (&error);

  g_assert_true (ys_document_set_meta (doc, "dept_name", "改名后的部门", &error));
  ys_test_insert (doc, ys_test_record (&ys_unit_kind, "code", "103002", "name", "下属中心",
                                       "unit_type", "事业单位", "role", "下属单位", NULL));
  g_assert_true (ys_document_delete (doc, ys_document_get (doc, &ys_indicator_kind, 0), &error));
  second = ys_snapshot_take (doc, "二上", &error);
  g_assert_no_error (error);
  /* An undone change is no change. */
  g_assert_true (ys_document_set_text (doc, ys_document_get (doc, &ys_unit_kind, 0), YS_UNIT_NAME, "临时", &error));
  g_assert_true (ys_document_undo (doc, &error));

  list = ys_snapshot_list (doc, &error);
  g_assert_cmpuint (list->len, ==, 2);
  a = ys_snapshot_load (doc, "一上", &error);
  g_assert_no_error (error);
  b = ys_snapshot_load (doc, "二上", &error);
  g_assert_no_error (error);
  diff = ys_diff_compute (a, b, doc);
  g_assert_cmpuint (diff->changes->len, ==, 3);
  c = g_ptr_array_index (diff->changes, 0);
  g_assert_null (c->kind);
  g_assert_cmpstr (((YsDiffField *) g_ptr_array_index (c->fields, 0))->new_text, ==, "改名后的部门");
  c = g_ptr_array_index (diff->changes, 1);
  g_assert_true (c->kind == &ys_unit_kind && c->type == YS_DIFF_ADDED);
  g_assert_cmpstr (c->key, ==, "103002");
  c = g_ptr_array_index (diff->changes, 2);
  g_assert_true (c->kind == &ys_indicator_kind && c->type == YS_DIFF_REMOVED);
  g_assert_cmpint (diff->total.to - diff->total.from, ==, 0);

  /* The second version against the document now: nothing, after the undo. */
  g_clear_pointer (&diff, ys_diff_free);
  g_clear_pointer (&a, ys_snapshot_free);
  a = ys_snapshot_current (doc);
  diff = ys_diff_compute (b, a, doc);
  g_assert_cmpuint (diff->changes->len, ==, 0);
  ys_test_rm_rf (dir);
}

/* A record changed field by field, and the units and projects named from
 * the later side (the earlier one for what is gone from it). */
static void
test_changed_fields (void)
{
  g_autofree char *dir = ys_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "small.yusuan", NULL);
  g_autoptr(YsDocument) doc = ys_test_small_document (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(YsStoreSnapshot) first = NULL;
  g_autoptr(YsSnapshot) before = NULL, now = NULL;
  g_autoptr(YsDiff) diff = NULL, back = NULL;
  YsRecord *unit = ys_document_get (doc, &ys_unit_kind, 0);
  YsRecord *line = ys_document_get (doc, &ys_line_kind, 0);
  YsDiffChange *c;
  YsDiffField *field;

  first = ys_snapshot_take (doc, "一上", &error);
  g_assert_no_error (error);
  g_assert_true (ys_document_set_text (doc, unit, YS_UNIT_NAME, "改名单位", &error));
  g_assert_true (ys_document_set_text (doc, line, YS_LINE_AMOUNT, "2500000", &error));
  g_assert_true (ys_document_set_text (doc, ys_document_get (doc, &ys_project_kind, 0), YS_PROJECT_NAME,
                                       "信息化运维（改）", &error));
  g_assert_no_error (error);

  before = ys_snapshot_load (doc, "一上", &error);
  g_assert_no_error (error);
  now = ys_snapshot_current (doc);
  diff = ys_diff_compute (before, now, doc);
  /* The unit, the project and the line, each with the one field changed. */
  g_assert_cmpuint (diff->changes->len, ==, 3);
  c = g_ptr_array_index (diff->changes, 0);
  g_assert_true (c->kind == &ys_unit_kind && c->type == YS_DIFF_CHANGED);
  g_assert_cmpuint (c->fields->len, ==, 1);
  field = g_ptr_array_index (c->fields, 0);
  g_assert_cmpstr (field->old_text, ==, "测试单位");
  g_assert_cmpstr (field->new_text, ==, "改名单位");
  c = g_ptr_array_index (diff->changes, 2);
  g_assert_true (c->kind == &ys_line_kind && c->type == YS_DIFF_CHANGED);
  g_assert_cmpuint (c->fields->len, ==, 1);
  field = g_ptr_array_index (c->fields, 0);
  g_assert_cmpstr (field->name, ==, "amount");
  g_assert_cmpstr (field->old_text, ==, "2491900.00");
  g_assert_cmpstr (field->new_text, ==, "2500000.00");
  g_assert_cmpint (diff->total.to - diff->total.from, ==, 810000);
  g_assert_cmpuint (diff->by_unit->len, ==, 1);
  g_assert_cmpstr (((YsDiffRow *) g_ptr_array_index (diff->by_unit, 0))->name, ==, "改名单位");
  g_assert_cmpuint (diff->by_project->len, ==, 1);
  g_assert_cmpstr (((YsDiffRow *) g_ptr_array_index (diff->by_project, 0))->name, ==, "信息化运维（改）");

  /* The other way round, the names are the version's. */
  back = ys_diff_compute (now, before, doc);
  g_assert_cmpstr (((YsDiffRow *) g_ptr_array_index (back->by_unit, 0))->name, ==, "测试单位");
  g_assert_cmpstr (((YsDiffRow *) g_ptr_array_index (back->by_project, 0))->name, ==, "信息化运维");
  ys_test_rm_rf (dir);
}

static void
test_damaged (void)
{
  g_autofree char *dir = ys_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "small.yusuan", NULL);
  g_autoptr(YsDocument) doc = ys_test_small_document (path);
  g_autoptr(YsSnapshot) now = ys_snapshot_current (doc);
  gsize size = 0;
  g_autoptr(GBytes) good = ys_snapshot_encode (now, &size);
  g_autoptr(YsSnapshot) back = ys_snapshot_decode (good, size, "一上", NULL);
  g_autoptr(GByteArray) bad = g_byte_array_new ();
  g_autoptr(GBytes) bad_bytes = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (back);
  g_assert_cmpuint (back->records[ys_kinds_index (&ys_line_kind)]->len, ==, 2);
  /* The recorded size is wrong, then the bytes are. */
  g_assert_null (ys_snapshot_decode (good, size - 1, "一上", &error));
  g_assert_error (error, YS_SNAPSHOT_ERROR, YS_SNAPSHOT_ERROR_DAMAGED);
  g_clear_error (&error);
  g_byte_array_append (bad, g_bytes_get_data (good, NULL), g_bytes_get_size (good));
  bad->data[bad->len / 2] ^= 0x55;
  bad_bytes = g_byte_array_free_to_bytes (g_steal_pointer (&bad));
  g_assert_null (ys_snapshot_decode (bad_bytes, size, "一上", &error));
  g_assert_error (error, YS_SNAPSHOT_ERROR, YS_SNAPSHOT_ERROR_DAMAGED);
  g_clear_error (&error);

  /* An empty payload, compressed (found by fuzz-snapshot: no data pointer to count from). */
  {
    static const guint8 zlib_of_nothing[] = { 0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01 };
    g_autoptr(GBytes) nothing = g_bytes_new_static (zlib_of_nothing, sizeof zlib_of_nothing);
    g_autoptr(YsSnapshot) none = ys_snapshot_decode (nothing, 0, "一上", &error);

    g_assert_no_error (error);
    g_assert_cmpuint (none->records[ys_kinds_index (&ys_line_kind)]->len, ==, 0);
  }

  /* Truncated and flipped at many places: read back whole, or refused as damaged. */
  {
    g_autoptr(GRand) rand = g_rand_new_with_seed (20261207);
    gsize len = g_bytes_get_size (good);

    for (guint i = 0; i < 300; i++)
      {
        g_autoptr(GByteArray) copy = g_byte_array_new ();
        g_autoptr(GBytes) mutated = NULL;
        g_autoptr(YsSnapshot) read = NULL;

        g_byte_array_append (copy, g_bytes_get_data (good, NULL), len);
        if (i % 3 == 0)
          g_byte_array_set_size (copy, g_rand_int_range (rand, 0, len));
        else
          copy->data[g_rand_int_range (rand, 0, len)] ^= 1 << g_rand_int_range (rand, 0, 8);
        mutated = g_byte_array_free_to_bytes (g_steal_pointer (&copy));
        read = ys_snapshot_decode (mutated, size, "一上", &error);
        g_assert_true ((read != NULL) == (error == NULL));
        if (error)
          g_assert_error (error, YS_SNAPSHOT_ERROR, YS_SNAPSHOT_ERROR_DAMAGED);
        g_clear_error (&error);
      }
  }
  ys_test_rm_rf (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/snapshot/five-lines", test_five_lines);
  g_test_add_func ("/snapshot/kinds-of-change", test_kinds_of_change);
  g_test_add_func ("/snapshot/changed-fields", test_changed_fields);
  g_test_add_func ("/snapshot/damaged", test_damaged);
  return g_test_run ();
}
