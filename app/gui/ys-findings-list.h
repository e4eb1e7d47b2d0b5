#pragma once

#include <gtk/gtk.h>

#include "ys-finding.h"

G_BEGIN_DECLS

#define YS_TYPE_FINDINGS_LIST (ys_findings_list_get_type ())
G_DECLARE_FINAL_TYPE (YsFindingsList, ys_findings_list, YS, FINDINGS_LIST, GtkWidget)

GListModel *ys_findings_list_get_model    (YsFindingsList *self);
void        ys_findings_list_set_model    (YsFindingsList *self,
                                           GListModel     *model);
YsFinding  *ys_findings_list_get_selected (YsFindingsList *self);
void        ys_findings_list_reveal       (YsFindingsList *self,
                                           YsFinding      *finding);

/* How many findings a row stands for (1: itself alone), for a list that
 * shows identical findings as one row. */
typedef guint (*YsFindingsCountFunc) (YsFinding *finding,
                                      gpointer   user_data);
void        ys_findings_list_set_count_func (YsFindingsList      *self,
                                             YsFindingsCountFunc  func,
                                             gpointer             user_data);
/* The counts have changed: every row shown asks again. */
void        ys_findings_list_counts_changed (YsFindingsList      *self);

G_END_DECLS
