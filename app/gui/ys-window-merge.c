/* 文件 › 汇总单位预算 and 文件 › 分发单位预算: the department receives the
 * budget files of its units, after a summary of what each one adds,
 * replaces or is refused for, and hands a unit's budget out as a file. */
#define G_LOG_DOMAIN "yusuan"

#include "config.h"

#include <glib/gi18n.h>

#include "ys-merge.h"
#include "ys-window-private.h"

/* ---- receiving ---- */

static char *
describe_item (YsMergeItem *it)
{
  GString *out = g_string_new (NULL);

  switch (it->action)
    {
    case YS_MERGE_ADD:
      g_string_append_printf (out, _("Add %s %s (%u records)"), it->unit_code, it->unit_name, it->n_records);
      break;
    case YS_MERGE_REPLACE:
      g_string_append_printf (out, _("Replace %s %s (%u records in place of %u)"), it->unit_code, it->unit_name,
                              it->n_records, it->n_replaced);
      break;
    case YS_MERGE_UNCHANGED:
      g_string_append_printf (out, _("Unchanged %s %s (received before from the same file)"),
                              it->unit_code, it->unit_name);
      break;
    case YS_MERGE_REFUSED:
    default:
      g_string_append_printf (out, _("Refused: %s"), it->reason);
      break;
    }
  if (it->action != YS_MERGE_REFUSED)
    {
      g_autofree char *base = g_path_get_basename (it->path);
      g_string_append_printf (out, "\n    %s", base);
    }
  for (guint i = 0; i < it->notes->len; i++)
    g_string_append_printf (out, "\n    %s", (char *) g_ptr_array_index (it->notes, i));
  return g_string_free (out, FALSE);
}

static void
on_receive_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        YsWindow         *self)
{
  YsMergePlan *plan = g_object_get_data (G_OBJECT (dialog), "plan");
  g_autoptr(GError) error = NULL;
  g_autofree char *done = NULL;
  guint n;

  if (g_strcmp0 (response, "receive") != 0 || self->document == NULL)
    return;
  n = ys_merge_plan_count (plan, YS_MERGE_ADD) + ys_merge_plan_count (plan, YS_MERGE_REPLACE);
  if (!ys_merge_apply (self->document, plan, &error))
    {
      ys_window_show_error (self, _("The unit budgets were not received"), error->message);
      return;
    }
  done = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Received %u unit budget", "Received %u unit budgets", n), n);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (done));
}

static GtkWidget *
details_view (const char *text)
{
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), label);
  return scrolled;
}

static void
show_plan (YsWindow *self, YsMergePlan *plan)
{
  guint add = ys_merge_plan_count (plan, YS_MERGE_ADD), replace = ys_merge_plan_count (plan, YS_MERGE_REPLACE);
  guint same = ys_merge_plan_count (plan, YS_MERGE_UNCHANGED), refused = ys_merge_plan_count (plan, YS_MERGE_REFUSED);
  g_autoptr(GString) details = g_string_new (NULL);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  for (guint i = 0; i < plan->items->len; i++)
    {
      g_autofree char *line = describe_item (g_ptr_array_index (plan->items, i));
      g_string_append_printf (details, "%s%s", details->len ? "\n\n" : "", line);
    }
  body = g_strdup_printf (_("%u units to add, %u to replace, %u unchanged, %u refused. "
                            "Refused files are not received; receiving is one step to undo."),
                          add, replace, same, refused);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Receive Unit Budgets"), body);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), details_view (details->str));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "receive", _("_Receive"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "receive", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "receive", add + replace > 0);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), add + replace > 0 ? "receive" : "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "plan", plan, (GDestroyNotify) ys_merge_plan_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_receive_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_receive_chosen_cb (YsWindow             *self,
                      int                   response,
                      GtkFileChooserNative *chooser)
{
  g_autoptr(GListModel) files = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  YsMergePlan *plan;

  if (response == GTK_RESPONSE_ACCEPT && self->document != NULL)
    files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (files == NULL)
    return;
  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);
      char *path = g_file_get_path (file);
      if (path != NULL)
        g_ptr_array_add (paths, path);
    }
  if (paths->len == 0)
    return;
  g_ptr_array_add (paths, NULL);
  plan = ys_merge_plan (self->document, (const char *const *) paths->pdata, &error);
  if (plan == NULL)
    {
      ys_window_show_error (self, _("The unit budgets were not received"), error->message);
      return;
    }
  show_plan (self, plan);
}

