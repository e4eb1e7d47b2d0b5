#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "ys-kinds.h"
#include "ys-next-year-private.h"

/* ---- projects ---- */

/* The year a project's period ends: the end date's year, else the last year
 * named in its 实施期限 ("2021年—2023年" → 2023); 0 when neither says. */
static int
end_year (YsRecord *project)
{
  const char *end = ys_record_get_text (project, YS_PROJECT_END_DATE);
  const char *period = ys_record_get_text (project, YS_PROJECT_PERIOD);
  int last = 0;

  if (g_ascii_isdigit (end[0]) && g_ascii_isdigit (end[1]) && g_ascii_isdigit (end[2])
      && g_ascii_isdigit (end[3]))
    return (end[0] - '0') * 1000 + (end[1] - '0') * 100 + (end[2] - '0') * 10 + (end[3] - '0');
  for (const char *p = period; *p; p++)
    if ((p[0] == '1' || p[0] == '2') && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2])
        && g_ascii_isdigit (p[3]) && !g_ascii_isdigit (p[4]) && (p == period || !g_ascii_isdigit (p[-1])))
      last = atoi (p);
  return last;
}

/* Moves a date's leading year by @step when it is @old_year. */
static gboolean
shift_date (YsRecord *project, guint field, int old_year, int step)
{
  const char *date = ys_record_get_text (project, field);
  g_autofree char *year = g_strdup_printf ("%d", old_year);
  g_autofree char *moved = NULL;

  if (!g_str_has_prefix (date, year))
    return date[0] == '\0';
  moved = g_strdup_printf ("%d%s", old_year + step, date + 4);
  ys_record_set_text (project, field, moved);
  return TRUE;
}

/* An annual project (period of the budget year alone) is renewed for the new
 * year; a longer period that has ended needs the accountant's new one. */
static void
renew_period (YsRecord *copy, int old_year, int new_year, YsNextYearReport *report)
{
  const char *period = ys_record_get_text (copy, YS_PROJECT_PERIOD);
  g_autofree char *year = g_strdup_printf ("%d", old_year);
  gboolean annual = period[0] == '\0' || (strstr (period, year) && end_year (copy) == old_year);

  /* A period naming another year too ("2021年—2023年") is a multi-year one. */
  for (const char *p = period; annual && *p; p++)
    if (g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]) && g_ascii_isdigit (p[3])
        && !g_ascii_isdigit (p[4]) && strncmp (p, year, 4) != 0)
      annual = FALSE;
  if (annual && shift_date (copy, YS_PROJECT_START_DATE, old_year, new_year - old_year)
      && shift_date (copy, YS_PROJECT_END_DATE, old_year, new_year - old_year))
    {
      g_autoptr(GString) moved = g_string_new (period);
      g_autofree char *to = g_strdup_printf ("%d", new_year);

      g_string_replace (moved, year, to, 0);
      ys_record_set_text (copy, YS_PROJECT_PERIOD, moved->str);
      return;
    }
  g_ptr_array_add (report->warnings,
                   g_strdup_printf (_("Project %s (%s): the implementation period “%s” has ended; give the new one"),
                                    ys_record_get_text (copy, YS_PROJECT_CODE),
                                    ys_record_get_text (copy, YS_PROJECT_NAME),
                                    period[0] ? period : ys_record_get_text (copy, YS_PROJECT_END_DATE)));
}

/* The rule (docs/season.md): a project is left out only when it has ended and
 * was new (新增) or one-off (一次性) this year. It has ended when it is not
 * recurring (经常性) and its period ends before the new year, or, with no
 * period given, when it is one-off. Everything else goes on, as 延续: leaving
 * out a project that goes on costs the accountant its indicators. */
