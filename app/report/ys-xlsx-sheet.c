/* One table on one sheet, as a reviewer expects to print it: a title over the
 * whole width, the 部门/单位 line and 单位：万元, bold centred header rows with
 * merged cells, thin borders, money as #,##0.00 with zeros left blank, widths
 * that fit Chinese text, and A4 pages with the header rows repeated. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "ys-xlsx-private.h"

#define LINE_HEIGHT   13.5   /* points per line of 10-point text */
#define MAX_TEXT      44.0   /* wider text wraps */
#define MAX_HEADER    14.0   /* header words wrap rather than widen a money column */
/* Smallest print scale: 10-point text printed no smaller than 9 points. */
#define MIN_SCALE     0.9
#define MIN_TEXT_COL  8.0    /* a text column narrowed to fit the page keeps this much */
#define CJK_LINE      1.85   /* a CJK character's share of a wrapped line: a little under its column width of 2 */
/* Printable height of A4 in points within the margins, portrait and landscape. */
#define PAGE_PORTRAIT   (842.0 - 1.3 * 72 - 20)
#define PAGE_LANDSCAPE  (595.0 - 1.3 * 72 - 20)

double
ys_xlsx_text_width (const char *text)
{
  return ys_text_measure (text, 2, 1);
}

double
ys_text_measure (const char *text, double wide, double narrow)
{
  double widest = 0, line = 0;

  for (const char *p = text ? text : ""; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c == '\n')
        {
          widest = MAX (widest, line);
          line = 0;
        }
      else
        line += g_unichar_iswide (c) || g_unichar_iswide_cjk (c) ? wide : narrow;
    }
  return MAX (widest, line);
}

/* Lines a text takes in a cell @width characters wide. */
static guint
text_lines (const char *text, double width)
{
  g_auto(GStrv) parts = g_strsplit (text ? text : "", "\n", -1);
  guint lines = 0;

  width = MAX (width - 1.5, 2);
  for (guint i = 0; parts[i]; i++)
    lines += MAX (1, (guint) ceil (ys_xlsx_text_width (parts[i]) * (CJK_LINE / 2) / width));
  return MAX (lines, 1);
}

static char *
money_text (const YsReportCell *c, YsMoneyUnit unit)
{
  return ys_money_format (c->value, unit, TRUE);
}

static gboolean
cell_blank (const YsReportCell *c)
{
  if (c->type == YS_REPORT_CELL_EMPTY)
    return TRUE;
  if (c->type == YS_REPORT_CELL_TEXT)
    return c->text == NULL || *c->text == '\0';
  return c->value == 0 && !(c->flags & YS_CELL_SHOW_ZERO);
}

static lxw_format *
cell_format (YsXlsxExport *e, YsReportTable *t, const YsReportCell *c, gboolean total)
{
  guint flags = c->flags | (total ? YS_CELL_BOLD : 0);

  switch (c->type)
    {
    case YS_REPORT_CELL_MONEY:
      return ys_xlsx_format (e, FMT_MONEY, flags, 0, t->money_format);
    case YS_REPORT_CELL_NUMBER:
      return ys_xlsx_format (e, FMT_NUMBER, flags, 0, "#,##0");
    case YS_REPORT_CELL_TEXT:
    case YS_REPORT_CELL_EMPTY:
    default:
      return ys_xlsx_format (e, FMT_TEXT, flags, c->indent, NULL);
    }
}

/* Widths fitted to the body and to the header words, which may wrap. */
static void
fit_widths (YsReportTable *t, double *widths)
{
  g_autofree guint *hmap = ys_report_merge_map (t->header_merges, t->header->len, t->n_cols);
  g_autofree guint *bmap = ys_report_merge_map (t->body_merges, t->rows->len, t->n_cols);

  for (guint c = 0; c < t->n_cols; c++)
    {
      double body = 0, header = 0;
      gboolean money = t->numeric[c];

      if (t->widths[c] > 0)
        {
          widths[c] = t->widths[c];
          continue;
        }
      for (guint r = 0; r < t->rows->len; r++)
        {
          YsReportRow *row = g_ptr_array_index (t->rows, r);
          const YsReportCell *cell = &row->cells[c];
          YsMerge *mg = bmap[r * t->n_cols + c] ? &g_array_index (t->body_merges, YsMerge, bmap[r * t->n_cols + c] - 1) : NULL;

          if (mg && mg->first_col != mg->last_col)
            continue;  /* spread over several columns: does not size one */
          if (cell->type == YS_REPORT_CELL_MONEY || cell->type == YS_REPORT_CELL_NUMBER)
            {
              g_autofree char *text = money_text (cell, t->unit);
              body = MAX (body, ys_xlsx_text_width (text) + 1);
              money = TRUE;
            }
          else if (cell->type == YS_REPORT_CELL_TEXT)
            body = MAX (body, MIN (ys_xlsx_text_width (cell->text) + 2 * cell->indent, MAX_TEXT));
        }
      for (guint r = 0; r < t->header->len; r++)
        {
          YsReportRow *row = g_ptr_array_index (t->header, r);
          YsMerge *mg = hmap[r * t->n_cols + c] ? &g_array_index (t->header_merges, YsMerge, hmap[r * t->n_cols + c] - 1) : NULL;

          if (mg && mg->first_col != mg->last_col)
            continue;
          header = MAX (header, ys_xlsx_text_width (row->cells[c].text));
        }
      /* A column of figures needs room for 1,234,567.89; its header words wrap. */
      widths[c] = MAX (body, MIN (header, money || body < MAX_HEADER ? MAX_HEADER : header)) + 2;
      widths[c] = CLAMP (widths[c], money ? 11 : 6, MAX_TEXT + 2);
    }
}

