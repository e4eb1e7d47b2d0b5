/* yusuan-cli backup list|restore, and check: the commands for a file that
 * may be damaged. */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "ys-backup.h"
#include "ys-cli.h"

static int
backup_list (int argc, char **argv)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *dir = NULL;

  if (!ys_cli_parse (&argc, &argv, _("FILE.yusuan"), _("List the backups of a budget file, newest first."), NULL, 1))
    return 2;
  list = ys_backup_list (argv[1]);
  dir = ys_backup_dir (argv[1]);
  if (list->len == 0)
    {
      g_printerr (_("yusuan-cli: no backup of “%s” in %s\n"), argv[1], dir);
      return 1;
    }
  printf ("%s\n", dir);
  for (guint i = 0; i < list->len; i++)
    {
      YsBackup *b = g_ptr_array_index (list, i);
      printf ("%s\t%" G_GINT64_FORMAT "\n", b->name, b->size);
    }
  return 0;
}

static int
backup_restore (int argc, char **argv)
{
  g_autofree char *from = NULL, *out = NULL;
  GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("The backup to restore (default: the newest)"), N_("NAME") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &out, N_("Write the restored budget here instead of in place of FILE"), N_("OUT") },
    { NULL }
  };
  g_autofree char *restored_from = NULL, *kept_aside = NULL;
  GError *error = NULL;

  if (!ys_cli_parse (&argc, &argv, _("FILE.yusuan"),
                     _("Restore a backup of a budget file. Without -o the current file is renamed\n"
                       "FILE.damaged-TIME (never overwritten) and the backup takes its place."),
                     entries, 1))
    return 2;
  if (!ys_backup_restore (argv[1], from, out, &restored_from, &kept_aside, &error))
    return ys_cli_fail (error);
  printf (_("Restored %s from %s\n"), out ? out : argv[1], restored_from);
  if (kept_aside)
    printf (_("The previous file was kept as %s\n"), kept_aside);
  return 0;
}

static int
backup_make (int argc, char **argv)
{
  g_autoptr(YsDocument) doc = NULL;
  g_autofree char *made = NULL;
  GError *error = NULL;

  if (!ys_cli_parse (&argc, &argv, _("FILE.yusuan"), _("Make a backup of a budget file now."), NULL, 1))
    return 2;
  doc = ys_cli_open (argv[1]);
  if (doc == NULL)
    return 1;
  made = ys_backup_make (doc, FALSE, &error);
  if (made == NULL)
    return ys_cli_fail (error);
  printf ("%s\n", made);
  return 0;
}

int
ys_cli_backup (int argc, char **argv)
{
  if (argc >= 2 && strcmp (argv[1], "make") == 0)
    return backup_make (argc - 1, argv + 1);
  if (argc >= 2 && strcmp (argv[1], "list") == 0)
    return backup_list (argc - 1, argv + 1);
  if (argc >= 2 && strcmp (argv[1], "restore") == 0)
    return backup_restore (argc - 1, argv + 1);
  g_printerr ("%s\n", _("Usage: yusuan-cli backup make FILE | backup list FILE | backup restore FILE [--from NAME] [-o OUT]"));
  return 2;
}

int
ys_cli_check (int argc, char **argv)
{
  g_autoptr(YsDocument) doc = NULL;
  GError *error = NULL;

  if (!ys_cli_parse (&argc, &argv, _("FILE.yusuan"),
                     _("Check a budget file for damage: every record's checksum and SQLite's integrity check."),
                     NULL, 1))
    return 2;
  doc = ys_cli_open (argv[1]);
  if (doc == NULL)
    return 1;
  if (!ys_document_check_integrity (doc, &error))
    {
      g_autofree char *advice = ys_backup_advice (argv[1]);
      g_printerr ("yusuan-cli: %s\n%s\n", error->message, advice);
      g_clear_error (&error);
      return 1;
    }
  printf ("%s\n", _("ok"));
  return 0;
}
