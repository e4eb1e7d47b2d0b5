#include "config.h"

#include <glib/gi18n-lib.h>

#include "ys-line.h"

static const char *const kind_choices[] = { "人员经费", "公用经费", "项目支出", NULL };

/* Money that stays inside the department: the parent's grant to a unit below
 * it and a unit's payment to its parent. The department's tables offset them
 * against the other unit's 上级补助收入 and 附属单位上缴收入. */
static const char *const transfer_choices[] = { "对附属单位补助支出", "上缴上级支出", NULL };

static const YsField fields[] = {
  { "unit_code", N_("unit code"), YS_FIELD_CODE, YS_FIELD_REQUIRED, NULL, 0, "unit" },
  { "func_code", N_("function classification code"), YS_FIELD_CODE, YS_FIELD_REQUIRED, NULL, 7, NULL },
  { "econ_code", N_("economic classification code"), YS_FIELD_CODE, YS_FIELD_REQUIRED, NULL, 5, NULL },
  { "gov_econ_code", N_("government economic classification code"), YS_FIELD_CODE, 0, NULL, 5, NULL },
  { "kind", N_("expenditure kind"), YS_FIELD_CHOICE, YS_FIELD_REQUIRED, kind_choices, 0, NULL },
  { "project_code", N_("project code"), YS_FIELD_CODE, 0, NULL, 0, "project" },
  { "source", N_("fund source"), YS_FIELD_CHOICE, YS_FIELD_REQUIRED, ys_fund_sources, 0, NULL },
  { "sub_source", N_("sub-source"), YS_FIELD_TEXT, 0, NULL, 0, NULL },
  { "carry_over", N_("carried over from last year"), YS_FIELD_BOOL, 0, NULL, 0, NULL },
  { "amount", N_("amount"), YS_FIELD_MONEY, 0, NULL, 0, NULL },
  { "procurement", N_("government procurement"), YS_FIELD_BOOL, 0, NULL, 0, NULL },
  { "purchased_service", N_("purchased service"), YS_FIELD_BOOL, 0, NULL, 0, NULL },
  { "note", N_("note"), YS_FIELD_TEXT, 0, NULL, 0, NULL },
  { "transfer", N_("internal transfer"), YS_FIELD_CHOICE, 0, transfer_choices, 0, NULL },
};

G_STATIC_ASSERT (G_N_ELEMENTS (fields) == YS_LINE_N_FIELDS);

const YsKind ys_line_kind = {
  "line", "line_item", "lines.csv", N_("expenditure line"),
  fields, G_N_ELEMENTS (fields), -1,
};

YS_DEFINE_RECORD (YsLine, ys_line, &ys_line_kind)
