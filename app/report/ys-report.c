/* Runs the builders of a layout over a document, and what they share: the
 * records of the department or unit, titles and captions, header rows, and
 * the arithmetic of measures and filters. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ys-report-private.h"

G_DEFINE_QUARK (ys-report-error-quark, ys_report_error)

static const char *const measure_names[] = {
  "none", "total", "basic", "project", "personnel", "public", "income"
};

/* ---- records ---- */

static GPtrArray *
collect (YsDocument *doc, const YsKind *kind, int unit_field, const char *unit_code)
{
  GPtrArray *out = g_ptr_array_new ();
  guint n = ys_document_count (doc, kind);

  for (guint i = 0; i < n; i++)
    {
      YsRecord *r = ys_document_get (doc, kind, i);
      if (unit_code && unit_field >= 0 && g_strcmp0 (ys_record_get_text (r, unit_field), unit_code) != 0)
        continue;
      g_ptr_array_add (out, r);
    }
  return out;
}

static void
context_clear (YsReportContext *ctx)
{
  g_free (ctx->subject_name);
  g_free (ctx->subject_code);
  ys_report_sums_clear (ctx);
  g_clear_pointer (&ctx->income, g_ptr_array_unref);
  g_clear_pointer (&ctx->projects, g_ptr_array_unref);
  g_clear_pointer (&ctx->indicators, g_ptr_array_unref);
  g_clear_pointer (&ctx->procurement, g_ptr_array_unref);
  g_clear_pointer (&ctx->services, g_ptr_array_unref);
  g_clear_pointer (&ctx->assets, g_ptr_array_unref);
  g_clear_pointer (&ctx->units, g_ptr_array_unref);
  g_clear_pointer (&ctx->offsets.income, g_ptr_array_unref);
  g_clear_pointer (&ctx->offsets.lines, g_ptr_array_unref);
  g_clear_pointer (&ctx->indicators_by_project, g_hash_table_unref);
}

static GHashTable *
index_by (GPtrArray *records, int field)
{
  GHashTable *index = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; i < records->len; i++)
    {
      YsRecord *r = g_ptr_array_index (records, i);
      const char *code = ys_record_get_text (r, field);
      GPtrArray *list;

      if (code == NULL || *code == '\0')
        continue;
      list = g_hash_table_lookup (index, code);
      if (list == NULL)
        {
          list = g_ptr_array_new ();
          /* The key is the record's own text, which lives as long as the record. */
          g_hash_table_insert (index, (gpointer) code, list);
        }
      g_ptr_array_add (list, r);
    }
  return index;
}

static GPtrArray *
lookup_list (GHashTable *index, const char *code)
{
  static GPtrArray *none;
  GPtrArray *list = code ? g_hash_table_lookup (index, code) : NULL;

  if (list)
    return list;
  if (g_once_init_enter (&none))
    g_once_init_leave (&none, g_ptr_array_new ());
  return none;
}

GPtrArray *
ys_report_indicators_of_project (YsReportContext *ctx, const char *project_code)
{
  return lookup_list (ctx->indicators_by_project, project_code);
}

