/* 以本预算新建下一年度: where the new budget goes and for which year, what it
 * will carry (units, continuing projects, this year's figures as 上年数),
 * and a new code for each code the new year's catalog no longer has. Create
 * writes the file and offers to open it. */
#pragma once

#include <adwaita.h>

#include "ys-document.h"

G_BEGIN_DECLS

#define YS_TYPE_NEXT_YEAR_DIALOG (ys_next_year_dialog_get_type ())
G_DECLARE_FINAL_TYPE (YsNextYearDialog, ys_next_year_dialog, YS, NEXT_YEAR_DIALOG, AdwWindow)

YsNextYearDialog *ys_next_year_dialog_new (GtkWindow  *parent,
                                           YsDocument *document);

G_END_DECLS
