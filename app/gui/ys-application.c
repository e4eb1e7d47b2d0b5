#define G_LOG_DOMAIN "yusuan"

#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>
#include <signal.h>

#include "ys-application.h"
#include "ys-preferences-window.h"
#include "ys-window.h"

struct _YsApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (YsApplication, ys_application, ADW_TYPE_APPLICATION)

YsApplication *
ys_application_new (void)
{
  return g_object_new (YS_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/yusuan/Yusuan",
                       NULL);
}

GSettings *
ys_application_get_settings (YsApplication *self)
{
  g_return_val_if_fail (YS_IS_APPLICATION (self), NULL);

  return self->settings;
}

static YsWindow *
find_window (YsApplication *self,
             GFile         *file)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (YS_IS_WINDOW (l->data) && ys_window_is_showing (l->data, file))
      return l->data;
  return NULL;
}

void
ys_application_open_file (YsApplication *self,
                          GFile         *file,
                          GtkWindow     *from)
{
  YsWindow *window;

  g_return_if_fail (YS_IS_APPLICATION (self));
  g_return_if_fail (G_IS_FILE (file));

  /* A document holds its file exclusively, so a second window on the same
   * file could only fail: bring the first one forward instead. */
  window = find_window (self, file);
  if (window != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return;
    }

  if (YS_IS_WINDOW (from) && ys_window_is_empty (YS_WINDOW (from)))
    window = YS_WINDOW (from);
  else
    window = ys_window_new (self);

  ys_window_open (window, file);
  gtk_window_present (GTK_WINDOW (window));
}

static void
ys_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (ys_window_new (YS_APPLICATION (app)));
  gtk_window_present (window);
}

static void
ys_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  YsApplication *self = YS_APPLICATION (app);

  for (int i = 0; i < n_files; i++)
    ys_application_open_file (self, files[i],
                              gtk_application_get_active_window (GTK_APPLICATION (app)));
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  YsApplication *self = user_data;

  /* Closing each window lets it save its size; every edit is already saved. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; )
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_close (window);
    }
}

/* A logout or `kill` closes the budget as Quit does, so that SQLite
 * finishes its file instead of leaving its write-ahead log behind. */
static gboolean
on_termination_signal_cb (gpointer user_data)
{
  quit_activated (NULL, NULL, user_data);
  return G_SOURCE_CONTINUE;
}

/* The project, what its tables and catalogs were built from, and the
 * libraries it stands on, with their licences. */
static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  YsApplication *self = user_data;
  const char *developers[] = { _("The Yusuan project"), NULL };
  const char *sources[] = {
    _("Government revenue and expenditure classification (政府收支分类科目), Ministry of Finance, 2023–2025"),
    _("The 2023 department budgets published by the government offices of 相山区, 埇桥区, 山海关区 and 晋城市"),
    NULL
  };
  AdwAboutWindow *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "application-name", _("Yusuan"),
                        "application-icon", APP_ID,
                        "developer-name", _("The Yusuan project"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Prepare a government department’s annual budget, check it "
                                      "against the classification rules and produce the official "
                                      "disclosure tables."),
                        "copyright", _("© 2024–2026 The Yusuan project"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        /* Translators: your names, one a line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  adw_about_window_add_acknowledgement_section (about, _("Classifications and Layouts From"), sources);
  adw_about_window_add_legal_section (about, "GLib, GTK, libadwaita, JSON-GLib", NULL, GTK_LICENSE_LGPL_2_1, NULL);
  adw_about_window_add_legal_section (about, "SQLite", NULL, GTK_LICENSE_CUSTOM,
                                      _("The authors disclaim copyright to the SQLite source code: it is in the public domain."));
  adw_about_window_add_legal_section (about, "libxlsxwriter", "© John McNamara", GTK_LICENSE_BSD, NULL);
  /* FreeXL is offered under MPL 1.1, GPL 2.0 or later, or LGPL 2.1 or later: used under the last. */
  adw_about_window_add_legal_section (about, "FreeXL", "© Alessandro Furieri", GTK_LICENSE_LGPL_2_1, NULL);
  adw_about_window_add_legal_section (about, "minizip", "© Gilles Vollant, Mathias Svensson", GTK_LICENSE_CUSTOM,
                                      _("Distributed under the zlib licence."));
  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  YsApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  YsPreferencesWindow *preferences;

  if (self->settings == NULL)
    return;  /* the action is disabled then */
  preferences = ys_preferences_window_new (parent, self->settings);
  gtk_window_present (GTK_WINDOW (preferences));
}

static const GActionEntry app_actions[] = {
  { .name = "quit", .activate = quit_activated },
  { .name = "about", .activate = about_activated },
  { .name = "preferences", .activate = preferences_activated },
};

static void
ys_application_startup (GApplication *app)
{
  YsApplication *self = YS_APPLICATION (app);
  GtkApplication *gtk_app = GTK_APPLICATION (app);
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "win.new", { "<Control>n", NULL } },
    { "win.open", { "<Control>o", NULL } },
    { "win.close", { "<Control>w", NULL } },
    { "win.undo", { "<Control>z", NULL } },
    { "win.redo", { "<Control><Shift>z", "<Control>y", NULL } },
    { "win.print", { "<Control>p", NULL } },
    { "win.print-publication", { "<Control><Shift>p", NULL } },
    { "win.export-publication", { "<Control><Shift>e", NULL } },
  };

  G_APPLICATION_CLASS (ys_application_parent_class)->startup (app);

  /* g_settings_new() aborts on a missing schema; a window that forgets its
   * size is the better failure. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema != NULL)
    self->settings = g_settings_new_full (schema, NULL, NULL);
  else
    g_warning ("GSettings schema %s is not installed; window state will not be kept", APP_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  g_unix_signal_add (SIGTERM, on_termination_signal_cb, self);
  g_unix_signal_add (SIGHUP, on_termination_signal_cb, self);
  g_unix_signal_add (SIGINT, on_termination_signal_cb, self);
  /* Without the schema there is nothing to keep the preferences in. */
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (app), "preferences")),
                               self->settings != NULL);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (gtk_app, accels[i].action, accels[i].accels);
}

static void
ys_application_dispose (GObject *object)
{
  YsApplication *self = YS_APPLICATION (object);

  g_clear_object (&self->settings);
  G_OBJECT_CLASS (ys_application_parent_class)->dispose (object);
}

static void
ys_application_class_init (YsApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = ys_application_dispose;
  app_class->startup = ys_application_startup;
  app_class->activate = ys_application_activate;
  app_class->open = ys_application_open;
}

static void
ys_application_init (YsApplication *self)
{
  g_set_application_name (_("Yusuan"));
  gtk_window_set_default_icon_name (APP_ID);
}
