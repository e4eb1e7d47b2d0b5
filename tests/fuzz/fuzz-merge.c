/* Receiving a damaged unit file (汇总): the bytes of a small .yusuan (the
 * seed) with any change, received into a department budget.  The file must
 * be refused with a reason or received, never crash; a receipt is undone, so
 * that every input meets the same department. */
#include <string.h>

#include "fuzz-common.h"
#include "ys-merge.h"

static YsDocument *dept;

static YsDocument *
department (void)
{
  if (dept == NULL)
    {
      g_autofree char *path = g_build_filename (fuzz_setup (), "dept.yusuan", NULL);
      g_autoptr(GHashTable) meta = g_hash_table_new (g_str_hash, g_str_equal);

      g_hash_table_insert (meta, "year", "2023");
      g_hash_table_insert (meta, "catalog_year", "2023");
      fuzz_remove_document (path);
      dept = ys_document_create (path, meta, NULL);
      if (dept == NULL)
        abort ();
    }
  return dept;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  YsMergePlan *plan;
  const char *paths[2] = { NULL, NULL };
  YsDocument *doc = department ();

  path = g_build_filename (fuzz_setup (), "unit.yusuan", NULL);
  fuzz_remove_document (path);
  g_free (path);
  path = fuzz_write_file ("unit.yusuan", data, size);
  paths[0] = path;

  plan = ys_merge_plan (doc, paths, &error);
  if (plan == NULL)
    abort ();
  for (guint i = 0; i < plan->items->len; i++)
    {
      YsMergeItem *it = g_ptr_array_index (plan->items, i);
      if ((it->action == YS_MERGE_REFUSED) != (it->reason != NULL))
        abort ();
    }
  if (ys_merge_plan_count (plan, YS_MERGE_ADD) + ys_merge_plan_count (plan, YS_MERGE_REPLACE) > 0)
    {
      if (ys_merge_apply (doc, plan, &error))
        {
          if (!ys_document_undo (doc, NULL))
            abort ();
        }
      else if (error == NULL)
        abort ();
    }
  ys_merge_plan_free (plan);
  fuzz_remove_document (path);
  return 0;
}
