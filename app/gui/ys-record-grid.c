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
 * commit goes through ys_document_set_text(); a refused value stays in the
 * cell, marked, with the core's message, until it is fixed or cancelled. */
#define G_LOG_DOMAIN "yusuan"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "ys-application.h"
#include "ys-form-binder.h"
#include "ys-record-grid-private.h"
#include "ys-row-slot.h"

#define MAX_SUGGESTIONS     50
/* Frames to wait for the row of the current cell to be laid out. */
#define FOCUS_TRIES         30

/* How far the current cell is from being focused, frame after frame. */
typedef enum
{
  FOCUS_CELL,         /* focused once its row has a widget */
  FOCUS_SCROLL_ROW,   /* its row scrolled to once the table has a size */
  FOCUS_SCROLL_CELL,  /* scrolled wholly into view, then focused */
} FocusStep;

G_DEFINE_FINAL_TYPE (YsRecordGrid, ys_record_grid, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_MONEY_UNIT, N_PROPS };
static GParamSpec *properties[N_PROPS];

enum { SIGNAL_PREPARE_DRAFT, N_SIGNALS };
static guint signals[N_SIGNALS];

static void update_suggestions (YsRecordGrid *self);

/* Small helpers */

static YsLookupKind
lookup_kind (YsRecordGrid *self,
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
static YsRecord *
row_at (YsRecordGrid *self,
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

static BadCell *
lookup_bad (YsRecordGrid *self,
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

static void
set_bad (YsRecordGrid *self,
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

static void
clear_bad (YsRecordGrid *self,
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

static void
hide_status (YsRecordGrid *self)
{
  gtk_revealer_set_reveal_child (self->status_revealer, FALSE);
}

static void
on_status_close_clicked_cb (YsRecordGrid *self,
                            GtkButton    *button)
{
  hide_status (self);
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
static char *
edit_text (YsRecordGrid *self,
           Column       *col,
           YsRecord     *record)
{
  const YsField *field = column_field (self, col);
  BadCell *bad = lookup_bad (self, record, col->index);

  if (bad != NULL)
    return g_strdup (bad->text);
  if (field == NULL)
    return ys_record_grid_flags_text (self, col, record);
  if (field->type == YS_FIELD_MONEY)
    return ys_form_binder_format_money (ys_record_get_int (record, col->info.field), self->money_unit);
  return ys_record_format (record, col->info.field);
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

  bad = lookup_bad (self, record, col->index);
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
}

static void
on_record_notify_cb (YsGridCell *cell,
                     GParamSpec *pspec,
                     YsRecord   *record)
{
  YsRecordGrid *self = YS_RECORD_GRID (gtk_widget_get_ancestor (GTK_WIDGET (cell), YS_TYPE_RECORD_GRID));

  if (self != NULL && self->editing != cell)
    ys_record_grid_refresh_cell (self, cell);
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
  if (text == NULL || *text == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* Current cell */

static YsGridCell *
focused_cell (YsRecordGrid *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  GtkWidget *cell;

  if (focus == NULL)
    return NULL;
  cell = YS_IS_GRID_CELL (focus) ? focus : gtk_widget_get_ancestor (focus, YS_TYPE_GRID_CELL);
  if (cell == NULL || !gtk_widget_is_ancestor (cell, GTK_WIDGET (self)))
    return NULL;
  return YS_GRID_CELL (cell);
}

guint
ys_record_grid_position_of (YsRecordGrid *self,
                            YsRecord     *record,
                            guint         hint)
{
  guint n = ys_record_grid_n_rows (self);
  guint sorted = g_list_model_get_n_items (G_LIST_MODEL (self->sort_model));
  guint guesses[] = { hint, hint + 1, hint > 0 ? hint - 1 : 0, sorted > 0 ? sorted - 1 : 0,
                      n > 0 ? n - 1 : 0, n > 1 ? n - 2 : 0 };

  if (record == NULL)
    return GTK_INVALID_LIST_POSITION;
  /* Where it was, or just added at the end (before the empty row): nearly
   * always one of these, without a walk through 100,000 rows. */
  for (guint i = 0; i < G_N_ELEMENTS (guesses); i++)
    if (guesses[i] < n && row_at (self, guesses[i]) == record)
      return guesses[i];
  for (guint i = 0; i < n; i++)
    if (row_at (self, i) == record)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

static YsGridCell *
find_cell (YsRecordGrid *self,
           YsRecord     *record,
           guint         column)
{
  Column *col;

  if (record == NULL || column >= self->columns->len)
    return NULL;
  col = column_at (self, column);
  for (guint i = 0; i < col->cells->len; i++)
    {
      YsGridCell *cell = g_ptr_array_index (col->cells, i);

      if (ys_grid_cell_get_record (cell) == record && gtk_widget_get_mapped (GTK_WIDGET (cell)))
        return cell;
    }
  return NULL;
}

/* Moves @adjustment so that the span from @start, @size long, shows in a
 * view @visible long. */
static void
scroll_span_into_view (GtkAdjustment *adjustment,
                       double         start,
                       double         size,
                       double         visible)
{
  double value = gtk_adjustment_get_value (adjustment);

  /* Not laid out yet: nothing to tell. */
  if (visible <= 0)
    return;
  if (start < 0)
    gtk_adjustment_set_value (adjustment, value + start);
  else if (start + size > visible)
    gtk_adjustment_set_value (adjustment, value + MIN (start, start + size - visible));
}

/* The list scrolls to a row, never to a column: a cell of a column out of
 * view is scrolled in here. @vertical only once the list has laid out the
 * row where it will stay; before, its place is about to change. */
static void
scroll_to_cell (YsRecordGrid *self,
                YsGridCell   *cell,
                gboolean      vertical)
{
  graphene_rect_t bounds;

  if (gtk_widget_compute_bounds (GTK_WIDGET (cell), GTK_WIDGET (self->column_view), &bounds))
    scroll_span_into_view (gtk_scrolled_window_get_hadjustment (self->scroller),
                           bounds.origin.x, bounds.size.width,
                           gtk_widget_get_width (GTK_WIDGET (self->column_view)));
  if (vertical && gtk_widget_compute_bounds (GTK_WIDGET (cell), self->list_view, &bounds))
    scroll_span_into_view (gtk_scrolled_window_get_vadjustment (self->scroller),
                           bounds.origin.y, bounds.size.height,
                           gtk_widget_get_height (self->list_view));
}

static gboolean
focus_cursor_tick_cb (GtkWidget     *widget,
                      GdkFrameClock *clock,
                      gpointer       user_data)
{
  YsRecordGrid *self = YS_RECORD_GRID (widget);
  FocusStep *step = user_data;
  YsGridCell *cell;

  if (*step == FOCUS_SCROLL_ROW)
    {
      guint position = ys_record_grid_position_of (self, self->cursor, self->cursor_hint);

      /* Asked for before the table had its size (its page had just been
       * shown), the list could not tell where to scroll: asked again now
       * that it can. The cell waits for the next frame, laid out there. */
      if (position != GTK_INVALID_LIST_POSITION && gtk_widget_get_height (self->list_view) > 0)
        {
          gtk_widget_activate_action (self->list_view, "list.scroll-to-item", "u", position);
          *step = FOCUS_SCROLL_CELL;
          return G_SOURCE_CONTINUE;
        }
    }
  else if ((cell = find_cell (self, self->cursor, self->cursor_column)) != NULL)
    {
      scroll_to_cell (self, cell, *step == FOCUS_SCROLL_CELL);
      gtk_widget_grab_focus (GTK_WIDGET (cell));
      self->focus_tick = 0;
      return G_SOURCE_REMOVE;
    }

  if (++self->focus_tries >= FOCUS_TRIES)
    {
      self->focus_tick = 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
focus_cursor (YsRecordGrid *self,
              FocusStep     step)
{
  YsGridCell *cell = step == FOCUS_CELL ? find_cell (self, self->cursor, self->cursor_column) : NULL;
  FocusStep *data;

  /* A newer current cell replaces one still waited for. */
  if (self->focus_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->focus_tick);
  self->focus_tick = 0;

  if (cell != NULL)
    {
      scroll_to_cell (self, cell, FALSE);
      gtk_widget_grab_focus (GTK_WIDGET (cell));
      return;
    }
  /* The row has no widget until the list has scrolled to it and laid it
   * out: try again on the next frames. */
  data = g_new (FocusStep, 1);
  *data = step;
  self->focus_tries = 0;
  self->focus_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), focus_cursor_tick_cb, data, g_free);
}

void
ys_record_grid_set_cursor (YsRecordGrid *self,
                           guint         position,
                           guint         column,
                           gboolean      select,
                           gboolean      extend)
{
  YsRecord *record = row_at (self, position);

  if (record == NULL)
    return;
  g_set_object (&self->cursor, record);
  self->cursor_column = MIN (column, self->columns->len - 1);
  self->cursor_hint = position;

  if (select)
    gtk_widget_activate_action (self->list_view, "list.select-item", "(ubb)", position, FALSE, extend);
  gtk_widget_activate_action (self->list_view, "list.scroll-to-item", "u", position);
  /* A finding's cell (the reveal sets the cursor on it) is focused from a
   * frame, not now: the finding was clicked, and its list takes the focus
   * back once the click is handled. Its page may also just have been
   * shown, before the list had a size to scroll in. */
  focus_cursor (self, record == self->reveal_record ? FOCUS_SCROLL_ROW : FOCUS_CELL);
}

static void
move_cursor (YsRecordGrid *self,
             int           dy,
             int           dx,
             gboolean      wrap,
             gboolean      extend)
{
  YsGridCell *cell = focused_cell (self);
  guint n = ys_record_grid_n_rows (self);
  int ncols = (int) self->columns->len;
  int pos;
  int col;

  if (n == 0)
    return;
  if (cell != NULL && ys_grid_cell_get_record (cell) != NULL)
    {
      pos = (int) gtk_list_item_get_position (ys_grid_cell_get_list_item (cell));
      col = (int) ys_grid_cell_get_column (cell);
    }
  else
    {
      guint p = ys_record_grid_position_of (self, self->cursor, self->cursor_hint);
      pos = p == GTK_INVALID_LIST_POSITION ? 0 : (int) p;
      col = (int) self->cursor_column;
    }

  col += dx;
  if (col < 0)
    {
      if (wrap && pos > 0)
        {
          pos--;
          col = ncols - 1;
        }
      else
        col = 0;
    }
  else if (col >= ncols)
    {
      if (wrap && pos + 1 < (int) n)
        {
          pos++;
          col = 0;
        }
      else
        col = ncols - 1;
    }
  pos = CLAMP (pos + dy, 0, (int) n - 1);
  ys_record_grid_set_cursor (self, (guint) pos, (guint) col, dy != 0 || wrap, extend);
}

/* Rows in a page of the view, for Page Up and Page Down. */
static int
page_rows (YsRecordGrid *self)
{
  YsGridCell *cell = focused_cell (self);
  int height = gtk_widget_get_height (GTK_WIDGET (self->scroller));
  int row = cell ? gtk_widget_get_height (GTK_WIDGET (cell)) : 0;

  return MAX (1, row > 0 ? height / row - 2 : 10);
}

/* Writing values */

static gboolean
check_reference (YsRecordGrid   *self,
                 const YsField  *field,
                 const char     *value,
                 GError        **error)
{
  const YsKind *target;

  if (field->ref == NULL || value == NULL || *value == '\0')
    return TRUE;
  target = ys_kinds_lookup (field->ref);
  if (ys_document_lookup_key (self->document, target, value) != NULL)
    return TRUE;
  /* The same words as the document's own check. */
  g_set_error (error, YS_DOCUMENT_ERROR, YS_DOCUMENT_ERROR_INVALID,
               _("%s: there is no %s with the code “%s”"),
               _(field->label), _(target->label), value);
  return FALSE;
}

/* Typed text of a field as the document takes it: amounts in 元. */
static char *
normalize_text (YsRecordGrid   *self,
                Column         *col,
                const char     *text,
                GError        **error)
{
  const YsField *field = column_field (self, col);
  g_autofree char *resolved = ys_lookup_resolve (self->lookup, lookup_kind (self, col), field, text);

  if (field->type == YS_FIELD_MONEY)
    {
      g_autoptr(GError) local = NULL;
      YsMoneyParseFlags flags = YS_MONEY_PARSE_ALLOW_EMPTY;
      YsMoney fen = 0;

      if (field->flags & YS_FIELD_NEGATIVE_OK)
        flags |= YS_MONEY_PARSE_ALLOW_NEGATIVE;
      if (!ys_money_parse (resolved, self->money_unit, flags, &fen, &local))
        {
          /* Named as the document names its fields. */
          g_set_error (error, YS_FIELD_ERROR, YS_FIELD_ERROR_INVALID,
                       "%s: %s", _(field->label), local->message);
          return NULL;
        }
      return ys_money_format (fen, YS_MONEY_YUAN, FALSE);
    }
  return g_steal_pointer (&resolved);
}

static gboolean
set_flag (YsRecordGrid  *self,
          YsRecord      *record,
          guint          field,
          gboolean       value,
          GError       **error)
{
  YsValue v = { .i = value ? 1 : 0 };

  if (is_draft (record))
    {
      ys_record_set_value (record, field, &v);
      g_ptr_array_remove (self->pristine, record);
      return TRUE;
    }
  return ys_document_set (self->document, record, field, &v, error);
}

static gboolean
apply_flags_text (YsRecordGrid  *self,
                  Column        *col,
                  YsRecord      *record,
                  const char    *text,
                  GError       **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));
  gboolean none = *stripped == '\0' || g_str_equal (stripped, "否") || g_str_equal (stripped, "无");
  guint matched = 0;

  for (guint i = 0; col->info.flags[i] >= 0; i++)
    {
      const char *label = col->info.flag_labels[i];
      gboolean on = !none && (strstr (stripped, _(label)) != NULL || strstr (stripped, label) != NULL);

      matched += on;
      if (!set_flag (self, record, col->info.flags[i], on, error))
        return FALSE;
    }
  if (!none && matched == 0)
    {
      GString *all = g_string_new (NULL);

      for (guint i = 0; col->info.flags[i] >= 0; i++)
        g_string_append_printf (all, "%s%s", i > 0 ? "、" : "", _(col->info.flag_labels[i]));
      /* Translators: %1$s is the column, %2$s the text pasted, %3$s the marks it takes */
      g_set_error (error, YS_FIELD_ERROR, YS_FIELD_ERROR_INVALID, _("%1$s: “%2$s” is not one of: %3$s"),
                   _(col->info.title), stripped, all->str);
      g_string_free (all, TRUE);
      return FALSE;
    }
  return TRUE;
}

/* Writes @text into @record's cell: through the document for a saved row,
 * into the row itself for a new one. */
gboolean
ys_record_grid_apply_text (YsRecordGrid  *self,
                           YsRecord      *record,
                           Column        *col,
                           const char    *text,
                           GError       **error)
{
  const YsField *field = column_field (self, col);
  g_autofree char *value = NULL;

  if (field == NULL)
    return apply_flags_text (self, col, record, text, error);

  value = normalize_text (self, col, text, error);
  if (value == NULL)
    return FALSE;

  if (is_draft (record))
    {
      YsValue v = { 0 };

      if (!ys_field_parse (field, value, &v, error))
        return FALSE;
      if (field->type != YS_FIELD_MONEY && ys_field_is_text (field)
          && !check_reference (self, field, v.s, error))
        {
          ys_value_clear (field, &v);
          return FALSE;
        }
      ys_record_set_value (record, col->info.field, &v);
      ys_value_clear (field, &v);
      g_ptr_array_remove (self->pristine, record);
      return TRUE;
    }
  return ys_document_set_text (self->document, record, col->info.field, value, error);
}

/* Editing */

static void
hide_popover (YsRecordGrid *self)
{
  gtk_popover_popdown (GTK_POPOVER (self->popover));
  g_ptr_array_set_size (self->suggestions, 0);
}

static void
show_popover_at (YsRecordGrid *self,
                 YsGridCell   *cell)
{
  graphene_rect_t bounds;

  if (!gtk_widget_compute_bounds (GTK_WIDGET (cell), GTK_WIDGET (self), &bounds))
    return;
  gtk_popover_set_pointing_to (GTK_POPOVER (self->popover),
                               &(GdkRectangle) { (int) bounds.origin.x, (int) bounds.origin.y,
                                                 (int) bounds.size.width, (int) bounds.size.height });
  gtk_popover_popup (GTK_POPOVER (self->popover));
}

/* The list scrolls under the suggestions: they follow their cell. */
static void
on_adjustment_value_changed_cb (YsRecordGrid  *self,
                                GtkAdjustment *adjustment)
{
  if (self->editing != NULL && gtk_widget_get_visible (self->popover))
    show_popover_at (self, self->editing);
}

/* @keep_focus: FALSE when the focus has already gone elsewhere (a click on
 * another cell) and must not be pulled back. */
void
ys_record_grid_finish_edit (YsRecordGrid *self,
                            gboolean      keep_focus)
{
  YsGridCell *cell = self->editing;

  /* Cleared first: closing the editor moves the focus, which must not
   * commit a second time. */
  self->editing = NULL;
  self->editing_flags = FALSE;
  g_clear_object (&self->editing_record);
  hide_popover (self);
  if (cell != NULL)
    {
      ys_grid_cell_end_edit (cell, keep_focus);
      ys_record_grid_refresh_cell (self, cell);
    }
  if (ys_record_grid_focus_is_inside (self))
    gtk_im_context_focus_in (self->im);
  ys_record_grid_queue_insert_drafts (self);
}

static void
cancel_edit (YsRecordGrid *self)
{
  YsGridCell *cell = self->editing;

  if (cell == NULL)
    return;
  if (ys_grid_cell_get_record (cell) != NULL)
    clear_bad (self, ys_grid_cell_get_record (cell), ys_grid_cell_get_column (cell));
  ys_record_grid_finish_edit (self, TRUE);
}

static void
on_editor_changed_cb (YsRecordGrid *self,
                      GtkEditable  *editor)
{
  update_suggestions (self);
}

static void
open_flags (YsRecordGrid *self,
            YsGridCell   *cell)
{
  Column *col = column_at (self, ys_grid_cell_get_column (cell));
  YsRecord *record = ys_grid_cell_get_record (cell);
  YsCompletionPopover *popover = YS_COMPLETION_POPOVER (self->popover);

  self->editing = cell;
  self->editing_flags = TRUE;
  g_set_object (&self->editing_record, record);
  gtk_im_context_focus_out (self->im);

  ys_completion_popover_clear (popover);
  ys_completion_popover_set_narrow (popover, TRUE);
  g_ptr_array_set_size (self->suggestions, 0);
  for (guint i = 0; col->info.flags[i] >= 0; i++)
    {
      g_autofree char *title = g_strdup_printf ("%u  %s", i + 1, _(col->info.flag_labels[i]));
      ys_completion_popover_append (popover, title, NULL,
                                    ys_record_get_int (record, col->info.flags[i]) != 0);
    }
  ys_completion_popover_set_selected (popover, 0);
  show_popover_at (self, cell);
}

static void
toggle_flag (YsRecordGrid *self,
             guint         index)
{
  Column *col;
  YsRecord *record = self->editing_record;
  g_autoptr(GError) error = NULL;
  guint n = 0;
  int field;
  gboolean on;

  if (!self->editing_flags || record == NULL)
    return;
  col = column_at (self, ys_grid_cell_get_column (self->editing));
  while (col->info.flags[n] >= 0)
    n++;
  if (index >= n)
    return;

  field = col->info.flags[index];
  on = ys_record_get_int (record, field) == 0;
  if (!set_flag (self, record, field, on, &error))
    {
      ys_record_grid_show_status (self, error->message);
      return;
    }
  ys_completion_popover_set_checked (YS_COMPLETION_POPOVER (self->popover), index, on);
  ys_completion_popover_set_selected (YS_COMPLETION_POPOVER (self->popover), index);
  ys_record_grid_refresh_cell (self, self->editing);
}

/* @text: what was typed to start editing, replacing the value; NULL to
 * edit the value as it is. */
static void
begin_edit (YsRecordGrid *self,
            YsGridCell   *cell,
            const char   *text)
{
  Column *col = column_at (self, ys_grid_cell_get_column (cell));
  const YsField *field = column_field (self, col);
  YsRecord *record = ys_grid_cell_get_record (cell);
  g_autofree char *value = NULL;
  const char *suffix = NULL;
  GtkText *editor;

  if (record == NULL || self->document == NULL)
    return;
  /* Another cell's edit is one the focus has just left, committed once the
   * focus change is over: not lost to a quicker start here. */
  if (self->editing != NULL && self->editing != cell)
    ys_record_grid_commit_edit (self, 0, 0, FALSE, TRUE);
  else if (self->editing != NULL)
    ys_record_grid_finish_edit (self, TRUE);

  if (field == NULL)
    {
      open_flags (self, cell);
      /* "1", "2"… toggle a flag at once, as the list shows them. */
      if (text != NULL && g_ascii_isdigit (text[0]) && text[1] == '\0')
        toggle_flag (self, (guint) (text[0] - '1'));
      return;
    }

  if (field->type == YS_FIELD_MONEY && self->money_unit == YS_MONEY_WAN)
    suffix = _("ten-thousand yuan");
  value = text ? g_strdup (text) : edit_text (self, col, record);

  self->editing = cell;
  self->editing_flags = FALSE;
  g_set_object (&self->editing_record, record);
  gtk_im_context_focus_out (self->im);

  editor = ys_grid_cell_begin_edit (cell, value, text == NULL, suffix, _(col->info.title));
  if (field->type == YS_FIELD_MONEY || field->type == YS_FIELD_INT)
    gtk_text_set_input_purpose (editor, GTK_INPUT_PURPOSE_NUMBER);
  g_signal_connect_object (editor, "changed", G_CALLBACK (on_editor_changed_cb), self, G_CONNECT_SWAPPED);

  /* The words a choice takes are few: show them at once. */
  if (text != NULL || lookup_kind (self, col) == YS_LOOKUP_CHOICES)
    update_suggestions (self);
}

/* Commits the cell being edited, then moves by (@dy, @dx). A refused value
 * keeps the editor open with the message; returns whether it was taken. */
gboolean
ys_record_grid_commit_edit (YsRecordGrid *self,
                            int           dy,
                            int           dx,
                            gboolean      wrap,
                            gboolean      focus_left)
{
  YsGridCell *cell = self->editing;
  Column *col;
  YsRecord *record;
  GtkText *editor;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  int chosen;

  if (cell == NULL)
    return TRUE;
  if (self->editing_flags)
    {
      ys_record_grid_finish_edit (self, !focus_left);
      if (dy != 0 || dx != 0)
        move_cursor (self, dy, dx, wrap, FALSE);
      return TRUE;
    }

  col = column_at (self, ys_grid_cell_get_column (cell));
  record = self->editing_record;
  editor = ys_grid_cell_get_editor (cell);
  if (editor == NULL || record == NULL)
    {
      ys_record_grid_finish_edit (self, !focus_left);
      return TRUE;
    }

  chosen = gtk_widget_get_visible (self->popover)
           ? ys_completion_popover_get_selected (YS_COMPLETION_POPOVER (self->popover)) : -1;
  if (chosen >= 0 && (guint) chosen < self->suggestions->len)
    text = g_strdup (((YsLookupMatch *) g_ptr_array_index (self->suggestions, chosen))->value);
  else
    text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (editor)));

  if (!ys_record_grid_apply_text (self, record, col, text, &error))
    {
      g_autofree char *typed = g_strdup (gtk_editable_get_text (GTK_EDITABLE (editor)));

      set_bad (self, record, col->index, typed, error->message);
      ys_grid_cell_set_error (cell, error->message);
      ys_record_grid_show_status (self, error->message);
      if (focus_left)
        ys_record_grid_finish_edit (self, FALSE);
      return FALSE;
    }

  clear_bad (self, record, col->index);
  hide_status (self);
  ys_record_grid_finish_edit (self, !focus_left);
  if (dy != 0 || dx != 0)
    move_cursor (self, dy, dx, wrap, FALSE);
  return TRUE;
}

static gboolean
is_name_search (const char *text)
{
  for (const char *p = text; *p; p++)
    if (!g_ascii_isdigit (*p) && !g_ascii_isspace (*p))
      return TRUE;
  return FALSE;
}

static void
update_suggestions (YsRecordGrid *self)
{
  YsGridCell *cell = self->editing;
  YsCompletionPopover *popover = YS_COMPLETION_POPOVER (self->popover);
  GtkText *editor = cell ? ys_grid_cell_get_editor (cell) : NULL;
  Column *col;
  YsLookupKind kind;
  const char *text;
  g_autoptr(GPtrArray) found = NULL;
  int selected = -1;

  if (editor == NULL)
    return;
  col = column_at (self, ys_grid_cell_get_column (cell));
  kind = lookup_kind (self, col);
  text = gtk_editable_get_text (GTK_EDITABLE (editor));
  if (kind == YS_LOOKUP_NONE || (kind != YS_LOOKUP_CHOICES && *text == '\0'))
    {
      hide_popover (self);
      return;
    }

  found = ys_lookup_search (self->lookup, kind, column_field (self, col), text, MAX_SUGGESTIONS);
  if (found->len == 0)
    {
      hide_popover (self);
      return;
    }

  ys_completion_popover_clear (popover);
  ys_completion_popover_set_narrow (popover, kind == YS_LOOKUP_CHOICES);
  g_ptr_array_set_size (self->suggestions, 0);
  for (guint i = 0; i < found->len; i++)
    {
      YsLookupMatch *match = g_ptr_array_index (found, i);

      ys_completion_popover_append (popover, match->title, match->subtitle, -1);
      if (g_strcmp0 (match->value, text) == 0)
        selected = (int) i;
    }
  g_ptr_array_extend_and_steal (self->suggestions, g_steal_pointer (&found));

  /* Highlighted, so that Enter takes it, only when it is surely meant: the
   * only match, a choice, or a name typed. A code prefix such as "20103"
   * with many 项 under it waits for Down: Enter keeps what was typed. */
  if (selected < 0 && *text != '\0'
      && (self->suggestions->len == 1 || kind == YS_LOOKUP_CHOICES || is_name_search (text)))
    selected = 0;
  ys_completion_popover_set_selected (popover, selected);
  show_popover_at (self, cell);
}

static void
on_popover_activated_cb (YsRecordGrid        *self,
                         guint                index,
                         YsCompletionPopover *popover)
{
  if (self->editing_flags)
    {
      toggle_flag (self, index);
      return;
    }
  ys_completion_popover_set_selected (popover, (int) index);
  ys_record_grid_commit_edit (self, 0, 0, FALSE, FALSE);
}

/* Keyboard */

static gboolean
on_key_pressed_cb (YsRecordGrid          *self,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   GtkEventControllerKey *controller)
{
  YsGridCell *cell = focused_cell (self);
  GdkModifierType mods = state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK | GDK_ALT_MASK);
  gboolean ctrl = (mods & GDK_CONTROL_MASK) != 0;
  gboolean shift = (mods & GDK_SHIFT_MASK) != 0;
  YsCompletionPopover *popover = YS_COMPLETION_POPOVER (self->popover);
  gboolean popup = gtk_widget_get_visible (self->popover)
                   && ys_completion_popover_get_n_items (popover) > 0;

  if (cell == NULL || (mods & GDK_ALT_MASK))
    return GDK_EVENT_PROPAGATE;

  if (self->editing == cell && self->editing_flags)
    {
      switch (keyval)
        {
        case GDK_KEY_Up:
        case GDK_KEY_KP_Up:
          ys_completion_popover_move (popover, -1);
          return GDK_EVENT_STOP;
        case GDK_KEY_Down:
        case GDK_KEY_KP_Down:
          ys_completion_popover_move (popover, 1);
          return GDK_EVENT_STOP;
        case GDK_KEY_space:
        case GDK_KEY_Return:
        case GDK_KEY_KP_Enter:
        case GDK_KEY_ISO_Enter:
          toggle_flag (self, (guint) MAX (0, ys_completion_popover_get_selected (popover)));
          return GDK_EVENT_STOP;
        case GDK_KEY_Escape:
          ys_record_grid_finish_edit (self, TRUE);
          return GDK_EVENT_STOP;
        case GDK_KEY_Tab:
        case GDK_KEY_KP_Tab:
        case GDK_KEY_ISO_Left_Tab:
          ys_record_grid_commit_edit (self, 0, shift ? -1 : 1, TRUE, FALSE);
          return GDK_EVENT_STOP;
        default:
          if (keyval >= GDK_KEY_1 && keyval <= GDK_KEY_9 && !ctrl)
            {
              toggle_flag (self, keyval - GDK_KEY_1);
              return GDK_EVENT_STOP;
            }
          return GDK_EVENT_PROPAGATE;
        }
    }

  if (self->editing == cell)
    {
      switch (keyval)
        {
        case GDK_KEY_Escape:
          cancel_edit (self);
          hide_status (self);
          return GDK_EVENT_STOP;
        case GDK_KEY_Up:
        case GDK_KEY_KP_Up:
          if (popup)
            ys_completion_popover_move (popover, -1);
          else
            ys_record_grid_commit_edit (self, -1, 0, FALSE, FALSE);
          return GDK_EVENT_STOP;
        case GDK_KEY_Down:
        case GDK_KEY_KP_Down:
          if (popup)
            ys_completion_popover_move (popover, 1);
          else
            ys_record_grid_commit_edit (self, 1, 0, FALSE, FALSE);
          return GDK_EVENT_STOP;
        case GDK_KEY_Page_Up:
        case GDK_KEY_Page_Down:
          if (!popup)
            return GDK_EVENT_PROPAGATE;
          ys_completion_popover_move (popover, keyval == GDK_KEY_Page_Up ? -8 : 8);
          return GDK_EVENT_STOP;
        case GDK_KEY_Return:
        case GDK_KEY_KP_Enter:
        case GDK_KEY_ISO_Enter:
          if (ctrl)
            {
              if (ys_record_grid_commit_edit (self, 0, 0, FALSE, FALSE))
                ys_record_grid_add_row (self);
            }
          else if (popup && ys_completion_popover_get_selected (popover) >= 0)
            /* Enter on a suggestion takes it, and stays: it was a choice,
             * not the end of the cell's typing. */
            ys_record_grid_commit_edit (self, 0, 0, FALSE, FALSE);
          else
            ys_record_grid_commit_edit (self, shift ? -1 : 1, 0, FALSE, FALSE);
          return GDK_EVENT_STOP;
        case GDK_KEY_Tab:
        case GDK_KEY_KP_Tab:
        case GDK_KEY_ISO_Left_Tab:
          ys_record_grid_commit_edit (self, 0, shift ? -1 : 1, TRUE, FALSE);
          return GDK_EVENT_STOP;
        default:
          return GDK_EVENT_PROPAGATE;
        }
    }

  /* Moving between cells. */
  switch (keyval)
    {
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      if (ctrl)
        ys_record_grid_set_cursor (self, 0, self->cursor_column, TRUE, shift);
      else
        move_cursor (self, -1, 0, FALSE, shift);
      return GDK_EVENT_STOP;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      if (ctrl)
        ys_record_grid_set_cursor (self, ys_record_grid_n_rows (self) - 1, self->cursor_column, TRUE, shift);
      else
        move_cursor (self, 1, 0, FALSE, shift);
      return GDK_EVENT_STOP;
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      move_cursor (self, 0, -1, FALSE, FALSE);
      return GDK_EVENT_STOP;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      move_cursor (self, 0, 1, FALSE, FALSE);
      return GDK_EVENT_STOP;
    case GDK_KEY_Tab:
    case GDK_KEY_KP_Tab:
    case GDK_KEY_ISO_Left_Tab:
      if (ctrl)
        return GDK_EVENT_PROPAGATE;  /* Ctrl+Tab leaves the table */
      move_cursor (self, 0, shift ? -1 : 1, TRUE, FALSE);
      return GDK_EVENT_STOP;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      if (ctrl)
        ys_record_grid_set_cursor (self, 0, 0, TRUE, FALSE);
      else
        move_cursor (self, 0, -(int) self->columns->len, FALSE, FALSE);
      return GDK_EVENT_STOP;
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      if (ctrl)
        ys_record_grid_set_cursor (self, ys_record_grid_n_rows (self) - 1, self->columns->len - 1, TRUE, FALSE);
      else
        move_cursor (self, 0, (int) self->columns->len, FALSE, FALSE);
      return GDK_EVENT_STOP;
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      move_cursor (self, -page_rows (self), 0, FALSE, shift);
      return GDK_EVENT_STOP;
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      move_cursor (self, page_rows (self), 0, FALSE, shift);
      return GDK_EVENT_STOP;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      if (ctrl)
        ys_record_grid_add_row (self);
      else
        begin_edit (self, cell, NULL);
      return GDK_EVENT_STOP;
    case GDK_KEY_F2:
      begin_edit (self, cell, NULL);
      return GDK_EVENT_STOP;
    case GDK_KEY_Delete:
    case GDK_KEY_KP_Delete:
      if (mods != 0)
        return GDK_EVENT_PROPAGATE;
      ys_record_grid_delete_selected (self);
      return GDK_EVENT_STOP;
    case GDK_KEY_v:
    case GDK_KEY_V:
      if (!ctrl)
        return GDK_EVENT_PROPAGATE;
      ys_record_grid_paste (self);
      return GDK_EVENT_STOP;
    case GDK_KEY_c:
    case GDK_KEY_C:
      if (!ctrl)
        return GDK_EVENT_PROPAGATE;
      ys_record_grid_copy (self);
      return GDK_EVENT_STOP;
    case GDK_KEY_BackSpace:
      begin_edit (self, cell, "");
      return GDK_EVENT_STOP;
    case GDK_KEY_space:
      if (ctrl || shift)
        return GDK_EVENT_PROPAGATE;  /* the list's own selection keys */
      begin_edit (self, cell, column_field (self, column_at (self, ys_grid_cell_get_column (cell))) ? " " : NULL);
      return GDK_EVENT_STOP;
    case GDK_KEY_Escape:
      if (ys_grid_cell_get_record (cell) != NULL
          && lookup_bad (self, ys_grid_cell_get_record (cell), ys_grid_cell_get_column (cell)) != NULL)
        {
          clear_bad (self, ys_grid_cell_get_record (cell), ys_grid_cell_get_column (cell));
          ys_record_grid_refresh_cell (self, cell);
          hide_status (self);
          return GDK_EVENT_STOP;
        }
      return GDK_EVENT_PROPAGATE;
    default:
      return GDK_EVENT_PROPAGATE;
    }
}

/* Typing on a cell starts editing it with what was typed. It comes through
 * an input method, so that Chinese typed on a cell arrives as Chinese. */
static void
on_im_commit_cb (YsRecordGrid *self,
                 const char   *text,
                 GtkIMContext *im)
{
  YsGridCell *cell = focused_cell (self);

  if (cell == NULL || self->editing == cell || text == NULL || *text == '\0')
    return;
  begin_edit (self, cell, text);
}

static void
on_focus_enter_cb (YsRecordGrid            *self,
                   GtkEventControllerFocus *controller)
{
  if (self->editing == NULL)
    gtk_im_context_focus_in (self->im);
}

static void
on_focus_leave_cb (YsRecordGrid            *self,
                   GtkEventControllerFocus *controller)
{
  gtk_im_context_focus_out (self->im);
  ys_record_grid_queue_unpin (self);
}

/* Cell events */

static void
on_cell_focus_enter_cb (GtkEventControllerFocus *controller,
                        Column                  *col)
{
  YsGridCell *cell = YS_GRID_CELL (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));
  YsRecordGrid *self = col->grid;
  YsRecord *record = ys_grid_cell_get_record (cell);

  /* However the focus came (click, Tab from outside, the list's own
   * keys), the focused cell is the current one. */
  /* Units may have been added since the empty row was made. */
  if (record != NULL && is_draft (record) && g_ptr_array_find (self->pristine, record, NULL))
    g_signal_emit (self, signals[SIGNAL_PREPARE_DRAFT], 0, record);

  if (record != NULL)
    {
      g_set_object (&self->cursor, record);
      self->cursor_column = col->index;
      self->cursor_hint = gtk_list_item_get_position (ys_grid_cell_get_list_item (cell));
      if (self->pinned->len > 0 && !(self->pinned->len == 1 && ys_record_grid_is_pinned (self, record)))
        ys_record_grid_queue_unpin (self);
    }
}

/* An edit the focus has left, to commit once the focus has moved. */
typedef struct
{
  YsRecordGrid *grid;
  YsGridCell   *cell;
  YsRecord     *record;
} LeftEdit;

static void
left_edit_free (LeftEdit *left)
{
  g_object_unref (left->grid);
  g_object_unref (left->cell);
  g_object_unref (left->record);
  g_free (left);
}

static gboolean
commit_left_edit_cb (gpointer user_data)
{
  LeftEdit *left = user_data;
  YsRecordGrid *self = left->grid;

  /* Not when the edit was finished meanwhile, nor when the focus is back
   * in it: the window was only left for another one, and comes back to
   * the typing where it was. */
  if (self->editing == left->cell && self->editing_record == left->record
      && focused_cell (self) != left->cell)
    ys_record_grid_commit_edit (self, 0, 0, FALSE, TRUE);
  return G_SOURCE_REMOVE;
}

static void
on_cell_focus_leave_cb (GtkEventControllerFocus *controller,
                        Column                  *col)
{
  YsGridCell *cell = YS_GRID_CELL (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));
  YsRecordGrid *self = col->grid;
  LeftEdit *left;

  if (self->editing != cell || self->editing_record == NULL)
    return;
  /* Clicking elsewhere commits, as in a spreadsheet; a refused value stays
   * in the cell, marked. But not from here: GTK is still walking up from
   * the editor the focus left, and committing takes the editor out of the
   * cell (and may move the row). GTK 4.8 then climbs from a widget without
   * a parent for ever, one critical warning at each step. */
  left = g_new0 (LeftEdit, 1);
  left->grid = g_object_ref (self);
  left->cell = g_object_ref (cell);
  left->record = g_object_ref (self->editing_record);
  g_idle_add_full (G_PRIORITY_HIGH_IDLE, commit_left_edit_cb, left, (GDestroyNotify) left_edit_free);
}

static void
on_cell_pressed_cb (GtkGestureClick *gesture,
                    int              n_press,
                    double           x,
                    double           y,
                    Column          *col)
{
  YsGridCell *cell = YS_GRID_CELL (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture)));
  YsRecordGrid *self = col->grid;
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  guint position;

  if (ys_grid_cell_get_record (cell) == NULL)
    return;

  /* Claimed, so that the row does not move the focus to its first cell. */
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  /* Committed before selecting: GTK 4.8 rebinds every row whose selection
   * changes, and a rebound cell drops the edit under way. */
  if (self->editing != NULL && self->editing != cell)
    ys_record_grid_commit_edit (self, 0, 0, FALSE, TRUE);
  /* The rows may have moved with what was committed. */
  position = gtk_list_item_get_position (ys_grid_cell_get_list_item (cell));
  if (ys_grid_cell_get_record (cell) == NULL || position == GTK_INVALID_LIST_POSITION)
    return;
  gtk_widget_activate_action (self->list_view, "list.select-item", "(ubb)", position,
                              (state & GDK_CONTROL_MASK) != 0, (state & GDK_SHIFT_MASK) != 0);
  gtk_widget_grab_focus (GTK_WIDGET (cell));
  if (n_press == 2 && self->editing != cell)
    begin_edit (self, cell, NULL);
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
  g_signal_connect (controller, "pressed", G_CALLBACK (on_cell_pressed_cb), col);
  gtk_widget_add_controller (cell, controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect (controller, "enter", G_CALLBACK (on_cell_focus_enter_cb), col);
  g_signal_connect (controller, "leave", G_CALLBACK (on_cell_focus_leave_cb), col);
  gtk_widget_add_controller (cell, controller);

  g_signal_connect (cell, "query-tooltip", G_CALLBACK (on_cell_query_tooltip_cb), col);
  g_ptr_array_add (col->cells, cell);
  g_object_weak_ref (G_OBJECT (cell), on_cell_finalized_cb, col);
}

/* The row now shows another record (a search or a sort moved the rows
 * under it): the same cell, rebound. */
static void
on_slot_record_cb (YsRowSlot  *slot,
                   GParamSpec *pspec,
                   YsGridCell *cell)
{
  YsRecordGrid *self = YS_RECORD_GRID (gtk_widget_get_ancestor (GTK_WIDGET (cell), YS_TYPE_RECORD_GRID));
  Column *col;

  if (self == NULL)
    return;
  col = g_ptr_array_index (self->columns, ys_grid_cell_get_column (cell));
  if (self->editing == cell)
    ys_record_grid_finish_edit (self, FALSE);
  ys_grid_cell_unbind (cell);
  ys_grid_cell_bind (cell, ys_row_slot_get_record (slot), col->notify, G_CALLBACK (on_record_notify_cb), cell);
  ys_record_grid_refresh_cell (self, cell);
}

static void
on_factory_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    Column                   *col)
{
  YsGridCell *cell = YS_GRID_CELL (gtk_list_item_get_child (item));
  YsRowSlot *slot = gtk_list_item_get_item (item);

  /* One handler and one text: nothing else happens per row. */
  ys_grid_cell_bind (cell, ys_row_slot_get_record (slot), col->notify, G_CALLBACK (on_record_notify_cb), cell);
  g_signal_connect (slot, "notify::record", G_CALLBACK (on_slot_record_cb), cell);
  ys_record_grid_refresh_cell (col->grid, cell);
}