static gboolean
context_init (YsReportContext *ctx, YsDocument *doc, YsLayout *layout, const char *unit_code, GError **error)
{
  memset (ctx, 0, sizeof *ctx);
  ctx->doc = doc;
  ctx->layout = layout;
  ctx->year = ys_document_get_year (doc);
  if (unit_code)
    {
      ctx->unit = ys_document_lookup_key (doc, &ys_unit_kind, unit_code);
      if (ctx->unit == NULL)
        {
          g_set_error (error, YS_REPORT_ERROR, YS_REPORT_ERROR_NO_UNIT,
                       _("There is no unit with the code “%s”"), unit_code);
          return FALSE;
        }
      ctx->subject_name = g_strdup (ys_record_get_text (ctx->unit, YS_UNIT_NAME));
      ctx->subject_code = g_strdup (unit_code);
    }
  else
    {
      ctx->subject_name = g_strdup (ys_document_get_meta (doc, "dept_name"));
      ctx->subject_code = g_strdup (ys_document_get_meta (doc, "dept_code"));
    }

  ctx->income = collect (doc, &ys_income_kind, YS_INCOME_UNIT_CODE, unit_code);
  ctx->projects = collect (doc, &ys_project_kind, YS_PROJECT_UNIT_CODE, unit_code);
  ctx->procurement = collect (doc, &ys_procurement_kind, YS_PROCUREMENT_UNIT_CODE, unit_code);
  ctx->services = collect (doc, &ys_service_kind, YS_SERVICE_UNIT_CODE, unit_code);
  ctx->assets = collect (doc, &ys_asset_kind, YS_ASSET_UNIT_CODE, unit_code);
  ctx->units = collect (doc, &ys_unit_kind, YS_UNIT_CODE, unit_code);
  /* Indicators belong to a project, so they follow the projects kept. */
  ctx->indicators = g_ptr_array_new ();
  {
    guint n = ys_document_count (doc, &ys_indicator_kind);
    for (guint i = 0; i < n; i++)
      {
        YsRecord *ind = ys_document_get (doc, &ys_indicator_kind, i);
        YsRecord *p = ys_report_project (ctx, ys_record_get_text (ind, YS_INDICATOR_PROJECT_CODE));
        if (p && (unit_code == NULL || g_strcmp0 (ys_record_get_text (p, YS_PROJECT_UNIT_CODE), unit_code) == 0))
          g_ptr_array_add (ctx->indicators, ind);
      }
  }
  if (!ys_report_sums_scan (ctx, error))
    return FALSE;
  ys_report_offset (ctx);
  ys_report_sums_finish (ctx);
  ctx->indicators_by_project = index_by (ctx->indicators, YS_INDICATOR_PROJECT_CODE);
  ctx->functions = ys_document_get_catalog (doc, YS_CATALOG_FUNCTION);
  ctx->econ_dept = ys_document_get_catalog (doc, YS_CATALOG_ECONOMIC_DEPT);
  ctx->econ_gov = ys_document_get_catalog (doc, YS_CATALOG_ECONOMIC_GOV);
  return TRUE;
}

YsRecord *
ys_report_unit (YsReportContext *ctx, const char *code)
{
  return code && *code ? ys_document_lookup_key (ctx->doc, &ys_unit_kind, code) : NULL;
}

YsRecord *
ys_report_project (YsReportContext *ctx, const char *code)
{
  return code && *code ? ys_document_lookup_key (ctx->doc, &ys_project_kind, code) : NULL;
}

gboolean
ys_report_unit_is_institution (YsReportContext *ctx, const char *unit_code)
{
  YsRecord *unit = ys_report_unit (ctx, unit_code);

  return unit && g_strcmp0 (ys_record_get_text (unit, YS_UNIT_UNIT_TYPE), "事业单位") == 0;
}

const char *
ys_report_code_name (YsCatalog *catalog, const char *code)
{
  const YsCatalogEntry *e = catalog ? ys_catalog_lookup (catalog, code) : NULL;

  return e ? e->name : "";
}

char *
ys_report_chinese_number (guint n)
{
  static const char *const digits[] = { "", "一", "二", "三", "四", "五", "六", "七", "八", "九" };

  if (n == 0 || n > 99)
    return g_strdup_printf ("%u", n);
  if (n < 10)
    return g_strdup (digits[n]);
  return g_strdup_printf ("%s十%s", n >= 20 ? digits[n / 10] : "", digits[n % 10]);
}

/* ---- measures ---- */

gboolean
ys_report_is_money (const YsLayoutColumn *c)
{
  return g_str_equal (c->show, "money") || g_str_equal (c->show, "left_amount");
}

