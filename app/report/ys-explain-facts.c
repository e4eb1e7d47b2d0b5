/* The figures the 情况说明 states, taken from the built tables where a table
 * shows them (so a sentence and a table can never disagree) and otherwise
 * from the same records with the same sums in 分. */
#include "config.h"

#include <string.h>

#include "ys-explain-private.h"
#include "ys-kinds.h"
#include "ys-report-private.h"
#include "ys-summary.h"

typedef struct {
  YsDocument        *doc;
  YsExplainTemplate *tmpl;
  YsExplainScope    *scope;
  GPtrArray         *tables;
} Facts;

static YsReportTable *
find_table (GPtrArray *tables, const char *id)
{
  for (guint i = 0; tables && i < tables->len; i++)
    {
      YsReportTable *t = g_ptr_array_index (tables, i);
      if (g_strcmp0 (t->id, id) == 0)
        return t;
    }
  return NULL;
}

static int
column (YsReportTable *t, const char *key)
{
  for (guint c = 0; t && c < t->n_cols; c++)
    if (t->col_keys && g_strcmp0 (t->col_keys[c], key) == 0)
      return (int) c;
  return -1;
}

static YsReportRow *
find_row (YsReportTable *t, const char *key)
{
  for (guint r = 0; t && r < t->rows->len; r++)
    {
      YsReportRow *row = g_ptr_array_index (t->rows, r);
      if (g_strcmp0 (row->key, key) == 0)
        return row;
    }
  return NULL;
}

static gboolean
cell_money (YsReportTable *t, YsReportRow *row, const char *col, YsMoney *out)
{
  int c = column (t, col);

  if (row == NULL || c < 0 || (guint) c >= row->n_cells)
    return FALSE;
  *out = row->cells[c].type == YS_REPORT_CELL_MONEY ? row->cells[c].value : 0;
  return TRUE;
}

static const char *
cell_text (YsReportTable *t, YsReportRow *row, const char *col)
{
  int c = column (t, col);

  if (row == NULL || c < 0 || (guint) c >= row->n_cells || row->cells[c].type != YS_REPORT_CELL_TEXT)
    return "";
  return row->cells[c].text;
}

gboolean
ys_explain_table_money (GPtrArray *tables, const char *id, const char *row, const char *col, YsMoney *out)
{
  YsReportTable *t = find_table (tables, id);
  return cell_money (t, find_row (t, row), col, out);
}

static void
set_money (Facts *f, YsExplainScope *scope, const char *name, YsMoney fen)
{
  ys_explain_scope_take (scope ? scope : f->scope, name, ys_explain_money (f->tmpl, fen));
}

static void
set_shares (Facts *f, const char *const *names, const YsMoney *amounts, guint n)
{
  g_autofree gint64 *shares = g_new0 (gint64, n);

  ys_explain_shares (amounts, n, shares);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strconcat (names[i], ".share", NULL);
      ys_explain_scope_take (f->scope, name, ys_explain_percent (shares[i]));
    }
}

static YsSummary *
summary (Facts *f, const char *source, gboolean fiscal, int carry_over)
{
  YsFilter filter = { NULL, source, fiscal, carry_over };
  return ys_summary_compute (f->doc, &filter);
}

static void
change (Facts *f, const char *name, YsMoney now, const char *func, const char *econ, const char *kind,
        const char *source, gboolean sangong, const char *what)
{
  YsExplainPrior prior;

  ys_explain_prior_find (f->doc, func, econ, kind, source, &prior);
  ys_explain_change (f->tmpl, f->scope, name, now, &prior, sangong, what);
  ys_explain_prior_clear (&prior);
}

/* 财政拨款 expenditure by 功能分类 类 (财政拨款收支总表). */
static void
fiscal_class_facts (Facts *f)
{
  g_autoptr(YsSummary) fiscal = summary (f, NULL, TRUE, -1);
  g_autoptr(GPtrArray) codes = ys_summary_codes (fiscal->by_function);
  YsCatalog *catalog = ys_document_get_catalog (f->doc, YS_CATALOG_FUNCTION);
  GPtrArray *list = ys_explain_scope_list (f->scope, "fiscal_classes");

  for (guint i = 0; i < codes->len; i++)
    {
      const char *code = g_ptr_array_index (codes, i);
      const YsAmounts *a = ys_summary_lookup (fiscal->by_function, code);
      YsExplainScope *item;

      if (strlen (code) != 3 || a->total == 0)
        continue;
      item = ys_explain_scope_new (f->scope);
      ys_explain_scope_set (item, "code", code);
      ys_explain_scope_set (item, "name", ys_report_code_name (catalog, code));
      set_money (f, item, "amount", a->total);
      g_ptr_array_add (list, item);
    }
}

