/* Next year from this year: `yusuan-cli next-year` on the 埇桥 sample gives a
 * 2024 budget whose 上年数 are the 2023 figures by every key the tables use;
 * the project rule; codes the new catalog lacks; nothing left behind on error. */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "ys-next-year.h"
#include "ys-summary.h"
#include "ys-test-util.h"

static JsonObject *
run_json (JsonParser *parser, const char *old, const char *new_path, ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *out = NULL, *err = NULL, *cmd = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;
  va_list args;
  const char *arg;

  g_ptr_array_add (argv, g_strdup (CLI_PATH));
  g_ptr_array_add (argv, g_strdup ("next-year"));
  g_ptr_array_add (argv, g_strdup (old));
  g_ptr_array_add (argv, g_strdup (new_path));
  g_ptr_array_add (argv, g_strdup ("--json"));
  va_start (args, new_path);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, g_strdup (arg));
  va_end (args);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("next-year failed: %s", err);
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

/* 分 to hundredths of 万元, rounded as the published tables print them. */
static gint64
in_wan_cents (YsMoney fen)
{
  return (fen + 5000) / 10000;
}

static void
assert_amounts (const char *what, const YsAmounts *prior, const YsAmounts *now)
{
  g_test_message ("%s: %" G_GINT64_FORMAT " / %" G_GINT64_FORMAT, what, prior ? prior->total : -1, now->total);
  g_assert_nonnull (prior);
  g_assert_cmpint (prior->total, ==, now->total);
  g_assert_cmpint (prior->basic, ==, now->basic);
  g_assert_cmpint (prior->project, ==, now->project);
  g_assert_cmpint (prior->personnel, ==, now->personnel);
  g_assert_cmpint (prior->public_, ==, now->public_);
}

static void
assert_rollups (GHashTable *prior, GHashTable *now)
{
  g_autoptr(GPtrArray) codes = ys_summary_codes (now);

  g_assert_cmpuint (g_hash_table_size (prior), ==, g_hash_table_size (now));
  for (guint i = 0; i < codes->len; i++)
    {
      const char *code = g_ptr_array_index (codes, i);
      assert_amounts (code, ys_summary_lookup (prior, code), ys_summary_lookup (now, code));
    }
}

