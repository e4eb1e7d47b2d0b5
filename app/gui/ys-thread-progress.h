/* A progress bar moved from a worker thread: the thread reports, the bar
 * is touched only in the main one, and only while it still exists. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef struct _YsThreadProgress YsThreadProgress;

/* In the main thread, for @bar. */
YsThreadProgress *ys_thread_progress_new    (GtkProgressBar   *bar);
YsThreadProgress *ys_thread_progress_ref    (YsThreadProgress *progress);
void              ys_thread_progress_unref  (YsThreadProgress *progress);
/* From any thread: the fraction done and, unless NULL, the bar's text. */
void              ys_thread_progress_report (YsThreadProgress *progress,
                                             double            fraction,
                                             const char       *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (YsThreadProgress, ys_thread_progress_unref)

G_END_DECLS
