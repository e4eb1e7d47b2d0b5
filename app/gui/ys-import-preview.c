/* The import dialog's preview grid (see ys-import-preview.h). GTK 4.8's
 * column view has no widgets in its headers, so the drop-downs that choose
 * each column's field sit in a row of their own above it, each exactly as
 * wide as its column, and scroll sideways with it. */
#define G_LOG_DOMAIN "yusuan"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "ys-import-preview.h"
#include "ys-sheet-header.h"
#include "ys-sheet-map.h"
#include "ys-widget-util.h"

#define ROW_WIDTH     90
#define CELL_WIDTH    150
#define PROBLEM_WIDTH 260
#define ROW_COLUMN     G_MAXUINT
#define PROBLEM_COLUMN (G_MAXUINT - 1)

struct _YsImportPreview
{
  GtkColumnView          *view;
  GtkBox                 *mapping_box;
  YsImportPreviewChanged  changed;
  gpointer                user_data;

  YsSheetImport          *import;
  GtkStringList          *rows;      /* the row numbers of the preview, "0" … */
  GtkCustomFilter        *filter;
  gboolean                problems_only;
  GPtrArray              *dropdowns; /* per sheet column */
  GArray                 *targets;   /* int per choice of the drop-downs */
  GHashTable             *pending;   /* rows to show again */
  guint                   refresh_idle;
  gboolean                updating;
};

typedef struct {
  YsImportPreview *preview;
  guint            col;
} ColumnData;

static guint
item_row (GtkListItem *item)
{
  return (guint) strtoul (gtk_string_object_get_string (gtk_list_item_get_item (item)), NULL, 10);
}

static gboolean
is_record_row (YsSheetImport *im, guint row)
{
  YsSheetRowStatus status = ys_sheet_import_get_row_status (im, row);

  return status == YS_SHEET_ROW_DATA || status == YS_SHEET_ROW_PROBLEM;
}

/* Showing rows again */

static gboolean
refresh_rows_cb (gpointer user_data)
{
  YsImportPreview *self = user_data;
  GHashTableIter iter;
  gpointer key;

  self->refresh_idle = 0;
  g_hash_table_iter_init (&iter, self->pending);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      guint row = GPOINTER_TO_UINT (key) - 1;
      g_autofree char *text = g_strdup_printf ("%u", row);
      const char *strings[] = { text, NULL };

      /* A new item: the view binds the row again. */
      gtk_string_list_splice (self->rows, row, 1, strings);
    }
  g_hash_table_remove_all (self->pending);
  return G_SOURCE_REMOVE;
}

/* After the event that changed it: the row's widgets are in use now. */
static void
queue_row (YsImportPreview *self, guint row)
{
  g_hash_table_add (self->pending, GUINT_TO_POINTER (row + 1));
  if (self->refresh_idle == 0)
    self->refresh_idle = g_idle_add (refresh_rows_cb, self);
  if (self->changed)
    self->changed (self->user_data);
}

/* The row column: a check box for a record row, what the row is for others. */

static void
on_include_toggled_cb (GtkCheckButton *check, GtkListItem *item)
{
  ColumnData *data = g_object_get_data (G_OBJECT (check), "column-data");
  YsImportPreview *self = data->preview;
  guint row;

  if (self->updating || self->import == NULL || gtk_list_item_get_item (item) == NULL)
    return;
  row = item_row (item);
  ys_sheet_import_set_row_included (self->import, row, gtk_check_button_get_active (check));
  queue_row (self, row);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory, GtkListItem *item, ColumnData *data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *label = gtk_label_new (NULL);

  g_object_set_data (G_OBJECT (check), "column-data", data);
  g_signal_connect (check, "toggled", G_CALLBACK (on_include_toggled_cb), item);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), check);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_item_set_child (item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory, GtkListItem *item, ColumnData *data)
{
  YsImportPreview *self = data->preview;
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *check = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_last_child (box);
  guint row = item_row (item);
  guint sheet_row = ys_sheet_import_get_sheet_row (self->import, row);
  g_autofree char *number = g_strdup_printf ("%u", sheet_row);
  const char *what = NULL;

  self->updating = TRUE;
  gtk_widget_set_visible (check, is_record_row (self->import, row));
  gtk_widget_set_visible (label, !is_record_row (self->import, row));
  if (is_record_row (self->import, row))
    {
      /* Translators: the accessible name of a row's check box in the import preview */
      g_autofree char *name = g_strdup_printf (_("Import row %u"), sheet_row);

      gtk_check_button_set_label (GTK_CHECK_BUTTON (check), number);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), ys_sheet_import_get_row_included (self->import, row));
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
    }
  else
    {
      switch (ys_sheet_import_get_row_status (self->import, row))
        {
        case YS_SHEET_ROW_SUBTOTAL:
          /* Translators: after a row number in the import preview */
          what = C_("import row", "subtotal");
          break;
        case YS_SHEET_ROW_NOTE:
          what = C_("import row", "note");
          break;
        default:
          what = C_("import row", "blank");
        }
      {
        g_autofree char *text = g_strdup_printf ("%s %s", number, what);
        gtk_label_set_label (GTK_LABEL (label), text);
      }
    }
  self->updating = FALSE;
}

