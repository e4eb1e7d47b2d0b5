/* A region's publication profile (resources/publish/REGION.json): the cover's
 * title, the four parts' headings, 第一部分's sections and whether the charts
 * are placed. Data, like the layouts: a region is a file, not code. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "ys-publish-private.h"
#include "ys-publish-resources.h"

#define RESOURCE_DIR "/io/github/yusuan/Yusuan/publish/"

static void
item_free (YsOverviewItem *item)
{
  g_free (item->title);
  g_free (item->text);
  g_free (item);
}

void
ys_publish_profile_free (YsPublishProfile *p)
{
  if (p == NULL)
    return;
  g_free (p->cover_title);
  for (guint i = 0; i < G_N_ELEMENTS (p->parts); i++)
    g_free (p->parts[i]);
  g_clear_pointer (&p->overview, g_ptr_array_unref);
  g_free (p->table_title);
  g_free (p);
}

static const char *
member_string (JsonObject *obj, const char *name)
{
  JsonNode *node = json_object_get_member (obj, name);
  return node && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
         ? json_node_get_string (node) : NULL;
}

static gboolean
parse (YsPublishProfile *p, JsonNode *root, const char *origin, GError **error)
{
  static const char *const texts[] = { "duties", "structure", "tasks", "other", NULL };
  JsonObject *obj = JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  JsonArray *parts = obj && json_object_has_member (obj, "parts") ? json_object_get_array_member (obj, "parts") : NULL;
  JsonArray *overview = obj && json_object_has_member (obj, "overview") ? json_object_get_array_member (obj, "overview") : NULL;

  if (obj == NULL || parts == NULL || json_array_get_length (parts) != 4 || overview == NULL
      || member_string (obj, "cover_title") == NULL || member_string (obj, "table_title") == NULL)
    goto invalid;
  p->cover_title = g_strdup (member_string (obj, "cover_title"));
  p->table_title = g_strdup (member_string (obj, "table_title"));
  p->charts = json_object_get_boolean_member_with_default (obj, "charts", FALSE);
  for (guint i = 0; i < 4; i++)
    {
      const char *part = json_node_get_string (json_array_get_element (parts, i));
      if (part == NULL)
        goto invalid;
      p->parts[i] = g_strdup (part);
    }
  p->overview = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  for (guint i = 0; i < json_array_get_length (overview); i++)
    {
      JsonNode *node = json_array_get_element (overview, i);
      JsonObject *o = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *title = o ? member_string (o, "title") : NULL;
      const char *text = o ? member_string (o, "text") : NULL;
      YsOverviewItem *item;

      if (title == NULL || text == NULL || !g_strv_contains (texts, text))
        goto invalid;
      item = g_new0 (YsOverviewItem, 1);
      item->title = g_strdup (title);
      item->text = g_strdup (text);
      g_ptr_array_add (p->overview, item);
    }
  return TRUE;

invalid:
  g_set_error (error, YS_PUBLISH_ERROR, YS_PUBLISH_ERROR_PROFILE,
               _("%s: a publication profile needs cover_title, table_title, four parts and the overview "
                 "sections (title, and text one of duties, structure, tasks, other)"), origin);
  return FALSE;
}

YsPublishProfile *
ys_publish_profile_load (const char *layout_id, GError **error)
{
  g_autofree char *path = g_strdup_printf (RESOURCE_DIR "%s.json", layout_id ? layout_id : "national");
  g_autoptr(GBytes) bytes = g_resource_lookup_data (ys_publish_get_resource (), path, 0, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  YsPublishProfile *p;

  if (bytes == NULL)
    {
      g_free (path);
      path = g_strdup (RESOURCE_DIR "national.json");
      bytes = g_resource_lookup_data (ys_publish_get_resource (), path, 0, error);
      if (bytes == NULL)
        return NULL;
    }
  if (!json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error))
    return NULL;
  p = g_new0 (YsPublishProfile, 1);
  if (!parse (p, json_parser_get_root (parser), path, error))
    {
      ys_publish_profile_free (p);
      return NULL;
    }
  return p;
}

char *
ys_publish_expand (const char *tmpl, const char *dept_name, int year, guint n, const char *title)
{
  GString *out = g_string_new (NULL);

  for (const char *p = tmpl; *p;)
    {
      if (g_str_has_prefix (p, "{dept_name}"))
        g_string_append (out, dept_name ? dept_name : ""), p += strlen ("{dept_name}");
      else if (g_str_has_prefix (p, "{year}"))
        g_string_append_printf (out, "%d", year), p += strlen ("{year}");
      else if (g_str_has_prefix (p, "{n}"))
        g_string_append_printf (out, "%u", n), p += strlen ("{n}");
      else if (g_str_has_prefix (p, "{title}"))
        g_string_append (out, title ? title : ""), p += strlen ("{title}");
      else
        g_string_append_c (out, *p++);
    }
  return g_string_free (out, FALSE);
}
