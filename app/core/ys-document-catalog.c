/* The document's catalogs: the bundled year with a finance bureau's rows applied. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ys-document-impl.h"
#include "ys-store.h"

const char *const ys_document_catalog_names[YS_CATALOG_N_KINDS] = {
  "function", "economic_dept", "economic_gov", "procurement"
};

static int
bundled_year_for (int year)
{
  const int *years = ys_catalog_bundled_years ();
  int best = years[0];

  /* A later year than any bundled one uses the newest; its catalog is incomplete anyway. */
  for (guint i = 0; years[i]; i++)
    if (years[i] <= year)
      best = years[i];
  return best;
}

YsCatalog *
ys_document_get_catalog (YsDocument *self, YsCatalogKind kind)
{
  if (self->catalogs[kind] == NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) imported = NULL;
      int year = bundled_year_for (ys_document_get_catalog_year (self));

      self->catalogs[kind] = ys_catalog_load_bundled (kind, year, &error);
      if (self->catalogs[kind] == NULL)
        g_error ("bundled catalog missing: %s", error->message);
      if (self->store != NULL)
        imported = ys_store_load_catalog (self->store, ys_document_catalog_names[kind], NULL);
      if (imported != NULL && imported->len > 0)
        {
          g_autofree char *flag = g_strdup_printf ("catalog_replaced_%s", ys_document_catalog_names[kind]);
          gboolean replaced = g_strcmp0 (g_hash_table_lookup (self->meta, flag), "1") == 0;

          ys_catalog_merge (self->catalogs[kind], imported, replaced);
          /* A replaced catalog is the official one: unknown codes are then errors. */
          if (replaced)
            ys_catalog_set_incomplete (self->catalogs[kind], FALSE);
        }
    }
  return self->catalogs[kind];
}

gboolean
ys_document_catalog_is_replaced (YsDocument *self, YsCatalogKind kind)
{
  g_autofree char *flag = g_strdup_printf ("catalog_replaced_%s", ys_document_catalog_names[kind]);

  return g_strcmp0 (ys_document_get_meta (self, flag), "1") == 0;
}

gboolean
ys_document_import_catalog (YsDocument *self, YsCatalogKind kind, GPtrArray *entries,
                            gboolean replace_all, GError **error)
{
  g_autofree char *flag = g_strdup_printf ("catalog_replaced_%s", ys_document_catalog_names[kind]);

  if (!ys_document_ensure_open (self, error) || !ys_store_begin (self->store, error))
    return FALSE;
  if (!ys_store_save_catalog (self->store, ys_document_catalog_names[kind], entries, replace_all, error)
      || (replace_all && !ys_store_set_meta (self->store, flag, "1", error))
      || !ys_store_commit (self->store, error))
    {
      ys_store_rollback (self->store);
      return FALSE;
    }
  if (replace_all)
    g_hash_table_insert (self->meta, g_strdup (flag), g_strdup ("1"));
  g_clear_object (&self->catalogs[kind]);
  ys_document_emit_changed (self, NULL, YS_CHANGE_META, -1);
  return TRUE;
}

GPtrArray *
ys_document_get_imported_catalog (YsDocument *self, YsCatalogKind kind)
{
  GPtrArray *rows = self->store ? ys_store_load_catalog (self->store, ys_document_catalog_names[kind], NULL) : NULL;

  return rows ? rows : g_ptr_array_new_with_free_func ((GDestroyNotify) ys_catalog_entry_free);
}
