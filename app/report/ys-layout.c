/* Reads a layout file into YsLayout. Every problem is reported with the file
 * and the place in it ("hebei.json: tables[3].columns[2].filter: unknown fund
 * source “一般预算”"), because layouts are edited by hand to add a region. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "ys-core-resources.h"
#include "ys-layout-private.h"

G_DEFINE_QUARK (ys-layout-error-quark, ys_layout_error)

#define RESOURCE_DIR "/io/github/yusuan/Yusuan/core/layouts/"

/* What the columns of each builder can show besides money. */
static const struct {
  const char *builder;
  const char *shows;
} builders[] = {
  { "function", "seq code name" },
  { "economic", "seq code name gov_code gov_name" },
  { "balance", "seq left_label left_amount right_label" },
  { "econ_rows", "seq label" },
  { "units", "seq label code" },
  { "projects", "seq label unit_name project_name project_code" },
  { "procurement", "seq label unit_name project_name project_amount item_name catalog_code measure quantity unit_price sme_reserved" },
  { "services", "seq unit_name project_name cat1_code cat1_name cat2_code cat2_name cat3_code cat3_name content quantity" },
  { "assets", "seq label quantity value planned_quantity planned_amount" },
  { "performance", "" },
};

static const char *const measures[] = {
  "none", "total", "basic", "project", "personnel", "public", "income", NULL
};

static guint
header_span (gpointer p, guint *rows)
{
  YsLayoutCell *cell = p;
  *rows = cell->rows;
  return cell->span;
}

static GPtrArray *
header_cells (gpointer p)
{
  YsLayoutHeaderRow *row = p;
  return row->numbers ? NULL : row->cells;
}

static void
header_cell_free (YsLayoutCell *c)
{
  g_free (c->text);
  g_free (c);
}

static void
header_row_free (YsLayoutHeaderRow *row)
{
  g_clear_pointer (&row->cells, g_ptr_array_unref);
  g_free (row->numbers_label);
  g_free (row);
}

static gboolean
parse_header (Ctx *ctx, JsonArray *array, YsLayoutTable *t)
{
  gsize at = ys_layout_push (ctx, "header", -1);

  t->header = g_ptr_array_new_with_free_func ((GDestroyNotify) header_row_free);
  for (guint r = 0; r < json_array_get_length (array); r++)
    {
      JsonNode *node = json_array_get_element (array, r);
      YsLayoutHeaderRow *row = g_new0 (YsLayoutHeaderRow, 1);
      gsize at_row = ys_layout_push (ctx, NULL, r);

      g_ptr_array_add (t->header, row);
      if (JSON_NODE_HOLDS_OBJECT (node))
        {
          JsonObject *obj = json_node_get_object (node);
          if (!ys_layout_check_keys (ctx, obj, "numbers"))
            return FALSE;
          row->numbers = TRUE;
          row->numbers_label = ys_layout_get_string (ctx, obj, "numbers", TRUE);
          if (row->numbers_label == NULL)
            return FALSE;
          ys_layout_pop (ctx, at_row);
          continue;
        }
      if (!JSON_NODE_HOLDS_ARRAY (node))
        return ys_layout_fail (ctx, _("a header row is a list of cells or {\"numbers\": LABEL}"));
      row->cells = g_ptr_array_new_with_free_func ((GDestroyNotify) header_cell_free);
      for (guint i = 0; i < json_array_get_length (json_node_get_array (node)); i++)
        {
          JsonNode *cn = json_array_get_element (json_node_get_array (node), i);
          YsLayoutCell *cell = g_new0 (YsLayoutCell, 1);
          gsize at_cell = ys_layout_push (ctx, NULL, i);

          g_ptr_array_add (row->cells, cell);
          cell->span = cell->rows = 1;
          if (JSON_NODE_HOLDS_VALUE (cn) && json_node_get_value_type (cn) == G_TYPE_STRING)
            cell->text = g_strdup (json_node_get_string (cn));
          else if (JSON_NODE_HOLDS_OBJECT (cn))
            {
              JsonObject *co = json_node_get_object (cn);
              if (!ys_layout_check_keys (ctx, co, "text span rows"))
                return FALSE;
              cell->text = ys_layout_get_string (ctx, co, "text", FALSE);
              cell->span = (guint) ys_layout_get_number (ctx, co, "span", 1, 1, 100);
              cell->rows = (guint) ys_layout_get_number (ctx, co, "rows", 1, 1, 20);
            }
          else
            return ys_layout_fail (ctx, _("a cell is a string or {\"text\", \"span\", \"rows\"}"));
          ys_layout_pop (ctx, at_cell);
        }
      ys_layout_pop (ctx, at_row);
    }
  if (*ctx->error == NULL)
    ys_layout_check_grid (ctx, t->header, t->columns->len, header_span, header_cells);
  ys_layout_pop (ctx, at);
  return *ctx->error == NULL;
}