static gboolean
decide (YsRecord *project, int new_year, char **reason)
{
  const char *status = ys_record_get_text (project, YS_PROJECT_STATUS);
  const char *recurrence = ys_record_get_text (project, YS_PROJECT_RECURRENCE);
  gboolean recurring = g_str_equal (recurrence, "经常性");
  gboolean one_off = g_str_equal (recurrence, "一次性");
  int end = end_year (project);
  gboolean ended = !recurring && (end > 0 ? end < new_year : one_off);

  if (end >= new_year)
    *reason = g_strdup_printf (_("its implementation period runs until %d"), end);
  else if (ended && one_off)
    *reason = g_strdup (_("one-off (一次性) and its implementation period has ended"));
  else if (ended && g_str_equal (status, "新增"))
    *reason = g_strdup_printf (_("new (新增) and its implementation period ended in %d"), end);
  else if (recurring)
    *reason = g_strdup (_("recurring (经常性)"));
  else if (g_str_equal (status, "延续"))
    *reason = g_strdup (_("continuing (延续)"));
  else
    *reason = g_strdup (_("neither new/continuing nor recurring/one-off is given; carried as continuing, check it"));
  return !(ended && (one_off || g_str_equal (status, "新增")));
}

GPtrArray *
ys_next_year_plan_projects (YsDocument *old, int new_year, YsNextYearReport *report)
{
  static const guint annual[] = { YS_PROJECT_ANNUAL_CENTRAL, YS_PROJECT_ANNUAL_PROVINCIAL,
                                  YS_PROJECT_ANNUAL_LOCAL, YS_PROJECT_ANNUAL_SELF, YS_PROJECT_ANNUAL_OTHER };
  GPtrArray *copies = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = ys_document_count (old, &ys_project_kind);

  for (guint i = 0; i < n; i++)
    {
      YsRecord *project = ys_document_get (old, &ys_project_kind, i);
      YsNextYearProject *p = g_new0 (YsNextYearProject, 1);
      YsRecord *copy;

      p->code = g_strdup (ys_record_get_text (project, YS_PROJECT_CODE));
      p->name = g_strdup (ys_record_get_text (project, YS_PROJECT_NAME));
      p->carried = decide (project, new_year, &p->reason);
      g_ptr_array_add (report->projects, p);
      if (!p->carried)
        continue;

      copy = ys_record_copy (project);
      ys_record_set_text (copy, YS_PROJECT_STATUS, "延续");
      /* This year's annual funds are not next year's; the lines will say. */
      for (guint a = 0; a < G_N_ELEMENTS (annual); a++)
        ys_record_set_int (copy, annual[a], 0);
      if (end_year (project) > 0 && end_year (project) < new_year)
        renew_period (copy, ys_document_get_year (old), new_year, report);
      g_ptr_array_add (copies, copy);
    }
  return copies;
}

/* ---- 上年数 ---- */

typedef struct {
  char   *unit, *func, *econ, *kind, *source;
  YsMoney amount;
} Sum;

static void
sum_free (Sum *s)
{
  g_free (s->unit);
  g_free (s->func);
  g_free (s->econ);
  g_free (s->kind);
  g_free (s->source);
  g_free (s);
}

typedef struct {
  GPtrArray  *sums;   /* Sum, in first-seen order */
  GHashTable *index;  /* key → Sum */
} Sums;

static void
sums_add (Sums *sums, const char *unit, const char *func, const char *econ, const char *kind,
          const char *source, YsMoney amount)
{
  g_autofree char *key = g_strjoin ("\x1f", unit, func, econ, kind, source, NULL);
  Sum *s = g_hash_table_lookup (sums->index, key);

  if (s == NULL)
    {
      s = g_new0 (Sum, 1);
      s->unit = g_strdup (unit);
      s->func = g_strdup (func);
      s->econ = g_strdup (econ);
      s->kind = g_strdup (kind);
      s->source = g_strdup (source);
      g_ptr_array_add (sums->sums, s);
      g_hash_table_insert (sums->index, g_steal_pointer (&key), s);
    }
  s->amount += amount;
}

