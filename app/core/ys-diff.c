#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "ys-diff.h"
#include "ys-i18n-private.h"
#include "ys-kinds.h"

/* The document settings under the accountant's words. */
static const struct { const char *key; const char *label; } setting_labels[] = {
  { "dept_code", N_("department code") },
  { "dept_name", N_("department name") },
  { "year", N_("budget year") },
  { "region", N_("table layout") },
  { "catalog_year", N_("classification year") },
  { "framework", N_("indicator framework") },
  { "overview_duties", N_("main duties") },
  { "overview_tasks", N_("main tasks of the year") },
  { "overview_other", N_("other important matters") },
  { "overview_structure_note", N_("note on the organisation") },
};

static void
row_free (YsDiffRow *row)
{
  g_free (row->code);
  g_free (row->name);
  g_free (row);
}

static void
field_free (YsDiffField *f)
{
  g_free (f->name);
  g_free (f->old_text);
  g_free (f->new_text);
  g_free (f);
}

static void
change_free (YsDiffChange *c)
{
  g_free (c->key);
  g_free (c->codes);
  g_ptr_array_unref (c->fields);
  g_free (c);
}

void
ys_diff_free (YsDiff *diff)
{
  if (diff == NULL)
    return;
  g_free (diff->from_name);
  g_free (diff->to_name);
  g_free (diff->total.code);
  g_free (diff->total.name);
  g_ptr_array_unref (diff->by_unit);
  g_ptr_array_unref (diff->by_function);
  g_ptr_array_unref (diff->by_economic);
  g_ptr_array_unref (diff->by_project);
  g_ptr_array_unref (diff->changes);
  g_free (diff);
}

gboolean
ys_diff_row_rate (const YsDiffRow *row, double *percent)
{
  if (row->from == 0)
    return FALSE;
  *percent = (double) (row->to - row->from) * 100.0 / (double) row->from;
  return TRUE;
}

char *
ys_diff_row_rate_text (const YsDiffRow *row)
{
  double percent = 0;

  return ys_diff_row_rate (row, &percent) ? g_strdup_printf ("%.2f%%", percent) : g_strdup ("—");
}

const char *
ys_diff_change_type_label (YsDiffChangeType type)
{
  switch (type)
    {
    case YS_DIFF_ADDED:
      return _("added");
    case YS_DIFF_REMOVED:
      return _("removed");
    case YS_DIFF_CHANGED:
    default:
      return _("changed");
    }
}

/* ---- amounts ---- */

/* code → YsDiffRow, for one of the four groupings. Called up to eight
 * times a line: the key is cut on the stack, not allocated. */
static YsDiffRow *
row_for (GHashTable *rows, const char *code, gssize len, guint level)
{
  char buffer[64];
  g_autofree char *long_key = NULL;
  const char *key = code;
  YsDiffRow *row;

  if (len >= 0 && (gsize) len < sizeof buffer)
    {
      memcpy (buffer, code, len);
      buffer[len] = '\0';
      key = buffer;
    }
  else if (len >= 0)
    key = long_key = g_strndup (code, len);
  row = g_hash_table_lookup (rows, key);
  if (row == NULL)
    {
      row = g_new0 (YsDiffRow, 1);
      row->code = g_strdup (key);
      row->level = level;
      g_hash_table_insert (rows, row->code, row);
    }
  return row;
}

static void
add_amounts (YsSnapshot *s, gboolean to, GHashTable *tables[4], YsDiffRow *total)
{
  GPtrArray *lines = s->records[ys_kinds_index (&ys_line_kind)];

  for (guint i = 0; i < lines->len; i++)
    {
      YsRecord *line = g_ptr_array_index (lines, i);
      const char *func = ys_record_get_text (line, YS_LINE_FUNC_CODE);
      const char *econ = ys_record_get_text (line, YS_LINE_ECON_CODE);
      const char *project = ys_record_get_text (line, YS_LINE_PROJECT_CODE);
      YsMoney amount = ys_record_get_int (line, YS_LINE_AMOUNT);
      YsDiffRow *rows[8];
      guint n = 0;

      rows[n++] = total;
      rows[n++] = row_for (tables[0], ys_record_get_text (line, YS_LINE_UNIT_CODE), -1, 0);
      for (guint level = 1; level <= 3; level++)
        if (strlen (func) >= 1 + 2 * level)
          rows[n++] = row_for (tables[1], func, 1 + 2 * level, level);
      for (guint level = 1; level <= 2; level++)
        if (strlen (econ) >= 1 + 2 * level)
          rows[n++] = row_for (tables[2], econ, 1 + 2 * level, level);
      if (project[0])
        rows[n++] = row_for (tables[3], project, -1, 0);
      for (guint r = 0; r < n; r++)
        {
          if (to)
            rows[r]->to += amount;
          else
            rows[r]->from += amount;
        }
    }
}

