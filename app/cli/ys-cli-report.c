/* yusuan-cli tables / export: the official tables, as JSON or text and as an
 * xlsx workbook, in the document's layout or the one asked for. */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "ys-cli.h"
#include "ys-i18n.h"
#include "ys-review-sheet.h"
#include "ys-validator.h"
#include "ys-report.h"
#include "ys-xlsx-export.h"

static void
print_table_text (YsReportTable *t)
{
  printf ("%s\n", t->title);
  if (t->subtitle)
    printf ("%s\n", t->subtitle);
  for (guint i = 0; i < t->captions->len; i++)
    {
      YsCaption *c = g_ptr_array_index (t->captions, i);
      printf ("%s%s%s%s%s\n", c->left ? c->left : "", c->center ? "    " : "", c->center ? c->center : "",
              c->right ? "    " : "", c->right ? c->right : "");
    }
  for (guint r = 0; r < t->header->len + t->rows->len; r++)
    {
      YsReportRow *row = r < t->header->len ? g_ptr_array_index (t->header, r)
                                            : g_ptr_array_index (t->rows, r - t->header->len);
      for (guint c = 0; c < row->n_cells; c++)
        {
          YsReportCell *cell = &row->cells[c];
          g_autofree char *text = NULL;

          if (cell->type == YS_REPORT_CELL_MONEY && (cell->value != 0 || (cell->flags & YS_CELL_SHOW_ZERO)))
            text = ys_money_format (cell->value, t->unit, TRUE);
          else if (cell->type == YS_REPORT_CELL_NUMBER && (cell->value != 0 || (cell->flags & YS_CELL_SHOW_ZERO)))
            text = g_strdup_printf ("%" G_GINT64_FORMAT, cell->value);
          else if (cell->type == YS_REPORT_CELL_TEXT)
            text = g_strdup (cell->text);
          printf ("%s%s", c ? "\t" : "", text ? text : "");
        }
      printf ("\n");
    }
  for (guint i = 0; i < t->notes->len; i++)
    printf ("%s\n", (char *) g_ptr_array_index (t->notes, i));
  printf ("\n");
}

int
ys_cli_tables (int argc, char **argv)
{
  gboolean json = FALSE;
  g_autofree char *unit = NULL, *layout_name = NULL;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON, amounts in 分"), NULL },
    { "unit", 0, 0, G_OPTION_ARG_STRING, &unit, N_("Only this unit"), N_("CODE") },
    { "layout", 0, 0, G_OPTION_ARG_STRING, &layout_name,
      N_("Layout: anhui, hebei, shanxi, national or a .json file (default: the document’s region)"), N_("LAYOUT") },
    { NULL }
  };
  g_autoptr(YsDocument) doc = NULL;
  g_autoptr(YsLayout) layout = NULL;
  g_autoptr(GPtrArray) tables = NULL;
  GError *error = NULL;

  if (!ys_cli_parse (&argc, &argv, _("FILE.yusuan"),
                     _("Print every official table of a budget, computed from its records."), entries, 1))
    return 2;
  doc = ys_cli_open (argv[1]);
  if (doc == NULL)
    return 1;
  layout = ys_cli_load_layout (doc, layout_name);
  if (layout == NULL)
    return 1;
  tables = ys_report_build (doc, layout, unit, &error);
  if (tables == NULL)
    return ys_cli_fail (error);

  if (json)
    {
      g_autofree char *text = ys_report_tables_to_json (doc, layout, unit, tables);
      fputs (text, stdout);
      fputc ('\n', stdout);
      return 0;
    }
  for (guint i = 0; i < tables->len; i++)
    print_table_text (g_ptr_array_index (tables, i));
  return 0;
}

int
ys_cli_export (int argc, char **argv)
{
  g_autofree char *unit = NULL, *layout_name = NULL, *output = NULL;
  gboolean review_only = FALSE, no_review = FALSE, with_review = FALSE, allow_errors = FALSE;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The workbook to write"), N_("OUT.xlsx") },
    { "review-only", 0, 0, G_OPTION_ARG_NONE, &review_only, N_("Write only the 审核结果 sheet (the validation findings)"), NULL },
    { "with-review", 0, 0, G_OPTION_ARG_NONE, &with_review,
      N_("Add the 审核结果 sheet (for the reviewer; not for publication)"), NULL },
    { "no-review", 0, 0, G_OPTION_ARG_NONE, &no_review,
      N_("Write the tables without checking them first (for a budget already checked with validate)"), NULL },
    { "allow-errors", 0, 0, G_OPTION_ARG_NONE, &allow_errors,
      N_("Write the tables even though 错误 findings remain"), NULL },
    { "unit", 0, 0, G_OPTION_ARG_STRING, &unit, N_("Only this unit"), N_("CODE") },
    { "layout", 0, 0, G_OPTION_ARG_STRING, &layout_name,
      N_("Layout: anhui, hebei, shanxi, national or a .json file (default: the document’s region)"), N_("LAYOUT") },
    { NULL }
  };
  g_autoptr(YsDocument) doc = NULL;
  g_autoptr(YsLayout) layout = NULL;
  g_autoptr(YsValidator) validator = NULL;
  GError *error = NULL;

  if (!ys_cli_parse (&argc, &argv, _("FILE.yusuan"),
                     _("Write the official tables of a budget into an xlsx workbook, one sheet per table.\n"
                       "The workbook is replaced only once it is complete. It is meant for publication: it\n"
                       "has no 审核结果 sheet unless --with-review is given, and it is refused while 错误\n"
                       "findings remain unless --allow-errors is given."), entries, 1))
    return 2;
  if (output == NULL)
    {
      g_printerr ("%s\n", _("yusuan-cli: say where to write the workbook with -o OUT.xlsx"));
      return 2;
    }
  if (no_review && (review_only || with_review))
    {
      g_printerr ("%s\n", _("yusuan-cli: --no-review cannot be given with --review-only or --with-review"));
      return 2;
    }
  /* Without the check the tables need the line items only added up: they
   * are read from the file row by row (checksums verified) instead of each
   * becoming a record, which a budget of a million lines notices. */
  doc = no_review ? ys_cli_open_streaming (argv[1], &ys_line_kind) : ys_cli_open (argv[1]);
  if (doc == NULL)
    return 1;
  /* The workbook is filed in Chinese, its findings too. */
  ys_i18n_set_chinese (TRUE);
  /* Checking a large budget costs as much as building its tables: it is
   * done only when its result is used. */
  if (!no_review)
    validator = ys_validator_new (doc);
  if (review_only)
    {
      if (!ys_review_sheet_export (validator, output, &error))
        return ys_cli_fail (error);
      return 0;
    }
  /* The review workbook may list errors; a workbook for publication may not. */
  if (validator && !ys_cli_refuse_errors (validator, allow_errors, output))
    return 1;
  layout = ys_cli_load_layout (doc, layout_name);
  if (layout == NULL)
    return 1;
  /* Asked for, the findings travel with the tables. */
  if (!ys_review_export_tables (doc, layout, unit, with_review ? validator : NULL,
                                output, NULL, NULL, &error))
    return ys_cli_fail (error);
  return 0;
}