static void
on_factory_unbind_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      Column                   *col)
{
  YsGridCell *cell = YS_GRID_CELL (gtk_list_item_get_child (item));

  /* Rows are recycled: whatever was typed belongs to the old record. */
  if (col->grid->editing == cell)
    ys_record_grid_finish_edit (col->grid, FALSE);
  g_signal_handlers_disconnect_by_func (gtk_list_item_get_item (item), on_slot_record_cb, cell);
  ys_grid_cell_unbind (cell);
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

/* What is kept by position, the selection and the focused cell, no longer
 * matches the records that moved under it. The current cell follows its
 * record, as it did when rows were rebuilt. */
static void
on_rows_rebound_cb (YsRecordGrid *self,
                    guint         position,
                    guint         n_rows)
{
  GtkSelectionModel *selection = GTK_SELECTION_MODEL (self->selection);
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection_in_range (selection, position, n_rows);

  if (!gtk_bitset_is_empty (selected))
    gtk_selection_model_unselect_range (selection, position, n_rows);

  if (self->cursor != NULL && self->editing == NULL && ys_record_grid_focus_is_inside (self))
    {
      guint cursor = ys_record_grid_position_of (self, self->cursor, self->cursor_hint);

      if (cursor != GTK_INVALID_LIST_POSITION)
        ys_record_grid_set_cursor (self, cursor, self->cursor_column, FALSE, FALSE);
    }
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
      field = column_field (self, col);
      if (field != NULL)
        {
          g_autofree char *prop = g_strdelimit (g_strdup (field->name), "_", '-');

          col->notify = g_strconcat ("notify::", prop, NULL);
          if (field->type == YS_FIELD_MONEY || field->type == YS_FIELD_INT || field->type == YS_FIELD_BOOL)
            sorter = GTK_SORTER (gtk_numeric_sorter_new (gtk_property_expression_new (gtype, NULL, prop)));
          else
            sorter = GTK_SORTER (gtk_string_sorter_new (gtk_property_expression_new (gtype, NULL, prop)));
        }
      else
        col->notify = g_strdup ("notify");

      g_signal_connect (factory, "setup", G_CALLBACK (on_factory_setup_cb), col);
      g_signal_connect (factory, "bind", G_CALLBACK (on_factory_bind_cb), col);
      g_signal_connect (factory, "unbind", G_CALLBACK (on_factory_unbind_cb), col);

      col->column = gtk_column_view_column_new (_(col->info.title), factory);
      gtk_column_view_column_set_resizable (col->column, TRUE);
      if (col->info.fixed_width > 0)
        gtk_column_view_column_set_fixed_width (col->column, col->info.fixed_width);
      else
        gtk_column_view_column_set_expand (col->column, TRUE);
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
    g_signal_connect_object (self->slots, "rebound", G_CALLBACK (on_rows_rebound_cb), self, G_CONNECT_SWAPPED);
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
  hide_status (self);
  g_clear_handle_id (&self->drafts_idle, g_source_remove);
  g_hash_table_remove_all (self->bad);
  g_clear_object (&self->cursor);
  g_clear_handle_id (&self->unpin_idle, g_source_remove);
  g_ptr_array_set_size (self->pinned, 0);
  g_ptr_array_set_size (self->pristine, 0);
  g_list_store_remove_all (self->drafts);
  /* Before the lookup goes, so that no cell describes itself with it. */
  gtk_filter_list_model_set_model (self->filter_model, NULL);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->lookup, lookup);
  g_set_object (&self->document, document);
  if (document != NULL)
    {
      g_signal_connect_object (document, "changed", G_CALLBACK (ys_record_grid_on_document_changed), self, G_CONNECT_SWAPPED);
      gtk_filter_list_model_set_model (self->filter_model, ys_document_get_model (document, self->kind));
      ys_record_grid_ensure_new_row (self);
    }
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
ys_record_grid_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  YsRecordGrid *self = YS_RECORD_GRID (widget);

  GTK_WIDGET_CLASS (ys_record_grid_parent_class)->size_allocate (widget, width, height, baseline);
  gtk_popover_present (GTK_POPOVER (self->popover));
}

