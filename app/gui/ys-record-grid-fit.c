/* YsRecordGrid: the columns up to the first amount stay in sight, every
 * title readable. When the grid shows less width than they take (the
 * findings panel open beside a page at the window's first size), the
 * columns before the amount give up width, each down to the least it
 * needs: its title on two lines (broken as the official tables break a
 * long heading) and, in a column of codes, its longest code whole; the
 * rest of a text is shortened (a code's name is in its cell's tooltip).
 * The amount keeps all of its own. When that is still not enough (a page
 * with many columns before its amount), the grid scrolls sideways just far
 * enough to show the amount whole. A column the user has resized keeps the
 * user's width; its title is broken to fit it all the same.
 *
 * The grid's own size_allocate is not called (its template gives it a
 * layout manager): the width shown is followed through the horizontal
 * adjustment's page size instead. */
#define G_LOG_DOMAIN "yusuan"

#include "config.h"

#include <glib/gi18n.h>

#include "ys-kinds.h"
#include "ys-money.h"
#include "ys-record-grid-private.h"

/* Room kept right of the amount, so that it does not touch the edge. */
#define FIT_MARGIN 12
/* What a column sharing the width left over asks when there is room. */
#define SHARED_WANT 160
/* The least width of a column of text: a character or two and "…". */
#define MIN_WIDTH 40
/* A column title's padding (the header button's) and some slack. */
#define TITLE_PADDING 18
/* A cell's padding (gridcell in style.css) and some slack. */
#define CELL_PADDING 14
/* The codes of a column without a catalogue behind it are looked for in
 * this many rows at the most when measured; a longer one typed later in a
 * row beyond them still widens the column. */
#define CODE_SCAN_ROWS 20000

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

/* Titles */

/* The label GtkColumnView shows @text in, in the header (GTK makes it and
 * gives no access to it), or NULL. */
static GtkWidget *
find_title_label (GtkWidget  *widget,
                  GtkWidget  *list_view,
                  const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (child == list_view)
        continue;
      found = find_title_label (child, list_view, text);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* What the column's title is drawn in: its label in the header, in the
 * header's font (smaller than the cells'). */
static GtkWidget *
title_font (YsRecordGrid *self,
            Column       *col)
{
  GtkWidget *label = find_title_label (GTK_WIDGET (self->column_view), self->list_view,
                                       gtk_column_view_column_get_title (col->column));

  return label != NULL ? label : GTK_WIDGET (self->column_view);
}

/* @text laid out in @font's font, @width wide (-1: on one line). */
static PangoLayout *
title_layout (GtkWidget  *font,
              const char *text,
              int         width)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (font, text);

  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (width >= 0)
    pango_layout_set_width (layout, MAX (width, 1) * PANGO_SCALE);
  return layout;
}

static int
title_text_lines (GtkWidget  *font,
                  const char *text,
                  int         width,
                  int        *used)
{
  g_autoptr (PangoLayout) layout = title_layout (font, text, width);

  if (used != NULL)
    pango_layout_get_pixel_size (layout, used, NULL);
  return pango_layout_get_line_count (layout);
}

/* The narrowest width from @lo up to @hi at which @text takes no more
 * than @lines lines. */
static int
narrowest_for_lines (GtkWidget  *font,
                     const char *text,
                     int         lines,
                     int         lo,
                     int         hi)
{
  while (lo < hi)
    {
      int mid = (lo + hi) / 2;

      if (title_text_lines (font, text, mid, NULL) <= lines)
        hi = mid;
      else
        lo = mid + 1;
    }
  return hi;
}

static void
measure_title (YsRecordGrid *self,
               Column       *col)
{
  const char *text = _(col->info.title);
  GtkWidget *font;
  int whole, used;

  if (col->title_width != 0)
    return;
  font = title_font (self, col);
  title_text_lines (font, text, -1, &whole);
  col->title_width = whole + TITLE_PADDING;
  /* 数量 is not broken into 数 and 量. */
  if (g_utf8_strlen (text, -1) <= 2)
    {
      col->title_least = col->title_width;
      return;
    }

  /* The narrowest width that takes it on two lines. */
  title_text_lines (font, text, narrowest_for_lines (font, text, 2, whole / 2, whole), &used);
  col->title_least = MIN (used, whole) + TITLE_PADDING;
}

/* The column's title as it reads @width wide (-1: as wide as it asks):
 * whole on one line when it fits, else broken into lines as even as they
 * can be (采购/项目, not 采购项/目). */
