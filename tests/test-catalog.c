/* test-catalog.c: the bundled catalogs, their queries, merging, reading a
 * finance bureau's file, and the CSV module underneath. */
#include "config.h"

#include <string.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "ys-catalog.h"
#include "ys-csv.h"
#include "ys-test-util.h"
#include "ys-test-xlsx.h"

static YsCatalog *
load (YsCatalogKind kind,
      int           year)
{
  g_autoptr(GError) error = NULL;
  YsCatalog *catalog = ys_catalog_load_bundled (kind, year, &error);

  g_assert_no_error (error);
  g_assert_nonnull (catalog);
  return catalog;
}

/* A fresh temporary directory, removed with its files at the end of the test. */
static char *
make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("yusuan-catalog-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_tmp_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

static char *
write_tmp (const char *dir,
           const char *name,
           const char *data,
           gssize      len)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_file_set_contents (path, data, len, &error);
  g_assert_no_error (error);
  return path;
}

/* ---- bundled data ------------------------------------------------------- */

static void
test_bundled_years (void)
{
  const int *years = ys_catalog_bundled_years ();

  g_assert_cmpint (years[0], ==, 2023);
  g_assert_cmpint (years[1], ==, 2024);
  g_assert_cmpint (years[2], ==, 2025);
  g_assert_cmpint (years[3], ==, 0);

  for (const int *y = years; *y != 0; y++)
    for (int kind = 0; kind < YS_CATALOG_N_KINDS; kind++)
      {
        g_autoptr(YsCatalog) catalog = load (kind, *y);

        g_assert_cmpint (ys_catalog_get_kind (catalog), ==, kind);
        g_assert_cmpint (ys_catalog_get_year (catalog), ==, *y);
        g_assert_true (ys_catalog_is_incomplete (catalog));
        g_assert_cmpuint (ys_catalog_get_n_entries (catalog), >, 50);

        /* Sorted by code, every parent present. */
        for (guint i = 0; i < ys_catalog_get_n_entries (catalog); i++)
          {
            const YsCatalogEntry *e = ys_catalog_get_entry (catalog, i);

            if (i > 0)
              g_assert_cmpint (strcmp (ys_catalog_get_entry (catalog, i - 1)->code, e->code), <, 0);
            if (e->parent != NULL)
              g_assert_nonnull (ys_catalog_lookup (catalog, e->parent));
            g_assert_true (ys_catalog_kind_accepts_code (kind, e->code));
            g_assert_null (strchr (e->name, '('));
          }
      }
}

static void
test_no_year (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsCatalog) none = ys_catalog_load_bundled (YS_CATALOG_FUNCTION, 2019, &error);
  g_autoptr(YsCatalog) procurement = NULL;

  g_assert_null (none);
  g_assert_error (error, YS_CATALOG_ERROR, YS_CATALOG_ERROR_NO_YEAR);
  g_assert_nonnull (strstr (error->message, "2019"));
  g_assert_nonnull (strstr (error->message, "2023"));

  /* Procurement has one edition, used for every year. */
  procurement = load (YS_CATALOG_PROCUREMENT, 2019);
  g_assert_cmpuint (ys_catalog_get_n_entries (procurement), ==, 4304);
}

static const char *
kind_name (YsCatalogKind kind)
{
  static const char *const names[] = { "function", "economic_dept", "economic_gov", "procurement" };
  return names[kind];
}

/* Every code printed in the seeds resolves, with the printed name. */
static void
test_seed_codes (void)
{
  g_autofree char *path = g_build_filename (TEST_SRCDIR, "golden", "seed-codes.tsv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  YsCatalog *catalogs[YS_CATALOG_N_KINDS];
  const char *shared = g_getenv ("SHARED_DIR");
  guint checked = 0;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  for (int k = 0; k < YS_CATALOG_N_KINDS; k++)
    catalogs[k] = load (k, 2023);

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) f = NULL;
      g_autofree char *printed = NULL;
      const YsCatalogEntry *entry;
      const char *expected;
      int kind = -1;

      if (lines[i][0] == '\0' || lines[i][0] == '#' || g_str_has_prefix (lines[i], "kind\t"))
        continue;
      f = g_strsplit (lines[i], "\t", -1);
      g_assert_cmpuint (g_strv_length (f), ==, 5);

      for (int k = 0; k < YS_CATALOG_N_KINDS; k++)
        if (strcmp (f[0], kind_name (k)) == 0)
          kind = k;
      g_assert_cmpint (kind, >=, 0);

      entry = ys_catalog_lookup (catalogs[kind], f[1]);
      if (entry == NULL)
        g_error ("%s %s (%s, seed %s) is not in the catalog", f[0], f[1], f[2], f[3]);

      /* A seed that prints another name than the catalog's is recorded as
       * "catalog: NAME"; the catalog's name is what the app must print. */
      printed = ys_catalog_normalize_name (f[2]);
      expected = g_str_has_prefix (f[4], "catalog: ") ? f[4] + strlen ("catalog: ") : printed;
      g_assert_cmpstr (entry->name, ==, expected);

      /* The transcription matches the seed text itself. */
      if (shared != NULL)
        {
          g_autofree char *seed = g_build_filename (shared, "seeds", f[3], NULL);
          g_autofree char *text = NULL;

          if (g_file_get_contents (seed, &text, NULL, NULL))
            {
              g_assert_nonnull (strstr (text, f[1]));
              g_assert_nonnull (strstr (text, f[2]));
            }
        }
      checked++;
    }
  g_assert_cmpuint (checked, >=, 100);

  for (int k = 0; k < YS_CATALOG_N_KINDS; k++)
    g_object_unref (catalogs[k]);
}

