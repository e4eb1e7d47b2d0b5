/* Inside the docx writer: the WordprocessingML body being written and the
 * pictures it refers to. */
#pragma once

#include "ys-publish-private.h"

G_BEGIN_DECLS

/* Twentieths of a point (twips) and English Metric Units per point. */
#define TWIPS(pt) ((long) ((pt) * 20 + 0.5))
#define EMU(pt)   ((long) ((pt) * 12700 + 0.5))

typedef struct {
  GString   *xml;       /* word/document.xml's body */
  GPtrArray *media;     /* GBytes: word/media/chartN.png, N from 1 */
  guint      bookmark;  /* headings get _Toc1, _Toc2, … */
  guint      drawing;   /* ids of drawings */
} YsDocx;

/* Appends @text with &, <, > and " escaped and characters XML forbids left out. */
void ys_docx_escape (GString       *out,
                     const char    *text);
/* A run of @text (line breaks become <w:br/>), bold when asked. */
void ys_docx_run    (GString       *out,
                     const char    *text,
                     gboolean       bold);
/* @table as a w:tbl @avail points wide: merged header cells, header rows repeated. */
void ys_docx_table  (YsDocx        *docx,
                     YsReportTable *table,
                     double         avail);
/* @chart as a PNG picture @width points wide, centred in its own paragraph. */
void ys_docx_chart  (YsDocx        *docx,
                     const YsChart *chart,
                     double         width);

G_END_DECLS
