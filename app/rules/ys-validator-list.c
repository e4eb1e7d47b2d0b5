/* The validator's findings: a list sorted by level, rule and key (the
 * GListModel the window binds to), an index by key and by what made them,
 * and the step that turns the old findings of a re-check into the new ones
 * with the fewest changes. */
#include "config.h"

#include "ys-finding-private.h"
#include "ys-kinds.h"
#include "ys-validator-private.h"

#include <string.h>

/* ---- GListModel ---- */

static GType
list_get_item_type (GListModel *model)
{
  return YS_TYPE_FINDING;
}

static guint
list_get_n_items (GListModel *model)
{
  return g_sequence_get_length (YS_VALIDATOR (model)->sequence);
}

static gpointer
list_get_item (GListModel *model, guint position)
{
  YsValidator *self = YS_VALIDATOR (model);
  GSequenceIter *iter;

  if (position >= (guint) g_sequence_get_length (self->sequence))
    return NULL;
  iter = g_sequence_get_iter_at_pos (self->sequence, (int) position);
  return g_object_ref (g_sequence_get (iter));
}

void
ys_validator_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = list_get_item_type;
  iface->get_n_items = list_get_n_items;
  iface->get_item = list_get_item;
}

/* ---- the sorted list ---- */

/* "R07:line:9" before "R07:line:10". */
static int
natural_compare (const char *a, const char *b)
{
  while (*a && *b)
    {
      if (g_ascii_isdigit (*a) && g_ascii_isdigit (*b))
        {
          const char *sa = a, *sb = b;
          gsize la, lb;
          int c;

          while (*sa == '0' && g_ascii_isdigit (sa[1]))
            sa++;
          while (*sb == '0' && g_ascii_isdigit (sb[1]))
            sb++;
          for (a = sa; g_ascii_isdigit (*a); a++)
            ;
          for (b = sb; g_ascii_isdigit (*b); b++)
            ;
          la = a - sa;
          lb = b - sb;
          if (la != lb)
            return la < lb ? -1 : 1;
          c = strncmp (sa, sb, la);
          if (c != 0)
            return c;
          continue;
        }
      if (*a != *b)
        return (guchar) *a < (guchar) *b ? -1 : 1;
      a++;
      b++;
    }
  return (guchar) *a - (guchar) *b;
}

static int
compare_findings (gconstpointer pa, gconstpointer pb, gpointer data)
{
  const YsFinding *a = pa, *b = pb;

  if (a->level != b->level)
    return a->level < b->level ? -1 : 1;
  if (a->rule_index != b->rule_index)
    return a->rule_index < b->rule_index ? -1 : 1;
  return natural_compare (a->key, b->key);
}

/* A finding as the first check sorts them: its level and rule in one
 * number, and its key after the rule's id (which all keys of one rule
 * begin with), side by side in one array instead of read through each
 * finding. */
typedef struct
{
  guint       rank;
  const char *key;
  YsFinding  *finding;
} Sorted;

static int
compare_sorted (gconstpointer pa, gconstpointer pb)
{
  const Sorted *a = pa, *b = pb;

  if (a->rank != b->rank)
    return a->rank < b->rank ? -1 : 1;
  return natural_compare (a->key, b->key);
}

/* @findings sorted as compare_findings () sorts them. */
static void
sort_findings (GPtrArray *findings)
{
  Sorted *sorted = g_new (Sorted, findings->len);

  for (guint i = 0; i < findings->len; i++)
    {
      YsFinding *f = g_ptr_array_index (findings, i);
      gsize id = strlen (f->rule_id);

      g_assert (f->rule_index < (1u << 16));
      sorted[i].rank = (guint) f->level << 16 | f->rule_index;
      /* The id and the colon after it: equal under one rule, and not digits
       * that the natural order would read on into the key. */
      sorted[i].key = strncmp (f->key, f->rule_id, id) == 0 && f->key[id] == ':' ? f->key + id + 1 : f->key;
      sorted[i].finding = f;
    }
  qsort (sorted, findings->len, sizeof *sorted, compare_sorted);
  for (guint i = 0; i < findings->len; i++)
    findings->pdata[i] = sorted[i].finding;
  g_free (sorted);
}

static void
place_finding (YsValidator *self, YsFinding *finding, gboolean emit)
{
  finding->iter = g_sequence_insert_sorted (self->sequence, g_object_ref (finding), compare_findings, NULL);
  self->counts[finding->level]++;
  if (emit)
    g_list_model_items_changed (G_LIST_MODEL (self),
                                (guint) g_sequence_iter_get_position (finding->iter), 0, 1);
}

static void
unplace_finding (YsValidator *self, YsFinding *finding)
{
  guint position = (guint) g_sequence_iter_get_position (finding->iter);

  self->counts[finding->level]--;
  finding->iter = NULL;
  /* The sequence drops its reference; the caller still holds one. */
  g_sequence_remove (g_sequence_get_iter_at_pos (self->sequence, (int) position));
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
}

