/* Measures writing and opening a large synthetic budget. Each run happens in
 * a fresh child process so that its peak resident memory is its own.
 *
 *   bench-document [--runs N] [--lines N] DIR
 *
 * Prints the median and every run; docs/performance.md quotes it. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "ys-core.h"
#include "ys-document.h"
#include "ys-generate.h"
#include "ys-summary.h"

typedef struct {
  double ms;
  double cpu_ms;   /* user + system time of the child: steadier than ms on a busy machine */
  long   peak_kb;
} Sample;

static long
peak_rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *p;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  p = strstr (status, "VmHWM:");
  return p ? strtol (p + 6, NULL, 10) : -1;
}

static void
run_write (const char *path, const YsGenerateParams *params)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsDocument) doc = NULL;

  g_unlink (path);
  doc = ys_document_create (path, NULL, &error);
  if (doc == NULL || !ys_generate (doc, params, &error))
    g_error ("%s", error->message);
  ys_document_close (doc);
}

static void
run_open (const char *path, const YsGenerateParams *params)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsDocument) doc = ys_document_open (path, &error);

  if (doc == NULL)
    g_error ("%s", error->message);
  if (ys_document_count (doc, &ys_line_kind) != params->lines)
    g_error ("expected %u lines, loaded %u", params->lines, ys_document_count (doc, &ys_line_kind));
}

static void
run_summary (const char *path, const YsGenerateParams *params)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsDocument) doc = ys_document_open (path, &error);
  YsFilter all = YS_FILTER_ALL;
  gint64 start;
  YsSummary *s;

  if (doc == NULL)
    g_error ("%s", error->message);
  /* Only the computation is timed: opening is measured on its own. */
  start = g_get_monotonic_time ();
  s = ys_summary_compute (doc, &all);
  ys_summary_free (s);
  printf ("%f\n", (g_get_monotonic_time () - start) / 1000.0);
}

static Sample
measure (void (*fn) (const char *, const YsGenerateParams *), const char *path,
         const YsGenerateParams *params, gboolean inner_time)
{
  int fds[2];
  pid_t pid;
  Sample s = { 0, 0 };
  char buf[128] = { 0 };

  if (pipe (fds) != 0)
    g_error ("pipe failed");
  fflush (stdout);
  pid = fork ();
  if (pid == 0)
    {
      gint64 start = g_get_monotonic_time ();

      close (fds[0]);
      if (inner_time)
        {
          /* The function prints its own timing on stdout; capture it. */
          fflush (stdout);
          int saved = dup (1);
          dup2 (fds[1], 1);
          fn (path, params);
          fflush (stdout);
          dup2 (saved, 1);
          _exit (0);
        }
      fn (path, params);
      {
        struct rusage ru;
        g_autofree char *line = NULL;

        getrusage (RUSAGE_SELF, &ru);
        line = g_strdup_printf ("%f %ld %f\n", (g_get_monotonic_time () - start) / 1000.0, peak_rss_kb (),
                                ru.ru_utime.tv_sec * 1000.0 + ru.ru_utime.tv_usec / 1000.0
                                + ru.ru_stime.tv_sec * 1000.0 + ru.ru_stime.tv_usec / 1000.0);
        if (write (fds[1], line, strlen (line)) < 0)
          _exit (1);
      }
      _exit (0);
    }
  close (fds[1]);
  if (read (fds[0], buf, sizeof buf - 1) < 0)
    g_error ("read failed");
  close (fds[0]);
  waitpid (pid, NULL, 0);
  s.ms = g_ascii_strtod (buf, NULL);
  if (!inner_time)
    {
      char *end = NULL;
      s.peak_kb = strtol (strchr (buf, ' ') + 1, &end, 10);
      s.cpu_ms = g_ascii_strtod (end, NULL);
    }
  return s;
}

/* Catalog queries are far below a millisecond: each is repeated and the
 * mean per query reported, in microseconds. */
