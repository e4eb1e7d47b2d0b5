/* A computed official table drawn as it will be printed: title, captions,
 * header rows with their merged cells, the body and the notes, in a grid of
 * bordered cells. It reads the same YsReportTable the xlsx writer does, so
 * what the accountant checks here is what the workbook holds. */
#define G_LOG_DOMAIN "yusuan"

#include "config.h"

#include <glib/gi18n.h>

#include "ys-report-view.h"
#include "ys-widget-util.h"

/* Pixels per character of column width (Excel's unit): a CJK character
 * counts two, as it does in the workbook. */
#define PX_PER_CHAR 7.5
/* A table longer than this is cut in the preview; the export has it all. */
#define MAX_PREVIEW_ROWS 3000

struct _YsReportView
{
  GtkWidget  parent_instance;

  /* template */
  GtkLabel  *title_label;
  GtkLabel  *subtitle_label;
  GtkBox    *captions_box;
  GtkGrid   *grid;
  GtkBox    *notes_box;
};

G_DEFINE_FINAL_TYPE (YsReportView, ys_report_view, GTK_TYPE_WIDGET)

static gboolean
cell_blank (const YsReportCell *cell)
{
  switch (cell->type)
    {
    case YS_REPORT_CELL_EMPTY:
      return TRUE;
    case YS_REPORT_CELL_TEXT:
      return cell->text == NULL || *cell->text == '\0';
    default:
      return cell->value == 0 && !(cell->flags & YS_CELL_SHOW_ZERO);
    }
}

static char *
cell_text (YsReportTable *table,
           const YsReportCell  *cell)
{
  if (cell_blank (cell))
    return g_strdup ("");
  switch (cell->type)
    {
    case YS_REPORT_CELL_MONEY:
      return ys_money_format (cell->value, table->unit, TRUE);
    case YS_REPORT_CELL_NUMBER:
      return g_strdup_printf ("%" G_GINT64_FORMAT, cell->value);
    default:
      return g_strdup (cell->text);
    }
}

static double
span_width (YsReportTable *table,
            guint          first,
            guint          last)
{
  double width = 0;

  for (guint c = first; c <= last && c < table->n_cols; c++)
    {
      if (table->widths == NULL || table->widths[c] <= 0)
        return 0;  /* a column fitted to its content: let the label decide */
      width += table->widths[c];
    }
  return width;
}

/* Which merge (index + 1) covers each cell of a grid of @n_rows, 0 for none. */
static guint *
merge_map (GArray *merges,
           guint   n_rows,
           guint   n_cols)
{
  guint *map = g_new0 (guint, (gsize) MAX (n_rows, 1) * MAX (n_cols, 1));

  for (guint m = 0; merges != NULL && m < merges->len; m++)
    {
      YsMerge *mg = &g_array_index (merges, YsMerge, m);

      for (guint r = mg->first_row; r <= mg->last_row && r < n_rows; r++)
        for (guint c = mg->first_col; c <= mg->last_col && c < n_cols; c++)
          map[r * n_cols + c] = m + 1;
    }
  return map;
}

static GtkWidget *
make_cell (YsReportTable *table,
           const YsReportCell  *cell,
           gboolean       header,
           gboolean       total,
           double         width)
{
  g_autofree char *text = cell_text (table, cell);
  GtkWidget *label = gtk_label_new (text);
  gboolean figure = cell->type == YS_REPORT_CELL_MONEY || cell->type == YS_REPORT_CELL_NUMBER;

  gtk_widget_add_css_class (label, "cell");
  if (header)
    {
      gtk_widget_add_css_class (label, "header");
      gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
    }
  if (!header && (total || (cell->flags & YS_CELL_BOLD)))
    gtk_widget_add_css_class (label, "total");

  if (figure)
    {
      gtk_widget_add_css_class (label, "numeric");
      gtk_label_set_xalign (GTK_LABEL (label), 1.0);
    }
  else if (header || (cell->flags & YS_CELL_CENTER))
    gtk_label_set_xalign (GTK_LABEL (label), 0.5);
  else
    gtk_label_set_xalign (GTK_LABEL (label), 0.0);

  if (cell->flags & YS_CELL_LEFT_WRAP)
    gtk_label_set_yalign (GTK_LABEL (label), 0.0);

  /* 类/款/项 names step in, as they do in print. */
  if (cell->indent > 0)
    gtk_widget_set_margin_start (label, 14 * cell->indent);

  if (header && width <= 0)
    {
      /* A figure column fitted to its figures: its heading wraps over
       * them instead of widening it. */
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 8);
    }
  else if (!figure && width > 0)
    {
      /* Long names and the forms' texts wrap within the column's printed
       * width instead of stretching the table. */
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 1);
      gtk_widget_set_size_request (label, (int) (width * PX_PER_CHAR), -1);
    }
  else if (width > 0)
    gtk_widget_set_size_request (label, (int) (width * PX_PER_CHAR), -1);

  return label;
}

