/* Shared by bench-grid's files: the window measured, the main loop driven
 * and timed, the figures emitted by a run and printed by the parent. */
#pragma once

#include <adwaita.h>

#include "ys-document.h"
#include "ys-lines-page.h"
#include "ys-record-grid-private.h"

typedef struct {
  GtkWidget     *window;
  YsLinesPage   *page;
  YsRecordGrid  *grid;
  GtkColumnView *column_view;
  GtkAdjustment *vadj;
  GtkEditable   *search_entry;
  GtkLabel      *total_label;
  /* Beside the page: its width taken from the grid's, as a panel opened
   * or dragged beside it would. */
  GtkWidget     *beside;

  guint          paints;
  gint64         paint_time;       /* the last after-paint */
  gint64         rows_paint_time;  /* the first after-paint with rows laid out */
  gboolean       marker_ran;
  gint64         search_emitted;
  gint64         search_handled;

  /* The main loop's time not spent waiting in poll(): the longest stretch
   * of it is the longest the window could not answer. */
  gint64         poll_us;
  gint64         longest_block_us;
  /* The most CPU time one iteration took: what the block would be on a
   * machine nobody else uses (a loaded one stretches blocks, and each
   * frame waits for the X server). */
  gint64         longest_block_cpu_us;
} Bench;


extern Bench bench;

gint64 now_us         (void);
double ms             (gint64      us);
gint64 thread_cpu_us  (void);
void   emit           (const char *key,
                       double      value);
void   emit_spread    (const char *key,
                       GArray     *values);
/* One iteration of the main loop, its block measured. */
void   iterate        (void);
/* Returns the time of the next frame's after-paint. */
gint64 wait_for_paint (void);
/* Until nothing is left to do, the blocks measured from then on. */
void   settle         (void);
/* Whether the runs gave the figure @key. */
gboolean has_figure   (GPtrArray  *series,
                       const char *key);
/* The parent's table: the median over the runs and every run. */
void   row            (GPtrArray  *series,
                       const char *label,
                       const char *key,
                       gboolean    latency);
void   spread_rows    (GPtrArray  *series,
                       const char *label,
                       const char *key);

/* bench-grid-resize.c: the width shown changed back and forth. */
void   bench_resize_lines    (guint       n_resizes);
void   bench_resize_services (YsDocument *document,
                              guint       n_resizes);
void   bench_resize_print    (GPtrArray  *series,
                              guint       n_resizes);
/* In the parent: @n 政府购买服务 of the generated units, each with three
 * levels of codes, for the services page to be measured too. */
void   bench_add_services    (YsDocument *document,
                              guint       n);
