/* Family 6, completeness and sanity: the project fields a performance form
 * needs, staff numbers behind personnel costs, amounts that are zero or
 * beyond belief, and a budget that leans on 其他 (other) items. */
#include "config.h"

#include "ys-i18n-private.h"
#include <string.h>

#include "ys-kinds.h"
#include "ys-report.h"
#include "ys-ledger.h"
#include "ys-rule.h"

/* 100亿元 on one line is beyond any department budget of a county or city. */
#define ABSURD_FEN (G_GINT64_CONSTANT (10000000000) * 100)

typedef struct
{
  guint field;
  guint alt;   /* says the same in other words: dates for the period, the competent department for the implementing body */
} Required;

/* The project fields a 绩效目标表 header may print, with what says the same
 * in other words (dates for the period). */
static const Required printable[] = {
  { YS_PROJECT_STATUS, YS_PROJECT_STATUS },          /* 项目属性 新增/延续 */
  { YS_PROJECT_RECURRENCE, YS_PROJECT_RECURRENCE },  /* 经常性/一次性 */
  { YS_PROJECT_PERIOD, YS_PROJECT_START_DATE },      /* 项目期 */
  { YS_PROJECT_EXECUTOR, YS_PROJECT_DEPARTMENT },    /* a 实施单位 of the project's own */
};

/* Bit i: printable[i] is printed ({project.<field>…}) by a 绩效目标表 of the
 * budget year in @layout — 安徽 until 2024 新增/延续 and 项目期, from 2025
 * 项目期 alone; 河北 none; 山西 经常性/一次性 and 项目期; national all
 * three. 实施单位 prints the unit on every bundled form, so the project's
 * own is asked for only by a layout that prints it. */
static guint
printed_fields (const YsLayout *layout, int year)
{
  guint mask = 0;

  for (guint t = 0; t < layout->tables->len; t++)
    {
      const YsLayoutTable *table = g_ptr_array_index (layout->tables, t);

      if (table->form == NULL || !ys_layout_table_applies (table, year))
        continue;
      for (guint r = 0; r < table->form->len; r++)
        {
          const YsLayoutFormRow *row = g_ptr_array_index (table->form, r);

          for (guint c = 0; row->cells != NULL && c < row->cells->len; c++)
            {
              const YsLayoutFormCell *cell = g_ptr_array_index (row->cells, c);

              for (guint i = 0; cell->text != NULL && i < G_N_ELEMENTS (printable); i++)
                {
                  g_autofree char *needle = ys_rule_printf ("{project.%s",
                                                            ys_project_kind.fields[printable[i].field].name);
                  const char *hit = strstr (cell->text, needle);
                  char after = hit ? hit[strlen (needle)] : '\0';

                  if (hit != NULL && (after == '}' || after == '|'))
                    mask |= 1u << i;
                }
            }
        }
    }
  return mask;
}

/* The layout is read once per region and year, whichever thread asks. */
static guint
required_fields (YsDocument *doc)
{
  G_LOCK_DEFINE_STATIC (masks);
  static GHashTable *masks;
  const char *region = ys_document_get_meta (doc, "region");
  int year = ys_document_get_year (doc);
  g_autofree char *key = ys_rule_printf ("%s:%d", region ? region : "", year);
  gpointer found;
  guint mask;

  G_LOCK (masks);
  if (masks == NULL)
    masks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  found = g_hash_table_lookup (masks, key);
  G_UNLOCK (masks);
  if (found != NULL)
    return GPOINTER_TO_UINT (found) - 1;

  {
    g_autoptr(YsLayout) layout = ys_report_layout_for_document (doc, NULL);
    /* Without a layout to read, nothing is asked for that no form may print. */
    mask = layout ? printed_fields (layout, year) : 0;
  }
  G_LOCK (masks);
  g_hash_table_replace (masks, g_steal_pointer (&key), GUINT_TO_POINTER (mask + 1));
  G_UNLOCK (masks);
  return mask;
}