static void
bench_catalogs (void)
{
  static const struct { YsCatalogKind kind; const char *name; const char *code; const char *prefix; const char *text; } cases[] = {
    { YS_CATALOG_FUNCTION, "function 2023", "2101103", "2080", "医疗" },
    { YS_CATALOG_PROCUREMENT, "procurement 2022", "A02010104", "A0201", "计算机" },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(YsCatalog) catalog = ys_catalog_load_bundled (cases[c].kind, 2023, &error);
      const int reps = 20000;
      gint64 start;
      double lookup, prefix, search;

      if (catalog == NULL)
        g_error ("%s", error->message);
      start = g_get_monotonic_time ();
      for (int i = 0; i < reps; i++)
        g_assert_nonnull (ys_catalog_lookup (catalog, cases[c].code));
      lookup = (double) (g_get_monotonic_time () - start) / reps;
      start = g_get_monotonic_time ();
      for (int i = 0; i < reps / 10; i++)
        g_ptr_array_unref (ys_catalog_search_prefix (catalog, cases[c].prefix, 50));
      prefix = (double) (g_get_monotonic_time () - start) / (reps / 10);
      start = g_get_monotonic_time ();
      for (int i = 0; i < reps / 10; i++)
        g_ptr_array_unref (ys_catalog_search (catalog, cases[c].text, 50));
      search = (double) (g_get_monotonic_time () - start) / (reps / 10);
      printf ("catalog %-18s (%4u entries)  lookup %.3f µs   prefix “%s” %.1f µs   name “%s” %.1f µs\n",
              cases[c].name, ys_catalog_get_n_entries (catalog), lookup,
              cases[c].prefix, prefix, cases[c].text, search);
    }
}

static int
compare_ms (const void *a, const void *b)
{
  double x = ((const Sample *) a)->ms, y = ((const Sample *) b)->ms;
  return (x > y) - (x < y);
}

static int
compare_double (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static void
report (const char *what, Sample *samples, int runs)
{
  qsort (samples, runs, sizeof *samples, compare_ms);
  printf ("%-34s median %8.1f ms", what, samples[runs / 2].ms);
  if (samples[0].peak_kb > 0)
    printf ("   peak RSS %6.1f MB", samples[runs / 2].peak_kb / 1024.0);
  if (samples[0].cpu_ms > 0)
    {
      g_autofree double *cpu = g_new (double, runs);
      for (int i = 0; i < runs; i++)
        cpu[i] = samples[i].cpu_ms;
      qsort (cpu, runs, sizeof *cpu, compare_double);
      printf ("   CPU median %7.1f ms", cpu[runs / 2]);
    }
  printf ("   runs:");
  for (int i = 0; i < runs; i++)
    printf (" %.0f", samples[i].ms);
  printf ("\n");
}

int
main (int argc, char **argv)
{
  YsGenerateParams params = YS_GENERATE_DEFAULTS;
  int runs = 5;
  int lines = params.lines;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs of each measurement (5)", "N" },
    { "lines", 0, 0, G_OPTION_ARG_INT, &lines, "Line items (100000)", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("DIR");
  g_autoptr(GError) error = NULL;
  Sample *samples;

  ys_core_init ();
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2 || runs < 1)
    {
      g_printerr ("usage: bench-document [--runs N] [--lines N] DIR\n");
      return 2;
    }
  params.lines = lines;
  dir = g_strdup (argv[1]);
  g_mkdir_with_parents (dir, 0755);
  path = g_build_filename (dir, "bench.yusuan", NULL);
  samples = g_new0 (Sample, runs);

  printf ("%u units, %u line items, %u projects, %u indicators; %d runs each\n",
          params.units, params.lines, params.projects, params.indicators, runs);
  for (int i = 0; i < runs; i++)
    samples[i] = measure (run_write, path, &params, FALSE);
  report ("write (generate + commit)", samples, runs);
  for (int i = 0; i < runs; i++)
    samples[i] = measure (run_open, path, &params, FALSE);
  report ("open (every record loaded)", samples, runs);
  for (int i = 0; i < runs; i++)
    samples[i] = measure (run_summary, path, &params, TRUE);
  report ("summary (all totals and roll-ups)", samples, runs);
  g_free (samples);
  g_unlink (path);
  bench_catalogs ();
  return 0;
}
