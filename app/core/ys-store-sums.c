/* The sums of the line items, kept in the file since format 9.
 *
 * The department's tables need a million lines only added up: some tens of
 * thousands of sums of the department (line_sum) and a few dozen per unit
 * and per project (owner_sum). Reading and checking every line at every
 * export cost more than writing the workbook, so the file keeps the sums,
 * and triggers change them in the same transaction as the line: no writer,
 * whether an edit, a merge, a renamed unit's cascade or a script, can
 * change a line without its sums. Each sum row carries its checksum, as a
 * record does, so what export reads instead of the lines is verified as the
 * lines were.
 *
 * A row exists exactly while lines of its key exist (lines > 0), so both
 * tables always equal a GROUP BY of the lines: ys_store_sums_verify()
 * compares them, and `yusuan-cli check` runs it. Internal transfers
 * (transfer <> '') are summed by neither: the department's tables decide
 * per pair whether to leave them out, so export reads them one by one,
 * through their own small index. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ys-store-sums.h"

#define LINE_KEYS "func_code, econ_code, gov_econ_code, kind, source, sub_source, carry_over, institution"
#define OWNER_KEYS "project, owner, kind, source, sub_source, carry_over"
#define INSTITUTION(row) "(SELECT unit_type = '事业单位' FROM unit WHERE code = " row ".unit_code)"

static const char tables[] =
  "CREATE TABLE line_sum (\n"
  "  func_code TEXT NOT NULL, econ_code TEXT NOT NULL, gov_econ_code TEXT NOT NULL,\n"
  "  kind TEXT NOT NULL, source TEXT NOT NULL, sub_source TEXT NOT NULL,\n"
  "  carry_over INTEGER NOT NULL, institution INTEGER NOT NULL,\n"
  "  amount INTEGER NOT NULL, lines INTEGER NOT NULL, checksum INTEGER NOT NULL,\n"
  "  PRIMARY KEY (" LINE_KEYS ")\n"
  ") WITHOUT ROWID;\n"
  "CREATE TABLE owner_sum (\n"
  "  project INTEGER NOT NULL, owner TEXT NOT NULL,\n"
  "  kind TEXT NOT NULL, source TEXT NOT NULL, sub_source TEXT NOT NULL, carry_over INTEGER NOT NULL,\n"
  "  amount INTEGER NOT NULL, lines INTEGER NOT NULL, checksum INTEGER NOT NULL,\n"
  "  PRIMARY KEY (" OWNER_KEYS ")\n"
  ") WITHOUT ROWID;\n"
  "CREATE INDEX line_item_transfer ON line_item (id) WHERE transfer <> '';\n";

/* Adds @sign (“+” or “-”) the line @row (“new” or “old”) to the three sums it
 * counts in, when @when holds. @institution: whether its unit is a 事业单位. */
