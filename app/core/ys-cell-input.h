/* What a typed cell or form field means, decided once: the text an
 * accountant types (an amount in 元 or 万元, a code or the name behind it,
 * a shortcut for a choice) becomes the value the document stores, with the
 * checks the document would make said in the field's own words. The grid,
 * the forms and paste all go through here; no widgets. */
#pragma once

#include "ys-document.h"
#include "ys-lookup.h"
#include "ys-money.h"

G_BEGIN_DECLS

typedef struct {
  YsDocument   *document;    /* for references and keys; NULL: not checked */
  YsLookup     *lookup;      /* resolves names typed for codes; may be NULL */
  YsLookupKind  lookup_kind; /* what the field's codes are */
  YsMoneyUnit   money_unit;  /* what an amount is typed in */
  const char   *field_title; /* what the user sees the field called (a column's
                              * title, translated): messages name it so; NULL:
                              * the field's own name */
} YsCellInput;

/* Parses @text for field @field of @kind into @out (cleared with
 * ys_value_clear()). @record is the record being edited, when it is one of
 * the document's: its own key is no duplicate. */
gboolean ys_cell_input_parse         (const YsCellInput  *input,
                                      const YsKind       *kind,
                                      guint               field,
                                      YsRecord           *record,
                                      const char         *text,
                                      YsValue            *out,
                                      GError            **error);
/* Parses and stores @text: through the document (undoable) for one of its
 * records, into @record itself for a new one not inserted yet. */
gboolean ys_cell_input_apply         (const YsCellInput  *input,
                                      YsRecord           *record,
                                      gboolean            in_document,
                                      guint               field,
                                      const char         *text,
                                      GError            **error);
/* The first required text field @record leaves empty, or -1: a new row
 * is saved once there is none. */
int      ys_cell_input_first_missing (YsRecord           *record);

G_END_DECLS