static void
test_yongqiao (void)
{
  g_autofree char *dir = ys_test_tmp_dir ();
  g_autofree char *src = g_build_filename (SOURCE_ROOT, "resources", "samples", "yongqiao-2023", NULL);
  g_autofree char *old_path = g_build_filename (dir, "yongqiao-2023.yusuan", NULL);
  g_autofree char *new_path = g_build_filename (dir, "yongqiao-2024.yusuan", NULL);
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(YsDocument) old = NULL, new_doc = NULL;
  g_autoptr(YsSummary) now = NULL, prior = NULL;
  g_autoptr(GDir) listing = NULL;
  JsonObject *report;
  JsonArray *projects;

  /* As resources/samples/meson.build builds the sample. */
  g_assert_cmpint (ys_test_run_cli (&out, &err, "import", old_path, src, NULL), ==, 0);
  report = run_json (parser, old_path, new_path, NULL);
  g_assert_cmpint (json_object_get_int_member (report, "new_year"), ==, 2024);
  g_assert_cmpint (json_object_get_int_member (report, "new_catalog_year"), ==, 2024);
  g_assert_true (json_object_get_boolean_member (report, "catalog_advanced"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (report, "missing_codes")), ==, 0);

  old = ys_document_open (old_path, &error);
  g_assert_no_error (error);
  new_doc = ys_document_open (new_path, &error);
  g_assert_no_error (error);

  /* Settings: the year advanced, the rest and the 概况 texts carried. */
  g_assert_cmpint (ys_document_get_year (new_doc), ==, 2024);
  g_assert_cmpint (ys_document_get_catalog_year (new_doc), ==, 2024);
  for (guint i = 0; ys_document_meta_keys[i]; i++)
    if (!g_str_equal (ys_document_meta_keys[i], "year") && !g_str_equal (ys_document_meta_keys[i], "catalog_year"))
      g_assert_cmpstr (ys_document_get_meta (new_doc, ys_document_meta_keys[i]), ==,
                       ys_document_get_meta (old, ys_document_meta_keys[i]));
  g_assert_nonnull (strstr (ys_document_get_meta (new_doc, "overview_duties"), "（十二）办理区政府领导交办的其他事项。"));

  /* Units and projects: 埇桥's P01 is 延续/经常性; P02–P06 give no attributes and go on too. */
  g_assert_cmpuint (ys_document_count (new_doc, &ys_unit_kind), ==, 1);
  g_assert_nonnull (ys_document_lookup_key (new_doc, &ys_unit_kind, "003001"));
  g_assert_cmpuint (ys_document_count (new_doc, &ys_project_kind), ==, 6);
  g_assert_cmpstr (ys_record_get_text (ys_document_lookup_key (new_doc, &ys_project_kind, "P01"), YS_PROJECT_STATUS),
                   ==, "延续");
  g_assert_cmpuint (ys_document_count (new_doc, &ys_indicator_kind), ==, ys_document_count (old, &ys_indicator_kind));
  projects = json_object_get_array_member (report, "projects");
  g_assert_cmpuint (json_array_get_length (projects), ==, 6);
  for (guint i = 0; i < 6; i++)
    g_assert_true (json_object_get_boolean_member (json_array_get_object_element (projects, i), "carried"));

  /* No figures of 2024 yet; the 2023 ones are its 上年数, by every key. */
  g_assert_cmpuint (ys_document_count (new_doc, &ys_line_kind), ==, 0);
  g_assert_cmpuint (ys_document_count (new_doc, &ys_income_kind), ==, 0);
  now = ys_summary_compute (old, &YS_FILTER_ALL);
  prior = ys_summary_compute_prior (new_doc, NULL);
  /* The seed: 合计 1,623.35万元 = 基本支出 1,008.35 + 项目支出 615.00. */
  g_assert_cmpint (in_wan_cents (prior->expense.total), ==, 162335);
  g_assert_cmpint (in_wan_cents (prior->expense.basic), ==, 100835);
  g_assert_cmpint (in_wan_cents (prior->expense.project), ==, 61500);
  assert_amounts ("合计", &prior->expense, &now->expense);
  assert_rollups (prior->by_function, now->by_function);
  assert_rollups (prior->by_economic, now->by_economic);
  for (guint s = 0; s < G_N_ELEMENTS (now->expense_by_source); s++)
    assert_amounts ("source", &prior->expense_by_source[s], &now->expense_by_source[s]);
  g_assert_cmpint (prior->income_total, ==, now->income_total);
  g_assert_cmpint (json_object_get_int_member (report, "prior_year_expense"), ==, now->expense.total);

  /* Only the new file: no temporary file is left beside it. */
  ys_document_close (old);
  ys_document_close (new_doc);
  listing = g_dir_open (dir, 0, NULL);
  for (const char *name; (name = g_dir_read_name (listing)) != NULL;)
    g_assert_true (g_str_equal (name, "yongqiao-2023.yusuan") || g_str_equal (name, "yongqiao-2024.yusuan"));
  ys_test_rm_rf (dir);
}

static YsRecord *
project (const char *code, const char *status, const char *recurrence, const char *start, const char *end,
         const char *period)
{
  return ys_test_record (&ys_project_kind, "code", code, "name", code, "unit_code", "103001",
                         "status", status, "recurrence", recurrence, "start_date", start, "end_date", end,
                         "period", period, "annual_local", "10000", NULL);
}

