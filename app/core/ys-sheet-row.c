/* ys-sheet-row.c: one row of a sheet, read as an accountant reads it.
 *
 * 合计/小计/其中 rows and 类/款 rows repeat figures of the rows below them;
 * importing them would count money twice, so they are recognised before
 * anything else and only remembered as context for names below them. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ys-indicator.h"
#include "ys-sheet-row.h"

/* Fields, in the order of YsSheetRowResult.parents. */
static const YsCatalogKind parent_catalogs[YS_SHEET_N_PARENTS] = {
  YS_CATALOG_FUNCTION, YS_CATALOG_ECONOMIC_DEPT, YS_CATALOG_ECONOMIC_GOV, YS_CATALOG_PROCUREMENT,
};

static gboolean
is_subtotal_word (const char *text)
{
  static const char *const words[] = { "合计", "总计", "小计", "其中", "共计" };
  g_autofree char *norm = NULL;

  /* Every word has 计 or 其; most cells have neither. */
  if (strstr (text, "计") == NULL && strstr (text, "其") == NULL)
    return FALSE;
  norm = ys_sheet_normalise (text, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_str_has_prefix (norm, words[i]) || (i < 3 && g_str_has_suffix (norm, words[i])))
      return TRUE;
  return FALSE;
}

static gboolean
is_name_field (const YsField *field)
{
  return strcmp (field->name, "name") == 0 || strcmp (field->name, "item_name") == 0
      || strcmp (field->name, "item") == 0;
}

void
ys_sheet_row_context_init (YsSheetRowContext *ctx, const YsKind *kind, int *name_catalogs)
{
  gboolean line = strcmp (kind->name, "line") == 0;

  for (guint f = 0; f < kind->n_fields; f++)
    {
      YsCatalogKind catalog;
      name_catalogs[f] = ys_sheet_field_has_names (&kind->fields[f], &catalog) ? (int) catalog : -1;
    }
  ctx->kind = kind;
  ctx->name_catalogs = name_catalogs;
  ctx->kind_field = line ? ys_kind_find_field (kind, "kind") : -1;
  ctx->econ_field = line ? ys_kind_find_field (kind, "econ_code") : -1;
  ctx->project_field = line ? ys_kind_find_field (kind, "project_code") : -1;
}

void
ys_sheet_row_problems_free (char **problems, guint n_cols)
{
  if (problems == NULL)
    return;
  for (guint i = 0; i <= n_cols; i++)
    g_free (problems[i]);
  g_free (problems);
}

static void
add_problem (YsSheetRowResult *out, guint n_cols, int col, char *message)
{
  guint slot = col < 0 ? n_cols : (guint) col;

  if (out->problems == NULL)
    out->problems = g_new0 (char *, n_cols + 2);
  if (out->problems[slot] == NULL)
    out->problems[slot] = message;
  else
    g_free (message);
}

static int
parent_slot (YsCatalogKind catalog)
{
  for (int i = 0; i < YS_SHEET_N_PARENTS; i++)
    if (parent_catalogs[i] == catalog)
      return i;
  return -1;
}

static char *
trimmed (const char *text)
{
  return ys_catalog_normalize_name (text ? text : "");
}

/* "一般公共预算" for 一般公共预算拨款, "人员" for 人员经费: one choice that
 * starts with or contains the text is taken; several are a problem. */
static const char *
match_choice (const YsField *field, const char *text)
{
  const char *found = NULL;

  if (g_strv_contains ((const char *const *) field->choices, text))
    return text;
  for (guint i = 0; field->choices[i]; i++)
    if (strstr (field->choices[i], text) != NULL)
      {
        if (found)
          return NULL;
        found = field->choices[i];
      }
  return found;
}

static char *
bool_text (const char *text)
{
  static const char *const yes[] = { "√", "✓", "✔", "Y", "y", "TRUE", "true", "是", NULL };
  static const char *const no[] = { "×", "✗", "N", "n", "FALSE", "false", "否", NULL };

  if (g_strv_contains (yes, text))
    return g_strdup ("是");
  if (g_strv_contains (no, text))
    return g_strdup ("否");
  return g_strdup (text);
}

