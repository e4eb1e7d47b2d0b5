#define G_LOG_DOMAIN "yusuan"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ys-grid-page-kinds.h"

/* The only unit, when there is one: most departments budget one. */
static void
take_only_unit (YsDocument *document,
                YsRecord   *row,
                int         field)
{
  if (ys_document_count (document, &ys_unit_kind) == 1)
    ys_record_set_text (row, field,
                        ys_record_get_text (ys_document_get (document, &ys_unit_kind, 0), YS_UNIT_CODE));
}

static const char *
usual_source (void)
{
  return g_intern_static_string ("一般公共预算拨款");
}

/* 支出明细 */

static const int line_flags[] = {
  YS_LINE_PROCUREMENT, YS_LINE_PURCHASED_SERVICE, YS_LINE_CARRY_OVER, -1
};
static const char *const line_flag_labels[] = {
  N_("Government Procurement"), N_("Purchased Service"), N_("Carried Over"), NULL
};

static const YsGridColumnInfo line_columns[] = {
  { N_("Unit"), YS_LINE_UNIT_CODE, YS_LOOKUP_UNIT, 140, NULL, NULL },
  { N_("Function Classification"), YS_LINE_FUNC_CODE, YS_LOOKUP_FUNCTION, 0, NULL, NULL },
  { N_("Economic Classification"), YS_LINE_ECON_CODE, YS_LOOKUP_ECONOMIC, 0, NULL, NULL },
  { N_("Expenditure Type"), YS_LINE_KIND, YS_LOOKUP_CHOICES, 86, NULL, NULL },
  { N_("Project"), YS_LINE_PROJECT_CODE, YS_LOOKUP_PROJECT, 0, NULL, NULL },
  { N_("Fund Source"), YS_LINE_SOURCE, YS_LOOKUP_CHOICES, 130, NULL, NULL },
  { N_("Amount (yuan)"), YS_LINE_AMOUNT, YS_LOOKUP_NONE, 120, NULL, NULL },
  { N_("Marks"), -1, YS_LOOKUP_NONE, 100, line_flags, line_flag_labels },
  { N_("Internal Transfer"), YS_LINE_TRANSFER, YS_LOOKUP_CHOICES, 130, NULL, NULL },
};

/* What Ctrl+Enter copies into the next line: all but the amount. */
static const int line_copy_fields[] = {
  YS_LINE_UNIT_CODE, YS_LINE_FUNC_CODE, YS_LINE_ECON_CODE, YS_LINE_GOV_ECON_CODE,
  YS_LINE_KIND, YS_LINE_PROJECT_CODE, YS_LINE_SOURCE, YS_LINE_SUB_SOURCE, -1
};

static gboolean
line_is_project (YsRecord *row)
{
  return strcmp (ys_record_get_text (row, YS_LINE_KIND), "项目支出") == 0;
}

static gboolean
line_is_basic (YsRecord *row)
{
  return !line_is_project (row);
}

static const YsGridPageTotal line_totals[] = {
  { N_("Total (yuan)"), YS_LINE_AMOUNT, NULL, TRUE },
  { N_("Basic Expenditure"), YS_LINE_AMOUNT, line_is_basic, FALSE },
  { N_("Project Expenditure"), YS_LINE_AMOUNT, line_is_project, FALSE },
  { NULL }
};

/* 收入 */

static const int income_flags[] = { YS_INCOME_CARRY_OVER, -1 };
static const char *const income_flag_labels[] = { N_("Carried Over"), NULL };

