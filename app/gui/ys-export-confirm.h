/* Before anything meant for publication is written (the tables workbook,
 * the published document): while 错误 findings remain, the accountant is
 * asked first and shown which. */
#pragma once

#include <gtk/gtk.h>

#include "ys-validator.h"

G_BEGIN_DECLS

typedef void (*YsExportConfirmed) (GObject *object);

/* Calls @confirmed with @object at once when @validator has no error
 * finding; else asks over @widget's window, listing them, and calls it only
 * if the accountant chooses to export anyway. @what names what would be
 * written ("the tables workbook"). */
void ys_export_confirm_errors (GtkWidget         *widget,
                               YsValidator       *validator,
                               const char        *what,
                               YsExportConfirmed  confirmed,
                               GObject           *object);

G_END_DECLS
