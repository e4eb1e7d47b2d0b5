#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "ys-core.h"

/* The build tree's compiled catalogs (build/po/LANG/LC_MESSAGES) when the
 * program runs from a build tree (build/app/cli/yusuan-cli): a tree with a
 * build.ninja a few levels above the executable. An installed program is in
 * no such tree and uses LOCALEDIR. */
static char *
build_tree_localedir (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *dir = exe ? g_path_get_dirname (exe) : NULL;

  for (guint up = 0; dir != NULL && up < 4; up++)
    {
      g_autofree char *ninja = g_build_filename (dir, "build.ninja", NULL);
      g_autofree char *po = g_build_filename (dir, "po", NULL);
      char *parent;

      if (g_file_test (ninja, G_FILE_TEST_IS_REGULAR) && g_file_test (po, G_FILE_TEST_IS_DIR))
        return g_steal_pointer (&po);
      parent = g_path_get_dirname (dir);
      if (g_str_equal (parent, dir))
        {
          g_free (parent);
          break;
        }
      g_free (dir);
      dir = parent;
    }
  return NULL;
}

void
ys_core_init (void)
{
  const char *localedir = g_getenv ("YUSUAN_LOCALEDIR");
  g_autofree char *build_po = localedir ? NULL : build_tree_localedir ();

#ifdef __GLIBC__
  /* Loading or writing 100,000 records frees and allocates in waves; by
   * default glibc hands the heap top back to the kernel after each wave and
   * asks for it again, and each round trip costs a TLB flush. */
  mallopt (M_TRIM_THRESHOLD, 64 * 1024 * 1024);
  mallopt (M_TOP_PAD, 16 * 1024 * 1024);
#endif

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : build_po ? build_po : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
