/* Helpers shared by the core tests: temporary directories and small documents. */
#pragma once

#include <glib.h>
#include <string.h>
#include <glib/gstdio.h>
#include <sys/wait.h>
#include <unzip.h>
#include <sqlite3.h>

#include "ys-document.h"
#include "ys-interchange.h"

static inline char *
ys_test_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("yusuan-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static inline void
ys_test_rm_rf (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) d = g_dir_open (path, 0, NULL);
      const char *name;

      while (d != NULL && (name = g_dir_read_name (d)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          ys_test_rm_rf (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

static inline YsRecord *
ys_test_record (const YsKind *kind, ...)
{
  YsRecord *record = ys_record_new (kind);
  va_list args;
  const char *name;

  va_start (args, kind);
  while ((name = va_arg (args, const char *)) != NULL)
    {
      const char *text = va_arg (args, const char *);
      int field = ys_kind_find_field (kind, name);
      g_autoptr(GError) error = NULL;

      g_assert_cmpint (field, >=, 0);
      ys_record_parse_field (record, field, text, &error);
      g_assert_no_error (error);
    }
  va_end (args);
  return record;
}

/* Fills every field of a record of @kind with a distinctive valid value. */
static inline YsRecord *
ys_test_full_record (const YsKind *kind, guint salt)
{
  YsRecord *r = ys_record_new (kind);

  for (guint i = 0; i < kind->n_fields; i++)
    {
      const YsField *f = &kind->fields[i];
      YsValue v = { 0 };
      g_autofree char *text = NULL;

      switch (f->type)
        {
        case YS_FIELD_TEXT:
          text = g_strdup_printf ("%s 文本 %u, \"引号\"\n第二行", f->name, salt);
          break;
        case YS_FIELD_CODE:
          if (f->ref)
            text = g_strdup (g_str_equal (f->ref, "unit") ? "103001" : "P1");
          else if (f->digits)
            text = g_strdup_printf ("%0*u", (int) f->digits, 20 + salt);
          else
            text = g_strdup_printf ("C%u", salt);
          break;
        case YS_FIELD_CHOICE:
          text = g_strdup (f->choices[salt % g_strv_length ((char **) f->choices)]);
          break;
        case YS_FIELD_INT:
          text = g_strdup_printf ("%u", 7 + salt);
          break;
        case YS_FIELD_MONEY:
          text = g_strdup_printf ("%u.%02u", 1234 + salt, salt % 100);
          break;
        case YS_FIELD_BOOL:
          text = g_strdup ("是");
          break;
        }
      g_assert_true (ys_field_parse (f, text, &v, NULL));
      ys_record_set_value (r, i, &v);
      ys_value_clear (f, &v);
    }
  return r;
}

/* The first column of the first row of @sql, read from the closed file @path. */
static inline gint64
ys_test_query_int (const char *path, const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static inline void
ys_test_insert (YsDocument *doc, YsRecord *record)
{
  g_autoptr(GError) error = NULL;

  ys_document_insert (doc, record, &error);
  g_assert_no_error (error);
  g_object_unref (record);
}

/* An empty budget of 测试部门 (103) for 2023 in @region, at @dir/test.yusuan. */
static inline YsDocument *
ys_test_new_document (const char *dir, const char *region)
{
  g_autoptr(GHashTable) meta = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *path = g_build_filename (dir, "test.yusuan", NULL);
  g_autoptr(GError) error = NULL;
  YsDocument *doc;

  g_hash_table_insert (meta, "dept_code", "103");
  g_hash_table_insert (meta, "dept_name", "测试部门");
  g_hash_table_insert (meta, "year", "2023");
  g_hash_table_insert (meta, "region", (gpointer) region);
  doc = ys_document_create (path, meta, &error);
  g_assert_no_error (error);
  return doc;
}

/* A unit, a project, two line items and an indicator. */
static inline YsDocument *
ys_test_small_document (const char *path)
{
  g_autoptr(GError) error = NULL;
  YsDocument *doc = ys_document_create (path, NULL, &error);

  g_assert_no_error (error);
  ys_test_insert (doc, ys_test_record (&ys_unit_kind, "code", "103001", "name", "测试单位",
                                       "unit_type", "行政单位", "role", "本级", NULL));
  ys_test_insert (doc, ys_test_record (&ys_project_kind, "code", "P1", "name", "信息化运维",
                                       "unit_code", "103001", "annual_local", "870000", NULL));
  ys_test_insert (doc, ys_test_record (&ys_line_kind, "unit_code", "103001", "func_code", "2010301",
                                       "econ_code", "30101", "kind", "人员经费",
                                       "source", "一般公共预算拨款", "amount", "2491900.00", NULL));
  ys_test_insert (doc, ys_test_record (&ys_line_kind, "unit_code", "103001", "func_code", "2010302",
                                       "econ_code", "30227", "kind", "项目支出", "project_code", "P1",
                                       "source", "一般公共预算拨款", "amount", "870000", NULL));
  ys_test_insert (doc, ys_test_record (&ys_indicator_kind, "project_code", "P1", "goal_set", "年度",
                                       "level1", "产出指标", "level2", "数量指标", "name", "委托业务",
                                       "operator", "≥", "value", "4", "measure", "项", NULL));
  return doc;
}

static inline char *
ys_test_file_digest (const char *path)
{
  g_autofree char *data = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &data, &len, NULL))
    return g_strdup ("missing");
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, len);
}

/* The whole number after "KEY": in JSON printed by yusuan-cli (summary --json). */
static inline gint64
ys_test_json_int (const char *json, const char *key)
{
  g_autofree char *pattern = g_strdup_printf ("\"%s\": ", key);
  const char *p = strstr (json, pattern);

  g_assert_nonnull (p);
  return g_ascii_strtoll (p + strlen (pattern), NULL, 10);
}

#ifdef CLI_PATH
/* Runs yusuan-cli with the NULL-terminated arguments; returns its exit
 * status. What @out and @err held is freed first: tests read several runs
 * into the same strings. */
static inline int
ys_test_run_cli (char **out, char **err, ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  va_list args;
  const char *arg;
  int status = 0;

  if (out != NULL)
    g_clear_pointer (out, g_free);
  if (err != NULL)
    g_clear_pointer (err, g_free);
  g_ptr_array_add (argv, (gpointer) CLI_PATH);
  va_start (args, err);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  /* What a test does not read stays out of its TAP output. */
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, out ? G_SPAWN_DEFAULT : G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                out, err, &status, &error);
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}
#endif

/* One part of a zip package (an xlsx), as text. */
static inline char *
ys_test_zip_part (const char *path, const char *part)
{
  unzFile zip = unzOpen (path);
  GString *text = g_string_new (NULL);
  char buf[4096];
  int n;

  g_assert_nonnull (zip);
  g_assert_cmpint (unzLocateFile (zip, part, 0), ==, UNZ_OK);
  g_assert_cmpint (unzOpenCurrentFile (zip), ==, UNZ_OK);
  while ((n = unzReadCurrentFile (zip, buf, sizeof buf)) > 0)
    g_string_append_len (text, buf, n);
  unzCloseCurrentFile (zip);
  unzClose (zip);
  return g_string_free (text, FALSE);
}

#ifdef SOURCE_ROOT
/* The bundled sample @name (resources/samples/NAME) imported into a new
 * budget in @dir. */
static inline YsDocument *
ys_test_import_sample (const char *name, const char *dir)
{
  g_autofree char *src = g_build_filename (SOURCE_ROOT, "resources", "samples", name, NULL);
  g_autofree char *path = g_build_filename (dir, "sample.yusuan", NULL);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) meta = ys_interchange_read_meta (src, problems, &error);
  YsDocument *doc;

  g_assert_no_error (error);
  doc = ys_document_create (path, meta, &error);
  g_assert_no_error (error);
  if (!ys_interchange_import (doc, src, problems, &error))
    {
      for (guint i = 0; i < problems->len; i++)
        g_test_message ("%s", (char *) g_ptr_array_index (problems, i));
      g_assert_no_error (error);
    }
  return doc;
}
#endif
