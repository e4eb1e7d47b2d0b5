/* Programs killed (SIGKILL) at random moments while they write a budget:
 * an editor twenty times, yusuan-cli import twenty times, yusuan-cli export
 * twenty times. Afterwards the file passes SQLite's integrity check and
 * every record's checksum, every acknowledged edit is in it, an imported
 * budget is whole or absent under its name, and an export leaves either the previous complete
 * workbook or the new one under the target name, never part of one.
 *
 * The moments come from a fixed seed (YUSUAN_CRASH_SEED=N tries others). */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ys-store.h"
#include "ys-test-util.h"

#define ROUNDS 20

static GRand *rand_;

typedef struct {
  GPid     pid;
  int      out;
  GString *text;
  gboolean exited;   /* finished by itself before the kill */
  int      status;
} Child;

static void
spawn (Child *c, const char *const *argv)
{
  g_autoptr(GError) error = NULL;

  memset (c, 0, sizeof *c);
  c->text = g_string_new (NULL);
  g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDERR_TO_DEV_NULL,
                            NULL, NULL, &c->pid, NULL, &c->out, NULL, &error);
  g_assert_no_error (error);
}

/* Reads what the child prints for @ms milliseconds (less if it ends), then
 * kills it and reads what it printed before it died. */
static void
kill_after (Child *c, int ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) ms * 1000;
  char buf[4096];
  ssize_t n;

  for (;;)
    {
      gint64 left = (end - g_get_monotonic_time ()) / 1000;
      struct pollfd p = { c->out, POLLIN, 0 };

      if (left <= 0 || poll (&p, 1, (int) left) <= 0)
        break;
      n = read (c->out, buf, sizeof buf);
      if (n <= 0)
        break;
      g_string_append_len (c->text, buf, n);
    }
  kill (c->pid, SIGKILL);
  while ((n = read (c->out, buf, sizeof buf)) > 0)
    g_string_append_len (c->text, buf, n);
  close (c->out);
  g_assert_cmpint (waitpid (c->pid, &c->status, 0), ==, c->pid);
  c->exited = WIFEXITED (c->status);
  g_spawn_close_pid (c->pid);
}

static int
run_to_end (const char *const *argv)
{
  Child c;
  gint64 start = g_get_monotonic_time ();

  spawn (&c, argv);
  kill_after (&c, 600000);
  g_assert_true (c.exited);
  g_assert_cmpint (WEXITSTATUS (c.status), ==, 0);
  g_string_free (c.text, TRUE);
  return (int) ((g_get_monotonic_time () - start) / 1000);
}

/* Opening checks the header, the pages and every record's checksum; the
 * full integrity check follows. */
static YsDocument *
open_checked (const char *path)
{
  g_autoptr(GError) error = NULL;
  YsDocument *doc = ys_document_open (path, &error);

  g_assert_no_error (error);
  g_assert_true (ys_document_check_integrity (doc, &error));
  g_assert_no_error (error);
  return doc;
}

static char *
make_budget (const char *dir, const char *name)
{
  char *path = g_build_filename (dir, name, NULL);
  const char *argv[] = { CLI_PATH, "generate", "--units", "5", "--lines", "1500", "--projects", "40",
                         "--indicators", "200", path, NULL };

  run_to_end (argv);
  return path;
}

static YsRecord *
find_note (YsDocument *doc, const char *note)
{
  for (guint i = 0; i < ys_document_count (doc, &ys_line_kind); i++)
    {
      YsRecord *r = ys_document_get (doc, &ys_line_kind, i);
      if (g_strcmp0 (ys_record_get_text (r, YS_LINE_NOTE), note) == 0)
        return r;
    }
  return NULL;
}

