#pragma once

#include "ys-grid-page.h"

G_BEGIN_DECLS

#define YS_TYPE_LINES_PAGE (ys_lines_page_get_type ())
G_DECLARE_FINAL_TYPE (YsLinesPage, ys_lines_page, YS, LINES_PAGE, YsGridPage)

G_END_DECLS
