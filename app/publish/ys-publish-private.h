/* Inside the publishing layer: the region's publication profile, and what the
 * docx and PDF writers share about drawing a table (printed cell text, merged
 * cells, column widths), so that both give a table the same columns. */
#pragma once

#include "ys-publication.h"

G_BEGIN_DECLS

/* Page geometry in points: A4 and its margins. */
#define YS_PAGE_SHORT   595.0
#define YS_PAGE_LONG    842.0
#define YS_MARGIN       54.0
/* Type sizes in points; nothing is printed smaller than 9. */
#define YS_TEXT_PT      12.0
#define YS_TABLE_PT     9.0
#define YS_CELL_PAD     3.0   /* left and right inside a table cell */

typedef struct {
  char      *title;
  char      *text;   /* duties, structure, tasks, other */
} YsOverviewItem;

typedef struct {
  char      *cover_title;
  char      *parts[4];
  GPtrArray *overview;     /* YsOverviewItem */
  char      *table_title;
  gboolean   charts;
} YsPublishProfile;

/* The profile of layout @layout_id; the national one when the region has none. */
YsPublishProfile *ys_publish_profile_load (const char        *layout_id,
                                           GError           **error);
void              ys_publish_profile_free (YsPublishProfile  *profile);
/* @template with {dept_name}, {year}, {n} and {title} filled in. */
char             *ys_publish_expand       (const char        *template_,
                                           const char        *dept_name,
                                           int                year,
                                           guint              n,
                                           const char        *title);

/* A cell as printed: money in the table's unit with separators, zeros blank
 * unless the cell says otherwise; never NULL. */
char   *ys_publish_cell_text      (YsReportTable *table,
                                   const YsReportCell  *cell);
/* Width of @text in ems of its type size: CJK and full-width characters 1,
 * others about half; the widest line when it has several. */
double  ys_publish_text_ems       (const char    *text);
/* Column widths in points that fill @avail: figures keep room for their
 * widest amount, text columns give way (and wrap) first. */
double *ys_publish_column_widths  (YsReportTable *table,
                                   double         avail,
                                   double         font_pt);

gboolean ys_publish_write_docx    (YsPublication     *pub,
                                   const char        *path,
                                   YsPublishProgress  progress,
                                   gpointer           user_data,
                                   GCancellable      *cancellable,
                                   GError           **error);
gboolean ys_publish_write_pdf     (YsPublication     *pub,
                                   const char        *path,
                                   YsPublishProgress  progress,
                                   gpointer           user_data,
                                   GCancellable      *cancellable,
                                   GError           **error);

/* A temporary file beside @path (so that renaming it over @path is atomic);
 * ys_publish_commit fsyncs it and renames it, or removes it on failure. */
char    *ys_publish_temp_path     (const char    *path,
                                   GError       **error);
gboolean ys_publish_commit        (const char    *tmp,
                                   const char    *path,
                                   gboolean       ok,
                                   GError       **error);

G_END_DECLS
