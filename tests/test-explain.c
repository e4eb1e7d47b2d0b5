/* The 情况说明 generator on a small document made here: shares that add up to
 * 100.00% however the remainders fall, changes and their rates from the
 * printed figures, the visible notes for a missing 上年数 or 增减原因, the
 * sentences for empty tables, and every bundled region filled completely. */
#include "config.h"

#include <string.h>

#include "ys-explain-private.h"
#include "ys-report.h"
#include "ys-test-util.h"

typedef struct {
  char       *dir;
  YsDocument *doc;
} Fixture;

static void
line (YsDocument *doc, const char *func, const char *econ, const char *kind, const char *project,
      const char *amount)
{
  ys_test_insert (doc, ys_test_record (&ys_line_kind, "unit_code", "103001", "func_code", func, "econ_code", econ,
                                       "kind", kind, "project_code", project ? project : "",
                                       "source", "一般公共预算拨款", "amount", amount, NULL));
}

static void
prior (YsDocument *doc, const char *field, const char *value, const char *amount, const char *reason)
{
  ys_test_insert (doc, ys_test_record (&ys_prior_year_kind, "unit_code", "103001", field, value,
                                       "source", "一般公共预算拨款", "amount", amount, "reason", reason, NULL));
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->dir = ys_test_tmp_dir ();
  f->doc = ys_test_new_document (f->dir, "anhui");
  ys_test_insert (f->doc, ys_test_record (&ys_unit_kind, "code", "103001", "name", "测试部门本级",
                                          "unit_type", "行政单位", "role", "本级", NULL));
  ys_test_insert (f->doc, ys_test_record (&ys_project_kind, "code", "P1", "name", "信息化运维",
                                          "unit_code", "103001", NULL));
  /* Three classes of one third each: 33.33 + 33.33 + 33.34. */
  line (f->doc, "2010301", "30101", "人员经费", NULL, "100000.00");
  line (f->doc, "2010301", "30201", "公用经费", NULL, "100000.00");
  line (f->doc, "2080505", "30108", "人员经费", NULL, "200000.00");
  line (f->doc, "2210201", "30113", "人员经费", NULL, "200000.00");
  line (f->doc, "2010302", "30227", "项目支出", "P1", "0.00");
  ys_test_insert (f->doc, ys_test_record (&ys_income_kind, "unit_code", "103001", "source", "一般公共预算拨款",
                                          "amount", "600000.00", NULL));
  /* 行政运行 up from 15万元 (+33.33%) with a reason; 养老保险 down with none
   * (a big change: the note shows); 住房公积金 has no 上年数 at all. */
  prior (f->doc, "func_code", "2010301", "150000.00", "人员增加。");
  prior (f->doc, "func_code", "2080505", "300000.00", "");
  prior (f->doc, "kind", "收入", "600000.00", "");
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->doc);
  ys_test_rm_rf (f->dir);
  g_free (f->dir);
}

static GPtrArray *
build (Fixture *f, const char *region)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsLayout) layout = ys_layout_load (region, &error);
  GPtrArray *sections;

  g_assert_no_error (error);
  sections = ys_explain_build (f->doc, layout, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (sections);
  return sections;
}

static YsExplainSection *
section (GPtrArray *sections, const char *id)
{
  for (guint i = 0; i < sections->len; i++)
    {
      YsExplainSection *s = g_ptr_array_index (sections, i);
      if (g_str_equal (s->id, id))
        return s;
    }
  g_assert_not_reached ();
}

static char *
joined (YsExplainSection *s)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < s->paragraphs->len; i++)
    g_string_append_printf (out, "%s\n", (char *) g_ptr_array_index (s->paragraphs, i));
  return g_strdup (out->str);
}

static void
assert_contains (const char *text, const char *part)
{
  if (strstr (text, part) == NULL)
    g_test_message ("“%s” not in:\n%s", part, text);
  g_assert_nonnull (strstr (text, part));
}

