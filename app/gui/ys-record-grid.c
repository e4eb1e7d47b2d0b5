/* The editable table of the line items and the income.
 *
 * Rows: the document's records of one kind, filtered and sorted, followed
 * by new rows not saved yet ("drafts": a line item cannot exist without its
 * unit, codes, type and source; it is saved the moment they are there).
 * Only the rows on screen have widgets: a cell is a YsGridCell bound to a
 * record and a field, recycled as the table scrolls, and binding it sets
 * one text. Editing makes an editor in that one cell.
 *
 * The keyboard is a spreadsheet's: arrows and Tab move the current cell,
 * typing starts editing, Enter commits and goes down, Escape cancels. Every
 * commit goes through ys-cell-input (the core); a refused value stays in the
 * cell, marked, with the core's message, until it is fixed or cancelled. */
#define G_LOG_DOMAIN "yusuan"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "ys-application.h"
#include "ys-cell-input.h"
#include "ys-field-sorter.h"
#include "ys-form-binder.h"
#include "ys-record-grid-private.h"
#include "ys-widget-fixes.h"
#include "ys-row-slot.h"
#include "ys-widget-util.h"

G_DEFINE_FINAL_TYPE (YsRecordGrid, ys_record_grid, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_MONEY_UNIT, N_PROPS };
static GParamSpec *properties[N_PROPS];

enum { SIGNAL_PREPARE_DRAFT, N_SIGNALS };
static guint signals[N_SIGNALS];


/* Small helpers */

YsLookupKind
ys_record_grid_lookup_kind (YsRecordGrid *self,
             Column       *col)
{
  const YsField *field = column_field (self, col);

  if (col->info.lookup != YS_LOOKUP_NONE)
    return col->info.lookup;
  return field && field->type == YS_FIELD_CHOICE ? YS_LOOKUP_CHOICES : YS_LOOKUP_NONE;
}

guint
ys_record_grid_n_rows (YsRecordGrid *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->rows));
}

/* Borrowed: the models hold every row. */
YsRecord *
ys_record_grid_row_at (YsRecordGrid *self,
        guint         position)
{
  YsRecord *record = g_list_model_get_item (G_LIST_MODEL (self->rows), position);

  if (record != NULL)
    g_object_unref (record);
  return record;
}

gboolean
ys_record_grid_focus_is_inside (YsRecordGrid *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self));
}

void
ys_record_grid_emit_prepare_draft (YsRecordGrid *self,
                                   YsRecord     *record)
{
  g_signal_emit (self, signals[SIGNAL_PREPARE_DRAFT], 0, record);
}

/* Refused values */

static char *
bad_key (YsRecord *record,
         guint     column)
{
  return g_strdup_printf ("%p:%u", (gpointer) record, column);
}

static void
bad_cell_free (BadCell *bad)
{
  g_object_unref (bad->record);
  g_free (bad->text);
  g_free (bad->message);
  g_free (bad);
}

BadCell *
ys_record_grid_lookup_bad (YsRecordGrid *self,
            YsRecord     *record,
            guint         column)
{
  g_autofree char *key = NULL;

  /* Nearly always empty: no string is built on the way to a cell. */
  if (g_hash_table_size (self->bad) == 0)
    return NULL;
  key = bad_key (record, column);
  return g_hash_table_lookup (self->bad, key);
}

void
ys_record_grid_set_bad (YsRecordGrid *self,
         YsRecord     *record,
         guint         column,
         const char   *text,
         const char   *message)
{
  BadCell *bad = g_new0 (BadCell, 1);

  bad->record = g_object_ref (record);
  bad->column = column;
  bad->text = g_strdup (text);
  bad->message = g_strdup (message);
  g_hash_table_replace (self->bad, bad_key (record, column), bad);
}

void
ys_record_grid_clear_bad (YsRecordGrid *self,
           YsRecord     *record,
           guint         column)
{
  g_autofree char *key = NULL;

  if (g_hash_table_size (self->bad) == 0)
    return;
  key = bad_key (record, column);
  g_hash_table_remove (self->bad, key);
}

static gboolean
bad_is_of_record (gpointer key,
                  gpointer value,
                  gpointer user_data)
{
  return ((BadCell *) value)->record == user_data;
}

