/* ys-sheet-resolve.c: names to codes.
 *
 * Sheets often print only a 科目名称 on 项 rows, under the 款 row that says
 * which 款 they belong to; many 项 share a name (行政运行 exists under almost
 * every 款), so a name is looked up under that 款 when there is one, and a
 * name that still fits several entries is a question for the user, never a
 * guess. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ys-sheet-header.h"
#include "ys-sheet-resolve.h"

#define MAX_CANDIDATES 6

struct _YsSheetResolver {
  YsDocument *doc;
  GHashTable *names[YS_CATALOG_N_KINDS]; /* normalised name → GPtrArray of YsCatalogEntry* */
  GHashTable *records[YS_N_KINDS];       /* name or zero-stripped code → key; "" when shared */
};

YsSheetResolver *
ys_sheet_resolver_new (YsDocument *doc)
{
  YsSheetResolver *self = g_new0 (YsSheetResolver, 1);

  self->doc = g_object_ref (doc);
  return self;
}

void
ys_sheet_resolver_free (YsSheetResolver *self)
{
  if (self == NULL)
    return;
  for (guint i = 0; i < YS_CATALOG_N_KINDS; i++)
    g_clear_pointer (&self->names[i], g_hash_table_unref);
  for (guint i = 0; i < YS_N_KINDS; i++)
    g_clear_pointer (&self->records[i], g_hash_table_unref);
  g_object_unref (self->doc);
  g_free (self);
}

static gboolean
is_code_char (gunichar c)
{
  return c < 0x80 && g_ascii_isalnum ((char) c);
}

static gboolean
is_separator (gunichar c)
{
  return g_unichar_isspace (c) || c == '-' || c == '_' || c == ':' || c == ']' || c == ')'
      || c == 0x3011 /* 】 */ || c == 0x3001 /* 、 */ || c == '.' || c == 0x2014 /* — */;
}

