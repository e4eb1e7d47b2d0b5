/* ys-workbook.c: the sheet and cell model, and reading a workbook by what its
 * bytes are rather than by its name (bureaus rename files freely). */
#include "config.h"

#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "ys-workbook-private.h"

G_DEFINE_QUARK (ys-workbook-error-quark, ys_workbook_error)

/* A file larger than this is refused before it is read: far above any budget
 * workbook, and what the archive limits are relative to. */
#define MAX_FILE_SIZE (256u * 1024 * 1024)

/* ---- the model ------------------------------------------------------------ */

YsSheet *
ys_sheet_new (const char *name,
              guint       n_rows,
              guint       n_cols)
{
  YsSheet *sheet = g_new0 (YsSheet, 1);

  sheet->name = g_strdup (name != NULL ? name : "");
  sheet->merges = g_array_new (FALSE, FALSE, sizeof (YsMergeRange));
  if (n_rows > 0 && n_cols > 0)
    {
      sheet->n_rows = n_rows;
      sheet->n_cols = n_cols;
      sheet->cells = g_new0 (YsCell, (gsize) n_rows * n_cols);
    }
  return sheet;
}

void
ys_sheet_free (YsSheet *sheet)
{
  if (sheet == NULL)
    return;
  for (gsize i = 0; i < (gsize) sheet->n_rows * sheet->n_cols; i++)
    g_free (sheet->cells[i].text);
  g_free (sheet->cells);
  g_array_unref (sheet->merges);
  g_free (sheet->name);
  g_free (sheet);
}

const YsCell *
ys_sheet_get_cell (const YsSheet *sheet,
                   guint          row,
                   guint          col)
{
  const YsCell *cell;

  g_return_val_if_fail (sheet != NULL, NULL);
  if (row >= sheet->n_rows || col >= sheet->n_cols)
    return NULL;
  cell = &sheet->cells[(gsize) row * sheet->n_cols + col];
  return cell->type == YS_CELL_EMPTY ? NULL : cell;
}

const char *
ys_sheet_get_text (const YsSheet *sheet,
                   guint          row,
                   guint          col)
{
  const YsCell *cell = ys_sheet_get_cell (sheet, row, col);
  return cell != NULL ? cell->text : NULL;
}

static void
sheet_grow (YsSheet *sheet,
            guint    n_rows,
            guint    n_cols)
{
  YsCell *cells;

  if (n_rows <= sheet->n_rows && n_cols <= sheet->n_cols)
    return;
  n_rows = MAX (n_rows, sheet->n_rows);
  n_cols = MAX (n_cols, sheet->n_cols);
  cells = g_new0 (YsCell, (gsize) n_rows * n_cols);
  for (guint r = 0; r < sheet->n_rows; r++)
    memcpy (&cells[(gsize) r * n_cols], &sheet->cells[(gsize) r * sheet->n_cols],
            sheet->n_cols * sizeof (YsCell));
  g_free (sheet->cells);
  sheet->cells = cells;
  sheet->n_rows = n_rows;
  sheet->n_cols = n_cols;
}

void
ys_sheet_set_cell (YsSheet    *sheet,
                   guint       row,
                   guint       col,
                   YsCellType  type,
                   const char *text)
{
  YsCell *cell;

  g_return_if_fail (sheet != NULL);
  g_return_if_fail (row < YS_WORKBOOK_MAX_ROWS && col < YS_WORKBOOK_MAX_COLS);

  if (type == YS_CELL_EMPTY || text == NULL)
    {
      if (row < sheet->n_rows && col < sheet->n_cols)
        {
          cell = &sheet->cells[(gsize) row * sheet->n_cols + col];
          g_clear_pointer (&cell->text, g_free);
          cell->type = YS_CELL_EMPTY;
        }
      return;
    }
  sheet_grow (sheet, row + 1, col + 1);
  cell = &sheet->cells[(gsize) row * sheet->n_cols + col];
  g_free (cell->text);
  cell->type = type;
  cell->text = g_strdup (text);
}

/* Corners given in any order, as "C3:A1" is still the range A1:C3. */
static YsMergeRange
merge_range (guint first_row,
             guint first_col,
             guint last_row,
             guint last_col)
{
  YsMergeRange range = { MIN (first_row, last_row), MIN (first_col, last_col),
                         MAX (first_row, last_row), MAX (first_col, last_col) };
  return range;
}

void
ys_sheet_add_merge (YsSheet *sheet,
                    guint    first_row,
                    guint    first_col,
                    guint    last_row,
                    guint    last_col)
{
  YsMergeRange range = merge_range (first_row, first_col, last_row, last_col);

  g_return_if_fail (sheet != NULL);
  g_array_append_val (sheet->merges, range);
}

