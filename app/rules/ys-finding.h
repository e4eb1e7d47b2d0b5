/* A validation finding: what a rule found, where, why it matters and how to
 * fix it, with the explanation and review attached to it. The validator owns
 * and updates findings; the window only reads them (and binds to their
 * properties). */
#pragma once

#include <glib-object.h>

#include "ys-kind.h"
#include "ys-record.h"

G_BEGIN_DECLS

typedef enum {
  YS_FINDING_ERROR,    /* 错误（强制）: the budget cannot be submitted as is */
  YS_FINDING_WARNING,  /* 警告（提示）: allowed with an explanation */
  YS_FINDING_INFO,     /* 提示: information */
} YsFindingLevel;

typedef enum {
  YS_REVIEW_PENDING,   /* 待审 */
  YS_REVIEW_ACCEPTED,  /* 已认可 */
  YS_REVIEW_RETURNED,  /* 退回 */
} YsReviewStatus;

#define YS_TYPE_FINDING_LEVEL (ys_finding_level_get_type ())
GType ys_finding_level_get_type (void);
#define YS_TYPE_REVIEW_STATUS (ys_review_status_get_type ())
GType ys_review_status_get_type (void);

/* "错误", "警告", "提示" (translated). */
const char    *ys_finding_level_to_string   (YsFindingLevel  level);
/* The word stored in review records: 待审, 已认可, 退回. */
const char    *ys_review_status_to_word     (YsReviewStatus  status);
/* Reads a stored word; an empty or unknown word is 待审. */
YsReviewStatus ys_review_status_from_word   (const char     *word);

#define YS_TYPE_FINDING (ys_finding_get_type ())
G_DECLARE_FINAL_TYPE (YsFinding, ys_finding, YS, FINDING, GObject)

const char     *ys_finding_get_rule_id        (YsFinding *self);
YsFindingLevel  ys_finding_get_level          (YsFinding *self);
/* Stable across sessions: "R07:line:12", "R30:unit:103001:2101103". Reviews are stored under it. */
const char     *ys_finding_get_key            (YsFinding *self);
const char     *ys_finding_get_title          (YsFinding *self);
const char     *ys_finding_get_message        (YsFinding *self);
const char     *ys_finding_get_hint           (YsFinding *self);
const char     *ys_finding_get_basis          (YsFinding *self);
/* Checksum of the figures behind the finding; a review holds while it is unchanged. */
const char     *ys_finding_get_digest         (YsFinding *self);

/* Where to go: the unit, the record (NULL only if it has gone) and its field (-1: the whole record). */
const char     *ys_finding_get_unit_code      (YsFinding *self);
const YsKind   *ys_finding_get_kind           (YsFinding *self);
gint64          ys_finding_get_record_id      (YsFinding *self);
YsRecord       *ys_finding_get_record         (YsFinding *self);
int             ys_finding_get_field          (YsFinding *self);
/* "单位 003001 › 支出明细 #12 › 金额" */
char           *ys_finding_describe_location  (YsFinding *self);

/* The review as it applies now: a review whose data has changed since is 待审 again
 * (review-stale is then TRUE), and an error is never 已认可. */
const char     *ys_finding_get_explanation    (YsFinding *self);
YsReviewStatus  ys_finding_get_review_status  (YsFinding *self);
const char     *ys_finding_get_comment        (YsFinding *self);
gboolean        ys_finding_get_review_stale   (YsFinding *self);
/* Who made the stored decision and when (ISO 8601), or NULL. */
const char     *ys_finding_get_reviewer       (YsFinding *self);
const char     *ys_finding_get_decided_at     (YsFinding *self);
/* The time of the decision as "2026-03-05 14:30", or NULL. */
char           *ys_finding_describe_decision_time (YsFinding *self);
/* The same rule found the same thing (level, rule and message alike), in
 * another place: such findings are reviewed together. */
gboolean        ys_finding_is_same_problem    (YsFinding *self,
                                               YsFinding *other);

G_END_DECLS
