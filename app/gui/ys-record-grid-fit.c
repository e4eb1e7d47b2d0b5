/* YsRecordGrid: the columns up to the first amount stay in sight. When the
 * grid shows less width than they take (the findings panel open beside a
 * page at the window's first size), the columns before the amount give up
 * width, each down to what its title needs, and show their text shortened
 * (a code's name is in its cell's tooltip); the amount keeps all of its own. When
 * that is still not enough (a page with many columns before its amount),
 * the grid scrolls sideways just far enough to show the amount whole. A
 * column the user has resized keeps the user's width.
 *
 * The grid's own size_allocate is not called (its template gives it a
 * layout manager): the width shown is followed through the horizontal
 * adjustment's page size instead. */
#define G_LOG_DOMAIN "yusuan"

#include "config.h"

#include <glib/gi18n.h>

#include "ys-record-grid-private.h"

/* Room kept right of the amount, so that it does not touch the edge. */
#define FIT_MARGIN 12
/* What a column sharing the width left over asks when there is room. */
#define SHARED_WANT 160
/* The least width of a column, whatever its title: a unit or project code. */
#define MIN_WIDTH 60
/* A column title's padding (the header button's) and some slack. */
#define TITLE_PADDING 18

int
ys_record_grid_fit_amount_column (YsRecordGrid *self)
{
  int first = -1;

  /* The record's amount (支出明细, 采购, 服务, 上年数, 控制数, 收入), not
   * an amount before it (采购's unit price); else the first (资产's value). */
  for (guint i = 0; self->columns != NULL && i < self->columns->len; i++)
    {
      const YsField *field = column_field (self, column_at (self, i));

      if (field == NULL || field->type != YS_FIELD_MONEY)
        continue;
      if (g_str_equal (field->name, "amount"))
        return (int) i;
      if (first < 0)
        first = (int) i;
    }
  return first;
}

double
ys_record_grid_fit_share (const int *want,
                          const int *least,
                          int        n,
                          int        room)
{
  int sum_want = 0, sum_least = 0;

  for (int i = 0; i < n; i++)
    {
      sum_want += want[i];
      sum_least += least[i];
    }
  if (sum_want <= room)
    return 1.0;
  if (sum_want == sum_least || room <= sum_least)
    return 0.0;
  return (double) (room - sum_least) / (sum_want - sum_least);
}

static int
title_width (YsRecordGrid *self,
             Column       *col)
{
  if (col->title_width == 0)
    {
      g_autoptr (PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self->column_view),
                                                                       _(col->info.title));
      int width;

      pango_layout_get_pixel_size (layout, &width, NULL);
      col->title_width = width + TITLE_PADDING;
    }
  return col->title_width;
}

/* Its width now: the user's, ours, or the page's. */
static int
width_of (Column *col)
{
  int width = gtk_column_view_column_get_fixed_width (col->column);

  return width > 0 ? width : col->info.fixed_width;
}

static void
set_width (YsRecordGrid *self,
           Column       *col,
           int           width)
{
  if (gtk_column_view_column_get_fixed_width (col->column) == width)
    return;
  /* Ours, not the user's (on_fixed_width_cb). */
  self->fitting = TRUE;
  gtk_column_view_column_set_fixed_width (col->column, width);
  self->fitting = FALSE;
}

static void
fit_columns (YsRecordGrid *self)
{
  GtkAdjustment *hadj = gtk_scrolled_window_get_hadjustment (self->scroller);
  int amount = ys_record_grid_fit_amount_column (self);
  int room = (int) gtk_adjustment_get_page_size (hadj) - FIT_MARGIN;
  g_autofree int *want = NULL, *least = NULL;
  int kept = 0, end = 0, n = 0;
  double share;

  if (amount < 0 || room <= 0)
    return;
  want = g_new0 (int, amount + 1);
  least = g_new0 (int, amount + 1);
  for (int i = 0; i <= amount; i++)
    {
      Column *col = column_at (self, i);

      if (i == amount || col->user_width)
        kept += width_of (col);
      else
        {
          least[n] = MAX (MIN_WIDTH, title_width (self, col));
          want[n] = MAX (col->info.fixed_width > 0 ? col->info.fixed_width : SHARED_WANT, least[n]);
          n++;
        }
    }
  share = ys_record_grid_fit_share (want, least, n, room - kept);

  n = 0;
  for (int i = 0; i <= amount; i++)
    {
      Column *col = column_at (self, i);
      int width;

      if (i == amount || col->user_width)
        {
          end += width_of (col);
          continue;
        }
      if (share >= 1.0)
        {
          /* Room enough: the widths the page gives, the shared columns
           * sharing again. */
          set_width (self, col, col->info.fixed_width > 0 ? want[n] : -1);
          n++;
          continue;
        }
      width = least[n] + (int) ((want[n] - least[n]) * share);
      set_width (self, col, width);
      end += width;
      n++;
    }

  /* Still too wide: show the amount whole, the first columns scrolled out. */
  if (share < 1.0 && end > room)
    gtk_adjustment_set_value (hadj, end + FIT_MARGIN - gtk_adjustment_get_page_size (hadj));
}

static gboolean
fit_cb (gpointer user_data)
{
  YsRecordGrid *self = user_data;

  self->fit_idle = 0;
  fit_columns (self);
  return G_SOURCE_REMOVE;
}

static void
on_page_size_cb (YsRecordGrid  *self,
                 GParamSpec    *pspec,
                 GtkAdjustment *hadj)
{
  int width = (int) gtk_adjustment_get_page_size (hadj);

  if (width == self->fit_width)
    return;
  self->fit_width = width;
  /* Not while the layout runs: new widths lay the grid out again. Before
   * the frame is painted, so that it shows the fitted columns. */
  if (self->fit_idle == 0)
    self->fit_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, fit_cb, self, NULL);
}

static void
on_fixed_width_cb (Column     *col,
                   GParamSpec *pspec,
                   GtkColumnViewColumn *column)
{
  if (!col->grid->fitting)
    col->user_width = TRUE;
}

void
ys_record_grid_fit_column (YsRecordGrid *self,
                           Column       *col)
{
  g_signal_connect_swapped (col->column, "notify::fixed-width", G_CALLBACK (on_fixed_width_cb), col);
}

void
ys_record_grid_fit_init (YsRecordGrid *self)
{
  g_signal_connect_object (gtk_scrolled_window_get_hadjustment (self->scroller), "notify::page-size",
                           G_CALLBACK (on_page_size_cb), self, G_CONNECT_SWAPPED);
}