static double
span_width (const double *widths, guint first, guint last)
{
  double w = 0;
  for (guint c = first; c <= last; c++)
    w += widths[c];
  return w;
}

/* Height of a row of wrapped cells; cells merged down several rows share it. */
static double
row_height (YsReportRow *row, guint r, GArray *merges, const guint *map, guint n_cols,
            const double *widths, YsMoneyUnit unit)
{
  guint lines = 1;

  for (guint c = 0; c < n_cols; c++)
    {
      const YsReportCell *cell = &row->cells[c];
      double width = widths[c];
      guint rows = 1, l;

      if (cell->type != YS_REPORT_CELL_TEXT)
        continue;
      if (map[r * n_cols + c])
        {
          YsMerge *mg = &g_array_index (merges, YsMerge, map[r * n_cols + c] - 1);
          if (mg->first_row != r || mg->first_col != c)
            continue;
          width = span_width (widths, mg->first_col, mg->last_col);
          rows = mg->last_row - mg->first_row + 1;
        }
      l = text_lines (cell->text, width - 2 * cell->indent);
      lines = MAX (lines, (l + rows - 1) / rows);
    }
  return lines * LINE_HEIGHT + 4;
}

static lxw_error
write_cell (YsXlsxExport *e, lxw_worksheet *ws, YsReportTable *t, guint row, guint col,
            const YsReportCell *cell, lxw_format *format)
{
  if (cell_blank (cell))
    return worksheet_write_blank (ws, row, col, format);
  switch (cell->type)
    {
    case YS_REPORT_CELL_MONEY:
      /* The value is the printed figure: 分 rounded to 0.01 万元 as an integer first. */
      return worksheet_write_number (ws, row, col, ys_report_money_value (cell->value, t->unit), format);
    case YS_REPORT_CELL_NUMBER:
      return worksheet_write_number (ws, row, col, (double) cell->value, format);
    default:
      return worksheet_write_string (ws, row, col, cell->text, format);
    }
}

/* Writes a grid of rows starting at sheet row @top, with its merges. */
static lxw_error
write_grid (YsXlsxExport *e, lxw_worksheet *ws, YsReportTable *t, GPtrArray *rows, GArray *merges,
            guint top, gboolean header, const double *widths, double *height)
{
  g_autofree guint *map = ys_report_merge_map (merges, rows->len, t->n_cols);
  lxw_error err = LXW_NO_ERROR;

  for (guint m = 0; m < merges->len && !err; m++)
    {
      YsMerge *mg = &g_array_index (merges, YsMerge, m);
      YsReportRow *first = g_ptr_array_index (rows, mg->first_row);
      lxw_format *f = header ? ys_xlsx_format (e, FMT_HEADER, 0, 0, NULL)
                             : cell_format (e, t, &first->cells[mg->first_col], first->total);
      err = worksheet_merge_range (ws, top + mg->first_row, mg->first_col, top + mg->last_row, mg->last_col, "", f);
    }
  for (guint r = 0; r < rows->len && !err; r++)
    {
      YsReportRow *row = g_ptr_array_index (rows, r);

      for (guint c = 0; c < t->n_cols && !err; c++)
        {
          guint m = map[r * t->n_cols + c];
          YsMerge *mg = m ? &g_array_index (merges, YsMerge, m - 1) : NULL;
          const YsReportCell *cell = &row->cells[c];
          lxw_format *f;

          if (mg && (mg->first_row != r || mg->first_col != c))
            continue;  /* inside a merged range: merge_range drew it */
          f = header ? ys_xlsx_format (e, FMT_HEADER, cell->flags & ~YS_CELL_BOLD, 0, NULL)
                     : cell_format (e, t, cell, row->total);
          err = write_cell (e, ws, t, top + r, c, cell, f);
        }
      if (!err)
        {
          double h = row_height (row, r, merges, map, t->n_cols, widths, t->unit);
          *height += h;
          err = worksheet_set_row (ws, top + r, h, NULL);
        }
    }
  return err;
}

