/* Tables whose rows are classification codes: 功能分类 类/款/项 (支出表,
 * 一般公共预算支出表, 政府性基金表, 收入总表 by 功能分类) and 经济分类 类/款
 * (基本支出表, with the 政府预算经济分类 beside it where the region shows it).
 * A 类 or 款 row is the sum of the 项 (款) lines under it, never typed. */
#include "config.h"

#include <string.h>

#include "ys-report-private.h"

typedef struct {
  guint       n_cols;
  GHashTable *rows;   /* key → YsMoney[n_cols] */
  YsMoney    *total;
} Sums;

static void
sums_init (Sums *s, guint n_cols)
{
  s->n_cols = n_cols;
  s->rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  s->total = g_new0 (YsMoney, n_cols);
}

static void
sums_clear (Sums *s)
{
  g_hash_table_unref (s->rows);
  g_free (s->total);
}

static void
sums_add (Sums *s, const char *key, guint col, YsMoney v)
{
  YsMoney *row = g_hash_table_lookup (s->rows, key);

  if (row == NULL)
    {
      row = g_new0 (YsMoney, s->n_cols);
      g_hash_table_insert (s->rows, g_strdup (key), row);
    }
  row[col] += v;
}

/* Adds @v to the 类, 款 and 项 of a 7-digit code (or the 类 and 款 of a 5-digit one). */
static void
sums_add_code (Sums *s, const char *code, guint col, YsMoney v)
{
  static const guint lengths[] = { 3, 5, 7 };
  size_t len = code ? strlen (code) : 0;

  for (guint i = 0; i < G_N_ELEMENTS (lengths); i++)
    if (len >= lengths[i])
      {
        char key[8];
        memcpy (key, code, lengths[i]);
        key[lengths[i]] = '\0';
        sums_add (s, key, col, v);
      }
}

