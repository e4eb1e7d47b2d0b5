/* A region's table layout (docs/layouts.md) read from any JSON text. */
#include "fuzz-common.h"
#include "ys-layout.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  YsLayout *layout;

  fuzz_setup ();
  layout = ys_layout_load_data ((const char *) data, (gssize) size, "fuzz.json", &error);
  if ((layout == NULL) == (error == NULL))
    abort ();
  ys_layout_free (layout);
  return 0;
}
