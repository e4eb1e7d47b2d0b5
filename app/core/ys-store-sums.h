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
/* Makes this version's triggers in a writable file of format 9 or later
 * whose own differ (an earlier build's), in a transaction of its own. */
gboolean    ys_store_sums_update_triggers (YsStore  *self,
                                           GError  **error);
/* @n lines of @kind about to be written (inserted, changed or deleted) in
 * the open transaction. Past a fifth of the file's lines (and at least
 * YS_STORE_SUMS_DEFER_MIN), the triggers are dropped for the rest of it:
 * working both tables out again from every line at the commit
 * (ys_store_sums_finish) then costs less than the triggers would. */
#define YS_STORE_SUMS_DEFER_MIN 5000
void        ys_store_sums_note_writes (YsStore      *self,
                                       const YsKind *kind,
                                       guint         n);
/* Before the commit: the sums worked out again and the triggers made
 * again, when the transaction dropped them. */
gboolean    ys_store_sums_finish      (YsStore      *self,
                                       GError      **error);
/* After the commit or the rollback (which brings the triggers back). */
void        ys_store_sums_reset       (YsStore      *self);
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
