/* The region templates of the 情况说明 (resources/explain/NAME.json, described
 * in docs/explain.md) and how their placeholders are filled. */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "ys-core-resources.h"
#include <glib/gi18n-lib.h>
#include "ys-explain-private.h"

#define RESOURCE_DIR "/io/github/yusuan/Yusuan/core/explain/"

G_DEFINE_QUARK (ys-explain-error-quark, ys_explain_error)

static void
para_free (gpointer data)
{
  YsExplainPara *p = data;

  g_free (p->text);
  g_free (p->when);
  g_free (p->each);
  g_free (p);
}

static void
section_free (gpointer data)
{
  YsExplainTmplSection *s = data;

  g_free (s->id);
  g_free (s->title);
  g_free (s->when);
  g_ptr_array_unref (s->paras);
  g_free (s);
}

static void
list_free (gpointer data)
{
  YsExplainList *l = data;

  g_free (l->of);
  g_free (l->item);
  g_free (l->sep);
  g_free (l->empty);
  g_free (l);
}

void
ys_explain_template_free (YsExplainTemplate *tmpl)
{
  if (tmpl == NULL)
    return;
  g_free (tmpl->id);
  g_hash_table_unref (tmpl->phrases);
  g_hash_table_unref (tmpl->lists);
  g_ptr_array_unref (tmpl->sections);
  g_ptr_array_unref (tmpl->closing);
  g_free (tmpl->glossary_title);
  g_ptr_array_unref (tmpl->glossary);
  g_free (tmpl);
}

static char *
member_string (JsonObject *obj, const char *member)
{
  JsonNode *node = json_object_get_member (obj, member);

  if (node == NULL || JSON_NODE_TYPE (node) != JSON_NODE_VALUE
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return g_strdup (json_node_get_string (node));
}

static gboolean
invalid (GError **error, const char *origin, const char *what)
{
  g_set_error (error, YS_EXPLAIN_ERROR, YS_EXPLAIN_ERROR_INVALID,
               _("The text template %s is not valid: %s"), origin, what);
  return FALSE;
}

static gboolean
read_paras (JsonArray *array, GPtrArray *out, const char *origin, GError **error)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      YsExplainPara *p = g_new0 (YsExplainPara, 1);

      g_ptr_array_add (out, p);
      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        p->text = g_strdup (json_node_get_string (node));
      else if (JSON_NODE_HOLDS_OBJECT (node))
        {
          JsonObject *o = json_node_get_object (node);
          p->text = member_string (o, "text");
          p->when = member_string (o, "when");
          p->each = member_string (o, "each");
        }
      if (p->text == NULL)
        return invalid (error, origin, "paragraph without text");
    }
  return TRUE;
}

static gboolean
read_sections (JsonArray *array, GPtrArray *out, const char *origin, GError **error)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *o;
      YsExplainTmplSection *s;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return invalid (error, origin, "a section is not an object");
      o = json_node_get_object (node);
      s = g_new0 (YsExplainTmplSection, 1);
      s->paras = g_ptr_array_new_with_free_func (para_free);
      g_ptr_array_add (out, s);
      s->id = member_string (o, "id");
      s->title = member_string (o, "title");
      s->when = member_string (o, "when");
      if (s->id == NULL || s->title == NULL || !json_object_has_member (o, "paragraphs")
          || !JSON_NODE_HOLDS_ARRAY (json_object_get_member (o, "paragraphs")))
        return invalid (error, origin, "a section needs id, title and paragraphs");
      if (!read_paras (json_object_get_array_member (o, "paragraphs"), s->paras, origin, error))
        return FALSE;
    }
  return TRUE;
}

static void
read_string_map (JsonObject *obj, const char *member, GHashTable *out)
{
  JsonNode *node = json_object_get_member (obj, member);
  g_autoptr(GList) names = NULL;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return;
  names = json_object_get_members (json_node_get_object (node));
  for (GList *l = names; l; l = l->next)
    {
      char *value = member_string (json_node_get_object (node), l->data);
      if (value)
        g_hash_table_insert (out, g_strdup (l->data), value);
    }
}

