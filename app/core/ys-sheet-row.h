/* One row of a sheet read as a record: its status, each cell's problem and,
 * when asked and all is well, the record. Private to ys-sheet-import.c. */
#pragma once

#include "ys-sheet-import.h"
#include "ys-sheet-map.h"
#include "ys-sheet-resolve.h"

G_BEGIN_DECLS

/* Catalog-coded fields whose 类/款 rows give context to the rows below. */
#define YS_SHEET_N_PARENTS 4

typedef struct {
  const YsKind     *kind;
  YsDocument       *doc;
  YsSheetResolver  *resolver;
  const int        *targets;     /* n_cols */
  const int        *col_units;   /* n_cols */
  guint             n_cols;
  int               unit;        /* forced YsMoneyUnit, or YS_SHEET_UNIT_NONE */
  int               sheet_unit;  /* from the 单位 line, or YS_SHEET_UNIT_NONE */
  GHashTable       *defaults;    /* field name → text, may be NULL */
  const char       *only_unit;   /* the document's one unit, for sheets without a unit column */
  const int        *name_catalogs; /* per field: -1 when it has no names, else its YsCatalogKind,
                                      YS_CATALOG_N_KINDS for a unit or project */
  int               kind_field;  /* a line's kind, econ_code and project_code, or -1 */
  int               econ_field;
  int               project_field;
} YsSheetRowContext;

/* Fills the per-kind parts of @ctx; @name_catalogs has kind->n_fields ints. */
void ys_sheet_row_context_init (YsSheetRowContext *ctx,
                                const YsKind      *kind,
                                int               *name_catalogs);

typedef struct {
  YsSheetRowStatus status;
  char           **problems;   /* n_cols + 1 (the last for the row), or NULL when none */
  const char      *parents[YS_SHEET_N_PARENTS]; /* interned; in: context above; out: for the rows below */
  YsRecord        *record;     /* when asked for and status is DATA */
} YsSheetRowResult;

/* @cells: n_cols pointers, NULL for an empty cell. */
void ys_sheet_row_read (const YsSheetRowContext *ctx,
                        const YsCell *const     *cells,
                        gboolean                 want_record,
                        YsSheetRowResult        *result);

void ys_sheet_row_problems_free (char **problems,
                                 guint  n_cols);

G_END_DECLS