static void
test_shares (void)
{
  const YsMoney thirds[] = { 1000000, 1000000, 1000000 };
  const YsMoney uneven[] = { 333810000, 55500000, 17560000, 188490000, 39770000 };
  const YsMoney nothing[] = { 0, 0 };
  gint64 out[5];
  gint64 sum = 0;
  g_autofree char *percent = NULL;

  ys_explain_shares (thirds, 3, out);
  g_assert_cmpint (out[0] + out[1] + out[2], ==, 10000);
  g_assert_cmpint (out[0], ==, 3334);  /* the tie goes to the first */
  g_assert_cmpint (out[2], ==, 3333);
  ys_explain_shares (uneven, 5, out);
  for (guint i = 0; i < 5; i++)
    sum += out[i];
  g_assert_cmpint (sum, ==, 10000);
  g_assert_cmpint (out[0], ==, 5256);  /* 333.81 / 635.13 as printed */
  ys_explain_shares (nothing, 2, out);
  g_assert_cmpint (out[0] + out[1], ==, 0);
  percent = ys_explain_percent (5256);
  g_assert_cmpstr (percent, ==, "52.56");
}

static void
test_changes (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) sections = build (f, "anhui");
  YsExplainSection *general = section (sections, "general_public");
  g_autofree char *text = joined (general);

  assert_contains (text, "行政运行（项）2023年预算20.00万元，比2022年预算增加5.00万元，增长33.33%，人员增加。");
  assert_contains (text, "机关事业单位基本养老保险缴费支出（项）2023年预算20.00万元，比2022年预算减少10.00万元，"
                         "下降33.33%（增减原因未填写）。");
  assert_contains (text, "住房公积金（项）2023年预算20.00万元，（上年数未填）。");
  assert_contains (text, "一般公共服务支出20.00万元，占33.34%；社会保障和就业支出20.00万元，占33.33%；"
                         "住房保障支出20.00万元，占33.33%");
  g_assert_true (general->incomplete);
  g_assert_cmpuint (general->missing->len, ==, 2);
  /* No placeholder is left unfilled anywhere. */
  for (guint i = 0; i < sections->len; i++)
    {
      g_autofree char *all = joined (g_ptr_array_index (sections, i));
      g_assert_null (strchr (all, '{'));
    }
}

static void
test_empty_tables (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) sections = build (f, "anhui");
  g_autofree char *fund = joined (section (sections, "government_fund"));
  g_autofree char *procurement = joined (section (sections, "procurement"));

  assert_contains (fund, "测试部门2023年没有政府性基金预算拨款收入，也没有使用政府性基金预算拨款安排的支出。");
  assert_contains (procurement, "没有使用一般公共预算拨款、政府性基金预算拨款、国有资本经营预算拨款、"
                                "财政专户管理资金和单位资金安排的政府采购支出");
  g_assert_false (section (sections, "government_fund")->incomplete);
}

