#pragma once

#include <glib.h>

#include "ys-document.h"
#include "ys-layout.h"
#include "ys-validator.h"

G_BEGIN_DECLS

int  ys_cli_new      (int argc, char **argv);
int  ys_cli_info     (int argc, char **argv);
int  ys_cli_import   (int argc, char **argv);
int  ys_cli_dump     (int argc, char **argv);
int  ys_cli_summary  (int argc, char **argv);
int  ys_cli_catalog  (int argc, char **argv);
int  ys_cli_generate (int argc, char **argv);
int  ys_cli_tables   (int argc, char **argv);
int  ys_cli_export   (int argc, char **argv);
int  ys_cli_validate (int argc, char **argv);
int  ys_cli_next_year (int argc, char **argv);
int  ys_cli_explain  (int argc, char **argv);
int  ys_cli_snapshot (int argc, char **argv);
int  ys_cli_diff     (int argc, char **argv);
int  ys_cli_import_sheet (int argc, char **argv);
int  ys_cli_backup   (int argc, char **argv);
int  ys_cli_check    (int argc, char **argv);
int  ys_cli_publish  (int argc, char **argv);
int  ys_cli_merge    (int argc, char **argv);
int  ys_cli_split    (int argc, char **argv);
/* What ys_cli_publish runs from the module yusuan-cli-publish (ys-cli-module.c). */
int  ys_cli_publish_run (int argc, char **argv);

/* Parses the options of one command; on error prints it and returns FALSE.
 * @n_args is the number of positional arguments the command needs, or
 * minus the least number when it takes a list. */
gboolean ys_cli_parse     (int          *argc,
                           char       ***argv,
                           const char   *parameters,
                           const char   *summary,
                           GOptionEntry *entries,
                           int           n_args);
int      ys_cli_fail      (GError       *error);
YsDocument *ys_cli_open   (const char   *path);
/* The same, with the records of @streamed left in the file for
 * ys_document_scan (ys-document-scan.h): for a command that only adds them up. */
YsDocument *ys_cli_open_streaming (const char   *path,
                                   const YsKind *streamed);
/* Closes @doc's file and leaves its records to the process's exit, which
 * is about to come: freeing a million records one by one costs a tenth of
 * opening them. Builds with AddressSanitizer, and YUSUAN_FREE_AT_EXIT=1,
 * free everything, so that the teardown stays checked. */
void        ys_cli_close_at_exit (YsDocument *doc);
/* The layout named (a bundled region or a .json file), else the document's
 * own; NULL after printing why. */
YsLayout   *ys_cli_load_layout (YsDocument *doc,
                                const char *name);
/* FALSE, after listing the 错误 findings on stderr, when @validator has any
 * and @allow_errors is not set: nothing is then to be written to @output. */
gboolean ys_cli_refuse_errors (YsValidator *validator,
                               gboolean     allow_errors,
                               const char  *output);

G_END_DECLS
