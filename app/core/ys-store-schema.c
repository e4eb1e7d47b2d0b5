/* The schema of a budget file: the table each kind is stored in, as each
 * format writes it, and the steps that bring an older file up to date. */
#include "config.h"

#include <string.h>

#include "ys-kinds.h"
#include "ys-store-private.h"
#include "ys-store-sums.h"

static void
append_code_check (GString *sql, const YsField *f)
{
  if (f->digits > 0)
    g_string_append_printf (sql, "(length(%s) = %u AND %s NOT GLOB '*[^0-9]*')",
                            f->name, f->digits, f->name);
  else
    g_string_append_printf (sql, "%s NOT GLOB '*[^0-9A-Za-z]*'", f->name);
}

/* Before format 5 a choice was checked with "IN (…)", which SQLite turns
 * into a temporary index built again for every row written and for every
 * row the file check reads; a chain of comparisons costs a few string
 * compares. Both texts are kept for the migration, which replaces the one
 * with the other in the stored schema. */
static const char *
choice_check (const YsField *f, int version)
{
  GString *out = g_string_new (NULL);

  if (version < YS_STORE_PLAIN_CHECKS_SINCE)
    {
      g_string_append_printf (out, "%s IN (", f->name);
      for (guint c = 0; f->choices[c]; c++)
        g_string_append_printf (out, "%s'%s'", c ? ", " : "", f->choices[c]);
      g_string_append (out, ")");
    }
  else
    {
      g_string_append (out, "(");
      for (guint c = 0; f->choices[c]; c++)
        g_string_append_printf (out, "%s%s = '%s'", c ? " OR " : "", f->name, f->choices[c]);
      g_string_append (out, ")");
    }
  {
    g_autofree char *check = g_string_free (out, FALSE);
    return g_intern_string (check);
  }
}

static const char *
bool_check (const YsField *f, int version)
{
  g_autofree char *check = version < YS_STORE_PLAIN_CHECKS_SINCE
                           ? g_strdup_printf ("%s IN (0, 1)", f->name)
                           : g_strdup_printf ("(%s = 0 OR %s = 1)", f->name, f->name);
  return g_intern_string (check);
}

/* The SQL type and checks of one column, as format @version writes it. */
static void
append_column (GString *sql, const YsField *f, int version)
{
  gboolean required = (f->flags & YS_FIELD_REQUIRED) != 0;

  g_string_append_printf (sql, "%s ", f->name);
  switch (f->type)
    {
    case YS_FIELD_TEXT:
      g_string_append (sql, "TEXT NOT NULL DEFAULT ''");
      if (required)
        g_string_append_printf (sql, " CHECK (%s <> '')", f->name);
      break;

    case YS_FIELD_CODE:
      if (f->ref && !required)
        {
          /* NULL, not '', so that the foreign key does not apply. */
          g_string_append_printf (sql, "TEXT CHECK (%s IS NULL OR ", f->name);
          append_code_check (sql, f);
          g_string_append (sql, ")");
        }
      else if (required)
        {
          g_string_append_printf (sql, "TEXT NOT NULL CHECK (%s <> '' AND ", f->name);
          append_code_check (sql, f);
          g_string_append (sql, ")");
        }
      else
        {
          g_string_append_printf (sql, "TEXT NOT NULL DEFAULT '' CHECK (%s = '' OR ", f->name);
          append_code_check (sql, f);
          g_string_append (sql, ")");
        }
      if (f->flags & YS_FIELD_KEY)
        g_string_append (sql, " UNIQUE");
      if (f->ref)
        g_string_append_printf (sql, " REFERENCES %s(code) ON UPDATE CASCADE",
                                ys_kinds_lookup (f->ref)->table);
      break;

    case YS_FIELD_CHOICE:
      if (required)
        g_string_append_printf (sql, "TEXT NOT NULL CHECK (%s)", choice_check (f, version));
      else
        g_string_append_printf (sql, "TEXT NOT NULL DEFAULT '' CHECK (%s = '' OR %s)",
                                f->name, choice_check (f, version));
      break;

    case YS_FIELD_INT:
    case YS_FIELD_MONEY:
      g_string_append (sql, "INTEGER NOT NULL DEFAULT 0");
      if (!(f->flags & YS_FIELD_NEGATIVE_OK))
        g_string_append_printf (sql, " CHECK (%s >= 0)", f->name);
      break;

    case YS_FIELD_BOOL:
      g_string_append_printf (sql, "INTEGER NOT NULL DEFAULT 0 CHECK (%s)", bool_check (f, version));
      break;
    }
}

