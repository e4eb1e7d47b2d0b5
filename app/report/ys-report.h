/* The official tables of a document (部门预算公开表), computed in the layout
 * of a region. Every figure comes from the line items, income and other
 * records; nothing is typed. */
#pragma once

#include "ys-document.h"
#include "ys-layout.h"
#include "ys-report-table.h"

G_BEGIN_DECLS

#define YS_REPORT_ERROR (ys_report_error_quark ())
typedef enum {
  YS_REPORT_ERROR_NO_UNIT,
  YS_REPORT_ERROR_WRITE,
} YsReportError;
GQuark ys_report_error_quark (void);

/* Every table of @layout, for the whole department or, with @unit_code, for
 * that unit alone. Performance forms give one table per project. Returns a
 * GPtrArray of YsReportTable (free function set). */
GPtrArray *ys_report_build                (YsDocument  *doc,
                                           YsLayout    *layout,
                                           const char  *unit_code,
                                           GError     **error);

/* The layout the document asks for (its "region" setting). */
YsLayout  *ys_report_layout_for_document  (YsDocument  *doc,
                                           GError     **error);

/* `yusuan-cli tables --json`: money as integers of 分. */
char      *ys_report_tables_to_json       (YsDocument  *doc,
                                           YsLayout    *layout,
                                           const char  *unit_code,
                                           GPtrArray   *tables);

G_END_DECLS
