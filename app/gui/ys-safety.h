/* What the window does to keep a budget safe: rolling backups while it is
 * open, the banner over a read-only one, and the offer to restore the latest
 * backup of a damaged one. */
#pragma once

#include <adwaita.h>

#include "ys-document.h"

G_BEGIN_DECLS

typedef struct _YsBackupTimer YsBackupTimer;

/* A backup soon after @doc is opened, then every hour in which it changed. */
YsBackupTimer *ys_backup_timer_new   (YsDocument   *doc);
void           ys_backup_timer_free  (YsBackupTimer *timer);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (YsBackupTimer, ys_backup_timer_free)

/* 只读: the file or its folder cannot be written. Hidden until shown. */
GtkWidget     *ys_read_only_banner_new (void);

typedef void (*YsReopenFunc) (gpointer user_data, GFile *file);

/* The error of opening @file; a damaged file's message names its latest
 * backup, and the dialog offers to put that backup in its place (the
 * damaged file is kept aside) and then calls @reopen. */
void           ys_show_open_error    (GtkWindow    *parent,
                                      const char   *heading,
                                      GFile        *file,
                                      const GError *error,
                                      YsReopenFunc  reopen,
                                      gpointer      user_data);

G_END_DECLS
