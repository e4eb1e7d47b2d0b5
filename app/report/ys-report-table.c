#include "config.h"

#include "ys-report-table.h"

static void
row_free (YsReportRow *row)
{
  for (guint i = 0; i < row->n_cells; i++)
    g_free (row->cells[i].text);
  g_free (row->cells);
  g_free (row->key);
  g_free (row);
}

static void
caption_free (YsCaption *c)
{
  g_free (c->left);
  g_free (c->center);
  g_free (c->right);
  g_free (c);
}

YsReportTable *
ys_report_table_new (guint n_cols)
{
  YsReportTable *t = g_new0 (YsReportTable, 1);

  t->n_cols = n_cols;
  t->unit = YS_MONEY_WAN;
  t->orientation = -1;
  t->money_format = g_strdup ("#,##0.00");
  t->widths = g_new0 (double, n_cols);
  t->numeric = g_new0 (gboolean, n_cols);
  t->col_keys = g_new0 (char *, n_cols + 1);
  t->captions = g_ptr_array_new_with_free_func ((GDestroyNotify) caption_free);
  t->header = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  t->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  t->header_merges = g_array_new (FALSE, FALSE, sizeof (YsMerge));
  t->body_merges = g_array_new (FALSE, FALSE, sizeof (YsMerge));
  t->notes = g_ptr_array_new_with_free_func (g_free);
  return t;
}

void
ys_report_table_free (YsReportTable *t)
{
  if (t == NULL)
    return;
  g_free (t->id);
  g_free (t->name);
  g_free (t->sheet);
  g_free (t->title);
  g_free (t->subtitle);
  g_free (t->money_format);
  g_free (t->widths);
  g_free (t->numeric);
  g_strfreev (t->col_keys);
  g_ptr_array_unref (t->captions);
  g_ptr_array_unref (t->header);
  g_ptr_array_unref (t->rows);
  g_array_unref (t->header_merges);
  g_array_unref (t->body_merges);
  g_ptr_array_unref (t->notes);
  g_free (t);
}

static YsReportRow *
row_new (guint n_cols, const char *key)
{
  YsReportRow *row = g_new0 (YsReportRow, 1);

  row->key = g_strdup (key ? key : "");
  row->cells = g_new0 (YsReportCell, n_cols);
  row->n_cells = n_cols;
  return row;
}

YsReportRow *
ys_report_table_add_header (YsReportTable *t)
{
  YsReportRow *row = row_new (t->n_cols, NULL);

  g_ptr_array_add (t->header, row);
  return row;
}

YsReportRow *
ys_report_table_add_row (YsReportTable *t, const char *key)
{
  YsReportRow *row = row_new (t->n_cols, key);

  g_ptr_array_add (t->rows, row);
  return row;
}

void
ys_report_table_merge (YsReportTable *t, gboolean header,
                       guint first_row, guint first_col, guint last_row, guint last_col)
{
  YsMerge m = { first_row, first_col, last_row, last_col };

  g_return_if_fail (last_col < t->n_cols && first_col <= last_col && first_row <= last_row);
  /* A one-cell "merge" is not a merge; Excel rejects it as a repair. */
  if (first_row == last_row && first_col == last_col)
    return;
  g_array_append_val (header ? t->header_merges : t->body_merges, m);
}

void
ys_report_table_add_caption (YsReportTable *t, const char *left, const char *center, const char *right)
{
  YsCaption *c = g_new0 (YsCaption, 1);

  c->left = g_strdup (left);
  c->center = g_strdup (center);
  c->right = g_strdup (right);
  g_ptr_array_add (t->captions, c);
}

static YsReportCell *
cell_at (YsReportRow *row, guint col)
{
  g_return_val_if_fail (col < row->n_cells, NULL);
  g_clear_pointer (&row->cells[col].text, g_free);
  return &row->cells[col];
}

void
ys_report_row_set_text (YsReportRow *row, guint col, const char *text, guint flags)
{
  YsReportCell *c = cell_at (row, col);

  if (c == NULL)
    return;
  c->type = text && *text ? YS_REPORT_CELL_TEXT : YS_REPORT_CELL_EMPTY;
  c->text = g_strdup (text);
  c->flags = flags;
}

void
ys_report_row_set_money (YsReportRow *row, guint col, YsMoney fen, guint flags)
{
  YsReportCell *c = cell_at (row, col);

  if (c == NULL)
    return;
  c->type = YS_REPORT_CELL_MONEY;
  c->value = fen;
  c->flags = flags;
}

void
ys_report_row_set_number (YsReportRow *row, guint col, gint64 value, guint flags)
{
  YsReportCell *c = cell_at (row, col);

  if (c == NULL)
    return;
  c->type = YS_REPORT_CELL_NUMBER;
  c->value = value;
  c->flags = flags;
}

gboolean
ys_report_table_has_figures (YsReportTable *t)
{
  for (guint r = 0; r < t->rows->len; r++)
    {
      YsReportRow *row = g_ptr_array_index (t->rows, r);
      for (guint c = 0; c < row->n_cells; c++)
        if ((row->cells[c].type == YS_REPORT_CELL_MONEY || row->cells[c].type == YS_REPORT_CELL_NUMBER)
            && row->cells[c].value != 0)
          return TRUE;
    }
  return FALSE;
}

