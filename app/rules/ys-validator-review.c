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
  /* Most budgets have no reviews yet: no key to look up for each finding. */
  ys_finding_apply_review (finding, ys_document_count (self->doc, &ys_review_kind) > 0
                                    ? ys_document_lookup_key (self->doc, &ys_review_kind, finding->key)
                                    : NULL);
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
 * it if needed; the caller holds a batch. */
static gboolean
store_one (YsValidator *self, YsFinding *finding,
           const guint *fields, const char *const *values, guint n, GError **error)
{
  YsRecord *review = ys_document_lookup_key (self->doc, &ys_review_kind, finding->key);

  if (review == NULL)
    {
      g_autoptr(YsRecord) fresh = ys_record_new (&ys_review_kind);

      ys_record_set_text (fresh, YS_REVIEW_FINDING, finding->key);
      ys_record_set_text (fresh, YS_REVIEW_STATUS, ys_review_status_to_word (YS_REVIEW_PENDING));
      for (guint i = 0; i < n; i++)
        ys_record_set_text (fresh, fields[i], values[i]);
      return ys_document_insert (self->doc, fresh, error);
    }
  for (guint i = 0; i < n; i++)
    {
      YsValue v = { .s = (char *) values[i] };
      if (!ys_document_set (self->doc, review, fields[i], &v, error))
        return FALSE;
    }
  return TRUE;
}

/* As one undo step: the same @values for each of @findings, with the digest
 * of each finding's own figures as the last value. */
static gboolean
store (YsValidator *self, YsFinding *const *findings, guint n_findings, const char *label,
       const guint *fields, const char **values, guint n, GError **error)
{
  if (!ys_document_begin_batch (self->doc, label, error))
    return FALSE;
  for (guint f = 0; f < n_findings; f++)
    {
      values[n - 1] = findings[f]->digest;
      if (!store_one (self, findings[f], fields, values, n, error))
        {
          ys_document_cancel_batch (self->doc);
          return FALSE;
        }
    }
  return ys_document_end_batch (self->doc, error);
}

gboolean
ys_validator_explain (YsValidator *self, YsFinding *finding, const char *text, GError **error)
{
  /* A new explanation is about today's figures and asks for a new look:
   * the decision it answers is no longer anyone's. */
  const guint fields[] = { YS_REVIEW_EXPLANATION, YS_REVIEW_STATUS, YS_REVIEW_REVIEWER,
                           YS_REVIEW_DECIDED_AT, YS_REVIEW_DIGEST };
  const char *values[] = { text ? text : "", ys_review_status_to_word (YS_REVIEW_PENDING), "", "", NULL };

  if (!check_finding (self, finding, error))
    return FALSE;
  return store (self, &finding, 1, _("Explain finding"), fields, values, G_N_ELEMENTS (fields), error);
}

void
ys_validator_set_reviewer (YsValidator *self, const char *name)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name ? name : ""));

  g_return_if_fail (YS_IS_VALIDATOR (self));
  g_free (self->reviewer);
  self->reviewer = g_steal_pointer (&stripped);
}

const char *
ys_validator_get_reviewer (YsValidator *self)
{
  g_return_val_if_fail (YS_IS_VALIDATOR (self), NULL);
  return self->reviewer ? self->reviewer : "";
}

GPtrArray *
ys_validator_list_same (YsValidator *self, YsFinding *finding)
{
  GPtrArray *same = g_ptr_array_new_with_free_func (g_object_unref);
  GSequenceIter *iter;

  g_return_val_if_fail (YS_IS_VALIDATOR (self), same);
  g_return_val_if_fail (YS_IS_FINDING (finding), same);

  /* The list is sorted by level and rule, so the same problem is one run. */
  for (iter = g_sequence_get_begin_iter (self->sequence); !g_sequence_iter_is_end (iter);
       iter = g_sequence_iter_next (iter))
    {
      YsFinding *other = g_sequence_get (iter);
      if (ys_finding_is_same_problem (finding, other))
        g_ptr_array_add (same, g_object_ref (other));
    }
  return same;
}

gboolean
ys_validator_review (YsValidator *self, YsFinding *finding, YsReviewStatus status,
                     const char *comment, GError **error)
{
  return ys_validator_review_all (self, &finding, 1, status, comment, error);
}

gboolean
ys_validator_review_all (YsValidator *self, YsFinding *const *findings, guint n_findings,
                         YsReviewStatus status, const char *comment, GError **error)
{
  const guint fields[] = { YS_REVIEW_STATUS, YS_REVIEW_COMMENT, YS_REVIEW_REVIEWER,
                           YS_REVIEW_DECIDED_AT, YS_REVIEW_DIGEST };
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  /* To the second, with the offset: "2026-03-05T14:30:12+08:00". */
  g_autofree char *when = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S%:z");
  const char *values[] = { ys_review_status_to_word (status), comment ? comment : "",
                           ys_validator_get_reviewer (self), when, NULL };

  for (guint f = 0; f < n_findings; f++)
    {
      if (!check_finding (self, findings[f], error))
        return FALSE;
      if (status == YS_REVIEW_ACCEPTED && findings[f]->level == YS_FINDING_ERROR)
        {
          g_set_error (error, YS_VALIDATOR_ERROR, YS_VALIDATOR_ERROR_NOT_ACCEPTABLE,
                       _("“%s” is an error and cannot be accepted: the budget must be corrected before it is submitted"),
                       findings[f]->title);
          return FALSE;
        }
    }
  return store (self, findings, n_findings,
                n_findings > 1 ? _("Review identical findings") : _("Review finding"),
                fields, values, G_N_ELEMENTS (fields), error);
}
