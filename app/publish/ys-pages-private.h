/* Inside the page layout: what a page holds and how a table is cut into
 * bands of rows that stay together (rows joined by a vertical merge). */
#pragma once

#include <pango/pangocairo.h>

#include "ys-pages.h"
#include "ys-publish-private.h"

G_BEGIN_DECLS

#define SERIF "Noto Serif CJK SC"
#define SANS  "Noto Sans CJK SC"

typedef struct {
  YsReportTable *table;
  double        *widths;     /* n_cols, points */
  double         width;      /* their sum */
  double        *head_h;     /* header rows' heights */
  double        *body_h;     /* body rows' heights */
  guint         *band_end;   /* for each body row, the last row of its band */
  PangoLayout  **head_text;  /* a layout per header cell that starts a cell (else NULL) */
  PangoLayout  **body_text;
  guint         *head_map;   /* merge maps (ys_report_merge_map) */
  guint         *body_map;
  gboolean       repeat;     /* header rows repeated on each page */
} YsTableLayout;

YsTableLayout *ys_table_layout_new   (PangoContext  *context,
                                      YsReportTable *table,
                                      double         avail);
void           ys_table_layout_free  (YsTableLayout *tl);
double         ys_table_layout_header_height (YsTableLayout *tl);
/* Draws rows @first..@last of the header or body with their top at @y and
 * the table's left edge at @x. */
void           ys_table_layout_draw  (YsTableLayout *tl,
                                      cairo_t       *cr,
                                      gboolean       header,
                                      guint          first,
                                      guint          last,
                                      double         x,
                                      double         y);

/* A body row taller than a page is printed in slices: the row-local offset,
 * at most @from + @want, where a slice can end without cutting a line. */
double         ys_table_layout_cut   (YsTableLayout *tl,
                                      guint          row,
                                      double         from,
                                      double         want);
/* Draws the slice @from..@to of body row @row with its top at @y: the
 * lines of text that start in it, cells top-aligned. */
void           ys_table_layout_draw_slice (YsTableLayout *tl,
                                           cairo_t       *cr,
                                           guint          row,
                                           double         from,
                                           double         to,
                                           double         x,
                                           double         y);

/* A layout of @text in @family at @size points, @width wide (-1: unwrapped). */
PangoLayout   *ys_pages_text         (PangoContext  *context,
                                      const char    *family,
                                      double         size,
                                      gboolean       bold,
                                      const char    *text,
                                      double         width);
double         ys_pages_text_height  (PangoLayout   *layout);

G_END_DECLS
