/* bench-grid --resizes N: the width shown changed back and forth, as a
 * window's edge dragged or a panel opened beside the page, and the grid's
 * column fit (ys-record-grid-fit.c) that each change queues timed by
 * itself. On the line-item page, and on the 政府购买服务 page when the
 * document has services (--services N): three columns of codes without a
 * catalogue, eleven columns before the amount. */
#include "config.h"

#include <stdio.h>

#include "ys-grid-page.h"
#include "ys-money.h"
#include "ys-service.h"
#include "ys-unit.h"

#include "bench-grid.h"

#define WAIT_LIMIT_US (30 * G_USEC_PER_SEC)

/* The page's width alternates between @width and @width + 40, each change
 * waited for to its frame. The fit is taken from its idle and timed. */
static void
measure_resizing (const char *key,
                  guint       n_resizes,
                  int         width)
{
  g_autoptr(GArray) fits = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) fit_cpus = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) frames = g_array_new (FALSE, FALSE, sizeof (double));
  int window_width = gtk_widget_get_width (bench.window);
  guint scans = 0;

  settle ();
  for (guint i = 0; i <= n_resizes; i++)
    {
      int shown = width + (i % 2 == 1 ? 40 : 0);
      gint64 start = now_us (), deadline = start + WAIT_LIMIT_US, fit_start, fit_cpu, painted;
      guint scans_before;
      double v;

      gtk_widget_set_size_request (bench.beside, MAX (window_width - shown, 0), -1);
      while (bench.grid->fit_idle == 0)
        {
          iterate ();
          if (now_us () > deadline)
            g_error ("the grid was not fitted to %d px", shown);
        }
      g_clear_handle_id (&bench.grid->fit_idle, g_source_remove);
      scans_before = bench.grid->fit_scans;
      fit_start = now_us ();
      fit_cpu = thread_cpu_us ();
      ys_record_grid_fit_columns (bench.grid);
      v = ms (thread_cpu_us () - fit_cpu);
      /* The first change only brings the width to where the others start. */
      if (i > 0)
        {
          g_array_append_val (fit_cpus, v);
          v = ms (now_us () - fit_start);
          g_array_append_val (fits, v);
          scans += bench.grid->fit_scans - scans_before;
        }
      /* The width's own frame may have been painted before the fit ran,
       * and a fit that changes nothing asks for none: one is asked for. */
      gtk_widget_queue_draw (bench.window);
      painted = wait_for_paint ();
      if (i > 0)
        {
          v = ms (painted - start);
          g_array_append_val (frames, v);
        }
    }
  {
    g_autofree char *fit = g_strdup_printf ("resize.%s.fit", key);
    g_autofree char *fit_cpu = g_strdup_printf ("resize.%s.fit.cpu", key);
    g_autofree char *frame = g_strdup_printf ("resize.%s.frame", key);
    g_autofree char *scan = g_strdup_printf ("resize.%s.scans", key);

    emit_spread (fit, fits);
    emit_spread (fit_cpu, fit_cpus);
    emit_spread (frame, frames);
    emit (scan, scans / (double) n_resizes);
  }
  gtk_widget_set_size_request (bench.beside, 0, -1);
  settle ();
}

void
bench_resize_lines (guint n_resizes)
{
  /* Room for every column as the page asks, then the page as narrow as it
   * goes (its search bar and buttons): the columns before the amount share
   * less than they ask. */
  measure_resizing ("wide", n_resizes, 1200);
  measure_resizing ("narrow", n_resizes, 800);
}