/* Each row's name: that of the first record of @kind with its code, in
 * @b, else in @a. Looked up in a table made once: a search of every
 * record per row took seconds for 2,000 projects. */
static void
name_records (GPtrArray *rows, YsSnapshot *a, YsSnapshot *b, const YsKind *kind, guint name_field)
{
  YsSnapshot *sides[] = { b, a };
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint s = 0; s < G_N_ELEMENTS (sides); s++)
    {
      GPtrArray *records = sides[s]->records[ys_kinds_index (kind)];

      for (guint i = 0; i < records->len; i++)
        {
          YsRecord *record = g_ptr_array_index (records, i);
          const char *code = ys_record_get_text (record, kind->key_field);

          if (!g_hash_table_contains (names, code))
            g_hash_table_insert (names, (gpointer) code, (gpointer) ys_record_get_text (record, name_field));
        }
    }
  for (guint i = 0; i < rows->len; i++)
    {
      YsDiffRow *row = g_ptr_array_index (rows, i);
      const char *name = g_hash_table_lookup (names, row->code);

      row->name = g_strdup (name ? name : "");
    }
}

static int
compare_rows (gconstpointer a, gconstpointer b)
{
  return strcmp ((*(YsDiffRow *const *) a)->code, (*(YsDiffRow *const *) b)->code);
}

static GPtrArray *
sorted_rows (GHashTable *table)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (rows, value);
  g_hash_table_steal_all (table);
  g_ptr_array_sort (rows, compare_rows);
  return rows;
}

static void
name_codes (GPtrArray *rows, YsCatalog *catalog)
{
  for (guint i = 0; i < rows->len; i++)
    {
      YsDiffRow *row = g_ptr_array_index (rows, i);
      const YsCatalogEntry *e = ys_catalog_lookup (catalog, row->code);
      row->name = g_strdup (e ? e->name : "");
    }
}

/* ---- records ---- */

/* The codes say which line it is better than its number. */
static char *
record_codes (YsRecord *record)
{
  const YsKind *kind = ys_record_get_kind (record);
  GString *codes = g_string_new (NULL);

  for (guint f = 0; f < kind->n_fields; f++)
    if ((int) f != kind->key_field && kind->fields[f].type == YS_FIELD_CODE
        && ys_record_get_text (record, f)[0] != '\0')
      g_string_append_printf (codes, "%s%s", codes->len ? " " : "", ys_record_get_text (record, f));
  return g_string_free (codes, FALSE);
}

char *
ys_diff_change_describe (const YsDiffChange *c)
{
  g_autofree char *head = NULL;

  if (c->kind == NULL)
    return g_strdup (_("document settings"));
  head = c->key ? g_strdup_printf ("%s %s", _(c->kind->label), c->key)
                : g_strdup_printf ("%s #%" G_GINT64_FORMAT, _(c->kind->label), c->id);
  if (c->codes[0] == '\0')
    return g_steal_pointer (&head);
  return g_strdup_printf ("%s（%s）", head, c->codes);
}

const char *
ys_diff_get_name (YsDiff *diff, gboolean to)
{
  const char *name = to ? diff->to_name : diff->from_name;
  return name ? name : _("now");
}

const char *
ys_diff_field_label (const YsDiffField *field)
{
  return _(field->label);
}

static void
add_field (GPtrArray *fields, const char *name, const char *label, const char *old_text, const char *new_text)
{
  YsDiffField *f = g_new0 (YsDiffField, 1);

  f->name = g_strdup (name);
  f->label = label;
  f->old_text = g_strdup (old_text);
  f->new_text = g_strdup (new_text);
  g_ptr_array_add (fields, f);
}

