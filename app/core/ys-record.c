#include "config.h"

#include "ys-i18n-private.h"

#include "ys-record-private.h"
#include "ys-kinds.h"

typedef struct
{
  gint64   id;
} YsRecordPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (YsRecord, ys_record, G_TYPE_OBJECT)

enum { PROP_0, PROP_ID, N_PROPS };
static GParamSpec *properties[N_PROPS];

/* The accessors below are what every table, rule and cell reads, millions
 * of times for a large budget: they check the field against the record's
 * kind, which is cheap, but not the instance's GType, which cost a sixth of
 * building the tables (a record is always a subclass, so GLib's exact-type
 * shortcut never applies). */
static inline const YsKind *
kind_of (YsRecord *self)
{
  return YS_RECORD_GET_CLASS (self)->kind;
}

/* The values follow the final class's instance struct in the same block
 * (ys_record_register_kind): one allocation per record, not two, and
 * zeroed with it. */
static inline YsValue *
values_of (YsRecord *self)
{
  return (YsValue *) ((char *) self + YS_RECORD_GET_CLASS (self)->values_offset);
}

static void
ys_record_finalize (GObject *object)
{
  YsRecord *self = YS_RECORD (object);
  const YsKind *kind = YS_RECORD_GET_CLASS (self)->kind;
  YsValue *values = values_of (self);

  for (guint i = 0; i < kind->n_fields; i++)
    ys_value_clear (&kind->fields[i], &values[i]);

  G_OBJECT_CLASS (ys_record_parent_class)->finalize (object);
}

static void
ys_record_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  if (prop_id == PROP_ID)
    g_value_set_int64 (value, ys_record_get_id (YS_RECORD (object)));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
ys_record_class_init (YsRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ys_record_finalize;
  object_class->get_property = ys_record_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ys_record_init (YsRecord *self)
{
}

static void
field_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  YsRecord *self = YS_RECORD (object);
  const YsField *field = &YS_RECORD_GET_CLASS (self)->kind->fields[prop_id - 1];
  const YsValue *v = ys_record_peek (self, prop_id - 1);

  switch (field->type)
    {
    case YS_FIELD_INT:
    case YS_FIELD_MONEY:
      g_value_set_int64 (value, v->i);
      break;
    case YS_FIELD_BOOL:
      g_value_set_boolean (value, v->i != 0);
      break;
    default:
      g_value_set_string (value, v->s ? v->s : "");
    }
}

static void
field_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  YsRecord *self = YS_RECORD (object);
  const YsField *field = &YS_RECORD_GET_CLASS (self)->kind->fields[prop_id - 1];
  YsValue v;

  switch (field->type)
    {
    case YS_FIELD_INT:
    case YS_FIELD_MONEY:
      v.i = g_value_get_int64 (value);
      break;
    case YS_FIELD_BOOL:
      v.i = g_value_get_boolean (value);
      break;
    default:
      v.s = (char *) g_value_get_string (value);
    }
  ys_record_set_value (self, prop_id - 1, &v);
}

GType
ys_record_register_kind (const char *type_name, gsize instance_size, GClassInitFunc class_init, const YsKind *kind)
{
  return g_type_register_static_simple (YS_TYPE_RECORD, g_intern_static_string (type_name),
                                        sizeof (YsRecordClass), class_init,
                                        instance_size + kind->n_fields * sizeof (YsValue),
                                        NULL, G_TYPE_FLAG_FINAL);
}

void
ys_record_class_setup (YsRecordClass *klass, const YsKind *kind)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  GTypeQuery query;

  g_type_query (G_TYPE_FROM_CLASS (klass), &query);
  klass->kind = kind;
  klass->values_offset = query.instance_size - kind->n_fields * sizeof (YsValue);
  klass->pspecs = g_new0 (GParamSpec *, kind->n_fields);
  object_class->get_property = field_get_property;
  object_class->set_property = field_set_property;

  for (guint i = 0; i < kind->n_fields; i++)
    {
      const YsField *f = &kind->fields[i];
      g_autofree char *prop = g_strdelimit (g_strdup (f->name), "_", '-');
      GParamSpec *pspec;

      switch (f->type)
        {
        case YS_FIELD_INT:
        case YS_FIELD_MONEY:
          pspec = g_param_spec_int64 (g_intern_string (prop), NULL, NULL,
                                      G_MININT64, G_MAXINT64, 0, flags);
          break;
        case YS_FIELD_BOOL:
          pspec = g_param_spec_boolean (g_intern_string (prop), NULL, NULL, FALSE, flags);
          break;
        default:
          pspec = g_param_spec_string (g_intern_string (prop), NULL, NULL, "", flags);
        }
      klass->pspecs[i] = pspec;
      g_object_class_install_property (object_class, i + 1, pspec);
    }
}

