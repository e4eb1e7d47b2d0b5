#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "ys-core.h"

void
ys_core_init (void)
{
  const char *localedir = g_getenv ("YUSUAN_LOCALEDIR");

#ifdef __GLIBC__
  /* Loading or writing 100,000 records frees and allocates in waves; by
   * default glibc hands the heap top back to the kernel after each wave and
   * asks for it again, and each round trip costs a TLB flush. */
  mallopt (M_TRIM_THRESHOLD, 64 * 1024 * 1024);
  mallopt (M_TOP_PAD, 16 * 1024 * 1024);
#endif

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