/* What the CHECK of the column append_column() writes for @f says of
 * @value, as bound by the store (an empty optional reference is NULL):
 * the same rules, evaluated in C. A code check's GLOB refuses any byte that
 * is not an ASCII letter or digit, so a UTF-8 text passes only when it is
 * all ASCII, where length() counts bytes. */
static gboolean
code_passes (const YsField *f, const char *s)
{
  gsize n = 0;

  for (; s[n] != '\0'; n++)
    if (f->digits > 0 ? !g_ascii_isdigit (s[n]) : !g_ascii_isalnum (s[n]))
      return FALSE;
  return f->digits == 0 || n == f->digits;
}

gboolean
ys_store_value_passes (const YsField *f, const YsValue *value)
{
  gboolean required = (f->flags & YS_FIELD_REQUIRED) != 0;
  const char *s = NULL;

  if (f->type == YS_FIELD_TEXT || f->type == YS_FIELD_CODE || f->type == YS_FIELD_CHOICE)
    s = value->s != NULL ? value->s : "";
  switch (f->type)
    {
    case YS_FIELD_TEXT:
      return !required || s[0] != '\0';
    case YS_FIELD_CODE:
      if (s[0] == '\0')
        return !required;
      return code_passes (f, s);
    case YS_FIELD_CHOICE:
      if (s[0] == '\0' && !required)
        return TRUE;
      for (guint c = 0; f->choices[c]; c++)
        if (strcmp (s, f->choices[c]) == 0)
          return TRUE;
      return FALSE;
    case YS_FIELD_INT:
    case YS_FIELD_MONEY:
      return value->i >= 0 || (f->flags & YS_FIELD_NEGATIVE_OK) != 0;
    case YS_FIELD_BOOL:
      return value->i == 0 || value->i == 1;
    }
  return FALSE;
}

/* The table of @kind as format @version writes it. */
static char *
table_sql (const YsKind *kind, int version)
{
  GString *sql = g_string_new (NULL);
  guint n = ys_store_kind_columns (kind, version);

  g_string_append_printf (sql, "CREATE TABLE %s (\n  id INTEGER PRIMARY KEY", kind->table);
  for (guint i = 0; i < n; i++)
    {
      g_string_append (sql, ",\n  ");
      append_column (sql, &kind->fields[i], version);
    }
  g_string_append (sql, "\n);\n");

  for (guint i = 0; i < n; i++)
    if (kind->fields[i].ref)
      g_string_append_printf (sql, "CREATE INDEX %s_%s ON %s (%s);\n",
                              kind->table, kind->fields[i].name, kind->table, kind->fields[i].name);
  return g_string_free (sql, FALSE);
}

static const char base_schema[] =
  "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);\n"
  "CREATE TABLE catalog_entry (\n"
  "  catalog TEXT NOT NULL CHECK (catalog IN ('function', 'economic_dept', 'economic_gov', 'procurement')),\n"
  "  code TEXT NOT NULL CHECK (code <> ''),\n"
  "  name TEXT NOT NULL,\n"
  "  level INTEGER NOT NULL DEFAULT 0,\n"
  "  parent TEXT NOT NULL DEFAULT '',\n"
  "  PRIMARY KEY (catalog, code)\n"
  ");\n";

