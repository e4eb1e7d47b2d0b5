/* What one unit's lines add up to, as the unit rules read it: totals by fund
 * source, kind, the pairs R30 compares, the figures the 情况说明 states, and
 * the lines grouped by classification (R39, R40). The validator keeps one
 * ledger per unit and updates it by each line's difference as lines come, go
 * and change, so a rule of a unit reads a few sums instead of every line of
 * the unit, and an edit costs the same in a unit of ten lines or of ten
 * thousand. Every sum is in 分 and exact, so it cannot drift from what adding
 * the lines again would give. */
#pragma once

#include "ys-key-map.h"
#include "ys-rule.h"

G_BEGIN_DECLS

#define YS_LEDGER_SOURCES 16  /* indexed like ys_fund_sources; the last: any other */
#define YS_LEDGER_PAIRS    6  /* R30's pairs (ys-rules-pairs.c) */
#define YS_LEDGER_SANGONG  4  /* 30212, 30217, 30231, 31013, in that order */
#define YS_LEDGER_SUM_BLOCK 256
#define YS_LEDGER_BUCKET_BLOCK 256
#define YS_LEDGER_CODES_BITS 12

/* The fields that classify a line (R39, R40). */
enum {
  YS_LEDGER_FUNC, YS_LEDGER_ECON, YS_LEDGER_GOV, YS_LEDGER_KIND,
  YS_LEDGER_PROJECT, YS_LEDGER_SOURCE, YS_LEDGER_SUB, YS_LEDGER_N_TEXTS
};

typedef struct
{
  const char *text[YS_LEDGER_N_TEXTS];
  gint64      carry_over;
} YsLedgerClass;

typedef struct _YsLedgerLine YsLedgerLine;

/* What one code or choice means to the ledger in each place it can stand
 * (function or economic code, kind, fund source), worked out once per
 * distinct text. Found by the text's address: codes and choices are
 * interned (ys_value_copy), so one address is one text for as long as the
 * program runs, and a line is added by looking up four addresses instead of
 * comparing its texts with every code the rules single out. */
typedef struct
{
  const char *text;        /* NULL: a free slot */
  guint16     flags;
  gint8       func_pair;   /* R30's side as a function code, for any kind */
  gint8       func_pair_personnel; /* … for 人员经费 */
  gint8       econ_pair;   /* R30's side as an economic code, before its function is looked at */
  gint8       sangong;
  guint8      source;      /* ys_ledger_source_index () */
} YsLedgerCode;

/* The validator's table of them, shared by its ledgers (1 << YS_LEDGER_CODES_BITS
 * slots, found by a Fibonacci hash of the address; a clash recomputes). */
YsLedgerCode *ys_ledger_codes_new (void);
/* Whether @source (interned, or a literal "") is a 财政拨款 source (ys_fund_source_is_fiscal ()). */
gboolean      ys_ledger_is_fiscal (YsLedgerCode *codes,
                                   const char   *source);

/* A project's lines (within one unit) marked as government procurement [0]
 * or as purchased services [1] (R22). */
typedef struct
{
  guint   n[2];
  YsMoney amount[2];
} YsLedgerMarks;

/* The lines of one unit under one classification, found by a 64-bit hash
 * of it: two classifications may share a bucket, so a rule reading one tells
 * its lines apart by their classification (ys_ledger_line_class ()). Nothing
 * is copied for the classification, which keeps a bucket small. */
typedef struct
{
  guint64        hash;
  guint          n_lines;
  guint          n_alloc;
  YsLedgerLine **lines;     /* in no particular order; most buckets hold one line, kept in place */
  YsLedgerLine  *in_place[2];
} YsLedgerBucket;

/* One line as it was last added to the ledger: what it added, so that it
 * can be taken out again after the record has changed. */
struct _YsLedgerLine
{
  YsRecord       *line;
  gint64          id;
  YsMoney         amount;
  YsLedgerBucket *bucket;
  YsMoney        *item;       /* its 一般公共预算拨款 function item's sum, or NULL */
  YsLedgerMarks  *marks;      /* its project's marks when it is marked, or NULL */
  guint8          source;
  gint8           func_pair;  /* counted on that side of R30's pair, or -1 */
  gint8           econ_pair;
  gint8           sangong;    /* index of its “三公” code when from 财政拨款, or -1 */
  guint16         flags;
};

