/* The messages of findings as ys_rule_format() writes them, against what
 * printf writes for the same format and arguments, for the kinds of format
 * the rules and their zh_CN translations use, and for those it leaves to
 * printf. */
#include "config.h"

#include <string.h>

#include "ys-rule-format.h"

/* Both ways from the same arguments. */
static char *
format_both (char **printed, const char *format, ...)
{
  va_list args, copy;
  char *ours;

  va_start (args, format);
  va_copy (copy, args);
  ours = ys_rule_format (format, copy);
  va_end (copy);
  *printed = g_strdup_vprintf (format, args);
  va_end (args);
  return ours;
}

#define SAME_AS_PRINTF(...) \
  G_STMT_START { \
    g_autofree char *printed = NULL; \
    g_autofree char *ours = format_both (&printed, __VA_ARGS__); \
    g_assert_cmpstr (ours, ==, printed); \
  } G_STMT_END

static void
test_same (void)
{
  SAME_AS_PRINTF ("no conversion at all");
  SAME_AS_PRINTF ("");
  SAME_AS_PRINTF ("%s", "单位 100001");
  SAME_AS_PRINTF ("Project expenditure of %s (project %s) is under %s, an item for basic expenditure only",
                  "45.36 wan yuan", "P000012", "2013301 行政运行");
  SAME_AS_PRINTF ("%s|%s|%s|%d", "30101", "", "50101", 1);
  SAME_AS_PRINTF ("%d %d %d %i", 0, -1, G_MININT, G_MAXINT);
  SAME_AS_PRINTF ("%u lines, %u", 0u, G_MAXUINT);
  SAME_AS_PRINTF ("#%" G_GINT64_FORMAT " and #%" G_GINT64_FORMAT, (gint64) 9007199254740993, G_MININT64);
  SAME_AS_PRINTF ("%lld, %llu, %ld, %lu", (long long) -42, (unsigned long long) G_MAXUINT64, -7L, 7UL);
  SAME_AS_PRINTF ("100%% of %s, 50%%", "the funds");
  SAME_AS_PRINTF ("%s and %s", (const char *) NULL, "");
  /* Reordered, as translations reorder them (po/zh_CN.po). */
  SAME_AS_PRINTF ("%1$s：不存在编码为“%3$s”的%2$s", "line #3", "功能分类科目", "2019999");
  SAME_AS_PRINTF ("第 %1$lld 条明细与单位 %3$s 的第 %2$lld 条明细重复：%4$s %5$s %6$s%7$s%8$s，%9$s，%10$s",
                  (long long) 12, (long long) 7, "100001", "2010301", "30101", "", "（", "）", "人员经费", "一般公共预算拨款");
  SAME_AS_PRINTF ("单位 %1$s 在 %3$s %4$s %5$s%6$s%7$s（%8$s）下有 %2$u 条明细：%9$s = %10$s，公开表中合为一行",
                  "100001", 3u, "a", "b", "c", "d", "e", "f", "g", "h");
  SAME_AS_PRINTF ("%2$s %1$s %2$s", "one", "two");
}

/* Formats it does not write itself: the arguments reach printf untouched,
 * even after a conversion it knows. */
static void
test_left_to_printf (void)
{
  SAME_AS_PRINTF ("%.1f%%", 12.5);
  SAME_AS_PRINTF ("%s: %5d", "width", 3);
  SAME_AS_PRINTF ("%-8s|", "x");
  SAME_AS_PRINTF ("%u then %x", 7u, 255u);
  SAME_AS_PRINTF ("%c", 'a');
  SAME_AS_PRINTF ("%s %zu", "size", (gsize) 3);
  SAME_AS_PRINTF ("%2$s %1$.1f", 2.25, "share");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/rule-format/same-as-printf", test_same);
  g_test_add_func ("/rule-format/left-to-printf", test_left_to_printf);
  return g_test_run ();
}
