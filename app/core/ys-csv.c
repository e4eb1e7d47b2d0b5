/* ys-csv.c: RFC 4180 CSV reading and writing. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ys-csv.h"

G_DEFINE_QUARK (ys-csv-error-quark, ys_csv_error)

struct _YsCsvReader {
  char    *owned; /* the buffer data lies in */
  char    *data;  /* NUL-terminated at len; read fields are unquoted and terminated in place */
  gsize    len;
  gsize    pos;
  guint    line;  /* 1-based line of data[pos] */
  char     separator;
  /* The bytes that can end an unquoted field: the separator, CR, LF and
   * NUL (the end of the data, or a NUL inside it). One look-up a byte
   * instead of three comparisons and the bound. */
  guint8   stops[256];
};

static void
set_stops (YsCsvReader *reader)
{
  memset (reader->stops, 0, sizeof reader->stops);
  reader->stops[(guchar) reader->separator] = 1;
  reader->stops['\n'] = 1;
  reader->stops['\r'] = 1;
  reader->stops['\0'] = 1;
}

YsCsvReader *
ys_csv_reader_new_take (char  *data,
                        gsize  len)
{
  YsCsvReader *reader;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (data[len] == '\0', NULL);

  reader = g_new0 (YsCsvReader, 1);
  reader->owned = data;
  reader->data = data;
  /* Excel writes a BOM in front of "CSV UTF-8"; it is not part of the first field. */
  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      reader->data += 3;
      len -= 3;
    }
  reader->len = len;
  reader->line = 1;
  reader->separator = ',';
  set_stops (reader);
  return reader;
}

YsCsvReader *
ys_csv_reader_new_from_data (const char *data,
                             gsize       len)
{
  char *copy;

  g_return_val_if_fail (data != NULL || len == 0, NULL);

  copy = g_malloc (len + 1);
  if (len > 0)
    memcpy (copy, data, len);
  copy[len] = '\0';
  return ys_csv_reader_new_take (copy, len);
}

void
ys_csv_reader_set_separator (YsCsvReader *reader,
                             char         separator)
{
  g_return_if_fail (reader != NULL);
  g_return_if_fail (separator != '"' && separator != '\n' && separator != '\r' && separator != '\0');
  reader->separator = separator;
  set_stops (reader);
}

void
ys_csv_reader_free (YsCsvReader *reader)
{
  if (reader == NULL)
    return;
  g_free (reader->owned);
  g_free (reader);
}

/* Reads a quoted field starting at the opening quote, moving its text to
 * *@start… in place (a doubled quote becomes one, so it never grows);
 * returns where it ends. */
static gboolean
read_quoted (YsCsvReader *reader, gsize *start, gsize *end, GError **error)
{
  char *data = reader->data;
  guint quote_line = reader->line;
  gsize out;

  reader->pos++;
  *start = out = reader->pos;
  for (;;)
    {
      char c;

      if (reader->pos >= reader->len)
        {
          g_set_error (error, YS_CSV_ERROR, YS_CSV_ERROR_UNTERMINATED_QUOTE,
                       _("line %u: a quoted field is not closed"), quote_line);
          return FALSE;
        }
      c = data[reader->pos];
      if (c == '"')
        {
          if (reader->pos + 1 < reader->len && data[reader->pos + 1] == '"')
            {
              data[out++] = '"';
              reader->pos += 2;
              continue;
            }
          reader->pos++;
          break;
        }
      /* Line breaks inside quotes belong to the field but still count
       * as lines, so later records report the line an editor shows. */
      if (c == '\n' || (c == '\r' && !(reader->pos + 1 < reader->len && data[reader->pos + 1] == '\n')))
        reader->line++;
      data[out++] = c;
      reader->pos++;
    }
  *end = out;

  /* After the closing quote only a separator or the end may follow;
   * anything else means the quoting is broken, and guessing would
   * silently shift the columns. */
  if (reader->pos < reader->len)
    {
      char c = data[reader->pos];

      if (c != reader->separator && c != '\n' && c != '\r')
        {
          g_set_error (error, YS_CSV_ERROR, YS_CSV_ERROR_BAD_QUOTE,
                       _("line %u: unexpected text after a closing quote"), reader->line);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
ys_csv_reader_next_row_in_place (YsCsvReader  *reader,
                                 GPtrArray    *fields,
                                 guint        *line_out,
                                 GError      **error)
{
  char *data;

  g_return_val_if_fail (reader != NULL, FALSE);
  g_return_val_if_fail (fields != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_ptr_array_set_size (fields, 0);
  if (reader->pos >= reader->len)
    return FALSE;
  if (line_out != NULL)
    *line_out = reader->line;

  data = reader->data;
  for (;;)
    {
      gsize start, end;
      char after;

      if (data[reader->pos] == '"')
        {
          if (!read_quoted (reader, &start, &end, error))
            {
              g_ptr_array_set_size (fields, 0);
              return FALSE;
            }
        }
      else
        {
          gsize p = start = reader->pos;

          for (;;)
            {
              while (!reader->stops[(guchar) data[p]])
                p++;
              /* A NUL before the end is a byte of the field. */
              if (data[p] != '\0' || p >= reader->len)
                break;
              p++;
            }
          reader->pos = end = p;
        }

      /* What ends the field is looked at before the field's end is made
       * its terminator: the two can be the same byte. */
      after = reader->pos < reader->len ? data[reader->pos] : '\0';
      data[end] = '\0';
      g_ptr_array_add (fields, data + start);

      if (after == reader->separator)
        {
          reader->pos++;
          continue;
        }
      if (after == '\n' || after == '\r')
        {
          reader->pos++;
          if (after == '\r' && reader->pos < reader->len && data[reader->pos] == '\n')
            reader->pos++;
          reader->line++;
        }
      break;
    }
  return TRUE;
}

gboolean
ys_csv_reader_next_row (YsCsvReader  *reader,
                        GPtrArray   **fields_out,
                        guint        *line_out,
                        GError      **error)
{
  g_autoptr(GPtrArray) in_place = g_ptr_array_new ();
  GPtrArray *fields;

  g_return_val_if_fail (fields_out != NULL, FALSE);

  *fields_out = NULL;
  if (!ys_csv_reader_next_row_in_place (reader, in_place, line_out, error))
    return FALSE;
  fields = g_ptr_array_new_full (in_place->len, g_free);
  for (guint i = 0; i < in_place->len; i++)
    g_ptr_array_add (fields, g_strdup (g_ptr_array_index (in_place, i)));
  *fields_out = fields;
  return TRUE;
}

static gboolean
needs_quotes (const char *s)
{
  gsize n;

  if (*s == '\0')
    return FALSE;
  if (strpbrk (s, ",\"\r\n") != NULL)
    return TRUE;
  /* Some readers trim unquoted fields; quoting keeps the spaces. */
  n = strlen (s);
  return s[0] == ' ' || s[0] == '\t' || s[n - 1] == ' ' || s[n - 1] == '\t';
}

void
ys_csv_append_row (GString            *out,
                   const char * const *fields,
                   guint               n)
{
  g_return_if_fail (out != NULL);
  g_return_if_fail (fields != NULL || n == 0);

  for (guint i = 0; i < n; i++)
    {
      const char *s = fields[i] != NULL ? fields[i] : "";

      if (i > 0)
        g_string_append_c (out, ',');
      if (!needs_quotes (s))
        {
          g_string_append (out, s);
          continue;
        }
      g_string_append_c (out, '"');
      for (const char *p = s; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  g_string_append_c (out, '\n');
}
