/* YsSortModel: the grid's rows in the order of the column clicked.
 *
 * GtkSortListModel either sorts in one block (at 100,000 lines longer than
 * a frame) or, incrementally, shows each step of its sort, so that every
 * few milliseconds the rows on screen are bound again and painted: sorting
 * 100,000 lines took seconds. Here the new order is worked out by a merge
 * sort in slices of a few milliseconds, with the rows shown as they were
 * meanwhile, and given to the view as one change when done. A change of
 * a few rows (an edit, a row added or deleted) is placed by binary search
 * at once; after a change of many the rows stay as they were until sorted
 * again. A search filters in steps (GtkFilterListModel, incremental) that
 * are shown as one change at the end, so that no step holds the window
 * for long and the rows on screen are bound again once. Ties keep
 * @model's order, as GtkSortListModel keeps it, so both give the same rows
 * in the same order. */
#define G_LOG_DOMAIN "yusuan"

#include "config.h"

#include <string.h>

#include "ys-sort-model.h"

/* How long one slice of sorting may hold the main loop. */
#define SLICE_US 4000
/* Changes up to this many rows are sorted in place at once. */
#define SMALL_CHANGE 64

struct _YsSortModel
{
  GObject     parent_instance;

  GListModel *model;
  GtkSorter  *sorter;
  gboolean    model_has_pending;
  gboolean    settle_later;  /* asked while @model was busy */
  GPtrArray  *mirror;    /* @model's items as they are now */
  guint      *order;     /* the position in @mirror of each row; NULL: its order */
  /* While @model is busy (a filter at work) or the rows are being sorted
   * again after a change of many: the rows as they were, shown meanwhile. */
  GPtrArray  *frozen;

  /* The sort under way: a bottom-up merge sort of @mirror's positions from
   * @from into @to, resumable within a merge. */
  guint       sort_idle;
  guint      *from, *to;
  guint       width;     /* the length of the runs being merged */
  guint       start;     /* the merge of the runs at @start … */
  guint       left, right, out;   /* … done up to these */
};

enum { PROP_0, PROP_MODEL, PROP_SORTER, PROP_PENDING, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void ys_sort_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (YsSortModel, ys_sort_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, ys_sort_model_list_model_init))

static gboolean
should_sort (YsSortModel *self)
{
  return self->model != NULL && self->sorter != NULL
         && gtk_sorter_get_order (self->sorter) != GTK_SORTER_ORDER_NONE;
}

static gboolean
model_busy (YsSortModel *self)
{
  guint pending = 0;

  if (self->model == NULL || !self->model_has_pending)
    return FALSE;
  g_object_get (self->model, "pending", &pending, NULL);
  return pending > 0;
}

static guint
n_shown (YsSortModel *self)
{
  return self->frozen ? self->frozen->len : self->mirror->len;
}

/* The row at @position as the order gives it, frozen rows aside. */
static gpointer
live_item (YsSortModel *self,
           guint        position)
{
  return self->mirror->pdata[self->order ? self->order[position] : position];
}

/* The rows that changed from @old to @now (positions in @model, NULL for
 * its order; @map gives an old position's new one, or G_MAXUINT for a row
 * gone), announced as one change between the unchanged rows at each end. */
static void
announce (YsSortModel  *self,
          const guint  *old,
          guint         n_old,
          const guint  *now,
          guint         n_now,
          guint       (*map) (guint position, gpointer data),
          gpointer      data)
{
  guint prefix = 0, suffix = 0;

#define OLD(i) (map ((old) ? (old)[i] : (i), data))
#define NOW(i) ((now) ? (now)[i] : (i))
  while (prefix < n_old && prefix < n_now && OLD (prefix) == NOW (prefix))
    prefix++;
  while (suffix < n_old - prefix && suffix < n_now - prefix
         && OLD (n_old - 1 - suffix) == NOW (n_now - 1 - suffix))
    suffix++;
#undef OLD
#undef NOW
  if (n_old - prefix - suffix > 0 || n_now - prefix - suffix > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix, n_old - prefix - suffix, n_now - prefix - suffix);
}

static guint
same_position (guint    position,
               gpointer data)
{
  return position;
}

