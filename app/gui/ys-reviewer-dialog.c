/* Reviewer mode changes who speaks for the budget: decisions are stored
 * under the reviewer's name, and the unit's explanations are locked. So it
 * is entered through this question, with the name, never by a stray click. */
#define G_LOG_DOMAIN "yusuan"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ys-reviewer-dialog.h"

typedef struct
{
  GWeakRef             owner;
  GtkEditable         *entry;
  YsReviewerDialogDone done;
  gpointer             user_data;
} Ask;

static void
ask_free (Ask *ask)
{
  g_weak_ref_clear (&ask->owner);
  g_free (ask);
}

static char *
entered_name (Ask *ask)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (ask->entry)));
}

static void
on_entry_changed_cb (GtkEditable      *entry,
                     AdwMessageDialog *dialog)
{
  Ask *ask = g_object_get_data (G_OBJECT (dialog), "ask");
  g_autofree char *name = entered_name (ask);

  adw_message_dialog_set_response_enabled (dialog, "switch", *name != '\0');
}

static void
on_response_cb (AdwMessageDialog *dialog,
                const char       *response,
                gpointer          user_data)
{
  Ask *ask = g_object_get_data (G_OBJECT (dialog), "ask");
  g_autoptr(GObject) owner = g_weak_ref_get (&ask->owner);
  g_autofree char *name = entered_name (ask);

  if (owner == NULL)
    return;
  if (g_str_equal (response, "switch") && *name != '\0')
    ask->done (name, ask->user_data);
  else
    ask->done (NULL, ask->user_data);
}

void
ys_reviewer_dialog_ask (GtkWidget            *owner,
                        const char           *name,
                        YsReviewerDialogDone  done,
                        gpointer              user_data)
{
  GtkRoot *root = gtk_widget_get_root (owner);
  GtkWidget *dialog;
  GtkWidget *box, *label, *entry;
  Ask *ask;

  g_return_if_fail (GTK_IS_WIDGET (owner));
  g_return_if_fail (done != NULL);

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Switch to Reviewer Mode?"),
                                   _("As the reviewer you accept the unit’s explanations or return them. "
                                     "Each decision is stored with your name and the time, and the "
                                     "explanations cannot be changed in this mode."));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  label = gtk_label_new_with_mnemonic (_("Reviewer’s _Name"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  entry = gtk_entry_new ();
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), name ? name : "");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Your name, as it goes on the review report"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Reviewer’s Name"), -1);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), entry);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "switch", _("_Switch to Reviewer Mode"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "switch",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "switch");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  ask = g_new0 (Ask, 1);
  g_weak_ref_init (&ask->owner, owner);
  ask->entry = GTK_EDITABLE (entry);
  ask->done = done;
  ask->user_data = user_data;
  g_object_set_data_full (G_OBJECT (dialog), "ask", ask, (GDestroyNotify) ask_free);
  g_signal_connect (entry, "changed", G_CALLBACK (on_entry_changed_cb), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (on_response_cb), NULL);
  on_entry_changed_cb (GTK_EDITABLE (entry), ADW_MESSAGE_DIALOG (dialog));

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}
