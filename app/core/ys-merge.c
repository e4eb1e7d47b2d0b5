#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ys-kinds.h"
#include "ys-merge.h"
#include "ys-temp-file.h"

/* ---- the records of one unit ---- */

/* Review notes and provenance are the department's own; so are control
 * figures, which come from the finance bureau through the department: a unit
 * file carries them only when handed out. */
static gboolean
carried (const YsKind *kind, gboolean with_controls)
{
  return kind != &ys_review_kind && kind != &ys_received_kind
         && (with_controls || kind != &ys_control_kind);
}

/* The field that names a record's unit: the unit's own code, its unit_code,
 * or -1 with the project's through *@via_project (indicators). */
static int
unit_field (const YsKind *kind, gboolean *via_project)
{
  int f;

  *via_project = FALSE;
  if (kind == &ys_unit_kind)
    return YS_UNIT_CODE;
  f = ys_kind_find_field (kind, "unit_code");
  if (f >= 0)
    return f;
  f = ys_kind_find_field (kind, "project_code");
  *via_project = f >= 0;
  return f;
}

/* Every carried record by unit code (GPtrArray each, in creation order), in
 * one pass: a department of hundreds of units is read once, not once a unit. */
static GHashTable *
index_units (YsDocument *doc, gboolean with_controls)
{
  const YsKind *const *kinds = ys_kinds_all ();
  GHashTable *index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);

  for (guint k = 0; kinds[k]; k++)
    {
      gboolean via_project;
      int f = unit_field (kinds[k], &via_project);
      guint n;

      if (!carried (kinds[k], with_controls) || f < 0)
        continue;
      n = ys_document_count (doc, kinds[k]);
      for (guint i = 0; i < n; i++)
        {
          YsRecord *r = ys_document_get (doc, kinds[k], i);
          const char *code = ys_record_get_text (r, f);
          GPtrArray *list;

          if (via_project)
            {
              YsRecord *p = ys_document_lookup_key (doc, &ys_project_kind, code);
              code = p ? ys_record_get_text (p, YS_PROJECT_UNIT_CODE) : NULL;
            }
          if (code == NULL)
            continue;
          list = g_hash_table_lookup (index, code);
          if (list == NULL)
            {
              list = g_ptr_array_new_with_free_func (g_object_unref);
              g_hash_table_insert (index, g_strdup (code), list);
            }
          g_ptr_array_add (list, g_object_ref (r));
        }
    }
  return index;
}

static GPtrArray *
records_of (GHashTable *index, const char *unit_code)
{
  GPtrArray *list = g_hash_table_lookup (index, unit_code);
  GPtrArray *out = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; list && i < list->len; i++)
    g_ptr_array_add (out, g_object_ref (g_ptr_array_index (list, i)));
  return out;
}

GPtrArray *
ys_merge_unit_records (YsDocument *doc, const char *unit_code, gboolean with_controls)
{
  g_autoptr(GHashTable) index = index_units (doc, with_controls);

  return records_of (index, unit_code);
}

/* ---- plan ---- */

static void
item_free (YsMergeItem *item)
{
  g_free (item->path);
  g_free (item->unit_code);
  g_free (item->unit_name);
  g_free (item->reason);
  g_ptr_array_unref (item->notes);
  g_clear_pointer (&item->records, g_ptr_array_unref);
  g_free (item);
}

void
ys_merge_plan_free (YsMergePlan *plan)
{
  if (plan == NULL)
    return;
  g_ptr_array_unref (plan->items);
  g_free (plan);
}

guint
ys_merge_plan_count (YsMergePlan *plan, YsMergeAction action)
{
  guint n = 0;

  for (guint i = 0; i < plan->items->len; i++)
    n += ((YsMergeItem *) g_ptr_array_index (plan->items, i))->action == action;
  return n;
}

static YsMergeItem *
item_new (const char *path)
{
  YsMergeItem *item = g_new0 (YsMergeItem, 1);

  item->path = g_strdup (path);
  item->notes = g_ptr_array_new_with_free_func (g_free);
  return item;
}

static void
refuse (YsMergeItem *item, char *reason)
{
  item->action = YS_MERGE_REFUSED;
  g_free (item->reason);
  item->reason = reason;
}

/* The unit file is read from a private copy, so that opening it (which may
 * bring an older file up to date) never changes what the unit sent. The
 * checksum is of the bytes read. */
