/* ys-sheet-map.c: the words finance offices put over their columns.
 *
 * The same words mean different fields depending on the group cell above
 * them (科目编码 under 支出功能分类科目 or under 经济分类科目), so entries
 * with a group come first; then whole header texts; then a field's own
 * Chinese label.  The first entry a column matches decides its field, and a
 * field goes to the column that matched the earlier entry. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ys-sheet-map.h"

#define CONTENT_SAMPLE 500

typedef struct {
  const char *kinds;   /* space-separated kind names, NULL for every kind with the field */
  const char *field;
  gboolean    by_name;
  const char *group;   /* a text above the column must contain it; NULL: the header text must equal a word */
  const char *words;   /* '|'-separated, normalised */
} Synonym;

#define CODE_WORDS "科目编码|编码|代码|科目代码"
#define NAME_WORDS "科目名称|名称"
#define OTHER_KINDS "line income prior_year indicator procurement control"

static const Synonym synonyms[] = {
  /* Grouped columns: 支出功能分类科目 over 科目编码 | 科目名称. */
  { NULL, "gov_econ_code", FALSE, "政府经济", CODE_WORDS },
  { NULL, "gov_econ_code", TRUE, "政府经济", NAME_WORDS },
  { NULL, "gov_econ_code", FALSE, "政府预算支出经济", CODE_WORDS },
  { NULL, "gov_econ_code", TRUE, "政府预算支出经济", NAME_WORDS },
  { NULL, "econ_code", FALSE, "经济", CODE_WORDS },
  { NULL, "econ_code", TRUE, "经济", NAME_WORDS },
  { NULL, "func_code", FALSE, "功能", CODE_WORDS },
  { NULL, "func_code", TRUE, "功能", NAME_WORDS },
  { NULL, "unit_code", FALSE, "单位", "编码|代码" },
  { NULL, "unit_code", TRUE, "单位", "名称" },
  { OTHER_KINDS, "project_code", FALSE, "项目", "编码|代码" },
  { OTHER_KINDS, "project_code", TRUE, "项目", "名称" },
  { "project", "code", FALSE, "项目", "编码|代码" },
  { "project", "name", FALSE, "项目", "名称" },
  { NULL, "catalog_code", FALSE, "品目", CODE_WORDS },
  { NULL, "catalog_code", TRUE, "品目", NAME_WORDS },

  /* Whole header texts. */
  { NULL, "gov_econ_code", FALSE, NULL,
    "政府经济分类科目|政府经济分类|政府预算支出经济分类|政府预算经济分类|政府经济科目|"
    "政府经济分类编码|政府经济分类科目编码|政府经济科目编码" },
  { NULL, "gov_econ_code", TRUE, NULL, "政府经济分类名称|政府经济分类科目名称|政府经济科目名称" },
  { NULL, "econ_code", FALSE, NULL,
    "经济科目编码|经济分类科目编码|部门经济分类编码|部门经济分类科目编码|经济分类编码|经济科目|"
    "部门经济分类|经济分类科目|部门经济分类科目|经济分类|部门预算支出经济分类|支出经济分类|经济分类代码" },
  { NULL, "econ_code", TRUE, NULL,
    "经济科目名称|经济分类科目名称|部门经济分类名称|部门经济分类科目名称|经济分类名称" },
  { NULL, "func_code", FALSE, NULL,
    "功能科目编码|功能分类科目编码|功能分类编码|支出功能分类科目编码|支出功能分类编码|功能科目|"
    "支出功能分类科目|功能分类科目|功能分类|支出功能分类|功能分类代码|科目编码|科目代码|科目" },
  { NULL, "func_code", TRUE, NULL,
    "功能科目名称|功能分类科目名称|支出功能分类科目名称|功能分类名称|科目名称" },
  { NULL, "unit_code", FALSE, NULL, "单位编码|单位代码|预算单位编码|预算单位代码" },
  { NULL, "unit_code", TRUE, NULL, "单位名称|预算单位名称|预算单位|单位|编制单位" },
  { OTHER_KINDS, "project_code", FALSE, NULL, "项目编码|项目代码" },
  { OTHER_KINDS, "project_code", TRUE, NULL, "项目名称|项目" },
  { "project", "code", FALSE, NULL, "项目编码|项目代码|编码" },
  { "project", "name", FALSE, NULL, "项目名称|名称" },
  { "line prior_year control", "kind", FALSE, NULL,
    "支出类型|支出类别|支出性质|经费类型|经费类别|经费性质|类型|支出分类|基本支出/项目支出" },
  { NULL, "source", FALSE, NULL, "资金来源|资金性质|经费来源|来源|资金来源类型" },
  { NULL, "sub_source", FALSE, NULL, "资金来源明细|二级资金来源|资金来源(明细)|明细来源|资金明细" },
  { NULL, "carry_over", FALSE, NULL, "上年结转|是否上年结转|结转" },
  { "prior_year", "amount", FALSE, NULL, "上年预算数|上年数|上年预算|上年金额|金额|预算数|合计" },
  { "control", "amount", FALSE, NULL, "控制数|控制数额|预算控制数|财政拨款控制数|控制金额|金额|合计|预算数" },
  { "procurement", "amount", FALSE, NULL, "采购金额|采购预算|预算金额|金额|合计|预算数" },
  { "line income", "amount", FALSE, NULL,
    "金额|预算数|合计|预算金额|本年预算|本年预算数|年初预算数|预算|总计|数额|金额合计|本年收入|"
    "收入|本年支出|支出|支出预算|收入预算" },
  { NULL, "procurement", FALSE, NULL, "政府采购|是否政府采购" },
  { NULL, "purchased_service", FALSE, NULL, "政府购买服务|是否政府购买服务|购买服务" },
  { "prior_year", "reason", FALSE, NULL, "增减原因|变动原因|原因|说明|增减变化原因" },
  { "prior_year", "item", FALSE, NULL, "项目|摘要|内容|事项" },
  { NULL, "note", FALSE, NULL, "备注|说明|附注" },
  { "project", "status", FALSE, NULL, "项目状态|新增/延续|新增或延续|延续/新增|新增延续" },
  { "project", "recurrence", FALSE, NULL, "项目属性|经常性/一次性|经常性或一次性" },
  { "project", "category", FALSE, NULL, "项目类别|项目分类|项目类型" },
  { "project", "start_date", FALSE, NULL, "开始日期|开始时间|起始日期" },
  { "project", "end_date", FALSE, NULL, "结束日期|结束时间|截止日期" },
  { "project", "period", FALSE, NULL, "实施期|实施周期|项目周期|执行期" },
  { "project", "department", FALSE, NULL, "主管部门" },
  { "project", "executor", FALSE, NULL, "实施单位|执行单位" },
  { "project", "manager", FALSE, NULL, "项目负责人|负责人" },
  { "project", "phone", FALSE, NULL, "联系电话|电话" },
  { "project", "basis", FALSE, NULL, "立项依据|项目依据" },
  { "project", "summary", FALSE, NULL, "项目概述|项目简介" },
  { "project", "contents", FALSE, NULL, "项目内容|主要内容" },
  { "project", "period_goal", FALSE, NULL, "实施期目标|总体目标" },
  { "project", "annual_goal", FALSE, NULL, "年度目标" },
  { "indicator", "goal_set", FALSE, NULL, "指标类型|目标类型|目标期间|指标集" },
  { "indicator", "seq", FALSE, NULL, "序号|顺序" },
  { "indicator", "level1", FALSE, NULL, "一级指标" },
  { "indicator", "level2", FALSE, NULL, "二级指标" },
  { "indicator", "name", FALSE, NULL, "三级指标|指标名称|指标" },
  { "indicator", "description", FALSE, NULL, "指标内容|指标说明|指标解释" },
  { "indicator", "operator", FALSE, NULL, "符号|运算符|比较符" },
  { "indicator", "value", FALSE, NULL, "指标值|目标值" },
  { "indicator", "measure", FALSE, NULL, "计量单位|度量单位|单位" },
  { "indicator", "basis", FALSE, NULL, "指标值设定依据|设定依据|依据" },
  { "indicator", "weight", FALSE, NULL, "权重|分值" },
  { "procurement", "item_name", FALSE, NULL,
    "采购项目|采购项目名称|采购品目名称|品目名称|采购内容|采购品目|采购名称" },
  { "procurement", "catalog_code", FALSE, NULL, "采购品目编码|品目编码|采购目录编码|采购目录|政府采购品目" },
  { "procurement", "measure", FALSE, NULL, "计量单位" },
  { "procurement", "quantity", FALSE, NULL, "数量|采购数量" },
  { "procurement", "unit_price", FALSE, NULL, "单价" },
  { "procurement", "sme_reserved", FALSE, NULL, "面向中小企业预留|预留中小企业金额|中小企业预留|面向中小企业预留金额" },
};

