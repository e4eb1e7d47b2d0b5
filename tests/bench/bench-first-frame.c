/* Measures how long a budget takes from the start of the program to the
 * first frame of the window showing it: what an accountant waits for after
 * opening a sample.
 *
 *   bench-first-frame [--runs N] SAMPLE-DIR WORK-DIR
 *
 * The sample (an interchange directory, resources/samples/) is imported
 * into WORK-DIR/sample.yusuan once; then each run is a fresh process (this
 * program again, with --child) that starts GTK, makes the window
 * (YsWindow, as the application does), opens the file and waits for the
 * GdkFrameClock "after-paint" of the first frame after the budget is set,
 * and the CPU time the process took until then. Needs a display; docs/performance.md has the commands. The medians over
 * the runs are printed. */
#include "config.h"

#include <adwaita.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>
#include <sys/resource.h>

#include "ys-core.h"
#include "ys-document.h"
#include "ys-interchange.h"
#include "ys-window.h"

typedef struct {
  gint64     start;
  gint64     presented;
  gint64     document_set;
  gint64     first_frame;
  double     cpu_ms;       /* user + system time of the process until then */
  GMainLoop *loop;
} Run;

static double
ms (gint64 us)
{
  return us / 1000.0;
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   Run           *run)
{
  if (run->document_set == 0 || run->first_frame != 0)
    return;
  struct rusage usage;

  run->first_frame = g_get_monotonic_time ();
  getrusage (RUSAGE_SELF, &usage);
  run->cpu_ms = (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0
                + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
  g_main_loop_quit (run->loop);
}

static void
on_document_cb (GObject    *window,
                GParamSpec *pspec,
                Run        *run)
{
  if (run->document_set == 0 && ys_window_get_document (YS_WINDOW (window)) != NULL)
    run->document_set = g_get_monotonic_time ();
}

static gboolean
give_up_cb (gpointer user_data)
{
  g_error ("no frame with the budget after 60 s");
  return G_SOURCE_REMOVE;
}

static int
child (const char *path)
{
  Run run = { .start = g_get_monotonic_time () };
  g_autoptr(GtkCssProvider) provider = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWidget *window;

  g_set_application_name ("yusuan");
  ys_core_init ();
  gtk_init ();
  adw_init ();
  /* What AdwApplication loads from the window's resource base path. */
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/io/github/yusuan/Yusuan/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  run.loop = g_main_loop_new (NULL, FALSE);
  window = g_object_new (YS_TYPE_WINDOW, NULL);
  g_signal_connect (window, "notify::document", G_CALLBACK (on_document_cb), &run);
  gtk_window_present (GTK_WINDOW (window));
  run.presented = g_get_monotonic_time ();
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (on_after_paint_cb), &run);
  ys_window_open (YS_WINDOW (window), file);
  g_timeout_add_seconds (60, give_up_cb, NULL);
  g_main_loop_run (run.loop);

  printf ("window\t%.3f\n", ms (run.presented - run.start));
  printf ("opened\t%.3f\n", ms (run.document_set - run.start));
  printf ("first-frame\t%.3f\n", ms (run.first_frame - run.start));
  /* On a shared machine the wall times vary with the load; the CPU time
   * the process took hardly does. */
  printf ("cpu\t%.3f\n", run.cpu_ms);
  return 0;
}

static int
compare_double (const void *a,
                const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

int
main (int argc, char **argv)
{
  static const char *const keys[] = { "window", "opened", "first-frame", "cpu" };
  GArray *values[G_N_ELEMENTS (keys)];
  g_autoptr(GError) error = NULL;
  g_autoptr(YsDocument) doc = NULL;
  g_autoptr(GHashTable) meta = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *path = NULL;
  int runs = 5;
  int arg = 1;

  if (argc == 3 && g_str_equal (argv[1], "--child"))
    return child (argv[2]);
  if (argc > 2 && g_str_equal (argv[1], "--runs"))
    {
      runs = MAX (1, atoi (argv[2]));
      arg = 3;
    }
  if (argc - arg != 2)
    {
      fprintf (stderr, "usage: bench-first-frame [--runs N] SAMPLE-DIR WORK-DIR\n");
      return 2;
    }

  ys_core_init ();
  g_mkdir_with_parents (argv[arg + 1], 0700);
  path = g_build_filename (argv[arg + 1], "sample.yusuan", NULL);
  g_unlink (path);
  meta = ys_interchange_read_meta (argv[arg], problems, &error);
  if (meta == NULL || (doc = ys_document_create (path, meta, &error)) == NULL
      || !ys_interchange_import (doc, argv[arg], problems, &error))
    g_error ("%s", error ? error->message : "the sample could not be imported");
  g_clear_object (&doc);

  for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
    values[k] = g_array_new (FALSE, FALSE, sizeof (double));
  for (int r = 0; r < runs; r++)
    {
      const char *child_argv[] = { argv[0], "--child", path, NULL };
      g_autofree char *out = NULL;
      g_auto(GStrv) lines = NULL;
      int status = 0;

      if (!g_spawn_sync (NULL, (char **) child_argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                         &out, NULL, &status, &error) || !g_spawn_check_wait_status (status, &error))
        g_error ("run %d: %s", r + 1, error->message);
      lines = g_strsplit (out, "\n", -1);
      for (guint i = 0; lines[i]; i++)
        for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
          {
            g_autofree char *prefix = g_strconcat (keys[k], "\t", NULL);

            if (g_str_has_prefix (lines[i], prefix))
              {
                double v = g_ascii_strtod (lines[i] + strlen (prefix), NULL);
                g_array_append_val (values[k], v);
              }
          }
      printf ("run %d:\t%s\n", r + 1, g_strdelimit (out, "\n", ' '));
    }
  for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
    {
      g_array_sort (values[k], compare_double);
      printf ("%s.median\t%.1f ms\n", keys[k], g_array_index (values[k], double, values[k]->len / 2));
      g_array_unref (values[k]);
    }
  return 0;
}
