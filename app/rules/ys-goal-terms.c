#include "config.h"

#include <string.h>

#include "ys-goal-terms.h"

YsFramework
ys_goal_framework (const char *meta_value)
{
  return g_strcmp0 (meta_value, "2021") == 0 ? YS_FRAMEWORK_2021 : YS_FRAMEWORK_LEGACY;
}

char *
ys_goal_term (const char *text)
{
  char *term = g_strstrip (g_strdup (text ? text : ""));
  gsize len = strlen (term);
  const gsize suffix = strlen ("指标");

  if (len > suffix && strcmp (term + len - suffix, "指标") == 0)
    term[len - suffix] = '\0';
  return term;
}

/* @text without surrounding spaces and, if @drop_suffix, a trailing 指标. */
static void
span (const char *text, gboolean drop_suffix, const char **start, gsize *len)
{
  const gsize suffix = strlen ("指标");
  const char *end;

  text = text ? text : "";
  end = text + strlen (text);
  while (g_ascii_isspace (*text))
    text++;
  while (end > text && g_ascii_isspace (end[-1]))
    end--;
  if (drop_suffix && (gsize) (end - text) > suffix && memcmp (end - suffix, "指标", suffix) == 0)
    end -= suffix;
  *start = text;
  *len = end - text;
}

gboolean
ys_goal_text_equal (const char *a, const char *b, gboolean as_terms)
{
  const char *sa, *sb;
  gsize la, lb;

  span (a, as_terms, &sa, &la);
  span (b, as_terms, &sb, &lb);
  return la == lb && memcmp (sa, sb, la) == 0;
}

