/* Opening a budget file that cannot be written: whether it can be, and
 * how it is read when it cannot (ys-store.c open_file). */
#include "config.h"

#include <unistd.h>

#include "ys-store-private.h"

/* A file is written only when both it and its folder can be: SQLite keeps
 * its WAL beside the file. YUSUAN_OPEN_READ_ONLY=1 makes every file look
 * read-only, so that the window's read-only mode can be tested by root,
 * whom permissions do not stop. */
gboolean
ys_store_can_write (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  if (g_strcmp0 (g_getenv ("YUSUAN_OPEN_READ_ONLY"), "1") == 0)
    return FALSE;
  return access (path, W_OK) == 0 && access (dir, W_OK | X_OK) == 0;
}

static gboolean
copy_file (const char *from, const char *to, GError **error)
{
  g_autofree char *data = NULL;
  gsize len = 0;

  return g_file_get_contents (from, &data, &len, error)
      && g_file_set_contents (to, data, len, error);
}

/* A read-only file is opened immutable: SQLite then neither locks it nor
 * looks for a WAL. When committed changes still wait in a WAL beside it
 * (the last program was killed), immutable would show the older state, so
 * the file and its WAL are copied to a private folder and read there. */
int
ys_store_open_read_only (const char *path, gboolean has_wal, sqlite3 **db, char **copy_dir, GError **error)
{
  if (has_wal)
    {
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *dir = g_dir_make_tmp ("yusuan-read-only-XXXXXX", error);
      g_autofree char *copy = dir ? g_build_filename (dir, "copy.yusuan", NULL) : NULL;
      g_autofree char *copy_wal = dir ? g_strconcat (copy, "-wal", NULL) : NULL;

      if (dir == NULL)
        return SQLITE_CANTOPEN;
      *copy_dir = g_strdup (dir);
      if (!copy_file (path, copy, error) || !copy_file (wal, copy_wal, error))
        return SQLITE_CANTOPEN;
      return sqlite3_open_v2 (copy, db, SQLITE_OPEN_READWRITE | YS_STORE_OPEN_FLAGS, NULL);
    }
  else
    {
      g_autofree char *escaped = g_uri_escape_string (path, "/", FALSE);
      g_autofree char *uri = g_strdup_printf ("file:%s?immutable=1", escaped);

      return sqlite3_open_v2 (uri, db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | YS_STORE_OPEN_FLAGS, NULL);
    }
}
