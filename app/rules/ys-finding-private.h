/* What the validator alone may do with a finding. */
#pragma once

#include "ys-finding.h"

G_BEGIN_DECLS

struct _YsFinding
{
  GObject         parent_instance;

  const char     *rule_id;  /* the rule's own, static */
  YsFindingLevel  level;
  char           *key;
  const char     *title;    /* translated, static */
  char           *message;
  const char     *hint;     /* translated, static */
  const char     *basis;    /* translated, static */
  char           *digest;
  const char     *unit_code; /* interned */
  YsRecord       *record;
  int             field;

  char           *explanation;
  char           *comment;
  char           *reviewer;
  char           *decided_at;
  YsReviewStatus  review_status;
  gboolean        review_stale;

  /* Kept by the validator: the rule that made it, what it was checked for,
   * and its place in the sorted list. */
  guint           rule_index;
  gpointer        owner;
  YsFinding      *next_owned;  /* the next finding of the same owner */
  GSequenceIter  *iter;
};

/* @rule_id: static (the rule's), kept as it is. */
YsFinding *ys_finding_new          (const char     *rule_id,
                                    guint           rule_index,
                                    YsFindingLevel  level,
                                    const char     *title,
                                    const char     *hint,
                                    const char     *basis,
                                    char           *key,
                                    char           *message,
                                    char           *digest,
                                    const char     *unit_code,
                                    YsRecord       *record,
                                    int             field);
/* Takes the content of @fresh (same key) and notifies what changed. */
void       ys_finding_update_from  (YsFinding      *self,
                                    YsFinding      *fresh);
/* @review: the YsReview stored under the finding's key, or NULL. */
void       ys_finding_apply_review (YsFinding      *self,
                                    YsRecord       *review);

G_END_DECLS