/* ---- columns and rows ---- */

static gboolean
builder_shows (const char *builder, const char *show)
{
  for (guint i = 0; i < G_N_ELEMENTS (builders); i++)
    if (strcmp (builders[i].builder, builder) == 0)
      {
        g_auto(GStrv) shows = g_strsplit (builders[i].shows, " ", -1);
        return g_strv_contains ((const char *const *) shows, show);
      }
  return FALSE;
}

static void
column_free (YsLayoutColumn *c)
{
  g_free (c->show);
  ys_layout_filter_clear (&c->filter);
  g_free (c);
}

static gboolean
parse_column (Ctx *ctx, JsonNode *node, const char *builder, YsLayoutColumn *c)
{
  JsonObject *obj;
  g_autofree char *measure = NULL;

  c->filter.carry_over = -1;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    c->show = g_strdup (json_node_get_string (node));
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      obj = json_node_get_object (node);
      if (!ys_layout_check_keys (ctx, obj, "show measure filter width show_zero side"))
        return FALSE;
      c->show = ys_layout_get_string (ctx, obj, "show", FALSE);
      measure = ys_layout_get_string (ctx, obj, "measure", FALSE);
      c->width = ys_layout_get_number (ctx, obj, "width", 0, 0, 200);
      c->show_zero = ys_layout_get_bool (ctx, obj, "show_zero", FALSE);
      if (!ys_layout_parse_filter (ctx, json_object_get_member (obj, "filter"), &c->filter))
        return FALSE;
      if (json_object_has_member (obj, "side"))
        {
          g_autofree char *side = ys_layout_get_string (ctx, obj, "side", FALSE);
          if (g_strcmp0 (side, "left") != 0 && g_strcmp0 (side, "right") != 0)
            return ys_layout_fail (ctx, _("“side” must be left or right"));
          c->left = g_str_equal (side, "left");
        }
    }
  else
    return ys_layout_fail (ctx, _("a column is a string or an object"));

  if (measure)
    {
      guint m;
      for (m = 0; measures[m] && strcmp (measures[m], measure) != 0; m++)
        ;
      if (measures[m] == NULL)
        return ys_layout_fail (ctx, _("unknown measure “%s” (one of: none total basic project personnel public income)"),
                     measure);
      c->measure = (YsMeasure) m;
      if (c->show == NULL)
        c->show = g_strdup ("money");
    }
  if (c->show == NULL)
    return ys_layout_fail (ctx, _("a column needs “show” or “measure”"));
  if (g_str_equal (c->show, "money"))
    {
      if (measure == NULL)
        return ys_layout_fail (ctx, _("a money column needs a “measure”"));
    }
  else if (!builder_shows (builder, c->show))
    return ys_layout_fail (ctx, _("a “%s” table cannot show “%s”"), builder, c->show);
  if (g_str_equal (c->show, "left_label") || g_str_equal (c->show, "left_amount"))
    c->left = TRUE;
  return *ctx->error == NULL;
}

static void
row_free (YsLayoutRow *row)
{
  if (row == NULL)
    return;
  g_free (row->label);
  g_free (row->code);
  g_strfreev (row->econ);
  g_free (row->category);
  g_free (row->name);
  g_free (row->classes);
  ys_layout_filter_clear (&row->filter);
  g_free (row);
}

