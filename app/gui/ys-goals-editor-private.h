/* What the goal editor's files share: the editor's fields, the building of
 * its two indicator sets (ys-goals-editor-sets.c) and its helpers. */
#pragma once

#include "ys-goal-row.h"
#include "ys-goal-set.h"
#include "ys-goals-columns.h"
#include "ys-goals-editor.h"

G_BEGIN_DECLS

/* The two indicator sets, in the words stored in the goal_set field. */
enum { SET_PERIOD, SET_ANNUAL, N_SETS };
extern const char *const ys_goals_set_words[N_SETS];



struct _YsGoalsEditor
{
  GtkWidget       parent_instance;

  /* template */
  GtkStack       *stack;
  YsGoalsColumns *columns;
  GtkWidget      *period_goal_frame;
  GtkWidget      *annual_goal_frame;
  GtkTextView    *period_goal_view;
  GtkTextView    *annual_goal_view;
  GtkOrientable  *period_header;
  GtkOrientable  *annual_header;
  GtkBox         *period_groups;
  GtkBox         *annual_groups;
  GtkMenuButton  *period_library_button;
  GtkMenuButton  *annual_library_button;

  YsDocument     *document;
  YsRecord       *project;
  char           *project_code;  /* as shown; the record's may have changed since */
  GPtrArray      *rows;          /* YsGoalRow shown */
  GPtrArray      *aligned;       /* GtkSizeGroup: a part of one set and the same part of the other */
  GPtrArray      *gaps;          /* the blank rows that line the sets up side by side */
  GPtrArray      *lines;         /* YsRecord or NULL (not held): the 实施期 and 年度 indicators of each line shown */
  gboolean        realign_pending; /* once the cursor leaves the name typed */
  guint           rebuild_idle;
  guint           goals_timeout;
  gboolean        loading;
  YsRecord       *focus_after;   /* the indicator to put the cursor in after a rebuild */
  int             focus_field;
  gboolean        rebuild_on_map; /* the rows are made when the editor is first shown */
};

void               ys_goals_editor_show_error       (YsGoalsEditor *self,
                                                     const char    *message);
const YsGoalGroup *ys_goals_editor_framework_groups (YsGoalsEditor *self,
                                                     guint         *n_groups,
                                                     gboolean      *is_2021);
/* Makes the rows again now, or once after the present batch of changes. */
void               ys_goals_editor_rebuild          (YsGoalsEditor *self);
void               ys_goals_editor_queue_rebuild    (YsGoalsEditor *self);
/* After a name changed: the rows made again if the lines change, once the
 * cursor has left the name. */
void               ys_goals_editor_queue_realign    (YsGoalsEditor *self);
YsGoalRow         *ys_goals_editor_find_row         (YsGoalsEditor *self,
                                                     YsRecord      *indicator);
void               ys_goals_editor_focus_row        (YsGoalRow     *row,
                                                     int            field);
void               ys_goals_editor_update_alignment (YsGoalsEditor *self);

G_END_DECLS