/* 收入: by fund source, this year's and carried over, with their shares. */
static void
income_facts (Facts *f)
{
  static const char *const names[] = { "income.general", "income.fund", "income.capital", "income.special",
                                       "income.unit", "income.carry" };
  g_autoptr(YsSummary) now = summary (f, NULL, FALSE, 0);
  g_autoptr(YsSummary) carry = summary (f, NULL, FALSE, 1);
  g_autoptr(YsSummary) all = summary (f, NULL, FALSE, -1);
  g_autoptr(YsSummary) fiscal = summary (f, NULL, TRUE, -1);
  g_autoptr(YsSummary) fiscal_now = summary (f, NULL, TRUE, 0);
  YsMoney amounts[6] = { 0 };

  for (guint i = 0; ys_fund_sources[i] && i < G_N_ELEMENTS (now->income_by_source); i++)
    amounts[MIN (i, 4)] += now->income_by_source[i];
  amounts[5] = carry->income_total;
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    set_money (f, NULL, names[i], amounts[i]);
  set_shares (f, names, amounts, G_N_ELEMENTS (names));
  set_money (f, NULL, "income", all->income_total);
  set_money (f, NULL, "income.current", now->income_total);
  set_money (f, NULL, "income.other", all->income_total - amounts[0] - amounts[1] - amounts[3]);
  ys_explain_scope_flag (f->scope, "has_carry", carry->income_total != 0);
  ys_explain_scope_flag (f->scope, "income_only_general", all->income_total == now->income_by_source[0]);
  change (f, "income", all->income_total, "", "", "收入", NULL, FALSE, "收入预算");

  set_money (f, NULL, "fiscal", fiscal->income_total);
  set_money (f, NULL, "fiscal.current", fiscal_now->income_total);
  set_money (f, NULL, "fiscal.carry", fiscal->income_total - fiscal_now->income_total);
  for (guint i = 0; i < 3; i++)
    {
      static const char *const fiscal_names[] = { "fiscal.general", "fiscal.fund", "fiscal.capital" };
      set_money (f, NULL, fiscal_names[i], fiscal->income_by_source[i]);
    }
  ys_explain_scope_flag (f->scope, "fiscal_only_general", fiscal->income_total == fiscal->income_by_source[0]);
}

typedef struct {
  const char *code, *name;
  YsMoney     amount;
} FuncRow;

/* The 类, 款 and 项 of the 一般公共预算支出表, or, for a layout without one,
 * the same sums from the records with the catalog's names. */
static GArray *
function_rows (Facts *f, YsReportTable *t, YsSummary *general)
{
  GArray *rows = g_array_new (FALSE, TRUE, sizeof (FuncRow));

  if (t)
    for (guint r = 0; r < t->rows->len; r++)
      {
        YsReportRow *row = g_ptr_array_index (t->rows, r);
        FuncRow fr = { row->key, cell_text (t, row, "name"), 0 };

        if (fr.code && g_ascii_isdigit (fr.code[0]) && cell_money (t, row, "total", &fr.amount))
          g_array_append_val (rows, fr);
      }
  else
    {
      YsCatalog *catalog = ys_document_get_catalog (f->doc, YS_CATALOG_FUNCTION);
      g_autoptr(GPtrArray) codes = ys_summary_codes (general->by_function);

      for (guint i = 0; i < codes->len; i++)
        {
          const char *code = g_ptr_array_index (codes, i);
          FuncRow fr = { code, ys_report_code_name (catalog, code),
                         ys_summary_lookup (general->by_function, code)->total };
          g_array_append_val (rows, fr);
        }
    }
  return rows;
}