static const char *
mapped (GHashTable *map, const char *code)
{
  const char *to = map && code[0] ? g_hash_table_lookup (map, code) : NULL;
  return to ? to : code;
}

/* Income is compared by fund source and, where every income of the source
 * names one, by 功能分类: a record with an empty code would also match the
 * incomes that have one, and count them twice. */
static GHashTable *
sources_without_code (YsDocument *old)
{
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = ys_document_count (old, &ys_income_kind);

  for (guint i = 0; i < n; i++)
    {
      YsRecord *r = ys_document_get (old, &ys_income_kind, i);
      if (ys_record_get_text (r, YS_INCOME_FUNC_CODE)[0] == '\0')
        g_hash_table_add (set, g_strjoin ("\x1f", ys_record_get_text (r, YS_INCOME_UNIT_CODE),
                                          ys_record_get_text (r, YS_INCOME_SOURCE), NULL));
    }
  return set;
}

/* The amount of this year's figures under each code, to report missing ones. */
static void
count_code (GHashTable *amounts, const char *code, YsMoney amount)
{
  YsMoney *sum;

  if (code[0] == '\0')
    return;
  sum = g_hash_table_lookup (amounts, code);
  if (sum == NULL)
    g_hash_table_insert (amounts, g_strdup (code), sum = g_new0 (YsMoney, 1));
  *sum += amount;
}

static void
collect (YsDocument *old, GHashTable *map, Sums *sums, GHashTable *old_amounts)
{
  g_autoptr(GHashTable) uncoded = sources_without_code (old);
  g_autoptr(GHashTable) income_amounts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  guint n = ys_document_count (old, &ys_line_kind);
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < n; i++)
    {
      YsRecord *r = ys_document_get (old, &ys_line_kind, i);
      const char *func = ys_record_get_text (r, YS_LINE_FUNC_CODE);
      const char *econ = ys_record_get_text (r, YS_LINE_ECON_CODE);
      YsMoney amount = ys_record_get_int (r, YS_LINE_AMOUNT);

      sums_add (sums, ys_record_get_text (r, YS_LINE_UNIT_CODE), mapped (map, func), mapped (map, econ),
                ys_record_get_text (r, YS_LINE_KIND), ys_record_get_text (r, YS_LINE_SOURCE), amount);
      count_code (old_amounts, func, amount);
      count_code (old_amounts, econ, amount);
    }
  n = ys_document_count (old, &ys_income_kind);
  for (guint i = 0; i < n; i++)
    {
      YsRecord *r = ys_document_get (old, &ys_income_kind, i);
      const char *unit = ys_record_get_text (r, YS_INCOME_UNIT_CODE);
      const char *source = ys_record_get_text (r, YS_INCOME_SOURCE);
      g_autofree char *key = g_strjoin ("\x1f", unit, source, NULL);
      const char *func = g_hash_table_contains (uncoded, key) ? "" : ys_record_get_text (r, YS_INCOME_FUNC_CODE);

      YsMoney amount = ys_record_get_int (r, YS_INCOME_AMOUNT);

      sums_add (sums, unit, mapped (map, func), "", "收入", source, amount);
      count_code (income_amounts, func, amount);
    }
  /* A code is reported with its expenditure; one only income uses, with that income. */
  g_hash_table_iter_init (&iter, income_amounts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (old_amounts, key))
      count_code (old_amounts, key, *(YsMoney *) value);
}

static int
compare_missing (gconstpointer a, gconstpointer b)
{
  const YsNextYearCode *x = *(YsNextYearCode *const *) a, *y = *(YsNextYearCode *const *) b;
  return strcmp (x->code, y->code);
}

