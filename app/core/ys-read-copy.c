/* A document's read copy: see ys-read-copy.h. */

#include "config.h"

#include <glib/gstdio.h>

#include "ys-document-scan.h"
#include "ys-read-copy.h"
#include "ys-temp-file.h"

struct _YsReadCopy
{
  char       *dir;       /* private to the user (0700), removed with the copy */
  char       *path;
  YsDocument *document;  /* opened from path */
};

YsReadCopy *
ys_read_copy_new (YsDocument  *document,
                  GError     **error)
{
  g_autoptr(YsReadCopy) copy = g_new0 (YsReadCopy, 1);
  g_autofree char *name = NULL;

  g_return_val_if_fail (YS_IS_DOCUMENT (document), NULL);

  copy->dir = g_dir_make_tmp ("yusuan-copy-XXXXXX", error);
  if (copy->dir == NULL)
    return NULL;
  /* The budget's own name, so that a message about the copy still names
   * the file the user knows. */
  name = g_path_get_basename (ys_document_get_path (document));
  copy->path = g_build_filename (copy->dir, name, NULL);
  if (!ys_document_backup (document, copy->path, error))
    return NULL;
  return g_steal_pointer (&copy);
}

YsDocument *
ys_read_copy_open (YsReadCopy  *copy,
                   GError     **error)
{
  return ys_read_copy_open_streaming (copy, NULL, error);
}

YsDocument *
ys_read_copy_open_streaming (YsReadCopy    *copy,
                             const YsKind  *streamed,
                             GError       **error)
{
  g_return_val_if_fail (copy != NULL, NULL);

  if (copy->document == NULL)
    copy->document = ys_document_open_streaming (copy->path, streamed, error);
  return copy->document;
}

void
ys_read_copy_free (YsReadCopy *copy)
{
  if (copy == NULL)
    return;
  if (copy->document != NULL)
    {
      ys_document_close (copy->document);
      g_object_unref (copy->document);
    }
  /* The copy, and a journal SQLite may have left beside it. */
  ys_temp_file_remove_folder (copy->dir);
  g_free (copy->dir);
  g_free (copy->path);
  g_free (copy);
}