/* 支出: the 支出总表's totals, basic and project, and the 类 it spends on. */
static void
expenditure_facts (Facts *f)
{
  static const char *const names[] = { "basic", "project" };
  YsReportTable *t = find_table (f->tables, "expenditure");
  YsReportRow *total_row = find_row (t, "合计");
  g_autoptr(YsSummary) all = summary (f, NULL, FALSE, -1);
  g_autoptr(YsSummary) carry = summary (f, NULL, FALSE, 1);
  YsMoney total = all->expense.total, amounts[2] = { all->expense.basic, all->expense.project };
  GPtrArray *classes = ys_explain_scope_list (f->scope, "expense_classes");

  if (total_row)
    {
      cell_money (t, total_row, "total", &total);
      cell_money (t, total_row, "basic", &amounts[0]);
      cell_money (t, total_row, "project", &amounts[1]);
    }
  set_money (f, NULL, "total", total);
  set_money (f, NULL, "basic", amounts[0]);
  set_money (f, NULL, "project", amounts[1]);
  set_shares (f, names, amounts, 2);
  change (f, "total", total, "", "", "收入", NULL, FALSE, "收支预算总额");
  change (f, "basic", amounts[0], "", "", "基本支出", NULL, FALSE, "基本支出");
  change (f, "project", amounts[1], "", "", "项目支出", NULL, FALSE, "项目支出");

  /* Project money by where it comes from (项目支出表); 单位资金 is every
   * source after 财政专户管理资金. */
  {
    static const char *const project_names[] = { "project.general", "project.fund", "project.capital",
                                                  "project.special", "project.unit" };
    YsMoney by[5] = { 0 };
    for (guint s = 0; ys_fund_sources[s] && s < G_N_ELEMENTS (all->expense_by_source); s++)
      by[MIN (s, 4)] += all->expense_by_source[s].project;
    for (guint i = 0; i < 5; i++)
      set_money (f, NULL, project_names[i], by[i]);
  }
  set_money (f, NULL, "project.carry", carry->expense.project);
  set_money (f, NULL, "personnel", all->expense.personnel);
  set_money (f, NULL, "public", all->expense.public_);
  set_money (f, NULL, "total.carry", carry->expense.total);
  set_money (f, NULL, "total.current", total - carry->expense.total);
  set_money (f, NULL, "project.current", amounts[1] - carry->expense.project);

  {
    g_autoptr(GArray) rows = function_rows (f, t, all);

    for (guint r = 0; r < rows->len; r++)
      {
        const FuncRow *fr = &g_array_index (rows, FuncRow, r);
        YsExplainScope *item;

        if (strlen (fr->code) != 3 || fr->amount == 0)
          continue;
        item = ys_explain_scope_new (f->scope);
        ys_explain_scope_set (item, "code", fr->code);
        ys_explain_scope_set (item, "name", fr->name);
        set_money (f, item, "amount", fr->amount);
        g_ptr_array_add (classes, item);
      }
  }
}

static void
add_item (Facts *f, GPtrArray *items, const FuncRow *fr, GHashTable *names)
{
  g_autofree char *cls = g_strndup (fr->code, 3), *kuan = g_strndup (fr->code, 5);
  g_autofree char *what = g_strdup_printf ("%s %s", fr->code, fr->name);
  YsExplainScope *item = ys_explain_scope_new (f->scope);
  YsExplainPrior prior;

  ys_explain_scope_set (item, "code", fr->code);
  ys_explain_scope_set (item, "name", fr->name);
  ys_explain_scope_set (item, "class_name", g_hash_table_lookup (names, cls));
  ys_explain_scope_set (item, "kuan_name", g_hash_table_lookup (names, kuan));
  ys_explain_scope_take (item, "n", g_strdup_printf ("%u", items->len + 1));
  ys_explain_scope_take (item, "cn", ys_report_chinese_number (items->len + 1));
  set_money (f, item, "amount", fr->amount);
  ys_explain_prior_find (f->doc, fr->code, "", "", "一般公共预算拨款", &prior);
  ys_explain_change (f->tmpl, item, "item", fr->amount, &prior, FALSE, what);
  ys_explain_prior_clear (&prior);
  g_ptr_array_add (items, item);
}

