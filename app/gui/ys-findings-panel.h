#pragma once

#include "ys-findings-list.h"
#include "ys-page.h"

G_BEGIN_DECLS

#define YS_TYPE_FINDINGS_PANEL (ys_findings_panel_get_type ())
G_DECLARE_FINAL_TYPE (YsFindingsPanel, ys_findings_panel, YS, FINDINGS_PANEL, YsPage)

YsFindingsList *ys_findings_panel_get_list (YsFindingsPanel *self);

G_END_DECLS