void
bench_resize_services (YsDocument *document,
                       guint       n_resizes)
{
  GtkWidget *box = gtk_widget_get_parent (GTK_WIDGET (bench.page));
  YsGridPage *page = g_object_new (YS_TYPE_GRID_PAGE, "kind-name", "services", NULL);

  /* In the line-item page's place, beside the same panel. */
  gtk_box_remove (GTK_BOX (box), GTK_WIDGET (bench.page));
  bench.page = NULL;
  gtk_widget_set_hexpand (GTK_WIDGET (page), TRUE);
  gtk_box_prepend (GTK_BOX (box), GTK_WIDGET (page));
  bench.grid = ys_grid_page_get_grid (page);
  ys_page_set_document (YS_PAGE (page), document);
  settle ();
  /* Too narrow for its twelve columns at any width: the fit reads the
   * amounts too. */
  measure_resizing ("services.wide", n_resizes, 1200);
  measure_resizing ("services.narrow", n_resizes, 800);
}

void
bench_resize_print (GPtrArray *series,
                    guint      n_resizes)
{
  static const char *const widths[][2] = {
    { "wide", "支出明细, page 1,200 ↔ 1,240 px" },
    { "narrow", "支出明细, page 800 ↔ 840 px (its least)" },
    { "services.wide", "政府购买服务, page 1,200 ↔ 1,240 px" },
    { "services.narrow", "政府购买服务, page 800 ↔ 840 px" },
  };

  printf ("  (3b) the width shown changed %u times, the columns fitted to each\n", n_resizes);
  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      g_autofree char *fit = g_strdup_printf ("resize.%s.fit", widths[w][0]);
      g_autofree char *fit_cpu = g_strdup_printf ("resize.%s.fit.cpu", widths[w][0]);
      g_autofree char *frame = g_strdup_printf ("resize.%s.frame", widths[w][0]);
      g_autofree char *scans = g_strdup_printf ("resize.%s.scans", widths[w][0]);
      g_autofree char *l1 = g_strdup_printf ("%s: the fit", widths[w][1]);
      g_autofree char *l2 = g_strdup_printf ("%s: the fit's CPU time", widths[w][1]);
      g_autofree char *l3 = g_strdup_printf ("%s: width → frame", widths[w][1]);
      g_autofree char *l4 = g_strdup_printf ("%s: record scans per change", widths[w][1]);
      /* The services page only when the document has services. */
      if (!has_figure (series, scans))
        continue;
      spread_rows (series, l1, fit);
      spread_rows (series, l2, fit_cpu);
      spread_rows (series, l3, frame);
      row (series, l4, scans, FALSE);
    }
}

void
bench_add_services (YsDocument *document,
                    guint       n)
{
  guint units = ys_document_count (document, &ys_unit_kind);
  g_autoptr(GError) error = NULL;

  if (!ys_document_begin_batch (document, "services", &error))
    g_error ("%s", error->message);
  for (guint i = 0; i < n; i++)
    {
      YsRecord *unit = ys_document_get (document, &ys_unit_kind, i % units);
      g_autoptr(YsRecord) service = ys_record_new (&ys_service_kind);
      g_autofree char *cat1 = g_strdup_printf ("A%02u", i % 9 + 1);
      g_autofree char *cat2 = g_strdup_printf ("%s%02u", cat1, i % 13 + 1);
      g_autofree char *cat3 = g_strdup_printf ("%s%02u", cat2, i % 17 + 1);
      g_autofree char *amount = g_strdup_printf ("%u.%02u", 1000 + (i * 7919) % 900000, i % 100);
      const char *const values[][2] = {
        { "unit_code", ys_record_get_text (unit, ys_unit_kind.key_field) },
        { "cat1_code", cat1 }, { "cat1_name", "公共服务" },
        { "cat2_code", cat2 }, { "cat2_name", "公共卫生服务" },
        { "cat3_code", cat3 }, { "cat3_name", "物业管理服务" },
        { "content", "办公楼物业管理" }, { "source", "一般公共预算拨款" }, { "amount", amount },
      };

      for (guint v = 0; v < G_N_ELEMENTS (values); v++)
        if (!ys_record_parse_field (service, ys_kind_find_field (&ys_service_kind, values[v][0]),
                                    values[v][1], &error))
          g_error ("%s", error->message);
      if (!ys_document_insert (document, service, &error))
        g_error ("%s", error->message);
    }
  if (!ys_document_end_batch (document, &error))
    g_error ("%s", error->message);
}
