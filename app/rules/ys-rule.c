/* The context rules run in, how they report, and the small helpers several
 * families need. */
#include "config.h"

#include "ys-i18n-private.h"
#include <string.h>

#include "ys-finding-private.h"
#include "ys-kinds.h"
#include "ys-rule-format.h"
#include "ys-validator-private.h"

const YsRule *const *
ys_rules_all (void)
{
  static gsize once = 0;
  static const YsRule **all = NULL;

  if (g_once_init_enter (&once))
    {
      const YsRule *const *families[] = {
        ys_rules_codes, ys_rules_kind, ys_rules_pairs,
        ys_rules_balance, ys_rules_procurement, ys_rules_derived,
        ys_rules_goals, ys_rules_goals_project,
        ys_rules_duplicates, ys_rules_prior, ys_rules_explain, ys_rules_sanity,
        ys_rules_control,
      };
      GPtrArray *rules = g_ptr_array_new ();

      for (guint f = 0; f < G_N_ELEMENTS (families); f++)
        for (guint i = 0; families[f][i]; i++)
          g_ptr_array_add (rules, (gpointer) families[f][i]);
      g_ptr_array_add (rules, NULL);
      all = (const YsRule **) g_ptr_array_free (rules, FALSE);
      g_once_init_leave (&once, 1);
    }
  return (const YsRule *const *) all;
}

/* ---- groups ---- */

const char *
ys_group_get_code (YsGroup *group)
{
  return group->code;
}

YsRecord *
ys_group_get_owner (YsGroup *group)
{
  const YsKind *kind = group->scope == YS_RULE_SCOPE_UNIT ? &ys_unit_kind : &ys_project_kind;
  GPtrArray *own = group->members[ys_kinds_index (kind)];

  return own->len > 0 ? g_ptr_array_index (own, 0) : NULL;
}

const YsLedger *
ys_group_get_ledger (YsGroup *group)
{
  return group->ledger;
}

GPtrArray *
ys_group_get_records (YsGroup *group, const YsKind *kind)
{
  return group->members[ys_kinds_index (kind)];
}

YsMoney
ys_group_get_spent (YsGroup *group)
{
  return group->spent;
}

YsMoney
ys_group_get_fiscal (YsGroup *group)
{
  return group->fiscal;
}

static int
compare_ids (gconstpointer a, gconstpointer b)
{
  gint64 ia = ys_record_get_id (*(YsRecord **) a);
  gint64 ib = ys_record_get_id (*(YsRecord **) b);

  return ia < ib ? -1 : ia > ib;
}

GPtrArray *
ys_group_sorted (YsGroup *group, const YsKind *kind)
{
  GPtrArray *src = ys_group_get_records (group, kind);
  GPtrArray *copy = g_ptr_array_copy (src, NULL, NULL);

  g_ptr_array_sort (copy, compare_ids);
  return copy;
}

/* ---- context ---- */

void
ys_rule_context_init (YsRuleContext *ctx, YsDocument *doc, GPtrArray *out)
{
  memset (ctx, 0, sizeof *ctx);
  ctx->doc = doc;
  ctx->out = out;
}

static void
clear_shared (YsRuleContext *ctx)
{
  if (ctx->shared_destroy && ctx->shared_data)
    ctx->shared_destroy (ctx->shared_data);
  ctx->shared_data = NULL;
  ctx->shared_group = NULL;
  ctx->shared_key = NULL;
}

void
ys_rule_context_clear (YsRuleContext *ctx)
{
  clear_shared (ctx);
  for (guint i = 0; i < G_N_ELEMENTS (ctx->memo); i++)
    g_clear_pointer (&ctx->memo[i], g_free);
}

/* The slot of @code in memo @which: a line's codes are looked up by several
 * rules, and most codes by thousands of lines. */
static YsRuleMemo *
memo_slot (YsRuleContext *ctx, guint which, const char *code)
{
  guint slot = (guint) (((guint64) (guintptr) code * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15))
                        >> (64 - YS_RULE_MEMO_BITS));

  if (ctx->memo[which] == NULL)
    ctx->memo[which] = g_new0 (YsRuleMemo, 1 << YS_RULE_MEMO_BITS);
  return &ctx->memo[which][slot];
}

gpointer
ys_rule_context_share (YsRuleContext *ctx, YsGroup *group, const char *key,
                       gpointer (*build) (YsGroup *group), GDestroyNotify destroy)
{
  if (ctx->shared_group != group || ctx->shared_key != key)
    {
      clear_shared (ctx);
      ctx->shared_group = group;
      ctx->shared_key = key;
      ctx->shared_data = build (group);
      ctx->shared_destroy = destroy;
    }
  return ctx->shared_data;
}