static const YsGridColumnInfo income_columns[] = {
  { N_("Unit"), YS_INCOME_UNIT_CODE, YS_LOOKUP_UNIT, 180, NULL, NULL },
  { N_("Function Classification"), YS_INCOME_FUNC_CODE, YS_LOOKUP_FUNCTION, 0, NULL, NULL },
  { N_("Fund Source"), YS_INCOME_SOURCE, YS_LOOKUP_CHOICES, 150, NULL, NULL },
  { N_("Sub-Source"), YS_INCOME_SUB_SOURCE, YS_LOOKUP_NONE, 120, NULL, NULL },
  { N_("Amount (yuan)"), YS_INCOME_AMOUNT, YS_LOOKUP_NONE, 130, NULL, NULL },
  { N_("Marks"), -1, YS_LOOKUP_NONE, 90, income_flags, income_flag_labels },
  { N_("Note"), YS_INCOME_NOTE, YS_LOOKUP_NONE, 0, NULL, NULL },
};

static const int income_copy_fields[] = {
  YS_INCOME_UNIT_CODE, YS_INCOME_FUNC_CODE, YS_INCOME_SOURCE, YS_INCOME_SUB_SOURCE,
  YS_INCOME_CARRY_OVER, -1
};

static gboolean
income_is_fiscal (YsRecord *row)
{
  return ys_fund_source_is_fiscal (ys_record_get_text (row, YS_INCOME_SOURCE));
}

static gboolean
income_is_carried (YsRecord *row)
{
  return ys_record_get_int (row, YS_INCOME_CARRY_OVER) != 0;
}

static const YsGridPageTotal income_totals[] = {
  { N_("Fiscal Appropriations"), YS_INCOME_AMOUNT, income_is_fiscal, FALSE },
  { N_("Carried Over"), YS_INCOME_AMOUNT, income_is_carried, FALSE },
  { N_("Total (yuan)"), YS_INCOME_AMOUNT, NULL, TRUE },
  { NULL }
};

static void
income_prepare_draft (YsDocument *document,
                      YsRecord   *row)
{
  take_only_unit (document, row, YS_INCOME_UNIT_CODE);
  ys_record_set_text (row, YS_INCOME_SOURCE, usual_source ());
}

/* 政府采购 */

static const YsGridColumnInfo procurement_columns[] = {
  { N_("Unit"), YS_PROCUREMENT_UNIT_CODE, YS_LOOKUP_UNIT, 140, NULL, NULL },
  { N_("Project"), YS_PROCUREMENT_PROJECT_CODE, YS_LOOKUP_PROJECT, 160, NULL, NULL },
  { N_("Item"), YS_PROCUREMENT_ITEM_NAME, YS_LOOKUP_NONE, 150, NULL, NULL },
  { N_("Procurement Catalogue"), YS_PROCUREMENT_CATALOG_CODE, YS_LOOKUP_PROCUREMENT, 180, NULL, NULL },
  { N_("Fund Source"), YS_PROCUREMENT_SOURCE, YS_LOOKUP_CHOICES, 130, NULL, NULL },
  { N_("Measure"), YS_PROCUREMENT_MEASURE, YS_LOOKUP_NONE, 60, NULL, NULL },
  { N_("Quantity"), YS_PROCUREMENT_QUANTITY, YS_LOOKUP_NONE, 70, NULL, NULL },
  { N_("Unit Price (yuan)"), YS_PROCUREMENT_UNIT_PRICE, YS_LOOKUP_NONE, 110, NULL, NULL },
  { N_("Amount (yuan)"), YS_PROCUREMENT_AMOUNT, YS_LOOKUP_NONE, 120, NULL, NULL },
  { N_("Reserved for SMEs (yuan)"), YS_PROCUREMENT_SME_RESERVED, YS_LOOKUP_NONE, 130, NULL, NULL },
  { N_("Note"), YS_PROCUREMENT_NOTE, YS_LOOKUP_NONE, 0, NULL, NULL },
};

static const int procurement_copy_fields[] = {
  YS_PROCUREMENT_UNIT_CODE, YS_PROCUREMENT_PROJECT_CODE, YS_PROCUREMENT_SOURCE, -1
};

