/* Backups: made with SQLite's online backup, the newest ten kept, restored
 * in place (the damaged file kept aside) or to another name. */
#include "config.h"

#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "ys-backup.h"
#include "ys-read-copy.h"
#include "ys-store.h"
#include "ys-test-util.h"

static void
damage (const char *path, const char *text)
{
  g_autofree char *data = NULL;
  gsize len = 0;
  char *hit;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  hit = NULL;
  for (gsize i = 0; hit == NULL && i + strlen (text) <= len; i++)
    if (memcmp (data + i, text, strlen (text)) == 0)
      hit = data + i;
  g_assert_nonnull (hit);
  hit[0] ^= 0x01;
  g_assert_true (g_file_set_contents (path, data, len, NULL));
}

static void
test_make_restore (void)
{
  g_autofree char *dir = ys_test_tmp_dir ();
  g_autofree char *data_home = g_build_filename (dir, "data", NULL);
  g_autofree char *path = g_build_filename (dir, "b.yusuan", NULL);
  g_autofree char *out = g_build_filename (dir, "restored.yusuan", NULL);
  g_autofree char *from = NULL, *aside = NULL, *first = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;

  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  {
    g_autoptr(YsDocument) doc = ys_test_small_document (path);

    g_assert_null (ys_backup_latest (path));
    first = ys_backup_make (doc, TRUE, &error);
    g_assert_no_error (error);
    g_assert_nonnull (first);
    g_assert_true (g_str_has_prefix (first, data_home));
    /* Unchanged since: nothing to do. */
    g_assert_null (ys_backup_make (doc, TRUE, &error));
    g_assert_no_error (error);
    /* Forced: more than the kept number, the oldest go. */
    for (guint i = 0; i < YS_BACKUP_KEEP + 2; i++)
      g_free (ys_backup_make (doc, FALSE, &error));
    g_assert_no_error (error);
    list = ys_backup_list (path);
    g_assert_cmpuint (list->len, ==, YS_BACKUP_KEEP);
    g_assert_false (g_file_test (first, G_FILE_TEST_EXISTS));
    ys_document_close (doc);
  }

  /* Open in another program: restoring over it is refused. */
  {
    int fds[2];
    char c;
    pid_t pid;

    g_assert_cmpint (pipe (fds), ==, 0);
    pid = fork ();
    if (pid == 0)
      {
        YsDocument *doc = ys_document_open (path, NULL);
        if (doc == NULL || write (fds[1], "o", 1) != 1)
          _exit (1);
        pause ();
        _exit (0);
      }
    g_assert_cmpint (read (fds[0], &c, 1), ==, 1);
    g_assert_false (ys_backup_restore (path, NULL, NULL, NULL, NULL, &error));
    g_assert_error (error, YS_BACKUP_ERROR, YS_BACKUP_ERROR_FAILED);
    g_clear_error (&error);
    kill (pid, SIGKILL);
    waitpid (pid, NULL, 0);
    close (fds[0]);
    close (fds[1]);
  }

  damage (path, "委托业务");
  g_assert_null (ys_document_open (path, &error));
  g_assert_error (error, YS_STORE_ERROR, YS_STORE_ERROR_DAMAGED);
  g_clear_error (&error);
  {
    g_autofree char *advice = ys_backup_advice (path);
    g_assert_nonnull (strstr (advice, ((YsBackup *) g_ptr_array_index (list, 0))->path));
  }

  /* To another name: the damaged file stays where it is. */
  g_assert_true (ys_backup_restore (path, NULL, out, &from, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (from, ==, ((YsBackup *) g_ptr_array_index (list, 0))->path);
  g_assert_true (ys_backup_restore (path, NULL, out, NULL, NULL, &error) == FALSE);
  g_assert_error (error, YS_BACKUP_ERROR, YS_BACKUP_ERROR_EXISTS);
  g_clear_error (&error);

  /* In place: the damaged file is kept aside, the backup opens. */
  g_assert_true (ys_backup_restore (path, ((YsBackup *) g_ptr_array_index (list, 1))->name, NULL, NULL, &aside, &error));
  g_assert_no_error (error);
  g_assert_nonnull (aside);
  g_assert_true (g_file_test (aside, G_FILE_TEST_EXISTS));
  {
    g_autoptr(YsDocument) doc = ys_document_open (path, &error);
    g_autoptr(YsDocument) other = ys_document_open (out, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (ys_document_count (doc, &ys_indicator_kind), ==, 1);
    g_assert_cmpstr (ys_record_get_text (ys_document_get (doc, &ys_indicator_kind, 0), YS_INDICATOR_NAME), ==, "委托业务");
    g_assert_cmpuint (ys_document_count (other, &ys_line_kind), ==, 2);
  }
  g_assert_null (ys_document_open (aside, &error));
  g_assert_error (error, YS_STORE_ERROR, YS_STORE_ERROR_DAMAGED);
  g_clear_error (&error);

  g_assert_false (ys_backup_restore (path, "19990101T000000.000Z.yusuan", NULL, NULL, NULL, &error));
  g_assert_error (error, YS_BACKUP_ERROR, YS_BACKUP_ERROR_NONE_FOUND);
  ys_test_rm_rf (dir);
}

typedef struct
{
  YsReadCopy *copy;
  guint       lines;
  char       *name;
} CopyRead;

static gpointer
read_copy_in_thread (gpointer data)
{
  CopyRead *read = data;
  g_autoptr(GError) error = NULL;
  YsDocument *doc = ys_read_copy_open (read->copy, &error);

  g_assert_no_error (error);
  read->lines = ys_document_count (doc, &ys_line_kind);
  read->name = g_strdup (ys_document_get_meta (doc, "dept_name"));
  return NULL;
}

/* The copy is read in another thread while the document, whose file stays
 * locked, goes on changing; it holds the document as it was when taken. */
static void
test_read_copy (void)
{
  g_autofree char *dir = ys_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "b.yusuan", NULL);
  g_autoptr(YsDocument) doc = ys_test_small_document (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *copy_dir = NULL;
  YsReadCopy *copy;
  CopyRead read = { 0 };
  GThread *thread;
  guint lines = ys_document_count (doc, &ys_line_kind);

  g_assert_cmpuint (lines, >, 0);
  copy = ys_read_copy_new (doc, &error);
  g_assert_no_error (error);
  g_assert_nonnull (copy);

  g_assert_true (ys_document_set_meta (doc, "dept_name", "改过的名称", &error));
  g_assert_true (ys_document_delete (doc, ys_document_get (doc, &ys_line_kind, 0), &error));
  g_assert_no_error (error);

  read.copy = copy;
  thread = g_thread_new ("copy", read_copy_in_thread, &read);
  g_thread_join (thread);
  g_assert_cmpuint (read.lines, ==, lines);
  g_assert_cmpstr (read.name, !=, "改过的名称");
  g_assert_cmpuint (ys_document_count (doc, &ys_line_kind), ==, lines - 1);

  /* The copy is in a folder of its own, gone with it; the budget is untouched. */
  copy_dir = g_path_get_dirname (ys_document_get_path (ys_read_copy_open (copy, NULL)));
  g_assert_true (g_file_test (copy_dir, G_FILE_TEST_IS_DIR));
  g_assert_false (g_str_has_prefix (copy_dir, dir));
  ys_read_copy_free (copy);
  g_assert_false (g_file_test (copy_dir, G_FILE_TEST_EXISTS));
  g_assert_true (ys_document_set_meta (doc, "dept_name", "再改", &error));
  g_assert_no_error (error);

  /* Inside a batch a copy would hold half of it: refused. */
  g_assert_true (ys_document_begin_batch (doc, "x", &error));
  g_assert_null (ys_read_copy_new (doc, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  ys_document_cancel_batch (doc);

  ys_document_close (doc);

  /* A budget open read-only is copied all the same. */
  g_setenv ("YUSUAN_OPEN_READ_ONLY", "1", TRUE);
  {
    g_autoptr(YsDocument) ro = ys_document_open (path, &error);
    g_autoptr(YsReadCopy) ro_copy = NULL;

    g_assert_no_error (error);
    g_assert_true (ys_document_is_read_only (ro));
    ro_copy = ys_read_copy_new (ro, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (ys_document_count (ys_read_copy_open (ro_copy, &error), &ys_line_kind), ==, lines - 1);
    g_assert_no_error (error);
  }
  g_unsetenv ("YUSUAN_OPEN_READ_ONLY");

  g_free (read.name);
  ys_test_rm_rf (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/backup/make-restore", test_make_restore);
  g_test_add_func ("/backup/read-copy", test_read_copy);
  return g_test_run ();
}