static void
test_projects (void)
{
  static const struct { const char *code; gboolean carried; } expect[] = {
    { "P1", TRUE },   /* from the small document: no attributes */
    { "A", FALSE }, { "B", TRUE }, { "C", TRUE }, { "D", TRUE }, { "E", FALSE }, { "F", FALSE },
  };
  g_autofree char *dir = ys_test_tmp_dir ();
  g_autofree char *old_path = g_build_filename (dir, "old.yusuan", NULL);
  g_autofree char *new_path = g_build_filename (dir, "new.yusuan", NULL);
  g_autoptr(YsDocument) old = ys_test_small_document (old_path);
  g_autoptr(YsDocument) new_doc = NULL;
  g_autoptr(YsNextYearReport) report = NULL;
  g_autoptr(GError) error = NULL;
  YsRecord *b, *d;

  ys_test_insert (old, project ("A", "新增", "一次性", "2023-01-01", "2023-12-31", "2023年"));
  ys_test_insert (old, project ("B", "新增", "经常性", "2023-01-01", "2023-12-31", "2023年"));
  ys_test_insert (old, project ("C", "延续", "", "2023-01-01", "2023-12-31", ""));
  ys_test_insert (old, project ("D", "新增", "", "2023-01-01", "2025-12-31", "2023年—2025年"));
  ys_test_insert (old, project ("E", "新增", "", "2023-01-01", "2023-12-31", "2023年"));
  ys_test_insert (old, project ("F", "", "一次性", "", "", ""));
  ys_test_insert (old, ys_test_record (&ys_indicator_kind, "project_code", "A", "goal_set", "年度",
                                       "level1", "产出指标", "level2", "数量指标", NULL));
  ys_test_insert (old, ys_test_record (&ys_indicator_kind, "project_code", "B", "goal_set", "年度",
                                       "level1", "产出指标", "level2", "数量指标", NULL));

  report = ys_next_year_create (old, new_path, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->projects->len, ==, G_N_ELEMENTS (expect));
  for (guint i = 0; i < G_N_ELEMENTS (expect); i++)
    {
      YsNextYearProject *p = g_ptr_array_index (report->projects, i);
      g_test_message ("%s: %s", p->code, p->reason);
      g_assert_cmpstr (p->code, ==, expect[i].code);
      g_assert_cmpint (p->carried, ==, expect[i].carried);
    }

  new_doc = ys_document_open (new_path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ys_document_count (new_doc, &ys_project_kind), ==, 4);
  g_assert_null (ys_document_lookup_key (new_doc, &ys_project_kind, "A"));
  /* A's indicator went with it; B's came along. */
  g_assert_cmpuint (ys_document_count (new_doc, &ys_indicator_kind), ==, 2);
  /* An annual project is renewed for 2024; a multi-year one keeps its period; annual funds are cleared. */
  b = ys_document_lookup_key (new_doc, &ys_project_kind, "B");
  g_assert_cmpstr (ys_record_get_text (b, YS_PROJECT_STATUS), ==, "延续");
  g_assert_cmpstr (ys_record_get_text (b, YS_PROJECT_START_DATE), ==, "2024-01-01");
  g_assert_cmpstr (ys_record_get_text (b, YS_PROJECT_END_DATE), ==, "2024-12-31");
  g_assert_cmpstr (ys_record_get_text (b, YS_PROJECT_PERIOD), ==, "2024年");
  g_assert_cmpint (ys_record_get_int (b, YS_PROJECT_ANNUAL_LOCAL), ==, 0);
  d = ys_document_lookup_key (new_doc, &ys_project_kind, "D");
  g_assert_cmpstr (ys_record_get_text (d, YS_PROJECT_END_DATE), ==, "2025-12-31");
  g_assert_cmpstr (ys_record_get_text (d, YS_PROJECT_PERIOD), ==, "2023年—2025年");
  ys_test_rm_rf (dir);
}

/* 2130599 comes from the finance bureau's 2023 catalog (imported); the bundled
 * 2024 one does not hold it, so it is listed; mapped, its figures move. */
