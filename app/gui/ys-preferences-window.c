/* Preferences: the layout suggested for new budgets, whether amounts are
 * typed in 元 or 万元, and the reviewer's name. Each choice is written to GSettings as it is
 * made; there is nothing to confirm. */
#define G_LOG_DOMAIN "yusuan"

#include "config.h"

#include <glib/gi18n.h>

#include "ys-widget-fixes.h"
#include "ys-preferences-window.h"

struct _YsPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* template */
  AdwComboRow          *layout_row;
  AdwComboRow          *entry_unit_row;
  AdwEntryRow          *reviewer_name_row;

  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (YsPreferencesWindow, ys_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The nicks of the schema's enums, in the order of the rows' items. */
static const char *const layout_nicks[] = { "anhui", "hebei", "shanxi", "national", NULL };
static const char *const entry_unit_nicks[] = { "yuan", "wan", NULL };

/* g_settings_bind_with_mapping() between an enum key (read as its nick)
 * and a combo row's "selected" position; @user_data is the nicks. */
static gboolean
nick_to_position (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  const char *const *nicks = user_data;
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; nicks[i] != NULL; i++)
    if (g_str_equal (nicks[i], nick))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  return FALSE;
}

static GVariant *
position_to_nick (const GValue       *value,
                  const GVariantType *expected_type,
                  gpointer            user_data)
{
  const char *const *nicks = user_data;
  guint position = g_value_get_uint (value);

  if (position >= g_strv_length ((char **) nicks))
    return NULL;
  return g_variant_new_string (nicks[position]);
}

static void
bind_enum (YsPreferencesWindow *self,
           const char          *key,
           AdwComboRow         *row,
           const char *const   *nicks)
{
  g_settings_bind_with_mapping (self->settings, key, row, "selected", G_SETTINGS_BIND_DEFAULT,
                                nick_to_position, position_to_nick, (gpointer) nicks, NULL);
}

YsPreferencesWindow *
ys_preferences_window_new (GtkWindow *parent,
                           GSettings *settings)
{
  YsPreferencesWindow *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (YS_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
  self->settings = g_object_ref (settings);
  bind_enum (self, "default-layout", self->layout_row, layout_nicks);
  bind_enum (self, "entry-unit", self->entry_unit_row, entry_unit_nicks);
  g_settings_bind (self->settings, "reviewer-name", self->reviewer_name_row, "text", G_SETTINGS_BIND_DEFAULT);
  return self;
}

static void
ys_preferences_window_dispose (GObject *object)
{
  YsPreferencesWindow *self = YS_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), YS_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ys_preferences_window_parent_class)->dispose (object);
}

static void
ys_preferences_window_class_init (YsPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ys_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/yusuan/Yusuan/ui/ys-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, YsPreferencesWindow, layout_row);
  gtk_widget_class_bind_template_child (widget_class, YsPreferencesWindow, entry_unit_row);
  gtk_widget_class_bind_template_child (widget_class, YsPreferencesWindow, reviewer_name_row);
}

static void
ys_preferences_window_init (YsPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  ys_widget_fixes_apply (GTK_WIDGET (self));
}
