/* The difference report between two versions of a budget, as the window
 * shows it: the total, then expenditure by unit, 功能分类, 经济分类 and
 * project (each amount in both versions, 增减额, 增减率) and the records that
 * changed, one tab each. What it shows comes from ys_diff_compute(), the
 * same report `yusuan-cli diff` prints and ys_diff_write_xlsx() writes. */
#define G_LOG_DOMAIN "yusuan"

#include "config.h"

#include <glib/gi18n.h>

#include "ys-diff-view.h"
#include "ys-widget-util.h"

/* More changed records than this are left to the workbook: a grid of
 * thousands of labels helps no one read. */
#define MAX_CHANGES_SHOWN 500

struct _YsDiffView
{
  GtkWidget       parent_instance;

  GtkLabel       *summary_label;
  GtkCheckButton *only_changed_check;
  GtkStack       *sections;
  GtkWidget      *tables[4];
  GtkWidget      *changes_box;

  YsDiff         *diff;
};

G_DEFINE_FINAL_TYPE (YsDiffView, ys_diff_view, GTK_TYPE_WIDGET)

static const struct {
  const char *name;
  const char *title;   /* N_() */
} sections[] = {
  { "unit", N_("By Unit") },
  { "function", N_("By Function Classification") },
  { "economic", N_("By Economic Classification") },
  { "project", N_("By Project") },
};

static GtkWidget *
cell (const char *text, float xalign, gboolean heading)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_focusable (label, FALSE);
  if (heading)
    gtk_widget_add_css_class (label, "heading");
  if (xalign > 0.5f)
    gtk_widget_add_css_class (label, "numeric");
  return label;
}

static void
attach_row (GtkGrid *grid, int y, const YsDiffRow *row, gboolean total)
{
  g_autofree char *from = ys_money_format (row->from, YS_MONEY_YUAN, TRUE);
  g_autofree char *to = ys_money_format (row->to, YS_MONEY_YUAN, TRUE);
  g_autofree char *change = ys_money_format (row->to - row->from, YS_MONEY_YUAN, TRUE);
  g_autofree char *rate = ys_diff_row_rate_text (row);
  /* 类, 款 and 项 indented as the official tables print them. */
  g_autofree char *indent = g_strnfill (row->level > 1 ? 2 * (row->level - 1) : 0, ' ');
  g_autofree char *code = g_strconcat (indent, total ? "" : row->code, NULL);
  const char *texts[] = { code, total ? _("Total") : row->name, from, to, change, rate };

  for (guint c = 0; c < G_N_ELEMENTS (texts); c++)
    {
      GtkWidget *label = cell (texts[c], c >= 2 ? 1.0f : 0.0f, total);
      if (c >= 4 && row->to != row->from)
        gtk_widget_add_css_class (label, row->to > row->from ? "warning" : "accent");
      gtk_grid_attach (grid, label, c, y, 1, 1);
    }
}

static void
fill_table (YsDiffView *self, GtkWidget *box, GPtrArray *rows)
{
  gboolean only_changed = gtk_check_button_get_active (self->only_changed_check);
  GtkWidget *grid = gtk_grid_new ();
  const char *headings[] = {
    _("Code"), _("Name"), ys_diff_get_name (self->diff, FALSE), ys_diff_get_name (self->diff, TRUE),
    _("Change (yuan)"), _("Rate of Change"),
  };
  int y = 0;
  guint shown = 0;

  ys_widget_remove_children (box);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  for (guint c = 0; c < G_N_ELEMENTS (headings); c++)
    gtk_grid_attach (GTK_GRID (grid), cell (headings[c], c >= 2 ? 1.0f : 0.0f, TRUE), c, y, 1, 1);
  gtk_widget_set_hexpand (gtk_grid_get_child_at (GTK_GRID (grid), 1, 0), TRUE);
  attach_row (GTK_GRID (grid), ++y, &self->diff->total, TRUE);
  for (guint i = 0; i < rows->len; i++)
    {
      const YsDiffRow *row = g_ptr_array_index (rows, i);
      if (only_changed && row->from == row->to)
        continue;
      attach_row (GTK_GRID (grid), ++y, row, FALSE);
      shown++;
    }
  gtk_box_append (GTK_BOX (box), grid);
  if (shown == 0)
    {
      GtkWidget *none = gtk_label_new (only_changed ? _("No amount changed here.") : _("No expenditure in either version."));
      gtk_widget_add_css_class (none, "dim-label");
      gtk_box_append (GTK_BOX (box), none);
    }
}

