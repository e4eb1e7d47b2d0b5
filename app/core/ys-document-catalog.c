/* The document's catalogs: the bundled year with a finance bureau's rows applied. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

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

/* The bundled catalog of @year (or the nearest before it) with the rows
 * imported into the document applied. */
static YsCatalog *
load_catalog (YsDocument *self, YsCatalogKind kind, int year)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) imported = NULL;
  YsCatalog *catalog = ys_catalog_load_bundled (kind, bundled_year_for (year), &error);

  if (catalog == NULL)
    g_error ("bundled catalog missing: %s", error->message);
  if (self->store != NULL)
    imported = ys_store_load_catalog (self->store, ys_document_catalog_names[kind], NULL);
  if (imported != NULL && imported->len > 0)
    {
      gboolean replaced = ys_document_catalog_is_replaced (self, kind);

      ys_catalog_merge (catalog, imported, replaced);
      /* A replaced catalog is the official one: unknown codes are then errors. */
      if (replaced)
        ys_catalog_set_incomplete (catalog, FALSE);
    }
  return catalog;
}

YsCatalog *
ys_document_get_catalog (YsDocument *self, YsCatalogKind kind)
{
  if (self->catalogs[kind] == NULL)
    self->catalogs[kind] = load_catalog (self, kind, ys_document_get_catalog_year (self));
  return self->catalogs[kind];
}

void
ys_missing_code_free (YsMissingCode *missing)
{
  g_free (missing->code);
  g_free (missing->name);
  g_free (missing);
}

static int
compare_missing (gconstpointer a, gconstpointer b)
{
  const YsMissingCode *x = *(YsMissingCode *const *) a;
  const YsMissingCode *y = *(YsMissingCode *const *) b;

  if (x->kind != y->kind)
    return (int) x->kind - (int) y->kind;
  return strcmp (x->code, y->code);
}

GPtrArray *
ys_document_missing_codes (YsDocument *self, int catalog_year)
{
  /* Every field that holds a catalog's code. */
  static const struct { const YsKind *kind; guint field; YsCatalogKind catalog; } uses[] = {
    { &ys_line_kind, YS_LINE_FUNC_CODE, YS_CATALOG_FUNCTION },
    { &ys_line_kind, YS_LINE_ECON_CODE, YS_CATALOG_ECONOMIC_DEPT },
    { &ys_line_kind, YS_LINE_GOV_ECON_CODE, YS_CATALOG_ECONOMIC_GOV },
    { &ys_income_kind, YS_INCOME_FUNC_CODE, YS_CATALOG_FUNCTION },
    { &ys_prior_year_kind, YS_PRIOR_YEAR_FUNC_CODE, YS_CATALOG_FUNCTION },
    { &ys_prior_year_kind, YS_PRIOR_YEAR_ECON_CODE, YS_CATALOG_ECONOMIC_DEPT },
    { &ys_procurement_kind, YS_PROCUREMENT_CATALOG_CODE, YS_CATALOG_PROCUREMENT },
  };
  g_autoptr(GHashTable) found = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *missing = g_ptr_array_new_with_free_func ((GDestroyNotify) ys_missing_code_free);
  YsCatalog *other[YS_CATALOG_N_KINDS] = { NULL };

  for (guint u = 0; u < G_N_ELEMENTS (uses); u++)
    {
      YsCatalogKind kind = uses[u].catalog;
      YsCatalog *now = ys_document_get_catalog (self, kind);
      guint n = ys_document_count (self, uses[u].kind);

      if (other[kind] == NULL)
        other[kind] = load_catalog (self, kind, catalog_year);
      for (guint i = 0; i < n; i++)
        {
          const char *code = ys_record_get_text (ys_document_get (self, uses[u].kind, i), uses[u].field);
          const YsCatalogEntry *entry;
          g_autofree char *key = NULL;
          YsMissingCode *m;

          /* A code the present catalog lacks too was never known: not one
           * that the change takes away. */
          if (code == NULL || *code == '\0' || (entry = ys_catalog_lookup (now, code)) == NULL
              || ys_catalog_lookup (other[kind], code) != NULL)
            continue;
          key = g_strdup_printf ("%d:%s", kind, code);
          m = g_hash_table_lookup (found, key);
          if (m == NULL)
            {
              m = g_new0 (YsMissingCode, 1);
              m->kind = kind;
              m->code = g_strdup (code);
              m->name = g_strdup (entry->name);
              g_hash_table_insert (found, g_steal_pointer (&key), m);
              g_ptr_array_add (missing, m);
            }
          m->uses++;
        }
    }
  for (guint k = 0; k < YS_CATALOG_N_KINDS; k++)
    g_clear_object (&other[k]);
  g_ptr_array_sort (missing, compare_missing);
  return missing;
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