/* Forgets the refused values of a row that goes. */
void
ys_record_grid_forget_bad (YsRecordGrid *self,
                           YsRecord     *record)
{
  g_hash_table_foreach_remove (self->bad, bad_is_of_record, record);
}

/* Status line */

void
ys_record_grid_show_status (YsRecordGrid *self,
                            const char   *message)
{
  gtk_label_set_label (self->status_label, message);
  gtk_revealer_set_reveal_child (self->status_revealer, TRUE);
}

void
ys_record_grid_hide_status (YsRecordGrid *self)
{
  gtk_revealer_set_reveal_child (self->status_revealer, FALSE);
}

static void
on_status_close_clicked_cb (YsRecordGrid *self,
                            GtkButton    *button)
{
  ys_record_grid_hide_status (self);
  ys_record_grid_focus (self);
}

void
ys_record_grid_add_toast (YsRecordGrid *self,
                          const char   *text)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (text));
}

/* What cells show */

char *
ys_record_grid_flags_text (YsRecordGrid *self,
                           Column       *col,
                           YsRecord     *record)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; col->info.flags[i] >= 0; i++)
    if (ys_record_get_int (record, col->info.flags[i]) != 0)
      {
        if (text->len > 0)
          g_string_append (text, "、");
        g_string_append (text, _(col->info.flag_labels[i]));
      }
  return g_string_free (text, FALSE);
}

static char *
display_text (YsRecordGrid *self,
              Column       *col,
              YsRecord     *record)
{
  const YsField *field = column_field (self, col);
  guint fi = col->info.field;

  if (field == NULL)
    return ys_record_grid_flags_text (self, col, record);

  switch (field->type)
    {
    case YS_FIELD_MONEY:
      return ys_money_format (ys_record_get_int (record, fi), YS_MONEY_YUAN, TRUE);
    case YS_FIELD_INT:
    case YS_FIELD_BOOL:
      return ys_record_format (record, fi);
    case YS_FIELD_CODE:
      if (col->info.lookup == YS_LOOKUP_PROJECT)
        {
          /* Project codes are long and say little; the name is what people know. */
          const char *code = ys_record_get_text (record, fi);
          const char *name = ys_lookup_name (self->lookup, YS_LOOKUP_PROJECT, code);
          return g_strdup (name && *name ? name : code);
        }
      return g_strdup (ys_lookup_describe (self->lookup, col->info.lookup,
                                           ys_record_get_text (record, fi)));
    case YS_FIELD_TEXT:
    case YS_FIELD_CHOICE:
    default:
      return g_strdup (ys_record_get_text (record, fi));
    }
}

/* The raw value an editor starts from: the code, not its name. */
char *
ys_record_grid_edit_text (YsRecordGrid *self,
           Column       *col,
           YsRecord     *record)
{
  const YsField *field = column_field (self, col);
  BadCell *bad = ys_record_grid_lookup_bad (self, record, col->index);

  if (bad != NULL)
    return g_strdup (bad->text);
  if (field == NULL)
    return ys_record_grid_flags_text (self, col, record);
  if (field->type == YS_FIELD_MONEY)
    return ys_form_binder_format_money (ys_record_get_int (record, col->info.field), self->money_unit);
  return ys_record_format (record, col->info.field);
}

/* A row with findings: tinted, the first cell marked, the messages told. */
static void
mark_cell (YsRecordGrid *self,
           YsGridCell   *cell,
           Column       *col,
           YsRecord     *record)
{
  const Mark *mark = ys_record_grid_get_mark (self, record);
  GtkWidget *widget = GTK_WIDGET (cell);

  gtk_widget_remove_css_class (widget, "finding-error");
  gtk_widget_remove_css_class (widget, "finding-warning");
  gtk_widget_remove_css_class (widget, "finding-first");
  if (mark == NULL)
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      return;
    }
  gtk_widget_add_css_class (widget, mark->level == YS_FINDING_ERROR ? "finding-error" : "finding-warning");
  if (col->index == 0)
    gtk_widget_add_css_class (widget, "finding-first");
  gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  mark->text->str, -1);
}