static void
append_change (GString *sql, const char *row, const char *sign, const char *when, const char *institution)
{
  g_autofree char *line = g_strdup_printf ("%s.func_code, %s.econ_code, %s.gov_econ_code, %s.kind, %s.source, "
                                           "%s.sub_source, %s.carry_over, i.v, %s%s.amount, %s1",
                                           row, row, row, row, row, row, row, sign, row, sign);
  g_autofree char *class = g_strdup_printf ("%s.kind, %s.source, %s.sub_source, %s.carry_over, %s%s.amount, %s1",
                                            row, row, row, row, sign, row, sign);

  g_string_append_printf (sql,
    "  INSERT INTO line_sum SELECT %s, ys_values_sum('line_sum', %s)\n"
    "    FROM (SELECT coalesce(%s, 0) AS v) AS i WHERE %s\n"
    "    ON CONFLICT (" LINE_KEYS ") DO UPDATE SET amount = amount + excluded.amount, lines = lines + excluded.lines,\n"
    "      checksum = ys_values_sum('line_sum', " LINE_KEYS ", amount + excluded.amount, lines + excluded.lines);\n",
    line, line, institution, when);
  for (int project = 0; project < 2; project++)
    {
      g_autofree char *owner = g_strdup_printf ("%s.%s", row, project ? "project_code" : "unit_code");
      g_autofree char *owner_when = project ? g_strdup_printf ("%s AND coalesce(%s, '') <> ''", when, owner)
                                            : g_strdup (when);

      g_string_append_printf (sql,
        "  INSERT INTO owner_sum SELECT %d, %s, %s, ys_values_sum('owner_sum', %d, %s, %s) WHERE %s\n"
        "    ON CONFLICT (" OWNER_KEYS ") DO UPDATE SET amount = amount + excluded.amount, lines = lines + excluded.lines,\n"
        "      checksum = ys_values_sum('owner_sum', " OWNER_KEYS ", amount + excluded.amount, lines + excluded.lines);\n",
        project, owner, class, project, owner, class, owner_when);
    }
  if (*sign == '-')
    g_string_append_printf (sql,
      "  DELETE FROM line_sum WHERE lines = 0 AND func_code = %s.func_code AND econ_code = %s.econ_code\n"
      "    AND gov_econ_code = %s.gov_econ_code;\n"
      "  DELETE FROM owner_sum WHERE project = 0 AND owner = %s.unit_code AND lines = 0;\n"
      "  DELETE FROM owner_sum WHERE project = 1 AND owner = %s.project_code AND lines = 0;\n",
      row, row, row, row, row);
}

/* The sums of one unit's lines, added with @sign under the unit type @institution. */
static void
append_unit_move (GString *sql, const char *sign, const char *institution)
{
  g_string_append_printf (sql,
    "  INSERT INTO line_sum SELECT func_code, econ_code, gov_econ_code, kind, source, sub_source, carry_over, %s,\n"
    "      %ssum(amount), %scount(*), ys_values_sum('line_sum', func_code, econ_code, gov_econ_code, kind, source,\n"
    "      sub_source, carry_over, %s, %ssum(amount), %scount(*))\n"
    "    FROM line_item WHERE unit_code = new.code AND transfer = ''\n"
    "    GROUP BY func_code, econ_code, gov_econ_code, kind, source, sub_source, carry_over\n"
    "    ON CONFLICT (" LINE_KEYS ") DO UPDATE SET amount = amount + excluded.amount, lines = lines + excluded.lines,\n"
    "      checksum = ys_values_sum('line_sum', " LINE_KEYS ", amount + excluded.amount, lines + excluded.lines);\n",
    institution, sign, sign, institution, sign, sign);
}

/* The triggers: each one's CREATE TRIGGER statement without its semicolon,
 * as SQLite keeps its text; all of them made, and all of them dropped. */
typedef struct {
  GPtrArray *texts;
  char      *create;
  char      *drop;
} Triggers;

static GString *
trigger_new (Triggers *t, const char *name, const char *head)
{
  g_autofree char *drop = t->drop;
  GString *sql = g_string_new (NULL);

  t->drop = g_strdup_printf ("%sDROP TRIGGER IF EXISTS %s;\n", drop ? drop : "", name);
  g_string_append_printf (sql, "CREATE TRIGGER %s %s", name, head);
  return sql;
}

static void
trigger_end (Triggers *t, GString *sql)
{
  g_string_append (sql, "END");
  g_ptr_array_add (t->texts, g_string_free (sql, FALSE));
}