static void
own (YsValidator *self, YsFinding *finding)
{
  guint64 owner = ys_key_map_pointer (finding->owner);

  finding->next_owned = ys_key_map_lookup (&self->owned, owner);
  ys_key_map_insert (&self->owned, owner, finding);
}

void
ys_validator_take_owned (YsValidator *self, gpointer owner, guint64 mask, GPtrArray *old)
{
  YsFinding *first = ys_key_map_lookup (&self->owned, ys_key_map_pointer (owner));
  YsFinding **link = &first;

  if (first == NULL)
    return;
  while (*link != NULL)
    {
      YsFinding *f = *link;

      if (mask & YS_BIT (f->rule_index))
        {
          *link = f->next_owned;
          f->next_owned = NULL;
          g_ptr_array_add (old, g_object_ref (f));
        }
      else
        link = &f->next_owned;
    }
  if (first == NULL)
    ys_key_map_remove (&self->owned, ys_key_map_pointer (owner));
  else
    ys_key_map_insert (&self->owned, ys_key_map_pointer (owner), first);
}

void
ys_validator_apply (YsValidator *self, GPtrArray *old, GPtrArray *fresh)
{
  g_autoptr(GHashTable) old_by_key = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();     /* pairs: existing, fresh */
  g_autoptr(GPtrArray) added = g_ptr_array_new ();
  gboolean bulk = g_sequence_get_length (self->sequence) == 0;
  guint before = g_sequence_get_length (self->sequence);
  GHashTableIter iter;
  gpointer value;

  if (old->len == 0 && fresh->len == 0)
    return;

  for (guint i = 0; i < old->len; i++)
    {
      YsFinding *f = g_ptr_array_index (old, i);
      g_hash_table_insert (old_by_key, f->key, f);
    }

  for (guint i = 0; i < fresh->len; i++)
    {
      YsFinding *f = g_ptr_array_index (fresh, i);
      YsFinding *existing;

      if (bulk)
        {
          /* Into an empty list: the index by key is the set of keys seen. */
          if (!g_hash_table_insert (self->by_key, f->key, f))
            {
              g_critical ("finding key %s made twice", f->key);
              /* Keep the first, as below. */
              for (guint j = 0; j < added->len; j++)
                if (strcmp (((YsFinding *) g_ptr_array_index (added, j))->key, f->key) == 0)
                  g_hash_table_insert (self->by_key, f->key, g_ptr_array_index (added, j));
              continue;
            }
          g_ptr_array_add (added, f);
          continue;
        }
      if (!g_hash_table_add (seen, f->key))
        {
          /* Two findings under one key: a rule bug; keep the first. */
          g_critical ("finding key %s made twice", f->key);
          continue;
        }
      existing = old->len > 0 ? g_hash_table_lookup (old_by_key, f->key) : NULL;
      if (existing != NULL)
        {
          g_hash_table_remove (old_by_key, f->key);
          g_ptr_array_add (kept, existing);
          g_ptr_array_add (kept, f);
        }
      else if (!bulk && g_hash_table_contains (self->by_key, f->key))   /* empty when bulk */
        g_critical ("finding key %s made by two owners", f->key);
      else
        g_ptr_array_add (added, f);
    }

  g_hash_table_iter_init (&iter, old_by_key);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      YsFinding *gone = value;

      g_hash_table_remove (self->by_key, gone->key);
      unplace_finding (self, gone);
      bulk = FALSE;
    }

  for (guint i = 0; i < kept->len; i += 2)
    {
      YsFinding *existing = g_ptr_array_index (kept, i);
      YsFinding *f = g_ptr_array_index (kept, i + 1);
      gboolean moves = existing->level != f->level;

      if (moves)
        unplace_finding (self, existing);
      ys_finding_update_from (existing, f);
      own (self, existing);
      if (moves)
        place_finding (self, existing, TRUE);
      ys_validator_apply_review (self, existing);
    }

  for (guint i = 0; i < added->len; i++)
    {
      YsFinding *f = g_ptr_array_index (added, i);

      if (!bulk)
        g_hash_table_insert (self->by_key, f->key, f);
      own (self, f);
      ys_validator_apply_review (self, f);
      if (!bulk)
        place_finding (self, f, TRUE);
    }
  /* Into an empty list: sorted once and appended, and one signal says it all. */
  if (bulk && added->len > 0)
    {
      /* Every fresh finding is added (no key was made twice): the list
       * takes their references instead of each being taken and dropped. */
      gboolean steal = added->len == fresh->len;

      sort_findings (added);
      for (guint i = 0; i < added->len; i++)
        {
          YsFinding *f = g_ptr_array_index (added, i);

          f->iter = g_sequence_append (self->sequence, steal ? f : g_object_ref (f));
          self->counts[f->level]++;
        }
      if (steal)
        g_ptr_array_set_free_func (fresh, NULL);
      g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, added->len);
    }

  if (before != (guint) g_sequence_get_length (self->sequence) || added->len > 0 || kept->len > 0)
    ys_validator_notify_counts (self);
}

