#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>

#include "ys-backup.h"
#include "ys-cli.h"
#include "ys-generate.h"
#include "ys-interchange.h"
#include "ys-summary.h"
#include "ys-temp-file.h"

int
ys_cli_new (int argc, char **argv)
{
  g_autofree char *dept_code = NULL, *dept_name = NULL, *region = NULL, *framework = NULL;
  int year = 0, catalog_year = 0;
  GOptionEntry entries[] = {
    { "dept-code", 0, 0, G_OPTION_ARG_STRING, &dept_code, N_("Department code"), N_("CODE") },
    { "dept-name", 0, 0, G_OPTION_ARG_STRING, &dept_name, N_("Department name"), N_("NAME") },
    { "year", 0, 0, G_OPTION_ARG_INT, &year, N_("Budget year"), N_("YEAR") },
    { "region", 0, 0, G_OPTION_ARG_STRING, &region, N_("Table layout: anhui, hebei, shanxi or national"), N_("LAYOUT") },
    { "catalog-year", 0, 0, G_OPTION_ARG_INT, &catalog_year, N_("Classification year (defaults to the budget year)"), N_("YEAR") },
    { "framework", 0, 0, G_OPTION_ARG_STRING, &framework, N_("Indicator framework: legacy or 2021"), N_("NAME") },
    { NULL }
  };
  g_autoptr(GHashTable) meta = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(YsDocument) doc = NULL;
  GError *error = NULL;

  if (!ys_cli_parse (&argc, &argv, _("FILE.yusuan"), _("Create an empty budget file."), entries, 1))
    return 2;
  if (dept_code) g_hash_table_insert (meta, "dept_code", g_strdup (dept_code));
  if (dept_name) g_hash_table_insert (meta, "dept_name", g_strdup (dept_name));
  if (region) g_hash_table_insert (meta, "region", g_strdup (region));
  if (framework) g_hash_table_insert (meta, "framework", g_strdup (framework));
  if (year) g_hash_table_insert (meta, "year", g_strdup_printf ("%d", year));
  if (catalog_year || year)
    g_hash_table_insert (meta, "catalog_year", g_strdup_printf ("%d", catalog_year ? catalog_year : year));

  doc = ys_document_create (argv[1], meta, &error);
  if (doc == NULL)
    return ys_cli_fail (error);
  return 0;
}

int
ys_cli_info (int argc, char **argv)
{
  g_autoptr(YsDocument) doc = NULL;
  const YsKind *const *kinds = ys_kinds_all ();

  if (!ys_cli_parse (&argc, &argv, _("FILE.yusuan"), _("Show a budget file’s settings and record counts."), NULL, 1))
    return 2;
  doc = ys_cli_open (argv[1]);
  if (doc == NULL)
    return 1;
  for (guint i = 0; ys_document_meta_keys[i]; i++)
    printf ("%s: %s\n", ys_document_meta_keys[i], ys_document_get_meta (doc, ys_document_meta_keys[i]));
  for (guint k = 0; kinds[k]; k++)
    printf ("%s: %u\n", kinds[k]->file, ys_document_count (doc, kinds[k]));
  ys_cli_close_at_exit (g_steal_pointer (&doc));
  return 0;
}

static guint
count_records (YsDocument *doc, guint *counts)
{
  const YsKind *const *kinds = ys_kinds_all ();
  guint total = 0;

  for (guint k = 0; kinds[k]; k++)
    {
      counts[k] = ys_document_count (doc, kinds[k]);
      total += counts[k];
    }
  return total;
}

/* What a successful import read, kind by kind. */
static void
print_read (const char *dir, YsDocument *doc, const guint *before)
{
  const YsKind *const *kinds = ys_kinds_all ();
  guint after[YS_N_KINDS];

  count_records (doc, after);
  printf (_("Imported from %s:\n"), dir);
  for (guint k = 0; kinds[k]; k++)
    if (after[k] > before[k])
      printf ("  %-16s %6u  %s\n", kinds[k]->file, after[k] - before[k], _(kinds[k]->label));
}

