/* yusuan-cli publish: the whole published document (概况, the tables,
 * 情况说明, 名词解释) as docx or PDF, refused while 错误 findings remain.
 * Built as a module with the publishing layer (cairo, pango), which the
 * command line loads only for this command (ys-cli-module.c). */
#include "config.h"

#include <glib/gi18n.h>
#include <gmodule.h>

#include "ys-cli.h"
#include "ys-i18n.h"
#include "ys-publication.h"

G_MODULE_EXPORT int
ys_cli_publish_run (int argc, char **argv)
{
  g_autofree char *output = NULL, *layout_name = NULL;
  gboolean allow_errors = FALSE, no_charts = FALSE;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The document to write: a .docx or .pdf file"), N_("OUT.docx|OUT.pdf") },
    { "layout", 0, 0, G_OPTION_ARG_STRING, &layout_name,
      N_("Layout: anhui, hebei, shanxi, national or a .json file (default: the document’s region)"), N_("LAYOUT") },
    { "allow-errors", 0, 0, G_OPTION_ARG_NONE, &allow_errors,
      N_("Write the document even though 错误 findings remain"), NULL },
    { "no-charts", 0, 0, G_OPTION_ARG_NONE, &no_charts, N_("Leave the charts out"), NULL },
    { NULL }
  };
  g_autoptr(YsDocument) doc = NULL;
  g_autoptr(YsLayout) layout = NULL;
  g_autoptr(YsValidator) validator = NULL;
  g_autoptr(YsPublication) pub = NULL;
  YsPublishOptions options = { .charts = TRUE };
  GError *error = NULL;

  if (!ys_cli_parse (&argc, &argv, _("FILE.yusuan"),
                     _("Write the budget as the document a department publishes: cover, contents, 概况,\n"
                       "the official tables, 情况说明 and 名词解释, as .docx or .pdf. The file is replaced\n"
                       "only once it is complete. Refused while 错误 findings remain, unless --allow-errors."),
                     entries, 1))
    return 2;
  if (output == NULL)
    {
      g_printerr ("%s\n", _("yusuan-cli: say where to write the document with -o OUT.docx or -o OUT.pdf"));
      return 2;
    }
  if (!g_str_has_suffix (output, ".docx") && !g_str_has_suffix (output, ".pdf")
      && !g_str_has_suffix (output, ".DOCX") && !g_str_has_suffix (output, ".PDF"))
    {
      g_printerr ("yusuan-cli: ");
      g_printerr (_("“%s”: the document is written as .docx or .pdf; give a name ending in one of them"), output);
      g_printerr ("\n");
      return 2;
    }
  doc = ys_cli_open (argv[1]);
  if (doc == NULL)
    return 1;
  /* The document is published in Chinese, the findings listed in it too. */
  ys_i18n_set_chinese (TRUE);
  validator = ys_validator_new (doc);
  if (!ys_cli_refuse_errors (validator, allow_errors, output))
    return 1;
  layout = ys_cli_load_layout (doc, layout_name);
  if (layout == NULL)
    return 1;
  options.charts = !no_charts;
  pub = ys_publication_build (doc, layout, &options, &error);
  if (pub == NULL || !ys_publication_write (pub, output, &error))
    return ys_cli_fail (error);
  return 0;
}