/* Whole numbers from a spreadsheet come as "3" or, after arithmetic, "3.0". */
static char *
int_text (const char *text, YsCellType type)
{
  char *copy = g_strdup (text);
  char *point = type == YS_CELL_NUMBER ? strchr (copy, '.') : NULL;

  if (point != NULL && strspn (point + 1, "0") == strlen (point + 1))
    *point = '\0';
  return copy;
}

typedef struct {
  const YsCell *cell;  /* the column mapped to the field itself */
  int col;
  const YsCell *name;  /* the column giving its name */
  int name_col;
  char *text;          /* what is parsed, once known */
  int text_col;        /* where a problem is shown */
} Slot;

/* A line's kind from its economic code, for sheets that say only 基本支出. */
static const char *
derive_line_kind (const char *econ, const char *project)
{
  if (project != NULL && *project)
    return "项目支出";
  if (econ == NULL)
    return NULL;
  if (g_str_has_prefix (econ, "301") || g_str_has_prefix (econ, "303"))
    return "人员经费";
  if (g_str_has_prefix (econ, "302"))
    return "公用经费";
  return NULL;
}

static gboolean
resolve_code_field (const YsSheetRowContext *ctx, guint f, Slot *s,
                    YsSheetRowResult *out, gboolean *subtotal)
{
  const YsField *field = &ctx->kind->fields[f];
  YsCatalogKind catalog = (YsCatalogKind) ctx->name_catalogs[f];
  g_autofree char *code = NULL, *name = NULL;
  int slot;

  if (s->cell != NULL)
    ys_sheet_split_code (s->cell->text, &code, &name);
  if (code == NULL && s->name != NULL)
    {
      g_free (name);
      name = trimmed (s->name->text);
      s->text_col = s->name_col;
    }
  if (code == NULL && name == NULL)
    return TRUE;

  if (catalog == YS_CATALOG_N_KINDS)
    {
      char *problem = NULL;
      const char *key = ys_sheet_resolve_record (ctx->resolver, ys_kinds_lookup (field->ref),
                                                 s->cell ? s->cell->text : name, &problem);
      if (key == NULL)
        {
          add_problem (out, ctx->n_cols, s->text_col, problem);
          return FALSE;
        }
      s->text = g_strdup (key);
      return TRUE;
    }

  slot = parent_slot (catalog);
  if (code != NULL)
    {
      gsize len = strlen (code);
      /* A 3- or 5-digit code where 7 (or 5) belong is a 类 or 款 row. */
      if (field->digits > 0 && len < field->digits && (len == 3 || len == 5)
          && strspn (code, "0123456789") == len)
        {
          *subtotal = TRUE;
          out->parents[slot] = g_intern_string (code);
          return TRUE;
        }
      s->text = g_steal_pointer (&code);
      return TRUE;
    }
  {
    char *problem = NULL;
    const YsCatalogEntry *e = ys_sheet_resolve_catalog (ctx->resolver, catalog, name,
                                                        out->parents[slot], &problem);
    if (e == NULL)
      {
        add_problem (out, ctx->n_cols, s->text_col, problem);
        return FALSE;
      }
    if (field->digits > 0 && strlen (e->code) < field->digits)
      {
        *subtotal = TRUE;
        out->parents[slot] = g_intern_string (e->code);
        return TRUE;
      }
    s->text = g_strdup (e->code);
  }
  return TRUE;
}

static int
money_unit (const YsSheetRowContext *ctx, int col)
{
  if (ctx->unit != YS_SHEET_UNIT_NONE)
    return ctx->unit;
  if (col >= 0 && ctx->col_units[col] != YS_SHEET_UNIT_NONE)
    return ctx->col_units[col];
  if (ctx->sheet_unit != YS_SHEET_UNIT_NONE)
    return ctx->sheet_unit;
  return YS_MONEY_YUAN;
}

