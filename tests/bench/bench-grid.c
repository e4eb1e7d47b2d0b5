/* Measures the line-item page (YsLinesPage, the window's own widget) on a
 * large synthetic budget: showing it, scrolling, editing, searching,
 * sorting, and changing its width (bench-grid-resize.c).
 *
 *   bench-grid [--runs N] [--lines N] [--scrolls N] [--edits N] [--resizes N] [--services N] DIR
 *
 * Needs a display; see docs/performance.md for the commands. Each run is a
 * fresh process (this program again, with --child), so that its first frame
 * pays for fonts and styles as the application's does and its peak resident
 * memory is its own. Latencies are measured up to the GdkFrameClock
 * "after-paint" of the frame that shows the change: what a user waits for.
 * The medians over the runs are printed; docs/performance.md quotes them. */
#include "config.h"

#include <adwaita.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <glib/gstdio.h>

#include "ys-core.h"
#include "ys-document.h"
#include "ys-generate.h"
#include "ys-lines-page.h"
#include "ys-money.h"
#include "ys-record-grid-private.h"
#include "ys-row-slot.h"
#include "ys-service.h"

#include "bench-grid.h"

/* What the issue calls a visible stall. */
#define STALL_MS 100.0
/* Longest wait for any frame or idle before a run is declared stuck. */
#define WAIT_LIMIT_US (30 * G_USEC_PER_SEC)

Bench bench;

gint64
now_us (void)
{
  return g_get_monotonic_time ();
}

double
ms (gint64 us)
{
  return us / 1000.0;
}

static long
status_kb (const char *key)
{
  g_autofree char *status = NULL;
  const char *p;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  p = strstr (status, key);
  return p ? strtol (p + strlen (key), NULL, 10) : -1;
}

/* The CPU time (user + system) of this process so far: the figure that
 * other work on a shared machine changes least. */