static void
test_year_changes (void)
{
  g_autoptr(YsCatalog) y2023 = load (YS_CATALOG_FUNCTION, 2023);
  g_autoptr(YsCatalog) y2024 = load (YS_CATALOG_FUNCTION, 2024);
  g_autoptr(YsCatalog) y2025 = load (YS_CATALOG_FUNCTION, 2025);
  const char *new_2024[] = { "22006", "2300412" };
  const char *new_2025[] = { "2170404", "22911", "23107" };
  const YsCatalogEntry *e;

  for (guint i = 0; i < G_N_ELEMENTS (new_2024); i++)
    {
      g_assert_null (ys_catalog_lookup (y2023, new_2024[i]));
      g_assert_nonnull (ys_catalog_lookup (y2024, new_2024[i]));
      g_assert_nonnull (ys_catalog_lookup (y2025, new_2024[i]));
    }
  for (guint i = 0; i < G_N_ELEMENTS (new_2025); i++)
    {
      g_assert_null (ys_catalog_lookup (y2023, new_2025[i]));
      g_assert_null (ys_catalog_lookup (y2024, new_2025[i]));
      g_assert_nonnull (ys_catalog_lookup (y2025, new_2025[i]));
    }

  e = ys_catalog_lookup (y2024, "22006");
  g_assert_cmpstr (e->name, ==, "耕地保护考核奖惩基金支出");
  g_assert_cmpint (e->level, ==, 2);
  g_assert_cmpstr (e->parent, ==, "220");
  g_assert_cmpstr (e->provenance, ==, "change-2024");

  e = ys_catalog_lookup (y2025, "2170404");
  g_assert_cmpstr (e->name, ==, "中央金融机构注资特别国债支出");
  g_assert_cmpint (e->level, ==, 3);
  g_assert_cmpstr (e->parent, ==, "21704");
  g_assert_cmpstr (e->provenance, ==, "change-2025");

  g_assert_cmpuint (ys_catalog_get_n_entries (y2024), ==, ys_catalog_get_n_entries (y2023) + 2);
  g_assert_cmpuint (ys_catalog_get_n_entries (y2025), ==, ys_catalog_get_n_entries (y2024) + 3);
}

/* ---- queries ------------------------------------------------------------ */

static void
test_prefix_search (void)
{
  g_autoptr(YsCatalog) fn = load (YS_CATALOG_FUNCTION, 2023);
  g_autoptr(YsCatalog) proc = load (YS_CATALOG_PROCUREMENT, 2023);
  g_autoptr(GPtrArray) r = NULL;
  g_autoptr(GPtrArray) limited = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GPtrArray) lower = NULL;

  r = ys_catalog_search_prefix (fn, "20103", 0);
  g_assert_cmpuint (r->len, ==, 11);  /* the 款 and its 10 项 */
  g_assert_cmpstr (((YsCatalogEntry *) r->pdata[0])->code, ==, "20103");
  g_assert_cmpstr (((YsCatalogEntry *) r->pdata[1])->code, ==, "2010301");
  for (guint i = 0; i < r->len; i++)
    g_assert_true (g_str_has_prefix (((YsCatalogEntry *) r->pdata[i])->code, "20103"));

  limited = ys_catalog_search_prefix (fn, "201", 5);
  g_assert_cmpuint (limited->len, ==, 5);
  g_assert_cmpstr (((YsCatalogEntry *) limited->pdata[0])->code, ==, "201");

  all = ys_catalog_search_prefix (fn, "", 0);
  g_assert_cmpuint (all->len, ==, ys_catalog_get_n_entries (fn));

  none = ys_catalog_search_prefix (fn, "9", 0);
  g_assert_cmpuint (none->len, ==, 0);

  /* Procurement letters are upper case in the catalog; users may not type them so. */
  lower = ys_catalog_search_prefix (proc, "a020101", 0);
  g_assert_cmpuint (lower->len, >, 3);
  g_assert_cmpstr (((YsCatalogEntry *) lower->pdata[0])->code, ==, "A02010100");
}

static gboolean
contains_code (GPtrArray  *entries,
               const char *code)
{
  for (guint i = 0; i < entries->len; i++)
    if (strcmp (((YsCatalogEntry *) entries->pdata[i])->code, code) == 0)
      return TRUE;
  return FALSE;
}

static void
test_name_search (void)
{
  g_autoptr(YsCatalog) fn = load (YS_CATALOG_FUNCTION, 2023);
  g_autoptr(YsCatalog) proc = load (YS_CATALOG_PROCUREMENT, 2023);
  g_autoptr(GPtrArray) run = ys_catalog_search (fn, "行政运行", 0);
  g_autoptr(GPtrArray) med = ys_catalog_search (fn, "公务员医疗", 0);
  g_autoptr(GPtrArray) code = ys_catalog_search (fn, "2010301", 0);
  g_autoptr(GPtrArray) parens = ys_catalog_search (fn, "办公厅(室)", 0);
  g_autoptr(GPtrArray) few = ys_catalog_search (fn, "行政运行", 3);
  g_autoptr(GPtrArray) latin = ys_catalog_search (proc, "a3黑白", 0);
  g_autoptr(GPtrArray) server = ys_catalog_search (proc, " 服务器 ", 0);
  g_autoptr(GPtrArray) nothing = ys_catalog_search (fn, "不存在的科目", 0);

  g_assert_cmpuint (run->len, >=, 30);
  for (guint i = 0; i < run->len; i++)
    {
      const YsCatalogEntry *e = run->pdata[i];
      g_assert_nonnull (strstr (e->name, "行政运行"));
      g_assert_cmpint (e->level, ==, 3);
    }
  g_assert_true (contains_code (run, "2010301"));
  g_assert_cmpuint (few->len, ==, 3);

  g_assert_true (contains_code (med, "2101103"));

  g_assert_cmpuint (code->len, >=, 1);
  g_assert_cmpstr (((YsCatalogEntry *) code->pdata[0])->code, ==, "2010301");

  g_assert_true (contains_code (parens, "20103"));
  g_assert_true (contains_code (parens, "2010399"));

  g_assert_true (contains_code (latin, "A02021001"));
  g_assert_true (contains_code (server, "A02010104"));
  g_assert_cmpuint (nothing->len, ==, 0);
}

