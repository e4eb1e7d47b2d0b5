/* ys-validator.c: the live validation engine.
 *
 * Every record is indexed by the unit and the project it belongs to (a
 * YsGroup each, ys-validator-index.c). A change marks dirty what the rules
 * reading the changed field look at: the record itself for record rules, the
 * records of the same unit or project for record rules that read the unit or
 * project, and the old and new group for group rules. A flush runs the dirty
 * rules there and only there, and compares what they find with what they
 * found before by finding key: gone findings leave the list, new ones enter
 * it, and the ones that stay are updated in place (ys-validator-list.c). A
 * full check is the same with everything dirty, so an incremental check and a
 * full one cannot disagree unless a rule reads something it did not declare. */
#include "config.h"

#include "ys-finding-private.h"
#include "ys-kinds.h"
#include "ys-validator-private.h"

G_DEFINE_QUARK (ys-validator-error-quark, ys_validator_error)

G_DEFINE_FINAL_TYPE_WITH_CODE (YsValidator, ys_validator, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, ys_validator_list_model_init))

enum { PROP_0, PROP_DOCUMENT, PROP_N_ERRORS, PROP_N_WARNINGS, PROP_N_ITEMS, N_PROPS };
static GParamSpec *properties[N_PROPS];

void
ys_validator_notify_counts (YsValidator *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ERRORS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_WARNINGS]);
}

/* ---- running rules ---- */

/* The rules of @mask in their order, going from one set bit to the next:
 * a record is checked by a few of the sixty-odd rules. */
static void
run_record (YsValidator *self, YsRuleContext *ctx, YsRecord *record, guint64 mask)
{
  for (; mask != 0; mask &= mask - 1)
    {
      guint i = (guint) __builtin_ctzll (mask);

      ctx->rule = self->rules[i];
      ctx->rule_index = i;
      ctx->owner = record;
      self->rules[i]->check_record (ctx, record);
    }
}

static void
run_group (YsValidator *self, YsRuleContext *ctx, YsGroup *group, guint64 mask)
{
  for (; mask != 0; mask &= mask - 1)
    {
      guint i = (guint) __builtin_ctzll (mask);

      ctx->rule = self->rules[i];
      ctx->rule_index = i;
      ctx->owner = group;
      self->rules[i]->check_group (ctx, group);
    }
}

static void
check_indexed (YsValidator *self, YsRecord *record, guint kind, gpointer data)
{
  if (self->record_rules[kind] != 0)
    run_record (self, data, record, self->record_rules[kind]);
}

/* @index: index the document first (a new validator), running the record
 * rules on each record as it is indexed, instead of reading it again. */
static void
check_all (YsValidator *self, gboolean index)
{
  const YsKind *const *kinds = ys_kinds_all ();
  g_autoptr(GPtrArray) old = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) fresh = g_ptr_array_new_with_free_func (g_object_unref);
  YsRuleContext ctx;
  GHashTableIter iter;
  gpointer value;

  self->dirty_all = FALSE;
  g_hash_table_remove_all (self->dirty_records);
  g_hash_table_remove_all (self->dirty_groups);

  g_hash_table_iter_init (&iter, self->by_key);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (old, g_object_ref (value));

  ys_rule_context_init (&ctx, self->doc, fresh);
  if (index)
    ys_validator_index_document (self, check_indexed, &ctx);
  else
    for (guint k = 0; kinds[k]; k++)
      {
        guint64 mask = self->record_rules[k];
        YsRecordList *records;
        guint n;

        if (mask == 0)
          continue;
        records = ys_validator_records (self, kinds[k]);
        n = ys_record_list_get_n_items (records);
        for (guint i = 0; i < n; i++)
          run_record (self, &ctx, ys_record_list_peek (records, i), mask);
      }
  for (guint g = 0; g < YS_N_GROUP_KINDS; g++)
    {
      g_hash_table_iter_init (&iter, self->groups[g]);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        {
          YsGroup *group = value;

          run_group (self, &ctx, group, self->group_rules[g]);
          if (group->ledger != NULL)
            g_hash_table_remove_all (group->ledger->touched);
        }
    }
  ys_rule_context_clear (&ctx);
  /* Sized once the findings are known (no rule reads it): it holds one
   * entry per owner of a finding. */
  ys_key_map_clear (&self->owned);
  ys_key_map_init (&self->owned, MAX (g_hash_table_size (self->by_key), fresh->len));
  ys_validator_apply (self, old, fresh);
}