gboolean
ys_goal_term_is (const char *text, const char *term)
{
  const gsize suffix = strlen ("指标");
  const char *st, *rest;
  gsize lt;

  /* The same as ys_goal_text_equal (text, term, TRUE) without measuring
   * @text first: it is asked a million times at 100,000 lines, mostly of
   * texts that differ from the term in their first bytes. */
  span (term, TRUE, &st, &lt);
  text = text ? text : "";
  while (g_ascii_isspace (*text))
    text++;
  if (strncmp (text, st, lt) != 0)
    return FALSE;
  rest = text + lt;
  /* What span () would drop after the term: 指标 (when the term is not
   * empty), then spaces; spaces alone; or nothing. */
  if (lt > 0 && strncmp (rest, "指标", suffix) == 0)
    {
      for (const char *p = rest + suffix; *p; p++)
        if (!g_ascii_isspace (*p))
          return FALSE;
      return TRUE;
    }
  for (const char *p = rest; *p; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

/* The groups of each framework as the forms spell them: the stored words
 * of the documents, in the order the 绩效目标表 prints them. */
static const YsGoalGroup legacy_groups[] = {
  { "产出指标", "数量指标", NULL },
  { "产出指标", "质量指标", NULL },
  { "产出指标", "时效指标", NULL },
  { "产出指标", "成本指标", NULL },
  { "效益指标", "经济效益指标", NULL },
  { "效益指标", "社会效益指标", NULL },
  { "效益指标", "生态效益指标", "生态环境效益指标" },
  { "效益指标", "可持续影响指标", NULL },
  { "满意度指标", "服务对象满意度指标", NULL },
};

static const YsGoalGroup groups_2021[] = {
  { "产出指标", "数量指标", NULL },
  { "产出指标", "质量指标", NULL },
  { "产出指标", "时效指标", NULL },
  { "成本指标", "经济成本指标", NULL },
  { "成本指标", "社会成本指标", NULL },
  { "成本指标", "生态环境成本指标", NULL },
  { "效益指标", "经济效益指标", NULL },
  { "效益指标", "社会效益指标", NULL },
  { "效益指标", "生态效益指标", "生态环境效益指标" },
  { "满意度指标", "服务对象满意度指标", NULL },
};

const YsGoalGroup *
ys_goal_framework_groups (YsFramework  framework,
                          guint       *n_groups)
{
  if (framework == YS_FRAMEWORK_2021)
    {
      *n_groups = G_N_ELEMENTS (groups_2021);
      return groups_2021;
    }
  *n_groups = G_N_ELEMENTS (legacy_groups);
  return legacy_groups;
}

gboolean
ys_goal_group_is (const YsGoalGroup *group,
                  const char        *level1,
                  const char        *level2)
{
  return ys_goal_term_is (level1, group->level1)
         && (ys_goal_term_is (level2, group->level2)
             || (group->alias != NULL && ys_goal_term_is (level2, group->alias)));
}

gboolean
ys_goal_level1_known (YsFramework framework, const char *level1)
{
  guint n;
  const YsGoalGroup *groups = ys_goal_framework_groups (framework, &n);

  for (guint i = 0; i < n; i++)
    if (ys_goal_term_is (level1, groups[i].level1))
      return TRUE;
  return FALSE;
}

gboolean
ys_goal_level2_belongs (YsFramework framework, const char *level1, const char *level2)
{
  guint n;
  const YsGoalGroup *groups = ys_goal_framework_groups (framework, &n);

  for (guint i = 0; i < n; i++)
    if (ys_goal_group_is (&groups[i], level1, level2))
      return TRUE;
  return FALSE;
}

gboolean
ys_goal_is_cost (const char *level1, const char *level2)
{
  return ys_goal_term_is (level1, "成本") || (level2 && strstr (level2, "成本") != NULL);
}

gboolean
ys_goal_is_quantitative (const char *op)
{
  static const char *const ops[] = { "≥", "≤", "=", ">", "<", NULL };
  return op && g_strv_contains (ops, op);
}

/* ASCII digits and point for full-width ones, no separators, no spaces. */
static char *
plain_number (const char *value)
{
  GString *out = g_string_new (NULL);

  for (const char *p = value; p && *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0xFF10 && c <= 0xFF19)
        g_string_append_c (out, (char) ('0' + (c - 0xFF10)));
      else if (c == 0xFF0E)
        g_string_append_c (out, '.');
      else if (c == ',' || c == 0xFF0C || g_unichar_isspace (c))
        continue;
      else if (c < 0x80)
        g_string_append_c (out, (char) c);
      else
        {
          g_string_free (out, TRUE);
          return NULL;
        }
    }
  return g_string_free (out, FALSE);
}

gboolean
ys_goal_parse_number (const char *value, double *out)
{
  g_autofree char *plain = plain_number (value);
  char *end = NULL;
  double v;

  if (plain == NULL || plain[0] == '\0')
    return FALSE;
  for (const char *p = plain; *p; p++)
    if (!g_ascii_isdigit (*p) && *p != '.')
      return FALSE;
  v = g_ascii_strtod (plain, &end);
  if (end == plain || *end != '\0')
    return FALSE;
  if (out)
    *out = v;
  return TRUE;
}

gboolean
ys_goal_parse_money (const char *value, const char *measure, YsMoney *fen)
{
  g_autofree char *plain = NULL;
  g_autofree char *m = g_strstrip (g_strdup (measure ? measure : ""));
  YsMoney v = 0;

  if (!ys_goal_parse_number (value, NULL))
    return FALSE;
  plain = plain_number (value);
  if (g_str_equal (m, "元"))
    return ys_money_parse (plain, YS_MONEY_YUAN, YS_MONEY_PARSE_DEFAULT, fen, NULL);
  if (g_str_equal (m, "万元"))
    return ys_money_parse (plain, YS_MONEY_WAN, YS_MONEY_PARSE_DEFAULT, fen, NULL);
  if (g_str_equal (m, "千元"))
    {
      if (!ys_money_parse (plain, YS_MONEY_YUAN, YS_MONEY_PARSE_DEFAULT, &v, NULL) || v > G_MAXINT64 / 1000)
        return FALSE;
      *fen = v * 1000;
      return TRUE;
    }
  if (g_str_equal (m, "亿元"))
    {
      if (!ys_money_parse (plain, YS_MONEY_WAN, YS_MONEY_PARSE_DEFAULT, &v, NULL) || v > G_MAXINT64 / 10000)
        return FALSE;
      *fen = v * 10000;
      return TRUE;
    }
  return FALSE;
}

gboolean
ys_goal_is_money_measure (const char *measure)
{
  static const char *const units[] = { "元", "千元", "万元", "亿元", NULL };
  g_autofree char *m = g_strstrip (g_strdup (measure ? measure : ""));
  char *slash = strchr (m, '/');

  /* 元/人, 万元/公里: a cost per head or per unit is money too. */
  if (slash == NULL)
    slash = strstr (m, "／");
  if (slash != NULL)
    *slash = '\0';
  g_strstrip (m);
  return g_strv_contains (units, m);
}

gboolean
ys_goal_value_is_numeric (const char *value)
{
  const char *p = value ? value : "";

  while (*p && (g_unichar_isspace (g_utf8_get_char (p)) || g_utf8_get_char (p) == 0x3000))
    p = g_utf8_next_char (p);
  return *p && g_unichar_isdigit (g_utf8_get_char (p));
}

const char *
ys_goal_likely_operator (const char *level1, const char *level2, const char *name, const char *measure)
{
  /* What the indicator names is something to keep down. */
  static const char *const ceilings[] = {
    "投诉", "差错", "事故", "失误", "故障率", "超支", "逾期", "违规", "下降", "降低", "减少", "缩短", "控制", "不超过",
    "成本", "费用", "时长", "周期", NULL
  };
  const char *n = name ? name : "";

  if (ys_goal_is_cost (level1, level2) || ys_goal_is_money_measure (measure))
    return "≤";
  for (guint i = 0; ceilings[i]; i++)
    if (strstr (n, ceilings[i]) != NULL)
      return "≤";
  /* A deadline in days or months is at most that long; a rate, a count or a satisfaction at least. */
  if (ys_goal_term_is (level2, "时效") && measure && !strchr (measure, '%') && !strstr (measure, "％"))
    return "≤";
  return "≥";
}
