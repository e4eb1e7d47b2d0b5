/* link(), fsync() and O_DIRECTORY are POSIX.1-2008, not C11. */
#define _POSIX_C_SOURCE 200809L
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <unistd.h>

#include "ys-kinds.h"
#include "ys-next-year-private.h"
#include "ys-temp-file.h"

G_DEFINE_QUARK (ys-next-year-error-quark, ys_next_year_error)

static const char *const catalog_flags[YS_CATALOG_N_KINDS] = {
  "catalog_replaced_function", "catalog_replaced_economic_dept",
  "catalog_replaced_economic_gov", "catalog_replaced_procurement"
};

static void
project_free (YsNextYearProject *p)
{
  g_free (p->code);
  g_free (p->name);
  g_free (p->reason);
  g_free (p);
}

static void
code_free (YsNextYearCode *c)
{
  g_free (c->code);
  g_free (c->name);
  g_free (c->mapped_to);
  g_free (c);
}

void
ys_next_year_report_free (YsNextYearReport *report)
{
  if (report == NULL)
    return;
  g_ptr_array_unref (report->projects);
  g_ptr_array_unref (report->missing);
  g_ptr_array_unref (report->warnings);
  g_free (report);
}

GHashTable *
ys_next_year_parse_map (const char *const *pairs, GError **error)
{
  g_autoptr(GHashTable) map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; pairs && pairs[i]; i++)
    {
      g_auto(GStrv) parts = g_strsplit (pairs[i], "=", 2);
      gboolean ok = g_strv_length (parts) == 2;

      if (ok)
        {
          g_strstrip (parts[0]);
          g_strstrip (parts[1]);
          ok = (strlen (parts[0]) == 7 || strlen (parts[0]) == 5) && strlen (parts[0]) == strlen (parts[1]);
          for (const char *p = parts[0]; ok && *p; p++)
            ok = g_ascii_isdigit (*p);
          for (const char *p = parts[1]; ok && *p; p++)
            ok = g_ascii_isdigit (*p);
        }
      if (!ok)
        {
          g_set_error (error, YS_NEXT_YEAR_ERROR, YS_NEXT_YEAR_ERROR_MAP,
                       _("“%s” is not a code mapping: write OLD=NEW with two 7-digit 功能分类 codes or two 5-digit 经济分类 codes"),
                       pairs[i]);
          return NULL;
        }
      if (g_hash_table_contains (map, parts[0]))
        {
          g_set_error (error, YS_NEXT_YEAR_ERROR, YS_NEXT_YEAR_ERROR_MAP,
                       _("The code %s is mapped twice"), parts[0]);
          return NULL;
        }
      g_hash_table_insert (map, g_strdup (parts[0]), g_strdup (parts[1]));
    }
  return g_steal_pointer (&map);
}

static gboolean
is_bundled (int year)
{
  const int *years = ys_catalog_bundled_years ();

  for (guint i = 0; years[i]; i++)
    if (years[i] == year)
      return TRUE;
  return FALSE;
}

static GHashTable *
new_meta (YsDocument *old, YsNextYearReport *report)
{
  GHashTable *meta = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  for (guint i = 0; ys_document_meta_keys[i]; i++)
    g_hash_table_insert (meta, (char *) ys_document_meta_keys[i],
                         g_strdup (ys_document_get_meta (old, ys_document_meta_keys[i])));
  g_hash_table_insert (meta, "year", g_strdup_printf ("%d", report->new_year));
  g_hash_table_insert (meta, "catalog_year", g_strdup_printf ("%d", report->new_catalog_year));
  return meta;
}

/* Catalog rows imported from the finance bureau belong to their catalog year:
 * they go on only while that year does (procurement's edition is not yearly). */
static gboolean
carry_imported_catalogs (YsDocument *old, YsDocument *new_doc, YsNextYearReport *report, GError **error)
{
  for (guint c = 0; c < YS_CATALOG_N_KINDS; c++)
    {
      g_autoptr(GPtrArray) rows = ys_document_get_imported_catalog (old, c);
      gboolean replaced = g_strcmp0 (ys_document_get_meta (old, catalog_flags[c]), "1") == 0;

      if (rows->len == 0)
        continue;
      if (report->catalog_advanced && c != YS_CATALOG_PROCUREMENT)
        {
          g_ptr_array_add (report->warnings,
                           g_strdup_printf (_("The %u rows imported into the %s of %d were not carried: import the %d catalog from the finance bureau"),
                                            rows->len, ys_catalog_kind_get_title (c),
                                            report->old_catalog_year, report->new_catalog_year));
          continue;
        }
      if (!ys_document_import_catalog (new_doc, c, rows, replaced, error))
        return FALSE;
      report->imported_catalog_carried = TRUE;
    }
  return TRUE;
}

