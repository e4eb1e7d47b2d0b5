/* The publication laid out on A4 pages with pango: the PDF writer draws each
 * page onto a cairo_pdf surface, and printing (GtkPrintOperation) can draw
 * the same pages onto its own cairo_t. Units are points, the origin is the
 * page's top-left corner; a page is portrait (595 × 842) or landscape
 * (842 × 595) as ys_pages_is_landscape says. */
#pragma once

#include <cairo.h>

#include "ys-publication.h"

G_BEGIN_DECLS

typedef struct _YsPages YsPages;

/* Lays @pub out; @pub must outlive the pages. */
YsPages  *ys_pages_new          (YsPublication *pub);
void      ys_pages_free         (YsPages       *pages);
guint     ys_pages_count        (YsPages       *pages);
gboolean  ys_pages_is_landscape (YsPages       *pages,
                                 guint          n);
/* Draws page @n (from 0: the cover) onto @cr, in points from the page's
 * top-left corner. */
void      ys_pages_draw         (YsPages       *pages,
                                 cairo_t       *cr,
                                 guint          n);
/* The page (from 0) on which the @i-th heading of the publication starts. */
guint     ys_pages_heading_page (YsPages       *pages,
                                 guint          i);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (YsPages, ys_pages_free)

G_END_DECLS