static gint64
cpu_us (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return (gint64) (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * G_USEC_PER_SEC
         + usage.ru_utime.tv_usec + usage.ru_stime.tv_usec;
}

void
emit (const char *key,
      double      value)
{
  printf ("%s\t%.3f\n", key, value);
}

static int
compare_double (const void *a,
                const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Nearest rank: the value that @pct percent of the samples do not exceed. */
static double
percentile (GArray *values,
            double  pct)
{
  guint rank;

  g_array_sort (values, compare_double);
  rank = (guint) (pct / 100.0 * values->len + 0.999999);
  rank = CLAMP (rank, 1, values->len);
  return g_array_index (values, double, rank - 1);
}

void
emit_spread (const char *key,
             GArray     *values)
{
  g_autofree char *median = g_strdup_printf ("%s.median", key);
  g_autofree char *p95 = g_strdup_printf ("%s.p95", key);
  g_autofree char *max = g_strdup_printf ("%s.max", key);

  emit (median, percentile (values, 50));
  emit (p95, percentile (values, 95));
  emit (max, percentile (values, 100));
}

/* Main loop */

static gint
timed_poll (GPollFD *fds,
            guint    n_fds,
            gint     timeout)
{
  gint64 start = now_us ();
  gint result = g_poll (fds, n_fds, timeout);

  bench.poll_us += now_us () - start;
  return result;
}

/* This thread's CPU time: the main loop's own. */
gint64
thread_cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

void
iterate (void)
{
  gint64 start = now_us ();
  gint64 cpu = thread_cpu_us ();
  gint64 polled = bench.poll_us;
  gint64 busy;

  g_main_context_iteration (NULL, TRUE);
  busy = (now_us () - start) - (bench.poll_us - polled);
  bench.longest_block_us = MAX (bench.longest_block_us, busy);
  bench.longest_block_cpu_us = MAX (bench.longest_block_cpu_us, thread_cpu_us () - cpu);
}

/* Work done outside the main loop, as an event handler would do it, counts
 * as a block too. */
static void
note_block (gint64 start,
            gint64 cpu)
{
  bench.longest_block_us = MAX (bench.longest_block_us, now_us () - start);
  bench.longest_block_cpu_us = MAX (bench.longest_block_cpu_us, thread_cpu_us () - cpu);
}

static gboolean
heartbeat_cb (gpointer user_data)
{
  /* Only wakes the loop up so that a wait can give up. */
  return G_SOURCE_CONTINUE;
}

static void
wait_until (gboolean   *flag,
            const char *what)
{
  gint64 deadline = now_us () + WAIT_LIMIT_US;

  while (!*flag)
    {
      iterate ();
      if (now_us () > deadline)
        g_error ("no %s within %d s", what, (int) (WAIT_LIMIT_US / G_USEC_PER_SEC));
    }
}

gint64
wait_for_paint (void)
{
  guint before = bench.paints;
  gint64 deadline = now_us () + WAIT_LIMIT_US;

  while (bench.paints == before)
    {
      iterate ();
      if (now_us () > deadline)
        g_error ("no frame painted within %d s", (int) (WAIT_LIMIT_US / G_USEC_PER_SEC));
    }
  return bench.paint_time;
}

static gboolean
marker_cb (gpointer user_data)
{
  bench.marker_ran = TRUE;
  return G_SOURCE_REMOVE;
}

/* Returns when every idle of G_PRIORITY_LOW queued so far has run: the
 * page adds its footer totals up in such an idle, which stays ready until
 * the last slice, so an idle of a lower priority runs only after it. */
static gint64
wait_for_low_idles (void)
{
  bench.marker_ran = FALSE;
  g_idle_add_full (G_PRIORITY_LOW + 1, marker_cb, NULL, NULL);
  wait_until (&bench.marker_ran, "end of the footer totals");
  return now_us ();
}

static gboolean
timeout_flag_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Lets whatever an operation left behind (idles, the last frames) finish,
 * so that the next one starts from a quiet window. */
void
settle (void)
{
  for (int i = 0; i < 50; i++)
    {
      guint paints;
      gboolean quiet = FALSE;

      wait_for_low_idles ();
      paints = bench.paints;
      g_timeout_add (100, timeout_flag_cb, &quiet);
      wait_until (&quiet, "quiet");
      if (bench.paints == paints)
        break;
    }
  bench.longest_block_us = 0;
  bench.longest_block_cpu_us = 0;
}

/* Signals */

static gboolean
rows_shown (void)
{
  return gtk_adjustment_get_upper (bench.vadj) > gtk_adjustment_get_page_size (bench.vadj);
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   gpointer       user_data)
{
  bench.paint_time = now_us ();
  bench.paints++;
  if (bench.rows_paint_time == 0 && rows_shown ())
    bench.rows_paint_time = bench.paint_time;
}

/* Runs before any handler: the page's own filtering is timed from here. */
static gboolean
search_changed_hook (GSignalInvocationHint *hint,
                     guint                  n_values,
                     const GValue          *values,
                     gpointer               user_data)
{
  bench.search_emitted = now_us ();
  return TRUE;
}

/* Connected after the page's template handler: the filter has been applied. */
static void
on_search_changed_cb (GtkSearchEntry *entry,
                      gpointer        user_data)
{
  bench.search_handled = now_us ();
}

/* The measurements */

static void
measure_first_frame (YsDocument *document)
{
  gint64 start, cpu, set, footer;

  settle ();
  bench.rows_paint_time = 0;
  start = now_us ();
  cpu = thread_cpu_us ();
  ys_page_set_document (YS_PAGE (bench.page), document);
  set = now_us ();
  note_block (start, cpu);
  while (bench.rows_paint_time == 0)
    wait_for_paint ();
  footer = wait_for_low_idles ();

  emit ("first.set", ms (set - start));
  emit ("first.paint", ms (bench.rows_paint_time - start));
  emit ("first.footer", ms (footer - start));
  emit ("first.block", ms (bench.longest_block_us));
}

static gint64
scroll_to (double value)
{
  gint64 start = now_us (), cpu = thread_cpu_us ();

  gtk_adjustment_set_value (bench.vadj, value);
  note_block (start, cpu);
  return wait_for_paint () - start;
}

static void
measure_scrolling (guint n_scrolls)
{
  g_autoptr(GArray) latencies = g_array_new (FALSE, FALSE, sizeof (double));
  double end, top;

  settle ();
  for (guint i = 0; i < n_scrolls; i++)
    {
      double page = gtk_adjustment_get_page_size (bench.vadj);
      double last = gtk_adjustment_get_upper (bench.vadj) - page;
      double value = MIN (gtk_adjustment_get_value (bench.vadj) + page, last);
      double latency = ms (scroll_to (value));

      g_array_append_val (latencies, latency);
    }
  emit_spread ("scroll.page", latencies);
  emit ("scroll.page.block", ms (bench.longest_block_us));

  settle ();
  end = ms (scroll_to (gtk_adjustment_get_upper (bench.vadj) - gtk_adjustment_get_page_size (bench.vadj)));
  settle ();
  top = ms (scroll_to (0));
  emit ("scroll.end", end);
  emit ("scroll.top", top);
  emit ("scroll.jump.block", ms (bench.longest_block_us));
}

static void
measure_editing (YsDocument *document,
                 guint       n_edits)
{
  GListModel *rows = G_LIST_MODEL (gtk_column_view_get_model (bench.column_view));
  g_autoptr(GArray) calls = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) paints = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) footers = g_array_new (FALSE, FALSE, sizeof (double));
  gint64 block = 0;
  guint unchanged = 0;

  settle ();
  for (guint i = 0; i < n_edits; i++)
    {
      /* The rows on screen, at the top, so that each edit shows. */
      g_autoptr(YsRowSlot) slot = g_list_model_get_item (rows, i % 10);
      YsRecord *line = ys_row_slot_get_record (slot);
      g_autoptr(GError) error = NULL;
      g_autofree char *before = g_strdup (gtk_label_get_label (bench.total_label));
      g_autofree char *text = NULL;
      gint64 start, cpu, called, painted, footer;
      double v;

      /* As the grid commits a cell: the typed amount, in 元, as text. */
      text = ys_money_format (ys_record_get_int (line, YS_LINE_AMOUNT) + 100, YS_MONEY_YUAN, FALSE);
      start = now_us ();
      cpu = thread_cpu_us ();
      if (!ys_document_set_text (document, line, YS_LINE_AMOUNT, text, &error))
        g_error ("edit refused: %s", error->message);
      called = now_us ();
      note_block (start, cpu);
      painted = wait_for_paint ();
      footer = wait_for_low_idles ();
      if (g_strcmp0 (before, gtk_label_get_label (bench.total_label)) == 0)
        unchanged++;

      v = ms (called - start);
      g_array_append_val (calls, v);
      v = ms (painted - start);
      g_array_append_val (paints, v);
      v = ms (footer - start);
      g_array_append_val (footers, v);
      block = MAX (block, bench.longest_block_us);
      settle ();
    }
  if (unchanged > 0)
    g_error ("the footer total did not change after %u of %u edits", unchanged, n_edits);
  emit_spread ("edit.call", calls);
  emit_spread ("edit.paint", paints);
  emit_spread ("edit.footer", footers);
  emit ("edit.block", ms (block));
}