static YsLayoutRow *
parse_row (Ctx *ctx, JsonNode *node)
{
  YsLayoutRow *row = g_new0 (YsLayoutRow, 1);
  JsonObject *obj;

  row->filter.carry_over = -1;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      row->blank = TRUE;
      return row;
    }
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      row->label = g_strdup (json_node_get_string (node));
      row->blank = TRUE;
      return row;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      ys_layout_fail (ctx, _("a row is a string (a label without figures) or an object"));
      row_free (row);
      return NULL;
    }
  obj = json_node_get_object (node);
  if (!ys_layout_check_keys (ctx, obj, "label code econ category name classes filter blank total"))
    {
      row_free (row);
      return NULL;
    }
  row->label = ys_layout_get_string (ctx, obj, "label", FALSE);
  row->code = ys_layout_get_string (ctx, obj, "code", FALSE);
  row->econ = ys_layout_get_strv (ctx, obj, "econ");
  row->category = ys_layout_get_string (ctx, obj, "category", FALSE);
  row->name = ys_layout_get_string (ctx, obj, "name", FALSE);
  row->classes = ys_layout_get_string (ctx, obj, "classes", FALSE);
  row->blank = ys_layout_get_bool (ctx, obj, "blank", FALSE);
  row->total = ys_layout_get_bool (ctx, obj, "total", FALSE);
  ys_layout_parse_filter (ctx, json_object_get_member (obj, "filter"), &row->filter);
  if (row->classes && !g_str_equal (row->classes, "（一）") && !g_str_equal (row->classes, "一、")
      && !g_str_equal (row->classes, ""))
    ys_layout_fail (ctx, _("“classes” numbers the rows “（一）” or “一、” (or \"\" for none), not “%s”"), row->classes);
  if (*ctx->error)
    {
      row_free (row);
      return NULL;
    }
  return row;
}

static GPtrArray *
parse_rows (Ctx *ctx, JsonObject *obj, const char *member, gboolean required)
{
  JsonArray *array = ys_layout_get_array (ctx, obj, member, required);
  GPtrArray *rows;
  gsize at;

  if (array == NULL)
    return NULL;
  at = ys_layout_push (ctx, member, -1);
  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      gsize at_row = ys_layout_push (ctx, NULL, i);
      YsLayoutRow *row = parse_row (ctx, json_array_get_element (array, i));

      if (row == NULL)
        {
          g_ptr_array_unref (rows);
          return NULL;
        }
      g_ptr_array_add (rows, row);
      ys_layout_pop (ctx, at_row);
    }
  ys_layout_pop (ctx, at);
  return rows;
}

static gboolean
parse_footer (Ctx *ctx, JsonArray *array, YsLayoutTable *t)
{
  gsize at = ys_layout_push (ctx, "footer", -1);

  t->footer_left = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  t->footer_right = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *obj;
      YsLayoutRow *left, *right;
      gsize at_row = ys_layout_push (ctx, NULL, i);

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return ys_layout_fail (ctx, _("a footer row is {\"left\": ROW, \"right\": ROW}"));
      obj = json_node_get_object (node);
      if (!ys_layout_check_keys (ctx, obj, "left right"))
        return FALSE;
      ys_layout_push (ctx, "left", -1);
      left = parse_row (ctx, json_object_get_member (obj, "left"));
      ys_layout_pop (ctx, at_row);
      if (left == NULL)
        return FALSE;
      g_ptr_array_add (t->footer_left, left);
      ys_layout_push (ctx, "right", -1);
      right = parse_row (ctx, json_object_get_member (obj, "right"));
      ys_layout_pop (ctx, at_row);
      if (right == NULL)
        return FALSE;
      g_ptr_array_add (t->footer_right, right);
      ys_layout_pop (ctx, at_row);
    }
  ys_layout_pop (ctx, at);
  return TRUE;
}

/* ---- tables ---- */

static void
caption_free (YsLayoutCaption *c)
{
  g_free (c->left);
  g_free (c->center);
  g_free (c->right);
  g_free (c);
}

