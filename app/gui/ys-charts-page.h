#pragma once

#include "ys-page.h"

G_BEGIN_DECLS

#define YS_TYPE_CHARTS_PAGE (ys_charts_page_get_type ())
G_DECLARE_FINAL_TYPE (YsChartsPage, ys_charts_page, YS, CHARTS_PAGE, YsPage)

G_END_DECLS