/* A unit code typed key by key (the first keys match every line), a
 * classification name committed at once by an input method, a project
 * code, and the search cleared after each. */
static const char *const searches[] = {
  "1", "10", "100", "1001", "10012", "100123", "",
  "行政运行", "",
  "P00012", "",
};

/* The grid rebinds the rows kept off screen a few a frame after a search
 * or a sort: their frames count too. */
static void
wait_for_rows_rebound (void)
{
  while (ys_row_slot_list_get_n_stale (bench.grid->slots) > 0 || bench.grid->rebind_tick != 0)
    iterate ();
  /* and the frame after them, asked for in case nothing else asks */
  gtk_widget_queue_draw (bench.window);
  wait_for_paint ();
}

static void
measure_search (GtkWidget *grid)
{
  YsFilterModel *filter_model = YS_RECORD_GRID (grid)->filter_model;
  gint64 block = 0, block_cpu = 0;

  settle ();
  for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
    {
      const char *current = gtk_editable_get_text (bench.search_entry);
      g_autofree char *key = NULL;
      gint64 typed, typed_cpu, filtered, painted, footer;

      bench.search_emitted = bench.search_handled = 0;
      typed = now_us ();
      typed_cpu = thread_cpu_us ();
      /* As typed: a key (or an input method's word) adds to the end. Text
       * set as a whole would be deleted first, which the entry reports as
       * a search of its own. */
      if (*searches[i] == '\0')
        gtk_editable_delete_text (bench.search_entry, 0, -1);
      else
        {
          int position;

          g_assert (g_str_has_prefix (searches[i], current));
          position = (int) g_utf8_strlen (current, -1);
          gtk_editable_insert_text (bench.search_entry, searches[i] + strlen (current), -1, &position);
        }
      note_block (typed, typed_cpu);
      /* The entry waits for a pause in the typing before it says so. */
      while (bench.search_handled == 0)
        iterate ();
      /* A search of many lines is filtered in slices between frames, the
       * rows shown staying as they were until it is done. */
      while (ys_filter_model_get_pending (filter_model) > 0)
        iterate ();
      filtered = now_us ();
      gtk_widget_queue_draw (bench.window);
      painted = wait_for_paint ();
      footer = wait_for_low_idles ();
      wait_for_rows_rebound ();

      key = g_strdup_printf ("search.%u.delay", i);
      emit (key, ms (bench.search_emitted - typed));
      g_free (key);
      key = g_strdup_printf ("search.%u.filter", i);
      emit (key, ms (filtered - bench.search_emitted));
      g_free (key);
      key = g_strdup_printf ("search.%u.paint", i);
      emit (key, ms (painted - bench.search_emitted));
      g_free (key);
      key = g_strdup_printf ("search.%u.footer", i);
      emit (key, ms (footer - bench.search_emitted));
      g_free (key);
      key = g_strdup_printf ("search.%u.rows", i);
      emit (key, g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (bench.column_view))));
      g_free (key);
      key = g_strdup_printf ("search.%u.block", i);
      emit (key, ms (bench.longest_block_us));
      block = MAX (block, bench.longest_block_us);
      block_cpu = MAX (block_cpu, bench.longest_block_cpu_us);
      settle ();
    }
  emit ("search.block", ms (block));
  emit ("search.block.cpu", ms (block_cpu));
}

