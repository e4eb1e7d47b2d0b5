/* A unit's lines added up once and kept up to date line by line (see
 * ys-ledger.h). What a line adds is read from the record once, when it is
 * added, and kept in its entry, since by the time the validator hears of a
 * change the record already holds the new values. */
#include "config.h"

#include <string.h>

#include "ys-kinds.h"
#include "ys-ledger.h"

const char *const ys_ledger_sangong_codes[YS_LEDGER_SANGONG + 1] = {
  "30212", "30217", "30231", "31013", NULL,
};

enum {
  FISCAL = 1 << 0,
  PERSONNEL = 1 << 1,   /* 人员经费 */
  PUBLIC = 1 << 2,      /* 公用经费 */
  PROJECT = 1 << 3,     /* 项目支出 */
  OTHER_FUNCTION = 1 << 4,
  OTHER_ECONOMIC = 1 << 5,
  RUNNING = 1 << 6,     /* 30231 */
  PURCHASE = 1 << 7,    /* 31013 */
  PROCURED = 1 << 8,
  SERVICE = 1 << 9,
};

static const guint class_fields[YS_LEDGER_N_TEXTS] = {
  YS_LINE_FUNC_CODE, YS_LINE_ECON_CODE, YS_LINE_GOV_ECON_CODE, YS_LINE_KIND,
  YS_LINE_PROJECT_CODE, YS_LINE_SOURCE, YS_LINE_SUB_SOURCE,
};

guint
ys_ledger_source_index (const char *source)
{
  for (guint i = 0; ys_fund_sources[i] && i < YS_LEDGER_SOURCES - 1; i++)
    if (strcmp (ys_fund_sources[i], source) == 0)
      return i;
  return YS_LEDGER_SOURCES - 1;
}

void
ys_ledger_line_class (const YsLedgerLine *entry, YsLedgerClass *out)
{
  for (guint i = 0; i < YS_LEDGER_N_TEXTS; i++)
    out->text[i] = ys_rule_text (entry->line, class_fields[i]);
  out->carry_over = ys_rule_int (entry->line, YS_LINE_CARRY_OVER);
}

/* FNV-1a, 64 bits, of the texts (each with its end) and the carry-over mark. */
static guint64
class_hash (const YsLedgerClass *c)
{
  guint64 h = G_GUINT64_CONSTANT (14695981039346656037);

  for (guint i = 0; i < YS_LEDGER_N_TEXTS; i++)
    {
      for (const guchar *p = (const guchar *) c->text[i]; *p; p++)
        h = (h ^ *p) * G_GUINT64_CONSTANT (1099511628211);
      h = (h ^ 0x1f) * G_GUINT64_CONSTANT (1099511628211);
    }
  return (h ^ (guint64) (c->carry_over != 0)) * G_GUINT64_CONSTANT (1099511628211);
}

static void
bucket_free (gpointer data)
{
  YsLedgerBucket *bucket = data;

  if (bucket->lines != bucket->in_place)
    g_free (bucket->lines);
  g_free (bucket);
}

static void
bucket_add (YsLedgerBucket *bucket, YsLedgerLine *e)
{
  if (bucket->n_lines == bucket->n_alloc)
    {
      bucket->n_alloc *= 2;
      if (bucket->lines == bucket->in_place)
        bucket->lines = g_memdup2 (bucket->in_place, bucket->n_alloc * sizeof (YsLedgerLine *));
      else
        bucket->lines = g_renew (YsLedgerLine *, bucket->lines, bucket->n_alloc);
    }
  bucket->lines[bucket->n_lines++] = e;
}

static void
bucket_remove (YsLedgerBucket *bucket, YsLedgerLine *e)
{
  for (guint i = 0; i < bucket->n_lines; i++)
    if (bucket->lines[i] == e)
      {
        bucket->lines[i] = bucket->lines[--bucket->n_lines];
        return;
      }
  g_assert_not_reached ();
}

static YsLedgerBucket *
bucket_new (guint64 hash)
{
  YsLedgerBucket *bucket = g_new (YsLedgerBucket, 1);

  bucket->hash = hash;
  bucket->n_lines = 0;
  bucket->n_alloc = G_N_ELEMENTS (bucket->in_place);
  bucket->lines = bucket->in_place;
  return bucket;
}

