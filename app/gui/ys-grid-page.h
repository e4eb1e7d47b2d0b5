#pragma once

#include "ys-lookup.h"
#include "ys-page.h"
#include "ys-record-grid.h"

G_BEGIN_DECLS

#define YS_TYPE_GRID_PAGE (ys_grid_page_get_type ())
G_DECLARE_DERIVABLE_TYPE (YsGridPage, ys_grid_page, YS, GRID_PAGE, YsPage)

/**
 * YsGridPageClass:
 * @is_filtered: whether a filter of the subclass (besides the search) is on.
 * @row_matches: whether @row passes the subclass's filters.
 * @clear_filters: turns them off, for a finding's row they hide.
 * @prepare_draft: fills what a new row most likely takes; the default
 *   asks the page's kind (ys-grid-page-kinds.c).
 * @describe_count: the words under the table for @shown of @all rows.
 *
 * A page of one kind of record in an editable table (YsRecordGrid), with
 * a search, add, paste and delete above it and the totals of the rows
 * shown below it; what differs between those pages is data
 * (ys-grid-page-kinds.c) and, for a page with filters of its own, these
 * methods.
 */
struct _YsGridPageClass
{
  YsPageClass parent_class;

  gboolean (*is_filtered)    (YsGridPage *self);
  gboolean (*row_matches)    (YsGridPage *self,
                              YsRecord   *row);
  void     (*clear_filters)  (YsGridPage *self);
  void     (*prepare_draft)  (YsGridPage *self,
                              YsRecord   *row);
  char    *(*describe_count) (YsGridPage *self,
                              guint       shown,
                              guint       all,
                              gboolean    filtered);

  gpointer padding[4];
};

/* For subclasses. */
void          ys_grid_page_set_kind_name (YsGridPage *self,
                                          const char *name);
YsRecordGrid *ys_grid_page_get_grid      (YsGridPage *self);
YsLookup     *ys_grid_page_get_lookup    (YsGridPage *self);
const char   *ys_grid_page_get_search    (YsGridPage *self);
void          ys_grid_page_add_filter    (YsGridPage *self,
                                          GtkWidget  *widget);
void          ys_grid_page_set_hint      (YsGridPage *self,
                                          const char *hint);
void          ys_grid_page_refilter      (YsGridPage *self);
gboolean      ys_grid_page_code_matches  (YsGridPage   *self,
                                          YsLookupKind  kind,
                                          const char   *code);

G_END_DECLS