static gboolean
parse_field (const YsSheetRowContext *ctx, guint f, Slot *s, YsValue *value, YsSheetRowResult *out)
{
  const YsField *field = &ctx->kind->fields[f];
  YsCellType type = s->cell && s->text_col == s->col ? s->cell->type : YS_CELL_STRING;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  switch (field->type)
    {
    case YS_FIELD_MONEY:
      {
        YsMoneyParseFlags flags = YS_MONEY_PARSE_ALLOW_EMPTY;
        if (field->flags & YS_FIELD_NEGATIVE_OK)
          flags |= YS_MONEY_PARSE_ALLOW_NEGATIVE;
        if (type == YS_CELL_NUMBER)
          flags |= YS_MONEY_PARSE_ROUND;
        if (ys_money_parse (s->text, money_unit (ctx, s->text_col), flags, &value->i, &error))
          return TRUE;
        add_problem (out, ctx->n_cols, s->text_col, g_strdup (error->message));
        return FALSE;
      }
    case YS_FIELD_CHOICE:
      {
        const char *choice = *s->text ? match_choice (field, s->text) : s->text;
        text = g_strdup (choice ? choice : s->text);
        break;
      }
    case YS_FIELD_BOOL:
      text = bool_text (s->text);
      break;
    case YS_FIELD_INT:
      text = int_text (s->text, type);
      break;
    case YS_FIELD_CODE:
      text = ys_sheet_nfkc (s->text);
      break;
    default:
      text = g_strdup (s->text);
    }
  if (ys_field_parse (field, text ? text : "", value, &error))
    return TRUE;
  if (s->text_col < 0 && g_error_matches (error, YS_FIELD_ERROR, YS_FIELD_ERROR_REQUIRED))
    add_problem (out, ctx->n_cols, -1,
                 g_strdup_printf (_("%s is required and no column gives it: map a column to it or give one value for every row"),
                                  _(field->label)));
  else
    add_problem (out, ctx->n_cols, s->text_col, g_strdup (error->message));
  return FALSE;
}

static void
read_values (const YsSheetRowContext *ctx, Slot *slots, YsSheetRowResult *out, gboolean want_record)
{
  const YsKind *kind = ctx->kind;
  g_autofree YsValue *values = g_new0 (YsValue, kind->n_fields);
  gboolean ok = TRUE;
  int kind_field = ctx->kind_field;

  for (guint f = 0; f < kind->n_fields; f++)
    {
      Slot *s = &slots[f];
      if (s->text == NULL && s->cell != NULL && ctx->name_catalogs[f] < 0)
        s->text = trimmed (s->cell->text);
      if (s->text == NULL && s->cell == NULL && s->name == NULL)
        {
          const char *fallback = ctx->defaults ? g_hash_table_lookup (ctx->defaults, kind->fields[f].name) : NULL;
          if (fallback == NULL && ctx->only_unit && strcmp (kind->fields[f].name, "unit_code") == 0)
            fallback = ctx->only_unit;
          s->text = g_strdup (fallback ? fallback : "");
          s->text_col = -1;
        }
      if (s->text == NULL)
        s->text = g_strdup ("");
    }
  /* 基本支出 says 人员经费 or 公用经费 only through the economic code. */
  if (kind_field >= 0)
    {
      Slot *k = &slots[kind_field];
      if (*k->text == '\0' || strstr (k->text, "基本") != NULL)
        {
          const char *derived = derive_line_kind (slots[ctx->econ_field].text,
                                                  slots[ctx->project_field].text);
          if (derived == NULL && *k->text)
            add_problem (out, ctx->n_cols, k->text_col,
                         g_strdup_printf (_("“%s”: the economic code does not say whether this is 人员经费 (301, 303) or 公用经费 (302); write one of them"),
                                          k->text));
          if (derived != NULL)
            {
              g_free (k->text);
              k->text = g_strdup (derived);
            }
        }
    }
  for (guint f = 0; f < kind->n_fields; f++)
    ok &= parse_field (ctx, f, &slots[f], &values[f], out);
  /* A value with an operator the operator column contradicts is shown in the
   * preview, not found when the rows are committed. */
  if (ok && kind == &ys_indicator_kind)
    {
      g_autofree char *op = NULL, *number = NULL, *measure = NULL;
      g_autoptr(GError) error = NULL;

      if (!ys_indicator_resolve_value (values[YS_INDICATOR_VALUE].s, values[YS_INDICATOR_OPERATOR].s,
                                       values[YS_INDICATOR_MEASURE].s, &op, &number, &measure, &error))
        add_problem (out, ctx->n_cols, slots[YS_INDICATOR_VALUE].text_col, g_strdup (error->message));
    }
  ok &= out->problems == NULL;
  out->status = ok ? YS_SHEET_ROW_DATA : YS_SHEET_ROW_PROBLEM;
  if (ok && want_record)
    {
      out->record = ys_record_new (kind);
      for (guint f = 0; f < kind->n_fields; f++)
        ys_record_load_value (out->record, f, &values[f]);
    }
  for (guint f = 0; f < kind->n_fields; f++)
    ys_value_clear (&kind->fields[f], &values[f]);
}

