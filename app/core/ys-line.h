#pragma once

#include "ys-record.h"

G_BEGIN_DECLS

typedef enum {
  YS_LINE_UNIT_CODE,
  YS_LINE_FUNC_CODE,
  YS_LINE_ECON_CODE,
  YS_LINE_GOV_ECON_CODE,
  YS_LINE_KIND,
  YS_LINE_PROJECT_CODE,
  YS_LINE_SOURCE,
  YS_LINE_SUB_SOURCE,
  YS_LINE_CARRY_OVER,
  YS_LINE_AMOUNT,
  YS_LINE_PROCUREMENT,
  YS_LINE_PURCHASED_SERVICE,
  YS_LINE_NOTE,
  YS_LINE_N_FIELDS
} YsLineField;

extern const YsKind ys_line_kind;

#define YS_TYPE_LINE (ys_line_get_type ())
G_DECLARE_FINAL_TYPE (YsLine, ys_line, YS, LINE, YsRecord)

G_END_DECLS
