/* 预算设置: what the budget is — the department's code and name, the
 * year, the region whose tables it produces, the classification year and
 * the indicator framework. Each change is saved at once as an undo step of
 * its own; what undo or another window changes shows here at once.
 *
 * A new classification year is asked about first when codes the budget
 * uses are not in it: they are listed, so that the accountant knows which
 * lines the rules will then flag. */
#define G_LOG_DOMAIN "yusuan"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ys-settings-page.h"

/* At most this many missing codes are named; the rest are counted. */
#define MAX_LISTED_CODES 30

struct _YsSettingsPage
{
  YsPage         parent_instance;

  /* template */
  AdwEntryRow   *dept_code_row;
  AdwEntryRow   *dept_name_row;
  GtkSpinButton *year_spin;
  AdwComboRow   *region_row;
  AdwComboRow   *catalog_row;
  GtkStringList *catalog_years;
  AdwComboRow   *framework_row;

  gboolean       syncing;    /* rows being set from the document */
  int            asked_year; /* the catalog year asked about, or 0 */
};

G_DEFINE_FINAL_TYPE (YsSettingsPage, ys_settings_page, YS_TYPE_PAGE)

/* In the order of the rows' items (as in the New Budget dialog). */
static const char *const regions[] = { "anhui", "hebei", "shanxi", "national", NULL };
static const char *const frameworks[] = { "legacy", "2021", NULL };

static guint
index_in (const char *const *list,
          const char         *value)
{
  for (guint i = 0; list[i] != NULL; i++)
    if (g_strcmp0 (list[i], value) == 0)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

/* The bundled classification years, and the document's own when it is
 * another (a budget made by a newer version, or by the command line). */
static void
fill_catalog_years (YsSettingsPage *self,
                    int             year)
{
  const int *years = ys_catalog_bundled_years ();
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  gboolean placed = year <= 0;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->catalog_years));
  gboolean same;

  for (guint i = 0; years[i]; i++)
    {
      if (!placed && year < years[i])
        g_ptr_array_add (texts, g_strdup_printf ("%d", year));
      placed = placed || year <= years[i];
      g_ptr_array_add (texts, g_strdup_printf ("%d", years[i]));
    }
  if (!placed)
    g_ptr_array_add (texts, g_strdup_printf ("%d", year));

  same = n == texts->len;
  for (guint i = 0; same && i < n; i++)
    same = g_str_equal (gtk_string_list_get_string (self->catalog_years, i), g_ptr_array_index (texts, i));
  if (same)
    return;
  g_ptr_array_add (texts, NULL);
  gtk_string_list_splice (self->catalog_years, 0, n, (const char *const *) texts->pdata);
}

static void
select_catalog_year (YsSettingsPage *self,
                     int             year)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->catalog_years));

  for (guint i = 0; i < n; i++)
    if (atoi (gtk_string_list_get_string (self->catalog_years, i)) == year)
      adw_combo_row_set_selected (self->catalog_row, i);
}

static void
set_row_text (AdwEntryRow *row,
              const char  *text)
{
  /* Only when it differs: setting it again would move the cursor and show
   * the row's apply button as for an edit. */
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), text);
}

/* The rows as the document has them. */
static void
sync_rows (YsSettingsPage *self)
{
  YsDocument *document = ys_page_get_document (YS_PAGE (self));

  self->syncing = TRUE;
  gtk_widget_set_sensitive (GTK_WIDGET (self), document != NULL && !ys_document_is_read_only (document));
  if (document != NULL)
    {
      set_row_text (self->dept_code_row, ys_document_get_meta (document, "dept_code"));
      set_row_text (self->dept_name_row, ys_document_get_meta (document, "dept_name"));
      gtk_spin_button_set_value (self->year_spin, ys_document_get_year (document));
      adw_combo_row_set_selected (self->region_row, index_in (regions, ys_document_get_meta (document, "region")));
      fill_catalog_years (self, ys_document_get_catalog_year (document));
      select_catalog_year (self, ys_document_get_catalog_year (document));
      adw_combo_row_set_selected (self->framework_row,
                                  index_in (frameworks, ys_document_get_meta (document, "framework")));
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->dept_code_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->dept_name_row), "error");
  self->syncing = FALSE;
}

/* One undo step; a refusal is said, and the row shows the setting again. */
static void
set_setting (YsSettingsPage *self,
             const char     *key,
             const char     *value)
{
  YsDocument *document = ys_page_get_document (YS_PAGE (self));
  g_autoptr(GError) error = NULL;

  if (document == NULL || g_strcmp0 (ys_document_get_meta (document, key), value) == 0)
    return;
  if (!ys_document_set_meta (document, key, value, &error))
    {
      ys_page_show_message (YS_PAGE (self), _("The Setting Was Not Changed"), error->message);
      sync_rows (self);
    }
}

/* Department */

static gboolean
is_code (const char *text)
{
  for (const char *p = text; *p; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return *text != '\0';
}

/* What is wrong with what is typed in @row, or NULL. */
static const char *
entry_problem (YsSettingsPage *self,
               AdwEntryRow    *row,
               const char     *text)
{
  if (row == self->dept_code_row && !is_code (text))
    return _("The department code is digits only, as the finance bureau assigned it, for example 103.");
  if (row == self->dept_name_row && *text == '\0')
    return _("The department name cannot be empty: it heads every table.");
  return NULL;
}

static void
on_entry_row_changed_cb (YsSettingsPage *self,
                         AdwEntryRow    *row)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (self->syncing)
    return;
  /* Marked as it is typed; said when it is applied. */
  if (entry_problem (self, row, text) != NULL && *text != '\0')
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

static void
on_entry_row_apply_cb (YsSettingsPage *self,
                       AdwEntryRow    *row)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  const char *problem = entry_problem (self, row, text);

  if (problem != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      ys_page_show_message (YS_PAGE (self), _("The Setting Was Not Changed"), problem);
      return;
    }
  set_setting (self, row == self->dept_code_row ? "dept_code" : "dept_name", text);
}

