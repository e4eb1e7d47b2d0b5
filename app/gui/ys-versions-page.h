#pragma once

#include "ys-page.h"

G_BEGIN_DECLS

#define YS_TYPE_VERSIONS_PAGE (ys_versions_page_get_type ())
G_DECLARE_FINAL_TYPE (YsVersionsPage, ys_versions_page, YS, VERSIONS_PAGE, YsPage)

/* Reads the list of versions from the file again (after one was kept). */
void ys_versions_page_refresh (YsVersionsPage *self);

G_END_DECLS