static void
test_describe_path (void)
{
  g_autoptr(YsCatalog) fn = load (YS_CATALOG_FUNCTION, 2023);
  g_autoptr(YsCatalog) econ = load (YS_CATALOG_ECONOMIC_DEPT, 2023);
  g_autoptr(YsCatalog) proc = load (YS_CATALOG_PROCUREMENT, 2023);
  g_autofree char *item = ys_catalog_describe_path (fn, "2010301");
  g_autofree char *top = ys_catalog_describe_path (fn, "201");
  g_autofree char *e = ys_catalog_describe_path (econ, "30101");
  g_autofree char *p = ys_catalog_describe_path (proc, "A02010104");
  g_autofree char *gap = NULL;
  g_autoptr(GPtrArray) extra = g_ptr_array_new_with_free_func ((GDestroyNotify) ys_catalog_entry_free);

  g_assert_cmpstr (item, ==, "201 一般公共服务支出 › 20103 政府办公厅（室）及相关机构事务 › 2010301 行政运行");
  g_assert_cmpstr (top, ==, "201 一般公共服务支出");
  g_assert_cmpstr (e, ==, "301 工资福利支出 › 30101 基本工资");
  g_assert_cmpstr (p, ==, "A 货物 › A02000000 设备 › A02010000 信息化设备 › "
                          "A02010100 计算机 › A02010104 服务器");
  g_assert_null (ys_catalog_describe_path (fn, "2999999"));

  /* A 项 whose 款 the partial catalog lacks: the 款 shows as its code. */
  g_assert_null (ys_catalog_lookup (fn, "21901"));
  g_ptr_array_add (extra, ys_catalog_entry_new ("2190101", "测试项", 0, NULL, NULL));
  ys_catalog_merge (fn, extra, FALSE);
  gap = ys_catalog_describe_path (fn, "2190101");
  g_assert_cmpstr (gap, ==, "219 援助其他地区支出 › 21901 › 2190101 测试项");
}

/* ---- merge -------------------------------------------------------------- */

static void
test_merge (void)
{
  g_autoptr(YsCatalog) fn = load (YS_CATALOG_FUNCTION, 2023);
  g_autoptr(YsCatalog) proc = load (YS_CATALOG_PROCUREMENT, 2023);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) ys_catalog_entry_free);
  g_autoptr(GPtrArray) proc_rows = g_ptr_array_new_with_free_func ((GDestroyNotify) ys_catalog_entry_free);
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) prefix = NULL;
  const YsCatalogEntry *before, *e;
  guint n = ys_catalog_get_n_entries (fn);

  before = ys_catalog_lookup (fn, "2010301");
  g_assert_cmpstr (before->provenance, ==, "seed");

  g_ptr_array_add (rows, ys_catalog_entry_new ("2010301", "行政运行(新)", 3, "20103", "imported"));
  g_ptr_array_add (rows, ys_catalog_entry_new ("2010310", "新设项目", 0, NULL, NULL));
  g_ptr_array_add (rows, ys_catalog_entry_new ("20140", "新设款", 0, NULL, "imported"));
  g_ptr_array_add (rows, ys_catalog_entry_new ("235", "新设类", 0, NULL, "imported"));
  ys_catalog_merge (fn, rows, FALSE);

  g_assert_cmpuint (ys_catalog_get_n_entries (fn), ==, n + 3);

  /* Replaced in place: the pointer from before the merge shows the import. */
  e = ys_catalog_lookup (fn, "2010301");
  g_assert_true (e == before);
  g_assert_cmpstr (e->name, ==, "行政运行（新）");
  g_assert_cmpstr (e->provenance, ==, "imported");

  /* Extended, with level and parent derived from the code. */
  e = ys_catalog_lookup (fn, "2010310");
  g_assert_cmpint (e->level, ==, 3);
  g_assert_cmpstr (e->parent, ==, "20103");
  g_assert_cmpstr (e->provenance, ==, "imported");
  e = ys_catalog_lookup (fn, "20140");
  g_assert_cmpint (e->level, ==, 2);
  g_assert_cmpstr (e->parent, ==, "201");
  e = ys_catalog_lookup (fn, "235");
  g_assert_cmpint (e->level, ==, 1);
  g_assert_null (e->parent);

  /* The index follows: sorted, searchable. */
  prefix = ys_catalog_search_prefix (fn, "20103", 0);
  g_assert_cmpuint (prefix->len, ==, 12);
  g_assert_cmpstr (((YsCatalogEntry *) prefix->pdata[prefix->len - 1])->code, ==, "2010399");
  found = ys_catalog_search (fn, "新设", 0);
  g_assert_cmpuint (found->len, ==, 3);
  for (guint i = 1; i < ys_catalog_get_n_entries (fn); i++)
    g_assert_cmpint (strcmp (ys_catalog_get_entry (fn, i - 1)->code,
                             ys_catalog_get_entry (fn, i)->code), <, 0);

  /* Replace everything: only the imported rows are left. */
  ys_catalog_merge (fn, rows, TRUE);
  g_assert_cmpuint (ys_catalog_get_n_entries (fn), ==, 4);
  g_assert_null (ys_catalog_lookup (fn, "201"));
  g_assert_nonnull (ys_catalog_lookup (fn, "235"));
  ys_catalog_set_incomplete (fn, FALSE);
  g_assert_false (ys_catalog_is_incomplete (fn));

  /* Procurement levels come from the trailing zero pairs. */
  g_ptr_array_add (proc_rows, ys_catalog_entry_new ("a02010199", "其他计算机", 0, NULL, NULL));
  g_ptr_array_add (proc_rows, ys_catalog_entry_new ("C99000000", "新服务门类", 0, NULL, NULL));
  ys_catalog_merge (proc, proc_rows, FALSE);
  e = ys_catalog_lookup (proc, "A02010199");
  g_assert_cmpint (e->level, ==, 4);
  g_assert_cmpstr (e->parent, ==, "A02010100");
  e = ys_catalog_lookup (proc, "C99000000");
  g_assert_cmpint (e->level, ==, 1);
  g_assert_cmpstr (e->parent, ==, "C");
}

