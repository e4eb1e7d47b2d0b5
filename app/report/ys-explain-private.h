/* Inside the 情况说明 generator: the region template (ys-explain-template.c)
 * and the figures it is filled with (ys-explain-facts.c). */
#pragma once

#include "ys-explain.h"
#include "ys-money.h"

G_BEGIN_DECLS

typedef struct {
  char *text;
  char *when;   /* a condition (a variable or list name, "!" negates), or NULL */
  char *each;   /* one paragraph per item of this list, or NULL */
} YsExplainPara;

typedef struct {
  char      *id;
  char      *title;
  char      *when;
  GPtrArray *paras;  /* YsExplainPara */
} YsExplainTmplSection;

typedef struct {
  char *of;     /* the list of items */
  char *item;   /* template of one item */
  char *sep;
  char *empty;  /* text when the list is empty */
} YsExplainList;

typedef struct {
  char       *id;
  gboolean    separators;   /* 1,870.92 rather than 1870.92 */
  gboolean    bare_zero;    /* 0 rather than 0.00 */
  GHashTable *phrases;      /* name → template: up, down, same, new, gone, no_prior, reason, no_reason */
  GHashTable *lists;        /* name → YsExplainList */
  GPtrArray  *sections;     /* YsExplainTmplSection */
  GPtrArray  *closing;      /* YsExplainTmplSection: after the 名词解释 */
  char       *glossary_title;
  GPtrArray  *glossary;     /* char* */
} YsExplainTemplate;

YsExplainTemplate *ys_explain_template_load_data (const char  *data,
                                                  gssize       length,
                                                  const char  *origin,
                                                  GError     **error);
/* The bundled template of @region; the national one when the region has none. */
YsExplainTemplate *ys_explain_template_for       (const char  *region,
                                                  GError     **error);
void               ys_explain_template_free      (YsExplainTemplate *tmpl);
/* TRUE when some text of @tmpl names {@name}. */
gboolean           ys_explain_template_uses      (YsExplainTemplate *tmpl,
                                                  const char        *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (YsExplainTemplate, ys_explain_template_free)

/* Values the templates are filled with. Items of a list are scopes whose
 * parent is the scope that holds the list. */
typedef struct _YsExplainScope YsExplainScope;
struct _YsExplainScope {
  GHashTable     *vars;     /* name → text */
  GHashTable     *missing;  /* name → what is missing (Chinese): the text of that variable says so */
  GHashTable     *lists;    /* name → GPtrArray of YsExplainScope */
  YsExplainScope *parent;
};

YsExplainScope *ys_explain_scope_new     (YsExplainScope *parent);
void            ys_explain_scope_free    (YsExplainScope *scope);
void            ys_explain_scope_set     (YsExplainScope *scope,
                                          const char     *name,
                                          const char     *value);
void            ys_explain_scope_take    (YsExplainScope *scope,
                                          const char     *name,
                                          char           *value);
void            ys_explain_scope_flag    (YsExplainScope *scope,
                                          const char     *name,
                                          gboolean        value);
/* Marks @name as stating a missing fact, described by @what. */
void            ys_explain_scope_missing (YsExplainScope *scope,
                                          const char     *name,
                                          const char     *what);
GPtrArray      *ys_explain_scope_list    (YsExplainScope *scope,
                                          const char     *name);

/* @text with every {name} filled from @scope and the template's lists;
 * what the filled variables miss is added to @missing (char*, no
 * duplicates). An unknown name is left as it is, braces included. */
char           *ys_explain_render        (YsExplainTemplate *tmpl,
                                          YsExplainScope    *scope,
                                          const char        *text,
                                          GPtrArray         *missing);
gboolean        ys_explain_condition     (YsExplainScope    *scope,
                                          const char        *when);

/* Figures as the region prints them. */
char           *ys_explain_money         (YsExplainTemplate *tmpl,
                                          YsMoney            fen);
/* 分 rounded half up to hundredths of 万元, as the tables print them. */
gint64          ys_explain_wan_cents     (YsMoney            fen);
/* Hundredths of a percent as "52.56". */
char           *ys_explain_percent       (gint64             hundredths);
/* Shares of @n amounts (as printed, in 万元) in hundredths of a percent
 * that add up to exactly 10000 (largest remainder); all zero when the total
 * is not positive. */
void            ys_explain_shares        (const YsMoney     *amounts,
                                          guint              n,
                                          gint64            *out);

/* Every figure of @doc the templates name, from @tables and the records. */
YsExplainScope *ys_explain_facts         (YsDocument        *doc,
                                          YsExplainTemplate *tmpl,
                                          GPtrArray         *tables);

G_END_DECLS

G_BEGIN_DECLS

/* Last year's figure of one kind of money, from the 上年数 records. */
typedef struct {
  YsMoney   last;
  gboolean  known;   /* some record gives it */
  char     *reason;  /* the reasons typed on those records, or NULL */
} YsExplainPrior;

/* ys_explain_prior_sum() over the 上年数 records of every unit. */
void ys_explain_prior_find  (YsDocument     *doc,
                             const char     *func,
                             const char     *econ,
                             const char     *kind,
                             const char     *source,
                             YsExplainPrior *out);
void ys_explain_prior_clear (YsExplainPrior *prior);
/* Sets {@name.change} (the region's phrase, with the reason) and
 * {@name.prior}; what is missing is named after @what. */
void ys_explain_change      (YsExplainTemplate    *tmpl,
                             YsExplainScope       *scope,
                             const char           *name,
                             YsMoney               now,
                             const YsExplainPrior *prior,
                             gboolean              sangong,
                             const char           *what);

/* The money in row @row, column @col (keys as in `yusuan-cli tables --json`)
 * of the built table @id; FALSE when there is no such cell. */
gboolean ys_explain_table_money (GPtrArray   *tables,
                                 const char  *id,
                                 const char  *row,
                                 const char  *col,
                                 YsMoney     *out);

/* Figures from the records that no table of every region shows:
 * procurement, purchased services, assets, projects, 机关运行经费. */
void ys_explain_record_facts (YsDocument        *doc,
                              YsExplainTemplate *tmpl,
                              YsExplainScope    *scope,
                              GPtrArray         *tables);

G_END_DECLS