static GPtrArray *
parse_captions (Ctx *ctx, JsonArray *array)
{
  GPtrArray *captions = g_ptr_array_new_with_free_func ((GDestroyNotify) caption_free);
  gsize at = ys_layout_push (ctx, "captions", -1);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      YsLayoutCaption *c = g_new0 (YsLayoutCaption, 1);
      gsize at_item = ys_layout_push (ctx, NULL, i);

      g_ptr_array_add (captions, c);
      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        c->left = g_strdup (json_node_get_string (node));
      else if (JSON_NODE_HOLDS_OBJECT (node) && ys_layout_check_keys (ctx, json_node_get_object (node), "left center right"))
        {
          c->left = ys_layout_get_string (ctx, json_node_get_object (node), "left", FALSE);
          c->center = ys_layout_get_string (ctx, json_node_get_object (node), "center", FALSE);
          c->right = ys_layout_get_string (ctx, json_node_get_object (node), "right", FALSE);
        }
      else
        ys_layout_fail (ctx, _("a caption is a string or {\"left\", \"center\", \"right\"}"));
      ys_layout_pop (ctx, at_item);
    }
  ys_layout_pop (ctx, at);
  return captions;
}

static void
table_free (YsLayoutTable *t)
{
  g_free (t->id);
  g_free (t->builder);
  g_free (t->sheet);
  g_free (t->title);
  g_free (t->subtitle);
  g_clear_pointer (&t->captions, g_ptr_array_unref);
  g_free (t->money_format);
  ys_layout_filter_clear (&t->filter);
  g_strfreev (t->unit_types);
  g_clear_pointer (&t->header, g_ptr_array_unref);
  g_clear_pointer (&t->columns, g_ptr_array_unref);
  g_clear_pointer (&t->rows, g_ptr_array_unref);
  g_clear_pointer (&t->left, g_ptr_array_unref);
  g_clear_pointer (&t->right, g_ptr_array_unref);
  g_clear_pointer (&t->footer_left, g_ptr_array_unref);
  g_clear_pointer (&t->footer_right, g_ptr_array_unref);
  g_free (t->total_label);
  g_free (t->subtotal_label);
  g_free (t->empty_note);
  g_strfreev (t->notes);
  g_clear_pointer (&t->form, g_ptr_array_unref);
  g_free (t->form_widths);
  g_free (t);
}

typedef struct {
  YsMoneyUnit  unit;
  const char  *money_format;
  JsonArray   *captions;
} Defaults;

static const char *const table_keys =
  "id builder sheet title subtitle captions money_unit money_format orientation filter unit_types "
  "header columns rows left right footer total total_last total_when_empty subtotal empty_rows "
  "empty_note notes indent gov_economic all_codes form form_widths from_year until_year";

