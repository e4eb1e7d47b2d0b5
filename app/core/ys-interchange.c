#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "ys-csv.h"
#include "ys-indicator.h"
#include "ys-interchange.h"
#include "ys-intern-table.h"
#include "ys-record-private.h"
#include "ys-temp-file.h"

G_DEFINE_QUARK (ys-interchange-error-quark, ys_interchange_error)

static const char *const catalog_files[YS_CATALOG_N_KINDS] = {
  "function", "economic_dept", "economic_gov", "procurement"
};

/* FILE:LINE: column: reason, the form docs/interchange.md documents and
 * editors jump to. */
static void
problem (GPtrArray *problems, const char *file, guint line, guint column,
         const char *column_name, const char *reason)
{
  if (column > 0)
    g_ptr_array_add (problems, g_strdup_printf ("%s:%u: %s: %s", file, line, column_name, reason));
  else
    g_ptr_array_add (problems, g_strdup_printf ("%s:%u: %s", file, line, reason));
}

/* NULL with no error when the file does not exist. */
static YsCsvReader *
open_csv (const char *dir, const char *file, GError **error)
{
  g_autofree char *path = g_build_filename (dir, file, NULL);
  g_autofree char *data = NULL;
  gsize len = 0;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return NULL;
  if (!g_file_get_contents (path, &data, &len, error))
    return NULL;
  if (!g_utf8_validate_len (data, len, NULL))
    {
      g_set_error (error, YS_INTERCHANGE_ERROR, YS_INTERCHANGE_ERROR_IO,
                   _("%s is not UTF-8 text; save it as CSV UTF-8"), file);
      return NULL;
    }
  return ys_csv_reader_new_take (g_steal_pointer (&data), len);
}

static gboolean
row_is_blank (const GPtrArray *row)
{
  for (guint i = 0; i < row->len; i++)
    {
      const char *s = g_ptr_array_index (row, i);
      for (; *s; s++)
        if (!g_ascii_isspace (*s))
          return FALSE;
    }
  return TRUE;
}

/* A multi-line setting edited in a spreadsheet comes back with CRLF; the
 * document keeps paragraphs separated by a bare "\n". */
static char *
unix_line_ends (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    if (*p == '\r')
      {
        g_string_append_c (out, '\n');
        if (p[1] == '\n')
          p++;
      }
    else
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

static gboolean
is_known_key (const char *key)
{
  if (g_strv_contains (ys_document_meta_keys, key))
    return TRUE;
  for (guint c = 0; c < YS_CATALOG_N_KINDS; c++)
    if (g_str_has_prefix (key, "catalog_replaced_") && strcmp (key + strlen ("catalog_replaced_"), catalog_files[c]) == 0)
      return TRUE;
  return FALSE;
}

/* A file that is none of the format's (lines.csv misspelt line.csv) would
 * leave its rows out without a word. Notes beside the data (README, *.md),
 * hidden files and budget files (*.yusuan) are let be. */
static void
check_file_names (const char *dir, GPtrArray *problems)
{
  const YsKind *const *kinds = ys_kinds_all ();
  g_autoptr(GPtrArray) known = g_ptr_array_new ();
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autofree char *known_list = NULL;
  const char *name;

  g_ptr_array_add (known, (gpointer) "document.csv");
  g_ptr_array_add (known, (gpointer) "catalog.csv");
  for (guint k = 0; kinds[k]; k++)
    g_ptr_array_add (known, (gpointer) kinds[k]->file);
  g_ptr_array_add (known, NULL);
  known_list = g_strjoinv (", ", (char **) known->pdata);

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *msg = NULL;

      if (g_strv_contains ((const char *const *) known->pdata, name)
          || name[0] == '.' || g_str_has_prefix (name, "README") || g_str_has_suffix (name, ".md")
          || strstr (name, ".yusuan") != NULL || g_file_test (path, G_FILE_TEST_IS_DIR))
        continue;
      msg = g_strdup_printf (_("%s: not a file of the interchange format, so its rows would be left out; "
                               "the known files are %s"), name, known_list);
      g_ptr_array_add (problems, g_steal_pointer (&msg));
    }
}

