/* The publishing layer: the publication's structure, chart figures, column
 * widths, page layout and the writers' file handling. What the written
 * documents look like to Word, LibreOffice and PDF readers is checked by
 * check-publish.py. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "ys-docx-private.h"
#include "ys-pages.h"
#include "ys-report.h"
#include "ys-summary.h"
#include "ys-test-util.h"

typedef struct {
  char       *dir;
  YsDocument *doc;
  YsLayout   *layout;
} Sample;

static void
sample_open (Sample *s, const char *name)
{
  g_autofree char *src = g_build_filename (SOURCE_ROOT, "resources", "samples", name, NULL);
  g_autofree char *path = NULL;
  GError *error = NULL;

  s->dir = ys_test_tmp_dir ();
  path = g_build_filename (s->dir, "sample.yusuan", NULL);
  g_assert_cmpint (ys_test_run_cli (NULL, NULL, "import", path, src, NULL), ==, 0);
  s->doc = ys_document_open (path, &error);
  g_assert_no_error (error);
  s->layout = ys_report_layout_for_document (s->doc, &error);
  g_assert_no_error (error);
}

static void
sample_close (Sample *s)
{
  ys_layout_free (s->layout);
  ys_document_close (s->doc);
  g_object_unref (s->doc);
  ys_test_rm_rf (s->dir);
  g_free (s->dir);
}

static const char *const samples[] = { "yongqiao-2023", "xiangshan-2023", "shanhaiguan-2023", "jincheng-2023" };

static void
test_escape (void)
{
  g_autoptr(GString) out = g_string_new (NULL);

  ys_docx_escape (out, "A&B<C>\"D\001E\tF 宋体");
  g_assert_cmpstr (out->str, ==, "A&amp;B&lt;C&gt;&quot;DE\tF 宋体");
  g_string_truncate (out, 0);
  ys_docx_run (out, "一\n二", TRUE);
  g_assert_nonnull (strstr (out->str, "<w:b/>"));
  g_assert_nonnull (strstr (out->str, "一</w:t><w:br/><w:t xml:space=\"preserve\">二"));
}

/* The publication's parts, in order, with every table once. */
static void
test_structure (void)
{
  Sample s;
  g_autoptr(YsPublication) pub = NULL;
  GError *error = NULL;
  YsPublishOptions options = { .charts = TRUE };
  guint parts = 0, tables = 0, charts = 0;
  gboolean other = FALSE;

  sample_open (&s, "yongqiao-2023");
  pub = ys_publication_build (s.doc, s.layout, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pub->title, ==, "埇桥区人民政府办公室2023年部门预算");
  for (guint i = 0; i < pub->blocks->len; i++)
    {
      YsBlock *b = g_ptr_array_index (pub->blocks, i);
      if (b->kind == YS_BLOCK_HEADING && b->level == 1)
        {
          static const char *const starts[] = { "第一部分", "第二部分", "第三部分", "第四部分" };
          g_assert_cmpuint (parts, <, 4);
          g_assert_true (g_str_has_prefix (b->text, starts[parts]));
          parts++;
        }
      if (b->kind == YS_BLOCK_TABLE)
        {
          g_assert_true (b->table == g_ptr_array_index (pub->tables, tables));
          tables++;
        }
      charts += b->kind == YS_BLOCK_CHART;
      /* 第一部分's 其他重要事项 is left out: the sample has none typed. */
      g_assert_false (parts == 1 && b->kind == YS_BLOCK_HEADING && strstr (b->text, "其他重要事项") != NULL);
    }
  g_assert_cmpuint (parts, ==, 4);
  g_assert_cmpuint (tables, ==, pub->tables->len);
  g_assert_cmpuint (charts, >=, 3);
  g_clear_pointer (&pub, ys_publication_free);

  /* Without charts, and with 主要职责 left empty: the gap shows and is marked. */
  options.charts = FALSE;
  g_assert_true (ys_document_set_meta (s.doc, "overview_duties", "", &error));
  g_assert_no_error (error);
  g_assert_true (ys_document_set_meta (s.doc, "overview_other", "一是……\n\n二是……", &error));
  g_assert_no_error (error);
  pub = ys_publication_build (s.doc, s.layout, &options, &error);
  g_assert_no_error (error);
  g_assert_true (pub->incomplete);
  for (guint i = 0; i < pub->blocks->len; i++)
    {
      YsBlock *b = g_ptr_array_index (pub->blocks, i);
      g_assert_cmpint (b->kind, !=, YS_BLOCK_CHART);
      if (b->kind == YS_BLOCK_HEADING && g_str_equal (b->text, "一、主要职责"))
        g_assert_cmpstr (((YsBlock *) g_ptr_array_index (pub->blocks, i + 1))->text, ==, "（本部分尚未填写。）");
      /* Typed, 其他重要事项 shows in 第一部分, a paragraph a line, empty lines dropped. */
      if (b->kind == YS_BLOCK_HEADING && g_str_equal (b->text, "四、其他重要事项"))
        {
          g_assert_cmpstr (((YsBlock *) g_ptr_array_index (pub->blocks, i + 1))->text, ==, "一是……");
          g_assert_cmpstr (((YsBlock *) g_ptr_array_index (pub->blocks, i + 2))->text, ==, "二是……");
          g_assert_cmpint (((YsBlock *) g_ptr_array_index (pub->blocks, i + 3))->kind, ==, YS_BLOCK_HEADING);
          other = TRUE;
        }
    }
  g_assert_true (other);
  sample_close (&s);
}

