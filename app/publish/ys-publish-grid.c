/* What the docx and PDF writers share: cells as printed, merged cells, the
 * column widths of a table on a page, and the atomic replacement of a file. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "ys-publish-private.h"
#include "ys-xlsx-private.h"

#define MIN_TEXT_EMS  4.0   /* a text column keeps room for four characters */
#define MAX_TEXT_EMS  24.0  /* longer text wraps rather than widen its column */
#define MAX_HEAD_EMS  6.0   /* header words wrap over a column of figures */

char *
ys_publish_cell_text (YsReportTable *t, const YsReportCell *c)
{
  gboolean shown = c->value != 0 || (c->flags & YS_CELL_SHOW_ZERO);

  switch (c->type)
    {
    case YS_REPORT_CELL_MONEY:
      return shown ? ys_money_format (c->value, t->unit, TRUE) : g_strdup ("");
    case YS_REPORT_CELL_NUMBER:
      return shown ? g_strdup_printf ("%" G_GINT64_FORMAT, c->value) : g_strdup ("");
    case YS_REPORT_CELL_TEXT:
      return g_strdup (c->text ? c->text : "");
    case YS_REPORT_CELL_EMPTY:
    default:
      return g_strdup ("");
    }
}

double
ys_publish_text_ems (const char *text)
{
  /* Latin letters and digits of the CJK fonts are a little over half an em. */
  return ys_text_measure (text, 1.0, 0.55);
}

/* The widest single-column cell of column @c among @rows, in ems. */
static double
widest_in (YsReportTable *t, GPtrArray *rows, GArray *merges, guint c, gboolean header, gboolean *figures)
{
  g_autofree guint *map = ys_report_merge_map (merges, rows->len, t->n_cols);
  double widest = 0;

  for (guint r = 0; r < rows->len; r++)
    {
      YsReportRow *row = g_ptr_array_index (rows, r);
      const YsReportCell *cell = &row->cells[c];
      guint m = map[r * t->n_cols + c];
      g_autofree char *text = NULL;
      double ems;

      if (m && g_array_index (merges, YsMerge, m - 1).first_col != g_array_index (merges, YsMerge, m - 1).last_col)
        continue;  /* spread over several columns: does not size one */
      text = ys_publish_cell_text (t, cell);
      ems = ys_publish_text_ems (text) + 0.5 * cell->indent;
      if (cell->type == YS_REPORT_CELL_MONEY || cell->type == YS_REPORT_CELL_NUMBER)
        *figures = TRUE;
      else
        ems = MIN (ems, header ? MAX_HEAD_EMS : MAX_TEXT_EMS);
      widest = MAX (widest, ems);
    }
  return widest;
}

double *
ys_publish_column_widths (YsReportTable *t, double avail, double font_pt)
{
  double *w = g_new0 (double, t->n_cols);
  g_autofree double *least = g_new0 (double, t->n_cols);
  double total = 0, spare = 0, pad = 2 * YS_CELL_PAD;

  for (guint c = 0; c < t->n_cols; c++)
    {
      gboolean figures = t->numeric[c];
      double body = widest_in (t, t->rows, t->body_merges, c, FALSE, &figures);
      double head = widest_in (t, t->header, t->header_merges, c, TRUE, &figures);

      /* A column of figures needs room for 1,234,567.89 even when empty. */
      if (figures)
        body = MAX (body, 12 * 0.55);
      w[c] = MAX (MAX (body, head), 2) * font_pt + pad;
      least[c] = figures ? w[c] : MIN (w[c], MIN_TEXT_EMS * font_pt + pad);
      total += w[c];
      spare += w[c] - least[c];
    }
  if (total < avail)
    {
      /* Room to spare goes to the text columns, else to every column. */
      double text = 0;
      for (guint c = 0; c < t->n_cols; c++)
        text += least[c] < w[c] || !t->numeric[c] ? w[c] : 0;
      for (guint c = 0; c < t->n_cols; c++)
        w[c] += (avail - total) * (text > 0 ? ((least[c] < w[c] || !t->numeric[c]) ? w[c] / text : 0) : w[c] / total);
      return w;
    }
  /* Too wide: text columns give up width down to their least, then all shrink alike. */
  for (guint c = 0; c < t->n_cols; c++)
    if (spare > 0)
      w[c] -= (w[c] - least[c]) * MIN (1.0, (total - avail) / spare);
  total = 0;
  for (guint c = 0; c < t->n_cols; c++)
    total += w[c];
  if (total > avail)
    for (guint c = 0; c < t->n_cols; c++)
      w[c] *= avail / total;
  return w;
}

gboolean
ys_publication_table_is_wide (YsReportTable *t)
{
  double least = 0, portrait = YS_PAGE_SHORT - 2 * YS_MARGIN;

  if (t->orientation >= 0)
    return t->orientation == 1;
  /* Wide when with its text columns wrapped at twelve characters the
   * table does not fit across a portrait page at 9 points. */
  for (guint c = 0; c < t->n_cols; c++)
    {
      gboolean figures = t->numeric[c];
      double body = widest_in (t, t->rows, t->body_merges, c, FALSE, &figures);
      double head = widest_in (t, t->header, t->header_merges, c, TRUE, &figures);
      double ems = figures ? MAX (MAX (body, 12 * 0.55), head) : MIN (MAX (body, head), 12.0);

      least += MAX (ems, 2) * YS_TABLE_PT + 2 * YS_CELL_PAD;
    }
  return least > portrait;
}

char *
ys_publish_temp_path (const char *path, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *pattern = g_strdup_printf (".%s.XXXXXX", base);
  char *tmp = g_build_filename (dir, pattern, NULL);
  int fd = g_mkstemp (tmp);

  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Cannot write “%s”: %s"), path, g_strerror (saved));
      g_free (tmp);
      return NULL;
    }
  close (fd);
  return tmp;
}

gboolean
ys_publish_commit (const char *tmp, const char *path, gboolean ok, GError **error)
{
  int fd;

  if (ok)
    {
      fd = g_open (tmp, O_RDONLY, 0);
      ok = fd >= 0 && fsync (fd) == 0;
      if (fd >= 0)
        close (fd);
      /* mkstemp made it private; a published document is read by others. */
      ok = ok && g_chmod (tmp, 0644) == 0 && g_rename (tmp, path) == 0;
      if (!ok)
        {
          int saved = errno;
          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                       _("Cannot write “%s”: %s"), path, g_strerror (saved));
        }
    }
  if (!ok)
    g_unlink (tmp);
  return ok;
}
