/* A unit's ledger (app/rules/ys-ledger.c) against the same sums added up
 * line by line from the lines' texts. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "ys-core.h"
#include "ys-kinds.h"
#include "ys-ledger.h"

#define N_LINES 40000

typedef struct {
  YsMoney total, other_function, other_economic, personnel, fiscal_personnel, fiscal_public;
  YsMoney basic, project, vehicle_running, vehicle_purchase;
  YsMoney spent[YS_LEDGER_SOURCES];
} Sums;

static void
add_plainly (Sums *s, YsRecord *line)
{
  const char *func = ys_record_get_text (line, YS_LINE_FUNC_CODE);
  const char *econ = ys_record_get_text (line, YS_LINE_ECON_CODE);
  const char *kind = ys_record_get_text (line, YS_LINE_KIND);
  const char *source = ys_record_get_text (line, YS_LINE_SOURCE);
  YsMoney a = ys_record_get_int (line, YS_LINE_AMOUNT);
  gboolean fiscal = ys_fund_source_is_fiscal (source);

  s->total += a;
  s->spent[ys_ledger_source_index (source)] += a;
  if (ys_rules_is_other_function (func))
    s->other_function += a;
  if (ys_rules_is_other_economic (econ))
    s->other_economic += a;
  if (strcmp (kind, "项目支出") == 0)
    s->project += a;
  else
    s->basic += a;
  if (strcmp (kind, "人员经费") == 0)
    {
      s->personnel += a;
      if (fiscal)
        s->fiscal_personnel += a;
    }
  if (strcmp (kind, "公用经费") == 0 && fiscal)
    s->fiscal_public += a;
  if (strcmp (econ, "30231") == 0)
    s->vehicle_running += a;
  if (strcmp (econ, "31013") == 0)
    s->vehicle_purchase += a;
}

/* Thousands of distinct codes: the ledger's table of what each code means
 * (found by the code's address, 4,096 slots) then gives several texts of
 * one line the same slot, and what a line adds must not depend on which of
 * its texts was looked up last. */
static void
test_many_codes (void)
{
  static const char *const kinds[] = { "人员经费", "公用经费", "项目支出" };
  static const char *const econs[] = { "30101", "30201", "30231", "31013", "39999", "30299", "31002" };
  YsLedgerCode *codes = ys_ledger_codes_new ();
  YsLedger *ledger = ys_ledger_new (codes);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree YsLedgerLine *entries = g_new0 (YsLedgerLine, N_LINES);
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  Sums plain = { 0 };

  for (guint i = 0; i < N_LINES; i++)
    {
      YsRecord *line = ys_record_new (&ys_line_kind);
      char func[16], econ[16];
      guint f = (guint) g_rand_int_range (rand, 0, 6000);

      /* Function codes 2xxxxyy, every tenth an 其他 item (yy = 99). */
      snprintf (func, sizeof func, "2%04u%02u", f, f % 10 == 0 ? 99 : f % 97);
      if (g_rand_boolean (rand))
        snprintf (econ, sizeof econ, "%s", econs[g_rand_int_range (rand, 0, G_N_ELEMENTS (econs))]);
      else
        snprintf (econ, sizeof econ, "3%04d", g_rand_int_range (rand, 0, 6000));
      ys_record_set_text (line, YS_LINE_UNIT_CODE, "001001");
      ys_record_set_text (line, YS_LINE_FUNC_CODE, func);
      ys_record_set_text (line, YS_LINE_ECON_CODE, econ);
      ys_record_set_text (line, YS_LINE_KIND, kinds[g_rand_int_range (rand, 0, G_N_ELEMENTS (kinds))]);
      ys_record_set_text (line, YS_LINE_SOURCE, ys_fund_sources[g_rand_int_range (rand, 0, 4)]);
      ys_record_set_int (line, YS_LINE_AMOUNT, g_rand_int_range (rand, 1, 1000000));
      g_ptr_array_add (lines, line);
      ys_ledger_add (ledger, &entries[i], line);
      add_plainly (&plain, line);
    }

  g_assert_cmpuint (ledger->n_lines, ==, N_LINES);
  g_assert_cmpint (ledger->total, ==, plain.total);
  g_assert_cmpint (ledger->other_function, ==, plain.other_function);
  g_assert_cmpint (ledger->other_economic, ==, plain.other_economic);
  g_assert_cmpint (ledger->basic, ==, plain.basic);
  g_assert_cmpint (ledger->project, ==, plain.project);
  g_assert_cmpint (ledger->personnel, ==, plain.personnel);
  g_assert_cmpint (ledger->fiscal_personnel, ==, plain.fiscal_personnel);
  g_assert_cmpint (ledger->fiscal_public, ==, plain.fiscal_public);
  g_assert_cmpint (ledger->vehicle_running, ==, plain.vehicle_running);
  g_assert_cmpint (ledger->vehicle_purchase, ==, plain.vehicle_purchase);
  for (guint s = 0; s < YS_LEDGER_SOURCES; s++)
    g_assert_cmpint (ledger->spent[s], ==, plain.spent[s]);

  /* Taking every line out leaves nothing. */
  for (guint i = 0; i < N_LINES; i++)
    ys_ledger_remove (ledger, &entries[i]);
  g_assert_cmpuint (ledger->n_lines, ==, 0);
  g_assert_cmpint (ledger->total, ==, 0);
  g_assert_cmpint (ledger->other_function, ==, 0);
  g_assert_cmpint (ledger->other_economic, ==, 0);
  ys_ledger_free (ledger);
  g_free (codes);
}

int
main (int argc, char **argv)
{
  ys_core_init ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/ledger/many-codes", test_many_codes);
  return g_test_run ();
}
