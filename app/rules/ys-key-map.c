/* Open addressing with linear probing (see ys-key-map.h); a removal moves
 * back the entries after it that would no longer be found, so that no
 * tombstones pile up as lines are edited for hours. */
#include "config.h"

#include "ys-key-map.h"

/* As ys_key_map_prefetch () finds it. */
static inline guint
slot_of (guint bits, guint64 key)
{
  return (guint) ((key * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) >> (64 - bits));
}

void
ys_key_map_init (YsKeyMap *map, guint expected)
{
  guint bits = 4;

  /* At most half full. */
  while ((G_GUINT64_CONSTANT (1) << bits) < (guint64) expected * 2)
    bits++;
  map->bits = bits;
  map->n = 0;
  map->slots = g_new0 (YsKeyMapSlot, (gsize) 1 << bits);
}

void
ys_key_map_clear (YsKeyMap *map)
{
  g_clear_pointer (&map->slots, g_free);
  map->n = 0;
}

gpointer
ys_key_map_lookup (const YsKeyMap *map, guint64 key)
{
  guint mask = (1u << map->bits) - 1;

  for (guint i = slot_of (map->bits, key);; i = (i + 1) & mask)
    {
      if (map->slots[i].key == key)
        return map->slots[i].value;
      if (map->slots[i].key == 0)
        return NULL;
    }
}

static void
grow (YsKeyMap *map)
{
  YsKeyMap bigger;
  gsize size = (gsize) 1 << map->bits;

  ys_key_map_init (&bigger, (guint) size);
  for (gsize i = 0; i < size; i++)
    if (map->slots[i].key != 0)
      ys_key_map_insert (&bigger, map->slots[i].key, map->slots[i].value);
  ys_key_map_clear (map);
  *map = bigger;
}

void
ys_key_map_insert (YsKeyMap *map, guint64 key, gpointer value)
{
  guint mask;
  guint i;

  g_return_if_fail (key != 0);
  if ((map->n + 1) * 2 > (1u << map->bits))
    grow (map);
  mask = (1u << map->bits) - 1;
  for (i = slot_of (map->bits, key); map->slots[i].key != 0; i = (i + 1) & mask)
    if (map->slots[i].key == key)
      {
        map->slots[i].value = value;
        return;
      }
  map->slots[i].key = key;
  map->slots[i].value = value;
  map->n++;
}

gpointer
ys_key_map_remove (YsKeyMap *map, guint64 key)
{
  guint mask = (1u << map->bits) - 1;
  guint i = slot_of (map->bits, key);
  gpointer value;

  while (map->slots[i].key != key)
    {
      if (map->slots[i].key == 0)
        return NULL;
      i = (i + 1) & mask;
    }
  value = map->slots[i].value;
  map->n--;
  /* Backward shift: an entry after the hole moves into it when its own slot
   * does not lie (cyclically) between the hole and itself. */
  for (guint j = (i + 1) & mask; map->slots[j].key != 0; j = (j + 1) & mask)
    {
      guint home = slot_of (map->bits, map->slots[j].key);

      if (((j - home) & mask) >= ((j - i) & mask))
        {
          map->slots[i] = map->slots[j];
          i = j;
        }
    }
  map->slots[i].key = 0;
  return value;
}
