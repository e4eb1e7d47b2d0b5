/* Damage to a document is refused, never shown as data: random single-byte
 * changes and truncations of a sample budget each either fail to open with a
 * refusal or load exactly the records of the original.
 *
 * The changes come from a fixed seed, so a failure can be replayed;
 * YUSUAN_DAMAGE_SEED=N tries another set. */
#define _GNU_SOURCE /* memmem */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ys-document-scan.h"
#include "ys-store.h"
#include "ys-test-util.h"

#define N_BYTE_CHANGES 100
#define N_TRUNCATIONS  20

/* Everything a document shows: its settings, imported catalog rows and every
 * field of every record with its id. */
static char *
full_dump (YsDocument *doc)
{
  const YsKind *const *kinds = ys_kinds_all ();
  GString *out = g_string_new (NULL);

  for (guint i = 0; ys_document_meta_keys[i]; i++)
    g_string_append_printf (out, "%s=%s\n", ys_document_meta_keys[i],
                            ys_document_get_meta (doc, ys_document_meta_keys[i]));
  for (guint c = 0; c < YS_CATALOG_N_KINDS; c++)
    {
      g_autoptr(GPtrArray) rows = ys_document_get_imported_catalog (doc, c);
      for (guint i = 0; i < rows->len; i++)
        {
          const YsCatalogEntry *e = g_ptr_array_index (rows, i);
          g_string_append_printf (out, "catalog %u %s %s %d %s\n", c, e->code, e->name, e->level,
                                  e->parent ? e->parent : "");
        }
    }
  for (guint k = 0; kinds[k]; k++)
    for (guint i = 0; i < ys_document_count (doc, kinds[k]); i++)
      {
        YsRecord *r = ys_document_get (doc, kinds[k], i);
        g_string_append_printf (out, "%s #%" G_GINT64_FORMAT, kinds[k]->name, ys_record_get_id (r));
        for (guint f = 0; f < kinds[k]->n_fields; f++)
          {
            g_autofree char *v = ys_record_format (r, f);
            g_string_append_printf (out, "|%s", v);
          }
        g_string_append_c (out, '\n');
      }
  return g_string_free (out, FALSE);
}

typedef struct {
  GString    *out;
  GHashTable *seen;     /* field * 2^32 + number → the text's pointer */
} Dump;

/* Each text with its number: the loaded records and the file's rows must be
 * numbered alike, and one number of a column is always the same pointer. */
static void
dump_values (Dump *d, const YsValue *values, const guint *ids, gboolean only_set)
{
  for (guint f = 0; f < ys_line_kind.n_fields; f++)
    {
      if (ys_field_is_text (&ys_line_kind.fields[f]))
        {
          gint64 key = (gint64) f << 32 | ids[f];
          gpointer before;

          /* A stored sum sets only the fields it keeps. */
          if (only_set && values[f].s == NULL)
            {
              g_string_append (d->out, "|-");
              continue;
            }
          before = g_hash_table_lookup (d->seen, &key);

          if (before == NULL)
            g_hash_table_insert (d->seen, g_memdup2 (&key, sizeof key), values[f].s);
          else
            g_assert_true (before == values[f].s);
          g_string_append_printf (d->out, "|%s#%u", values[f].s ? values[f].s : "", ids[f]);
        }
      else
        g_string_append_printf (d->out, "|%" G_GINT64_FORMAT, values[f].i);
    }
  g_string_append_c (d->out, '\n');
}

static gboolean
dump_line (const YsValue *values, const guint *ids, gpointer user_data, GError **error)
{
  dump_values (user_data, values, ids, FALSE);
  return TRUE;
}

/* The line items as ys_document_scan gives them: read from the file row by
 * row when the document streams them, else its loaded records. */