/* Words over columns nothing is read from; they still mark a header row. */
static const char *const other_words[] = { "序号", "行次", "栏次", "编码", "名称", NULL };

static gboolean
applies (const Synonym *s, const YsKind *kind)
{
  g_auto(GStrv) kinds = NULL;

  if (ys_kind_find_field (kind, s->field) < 0)
    return FALSE;
  if (s->kinds == NULL)
    return TRUE;
  kinds = g_strsplit (s->kinds, " ", -1);
  return g_strv_contains ((const char *const *) kinds, kind->name);
}

static gboolean
word_in (const char *word, const char *words)
{
  gsize n = strlen (word);

  for (const char *p = words; p != NULL; p = strchr (p, '|'), p = p ? p + 1 : NULL)
    if (strncmp (p, word, n) == 0 && (p[n] == '|' || p[n] == '\0'))
      return TRUE;
  return FALSE;
}

static gboolean
is_label (const YsKind *kind, const char *normalised, int *field)
{
  for (guint i = 0; i < kind->n_fields; i++)
    {
      g_autofree char *label = ys_sheet_normalise (_(kind->fields[i].label), NULL);
      if (strcmp (label, normalised) == 0 || strcmp (kind->fields[i].name, normalised) == 0)
        {
          if (field)
            *field = (int) i;
          return TRUE;
        }
    }
  return FALSE;
}

