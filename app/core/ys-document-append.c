/* Many new records at once, already checked: an import's records. */
#include "config.h"

#include "ys-document-impl.h"
#include "ys-store.h"

gboolean
ys_document_append_checked (YsDocument *self, const YsKind *kind, GPtrArray *records, guint *failed,
                            GError **error)
{
  YsRecordList *model = self->models[ys_kinds_index (kind)];
  guint n = ys_record_list_get_n_items (model);

  g_return_val_if_fail (self->batch != NULL, FALSE);
  if (!ys_store_insert_new (self->store, kind, (YsRecord **) records->pdata, records->len, failed, error))
    return FALSE;
  /* Each record is one change of the batch, as ys_document_insert() makes
   * it, so that cancelling or undoing the batch takes them out again. */
  for (guint r = 0; r < records->len; r++)
    {
      YsRecord *record = g_ptr_array_index (records, r);
      Change *c = g_new0 (Change, 1);

      c->type = YS_CHANGE_INSERT;
      /* The reference @records held (given up below). */
      c->record = record;
      c->position = n + r;
      g_ptr_array_add (self->batch->changes, c);
      ys_document_index_key (self, record, TRUE);
    }
  g_ptr_array_set_free_func (records, NULL);
  ys_record_list_splice (model, n, 0, (YsRecord **) records->pdata, records->len);
  for (guint r = 0; r < records->len; r++)
    ys_document_emit_changed (self, g_ptr_array_index (records, r), YS_CHANGE_INSERT, -1);
  return TRUE;
}
