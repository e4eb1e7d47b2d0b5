/* yusuan-cli import-sheet: a sheet of records from an xlsx, xls or CSV file. */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "ys-cli.h"
#include "ys-sheet-header.h"
#include "ys-sheet-import.h"

static const char *const status_names[] = { "data", "problem", "subtotal", "blank", "note" };

/* "lines", "line", "项目" … as the user may write a kind. */
static const YsKind *
find_kind (const char *name)
{
  static const char *const allowed[] = { "line", "income", "project", "indicator", "procurement", "prior_year", "control", NULL };
  const YsKind *const *kinds = ys_kinds_all ();

  for (guint i = 0; kinds[i]; i++)
    {
      g_autofree char *file = g_strndup (kinds[i]->file, strlen (kinds[i]->file) - strlen (".csv"));
      if (!g_strv_contains (allowed, kinds[i]->name))
        continue;
      if (strcmp (name, kinds[i]->name) == 0 || strcmp (name, file) == 0
          || strcmp (name, _(kinds[i]->label)) == 0)
        return kinds[i];
    }
  return NULL;
}

static gboolean
parse_unit (const char *text, int *unit)
{
  if (text == NULL)
    *unit = YS_SHEET_UNIT_NONE;
  else if (strcmp (text, "万元") == 0 || g_ascii_strcasecmp (text, "wan") == 0)
    *unit = YS_MONEY_WAN;
  else if (strcmp (text, "元") == 0 || g_ascii_strcasecmp (text, "yuan") == 0)
    *unit = YS_MONEY_YUAN;
  else
    return FALSE;
  return TRUE;
}

static gboolean
split_pair (const char *arg, char **left, char **right)
{
  const char *eq = strchr (arg, '=');

  if (eq == NULL || eq == arg)
    return FALSE;
  *left = g_strndup (arg, eq - arg);
  *right = g_strdup (eq + 1);
  return TRUE;
}

static void
print_problems (YsSheetImport *im, const char *book, FILE *out)
{
  const char *sheet = ys_sheet_import_get_sheet_name (im);
  guint n_cols = ys_sheet_import_get_n_columns (im);

  for (guint r = 0; r < ys_sheet_import_get_n_rows (im); r++)
    {
      guint row = ys_sheet_import_get_sheet_row (im, r);
      const char *row_problem = ys_sheet_import_get_row_problem (im, r);

      if (!ys_sheet_import_get_row_included (im, r))
        continue;
      for (guint c = 0; c < n_cols; c++)
        {
          const char *problem = ys_sheet_import_get_cell_problem (im, r, c);
          g_autofree char *letter = NULL;

          if (problem == NULL)
            continue;
          letter = ys_sheet_column_letter (c);
          fprintf (out, "%s:%s:%u: %s %s: %s\n", book, sheet, row, letter,
                   ys_sheet_import_get_column_title (im, c), problem);
        }
      if (row_problem)
        fprintf (out, "%s:%s:%u: %s\n", book, sheet, row, row_problem);
    }
}

static const char *
mapped_by_text (const char *by)
{
  static const char *const names[][2] = {
    { "header", N_("by its header") },
    { "content", N_("by its content") },
    { "remembered", N_("as last time") },
    { "user", N_("as given") },
  };

  for (guint i = 0; by && i < G_N_ELEMENTS (names); i++)
    if (strcmp (by, names[i][0]) == 0)
      return _(names[i][1]);
  return NULL;
}

static void
print_mapping (YsSheetImport *im, const char *book)
{
  guint first, n = ys_sheet_import_get_header_rows (im, &first);

  printf (_("%s:%s: header in rows %u–%u; amounts in %s\n"), book, ys_sheet_import_get_sheet_name (im),
          first + 1, first + n, ys_sheet_import_get_unit (im) == YS_MONEY_WAN ? "万元" : "元");
  for (guint c = 0; c < ys_sheet_import_get_n_columns (im); c++)
    {
      g_autofree char *letter = ys_sheet_column_letter (c);
      g_autofree char *label = ys_sheet_import_get_column_label (im, c);
      const char *by = mapped_by_text (ys_sheet_import_get_column_mapped_by (im, c));

      if (*ys_sheet_import_get_column_title (im, c) == '\0' && by == NULL)
        continue;
      printf ("  %s %s → %s%s%s%s\n", letter, ys_sheet_import_get_column_title (im, c), label,
              by ? _(" (") : "", by ? by : "", by ? _(")") : "");
    }
}