static lxw_error
write_spanning (lxw_worksheet *ws, guint row, guint first, guint last, const char *text, lxw_format *f)
{
  if (first == last)
    return worksheet_write_string (ws, row, first, text ? text : "", f);
  return worksheet_merge_range (ws, row, first, row, last, text ? text : "", f);
}

/* 部门名称：… on the left, 单位：万元 on the right, perhaps something between;
 * each part gets the columns its text needs, so none is cut off. */
static lxw_error
write_caption (YsXlsxExport *e, lxw_worksheet *ws, guint row, guint n_cols, const double *widths,
               const YsCaption *cap)
{
  lxw_format *left = ys_xlsx_format (e, FMT_CAPTION_LEFT, 0, 0, NULL);
  lxw_format *center = ys_xlsx_format (e, FMT_CAPTION_CENTER, 0, 0, NULL);
  lxw_format *right = ys_xlsx_format (e, FMT_CAPTION_RIGHT, 0, 0, NULL);
  g_autofree char *left_text = g_strdup (cap->left ? cap->left : "");
  double need, have;
  guint left_end, right_start;
  lxw_error err;

  if (n_cols == 1)
    {
      g_autofree char *all = g_strjoin ("    ", left_text, cap->center ? cap->center : "", cap->right ? cap->right : "", NULL);
      return worksheet_write_string (ws, row, 0, g_strstrip (all), left);
    }
  /* The right part takes the last columns it needs, at least one. */
  need = ys_xlsx_text_width (cap->right) + 1;
  for (right_start = n_cols - 1, have = widths[n_cols - 1]; right_start > 1 && have < need;)
    have += widths[--right_start];
  /* The left part takes the first columns it needs. */
  need = ys_xlsx_text_width (left_text) + 1;
  for (left_end = 0, have = widths[0]; left_end + 1 < right_start && have < need;)
    have += widths[++left_end];
  if (cap->center && left_end + 1 >= right_start)
    {
      /* No room between: the middle part follows the left one. */
      char *joined = g_strconcat (left_text, "    ", cap->center, NULL);
      g_free (left_text);
      left_text = joined;
      left_end = right_start - 1;
    }
  else if (!cap->center)
    left_end = right_start - 1;

  err = write_spanning (ws, row, 0, left_end, left_text, left);
  if (!err && cap->center && left_end + 1 < right_start)
    err = write_spanning (ws, row, left_end + 1, right_start - 1, cap->center, center);
  if (!err)
    err = write_spanning (ws, row, right_start, n_cols - 1, cap->right, right);
  return err;
}

/* Excel prints a character of width at about 5.3 points; A4 less the margins. */
static double
page_chars (gboolean landscape)
{
  return ((landscape ? 842.0 : 595.0) - 72) / 5.3;
}

/* The width a table prints at: the file stores each column about 0.72 of a
 * character wider than asked for (its cell padding). */
static double
printed_width (YsReportTable *t, double width)
{
  return width + 0.72 * t->n_cols;
}

/* The print scale at which a table fits one A4 page. */
static double
one_page_scale (double width, double height, gboolean landscape)
{
  double page_h = landscape ? PAGE_LANDSCAPE : PAGE_PORTRAIT;

  return MIN (1.0, MIN (page_chars (landscape) / width, page_h / height));
}

/* A table wider than the page at MIN_SCALE gives up width in its text
 * columns, which wrap, rather than being printed smaller: the columns of
 * figures keep theirs. Returns the new total width. */
static double
narrow_to_page (YsReportTable *t, double *widths, double total, gboolean landscape)
{
  double most = page_chars (landscape) / MIN_SCALE - 0.72 * t->n_cols, spare = 0;

  if (total <= most)
    return total;
  for (guint c = 0; c < t->n_cols; c++)
    if (!t->numeric[c] && widths[c] > MIN_TEXT_COL)
      spare += widths[c] - MIN_TEXT_COL;
  if (spare <= 0)
    return total;
  for (guint c = 0; c < t->n_cols; c++)
    if (!t->numeric[c] && widths[c] > MIN_TEXT_COL)
      widths[c] -= (widths[c] - MIN_TEXT_COL) * MIN (1.0, (total - most) / spare);
  return span_width (widths, 0, t->n_cols - 1);
}

/* Portrait or landscape: as the layout says, else the one that needs less
 * shrinking to print on one page; landscape as soon as portrait would take
 * the text below 9 points across. */