static void
flush (YsValidator *self)
{
  g_autoptr(GPtrArray) old = NULL;
  g_autoptr(GPtrArray) fresh = NULL;
  YsRuleContext ctx;
  GHashTableIter iter;
  gpointer key, value;

  if (self->freeze > 0)
    return;
  if (self->dirty_all)
    {
      check_all (self, FALSE);
      return;
    }
  if (g_hash_table_size (self->dirty_records) == 0 && g_hash_table_size (self->dirty_groups) == 0)
    return;

  old = g_ptr_array_new_with_free_func (g_object_unref);
  fresh = g_ptr_array_new_with_free_func (g_object_unref);
  ys_rule_context_init (&ctx, self->doc, fresh);

  g_hash_table_iter_init (&iter, self->dirty_records);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint64 mask = *(guint64 *) value;

      ys_validator_take_owned (self, key, mask, old);
      /* A deleted record only loses its findings. */
      if (ys_validator_membership (self, key) != NULL)
        run_record (self, &ctx, key, mask);
    }
  g_hash_table_iter_init (&iter, self->dirty_groups);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      YsGroup *group = key;
      guint64 mask = *(guint64 *) value;
      guint64 by_bucket = group->ledger ? mask & self->bucket_rules : 0;

      ys_validator_take_owned (self, group, mask & ~by_bucket, old);
      if (by_bucket != 0)
        {
          /* Only the buckets lines joined or left are checked again. */
          GHashTableIter touched;
          gpointer bucket;

          g_hash_table_iter_init (&touched, group->ledger->touched);
          while (g_hash_table_iter_next (&touched, &bucket, NULL))
            ys_validator_take_owned (self, bucket, by_bucket, old);
          ctx.touched = group->ledger->touched;
        }
      run_group (self, &ctx, group, mask);
      ctx.touched = NULL;
      if (by_bucket != 0)
        g_hash_table_remove_all (group->ledger->touched);
    }
  g_hash_table_remove_all (self->dirty_records);
  g_hash_table_remove_all (self->dirty_groups);
  ys_rule_context_clear (&ctx);
  ys_validator_apply (self, old, fresh);
}

static void
on_changed (YsDocument *doc, YsRecord *record, guint type, int field, gpointer data)
{
  YsValidator *self = data;
  const YsKind *kind;
  guint k;

  if (record == NULL)
    {
      /* Settings and catalogs: rare, and read by rules everywhere. */
      self->dirty_all = TRUE;
      flush (self);
      return;
    }
  kind = ys_record_get_kind (record);
  if (kind == &ys_review_kind)
    {
      ys_validator_review_changed (self, record, type, field);
      return;
    }
  k = ys_kinds_index (kind);

  switch (type)
    {
    case YS_CHANGE_INSERT:
      ys_validator_join (self, record);
      ys_validator_mark_for (self, record, ys_validator_membership (self, record), self->reads_any[k]);
      break;
    case YS_CHANGE_DELETE:
      {
        Membership *m = ys_validator_membership (self, record);
        if (m != NULL)
          ys_validator_mark_for (self, record, m, self->reads_any[k] | self->record_rules[k]);
        ys_validator_leave (self, record);
      }
      break;
    case YS_CHANGE_UPDATE:
      {
        Membership *m = ys_validator_membership (self, record);

        if (m == NULL)
          break;
        if (field < 0 || field >= YS_MAX_FIELDS)
          {
            ys_validator_recount (self, record);
            break;
          }
        if (field == self->unit_field[k] || field == self->project_field[k])
          {
            Membership was = *m;

            ys_validator_leave (self, record);
            ys_validator_join (self, record);
            ys_validator_mark_for (self, record, &was, self->reads_any[k]);
            ys_validator_mark_for (self, record, ys_validator_membership (self, record), self->reads_any[k]);
          }
        else
          {
            ys_validator_recount (self, record);
            ys_validator_mark_for (self, record, m, self->reads[k][field]);
          }
      }
      break;
    default:
      break;
    }
  flush (self);
}

/* ---- set-up ---- */

static void
learn_rules (YsValidator *self)
{
  const YsKind *const *kinds = ys_kinds_all ();

  self->rules = ys_rules_all ();
  for (self->n_rules = 0; self->rules[self->n_rules]; self->n_rules++)
    ;
  g_assert (self->n_rules <= 64);

  self->line_kind = ys_kinds_index (&ys_line_kind);
  for (guint k = 0; kinds[k]; k++)
    {
      g_assert (kinds[k]->n_fields <= YS_MAX_FIELDS);
      self->unit_field[k] = kinds[k] == &ys_unit_kind ? YS_UNIT_CODE
                                                      : ys_kind_find_field (kinds[k], "unit_code");
      self->project_field[k] = kinds[k] == &ys_project_kind ? YS_PROJECT_CODE
                                                            : ys_kind_find_field (kinds[k], "project_code");
    }

  for (guint i = 0; i < self->n_rules; i++)
    {
      const YsRule *rule = self->rules[i];
      guint64 bit = YS_BIT (i);

      g_assert (!rule->by_bucket || rule->scope == YS_RULE_SCOPE_UNIT);
      if (rule->by_bucket)
        self->bucket_rules |= bit;
      if (rule->scope == YS_RULE_SCOPE_RECORD)
        self->record_rules[ys_kinds_index (rule->kind)] |= bit;
      else
        self->group_rules[rule->scope == YS_RULE_SCOPE_UNIT ? YS_GROUP_UNITS : YS_GROUP_PROJECTS] |= bit;

      for (guint r = 0; r < YS_RULE_MAX_READS && rule->reads[r].kind; r++)
        {
          const YsKind *kind = rule->reads[r].kind;
          guint k = ys_kinds_index (kind);

          /* A record rule can follow its own kind, its unit and its project. */
          g_assert (rule->scope != YS_RULE_SCOPE_RECORD || kind == rule->kind
                    || kind == &ys_unit_kind || kind == &ys_project_kind);
          self->reads_any[k] |= bit;
          for (guint f = 0; f < kind->n_fields; f++)
            if (rule->reads[r].fields & YS_BIT (f))
              self->reads[k][f] |= bit;
        }
    }
}

