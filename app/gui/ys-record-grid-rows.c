/* The rows of YsRecordGrid that are not simply the document's: the empty
 * row at the end and the rows typed into it, which stay there ("pinned")
 * until the cursor leaves them, and the filter that keeps them out of the
 * sorted rows meanwhile. And finding a row again for a finding. */
#define G_LOG_DOMAIN "yusuan"

#include "config.h"

#include <glib/gi18n.h>

#include "ys-cell-input.h"
#include "ys-record-grid-private.h"

/* Filter and pinned rows */

gboolean
ys_record_grid_filter_cb (gpointer item,
                          gpointer user_data)
{
  YsRecordGrid *self = user_data;

  if (self->pinned->len > 0 && g_ptr_array_find (self->pinned, item, NULL))
    return FALSE;
  return self->page_filter == NULL || gtk_filter_match (self->page_filter, item);
}

void
ys_record_grid_on_page_filter_changed (YsRecordGrid     *self,
                                       GtkFilterChange   change,
                                       GtkFilter        *filter)
{
  gtk_filter_changed (self->own_filter, change);
}

gboolean
ys_record_grid_is_pinned (YsRecordGrid *self,
                          YsRecord     *record)
{
  return g_ptr_array_find (self->pinned, record, NULL);
}

static void
drop_from_drafts (YsRecordGrid *self,
                  YsRecord     *record)
{
  guint position;

  if (g_list_store_find (self->drafts, record, &position))
    g_list_store_remove (self->drafts, position);
}

/* Lets the pinned rows but @keep go to their place among the others. */
static void
unpin_all_but (YsRecordGrid *self,
               YsRecord     *keep)
{
  gboolean changed = FALSE;
  guint i = 0;

  while (i < self->pinned->len)
    {
      YsRecord *record = g_ptr_array_index (self->pinned, i);

      if (record == keep)
        {
          i++;
          continue;
        }
      g_object_ref (record);
      g_ptr_array_remove_index (self->pinned, i);
      drop_from_drafts (self, record);
      g_object_unref (record);
      changed = TRUE;
    }
  /* Only the rows left out are looked at again, not all 100,000. */
  if (changed)
    gtk_filter_changed (self->own_filter, GTK_FILTER_CHANGE_LESS_STRICT);
}

static gboolean
unpin_cb (gpointer user_data)
{
  YsRecordGrid *self = user_data;

  self->unpin_idle = 0;
  unpin_all_but (self, ys_record_grid_focus_is_inside (self) ? self->cursor : NULL);
  return G_SOURCE_REMOVE;
}

void
ys_record_grid_queue_unpin (YsRecordGrid *self)
{
  if (self->unpin_idle == 0 && self->pinned->len > 0)
    self->unpin_idle = g_idle_add (unpin_cb, self);
}

void
ys_record_grid_on_document_changed (YsRecordGrid *self,
                                    YsRecord     *record,
                                    guint         type,
                                    int           field,
                                    YsDocument   *document)
{
  /* An undone addition: the row goes, pinned or not. */
  if (type == YS_CHANGE_DELETE && record != NULL && ys_record_grid_is_pinned (self, record))
    {
      g_ptr_array_remove (self->pinned, record);
      drop_from_drafts (self, record);
    }

  /* A unit or project renamed, or a catalog imported: the names the rows
   * on screen show change with it (the rest are named when bound). */
  if (record == NULL || YS_IS_UNIT (record) || YS_IS_PROJECT (record))
    for (guint c = 0; c < self->columns->len; c++)
      {
        Column *col = column_at (self, c);

        if (col->info.lookup == YS_LOOKUP_NONE || col->info.lookup == YS_LOOKUP_CHOICES)
          continue;
        for (guint i = 0; i < col->cells->len; i++)
          {
            YsGridCell *cell = g_ptr_array_index (col->cells, i);

            if (cell != self->editing)
              ys_record_grid_refresh_cell (self, cell);
          }
      }
}

