/* The window's actions (win.new, win.open, win.close, win.undo, win.redo)
 * and the file choosers and dialogs they open. */
#define G_LOG_DOMAIN "yusuan"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "ys-new-budget-dialog.h"
#include "ys-window-private.h"

static void
on_chooser_open_response_cb (YsWindow             *self,
                             int                   response,
                             GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      ys_application_open_file (YS_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))),
                                file, GTK_WINDOW (self));
    }
  g_clear_object (&self->chooser);
}

GtkFileFilter *
ys_window_budget_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Budget files"));
  gtk_file_filter_add_mime_type (filter, YS_MIME_TYPE);
  /* Until the MIME type is installed the extension is all there is. */
  gtk_file_filter_add_suffix (filter, "yusuan");
  return filter;
}

static void
open_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  YsWindow *self = user_data;
  g_autoptr(GtkFileFilter) filter = ys_window_budget_filter ();

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Open Budget"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Open"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect_object (self->chooser, "response",
                           G_CALLBACK (on_chooser_open_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static gboolean
make_room (YsWindow  *self,
           GFile     *file,
           GError   **error)
{
  static const char *const sidecars[] = { "-wal", "-shm", "-journal" };
  g_autoptr(GError) local_error = NULL;
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (!g_file_query_exists (file, NULL))
    return TRUE;

  for (GList *l = gtk_application_get_windows (app); l; l = l->next)
    if (YS_IS_WINDOW (l->data) && ys_window_is_showing (l->data, file))
      {
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_BUSY,
                             _("That budget is open in another window; choose another name."));
        return FALSE;
      }

  /* The accountant agreed to replace the file, but a whole budget is too
   * much to lose to a slip: it goes to the trash, not away. */
  if (!g_file_trash (file, NULL, &local_error))
    {
      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (!g_file_delete (file, NULL, error))
        return FALSE;
    }

  /* SQLite's journal files go with it: left behind, the new budget would
   * take them for its own. */
  for (guint i = 0; i < G_N_ELEMENTS (sidecars); i++)
    {
      g_autofree char *path = g_file_get_path (file);
      g_autofree char *side_path = g_strconcat (path, sidecars[i], NULL);
      g_autoptr(GFile) side = g_file_new_for_path (side_path);

      if (g_file_query_exists (side, NULL) && !g_file_trash (side, NULL, NULL))
        g_file_delete (side, NULL, NULL);
    }
  return TRUE;
}

static void
on_chooser_create_response_cb (YsWindow             *self,
                               int                   response,
                               GtkFileChooserNative *chooser)
{
  g_autoptr(GHashTable) meta = g_steal_pointer (&self->pending_meta);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(YsDocument) document = NULL;
  g_autofree char *path = NULL;
  YsWindow *target = self;
  gboolean replace_confirmed = TRUE;

  if (response != GTK_RESPONSE_ACCEPT)
    goto out;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  path = g_file_get_path (file);
  if (path != NULL && !g_str_has_suffix (path, ".yusuan"))
    {
      /* The chooser asked about replacing the name as typed, not this one:
       * an existing file of this name is left alone and reported. */
      replace_confirmed = FALSE;
      char *with_suffix = g_strconcat (path, ".yusuan", NULL);

      g_free (path);
      path = with_suffix;
      g_clear_object (&file);
      file = g_file_new_for_path (path);
    }

  if (path == NULL)
    g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                         _("Budgets can only be created on this computer or a mounted drive."));
  else if (!replace_confirmed || make_room (self, file, &error))
    document = ys_document_create (path, meta, &error);

  if (document == NULL)
    {
      ys_window_show_error (self, _("Could not create the budget"), error->message);
      goto out;
    }

  if (!ys_window_is_empty (self))
    target = ys_window_new (YS_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
  ys_window_set_document (target, document);
  ys_window_add_to_recent (target);
  gtk_window_present (GTK_WINDOW (target));

out:
  g_clear_object (&self->chooser);
}

static void
on_new_budget_dialog_confirmed_cb (YsWindow           *self,
                                   YsNewBudgetDialog  *dialog)
{
  g_autoptr(GHashTable) meta = ys_new_budget_dialog_get_meta (dialog);
  g_autoptr(GtkFileFilter) filter = ys_window_budget_filter ();
  g_autofree char *name = NULL;

  gtk_window_destroy (GTK_WINDOW (dialog));
  if (self->chooser != NULL)
    return;

  /* Translators: the suggested file name of a new budget, as the window title */
  name = g_strdup_printf (_("%1$s %2$d Budget"),
                          (const char *) g_hash_table_lookup (meta, "dept_name"),
                          atoi (g_hash_table_lookup (meta, "year")));
  g_strdelimit (name, "/\\:", '-');
  g_strstrip (name);

  self->chooser = gtk_file_chooser_native_new (_("Save New Budget"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("C_reate"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  {
    g_autofree char *file_name = g_strconcat (name, ".yusuan", NULL);
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), file_name);
  }
  /* Kept until the file name is chosen. */
  g_clear_pointer (&self->pending_meta, g_hash_table_unref);
  self->pending_meta = g_steal_pointer (&meta);
  g_signal_connect_object (self->chooser, "response",
                           G_CALLBACK (on_chooser_create_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
new_activated (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  YsWindow *self = user_data;
  YsNewBudgetDialog *dialog = ys_new_budget_dialog_new (GTK_WINDOW (self), ys_window_get_settings (self));

  g_signal_connect_object (dialog, "confirmed",
                           G_CALLBACK (on_new_budget_dialog_confirmed_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
close_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  gtk_window_close (GTK_WINDOW (user_data));
}

static void
undo_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  YsWindow *self = user_data;
  g_autoptr(GError) error = NULL;

  if (self->document != NULL && !ys_document_undo (self->document, &error))
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
}

static void
redo_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  YsWindow *self = user_data;
  g_autoptr(GError) error = NULL;

  if (self->document != NULL && !ys_document_redo (self->document, &error))
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
}

static const GActionEntry win_actions[] = {
  { .name = "new", .activate = new_activated },
  { .name = "open", .activate = open_activated },
  { .name = "close", .activate = close_activated },
  { .name = "undo", .activate = undo_activated },
  { .name = "redo", .activate = redo_activated },
};

void
ys_window_install_actions (YsWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), win_actions,
                                   G_N_ELEMENTS (win_actions), self);
  ys_window_merge_install_actions (self);
  ys_window_publish_install_actions (self);
  ys_window_versions_install_actions (self);
}