const char *
ys_report_sum_gov_econ (YsReportContext *ctx, const YsReportLineSum *sum)
{
  const char *mapped;

  if (*sum->gov_econ)
    return sum->gov_econ;
  mapped = ys_catalog_map_economic (ys_document_get_catalog_year (ctx->doc), sum->econ, sum->institution);
  return mapped ? mapped : "";
}

void
ys_report_line_sum_classify (YsReportLineSum *sum)
{
  sum->source_bit = sum->source ? ys_layout_source_bit (sum->source) : -1;
  sum->kind_measure = g_strcmp0 (sum->kind, "项目支出") == 0 ? YS_MEASURE_PROJECT
                    : g_strcmp0 (sum->kind, "人员经费") == 0 ? YS_MEASURE_PERSONNEL
                    : g_strcmp0 (sum->kind, "公用经费") == 0 ? YS_MEASURE_PUBLIC
                    : YS_MEASURE_NONE;
}

YsMoney
ys_report_sum_value (const YsReportLineSum *sum, YsMeasure measure, const YsLayoutFilter *filter)
{
  YsMoney amount = sum->amount;
  gboolean project = sum->kind_measure == YS_MEASURE_PROJECT;

  if (!ys_layout_filter_matches_bit (filter, sum->source_bit, sum->sub_source, sum->carry_over))
    return 0;
  switch (measure)
    {
    case YS_MEASURE_TOTAL:
      return amount;
    case YS_MEASURE_BASIC:
      return project ? 0 : amount;
    case YS_MEASURE_PROJECT:
      return project ? amount : 0;
    case YS_MEASURE_PERSONNEL:
    case YS_MEASURE_PUBLIC:
      return sum->kind_measure == measure ? amount : 0;
    case YS_MEASURE_NONE:
    case YS_MEASURE_INCOME:
    default:
      return 0;
    }
}

YsMoney
ys_report_income_value (YsRecord *income, const YsLayoutFilter *filter)
{
  if (!ys_layout_filter_matches (filter, ys_record_get_text (income, YS_INCOME_SOURCE),
                                 ys_record_get_text (income, YS_INCOME_SUB_SOURCE),
                                 ys_record_get_int (income, YS_INCOME_CARRY_OVER)))
    return 0;
  return ys_record_get_int (income, YS_INCOME_AMOUNT);
}

void
ys_report_put_money (YsTableBuild *b, YsReportRow *row, guint col, YsMoney fen)
{
  const YsLayoutColumn *c = b->lt->columns ? g_ptr_array_index (b->lt->columns, col) : NULL;

  ys_report_row_set_money (row, col, fen, c && c->show_zero ? YS_CELL_SHOW_ZERO : 0);
}

guint
ys_report_label_column (YsTableBuild *b)
{
  static const char *const labels[] = { "label", "name", "left_label", "project_name", "unit_name",
                                        "item_name", "code", NULL };

  for (guint k = 0; labels[k]; k++)
    for (guint i = 0; i < b->lt->columns->len; i++)
      if (g_str_equal (((YsLayoutColumn *) g_ptr_array_index (b->lt->columns, i))->show, labels[k]))
        return i;
  return 0;
}

/* ---- text ---- */

static const char *
money_unit_text (YsMoneyUnit unit)
{
  return unit == YS_MONEY_WAN ? "万元" : "元";
}

/* 项目来源 as the 安徽 annual form prints it: the levels of government (or
 * others) whose money funds the project this year, e.g. 本级财政预算. */
static char *
project_source (YsRecord *project)
{
  static const struct { int field; const char *words; } sources[] = {
    { YS_PROJECT_ANNUAL_CENTRAL, "中央财政资金" }, { YS_PROJECT_ANNUAL_PROVINCIAL, "省级财政资金" },
    { YS_PROJECT_ANNUAL_LOCAL, "本级财政预算" }, { YS_PROJECT_ANNUAL_SELF, "单位自筹" },
    { YS_PROJECT_ANNUAL_OTHER, "其他资金" },
  };
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    if (ys_record_get_int (project, sources[i].field) != 0)
      g_string_append_printf (out, "%s%s", out->len ? "、" : "", sources[i].words);
  return g_string_free (out, FALSE);
}

