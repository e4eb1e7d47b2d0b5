/* A map from a 64-bit key (an address, or a hash) to a pointer, for the
 * validator's tables of one entry per line: open addressing with linear
 * probing in two plain arrays, the slot chosen by a Fibonacci hash of the
 * key, sized ahead when the number of entries is known. A GHashTable keyed
 * the same way calls a hash and an equality function per probe and keeps a
 * third array of hashes; indexing a million lines looks keys up millions of
 * times. Key 0 is never stored (it marks a free slot). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  guint64  *keys;     /* 0: free */
  gpointer *values;
  guint     bits;     /* 1 << bits slots */
  guint     n;
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

static inline guint64
ys_key_map_pointer (gconstpointer pointer)
{
  return (guint64) (guintptr) pointer;
}

G_END_DECLS
