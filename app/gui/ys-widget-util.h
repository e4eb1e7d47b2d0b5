/* Small things every widget of the window needs alike. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Removes every child of @widget. A GtkBox, GtkGrid or GtkListBox removes
 * them itself (it keeps its own account of them); any other widget, one
 * that lays its children out itself, has them unparented, as its dispose
 * must after gtk_widget_dispose_template(), which unparents only the
 * children the class binds. */
void ys_widget_remove_children (GtkWidget *widget);

/* The whole text of @view, hidden characters left out; free it. */
char *ys_text_view_get_text (GtkTextView *view);

G_END_DECLS
