#pragma once

#include "ys-record.h"

G_BEGIN_DECLS

typedef enum {
  YS_ASSET_UNIT_CODE,
  YS_ASSET_CATEGORY,
  YS_ASSET_NAME,
  YS_ASSET_MEASURE,
  YS_ASSET_QUANTITY,
  YS_ASSET_VALUE,
  YS_ASSET_PLANNED_QUANTITY,
  YS_ASSET_PLANNED_AMOUNT,
  YS_ASSET_NOTE,
  YS_ASSET_N_FIELDS
} YsAssetField;

extern const YsKind ys_asset_kind;

#define YS_TYPE_ASSET (ys_asset_get_type ())
G_DECLARE_FINAL_TYPE (YsAsset, ys_asset, YS, ASSET, YsRecord)

G_END_DECLS
