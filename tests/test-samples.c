/* The bundled sample budgets against the figures their seeds publish
 * (the golden files in tests/golden/, transcribed from ../shared/seeds). */
#include "config.h"

#include <string.h>

#include "ys-interchange.h"
#include "ys-summary.h"
#include "ys-test-util.h"

static YsDocument *
import_sample (const char *name, char **dir_out)
{
  *dir_out = ys_test_tmp_dir ();
  return ys_test_import_sample (name, *dir_out);
}

static const YsAmounts *
figure_source (YsSummary *s, const char *table, const char *code)
{
  if (g_str_equal (code, "合计") || g_str_equal (table, "summary"))
    return &s->expense;
  return ys_summary_lookup (g_str_equal (table, "function") ? s->by_function : s->by_economic, code);
}

static YsMoney
pick (const char *table, const YsAmounts *a, const char *column)
{
  /* The economic tables of the seeds show basic expenditure only. */
  if (g_str_equal (column, "total"))
    return g_str_equal (table, "economic") ? a->basic : a->total;
  if (g_str_equal (column, "basic"))
    return a->basic;
  if (g_str_equal (column, "project"))
    return a->project;
  if (g_str_equal (column, "personnel"))
    return a->personnel;
  if (g_str_equal (column, "public"))
    return a->public_;
  g_error ("unknown golden column %s", column);
}

static void
check_sample (gconstpointer data)
{
  const char *name = data;
  g_autofree char *dir = NULL;
  g_autoptr(YsDocument) doc = import_sample (name, &dir);
  g_autofree char *golden_name = g_strdup_printf ("%s.tsv", name);
  g_autofree char *golden = g_build_filename (TEST_SRCDIR, "golden", golden_name, NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) rows = NULL;
  YsFilter filter = YS_FILTER_ALL;
  g_autoptr(YsSummary) s = NULL;
  guint checked = 0, noted = 0;

  g_assert_true (g_file_get_contents (golden, &text, NULL, NULL));
  s = ys_summary_compute (doc, &filter);
  rows = g_strsplit (text, "\n", -1);
  for (guint i = 1; rows[i]; i++)
    {
      g_auto(GStrv) cells = g_strsplit (rows[i], "\t", -1);
      g_autofree char *computed = NULL;

      if (g_strv_length (cells) < 4)
        continue;
      computed = ys_money_format (pick (cells[0], figure_source (s, cells[0], cells[1]), cells[2]),
                                  YS_MONEY_WAN, FALSE);
      if (cells[4] && cells[4][0])
        {
          g_test_message ("%s %s %s: published %s, computed %s — %s",
                          cells[0], cells[1], cells[2], cells[3], computed, cells[4]);
          noted++;
          continue;
        }
      if (g_strcmp0 (computed, cells[3]) != 0)
        g_printerr ("%s: %s %s %s: published %s, computed %s\n", name, cells[0], cells[1], cells[2], cells[3], computed);
      g_assert_cmpstr (computed, ==, cells[3]);
      checked++;
    }
  g_test_message ("%s: %u published figures equal, %u listed as inconsistent", name, checked, noted);
  g_assert_cmpuint (checked, >, 30);

  /* Income balances expenditure, and every code resolves in the catalogs. */
  g_assert_cmpint (s->income_total, ==, s->expense.total);
  for (guint i = 0; i < ys_document_count (doc, &ys_line_kind); i++)
    {
      YsRecord *line = ys_document_get (doc, &ys_line_kind, i);
      g_assert_nonnull (ys_catalog_lookup (ys_document_get_catalog (doc, YS_CATALOG_FUNCTION),
                                           ys_record_get_text (line, YS_LINE_FUNC_CODE)));
      g_assert_nonnull (ys_catalog_lookup (ys_document_get_catalog (doc, YS_CATALOG_ECONOMIC_DEPT),
                                           ys_record_get_text (line, YS_LINE_ECON_CODE)));
    }
  ys_document_close (doc);
  ys_test_rm_rf (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_data_func ("/samples/yongqiao-2023", "yongqiao-2023", check_sample);
  g_test_add_data_func ("/samples/shanhaiguan-2023", "shanhaiguan-2023", check_sample);
  g_test_add_data_func ("/samples/xiangshan-2023", "xiangshan-2023", check_sample);
  g_test_add_data_func ("/samples/jincheng-2023", "jincheng-2023", check_sample);
  return g_test_run ();
}
