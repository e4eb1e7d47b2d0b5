#include "config.h"

#include <glib/gi18n.h>

#include "ys-backup.h"
#include "ys-cli.h"
#include "ys-document-scan.h"
#include "ys-store.h"
#include "ys-report.h"

gboolean
ys_cli_parse (int *argc, char ***argv, const char *parameters, const char *summary,
              GOptionEntry *entries, int n_args)
{
  g_autoptr(GOptionContext) context = g_option_context_new (parameters);
  g_autoptr(GError) error = NULL;

  g_option_context_set_summary (context, summary);
  if (entries)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_printerr ("yusuan-cli: %s\n", error->message);
      return FALSE;
    }
  /* A negative count is a least number (a list of files). */
  if (n_args >= 0 ? *argc - 1 != n_args : *argc - 1 < -n_args)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);
      g_printerr (_("Wrong number of arguments.\n\n%s"), help);
      return FALSE;
    }
  return TRUE;
}

int
ys_cli_fail (GError *error)
{
  g_printerr ("yusuan-cli: %s\n", error ? error->message : _("failed"));
  g_clear_error (&error);
  return 1;
}

YsDocument *
ys_cli_open (const char *path)
{
  return ys_cli_open_streaming (path, NULL);
}

YsDocument *
ys_cli_open_streaming (const char *path, const YsKind *streamed)
{
  GError *error = NULL;
  YsDocument *doc = ys_document_open_streaming (path, streamed, &error);

  if (doc == NULL && g_error_matches (error, YS_STORE_ERROR, YS_STORE_ERROR_DAMAGED))
    {
      g_autofree char *advice = ys_backup_advice (path);
      g_printerr ("yusuan-cli: %s\n%s\n", error->message, advice);
      g_clear_error (&error);
    }
  else if (doc == NULL)
    ys_cli_fail (error);
  else if (ys_document_is_read_only (doc))
    g_printerr (_("yusuan-cli: “%s” cannot be written; it was opened read-only\n"), path);
  return doc;
}

#if defined(__SANITIZE_ADDRESS__)
#define FREE_AT_EXIT 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define FREE_AT_EXIT 1
#endif
#endif
#ifndef FREE_AT_EXIT
#define FREE_AT_EXIT 0
#endif

void
ys_cli_close_at_exit (YsDocument *doc)
{
  /* Held here, the records stay reachable: a leak check does not count them. */
  static YsDocument *kept;

  if (doc == NULL)
    return;
  if (FREE_AT_EXIT || g_strcmp0 (g_getenv ("YUSUAN_FREE_AT_EXIT"), "1") == 0)
    {
      g_object_unref (doc);
      return;
    }
  ys_document_close (doc);
  g_clear_object (&kept);
  kept = doc;
}

YsLayout *
ys_cli_load_layout (YsDocument *doc, const char *name)
{
  GError *error = NULL;
  YsLayout *layout = name ? ys_layout_load (name, &error) : ys_report_layout_for_document (doc, &error);

  if (layout == NULL)
    ys_cli_fail (error);
  return layout;
}

gboolean
ys_cli_refuse_errors (YsValidator *validator, gboolean allow_errors, const char *output)
{
  GListModel *model = G_LIST_MODEL (validator);
  guint errors = ys_validator_count (validator, YS_FINDING_ERROR);

  if (errors == 0)
    return TRUE;
  g_printerr (g_dngettext (GETTEXT_PACKAGE, "yusuan-cli: %u error finding remains:\n",
                           "yusuan-cli: %u error findings remain:\n", errors), errors);
  for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
    {
      g_autoptr(YsFinding) f = g_list_model_get_item (model, i);
      g_autofree char *location = NULL;

      if (ys_finding_get_level (f) != YS_FINDING_ERROR)
        continue;
      location = ys_finding_describe_location (f);
      g_printerr ("  %s %s — %s\n", ys_finding_get_rule_id (f), ys_finding_get_title (f), location);
    }
  if (allow_errors)
    {
      g_printerr ("%s\n", _("yusuan-cli: written anyway, as --allow-errors asks"));
      return TRUE;
    }
  g_printerr (_("yusuan-cli: %s is not written: correct the errors first, or give --allow-errors to write it anyway\n"),
              output);
  return FALSE;
}
