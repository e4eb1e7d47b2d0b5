/* The 绩效目标表 of a region follows the form of the budget year: the 安徽
 * sample (相山, seed 000) exported as a 2023 budget prints the two-period form
 * its seed prints, and as a 2025 budget the annual-only form of
 * ../shared/reference/forms-anhui-2025.md. Each form is compared cell by cell
 * with tests/golden/xiangshan-2023-forms.tsv, whose notes say where the seed
 * prints differently.
 *
 * Run with --write to print the exported rows in the golden file's format. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "ys-interchange.h"
#include "ys-report.h"
#include "ys-test-util.h"

static gboolean write_mode;

static YsDocument *
import_sample (const char *name, const char *year, char **dir_out)
{
  g_autofree char *src = g_build_filename (SOURCE_ROOT, "resources", "samples", name, NULL);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  char *dir = ys_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "sample.yusuan", NULL);
  g_autoptr(GHashTable) meta = ys_interchange_read_meta (src, problems, &error);
  YsDocument *doc;

  g_assert_no_error (error);
  g_hash_table_insert (meta, g_strdup ("year"), g_strdup (year));
  doc = ys_document_create (path, meta, &error);
  g_assert_no_error (error);
  g_assert_true (ys_interchange_import (doc, src, problems, &error));
  g_assert_no_error (error);
  /* document.csv's year is the sample's own; the form follows the one asked for. */
  g_assert_true (ys_document_set_meta (doc, "year", year, &error));
  g_assert_no_error (error);
  *dir_out = dir;
  return doc;
}

/* A row as the golden file writes it: its cells left to right, money in 万元. */
static char *
row_text (YsReportRow *row)
{
  GString *out = g_string_new (NULL);

  for (guint c = 0; c < row->n_cells; c++)
    {
      const YsReportCell *cell = &row->cells[c];
      g_autofree char *text = NULL;

      if (cell->type == YS_REPORT_CELL_MONEY && (cell->value != 0 || (cell->flags & YS_CELL_SHOW_ZERO)))
        text = ys_money_format (cell->value, YS_MONEY_WAN, FALSE);
      else if (cell->type == YS_REPORT_CELL_TEXT && cell->text && cell->text[0])
        text = g_strdup (cell->text);
      if (text == NULL)
        continue;
      if (out->len)
        g_string_append (out, " | ");
      g_string_append (out, text);
    }
  /* One line per row in the golden file. */
  for (char *p = out->str; *p; p++)
    if (*p == '\n' || *p == '\t')
      *p = ' ';
  return g_string_free (out, FALSE);
}

/* "year\tform\trow\tcells" for every row of every form of the year. */
static GPtrArray *
exported (const char *year)
{
  g_autofree char *dir = NULL;
  g_autoptr(YsDocument) doc = import_sample ("xiangshan-2023", year, &dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(YsLayout) layout = ys_layout_load ("anhui", &error);
  g_autoptr(GPtrArray) tables = NULL;
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);
  tables = ys_report_build (doc, layout, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < tables->len; i++)
    {
      YsReportTable *t = g_ptr_array_index (tables, i);

      if (!g_str_has_prefix (t->id, "performance:"))
        continue;
      g_ptr_array_add (lines, g_strdup_printf ("%s\t%s\ttitle\t%s | %s", year, t->id, t->title,
                                               t->subtitle ? t->subtitle : ""));
      for (guint r = 0; r < t->rows->len; r++)
        {
          g_autofree char *text = row_text (g_ptr_array_index (t->rows, r));
          if (text[0])
            g_ptr_array_add (lines, g_strdup_printf ("%s\t%s\t%u\t%s", year, t->id, r, text));
        }
    }
  ys_document_close (doc);
  ys_test_rm_rf (dir);
  return lines;
}

static void
check_year (gconstpointer data)
{
  const char *year = data;
  g_autofree char *golden = g_build_filename (TEST_SRCDIR, "golden", "xiangshan-2023-forms.tsv", NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) got = exported (year);
  guint expected = 0;

  if (write_mode)
    {
      for (guint i = 0; i < got->len; i++)
        printf ("%s\t\n", (char *) g_ptr_array_index (got, i));
      return;
    }
  g_assert_true (g_file_get_contents (golden, &text, NULL, NULL));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 1; lines[i]; i++)
    {
      g_auto(GStrv) f = g_strsplit (lines[i], "\t", 5);
      g_autofree char *want = NULL;
      gboolean found = FALSE;

      if (g_strv_length (f) < 4 || !g_str_equal (f[0], year))
        continue;
      want = g_strdup_printf ("%s\t%s\t%s\t%s", f[0], f[1], f[2], f[3]);
      for (guint k = 0; k < got->len && !found; k++)
        found = g_str_equal (g_ptr_array_index (got, k), want);
      if (!found)
        g_test_message ("golden line %u not exported: %s", i + 1, want);
      g_assert_true (found);
      expected++;
    }
  /* Every exported row is in the golden file: no row more, none less. */
  g_assert_cmpuint (expected, ==, got->len);
}