void
ys_record_grid_refresh_cell (YsRecordGrid *self,
                             YsGridCell   *cell)
{
  YsRecord *record = ys_grid_cell_get_record (cell);
  Column *col = column_at (self, ys_grid_cell_get_column (cell));
  const YsField *field = column_field (self, col);
  BadCell *bad;
  g_autofree char *text = NULL;
  gboolean placeholder = FALSE;

  if (record == NULL || self->lookup == NULL)
    return;

  bad = ys_record_grid_lookup_bad (self, record, col->index);
  if (bad != NULL)
    text = g_strdup (bad->text);
  else
    text = display_text (self, col, record);

  if (is_draft (record))
    {
      gtk_widget_add_css_class (GTK_WIDGET (cell), "draft");
      /* A new row shows no 0 or 0.00 it was not given. */
      if (field != NULL && (field->type == YS_FIELD_MONEY || field->type == YS_FIELD_INT) && bad == NULL
          && ys_record_get_int (record, col->info.field) == 0)
        {
          g_free (text);
          text = g_strdup ("");
        }
      /* What a new row still needs before it can be saved. */
      if (*text == '\0' && field != NULL && (field->flags & YS_FIELD_REQUIRED))
        {
          g_free (text);
          text = g_strdup (_("Required"));
          placeholder = TRUE;
        }
    }
  else
    gtk_widget_remove_css_class (GTK_WIDGET (cell), "draft");

  ys_grid_cell_set_text (cell, text, placeholder);
  ys_grid_cell_set_error (cell, bad ? bad->message : NULL);
  mark_cell (self, cell, col, record);
}

static gboolean
on_cell_query_tooltip_cb (YsGridCell *cell,
                          int         x,
                          int         y,
                          gboolean    keyboard,
                          GtkTooltip *tooltip,
                          Column     *col)
{
  YsRecordGrid *self = col->grid;
  YsRecord *record = ys_grid_cell_get_record (cell);
  const YsField *field = column_field (self, col);
  g_autofree char *text = NULL;

  if (record == NULL || self->lookup == NULL)
    return FALSE;

  /* Built on hover, not on bind: the full catalog path is the one thing a
   * narrow column cannot show. */
  if (ys_grid_cell_get_error (cell) != NULL)
    text = g_strdup (ys_grid_cell_get_error (cell));
  else if (field != NULL && field->type == YS_FIELD_CODE
           && (col->info.lookup == YS_LOOKUP_FUNCTION || col->info.lookup == YS_LOOKUP_ECONOMIC
               || col->info.lookup == YS_LOOKUP_PROCUREMENT))
    text = ys_lookup_describe_path (self->lookup, col->info.lookup,
                                    ys_record_get_text (record, col->info.field));
  else if (field != NULL && field->type == YS_FIELD_MONEY)
    {
      g_autofree char *wan = ys_money_format (ys_record_get_int (record, col->info.field), YS_MONEY_WAN, TRUE);
      /* Translators: a tooltip on an amount shown in 元: the same figure in 万元 */
      text = g_strdup_printf (_("%s ten-thousand yuan"), wan);
    }
  else if (field != NULL && col->info.lookup != YS_LOOKUP_NONE)
    text = g_strdup (ys_lookup_describe (self->lookup, col->info.lookup,
                                         ys_record_get_text (record, col->info.field)));
  if (ys_record_grid_get_mark (self, record) != NULL)
    {
      /* The row's findings first: they are why the row is marked. */
      const char *findings = ys_record_grid_get_mark (self, record)->text->str;
      char *both = text && *text ? g_strconcat (findings, "\n\n", text, NULL) : g_strdup (findings);

      g_free (text);
      text = both;
    }
  if (text == NULL || *text == '\0')
    return FALSE;
  ys_widget_fixes_tooltip (tooltip, text);
  return TRUE;
}

/* Factories */

/* Teardown comes after GTK has taken the child away: the column forgets a
 * cell when the cell goes. */
static void
on_cell_finalized_cb (gpointer  data,
                      GObject  *cell)
{
  Column *col = data;

  g_ptr_array_remove_fast (col->cells, cell);
}


