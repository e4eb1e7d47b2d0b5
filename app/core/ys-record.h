/* A record of the budget document: a unit, a line item, a project… Its fields
 * are described by its YsKind and exposed as GObject properties so that the
 * window can bind to them. Only YsDocument changes a stored record, so that
 * every change is saved and can be undone. */
#pragma once

#include <glib-object.h>

#include "ys-kind.h"

G_BEGIN_DECLS

#define YS_TYPE_RECORD (ys_record_get_type ())
G_DECLARE_DERIVABLE_TYPE (YsRecord, ys_record, YS, RECORD, GObject)

struct _YsRecordClass
{
  GObjectClass  parent_class;
  const YsKind *kind;
  GParamSpec  **pspecs;  /* one per field */
  gsize         values_offset;  /* of the values from the start of an instance */
};

/* Every record class is one of these: a kind table and nothing else. Its
 * instances hold their values after the instance struct, in the same
 * allocation (ys_record_register_kind). */
#define YS_DEFINE_RECORD(TN, t_n, KIND)                                   \
  struct _##TN { YsRecord parent_instance; };                             \
  static void t_n##_class_init (gpointer klass, gpointer data)            \
  { (void) data; ys_record_class_setup (YS_RECORD_CLASS (klass), (KIND)); } \
  GType t_n##_get_type (void)                                             \
  {                                                                       \
    static gsize type_id;                                                 \
    if (g_once_init_enter (&type_id))                                     \
      g_once_init_leave (&type_id,                                        \
                         ys_record_register_kind (#TN, sizeof (TN),       \
                                                  t_n##_class_init, (KIND))); \
    return type_id;                                                       \
  }

void           ys_record_class_setup (YsRecordClass *klass,
                                      const YsKind  *kind);
/* A final subclass of YsRecord whose instances are @instance_size bytes
 * followed by one YsValue per field of @kind. */
GType          ys_record_register_kind (const char    *type_name,
                                        gsize          instance_size,
                                        GClassInitFunc class_init,
                                        const YsKind  *kind);

YsRecord      *ys_record_new         (const YsKind *kind);
YsRecord      *ys_record_copy        (YsRecord     *self);
const YsKind  *ys_record_get_kind    (YsRecord     *self);
gint64         ys_record_get_id      (YsRecord     *self);
void           ys_record_set_id      (YsRecord     *self,
                                      gint64        id);

const YsValue *ys_record_peek        (YsRecord     *self,
                                      guint         field);
const char    *ys_record_get_text    (YsRecord     *self,
                                      guint         field);
gint64         ys_record_get_int     (YsRecord     *self,
                                      guint         field);
char          *ys_record_format      (YsRecord     *self,
                                      guint         field);
/* Returns TRUE when the value changed (and "notify" was emitted). */
gboolean       ys_record_set_value   (YsRecord     *self,
                                      guint         field,
                                      const YsValue *value);
/* Sets a value without notifying: for records not yet seen by anyone. */
void           ys_record_load_value  (YsRecord     *self,
                                      guint         field,
                                      const YsValue *value);
void           ys_record_set_text    (YsRecord     *self,
                                      guint         field,
                                      const char   *text);
void           ys_record_set_int     (YsRecord     *self,
                                      guint         field,
                                      gint64        value);
/* Parses @text as the field's type; on error the record is unchanged. */
gboolean       ys_record_parse_field (YsRecord     *self,
                                      guint         field,
                                      const char   *text,
                                      GError      **error);
/* "单位 103001", "支出明细 #12": how messages name the record. */
char          *ys_record_describe    (YsRecord     *self);

G_END_DECLS