static const YsGridPageTotal procurement_totals[] = {
  { N_("Reserved for SMEs"), YS_PROCUREMENT_SME_RESERVED, NULL, FALSE },
  { N_("Total (yuan)"), YS_PROCUREMENT_AMOUNT, NULL, TRUE },
  { NULL }
};

static void
procurement_prepare_draft (YsDocument *document,
                           YsRecord   *row)
{
  take_only_unit (document, row, YS_PROCUREMENT_UNIT_CODE);
  ys_record_set_text (row, YS_PROCUREMENT_SOURCE, usual_source ());
}

/* 政府购买服务: the guiding catalogue differs by province and is not
 * bundled, so its codes and names are typed as they stand in it. */

static const YsGridColumnInfo service_columns[] = {
  { N_("Unit"), YS_SERVICE_UNIT_CODE, YS_LOOKUP_UNIT, 150, NULL, NULL },
  { N_("Project"), YS_SERVICE_PROJECT_CODE, YS_LOOKUP_PROJECT, 150, NULL, NULL },
  { N_("Level-1 Code"), YS_SERVICE_CAT1_CODE, YS_LOOKUP_NONE, 104, NULL, NULL },
  { N_("Level-1 Category"), YS_SERVICE_CAT1_NAME, YS_LOOKUP_NONE, 110, NULL, NULL },
  { N_("Level-2 Code"), YS_SERVICE_CAT2_CODE, YS_LOOKUP_NONE, 104, NULL, NULL },
  { N_("Level-2 Category"), YS_SERVICE_CAT2_NAME, YS_LOOKUP_NONE, 110, NULL, NULL },
  { N_("Level-3 Code"), YS_SERVICE_CAT3_CODE, YS_LOOKUP_NONE, 104, NULL, NULL },
  { N_("Level-3 Category"), YS_SERVICE_CAT3_NAME, YS_LOOKUP_NONE, 110, NULL, NULL },
  { N_("Service Content"), YS_SERVICE_CONTENT, YS_LOOKUP_NONE, 0, NULL, NULL },
  { N_("Quantity"), YS_SERVICE_QUANTITY, YS_LOOKUP_NONE, 70, NULL, NULL },
  { N_("Fund Source"), YS_SERVICE_SOURCE, YS_LOOKUP_CHOICES, 140, NULL, NULL },
  { N_("Amount (yuan)"), YS_SERVICE_AMOUNT, YS_LOOKUP_NONE, 120, NULL, NULL },
};

static const int service_copy_fields[] = {
  YS_SERVICE_UNIT_CODE, YS_SERVICE_PROJECT_CODE, YS_SERVICE_CAT1_CODE, YS_SERVICE_CAT1_NAME,
  YS_SERVICE_CAT2_CODE, YS_SERVICE_CAT2_NAME, YS_SERVICE_SOURCE, -1
};

static const YsGridPageTotal service_totals[] = {
  { N_("Total (yuan)"), YS_SERVICE_AMOUNT, NULL, TRUE },
  { NULL }
};

static void
service_prepare_draft (YsDocument *document,
                       YsRecord   *row)
{
  take_only_unit (document, row, YS_SERVICE_UNIT_CODE);
  ys_record_set_text (row, YS_SERVICE_SOURCE, usual_source ());
}

/* 资产 */

static const YsGridColumnInfo asset_columns[] = {
  { N_("Unit"), YS_ASSET_UNIT_CODE, YS_LOOKUP_UNIT, 170, NULL, NULL },
  { N_("Asset Category"), YS_ASSET_CATEGORY, YS_LOOKUP_NONE, 140, NULL, NULL },
  { N_("Asset Name"), YS_ASSET_NAME, YS_LOOKUP_NONE, 0, NULL, NULL },
  { N_("Measure"), YS_ASSET_MEASURE, YS_LOOKUP_NONE, 60, NULL, NULL },
  { N_("Quantity Held"), YS_ASSET_QUANTITY, YS_LOOKUP_NONE, 80, NULL, NULL },
  { N_("Value Held (yuan)"), YS_ASSET_VALUE, YS_LOOKUP_NONE, 130, NULL, NULL },
  { N_("To Purchase"), YS_ASSET_PLANNED_QUANTITY, YS_LOOKUP_NONE, 80, NULL, NULL },
  { N_("Purchase Amount (yuan)"), YS_ASSET_PLANNED_AMOUNT, YS_LOOKUP_NONE, 130, NULL, NULL },
  { N_("Note"), YS_ASSET_NOTE, YS_LOOKUP_NONE, 100, NULL, NULL },
};