static void
on_factory_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     Column                   *col)
{
  YsRecordGrid *self = col->grid;
  const YsField *field = column_field (self, col);
  gboolean numeric = field && (field->type == YS_FIELD_MONEY || field->type == YS_FIELD_INT);
  GtkWidget *cell = ys_grid_cell_new (item, col->index, numeric);
  GtkEventController *controller;

  /* The cell takes the focus, not the row. */
  gtk_list_item_set_activatable (item, FALSE);
  gtk_list_item_set_child (item, cell);

  controller = GTK_EVENT_CONTROLLER (gtk_gesture_click_new ());
  g_signal_connect (controller, "pressed", G_CALLBACK (ys_record_grid_on_cell_pressed_cb), col);
  gtk_widget_add_controller (cell, controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect (controller, "enter", G_CALLBACK (ys_record_grid_on_cell_focus_enter_cb), col);
  g_signal_connect (controller, "leave", G_CALLBACK (ys_record_grid_on_cell_focus_leave_cb), col);
  gtk_widget_add_controller (cell, controller);

  g_signal_connect (cell, "query-tooltip", G_CALLBACK (on_cell_query_tooltip_cb), col);
  g_ptr_array_add (col->cells, cell);
  g_object_weak_ref (G_OBJECT (cell), on_cell_finalized_cb, col);
}

/* Public API */

static void
column_free (Column *col)
{
  for (guint i = 0; i < col->cells->len; i++)
    g_object_weak_unref (g_ptr_array_index (col->cells, i), on_cell_finalized_cb, col);
  g_ptr_array_unref (col->cells);
  g_free (col->notify);
  g_free (col);
}

void
ys_record_grid_setup (YsRecordGrid           *self,
                      const YsKind           *kind,
                      const YsGridColumnInfo *columns,
                      guint                   n_columns,
                      const int              *copy_fields)
{
  GType gtype;

  g_return_if_fail (YS_IS_RECORD_GRID (self));
  g_return_if_fail (self->kind == NULL);

  self->kind = kind;
  gtype = ys_kind_get_gtype (kind);
  self->drafts = g_list_store_new (gtype);

  for (int i = 0; copy_fields && copy_fields[i] >= 0; i++)
    g_array_append_val (self->copy_fields, copy_fields[i]);

  for (guint i = 0; i < n_columns; i++)
    {
      Column *col = g_new0 (Column, 1);
      const YsField *field;
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkSorter *sorter = NULL;

      col->grid = self;
      col->index = i;
      col->info = columns[i];
      col->cells = g_ptr_array_new ();
      col->records_least = -1;
      field = column_field (self, col);
      if (field != NULL)
        {
          g_autofree char *prop = g_strdelimit (g_strdup (field->name), "_", '-');

          col->notify = g_strconcat ("notify::", prop, NULL);
          if (field->type == YS_FIELD_MONEY || field->type == YS_FIELD_INT || field->type == YS_FIELD_BOOL)
            sorter = ys_field_sorter_new (col->info.field);
          else
            sorter = GTK_SORTER (gtk_string_sorter_new (gtk_property_expression_new (gtype, NULL, prop)));
        }
      else
        col->notify = g_strdup ("notify");

      g_signal_connect (factory, "setup", G_CALLBACK (on_factory_setup_cb), col);
      g_signal_connect (factory, "bind", G_CALLBACK (ys_record_grid_on_factory_bind_cb), col);
      g_signal_connect (factory, "unbind", G_CALLBACK (ys_record_grid_on_factory_unbind_cb), col);

      col->column = gtk_column_view_column_new (_(col->info.title), factory);
      gtk_column_view_column_set_resizable (col->column, TRUE);
      if (col->info.fixed_width > 0)
        gtk_column_view_column_set_fixed_width (col->column, col->info.fixed_width);
      else
        gtk_column_view_column_set_expand (col->column, TRUE);
      ys_record_grid_fit_column (self, col);
      if (sorter != NULL)
        {
          gtk_column_view_column_set_sorter (col->column, sorter);
          g_object_unref (sorter);
        }
      gtk_column_view_append_column (self->column_view, col->column);
      g_ptr_array_add (self->columns, col);
    }

  {
    GListStore *parts = g_list_store_new (G_TYPE_LIST_MODEL);

    g_list_store_append (parts, self->sort_model);
    g_list_store_append (parts, self->drafts);
    self->rows = gtk_flatten_list_model_new (G_LIST_MODEL (parts));
    self->slots = ys_row_slot_list_new (G_LIST_MODEL (g_object_ref (self->rows)));
    g_signal_connect_object (self->slots, "rebound", G_CALLBACK (ys_record_grid_on_rows_rebound_cb), self, G_CONNECT_SWAPPED);
    ys_record_grid_bind_init (self);
    self->selection = gtk_multi_selection_new (G_LIST_MODEL (g_object_ref (self->slots)));
    gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  }
}

void
ys_record_grid_set_document (YsRecordGrid *self,
                             YsDocument   *document,
                             YsLookup     *lookup)
{
  g_return_if_fail (YS_IS_RECORD_GRID (self));
  g_return_if_fail (self->kind != NULL);

  ys_record_grid_finish_edit (self, FALSE);
  ys_record_grid_hide_status (self);
  g_clear_handle_id (&self->drafts_idle, g_source_remove);
  g_hash_table_remove_all (self->bad);
  g_clear_object (&self->cursor);
  g_clear_handle_id (&self->unpin_idle, g_source_remove);
  g_ptr_array_set_size (self->pinned, 0);
  g_ptr_array_set_size (self->pristine, 0);
  g_list_store_remove_all (self->drafts);
  /* Before the lookup goes, so that no cell describes itself with it. */
  ys_filter_model_set_model (self->filter_model, NULL);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->lookup, lookup);
  g_set_object (&self->document, document);
  if (document != NULL)
    {
      g_signal_connect_object (document, "changed", G_CALLBACK (ys_record_grid_on_document_changed), self, G_CONNECT_SWAPPED);
      ys_filter_model_set_model (self->filter_model, ys_document_get_model (document, self->kind));
      ys_record_grid_ensure_new_row (self);
    }
  ys_record_grid_fit_set_document (self);
}