static void
ys_record_grid_dispose (GObject *object)
{
  YsRecordGrid *self = YS_RECORD_GRID (object);
  GtkWidget *child;

  self->editing = NULL;
  g_clear_object (&self->editing_record);
  g_clear_handle_id (&self->drafts_idle, g_source_remove);
  g_clear_handle_id (&self->unpin_idle, g_source_remove);
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
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

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
  widget_class->size_allocate = ys_record_grid_size_allocate;

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

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/yusuan/Yusuan/ui/ys-record-grid.ui");
  gtk_widget_class_bind_template_child (widget_class, YsRecordGrid, scroller);
  gtk_widget_class_bind_template_child (widget_class, YsRecordGrid, column_view);
  gtk_widget_class_bind_template_child (widget_class, YsRecordGrid, status_revealer);
  gtk_widget_class_bind_template_child (widget_class, YsRecordGrid, status_label);
  gtk_widget_class_bind_template_callback (widget_class, on_status_close_clicked_cb);

  ys_editor_style_ensure ();
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

  /* Sorting 100,000 rows is done in slices between frames. Filtering is
   * not: it is quick (a pointer compare per row when nothing is searched)
   * and in slices it relays the table out after each one. */
  self->pinned = g_ptr_array_new_with_free_func (g_object_unref);
  self->pristine = g_ptr_array_new_with_free_func (g_object_unref);
  self->own_filter = GTK_FILTER (gtk_custom_filter_new (ys_record_grid_filter_cb, self, NULL));
  self->filter_model = gtk_filter_list_model_new (NULL, g_object_ref (self->own_filter));
  self->sort_model = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->filter_model)), NULL);
  gtk_sort_list_model_set_incremental (self->sort_model, TRUE);
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
  g_signal_connect_object (self->popover, "activated", G_CALLBACK (on_popover_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_scrolled_window_get_hadjustment (self->scroller), "value-changed",
                           G_CALLBACK (on_adjustment_value_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scroller), "value-changed",
                           G_CALLBACK (on_adjustment_value_changed_cb), self, G_CONNECT_SWAPPED);

  /* Before the list's own keys, which would move the focus by rows. */
  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (controller, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  /* What nothing else took is typed text: it starts editing the cell. */
  self->im = gtk_im_multicontext_new ();
  gtk_im_context_set_client_widget (self->im, GTK_WIDGET (self));
  g_signal_connect_swapped (self->im, "commit", G_CALLBACK (on_im_commit_cb), self);
  controller = gtk_event_controller_key_new ();
  gtk_event_controller_key_set_im_context (GTK_EVENT_CONTROLLER_KEY (controller), self->im);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (controller, "enter", G_CALLBACK (on_focus_enter_cb), self);
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (on_focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  self->money_unit = YS_MONEY_YUAN;
  if (YS_IS_APPLICATION (app) && ys_application_get_settings (YS_APPLICATION (app)) != NULL)
    {
      self->settings = g_object_ref (ys_application_get_settings (YS_APPLICATION (app)));
      g_signal_connect_swapped (self->settings, "changed::entry-unit", G_CALLBACK (on_settings_changed_cb), self);
      on_settings_changed_cb (self, "entry-unit", self->settings);
    }
}
