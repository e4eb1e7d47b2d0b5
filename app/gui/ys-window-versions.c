/* The window's actions for versions: win.keep-version asks for a name and
 * keeps the budget as it is now under it (ys_snapshot_take); win.versions
 * shows the 版本 page, where versions are listed and compared. */
#define G_LOG_DOMAIN "yusuan"

#include "config.h"

#include <glib/gi18n.h>

#include "ys-snapshot.h"
#include "ys-versions-page.h"
#include "ys-window-private.h"

static YsVersionsPage *
versions_page (YsWindow *self)
{
  GtkWidget *page = gtk_stack_get_child_by_name (self->page_stack, "versions");
  return page != NULL ? YS_VERSIONS_PAGE (page) : NULL;
}

static void
on_name_changed_cb (AdwMessageDialog *dialog,
                    GtkEditable      *entry)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "keep", name[0] != '\0');
}

/* Enter in the name keeps the version, as the dialog's default response. */
static void
on_name_activate_cb (AdwMessageDialog *dialog,
                     GtkEntry         *entry)
{
  if (!adw_message_dialog_get_response_enabled (dialog, "keep"))
    return;
  adw_message_dialog_response (dialog, "keep");
  gtk_window_close (GTK_WINDOW (dialog));
}

static void
on_keep_response_cb (YsWindow         *self,
                     const char       *response,
                     AdwMessageDialog *dialog)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "name-entry");
  g_autoptr(YsStoreSnapshot) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *done = NULL;

  if (g_strcmp0 (response, "keep") != 0 || self->document == NULL)
    return;
  info = ys_snapshot_take (self->document, gtk_editable_get_text (entry), &error);
  if (info == NULL)
    {
      ys_window_show_error (self, _("The version was not kept"), error->message);
      return;
    }
  if (versions_page (self) != NULL)
    ys_versions_page_refresh (versions_page (self));
  done = g_strdup_printf (_("Kept the version “%s”"), info->name);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (done));
}

static void
keep_version_activated (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  YsWindow *self = user_data;
  GtkWidget *dialog, *entry;

  if (self->document == NULL)
    return;
  if (ys_document_is_read_only (self->document))
    {
      ys_window_show_error (self, _("The version was not kept"),
                            _("This budget file cannot be written: a version is kept inside it."));
      return;
    }
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Keep a Version"),
                                   _("The budget as it is now is kept inside the file under this name, read-only. "
                                     "Editing goes on in the budget; the version can be compared with it later."));
  entry = gtk_entry_new ();
  /* The names the season gives its steps, the same in any interface language. */
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), "一上、二上、调整一 …");
  gtk_entry_set_max_length (GTK_ENTRY (entry), 40);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Version name"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "keep", _("_Keep"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "keep", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "keep", FALSE);
  g_object_set_data (G_OBJECT (dialog), "name-entry", entry);
  g_signal_connect_swapped (entry, "changed", G_CALLBACK (on_name_changed_cb), dialog);
  g_signal_connect_swapped (entry, "activate", G_CALLBACK (on_name_activate_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_keep_response_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
versions_activated (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  YsWindow *self = user_data;

  if (self->document != NULL)
    ys_window_select_page (self, "versions");
}

static const GActionEntry versions_actions[] = {
  { .name = "keep-version", .activate = keep_version_activated },
  { .name = "versions", .activate = versions_activated },
};

void
ys_window_versions_install_actions (YsWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), versions_actions,
                                   G_N_ELEMENTS (versions_actions), self);
}