static const int asset_copy_fields[] = {
  YS_ASSET_UNIT_CODE, YS_ASSET_CATEGORY, YS_ASSET_MEASURE, -1
};

static const YsGridPageTotal asset_totals[] = {
  { N_("Purchase Amount"), YS_ASSET_PLANNED_AMOUNT, NULL, FALSE },
  { N_("Value Held"), YS_ASSET_VALUE, NULL, TRUE },
  { NULL }
};

static void
asset_prepare_draft (YsDocument *document,
                     YsRecord   *row)
{
  take_only_unit (document, row, YS_ASSET_UNIT_CODE);
}

/* 上年数 */

static const YsGridColumnInfo prior_year_columns[] = {
  { N_("Unit"), YS_PRIOR_YEAR_UNIT_CODE, YS_LOOKUP_UNIT, 150, NULL, NULL },
  { N_("Function Classification"), YS_PRIOR_YEAR_FUNC_CODE, YS_LOOKUP_FUNCTION, 0, NULL, NULL },
  { N_("Economic Classification"), YS_PRIOR_YEAR_ECON_CODE, YS_LOOKUP_ECONOMIC, 0, NULL, NULL },
  { N_("Expenditure Kind"), YS_PRIOR_YEAR_KIND, YS_LOOKUP_CHOICES, 90, NULL, NULL },
  { N_("Fund Source"), YS_PRIOR_YEAR_SOURCE, YS_LOOKUP_CHOICES, 130, NULL, NULL },
  { N_("Entry"), YS_PRIOR_YEAR_ITEM, YS_LOOKUP_NONE, 90, NULL, NULL },
  { N_("Amount (yuan)"), YS_PRIOR_YEAR_AMOUNT, YS_LOOKUP_NONE, 120, NULL, NULL },
  { N_("Reason for the Change"), YS_PRIOR_YEAR_REASON, YS_LOOKUP_NONE, 0, NULL, NULL },
};

static const int prior_year_copy_fields[] = {
  YS_PRIOR_YEAR_UNIT_CODE, YS_PRIOR_YEAR_FUNC_CODE, YS_PRIOR_YEAR_KIND, YS_PRIOR_YEAR_SOURCE, -1
};

static gboolean
prior_year_is_income (YsRecord *row)
{
  return g_strcmp0 (ys_record_get_text (row, YS_PRIOR_YEAR_KIND), "收入") == 0;
}

static gboolean
prior_year_is_expense (YsRecord *row)
{
  return !prior_year_is_income (row);
}

static const YsGridPageTotal prior_year_totals[] = {
  { N_("Prior-Year Income"), YS_PRIOR_YEAR_AMOUNT, prior_year_is_income, FALSE },
  { N_("Prior-Year Expenditure"), YS_PRIOR_YEAR_AMOUNT, prior_year_is_expense, TRUE },
  { NULL }
};

static void
prior_year_prepare_draft (YsDocument *document,
                          YsRecord   *row)
{
  take_only_unit (document, row, YS_PRIOR_YEAR_UNIT_CODE);
}

/* 控制数 */

