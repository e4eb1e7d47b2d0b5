/* A cell of the record grid. Hundreds exist at once and are rebound as the
 * table scrolls, so a cell is a label and nothing else until it is edited;
 * the editor is made for the one cell being edited and dropped after. */
#define G_LOG_DOMAIN "yusuan"

#include "config.h"

#include "ys-grid-cell.h"

struct _YsGridCell
{
  GtkWidget    parent_instance;

  GtkLabel    *label;

  GtkWidget   *editor;       /* GtkText, while editing */
  GtkWidget   *suffix;       /* GtkLabel, while editing */
  GtkListItem *item;         /* the list item owning this cell */
  YsRecord    *record;       /* borrowed: the list item holds it while bound */
  gulong       notify_id;
  guint        column;
  char        *error;
};

G_DEFINE_FINAL_TYPE (YsGridCell, ys_grid_cell, GTK_TYPE_WIDGET)

GtkListItem *
ys_grid_cell_get_list_item (YsGridCell *self)
{
  g_return_val_if_fail (YS_IS_GRID_CELL (self), NULL);

  return self->item;
}

guint
ys_grid_cell_get_column (YsGridCell *self)
{
  g_return_val_if_fail (YS_IS_GRID_CELL (self), 0);

  return self->column;
}

void
ys_grid_cell_bind (YsGridCell *self,
                   YsRecord   *record,
                   const char *detailed_signal,
                   GCallback   changed,
                   gpointer    user_data)
{
  g_return_if_fail (YS_IS_GRID_CELL (self));
  g_return_if_fail (self->record == NULL);

  self->record = record;
  self->notify_id = g_signal_connect_swapped (record, detailed_signal, changed, user_data);
}

void
ys_grid_cell_unbind (YsGridCell *self)
{
  g_return_if_fail (YS_IS_GRID_CELL (self));

  if (self->record != NULL)
    g_clear_signal_handler (&self->notify_id, self->record);
  self->record = NULL;
}

YsRecord *
ys_grid_cell_get_record (YsGridCell *self)
{
  g_return_val_if_fail (YS_IS_GRID_CELL (self), NULL);

  return self->record;
}

void
ys_grid_cell_set_text (YsGridCell *self,
                       const char *text,
                       gboolean    placeholder)
{
  g_return_if_fail (YS_IS_GRID_CELL (self));

  gtk_label_set_label (self->label, text);
  if (placeholder)
    gtk_widget_add_css_class (GTK_WIDGET (self->label), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->label), "dim-label");
}

static void
update_accessible_error (YsGridCell *self,
                         GtkWidget  *widget)
{
  if (self->error != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->error,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  gtk_accessible_update_state (GTK_ACCESSIBLE (widget),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               self->error ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
}

void
ys_grid_cell_set_error (YsGridCell *self,
                        const char *message)
{
  g_return_if_fail (YS_IS_GRID_CELL (self));

  if (g_strcmp0 (self->error, message) == 0)
    return;
  g_free (self->error);
  self->error = g_strdup (message);

  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "error");
  update_accessible_error (self, GTK_WIDGET (self));
  update_accessible_error (self, GTK_WIDGET (self->label));
  if (self->editor != NULL)
    update_accessible_error (self, self->editor);
}

const char *
ys_grid_cell_get_error (YsGridCell *self)
{
  g_return_val_if_fail (YS_IS_GRID_CELL (self), NULL);

  return self->error;
}

GtkText *
ys_grid_cell_begin_edit (YsGridCell *self,
                         const char *text,
                         gboolean    select_all,
                         const char *suffix,
                         const char *accessible_label)
{
  g_return_val_if_fail (YS_IS_GRID_CELL (self), NULL);

  if (self->editor == NULL)
    {
      /* A GtkText presents nothing to a screen reader by itself (it is
       * meant to sit in an entry, which does): here it is the text box. */
      self->editor = g_object_new (GTK_TYPE_TEXT,
                                   "accessible-role", GTK_ACCESSIBLE_ROLE_TEXT_BOX,
                                   NULL);
      gtk_widget_set_hexpand (self->editor, TRUE);
      gtk_widget_set_parent (self->editor, GTK_WIDGET (self));
      if (gtk_label_get_xalign (self->label) > 0.5)
        {
          gtk_editable_set_alignment (GTK_EDITABLE (self->editor), 1.0);
          gtk_widget_add_css_class (self->editor, "numeric");
        }
    }
  if (suffix != NULL && self->suffix == NULL)
    {
      self->suffix = gtk_label_new (suffix);
      gtk_widget_add_css_class (self->suffix, "dim-label");
      gtk_widget_set_margin_start (self->suffix, 4);
      gtk_widget_set_parent (self->suffix, GTK_WIDGET (self));
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->editor),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label,
                                  -1);
  update_accessible_error (self, self->editor);
  gtk_widget_set_visible (GTK_WIDGET (self->label), FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "editing");

  gtk_editable_set_text (GTK_EDITABLE (self->editor), text);
  gtk_widget_grab_focus (self->editor);
  if (select_all)
    gtk_editable_select_region (GTK_EDITABLE (self->editor), 0, -1);
  else
    gtk_editable_set_position (GTK_EDITABLE (self->editor), -1);
  return GTK_TEXT (self->editor);
}

