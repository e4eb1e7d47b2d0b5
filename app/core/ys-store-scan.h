/* Reading the records of one kind without keeping them: for work that needs
 * a million line items only through their sums (export), with the same
 * damage detection as loading them. */
#pragma once

#include "ys-kinds.h"
#include "ys-store.h"

G_BEGIN_DECLS

/* One stored row: its values in the order of the kind's fields (text as
 * stored, "" or NULL when empty), valid only during the scan. @ids gives
 * each text field its text's number in that column, counted from 0 as the
 * distinct texts first come: the same text of a column has the same number
 * and the same pointer throughout the scan (the numbers of integer fields
 * mean nothing). FALSE (with @error set) stops the scan. */
typedef gboolean (*YsRowFunc) (const YsValue  *values,
                               const guint    *ids,
                               gpointer        user_data,
                               GError        **error);

/* Calls @func on every stored record of @kind in the order of its id, each
 * checked against its checksum first as ys_store_load checks it: a damaged
 * row stops the scan with the same YS_STORE_ERROR_DAMAGED message. */
gboolean ys_store_scan (YsStore       *store,
                        const YsKind  *kind,
                        YsRowFunc      func,
                        gpointer       user_data,
                        GError       **error);

/* The numbering of texts ys_store_scan gives, for records already loaded
 * (ys_document_scan): one set of numbers per text field of @kind. */
typedef struct _YsTextIds YsTextIds;

YsTextIds  *ys_text_ids_new  (const YsKind  *kind);
void        ys_text_ids_free (YsTextIds     *ids);
/* The set's copy of @text (NULL is ""), and its number in @field's column. */
const char *ys_text_ids_find (YsTextIds     *ids,
                              guint          field,
                              const char    *text,
                              guint         *id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (YsTextIds, ys_text_ids_free)

G_END_DECLS
