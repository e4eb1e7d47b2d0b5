/* A table on the page: 9-point type, columns from the shared allocation,
 * text wrapped inside its cell, rows as tall as their tallest cell, merged
 * cells drawn once over their whole area, thin borders. */
#include "config.h"

#include "ys-pages-private.h"

#define VPAD 2.5   /* above and below the text of a cell */

PangoLayout *
ys_pages_text (PangoContext *context, const char *family, double size, gboolean bold, const char *text,
               double width)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *desc = pango_font_description_from_string (family);

  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (width > 0)
    pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_text (layout, text ? text : "", -1);
  return layout;
}

double
ys_pages_text_height (PangoLayout *layout)
{
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  return (double) h / PANGO_SCALE;
}

static PangoAlignment
alignment (const YsReportCell *c, gboolean header)
{
  if (header || (c->flags & YS_CELL_CENTER))
    return PANGO_ALIGN_CENTER;
  if (c->type == YS_REPORT_CELL_MONEY || c->type == YS_REPORT_CELL_NUMBER)
    return PANGO_ALIGN_RIGHT;
  return PANGO_ALIGN_LEFT;
}

static double
span (const double *sizes, guint first, guint last)
{
  double sum = 0;
  for (guint i = first; i <= last; i++)
    sum += sizes[i];
  return sum;
}

/* Lays out each cell that starts a cell (a plain one or a merge's first)
 * and sets the row heights; a merge over several rows makes its last row
 * taller when its text needs it. */
static void
lay_out_grid (PangoContext *context, YsTableLayout *tl, GPtrArray *rows, GArray *merges, const guint *map,
              gboolean header, PangoLayout **texts, double *heights)
{
  YsReportTable *t = tl->table;
  guint n = t->n_cols;

  for (guint r = 0; r < rows->len; r++)
    heights[r] = YS_TABLE_PT * 1.45 + 2 * VPAD;
  for (int pass = 0; pass < 2; pass++)
    for (guint r = 0; r < rows->len; r++)
      {
        YsReportRow *row = g_ptr_array_index (rows, r);
        for (guint c = 0; c < n; c++)
          {
            guint m = map[r * n + c];
            YsMerge *mg = m ? &g_array_index (merges, YsMerge, m - 1) : NULL;
            guint last_row = mg ? mg->last_row : r, last_col = mg ? mg->last_col : c;
            const YsReportCell *cell = &row->cells[c];
            double need, have;

            if (mg && (mg->first_row != r || mg->first_col != c))
              continue;
            /* Single-row cells first, so that a merge knows the rows it spans. */
            if ((pass == 0) != (last_row == r))
              continue;
            if (texts[r * n + c] == NULL)
              {
                g_autofree char *text = ys_publish_cell_text (t, cell);
                double indent = header ? 0 : cell->indent * YS_TABLE_PT;
                PangoLayout *layout = ys_pages_text (context, SERIF, YS_TABLE_PT,
                                                     header || row->total || (cell->flags & YS_CELL_BOLD), text,
                                                     span (tl->widths, c, last_col) - 2 * YS_CELL_PAD - indent);
                pango_layout_set_alignment (layout, alignment (cell, header));
                texts[r * n + c] = layout;
              }
            need = ys_pages_text_height (texts[r * n + c]) + 2 * VPAD;
            have = span (heights, r, last_row);
            if (need > have)
              heights[last_row] += need - have;
          }
      }
}

