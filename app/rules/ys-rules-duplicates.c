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

static int
compare_lines (gconstpointer pa, gconstpointer pb)
{
  const YsLedgerLine *a = *(YsLedgerLine **) pa, *b = *(YsLedgerLine **) pb;

  if (a->amount != b->amount)
    return a->amount < b->amount ? -1 : 1;
  return a->id < b->id ? -1 : a->id > b->id;
}

/* The lines of @bucket by amount and id (a new array of borrowed entries). */
static GPtrArray *
sorted_lines (const YsLedgerBucket *bucket)
{
  GPtrArray *lines = g_ptr_array_sized_new (bucket->n_lines);

  for (guint i = 0; i < bucket->n_lines; i++)
    g_ptr_array_add (lines, bucket->lines[i]);
  g_ptr_array_sort (lines, compare_lines);
  return lines;
}

static char *
row_facts (const YsLedgerClass *cls, YsMoney amount)
{
  return g_strdup_printf ("%s|%s|%s|%s|%s|%s|%s|%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT,
                          cls->text[F_FUNC], cls->text[F_ECON], cls->text[F_GOV], cls->text[F_KIND],
                          cls->text[F_PROJECT], cls->text[F_SOURCE], cls->text[F_SUB],
                          cls->carry_over, amount);
}

static void
check_repeats (YsRuleContext *ctx, YsGroup *unit)
{
  g_autoptr(GPtrArray) buckets = ys_rule_context_buckets (ctx, unit);

  for (guint b = 0; b < buckets->len; b++)
    {
      const YsLedgerBucket *bucket = g_ptr_array_index (buckets, b);
      const YsLedgerClass *cls = &bucket->cls;
      g_autoptr(GPtrArray) lines = sorted_lines (bucket);
      const YsLedgerLine *first = g_ptr_array_index (lines, 0);

      ys_rule_context_set_bucket (ctx, bucket);
      for (guint i = 1; i < lines->len; i++)
        {
          const YsLedgerLine *row = g_ptr_array_index (lines, i);
          YsFindingPlace place = YS_FINDING_PLACE_INIT;
          g_autofree char *facts = NULL, *money = NULL, *row_class = NULL;

          if (row->amount != first->amount)
            {
              first = row;
              continue;
            }
          row_class = row_facts (cls, row->amount);
          facts = g_strdup_printf ("%s|%" G_GINT64_FORMAT, row_class, first->id);
          money = ys_rule_money (row->amount);
          place.record = row->line;
          place.facts = facts;
          ys_rule_emit (ctx, &place,
                        _("Line #%lld repeats line #%lld of unit %s: %s %s %s%s%s, %s, %s"),
                        (long long) row->id, (long long) first->id, ys_group_get_code (unit),
                        cls->text[F_FUNC], cls->text[F_ECON], cls->text[F_KIND],
                        cls->text[F_PROJECT][0] ? " " : "", cls->text[F_PROJECT], cls->text[F_SOURCE], money);
        }
    }
}

static void
check_splits (YsRuleContext *ctx, YsGroup *unit)
{
  g_autoptr(GPtrArray) buckets = ys_rule_context_buckets (ctx, unit);

  for (guint b = 0; b < buckets->len; b++)
    {
      const YsLedgerBucket *bucket = g_ptr_array_index (buckets, b);
      const YsLedgerClass *first = &bucket->cls;
      g_autoptr(GPtrArray) lines = sorted_lines (bucket);
      YsMoney total = 0;
      YsFindingPlace place = YS_FINDING_PLACE_INIT;
      g_autoptr(GString) amounts = NULL;
      g_autofree char *facts = NULL, *suffix = NULL, *sum = NULL;

      /* Sorted by amount: they differ when the first and the last do. */
      if (((YsLedgerLine *) g_ptr_array_index (lines, 0))->amount
          == ((YsLedgerLine *) g_ptr_array_index (lines, lines->len - 1))->amount)
        continue;
      ys_rule_context_set_bucket (ctx, bucket);
      amounts = g_string_new (NULL);
      for (guint i = 0; i < lines->len; i++)
        {
          YsMoney amount = ((YsLedgerLine *) g_ptr_array_index (lines, i))->amount;
          g_autofree char *money = ys_rule_money (amount);

          total += amount;
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
                    ys_group_get_code (unit), lines->len,
                    first->text[F_FUNC], first->text[F_ECON], first->text[F_KIND],
                    first->text[F_PROJECT][0] ? " " : "", first->text[F_PROJECT],
                    first->text[F_SOURCE], amounts->str, sum);
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
