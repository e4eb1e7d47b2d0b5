/* YsFilterModel: the grid's rows that its search and filters let through.
 *
 * GtkFilterListModel either looks at every row in one block when its filter
 * changes (a search of 100,000 lines held the main loop for 50 ms, and a
 * million would hold it ten times as long) or, incrementally, announces the
 * rows of every slice, so that the sort model and the rows on screen are
 * redone each time (longer still). Here a changed filter is applied in
 * slices of a few milliseconds, the rows shown meanwhile staying as they
 * were, and the result is given to the view as one change. The first slice
 * runs at once, so that on a budget of a few thousand lines a filter applies
 * as it changes, as GtkFilterListModel's does. Items added to the model are
 * filtered at once; a change of the model during a slow filtering starts it
 * again. */
#define G_LOG_DOMAIN "yusuan"

#include "config.h"

#include "ys-filter-model.h"

/* How long one slice of filtering may hold the main loop. */
#define SLICE_US 4000

struct _YsFilterModel
{
  GObject          parent_instance;

  GListModel      *model;
  GtkFilter       *filter;
  guint            n_model;   /* @model's items */
  GArray          *shown;     /* the positions in @model shown, ascending; NULL: all */

  /* The filtering under way: @model's items up to @next looked at, those
   * kept in @result; @shown_at is the first of @shown at or after @next. */
  guint            pass_idle;
  GtkFilterChange  pass_change;
  GArray          *result;
  guint            next;
  guint            shown_at;
};

enum { PROP_0, PROP_MODEL, PROP_FILTER, PROP_PENDING, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void ys_filter_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (YsFilterModel, ys_filter_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, ys_filter_model_list_model_init))

static guint
position_at (const GArray *positions,
             guint         i)
{
  return positions != NULL ? g_array_index (positions, guint, i) : i;
}

static guint
count (YsFilterModel *self,
       const GArray  *positions)
{
  return positions != NULL ? positions->len : self->n_model;
}

static gboolean
matches (YsFilterModel *self,
         guint          position)
{
  g_autoptr (GObject) item = g_list_model_get_item (self->model, position);

  return gtk_filter_match (self->filter, item);
}

static GtkFilterMatch
strictness (YsFilterModel *self)
{
  return self->filter != NULL ? gtk_filter_get_strictness (self->filter) : GTK_FILTER_MATCH_ALL;
}

/* @positions shown instead of @shown (NULL: all), announced as one change
 * between the rows that stay at each end. */
static void
replace_shown (YsFilterModel *self,
               GArray        *positions)
{
  GArray *old = g_steal_pointer (&self->shown);
  guint n_old = count (self, old), n_now = count (self, positions);
  guint prefix = 0, suffix = 0;

  while (prefix < n_old && prefix < n_now && position_at (old, prefix) == position_at (positions, prefix))
    prefix++;
  while (suffix < n_old - prefix && suffix < n_now - prefix
         && position_at (old, n_old - 1 - suffix) == position_at (positions, n_now - 1 - suffix))
    suffix++;
  self->shown = positions;
  if (n_old - prefix - suffix > 0 || n_now - prefix - suffix > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix, n_old - prefix - suffix, n_now - prefix - suffix);
  g_clear_pointer (&old, g_array_unref);
}

/* Filtering */

/* Looks at items until @end (0: until done); returns whether done. Only
 * the rows shown can go when the filter is stricter, only those hidden can
 * come when it is less strict. */
static gboolean
run_pass (YsFilterModel *self,
          gint64         end)
{
  guint steps = 0;

  while (self->next < self->n_model)
    {
      guint position = self->next++;
      gboolean was_shown = TRUE, keep;

      if (self->shown != NULL)
        {
          while (self->shown_at < self->shown->len && position_at (self->shown, self->shown_at) < position)
            self->shown_at++;
          was_shown = self->shown_at < self->shown->len && position_at (self->shown, self->shown_at) == position;
        }
      if (self->pass_change == GTK_FILTER_CHANGE_MORE_STRICT && !was_shown)
        keep = FALSE;
      else if (self->pass_change == GTK_FILTER_CHANGE_LESS_STRICT && was_shown)
        keep = TRUE;
      else
        keep = matches (self, position);
      if (keep)
        g_array_append_val (self->result, position);
      if (end != 0 && ++steps % 128 == 0 && g_get_monotonic_time () >= end)
        return self->next >= self->n_model;
    }
  return TRUE;
}

