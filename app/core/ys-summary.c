#include "config.h"

#include <string.h>

#include "ys-summary.h"

static guint
source_index (const char *source)
{
  for (guint i = 0; ys_fund_sources[i]; i++)
    if (strcmp (ys_fund_sources[i], source) == 0)
      return i;
  return 15;
}

static void
add_amount (YsAmounts *a, const char *kind, YsMoney amount)
{
  a->total += amount;
  /* A prior-year figure may be given without its kind: it counts in the total only. */
  if (kind[0] == '\0')
    return;
  if (strcmp (kind, "项目支出") == 0)
    a->project += amount;
  else
    {
      a->basic += amount;
      /* A prior-year 基本支出 known only as a whole is neither of its parts. */
      if (strcmp (kind, "人员经费") == 0)
        a->personnel += amount;
      else if (strcmp (kind, "基本支出") != 0)
        a->public_ += amount;
    }
}

static void
add_rollup (GHashTable *table, const char *code, guint len, const char *kind, YsMoney amount)
{
  char key[16];
  YsAmounts *a;

  if (strlen (code) < len || len >= sizeof key)
    return;
  memcpy (key, code, len);
  key[len] = '\0';
  a = g_hash_table_lookup (table, key);
  if (a == NULL)
    {
      a = g_new0 (YsAmounts, 1);
      g_hash_table_insert (table, g_strdup (key), a);
    }
  add_amount (a, kind, amount);
}

gboolean
ys_filter_matches_line (const YsFilter *filter, YsRecord *line)
{
  const char *source;

  if (filter == NULL)
    return TRUE;
  source = ys_record_get_text (line, YS_LINE_SOURCE);
  if (filter->unit_code && strcmp (filter->unit_code, ys_record_get_text (line, YS_LINE_UNIT_CODE)) != 0)
    return FALSE;
  if (filter->source && strcmp (filter->source, source) != 0)
    return FALSE;
  if (filter->fiscal_only && !ys_fund_source_is_fiscal (source))
    return FALSE;
  if (filter->carry_over >= 0 && filter->carry_over != ys_record_get_int (line, YS_LINE_CARRY_OVER))
    return FALSE;
  return TRUE;
}

