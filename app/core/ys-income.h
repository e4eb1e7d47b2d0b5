#pragma once

#include "ys-record.h"

G_BEGIN_DECLS

typedef enum {
  YS_INCOME_UNIT_CODE,
  YS_INCOME_FUNC_CODE,
  YS_INCOME_SOURCE,
  YS_INCOME_SUB_SOURCE,
  YS_INCOME_CARRY_OVER,
  YS_INCOME_AMOUNT,
  YS_INCOME_NOTE,
  YS_INCOME_N_FIELDS
} YsIncomeField;

extern const YsKind ys_income_kind;

#define YS_TYPE_INCOME (ys_income_get_type ())
G_DECLARE_FINAL_TYPE (YsIncome, ys_income, YS, INCOME, YsRecord)

G_END_DECLS
