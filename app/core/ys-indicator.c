#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

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

/* Text without its spaces, ideographic ones included: forms write “≤ 30 万元”. */
static GString *
without_spaces (const char *text)
{
  GString *plain = g_string_new (NULL);

  /* Stepping through bytes that are not UTF-8 could skip the terminator. */
  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    return g_string_append (plain, text);
  for (const char *p = text ? text : ""; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (!g_unichar_isspace (c) && c != 0x3000)
        g_string_append_unichar (plain, c);
    }
  return plain;
}

char *
ys_indicator_normalize_operator (const char *text)
{
  g_autoptr(GString) plain = without_spaces (text);

  for (guint i = 0; i < G_N_ELEMENTS (operator_spellings); i++)
    for (guint k = 0; operator_spellings[i].spellings[k]; k++)
      if (g_str_equal (plain->str, operator_spellings[i].spellings[k]))
        return g_strdup (operator_spellings[i].normal);
  return NULL;
}

/* Whether @text, without its spaces, cannot begin with an operator: it is
 * empty or begins with an ASCII digit, as most values do (“95”), and every
 * spelling begins with a sign or a word. */
static gboolean
names_no_operator (const char *text)
{
  const char *p = text ? text : "";

  while (*p == ' ' || *p == '\t')
    p++;
  return *p == '\0' || g_ascii_isdigit (*p);
}

gboolean
ys_indicator_split_value (const char *text, char **op, char **number, char **measure)
{
  g_autoptr(GString) plain = NULL;
  g_autoptr(GString) digits = NULL;
  g_autoptr(GString) rest = NULL;
  const char *normal = NULL;
  gsize len = 0;
  const char *p;

  if (names_no_operator (text))
    return FALSE;
  plain = without_spaces (text);
  digits = g_string_new (NULL);
  rest = g_string_new (NULL);

  /* The longest spelling wins: 大于等于 over 大于, <= over <. */
  for (guint i = 0; i < G_N_ELEMENTS (operator_spellings); i++)
    for (guint k = 0; operator_spellings[i].spellings[k]; k++)
      {
        const char *s = operator_spellings[i].spellings[k];
        gsize n = strlen (s);
        if (n > len && !g_str_equal (operator_spellings[i].normal, "定性") && g_str_has_prefix (plain->str, s))
          normal = operator_spellings[i].normal, len = n;
      }
  if (normal == NULL)
    return FALSE;
  for (p = plain->str + len; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c >= 0xFF10 && c <= 0xFF19)
        c = '0' + (c - 0xFF10);
      else if (c == 0xFF0E)
        c = '.';
      if (g_ascii_isdigit (c) || (c == '.' && digits->len > 0) || (c == ',' && digits->len > 0))
        {
          if (c != ',')
            g_string_append_c (digits, (char) c);
        }
      else
        break;
    }
  if (digits->len == 0 || !g_ascii_isdigit (digits->str[digits->len - 1]))
    return FALSE;
  for (; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      g_string_append_unichar (rest, c == 0xFF05 ? '%' : c);
    }
  *op = g_strdup (normal);
  *number = g_string_free (g_steal_pointer (&digits), FALSE);
  *measure = g_string_free (g_steal_pointer (&rest), FALSE);
  return TRUE;
}

gboolean
ys_indicator_resolve_value (const char  *value,
                            const char  *op,
                            const char  *measure,
                            char       **out_op,
                            char       **out_number,
                            char       **out_measure,
                            GError     **error)
{
  g_autofree char *split_op = NULL, *number = NULL, *split_measure = NULL;
  g_autofree char *current_op = NULL;

  *out_op = *out_number = *out_measure = NULL;
  if (!ys_indicator_split_value (value, &split_op, &number, &split_measure))
    return TRUE;
  current_op = op && op[0] ? ys_indicator_normalize_operator (op) : NULL;
  /* Two operators that disagree are the accountant's to settle: neither the
   * stricter nor the later one is guessed. */
  if (op && op[0] && g_strcmp0 (current_op, split_op) != 0)
    {
      g_set_error (error, YS_FIELD_ERROR, YS_FIELD_ERROR_INVALID,
                   _("%s: “%s” says %s but the operator is %s: correct one of them"),
                   _("indicator value"), value, split_op, op);
      return FALSE;
    }
  if (measure && measure[0] && split_measure[0] && !g_str_equal (measure, split_measure))
    {
      g_set_error (error, YS_FIELD_ERROR, YS_FIELD_ERROR_INVALID,
                   _("%s: “%s” is in %s but the unit of measure is %s: correct one of them"),
                   _("indicator value"), value, split_measure, measure);
      return FALSE;
    }
  *out_op = g_steal_pointer (&split_op);
  *out_number = g_steal_pointer (&number);
  *out_measure = split_measure[0] ? g_steal_pointer (&split_measure) : g_strdup (measure ? measure : "");
  return TRUE;
}

gboolean
ys_indicator_settle (YsRecord *record, GError **error)
{
  g_autofree char *op = NULL, *number = NULL, *measure = NULL;

  if (ys_record_get_kind (record) != &ys_indicator_kind)
    return TRUE;
  if (!ys_indicator_resolve_value (ys_record_get_text (record, YS_INDICATOR_VALUE),
                                   ys_record_get_text (record, YS_INDICATOR_OPERATOR),
                                   ys_record_get_text (record, YS_INDICATOR_MEASURE),
                                   &op, &number, &measure, error))
    return FALSE;
  if (op == NULL)
    return TRUE;
  ys_record_set_text (record, YS_INDICATOR_OPERATOR, g_intern_string (op));
  ys_record_set_text (record, YS_INDICATOR_VALUE, number);
  ys_record_set_text (record, YS_INDICATOR_MEASURE, measure);
  return TRUE;
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