void
ys_record_grid_set_filter (YsRecordGrid *self,
                           GtkFilter    *filter)
{
  g_return_if_fail (YS_IS_RECORD_GRID (self));

  if (self->page_filter != NULL)
    g_signal_handlers_disconnect_by_data (self->page_filter, self);
  g_set_object (&self->page_filter, filter);
  if (filter != NULL)
    g_signal_connect_object (filter, "changed", G_CALLBACK (ys_record_grid_on_page_filter_changed), self, G_CONNECT_SWAPPED);
  gtk_filter_changed (self->own_filter, GTK_FILTER_CHANGE_DIFFERENT);
}

void
ys_record_grid_set_label (YsRecordGrid *self,
                          const char   *label)
{
  g_return_if_fail (YS_IS_RECORD_GRID (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->column_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

GtkSelectionModel *
ys_record_grid_get_selection (YsRecordGrid *self)
{
  g_return_val_if_fail (YS_IS_RECORD_GRID (self), NULL);

  return GTK_SELECTION_MODEL (self->selection);
}

YsMoneyUnit
ys_record_grid_get_money_unit (YsRecordGrid *self)
{
  g_return_val_if_fail (YS_IS_RECORD_GRID (self), YS_MONEY_YUAN);

  return self->money_unit;
}

void
ys_record_grid_focus (YsRecordGrid *self)
{
  g_return_if_fail (YS_IS_RECORD_GRID (self));

  if (ys_record_grid_n_rows (self) == 0)
    return;
  if (self->cursor != NULL)
    {
      guint position = ys_record_grid_position_of (self, self->cursor, self->cursor_hint);

      if (position != GTK_INVALID_LIST_POSITION)
        {
          ys_record_grid_set_cursor (self, position, self->cursor_column, FALSE, FALSE);
          return;
        }
    }
  ys_record_grid_set_cursor (self, 0, 0, TRUE, FALSE);
}

void
ys_record_grid_add_row (YsRecordGrid *self)
{
  YsRecord *current;
  g_autoptr(YsRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  guint column = self->cursor_column;
  guint position;

  g_return_if_fail (YS_IS_RECORD_GRID (self));

  if (self->document == NULL || self->kind == NULL)
    return;
  if (self->editing != NULL && !ys_record_grid_commit_edit (self, 0, 0, FALSE, FALSE))
    return;

  current = self->cursor;
  if (current != NULL && ys_record_grid_position_of (self, current, self->cursor_hint) == GTK_INVALID_LIST_POSITION)
    current = NULL;

  if (current != NULL && !is_draft (current))
    {
      guint first_draft = 0;
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->drafts));

      /* Like the current row. A copy that is complete is saved at once and
       * shown below the rows just typed, before the empty one; one that
       * still needs what is not copied (an item's name) fills the empty
       * row instead. */
      record = ys_record_grid_new_row_like (self, current);
      if (!ys_record_grid_draft_is_complete (self, record))
        {
          g_clear_object (&record);
          record = g_object_ref (ys_record_grid_prefill_new_row (self, current, &column));
        }
      else
        {
          if (!ys_record_grid_insert_pinned (self, record, &error))
            {
              ys_record_grid_show_status (self, error->message);
              return;
            }
          while (first_draft < n)
            {
              g_autoptr(YsRecord) item = g_list_model_get_item (G_LIST_MODEL (self->drafts), first_draft);
              if (is_draft (item))
                break;
              first_draft++;
            }
          g_list_store_insert (self->drafts, first_draft, record);
        }
    }
  else
    {
      /* Nothing to copy: the empty row at the end, to fill in. */
      ys_record_grid_ensure_new_row (self);
      record = g_list_model_get_item (G_LIST_MODEL (self->drafts),
                                      g_list_model_get_n_items (G_LIST_MODEL (self->drafts)) - 1);
      column = 0;
    }

  position = ys_record_grid_position_of (self, record, ys_record_grid_n_rows (self) - 1);
  if (position != GTK_INVALID_LIST_POSITION)
    ys_record_grid_set_cursor (self, position, column, TRUE, FALSE);
}


/* Settings and document */

static void
on_settings_changed_cb (YsRecordGrid *self,
                        const char   *key,
                        GSettings    *settings)
{
  YsMoneyUnit unit = g_settings_get_enum (settings, "entry-unit") == YS_MONEY_WAN
                     ? YS_MONEY_WAN : YS_MONEY_YUAN;

  if (unit == self->money_unit)
    return;
  self->money_unit = unit;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MONEY_UNIT]);
}