/* "id, a, b, …" or "a, b, …": the columns of @kind stored in @version. */
char *
ys_store_column_list (const YsKind *kind, int version, gboolean with_id)
{
  GString *s = g_string_new (with_id ? "id" : NULL);
  guint n = ys_store_kind_columns (kind, version);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, "%s%s", s->len ? ", " : "", kind->fields[i].name);
  return g_string_free (s, FALSE);
}

/* Version 3: every row carries the sum of its values, computed here for
 * the rows an older version wrote. */
static gboolean
add_sums (YsStore *self, int version, GError **error)
{
  const YsKind *const *kinds = ys_kinds_all ();
  g_autoptr(GString) sql = g_string_new (
    "ALTER TABLE meta ADD COLUMN checksum INTEGER NOT NULL DEFAULT 0;\n"
    "UPDATE meta SET checksum = ys_row_sum('meta', key, value);\n"
    "ALTER TABLE catalog_entry ADD COLUMN checksum INTEGER NOT NULL DEFAULT 0;\n"
    "UPDATE catalog_entry SET checksum = ys_row_sum('catalog_entry', catalog, code, name, level, parent);\n");

  for (guint k = 0; kinds[k]; k++)
    {
      g_autofree char *columns = ys_store_column_list (kinds[k], version, TRUE);

      if (ys_store_kind_since (kinds[k]) >= YS_STORE_CHECKSUM_SINCE)
        continue;
      g_string_append_printf (sql, "ALTER TABLE %s ADD COLUMN checksum INTEGER NOT NULL DEFAULT 0;\n"
                              "UPDATE %s SET checksum = ys_row_sum('%s', %s);\n",
                              kinds[k]->table, kinds[k]->table, kinds[k]->table, columns);
    }
  return ys_store_exec (self, sql->str, error);
}


/* Version 5: the stored CREATE TABLE statements get the comparisons in place
 * of the IN lists. Both accept exactly the same values, so the rows on disk
 * stay as they are and only the schema text changes, which SQLite allows
 * through writable_schema (its documentation on ALTER TABLE says so for
 * changes that no stored row can contradict). */
static gboolean
plain_checks (YsStore *self, int from, GError **error)
{
  const YsKind *const *kinds = ys_kinds_all ();
  g_autoptr(GString) sql = g_string_new ("PRAGMA writable_schema = ON;\n");
  int schema_version = 0;

  for (guint k = 0; kinds[k]; k++)
    for (guint i = 0; i < kinds[k]->n_fields && ys_store_kind_since (kinds[k]) <= from; i++)
      {
        const YsField *f = &kinds[k]->fields[i];
        const char *old_check, *new_check;
        char *quoted;

        if (f->type == YS_FIELD_CHOICE)
          old_check = choice_check (f, from), new_check = choice_check (f, YS_STORE_PLAIN_CHECKS_SINCE);
        else if (f->type == YS_FIELD_BOOL)
          old_check = bool_check (f, from), new_check = bool_check (f, YS_STORE_PLAIN_CHECKS_SINCE);
        else
          continue;
        quoted = sqlite3_mprintf ("UPDATE sqlite_master SET sql = replace(sql, %Q, %Q) "
                                  "WHERE type = 'table' AND name = %Q;\n",
                                  old_check, new_check, kinds[k]->table);
        g_string_append (sql, quoted);
        sqlite3_free (quoted);
      }
  g_string_append (sql, "PRAGMA writable_schema = OFF;\n");
  if (!ys_store_query_int (self, "PRAGMA schema_version", &schema_version, error))
    return FALSE;
  /* Other connections, and this one, read the schema again. */
  g_string_append_printf (sql, "PRAGMA schema_version = %d;\n", schema_version + 1);
  return ys_store_exec (self, sql->str, error);
}

