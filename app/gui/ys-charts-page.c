/* 概览: the charts the published document places — expenditure by 功能分类
 * 类, 基本支出 against 项目支出, by fund source, and this year against last
 * year — drawn by the same code as the PDF (ys_chart_draw), each with the
 * sentence ys_chart_describe gives as its accessible description, so that a
 * screen reader hears the figures the picture shows.
 *
 * The figures are computed again a moment after the budget changes, and
 * only while the page is shown. */
#define G_LOG_DOMAIN "yusuan"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "ys-chart.h"
#include "ys-charts-page.h"
#include "ys-kinds.h"

/* Quiet time after an edit before the charts are computed again. */
#define RECOMPUTE_DELAY_MS 400
/* Type size on screen, in pixels. */
#define FONT_PX 13.0

struct _YsChartsPage
{
  YsPage          parent_instance;

  /* template */
  GtkStack       *stack;
  GtkBox         *charts_box;

  GtkDrawingArea *areas[YS_CHART_N_KINDS];
  GtkLabel       *empty_labels[YS_CHART_N_KINDS];
  YsChartData    *data;
  gboolean        dirty;
  guint           recompute_timeout;
};

G_DEFINE_FINAL_TYPE (YsChartsPage, ys_charts_page, YS_TYPE_PAGE)

static const YsChart *
chart_of (YsChartsPage *self,
          guint         kind)
{
  return self->data ? ys_chart_data_get (self->data, kind) : NULL;
}

static void
draw_chart (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        user_data)
{
  YsChartsPage *self = YS_CHARTS_PAGE (gtk_widget_get_ancestor (GTK_WIDGET (area), YS_TYPE_CHARTS_PAGE));
  const YsChart *chart;

  if (self == NULL)
    return;
  chart = chart_of (self, GPOINTER_TO_UINT (user_data));
  /* On paper white in any theme: the chart's text and bars are dark. */
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  if (chart == NULL || ys_chart_is_empty (chart))
    return;
  cairo_translate (cr, 12, 12);
  ys_chart_draw (chart, cr, width - 24, height - 24, FONT_PX);
}

/* The height a chart needs grows with its rows and with wrapped labels in
 * a narrow window. */
static void
fit_height (YsChartsPage *self,
            guint         kind)
{
  const YsChart *chart = chart_of (self, kind);
  int width = gtk_widget_get_width (GTK_WIDGET (self->areas[kind]));
  int height;

  if (chart == NULL || ys_chart_is_empty (chart))
    return;
  if (width <= 0)
    width = 700;
  height = (int) ceil (ys_chart_preferred_height (chart, width - 24, FONT_PX)) + 24;
  if (gtk_drawing_area_get_content_height (self->areas[kind]) != height)
    gtk_drawing_area_set_content_height (self->areas[kind], height);
}

static void
on_area_resize_cb (GtkDrawingArea *area,
                   int             width,
                   int             height,
                   YsChartsPage   *self)
{
  for (guint kind = 0; kind < YS_CHART_N_KINDS; kind++)
    if (self->areas[kind] == area)
      fit_height (self, kind);
}

static void
recompute (YsChartsPage *self)
{
  YsDocument *document = ys_page_get_document (YS_PAGE (self));

  g_clear_handle_id (&self->recompute_timeout, g_source_remove);
  self->dirty = FALSE;
  g_clear_pointer (&self->data, ys_chart_data_free);
  if (document == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  self->data = ys_chart_data_compute (document);

  for (guint kind = 0; kind < YS_CHART_N_KINDS; kind++)
    {
      const YsChart *chart = ys_chart_data_get (self->data, kind);
      gboolean empty = ys_chart_is_empty (chart);
      g_autofree char *description = ys_chart_describe (chart);

      gtk_widget_set_visible (GTK_WIDGET (self->areas[kind]), !empty);
      gtk_widget_set_visible (GTK_WIDGET (self->empty_labels[kind]), empty);
      if (empty)
        {
          /* Translators: in place of a chart without figures; %s is its title */
          g_autofree char *text = g_strdup_printf (kind == YS_CHART_PRIOR_YEAR
                                                   ? _("%s: no figures of last year to compare with.")
                                                   : _("%s: no figures yet."), chart->title);
          gtk_label_set_text (self->empty_labels[kind], text);
          continue;
        }
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->areas[kind]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, chart->title,
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                      -1);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->areas[kind]), description);
      fit_height (self, kind);
      gtk_widget_queue_draw (GTK_WIDGET (self->areas[kind]));
    }
  gtk_stack_set_visible_child_name (self->stack, "charts");
}

