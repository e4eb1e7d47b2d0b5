/* Temporary files written beside their target and renamed over it. Their
 * names say whose they are (.NAME.yusuan-tmp-PID-XXXXXX), so that a file left
 * by a killed program can be told from one still being written and removed
 * by the next writer in the same folder. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Creates the temporary file for @target (mode 0666 less the umask) and
 * returns its name; the file is empty and closed. */
char     *ys_temp_file_create  (const char  *target,
                                GError     **error);
/* A name for a temporary file beside @target, not created: for files that
 * are built by other means (a budget imported before it takes its name). */
char     *ys_temp_file_name    (const char  *target);
/* Writes @len bytes to a temporary file beside @target, syncs it and renames
 * it over @target. */
gboolean  ys_temp_file_replace (const char  *target,
                                const char  *data,
                                gsize        len,
                                GError     **error);
/* Removes a temporary budget file and the files SQLite keeps beside it. */
void      ys_temp_file_remove_database (const char *tmp);
/* Removes a private temporary folder with the files in it (a copy of a
 * budget and the journal SQLite may have left beside it). */
void      ys_temp_file_remove_folder (const char *dir);
/* Renames @tmp over @target and syncs the folder, so that the new name
 * survives a power cut. */
gboolean  ys_temp_file_rename  (const char  *tmp,
                                const char  *target,
                                GError     **error);
/* Whether @path is a temporary file of this process (a budget being made,
 * under the name ys_temp_file_create() or ys_temp_file_name() gave it). */
gboolean  ys_temp_file_is_ours (const char  *path);
/* Removes the temporary files in @dir whose writing process is gone;
 * returns how many. */
guint     ys_temp_file_clean   (const char  *dir);

G_END_DECLS
