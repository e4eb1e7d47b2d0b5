#include "config.h"

#include "ys-diff-xlsx.h"
#include "ys-i18n.h"
#include "ys-xlsx-atomic.h"

typedef struct {
  lxw_format *title, *header, *text, *money, *rate;
} Formats;

static lxw_format *
bordered (lxw_workbook *wb)
{
  lxw_format *f = workbook_add_format (wb);

  format_set_border (f, LXW_BORDER_THIN);
  format_set_font_name (f, "宋体");
  format_set_font_size (f, 10);
  return f;
}

static void
make_formats (lxw_workbook *wb, Formats *f)
{
  f->title = workbook_add_format (wb);
  format_set_bold (f->title);
  format_set_font_size (f->title, 14);
  format_set_font_name (f->title, "黑体");
  f->header = bordered (wb);
  format_set_bold (f->header);
  format_set_align (f->header, LXW_ALIGN_CENTER);
  format_set_align (f->header, LXW_ALIGN_VERTICAL_CENTER);
  format_set_text_wrap (f->header);
  format_set_bg_color (f->header, 0xDDEBF7);
  f->text = bordered (wb);
  format_set_text_wrap (f->text);
  f->money = bordered (wb);
  format_set_num_format (f->money, "#,##0.00");
  f->rate = bordered (wb);
  format_set_num_format (f->rate, "0.00%");
  format_set_align (f->rate, LXW_ALIGN_RIGHT);
}

static void
write_row (lxw_worksheet *ws, lxw_row_t r, const YsDiffRow *row, const Formats *f)
{
  double percent = 0;

  worksheet_write_string (ws, r, 0, row->code, f->text);
  worksheet_write_string (ws, r, 1, row->name, f->text);
  /* The sheet shows 元; the figures were computed in 分. */
  worksheet_write_number (ws, r, 2, (double) row->from / 100.0, f->money);
  worksheet_write_number (ws, r, 3, (double) row->to / 100.0, f->money);
  worksheet_write_number (ws, r, 4, (double) (row->to - row->from) / 100.0, f->money);
  if (ys_diff_row_rate (row, &percent))
    worksheet_write_number (ws, r, 5, percent / 100.0, f->rate);
  else
    worksheet_write_string (ws, r, 5, "—", f->rate);
}

static void
write_rows (lxw_workbook *wb, const Formats *f, YsDiff *diff, const char *sheet, const char *what,
            GPtrArray *rows)
{
  lxw_worksheet *ws = workbook_add_worksheet (wb, sheet);
  g_autofree char *title = g_strdup_printf ("预算版本比较（%s）：%s → %s", what, ys_diff_get_name (diff, FALSE), ys_diff_get_name (diff, TRUE));
  g_autofree char *from = g_strdup_printf ("%s（元）", ys_diff_get_name (diff, FALSE));
  g_autofree char *to = g_strdup_printf ("%s（元）", ys_diff_get_name (diff, TRUE));
  const char *headers[] = { "编码", "名称", from, to, "增减额（元）", "增减率" };
  lxw_row_t r = 2;

  worksheet_write_string (ws, 0, 0, title, f->title);
  for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
    worksheet_write_string (ws, 1, c, headers[c], f->header);
  for (guint i = 0; i < rows->len; i++)
    write_row (ws, r++, g_ptr_array_index (rows, i), f);
  write_row (ws, r, &diff->total, f);
  worksheet_write_string (ws, r, 0, "", f->text);
  worksheet_write_string (ws, r, 1, "合计", f->header);
  worksheet_set_column (ws, 0, 0, 12, NULL);
  worksheet_set_column (ws, 1, 1, 36, NULL);
  worksheet_set_column (ws, 2, 4, 16, NULL);
  worksheet_set_column (ws, 5, 5, 10, NULL);
  worksheet_freeze_panes (ws, 2, 0);
  worksheet_repeat_rows (ws, 1, 1);
  worksheet_set_landscape (ws);
  worksheet_set_paper (ws, 9);
}

static void
write_changes (lxw_workbook *wb, const Formats *f, YsDiff *diff)
{
  lxw_worksheet *ws = workbook_add_worksheet (wb, "变动明细");
  g_autofree char *title = g_strdup_printf ("变动明细：%s → %s（共 %u 处）", ys_diff_get_name (diff, FALSE), ys_diff_get_name (diff, TRUE),
                                            diff->changes->len);
  const char *headers[] = { "序号", "记录", "变动", "字段", "原值", "新值" };
  lxw_row_t r = 2;

  worksheet_write_string (ws, 0, 0, title, f->title);
  for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
    worksheet_write_string (ws, 1, c, headers[c], f->header);
  for (guint i = 0; i < diff->changes->len; i++)
    {
      YsDiffChange *change = g_ptr_array_index (diff->changes, i);
      g_autofree char *what = ys_diff_change_describe (change);

      /* One line per field, the record named on each so the sheet can be filtered. */
      for (guint k = 0; k < MAX (change->fields->len, 1); k++, r++)
        {
          YsDiffField *field = k < change->fields->len ? g_ptr_array_index (change->fields, k) : NULL;

          worksheet_write_number (ws, r, 0, i + 1, f->text);
          worksheet_write_string (ws, r, 1, what, f->text);
          worksheet_write_string (ws, r, 2, ys_diff_change_type_label (change->type), f->text);
          worksheet_write_string (ws, r, 3, field ? ys_diff_field_label (field) : "", f->text);
          worksheet_write_string (ws, r, 4, field ? field->old_text : "", f->text);
          worksheet_write_string (ws, r, 5, field ? field->new_text : "", f->text);
        }
    }
  worksheet_set_column (ws, 0, 0, 6, NULL);
  worksheet_set_column (ws, 1, 1, 44, NULL);
  worksheet_set_column (ws, 2, 3, 12, NULL);
  worksheet_set_column (ws, 4, 5, 30, NULL);
  worksheet_freeze_panes (ws, 2, 0);
  worksheet_repeat_rows (ws, 1, 1);
  worksheet_set_landscape (ws);
  worksheet_set_paper (ws, 9);
}

gboolean
ys_diff_write_xlsx (YsDiff *diff, const char *path, GError **error)
{
  YsXlsxAtomic *atomic = ys_xlsx_atomic_open (path, error);
  gboolean chinese = ys_i18n_get_chinese ();
  lxw_workbook *wb;
  Formats f;
  gboolean ok;

  if (atomic == NULL)
    return FALSE;
  /* What is handed on is in Chinese whatever the interface language. */
  ys_i18n_set_chinese (TRUE);
  wb = ys_xlsx_atomic_workbook (atomic);
  make_formats (wb, &f);
  write_rows (wb, &f, diff, "按单位", "按单位", diff->by_unit);
  write_rows (wb, &f, diff, "按功能分类", "按支出功能分类科目", diff->by_function);
  write_rows (wb, &f, diff, "按经济分类", "按部门预算支出经济分类科目", diff->by_economic);
  write_rows (wb, &f, diff, "按项目", "按项目", diff->by_project);
  write_changes (wb, &f, diff);
  ys_i18n_set_chinese (chinese);
  ok = ys_xlsx_atomic_finish (atomic, TRUE, error);
  return ok;
}
