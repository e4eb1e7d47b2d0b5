#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "ys-document.h"
#include "ys-document-private.h"
#include "ys-document-impl.h"
#include "ys-store-sum-scan.h"
#include "ys-indicator.h"
#include "ys-store.h"

G_DEFINE_QUARK (ys-document-error-quark, ys_document_error)

const char *const ys_document_meta_keys[] = {
  "dept_code", "dept_name", "year", "region", "catalog_year", "framework",
  /* 第一部分 概况: paragraphs separated by "\n", printed by the published document. */
  "overview_duties", "overview_tasks", "overview_other", "overview_structure_note",
  NULL
};

static const char *const meta_defaults[] = {
  "", "", "2023", "national", "2023", "legacy",
  "", "", "", "",
  NULL
};

G_DEFINE_FINAL_TYPE (YsDocument, ys_document, G_TYPE_OBJECT)

enum { PROP_0, PROP_CAN_UNDO, PROP_CAN_REDO, N_PROPS };
static GParamSpec *properties[N_PROPS];

enum { SIGNAL_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
change_free (Change *c)
{
  if (c->type == YS_CHANGE_UPDATE)
    {
      const YsField *f = &ys_record_get_kind (c->record)->fields[c->field];
      ys_value_clear (f, &c->old_value);
      ys_value_clear (f, &c->new_value);
    }
  g_clear_object (&c->record);
  g_free (c->key);
  g_free (c->old_text);
  g_free (c->new_text);
  g_free (c);
}

static Step *
step_new (const char *label)
{
  Step *s = g_new0 (Step, 1);
  s->label = g_strdup (label);
  s->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) change_free);
  return s;
}

static void
step_free (Step *s)
{
  g_ptr_array_unref (s->changes);
  g_free (s->label);
  g_free (s);
}

static void
ys_document_dispose (GObject *object)
{
  YsDocument *self = YS_DOCUMENT (object);

  ys_document_close (self);
  for (guint k = 0; k < YS_N_KINDS; k++)
    g_clear_object (&self->models[k]);
  for (guint c = 0; c < YS_CATALOG_N_KINDS; c++)
    g_clear_object (&self->catalogs[c]);
  G_OBJECT_CLASS (ys_document_parent_class)->dispose (object);
}

static void
ys_document_finalize (GObject *object)
{
  YsDocument *self = YS_DOCUMENT (object);

  for (guint k = 0; k < YS_N_KINDS; k++)
    g_clear_pointer (&self->keys[k], g_hash_table_unref);
  g_clear_pointer (&self->steps, g_ptr_array_unref);
  g_clear_pointer (&self->batch, step_free);
  g_clear_pointer (&self->meta, g_hash_table_unref);
  g_free (self->path);
  G_OBJECT_CLASS (ys_document_parent_class)->finalize (object);
}

static void
ys_document_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  YsDocument *self = YS_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, ys_document_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, ys_document_can_redo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ys_document_class_init (YsDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ys_document_dispose;
  object_class->finalize = ys_document_finalize;
  object_class->get_property = ys_document_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * YsDocument::changed:
   * @record: (nullable): the record, NULL for a document setting
   * @type: a YsChangeType
   * @field: the field for an update, -1 otherwise
   *
   * Emitted after every change is applied, also by undo and redo, so that
   * derived figures and findings can follow.
   */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 3, YS_TYPE_RECORD, G_TYPE_UINT, G_TYPE_INT);
}

