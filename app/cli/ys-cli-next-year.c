#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "ys-cli.h"
#include "ys-next-year.h"

static void
print_report (YsNextYearReport *r, const char *path, gboolean dry_run)
{
  g_autofree char *expense = ys_money_format (r->prior_expense, YS_MONEY_YUAN, TRUE);
  g_autofree char *income = ys_money_format (r->prior_income, YS_MONEY_YUAN, TRUE);
  guint carried = 0;

  if (dry_run)
    printf (_("Nothing written; the %d budget %s would hold:\n"), r->new_year, path);
  else
    printf (_("Created the %d budget: %s\n"), r->new_year, path);
  if (r->catalog_advanced)
    printf (_("Classification year: %d (moved on with the budget year)\n"), r->new_catalog_year);
  else
    printf (_("Classification year: %d kept (no %d catalog is bundled)\n"), r->new_catalog_year,
            r->old_catalog_year + (r->new_year - r->old_year));
  for (guint i = 0; i < r->projects->len; i++)
    carried += ((YsNextYearProject *) g_ptr_array_index (r->projects, i))->carried;
  printf (_("Units: %u; projects carried: %u of %u; indicators: %u\n"), r->n_units, carried,
          r->projects->len, r->n_indicators);
  printf (_("Prior-year figures: %u records, expenditure %s 元, income %s 元\n"), r->n_prior_year,
          expense, income);

  if (r->projects->len > 0)
    printf ("\n%s\n", _("Projects:"));
  for (guint i = 0; i < r->projects->len; i++)
    {
      YsNextYearProject *p = g_ptr_array_index (r->projects, i);
      printf ("  %s %s %s — %s\n", p->carried ? _("carried") : _("left out"), p->code, p->name, p->reason);
    }

  if (r->missing->len > 0)
    printf ("\n%s\n", _("Codes not in the new year’s catalog (map them with --map OLD=NEW):"));
  for (guint i = 0; i < r->missing->len; i++)
    {
      YsNextYearCode *c = g_ptr_array_index (r->missing, i);
      g_autofree char *amount = ys_money_format (c->amount, YS_MONEY_YUAN, TRUE);

      if (c->mapped_to)
        printf (_("  %s %s (%s 元) → %s\n"), c->code, c->name, amount, c->mapped_to);
      else
        printf (_("  %s %s (%s 元) → not mapped, kept under the old code\n"), c->code, c->name, amount);
    }

  if (r->warnings->len > 0)
    printf ("\n%s\n", _("Warnings:"));
  for (guint i = 0; i < r->warnings->len; i++)
    printf ("  %s\n", (char *) g_ptr_array_index (r->warnings, i));
}

int
ys_cli_next_year (int argc, char **argv)
{
  int year = 0;
  gboolean json = FALSE, dry_run = FALSE;
  g_auto(GStrv) maps = NULL;
  GOptionEntry entries[] = {
    { "year", 0, 0, G_OPTION_ARG_INT, &year, N_("The new budget year (default: the next one)"), N_("YEAR") },
    { "map", 0, 0, G_OPTION_ARG_STRING_ARRAY, &maps,
      N_("Carry this year’s figures of code OLD under code NEW (repeatable)"), N_("OLD=NEW") },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Only report what would be carried and the codes to map; write nothing"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON, amounts in 分"), NULL },
    { NULL }
  };
  g_autoptr(YsDocument) old = NULL;
  g_autoptr(GHashTable) map = NULL;
  g_autoptr(YsNextYearReport) report = NULL;
  GError *error = NULL;

  if (!ys_cli_parse (&argc, &argv, _("OLD.yusuan NEW.yusuan"),
                     _("Start next year’s budget from this year’s: the department settings and 概况,\n"
                       "the units, the projects that go on with their indicators, and this year’s\n"
                       "figures as the new year’s prior-year figures (上年数). NEW must not exist."),
                     entries, 2))
    return 2;
  map = ys_next_year_parse_map ((const char *const *) maps, &error);
  if (map == NULL)
    return ys_cli_fail (error);
  old = ys_cli_open (argv[1]);
  if (old == NULL)
    return 1;
  report = dry_run ? ys_next_year_preview (old, argv[2], year, map, &error)
                   : ys_next_year_create (old, argv[2], year, map, &error);
  if (report == NULL)
    return ys_cli_fail (error);
  if (json)
    {
      g_autofree char *text = ys_next_year_report_to_json (report);
      printf ("%s\n", text);
    }
  else
    print_report (report, argv[2], dry_run);
  return 0;
}
