/* What a validation rule is, and the helpers rules share. A rule checks either
 * one record at a time or one group (the records of one unit, or of one
 * project), and says which fields it reads, so that after an edit the
 * validator runs only the rules that read what changed, on the records and
 * groups the change touches. Rules live in ys-rules-*.c, one file per family. */
#pragma once

#include "ys-document.h"
#include "ys-finding.h"
#include "ys-money.h"

G_BEGIN_DECLS

typedef enum {
  YS_RULE_SCOPE_RECORD,   /* one record of rule->kind */
  YS_RULE_SCOPE_UNIT,     /* the records that carry one unit code */
  YS_RULE_SCOPE_PROJECT,  /* the records that carry one project code */
} YsRuleScope;

typedef struct _YsRuleContext YsRuleContext;
typedef struct _YsGroup YsGroup;

#define YS_BIT(field)  (G_GUINT64_CONSTANT (1) << (field))
#define YS_ALL_FIELDS  G_MAXUINT64
#define YS_RULE_MAX_READS 6

typedef struct {
  const YsKind *kind;
  guint64       fields;   /* YS_BIT (field) | …, or YS_ALL_FIELDS */
} YsRuleRead;

typedef struct _YsRule YsRule;
struct _YsRule
{
  const char     *id;       /* "R07"; one id may check several kinds */
  YsFindingLevel  level;
  const char     *title;    /* N_() */
  const char     *hint;     /* N_(): how to fix it */
  const char     *basis;    /* N_(): the regulation or convention it rests on */
  YsRuleScope     scope;
  const YsKind   *kind;     /* YS_RULE_SCOPE_RECORD: the kind checked */
  gboolean        reads_meta; /* document settings and catalogs */
  /* What the rule reads, ending with a NULL kind. A record rule may read the
   * unit or project its record belongs to, nothing else. */
  YsRuleRead      reads[YS_RULE_MAX_READS];
  void          (*check_record) (YsRuleContext *ctx,
                                 YsRecord      *record);
  void          (*check_group)  (YsRuleContext *ctx,
                                 YsGroup       *group);
  /* A unit rule that looks at the unit's lines by classification, bucket by
   * bucket of its ledger (ys-ledger.h): it takes its buckets from
   * ys_rule_context_buckets () and reports each one's findings under it, so
   * that an edit checks again only the buckets it touched. */
  gboolean        by_bucket;
};

/* Every rule, in the order findings are listed; NULL-terminated. */
const YsRule *const *ys_rules_all (void);

/* The families (ys-rules-*.c), each a NULL-terminated array. */
extern const YsRule *const ys_rules_codes[];         /* 1 codes */
extern const YsRule *const ys_rules_kind[];          /* 2 kind and code */
extern const YsRule *const ys_rules_pairs[];         /* 3 pairs that must agree */
extern const YsRule *const ys_rules_balance[];       /* 4 balances */
extern const YsRule *const ys_rules_procurement[];
extern const YsRule *const ys_rules_derived[];
extern const YsRule *const ys_rules_goals[];         /* 5 performance goals */
extern const YsRule *const ys_rules_goals_project[];
extern const YsRule *const ys_rules_duplicates[];    /* 6 completeness and sanity */
extern const YsRule *const ys_rules_prior[];
extern const YsRule *const ys_rules_explain[];   /* the 情况说明 needs 上年数 */
extern const YsRule *const ys_rules_sanity[];
extern const YsRule *const ys_rules_control[];      /* 7 control figures */

/* ---- groups ---- */

const char   *ys_group_get_code    (YsGroup       *group);
/* The unit or project record whose code the group carries, or NULL. */
YsRecord     *ys_group_get_owner   (YsGroup       *group);
/* The group's records of @kind in no particular order (borrowed). Rules
 * must give the same findings whatever the order, since an incremental
 * check and a full one see the records in different orders. */
GPtrArray    *ys_group_get_records (YsGroup       *group,
                                    const YsKind  *kind);
/* A project group's lines added up, as the validator keeps them: all of
 * them, and those financed by 财政拨款 (ys_fund_source_is_fiscal ()). */
YsMoney       ys_group_get_spent   (YsGroup       *group);
YsMoney       ys_group_get_fiscal  (YsGroup       *group);
/* The same, sorted by record id (a new array of borrowed records). */
GPtrArray    *ys_group_sorted      (YsGroup       *group,
                                    const YsKind  *kind);

/* ---- what a rule sees ---- */

YsDocument   *ys_rule_context_get_document (YsRuleContext *ctx);
YsCatalog    *ys_rule_context_get_catalog  (YsRuleContext *ctx,
                                            YsCatalogKind  kind);
/* "legacy" or "2021" */
const char   *ys_rule_context_get_framework (YsRuleContext *ctx);
/* The document's catalog year, read once per check (R10 asks on every line). */
int           ys_rule_context_get_catalog_year (YsRuleContext *ctx);
/* @code as for ys_rule_catalog_entry (). */
YsRecord     *ys_rule_context_get_unit     (YsRuleContext *ctx,
                                            const char    *code);