/* ---- mapping ------------------------------------------------------------ */

static void
test_mapping (void)
{
  /* Pairs printed side by side in seed 004's 基本支出分经济科目表 (机关). */
  static const struct { const char *dept, *gov, *gov_name; } seed004[] = {
    { "30101", "50101", "工资奖金津补贴" },
    { "30108", "50102", "社会保障缴费" },
    { "30113", "50103", "住房公积金" },
    { "30201", "50201", "办公经费" },
    { "30213", "50209", "维修（护）费" },
    { "30226", "50205", "委托业务费" },
    { "30231", "50208", "公务用车运行维护费" },
    { "30302", "50905", "离退休费" },
    { "30309", "50901", "社会福利和救助" },
  };
  g_autoptr(YsCatalog) gov = load (YS_CATALOG_ECONOMIC_GOV, 2023);

  g_assert_cmpstr (ys_catalog_map_economic (2023, "30101", FALSE), ==, "50101");
  g_assert_cmpstr (ys_catalog_map_economic (2023, "30101", TRUE), ==, "50501");
  g_assert_cmpstr (ys_catalog_map_economic (2025, "30101", TRUE), ==, "50501");
  g_assert_cmpstr (ys_catalog_map_economic (2023, "30201", TRUE), ==, "50502");
  g_assert_cmpstr (ys_catalog_map_economic (2023, "30901", TRUE), ==, "50601");
  g_assert_cmpstr (ys_catalog_map_economic (2023, "31001", TRUE), ==, "50602");
  /* 绩效工资 has no 机关 counterpart. */
  g_assert_null (ys_catalog_map_economic (2023, "30107", FALSE));
  g_assert_cmpstr (ys_catalog_map_economic (2023, "30107", TRUE), ==, "50501");
  g_assert_null (ys_catalog_map_economic (2023, "30311", FALSE));
  g_assert_null (ys_catalog_map_economic (2019, "30101", FALSE));
  g_assert_null (ys_catalog_map_economic (2023, "", FALSE));

  for (guint i = 0; i < G_N_ELEMENTS (seed004); i++)
    {
      const char *gov_code = ys_catalog_map_economic (2023, seed004[i].dept, FALSE);
      g_assert_cmpstr (gov_code, ==, seed004[i].gov);
      g_assert_cmpstr (ys_catalog_lookup (gov, gov_code)->name, ==, seed004[i].gov_name);
    }
}

/* ---- procurement -------------------------------------------------------- */

static void
test_procurement (void)
{
  g_autoptr(YsCatalog) proc = load (YS_CATALOG_PROCUREMENT, 2024);
  guint levels[5] = { 0 };

  g_assert_cmpuint (ys_catalog_get_n_entries (proc), ==, 4304);
  g_assert_cmpstr (ys_catalog_lookup (proc, "A02010104")->name, ==, "服务器");
  g_assert_cmpstr (ys_catalog_lookup (proc, "C21040000")->name, ==, "物业管理服务");
  g_assert_cmpstr (ys_catalog_lookup (proc, "B02149900")->name, ==, "其他环保工程施工");
  g_assert_cmpstr (ys_catalog_lookup (proc, "A02010206")->name, ==, "通信（控制）处理机");
  g_assert_cmpint (ys_catalog_lookup (proc, "C21040000")->level, ==, 2);
  g_assert_cmpstr (ys_catalog_lookup (proc, "C21040000")->parent, ==, "C21000000");

  for (guint i = 0; i < 4304; i++)
    levels[ys_catalog_get_entry (proc, i)->level]++;
  g_assert_cmpuint (levels[0], ==, 3);
  g_assert_cmpuint (levels[1], ==, 43);
  g_assert_cmpuint (levels[2], ==, 316);
  g_assert_cmpuint (levels[3], ==, 1451);
  g_assert_cmpuint (levels[4], ==, 2491);
}