/* GObject */

static void
ys_record_grid_dispose (GObject *object)
{
  YsRecordGrid *self = YS_RECORD_GRID (object);

  self->editing = NULL;
  g_clear_object (&self->editing_record);
  g_clear_handle_id (&self->drafts_idle, g_source_remove);
  g_clear_handle_id (&self->unpin_idle, g_source_remove);
  g_clear_handle_id (&self->fit_idle, g_source_remove);
  if (self->rebind_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->rebind_tick);
  self->rebind_tick = 0;
  ys_record_grid_clear_marks (self);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  if (self->page_filter != NULL)
    g_signal_handlers_disconnect_by_data (self->page_filter, self);
  if (self->focus_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->focus_tick);
  self->focus_tick = 0;
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);

  /* The cells' handlers point at the columns: the view goes first. */
  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  g_clear_pointer (&self->popover, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), YS_TYPE_RECORD_GRID);
  ys_widget_remove_children (GTK_WIDGET (self));

  g_clear_object (&self->selection);
  g_clear_object (&self->slots);
  g_clear_object (&self->rows);
  g_clear_object (&self->drafts);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->own_filter);
  g_clear_object (&self->page_filter);
  g_clear_object (&self->cursor);
  g_clear_object (&self->reveal_record);
  g_clear_object (&self->lookup);
  g_clear_object (&self->document);
  g_clear_object (&self->im);
  g_clear_pointer (&self->bad, g_hash_table_unref);

  G_OBJECT_CLASS (ys_record_grid_parent_class)->dispose (object);
}

static void
ys_record_grid_finalize (GObject *object)
{
  YsRecordGrid *self = YS_RECORD_GRID (object);

  g_clear_pointer (&self->columns, g_ptr_array_unref);
  g_clear_pointer (&self->copy_fields, g_array_unref);
  g_clear_pointer (&self->suggestions, g_ptr_array_unref);
  g_clear_pointer (&self->pinned, g_ptr_array_unref);
  g_clear_pointer (&self->pristine, g_ptr_array_unref);

  G_OBJECT_CLASS (ys_record_grid_parent_class)->finalize (object);
}

