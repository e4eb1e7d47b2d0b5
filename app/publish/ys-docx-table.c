/* Tables and charts in WordprocessingML: fixed column widths from the same
 * allocation as the PDF, merged cells as gridSpan/vMerge, header rows marked
 * tblHeader so that Word, WPS and LibreOffice repeat them on every page. */
#include "config.h"

#include <cairo.h>

#include "ys-docx-private.h"

#define CHART_RES 3.0  /* pixels per point of a chart's picture */

void
ys_docx_escape (GString *out, const char *text)
{
  for (const char *p = text ? text : ""; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      switch (c)
        {
        case '&': g_string_append (out, "&amp;"); break;
        case '<': g_string_append (out, "&lt;"); break;
        case '>': g_string_append (out, "&gt;"); break;
        case '"': g_string_append (out, "&quot;"); break;
        default:
          /* XML 1.0 allows tab, newline and carriage return below space, and no surrogates or FFFE/FFFF. */
          if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0xD800 && c <= 0xDFFF)
              || c == 0xFFFE || c == 0xFFFF)
            break;
          g_string_append_unichar (out, c);
        }
    }
}

void
ys_docx_run (GString *out, const char *text, gboolean bold)
{
  g_auto(GStrv) lines = g_strsplit (text ? text : "", "\n", -1);

  g_string_append (out, "<w:r>");
  if (bold)
    g_string_append (out, "<w:rPr><w:b/></w:rPr>");
  for (guint i = 0; lines[i]; i++)
    {
      if (i > 0)
        g_string_append (out, "<w:br/>");
      g_string_append (out, "<w:t xml:space=\"preserve\">");
      ys_docx_escape (out, lines[i]);
      g_string_append (out, "</w:t>");
    }
  g_string_append (out, "</w:r>");
}

static const char *
cell_align (const YsReportCell *cell, gboolean header)
{
  if (header || (cell->flags & YS_CELL_CENTER))
    return "center";
  if (cell->type == YS_REPORT_CELL_MONEY || cell->type == YS_REPORT_CELL_NUMBER)
    return "right";
  return "left";
}

static void
cell (YsDocx *d, YsReportTable *t, const YsReportCell *c, gboolean header, gboolean bold, double width,
      guint span, const char *vmerge)
{
  GString *x = d->xml;
  g_autofree char *text = vmerge && g_str_equal (vmerge, "continue") ? g_strdup ("") : ys_publish_cell_text (t, c);

  g_string_append_printf (x, "<w:tc><w:tcPr><w:tcW w:w=\"%ld\" w:type=\"dxa\"/>", TWIPS (width));
  if (span > 1)
    g_string_append_printf (x, "<w:gridSpan w:val=\"%u\"/>", span);
  if (vmerge)
    g_string_append_printf (x, "<w:vMerge w:val=\"%s\"/>", vmerge);
  g_string_append_printf (x, "<w:vAlign w:val=\"%s\"/></w:tcPr>",
                          (c->flags & YS_CELL_LEFT_WRAP) && !header ? "top" : "center");
  g_string_append_printf (x, "<w:p><w:pPr><w:pStyle w:val=\"YsTableText\"/>");
  if (c->indent > 0 && !header)
    g_string_append_printf (x, "<w:ind w:left=\"%ld\"/>", TWIPS (YS_TABLE_PT * c->indent));
  g_string_append_printf (x, "<w:jc w:val=\"%s\"/></w:pPr>", cell_align (c, header));
  if (*text)
    ys_docx_run (x, text, bold || header || (c->flags & YS_CELL_BOLD));
  g_string_append (x, "</w:p></w:tc>");
}