static YsDiffChange *
change_new (const YsKind *kind, YsRecord *record, YsDiffChangeType type)
{
  YsDiffChange *c = g_new0 (YsDiffChange, 1);

  c->kind = kind;
  c->id = record ? ys_record_get_id (record) : 0;
  c->type = type;
  c->key = record && kind->key_field >= 0 ? g_strdup (ys_record_get_text (record, kind->key_field)) : NULL;
  c->codes = record ? record_codes (record) : g_strdup ("");
  c->fields = g_ptr_array_new_with_free_func ((GDestroyNotify) field_free);
  return c;
}

/* Whether every field of @a and @b has the same value: most records of
 * two versions do, and are not formatted field by field to find it. */
static gboolean
same_values (const YsKind *kind, YsRecord *a, YsRecord *b)
{
  for (guint f = 0; f < kind->n_fields; f++)
    if (!ys_value_equal (&kind->fields[f], ys_record_peek (a, f), ys_record_peek (b, f)))
      return FALSE;
  return TRUE;
}

/* @a or @b may be NULL (added, removed): then every field not empty is listed. */
static YsDiffChange *
compare_records (const YsKind *kind, YsRecord *a, YsRecord *b)
{
  YsDiffChange *c;

  if (a != NULL && b != NULL && same_values (kind, a, b))
    return NULL;
  c = change_new (kind, b ? b : a, a == NULL ? YS_DIFF_ADDED : b == NULL ? YS_DIFF_REMOVED : YS_DIFF_CHANGED);
  for (guint f = 0; f < kind->n_fields; f++)
    {
      g_autofree char *old_text = a ? ys_record_format (a, f) : g_strdup ("");
      g_autofree char *new_text = b ? ys_record_format (b, f) : g_strdup ("");

      if (!g_str_equal (old_text, new_text))
        add_field (c->fields, kind->fields[f].name, kind->fields[f].label, old_text, new_text);
    }
  if (c->fields->len == 0 && c->type == YS_DIFF_CHANGED)
    {
      change_free (c);
      return NULL;
    }
  return c;
}

static int
compare_changes (gconstpointer a, gconstpointer b)
{
  gint64 x = (*(YsDiffChange *const *) a)->id, y = (*(YsDiffChange *const *) b)->id;
  return x < y ? -1 : x > y;
}

/* Records are matched by the id they have in the file, which undo and the
 * versions keep. */
static void
diff_kind (const YsKind *kind, GPtrArray *from, GPtrArray *to, GPtrArray *changes)
{
  g_autoptr(GHashTable) before = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer value;

  for (guint i = 0; i < from->len; i++)
    {
      YsRecord *r = g_ptr_array_index (from, i);
      gint64 id = ys_record_get_id (r);
      g_hash_table_insert (before, g_memdup2 (&id, sizeof id), r);
    }
  for (guint i = 0; i < to->len; i++)
    {
      YsRecord *r = g_ptr_array_index (to, i);
      gint64 id = ys_record_get_id (r);
      YsRecord *old = g_hash_table_lookup (before, &id);
      YsDiffChange *c = compare_records (kind, old, r);

      g_hash_table_remove (before, &id);
      if (c)
        g_ptr_array_add (found, c);
    }
  g_hash_table_iter_init (&iter, before);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (found, compare_records (kind, value, NULL));
  g_ptr_array_sort (found, compare_changes);
  for (guint i = 0; i < found->len; i++)
    g_ptr_array_add (changes, g_ptr_array_index (found, i));
}