static void
test_killed_editor (void)
{
  g_autofree char *dir = ys_test_tmp_dir ();
  g_autofree char *path = make_budget (dir, "edit.yusuan");
  g_autoptr(GPtrArray) inserted = g_ptr_array_new_with_free_func (g_free);
  gint64 amount;
  g_autofree char *code = NULL;
  guint first = 1, acked_total = 0, mid_open = 0;

  {
    g_autoptr(YsDocument) doc = open_checked (path);
    amount = ys_record_get_int (ys_document_get (doc, &ys_line_kind, 0), YS_LINE_AMOUNT);
    code = g_strdup (ys_record_get_text (ys_document_get (doc, &ys_project_kind, 0), YS_PROJECT_CODE));
  }

  for (guint round = 0; round < ROUNDS; round++)
    {
      g_autofree char *first_text = g_strdup_printf ("%u", first);
      const char *argv[] = { CRASH_EDITOR, path, first_text, NULL };
      g_auto(GStrv) acks = NULL;
      guint last = 0, next;
      Child c;

      spawn (&c, argv);
      kill_after (&c, g_rand_int_range (rand_, 5, 400));
      g_assert_false (c.exited);
      acks = g_strsplit (c.text->str, "\n", -1);
      for (guint i = 0; acks[i] && acks[i][0]; i++)
        {
          guint n = (guint) atoi (acks[i]);
          g_assert_cmpuint (n, ==, first + i);
          last = n;
          acked_total++;
          if (n % 3 == 0)
            g_ptr_array_add (inserted, g_strdup_printf ("crash %u", n));
          else if (n % 3 == 1)
            amount = n;
          else
            {
              g_free (code);
              code = g_strdup_printf ("CR%u", n);
            }
        }
      mid_open += last == 0;
      /* The change after the last acknowledged one may have been committed
       * just before the kill, its acknowledgement unprinted. */
      next = last ? last + 1 : first;
      g_string_free (c.text, TRUE);

      {
        g_autoptr(YsDocument) doc = open_checked (path);
        YsRecord *line0 = ys_document_get (doc, &ys_line_kind, 0);
        const char *code_now = ys_record_get_text (ys_document_get (doc, &ys_project_kind, 0), YS_PROJECT_CODE);
        g_autofree char *next_note = g_strdup_printf ("crash %u", next);
        g_autofree char *next_code = g_strdup_printf ("CR%u", next);

        for (guint i = 0; i < inserted->len; i++)
          if (find_note (doc, g_ptr_array_index (inserted, i)) == NULL)
            g_error ("round %u: the acknowledged line “%s” is missing", round, (char *) g_ptr_array_index (inserted, i));
        if (ys_record_get_int (line0, YS_LINE_AMOUNT) != amount
            && !(next % 3 == 1 && ys_record_get_int (line0, YS_LINE_AMOUNT) == next))
          g_error ("round %u: amount %" G_GINT64_FORMAT ", acknowledged %" G_GINT64_FORMAT,
                   round, ys_record_get_int (line0, YS_LINE_AMOUNT), amount);
        if (strcmp (code_now, code) != 0 && !(next % 3 == 2 && strcmp (code_now, next_code) == 0))
          g_error ("round %u: project code %s, acknowledged %s", round, code_now, code);
        /* What is in the file is what counts from here on. */
        if (next % 3 == 0 && find_note (doc, next_note))
          g_ptr_array_add (inserted, g_steal_pointer (&next_note));
        amount = ys_record_get_int (line0, YS_LINE_AMOUNT);
        g_free (code);
        code = g_strdup (code_now);
      }
      first = next + 1;
    }
  g_test_message ("editor: %u acknowledged edits in %u runs, %u killed before their first", acked_total, ROUNDS, mid_open);
  g_assert_cmpuint (acked_total, >, ROUNDS);
  ys_test_rm_rf (dir);
}

static guint
count_temp_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (d)) != NULL)
    n += strstr (name, ".yusuan-tmp-") != NULL;
  return n;
}