static void
test_missing_code (void)
{
  g_autofree char *dir = ys_test_tmp_dir ();
  g_autofree char *old_path = g_build_filename (dir, "old.yusuan", NULL);
  g_autofree char *plain = g_build_filename (dir, "plain.yusuan", NULL);
  g_autofree char *mapped = g_build_filename (dir, "mapped.yusuan", NULL);
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) ys_catalog_entry_free);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(YsSummary) prior = NULL;
  JsonObject *report, *missing;

  {
    g_autoptr(YsDocument) old = ys_test_small_document (old_path);
    g_ptr_array_add (rows, ys_catalog_entry_new ("2130599", "其他巩固脱贫攻坚成果衔接乡村振兴支出", 3, "21305", "imported"));
    g_assert_true (ys_document_import_catalog (old, YS_CATALOG_FUNCTION, rows, FALSE, &error));
    ys_test_insert (old, ys_test_record (&ys_line_kind, "unit_code", "103001", "func_code", "2130599",
                                         "econ_code", "30227", "kind", "项目支出", "project_code", "P1",
                                         "source", "一般公共预算拨款", "amount", "5000", NULL));
  }

  /* A dry run lists the code and writes nothing. */
  report = run_json (parser, old_path, plain, "--dry-run", NULL);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (report, "missing_codes")), ==, 1);
  g_assert_false (g_file_test (plain, G_FILE_TEST_EXISTS));

  /* Text output lists the code for the user to map. */
  g_assert_cmpint (ys_test_run_cli (&out, &err, "next-year", old_path, plain, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "2130599 其他巩固脱贫攻坚成果衔接乡村振兴支出"));
  g_assert_nonnull (strstr (out, "--map"));

  {
    g_autoptr(YsDocument) doc = ys_document_open (plain, &error);
    g_assert_no_error (error);
    prior = ys_summary_compute_prior (doc, NULL);
    /* Unmapped, the figure stays under the old code. */
    g_assert_cmpint (ys_summary_lookup (prior->by_function, "2130599")->total, ==, 500000);
  }
  g_clear_pointer (&prior, ys_summary_free);

  report = run_json (parser, old_path, mapped, "--map", "2130599=2010399", NULL);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (report, "missing_codes")), ==, 1);
  missing = json_array_get_object_element (json_object_get_array_member (report, "missing_codes"), 0);
  g_assert_cmpstr (json_object_get_string_member (missing, "code"), ==, "2130599");
  g_assert_cmpstr (json_object_get_string_member (missing, "catalog"), ==, "function");
  g_assert_cmpstr (json_object_get_string_member (missing, "mapped_to"), ==, "2010399");
  g_assert_cmpint (json_object_get_int_member (missing, "amount"), ==, 500000);
  {
    g_autoptr(YsDocument) doc = ys_document_open (mapped, &error);
    g_assert_no_error (error);
    prior = ys_summary_compute_prior (doc, NULL);
    g_assert_false (g_hash_table_contains (prior->by_function, "2130599"));
    g_assert_cmpint (ys_summary_lookup (prior->by_function, "2010399")->total, ==, 500000);
    g_assert_cmpint (prior->expense.total, ==, 249190000 + 87000000 + 500000);
  }
  ys_test_rm_rf (dir);
}

static void
test_refuses (void)
{
  g_autofree char *dir = ys_test_tmp_dir ();
  g_autofree char *old_path = g_build_filename (dir, "old.yusuan", NULL);
  g_autofree char *taken = g_build_filename (dir, "taken.yusuan", NULL);
  g_autofree char *nowhere = g_build_filename (dir, "no-such-dir", "new.yusuan", NULL);
  g_autofree char *fresh = g_build_filename (dir, "fresh.yusuan", NULL);
  g_autofree char *out = NULL, *err = NULL, *before = NULL, *after = NULL;
  g_autoptr(YsDocument) old = ys_test_small_document (old_path);
  g_autoptr(GDir) listing = NULL;
  guint n = 0;

  ys_document_close (old);
  g_assert_true (g_file_set_contents (taken, "mine", -1, NULL));
  before = ys_test_file_digest (taken);
  g_assert_cmpint (ys_test_run_cli (&out, &err, "next-year", old_path, taken, NULL), !=, 0);
  g_assert_nonnull (strstr (err, "taken.yusuan"));
  after = ys_test_file_digest (taken);
  g_assert_cmpstr (before, ==, after);

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (ys_test_run_cli (&out, &err, "next-year", old_path, fresh, "--year", "2023", NULL), !=, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (ys_test_run_cli (&out, &err, "next-year", old_path, fresh, "--map", "201=2010399", NULL), !=, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (ys_test_run_cli (&out, &err, "next-year", old_path, nowhere, NULL), !=, 0);
  g_assert_false (g_file_test (fresh, G_FILE_TEST_EXISTS));

  /* Nothing but the two files made above is in the folder. */
  listing = g_dir_open (dir, 0, NULL);
  while (g_dir_read_name (listing) != NULL)
    n++;
  g_assert_cmpuint (n, ==, 2);
  ys_test_rm_rf (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/next-year/yongqiao", test_yongqiao);
  g_test_add_func ("/next-year/projects", test_projects);
  g_test_add_func ("/next-year/missing-code", test_missing_code);
  g_test_add_func ("/next-year/refuses", test_refuses);
  return g_test_run ();
}