/* A cell of the sheet: its text, or an entry to mend it when it is bad. */

static void
commit_entry (GtkEntry *entry)
{
  ColumnData *data = g_object_get_data (G_OBJECT (entry), "column-data");
  GtkListItem *item = g_object_get_data (G_OBJECT (entry), "list-item");
  YsImportPreview *self = data->preview;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  const char *before;
  guint row;

  if (self->updating || self->import == NULL || gtk_list_item_get_item (item) == NULL)
    return;
  row = item_row (item);
  before = ys_sheet_import_get_cell_text (self->import, row, data->col);
  if (g_strcmp0 (before ? before : "", text) == 0)
    return;
  ys_sheet_import_set_cell_text (self->import, row, data->col, text);
  queue_row (self, row);
}

static void
on_entry_leave_cb (GtkEventControllerFocus *controller, GtkEntry *entry)
{
  commit_entry (entry);
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory, GtkListItem *item, ColumnData *data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *entry = gtk_entry_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_hexpand (entry, TRUE);
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 6);
  gtk_widget_add_css_class (entry, "error");
  g_object_set_data (G_OBJECT (entry), "column-data", data);
  g_object_set_data (G_OBJECT (entry), "list-item", item);
  g_signal_connect (entry, "activate", G_CALLBACK (commit_entry), NULL);
  g_signal_connect (focus, "leave", G_CALLBACK (on_entry_leave_cb), entry);
  gtk_widget_add_controller (entry, focus);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_list_item_set_child (item, box);
}

static gboolean
column_is_money (YsImportPreview *self, guint col)
{
  g_autofree char *name = ys_sheet_import_get_column_target (self->import, col);
  const YsKind *kind = ys_sheet_import_get_kind (self->import);
  int field = name ? ys_kind_find_field (kind, name) : -1;

  return field >= 0 && kind->fields[field].type == YS_FIELD_MONEY;
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory, GtkListItem *item, ColumnData *data)
{
  YsImportPreview *self = data->preview;
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *label = gtk_widget_get_first_child (box);
  GtkWidget *entry = gtk_widget_get_last_child (box);
  guint row = item_row (item);
  const char *text = ys_sheet_import_get_cell_text (self->import, row, data->col);
  const char *problem = ys_sheet_import_get_cell_problem (self->import, row, data->col);
  gboolean bad = problem != NULL && is_record_row (self->import, row);
  gboolean shown = is_record_row (self->import, row) && ys_sheet_import_get_row_included (self->import, row);

  self->updating = TRUE;
  gtk_widget_set_visible (label, !bad);
  gtk_widget_set_visible (entry, bad);
  if (bad)
    {
      /* Translators: the accessible name of a bad cell in the import
       * preview: the row number in the sheet, and the column's header */
      g_autofree char *name = g_strdup_printf (_("Row %u, %s"), ys_sheet_import_get_sheet_row (self->import, row),
                                               ys_sheet_import_get_column_title (self->import, data->col));

      gtk_editable_set_text (GTK_EDITABLE (entry), text ? text : "");
      gtk_widget_set_tooltip_text (entry, problem);
      gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, problem,
                                      -1);
    }
  else
    {
      gtk_label_set_label (GTK_LABEL (label), text ? text : "");
      gtk_widget_set_tooltip_text (label, text && *text ? text : NULL);
      gtk_label_set_xalign (GTK_LABEL (label), column_is_money (self, data->col) ? 1 : 0);
      if (shown)
        gtk_widget_remove_css_class (label, "dim-label");
      else
        gtk_widget_add_css_class (label, "dim-label");
    }
  self->updating = FALSE;
}

