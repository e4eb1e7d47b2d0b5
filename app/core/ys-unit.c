#include "config.h"

#include <glib/gi18n-lib.h>

#include "ys-unit.h"

static const char *const unit_type_choices[] = { "行政单位", "事业单位", "参照公务员法管理事业单位", NULL };
static const char *const role_choices[] = { "本级", "下属单位", NULL };

static const YsField fields[] = {
  { "code", N_("unit code"), YS_FIELD_CODE, YS_FIELD_REQUIRED | YS_FIELD_KEY, NULL, 0, NULL },
  { "name", N_("unit name"), YS_FIELD_TEXT, YS_FIELD_REQUIRED, NULL, 0, NULL },
  { "unit_type", N_("unit type"), YS_FIELD_CHOICE, YS_FIELD_REQUIRED, unit_type_choices, 0, NULL },
  { "funding", N_("funding form"), YS_FIELD_TEXT, 0, NULL, 0, NULL },
  { "grade", N_("grade"), YS_FIELD_TEXT, 0, NULL, 0, NULL },
  { "role", N_("place in the department"), YS_FIELD_CHOICE, YS_FIELD_REQUIRED, role_choices, 0, NULL },
  { "headcount", N_("authorised staff"), YS_FIELD_INT, 0, NULL, 0, NULL },
  { "staff", N_("staff in post"), YS_FIELD_INT, 0, NULL, 0, NULL },
  { "retirees", N_("retired staff"), YS_FIELD_INT, 0, NULL, 0, NULL },
  { "vehicles", N_("vehicles"), YS_FIELD_INT, 0, NULL, 0, NULL },
  { "note", N_("note"), YS_FIELD_TEXT, 0, NULL, 0, NULL },
};

G_STATIC_ASSERT (G_N_ELEMENTS (fields) == YS_UNIT_N_FIELDS);

const YsKind ys_unit_kind = {
  "unit", "unit", "units.csv", N_("unit"),
  fields, G_N_ELEMENTS (fields), 0,
};

YS_DEFINE_RECORD (YsUnit, ys_unit, &ys_unit_kind)
