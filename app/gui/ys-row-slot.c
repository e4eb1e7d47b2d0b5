/* A row slot only carries a record and says when it changes, at once or,
 * for a row off screen, when asked (ys_row_slot_flush()). */
#define G_LOG_DOMAIN "yusuan"

#include "config.h"

#include "ys-row-slot.h"

struct _YsRowSlot
{
  GObject   parent_instance;

  YsRecord *record;
  guint     position;
  /* While the change is not told yet: the record the row's widgets still
   * show (they borrow it), kept alive until they let go of it. */
  YsRecord *shown;
  gpointer  anchor;    /* weak */
};

G_DEFINE_FINAL_TYPE (YsRowSlot, ys_row_slot, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_RECORD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

YsRowSlot *
ys_row_slot_new (YsRecord *record)
{
  return g_object_new (YS_TYPE_ROW_SLOT, "record", record, NULL);
}

YsRecord *
ys_row_slot_get_record (YsRowSlot *self)
{
  g_return_val_if_fail (YS_IS_ROW_SLOT (self), NULL);

  return self->record;
}

void
ys_row_slot_set_record (YsRowSlot *self,
                        YsRecord  *record)
{
  YsRecord *old;

  g_return_if_fail (YS_IS_ROW_SLOT (self));

  if (self->record == record)
    return;
  /* The old record outlives the notification: whoever shows it lets go of
   * it in the handler. */
  old = self->record;
  self->record = record ? g_object_ref (record) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORD]);
  g_clear_object (&old);
  g_clear_object (&self->shown);
}

gboolean
ys_row_slot_set_record_later (YsRowSlot *self,
                              YsRecord  *record)
{
  g_return_val_if_fail (YS_IS_ROW_SLOT (self), FALSE);

  if (self->record == record)
    return FALSE;
  if (self->shown == NULL)
    self->shown = self->record;
  else
    g_clear_object (&self->record);
  self->record = record ? g_object_ref (record) : NULL;
  return TRUE;
}

gboolean
ys_row_slot_is_stale (YsRowSlot *self)
{
  g_return_val_if_fail (YS_IS_ROW_SLOT (self), FALSE);

  return self->shown != NULL;
}

gboolean
ys_row_slot_flush (YsRowSlot *self)
{
  g_return_val_if_fail (YS_IS_ROW_SLOT (self), FALSE);

  if (self->shown == NULL)
    return FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORD]);
  g_clear_object (&self->shown);
  return TRUE;
}

gpointer
ys_row_slot_get_anchor (YsRowSlot *self)
{
  g_return_val_if_fail (YS_IS_ROW_SLOT (self), NULL);

  return self->anchor;
}

void
ys_row_slot_set_anchor (YsRowSlot *self,
                        gpointer   anchor)
{
  g_return_if_fail (YS_IS_ROW_SLOT (self));

  if (self->anchor == anchor)
    return;
  if (self->anchor != NULL)
    g_object_remove_weak_pointer (self->anchor, &self->anchor);
  self->anchor = anchor;
  if (anchor != NULL)
    g_object_add_weak_pointer (anchor, &self->anchor);
}

guint
ys_row_slot_get_position (YsRowSlot *self)
{
  g_return_val_if_fail (YS_IS_ROW_SLOT (self), G_MAXUINT);

  return self->position;
}

void
ys_row_slot_set_position (YsRowSlot *self,
                          guint      position)
{
  g_return_if_fail (YS_IS_ROW_SLOT (self));

  self->position = position;
}

static void
ys_row_slot_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  YsRowSlot *self = YS_ROW_SLOT (object);

  switch (prop_id)
    {
    case PROP_RECORD:
      g_value_set_object (value, self->record);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ys_row_slot_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  YsRowSlot *self = YS_ROW_SLOT (object);

  switch (prop_id)
    {
    case PROP_RECORD:
      ys_row_slot_set_record (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ys_row_slot_dispose (GObject *object)
{
  YsRowSlot *self = YS_ROW_SLOT (object);

  g_clear_object (&self->record);
  g_clear_object (&self->shown);
  ys_row_slot_set_anchor (self, NULL);

  G_OBJECT_CLASS (ys_row_slot_parent_class)->dispose (object);
}

static void
ys_row_slot_class_init (YsRowSlotClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = ys_row_slot_get_property;
  object_class->set_property = ys_row_slot_set_property;
  object_class->dispose = ys_row_slot_dispose;

  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL,
                         YS_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ys_row_slot_init (YsRowSlot *self)
{
  self->position = G_MAXUINT;
}