/* The 问题 column: why a row is not imported as it stands. */

static char *
row_problems (YsImportPreview *self, guint row)
{
  GString *text = g_string_new (NULL);
  const char *row_problem = ys_sheet_import_get_row_problem (self->import, row);

  if (row_problem != NULL)
    g_string_append (text, row_problem);
  for (guint c = 0; c < ys_sheet_import_get_n_columns (self->import); c++)
    {
      const char *problem = ys_sheet_import_get_cell_problem (self->import, row, c);

      if (problem == NULL)
        continue;
      if (text->len > 0)
        g_string_append (text, "；");
      /* Translators: a bad cell in the import preview: its column's header and why */
      g_string_append_printf (text, _("%s: %s"), ys_sheet_import_get_column_title (self->import, c), problem);
    }
  return g_string_free (text, FALSE);
}

static void
setup_problem_cb (GtkSignalListItemFactory *factory, GtkListItem *item, ColumnData *data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_list_item_set_child (item, label);
}

static void
bind_problem_cb (GtkSignalListItemFactory *factory, GtkListItem *item, ColumnData *data)
{
  YsImportPreview *self = data->preview;
  GtkWidget *label = gtk_list_item_get_child (item);
  guint row = item_row (item);
  g_autofree char *text = NULL;
  gboolean error = FALSE;

  switch (ys_sheet_import_get_row_status (self->import, row))
    {
    case YS_SHEET_ROW_SUBTOTAL:
      text = g_strdup (_("A subtotal or total row: not imported, so that nothing is counted twice"));
      break;
    case YS_SHEET_ROW_NOTE:
      text = g_strdup (_("A note: not imported"));
      break;
    case YS_SHEET_ROW_BLANK:
      text = g_strdup ("");
      break;
    default:
      text = row_problems (self, row);
      error = *text != '\0';
      if (!ys_sheet_import_get_row_included (self->import, row))
        {
          g_autofree char *problems = g_steal_pointer (&text);
          text = *problems ? g_strdup_printf (_("Left out. %s"), problems) : g_strdup (_("Left out"));
          error = FALSE;
        }
    }
  gtk_label_set_label (GTK_LABEL (label), text);
  if (error)
    {
      gtk_widget_add_css_class (label, "error");
      gtk_widget_remove_css_class (label, "dim-label");
    }
  else
    {
      gtk_widget_remove_css_class (label, "error");
      gtk_widget_add_css_class (label, "dim-label");
    }
}

/* Columns and their drop-downs */

static GtkColumnViewColumn *
column_new (YsImportPreview *self, const char *title, guint col, int width, GCallback setup, GCallback bind)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  ColumnData *data = g_new0 (ColumnData, 1);
  GtkColumnViewColumn *column;

  data->preview = self;
  data->col = col;
  g_signal_connect (factory, "setup", setup, data);
  g_signal_connect (factory, "bind", bind, data);
  g_object_set_data_full (G_OBJECT (factory), "column-data", data, g_free);
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_fixed_width (column, width);
  gtk_column_view_column_set_resizable (column, FALSE);
  return column;
}

static void
clear_columns (YsImportPreview *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->view);

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);
      gtk_column_view_remove_column (self->view, column);
    }
  ys_widget_remove_children (GTK_WIDGET (self->mapping_box));
  g_ptr_array_set_size (self->dropdowns, 0);
}

static void
select_targets (YsImportPreview *self)
{
  self->updating = TRUE;
  for (guint c = 0; c < self->dropdowns->len; c++)
    {
      g_autofree char *name = ys_sheet_import_get_column_target (self->import, c);
      const YsKind *kind = ys_sheet_import_get_kind (self->import);
      guint selected = 0;

      for (guint i = 1; name != NULL && i < self->targets->len; i++)
        {
          g_autofree char *choice = ys_sheet_target_name (kind, g_array_index (self->targets, int, i));
          if (g_strcmp0 (choice, name) == 0)
            selected = i;
        }
      gtk_drop_down_set_selected (g_ptr_array_index (self->dropdowns, c), selected);
    }
  self->updating = FALSE;
}