/* A click on a column header, as GTK makes it: the amounts largest first,
 * then smallest first, then the file's order again. The grid sorts in
 * slices between frames; timed until the sorted rows are painted. */
static const struct { const char *name; gboolean sorted; GtkSortType order; } sorts[] = {
  { "amount, largest first", TRUE, GTK_SORT_DESCENDING },
  { "amount, smallest first", TRUE, GTK_SORT_ASCENDING },
  { "the file's order", FALSE, GTK_SORT_ASCENDING },
};

static void
measure_sorting (GtkWidget *grid)
{
  YsSortModel *sort_model = YS_RECORD_GRID (grid)->sort_model;
  GListModel *columns = gtk_column_view_get_columns (bench.column_view);
  GtkColumnViewColumn *amount = NULL;
  gint64 block = 0, block_cpu = 0;

  for (guint i = 0; i < g_list_model_get_n_items (columns) && amount == NULL; i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      const char *title = gtk_column_view_column_get_title (column);

      if (g_str_has_prefix (title, "Amount") || g_str_has_prefix (title, "金额"))
        amount = column;
    }
  if (amount == NULL)
    g_error ("no Amount column");

  settle ();
  for (guint i = 0; i < G_N_ELEMENTS (sorts); i++)
    {
      g_autofree char *key = g_strdup_printf ("sort.%u", i);
      g_autofree char *cpu_key = g_strdup_printf ("sort.%u.cpu", i);
      gint64 start = now_us (), cpu = cpu_us (), start_cpu = thread_cpu_us (), painted;

      gtk_column_view_sort_by_column (bench.column_view, sorts[i].sorted ? amount : NULL, sorts[i].order);
      note_block (start, start_cpu);
      while (ys_sort_model_get_pending (sort_model) > 0)
        iterate ();
      /* A sort that leaves the rows on screen as they were asks for no
       * frame: one is asked for here, so that every sort ends on one. */
      gtk_widget_queue_draw (bench.window);
      painted = wait_for_paint ();
      emit (key, ms (painted - start));
      emit (cpu_key, ms (cpu_us () - cpu));
      wait_for_rows_rebound ();
      block = MAX (block, bench.longest_block_us);
      block_cpu = MAX (block_cpu, bench.longest_block_cpu_us);
      settle ();
    }
  emit ("sort.block", ms (block));
  emit ("sort.block.cpu", ms (block_cpu));
}

