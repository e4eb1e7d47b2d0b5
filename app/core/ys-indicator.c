#include "config.h"

#include <glib/gi18n-lib.h>

#include "ys-indicator.h"

static const char *const goal_set_choices[] = { "实施期", "年度", NULL };
static const char *const operator_choices[] = { "≥", "≤", "=", ">", "<", "定性", NULL };

/* The ways forms and spreadsheets write the operators: full-width and
 * doubled signs, ASCII digraphs and words. Compared without spaces. */
static const struct {
  const char *normal;
  const char *const spellings[16];
} operator_spellings[] = {
  { "≥", { "≥", "≧", "⩾", ">=", "＞＝", "＞=", ">＝", "=>", "不低于", "不少于", "不小于", "大于等于", "大于或等于",
           "至少", NULL } },
  { "≤", { "≤", "≦", "⩽", "<=", "＜＝", "＜=", "<＝", "=<", "不高于", "不超过", "不大于", "不多于", "小于等于",
           "小于或等于", NULL } },
  { "=", { "=", "＝", "==", "等于", NULL } },
  { ">", { ">", "＞", "大于", "高于", "多于", "超过", NULL } },
  { "<", { "<", "＜", "小于", "低于", "少于", NULL } },
  { "定性", { "定性", "定性指标", NULL } },
};

char *
ys_indicator_normalize_operator (const char *text)
{
  g_autoptr(GString) plain = g_string_new (NULL);

  for (const char *p = text ? text : ""; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (!g_unichar_isspace (c) && c != 0x3000)
        g_string_append_unichar (plain, c);
    }
  for (guint i = 0; i < G_N_ELEMENTS (operator_spellings); i++)
    for (guint k = 0; operator_spellings[i].spellings[k]; k++)
      if (g_str_equal (plain->str, operator_spellings[i].spellings[k]))
        return g_strdup (operator_spellings[i].normal);
  return NULL;
}

static const YsField fields[] = {
  { "project_code", N_("project code"), YS_FIELD_CODE, YS_FIELD_REQUIRED, NULL, 0, "project" },
  { "goal_set", N_("indicator set"), YS_FIELD_CHOICE, YS_FIELD_REQUIRED, goal_set_choices, 0, NULL },
  { "seq", N_("order"), YS_FIELD_INT, 0, NULL, 0, NULL },
  { "level1", N_("level-1 indicator"), YS_FIELD_TEXT, YS_FIELD_REQUIRED, NULL, 0, NULL },
  { "level2", N_("level-2 indicator"), YS_FIELD_TEXT, YS_FIELD_REQUIRED, NULL, 0, NULL },
  { "name", N_("level-3 indicator"), YS_FIELD_TEXT, 0, NULL, 0, NULL },
  { "description", N_("indicator description"), YS_FIELD_TEXT, 0, NULL, 0, NULL },
  { "operator", N_("operator"), YS_FIELD_CHOICE, 0, operator_choices, 0, NULL, ys_indicator_normalize_operator },
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
