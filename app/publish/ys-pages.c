/* Pagination: the cover, the contents (whose page numbers are known once the
 * body is laid out, and whose length does not depend on them), then the
 * blocks in order. Parts start a page; a heading keeps with what follows; a
 * paragraph breaks between lines; a table breaks between bands of rows and
 * repeats its header rows; a wide table with its title, captions and notes
 * gets landscape pages. Metrics are taken without hinting, so the pages
 * measure the same on any surface they are drawn on. */
#include "config.h"

#include <string.h>

#include "ys-pages-private.h"

#define PARA_LINE   1.5    /* line spacing of body text */
#define FOOT_Y      30.0   /* page number's baseline above the bottom edge */

typedef enum { OP_TEXT, OP_BAND, OP_SLICE, OP_CHART, OP_TOC } OpKind;

typedef struct {
  OpKind         kind;
  double         x, y;
  PangoLayout   *layout;        /* TEXT, TOC (the entry's text) */
  int            first, last;   /* TEXT: lines; BAND: rows */
  gboolean       header;        /* BAND */
  YsTableLayout *table;         /* BAND */
  const YsChart *chart;         /* CHART */
  double         w, h;          /* CHART, TOC (w: right edge) */
  double         from, to;      /* SLICE: the part of row @first */
  guint          heading;       /* TOC: which heading */
} Op;

typedef struct {
  gboolean   landscape;
  GPtrArray *ops;
} Page;

struct _YsPages {
  YsPublication *pub;
  PangoContext  *context;
  GPtrArray     *pages;     /* Page */
  GPtrArray     *tables;    /* YsTableLayout */
  GArray        *headings;  /* guint: page of each heading */
  GPtrArray     *toc;       /* PangoLayout per heading, for the contents */
  double         y;         /* where the next thing goes on the last page */
};

static void
page_free (Page *p)
{
  for (guint i = 0; i < p->ops->len; i++)
    {
      Op *op = g_ptr_array_index (p->ops, i);
      g_clear_object (&op->layout);
      g_free (op);
    }
  g_ptr_array_unref (p->ops);
  g_free (p);
}

static Page *
last_page (YsPages *pp)
{
  return g_ptr_array_index (pp->pages, pp->pages->len - 1);
}

static double
page_width (gboolean landscape)
{
  return landscape ? YS_PAGE_LONG : YS_PAGE_SHORT;
}

static double
bottom (YsPages *pp)
{
  return (last_page (pp)->landscape ? YS_PAGE_SHORT : YS_PAGE_LONG) - YS_MARGIN;
}

static void
new_page (YsPages *pp, gboolean landscape)
{
  Page *p = g_new0 (Page, 1);

  p->landscape = landscape;
  p->ops = g_ptr_array_new ();
  g_ptr_array_add (pp->pages, p);
  pp->y = YS_MARGIN;
}

static Op *
add_op (YsPages *pp, OpKind kind, double x, double y)
{
  Op *op = g_new0 (Op, 1);

  op->kind = kind;
  op->x = x;
  op->y = y;
  g_ptr_array_add (last_page (pp)->ops, op);
  return op;
}

/* Line @i's top and height within @layout. */
static void
line_box (PangoLayout *layout, int i, double *top, double *height)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  PangoRectangle logical;

  for (int k = 0; k < i; k++)
    pango_layout_iter_next_line (iter);
  pango_layout_iter_get_line_extents (iter, NULL, &logical);
  *top = (double) logical.y / PANGO_SCALE;
  *height = (double) logical.height / PANGO_SCALE;
  pango_layout_iter_free (iter);
}

/* Places @layout at @x, breaking between lines at the page's foot. */
static void
place_text (YsPages *pp, PangoLayout *layout, double x, double space_after)
{
  int n = pango_layout_get_line_count (layout);
  int first = 0;

  while (first < n)
    {
      double top0, h, top, used = 0;
      int last = first;

      line_box (layout, first, &top0, &h);
      for (int i = first; i < n; i++)
        {
          line_box (layout, i, &top, &h);
          if (pp->y + (top + h - top0) > bottom (pp) && i > first)
            break;
          used = top + h - top0;
          last = i;
        }
      if (pp->y + used > bottom (pp) && pp->y > YS_MARGIN + 0.5)
        {
          new_page (pp, last_page (pp)->landscape);
          continue;
        }
      {
        Op *op = add_op (pp, OP_TEXT, x, pp->y);
        op->layout = g_object_ref (layout);
        op->first = first;
        op->last = last;
      }
      pp->y += used;
      first = last + 1;
      if (first < n)
        new_page (pp, last_page (pp)->landscape);
    }
  pp->y += space_after;
}

