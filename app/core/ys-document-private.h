/* For the core's own modules that keep data of their own in the budget file
 * (versions): nothing outside app/core includes it. */
#pragma once

#include "ys-document.h"
#include "ys-store.h"

G_BEGIN_DECLS

/* NULL once the document is closed. */
YsStore *ys_document_get_store (YsDocument *self);

G_END_DECLS
