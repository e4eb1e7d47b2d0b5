/* Handing a unit out (分发单位预算): the unit's budget cut from the
 * department's, with the department's settings and catalogs, so that the
 * unit starts from what the department will receive back. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "ys-kinds.h"
#include "ys-merge.h"
#include "ys-temp-file.h"

static gboolean
fill (YsDocument *dept, YsDocument *out, const char *unit_code, GError **error)
{
  g_autoptr(GPtrArray) records = ys_merge_unit_records (dept, unit_code, TRUE);

  for (guint c = 0; c < YS_CATALOG_N_KINDS; c++)
    {
      g_autoptr(GPtrArray) rows = ys_document_get_imported_catalog (dept, c);
      gboolean replaced = ys_document_catalog_is_replaced (dept, c);

      if (rows->len > 0 && !ys_document_import_catalog (out, c, rows, replaced, error))
        return FALSE;
    }
  if (!ys_document_begin_batch (out, _("Hand out a unit budget"), error))
    return FALSE;
  for (guint i = 0; i < records->len; i++)
    {
      g_autoptr(YsRecord) copy = ys_record_copy (g_ptr_array_index (records, i));
      if (!ys_document_insert (out, copy, error))
        {
          /* A record naming what the unit does not hold (a project of another unit). */
          g_autofree char *what = ys_record_describe (g_ptr_array_index (records, i));

          g_prefix_error (error, _("%s of unit %s cannot go into the unit’s own file: "), what, unit_code);
          ys_document_cancel_batch (out);
          return FALSE;
        }
    }
  return ys_document_end_batch (out, error);
}

gboolean
ys_merge_split (YsDocument *dept, const char *unit_code, const char *path, gboolean replace, GError **error)
{
  g_autoptr(GHashTable) meta = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(YsDocument) out = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *dir = g_path_get_dirname (path);
  gboolean ok;

  if (ys_document_lookup_key (dept, &ys_unit_kind, unit_code) == NULL)
    {
      g_set_error (error, YS_DOCUMENT_ERROR, YS_DOCUMENT_ERROR_INVALID,
                   _("The department has no unit with the code “%s”"), unit_code);
      return FALSE;
    }
  if (!replace && g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST,
                   _("“%s” already exists; choose another file name"), path);
      return FALSE;
    }
  if (ys_document_get_path (dept) && g_strcmp0 (ys_document_get_path (dept), path) == 0)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST,
                   _("“%s” is the department’s own budget file"), path);
      return FALSE;
    }
  for (guint i = 0; ys_document_meta_keys[i]; i++)
    g_hash_table_insert (meta, (gpointer) ys_document_meta_keys[i],
                         (gpointer) ys_document_get_meta (dept, ys_document_meta_keys[i]));

  ys_temp_file_clean (dir);
  tmp = ys_temp_file_create (path, error);
  if (tmp == NULL)
    return FALSE;
  g_unlink (tmp);
  out = ys_document_create (tmp, meta, error);
  if (out == NULL)
    {
      ys_temp_file_remove_database (tmp);
      return FALSE;
    }
  ok = fill (dept, out, unit_code, error);
  ys_document_close (out);
  if (ok)
    ok = ys_temp_file_rename (tmp, path, error);
  if (!ok)
    ys_temp_file_remove_database (tmp);
  return ok;
}