GHashTable *
ys_interchange_read_meta (const char *dir, GPtrArray *problems, GError **error)
{
  g_autoptr(GHashTable) meta = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GError) local = NULL;
  g_autoptr(YsCsvReader) reader = open_csv (dir, "document.csv", &local);
  GPtrArray *row = NULL;
  guint line = 0;
  gboolean header = TRUE;

  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  while (reader && ys_csv_reader_next_row (reader, &row, &line, &local))
    {
      g_autoptr(GPtrArray) owned = row;

      if (header)
        {
          header = FALSE;
          if (owned->len < 2 || strcmp (g_ptr_array_index (owned, 0), "key") != 0
              || strcmp (g_ptr_array_index (owned, 1), "value") != 0)
            problem (problems, "document.csv", line, 0, NULL, _("the first line must be “key,value”"));
          continue;
        }
      if (row_is_blank (owned))
        continue;
      if (owned->len != 2)
        {
          problem (problems, "document.csv", line, 0, NULL, _("each line must have a key and a value"));
          continue;
        }
      if (!is_known_key (g_ptr_array_index (owned, 0)))
        {
          g_autofree char *known = g_strjoinv (", ", (char **) ys_document_meta_keys);
          g_autofree char *msg = g_strdup_printf (_("unknown key “%s” (the known keys are %s and catalog_replaced_…)"),
                                                  (const char *) g_ptr_array_index (owned, 0), known);
          problem (problems, "document.csv", line, 1, "key", msg);
          continue;
        }
      g_hash_table_insert (meta, g_strdup (g_ptr_array_index (owned, 0)),
                           g_strstrip (unix_line_ends (g_ptr_array_index (owned, 1))));
    }
  if (local != NULL)
    problem (problems, "document.csv", line, 0, NULL, local->message);
  return g_steal_pointer (&meta);
}

typedef struct {
  const YsKind *kind;
  GPtrArray    *records;  /* YsRecord */
  GArray       *lines;    /* guint: line of each record */
} Parsed;

/* Codes and choices are interned text, which ys_field_parse() looks up in
 * GLib's table of interned strings for every cell (a lock and a hash of the
 * text each, a fifth of parsing a million lines). A cell the same as the
 * one above it in its column gives the value that one gave, and a cell
 * that an earlier row's cell parsed to unchanged gives that, from the
 * column's own table: what ys_field_parse() would give. */
typedef struct {
  const char   *cell;     /* the last code or choice cell parsed (in the reader's data) */
  const char   *value;    /* what it gave */
  YsInternTable parsed;   /* cells that parsed to themselves */
} Memo;

static gboolean
memo_lookup (Memo *memo, const char *cell, YsValue *v)
{
  if (memo->cell != NULL && strcmp (cell, memo->cell) == 0)
    {
      v->s = (char *) memo->value;
      return TRUE;
    }
  v->s = (char *) ys_intern_table_find (&memo->parsed, cell, strlen (cell));
  if (v->s == NULL)
    return FALSE;
  memo->cell = cell;
  memo->value = v->s;
  return TRUE;
}

/* @cell parsed to @value: when that is the cell itself, the same cell
 * gives it again. */
static void
memo_parsed (Memo *memo, const char *cell, const char *value)
{
  memo->cell = cell;
  memo->value = value;
  if (value != NULL && strcmp (value, cell) == 0)
    ys_intern_table_lookup (&memo->parsed, cell, strlen (cell));
}

static void
memo_free (Memo *memo, guint n)
{
  for (guint i = 0; memo != NULL && i < n; i++)
    ys_intern_table_clear (&memo[i].parsed);
  g_free (memo);
}

