/* yusuan: the window over the budget core. */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "ys-application.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(YsApplication) app = NULL;
  /* An uninstalled build (and the UI tests) point at freshly compiled
   * catalogs, as the command line does. */
  const char *localedir = g_getenv ("YUSUAN_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = ys_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