void
ys_sheet_split_code (const char *text, char **code, char **name)
{
  g_autofree char *norm = NULL;
  const char *p, *start;
  gboolean digit = FALSE;

  *code = *name = NULL;
  if (text == NULL)
    return;
  /* NFKC turns ２０１ into 201 and 【 stays; both brackets are skipped. */
  norm = ys_sheet_nfkc (text);
  if (norm == NULL)
    return;
  p = norm;
  while (*p && (g_unichar_isspace (g_utf8_get_char (p)) || *p == '[' || *p == '('
                || g_utf8_get_char (p) == 0x3010 /* 【 */))
    p = g_utf8_next_char (p);
  start = p;
  while (*p && is_code_char ((guchar) *p))
    digit |= g_ascii_isdigit (*p++);
  /* A code has a digit and ends where the name begins: "3D打印" is a name. */
  if (p - start >= 3 && digit && (*p == '\0' || !is_code_char (g_utf8_get_char (p))))
    {
      *code = g_strndup (start, p - start);
      while (*p && is_separator (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
    }
  else
    p = start;
  if (*p)
    {
      *name = ys_catalog_normalize_name (p);
      if (**name == '\0')
        g_clear_pointer (name, g_free);
    }
}

static GHashTable *
catalog_names (YsSheetResolver *self, YsCatalogKind kind)
{
  if (self->names[kind] == NULL)
    {
      YsCatalog *catalog = ys_document_get_catalog (self->doc, kind);
      guint n = ys_catalog_get_n_entries (catalog);

      self->names[kind] = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                 (GDestroyNotify) g_ptr_array_unref);
      for (guint i = 0; i < n; i++)
        {
          const YsCatalogEntry *e = ys_catalog_get_entry (catalog, i);
          GPtrArray *list = g_hash_table_lookup (self->names[kind], e->name);

          if (list == NULL)
            {
              list = g_ptr_array_new ();
              g_hash_table_insert (self->names[kind], e->name, list);
            }
          g_ptr_array_add (list, (gpointer) e);
        }
    }
  return self->names[kind];
}

const YsCatalogEntry *
ys_sheet_resolve_catalog (YsSheetResolver *self, YsCatalogKind kind, const char *name,
                          const char *parent, char **problem)
{
  g_autofree char *norm = ys_catalog_normalize_name (name);
  GPtrArray *list = g_hash_table_lookup (catalog_names (self, kind), norm);
  g_autoptr(GPtrArray) fits = g_ptr_array_new ();
  GString *listed;

  for (guint i = 0; list && i < list->len; i++)
    {
      const YsCatalogEntry *e = list->pdata[i];
      if (parent == NULL || g_str_has_prefix (e->code, parent))
        g_ptr_array_add (fits, (gpointer) e);
    }
  /* A 款 row above that does not contain the name is no reason to fail. */
  if (fits->len == 0 && parent != NULL && list != NULL)
    g_ptr_array_extend (fits, list, NULL, NULL);
  if (fits->len == 1)
    return fits->pdata[0];
  if (fits->len == 0)
    {
      *problem = g_strdup_printf (_("“%s” is not a name in the %s of %d: write the code"),
                                  norm, ys_catalog_kind_get_title (kind),
                                  ys_document_get_catalog_year (self->doc));
      return NULL;
    }
  listed = g_string_new (NULL);
  for (guint i = 0; i < fits->len && i < MAX_CANDIDATES; i++)
    {
      const YsCatalogEntry *e = fits->pdata[i];
      g_string_append_printf (listed, "%s%s %s", i ? "、" : "", e->code, e->name);
    }
  if (fits->len > MAX_CANDIDATES)
    g_string_append (listed, "…");
  *problem = g_strdup_printf (_("“%s” is the name of %u entries of the %s (%s): write the code"),
                              norm, fits->len, ys_catalog_kind_get_title (kind), listed->str);
  g_string_free (listed, TRUE);
  return NULL;
}

static const char *
strip_zeros (const char *code)
{
  while (*code == '0' && code[1] != '\0')
    code++;
  return code;
}

static GHashTable *
record_index (YsSheetResolver *self, const YsKind *kind)
{
  guint k = ys_kinds_index (kind);

  if (self->records[k] == NULL)
    {
      int name_field = ys_kind_find_field (kind, "name");
      guint n = ys_document_count (self->doc, kind);
      GHashTable *index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

      for (guint i = 0; i < n; i++)
        {
          YsRecord *r = ys_document_get (self->doc, kind, i);
          const char *key = ys_record_get_text (r, (guint) kind->key_field);
          const char *keys[2] = { strip_zeros (key), NULL };

          if (name_field >= 0)
            keys[1] = ys_record_get_text (r, (guint) name_field);
          for (guint j = 0; j < 2; j++)
            {
              g_autofree char *norm = keys[j] ? ys_catalog_normalize_name (keys[j]) : NULL;
              const char *seen;

              if (norm == NULL || *norm == '\0')
                continue;
              seen = g_hash_table_lookup (index, norm);
              /* Two records with one name: the name alone says nothing. */
              g_hash_table_insert (index, g_strdup (norm),
                                   g_strdup (seen && strcmp (seen, key) != 0 ? "" : key));
            }
        }
      self->records[k] = index;
    }
  return self->records[k];
}

const char *
ys_sheet_resolve_record (YsSheetResolver *self, const YsKind *kind, const char *text,
                         char **problem)
{
  g_autofree char *code = NULL, *name = NULL, *whole = ys_catalog_normalize_name (text);
  YsRecord *record;
  const char *key;

  record = ys_document_lookup_key (self->doc, kind, whole);
  if (record != NULL)
    return ys_record_get_text (record, (guint) kind->key_field);
  ys_sheet_split_code (text, &code, &name);
  if (code != NULL && (record = ys_document_lookup_key (self->doc, kind, code)) != NULL)
    return ys_record_get_text (record, (guint) kind->key_field);
  key = g_hash_table_lookup (record_index (self, kind), code ? strip_zeros (code) : whole);
  if (key == NULL && name != NULL)
    key = g_hash_table_lookup (record_index (self, kind), name);
  if (key == NULL && code == NULL)
    key = g_hash_table_lookup (record_index (self, kind), whole);
  if (key != NULL && *key != '\0')
    return key;
  if (key != NULL)
    *problem = g_strdup_printf (_("More than one %s is called “%s”: write the code"),
                                _(kind->label), whole);
  else
    *problem = g_strdup_printf (_("There is no %s with the code or name “%s”"),
                                _(kind->label), whole);
  return NULL;
}