static double
text_width (YsPages *pp)
{
  return page_width (last_page (pp)->landscape) - 2 * YS_MARGIN;
}

static void
ensure_room (YsPages *pp, double need)
{
  if (pp->y + need > bottom (pp) && pp->y > YS_MARGIN + 0.5)
    new_page (pp, last_page (pp)->landscape);
}

static void
repeat_header (YsPages *pp, YsTableLayout *tl, double x)
{
  Op *op;

  new_page (pp, last_page (pp)->landscape);
  if (!tl->repeat)
    return;
  op = add_op (pp, OP_BAND, x, pp->y);
  op->table = tl, op->header = TRUE, op->first = 0, op->last = tl->table->header->len - 1;
  pp->y += ys_table_layout_header_height (tl);
}

/* A row taller than a page: in slices that end between lines, the header
 * repeated above each. */
static void
place_sliced_row (YsPages *pp, YsTableLayout *tl, guint r, double x)
{
  double from = 0, height = tl->body_h[r];

  while (from < height - 0.01)
    {
      double room = bottom (pp) - pp->y, to;
      Op *op;

      if (room < 3 * YS_TABLE_PT * 1.5)
        {
          repeat_header (pp, tl, x);
          continue;
        }
      to = height - from <= room ? height : ys_table_layout_cut (tl, r, from, room);
      op = add_op (pp, OP_SLICE, x, pp->y);
      op->table = tl, op->first = r, op->from = from, op->to = to;
      pp->y += to - from;
      from = to;
      if (from < height - 0.01)
        repeat_header (pp, tl, x);
    }
}

static void
place_table (YsPages *pp, YsReportTable *t)
{
  YsTableLayout *tl = ys_table_layout_new (pp->context, t, text_width (pp));
  double head = ys_table_layout_header_height (tl);
  double x = (page_width (last_page (pp)->landscape) - tl->width) / 2;
  guint nb = t->rows->len;

  g_ptr_array_add (pp->tables, tl);
  /* The header with at least the first band, or a new page. */
  ensure_room (pp, head + (nb ? tl->body_h[0] : 0));
  if (t->header->len)
    {
      Op *op = add_op (pp, OP_BAND, x, pp->y);
      op->table = tl, op->header = TRUE, op->first = 0, op->last = t->header->len - 1;
      pp->y += head;
    }
  for (guint r = 0; r < nb;)
    {
      guint end = tl->band_end[r];
      double h = 0;
      Op *op;

      for (guint k = r; k <= end; k++)
        h += tl->body_h[k];
      if (h > bottom (pp) - YS_MARGIN - (tl->repeat ? head : 0))
        {
          /* Taller than any page: row by row, each in slices where needed. */
          for (guint k = r; k <= end; k++)
            place_sliced_row (pp, tl, k, x);
          r = end + 1;
          continue;
        }
      if (pp->y + h > bottom (pp) && pp->y > YS_MARGIN + (tl->repeat ? head : 0) + 0.5)
        repeat_header (pp, tl, x);
      op = add_op (pp, OP_BAND, x, pp->y);
      op->table = tl, op->header = FALSE, op->first = r, op->last = end;
      pp->y += h;
      r = end + 1;
    }
  pp->y += 4;
}

static void
place_chart (YsPages *pp, const YsChart *chart)
{
  double w = MIN (text_width (pp), 460), h = ys_chart_preferred_height (chart, w, YS_TABLE_PT + 1);
  Op *op;

  ensure_room (pp, h);
  op = add_op (pp, OP_CHART, (page_width (last_page (pp)->landscape) - w) / 2, pp->y);
  op->chart = chart, op->w = w, op->h = h;
  pp->y += h + 12;
}

