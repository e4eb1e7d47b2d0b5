/* yusuan-cli: the command line over the same core as the window. */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "ys-cli.h"
#include "ys-core.h"

typedef struct {
  const char *name;
  int (*run) (int argc, char **argv);
  const char *summary;
} Command;

static const Command commands[] = {
  { "new",      ys_cli_new,      N_("Create an empty budget file") },
  { "info",     ys_cli_info,     N_("Show a budget file’s settings and record counts") },
  { "import",   ys_cli_import,   N_("Read an interchange directory into a budget file") },
  { "import-sheet", ys_cli_import_sheet, N_("Read a sheet of records from an xlsx, xls or CSV workbook") },
  { "dump",     ys_cli_dump,     N_("Write a budget file out as an interchange directory") },
  { "summary",  ys_cli_summary,  N_("Print the totals of a budget") },
  { "catalog",  ys_cli_catalog,  N_("Look up, search or import classification catalogs") },
  { "generate", ys_cli_generate, N_("Create a synthetic budget for tests and benchmarks") },
  { "tables",   ys_cli_tables,   N_("Print the official tables of a budget (text or JSON)") },
  { "export",   ys_cli_export,   N_("Write the official tables into an xlsx workbook") },
  { "explain",  ys_cli_explain,  N_("Print the 情况说明 written from the figures of a budget") },
  { "validate", ys_cli_validate, N_("Check a budget against the classification rules") },
  { "next-year", ys_cli_next_year, N_("Start next year’s budget from this one") },
  { "snapshot", ys_cli_snapshot, N_("Keep or list named versions of a budget (一上, 二上 …)") },
  { "diff",     ys_cli_diff,     N_("Compare two versions of a budget") },
  { "merge",    ys_cli_merge,    N_("Receive unit budget files into the department’s budget (汇总)") },
  { "split",    ys_cli_split,    N_("Write one unit’s budget out of the department’s (分发)") },
  { "check",    ys_cli_check,    N_("Check a budget file for damage") },
  { "backup",   ys_cli_backup,   N_("Make, list or restore backups of a budget file") },
  { "publish",  ys_cli_publish,  N_("Write the published document (docx or PDF): 概况, tables, 情况说明") },
};

static void
usage (FILE *out)
{
  fprintf (out, "%s\n\n", _("Usage: yusuan-cli COMMAND [OPTION…] ARGUMENTS"));
  fprintf (out, "%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-12s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (out, "\n%s\n", _("Run “yusuan-cli COMMAND --help” for the options of a command."));
}

int
main (int argc, char **argv)
{
  ys_core_init ();

  if (argc < 2)
    {
      usage (stderr);
      return 2;
    }
  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0 || strcmp (argv[1], "help") == 0)
    {
      usage (stdout);
      return 0;
    }
  if (strcmp (argv[1], "--version") == 0)
    {
      printf ("yusuan-cli %s\n", PACKAGE_VERSION);
      return 0;
    }
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (argv[1], commands[i].name) == 0)
      return commands[i].run (argc - 1, argv + 1);

  g_printerr (_("Unknown command “%s”.\n"), argv[1]);
  usage (stderr);
  return 2;
}