static void
print_json (YsSheetImport *im, const char *book, gboolean written, guint inserted)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  YsSheetImportCounts counts;
  guint first, n_header = ys_sheet_import_get_header_rows (im, &first);
  guint n_cols = ys_sheet_import_get_n_columns (im);

  ys_sheet_import_get_counts (im, &counts);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "book");
  json_builder_add_string_value (b, book);
  json_builder_set_member_name (b, "sheet");
  json_builder_add_string_value (b, ys_sheet_import_get_sheet_name (im));
  json_builder_set_member_name (b, "kind");
  json_builder_add_string_value (b, ys_sheet_import_get_kind (im)->name);
  json_builder_set_member_name (b, "unit");
  json_builder_add_string_value (b, ys_sheet_import_get_unit (im) == YS_MONEY_WAN ? "万元" : "元");
  json_builder_set_member_name (b, "header_rows");
  json_builder_begin_array (b);
  json_builder_add_int_value (b, first + 1);
  json_builder_add_int_value (b, first + n_header);
  json_builder_end_array (b);

  json_builder_set_member_name (b, "columns");
  json_builder_begin_array (b);
  for (guint c = 0; c < n_cols; c++)
    {
      g_autofree char *letter = ys_sheet_column_letter (c);
      g_autofree char *target = ys_sheet_import_get_column_target (im, c);
      const char *by = ys_sheet_import_get_column_mapped_by (im, c);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "column");
      json_builder_add_string_value (b, letter);
      json_builder_set_member_name (b, "title");
      json_builder_add_string_value (b, ys_sheet_import_get_column_title (im, c));
      json_builder_set_member_name (b, "header");
      json_builder_add_string_value (b, ys_sheet_import_get_column_path (im, c));
      json_builder_set_member_name (b, "field");
      if (target)
        json_builder_add_string_value (b, target);
      else
        json_builder_add_null_value (b);
      json_builder_set_member_name (b, "mapped_by");
      if (by)
        json_builder_add_string_value (b, by);
      else
        json_builder_add_null_value (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "rows");
  json_builder_begin_array (b);
  for (guint r = 0; r < ys_sheet_import_get_n_rows (im); r++)
    {
      YsSheetRowStatus status = ys_sheet_import_get_row_status (im, r);
      const char *row_problem = ys_sheet_import_get_row_problem (im, r);

      if (status == YS_SHEET_ROW_BLANK)
        continue;
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "row");
      json_builder_add_int_value (b, ys_sheet_import_get_sheet_row (im, r));
      json_builder_set_member_name (b, "status");
      json_builder_add_string_value (b, status_names[status]);
      json_builder_set_member_name (b, "included");
      json_builder_add_boolean_value (b, ys_sheet_import_get_row_included (im, r));
      if (status == YS_SHEET_ROW_PROBLEM)
        {
          json_builder_set_member_name (b, "problems");
          json_builder_begin_array (b);
          for (guint c = 0; c <= n_cols; c++)
            {
              const char *p = c < n_cols ? ys_sheet_import_get_cell_problem (im, r, c) : row_problem;
              g_autofree char *letter = c < n_cols ? ys_sheet_column_letter (c) : NULL;

              if (p == NULL)
                continue;
              json_builder_begin_object (b);
              json_builder_set_member_name (b, "column");
              if (letter)
                json_builder_add_string_value (b, letter);
              else
                json_builder_add_null_value (b);
              json_builder_set_member_name (b, "message");
              json_builder_add_string_value (b, p);
              json_builder_end_object (b);
            }
          json_builder_end_array (b);
        }
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "counts");
  json_builder_begin_object (b);
#define COUNT(name) json_builder_set_member_name (b, #name); json_builder_add_int_value (b, counts.name)
  COUNT (data);
  COUNT (problems);
  COUNT (excluded);
  COUNT (subtotals);
  COUNT (blank);
  COUNT (notes);
#undef COUNT
  json_builder_end_object (b);
  json_builder_set_member_name (b, "written");
  json_builder_add_boolean_value (b, written);
  json_builder_set_member_name (b, "imported");
  json_builder_add_int_value (b, inserted);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  text = json_generator_to_data (gen, NULL);
  puts (text);
}

static YsSheetImport *
open_sheet (YsDocument *doc, const YsKind *kind, const char *path, const char *sheet_name,
            const YsSheetImportOptions *options, GError **error)
{
  g_autoptr(YsWorkbook) book = ys_workbook_read (path, error);
  g_autofree char *base = g_path_get_basename (path);
  YsSheet *sheet;

  if (book == NULL)
    return NULL;
  sheet = sheet_name ? ys_workbook_find_sheet (book, sheet_name) : ys_workbook_first_sheet (book);
  if (sheet == NULL)
    {
      if (sheet_name)
        g_set_error (error, YS_SHEET_IMPORT_ERROR, YS_SHEET_IMPORT_ERROR_NO_HEADER,
                     _("%s has no sheet called “%s”"), base, sheet_name);
      else
        g_set_error (error, YS_SHEET_IMPORT_ERROR, YS_SHEET_IMPORT_ERROR_NO_HEADER,
                     _("%s has no visible sheet"), base);
      return NULL;
    }
  for (guint i = 0; i < book->sheets->len; i++)
    if (book->sheets->pdata[i] == sheet)
      g_ptr_array_steal_index (book->sheets, i);
  return ys_sheet_import_new (doc, kind, sheet, base, options, error);
}