/* Shares add up to exactly 100.00 % and the charts add up to the budget. */
static void
test_charts (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      Sample s;
      g_autoptr(YsChartData) data = NULL;
      g_autoptr(YsSummary) sum = NULL;
      YsFilter all = YS_FILTER_ALL;

      sample_open (&s, samples[i]);
      data = ys_chart_data_compute (s.doc);
      sum = ys_summary_compute (s.doc, &all);
      for (guint k = YS_CHART_FUNCTION; k <= YS_CHART_SOURCE; k++)
        {
          const YsChart *chart = ys_chart_data_get (data, k);
          int shares = 0;
          YsMoney items = 0;

          for (guint n = 0; n < chart->items->len; n++)
            {
              YsChartItem *item = g_ptr_array_index (chart->items, n);
              shares += item->share;
              items += item->value;
              if (n > 0)
                g_assert_cmpint (item->value, <=, ((YsChartItem *) g_ptr_array_index (chart->items, n - 1))->value);
            }
          g_assert_cmpint (shares, ==, 10000);
          g_assert_cmpint (items, ==, sum->expense.total);
          g_assert_cmpint (chart->total, ==, sum->expense.total);
        }
      {
        const YsChart *prior = ys_chart_data_get (data, YS_CHART_PRIOR_YEAR);
        g_autofree char *text = ys_chart_describe (prior);
        g_assert_false (ys_chart_is_empty (prior));
        if (g_str_equal (samples[i], "yongqiao-2023"))
          {
            /* prior_year.csv: 2010301 行政运行 113,492.00 元 is the only 201 line. */
            YsChartItem *first = g_ptr_array_index (prior->items, 0);
            g_assert_cmpstr (first->label, ==, "一般公共服务支出");
            g_assert_cmpint (first->prior, ==, 1134920000);
            g_assert_nonnull (strstr (text, "一般公共服务支出上年1,134.92万元"));
          }
      }
      sample_close (&s);
    }
}

/* Columns fill the page's width and never less than their figures need. */
static void
test_widths (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      Sample s;
      g_autoptr(GPtrArray) tables = NULL;
      GError *error = NULL;

      sample_open (&s, samples[i]);
      tables = ys_report_build (s.doc, s.layout, NULL, &error);
      g_assert_no_error (error);
      for (guint t = 0; t < tables->len; t++)
        {
          YsReportTable *table = g_ptr_array_index (tables, t);
          gboolean wide = ys_publication_table_is_wide (table);
          double avail = (wide ? YS_PAGE_LONG : YS_PAGE_SHORT) - 2 * YS_MARGIN, sum = 0;
          g_autofree double *w = ys_publish_column_widths (table, avail, YS_TABLE_PT);

          for (guint c = 0; c < table->n_cols; c++)
            {
              sum += w[c];
              for (guint r = 0; r < table->rows->len; r++)
                {
                  YsReportCell *cell = &((YsReportRow *) g_ptr_array_index (table->rows, r))->cells[c];
                  g_autofree char *text = ys_publish_cell_text (table, cell);
                  if (cell->type == YS_REPORT_CELL_MONEY && table->numeric[c])
                    g_assert_cmpfloat (w[c], >=, ys_publish_text_ems (text) * YS_TABLE_PT + 2 * YS_CELL_PAD - 0.01);
                }
            }
          g_assert_cmpfloat (fabs (sum - avail), <, 0.01);
        }
      sample_close (&s);
    }
}

/* Every page draws onto any cairo_t (as printing will), headings in page order. */
static void
test_pages (void)
{
  Sample s;
  g_autoptr(YsPublication) pub = NULL;
  g_autoptr(YsPages) pages = NULL;
  GError *error = NULL;
  guint landscape = 0, last = 0, headings = 0;

  sample_open (&s, "shanhaiguan-2023");
  pub = ys_publication_build (s.doc, s.layout, NULL, &error);
  g_assert_no_error (error);
  pages = ys_pages_new (pub);
  g_assert_cmpuint (ys_pages_count (pages), >, 4);
  g_assert_false (ys_pages_is_landscape (pages, 0));
  for (guint n = 0; n < ys_pages_count (pages); n++)
    {
      cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
      cairo_t *cr = cairo_create (surface);

      ys_pages_draw (pages, cr, n);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
      landscape += ys_pages_is_landscape (pages, n);
    }
  /* 单位预算收入总表 has nine columns of figures: landscape. */
  g_assert_cmpuint (landscape, >, 0);
  for (guint i = 0; i < pub->blocks->len; i++)
    if (((YsBlock *) g_ptr_array_index (pub->blocks, i))->kind == YS_BLOCK_HEADING)
      {
        guint page = ys_pages_heading_page (pages, headings++);
        g_assert_cmpuint (page, >=, MAX (last, 2));
        last = page;
      }
  g_assert_cmpuint (last, <, ys_pages_count (pages));

  /* The tables alone, as the reports page prints them: no cover, no contents. */
  {
    g_autoptr(GPtrArray) some = g_ptr_array_new ();
    g_autoptr(YsPublication) bare = NULL;
    g_autoptr(YsPages) printed = NULL;

    g_ptr_array_add (some, g_ptr_array_index (pub->tables, 1));  /* 单位预算收入总表: landscape */
    bare = ys_publication_new_tables (some, pub->department, pub->year);
    printed = ys_pages_new (bare);
    g_assert_cmpuint (ys_pages_count (printed), >=, 1);
    g_assert_true (ys_pages_is_landscape (printed, 0));
    g_assert_cmpuint (ys_pages_heading_page (printed, 0), ==, 0);
    for (guint n = 0; n < ys_pages_count (printed); n++)
      {
        cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
        cairo_t *cr = cairo_create (surface);

        ys_pages_draw (printed, cr, n);
        g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
        cairo_destroy (cr);
        cairo_surface_destroy (surface);
      }
  }
  sample_close (&s);
}

