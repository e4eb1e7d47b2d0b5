/* A bulk load into a new file under a temporary name: its rows checked in C
 * by the rules of the schema's CHECK constraints, no journal while it loads,
 * then the journal and durability of any saved file. */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "ys-store-private.h"
#include "ys-temp-file.h"
#include "ys-test-util.h"

/* Values that pass some checks and fail others: codes of every shape, text
 * with spaces and outside ASCII, each choice and near misses. */
static const char *const probe_texts[] = {
  "", " ", "0", "12", "12345", "1234567", "123456a", "A1b2", "a-b", "12 34", "中文", "１２３",
  "P1", "103001", "2010301", "30101", "是", "人员经费 ", NULL
};
static const gint64 probe_ints[] = { G_MININT64, -1, 0, 1, 2, 7, G_MAXINT64 };

/* Binds @value as the store binds it (ys-store.c bind_field): an empty
 * optional reference as NULL, so that its foreign key does not apply. */
static void
bind_value (sqlite3_stmt *stmt, int index, const YsField *f, const YsValue *value)
{
  if (!ys_field_is_text (f))
    sqlite3_bind_int64 (stmt, index, value->i);
  else if (f->type == YS_FIELD_CODE && f->ref && !(f->flags & YS_FIELD_REQUIRED)
           && (value->s == NULL || value->s[0] == '\0'))
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, value->s ? value->s : "", -1, SQLITE_TRANSIENT);
}

/* Inserts a valid record of @kind with field @probe set to @value into the
 * file's own table, by SQLite alone: whether its CHECK constraints let the
 * row in. */
static gboolean
sql_accepts (sqlite3 *db, const YsKind *kind, guint probe, const YsValue *value)
{
  g_autoptr(YsRecord) base = ys_test_full_record (kind, 1);
  g_autofree char *columns = ys_store_column_list (kind, YS_STORE_SCHEMA_VERSION, FALSE);
  g_autoptr(GString) sql = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_string_printf (sql, "INSERT INTO %s (%s) VALUES (", kind->table, columns);
  for (guint i = 0; i < kind->n_fields; i++)
    g_string_append_printf (sql, "%s?", i ? ", " : "");
  g_string_append (sql, ")");
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql->str, -1, &stmt, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < kind->n_fields; i++)
    bind_value (stmt, i + 1, &kind->fields[i], i == probe ? value : ys_record_peek (base, i));
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      g_assert_cmpint (sqlite3_extended_errcode (db), ==, SQLITE_CONSTRAINT_CHECK);
      return FALSE;
    }
  g_string_printf (sql, "DELETE FROM %s", kind->table);
  g_assert_cmpint (sqlite3_exec (db, sql->str, NULL, NULL, NULL), ==, SQLITE_OK);
  return TRUE;
}

/* ys_store_value_passes() says of every value what the file's own CHECK
 * constraint says, for every field of every kind. */
static void
test_checks_in_c (void)
{
  g_autofree char *dir = ys_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "c.yusuan", NULL);
  g_autoptr(GError) error = NULL;
  const YsKind *const *kinds = ys_kinds_all ();
  YsStore *store = ys_store_create (path, &error);
  sqlite3 *db = NULL;
  guint refused = 0, accepted = 0;

  g_assert_no_error (error);
  ys_store_close (store);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  /* The triggers that keep the sums of the lines call it. */
  g_assert_cmpint (ys_store_register_sum (db), ==, SQLITE_OK);
  for (guint k = 0; kinds[k]; k++)
    for (guint f = 0; f < kinds[k]->n_fields; f++)
      {
        const YsField *field = &kinds[k]->fields[f];
        g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

        if (!ys_field_is_text (field))
          {
            for (guint i = 0; i < G_N_ELEMENTS (probe_ints); i++)
              {
                YsValue v = { .i = probe_ints[i] };
                gboolean c = ys_store_value_passes (field, &v);

                g_assert_cmpint (c, ==, sql_accepts (db, kinds[k], f, &v));
                c ? accepted++ : refused++;
              }
            continue;
          }
        for (guint i = 0; probe_texts[i]; i++)
          g_ptr_array_add (texts, g_strdup (probe_texts[i]));
        for (guint c = 0; field->choices && field->choices[c]; c++)
          {
            g_ptr_array_add (texts, g_strdup (field->choices[c]));
            g_ptr_array_add (texts, g_strconcat (field->choices[c], " ", NULL));
          }
        g_ptr_array_add (texts, NULL);
        for (guint i = 0; i < texts->len; i++)
          {
            YsValue v = { .s = g_ptr_array_index (texts, i) };
            gboolean c = ys_store_value_passes (field, &v);

            if (c != sql_accepts (db, kinds[k], f, &v))
              g_error ("%s.%s “%s”: C %s, SQLite does not", kinds[k]->table, field->name,
                       v.s ? v.s : "(null)", c ? "accepts" : "refuses");
            c ? accepted++ : refused++;
          }
      }
  sqlite3_close (db);
  /* Both answers were given many times. */
  g_assert_cmpuint (accepted, >, 200);
  g_assert_cmpuint (refused, >, 200);
  ys_test_rm_rf (dir);
}