static gboolean
read_lists (JsonObject *root, YsExplainTemplate *tmpl, const char *origin, GError **error)
{
  JsonNode *node = json_object_get_member (root, "lists");
  g_autoptr(GList) names = NULL;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return invalid (error, origin, "lists is not an object");
  names = json_object_get_members (json_node_get_object (node));
  for (GList *l = names; l; l = l->next)
    {
      JsonNode *item = json_object_get_member (json_node_get_object (node), l->data);
      YsExplainList *list;

      if (!JSON_NODE_HOLDS_OBJECT (item))
        return invalid (error, origin, "a list is not an object");
      list = g_new0 (YsExplainList, 1);
      list->of = member_string (json_node_get_object (item), "of");
      list->item = member_string (json_node_get_object (item), "item");
      list->sep = member_string (json_node_get_object (item), "sep");
      list->empty = member_string (json_node_get_object (item), "empty");
      g_hash_table_insert (tmpl->lists, g_strdup (l->data), list);
      if (list->of == NULL || list->item == NULL)
        return invalid (error, origin, "a list needs of and item");
      if (list->sep == NULL)
        list->sep = g_strdup ("；");
    }
  return TRUE;
}

YsExplainTemplate *
ys_explain_template_load_data (const char *data, gssize length, const char *origin, GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(YsExplainTemplate) tmpl = NULL;
  GError *local = NULL;
  JsonObject *root;
  JsonNode *node;

  if (!json_parser_load_from_data (parser, data, length, &local))
    {
      g_set_error (error, YS_EXPLAIN_ERROR, YS_EXPLAIN_ERROR_SYNTAX,
                   _("The text template %s is not valid JSON: %s"), origin, local->message);
      g_error_free (local);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      invalid (error, origin, "the file is not an object");
      return NULL;
    }
  root = json_node_get_object (json_parser_get_root (parser));

  tmpl = g_new0 (YsExplainTemplate, 1);
  tmpl->phrases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  tmpl->lists = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, list_free);
  tmpl->sections = g_ptr_array_new_with_free_func (section_free);
  tmpl->closing = g_ptr_array_new_with_free_func (section_free);
  tmpl->glossary = g_ptr_array_new_with_free_func (g_free);
  tmpl->id = member_string (root, "id");
  if (tmpl->id == NULL)
    {
      invalid (error, origin, "no id");
      return NULL;
    }
  node = json_object_get_member (root, "numbers");
  if (node && JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *o = json_node_get_object (node);
      tmpl->separators = json_object_get_boolean_member_with_default (o, "separators", FALSE);
      tmpl->bare_zero = json_object_get_boolean_member_with_default (o, "bare_zero", FALSE);
    }
  read_string_map (root, "phrases", tmpl->phrases);
  if (!read_lists (root, tmpl, origin, error))
    return NULL;
  node = json_object_get_member (root, "sections");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      invalid (error, origin, "no sections");
      return NULL;
    }
  if (!read_sections (json_node_get_array (node), tmpl->sections, origin, error))
    return NULL;
  /* Sections some regions print after the 名词解释 (河北's 其他需要说明的事项). */
  node = json_object_get_member (root, "closing");
  if (node != NULL && (!JSON_NODE_HOLDS_ARRAY (node)
                       || !read_sections (json_node_get_array (node), tmpl->closing, origin, error)))
    {
      if (!JSON_NODE_HOLDS_ARRAY (node))
        invalid (error, origin, "closing is not a list");
      return NULL;
    }
  node = json_object_get_member (root, "glossary");
  if (node && JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *o = json_node_get_object (node);
      JsonNode *terms = json_object_get_member (o, "terms");

      tmpl->glossary_title = member_string (o, "title");
      if (terms && JSON_NODE_HOLDS_ARRAY (terms))
        for (guint i = 0; i < json_array_get_length (json_node_get_array (terms)); i++)
          {
            const char *t = json_array_get_string_element (json_node_get_array (terms), i);
            if (t)
              g_ptr_array_add (tmpl->glossary, g_strdup (t));
          }
    }
  if (tmpl->glossary_title == NULL)
    tmpl->glossary_title = g_strdup ("名词解释");
  return g_steal_pointer (&tmpl);
}

