#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define YS_TYPE_NEW_BUDGET_DIALOG (ys_new_budget_dialog_get_type ())
G_DECLARE_FINAL_TYPE (YsNewBudgetDialog, ys_new_budget_dialog, YS, NEW_BUDGET_DIALOG, AdwWindow)

/* @settings (nullable) gives the layout to suggest and learns the one chosen. */
YsNewBudgetDialog *ys_new_budget_dialog_new      (GtkWindow         *parent,
                                                  GSettings         *settings);
/* The document settings typed in, as ys_document_create() takes them. */
GHashTable        *ys_new_budget_dialog_get_meta (YsNewBudgetDialog *self);

G_END_DECLS
