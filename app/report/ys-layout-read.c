/* The reading side of layout files: typed access to JSON members that reports
 * every mistake with the file and the place in it, fund-source filters, and
 * the check that cells with spans fill a grid. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdarg.h>
#include <string.h>

#include "ys-kind.h"
#include "ys-layout-private.h"
gboolean
ys_layout_fail (Ctx *ctx, const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (*ctx->error != NULL)
    return FALSE;
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  if (ctx->where->len > 0)
    g_set_error (ctx->error, YS_LAYOUT_ERROR, YS_LAYOUT_ERROR_INVALID,
                 "%s: %s: %s", ctx->origin, ctx->where->str, message);
  else
    g_set_error (ctx->error, YS_LAYOUT_ERROR, YS_LAYOUT_ERROR_INVALID,
                 "%s: %s", ctx->origin, message);
  return FALSE;
}

gsize
ys_layout_push (Ctx *ctx, const char *member, int index)
{
  gsize len = ctx->where->len;

  if (member)
    g_string_append_printf (ctx->where, "%s%s", len ? "." : "", member);
  if (index >= 0)
    g_string_append_printf (ctx->where, "[%d]", index);
  return len;
}

void
ys_layout_pop (Ctx *ctx, gsize len)
{
  g_string_truncate (ctx->where, len);
}

/* Rejects misspelt keys; keys starting with "_" or "comment" are notes for people. */
gboolean
ys_layout_check_keys (Ctx *ctx, JsonObject *obj, const char *allowed)
{
  g_auto(GStrv) names = g_strsplit (allowed, " ", -1);
  g_autoptr(GList) members = json_object_get_members (obj);

  for (GList *l = members; l; l = l->next)
    {
      const char *name = l->data;
      if (name[0] == '_' || g_str_has_prefix (name, "comment"))
        continue;
      if (!g_strv_contains ((const char *const *) names, name))
        return ys_layout_fail (ctx, _("unknown key “%s”"), name);
    }
  return TRUE;
}

char *
ys_layout_get_string (Ctx *ctx, JsonObject *obj, const char *member, gboolean required)
{
  JsonNode *node = json_object_get_member (obj, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        ys_layout_fail (ctx, _("“%s” is required"), member);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      ys_layout_fail (ctx, _("“%s” must be a string"), member);
      return NULL;
    }
  return g_strdup (json_node_get_string (node));
}

gboolean
ys_layout_get_bool (Ctx *ctx, JsonObject *obj, const char *member, gboolean fallback)
{
  JsonNode *node = json_object_get_member (obj, member);

  if (node == NULL)
    return fallback;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      ys_layout_fail (ctx, _("“%s” must be true or false"), member);
      return fallback;
    }
  return json_node_get_boolean (node);
}

double
ys_layout_get_number (Ctx *ctx, JsonObject *obj, const char *member, double fallback, double min, double max)
{
  JsonNode *node = json_object_get_member (obj, member);
  double v;

  if (node == NULL)
    return fallback;
  if (!JSON_NODE_HOLDS_VALUE (node)
      || (json_node_get_value_type (node) != G_TYPE_INT64 && json_node_get_value_type (node) != G_TYPE_DOUBLE))
    {
      ys_layout_fail (ctx, _("“%s” must be a number"), member);
      return fallback;
    }
  v = json_node_get_double (node);
  if (v < min || v > max)
    {
      ys_layout_fail (ctx, _("“%s” must be between %g and %g"), member, min, max);
      return fallback;
    }
  return v;
}

/* A string or an array of strings. */
char **
ys_layout_get_strv (Ctx *ctx, JsonObject *obj, const char *member)
{
  JsonNode *node = json_object_get_member (obj, member);
  g_autoptr(GStrvBuilder) b = NULL;
  JsonArray *array;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  b = g_strv_builder_new ();
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      g_strv_builder_add (b, json_node_get_string (node));
      return g_strv_builder_end (b);
    }
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      ys_layout_fail (ctx, _("“%s” must be a string or a list of strings"), member);
      return NULL;
    }
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      if (!JSON_NODE_HOLDS_VALUE (item) || json_node_get_value_type (item) != G_TYPE_STRING)
        {
          ys_layout_fail (ctx, _("“%s” must be a string or a list of strings"), member);
          return NULL;
        }
      g_strv_builder_add (b, json_node_get_string (item));
    }
  return g_strv_builder_end (b);
}

JsonArray *
ys_layout_get_array (Ctx *ctx, JsonObject *obj, const char *member, gboolean required)
{
  JsonNode *node = json_object_get_member (obj, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        ys_layout_fail (ctx, _("“%s” is required"), member);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      ys_layout_fail (ctx, _("“%s” must be a list"), member);
      return NULL;
    }
  return json_node_get_array (node);
}

gboolean
ys_layout_parse_unit (Ctx *ctx, const char *text, YsMoneyUnit *unit)
{
  if (g_strcmp0 (text, "万元") == 0 || g_strcmp0 (text, "wan") == 0)
    *unit = YS_MONEY_WAN;
  else if (g_strcmp0 (text, "元") == 0 || g_strcmp0 (text, "yuan") == 0)
    *unit = YS_MONEY_YUAN;
  else
    return ys_layout_fail (ctx, _("money unit “%s” is not 万元 or 元"), text);
  return TRUE;
}

int
ys_layout_source_bit (const char *name)
{
  for (int i = 0; ys_fund_sources[i]; i++)
    if (strcmp (ys_fund_sources[i], name) == 0)
      return i;
  return -1;
}

