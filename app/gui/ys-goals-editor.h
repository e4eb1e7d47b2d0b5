#pragma once

#include <gtk/gtk.h>

#include "ys-document.h"

G_BEGIN_DECLS

#define YS_TYPE_GOALS_EDITOR (ys_goals_editor_get_type ())
G_DECLARE_FINAL_TYPE (YsGoalsEditor, ys_goals_editor, YS, GOALS_EDITOR, GtkWidget)

/* The performance goals of one project (绩效目标): its 实施期 and 年度 goal
 * texts and indicator sets side by side. Set "document", then "project"
 * (a YsProject of that document, or NULL); edits are saved and undoable. */
GtkWidget  *ys_goals_editor_new          (void);
YsDocument *ys_goals_editor_get_document (YsGoalsEditor *self);
void        ys_goals_editor_set_document (YsGoalsEditor *self,
                                          YsDocument    *document);
YsRecord   *ys_goals_editor_get_project  (YsGoalsEditor *self);
void        ys_goals_editor_set_project  (YsGoalsEditor *self,
                                          YsRecord      *project);
/* Scrolls to @indicator (of the project shown) and puts the cursor in @field (-1: the first). */
void        ys_goals_editor_reveal       (YsGoalsEditor *self,
                                          YsRecord      *indicator,
                                          int            field);

G_END_DECLS
