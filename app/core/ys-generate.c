#include "config.h"

#include <glib/gi18n-lib.h>

#include "ys-generate.h"
#include "ys-money.h"

static const char *
pick_code (GRand *rand, GPtrArray *codes)
{
  return g_ptr_array_index (codes, g_rand_int_range (rand, 0, codes->len));
}

static GPtrArray *
codes_of_level (YsCatalog *catalog, int level, const char *prefix)
{
  GPtrArray *codes = g_ptr_array_new ();
  guint n = ys_catalog_get_n_entries (catalog);

  for (guint i = 0; i < n; i++)
    {
      const YsCatalogEntry *e = ys_catalog_get_entry (catalog, i);
      if (e->level == level && (prefix == NULL || g_str_has_prefix (e->code, prefix)))
        g_ptr_array_add (codes, e->code);
    }
  return codes;
}

static YsRecord *
make (const YsKind *kind)
{
  return ys_record_new (kind);
}

gboolean
ys_generate (YsDocument *doc, const YsGenerateParams *p, GError **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (p->seed);
  g_autoptr(GPtrArray) funcs = codes_of_level (ys_document_get_catalog (doc, YS_CATALOG_FUNCTION), 3, NULL);
  YsCatalog *econ = ys_document_get_catalog (doc, YS_CATALOG_ECONOMIC_DEPT);
  g_autoptr(GPtrArray) personnel = codes_of_level (econ, 2, "301");
  g_autoptr(GPtrArray) publics = codes_of_level (econ, 2, "302");
  g_autoptr(GPtrArray) unit_codes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) project_codes = g_ptr_array_new_with_free_func (g_free);
  static const char *const level2[][3] = {
    { "产出指标", "数量指标", "完成数量" },
    { "产出指标", "质量指标", "验收合格率" },
    { "产出指标", "时效指标", "按时完成率" },
    { "效益指标", "社会效益指标", "服务覆盖率" },
    { "满意度指标", "服务对象满意度指标", "服务对象满意度" },
  };

  if (p->units == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("At least one unit is needed"));
      return FALSE;
    }
  if (!ys_document_begin_batch (doc, _("Generate"), error))
    return FALSE;

  for (guint u = 0; u < p->units; u++)
    {
      g_autoptr(YsRecord) r = make (&ys_unit_kind);
      g_autofree char *code = g_strdup_printf ("%06u", 100001 + u);
      g_autofree char *name = g_strdup_printf ("示例单位%u", u + 1);

      ys_record_set_text (r, YS_UNIT_CODE, code);
      ys_record_set_text (r, YS_UNIT_NAME, name);
      ys_record_set_text (r, YS_UNIT_UNIT_TYPE, u % 3 == 0 ? "行政单位" : "事业单位");
      ys_record_set_text (r, YS_UNIT_ROLE, u == 0 ? "本级" : "下属单位");
      ys_record_set_int (r, YS_UNIT_HEADCOUNT, g_rand_int_range (rand, 5, 200));
      if (!ys_document_insert (doc, r, error))
        goto fail;
      g_ptr_array_add (unit_codes, g_steal_pointer (&code));
    }

  for (guint i = 0; i < p->projects; i++)
    {
      g_autoptr(YsRecord) r = make (&ys_project_kind);
      g_autofree char *code = g_strdup_printf ("P%06u", i + 1);
      g_autofree char *name = g_strdup_printf ("示例项目%u", i + 1);

      ys_record_set_text (r, YS_PROJECT_CODE, code);
      ys_record_set_text (r, YS_PROJECT_NAME, name);
      ys_record_set_text (r, YS_PROJECT_UNIT_CODE, pick_code (rand, unit_codes));
      ys_record_set_text (r, YS_PROJECT_STATUS, i % 2 ? "延续" : "新增");
      ys_record_set_text (r, YS_PROJECT_CATEGORY, "特定目标类");
      ys_record_set_text (r, YS_PROJECT_ANNUAL_GOAL, "保障业务工作正常开展。");
      ys_record_set_int (r, YS_PROJECT_ANNUAL_LOCAL, (YsMoney) g_rand_int_range (rand, 1, 500) * 1000000);
      if (!ys_document_insert (doc, r, error))
        goto fail;
      g_ptr_array_add (project_codes, g_steal_pointer (&code));
    }

  for (guint i = 0; i < p->lines; i++)
    {
      g_autoptr(YsRecord) r = make (&ys_line_kind);
      guint k = g_rand_int_range (rand, 0, 10);
      gboolean is_project = k >= 7 && project_codes->len > 0;
      const char *kind = is_project ? "项目支出" : k < 4 ? "人员经费" : "公用经费";

      ys_record_set_text (r, YS_LINE_UNIT_CODE, pick_code (rand, unit_codes));
      ys_record_set_text (r, YS_LINE_FUNC_CODE, pick_code (rand, funcs));
      ys_record_set_text (r, YS_LINE_ECON_CODE, pick_code (rand, k < 4 ? personnel : publics));
      ys_record_set_text (r, YS_LINE_KIND, kind);
      if (is_project)
        ys_record_set_text (r, YS_LINE_PROJECT_CODE, pick_code (rand, project_codes));
      ys_record_set_text (r, YS_LINE_SOURCE, ys_fund_sources[g_rand_int_range (rand, 0, 10) < 8 ? 0 : 4]);
      ys_record_set_int (r, YS_LINE_AMOUNT, (YsMoney) g_rand_int_range (rand, 1, 100000000));
      if (!ys_document_insert (doc, r, error))
        goto fail;
    }

  for (guint i = 0; i < p->indicators && project_codes->len > 0; i++)
    {
      g_autoptr(YsRecord) r = make (&ys_indicator_kind);
      guint which = i % G_N_ELEMENTS (level2);

      ys_record_set_text (r, YS_INDICATOR_PROJECT_CODE,
                          g_ptr_array_index (project_codes, i % project_codes->len));
      ys_record_set_text (r, YS_INDICATOR_GOAL_SET, (i / project_codes->len) % 2 ? "实施期" : "年度");
      ys_record_set_int (r, YS_INDICATOR_SEQ, i / project_codes->len + 1);
      ys_record_set_text (r, YS_INDICATOR_LEVEL1, level2[which][0]);
      ys_record_set_text (r, YS_INDICATOR_LEVEL2, level2[which][1]);
      ys_record_set_text (r, YS_INDICATOR_NAME, level2[which][2]);
      ys_record_set_text (r, YS_INDICATOR_OPERATOR, "≥");
      ys_record_set_text (r, YS_INDICATOR_VALUE, "95");
      ys_record_set_text (r, YS_INDICATOR_MEASURE, "%");
      if (!ys_document_insert (doc, r, error))
        goto fail;
    }

  return ys_document_end_batch (doc, error);

fail:
  ys_document_cancel_batch (doc);
  return FALSE;
}
