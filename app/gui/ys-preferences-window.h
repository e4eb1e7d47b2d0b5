#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define YS_TYPE_PREFERENCES_WINDOW (ys_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (YsPreferencesWindow, ys_preferences_window, YS, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* Edits @settings (the application's) as the user chooses, at once. */
YsPreferencesWindow *ys_preferences_window_new (GtkWindow *parent,
                                                GSettings *settings);

G_END_DECLS
