#pragma once

#include <gtk/gtk.h>

#include "ys-validator.h"

G_BEGIN_DECLS

#define YS_TYPE_FINDINGS_PANEL (ys_findings_panel_get_type ())
G_DECLARE_FINAL_TYPE (YsFindingsPanel, ys_findings_panel, YS, FINDINGS_PANEL, GtkWidget)

YsValidator *ys_findings_panel_get_validator (YsFindingsPanel *self);
void         ys_findings_panel_set_validator (YsFindingsPanel *self,
                                              YsValidator     *validator);

G_END_DECLS
