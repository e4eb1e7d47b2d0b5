/* Opening a damaged document: the bytes of a small .yusuan (the seed) with
 * any change, written to a file and opened.  It must be refused or opened,
 * never crash; an opened one is summed up as the window would show it. */
#include <string.h>

#include "fuzz-common.h"
#include "ys-document.h"
#include "ys-summary.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  YsDocument *doc;

  fuzz_setup ();
  path = g_build_filename (fuzz_setup (), "damaged.yusuan", NULL);
  fuzz_remove_document (path);
  g_free (path);
  path = fuzz_write_file ("damaged.yusuan", data, size);

  doc = ys_document_open (path, &error);
  if ((doc == NULL) == (error == NULL))
    abort ();
  if (doc != NULL)
    {
      YsFilter all = YS_FILTER_ALL;
      YsSummary *summary = ys_summary_compute (doc, &all);

      ys_summary_free (summary);
      for (guint i = 0; ys_document_meta_keys[i] != NULL; i++)
        ys_document_get_meta (doc, ys_document_meta_keys[i]);
      g_object_unref (doc);
    }
  fuzz_remove_document (path);
  return 0;
}