YsRecord     *ys_rule_context_get_project  (YsRuleContext *ctx,
                                            const char    *code);

/* Something several rules checking the same group can share, such as a
 * unit's lines sorted once: what @build made for @group under @key (a static
 * string) in this check, built on first use. Rules run group by group, so
 * only the last one is kept. */
gpointer      ys_rule_context_share        (YsRuleContext *ctx,
                                            YsGroup       *group,
                                            const char    *key,
                                            gpointer     (*build) (YsGroup *group),
                                            GDestroyNotify destroy);

/* The buckets of two lines or more of @unit's ledger that a by_bucket rule
 * checks: all of them in a full check, those changed since the last check
 * otherwise (a new array of borrowed buckets). */
GPtrArray    *ys_rule_context_buckets      (YsRuleContext *ctx,
                                            YsGroup       *unit);
/* The findings a by_bucket rule emits from now on are @bucket's. */
void          ys_rule_context_set_bucket   (YsRuleContext *ctx,
                                            gconstpointer  bucket);

/* Where a finding points, and what it rests on. */
typedef struct {
  YsRecord   *record;    /* the record to open; NULL: the unit named by unit_code */
  int         field;     /* -1: the whole record */
  const char *unit_code; /* NULL: the record's unit */
  const char *suffix;    /* tells apart several findings of one rule on one record */
  int         level;     /* -1: the rule's level */
  const char *hint;      /* NULL: the rule's hint (already translated otherwise) */
  const char *facts;     /* the figures behind the finding, in no language: a review
                          * holds while they are unchanged */
} YsFindingPlace;

#define YS_FINDING_PLACE_INIT { NULL, -1, NULL, NULL, -1, NULL, NULL }

void          ys_rule_emit       (YsRuleContext        *ctx,
                                  const YsFindingPlace *place,
                                  const char           *format,
                                  ...) G_GNUC_PRINTF (3, 4);

/* ---- helpers ---- */

/* g_strdup_printf (), without printf for the formats messages use
 * (ys-rule-format.h): rules format thousands of texts on a check. */
char         *ys_rule_printf     (const char *format,
                                  ...) G_GNUC_PRINTF (1, 2);

/* Field access for rules, which read every line of a unit on each check:
 * the value slots read in place (they follow the instance, at the class's
 * values_offset), without a call or a type check per access. @field must be
 * a field of the record's kind (a constant of its YS_*_ enum): a text field
 * (ys_rule_text) or a number, money or yes/no field (ys_rule_int). */
static inline const YsValue *
ys_rule_value (YsRecord *record, guint field)
{
  return (const YsValue *) ((const char *) record + YS_RECORD_GET_CLASS (record)->values_offset) + field;
}

static inline const char *
ys_rule_text (YsRecord *record, guint field)
{
  const YsValue *v = ys_rule_value (record, field);
  return v->s ? v->s : "";
}

static inline gint64
ys_rule_int (YsRecord *record, guint field)
{
  return ys_rule_value (record, field)->i;
}

/* "10.61万元" for amounts of 1万元 and more, "500.00元" below. */
char         *ys_rule_money      (YsMoney        fen);
/* "2101103 公务员医疗补助", or the bare code when the catalog does not know it. */
char         *ys_rule_code_name  (YsRuleContext *ctx,
                                  YsCatalogKind  kind,
                                  const char    *code);
/* The entry of @code in the document's catalog of @kind, or NULL, looked
 * up once per check and code by the code's address: @code must be a
 * record's text (which stays as it is during a check) or a static one. */
const YsCatalogEntry *ys_rule_catalog_entry (YsRuleContext *ctx,
                                             YsCatalogKind  kind,
                                             const char    *code);
/* ys_catalog_map_economic () for the document's catalog year, once per
 * check and code (@dept as for ys_rule_catalog_entry ()). */
const char   *ys_rule_map_economic (YsRuleContext *ctx,
                                    const char    *dept,
                                    gboolean       institution);
/* The catalog name of @code with brackets normalised, or NULL (@code as
 * for ys_rule_catalog_entry ()). */
const char   *ys_rule_catalog_name (YsRuleContext *ctx,
                                    YsCatalogKind  kind,
                                    const char    *code);
/* The unit code of any record that has one ("" otherwise). */
const char   *ys_rule_record_unit (YsRecord     *record);
/* Whether @text is blank or a placeholder such as "-", "_", "*", "/", "无". */
gboolean      ys_rule_is_blank   (const char    *text);
/* Sum of a project's 年度 (annual) or 实施期 (period) funds. */
YsMoney       ys_rule_project_funds (YsRecord   *project,
                                     gboolean    annual);

G_END_DECLS
