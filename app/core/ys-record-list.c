#include "config.h"

#include "ys-record-list.h"

#include <string.h>

struct _YsRecordList
{
  GObject    parent_instance;

  GType      item_type;
  GPtrArray *items;   /* YsRecord, referenced */
};

static void ys_record_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (YsRecordList, ys_record_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, ys_record_list_model_init))

static GType
model_get_item_type (GListModel *model)
{
  return YS_RECORD_LIST (model)->item_type;
}

static guint
model_get_n_items (GListModel *model)
{
  return YS_RECORD_LIST (model)->items->len;
}

static gpointer
model_get_item (GListModel *model, guint position)
{
  YsRecord *record = ys_record_list_peek (YS_RECORD_LIST (model), position);
  return record ? g_object_ref (record) : NULL;
}

static void
ys_record_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = model_get_item_type;
  iface->get_n_items = model_get_n_items;
  iface->get_item = model_get_item;
}

static void
ys_record_list_finalize (GObject *object)
{
  g_ptr_array_unref (YS_RECORD_LIST (object)->items);
  G_OBJECT_CLASS (ys_record_list_parent_class)->finalize (object);
}

static void
ys_record_list_class_init (YsRecordListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ys_record_list_finalize;
}

static void
ys_record_list_init (YsRecordList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

YsRecordList *
ys_record_list_new (GType item_type)
{
  YsRecordList *self;

  g_return_val_if_fail (g_type_is_a (item_type, YS_TYPE_RECORD), NULL);
  self = g_object_new (YS_TYPE_RECORD_LIST, NULL);
  self->item_type = item_type;
  return self;
}

guint
ys_record_list_get_n_items (YsRecordList *self)
{
  return self->items->len;
}

YsRecord *
ys_record_list_peek (YsRecordList *self, guint position)
{
  return position < self->items->len ? g_ptr_array_index (self->items, position) : NULL;
}

/* Opens a gap of @n slots at @position and returns it; the slots are to be
 * filled with references at once. */
static YsRecord **
open_gap (YsRecordList *self, guint position, guint n)
{
  guint len = self->items->len;
  gpointer *data;

  if (n == 0)
    return NULL;
  /* Growing fills the new slots with NULL, which the free function never sees. */
  g_ptr_array_set_size (self->items, len + n);
  data = self->items->pdata;
  memmove (data + position + n, data + position, (len - position) * sizeof (gpointer));
  return (YsRecord **) (data + position);
}

void
ys_record_list_splice (YsRecordList *self, guint position, guint n_removals,
                       YsRecord **additions, guint n_additions)
{
  YsRecord **gap;

  g_return_if_fail (position <= self->items->len && n_removals <= self->items->len - position);

  if (n_removals > 0)
    g_ptr_array_remove_range (self->items, position, n_removals);
  gap = open_gap (self, position, n_additions);
  for (guint i = 0; i < n_additions; i++)
    gap[i] = g_object_ref (additions[i]);
  if (n_removals > 0 || n_additions > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), position, n_removals, n_additions);
}

void
ys_record_list_insert (YsRecordList *self, guint position, YsRecord *record)
{
  ys_record_list_splice (self, position, 0, &record, 1);
}

void
ys_record_list_remove (YsRecordList *self, guint position)
{
  ys_record_list_splice (self, position, 1, NULL, 0);
}

void
ys_record_list_take (YsRecordList *self, GPtrArray *records)
{
  guint position = self->items->len;
  guint n = records->len;
  gpointer *taken;

  if (n == 0)
    return;
  taken = g_ptr_array_steal (records, NULL);
  memcpy (open_gap (self, position, n), taken, n * sizeof (gpointer));
  g_free (taken);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, n);
}

gboolean
ys_record_list_find (YsRecordList *self, YsRecord *record, guint *position)
{
  return g_ptr_array_find (self->items, record, position);
}