/* From the frozen rows to the live ones, as one change. */
static void
thaw (YsSortModel *self)
{
  g_autoptr (GPtrArray) old = g_steal_pointer (&self->frozen);
  guint n_old = old->len, n_now = self->mirror->len;
  guint prefix = 0, suffix = 0;

  while (prefix < n_old && prefix < n_now && old->pdata[prefix] == live_item (self, prefix))
    prefix++;
  while (suffix < n_old - prefix && suffix < n_now - prefix
         && old->pdata[n_old - 1 - suffix] == live_item (self, n_now - 1 - suffix))
    suffix++;
  if (n_old - prefix - suffix > 0 || n_now - prefix - suffix > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix, n_old - prefix - suffix, n_now - prefix - suffix);
}

/* Keeps the rows shown as they are, whatever @model and the order do. */
static void
freeze (YsSortModel *self)
{
  guint n = self->mirror->len;

  if (self->frozen != NULL)
    return;
  self->frozen = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (self->frozen, g_object_ref (live_item (self, i)));
  g_clear_pointer (&self->order, g_free);
}

/* Returns whether a sort was under way. */
static gboolean
drop_sort (YsSortModel *self)
{
  if (self->sort_idle == 0)
    return FALSE;
  g_clear_handle_id (&self->sort_idle, g_source_remove);
  g_clear_pointer (&self->from, g_free);
  g_clear_pointer (&self->to, g_free);
  return TRUE;
}

static void
finish_sorting (YsSortModel *self)
{
  guint *old = self->order;

  self->order = g_steal_pointer (&self->from);
  g_clear_pointer (&self->to, g_free);
  self->sort_idle = 0;
  if (self->frozen != NULL)
    thaw (self);
  else
    announce (self, old, self->mirror->len, self->order, self->mirror->len, same_position, NULL);
  g_free (old);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
}

/* One slice of merging, until the time is up. */
static gboolean
sort_cb (gpointer user_data)
{
  YsSortModel *self = user_data;
  gint64 end = g_get_monotonic_time () + SLICE_US;
  gpointer *items = self->mirror->pdata;
  guint n = self->mirror->len;
  guint steps = 0;

  while (self->width < n)
    {
      guint mid = MIN (self->start + self->width, n);
      guint stop = MIN (self->start + 2 * self->width, n);

      while (self->left < mid && self->right < stop)
        {
          guint a = self->from[self->left], b = self->from[self->right];

          /* The left one first when equal: ties keep the model's order. */
          if (gtk_sorter_compare (self->sorter, items[a], items[b]) != GTK_ORDERING_LARGER)
            self->to[self->out++] = a, self->left++;
          else
            self->to[self->out++] = b, self->right++;
          if (++steps % 256 == 0 && g_get_monotonic_time () >= end)
            return G_SOURCE_CONTINUE;
        }
      while (self->left < mid)
        self->to[self->out++] = self->from[self->left++];
      while (self->right < stop)
        self->to[self->out++] = self->from[self->right++];

      self->start = stop;
      if (self->start >= n)
        {
          guint *swap = self->from;

          self->from = self->to;
          self->to = swap;
          self->width *= 2;
          self->start = 0;
        }
      self->left = self->start;
      self->right = MIN (self->start + self->width, n);
      self->out = self->start;
    }

  finish_sorting (self);
  return G_SOURCE_REMOVE;
}

/* From the start; "pending" told unless it already was. */
static void
start_sorting (YsSortModel *self)
{
  gboolean was_pending = drop_sort (self) || self->frozen != NULL;
  guint n = self->mirror->len;

  self->from = g_new (guint, MAX (n, 1));
  self->to = g_new (guint, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    self->from[i] = i;
  self->width = 1;
  self->start = 0;
  self->left = 0;
  self->right = MIN (1, n);
  self->out = 0;
  /* After the frames: the rows on screen stay as they are meanwhile. */
  self->sort_idle = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, sort_cb, self, NULL);
  if (!was_pending)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
}

/* The rows in their order now: sorted again, or in @model's order. */
static void
settle (YsSortModel *self)
{
  gboolean was_pending = self->sort_idle != 0 || self->frozen != NULL;

  if (model_busy (self))
    {
      self->settle_later = TRUE;
      return;
    }
  self->settle_later = FALSE;
  if (should_sort (self))
    {
      start_sorting (self);
      return;
    }
  drop_sort (self);
  if (self->frozen != NULL)
    thaw (self);
  else if (self->order != NULL)
    {
      g_autofree guint *old = g_steal_pointer (&self->order);

      announce (self, old, self->mirror->len, NULL, self->mirror->len, same_position, NULL);
    }
  if (was_pending)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
}

