/* A region's layout of the official tables, read from a JSON file
 * (resources/layouts/NAME.json, docs/layouts.md): for each table its builder,
 * title, header rows with merged cells, columns, fixed rows and notes. A new
 * region is a new file; nothing here knows a region by name. */
#pragma once

#include <glib.h>

#include "ys-money.h"

G_BEGIN_DECLS

#define YS_LAYOUT_ERROR (ys_layout_error_quark ())
typedef enum {
  YS_LAYOUT_ERROR_NOT_FOUND,
  YS_LAYOUT_ERROR_SYNTAX,
  YS_LAYOUT_ERROR_INVALID,
} YsLayoutError;
GQuark ys_layout_error_quark (void);

/* Which line items or income records a figure counts. */
typedef struct {
  guint32  sources;     /* bit i: ys_fund_sources[i]; 0: every source */
  gint8    carry_over;  /* -1 either, 0 this year's money, 1 carried over (上年结转) */
  char    *sub_source;  /* NULL: any */
  gboolean none;        /* matches nothing (two filters that exclude each other) */
} YsLayoutFilter;

typedef enum {
  YS_MEASURE_NONE,       /* always blank: a column the document has nothing for */
  YS_MEASURE_TOTAL,      /* line items: everything */
  YS_MEASURE_BASIC,      /* 基本支出 */
  YS_MEASURE_PROJECT,    /* 项目支出 */
  YS_MEASURE_PERSONNEL,  /* 人员经费 */
  YS_MEASURE_PUBLIC,     /* 公用经费 */
  YS_MEASURE_INCOME,     /* income records */
} YsMeasure;

typedef struct {
  char           *show;       /* "money", or what a text column shows ("code", "name", …) */
  YsMeasure       measure;
  YsLayoutFilter  filter;
  double          width;      /* characters; 0 = fit */
  gboolean        show_zero;  /* print 0.00 instead of leaving the cell blank */
  gboolean        left;       /* balance tables: a column of the income (left) half */
} YsLayoutColumn;

typedef struct {
  char  *text;
  guint  span;   /* columns */
  guint  rows;   /* rows */
} YsLayoutCell;

typedef struct {
  GPtrArray *cells;          /* YsLayoutCell */
  gboolean   numbers;        /* a 栏次 row: the columns numbered 1, 2, … */
  char      *numbers_label;  /* printed in the first column of a 栏次 row */
} YsLayoutHeaderRow;

/* A fixed row of a table (收支总表 sides, “三公” items, asset classes). */
typedef struct {
  char           *label;
  char           *code;       /* 功能分类 类 of a balance row; "*" = every class */
  char          **econ;       /* economic codes (款 or 类) summed by an item row */
  char           *category;   /* assets: category */
  char           *name;       /* assets: name within the category */
  char           *classes;    /* expands to the 功能分类 类 rows, numbered "（一）" or "一、" */
  YsLayoutFilter  filter;
  gboolean        blank;      /* a label without figures */
  gboolean        total;      /* bold */
} YsLayoutRow;

typedef struct {
  char     *text;    /* a template: {project.name}, {dept_name}, … */
  char     *money;   /* a fund of the project: period_total, annual_fiscal, … */
  guint     span, rows;
  gboolean  bold, center, show_zero;
} YsLayoutFormCell;

typedef struct {
  char  *label;      /* a column spanning the whole block (绩效指标), or NULL */
  char **sets;       /* goal sets shown side by side: 实施期, 年度 */
  char **columns;    /* fields of each set: level2, name, description, value, basis, operator */
  char **header;     /* header texts: 一级指标 then the columns of each set */
  guint  min_rows;   /* blank rows printed when a project has no indicator */
} YsLayoutIndicators;

typedef struct {
  GPtrArray          *cells;       /* YsLayoutFormCell */
  YsLayoutIndicators *indicators;  /* or an indicator block */
} YsLayoutFormRow;