static void
check_project_fields (YsRuleContext *ctx, YsRecord *project)
{
  g_autoptr(GString) lacking = g_string_new (NULL);
  YsFindingPlace place = YS_FINDING_PLACE_INIT;
  guint required = required_fields (ys_rule_context_get_document (ctx));
  int first = -1;

  for (guint i = 0; i < G_N_ELEMENTS (printable); i++)
    {
      const YsField *f = &ys_project_kind.fields[printable[i].field];

      if (!(required & (1u << i))
          || !ys_rule_is_blank (ys_rule_text (project, printable[i].field))
          || !ys_rule_is_blank (ys_rule_text (project, printable[i].alt)))
        continue;
      if (lacking->len)
        g_string_append (lacking, "、");
      g_string_append (lacking, _(f->label));
      if (first < 0)
        first = (int) printable[i].field;
    }
  if (lacking->len == 0)
    return;
  place.record = project;
  place.field = first;
  place.facts = lacking->str;
  ys_rule_emit (ctx, &place, _("Project %s %s lacks what its performance form prints: %s"),
                ys_rule_text (project, YS_PROJECT_CODE), ys_rule_text (project, YS_PROJECT_NAME),
                lacking->str);
}

static void
check_staff (YsRuleContext *ctx, YsGroup *unit)
{
  YsRecord *owner = ys_group_get_owner (unit);
  YsMoney personnel = ys_group_get_ledger (unit)->personnel;
  YsFindingPlace place = YS_FINDING_PLACE_INIT;
  g_autofree char *money = NULL;

  if (owner == NULL || ys_rule_int (owner, YS_UNIT_HEADCOUNT) > 0
      || ys_rule_int (owner, YS_UNIT_STAFF) > 0)
    return;
  if (personnel == 0)
    return;
  money = ys_rule_money (personnel);
  place.record = owner;
  place.field = YS_UNIT_HEADCOUNT;
  place.facts = "";
  ys_rule_emit (ctx, &place,
                _("Unit %s budgets %s of 人员经费 but gives neither its authorised staff nor its staff in post"),
                ys_group_get_code (unit), money);
}

static void
check_amount (YsRuleContext *ctx, YsRecord *record, guint field)
{
  YsMoney amount = ys_rule_int (record, field);
  YsFindingPlace place = YS_FINDING_PLACE_INIT;
  g_autofree char *what = NULL;
  g_autofree char *money = NULL;
  g_autofree char *facts = NULL;

  if (amount > 0 && amount < ABSURD_FEN)
    return;
  what = ys_record_describe (record);
  money = ys_rule_money (amount);
  facts = ys_rule_printf ("%" G_GINT64_FORMAT, amount);
  place.record = record;
  place.field = (int) field;
  place.facts = facts;
  if (amount <= 0)
    ys_rule_emit (ctx, &place, _("%s has no amount"), what);
  else
    ys_rule_emit (ctx, &place, _("%s is %s, more than 100亿元 on one line: is the unit (元/万元) right?"),
                  what, money);
}

static void
check_line_amount (YsRuleContext *ctx, YsRecord *line)
{
  check_amount (ctx, line, YS_LINE_AMOUNT);
}

static void
check_income_amount (YsRuleContext *ctx, YsRecord *income)
{
  check_amount (ctx, income, YS_INCOME_AMOUNT);
}

/* 其他 items: a 项 ending in 99 (or in a 款 ending in 99) of the function
 * classification; a 款 ending in 99 or in 399 of the economic one. */
gboolean
ys_rules_is_other_function (const char *code)
{
  gsize len = strlen (code);
  return (len >= 5 && strncmp (code + 3, "99", 2) == 0) || (len == 7 && strcmp (code + 5, "99") == 0);
}

gboolean
ys_rules_is_other_economic (const char *code)
{
  return g_str_has_prefix (code, "399") || (strlen (code) == 5 && strcmp (code + 3, "99") == 0);
}

