/* YsSortModel: the grid's rows in the order of the column clicked.
 *
 * GtkSortListModel either sorts in one block (at 100,000 lines longer than
 * a frame) or, incrementally, shows each step of its sort, so that every
 * few milliseconds the rows on screen are bound again and painted: sorting
 * 100,000 lines took seconds. Here the new order is worked out by a merge
 * sort in slices of a few milliseconds, with the rows shown as they were
 * meanwhile, and given to the view as one change when done. A change of
 * a few rows (an edit, a row added or deleted) is placed by binary search
 * at once; a change of many (a search) shows them in @model's order until
 * they are sorted again. Ties keep @model's order, as GtkSortListModel
 * keeps it, so both give the same rows in the same order. */
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
  guint       n_items;
  guint      *order;     /* the position in @model of each row; NULL: @model's order */

  /* The sort under way: the items, fetched in slices, then a bottom-up
   * merge sort of their indices from @from into @to, resumable within a
   * merge. */
  guint       sort_idle;
  GPtrArray  *items;
  guint      *from, *to;
  guint       width;     /* the runs being merged; 0: still fetching */
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

/* Returns whether a sort was under way. */
static gboolean
drop_sort (YsSortModel *self)
{
  if (self->sort_idle == 0)
    return FALSE;
  g_clear_handle_id (&self->sort_idle, g_source_remove);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->from, g_free);
  g_clear_pointer (&self->to, g_free);
  return TRUE;
}

static void
stop_sorting (YsSortModel *self)
{
  if (drop_sort (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
}

static void
finish_sorting (YsSortModel *self)
{
  guint *old = self->order;

  self->order = g_steal_pointer (&self->from);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->to, g_free);
  self->sort_idle = 0;
  announce (self, old, self->n_items, self->order, self->n_items, same_position, NULL);
  g_free (old);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
}

/* One slice: fetching, then merging, until the time is up. */
static gboolean
sort_cb (gpointer user_data)
{
  YsSortModel *self = user_data;
  gint64 end = g_get_monotonic_time () + SLICE_US;
  guint n = self->n_items;
  guint steps = 0;

  while (self->width == 0)
    {
      if (self->items->len == n)
        {
          self->width = 1;
          break;
        }
      g_ptr_array_add (self->items, g_list_model_get_item (self->model, self->items->len));
      if (++steps % 512 == 0 && g_get_monotonic_time () >= end)
        return G_SOURCE_CONTINUE;
    }

  while (self->width < n)
    {
      guint mid = MIN (self->start + self->width, n);
      guint stop = MIN (self->start + 2 * self->width, n);

      while (self->left < mid && self->right < stop)
        {
          guint a = self->from[self->left], b = self->from[self->right];

          /* The left one first when equal: ties keep the model's order. */
          if (gtk_sorter_compare (self->sorter, self->items->pdata[a], self->items->pdata[b]) != GTK_ORDERING_LARGER)
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

/* From the start; "pending" told unless @was_sorting. */
static void
start_sorting (YsSortModel *self,
               gboolean     was_sorting)
{
  was_sorting |= drop_sort (self);

  self->items = g_ptr_array_new_full (self->n_items, g_object_unref);
  self->from = g_new (guint, MAX (self->n_items, 1));
  self->to = g_new (guint, MAX (self->n_items, 1));
  for (guint i = 0; i < self->n_items; i++)
    self->from[i] = i;
  self->width = 0;
  self->start = 0;
  self->left = 0;
  self->right = MIN (1, self->n_items);
  self->out = 0;
  /* After the frames: the rows on screen stay as they are meanwhile. */
  self->sort_idle = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, sort_cb, self, NULL);
  if (!was_sorting)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
}

/* Back to @model's order. */
static void
unsort (YsSortModel *self)
{
  stop_sorting (self);
  if (self->order != NULL)
    {
      guint *old = g_steal_pointer (&self->order);

      announce (self, old, self->n_items, NULL, self->n_items, same_position, NULL);
      g_free (old);
    }
}

static void
on_sorter_changed_cb (YsSortModel     *self,
                      GtkSorterChange  change,
                      GtkSorter       *sorter)
{
  if (should_sort (self))
    start_sorting (self, FALSE);
  else
    unsort (self);
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
  g_autoptr (GObject) item = g_list_model_get_item (self->model, position);
  guint low = 0, high = n;

  while (low < high)
    {
      guint mid = low + (high - low) / 2;
      g_autoptr (GObject) other = g_list_model_get_item (self->model, order[mid]);
      GtkOrdering cmp = gtk_sorter_compare (self->sorter, item, other);

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
  guint n_old = self->n_items - added + removed;
  guint *old = self->order;
  guint *now = g_new (guint, MAX (self->n_items, 1));
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
  g_assert (n == self->n_items);
  self->order = now;
  announce (self, old, n_old, now, n, moved_position, &change);
  g_free (old);
}

static void
on_items_changed_cb (YsSortModel *self,
                     guint        position,
                     guint        removed,
                     guint        added,
                     GListModel  *model)
{
  guint n_old = self->n_items;
  gboolean was_sorting;

  if (removed == 0 && added == 0)
    return;
  was_sorting = drop_sort (self);
  self->n_items = n_old - removed + added;

  if (self->order == NULL)
    g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
  else if (removed + added <= SMALL_CHANGE)
    update_in_place (self, position, removed, added);
  else
    {
      /* Many rows: shown as they come until sorted again. */
      g_clear_pointer (&self->order, g_free);
      g_list_model_items_changed (G_LIST_MODEL (self), 0, n_old, self->n_items);
      start_sorting (self, was_sorting);
      return;
    }
  if (was_sorting && should_sort (self))
    start_sorting (self, TRUE);
  else if (was_sorting)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
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
  return YS_SORT_MODEL (list)->n_items;
}

static gpointer
ys_sort_model_get_item (GListModel *list,
                        guint       position)
{
  YsSortModel *self = YS_SORT_MODEL (list);

  if (self->model == NULL || position >= self->n_items)
    return NULL;
  return g_list_model_get_item (self->model, self->order ? self->order[position] : position);
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
  removed = self->n_items;
  stop_sorting (self);
  g_clear_pointer (&self->order, g_free);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, on_items_changed_cb, self);
  g_set_object (&self->model, model);
  self->n_items = model ? g_list_model_get_n_items (model) : 0;
  if (model != NULL)
    g_signal_connect_swapped (model, "items-changed", G_CALLBACK (on_items_changed_cb), self);
  if (removed > 0 || self->n_items > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->n_items);
  if (should_sort (self))
    start_sorting (self, FALSE);
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
  on_sorter_changed_cb (self, GTK_SORTER_CHANGE_DIFFERENT, sorter);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORTER]);
}

guint
ys_sort_model_get_pending (YsSortModel *self)
{
  g_return_val_if_fail (YS_IS_SORT_MODEL (self), 0);

  return self->sort_idle != 0 ? MAX (self->n_items, 1) : 0;
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

  stop_sorting (self);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, on_items_changed_cb, self);
  if (self->sorter != NULL)
    g_signal_handlers_disconnect_by_func (self->sorter, on_sorter_changed_cb, self);
  g_clear_object (&self->model);
  g_clear_object (&self->sorter);
  g_clear_pointer (&self->order, g_free);

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
}
