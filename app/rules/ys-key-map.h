/* A map from a 64-bit key (an address, or a hash) to a pointer, for the
 * validator's tables of one entry per line: open addressing with linear
 * probing in one plain array of key and value pairs, the slot chosen by a
 * Fibonacci hash of the key, sized ahead when the number of entries is
 * known. A GHashTable keyed the same way calls a hash and an equality
 * function per probe and keeps a third array of hashes; indexing a million
 * lines looks keys up millions of times, each in a table too large for the
 * cache, so a key and its value share a cache line: one miss, not two.
 * Key 0 is never stored (it marks a free slot). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  guint64  key;       /* 0: free */
  gpointer value;
} YsKeyMapSlot;

typedef struct
{
  YsKeyMapSlot *slots;
  guint         bits;  /* 1 << bits slots */
  guint         n;
} YsKeyMap;

/* Room for @expected entries before the map grows. */
void      ys_key_map_init    (YsKeyMap *map,
                              guint     expected);
void      ys_key_map_clear   (YsKeyMap *map);
gpointer  ys_key_map_lookup  (const YsKeyMap *map,
                              guint64   key);
/* Sets the value of @key (added if new). */
void      ys_key_map_insert  (YsKeyMap *map,
                              guint64   key,
                              gpointer  value);
/* Returns the value @key had, or NULL. */
gpointer  ys_key_map_remove  (YsKeyMap *map,
                              guint64   key);

/* Asks for the slot @key would be found in first, ahead of a lookup or an
 * insert, so that the cache miss overlaps other work. */
static inline void
ys_key_map_prefetch (const YsKeyMap *map, guint64 key)
{
  guint slot = (guint) ((key * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) >> (64 - map->bits));

  __builtin_prefetch (&map->slots[slot], 1);
}

static inline guint64
ys_key_map_pointer (gconstpointer pointer)
{
  return (guint64) (guintptr) pointer;
}

G_END_DECLS
