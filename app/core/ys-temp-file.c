/* fsync() and O_DIRECTORY are POSIX.1-2008, not C11. */
#define _POSIX_C_SOURCE 200809L
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ys-temp-file.h"

#define MARK ".yusuan-tmp-"

char *
ys_temp_file_create (const char *target, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (target);
  g_autofree char *base = g_path_get_basename (target);
  char *tmp = g_strdup_printf ("%s%c.%s" MARK "%d-XXXXXX", dir, G_DIR_SEPARATOR, base, (int) getpid ());
  int fd = g_mkstemp_full (tmp, O_RDWR, 0666);

  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Cannot write in “%s”: %s"), dir, g_strerror (saved));
      g_free (tmp);
      return NULL;
    }
  close (fd);
  return tmp;
}

char *
ys_temp_file_name (const char *target)
{
  static const char chars[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  g_autofree char *dir = g_path_get_dirname (target);
  g_autofree char *base = g_path_get_basename (target);
  char tag[7];

  for (guint i = 0; i < 6; i++)
    tag[i] = chars[g_random_int_range (0, sizeof chars - 1)];
  tag[6] = '\0';
  return g_strdup_printf ("%s%c.%s" MARK "%d-%s", dir, G_DIR_SEPARATOR, base, (int) getpid (), tag);
}

void
ys_temp_file_remove_database (const char *tmp)
{
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (tmp, suffixes[i], NULL);
      g_unlink (path);
    }
}

void
ys_temp_file_remove_folder (const char *dir)
{
  g_autoptr(GDir) d = dir ? g_dir_open (dir, 0, NULL) : NULL;
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *child = g_build_filename (dir, name, NULL);
      g_unlink (child);
    }
  if (dir != NULL)
    g_rmdir (dir);
}

gboolean
ys_temp_file_rename (const char *tmp, const char *target, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (target);
  int fd;

  if (g_rename (tmp, target) != 0)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Could not write “%s”: %s"), target, g_strerror (saved));
      return FALSE;
    }
  fd = open (dir, O_RDONLY | O_DIRECTORY);
  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
  return TRUE;
}

gboolean
ys_temp_file_replace (const char *target, const char *data, gsize len, GError **error)
{
  g_autofree char *tmp = ys_temp_file_create (target, error);
  gsize done = 0;
  int fd, saved = 0;

  if (tmp == NULL)
    return FALSE;
  fd = g_open (tmp, O_WRONLY | O_TRUNC, 0);
  if (fd < 0)
    saved = errno;
  while (fd >= 0 && saved == 0 && done < len)
    {
      gssize n = write (fd, data + done, len - done);
      if (n < 0 && errno != EINTR)
        saved = errno;
      else if (n > 0)
        done += n;
    }
  if (fd >= 0 && saved == 0 && fsync (fd) != 0)
    saved = errno;
  if (fd >= 0 && close (fd) != 0 && saved == 0)
    saved = errno;
  if (saved == 0 && g_rename (tmp, target) != 0)
    saved = errno;
  if (saved != 0)
    {
      g_unlink (tmp);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Cannot write “%s”: %s"), target, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

/* The PID in ".NAME.yusuan-tmp-PID-XXXXXX", or 0 when @name is not ours. */
static pid_t
writer_of (const char *name)
{
  const char *mark = NULL;
  char *end = NULL;
  long pid;

  /* The last mark: a budget being created inside a temporary name of its
   * own has two. */
  for (const char *p = name[0] == '.' ? strstr (name, MARK) : NULL; p; p = strstr (p + 1, MARK))
    mark = p;
  if (mark == NULL)
    return 0;
  pid = strtol (mark + strlen (MARK), &end, 10);
  if (pid <= 0 || end == NULL || *end != '-' || strlen (end + 1) < 6)
    return 0;
  /* A budget being created has SQLite's journal beside it. */
  end += 7;
  if (*end != '\0' && strcmp (end, "-journal") != 0 && strcmp (end, "-wal") != 0 && strcmp (end, "-shm") != 0)
    return 0;
  return (pid_t) pid;
}

gboolean
ys_temp_file_is_ours (const char *path)
{
  g_autofree char *name = g_path_get_basename (path);

  return writer_of (name) == getpid ();
}

guint
ys_temp_file_clean (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint removed = 0;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      pid_t pid = writer_of (name);
      g_autofree char *path = NULL;

      /* A live process with that PID (ours, or another that reused the
       * number) keeps its file: only a certainly dead writer's is removed. */
      if (pid == 0 || kill (pid, 0) == 0 || errno != ESRCH)
        continue;
      path = g_build_filename (dir, name, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_REGULAR) && g_unlink (path) == 0)
        removed++;
    }
  return removed;
}
