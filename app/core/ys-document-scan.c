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
  g_autoptr(YsTextIds) texts = NULL;
  g_autofree YsValue *values = NULL;
  g_autofree guint *ids = NULL;
  guint n;

  g_return_val_if_fail (YS_IS_DOCUMENT (self), FALSE);

  if (kind == self->streamed)
    {
      if (!ys_document_ensure_open (self, error))
        return FALSE;
      return ys_store_scan (self->store, kind, func, user_data, error);
    }
  n = ys_document_count (self, kind);
  if (n == 0)
    return TRUE;
  texts = ys_text_ids_new (kind);
  values = g_new0 (YsValue, kind->n_fields);
  ids = g_new0 (guint, kind->n_fields);
  for (guint i = 0; i < n; i++)
    {
      const YsValue *stored = ys_record_peek (ys_document_get (self, kind, i), 0);

      for (guint f = 0; f < kind->n_fields; f++)
        values[f] = ys_field_is_text (&kind->fields[f])
                  ? (YsValue) { .s = (char *) ys_text_ids_find (texts, f, stored[f].s, &ids[f]) }
                  : stored[f];
      if (!func (values, ids, user_data, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
ys_document_has_line_sums (YsDocument *self)
{
  g_return_val_if_fail (YS_IS_DOCUMENT (self), FALSE);

  return self->streamed == &ys_line_kind && self->store != NULL && ys_store_has_line_sums (self->store);
}

gboolean
ys_document_scan_line_sums (YsDocument *self, YsStoredSumFunc sums, YsRowFunc transfers, gpointer user_data,
                            GError **error)
{
  g_return_val_if_fail (ys_document_has_line_sums (self), FALSE);

  return ys_store_scan_sums (self->store, sums, transfers, user_data, error);
}