static void
ys_record_grid_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  YsRecordGrid *self = YS_RECORD_GRID (object);

  switch (prop_id)
    {
    case PROP_MONEY_UNIT:
      g_value_set_int (value, self->money_unit);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ys_record_grid_class_init (YsRecordGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ys_record_grid_dispose;
  object_class->finalize = ys_record_grid_finalize;
  object_class->get_property = ys_record_grid_get_property;

  /* The unit amounts are typed in (the entry-unit preference): a
   * YsMoneyUnit, for pages that say so. */
  properties[PROP_MONEY_UNIT] =
    g_param_spec_int ("money-unit", NULL, NULL, YS_MONEY_YUAN, YS_MONEY_WAN, YS_MONEY_YUAN,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * YsRecordGrid::prepare-draft:
   * @record: a new row, not saved yet
   *
   * Lets the page fill in what a new row starts with (the unit shown, the
   * usual fund source) when there is no row to copy.
   */
  signals[SIGNAL_PREPARE_DRAFT] =
    g_signal_new ("prepare-draft", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, YS_TYPE_RECORD);

  ys_record_grid_install_key_actions (widget_class);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/yusuan/Yusuan/ui/ys-record-grid.ui");
  gtk_widget_class_bind_template_child (widget_class, YsRecordGrid, scroller);
  gtk_widget_class_bind_template_child (widget_class, YsRecordGrid, column_view);
  gtk_widget_class_bind_template_child (widget_class, YsRecordGrid, status_revealer);
  gtk_widget_class_bind_template_child (widget_class, YsRecordGrid, status_label);
  gtk_widget_class_bind_template_callback (widget_class, on_status_close_clicked_cb);

}

static void
ys_record_grid_init (YsRecordGrid *self)
{

  GtkEventController *controller;
  GApplication *app = g_application_get_default ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->columns = g_ptr_array_new_with_free_func ((GDestroyNotify) column_free);
  self->copy_fields = g_array_new (FALSE, FALSE, sizeof (int));
  self->suggestions = g_ptr_array_new_with_free_func ((GDestroyNotify) ys_lookup_match_free);
  self->bad = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) bad_cell_free);

  /* Filtering and sorting 100,000 rows are done in slices between
   * frames, each result shown as one change when it is done. */
  self->pinned = g_ptr_array_new_with_free_func (g_object_unref);
  self->pristine = g_ptr_array_new_with_free_func (g_object_unref);
  self->own_filter = GTK_FILTER (gtk_custom_filter_new (ys_record_grid_filter_cb, self, NULL));
  self->filter_model = ys_filter_model_new (NULL, g_object_ref (self->own_filter));
  self->sort_model = ys_sort_model_new (G_LIST_MODEL (g_object_ref (self->filter_model)), NULL);
  g_object_bind_property (self->column_view, "sorter", self->sort_model, "sorter", G_BINDING_SYNC_CREATE);
  g_signal_connect_swapped (self->filter_model, "notify::pending", G_CALLBACK (ys_record_grid_on_models_pending), self);
  g_signal_connect_swapped (self->sort_model, "notify::pending", G_CALLBACK (ys_record_grid_on_models_pending), self);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      self->list_view = child;

  /* The grid's, not a cell's: cells are rebound to other rows as the list
   * scrolls, and the popover points at the edited cell's place instead. */
  self->popover = ys_completion_popover_new ();
  gtk_widget_set_parent (self->popover, GTK_WIDGET (self));
  g_signal_connect_object (self->popover, "activated", G_CALLBACK (ys_record_grid_on_popover_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_scrolled_window_get_hadjustment (self->scroller), "value-changed",
                           G_CALLBACK (ys_record_grid_on_adjustment_value_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scroller), "value-changed",
                           G_CALLBACK (ys_record_grid_on_adjustment_value_changed_cb), self, G_CONNECT_SWAPPED);

  ys_record_grid_add_key_controller (self);
  ys_record_grid_fit_init (self);

  /* What nothing else took is typed text: it starts editing the cell. */
  self->im = gtk_im_multicontext_new ();
  gtk_im_context_set_client_widget (self->im, GTK_WIDGET (self));
  g_signal_connect_swapped (self->im, "commit", G_CALLBACK (ys_record_grid_on_im_commit_cb), self);
  controller = gtk_event_controller_key_new ();
  gtk_event_controller_key_set_im_context (GTK_EVENT_CONTROLLER_KEY (controller), self->im);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (controller, "enter", G_CALLBACK (ys_record_grid_on_focus_enter_cb), self);
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (ys_record_grid_on_focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  self->money_unit = YS_MONEY_YUAN;
  if (YS_IS_APPLICATION (app) && ys_application_get_settings (YS_APPLICATION (app)) != NULL)
    {
      self->settings = g_object_ref (ys_application_get_settings (YS_APPLICATION (app)));
      g_signal_connect_swapped (self->settings, "changed::entry-unit", G_CALLBACK (on_settings_changed_cb), self);
      on_settings_changed_cb (self, "entry-unit", self->settings);
    }
}
