#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Called with the name the reviewer confirmed, or NULL when they cancelled. */
typedef void (*YsReviewerDialogDone) (const char *name,
                                      gpointer    user_data);

/* Asks before switching into reviewer mode: what the mode does, and the
 * reviewer's name (@name filled in, never empty when confirmed). @done is
 * not called if @owner goes away first. */
void ys_reviewer_dialog_ask (GtkWidget            *owner,
                             const char           *name,
                             YsReviewerDialogDone  done,
                             gpointer              user_data);

G_END_DECLS