static const YsGridColumnInfo control_columns[] = {
  { N_("Unit"), YS_CONTROL_UNIT_CODE, YS_LOOKUP_UNIT, 150, NULL, NULL },
  { N_("Fund Source"), YS_CONTROL_SOURCE, YS_LOOKUP_CHOICES, 130, NULL, NULL },
  { N_("Basic or Project"), YS_CONTROL_KIND, YS_LOOKUP_CHOICES, 90, NULL, NULL },
  { N_("Project"), YS_CONTROL_PROJECT_CODE, YS_LOOKUP_PROJECT, 0, NULL, NULL },
  { N_("Control Figure (yuan)"), YS_CONTROL_AMOUNT, YS_LOOKUP_NONE, 130, NULL, NULL },
  { N_("Note"), YS_CONTROL_NOTE, YS_LOOKUP_NONE, 0, NULL, NULL },
};

static const int control_copy_fields[] = {
  YS_CONTROL_UNIT_CODE, YS_CONTROL_SOURCE, YS_CONTROL_KIND, -1
};

static const YsGridPageTotal control_totals[] = {
  { N_("Control Figures"), YS_CONTROL_AMOUNT, NULL, TRUE },
  { NULL }
};

static void
control_prepare_draft (YsDocument *document,
                       YsRecord   *row)
{
  take_only_unit (document, row, YS_CONTROL_UNIT_CODE);
  ys_record_set_text (row, YS_CONTROL_SOURCE, usual_source ());
  ys_record_set_text (row, YS_CONTROL_KIND, g_intern_static_string ("基本支出"));
}