static Triggers *
triggers_new (void)
{
  Triggers *t = g_new0 (Triggers, 1);
  GString *create = g_string_new (NULL);
  GString *sql;

  t->texts = g_ptr_array_new ();
  sql = trigger_new (t, "line_sum_insert", "AFTER INSERT ON line_item WHEN new.transfer = '' BEGIN\n");
  append_change (sql, "new", "", "1", INSTITUTION ("new"));
  trigger_end (t, sql);

  sql = trigger_new (t, "line_sum_delete", "AFTER DELETE ON line_item WHEN old.transfer = '' BEGIN\n");
  append_change (sql, "old", "-", "1", INSTITUTION ("old"));
  trigger_end (t, sql);

  /* A unit renamed cascades to its lines after its own row has the new
   * code: the old code then names no unit, and the line's unit is the
   * renamed one. */
  sql = trigger_new (t, "line_sum_update", "AFTER UPDATE OF unit_code, project_code, func_code, econ_code,\n"
                     "  gov_econ_code, kind, source, sub_source, carry_over, amount, transfer ON line_item BEGIN\n");
  append_change (sql, "old", "-", "old.transfer = ''", INSTITUTION ("old") ", " INSTITUTION ("new"));
  append_change (sql, "new", "", "new.transfer = ''", INSTITUTION ("new"));
  trigger_end (t, sql);

  sql = trigger_new (t, "line_sum_unit_type", "AFTER UPDATE OF unit_type ON unit\n"
                     "  WHEN (old.unit_type = '事业单位') IS NOT (new.unit_type = '事业单位') BEGIN\n");
  append_unit_move (sql, "", "(new.unit_type = '事业单位')");
  append_unit_move (sql, "-", "(old.unit_type = '事业单位')");
  g_string_append (sql, "  DELETE FROM line_sum WHERE lines = 0;\n");
  trigger_end (t, sql);

  for (guint i = 0; i < t->texts->len; i++)
    g_string_append_printf (create, "%s;\n", (const char *) g_ptr_array_index (t->texts, i));
  t->create = g_string_free (create, FALSE);
  return t;
}

static const Triggers *
triggers (void)
{
  static Triggers *t;

  if (g_once_init_enter (&t))
    g_once_init_leave (&t, triggers_new ());
  return t;
}

const char *
ys_store_sums_schema_sql (void)
{
  static char *sql;

  if (g_once_init_enter (&sql))
    g_once_init_leave (&sql, g_strconcat (tables, triggers ()->create, NULL));
  return sql;
}

/* The triggers are the program's: a file whose triggers differ from this
 * version's (written by an earlier build of format 9) gets this version's,
 * which keep the same sums. */
gboolean
ys_store_sums_update_triggers (YsStore *self, GError **error)
{
  const GPtrArray *list = triggers ()->texts;
  g_autoptr(GString) sql = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  guint same = 0, found = 0;
  int rc;

  if (self->version < YS_STORE_LINE_SUMS_SINCE || self->read_only)
    return TRUE;
  rc = sqlite3_prepare_v2 (self->db, "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                           "AND name GLOB 'line_sum_*'", -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *text = (const char *) sqlite3_column_text (stmt, 1);
      char *drop = sqlite3_mprintf ("DROP TRIGGER \"%w\";\n", (const char *) sqlite3_column_text (stmt, 0));

      found++;
      for (guint i = 0; i < list->len; i++)
        if (g_strcmp0 (text, g_ptr_array_index (list, i)) == 0)
          same++;
      g_string_append (sql, drop);
      sqlite3_free (drop);
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      ys_store_set_error (error, self->db, self->path, rc, _("read"));
      return FALSE;
    }
  if (found == list->len && same == list->len)
    return TRUE;
  g_string_append (sql, triggers ()->create);
  if (!ys_store_ensure_writable (self, error) || !ys_store_exec (self, "BEGIN", error))
    return FALSE;
  if (!ys_store_exec (self, sql->str, error))
    {
      ys_store_rollback (self);
      return FALSE;
    }
  return ys_store_exec (self, "COMMIT", error);
}

/* What both tables hold, worked out from the lines, in the order of their
 * columns. */
static const char line_sums_select[] =
  "SELECT l.func_code, l.econ_code, l.gov_econ_code, l.kind, l.source, l.sub_source, l.carry_over,\n"
  "  coalesce(u.unit_type = '事业单位', 0), sum(l.amount), count(*),\n"
  "  ys_values_sum('line_sum', l.func_code, l.econ_code, l.gov_econ_code, l.kind, l.source, l.sub_source,\n"
  "    l.carry_over, coalesce(u.unit_type = '事业单位', 0), sum(l.amount), count(*))\n"
  "  FROM line_item AS l LEFT JOIN unit AS u ON u.code = l.unit_code WHERE l.transfer = ''\n"
  "  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8";

