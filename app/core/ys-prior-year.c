#include "config.h"

#include <glib/gi18n-lib.h>

#include "ys-prior-year.h"

/* 基本支出 for a budget whose last year is known only as a whole (人员经费 and
 * 公用经费 together). */
static const char *const kind_choices[] = { "人员经费", "公用经费", "项目支出", "收入", "基本支出", NULL };

static const YsField fields[] = {
  { "unit_code", N_("unit code"), YS_FIELD_CODE, YS_FIELD_REQUIRED, NULL, 0, "unit" },
  { "func_code", N_("function classification code"), YS_FIELD_CODE, 0, NULL, 7, NULL },
  { "econ_code", N_("economic classification code"), YS_FIELD_CODE, 0, NULL, 5, NULL },
  { "kind", N_("expenditure kind"), YS_FIELD_CHOICE, 0, kind_choices, 0, NULL },
  { "source", N_("fund source"), YS_FIELD_CHOICE, 0, ys_fund_sources, 0, NULL },
  { "item", N_("entry"), YS_FIELD_TEXT, 0, NULL, 0, NULL },
  { "amount", N_("amount"), YS_FIELD_MONEY, YS_FIELD_NEGATIVE_OK, NULL, 0, NULL },
  { "reason", N_("reason for the change"), YS_FIELD_TEXT, 0, NULL, 0, NULL },
};

G_STATIC_ASSERT (G_N_ELEMENTS (fields) == YS_PRIOR_YEAR_N_FIELDS);

const YsKind ys_prior_year_kind = {
  "prior_year", "prior_year", "prior_year.csv", N_("prior-year figure"),
  fields, G_N_ELEMENTS (fields), -1,
};

YS_DEFINE_RECORD (YsPriorYear, ys_prior_year, &ys_prior_year_kind)

/* A tenth of last year's figure and at least 1万元. */
#define BIG_SHARE 10
#define BIG_FEN   1000000

gboolean
ys_prior_year_needs_reason (YsMoney last, YsMoney now, gboolean sangong)
{
  YsMoney change = now - last;
  YsMoney size = change < 0 ? -change : change;

  if (sangong && change > 0)
    return TRUE;
  return size >= BIG_FEN && (last <= 0 || size * BIG_SHARE >= last);
}