gboolean
ys_sheet_map_is_word (const char *normalised, gpointer user_data)
{
  const YsKind *kind = user_data;

  if (*normalised == '\0')
    return FALSE;
  if (g_strv_contains (other_words, normalised))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (synonyms); i++)
    if (applies (&synonyms[i], kind)
        && (word_in (normalised, synonyms[i].words)
            || (synonyms[i].group && strstr (normalised, synonyms[i].group) && strstr (normalised, "分类"))))
      return TRUE;
  return is_label (kind, normalised, NULL);
}

/* Index of the first synonym entry the column matches, or -1. */
static int
match_column (const YsKind *kind, const char *path, int *target)
{
  g_auto(GStrv) parts = g_strsplit (path, YS_SHEET_PATH_SEPARATOR, -1);
  guint n = g_strv_length (parts);
  const char *leaf = n ? parts[n - 1] : "";
  int field;

  if (*leaf == '\0')
    return -1;
  for (guint i = 0; i < G_N_ELEMENTS (synonyms); i++)
    {
      const Synonym *s = &synonyms[i];
      gboolean grouped = FALSE;

      if (!applies (s, kind) || !word_in (leaf, s->words))
        continue;
      for (guint g = 0; s->group && g + 1 < n; g++)
        grouped |= strstr (parts[g], s->group) != NULL;
      if (s->group && !grouped)
        continue;
      *target = ys_kind_find_field (kind, s->field) | (s->by_name ? YS_SHEET_BY_NAME : 0);
      return (int) i;
    }
  if (is_label (kind, leaf, &field))
    {
      *target = field;
      return G_N_ELEMENTS (synonyms);
    }
  return -1;
}

static gboolean
target_taken (const int *targets, guint n_cols, int target)
{
  for (guint c = 0; c < n_cols; c++)
    if (targets[c] == target)
      return TRUE;
  return FALSE;
}

