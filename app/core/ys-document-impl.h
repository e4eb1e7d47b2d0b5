/* What the files of YsDocument (ys-document*.c) share; nothing else includes it. */
#pragma once

#include "ys-document.h"
#include "ys-record-list.h"
#include "ys-store.h"

G_BEGIN_DECLS

typedef struct
{
  YsChangeType type;
  YsRecord    *record;
  guint        field;
  YsValue      old_value;
  YsValue      new_value;
  guint        position;
  char        *key;
  char        *old_text;
  char        *new_text;
} Change;

typedef struct
{
  char      *label;
  GPtrArray *changes;
} Step;

struct _YsDocument
{
  GObject     parent_instance;

  YsStore    *store;
  char       *path;
  GHashTable *meta;
  YsRecordList *models[YS_N_KINDS];
  GHashTable *keys[YS_N_KINDS];   /* key text → record, for kinds with a key */

  GPtrArray  *steps;              /* Step; steps[0..undo_top) can be undone */
  guint       undo_top;
  Step       *batch;
  guint       batch_depth;

  YsCatalog  *catalogs[YS_CATALOG_N_KINDS];
  const YsKind *streamed;         /* a kind not loaded: read by ys_document_scan */
};

/* Table names of the catalogs in the store, by YsCatalogKind. */
extern const char *const ys_document_catalog_names[YS_CATALOG_N_KINDS];

/* Opens @path; the records of @streamed (if not NULL) stay in the file. */
YsDocument *ys_document_open_except (const char    *path,
                                     const YsKind  *streamed,
                                     GError       **error);
gboolean ys_document_ensure_open  (YsDocument   *self,
                                   GError      **error);
/* Applies @c to memory and file (forward) or takes it back. */
gboolean ys_document_apply        (YsDocument   *self,
                                   Change       *c,
                                   gboolean      forward,
                                   GError      **error);
void     ys_document_notify_undo  (YsDocument   *self);
/* Adds @record to (or removes it from) the index of its kind's keys. */
void     ys_document_index_key    (YsDocument   *self,
                                   YsRecord     *record,
                                   gboolean      add);
void     ys_document_emit_changed (YsDocument   *self,
                                   YsRecord     *record,
                                   YsChangeType  type,
                                   int           field);

G_END_DECLS
