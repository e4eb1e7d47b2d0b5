#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "ys-cli.h"
#include "ys-merge.h"

static void
print_item (YsMergeItem *it)
{
  switch (it->action)
    {
    case YS_MERGE_ADD:
      printf (_("Add     %s %s ← %s (%u records)\n"), it->unit_code, it->unit_name, it->path, it->n_records);
      break;
    case YS_MERGE_REPLACE:
      printf (_("Replace %s %s ← %s (%u records in place of %u)\n"), it->unit_code, it->unit_name, it->path,
              it->n_records, it->n_replaced);
      break;
    case YS_MERGE_UNCHANGED:
      printf (_("Same    %s %s ← %s (received before from the same file; nothing to do)\n"),
              it->unit_code, it->unit_name, it->path);
      break;
    case YS_MERGE_REFUSED:
    default:
      printf (_("Refused %s\n"), it->reason);
      break;
    }
  for (guint i = 0; i < it->notes->len; i++)
    printf ("        %s\n", (char *) g_ptr_array_index (it->notes, i));
}

int
ys_cli_merge (int argc, char **argv)
{
  gboolean dry_run = FALSE;
  GOptionEntry entries[] = {
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run, N_("Only say what would be received; change nothing"), NULL },
    { NULL }
  };
  g_autoptr(YsDocument) dept = NULL;
  g_autoptr(YsMergePlan) plan = NULL;
  GError *error = NULL;
  guint refused;

  if (!ys_cli_parse (&argc, &argv, _("DEPT.yusuan UNIT.yusuan…"),
                     _("Receive the budgets of units into the department’s budget (汇总). A unit the\n"
                       "department holds already has its records replaced; where each unit came from\n"
                       "is kept. When any file is refused (unreadable, another year or catalog year,\n"
                       "a unit code that comes from two files), nothing is received."),
                     entries, -2))
    return 2;
  dept = ys_cli_open (argv[1]);
  if (dept == NULL)
    return 1;
  plan = ys_merge_plan (dept, (const char *const *) argv + 2, &error);
  if (plan == NULL)
    return ys_cli_fail (error);
  for (guint i = 0; i < plan->items->len; i++)
    print_item (g_ptr_array_index (plan->items, i));
  refused = ys_merge_plan_count (plan, YS_MERGE_REFUSED);
  if (refused > 0)
    {
      g_printerr (g_dngettext (GETTEXT_PACKAGE, "%u file was refused; nothing was received.\n",
                               "%u files were refused; nothing was received.\n", refused), refused);
      return 1;
    }
  if (dry_run)
    {
      printf ("%s\n", _("Nothing was changed (--dry-run)."));
      return 0;
    }
  if (!ys_merge_apply (dept, plan, &error))
    return ys_cli_fail (error);
  printf (_("Received: %u added, %u replaced, %u unchanged.\n"), ys_merge_plan_count (plan, YS_MERGE_ADD),
          ys_merge_plan_count (plan, YS_MERGE_REPLACE), ys_merge_plan_count (plan, YS_MERGE_UNCHANGED));
  return 0;
}

int
ys_cli_split (int argc, char **argv)
{
  g_autofree char *unit = NULL, *output = NULL;
  gboolean replace = FALSE;
  GOptionEntry entries[] = {
    { "unit", 0, 0, G_OPTION_ARG_STRING, &unit, N_("The code of the unit to hand out"), N_("CODE") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The unit’s budget file to write"), N_("UNIT.yusuan") },
    { "replace", 0, 0, G_OPTION_ARG_NONE, &replace, N_("Replace the output file if it exists"), NULL },
    { NULL }
  };
  g_autoptr(YsDocument) dept = NULL;
  GError *error = NULL;

  if (!ys_cli_parse (&argc, &argv, _("DEPT.yusuan --unit CODE -o UNIT.yusuan"),
                     _("Hand a unit’s budget out (分发): a new budget file with the department’s settings,\n"
                       "概况 and imported catalogs and the unit’s records (its projects, indicators,\n"
                       "income, line items, procurement, services, assets and 上年数)."),
                     entries, 1))
    return 2;
  if (unit == NULL || output == NULL)
    {
      g_printerr ("%s\n", _("Both --unit and -o are needed."));
      return 2;
    }
  dept = ys_cli_open (argv[1]);
  if (dept == NULL)
    return 1;
  if (!ys_merge_split (dept, unit, output, replace, &error))
    return ys_cli_fail (error);
  printf (_("Wrote the budget of unit %s: %s\n"), unit, output);
  return 0;
}