static int
run_child (const char *path,
           guint       n_scrolls,
           guint       n_edits,
           guint       n_resizes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsDocument) document = NULL;
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();
  GtkWidget *grid;
  GdkFrameClock *clock;
  gint64 start;

  ys_core_init ();
  gtk_init ();
  adw_init ();
  g_main_context_set_poll_func (NULL, timed_poll);
  g_timeout_add (250, heartbeat_cb, NULL);
  /* What AdwApplication loads from the window's resource base path. */
  gtk_css_provider_load_from_resource (provider, "/io/github/yusuan/Yusuan/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  start = now_us ();
  document = ys_document_open (path, &error);
  if (document == NULL)
    g_error ("%s", error->message);
  emit ("open", ms (now_us () - start));
  emit ("rss.open", status_kb ("VmHWM:") / 1024.0);

  bench.window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (bench.window), 1280, 800);
  bench.page = g_object_new (YS_TYPE_LINES_PAGE, NULL);
  {
    GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

    gtk_widget_set_hexpand (GTK_WIDGET (bench.page), TRUE);
    gtk_box_append (GTK_BOX (box), GTK_WIDGET (bench.page));
    bench.beside = gtk_label_new (NULL);
    gtk_box_append (GTK_BOX (box), bench.beside);
    gtk_window_set_child (GTK_WINDOW (bench.window), box);
  }
  grid = GTK_WIDGET (ys_grid_page_get_grid (YS_GRID_PAGE (bench.page)));
  bench.grid = YS_RECORD_GRID (grid);
  bench.column_view = GTK_COLUMN_VIEW (gtk_widget_get_template_child (grid, YS_TYPE_RECORD_GRID, "column_view"));
  bench.vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (bench.column_view));
  bench.search_entry = GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (bench.page), YS_TYPE_GRID_PAGE, "search_entry"));
  {
    /* The footer: the count, then each total as a caption over its figure;
     * the first is the line items' total. */
    GtkWidget *totals = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (bench.page), YS_TYPE_GRID_PAGE, "totals_box"));
    GtkWidget *first = gtk_widget_get_next_sibling (gtk_widget_get_first_child (totals));

    bench.total_label = GTK_LABEL (gtk_widget_get_last_child (first));
  }
  g_signal_add_emission_hook (g_signal_lookup ("search-changed", GTK_TYPE_SEARCH_ENTRY), 0,
                              search_changed_hook, NULL, NULL);
  g_signal_connect (bench.search_entry, "search-changed", G_CALLBACK (on_search_changed_cb), NULL);

  gtk_window_present (GTK_WINDOW (bench.window));
  while (!gtk_widget_get_mapped (bench.window))
    iterate ();
  clock = gtk_widget_get_frame_clock (bench.window);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), NULL);
  gtk_widget_queue_draw (bench.window);
  wait_for_paint ();

  measure_first_frame (document);
  if (n_scrolls > 0)
    measure_scrolling (n_scrolls);
  if (n_edits > 0)
    measure_editing (document, n_edits);
  if (n_resizes > 0)
    bench_resize_lines (n_resizes);
  measure_search (grid);
  measure_sorting (grid);
  if (n_resizes > 0 && ys_document_count (document, &ys_service_kind) > 0)
    bench_resize_services (document, n_resizes);
  emit ("rss.peak", status_kb ("VmHWM:") / 1024.0);
  fflush (stdout);

  /* The edits are saved: the next run opens the document they left. */
  gtk_window_destroy (GTK_WINDOW (bench.window));
  ys_document_close (document);
  return 0;
}

