/* The published document (部门预算公开) as one model that the docx and PDF
 * writers and the window's printing only read: a cover, a table of contents,
 * 第一部分 概况, 第二部分 the official tables in the region's layout, 第三部分
 * 情况说明 and 第四部分 名词解释, in the order and with the headings the region's
 * documents print (resources/publish/REGION.json). */
#pragma once

#include "ys-chart.h"
#include "ys-document.h"
#include "ys-layout.h"
#include "ys-report-table.h"

G_BEGIN_DECLS

#define YS_PUBLISH_ERROR (ys_publish_error_quark ())
typedef enum {
  YS_PUBLISH_ERROR_PROFILE,
  YS_PUBLISH_ERROR_WRITE,
  YS_PUBLISH_ERROR_FORMAT,
} YsPublishError;
GQuark ys_publish_error_quark (void);

typedef enum {
  YS_BLOCK_HEADING,    /* level 1: a part, starts a page; level 2: a section or a table's title */
  YS_BLOCK_PARAGRAPH,
  YS_BLOCK_CAPTION,    /* a table's subtitle or 部门/单位：万元 line, not indented */
  YS_BLOCK_TABLE,
  YS_BLOCK_NOTE,       /* a table's note, set small below it */
  YS_BLOCK_CHART,
} YsBlockKind;

typedef struct {
  YsBlockKind    kind;
  guint          level;      /* headings */
  char          *text;       /* headings, paragraphs, captions (left part), notes */
  char          *right;      /* captions: the right part (单位：万元), or NULL */
  YsReportTable *table;      /* borrowed from the publication's tables */
  gboolean       landscape;  /* on a landscape page: a wide table with its title, captions and notes */
  YsChartKind    chart;
} YsBlock;

typedef struct {
  gboolean charts;     /* place the charts (the region's profile may also leave them out) */
} YsPublishOptions;

typedef struct {
  char       *department;
  int         year;
  char       *title;       /* the cover's title: 「<部门名称><年度>年部门预算」 as the region prints it */
  GPtrArray  *blocks;      /* YsBlock, in print order; the cover and contents are not blocks */
  GPtrArray  *tables;      /* YsReportTable: what the table blocks point into */
  YsChartData *charts;     /* the figures the chart blocks draw */
  gboolean    incomplete;  /* a 情况说明 section says a fact is missing */
  gboolean    bare;        /* tables only: no cover, no contents (printing a table) */
} YsPublication;

YsPublication *ys_publication_build (YsDocument             *doc,
                                     YsLayout               *layout,
                                     const YsPublishOptions *options,
                                     GError                **error);
void           ys_publication_free  (YsPublication          *pub);
/* Just @tables (YsReportTable, kept alive), each under its title with its
 * captions and notes: for printing the tables the reports page shows
 * through ys_pages_new, without cover or contents. */
YsPublication *ys_publication_new_tables (GPtrArray          *tables,
                                          const char         *department,
                                          int                 year);

/* TRUE when @table is too wide for portrait A4 with its text at 9 points or
 * more: it is given a landscape page (both writers agree on this). */
gboolean       ys_publication_table_is_wide (YsReportTable *table);

/* Called while a document is written with the fraction done, last with 1.0
 * once the file is in place; from the writing thread. */
typedef void (*YsPublishProgress) (double   fraction,
                                   gpointer user_data);

/* Writes @pub to @path as docx or PDF, chosen by the name's ending; the file
 * appears only when complete. */
gboolean       ys_publication_write (YsPublication          *pub,
                                     const char             *path,
                                     GError                **error);
/* The same, reporting progress (the window's 导出公开文件 runs it in a worker thread). */
gboolean       ys_publication_write_with_progress (YsPublication     *pub,
                                                   const char        *path,
                                                   YsPublishProgress  progress,
                                                   gpointer           user_data,
                                                   GError           **error);
/* The same, stopping between pages once @cancellable is cancelled: it then
 * fails with G_IO_ERROR_CANCELLED and leaves the file as it was. */
gboolean       ys_publication_write_cancellable (YsPublication     *pub,
                                                 const char        *path,
                                                 YsPublishProgress  progress,
                                                 gpointer           user_data,
                                                 GCancellable      *cancellable,
                                                 GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (YsPublication, ys_publication_free)

G_END_DECLS