static void
record_progress (double fraction, gpointer user_data)
{
  g_array_append_val ((GArray *) user_data, fraction);
}

/* Cancels the write once a few pages are drawn, as the window's Cancel does. */
static void
cancel_progress (double fraction, gpointer user_data)
{
  if (fraction > 0.2)
    g_cancellable_cancel (user_data);
}

/* A file appears only when complete; nothing is left behind on failure. */
static void
test_files (void)
{
  Sample s;
  g_autoptr(YsPublication) pub = NULL;
  g_autofree char *docx = NULL, *pdf = NULL, *bad = NULL, *txt = NULL, *data = NULL;
  GError *error = NULL;
  g_autoptr(GDir) dir = NULL;
  gsize len = 0;
  guint files = 0;

  sample_open (&s, "xiangshan-2023");
  pub = ys_publication_build (s.doc, s.layout, NULL, &error);
  g_assert_no_error (error);
  docx = g_build_filename (s.dir, "公开.docx", NULL);
  pdf = g_build_filename (s.dir, "公开.PDF", NULL);
  bad = g_build_filename (s.dir, "missing", "公开.pdf", NULL);
  txt = g_build_filename (s.dir, "公开.txt", NULL);

  g_assert_true (g_file_set_contents (docx, "old", -1, NULL));
  g_assert_true (ys_publication_write (pub, docx, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (docx, &data, &len, NULL));
  g_assert_true (len > 1000 && memcmp (data, "PK", 2) == 0);
  g_clear_pointer (&data, g_free);
  {
    g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (double));

    /* Progress rises page by page and ends at 1 with the file in place. */
    g_assert_true (ys_publication_write_with_progress (pub, pdf, record_progress, seen, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (seen->len, >, 10);
    for (guint i = 1; i < seen->len; i++)
      g_assert_cmpfloat (g_array_index (seen, double, i), >=, g_array_index (seen, double, i - 1));
    g_assert_cmpfloat (g_array_index (seen, double, seen->len - 1), ==, 1.0);
  }
  g_assert_true (g_file_get_contents (pdf, &data, &len, NULL));
  g_assert_true (len > 1000 && memcmp (data, "%PDF", 4) == 0);

  g_assert_false (ys_publication_write (pub, bad, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (ys_publication_write (pub, txt, &error));
  g_assert_error (error, YS_PUBLISH_ERROR, YS_PUBLISH_ERROR_FORMAT);
  g_clear_error (&error);

  /* Cancelled half way, the PDF and the docx already there stay as they were. */
  for (guint i = 0; i < 2; i++)
    {
      const char *target = i == 0 ? pdf : docx;
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      g_autofree char *before = NULL, *after = NULL;
      gsize before_len, after_len;

      g_assert_true (g_file_get_contents (target, &before, &before_len, NULL));
      if (i == 1)
        g_cancellable_cancel (cancellable);
      g_assert_false (ys_publication_write_cancellable (pub, target, cancel_progress, cancellable, cancellable, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_clear_error (&error);
      g_assert_true (g_file_get_contents (target, &after, &after_len, NULL));
      g_assert_cmpmem (before, before_len, after, after_len);
    }

  /* The budget, the two documents and nothing else (no temporary files). */
  dir = g_dir_open (s.dir, 0, NULL);
  for (const char *name; (name = g_dir_read_name (dir));)
    files += !g_str_has_prefix (name, "sample.yusuan");
  g_assert_cmpuint (files, ==, 2);
  sample_close (&s);
}

int
main (int argc, char **argv)
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/publish/escape", test_escape);
  g_test_add_func ("/publish/structure", test_structure);
  g_test_add_func ("/publish/charts", test_charts);
  g_test_add_func ("/publish/widths", test_widths);
  g_test_add_func ("/publish/pages", test_pages);
  g_test_add_func ("/publish/files", test_files);
  return g_test_run ();
}
