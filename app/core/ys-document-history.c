/* Undo and redo: replaying a recorded step in one transaction. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ys-document-impl.h"
#include "ys-store.h"

gboolean
ys_document_can_undo (YsDocument *self)
{
  return self->store != NULL && self->batch == NULL && self->undo_top > 0;
}

gboolean
ys_document_can_redo (YsDocument *self)
{
  return self->store != NULL && self->batch == NULL && self->undo_top < self->steps->len;
}

const char *
ys_document_get_undo_label (YsDocument *self)
{
  return ys_document_can_undo (self) ? ((Step *) self->steps->pdata[self->undo_top - 1])->label : NULL;
}

const char *
ys_document_get_redo_label (YsDocument *self)
{
  return ys_document_can_redo (self) ? ((Step *) self->steps->pdata[self->undo_top])->label : NULL;
}

static gboolean
replay (YsDocument *self, Step *step, gboolean forward, GError **error)
{
  guint n = step->changes->len;
  guint done = 0;

  if (!ys_store_begin (self->store, error))
    return FALSE;
  for (; done < n; done++)
    {
      Change *c = g_ptr_array_index (step->changes, forward ? done : n - 1 - done);
      if (!ys_document_apply (self, c, forward, error))
        break;
    }
  if (done == n && ys_store_commit (self->store, error))
    return TRUE;

  /* Put memory back the way the rolled-back file is. */
  ys_store_rollback (self->store);
  ys_store_begin (self->store, NULL);
  while (done-- > 0)
    {
      Change *c = g_ptr_array_index (step->changes, forward ? done : n - 1 - done);
      ys_document_apply (self, c, !forward, NULL);
    }
  ys_store_rollback (self->store);
  return FALSE;
}

gboolean
ys_document_undo (YsDocument *self, GError **error)
{
  if (!ys_document_can_undo (self))
    {
      g_set_error (error, YS_DOCUMENT_ERROR, YS_DOCUMENT_ERROR_NOTHING_TO_UNDO, _("Nothing to undo"));
      return FALSE;
    }
  if (!replay (self, self->steps->pdata[self->undo_top - 1], FALSE, error))
    return FALSE;
  self->undo_top--;
  ys_document_notify_undo (self);
  return TRUE;
}

gboolean
ys_document_redo (YsDocument *self, GError **error)
{
  if (!ys_document_can_redo (self))
    {
      g_set_error (error, YS_DOCUMENT_ERROR, YS_DOCUMENT_ERROR_NOTHING_TO_UNDO, _("Nothing to redo"));
      return FALSE;
    }
  if (!replay (self, self->steps->pdata[self->undo_top], TRUE, error))
    return FALSE;
  self->undo_top++;
  ys_document_notify_undo (self);
  return TRUE;
}
