/* Versions read back from a budget file (ys_snapshot_decode): the input as
 * the stored bytes, and as the payload once compressed. Either a version is
 * read whole or refused as damaged, with a message; what is read encodes and
 * reads back to the same records. */
#include "fuzz-common.h"
#include "ys-snapshot.h"

static void
check (GBytes *stored, gint64 size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsSnapshot) s = ys_snapshot_decode (stored, size, "fuzz", &error);
  g_autoptr(GBytes) again = NULL;
  g_autoptr(YsSnapshot) back = NULL;
  gsize again_size = 0;

  if ((s == NULL) != (error != NULL))
    abort ();
  if (s == NULL)
    {
      if (!g_error_matches (error, YS_SNAPSHOT_ERROR, YS_SNAPSHOT_ERROR_DAMAGED))
        abort ();
      return;
    }
  again = ys_snapshot_encode (s, &again_size);
  back = ys_snapshot_decode (again, again_size, "fuzz", &error);
  if (back == NULL)
    {
      g_printerr ("read back: %s\n", error->message);
      abort ();
    }
  for (guint k = 0; k < YS_N_KINDS; k++)
    if (back->records[k]->len != s->records[k]->len)
      abort ();
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) raw = g_bytes_new (data, size);
  g_autoptr(GZlibCompressor) zlib = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB, 1);
  g_autoptr(GOutputStream) mem = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) z = g_converter_output_stream_new (mem, G_CONVERTER (zlib));
  g_autoptr(GBytes) compressed = NULL;

  fuzz_setup ();
  /* As stored: whatever the file holds, with a recorded size that may be wrong. */
  check (raw, (gint64) size * 4);
  /* As a payload: the sections and their CSV. */
  g_output_stream_write_all (z, data, size, NULL, NULL, NULL);
  g_output_stream_close (z, NULL, NULL);
  compressed = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (mem));
  check (compressed, (gint64) size);
  return 0;
}