/* A heading with its page; a part starts one. */
static void
place_heading (YsPages *pp, YsBlock *b, gboolean landscape)
{
  gboolean part = b->level == 1;
  g_autoptr(PangoLayout) layout = NULL;
  double size = part ? 16 : 14;

  if (part || landscape != last_page (pp)->landscape)
    new_page (pp, landscape);
  layout = ys_pages_text (pp->context, SANS, size, TRUE, b->text, text_width (pp));
  if (part)
    pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  /* Keeps with at least three lines of what follows. */
  ensure_room (pp, ys_pages_text_height (layout) + size + 3 * YS_TEXT_PT * PARA_LINE);
  pp->y += part ? 6 : size * 0.6;
  {
    guint page = pp->pages->len - 1;
    g_array_append_val (pp->headings, page);
  }
  place_text (pp, layout, YS_MARGIN, part ? size * 1.2 : size * 0.4);
}

static void
place_block (YsPages *pp, YsBlock *b, gboolean landscape)
{
  g_autoptr(PangoLayout) layout = NULL;
  double w;

  if (landscape != last_page (pp)->landscape && b->kind != YS_BLOCK_HEADING)
    new_page (pp, landscape);
  w = text_width (pp);
  switch (b->kind)
    {
    case YS_BLOCK_HEADING:
      place_heading (pp, b, landscape);
      break;
    case YS_BLOCK_PARAGRAPH:
      layout = ys_pages_text (pp->context, SERIF, YS_TEXT_PT, FALSE, b->text, w);
      pango_layout_set_line_spacing (layout, PARA_LINE);
      pango_layout_set_indent (layout, (int) (2 * YS_TEXT_PT * PANGO_SCALE));
      /* Not justified: stretched lines would split figures for text search (1623.35 as 162 3.35). */
      place_text (pp, layout, YS_MARGIN, 4);
      break;
    case YS_BLOCK_CAPTION:
      {
        g_autoptr(PangoLayout) right = ys_pages_text (pp->context, SERIF, 10, FALSE, b->right, w);
        layout = ys_pages_text (pp->context, SERIF, 10, FALSE, b->text, w);
        pango_layout_set_alignment (right, PANGO_ALIGN_RIGHT);
        if (b->text && strstr (b->text, "（") == b->text && b->right == NULL)
          pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
        ensure_room (pp, 60);
        if (b->right)
          {
            Op *op = add_op (pp, OP_TEXT, YS_MARGIN, pp->y);
            op->layout = g_object_ref (right);
            op->first = 0, op->last = pango_layout_get_line_count (right) - 1;
          }
        place_text (pp, layout, YS_MARGIN, 2);
      }
      break;
    case YS_BLOCK_NOTE:
      layout = ys_pages_text (pp->context, SERIF, YS_TABLE_PT, FALSE, b->text, w);
      place_text (pp, layout, YS_MARGIN, 2);
      break;
    case YS_BLOCK_TABLE:
      place_table (pp, b->table);
      break;
    case YS_BLOCK_CHART:
      place_chart (pp, ys_chart_data_get (pp->pub->charts, b->chart));
      break;
    default:
      break;
    }
}

/* The contents: one entry per heading, parts in bold. */
static void
place_contents (YsPages *pp)
{
  g_autoptr(PangoLayout) title = ys_pages_text (pp->context, SANS, 16, TRUE, "目　录", text_width (pp));
  guint h = 0;

  new_page (pp, FALSE);
  pango_layout_set_alignment (title, PANGO_ALIGN_CENTER);
  place_text (pp, title, YS_MARGIN, 18);
  for (guint i = 0; i < pp->pub->blocks->len; i++)
    {
      YsBlock *b = g_ptr_array_index (pp->pub->blocks, i);
      double indent = b->level == 1 ? 0 : 2 * YS_TEXT_PT;
      PangoLayout *layout;
      Op *op;

      if (b->kind != YS_BLOCK_HEADING)
        continue;
      /* Room on the right for the dots and the page number. */
      layout = ys_pages_text (pp->context, b->level == 1 ? SANS : SERIF, b->level == 1 ? 12 : 10.5,
                              b->level == 1, b->text, text_width (pp) - indent - 40);
      ensure_room (pp, ys_pages_text_height (layout));
      op = add_op (pp, OP_TOC, YS_MARGIN + indent, pp->y);
      op->layout = layout;
      op->heading = h++;
      op->w = YS_PAGE_SHORT - YS_MARGIN;
      pp->y += ys_pages_text_height (layout) + (b->level == 1 ? 6 : 2.5);
    }
}

