/* ys-sheet-header.c: finding the header of a sheet made by hand.
 *
 * Finance office sheets start with a title, a line such as
 * "编制单位：…  单位：万元", then a header of one to four rows in which merged
 * cells group columns.  The row with the most header words anchors the header;
 * rows above it belong to it when they group columns, rows below it when they
 * hold more header words and no figures. */
#include "config.h"

#include <string.h>

#include "ys-sheet-header.h"

#define SCAN_ROWS       40
#define MAX_HEADER_ROWS 4
#define MAX_MERGE_FILL  4000000

char *
ys_sheet_column_letter (guint col)
{
  char buf[8];
  int i = G_N_ELEMENTS (buf) - 1;

  buf[i] = '\0';
  do
    {
      buf[--i] = (char) ('A' + col % 26);
      col = col / 26;
    }
  while (col-- > 0 && i > 0);
  return g_strdup (buf + i);
}

static gboolean
ends_with (const char *s, const char *suffix, gsize *cut)
{
  gsize n = strlen (s), m = strlen (suffix);

  if (n < m || strcmp (s + n - m, suffix) != 0)
    return FALSE;
  *cut = n - m;
  return TRUE;
}

char *
ys_sheet_nfkc (const char *text)
{
  /* Most cells are ASCII codes and figures; normalising them is most of the work. */
  for (const char *p = text; *p; p++)
    if ((guchar) *p >= 0x80)
      return g_utf8_normalize (text, -1, G_NORMALIZE_ALL_COMPOSE);
  return g_strdup (text);
}

