/* Versions: named, read-only snapshots of a document's settings and records
 * (一上, 二上, 调整一 …), stored compressed inside the budget file. */
#pragma once

#include "ys-document.h"
#include "ys-store-snapshot.h"

G_BEGIN_DECLS

#define YS_SNAPSHOT_ERROR (ys_snapshot_error_quark ())
typedef enum {
  YS_SNAPSHOT_ERROR_NAME,
  YS_SNAPSHOT_ERROR_BUSY,
  YS_SNAPSHOT_ERROR_DAMAGED,
} YsSnapshotError;
GQuark ys_snapshot_error_quark (void);

typedef struct {
  char       *name;                /* NULL: the document as it is now */
  GHashTable *meta;                /* setting → value */
  GPtrArray  *records[YS_N_KINDS]; /* YsRecord with the ids they have in the file */
} YsSnapshot;

void        ys_snapshot_free    (YsSnapshot *snapshot);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (YsSnapshot, ys_snapshot_free)

/* Stores the document as it is now under @name (trimmed; a new name, at most
 * 40 characters). Returns the stored version's description. */
YsStoreSnapshot *ys_snapshot_take (YsDocument  *doc,
                                   const char  *name,
                                   GError     **error);
/* YsStoreSnapshot, oldest first. */
GPtrArray  *ys_snapshot_list    (YsDocument  *doc,
                                 GError     **error);
YsSnapshot *ys_snapshot_load    (YsDocument  *doc,
                                 const char  *name,
                                 GError     **error);
/* The first half of ys_snapshot_load(): the version's bytes as stored and
 * their size decoded, for ys_snapshot_decode(), which may run on another
 * thread (it touches neither @doc nor its file). */
GBytes     *ys_snapshot_read    (YsDocument  *doc,
                                 const char  *name,
                                 gint64      *size,
                                 GError     **error);
/* The document's own settings and records (referenced, not copied). */
YsSnapshot *ys_snapshot_current (YsDocument  *doc);

/* The bytes a version is stored as, and back (for tests and fuzzing). */
GBytes     *ys_snapshot_encode  (YsSnapshot  *snapshot,
                                 gsize       *size);
YsSnapshot *ys_snapshot_decode  (GBytes      *stored,
                                 gint64       size,
                                 const char  *name,
                                 GError     **error);

G_END_DECLS