GPtrArray *
ys_rule_context_buckets (YsRuleContext *ctx, YsGroup *unit)
{
  GHashTable *repeated = unit->ledger->repeated;
  GPtrArray *out = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, ctx->touched ? ctx->touched : repeated);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (ctx->touched == NULL || g_hash_table_contains (repeated, key))
      g_ptr_array_add (out, key);
  return out;
}

void
ys_rule_context_set_bucket (YsRuleContext *ctx, gconstpointer bucket)
{
  ctx->owner = (gpointer) bucket;
}

YsDocument *
ys_rule_context_get_document (YsRuleContext *ctx)
{
  return ctx->doc;
}

YsCatalog *
ys_rule_context_get_catalog (YsRuleContext *ctx, YsCatalogKind kind)
{
  /* The document may drop and reload its catalogs (a new catalog year, an
   * import); within one check the first answer is kept. */
  if (ctx->catalogs[kind] == NULL)
    ctx->catalogs[kind] = ys_document_get_catalog (ctx->doc, kind);
  return ctx->catalogs[kind];
}

int
ys_rule_context_get_catalog_year (YsRuleContext *ctx)
{
  if (ctx->catalog_year == 0)
    ctx->catalog_year = ys_document_get_catalog_year (ctx->doc);
  return ctx->catalog_year;
}

const char *
ys_rule_context_get_framework (YsRuleContext *ctx)
{
  return ys_document_get_meta (ctx->doc, "framework");
}

YsRecord *
ys_rule_context_get_unit (YsRuleContext *ctx, const char *code)
{
  YsRuleMemo *memo;

  if (code == NULL)
    return NULL;
  memo = memo_slot (ctx, YS_RULE_MEMO_UNIT, code);
  if (memo->code != code)
    {
      memo->code = code;
      memo->value = ys_document_lookup_key (ctx->doc, &ys_unit_kind, code);
    }
  return (YsRecord *) memo->value;
}

const YsCatalogEntry *
ys_rule_catalog_entry (YsRuleContext *ctx, YsCatalogKind kind, const char *code)
{
  YsRuleMemo *memo;

  if (code == NULL)
    return NULL;
  memo = memo_slot (ctx, kind, code);
  if (memo->code != code)
    {
      memo->code = code;
      memo->value = ys_catalog_lookup (ys_rule_context_get_catalog (ctx, kind), code);
    }
  return memo->value;
}

YsRecord *
ys_rule_context_get_project (YsRuleContext *ctx, const char *code)
{
  return ys_document_lookup_key (ctx->doc, &ys_project_kind, code);
}

const char *
ys_rule_record_unit (YsRecord *record)
{
  const YsKind *kind = ys_record_get_kind (record);
  int field;

  if (kind == &ys_unit_kind)
    return ys_rule_text (record, YS_UNIT_CODE);
  field = ys_kind_find_field (kind, "unit_code");
  if (field >= 0)
    return ys_rule_text (record, field);
  return "";
}

/* A record id in decimal, as %" G_GINT64_FORMAT " writes it. */
static void
append_id (GString *key, gint64 id)
{
  char digits[24];
  guint n = 0;
  guint64 v = id < 0 ? -(guint64) id : (guint64) id;

  do
    digits[n++] = (char) ('0' + v % 10);
  while ((v /= 10) != 0);
  if (id < 0)
    g_string_append_c (key, '-');
  while (n > 0)
    g_string_append_c (key, digits[--n]);
}

static char *
make_key (const YsRule *rule, YsRecord *record, const char *unit_code, const char *suffix)
{
  GString *key = g_string_sized_new (48);

  g_string_append (key, rule->id);
  if (record != NULL)
    {
      const YsKind *kind = ys_record_get_kind (record);

      g_string_append_c (key, ':');
      g_string_append (key, kind->name);
      g_string_append_c (key, ':');
      if (kind->key_field >= 0)
        g_string_append (key, ys_rule_text (record, kind->key_field));
      else
        append_id (key, ys_record_get_id (record));
    }
  else
    {
      g_string_append (key, ":unit:");
      g_string_append (key, unit_code);
    }
  if (suffix != NULL && suffix[0] != '\0')
    {
      g_string_append_c (key, ':');
      g_string_append (key, suffix);
    }
  return g_string_free (key, FALSE);
}