static char *
scan_dump (YsDocument *doc, GError **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  Dump d = { out, seen };

  if (!ys_document_scan (doc, &ys_line_kind, dump_line, &d, error))
    return NULL;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
dump_sum (const YsStoredSum *sum, gpointer user_data, GError **error)
{
  Dump *d = user_data;

  g_string_append_printf (d->out, "sum %d %d %" G_GINT64_FORMAT, sum->of, sum->institution, sum->lines);
  dump_values (d, sum->values, sum->ids, TRUE);
  return TRUE;
}

/* What the department's export reads of a file of format 9 instead of its
 * lines: the stored sums and the transfers. */
static char *
sums_dump (YsDocument *doc, GError **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  Dump d = { out, seen };

  if (!ys_document_scan_line_sums (doc, dump_sum, dump_line, &d, error))
    return NULL;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
expected_refusal (const GError *error)
{
  return error->domain == YS_STORE_ERROR
      && (error->code == YS_STORE_ERROR_DAMAGED || error->code == YS_STORE_ERROR_NOT_A_DOCUMENT
          || error->code == YS_STORE_ERROR_NEWER_VERSION);
}

/* What export --no-review does: the document without its lines, the lines
 * read from the file row by row, or the stored sums the department's export
 * reads instead. Between them they must refuse exactly what opening refuses
 * (which checks the sums with the lines), and otherwise read the lines and
 * the sums of the original. */
static void
try_streaming (const char *path, const char *original_lines, const char *original_sums, const char *what,
               gboolean refused)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsDocument) doc = ys_document_open_streaming (path, &ys_line_kind, &error);
  g_autofree char *lines = NULL;
  gboolean sums_refused = FALSE;

  if (doc != NULL)
    {
      g_autoptr(GError) sums_error = NULL;
      g_autofree char *sums = sums_dump (doc, &sums_error);

      if (sums == NULL && !expected_refusal (sums_error))
        g_error ("%s: its sums were refused with an unexpected error: %s", what, sums_error->message);
      if (sums == NULL && !refused)
        g_error ("%s: opened, but its sums were refused: %s", what, sums_error->message);
      if (sums != NULL && strcmp (sums, original_sums) != 0)
        g_error ("%s: its sums read differ from the original's", what);
      sums_refused = sums == NULL;
      g_assert_cmpuint (ys_document_count (doc, &ys_line_kind), ==, 0);
      lines = scan_dump (doc, &error);
      ys_document_close (doc);
    }
  if (lines == NULL)
    {
      if (!expected_refusal (error))
        g_error ("%s: streaming refused with an unexpected error: %s", what, error->message);
      if (!refused)
        g_error ("%s: opened, but its lines read row by row were refused: %s", what, error->message);
      return;
    }
  if (refused && !sums_refused)
    g_error ("%s: refused when opened, but its lines and sums were read", what);
  if (strcmp (lines, original_lines) != 0)
    g_error ("%s: its lines read row by row differ from the original", what);
}

typedef struct {
  guint refused;
  guint identical;
  guint codes[YS_STORE_ERROR_READ_ONLY + 1];
} Tally;

/* Opens @path (a damaged copy) and checks it is refused or identical. */
static void
try_open (const char *path, const char *original, const char *original_lines, const char *original_sums,
          const char *what, gboolean must_refuse, Tally *tally)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsDocument) doc = ys_document_open (path, &error);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  if (doc == NULL)
    {
      /* A refusal says what is wrong: damaged, not a budget, or a format
       * number from the future. Anything else would be a wrong message. */
      if (!expected_refusal (error))
        g_error ("%s: refused with an unexpected error: %s", what, error->message);
      tally->refused++;
      tally->codes[error->code]++;
    }
  else
    {
      g_autofree char *dump = full_dump (doc);

      if (must_refuse)
        g_error ("%s: opened, but it must be refused", what);
      if (strcmp (dump, original) != 0)
        g_error ("%s: opened and shows changed data", what);
      tally->identical++;
      ys_document_close (doc);
    }
  try_streaming (path, original_lines, original_sums, what, doc == NULL);
  g_unlink (path);
  g_unlink (wal);
}

