/* Printing the published document, or some of its tables, through
 * GtkPrintOperation with the very pages the PDF is drawn from (ys_pages_*):
 * A4, each page portrait or landscape as the layout made it. */
#pragma once

#include <gtk/gtk.h>

#include "ys-publication.h"

G_BEGIN_DECLS

/* Shows the print dialog for @pub (taken) over @parent and prints it as
 * @job_name. When the environment variable YUSUAN_PRINT_TO_FILE names a
 * .pdf file, the pages are written there instead, without a dialog: the
 * window's tests print that way, as a private X server has no printer and
 * GTK's dialog cannot be driven there reliably. */
void ys_print_publication (GtkWindow     *parent,
                           YsPublication *pub,
                           const char    *job_name);

G_END_DECLS