static void
rows (YsDocx *d, YsReportTable *t, GPtrArray *grid, GArray *merges, gboolean header, const double *w)
{
  g_autofree guint *map = ys_report_merge_map (merges, grid->len, t->n_cols);

  for (guint r = 0; r < grid->len; r++)
    {
      YsReportRow *row = g_ptr_array_index (grid, r);

      g_string_append (d->xml, "<w:tr><w:trPr><w:cantSplit/>");
      if (header)
        g_string_append (d->xml, "<w:tblHeader/>");
      g_string_append (d->xml, "</w:trPr>");
      for (guint c = 0; c < t->n_cols;)
        {
          guint m = map[r * t->n_cols + c];
          YsMerge *mg = m ? &g_array_index (merges, YsMerge, m - 1) : NULL;
          guint last = mg ? mg->last_col : c;
          double width = 0;
          const char *vmerge = NULL;

          for (guint k = c; k <= last; k++)
            width += w[k];
          if (mg && mg->last_row > mg->first_row)
            vmerge = mg->first_row == r ? "restart" : "continue";
          /* A merge's text sits in its top-left cell. */
          cell (d, t, mg ? &((YsReportRow *) g_ptr_array_index (grid, mg->first_row))->cells[mg->first_col] : &row->cells[c],
                header, row->total, width, last - c + 1, vmerge);
          c = last + 1;
        }
      g_string_append (d->xml, "</w:tr>");
    }
}

void
ys_docx_table (YsDocx *d, YsReportTable *t, double avail)
{
  g_autofree double *w = ys_publish_column_widths (t, avail, YS_TABLE_PT);
  double total = 0;

  for (guint c = 0; c < t->n_cols; c++)
    total += w[c];
  g_string_append_printf (d->xml,
                          "<w:tbl><w:tblPr><w:tblStyle w:val=\"YsTable\"/><w:tblW w:w=\"%ld\" w:type=\"dxa\"/>"
                          "<w:jc w:val=\"center\"/><w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>",
                          TWIPS (total));
  for (guint c = 0; c < t->n_cols; c++)
    g_string_append_printf (d->xml, "<w:gridCol w:w=\"%ld\"/>", TWIPS (w[c]));
  g_string_append (d->xml, "</w:tblGrid>");
  if (t->form)
    rows (d, t, t->header, t->header_merges, FALSE, w);
  else
    rows (d, t, t->header, t->header_merges, TRUE, w);
  rows (d, t, t->rows, t->body_merges, FALSE, w);
  g_string_append (d->xml, "</w:tbl>");
}

static cairo_status_t
append_png (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

void
ys_docx_chart (YsDocx *d, const YsChart *chart, double width)
{
  double height = ys_chart_preferred_height (chart, width, YS_TABLE_PT + 1);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) (width * CHART_RES),
                                                         (int) (height * CHART_RES));
  cairo_t *cr = cairo_create (surface);
  GByteArray *png = g_byte_array_new ();
  g_autofree char *describe = ys_chart_describe (chart);
  guint n, id = ++d->drawing;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, CHART_RES, CHART_RES);
  ys_chart_draw (chart, cr, width, height, YS_TABLE_PT + 1);
  cairo_destroy (cr);
  cairo_surface_write_to_png_stream (surface, append_png, png);
  cairo_surface_destroy (surface);
  g_ptr_array_add (d->media, g_byte_array_free_to_bytes (png));
  n = d->media->len;

  g_string_append_printf (d->xml,
    "<w:p><w:pPr><w:keepNext/><w:jc w:val=\"center\"/></w:pPr><w:r><w:drawing>"
    "<wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent cx=\"%ld\" cy=\"%ld\"/>"
    "<wp:docPr id=\"%u\" name=\"图%u\" descr=\"", EMU (width), EMU (height), id, id);
  ys_docx_escape (d->xml, describe);
  g_string_append_printf (d->xml, "\"/><wp:cNvGraphicFramePr>"
    "<a:graphicFrameLocks xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" noChangeAspect=\"1\"/>"
    "</wp:cNvGraphicFramePr>"
    "<a:graphic xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\">"
    "<a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">"
    "<pic:pic xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">"
    "<pic:nvPicPr><pic:cNvPr id=\"%u\" name=\"chart%u.png\"/><pic:cNvPicPr/></pic:nvPicPr>"
    "<pic:blipFill><a:blip r:embed=\"rIdMedia%u\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>"
    "<pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"%ld\" cy=\"%ld\"/></a:xfrm>"
    "<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic>"
    "</wp:inline></w:drawing></w:r></w:p>", id, n, n, EMU (width), EMU (height));
}