static void
ys_document_init (YsDocument *self)
{
  const YsKind *const *kinds = ys_kinds_all ();

  for (guint k = 0; kinds[k]; k++)
    {
      self->models[k] = ys_record_list_new (ys_kind_get_gtype (kinds[k]));
      if (kinds[k]->key_field >= 0)
        self->keys[k] = g_hash_table_new (g_str_hash, g_str_equal);
    }
  self->steps = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
  self->meta = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

void
ys_document_index_key (YsDocument *self, YsRecord *record, gboolean add)
{
  const YsKind *kind = ys_record_get_kind (record);
  GHashTable *keys = self->keys[ys_kinds_index (kind)];

  if (keys == NULL)
    return;
  if (add)
    g_hash_table_insert (keys, (gpointer) ys_record_get_text (record, kind->key_field), record);
  else
    g_hash_table_remove (keys, ys_record_get_text (record, kind->key_field));
}

static gboolean
load (YsDocument *self, GError **error)
{
  const YsKind *const *kinds = ys_kinds_all ();
  g_autoptr(GHashTable) meta = ys_store_load_meta (self->store, error);

  if (meta == NULL)
    return FALSE;
  g_hash_table_unref (self->meta);
  self->meta = g_steal_pointer (&meta);

  for (guint k = 0; kinds[k]; k++)
    {
      g_autoptr(GPtrArray) records = NULL;

      if (kinds[k] == self->streamed)
        continue;
      records = ys_store_load (self->store, kinds[k], error);
      if (records == NULL)
        return FALSE;
      for (guint i = 0; i < records->len; i++)
        ys_document_index_key (self, g_ptr_array_index (records, i), TRUE);
      ys_record_list_splice (self->models[k], 0, ys_record_list_get_n_items (self->models[k]), NULL, 0);
      ys_record_list_take (self->models[k], records);
    }
  /* What an export would read in place of the lines is checked with them. */
  if (self->streamed == NULL && !ys_store_check_line_sums (self->store, error))
    return FALSE;
  ys_store_loaded (self->store);
  return TRUE;
}

YsDocument *
ys_document_open (const char *path, GError **error)
{
  return ys_document_open_except (path, NULL, error);
}

YsDocument *
ys_document_open_except (const char *path, const YsKind *streamed, GError **error)
{
  g_autoptr(YsDocument) self = g_object_new (YS_TYPE_DOCUMENT, NULL);

  self->store = streamed ? ys_store_open_streaming (path, streamed, error) : ys_store_open (path, error);
  if (self->store == NULL)
    return NULL;
  self->path = g_strdup (path);
  self->streamed = streamed;
  if (!load (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

YsDocument *
ys_document_create (const char *path, GHashTable *meta, GError **error)
{
  g_autoptr(YsDocument) self = NULL;
  YsStore *store = ys_store_create (path, error);
  gboolean ok;

  if (store == NULL)
    return NULL;

  ok = ys_store_begin (store, error);
  for (guint i = 0; ok && ys_document_meta_keys[i]; i++)
    {
      const char *value = meta ? g_hash_table_lookup (meta, ys_document_meta_keys[i]) : NULL;
      ok = ys_store_set_meta (store, ys_document_meta_keys[i], value ? value : meta_defaults[i], error);
    }
  if (ok)
    ok = ys_store_commit (store, error);
  else
    ys_store_rollback (store);
  ys_store_close (store);
  if (!ok)
    return NULL;

  return ys_document_open (path, error);
}

void
ys_document_close (YsDocument *self)
{
  g_clear_pointer (&self->store, ys_store_close);
}

const char *
ys_document_get_path (YsDocument *self)
{
  return self->path;
}

YsStore *
ys_document_get_store (YsDocument *self)
{
  return self->store;
}

gboolean
ys_document_ensure_open (YsDocument *self, GError **error)
{
  if (self->store == NULL)
    {
      g_set_error (error, YS_DOCUMENT_ERROR, YS_DOCUMENT_ERROR_INVALID,
                   _("The budget file is closed"));
      return FALSE;
    }
  return TRUE;
}

gboolean
ys_document_is_read_only (YsDocument *self)
{
  return self->store != NULL && ys_store_is_read_only (self->store);
}

gboolean
ys_document_check_integrity (YsDocument *self, GError **error)
{
  return ys_document_ensure_open (self, error) && ys_store_check_integrity (self->store, error);
}

gboolean
ys_document_backup (YsDocument *self, const char *dest, GError **error)
{
  return ys_document_ensure_open (self, error) && ys_store_backup (self->store, dest, error);
}

const char *
ys_document_get_meta (YsDocument *self, const char *key)
{
  const char *value = g_hash_table_lookup (self->meta, key);

  if (value != NULL)
    return value;
  for (guint i = 0; ys_document_meta_keys[i]; i++)
    if (strcmp (ys_document_meta_keys[i], key) == 0)
      return meta_defaults[i];
  return "";
}

int
ys_document_get_year (YsDocument *self)
{
  return atoi (ys_document_get_meta (self, "year"));
}

int
ys_document_get_catalog_year (YsDocument *self)
{
  return atoi (ys_document_get_meta (self, "catalog_year"));
}

static gboolean
check_meta (const char *key, const char *value, GError **error)
{
  static const char *const regions[] = { "anhui", "hebei", "shanxi", "national", NULL };
  static const char *const frameworks[] = { "legacy", "2021", NULL };

  if (!g_strv_contains (ys_document_meta_keys, key))
    {
      g_set_error (error, YS_DOCUMENT_ERROR, YS_DOCUMENT_ERROR_INVALID,
                   _("“%s” is not a document setting"), key);
      return FALSE;
    }
  if (!g_utf8_validate (value, -1, NULL))
    {
      g_set_error (error, YS_DOCUMENT_ERROR, YS_DOCUMENT_ERROR_INVALID,
                   _("The document setting “%s” is not valid UTF-8 text"), key);
      return FALSE;
    }
  if (g_str_equal (key, "year") || g_str_equal (key, "catalog_year"))
    {
      gint64 year = 0;
      if (!g_ascii_string_to_signed (value, 10, 2000, 2100, &year, NULL))
        {
          g_set_error (error, YS_DOCUMENT_ERROR, YS_DOCUMENT_ERROR_INVALID,
                       _("The year “%s” must be a year between 2000 and 2100"), value);
          return FALSE;
        }
    }
  if (g_str_equal (key, "region") && !g_strv_contains (regions, value))
    {
      g_set_error (error, YS_DOCUMENT_ERROR, YS_DOCUMENT_ERROR_INVALID,
                   _("The layout “%s” is not one of anhui, hebei, shanxi, national"), value);
      return FALSE;
    }
  if (g_str_equal (key, "framework") && !g_strv_contains (frameworks, value))
    {
      g_set_error (error, YS_DOCUMENT_ERROR, YS_DOCUMENT_ERROR_INVALID,
                   _("The indicator framework “%s” is not one of legacy, 2021"), value);
      return FALSE;
    }
  return TRUE;
}

GListModel *
ys_document_get_model (YsDocument *self, const YsKind *kind)
{
  return G_LIST_MODEL (self->models[ys_kinds_index (kind)]);
}

guint
ys_document_count (YsDocument *self, const YsKind *kind)
{
  return g_list_model_get_n_items (ys_document_get_model (self, kind));
}

YsRecord *
ys_document_get (YsDocument *self, const YsKind *kind, guint position)
{
  /* The model owns the record; this borrows it. */
  YsRecord *record = g_list_model_get_item (ys_document_get_model (self, kind), position);

  if (record)
    g_object_unref (record);
  return record;
}

YsRecord *
ys_document_lookup_key (YsDocument *self, const YsKind *kind, const char *key)
{
  GHashTable *keys = self->keys[ys_kinds_index (kind)];

  return keys && key ? g_hash_table_lookup (keys, key) : NULL;
}

/* ---- checks done before the file is touched, for messages an accountant can read ---- */

static gboolean
check_reference (YsDocument *self, YsRecord *record, guint field, const YsValue *value, GError **error)
{
  const YsKind *kind = ys_record_get_kind (record);
  const YsField *f = &kind->fields[field];
  const YsKind *target;

  if (f->ref == NULL || value->s == NULL || value->s[0] == '\0')
    return TRUE;
  target = ys_kinds_lookup (f->ref);
  if (ys_document_lookup_key (self, target, value->s) == NULL)
    {
      g_set_error (error, YS_DOCUMENT_ERROR, YS_DOCUMENT_ERROR_INVALID,
                   _("%s: there is no %s with the code “%s”"),
                   _(f->label), _(target->label), value->s);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_value (YsDocument *self, YsRecord *record, guint field, const YsValue *value, GError **error)
{
  const YsKind *kind = ys_record_get_kind (record);
  const YsField *f = &kind->fields[field];
  g_autofree char *text = ys_field_format (f, value);
  YsValue parsed = { 0 };

  /* Re-parsing the formatted value applies the same rules as typed text. */
  if (!ys_field_parse (f, text, &parsed, error))
    return FALSE;
  ys_value_clear (f, &parsed);

  if ((int) field == kind->key_field)
    {
      YsRecord *other = ys_document_lookup_key (self, kind, value->s);
      if (other != NULL && other != record)
        {
          g_set_error (error, YS_DOCUMENT_ERROR, YS_DOCUMENT_ERROR_INVALID,
                       _("%s “%s” already exists"), _(f->label), value->s);
          return FALSE;
        }
    }
  return check_reference (self, record, field, value, error);
}

static guint
count_references (YsDocument *self, YsRecord *record)
{
  const YsKind *kind = ys_record_get_kind (record);
  const YsKind *const *kinds = ys_kinds_all ();
  const char *key;
  guint count = 0;

  if (kind->key_field < 0)
    return 0;
  key = ys_record_get_text (record, kind->key_field);
  for (guint k = 0; kinds[k]; k++)
    for (guint fi = 0; fi < kinds[k]->n_fields; fi++)
      {
        GListModel *model;
        guint n;

        if (g_strcmp0 (kinds[k]->fields[fi].ref, kind->name) != 0)
          continue;
        model = ys_document_get_model (self, kinds[k]);
        n = g_list_model_get_n_items (model);
        for (guint i = 0; i < n; i++)
          {
            YsRecord *r = ys_document_get (self, kinds[k], i);
            count += strcmp (ys_record_get_text (r, fi), key) == 0;
          }
      }
  return count;
}

/* A key's new text is copied to every record that names it, as the file's
 * ON UPDATE CASCADE does. */
static void
cascade_key (YsDocument *self, const YsKind *kind, const char *old_key, const char *new_key)
{
  const YsKind *const *kinds = ys_kinds_all ();
  YsValue v = { .s = (char *) new_key };

  for (guint k = 0; kinds[k]; k++)
    for (guint fi = 0; fi < kinds[k]->n_fields; fi++)
      {
        guint n;

        if (g_strcmp0 (kinds[k]->fields[fi].ref, kind->name) != 0)
          continue;
        n = ys_document_count (self, kinds[k]);
        for (guint i = 0; i < n; i++)
          {
            YsRecord *r = ys_document_get (self, kinds[k], i);
            if (strcmp (ys_record_get_text (r, fi), old_key) == 0)
              {
                ys_record_set_value (r, fi, &v);
                g_signal_emit (self, signals[SIGNAL_CHANGED], 0, r, YS_CHANGE_UPDATE, (int) fi);
              }
          }
      }
}

/* ---- applying changes: the file first, then memory ---- */

/* Finds @record, trying @hint first: undoing a batch of appended rows removes
 * them from the end one by one, which must not scan 100,000 rows each time. */
static gboolean
find_record (YsRecordList *model, YsRecord *record, guint hint, guint *position)
{
  guint n = ys_record_list_get_n_items (model);
  guint candidates[2] = { hint, n > 0 ? n - 1 : 0 };

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    if (candidates[i] < n && ys_record_list_peek (model, candidates[i]) == record)
      {
        *position = candidates[i];
        return TRUE;
      }
  return ys_record_list_find (model, record, position);
}

static gboolean
remove_record (YsDocument *self, YsRecord *record, guint *position, GError **error)
{
  YsRecordList *model = self->models[ys_kinds_index (ys_record_get_kind (record))];
  guint pos;

  if (!find_record (model, record, *position, &pos))
    g_return_val_if_reached (FALSE);
  if (!ys_store_delete (self->store, record, error))
    return FALSE;
  ys_document_index_key (self, record, FALSE);
  *position = pos;
  ys_record_list_remove (model, pos);
  return TRUE;
}

static gboolean
add_record (YsDocument *self, YsRecord *record, guint *position, GError **error)
{
  YsRecordList *model = self->models[ys_kinds_index (ys_record_get_kind (record))];
  guint n = ys_record_list_get_n_items (model);

  if (!ys_store_insert (self->store, record, error))
    return FALSE;
  ys_document_index_key (self, record, TRUE);
  *position = MIN (*position, n);
  ys_record_list_insert (model, *position, record);
  return TRUE;
}

static gboolean
write_value (YsDocument *self, YsRecord *record, guint field, const YsValue *value, GError **error)
{
  const YsKind *kind = ys_record_get_kind (record);
  const YsField *f = &kind->fields[field];
  gboolean is_key = (int) field == kind->key_field;
  g_autofree char *old_key = is_key ? g_strdup (ys_record_get_text (record, field)) : NULL;
  YsValue saved = { 0 };

  ys_value_copy (f, &saved, ys_record_peek (record, field));
  if (is_key)
    ys_document_index_key (self, record, FALSE);
  ys_record_set_value (record, field, value);
  if (!ys_store_update (self->store, record, field, error))
    {
      ys_record_set_value (record, field, &saved);
      ys_value_clear (f, &saved);
      if (is_key)
        ys_document_index_key (self, record, TRUE);
      return FALSE;
    }
  ys_value_clear (f, &saved);
  if (is_key)
    {
      ys_document_index_key (self, record, TRUE);
      cascade_key (self, kind, old_key, value->s);
    }
  return TRUE;
}

static gboolean
write_meta (YsDocument *self, const char *key, const char *value, GError **error)
{
  if (!ys_store_set_meta (self->store, key, value, error))
    return FALSE;
  g_hash_table_insert (self->meta, g_strdup (key), g_strdup (value));
  if (g_str_equal (key, "catalog_year"))
    for (guint c = 0; c < YS_CATALOG_N_KINDS; c++)
      g_clear_object (&self->catalogs[c]);
  return TRUE;
}

gboolean
ys_document_apply (YsDocument *self, Change *c, gboolean forward, GError **error)
{
  gboolean ok = FALSE;
  YsChangeType emitted = c->type;
  int field = -1;

  switch (c->type)
    {
    case YS_CHANGE_INSERT:
      ok = forward ? add_record (self, c->record, &c->position, error)
                   : remove_record (self, c->record, &c->position, error);
      emitted = forward ? YS_CHANGE_INSERT : YS_CHANGE_DELETE;
      break;
    case YS_CHANGE_DELETE:
      ok = forward ? remove_record (self, c->record, &c->position, error)
                   : add_record (self, c->record, &c->position, error);
      emitted = forward ? YS_CHANGE_DELETE : YS_CHANGE_INSERT;
      break;
    case YS_CHANGE_UPDATE:
      ok = write_value (self, c->record, c->field, forward ? &c->new_value : &c->old_value, error);
      field = (int) c->field;
      break;
    case YS_CHANGE_META:
      ok = write_meta (self, c->key, forward ? c->new_text : c->old_text, error);
      break;
    }
  if (ok)
    g_signal_emit (self, signals[SIGNAL_CHANGED], 0, c->record, emitted, field);
  return ok;
}

void
ys_document_notify_undo (YsDocument *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

static void
push_step (YsDocument *self, Step *step)
{
  if (step->changes->len == 0)
    {
      step_free (step);
      return;
    }
  g_ptr_array_set_size (self->steps, self->undo_top);
  g_ptr_array_add (self->steps, step);
  self->undo_top = self->steps->len;
  ys_document_notify_undo (self);
}

/* Runs one change in the open batch, or alone in its own transaction. */
static gboolean
run (YsDocument *self, Change *c, const char *label, GError **error)
{
  if (!ys_document_ensure_open (self, error))
    {
      change_free (c);
      return FALSE;
    }
  if (self->batch != NULL)
    {
      if (!ys_document_apply (self, c, TRUE, error))
        {
          change_free (c);
          return FALSE;
        }
      g_ptr_array_add (self->batch->changes, c);
      return TRUE;
    }

  if (!ys_store_begin (self->store, error))
    {
      change_free (c);
      return FALSE;
    }
  if (!ys_document_apply (self, c, TRUE, error))
    {
      ys_store_rollback (self->store);
      change_free (c);
      return FALSE;
    }
  if (!ys_store_commit (self->store, error))
    {
      /* The file kept the old state: so must memory. */
      ys_document_apply (self, c, FALSE, NULL);
      change_free (c);
      return FALSE;
    }
  {
    Step *step = step_new (label);
    g_ptr_array_add (step->changes, c);
    push_step (self, step);
  }
  return TRUE;
}

gboolean
ys_document_set_meta (YsDocument *self, const char *key, const char *value, GError **error)
{
  Change *c;

  if (value == NULL)
    value = "";
  if (!check_meta (key, value, error))
    return FALSE;
  if (g_strcmp0 (ys_document_get_meta (self, key), value) == 0)
    return TRUE;
  c = g_new0 (Change, 1);
  c->type = YS_CHANGE_META;
  c->key = g_strdup (key);
  c->old_text = g_strdup (ys_document_get_meta (self, key));
  c->new_text = g_strdup (value);
  return run (self, c, _("Change document setting"), error);
}

gboolean
ys_document_remember (YsDocument *self, const char *key, const char *value, GError **error)
{
  g_return_val_if_fail (!g_strv_contains (ys_document_meta_keys, key), FALSE);
  /* Inside an open batch the row would be rolled back with it. */
  g_return_val_if_fail (self->batch == NULL, FALSE);
  if (!ys_document_ensure_open (self, error) || !ys_store_begin (self->store, error))
    return FALSE;
  if (!ys_store_set_meta (self->store, key, value, error) || !ys_store_commit (self->store, error))
    {
      ys_store_rollback (self->store);
      return FALSE;
    }
  g_hash_table_insert (self->meta, g_strdup (key), g_strdup (value));
  return TRUE;
}

gboolean
ys_document_insert (YsDocument *self, YsRecord *record, GError **error)
{
  const YsKind *kind = ys_record_get_kind (record);
  Change *c;

  g_return_val_if_fail (ys_record_get_id (record) == 0, FALSE);
  if (!ys_indicator_settle (record, error))
    return FALSE;
  for (guint i = 0; i < kind->n_fields; i++)
    if (!check_value (self, record, i, ys_record_peek (record, i), error))
      return FALSE;

  c = g_new0 (Change, 1);
  c->type = YS_CHANGE_INSERT;
  c->record = g_object_ref (record);
  c->position = G_MAXUINT;
  return run (self, c, _("Add"), error);
}

/* An indicator value typed or pasted with its operator (“≥95%”) is stored
 * as operator, number and measure word, in one undo step. */
static gboolean
set_indicator_value (YsDocument *self, YsRecord *record, const char *value, gboolean *done, GError **error)
{
  g_autofree char *op = NULL, *number = NULL, *measure = NULL;
  gboolean own = self->batch == NULL;

  *done = FALSE;
  if (!ys_indicator_resolve_value (value, ys_record_get_text (record, YS_INDICATOR_OPERATOR),
                                   ys_record_get_text (record, YS_INDICATOR_MEASURE),
                                   &op, &number, &measure, error))
    return FALSE;
  if (op == NULL)
    return TRUE;
  *done = TRUE;
  if (!ys_document_begin_batch (self, _("Edit"), error))
    return FALSE;
  if (ys_document_set_text (self, record, YS_INDICATOR_OPERATOR, op, error)
      && ys_document_set_text (self, record, YS_INDICATOR_VALUE, number, error)
      && ys_document_set_text (self, record, YS_INDICATOR_MEASURE, measure, error))
    return ys_document_end_batch (self, error);
  /* Inside a caller's batch the caller cancels it; alone, this one is undone. */
  if (own)
    ys_document_cancel_batch (self);
  else
    self->batch_depth--;
  return FALSE;
}

gboolean
ys_document_set (YsDocument *self, YsRecord *record, guint field, const YsValue *value, GError **error)
{
  const YsField *f = &ys_record_get_kind (record)->fields[field];
  Change *c;

  if (ys_record_get_kind (record) == &ys_indicator_kind && field == YS_INDICATOR_VALUE)
    {
      gboolean done = FALSE;
      gboolean ok = set_indicator_value (self, record, value->s, &done, error);
      if (!ok || done)
        return ok;
    }
  if (ys_value_equal (f, ys_record_peek (record, field), value))
    return TRUE;
  if (!check_value (self, record, field, value, error))
    return FALSE;
  c = g_new0 (Change, 1);
  c->type = YS_CHANGE_UPDATE;
  c->record = g_object_ref (record);
  c->field = field;
  ys_value_copy (f, &c->old_value, ys_record_peek (record, field));
  ys_value_copy (f, &c->new_value, value);
  return run (self, c, _("Edit"), error);
}

gboolean
ys_document_set_text (YsDocument *self, YsRecord *record, guint field, const char *text, GError **error)
{
  const YsField *f = &ys_record_get_kind (record)->fields[field];
  YsValue v = { 0 };
  gboolean ok;

  if (!ys_field_parse (f, text, &v, error))
    return FALSE;
  ok = ys_document_set (self, record, field, &v, error);
  ys_value_clear (f, &v);
  return ok;
}

gboolean
ys_document_delete (YsDocument *self, YsRecord *record, GError **error)
{
  guint refs = count_references (self, record);
  Change *c;

  if (refs > 0)
    {
      g_autofree char *what = ys_record_describe (record);
      g_set_error (error, YS_DOCUMENT_ERROR, YS_DOCUMENT_ERROR_IN_USE,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%s is still used by %u record; delete or change it first",
                                "%s is still used by %u records; delete or change them first", refs),
                   what, refs);
      return FALSE;
    }
  c = g_new0 (Change, 1);
  c->type = YS_CHANGE_DELETE;
  c->record = g_object_ref (record);
  return run (self, c, _("Delete"), error);
}

static gboolean
begin_batch (YsDocument *self, const char *label, gboolean bulk, GError **error)
{
  if (!ys_document_ensure_open (self, error))
    return FALSE;
  if (self->batch_depth++ > 0)
    return TRUE;
  if (!(bulk ? ys_store_begin_bulk (self->store, error) : ys_store_begin (self->store, error)))
    {
      self->batch_depth = 0;
      return FALSE;
    }
  self->batch = step_new (label);
  return TRUE;
}

gboolean
ys_document_begin_batch (YsDocument *self, const char *label, GError **error)
{
  return begin_batch (self, label, FALSE, error);
}

gboolean
ys_document_begin_import (YsDocument *self, const char *label, GError **error)
{
  return begin_batch (self, label, TRUE, error);
}

static void
revert_batch (YsDocument *self)
{
  /* The file is rolled back as a whole; memory is walked back change by change. */
  ys_store_rollback (self->store);
  for (guint i = self->batch->changes->len; i > 0; i--)
    {
      Change *c = g_ptr_array_index (self->batch->changes, i - 1);
      g_autoptr(GError) ignored = NULL;

      switch (c->type)
        {
        case YS_CHANGE_INSERT:
          {
            YsRecordList *m = self->models[ys_kinds_index (ys_record_get_kind (c->record))];
            guint pos;
            if (find_record (m, c->record, c->position, &pos))
              {
                ys_document_index_key (self, c->record, FALSE);
                ys_record_list_remove (m, pos);
              }
            ys_record_set_id (c->record, 0);
            g_signal_emit (self, signals[SIGNAL_CHANGED], 0, c->record, YS_CHANGE_DELETE, -1);
          }
          break;
        case YS_CHANGE_DELETE:
          {
            YsRecordList *m = self->models[ys_kinds_index (ys_record_get_kind (c->record))];
            ys_document_index_key (self, c->record, TRUE);
            ys_record_list_insert (m, MIN (c->position, ys_record_list_get_n_items (m)), c->record);
            g_signal_emit (self, signals[SIGNAL_CHANGED], 0, c->record, YS_CHANGE_INSERT, -1);
          }
          break;
        case YS_CHANGE_UPDATE:
          {
            const YsKind *kind = ys_record_get_kind (c->record);
            gboolean is_key = (int) c->field == kind->key_field;
            if (is_key)
              ys_document_index_key (self, c->record, FALSE);
            ys_record_set_value (c->record, c->field, &c->old_value);
            if (is_key)
              {
                ys_document_index_key (self, c->record, TRUE);
                cascade_key (self, kind, c->new_value.s, c->old_value.s);
              }
            g_signal_emit (self, signals[SIGNAL_CHANGED], 0, c->record, YS_CHANGE_UPDATE, (int) c->field);
          }
          break;
        case YS_CHANGE_META:
          g_hash_table_insert (self->meta, g_strdup (c->key), g_strdup (c->old_text));
          g_signal_emit (self, signals[SIGNAL_CHANGED], 0, NULL, YS_CHANGE_META, -1);
          break;
        }
    }
  g_clear_pointer (&self->batch, step_free);
  self->batch_depth = 0;
}

gboolean
ys_document_end_batch (YsDocument *self, GError **error)
{
  g_return_val_if_fail (self->batch_depth > 0, FALSE);
  if (--self->batch_depth > 0)
    return TRUE;
  if (!ys_store_commit (self->store, error))
    {
      self->batch_depth = 1;
      revert_batch (self);
      return FALSE;
    }
  push_step (self, g_steal_pointer (&self->batch));
  return TRUE;
}

void
ys_document_cancel_batch (YsDocument *self)
{
  if (self->batch != NULL)
    revert_batch (self);
}

void
ys_document_emit_changed (YsDocument *self, YsRecord *record, YsChangeType type, int field)
{
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0, record, type, field);
}