static char *
lookup_placeholder (YsReportContext *ctx, const char *key, YsRecord *project, YsMoneyUnit unit)
{
  const char *unit_code = project ? ys_record_get_text (project, YS_PROJECT_UNIT_CODE)
                         : ctx->unit_hint ? ctx->unit_hint
                         : ctx->unit ? ctx->subject_code : NULL;

  if (g_str_equal (key, "year"))
    return g_strdup_printf ("%d", ctx->year);
  if (g_str_equal (key, "prev_year"))
    return g_strdup_printf ("%d", ctx->year - 1);
  if (g_str_equal (key, "dept"))
    return g_strdup (ctx->subject_name);
  if (g_str_equal (key, "code"))
    return g_strdup (ctx->subject_code);
  if (g_str_equal (key, "dept_name"))
    return g_strdup (ys_document_get_meta (ctx->doc, "dept_name"));
  if (g_str_equal (key, "dept_code"))
    return g_strdup (ys_document_get_meta (ctx->doc, "dept_code"));
  if (g_str_equal (key, "unit"))
    return g_strdup (money_unit_text (unit));
  if (g_str_equal (key, "unit_code"))
    return g_strdup (unit_code ? unit_code : ctx->subject_code);
  if (g_str_equal (key, "unit_name"))
    {
      YsRecord *u = ys_report_unit (ctx, unit_code);
      return g_strdup (u ? ys_record_get_text (u, YS_UNIT_NAME) : ctx->subject_name);
    }
  if (g_str_equal (key, "n"))
    return g_strdup_printf ("%u", ctx->form_index);
  if (project && g_str_equal (key, "project"))
    return g_strdup (ys_record_get_text (project, YS_PROJECT_NAME));
  if (project && g_str_equal (key, "project_source"))
    return project_source (project);
  if (project && g_str_has_prefix (key, "project."))
    {
      int field = ys_kind_find_field (&ys_project_kind, key + strlen ("project."));
      if (field >= 0)
        return ys_record_format (project, field);
    }
  return NULL;
}

static char *
expand (YsReportContext *ctx, const char *template, YsRecord *project, YsMoneyUnit unit)
{
  GString *out;
  const char *p;

  if (template == NULL)
    return NULL;
  out = g_string_new (NULL);
  for (p = template; *p;)
    {
      const char *end = *p == '{' ? strchr (p, '}') : NULL;
      g_autofree char *inner = NULL;
      g_auto(GStrv) parts = NULL;
      g_autofree char *value = NULL;
      const char *mapped = NULL;

      if (end == NULL)
        {
          g_string_append_c (out, *p++);
          continue;
        }
      inner = g_strndup (p + 1, end - p - 1);
      parts = g_strsplit (inner, "|", -1);
      value = lookup_placeholder (ctx, parts[0], project, unit);
      if (value == NULL)
        {
          /* Unknown: left as written, so the layout's author sees it. */
          g_string_append_len (out, p, end - p + 1);
          p = end + 1;
          continue;
        }
      for (guint i = 1; parts[i] && mapped == NULL; i++)
        {
          const char *eq = strchr (parts[i], '=');
          if (eq && ((size_t) (eq - parts[i]) == strlen (value) && strncmp (parts[i], value, eq - parts[i]) == 0))
            mapped = eq + 1;
        }
      for (guint i = 1; parts[i] && mapped == NULL; i++)
        if (g_str_has_prefix (parts[i], "*="))
          mapped = parts[i] + 2;
      g_string_append (out, mapped ? mapped : value);
      p = end + 1;
    }
  return g_string_free (out, FALSE);
}

char *
ys_report_expand (YsReportContext *ctx, const char *template, YsRecord *project)
{
  return expand (ctx, template, project, YS_MONEY_WAN);
}