/* The parent: generate once, run the children, print the medians. */

typedef struct {
  char   *key;
  GArray *values;
} Series;

static void
series_free (Series *s)
{
  g_free (s->key);
  g_array_unref (s->values);
  g_free (s);
}

static void
collect (GPtrArray  *series,
         const char *output)
{
  g_auto(GStrv) lines = g_strsplit (output, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) kv = g_strsplit (lines[i], "\t", 2);
      Series *s = NULL;
      double v;

      if (kv[0] == NULL || kv[1] == NULL)
        continue;
      v = g_ascii_strtod (kv[1], NULL);
      for (guint j = 0; j < series->len && s == NULL; j++)
        if (g_str_equal (((Series *) g_ptr_array_index (series, j))->key, kv[0]))
          s = g_ptr_array_index (series, j);
      if (s == NULL)
        {
          s = g_new0 (Series, 1);
          s->key = g_strdup (kv[0]);
          s->values = g_array_new (FALSE, FALSE, sizeof (double));
          g_ptr_array_add (series, s);
        }
      g_array_append_val (s->values, v);
    }
}

gboolean
has_figure (GPtrArray  *series,
            const char *key)
{
  for (guint j = 0; j < series->len; j++)
    if (g_str_equal (((Series *) g_ptr_array_index (series, j))->key, key))
      return TRUE;
  return FALSE;
}

static GArray *
values_of (GPtrArray  *series,
           const char *key)
{
  for (guint j = 0; j < series->len; j++)
    if (g_str_equal (((Series *) g_ptr_array_index (series, j))->key, key))
      return ((Series *) g_ptr_array_index (series, j))->values;
  g_error ("no figure %s from the runs", key);
}

static double
median_of (GPtrArray  *series,
           const char *key)
{
  g_autoptr(GArray) copy = NULL;
  GArray *values = values_of (series, key);

  copy = g_array_copy (values);
  return percentile (copy, 50);
}

static gboolean any_stall;

/* One row: the median over the runs, every run, and whether it stalls. */
void
row (GPtrArray  *series,
     const char *label,
     const char *key,
     gboolean    latency)
{
  GArray *values = values_of (series, key);
  double median = median_of (series, key);
  gboolean stall = latency && median > STALL_MS;
  double worst = 0;

  for (guint i = 0; i < values->len; i++)
    worst = MAX (worst, g_array_index (values, double, i));
  printf ("  %-44s %9.1f   ", label, median);
  for (guint i = 0; i < values->len; i++)
    printf (" %.1f", g_array_index (values, double, i));
  if (stall)
    printf ("   STALL");
  else if (latency && worst > STALL_MS)
    printf ("   stall in some runs");
  printf ("\n");
  any_stall |= stall;
}

void
spread_rows (GPtrArray  *series,
             const char *label,
             const char *key)
{
  static const char *const stats[] = { "median", "p95", "max" };

  for (guint i = 0; i < G_N_ELEMENTS (stats); i++)
    {
      g_autofree char *l = g_strdup_printf ("%s, %s", label, stats[i]);
      g_autofree char *k = g_strdup_printf ("%s.%s", key, stats[i]);

      row (series, l, k, TRUE);
    }
}

