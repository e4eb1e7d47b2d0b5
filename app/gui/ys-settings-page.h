#pragma once

#include "ys-page.h"

G_BEGIN_DECLS

#define YS_TYPE_SETTINGS_PAGE (ys_settings_page_get_type ())
G_DECLARE_FINAL_TYPE (YsSettingsPage, ys_settings_page, YS, SETTINGS_PAGE, YsPage)

G_END_DECLS