static gboolean
recompute_cb (gpointer user_data)
{
  YsChartsPage *self = user_data;

  self->recompute_timeout = 0;
  recompute (self);
  return G_SOURCE_REMOVE;
}

static void
queue_recompute (YsChartsPage *self,
                 guint         delay_ms)
{
  self->dirty = TRUE;
  /* Hidden, the page computes nothing: it catches up when shown. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  g_clear_handle_id (&self->recompute_timeout, g_source_remove);
  self->recompute_timeout = g_timeout_add (delay_ms, recompute_cb, self);
}

static void
on_document_changed_cb (YsChartsPage *self,
                        YsRecord     *record,
                        guint         type,
                        int           field,
                        YsDocument   *document)
{
  if (record != NULL && ys_record_get_kind (record) == &ys_review_kind)
    return;  /* explanations of findings draw nothing */
  queue_recompute (self, RECOMPUTE_DELAY_MS);
}

static void
ys_charts_page_document_changed (YsPage *page)
{
  YsChartsPage *self = YS_CHARTS_PAGE (page);
  YsDocument *document = ys_page_get_document (page);

  g_clear_pointer (&self->data, ys_chart_data_free);
  if (document != NULL)
    g_signal_connect_object (document, "changed", G_CALLBACK (on_document_changed_cb), self, G_CONNECT_SWAPPED);
  self->dirty = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    recompute (self);
}

static void
ys_charts_page_map (GtkWidget *widget)
{
  YsChartsPage *self = YS_CHARTS_PAGE (widget);

  GTK_WIDGET_CLASS (ys_charts_page_parent_class)->map (widget);
  /* After the page is drawn, so that switching to it feels immediate. */
  if (self->dirty)
    queue_recompute (self, 30);
}

static void
ys_charts_page_dispose (GObject *object)
{
  YsChartsPage *self = YS_CHARTS_PAGE (object);

  g_clear_handle_id (&self->recompute_timeout, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), YS_TYPE_CHARTS_PAGE);
  g_clear_pointer (&self->data, ys_chart_data_free);

  G_OBJECT_CLASS (ys_charts_page_parent_class)->dispose (object);
}

static void
ys_charts_page_class_init (YsChartsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ys_charts_page_dispose;
  widget_class->map = ys_charts_page_map;
  YS_PAGE_CLASS (klass)->document_changed = ys_charts_page_document_changed;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/yusuan/Yusuan/ui/ys-charts-page.ui");
  gtk_widget_class_bind_template_child (widget_class, YsChartsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, YsChartsPage, charts_box);
}

static void
ys_charts_page_init (YsChartsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* In the order the published document places them. */
  for (guint kind = 0; kind < YS_CHART_N_KINDS; kind++)
    {
      GtkWidget *frame = gtk_frame_new (NULL);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

      self->areas[kind] = GTK_DRAWING_AREA (g_object_new (GTK_TYPE_DRAWING_AREA,
                                                          "accessible-role", GTK_ACCESSIBLE_ROLE_IMG,
                                                          "content-height", 240,
                                                          "hexpand", TRUE,
                                                          NULL));
      gtk_drawing_area_set_draw_func (self->areas[kind], draw_chart, GUINT_TO_POINTER (kind), NULL);
      g_signal_connect_object (self->areas[kind], "resize", G_CALLBACK (on_area_resize_cb), self, 0);
      self->empty_labels[kind] = GTK_LABEL (gtk_label_new (NULL));
      gtk_label_set_wrap (self->empty_labels[kind], TRUE);
      gtk_widget_set_margin_top (GTK_WIDGET (self->empty_labels[kind]), 18);
      gtk_widget_set_margin_bottom (GTK_WIDGET (self->empty_labels[kind]), 18);
      gtk_widget_add_css_class (GTK_WIDGET (self->empty_labels[kind]), "dim-label");
      gtk_widget_set_visible (GTK_WIDGET (self->empty_labels[kind]), FALSE);
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->areas[kind]));
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->empty_labels[kind]));
      gtk_frame_set_child (GTK_FRAME (frame), box);
      gtk_box_append (self->charts_box, frame);
    }
}
