#pragma once

#include "ys-page.h"

G_BEGIN_DECLS

#define YS_TYPE_PROJECTS_PAGE (ys_projects_page_get_type ())
G_DECLARE_FINAL_TYPE (YsProjectsPage, ys_projects_page, YS, PROJECTS_PAGE, YsPage)

/* The project chosen in the list (a YsProject of the document), or NULL,
 * also while a new project is being filled in. Its changes are notified
 * as "selected-project"; the goals editor in the page's goals_slot follows it. */
YsRecord   *ys_projects_page_get_selected_project (YsProjectsPage *self);
void        ys_projects_page_select_project       (YsProjectsPage *self,
                                                   YsRecord       *project);

G_END_DECLS
