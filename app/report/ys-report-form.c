/* 项目支出绩效目标表: one form per project. The layout draws the form as a
 * grid of cells with spans (项目名称, 项目资金, 总体目标 …) and one indicator
 * block, where the 实施期 and 年度 indicators stand side by side, aligned by
 * their 一级/二级 indicator. */
#include "config.h"

#include <string.h>

#include "ys-report-private.h"

static YsMoney
fund (YsReportContext *ctx, YsRecord *p, const char *name)
{
  static const struct {
    const char *name;
    int fields[5];
  } funds[] = {
    { "period_total", { YS_PROJECT_PERIOD_CENTRAL, YS_PROJECT_PERIOD_PROVINCIAL, YS_PROJECT_PERIOD_LOCAL, YS_PROJECT_PERIOD_SELF, YS_PROJECT_PERIOD_OTHER } },
    { "period_fiscal", { YS_PROJECT_PERIOD_CENTRAL, YS_PROJECT_PERIOD_PROVINCIAL, YS_PROJECT_PERIOD_LOCAL, -1, -1 } },
    { "period_nonfiscal", { YS_PROJECT_PERIOD_SELF, YS_PROJECT_PERIOD_OTHER, -1, -1, -1 } },
    { "period_central", { YS_PROJECT_PERIOD_CENTRAL, -1, -1, -1, -1 } },
    { "period_provincial", { YS_PROJECT_PERIOD_PROVINCIAL, -1, -1, -1, -1 } },
    { "period_local", { YS_PROJECT_PERIOD_LOCAL, -1, -1, -1, -1 } },
    { "period_self", { YS_PROJECT_PERIOD_SELF, -1, -1, -1, -1 } },
    { "period_other", { YS_PROJECT_PERIOD_OTHER, -1, -1, -1, -1 } },
    { "annual_total", { YS_PROJECT_ANNUAL_CENTRAL, YS_PROJECT_ANNUAL_PROVINCIAL, YS_PROJECT_ANNUAL_LOCAL, YS_PROJECT_ANNUAL_SELF, YS_PROJECT_ANNUAL_OTHER } },
    { "annual_fiscal", { YS_PROJECT_ANNUAL_CENTRAL, YS_PROJECT_ANNUAL_PROVINCIAL, YS_PROJECT_ANNUAL_LOCAL, -1, -1 } },
    { "annual_nonfiscal", { YS_PROJECT_ANNUAL_SELF, YS_PROJECT_ANNUAL_OTHER, -1, -1, -1 } },
    { "annual_central", { YS_PROJECT_ANNUAL_CENTRAL, -1, -1, -1, -1 } },
    { "annual_provincial", { YS_PROJECT_ANNUAL_PROVINCIAL, -1, -1, -1, -1 } },
    { "annual_local", { YS_PROJECT_ANNUAL_LOCAL, -1, -1, -1, -1 } },
    { "annual_self", { YS_PROJECT_ANNUAL_SELF, -1, -1, -1, -1 } },
    { "annual_other", { YS_PROJECT_ANNUAL_OTHER, -1, -1, -1, -1 } },
  };
  YsMoney sum = 0;

  /* The project's line items, or those of them carried over from last year (上年结转). */
  if (g_str_equal (name, "lines_total") || g_str_equal (name, "lines_carry_over"))
    {
      GArray *sums = ys_report_sums_of_project (ctx, ys_record_get_text (p, YS_PROJECT_CODE));
      gboolean carried = g_str_equal (name, "lines_carry_over");

      for (guint i = 0; i < sums->len; i++)
        if (!carried || g_array_index (sums, YsReportLineSum, i).carry_over)
          sum += g_array_index (sums, YsReportLineSum, i).amount;
      return sum;
    }
  for (guint i = 0; i < G_N_ELEMENTS (funds); i++)
    if (g_str_equal (funds[i].name, name))
      for (guint k = 0; k < 5 && funds[i].fields[k] >= 0; k++)
        sum += ys_record_get_int (p, funds[i].fields[k]);
  return sum;
}