/* The sum of one 功能分类 项 (R43). @prefix holds the first eight bytes of
 * the code, so that finding it among a unit's items seldom reads the code.
 * @code is the lines' own (interned, as every code of a record is); @sum
 * stays where it is while items are inserted before it (lines point at it),
 * in one of the ledger's blocks of sums. */
typedef struct
{
  guint64     prefix;
  const char *code;
  YsMoney    *sum;
} YsLedgerItem;

typedef struct
{
  guint       n_lines;
  YsMoney     total;
  YsMoney     other_function, other_economic;       /* under 其他 items (R13) */
  YsMoney     spent[YS_LEDGER_SOURCES];
  YsMoney     pair_function[YS_LEDGER_PAIRS];
  YsMoney     pair_economic[YS_LEDGER_PAIRS];
  YsMoney     basic, project;                       /* by kind: 项目支出 or not */
  YsMoney     personnel;                            /* 人员经费, any source */
  YsMoney     fiscal_personnel, fiscal_public;      /* 人员经费 / 公用经费 from 财政拨款 */
  YsMoney     sangong[YS_LEDGER_SANGONG];           /* from 财政拨款 */
  YsMoney     vehicle_running, vehicle_purchase;    /* 30231 / 31013, any source */
  GArray     *items;     /* YsLedgerItem of the 一般公共预算拨款 lines' 功能分类 项, sorted by
                          * code (strcmp); a sum may be 0 */
  GPtrArray  *sum_blocks; /* where the items' sums are (YS_LEDGER_SUM_BLOCK each, zeroed) */
  guint       sums_left;  /* unused sums in the last block */
  YsKeyMap    item_sums; /* a 项's code (its interned address) → its sum, as @items has it */
  YsKeyMap    buckets;   /* hash of a classification → YsLedgerBucket* */
  GPtrArray  *bucket_blocks; /* where the buckets are (YS_LEDGER_BUCKET_BLOCK each) */
  guint       buckets_left;
  YsLedgerCode *codes;   /* the validator's */
  GHashTable *repeated;  /* the buckets holding two lines or more */
  GHashTable *marks;     /* project code ("" for none) → YsLedgerMarks* (counts may be 0) */
  GHashTable *unmarked;  /* YsLedgerLine of equipment with money, not marked as procurement */
  /* The buckets lines joined or left since the validator last checked them
   * (not while @quiet). Buckets are kept when they empty, so that findings
   * kept under a bucket can always be found by it. */
  GHashTable *touched;
  gboolean    quiet;
} YsLedger;

extern const char *const ys_ledger_sangong_codes[YS_LEDGER_SANGONG + 1];

/* The ledger of a unit group (NULL for a project group). */
const YsLedger *ys_group_get_ledger (YsGroup *group);

/* @codes: ys_ledger_codes_new (), outliving the ledger. */
YsLedger     *ys_ledger_new    (YsLedgerCode *codes);
void          ys_ledger_free   (YsLedger     *ledger);
/* Adds @line as it is now, noting what it added in @entry (the caller's
 * storage, which must stay in place until removed). */
void          ys_ledger_add    (YsLedger     *ledger,
                                YsLedgerLine *entry,
                                YsRecord     *line);
/* Asks for the slots ys_ledger_add (@ledger, …, @line) will read first
 * (its classification's bucket, its function item's sum), a few lines
 * before it is added: a ledger's tables are seldom in the cache when lines
 * of three hundred units come mixed. Changes nothing. */
void          ys_ledger_prefetch (const YsLedger *ledger,
                                  YsRecord       *line);
/* Takes out what @entry added. */
void          ys_ledger_remove (YsLedger     *ledger,
                                YsLedgerLine *entry);
/* The classification of the line of @entry (the record's, which is what
 * the entry was counted with, since an edit counts the line again). */
void          ys_ledger_line_class (const YsLedgerLine *entry,
                                    YsLedgerClass      *out);
/* Index in ys_fund_sources, or YS_LEDGER_SOURCES - 1. */
guint         ys_ledger_source_index (const char *source);

/* The sides of R30's pairs a line counts on (ys-rules-pairs.c). */
int           ys_rules_pairs_function_side (const char *func,
                                            const char *kind);
int           ys_rules_pairs_economic_side (const char *econ,
                                            const char *func);
/* Purchases that are always government procurement (ys-rules-procurement.c). */
gboolean      ys_rules_is_equipment        (const char *econ);
/* 其他 items (ys-rules-sanity.c). */
gboolean      ys_rules_is_other_function   (const char *code);
gboolean      ys_rules_is_other_economic   (const char *code);

G_END_DECLS
