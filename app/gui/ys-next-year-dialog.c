/* The 以本预算新建下一年度 dialog (see ys-next-year-dialog.h), over the core's
 * ys_next_year_preview() and ys_next_year_create(): the preview is made
 * again whenever the year or the file changes, so that what it lists is
 * what Create writes. */
#define G_LOG_DOMAIN "yusuan"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ys-application.h"
#include "ys-next-year.h"
#include "ys-next-year-dialog.h"

struct _YsNextYearDialog
{
  AdwWindow             parent_instance;

  /* template */
  GtkWidget            *create_button;
  GtkSpinButton        *year_spin;
  AdwActionRow         *file_row;
  GtkLabel             *summary_label;
  AdwPreferencesGroup  *codes_group;
  AdwPreferencesGroup  *projects_group;

  YsDocument           *document;
  GFile                *file;
  gboolean              file_chosen;  /* by the user: kept when the year changes */
  GPtrArray            *rows;         /* added to the groups, to remove again */
  GPtrArray            *entries;      /* GtkEntry per missing code, its code as "code" */
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (YsNextYearDialog, ys_next_year_dialog, ADW_TYPE_WINDOW)

static int
chosen_year (YsNextYearDialog *self)
{
  return gtk_spin_button_get_value_as_int (self->year_spin);
}

/* Beside this budget, named after it and the new year, not over a file. */
static GFile *
default_file (YsNextYearDialog *self)
{
  const char *path = ys_document_get_path (self->document);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  for (guint n = 1; n < 100; n++)
    {
      g_autofree char *name = n == 1 ? g_strdup_printf ("%s-%d.yusuan", base, chosen_year (self))
                                     : g_strdup_printf ("%s-%d (%u).yusuan", base, chosen_year (self), n);
      g_autofree char *candidate = g_build_filename (dir, name, NULL);

      if (!g_file_test (candidate, G_FILE_TEST_EXISTS))
        return g_file_new_for_path (candidate);
    }
  return g_file_new_build_filename (dir, "next-year.yusuan", NULL);
}

static void
clear_rows (YsNextYearDialog *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->rows, 0);
  g_ptr_array_set_size (self->entries, 0);
}

static void
add_row (YsNextYearDialog *self, AdwPreferencesGroup *group, GtkWidget *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, row);
}

static char *
summary_text (YsNextYearReport *r)
{
  GString *text = g_string_new (NULL);
  g_autofree char *expense = ys_money_format (r->prior_expense, YS_MONEY_YUAN, TRUE);
  g_autofree char *income = ys_money_format (r->prior_income, YS_MONEY_YUAN, TRUE);
  guint carried = 0;

  for (guint i = 0; i < r->projects->len; i++)
    carried += ((YsNextYearProject *) g_ptr_array_index (r->projects, i))->carried;
  if (r->catalog_advanced)
    g_string_append_printf (text, _("Classification year: %d (moved on with the budget year)\n"), r->new_catalog_year);
  else
    g_string_append_printf (text, _("Classification year: %d kept (no %d catalog is bundled)\n"), r->new_catalog_year,
                            r->old_catalog_year + (r->new_year - r->old_year));
  g_string_append_printf (text, _("Units: %u; projects carried: %u of %u; indicators: %u\n"), r->n_units, carried,
                          r->projects->len, r->n_indicators);
  g_string_append_printf (text, _("Prior-year figures: %u records, expenditure %s 元, income %s 元\n"),
                          r->n_prior_year, expense, income);
  for (guint i = 0; i < r->warnings->len; i++)
    g_string_append_printf (text, "%s\n", (char *) g_ptr_array_index (r->warnings, i));
  return g_strchomp (g_string_free (text, FALSE));
}

static GtkWidget *
code_row_new (YsNextYearDialog *self, YsNextYearCode *code)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *entry = gtk_entry_new ();
  g_autofree char *title = g_strdup_printf ("%s %s", code->code, code->name);
  g_autofree char *amount = ys_money_format (code->amount, YS_MONEY_YUAN, TRUE);
  /* Translators: under a code the new catalog lacks: its catalog and this year's figures under it */
  g_autofree char *subtitle = g_strdup_printf (_("%s · this year %s 元"), ys_catalog_kind_get_title (code->catalog),
                                               amount);
  /* Translators: the accessible name of the entry of a code's new code */
  g_autofree char *name = g_strdup_printf (_("New code for %s"), code->code);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 9);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("New code"));
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_DIGITS);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_object_set_data_full (G_OBJECT (entry), "code", g_strdup (code->code), g_free);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), entry);
  g_ptr_array_add (self->entries, entry);
  return row;
}

static void
show_report (YsNextYearDialog *self, YsNextYearReport *report)
{
  g_autofree char *summary = summary_text (report);

  gtk_label_set_label (self->summary_label, summary);
  gtk_widget_remove_css_class (GTK_WIDGET (self->summary_label), "error");
  for (guint i = 0; i < report->missing->len; i++)
    add_row (self, self->codes_group, code_row_new (self, g_ptr_array_index (report->missing, i)));
  gtk_widget_set_visible (GTK_WIDGET (self->codes_group), report->missing->len > 0);
  for (guint i = 0; i < report->projects->len; i++)
    {
      YsNextYearProject *project = g_ptr_array_index (report->projects, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name (project->carried ? "object-select-symbolic"
                                                                         : "window-close-symbolic");
      g_autofree char *title = g_strdup_printf ("%s %s", project->code, project->name);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), project->reason);
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      project->carried ? _("carried") : _("left out"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      add_row (self, self->projects_group, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->projects_group), report->projects->len > 0);
}