/* The title without year and department: what the table is called. */
static char *
table_name (YsReportContext *ctx, const char *title, YsRecord *project)
{
  static const char *const drop[] = { "{year}年", "{year} 年", "{year}", "{dept}", "{code}",
                                      "{dept_name}", "{dept_code}", "{unit_name}", "{unit_code}", NULL };
  g_autofree char *bare = g_strdup (title);
  g_autofree char *expanded = NULL;

  for (guint i = 0; drop[i]; i++)
    {
      g_auto(GStrv) parts = g_strsplit (bare, drop[i], -1);
      g_free (bare);
      bare = g_strjoinv ("", parts);
    }
  expanded = expand (ctx, bare, project, YS_MONEY_WAN);
  return g_strstrip (g_steal_pointer (&expanded));
}

static char *
column_key (const YsLayoutColumn *c)
{
  GString *key;
  g_autofree char *sources = NULL;

  if (!ys_report_is_money (c))
    return g_strdup (c->show);
  key = g_string_new (g_str_equal (c->show, "left_amount") && c->measure == YS_MEASURE_NONE
                      ? "income" : measure_names[c->measure]);
  if (c->filter.sources || c->filter.carry_over >= 0 || c->filter.sub_source)
    {
      GPtrArray *parts = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; ys_fund_sources[i]; i++)
        if (c->filter.sources & (1u << i))
          g_ptr_array_add (parts, g_strdup (ys_fund_sources[i]));
      if (c->filter.carry_over >= 0)
        g_ptr_array_add (parts, g_strdup (c->filter.carry_over ? "上年结转" : "本年"));
      if (c->filter.sub_source)
        g_ptr_array_add (parts, g_strdup (c->filter.sub_source));
      g_ptr_array_add (parts, NULL);
      sources = g_strjoinv ("+", (char **) parts->pdata);
      g_string_append_printf (key, "[%s]", sources);
      g_ptr_array_unref (parts);
    }
  return g_string_free (key, FALSE);
}

static void
build_header (YsTableBuild *b)
{
  const YsLayoutTable *lt = b->lt;
  YsReportTable *t = b->table;
  g_autofree guint *busy = g_new0 (guint, t->n_cols);

  for (guint r = 0; lt->header && r < lt->header->len; r++)
    {
      YsLayoutHeaderRow *hr = g_ptr_array_index (lt->header, r);
      YsReportRow *row = ys_report_table_add_header (t);
      guint col = 0;

      if (hr->numbers)
        {
          guint start = hr->numbers_label[0] ? 1 : 0;
          if (start)
            ys_report_row_set_text (row, 0, hr->numbers_label, YS_CELL_BOLD | YS_CELL_CENTER);
          for (guint c = start; c < t->n_cols; c++)
            {
              g_autofree char *n = g_strdup_printf ("%u", c - start + 1);
              ys_report_row_set_text (row, c, n, YS_CELL_CENTER);
            }
          continue;
        }
      for (guint i = 0; i < hr->cells->len; i++)
        {
          YsLayoutCell *cell = g_ptr_array_index (hr->cells, i);
          g_autofree char *text = NULL;

          while (col < t->n_cols && busy[col] > 0)
            col++;
          if (col >= t->n_cols)
            break;
          text = ys_report_expand (b->ctx, cell->text, NULL);
          ys_report_row_set_text (row, col, text, YS_CELL_BOLD | YS_CELL_CENTER);
          ys_report_table_merge (t, TRUE, r, col, r + cell->rows - 1, col + cell->span - 1);
          for (guint c = col; c < col + cell->span && c < t->n_cols; c++)
            busy[c] = cell->rows;
          col += cell->span;
        }
      for (guint c = 0; c < t->n_cols; c++)
        if (busy[c] > 0)
          busy[c]--;
    }
}

