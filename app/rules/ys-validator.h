/* Live validation of a budget document. A validator listens to its
 * document's "changed" signal and keeps the findings up to date: after an
 * edit only the rules that read what changed run again, on the records and
 * units or projects the edit touched, and the list changes by the difference
 * (a finding that stays keeps its object). It is a GListModel of YsFinding,
 * errors first, then warnings, then information, each in rule order. */
#pragma once

#include <gio/gio.h>

#include "ys-document.h"
#include "ys-finding.h"

G_BEGIN_DECLS

#define YS_VALIDATOR_ERROR (ys_validator_error_quark ())
typedef enum {
  YS_VALIDATOR_ERROR_NOT_ACCEPTABLE, /* an error cannot be accepted */
  YS_VALIDATOR_ERROR_GONE,           /* the finding is no longer in the list */
} YsValidatorError;
GQuark ys_validator_error_quark (void);

#define YS_TYPE_VALIDATOR (ys_validator_get_type ())
G_DECLARE_FINAL_TYPE (YsValidator, ys_validator, YS, VALIDATOR, GObject)

/* Checks @doc in full, then follows its changes. */
YsValidator *ys_validator_new          (YsDocument     *doc);
YsDocument  *ys_validator_get_document (YsValidator    *self);

/* Holds the re-checks of a run of changes (an import, a paste of many rows)
 * until the matching thaw, which checks what they touched at once. */
void         ys_validator_freeze       (YsValidator    *self);
void         ys_validator_thaw         (YsValidator    *self);
/* Checks everything again; findings that stay keep their objects. */
void         ys_validator_recheck      (YsValidator    *self);

guint        ys_validator_count        (YsValidator    *self,
                                        YsFindingLevel  level);
YsFinding   *ys_validator_lookup       (YsValidator    *self,
                                        const char     *key);

/* The accountant's explanation (说明) of a finding. Saved as a YsReview in the
 * document (one undo step); the finding goes back to 待审 for the reviewer. */
gboolean     ys_validator_explain      (YsValidator    *self,
                                        YsFinding      *finding,
                                        const char     *text,
                                        GError        **error);
/* The name stored with every decision made from now on, and the decision's
 * time: the reviewer's name, set once in the preferences. */
void         ys_validator_set_reviewer (YsValidator    *self,
                                        const char     *name);
const char  *ys_validator_get_reviewer (YsValidator    *self);
/* Every finding of the same problem as @finding (same level, rule and
 * message), @finding included, in list order. */
GPtrArray   *ys_validator_list_same    (YsValidator    *self,
                                        YsFinding      *finding);
/* The reviewer's decision with an optional comment, stored with the
 * reviewer's name and the time. An error (错误) cannot be accepted: it must
 * be corrected. */
gboolean     ys_validator_review       (YsValidator    *self,
                                        YsFinding      *finding,
                                        YsReviewStatus  status,
                                        const char     *comment,
                                        GError        **error);
/* The same decision for each of @findings (identical findings reviewed
 * together), as one undo step; nothing is stored if one of them cannot
 * take it. */
gboolean     ys_validator_review_all   (YsValidator    *self,
                                        YsFinding *const *findings,
                                        guint           n_findings,
                                        YsReviewStatus  status,
                                        const char     *comment,
                                        GError        **error);

G_END_DECLS