YsExplainTemplate *
ys_explain_template_for (const char *region, GError **error)
{
  const char *names[] = { region, "national" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = NULL, *origin = NULL;
      g_autoptr(GBytes) bytes = NULL;

      if (names[i] == NULL || names[i][0] == '\0' || strchr (names[i], '/'))
        continue;
      path = g_strconcat (RESOURCE_DIR, names[i], ".json", NULL);
      bytes = g_resource_lookup_data (ys_core_get_resource (), path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      if (bytes == NULL)
        continue;
      origin = g_strconcat ("explain/", names[i], ".json", NULL);
      return ys_explain_template_load_data (g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes),
                                            origin, error);
    }
  g_set_error (error, YS_EXPLAIN_ERROR, YS_EXPLAIN_ERROR_NOT_FOUND,
               _("There is no text template for the region “%s”"), region ? region : "");
  return NULL;
}

static gboolean
text_uses (const char *text, const char *needle)
{
  return text && strstr (text, needle);
}

gboolean
ys_explain_template_uses (YsExplainTemplate *tmpl, const char *name)
{
  g_autofree char *needle = g_strconcat ("{", name, "}", NULL);
  GHashTableIter iter;
  gpointer value;

  for (guint i = 0; i < tmpl->sections->len; i++)
    {
      YsExplainTmplSection *s = g_ptr_array_index (tmpl->sections, i);
      if (text_uses (s->title, needle))
        return TRUE;
      for (guint j = 0; j < s->paras->len; j++)
        if (text_uses (((YsExplainPara *) g_ptr_array_index (s->paras, j))->text, needle))
          return TRUE;
    }
  g_hash_table_iter_init (&iter, tmpl->lists);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (text_uses (((YsExplainList *) value)->item, needle))
      return TRUE;
  return FALSE;
}

/* ---- scopes ---- */

YsExplainScope *
ys_explain_scope_new (YsExplainScope *parent)
{
  YsExplainScope *s = g_new0 (YsExplainScope, 1);

  s->vars = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  s->missing = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  s->lists = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  s->parent = parent;
  return s;
}

void
ys_explain_scope_free (YsExplainScope *scope)
{
  if (scope == NULL)
    return;
  g_hash_table_unref (scope->vars);
  g_hash_table_unref (scope->missing);
  g_hash_table_unref (scope->lists);
  g_free (scope);
}

void
ys_explain_scope_take (YsExplainScope *scope, const char *name, char *value)
{
  g_hash_table_insert (scope->vars, g_strdup (name), value);
}

void
ys_explain_scope_set (YsExplainScope *scope, const char *name, const char *value)
{
  ys_explain_scope_take (scope, name, g_strdup (value ? value : ""));
}

void
ys_explain_scope_flag (YsExplainScope *scope, const char *name, gboolean value)
{
  ys_explain_scope_set (scope, name, value ? "1" : "0");
}

void
ys_explain_scope_missing (YsExplainScope *scope, const char *name, const char *what)
{
  g_hash_table_insert (scope->missing, g_strdup (name), g_strdup (what));
}

GPtrArray *
ys_explain_scope_list (YsExplainScope *scope, const char *name)
{
  GPtrArray *list = g_hash_table_lookup (scope->lists, name);

  if (list == NULL)
    {
      list = g_ptr_array_new_with_free_func ((GDestroyNotify) ys_explain_scope_free);
      g_hash_table_insert (scope->lists, g_strdup (name), list);
    }
  return list;
}

static const char *
lookup_var (YsExplainScope *scope, const char *name, const char **missing)
{
  for (; scope; scope = scope->parent)
    {
      const char *v = g_hash_table_lookup (scope->vars, name);
      if (v)
        {
          *missing = g_hash_table_lookup (scope->missing, name);
          return v;
        }
    }
  return NULL;
}

static GPtrArray *
lookup_list (YsExplainScope *scope, const char *name)
{
  for (; scope; scope = scope->parent)
    {
      GPtrArray *l = g_hash_table_lookup (scope->lists, name);
      if (l)
        return l;
    }
  return NULL;
}

gboolean
ys_explain_condition (YsExplainScope *scope, const char *when)
{
  gboolean negate = FALSE, truth = FALSE;
  const char *missing = NULL, *v;
  GPtrArray *list;

  if (when == NULL || when[0] == '\0')
    return TRUE;
  if (when[0] == '!')
    {
      negate = TRUE;
      when++;
    }
  v = lookup_var (scope, when, &missing);
  if (v)
    truth = v[0] != '\0' && !g_str_equal (v, "0");
  else if ((list = lookup_list (scope, when)) != NULL)
    truth = list->len > 0;
  return negate ? !truth : truth;
}