static void
parse_kind (const char *dir, const YsKind *kind, Parsed *out, GPtrArray *problems)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(YsCsvReader) reader = open_csv (dir, kind->file, &local);
  g_autofree int *columns = NULL;  /* CSV column → field, -1 unknown */
  guint n_columns = 0;
  /* The cells of a row, read in place: nothing is allocated per cell. */
  g_autoptr(GPtrArray) owned = g_ptr_array_new ();
  Memo *memo = NULL;
  guint line = 0;

  out->kind = kind;
  out->records = g_ptr_array_new_with_free_func (g_object_unref);
  out->lines = g_array_new (FALSE, FALSE, sizeof (guint));

  if (local != NULL)
    {
      problem (problems, kind->file, 1, 0, NULL, local->message);
      return;
    }
  if (reader == NULL)
    return;

  while (ys_csv_reader_next_row_in_place (reader, owned, &line, &local))
    {
      g_autoptr(YsRecord) record = NULL;
      YsValue *slots;
      gboolean ok = TRUE;

      if (columns == NULL)
        {
          gboolean *seen = g_new0 (gboolean, kind->n_fields);

          n_columns = owned->len;
          columns = g_new (int, n_columns);
          memo = g_new0 (Memo, n_columns);
          for (guint c = 0; c < n_columns; c++)
            {
              const char *name = g_strstrip ((char *) g_ptr_array_index (owned, c));
              columns[c] = ys_kind_find_field (kind, name);
              if (columns[c] < 0)
                {
                  g_autofree char *msg = g_strdup_printf (_("unknown column “%s”"), name);
                  problem (problems, kind->file, line, c + 1, name, msg);
                }
              else if (seen[columns[c]])
                {
                  g_autofree char *msg = g_strdup_printf (_("the column “%s” appears twice"), name);
                  problem (problems, kind->file, line, c + 1, name, msg);
                }
              else
                {
                  seen[columns[c]] = TRUE;
                }
            }
          for (guint f = 0; f < kind->n_fields; f++)
            if (!seen[f] && (kind->fields[f].flags & YS_FIELD_REQUIRED))
              {
                g_autofree char *msg = g_strdup_printf (_("the required column “%s” (%s) is missing"),
                                                        kind->fields[f].name, _(kind->fields[f].label));
                problem (problems, kind->file, line, 0, NULL, msg);
              }
          g_free (seen);
          continue;
        }

      if (row_is_blank (owned))
        continue;
      if (owned->len != n_columns)
        {
          g_autofree char *msg = g_strdup_printf (_("has %u columns but the first line names %u"),
                                                  owned->len, n_columns);
          problem (problems, kind->file, line, 0, NULL, msg);
          continue;
        }

      /* Each value parsed once, straight into the new record's slot:
       * nobody sees the record before it is complete. */
      record = ys_record_new (kind);
      slots = ys_record_load_slots (record);
      for (guint c = 0; c < n_columns; c++)
        {
          g_autoptr(GError) field_error = NULL;
          const YsField *field;
          const char *cell;
          gboolean interned;
          YsValue v = { 0 };

          if (columns[c] < 0)
            continue;
          field = &kind->fields[columns[c]];
          cell = g_ptr_array_index (owned, c);
          interned = field->type == YS_FIELD_CODE || field->type == YS_FIELD_CHOICE;
          /* An empty optional text is NULL, as parsing it would leave it
           * after a copy of "" to free (notes, sub-sources: most lines). */
          if (field->type == YS_FIELD_TEXT && cell[0] == '\0' && !(field->flags & YS_FIELD_REQUIRED))
            ;
          else if (!interned || !memo_lookup (&memo[c], cell, &v))
            {
              if (!ys_field_parse (field, cell, &v, &field_error))
                {
                  problem (problems, kind->file, line, c + 1, field->name, field_error->message);
                  ok = FALSE;
                  continue;
                }
              if (interned)
                memo_parsed (&memo[c], cell, v.s);
            }
          /* Free text the record owns, NULL when empty, as ys_value_copy() leaves it. */
          if (field->type == YS_FIELD_TEXT && v.s != NULL && v.s[0] == '\0')
            g_clear_pointer (&v.s, g_free);
          /* Empty unless a column came twice (a problem reported above). */
          if (slots[columns[c]].s != NULL)
            ys_value_clear (field, &slots[columns[c]]);
          slots[columns[c]] = v;
        }
      if (ok && kind == &ys_indicator_kind)
        {
          g_autoptr(GError) split_error = NULL;

          if (!ys_indicator_settle (record, &split_error))
            {
              guint value_column = 0;
              for (guint c = 0; c < n_columns; c++)
                if (columns[c] == YS_INDICATOR_VALUE)
                  value_column = c + 1;
              problem (problems, kind->file, line, value_column, "value", split_error->message);
              ok = FALSE;
            }
        }
      /* A required column that is absent is reported once, above; here only
       * the fields given must be complete. */
      for (guint f = 0; ok && f < kind->n_fields; f++)
        {
          const YsField *field = &kind->fields[f];
          if ((field->flags & YS_FIELD_REQUIRED) && ys_field_is_text (field)
              && (slots[f].s == NULL || slots[f].s[0] == '\0'))
            ok = FALSE;
        }
      if (ok)
        {
          g_ptr_array_add (out->records, g_steal_pointer (&record));
          g_array_append_val (out->lines, line);
        }
    }
  if (local != NULL)
    problem (problems, kind->file, line, 0, NULL, local->message);
  memo_free (memo, n_columns);
}

