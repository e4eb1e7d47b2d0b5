/* What the window's files share: ys-window.c (the budget, its pages and
 * findings), ys-window-actions.c (the win. actions: new, open, close, undo),
 * ys-window-versions.c (keeping and comparing versions). */
#pragma once

#include "ys-findings-panel.h"
#include "ys-review-page.h"
#include "ys-safety.h"
#include "ys-totals-bar.h"
#include "ys-window.h"

G_BEGIN_DECLS

#define YS_MIME_TYPE "application/x-yusuan"
#define MAX_RECENT 8

struct _YsWindow
{
  AdwApplicationWindow  parent_instance;

  /* template */
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkWidget            *undo_button;
  GtkWidget            *redo_button;
  GtkWidget            *header_bar;
  YsTotalsBar          *totals_bar;
  GtkStack             *main_stack;
  GtkWidget            *recent_group;
  GtkListBox           *recent_list;
  AdwStatusPage        *loading_page;
  GtkListBox           *sidebar;
  GtkStack             *page_stack;
  GtkWidget            *findings_button;
  GtkLabel             *error_count_label;
  GtkLabel             *warning_count_label;
  YsReviewPage         *review_page;
  YsFindingsPanel      *findings_panel;

  /* state */
  YsDocument           *document;
  YsValidator          *validator;     /* of the document, for the review page and the findings panel */
  GFile                *file;          /* the document's, or the one being opened */
  GCancellable         *cancellable;   /* of the open in progress */
  GtkStringList        *recent_uris;
  GtkFileChooserNative *chooser;
  GHashTable           *pending_meta;  /* of the new budget whose file is being chosen */
  guint                 totals_fit_idle;
  GtkWidget            *read_only_banner;
  YsBackupTimer        *backup_timer;
};

GSettings *ys_window_get_settings    (YsWindow   *self);
void       ys_window_show_error      (YsWindow   *self,
                                      const char *heading,
                                      const char *body);
void       ys_window_add_to_recent   (YsWindow   *self);
void       ys_window_update_actions  (YsWindow   *self);
void       ys_window_install_actions (YsWindow   *self);
/* Shows the page @name of the stack, its sidebar row selected. */
void       ys_window_select_page     (YsWindow   *self,
                                      const char *name);
/* ys-window-import.c: 导入工作簿, 以本预算新建下一年度. */
void       ys_window_import_install_actions (YsWindow *self);
void       ys_window_import_update_actions  (YsWindow *self);
/* "Budget files": *.yusuan and the budget MIME type, for the file choosers. */
GtkFileFilter *ys_window_budget_filter (void);
/* ys-window-merge.c: win.receive-units (汇总单位预算) and win.hand-out-unit (分发单位预算). */
void       ys_window_merge_install_actions (YsWindow *self);
void       ys_window_merge_update_actions  (YsWindow *self);
/* ys-window-publish.c: export and print the published document, Ctrl+P. */
void       ys_window_publish_install_actions (YsWindow *self);
void       ys_window_publish_update_actions  (YsWindow *self);
void       ys_window_versions_install_actions (YsWindow *self);

G_END_DECLS