YsLedger *
ys_ledger_new (void)
{
  YsLedger *ledger = g_new0 (YsLedger, 1);

  ledger->items = g_array_new (FALSE, FALSE, sizeof (YsLedgerItem));
  ledger->sum_blocks = g_ptr_array_new_with_free_func (g_free);
  /* Keyed by the bucket's own hash, freed with the bucket. */
  ledger->buckets = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, bucket_free);
  ledger->repeated = g_hash_table_new (NULL, NULL);
  ledger->marks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  ledger->unmarked = g_hash_table_new (NULL, NULL);
  ledger->touched = g_hash_table_new (NULL, NULL);
  return ledger;
}

void
ys_ledger_free (YsLedger *ledger)
{
  if (ledger == NULL)
    return;
  g_hash_table_unref (ledger->touched);
  g_hash_table_unref (ledger->unmarked);
  g_hash_table_unref (ledger->marks);
  g_hash_table_unref (ledger->repeated);
  g_hash_table_unref (ledger->buckets);
  g_array_unref (ledger->items);
  g_ptr_array_unref (ledger->sum_blocks);
  g_free (ledger);
}

/* The first eight bytes of @code as a number that sorts as strcmp does. */
static guint64
prefix_of (const char *code)
{
  guint64 prefix = 0;

  for (guint i = 0; i < 8 && code[i]; i++)
    prefix |= (guint64) (guchar) code[i] << (56 - 8 * i);
  return prefix;
}

static int
compare_item (const YsLedgerItem *item, guint64 prefix, const char *code)
{
  if (item->prefix != prefix)
    return item->prefix < prefix ? -1 : 1;
  /* Equal prefixes with a NUL in them are equal codes. */
  if ((prefix & 0xff) == 0)
    return 0;
  return strcmp (item->code, code);
}

/* The sum of @func among the ledger's items, added in its place if new:
 * a unit has a few hundred items at most, each added once. */
static YsMoney *
item_sum (YsLedger *ledger, const char *func)
{
  guint64 prefix = prefix_of (func);
  guint at = 0, end = ledger->items->len;
  YsLedgerItem item;

  while (at < end)
    {
      guint mid = (at + end) / 2;
      int c = compare_item (&g_array_index (ledger->items, YsLedgerItem, mid), prefix, func);

      if (c == 0)
        return g_array_index (ledger->items, YsLedgerItem, mid).sum;
      if (c < 0)
        at = mid + 1;
      else
        end = mid;
    }
  /* Sums side by side, not one allocation each: R43 reads them all on every check. */
  if (ledger->sums_left == 0)
    {
      g_ptr_array_add (ledger->sum_blocks, g_new0 (YsMoney, YS_LEDGER_SUM_BLOCK));
      ledger->sums_left = YS_LEDGER_SUM_BLOCK;
    }
  item.prefix = prefix;
  item.code = func;
  item.sum = (YsMoney *) g_ptr_array_index (ledger->sum_blocks, ledger->sum_blocks->len - 1)
             + (YS_LEDGER_SUM_BLOCK - ledger->sums_left--);
  g_array_insert_val (ledger->items, at, item);
  return item.sum;
}

static int
sangong_index (const char *econ)
{
  for (int i = 0; i < YS_LEDGER_SANGONG; i++)
    if (strcmp (econ, ys_ledger_sangong_codes[i]) == 0)
      return i;
  return -1;
}

/* Adds (sign 1) or takes out (sign -1) what @e adds to the sums. */
static void
count (YsLedger *ledger, const YsLedgerLine *e, int sign)
{
  YsMoney a = sign * e->amount;

  ledger->n_lines += sign;
  ledger->total += a;
  ledger->spent[e->source] += a;
  if (e->flags & OTHER_FUNCTION)
    ledger->other_function += a;
  if (e->flags & OTHER_ECONOMIC)
    ledger->other_economic += a;
  if (e->func_pair >= 0)
    ledger->pair_function[e->func_pair] += a;
  if (e->econ_pair >= 0)
    ledger->pair_economic[e->econ_pair] += a;
  if (e->flags & PROJECT)
    ledger->project += a;
  else
    ledger->basic += a;
  if (e->flags & PERSONNEL)
    {
      ledger->personnel += a;
      if (e->flags & FISCAL)
        ledger->fiscal_personnel += a;
    }
  if ((e->flags & PUBLIC) && (e->flags & FISCAL))
    ledger->fiscal_public += a;
  if (e->sangong >= 0)
    ledger->sangong[e->sangong] += a;
  if (e->flags & RUNNING)
    ledger->vehicle_running += a;
  if (e->flags & PURCHASE)
    ledger->vehicle_purchase += a;
  if (e->item != NULL)
    *e->item += a;
  if (e->marks != NULL)
    for (guint t = 0; t < 2; t++)
      if (e->flags & (t == 0 ? PROCURED : SERVICE))
        {
          e->marks->n[t] += sign;
          e->marks->amount[t] += a;
        }
}

