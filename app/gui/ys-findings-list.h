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

G_END_DECLS
