/* The two-sided tables: 收支总表 and 财政拨款收支总表. Income rows (left)
 * run beside expenditure rows (right): the 30-odd 功能分类 类 printed even when
 * empty, then the paired total rows (本年收入合计 / 本年支出合计, 上年结转 /
 * 结转下年, 收入总计 / 支出总计). The left side counts income records, the
 * right side line items. */
#include "config.h"

#include <string.h>

#include "ys-report-private.h"

typedef struct {
  char        *label;
  const char  *code;     /* 类 code, "*" every class, NULL blank */
  const YsLayoutFilter *filter;
  gboolean     total;
} Side;

static void
side_free (Side *s)
{
  g_free (s->label);
  g_free (s);
}

static Side *
side_new (YsLayoutRow *r)
{
  Side *s = g_new0 (Side, 1);

  s->label = g_strdup (r->label);
  /* A row that is not blank and names no class counts every class. */
  s->code = r->blank ? NULL : r->code ? r->code : "*";
  s->filter = &r->filter;
  s->total = r->total;
  return s;
}

/* Expands a "classes" row into the layout's 功能分类 类 rows. */
static void
expand_right (YsReportContext *ctx, GPtrArray *rows, GPtrArray *out)
{
  for (guint i = 0; rows && i < rows->len; i++)
    {
      YsLayoutRow *r = g_ptr_array_index (rows, i);

      if (r->classes)
        {
          for (guint k = 0; k < ctx->layout->classes->len; k++)
            {
              YsLayoutClass *cls = g_ptr_array_index (ctx->layout->classes, k);
              Side *s = g_new0 (Side, 1);
              g_autofree char *n = ys_report_chinese_number (k + 1);

              if (g_str_equal (r->classes, "（一）"))
                s->label = g_strdup_printf ("（%s）%s", n, cls->label);
              else if (g_str_equal (r->classes, "一、"))
                s->label = g_strdup_printf ("%s、%s", n, cls->label);
              else
                s->label = g_strdup (cls->label);
              /* A class printed without a code (河北's 人行科目) never has figures. */
              s->code = cls->code[0] ? cls->code : NULL;
              s->filter = &r->filter;
              g_ptr_array_add (out, s);
            }
          continue;
        }
      g_ptr_array_add (out, side_new (r));
    }
}

/* Rows taken as they are: the income side and the footer. */
static void
expand_left (GPtrArray *rows, GPtrArray *out)
{
  for (guint i = 0; rows && i < rows->len; i++)
    g_ptr_array_add (out, side_new (g_ptr_array_index (rows, i)));
}

static YsMoney
left_amount (YsTableBuild *b, guint col, const Side *side)
{
  const YsLayoutColumn *c = g_ptr_array_index (b->lt->columns, col);
  YsMeasure measure = c->measure == YS_MEASURE_NONE ? YS_MEASURE_INCOME : c->measure;
  YsLayoutFilter f;
  YsMoney sum = 0;

  ys_layout_filter_and (&f, &b->filters[col], side->filter);
  if (measure == YS_MEASURE_INCOME)
    for (guint i = 0; i < b->ctx->income->len; i++)
      sum += ys_report_income_value (g_ptr_array_index (b->ctx->income, i), &f);
  else
    for (guint i = 0; i < b->ctx->line_sums->len; i++)
      sum += ys_report_sum_value (&g_array_index (b->ctx->line_sums, YsReportLineSum, i), measure, &f);
  return sum;
}

/* Sums of one column under one row filter, by 类: the 30-odd class rows share
 * them, so the line items are read once per column, not once per row. */
typedef struct {
  guint                 col;
  const YsLayoutFilter *filter;
  GHashTable           *by_class;  /* 类 code → YsMoney* */
  YsMoney               all;
} ClassSums;

static void
class_sums_free (ClassSums *cs)
{
  g_hash_table_unref (cs->by_class);
  g_free (cs);
}

static void
class_sums_add (ClassSums *cs, const char *func, YsMoney v)
{
  char code[4];
  YsMoney *sum;

  cs->all += v;
  if (v == 0 || func == NULL || strlen (func) < 3)
    return;
  g_strlcpy (code, func, sizeof code);
  sum = g_hash_table_lookup (cs->by_class, code);
  if (sum == NULL)
    {
      sum = g_new0 (YsMoney, 1);
      g_hash_table_insert (cs->by_class, g_strdup (code), sum);
    }
  *sum += v;
}

