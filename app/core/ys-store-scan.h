/* Reading the records of one kind without keeping them: for work that needs
 * a million line items only through their sums (export), with the same
 * damage detection as loading them. */
#pragma once

#include "ys-kinds.h"
#include "ys-store.h"

G_BEGIN_DECLS

/* One stored row: its values in the order of the kind's fields (text as
 * stored, NULL when empty), valid only during the call. FALSE (with @error
 * set) stops the scan. */
typedef gboolean (*YsRowFunc) (const YsValue  *values,
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

G_END_DECLS
