#include "config.h"

#include <string.h>

#include "ys-kinds.h"

static const YsKind *const all_kinds[YS_N_KINDS + 1] = {
  &ys_unit_kind,
  &ys_project_kind,
  &ys_income_kind,
  &ys_line_kind,
  &ys_indicator_kind,
  &ys_procurement_kind,
  &ys_service_kind,
  &ys_asset_kind,
  &ys_prior_year_kind,
  &ys_review_kind,
  &ys_control_kind,
  &ys_received_kind,
  NULL
};

const YsKind *const *
ys_kinds_all (void)
{
  return all_kinds;
}

const YsKind *
ys_kinds_lookup (const char *name)
{
  for (guint i = 0; all_kinds[i]; i++)
    if (strcmp (all_kinds[i]->name, name) == 0)
      return all_kinds[i];
  return NULL;
}

guint
ys_kinds_index (const YsKind *kind)
{
  for (guint i = 0; all_kinds[i]; i++)
    if (all_kinds[i] == kind)
      return i;
  g_return_val_if_reached (0);
}

GType
ys_kind_get_gtype (const YsKind *kind)
{
  static const struct { const YsKind *kind; GType (*get_type) (void); } types[] = {
    { &ys_unit_kind, ys_unit_get_type },
    { &ys_project_kind, ys_project_get_type },
    { &ys_income_kind, ys_income_get_type },
    { &ys_line_kind, ys_line_get_type },
    { &ys_indicator_kind, ys_indicator_get_type },
    { &ys_procurement_kind, ys_procurement_get_type },
    { &ys_service_kind, ys_service_get_type },
    { &ys_asset_kind, ys_asset_get_type },
    { &ys_prior_year_kind, ys_prior_year_get_type },
    { &ys_review_kind, ys_review_get_type },
    { &ys_control_kind, ys_control_get_type },
    { &ys_received_kind, ys_received_get_type },
  };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    if (types[i].kind == kind)
      return types[i].get_type ();
  g_return_val_if_reached (G_TYPE_INVALID);
}
