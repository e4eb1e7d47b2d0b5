/* The records of one kind in a document, in file order, as the GListModel
 * that the window's grids bind to (ys_document_get_model). An array of
 * references: a loaded budget's records go in as one block, taken over
 * without a node or an extra reference each, and any position is read at
 * once. */
#pragma once

#include <gio/gio.h>

#include "ys-record.h"

G_BEGIN_DECLS

#define YS_TYPE_RECORD_LIST (ys_record_list_get_type ())
G_DECLARE_FINAL_TYPE (YsRecordList, ys_record_list, YS, RECORD_LIST, GObject)

YsRecordList *ys_record_list_new    (GType          item_type);
guint         ys_record_list_get_n_items (YsRecordList *self);
/* The record at @position, not referenced; NULL past the end. */
YsRecord     *ys_record_list_peek   (YsRecordList  *self,
                                     guint          position);
/* As g_list_store_splice: removes @n_removals records at @position and
 * inserts @additions there (each referenced), then emits items-changed once. */
void          ys_record_list_splice (YsRecordList  *self,
                                     guint          position,
                                     guint          n_removals,
                                     YsRecord     **additions,
                                     guint          n_additions);
void          ys_record_list_insert (YsRecordList  *self,
                                     guint          position,
                                     YsRecord      *record);
void          ys_record_list_remove (YsRecordList  *self,
                                     guint          position);
/* Appends the records of @records and takes over their references; @records
 * is left empty. */
void          ys_record_list_take   (YsRecordList  *self,
                                     GPtrArray     *records);
gboolean      ys_record_list_find   (YsRecordList  *self,
                                     YsRecord      *record,
                                     guint         *position);

G_END_DECLS
