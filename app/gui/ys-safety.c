#define G_LOG_DOMAIN "yusuan"

#include "config.h"

#include <glib/gi18n.h>

#include "ys-backup.h"
#include "ys-safety.h"
#include "ys-store.h"

#define BACKUP_INTERVAL_S (60 * 60)

struct _YsBackupTimer
{
  YsDocument *doc;
  guint       idle;
  guint       hourly;
};

static void
make_backup (YsBackupTimer *timer)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *made = ys_backup_make (timer->doc, TRUE, &error);

  /* A failed backup must not stop the work; it is said in the log. */
  if (error != NULL)
    g_warning ("%s", error->message);
  else if (made != NULL)
    g_debug ("backup %s", made);
}

static gboolean
first_backup_cb (gpointer data)
{
  YsBackupTimer *timer = data;

  timer->idle = 0;
  make_backup (timer);
  return G_SOURCE_REMOVE;
}

static gboolean
hourly_backup_cb (gpointer data)
{
  make_backup (data);
  return G_SOURCE_CONTINUE;
}

YsBackupTimer *
ys_backup_timer_new (YsDocument *doc)
{
  YsBackupTimer *timer = g_new0 (YsBackupTimer, 1);

  timer->doc = g_object_ref (doc);
  if (!ys_document_is_read_only (doc))
    {
      /* After the window has drawn the budget: copying a large one takes a
       * moment. Only a file written since its newest copy is copied. */
      timer->idle = g_timeout_add_seconds (2, first_backup_cb, timer);
      timer->hourly = g_timeout_add_seconds (BACKUP_INTERVAL_S, hourly_backup_cb, timer);
    }
  return timer;
}

void
ys_backup_timer_free (YsBackupTimer *timer)
{
  if (timer == NULL)
    return;
  g_clear_handle_id (&timer->idle, g_source_remove);
  g_clear_handle_id (&timer->hourly, g_source_remove);
  g_object_unref (timer->doc);
  g_free (timer);
}

GtkWidget *
ys_read_only_banner_new (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *title = gtk_label_new (_("Read-only"));
  GtkWidget *text = gtk_label_new (_("This budget file or its folder cannot be written, so it cannot be changed here. "
                                     "Its tables can still be viewed and exported."));

  gtk_widget_add_css_class (box, "toolbar");
  gtk_widget_add_css_class (box, "warning");
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), text);
  gtk_widget_set_visible (box, FALSE);
  return box;
}

typedef struct {
  GFile       *file;
  YsReopenFunc reopen;
  gpointer     user_data;
  GtkWindow   *parent;
} Restore;

static void
restore_free (gpointer data, GClosure *closure)
{
  Restore *r = data;

  g_object_unref (r->file);
  g_object_unref (r->parent);
  g_free (r);
}

static void
on_response_cb (AdwMessageDialog *dialog, const char *response, Restore *r)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (r->file);
  g_autofree char *aside = NULL;

  if (g_strcmp0 (response, "restore") != 0)
    return;
  if (!ys_backup_restore (path, NULL, NULL, NULL, &aside, &error))
    {
      GtkWidget *failed = adw_message_dialog_new (r->parent, _("Could not restore the backup"), error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (failed), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (failed));
      return;
    }
  r->reopen (r->user_data, r->file);
}

void
ys_show_open_error (GtkWindow *parent, const char *heading, GFile *file, const GError *error,
                    YsReopenFunc reopen, gpointer user_data)
{
  g_autofree char *path = g_file_get_path (file);
  gboolean damaged = g_error_matches (error, YS_STORE_ERROR, YS_STORE_ERROR_DAMAGED);
  g_autoptr(YsBackup) latest = damaged && path ? ys_backup_latest (path) : NULL;
  g_autofree char *advice = damaged && path ? ys_backup_advice (path) : NULL;
  g_autofree char *body = advice ? g_strdup_printf ("%s\n\n%s", error->message, advice) : g_strdup (error->message);
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  if (latest != NULL && reopen != NULL)
    {
      Restore *r = g_new0 (Restore, 1);

      r->file = g_object_ref (file);
      r->reopen = reopen;
      r->user_data = user_data;
      r->parent = g_object_ref (parent);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "restore", _("_Restore Latest Backup"));
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore", ADW_RESPONSE_SUGGESTED);
      g_signal_connect_data (dialog, "response", G_CALLBACK (on_response_cb), r,
                             restore_free, 0);
    }
  gtk_window_present (GTK_WINDOW (dialog));
}
