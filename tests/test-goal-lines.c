/* The two goal sets of a project read side by side (ys_goal_set_lines()):
 * the same 三级指标 of both on one line, each set in its own order, what one
 * set has alone on a line of its own. The sets are those of the samples'
 * projects (resources/samples/jincheng-2023, P01: the 年度 set lists the
 * 数量指标 in another order and has 资料印刷达标率 where the 实施期 has
 * 提高政策的普及率; yongqiao-2023, P01: ten 委托业务费 in each set). */
#include "config.h"

#include "ys-goal-set.h"
#include "ys-test-util.h"

#define OTHER 9  /* the n_groups of these tests: the mark of "in no group" */

/* Placed indicators from "group:name" or "group:level1/level2/name". */
static GArray *
placed (const char *const *items)
{
  GArray *array = g_array_new (FALSE, FALSE, sizeof (YsPlacedIndicator));

  for (guint i = 0; items[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (items[i], ":", 2);
      g_auto(GStrv) levels = g_strsplit (parts[1], "/", 3);
      gboolean with_levels = g_strv_length (levels) == 3;
      YsPlacedIndicator p;

      p.group = (guint) g_ascii_strtoull (parts[0], NULL, 10);
      p.record = ys_test_record (&ys_indicator_kind,
                                 "level1", with_levels ? levels[0] : "产出指标",
                                 "level2", with_levels ? levels[1] : "数量指标",
                                 "name", with_levels ? levels[2] : levels[0], NULL);
      g_array_append_val (array, p);
    }
  return array;
}

static void
free_placed (GArray *array)
{
  for (guint i = 0; i < array->len; i++)
    g_object_unref (g_array_index (array, YsPlacedIndicator, i).record);
  g_array_unref (array);
}

/* The lines as "P/A" (indexes, - for none), one string. */
static char *
lines_text (GArray *period,
            GArray *annual)
{
  g_autoptr(GArray) lines = ys_goal_set_lines (period, annual, OTHER);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < lines->len; i++)
    {
      YsGoalLine *l = &g_array_index (lines, YsGoalLine, i);

      if (i > 0)
        g_string_append_c (text, ' ');
      if (l->period >= 0)
        {
          g_assert_cmpuint (l->group, ==, g_array_index (period, YsPlacedIndicator, l->period).group);
          g_string_append_printf (text, "%d", l->period);
        }
      else
        g_string_append_c (text, '-');
      g_string_append_c (text, '/');
      if (l->annual >= 0)
        {
          g_assert_cmpuint (l->group, ==, g_array_index (annual, YsPlacedIndicator, l->annual).group);
          g_string_append_printf (text, "%d", l->annual);
        }
      else
        g_string_append_c (text, '-');
    }
  return g_string_free (text, FALSE);
}

static void
check_lines (const char *const *period_items,
             const char *const *annual_items,
             const char        *expected)
{
  GArray *period = placed (period_items);
  GArray *annual = placed (annual_items);
  g_autofree char *text = lines_text (period, annual);

  g_assert_cmpstr (text, ==, expected);
  free_placed (period);
  free_placed (annual);
}

static void
test_same (void)
{
  static const char *const both[] = { "0:维护系统数量", "1:系统正常运行率", "2:故障响应时间", NULL };

  check_lines (both, both, "0/0 1/1 2/2");
}

static void
test_reordered (void)
{
  /* jincheng-2023 P01, its 数量指标 (group 0) and 质量指标 (group 1). */
  static const char *const period[] = {
    "0:外出调研次数", "0:政府公报印刷期数", "0:慰问老干部次数", "0:档案整理归档份数", "0:微信公众号更新期数",
    "1:外出调研报告编制完成率", "1:提高政策的普及率", "1:其他日常工作完成率", NULL };
  static const char *const annual[] = {
    "0:政府公报印刷期数", "0:微信公众号更新期数", "0:外出调研次数", "0:慰问老干部次数", "0:档案整理归档份数",
    "1:外出调研报告编制完成率", "1:资料印刷达标率", "1:其他日常工作完成率", NULL };

  /* Three of the five 数量指标 line up, as many as both orders allow
   * (政府公报印刷期数, 慰问老干部次数, 档案整理归档份数; the first match is
   * taken where two runs are as long); the two listed in another order
   * each have a line of their own on each side; 普及率 and 达标率 are
   * different indicators, each on a line of its own. */
  check_lines (period, annual, "0/- 1/0 -/1 -/2 2/3 3/4 4/- 5/5 6/- -/6 7/7");
}

static void
test_repeated_names (void)
{
  /* yongqiao-2023 P01: the same name many times, one for one in order. */
  static const char *const period[] = { "0:委托业务费", "0:委托业务费", "0:委托业务费", "0:办公费", NULL };
  static const char *const annual[] = { "0:委托业务费", "0:委托业务费", "0:办公费", NULL };

  check_lines (period, annual, "0/0 1/1 2/- 3/2");
}

static void
test_groups (void)
{
  /* A group one set has and the other not; the same name in another
   * group is another indicator; outside the framework, the levels count. */
  static const char *const period[] = { "0:完成率", "2:完成率", "9:产出指标/数量/完成率", NULL };
  static const char *const annual[] = { "1:完成率", "2:完成率", "2:及时率", "9:产出指标/数量指标/完成率", NULL };

  check_lines (period, annual, "0/- -/0 1/1 -/2 2/- -/3");
}

static void
test_empty (void)
{
  static const char *const none[] = { NULL };
  static const char *const one[] = { "3:群众满意度", NULL };

  check_lines (none, none, "");
  check_lines (one, none, "0/-");
  check_lines (none, one, "-/0");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/goal-lines/same", test_same);
  g_test_add_func ("/goal-lines/reordered", test_reordered);
  g_test_add_func ("/goal-lines/repeated-names", test_repeated_names);
  g_test_add_func ("/goal-lines/groups", test_groups);
  g_test_add_func ("/goal-lines/empty", test_empty);
  return g_test_run ();
}
