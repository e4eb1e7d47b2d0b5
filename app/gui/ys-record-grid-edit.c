/* YsRecordGrid: writing what is typed into a cell, the editor in it and
 * its completion. */
#define G_LOG_DOMAIN "yusuan"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "ys-application.h"
#include "ys-cell-input.h"
#include "ys-form-binder.h"
#include "ys-record-grid-private.h"
#include "ys-row-slot.h"

#define MAX_SUGGESTIONS     50


/* Writing values */

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
  YsCellInput input = { self->document, self->lookup, ys_record_grid_lookup_kind (self, col), self->money_unit,
                        _(col->info.title) };

  if (column_field (self, col) == NULL)
    return apply_flags_text (self, col, record, text, error);
  if (!ys_cell_input_apply (&input, record, !is_draft (record), col->info.field, text, error))
    return FALSE;
  if (is_draft (record))
    g_ptr_array_remove (self->pristine, record);
  return TRUE;
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
void
ys_record_grid_on_adjustment_value_changed_cb (YsRecordGrid  *self,
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

void
ys_record_grid_cancel_edit (YsRecordGrid *self)
{
  YsGridCell *cell = self->editing;

  if (cell == NULL)
    return;
  if (ys_grid_cell_get_record (cell) != NULL)
    ys_record_grid_clear_bad (self, ys_grid_cell_get_record (cell), ys_grid_cell_get_column (cell));
  ys_record_grid_finish_edit (self, TRUE);
}

static void
on_editor_changed_cb (YsRecordGrid *self,
                      GtkEditable  *editor)
{
  ys_record_grid_update_suggestions (self);
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

void
ys_record_grid_toggle_flag (YsRecordGrid *self,
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
void
ys_record_grid_begin_edit (YsRecordGrid *self,
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
        ys_record_grid_toggle_flag (self, (guint) (text[0] - '1'));
      return;
    }

  if (field->type == YS_FIELD_MONEY && self->money_unit == YS_MONEY_WAN)
    suffix = _("ten-thousand yuan");
  value = text ? g_strdup (text) : ys_record_grid_edit_text (self, col, record);

  self->editing = cell;
  self->editing_flags = FALSE;
  g_set_object (&self->editing_record, record);
  gtk_im_context_focus_out (self->im);

  editor = ys_grid_cell_begin_edit (cell, value, text == NULL, suffix, _(col->info.title));
  if (field->type == YS_FIELD_MONEY || field->type == YS_FIELD_INT)
    gtk_text_set_input_purpose (editor, GTK_INPUT_PURPOSE_NUMBER);
  g_signal_connect_object (editor, "changed", G_CALLBACK (on_editor_changed_cb), self, G_CONNECT_SWAPPED);

  /* The words a choice takes are few: show them at once. */
  if (text != NULL || ys_record_grid_lookup_kind (self, col) == YS_LOOKUP_CHOICES)
    ys_record_grid_update_suggestions (self);
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
        ys_record_grid_move_cursor (self, dy, dx, wrap, FALSE);
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

      ys_record_grid_set_bad (self, record, col->index, typed, error->message);
      ys_grid_cell_set_error (cell, error->message);
      ys_record_grid_show_status (self, error->message);
      if (focus_left)
        ys_record_grid_finish_edit (self, FALSE);
      return FALSE;
    }

  ys_record_grid_clear_bad (self, record, col->index);
  ys_record_grid_hide_status (self);
  ys_record_grid_finish_edit (self, !focus_left);
  if (dy != 0 || dx != 0)
    ys_record_grid_move_cursor (self, dy, dx, wrap, FALSE);
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

void
ys_record_grid_update_suggestions (YsRecordGrid *self)
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
  kind = ys_record_grid_lookup_kind (self, col);
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

void
ys_record_grid_on_popover_activated_cb (YsRecordGrid        *self,
                         guint                index,
                         YsCompletionPopover *popover)
{
  if (self->editing_flags)
    {
      ys_record_grid_toggle_flag (self, index);
      return;
    }
  ys_completion_popover_set_selected (popover, (int) index);
  ys_record_grid_commit_edit (self, 0, 0, FALSE, FALSE);
}
