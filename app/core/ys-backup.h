/* Rolling copies of a budget file, made with SQLite's online backup, kept in
 * the user's data folder (~/.local/share/yusuan/backups/NAME-HASH/, HASH
 * from the file's absolute path) so that they survive the loss of the
 * file's own folder and work for files in folders that cannot be written. */
#pragma once

#include "ys-document.h"

G_BEGIN_DECLS

#define YS_BACKUP_KEEP 10

#define YS_BACKUP_ERROR (ys_backup_error_quark ())
typedef enum {
  YS_BACKUP_ERROR_NONE_FOUND,
  YS_BACKUP_ERROR_EXISTS,
  YS_BACKUP_ERROR_FAILED,
} YsBackupError;
GQuark ys_backup_error_quark (void);

typedef struct {
  char   *name;    /* 20261207T091500.123Z.yusuan (UTC) */
  char   *path;
  gint64  size;
} YsBackup;

void        ys_backup_free        (YsBackup    *backup);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (YsBackup, ys_backup_free)

/* The folder holding the backups of @document_path (not created). */
char       *ys_backup_dir         (const char  *document_path);
/* Newest first; empty when there are none. */
GPtrArray  *ys_backup_list        (const char  *document_path);
/* NULL when there is none. */
YsBackup   *ys_backup_latest      (const char  *document_path);

/* Copies @doc as it is now and keeps the newest YS_BACKUP_KEEP copies.
 * With @only_if_changed, does nothing when the file has not been written
 * since the newest copy. Returns the new copy's path, or NULL (and no error
 * when nothing needed doing). */
char       *ys_backup_make        (YsDocument  *doc,
                                   gboolean     only_if_changed,
                                   GError     **error);

/* Restores the copy @from_name (NULL: the newest) of @document_path.
 * With @out, writes it there (refusing to replace an existing file);
 * otherwise moves the current file aside to @kept_aside (FILE.damaged-TIME)
 * and puts the copy in its place. The copy is opened and checked first;
 * every file is written under a temporary name and renamed. */
gboolean    ys_backup_restore     (const char  *document_path,
                                   const char  *from_name,
                                   const char  *out,
                                   char       **restored_from,
                                   char       **kept_aside,
                                   GError     **error);

/* The sentence a message about a damaged file ends with: the newest backup
 * and the command that restores it, or that there is none. */
char       *ys_backup_advice      (const char  *document_path);

G_END_DECLS
