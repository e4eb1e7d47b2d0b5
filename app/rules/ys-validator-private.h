/* Shared by the validator's files: the groups and the context rules run in. */
#pragma once

#include "ys-ledger.h"
#include "ys-record-list.h"
#include "ys-rule.h"
#include "ys-validator.h"

G_BEGIN_DECLS

/* The records that carry one unit code or one project code. */
struct _YsGroup
{
  YsRuleScope  scope;
  char        *code;
  GPtrArray   *members[YS_N_KINDS];    /* borrowed records, unordered */
  YsLedger    *ledger;                 /* a unit's lines added up; NULL for a project */
  YsMoney      spent, fiscal;          /* a project's lines added up: all, and from 财政拨款 */
};

typedef struct {
  const char    *code;   /* NULL: a free slot */
  gconstpointer  value;  /* what was found, or NULL */
} YsRuleMemo;

#define YS_RULE_MEMO_BITS 10
enum {
  YS_RULE_MEMO_UNIT = YS_CATALOG_N_KINDS,
  YS_RULE_MEMO_MAPPED,            /* and + 1 for a public institution */
  YS_RULE_MEMO_INTERNED = YS_RULE_MEMO_MAPPED + 2,
};

struct _YsRuleContext
{
  YsDocument   *doc;
  const YsRule *rule;
  guint         rule_index;
  gpointer      owner;                 /* the record or group being checked */
  GPtrArray    *out;                   /* YsFinding, owned */
  YsCatalog    *catalogs[YS_CATALOG_N_KINDS];
  int           catalog_year;          /* 0: not read yet */
  YsGroup      *shared_group;          /* ys_rule_context_share () */
  const char   *shared_key;
  gpointer      shared_data;
  GDestroyNotify shared_destroy;
  GHashTable   *touched;               /* the ledger's buckets changed since; NULL: all */
  /* What was looked up by code in this check, by the code's address (no
   * record changes during a check): catalog entries, then units, the
   * 政府 code a 部门 code maps to (机关, 事业单位), interned unit codes. */
  YsRuleMemo   *memo[YS_CATALOG_N_KINDS + 4];
};

#define YS_MAX_FIELDS 64

enum { YS_GROUP_UNITS, YS_GROUP_PROJECTS, YS_N_GROUP_KINDS };

/* Where a record was last seen, so that a change of its unit or project code
 * also re-checks the group it left. */
typedef struct
{
  YsGroup *unit;        /* NULL for none */
  YsGroup *project;     /* NULL for none */
  YsLedgerLine  entry;  /* a line of a unit: what it added to the unit's ledger */
  YsMoney       project_amount;  /* a line of a project: what it added to the project's sums */
  gboolean      project_fiscal;
} Membership;

struct _YsValidator
{
  GObject              parent_instance;

  YsDocument          *doc;
  gulong               changed_id;

  const YsRule *const *rules;
  guint                n_rules;
  guint64              reads[YS_N_KINDS][YS_MAX_FIELDS]; /* rules reading each field */
  guint64              reads_any[YS_N_KINDS];         /* rules reading any field of a kind */
  guint64              record_rules[YS_N_KINDS];      /* record rules checking a kind */
  guint64              group_rules[YS_N_GROUP_KINDS];
  guint64              bucket_rules;                  /* unit rules checking by bucket */
  int                  unit_field[YS_N_KINDS];
  int                  project_field[YS_N_KINDS];
  guint                line_kind;                     /* ys_kinds_index (&ys_line_kind) */

  YsKeyMap             members;                      /* YsRecord → Membership */
  /* The Memberships of the records indexed at first, in one block (taken in
   * order, never freed one by one); later ones are allocated each. */
  Membership          *first_members;
  gsize                n_first_members, first_members_used;
  YsLedgerCode        *codes;                        /* shared by the units' ledgers */
  GHashTable          *groups[YS_N_GROUP_KINDS];        /* code → YsGroup */
  /* The groups by the address of each interned code they were found by
   * (groups are never freed, nor are interned texts): found without
   * hashing the code. */
  YsKeyMap             by_address[YS_N_GROUP_KINDS];

  GHashTable          *dirty_records;                /* YsRecord (ref) → guint64 mask */
  GHashTable          *dirty_groups;                 /* YsGroup → guint64 mask */
  gboolean             dirty_all;
  guint                freeze;
  gboolean             indexing;

  GSequence           *sequence;                     /* YsFinding (ref), sorted */
  GHashTable          *by_key;                       /* key → YsFinding */
  YsKeyMap             owned;                        /* record, group or bucket → its first YsFinding
                                                      * (the others follow by next_owned) */
  guint                counts[YS_FINDING_INFO + 1];
  char                *reviewer;                     /* stored with each decision */
};

void ys_rule_context_init  (YsRuleContext *ctx,
                            YsDocument    *doc,
                            GPtrArray     *out);
void ys_rule_context_clear (YsRuleContext *ctx);

/* ys-validator-index.c */
/* The document's records of @kind, read in place (neither referenced nor
 * found through the list model's interface): a check reads every one. */
YsRecordList *ys_validator_records (YsValidator  *self,
                                    const YsKind *kind);
void ys_group_free                (YsGroup          *group);
/* Called with each record just indexed (@kind: its ys_kinds_index ()),
 * while it is still in the cache: the first check runs the record rules. */
typedef void (*YsIndexVisit) (YsValidator *self,
                              YsRecord    *record,
                              guint        kind,
                              gpointer     data);
void ys_validator_index_document  (YsValidator      *self,
                                   YsIndexVisit      visit,
                                   gpointer          data);
void ys_validator_join            (YsValidator      *self,
                                   YsRecord         *record);
void ys_validator_leave           (YsValidator      *self,
                                   YsRecord         *record);
/* Where @record was last seen, or NULL when it is not indexed. */
static inline Membership *
ys_validator_membership (YsValidator *self, YsRecord *record)
{
  return ys_key_map_lookup (&self->members, ys_key_map_pointer (record));
}
void ys_validator_free_members    (YsValidator      *self);
/* A line's values changed (not its unit): its unit's ledger takes the new ones. */
void ys_validator_recount         (YsValidator      *self,
                                   YsRecord         *record);
/* Marks what the rules in @mask look at when @record, seen in @where, changes. */
void ys_validator_mark_for        (YsValidator      *self,
                                   YsRecord         *record,
                                   const Membership *where,
                                   guint64           mask);

/* ys-validator-list.c */
void ys_validator_list_model_init (GListModelInterface *iface);
/* Moves the findings @owner's rules in @mask made into @old (references included). */
void ys_validator_take_owned      (YsValidator      *self,
                                   gpointer          owner,
                                   guint64           mask,
                                   GPtrArray        *old);
/* Turns the findings in @old into those in @fresh (both hold references):
 * the ones that stay keep their objects and their place in the list. Into
 * an empty list the list may take @fresh's references (its free function
 * is then unset), so @fresh is not to be used after. */
void ys_validator_apply           (YsValidator      *self,
                                   GPtrArray        *old,
                                   GPtrArray        *fresh);

/* ys-validator.c */
void ys_validator_notify_counts   (YsValidator      *self);

/* ys-validator-review.c */
/* Finds the finding stored under a review's key and applies the review to it. */
void ys_validator_review_changed (YsValidator *self,
                                  YsRecord    *review,
                                  YsChangeType type,
                                  int          field);
/* Applies the stored review, if any, to a finding just made or changed. */
void ys_validator_apply_review   (YsValidator *self,
                                  YsFinding   *finding);

G_END_DECLS