/* "≥95%", "220万元", "及时": operator, value and unit as the forms print them. */
static char *
indicator_value (YsRecord *ind)
{
  const char *op = ys_record_get_text (ind, YS_INDICATOR_OPERATOR);
  const char *value = ys_record_get_text (ind, YS_INDICATOR_VALUE);
  const char *measure = ys_record_get_text (ind, YS_INDICATOR_MEASURE);

  if (op == NULL || g_str_equal (op, "定性"))
    op = "";
  if ((value == NULL || *value == '\0') && (measure == NULL || *measure == '\0'))
    return g_strdup ("");
  return g_strconcat (op, value ? value : "", measure ? measure : "", NULL);
}

static char *
indicator_field (YsRecord *ind, const char *column)
{
  static const struct { const char *name; int field; } fields[] = {
    { "level2", YS_INDICATOR_LEVEL2 }, { "name", YS_INDICATOR_NAME },
    { "description", YS_INDICATOR_DESCRIPTION }, { "basis", YS_INDICATOR_BASIS },
    { "operator", YS_INDICATOR_OPERATOR }, { "measure", YS_INDICATOR_MEASURE },
    { "weight", YS_INDICATOR_WEIGHT },
  };

  if (ind == NULL)
    return g_strdup ("");
  if (g_str_equal (column, "value"))
    return indicator_value (ind);
  /* Most forms repeat the 三级指标 as its description when none is given. */
  if (g_str_equal (column, "description") && *ys_record_get_text (ind, YS_INDICATOR_DESCRIPTION) == '\0')
    return g_strdup (ys_record_get_text (ind, YS_INDICATOR_NAME));
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_str_equal (fields[i].name, column))
      {
        if (fields[i].field == YS_INDICATOR_WEIGHT && ys_record_get_int (ind, YS_INDICATOR_WEIGHT) == 0)
          return g_strdup ("");
        return ys_record_format (ind, fields[i].field);
      }
  return g_strdup ("");
}

static int
compare_seq (gconstpointer a, gconstpointer b)
{
  gint64 x = ys_record_get_int (*(YsRecord **) a, YS_INDICATOR_SEQ);
  gint64 y = ys_record_get_int (*(YsRecord **) b, YS_INDICATOR_SEQ);
  return x < y ? -1 : x > y;
}

/* The indicators of one project and set, in their order. */
static GPtrArray *
indicators_of (YsReportContext *ctx, const char *project, const char *set)
{
  GPtrArray *all = ys_report_indicators_of_project (ctx, project);
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; i < all->len; i++)
    {
      YsRecord *ind = g_ptr_array_index (all, i);
      if (g_strcmp0 (ys_record_get_text (ind, YS_INDICATOR_GOAL_SET), set) == 0)
        g_ptr_array_add (out, ind);
    }
  g_ptr_array_sort (out, compare_seq);
  return out;
}

static char *
group_key (YsRecord *ind)
{
  return g_strdup_printf ("%s\x1f%s", ys_record_get_text (ind, YS_INDICATOR_LEVEL1),
                          ys_record_get_text (ind, YS_INDICATOR_LEVEL2));
}

/* Merges runs of rows from @first to @last in column @col: rows with the same
 * text (一级指标), or with @by_group the rows of one (一级, 二级) group, whose
 * later rows may be blank where a set has fewer indicators. */
static void
merge_runs (YsReportTable *t, guint first, guint last, guint col, gboolean by_group)
{
  guint start = first;

  for (guint r = first + 1; r <= last + 1; r++)
    {
      YsReportRow *a = g_ptr_array_index (t->rows, start);
      YsReportRow *b = r <= last ? g_ptr_array_index (t->rows, r) : NULL;
      gboolean same = b != NULL
        && (by_group ? g_str_equal (a->key, b->key) : g_strcmp0 (a->cells[col].text, b->cells[col].text) == 0);

      if (same)
        continue;
      if (r - 1 > start && a->cells[col].text && *a->cells[col].text)
        {
          ys_report_table_merge (t, FALSE, start, col, r - 1, col);
          /* Only the first cell of a merged range is kept by spreadsheets. */
          for (guint k = start + 1; k < r; k++)
            ys_report_row_set_text (g_ptr_array_index (t->rows, k), col, NULL, 0);
        }
      start = r;
    }
}

