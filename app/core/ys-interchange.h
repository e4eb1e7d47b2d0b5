/* The interchange format (docs/interchange.md): one CSV file per kind of record. */
#pragma once

#include "ys-document.h"

G_BEGIN_DECLS

#define YS_INTERCHANGE_ERROR (ys_interchange_error_quark ())
typedef enum {
  YS_INTERCHANGE_ERROR_BAD_ROWS,
  YS_INTERCHANGE_ERROR_IO,
} YsInterchangeError;
GQuark ys_interchange_error_quark (void);

/* Reads DIR/document.csv into a new table of settings (empty when absent). */
GHashTable *ys_interchange_read_meta (const char  *dir,
                                      GPtrArray   *problems,
                                      GError     **error);

/* Checks every row of every file first; imports all of them in one
 * transaction only when there is no problem. Each problem names the file,
 * the line, the column and the reason; they are appended to @problems. */
gboolean    ys_interchange_import    (YsDocument  *doc,
                                      const char  *dir,
                                      GPtrArray   *problems,
                                      GError     **error);

/* Writes every file (atomically, each to a temporary name then renamed). */
gboolean    ys_interchange_dump      (YsDocument  *doc,
                                      const char  *dir,
                                      GError     **error);

G_END_DECLS