static char *
title_for_width (YsRecordGrid *self,
                 Column       *col,
                 int           width)
{
  const char *text = _(col->info.title);
  g_autoptr (PangoLayout) layout = NULL;
  GtkWidget *font;
  GString *broken;
  GSList *lines;
  int whole, n;

  measure_title (self, col);
  if (width < 0 || width >= col->title_width)
    return g_strdup (text);
  font = title_font (self, col);
  whole = col->title_width - TITLE_PADDING;
  width = MAX (width - TITLE_PADDING, 1);
  n = title_text_lines (font, text, width, NULL);
  layout = title_layout (font, text, narrowest_for_lines (font, text, n, MIN (whole / n, width), width));
  broken = g_string_new (NULL);
  lines = pango_layout_get_lines_readonly (layout);
  for (GSList *l = lines; l != NULL; l = l->next)
    {
      PangoLayoutLine *line = l->data;
      g_autofree char *part = g_strndup (text + line->start_index, line->length);

      if (broken->len > 0)
        g_string_append_c (broken, '\n');
      g_string_append (broken, g_strchomp (part));
    }
  return g_string_free (broken, FALSE);
}

static void
show_title (YsRecordGrid *self,
            Column       *col,
            int           width)
{
  g_autofree char *title = title_for_width (self, col, width);
  GtkWidget *label;

  if (g_strcmp0 (gtk_column_view_column_get_title (col->column), title) == 0)
    return;
  gtk_column_view_column_set_title (col->column, title);
  /* A screen reader reads the title whole, not its lines. */
  label = find_title_label (GTK_WIDGET (self->column_view), self->list_view, title);
  if (label != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _(col->info.title), -1);
}

/* What the records ask: a code whole, an amount whole. It depends on the
 * records alone, so it is measured once and kept until they change (each
 * change of the width shown only shares the width out again): a change
 * that makes a code longer or an amount larger widens at once; one that may
 * have shortened the longest has it measured again at the next fit. */

/* Where @col's least width comes from in the records: @field of @kind (a
 * unit's or project's own code for a column of such codes, else the grid's
 * records). FALSE when it does not change with them: a column of codes of
 * fixed length, another column. */
static gboolean
records_source (YsRecordGrid  *self,
                Column        *col,
                gboolean       amount,
                const YsKind **kind,
                int           *field)
{
  const YsField *f = column_field (self, col);

  if (f == NULL)
    return FALSE;
  if (amount)
    {
      *kind = self->kind;
      *field = col->info.field;
      return f->type == YS_FIELD_MONEY;
    }
  if (f->type != YS_FIELD_CODE || f->digits > 0)
    return FALSE;
  *kind = f->ref != NULL ? ys_kinds_lookup (f->ref) : NULL;
  if (*kind != NULL && (*kind)->key_field >= 0)
    {
      /* A unit or a project: the few codes there are. */
      *field = (*kind)->key_field;
      return TRUE;
    }
  *kind = self->kind;
  *field = col->info.field;
  return TRUE;
}

static int
text_width (YsRecordGrid *self,
            const char   *text)
{
  g_autoptr (PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self->column_view), text);
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  return width + CELL_PADDING;
}

/* A column of codes: @longest whole, followed by the start of its name
 * where it has one. */
static void
take_code (YsRecordGrid *self,
           Column       *col,
           const char   *longest)
{
  g_autofree char *shown = NULL;

  col->records_extent = longest != NULL ? g_utf8_strlen (longest, -1) : 0;
  if (col->records_extent == 0)
    {
      col->records_least = 0;
      return;
    }
  shown = col->info.lookup != YS_LOOKUP_NONE ? g_strconcat (longest, " …", NULL) : g_strdup (longest);
  col->records_least = text_width (self, shown);
}

/* The amount's column: the largest amount, with a minus sign when any is
 * below zero. */
static void
take_amount (YsRecordGrid *self,
             Column       *col,
             gint64        widest,
             gboolean      negative)
{
  g_autofree char *text = ys_money_format (negative ? -widest : widest, YS_MONEY_YUAN, TRUE);

  col->records_extent = widest;
  col->records_negative = negative;
  col->records_least = text_width (self, text);
}

