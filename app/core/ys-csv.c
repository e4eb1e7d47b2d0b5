/* ys-csv.c: RFC 4180 CSV reading and writing. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ys-csv.h"

G_DEFINE_QUARK (ys-csv-error-quark, ys_csv_error)

struct _YsCsvReader {
  char  *data;
  gsize  len;
  gsize  pos;
  guint  line;  /* 1-based line of data[pos] */
  char   separator;
};

YsCsvReader *
ys_csv_reader_new_from_data (const char *data,
                             gsize       len)
{
  YsCsvReader *reader;

  g_return_val_if_fail (data != NULL || len == 0, NULL);

  /* Excel writes a BOM in front of "CSV UTF-8"; it is not part of the first field. */
  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      len -= 3;
    }

  reader = g_new0 (YsCsvReader, 1);
  reader->data = g_malloc (len + 1);
  if (len > 0)
    memcpy (reader->data, data, len);
  reader->data[len] = '\0';
  reader->len = len;
  reader->line = 1;
  reader->separator = ',';
  return reader;
}

void
ys_csv_reader_set_separator (YsCsvReader *reader,
                             char         separator)
{
  g_return_if_fail (reader != NULL);
  g_return_if_fail (separator != '"' && separator != '\n' && separator != '\r' && separator != '\0');
  reader->separator = separator;
}

void
ys_csv_reader_free (YsCsvReader *reader)
{
  if (reader == NULL)
    return;
  g_free (reader->data);
  g_free (reader);
}

/* Consumes a line break at pos (\n, \r\n or a lone \r), if any. */
static gboolean
eat_newline (YsCsvReader *reader)
{
  if (reader->pos >= reader->len)
    return FALSE;
  if (reader->data[reader->pos] == '\n')
    {
      reader->pos++;
      reader->line++;
      return TRUE;
    }
  if (reader->data[reader->pos] == '\r')
    {
      reader->pos++;
      if (reader->pos < reader->len && reader->data[reader->pos] == '\n')
        reader->pos++;
      reader->line++;
      return TRUE;
    }
  return FALSE;
}

gboolean
ys_csv_reader_next_row (YsCsvReader  *reader,
                        GPtrArray   **fields_out,
                        guint        *line_out,
                        GError      **error)
{
  g_autoptr(GPtrArray) fields = NULL;
  g_autoptr(GString) field = NULL;
  guint start_line;

  g_return_val_if_fail (reader != NULL, FALSE);
  g_return_val_if_fail (fields_out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *fields_out = NULL;
  if (reader->pos >= reader->len)
    return FALSE;

  start_line = reader->line;
  if (line_out != NULL)
    *line_out = start_line;

  fields = g_ptr_array_new_with_free_func (g_free);
  field = g_string_new (NULL);

  for (;;)
    {
      /* At the start of a field. */
      if (reader->pos < reader->len && reader->data[reader->pos] == '"')
        {
          guint quote_line = reader->line;

          reader->pos++;
          for (;;)
            {
              char c;

              if (reader->pos >= reader->len)
                {
                  g_set_error (error, YS_CSV_ERROR, YS_CSV_ERROR_UNTERMINATED_QUOTE,
                               _("line %u: a quoted field is not closed"), quote_line);
                  return FALSE;
                }
              c = reader->data[reader->pos];
              if (c == '"')
                {
                  if (reader->pos + 1 < reader->len && reader->data[reader->pos + 1] == '"')
                    {
                      g_string_append_c (field, '"');
                      reader->pos += 2;
                      continue;
                    }
                  reader->pos++;
                  break;
                }
              /* Line breaks inside quotes belong to the field but still count
               * as lines, so later records report the line an editor shows. */
              if (c == '\n' || (c == '\r' && !(reader->pos + 1 < reader->len &&
                                                reader->data[reader->pos + 1] == '\n')))
                reader->line++;
              g_string_append_c (field, c);
              reader->pos++;
            }

          /* After the closing quote only a separator or the end may follow;
           * anything else means the quoting is broken, and guessing would
           * silently shift the columns. */
          if (reader->pos < reader->len)
            {
              char c = reader->data[reader->pos];

              if (c != reader->separator && c != '\n' && c != '\r')
                {
                  g_set_error (error, YS_CSV_ERROR, YS_CSV_ERROR_BAD_QUOTE,
                               _("line %u: unexpected text after a closing quote"),
                               reader->line);
                  return FALSE;
                }
            }
        }
      else
        {
          gsize start = reader->pos;

          while (reader->pos < reader->len)
            {
              char c = reader->data[reader->pos];
              if (c == reader->separator || c == '\n' || c == '\r')
                break;
              reader->pos++;
            }
          g_string_append_len (field, reader->data + start, reader->pos - start);
        }

      g_ptr_array_add (fields, g_strndup (field->str, field->len));
      g_string_truncate (field, 0);

      if (reader->pos < reader->len && reader->data[reader->pos] == reader->separator)
        {
          reader->pos++;
          continue;
        }
      eat_newline (reader);
      break;
    }

  *fields_out = g_steal_pointer (&fields);
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
