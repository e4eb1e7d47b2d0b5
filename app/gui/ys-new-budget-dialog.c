/* Asks what a new budget document is for: the department, the year, the
 * region whose tables it produces, the classification year and the
 * performance indicator framework. "confirmed" is emitted on Create; the
 * window then asks where to save it. */
#define G_LOG_DOMAIN "yusuan"

#include "config.h"

#include <glib/gi18n.h>

#include "ys-catalog.h"
#include "ys-widget-fixes.h"
#include "ys-new-budget-dialog.h"

struct _YsNewBudgetDialog
{
  AdwWindow      parent_instance;

  /* template */
  AdwEntryRow   *dept_name_row;
  AdwEntryRow   *dept_code_row;
  GtkSpinButton *year_spin;
  AdwComboRow   *layout_row;
  AdwComboRow   *catalog_row;
  GtkStringList *catalog_years;
  AdwComboRow   *framework_row;
  GtkWidget     *create_button;

  GSettings     *settings;
};

G_DEFINE_FINAL_TYPE (YsNewBudgetDialog, ys_new_budget_dialog, ADW_TYPE_WINDOW)

enum { SIGNAL_CONFIRMED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* In the order of the layout row's items, and of the default-layout enum. */
static const char *const layouts[] = { "anhui", "hebei", "shanxi", "national" };
/* In the order of the framework row's items. */
static const char *const frameworks[] = { "legacy", "2021" };

static gboolean
is_code (const char *text)
{
  if (*text == '\0')
    return FALSE;
  for (const char *p = text; *p; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

static void
update_create_button (YsNewBudgetDialog *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->dept_name_row))));
  g_autofree char *code = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->dept_code_row))));
  gboolean code_ok = is_code (code);

  /* Flag a wrong code as it is typed, not an empty one before it is. */
  if (code_ok || *code == '\0')
    gtk_widget_remove_css_class (GTK_WIDGET (self->dept_code_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->dept_code_row), "error");

  gtk_widget_set_sensitive (self->create_button, *name != '\0' && code_ok);
}

static void
on_dept_row_changed_cb (YsNewBudgetDialog *self,
                        GtkEditable       *row)
{
  update_create_button (self);
}

static void
select_catalog_year (YsNewBudgetDialog *self,
                     int                year)
{
  const int *years = ys_catalog_bundled_years ();
  guint best = 0;

  /* The budget year's own catalog, else the newest one before it, else the
   * oldest: classification codes change little from one year to the next. */
  for (guint i = 0; years[i]; i++)
    if (years[i] <= year)
      best = i;
  adw_combo_row_set_selected (self->catalog_row, best);
}

static void
on_year_spin_value_changed_cb (YsNewBudgetDialog *self,
                               GtkSpinButton     *spin)
{
  select_catalog_year (self, gtk_spin_button_get_value_as_int (spin));
}

static void
on_create_button_clicked_cb (YsNewBudgetDialog *self,
                             GtkButton         *button)
{
  if (!gtk_widget_get_sensitive (self->create_button))
    return;
  if (self->settings != NULL)
    g_settings_set_enum (self->settings, "default-layout",
                         (int) adw_combo_row_get_selected (self->layout_row));
  g_signal_emit (self, signals[SIGNAL_CONFIRMED], 0);
}