YsSummary *
ys_summary_compute (YsDocument *doc, const YsFilter *filter)
{
  static const YsFilter all = { NULL, NULL, FALSE, -1 };
  YsSummary *s = g_new0 (YsSummary, 1);
  guint n;

  if (filter == NULL)
    filter = &all;

  s->by_function = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  s->by_economic = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  n = ys_document_count (doc, &ys_line_kind);
  for (guint i = 0; i < n; i++)
    {
      YsRecord *line = ys_document_get (doc, &ys_line_kind, i);
      const char *kind = ys_record_get_text (line, YS_LINE_KIND);
      const char *func = ys_record_get_text (line, YS_LINE_FUNC_CODE);
      const char *econ = ys_record_get_text (line, YS_LINE_ECON_CODE);
      YsMoney amount = ys_record_get_int (line, YS_LINE_AMOUNT);

      if (!ys_filter_matches_line (filter, line))
        continue;
      s->n_lines++;
      add_amount (&s->expense, kind, amount);
      add_amount (&s->expense_by_source[source_index (ys_record_get_text (line, YS_LINE_SOURCE))],
                  kind, amount);
      add_rollup (s->by_function, func, 3, kind, amount);
      add_rollup (s->by_function, func, 5, kind, amount);
      add_rollup (s->by_function, func, 7, kind, amount);
      add_rollup (s->by_economic, econ, 3, kind, amount);
      add_rollup (s->by_economic, econ, 5, kind, amount);
    }

  n = ys_document_count (doc, &ys_income_kind);
  for (guint i = 0; i < n; i++)
    {
      YsRecord *income = ys_document_get (doc, &ys_income_kind, i);
      const char *source = ys_record_get_text (income, YS_INCOME_SOURCE);
      YsMoney amount = ys_record_get_int (income, YS_INCOME_AMOUNT);

      if (filter->unit_code && strcmp (filter->unit_code, ys_record_get_text (income, YS_INCOME_UNIT_CODE)) != 0)
        continue;
      if ((filter->source && strcmp (filter->source, source) != 0)
          || (filter->fiscal_only && !ys_fund_source_is_fiscal (source))
          || (filter->carry_over >= 0 && filter->carry_over != ys_record_get_int (income, YS_INCOME_CARRY_OVER)))
        continue;
      s->income_total += amount;
      s->income_by_source[source_index (source)] += amount;
    }

  if (filter->unit_code)
    {
      n = ys_document_count (doc, &ys_project_kind);
      s->n_units = ys_document_lookup_key (doc, &ys_unit_kind, filter->unit_code) ? 1 : 0;
      for (guint i = 0; i < n; i++)
        s->n_projects += strcmp (ys_record_get_text (ys_document_get (doc, &ys_project_kind, i),
                                                     YS_PROJECT_UNIT_CODE), filter->unit_code) == 0;
      n = ys_document_count (doc, &ys_indicator_kind);
      for (guint i = 0; i < n; i++)
        {
          YsRecord *p = ys_document_lookup_key (doc, &ys_project_kind,
                                                ys_record_get_text (ys_document_get (doc, &ys_indicator_kind, i),
                                                                    YS_INDICATOR_PROJECT_CODE));
          s->n_indicators += p && strcmp (ys_record_get_text (p, YS_PROJECT_UNIT_CODE), filter->unit_code) == 0;
        }
    }
  else
    {
      s->n_units = ys_document_count (doc, &ys_unit_kind);
      s->n_projects = ys_document_count (doc, &ys_project_kind);
      s->n_indicators = ys_document_count (doc, &ys_indicator_kind);
    }
  return s;
}

YsSummary *
ys_summary_compute_prior (YsDocument *doc, const char *unit_code)
{
  YsSummary *s = g_new0 (YsSummary, 1);
  guint n = ys_document_count (doc, &ys_prior_year_kind);

  s->by_function = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  s->by_economic = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < n; i++)
    {
      YsRecord *r = ys_document_get (doc, &ys_prior_year_kind, i);
      const char *kind = ys_record_get_text (r, YS_PRIOR_YEAR_KIND);
      const char *func = ys_record_get_text (r, YS_PRIOR_YEAR_FUNC_CODE);
      const char *econ = ys_record_get_text (r, YS_PRIOR_YEAR_ECON_CODE);
      guint source = source_index (ys_record_get_text (r, YS_PRIOR_YEAR_SOURCE));
      YsMoney amount = ys_record_get_int (r, YS_PRIOR_YEAR_AMOUNT);

      if (unit_code && strcmp (unit_code, ys_record_get_text (r, YS_PRIOR_YEAR_UNIT_CODE)) != 0)
        continue;
      s->n_lines++;
      if (strcmp (kind, "收入") == 0)
        {
          s->income_total += amount;
          s->income_by_source[source] += amount;
          continue;
        }
      add_amount (&s->expense, kind, amount);
      add_amount (&s->expense_by_source[source], kind, amount);
      for (guint len = 3; len <= 7; len += 2)
        add_rollup (s->by_function, func, len, kind, amount);
      add_rollup (s->by_economic, econ, 3, kind, amount);
      add_rollup (s->by_economic, econ, 5, kind, amount);
    }
  return s;
}

void
ys_summary_free (YsSummary *s)
{
  if (s == NULL)
    return;
  g_hash_table_unref (s->by_function);
  g_hash_table_unref (s->by_economic);
  g_free (s);
}

