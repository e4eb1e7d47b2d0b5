/* Tables with fixed item rows or one row per record: “三公”经费 (item rows
 * summed from economic codes), 机关运行经费 (one row per unit), 项目支出表
 * (one row per project), 政府采购 and 政府购买服务 (one row per record),
 * 国有资产占用 (rows by asset category). */
#include "config.h"

#include <string.h>

#include "ys-report-private.h"

static const char *
column_show (YsTableBuild *b, guint c)
{
  return ((YsLayoutColumn *) g_ptr_array_index (b->lt->columns, c))->show;
}

static YsReportRow *
label_row (YsTableBuild *b, const char *label, gboolean total)
{
  YsReportRow *row = ys_report_table_add_row (b->table, label);

  row->total = total;
  ys_report_row_set_text (row, ys_report_label_column (b), label,
                          total ? YS_CELL_BOLD | YS_CELL_CENTER : 0);
  return row;
}

static gboolean
econ_matches (char **codes, const char *econ)
{
  if (codes == NULL)
    return TRUE;
  for (guint i = 0; codes[i]; i++)
    if (g_str_has_prefix (econ, codes[i]))
      return TRUE;
  return FALSE;
}

/* ---- “三公”经费 and other rows summed from economic codes ---- */

void
ys_report_build_econ_rows (YsReportContext *ctx, const YsLayoutTable *lt, GPtrArray *out)
{
  YsTableBuild b;

  ys_report_begin (&b, ctx, lt);
  for (guint r = 0; r < lt->rows->len; r++)
    {
      YsLayoutRow *spec = g_ptr_array_index (lt->rows, r);
      YsReportRow *row = label_row (&b, spec->label ? spec->label : "", spec->total);

      /* Item labels keep their own indentation (其中：…), so no centring. */
      if (spec->total)
        row->cells[ys_report_label_column (&b)].flags = YS_CELL_BOLD;
      if (spec->blank)
        continue;
      for (guint c = 0; c < b.table->n_cols; c++)
        {
          YsLayoutColumn *col = g_ptr_array_index (lt->columns, c);
          YsLayoutFilter f;
          YsMoney sum = 0;

          if (!ys_report_is_money (col))
            continue;
          ys_layout_filter_and (&f, &b.filters[c], &spec->filter);
          for (guint i = 0; i < ctx->line_sums->len; i++)
            {
              const YsReportLineSum *r = &g_array_index (ctx->line_sums, YsReportLineSum, i);
              if (econ_matches (spec->econ, r->econ))
                sum += ys_report_sum_value (r, col->measure, &f);
            }
          ys_report_put_money (&b, row, c, sum);
        }
    }
  ys_report_finish (&b, out);
  ys_report_build_clear (&b);
}

/* ---- 机关运行经费: one row per unit of the given types ---- */

static gboolean
unit_selected (const YsLayoutTable *lt, YsRecord *unit)
{
  return lt->unit_types == NULL
      || g_strv_contains ((const char *const *) lt->unit_types, ys_record_get_text (unit, YS_UNIT_UNIT_TYPE));
}

static YsMoney
lines_sum (YsReportContext *ctx, YsMeasure measure, const YsLayoutFilter *f,
           const char *unit_code, const char *project_code)
{
  GArray *sums = project_code ? ys_report_sums_of_project (ctx, project_code)
               : unit_code ? ys_report_sums_of_unit (ctx, unit_code)
               : ctx->line_sums;
  YsMoney sum = 0;

  for (guint i = 0; i < sums->len; i++)
    sum += ys_report_sum_value (&g_array_index (sums, YsReportLineSum, i), measure, f);
  return sum;
}