static void
test_damage_sweep (void)
{
  const char *seed_env = g_getenv ("YUSUAN_DAMAGE_SEED");
  guint32 seed = seed_env ? (guint32) atoi (seed_env) : 20261207;
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autofree char *dir = ys_test_tmp_dir ();
  g_autofree char *copy = g_build_filename (dir, "sample.yusuan", NULL);
  g_autofree char *damaged = g_build_filename (dir, "damaged.yusuan", NULL);
  g_autofree char *data = NULL;
  g_autofree char *original = NULL, *original_lines = NULL, *original_sums = NULL;
  g_autoptr(GError) error = NULL;
  Tally bytes = { 0 }, cuts = { 0 };
  gsize len = 0;

  g_test_message ("seed %u, sample %s", seed, SAMPLE_DOCUMENT);
  g_assert_true (g_file_get_contents (SAMPLE_DOCUMENT, &data, &len, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (len, >, 65536);
  /* The sample is opened from a copy: opening never changes a healthy file,
   * but the test does not rely on it. */
  g_assert_true (g_file_set_contents (copy, data, len, NULL));
  {
    g_autoptr(YsDocument) doc = ys_document_open (copy, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (ys_document_count (doc, &ys_line_kind), >, 40);
    original = full_dump (doc);
    original_lines = scan_dump (doc, &error);
    g_assert_no_error (error);
  }
  {
    g_autoptr(YsDocument) doc = ys_document_open_streaming (copy, &ys_line_kind, &error);

    g_assert_no_error (error);
    g_assert_true (ys_document_has_line_sums (doc));
    original_sums = sums_dump (doc, &error);
    g_assert_no_error (error);
    g_assert_nonnull (strstr (original_sums, "sum 0 "));
  }

  for (guint i = 0; i < N_BYTE_CHANGES; i++)
    {
      gsize offset = g_rand_int_range (rand, 0, (gint32) len);
      guchar delta = (guchar) g_rand_int_range (rand, 1, 256);
      g_autofree char *what = g_strdup_printf ("byte %" G_GSIZE_FORMAT " changed by xor 0x%02x", offset, delta);

      data[offset] ^= delta;
      g_assert_true (g_file_set_contents (damaged, data, len, NULL));
      data[offset] ^= delta;
      try_open (damaged, original, original_lines, original_sums, what, FALSE, &bytes);
    }

  for (guint i = 0; i < N_TRUNCATIONS; i++)
    {
      /* One byte short, whole pages short, and anywhere. */
      gsize cut = i == 0 ? len - 1 : i < 5 ? len - 4096 * i : (gsize) g_rand_int_range (rand, 0, (gint32) len);
      g_autofree char *what = g_strdup_printf ("cut to %" G_GSIZE_FORMAT " of %" G_GSIZE_FORMAT " bytes", cut, len);

      g_assert_true (g_file_set_contents (damaged, data, cut, NULL));
      try_open (damaged, original, original_lines, original_sums, what, TRUE, &cuts);
    }

  g_test_message ("byte changes: %u refused (%u damaged, %u not a budget, %u newer), %u identical",
                  bytes.refused, bytes.codes[YS_STORE_ERROR_DAMAGED], bytes.codes[YS_STORE_ERROR_NOT_A_DOCUMENT],
                  bytes.codes[YS_STORE_ERROR_NEWER_VERSION], bytes.identical);
  g_test_message ("truncations: %u refused", cuts.refused);
  g_assert_cmpuint (bytes.refused + bytes.identical, ==, N_BYTE_CHANGES);
  g_assert_cmpuint (cuts.refused, ==, N_TRUNCATIONS);
  /* The sample is mostly records: most single-byte changes land in one. */
  g_assert_cmpuint (bytes.codes[YS_STORE_ERROR_DAMAGED], >, 0);
  ys_test_rm_rf (dir);
}

/* A changed byte inside one record names that record. */
static void
test_damaged_record_named (void)
{
  g_autofree char *dir = ys_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "one.yusuan", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize len = 0;
  char *hit;

  {
    g_autoptr(YsDocument) doc = ys_test_small_document (path);
    ys_document_close (doc);
  }
  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  /* The last byte of the indicator's name, 委托业务, is changed. */
  hit = memmem (data, len, "委托业务", strlen ("委托业务"));
  g_assert_nonnull (hit);
  hit[strlen ("委托业务") - 1] ^= 0x01;
  g_assert_true (g_file_set_contents (path, data, len, NULL));

  g_assert_null (ys_document_open (path, &error));
  g_assert_error (error, YS_STORE_ERROR, YS_STORE_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, "indicator"));
  g_assert_nonnull (strstr (error->message, "yusuan-cli backup restore"));
  ys_test_rm_rf (dir);
}

/* A changed byte inside a line item: the document opens without its lines,
 * and reading them row by row refuses that line by name, as opening does. */
static void
test_damaged_line_streamed (void)
{
  g_autofree char *dir = ys_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "one.yusuan", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(YsDocument) doc = NULL;
  g_autofree char *data = NULL, *lines = NULL;
  const char *note = "差旅费备注";
  gsize len = 0;
  char *hit;

  {
    g_autoptr(YsDocument) small = ys_test_small_document (path);
    YsRecord *line = ys_document_get (small, &ys_line_kind, 0);

    g_assert_true (ys_document_set_text (small, line, YS_LINE_NOTE, note, &error));
    g_assert_no_error (error);
    ys_document_close (small);
  }
  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  hit = memmem (data, len, note, strlen (note));
  g_assert_nonnull (hit);
  hit[strlen (note) - 1] ^= 0x01;
  g_assert_true (g_file_set_contents (path, data, len, NULL));

  doc = ys_document_open_streaming (path, &ys_line_kind, &error);
  g_assert_no_error (error);
  lines = scan_dump (doc, &error);
  g_assert_null (lines);
  g_assert_error (error, YS_STORE_ERROR, YS_STORE_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, "line_item"));
  g_assert_nonnull (strstr (error->message, "yusuan-cli backup restore"));
  g_clear_error (&error);
  ys_document_close (doc);
  g_assert_null (ys_document_open (path, &error));
  g_assert_error (error, YS_STORE_ERROR, YS_STORE_ERROR_DAMAGED);
  ys_test_rm_rf (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/damage/sweep", test_damage_sweep);
  g_test_add_func ("/damage/record-named", test_damaged_record_named);
  g_test_add_func ("/damage/line-streamed", test_damaged_line_streamed);
  return g_test_run ();
}