static YsMoney
right_amount (YsTableBuild *b, GPtrArray *cache, guint col, const Side *side)
{
  const YsLayoutColumn *c = g_ptr_array_index (b->lt->columns, col);
  ClassSums *cs = NULL;
  YsMoney *sum;

  /* A 款 or 项 on the right side (no region prints one today) is summed directly. */
  if (!g_str_equal (side->code, "*") && strlen (side->code) != 3)
    {
      YsLayoutFilter f;
      YsMoney total = 0;

      ys_layout_filter_and (&f, &b->filters[col], side->filter);
      for (guint i = 0; i < b->ctx->line_sums->len; i++)
        {
          const YsReportLineSum *r = &g_array_index (b->ctx->line_sums, YsReportLineSum, i);
          if (g_str_has_prefix (r->func, side->code))
            total += ys_report_sum_value (r, c->measure, &f);
        }
      return total;
    }
  for (guint i = 0; i < cache->len && cs == NULL; i++)
    {
      ClassSums *k = g_ptr_array_index (cache, i);
      if (k->col == col && k->filter == side->filter)
        cs = k;
    }
  if (cs == NULL)
    {
      YsLayoutFilter f;

      cs = g_new0 (ClassSums, 1);
      cs->col = col;
      cs->filter = side->filter;
      cs->by_class = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_ptr_array_add (cache, cs);
      ys_layout_filter_and (&f, &b->filters[col], side->filter);
      if (c->measure == YS_MEASURE_INCOME)
        for (guint i = 0; i < b->ctx->income->len; i++)
          {
            YsRecord *r = g_ptr_array_index (b->ctx->income, i);
            class_sums_add (cs, ys_record_get_text (r, YS_INCOME_FUNC_CODE), ys_report_income_value (r, &f));
          }
      else
        for (guint i = 0; i < b->ctx->line_sums->len; i++)
          {
            const YsReportLineSum *r = &g_array_index (b->ctx->line_sums, YsReportLineSum, i);
            class_sums_add (cs, r->func, ys_report_sum_value (r, c->measure, &f));
          }
    }
  if (g_str_equal (side->code, "*"))
    return cs->all;
  sum = g_hash_table_lookup (cs->by_class, side->code);
  return sum ? *sum : 0;
}

static void
put_row (YsTableBuild *b, GPtrArray *cache, const Side *left, const Side *right)
{
  g_autofree char *key = g_strdup_printf ("%s|%s", left && left->label ? left->label : "",
                                          right && right->label ? right->label : "");
  YsReportRow *row = ys_report_table_add_row (b->table, key);

  row->total = (left && left->total) || (right && right->total);
  for (guint c = 0; c < b->table->n_cols; c++)
    {
      YsLayoutColumn *col = g_ptr_array_index (b->lt->columns, c);
      const Side *side = col->left ? left : right;

      if (side == NULL)
        continue;
      if (g_str_equal (col->show, "left_label") || g_str_equal (col->show, "right_label"))
        ys_report_row_set_text (row, c, side->label, side->total ? YS_CELL_BOLD | YS_CELL_CENTER : 0);
      else if (side->code == NULL)
        continue;
      else if (g_str_equal (col->show, "left_amount"))
        ys_report_put_money (b, row, c, left_amount (b, c, side));
      else if (g_str_equal (col->show, "money") && col->measure != YS_MEASURE_NONE)
        ys_report_put_money (b, row, c, col->left ? left_amount (b, c, side) : right_amount (b, cache, c, side));
    }
}

void
ys_report_build_balance (YsReportContext *ctx, const YsLayoutTable *lt, GPtrArray *out)
{
  g_autoptr(GPtrArray) left = g_ptr_array_new_with_free_func ((GDestroyNotify) side_free);
  g_autoptr(GPtrArray) right = g_ptr_array_new_with_free_func ((GDestroyNotify) side_free);
  g_autoptr(GPtrArray) foot_left = g_ptr_array_new_with_free_func ((GDestroyNotify) side_free);
  g_autoptr(GPtrArray) foot_right = g_ptr_array_new_with_free_func ((GDestroyNotify) side_free);
  g_autoptr(GPtrArray) cache = g_ptr_array_new_with_free_func ((GDestroyNotify) class_sums_free);
  YsTableBuild b;
  guint n;

  ys_report_begin (&b, ctx, lt);
  expand_left (lt->left, left);
  expand_right (ctx, lt->right, right);
  expand_left (lt->footer_left, foot_left);
  expand_left (lt->footer_right, foot_right);

  n = MAX (left->len, right->len);
  for (guint i = 0; i < n; i++)
    put_row (&b, cache, i < left->len ? g_ptr_array_index (left, i) : NULL,
             i < right->len ? g_ptr_array_index (right, i) : NULL);
  for (guint i = 0; i < foot_left->len; i++)
    put_row (&b, cache, g_ptr_array_index (foot_left, i), g_ptr_array_index (foot_right, i));

  ys_report_finish (&b, out);
  ys_report_build_clear (&b);
}