static void
on_target_selected_cb (GtkDropDown *dropdown, GParamSpec *pspec, YsImportPreview *self)
{
  guint col = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dropdown), "column"));
  guint selected = gtk_drop_down_get_selected (dropdown);
  g_autofree char *name = NULL;

  if (self->updating || self->import == NULL || selected >= self->targets->len)
    return;
  name = ys_sheet_target_name (ys_sheet_import_get_kind (self->import), g_array_index (self->targets, int, selected));
  /* Rows are read again; a column that had the field gives it up. */
  ys_sheet_import_set_column_target (self->import, col, name ? name : "", NULL);
  ys_import_preview_refresh (self);
  if (self->changed)
    self->changed (self->user_data);
}

/* Every field of the kind, and the name of each code field that can be named. */
static GtkStringList *
target_choices (YsImportPreview *self)
{
  const YsKind *kind = ys_sheet_import_get_kind (self->import);
  GtkStringList *labels = gtk_string_list_new (NULL);
  int none = YS_SHEET_NO_TARGET;

  g_array_set_size (self->targets, 0);
  g_array_append_val (self->targets, none);
  gtk_string_list_take (labels, ys_sheet_target_label (kind, YS_SHEET_NO_TARGET));
  for (guint i = 0; i < kind->n_fields; i++)
    for (int by_name = 0; by_name < 2; by_name++)
      {
        int target = (int) i | (by_name ? YS_SHEET_BY_NAME : 0);

        if (by_name && !ys_sheet_field_has_names (&kind->fields[i], NULL))
          continue;
        g_array_append_val (self->targets, target);
        gtk_string_list_take (labels, ys_sheet_target_label (kind, target));
      }
  return labels;
}

/* The chosen field in the button, cut short to the column's width; the
 * list shows every label whole. */
static void
setup_choice_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer ellipsize)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (ellipsize)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 4);
    }
  gtk_list_item_set_child (item, label);
}

static void
bind_choice_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer ellipsize)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  const char *text = gtk_string_object_get_string (gtk_list_item_get_item (item));

  gtk_label_set_label (GTK_LABEL (label), text);
}

static GtkListItemFactory *
choice_factory_new (gboolean ellipsize)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_choice_cb), GINT_TO_POINTER (ellipsize));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_choice_cb), GINT_TO_POINTER (ellipsize));
  return factory;
}

static GtkWidget *
spacer_new (int width)
{
  GtkWidget *spacer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  gtk_widget_set_size_request (spacer, width, -1);
  return spacer;
}

static void
add_sheet_column (YsImportPreview *self, GtkStringList *choices, guint col)
{
  const char *title = ys_sheet_import_get_column_title (self->import, col);
  g_autofree char *letter = ys_sheet_column_letter (col);
  g_autofree char *header = g_strdup_printf ("%s  %s", letter, title ? title : "");
  /* Translators: the accessible name of the drop-down choosing what a
   * column of the sheet fills: its letter and its header */
  g_autofree char *name = g_strdup_printf (_("Field for column %s “%s”"), letter, title ? title : "");
  g_autoptr(GtkColumnViewColumn) column =
    column_new (self, header, col, CELL_WIDTH, G_CALLBACK (setup_cell_cb), G_CALLBACK (bind_cell_cb));
  GtkWidget *dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (choices)), NULL);
  g_autoptr(GtkListItemFactory) button_factory = choice_factory_new (TRUE);
  g_autoptr(GtkListItemFactory) list_factory = choice_factory_new (FALSE);

  gtk_drop_down_set_factory (GTK_DROP_DOWN (dropdown), button_factory);
  gtk_drop_down_set_list_factory (GTK_DROP_DOWN (dropdown), list_factory);
  gtk_column_view_append_column (self->view, column);
  gtk_widget_set_size_request (dropdown, CELL_WIDTH, -1);
  gtk_widget_set_tooltip_text (dropdown, ys_sheet_import_get_column_path (self->import, col));
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_object_set_data (G_OBJECT (dropdown), "column", GUINT_TO_POINTER (col));
  g_signal_connect (dropdown, "notify::selected", G_CALLBACK (on_target_selected_cb), self);
  gtk_box_append (self->mapping_box, dropdown);
  g_ptr_array_add (self->dropdowns, dropdown);
}

