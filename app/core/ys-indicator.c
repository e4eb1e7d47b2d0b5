#include "config.h"

#include <glib/gi18n-lib.h>

#include "ys-indicator.h"

static const char *const goal_set_choices[] = { "实施期", "年度", NULL };
static const char *const operator_choices[] = { "≥", "≤", "=", ">", "<", "定性", NULL };

static const YsField fields[] = {
  { "project_code", N_("project code"), YS_FIELD_CODE, YS_FIELD_REQUIRED, NULL, 0, "project" },
  { "goal_set", N_("indicator set"), YS_FIELD_CHOICE, YS_FIELD_REQUIRED, goal_set_choices, 0, NULL },
  { "seq", N_("order"), YS_FIELD_INT, 0, NULL, 0, NULL },
  { "level1", N_("level-1 indicator"), YS_FIELD_TEXT, YS_FIELD_REQUIRED, NULL, 0, NULL },
  { "level2", N_("level-2 indicator"), YS_FIELD_TEXT, YS_FIELD_REQUIRED, NULL, 0, NULL },
  { "name", N_("level-3 indicator"), YS_FIELD_TEXT, 0, NULL, 0, NULL },
  { "description", N_("indicator description"), YS_FIELD_TEXT, 0, NULL, 0, NULL },
  { "operator", N_("operator"), YS_FIELD_CHOICE, 0, operator_choices, 0, NULL },
  { "value", N_("indicator value"), YS_FIELD_TEXT, 0, NULL, 0, NULL },
  { "measure", N_("unit of measure"), YS_FIELD_TEXT, 0, NULL, 0, NULL },
  { "basis", N_("basis of the value"), YS_FIELD_TEXT, 0, NULL, 0, NULL },
  { "weight", N_("weight"), YS_FIELD_INT, 0, NULL, 0, NULL },
};

G_STATIC_ASSERT (G_N_ELEMENTS (fields) == YS_INDICATOR_N_FIELDS);

const YsKind ys_indicator_kind = {
  "indicator", "indicator", "indicators.csv", N_("performance indicator"),
  fields, G_N_ELEMENTS (fields), -1,
};

YS_DEFINE_RECORD (YsIndicator, ys_indicator, &ys_indicator_kind)
