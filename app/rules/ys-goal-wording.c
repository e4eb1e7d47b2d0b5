#include "config.h"

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "ys-goal-wording.h"

#define LEXICON_RESOURCE "/io/github/yusuan/Yusuan/core/rules/goal-wording.json"

typedef struct {
  YsGoalWording public;
  GRegex       *regex;
} Entry;

static const char *
member_string (JsonObject *obj, const char *name)
{
  JsonNode *node = json_object_get_member (obj, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* Strings are kept for the life of the process, like the table they fill. */
static gboolean
read_entry (JsonObject *classes, JsonObject *obj, Entry *e, GError **error)
{
  const char *pattern = member_string (obj, "pattern");
  const char *klass = member_string (obj, "class");
  const char *level = member_string (obj, "level");
  const char *field = member_string (obj, "field");
  JsonObject *cls;

  if (pattern == NULL || klass == NULL || level == NULL || member_string (obj, "example") == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "an entry needs pattern, class, level and example");
      return FALSE;
    }
  if (classes == NULL || !json_object_has_member (classes, klass)
      || !JSON_NODE_HOLDS_OBJECT (json_object_get_member (classes, klass)))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "unknown class “%s”", klass);
      return FALSE;
    }
  cls = json_object_get_object_member (classes, klass);
  e->regex = g_regex_new (pattern, G_REGEX_OPTIMIZE, 0, error);
  if (e->regex == NULL)
    return FALSE;
  if (g_str_equal (level, "warning"))
    e->public.level = YS_FINDING_WARNING;
  else if (g_str_equal (level, "info"))
    e->public.level = YS_FINDING_INFO;
  else
    {
      /* Wording alone never blocks a budget. */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "level “%s” is not warning or info", level);
      return FALSE;
    }
  e->public.klass = g_intern_string (klass);
  e->public.label = g_intern_string (member_string (cls, "label") ? member_string (cls, "label") : klass);
  e->public.pattern = g_intern_string (pattern);
  e->public.example = g_intern_string (member_string (obj, "example"));
  e->public.suggest = member_string (obj, "suggest") ? g_intern_string (member_string (obj, "suggest")) : NULL;
  e->public.on_measure = g_strcmp0 (field, "measure") == 0;
  e->public.figure_ok = json_object_get_boolean_member_with_default (cls, "figure_ok", FALSE);
  return TRUE;
}

static GArray *
load (GError **error)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (LEXICON_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GArray) entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  JsonNode *root;
  JsonObject *classes;
  JsonArray *list;
  gsize size;
  const char *data;

  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &size);
  if (!json_parser_load_from_data (parser, data, (gssize) size, error))
    return NULL;
  root = json_parser_get_root (parser);
  if (!JSON_NODE_HOLDS_OBJECT (root)
      || !json_object_has_member (json_node_get_object (root), "entries")
      || !json_object_has_member (json_node_get_object (root), "classes"))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "the lexicon needs “classes” and “entries”");
      return NULL;
    }
  classes = json_object_get_object_member (json_node_get_object (root), "classes");
  list = json_object_get_array_member (json_node_get_object (root), "entries");
  for (guint i = 0; list && i < json_array_get_length (list); i++)
    {
      JsonNode *node = json_array_get_element (list, i);
      Entry e = { 0 };

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "entry %u is not an object", i + 1);
          return NULL;
        }
      if (!read_entry (classes, json_node_get_object (node), &e, error))
        {
          g_prefix_error (error, "entry %u: ", i + 1);
          return NULL;
        }
      g_array_append_val (entries, e);
    }
  return g_steal_pointer (&entries);
}

static GArray *
lexicon (void)
{
  static gsize once;
  static GArray *entries;

  if (g_once_init_enter (&once))
    {
      g_autoptr(GError) error = NULL;
      GArray *loaded = load (&error);

      /* The lexicon is compiled in: failing to read it is a build mistake. */
      if (loaded == NULL)
        g_critical ("goal wording lexicon %s: %s", LEXICON_RESOURCE, error ? error->message : "unreadable");
      entries = loaded ? loaded : g_array_new (FALSE, TRUE, sizeof (Entry));
      g_once_init_leave (&once, 1);
    }
  return entries;
}

static gboolean
has_figure (const char *value)
{
  for (const char *p = value; *p; p = g_utf8_next_char (p))
    if (g_unichar_isdigit (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

/* Without the spaces, full-width ones included, that forms leave around words. */
static char *
trimmed (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (const char *p = text ? text : ""; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (!g_unichar_isspace (c) && c != 0x3000)
        g_string_append_unichar (out, c);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Budgets repeat a few values thousands of times (95 %, 100 %, 及时), and a
 * full check asks about each indicator's value twice: the answers are kept,
 * per thread (rules also run in the export's thread), as the entry's index
 * + 1, 0 for none. */
#define CACHE_MAX 4096

static void
cache_free (gpointer table)
{
  g_hash_table_unref (table);
}

static GPrivate cache_key = G_PRIVATE_INIT (cache_free);

static GHashTable *
cache (void)
{
  GHashTable *table = g_private_get (&cache_key);

  if (table == NULL || g_hash_table_size (table) >= CACHE_MAX)
    {
      table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_private_replace (&cache_key, table);
    }
  return table;
}

static gboolean
match_entry (Entry *e, const char *v, const char *m, gboolean figure, char **matched)
{
  const char *text = e->public.on_measure ? m : v;
  g_autoptr(GMatchInfo) info = NULL;

  if (text[0] == '\0' || (e->public.figure_ok && figure))
    return FALSE;
  if (!g_regex_match (e->regex, text, 0, &info))
    return FALSE;
  if (matched)
    *matched = g_match_info_fetch (info, 0);
  return TRUE;
}

static int
find_entry (GArray *entries, const char *v, const char *m, char **matched)
{
  gboolean figure = has_figure (v);

  for (guint i = 0; i < entries->len; i++)
    if (match_entry (&g_array_index (entries, Entry, i), v, m, figure, matched))
      return (int) i;
  return -1;
}

const YsGoalWording *
ys_goal_wording_match (const char *value, const char *measure, char **matched)
{
  GArray *entries = lexicon ();
  g_autofree char *v = trimmed (value);
  g_autofree char *m = trimmed (measure);
  g_autofree char *key = g_strconcat (v, "\x1f", m, NULL);
  GHashTable *known = cache ();
  gpointer found;
  int i;

  if (g_hash_table_lookup_extended (known, key, NULL, &found))
    {
      if (GPOINTER_TO_INT (found) == 0)
        return NULL;
      i = GPOINTER_TO_INT (found) - 1;
      /* The words matched: from the entry already known to be the first. */
      if (matched != NULL)
        match_entry (&g_array_index (entries, Entry, i), v, m, has_figure (v), matched);
      return &g_array_index (entries, Entry, i).public;
    }
  i = find_entry (entries, v, m, matched);
  g_hash_table_insert (known, g_steal_pointer (&key), GINT_TO_POINTER (i + 1));
  return i >= 0 ? &g_array_index (entries, Entry, i).public : NULL;
}

guint
ys_goal_wording_count (void)
{
  return lexicon ()->len;
}

const YsGoalWording *
ys_goal_wording_get (guint i)
{
  GArray *entries = lexicon ();

  g_return_val_if_fail (i < entries->len, NULL);
  return &g_array_index (entries, Entry, i).public;
}