static void
test_kind_codes (void)
{
  g_assert_true (ys_catalog_kind_accepts_code (YS_CATALOG_FUNCTION, "2010301"));
  g_assert_false (ys_catalog_kind_accepts_code (YS_CATALOG_FUNCTION, "30101"));
  g_assert_false (ys_catalog_kind_accepts_code (YS_CATALOG_FUNCTION, "201030"));
  g_assert_true (ys_catalog_kind_accepts_code (YS_CATALOG_ECONOMIC_DEPT, "30101"));
  g_assert_false (ys_catalog_kind_accepts_code (YS_CATALOG_ECONOMIC_DEPT, "3010101"));
  g_assert_true (ys_catalog_kind_accepts_code (YS_CATALOG_ECONOMIC_GOV, "50101"));
  g_assert_true (ys_catalog_kind_accepts_code (YS_CATALOG_PROCUREMENT, "C21040000"));
  g_assert_false (ys_catalog_kind_accepts_code (YS_CATALOG_PROCUREMENT, "2010301"));
  g_assert_cmpstr (ys_catalog_kind_get_title (YS_CATALOG_FUNCTION), !=, "");
}

/* ---- reading a bureau's file -------------------------------------------- */

static const YsCatalogEntry *
find_entry (GPtrArray  *entries,
            const char *code)
{
  for (guint i = 0; i < entries->len; i++)
    if (strcmp (((YsCatalogEntry *) entries->pdata[i])->code, code) == 0)
      return entries->pdata[i];
  return NULL;
}

static void
test_read_csv_gb18030 (void)
{
  /* As Excel on a Chinese Windows saves it: GB18030, a title row, names
   * indented with ideographic spaces, a blank row, quoted fields. */
  const char *utf8 =
    "2024年政府收支分类科目（支出功能分类）,,\r\n"
    ",,\r\n"
    "科目编码,科目名称,说明\r\n"
    "201,一般公共服务支出,\r\n"
    "20101,　　人大事务,\"反映人大事务支出，含\"\"人大会议\"\"\"\r\n"
    " 2010101 ,　　　　行政运行,\r\n"
    ",,\r\n"
    "2010199,\"　　　　其他人大事务支出\",\"说明跨\r\n两行\"\r\n"
    "2010301,    行政运行(测试),\r\n";
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *gb = NULL;
  g_autofree char *path = NULL;
  g_autofree char *bom_path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) bom_entries = NULL;
  g_autoptr(YsCatalog) fn = NULL;
  g_autofree char *bom = NULL;
  gsize gb_len = 0;
  const YsCatalogEntry *e;

  gb = g_convert (utf8, -1, "GB18030", "UTF-8", NULL, &gb_len, &error);
  g_assert_no_error (error);
  g_assert_false (g_utf8_validate (gb, gb_len, NULL));
  path = write_tmp (dir, "功能分类.csv", gb, gb_len);

  entries = ys_catalog_read_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 5);

  e = find_entry (entries, "20101");
  g_assert_cmpstr (e->name, ==, "人大事务");
  g_assert_cmpint (e->level, ==, 0);
  g_assert_null (e->parent);
  g_assert_cmpstr (e->provenance, ==, "imported");
  g_assert_cmpstr (find_entry (entries, "2010101")->name, ==, "行政运行");
  g_assert_cmpstr (find_entry (entries, "2010199")->name, ==, "其他人大事务支出");
  g_assert_cmpstr (find_entry (entries, "2010301")->name, ==, "行政运行（测试）");

  /* The file's rows merged into the bundled catalog. */
  fn = load (YS_CATALOG_FUNCTION, 2024);
  ys_catalog_merge (fn, entries, FALSE);
  e = ys_catalog_lookup (fn, "2010301");
  g_assert_cmpstr (e->name, ==, "行政运行（测试）");
  g_assert_cmpint (e->level, ==, 3);
  g_assert_cmpstr (e->parent, ==, "20103");

  /* UTF-8 with BOM, English header, our own column set. */
  bom = g_strconcat ("\xEF\xBB\xBF", "code,name,level,parent_code,provenance\n",
                     "30101,基本工资,2,301,official-2024\n", NULL);
  bom_path = write_tmp (dir, "economic.csv", bom, -1);
  bom_entries = ys_catalog_read_file (bom_path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bom_entries->len, ==, 1);
  e = bom_entries->pdata[0];
  g_assert_cmpstr (e->code, ==, "30101");
  g_assert_cmpint (e->level, ==, 2);
  g_assert_cmpstr (e->parent, ==, "301");
  g_assert_cmpstr (e->provenance, ==, "official-2024");

  remove_tmp_dir (dir);
}

static void
assert_read_error (const char *dir,
                   const char *name,
                   const char *csv,
                   const char *must_contain_1,
                   const char *must_contain_2)
{
  g_autofree char *path = write_tmp (dir, name, csv, -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = ys_catalog_read_file (path, &error);

  g_assert_null (entries);
  g_assert_error (error, YS_CATALOG_ERROR, YS_CATALOG_ERROR_FORMAT);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, name));
  if (strstr (error->message, must_contain_1) == NULL ||
      (must_contain_2 != NULL && strstr (error->message, must_contain_2) == NULL))
    g_error ("error “%s” lacks “%s”/“%s”", error->message, must_contain_1,
             must_contain_2 != NULL ? must_contain_2 : "");
}

