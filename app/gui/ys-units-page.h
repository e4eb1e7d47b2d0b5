#pragma once

#include "ys-page.h"

G_BEGIN_DECLS

#define YS_TYPE_UNITS_PAGE (ys_units_page_get_type ())
G_DECLARE_FINAL_TYPE (YsUnitsPage, ys_units_page, YS, UNITS_PAGE, YsPage)

G_END_DECLS
