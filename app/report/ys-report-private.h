/* Shared by the table builders (ys-report-*.c); not for other code. */
#pragma once

#include "ys-report.h"

G_BEGIN_DECLS

/* The line items that no table tells apart, added up: same 支出类型, fund
 * source, sub-source, 上年结转, 功能分类, 部门 and 政府经济分类 and unit
 * type. A department- or unit-wide figure reads these (some thousands)
 * instead of every line, once per column, row and table. The sums of one
 * unit or project (owner) tell apart only 支出类型, fund source, sub-source
 * and 上年结转 (ys-report-sums.c). */
typedef struct {
  const char *owner;         /* the unit or project; "" for the department */
  const char *kind;
  const char *source;
  const char *sub_source;
  const char *func;
  const char *econ;
  const char *gov_econ;
  gboolean    carry_over;
  gboolean    institution;   /* the line's unit is a 事业单位 */
  YsMoney     amount;
  /* Read by ys_report_sum_value for every sum, column and table, so worked
   * out once (ys_report_line_sum_classify): the place of source in
   * ys_fund_sources (-1: none of them), and kind as YS_MEASURE_PERSONNEL,
   * _PUBLIC or _PROJECT (_NONE: another). */
  int         source_bit;
  YsMeasure   kind_measure;
} YsReportLineSum;

typedef struct _YsReportLineScan YsReportLineScan;

/* A transfer inside the department (a line with 内部往来 set), held aside
 * until ys_report_offset has decided whether its pair leaves it out. */
typedef struct {
  YsReportLineSum sum;       /* owner: its unit */
  const char     *project;
  const char     *transfer;
  gboolean        dropped;
  guint           ids[YS_LINE_N_FIELDS];   /* its texts' numbers in the scan */
} YsReportHeldLine;

/* Transfers inside the department left out of its tables (ys-report-offset.c). */
typedef struct {
  YsMoney grant_income;     /* 上级补助收入 of units below the office */
  YsMoney grant_expense;    /* 对附属单位补助支出 of the office */
  YsMoney payment_income;   /* 附属单位上缴收入 of the office */
  YsMoney payment_expense;  /* 上缴上级支出 of units below it */
  GPtrArray *income;        /* the income records left out */
  GPtrArray *lines;         /* the lines left out (YsReportHeldLine) */
} YsReportOffsets;

typedef struct {
  YsDocument  *doc;
  YsLayout    *layout;
  YsRecord    *unit;          /* NULL: the whole department */
  char        *subject_name;  /* the department's or the unit's name */
  char        *subject_code;
  int          year;
  /* The line items of the department or of the one unit, added up
   * (ys-report-sums.c), the department's internal transfers left out. */
  GArray      *line_sums;     /* YsReportLineSum of the whole */
  GHashTable  *unit_sums;     /* unit code → GArray of YsReportLineSum */
  GHashTable  *project_sums;  /* project code → GArray of YsReportLineSum */
  /* While the lines are read: */
  YsReportLineScan *scan;
  GArray      *held;          /* YsReportHeldLine: transfers inside the department */
  const char  *empty;
  /* Records of the department or of the one unit, borrowed from the document. */
  GPtrArray   *income;
  GPtrArray   *projects;
  GPtrArray   *indicators;
  GPtrArray   *procurement;
  GPtrArray   *services;
  GPtrArray   *assets;
  GPtrArray   *units;
  /* Indicators by project code (GPtrArray each). */
  GHashTable  *indicators_by_project;
  YsCatalog   *functions;
  YsCatalog   *econ_dept;
  YsCatalog   *econ_gov;
  guint        form_index;    /* {n} of the performance forms */
  const char  *unit_hint;     /* the unit {unit_name} names while a per-unit row is labelled */
  YsReportOffsets offsets;
} YsReportContext;

/* One table being built. */
typedef struct {
  YsReportContext      *ctx;
  const YsLayoutTable  *lt;
  YsReportTable        *table;
  YsLayoutFilter       *filters;   /* per column: the table's filter and the column's */
} YsTableBuild;

/* Title, captions, header rows and column keys from the layout. */
void         ys_report_begin        (YsTableBuild         *b,
                                     YsReportContext      *ctx,
                                     const YsLayoutTable  *lt);
/* Titles a table about one project (the forms): {project…} in title and sheet. */
void         ys_report_begin_project (YsTableBuild        *b,
                                      YsRecord            *project);
/* 序号 numbers, the empty note and the notes; hands the table to @out. */
void         ys_report_finish       (YsTableBuild         *b,
                                     GPtrArray            *out);