YsPages *
ys_pages_new (YsPublication *pub)
{
  YsPages *pp = g_new0 (YsPages, 1);
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  cairo_font_options_t *options = cairo_font_options_create ();

  pp->pub = pub;
  pp->context = pango_font_map_create_context (map);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (pp->context, options);
  pango_cairo_context_set_resolution (pp->context, 72);
  cairo_font_options_destroy (options);
  pp->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) page_free);
  pp->tables = g_ptr_array_new_with_free_func ((GDestroyNotify) ys_table_layout_free);
  pp->headings = g_array_new (FALSE, FALSE, sizeof (guint));

  if (!pub->bare)
    {
      new_page (pp, FALSE);  /* the cover, drawn by ys_pages_draw */
      place_contents (pp);
    }
  else
    new_page (pp, pub->blocks->len > 0 && ((YsBlock *) g_ptr_array_index (pub->blocks, 0))->landscape);
  for (guint i = 0; i < pub->blocks->len; i++)
    {
      YsBlock *b = g_ptr_array_index (pub->blocks, i);
      place_block (pp, b, b->landscape);
    }
  return pp;
}

void
ys_pages_free (YsPages *pp)
{
  if (pp == NULL)
    return;
  g_ptr_array_unref (pp->pages);
  g_ptr_array_unref (pp->tables);
  g_array_unref (pp->headings);
  g_object_unref (pp->context);
  g_free (pp);
}

guint
ys_pages_count (YsPages *pp)
{
  return pp->pages->len;
}

gboolean
ys_pages_is_landscape (YsPages *pp, guint n)
{
  g_return_val_if_fail (n < pp->pages->len, FALSE);
  return ((Page *) g_ptr_array_index (pp->pages, n))->landscape;
}

guint
ys_pages_heading_page (YsPages *pp, guint i)
{
  g_return_val_if_fail (i < pp->headings->len, 0);
  return g_array_index (pp->headings, guint, i);
}