static void
on_sorter_changed_cb (YsSortModel     *self,
                      GtkSorterChange  change,
                      GtkSorter       *sorter)
{
  settle (self);
}

static void
on_model_pending_cb (YsSortModel *self,
                     GParamSpec  *pspec,
                     GListModel  *model)
{
  if ((self->frozen != NULL || self->settle_later) && self->sort_idle == 0)
    settle (self);
}

/* A few rows changed: each added one put in its place, ties after the
 * rows before it in @model. */

typedef struct
{
  guint position, removed, added;
} Change;

static guint
moved_position (guint    old,
                gpointer data)
{
  const Change *c = data;

  if (old < c->position)
    return old;
  if (old >= c->position + c->removed)
    return old - c->removed + c->added;
  return G_MAXUINT;
}

static guint
insertion_point (YsSortModel *self,
                 const guint *order,
                 guint        n,
                 guint        position)
{
  gpointer item = self->mirror->pdata[position];
  guint low = 0, high = n;

  while (low < high)
    {
      guint mid = low + (high - low) / 2;
      GtkOrdering cmp = gtk_sorter_compare (self->sorter, item, self->mirror->pdata[order[mid]]);

      if (cmp == GTK_ORDERING_LARGER || (cmp == GTK_ORDERING_EQUAL && position > order[mid]))
        low = mid + 1;
      else
        high = mid;
    }
  return low;
}

static void
update_in_place (YsSortModel *self,
                 guint        position,
                 guint        removed,
                 guint        added)
{
  Change change = { position, removed, added };
  guint n_now = self->mirror->len;
  guint n_old = n_now - added + removed;
  guint *old = self->order;
  guint *now = g_new (guint, MAX (n_now, 1));
  guint n = 0;

  for (guint i = 0; i < n_old; i++)
    {
      guint moved = moved_position (old[i], &change);

      if (moved != G_MAXUINT)
        now[n++] = moved;
    }
  for (guint p = position; p < position + added; p++)
    {
      guint at = insertion_point (self, now, n, p);

      memmove (now + at + 1, now + at, (n - at) * sizeof (guint));
      now[at] = p;
      n++;
    }
  g_assert (n == n_now);
  self->order = now;
  announce (self, old, n_old, now, n, moved_position, &change);
  g_free (old);
}

/* @mirror made like @model again. */
static void
splice_mirror (YsSortModel *self,
               guint        position,
               guint        removed,
               guint        added)
{
  GPtrArray *m = self->mirror;
  guint tail;

  g_ptr_array_remove_range (m, position, removed);
  tail = m->len - position;
  g_ptr_array_set_size (m, m->len + added);
  memmove (m->pdata + position + added, m->pdata + position, tail * sizeof (gpointer));
  for (guint i = 0; i < added; i++)
    m->pdata[position + i] = g_list_model_get_item (self->model, position + i);
}

static void
on_items_changed_cb (YsSortModel *self,
                     guint        position,
                     guint        removed,
                     guint        added,
                     GListModel  *model)
{
  gboolean was_sorting;

  if (removed == 0 && added == 0)
    return;
  was_sorting = drop_sort (self);

  if (self->frozen == NULL && self->order == NULL && !model_busy (self))
    {
      splice_mirror (self, position, removed, added);
      g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
    }
  else if (self->frozen == NULL && self->order != NULL && !model_busy (self)
           && removed + added <= SMALL_CHANGE)
    {
      splice_mirror (self, position, removed, added);
      update_in_place (self, position, removed, added);
    }
  else
    {
      /* A filter at work, or many rows: the rows stay as they are until
       * @model is done and they are in their order again. */
      gboolean was_frozen = self->frozen != NULL;

      freeze (self);
      splice_mirror (self, position, removed, added);
      if (!was_frozen && !was_sorting)
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
      settle (self);
      return;
    }
  if (was_sorting)
    start_sorting (self);
}

/* GListModel */

static GType
ys_sort_model_get_item_type (GListModel *list)
{
  return G_TYPE_OBJECT;
}

static guint
ys_sort_model_get_n_items (GListModel *list)
{
  return n_shown (YS_SORT_MODEL (list));
}

static gpointer
ys_sort_model_get_item (GListModel *list,
                        guint       position)
{
  YsSortModel *self = YS_SORT_MODEL (list);

  if (position >= n_shown (self))
    return NULL;
  if (self->frozen != NULL)
    return g_object_ref (self->frozen->pdata[position]);
  return g_object_ref (live_item (self, position));
}