static void
measure_records (YsRecordGrid *self,
                 Column       *col,
                 gboolean      amount)
{
  const YsField *field = column_field (self, col);
  const YsKind *kind;
  int source;
  guint n;

  if (col->records_least >= 0)
    return;
  if (self->document == NULL)
    {
      col->records_least = 0;
      return;
    }
  if (!records_source (self, col, amount, &kind, &source))
    {
      g_autofree char *digits = NULL;

      if (field != NULL && field->type == YS_FIELD_CODE && field->digits > 0)
        digits = g_strnfill (field->digits, '0');
      take_code (self, col, digits);
      return;
    }

  self->fit_scans++;
  n = ys_document_count (self->document, kind);
  if (amount)
    {
      gint64 widest = 0;
      gboolean negative = FALSE;

      for (guint i = 0; i < n; i++)
        {
          gint64 value = ys_record_get_int (ys_document_get (self->document, kind, i), source);

          negative |= value < 0;
          widest = MAX (widest, value < 0 ? -value : value);
        }
      take_amount (self, col, widest, negative);
    }
  else
    {
      const char *longest = NULL;
      glong longest_chars = 0;

      /* The codes of a column without a catalogue behind it (政府购买服务's
       * three levels, 采购品目): the first rows stand for the rest. */
      if (kind == self->kind)
        n = MIN (n, CODE_SCAN_ROWS);
      for (guint i = 0; i < n; i++)
        {
          const char *code = ys_record_get_text (ys_document_get (self->document, kind, i), source);
          glong chars = code != NULL ? g_utf8_strlen (code, -1) : 0;

          if (chars > longest_chars)
            {
              longest = code;
              longest_chars = chars;
            }
        }
      take_code (self, col, longest);
    }
}

/* The least width of a column of codes: its longest code whole, followed
 * by the start of its name where it has one; 0 for another column. */
static int
code_width (YsRecordGrid *self,
            Column       *col)
{
  measure_records (self, col, FALSE);
  return col->records_least;
}

/* The least width of the amount's column: its title on one line and its
 * widest amount whole. */
static int
amount_least (YsRecordGrid *self,
              Column       *col)
{
  measure_title (self, col);
  measure_records (self, col, TRUE);
  return MAX (col->title_width, col->records_least);
}

/* @record was inserted, deleted or had @field changed: what it holds now
 * widens a column at once; what it may have held before has the column
 * measured again at the next fit. TRUE when a column was widened. */
static gboolean
follow_record (YsRecordGrid *self,
               Column       *col,
               gboolean      amount,
               YsRecord     *record,
               guint         type,
               int           field)
{
  const YsKind *kind;
  int source;
  gint64 extent;
  gboolean negative = FALSE;
  const char *code = NULL;

  if (col->records_least < 0 || !records_source (self, col, amount, &kind, &source)
      || ys_record_get_kind (record) != kind || (type == YS_CHANGE_UPDATE && field != source))
    return FALSE;
  if (amount)
    {
      extent = ys_record_get_int (record, source);
      negative = extent < 0;
      extent = negative ? -extent : extent;
    }
  else
    {
      code = ys_record_get_text (record, source);
      extent = code != NULL ? g_utf8_strlen (code, -1) : 0;
    }

  if (type != YS_CHANGE_DELETE && (extent > col->records_extent || (negative && !col->records_negative)))
    {
      if (amount)
        take_amount (self, col, MAX (extent, col->records_extent), negative || col->records_negative);
      else
        take_code (self, col, code);
      return TRUE;
    }
  /* Deleted, or changed from a value unknown now: the longest, or the only
   * amount below zero, may have gone. */
  if (type == YS_CHANGE_DELETE
      ? extent == col->records_extent || negative
      : type == YS_CHANGE_UPDATE)
    col->records_least = -1;
  return FALSE;
}

static void queue_fit (YsRecordGrid *self);

static void
on_records_changed_cb (YsRecordGrid *self,
                       YsRecord     *record,
                       guint         type,
                       int           field,
                       YsDocument   *document)
{
  int amount = ys_record_grid_fit_amount_column (self);
  gboolean widened = FALSE;

  /* A setting or a catalogue: no record's code or amount. */
  if (record == NULL || type == YS_CHANGE_META)
    return;
  for (int i = 0; i <= amount; i++)
    widened |= follow_record (self, column_at (self, i), i == amount, record, type, field);
  if (widened)
    queue_fit (self);
}

