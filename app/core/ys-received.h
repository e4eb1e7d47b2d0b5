#pragma once

#include "ys-record.h"

G_BEGIN_DECLS

/* Where a unit received into the department came from (汇总单位预算): one
 * record per unit code, replaced when the unit is received again. */
typedef enum {
  YS_RECEIVED_UNIT_CODE,
  YS_RECEIVED_UNIT_NAME,
  YS_RECEIVED_FILE,
  YS_RECEIVED_TIME,
  YS_RECEIVED_SHA256,
  YS_RECEIVED_DEPT_CODE,
  YS_RECEIVED_RECORDS,
  YS_RECEIVED_N_FIELDS
} YsReceivedField;

extern const YsKind ys_received_kind;

#define YS_TYPE_RECEIVED (ys_received_get_type ())
G_DECLARE_FINAL_TYPE (YsReceived, ys_received, YS, RECEIVED, YsRecord)

G_END_DECLS
