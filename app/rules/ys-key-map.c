/* Open addressing with linear probing (see ys-key-map.h); a removal moves
 * back the entries after it that would no longer be found, so that no
 * tombstones pile up as lines are edited for hours. */
#include "config.h"

#include "ys-key-map.h"

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
  map->keys = g_new0 (guint64, (gsize) 1 << bits);
  map->values = g_new (gpointer, (gsize) 1 << bits);
}

void
ys_key_map_clear (YsKeyMap *map)
{
  g_clear_pointer (&map->keys, g_free);
  g_clear_pointer (&map->values, g_free);
  map->n = 0;
}

gpointer
ys_key_map_lookup (const YsKeyMap *map, guint64 key)
{
  guint mask = (1u << map->bits) - 1;

  for (guint i = slot_of (map->bits, key);; i = (i + 1) & mask)
    {
      if (map->keys[i] == key)
        return map->values[i];
      if (map->keys[i] == 0)
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
    if (map->keys[i] != 0)
      ys_key_map_insert (&bigger, map->keys[i], map->values[i]);
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
  for (i = slot_of (map->bits, key); map->keys[i] != 0; i = (i + 1) & mask)
    if (map->keys[i] == key)
      {
        map->values[i] = value;
        return;
      }
  map->keys[i] = key;
  map->values[i] = value;
  map->n++;
}

gpointer
ys_key_map_remove (YsKeyMap *map, guint64 key)
{
  guint mask = (1u << map->bits) - 1;
  guint i = slot_of (map->bits, key);
  gpointer value;

  while (map->keys[i] != key)
    {
      if (map->keys[i] == 0)
        return NULL;
      i = (i + 1) & mask;
    }
  value = map->values[i];
  map->n--;
  /* Backward shift: an entry after the hole moves into it when its own slot
   * does not lie (cyclically) between the hole and itself. */
  for (guint j = (i + 1) & mask; map->keys[j] != 0; j = (j + 1) & mask)
    {
      guint home = slot_of (map->bits, map->keys[j]);

      if (((j - home) & mask) >= ((j - i) & mask))
        {
          map->keys[i] = map->keys[j];
          map->values[i] = map->values[j];
          i = j;
        }
    }
  map->keys[i] = 0;
  return value;
}