static char *
pragma_text (YsStore *store, const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *text;

  g_assert_cmpint (sqlite3_prepare_v2 (store->db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return text;
}

static void
assert_saved_settings (YsStore *store)
{
  g_autofree char *journal = pragma_text (store, "PRAGMA journal_mode");
  g_autofree char *sync = pragma_text (store, "PRAGMA synchronous");
  g_autofree char *checks = pragma_text (store, "PRAGMA ignore_check_constraints");
  g_autofree char *keys = pragma_text (store, "PRAGMA foreign_keys");

  g_assert_cmpstr (journal, ==, "wal");
  g_assert_cmpstr (sync, ==, "2");
  g_assert_cmpstr (checks, ==, "0");
  g_assert_cmpstr (keys, ==, "1");
}

static void
test_new_file (void)
{
  g_autofree char *dir = ys_test_tmp_dir ();
  g_autofree char *target = g_build_filename (dir, "n.yusuan", NULL);
  g_autofree char *path = ys_temp_file_name (target);
  g_autoptr(GError) error = NULL;
  g_autoptr(YsRecord) unit = ys_test_full_record (&ys_unit_kind, 1);
  g_autoptr(YsRecord) line = ys_test_full_record (&ys_line_kind, 1);
  g_autoptr(YsRecord) bad = ys_test_full_record (&ys_line_kind, 2);
  g_autoptr(GPtrArray) loaded = NULL;
  YsRecord *lines[] = { line, bad };
  YsValue negative = { .i = -5 };
  guint failed = 99;
  YsStore *store;

  g_assert_true (ys_temp_file_is_ours (path));
  g_assert_false (ys_temp_file_is_ours (target));
  ys_record_set_text (unit, YS_UNIT_CODE, "103001");
  ys_record_set_text (line, YS_LINE_PROJECT_CODE, "");
  ys_record_set_text (bad, YS_LINE_PROJECT_CODE, "");
  /* Past ys_field_parse(), which would refuse it: only the store checks it. */
  ys_record_set_value (bad, YS_LINE_AMOUNT, &negative);

  /* A row that breaks a CHECK constraint is refused by SQLite's own. */
  store = ys_store_create (path, &error);
  g_assert_no_error (error);
  g_assert_true (ys_store_begin_bulk (store, &error));
  g_assert_true (store->bulk_checked);
  g_assert_true (ys_store_insert_new (store, &ys_unit_kind, &unit, 1, &failed, &error));
  g_assert_false (ys_store_insert_new (store, &ys_line_kind, lines, 2, &failed, &error));
  g_assert_error (error, YS_STORE_ERROR, YS_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "CHECK"));
  g_assert_nonnull (strstr (error->message, "amount"));
  g_assert_cmpuint (failed, ==, 1);
  g_clear_error (&error);
  ys_store_rollback (store);
  ys_store_close (store);
  ys_temp_file_remove_database (path);

  /* A whole load: the file is written as any saved file is from then on. */
  ys_record_set_id (unit, 0);
  ys_record_set_id (line, 0);
  store = ys_store_create (path, &error);
  g_assert_no_error (error);
  g_assert_true (ys_store_begin_bulk (store, &error));
  g_assert_true (ys_store_insert_new (store, &ys_unit_kind, &unit, 1, &failed, &error));
  g_assert_true (ys_store_insert_new (store, &ys_line_kind, lines, 1, &failed, &error));
  g_assert_true (ys_store_commit (store, &error));
  g_assert_no_error (error);
  assert_saved_settings (store);
  ys_record_set_id (bad, 0);
  g_assert_true (ys_store_begin (store, &error));
  g_assert_false (ys_store_insert (store, bad, &error));
  g_assert_error (error, YS_STORE_ERROR, YS_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  ys_store_rollback (store);
  ys_store_close (store);

  store = ys_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (ys_store_check_integrity (store, &error));
  loaded = ys_store_load (store, &ys_line_kind, &error);
  g_assert_cmpuint (loaded->len, ==, 1);
  ys_store_close (store);

  /* A file under its own name keeps its journal and SQLite's checks. */
  store = ys_store_create (target, &error);
  g_assert_no_error (error);
  ys_record_set_id (unit, 0);
  g_assert_true (ys_store_begin_bulk (store, &error));
  g_assert_false (store->bulk_checked);
  {
    g_autofree char *journal = pragma_text (store, "PRAGMA journal_mode");
    g_assert_cmpstr (journal, ==, "wal");
  }
  g_assert_true (ys_store_insert_new (store, &ys_unit_kind, &unit, 1, &failed, &error));
  g_assert_true (ys_store_commit (store, &error));
  assert_saved_settings (store);
  ys_store_close (store);
  ys_test_rm_rf (dir);
}

/* A bulk load of one unit, one project and @lines, not yet committed. */
static void
load_unit_project_lines (YsStore *store, YsRecord *unit, YsRecord *project, GPtrArray *lines)
{
  g_autoptr(GError) error = NULL;
  guint failed = 0;

  g_assert_true (ys_store_begin_bulk (store, &error));
  g_assert_true (ys_store_insert_new (store, &ys_unit_kind, &unit, 1, &failed, &error));
  g_assert_true (ys_store_insert_new (store, &ys_project_kind, &project, 1, &failed, &error));
  g_assert_true (ys_store_insert_new (store, &ys_line_kind, (YsRecord **) lines->pdata, lines->len,
                                      &failed, &error));
  g_assert_no_error (error);
}

/* At the commit of a bulk load every reference is checked: among rows whose
 * references are all found, a value found in no row of its table refuses
 * the load, named at the first row that holds it, whichever column it is in
 * (a required one, an optional one). */
static void
test_references_checked (void)
{
  g_autofree char *dir = ys_test_tmp_dir ();
  const guint fields[] = { YS_LINE_UNIT_CODE, YS_LINE_PROJECT_CODE };

  for (guint t = 0; t < G_N_ELEMENTS (fields); t++)
    for (guint fresh = 0; fresh < 2; fresh++)
      {
        g_autofree char *target = g_strdup_printf ("%s/r%u.yusuan", dir, t);
        g_autofree char *path = fresh ? ys_temp_file_name (target) : g_strdup (target);
        g_autoptr(GError) error = NULL;
        g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_object_unref);
        g_autoptr(YsRecord) unit = ys_test_full_record (&ys_unit_kind, 1);
        g_autoptr(YsRecord) project = ys_test_full_record (&ys_project_kind, 1);
        YsStore *store = ys_store_create (path, &error);

        g_assert_no_error (error);
        ys_record_set_text (unit, YS_UNIT_CODE, "103001");
        ys_record_set_text (project, YS_PROJECT_CODE, "P1");
        for (guint i = 0; i < 50; i++)
          {
            YsRecord *line = ys_test_full_record (&ys_line_kind, i);

            ys_record_set_text (line, YS_LINE_PROJECT_CODE, i % 2 ? "P1" : "");
            /* Lines 31 and 41 (ids) name what is not there. */
            if (i == 30 || i == 40)
              ys_record_set_text (line, fields[t], fields[t] == YS_LINE_UNIT_CODE ? "999999" : "P9");
            g_ptr_array_add (lines, line);
          }
        load_unit_project_lines (store, unit, project, lines);
        g_assert_false (ys_store_commit (store, &error));
        g_assert_error (error, YS_STORE_ERROR, YS_STORE_ERROR_CONSTRAINT);
        g_assert_true (g_str_has_prefix (error->message, "line_item #31: "));
        g_clear_error (&error);

        /* Without them the same rows load. */
        for (guint i = 0; i < lines->len; i++)
          ys_record_set_id (g_ptr_array_index (lines, i), 0);
        ys_record_set_id (unit, 0);
        ys_record_set_id (project, 0);
        ys_record_set_text (g_ptr_array_index (lines, 30), YS_LINE_UNIT_CODE, "103001");
        ys_record_set_text (g_ptr_array_index (lines, 40), YS_LINE_UNIT_CODE, "103001");
        ys_record_set_text (g_ptr_array_index (lines, 30), YS_LINE_PROJECT_CODE, "");
        ys_record_set_text (g_ptr_array_index (lines, 40), YS_LINE_PROJECT_CODE, "");
        ys_store_close (store);
        ys_temp_file_remove_database (path);
        store = ys_store_create (path, &error);
        g_assert_no_error (error);
        load_unit_project_lines (store, unit, project, lines);
        g_assert_true (ys_store_commit (store, &error));
        g_assert_no_error (error);
        ys_store_close (store);
        ys_temp_file_remove_database (path);
      }
  ys_test_rm_rf (dir);
}

/* The row sums of a bulk load, whose longer choices are summed through
 * tables prepared once, are the ones a load checks every row against. */
static void
test_row_sums (void)
{
  static const char *const sources[] = { "一般公共预算拨款", "政府性基金预算拨款", "事业收入", "其他收入" };
  static const char *const kinds[] = { "人员经费", "公用经费", "项目支出" };
  g_autofree char *dir = ys_test_tmp_dir ();
  g_autofree char *target = g_build_filename (dir, "s.yusuan", NULL);
  g_autofree char *path = ys_temp_file_name (target);
  g_autoptr(GError) error = NULL;
  g_autoptr(YsRecord) unit = ys_test_full_record (&ys_unit_kind, 1);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) loaded = NULL;
  guint failed = 0;
  YsStore *store;

  ys_record_set_text (unit, YS_UNIT_CODE, "103001");
  for (guint i = 0; i < 40; i++)
    {
      YsRecord *line = ys_test_full_record (&ys_line_kind, i + 1);

      ys_record_set_text (line, YS_LINE_PROJECT_CODE, "");
      ys_record_set_text (line, YS_LINE_SOURCE, sources[i % G_N_ELEMENTS (sources)]);
      ys_record_set_text (line, YS_LINE_KIND, kinds[i % G_N_ELEMENTS (kinds)]);
      g_ptr_array_add (lines, line);
    }
  store = ys_store_create (path, &error);
  g_assert_no_error (error);
  g_assert_true (ys_store_begin_bulk (store, &error));
  g_assert_true (ys_store_insert_new (store, &ys_unit_kind, &unit, 1, &failed, &error));
  g_assert_true (ys_store_insert_new (store, &ys_line_kind, (YsRecord **) lines->pdata, lines->len,
                                      &failed, &error));
  g_assert_true (ys_store_commit (store, &error));
  g_assert_no_error (error);
  ys_store_close (store);

  store = ys_store_open (path, &error);
  g_assert_no_error (error);
  loaded = ys_store_load (store, &ys_line_kind, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (loaded->len, ==, lines->len);
  for (guint i = 0; i < loaded->len; i++)
    g_assert_cmpstr (ys_record_get_text (g_ptr_array_index (loaded, i), YS_LINE_SOURCE), ==,
                     sources[i % G_N_ELEMENTS (sources)]);
  ys_store_close (store);
  ys_test_rm_rf (dir);
}

/* Refuses to begin a transaction, as a full disk or a lost lock would. */
static int
refuse_begin_cb (void *data, int action, const char *a, const char *b, const char *c, const char *d)
{
  return action == SQLITE_TRANSACTION && g_strcmp0 (a, "BEGIN") == 0 ? SQLITE_DENY : SQLITE_OK;
}

/* A bulk load that cannot begin leaves the connection's foreign keys on,
 * as they were: it turns them off before its transaction. */
static void
test_keys_on_after_failed_begin (void)
{
  g_autofree char *dir = ys_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "k.yusuan", NULL);
  g_autoptr(GError) error = NULL;
  YsStore *store;
  int on = 0;

  store = ys_store_create (path, &error);
  g_assert_no_error (error);
  sqlite3_set_authorizer (store->db, refuse_begin_cb, NULL);
  g_assert_false (ys_store_begin_bulk (store, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  sqlite3_set_authorizer (store->db, NULL, NULL);
  g_assert_true (ys_store_query_int (store, "PRAGMA foreign_keys", &on, &error));
  g_assert_cmpint (on, ==, 1);
  ys_store_close (store);
  ys_test_rm_rf (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/store-bulk/checks-in-c", test_checks_in_c);
  g_test_add_func ("/store-bulk/new-file", test_new_file);
  g_test_add_func ("/store-bulk/row-sums", test_row_sums);
  g_test_add_func ("/store-bulk/references-checked", test_references_checked);
  g_test_add_func ("/store-bulk/keys-on-after-failed-begin", test_keys_on_after_failed_begin);
  return g_test_run ();
}
