/* Which records belong to which unit and project (YsGroup), kept as records
 * come, go and change their unit or project code, and what a change marks
 * for re-checking. */
#include "config.h"

#include "ys-finding-private.h"
#include "ys-kinds.h"
#include "ys-validator-private.h"

#include <string.h>

/* ---- the index ---- */

/* @interned: @code is a record's code, interned (ys_value_copy), so that the
 * same pointer is the same code for as long as the program runs. */
static YsGroup *
get_group (YsValidator *self, guint which, const char *code, gboolean interned)
{
  YsGroup *group;

  if (code == NULL || code[0] == '\0')
    return NULL;
  /* Without hashing the code: most records name a unit or project that
   * records before them named. */
  if (interned && (group = ys_key_map_lookup (&self->by_address[which], ys_key_map_pointer (code))) != NULL)
    return group;
  group = g_hash_table_lookup (self->groups[which], code);
  if (group == NULL)
    {
      group = g_new0 (YsGroup, 1);
      group->scope = which == YS_GROUP_UNITS ? YS_RULE_SCOPE_UNIT : YS_RULE_SCOPE_PROJECT;
      group->code = g_strdup (code);
      for (guint k = 0; k < YS_N_KINDS; k++)
        group->members[k] = g_ptr_array_new ();
      if (which == YS_GROUP_UNITS)
        {
          group->ledger = ys_ledger_new (self->codes);
          /* Everything is checked after indexing: nothing to remember. */
          group->ledger->quiet = self->indexing;
        }
      g_hash_table_insert (self->groups[which], group->code, group);
    }
  if (interned)
    ys_key_map_insert (&self->by_address[which], ys_key_map_pointer (code), group);
  return group;
}

void
ys_group_free (YsGroup *group)
{
  for (guint k = 0; k < YS_N_KINDS; k++)
    g_ptr_array_unref (group->members[k]);
  ys_ledger_free (group->ledger);
  g_free (group->code);
  g_free (group);
}

static YsGroup *
group_of (YsValidator *self, guint which, YsRecord *record, int field)
{
  if (field < 0)
    return NULL;
  return get_group (self, which, ys_rule_text (record, field),
                    ys_record_get_kind (record)->fields[field].type == YS_FIELD_CODE);
}

static Membership *
membership_new (YsValidator *self)
{
  if (self->first_members_used < self->n_first_members)
    return &self->first_members[self->first_members_used++];
  return g_new (Membership, 1);
}

static void
membership_free (YsValidator *self, Membership *m)
{
  if (m < self->first_members || m >= self->first_members + self->n_first_members)
    g_free (m);
}

void
ys_validator_free_members (YsValidator *self)
{
  gsize size = (gsize) 1 << self->members.bits;

  for (gsize i = 0; i < size; i++)
    if (self->members.slots[i].key != 0)
      membership_free (self, self->members.slots[i].value);
  ys_key_map_clear (&self->members);
  g_clear_pointer (&self->first_members, g_free);
}

/* What a line adds to its project's sums (R31, R11), kept to be taken out. */
static void
project_add (YsValidator *self, Membership *m, YsRecord *line)
{
  m->project_amount = ys_rule_int (line, YS_LINE_AMOUNT);
  m->project_fiscal = ys_ledger_is_fiscal (self->codes, ys_rule_text (line, YS_LINE_SOURCE));
  m->project->spent += m->project_amount;
  if (m->project_fiscal)
    m->project->fiscal += m->project_amount;
}

static void
project_remove (Membership *m)
{
  m->project->spent -= m->project_amount;
  if (m->project_fiscal)
    m->project->fiscal -= m->project_amount;
}

void
ys_validator_join (YsValidator *self, YsRecord *record)
{
  guint k = ys_kinds_index (ys_record_get_kind (record));
  Membership *m = membership_new (self);

  m->unit = group_of (self, YS_GROUP_UNITS, record, self->unit_field[k]);
  m->project = group_of (self, YS_GROUP_PROJECTS, record, self->project_field[k]);
  m->entry.bucket = NULL;
  if (m->unit != NULL && k == self->line_kind)
    ys_ledger_add (m->unit->ledger, &m->entry, record);
  if (m->project != NULL && k == self->line_kind)
    project_add (self, m, record);
  ys_key_map_insert (&self->members, ys_key_map_pointer (record), m);
  if (m->unit != NULL)
    g_ptr_array_add (m->unit->members[k], record);
  if (m->project != NULL)
    g_ptr_array_add (m->project->members[k], record);
}

void
ys_validator_leave (YsValidator *self, YsRecord *record)
{
  guint k = ys_kinds_index (ys_record_get_kind (record));
  Membership *m = ys_key_map_remove (&self->members, ys_key_map_pointer (record));

  if (m == NULL)
    return;
  if (m->entry.bucket != NULL)
    ys_ledger_remove (m->unit->ledger, &m->entry);
  if (m->project != NULL && k == self->line_kind)
    project_remove (m);
  if (m->unit != NULL)
    g_ptr_array_remove_fast (m->unit->members[k], record);
  if (m->project != NULL)
    g_ptr_array_remove_fast (m->project->members[k], record);
  membership_free (self, m);
}

void
ys_validator_recount (YsValidator *self, YsRecord *record)
{
  Membership *m = ys_validator_membership (self, record);

  if (m != NULL && m->project != NULL && ys_record_get_kind (record) == &ys_line_kind)
    {
      project_remove (m);
      project_add (self, m, record);
    }
  if (m == NULL || m->entry.bucket == NULL)
    return;
  ys_ledger_remove (m->unit->ledger, &m->entry);
  ys_ledger_add (m->unit->ledger, &m->entry, record);
}

