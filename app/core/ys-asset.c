#include "config.h"

#include <glib/gi18n-lib.h>

#include "ys-asset.h"



static const YsField fields[] = {
  { "unit_code", N_("unit code"), YS_FIELD_CODE, YS_FIELD_REQUIRED, NULL, 0, "unit" },
  { "category", N_("asset category"), YS_FIELD_TEXT, YS_FIELD_REQUIRED, NULL, 0, NULL },
  { "name", N_("asset name"), YS_FIELD_TEXT, 0, NULL, 0, NULL },
  { "measure", N_("unit of measure"), YS_FIELD_TEXT, 0, NULL, 0, NULL },
  { "quantity", N_("quantity held"), YS_FIELD_INT, 0, NULL, 0, NULL },
  { "value", N_("value held"), YS_FIELD_MONEY, 0, NULL, 0, NULL },
  { "planned_quantity", N_("quantity to purchase"), YS_FIELD_INT, 0, NULL, 0, NULL },
  { "planned_amount", N_("purchase amount"), YS_FIELD_MONEY, 0, NULL, 0, NULL },
  { "note", N_("note"), YS_FIELD_TEXT, 0, NULL, 0, NULL },
};

G_STATIC_ASSERT (G_N_ELEMENTS (fields) == YS_ASSET_N_FIELDS);

const YsKind ys_asset_kind = {
  "asset", "asset", "assets.csv", N_("asset"),
  fields, G_N_ELEMENTS (fields), -1,
};

YS_DEFINE_RECORD (YsAsset, ys_asset, &ys_asset_kind)