const char *
ys_report_table_column_header (YsReportTable *t, guint col)
{
  for (guint r = t->header->len; r-- > 0;)
    {
      YsReportRow *row = g_ptr_array_index (t->header, r);
      const char *text = row->cells[col].text;

      if (text && *text)
        return text;
      /* An empty cell under a merged one: the merge's text is the header. */
      for (guint m = 0; m < t->header_merges->len; m++)
        {
          YsMerge *mg = &g_array_index (t->header_merges, YsMerge, m);
          if (mg->first_row <= r && r <= mg->last_row && mg->first_col <= col && col <= mg->last_col)
            {
              YsReportRow *top = g_ptr_array_index (t->header, mg->first_row);
              const char *merged = top->cells[mg->first_col].text;
              if (merged && *merged)
                return merged;
            }
        }
    }
  return "";
}

guint *
ys_report_merge_map (GArray *merges, guint n_rows, guint n_cols)
{
  guint *map = g_new0 (guint, (gsize) MAX (n_rows, 1) * MAX (n_cols, 1));

  for (guint m = 0; m < merges->len; m++)
    {
      YsMerge *mg = &g_array_index (merges, YsMerge, m);
      for (guint r = mg->first_row; r <= mg->last_row && r < n_rows; r++)
        for (guint c = mg->first_col; c <= mg->last_col && c < n_cols; c++)
          map[r * n_cols + c] = m + 1;
    }
  return map;
}

double
ys_report_money_value (YsMoney fen, YsMoneyUnit unit)
{
  if (unit == YS_MONEY_WAN)
    {
      /* Round the integer first, half up on the magnitude as ys_money_format
       * does, so the cell holds exactly the printed figure. */
      guint64 magnitude = fen < 0 ? (guint64) 0 - (guint64) fen : (guint64) fen;
      guint64 wan_cents = (magnitude + 5000) / 10000;
      double v = (double) wan_cents / 100.0;
      return fen < 0 ? -v : v;
    }
  return (double) fen / 100.0;
}

static const char *
unit_name (YsMoneyUnit unit)
{
  return unit == YS_MONEY_WAN ? "万元" : "元";
}

static void
cell_to_json (const YsReportCell *c, JsonBuilder *b)
{
  switch (c->type)
    {
    case YS_REPORT_CELL_TEXT:
      json_builder_add_string_value (b, c->text);
      break;
    case YS_REPORT_CELL_MONEY:
    case YS_REPORT_CELL_NUMBER:
      if (c->value == 0 && !(c->flags & YS_CELL_SHOW_ZERO))
        json_builder_add_null_value (b);
      else
        json_builder_add_int_value (b, c->value);
      break;
    case YS_REPORT_CELL_EMPTY:
    default:
      json_builder_add_null_value (b);
      break;
    }
}

static void
rows_to_json (GPtrArray *rows, JsonBuilder *b, gboolean with_keys)
{
  json_builder_begin_array (b);
  for (guint r = 0; r < rows->len; r++)
    {
      YsReportRow *row = g_ptr_array_index (rows, r);

      if (with_keys)
        {
          json_builder_begin_object (b);
          g_autofree char *key = g_strdup (row->key ? row->key : "");

          /* Keys join their parts with a control character inside the
           * report; JSON readers reject it raw, so it is shown as “/”. */
          for (char *p = key; *p; p++)
            if ((guchar) *p < 0x20)
              *p = '/';
          json_builder_set_member_name (b, "key");
          json_builder_add_string_value (b, key);
          if (row->total)
            {
              json_builder_set_member_name (b, "total");
              json_builder_add_boolean_value (b, TRUE);
            }
          json_builder_set_member_name (b, "cells");
        }
      json_builder_begin_array (b);
      for (guint c = 0; c < row->n_cells; c++)
        cell_to_json (&row->cells[c], b);
      json_builder_end_array (b);
      if (with_keys)
        json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

void
ys_report_table_to_json (YsReportTable *t, JsonBuilder *b)
{
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, t->id);
  json_builder_set_member_name (b, "name");
  json_builder_add_string_value (b, t->name);
  json_builder_set_member_name (b, "title");
  json_builder_add_string_value (b, t->title);
  json_builder_set_member_name (b, "money_unit");
  json_builder_add_string_value (b, unit_name (t->unit));
  json_builder_set_member_name (b, "empty");
  json_builder_add_boolean_value (b, t->empty);

  json_builder_set_member_name (b, "columns");
  json_builder_begin_array (b);
  for (guint c = 0; c < t->n_cols; c++)
    {
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "key");
      json_builder_add_string_value (b, t->col_keys[c] ? t->col_keys[c] : "");
      json_builder_set_member_name (b, "header");
      json_builder_add_string_value (b, ys_report_table_column_header (t, c));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "header");
  rows_to_json (t->header, b, FALSE);
  json_builder_set_member_name (b, "rows");
  rows_to_json (t->rows, b, TRUE);

  json_builder_set_member_name (b, "notes");
  json_builder_begin_array (b);
  for (guint i = 0; i < t->notes->len; i++)
    json_builder_add_string_value (b, g_ptr_array_index (t->notes, i));
  json_builder_end_array (b);
  json_builder_end_object (b);
}