void
ys_sheet_row_read (const YsSheetRowContext *ctx, const YsCell *const *cells,
                   gboolean want_record, YsSheetRowResult *out)
{
  const YsKind *kind = ctx->kind;
  g_autofree Slot *slots = g_new0 (Slot, kind->n_fields);
  guint filled = 0;
  gboolean number = FALSE, subtotal = FALSE;

  out->status = YS_SHEET_ROW_DATA;
  out->problems = NULL;
  out->record = NULL;
  for (guint f = 0; f < kind->n_fields; f++)
    slots[f].col = slots[f].name_col = slots[f].text_col = -1;

  for (guint c = 0; c < ctx->n_cols; c++)
    {
      const YsCell *cell = cells[c];
      int t = ctx->targets[c];
      const YsField *field;

      if (cell == NULL || cell->text == NULL || *cell->text == '\0')
        continue;
      filled++;
      number |= cell->type == YS_CELL_NUMBER;
      field = t >= 0 ? &kind->fields[t & ~YS_SHEET_BY_NAME] : NULL;
      /* Free text (notes, reasons) may well say 其中 or 合计. */
      if (field == NULL || field->type != YS_FIELD_TEXT || is_name_field (field))
        subtotal |= is_subtotal_word (cell->text);
      if (t < 0)
        continue;
      if (t & YS_SHEET_BY_NAME)
        {
          slots[t & ~YS_SHEET_BY_NAME].name = cell;
          slots[t & ~YS_SHEET_BY_NAME].name_col = (int) c;
        }
      else
        {
          slots[t].cell = cell;
          slots[t].col = slots[t].text_col = (int) c;
        }
    }
  if (filled == 0)
    {
      out->status = YS_SHEET_ROW_BLANK;
      return;
    }
  if (!subtotal)
    for (guint f = 0; f < kind->n_fields; f++)
      {
        if (slots[f].text_col < 0)
          slots[f].text_col = slots[f].name_col;
        if (ctx->name_catalogs[f] >= 0 && (slots[f].cell != NULL || slots[f].name != NULL))
          resolve_code_field (ctx, f, &slots[f], out, &subtotal);
      }
  if (subtotal || (filled == 1 && !number))
    {
      out->status = subtotal ? YS_SHEET_ROW_SUBTOTAL : YS_SHEET_ROW_NOTE;
      ys_sheet_row_problems_free (g_steal_pointer (&out->problems), ctx->n_cols);
    }
  else
    read_values (ctx, slots, out, want_record);
  for (guint f = 0; f < kind->n_fields; f++)
    g_free (slots[f].text);
}