/* References and keys are checked across files before anything is written,
 * so that every problem is reported at once. Keys and references are codes,
 * which ys_field_parse() interns: the keys of each kind are a set of those
 * pointers. */
static void
check_links (YsDocument *doc, Parsed *parsed, GPtrArray *problems)
{
  GHashTable *keys[YS_N_KINDS];

  for (guint k = 0; k < YS_N_KINDS; k++)
    keys[k] = g_hash_table_new (g_direct_hash, g_direct_equal);
  for (guint k = 0; k < YS_N_KINDS; k++)
    {
      const YsKind *kind = parsed[k].kind;

      for (guint r = 0; r < parsed[k].records->len; r++)
        {
          /* The new records' values, read in place. */
          const YsValue *slots = ys_record_load_slots (g_ptr_array_index (parsed[k].records, r));
          guint line = g_array_index (parsed[k].lines, guint, r);

          for (guint f = 0; f < kind->n_fields; f++)
            {
              const YsField *field = &kind->fields[f];
              const char *value;

              if (field->type != YS_FIELD_CODE)
                continue;
              value = slots[f].s ? slots[f].s : "";
              if ((int) f == kind->key_field)
                {
                  if (!g_hash_table_add (keys[k], (gpointer) value)
                      || ys_document_lookup_key (doc, kind, value) != NULL)
                    {
                      g_autofree char *msg = g_strdup_printf (_("%s “%s” appears more than once"),
                                                              _(field->label), value);
                      problem (problems, kind->file, line, f + 1, field->name, msg);
                    }
                }
              else if (field->ref && value[0] != '\0')
                {
                  const YsKind *target = ys_kinds_lookup (field->ref);

                  if (!g_hash_table_contains (keys[ys_kinds_index (target)], value)
                      && ys_document_lookup_key (doc, target, value) == NULL)
                    {
                      g_autofree char *msg = g_strdup_printf (_("there is no %s with the code “%s” in %s"),
                                                              _(target->label), value, target->file);
                      problem (problems, kind->file, line, f + 1, field->name, msg);
                    }
                }
            }
        }
    }
  for (guint k = 0; k < YS_N_KINDS; k++)
    g_hash_table_unref (keys[k]);
}