void
ys_report_begin (YsTableBuild *b, YsReportContext *ctx, const YsLayoutTable *lt)
{
  guint n_cols = lt->form ? lt->form_cols : lt->columns->len;
  YsReportTable *t = ys_report_table_new (n_cols);

  memset (b, 0, sizeof *b);
  b->ctx = ctx;
  b->lt = lt;
  b->table = t;

  t->id = g_strdup (lt->id);
  t->unit = lt->unit;
  g_free (t->money_format);
  t->money_format = g_strdup (lt->money_format);
  t->orientation = lt->orientation;
  t->form = lt->form != NULL;
  t->title = expand (ctx, lt->title, NULL, lt->unit);
  t->name = table_name (ctx, lt->title, NULL);
  t->sheet = expand (ctx, lt->sheet, NULL, lt->unit);
  t->subtitle = expand (ctx, lt->subtitle, NULL, lt->unit);
  for (guint i = 0; i < lt->captions->len; i++)
    {
      YsLayoutCaption *c = g_ptr_array_index (lt->captions, i);
      g_autofree char *left = expand (ctx, c->left, NULL, lt->unit);
      g_autofree char *center = expand (ctx, c->center, NULL, lt->unit);
      g_autofree char *right = expand (ctx, c->right, NULL, lt->unit);
      ys_report_table_add_caption (t, left, center, right);
    }

  if (lt->form)
    {
      for (guint c = 0; c < n_cols; c++)
        t->widths[c] = lt->form_widths[c];
      return;
    }
  b->filters = g_new0 (YsLayoutFilter, n_cols);
  for (guint c = 0; c < n_cols; c++)
    {
      YsLayoutColumn *col = g_ptr_array_index (lt->columns, c);
      t->widths[c] = col->width;
      t->numeric[c] = ys_report_is_money (col) || g_str_equal (col->show, "project_amount")
                      || g_str_equal (col->show, "unit_price") || g_str_equal (col->show, "sme_reserved")
                      || g_str_equal (col->show, "value") || g_str_equal (col->show, "planned_amount");
      t->col_keys[c] = column_key (col);
      ys_layout_filter_and (&b->filters[c], &lt->filter, &col->filter);
    }
  build_header (b);
}

void
ys_report_begin_project (YsTableBuild *b, YsRecord *project)
{
  YsReportTable *t = b->table;

  g_free (t->title);
  g_free (t->name);
  g_free (t->sheet);
  g_free (t->subtitle);
  t->title = expand (b->ctx, b->lt->title, project, b->lt->unit);
  t->name = table_name (b->ctx, b->lt->title, project);
  t->sheet = expand (b->ctx, b->lt->sheet, project, b->lt->unit);
  t->subtitle = expand (b->ctx, b->lt->subtitle, project, b->lt->unit);
}

static gboolean
row_has_content (YsReportRow *row, guint skip)
{
  for (guint c = 0; c < row->n_cells; c++)
    if (c != skip && row->cells[c].type != YS_REPORT_CELL_EMPTY
        && !(row->cells[c].type != YS_REPORT_CELL_TEXT && row->cells[c].value == 0
             && !(row->cells[c].flags & YS_CELL_SHOW_ZERO)))
      return TRUE;
  return FALSE;
}

/* The tables that sum line items or income over the department. */
static const char *const offset_builders[] = { "function", "economic", "balance", "econ_rows", "units", NULL };