const YsMergeRange *
ys_sheet_find_merge (const YsSheet *sheet,
                     guint          row,
                     guint          col)
{
  g_return_val_if_fail (sheet != NULL, NULL);
  for (guint i = 0; i < sheet->merges->len; i++)
    {
      const YsMergeRange *m = &g_array_index (sheet->merges, YsMergeRange, i);
      if (row >= m->first_row && row <= m->last_row &&
          col >= m->first_col && col <= m->last_col)
        return m;
    }
  return NULL;
}

YsWorkbook *
ys_workbook_new_empty (const char *format)
{
  YsWorkbook *book = g_new0 (YsWorkbook, 1);

  book->sheets = g_ptr_array_new_with_free_func ((GDestroyNotify) ys_sheet_free);
  book->format = g_strdup (format);
  return book;
}

void
ys_workbook_free (YsWorkbook *book)
{
  if (book == NULL)
    return;
  g_ptr_array_unref (book->sheets);
  g_free (book->format);
  g_free (book);
}

YsSheet *
ys_workbook_first_sheet (YsWorkbook *book)
{
  g_return_val_if_fail (book != NULL, NULL);
  for (guint i = 0; i < book->sheets->len; i++)
    {
      YsSheet *sheet = g_ptr_array_index (book->sheets, i);
      if (!sheet->hidden)
        return sheet;
    }
  return NULL;
}