static void
fill_changes (YsDiffView *self)
{
  GPtrArray *changes = self->diff->changes;
  g_autofree char *count = NULL;
  GtkWidget *heading;

  ys_widget_remove_children (self->changes_box);
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u record changed", "%u records changed", changes->len),
                           changes->len);
  heading = cell (count, 0.0f, TRUE);
  gtk_box_append (GTK_BOX (self->changes_box), heading);
  for (guint i = 0; i < changes->len && i < MAX_CHANGES_SHOWN; i++)
    {
      const YsDiffChange *change = g_ptr_array_index (changes, i);
      g_autofree char *what = ys_diff_change_describe (change);
      g_autofree char *line = g_strdup_printf ("%s %s", ys_diff_change_type_label (change->type), what);
      GtkWidget *label = cell (line, 0.0f, FALSE);

      gtk_widget_set_margin_top (label, 6);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_box_append (GTK_BOX (self->changes_box), label);
      for (guint f = 0; f < change->fields->len; f++)
        {
          const YsDiffField *field = g_ptr_array_index (change->fields, f);
          g_autofree char *text = g_strdup_printf ("%s: %s → %s", ys_diff_field_label (field),
                                                   field->old_text, field->new_text);
          GtkWidget *detail = cell (text, 0.0f, FALSE);

          gtk_label_set_wrap (GTK_LABEL (detail), TRUE);
          gtk_widget_set_margin_start (detail, 24);
          gtk_widget_add_css_class (detail, "dim-label");
          gtk_box_append (GTK_BOX (self->changes_box), detail);
        }
    }
  if (changes->len > MAX_CHANGES_SHOWN)
    {
      g_autofree char *more = g_strdup_printf (_("… and %u more: export the comparison to see every change."),
                                               changes->len - MAX_CHANGES_SHOWN);
      gtk_box_append (GTK_BOX (self->changes_box), cell (more, 0.0f, FALSE));
    }
}

static void
refill (YsDiffView *self)
{
  GPtrArray *rows[4];
  g_autofree char *from = NULL, *to = NULL, *change = NULL, *rate = NULL, *summary = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self), self->diff != NULL);
  if (self->diff == NULL)
    return;
  rows[0] = self->diff->by_unit;
  rows[1] = self->diff->by_function;
  rows[2] = self->diff->by_economic;
  rows[3] = self->diff->by_project;
  for (guint s = 0; s < G_N_ELEMENTS (rows); s++)
    fill_table (self, self->tables[s], rows[s]);
  fill_changes (self);

  from = ys_money_format (self->diff->total.from, YS_MONEY_YUAN, TRUE);
  to = ys_money_format (self->diff->total.to, YS_MONEY_YUAN, TRUE);
  change = ys_money_format (self->diff->total.to - self->diff->total.from, YS_MONEY_YUAN, TRUE);
  rate = ys_diff_row_rate_text (&self->diff->total);
  summary = g_strdup_printf (_("%s → %s: expenditure %s → %s yuan, change %s (%s); %u records changed"),
                             ys_diff_get_name (self->diff, FALSE), ys_diff_get_name (self->diff, TRUE),
                             from, to, change, rate, self->diff->changes->len);
  gtk_label_set_label (self->summary_label, summary);
}

void
ys_diff_view_set_diff (YsDiffView *self, YsDiff *diff)
{
  g_return_if_fail (YS_IS_DIFF_VIEW (self));

  g_clear_pointer (&self->diff, ys_diff_free);
  self->diff = diff;
  refill (self);
}

YsDiff *
ys_diff_view_get_diff (YsDiffView *self)
{
  g_return_val_if_fail (YS_IS_DIFF_VIEW (self), NULL);

  return self->diff;
}

GtkWidget *
ys_diff_view_new (void)
{
  return g_object_new (YS_TYPE_DIFF_VIEW, NULL);
}

static void
on_only_changed_toggled_cb (YsDiffView *self)
{
  refill (self);
}

static void
ys_diff_view_dispose (GObject *object)
{
  YsDiffView *self = YS_DIFF_VIEW (object);

  g_clear_pointer (&self->diff, ys_diff_free);
  ys_widget_remove_children (GTK_WIDGET (self));
  G_OBJECT_CLASS (ys_diff_view_parent_class)->dispose (object);
}

static void
ys_diff_view_class_init (YsDiffViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = ys_diff_view_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "diffview");
}

static void
ys_diff_view_init (YsDiffView *self)
{
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *switcher = gtk_stack_switcher_new ();

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 12);

  self->summary_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->summary_label, TRUE);
  gtk_label_set_xalign (self->summary_label, 0);
  gtk_label_set_selectable (self->summary_label, TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->summary_label), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->summary_label), "title-4");
  gtk_box_append (GTK_BOX (top), GTK_WIDGET (self->summary_label));
  self->only_changed_check = GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (_("Only _rows that changed")));
  gtk_check_button_set_active (self->only_changed_check, TRUE);
  gtk_widget_set_valign (GTK_WIDGET (self->only_changed_check), GTK_ALIGN_CENTER);
  g_signal_connect_swapped (self->only_changed_check, "toggled", G_CALLBACK (on_only_changed_toggled_cb), self);
  gtk_box_append (GTK_BOX (top), GTK_WIDGET (self->only_changed_check));
  gtk_widget_set_parent (top, GTK_WIDGET (self));

  self->sections = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_vhomogeneous (self->sections, FALSE);
  gtk_stack_switcher_set_stack (GTK_STACK_SWITCHER (switcher), self->sections);
  gtk_widget_set_halign (switcher, GTK_ALIGN_START);
  gtk_widget_set_parent (switcher, GTK_WIDGET (self));
  for (guint s = 0; s < G_N_ELEMENTS (sections); s++)
    {
      self->tables[s] = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      gtk_stack_add_titled (self->sections, self->tables[s], sections[s].name, _(sections[s].title));
    }
  self->changes_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_stack_add_titled (self->sections, self->changes_box, "changes", _("Changed Records"));
  gtk_widget_set_parent (GTK_WIDGET (self->sections), GTK_WIDGET (self));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}
