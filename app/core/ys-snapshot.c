#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ys-csv.h"
#include "ys-document-private.h"
#include "ys-kinds.h"
#include "ys-snapshot.h"

G_DEFINE_QUARK (ys-snapshot-error-quark, ys_snapshot_error)

/* A version is a run of sections "FILE LENGTH\n" + LENGTH bytes of CSV:
 * document.csv (key,value) and one file per kind as in the interchange
 * format, with each record's id first. The whole is zlib-compressed. */

#define MAX_NAME 40
/* Far above any real budget; a damaged length must not make us allocate it. */
#define MAX_SIZE ((gint64) 1 << 31)

void
ys_snapshot_free (YsSnapshot *snapshot)
{
  if (snapshot == NULL)
    return;
  g_free (snapshot->name);
  g_clear_pointer (&snapshot->meta, g_hash_table_unref);
  for (guint k = 0; k < YS_N_KINDS; k++)
    g_clear_pointer (&snapshot->records[k], g_ptr_array_unref);
  g_free (snapshot);
}

static YsSnapshot *
snapshot_new (const char *name)
{
  YsSnapshot *s = g_new0 (YsSnapshot, 1);

  s->name = g_strdup (name);
  s->meta = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint k = 0; k < YS_N_KINDS; k++)
    s->records[k] = g_ptr_array_new_with_free_func (g_object_unref);
  return s;
}

YsSnapshot *
ys_snapshot_current (YsDocument *doc)
{
  const YsKind *const *kinds = ys_kinds_all ();
  YsSnapshot *s = snapshot_new (NULL);

  for (guint i = 0; ys_document_meta_keys[i]; i++)
    g_hash_table_insert (s->meta, g_strdup (ys_document_meta_keys[i]),
                         g_strdup (ys_document_get_meta (doc, ys_document_meta_keys[i])));
  for (guint k = 0; kinds[k]; k++)
    {
      guint n = ys_document_count (doc, kinds[k]);
      for (guint i = 0; i < n; i++)
        g_ptr_array_add (s->records[k], g_object_ref (ys_document_get (doc, kinds[k], i)));
    }
  return s;
}

static void
add_section (GString *out, const char *file, GString *csv)
{
  g_string_append_printf (out, "%s %" G_GSIZE_FORMAT "\n", file, csv->len);
  g_string_append_len (out, csv->str, csv->len);
}

static GString *
serialize (YsSnapshot *s)
{
  const YsKind *const *kinds = ys_kinds_all ();
  GString *out = g_string_new (NULL);
  g_autoptr(GString) csv = g_string_new (NULL);
  const char *header[] = { "key", "value" };

  ys_csv_append_row (csv, header, 2);
  for (guint i = 0; ys_document_meta_keys[i]; i++)
    {
      const char *row[] = { ys_document_meta_keys[i], g_hash_table_lookup (s->meta, ys_document_meta_keys[i]) };
      ys_csv_append_row (csv, row, 2);
    }
  add_section (out, "document.csv", csv);

  for (guint k = 0; kinds[k]; k++)
    {
      const YsKind *kind = kinds[k];
      g_autofree const char **row = g_new0 (const char *, kind->n_fields + 1);

      g_string_truncate (csv, 0);
      row[0] = "id";
      for (guint f = 0; f < kind->n_fields; f++)
        row[f + 1] = kind->fields[f].name;
      ys_csv_append_row (csv, row, kind->n_fields + 1);
      for (guint i = 0; i < s->records[k]->len; i++)
        {
          YsRecord *record = g_ptr_array_index (s->records[k], i);
          g_auto(GStrv) values = g_new0 (char *, kind->n_fields + 2);

          values[0] = g_strdup_printf ("%" G_GINT64_FORMAT, ys_record_get_id (record));
          for (guint f = 0; f < kind->n_fields; f++)
            values[f + 1] = ys_record_format (record, f);
          ys_csv_append_row (csv, (const char *const *) values, kind->n_fields + 1);
        }
      add_section (out, kind->file, csv);
    }
  return out;
}

GBytes *
ys_snapshot_encode (YsSnapshot *snapshot, gsize *size)
{
  g_autoptr(GString) raw = serialize (snapshot);
  g_autoptr(GZlibCompressor) zlib = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB, 9);
  g_autoptr(GOutputStream) mem = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) z = g_converter_output_stream_new (mem, G_CONVERTER (zlib));

  /* Writing to memory does not fail. */
  g_output_stream_write_all (z, raw->str, raw->len, NULL, NULL, NULL);
  g_output_stream_close (z, NULL, NULL);
  *size = raw->len;
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (mem));
}