/* Budget */

static void
on_year_spin_value_changed_cb (YsSettingsPage *self,
                               GtkSpinButton  *spin)
{
  g_autofree char *year = g_strdup_printf ("%d", gtk_spin_button_get_value_as_int (spin));

  if (!self->syncing)
    set_setting (self, "year", year);
}

static char *
describe_missing (GPtrArray *missing)
{
  GString *text = g_string_new (NULL);
  guint listed = MIN (missing->len, MAX_LISTED_CODES);

  for (guint i = 0; i < listed; i++)
    {
      YsMissingCode *m = g_ptr_array_index (missing, i);

      /* Translators: a code no longer in the new classification year: its
       * catalog, code and name, and in how many places the budget uses it */
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%s %s %s (used once)", "%s %s %s (used %u times)", m->uses),
                              ys_catalog_kind_get_title (m->kind), m->code, m->name ? m->name : "", m->uses);
      g_string_append_c (text, '\n');
    }
  if (missing->len > listed)
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "…and %u more", "…and %u more", missing->len - listed),
                            missing->len - listed);
  return g_string_free (text, FALSE);
}

static void
on_catalog_question_response_cb (YsSettingsPage   *self,
                                 const char       *response,
                                 AdwMessageDialog *dialog)
{
  int year = self->asked_year;
  g_autofree char *text = g_strdup_printf ("%d", year);

  self->asked_year = 0;
  if (g_strcmp0 (response, "change") == 0)
    set_setting (self, "catalog_year", text);
  else
    sync_rows (self);
}

/* A new classification year, applied at once when every code in use is in
 * it, else asked about with the codes it lacks. */
static void
change_catalog_year (YsSettingsPage *self,
                     int             year)
{
  YsDocument *document = ys_page_get_document (YS_PAGE (self));
  g_autoptr(GPtrArray) missing = NULL;
  g_autofree char *text = g_strdup_printf ("%d", year);
  g_autofree char *body = NULL;
  g_autofree char *list = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  if (document == NULL || year == ys_document_get_catalog_year (document) || self->asked_year != 0)
    return;
  missing = ys_document_missing_codes (document, year);
  if (missing->len == 0)
    {
      set_setting (self, "catalog_year", text);
      return;
    }

  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "The %d classification does not have %u code this budget uses. After the change the review lists the lines that use it, to be given a code of %d.",
                                       "The %d classification does not have %u codes this budget uses. After the change the review lists the lines that use them, to be given codes of %d.",
                                       missing->len),
                          year, missing->len, year);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Change the Classification Year?"), body);
  list = describe_missing (missing);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog),
                                      ys_page_new_message_list (list, _("Codes not in the new classification")));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Keep the Present Year"),
                                    "change", _("C_hange"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "change", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  self->asked_year = year;
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_catalog_question_response_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_combo_row_selected_cb (YsSettingsPage *self,
                          GParamSpec     *pspec,
                          AdwComboRow    *row)
{
  guint selected = adw_combo_row_get_selected (row);

  if (self->syncing || selected == GTK_INVALID_LIST_POSITION)
    return;
  if (row == self->region_row && selected < G_N_ELEMENTS (regions) - 1)
    set_setting (self, "region", regions[selected]);
  else if (row == self->framework_row && selected < G_N_ELEMENTS (frameworks) - 1)
    set_setting (self, "framework", frameworks[selected]);
  else if (row == self->catalog_row)
    change_catalog_year (self, atoi (gtk_string_list_get_string (self->catalog_years, selected)));
}

/* Document */

static void
on_document_changed_cb (YsSettingsPage *self,
                        YsRecord       *record,
                        guint           type,
                        int             field,
                        YsDocument     *document)
{
  /* A setting: changed here, undone, redone. */
  if (record == NULL && self->asked_year == 0)
    sync_rows (self);
}

static void
ys_settings_page_document_changed (YsPage *page)
{
  YsSettingsPage *self = YS_SETTINGS_PAGE (page);
  YsDocument *document = ys_page_get_document (page);

  if (document != NULL)
    g_signal_connect_object (document, "changed", G_CALLBACK (on_document_changed_cb), self, G_CONNECT_SWAPPED);
  sync_rows (self);
}

static void
ys_settings_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), YS_TYPE_SETTINGS_PAGE);

  G_OBJECT_CLASS (ys_settings_page_parent_class)->dispose (object);
}

static void
ys_settings_page_class_init (YsSettingsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ys_settings_page_dispose;
  YS_PAGE_CLASS (klass)->document_changed = ys_settings_page_document_changed;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/yusuan/Yusuan/ui/ys-settings-page.ui");
  gtk_widget_class_bind_template_child (widget_class, YsSettingsPage, dept_code_row);
  gtk_widget_class_bind_template_child (widget_class, YsSettingsPage, dept_name_row);
  gtk_widget_class_bind_template_child (widget_class, YsSettingsPage, year_spin);
  gtk_widget_class_bind_template_child (widget_class, YsSettingsPage, region_row);
  gtk_widget_class_bind_template_child (widget_class, YsSettingsPage, catalog_row);
  gtk_widget_class_bind_template_child (widget_class, YsSettingsPage, catalog_years);
  gtk_widget_class_bind_template_child (widget_class, YsSettingsPage, framework_row);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_row_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_year_spin_value_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_combo_row_selected_cb);
}

static void
ys_settings_page_init (YsSettingsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  sync_rows (self);
}
