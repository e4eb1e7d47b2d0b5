/* Charts of a budget's expenditure, drawn with cairo and pango onto any
 * cairo_t at any size: the published document places them, the window's
 * 概览 page can draw them too. Figures are in 分 and computed from the line
 * items (and the prior-year records for the comparison), never typed. */
#pragma once

#include <cairo.h>

#include "ys-document.h"
#include "ys-money.h"

G_BEGIN_DECLS

typedef enum {
  YS_CHART_FUNCTION,       /* expenditure by 功能分类 类, with shares */
  YS_CHART_BASIC_PROJECT,  /* 基本支出 against 项目支出, with shares */
  YS_CHART_SOURCE,         /* expenditure by fund source, with shares */
  YS_CHART_PRIOR_YEAR,     /* this year against last year */
  YS_CHART_N_KINDS
} YsChartKind;

typedef struct {
  char    *label;
  YsMoney  value;
  YsMoney  prior;      /* comparison charts: last year's figure */
  gboolean has_prior;
  int      share;      /* in 0.01 %: the shares of a chart add up to exactly 10000 */
} YsChartItem;

typedef struct {
  YsChartKind  kind;
  char        *title;     /* e.g. "2023年支出功能分类结构" */
  GPtrArray   *items;     /* YsChartItem, largest first (comparison: in code order) */
  YsMoney      total;
} YsChart;

typedef struct _YsChartData YsChartData;

/* Every chart of @doc (the whole department). */
YsChartData   *ys_chart_data_compute (YsDocument  *doc);
void           ys_chart_data_free    (YsChartData *data);
const YsChart *ys_chart_data_get     (YsChartData *data,
                                      YsChartKind  kind);
/* TRUE when the chart has nothing to draw (no figure, or no prior year). */
gboolean       ys_chart_is_empty     (const YsChart *chart);
/* One sentence that says what the chart shows, for a caption or a screen reader. */
char          *ys_chart_describe     (const YsChart *chart);

/* The height @chart needs at @width with type at @font_pt, in the same units. */
double         ys_chart_preferred_height (const YsChart *chart,
                                          double         width,
                                          double         font_pt);

/* Draws @chart into the rectangle 0,0 @width × @height of @cr (user units;
 * type is set at @font_pt in the same units, 9 or more on paper). */
void           ys_chart_draw         (const YsChart *chart,
                                      cairo_t       *cr,
                                      double         width,
                                      double         height,
                                      double         font_pt);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (YsChartData, ys_chart_data_free)

G_END_DECLS
