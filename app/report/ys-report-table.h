/* A computed official table, laid out as a grid: header rows with merged
 * cells, body rows of text, money and counts, notes. Builders fill it from a
 * document and a layout; the xlsx writer and `yusuan-cli tables --json` only
 * read it, so what is printed and what is tested are the same cells. */
#pragma once

#include <json-glib/json-glib.h>

#include "ys-money.h"

G_BEGIN_DECLS

typedef enum {
  YS_REPORT_CELL_EMPTY,
  YS_REPORT_CELL_TEXT,
  YS_REPORT_CELL_MONEY,   /* value in 分 */
  YS_REPORT_CELL_NUMBER,  /* a count or quantity, value as is */
} YsReportCellType;

typedef enum {
  YS_CELL_BOLD      = 1 << 0,
  YS_CELL_CENTER    = 1 << 1,
  YS_CELL_SHOW_ZERO = 1 << 2,  /* print 0.00 where the layout does not leave zeros blank */
  YS_CELL_LEFT_WRAP = 1 << 3,  /* long text: wrap, top-left aligned (forms) */
} YsCellFlags;

typedef struct {
  YsReportCellType  type;
  guint8            flags;
  guint8            indent;  /* levels of indentation of a name (类/款/项) */
  char             *text;
  gint64            value;
} YsReportCell;

typedef struct {
  char         *key;      /* 科目编码, label or record code naming the row */
  YsReportCell *cells;    /* n_cols */
  guint         n_cells;
  gboolean      total;    /* a 合计/小计 row: bold */
} YsReportRow;

typedef struct {
  guint first_row, first_col, last_row, last_col;
} YsMerge;

typedef struct {
  char *left, *center, *right;
} YsCaption;

typedef struct {
  char        *id;            /* the layout's table id, e.g. "fiscal_balance" */
  char        *name;          /* title without year and department: what the table is called */
  char        *sheet;         /* wanted sheet name; the writer makes it unique and short */
  char        *title;
  char        *subtitle;      /* e.g. （2023年度）, or NULL */
  GPtrArray   *captions;      /* YsCaption: 部门名称 / 单位：万元 lines */
  YsMoneyUnit  unit;
  char        *money_format;  /* xlsx number format of money cells */
  int          orientation;   /* -1 by width, 0 portrait, 1 landscape */
  gboolean     form;          /* a form (绩效目标表): no header rows to repeat or freeze */
  gboolean     empty;         /* no figure at all: the empty note is printed */
  guint        n_cols;
  double      *widths;        /* n_cols; 0 = fit to the content */
  gboolean    *numeric;       /* n_cols: a column of figures, given room for them even when empty */
  char       **col_keys;      /* n_cols: what each column shows, for JSON */
  GPtrArray   *header;        /* YsReportRow */
  GArray      *header_merges; /* YsMerge, rows counted within the header */
  GPtrArray   *rows;          /* YsReportRow */
  GArray      *body_merges;   /* YsMerge, rows counted within the body */
  GPtrArray   *notes;         /* char* */
} YsReportTable;

YsReportTable *ys_report_table_new        (guint           n_cols);
void           ys_report_table_free       (YsReportTable  *table);

YsReportRow   *ys_report_table_add_header (YsReportTable  *table);
YsReportRow   *ys_report_table_add_row    (YsReportTable  *table,
                                           const char     *key);
void           ys_report_table_merge      (YsReportTable  *table,
                                           gboolean        header,
                                           guint           first_row,
                                           guint           first_col,
                                           guint           last_row,
                                           guint           last_col);
void           ys_report_table_add_caption (YsReportTable *table,
                                            const char    *left,
                                            const char    *center,
                                            const char    *right);

void           ys_report_row_set_text     (YsReportRow    *row,
                                           guint           col,
                                           const char     *text,
                                           guint           flags);
void           ys_report_row_set_money    (YsReportRow    *row,
                                           guint           col,
                                           YsMoney         fen,
                                           guint           flags);
void           ys_report_row_set_number   (YsReportRow    *row,
                                           guint           col,
                                           gint64          value,
                                           guint           flags);

/* TRUE when the table has a money cell that is not zero. */
gboolean       ys_report_table_has_figures (YsReportTable *table);
/* The printed header of a column: its lowest non-empty header cell, merged
 * cells included; "" when the table has no header. */
const char    *ys_report_table_column_header (YsReportTable *table,
                                              guint          col);

/* For each cell of a grid of @n_rows × @n_cols, the merge of @merges
 * (YsMerge) covering it, as its index + 1; 0 for none. */
guint         *ys_report_merge_map        (GArray         *merges,
                                           guint           n_rows,
                                           guint           n_cols);

/* The money in a cell as printed: 万元 rounded half up to 0.01, or 元. */
double         ys_report_money_value      (YsMoney         fen,
                                           YsMoneyUnit     unit);

void           ys_report_table_to_json    (YsReportTable  *table,
                                           JsonBuilder    *builder);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (YsReportTable, ys_report_table_free)

G_END_DECLS