static void
begin_pass (YsFilterModel   *self,
            GtkFilterChange  change)
{
  self->pass_change = change;
  self->result = g_array_new (FALSE, FALSE, sizeof (guint));
  self->next = 0;
  self->shown_at = 0;
}

/* Returns whether a filtering was under way. */
static gboolean
drop_pass (YsFilterModel *self)
{
  if (self->pass_idle == 0)
    return FALSE;
  g_clear_handle_id (&self->pass_idle, g_source_remove);
  g_clear_pointer (&self->result, g_array_unref);
  return TRUE;
}

static void
stop_pass (YsFilterModel *self)
{
  if (drop_pass (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
}

static gboolean
pass_cb (gpointer user_data)
{
  YsFilterModel *self = user_data;

  if (!run_pass (self, g_get_monotonic_time () + SLICE_US))
    return G_SOURCE_CONTINUE;
  self->pass_idle = 0;
  replace_shown (self, g_steal_pointer (&self->result));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
  return G_SOURCE_REMOVE;
}

/* The first slice at once, the rest after the frames; "pending" told when
 * it changes (@was_pending: it was not 0). */
static void
start_pass (YsFilterModel   *self,
            GtkFilterChange  change,
            gboolean         was_pending)
{
  begin_pass (self, change);
  if (run_pass (self, g_get_monotonic_time () + SLICE_US))
    {
      replace_shown (self, g_steal_pointer (&self->result));
      if (was_pending)
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
      return;
    }
  self->pass_idle = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, pass_cb, self, NULL);
  if (!was_pending)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
}

static void
refilter (YsFilterModel   *self,
          GtkFilterChange  change)
{
  gboolean was_pending = self->pass_idle != 0;
  GtkFilterMatch match = strictness (self);

  if (self->model == NULL)
    return;
  /* Stricter twice is stricter than what is shown; anything else mixed is
   * a different filter. */
  if (was_pending && self->pass_change != change)
    change = GTK_FILTER_CHANGE_DIFFERENT;
  drop_pass (self);
  if (match == GTK_FILTER_MATCH_SOME)
    {
      start_pass (self, change, was_pending);
      return;
    }
  replace_shown (self, match == GTK_FILTER_MATCH_ALL ? NULL : g_array_new (FALSE, FALSE, sizeof (guint)));
  if (was_pending)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
}

static void
on_filter_changed_cb (YsFilterModel   *self,
                      GtkFilterChange  change,
                      GtkFilter       *filter)
{
  refilter (self, change);
}

/* Every item of the model looked at now: a new model is shown filtered
 * from its first frame. */
static GArray *
filter_all (YsFilterModel *self)
{
  switch (strictness (self))
    {
    case GTK_FILTER_MATCH_ALL:
      return NULL;
    case GTK_FILTER_MATCH_NONE:
      return g_array_new (FALSE, FALSE, sizeof (guint));
    case GTK_FILTER_MATCH_SOME:
    default:
      begin_pass (self, GTK_FILTER_CHANGE_DIFFERENT);
      run_pass (self, 0);
      return g_steal_pointer (&self->result);
    }
}

/* The model changed */

static guint
lower_bound (const GArray *positions,
             guint         position)
{
  guint low = 0, high = positions->len;

  while (low < high)
    {
      guint mid = low + (high - low) / 2;

      if (position_at (positions, mid) < position)
        low = mid + 1;
      else
        high = mid;
    }
  return low;
}

static void
update_shown (YsFilterModel *self,
              guint          position,
              guint          removed,
              guint          added)
{
  GArray *shown = self->shown;
  guint from = lower_bound (shown, position);
  guint to = lower_bound (shown, position + removed);
  g_autoptr (GArray) kept = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint p = position; p < position + added; p++)
    if (matches (self, p))
      g_array_append_val (kept, p);
  g_array_remove_range (shown, from, to - from);
  for (guint i = from; i < shown->len; i++)
    g_array_index (shown, guint, i) = g_array_index (shown, guint, i) - removed + added;
  g_array_insert_vals (shown, from, kept->data, kept->len);
  g_list_model_items_changed (G_LIST_MODEL (self), from, to - from, kept->len);
}

static void
on_items_changed_cb (YsFilterModel *self,
                     guint          position,
                     guint          removed,
                     guint          added,
                     GListModel    *model)
{
  GtkFilterChange change = self->pass_change;
  gboolean was_pending;

  if (removed == 0 && added == 0)
    return;
  was_pending = drop_pass (self);
  self->n_model = self->n_model - removed + added;
  /* Shown as they are (all rows while a first filtering is under way). */
  if (self->shown == NULL)
    g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
  else
    update_shown (self, position, removed, added);
  if (was_pending)
    start_pass (self, change, TRUE);
}

