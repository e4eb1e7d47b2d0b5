#include "config.h"

#include <glib/gi18n-lib.h>

#include "ys-service.h"



static const YsField fields[] = {
  { "unit_code", N_("unit code"), YS_FIELD_CODE, YS_FIELD_REQUIRED, NULL, 0, "unit" },
  { "project_code", N_("project code"), YS_FIELD_CODE, 0, NULL, 0, "project" },
  { "cat1_code", N_("level-1 catalog code"), YS_FIELD_CODE, 0, NULL, 0, NULL },
  { "cat1_name", N_("level-1 catalog name"), YS_FIELD_TEXT, 0, NULL, 0, NULL },
  { "cat2_code", N_("level-2 catalog code"), YS_FIELD_CODE, 0, NULL, 0, NULL },
  { "cat2_name", N_("level-2 catalog name"), YS_FIELD_TEXT, 0, NULL, 0, NULL },
  { "cat3_code", N_("level-3 catalog code"), YS_FIELD_CODE, 0, NULL, 0, NULL },
  { "cat3_name", N_("level-3 catalog name"), YS_FIELD_TEXT, 0, NULL, 0, NULL },
  { "content", N_("service content"), YS_FIELD_TEXT, YS_FIELD_REQUIRED, NULL, 0, NULL },
  { "quantity", N_("quantity"), YS_FIELD_TEXT, 0, NULL, 0, NULL },
  { "source", N_("fund source"), YS_FIELD_CHOICE, YS_FIELD_REQUIRED, ys_fund_sources, 0, NULL },
  { "amount", N_("amount"), YS_FIELD_MONEY, 0, NULL, 0, NULL },
};

G_STATIC_ASSERT (G_N_ELEMENTS (fields) == YS_SERVICE_N_FIELDS);

const YsKind ys_service_kind = {
  "service", "purchased_service", "services.csv", N_("purchased service"),
  fields, G_N_ELEMENTS (fields), -1,
};

YS_DEFINE_RECORD (YsService, ys_service, &ys_service_kind)
