/* The SQLite file behind a document. The only code that speaks SQL. */
#pragma once

#include <glib.h>

#include "ys-record.h"

G_BEGIN_DECLS

#define YS_STORE_SCHEMA_VERSION 9
#define YS_STORE_APPLICATION_ID 0x59535541 /* "YSUA" */

#define YS_STORE_ERROR (ys_store_error_quark ())
typedef enum {
  YS_STORE_ERROR_NOT_FOUND,
  YS_STORE_ERROR_EXISTS,
  YS_STORE_ERROR_NOT_A_DOCUMENT,
  YS_STORE_ERROR_DAMAGED,
  YS_STORE_ERROR_NEWER_VERSION,
  YS_STORE_ERROR_LOCKED,
  YS_STORE_ERROR_CONSTRAINT,
  YS_STORE_ERROR_FAILED,
  YS_STORE_ERROR_READ_ONLY,
} YsStoreError;
GQuark ys_store_error_quark (void);

typedef struct _YsStore YsStore;

/* Creates a new file; refuses to touch an existing one. */
YsStore   *ys_store_create        (const char    *path,
                                   GError       **error);
/* For tests of the migration path: a file at an older schema version. */
YsStore   *ys_store_create_version (const char   *path,
                                   int            version,
                                   GError       **error);
/* Checks the file before changing anything, then migrates it if older. */
YsStore   *ys_store_open          (const char    *path,
                                   GError       **error);
/* The same, but the check at open leaves out the table of @streamed, a kind
 * the caller does not load: it is checked when ys_store_scan() first reads
 * all of it, and its rows are verified by their checksums as they are read. */
YsStore   *ys_store_open_streaming (const char   *path,
                                   const YsKind  *streamed,
                                   GError       **error);
void       ys_store_close         (YsStore       *self);
void       ys_store_loaded        (YsStore       *self);
const char *ys_store_get_path     (YsStore       *self);
/* TRUE when the file or its folder cannot be written: every change is refused. */
gboolean   ys_store_is_read_only  (YsStore       *self);
/* SQLite's full integrity check (slower than the check made at open). */
gboolean   ys_store_check_integrity (YsStore     *self,
                                   GError       **error);
/* Copies the file as it is now with SQLite's online backup, to a temporary
 * name beside @dest, synced and renamed. */
gboolean   ys_store_backup        (YsStore       *self,
                                   const char    *dest,
                                   GError       **error);

gboolean   ys_store_begin         (YsStore       *self,
                                   GError       **error);
/* As ys_store_begin(); when every table of records is empty, the foreign
 * keys are checked once at the commit instead of at every row, and the
 * indexes are built after the rows (ys-store-bulk.c). */
gboolean   ys_store_begin_bulk    (YsStore       *self,
                                   GError       **error);
gboolean   ys_store_commit        (YsStore       *self,
                                   GError       **error);
void       ys_store_rollback      (YsStore       *self);
gboolean   ys_store_in_transaction (YsStore      *self);

/* Document settings: dept_code, dept_name, year, region, catalog_year, framework. */
GHashTable *ys_store_load_meta    (YsStore       *self,
                                   GError       **error);
gboolean   ys_store_set_meta      (YsStore       *self,
                                   const char    *key,
                                   const char    *value,
                                   GError       **error);

GPtrArray *ys_store_load          (YsStore       *self,
                                   const YsKind  *kind,
                                   GError       **error);
/* Inserts @record; keeps its id when it has one (undo of a deletion). */
gboolean   ys_store_insert        (YsStore       *self,
                                   YsRecord      *record,
                                   GError       **error);
/* Inserts @n new records (id 0) of @kind, which nobody has seen yet (no
 * list holds them, nobody follows their changes), with the next ids in
 * order, with one statement; on failure every one of them is left with
 * id 0 and @failed says which was refused. */
gboolean   ys_store_insert_new    (YsStore       *self,
                                   const YsKind  *kind,
                                   YsRecord     **records,
                                   guint          n,
                                   guint         *failed,
                                   GError       **error);
gboolean   ys_store_update        (YsStore       *self,
                                   YsRecord      *record,
                                   guint          field,
                                   GError       **error);
gboolean   ys_store_delete        (YsStore       *self,
                                   YsRecord      *record,
                                   GError       **error);

/* Catalog rows imported from a finance bureau's file: catalog is
 * "function", "economic_dept", "economic_gov" or "procurement". Returns
 * rows of (code, name, level, parent) as a GPtrArray of GStrv. */
GPtrArray *ys_store_load_catalog  (YsStore       *self,
                                   const char    *catalog,
                                   GError       **error);
gboolean   ys_store_save_catalog  (YsStore       *self,
                                   const char    *catalog,
                                   GPtrArray     *entries, /* YsCatalogEntry */
                                   gboolean       replace_all,
                                   GError       **error);

G_END_DECLS