void
ys_report_build_units (YsReportContext *ctx, const YsLayoutTable *lt, GPtrArray *out)
{
  YsTableBuild b;
  guint n_cols;
  g_autofree YsMoney *total = NULL;
  g_autofree YsMoney *v = NULL;
  GPtrArray *rows = g_ptr_array_new ();
  YsReportRow *total_row = NULL;

  ys_report_begin (&b, ctx, lt);
  n_cols = b.table->n_cols;
  total = g_new0 (YsMoney, n_cols);
  v = g_new0 (YsMoney, n_cols);
  if (!lt->total_last)
    total_row = label_row (&b, lt->total_label ? lt->total_label : "合计", TRUE);
  for (guint u = 0; u < ctx->units->len; u++)
    {
      YsRecord *unit = g_ptr_array_index (ctx->units, u);
      const char *code = ys_record_get_text (unit, YS_UNIT_CODE);
      gboolean any = FALSE;
      YsReportRow *row;

      if (!unit_selected (lt, unit))
        continue;
      for (guint c = 0; c < n_cols; c++)
        {
          YsLayoutColumn *col = g_ptr_array_index (lt->columns, c);
          v[c] = ys_report_is_money (col) ? lines_sum (ctx, col->measure, &b.filters[c], code, NULL) : 0;
          any |= v[c] != 0;
        }
      if (!any)
        continue;
      row = ys_report_table_add_row (b.table, code);
      g_ptr_array_add (rows, row);
      for (guint c = 0; c < n_cols; c++)
        {
          const char *show = column_show (&b, c);
          if (g_str_equal (show, "label"))
            ys_report_row_set_text (row, c, ys_record_get_text (unit, YS_UNIT_NAME), 0);
          else if (g_str_equal (show, "code"))
            ys_report_row_set_text (row, c, code, 0);
          else if (ys_report_is_money (g_ptr_array_index (lt->columns, c)))
            {
              ys_report_put_money (&b, row, c, v[c]);
              total[c] += v[c];
            }
        }
    }
  if (lt->total_last)
    total_row = label_row (&b, lt->total_label ? lt->total_label : "合计", TRUE);
  if (rows->len == 0 && !lt->total_when_empty)
    g_ptr_array_remove (b.table->rows, total_row);
  else
    for (guint c = 0; c < n_cols; c++)
      if (ys_report_is_money (g_ptr_array_index (lt->columns, c)))
        ys_report_put_money (&b, total_row, c, total[c]);
  g_ptr_array_unref (rows);
  ys_report_finish (&b, out);
  ys_report_build_clear (&b);
}

/* ---- 项目支出表: one row per project ---- */

static void
add_sums (YsTableBuild *b, YsReportRow *row, const YsMoney *v)
{
  for (guint c = 0; c < b->table->n_cols; c++)
    if (ys_report_is_money (g_ptr_array_index (b->lt->columns, c)))
      ys_report_put_money (b, row, c, v[c]);
}

static const char *
unit_name_of (YsReportContext *ctx, const char *code)
{
  YsRecord *unit = ys_report_unit (ctx, code);
  return unit ? ys_record_get_text (unit, YS_UNIT_NAME) : code;
}

void
ys_report_build_projects (YsReportContext *ctx, const YsLayoutTable *lt, GPtrArray *out)
{
  YsTableBuild b;
  guint n_cols;
  g_autofree YsMoney *total = NULL, *sub = NULL, *v = NULL;
  YsReportRow *total_row = NULL;
  guint n_projects = 0;

  ys_report_begin (&b, ctx, lt);
  n_cols = b.table->n_cols;
  total = g_new0 (YsMoney, n_cols);
  sub = g_new0 (YsMoney, n_cols);
  v = g_new0 (YsMoney, n_cols);
  if (lt->total_label && !lt->total_last)
    total_row = label_row (&b, lt->total_label, TRUE);

  for (guint u = 0; u < ctx->units->len; u++)
    {
      YsRecord *unit = g_ptr_array_index (ctx->units, u);
      const char *unit_code = ys_record_get_text (unit, YS_UNIT_CODE);
      YsReportRow *sub_row = NULL;

      memset (sub, 0, n_cols * sizeof *sub);
      for (guint p = 0; p < ctx->projects->len; p++)
        {
          YsRecord *project = g_ptr_array_index (ctx->projects, p);
          const char *code = ys_record_get_text (project, YS_PROJECT_CODE);
          gboolean any = FALSE;
          YsReportRow *row;

          if (g_strcmp0 (ys_record_get_text (project, YS_PROJECT_UNIT_CODE), unit_code) != 0)
            continue;
          for (guint c = 0; c < n_cols; c++)
            {
              YsLayoutColumn *col = g_ptr_array_index (lt->columns, c);
              v[c] = ys_report_is_money (col) ? lines_sum (ctx, col->measure, &b.filters[c], NULL, code) : 0;
              any |= v[c] != 0;
            }
          if (!any)
            continue;
          if (lt->subtotal_label && sub_row == NULL)
            {
              g_autofree char *label = NULL;

              ctx->unit_hint = unit_code;
              label = ys_report_expand (ctx, lt->subtotal_label, NULL);
              ctx->unit_hint = NULL;
              sub_row = label_row (&b, label, TRUE);
            }
          row = ys_report_table_add_row (b.table, code);
          n_projects++;
          for (guint c = 0; c < n_cols; c++)
            {
              const char *show = column_show (&b, c);
              if (g_str_equal (show, "label") || g_str_equal (show, "project_name"))
                ys_report_row_set_text (row, c, ys_record_get_text (project, YS_PROJECT_NAME), 0);
              else if (g_str_equal (show, "project_code"))
                ys_report_row_set_text (row, c, code, 0);
              else if (g_str_equal (show, "unit_name"))
                ys_report_row_set_text (row, c, ys_record_get_text (unit, YS_UNIT_NAME), 0);
              sub[c] += v[c];
              total[c] += v[c];
            }
          add_sums (&b, row, v);
        }
      if (sub_row)
        add_sums (&b, sub_row, sub);
    }
  if (lt->total_label && lt->total_last)
    total_row = label_row (&b, lt->total_label, TRUE);
  if (total_row && n_projects == 0 && !lt->total_when_empty)
    g_ptr_array_remove (b.table->rows, total_row);
  else if (total_row)
    add_sums (&b, total_row, total);
  ys_report_finish (&b, out);
  ys_report_build_clear (&b);
}

