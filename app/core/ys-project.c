#include "config.h"

#include <glib/gi18n-lib.h>

#include "ys-project.h"

static const char *const status_choices[] = { "新增", "延续", NULL };
static const char *const recurrence_choices[] = { "经常性", "一次性", NULL };
static const char *const category_choices[] = { "人员类", "运转类", "特定目标类", NULL };

static const YsField fields[] = {
  { "code", N_("project code"), YS_FIELD_CODE, YS_FIELD_REQUIRED | YS_FIELD_KEY, NULL, 0, NULL },
  { "name", N_("project name"), YS_FIELD_TEXT, YS_FIELD_REQUIRED, NULL, 0, NULL },
  { "unit_code", N_("unit code"), YS_FIELD_CODE, YS_FIELD_REQUIRED, NULL, 0, "unit" },
  { "status", N_("new or continuing"), YS_FIELD_CHOICE, 0, status_choices, 0, NULL },
  { "recurrence", N_("recurrence"), YS_FIELD_CHOICE, 0, recurrence_choices, 0, NULL },
  { "category", N_("project category"), YS_FIELD_CHOICE, 0, category_choices, 0, NULL },
  { "start_date", N_("start date"), YS_FIELD_TEXT, 0, NULL, 0, NULL },
  { "end_date", N_("end date"), YS_FIELD_TEXT, 0, NULL, 0, NULL },
  { "period", N_("implementation period"), YS_FIELD_TEXT, 0, NULL, 0, NULL },
  { "department", N_("competent department"), YS_FIELD_TEXT, 0, NULL, 0, NULL },
  { "executor", N_("implementing body"), YS_FIELD_TEXT, 0, NULL, 0, NULL },
  { "manager", N_("project manager"), YS_FIELD_TEXT, 0, NULL, 0, NULL },
  { "phone", N_("telephone"), YS_FIELD_TEXT, 0, NULL, 0, NULL },
  { "basis", N_("basis for the project"), YS_FIELD_TEXT, 0, NULL, 0, NULL },
  { "necessity", N_("necessity"), YS_FIELD_TEXT, 0, NULL, 0, NULL },
  { "measures", N_("safeguards"), YS_FIELD_TEXT, 0, NULL, 0, NULL },
  { "plan", N_("implementation plan"), YS_FIELD_TEXT, 0, NULL, 0, NULL },
  { "summary", N_("project summary"), YS_FIELD_TEXT, 0, NULL, 0, NULL },
  { "contents", N_("project contents"), YS_FIELD_TEXT, 0, NULL, 0, NULL },
  { "period_central", N_("implementation-period central funds"), YS_FIELD_MONEY, 0, NULL, 0, NULL },
  { "period_provincial", N_("implementation-period provincial funds"), YS_FIELD_MONEY, 0, NULL, 0, NULL },
  { "period_local", N_("implementation-period local funds"), YS_FIELD_MONEY, 0, NULL, 0, NULL },
  { "period_self", N_("implementation-period own funds"), YS_FIELD_MONEY, 0, NULL, 0, NULL },
  { "period_other", N_("implementation-period other funds"), YS_FIELD_MONEY, 0, NULL, 0, NULL },
  { "annual_central", N_("annual central funds"), YS_FIELD_MONEY, 0, NULL, 0, NULL },
  { "annual_provincial", N_("annual provincial funds"), YS_FIELD_MONEY, 0, NULL, 0, NULL },
  { "annual_local", N_("annual local funds"), YS_FIELD_MONEY, 0, NULL, 0, NULL },
  { "annual_self", N_("annual own funds"), YS_FIELD_MONEY, 0, NULL, 0, NULL },
  { "annual_other", N_("annual other funds"), YS_FIELD_MONEY, 0, NULL, 0, NULL },
  { "period_goal", N_("implementation-period goal"), YS_FIELD_TEXT, 0, NULL, 0, NULL },
  { "annual_goal", N_("annual goal"), YS_FIELD_TEXT, 0, NULL, 0, NULL },
};

G_STATIC_ASSERT (G_N_ELEMENTS (fields) == YS_PROJECT_N_FIELDS);

const YsKind ys_project_kind = {
  "project", "project", "projects.csv", N_("project"),
  fields, G_N_ELEMENTS (fields), 0,
};

YS_DEFINE_RECORD (YsProject, ys_project, &ys_project_kind)
