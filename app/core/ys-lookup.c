/* Names and suggestions for the editors. A table of 100,000 line items shows
 * the same few hundred codes over and over: each "code name" text is built
 * once and kept, and forgotten when a unit or project changes. */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ys-lookup.h"

/* Enough for every code a department uses; past it the cache starts over
 * rather than grow without bound. */
#define MAX_CACHED 20000

struct _YsLookup
{
  GObject     parent_instance;

  YsDocument *document;
  GHashTable *described[YS_LOOKUP_N_KINDS];  /* code → "code name" */
};

G_DEFINE_FINAL_TYPE (YsLookup, ys_lookup, G_TYPE_OBJECT)

void
ys_lookup_match_free (YsLookupMatch *match)
{
  if (match == NULL)
    return;
  g_free (match->value);
  g_free (match->title);
  g_free (match->subtitle);
  g_free (match);
}

static YsLookupMatch *
match_new (const char *value,
           char       *title,
           char       *subtitle)
{
  YsLookupMatch *match = g_new0 (YsLookupMatch, 1);

  match->value = g_strdup (value);
  match->title = title;
  match->subtitle = subtitle;
  return match;
}

/* Pinyin initials of the characters of the fixed choices (支出类型, 资金来源),
 * so that "ybgg" finds 一般公共预算拨款 without an input method. */
static const char initials_chars[] =
  "人员经费公用项目支出一般共预算拨款政府性基金国有资本营财专户管理事业收入单位上级补助附属缴其他";
static const char initials_latin[] =
  "ryjfgyxmzcybgysbkzfxjjgyzbyczhglsysrdwsjbzfsjqt";

static char
initial_of (gunichar c)
{
  const char *p = initials_chars;

  for (guint i = 0; *p; i++, p = g_utf8_next_char (p))
    if (g_utf8_get_char (p) == c)
      return initials_latin[i];
  return '\0';
}

gboolean
ys_lookup_choice_matches (const char *choice,
                          guint       index,
                          const char *text)
{
  g_autofree char *lower = NULL;
  GString *initials;
  gboolean found;

  if (text == NULL || *text == '\0')
    return TRUE;
  if (strstr (choice, text) != NULL)
    return TRUE;
  {
    char *end = NULL;
    guint64 n = g_ascii_strtoull (text, &end, 10);

    if (end != text && *end == '\0')
      return n == index + 1;
  }

  lower = g_ascii_strdown (text, -1);
  initials = g_string_new (NULL);
  for (const char *p = choice; *p; p = g_utf8_next_char (p))
    {
      char c = initial_of (g_utf8_get_char (p));
      if (c != '\0')
        g_string_append_c (initials, c);
    }
  found = g_str_has_prefix (initials->str, lower);
  g_string_free (initials, TRUE);
  return found;
}

static void
forget (YsLookup     *self,
        YsLookupKind  kind)
{
  if (self->described[kind] != NULL)
    g_hash_table_remove_all (self->described[kind]);
}

static void
on_document_changed_cb (YsLookup   *self,
                        YsRecord   *record,
                        guint       type,
                        int         field,
                        YsDocument *document)
{
  if (record == NULL)
    {
      /* A document setting: perhaps an imported catalog. */
      for (guint k = 0; k < G_N_ELEMENTS (self->described); k++)
        forget (self, k);
    }
  else if (YS_IS_UNIT (record))
    forget (self, YS_LOOKUP_UNIT);
  else if (YS_IS_PROJECT (record))
    forget (self, YS_LOOKUP_PROJECT);
}

static YsCatalog *
catalog_of (YsLookup     *self,
            YsLookupKind  kind)
{
  if (kind == YS_LOOKUP_FUNCTION)
    return ys_document_get_catalog (self->document, YS_CATALOG_FUNCTION);
  if (kind == YS_LOOKUP_ECONOMIC)
    return ys_document_get_catalog (self->document, YS_CATALOG_ECONOMIC_DEPT);
  if (kind == YS_LOOKUP_PROCUREMENT)
    return ys_document_get_catalog (self->document, YS_CATALOG_PROCUREMENT);
  return NULL;
}

const char *
ys_lookup_name (YsLookup     *self,
                YsLookupKind  kind,
                const char   *code)
{
  g_return_val_if_fail (YS_IS_LOOKUP (self), NULL);

  if (code == NULL || *code == '\0')
    return NULL;

  switch (kind)
    {
    case YS_LOOKUP_UNIT:
      {
        YsRecord *unit = ys_document_lookup_key (self->document, &ys_unit_kind, code);
        return unit ? ys_record_get_text (unit, YS_UNIT_NAME) : NULL;
      }
    case YS_LOOKUP_PROJECT:
      {
        YsRecord *project = ys_document_lookup_key (self->document, &ys_project_kind, code);
        return project ? ys_record_get_text (project, YS_PROJECT_NAME) : NULL;
      }
    case YS_LOOKUP_FUNCTION:
    case YS_LOOKUP_ECONOMIC:
    case YS_LOOKUP_PROCUREMENT:
      {
        YsCatalog *catalog = catalog_of (self, kind);
        const YsCatalogEntry *entry = catalog ? ys_catalog_lookup (catalog, code) : NULL;
        return entry ? entry->name : NULL;
      }
    case YS_LOOKUP_NONE:
    case YS_LOOKUP_CHOICES:
    default:
      return NULL;
    }
}

