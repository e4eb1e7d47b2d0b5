#pragma once

#include "ys-page.h"

G_BEGIN_DECLS

#define YS_TYPE_REPORTS_PAGE (ys_reports_page_get_type ())
G_DECLARE_FINAL_TYPE (YsReportsPage, ys_reports_page, YS, REPORTS_PAGE, YsPage)

/* The layout chosen on the page (the region's, or the one chosen for this
 * budget before): the published document follows it. */
const char *ys_reports_page_get_layout_id (YsReportsPage *self);
/* Prints the table shown; FALSE when none is. */
gboolean    ys_reports_page_print_table   (YsReportsPage *self);

G_END_DECLS