static void
ys_validator_dispose (GObject *object)
{
  YsValidator *self = YS_VALIDATOR (object);

  g_clear_signal_handler (&self->changed_id, self->doc);
  g_clear_object (&self->doc);
  G_OBJECT_CLASS (ys_validator_parent_class)->dispose (object);
}

static void
ys_validator_finalize (GObject *object)
{
  YsValidator *self = YS_VALIDATOR (object);

  ys_key_map_clear (&self->owned);
  g_hash_table_unref (self->by_key);
  g_sequence_free (self->sequence);
  g_hash_table_unref (self->dirty_records);
  g_hash_table_unref (self->dirty_groups);
  for (guint g = 0; g < YS_N_GROUP_KINDS; g++)
    {
      g_hash_table_unref (self->groups[g]);
      ys_key_map_clear (&self->by_address[g]);
    }
  ys_validator_free_members (self);
  g_free (self->codes);
  g_free (self->reviewer);
  G_OBJECT_CLASS (ys_validator_parent_class)->finalize (object);
}

static void
ys_validator_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  YsValidator *self = YS_VALIDATOR (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->doc);
      break;
    case PROP_N_ERRORS:
      g_value_set_uint (value, self->counts[YS_FINDING_ERROR]);
      break;
    case PROP_N_WARNINGS:
      g_value_set_uint (value, self->counts[YS_FINDING_WARNING]);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, g_sequence_get_length (self->sequence));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ys_validator_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  YsValidator *self = YS_VALIDATOR (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->doc = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ys_validator_constructed (GObject *object)
{
  YsValidator *self = YS_VALIDATOR (object);

  G_OBJECT_CLASS (ys_validator_parent_class)->constructed (object);
  g_return_if_fail (YS_IS_DOCUMENT (self->doc));

  learn_rules (self);
  self->changed_id = g_signal_connect (self->doc, "changed", G_CALLBACK (on_changed), self);
  check_all (self, TRUE);
}

static void
ys_validator_class_init (YsValidatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ys_validator_dispose;
  object_class->finalize = ys_validator_finalize;
  object_class->get_property = ys_validator_get_property;
  object_class->set_property = ys_validator_set_property;
  object_class->constructed = ys_validator_constructed;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, YS_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ERRORS] =
    g_param_spec_uint ("n-errors", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_N_WARNINGS] =
    g_param_spec_uint ("n-warnings", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ys_validator_init (YsValidator *self)
{
  ys_key_map_init (&self->members, 16);
  self->codes = ys_ledger_codes_new ();
  for (guint g = 0; g < YS_N_GROUP_KINDS; g++)
    {
      self->groups[g] = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) ys_group_free);
      ys_key_map_init (&self->by_address[g], 1024);
    }
  self->dirty_records = g_hash_table_new_full (NULL, NULL, g_object_unref, g_free);
  self->dirty_groups = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->sequence = g_sequence_new (g_object_unref);
  self->by_key = g_hash_table_new (g_str_hash, g_str_equal);
  ys_key_map_init (&self->owned, 16);
}

/* ---- public API ---- */

YsValidator *
ys_validator_new (YsDocument *doc)
{
  g_return_val_if_fail (YS_IS_DOCUMENT (doc), NULL);
  return g_object_new (YS_TYPE_VALIDATOR, "document", doc, NULL);
}

YsDocument *
ys_validator_get_document (YsValidator *self)
{
  g_return_val_if_fail (YS_IS_VALIDATOR (self), NULL);
  return self->doc;
}

void
ys_validator_freeze (YsValidator *self)
{
  g_return_if_fail (YS_IS_VALIDATOR (self));
  self->freeze++;
}

void
ys_validator_thaw (YsValidator *self)
{
  g_return_if_fail (YS_IS_VALIDATOR (self));
  g_return_if_fail (self->freeze > 0);
  if (--self->freeze == 0)
    flush (self);
}

void
ys_validator_recheck (YsValidator *self)
{
  g_return_if_fail (YS_IS_VALIDATOR (self));
  self->dirty_all = TRUE;
  flush (self);
}

guint
ys_validator_count (YsValidator *self, YsFindingLevel level)
{
  g_return_val_if_fail (YS_IS_VALIDATOR (self), 0);
  g_return_val_if_fail (level <= YS_FINDING_INFO, 0);
  return self->counts[level];
}

YsFinding *
ys_validator_lookup (YsValidator *self, const char *key)
{
  g_return_val_if_fail (YS_IS_VALIDATOR (self), NULL);
  return key ? g_hash_table_lookup (self->by_key, key) : NULL;
}