/* FNV-1a, 64 bits, as 16 hex digits: it only has to tell whether the figures
 * behind a finding moved, and is the same on every machine and in every
 * version, since digests are stored with reviews. */
static char *
digest (const char *facts)
{
  static const char hex[] = "0123456789abcdef";
  guint64 h = G_GUINT64_CONSTANT (14695981039346656037);
  char *out = g_malloc (17);

  for (const guchar *p = (const guchar *) facts; *p; p++)
    {
      h ^= *p;
      h *= G_GUINT64_CONSTANT (1099511628211);
    }
  /* %016x, without printf: one per finding. */
  for (int i = 15; i >= 0; i--, h >>= 4)
    out[i] = hex[h & 0xf];
  out[16] = '\0';
  return out;
}

/* @code interned, found by its address and checked by its text (a rule's
 * unit code is seldom a record's own text): g_intern_string () takes a
 * lock and hashes the text, once per finding. */
static const char *
intern_unit (YsRuleContext *ctx, const char *code)
{
  YsRuleMemo *memo = memo_slot (ctx, YS_RULE_MEMO_INTERNED, code);

  if (memo->code != code || strcmp (memo->value, code) != 0)
    {
      memo->code = code;
      memo->value = g_intern_string (code);
    }
  return memo->value;
}

void
ys_rule_emit (YsRuleContext *ctx, const YsFindingPlace *place, const char *format, ...)
{
  const YsRule *rule = ctx->rule;
  YsRecord *record = place->record;
  const char *unit_code = place->unit_code;
  g_autofree char *checksum = NULL;
  char *message;
  char *key;
  va_list args;
  YsFinding *finding;

  if (unit_code == NULL)
    unit_code = record ? ys_rule_record_unit (record) : "";
  key = make_key (rule, record, unit_code, place->suffix);
  /* An indicator has no unit of its own: it is its project's. */
  if (unit_code[0] == '\0' && record != NULL)
    {
      int field = ys_kind_find_field (ys_record_get_kind (record), "project_code");
      YsRecord *project = field >= 0 ? ys_rule_context_get_project (ctx, ys_rule_text (record, field)) : NULL;

      if (project != NULL)
        unit_code = ys_rule_text (project, YS_PROJECT_UNIT_CODE);
    }
  if (record == NULL)
    record = ys_rule_context_get_unit (ctx, unit_code);

  va_start (args, format);
  /* Several families format their message themselves and pass it as "%s". */
  if (format[0] == '%' && format[1] == 's' && format[2] == '\0')
    message = g_strdup (va_arg (args, const char *));
  else
    message = ys_rule_format (format, args);
  va_end (args);

  checksum = digest (place->facts ? place->facts : message);
  finding = ys_finding_new (rule->id, ctx->rule_index,
                            place->level >= 0 ? (YsFindingLevel) place->level : rule->level,
                            _(rule->title),
                            place->hint ? place->hint : _(rule->hint),
                            _(rule->basis),
                            key, message, g_steal_pointer (&checksum),
                            intern_unit (ctx, unit_code), record,
                            place->record ? place->field : -1);
  finding->owner = ctx->owner;
  g_ptr_array_add (ctx->out, finding);
}

/* ---- helpers ---- */

char *
ys_rule_printf (const char *format, ...)
{
  va_list args;
  char *out;

  va_start (args, format);
  out = ys_rule_format (format, args);
  va_end (args);
  return out;
}

char *
ys_rule_money (YsMoney fen)
{
  gboolean wan = fen >= 1000000 || fen <= -1000000;
  g_autofree char *figure = ys_money_format (fen, wan ? YS_MONEY_WAN : YS_MONEY_YUAN, TRUE);
  /* TRANSLATORS: an amount in 万元 (ten thousand yuan), e.g. “10.61万元” */
  const char *format = wan ? _("%s wan yuan")
  /* TRANSLATORS: an amount in 元, e.g. “500.00元” */
                           : _("%s yuan");
  const char *at = strstr (format, "%s");
  gsize before, n_figure, n_after;
  char *out;

  /* The figure put in place of %s by hand, not by printf: findings name
   * amounts by the thousand, each formatted again on every check. */
  if (at == NULL || strchr (at + 2, '%') != NULL || memchr (format, '%', at - format) != NULL)
    return ys_rule_printf (format, figure);
  before = at - format;
  n_figure = strlen (figure);
  n_after = strlen (at + 2);
  out = g_malloc (before + n_figure + n_after + 1);
  memcpy (out, format, before);
  memcpy (out + before, figure, n_figure);
  memcpy (out + before + n_figure, at + 2, n_after + 1);
  return out;
}

