/* The figures behind the charts. Shares are rounded so that they add up to
 * exactly 100.00 % (largest remainder), as the 情况说明 states them. */
#include "config.h"

#include <string.h>

#include "ys-catalog.h"
#include "ys-chart.h"
#include "ys-kind.h"
#include "ys-summary.h"

struct _YsChartData {
  YsChart charts[YS_CHART_N_KINDS];
};

static void
item_free (YsChartItem *item)
{
  g_free (item->label);
  g_free (item);
}

static YsChartItem *
add_item (YsChart *chart, const char *label, YsMoney value)
{
  YsChartItem *item = g_new0 (YsChartItem, 1);

  item->label = g_strdup (label);
  item->value = value;
  g_ptr_array_add (chart->items, item);
  chart->total += value;
  return item;
}

static int
by_value_desc (gconstpointer a, gconstpointer b)
{
  const YsChartItem *x = *(YsChartItem **) a, *y = *(YsChartItem **) b;
  return x->value < y->value ? 1 : x->value > y->value ? -1 : 0;
}

/* Shares in 0.01 % by the largest remainder, so that they sum to 10000. */
static void
set_shares (YsChart *chart)
{
  guint n = chart->items->len;
  g_autofree gint64 *rest = g_new0 (gint64, MAX (n, 1));
  int given = 0;

  if (chart->total <= 0)
    return;
  for (guint i = 0; i < n; i++)
    {
      YsChartItem *item = g_ptr_array_index (chart->items, i);
      gint64 scaled = item->value * 10000;
      item->share = (int) (scaled / chart->total);
      rest[i] = scaled % chart->total;
      given += item->share;
    }
  while (given < 10000)
    {
      guint best = 0;
      for (guint i = 1; i < n; i++)
        if (rest[i] > rest[best])
          best = i;
      ((YsChartItem *) g_ptr_array_index (chart->items, best))->share++;
      rest[best] = -1;
      given++;
    }
}

static const char *
class_name (YsCatalog *catalog, const char *code)
{
  const YsCatalogEntry *entry = catalog ? ys_catalog_lookup (catalog, code) : NULL;
  return entry ? entry->name : code;
}

static void
compute_shares (YsChartData *data, YsDocument *doc, YsSummary *sum)
{
  YsCatalog *catalog = ys_document_get_catalog (doc, YS_CATALOG_FUNCTION);
  g_autoptr(GPtrArray) codes = ys_summary_codes (sum->by_function);
  YsChart *c;

  c = &data->charts[YS_CHART_FUNCTION];
  for (guint i = 0; i < codes->len; i++)
    {
      const char *code = g_ptr_array_index (codes, i);
      const YsAmounts *a = ys_summary_lookup (sum->by_function, code);
      if (strlen (code) == 3 && a->total != 0)
        add_item (c, class_name (catalog, code), a->total);
    }
  c = &data->charts[YS_CHART_BASIC_PROJECT];
  if (sum->expense.basic != 0)
    add_item (c, "基本支出", sum->expense.basic);
  if (sum->expense.project != 0)
    add_item (c, "项目支出", sum->expense.project);
  c = &data->charts[YS_CHART_SOURCE];
  for (guint i = 0; ys_fund_sources[i] && i < G_N_ELEMENTS (sum->expense_by_source); i++)
    if (sum->expense_by_source[i].total != 0)
      add_item (c, ys_fund_sources[i], sum->expense_by_source[i].total);
  for (guint k = YS_CHART_FUNCTION; k <= YS_CHART_SOURCE; k++)
    {
      g_ptr_array_sort (data->charts[k].items, by_value_desc);
      set_shares (&data->charts[k]);
    }
}

/* Last year's figures as the prior-year records give them (上年数): by 功能分类
 * 类 when they carry 功能分类 codes, else as 基本支出 and 项目支出. This year's
 * figures count the same fund source when last year's name only one. */