static void
refresh_record (YsRecordGrid *self,
                YsRecord     *record)
{
  for (guint c = 0; c < self->columns->len; c++)
    {
      Column *col = column_at (self, c);

      for (guint i = 0; i < col->cells->len; i++)
        {
          YsGridCell *cell = g_ptr_array_index (col->cells, i);

          if (ys_grid_cell_get_record (cell) == record && cell != self->editing)
            ys_record_grid_refresh_cell (self, cell);
        }
    }
}

/* Adds @record to the document where it is shown, among the rows at the
 * end; FALSE (and @error) when the document refuses it. */
gboolean
ys_record_grid_insert_pinned (YsRecordGrid  *self,
                              YsRecord      *record,
                              GError       **error)
{
  /* Pinned first, so that the filter keeps it out of the sorted rows. */
  g_ptr_array_add (self->pinned, g_object_ref (record));
  if (!ys_document_insert (self->document, record, error))
    {
      g_ptr_array_remove (self->pinned, record);
      return FALSE;
    }
  return TRUE;
}

/* New rows */

gboolean
ys_record_grid_draft_is_complete (YsRecordGrid *self,
                                  YsRecord     *record)
{
  return ys_cell_input_first_missing (record) < 0;
}

static gboolean
insert_drafts_cb (gpointer user_data)
{
  YsRecordGrid *self = user_data;
  gboolean focused;
  gboolean cursor_saved = FALSE;
  guint n;

  self->drafts_idle = 0;
  if (self->document == NULL)
    return G_SOURCE_REMOVE;
  focused = ys_record_grid_focus_is_inside (self);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->drafts));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(YsRecord) draft = g_list_model_get_item (G_LIST_MODEL (self->drafts), i);
      g_autoptr(GError) error = NULL;

      /* The one being edited waits for its editor to close; the empty row
       * at the end waits to be typed in, even when its defaults are all a
       * row needs (income: a unit and a source). */
      if (!is_draft (draft) || !ys_record_grid_draft_is_complete (self, draft)
          || g_ptr_array_find (self->pristine, draft, NULL)
          || (self->editing != NULL && self->editing_record == draft))
        continue;
      /* It stays where it is, now saved: nothing moves under the cursor. */
      if (!ys_record_grid_insert_pinned (self, draft, &error))
        {
          ys_record_grid_show_status (self, error->message);
          continue;
        }
      refresh_record (self, draft);
      if (draft == self->cursor)
        cursor_saved = TRUE;
    }
  ys_record_grid_ensure_new_row (self);
  /* Typing goes on in the row just saved, in the cell Tab went to: the
   * focus follows the row to wherever it is now. */
  if (cursor_saved && focused)
    ys_record_grid_focus (self);
  return G_SOURCE_REMOVE;
}

void
ys_record_grid_queue_insert_drafts (YsRecordGrid *self)
{
  /* Not from inside a focus change or a key press: inserting moves the row,
   * which destroys the very widget being handled. Before the next key
   * press, though, where possible. */
  if (self->drafts_idle == 0 && g_list_model_get_n_items (G_LIST_MODEL (self->drafts)) > 0)
    self->drafts_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, insert_drafts_cb, self, NULL);
}

/* The table always ends with an empty row: typing or pasting there adds
 * line items, as below the last row of a spreadsheet. */
void
ys_record_grid_ensure_new_row (YsRecordGrid *self)
{
  g_autoptr(YsRecord) record = NULL;
  guint n;

  if (self->document == NULL || self->drafts == NULL)
    return;
  n = g_list_model_get_n_items (G_LIST_MODEL (self->drafts));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(YsRecord) draft = g_list_model_get_item (G_LIST_MODEL (self->drafts), i);
      if (is_draft (draft))
        return;
    }
  record = ys_record_grid_new_row_like (self, NULL);
  g_list_store_append (self->drafts, record);
}