static int
compare_codes (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

GPtrArray *
ys_summary_codes (GHashTable *table)
{
  GPtrArray *codes = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (codes, key);
  g_ptr_array_sort (codes, compare_codes);
  return codes;
}

const YsAmounts *
ys_summary_lookup (GHashTable *table, const char *code)
{
  static const YsAmounts zero;
  const YsAmounts *a = g_hash_table_lookup (table, code);
  return a ? a : &zero;
}

static void
json_amounts (GString *out, const YsAmounts *a)
{
  g_string_append_printf (out,
                          "{\"total\": %" G_GINT64_FORMAT ", \"basic\": %" G_GINT64_FORMAT
                          ", \"project\": %" G_GINT64_FORMAT ", \"personnel\": %" G_GINT64_FORMAT
                          ", \"public\": %" G_GINT64_FORMAT "}",
                          a->total, a->basic, a->project, a->personnel, a->public_);
}

static void
json_string (GString *out, const char *s)
{
  g_string_append_c (out, '"');
  for (const char *p = s; *p; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_printf (out, "\\%c", *p);
      else if ((guchar) *p < 0x20)
        g_string_append_printf (out, "\\u%04x", (guchar) *p);
      else
        g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

char *
ys_summary_to_json (YsSummary *s, YsDocument *doc)
{
  GString *out = g_string_new ("{\n");
  g_autoptr(GPtrArray) codes = ys_summary_codes (s->by_function);
  YsCatalog *catalog = ys_document_get_catalog (doc, YS_CATALOG_FUNCTION);
  gboolean first = TRUE;

  g_string_append (out, "  \"unit\": \"分\",\n  \"department\": ");
  json_string (out, ys_document_get_meta (doc, "dept_name"));
  g_string_append_printf (out, ",\n  \"year\": %d,\n", ys_document_get_year (doc));
  g_string_append_printf (out, "  \"income_total\": %" G_GINT64_FORMAT ",\n", s->income_total);
  g_string_append_printf (out, "  \"expenditure_total\": %" G_GINT64_FORMAT ",\n", s->expense.total);
  g_string_append_printf (out, "  \"basic\": %" G_GINT64_FORMAT ",\n", s->expense.basic);
  g_string_append_printf (out, "  \"project\": %" G_GINT64_FORMAT ",\n", s->expense.project);
  g_string_append_printf (out, "  \"personnel\": %" G_GINT64_FORMAT ",\n", s->expense.personnel);
  g_string_append_printf (out, "  \"public\": %" G_GINT64_FORMAT ",\n", s->expense.public_);

  g_string_append (out, "  \"by_source\": {");
  for (guint i = 0; ys_fund_sources[i]; i++)
    {
      if (s->income_by_source[i] == 0 && s->expense_by_source[i].total == 0)
        continue;
      g_string_append (out, first ? "\n    " : ",\n    ");
      first = FALSE;
      json_string (out, ys_fund_sources[i]);
      g_string_append_printf (out, ": {\"income\": %" G_GINT64_FORMAT ", \"expenditure\": %" G_GINT64_FORMAT "}",
                              s->income_by_source[i], s->expense_by_source[i].total);
    }
  g_string_append (out, first ? "},\n" : "\n  },\n");

  g_string_append (out, "  \"by_function_class\": [");
  first = TRUE;
  for (guint i = 0; i < codes->len; i++)
    {
      const char *code = g_ptr_array_index (codes, i);
      const YsCatalogEntry *e;

      if (strlen (code) != 3)
        continue;
      e = ys_catalog_lookup (catalog, code);
      g_string_append (out, first ? "\n    {\"code\": " : ",\n    {\"code\": ");
      first = FALSE;
      json_string (out, code);
      g_string_append (out, ", \"name\": ");
      json_string (out, e ? e->name : "");
      g_string_append (out, ", \"amounts\": ");
      json_amounts (out, ys_summary_lookup (s->by_function, code));
      g_string_append (out, "}");
    }
  g_string_append (out, first ? "],\n" : "\n  ],\n");

  g_string_append_printf (out, "  \"counts\": {\"units\": %u, \"lines\": %u, \"projects\": %u, \"indicators\": %u}\n}\n",
                          s->n_units, s->n_lines, s->n_projects, s->n_indicators);
  return g_string_free (out, FALSE);
}