YsTableLayout *
ys_table_layout_new (PangoContext *context, YsReportTable *t, double avail)
{
  YsTableLayout *tl = g_new0 (YsTableLayout, 1);
  guint nh = t->header->len, nb = t->rows->len, n = t->n_cols;

  tl->table = t;
  tl->widths = ys_publish_column_widths (t, avail, YS_TABLE_PT);
  tl->width = span (tl->widths, 0, n - 1);
  tl->head_h = g_new0 (double, MAX (nh, 1));
  tl->body_h = g_new0 (double, MAX (nb, 1));
  tl->head_text = g_new0 (PangoLayout *, MAX (nh, 1) * n);
  tl->body_text = g_new0 (PangoLayout *, MAX (nb, 1) * n);
  tl->head_map = ys_report_merge_map (t->header_merges, nh, n);
  tl->body_map = ys_report_merge_map (t->body_merges, nb, n);
  tl->repeat = !t->form && nh > 0;
  lay_out_grid (context, tl, t->header, t->header_merges, tl->head_map, !t->form, tl->head_text, tl->head_h);
  lay_out_grid (context, tl, t->rows, t->body_merges, tl->body_map, FALSE, tl->body_text, tl->body_h);

  /* Bands: a row and every row a vertical merge joins to it stay on one page. */
  tl->band_end = g_new0 (guint, MAX (nb, 1));
  for (guint r = 0; r < nb; r++)
    tl->band_end[r] = r;
  for (guint m = 0; m < t->body_merges->len; m++)
    {
      YsMerge *mg = &g_array_index (t->body_merges, YsMerge, m);
      for (guint r = mg->first_row; r <= mg->last_row && r < nb; r++)
        tl->band_end[r] = MAX (tl->band_end[r], MIN (mg->last_row, nb - 1));
    }
  for (guint r = nb; r-- > 1;)
    if (tl->band_end[r - 1] >= r)
      tl->band_end[r - 1] = MAX (tl->band_end[r - 1], tl->band_end[r]);
  return tl;
}

void
ys_table_layout_free (YsTableLayout *tl)
{
  guint n = tl->table->n_cols;

  for (guint i = 0; i < MAX (tl->table->header->len, 1) * n; i++)
    g_clear_object (&tl->head_text[i]);
  for (guint i = 0; i < MAX (tl->table->rows->len, 1) * n; i++)
    g_clear_object (&tl->body_text[i]);
  g_free (tl->head_text);
  g_free (tl->body_text);
  g_free (tl->head_map);
  g_free (tl->body_map);
  g_free (tl->widths);
  g_free (tl->head_h);
  g_free (tl->body_h);
  g_free (tl->band_end);
  g_free (tl);
}

double
ys_table_layout_header_height (YsTableLayout *tl)
{
  return tl->table->header->len ? span (tl->head_h, 0, tl->table->header->len - 1) : 0;
}

void
ys_table_layout_draw (YsTableLayout *tl, cairo_t *cr, gboolean header, guint first, guint last, double x,
                      double y)
{
  YsReportTable *t = tl->table;
  GPtrArray *rows = header ? t->header : t->rows;
  GArray *merges = header ? t->header_merges : t->body_merges;
  const guint *map = header ? tl->head_map : tl->body_map;
  const double *heights = header ? tl->head_h : tl->body_h;
  PangoLayout **texts = header ? tl->head_text : tl->body_text;
  guint n = t->n_cols;
  double top = y;

  cairo_save (cr);
  cairo_set_line_width (cr, 0.5);
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint r = first; r <= last && r < rows->len; r++)
    {
      for (guint c = 0; c < n; c++)
        {
          guint m = map[r * n + c];
          YsMerge *mg = m ? &g_array_index (merges, YsMerge, m - 1) : NULL;
          guint first_row = mg ? mg->first_row : r, first_col = mg ? mg->first_col : c;
          guint last_row = MIN (mg ? mg->last_row : r, last), last_col = mg ? mg->last_col : c;
          PangoLayout *layout = texts[first_row * n + first_col];
          const YsReportCell *cell = &((YsReportRow *) g_ptr_array_index (rows, first_row))->cells[first_col];
          double cx = x + (first_col ? span (tl->widths, 0, first_col - 1) : 0);
          double cw = span (tl->widths, first_col, last_col);
          double ch = span (heights, r, last_row), ty;

          /* A merge is drawn from its first row on this page, once. */
          if (mg && (mg->first_col != c || (mg->first_row != r && r != first)))
            continue;
          cairo_rectangle (cr, cx, top, cw, ch);
          cairo_stroke (cr);
          if (layout == NULL || (mg && mg->first_row != r))
            continue;
          ty = (cell->flags & YS_CELL_LEFT_WRAP) && !header ? top + VPAD
                                                            : top + (ch - ys_pages_text_height (layout)) / 2;
          cairo_move_to (cr, cx + YS_CELL_PAD + (header ? 0 : cell->indent * YS_TABLE_PT), ty);
          pango_cairo_show_layout (cr, layout);
        }
      top += heights[r];
    }
  cairo_restore (cr);
}

