#include "config.h"

#include <string.h>

#include "ys-intern-table.h"

/* A slot keeps a text's first 8 bytes as one word, zero after a shorter
 * text's end: texts hold no NUL, so that word is the whole of a text of up
 * to 7 bytes (most codes), matched by comparing two words; a longer one is
 * compared by its rest as well. 16 bytes a slot, so that a table of 20,000
 * project codes stays small enough for the cache. Open addressing, linear
 * probing, never more than half full. */
struct _YsInternSlot
{
  const char *s;
  guint64     w;
};

#define FIRST_SLOTS 64

static inline guint32
load32 (const char *p)
{
  guint32 v;
  memcpy (&v, p, sizeof v);
  return GUINT32_FROM_LE (v);
}

/* The first min(@n, 8) bytes of @text as a little-endian word, read without
 * going past them: two overlapping reads instead of a copy of @n bytes,
 * which the processor would have to gather again from the stack. */
static inline guint64
first_word (const char *text, gsize n)
{
  const guchar *u = (const guchar *) text;
  guint64 w;

  if (n >= 8)
    {
      memcpy (&w, text, sizeof w);
      return GUINT64_FROM_LE (w);
    }
  if (n >= 4)
    return load32 (text) | (guint64) load32 (text + n - 4) << (8 * (n - 4));
  if (n == 0)
    return 0;
  return u[0] | (guint64) u[n / 2] << (8 * (n / 2)) | (guint64) u[n - 1] << (8 * (n - 1));
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
        guint j = slot_of (table, old[i].s, strlen (old[i].s), old[i].w);
        while (table->slots[j].s != NULL)
          j = (j + 1) & table->mask;
        table->slots[j] = old[i];
      }
  g_free (old);
}

/* The slot of @text: the one that holds it, or the free one where it
 * would go. The table has slots. */
static guint
locate (const YsInternTable *table, const char *text, gsize n, guint64 w)
{
  guint i;

  for (i = slot_of (table, text, n, w); table->slots[i].s != NULL; i = (i + 1) & table->mask)
    {
      const YsInternSlot *slot = &table->slots[i];
      /* A word with a zero byte is a whole text; a full one is the start
       * of a text of 8 bytes or more, whose rests are compared up to the
       * NUL of either, so a stored text of another length never matches. */
      if (slot->w == w && (n < sizeof w || strcmp (slot->s + sizeof w, text + sizeof w) == 0))
        break;
    }
  return i;
}

const char *
ys_intern_table_lookup (YsInternTable *table, const char *text, gsize n)
{
  guint64 w = first_word (text, n);
  guint i;

  if (2 * (table->used + 1) > (table->slots ? table->mask + 1 : 0))
    grow (table);
  i = locate (table, text, n, w);
  if (table->slots[i].s != NULL)
    return table->slots[i].s;
  table->slots[i].s = g_intern_string (text);
  table->slots[i].w = w;
  table->used++;
  return table->slots[i].s;
}

const char *
ys_intern_table_find (const YsInternTable *table, const char *text, gsize n)
{
  if (table->slots == NULL)
    return NULL;
  return table->slots[locate (table, text, n, first_word (text, n))].s;
}

void
ys_intern_table_clear (YsInternTable *table)
{
  g_clear_pointer (&table->slots, g_free);
  table->mask = 0;
  table->used = 0;
}