YsRecord *
ys_record_new (const YsKind *kind)
{
  return g_object_new (ys_kind_get_gtype (kind), NULL);
}

YsRecord *
ys_record_copy (YsRecord *self)
{
  const YsKind *kind = ys_record_get_kind (self);
  YsRecord *copy = ys_record_new (kind);

  for (guint i = 0; i < kind->n_fields; i++)
    ys_value_copy (&kind->fields[i], &values_of (copy)[i], &values_of (self)[i]);
  return copy;
}

YsValue *
ys_record_load_slots (YsRecord *self)
{
  return values_of (self);
}

void
ys_record_load_id (YsRecord *self, gint64 id)
{
  YsRecordPrivate *priv = ys_record_get_instance_private (self);
  priv->id = id;
}

const YsKind *
ys_record_get_kind (YsRecord *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return kind_of (self);
}

gint64
ys_record_get_id (YsRecord *self)
{
  YsRecordPrivate *priv = ys_record_get_instance_private (self);
  return priv->id;
}

void
ys_record_set_id (YsRecord *self, gint64 id)
{
  YsRecordPrivate *priv = ys_record_get_instance_private (self);

  if (priv->id != id)
    {
      priv->id = id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
    }
}

const YsValue *
ys_record_peek (YsRecord *self, guint field)
{
  g_return_val_if_fail (self != NULL && field < kind_of (self)->n_fields, NULL);
  return &values_of (self)[field];
}

const char *
ys_record_get_text (YsRecord *self, guint field)
{
  const YsValue *v = ys_record_peek (self, field);
  g_return_val_if_fail (v != NULL && ys_field_is_text (&kind_of (self)->fields[field]), "");
  return v->s ? v->s : "";
}

gint64
ys_record_get_int (YsRecord *self, guint field)
{
  const YsValue *v = ys_record_peek (self, field);
  g_return_val_if_fail (v != NULL && !ys_field_is_text (&kind_of (self)->fields[field]), 0);
  return v->i;
}

char *
ys_record_format (YsRecord *self, guint field)
{
  return ys_field_format (&ys_record_get_kind (self)->fields[field], ys_record_peek (self, field));
}

void
ys_record_load_value (YsRecord *self, guint field, const YsValue *value)
{
  const YsField *f = &ys_record_get_kind (self)->fields[field];
  YsValue *slot = &values_of (self)[field];
  YsValue old = *slot;

  /* Copy before clearing: @value may point into the slot itself. */
  ys_value_copy (f, slot, value);
  ys_value_clear (f, &old);
}

gboolean
ys_record_set_value (YsRecord *self, guint field, const YsValue *value)
{
  const YsKind *kind = ys_record_get_kind (self);
  const YsField *f = &kind->fields[field];
  YsValue *slot = &values_of (self)[field];

  if (ys_value_equal (f, slot, value))
    return FALSE;
  ys_record_load_value (self, field, value);

  g_object_notify_by_pspec (G_OBJECT (self), YS_RECORD_GET_CLASS (self)->pspecs[field]);
  return TRUE;
}

void
ys_record_set_text (YsRecord *self, guint field, const char *text)
{
  YsValue v = { .s = (char *) text };
  ys_record_set_value (self, field, &v);
}

void
ys_record_set_int (YsRecord *self, guint field, gint64 value)
{
  YsValue v = { .i = value };
  ys_record_set_value (self, field, &v);
}

gboolean
ys_record_parse_field (YsRecord *self, guint field, const char *text, GError **error)
{
  const YsField *f = &ys_record_get_kind (self)->fields[field];
  YsValue v = { 0 };

  if (!ys_field_parse (f, text, &v, error))
    return FALSE;
  ys_record_set_value (self, field, &v);
  ys_value_clear (f, &v);
  return TRUE;
}

char *
ys_record_describe (YsRecord *self)
{
  const YsKind *kind = ys_record_get_kind (self);

  if (kind->key_field >= 0)
    return g_strdup_printf ("%s %s", _(kind->label), ys_record_get_text (self, kind->key_field));
  return g_strdup_printf ("%s #%" G_GINT64_FORMAT, _(kind->label), ys_record_get_id (self));
}