char *
ys_sheet_normalise (const char *text, int *unit)
{
  g_autofree char *nfkc = NULL;
  GString *out;
  gsize cut;

  if (unit)
    *unit = YS_SHEET_UNIT_NONE;
  if (text == NULL)
    return g_strdup ("");
  nfkc = ys_sheet_nfkc (text);
  if (nfkc == NULL)
    return g_strdup ("");
  out = g_string_sized_new (strlen (nfkc));
  for (const char *p = nfkc; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (!g_unichar_isspace (c) && c != '*')
        g_string_append_unichar (out, c);
    }
  /* "金额(万元)" and "金额:万元" name the column and its unit. */
  if (ends_with (out->str, "(万元)", &cut) || ends_with (out->str, "[万元]", &cut))
    {
      g_string_truncate (out, cut);
      if (unit)
        *unit = YS_MONEY_WAN;
    }
  else if (ends_with (out->str, "(元)", &cut) || ends_with (out->str, "[元]", &cut))
    {
      g_string_truncate (out, cut);
      if (unit)
        *unit = YS_MONEY_YUAN;
    }
  while (out->len > 0 && out->str[out->len - 1] == ':')
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

/* The text shown in each cell of the rows a header can be in: a merge's
 * top-left text in every cell of it. Built once, since looking merges up cell
 * by cell costs cells × merges; a hostile file's merges are filled only up to
 * a budget, after which the header is read as if they were not merged. */
typedef struct {
  const YsSheet *sheet;
  guint          n_rows;
  const char   **text;
} Shown;

static void
shown_init (Shown *shown, const YsSheet *sheet)
{
  guint n_cols = sheet->n_cols;
  gsize budget = MAX_MERGE_FILL;

  shown->sheet = sheet;
  shown->n_rows = MIN (sheet->n_rows, SCAN_ROWS + MAX_HEADER_ROWS);
  shown->text = g_new0 (const char *, (gsize) shown->n_rows * n_cols + 1);
  for (guint r = 0; r < shown->n_rows; r++)
    for (guint c = 0; c < n_cols; c++)
      shown->text[(gsize) r * n_cols + c] = ys_sheet_get_text (sheet, r, c);
  for (guint i = 0; i < sheet->merges->len; i++)
    {
      const YsMergeRange *m = &g_array_index (sheet->merges, YsMergeRange, i);
      const char *top;

      if (m->first_row >= shown->n_rows || m->first_col >= n_cols)
        continue;
      top = ys_sheet_get_text (sheet, m->first_row, m->first_col);
      for (guint r = m->first_row; r <= m->last_row && r < shown->n_rows; r++)
        for (guint c = m->first_col; c <= m->last_col && c < n_cols; c++)
          {
            if (budget-- == 0)
              return;
            shown->text[(gsize) r * n_cols + c] = top;
          }
    }
}

static const char *
shown_text (const Shown *shown, guint row, guint col)
{
  if (row >= shown->n_rows)
    return ys_sheet_get_text (shown->sheet, row, col);
  return shown->text[(gsize) row * shown->sheet->n_cols + col];
}

/* "单位：万元", "金额单位：元", "单位:万元" anywhere in a cell of the title area. */
static int
unit_line (const char *normalised)
{
  const char *p = strstr (normalised, "单位:");

  if (p == NULL)
    return YS_SHEET_UNIT_NONE;
  p += strlen ("单位:");
  if (g_str_has_prefix (p, "万元"))
    return YS_MONEY_WAN;
  if (g_str_has_prefix (p, "元"))
    return YS_MONEY_YUAN;
  return YS_SHEET_UNIT_NONE;
}

static gboolean
looks_numeric (const YsCell *cell)
{
  if (cell == NULL)
    return FALSE;
  if (cell->type == YS_CELL_NUMBER)
    return TRUE;
  for (const char *p = cell->text; p && *p; p++)
    if (!g_ascii_isdigit (*p) && *p != '.' && *p != ',' && *p != '-' && *p != ' ')
      return FALSE;
  return cell->text && *cell->text;
}

/* "编制单位：某某局   单位：万元" names the unit the sheet is for. */
static char *
issuer_line (const char *text)
{
  const char *p = text ? strstr (text, "编制单位") : NULL;
  const char *end;

  if (p == NULL)
    return NULL;
  p += strlen ("编制单位");
  while (*p && (g_unichar_isspace (g_utf8_get_char (p)) || *p == ':'
                || g_utf8_get_char (p) == 0xFF1A /* ： */))
    p = g_utf8_next_char (p);
  end = p;
  while (*end && !g_unichar_isspace (g_utf8_get_char (end)))
    end = g_utf8_next_char (end);
  return end > p ? g_strndup (p, end - p) : NULL;
}

typedef struct {
  guint n_words;     /* cells holding a header word */
  guint n_texts;     /* distinct non-empty shown texts */
  gboolean numeric;  /* a cell holds a figure */
  gboolean unit;     /* a 单位： line */
} RowInfo;

static RowInfo
inspect_row (const Shown *shown, guint row, YsSheetWordFunc is_word, gpointer data)
{
  const YsSheet *sheet = shown->sheet;
  RowInfo info = { 0 };
  const char *last = NULL;

  for (guint c = 0; c < sheet->n_cols; c++)
    {
      const char *text = shown_text (shown, row, c);
      g_autofree char *norm = NULL;

      if (looks_numeric (ys_sheet_get_cell (sheet, row, c)))
        info.numeric = TRUE;
      if (text == NULL || *text == '\0')
        continue;
      if (last == NULL || strcmp (last, text) != 0)
        info.n_texts++;
      last = text;
      norm = ys_sheet_normalise (text, NULL);
      if (unit_line (norm) != YS_SHEET_UNIT_NONE)
        info.unit = TRUE;
      else if (is_word (norm, data))
        info.n_words++;
    }
  return info;
}

/* A merge that reaches into @row from above ties the two rows together. */
static gboolean
merged_into (const YsSheet *sheet, guint row)
{
  for (guint i = 0; i < sheet->merges->len; i++)
    {
      const YsMergeRange *m = &g_array_index (sheet->merges, YsMergeRange, i);
      if (m->first_row < row && m->last_row >= row)
        return TRUE;
    }
  return FALSE;
}

static gboolean
groups_columns (const YsSheet *sheet, guint row)
{
  for (guint i = 0; i < sheet->merges->len; i++)
    {
      const YsMergeRange *m = &g_array_index (sheet->merges, YsMergeRange, i);
      if (m->first_row == row && m->last_col > m->first_col && m->last_col - m->first_col + 1 < sheet->n_cols)
        return TRUE;
    }
  return FALSE;
}

YsSheetHeader *
ys_sheet_header_find (const YsSheet *sheet, YsSheetWordFunc is_word, gpointer user_data)
{
  guint scan = MIN (sheet->n_rows, SCAN_ROWS);
  guint best = 0, best_words = 0, top, bottom;
  int unit = YS_SHEET_UNIT_NONE;
  g_autofree const char **shown_cells = NULL;
  YsSheetHeader *h;
  Shown shown;

  shown_init (&shown, sheet);
  shown_cells = shown.text;

  for (guint r = 0; r < scan; r++)
    {
      RowInfo info = inspect_row (&shown, r, is_word, user_data);
      if (info.n_words > best_words && !info.numeric)
        {
          best = r;
          best_words = info.n_words;
        }
    }
  if (best_words < 2)
    return NULL;

  top = best;
  while (top > 0 && best - top + 1 < MAX_HEADER_ROWS)
    {
      RowInfo info = inspect_row (&shown, top - 1, is_word, user_data);
      /* A title is one text across the sheet; a group row names several. */
      if (info.unit || info.numeric || info.n_texts == 0)
        break;
      if (!(merged_into (sheet, top) && (info.n_texts > 1 || info.n_words > 0))
          && !(groups_columns (sheet, top - 1) && info.n_texts > 1))
        break;
      top--;
    }
  bottom = best;
  while (bottom + 1 < sheet->n_rows && bottom - top + 1 < MAX_HEADER_ROWS)
    {
      RowInfo info = inspect_row (&shown, bottom + 1, is_word, user_data);
      if (info.numeric || info.unit || (info.n_words == 0 && !merged_into (sheet, bottom + 1)))
        break;
      if (info.n_words == 0)
        {
          /* Only cells merged down from above: part of the header if nothing else is in it. */
          gboolean other = FALSE;
          for (guint c = 0; c < sheet->n_cols && !other; c++)
            other = ys_sheet_get_cell (sheet, bottom + 1, c) != NULL;
          if (other)
            break;
        }
      bottom++;
    }

  for (guint r = 0; r <= bottom && unit == YS_SHEET_UNIT_NONE; r++)
    for (guint c = 0; c < sheet->n_cols && unit == YS_SHEET_UNIT_NONE; c++)
      {
        g_autofree char *norm = ys_sheet_normalise (ys_sheet_get_text (sheet, r, c), NULL);
        unit = unit_line (norm);
      }

  h = g_new0 (YsSheetHeader, 1);
  h->first_row = top;
  h->last_row = bottom;
  h->n_cols = sheet->n_cols;
  h->paths = g_new0 (char *, sheet->n_cols + 1);
  h->leaves = g_new0 (char *, sheet->n_cols + 1);
  h->col_units = g_new0 (int, sheet->n_cols);
  h->unit = unit;
  for (guint r = 0; r < top && h->issuer == NULL; r++)
    for (guint c = 0; c < sheet->n_cols && h->issuer == NULL; c++)
      h->issuer = issuer_line (ys_sheet_get_text (sheet, r, c));
  for (guint c = 0; c < sheet->n_cols; c++)
    {
      GString *path = g_string_new (NULL);
      const char *leaf = "";
      g_autofree char *last = NULL;

      h->col_units[c] = YS_SHEET_UNIT_NONE;
      for (guint r = top; r <= bottom; r++)
        {
          const char *text = shown_text (&shown, r, c);
          int col_unit;
          char *norm;

          if (text == NULL || *text == '\0')
            continue;
          norm = ys_sheet_normalise (text, &col_unit);
          if (col_unit != YS_SHEET_UNIT_NONE)
            h->col_units[c] = col_unit;
          if (*norm == '\0' || g_strcmp0 (last, norm) == 0)
            {
              g_free (norm);
              continue;
            }
          if (path->len)
            g_string_append (path, YS_SHEET_PATH_SEPARATOR);
          g_string_append (path, norm);
          g_free (last);
          last = norm;
          leaf = text;
        }
      h->paths[c] = g_string_free (path, FALSE);
      h->leaves[c] = g_strstrip (g_strdup (leaf));
    }
  return h;
}

void
ys_sheet_header_free (YsSheetHeader *h)
{
  if (h == NULL)
    return;
  g_strfreev (h->paths);
  g_strfreev (h->leaves);
  g_free (h->col_units);
  g_free (h->issuer);
  g_free (h);
}
