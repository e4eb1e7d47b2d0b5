/* Drawing a chart: horizontal bars, one row per item, the label on the left
 * and the figure (with its share, or last year's beside this year's) after
 * the bar. Bars read at any size and in grey print; labels never shrink
 * below the type size asked for, they wrap. */
#include "config.h"

#include "ys-chart.h"
#include "ys-pages-private.h"

static const double bar_rgb[] = { 0.20, 0.42, 0.68 };
static const double prior_rgb[] = { 0.70, 0.72, 0.75 };

static PangoLayout *
make_layout (cairo_t *cr, double font_pt, gboolean bold)
{
  PangoContext *context = pango_cairo_create_context (cr);
  PangoLayout *layout = ys_pages_text (context, SANS, font_pt, bold, "", -1);

  g_object_unref (context);  /* the layout keeps its own reference */
  return layout;
}

/* Draws @text with its top left at x, y, at most @width wide (wrapped);
 * returns its height. */
static double
text_at (cairo_t *cr, PangoLayout *layout, const char *text, double x, double y, double width,
         PangoAlignment align)
{
  int w, h;

  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, width > 0 ? (int) (width * PANGO_SCALE) : -1);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, align);
  pango_layout_get_size (layout, &w, &h);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  return (double) h / PANGO_SCALE;
}

static double
text_width (PangoLayout *layout, const char *text)
{
  int w, h;

  pango_layout_set_width (layout, -1);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_size (layout, &w, &h);
  return (double) w / PANGO_SCALE;
}

static void
bar (cairo_t *cr, const double *rgb, double x, double y, double w, double h)
{
  cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
  cairo_rectangle (cr, x, y, MAX (w, 0.5), h);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
}

static char *
figure_text (const YsChart *chart, const YsChartItem *item)
{
  g_autofree char *now = ys_money_format (item->value, YS_MONEY_WAN, TRUE);

  if (chart->kind == YS_CHART_PRIOR_YEAR)
    return g_strdup (now);
  return g_strdup_printf ("%s（%d.%02d%%）", now, item->share / 100, item->share % 100);
}

double
ys_chart_preferred_height (const YsChart *chart, double width, double font_pt)
{
  guint n = MAX (chart->items->len, 1);
  double row = font_pt * (chart->kind == YS_CHART_PRIOR_YEAR ? 3.4 : 2.2);

  /* Title, unit line and the rows. */
  return font_pt * 1.15 * 1.5 + font_pt * 0.4 + font_pt * 1.5 + font_pt * 0.4 + n * row + font_pt * 0.5;
}

void
ys_chart_draw (const YsChart *chart, cairo_t *cr, double width, double height, double font_pt)
{
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) text = NULL;
  gboolean compare = chart->kind == YS_CHART_PRIOR_YEAR;
  double y, label_w, figure_w = 0, bar_x, bar_w, row_h, most = 1;
  guint n = chart->items->len;

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  title = make_layout (cr, font_pt * 1.15, TRUE);
  text = make_layout (cr, font_pt, FALSE);

  y = text_at (cr, title, chart->title, 0, 0, width, PANGO_ALIGN_CENTER) + font_pt * 0.4;
  {
    /* Full-width spaces hold the places of the legend's squares. */
    g_autofree char *unit = compare ? g_strdup ("单位：万元　　上年　　本年") : g_strdup ("单位：万元");
    y += text_at (cr, text, unit, 0, y, width, PANGO_ALIGN_RIGHT) + font_pt * 0.4;
    if (compare)
      {
        /* The legend's squares in the bars' colours. */
        double right = width, w_now = text_width (text, "　本年"), w_all = text_width (text, "　上年　　本年");
        double sq = font_pt * 0.8, top = y - font_pt * 0.4 - font_pt * 1.2;
        bar (cr, prior_rgb, right - w_all, top + font_pt * 0.3, sq, sq);
        bar (cr, bar_rgb, right - w_now, top + font_pt * 0.3, sq, sq);
      }
  }
  if (n == 0)
    {
      text_at (cr, text, compare ? "没有上年数可供对比。" : "没有支出。", 0, y, width, PANGO_ALIGN_CENTER);
      cairo_restore (cr);
      return;
    }
  for (guint i = 0; i < n; i++)
    {
      YsChartItem *item = g_ptr_array_index (chart->items, i);
      g_autofree char *fig = figure_text (chart, item);
      figure_w = MAX (figure_w, text_width (text, fig));
      most = MAX (most, (double) MAX (item->value, item->prior));
    }
  label_w = MIN (width * 0.32, font_pt * 11);
  bar_x = label_w + font_pt * 0.6;
  bar_w = MAX (width - bar_x - figure_w - font_pt * 0.6, font_pt * 2);
  row_h = MIN ((height - y) / n, font_pt * (compare ? 4.2 : 2.8));
  row_h = MAX (row_h, font_pt * (compare ? 2.6 : 1.6));

  for (guint i = 0; i < n && y + row_h <= height + 0.5; i++, y += row_h)
    {
      YsChartItem *item = g_ptr_array_index (chart->items, i);
      g_autofree char *fig = figure_text (chart, item);
      double thick = compare ? row_h * 0.32 : row_h * 0.55;
      double top = y + (row_h - (compare ? 2 * thick : thick)) / 2;
      double w_now = bar_w * (double) item->value / most;

      pango_layout_set_height (text, (int) (row_h * PANGO_SCALE));
      pango_layout_set_ellipsize (text, PANGO_ELLIPSIZE_END);
      text_at (cr, text, item->label, 0, top - font_pt * 0.1, label_w, PANGO_ALIGN_RIGHT);
      pango_layout_set_ellipsize (text, PANGO_ELLIPSIZE_NONE);
      pango_layout_set_height (text, -1);
      if (compare)
        {
          g_autofree char *prior = ys_money_format (item->prior, YS_MONEY_WAN, TRUE);
          double w_prior = bar_w * (double) item->prior / most;

          bar (cr, prior_rgb, bar_x, top, w_prior, thick);
          text_at (cr, text, prior, bar_x + w_prior + font_pt * 0.3, top + thick / 2 - font_pt * 0.7, -1, PANGO_ALIGN_LEFT);
          top += thick;
        }
      bar (cr, bar_rgb, bar_x, top, w_now, thick);
      text_at (cr, text, fig, bar_x + w_now + font_pt * 0.3, top + thick / 2 - font_pt * 0.7, -1, PANGO_ALIGN_LEFT);
    }
  cairo_restore (cr);
}
