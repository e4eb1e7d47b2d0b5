/* YsRecordGrid: the rows the validator found something wrong with carry a
 * mark and a tint, and their messages in the tooltip and the accessible
 * description of their cells, so that an error is seen where it is typed. */
#define G_LOG_DOMAIN "yusuan"

#include "config.h"

#include <glib/gi18n.h>

#include "ys-record-grid-private.h"

static void
mark_free (gpointer data)
{
  Mark *mark = data;

  g_string_free (mark->text, TRUE);
  g_free (mark);
}

const Mark *
ys_record_grid_get_mark (YsRecordGrid *self,
                         YsRecord     *record)
{
  return self->marks != NULL ? g_hash_table_lookup (self->marks, record) : NULL;
}

const char *
ys_record_grid_get_focused_findings (YsRecordGrid   *self,
                                     YsFindingLevel *level)
{
  YsGridCell *cell;
  const Mark *mark;

  g_return_val_if_fail (YS_IS_RECORD_GRID (self), NULL);

  cell = ys_record_grid_focused_cell (self);
  mark = cell ? ys_record_grid_get_mark (self, ys_grid_cell_get_record (cell)) : NULL;
  if (mark == NULL)
    return NULL;
  if (level != NULL)
    *level = mark->level;
  return mark->text->str;
}

void
ys_record_grid_refresh_all (YsRecordGrid *self)
{
  for (guint c = 0; self->columns != NULL && c < self->columns->len; c++)
    {
      Column *col = g_ptr_array_index (self->columns, c);

      for (guint i = 0; i < col->cells->len; i++)
        ys_record_grid_refresh_cell (self, g_ptr_array_index (col->cells, i));
    }
}

static gboolean
rebuild_marks_cb (gpointer user_data)
{
  YsRecordGrid *self = user_data;
  guint n = self->validator ? g_list_model_get_n_items (G_LIST_MODEL (self->validator)) : 0;

  self->marks_idle = 0;
  g_hash_table_remove_all (self->marks);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(YsFinding) finding = g_list_model_get_item (G_LIST_MODEL (self->validator), i);
      YsFindingLevel level = ys_finding_get_level (finding);
      YsRecord *record;
      Mark *mark;

      /* Errors first, then warnings, then information: the rest is not marked. */
      if (level > YS_FINDING_WARNING)
        break;
      record = ys_finding_get_record (finding);
      if (record == NULL || ys_record_get_kind (record) != self->kind)
        continue;
      mark = g_hash_table_lookup (self->marks, record);
      if (mark == NULL)
        {
          mark = g_new0 (Mark, 1);
          mark->level = level;
          mark->text = g_string_new (NULL);
          g_hash_table_insert (self->marks, record, mark);
        }
      mark->level = MIN (mark->level, level);
      if (mark->text->len > 0)
        g_string_append_c (mark->text, '\n');
      /* Translators: a finding's level and its message */
      g_string_append_printf (mark->text, _("%1$s: %2$s"),
                              ys_finding_level_to_string (level), ys_finding_get_message (finding));
    }
  ys_record_grid_refresh_all (self);
  return G_SOURCE_REMOVE;
}

static void
on_validator_items_changed_cb (YsRecordGrid *self,
                               guint         position,
                               guint         removed,
                               guint         added,
                               GListModel   *model)
{
  /* Many findings change at once after a paste: marked once, after it. */
  if (self->marks_idle == 0)
    self->marks_idle = g_idle_add_full (G_PRIORITY_LOW, rebuild_marks_cb, self, NULL);
}

void
ys_record_grid_set_validator (YsRecordGrid *self,
                              YsValidator  *validator)
{
  g_return_if_fail (YS_IS_RECORD_GRID (self));
  g_return_if_fail (!validator || YS_IS_VALIDATOR (validator));

  if (self->validator == validator)
    return;
  if (self->validator != NULL)
    g_signal_handlers_disconnect_by_data (self->validator, self);
  g_set_object (&self->validator, validator);
  if (self->marks == NULL)
    self->marks = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, mark_free);
  if (validator != NULL)
    g_signal_connect_object (validator, "items-changed",
                             G_CALLBACK (on_validator_items_changed_cb), self, G_CONNECT_SWAPPED);
  g_clear_handle_id (&self->marks_idle, g_source_remove);
  rebuild_marks_cb (self);
}

void
ys_record_grid_clear_marks (YsRecordGrid *self)
{
  g_clear_handle_id (&self->marks_idle, g_source_remove);
  if (self->validator != NULL)
    g_signal_handlers_disconnect_by_data (self->validator, self);
  g_clear_object (&self->validator);
  g_clear_pointer (&self->marks, g_hash_table_unref);
}