static void
test_read_csv_errors (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *missing = g_build_filename (dir, "absent.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) none = NULL;

  assert_read_error (dir, "empty-code.csv",
                     "标题\n科目编码,科目名称\n201,一般公共服务支出\n,人大事务\n",
                     "line 4", "人大事务");
  assert_read_error (dir, "letters.csv",
                     "科目编码,科目名称\n201,一般公共服务支出\n\n20a01,人大事务\n",
                     "line 4", "20a01");
  assert_read_error (dir, "length.csv",
                     "code,name\n2010,一般公共服务支出\n",
                     "line 2", "2010");
  assert_read_error (dir, "no-name.csv",
                     "code,name\n201,\n",
                     "line 2", "201");
  assert_read_error (dir, "no-header.csv",
                     "201,一般公共服务支出\n20101,人大事务\n",
                     "科目编码", NULL);
  assert_read_error (dir, "quote.csv",
                     "code,name\n201,一般公共服务支出\n20101,\"人大事务\n",
                     "line 3", NULL);
  assert_read_error (dir, "twice.csv",
                     "code,name\n201,一般公共服务支出\n201,另一个名称\n",
                     "line 3", "line 2");
  assert_read_error (dir, "header-only.csv",
                     "科目编码,科目名称\n\n",
                     "header", NULL);

  none = ys_catalog_read_file (missing, &error);
  g_assert_null (none);
  g_assert_error (error, YS_CATALOG_ERROR, YS_CATALOG_ERROR_READ);
  g_assert_nonnull (strstr (error->message, "absent.csv"));

  remove_tmp_dir (dir);
}

static void
write_catalog_sheet (lxw_worksheet *ws,
                     gboolean       bad_row)
{
  /* A title row above the header, as official files have, and codes stored
   * both as numbers and as text. */
  worksheet_write_string (ws, 0, 0, "2025年支出功能分类科目", NULL);
  worksheet_write_string (ws, 2, 0, "科目编码", NULL);
  worksheet_write_string (ws, 2, 1, "科目名称", NULL);
  worksheet_write_number (ws, 3, 0, 201, NULL);
  worksheet_write_string (ws, 3, 1, "一般公共服务支出", NULL);
  worksheet_write_string (ws, 4, 0, "20103", NULL);
  worksheet_write_string (ws, 4, 1, "  政府办公厅(室)及相关机构事务", NULL);
  worksheet_write_number (ws, 5, 0, 2010301, NULL);
  worksheet_write_string (ws, 5, 1, "    行政运行", NULL);
  /* Row 7 (index 6) left empty. */
  worksheet_write_string (ws, 7, 0, " 2170404", NULL);
  worksheet_write_string (ws, 7, 1, "中央金融机构注资特别国债支出", NULL);
  if (bad_row)
    {
      worksheet_write_string (ws, 8, 0, "合计", NULL);
      worksheet_write_number (ws, 8, 2, 100, NULL);
    }
}

static void
test_read_xlsx (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "功能分类.xlsx", NULL);
  g_autofree char *inline_path = g_build_filename (dir, "inline.xlsx", NULL);
  g_autofree char *bad_path = g_build_filename (dir, "bad.xlsx", NULL);
  g_autofree char *not_zip = NULL;
  lxw_workbook_options inline_options = { .constant_memory = LXW_TRUE };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) inline_entries = NULL;
  g_autoptr(GPtrArray) bad = NULL;
  g_autoptr(GPtrArray) junk = NULL;
  lxw_workbook *wb;

  /* Shared strings (the default) … */
  wb = workbook_new (path);
  /* The first sheet in tab order is the catalog, whatever its part name. */
  write_catalog_sheet (workbook_add_worksheet (wb, "科目"), FALSE);
  worksheet_write_string (workbook_add_worksheet (wb, "说明"), 0, 0, "说明", NULL);
  g_assert_cmpint (workbook_close (wb), ==, LXW_NO_ERROR);

  entries = ys_catalog_read_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 4);
  g_assert_cmpstr (find_entry (entries, "201")->name, ==, "一般公共服务支出");
  g_assert_cmpstr (find_entry (entries, "20103")->name, ==, "政府办公厅（室）及相关机构事务");
  g_assert_cmpstr (find_entry (entries, "2010301")->name, ==, "行政运行");
  g_assert_cmpstr (find_entry (entries, "2170404")->name, ==, "中央金融机构注资特别国债支出");

  /* … and inline strings (libxlsxwriter's constant-memory mode). */
  wb = workbook_new_opt (inline_path, &inline_options);
  write_catalog_sheet (workbook_add_worksheet (wb, NULL), FALSE);
  g_assert_cmpint (workbook_close (wb), ==, LXW_NO_ERROR);
  inline_entries = ys_catalog_read_file (inline_path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (inline_entries->len, ==, 4);
  g_assert_cmpstr (find_entry (inline_entries, "2010301")->name, ==, "行政运行");
  g_assert_cmpstr (find_entry (inline_entries, "20103")->name, ==, "政府办公厅（室）及相关机构事务");

  /* A total row: the error names the sheet row as the spreadsheet shows it. */
  wb = workbook_new (bad_path);
  write_catalog_sheet (workbook_add_worksheet (wb, NULL), TRUE);
  g_assert_cmpint (workbook_close (wb), ==, LXW_NO_ERROR);
  bad = ys_catalog_read_file (bad_path, &error);
  g_assert_null (bad);
  g_assert_error (error, YS_CATALOG_ERROR, YS_CATALOG_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, "bad.xlsx"));
  g_assert_nonnull (strstr (error->message, "row 9"));
  g_assert_nonnull (strstr (error->message, "合计"));
  g_clear_error (&error);

  /* Named .xlsx but not a zip archive: read as text, which has no header. */
  not_zip = write_tmp (dir, "fake.xlsx", "garbage", -1);
  junk = ys_catalog_read_file (not_zip, &error);
  g_assert_null (junk);
  g_assert_error (error, YS_CATALOG_ERROR, YS_CATALOG_ERROR_FORMAT);

  remove_tmp_dir (dir);
}

