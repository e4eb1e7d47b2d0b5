#pragma once

#include <adwaita.h>

#include "ys-application.h"
#include "ys-document.h"
#include "ys-validator.h"

G_BEGIN_DECLS

#define YS_TYPE_WINDOW (ys_window_get_type ())
G_DECLARE_FINAL_TYPE (YsWindow, ys_window, YS, WINDOW, AdwApplicationWindow)

YsWindow   *ys_window_new          (YsApplication *application);
/* Opens @file in a worker thread; failures are shown in the window. */
void        ys_window_open         (YsWindow      *self,
                                    GFile         *file);
YsDocument *ys_window_get_document (YsWindow      *self);
/* The live validation of the document, NULL while none is open. */
YsValidator *ys_window_get_validator (YsWindow    *self);
void        ys_window_set_document (YsWindow      *self,
                                    YsDocument    *document);
/* TRUE while the window neither shows nor is opening a document. */
gboolean    ys_window_is_empty     (YsWindow      *self);
gboolean    ys_window_is_showing   (YsWindow      *self,
                                    GFile         *file);
/* Shows the page of @record's kind with @record selected and, where the page
 * can, the cursor in @field (-1: the record as a whole). A page takes over
 * by installing the action "<page name>.reveal" with the parameter
 * (kind name, record id, field) "(sxi)"; otherwise the record's row is
 * selected in the page's list. */
void        ys_window_reveal       (YsWindow      *self,
                                    YsRecord      *record,
                                    int            field);

G_END_DECLS
