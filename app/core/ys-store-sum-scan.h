/* Reading what a file of format 9 or later keeps of its line items instead
 * of the lines: their sums for the department, for each unit and for each
 * project (ys-store-sums.c), and the few lines that are internal transfers,
 * which no sum holds. Export of the whole department needs nothing more. */
#pragma once

#include "ys-store-scan.h"

G_BEGIN_DECLS

typedef enum {
  YS_STORED_SUM_DEPARTMENT,   /* a row of line_sum */
  YS_STORED_SUM_UNIT,         /* a row of owner_sum of a unit */
  YS_STORED_SUM_PROJECT,      /* a row of owner_sum of a project */
} YsStoredSumOf;

/* One stored sum in the shape of a line item. @values and @ids are indexed
 * by the fields of ys_line_kind (YS_LINE_*): the department's sum sets
 * func, econ and gov_econ codes, the owner's sum sets the unit or project
 * code; both set kind, source, sub-source and carry-over, and the amount is
 * the sum's. The texts are numbered as ys_store_scan numbers a line's, in
 * one numbering for every sum and transfer line of a ys_store_scan_sums()
 * (the same text of a field: the same number and pointer). Other fields
 * are empty. Valid only during the call. */
typedef struct {
  YsStoredSumOf  of;
  const YsValue *values;
  const guint   *ids;
  gboolean       institution;   /* department: the lines' unit is a 事业单位 */
  gint64         lines;         /* how many lines it adds up */
} YsStoredSum;

/* FALSE (with @error set) stops the read. */
typedef gboolean (*YsStoredSumFunc) (const YsStoredSum  *sum,
                                     gpointer            user_data,
                                     GError            **error);

/* Whether the file keeps the sums of its line items (format 9 or later; a
 * read-only file of an older format is not migrated and does not). */
gboolean ys_store_has_line_sums (YsStore          *self);
/* Calls @sums on every row of line_sum and then of owner_sum, each checked
 * against its checksum first, and @transfers on every line item that is an
 * internal transfer (内部往来 set), in the order of its id, read through
 * their index and checked as ys_store_scan checks a line. A damaged row
 * stops the read with a YS_STORE_ERROR_DAMAGED error naming it. */
gboolean ys_store_scan_sums     (YsStore          *self,
                                 YsStoredSumFunc   sums,
                                 YsRowFunc         transfers,
                                 gpointer          user_data,
                                 GError          **error);

/* Every row of line_sum and owner_sum checked against its checksum, as a
 * full open checks every record: a damaged sum is refused there as it would
 * be by the export that reads it. TRUE for a file without them. */
gboolean ys_store_check_line_sums (YsStore        *self,
                                   GError        **error);

G_END_DECLS
