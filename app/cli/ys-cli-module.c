/* Commands whose code lives in a module of its own, loaded only when one of
 * them runs: `publish` needs cairo and pango with their fontconfig and X11
 * libraries, and linking them into yusuan-cli made every other command load
 * and relocate them at start-up. The module resolves the core's functions
 * against the program itself (yusuan-cli exports them). */
#include "config.h"

#include <glib/gi18n.h>
#include <gmodule.h>

#include "ys-cli.h"

typedef int (*CommandFunc) (int argc, char **argv);

/* The module next to the program (the build tree, or a copy beside a moved
 * program), else the one installed in PKGLIBDIR. */
static GModule *
open_path (const char *path, GError **error)
{
  GModule *module = g_module_open (path, 0);
  if (module == NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                 _("The module “%s” could not be loaded (%s); install Yusuan again"),
                 path, g_module_error ());
  return module;
}

static GModule *
open_module (const char *name, GError **error)
{
  g_autofree char *file = g_strconcat (name, ".", G_MODULE_SUFFIX, NULL);
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *installed = g_build_filename (PKGLIBDIR, file, NULL);

  if (exe != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (exe);
      g_autofree char *beside = g_build_filename (dir, file, NULL);
      if (g_file_test (beside, G_FILE_TEST_EXISTS))
        return open_path (beside, error);
    }
  if (g_file_test (installed, G_FILE_TEST_EXISTS))
    return open_path (installed, error);
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
               _("The module “%s” that this command needs is neither next to the program nor in %s; install Yusuan again"),
               file, PKGLIBDIR);
  return NULL;
}

static int
run_in_module (const char *name, const char *symbol, int argc, char **argv)
{
  GError *error = NULL;
  GModule *module = open_module (name, &error);
  gpointer func = NULL;

  if (module == NULL)
    return ys_cli_fail (error);
  if (!g_module_symbol (module, symbol, &func))
    {
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The module “%s” is not the one this program needs (%s); install Yusuan again"),
                   g_module_name (module), g_module_error ());
      return ys_cli_fail (error);
    }
  /* The module registers types and resources: it stays until exit. */
  g_module_make_resident (module);
  return ((CommandFunc) func) (argc, argv);
}

int
ys_cli_publish (int argc, char **argv)
{
  return run_in_module ("yusuan-cli-publish", "ys_cli_publish_run", argc, argv);
}