static YsLayoutTable *
parse_table (Ctx *ctx, JsonNode *node, const Defaults *defaults)
{
  YsLayoutTable *t = g_new0 (YsLayoutTable, 1);
  g_autofree char *unit = NULL, *orientation = NULL;
  JsonObject *obj;
  JsonArray *array;
  gboolean known = FALSE;

  t->filter.carry_over = -1;
  t->orientation = -1;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      ys_layout_fail (ctx, _("a table must be an object"));
      table_free (t);
      return NULL;
    }
  obj = json_node_get_object (node);
  if (!ys_layout_check_keys (ctx, obj, table_keys))
    goto failed;

  t->id = ys_layout_get_string (ctx, obj, "id", TRUE);
  t->builder = ys_layout_get_string (ctx, obj, "builder", TRUE);
  if (t->id == NULL || t->builder == NULL)
    goto failed;
  /* From here on messages name the table by its id as well as its index. */
  g_string_append_printf (ctx->where, " (%s)", t->id);
  for (guint i = 0; i < G_N_ELEMENTS (builders); i++)
    known |= g_str_equal (builders[i].builder, t->builder);
  if (!known)
    {
      GString *all = g_string_new (NULL);
      for (guint i = 0; i < G_N_ELEMENTS (builders); i++)
        g_string_append_printf (all, "%s%s", i ? " " : "", builders[i].builder);
      ys_layout_fail (ctx, _("unknown builder “%s” (one of: %s)"), t->builder, all->str);
      g_string_free (all, TRUE);
      goto failed;
    }

  t->sheet = ys_layout_get_string (ctx, obj, "sheet", TRUE);
  t->title = ys_layout_get_string (ctx, obj, "title", TRUE);
  t->subtitle = ys_layout_get_string (ctx, obj, "subtitle", FALSE);
  unit = ys_layout_get_string (ctx, obj, "money_unit", FALSE);
  t->unit = defaults->unit;
  if (unit && !ys_layout_parse_unit (ctx, unit, &t->unit))
    goto failed;
  t->money_format = ys_layout_get_string (ctx, obj, "money_format", FALSE);
  if (t->money_format == NULL)
    t->money_format = g_strdup (defaults->money_format);
  orientation = ys_layout_get_string (ctx, obj, "orientation", FALSE);
  if (orientation)
    {
      if (g_str_equal (orientation, "landscape"))
        t->orientation = 1;
      else if (g_str_equal (orientation, "portrait"))
        t->orientation = 0;
      else if (!g_str_equal (orientation, "auto"))
        {
          ys_layout_fail (ctx, _("“orientation” must be landscape, portrait or auto"));
          goto failed;
        }
    }
  array = ys_layout_get_array (ctx, obj, "captions", FALSE);
  if (array == NULL)
    array = defaults->captions;
  t->captions = array ? parse_captions (ctx, array) : g_ptr_array_new ();
  if (!ys_layout_parse_filter (ctx, json_object_get_member (obj, "filter"), &t->filter))
    goto failed;
  t->unit_types = ys_layout_get_strv (ctx, obj, "unit_types");
  t->total_label = ys_layout_get_string (ctx, obj, "total", FALSE);
  t->total_last = ys_layout_get_bool (ctx, obj, "total_last", FALSE);
  t->total_when_empty = ys_layout_get_bool (ctx, obj, "total_when_empty", FALSE);
  t->subtotal_label = ys_layout_get_string (ctx, obj, "subtotal", FALSE);
  t->empty_rows = (guint) ys_layout_get_number (ctx, obj, "empty_rows", 0, 0, 20);
  t->empty_note = ys_layout_get_string (ctx, obj, "empty_note", FALSE);
  t->notes = ys_layout_get_strv (ctx, obj, "notes");
  t->indent = ys_layout_get_bool (ctx, obj, "indent", FALSE);
  t->gov_economic = ys_layout_get_bool (ctx, obj, "gov_economic", FALSE);
  t->all_codes = ys_layout_get_bool (ctx, obj, "all_codes", FALSE);
  t->from_year = (int) ys_layout_get_number (ctx, obj, "from_year", 0, 1990, 2100);
  t->until_year = (int) ys_layout_get_number (ctx, obj, "until_year", 0, 1990, 2100);
  if (*ctx->error == NULL && t->from_year && t->until_year && t->from_year > t->until_year)
    ys_layout_fail (ctx, _("“from_year” %d is after “until_year” %d"), t->from_year, t->until_year);
  if (*ctx->error)
    goto failed;

  if (g_str_equal (t->builder, "performance"))
    {
      if (!ys_layout_parse_form (ctx, obj, t))
        goto failed;
      return t;
    }

  array = ys_layout_get_array (ctx, obj, "columns", TRUE);
  if (array == NULL)
    goto failed;
  t->columns = g_ptr_array_new_with_free_func ((GDestroyNotify) column_free);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      YsLayoutColumn *c = g_new0 (YsLayoutColumn, 1);
      gsize at = ys_layout_push (ctx, "columns", i);

      g_ptr_array_add (t->columns, c);
      if (!parse_column (ctx, json_array_get_element (array, i), t->builder, c))
        goto failed;
      ys_layout_pop (ctx, at);
    }
  if (t->columns->len == 0)
    {
      ys_layout_fail (ctx, _("“columns” must not be empty"));
      goto failed;
    }

  array = ys_layout_get_array (ctx, obj, "header", TRUE);
  if (array == NULL || !parse_header (ctx, array, t))
    goto failed;

  t->rows = parse_rows (ctx, obj, "rows", g_str_equal (t->builder, "econ_rows") || g_str_equal (t->builder, "assets"));
  if (g_str_equal (t->builder, "balance"))
    {
      t->left = parse_rows (ctx, obj, "left", TRUE);
      t->right = parse_rows (ctx, obj, "right", TRUE);
      array = ys_layout_get_array (ctx, obj, "footer", FALSE);
      if (array && !parse_footer (ctx, array, t))
        goto failed;
    }
  if (*ctx->error)
    goto failed;
  return t;