static YsDocument *
open_copy (const char *path, char **sha256, GError **error)
{
  g_autofree char *data = NULL, *wal_data = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *dir = NULL, *copy = NULL;
  gsize len = 0, wal_len = 0;
  YsDocument *doc;

  if (!g_file_get_contents (path, &data, &len, error))
    return NULL;
  if (g_file_test (wal, G_FILE_TEST_EXISTS) && !g_file_get_contents (wal, &wal_data, &wal_len, error))
    return NULL;
  dir = g_dir_make_tmp ("yusuan-receive-XXXXXX", error);
  if (dir == NULL)
    return NULL;
  copy = g_build_filename (dir, "unit.yusuan", NULL);
  if (!g_file_set_contents (copy, data, len, error))
    {
      ys_temp_file_remove_folder (dir);
      return NULL;
    }
  if (wal_data != NULL)
    {
      g_autofree char *copy_wal = g_strconcat (copy, "-wal", NULL);
      g_file_set_contents (copy_wal, wal_data, wal_len, NULL);
    }
  doc = ys_document_open (copy, error);
  if (doc != NULL)
    ys_document_close (doc);
  ys_temp_file_remove_folder (dir);
  if (doc != NULL)
    *sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, len);
  return doc;
}

static gboolean
same_file (const char *a, const char *b)
{
  g_autoptr(GFile) fa = g_file_new_for_path (a);
  g_autoptr(GFile) fb = g_file_new_for_path (b);
  GStatBuf sa, sb;

  if (g_file_equal (fa, fb))
    return TRUE;
  return g_stat (a, &sa) == 0 && g_stat (b, &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

static void
note_setting (YsMergeItem *item, YsDocument *dept, YsDocument *unit, const char *key, const char *label)
{
  const char *theirs = ys_document_get_meta (unit, key);
  const char *ours = ys_document_get_meta (dept, key);

  if (g_strcmp0 (theirs, ours) != 0)
    g_ptr_array_add (item->notes,
                     g_strdup_printf (_("%s in the file is “%s”; the department’s “%s” applies"), label, theirs, ours));
}

/* What one unit file brings: one item per unit in it, or one refused item. */
static void
read_file (YsDocument *dept, const char *path, GPtrArray *items)
{
  g_autoptr(GHashTable) index = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sha256 = NULL;
  g_autoptr(YsDocument) unit_doc = NULL;
  g_autofree char *full = g_canonicalize_filename (path, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *when = g_date_time_format (now, "%Y-%m-%d %H:%M:%S");
  YsMergeItem *item = item_new (path);
  guint n_units, n_imported = 0;

  if (ys_document_get_path (dept) && same_file (path, ys_document_get_path (dept)))
    {
      refuse (item, g_strdup_printf (_("“%s” is the department’s own budget file"), path));
      g_ptr_array_add (items, item);
      return;
    }
  unit_doc = open_copy (path, &sha256, &error);
  if (unit_doc == NULL)
    {
      refuse (item, g_strdup_printf (_("“%s” could not be read: %s"), path, error->message));
      g_ptr_array_add (items, item);
      return;
    }
  if (ys_document_get_year (unit_doc) != ys_document_get_year (dept))
    refuse (item, g_strdup_printf (_("“%s” is the budget of %d, the department’s is of %d"), path,
                                   ys_document_get_year (unit_doc), ys_document_get_year (dept)));
  else if (ys_document_get_catalog_year (unit_doc) != ys_document_get_catalog_year (dept))
    refuse (item, g_strdup_printf (_("“%s” uses the catalogs of %d, the department those of %d"), path,
                                   ys_document_get_catalog_year (unit_doc), ys_document_get_catalog_year (dept)));
  n_units = ys_document_count (unit_doc, &ys_unit_kind);
  if (item->action != YS_MERGE_REFUSED && n_units == 0)
    refuse (item, g_strdup_printf (_("“%s” holds no unit"), path));
  if (item->action == YS_MERGE_REFUSED)
    {
      g_ptr_array_add (items, item);
      return;
    }

  note_setting (item, dept, unit_doc, "region", _("The layout"));
  note_setting (item, dept, unit_doc, "framework", _("The goal framework"));
  note_setting (item, dept, unit_doc, "dept_code", _("The department code"));
  for (guint c = 0; c < YS_CATALOG_N_KINDS; c++)
    {
      g_autoptr(GPtrArray) rows = ys_document_get_imported_catalog (unit_doc, c);
      n_imported += rows ? rows->len : 0;
    }
  if (n_imported > 0)
    g_ptr_array_add (item->notes,
                     g_strdup_printf (_("%u catalog rows imported into the file are not received; the department’s catalogs apply"),
                                      n_imported));

  index = index_units (unit_doc, FALSE);
  for (guint u = 0; u < n_units; u++)
    {
      YsRecord *unit = ys_document_get (unit_doc, &ys_unit_kind, u);
      YsMergeItem *it = u == 0 ? item : item_new (path);
      YsRecord *received = ys_record_new (&ys_received_kind);
      g_autofree char *dept_code = g_strdup (ys_document_get_meta (unit_doc, "dept_code"));

      if (u > 0)
        for (guint i = 0; i < item->notes->len; i++)
          g_ptr_array_add (it->notes, g_strdup (g_ptr_array_index (item->notes, i)));
      it->unit_code = g_strdup (ys_record_get_text (unit, YS_UNIT_CODE));
      it->unit_name = g_strdup (ys_record_get_text (unit, YS_UNIT_NAME));
      it->records = records_of (index, it->unit_code);
      it->n_records = it->records->len;
      ys_record_set_text (received, YS_RECEIVED_UNIT_CODE, it->unit_code);
      ys_record_set_text (received, YS_RECEIVED_UNIT_NAME, it->unit_name);
      ys_record_set_text (received, YS_RECEIVED_FILE, full);
      ys_record_set_text (received, YS_RECEIVED_TIME, when);
      ys_record_set_text (received, YS_RECEIVED_SHA256, sha256);
      ys_record_set_text (received, YS_RECEIVED_DEPT_CODE, dept_code);
      ys_record_set_int (received, YS_RECEIVED_RECORDS, it->n_records);
      g_ptr_array_add (it->records, received);
      g_ptr_array_add (items, it);
    }
}

static YsMergeItem *
first_with_code (GPtrArray *items, const char *code, YsMergeItem *except)
{
  for (guint i = 0; i < items->len; i++)
    {
      YsMergeItem *it = g_ptr_array_index (items, i);
      if (it != except && it->unit_code && g_str_equal (it->unit_code, code) && g_strcmp0 (it->path, except->path) != 0)
        return it;
    }
  return NULL;
}

/* A unit code that arrives from two files is refused in both: which of the
 * two is the unit's own budget is the department's to find out. */
static void
refuse_duplicates (GPtrArray *items)
{
  for (guint i = 0; i < items->len; i++)
    {
      YsMergeItem *it = g_ptr_array_index (items, i);
      YsMergeItem *other;

      if (it->unit_code == NULL)
        continue;
      other = first_with_code (items, it->unit_code, it);
      if (other != NULL)
        refuse (it, g_strdup_printf (_("The unit %s comes from both “%s” and “%s”; receive it from one file only"),
                                     it->unit_code, it->path, other->path));
    }
}

static gboolean
accepted (YsMergeItem *it)
{
  return it->action == YS_MERGE_ADD || it->action == YS_MERGE_REPLACE;
}

static void
decide (YsDocument *dept, GHashTable *index, YsMergeItem *it)
{
  YsRecord *received, *unit;
  g_autoptr(GPtrArray) now = NULL;
  YsRecord *incoming;

  if (it->action == YS_MERGE_REFUSED)
    return;
  unit = ys_document_lookup_key (dept, &ys_unit_kind, it->unit_code);
  received = ys_document_lookup_key (dept, &ys_received_kind, it->unit_code);
  incoming = g_ptr_array_index (it->records, it->records->len - 1);
  now = records_of (index, it->unit_code);
  it->n_replaced = now->len;
  if (unit == NULL)
    it->action = YS_MERGE_ADD;
  else if (g_strcmp0 (ys_record_get_text (unit, YS_UNIT_NAME), it->unit_name) != 0)
    /* Another unit under the same code, most likely: replacing it would lose its figures. */
    refuse (it, g_strdup_printf (_("The unit %s in “%s” is called “%s”, but the department’s unit %s is “%s”; check the unit codes"),
                                 it->unit_code, it->path, it->unit_name, it->unit_code,
                                 ys_record_get_text (unit, YS_UNIT_NAME)));
  else if (received != NULL
           && g_strcmp0 (ys_record_get_text (received, YS_RECEIVED_SHA256),
                         ys_record_get_text (incoming, YS_RECEIVED_SHA256)) == 0)
    it->action = YS_MERGE_UNCHANGED;
  else
    it->action = YS_MERGE_REPLACE;
}

/* Project codes are unique in a document, and units number their projects
 * alike (P01, P02 …). A code another unit of the department holds is given
 * the unit's code in front (P01 of 434001 becomes 434001P01). */
static void
rename_projects (YsDocument *dept, GPtrArray *items)
{
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) replaced = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = ys_document_count (dept, &ys_project_kind);

  for (guint i = 0; i < items->len; i++)
    {
      YsMergeItem *it = g_ptr_array_index (items, i);
      if (accepted (it))
        g_hash_table_add (replaced, it->unit_code);
    }
  for (guint i = 0; i < n; i++)
    {
      YsRecord *p = ys_document_get (dept, &ys_project_kind, i);
      if (!g_hash_table_contains (replaced, ys_record_get_text (p, YS_PROJECT_UNIT_CODE)))
        g_hash_table_add (taken, g_strdup (ys_record_get_text (p, YS_PROJECT_CODE)));
    }

  for (guint i = 0; i < items->len; i++)
    {
      YsMergeItem *it = g_ptr_array_index (items, i);
      g_autoptr(GHashTable) map = NULL;

      if (!accepted (it))
        continue;
      map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      for (guint r = 0; r < it->records->len && it->action != YS_MERGE_REFUSED; r++)
        {
          YsRecord *p = g_ptr_array_index (it->records, r);
          const char *code;
          g_autofree char *fresh = NULL;

          if (ys_record_get_kind (p) != &ys_project_kind)
            continue;
          code = ys_record_get_text (p, YS_PROJECT_CODE);
          if (!g_hash_table_contains (taken, code))
            {
              g_hash_table_add (taken, g_strdup (code));
              continue;
            }
          fresh = g_strconcat (it->unit_code, code, NULL);
          if (g_hash_table_contains (taken, fresh))
            {
              refuse (it, g_strdup_printf (_("The project codes %s and %s of unit %s in “%s” are already used by other units of the department"),
                                           code, fresh, it->unit_code, it->path));
              break;
            }
          g_hash_table_add (taken, g_strdup (fresh));
          g_ptr_array_add (it->notes, g_strdup_printf (_("Project %s is received as %s: another unit of the department uses %s"),
                                                       code, fresh, code));
          g_hash_table_insert (map, g_strdup (code), g_steal_pointer (&fresh));
        }
      if (it->action == YS_MERGE_REFUSED || g_hash_table_size (map) == 0)
        continue;
      for (guint r = 0; r < it->records->len; r++)
        {
          YsRecord *rec = g_ptr_array_index (it->records, r);
          const YsKind *kind = ys_record_get_kind (rec);

          for (guint f = 0; f < kind->n_fields; f++)
            {
              const char *to;
              gboolean key = kind == &ys_project_kind && (int) f == kind->key_field;

              if (!key && g_strcmp0 (kind->fields[f].ref, "project") != 0)
                continue;
              to = g_hash_table_lookup (map, ys_record_get_text (rec, f));
              if (to != NULL)
                ys_record_set_text (rec, f, to);
            }
        }
    }
}

YsMergePlan *
ys_merge_plan (YsDocument *dept, const char *const *paths, GError **error)
{
  g_autoptr(YsMergePlan) plan = g_new0 (YsMergePlan, 1);
  g_autoptr(GHashTable) index = NULL;

  (void) error;
  plan->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  for (guint i = 0; paths[i]; i++)
    {
      gboolean again = FALSE;

      /* A file named twice is read once. */
      for (guint j = 0; j < i && !again; j++)
        again = same_file (paths[i], paths[j]);
      if (!again)
        read_file (dept, paths[i], plan->items);
    }
  refuse_duplicates (plan->items);
  index = index_units (dept, FALSE);
  for (guint i = 0; i < plan->items->len; i++)
    decide (dept, index, g_ptr_array_index (plan->items, i));
  rename_projects (dept, plan->items);
  return g_steal_pointer (&plan);
}

/* ---- apply ---- */

/* Takes the department's control figures of the unit into @controls: they
 * name the unit and its projects, and come back once the unit is in again. */
static gboolean
set_controls_aside (YsDocument *dept, YsMergeItem *it, GPtrArray *controls, GError **error)
{
  guint n = ys_document_count (dept, &ys_control_kind), first = controls->len;

  for (guint i = 0; i < n; i++)
    {
      YsRecord *c = ys_document_get (dept, &ys_control_kind, i);
      if (g_strcmp0 (ys_record_get_text (c, YS_CONTROL_UNIT_CODE), it->unit_code) == 0)
        g_ptr_array_add (controls, g_object_ref (c));
    }
  for (guint i = first; i < controls->len; i++)
    if (!ys_document_delete (dept, g_ptr_array_index (controls, i), error))
      return FALSE;
  return TRUE;
}

/* Takes the records of kind @kind of the unit out of the department. */
static gboolean
take_out (YsDocument *dept, GHashTable *index, YsMergeItem *it, const YsKind *kind, GError **error)
{
  GPtrArray *old = g_hash_table_lookup (index, it->unit_code);

  for (guint i = 0; old && i < old->len; i++)
    if (ys_record_get_kind (g_ptr_array_index (old, i)) == kind
        && !ys_document_delete (dept, g_ptr_array_index (old, i), error))
      return FALSE;
  if (kind == &ys_received_kind)
    {
      YsRecord *received = ys_document_lookup_key (dept, &ys_received_kind, it->unit_code);
      return received == NULL || ys_document_delete (dept, received, error);
    }
  return TRUE;
}

/* Puts in the records of kind @kind the unit brings. */
static gboolean
put_in (YsDocument *dept, YsMergeItem *it, const YsKind *kind, GError **error)
{
  for (guint i = 0; i < it->records->len; i++)
    {
      YsRecord *r = g_ptr_array_index (it->records, i);
      g_autoptr(YsRecord) copy = NULL;

      if (ys_record_get_kind (r) != kind)
        continue;
      copy = ys_record_copy (r);
      if (!ys_document_insert (dept, copy, error))
        {
          g_autofree char *what = ys_record_describe (copy);
          g_prefix_error (error, _("%s of unit %s from “%s”: "), what, it->unit_code, it->path);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
receive_all (YsDocument *dept, YsMergePlan *plan, GError **error)
{
  /* Each unit's records are its own, so one index serves every unit. */
  g_autoptr(GHashTable) index = index_units (dept, FALSE);
  g_autoptr(GPtrArray) controls = g_ptr_array_new_with_free_func (g_object_unref);
  const YsKind *const *kinds = ys_kinds_all ();

  guint n_kinds = 0;

  while (kinds[n_kinds])
    n_kinds++;
  for (guint i = 0; i < plan->items->len; i++)
    {
      YsMergeItem *it = g_ptr_array_index (plan->items, i);
      if (accepted (it) && !set_controls_aside (dept, it, controls, error))
        return FALSE;
    }
  /* Kind by kind over all the units, later kinds first when taking out, so
   * that a record may name a project of another unit received with it. */
  for (guint k = n_kinds; k > 0; k--)
    for (guint i = 0; i < plan->items->len; i++)
      {
        YsMergeItem *it = g_ptr_array_index (plan->items, i);
        if (accepted (it) && !take_out (dept, index, it, kinds[k - 1], error))
          return FALSE;
      }
  for (guint k = 0; kinds[k]; k++)
    for (guint i = 0; i < plan->items->len; i++)
      {
        YsMergeItem *it = g_ptr_array_index (plan->items, i);
        if (accepted (it) && !put_in (dept, it, kinds[k], error))
          return FALSE;
      }
  for (guint i = 0; i < controls->len; i++)
    {
      g_autoptr(YsRecord) copy = ys_record_copy (g_ptr_array_index (controls, i));
      if (!ys_document_insert (dept, copy, error))
        {
          g_prefix_error (error, _("The control figures of unit %s name a project the unit no longer has: "),
                          ys_record_get_text (copy, YS_CONTROL_UNIT_CODE));
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
ys_merge_apply (YsDocument *dept, YsMergePlan *plan, GError **error)
{
  if (ys_merge_plan_count (plan, YS_MERGE_ADD) + ys_merge_plan_count (plan, YS_MERGE_REPLACE) == 0)
    return TRUE;
  if (!ys_document_begin_batch (dept, _("Receive unit budgets"), error))
    return FALSE;
  if (!receive_all (dept, plan, error))
    {
      ys_document_cancel_batch (dept);
      return FALSE;
    }
  return ys_document_end_batch (dept, error);
}
