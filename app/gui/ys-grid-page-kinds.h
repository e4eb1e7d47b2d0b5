/* What a grid page shows for each kind of record that is kept as a plain
 * table (支出明细, 收入, 政府采购, 政府购买服务, 资产, 上年数, 控制数): its columns, the words of
 * its buttons and empty state, the totals under it, and the defaults of a
 * new row. Data only; YsGridPage builds the page from it. */
#pragma once

#include "ys-document.h"
#include "ys-record-grid.h"

G_BEGIN_DECLS

typedef struct {
  const char *caption;                 /* N_() */
  int         field;                   /* the money field added up */
  gboolean  (*counts) (YsRecord *row); /* which rows it adds; NULL: all shown */
  gboolean    main;                    /* the page's headline figure */
} YsGridPageTotal;

typedef struct {
  const char             *name;              /* the window's page name */
  const YsKind           *kind;
  const YsGridColumnInfo *columns;
  guint                   n_columns;
  const int              *copy_fields;       /* ending with -1 */
  /* All N_(): */
  const char             *title;             /* names the table for screen readers */
  const char             *empty_title;
  const char             *empty_description;
  const char             *search_placeholder;
  const char             *search_label;
  const char             *add_label;         /* with a mnemonic */
  const char             *add_accessible;
  const char             *add_tooltip;
  const char             *add_first_accessible;
  const char             *paste_accessible;
  const char             *delete_accessible;
  const char             *delete_tooltip;
  const char             *totals_label;
  const char             *icon_name;
  const YsGridPageTotal  *totals;            /* ending with a NULL caption */
  /* Fills what a new row most likely takes. */
  void                  (*prepare_draft)     (YsDocument *document,
                                              YsRecord   *row);
  const char             *add_first_label;   /* N_(), on the empty page, beside the toolbar's
                                              * add_label: another mnemonic */
} YsGridPageKind;

/* The page named @name ("lines", "income", "procurement", "services",
 * "assets", "prior-year", "controls"), or NULL. */
const YsGridPageKind *ys_grid_page_kind_find (const char *name);

G_END_DECLS
