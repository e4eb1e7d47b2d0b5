/* Measures validation on a large synthetic budget (yusuan-cli generate):
 * a full check (index plus every rule, as when a document is opened) and the
 * re-check after a single edit, for several kinds of edit. Times are medians
 * of several runs, both elapsed and on-CPU (the latter does not move when
 * other programs share the machine); the re-check an edit causes is timed
 * alone, and together with the edit itself (its undo step and SQLite write). 
 *
 *   bench-validate [--runs N] [--edits N] [--lines N] [--open FILE] DIR
 *
 * --open copies a budget made before (yusuan-cli generate FILE --lines N)
 * into DIR and measures that copy instead of generating one each time.
 *
 * docs/validation.md quotes it. Not a test: figures are measurements, not
 * pass/fail conditions. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <glib/gstdio.h>

#include "ys-core.h"
#include "ys-generate.h"
#include "ys-validator.h"

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
median (GArray *ms)
{
  g_array_sort (ms, compare_doubles);
  return g_array_index (ms, double, ms->len / 2);
}

static double
percentile (GArray *ms, double p)
{
  g_array_sort (ms, compare_doubles);
  return g_array_index (ms, double, MIN (ms->len - 1, (guint) (p * ms->len)));
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static void
report (const char *what, GArray *wall, GArray *cpu)
{
  double m = median (wall), c = median (cpu), p90 = percentile (wall, 0.9);
  double p99 = percentile (wall, 0.99), cpu99 = percentile (cpu, 0.99);

  /* The CPU time's 99th percentile tells work from waiting for the machine. */
  printf ("%-42s median %8.3f ms elapsed, %8.3f ms CPU; 90th percentile %8.3f ms, 99th %8.3f ms (CPU %8.3f ms), max %8.3f ms (%u runs)\n",
          what, m, c, p90, p99, cpu99, g_array_index (wall, double, wall->len - 1), wall->len);
}

typedef void (*Edit) (YsDocument *doc, GRand *rand);

static void
set_or_die (YsDocument *doc, YsRecord *r, guint field, const YsValue *v)
{
  g_autoptr(GError) error = NULL;

  if (!ys_document_set (doc, r, field, v, &error))
    g_error ("%s", error->message);
}

static YsRecord *
pick (YsDocument *doc, const YsKind *kind, GRand *rand)
{
  return ys_document_get (doc, kind, g_rand_int_range (rand, 0, ys_document_count (doc, kind)));
}

static void
edit_amount (YsDocument *doc, GRand *rand)
{
  YsValue v = { .i = g_rand_int_range (rand, 1, 100000000) };
  set_or_die (doc, pick (doc, &ys_line_kind, rand), YS_LINE_AMOUNT, &v);
}

static void
edit_function (YsDocument *doc, GRand *rand)
{
  static const char *const codes[] = { "2010301", "2010302", "2080505", "2101103", "2013299" };
  YsValue v = { .s = (char *) codes[g_rand_int_range (rand, 0, G_N_ELEMENTS (codes))] };
  set_or_die (doc, pick (doc, &ys_line_kind, rand), YS_LINE_FUNC_CODE, &v);
}

static void
edit_unit (YsDocument *doc, GRand *rand)
{
  YsRecord *unit = pick (doc, &ys_unit_kind, rand);
  YsValue v = { .s = (char *) ys_record_get_text (unit, YS_UNIT_CODE) };
  set_or_die (doc, pick (doc, &ys_line_kind, rand), YS_LINE_UNIT_CODE, &v);
}

static void
edit_indicator (YsDocument *doc, GRand *rand)
{
  static const char *const values[] = { "95", "显著提高", "", "98" };
  YsValue v = { .s = (char *) values[g_rand_int_range (rand, 0, G_N_ELEMENTS (values))] };
  set_or_die (doc, pick (doc, &ys_indicator_kind, rand), YS_INDICATOR_VALUE, &v);
}

static void
edit_project_funds (YsDocument *doc, GRand *rand)
{
  YsValue v = { .i = (gint64) g_rand_int_range (rand, 1, 500) * 1000000 };
  set_or_die (doc, pick (doc, &ys_project_kind, rand), YS_PROJECT_ANNUAL_LOCAL, &v);
}