void
ys_sheet_map_by_header (const YsKind *kind, const YsSheetHeader *header,
                        int *targets, YsSheetMappedBy *by)
{
  guint n = header->n_cols;
  g_autofree int *rank = g_new (int, n);
  g_autofree int *wanted = g_new (int, n);

  for (guint c = 0; c < n; c++)
    {
      targets[c] = YS_SHEET_NO_TARGET;
      by[c] = YS_SHEET_MAPPED_NONE;
      rank[c] = match_column (kind, header->paths[c], &wanted[c]);
    }
  /* Earlier entries first; among equals, the leftmost column. */
  for (int r = 0; r <= (int) G_N_ELEMENTS (synonyms); r++)
    for (guint c = 0; c < n; c++)
      if (rank[c] == r && !target_taken (targets, n, wanted[c]))
        {
          targets[c] = wanted[c];
          by[c] = YS_SHEET_MAPPED_HEADER;
        }
}

/* The leading code of "2010301 行政运行" / "【30101】基本工资", or 0 digits. */
static guint
leading_digits (const char *text, char *first)
{
  guint n = 0;

  while (*text == ' ' || *text == '[')
    text++;
  while (g_ascii_isdigit (text[n]))
    n++;
  *first = text[0];
  if (text[n] != '\0' && (g_ascii_isalnum (text[n]) || text[n] == '.'))
    return 0;
  return n;
}

void
ys_sheet_map_by_content (const YsKind *kind, const YsSheet *sheet, guint first_data_row,
                         int *targets, YsSheetMappedBy *by)
{
  static const char *const code_fields[] = { "func_code", "econ_code", "gov_econ_code" };
  guint last = MIN (sheet->n_rows, first_data_row + CONTENT_SAMPLE);
  int amount = ys_kind_find_field (kind, "amount");

  for (guint c = 0; c < sheet->n_cols; c++)
    {
      guint filled = 0, numbers = 0, leaf[3] = { 0 }, any[3] = { 0 };

      if (targets[c] != YS_SHEET_NO_TARGET)
        continue;
      for (guint r = first_data_row; r < last; r++)
        {
          const YsCell *cell = ys_sheet_get_cell (sheet, r, c);
          g_autofree char *norm = NULL;
          guint digits;
          char first = '\0';

          if (cell == NULL || cell->text == NULL || *cell->text == '\0')
            continue;
          filled++;
          if (cell->type == YS_CELL_NUMBER && strchr (cell->text, '.') != NULL)
            numbers++;
          norm = ys_sheet_nfkc (cell->text);
          digits = norm ? leading_digits (norm, &first) : 0;
          /* 类 and 款 rows carry 3- and 5-digit codes in the same column. */
          if (first == '2' && (digits == 3 || digits == 5 || digits == 7))
            any[0]++, leaf[0] += digits == 7;
          else if (first == '3' && (digits == 3 || digits == 5))
            any[1]++, leaf[1] += digits == 5;
          else if (first == '5' && (digits == 3 || digits == 5))
            any[2]++, leaf[2] += digits == 5;
          else if (cell->type == YS_CELL_NUMBER)
            numbers++;
        }
      if (filled == 0)
        continue;
      for (guint f = 0; f < G_N_ELEMENTS (code_fields); f++)
        {
          int field = ys_kind_find_field (kind, code_fields[f]);
          if (field >= 0 && leaf[f] > 0 && any[f] * 10 >= filled * 6
              && !target_taken (targets, sheet->n_cols, field))
            {
              targets[c] = field;
              by[c] = YS_SHEET_MAPPED_CONTENT;
            }
        }
      if (targets[c] == YS_SHEET_NO_TARGET && amount >= 0 && numbers * 10 >= filled * 6
          && !target_taken (targets, sheet->n_cols, amount))
        {
          targets[c] = amount;
          by[c] = YS_SHEET_MAPPED_CONTENT;
        }
    }
}