/* The forms of the two years differ where forms-anhui-2025.md says they do. */
static void
test_forms_differ (void)
{
  g_autoptr(GPtrArray) old_form = exported ("2023");
  g_autoptr(GPtrArray) new_form = exported ("2025");
  g_autoptr(GString) a = g_string_new (NULL);
  g_autoptr(GString) b = g_string_new (NULL);

  for (guint i = 0; i < old_form->len; i++)
    g_string_append_printf (a, "%s\n", (char *) g_ptr_array_index (old_form, i));
  for (guint i = 0; i < new_form->len; i++)
    g_string_append_printf (b, "%s\n", (char *) g_ptr_array_index (new_form, i));
  g_assert_nonnull (strstr (a->str, "中期资金总额"));
  g_assert_nonnull (strstr (a->str, "☑新增项目"));
  g_assert_null (strstr (a->str, "上年结转"));
  g_assert_null (strstr (b->str, "中期"));
  g_assert_null (strstr (b->str, "新增项目"));
  g_assert_nonnull (strstr (b->str, "上年结转 | 0.00"));
  g_assert_nonnull (strstr (b->str, "项目来源 | 本级财政预算"));
  g_assert_nonnull (strstr (b->str, "主管部门及代码 | 淮北市相山区人民政府办公室103001"));
}

/* Two tables may share an id only for budget years that do not overlap. */
static void
test_year_ranges (void)
{
#define FORM_TABLE(years) "{\"id\": \"performance\", \"builder\": \"performance\", \"sheet\": \"s\", " \
  "\"title\": \"t\", " years "\"form_widths\": [10], \"form\": [[\"项目名称\"]]}"
  static const char ok[] = "{\"id\": \"x\", \"name\": \"x\", \"tables\": ["
    FORM_TABLE ("\"until_year\": 2024, ") ", " FORM_TABLE ("\"from_year\": 2025, ") "]}";
  static const char overlap[] = "{\"id\": \"x\", \"name\": \"x\", \"tables\": ["
    FORM_TABLE ("\"until_year\": 2025, ") ", " FORM_TABLE ("\"from_year\": 2025, ") "]}";
  static const char reversed[] = "{\"id\": \"x\", \"name\": \"x\", \"tables\": ["
    FORM_TABLE ("\"from_year\": 2025, \"until_year\": 2024, ") "]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(YsLayout) layout = ys_layout_load_data (ok, -1, "years.json", &error);
  YsLayoutTable *old_form, *new_form;

  g_assert_no_error (error);
  g_assert_cmpuint (layout->tables->len, ==, 2);
  old_form = g_ptr_array_index (layout->tables, 0);
  new_form = g_ptr_array_index (layout->tables, 1);
  g_assert_true (ys_layout_table_applies (old_form, 2023));
  g_assert_true (ys_layout_table_applies (old_form, 2024));
  g_assert_false (ys_layout_table_applies (old_form, 2025));
  g_assert_false (ys_layout_table_applies (new_form, 2024));
  g_assert_true (ys_layout_table_applies (new_form, 2026));
  g_clear_pointer (&layout, ys_layout_free);

  layout = ys_layout_load_data (overlap, -1, "years.json", &error);
  g_assert_null (layout);
  g_assert_nonnull (strstr (error->message, "another table already has the id"));
  g_clear_error (&error);
  layout = ys_layout_load_data (reversed, -1, "years.json", &error);
  g_assert_null (layout);
  g_assert_nonnull (strstr (error->message, "from_year"));
#undef FORM_TABLE
}

int
main (int argc, char **argv)
{
  for (int i = 1; i < argc; i++)
    write_mode |= g_str_equal (argv[i], "--write");
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/forms/anhui/2023", "2023", check_year);
  g_test_add_data_func ("/forms/anhui/2025", "2025", check_year);
  if (!write_mode)
    {
      g_test_add_func ("/forms/anhui/differ", test_forms_differ);
      g_test_add_func ("/forms/year-ranges", test_year_ranges);
    }
  return g_test_run ();
}