int
main (int argc, char **argv)
{
  int runs = 7, edits = 200, lines = 100000;
  g_autofree char *source = NULL;
  GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Full checks to time (default 7)", "N" },
    { "edits", 0, 0, G_OPTION_ARG_INT, &edits, "Edits of each kind to time (default 200)", "N" },
    { "lines", 0, 0, G_OPTION_ARG_INT, &lines, "Line items in the budget (default 100000)", "N" },
    { "open", 0, 0, G_OPTION_ARG_FILENAME, &source, "Measure a copy of this budget instead", "FILE" },
    { NULL }
  };
  static const struct { const char *name; Edit edit; } kinds[] = {
    { "line amount", edit_amount },
    { "line function code", edit_function },
    { "line unit (moves between units)", edit_unit },
    { "indicator value", edit_indicator },
    { "project annual funds", edit_project_funds },
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("DIR");
  g_autoptr(GError) error = NULL;
  g_autoptr(YsDocument) doc = NULL;
  g_autoptr(YsValidator) v = NULL;
  g_autoptr(GArray) full = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) recheck = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) full_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) recheck_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autofree char *path = NULL;
  YsGenerateParams params = YS_GENERATE_DEFAULTS;

  ys_core_init ();
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2)
    {
      g_printerr ("usage: bench-validate [--runs N] [--edits N] [--lines N] [--open FILE] DIR\n");
      return 2;
    }
  params.lines = (guint) lines;
  path = g_build_filename (argv[1], "bench-validate.yusuan", NULL);
  g_unlink (path);
  if (source != NULL)
    {
      g_autoptr(GFile) from = g_file_new_for_path (source);
      g_autoptr(GFile) to = g_file_new_for_path (path);

      if (!g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error)
          || (doc = ys_document_open (path, &error)) == NULL)
        g_error ("%s", error->message);
    }
  else
    {
      doc = ys_document_create (path, NULL, &error);
      if (doc == NULL || !ys_generate (doc, &params, &error))
        g_error ("%s", error->message);
    }
  printf ("budget: %u units, %u lines, %u projects, %u indicators (yusuan-cli generate defaults)\n",
          ys_document_count (doc, &ys_unit_kind), ys_document_count (doc, &ys_line_kind),
          ys_document_count (doc, &ys_project_kind), ys_document_count (doc, &ys_indicator_kind));

  /* Full check: a new validator indexes the document and runs every rule. */
  for (int r = 0; r < runs; r++)
    {
      double t0 = now_ms (), c0 = cpu_ms (), t1, c1;
      g_autoptr(YsValidator) fresh = ys_validator_new (doc);

      t1 = now_ms () - t0;
      c1 = cpu_ms () - c0;
      g_array_append_val (full, t1);
      g_array_append_val (full_cpu, c1);
      if (r == 0)
        printf ("findings: %u (%u errors, %u warnings, %u information)\n",
                g_list_model_get_n_items (G_LIST_MODEL (fresh)),
                ys_validator_count (fresh, YS_FINDING_ERROR), ys_validator_count (fresh, YS_FINDING_WARNING),
                ys_validator_count (fresh, YS_FINDING_INFO));
    }
  report ("full check (new validator)", full, full_cpu);

  v = ys_validator_new (doc);
  g_array_set_size (full, 0);
  g_array_set_size (full_cpu, 0);
  for (int r = 0; r < runs; r++)
    {
      double t0 = now_ms (), c0 = cpu_ms (), t1, c1;

      ys_validator_recheck (v);
      t1 = now_ms () - t0;
      c1 = cpu_ms () - c0;
      g_array_append_val (full, t1);
      g_array_append_val (full_cpu, c1);
    }
  report ("full re-check (findings kept)", full, full_cpu);

  /* Single edits: the write is done while frozen, the re-check at thaw is
   * timed alone, and with the edit (its undo step and SQLite write) too.
   * --edits 0: the full checks alone. */
  for (guint k = 0; k < G_N_ELEMENTS (kinds) && edits > 0; k++)
    {
      g_autofree char *what = g_strdup_printf ("one edit: %s", kinds[k].name);
      g_autofree char *with_write = g_strdup_printf ("  the same, edit and write included");
      g_autoptr(GArray) whole = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) whole_cpu = g_array_new (FALSE, FALSE, sizeof (double));

      g_array_set_size (recheck, 0);
      g_array_set_size (recheck_cpu, 0);
      for (int e = 0; e < edits; e++)
        {
          double t0, c0, t1, c1, w0, wc0;

          ys_validator_freeze (v);
          w0 = now_ms ();
          wc0 = cpu_ms ();
          kinds[k].edit (doc, rand);
          t0 = now_ms ();
          c0 = cpu_ms ();
          ys_validator_thaw (v);
          t1 = now_ms ();
          c1 = cpu_ms ();
          g_array_append_val (recheck, (double) { t1 - t0 });
          g_array_append_val (recheck_cpu, (double) { c1 - c0 });
          g_array_append_val (whole, (double) { t1 - w0 });
          g_array_append_val (whole_cpu, (double) { c1 - wc0 });
        }
      report (what, recheck, recheck_cpu);
      report (with_write, whole, whole_cpu);
    }

  g_clear_object (&v);
  ys_document_close (doc);
  g_unlink (path);
  return 0;
}
