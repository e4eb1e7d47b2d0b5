/* ys-catalog.c: the classification catalogs of one budget year.
 *
 * The bundled rows live as CSV in the core GResource (resources/catalogs/,
 * see its README.md); a catalog keeps them sorted by code, so that a code
 * prefix is a contiguous range found by binary search, plus a code → entry
 * hash for exact lookups and a lower-cased copy of each name for the name
 * search.  Every change (load, merge) goes through reindex(). */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ys-catalog.h"
#include "ys-core-resources.h"
#include "ys-csv.h"

#define RESOURCE_DIR        "/io/github/yusuan/Yusuan/core/catalogs/"
#define PROCUREMENT_EDITION 2022
#define PATH_SEPARATOR      " › "

static const int bundled_years[] = { 2023, 2024, 2025, 0 };

struct _YsCatalog {
  GObject       parent_instance;

  YsCatalogKind kind;
  int           year;
  gboolean      incomplete;

  GPtrArray    *entries;  /* YsCatalogEntry *, owned, sorted by code */
  GPtrArray    *keys;     /* char *, owned, parallel to entries: name as searched */
  GHashTable   *by_code;  /* code → YsCatalogEntry *, borrowed from entries */
};

G_DEFINE_TYPE (YsCatalog, ys_catalog, G_TYPE_OBJECT)

G_DEFINE_QUARK (ys-catalog-error-quark, ys_catalog_error)

static void
ys_catalog_finalize (GObject *object)
{
  YsCatalog *self = YS_CATALOG (object);

  g_clear_pointer (&self->by_code, g_hash_table_unref);
  g_clear_pointer (&self->keys, g_ptr_array_unref);
  g_clear_pointer (&self->entries, g_ptr_array_unref);

  G_OBJECT_CLASS (ys_catalog_parent_class)->finalize (object);
}

static void
ys_catalog_class_init (YsCatalogClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ys_catalog_finalize;
}

static void
ys_catalog_init (YsCatalog *self)
{
  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) ys_catalog_entry_free);
  self->keys = g_ptr_array_new_with_free_func (g_free);
  self->by_code = g_hash_table_new (g_str_hash, g_str_equal);
}

/* ---- entries ------------------------------------------------------------ */

YsCatalogEntry *
ys_catalog_entry_new (const char *code,
                      const char *name,
                      int         level,
                      const char *parent,
                      const char *provenance)
{
  YsCatalogEntry *entry = g_new0 (YsCatalogEntry, 1);

  entry->code = g_strdup (code);
  entry->name = g_strdup (name);
  entry->level = level;
  entry->parent = g_strdup (parent);
  entry->provenance = g_strdup (provenance);
  return entry;
}

void
ys_catalog_entry_free (YsCatalogEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->code);
  g_free (entry->name);
  g_free (entry->parent);
  g_free (entry->provenance);
  g_free (entry);
}

/* Whitespace that indents names in official spreadsheets: ASCII, no-break
 * space and the ideographic space U+3000. */
static gboolean
is_blank (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x00A0 || c == 0x3000;
}