/* Every bundled region fills every placeholder and has a 名词解释. */
static void
test_regions (Fixture *f, gconstpointer data)
{
  const char *const *names = ys_layout_bundled_names ();

  for (guint r = 0; names[r]; r++)
    {
      g_autoptr(GPtrArray) sections = build (f, names[r]);
      g_autoptr(GError) error = NULL;
      g_autoptr(YsLayout) layout = ys_layout_load (names[r], &error);
      g_autoptr(GPtrArray) glossary = ys_explain_glossary (f->doc, layout, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (sections->len, >=, 5);
      for (guint i = 0; i < sections->len; i++)
        {
          YsExplainSection *s = g_ptr_array_index (sections, i);
          g_autofree char *all = joined (s);
          g_assert_null (strchr (s->title, '{'));
          if (strchr (all, '{'))
            g_test_message ("%s / %s: %s", names[r], s->id, all);
          g_assert_null (strchr (all, '{'));
        }
      /* 河北 alone prints a section after its 名词解释. */
      g_assert_cmpuint (glossary->len, ==, g_str_equal (names[r], "hebei") ? 2 : 1);
      g_assert_cmpuint (((YsExplainSection *) g_ptr_array_index (glossary, 0))->paragraphs->len, >=, 3);
    }
}

/* 河北's 九、其他需要说明的事项 after the 名词解释: the seed's sentence while
 * the 概况's 其他重要事项 is empty, a pointer to it once it is written. */
static void
test_closing_section (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsLayout) layout = ys_layout_load ("hebei", &error);
  const char *expected[] = { "我单位无其他需要说明的事项。", "其他需要说明的事项见第一部分单位概况“四、其他重要事项”。" };

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(GPtrArray) glossary = NULL;
      YsExplainSection *s;

      g_assert_true (ys_document_set_meta (f->doc, "overview_other", i ? "单位办公楼维修改造。" : "  \n", &error));
      g_assert_no_error (error);
      glossary = ys_explain_glossary (f->doc, layout, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (glossary->len, ==, 2);
      s = g_ptr_array_index (glossary, 1);
      g_assert_cmpstr (s->id, ==, "other_matters");
      g_assert_cmpstr (s->title, ==, "九、其他需要说明的事项");
      g_assert_cmpuint (s->paragraphs->len, ==, 1);
      g_assert_cmpstr (g_ptr_array_index (s->paragraphs, 0), ==, expected[i]);
    }
}

/* Without the tables (a layout that lacks them), the same sentences come
 * from the records: the two sources agree to the 分. */
static void
test_without_tables (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsLayout) layout = ys_layout_load ("anhui", &error);
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  g_autoptr(GPtrArray) with_tables = build (f, "anhui");
  g_autoptr(GPtrArray) without = ys_explain_build (f->doc, layout, none, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (with_tables->len, ==, without->len);
  for (guint i = 0; i < with_tables->len; i++)
    {
      g_autofree char *a = joined (g_ptr_array_index (with_tables, i));
      g_autofree char *b = joined (g_ptr_array_index (without, i));
      g_assert_cmpstr (a, ==, b);
    }
}

static void
test_structure (Fixture *f, gconstpointer data)
{
  g_autofree char *text = NULL;

  ys_test_insert (f->doc, ys_test_record (&ys_unit_kind, "code", "103002", "name", "测试中心",
                                          "unit_type", "事业单位", "role", "下属单位", "grade", "正科级", NULL));
  text = ys_explain_structure (f->doc);
  assert_contains (text, "包括本级预算和所属1个单位的预算：测试中心。");
  assert_contains (text, "2. 测试中心（事业单位，正科级）");
}

static void
test_bad_template (void)
{
  g_autoptr(GError) error = NULL;
  YsExplainTemplate *tmpl = ys_explain_template_load_data ("{\"id\": \"x\"}", -1, "x.json", &error);

  g_assert_null (tmpl);
  g_assert_error (error, YS_EXPLAIN_ERROR, YS_EXPLAIN_ERROR_INVALID);
  g_clear_error (&error);
  tmpl = ys_explain_template_load_data ("{", -1, "x.json", &error);
  g_assert_null (tmpl);
  g_assert_error (error, YS_EXPLAIN_ERROR, YS_EXPLAIN_ERROR_SYNTAX);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/explain/shares", test_shares);
  g_test_add_func ("/explain/bad-template", test_bad_template);
  g_test_add ("/explain/changes", Fixture, NULL, fixture_set_up, test_changes, fixture_tear_down);
  g_test_add ("/explain/empty-tables", Fixture, NULL, fixture_set_up, test_empty_tables, fixture_tear_down);
  g_test_add ("/explain/closing-section", Fixture, NULL, fixture_set_up, test_closing_section, fixture_tear_down);
  g_test_add ("/explain/regions", Fixture, NULL, fixture_set_up, test_regions, fixture_tear_down);
  g_test_add ("/explain/without-tables", Fixture, NULL, fixture_set_up, test_without_tables, fixture_tear_down);
  g_test_add ("/explain/structure", Fixture, NULL, fixture_set_up, test_structure, fixture_tear_down);
  return g_test_run ();
}