/* 一般公共预算: the total, its 类 with shares, its 项 with their changes. */
static void
general_facts (Facts *f)
{
  YsReportTable *t = find_table (f->tables, "general_public");
  YsReportRow *total_row = find_row (t, "合计");
  g_autoptr(YsSummary) general = summary (f, "一般公共预算拨款", FALSE, -1);
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) rows = function_rows (f, t, general);
  GPtrArray *classes = ys_explain_scope_list (f->scope, "classes");
  GPtrArray *items = ys_explain_scope_list (f->scope, "items");
  g_autoptr(GArray) amounts = g_array_new (FALSE, TRUE, sizeof (YsMoney));
  YsMoney total = general->expense.total, basic = general->expense.basic, project = general->expense.project;
  g_autofree gint64 *shares = NULL;

  if (total_row)
    {
      cell_money (t, total_row, "total", &total);
      cell_money (t, total_row, "basic", &basic);
      cell_money (t, total_row, "project", &project);
    }
  set_money (f, NULL, "general", total);
  set_money (f, NULL, "general.basic", basic);
  set_money (f, NULL, "general.project", project);
  change (f, "general", total, "", "", "收入", "一般公共预算拨款", FALSE, "一般公共预算支出");

  for (guint r = 0; r < rows->len; r++)
    {
      const FuncRow *fr = &g_array_index (rows, FuncRow, r);

      g_hash_table_insert (names, (gpointer) fr->code, (gpointer) fr->name);
      if (fr->amount == 0)
        continue;
      if (strlen (fr->code) == 3)
        {
          YsExplainScope *item = ys_explain_scope_new (f->scope);

          ys_explain_scope_set (item, "code", fr->code);
          ys_explain_scope_set (item, "name", fr->name);
          set_money (f, item, "amount", fr->amount);
          g_ptr_array_add (classes, item);
          g_array_append_val (amounts, fr->amount);
        }
      else if (strlen (fr->code) == 7)
        add_item (f, items, fr, names);
    }
  shares = g_new0 (gint64, MAX (amounts->len, 1));
  ys_explain_shares ((YsMoney *) (void *) amounts->data, amounts->len, shares);
  for (guint i = 0; i < classes->len; i++)
    ys_explain_scope_take (g_ptr_array_index (classes, i), "share", ys_explain_percent (shares[i]));
}

/* The economic 款 of the 基本支出表, one per code ("30101" or "30101/50101"
 * where 政府预算经济分类 splits a code: added up), or the same sums from the
 * records with the catalog's names. The codes are borrowed from @t or from
 * @general, which outlive @rows. */
static void
econ_rows (Facts *f, YsReportTable *t, YsSummary *general, GArray *rows)
{
  if (t)
    for (guint r = 0; r < t->rows->len; r++)
      {
        YsReportRow *row = g_ptr_array_index (t->rows, r);
        YsMoney amount = 0;
        FuncRow *last = rows->len ? &g_array_index (rows, FuncRow, rows->len - 1) : NULL;

        if (row->key == NULL || strlen (row->key) < 5 || !g_ascii_isdigit (row->key[0])
            || (row->key[5] != '\0' && row->key[5] != '/') || !cell_money (t, row, "basic", &amount))
          continue;
        if (last && strncmp (last->code, row->key, 5) == 0)
          last->amount += amount;
        else
          {
            FuncRow er = { row->key, cell_text (t, row, "name"), amount };
            g_array_append_val (rows, er);
          }
      }
  else
    {
      YsCatalog *catalog = ys_document_get_catalog (f->doc, YS_CATALOG_ECONOMIC_DEPT);
      g_autoptr(GPtrArray) codes = ys_summary_codes (general->by_economic);

      for (guint i = 0; i < codes->len; i++)
        {
          const char *code = g_ptr_array_index (codes, i);
          FuncRow er = { code, ys_report_code_name (catalog, code), ys_summary_lookup (general->by_economic, code)->basic };

          if (strlen (code) == 5)
            g_array_append_val (rows, er);
        }
    }
  /* Item codes as five digits, whatever the table keyed them by. */
  for (guint r = 0; r < rows->len; r++)
    {
      FuncRow *er = &g_array_index (rows, FuncRow, r);
      char code[6];

      if (strlen (er->code) > 5)
        {
          g_strlcpy (code, er->code, sizeof code);
          er->code = g_intern_string (code);
        }
    }
}

/* 一般公共预算基本支出: 人员经费 and 公用经费 and what they consist of. */
static void
basic_facts (Facts *f)
{
  YsReportTable *t = find_table (f->tables, "general_public_basic");
  YsReportRow *total_row = find_row (t, "合计");
  g_autoptr(YsSummary) general = summary (f, "一般公共预算拨款", FALSE, -1);
  YsMoney basic = general->expense.basic, personnel = general->expense.personnel, public_ = general->expense.public_;
  GPtrArray *personnel_items = ys_explain_scope_list (f->scope, "personnel_items");
  GPtrArray *public_items = ys_explain_scope_list (f->scope, "public_items");
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (FuncRow));

  if (total_row)
    {
      cell_money (t, total_row, "basic", &basic);
      cell_money (t, total_row, "personnel", &personnel);
      cell_money (t, total_row, "public", &public_);
    }
  set_money (f, NULL, "general.basic", basic);
  set_money (f, NULL, "general.personnel", personnel);
  set_money (f, NULL, "general.public", public_);

  econ_rows (f, t, general, rows);
  for (guint r = 0; r < rows->len; r++)
    {
      const FuncRow *er = &g_array_index (rows, FuncRow, r);
      gboolean is_personnel = g_str_has_prefix (er->code, "301") || g_str_has_prefix (er->code, "303");
      YsExplainScope *item;

      if (er->amount == 0)
        continue;
      item = ys_explain_scope_new (f->scope);
      ys_explain_scope_set (item, "code", er->code);
      ys_explain_scope_set (item, "name", er->name);
      set_money (f, item, "amount", er->amount);
      g_ptr_array_add (is_personnel ? personnel_items : public_items, item);
    }
}

