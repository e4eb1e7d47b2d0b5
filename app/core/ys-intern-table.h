/* The codes and choices of one column of a table being loaded, interned:
 * they repeat across rows (300 unit codes, a few hundred classification
 * codes and 2,000 project codes in 100,000 lines), and g_intern_string()
 * takes a global lock and a hash lookup for each. A table remembers every
 * text it interned, so each distinct text goes to g_intern_string() once. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _YsInternSlot YsInternSlot;

typedef struct
{
  YsInternSlot *slots;
  guint         mask;    /* number of slots - 1 */
  guint         used;
} YsInternTable;

/* g_intern_string (@text) of the @n bytes of @text (a NUL after them, none
 * among them). @table starts zeroed. */
const char *ys_intern_table_lookup (YsInternTable *table,
                                    const char    *text,
                                    gsize          n);
/* The interned text @table holds for the @n bytes of @text, or NULL: the
 * table unchanged. */
const char *ys_intern_table_find   (const YsInternTable *table,
                                    const char          *text,
                                    gsize                n);
void        ys_intern_table_clear  (YsInternTable *table);

G_END_DECLS