gboolean
ys_layout_parse_filter (Ctx *ctx, JsonNode *node, YsLayoutFilter *f)
{
  JsonObject *obj;
  g_auto(GStrv) sources = NULL;
  gsize at = ys_layout_push (ctx, "filter", -1);

  f->carry_over = -1;
  if (node == NULL)
    {
      ys_layout_pop (ctx, at);
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return ys_layout_fail (ctx, _("must be an object"));
  obj = json_node_get_object (node);
  if (!ys_layout_check_keys (ctx, obj, "source fiscal carry_over sub_source"))
    return FALSE;
  sources = ys_layout_get_strv (ctx, obj, "source");
  for (guint i = 0; sources && sources[i]; i++)
    {
      int bit = ys_layout_source_bit (sources[i]);
      if (bit < 0)
        {
          g_autofree char *all = g_strjoinv ("、", (char **) ys_fund_sources);
          return ys_layout_fail (ctx, _("unknown fund source “%s” (one of: %s)"), sources[i], all);
        }
      f->sources |= 1u << bit;
    }
  if (ys_layout_get_bool (ctx, obj, "fiscal", FALSE))
    {
      guint32 fiscal = 0;
      for (int i = 0; ys_fund_sources[i]; i++)
        if (ys_fund_source_is_fiscal (ys_fund_sources[i]))
          fiscal |= 1u << i;
      f->sources = f->sources ? (f->sources & fiscal) : fiscal;
    }
  if (json_object_has_member (obj, "carry_over"))
    f->carry_over = ys_layout_get_bool (ctx, obj, "carry_over", FALSE) ? 1 : 0;
  f->sub_source = ys_layout_get_string (ctx, obj, "sub_source", FALSE);
  ys_layout_pop (ctx, at);
  return *ctx->error == NULL;
}

void
ys_layout_filter_clear (YsLayoutFilter *f)
{
  g_clear_pointer (&f->sub_source, g_free);
}

void
ys_layout_filter_and (YsLayoutFilter *out, const YsLayoutFilter *a, const YsLayoutFilter *b)
{
  out->none = a->none || b->none;
  if (a->sources && b->sources)
    {
      out->sources = a->sources & b->sources;
      out->none |= out->sources == 0;
    }
  else
    out->sources = a->sources | b->sources;
  if (a->carry_over >= 0 && b->carry_over >= 0 && a->carry_over != b->carry_over)
    out->none = TRUE;
  out->carry_over = a->carry_over >= 0 ? a->carry_over : b->carry_over;
  if (a->sub_source && b->sub_source && strcmp (a->sub_source, b->sub_source) != 0)
    out->none = TRUE;
  out->sub_source = a->sub_source ? a->sub_source : b->sub_source;
}

gboolean
ys_layout_filter_matches (const YsLayoutFilter *f, const char *source, const char *sub_source,
                          gboolean carry_over)
{
  return ys_layout_filter_matches_bit (f, f->sources ? ys_layout_source_bit (source) : -1, sub_source, carry_over);
}

gboolean
ys_layout_filter_matches_bit (const YsLayoutFilter *f, int source_bit, const char *sub_source,
                              gboolean carry_over)
{
  if (f->none)
    return FALSE;
  if (f->sources && (source_bit < 0 || !(f->sources & (1u << source_bit))))
    return FALSE;
  if (f->carry_over >= 0 && f->carry_over != (carry_over ? 1 : 0))
    return FALSE;
  if (f->sub_source && g_strcmp0 (f->sub_source, sub_source) != 0)
    return FALSE;
  return TRUE;
}

/* ---- header and form grids ---- */

/* Places cells with spans left to right, skipping columns taken by a cell
 * above that spans rows, as an HTML table does; checks every row is full. */
gboolean
ys_layout_check_grid (Ctx *ctx, GPtrArray *rows, guint n_cols, guint (*span) (gpointer, guint *rowspan),
            GPtrArray *(*cells_of) (gpointer row))
{
  g_autofree guint *busy = g_new0 (guint, n_cols);  /* rows still taken below, per column */

  for (guint r = 0; r < rows->len; r++)
    {
      GPtrArray *cells = cells_of (g_ptr_array_index (rows, r));
      guint col = 0;
      gsize at = ys_layout_push (ctx, NULL, r);

      if (cells == NULL)
        {
          /* A row generated whole (栏次, indicators) needs every column free. */
          for (guint c = 0; c < n_cols; c++)
            if (busy[c] > 0)
              return ys_layout_fail (ctx, _("a cell above spans into this row"));
          ys_layout_pop (ctx, at);
          continue;
        }
      for (guint i = 0; i < cells->len; i++)
        {
          guint rowspan = 1, w = span (g_ptr_array_index (cells, i), &rowspan);
          while (col < n_cols && busy[col] > 0)
            col++;
          if (col + w > n_cols)
            return ys_layout_fail (ctx, _("the cells cover more than the %u columns of the table"), n_cols);
          for (guint c = col; c < col + w; c++)
            {
              if (busy[c] > 0)
                return ys_layout_fail (ctx, _("cell %u overlaps a cell spanning from a row above"), i + 1);
              busy[c] = rowspan;
            }
          col += w;
        }
      for (guint c = 0; c < n_cols; c++)
        {
          if (busy[c] == 0)
            return ys_layout_fail (ctx, _("the cells cover fewer than the %u columns of the table"), n_cols);
          busy[c]--;
        }
      ys_layout_pop (ctx, at);
    }
  for (guint c = 0; c < n_cols; c++)
    if (busy[c] > 0)
      return ys_layout_fail (ctx, _("a cell spans below the last row"));
  return TRUE;
}
