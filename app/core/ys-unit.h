#pragma once

#include "ys-record.h"

G_BEGIN_DECLS

typedef enum {
  YS_UNIT_CODE,
  YS_UNIT_NAME,
  YS_UNIT_UNIT_TYPE,
  YS_UNIT_FUNDING,
  YS_UNIT_GRADE,
  YS_UNIT_ROLE,
  YS_UNIT_HEADCOUNT,
  YS_UNIT_STAFF,
  YS_UNIT_RETIREES,
  YS_UNIT_VEHICLES,
  YS_UNIT_NOTE,
  YS_UNIT_N_FIELDS
} YsUnitField;

extern const YsKind ys_unit_kind;

#define YS_TYPE_UNIT (ys_unit_get_type ())
G_DECLARE_FINAL_TYPE (YsUnit, ys_unit, YS, UNIT, YsRecord)

G_END_DECLS
