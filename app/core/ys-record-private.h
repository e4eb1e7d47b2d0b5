/* For the loaders of the core only (ys-store.c): nothing outside app/core includes it. */
#pragma once

#include "ys-record.h"

G_BEGIN_DECLS

/* The value slots of a record that nobody has seen yet, filled in place by
 * a loader without a copy per value: a code or choice holds an interned
 * string (g_intern_string), free text a string the record owns (NULL when
 * empty), as ys_value_copy() would leave them. */
YsValue *ys_record_load_slots (YsRecord *self);
/* The id of a record that nobody has seen yet: set without a notification. */
void     ys_record_load_id    (YsRecord *self,
                               gint64    id);

G_END_DECLS