static void
parse_catalog (const char *dir, GPtrArray *rows_by_kind[YS_CATALOG_N_KINDS], GPtrArray *problems)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(YsCsvReader) reader = open_csv (dir, "catalog.csv", &local);
  GPtrArray *row = NULL;
  guint line = 0;
  gboolean header = TRUE;

  for (guint c = 0; c < YS_CATALOG_N_KINDS; c++)
    rows_by_kind[c] = g_ptr_array_new_with_free_func ((GDestroyNotify) ys_catalog_entry_free);
  if (local != NULL)
    problem (problems, "catalog.csv", 1, 0, NULL, local->message);
  while (reader && ys_csv_reader_next_row (reader, &row, &line, &local))
    {
      g_autoptr(GPtrArray) owned = row;
      int kind = -1;

      if (header)
        {
          header = FALSE;
          continue;
        }
      if (row_is_blank (owned))
        continue;
      if (owned->len != 5)
        {
          problem (problems, "catalog.csv", line, 0, NULL,
                   _("each line must have catalog, code, name, level and parent"));
          continue;
        }
      for (guint c = 0; c < YS_CATALOG_N_KINDS; c++)
        if (strcmp (catalog_files[c], g_ptr_array_index (owned, 0)) == 0)
          kind = c;
      if (kind < 0 || ((const char *) g_ptr_array_index (owned, 1))[0] == '\0')
        {
          problem (problems, "catalog.csv", line, 0, NULL, _("unknown catalog or empty code"));
          continue;
        }
      g_ptr_array_add (rows_by_kind[kind],
                       ys_catalog_entry_new (g_ptr_array_index (owned, 1), g_ptr_array_index (owned, 2),
                                             atoi (g_ptr_array_index (owned, 3)),
                                             ((const char *) g_ptr_array_index (owned, 4))[0]
                                               ? g_ptr_array_index (owned, 4) : NULL,
                                             "imported"));
    }
  if (local != NULL)
    problem (problems, "catalog.csv", line, 0, NULL, local->message);
}

gboolean
ys_interchange_import (YsDocument *doc, const char *dir, GPtrArray *problems, GError **error)
{
  const YsKind *const *kinds = ys_kinds_all ();
  Parsed parsed[YS_N_KINDS];
  GPtrArray *catalog_rows[YS_CATALOG_N_KINDS];
  g_autoptr(GHashTable) meta = NULL;
  guint before = problems->len;
  gboolean ok = FALSE;

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, YS_INTERCHANGE_ERROR, YS_INTERCHANGE_ERROR_IO,
                   _("“%s” is not a directory"), dir);
      return FALSE;
    }

  check_file_names (dir, problems);
  meta = ys_interchange_read_meta (dir, problems, error);
  if (meta == NULL)
    return FALSE;
  for (guint k = 0; kinds[k]; k++)
    parse_kind (dir, kinds[k], &parsed[k], problems);
  check_links (doc, parsed, problems);
  parse_catalog (dir, catalog_rows, problems);

  if (problems->len > before)
    {
      guint n = problems->len - before;
      g_set_error (error, YS_INTERCHANGE_ERROR, YS_INTERCHANGE_ERROR_BAD_ROWS,
                   g_dngettext (GETTEXT_PACKAGE, "%u problem found; nothing was imported",
                                "%u problems found; nothing was imported", n), n);
      goto out;
    }

  if (!ys_document_begin_import (doc, _("Import"), error))
    goto out;
  {
    GHashTableIter iter;
    gpointer key, value;

    g_hash_table_iter_init (&iter, meta);
    while (g_hash_table_iter_next (&iter, &key, &value))
      if (g_strv_contains (ys_document_meta_keys, key)
          && !ys_document_set_meta (doc, key, value, error))
        {
          ys_document_cancel_batch (doc);
          goto out;
        }
  }
  /* Every value was parsed once and every key and reference checked
   * above: the records go in without a second check. */
  for (guint k = 0; kinds[k]; k++)
    {
      guint failed = 0;

      if (!ys_document_append_checked (doc, kinds[k], parsed[k].records, &failed, error))
        {
          g_autofree char *where = g_strdup_printf ("%s:%u: ", kinds[k]->file,
                                                    g_array_index (parsed[k].lines, guint, failed));
          g_prefix_error (error, "%s", where);
          ys_document_cancel_batch (doc);
          goto out;
        }
    }
  if (!ys_document_end_batch (doc, error))
    goto out;

  for (guint c = 0; c < YS_CATALOG_N_KINDS; c++)
    if (catalog_rows[c]->len > 0)
      {
        g_autofree char *flag = g_strdup_printf ("catalog_replaced_%s", catalog_files[c]);
        if (!ys_document_import_catalog (doc, c, catalog_rows[c],
                                         g_strcmp0 (g_hash_table_lookup (meta, flag), "1") == 0, error))
          goto out;
      }
  ok = TRUE;