YsDiff *
ys_diff_compute (YsSnapshot *from, YsSnapshot *to, YsDocument *doc)
{
  const YsKind *const *kinds = ys_kinds_all ();
  YsDiff *diff = g_new0 (YsDiff, 1);
  GHashTable *tables[4];

  diff->from_name = g_strdup (from->name);
  diff->to_name = g_strdup (to->name);
  diff->total.code = g_strdup ("");
  diff->total.name = g_strdup (_("total expenditure"));
  for (guint t = 0; t < 4; t++)
    tables[t] = g_hash_table_new (g_str_hash, g_str_equal);
  add_amounts (from, FALSE, tables, &diff->total);
  add_amounts (to, TRUE, tables, &diff->total);
  diff->by_unit = sorted_rows (tables[0]);
  diff->by_function = sorted_rows (tables[1]);
  diff->by_economic = sorted_rows (tables[2]);
  diff->by_project = sorted_rows (tables[3]);
  for (guint t = 0; t < 4; t++)
    g_hash_table_unref (tables[t]);
  name_records (diff->by_unit, from, to, &ys_unit_kind, YS_UNIT_NAME);
  name_records (diff->by_project, from, to, &ys_project_kind, YS_PROJECT_NAME);
  name_codes (diff->by_function, ys_document_get_catalog (doc, YS_CATALOG_FUNCTION));
  name_codes (diff->by_economic, ys_document_get_catalog (doc, YS_CATALOG_ECONOMIC_DEPT));

  diff->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) change_free);
  {
    YsDiffChange *settings = change_new (NULL, NULL, YS_DIFF_CHANGED);

    for (guint i = 0; i < G_N_ELEMENTS (setting_labels); i++)
      {
        const char *a = g_hash_table_lookup (from->meta, setting_labels[i].key);
        const char *b = g_hash_table_lookup (to->meta, setting_labels[i].key);
        if (g_strcmp0 (a ? a : "", b ? b : "") != 0)
          add_field (settings->fields, setting_labels[i].key, setting_labels[i].label, a ? a : "", b ? b : "");
      }
    if (settings->fields->len > 0)
      g_ptr_array_add (diff->changes, settings);
    else
      change_free (settings);
  }
  for (guint k = 0; kinds[k]; k++)
    diff_kind (kinds[k], from->records[k], to->records[k], diff->changes);
  return diff;
}

static void
row_to_json (JsonBuilder *b, const YsDiffRow *row)
{
  double percent = 0;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "code");
  json_builder_add_string_value (b, row->code);
  json_builder_set_member_name (b, "name");
  json_builder_add_string_value (b, row->name);
  json_builder_set_member_name (b, "from");
  json_builder_add_int_value (b, row->from);
  json_builder_set_member_name (b, "to");
  json_builder_add_int_value (b, row->to);
  json_builder_set_member_name (b, "change");
  json_builder_add_int_value (b, row->to - row->from);
  json_builder_set_member_name (b, "rate");
  if (ys_diff_row_rate (row, &percent))
    json_builder_add_double_value (b, percent);
  else
    json_builder_add_null_value (b);
  json_builder_end_object (b);
}

static void
rows_to_json (JsonBuilder *b, const char *member, GPtrArray *rows)
{
  json_builder_set_member_name (b, member);
  json_builder_begin_array (b);
  for (guint i = 0; i < rows->len; i++)
    row_to_json (b, g_ptr_array_index (rows, i));
  json_builder_end_array (b);
}

static const char *const change_types[] = { "added", "removed", "changed" };

char *
ys_diff_to_json (YsDiff *diff)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "from");
  json_builder_add_string_value (b, ys_diff_get_name (diff, FALSE));
  json_builder_set_member_name (b, "to");
  json_builder_add_string_value (b, ys_diff_get_name (diff, TRUE));
  json_builder_set_member_name (b, "total");
  row_to_json (b, &diff->total);
  rows_to_json (b, "by_unit", diff->by_unit);
  rows_to_json (b, "by_function", diff->by_function);
  rows_to_json (b, "by_economic", diff->by_economic);
  rows_to_json (b, "by_project", diff->by_project);

  json_builder_set_member_name (b, "changes");
  json_builder_begin_array (b);
  for (guint i = 0; i < diff->changes->len; i++)
    {
      YsDiffChange *c = g_ptr_array_index (diff->changes, i);
      g_autofree char *what = ys_diff_change_describe (c);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "kind");
      json_builder_add_string_value (b, c->kind ? c->kind->name : "document");
      json_builder_set_member_name (b, "id");
      json_builder_add_int_value (b, c->id);
      json_builder_set_member_name (b, "type");
      json_builder_add_string_value (b, change_types[c->type]);
      json_builder_set_member_name (b, "what");
      json_builder_add_string_value (b, what);
      json_builder_set_member_name (b, "fields");
      json_builder_begin_array (b);
      for (guint f = 0; f < c->fields->len; f++)
        {
          YsDiffField *field = g_ptr_array_index (c->fields, f);
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "field");
          json_builder_add_string_value (b, field->name);
          json_builder_set_member_name (b, "label");
          json_builder_add_string_value (b, ys_diff_field_label (field));
          json_builder_set_member_name (b, "old");
          json_builder_add_string_value (b, field->old_text);
          json_builder_set_member_name (b, "new");
          json_builder_add_string_value (b, field->new_text);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  return json_to_string (root, TRUE);
}
