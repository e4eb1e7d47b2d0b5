#include "config.h"

#include <glib/gi18n.h>

#include "ys-cli.h"

gboolean
ys_cli_parse (int *argc, char ***argv, const char *parameters, const char *summary,
              GOptionEntry *entries, int n_args)
{
  g_autoptr(GOptionContext) context = g_option_context_new (parameters);
  g_autoptr(GError) error = NULL;

  g_option_context_set_summary (context, summary);
  if (entries)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_printerr ("yusuan-cli: %s\n", error->message);
      return FALSE;
    }
  if (*argc - 1 != n_args)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);
      g_printerr (_("Wrong number of arguments.\n\n%s"), help);
      return FALSE;
    }
  return TRUE;
}

int
ys_cli_fail (GError *error)
{
  g_printerr ("yusuan-cli: %s\n", error ? error->message : _("failed"));
  g_clear_error (&error);
  return 1;
}

YsDocument *
ys_cli_open (const char *path)
{
  GError *error = NULL;
  YsDocument *doc = ys_document_open (path, &error);

  if (doc == NULL)
    ys_cli_fail (error);
  return doc;
}