static void
set_folder_of_document (YsWindow *self, GtkFileChooser *chooser)
{
  g_autoptr(GFile) folder = self->file ? g_file_get_parent (self->file) : NULL;

  if (folder != NULL)
    gtk_file_chooser_set_current_folder (chooser, folder, NULL);
}

static void
receive_activated (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  YsWindow *self = user_data;
  g_autoptr(GtkFileFilter) filter = ys_window_budget_filter ();

  if (self->chooser != NULL || self->document == NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Receive Unit Budgets"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Choose"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  set_folder_of_document (self, GTK_FILE_CHOOSER (self->chooser));
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_receive_chosen_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* ---- handing out ---- */

static void
on_hand_out_chosen_cb (YsWindow             *self,
                       int                   response,
                       GtkFileChooserNative *chooser)
{
  g_autofree char *code = g_strdup (g_object_get_data (G_OBJECT (chooser), "unit-code"));
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT && self->document != NULL)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  path = file ? g_file_get_path (file) : NULL;
  if (path == NULL)
    return;
  /* The chooser asked before replacing a file. */
  if (!ys_merge_split (self->document, code, path, TRUE, &error))
    {
      ys_window_show_error (self, _("The unit budget was not written"), error->message);
      return;
    }
  {
    g_autofree char *base = g_path_get_basename (path);
    g_autofree char *done = g_strdup_printf (_("Wrote “%s”"), base);
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (done));
  }
}

static void
choose_hand_out_file (YsWindow *self, YsRecord *unit)
{
  const char *code = ys_record_get_text (unit, YS_UNIT_CODE);
  g_autofree char *name = g_strdup_printf ("%s %s %d.yusuan", code, ys_record_get_text (unit, YS_UNIT_NAME),
                                           ys_document_get_year (self->document));
  g_autoptr(GtkFileFilter) filter = ys_window_budget_filter ();

  if (self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Hand Out Unit Budget"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Save"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  set_folder_of_document (self, GTK_FILE_CHOOSER (self->chooser));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_object_set_data_full (G_OBJECT (self->chooser), "unit-code", g_strdup (code), g_free);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_hand_out_chosen_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_unit_chosen_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   YsWindow         *self)
{
  GtkDropDown *units = g_object_get_data (G_OBJECT (dialog), "units");
  guint position = gtk_drop_down_get_selected (units);

  if (g_strcmp0 (response, "choose") != 0 || self->document == NULL
      || position >= ys_document_count (self->document, &ys_unit_kind))
    return;
  choose_hand_out_file (self, ys_document_get (self->document, &ys_unit_kind, position));
}

static void
hand_out_activated (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  YsWindow *self = user_data;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint n;
  GtkWidget *dialog, *units;

  if (self->document == NULL)
    return;
  n = ys_document_count (self->document, &ys_unit_kind);
  if (n == 0)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("The budget has no unit to hand out")));
      return;
    }
  for (guint i = 0; i < n; i++)
    {
      YsRecord *unit = ys_document_get (self->document, &ys_unit_kind, i);
      g_autofree char *text = g_strdup_printf ("%s %s", ys_record_get_text (unit, YS_UNIT_CODE),
                                               ys_record_get_text (unit, YS_UNIT_NAME));
      gtk_string_list_append (names, text);
    }
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Hand Out Unit Budget"),
                                   _("The unit’s budget is written as a file of its own, with the department’s "
                                     "settings, catalogs and control figures, for the unit to fill in and send back."));
  units = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (units), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Unit"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), units);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "choose", _("_Choose File…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "choose", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "choose");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "units", units);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_unit_chosen_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static const GActionEntry merge_actions[] = {
  { .name = "receive-units", .activate = receive_activated },
  { .name = "hand-out-unit", .activate = hand_out_activated },
};

void
ys_window_merge_update_actions (YsWindow *self)
{
  gboolean open = self->document != NULL;
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "receive-units");

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), open && !ys_document_is_read_only (self->document));
  action = g_action_map_lookup_action (G_ACTION_MAP (self), "hand-out-unit");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), open);
}

void
ys_window_merge_install_actions (YsWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), merge_actions, G_N_ELEMENTS (merge_actions), self);
}
