/* Explanations and reviews: stored, surviving reopening, falling back to
 * 待审 when the figures behind them change, never accepting an error; the
 * review sheet; identical findings decided together; filed in Chinese. */
#include "config.h"

#include <string.h>

#include "ys-i18n.h"
#include "ys-interchange.h"
#include "ys-review-sheet.h"
#include "rules-fixture.h"

/* ---- explanations and reviews ---- */

static void
test_review_survives_and_follows_data (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  YsFinding *finding;
  const char *key = "R30:unit:103001:2101103";
  YsRecord *extra = add_line (f, "2101103", "30307", "人员经费", "", "27110.00", "");
  gint64 extra_id = ys_record_get_id (extra);

  finding = ys_validator_lookup (f->v, key);
  g_assert_nonnull (finding);
  g_assert_cmpint (ys_finding_get_review_status (finding), ==, YS_REVIEW_PENDING);
  g_assert_null (ys_finding_get_explanation (finding));

  g_assert_true (ys_validator_explain (f->v, finding, "医疗费补助列入公务员医疗补助项。", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ys_finding_get_explanation (finding), ==, "医疗费补助列入公务员医疗补助项。");
  g_assert_true (ys_validator_review (f->v, finding, YS_REVIEW_ACCEPTED, "同意", &error));
  g_assert_no_error (error);
  g_assert_cmpint (ys_finding_get_review_status (finding), ==, YS_REVIEW_ACCEPTED);
  g_assert_cmpstr (ys_finding_get_comment (finding), ==, "同意");
  /* Stored as a review record under the finding's key. */
  g_assert_nonnull (ys_document_lookup_key (f->doc, &ys_review_kind, key));

  reopen (f);
  finding = ys_validator_lookup (f->v, key);
  g_assert_nonnull (finding);
  g_assert_cmpint (ys_finding_get_review_status (finding), ==, YS_REVIEW_ACCEPTED);
  g_assert_cmpstr (ys_finding_get_explanation (finding), ==, "医疗费补助列入公务员医疗补助项。");

  /* The figures behind it change: back to 待审. */
  for (guint i = 0; i < ys_document_count (f->doc, &ys_line_kind); i++)
    {
      YsRecord *line = ys_document_get (f->doc, &ys_line_kind, i);
      if (ys_record_get_id (line) == extra_id)
        extra = line;
    }
  set (f, extra, "amount", "30000.00");
  g_assert_true (ys_validator_lookup (f->v, key) == finding);
  g_assert_cmpint (ys_finding_get_review_status (finding), ==, YS_REVIEW_PENDING);
  g_assert_true (ys_finding_get_review_stale (finding));
  g_assert_cmpstr (ys_finding_get_explanation (finding), ==, "医疗费补助列入公务员医疗补助项。");

  /* Undone, the figures are those that were accepted. */
  g_assert_true (ys_document_undo (f->doc, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ys_finding_get_review_status (finding), ==, YS_REVIEW_ACCEPTED);
  g_assert_false (ys_finding_get_review_stale (finding));

  /* A new explanation asks for a new look; returning it is kept. */
  g_assert_true (ys_validator_explain (f->v, finding, "另见说明附件。", &error));
  g_assert_cmpint (ys_finding_get_review_status (finding), ==, YS_REVIEW_PENDING);
  g_assert_true (ys_validator_review (f->v, finding, YS_REVIEW_RETURNED, "请补充依据", &error));
  g_assert_no_error (error);
  reopen (f);
  finding = ys_validator_lookup (f->v, key);
  g_assert_cmpint (ys_finding_get_review_status (finding), ==, YS_REVIEW_RETURNED);
  g_assert_cmpstr (ys_finding_get_comment (finding), ==, "请补充依据");
  assert_same_as_full (f->v);
}

static void
test_error_cannot_be_accepted (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  YsFinding *finding;

  set (f, f->lines[L_SERVICES], "func_code", "2010301");
  finding = find_rule (f->v, "R07");
  g_assert_nonnull (finding);
  g_assert_false (ys_validator_review (f->v, finding, YS_REVIEW_ACCEPTED, "", &error));
  g_assert_error (error, YS_VALIDATOR_ERROR, YS_VALIDATOR_ERROR_NOT_ACCEPTABLE);
  g_assert_null (ys_document_lookup_key (f->doc, &ys_review_kind, ys_finding_get_key (finding)));
  g_clear_error (&error);

  /* It can be explained and sent back. */
  g_assert_true (ys_validator_explain (f->v, finding, "上级文件要求。", &error));
  g_assert_true (ys_validator_review (f->v, finding, YS_REVIEW_RETURNED, "必须改列2010302", &error));
  g_assert_no_error (error);
  g_assert_cmpint (ys_finding_get_review_status (finding), ==, YS_REVIEW_RETURNED);
  g_assert_cmpuint (ys_validator_count (f->v, YS_FINDING_ERROR), ==, 1);
}

static void
test_review_of_gone_finding (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsFinding) finding = NULL;

  set (f, f->lines[L_SERVICES], "func_code", "2010301");
  finding = g_object_ref (find_rule (f->v, "R07"));
  set (f, f->lines[L_SERVICES], "func_code", "2010302");
  g_assert_false (ys_validator_explain (f->v, finding, "x", &error));
  g_assert_error (error, YS_VALIDATOR_ERROR, YS_VALIDATOR_ERROR_GONE);
}

static void
test_review_in_interchange (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = g_build_filename (f->dir, "dump", NULL);
  g_autofree char *csv = NULL;
  g_autofree char *reviews = g_build_filename (out, "reviews.csv", NULL);
  YsFinding *finding;

  set (f, f->unit, "headcount", "0");
  set (f, f->unit, "staff", "0");
  finding = find_rule (f->v, "R37");
  g_assert_true (ys_validator_explain (f->v, finding, "人数另行报送。", &error));
  g_assert_no_error (error);
  g_assert_true (ys_interchange_dump (f->doc, out, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (reviews, &csv, NULL, &error));
  g_assert_nonnull (strstr (csv, "R37:unit:103001"));
  g_assert_nonnull (strstr (csv, "人数另行报送。"));
}

static void
test_review_sheet (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = g_build_filename (f->dir, "审核结果.xlsx", NULL);
  g_autofree char *bytes = NULL;
  gsize len = 0;

  set (f, f->lines[L_SERVICES], "func_code", "2010301");
  g_assert_true (ys_review_sheet_export (f->v, out, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (out, &bytes, &len, NULL));
  g_assert_cmpuint (len, >, 1000);
  g_assert_true (memcmp (bytes, "PK", 2) == 0);

  /* A directory that does not exist: an error, and nothing left behind. */
  {
    g_autofree char *bad = g_build_filename (f->dir, "missing", "x.xlsx", NULL);
    g_assert_false (ys_review_sheet_export (f->v, bad, &error));
    g_assert_nonnull (error);
  }
}

/* Nineteen lines that break R10 alike give nineteen findings with one
 * message: one decision reviews them all, as one undo step, with the
 * reviewer's name and the time; the review sheet shows both. */
static void
test_review_identical_together (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) same = NULL;
  g_autoptr(GDateTime) before = g_date_time_new_now_local ();
  g_autofree char *out = g_build_filename (f->dir, "审核结果.xlsx", NULL);
  g_autofree char *strings = NULL;
  YsFinding *first = NULL;
  guint n_accepted = 0;

  g_assert_true (ys_document_begin_batch (f->doc, "lines", &error));
  for (guint i = 0; i < 19; i++)
    add (f, ys_test_record (&ys_line_kind, "unit_code", "103001", "func_code", "2010301", "econ_code", "30107",
                            "gov_econ_code", "50501", "kind", "人员经费", "source", "一般公共预算拨款",
                            "amount", "1000.00", NULL));
  g_assert_true (ys_document_end_batch (f->doc, &error));
  first = find_rule (f->v, "R10");
  g_assert_nonnull (first);
  g_assert_cmpint (ys_finding_get_level (first), ==, YS_FINDING_WARNING);
  same = ys_validator_list_same (f->v, first);
  g_assert_cmpuint (same->len, ==, 19);
  for (guint i = 0; i < same->len; i++)
    g_assert_true (ys_finding_is_same_problem (first, g_ptr_array_index (same, i)));

  ys_validator_set_reviewer (f->v, "  张审核 ");
  g_assert_cmpstr (ys_validator_get_reviewer (f->v), ==, "张审核");
  g_assert_true (ys_validator_review_all (f->v, (YsFinding **) same->pdata, same->len, YS_REVIEW_ACCEPTED,
                                          "编制口径如此", &error));
  g_assert_no_error (error);
  for (guint i = 0; i < same->len; i++)
    {
      YsFinding *finding = g_ptr_array_index (same, i);
      g_autoptr(GDateTime) when = g_date_time_new_from_iso8601 (ys_finding_get_decided_at (finding), NULL);

      n_accepted += ys_finding_get_review_status (finding) == YS_REVIEW_ACCEPTED;
      g_assert_cmpstr (ys_finding_get_reviewer (finding), ==, "张审核");
      g_assert_nonnull (when);
      g_assert_cmpint (g_date_time_difference (when, before), >=, -G_USEC_PER_SEC);
      g_assert_cmpint (g_date_time_difference (when, before), <, 60 * G_USEC_PER_SEC);
    }
  g_assert_cmpuint (n_accepted, ==, 19);

  /* One undo step takes back all nineteen. */
  g_assert_true (ys_document_undo (f->doc, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < same->len; i++)
    g_assert_cmpint (ys_finding_get_review_status (g_ptr_array_index (same, i)), ==, YS_REVIEW_PENDING);
  g_assert_true (ys_document_redo (f->doc, &error));

  /* Stored in the file: name and time come back on reopening. */
  reopen (f);
  first = find_rule (f->v, "R10");
  g_assert_cmpint (ys_finding_get_review_status (first), ==, YS_REVIEW_ACCEPTED);
  g_assert_cmpstr (ys_finding_get_reviewer (first), ==, "张审核");
  g_assert_nonnull (ys_finding_get_decided_at (first));

  /* A new explanation asks for a new decision: the old one is no one's. */
  g_assert_true (ys_validator_explain (f->v, first, "按编制口径。", &error));
  g_assert_null (ys_finding_get_reviewer (first));
  g_assert_null (ys_finding_get_decided_at (first));

  /* The sheet has the who and when of the others. */
  ys_i18n_set_chinese (TRUE);
  g_assert_true (ys_review_sheet_export (f->v, out, &error));
  ys_i18n_set_chinese (FALSE);
  g_assert_no_error (error);
  strings = ys_test_zip_part (out, "xl/sharedStrings.xml");
  g_assert_nonnull (strstr (strings, ">审核人<"));
  g_assert_nonnull (strstr (strings, ">审核时间<"));
  g_assert_nonnull (strstr (strings, ">张审核<"));
  /* The time as the reviewer reads it, "2026-03-05 14:30". */
  {
    g_autoptr(GRegex) minute = g_regex_new (">20[0-9][0-9]-[01][0-9]-[0-3][0-9] [0-2][0-9]:[0-5][0-9]<", 0, 0, NULL);
    g_assert_true (g_regex_match (minute, strings, 0, NULL));
  }
}

static void
test_filed_in_chinese (void)
{
  g_autofree char *dir = ys_test_tmp_dir ();
  g_autoptr(YsDocument) doc = ys_test_import_sample ("yongqiao-2023", dir);
  g_autoptr(YsValidator) english = NULL;
  g_autoptr(YsValidator) chinese = NULL;
  YsRecord *line = NULL;
  g_autofree char *key = NULL;
  g_autofree char *where_en = NULL;
  g_autofree char *where_zh = NULL;
  YsFinding *en, *zh;

  for (guint i = 0; i < ys_document_count (doc, &ys_line_kind) && line == NULL; i++)
    {
      YsRecord *candidate = ys_document_get (doc, &ys_line_kind, i);
      if (g_str_equal (ys_record_get_text (candidate, YS_LINE_FUNC_CODE), "2010301")
          && g_str_equal (ys_record_get_text (candidate, YS_LINE_KIND), "项目支出"))
        line = candidate;
    }
  g_assert_nonnull (line);
  key = g_strdup_printf ("R07:line:%" G_GINT64_FORMAT, ys_record_get_id (line));

  ys_i18n_set_chinese (FALSE);
  english = ys_validator_new (doc);
  en = ys_validator_lookup (english, key);
  g_assert_nonnull (en);
  where_en = ys_finding_describe_location (en);
  g_assert_cmpstr (ys_review_sheet_name (), ==, "Review results");
  g_assert_nonnull (strstr (where_en, "expenditure line"));

  ys_i18n_set_chinese (TRUE);
  chinese = ys_validator_new (doc);
  zh = ys_validator_lookup (chinese, key);
  g_assert_nonnull (zh);
  where_zh = ys_finding_describe_location (zh);
  g_assert_cmpstr (ys_review_sheet_name (), ==, "审核结果");
  g_assert_cmpstr (ys_finding_level_to_string (YS_FINDING_ERROR), ==, "错误");
  g_assert_nonnull (strstr (ys_finding_get_message (zh), "行政运行项下"));
  g_assert_nonnull (strstr (where_zh, "支出明细"));
  g_assert_null (strstr (where_zh, "expenditure"));
  g_assert_cmpstr (ys_finding_get_message (en), !=, ys_finding_get_message (zh));

  /* Only the thread that asked. */
  ys_i18n_set_chinese (FALSE);
  g_assert_cmpstr (ys_review_sheet_name (), ==, "Review results");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/rules/review/survives-and-follows-data", Fixture, NULL, setup,
              test_review_survives_and_follows_data, teardown);
  g_test_add ("/rules/review/error-cannot-be-accepted", Fixture, NULL, setup, test_error_cannot_be_accepted, teardown);
  g_test_add ("/rules/review/gone-finding", Fixture, NULL, setup, test_review_of_gone_finding, teardown);
  g_test_add ("/rules/review/interchange", Fixture, NULL, setup, test_review_in_interchange, teardown);
  g_test_add ("/rules/review/sheet", Fixture, NULL, setup, test_review_sheet, teardown);
  g_test_add ("/rules/review/identical-together", Fixture, NULL, setup, test_review_identical_together, teardown);
  g_test_add_func ("/rules/review/filed-in-chinese", test_filed_in_chinese);

  return g_test_run ();
}
