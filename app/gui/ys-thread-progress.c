/* The worker never holds the bar itself: a strong reference dropped in a
 * worker thread could finalize a widget there. */
#include "config.h"

#include "ys-thread-progress.h"

struct _YsThreadProgress
{
  gatomicrefcount ref;
  GWeakRef        bar;
};

typedef struct
{
  YsThreadProgress *progress;
  double            fraction;
  char             *text;
} Update;

YsThreadProgress *
ys_thread_progress_new (GtkProgressBar *bar)
{
  YsThreadProgress *progress = g_new0 (YsThreadProgress, 1);

  g_atomic_ref_count_init (&progress->ref);
  g_weak_ref_init (&progress->bar, bar);
  return progress;
}

YsThreadProgress *
ys_thread_progress_ref (YsThreadProgress *progress)
{
  g_atomic_ref_count_inc (&progress->ref);
  return progress;
}

void
ys_thread_progress_unref (YsThreadProgress *progress)
{
  if (g_atomic_ref_count_dec (&progress->ref))
    {
      g_weak_ref_clear (&progress->bar);
      g_free (progress);
    }
}

static gboolean
show_cb (gpointer user_data)
{
  Update *update = user_data;
  g_autoptr(GtkProgressBar) bar = g_weak_ref_get (&update->progress->bar);

  if (bar != NULL)
    {
      gtk_progress_bar_set_fraction (bar, update->fraction);
      if (update->text != NULL)
        gtk_progress_bar_set_text (bar, update->text);
    }
  return G_SOURCE_REMOVE;
}

static void
update_free (gpointer data)
{
  Update *update = data;

  ys_thread_progress_unref (update->progress);
  g_free (update->text);
  g_free (update);
}

void
ys_thread_progress_report (YsThreadProgress *progress,
                           double            fraction,
                           const char       *text)
{
  Update *update = g_new0 (Update, 1);

  update->progress = ys_thread_progress_ref (progress);
  update->fraction = fraction;
  update->text = g_strdup (text);
  g_main_context_invoke_full (NULL, G_PRIORITY_DEFAULT, show_cb, update, update_free);
}