out:
  for (guint k = 0; kinds[k]; k++)
    {
      g_ptr_array_unref (parsed[k].records);
      g_array_unref (parsed[k].lines);
    }
  for (guint c = 0; c < YS_CATALOG_N_KINDS; c++)
    g_ptr_array_unref (catalog_rows[c]);
  return ok;
}

static gboolean
write_file (const char *dir, const char *file, GString *contents, GError **error)
{
  g_autofree char *path = g_build_filename (dir, file, NULL);

  return ys_temp_file_replace (path, contents->str, contents->len, error);
}

/* An empty number or amount is written empty, not 0 or 0.00: import reads
 * an empty cell as 0, so nothing is lost, and the file reads as typed. */
static char *
dump_field (YsRecord *record, const YsField *field, guint f)
{
  if ((field->type == YS_FIELD_INT || field->type == YS_FIELD_MONEY) && ys_record_get_int (record, f) == 0)
    return g_strdup ("");
  return ys_record_format (record, f);
}

gboolean
ys_interchange_dump (YsDocument *doc, const char *dir, GError **error)
{
  const YsKind *const *kinds = ys_kinds_all ();
  g_autoptr(GString) out = g_string_new (NULL);
  const char *header[] = { "key", "value" };

  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      g_set_error (error, YS_INTERCHANGE_ERROR, YS_INTERCHANGE_ERROR_IO,
                   _("Could not create the directory “%s”: %s"), dir, g_strerror (errno));
      return FALSE;
    }
  ys_temp_file_clean (dir);

  ys_csv_append_row (out, header, 2);
  for (guint i = 0; ys_document_meta_keys[i]; i++)
    {
      const char *row[] = { ys_document_meta_keys[i], ys_document_get_meta (doc, ys_document_meta_keys[i]) };
      ys_csv_append_row (out, row, 2);
    }
  for (guint c = 0; c < YS_CATALOG_N_KINDS; c++)
    {
      g_autofree char *flag = g_strdup_printf ("catalog_replaced_%s", catalog_files[c]);
      if (g_strcmp0 (ys_document_get_meta (doc, flag), "1") == 0)
        {
          const char *row[] = { flag, "1" };
          ys_csv_append_row (out, row, 2);
        }
    }
  if (!write_file (dir, "document.csv", out, error))
    return FALSE;

  g_string_truncate (out, 0);
  {
    const char *catalog_header[] = { "catalog", "code", "name", "level", "parent" };
    ys_csv_append_row (out, catalog_header, 5);
  }
  for (guint c = 0; c < YS_CATALOG_N_KINDS; c++)
    {
      g_autoptr(GPtrArray) rows = ys_document_get_imported_catalog (doc, c);

      for (guint i = 0; i < rows->len; i++)
        {
          const YsCatalogEntry *e = g_ptr_array_index (rows, i);
          g_autofree char *level = g_strdup_printf ("%d", e->level);
          const char *row[] = { catalog_files[c], e->code, e->name, level, e->parent ? e->parent : "" };
          ys_csv_append_row (out, row, 5);
        }
    }
  if (!write_file (dir, "catalog.csv", out, error))
    return FALSE;

  for (guint k = 0; kinds[k]; k++)
    {
      const YsKind *kind = kinds[k];
      g_autofree const char **row = g_new0 (const char *, kind->n_fields);
      guint n = ys_document_count (doc, kind);

      g_string_truncate (out, 0);
      for (guint f = 0; f < kind->n_fields; f++)
        row[f] = kind->fields[f].name;
      ys_csv_append_row (out, row, kind->n_fields);
      for (guint i = 0; i < n; i++)
        {
          YsRecord *record = ys_document_get (doc, kind, i);
          g_auto(GStrv) values = g_new0 (char *, kind->n_fields + 1);

          for (guint f = 0; f < kind->n_fields; f++)
            values[f] = dump_field (record, &kind->fields[f], f);
          ys_csv_append_row (out, (const char *const *) values, kind->n_fields);
        }
      if (!write_file (dir, kind->file, out, error))
        return FALSE;
    }
  return TRUE;
}
