/* Explanations and reviews of findings, kept in the document as YsReview
 * records under the finding's key, so that they are saved, undone and
 * written to the interchange format like everything else. A finding shows
 * the review stored under its key; whether it still holds is decided by
 * comparing digests (ys_finding_apply_review), never by rewriting the record,
 * so undoing an edit brings an acceptance back. */
#include "config.h"

#include "ys-i18n-private.h"

#include "ys-finding-private.h"
#include "ys-kinds.h"
#include "ys-validator-private.h"

void
ys_validator_apply_review (YsValidator *self, YsFinding *finding)
{
  ys_finding_apply_review (finding, ys_document_lookup_key (self->doc, &ys_review_kind, finding->key));
}

static void
refresh_key (YsValidator *self, const char *key)
{
  YsFinding *finding = key ? g_hash_table_lookup (self->by_key, key) : NULL;

  if (finding != NULL)
    ys_validator_apply_review (self, finding);
}

void
ys_validator_review_changed (YsValidator *self, YsRecord *review, YsChangeType type, int field)
{
  /* A review moved to another key (rare): the finding it named before loses it. */
  if (type == YS_CHANGE_UPDATE && field == YS_REVIEW_FINDING)
    {
      GHashTableIter iter;
      gpointer value;

      g_hash_table_iter_init (&iter, self->by_key);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        ys_validator_apply_review (self, value);
      return;
    }
  refresh_key (self, ys_record_get_text (review, YS_REVIEW_FINDING));
}

static gboolean
check_finding (YsValidator *self, YsFinding *finding, GError **error)
{
  g_return_val_if_fail (YS_IS_VALIDATOR (self), FALSE);
  g_return_val_if_fail (YS_IS_FINDING (finding), FALSE);

  if (g_hash_table_lookup (self->by_key, finding->key) != finding)
    {
      g_set_error (error, YS_VALIDATOR_ERROR, YS_VALIDATOR_ERROR_GONE,
                   _("The finding “%s” no longer applies: the budget has changed since"),
                   finding->message);
      return FALSE;
    }
  return TRUE;
}

/* Writes @n values into the review stored under the finding's key, creating
 * it if needed, as one undo step. */
static gboolean
store (YsValidator *self, YsFinding *finding, const char *label,
       const guint *fields, const char *const *values, guint n, GError **error)
{
  YsRecord *review = ys_document_lookup_key (self->doc, &ys_review_kind, finding->key);
  gboolean ok = TRUE;

  if (review == NULL)
    {
      g_autoptr(YsRecord) fresh = ys_record_new (&ys_review_kind);

      ys_record_set_text (fresh, YS_REVIEW_FINDING, finding->key);
      ys_record_set_text (fresh, YS_REVIEW_STATUS, ys_review_status_to_word (YS_REVIEW_PENDING));
      for (guint i = 0; i < n; i++)
        ys_record_set_text (fresh, fields[i], values[i]);
      return ys_document_insert (self->doc, fresh, error);
    }

  if (!ys_document_begin_batch (self->doc, label, error))
    return FALSE;
  for (guint i = 0; ok && i < n; i++)
    {
      YsValue v = { .s = (char *) values[i] };
      ok = ys_document_set (self->doc, review, fields[i], &v, error);
    }
  if (!ok)
    {
      ys_document_cancel_batch (self->doc);
      return FALSE;
    }
  return ys_document_end_batch (self->doc, error);
}

gboolean
ys_validator_explain (YsValidator *self, YsFinding *finding, const char *text, GError **error)
{
  const guint fields[] = { YS_REVIEW_EXPLANATION, YS_REVIEW_STATUS, YS_REVIEW_DIGEST };
  const char *values[] = { text ? text : "", ys_review_status_to_word (YS_REVIEW_PENDING), NULL };

  if (!check_finding (self, finding, error))
    return FALSE;
  /* A new explanation is about today's figures and asks for a new look. */
  values[2] = finding->digest;
  return store (self, finding, _("Explain finding"), fields, values, G_N_ELEMENTS (fields), error);
}

gboolean
ys_validator_review (YsValidator *self, YsFinding *finding, YsReviewStatus status,
                     const char *comment, GError **error)
{
  const guint fields[] = { YS_REVIEW_STATUS, YS_REVIEW_COMMENT, YS_REVIEW_DIGEST };
  const char *values[] = { ys_review_status_to_word (status), comment ? comment : "", NULL };

  if (!check_finding (self, finding, error))
    return FALSE;
  if (status == YS_REVIEW_ACCEPTED && finding->level == YS_FINDING_ERROR)
    {
      g_set_error (error, YS_VALIDATOR_ERROR, YS_VALIDATOR_ERROR_NOT_ACCEPTABLE,
                   _("“%s” is an error and cannot be accepted: the budget must be corrected before it is submitted"),
                   finding->title);
      return FALSE;
    }
  values[2] = finding->digest;
  return store (self, finding, _("Review finding"), fields, values, G_N_ELEMENTS (fields), error);
}