/* Calls @fn for each line of @layout with its top and bottom, row-local. */
typedef gboolean (*LineFn) (PangoLayoutIter *iter, double top, double bottom, gpointer data);

static void
each_line (PangoLayout *layout, LineFn fn, gpointer data)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  do
    {
      PangoRectangle logical;
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      if (!fn (iter, VPAD + (double) logical.y / PANGO_SCALE,
               VPAD + (double) (logical.y + logical.height) / PANGO_SCALE, data))
        break;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static gboolean
lower_cut (PangoLayoutIter *iter, double top, double bottom, gpointer data)
{
  double *cut = data;

  if (top < *cut && bottom > *cut)
    *cut = top;
  return top < *cut;
}

double
ys_table_layout_cut (YsTableLayout *tl, guint row, double from, double want)
{
  guint n = tl->table->n_cols;
  double cut = from + want;

  for (guint c = 0; c < n; c++)
    if (tl->body_text[row * n + c] != NULL)
      each_line (tl->body_text[row * n + c], lower_cut, &cut);
  /* A single line taller than the room (never at 9 points) is cut anyway. */
  return cut > from ? cut : from + want;
}

typedef struct {
  cairo_t *cr;
  double   from, to, x, y;
} Slice;

static gboolean
draw_slice_line (PangoLayoutIter *iter, double top, double bottom, gpointer data)
{
  Slice *s = data;
  PangoRectangle logical;

  if (top >= s->to)
    return FALSE;
  if (top < s->from)
    return TRUE;
  pango_layout_iter_get_line_extents (iter, NULL, &logical);
  cairo_move_to (s->cr, s->x + (double) logical.x / PANGO_SCALE,
                 s->y + top - s->from + (double) (pango_layout_iter_get_baseline (iter) - logical.y) / PANGO_SCALE);
  pango_cairo_show_layout_line (s->cr, pango_layout_iter_get_line_readonly (iter));
  return TRUE;
}

void
ys_table_layout_draw_slice (YsTableLayout *tl, cairo_t *cr, guint row, double from, double to, double x, double y)
{
  YsReportTable *t = tl->table;
  guint n = t->n_cols;

  cairo_save (cr);
  cairo_set_line_width (cr, 0.5);
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint c = 0; c < n; c++)
    {
      guint m = tl->body_map[row * n + c];
      YsMerge *mg = m ? &g_array_index (t->body_merges, YsMerge, m - 1) : NULL;
      guint last_col = mg ? mg->last_col : c;
      const YsReportCell *cell = &((YsReportRow *) g_ptr_array_index (t->rows, row))->cells[c];
      double cx = x + (c ? span (tl->widths, 0, c - 1) : 0);
      PangoLayout *layout = tl->body_text[row * n + c];
      Slice s = { cr, from, to, cx + YS_CELL_PAD + cell->indent * YS_TABLE_PT, y };

      if (mg && mg->first_col != c)
        continue;
      cairo_rectangle (cr, cx, y, span (tl->widths, c, last_col), to - from);
      cairo_stroke (cr);
      if (layout != NULL && (mg == NULL || mg->first_row == row))
        each_line (layout, draw_slice_line, &s);
    }
  cairo_restore (cr);
}