int
ys_cli_import (int argc, char **argv)
{
  gboolean append = FALSE;
  GOptionEntry entries[] = {
    { "append", 0, 0, G_OPTION_ARG_NONE, &append,
      N_("Add the records to a budget file that already holds some (its settings are replaced by document.csv's)"), NULL },
    { NULL }
  };
  g_autoptr(YsDocument) doc = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *doc_csv = NULL;
  GError *error = NULL;
  gboolean created = FALSE;
  g_autofree char *building = NULL;
  guint before[YS_N_KINDS] = { 0 };

  if (!ys_cli_parse (&argc, &argv, _("FILE.yusuan DIRECTORY"),
                     _("Read an interchange directory (docs/interchange.md) into a budget file.\n"
                       "The file is created when it does not exist; a file that already holds records\n"
                       "is refused unless --append is given. Every row is checked first; if any is\n"
                       "wrong, every problem is listed as FILE:LINE: column: reason and nothing is imported."),
                     entries, 2))
    return 2;

  /* Without document.csv it is not an interchange directory (perhaps its parent, or a typo). */
  doc_csv = g_build_filename (argv[2], "document.csv", NULL);
  if (!g_file_test (argv[2], G_FILE_TEST_IS_DIR))
    {
      g_printerr (_("yusuan-cli: “%s” is not a directory\n"), argv[2]);
      return 1;
    }
  if (!g_file_test (doc_csv, G_FILE_TEST_IS_REGULAR))
    {
      g_printerr (_("yusuan-cli: “%s” has no document.csv, so it is not an interchange directory "
                    "(docs/interchange.md); nothing was imported\n"), argv[2]);
      return 1;
    }

  if (!g_file_test (argv[1], G_FILE_TEST_EXISTS))
    {
      g_autoptr(GHashTable) meta = ys_interchange_read_meta (argv[2], problems, &error);

      if (meta == NULL)
        return ys_cli_fail (error);
      if (problems->len == 0)
        {
          /* Built under a temporary name and renamed once complete: a killed
           * import leaves no half-made budget under the name asked for. */
          building = ys_temp_file_name (argv[1]);
          doc = ys_document_create (building, meta, &error);
          if (doc == NULL)
            return ys_cli_fail (error);
          created = TRUE;
        }
    }
  else
    {
      guint held;

      doc = ys_cli_open (argv[1]);
      if (doc == NULL)
        return 1;
      held = count_records (doc, before);
      if (held > 0 && !append)
        {
          g_printerr (_("yusuan-cli: “%s” already holds %u records; nothing was imported. Use --append to add "
                        "the directory’s records to them, or import into a new file.\n"), argv[1], held);
          return 1;
        }
      if (held > 0)
        {
          g_autofree char *copy = ys_backup_make (doc, TRUE, NULL);

          printf (_("“%s” already holds %u records; the directory’s records are added to them.\n"), argv[1], held);
          if (copy)
            printf (_("A backup of it was made first: %s\n"), copy);
        }
    }

  if (doc == NULL || !ys_interchange_import (doc, argv[2], problems, &error))
    {
      for (guint i = 0; i < problems->len; i++)
        g_printerr ("%s\n", (char *) g_ptr_array_index (problems, i));
      if (created)
        {
          /* A file made only for this import must not be left behind half-empty. */
          ys_document_close (doc);
          g_unlink (building);
        }
      if (error == NULL)
        g_set_error (&error, YS_INTERCHANGE_ERROR, YS_INTERCHANGE_ERROR_BAD_ROWS,
                     _("%u problems found; nothing was imported"), problems->len);
      return ys_cli_fail (error);
    }
  if (created)
    {
      ys_document_close (doc);
      /* ys_temp_file_rename syncs the folder too: the name survives a power cut. */
      if (g_file_test (argv[1], G_FILE_TEST_EXISTS) || !ys_temp_file_rename (building, argv[1], NULL))
        {
          g_unlink (building);
          g_printerr (_("yusuan-cli: could not give the imported budget the name “%s”; nothing was imported\n"), argv[1]);
          return 1;
        }
    }
  print_read (argv[2], doc, before);
  ys_cli_close_at_exit (g_steal_pointer (&doc));
  return 0;
}

int
ys_cli_dump (int argc, char **argv)
{
  g_autoptr(YsDocument) doc = NULL;
  GError *error = NULL;

  if (!ys_cli_parse (&argc, &argv, _("FILE.yusuan DIRECTORY"),
                     _("Write a budget file out as an interchange directory."), NULL, 2))
    return 2;
  doc = ys_cli_open (argv[1]);
  if (doc == NULL)
    return 1;
  if (!ys_interchange_dump (doc, argv[2], &error))
    return ys_cli_fail (error);
  return 0;
}