YsSheet *
ys_workbook_find_sheet (YsWorkbook *book,
                        const char *name)
{
  g_return_val_if_fail (book != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  for (guint i = 0; i < book->sheets->len; i++)
    {
      YsSheet *sheet = g_ptr_array_index (book->sheets, i);
      if (strcmp (sheet->name, name) == 0)
        return sheet;
    }
  return NULL;
}

/* ---- building a sheet ------------------------------------------------------ */

static void
entry_clear (gpointer data)
{
  g_free (((YsCellEntry *) data)->text);
}

void
ys_sheet_builder_init (YsSheetBuilder *b,
                       const char     *name,
                       guint          *n_cells)
{
  memset (b, 0, sizeof *b);
  b->name = g_strdup (name);
  b->entries = g_array_new (FALSE, FALSE, sizeof (YsCellEntry));
  g_array_set_clear_func (b->entries, entry_clear);
  b->merges = g_array_new (FALSE, FALSE, sizeof (YsMergeRange));
  b->n_cells = n_cells;
}

void
ys_sheet_builder_clear (YsSheetBuilder *b)
{
  g_clear_pointer (&b->name, g_free);
  g_clear_pointer (&b->entries, g_array_unref);
  g_clear_pointer (&b->merges, g_array_unref);
}

gboolean
ys_sheet_builder_add (YsSheetBuilder *b,
                      guint           row,
                      guint           col,
                      YsCellType      type,
                      char           *text)
{
  YsCellEntry entry = { row, col, type, text };

  if (*b->n_cells >= YS_WORKBOOK_MAX_CELLS)
    {
      g_free (text);
      return FALSE;
    }
  (*b->n_cells)++;
  g_array_append_val (b->entries, entry);
  return TRUE;
}

void
ys_sheet_builder_merge (YsSheetBuilder *b,
                        guint           first_row,
                        guint           first_col,
                        guint           last_row,
                        guint           last_col)
{
  YsMergeRange range = merge_range (first_row, first_col, last_row, last_col);

  /* A one-cell "merge" changes nothing the reader of a sheet needs. */
  if (range.first_row != range.last_row || range.first_col != range.last_col)
    g_array_append_val (b->merges, range);
}

YsSheet *
ys_sheet_builder_finish (YsSheetBuilder  *b,
                         const char      *display,
                         GError         **error)
{
  guint n_rows = 0, n_cols = 0;
  YsSheet *sheet;

  for (guint i = 0; i < b->entries->len; i++)
    {
      YsCellEntry *e = &g_array_index (b->entries, YsCellEntry, i);
      n_rows = MAX (n_rows, e->row + 1);
      n_cols = MAX (n_cols, e->col + 1);
    }
  if ((guint64) n_rows * n_cols > YS_WORKBOOK_MAX_AREA)
    {
      g_set_error (error, YS_WORKBOOK_ERROR, YS_WORKBOOK_ERROR_TOO_LARGE,
                   _("“%s”, sheet “%s”: its cells span %u rows by %u columns, more than "
                     "the %u cells a sheet may cover"),
                   display, b->name, n_rows, n_cols, YS_WORKBOOK_MAX_AREA);
      return NULL;
    }

  sheet = ys_sheet_new (b->name, n_rows, n_cols);
  sheet->hidden = b->hidden;
  for (guint i = 0; i < b->entries->len; i++)
    {
      YsCellEntry *e = &g_array_index (b->entries, YsCellEntry, i);
      YsCell *cell = &sheet->cells[(gsize) e->row * n_cols + e->col];

      /* A cell given twice: the later one is what the file says last. */
      g_free (cell->text);
      cell->type = e->type;
      cell->text = g_steal_pointer (&e->text);
    }
  g_array_append_vals (sheet->merges, b->merges->data, b->merges->len);
  return sheet;
}

/* ---- reading by content ---------------------------------------------------- */

static gboolean
is_zip (const guint8 *data, gsize len)
{
  return len >= 4 && memcmp (data, "PK\x03\x04", 4) == 0;
}

static gboolean
is_ole2 (const guint8 *data, gsize len)
{
  return len >= 8 && memcmp (data, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0;
}

/* The sheet of a CSV file is named after the file, without its extension. */
static char *
csv_sheet_name (const char *display)
{
  const char *dot = strrchr (display, '.');
  return dot != NULL && dot != display ? g_strndup (display, dot - display) : g_strdup (display);
}

static YsWorkbook *
read_bytes_as (GBytes     *bytes,
               const char *path,
               const char *display,
               GError    **error)
{
  gsize len;
  const guint8 *data = g_bytes_get_data (bytes, &len);

  if (is_zip (data, len))
    return ys_workbook_read_xlsx (bytes, display, error);

  if (is_ole2 (data, len))
    {
      g_autofree char *tmp = NULL;
      g_autoptr(GError) local_error = NULL;
      YsWorkbook *book;
      int fd;

      if (path != NULL)
        return ys_workbook_read_xls (path, display, error);
      /* libfreexl reads only from a file. */
      fd = g_file_open_tmp ("yusuan-xls-XXXXXX", &tmp, &local_error);
      if (fd < 0 || !g_file_set_contents (tmp, (const char *) data, len, &local_error))
        {
          if (fd >= 0)
            {
              close (fd);
              g_unlink (tmp);
            }
          g_set_error (error, YS_WORKBOOK_ERROR, YS_WORKBOOK_ERROR_IO,
                       _("Cannot read “%s”: %s"), display, local_error->message);
          return NULL;
        }
      close (fd);
      book = ys_workbook_read_xls (tmp, display, error);
      g_unlink (tmp);
      return book;
    }

  {
    g_autofree char *name = csv_sheet_name (display);
    return ys_workbook_read_csv ((const char *) data, len, 0, name, display, error);
  }
}

YsWorkbook *
ys_workbook_read_bytes (GBytes     *bytes,
                        const char *name_hint,
                        GError    **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_bytes_get_size (bytes) > MAX_FILE_SIZE)
    {
      g_set_error (error, YS_WORKBOOK_ERROR, YS_WORKBOOK_ERROR_TOO_LARGE,
                   _("“%s” is larger than %u MB, more than a workbook may be"),
                   name_hint != NULL ? name_hint : _("the data"), MAX_FILE_SIZE >> 20);
      return NULL;
    }
  return read_bytes_as (bytes, NULL, name_hint != NULL ? name_hint : _("the data"), error);
}

YsWorkbook *
ys_workbook_read (const char *path,
                  GError    **error)
{
  g_autofree char *display = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GStatBuf st;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display = g_filename_display_basename (path);
  if (g_stat (path, &st) == 0 && S_ISREG (st.st_mode) && (guint64) st.st_size > MAX_FILE_SIZE)
    {
      g_set_error (error, YS_WORKBOOK_ERROR, YS_WORKBOOK_ERROR_TOO_LARGE,
                   _("“%s” is larger than %u MB, more than a workbook may be"),
                   display, MAX_FILE_SIZE >> 20);
      return NULL;
    }
  mapped = g_mapped_file_new (path, FALSE, &local_error);
  if (mapped == NULL)
    {
      g_set_error (error, YS_WORKBOOK_ERROR, YS_WORKBOOK_ERROR_IO,
                   _("Cannot read “%s”: %s"), display, local_error->message);
      return NULL;
    }
  bytes = g_mapped_file_get_bytes (mapped);
  return read_bytes_as (bytes, path, display, error);
}

YsWorkbook *
ys_workbook_read_delimited (const char *text,
                            gssize      len,
                            char        separator,
                            const char *name_hint,
                            GError    **error)
{
  const char *display = name_hint != NULL ? name_hint : _("the pasted text");
  g_autofree char *name = csv_sheet_name (display);

  g_return_val_if_fail (text != NULL || len == 0, NULL);
  g_return_val_if_fail (separator == 0 || separator == ',' || separator == '\t', NULL);

  if (len < 0)
    len = (gssize) strlen (text);
  if ((gsize) len > MAX_FILE_SIZE)
    {
      g_set_error (error, YS_WORKBOOK_ERROR, YS_WORKBOOK_ERROR_TOO_LARGE,
                   _("“%s” is larger than %u MB, more than a workbook may be"),
                   display, MAX_FILE_SIZE >> 20);
      return NULL;
    }
  return ys_workbook_read_csv (text, (gsize) len, separator, name, display, error);
}

YsWorkbook *
ys_workbook_read_text (const char *text,
                       gssize      len,
                       GError    **error)
{
  return ys_workbook_read_delimited (text, len, 0, NULL, error);
}