failed:
  table_free (t);
  return NULL;
}

gboolean
ys_layout_table_applies (const YsLayoutTable *t, int year)
{
  return (t->from_year == 0 || year >= t->from_year) && (t->until_year == 0 || year <= t->until_year);
}

static gboolean
years_overlap (const YsLayoutTable *a, const YsLayoutTable *b)
{
  int a_from = a->from_year ? a->from_year : G_MININT, a_until = a->until_year ? a->until_year : G_MAXINT;
  int b_from = b->from_year ? b->from_year : G_MININT, b_until = b->until_year ? b->until_year : G_MAXINT;

  return a_from <= b_until && b_from <= a_until;
}

static void
class_free (YsLayoutClass *c)
{
  g_free (c->code);
  g_free (c->label);
  g_free (c);
}

void
ys_layout_free (YsLayout *layout)
{
  if (layout == NULL)
    return;
  g_free (layout->id);
  g_free (layout->name);
  g_free (layout->path);
  g_clear_pointer (&layout->classes, g_ptr_array_unref);
  g_clear_pointer (&layout->tables, g_ptr_array_unref);
  g_free (layout);
}

static gboolean
parse_classes (Ctx *ctx, JsonArray *array, YsLayout *layout)
{
  gsize at = ys_layout_push (ctx, "function_classes", -1);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      YsLayoutClass *c = g_new0 (YsLayoutClass, 1);
      gsize at_item = ys_layout_push (ctx, NULL, i);

      g_ptr_array_add (layout->classes, c);
      if (!JSON_NODE_HOLDS_OBJECT (node) || !ys_layout_check_keys (ctx, json_node_get_object (node), "code label"))
        return ys_layout_fail (ctx, _("a class is {\"code\": \"201\", \"label\": \"一般公共服务支出\"}"));
      c->code = ys_layout_get_string (ctx, json_node_get_object (node), "code", TRUE);
      c->label = ys_layout_get_string (ctx, json_node_get_object (node), "label", TRUE);
      if (c->code == NULL || c->label == NULL)
        return FALSE;
      ys_layout_pop (ctx, at_item);
    }
  ys_layout_pop (ctx, at);
  return TRUE;
}

YsLayout *
ys_layout_load_data (const char *data, gssize length, const char *origin, GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local = NULL;
  g_autoptr(YsLayout) layout = NULL;
  g_autofree char *unit = NULL;
  Ctx ctx = { origin, NULL, error };
  JsonObject *root;
  JsonArray *array;
  Defaults defaults = { YS_MONEY_WAN, "#,##0.00", NULL };
  g_autofree char *money_format = NULL;
  g_autoptr(GString) where = g_string_new (NULL);

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  ctx.where = where;
  if (!json_parser_load_from_data (parser, data, length, &local))
    {
      g_set_error (error, YS_LAYOUT_ERROR, YS_LAYOUT_ERROR_SYNTAX,
                   "%s: %s", origin, local->message);
      return NULL;
    }
  /* Without an error pointer the helpers still need somewhere to record one. */
  if (error == NULL)
    ctx.error = &local;

  if (json_parser_get_root (parser) == NULL || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      ys_layout_fail (&ctx, _("the file must hold one JSON object"));
      return NULL;
    }
  root = json_node_get_object (json_parser_get_root (parser));
  if (!ys_layout_check_keys (&ctx, root, "id name money_unit money_format captions function_classes tables"))
    return NULL;

  layout = g_new0 (YsLayout, 1);
  layout->path = g_strdup (origin);
  layout->classes = g_ptr_array_new_with_free_func ((GDestroyNotify) class_free);
  layout->tables = g_ptr_array_new_with_free_func ((GDestroyNotify) table_free);
  layout->id = ys_layout_get_string (&ctx, root, "id", TRUE);
  layout->name = ys_layout_get_string (&ctx, root, "name", TRUE);
  unit = ys_layout_get_string (&ctx, root, "money_unit", FALSE);
  if (unit)
    ys_layout_parse_unit (&ctx, unit, &defaults.unit);
  money_format = ys_layout_get_string (&ctx, root, "money_format", FALSE);
  if (money_format)
    defaults.money_format = money_format;
  defaults.captions = ys_layout_get_array (&ctx, root, "captions", FALSE);
  array = ys_layout_get_array (&ctx, root, "function_classes", FALSE);
  if (array)
    parse_classes (&ctx, array, layout);
  array = ys_layout_get_array (&ctx, root, "tables", TRUE);
  if (*ctx.error)
    return NULL;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      gsize at = ys_layout_push (&ctx, "tables", i);
      YsLayoutTable *t = parse_table (&ctx, json_array_get_element (array, i), &defaults);

      if (t == NULL)
        return NULL;
      /* One id may have several tables for different budget years (the form of each year). */
      for (guint j = 0; j < layout->tables->len; j++)
        if (g_str_equal (((YsLayoutTable *) g_ptr_array_index (layout->tables, j))->id, t->id)
            && years_overlap (g_ptr_array_index (layout->tables, j), t))
          {
            ys_layout_fail (&ctx, _("another table already has the id “%s”"), t->id);
            table_free (t);
            return NULL;
          }
      g_ptr_array_add (layout->tables, t);
      ys_layout_pop (&ctx, at);
    }
  if (layout->tables->len == 0)
    {
      ys_layout_fail (&ctx, _("“tables” must not be empty"));
      return NULL;
    }
  return g_steal_pointer (&layout);
}