const char *
ys_lookup_describe (YsLookup     *self,
                    YsLookupKind  kind,
                    const char   *code)
{
  GHashTable *cache;
  const char *found;
  const char *name;
  char *text;

  g_return_val_if_fail (YS_IS_LOOKUP (self), "");

  if (code == NULL || *code == '\0')
    return "";
  if (kind < YS_LOOKUP_UNIT || kind >= YS_LOOKUP_N_KINDS)
    return code;

  cache = self->described[kind];
  found = g_hash_table_lookup (cache, code);
  if (found != NULL)
    return found;

  if (g_hash_table_size (cache) >= MAX_CACHED)
    g_hash_table_remove_all (cache);
  name = ys_lookup_name (self, kind, code);
  text = name && *name ? g_strdup_printf ("%s %s", code, name) : g_strdup (code);
  g_hash_table_insert (cache, g_strdup (code), text);
  return text;
}

char *
ys_lookup_describe_path (YsLookup     *self,
                         YsLookupKind  kind,
                         const char   *code)
{
  YsCatalog *catalog;

  g_return_val_if_fail (YS_IS_LOOKUP (self), NULL);

  catalog = catalog_of (self, kind);
  if (catalog == NULL || code == NULL || *code == '\0')
    return NULL;
  return ys_catalog_describe_path (catalog, code);
}

/* Case-blind for the Latin letters of codes and English names. */
static gboolean
contains (const char *haystack,
          const char *needle)
{
  g_autofree char *h = NULL;
  g_autofree char *n = NULL;

  if (strstr (haystack, needle) != NULL)
    return TRUE;
  h = g_ascii_strdown (haystack, -1);
  n = g_ascii_strdown (needle, -1);
  return strstr (h, n) != NULL;
}

static void
search_records (YsLookup     *self,
                const YsKind *kind,
                guint         code_field,
                guint         name_field,
                const char   *text,
                guint         max,
                GPtrArray    *out)
{
  GListModel *model = ys_document_get_model (self->document, kind);
  guint n = g_list_model_get_n_items (model);
  g_autoptr(GPtrArray) by_name = g_ptr_array_new ();

  /* Code prefix first, then the name: as the catalogs do. */
  for (guint i = 0; i < n && out->len < max; i++)
    {
      YsRecord *record = ys_document_get (self->document, kind, i);
      const char *code = ys_record_get_text (record, code_field);
      const char *name = ys_record_get_text (record, name_field);

      if (g_str_has_prefix (code, text))
        g_ptr_array_add (out, match_new (code, g_strdup_printf ("%s %s", code, name), NULL));
      else if (*text != '\0' && contains (name, text))
        g_ptr_array_add (by_name, record);
    }
  for (guint i = 0; i < by_name->len && out->len < max; i++)
    {
      YsRecord *record = g_ptr_array_index (by_name, i);
      const char *code = ys_record_get_text (record, code_field);

      g_ptr_array_add (out, match_new (code, g_strdup_printf ("%s %s", code,
                                                              ys_record_get_text (record, name_field)),
                                       NULL));
    }
}

GPtrArray *
ys_lookup_search (YsLookup      *self,
                  YsLookupKind   kind,
                  const YsField *field,
                  const char    *text,
                  guint          max)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) ys_lookup_match_free);
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));

  g_return_val_if_fail (YS_IS_LOOKUP (self), out);

  if (max == 0)
    max = G_MAXUINT;

  switch (kind)
    {
    case YS_LOOKUP_CHOICES:
      for (guint i = 0; field && field->choices && field->choices[i] && out->len < max; i++)
        if (ys_lookup_choice_matches (field->choices[i], i, stripped))
          g_ptr_array_add (out, match_new (field->choices[i],
                                           g_strdup_printf ("%u  %s", i + 1, field->choices[i]),
                                           NULL));
      break;

    case YS_LOOKUP_UNIT:
      search_records (self, &ys_unit_kind, YS_UNIT_CODE, YS_UNIT_NAME, stripped, max, out);
      break;

    case YS_LOOKUP_PROJECT:
      search_records (self, &ys_project_kind, YS_PROJECT_CODE, YS_PROJECT_NAME, stripped, max, out);
      break;

    case YS_LOOKUP_FUNCTION:
    case YS_LOOKUP_ECONOMIC:
    case YS_LOOKUP_PROCUREMENT:
      {
        YsCatalog *catalog = catalog_of (self, kind);
        g_autoptr(GPtrArray) found = NULL;
        guint digits = field ? field->digits : 0;

        if (catalog == NULL || *stripped == '\0')
          break;
        /* Ask for more than shown: the 类 and 款 above the 项 wanted
         * come first and are left out. */
        found = ys_catalog_search (catalog, stripped, 0);
        for (guint i = 0; i < found->len && out->len < max; i++)
          {
            const YsCatalogEntry *entry = g_ptr_array_index (found, i);

            if (digits > 0 && strlen (entry->code) != digits)
              continue;
            g_ptr_array_add (out, match_new (entry->code,
                                             g_strdup_printf ("%s %s", entry->code, entry->name),
                                             ys_catalog_describe_path (catalog, entry->code)));
          }
      }
      break;

    case YS_LOOKUP_NONE:
    default:
      break;
    }
  return out;
}