void
ys_record_grid_fit_set_document (YsRecordGrid *self)
{
  for (guint i = 0; i < self->columns->len; i++)
    column_at (self, i)->records_least = -1;
  if (self->document != NULL)
    g_signal_connect_object (self->document, "changed", G_CALLBACK (on_records_changed_cb), self,
                             G_CONNECT_SWAPPED);
  queue_fit (self);
}

/* Fitting */

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

/* The least a column before the amount needs. */
static int
least_width (YsRecordGrid *self,
             Column       *col)
{
  int codes = code_width (self, col);

  measure_title (self, col);
  return MAX (MAX (MIN_WIDTH, col->title_least), codes);
}

void
ys_record_grid_fit_columns (YsRecordGrid *self)
{
  GtkAdjustment *hadj = gtk_scrolled_window_get_hadjustment (self->scroller);
  int amount = ys_record_grid_fit_amount_column (self);
  int room = (int) gtk_adjustment_get_page_size (hadj) - FIT_MARGIN;
  g_autofree int *want = NULL, *least = NULL;
  int kept = 0, sum_least = 0, end = 0, n = 0, amount_width;
  Column *amount_col;
  double share;

  if (amount < 0 || room <= 0)
    return;
  amount_col = column_at (self, amount);
  want = g_new0 (int, amount + 1);
  least = g_new0 (int, amount + 1);
  for (int i = 0; i < amount; i++)
    {
      Column *col = column_at (self, i);

      if (col->user_width)
        kept += width_of (col);
      else
        {
          least[n] = least_width (self, col);
          /* With room, the title on one line. */
          want[n] = MAX (MAX (col->info.fixed_width > 0 ? col->info.fixed_width : SHARED_WANT, least[n]),
                         col->title_width);
          sum_least += least[n];
          n++;
        }
    }

  /* The amount gives up what it does not need only when the others are
   * down to their least and still do not fit. */
  amount_width = amount_col->user_width || amount_col->info.fixed_width <= 0
                 ? width_of (amount_col) : amount_col->info.fixed_width;
  if (!amount_col->user_width && amount_col->info.fixed_width > 0)
    {
      if (room - kept - amount_width < sum_least)
        amount_width = MAX (amount_least (self, amount_col), MIN (amount_width, room - kept - sum_least));
      set_width (self, amount_col, amount_width);
    }
  kept += amount_width;
  end += amount_width;
  share = ys_record_grid_fit_share (want, least, n, room - kept);

  n = 0;
  for (int i = 0; i < amount; i++)
    {
      Column *col = column_at (self, i);
      int width;

      if (col->user_width)
        {
          end += width_of (col);
          continue;
        }
      if (share >= 1.0)
        {
          /* Room enough: the widths the page gives (at the least what
           * the title needs on one line), the shared columns sharing
           * again. */
          set_width (self, col, col->info.fixed_width > 0 ? want[n] : -1);
          n++;
          continue;
        }
      width = least[n] + (int) ((want[n] - least[n]) * share);
      set_width (self, col, width);
      end += width;
      n++;
    }

  /* The columns after the amount are scrolled to: each as wide as the
   * page gives it, at the least as its title on two lines. */
  for (guint i = amount + 1; i < self->columns->len; i++)
    {
      Column *col = column_at (self, i);

      measure_title (self, col);
      if (!col->user_width && col->info.fixed_width > 0)
        set_width (self, col, MAX (col->info.fixed_width, col->title_least));
    }

  /* Every title as it reads in its column's width now. */
  for (guint i = 0; i < self->columns->len; i++)
    {
      Column *col = column_at (self, i);

      show_title (self, col, gtk_column_view_column_get_fixed_width (col->column));
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
  ys_record_grid_fit_columns (self);
  return G_SOURCE_REMOVE;
}

static void
queue_fit (YsRecordGrid *self)
{
  /* Not while the layout runs: new widths lay the grid out again. Before
   * the frame is painted, so that it shows the fitted columns. */
  if (self->fit_idle == 0)
    self->fit_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, fit_cb, self, NULL);
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
  queue_fit (self);
}

static void
on_fixed_width_cb (Column     *col,
                   GParamSpec *pspec,
                   GtkColumnViewColumn *column)
{
  if (col->grid->fitting)
    return;
  col->user_width = TRUE;
  /* Exactly the user's width: no share of the room left over either. */
  gtk_column_view_column_set_expand (column, FALSE);
  /* Its title follows the user's width as the user drags. */
  show_title (col->grid, col, gtk_column_view_column_get_fixed_width (column));
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