static gboolean
insert_all (YsDocument *doc, GPtrArray *records, GError **error)
{
  for (guint i = 0; i < records->len; i++)
    if (!ys_document_insert (doc, g_ptr_array_index (records, i), error))
      return FALSE;
  return TRUE;
}

static gboolean
write_records (YsDocument *old, YsDocument *new_doc, GHashTable *map, YsNextYearReport *report,
               GError **error)
{
  g_autoptr(GPtrArray) units = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) indicators = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) projects = ys_next_year_plan_projects (old, report->new_year, report);
  g_autoptr(GPtrArray) prior = ys_next_year_plan_prior (old, new_doc, map, report);
  g_autoptr(GHashTable) carried = g_hash_table_new (g_str_hash, g_str_equal);
  guint n;

  n = ys_document_count (old, &ys_unit_kind);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (units, ys_record_copy (ys_document_get (old, &ys_unit_kind, i)));
  for (guint i = 0; i < projects->len; i++)
    g_hash_table_add (carried, (char *) ys_record_get_text (g_ptr_array_index (projects, i), YS_PROJECT_CODE));
  n = ys_document_count (old, &ys_indicator_kind);
  for (guint i = 0; i < n; i++)
    {
      YsRecord *r = ys_document_get (old, &ys_indicator_kind, i);
      if (g_hash_table_contains (carried, ys_record_get_text (r, YS_INDICATOR_PROJECT_CODE)))
        g_ptr_array_add (indicators, ys_record_copy (r));
    }

  if (!ys_document_begin_batch (new_doc, _("Start from last year’s budget"), error))
    return FALSE;
  if (!insert_all (new_doc, units, error) || !insert_all (new_doc, projects, error)
      || !insert_all (new_doc, indicators, error) || !insert_all (new_doc, prior, error))
    {
      ys_document_cancel_batch (new_doc);
      return FALSE;
    }
  if (!ys_document_end_batch (new_doc, error))
    return FALSE;
  report->n_units = units->len;
  report->n_indicators = indicators->len;
  report->n_prior_year = prior->len;
  return TRUE;
}

/* link() fails when @path exists, so a file made meanwhile is never replaced.
 * Where the file system has no hard links (FAT on a USB stick, some network
 * shares), a rename after checking is the best there is. */
