/* yusuan-cli explain: the 情况说明 as the region prints it, with what is
 * missing marked, for reviewers and the golden tests. */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "ys-cli.h"
#include "ys-explain.h"
#include "ys-report.h"

static void
print_sections (GPtrArray *sections)
{
  for (guint i = 0; i < sections->len; i++)
    {
      YsExplainSection *s = g_ptr_array_index (sections, i);

      printf ("%s\n", s->title);
      for (guint j = 0; j < s->paragraphs->len; j++)
        printf ("%s\n", (char *) g_ptr_array_index (s->paragraphs, j));
      for (guint j = 0; j < s->missing->len; j++)
        /* TRANSLATORS: a fact the 情况说明 needs and the budget lacks */
        printf (_("[missing: %s]\n"), (char *) g_ptr_array_index (s->missing, j));
      printf ("\n");
    }
}

int
ys_cli_explain (int argc, char **argv)
{
  gboolean json = FALSE;
  g_autofree char *layout_name = NULL;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { "layout", 0, 0, G_OPTION_ARG_STRING, &layout_name,
      N_("Layout: anhui, hebei, shanxi, national or a .json file (default: the document’s region)"), N_("LAYOUT") },
    { NULL }
  };
  g_autoptr(YsDocument) doc = NULL;
  g_autoptr(YsLayout) layout = NULL;
  g_autoptr(GPtrArray) tables = NULL, sections = NULL, glossary = NULL;
  g_autofree char *structure = NULL;
  GError *error = NULL;

  if (!ys_cli_parse (&argc, &argv, _("FILE.yusuan"),
                     _("Print the 情况说明 of a budget: each table explained in sentences, written from its figures,\n"
                       "then the 名词解释. Facts the text needs and the budget lacks are marked."), entries, 1))
    return 2;
  doc = ys_cli_open (argv[1]);
  if (doc == NULL)
    return 1;
  layout = layout_name ? ys_layout_load (layout_name, &error) : ys_report_layout_for_document (doc, &error);
  if (layout == NULL)
    return ys_cli_fail (error);
  tables = ys_report_build (doc, layout, NULL, &error);
  if (tables == NULL)
    return ys_cli_fail (error);
  sections = ys_explain_build (doc, layout, tables, &error);
  if (sections == NULL)
    return ys_cli_fail (error);
  glossary = ys_explain_glossary (doc, layout, &error);
  if (glossary == NULL)
    return ys_cli_fail (error);
  structure = ys_explain_structure (doc);

  if (json)
    {
      g_autofree char *text = ys_explain_to_json (sections, glossary, structure);
      fputs (text, stdout);
      fputc ('\n', stdout);
      return 0;
    }
  printf ("%s\n\n", structure);
  print_sections (sections);
  print_sections (glossary);
  return 0;
}
