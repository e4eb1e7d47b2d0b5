#include "config.h"

#include <glib/gi18n-lib.h>

#include "ys-procurement.h"



static const YsField fields[] = {
  { "unit_code", N_("unit code"), YS_FIELD_CODE, YS_FIELD_REQUIRED, NULL, 0, "unit" },
  { "project_code", N_("project code"), YS_FIELD_CODE, 0, NULL, 0, "project" },
  { "item_name", N_("item"), YS_FIELD_TEXT, YS_FIELD_REQUIRED, NULL, 0, NULL },
  { "catalog_code", N_("procurement catalog code"), YS_FIELD_CODE, 0, NULL, 0, NULL },
  { "source", N_("fund source"), YS_FIELD_CHOICE, YS_FIELD_REQUIRED, ys_fund_sources, 0, NULL },
  { "measure", N_("unit of measure"), YS_FIELD_TEXT, 0, NULL, 0, NULL },
  { "quantity", N_("quantity"), YS_FIELD_INT, 0, NULL, 0, NULL },
  { "unit_price", N_("unit price"), YS_FIELD_MONEY, 0, NULL, 0, NULL },
  { "amount", N_("amount"), YS_FIELD_MONEY, 0, NULL, 0, NULL },
  { "sme_reserved", N_("reserved for small and medium enterprises"), YS_FIELD_MONEY, 0, NULL, 0, NULL },
  { "note", N_("note"), YS_FIELD_TEXT, 0, NULL, 0, NULL },
};

G_STATIC_ASSERT (G_N_ELEMENTS (fields) == YS_PROCUREMENT_N_FIELDS);

const YsKind ys_procurement_kind = {
  "procurement", "procurement", "procurement.csv", N_("procurement item"),
  fields, G_N_ELEMENTS (fields), -1,
};

YS_DEFINE_RECORD (YsProcurement, ys_procurement, &ys_procurement_kind)
