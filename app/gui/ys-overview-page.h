#pragma once

#include "ys-page.h"

G_BEGIN_DECLS

#define YS_TYPE_OVERVIEW_PAGE (ys_overview_page_get_type ())
G_DECLARE_FINAL_TYPE (YsOverviewPage, ys_overview_page, YS, OVERVIEW_PAGE, YsPage)

/* Saves what is typed and not saved yet (before an undo, an export or a print). */
void ys_overview_page_flush (YsOverviewPage *self);

G_END_DECLS
