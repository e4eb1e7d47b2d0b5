/* Slots are made when GTK asks for a row and live as long as GTK holds
 * them; the list only keeps weak pointers, by position, so that a change
 * finds the slots on screen without holding one per record.
 *
 * GTK 4.8 keeps some 200 rows beyond the 25 or so on screen. Rebinding all
 * of them at once, and measuring them all again in the next frame, held the
 * main loop 70 ms after a sort or a search; the rows off screen are now
 * given their records at once but told in slices (ys_row_slot_list_flush),
 * a few rows a frame, so that each frame only measures the rows it shows. */
#define G_LOG_DOMAIN "yusuan"

#include "config.h"

#include <string.h>

#include "ys-row-slot-list.h"
#include "ys-row-slot.h"

/* Below this many replaced rows the change is passed on: rebuilding a few
 * rows costs nothing, and the rows keep following their records (the
 * focus and the selection go with a record that moves). */
#define REBIND_MIN 8

struct _YsRowSlotList
{
  GObject     parent_instance;

  GListModel *model;
  GPtrArray  *slots;   /* YsRowSlot, weak; NULL where nobody holds one */
  GPtrArray  *stale;   /* YsRowSlot, held: changes not told yet */

  YsRowSlotVisibleFunc visible;
  gpointer             visible_data;
};

static void ys_row_slot_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (YsRowSlotList, ys_row_slot_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, ys_row_slot_list_model_init))

enum {
  REBOUND,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_slot_gone_cb (gpointer  data,
                 GObject  *where)
{
  YsRowSlotList *self = data;
  guint position = ys_row_slot_get_position ((YsRowSlot *) where);

  if (position < self->slots->len && g_ptr_array_index (self->slots, position) == (gpointer) where)
    g_ptr_array_index (self->slots, position) = NULL;
}

static void
forget_slot (YsRowSlotList *self,
             guint          position)
{
  YsRowSlot *slot = g_ptr_array_index (self->slots, position);

  if (slot == NULL)
    return;
  g_object_weak_unref (G_OBJECT (slot), on_slot_gone_cb, self);
  ys_row_slot_set_position (slot, G_MAXUINT);
  g_ptr_array_index (self->slots, position) = NULL;
}

/* Makes room for @n empty positions at @position. */
static void
insert_empty (GPtrArray *array,
              guint      position,
              guint      n)
{
  guint old_len = array->len;

  if (n == 0)
    return;
  g_ptr_array_set_size (array, old_len + n);
  memmove (array->pdata + position + n, array->pdata + position,
           (old_len - position) * sizeof (gpointer));
  memset (array->pdata + position, 0, n * sizeof (gpointer));
}

static void
on_items_changed_cb (GListModel    *model,
                     guint          position,
                     guint          removed,
                     guint          added,
                     YsRowSlotList *self)
{
  guint common = MIN (removed, added);

  if (common < REBIND_MIN)
    common = 0;

  /* Beyond the rebound rows, the change as it is. */
  if (removed != added || common == 0)
    {
      guint at = position + common;

      for (guint i = at; i < position + removed; i++)
        forget_slot (self, i);
      g_ptr_array_remove_range (self->slots, at, removed - common);
      insert_empty (self->slots, at, added - common);
      if (removed != added)
        for (guint i = position + added; i < self->slots->len; i++)
          {
            YsRowSlot *slot = g_ptr_array_index (self->slots, i);

            if (slot != NULL)
              ys_row_slot_set_position (slot, i);
          }
      g_list_model_items_changed (G_LIST_MODEL (self), at, removed - common, added - common);
    }

  if (common == 0)
    return;

  for (guint i = position; i < position + common; i++)
    {
      YsRowSlot *slot = g_ptr_array_index (self->slots, i);

      if (slot != NULL)
        {
          g_autoptr(YsRecord) record = g_list_model_get_item (self->model, i);

          if (self->visible == NULL || self->visible (slot, self->visible_data))
            ys_row_slot_set_record (slot, record);
          else if (!ys_row_slot_is_stale (slot) && ys_row_slot_set_record_later (slot, record))
            g_ptr_array_add (self->stale, g_object_ref (slot));
          else
            ys_row_slot_set_record_later (slot, record);
        }
    }
  g_signal_emit (self, signals[REBOUND], 0, position, common);
}

static GType
ys_row_slot_list_get_item_type (GListModel *list)
{
  return YS_TYPE_ROW_SLOT;
}

static guint
ys_row_slot_list_get_n_items (GListModel *list)
{
  return YS_ROW_SLOT_LIST (list)->slots->len;
}

static gpointer
ys_row_slot_list_get_item (GListModel *list,
                           guint       position)
{
  YsRowSlotList *self = YS_ROW_SLOT_LIST (list);
  g_autoptr(YsRecord) record = NULL;
  YsRowSlot *slot;

  if (position >= self->slots->len)
    return NULL;
  slot = g_ptr_array_index (self->slots, position);
  if (slot != NULL)
    return g_object_ref (slot);

  record = g_list_model_get_item (self->model, position);
  slot = ys_row_slot_new (record);
  ys_row_slot_set_position (slot, position);
  g_object_weak_ref (G_OBJECT (slot), on_slot_gone_cb, self);
  g_ptr_array_index (self->slots, position) = slot;
  return slot;
}

static void
ys_row_slot_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = ys_row_slot_list_get_item_type;
  iface->get_n_items = ys_row_slot_list_get_n_items;
  iface->get_item = ys_row_slot_list_get_item;
}