/* Fields appended to a kind in format @since (version 6: the reviewer and
 * the time of each review decision; version 8: a line's internal transfer),
 * added empty to the rows of older files; their sums then cover the new
 * columns. */
static gboolean
add_columns (YsStore *self, const YsKind *kind, int since, gboolean resum, GError **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);

  for (guint i = ys_store_kind_columns (kind, since - 1); i < ys_store_kind_columns (kind, since); i++)
    {
      g_string_append_printf (sql, "ALTER TABLE %s ADD COLUMN ", kind->table);
      append_column (sql, &kind->fields[i], since);
      g_string_append (sql, ";\n");
    }
  if (resum)
    {
      g_autofree char *columns = ys_store_column_list (kind, since, TRUE);
      g_string_append_printf (sql, "UPDATE %s SET checksum = ys_row_sum('%s', %s);\n",
                              kind->table, kind->table, columns);
    }
  return ys_store_exec (self, sql->str, error);
}

/* Brings a file from @from to @to; every step in the caller's transaction. */
gboolean
ys_store_migrate (YsStore *self, int from, int to, GError **error)
{
  const YsKind *const *kinds = ys_kinds_all ();

  if (from == 0 && !ys_store_exec (self, base_schema, error))
    return FALSE;
  for (guint k = 0; kinds[k]; k++)
    {
      int since = ys_store_kind_since (kinds[k]);

      if (since > from && since <= MIN (to, YS_STORE_CHECKSUM_SINCE - 1))
        {
          g_autofree char *sql = table_sql (kinds[k], to);
          if (!ys_store_exec (self, sql, error))
            return FALSE;
        }
    }
  /* Tables made above already have the columns of @to. */
  if (from >= ys_store_kind_since (&ys_review_kind) && from < YS_STORE_REVIEWER_SINCE
      && to >= YS_STORE_REVIEWER_SINCE
      && !add_columns (self, &ys_review_kind, YS_STORE_REVIEWER_SINCE, from >= YS_STORE_CHECKSUM_SINCE, error))
    return FALSE;
  if (from >= ys_store_kind_since (&ys_line_kind) && from < YS_STORE_TRANSFER_SINCE
      && to >= YS_STORE_TRANSFER_SINCE
      && !add_columns (self, &ys_line_kind, YS_STORE_TRANSFER_SINCE, from >= YS_STORE_CHECKSUM_SINCE, error))
    return FALSE;
  if (from < YS_STORE_CHECKSUM_SINCE && to >= YS_STORE_CHECKSUM_SINCE && !add_sums (self, to, error))
    return FALSE;
  /* Kinds that came with the sums or after are made with them. */
  for (guint k = 0; kinds[k]; k++)
    {
      int since = ys_store_kind_since (kinds[k]);

      if (since >= YS_STORE_CHECKSUM_SINCE && since > from && since <= to)
        {
          g_autofree char *table = table_sql (kinds[k], to);
          g_autofree char *sql = g_strdup_printf ("%sALTER TABLE %s ADD COLUMN checksum INTEGER NOT NULL DEFAULT 0;\n",
                                                  table, kinds[k]->table);
          if (!ys_store_exec (self, sql, error))
            return FALSE;
        }
    }
  if (from > 0 && from < YS_STORE_PLAIN_CHECKS_SINCE && to >= YS_STORE_PLAIN_CHECKS_SINCE
      && !plain_checks (self, from, error))
    return FALSE;

  if (from < YS_STORE_LINE_SUMS_SINCE && to >= YS_STORE_LINE_SUMS_SINCE
      && (!ys_store_exec (self, ys_store_sums_schema_sql (), error)
          || (from > 0 && !ys_store_sums_fill (self, error))))
    return FALSE;

  g_autofree char *version = g_strdup_printf ("PRAGMA user_version = %d", to);
  if (!ys_store_exec (self, version, error))
    return FALSE;
  self->version = to;
  return TRUE;
}