static void
build_indicators (YsTableBuild *b, YsRecord *project, const YsLayoutIndicators *ind)
{
  YsReportTable *t = b->table;
  const char *code = ys_record_get_text (project, YS_PROJECT_CODE);
  guint n_sets = g_strv_length (ind->sets), n_fields = g_strv_length (ind->columns);
  guint base = ind->label ? 1 : 0;          /* column of 一级指标 */
  g_autoptr(GPtrArray) sets = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func (g_free);
  guint first_row = t->rows->len, body_first;
  YsReportRow *row;

  row = ys_report_table_add_row (t, "指标");
  for (guint i = 0; ind->header[i]; i++)
    ys_report_row_set_text (row, base + i, ind->header[i], YS_CELL_BOLD | YS_CELL_CENTER);
  if (ind->label)
    ys_report_row_set_text (row, 0, ind->label, YS_CELL_BOLD | YS_CELL_CENTER);
  body_first = t->rows->len;

  /* Groups (一级, 二级) in the order they first appear in any set. */
  for (guint s = 0; s < n_sets; s++)
    {
      GPtrArray *list = indicators_of (b->ctx, code, ind->sets[s]);
      g_ptr_array_add (sets, list);
      for (guint i = 0; i < list->len; i++)
        {
          char *key = group_key (g_ptr_array_index (list, i));
          gboolean seen = FALSE;
          for (guint g = 0; g < groups->len && !seen; g++)
            seen = g_str_equal (g_ptr_array_index (groups, g), key);
          if (seen)
            g_free (key);
          else
            g_ptr_array_add (groups, key);
        }
    }
  /* Keep a group's 一级 together even if another set introduced it later. */
  for (guint g = 0; g < groups->len; g++)
    {
      const char *key = g_ptr_array_index (groups, g);
      const char *sep = strchr (key, '\x1f');
      for (guint h = g + 2; h < groups->len; h++)
        {
          const char *other = g_ptr_array_index (groups, h);
          if (strncmp (other, key, sep - key + 1) == 0
              && strncmp (g_ptr_array_index (groups, g + 1), key, sep - key + 1) != 0)
            {
              gpointer moved = g_ptr_array_steal_index (groups, h);
              g_ptr_array_insert (groups, g + 1, moved);
              break;
            }
        }
    }

  for (guint g = 0; g < groups->len; g++)
    {
      const char *key = g_ptr_array_index (groups, g);
      g_autofree char *level1 = g_strndup (key, strchr (key, '\x1f') - key);
      guint n_rows = 0;
      g_autofree guint *taken = g_new0 (guint, n_sets);

      for (guint s = 0; s < n_sets; s++)
        {
          GPtrArray *list = g_ptr_array_index (sets, s);
          guint count = 0;
          for (guint i = 0; i < list->len; i++)
            {
              g_autofree char *k = group_key (g_ptr_array_index (list, i));
              count += g_str_equal (k, key);
            }
          n_rows = MAX (n_rows, count);
        }
      for (guint r = 0; r < n_rows; r++)
        {
          row = ys_report_table_add_row (t, key);
          ys_report_row_set_text (row, base, level1, YS_CELL_CENTER);
          for (guint s = 0; s < n_sets; s++)
            {
              GPtrArray *list = g_ptr_array_index (sets, s);
              YsRecord *found = NULL;

              /* The next indicator of this group in this set. */
              for (guint i = taken[s]; i < list->len && found == NULL; i++)
                {
                  g_autofree char *k = group_key (g_ptr_array_index (list, i));
                  if (g_str_equal (k, key))
                    {
                      found = g_ptr_array_index (list, i);
                      taken[s] = i + 1;
                    }
                }
              for (guint f = 0; f < n_fields; f++)
                {
                  g_autofree char *text = indicator_field (found, ind->columns[f]);
                  guint flags = g_str_equal (ind->columns[f], "level2") ? YS_CELL_CENTER : YS_CELL_LEFT_WRAP;
                  ys_report_row_set_text (row, base + 1 + s * n_fields + f, text, flags);
                }
            }
        }
    }
  for (guint r = groups->len == 0 ? 0 : ind->min_rows; r < ind->min_rows; r++)
    ys_report_table_add_row (t, "");

  if (t->rows->len > body_first)
    {
      guint last = t->rows->len - 1;
      for (guint s = 0; s < n_sets; s++)
        for (guint f = 0; f < n_fields; f++)
          if (g_str_equal (ind->columns[f], "level2"))
            merge_runs (t, body_first, last, base + 1 + s * n_fields + f, TRUE);
      merge_runs (t, body_first, last, base, FALSE);
    }
  if (ind->label && t->rows->len - 1 > first_row)
    ys_report_table_merge (t, FALSE, first_row, 0, t->rows->len - 1, 0);
}