static void
ys_sort_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = ys_sort_model_get_item_type;
  iface->get_n_items = ys_sort_model_get_n_items;
  iface->get_item = ys_sort_model_get_item;
}

/* API */

void
ys_sort_model_set_model (YsSortModel *self,
                         GListModel  *model)
{
  guint removed;

  g_return_if_fail (YS_IS_SORT_MODEL (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->model == model)
    return;
  removed = n_shown (self);
  drop_sort (self);
  g_clear_pointer (&self->order, g_free);
  g_clear_pointer (&self->frozen, g_ptr_array_unref);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_set_object (&self->model, model);
  g_ptr_array_set_size (self->mirror, 0);
  self->model_has_pending = FALSE;
  if (model != NULL)
    {
      guint n = g_list_model_get_n_items (model);

      for (guint i = 0; i < n; i++)
        g_ptr_array_add (self->mirror, g_list_model_get_item (model, i));
      g_signal_connect_swapped (model, "items-changed", G_CALLBACK (on_items_changed_cb), self);
      /* A GtkFilterListModel filtering in steps. */
      self->model_has_pending = g_object_class_find_property (G_OBJECT_GET_CLASS (model), "pending") != NULL;
      if (self->model_has_pending)
        g_signal_connect_swapped (model, "notify::pending", G_CALLBACK (on_model_pending_cb), self);
    }
  if (removed > 0 || self->mirror->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->mirror->len);
  if (should_sort (self))
    start_sorting (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

void
ys_sort_model_set_sorter (YsSortModel *self,
                          GtkSorter   *sorter)
{
  g_return_if_fail (YS_IS_SORT_MODEL (self));
  g_return_if_fail (sorter == NULL || GTK_IS_SORTER (sorter));

  if (self->sorter == sorter)
    return;
  if (self->sorter != NULL)
    g_signal_handlers_disconnect_by_func (self->sorter, on_sorter_changed_cb, self);
  g_set_object (&self->sorter, sorter);
  if (sorter != NULL)
    g_signal_connect_swapped (sorter, "changed", G_CALLBACK (on_sorter_changed_cb), self);
  settle (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORTER]);
}

guint
ys_sort_model_get_pending (YsSortModel *self)
{
  g_return_val_if_fail (YS_IS_SORT_MODEL (self), 0);

  return self->sort_idle != 0 || self->frozen != NULL ? MAX (n_shown (self), 1) : 0;
}

YsSortModel *
ys_sort_model_new (GListModel *model,
                   GtkSorter  *sorter)
{
  YsSortModel *self = g_object_new (YS_TYPE_SORT_MODEL, NULL);

  ys_sort_model_set_sorter (self, sorter);
  ys_sort_model_set_model (self, model);
  g_clear_object (&model);
  g_clear_object (&sorter);
  return self;
}

/* GObject */

static void
ys_sort_model_dispose (GObject *object)
{
  YsSortModel *self = YS_SORT_MODEL (object);

  drop_sort (self);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  if (self->sorter != NULL)
    g_signal_handlers_disconnect_by_func (self->sorter, on_sorter_changed_cb, self);
  g_clear_object (&self->model);
  g_clear_object (&self->sorter);
  g_clear_pointer (&self->order, g_free);
  g_clear_pointer (&self->frozen, g_ptr_array_unref);
  g_clear_pointer (&self->mirror, g_ptr_array_unref);

  G_OBJECT_CLASS (ys_sort_model_parent_class)->dispose (object);
}

static void
ys_sort_model_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  YsSortModel *self = YS_SORT_MODEL (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;
    case PROP_SORTER:
      g_value_set_object (value, self->sorter);
      break;
    case PROP_PENDING:
      g_value_set_uint (value, ys_sort_model_get_pending (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ys_sort_model_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  YsSortModel *self = YS_SORT_MODEL (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      ys_sort_model_set_model (self, g_value_get_object (value));
      break;
    case PROP_SORTER:
      ys_sort_model_set_sorter (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ys_sort_model_class_init (YsSortModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ys_sort_model_dispose;
  object_class->get_property = ys_sort_model_get_property;
  object_class->set_property = ys_sort_model_set_property;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SORTER] =
    g_param_spec_object ("sorter", NULL, NULL, GTK_TYPE_SORTER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PENDING] =
    g_param_spec_uint ("pending", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ys_sort_model_init (YsSortModel *self)
{
  self->mirror = g_ptr_array_new_with_free_func (g_object_unref);
}