/* The inputs that crashed the catalog import (issue 15) and the zip bomb it
 * read into half a gigabyte: each refused with a message, by the function
 * and by `yusuan-cli catalog import`, the document left as it was. */
static void
assert_catalog_refused (const char *path,
                        const char *must_contain)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = ys_catalog_read_file (path, &error);
  g_autofree char *base = g_path_get_basename (path);

  g_assert_null (entries);
  g_assert_error (error, YS_CATALOG_ERROR, YS_CATALOG_ERROR_FORMAT);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, base));
  g_assert_nonnull (strstr (error->message, must_contain));
}

static void
test_read_hostile (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *empty_ss = g_build_filename (dir, "empty-strings.xlsx", NULL);
  g_autofree char *row_in_cell = g_build_filename (dir, "row-in-cell.xlsx", NULL);
  g_autofree char *bomb = g_build_filename (dir, "bomb.xlsx", NULL);
  g_autofree char *doc_path = g_build_filename (dir, "budget.yusuan", NULL);
  g_autofree char *sheet = ys_test_sheet_xml (
    "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c></row>", NULL);
  g_autofree char *bad_sheet = ys_test_sheet_xml (
    "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>code</t></is><row r=\"2\"></row></c></row>", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *err = NULL;
  const char *files[] = { empty_ss, row_in_cell, bomb };

  ys_test_write_xlsx (empty_ss, "xl/worksheets/sheet1.xml", sheet, "xl/sharedStrings.xml", "", NULL);
  assert_catalog_refused (empty_ss, "xl/sharedStrings.xml");
  ys_test_write_xlsx (row_in_cell, "xl/worksheets/sheet1.xml", bad_sheet, NULL);
  assert_catalog_refused (row_in_cell, "A1");
  ys_test_write_zip_bomb (bomb);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) entries = ys_catalog_read_file (bomb, &error);
    g_assert_null (entries);
    g_assert_error (error, YS_CATALOG_ERROR, YS_CATALOG_ERROR_FORMAT);
    g_assert_nonnull (strstr (error->message, "bomb.xlsx"));
  }

  g_object_unref (ys_test_small_document (doc_path));
  before = ys_test_file_digest (doc_path);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *base = g_path_get_basename (files[i]);
      g_assert_cmpint (ys_test_run_cli (NULL, &err, "catalog", "import", doc_path, files[i],
                                        "--replace", NULL), !=, 0);
      g_assert_nonnull (strstr (err, base));
      g_clear_pointer (&err, g_free);
    }
  after = ys_test_file_digest (doc_path);
  g_assert_cmpstr (before, ==, after);

  remove_tmp_dir (dir);
}

