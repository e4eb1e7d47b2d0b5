#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define YS_TYPE_APPLICATION (ys_application_get_type ())
G_DECLARE_FINAL_TYPE (YsApplication, ys_application, YS, APPLICATION, AdwApplication)

YsApplication *ys_application_new          (void);
/* NULL when the schema is not installed (an uninstalled build run without
 * GSETTINGS_SCHEMA_DIR): the window then just does not remember its size. */
GSettings     *ys_application_get_settings (YsApplication *self);
/* Shows @file in the window that already has it, else in @from when that is
 * still empty, else in a new window. */
void           ys_application_open_file    (YsApplication *self,
                                            GFile         *file,
                                            GtkWindow     *from);

G_END_DECLS