/* 政府性基金 and 国有资本经营 expenditure: usually none, said in a sentence. */
static void
fund_facts (Facts *f)
{
  g_autoptr(YsSummary) fund = summary (f, "政府性基金预算拨款", FALSE, -1);
  g_autoptr(YsSummary) capital = summary (f, "国有资本经营预算拨款", FALSE, -1);

  set_money (f, NULL, "fund", fund->expense.total);
  set_money (f, NULL, "fund.income", fund->income_total);
  set_money (f, NULL, "fund.basic", fund->expense.basic);
  set_money (f, NULL, "fund.project", fund->expense.project);
  ys_explain_scope_flag (f->scope, "has_fund", fund->expense.total != 0 || fund->income_total != 0);
  set_money (f, NULL, "capital", capital->expense.total);
  set_money (f, NULL, "capital.income", capital->income_total);
  ys_explain_scope_flag (f->scope, "has_capital", capital->expense.total != 0 || capital->income_total != 0);
}

/* “三公”经费 from 财政拨款, each with its change. */
static void
three_public_facts (Facts *f)
{
  static const struct { const char *name, *code, *what; } parts[] = {
    { "tp.abroad", "30212", "因公出国（境）费" },
    { "tp.reception", "30217", "公务接待费" },
    { "tp.car_buy", "31013", "公务用车购置费" },
    { "tp.car_run", "30231", "公务用车运行维护费" },
  };
  g_autoptr(YsSummary) fiscal = summary (f, NULL, TRUE, -1);
  YsMoney total = 0, total_last = 0, car = 0, car_last = 0;
  gboolean known = TRUE, car_known = TRUE;
  g_autoptr(GString) reasons = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      const YsAmounts *a = ys_summary_lookup (fiscal->by_economic, parts[i].code);
      YsMoney now = a ? a->total : 0;
      YsExplainPrior prior;

      set_money (f, NULL, parts[i].name, now);
      ys_explain_prior_find (f->doc, "", parts[i].code, "", NULL, &prior);
      ys_explain_change (f->tmpl, f->scope, parts[i].name, now, &prior, TRUE, parts[i].what);
      total += now;
      total_last += prior.known ? prior.last : 0;
      known = known && (prior.known || now == 0);
      if (i >= 2)
        {
          car += now;
          car_last += prior.known ? prior.last : 0;
          car_known = car_known && (prior.known || now == 0);
        }
      if (prior.reason && reasons->len == 0)
        g_string_append (reasons, prior.reason);
      ys_explain_prior_clear (&prior);
    }
  set_money (f, NULL, "three_public", total);
  set_money (f, NULL, "tp.car", car);
  {
    YsExplainPrior all = { total_last, known, reasons->len ? reasons->str : NULL };
    YsExplainPrior cars = { car_last, car_known, NULL };
    ys_explain_change (f->tmpl, f->scope, "three_public", total, &all, TRUE, "“三公”经费");
    ys_explain_change (f->tmpl, f->scope, "tp.car", car, &cars, TRUE, "公务用车购置及运行费");
  }
}

YsExplainScope *
ys_explain_facts (YsDocument *doc, YsExplainTemplate *tmpl, GPtrArray *tables)
{
  Facts f = { doc, tmpl, ys_explain_scope_new (NULL), tables };
  const char *dept = ys_document_get_meta (doc, "dept_name");
  int year = ys_document_get_year (doc);

  ys_explain_scope_set (f.scope, "dept", dept);
  ys_explain_scope_take (f.scope, "year", g_strdup_printf ("%d", year));
  ys_explain_scope_take (f.scope, "prior_year", g_strdup_printf ("%d", year - 1));
  income_facts (&f);
  fiscal_class_facts (&f);
  expenditure_facts (&f);
  general_facts (&f);
  basic_facts (&f);
  fund_facts (&f);
  three_public_facts (&f);
  ys_explain_record_facts (doc, tmpl, f.scope, tables);
  return f.scope;
}
