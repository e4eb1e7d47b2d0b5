/* Shared by the libFuzzer targets (built with -Dfuzzing=true, docs/fuzzing.md). */
#pragma once

#include <stdint.h>
#include <stdlib.h>
#include <glib.h>
#include <glib/gstdio.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static char *fuzz_dir;

static inline void
fuzz_remove_tree (const char *path)
{
  g_autoptr(GDir) d = g_dir_open (path, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        fuzz_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static inline void
fuzz_remove_dir (void)
{
  if (fuzz_dir != NULL)
    fuzz_remove_tree (fuzz_dir);
}

/* Messages the code logs for bad input would only slow the run down;
 * criticals (a broken precondition) are kept, as they point at a bug. */
static inline GLogWriterOutput
fuzz_log_writer (GLogLevelFlags   level,
                 const GLogField *fields,
                 gsize            n_fields,
                 gpointer         user_data)
{
  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL))
    return g_log_writer_standard_streams (level, fields, n_fields, user_data);
  return G_LOG_WRITER_HANDLED;
}

/* A private folder for the files a target writes, removed at exit. */
static inline const char *
fuzz_setup (void)
{
  if (fuzz_dir == NULL)
    {
      fuzz_dir = g_dir_make_tmp ("yusuan-fuzz-XXXXXX", NULL);
      if (fuzz_dir == NULL)
        abort ();
      atexit (fuzz_remove_dir);
      g_log_set_writer_func (fuzz_log_writer, NULL, NULL);
    }
  return fuzz_dir;
}

/* Writes @data to @name in the private folder; the path, to be freed. */
static inline char *
fuzz_write_file (const char    *name,
                 const uint8_t *data,
                 size_t         size)
{
  char *path = g_build_filename (fuzz_setup (), name, NULL);

  if (!g_file_set_contents (path, (const char *) data, (gssize) size, NULL))
    abort ();
  return path;
}

/* Removes a document and the files SQLite keeps beside it. */
static inline void
fuzz_remove_document (const char *path)
{
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *p = g_strconcat (path, suffixes[i], NULL);
      g_unlink (p);
    }
}