typedef struct {
  char           *id;
  char           *builder;
  char           *sheet;
  char           *title;
  char           *subtitle;
  GPtrArray      *captions;      /* YsLayoutCaption */
  YsMoneyUnit     unit;
  char           *money_format;
  int             orientation;   /* -1 by width, 0 portrait, 1 landscape */
  YsLayoutFilter  filter;        /* applies to every figure of the table */
  char          **unit_types;    /* only units of these types (机关运行经费) */
  GPtrArray      *header;        /* YsLayoutHeaderRow */
  GPtrArray      *columns;       /* YsLayoutColumn */
  GPtrArray      *rows;          /* YsLayoutRow: fixed rows */
  GPtrArray      *left;          /* YsLayoutRow: balance, income side */
  GPtrArray      *right;         /* YsLayoutRow: balance, expenditure side */
  GPtrArray      *footer_left;   /* YsLayoutRow or NULL, paired with footer_right */
  GPtrArray      *footer_right;
  char           *total_label;   /* 合计 row of a list; NULL for none */
  gboolean        total_last;
  gboolean        total_when_empty;
  char           *subtotal_label; /* per unit, e.g. "{unit_name}小计" */
  guint           empty_rows;    /* blank rows printed in an empty table */
  char           *empty_note;
  char          **notes;
  gboolean        indent;        /* indent names by level */
  gboolean        gov_economic;  /* economic rows split by 政府预算经济分类 */
  gboolean        all_codes;     /* a row for every 功能分类 code the department uses, figures or not */
  GPtrArray      *form;          /* YsLayoutFormRow */
  guint           form_cols;
  double         *form_widths;
  int             from_year;     /* budget years the table is printed for; 0: open */
  int             until_year;
} YsLayoutTable;

/* Whether @t is printed for a budget of @year (a region's form changes between years). */
gboolean ys_layout_table_applies (const YsLayoutTable *t,
                                  int                  year);

typedef struct {
  char *left, *center, *right;
} YsLayoutCaption;

typedef struct {
  char *code;
  char *label;
} YsLayoutClass;

typedef struct {
  char       *id;
  char       *name;
  char       *path;      /* file or resource it was read from */
  GPtrArray  *classes;   /* YsLayoutClass: the 功能分类 类 rows of the 收支总表 */
  GPtrArray  *tables;    /* YsLayoutTable */
} YsLayout;

/* Bundled layouts by name (anhui, hebei, shanxi, national), NULL-terminated. */
const char *const *ys_layout_bundled_names (void);

YsLayout *ys_layout_load_bundled (const char  *name,
                                  GError     **error);
YsLayout *ys_layout_load_file    (const char  *path,
                                  GError     **error);
YsLayout *ys_layout_load_data    (const char  *data,
                                  gssize       length,
                                  const char  *origin,
                                  GError     **error);
/* A bundled name, or a path to a .json file (anything with a '/' or ending in .json). */
YsLayout *ys_layout_load         (const char  *name_or_path,
                                  GError     **error);
void      ys_layout_free         (YsLayout    *layout);

/* @out requires both @a and @b; it borrows their strings and is not cleared. */
void      ys_layout_filter_and   (YsLayoutFilter       *out,
                                  const YsLayoutFilter *a,
                                  const YsLayoutFilter *b);
gboolean  ys_layout_filter_matches (const YsLayoutFilter *filter,
                                    const char           *source,
                                    const char           *sub_source,
                                    gboolean              carry_over);
/* The place of @source in ys_fund_sources, -1 if it is none of them. */
int       ys_layout_source_bit     (const char           *source);
/* The same as ys_layout_filter_matches for a source given by its place. */
gboolean  ys_layout_filter_matches_bit (const YsLayoutFilter *filter,
                                        int                   source_bit,
                                        const char           *sub_source,
                                        gboolean              carry_over);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (YsLayout, ys_layout_free)

G_END_DECLS
