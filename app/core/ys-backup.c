#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "ys-backup.h"

G_DEFINE_QUARK (ys-backup-error-quark, ys_backup_error)

void
ys_backup_free (YsBackup *backup)
{
  if (backup == NULL)
    return;
  g_free (backup->name);
  g_free (backup->path);
  g_free (backup);
}

char *
ys_backup_dir (const char *document_path)
{
  g_autofree char *absolute = g_canonicalize_filename (document_path, NULL);
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, absolute, -1);
  g_autofree char *base = g_path_get_basename (absolute);
  g_autofree char *folder = NULL;

  hash[12] = '\0';
  folder = g_strdup_printf ("%s-%s", base, hash);
  return g_build_filename (g_get_user_data_dir (), "yusuan", "backups", folder, NULL);
}

static int
compare_newest_first (gconstpointer a, gconstpointer b)
{
  const YsBackup *x = *(YsBackup *const *) a;
  const YsBackup *y = *(YsBackup *const *) b;

  return strcmp (y->name, x->name);
}

/* Names are times, so that sorting them sorts the copies. */
static gboolean
is_backup_name (const char *name)
{
  return strlen (name) == strlen ("20261207T091954.123Z.yusuan") && g_ascii_isdigit (name[0])
      && name[8] == 'T' && name[15] == '.' && g_str_has_suffix (name, "Z.yusuan");
}

GPtrArray *
ys_backup_list (const char *document_path)
{
  g_autofree char *dir = ys_backup_dir (document_path);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) ys_backup_free);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      YsBackup *b;
      GStatBuf st;

      if (!is_backup_name (name))
        continue;
      b = g_new0 (YsBackup, 1);
      b->name = g_strdup (name);
      b->path = g_build_filename (dir, name, NULL);
      b->size = g_stat (b->path, &st) == 0 ? (gint64) st.st_size : -1;
      g_ptr_array_add (list, b);
    }
  g_ptr_array_sort (list, compare_newest_first);
  return list;
}

YsBackup *
ys_backup_latest (const char *document_path)
{
  g_autoptr(GPtrArray) list = ys_backup_list (document_path);

  return list->len > 0 ? g_ptr_array_steal_index (list, 0) : NULL;
}

/* In microseconds: a backup and the write before it often share a second. */
static gint64
mtime_of (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED "," G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);
  g_autoptr(GDateTime) t = info ? g_file_info_get_modification_date_time (info) : NULL;

  return t ? g_date_time_to_unix (t) * G_USEC_PER_SEC + g_date_time_get_microsecond (t) : 0;
}

/* Written since @since: the file itself, or its WAL, where commits go
 * until they are copied back. */
static gboolean
written_since (const char *path, gint64 since)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  return MAX (mtime_of (path), mtime_of (wal)) > since;
}

char *
ys_backup_make (YsDocument *doc, gboolean only_if_changed, GError **error)
{
  const char *path = ys_document_get_path (doc);
  g_autofree char *dir = ys_backup_dir (path);
  gint64 now = g_get_real_time ();
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *dest = NULL;

  if (only_if_changed)
    {
      g_autoptr(YsBackup) latest = ys_backup_latest (path);
      if (latest != NULL && !written_since (path, mtime_of (latest->path)))
        return NULL;
    }
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, YS_BACKUP_ERROR, YS_BACKUP_ERROR_FAILED,
                   _("Could not create the backup folder “%s”: %s"), dir, g_strerror (saved));
      return NULL;
    }
  /* The name is the time to the millisecond; a later millisecond when
   * taken, so that names stay unique and sort by age. */
  do
    {
      g_autoptr(GDateTime) t = g_date_time_new_from_unix_utc (now / G_USEC_PER_SEC);
      g_autofree char *stamp = g_date_time_format (t, "%Y%m%dT%H%M%S");

      g_free (dest);
      dest = g_strdup_printf ("%s%c%s.%03dZ.yusuan", dir, G_DIR_SEPARATOR, stamp,
                              (int) (now % G_USEC_PER_SEC / 1000));
      now += 1000;
    }
  while (g_file_test (dest, G_FILE_TEST_EXISTS));
  if (!ys_document_backup (doc, dest, error))
    return NULL;

  list = ys_backup_list (path);
  for (guint i = YS_BACKUP_KEEP; i < list->len; i++)
    g_unlink (((YsBackup *) g_ptr_array_index (list, i))->path);
  return g_steal_pointer (&dest);
}

static gboolean
fsync_path (const char *path)
{
  int fd = g_open (path, O_RDONLY, 0);
  gboolean ok = fd >= 0 && fsync (fd) == 0;

  if (fd >= 0)
    close (fd);
  return ok;
}

/* Copies @from to a temporary name beside @to, checks that it opens as a
 * budget, and returns that name. */