const char *
ys_rule_map_economic (YsRuleContext *ctx, const char *dept, gboolean institution)
{
  YsRuleMemo *memo = memo_slot (ctx, YS_RULE_MEMO_MAPPED + (institution != FALSE), dept);

  if (memo->code != dept)
    {
      memo->code = dept;
      memo->value = ys_catalog_map_economic (ys_rule_context_get_catalog_year (ctx), dept, institution);
    }
  return memo->value;
}

const char *
ys_rule_catalog_name (YsRuleContext *ctx, YsCatalogKind kind, const char *code)
{
  const YsCatalogEntry *entry;

  if (code == NULL || code[0] == '\0')
    return NULL;
  entry = ys_rule_catalog_entry (ctx, kind, code);
  return entry ? entry->name : NULL;
}

char *
ys_rule_code_name (YsRuleContext *ctx, YsCatalogKind kind, const char *code)
{
  /* Not through the memo: @code may be a text of the rule's own. */
  const YsCatalogEntry *entry = code && code[0] ? ys_catalog_lookup (ys_rule_context_get_catalog (ctx, kind), code)
                                                : NULL;
  const char *name = entry ? entry->name : NULL;

  return name ? ys_rule_printf ("%s %s", code, name) : g_strdup (code);
}

/* Whether the @n bytes of @text are one of the texts that stand for nothing. */
static gboolean
is_placeholder (const char *text, size_t n)
{
#define PLACEHOLDER(s) { s, sizeof s - 1 }
  static const struct { const char *text; size_t n; } placeholders[] = {
    PLACEHOLDER ("-"), PLACEHOLDER ("_"), PLACEHOLDER ("*"), PLACEHOLDER ("/"), PLACEHOLDER ("—"),
    PLACEHOLDER ("－"), PLACEHOLDER ("——"), PLACEHOLDER ("无"), PLACEHOLDER ("略"), PLACEHOLDER ("空"),
  };
#undef PLACEHOLDER

  for (guint i = 0; i < G_N_ELEMENTS (placeholders); i++)
    if (placeholders[i].n == n && memcmp (placeholders[i].text, text, n) == 0)
      return TRUE;
  return FALSE;
}

gboolean
ys_rule_is_blank (const char *text)
{
  static const char ideographic_space[] = "　";
  const size_t space = sizeof ideographic_space - 1;
  g_autofree char *stripped = NULL;
  size_t n = text ? strlen (text) : 0;

  /* Nothing to strip (most texts): compared as it is, without a copy. */
  if (n == 0)
    return TRUE;

  if (!g_ascii_isspace (text[0]) && !g_ascii_isspace (text[n - 1])
      && !(n >= space && (memcmp (text, ideographic_space, space) == 0
                          || memcmp (text + n - space, ideographic_space, space) == 0)))
    /* No placeholder is longer than —— (6 bytes). */
    return n <= strlen ("——") && is_placeholder (text, n);
  stripped = g_strstrip (g_strdup (text));

  /* The ideographic space trims too. */
  while (g_str_has_prefix (stripped, "　"))
    memmove (stripped, stripped + 3, strlen (stripped + 3) + 1);
  while (g_str_has_suffix (stripped, "　"))
    stripped[strlen (stripped) - 3] = '\0';
  g_strstrip (stripped);
  return stripped[0] == '\0' || is_placeholder (stripped, strlen (stripped));
}

YsMoney
ys_rule_project_funds (YsRecord *project, gboolean annual)
{
  static const guint annual_fields[] = {
    YS_PROJECT_ANNUAL_CENTRAL, YS_PROJECT_ANNUAL_PROVINCIAL, YS_PROJECT_ANNUAL_LOCAL,
    YS_PROJECT_ANNUAL_SELF, YS_PROJECT_ANNUAL_OTHER,
  };
  static const guint period_fields[] = {
    YS_PROJECT_PERIOD_CENTRAL, YS_PROJECT_PERIOD_PROVINCIAL, YS_PROJECT_PERIOD_LOCAL,
    YS_PROJECT_PERIOD_SELF, YS_PROJECT_PERIOD_OTHER,
  };
  const guint *fields = annual ? annual_fields : period_fields;
  YsMoney sum = 0;

  for (guint i = 0; i < G_N_ELEMENTS (annual_fields); i++)
    sum += ys_rule_int (project, fields[i]);
  return sum;
}
