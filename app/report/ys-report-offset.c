/* Transfers inside the department (内部往来抵销). A unit below the office
 * (下属单位) counts the grant of its parent as 上级补助收入 while the office
 * (本级) spends it as 对附属单位补助支出; the payment of a unit to its parent is
 * 上缴上级支出 there and 附属单位上缴收入 here. Summed over the department
 * each amount would count twice, so the department's tables leave out both
 * sides of a pair, and say so under every table they change. A side whose
 * counterpart the department does not hold is real income or expenditure
 * and stays. */
#include "config.h"

#include <string.h>

#include "ys-report-private.h"

static const char *
role_of (YsReportContext *ctx, const char *unit_code)
{
  YsRecord *unit = ys_report_unit (ctx, unit_code);

  return unit ? ys_record_get_text (unit, YS_UNIT_ROLE) : "";
}

static YsMoney
sum_income (YsReportContext *ctx, const char *source, const char *role, GPtrArray *picked)
{
  YsMoney sum = 0;

  for (guint i = 0; i < ctx->income->len; i++)
    {
      YsRecord *r = g_ptr_array_index (ctx->income, i);
      if (g_strcmp0 (ys_record_get_text (r, YS_INCOME_SOURCE), source) == 0
          && g_strcmp0 (role_of (ctx, ys_record_get_text (r, YS_INCOME_UNIT_CODE)), role) == 0)
        {
          sum += ys_record_get_int (r, YS_INCOME_AMOUNT);
          g_ptr_array_add (picked, r);
        }
    }
  return sum;
}

/* Only lines with a transfer were held aside (ys-report-sums.c). */
static YsMoney
sum_lines (YsReportContext *ctx, const char *transfer, const char *role, GPtrArray *picked)
{
  YsMoney sum = 0;

  for (guint i = 0; i < ctx->held->len; i++)
    {
      YsReportHeldLine *h = &g_array_index (ctx->held, YsReportHeldLine, i);
      if (!h->dropped && g_strcmp0 (h->transfer, transfer) == 0
          && g_strcmp0 (role_of (ctx, h->sum.owner), role) == 0)
        {
          sum += h->sum.amount;
          g_ptr_array_add (picked, h);
        }
    }
  return sum;
}

static void
drop (GPtrArray *records, GHashTable *gone)
{
  guint kept = 0;

  for (guint i = 0; i < records->len; i++)
    if (!g_hash_table_contains (gone, g_ptr_array_index (records, i)))
      records->pdata[kept++] = records->pdata[i];
  g_ptr_array_set_size (records, kept);
}

/* One pair: income of units of @income_role from @source against lines of
 * units of @line_role marked @transfer. */
static void
offset_pair (YsReportContext *ctx, const char *source, const char *income_role,
             const char *transfer, const char *line_role, YsMoney *income, YsMoney *expense)
{
  g_autoptr(GPtrArray) in = g_ptr_array_new ();
  g_autoptr(GPtrArray) out = g_ptr_array_new ();
  g_autoptr(GHashTable) gone = g_hash_table_new (NULL, NULL);

  *income = sum_income (ctx, source, income_role, in);
  *expense = sum_lines (ctx, transfer, line_role, out);
  if (*income == 0 || *expense == 0)
    {
      *income = *expense = 0;
      return;
    }
  for (guint i = 0; i < in->len; i++)
    g_hash_table_add (gone, g_ptr_array_index (in, i));
  for (guint i = 0; i < out->len; i++)
    ((YsReportHeldLine *) g_ptr_array_index (out, i))->dropped = TRUE;
  g_ptr_array_extend (ctx->offsets.income, in, NULL, NULL);
  g_ptr_array_extend (ctx->offsets.lines, out, NULL, NULL);
  drop (ctx->income, gone);
}

void
ys_report_offset (YsReportContext *ctx)
{
  YsReportOffsets *o = &ctx->offsets;

  memset (o, 0, sizeof *o);
  o->income = g_ptr_array_new ();
  o->lines = g_ptr_array_new ();
  if (ctx->unit != NULL)
    return;
  offset_pair (ctx, "上级补助收入", "下属单位", "对附属单位补助支出", "本级", &o->grant_income, &o->grant_expense);
  offset_pair (ctx, "附属单位上缴收入", "本级", "上缴上级支出", "下属单位", &o->payment_income, &o->payment_expense);
}

static char *
amount (YsMoney fen, YsMoneyUnit unit)
{
  g_autofree char *n = ys_money_format (fen, unit, TRUE);
  return g_strdup_printf ("%s%s", n, unit == YS_MONEY_WAN ? "万元" : "元");
}

/* Whether a record left out would count under the table's own filter (the
 * 财政拨款 tables, say, when the transfer was of 事业收入). */
static gboolean
touches (YsReportOffsets *o, const YsLayoutTable *lt)
{
  for (guint i = 0; i < o->income->len; i++)
    {
      YsRecord *r = g_ptr_array_index (o->income, i);

      if (ys_layout_filter_matches (&lt->filter, ys_record_get_text (r, YS_INCOME_SOURCE),
                                    ys_record_get_text (r, YS_INCOME_SUB_SOURCE),
                                    ys_record_get_int (r, YS_INCOME_CARRY_OVER)))
        return TRUE;
    }
  for (guint i = 0; i < o->lines->len; i++)
    {
      const YsReportLineSum *s = &((YsReportHeldLine *) g_ptr_array_index (o->lines, i))->sum;

      if (ys_layout_filter_matches (&lt->filter, s->source, s->sub_source, s->carry_over))
        return TRUE;
    }
  return FALSE;
}

char *
ys_report_offset_note (YsReportContext *ctx, const YsLayoutTable *lt)
{
  YsReportOffsets *o = &ctx->offsets;
  YsMoneyUnit unit = lt->unit;
  GString *note;

  if ((o->grant_income == 0 && o->payment_income == 0) || !touches (o, lt))
    return NULL;
  /* Exported tables are always in Chinese. */
  note = g_string_new ("注：本表已抵销部门内部往来：");
  if (o->grant_income != 0)
    {
      g_autofree char *a = amount (o->grant_income, unit), *b = amount (o->grant_expense, unit);
      g_string_append_printf (note, "下属单位上级补助收入%s与本级对附属单位补助支出%s", a, b);
      if (o->grant_income != o->grant_expense)
        g_string_append (note, "（两者不等，请核对）");
    }
  if (o->payment_income != 0)
    {
      g_autofree char *a = amount (o->payment_income, unit), *b = amount (o->payment_expense, unit);
      g_string_append_printf (note, "%s本级附属单位上缴收入%s与下属单位上缴上级支出%s",
                              o->grant_income != 0 ? "；" : "", a, b);
      if (o->payment_income != o->payment_expense)
        g_string_append (note, "（两者不等，请核对）");
    }
  g_string_append (note, "均未计入。");
  return g_string_free (note, FALSE);
}