static YsSnapshot *
damaged (const char *name, const char *detail, GError **error)
{
  g_set_error (error, YS_SNAPSHOT_ERROR, YS_SNAPSHOT_ERROR_DAMAGED,
               _("The version “%s” is damaged (%s); it cannot be read"), name, detail);
  return NULL;
}

static GBytes *
inflate (GBytes *stored, gint64 size, GError **error)
{
  g_autoptr(GZlibDecompressor) zlib = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB);
  g_autoptr(GInputStream) mem = g_memory_input_stream_new_from_bytes (stored);
  g_autoptr(GInputStream) z = g_converter_input_stream_new (mem, G_CONVERTER (zlib));
  g_autoptr(GByteArray) out = g_byte_array_sized_new ((guint) MIN (size, 1 << 20));
  guint8 buffer[65536];
  gssize n;

  /* Never more than the recorded size: a damaged stream cannot grow without bound. */
  while ((n = g_input_stream_read (z, buffer, sizeof buffer, NULL, error)) > 0)
    {
      if ((gint64) out->len + n > size)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "size");
          return NULL;
        }
      g_byte_array_append (out, buffer, n);
    }
  if (n < 0)
    return NULL;
  if ((gint64) out->len != size)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "size");
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

static gboolean
parse_meta (YsSnapshot *s, const char *data, gsize len, GError **error)
{
  g_autoptr(YsCsvReader) reader = ys_csv_reader_new_from_data (data, len);
  GPtrArray *row = NULL;
  guint line = 0;

  while (ys_csv_reader_next_row (reader, &row, &line, error))
    {
      g_autoptr(GPtrArray) owned = row;
      if (line > 1 && owned->len == 2)
        g_hash_table_insert (s->meta, g_strdup (g_ptr_array_index (owned, 0)),
                             g_strdup (g_ptr_array_index (owned, 1)));
    }
  return error == NULL || *error == NULL;
}

static gboolean
parse_kind (YsSnapshot *s, const YsKind *kind, const char *data, gsize len, GError **error)
{
  g_autoptr(YsCsvReader) reader = ys_csv_reader_new_from_data (data, len);
  g_autofree int *columns = NULL;
  guint n_columns = 0;
  GPtrArray *row = NULL;
  guint line = 0;

  while (ys_csv_reader_next_row (reader, &row, &line, error))
    {
      g_autoptr(GPtrArray) owned = row;
      g_autoptr(YsRecord) record = NULL;
      gint64 id = 0;

      if (columns == NULL)
        {
          n_columns = owned->len;
          columns = g_new (int, n_columns);
          for (guint c = 0; c < n_columns; c++)
            columns[c] = c == 0 ? -1 : ys_kind_find_field (kind, g_ptr_array_index (owned, c));
          continue;
        }
      if (owned->len != n_columns
          || !g_ascii_string_to_signed (g_ptr_array_index (owned, 0), 10, 1, G_MAXINT64, &id, NULL))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s:%u", kind->file, line);
          return FALSE;
        }
      record = ys_record_new (kind);
      ys_record_set_id (record, id);
      /* A field a later version of Yusuan added or dropped is skipped; an
       * empty one keeps the empty value a new record has. */
      for (guint c = 1; c < n_columns; c++)
        if (columns[c] >= 0 && ((const char *) g_ptr_array_index (owned, c))[0] != '\0'
            && !ys_record_parse_field (record, columns[c], g_ptr_array_index (owned, c), error))
          {
            g_prefix_error (error, "%s:%u: ", kind->file, line);
            return FALSE;
          }
      g_ptr_array_add (s->records[ys_kinds_index (kind)], g_steal_pointer (&record));
    }
  return error == NULL || *error == NULL;
}