void         ys_report_build_clear  (YsTableBuild         *b);

/* {year} {prev_year} {dept} {code} {dept_name} {dept_code} {unit} {unit_name}
 * {unit_code} {n} {project.FIELD}; "{project.status|新增=☑|延续=□}" maps values. */
char        *ys_report_expand       (YsReportContext      *ctx,
                                     const char           *template,
                                     YsRecord             *project);

void         ys_report_line_sum_classify (YsReportLineSum *sum);
gboolean     ys_report_is_money     (const YsLayoutColumn *column);
YsMoney      ys_report_sum_value    (const YsReportLineSum *sum,
                                     YsMeasure             measure,
                                     const YsLayoutFilter *filter);
/* The 政府预算经济分类 of a sum: its own, or mapped from the 部门 one. */
const char  *ys_report_sum_gov_econ (YsReportContext      *ctx,
                                     const YsReportLineSum *sum);
YsMoney      ys_report_income_value (YsRecord             *income,
                                     const YsLayoutFilter *filter);
/* A money cell of column @col, blank or 0.00 for zero as the column says. */
void         ys_report_put_money    (YsTableBuild         *b,
                                     YsReportRow          *row,
                                     guint                 col,
                                     YsMoney               fen);
/* The column where a row's label goes: the first that shows a label or name. */
guint        ys_report_label_column (YsTableBuild         *b);

const char  *ys_report_code_name    (YsCatalog            *catalog,
                                     const char           *code);
YsRecord    *ys_report_unit         (YsReportContext      *ctx,
                                     const char           *code);
YsRecord    *ys_report_project      (YsReportContext      *ctx,
                                     const char           *code);
/* The line sums of a unit or project; an empty array when there are none. */
GArray      *ys_report_sums_of_unit     (YsReportContext *ctx,
                                         const char      *unit_code);
GArray      *ys_report_sums_of_project  (YsReportContext *ctx,
                                         const char      *project_code);
/* Reads every line of the document (or of the one unit) into the sums, or
 * the department's sums the file keeps when its lines stream from it
 * (ys_document_has_line_sums), holding the transfers inside the department
 * aside; after ys_report_offset, ys_report_sums_finish adds those it kept. */
gboolean     ys_report_sums_scan        (YsReportContext *ctx,
                                         GError         **error);
void         ys_report_sums_finish      (YsReportContext *ctx);
void         ys_report_sums_clear       (YsReportContext *ctx);
/* The indicators of a project; an empty array when there are none. */
GPtrArray   *ys_report_indicators_of_project (YsReportContext *ctx,
                                              const char      *project_code);
/* 行政单位/参公 → 机关 (FALSE), 事业单位 → TRUE. */
gboolean     ys_report_unit_is_institution (YsReportContext *ctx,
                                            const char      *unit_code);
/* "一" … "三十一" */
char        *ys_report_chinese_number (guint               n);

/* Leaves the department's internal transfers out of the held lines and
 * ctx->income (the whole department only), and the note that says so under
 * a table whose figures they would have been in, or NULL. */
void         ys_report_offset       (YsReportContext      *ctx);
char        *ys_report_offset_note  (YsReportContext      *ctx,
                                     const YsLayoutTable  *lt);

/* Builders: ys-report-classified.c, ys-report-balance.c, ys-report-lists.c,
 * ys-report-form.c. Each appends its table(s) to @out. */
void ys_report_build_function    (YsReportContext *ctx, const YsLayoutTable *lt, GPtrArray *out);
void ys_report_build_economic    (YsReportContext *ctx, const YsLayoutTable *lt, GPtrArray *out);
void ys_report_build_balance     (YsReportContext *ctx, const YsLayoutTable *lt, GPtrArray *out);
void ys_report_build_econ_rows   (YsReportContext *ctx, const YsLayoutTable *lt, GPtrArray *out);
void ys_report_build_units       (YsReportContext *ctx, const YsLayoutTable *lt, GPtrArray *out);
void ys_report_build_projects    (YsReportContext *ctx, const YsLayoutTable *lt, GPtrArray *out);
void ys_report_build_procurement (YsReportContext *ctx, const YsLayoutTable *lt, GPtrArray *out);
void ys_report_build_services    (YsReportContext *ctx, const YsLayoutTable *lt, GPtrArray *out);
void ys_report_build_assets      (YsReportContext *ctx, const YsLayoutTable *lt, GPtrArray *out);
void ys_report_build_performance (YsReportContext *ctx, const YsLayoutTable *lt, GPtrArray *out);

G_END_DECLS
