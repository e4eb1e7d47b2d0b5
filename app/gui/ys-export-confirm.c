/* The question asked before a publication is written while 错误 findings
 * remain, as yusuan-cli refuses without --allow-errors: the window lets the
 * accountant go on, but only after seeing what is wrong. */
#define G_LOG_DOMAIN "yusuan"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ys-export-confirm.h"

/* More would not fit the dialog; the Review page lists them all. */
#define MAX_LISTED 8

typedef struct
{
  YsExportConfirmed  confirmed;
  GObject           *object;
} Pending;

static void
pending_free (Pending *pending)
{
  g_clear_object (&pending->object);
  g_free (pending);
}

static void
on_response_cb (AdwMessageDialog *dialog,
                const char       *response,
                Pending          *pending)
{
  if (g_str_equal (response, "export"))
    pending->confirmed (pending->object);
}

static char *
list_errors (YsValidator *validator,
             guint        errors)
{
  GListModel *model = G_LIST_MODEL (validator);
  GString *list = g_string_new (NULL);
  guint listed = 0;

  for (guint i = 0, n = g_list_model_get_n_items (model); i < n && listed < MAX_LISTED; i++)
    {
      g_autoptr(YsFinding) finding = g_list_model_get_item (model, i);
      g_autofree char *location = NULL;

      if (ys_finding_get_level (finding) != YS_FINDING_ERROR)
        continue;
      location = ys_finding_describe_location (finding);
      g_string_append_printf (list, "%s• %s %s — %s", listed ? "\n" : "",
                              ys_finding_get_rule_id (finding), ys_finding_get_title (finding), location);
      listed++;
    }
  if (errors > listed)
    {
      g_string_append_c (list, '\n');
      g_string_append_printf (list, g_dngettext (GETTEXT_PACKAGE, "… and %u more, listed on the Review page",
                                                 "… and %u more, listed on the Review page", errors - listed),
                              errors - listed);
    }
  return g_string_free (list, FALSE);
}

void
ys_export_confirm_errors (GtkWidget         *widget,
                          YsValidator       *validator,
                          const char        *what,
                          YsExportConfirmed  confirmed,
                          GObject           *object)
{
  guint errors = validator ? ys_validator_count (validator, YS_FINDING_ERROR) : 0;
  g_autofree char *heading = NULL, *body = NULL, *list = NULL;
  GtkWidget *dialog, *label, *scroller;
  Pending *pending;

  if (errors == 0)
    {
      confirmed (object);
      return;
    }

  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Error Finding Remains", "%u Error Findings Remain", errors),
                             errors);
  /* Translators: %s is what would be written, e.g. "the tables workbook" */
  body = g_strdup_printf (_("%s is meant for publication, and the budget still has errors. Correct them first, or export anyway."),
                          what);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), heading, body);
  list = list_errors (validator, errors);
  label = gtk_label_new (list);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Error findings"), -1);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 240);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), label);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scroller);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "export", _("Export _Anyway"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "export", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  pending = g_new0 (Pending, 1);
  pending->confirmed = confirmed;
  pending->object = g_object_ref (object);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_response_cb), pending,
                         (GClosureNotify) (void (*) (void)) pending_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