static const YsGridPageKind page_kinds[] = {
  {
    "lines", &ys_line_kind, line_columns, G_N_ELEMENTS (line_columns), line_copy_fields,
    N_("Expenditure Lines"),
    N_("No Line Items Yet"),
    N_("Each expenditure line item gives a unit, a function classification item, an economic classification item, a fund source and an amount. Add one and type, or paste rows copied from a spreadsheet."),
    N_("Unit, code, type or project"), N_("Search Line Items"),
    N_("_Add Line"), N_("Add Line"),
    N_("Add a line item after the current one, copying its unit, codes, type and source (Ctrl+Enter)"),
    N_("Add First Line"),
    N_("Paste Rows"), N_("Delete Line Items"), N_("Delete the selected line items (Delete)"),
    N_("Line Item Totals"), "view-list-bullet-symbolic",
    line_totals, NULL, N_("Add _Line"),
  },
  {
    "income", &ys_income_kind, income_columns, G_N_ELEMENTS (income_columns), income_copy_fields,
    N_("Income"),
    N_("No Income Yet"),
    N_("Income is entered by unit, function classification item and fund source, with last year’s carry-over marked. Add a row and type, or paste rows copied from a spreadsheet."),
    N_("Unit, code or source"), N_("Search Income"),
    N_("_Add Income"), N_("Add Income"),
    N_("Add an income row after the current one, copying its unit, item and source (Ctrl+Enter)"),
    N_("Add First Income Row"),
    N_("Paste Income Rows"), N_("Delete Income Rows"), N_("Delete the selected income rows (Delete)"),
    N_("Income Totals"), "folder-download-symbolic",
    income_totals, income_prepare_draft, N_("Add I_ncome"),
  },
  {
    "procurement", &ys_procurement_kind, procurement_columns, G_N_ELEMENTS (procurement_columns),
    procurement_copy_fields,
    N_("Government Procurement"),
    N_("No Procurement Yet"),
    N_("Goods, works and services bought with budget funds, each with its procurement catalogue code (completed by code or name), quantity and amount, and the share reserved for small and medium enterprises."),
    N_("Unit, item or catalogue code"), N_("Search Procurement"),
    N_("_Add Item"), N_("Add Procurement Item"),
    N_("Add a procurement item after the current one, copying its unit, project and source (Ctrl+Enter)"),
    N_("Add First Procurement Item"),
    N_("Paste Procurement Items"), N_("Delete Procurement Items"),
    N_("Delete the selected procurement items (Delete)"),
    N_("Procurement Totals"), "package-x-generic-symbolic",
    procurement_totals, procurement_prepare_draft, N_("Add Procurement Ite_m"),
  },
  {
    "services", &ys_service_kind, service_columns, G_N_ELEMENTS (service_columns),
    service_copy_fields,
    N_("Purchased Services"),
    N_("No Purchased Services Yet"),
    N_("Services the government buys, with their place in the guiding catalogue (three levels, code and name as the catalogue gives them), content, fund source and amount."),
    N_("Unit, category or content"), N_("Search Purchased Services"),
    N_("_Add Service"), N_("Add Purchased Service"),
    N_("Add a purchased service after the current one, copying its unit, project and categories (Ctrl+Enter)"),
    N_("Add First Purchased Service"),
    N_("Paste Purchased Services"), N_("Delete Purchased Services"),
    N_("Delete the selected purchased services (Delete)"),
    N_("Purchased Service Totals"), "emblem-shared-symbolic",
    service_totals, service_prepare_draft, N_("Add Purchased _Service"),
  },
  {
    "assets", &ys_asset_kind, asset_columns, G_N_ELEMENTS (asset_columns), asset_copy_fields,
    N_("Assets"),
    N_("No Assets Yet"),
    N_("State-owned assets the units hold, by category, with their quantity and value, and what is planned to be purchased this year."),
    N_("Unit, category or name"), N_("Search Assets"),
    N_("_Add Asset"), N_("Add Asset"),
    N_("Add an asset row after the current one, copying its unit and category (Ctrl+Enter)"),
    N_("Add First Asset"),
    N_("Paste Assets"), N_("Delete Assets"), N_("Delete the selected asset rows (Delete)"),
    N_("Asset Totals"), "drive-harddisk-symbolic",
    asset_totals, asset_prepare_draft, N_("Add A_sset"),
  },
  {
    "prior-year", &ys_prior_year_kind, prior_year_columns, G_N_ELEMENTS (prior_year_columns),
    prior_year_copy_fields,
    N_("Prior Year"),
    N_("No Prior-Year Figures Yet"),
    N_("Last year’s budget by unit and classification, for the comparisons of the official tables; the reason for a large change is written beside its figure."),
    N_("Unit, code or entry"), N_("Search Prior-Year Figures"),
    N_("_Add Figure"), N_("Add Prior-Year Figure"),
    N_("Add a prior-year figure after the current one, copying its unit, item and kind (Ctrl+Enter)"),
    N_("Add First Prior-Year Figure"),
    N_("Paste Prior-Year Figures"), N_("Delete Prior-Year Figures"),
    N_("Delete the selected prior-year figures (Delete)"),
    N_("Prior-Year Totals"), "document-open-recent-symbolic",
    prior_year_totals, prior_year_prepare_draft, N_("Add Fi_gure"),
  },
  {
    "controls", &ys_control_kind, control_columns, G_N_ELEMENTS (control_columns), control_copy_fields,
    N_("Control Figures"),
    N_("No Control Figures Yet"),
    N_("The control figures the finance bureau sends down after the first submission, by unit, fund source and basic or project expenditure, or for one project. Each is checked against the line items under it; the header shows what is left to allocate."),
    N_("Unit, source or project"), N_("Search Control Figures"),
    N_("_Add Control Figure"), N_("Add Control Figure"),
    N_("Add a control figure after the current one, copying its unit, source and kind (Ctrl+Enter)"),
    N_("Add First Control Figure"),
    N_("Paste Control Figures"), N_("Delete Control Figures"),
    N_("Delete the selected control figures (Delete)"),
    N_("Control Figure Totals"), "emoji-flags-symbolic",
    control_totals, control_prepare_draft, N_("Add Con_trol Figure"),
  },
};

const YsGridPageKind *
ys_grid_page_kind_find (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (page_kinds); i++)
    if (g_strcmp0 (page_kinds[i].name, name) == 0)
      return &page_kinds[i];
  return NULL;
}