static void
ys_row_slot_list_dispose (GObject *object)
{
  YsRowSlotList *self = YS_ROW_SLOT_LIST (object);

  if (self->model != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->model, self);
      g_clear_object (&self->model);
    }
  if (self->slots != NULL)
    for (guint i = 0; i < self->slots->len; i++)
      forget_slot (self, i);
  if (self->stale != NULL)
    g_ptr_array_set_size (self->stale, 0);

  G_OBJECT_CLASS (ys_row_slot_list_parent_class)->dispose (object);
}

static void
ys_row_slot_list_finalize (GObject *object)
{
  YsRowSlotList *self = YS_ROW_SLOT_LIST (object);

  g_ptr_array_unref (self->slots);
  g_ptr_array_unref (self->stale);

  G_OBJECT_CLASS (ys_row_slot_list_parent_class)->finalize (object);
}

static void
ys_row_slot_list_class_init (YsRowSlotListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ys_row_slot_list_dispose;
  object_class->finalize = ys_row_slot_list_finalize;

  /* Emitted after @n_rows slots from @position were given other records,
   * without an items-changed: whatever is kept by position there (the
   * selection) no longer points at the rows it was for. */
  signals[REBOUND] =
    g_signal_new ("rebound",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);
}

static void
ys_row_slot_list_init (YsRowSlotList *self)
{
  self->slots = g_ptr_array_new ();
  self->stale = g_ptr_array_new_with_free_func (g_object_unref);
}

YsRowSlotList *
ys_row_slot_list_new (GListModel *model)
{
  YsRowSlotList *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);

  self = g_object_new (YS_TYPE_ROW_SLOT_LIST, NULL);
  self->model = model;
  insert_empty (self->slots, 0, g_list_model_get_n_items (model));
  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed_cb), self);
  return self;
}

void
ys_row_slot_list_set_visible_func (YsRowSlotList        *self,
                                   YsRowSlotVisibleFunc  func,
                                   gpointer              data)
{
  g_return_if_fail (YS_IS_ROW_SLOT_LIST (self));

  self->visible = func;
  self->visible_data = data;
}

guint
ys_row_slot_list_flush (YsRowSlotList *self,
                        guint          max_rows)
{
  guint told = 0;

  g_return_val_if_fail (YS_IS_ROW_SLOT_LIST (self), 0);

  /* From the end: the array only shrinks. Told rows a slot list shows
   * again before this (on screen at a later change) are skipped. */
  while (self->stale->len > 0 && told < max_rows)
    {
      g_autoptr(YsRowSlot) slot = g_ptr_array_steal_index (self->stale, self->stale->len - 1);

      if (ys_row_slot_flush (slot))
        told++;
    }
  return self->stale->len;
}

guint
ys_row_slot_list_get_n_stale (YsRowSlotList *self)
{
  g_return_val_if_fail (YS_IS_ROW_SLOT_LIST (self), 0);

  return self->stale->len;
}
