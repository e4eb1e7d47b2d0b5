/* Family 6, completeness and sanity (repeated lines): a line that repeats
 * another in every classification and in amount is usually typed twice; lines
 * that share every classification but differ in amount are printed as one
 * row, which the accountant should know. The unit's ledger keeps its lines
 * grouped by classification (ys-ledger.c), so both rules look only at the
 * groups of two lines or more; within one, lines are taken by amount and id,
 * so that equal lines sit together and the first of them is the oldest
 * whatever order the lines came in. */
#include "config.h"

#include "ys-i18n-private.h"
#include <string.h>

#include "ys-kinds.h"
#include "ys-ledger.h"
#include "ys-rule.h"

enum {
  F_FUNC = YS_LEDGER_FUNC, F_ECON = YS_LEDGER_ECON, F_GOV = YS_LEDGER_GOV, F_KIND = YS_LEDGER_KIND,
  F_PROJECT = YS_LEDGER_PROJECT, F_SOURCE = YS_LEDGER_SOURCE, F_SUB = YS_LEDGER_SUB,
};

typedef struct
{
  const YsLedgerLine *line;
  YsLedgerClass       cls;
} Row;

static int
compare_class (const YsLedgerClass *a, const YsLedgerClass *b)
{
  for (guint i = 0; i < YS_LEDGER_N_TEXTS; i++)
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
  int c = compare_class (&a->cls, &b->cls);

  if (c != 0)
    return c;
  if (a->line->amount != b->line->amount)
    return a->line->amount < b->line->amount ? -1 : 1;
  return a->line->id < b->line->id ? -1 : a->line->id > b->line->id;
}

/* The lines of @bucket by classification (a bucket may hold two that share
 * a hash), amount and id. */
static GArray *
sorted_rows (const YsLedgerBucket *bucket)
{
  GArray *rows = g_array_sized_new (FALSE, FALSE, sizeof (Row), bucket->n_lines);

  for (guint i = 0; i < bucket->n_lines; i++)
    {
      Row row = { bucket->lines[i] };

      ys_ledger_line_class (row.line, &row.cls);
      g_array_append_val (rows, row);
    }
  g_array_sort (rows, compare_rows);
  return rows;
}

/* The end of the run of rows from @start under the classification of @start. */
static guint
class_end (GArray *rows, guint start)
{
  guint end = start + 1;

  while (end < rows->len
         && compare_class (&g_array_index (rows, Row, end).cls, &g_array_index (rows, Row, start).cls) == 0)
    end++;
  return end;
}

static char *
row_facts (const YsLedgerClass *cls, YsMoney amount)
{
  return ys_rule_printf ("%s|%s|%s|%s|%s|%s|%s|%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT,
                         cls->text[F_FUNC], cls->text[F_ECON], cls->text[F_GOV], cls->text[F_KIND],
                         cls->text[F_PROJECT], cls->text[F_SOURCE], cls->text[F_SUB],
                         cls->carry_over, amount);
}

typedef void (*ReportRun) (YsRuleContext *ctx, YsGroup *unit, GArray *rows, guint start, guint end);

/* Calls @report for each run of rows under one classification, bucket by
 * bucket of those the check looks at, each bucket owning what it reports. */
static void
each_class (YsRuleContext *ctx, YsGroup *unit, ReportRun report)
{
  g_autoptr(GPtrArray) buckets = ys_rule_context_buckets (ctx, unit);

  for (guint b = 0; b < buckets->len; b++)
    {
      const YsLedgerBucket *bucket = g_ptr_array_index (buckets, b);
      g_autoptr(GArray) rows = sorted_rows (bucket);

      ys_rule_context_set_bucket (ctx, bucket);
      for (guint start = 0, end; start < rows->len; start = end)
        {
          end = class_end (rows, start);
          report (ctx, unit, rows, start, end);
        }
    }
}