static char *
checked_copy (const char *from, const char *to, GError **error)
{
  g_autofree char *tmp = g_strdup_printf ("%s.restore-%d", to, (int) getpid ());
  g_autofree char *data = NULL;
  gsize len = 0;

  if (!g_file_get_contents (from, &data, &len, error))
    return NULL;
  if (!g_file_set_contents (tmp, data, len, error) || !fsync_path (tmp))
    {
      g_unlink (tmp);
      return NULL;
    }
  {
    g_autoptr(YsDocument) doc = ys_document_open (tmp, error);
    if (doc == NULL)
      {
        g_prefix_error (error, _("The backup “%s” cannot be used: "), from);
        g_unlink (tmp);
        return NULL;
      }
    ys_document_close (doc);
  }
  return g_steal_pointer (&tmp);
}

static YsBackup *
find_backup (const char *document_path, const char *from_name, GError **error)
{
  g_autoptr(GPtrArray) list = ys_backup_list (document_path);
  g_autofree char *dir = ys_backup_dir (document_path);

  for (guint i = 0; i < list->len; i++)
    {
      YsBackup *b = g_ptr_array_index (list, i);
      if (from_name == NULL || strcmp (b->name, from_name) == 0)
        return g_ptr_array_steal_index (list, i);
    }
  if (from_name != NULL)
    g_set_error (error, YS_BACKUP_ERROR, YS_BACKUP_ERROR_NONE_FOUND,
                 _("There is no backup named “%s” of “%s” in %s"), from_name, document_path, dir);
  else
    g_set_error (error, YS_BACKUP_ERROR, YS_BACKUP_ERROR_NONE_FOUND,
                 _("There is no backup of “%s” in %s"), document_path, dir);
  return NULL;
}

static gboolean
rename_or_fail (const char *from, const char *to, GError **error)
{
  if (g_rename (from, to) == 0)
    return TRUE;
  {
    int saved = errno;
    g_set_error (error, YS_BACKUP_ERROR, YS_BACKUP_ERROR_FAILED,
                 _("Could not rename “%s” to “%s”: %s"), from, to, g_strerror (saved));
  }
  return FALSE;
}

/* SQLite holds a lock on the bytes at 1 GiB + 2 while a connection has the
 * file open for writing (the window keeps it so); asking for a read lock
 * there tells whether another program has it, without touching the file. */
static gboolean
in_use (const char *path)
{
  struct flock lock = { .l_type = F_RDLCK, .l_whence = SEEK_SET, .l_start = 0x40000000 + 2, .l_len = 510 };
  int fd = g_open (path, O_RDONLY, 0);
  gboolean busy;

  if (fd < 0)
    return FALSE;
  busy = fcntl (fd, F_GETLK, &lock) == 0 && lock.l_type != F_UNLCK;
  close (fd);
  return busy;
}

gboolean
ys_backup_restore (const char *document_path, const char *from_name, const char *out,
                   char **restored_from, char **kept_aside, GError **error)
{
  g_autoptr(YsBackup) backup = find_backup (document_path, from_name, error);
  const char *target = out ? out : document_path;
  g_autofree char *tmp = NULL;

  if (backup == NULL)
    return FALSE;
  if (out == NULL && in_use (document_path))
    {
      g_set_error (error, YS_BACKUP_ERROR, YS_BACKUP_ERROR_FAILED,
                   _("“%s” is open in another window or program; close it there before restoring a backup over it"),
                   document_path);
      return FALSE;
    }
  if (out != NULL && g_file_test (out, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, YS_BACKUP_ERROR, YS_BACKUP_ERROR_EXISTS,
                   _("“%s” already exists; choose another name"), out);
      return FALSE;
    }
  tmp = checked_copy (backup->path, target, error);
  if (tmp == NULL)
    return FALSE;

  if (out == NULL && g_file_test (document_path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
      g_autofree char *aside = g_strdup_printf ("%s.damaged-%s", document_path, stamp);
      g_autofree char *wal = g_strconcat (document_path, "-wal", NULL);
      g_autofree char *wal_aside = g_strconcat (aside, "-wal", NULL);

      /* The damaged file is kept, never overwritten: it may still hold
       * something the backup does not. */
      if (!rename_or_fail (document_path, aside, error))
        {
          g_unlink (tmp);
          return FALSE;
        }
      if (g_file_test (wal, G_FILE_TEST_EXISTS))
        g_rename (wal, wal_aside);
      if (kept_aside)
        *kept_aside = g_steal_pointer (&aside);
    }
  if (!rename_or_fail (tmp, target, error))
    {
      g_unlink (tmp);
      return FALSE;
    }
  if (restored_from)
    *restored_from = g_strdup (backup->path);
  return TRUE;
}

char *
ys_backup_advice (const char *document_path)
{
  g_autoptr(YsBackup) latest = ys_backup_latest (document_path);
  g_autofree char *dir = NULL;

  if (latest != NULL)
    return g_strdup_printf (_("The latest backup is %s; “yusuan-cli backup restore %s” puts it in place "
                              "and keeps the damaged file aside (“yusuan-cli backup list %s” lists every backup)."),
                            latest->path, document_path, document_path);
  dir = ys_backup_dir (document_path);
  return g_strdup_printf (_("No backup of this file was found in %s."), dir);
}
