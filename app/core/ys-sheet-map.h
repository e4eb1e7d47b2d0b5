/* Which field of a kind each column of a sheet fills: by the header's
 * words (with the synonyms real sheets use), then by content (7-digit
 * function codes, 5-digit economic codes, figures). */
#pragma once

#include "ys-kind.h"
#include "ys-catalog.h"
#include "ys-sheet-header.h"

G_BEGIN_DECLS

/* What a column fills: a field of the kind, or (YS_SHEET_BY_NAME) the name
 * from which a code field is found, e.g. 科目名称 for func_code. */
#define YS_SHEET_NO_TARGET (-1)
#define YS_SHEET_BY_NAME   0x100

typedef enum {
  YS_SHEET_MAPPED_NONE,
  YS_SHEET_MAPPED_HEADER,      /* by the header's words */
  YS_SHEET_MAPPED_CONTENT,     /* by what the column holds */
  YS_SHEET_MAPPED_REMEMBERED,  /* chosen before for a sheet with this header */
  YS_SHEET_MAPPED_USER,        /* chosen now */
} YsSheetMappedBy;

gboolean  ys_sheet_map_is_word       (const char     *normalised,
                                      gpointer        kind);
/* Maps every column in @targets (n_cols ints) and @by. */
void      ys_sheet_map_by_header     (const YsKind   *kind,
                                      const YsSheetHeader *header,
                                      int            *targets,
                                      YsSheetMappedBy *by);
void      ys_sheet_map_by_content    (const YsKind   *kind,
                                      const YsSheet  *sheet,
                                      guint           first_data_row,
                                      int            *targets,
                                      YsSheetMappedBy *by);

/* "func_code", "func_name", or NULL for YS_SHEET_NO_TARGET. */
char     *ys_sheet_target_name       (const YsKind   *kind,
                                      int             target);
/* Accepts a target name, a field's Chinese label, or "" / "-" / "忽略" for none. */
gboolean  ys_sheet_target_parse      (const YsKind   *kind,
                                      const char     *text,
                                      int            *target);
/* The accountant's words for a target, e.g. "功能分类科目编码（名称）". */
char     *ys_sheet_target_label      (const YsKind   *kind,
                                      int             target);
/* Whether a code field can be named instead of coded, and from which catalog
 * (YS_CATALOG_N_KINDS when it names a record of the document instead). */
gboolean  ys_sheet_field_has_names   (const YsField  *field,
                                      YsCatalogKind  *catalog);

/* Key under which a mapping is remembered: kind and normalised header words. */
char     *ys_sheet_map_key           (const YsKind   *kind,
                                      const YsSheetHeader *header);
char     *ys_sheet_map_serialise     (const YsKind   *kind,
                                      const int      *targets,
                                      guint           n_cols);
gboolean  ys_sheet_map_deserialise   (const YsKind   *kind,
                                      const char     *text,
                                      int            *targets,
                                      guint           n_cols);

G_END_DECLS