void
ys_ledger_add (YsLedger *ledger, YsLedgerLine *e, YsRecord *line)
{
  YsLedgerClass cls;
  const char *func, *econ, *kind, *source;
  guint64 hash;
  gboolean fiscal;

  for (guint i = 0; i < YS_LEDGER_N_TEXTS; i++)
    cls.text[i] = ys_rule_text (line, class_fields[i]);
  cls.carry_over = ys_rule_int (line, YS_LINE_CARRY_OVER);
  func = cls.text[YS_LEDGER_FUNC];
  econ = cls.text[YS_LEDGER_ECON];
  kind = cls.text[YS_LEDGER_KIND];
  source = cls.text[YS_LEDGER_SOURCE];
  fiscal = ys_fund_source_is_fiscal (source);

  e->line = line;
  e->id = ys_record_get_id (line);
  e->amount = ys_rule_int (line, YS_LINE_AMOUNT);
  e->source = (guint8) ys_ledger_source_index (source);
  e->func_pair = (gint8) ys_rules_pairs_function_side (func, kind);
  e->econ_pair = (gint8) ys_rules_pairs_economic_side (econ, func);
  e->sangong = (gint8) (fiscal ? sangong_index (econ) : -1);
  e->flags = (fiscal ? FISCAL : 0)
             | (strcmp (kind, "人员经费") == 0 ? PERSONNEL : 0)
             | (strcmp (kind, "公用经费") == 0 ? PUBLIC : 0)
             | (strcmp (kind, "项目支出") == 0 ? PROJECT : 0)
             | (ys_rules_is_other_function (func) ? OTHER_FUNCTION : 0)
             | (ys_rules_is_other_economic (econ) ? OTHER_ECONOMIC : 0)
             | (strcmp (econ, "30231") == 0 ? RUNNING : 0)
             | (strcmp (econ, "31013") == 0 ? PURCHASE : 0);

  if (ys_rule_int (line, YS_LINE_PROCUREMENT))
    e->flags |= PROCURED;
  else if (e->amount > 0 && ys_rules_is_equipment (econ))
    g_hash_table_add (ledger->unmarked, e);
  if (ys_rule_int (line, YS_LINE_PURCHASED_SERVICE))
    e->flags |= SERVICE;
  e->marks = NULL;
  if (e->flags & (PROCURED | SERVICE))
    {
      const char *project = cls.text[YS_LEDGER_PROJECT];

      e->marks = g_hash_table_lookup (ledger->marks, project);
      if (e->marks == NULL)
        {
          e->marks = g_new0 (YsLedgerMarks, 1);
          g_hash_table_insert (ledger->marks, g_strdup (project), e->marks);
        }
    }

  e->item = NULL;
  if (strcmp (source, "一般公共预算拨款") == 0)
    {
      e->item = item_sum (ledger, func);
    }

  hash = class_hash (&cls);
  e->bucket = g_hash_table_lookup (ledger->buckets, &hash);
  if (e->bucket == NULL)
    {
      e->bucket = bucket_new (hash);
      g_hash_table_insert (ledger->buckets, &e->bucket->hash, e->bucket);
    }
  bucket_add (e->bucket, e);
  if (e->bucket->n_lines == 2)
    g_hash_table_add (ledger->repeated, e->bucket);
  if (!ledger->quiet)
    g_hash_table_add (ledger->touched, e->bucket);

  count (ledger, e, 1);
}

void
ys_ledger_remove (YsLedger *ledger, YsLedgerLine *e)
{
  YsLedgerBucket *bucket = e->bucket;

  count (ledger, e, -1);
  g_hash_table_remove (ledger->unmarked, e);
  bucket_remove (bucket, e);
  if (bucket->n_lines == 1)
    g_hash_table_remove (ledger->repeated, bucket);
  if (!ledger->quiet)
    g_hash_table_add (ledger->touched, bucket);
  e->bucket = NULL;
}
