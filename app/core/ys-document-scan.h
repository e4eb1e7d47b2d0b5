/* A document read for the sums of one kind of its records: the records of
 * that kind are not loaded but read from the file, one at a time, when asked
 * for (export of a budget of a million line items needs them only added up). */
#pragma once

#include "ys-document.h"
#include "ys-store-scan.h"
#include "ys-store-sum-scan.h"

G_BEGIN_DECLS

/* Opens @path as ys_document_open does, with the same checks, but leaves the
 * records of @streamed in the file: the document counts none of them, and
 * must not be edited. */
YsDocument *ys_document_open_streaming (const char    *path,
                                        const YsKind  *streamed,
                                        GError       **error);
/* Calls @func on the values of every record of @kind, in the document's
 * order: the loaded records, or the streamed kind's rows read from the file
 * with their checksums verified (a damaged row is a YS_STORE_ERROR_DAMAGED
 * error, as at open). Empty text may come as "" or NULL. */
gboolean    ys_document_scan           (YsDocument    *self,
                                        const YsKind  *kind,
                                        YsRowFunc      func,
                                        gpointer       user_data,
                                        GError       **error);

/* Whether @self streams its line items from a file that keeps their sums
 * (format 9 or later): ys_document_scan_line_sums() may then be read
 * instead of every line. */
gboolean    ys_document_has_line_sums  (YsDocument    *self);
/* The stored sums of the line items and the lines that are internal
 * transfers (ys_store_scan_sums), verified as ys_document_scan verifies the
 * lines. Only when ys_document_has_line_sums(). */
gboolean    ys_document_scan_line_sums (YsDocument      *self,
                                        YsStoredSumFunc  sums,
                                        YsRowFunc        transfers,
                                        gpointer         user_data,
                                        GError         **error);

G_END_DECLS