static void
update_preview (YsNextYearDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsNextYearReport) report = NULL;
  g_autofree char *path = NULL;

  if (!self->file_chosen)
    {
      g_clear_object (&self->file);
      self->file = default_file (self);
    }
  path = g_file_get_path (self->file);
  adw_action_row_set_subtitle (self->file_row, path);
  clear_rows (self);
  report = ys_next_year_preview (self->document, path, chosen_year (self), NULL, &error);
  gtk_widget_set_sensitive (self->create_button, report != NULL);
  if (report == NULL)
    {
      gtk_label_set_label (self->summary_label, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->summary_label), "error");
      gtk_widget_set_visible (GTK_WIDGET (self->codes_group), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->projects_group), FALSE);
      return;
    }
  show_report (self, report);
}

/* Create */

static GHashTable *
typed_map (YsNextYearDialog *self, GError **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) pairs = NULL;

  for (guint i = 0; i < self->entries->len; i++)
    {
      GtkEditable *entry = g_ptr_array_index (self->entries, i);
      g_autofree char *typed = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

      if (*typed != '\0')
        {
          g_autofree char *pair = g_strdup_printf ("%s=%s", (char *) g_object_get_data (G_OBJECT (entry), "code"),
                                                   typed);
          g_strv_builder_add (builder, pair);
        }
    }
  pairs = g_strv_builder_end (builder);
  return ys_next_year_parse_map ((const char *const *) pairs, error);
}

static void
on_created_response_cb (AdwMessageDialog *dialog, const char *response, GFile *file)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));

  if (g_strcmp0 (response, "open") == 0)
    ys_application_open_file (YS_APPLICATION (g_application_get_default ()), file, parent);
}

static void
show_failure (GtkWindow *parent, const char *heading, const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_create_button_clicked_cb (YsNextYearDialog *self, GtkButton *button)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) map = typed_map (self, &error);
  g_autoptr(YsNextYearReport) report = NULL;
  g_autofree char *path = g_file_get_path (self->file);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  GtkWidget *dialog;

  if (map == NULL)
    {
      show_failure (GTK_WINDOW (self), _("A New Code Is Wrong"), error->message);
      return;
    }
  report = ys_next_year_create (self->document, path, chosen_year (self), map, &error);
  if (report == NULL)
    {
      show_failure (GTK_WINDOW (self), _("The New Budget Was Not Created"), error->message);
      return;
    }
  /* Translators: %d is the new budget's year */
  heading = g_strdup_printf (_("The %d Budget Was Created"), report->new_year);
  body = g_strdup_printf ("%s\n\n%s", path, gtk_label_get_label (self->summary_label));
  dialog = adw_message_dialog_new (parent, heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"), "open", _("_Open It"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "open", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "open");
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_created_response_cb), g_object_ref (self->file),
                         (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  gtk_window_close (GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Year and file */

static void
on_year_spin_value_changed_cb (YsNextYearDialog *self, GtkSpinButton *spin)
{
  /* The template sets the lowest year before the budget is given. */
  if (self->document != NULL)
    update_preview (self);
}

static void
on_chooser_response_cb (YsNextYearDialog *self, int response, GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *name = g_file_get_basename (file);

      g_clear_object (&self->file);
      if (!g_str_has_suffix (name, ".yusuan"))
        {
          g_autoptr(GFile) parent = g_file_get_parent (file);
          g_autofree char *with_suffix = g_strconcat (name, ".yusuan", NULL);
          self->file = g_file_get_child (parent, with_suffix);
        }
      else
        self->file = g_object_ref (file);
      self->file_chosen = TRUE;
      update_preview (self);
    }
  g_clear_object (&self->chooser);
}

static void
on_change_button_clicked_cb (YsNextYearDialog *self, GtkButton *button)
{
  g_autoptr(GFile) folder = g_file_get_parent (self->file);
  g_autofree char *name = g_file_get_basename (self->file);

  if (self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Save New Budget"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* GObject */

static void
ys_next_year_dialog_dispose (GObject *object)
{
  YsNextYearDialog *self = YS_NEXT_YEAR_DIALOG (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_object (&self->file);
  g_clear_object (&self->document);
  gtk_widget_dispose_template (GTK_WIDGET (self), YS_TYPE_NEXT_YEAR_DIALOG);

  G_OBJECT_CLASS (ys_next_year_dialog_parent_class)->dispose (object);
}

static void
ys_next_year_dialog_class_init (YsNextYearDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ys_next_year_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/yusuan/Yusuan/ui/ys-next-year-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, YsNextYearDialog, create_button);
  gtk_widget_class_bind_template_child (widget_class, YsNextYearDialog, year_spin);
  gtk_widget_class_bind_template_child (widget_class, YsNextYearDialog, file_row);
  gtk_widget_class_bind_template_child (widget_class, YsNextYearDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, YsNextYearDialog, codes_group);
  gtk_widget_class_bind_template_child (widget_class, YsNextYearDialog, projects_group);
  gtk_widget_class_bind_template_callback (widget_class, on_create_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_year_spin_value_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_change_button_clicked_cb);
}

static void
ys_next_year_dialog_init (YsNextYearDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
  self->entries = g_ptr_array_new ();
}

YsNextYearDialog *
ys_next_year_dialog_new (GtkWindow *parent, YsDocument *document)
{
  YsNextYearDialog *self;

  g_return_val_if_fail (YS_IS_DOCUMENT (document), NULL);

  self = g_object_new (YS_TYPE_NEXT_YEAR_DIALOG, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  /* Setting the year makes the preview, unless it was that year already. */
  gtk_spin_button_set_value (self->year_spin, ys_document_get_year (document) + 1);
  if (self->file == NULL)
    update_preview (self);
  return self;
}
