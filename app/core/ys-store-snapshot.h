/* Named snapshots of a document (一上, 二上, 调整一 …), kept in a table of
 * their own that opening the file never reads. Only the store speaks SQL. */
#pragma once

#include "ys-store.h"

G_BEGIN_DECLS

typedef struct {
  char   *name;
  gint64  created;      /* seconds since 1970 (UTC) */
  gint64  size;         /* bytes before compression */
  gint64  stored_size;  /* bytes the snapshot takes in the file */
} YsStoreSnapshot;

void        ys_store_snapshot_free  (YsStoreSnapshot *snapshot);

/* One transaction; refuses a name already taken. */
gboolean    ys_store_save_snapshot  (YsStore      *self,
                                     const char   *name,
                                     gint64        created,
                                     gint64        size,
                                     GBytes       *data,
                                     GError      **error);
/* YsStoreSnapshot, oldest first; empty when none was ever taken. */
GPtrArray  *ys_store_list_snapshots (YsStore      *self,
                                     GError      **error);
/* The stored bytes; *@size the size before compression. */
GBytes     *ys_store_load_snapshot  (YsStore      *self,
                                     const char   *name,
                                     gint64       *size,
                                     GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (YsStoreSnapshot, ys_store_snapshot_free)

G_END_DECLS