YsLayout *
ys_layout_load_file (const char *path, GError **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;
  g_autoptr(GError) local = NULL;

  if (!g_file_get_contents (path, &data, &length, &local))
    {
      g_set_error (error, YS_LAYOUT_ERROR, YS_LAYOUT_ERROR_NOT_FOUND,
                   _("Cannot read the layout file: %s"), local->message);
      return NULL;
    }
  return ys_layout_load_data (data, (gssize) length, path, error);
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

/* Whatever layouts/ holds in the resource: bundling a region is one line in
 * the gresource manifest, no code. */
const char *const *
ys_layout_bundled_names (void)
{
  static char **names;

  if (g_once_init_enter (&names))
    {
      g_auto(GStrv) files = g_resource_enumerate_children (ys_core_get_resource (), RESOURCE_DIR,
                                                           G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      GPtrArray *list = g_ptr_array_new ();

      for (guint i = 0; files && files[i]; i++)
        if (g_str_has_suffix (files[i], ".json"))
          g_ptr_array_add (list, g_strndup (files[i], strlen (files[i]) - strlen (".json")));
      g_ptr_array_sort (list, compare_names);
      g_ptr_array_add (list, NULL);
      g_once_init_leave (&names, (char **) g_ptr_array_free (list, FALSE));
    }
  return (const char *const *) names;
}

YsLayout *
ys_layout_load_bundled (const char *name, GError **error)
{
  g_autofree char *path = g_strconcat (RESOURCE_DIR, name, ".json", NULL);
  g_autofree char *origin = g_strconcat (name, ".json", NULL);
  g_autoptr(GBytes) bytes = g_resource_lookup_data (ys_core_get_resource (), path,
                                                    G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

  if (bytes == NULL)
    {
      g_autofree char *all = g_strjoinv (", ", (char **) ys_layout_bundled_names ());
      g_set_error (error, YS_LAYOUT_ERROR, YS_LAYOUT_ERROR_NOT_FOUND,
                   _("There is no layout “%s”; the bundled layouts are %s, or give the path of a .json file"),
                   name, all);
      return NULL;
    }
  return ys_layout_load_data (g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes), origin, error);
}

YsLayout *
ys_layout_load (const char *name_or_path, GError **error)
{
  g_return_val_if_fail (name_or_path != NULL, NULL);

  if (strchr (name_or_path, '/') || g_str_has_suffix (name_or_path, ".json"))
    return ys_layout_load_file (name_or_path, error);
  return ys_layout_load_bundled (name_or_path, error);
}