/* Each line whose amount an older line of the run has too. */
static void
report_repeats (YsRuleContext *ctx, YsGroup *unit, GArray *rows, guint start, guint end)
{
  const Row *first = &g_array_index (rows, Row, start);

  for (guint i = start + 1; i < end; i++)
    {
      const Row *row = &g_array_index (rows, Row, i);
      const YsLedgerClass *cls = &row->cls;
      YsFindingPlace place = YS_FINDING_PLACE_INIT;
      g_autofree char *facts = NULL, *money = NULL, *row_class = NULL;

      if (row->line->amount != first->line->amount)
        {
          first = row;
          continue;
        }
      row_class = row_facts (cls, row->line->amount);
      facts = ys_rule_printf ("%s|%" G_GINT64_FORMAT, row_class, first->line->id);
      money = ys_rule_money (row->line->amount);
      place.record = row->line->line;
      place.facts = facts;
      ys_rule_emit (ctx, &place,
                    _("Line #%lld repeats line #%lld of unit %s: %s %s %s%s%s, %s, %s"),
                    (long long) row->line->id, (long long) first->line->id, ys_group_get_code (unit),
                    cls->text[F_FUNC], cls->text[F_ECON], cls->text[F_KIND],
                    cls->text[F_PROJECT][0] ? " " : "", cls->text[F_PROJECT], cls->text[F_SOURCE], money);
    }
}

static void
check_repeats (YsRuleContext *ctx, YsGroup *unit)
{
  each_class (ctx, unit, report_repeats);
}

/* A run whose amounts differ (sorted by amount: the first and the last do). */
static void
report_split (YsRuleContext *ctx, YsGroup *unit, GArray *rows, guint start, guint end)
{
  const YsLedgerClass *first = &g_array_index (rows, Row, start).cls;
  YsMoney total = 0;
  YsFindingPlace place = YS_FINDING_PLACE_INIT;
  g_autoptr(GString) amounts = NULL;
  g_autofree char *facts = NULL, *suffix = NULL, *sum = NULL;

  if (g_array_index (rows, Row, start).line->amount == g_array_index (rows, Row, end - 1).line->amount)
    return;
  amounts = g_string_new (NULL);

  for (guint i = start; i < end; i++)
    {
      YsMoney amount = g_array_index (rows, Row, i).line->amount;
      g_autofree char *money = ys_rule_money (amount);

      total += amount;
      if (amounts->len)
        g_string_append (amounts, " + ");
      g_string_append (amounts, money);
    }
  suffix = ys_rule_printf ("%s:%s:%s:%s:%s:%s:%" G_GINT64_FORMAT,
                           first->text[F_FUNC], first->text[F_ECON], first->text[F_KIND],
                           first->text[F_PROJECT], first->text[F_SOURCE], first->text[F_SUB],
                           first->carry_over);
  facts = ys_rule_printf ("%s|%s|%s", suffix, first->text[F_GOV], amounts->str);
  sum = ys_rule_money (total);
  place.unit_code = ys_group_get_code (unit);
  /* The 政府 code joins the key only when given, to keep keys short. */
  if (first->text[F_GOV][0])
    {
      char *longer = ys_rule_printf ("%s:%s", suffix, first->text[F_GOV]);
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

static void
check_splits (YsRuleContext *ctx, YsGroup *unit)
{
  each_class (ctx, unit, report_split);
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
  NULL, check_repeats, TRUE,
};

static const YsRule r40 = {
  "R40", YS_FINDING_INFO,
  N_("Several lines under the same classification"),
  N_("The tables add such lines into one row; merge them unless they need to stay apart"),
  N_("基本支出表 shows one row per economic item (表3 of seed 001 printed such rows twice)"),
  YS_RULE_SCOPE_UNIT, NULL, FALSE,
  { { &ys_line_kind, LINE_CLASSIFICATION } },
  NULL, check_splits, TRUE,
};

const YsRule *const ys_rules_duplicates[] = { &r39, &r40, NULL };