static void
check_other_share (YsRuleContext *ctx, YsGroup *unit)
{
  const YsLedger *ledger = ys_group_get_ledger (unit);
  YsMoney total = ledger->total, other[2] = { ledger->other_function, ledger->other_economic };

  for (guint c = 0; c < 2; c++)
    {
      YsFindingPlace place = YS_FINDING_PLACE_INIT;
      g_autofree char *facts = NULL, *o = NULL, *t = NULL;
      guint percent;

      /* More than a fifth, and enough money to matter (10万元). */
      if (total == 0 || other[c] * 5 <= total || other[c] < 10000000)
        continue;
      percent = (guint) ((other[c] * 100 + total / 2) / total);
      facts = ys_rule_printf ("%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT, other[c], total);
      o = ys_rule_money (other[c]);
      t = ys_rule_money (total);
      place.unit_code = ys_group_get_code (unit);
      place.suffix = c == 0 ? "function" : "economic";
      place.facts = facts;
      ys_rule_emit (ctx, &place, c == 0
                    ? _("Unit %s: %s (%u%%) of its expenditure of %s is under 其他 function items (xx99)")
                    : _("Unit %s: %s (%u%%) of its expenditure of %s is under 其他 economic items (xxx99)"),
                    ys_group_get_code (unit), o, percent, t);
    }
}

static const YsRule r38 = {
  "R38", YS_FINDING_WARNING,
  N_("Project information incomplete"),
  N_("Fill in what the region’s performance form prints in its header: new or continuing (安徽), recurrence (山西) "
     "and the implementation period"),
  N_("项目支出绩效目标申报表 header as the regions print it (项目属性/存续类型, 项目期, 实施单位)"),
  YS_RULE_SCOPE_RECORD, &ys_project_kind, TRUE,
  { { &ys_project_kind, YS_BIT (YS_PROJECT_STATUS) | YS_BIT (YS_PROJECT_RECURRENCE) | YS_BIT (YS_PROJECT_CATEGORY)
                        | YS_BIT (YS_PROJECT_PERIOD) | YS_BIT (YS_PROJECT_START_DATE) | YS_BIT (YS_PROJECT_EXECUTOR)
                        | YS_BIT (YS_PROJECT_DEPARTMENT) | YS_BIT (YS_PROJECT_NAME) } },
  check_project_fields, NULL,
};

static const YsRule r37 = {
  "R37", YS_FINDING_INFO,
  N_("Staff numbers missing"),
  N_("Enter the unit’s authorised staff (编制人数) and staff in post (实有人数): personnel costs are budgeted from them"),
  N_("基本支出 人员经费 are set from 人员编制 and 实有人数 (定员定额)"),
  YS_RULE_SCOPE_UNIT, NULL, FALSE,
  { { &ys_unit_kind, YS_BIT (YS_UNIT_HEADCOUNT) | YS_BIT (YS_UNIT_STAFF) },
    { &ys_line_kind, YS_BIT (YS_LINE_KIND) | YS_BIT (YS_LINE_AMOUNT) } },
  NULL, check_staff,
};

static const YsRule r41_line = {
  "R41", YS_FINDING_WARNING,
  N_("Amount missing or beyond belief"),
  N_("Enter the amount in 元 (or switch the entry to 万元); delete lines without money"),
  N_("Amounts are in 元 to the 分; a line of zero or of more than 100亿元 is almost always a typing slip"),
  YS_RULE_SCOPE_RECORD, &ys_line_kind, FALSE,
  { { &ys_line_kind, YS_BIT (YS_LINE_AMOUNT) } },
  check_line_amount, NULL,
};

static const YsRule r41_income = {
  "R41", YS_FINDING_WARNING,
  N_("Amount missing or beyond belief"),
  N_("Enter the amount in 元 (or switch the entry to 万元); delete lines without money"),
  N_("Amounts are in 元 to the 分; a line of zero or of more than 100亿元 is almost always a typing slip"),
  YS_RULE_SCOPE_RECORD, &ys_income_kind, FALSE,
  { { &ys_income_kind, YS_BIT (YS_INCOME_AMOUNT) } },
  check_income_amount, NULL,
};

static const YsRule r13 = {
  "R13", YS_FINDING_WARNING,
  N_("Large share of 其他 items"),
  N_("Move spending to the items that describe it; what stays under 其他 needs an explanation"),
  N_("决算审核模板 A0300 (其他 items share); 《政府收支分类科目》: use 其他 only for what no item covers"),
  YS_RULE_SCOPE_UNIT, NULL, FALSE,
  { { &ys_line_kind, YS_BIT (YS_LINE_FUNC_CODE) | YS_BIT (YS_LINE_ECON_CODE) | YS_BIT (YS_LINE_AMOUNT) } },
  NULL, check_other_share,
};

const YsRule *const ys_rules_sanity[] = { &r38, &r37, &r41_line, &r41_income, &r13, NULL };
