#include "config.h"

#include <glib/gi18n-lib.h>

#include "ys-received.h"

/* The unit code is not a reference to the unit: the record says where the
 * unit's figures came from even while the unit itself is being replaced. */
static const YsField fields[] = {
  { "unit_code", N_("unit code"), YS_FIELD_CODE, YS_FIELD_REQUIRED | YS_FIELD_KEY, NULL, 0, NULL },
  { "unit_name", N_("unit name"), YS_FIELD_TEXT, 0, NULL, 0, NULL },
  { "file", N_("received from file"), YS_FIELD_TEXT, YS_FIELD_REQUIRED, NULL, 0, NULL },
  { "received_at", N_("received at"), YS_FIELD_TEXT, YS_FIELD_REQUIRED, NULL, 0, NULL },
  { "file_sha256", N_("file checksum (SHA-256)"), YS_FIELD_TEXT, YS_FIELD_REQUIRED, NULL, 0, NULL },
  { "dept_code", N_("department code in the file"), YS_FIELD_TEXT, 0, NULL, 0, NULL },
  { "records", N_("records received"), YS_FIELD_INT, 0, NULL, 0, NULL },
};

G_STATIC_ASSERT (G_N_ELEMENTS (fields) == YS_RECEIVED_N_FIELDS);

const YsKind ys_received_kind = {
  "received", "received_unit", "received_units.csv", N_("received unit"),
  fields, G_N_ELEMENTS (fields), 0,
};

YS_DEFINE_RECORD (YsReceived, ys_received, &ys_received_kind)
