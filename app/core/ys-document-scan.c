#include "config.h"

#include "ys-document-impl.h"
#include "ys-document-scan.h"

YsDocument *
ys_document_open_streaming (const char *path, const YsKind *streamed, GError **error)
{
  return ys_document_open_except (path, streamed, error);
}

gboolean
ys_document_scan (YsDocument *self, const YsKind *kind, YsRowFunc func, gpointer user_data, GError **error)
{
  guint n;

  g_return_val_if_fail (YS_IS_DOCUMENT (self), FALSE);

  if (kind == self->streamed)
    {
      if (!ys_document_ensure_open (self, error))
        return FALSE;
      return ys_store_scan (self->store, kind, func, user_data, error);
    }
  n = ys_document_count (self, kind);
  for (guint i = 0; i < n; i++)
    if (!func (ys_record_peek (ys_document_get (self, kind, i), 0), user_data, error))
      return FALSE;
  return TRUE;
}