/* ---- 政府采购 and 政府购买服务: one row per record ---- */

typedef struct {
  const YsKind *kind;
  int unit_field, project_field, source_field, amount_field;
} RecordKind;

static void
fill_record_row (YsTableBuild *b, YsReportRow *row, YsRecord *r, const RecordKind *rk, YsMoney *sum)
{
  YsReportContext *ctx = b->ctx;
  YsRecord *project = ys_report_project (ctx, ys_record_get_text (r, rk->project_field));

  for (guint c = 0; c < b->table->n_cols; c++)
    {
      YsLayoutColumn *col = g_ptr_array_index (b->lt->columns, c);
      const char *show = col->show;
      int field;

      if (ys_report_is_money (col))
        {
          YsMoney v = 0;
          if (col->measure != YS_MEASURE_NONE
              && ys_layout_filter_matches (&b->filters[c], ys_record_get_text (r, rk->source_field), NULL, FALSE))
            v = ys_record_get_int (r, rk->amount_field);
          ys_report_put_money (b, row, c, v);
          sum[c] += v;
        }
      else if (g_str_equal (show, "unit_name"))
        ys_report_row_set_text (row, c, unit_name_of (ctx, ys_record_get_text (r, rk->unit_field)), 0);
      else if (g_str_equal (show, "project_name"))
        ys_report_row_set_text (row, c, project ? ys_record_get_text (project, YS_PROJECT_NAME) : "", 0);
      else if (g_str_equal (show, "project_amount"))
        {
          if (project)
            ys_report_put_money (b, row, c, lines_sum (ctx, YS_MEASURE_TOTAL, &b->lt->filter, NULL,
                                                       ys_record_get_text (project, YS_PROJECT_CODE)));
        }
      else if (g_str_equal (show, "label"))
        {
          g_autofree char *label = project
            ? g_strdup_printf ("%s／%s", ys_record_get_text (project, YS_PROJECT_NAME),
                               ys_record_get_text (r, YS_PROCUREMENT_ITEM_NAME))
            : g_strdup (ys_record_get_text (r, YS_PROCUREMENT_ITEM_NAME));
          ys_report_row_set_text (row, c, label, 0);
          row->cells[c].indent = 1;
        }
      else if ((field = ys_kind_find_field (rk->kind, show)) >= 0)
        {
          const YsField *f = &rk->kind->fields[field];
          if (f->type == YS_FIELD_MONEY)
            {
              YsMoney v = ys_record_get_int (r, field);
              ys_report_put_money (b, row, c, v);
              /* A unit price does not add up; a reserved share does. */
              if (!g_str_equal (show, "unit_price"))
                sum[c] += v;
            }
          else if (f->type == YS_FIELD_INT)
            ys_report_row_set_number (row, c, ys_record_get_int (r, field), 0);
          else
            ys_report_row_set_text (row, c, ys_record_get_text (r, field), 0);
        }
    }
}

static void
put_sums (YsTableBuild *b, YsReportRow *row, const YsMoney *sum)
{
  for (guint c = 0; c < b->table->n_cols; c++)
    {
      YsLayoutColumn *col = g_ptr_array_index (b->lt->columns, c);
      if (ys_report_is_money (col) || g_str_equal (col->show, "sme_reserved"))
        ys_report_put_money (b, row, c, sum[c]);
    }
}