static void
print_table (GPtrArray *series,
             guint      runs,
             guint      n_scrolls,
             guint      n_edits,
             guint      n_resizes)
{
  printf ("\n  %-44s %9s    all runs (ms, in run order)\n", "measurement (ms)", "median");
  printf ("  document open (core, for reference)\n");
  row (series, "ys_document_open", "open", FALSE);
  printf ("  (1) showing the page\n");
  row (series, "set document (synchronous part)", "first.set", TRUE);
  row (series, "set document → first frame with rows", "first.paint", TRUE);
  row (series, "set document → footer totals shown", "first.footer", FALSE);
  row (series, "longest main-loop block", "first.block", TRUE);
  if (n_scrolls > 0)
    {
      printf ("  (2) scrolling: %u jumps of one page, each to its frame\n", n_scrolls);
      spread_rows (series, "page jump → frame", "scroll.page");
      row (series, "longest main-loop block", "scroll.page.block", TRUE);
      row (series, "jump to the last row → frame", "scroll.end", TRUE);
      row (series, "jump back to the first row → frame", "scroll.top", TRUE);
      row (series, "longest main-loop block", "scroll.jump.block", TRUE);
    }
  if (n_edits > 0)
    {
      printf ("  (3) editing: %u amounts changed with ys_document_set_text\n", n_edits);
      spread_rows (series, "set_text returns", "edit.call");
      spread_rows (series, "edit → frame", "edit.paint");
      spread_rows (series, "edit → footer totals updated", "edit.footer");
      row (series, "longest main-loop block", "edit.block", TRUE);
    }
  if (n_resizes > 0)
    bench_resize_print (series, n_resizes);
  printf ("  (4) search (from the entry's search-changed; the entry waits %u ms for a pause in typing first)\n",
          (guint) median_of (series, "search.0.delay"));
  for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
    {
      g_autofree char *rows = g_strdup_printf ("search.%u.rows", i);
      /* Less the empty row for a new line, which the grid always shows. */
      g_autofree char *title = g_strdup_printf ("“%s” (%u lines)", searches[i], (guint) median_of (series, rows) - 1);
      g_autofree char *filter = g_strdup_printf ("search.%u.filter", i);
      g_autofree char *paint = g_strdup_printf ("search.%u.paint", i);
      g_autofree char *footer = g_strdup_printf ("search.%u.footer", i);
      g_autofree char *l1 = g_strdup_printf ("%s filtered", title);
      g_autofree char *l2 = g_strdup_printf ("%s → frame", title);
      g_autofree char *l3 = g_strdup_printf ("%s → footer", title);
      g_autofree char *block = g_strdup_printf ("search.%u.block", i);
      g_autofree char *l4 = g_strdup_printf ("%s: longest block", title);

      row (series, l1, filter, TRUE);
      row (series, l2, paint, TRUE);
      row (series, l3, footer, FALSE);
      row (series, l4, block, TRUE);
    }
  row (series, "longest main-loop block", "search.block", TRUE);
  row (series, "most CPU time in one block", "search.block.cpu", TRUE);
  printf ("  (5) sorting by a column header (100,000 lines, in slices between frames)\n");
  for (guint i = 0; i < G_N_ELEMENTS (sorts); i++)
    {
      g_autofree char *key = g_strdup_printf ("sort.%u", i);
      g_autofree char *label = g_strdup_printf ("%s → sorted and painted", sorts[i].name);
      g_autofree char *cpu_key = g_strdup_printf ("sort.%u.cpu", i);
      g_autofree char *cpu_label = g_strdup_printf ("%s: CPU time of it", sorts[i].name);

      row (series, label, key, FALSE);
      row (series, cpu_label, cpu_key, FALSE);
    }
  row (series, "longest main-loop block", "sort.block", TRUE);
  row (series, "most CPU time in one block", "sort.block.cpu", TRUE);
  printf ("  (6) memory (MB)\n");
  row (series, "peak RSS after opening the document", "rss.open", FALSE);
  row (series, "peak RSS at the end", "rss.peak", FALSE);
  printf ("\n%s (a frame or block over %.0f ms, in the median of %u runs)\n",
          any_stall ? "STALLS FOUND" : "no stall", STALL_MS, runs);
}