gboolean
ys_sheet_field_has_names (const YsField *field, YsCatalogKind *catalog)
{
  static const struct { const char *name; YsCatalogKind kind; } catalogs[] = {
    { "func_code", YS_CATALOG_FUNCTION },
    { "econ_code", YS_CATALOG_ECONOMIC_DEPT },
    { "gov_econ_code", YS_CATALOG_ECONOMIC_GOV },
    { "catalog_code", YS_CATALOG_PROCUREMENT },
  };

  if (field->type != YS_FIELD_CODE)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (catalogs); i++)
    if (strcmp (field->name, catalogs[i].name) == 0)
      {
        if (catalog)
          *catalog = catalogs[i].kind;
        return TRUE;
      }
  if (catalog)
    *catalog = YS_CATALOG_N_KINDS;
  return field->ref != NULL;
}

char *
ys_sheet_target_name (const YsKind *kind, int target)
{
  const YsField *f;

  if (target == YS_SHEET_NO_TARGET)
    return NULL;
  f = &kind->fields[target & ~YS_SHEET_BY_NAME];
  if (!(target & YS_SHEET_BY_NAME))
    return g_strdup (f->name);
  if (g_str_has_suffix (f->name, "_code"))
    return g_strdup_printf ("%.*s_name", (int) (strlen (f->name) - 5), f->name);
  return g_strdup_printf ("%s_name", f->name);
}

char *
ys_sheet_target_label (const YsKind *kind, int target)
{
  const YsField *f;

  if (target == YS_SHEET_NO_TARGET)
    return g_strdup (_("(not imported)"));
  f = &kind->fields[target & ~YS_SHEET_BY_NAME];
  if (target & YS_SHEET_BY_NAME)
    return g_strdup_printf (_("%s (by name)"), _(f->label));
  return g_strdup (_(f->label));
}

gboolean
ys_sheet_target_parse (const YsKind *kind, const char *text, int *target)
{
  g_autofree char *norm = ys_sheet_normalise (text, NULL);

  if (*norm == '\0' || strcmp (norm, "-") == 0 || strcmp (norm, "忽略") == 0
      || strcmp (norm, "none") == 0)
    {
      *target = YS_SHEET_NO_TARGET;
      return TRUE;
    }
  for (guint i = 0; i < kind->n_fields; i++)
    for (int by_name = 0; by_name < 2; by_name++)
      {
        int t = (int) i | (by_name ? YS_SHEET_BY_NAME : 0);
        g_autofree char *name = NULL, *label = NULL, *label_norm = NULL;

        if (by_name && !ys_sheet_field_has_names (&kind->fields[i], NULL))
          continue;
        name = ys_sheet_target_name (kind, t);
        label = ys_sheet_target_label (kind, t);
        label_norm = ys_sheet_normalise (label, NULL);
        if (strcmp (norm, name) == 0 || strcmp (norm, label_norm) == 0)
          {
            *target = t;
            return TRUE;
          }
      }
  return FALSE;
}

char *
ys_sheet_map_key (const YsKind *kind, const YsSheetHeader *header)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA1);

  g_checksum_update (sum, (const guchar *) kind->name, -1);
  for (guint c = 0; c < header->n_cols; c++)
    {
      g_checksum_update (sum, (const guchar *) "\n", 1);
      g_checksum_update (sum, (const guchar *) header->paths[c], -1);
    }
  return g_strdup_printf ("sheet_map_%.16s", g_checksum_get_string (sum));
}

char *
ys_sheet_map_serialise (const YsKind *kind, const int *targets, guint n_cols)
{
  GString *out = g_string_new (NULL);

  for (guint c = 0; c < n_cols; c++)
    {
      g_autofree char *name = ys_sheet_target_name (kind, targets[c]);
      if (c > 0)
        g_string_append_c (out, '|');
      g_string_append (out, name ? name : "");
    }
  return g_string_free (out, FALSE);
}

gboolean
ys_sheet_map_deserialise (const YsKind *kind, const char *text, int *targets, guint n_cols)
{
  g_auto(GStrv) names = g_strsplit (text, "|", -1);

  if (g_strv_length (names) != n_cols)
    return FALSE;
  for (guint c = 0; c < n_cols; c++)
    if (!ys_sheet_target_parse (kind, names[c], &targets[c]))
      return FALSE;
  return TRUE;
}
