#pragma once

#include "ys-page.h"

G_BEGIN_DECLS

#define YS_TYPE_REPORTS_PAGE (ys_reports_page_get_type ())
G_DECLARE_FINAL_TYPE (YsReportsPage, ys_reports_page, YS, REPORTS_PAGE, YsPage)

G_END_DECLS