static void
print_line (const char *label, YsMoney fen)
{
  g_autofree char *yuan = ys_money_format (fen, YS_MONEY_YUAN, TRUE);
  g_autofree char *wan = ys_money_format (fen, YS_MONEY_WAN, TRUE);
  printf ("%-16s %20s 元 %14s 万元\n", label, yuan, wan);
}

int
ys_cli_summary (int argc, char **argv)
{
  gboolean json = FALSE;
  g_autofree char *unit = NULL;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON, amounts in 分"), NULL },
    { "unit", 0, 0, G_OPTION_ARG_STRING, &unit, N_("Only this unit"), N_("CODE") },
    { NULL }
  };
  g_autoptr(YsDocument) doc = NULL;
  g_autoptr(YsSummary) s = NULL;
  YsFilter filter = YS_FILTER_ALL;

  if (!ys_cli_parse (&argc, &argv, _("FILE.yusuan"), _("Print the totals of a budget."), entries, 1))
    return 2;
  doc = ys_cli_open (argv[1]);
  if (doc == NULL)
    return 1;
  if (unit && ys_document_lookup_key (doc, &ys_unit_kind, unit) == NULL)
    {
      g_printerr (_("yusuan-cli: there is no unit with the code “%s”\n"), unit);
      return 1;
    }
  filter.unit_code = unit;
  s = ys_summary_compute (doc, &filter);

  if (json)
    {
      g_autofree char *text = ys_summary_to_json (s, doc);
      fputs (text, stdout);
      return 0;
    }

  printf ("%s %d\n", ys_document_get_meta (doc, "dept_name"), ys_document_get_year (doc));
  print_line (_("Total income"), s->income_total);
  print_line (_("Total expenditure"), s->expense.total);
  print_line (_("Basic expenditure"), s->expense.basic);
  print_line (_("  Personnel"), s->expense.personnel);
  print_line (_("  Public"), s->expense.public_);
  print_line (_("Project expenditure"), s->expense.project);
  printf (_("%u units, %u line items, %u projects, %u indicators\n"),
          s->n_units, s->n_lines, s->n_projects, s->n_indicators);
  return 0;
}

int
ys_cli_generate (int argc, char **argv)
{
  YsGenerateParams p = YS_GENERATE_DEFAULTS;
  int units = p.units, lines = p.lines, projects = p.projects, indicators = p.indicators, seed = p.seed;
  GOptionEntry entries[] = {
    { "units", 0, 0, G_OPTION_ARG_INT, &units, N_("Number of units (300)"), "N" },
    { "lines", 0, 0, G_OPTION_ARG_INT, &lines, N_("Number of line items (100000)"), "N" },
    { "projects", 0, 0, G_OPTION_ARG_INT, &projects, N_("Number of projects (2000)"), "N" },
    { "indicators", 0, 0, G_OPTION_ARG_INT, &indicators, N_("Number of indicators (20000)"), "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, N_("Random seed (1)"), "N" },
    { NULL }
  };
  g_autoptr(YsDocument) doc = NULL;
  g_autoptr(GHashTable) meta = g_hash_table_new (g_str_hash, g_str_equal);
  GError *error = NULL;

  if (!ys_cli_parse (&argc, &argv, _("FILE.yusuan"),
                     _("Create a synthetic budget (the same seed gives the same budget)."), entries, 1))
    return 2;
  if (units < 1 || lines < 0 || projects < 0 || indicators < 0)
    {
      g_printerr ("%s\n", _("yusuan-cli: counts must not be negative and at least one unit is needed"));
      return 2;
    }
  p.units = units;
  p.lines = lines;
  p.projects = projects;
  p.indicators = indicators;
  p.seed = seed;

  g_hash_table_insert (meta, "dept_code", "999");
  g_hash_table_insert (meta, "dept_name", "示例部门");
  doc = ys_document_create (argv[1], meta, &error);
  if (doc == NULL)
    return ys_cli_fail (error);
  if (!ys_generate (doc, &p, &error))
    {
      ys_document_close (doc);
      g_unlink (argv[1]);
      return ys_cli_fail (error);
    }
  return 0;
}