int
main (int argc, char **argv)
{
  YsGenerateParams params = YS_GENERATE_DEFAULTS;
  int runs = 5;
  int lines = params.lines;
  int n_scrolls = 200;
  int n_edits = 200;
  int n_resizes = 0;
  int n_services = 0;
  g_autofree char *child = NULL;
  g_autofree char *path = NULL;
  GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs, each in a fresh process (5)", "N" },
    { "lines", 0, 0, G_OPTION_ARG_INT, &lines, "Line items (100000)", "N" },
    { "scrolls", 0, 0, G_OPTION_ARG_INT, &n_scrolls, "Page jumps per run (200; 0: none)", "N" },
    { "edits", 0, 0, G_OPTION_ARG_INT, &n_edits, "Edits per run (200; 0: none)", "N" },
    { "resizes", 0, 0, G_OPTION_ARG_INT, &n_resizes, "Changes of the width shown per run, at each of two widths (0: none)", "N" },
    { "services", 0, 0, G_OPTION_ARG_INT, &n_services, "Purchased services added to the document, their page resized too (0)", "N" },
    { "child", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, &child, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("DIR");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) series = g_ptr_array_new_with_free_func ((GDestroyNotify) series_free);
  g_autofree char *self_exe = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error)
      || runs < 1 || n_scrolls < 0 || n_edits < 0 || n_resizes < 0 || n_services < 0 || lines < 1
      || (child == NULL && argc != 2))
    {
      g_printerr ("usage: bench-grid [--runs N] [--lines N] [--scrolls N] [--edits N] [--resizes N] [--services N] DIR\n");
      return 2;
    }
  if (child != NULL)
    return run_child (child, n_scrolls, n_edits, n_resizes);

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("bench-grid needs a display (DISPLAY or WAYLAND_DISPLAY)\n");
      return 2;
    }

  ys_core_init ();
  params.lines = lines;
  g_mkdir_with_parents (argv[1], 0755);
  path = g_build_filename (argv[1], "bench-grid.yusuan", NULL);
  g_unlink (path);
  {
    g_autoptr(YsDocument) doc = ys_document_create (path, NULL, &error);

    if (doc == NULL || !ys_generate (doc, &params, &error))
      g_error ("%s", error->message);
    if (n_services > 0)
      bench_add_services (doc, n_services);
    ys_document_close (doc);
  }
  self_exe = g_file_read_link ("/proc/self/exe", NULL);
  printf ("%u units, %u line items, %u projects, %u indicators; %d runs, %d page jumps, %d edits and %d width changes each\n",
          params.units, params.lines, params.projects, params.indicators, runs, n_scrolls, n_edits, n_resizes);
  printf ("GDK_BACKEND=%s GSK_RENDERER=%s\n",
          g_getenv ("GDK_BACKEND") ? g_getenv ("GDK_BACKEND") : "(default)",
          g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "(default)");

  for (int r = 0; r < runs; r++)
    {
      g_autofree char *scrolls = g_strdup_printf ("--scrolls=%d", n_scrolls);
      g_autofree char *edits = g_strdup_printf ("--edits=%d", n_edits);
      g_autofree char *resizes = g_strdup_printf ("--resizes=%d", n_resizes);
      const char *child_argv[] = { self_exe ? self_exe : argv[0], "--child", path, scrolls, edits, resizes, NULL };
      g_autofree char *out = NULL;
      int status = 0;

      if (!g_spawn_sync (NULL, (char **) child_argv, NULL, G_SPAWN_CHILD_INHERITS_STDIN,
                         NULL, NULL, &out, NULL, &status, &error)
          || !g_spawn_check_wait_status (status, &error))
        g_error ("run %d: %s", r + 1, error->message);
      collect (series, out);
      printf ("run %d of %d done\n", r + 1, runs);
      fflush (stdout);
    }
  print_table (series, runs, n_scrolls, n_edits, n_resizes);
  g_unlink (path);
  return 0;
}