GHashTable *
ys_new_budget_dialog_get_meta (YsNewBudgetDialog *self)
{
  GHashTable *meta;
  guint layout, framework;
  const char *catalog_year;

  g_return_val_if_fail (YS_IS_NEW_BUDGET_DIALOG (self), NULL);

  meta = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  layout = MIN (adw_combo_row_get_selected (self->layout_row), G_N_ELEMENTS (layouts) - 1);
  framework = MIN (adw_combo_row_get_selected (self->framework_row), G_N_ELEMENTS (frameworks) - 1);
  catalog_year = gtk_string_list_get_string (self->catalog_years,
                                             adw_combo_row_get_selected (self->catalog_row));

  g_hash_table_insert (meta, (char *) "dept_name",
                       g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->dept_name_row)))));
  g_hash_table_insert (meta, (char *) "dept_code",
                       g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->dept_code_row)))));
  g_hash_table_insert (meta, (char *) "year",
                       g_strdup_printf ("%d", gtk_spin_button_get_value_as_int (self->year_spin)));
  g_hash_table_insert (meta, (char *) "region", g_strdup (layouts[layout]));
  g_hash_table_insert (meta, (char *) "framework", g_strdup (frameworks[framework]));
  if (catalog_year != NULL)
    g_hash_table_insert (meta, (char *) "catalog_year", g_strdup (catalog_year));

  return meta;
}

static void
ys_new_budget_dialog_dispose (GObject *object)
{
  YsNewBudgetDialog *self = YS_NEW_BUDGET_DIALOG (object);

  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), YS_TYPE_NEW_BUDGET_DIALOG);

  G_OBJECT_CLASS (ys_new_budget_dialog_parent_class)->dispose (object);
}

static void
ys_new_budget_dialog_class_init (YsNewBudgetDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ys_new_budget_dialog_dispose;

  /**
   * YsNewBudgetDialog::confirmed:
   *
   * The accountant pressed Create with a valid name and code.
   */
  signals[SIGNAL_CONFIRMED] =
    g_signal_new ("confirmed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/yusuan/Yusuan/ui/ys-new-budget-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, YsNewBudgetDialog, dept_name_row);
  gtk_widget_class_bind_template_child (widget_class, YsNewBudgetDialog, dept_code_row);
  gtk_widget_class_bind_template_child (widget_class, YsNewBudgetDialog, year_spin);
  gtk_widget_class_bind_template_child (widget_class, YsNewBudgetDialog, layout_row);
  gtk_widget_class_bind_template_child (widget_class, YsNewBudgetDialog, catalog_row);
  gtk_widget_class_bind_template_child (widget_class, YsNewBudgetDialog, catalog_years);
  gtk_widget_class_bind_template_child (widget_class, YsNewBudgetDialog, framework_row);
  gtk_widget_class_bind_template_child (widget_class, YsNewBudgetDialog, create_button);
  gtk_widget_class_bind_template_callback (widget_class, on_dept_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_year_spin_value_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_create_button_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ys_new_budget_dialog_init (YsNewBudgetDialog *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  const int *years = ys_catalog_bundled_years ();

  gtk_widget_init_template (GTK_WIDGET (self));
  ys_widget_fixes_apply (GTK_WIDGET (self));

  /* The bundled catalogs are data, known only at run time. */
  for (guint i = 0; years[i]; i++)
    {
      g_autofree char *text = g_strdup_printf ("%d", years[i]);
      gtk_string_list_append (self->catalog_years, text);
    }

  /* Budgets are drawn up in the autumn for the year after. */
  gtk_spin_button_set_value (self->year_spin, g_date_time_get_year (now) + 1);
  select_catalog_year (self, gtk_spin_button_get_value_as_int (self->year_spin));
  update_create_button (self);

  /* The row itself takes no focus, so the window's focus-widget cannot name
   * it; grabbing forwards to its text. */
  gtk_widget_grab_focus (GTK_WIDGET (self->dept_name_row));
}

YsNewBudgetDialog *
ys_new_budget_dialog_new (GtkWindow *parent,
                          GSettings *settings)
{
  YsNewBudgetDialog *self = g_object_new (YS_TYPE_NEW_BUDGET_DIALOG,
                                          "transient-for", parent,
                                          NULL);

  if (settings != NULL)
    {
      self->settings = g_object_ref (settings);
      adw_combo_row_set_selected (self->layout_row,
                                  (guint) g_settings_get_enum (settings, "default-layout"));
    }
  else
    adw_combo_row_set_selected (self->layout_row, G_N_ELEMENTS (layouts) - 1);

  return self;
}