static void
test_killed_import (void)
{
  g_autofree char *dir = ys_test_tmp_dir ();
  g_autofree char *source = make_budget (dir, "source.yusuan");
  g_autofree char *csv = g_build_filename (dir, "csv", NULL);
  g_autofree char *full = g_build_filename (dir, "full.yusuan", NULL);
  const char *dump_argv[] = { CLI_PATH, "dump", source, csv, NULL };
  const char *full_argv[] = { CLI_PATH, "import", full, csv, NULL };
  guint n_lines, complete = 0, absent = 0;
  int ms;

  run_to_end (dump_argv);
  ms = run_to_end (full_argv);
  {
    g_autoptr(YsDocument) doc = open_checked (full);
    n_lines = ys_document_count (doc, &ys_line_kind);
    g_assert_cmpuint (n_lines, ==, 1500);
  }

  for (guint round = 0; round < ROUNDS; round++)
    {
      g_autofree char *target = g_strdup_printf ("%s/import-%u.yusuan", dir, round);
      const char *argv[] = { CLI_PATH, "import", target, csv, NULL };
      Child c;

      spawn (&c, argv);
      kill_after (&c, g_rand_int_range (rand_, 0, ms * 6 / 5 + 1));
      g_string_free (c.text, TRUE);
      if (c.exited)
        g_assert_cmpint (WEXITSTATUS (c.status), ==, 0);
      if (!g_file_test (target, G_FILE_TEST_EXISTS))
        {
          g_assert_false (c.exited);
          absent++;
          continue;
        }
      {
        g_autoptr(YsDocument) doc = open_checked (target);
        guint n = ys_document_count (doc, &ys_line_kind);

        /* Built under a temporary name: under its own name a budget is
         * complete, or not there at all. */
        if (n != n_lines)
          g_error ("round %u: %u of %u lines under the target name", round, n, n_lines);
        complete++;
      }
    }
  /* The next import in the folder removes what the killed ones left. */
  {
    g_autofree char *last = g_build_filename (dir, "last.yusuan", NULL);
    const char *argv[] = { CLI_PATH, "import", last, csv, NULL };

    run_to_end (argv);
    g_assert_cmpuint (count_temp_files (dir), ==, 0);
  }
  g_test_message ("import (%d ms when whole): %u complete, %u not created", ms, complete, absent);
  ys_test_rm_rf (dir);
}

/* The workbook under the target name is a whole zip: it ends with the end
 * of its central directory. */
static gboolean
is_whole_workbook (const char *path)
{
  g_autofree char *data = NULL;
  gsize len = 0;

  return g_file_get_contents (path, &data, &len, NULL) && len > 22
      && memcmp (data + len - 22, "PK\x05\x06", 4) == 0 && memcmp (data, "PK\x03\x04", 4) == 0;
}

static void
test_killed_export (void)
{
  g_autofree char *dir = ys_test_tmp_dir ();
  g_autofree char *path = make_budget (dir, "export.yusuan");
  g_autofree char *out_dir = g_build_filename (dir, "out", NULL);
  g_autofree char *xlsx = g_build_filename (out_dir, "tables.xlsx", NULL);
  const char *argv[] = { CLI_PATH, "export", "--allow-errors", "-o", xlsx, path, NULL };
  guint finished = 0, left_max = 0;
  int ms;

  g_mkdir_with_parents (out_dir, 0755);
  ms = run_to_end (argv);
  g_assert_true (is_whole_workbook (xlsx));

  for (guint round = 0; round < ROUNDS; round++)
    {
      Child c;

      spawn (&c, argv);
      kill_after (&c, g_rand_int_range (rand_, 0, ms * 6 / 5 + 1));
      g_string_free (c.text, TRUE);
      finished += c.exited;
      if (!is_whole_workbook (xlsx))
        g_error ("round %u: %s is not a whole workbook", round, xlsx);
      /* At most the killed export's own file is left: each export removes
       * those of the exports killed before it. */
      left_max = MAX (left_max, count_temp_files (out_dir));
      g_assert_cmpuint (count_temp_files (out_dir), <=, 1);
    }
  run_to_end (argv);
  g_assert_cmpuint (count_temp_files (out_dir), ==, 0);
  g_test_message ("export (%d ms when whole): %u of %u finished before the kill; at most %u temporary file left",
                  ms, finished, ROUNDS, left_max);
  ys_test_rm_rf (dir);
}

int
main (int argc, char **argv)
{
  const char *seed = g_getenv ("YUSUAN_CRASH_SEED");

  g_test_init (&argc, &argv, NULL);
  rand_ = g_rand_new_with_seed (seed ? (guint32) atoi (seed) : 7);
  g_test_add_func ("/crash/editor", test_killed_editor);
  g_test_add_func ("/crash/import", test_killed_import);
  g_test_add_func ("/crash/export", test_killed_export);
  return g_test_run ();
}
