/* fsync() and open() are POSIX, not C11. */
#define _POSIX_C_SOURCE 200809L
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "ys-report.h"
#include "ys-temp-file.h"
#include "ys-xlsx-atomic.h"

struct _YsXlsxAtomic
{
  char         *path;
  char         *tmp;
  lxw_workbook *workbook;
};

static void
atomic_free (YsXlsxAtomic *a)
{
  g_free (a->path);
  g_free (a->tmp);
  g_free (a);
}

YsXlsxAtomic *
ys_xlsx_atomic_open (const char *path, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  lxw_workbook_options options = { .constant_memory = LXW_FALSE, .tmpdir = NULL };
  YsXlsxAtomic *a = g_new0 (YsXlsxAtomic, 1);

  /* What a killed writer left here goes first; the new file gets 0666 less
   * the umask, what a new file would get. */
  ys_temp_file_clean (dir);
  a->path = g_strdup (path);
  a->tmp = ys_temp_file_create (path, error);
  if (a->tmp == NULL)
    {
      atomic_free (a);
      return NULL;
    }
  a->workbook = workbook_new_opt (a->tmp, &options);
  if (a->workbook == NULL)
    {
      g_unlink (a->tmp);
      g_set_error (error, YS_REPORT_ERROR, YS_REPORT_ERROR_WRITE, _("Cannot create the workbook “%s”"), path);
      atomic_free (a);
      return NULL;
    }
  return a;
}

lxw_workbook *
ys_xlsx_atomic_workbook (YsXlsxAtomic *atomic)
{
  return atomic->workbook;
}

static gboolean
sync_file (const char *path)
{
  int fd = open (path, O_RDONLY);
  gboolean ok = fd >= 0 && fsync (fd) == 0;

  if (fd >= 0)
    close (fd);
  return ok;
}

gboolean
ys_xlsx_atomic_finish (YsXlsxAtomic *a, gboolean ok, GError **error)
{
  lxw_error err = workbook_close (a->workbook);
  GStatBuf old;

  if (ok && err != LXW_NO_ERROR)
    {
      g_set_error (error, YS_REPORT_ERROR, YS_REPORT_ERROR_WRITE,
                   _("Cannot write “%s”: %s"), a->path, lxw_strerror (err));
      ok = FALSE;
    }
  if (ok && !sync_file (a->tmp))
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Cannot write “%s”: %s"), a->path, g_strerror (saved));
      ok = FALSE;
    }
  if (ok)
    {
      if (g_stat (a->path, &old) == 0)
        g_chmod (a->tmp, old.st_mode & 0777);
      if (g_rename (a->tmp, a->path) != 0)
        {
          int saved = errno;
          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                       _("Cannot write “%s”: %s"), a->path, g_strerror (saved));
          ok = FALSE;
        }
    }
  if (!ok)
    g_unlink (a->tmp);
  atomic_free (a);
  return ok;
}
