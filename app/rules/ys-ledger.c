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
  /* Only in a YsLedgerCode: */
  EQUIPMENT = 1 << 10,
  GENERAL = 1 << 11,    /* 一般公共预算拨款 */
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

static void read_class (YsRecord *line, YsLedgerClass *cls);

void
ys_ledger_line_class (const YsLedgerLine *entry, YsLedgerClass *out)
{
  read_class (entry->line, out);
}

/* A 64-bit hash of a classification: the interned texts by their address
 * (the empty text as 0, since an unset field reads as a literal ""), the
 * sub-source (free text) by its bytes, FNV-1a style, then mixed so that
 * its top bits, which place it in the ledger's table, vary. Never 0. */
static guint64
class_hash (const YsLedgerClass *c)
{
  guint64 h = G_GUINT64_CONSTANT (14695981039346656037);

  for (guint i = 0; i < YS_LEDGER_N_TEXTS; i++)
    {
      const char *text = c->text[i];

      if (i == YS_LEDGER_SUB)
        for (const guchar *p = (const guchar *) text; *p; p++)
          h = (h ^ *p) * G_GUINT64_CONSTANT (1099511628211);
      else
        h = (h ^ (text[0] ? (guint64) (guintptr) text : 0)) * G_GUINT64_CONSTANT (1099511628211);
      h = (h ^ 0x1f) * G_GUINT64_CONSTANT (1099511628211);
    }
  h = (h ^ (guint64) (c->carry_over != 0)) * G_GUINT64_CONSTANT (1099511628211);
  h ^= h >> 29;
  return h != 0 ? h : 1;
}

static void
bucket_block_free (gpointer data)
{
  YsLedgerBucket *block = data;

  for (guint i = 0; i < YS_LEDGER_BUCKET_BLOCK; i++)
    if (block[i].lines != block[i].in_place)
      g_free (block[i].lines);
  g_free (block);
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

/* Buckets stay until the ledger goes (findings are kept under them), so
 * they are carved from blocks instead of allocated one by one. */
static YsLedgerBucket *
bucket_new (YsLedger *ledger, guint64 hash)
{
  YsLedgerBucket *bucket;

  if (ledger->buckets_left == 0)
    {
      YsLedgerBucket *block = g_new (YsLedgerBucket, YS_LEDGER_BUCKET_BLOCK);

      /* Unused ones are freed with the block: nothing of theirs to free. */
      for (guint i = 0; i < YS_LEDGER_BUCKET_BLOCK; i++)
        block[i].lines = block[i].in_place;
      g_ptr_array_add (ledger->bucket_blocks, block);
      ledger->buckets_left = YS_LEDGER_BUCKET_BLOCK;
    }
  bucket = (YsLedgerBucket *) g_ptr_array_index (ledger->bucket_blocks, ledger->bucket_blocks->len - 1)
           + (YS_LEDGER_BUCKET_BLOCK - ledger->buckets_left--);

  bucket->hash = hash;
  bucket->n_lines = 0;
  bucket->n_alloc = G_N_ELEMENTS (bucket->in_place);
  bucket->lines = bucket->in_place;
  return bucket;
}

static int
sangong_index (const char *econ)
{
  for (int i = 0; i < YS_LEDGER_SANGONG; i++)
    if (strcmp (econ, ys_ledger_sangong_codes[i]) == 0)
      return i;
  return -1;
}

YsLedgerCode *
ys_ledger_codes_new (void)
{
  return g_new0 (YsLedgerCode, 1 << YS_LEDGER_CODES_BITS);
}

/* What @text means in every place it can stand; see YsLedgerCode. A copy:
 * the next text looked up may take the same slot. */
static YsLedgerCode
code_of (YsLedgerCode *codes, const char *text)
{
  guint slot = (guint) (((guint64) (guintptr) text * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15))
                        >> (64 - YS_LEDGER_CODES_BITS));
  YsLedgerCode *c = &codes[slot];

  if (c->text == text)
    return *c;
  c->text = text;
  c->func_pair = (gint8) ys_rules_pairs_function_side (text, "");
  c->func_pair_personnel = (gint8) ys_rules_pairs_function_side (text, "人员经费");
  c->econ_pair = (gint8) ys_rules_pairs_economic_side (text, "");
  c->sangong = (gint8) sangong_index (text);
  c->source = (guint8) ys_ledger_source_index (text);
  c->flags = (ys_fund_source_is_fiscal (text) ? FISCAL : 0)
             | (strcmp (text, "人员经费") == 0 ? PERSONNEL : 0)
             | (strcmp (text, "公用经费") == 0 ? PUBLIC : 0)
             | (strcmp (text, "项目支出") == 0 ? PROJECT : 0)
             | (ys_rules_is_other_function (text) ? OTHER_FUNCTION : 0)
             | (ys_rules_is_other_economic (text) ? OTHER_ECONOMIC : 0)
             | (strcmp (text, "30231") == 0 ? RUNNING : 0)
             | (strcmp (text, "31013") == 0 ? PURCHASE : 0)
             | (ys_rules_is_equipment (text) ? EQUIPMENT : 0)
             | (strcmp (text, "一般公共预算拨款") == 0 ? GENERAL : 0);
  return *c;
}

