/* Family 6, completeness and sanity (repeated lines): a line that repeats
 * another in every classification and in amount is usually typed twice; lines
 * that share every classification but differ in amount are printed as one
 * row, which the accountant should know. Both sort a unit's lines by
 * classification, amount and id, so that equal lines sit together and the
 * first of them is the oldest whatever order the lines came in. */
#include "config.h"

#include "ys-i18n-private.h"
#include <string.h>

#include "ys-kinds.h"
#include "ys-rule.h"

/* The fields that classify a line, read once per check. */
enum { F_FUNC, F_ECON, F_GOV, F_KIND, F_PROJECT, F_SOURCE, F_SUB, N_TEXTS };

static const guint text_fields[N_TEXTS] = {
  YS_LINE_FUNC_CODE, YS_LINE_ECON_CODE, YS_LINE_GOV_ECON_CODE, YS_LINE_KIND,
  YS_LINE_PROJECT_CODE, YS_LINE_SOURCE, YS_LINE_SUB_SOURCE,
};

typedef struct
{
  YsRecord   *line;
  const char *text[N_TEXTS];
  gint64      carry_over;
  YsMoney     amount;
  gint64      id;
} Row;

static int
compare_class (const Row *a, const Row *b)
{
  for (guint i = 0; i < N_TEXTS; i++)
    {
      int c = strcmp (a->text[i], b->text[i]);
      if (c != 0)
        return c;
    }
  return a->carry_over < b->carry_over ? -1 : a->carry_over > b->carry_over;
}

static int
compare_rows (gconstpointer pa, gconstpointer pb)
{
  const Row *a = pa, *b = pb;
  int c = compare_class (a, b);

  if (c != 0)
    return c;
  if (a->amount != b->amount)
    return a->amount < b->amount ? -1 : 1;
  return a->id < b->id ? -1 : a->id > b->id;
}

static gpointer
sort_rows (YsGroup *unit)
{
  GPtrArray *lines = ys_group_get_records (unit, &ys_line_kind);
  GArray *rows = g_array_sized_new (FALSE, FALSE, sizeof (Row), lines->len);

  for (guint i = 0; i < lines->len; i++)
    {
      Row row;

      row.line = g_ptr_array_index (lines, i);
      for (guint t = 0; t < N_TEXTS; t++)
        row.text[t] = ys_rule_text (row.line, text_fields[t]);
      row.carry_over = ys_rule_int (row.line, YS_LINE_CARRY_OVER);
      row.amount = ys_rule_int (row.line, YS_LINE_AMOUNT);
      row.id = ys_record_get_id (row.line);
      g_array_append_val (rows, row);
    }
  g_array_sort (rows, compare_rows);
  return rows;
}

/* Both rules of this file read the same sorted rows: sorted once per unit. */
static GArray *
sorted_rows (YsRuleContext *ctx, YsGroup *unit)
{
  return ys_rule_context_share (ctx, unit, "sorted-lines", sort_rows, (GDestroyNotify) g_array_unref);
}

static char *
row_facts (const Row *row)
{
  return g_strdup_printf ("%s|%s|%s|%s|%s|%s|%s|%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT,
                          row->text[F_FUNC], row->text[F_ECON], row->text[F_GOV], row->text[F_KIND],
                          row->text[F_PROJECT], row->text[F_SOURCE], row->text[F_SUB],
                          row->carry_over, row->amount);
}

static void
check_repeats (YsRuleContext *ctx, YsGroup *unit)
{
  GArray *rows = sorted_rows (ctx, unit);

  for (guint i = 1; i < rows->len; i++)
    {
      const Row *row = &g_array_index (rows, Row, i);
      const Row *first = row;
      YsFindingPlace place = YS_FINDING_PLACE_INIT;
      g_autofree char *facts = NULL, *money = NULL, *cls = NULL;
      guint j = i;

      while (j > 0 && compare_class (&g_array_index (rows, Row, j - 1), row) == 0
             && g_array_index (rows, Row, j - 1).amount == row->amount)
        first = &g_array_index (rows, Row, --j);
      if (first == row)
        continue;
      cls = row_facts (row);
      facts = g_strdup_printf ("%s|%" G_GINT64_FORMAT, cls, first->id);
      money = ys_rule_money (row->amount);
      place.record = row->line;
      place.facts = facts;
      ys_rule_emit (ctx, &place,
                    _("Line #%lld repeats line #%lld of unit %s: %s %s %s%s%s, %s, %s"),
                    (long long) row->id, (long long) first->id, ys_group_get_code (unit),
                    row->text[F_FUNC], row->text[F_ECON], row->text[F_KIND],
                    row->text[F_PROJECT][0] ? " " : "", row->text[F_PROJECT], row->text[F_SOURCE], money);
    }
}