char *
ys_catalog_normalize_name (const char *name)
{
  const char *start, *end;
  GString *out;

  if (name == NULL)
    return NULL;
  g_return_val_if_fail (g_utf8_validate (name, -1, NULL), g_strdup (name));

  start = name;
  while (*start != '\0' && is_blank (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  end = start + strlen (start);
  while (end > start)
    {
      const char *prev = g_utf8_find_prev_char (start, end);
      if (!is_blank (g_utf8_get_char (prev)))
        break;
      end = prev;
    }

  /* Seeds and some bureau files print 维修(护)费; the catalogs print 维修（护）费. */
  out = g_string_sized_new (end - start + 8);
  for (const char *p = start; p < end; p++)
    {
      if (*p == '(')
        g_string_append (out, "（");
      else if (*p == ')')
        g_string_append (out, "）");
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static gboolean
all_digits (const char *s,
            gsize       n)
{
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isdigit (s[i]))
      return FALSE;
  return TRUE;
}

/* Level and parent from the shape of the code alone: budget codes grow by two
 * digits per level (类 3, 款 5, 项 7); procurement codes are a letter plus
 * eight digits whose trailing zero pairs mark the level.  Returns -1 when the
 * code has neither shape. */
static int
derive_level (const char  *code,
              char       **parent_out)
{
  gsize len = strlen (code);

  *parent_out = NULL;

  if (len > 0 && all_digits (code, len))
    {
      switch (len)
        {
        case 3:
          return 1;
        case 5:
          *parent_out = g_strndup (code, 3);
          return 2;
        case 7:
          *parent_out = g_strndup (code, 5);
          return 3;
        default:
          return -1;
        }
    }

  if (len == 1 && g_ascii_isupper (code[0]))
    return 0;

  if (len == 9 && g_ascii_isupper (code[0]) && all_digits (code + 1, 8))
    {
      if (strcmp (code + 3, "000000") == 0)
        {
          *parent_out = g_strndup (code, 1);
          return 1;
        }
      if (strcmp (code + 5, "0000") == 0)
        {
          *parent_out = g_strdup_printf ("%.3s000000", code);
          return 2;
        }
      if (strcmp (code + 7, "00") == 0)
        {
          *parent_out = g_strdup_printf ("%.5s0000", code);
          return 3;
        }
      *parent_out = g_strdup_printf ("%.7s00", code);
      return 4;
    }

  return -1;
}

const char *
ys_catalog_kind_get_title (YsCatalogKind kind)
{
  switch (kind)
    {
    case YS_CATALOG_FUNCTION:
      return _("Functional Classification of Expenditure");
    case YS_CATALOG_ECONOMIC_DEPT:
      return _("Economic Classification of Department Expenditure");
    case YS_CATALOG_ECONOMIC_GOV:
      return _("Economic Classification of Government Expenditure");
    case YS_CATALOG_PROCUREMENT:
      return _("Government Procurement Catalog");
    case YS_CATALOG_N_KINDS:
    default:
      g_return_val_if_reached ("");
    }
}

gboolean
ys_catalog_kind_accepts_code (YsCatalogKind  kind,
                              const char    *code)
{
  g_autofree char *parent = NULL;
  int level;

  g_return_val_if_fail (code != NULL, FALSE);

  level = derive_level (code, &parent);
  if (level < 0)
    return FALSE;

  switch (kind)
    {
    case YS_CATALOG_FUNCTION:
      return code[0] == '2';
    case YS_CATALOG_ECONOMIC_DEPT:
      return code[0] == '3' && level <= 2;
    case YS_CATALOG_ECONOMIC_GOV:
      return code[0] == '5' && level <= 2;
    case YS_CATALOG_PROCUREMENT:
      return code[0] == 'A' || code[0] == 'B' || code[0] == 'C';
    case YS_CATALOG_N_KINDS:
    default:
      g_return_val_if_reached (FALSE);
    }
}

/* ---- index -------------------------------------------------------------- */

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const YsCatalogEntry *ea = *(const YsCatalogEntry * const *) a;
  const YsCatalogEntry *eb = *(const YsCatalogEntry * const *) b;

  return strcmp (ea->code, eb->code);
}

/* Re-sorts the entries and rebuilds what depends on their order.  strcmp order
 * of fixed-width hierarchical codes is tree order: 201 < 20101 < 2010101 < 20102. */
static void
reindex (YsCatalog *self)
{
  g_ptr_array_sort (self->entries, compare_entries);

  g_hash_table_remove_all (self->by_code);
  g_ptr_array_set_size (self->keys, 0);
  for (guint i = 0; i < self->entries->len; i++)
    {
      YsCatalogEntry *entry = g_ptr_array_index (self->entries, i);

      g_hash_table_insert (self->by_code, entry->code, entry);
      /* ASCII-only folding: names are Chinese with the odd Latin run
       * (A3黑白打印机, IC卡), and UTF-8 bytes ≥ 0x80 pass through unchanged. */
      g_ptr_array_add (self->keys, g_ascii_strdown (entry->name, -1));
    }
}

/* Index of the first entry whose code is ≥ @code. */
static guint
lower_bound (YsCatalog  *self,
             const char *code)
{
  guint lo = 0, hi = self->entries->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      const YsCatalogEntry *entry = g_ptr_array_index (self->entries, mid);

      if (strcmp (entry->code, code) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* [*begin, *end) = the entries whose code starts with @prefix. */
static void
prefix_range (YsCatalog  *self,
              const char *prefix,
              guint      *begin,
              guint      *end)
{
  gsize n = strlen (prefix);
  guint i = lower_bound (self, prefix);

  *begin = i;
  while (i < self->entries->len)
    {
      const YsCatalogEntry *entry = g_ptr_array_index (self->entries, i);
      if (strncmp (entry->code, prefix, n) != 0)
        break;
      i++;
    }
  *end = i;
}

/* Code typed by a user: trimmed, procurement letters upper-cased. */
static char *
normalize_code (const char *text)
{
  char *code = g_ascii_strup (text, -1);
  return g_strstrip (code);
}

/* ---- loading ------------------------------------------------------------ */

static gboolean
year_is_bundled (int year)
{
  for (const int *y = bundled_years; *y != 0; y++)
    if (*y == year)
      return TRUE;
  return FALSE;
}

static char *
bundled_years_text (void)
{
  GString *s = g_string_new (NULL);

  for (const int *y = bundled_years; *y != 0; y++)
    g_string_append_printf (s, "%s%d", s->len > 0 ? ", " : "", *y);
  return g_string_free (s, FALSE);
}

static GBytes *
lookup_bundled (const char  *file,
                GError     **error)
{
  g_autofree char *path = g_strconcat (RESOURCE_DIR, file, NULL);
  g_autoptr(GError) local_error = NULL;
  GBytes *bytes;

  /* Looking the data up in our own GResource (rather than the global
   * registry) also makes the linker keep the resource object in the static
   * core library, which nothing else references. */
  bytes = g_resource_lookup_data (ys_core_get_resource (), path,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &local_error);
  if (bytes == NULL)
    {
      /* Only a broken build gets here. */
      g_set_error (error, YS_CATALOG_ERROR, YS_CATALOG_ERROR_READ,
                   _("The bundled catalog %s is missing: %s"), file, local_error->message);
      return NULL;
    }
  return bytes;
}

/* Parses a bundled file (code,name,level,parent_code,provenance; written by
 * resources/catalogs/build.py, so a malformed row is a build bug). */
static gboolean
parse_bundled (YsCatalog   *self,
               const char  *file,
               GBytes      *bytes,
               GError     **error)
{
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  g_autoptr(YsCsvReader) reader = ys_csv_reader_new_from_data (data, len);
  g_autoptr(GPtrArray) fields = NULL;
  g_autoptr(GError) local_error = NULL;
  guint line = 0;
  gboolean header = TRUE;

  while (ys_csv_reader_next_row (reader, &fields, &line, &local_error))
    {
      g_autoptr(GPtrArray) row = g_steal_pointer (&fields);
      const char *parent;
      g_autofree char *name = NULL;

      if (header)
        {
          header = FALSE;
          continue;
        }
      if (row->len != 5 || *(char *) row->pdata[0] == '\0')
        {
          g_set_error (error, YS_CATALOG_ERROR, YS_CATALOG_ERROR_FORMAT,
                       _("The bundled catalog %s is damaged at line %u"), file, line);
          return FALSE;
        }

      parent = row->pdata[3];
      name = ys_catalog_normalize_name (row->pdata[1]);
      g_ptr_array_add (self->entries,
                       ys_catalog_entry_new (row->pdata[0], name,
                                             (int) g_ascii_strtoll (row->pdata[2], NULL, 10),
                                             *parent != '\0' ? parent : NULL,
                                             row->pdata[4]));
    }
  if (local_error != NULL)
    {
      g_set_error (error, YS_CATALOG_ERROR, YS_CATALOG_ERROR_FORMAT,
                   _("The bundled catalog %s is damaged: %s"), file, local_error->message);
      return FALSE;
    }
  return TRUE;
}

const int *
ys_catalog_bundled_years (void)
{
  return bundled_years;
}

/* For procurement, any @year gives the 2022 edition: 财政部 revises that
 * catalog every few years, not yearly, and 2022 is the edition in force.
 * The catalog still reports @year as its year (the budget year it serves). */
YsCatalog *
ys_catalog_load_bundled (YsCatalogKind   kind,
                         int             year,
                         GError        **error)
{
  static const char *const prefixes[] = {
    [YS_CATALOG_FUNCTION] = "function",
    [YS_CATALOG_ECONOMIC_DEPT] = "economic_dept",
    [YS_CATALOG_ECONOMIC_GOV] = "economic_gov",
    [YS_CATALOG_PROCUREMENT] = "procurement",
  };
  g_autoptr(YsCatalog) self = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *file = NULL;

  g_return_val_if_fail (kind < YS_CATALOG_N_KINDS, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (kind != YS_CATALOG_PROCUREMENT && !year_is_bundled (year))
    {
      g_autofree char *years = bundled_years_text ();
      g_set_error (error, YS_CATALOG_ERROR, YS_CATALOG_ERROR_NO_YEAR,
                   _("There is no bundled %s for %d (bundled years: %s). "
                     "Import the official catalog of that year."),
                   ys_catalog_kind_get_title (kind), year, years);
      return NULL;
    }

  file = g_strdup_printf ("%s_%d.csv", prefixes[kind],
                          kind == YS_CATALOG_PROCUREMENT ? PROCUREMENT_EDITION : year);
  bytes = lookup_bundled (file, error);
  if (bytes == NULL)
    return NULL;

  self = g_object_new (YS_TYPE_CATALOG, NULL);
  self->kind = kind;
  self->year = year;
  /* Every bundled catalog is a partial transcription (resources/catalogs/README.md). */
  self->incomplete = TRUE;
  if (!parse_bundled (self, file, bytes, error))
    return NULL;
  reindex (self);

  return g_steal_pointer (&self);
}

/* ---- accessors ---------------------------------------------------------- */

YsCatalogKind
ys_catalog_get_kind (YsCatalog *self)
{
  g_return_val_if_fail (YS_IS_CATALOG (self), YS_CATALOG_FUNCTION);
  return self->kind;
}

int
ys_catalog_get_year (YsCatalog *self)
{
  g_return_val_if_fail (YS_IS_CATALOG (self), 0);
  return self->year;
}

guint
ys_catalog_get_n_entries (YsCatalog *self)
{
  g_return_val_if_fail (YS_IS_CATALOG (self), 0);
  return self->entries->len;
}

const YsCatalogEntry *
ys_catalog_get_entry (YsCatalog *self,
                      guint      index)
{
  g_return_val_if_fail (YS_IS_CATALOG (self), NULL);
  g_return_val_if_fail (index < self->entries->len, NULL);
  return g_ptr_array_index (self->entries, index);
}

gboolean
ys_catalog_is_incomplete (YsCatalog *self)
{
  g_return_val_if_fail (YS_IS_CATALOG (self), TRUE);
  return self->incomplete;
}

void
ys_catalog_set_incomplete (YsCatalog *self,
                           gboolean   incomplete)
{
  g_return_if_fail (YS_IS_CATALOG (self));
  self->incomplete = !!incomplete;
}

/* ---- queries ------------------------------------------------------------ */

const YsCatalogEntry *
ys_catalog_lookup (YsCatalog  *self,
                   const char *code)
{
  g_return_val_if_fail (YS_IS_CATALOG (self), NULL);

  if (code == NULL)
    return NULL;
  return g_hash_table_lookup (self->by_code, code);
}

GPtrArray *
ys_catalog_search_prefix (YsCatalog  *self,
                          const char *prefix,
                          guint       max)
{
  g_autofree char *code = NULL;
  GPtrArray *result;
  guint begin, end;

  g_return_val_if_fail (YS_IS_CATALOG (self), NULL);

  code = normalize_code (prefix != NULL ? prefix : "");
  prefix_range (self, code, &begin, &end);
  if (max > 0 && end - begin > max)
    end = begin + max;

  result = g_ptr_array_sized_new (end - begin);
  for (guint i = begin; i < end; i++)
    g_ptr_array_add (result, g_ptr_array_index (self->entries, i));
  return result;
}

GPtrArray *
ys_catalog_search (YsCatalog  *self,
                   const char *text,
                   guint       max)
{
  g_autofree char *code = NULL;
  g_autofree char *name = NULL;
  g_autofree char *needle = NULL;
  GPtrArray *result;
  guint begin, end;

  g_return_val_if_fail (YS_IS_CATALOG (self), NULL);

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return g_ptr_array_new ();

  /* Code matches first: someone typing digits is after a code, and the
   * range is found by binary search. */
  code = normalize_code (text);
  prefix_range (self, code, &begin, &end);
  result = g_ptr_array_new ();
  for (guint i = begin; i < end && (max == 0 || result->len < max); i++)
    g_ptr_array_add (result, g_ptr_array_index (self->entries, i));

  /* An empty query matched every code above; no name pass needed. */
  name = ys_catalog_normalize_name (text);
  if (*name == '\0')
    return result;

  /* A linear strstr over a few thousand short names costs tens of
   * microseconds, less than any index would save. */
  needle = g_ascii_strdown (name, -1);
  for (guint i = 0; i < self->entries->len && (max == 0 || result->len < max); i++)
    {
      if (i >= begin && i < end)
        continue;  /* already listed as a code match */
      if (strstr (g_ptr_array_index (self->keys, i), needle) != NULL)
        g_ptr_array_add (result, g_ptr_array_index (self->entries, i));
    }
  return result;
}

char *
ys_catalog_describe_path (YsCatalog  *self,
                          const char *code)
{
  const YsCatalogEntry *entry;
  g_autoptr(GPtrArray) parts = NULL;
  g_autofree char *parent = NULL;
  GString *out;

  g_return_val_if_fail (YS_IS_CATALOG (self), NULL);

  entry = ys_catalog_lookup (self, code);
  if (entry == NULL)
    return NULL;

  parts = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (parts, g_strdup_printf ("%s %s", entry->code, entry->name));
  parent = g_strdup (entry->parent);

  /* The depth guard protects against a parent cycle in an imported file. */
  for (guint depth = 0; parent != NULL && *parent != '\0' && depth < 8; depth++)
    {
      const YsCatalogEntry *up = ys_catalog_lookup (self, parent);
      char *next = NULL;

      if (up != NULL)
        {
          g_ptr_array_add (parts, g_strdup_printf ("%s %s", up->code, up->name));
          next = g_strdup (up->parent);
        }
      else
        {
          /* The catalogs are partial: show the missing level by its code
           * and keep climbing by the shape of the code. */
          g_ptr_array_add (parts, g_strdup (parent));
          derive_level (parent, &next);
        }
      g_free (parent);
      parent = next;
    }

  out = g_string_new (NULL);
  for (guint i = parts->len; i > 0; i--)
    {
      if (out->len > 0)
        g_string_append (out, PATH_SEPARATOR);
      g_string_append (out, g_ptr_array_index (parts, i - 1));
    }
  return g_string_free (out, FALSE);
}

/* ---- merge -------------------------------------------------------------- */

void
ys_catalog_merge (YsCatalog *self,
                  GPtrArray *entries,
                  gboolean   replace_all)
{
  g_return_if_fail (YS_IS_CATALOG (self));
  g_return_if_fail (entries != NULL);

  if (replace_all)
    {
      g_hash_table_remove_all (self->by_code);
      g_ptr_array_set_size (self->keys, 0);
      g_ptr_array_set_size (self->entries, 0);
    }

  for (guint i = 0; i < entries->len; i++)
    {
      const YsCatalogEntry *in = g_ptr_array_index (entries, i);
      g_autofree char *code = NULL;
      g_autofree char *derived_parent = NULL;
      YsCatalogEntry *entry;
      int level;

      if (in == NULL || in->code == NULL || in->name == NULL)
        {
          g_critical ("%s: entry %u has no code or name", G_STRFUNC, i);
          continue;
        }
      code = normalize_code (in->code);
      if (*code == '\0')
        {
          g_critical ("%s: entry %u has an empty code", G_STRFUNC, i);
          continue;
        }

      level = derive_level (code, &derived_parent);
      entry = g_hash_table_lookup (self->by_code, code);
      if (entry == NULL)
        {
          entry = g_new0 (YsCatalogEntry, 1);
          entry->code = g_steal_pointer (&code);
          g_ptr_array_add (self->entries, entry);
          g_hash_table_insert (self->by_code, entry->code, entry);
        }
      else
        {
          /* Replace in place: pointers handed out by lookups stay valid
           * and show the imported row. */
          g_clear_pointer (&entry->name, g_free);
          g_clear_pointer (&entry->parent, g_free);
          g_clear_pointer (&entry->provenance, g_free);
        }

      entry->name = ys_catalog_normalize_name (in->name);
      entry->level = in->level > 0 ? in->level : MAX (level, 0);
      if (in->parent != NULL && *in->parent != '\0')
        entry->parent = g_strdup (in->parent);
      else
        entry->parent = g_steal_pointer (&derived_parent);
      entry->provenance = g_strdup (in->provenance != NULL ? in->provenance : "imported");
    }

  reindex (self);
}

/* ---- 部门经济分类 → 政府经济分类 ---------------------------------------- */

typedef struct {
  char *admin;        /* 机关; NULL when there is none (30107 绩效工资) */
  char *institution;  /* 事业单位 */
} MapRow;

static void
map_row_free (MapRow *row)
{
  g_free (row->admin);
  g_free (row->institution);
  g_free (row);
}

/* year → GHashTable (dept code → MapRow *).  Filled on first use and never
 * freed, so the returned strings stay valid for the life of the process. */
G_LOCK_DEFINE_STATIC (mapping);
static GHashTable *mapping_by_year;

static GHashTable *
load_mapping (int year)
{
  g_autofree char *file = g_strdup_printf ("economic_mapping_%d.csv", year);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(YsCsvReader) reader = NULL;
  g_autoptr(GPtrArray) fields = NULL;
  GHashTable *map;
  const char *data;
  gsize len;
  guint line = 0;

  map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) map_row_free);

  bytes = lookup_bundled (file, &error);
  if (bytes == NULL)
    {
      g_critical ("%s", error->message);
      return map;
    }

  data = g_bytes_get_data (bytes, &len);
  reader = ys_csv_reader_new_from_data (data, len);
  while (ys_csv_reader_next_row (reader, &fields, &line, &error))
    {
      g_autoptr(GPtrArray) row = g_steal_pointer (&fields);
      const char *admin, *inst;
      MapRow *m;

      if (line == 1)
        continue;  /* header */
      if (row->len < 3 || *(char *) row->pdata[0] == '\0')
        {
          g_critical ("The bundled catalog %s is damaged at line %u", file, line);
          continue;
        }
      admin = row->pdata[1];
      inst = row->pdata[2];
      m = g_new0 (MapRow, 1);
      m->admin = *admin != '\0' ? g_strdup (admin) : NULL;
      m->institution = *inst != '\0' ? g_strdup (inst) : NULL;
      g_hash_table_replace (map, g_strdup (row->pdata[0]), m);
    }
  if (error != NULL)
    g_critical ("The bundled catalog %s is damaged: %s", file, error->message);

  return map;
}

const char *
ys_catalog_map_economic (int         year,
                         const char *dept_code,
                         gboolean    institution)
{
  GHashTable *map;
  MapRow *row;

  g_return_val_if_fail (dept_code != NULL, NULL);

  if (!year_is_bundled (year))
    return NULL;

  G_LOCK (mapping);
  if (mapping_by_year == NULL)
    mapping_by_year = g_hash_table_new (g_direct_hash, g_direct_equal);
  map = g_hash_table_lookup (mapping_by_year, GINT_TO_POINTER (year));
  if (map == NULL)
    {
      map = load_mapping (year);
      g_hash_table_insert (mapping_by_year, GINT_TO_POINTER (year), map);
    }
  G_UNLOCK (mapping);

  /* Tables are never modified once inserted, so reading outside the lock is safe. */
  row = g_hash_table_lookup (map, dept_code);
  if (row == NULL)
    return NULL;
  return institution ? row->institution : row->admin;
}