static void
add_missing (GPtrArray *missing, const char *what)
{
  if (missing == NULL || what == NULL)
    return;
  for (guint i = 0; i < missing->len; i++)
    if (g_str_equal (g_ptr_array_index (missing, i), what))
      return;
  g_ptr_array_add (missing, g_strdup (what));
}

static char *
render_list (YsExplainTemplate *tmpl, YsExplainScope *scope, YsExplainList *list, GPtrArray *missing)
{
  GPtrArray *items = lookup_list (scope, list->of);
  GString *out = g_string_new (NULL);

  if (items == NULL || items->len == 0)
    {
      g_string_free (out, TRUE);
      return list->empty ? ys_explain_render (tmpl, scope, list->empty, missing) : g_strdup ("");
    }
  for (guint i = 0; i < items->len; i++)
    {
      g_autofree char *one = ys_explain_render (tmpl, g_ptr_array_index (items, i), list->item, missing);
      if (i)
        g_string_append (out, list->sep);
      g_string_append (out, one);
    }
  return g_string_free (out, FALSE);
}

char *
ys_explain_render (YsExplainTemplate *tmpl, YsExplainScope *scope, const char *text, GPtrArray *missing)
{
  GString *out = g_string_new (NULL);
  const char *p = text;

  while (*p)
    {
      const char *open = strchr (p, '{'), *close;
      g_autofree char *name = NULL;
      const char *value, *what = NULL;
      YsExplainList *list;

      if (open == NULL || (close = strchr (open, '}')) == NULL)
        {
          g_string_append (out, p);
          break;
        }
      g_string_append_len (out, p, open - p);
      name = g_strndup (open + 1, close - open - 1);
      p = close + 1;
      if ((value = lookup_var (scope, name, &what)) != NULL)
        {
          g_string_append (out, value);
          add_missing (missing, what);
        }
      else if ((list = g_hash_table_lookup (tmpl->lists, name)) != NULL)
        {
          g_autofree char *joined = render_list (tmpl, scope, list, missing);
          g_string_append (out, joined);
        }
      else
        g_string_append_len (out, open, close + 1 - open);
    }
  return g_string_free (out, FALSE);
}

/* ---- figures ---- */

char *
ys_explain_money (YsExplainTemplate *tmpl, YsMoney fen)
{
  g_autofree char *text = ys_money_format (fen, YS_MONEY_WAN, tmpl->separators);

  if (tmpl->bare_zero && g_str_equal (text, "0.00"))
    return g_strdup ("0");
  return g_steal_pointer (&text);
}

char *
ys_explain_percent (gint64 hundredths)
{
  gboolean negative = hundredths < 0;
  guint64 m = negative ? (guint64) -hundredths : (guint64) hundredths;

  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%02u", negative ? "-" : "", m / 100, (guint) (m % 100));
}

gint64
ys_explain_wan_cents (YsMoney fen)
{
  YsMoney m = fen < 0 ? -fen : fen;
  gint64 cents = (m + 5000) / 10000;

  return fen < 0 ? -cents : cents;
}

void
ys_explain_shares (const YsMoney *amounts, guint n, gint64 *out)
{
  YsMoney total = 0;
  gint64 given = 0;
  g_autofree YsMoney *printed = g_new0 (YsMoney, n);
  g_autofree YsMoney *rest = g_new0 (YsMoney, n);

  /* Shares of the figures as printed, so a reader who divides them gets the
   * same percentages. */
  for (guint i = 0; i < n; i++)
    {
      printed[i] = ys_explain_wan_cents (amounts[i]);
      total += printed[i];
    }
  amounts = printed;
  for (guint i = 0; i < n; i++)
    out[i] = 0;
  if (total <= 0)
    return;
  /* 10000 hundredths of a percent; 分 totals stay far below the point where
   * amount * 10000 would overflow. */
  for (guint i = 0; i < n; i++)
    {
      out[i] = amounts[i] * 10000 / total;
      rest[i] = amounts[i] * 10000 % total;
      given += out[i];
    }
  /* The hundredths still missing go to the largest remainders, the earlier
   * one first on a tie, so the shares add up to exactly 100.00%. */
  while (given < 10000)
    {
      guint best = 0;
      for (guint i = 1; i < n; i++)
        if (rest[i] > rest[best])
          best = i;
      out[best]++;
      rest[best] = -1;
      given++;
    }
}