static void
add_grid (YsReportView  *self,
          YsReportTable *table,
          GPtrArray     *rows,
          GArray        *merges,
          guint          top,
          guint          n_rows,
          gboolean       header)
{
  g_autofree guint *map = merge_map (merges, rows->len, table->n_cols);

  for (guint r = 0; r < n_rows; r++)
    {
      YsReportRow *row = g_ptr_array_index (rows, r);

      for (guint c = 0; c < table->n_cols && c < row->n_cells; c++)
        {
          guint m = map[r * table->n_cols + c];
          YsMerge *mg = m ? &g_array_index (merges, YsMerge, m - 1) : NULL;
          guint last_col = c, last_row = r;
          GtkWidget *cell;

          if (mg != NULL)
            {
              if (mg->first_row != r || mg->first_col != c)
                continue;  /* drawn by the merge's first cell */
              last_col = MIN (mg->last_col, table->n_cols - 1);
              last_row = MIN (mg->last_row, n_rows - 1);
            }
          cell = make_cell (table, &row->cells[c], header, row->total,
                            span_width (table, c, last_col));
          gtk_grid_attach (self->grid, cell, c, top + r, last_col - c + 1, last_row - r + 1);
        }
    }
}

void
ys_report_view_set_table (YsReportView  *self,
                          YsReportTable *table)
{
  guint n_rows;

  g_return_if_fail (YS_IS_REPORT_VIEW (self));

  ys_widget_remove_children (GTK_WIDGET (self->grid));
  ys_widget_remove_children (GTK_WIDGET (self->captions_box));
  ys_widget_remove_children (GTK_WIDGET (self->notes_box));

  if (table == NULL)
    {
      gtk_label_set_label (self->title_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), FALSE);
      return;
    }

  gtk_label_set_label (self->title_label, table->title);
  gtk_label_set_label (self->subtitle_label, table->subtitle ? table->subtitle : "");
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), table->subtitle != NULL);

  for (guint i = 0; table->captions != NULL && i < table->captions->len; i++)
    {
      YsCaption *caption = g_ptr_array_index (table->captions, i);
      GtkWidget *line = gtk_center_box_new ();

      gtk_center_box_set_start_widget (GTK_CENTER_BOX (line), gtk_label_new (caption->left));
      gtk_center_box_set_center_widget (GTK_CENTER_BOX (line), gtk_label_new (caption->center));
      gtk_center_box_set_end_widget (GTK_CENTER_BOX (line), gtk_label_new (caption->right));
      gtk_box_append (self->captions_box, line);
    }

  add_grid (self, table, table->header, table->header_merges, 0, table->header->len, TRUE);
  n_rows = MIN (table->rows->len, MAX_PREVIEW_ROWS);
  add_grid (self, table, table->rows, table->body_merges, table->header->len, n_rows, FALSE);

  if (n_rows < table->rows->len)
    {
      /* Translators: under a preview cut short; the exported workbook has every row */
      g_autofree char *more = g_strdup_printf (_("%u more rows are in the exported workbook."),
                                               table->rows->len - n_rows);
      GtkWidget *label = gtk_label_new (more);

      gtk_widget_add_css_class (label, "dim-label");
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_box_append (self->notes_box, label);
    }
  for (guint i = 0; table->notes != NULL && i < table->notes->len; i++)
    {
      GtkWidget *label = gtk_label_new (g_ptr_array_index (table->notes, i));

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      /* A long note wraps under the table rather than widening it. */
      gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
      gtk_box_append (self->notes_box, label);
    }
}

GtkWidget *
ys_report_view_new (void)
{
  return g_object_new (YS_TYPE_REPORT_VIEW, NULL);
}

static void
ys_report_view_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), YS_TYPE_REPORT_VIEW);
  /* dispose_template() only unparents the children the class binds. */
  ys_widget_remove_children (GTK_WIDGET (object));

  G_OBJECT_CLASS (ys_report_view_parent_class)->dispose (object);
}

static void
ys_report_view_class_init (YsReportViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ys_report_view_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/yusuan/Yusuan/ui/ys-report-view.ui");
  gtk_widget_class_bind_template_child (widget_class, YsReportView, title_label);
  gtk_widget_class_bind_template_child (widget_class, YsReportView, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, YsReportView, captions_box);
  gtk_widget_class_bind_template_child (widget_class, YsReportView, grid);
  gtk_widget_class_bind_template_child (widget_class, YsReportView, notes_box);
}

static void
ys_report_view_init (YsReportView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