static gboolean
choose_landscape (YsReportTable *t, double width, double height)
{
  double portrait = one_page_scale (width, height, FALSE);
  double wide = one_page_scale (width, height, TRUE);

  if (t->orientation >= 0)
    return t->orientation == 1;
  if (page_chars (FALSE) / width < MIN_SCALE)
    return TRUE;
  if (MAX (portrait, wide) >= MIN_SCALE)
    return wide > portrait;
  return FALSE;
}

gboolean
ys_xlsx_write_table (YsXlsxExport *e, lxw_worksheet *ws, YsReportTable *t, GError **error)
{
  g_autofree double *widths = g_new0 (double, t->n_cols);
  guint row = 0, header_top, body_top;
  double total_width, height = 0;
  gboolean landscape;
  lxw_error err = LXW_NO_ERROR;

  fit_widths (t, widths);
  total_width = span_width (widths, 0, t->n_cols - 1);
  /* A narrow table widens its columns rather than wrap its title (16-point
   * characters are about 1.6 columns wide). */
  if (ys_xlsx_text_width (t->title) * 1.6 + 4 > total_width)
    {
      double grow = (ys_xlsx_text_width (t->title) * 1.6 + 4) / total_width;
      for (guint c = 0; c < t->n_cols; c++)
        widths[c] *= grow;
      total_width *= grow;
    }
  /* Heights are not known yet: the body's row count stands in for them. */
  landscape = choose_landscape (t, printed_width (t, total_width), LINE_HEIGHT * (t->header->len + t->rows->len + 4) + 40);
  total_width = narrow_to_page (t, widths, total_width, landscape);
  for (guint c = 0; c < t->n_cols && !err; c++)
    err = worksheet_set_column (ws, c, c, widths[c], NULL);

  /* Title: 16-point characters are about 1.6 columns wide. */
  if (!err)
    err = write_spanning (ws, row, 0, t->n_cols - 1, t->title, ys_xlsx_format (e, FMT_TITLE, 0, 0, NULL));
  height += 24.0 * text_lines (t->title, total_width / 1.6) + 8;
  if (!err)
    err = worksheet_set_row (ws, row, height, NULL);
  row++;
  if (!err && t->subtitle)
    {
      err = write_spanning (ws, row, 0, t->n_cols - 1, t->subtitle, ys_xlsx_format (e, FMT_SUBTITLE, 0, 0, NULL));
      row++;
      height += 15;
    }
  for (guint i = 0; i < t->captions->len && !err; i++)
    {
      err = write_caption (e, ws, row++, t->n_cols, widths, g_ptr_array_index (t->captions, i));
      height += 15;
    }

  header_top = row;
  if (!err)
    err = write_grid (e, ws, t, t->header, t->header_merges, header_top, TRUE, widths, &height);
  body_top = header_top + t->header->len;
  if (!err)
    err = write_grid (e, ws, t, t->rows, t->body_merges, body_top, FALSE, widths, &height);
  row = body_top + t->rows->len;
  for (guint i = 0; i < t->notes->len && !err; i++, row++)
    {
      const char *note = g_ptr_array_index (t->notes, i);
      err = write_spanning (ws, row, 0, t->n_cols - 1, note, ys_xlsx_format (e, FMT_NOTE, 0, 0, NULL));
      double h = text_lines (note, total_width) * LINE_HEIGHT + 6;
      height += h;
      if (!err)
        err = worksheet_set_row (ws, row, h, NULL);
    }
  if (err)
    {
      g_set_error (error, YS_REPORT_ERROR, YS_REPORT_ERROR_WRITE, "%s: %s", t->title, lxw_strerror (err));
      return FALSE;
    }

  /* A4, one page wide, header rows on every page, page numbers below. Only
   * the width is fitted: fitting to one page tall lets each spreadsheet
   * compute its own scale from its own row heights (Gnumeric printed 表5 at
   * 71 % that way), so a longer table runs on to a second page instead. A
   * table whose columns cannot be narrowed enough (all figures) is printed
   * at MIN_SCALE over more than one page across rather than smaller. */
  worksheet_set_paper (ws, 9);
  if (landscape)
    worksheet_set_landscape (ws);
  else
    worksheet_set_portrait (ws);
  total_width = printed_width (t, total_width);
  if (page_chars (landscape) / total_width < MIN_SCALE)
    worksheet_set_print_scale (ws, (guint16) (MIN_SCALE * 100));
  else
    worksheet_fit_to_pages (ws, 1, 0);
  worksheet_set_margins (ws, 0.5, 0.5, 0.6, 0.7);
  worksheet_center_horizontally (ws);
  worksheet_set_footer (ws, "&C&P/&N");
  if (t->header->len > 0)
    {
      worksheet_repeat_rows (ws, header_top, body_top - 1);
      worksheet_freeze_panes (ws, body_top, 0);
    }
  return TRUE;
}