/* An old .xls catalog is read too (it used to be refused). */
static void
test_read_xls (void)
{
  g_autofree char *path = g_build_filename (TEST_SRCDIR, "data", "workbook", "catalog.xls", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = ys_catalog_read_file (path, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 3);
  g_assert_cmpstr (find_entry (entries, "2010301")->name, ==, "行政运行");
  g_assert_cmpstr (find_entry (entries, "20103")->name, ==, "政府办公厅（室）及相关机构事务");
}

/* ---- CSV ---------------------------------------------------------------- */

static void
test_csv_reader (void)
{
  const char *data =
    "\xEF\xBB\xBF" "a,b,c\r\n"
    "\"x,1\",\"say \"\"hi\"\"\",\"two\nlines\"\n"
    "\n"
    "last,,\n"
    "no newline";
  g_autoptr(YsCsvReader) reader = ys_csv_reader_new_from_data (data, strlen (data));
  g_autoptr(YsCsvReader) bad = NULL;
  g_autoptr(GPtrArray) row = NULL;
  g_autoptr(GError) error = NULL;
  guint line = 0;

  g_assert_true (ys_csv_reader_next_row (reader, &row, &line, &error));
  g_assert_cmpuint (line, ==, 1);
  g_assert_cmpuint (row->len, ==, 3);
  g_assert_cmpstr (row->pdata[0], ==, "a");
  g_clear_pointer (&row, g_ptr_array_unref);

  g_assert_true (ys_csv_reader_next_row (reader, &row, &line, &error));
  g_assert_cmpuint (line, ==, 2);
  g_assert_cmpstr (row->pdata[0], ==, "x,1");
  g_assert_cmpstr (row->pdata[1], ==, "say \"hi\"");
  g_assert_cmpstr (row->pdata[2], ==, "two\nlines");
  g_clear_pointer (&row, g_ptr_array_unref);

  g_assert_true (ys_csv_reader_next_row (reader, &row, &line, &error));
  g_assert_cmpuint (line, ==, 4);  /* the quoted line break counted */
  g_assert_cmpuint (row->len, ==, 1);
  g_assert_cmpstr (row->pdata[0], ==, "");
  g_clear_pointer (&row, g_ptr_array_unref);

  g_assert_true (ys_csv_reader_next_row (reader, &row, &line, &error));
  g_assert_cmpuint (line, ==, 5);
  g_assert_cmpuint (row->len, ==, 3);
  g_assert_cmpstr (row->pdata[2], ==, "");
  g_clear_pointer (&row, g_ptr_array_unref);

  g_assert_true (ys_csv_reader_next_row (reader, &row, &line, &error));
  g_assert_cmpuint (line, ==, 6);
  g_assert_cmpstr (row->pdata[0], ==, "no newline");
  g_clear_pointer (&row, g_ptr_array_unref);

  g_assert_false (ys_csv_reader_next_row (reader, &row, &line, &error));
  g_assert_no_error (error);
  g_assert_null (row);

  bad = ys_csv_reader_new_from_data ("a,\"b\"c\n", 7);
  g_assert_false (ys_csv_reader_next_row (bad, &row, &line, &error));
  g_assert_error (error, YS_CSV_ERROR, YS_CSV_ERROR_BAD_QUOTE);
}

/* Read in place, a row gives the fields the copying reader gives, on the
 * same lines, and they stay as read while later rows are read. */
static void
test_csv_in_place (void)
{
  const char *data =
    "\xEF\xBB\xBF" "a,b,c\r\n"
    "\"x,1\",\"say \"\"hi\"\"\",\"two\r\nlines\"\r"
    "\n"
    "\"\",\"\"\"\",last,\n"
    "lone\rcr,\"q\"\r\n"
    "no newline,";
  g_autoptr(YsCsvReader) copying = ys_csv_reader_new_from_data (data, strlen (data));
  g_autoptr(YsCsvReader) in_place = ys_csv_reader_new_take (g_strdup (data), strlen (data));
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GError) error = NULL;
  GPtrArray *row = NULL;
  guint line = 0, line_in_place = 0, rows = 0;

  for (;;)
    {
      GPtrArray *fields = g_ptr_array_new ();
      gboolean more = ys_csv_reader_next_row (copying, &row, &line, &error);

      g_assert_no_error (error);
      g_assert_cmpint (ys_csv_reader_next_row_in_place (in_place, fields, &line_in_place, &error), ==, more);
      g_assert_no_error (error);
      if (!more)
        {
          g_ptr_array_unref (fields);
          break;
        }
      g_assert_cmpuint (line_in_place, ==, line);
      g_ptr_array_add (expected, row);
      g_ptr_array_add (kept, fields);
      rows++;
    }
  g_assert_cmpuint (rows, ==, 6);
  for (guint r = 0; r < rows; r++)
    {
      GPtrArray *want = g_ptr_array_index (expected, r);
      GPtrArray *got = g_ptr_array_index (kept, r);

      g_assert_cmpuint (got->len, ==, want->len);
      for (guint i = 0; i < want->len; i++)
        g_assert_cmpstr (got->pdata[i], ==, want->pdata[i]);
    }
  row = g_ptr_array_index (kept, 1);
  g_assert_cmpstr (row->pdata[1], ==, "say \"hi\"");
  g_assert_cmpstr (row->pdata[2], ==, "two\r\nlines");
  row = g_ptr_array_index (kept, 2);
  g_assert_cmpuint (row->len, ==, 4);
  g_assert_cmpstr (row->pdata[1], ==, "\"");
  row = g_ptr_array_index (kept, 3);
  g_assert_cmpstr (row->pdata[0], ==, "lone");
  row = g_ptr_array_index (kept, 4);
  g_assert_cmpstr (row->pdata[1], ==, "q");
  row = g_ptr_array_index (kept, 5);
  g_assert_cmpuint (row->len, ==, 2);
}

static void
test_csv_writer (void)
{
  const char *fields[] = { "201", "a,b", "say \"hi\"", "two\nlines", "", NULL, " pad" };
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(YsCsvReader) reader = NULL;
  g_autoptr(GPtrArray) row = NULL;
  g_autoptr(GError) error = NULL;
  guint line;

  ys_csv_append_row (out, fields, G_N_ELEMENTS (fields));
  ys_csv_append_row (out, fields, 1);
  g_assert_cmpstr (out->str, ==,
                   "201,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",,,\" pad\"\n201\n");

  /* Round trip. */
  reader = ys_csv_reader_new_from_data (out->str, out->len);
  g_assert_true (ys_csv_reader_next_row (reader, &row, &line, &error));
  g_assert_cmpuint (row->len, ==, G_N_ELEMENTS (fields));
  for (guint i = 0; i < row->len; i++)
    g_assert_cmpstr (row->pdata[i], ==, fields[i] != NULL ? fields[i] : "");
  g_clear_pointer (&row, g_ptr_array_unref);
  g_assert_true (ys_csv_reader_next_row (reader, &row, &line, &error));
  g_assert_cmpuint (line, ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/catalog/bundled-years", test_bundled_years);
  g_test_add_func ("/catalog/no-year", test_no_year);
  g_test_add_func ("/catalog/seed-codes", test_seed_codes);
  g_test_add_func ("/catalog/year-changes", test_year_changes);
  g_test_add_func ("/catalog/prefix-search", test_prefix_search);
  g_test_add_func ("/catalog/name-search", test_name_search);
  g_test_add_func ("/catalog/describe-path", test_describe_path);
  g_test_add_func ("/catalog/merge", test_merge);
  g_test_add_func ("/catalog/mapping", test_mapping);
  g_test_add_func ("/catalog/procurement", test_procurement);
  g_test_add_func ("/catalog/kind-codes", test_kind_codes);
  g_test_add_func ("/catalog/read-csv-gb18030", test_read_csv_gb18030);
  g_test_add_func ("/catalog/read-csv-errors", test_read_csv_errors);
  g_test_add_func ("/catalog/read-xlsx", test_read_xlsx);
  g_test_add_func ("/catalog/read-hostile", test_read_hostile);
  g_test_add_func ("/catalog/read-xls", test_read_xls);
  g_test_add_func ("/csv/reader", test_csv_reader);
  g_test_add_func ("/csv/in-place", test_csv_in_place);
  g_test_add_func ("/csv/writer", test_csv_writer);

  return g_test_run ();
}