gboolean
ys_ledger_is_fiscal (YsLedgerCode *codes, const char *source)
{
  return (code_of (codes, source).flags & FISCAL) != 0;
}

YsLedger *
ys_ledger_new (YsLedgerCode *codes)
{
  YsLedger *ledger = g_new0 (YsLedger, 1);

  ledger->codes = codes;
  ledger->items = g_array_new (FALSE, FALSE, sizeof (YsLedgerItem));
  ledger->sum_blocks = g_ptr_array_new_with_free_func (g_free);
  /* Room for a unit of a few hundred lines before the tables grow. */
  ys_key_map_init (&ledger->item_sums, 128);
  ys_key_map_init (&ledger->buckets, 256);
  ledger->bucket_blocks = g_ptr_array_new_with_free_func (bucket_block_free);
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
  ys_key_map_clear (&ledger->buckets);
  g_ptr_array_unref (ledger->bucket_blocks);
  ys_key_map_clear (&ledger->item_sums);
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
  YsMoney *known = ys_key_map_lookup (&ledger->item_sums, ys_key_map_pointer (func));
  guint64 prefix;
  guint at = 0, end = ledger->items->len;
  YsLedgerItem item;

  if (known != NULL)
    return known;
  prefix = prefix_of (func);

  while (at < end)
    {
      guint mid = (at + end) / 2;
      int c = compare_item (&g_array_index (ledger->items, YsLedgerItem, mid), prefix, func);

      if (c == 0)
        {
          /* The same code at another address: an empty one read as a literal "". */
          YsMoney *sum = g_array_index (ledger->items, YsLedgerItem, mid).sum;

          ys_key_map_insert (&ledger->item_sums, ys_key_map_pointer (func), sum);
          return sum;
        }
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
  ys_key_map_insert (&ledger->item_sums, ys_key_map_pointer (func), item.sum);
  return item.sum;
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

static void
read_class (YsRecord *line, YsLedgerClass *cls)
{
  for (guint i = 0; i < YS_LEDGER_N_TEXTS; i++)
    cls->text[i] = ys_rule_text (line, class_fields[i]);
  cls->carry_over = ys_rule_int (line, YS_LINE_CARRY_OVER);
}

void
ys_ledger_prefetch (const YsLedger *ledger, YsRecord *line)
{
  YsLedgerClass cls;

  read_class (line, &cls);
  ys_key_map_prefetch (&ledger->buckets, class_hash (&cls));
  ys_key_map_prefetch (&ledger->item_sums, ys_key_map_pointer (cls.text[YS_LEDGER_FUNC]));
  /* Where a new bucket would go (most lines make one), and the sums. */
  if (ledger->buckets_left > 0)
    __builtin_prefetch ((YsLedgerBucket *) g_ptr_array_index (ledger->bucket_blocks, ledger->bucket_blocks->len - 1)
                        + (YS_LEDGER_BUCKET_BLOCK - ledger->buckets_left), 1);
  for (gsize at = 64; at < sizeof *ledger; at += 64)
    __builtin_prefetch ((const char *) ledger + at, 1);
}

void
ys_ledger_add (YsLedger *ledger, YsLedgerLine *e, YsRecord *line)
{
  YsLedgerClass cls;
  YsLedgerCode func, econ, kind, source;
  guint64 hash;

  read_class (line, &cls);
  func = code_of (ledger->codes, cls.text[YS_LEDGER_FUNC]);
  econ = code_of (ledger->codes, cls.text[YS_LEDGER_ECON]);
  kind = code_of (ledger->codes, cls.text[YS_LEDGER_KIND]);
  source = code_of (ledger->codes, cls.text[YS_LEDGER_SOURCE]);

  e->line = line;
  e->id = ys_record_get_id (line);
  e->amount = ys_rule_int (line, YS_LINE_AMOUNT);
  e->source = source.source;
  e->func_pair = kind.flags & PERSONNEL ? func.func_pair_personnel : func.func_pair;
  /* A side that depends on the function code too: a few codes only. */
  e->econ_pair = econ.econ_pair < 0 ? -1
                 : (gint8) ys_rules_pairs_economic_side (cls.text[YS_LEDGER_ECON], cls.text[YS_LEDGER_FUNC]);
  e->sangong = source.flags & FISCAL ? econ.sangong : -1;
  e->flags = (source.flags & FISCAL)
             | (kind.flags & (PERSONNEL | PUBLIC | PROJECT))
             | (func.flags & OTHER_FUNCTION)
             | (econ.flags & (OTHER_ECONOMIC | RUNNING | PURCHASE));

  if (ys_rule_int (line, YS_LINE_PROCUREMENT))
    e->flags |= PROCURED;
  else if (e->amount > 0 && (econ.flags & EQUIPMENT))
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

  e->item = source.flags & GENERAL ? item_sum (ledger, cls.text[YS_LEDGER_FUNC]) : NULL;

  hash = class_hash (&cls);
  e->bucket = ys_key_map_lookup (&ledger->buckets, hash);
  if (e->bucket == NULL)
    {
      e->bucket = bucket_new (ledger, hash);
      ys_key_map_insert (&ledger->buckets, hash, e->bucket);
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