/* "2010301 行政运行" → "2010301": the first word when it is a code. */
static char *
leading_code (const char *text)
{
  const char *end = text;

  while (*end && g_ascii_isalnum (*end))
    end++;
  if (end == text || (*end != '\0' && !g_ascii_isspace (*end)))
    return NULL;
  return g_strndup (text, end - text);
}

char *
ys_lookup_resolve (YsLookup      *self,
                   YsLookupKind   kind,
                   const YsField *field,
                   const char    *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));
  g_autofree char *code = NULL;

  g_return_val_if_fail (YS_IS_LOOKUP (self), g_strdup (text));

  if (*stripped == '\0')
    return g_steal_pointer (&stripped);

  switch (kind)
    {
    case YS_LOOKUP_CHOICES:
      {
        int found = -1;

        if (g_strv_contains ((const char *const *) field->choices, stripped))
          return g_steal_pointer (&stripped);
        /* Only a shortcut that picks out one choice is taken. */
        for (guint i = 0; field->choices[i]; i++)
          if (ys_lookup_choice_matches (field->choices[i], i, stripped))
            {
              if (found >= 0)
                return g_steal_pointer (&stripped);
              found = (int) i;
            }
        return found >= 0 ? g_strdup (field->choices[found]) : g_steal_pointer (&stripped);
      }

    case YS_LOOKUP_UNIT:
    case YS_LOOKUP_PROJECT:
      {
        const YsKind *rkind = kind == YS_LOOKUP_UNIT ? &ys_unit_kind : &ys_project_kind;
        guint code_field = kind == YS_LOOKUP_UNIT ? YS_UNIT_CODE : YS_PROJECT_CODE;
        guint name_field = kind == YS_LOOKUP_UNIT ? YS_UNIT_NAME : YS_PROJECT_NAME;
        GListModel *model;
        guint n;

        if (ys_document_lookup_key (self->document, rkind, stripped) != NULL)
          return g_steal_pointer (&stripped);
        code = leading_code (stripped);
        if (code != NULL && ys_document_lookup_key (self->document, rkind, code) != NULL)
          return g_steal_pointer (&code);
        /* Spreadsheets often carry the unit's name rather than its code. */
        model = ys_document_get_model (self->document, rkind);
        n = g_list_model_get_n_items (model);
        for (guint i = 0; i < n; i++)
          {
            YsRecord *record = ys_document_get (self->document, rkind, i);
            if (g_strcmp0 (ys_record_get_text (record, name_field), stripped) == 0)
              return g_strdup (ys_record_get_text (record, code_field));
          }
        return g_steal_pointer (&stripped);
      }

    case YS_LOOKUP_FUNCTION:
    case YS_LOOKUP_ECONOMIC:
      code = leading_code (stripped);
      return code ? g_steal_pointer (&code) : g_steal_pointer (&stripped);

    case YS_LOOKUP_PROCUREMENT:
      /* The catalog spells its codes in capitals; "a02010104" is typed. */
      code = leading_code (stripped);
      if (code != NULL)
        return g_ascii_strup (code, -1);
      return g_steal_pointer (&stripped);

    case YS_LOOKUP_NONE:
    default:
      return g_steal_pointer (&stripped);
    }
}

YsDocument *
ys_lookup_get_document (YsLookup *self)
{
  g_return_val_if_fail (YS_IS_LOOKUP (self), NULL);

  return self->document;
}

static void
ys_lookup_dispose (GObject *object)
{
  YsLookup *self = YS_LOOKUP (object);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (ys_lookup_parent_class)->dispose (object);
}

static void
ys_lookup_finalize (GObject *object)
{
  YsLookup *self = YS_LOOKUP (object);

  for (guint k = 0; k < G_N_ELEMENTS (self->described); k++)
    g_clear_pointer (&self->described[k], g_hash_table_unref);

  G_OBJECT_CLASS (ys_lookup_parent_class)->finalize (object);
}

static void
ys_lookup_class_init (YsLookupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ys_lookup_dispose;
  object_class->finalize = ys_lookup_finalize;
}

static void
ys_lookup_init (YsLookup *self)
{
  for (guint k = 0; k < G_N_ELEMENTS (self->described); k++)
    self->described[k] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

YsLookup *
ys_lookup_new (YsDocument *document)
{
  YsLookup *self;

  g_return_val_if_fail (YS_IS_DOCUMENT (document), NULL);

  self = g_object_new (YS_TYPE_LOOKUP, NULL);
  self->document = g_object_ref (document);
  g_signal_connect_object (document, "changed",
                           G_CALLBACK (on_document_changed_cb), self, G_CONNECT_SWAPPED);
  return self;
}
