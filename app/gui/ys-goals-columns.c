#define G_LOG_DOMAIN "yusuan"

#include "config.h"

#include "ys-goals-columns.h"
#include "ys-widget-util.h"

/* The two sets side by side while each column gets the width its rows
 * need, one above the other when not. (GtkFlowBox decides on natural
 * widths, and a wrapped goal text asks for as much as it was last given,
 * so it stacked them long before either column was short of room.) */
#define COLUMN_SPACING 20
#define ROW_SPACING 24

struct _YsGoalsColumns
{
  GtkWidget parent_instance;

  gboolean  side_by_side;
  guint     notify_idle;
};

G_DEFINE_FINAL_TYPE (YsGoalsColumns, ys_goals_columns, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_SIDE_BY_SIDE, N_PROPS };
static GParamSpec *properties[N_PROPS];

gboolean
ys_goals_columns_get_side_by_side (YsGoalsColumns *self)
{
  g_return_val_if_fail (YS_IS_GOALS_COLUMNS (self), FALSE);

  return self->side_by_side;
}

/* Told after the layout: what listens may change sizes, which it must not
 * do while the layout runs. */
static gboolean
notify_side_by_side_cb (gpointer user_data)
{
  YsGoalsColumns *self = user_data;

  self->notify_idle = 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIDE_BY_SIDE]);
  return G_SOURCE_REMOVE;
}

static gboolean
columns_side_by_side (GtkWidget *widget,
                      int        width)
{
  int needed = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      int min;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
      needed = MAX (needed, min);
    }
  return width >= 2 * needed + COLUMN_SPACING;
}

static void
ys_goals_columns_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  gboolean side_by_side = orientation == GTK_ORIENTATION_VERTICAL && for_size >= 0
                          && columns_side_by_side (widget, for_size);
  int column = orientation == GTK_ORIENTATION_HORIZONTAL ? -1
               : side_by_side ? (for_size - COLUMN_SPACING) / 2 : for_size;
  int n = 0;

  *minimum = *natural = 0;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      int min, nat;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, orientation, column, &min, &nat, NULL, NULL);
      if (orientation == GTK_ORIENTATION_HORIZONTAL || side_by_side)
        {
          *minimum = MAX (*minimum, min);
          *natural = MAX (*natural, nat);
        }
      else
        {
          *minimum += min + (n > 0 ? ROW_SPACING : 0);
          *natural += nat + (n > 0 ? ROW_SPACING : 0);
        }
      n++;
    }
  /* Stacked at the least, side by side and alike at best. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL && n > 1)
    *natural = n * *natural + (n - 1) * COLUMN_SPACING;
}

static void
ys_goals_columns_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  gboolean side_by_side = columns_side_by_side (widget, width);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int column = (width - COLUMN_SPACING) / 2;
  YsGoalsColumns *self = YS_GOALS_COLUMNS (widget);

  if (self->side_by_side != side_by_side)
    {
      self->side_by_side = side_by_side;
      if (self->notify_idle == 0)
        self->notify_idle = g_idle_add (notify_side_by_side_cb, self);
    }

  /* Twice: allocating the second column can resize a row of the first
   * (the rows of the two sets are lined up by size groups, and a wrapped
   * name's text view asks for a new size once it has its new width). GTK
   * marks that row after the first column was allocated and does not
   * allocate it again before drawing it ("Trying to snapshot GtkBox
   * without a current allocation", the row left where it was). The second
   * pass allocates only what was marked. */
  for (int pass = 0; pass < 2; pass++)
    {
      int x = 0, y = 0;

      for (GtkWidget *child = gtk_widget_get_first_child (widget);
           child != NULL; child = gtk_widget_get_next_sibling (child))
        {
          GtkAllocation allocation;

          if (!gtk_widget_should_layout (child))
            continue;
          if (side_by_side)
            {
              allocation.x = rtl ? width - x - column : x;
              allocation.y = 0;
              allocation.width = column;
              allocation.height = height;
              x += column + COLUMN_SPACING;
            }
          else
            {
              int min, nat;

              gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, &min, &nat, NULL, NULL);
              allocation.x = 0;
              allocation.y = y;
              allocation.width = width;
              allocation.height = MAX (min, MIN (nat, height - y));
              y += allocation.height + ROW_SPACING;
            }
          gtk_widget_size_allocate (child, &allocation, -1);
        }
    }
}

static GtkSizeRequestMode
ys_goals_columns_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
ys_goals_columns_dispose (GObject *object)
{
  g_clear_handle_id (&YS_GOALS_COLUMNS (object)->notify_idle, g_source_remove);
  ys_widget_remove_children (GTK_WIDGET (object));

  G_OBJECT_CLASS (ys_goals_columns_parent_class)->dispose (object);
}

static void
ys_goals_columns_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_SIDE_BY_SIDE:
      g_value_set_boolean (value, YS_GOALS_COLUMNS (object)->side_by_side);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ys_goals_columns_class_init (YsGoalsColumnsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ys_goals_columns_dispose;
  object_class->get_property = ys_goals_columns_get_property;
  properties[PROP_SIDE_BY_SIDE] =
    g_param_spec_boolean ("side-by-side", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  widget_class->measure = ys_goals_columns_measure;
  widget_class->size_allocate = ys_goals_columns_size_allocate;
  widget_class->get_request_mode = ys_goals_columns_get_request_mode;
}

static void
ys_goals_columns_init (YsGoalsColumns *self)
{
}