YsSnapshot *
ys_snapshot_decode (GBytes *stored, gint64 size, const char *name, GError **error)
{
  const YsKind *const *kinds = ys_kinds_all ();
  g_autoptr(GError) local = NULL;
  g_autoptr(GBytes) raw = NULL;
  g_autoptr(YsSnapshot) s = NULL;
  const char *p, *end;
  gsize len = 0;

  if (size < 0 || size > MAX_SIZE)
    return damaged (name, "size", error);
  raw = inflate (stored, size, &local);
  if (raw == NULL)
    return damaged (name, local->message, error);
  s = snapshot_new (name);
  p = g_bytes_get_data (raw, &len);
  /* An empty payload has no data pointer to count from. */
  if (len == 0)
    return g_steal_pointer (&s);
  end = p + len;
  while (p < end)
    {
      const char *nl = memchr (p, '\n', end - p);
      g_autofree char *head = nl ? g_strndup (p, nl - p) : NULL;
      char *space = head ? strrchr (head, ' ') : NULL;
      guint64 n = 0;
      gboolean ok = FALSE;

      if (space == NULL || !g_ascii_string_to_unsigned (space + 1, 10, 0, end - nl - 1, &n, NULL))
        return damaged (name, "section", error);
      *space = '\0';
      p = nl + 1;
      if (g_str_equal (head, "document.csv"))
        ok = parse_meta (s, p, n, &local);
      else
        {
          for (guint k = 0; kinds[k] && !ok && local == NULL; k++)
            if (g_str_equal (head, kinds[k]->file))
              ok = parse_kind (s, kinds[k], p, n, &local);
          /* A kind this version does not know is left out. */
          ok = ok || local == NULL;
        }
      if (!ok)
        return damaged (name, local ? local->message : head, error);
      p += n;
    }
  return g_steal_pointer (&s);
}

static char *
check_name (const char *name, GError **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name ? name : ""));

  if (trimmed[0] == '\0' || !g_utf8_validate (trimmed, -1, NULL) || g_utf8_strlen (trimmed, -1) > MAX_NAME)
    {
      g_set_error (error, YS_SNAPSHOT_ERROR, YS_SNAPSHOT_ERROR_NAME,
                   _("A version needs a name of 1 to %d characters, such as 一上 or 调整一"), MAX_NAME);
      return NULL;
    }
  for (const char *c = trimmed; *c; c++)
    if ((guchar) *c < 0x20)
      {
        g_set_error (error, YS_SNAPSHOT_ERROR, YS_SNAPSHOT_ERROR_NAME,
                     _("The version name “%s” holds a line break or another control character"), trimmed);
        return NULL;
      }
  return g_steal_pointer (&trimmed);
}

YsStoreSnapshot *
ys_snapshot_take (YsDocument *doc, const char *name, GError **error)
{
  YsStore *store = ys_document_get_store (doc);
  g_autofree char *clean = check_name (name, error);
  g_autoptr(YsSnapshot) current = NULL;
  g_autoptr(GBytes) data = NULL;
  YsStoreSnapshot *info;
  gsize size = 0;

  if (clean == NULL)
    return NULL;
  if (store == NULL || ys_store_in_transaction (store))
    {
      g_set_error (error, YS_SNAPSHOT_ERROR, YS_SNAPSHOT_ERROR_BUSY,
                   _("A version can be taken only of a budget file that is open and not in the middle of a change"));
      return NULL;
    }
  current = ys_snapshot_current (doc);
  data = ys_snapshot_encode (current, &size);
  info = g_new0 (YsStoreSnapshot, 1);
  info->name = g_strdup (clean);
  info->created = g_get_real_time () / G_USEC_PER_SEC;
  info->size = size;
  info->stored_size = g_bytes_get_size (data);
  if (!ys_store_save_snapshot (store, clean, info->created, info->size, data, error))
    {
      ys_store_snapshot_free (info);
      return NULL;
    }
  return info;
}

GPtrArray *
ys_snapshot_list (YsDocument *doc, GError **error)
{
  YsStore *store = ys_document_get_store (doc);

  if (store == NULL)
    return g_ptr_array_new_with_free_func ((GDestroyNotify) ys_store_snapshot_free);
  return ys_store_list_snapshots (store, error);
}

GBytes *
ys_snapshot_read (YsDocument *doc, const char *name, gint64 *size, GError **error)
{
  YsStore *store = ys_document_get_store (doc);

  if (store == NULL)
    {
      g_set_error (error, YS_SNAPSHOT_ERROR, YS_SNAPSHOT_ERROR_BUSY, _("The budget file is closed"));
      return NULL;
    }
  return ys_store_load_snapshot (store, name, size, error);
}

YsSnapshot *
ys_snapshot_load (YsDocument *doc, const char *name, GError **error)
{
  gint64 size = 0;
  g_autoptr(GBytes) stored = ys_snapshot_read (doc, name, &size, error);

  if (stored == NULL)
    return NULL;
  return ys_snapshot_decode (stored, size, name, error);
}