static void
draw_lines (cairo_t *cr, PangoLayout *layout, int first, int last, double x, double y)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  double top0 = -1;
  int i = 0;

  do
    {
      PangoRectangle logical;
      if (i < first)
        continue;
      if (i > last)
        break;
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      if (top0 < 0)
        top0 = (double) logical.y / PANGO_SCALE;
      cairo_move_to (cr, x + (double) logical.x / PANGO_SCALE,
                     y + (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE - top0);
      pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
    }
  while (++i, pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static void
draw_cover (YsPages *pp, cairo_t *cr)
{
  g_autoptr(PangoLayout) title = ys_pages_text (pp->context, SANS, 26, TRUE, pp->pub->title, YS_PAGE_SHORT - 2 * YS_MARGIN);
  g_autofree char *lines = g_strdup_printf ("%s\n%d年", pp->pub->department, pp->pub->year);
  g_autoptr(PangoLayout) who = ys_pages_text (pp->context, SERIF, 16, FALSE, lines, YS_PAGE_SHORT - 2 * YS_MARGIN);

  pango_layout_set_alignment (title, PANGO_ALIGN_CENTER);
  /* A title too long for a line breaks after the department's name, not inside a word. */
  if (pango_layout_get_line_count (title) > 1 && pp->pub->department
      && g_str_has_prefix (pp->pub->title, pp->pub->department))
    {
      g_autofree char *two = g_strconcat (pp->pub->department, "\n",
                                          pp->pub->title + strlen (pp->pub->department), NULL);
      pango_layout_set_text (title, two, -1);
    }
  pango_layout_set_alignment (who, PANGO_ALIGN_CENTER);
  pango_layout_set_line_spacing (who, 1.8);
  cairo_move_to (cr, YS_MARGIN, 250);
  pango_cairo_show_layout (cr, title);
  cairo_move_to (cr, YS_MARGIN, 250 + ys_pages_text_height (title) + 120);
  pango_cairo_show_layout (cr, who);
}

static void
draw_toc_entry (YsPages *pp, cairo_t *cr, Op *op)
{
  g_autofree char *number = g_strdup_printf ("%u", ys_pages_heading_page (pp, op->heading));
  /* In a PDF the entry links to its page (other surfaces ignore the tag). */
  g_autofree char *link = g_strdup_printf ("page=%u", ys_pages_heading_page (pp, op->heading) + 1);
  g_autoptr(PangoLayout) num = ys_pages_text (pp->context, SERIF, 10.5, FALSE, number, -1);
  PangoLayoutLine *last = pango_layout_get_line_readonly (op->layout, pango_layout_get_line_count (op->layout) - 1);
  PangoRectangle ink, logical;
  double h = ys_pages_text_height (op->layout), nw;

  pango_layout_line_get_extents (last, &ink, &logical);
  cairo_tag_begin (cr, CAIRO_TAG_LINK, link);
  draw_lines (cr, op->layout, 0, G_MAXINT, op->x, op->y);
  cairo_tag_end (cr, CAIRO_TAG_LINK);
  {
    int w, hh;
    pango_layout_get_size (num, &w, &hh);
    nw = (double) w / PANGO_SCALE;
    cairo_move_to (cr, op->w - nw, op->y + h - (double) hh / PANGO_SCALE);
    pango_cairo_show_layout (cr, num);
  }
  /* Dot leaders from the end of the entry's last line to the number. */
  cairo_save (cr);
  cairo_set_line_width (cr, 0.8);
  {
    double dashes[] = { 0.8, 2.6 };
    double from = op->x + (double) (logical.x + logical.width) / PANGO_SCALE + 4, to = op->w - nw - 4;
    cairo_set_dash (cr, dashes, 2, 0);
    if (to > from)
      {
        cairo_move_to (cr, from, op->y + h - 4);
        cairo_line_to (cr, to, op->y + h - 4);
        cairo_stroke (cr);
      }
  }
  cairo_restore (cr);
}

void
ys_pages_draw (YsPages *pp, cairo_t *cr, guint n)
{
  Page *page;

  g_return_if_fail (n < pp->pages->len);
  page = g_ptr_array_index (pp->pages, n);
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  if (n == 0 && !pp->pub->bare)
    draw_cover (pp, cr);
  for (guint i = 0; i < page->ops->len; i++)
    {
      Op *op = g_ptr_array_index (page->ops, i);

      switch (op->kind)
        {
        case OP_TEXT:
          draw_lines (cr, op->layout, op->first, op->last, op->x, op->y);
          break;
        case OP_BAND:
          ys_table_layout_draw (op->table, cr, op->header, op->first, op->last, op->x, op->y);
          break;
        case OP_SLICE:
          ys_table_layout_draw_slice (op->table, cr, op->first, op->from, op->to, op->x, op->y);
          break;
        case OP_CHART:
          cairo_save (cr);
          cairo_translate (cr, op->x, op->y);
          ys_chart_draw (op->chart, cr, op->w, op->h, YS_TABLE_PT + 1);
          cairo_restore (cr);
          break;
        case OP_TOC:
          draw_toc_entry (pp, cr, op);
          break;
        default:
          break;
        }
    }
  if (n > 0 || pp->pub->bare)
    {
      /* Page numbers from the contents on: the cover has none. */
      /* Tables printed alone are numbered from their first page. */
      g_autofree char *text = g_strdup_printf ("— %u —", pp->pub->bare ? n + 1 : n);
      g_autoptr(PangoLayout) foot = ys_pages_text (pp->context, SERIF, 10, FALSE, text, -1);
      int w, h;

      pango_layout_get_size (foot, &w, &h);
      cairo_move_to (cr, (page_width (page->landscape) - (double) w / PANGO_SCALE) / 2,
                     (page->landscape ? YS_PAGE_SHORT : YS_PAGE_LONG) - FOOT_Y - (double) h / PANGO_SCALE);
      pango_cairo_show_layout (cr, foot);
    }
  cairo_restore (cr);
}
