/* The forms of a layout (绩效目标表): a grid of cells with spans, money cells
 * naming a fund of the project, and one indicator block. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ys-layout-private.h"

static void
form_cell_free (YsLayoutFormCell *c)
{
  g_free (c->text);
  g_free (c->money);
  g_free (c);
}

static void
indicators_free (YsLayoutIndicators *ind)
{
  g_free (ind->label);
  g_strfreev (ind->sets);
  g_strfreev (ind->columns);
  g_strfreev (ind->header);
  g_free (ind);
}

void
ys_layout_form_row_free (YsLayoutFormRow *row)
{
  g_clear_pointer (&row->cells, g_ptr_array_unref);
  g_clear_pointer (&row->indicators, indicators_free);
  g_free (row);
}

static const char *const form_funds[] = {
  "period_total", "period_fiscal", "period_nonfiscal", "period_central", "period_provincial",
  "period_local", "period_self", "period_other",
  "annual_total", "annual_fiscal", "annual_nonfiscal", "annual_central", "annual_provincial",
  "annual_local", "annual_self", "annual_other", "lines_total", "lines_carry_over", NULL
};

static const char *const indicator_fields[] = {
  "level2", "name", "description", "value", "basis", "operator", "measure", "weight", NULL
};

static YsLayoutIndicators *
parse_indicators (Ctx *ctx, JsonNode *node, guint n_cols)
{
  YsLayoutIndicators *ind = g_new0 (YsLayoutIndicators, 1);
  JsonObject *obj;
  guint width;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      ys_layout_fail (ctx, _("“indicators” must be an object"));
      indicators_free (ind);
      return NULL;
    }
  obj = json_node_get_object (node);
  if (ys_layout_check_keys (ctx, obj, "label sets columns header min_rows"))
    {
      ind->label = ys_layout_get_string (ctx, obj, "label", FALSE);
      ind->sets = ys_layout_get_strv (ctx, obj, "sets");
      ind->columns = ys_layout_get_strv (ctx, obj, "columns");
      ind->header = ys_layout_get_strv (ctx, obj, "header");
      ind->min_rows = (guint) ys_layout_get_number (ctx, obj, "min_rows", 1, 0, 50);
    }
  if (*ctx->error == NULL && (ind->sets == NULL || ind->columns == NULL || ind->header == NULL))
    ys_layout_fail (ctx, _("“indicators” needs “sets”, “columns” and “header”"));
  for (guint i = 0; *ctx->error == NULL && ind->sets[i]; i++)
    if (!g_str_equal (ind->sets[i], "实施期") && !g_str_equal (ind->sets[i], "年度"))
      ys_layout_fail (ctx, _("indicator set “%s” is not 实施期 or 年度"), ind->sets[i]);
  for (guint i = 0; *ctx->error == NULL && ind->columns[i]; i++)
    if (!g_strv_contains (indicator_fields, ind->columns[i]))
      ys_layout_fail (ctx, _("an indicator column cannot show “%s”"), ind->columns[i]);
  if (*ctx->error == NULL)
    {
      /* label column, 一级指标, then the columns of each set */
      width = (ind->label ? 1 : 0) + 1 + g_strv_length (ind->sets) * g_strv_length (ind->columns);
      if (width != n_cols)
        ys_layout_fail (ctx, _("the indicator block is %u columns wide, the form %u"), width, n_cols);
      else if (g_strv_length (ind->header) + (ind->label ? 1 : 0) != n_cols)
        ys_layout_fail (ctx, _("the indicator header has %u texts, it needs %u"),
              g_strv_length (ind->header), n_cols - (ind->label ? 1 : 0));
    }
  if (*ctx->error)
    {
      indicators_free (ind);
      return NULL;
    }
  return ind;
}

static guint
form_span (gpointer p, guint *rows)
{
  YsLayoutFormCell *cell = p;
  *rows = cell->rows;
  return cell->span;
}

static GPtrArray *
form_cells (gpointer p)
{
  YsLayoutFormRow *row = p;
  return row->cells;
}

