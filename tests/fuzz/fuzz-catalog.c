/* The catalog import (yusuan-cli catalog import) on any file. */
#include "fuzz-common.h"
#include "ys-catalog.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *path = fuzz_write_file ("catalog.xlsx", data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = ys_catalog_read_file (path, &error);

  if ((entries == NULL) == (error == NULL))
    abort ();
  return 0;
}