void
ys_grid_cell_end_edit (YsGridCell *self,
                       gboolean    keep_focus)
{
  g_return_if_fail (YS_IS_GRID_CELL (self));

  if (self->editor == NULL)
    return;
  /* Focus comes back to the cell first: unparenting the focused editor
   * would send it to the window, away from the table. */
  gtk_widget_set_visible (GTK_WIDGET (self->label), TRUE);
  gtk_widget_remove_css_class (GTK_WIDGET (self), "editing");
  if (keep_focus)
    gtk_widget_grab_focus (GTK_WIDGET (self));
  g_clear_pointer (&self->editor, gtk_widget_unparent);
  g_clear_pointer (&self->suffix, gtk_widget_unparent);
}

GtkText *
ys_grid_cell_get_editor (YsGridCell *self)
{
  g_return_val_if_fail (YS_IS_GRID_CELL (self), NULL);

  return self->editor ? GTK_TEXT (self->editor) : NULL;
}

static void
ys_grid_cell_dispose (GObject *object)
{
  YsGridCell *self = YS_GRID_CELL (object);

  ys_grid_cell_unbind (self);
  g_clear_pointer (&self->editor, gtk_widget_unparent);
  g_clear_pointer (&self->suffix, gtk_widget_unparent);
  if (self->label != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->label));
  self->label = NULL;

  G_OBJECT_CLASS (ys_grid_cell_parent_class)->dispose (object);
}

static void
ys_grid_cell_finalize (GObject *object)
{
  YsGridCell *self = YS_GRID_CELL (object);

  g_free (self->error);

  G_OBJECT_CLASS (ys_grid_cell_parent_class)->finalize (object);
}

static void
ys_grid_cell_class_init (YsGridCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ys_grid_cell_dispose;
  object_class->finalize = ys_grid_cell_finalize;

  gtk_widget_class_set_css_name (widget_class, "gridcell");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

/* Made in code, not from a template: a search that brings back rows GTK
 * had dropped makes hundreds of cells at once, and a template is parsed
 * for each. */
static void
ys_grid_cell_init (YsGridCell *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_widget_set_parent (label, GTK_WIDGET (self));
  self->label = GTK_LABEL (label);
}

GtkWidget *
ys_grid_cell_new (GtkListItem *item,
                  guint        column,
                  gboolean     numeric)
{
  YsGridCell *self = g_object_new (YS_TYPE_GRID_CELL, NULL);

  self->item = item;
  self->column = column;
  if (numeric)
    {
      gtk_label_set_xalign (self->label, 1.0);
      gtk_widget_add_css_class (GTK_WIDGET (self->label), "numeric");
    }
  return GTK_WIDGET (self);
}
