/* The list of suggestions under a cell being edited: codes with their names
 * and catalog paths, or the words a field takes. It never takes the keyboard
 * focus; the editor drives it (Up, Down, Enter) so typing goes on. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define YS_TYPE_COMPLETION_POPOVER (ys_completion_popover_get_type ())
G_DECLARE_FINAL_TYPE (YsCompletionPopover, ys_completion_popover, YS, COMPLETION_POPOVER, GtkPopover)

GtkWidget *ys_completion_popover_new          (void);
void       ys_completion_popover_clear        (YsCompletionPopover *self);
/* @checked: -1 for a plain suggestion, 0 or 1 for one of a set of flags. */
void       ys_completion_popover_append       (YsCompletionPopover *self,
                                               const char          *title,
                                               const char          *subtitle,
                                               int                  checked);
void       ys_completion_popover_set_checked  (YsCompletionPopover *self,
                                               guint                index,
                                               gboolean             checked);
guint      ys_completion_popover_get_n_items  (YsCompletionPopover *self);
/* Narrow, for a few short words (flags) rather than codes with paths. */
void       ys_completion_popover_set_narrow   (YsCompletionPopover *self,
                                               gboolean             narrow);
/* -1 when nothing is highlighted. */
int        ys_completion_popover_get_selected (YsCompletionPopover *self);
void       ys_completion_popover_set_selected (YsCompletionPopover *self,
                                               int                  index);
/* Moves the highlight by @delta, stopping at the ends. */
void       ys_completion_popover_move         (YsCompletionPopover *self,
                                               int                  delta);

G_END_DECLS