void
ys_import_preview_set_import (YsImportPreview *self, YsSheetImport *import)
{
  g_autoptr(GtkStringList) choices = NULL;
  g_autoptr(GtkColumnViewColumn) row_column = NULL;
  g_autoptr(GtkColumnViewColumn) problem_column = NULL;

  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  g_hash_table_remove_all (self->pending);
  clear_columns (self);
  gtk_string_list_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)), NULL);
  g_set_object (&self->import, import);
  if (import == NULL)
    return;

  row_column = column_new (self, _("Row"), ROW_COLUMN, ROW_WIDTH, G_CALLBACK (setup_row_cb), G_CALLBACK (bind_row_cb));
  gtk_column_view_append_column (self->view, row_column);
  gtk_box_append (self->mapping_box, spacer_new (ROW_WIDTH));
  /* Why a row is not imported as it is, beside its number: read first. */
  problem_column = column_new (self, _("Problems"), PROBLEM_COLUMN, PROBLEM_WIDTH,
                               G_CALLBACK (setup_problem_cb), G_CALLBACK (bind_problem_cb));
  gtk_column_view_append_column (self->view, problem_column);
  gtk_box_append (self->mapping_box, spacer_new (PROBLEM_WIDTH));
  choices = target_choices (self);
  for (guint c = 0; c < ys_sheet_import_get_n_columns (import); c++)
    add_sheet_column (self, choices, c);
  ys_import_preview_refresh (self);
}

void
ys_import_preview_refresh (YsImportPreview *self)
{
  guint n;
  g_autoptr(GPtrArray) numbers = NULL;

  if (self->import == NULL)
    return;
  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  g_hash_table_remove_all (self->pending);
  n = ys_sheet_import_get_n_rows (self->import);
  numbers = g_ptr_array_new_full (n + 1, g_free);
  for (guint r = 0; r < n; r++)
    g_ptr_array_add (numbers, g_strdup_printf ("%u", r));
  g_ptr_array_add (numbers, NULL);
  /* New items, so that every row is bound again. */
  gtk_string_list_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                          (const char *const *) numbers->pdata);
  select_targets (self);
}

/* The filter */

static gboolean
filter_row_cb (gpointer item, gpointer user_data)
{
  YsImportPreview *self = user_data;
  guint row;

  if (!self->problems_only || self->import == NULL)
    return TRUE;
  row = (guint) strtoul (gtk_string_object_get_string (item), NULL, 10);
  return ys_sheet_import_get_row_status (self->import, row) == YS_SHEET_ROW_PROBLEM;
}

void
ys_import_preview_set_problems_only (YsImportPreview *self, gboolean only)
{
  self->problems_only = only;
  gtk_filter_changed (GTK_FILTER (self->filter), only ? GTK_FILTER_CHANGE_MORE_STRICT : GTK_FILTER_CHANGE_LESS_STRICT);
}

YsImportPreview *
ys_import_preview_new (GtkColumnView *view, GtkBox *mapping_box, YsImportPreviewChanged changed, gpointer user_data)
{
  YsImportPreview *self = g_new0 (YsImportPreview, 1);
  GtkFilterListModel *filtered;

  self->view = g_object_ref (view);
  self->mapping_box = g_object_ref (mapping_box);
  self->changed = changed;
  self->user_data = user_data;
  self->rows = gtk_string_list_new (NULL);
  self->filter = gtk_custom_filter_new (filter_row_cb, self, NULL);
  self->dropdowns = g_ptr_array_new ();
  self->targets = g_array_new (FALSE, FALSE, sizeof (int));
  self->pending = g_hash_table_new (g_direct_hash, g_direct_equal);
  filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->rows)),
                                        GTK_FILTER (g_object_ref (self->filter)));
  gtk_column_view_set_model (view, GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (filtered))));
  return self;
}

void
ys_import_preview_free (YsImportPreview *self)
{
  if (self == NULL)
    return;
  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  clear_columns (self);
  gtk_column_view_set_model (self->view, NULL);
  g_clear_object (&self->import);
  g_clear_object (&self->rows);
  g_clear_object (&self->filter);
  g_ptr_array_unref (self->dropdowns);
  g_array_unref (self->targets);
  g_hash_table_unref (self->pending);
  g_object_unref (self->view);
  g_object_unref (self->mapping_box);
  g_free (self);
}
