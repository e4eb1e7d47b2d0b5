/* A budget document: one department, one year, one file. Every change goes
 * through here, is saved at once in its own transaction (or in the batch it
 * belongs to), and can be undone. */
#pragma once

#include <gio/gio.h>

#include "ys-catalog.h"
#include "ys-kinds.h"

G_BEGIN_DECLS

typedef enum {
  YS_CHANGE_INSERT,
  YS_CHANGE_DELETE,
  YS_CHANGE_UPDATE,
  YS_CHANGE_META,
} YsChangeType;

#define YS_DOCUMENT_ERROR (ys_document_error_quark ())
typedef enum {
  YS_DOCUMENT_ERROR_INVALID,
  YS_DOCUMENT_ERROR_IN_USE,
  YS_DOCUMENT_ERROR_NOTHING_TO_UNDO,
} YsDocumentError;
GQuark ys_document_error_quark (void);

#define YS_TYPE_DOCUMENT (ys_document_get_type ())
G_DECLARE_FINAL_TYPE (YsDocument, ys_document, YS, DOCUMENT, GObject)

/* Settings every document has, with their defaults. */
extern const char *const ys_document_meta_keys[];

YsDocument   *ys_document_create          (const char    *path,
                                           GHashTable    *meta,
                                           GError       **error);
YsDocument   *ys_document_open            (const char    *path,
                                           GError       **error);
/* Releases the file; the document keeps its records but can no longer change. */
void          ys_document_close           (YsDocument    *self);
const char   *ys_document_get_path        (YsDocument    *self);
/* TRUE when the file or its folder cannot be written; every change is then
 * refused with a message saying so. */
gboolean      ys_document_is_read_only    (YsDocument    *self);
/* SQLite's full integrity check of the file (the records' checksums were
 * checked when they were loaded). */
gboolean      ys_document_check_integrity (YsDocument    *self,
                                           GError       **error);
/* A copy of the file as it is now (SQLite's online backup), written atomically. */
gboolean      ys_document_backup          (YsDocument    *self,
                                           const char    *dest,
                                           GError       **error);

const char   *ys_document_get_meta        (YsDocument    *self,
                                           const char    *key);
int           ys_document_get_year        (YsDocument    *self);
int           ys_document_get_catalog_year (YsDocument   *self);
gboolean      ys_document_set_meta        (YsDocument    *self,
                                           const char    *key,
                                           const char    *value,
                                           GError       **error);

/* Keeps a choice that is not part of the budget, e.g. how a sheet's columns
 * were mapped: saved at once in its own transaction, never undone and not
 * exported; read back with ys_document_get_meta. @key must not be a setting. */
gboolean      ys_document_remember        (YsDocument    *self,
                                           const char    *key,
                                           const char    *value,
                                           GError       **error);

GListModel   *ys_document_get_model       (YsDocument    *self,
                                           const YsKind  *kind);
guint         ys_document_count           (YsDocument    *self,
                                           const YsKind  *kind);
YsRecord     *ys_document_get             (YsDocument    *self,
                                           const YsKind  *kind,
                                           guint          position);
YsRecord     *ys_document_lookup_key      (YsDocument    *self,
                                           const YsKind  *kind,
                                           const char    *key);

/* @record is new (not yet in a document); the document takes a reference. */
gboolean      ys_document_insert          (YsDocument    *self,
                                           YsRecord      *record,
                                           GError       **error);
/* Appends @records, all new and of @kind, inside the open batch: records
 * whose every value was parsed by ys_field_parse() (indicators settled by
 * ys_indicator_settle()) and whose keys and references the caller has
 * checked against the document and against each other, as
 * ys_interchange_import() does; they are not checked again. @records holds
 * a reference to each (its free function g_object_unref); on success the
 * batch takes those and @records keeps the pointers only. On failure
 * @failed is the position in @records of the one the file refused. */
gboolean      ys_document_append_checked  (YsDocument    *self,
                                           const YsKind  *kind,
                                           GPtrArray     *records,
                                           guint         *failed,
                                           GError       **error);
gboolean      ys_document_set             (YsDocument    *self,
                                           YsRecord      *record,
                                           guint          field,
                                           const YsValue *value,
                                           GError       **error);
gboolean      ys_document_set_text        (YsDocument    *self,
                                           YsRecord      *record,
                                           guint          field,
                                           const char    *text,
                                           GError       **error);
gboolean      ys_document_delete          (YsDocument    *self,
                                           YsRecord      *record,
                                           GError       **error);

/* Groups the changes until the matching end into one transaction and one
 * undo step (a paste, an import, deleting several rows). */
gboolean      ys_document_begin_batch     (YsDocument    *self,
                                           const char    *label,
                                           GError       **error);
/* The same for many new records: into a document without records, the
 * file checks their foreign keys once, at the end (ys_store_begin_bulk). */
gboolean      ys_document_begin_import    (YsDocument    *self,
                                           const char    *label,
                                           GError       **error);
gboolean      ys_document_end_batch       (YsDocument    *self,
                                           GError       **error);
/* Drops every change of the open batch, in memory and in the file. */
void          ys_document_cancel_batch    (YsDocument    *self);

gboolean      ys_document_can_undo        (YsDocument    *self);
gboolean      ys_document_can_redo        (YsDocument    *self);
const char   *ys_document_get_undo_label  (YsDocument    *self);
const char   *ys_document_get_redo_label  (YsDocument    *self);
gboolean      ys_document_undo            (YsDocument    *self,
                                           GError       **error);
gboolean      ys_document_redo            (YsDocument    *self,
                                           GError       **error);

/* The document's catalog of its catalog year, with imported rows applied. */
YsCatalog    *ys_document_get_catalog     (YsDocument    *self,
                                           YsCatalogKind  kind);
gboolean      ys_document_import_catalog  (YsDocument    *self,
                                           YsCatalogKind  kind,
                                           GPtrArray     *entries,
                                           gboolean       replace_all,
                                           GError       **error);

/* TRUE when the imported rows of @kind replace the bundled catalog. */
gboolean      ys_document_catalog_is_replaced (YsDocument  *self,
                                               YsCatalogKind kind);

/* A classification code the budget uses that another catalog year lacks. */
typedef struct {
  YsCatalogKind  kind;
  char          *code;
  char          *name;   /* in the present catalog */
  guint          uses;   /* how many fields of records hold it */
} YsMissingCode;

void          ys_missing_code_free        (YsMissingCode *missing);
/* The codes the records use that the catalogs of @catalog_year (the bundled
 * year nearest before it, with the imported rows) no longer have, though
 * the present catalog year has them: what changing the catalog year would
 * leave unknown. YsMissingCode, by catalog and code. */
GPtrArray    *ys_document_missing_codes   (YsDocument    *self,
                                           int            catalog_year);

/* Rows imported from a finance bureau's file (YsCatalogEntry), for the interchange dump. */
GPtrArray    *ys_document_get_imported_catalog (YsDocument   *self,
                                                YsCatalogKind kind);

G_END_DECLS
