#include "config.h"

#include <string.h>

#include "ys-intern-table.h"

/* A slot keeps a text's first 8 bytes as one word beside its length, so a
 * text of up to 8 bytes (most codes) is matched by comparing two words, a
 * longer one by its rest as well. Open addressing, linear probing, never
 * more than half full. */
struct _YsInternSlot
{
  const char *s;
  guint64     w;
  gsize       n;
};

#define FIRST_SLOTS 64

static inline guint64
first_word (const char *text, gsize n)
{
  guint64 w = 0;

  memcpy (&w, text, MIN (n, sizeof w));
  return w;
}

static inline guint
slot_of (const YsInternTable *table, const char *text, gsize n, guint64 w)
{
  guint64 h = w ^ n;

  for (gsize i = sizeof w; i < n; i += sizeof w)
    h = (h ^ first_word (text + i, n - i)) * G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
  return (guint) ((h * G_GUINT64_CONSTANT (0x9e3779b97f4a7c15)) >> 32) & table->mask;
}

static void
grow (YsInternTable *table)
{
  YsInternSlot *old = table->slots;
  guint n_old = old ? table->mask + 1 : 0;

  table->mask = n_old ? 2 * n_old - 1 : FIRST_SLOTS - 1;
  table->slots = g_new0 (YsInternSlot, table->mask + 1);
  for (guint i = 0; i < n_old; i++)
    if (old[i].s != NULL)
      {
        guint j = slot_of (table, old[i].s, old[i].n, old[i].w);
        while (table->slots[j].s != NULL)
          j = (j + 1) & table->mask;
        table->slots[j] = old[i];
      }
  g_free (old);
}

const char *
ys_intern_table_lookup (YsInternTable *table, const char *text, gsize n)
{
  guint64 w = first_word (text, n);
  guint i;

  if (2 * (table->used + 1) > (table->slots ? table->mask + 1 : 0))
    grow (table);
  for (i = slot_of (table, text, n, w); table->slots[i].s != NULL; i = (i + 1) & table->mask)
    {
      YsInternSlot *slot = &table->slots[i];
      if (slot->w == w && slot->n == n
          && (n <= sizeof w || memcmp (slot->s + sizeof w, text + sizeof w, n - sizeof w) == 0))
        return slot->s;
    }
  table->slots[i].s = g_intern_string (text);
  table->slots[i].w = w;
  table->slots[i].n = n;
  table->used++;
  return table->slots[i].s;
}

void
ys_intern_table_clear (YsInternTable *table)
{
  g_clear_pointer (&table->slots, g_free);
  table->mask = 0;
  table->used = 0;
}
