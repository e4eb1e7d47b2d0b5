/* Derived figures: totals and roll-ups computed from the line items and the
 * income, never stored. */
#pragma once

#include "ys-document.h"
#include "ys-money.h"

G_BEGIN_DECLS

typedef struct {
  YsMoney total;
  YsMoney basic;      /* 基本支出 = 人员经费 + 公用经费 */
  YsMoney project;    /* 项目支出 */
  YsMoney personnel;  /* 人员经费 */
  YsMoney public_;    /* 公用经费 */
} YsAmounts;

typedef struct {
  const char *unit_code;   /* NULL: the whole department */
  const char *source;      /* NULL: every fund source */
  gboolean    fiscal_only; /* only 财政拨款 sources */
  int         carry_over;  /* -1 any, 0 this year's, 1 carried over */
} YsFilter;

#define YS_FILTER_ALL ((YsFilter) { NULL, NULL, FALSE, -1 })

typedef struct {
  YsAmounts   expense;
  YsMoney     income_total;
  YsMoney     income_by_source[16];   /* indexed like ys_fund_sources */
  YsAmounts   expense_by_source[16];
  /* 功能分类 类 (3), 款 (5), 项 (7) and 经济分类 类 (3), 款 (5) → YsAmounts */
  GHashTable *by_function;
  GHashTable *by_economic;
  guint       n_units, n_lines, n_projects, n_indicators;
} YsSummary;

/* A %NULL @filter matches every line, as YS_FILTER_ALL does. */
gboolean   ys_filter_matches_line (const YsFilter *filter,
                                   YsRecord       *line);
/* @filter %NULL: the whole department. */
YsSummary *ys_summary_compute     (YsDocument     *doc,
                                   const YsFilter *filter);
/* The same totals of the document's prior-year figures (上年数): records of
 * kind 收入 are income, the rest expenditure; n_lines counts the records.
 * @unit_code NULL: the whole department. */
YsSummary *ys_summary_compute_prior (YsDocument   *doc,
                                   const char     *unit_code);
void       ys_summary_free        (YsSummary      *summary);
/* Codes present in @table ("by_function" or "by_economic"), sorted. */
GPtrArray *ys_summary_codes       (GHashTable     *table);
const YsAmounts *ys_summary_lookup (GHashTable    *table,
                                   const char     *code);
char      *ys_summary_to_json     (YsSummary      *summary,
                                   YsDocument     *doc);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (YsSummary, ys_summary_free)

G_END_DECLS
