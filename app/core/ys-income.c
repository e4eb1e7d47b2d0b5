#include "config.h"

#include <glib/gi18n-lib.h>

#include "ys-income.h"



static const YsField fields[] = {
  { "unit_code", N_("unit code"), YS_FIELD_CODE, YS_FIELD_REQUIRED, NULL, 0, "unit" },
  { "func_code", N_("function classification code"), YS_FIELD_CODE, 0, NULL, 7, NULL },
  { "source", N_("fund source"), YS_FIELD_CHOICE, YS_FIELD_REQUIRED, ys_fund_sources, 0, NULL },
  { "sub_source", N_("sub-source"), YS_FIELD_TEXT, 0, NULL, 0, NULL },
  { "carry_over", N_("carried over from last year"), YS_FIELD_BOOL, 0, NULL, 0, NULL },
  { "amount", N_("amount"), YS_FIELD_MONEY, 0, NULL, 0, NULL },
  { "note", N_("note"), YS_FIELD_TEXT, 0, NULL, 0, NULL },
};

G_STATIC_ASSERT (G_N_ELEMENTS (fields) == YS_INCOME_N_FIELDS);

const YsKind ys_income_kind = {
  "income", "income", "income.csv", N_("income"),
  fields, G_N_ELEMENTS (fields), -1,
};

YS_DEFINE_RECORD (YsIncome, ys_income, &ys_income_kind)
