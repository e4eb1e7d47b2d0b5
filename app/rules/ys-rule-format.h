/* The messages of findings put together without printf for the formats they
 * use: text, %s and whole numbers, positional (%2$s, as translations reorder
 * them) or not. A full check formats thousands of messages, and glibc's
 * printf machinery was most of the time each one took. */
#pragma once

#include <stdarg.h>
#include <glib.h>

G_BEGIN_DECLS

/* What g_strdup_vprintf (@format, @args) gives: written here when @format
 * uses nothing else than %s, %d, %i, %u (with l or ll) and %%, else by
 * g_strdup_vprintf () itself. */
char *ys_rule_format (const char *format,
                      va_list     args);

G_END_DECLS