static void
build_records (YsReportContext *ctx, const YsLayoutTable *lt, GPtrArray *records,
               const RecordKind *rk, GPtrArray *out)
{
  YsTableBuild b;
  guint n_cols;
  g_autofree YsMoney *total = NULL, *sub = NULL;
  YsReportRow *total_row = NULL;

  ys_report_begin (&b, ctx, lt);
  n_cols = b.table->n_cols;
  total = g_new0 (YsMoney, n_cols);
  sub = g_new0 (YsMoney, n_cols);
  if (lt->total_label && !lt->total_last && (records->len > 0 || lt->total_when_empty))
    total_row = label_row (&b, lt->total_label, TRUE);

  for (guint u = 0; u < ctx->units->len; u++)
    {
      const char *unit_code = ys_record_get_text (g_ptr_array_index (ctx->units, u), YS_UNIT_CODE);
      YsReportRow *sub_row = NULL;

      memset (sub, 0, n_cols * sizeof *sub);
      for (guint i = 0; i < records->len; i++)
        {
          YsRecord *r = g_ptr_array_index (records, i);
          YsReportRow *row;

          if (g_strcmp0 (ys_record_get_text (r, rk->unit_field), unit_code) != 0)
            continue;
          if (lt->subtotal_label && sub_row == NULL)
            {
              g_autofree char *label = NULL;

              ctx->unit_hint = unit_code;
              label = ys_report_expand (ctx, lt->subtotal_label, NULL);
              ctx->unit_hint = NULL;
              sub_row = label_row (&b, label, TRUE);
            }
          row = ys_report_table_add_row (b.table, ys_record_get_text (r, rk->project_field));
          fill_record_row (&b, row, r, rk, sub);
        }
      if (sub_row)
        put_sums (&b, sub_row, sub);
      for (guint c = 0; c < n_cols; c++)
        total[c] += sub[c];
    }
  if (lt->total_label && lt->total_last && (records->len > 0 || lt->total_when_empty))
    total_row = label_row (&b, lt->total_label, TRUE);
  if (total_row)
    put_sums (&b, total_row, total);
  ys_report_finish (&b, out);
  ys_report_build_clear (&b);
}

void
ys_report_build_procurement (YsReportContext *ctx, const YsLayoutTable *lt, GPtrArray *out)
{
  static const RecordKind rk = {
    &ys_procurement_kind, YS_PROCUREMENT_UNIT_CODE, YS_PROCUREMENT_PROJECT_CODE,
    YS_PROCUREMENT_SOURCE, YS_PROCUREMENT_AMOUNT,
  };
  build_records (ctx, lt, ctx->procurement, &rk, out);
}

void
ys_report_build_services (YsReportContext *ctx, const YsLayoutTable *lt, GPtrArray *out)
{
  static const RecordKind rk = {
    &ys_service_kind, YS_SERVICE_UNIT_CODE, YS_SERVICE_PROJECT_CODE,
    YS_SERVICE_SOURCE, YS_SERVICE_AMOUNT,
  };
  build_records (ctx, lt, ctx->services, &rk, out);
}

/* ---- 国有资产占用: rows by category ---- */

void
ys_report_build_assets (YsReportContext *ctx, const YsLayoutTable *lt, GPtrArray *out)
{
  YsTableBuild b;

  ys_report_begin (&b, ctx, lt);
  for (guint r = 0; r < lt->rows->len; r++)
    {
      YsLayoutRow *spec = g_ptr_array_index (lt->rows, r);
      YsReportRow *row = label_row (&b, spec->label ? spec->label : "", spec->total);
      gboolean all = g_strcmp0 (spec->category, "*") == 0;
      gint64 quantity = 0, planned_quantity = 0;
      YsMoney value = 0, planned_amount = 0;

      row->cells[ys_report_label_column (&b)].flags = spec->total ? YS_CELL_BOLD : 0;
      if (spec->blank || spec->category == NULL)
        continue;
      for (guint i = 0; i < ctx->assets->len; i++)
        {
          YsRecord *a = g_ptr_array_index (ctx->assets, i);
          if (!all && g_strcmp0 (ys_record_get_text (a, YS_ASSET_CATEGORY), spec->category) != 0)
            continue;
          if (spec->name && g_strcmp0 (ys_record_get_text (a, YS_ASSET_NAME), spec->name) != 0)
            continue;
          quantity += ys_record_get_int (a, YS_ASSET_QUANTITY);
          planned_quantity += ys_record_get_int (a, YS_ASSET_PLANNED_QUANTITY);
          value += ys_record_get_int (a, YS_ASSET_VALUE);
          planned_amount += ys_record_get_int (a, YS_ASSET_PLANNED_AMOUNT);
        }
      for (guint c = 0; c < b.table->n_cols; c++)
        {
          const char *show = column_show (&b, c);
          /* Square metres and vehicles do not add up: the total row shows value only. */
          if (g_str_equal (show, "quantity") && !all)
            ys_report_row_set_number (row, c, quantity, 0);
          else if (g_str_equal (show, "planned_quantity") && !all)
            ys_report_row_set_number (row, c, planned_quantity, 0);
          else if (g_str_equal (show, "value"))
            ys_report_put_money (&b, row, c, value);
          else if (g_str_equal (show, "planned_amount"))
            ys_report_put_money (&b, row, c, planned_amount);
        }
    }
  ys_report_finish (&b, out);
  ys_report_build_clear (&b);
}