gboolean
ys_layout_parse_form (Ctx *ctx, JsonObject *obj, YsLayoutTable *t)
{
  JsonArray *widths = ys_layout_get_array (ctx, obj, "form_widths", TRUE);
  JsonArray *rows = ys_layout_get_array (ctx, obj, "form", TRUE);
  gsize at;

  if (widths == NULL || rows == NULL)
    return FALSE;
  t->form_cols = json_array_get_length (widths);
  if (t->form_cols == 0)
    return ys_layout_fail (ctx, _("“form_widths” must list the width of each column"));
  t->form_widths = g_new0 (double, t->form_cols);
  for (guint i = 0; i < t->form_cols; i++)
    t->form_widths[i] = json_node_get_double (json_array_get_element (widths, i));

  at = ys_layout_push (ctx, "form", -1);
  t->form = g_ptr_array_new_with_free_func ((GDestroyNotify) ys_layout_form_row_free);
  for (guint r = 0; r < json_array_get_length (rows); r++)
    {
      JsonNode *node = json_array_get_element (rows, r);
      YsLayoutFormRow *row = g_new0 (YsLayoutFormRow, 1);
      gsize at_row = ys_layout_push (ctx, NULL, r);

      g_ptr_array_add (t->form, row);
      if (JSON_NODE_HOLDS_OBJECT (node))
        {
          JsonObject *o = json_node_get_object (node);
          if (!ys_layout_check_keys (ctx, o, "indicators"))
            return FALSE;
          if (!json_object_has_member (o, "indicators"))
            return ys_layout_fail (ctx, _("a form row is a list of cells or {\"indicators\": …}"));
          row->indicators = parse_indicators (ctx, json_object_get_member (o, "indicators"), t->form_cols);
          if (row->indicators == NULL)
            return FALSE;
          ys_layout_pop (ctx, at_row);
          continue;
        }
      if (!JSON_NODE_HOLDS_ARRAY (node))
        return ys_layout_fail (ctx, _("a form row is a list of cells or {\"indicators\": …}"));
      row->cells = g_ptr_array_new_with_free_func ((GDestroyNotify) form_cell_free);
      for (guint i = 0; i < json_array_get_length (json_node_get_array (node)); i++)
        {
          JsonNode *cn = json_array_get_element (json_node_get_array (node), i);
          YsLayoutFormCell *cell = g_new0 (YsLayoutFormCell, 1);
          gsize at_cell = ys_layout_push (ctx, NULL, i);

          g_ptr_array_add (row->cells, cell);
          cell->span = cell->rows = 1;
          if (JSON_NODE_HOLDS_VALUE (cn) && json_node_get_value_type (cn) == G_TYPE_STRING)
            cell->text = g_strdup (json_node_get_string (cn));
          else if (JSON_NODE_HOLDS_OBJECT (cn))
            {
              JsonObject *co = json_node_get_object (cn);
              if (!ys_layout_check_keys (ctx, co, "text money span rows bold center show_zero"))
                return FALSE;
              cell->text = ys_layout_get_string (ctx, co, "text", FALSE);
              cell->money = ys_layout_get_string (ctx, co, "money", FALSE);
              cell->span = (guint) ys_layout_get_number (ctx, co, "span", 1, 1, 100);
              cell->rows = (guint) ys_layout_get_number (ctx, co, "rows", 1, 1, 20);
              cell->bold = ys_layout_get_bool (ctx, co, "bold", FALSE);
              cell->center = ys_layout_get_bool (ctx, co, "center", FALSE);
              cell->show_zero = ys_layout_get_bool (ctx, co, "show_zero", FALSE);
              if (cell->money && !g_strv_contains (form_funds, cell->money))
                {
                  g_autofree char *all = g_strjoinv (" ", (char **) form_funds);
                  return ys_layout_fail (ctx, _("unknown fund “%s” (one of: %s)"), cell->money, all);
                }
            }
          else
            return ys_layout_fail (ctx, _("a cell is a string or an object"));
          ys_layout_pop (ctx, at_cell);
        }
      ys_layout_pop (ctx, at_row);
    }
  if (*ctx->error == NULL)
    ys_layout_check_grid (ctx, t->form, t->form_cols, form_span, form_cells);
  ys_layout_pop (ctx, at);
  return *ctx->error == NULL;
}
