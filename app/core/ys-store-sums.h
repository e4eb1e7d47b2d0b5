/* The sums of the line items that format 9 keeps in the file (shared by the
 * files of the store; nothing else includes it). */
#pragma once

#include "ys-store-private.h"

G_BEGIN_DECLS

/* line_sum, owner_sum and the index of the internal transfers since format 9. */
#define YS_STORE_LINE_SUMS_SINCE 9

/* The two tables, the index of the transfers and the triggers that keep the
 * tables in every write's transaction. */
const char *ys_store_sums_schema_sql (void);
/* Both tables worked out again from every line (a migration, or a load whose
 * sums were not kept as it went), in the caller's transaction. */
gboolean    ys_store_sums_fill       (YsStore  *self,
                                      GError  **error);
/* Both tables, checksums included, compared with what ys_store_sums_fill()
 * would write; a difference is a YS_STORE_ERROR_DAMAGED error. TRUE for a
 * file of a format without them. */
gboolean    ys_store_sums_verify     (YsStore  *self,
                                      GError  **error);

G_END_DECLS
