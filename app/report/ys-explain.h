/* 第三部分 情况说明: the sentences that explain each official table, written
 * from the same figures as the tables. What each region prints is data
 * (resources/explain/NAME.json, docs/explain.md): sentence templates with
 * placeholders that the code fills with computed figures. */
#pragma once

#include "ys-document.h"
#include "ys-layout.h"
#include "ys-money.h"

G_BEGIN_DECLS

#define YS_EXPLAIN_ERROR (ys_explain_error_quark ())
typedef enum {
  YS_EXPLAIN_ERROR_NOT_FOUND,
  YS_EXPLAIN_ERROR_SYNTAX,
  YS_EXPLAIN_ERROR_INVALID,
} YsExplainError;
GQuark ys_explain_error_quark (void);

typedef struct {
  char      *title;       /* e.g. "一、收支预算总体情况" — as the region's documents print it */
  GPtrArray *paragraphs;  /* char*, plain UTF-8 text, one paragraph each */
  gboolean   incomplete;  /* a needed fact was missing; the text says so visibly */
  char      *id;          /* the template's section id, e.g. "general_public" */
  GPtrArray *missing;     /* char*: what was missing, in Chinese (empty when complete) */
} YsExplainSection;

void       ys_explain_section_free (YsExplainSection *section);

/* 第三部分 情况说明 of @doc in the region of @layout, computed from @tables (the
 * result of ys_report_build (doc, layout, NULL, …); NULL: built here).
 * Returns YsExplainSection*, in print order. */
GPtrArray *ys_explain_build     (YsDocument  *doc,
                                 YsLayout    *layout,
                                 GPtrArray   *tables,
                                 GError     **error);

/* 名词解释 of the region: YsExplainSection* (one section, one paragraph per term),
 * followed by the sections the region prints after it (河北: 九、其他需要说明的事项). */
GPtrArray *ys_explain_glossary  (YsDocument  *doc,
                                 YsLayout    *layout,
                                 GError     **error);

/* 第一部分 概况's 机构设置 sentence(s) from the units, as the seeds print it. */
char      *ys_explain_structure (YsDocument  *doc);

/* `yusuan-cli explain --json`: sections, glossary and 机构设置. */
char      *ys_explain_to_json   (GPtrArray   *sections,
                                 GPtrArray   *glossary,
                                 const char  *structure);

/* The change phrases that need a figure from last year, for the validator:
 * TRUE when the region's text (of @layout_id; NULL: the document's region)
 * states the change on last year of @figure ("total", "items", "project",
 * "basic", "agency", "three_public"). */
gboolean   ys_explain_region_states_change (const char *region,
                                            const char *figure);

/* Last year's figure from the 上年数 records @priors (YsRecord*): the records
 * typed for exactly this figure (@func, @econ, @kind, "" = not named; @source
 * or no source; @source NULL: any), else the detailed records within it (by
 * 项, 款, kind). Kind "" is expenditure, 收入 income, 基本支出 also 人员经费
 * and 公用经费 together. FALSE when no record gives it. The reasons typed on
 * the records used are added to @reasons (may be NULL). */
gboolean   ys_explain_prior_sum (GPtrArray   *priors,
                                 const char  *func,
                                 const char  *econ,
                                 const char  *kind,
                                 const char  *source,
                                 YsMoney     *last,
                                 GString     *reasons);

G_END_DECLS