static void
mark (GHashTable *dirty, gpointer owner, guint64 bits, gboolean ref)
{
  guint64 *mask = g_hash_table_lookup (dirty, owner);

  if (mask == NULL)
    {
      mask = g_new0 (guint64, 1);
      g_hash_table_insert (dirty, ref ? g_object_ref (owner) : owner, mask);
    }
  *mask |= bits;
}

void
ys_validator_mark_for (YsValidator *self, YsRecord *record, const Membership *where, guint64 mask)
{
  const YsKind *kind = ys_record_get_kind (record);

  for (guint i = 0; mask != 0 && i < self->n_rules; i++)
    {
      const YsRule *rule = self->rules[i];
      YsGroup *group;

      if (!(mask & YS_BIT (i)))
        continue;
      switch (rule->scope)
        {
        case YS_RULE_SCOPE_RECORD:
          if (rule->kind == kind)
            mark (self->dirty_records, record, YS_BIT (i), TRUE);
          else
            {
              /* The unit or project a record rule reads: its records of the rule's kind. */
              group = kind == &ys_unit_kind ? where->unit : where->project;
              if (group != NULL)
                {
                  GPtrArray *records = ys_group_get_records (group, rule->kind);
                  for (guint r = 0; r < records->len; r++)
                    mark (self->dirty_records, g_ptr_array_index (records, r), YS_BIT (i), TRUE);
                }
            }
          break;
        case YS_RULE_SCOPE_UNIT:
          if ((group = where->unit) != NULL)
            mark (self->dirty_groups, group, YS_BIT (i), FALSE);
          break;
        case YS_RULE_SCOPE_PROJECT:
          if ((group = where->project) != NULL)
            mark (self->dirty_groups, group, YS_BIT (i), FALSE);
          break;
        }
    }
}

YsRecordList *
ys_validator_records (YsValidator *self, const YsKind *kind)
{
  return YS_RECORD_LIST (ys_document_get_model (self->doc, kind));
}

/* How many records ahead of the one joined the memory it will need is
 * asked for: far enough for a cache miss to be served meanwhile. */
#define PREFETCH_AHEAD 8

/* Asks for what joining @record will read at random places: its slot in the
 * map of members and, for a line of a unit and project seen before, the
 * slots of its unit's ledger and the ends of the groups' lists of members
 * (without making a group). */
static void
prefetch_join (YsValidator *self, YsRecord *record, guint kind)
{
  ys_key_map_prefetch (&self->members, ys_key_map_pointer (record));
  if (kind == self->line_kind)
    {
      YsGroup *unit = ys_key_map_lookup (&self->by_address[YS_GROUP_UNITS],
                                         ys_key_map_pointer (ys_rule_text (record, YS_LINE_UNIT_CODE)));
      YsGroup *project = ys_key_map_lookup (&self->by_address[YS_GROUP_PROJECTS],
                                            ys_key_map_pointer (ys_rule_text (record, YS_LINE_PROJECT_CODE)));

      if (unit != NULL)
        {
          ys_ledger_prefetch (unit->ledger, record);
          __builtin_prefetch (unit->members[kind]->pdata + unit->members[kind]->len, 1);
        }
      if (project != NULL)
        __builtin_prefetch (project->members[kind]->pdata + project->members[kind]->len, 1);
    }
}

/* Asks for @record's values, read a few records later. */
static void
prefetch_values (YsRecord *record)
{
  const char *values = (const char *) ys_rule_value (record, 0);
  gsize size = ys_record_get_kind (record)->n_fields * sizeof (YsValue);

  for (gsize at = 0; at < size; at += 64)
    __builtin_prefetch (values + at, 0);
}

void
ys_validator_index_document (YsValidator *self, YsIndexVisit visit, gpointer data)
{
  const YsKind *const *kinds = ys_kinds_all ();
  GHashTableIter iter;
  gpointer value;
  gsize total = 0;

  for (guint k = 0; kinds[k]; k++)
    if (kinds[k] != &ys_review_kind)
      total += ys_document_count (self->doc, kinds[k]);
  /* Sized for every record at once: no table grows while they are read. */
  ys_validator_free_members (self);
  ys_key_map_init (&self->members, (guint) MIN (total + 1024, G_MAXUINT / 4));
  self->first_members = g_new (Membership, total);
  self->n_first_members = total;
  self->first_members_used = 0;

  self->indexing = TRUE;
  for (guint k = 0; kinds[k]; k++)
    {
      YsRecordList *records;
      guint n;

      if (kinds[k] == &ys_review_kind)
        continue;
      records = ys_validator_records (self, kinds[k]);
      n = ys_record_list_get_n_items (records);
      for (guint i = 0; i < n; i++)
        {
          YsRecord *record = ys_record_list_peek (records, i);

          if (i + 2 * PREFETCH_AHEAD < n)
            prefetch_values (ys_record_list_peek (records, i + 2 * PREFETCH_AHEAD));
          if (i + PREFETCH_AHEAD < n)
            prefetch_join (self, ys_record_list_peek (records, i + PREFETCH_AHEAD), k);
          ys_validator_join (self, record);
          if (visit != NULL)
            visit (self, record, k, data);
        }
    }
  self->indexing = FALSE;
  g_hash_table_iter_init (&iter, self->groups[YS_GROUP_UNITS]);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    ((YsGroup *) value)->ledger->quiet = FALSE;
}