int
ys_cli_import_sheet (int argc, char **argv)
{
  g_autofree char *kind_name = NULL, *sheet_name = NULL, *unit_text = NULL;
  g_auto(GStrv) maps = NULL, sets = NULL;
  gboolean json = FALSE, dry_run = FALSE, skip_bad = FALSE;
  GOptionEntry entries[] = {
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_name, N_("What the rows are: lines, income, projects, indicators, procurement, prior_year or controls"), N_("KIND") },
    { "sheet", 0, 0, G_OPTION_ARG_STRING, &sheet_name, N_("Read this sheet (default: the first visible one)"), N_("NAME") },
    { "map", 0, 0, G_OPTION_ARG_STRING_ARRAY, &maps, N_("Fill FIELD from the column headed TITLE (or its letter); an empty FIELD leaves the column out"), N_("TITLE=FIELD") },
    { "set", 0, 0, G_OPTION_ARG_STRING_ARRAY, &sets, N_("Give FIELD this value in rows where no column gives it"), N_("FIELD=VALUE") },
    { "unit", 0, 0, G_OPTION_ARG_STRING, &unit_text, N_("Amounts are in 万元 or 元 (default: the sheet’s 单位 line, else 元)"), N_("UNIT") },
    { "skip-bad", 0, 0, G_OPTION_ARG_NONE, &skip_bad, N_("Leave out rows with problems instead of refusing"), NULL },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run, N_("Only show what would be imported"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the preview as JSON"), NULL },
    { NULL }
  };
  g_autoptr(YsDocument) doc = NULL;
  g_autoptr(YsSheetImport) im = NULL;
  g_autoptr(GHashTable) defaults = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *book = NULL;
  YsSheetImportOptions options = { YS_SHEET_UNIT_NONE, defaults };
  YsSheetImportCounts counts;
  const YsKind *kind;
  GError *error = NULL;
  guint inserted = 0, left_out = 0;
  gboolean refused;

  if (!ys_cli_parse (&argc, &argv, _("FILE.yusuan BOOK"),
                     _("Read a sheet of records from an xlsx, xls or CSV workbook into a budget file.\n"
                       "The header is found below title lines; 合计, 小计, 其中 and 类/款 rows are skipped.\n"
                       "Nothing is written while a row has a problem, unless --skip-bad leaves such rows out."),
                     entries, 2))
    return 2;
  kind = find_kind (kind_name ? kind_name : "lines");
  if (kind == NULL)
    {
      g_printerr (_("yusuan-cli: “%s” is not a kind of record a sheet can hold: use lines, income, projects, indicators, procurement, prior_year or controls\n"),
                  kind_name);
      return 2;
    }
  if (!parse_unit (unit_text, &options.unit))
    {
      g_printerr (_("yusuan-cli: the unit “%s” must be 万元 or 元\n"), unit_text);
      return 2;
    }
  for (guint i = 0; sets && sets[i]; i++)
    {
      char *field, *value;
      if (!split_pair (sets[i], &field, &value) || ys_kind_find_field (kind, field) < 0)
        {
          g_printerr (_("yusuan-cli: --set “%s” must be FIELD=VALUE with a field of a %s\n"), sets[i], _(kind->label));
          return 2;
        }
      g_hash_table_insert (defaults, field, value);
    }

  doc = ys_cli_open (argv[1]);
  if (doc == NULL)
    return 1;
  book = g_path_get_basename (argv[2]);
  im = open_sheet (doc, kind, argv[2], sheet_name, &options, &error);
  if (im == NULL)
    return ys_cli_fail (error);
  for (guint i = 0; maps && maps[i]; i++)
    {
      g_autofree char *title = NULL, *field = NULL;
      if (!split_pair (maps[i], &title, &field))
        {
          g_printerr (_("yusuan-cli: --map “%s” must be TITLE=FIELD\n"), maps[i]);
          return 2;
        }
      if (!ys_sheet_import_map_title (im, title, field, &error))
        return ys_cli_fail (error);
    }
  if (!ys_sheet_import_read (im, NULL, NULL, NULL, &error))
    return ys_cli_fail (error);

  ys_sheet_import_get_counts (im, &counts);
  refused = counts.problems > 0 && !skip_bad;
  if (!json)
    {
      print_mapping (im, book);
      /* Rows --skip-bad leaves out are listed too: nobody should lose them unseen. */
      print_problems (im, book, stderr);
    }
  if (skip_bad)
    left_out = ys_sheet_import_exclude_problems (im);
  if (!refused && !dry_run)
    {
      if (!ys_sheet_import_commit (im, NULL, NULL, NULL, &inserted, &error))
        return ys_cli_fail (error);
    }
  if (json)
    print_json (im, book, !refused && !dry_run, inserted);
  else
    {
      printf (_("%u rows of records, %u subtotal or total rows skipped, %u blank or note rows, %u rows with problems\n"),
              counts.data + counts.problems, counts.subtotals, counts.blank + counts.notes, counts.problems);
      if (left_out)
        printf (_("%u rows with problems left out\n"), left_out);
      if (dry_run)
        printf ("%s\n", _("Nothing written (--dry-run)."));
      else if (!refused)
        printf (_("%u rows imported.\n"), inserted);
    }
  if (refused)
    {
      g_printerr (_("yusuan-cli: %u rows have problems; nothing was imported (fix them, or use --skip-bad to leave them out)\n"),
                  counts.problems);
      return 1;
    }
  return 0;
}