static const char owner_sums_select[] =
  "SELECT 0, unit_code, kind, source, sub_source, carry_over, sum(amount), count(*),\n"
  "  ys_values_sum('owner_sum', 0, unit_code, kind, source, sub_source, carry_over, sum(amount), count(*))\n"
  "  FROM line_item WHERE transfer = '' GROUP BY unit_code, kind, source, sub_source, carry_over\n"
  "UNION ALL\n"
  "SELECT 1, project_code, kind, source, sub_source, carry_over, sum(amount), count(*),\n"
  "  ys_values_sum('owner_sum', 1, project_code, kind, source, sub_source, carry_over, sum(amount), count(*))\n"
  "  FROM line_item WHERE transfer = '' AND coalesce(project_code, '') <> ''\n"
  "  GROUP BY project_code, kind, source, sub_source, carry_over";

gboolean
ys_store_sums_fill (YsStore *self, GError **error)
{
  g_autofree char *sql = g_strdup_printf ("DELETE FROM line_sum;\nDELETE FROM owner_sum;\n"
                                          "INSERT INTO line_sum %s;\nINSERT INTO owner_sum %s;\n",
                                          line_sums_select, owner_sums_select);

  return ys_store_exec (self, sql, error);
}

/* Rows of @table not among @select's, and @select's not among the table's. */
static gboolean
compare (YsStore *self, const char *table, const char *select, GError **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM (SELECT * FROM (SELECT * FROM %s EXCEPT SELECT * FROM (%s))\n"
                                          "UNION ALL SELECT * FROM (SELECT * FROM (%s) EXCEPT SELECT * FROM %s))",
                                          table, select, select, table);
  int differing = 0;

  if (!ys_store_query_int (self, sql, &differing, error))
    return FALSE;
  if (differing != 0)
    {
      g_autofree char *detail = g_strdup_printf (_("%d stored sums of the line items (table %s) differ from the lines"),
                                                 differing, table);
      ys_store_set_damaged (error, self->path, detail);
      return FALSE;
    }
  return TRUE;
}

gboolean
ys_store_sums_verify (YsStore *self, GError **error)
{
  if (self->version < YS_STORE_LINE_SUMS_SINCE)
    return TRUE;
  return compare (self, "line_sum", line_sums_select, error)
      && compare (self, "owner_sum", owner_sums_select, error);
}

void
ys_store_sums_note_writes (YsStore *self, const YsKind *kind, guint n)
{
  int lines = 0;

  if (kind != &ys_line_kind || !self->in_transaction || self->sums_deferred
      || self->version < YS_STORE_LINE_SUMS_SINCE || self->bulk_triggers != NULL || self->bulk_sums != NULL)
    return;
  self->line_writes += n;
  if (self->line_writes < YS_STORE_SUMS_DEFER_MIN)
    return;
  /* Three upserts and up to three deletes per line written, against one
   * GROUP BY of every line at the commit: past a fifth of the lines the
   * GROUP BY costs less (a merge replacing 300 units of 100,000 lines:
   * 5.8 s of CPU with the triggers, 3.0 s without). */
  if (self->sums_defer_at == 0)
    {
      if (!ys_store_query_int (self, "SELECT count(*) FROM line_item", &lines, NULL))
        return;
      self->sums_defer_at = MAX (YS_STORE_SUMS_DEFER_MIN, (guint) lines / 5);
    }
  if (self->line_writes < self->sums_defer_at)
    return;
  /* Failing, the triggers stay and keep the sums as before. */
  self->sums_deferred = ys_store_exec (self, triggers ()->drop, NULL);
}

gboolean
ys_store_sums_finish (YsStore *self, GError **error)
{
  if (!self->sums_deferred)
    return TRUE;
  return ys_store_sums_fill (self, error) && ys_store_exec (self, triggers ()->create, error);
}

void
ys_store_sums_reset (YsStore *self)
{
  self->line_writes = 0;
  self->sums_defer_at = 0;
  self->sums_deferred = FALSE;
}