/* GListModel */

static GType
ys_filter_model_get_item_type (GListModel *list)
{
  return G_TYPE_OBJECT;
}

static guint
ys_filter_model_get_n_items (GListModel *list)
{
  YsFilterModel *self = YS_FILTER_MODEL (list);

  return count (self, self->shown);
}

static gpointer
ys_filter_model_get_item (GListModel *list,
                          guint       position)
{
  YsFilterModel *self = YS_FILTER_MODEL (list);

  if (self->model == NULL || position >= count (self, self->shown))
    return NULL;
  return g_list_model_get_item (self->model, position_at (self->shown, position));
}

static void
ys_filter_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = ys_filter_model_get_item_type;
  iface->get_n_items = ys_filter_model_get_n_items;
  iface->get_item = ys_filter_model_get_item;
}

/* API */

void
ys_filter_model_set_model (YsFilterModel *self,
                           GListModel    *model)
{
  guint removed;

  g_return_if_fail (YS_IS_FILTER_MODEL (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->model == model)
    return;
  removed = count (self, self->shown);
  stop_pass (self);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, on_items_changed_cb, self);
  g_set_object (&self->model, model);
  self->n_model = model != NULL ? g_list_model_get_n_items (model) : 0;
  g_clear_pointer (&self->shown, g_array_unref);
  if (model != NULL)
    {
      g_signal_connect_swapped (model, "items-changed", G_CALLBACK (on_items_changed_cb), self);
      self->shown = filter_all (self);
    }
  if (removed > 0 || count (self, self->shown) > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, count (self, self->shown));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

void
ys_filter_model_set_filter (YsFilterModel *self,
                            GtkFilter     *filter)
{
  g_return_if_fail (YS_IS_FILTER_MODEL (self));
  g_return_if_fail (filter == NULL || GTK_IS_FILTER (filter));

  if (self->filter == filter)
    return;
  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_func (self->filter, on_filter_changed_cb, self);
  g_set_object (&self->filter, filter);
  if (filter != NULL)
    g_signal_connect_swapped (filter, "changed", G_CALLBACK (on_filter_changed_cb), self);
  refilter (self, GTK_FILTER_CHANGE_DIFFERENT);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER]);
}

guint
ys_filter_model_get_pending (YsFilterModel *self)
{
  g_return_val_if_fail (YS_IS_FILTER_MODEL (self), 0);

  return self->pass_idle != 0 ? MAX (self->n_model - self->next, 1) : 0;
}

YsFilterModel *
ys_filter_model_new (GListModel *model,
                     GtkFilter  *filter)
{
  YsFilterModel *self = g_object_new (YS_TYPE_FILTER_MODEL, NULL);

  ys_filter_model_set_filter (self, filter);
  ys_filter_model_set_model (self, model);
  g_clear_object (&model);
  g_clear_object (&filter);
  return self;
}

/* GObject */

static void
ys_filter_model_dispose (GObject *object)
{
  YsFilterModel *self = YS_FILTER_MODEL (object);

  stop_pass (self);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, on_items_changed_cb, self);
  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_func (self->filter, on_filter_changed_cb, self);
  g_clear_object (&self->model);
  g_clear_object (&self->filter);
  g_clear_pointer (&self->shown, g_array_unref);

  G_OBJECT_CLASS (ys_filter_model_parent_class)->dispose (object);
}

static void
ys_filter_model_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  YsFilterModel *self = YS_FILTER_MODEL (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;
    case PROP_FILTER:
      g_value_set_object (value, self->filter);
      break;
    case PROP_PENDING:
      g_value_set_uint (value, ys_filter_model_get_pending (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ys_filter_model_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  YsFilterModel *self = YS_FILTER_MODEL (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      ys_filter_model_set_model (self, g_value_get_object (value));
      break;
    case PROP_FILTER:
      ys_filter_model_set_filter (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ys_filter_model_class_init (YsFilterModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ys_filter_model_dispose;
  object_class->get_property = ys_filter_model_get_property;
  object_class->set_property = ys_filter_model_set_property;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILTER] =
    g_param_spec_object ("filter", NULL, NULL, GTK_TYPE_FILTER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PENDING] =
    g_param_spec_uint ("pending", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ys_filter_model_init (YsFilterModel *self)
{
}