static void
compute_prior (YsChartData *data, YsDocument *doc)
{
  YsChart *c = &data->charts[YS_CHART_PRIOR_YEAR];
  YsCatalog *catalog = ys_document_get_catalog (doc, YS_CATALOG_FUNCTION);
  g_autoptr(YsSummary) prior = ys_summary_compute_prior (doc, NULL);
  g_autoptr(GPtrArray) codes = ys_summary_codes (prior->by_function);
  g_autoptr(YsSummary) now = NULL;
  YsFilter filter = YS_FILTER_ALL;
  guint sources = 0, classes = 0;

  for (guint i = 0; ys_fund_sources[i] && i < G_N_ELEMENTS (prior->expense_by_source); i++)
    if (prior->expense_by_source[i].total != 0)
      {
        sources++;
        filter.source = ys_fund_sources[i];
      }
  if (sources != 1)
    filter.source = NULL;
  now = ys_summary_compute (doc, &filter);
  for (guint i = 0; i < codes->len; i++)
    {
      const char *code = g_ptr_array_index (codes, i);
      YsChartItem *item;

      if (strlen (code) != 3)
        continue;
      item = add_item (c, class_name (catalog, code), ys_summary_lookup (now->by_function, code)->total);
      item->prior = ys_summary_lookup (prior->by_function, code)->total;
      item->has_prior = TRUE;
      classes++;
    }
  if (classes > 0)
    return;
  if (prior->expense.basic != 0)
    {
      YsChartItem *item = add_item (c, "基本支出", now->expense.basic);
      item->prior = prior->expense.basic, item->has_prior = TRUE;
    }
  if (prior->expense.project != 0)
    {
      YsChartItem *item = add_item (c, "项目支出", now->expense.project);
      item->prior = prior->expense.project, item->has_prior = TRUE;
    }
}

YsChartData *
ys_chart_data_compute (YsDocument *doc)
{
  YsChartData *data = g_new0 (YsChartData, 1);
  YsFilter all = YS_FILTER_ALL;
  g_autoptr(YsSummary) sum = ys_summary_compute (doc, &all);
  int year = ys_document_get_year (doc);
  static const char *const titles[] = {
    "%d年支出按功能分类结构", "%d年基本支出与项目支出", "%d年支出按资金来源结构", "%d年与上年预算对比",
  };

  for (guint k = 0; k < YS_CHART_N_KINDS; k++)
    {
      data->charts[k].kind = k;
      data->charts[k].title = g_strdup_printf (titles[k], year);
      data->charts[k].items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
    }
  compute_shares (data, doc, sum);
  compute_prior (data, doc);
  return data;
}

void
ys_chart_data_free (YsChartData *data)
{
  if (data == NULL)
    return;
  for (guint k = 0; k < YS_CHART_N_KINDS; k++)
    {
      g_free (data->charts[k].title);
      g_ptr_array_unref (data->charts[k].items);
    }
  g_free (data);
}

const YsChart *
ys_chart_data_get (YsChartData *data, YsChartKind kind)
{
  g_return_val_if_fail (kind < YS_CHART_N_KINDS, NULL);
  return &data->charts[kind];
}

gboolean
ys_chart_is_empty (const YsChart *chart)
{
  if (chart->kind == YS_CHART_PRIOR_YEAR)
    return chart->items->len == 0;
  return chart->total <= 0;
}

char *
ys_chart_describe (const YsChart *chart)
{
  GString *s = g_string_new (chart->title);

  g_string_append (s, "：");
  for (guint i = 0; i < chart->items->len; i++)
    {
      YsChartItem *item = g_ptr_array_index (chart->items, i);
      g_autofree char *now = ys_money_format (item->value, YS_MONEY_WAN, TRUE);

      if (i > 0)
        g_string_append (s, "；");
      if (chart->kind == YS_CHART_PRIOR_YEAR)
        {
          g_autofree char *prior = ys_money_format (item->prior, YS_MONEY_WAN, TRUE);
          g_string_append_printf (s, "%s上年%s万元，本年%s万元", item->label, prior, now);
        }
      else
        g_string_append_printf (s, "%s%s万元，占%d.%02d%%", item->label, now, item->share / 100, item->share % 100);
    }
  g_string_append (s, "。");
  return g_string_free (s, FALSE);
}
