/* ys-workbook-csv.c: delimited text as a one-sheet workbook.
 *
 * Excel on a Chinese Windows saves "CSV" in GB18030 and "CSV UTF-8" with a
 * BOM; WPS saves UTF-8; "Unicode text" is tab-separated UTF-16 with a BOM,
 * and the clipboard of every spreadsheet holds tab-separated text.  GB18030
 * is almost never valid UTF-8 (its two-byte sequences do not follow UTF-8's
 * lead/continuation pattern), so validity decides between the two. */
#include "config.h"

#include <string.h>

#include "ys-csv.h"
#include "ys-workbook-private.h"

/* Header lines looked at to choose the separator. */
#define DETECT_LINES 5

/* Tab when a tab stands outside quotes in the first lines, else comma:
 * commas also occur inside tab-separated amounts ("1,623.35"), tabs almost
 * never inside comma-separated fields. */
static char
detect_separator (const char *text,
                  gsize       len)
{
  gboolean quoted = FALSE;
  guint lines = 0;

  for (gsize i = 0; i < len && lines < DETECT_LINES; i++)
    {
      if (text[i] == '"')
        quoted = !quoted;
      else if (!quoted && text[i] == '\t')
        return '\t';
      else if (!quoted && text[i] == '\n')
        lines++;
    }
  return ',';
}

/* A line of a million separators would become a million fields before any
 * row could be checked; count them first. */
static gboolean
too_many_columns (const char *text,
                  gsize       len,
                  char        separator,
                  guint      *line_out)
{
  guint count = 0, line = 1;

  for (gsize i = 0; i < len; i++)
    {
      if (text[i] == separator && ++count >= YS_WORKBOOK_MAX_COLS)
        {
          *line_out = line;
          return TRUE;
        }
      if (text[i] == '\n')
        {
          count = 0;
          line++;
        }
    }
  return FALSE;
}

/* The text in UTF-8 without BOM, in *@converted when it had to be converted. */
static gboolean
to_utf8 (const char  **text,
         gsize        *len,
         char        **converted,
         const char   *display,
         GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  const char *from = NULL;
  gsize skip = 0;

  if (*len >= 2 && memcmp (*text, "\xFF\xFE", 2) == 0)
    from = "UTF-16LE", skip = 2;
  else if (*len >= 2 && memcmp (*text, "\xFE\xFF", 2) == 0)
    from = "UTF-16BE", skip = 2;
  else
    {
      if (*len >= 3 && memcmp (*text, "\xEF\xBB\xBF", 3) == 0)
        *text += 3, *len -= 3;
      if (*len > 0 && memchr (*text, '\0', *len) != NULL)
        {
          g_set_error (error, YS_WORKBOOK_ERROR, YS_WORKBOOK_ERROR_FORMAT,
                       _("“%s” is neither a workbook nor text: it holds binary data"), display);
          return FALSE;
        }
      if (g_utf8_validate (*text, (gssize) *len, NULL))
        return TRUE;
      from = "GB18030";
    }

  *converted = g_convert (*text + skip, (gssize) (*len - skip), "UTF-8", from, NULL, len,
                          &local_error);
  if (*converted == NULL)
    {
      g_set_error (error, YS_WORKBOOK_ERROR, YS_WORKBOOK_ERROR_FORMAT,
                   skip > 0 ? _("“%s” is not valid UTF-16 text: %s")
                            : _("“%s” is neither UTF-8 nor GB18030 text: %s"),
                   display, local_error->message);
      return FALSE;
    }
  if (memchr (*converted, '\0', *len) != NULL)
    {
      g_set_error (error, YS_WORKBOOK_ERROR, YS_WORKBOOK_ERROR_FORMAT,
                   _("“%s” is neither a workbook nor text: it holds binary data"), display);
      return FALSE;
    }
  *text = *converted;
  return TRUE;
}

YsWorkbook *
ys_workbook_read_csv (const char  *data,
                      gsize        len,
                      char         separator,
                      const char  *sheet_name,
                      const char  *display,
                      GError     **error)
{
  g_autofree char *converted = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(YsCsvReader) reader = NULL;
  g_autoptr(YsWorkbook) book = NULL;
  GPtrArray *fields = NULL;
  YsSheetBuilder b;
  YsSheet *sheet;
  guint n_cells = 0, row = 0, line = 0;

  if (!to_utf8 (&data, &len, &converted, display, error))
    return NULL;
  if (separator == 0)
    separator = detect_separator (data, len);
  if (too_many_columns (data, len, separator, &line))
    {
      g_set_error (error, YS_WORKBOOK_ERROR, YS_WORKBOOK_ERROR_TOO_LARGE,
                   _("“%s”, line %u: more than %u columns, the most a sheet can have"),
                   display, line, YS_WORKBOOK_MAX_COLS);
      return NULL;
    }

  reader = ys_csv_reader_new_from_data (data, len);
  g_clear_pointer (&converted, g_free);
  ys_csv_reader_set_separator (reader, separator);
  ys_sheet_builder_init (&b, sheet_name, &n_cells);

  while (ys_csv_reader_next_row (reader, &fields, &line, &local_error))
    {
      gboolean full = FALSE;

      if (row >= YS_WORKBOOK_MAX_ROWS)
        {
          g_ptr_array_unref (fields);
          g_set_error (&local_error, YS_WORKBOOK_ERROR, YS_WORKBOOK_ERROR_TOO_LARGE,
                       _("line %u: more than %u rows, the most a sheet can have"),
                       line, YS_WORKBOOK_MAX_ROWS);
          break;
        }
      for (guint col = 0; col < fields->len && !full; col++)
        {
          char *text = fields->pdata[col];
          if (*text != '\0')
            {
              fields->pdata[col] = NULL;
              full = !ys_sheet_builder_add (&b, row, col, YS_CELL_STRING, text);
            }
        }
      g_ptr_array_unref (fields);
      if (full)
        {
          g_set_error (&local_error, YS_WORKBOOK_ERROR, YS_WORKBOOK_ERROR_TOO_LARGE,
                       _("line %u: more than %u filled cells, more than can be read"),
                       line, YS_WORKBOOK_MAX_CELLS);
          break;
        }
      row++;
    }
  if (local_error != NULL)
    {
      /* The message already starts with "line N: …". */
      g_set_error (error, YS_WORKBOOK_ERROR,
                   local_error->domain == YS_WORKBOOK_ERROR ? local_error->code
                                                            : YS_WORKBOOK_ERROR_FORMAT,
                   _("“%s”, %s"), display, local_error->message);
      ys_sheet_builder_clear (&b);
      return NULL;
    }

  sheet = ys_sheet_builder_finish (&b, display, error);
  ys_sheet_builder_clear (&b);
  if (sheet == NULL)
    return NULL;
  book = ys_workbook_new_empty ("csv");
  g_ptr_array_add (book->sheets, sheet);
  return g_steal_pointer (&book);
}