static gboolean
publish (const char *tmp, const char *path, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd, rc = link (tmp, path);

  if (rc != 0 && (errno == EPERM || errno == ENOSYS || errno == EOPNOTSUPP || errno == EMLINK))
    {
      if (g_file_test (path, G_FILE_TEST_EXISTS))
        errno = EEXIST;
      else
        rc = g_rename (tmp, path);
    }
  if (rc != 0)
    {
      int saved = errno;
      if (saved == EEXIST)
        g_set_error (error, YS_NEXT_YEAR_ERROR, YS_NEXT_YEAR_ERROR_EXISTS,
                     _("“%s” already exists; choose another file name"), path);
      else
        g_set_error (error, YS_NEXT_YEAR_ERROR, YS_NEXT_YEAR_ERROR_FAILED,
                     _("Could not write “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  g_unlink (tmp);
  fd = open (dir, O_RDONLY | O_DIRECTORY);
  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
  return TRUE;
}

static YsNextYearReport *
build (YsDocument *old, const char *new_path, int new_year, GHashTable *map, gboolean dry_run, GError **error)
{
  g_autoptr(YsNextYearReport) report = g_new0 (YsNextYearReport, 1);
  g_autoptr(GHashTable) meta = NULL;
  g_autoptr(YsDocument) new_doc = NULL;
  g_autofree char *tmp = NULL;
  gboolean ok;

  report->projects = g_ptr_array_new_with_free_func ((GDestroyNotify) project_free);
  report->missing = g_ptr_array_new_with_free_func ((GDestroyNotify) code_free);
  report->warnings = g_ptr_array_new_with_free_func (g_free);
  report->old_year = ys_document_get_year (old);
  report->new_year = new_year > 0 ? new_year : report->old_year + 1;
  report->old_catalog_year = ys_document_get_catalog_year (old);

  if (report->new_year <= report->old_year || report->new_year > 2100)
    {
      g_set_error (error, YS_NEXT_YEAR_ERROR, YS_NEXT_YEAR_ERROR_YEAR,
                   _("The new budget year %d must come after %d"), report->new_year, report->old_year);
      return NULL;
    }
  if (g_file_test (new_path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, YS_NEXT_YEAR_ERROR, YS_NEXT_YEAR_ERROR_EXISTS,
                   _("“%s” already exists; choose another file name"), new_path);
      return NULL;
    }
  /* The catalog year moves with the budget year when that catalog is bundled. */
  report->new_catalog_year = report->old_catalog_year + (report->new_year - report->old_year);
  report->catalog_advanced = is_bundled (report->new_catalog_year);
  if (!report->catalog_advanced)
    report->new_catalog_year = report->old_catalog_year;

  meta = new_meta (old, report);
  /* A recognisable temporary name, so that what a killed run leaves is
   * removed by the next writer in the folder; the store creates the file. */
  {
    g_autofree char *dir = g_path_get_dirname (new_path);
    ys_temp_file_clean (dir);
  }
  tmp = ys_temp_file_create (new_path, error);
  if (tmp == NULL)
    return NULL;
  g_unlink (tmp);
  new_doc = ys_document_create (tmp, meta, error);
  if (new_doc == NULL)
    {
      ys_temp_file_remove_database (tmp);
      return NULL;
    }
  ok = carry_imported_catalogs (old, new_doc, report, error)
       && write_records (old, new_doc, map, report, error);
  ys_document_close (new_doc);
  if (ok && !dry_run)
    ok = publish (tmp, new_path, error);
  if (!ok || dry_run)
    ys_temp_file_remove_database (tmp);
  return ok ? g_steal_pointer (&report) : NULL;
}

YsNextYearReport *
ys_next_year_create (YsDocument *old, const char *new_path, int new_year, GHashTable *map, GError **error)
{
  return build (old, new_path, new_year, map, FALSE, error);
}

YsNextYearReport *
ys_next_year_preview (YsDocument *old, const char *new_path, int new_year, GHashTable *map, GError **error)
{
  return build (old, new_path, new_year, map, TRUE, error);
}

static void
add_int (JsonBuilder *b, const char *name, gint64 value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_int_value (b, value);
}

static void
add_bool (JsonBuilder *b, const char *name, gboolean value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_boolean_value (b, value);
}

/* NULL is written as null. */
static void
add_string (JsonBuilder *b, const char *name, const char *value)
{
  json_builder_set_member_name (b, name);
  if (value)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

char *
ys_next_year_report_to_json (YsNextYearReport *report)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (b);
  add_int (b, "old_year", report->old_year);
  add_int (b, "new_year", report->new_year);
  add_int (b, "old_catalog_year", report->old_catalog_year);
  add_int (b, "new_catalog_year", report->new_catalog_year);
  add_bool (b, "catalog_advanced", report->catalog_advanced);
  add_bool (b, "imported_catalog_carried", report->imported_catalog_carried);
  add_int (b, "units", report->n_units);
  add_int (b, "indicators", report->n_indicators);
  add_int (b, "prior_year_records", report->n_prior_year);
  add_int (b, "prior_year_expense", report->prior_expense);
  add_int (b, "prior_year_income", report->prior_income);

  json_builder_set_member_name (b, "projects");
  json_builder_begin_array (b);
  for (guint i = 0; i < report->projects->len; i++)
    {
      YsNextYearProject *p = g_ptr_array_index (report->projects, i);
      json_builder_begin_object (b);
      add_string (b, "code", p->code);
      add_string (b, "name", p->name);
      add_bool (b, "carried", p->carried);
      add_string (b, "reason", p->reason);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "missing_codes");
  json_builder_begin_array (b);
  for (guint i = 0; i < report->missing->len; i++)
    {
      YsNextYearCode *c = g_ptr_array_index (report->missing, i);
      json_builder_begin_object (b);
      add_string (b, "code", c->code);
      add_string (b, "catalog", c->catalog == YS_CATALOG_FUNCTION ? "function" : "economic_dept");
      add_string (b, "name", c->name);
      add_string (b, "mapped_to", c->mapped_to);
      add_int (b, "amount", c->amount);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "warnings");
  json_builder_begin_array (b);
  for (guint i = 0; i < report->warnings->len; i++)
    json_builder_add_string_value (b, g_ptr_array_index (report->warnings, i));
  json_builder_end_array (b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  return json_to_string (root, TRUE);
}