static void
check_splits (YsRuleContext *ctx, YsGroup *unit)
{
  GArray *rows = sorted_rows (ctx, unit);
  guint start = 0;

  while (start < rows->len)
    {
      const Row *first = &g_array_index (rows, Row, start);
      guint end = start + 1;
      YsMoney total = first->amount;
      gboolean differ = FALSE;

      while (end < rows->len && compare_class (&g_array_index (rows, Row, end), first) == 0)
        {
          const Row *row = &g_array_index (rows, Row, end);
          total += row->amount;
          differ |= row->amount != first->amount;
          end++;
        }
      if (differ)
        {
          YsFindingPlace place = YS_FINDING_PLACE_INIT;
          g_autoptr(GString) amounts = g_string_new (NULL);
          g_autofree char *facts = NULL, *suffix = NULL, *sum = NULL;

          for (guint i = start; i < end; i++)
            {
              g_autofree char *money = ys_rule_money (g_array_index (rows, Row, i).amount);
              if (amounts->len)
                g_string_append (amounts, " + ");
              g_string_append (amounts, money);
            }
          suffix = g_strdup_printf ("%s:%s:%s:%s:%s:%s:%" G_GINT64_FORMAT,
                                    first->text[F_FUNC], first->text[F_ECON], first->text[F_KIND],
                                    first->text[F_PROJECT], first->text[F_SOURCE], first->text[F_SUB],
                                    first->carry_over);
          facts = g_strdup_printf ("%s|%s|%s", suffix, first->text[F_GOV], amounts->str);
          sum = ys_rule_money (total);
          place.unit_code = ys_group_get_code (unit);
          /* The 政府 code joins the key only when given, to keep keys short. */
          if (first->text[F_GOV][0])
            {
              char *longer = g_strdup_printf ("%s:%s", suffix, first->text[F_GOV]);
              g_free (suffix);
              suffix = longer;
            }
          place.suffix = suffix;
          place.facts = facts;
          ys_rule_emit (ctx, &place,
                        _("Unit %s has %u lines under %s %s %s%s%s (%s): %s = %s, printed as one row"),
                        ys_group_get_code (unit), end - start,
                        first->text[F_FUNC], first->text[F_ECON], first->text[F_KIND],
                        first->text[F_PROJECT][0] ? " " : "", first->text[F_PROJECT],
                        first->text[F_SOURCE], amounts->str, sum);
        }
      start = end;
    }
}

#define LINE_CLASSIFICATION (YS_BIT (YS_LINE_FUNC_CODE) | YS_BIT (YS_LINE_ECON_CODE) | YS_BIT (YS_LINE_GOV_ECON_CODE) \
                             | YS_BIT (YS_LINE_KIND) | YS_BIT (YS_LINE_PROJECT_CODE) | YS_BIT (YS_LINE_SOURCE)       \
                             | YS_BIT (YS_LINE_SUB_SOURCE) | YS_BIT (YS_LINE_CARRY_OVER) | YS_BIT (YS_LINE_AMOUNT))

static const YsRule r39 = {
  "R39", YS_FINDING_WARNING,
  N_("Line entered twice"),
  N_("Delete the repeated line, or tell the two apart (sub-source, note) and explain why there are two"),
  N_("Each amount is budgeted once; repeated rows double the totals of every table"),
  YS_RULE_SCOPE_UNIT, NULL, FALSE,
  { { &ys_line_kind, LINE_CLASSIFICATION } },
  NULL, check_repeats,
};

static const YsRule r40 = {
  "R40", YS_FINDING_INFO,
  N_("Several lines under the same classification"),
  N_("The tables add such lines into one row; merge them unless they need to stay apart"),
  N_("基本支出表 shows one row per economic item (表3 of seed 001 printed such rows twice)"),
  YS_RULE_SCOPE_UNIT, NULL, FALSE,
  { { &ys_line_kind, LINE_CLASSIFICATION } },
  NULL, check_splits,
};

const YsRule *const ys_rules_duplicates[] = { &r39, &r40, NULL };