static void
build_form (YsTableBuild *b, YsRecord *project)
{
  const YsLayoutTable *lt = b->lt;
  YsReportTable *t = b->table;
  g_autofree guint *busy = g_new0 (guint, t->n_cols);

  for (guint r = 0; r < lt->form->len; r++)
    {
      YsLayoutFormRow *fr = g_ptr_array_index (lt->form, r);
      YsReportRow *row;
      guint col = 0, at;

      if (fr->indicators)
        {
          build_indicators (b, project, fr->indicators);
          continue;
        }
      at = t->rows->len;
      row = ys_report_table_add_row (t, "");
      for (guint i = 0; i < fr->cells->len; i++)
        {
          YsLayoutFormCell *cell = g_ptr_array_index (fr->cells, i);

          while (col < t->n_cols && busy[col] > 0)
            col++;
          if (col >= t->n_cols)
            break;
          if (cell->money)
            ys_report_row_set_money (row, col, fund (b->ctx, project, cell->money),
                                     (cell->show_zero ? YS_CELL_SHOW_ZERO : 0) | (cell->bold ? YS_CELL_BOLD : 0));
          else if (cell->text)
            {
              g_autofree char *text = ys_report_expand (b->ctx, cell->text, project);
              /* Labels are the layout's own words; filled-in values are the project's. */
              gboolean label = strchr (cell->text, '{') == NULL;
              guint flags = (cell->bold ? YS_CELL_BOLD : 0)
                          | (cell->center || (label && !cell->bold) ? YS_CELL_CENTER : 0)
                          | (label ? 0 : YS_CELL_LEFT_WRAP);
              ys_report_row_set_text (row, col, text, cell->center ? (flags & ~YS_CELL_LEFT_WRAP) : flags);
            }
          ys_report_table_merge (t, FALSE, at, col, at + cell->rows - 1, col + cell->span - 1);
          for (guint c = col; c < col + cell->span && c < t->n_cols; c++)
            busy[c] = cell->rows;
          col += cell->span;
        }
      for (guint c = 0; c < t->n_cols; c++)
        if (busy[c] > 0)
          busy[c]--;
    }
}

void
ys_report_build_performance (YsReportContext *ctx, const YsLayoutTable *lt, GPtrArray *out)
{
  for (guint p = 0; p < ctx->projects->len; p++)
    {
      YsRecord *project = g_ptr_array_index (ctx->projects, p);
      YsTableBuild b;

      ctx->form_index = p + 1;
      ys_report_begin (&b, ctx, lt);
      ys_report_begin_project (&b, project);
      {
        /* Each form is its own table: its id names the project. */
        g_autofree char *id = g_strdup_printf ("%s:%s", lt->id, ys_record_get_text (project, YS_PROJECT_CODE));
        g_free (b.table->id);
        b.table->id = g_steal_pointer (&id);
      }
      build_form (&b, project);
      ys_report_finish (&b, out);
      ys_report_build_clear (&b);
    }
  ctx->form_index = 0;
}