/* The fields a new row takes from the row it is made like. */
static void
copy_fields (YsRecordGrid *self,
             YsRecord     *record,
             YsRecord     *model)
{
  for (guint i = 0; i < self->copy_fields->len; i++)
    {
      int f = g_array_index (self->copy_fields, int, i);

      ys_record_set_value (record, f, ys_record_peek (model, f));
    }
}

YsRecord *
ys_record_grid_new_row_like (YsRecordGrid *self,
                             YsRecord     *model)
{
  YsRecord *record = ys_record_new (self->kind);

  if (model != NULL)
    copy_fields (self, record, model);
  else
    {
      ys_record_grid_emit_prepare_draft (self, record);
      g_ptr_array_add (self->pristine, g_object_ref (record));
    }
  return record;
}

static guint
column_of_field (YsRecordGrid *self,
                 int           field)
{
  for (guint i = 0; i < self->columns->len; i++)
    {
      Column *col = column_at (self, i);

      if (col->info.field == field && field >= 0)
        return i;
      for (guint f = 0; col->info.flags && col->info.flags[f] >= 0; f++)
        if (col->info.flags[f] == field)
          return i;
    }
  return self->cursor_column;
}

/* For a copy that cannot be saved yet (what it needs is not copied, as an
 * item's name is not): the empty row at the end takes the copied fields,
 * if nobody has typed in it, and @column is set to the first cell still
 * wanted. Borrowed: the drafts hold it. */
YsRecord *
ys_record_grid_prefill_new_row (YsRecordGrid *self,
                                YsRecord     *model,
                                guint        *column)
{
  g_autoptr(YsRecord) draft = NULL;
  guint n, index;
  int missing;

  ys_record_grid_ensure_new_row (self);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->drafts));
  g_return_val_if_fail (n > 0, NULL);
  draft = g_list_model_get_item (G_LIST_MODEL (self->drafts), n - 1);

  if (g_ptr_array_find (self->pristine, draft, &index))
    {
      g_ptr_array_remove_index (self->pristine, index);
      copy_fields (self, draft, model);
    }
  missing = ys_cell_input_first_missing (draft);
  *column = missing >= 0 ? column_of_field (self, missing) : 0;
  return draft;
}

static gboolean
try_reveal (YsRecordGrid *self)
{
  guint position;

  if (self->reveal_record == NULL)
    return TRUE;
  position = ys_record_grid_position_of (self, self->reveal_record, self->cursor_hint);
  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;
  ys_record_grid_set_cursor (self, position, column_of_field (self, self->reveal_field), TRUE, FALSE);
  g_clear_object (&self->reveal_record);
  return TRUE;
}

void
ys_record_grid_on_models_pending (YsRecordGrid *self)
{
  gboolean busy = ys_filter_model_get_pending (self->filter_model) > 0
                  || ys_sort_model_get_pending (self->sort_model) > 0;

  /* Only once both are done is the row where it will stay. */
  if (!busy && self->reveal_record != NULL && !try_reveal (self))
    g_clear_object (&self->reveal_record);
}

void
ys_record_grid_reveal (YsRecordGrid *self,
                       YsRecord     *record,
                       int           field)
{
  g_return_if_fail (YS_IS_RECORD_GRID (self));
  g_return_if_fail (YS_IS_RECORD (record));

  /* Committed first: selecting the finding's row rebinds the rows whose
   * selection changes (GTK 4.8), which drops an edit under way in them. */
  if (self->editing != NULL)
    ys_record_grid_commit_edit (self, 0, 0, FALSE, TRUE);
  g_set_object (&self->reveal_record, record);
  self->reveal_field = field;
  if (ys_filter_model_get_pending (self->filter_model) == 0
      && ys_sort_model_get_pending (self->sort_model) == 0
      && !try_reveal (self))
    g_clear_object (&self->reveal_record);
}

