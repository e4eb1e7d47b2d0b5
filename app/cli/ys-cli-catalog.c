#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "ys-cli.h"

static const char *const kind_names[YS_CATALOG_N_KINDS] = {
  "function", "economic", "gov-economic", "procurement"
};

static gboolean
parse_kind (const char *name, YsCatalogKind *kind)
{
  for (guint i = 0; i < YS_CATALOG_N_KINDS; i++)
    if (g_strcmp0 (name, kind_names[i]) == 0)
      {
        *kind = i;
        return TRUE;
      }
  g_printerr (_("yusuan-cli: unknown catalog “%s”: use function, economic, gov-economic or procurement\n"), name);
  return FALSE;
}

static void
print_entries (YsCatalog *catalog, GPtrArray *entries)
{
  for (guint i = 0; i < entries->len; i++)
    {
      const YsCatalogEntry *e = g_ptr_array_index (entries, i);
      g_autofree char *path = ys_catalog_describe_path (catalog, e->code);
      printf ("%s\t%s\t%s\n", e->code, e->name, path);
    }
}

/* A code without --kind: every catalog it could be in, each hit named by
 * its catalog. */
static int
lookup_everywhere (const char *code, int year)
{
  guint found = 0;
  gboolean incomplete = FALSE;

  for (guint k = 0; k < YS_CATALOG_N_KINDS; k++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(YsCatalog) catalog = ys_catalog_load_bundled (k, year, &error);
      const YsCatalogEntry *e;
      g_autofree char *path = NULL;

      if (catalog == NULL)
        continue;  /* no catalog of this kind for the year */
      e = ys_catalog_lookup (catalog, code);
      if (e == NULL)
        {
          incomplete |= ys_catalog_is_incomplete (catalog) && ys_catalog_kind_accepts_code (k, code);
          continue;
        }
      path = ys_catalog_describe_path (catalog, e->code);
      printf ("%s\t%s\t%s\t%s\t%s (%s)\n", e->code, e->name, path, e->provenance ? e->provenance : "",
              ys_catalog_kind_get_title (k), kind_names[k]);
      found++;
    }
  if (found == 0)
    {
      g_printerr (_("yusuan-cli: the code “%s” is in none of the %d catalogs (function, economic, gov-economic, "
                    "procurement)%s\n"), code, year,
                  incomplete ? _(" (the bundled catalog is incomplete: import the official one)") : "");
      return 1;
    }
  return 0;
}

static int
lookup_or_search (int argc, char **argv, gboolean search)
{
  g_autofree char *kind_name = NULL;
  int year = 2023;
  int max = 50;
  GOptionEntry entries[] = {
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_name,
      search ? N_("Catalog: function (default), economic, gov-economic or procurement")
             : N_("Catalog: function, economic, gov-economic or procurement (default: every catalog)"), N_("KIND") },
    { "year", 0, 0, G_OPTION_ARG_INT, &year, N_("Classification year (2023)"), N_("YEAR") },
    { "max", 0, 0, G_OPTION_ARG_INT, &max, N_("At most this many results (50)"), "N" },
    { NULL }
  };
  YsCatalogKind kind = YS_CATALOG_FUNCTION;
  g_autoptr(YsCatalog) catalog = NULL;
  GError *error = NULL;

  if (!ys_cli_parse (&argc, &argv, search ? _("TEXT") : _("CODE"),
                     search ? _("Find entries whose code starts with TEXT or whose name contains it.")
                            : _("Show one entry with its full path. Without --kind the code is looked up in\n"
                                "every catalog and each hit names its catalog."),
                     entries, 1))
    return 2;
  if (kind_name && !parse_kind (kind_name, &kind))
    return 2;
  if (!search && kind_name == NULL)
    return lookup_everywhere (argv[1], year);
  catalog = ys_catalog_load_bundled (kind, year, &error);
  if (catalog == NULL)
    return ys_cli_fail (error);

  if (search)
    {
      g_autoptr(GPtrArray) found = ys_catalog_search (catalog, argv[1], max > 0 ? max : 0);
      if (found->len == 0)
        {
          g_printerr (_("yusuan-cli: nothing matches “%s”\n"), argv[1]);
          return 1;
        }
      print_entries (catalog, found);
    }
  else
    {
      const YsCatalogEntry *e = ys_catalog_lookup (catalog, argv[1]);
      g_autofree char *path = NULL;

      if (e == NULL)
        {
          g_printerr (_("yusuan-cli: the code “%s” is not in the %d catalog%s\n"), argv[1], year,
                      ys_catalog_is_incomplete (catalog)
                        ? _(" (the bundled catalog is incomplete: import the official one)") : "");
          return 1;
        }
      path = ys_catalog_describe_path (catalog, e->code);
      printf ("%s\t%s\t%s\t%s\n", e->code, e->name, path, e->provenance ? e->provenance : "");
    }
  return 0;
}

static int
import_catalog (int argc, char **argv)
{
  g_autofree char *kind_name = NULL;
  gboolean replace = FALSE;
  GOptionEntry entries[] = {
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_name, N_("Catalog: function (default), economic, gov-economic or procurement"), N_("KIND") },
    { "replace", 0, 0, G_OPTION_ARG_NONE, &replace, N_("Replace the bundled catalog instead of extending it"), NULL },
    { NULL }
  };
  YsCatalogKind kind = YS_CATALOG_FUNCTION;
  g_autoptr(YsDocument) doc = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  GError *error = NULL;

  if (!ys_cli_parse (&argc, &argv, _("FILE.yusuan CATALOG-FILE"),
                     _("Import the official catalog (CSV or xlsx with 科目编码 and 科目名称 columns) into a budget file."),
                     entries, 2))
    return 2;
  if (kind_name && !parse_kind (kind_name, &kind))
    return 2;
  rows = ys_catalog_read_file (argv[2], &error);
  if (rows == NULL)
    return ys_cli_fail (error);
  doc = ys_cli_open (argv[1]);
  if (doc == NULL)
    return 1;
  if (!ys_document_import_catalog (doc, kind, rows, replace, &error))
    return ys_cli_fail (error);
  printf (_("%u entries imported\n"), rows->len);
  return 0;
}

int
ys_cli_catalog (int argc, char **argv)
{
  if (argc >= 2 && strcmp (argv[1], "lookup") == 0)
    return lookup_or_search (argc - 1, argv + 1, FALSE);
  if (argc >= 2 && strcmp (argv[1], "search") == 0)
    return lookup_or_search (argc - 1, argv + 1, TRUE);
  if (argc >= 2 && strcmp (argv[1], "import") == 0)
    return import_catalog (argc - 1, argv + 1);

  {
    FILE *out = argc >= 2 && (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0) ? stdout : stderr;
    fprintf (out, "%s\n\n  lookup CODE   %s\n  search TEXT   %s\n  import FILE.yusuan CATALOG-FILE   %s\n",
             _("Usage: yusuan-cli catalog lookup|search|import …"),
             _("Show one entry with its full path"),
             _("Find entries by code prefix or name fragment"),
             _("Import the official catalog into a budget file"));
    return out == stdout ? 0 : 2;
  }
}
