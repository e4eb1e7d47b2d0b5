/* ys_store_scan_sums: the stored sums of the line items and the internal
 * transfers, read and verified as ys_store_scan reads the lines, so that an
 * export that reads them instead of a million lines detects the same damage
 * in what it reads. */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ys-store-sum-scan.h"
#include "ys-store-sums.h"

/* A column of a sums table: a field of the line kind, or one of these. */
enum { COL_INSTITUTION = -1, COL_LINES = -2, COL_PROJECT = -3, COL_OWNER = -4 };

typedef struct {
  const char *name;
  int         field;
  gboolean    text;
} SumColumn;

/* Both tables' columns in their order, the checksum's order. */
static const SumColumn line_sum_columns[] = {
  { "func_code", YS_LINE_FUNC_CODE, TRUE }, { "econ_code", YS_LINE_ECON_CODE, TRUE },
  { "gov_econ_code", YS_LINE_GOV_ECON_CODE, TRUE }, { "kind", YS_LINE_KIND, TRUE },
  { "source", YS_LINE_SOURCE, TRUE }, { "sub_source", YS_LINE_SUB_SOURCE, TRUE },
  { "carry_over", YS_LINE_CARRY_OVER, FALSE }, { "institution", COL_INSTITUTION, FALSE },
  { "amount", YS_LINE_AMOUNT, FALSE }, { "lines", COL_LINES, FALSE },
};

static const SumColumn owner_sum_columns[] = {
  { "project", COL_PROJECT, FALSE }, { "owner", COL_OWNER, TRUE },
  { "kind", YS_LINE_KIND, TRUE }, { "source", YS_LINE_SOURCE, TRUE },
  { "sub_source", YS_LINE_SUB_SOURCE, TRUE }, { "carry_over", YS_LINE_CARRY_OVER, FALSE },
  { "amount", YS_LINE_AMOUNT, FALSE }, { "lines", COL_LINES, FALSE },
};

gboolean
ys_store_has_line_sums (YsStore *self)
{
  return self->version >= YS_STORE_LINE_SUMS_SINCE;
}

/* Only for the message about a damaged row: its columns as stored. */
static char *
describe_sum (const char *table, sqlite3_stmt *stmt, guint n)
{
  g_autoptr(GString) row = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      const char *text = (const char *) sqlite3_column_text (stmt, i);

      g_string_append_printf (row, "%s%s", i ? " / " : "", text ? text : "");
    }
  return g_strdup_printf (_("the sum of line items “%s” (table %s)"), row->str, table);
}

static gboolean
scan_table (YsStore *self, YsTextIds *texts, const char *table, const SumColumn *columns, guint n,
            YsStoredSumFunc func, gpointer user_data, GError **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT ");
  YsValue values[YS_LINE_N_FIELDS];
  guint ids[YS_LINE_N_FIELDS];
  YsRowSum start;
  sqlite3_stmt *stmt = NULL;
  int rc;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (sql, "%s, ", columns[i].name);
  g_string_append_printf (sql, "checksum FROM %s", table);
  ys_row_sum_start (&start, table);
  rc = sqlite3_prepare_v2 (self->db, sql->str, -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      YsStoredSum one = { .of = YS_STORED_SUM_DEPARTMENT, .values = values, .ids = ids };
      YsRowSum sum = start;

      memset (values, 0, sizeof values);
      memset (ids, 0, sizeof ids);
      for (guint i = 0; i < n; i++)
        {
          const SumColumn *c = &columns[i];

          if (c->text)
            {
              /* The owner column holds a unit's or a project's code, as
               * the project column before it says. */
              int field = c->field != COL_OWNER ? c->field
                        : one.of == YS_STORED_SUM_PROJECT ? YS_LINE_PROJECT_CODE : YS_LINE_UNIT_CODE;

              values[field].s = (char *) ys_text_ids_sum (texts, field, (const char *) sqlite3_column_text (stmt, i),
                                                          &sum, &ids[field]);
            }
          else
            {
              gint64 v = sqlite3_column_int64 (stmt, i);

              ys_row_sum_int (&sum, v);
              if (c->field >= 0)
                values[c->field].i = v;
              else if (c->field == COL_INSTITUTION)
                one.institution = v != 0;
              else if (c->field == COL_LINES)
                one.lines = v;
              else if (c->field == COL_PROJECT)
                one.of = v ? YS_STORED_SUM_PROJECT : YS_STORED_SUM_UNIT;
            }
        }
      if ((guint64) sqlite3_column_int64 (stmt, n) != sum.h)
        {
          g_autofree char *what = describe_sum (table, stmt, n);

          ys_store_check_sum (self, &sum, stmt, n, what, error);
          sqlite3_finalize (stmt);
          return FALSE;
        }
      if (!func (&one, user_data, error))
        {
          sqlite3_finalize (stmt);
          return FALSE;
        }
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      ys_store_set_error (error, self->db, self->path, rc, _("read"));
      return FALSE;
    }
  return TRUE;
}

gboolean
ys_store_scan_sums (YsStore *self, YsStoredSumFunc sums, YsRowFunc transfers, gpointer user_data, GError **error)
{
  g_autoptr(YsTextIds) texts = ys_text_ids_new (&ys_line_kind);

  g_return_val_if_fail (ys_store_has_line_sums (self), FALSE);

  return scan_table (self, texts, "line_sum", line_sum_columns, G_N_ELEMENTS (line_sum_columns),
                     sums, user_data, error)
      && scan_table (self, texts, "owner_sum", owner_sum_columns, G_N_ELEMENTS (owner_sum_columns),
                     sums, user_data, error)
      /* The partial index holds only the transfers: a few rows, not a
       * scan of the table. */
      && ys_store_scan_rows (self, &ys_line_kind, texts, "INDEXED BY line_item_transfer WHERE transfer <> ''",
                             transfers, user_data, error);
}

static gboolean
ignore_sum (const YsStoredSum *sum, gpointer user_data, GError **error)
{
  return TRUE;
}

gboolean
ys_store_check_line_sums (YsStore *self, GError **error)
{
  g_autoptr(YsTextIds) texts = NULL;

  if (!ys_store_has_line_sums (self))
    return TRUE;
  texts = ys_text_ids_new (&ys_line_kind);
  return scan_table (self, texts, "line_sum", line_sum_columns, G_N_ELEMENTS (line_sum_columns),
                     ignore_sum, NULL, error)
      && scan_table (self, texts, "owner_sum", owner_sum_columns, G_N_ELEMENTS (owner_sum_columns),
                     ignore_sum, NULL, error);
}
