/* What GTK 4.8 and libadwaita 1.2 do not do as an accountant expects,
 * done once for every widget of a window, dialog or page. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* For every widget under @widget (itself included): an AdwComboRow or a
 * GtkDropDown opens its list on Enter and Space when it has the focus, a
 * combo row's list shows its items whole, and a tooltip text is shown at a
 * readable width. Call once, after the widgets are built. */
void ys_widget_fixes_apply    (GtkWidget  *widget);
/* @text in @tooltip at a readable width: GTK's own tooltip label wraps
 * short Chinese text after a few characters. */
void ys_widget_fixes_tooltip  (GtkTooltip *tooltip,
                               const char *text);

G_END_DECLS
