/* The interchange format (docs/interchange.md): the CSV reader on the raw
 * bytes, then an import of the files into a fresh document, as `yusuan-cli
 * import` does.  An input is several files, each starting with a line
 * "=== NAME.csv" (the seed corpus is the dump of a small budget). */
#include <string.h>

#include "fuzz-common.h"
#include "ys-csv.h"
#include "ys-interchange.h"

static gboolean
plain_name (const char *name)
{
  if (!g_str_has_suffix (name, ".csv") || strlen (name) > 32)
    return FALSE;
  for (const char *p = name; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && *p != '_' && *p != '.')
      return FALSE;
  return TRUE;
}

/* Writes the files of the input into @dir; the names written go to @names. */
static void
write_files (const char *dir,
             const char *text,
             GPtrArray  *names)
{
  g_auto(GStrv) parts = g_strsplit (text, "=== ", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *newline = strchr (parts[i], '\n');
      g_autofree char *path = NULL;

      if (newline == NULL)
        continue;
      *newline = '\0';
      if (!plain_name (parts[i]))
        continue;
      path = g_build_filename (dir, parts[i], NULL);
      if (g_file_set_contents (path, newline + 1, -1, NULL))
        g_ptr_array_add (names, g_strdup (parts[i]));
    }
}

static void
read_all_rows (const char *data,
               size_t      size,
               char        separator)
{
  g_autoptr(YsCsvReader) reader = ys_csv_reader_new_from_data (data, size);
  g_autoptr(GError) error = NULL;
  GPtrArray *fields;
  guint line;

  ys_csv_reader_set_separator (reader, separator);
  while (ys_csv_reader_next_row (reader, &fields, &line, &error))
    g_ptr_array_unref (fields);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *base = fuzz_setup ();
  g_autofree char *dir = g_build_filename (base, "in", NULL);
  g_autofree char *doc_path = g_build_filename (base, "fuzz.yusuan", NULL);
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) meta = NULL;
  g_autoptr(GError) error = NULL;
  YsDocument *doc;

  read_all_rows ((const char *) data, size, ',');
  read_all_rows ((const char *) data, size, '\t');

  g_mkdir_with_parents (dir, 0700);
  write_files (dir, text, names);
  meta = ys_interchange_read_meta (dir, problems, &error);
  g_clear_error (&error);
  if (meta != NULL && problems->len == 0)
    {
      doc = ys_document_create (doc_path, meta, &error);
      g_clear_error (&error);
      if (doc != NULL)
        {
          ys_interchange_import (doc, dir, problems, &error);
          g_object_unref (doc);
        }
    }

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, names->pdata[i], NULL);
      g_unlink (path);
    }
  fuzz_remove_document (doc_path);
  return 0;
}