static gboolean
nonzero (const YsMoney *v, guint n)
{
  for (guint i = 0; i < n; i++)
    if (v[i] != 0)
      return TRUE;
  return FALSE;
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

static GPtrArray *
sorted_keys (GHashTable *table)
{
  GPtrArray *keys = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (keys, key);
  g_ptr_array_sort (keys, compare_strings);
  return keys;
}

static void
add_total_row (YsTableBuild *b, const YsMoney *total)
{
  const char *label = b->lt->total_label ? b->lt->total_label : "合计";
  YsReportRow *row = ys_report_table_add_row (b->table, label[0] ? label : "合计");

  row->total = TRUE;
  ys_report_row_set_text (row, ys_report_label_column (b), label, YS_CELL_BOLD | YS_CELL_CENTER);
  for (guint c = 0; c < b->table->n_cols; c++)
    if (ys_report_is_money (g_ptr_array_index (b->lt->columns, c)))
      ys_report_put_money (b, row, c, total[c]);
}

/* Rows in code order with the total first or last; the total alone (when the
 * layout wants it) if no code has a figure. */
static void
emit_rows (YsTableBuild *b, Sums *s,
           void (*fill) (YsTableBuild *b, YsReportRow *row, const char *key, const YsMoney *v))
{
  g_autoptr(GPtrArray) keys = sorted_keys (s->rows);
  gboolean any = FALSE;

  for (guint i = 0; i < keys->len; i++)
    any |= b->lt->all_codes || nonzero (g_hash_table_lookup (s->rows, g_ptr_array_index (keys, i)), s->n_cols);
  if (!b->lt->total_last && (any || b->lt->total_when_empty))
    add_total_row (b, s->total);
  for (guint i = 0; i < keys->len; i++)
    {
      const char *key = g_ptr_array_index (keys, i);
      const YsMoney *v = g_hash_table_lookup (s->rows, key);

      if (b->lt->all_codes || nonzero (v, s->n_cols))
        fill (b, ys_report_table_add_row (b->table, key), key, v);
    }
  if (b->lt->total_last && (any || b->lt->total_when_empty))
    add_total_row (b, s->total);
}

static guint
code_level (const char *code)
{
  size_t len = strlen (code);
  return len <= 3 ? 0 : len <= 5 ? 1 : 2;
}

/* ---- 功能分类 ---- */

static void
fill_function_row (YsTableBuild *b, YsReportRow *row, const char *code, const YsMoney *v)
{
  for (guint c = 0; c < b->table->n_cols; c++)
    {
      YsLayoutColumn *col = g_ptr_array_index (b->lt->columns, c);

      if (g_str_equal (col->show, "code"))
        ys_report_row_set_text (row, c, code, 0);
      else if (g_str_equal (col->show, "name"))
        {
          ys_report_row_set_text (row, c, ys_report_code_name (b->ctx->functions, code), 0);
          row->cells[c].indent = b->lt->indent ? code_level (code) : 0;
        }
      else if (ys_report_is_money (col))
        ys_report_put_money (b, row, c, v[c]);
    }
}

/* The line sums of column @col added up by their 功能分类 code first, one
 * lookup of the interned code's address each, then each code once into the
 * rows (类, 款, 项): a department's tens of thousands of sums fall under a
 * few hundred codes. A code is counted only if one of its sums is not zero,
 * as if each were added on its own. */
static void
add_by_function (Sums *s, YsReportContext *ctx, guint col, YsMeasure measure, const YsLayoutFilter *f)
{
  g_autoptr(GHashTable) by_code = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  GHashTableIter iter;
  gpointer code, sum;

  for (guint i = 0; i < ctx->line_sums->len; i++)
    {
      const YsReportLineSum *r = &g_array_index (ctx->line_sums, YsReportLineSum, i);
      YsMoney v = ys_report_sum_value (r, measure, f);
      YsMoney *at;

      if (v == 0)
        continue;
      s->total[col] += v;
      at = g_hash_table_lookup (by_code, r->func);
      if (at == NULL)
        g_hash_table_insert (by_code, (gpointer) r->func, at = g_new0 (YsMoney, 1));
      *at += v;
    }
  g_hash_table_iter_init (&iter, by_code);
  while (g_hash_table_iter_next (&iter, &code, &sum))
    sums_add_code (s, code, col, *(YsMoney *) sum);
}

void
ys_report_build_function (YsReportContext *ctx, const YsLayoutTable *lt, GPtrArray *out)
{
  YsTableBuild b;
  Sums s;

  ys_report_begin (&b, ctx, lt);
  sums_init (&s, b.table->n_cols);
  /* 山西 lists every code of the department, even in a table without figures. */
  if (lt->all_codes)
    {
      g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

      for (guint i = 0; i < ctx->line_sums->len; i++)
        {
          const char *code = g_array_index (ctx->line_sums, YsReportLineSum, i).func;
          if (g_hash_table_add (seen, (gpointer) code))
            sums_add_code (&s, code, 0, 0);
        }
    }
  for (guint c = 0; c < b.table->n_cols; c++)
    {
      YsLayoutColumn *col = g_ptr_array_index (lt->columns, c);

      if (!ys_report_is_money (col) || col->measure == YS_MEASURE_NONE)
        continue;
      if (col->measure == YS_MEASURE_INCOME)
        {
          /* Income without a 功能分类 code still counts in the total. */
          for (guint i = 0; i < ctx->income->len; i++)
            {
              YsRecord *r = g_ptr_array_index (ctx->income, i);
              YsMoney v = ys_report_income_value (r, &b.filters[c]);
              s.total[c] += v;
              if (v)
                sums_add_code (&s, ys_record_get_text (r, YS_INCOME_FUNC_CODE), c, v);
            }
          continue;
        }
      add_by_function (&s, ctx, c, col->measure, &b.filters[c]);
    }
  emit_rows (&b, &s, fill_function_row);
  sums_clear (&s);
  ys_report_finish (&b, out);
  ys_report_build_clear (&b);
}

/* ---- 经济分类 ---- */

static void
fill_economic_row (YsTableBuild *b, YsReportRow *row, const char *key, const YsMoney *v)
{
  const char *slash = strchr (key, '/');
  g_autofree char *code = slash ? g_strndup (key, slash - key) : g_strdup (key);
  const char *gov = slash ? slash + 1 : "";

  for (guint c = 0; c < b->table->n_cols; c++)
    {
      YsLayoutColumn *col = g_ptr_array_index (b->lt->columns, c);

      if (g_str_equal (col->show, "code"))
        ys_report_row_set_text (row, c, code, 0);
      else if (g_str_equal (col->show, "name"))
        {
          ys_report_row_set_text (row, c, ys_report_code_name (b->ctx->econ_dept, code), 0);
          row->cells[c].indent = b->lt->indent ? code_level (code) : 0;
        }
      else if (g_str_equal (col->show, "gov_code"))
        ys_report_row_set_text (row, c, gov, 0);
      else if (g_str_equal (col->show, "gov_name"))
        ys_report_row_set_text (row, c, *gov ? ys_report_code_name (b->ctx->econ_gov, gov) : "", 0);
      else if (ys_report_is_money (col))
        ys_report_put_money (b, row, c, v[c]);
    }
}

void
ys_report_build_economic (YsReportContext *ctx, const YsLayoutTable *lt, GPtrArray *out)
{
  YsTableBuild b;
  Sums s;

  ys_report_begin (&b, ctx, lt);
  sums_init (&s, b.table->n_cols);
  for (guint c = 0; c < b.table->n_cols; c++)
    {
      YsLayoutColumn *col = g_ptr_array_index (lt->columns, c);

      if (!ys_report_is_money (col) || col->measure == YS_MEASURE_NONE || col->measure == YS_MEASURE_INCOME)
        continue;
      for (guint i = 0; i < ctx->line_sums->len; i++)
        {
          const YsReportLineSum *r = &g_array_index (ctx->line_sums, YsReportLineSum, i);
          const char *econ = r->econ;
          YsMoney v = ys_report_sum_value (r, col->measure, &b.filters[c]);
          char class_code[4];

          if (v == 0)
            continue;
          s.total[c] += v;
          g_strlcpy (class_code, econ, sizeof class_code);
          sums_add (&s, class_code, c, v);
          if (lt->gov_economic)
            {
              /* One 部门 款 can map to two 政府 款 (机关 and 事业 units): a row each. */
              g_autofree char *key = g_strdup_printf ("%s/%s", econ, ys_report_sum_gov_econ (ctx, r));
              sums_add (&s, key, c, v);
            }
          else
            sums_add (&s, econ, c, v);
        }
    }
  emit_rows (&b, &s, fill_economic_row);
  sums_clear (&s);
  ys_report_finish (&b, out);
  ys_report_build_clear (&b);
}
