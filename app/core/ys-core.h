/* Process-wide set-up shared by the window, the command line and the tests. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Sets the locale and message catalog, and tunes the allocator. Call first in main(). */
void ys_core_init (void);

G_END_DECLS