void
ys_report_finish (YsTableBuild *b, GPtrArray *out)
{
  const YsLayoutTable *lt = b->lt;
  YsReportTable *t = b->table;

  t->empty = !ys_report_table_has_figures (t);
  if (t->empty && !lt->form)
    for (guint i = 0; i < lt->empty_rows; i++)
      ys_report_table_add_row (t, "");

  /* 序号: every row that prints something, counted from 1. */
  for (guint c = 0; lt->columns && c < lt->columns->len; c++)
    {
      YsLayoutColumn *col = g_ptr_array_index (lt->columns, c);
      guint n = 0;

      if (!g_str_equal (col->show, "seq"))
        continue;
      for (guint r = 0; r < t->rows->len; r++)
        {
          YsReportRow *row = g_ptr_array_index (t->rows, r);
          if (row_has_content (row, c))
            {
              g_autofree char *text = g_strdup_printf ("%u", ++n);
              ys_report_row_set_text (row, c, text, YS_CELL_CENTER);
            }
        }
    }

  if (t->empty && lt->empty_note)
    g_ptr_array_add (t->notes, expand (b->ctx, lt->empty_note, NULL, lt->unit));
  for (guint i = 0; lt->notes && lt->notes[i]; i++)
    g_ptr_array_add (t->notes, expand (b->ctx, lt->notes[i], NULL, lt->unit));
  if (g_strv_contains (offset_builders, lt->builder))
    {
      char *note = ys_report_offset_note (b->ctx, lt);
      if (note)
        g_ptr_array_add (t->notes, note);
    }

  g_ptr_array_add (out, g_steal_pointer (&b->table));
}

void
ys_report_build_clear (YsTableBuild *b)
{
  g_clear_pointer (&b->table, ys_report_table_free);
  g_clear_pointer (&b->filters, g_free);
}

/* ---- the whole set ---- */

static const struct {
  const char *name;
  void (*build) (YsReportContext *, const YsLayoutTable *, GPtrArray *);
} builders[] = {
  { "function", ys_report_build_function },
  { "economic", ys_report_build_economic },
  { "balance", ys_report_build_balance },
  { "econ_rows", ys_report_build_econ_rows },
  { "units", ys_report_build_units },
  { "projects", ys_report_build_projects },
  { "procurement", ys_report_build_procurement },
  { "services", ys_report_build_services },
  { "assets", ys_report_build_assets },
  { "performance", ys_report_build_performance },
};

GPtrArray *
ys_report_build (YsDocument *doc, YsLayout *layout, const char *unit_code, GError **error)
{
  YsReportContext ctx;
  GPtrArray *out;

  g_return_val_if_fail (YS_IS_DOCUMENT (doc), NULL);
  g_return_val_if_fail (layout != NULL, NULL);

  if (!context_init (&ctx, doc, layout, unit_code, error))
    {
      context_clear (&ctx);
      return NULL;
    }
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) ys_report_table_free);
  for (guint i = 0; i < layout->tables->len; i++)
    {
      const YsLayoutTable *lt = g_ptr_array_index (layout->tables, i);

      if (!ys_layout_table_applies (lt, ctx.year))
        continue;
      for (guint k = 0; k < G_N_ELEMENTS (builders); k++)
        if (g_str_equal (builders[k].name, lt->builder))
          builders[k].build (&ctx, lt, out);
    }
  context_clear (&ctx);
  return out;
}

YsLayout *
ys_report_layout_for_document (YsDocument *doc, GError **error)
{
  const char *region = ys_document_get_meta (doc, "region");

  return ys_layout_load (region && *region ? region : "national", error);
}

char *
ys_report_tables_to_json (YsDocument *doc, YsLayout *layout, const char *unit_code, GPtrArray *tables)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "department");
  json_builder_add_string_value (b, ys_document_get_meta (doc, "dept_name"));
  json_builder_set_member_name (b, "unit");
  if (unit_code)
    json_builder_add_string_value (b, unit_code);
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "year");
  json_builder_add_int_value (b, ys_document_get_year (doc));
  json_builder_set_member_name (b, "layout");
  json_builder_add_string_value (b, layout->id);
  json_builder_set_member_name (b, "money");
  json_builder_add_string_value (b, "分");
  json_builder_set_member_name (b, "tables");
  json_builder_begin_array (b);
  for (guint i = 0; i < tables->len; i++)
    ys_report_table_to_json (g_ptr_array_index (tables, i), b);
  json_builder_end_array (b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  json_generator_set_indent (gen, 1);
  return json_generator_to_data (gen, NULL);
}