/* Codes of this year's figures that the new year's catalogs lack. */
static void
find_missing (YsDocument *old, YsDocument *new_doc, GHashTable *map, GHashTable *old_amounts,
              YsNextYearReport *report)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, old_amounts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *code = key;
      YsCatalogKind kind = strlen (code) == 7 ? YS_CATALOG_FUNCTION : YS_CATALOG_ECONOMIC_DEPT;
      const YsCatalogEntry *was;
      YsNextYearCode *m;

      if (ys_catalog_lookup (ys_document_get_catalog (new_doc, kind), code) != NULL)
        continue;
      was = ys_catalog_lookup (ys_document_get_catalog (old, kind), code);
      m = g_new0 (YsNextYearCode, 1);
      m->code = g_strdup (code);
      m->catalog = kind;
      m->name = g_strdup (was ? was->name : "");
      m->mapped_to = map ? g_strdup (g_hash_table_lookup (map, code)) : NULL;
      m->amount = *(YsMoney *) value;
      g_ptr_array_add (report->missing, m);
    }
  g_ptr_array_sort (report->missing, compare_missing);
}

static void
check_map (YsDocument *new_doc, GHashTable *map, GHashTable *old_amounts, YsNextYearReport *report)
{
  GHashTableIter iter;
  gpointer key, value;

  if (map == NULL)
    return;
  g_hash_table_iter_init (&iter, map);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      YsCatalogKind kind = strlen (key) == 7 ? YS_CATALOG_FUNCTION : YS_CATALOG_ECONOMIC_DEPT;

      if (!g_hash_table_contains (old_amounts, key))
        g_ptr_array_add (report->warnings,
                         g_strdup_printf (_("The mapping %s=%s was not used: this year’s figures have no code %s"),
                                          (char *) key, (char *) value, (char *) key));
      if (ys_catalog_lookup (ys_document_get_catalog (new_doc, kind), value) == NULL)
        g_ptr_array_add (report->warnings,
                         g_strdup_printf (_("The new code %s given for %s is not in the %d catalog either"),
                                          (char *) value, (char *) key, report->new_catalog_year));
    }
}

GPtrArray *
ys_next_year_plan_prior (YsDocument *old, YsDocument *new_doc, GHashTable *map, YsNextYearReport *report)
{
  GPtrArray *records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) old_amounts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  Sums sums = { g_ptr_array_new_with_free_func ((GDestroyNotify) sum_free),
                g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL) };

  collect (old, map, &sums, old_amounts);
  find_missing (old, new_doc, map, old_amounts, report);
  check_map (new_doc, map, old_amounts, report);

  for (guint i = 0; i < report->missing->len; i++)
    {
      YsNextYearCode *m = g_ptr_array_index (report->missing, i);
      g_autofree char *amount = ys_money_format (m->amount, YS_MONEY_YUAN, TRUE);

      if (m->mapped_to == NULL)
        g_ptr_array_add (report->warnings,
                         g_strdup_printf (_("%s %s %s is not in the %d catalog: its %s 元 of this year stay under the old code"),
                                          ys_catalog_kind_get_title (m->catalog), m->code, m->name,
                                          report->new_catalog_year, amount));
    }

  for (guint i = 0; i < sums.sums->len; i++)
    {
      Sum *s = g_ptr_array_index (sums.sums, i);
      YsRecord *r = ys_record_new (&ys_prior_year_kind);

      ys_record_set_text (r, YS_PRIOR_YEAR_UNIT_CODE, s->unit);
      ys_record_set_text (r, YS_PRIOR_YEAR_FUNC_CODE, s->func);
      ys_record_set_text (r, YS_PRIOR_YEAR_ECON_CODE, s->econ);
      ys_record_set_text (r, YS_PRIOR_YEAR_KIND, s->kind);
      ys_record_set_text (r, YS_PRIOR_YEAR_SOURCE, s->source);
      ys_record_set_int (r, YS_PRIOR_YEAR_AMOUNT, s->amount);
      if (g_str_equal (s->kind, "收入"))
        report->prior_income += s->amount;
      else
        report->prior_expense += s->amount;
      g_ptr_array_add (records, r);
    }
  g_ptr_array_unref (sums.sums);
  g_hash_table_unref (sums.index);
  return records;
}
