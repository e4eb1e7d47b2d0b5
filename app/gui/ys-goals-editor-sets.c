/* The goal editor's two indicator sets: each group of the framework with
 * its indicators, the rows made again after a change, the cursor kept
 * across that, and the library of common indicators. */
#define G_LOG_DOMAIN "yusuan"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ys-goals-editor-private.h"
#include "ys-kinds.h"

static GArray *
collect_set (YsGoalsEditor *self,
             guint          set)
{
  return ys_goal_set_collect (self->document, self->project_code, ys_goals_set_words[set]);
}

/* Rows */

static void
on_row_move_cb (YsGoalsEditor *self,
                int            delta,
                YsGoalRow     *row)
{
  g_autoptr(GError) error = NULL;
  YsRecord *indicator = ys_goal_row_get_indicator (row);

  self->focus_after = indicator;
  self->focus_field = ys_goal_row_get_focus_field (row);
  if (ys_goal_set_move (self->document, indicator, delta, &error))
    return;
  self->focus_after = NULL;
  if (error != NULL)
    ys_goals_editor_show_error (self, error->message);
  else
    /* Within its group only: the group is what its 一级/二级 say. */
    gtk_widget_error_bell (GTK_WIDGET (self));
}

static void
on_row_remove_cb (YsGoalsEditor *self,
                  YsGoalRow     *row)
{
  g_autoptr(GError) error = NULL;

  if (!ys_document_delete (self->document, ys_goal_row_get_indicator (row), &error))
    ys_goals_editor_show_error (self, error->message);
}

static GtkWidget *
make_row (YsGoalsEditor *self,
          YsRecord      *indicator,
          gboolean       show_levels)
{
  GtkWidget *row = ys_goal_row_new (self->document, indicator);

  ys_goal_row_set_show_levels (YS_GOAL_ROW (row), show_levels);
  g_signal_connect_object (row, "move", G_CALLBACK (on_row_move_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "remove", G_CALLBACK (on_row_remove_cb), self, G_CONNECT_SWAPPED);
  g_ptr_array_add (self->rows, row);
  return row;
}

static GtkWidget *
make_list (void)
{
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *placeholder = gtk_label_new (_("No indicators"));

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 8);
  gtk_widget_set_margin_bottom (placeholder, 8);
  gtk_list_box_set_placeholder (GTK_LIST_BOX (list), placeholder);
  return list;
}

static void
append_row (GtkWidget *list,
            GtkWidget *row)
{
  GtkWidget *list_row = gtk_list_box_row_new ();

  /* The row's entries take the focus, not the list row around them. */
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (list_row), FALSE);
  gtk_widget_set_focusable (list_row, FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (list_row), row);
  gtk_list_box_append (GTK_LIST_BOX (list), list_row);
}

static GtkWidget *
make_group_header (const char *level2,
                   guint       set,
                   const char *level1,
                   gboolean    empty)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (level2);
  GtkWidget *add = gtk_button_new_from_icon_name ("list-add-symbolic");
  /* Translators: the tooltip of the button that adds an indicator to a group, e.g. 数量指标 */
  g_autofree char *tooltip = g_strdup_printf (_("Add an indicator to “%s”"), level2);

  gtk_widget_set_margin_top (box, 6);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_widget_add_css_class (add, "flat");
  gtk_widget_set_tooltip_text (add, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "goals.add");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (add), "(uss)", set, level1, level2);
  gtk_box_append (GTK_BOX (box), label);
  if (empty)
    {
      /* Collapsed to this line; the button adds the first one. */
      GtkWidget *none = gtk_label_new (_("No indicators"));

      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (none, "caption");
      gtk_widget_add_css_class (none, "dim-label");
      gtk_box_append (GTK_BOX (box), none);
    }
  gtk_box_append (GTK_BOX (box), add);
  return box;
}

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

/* Each part of a set (a heading, a group with its indicators) in a box
 * of its own, listed in @parts, so that it can line up with the other set's. */
static GtkWidget *
append_part (GtkBox    *container,
             GPtrArray *parts)
{
  GtkWidget *part = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);

  gtk_widget_set_valign (part, GTK_ALIGN_START);
  gtk_box_append (container, part);
  g_ptr_array_add (parts, part);
  return part;
}

static void
build_set (YsGoalsEditor *self,
           guint          set,
           GtkBox        *container,
           GPtrArray     *parts)
{
  g_autoptr(GArray) placed = collect_set (self, set);
  const YsGoalGroup *groups;
  guint n_groups, i = 0;

  groups = ys_goals_editor_framework_groups (self, &n_groups, NULL);
  clear_box (container);

  for (guint g = 0; g <= n_groups; g++)
    {
      GtkWidget *list, *part;
      guint first = i;

      if (g < n_groups && (g == 0 || !g_str_equal (groups[g].level1, groups[g - 1].level1)))
        {
          GtkWidget *heading = gtk_label_new (groups[g].level1);

          gtk_label_set_xalign (GTK_LABEL (heading), 0);
          gtk_widget_add_css_class (heading, "heading");
          if (g > 0)
            gtk_widget_set_margin_top (heading, 12);
          gtk_box_append (GTK_BOX (append_part (container, parts)), heading);
        }
      while (i < placed->len && g_array_index (placed, YsPlacedIndicator, i).group == g)
        i++;
      part = g < n_groups || first < placed->len ? append_part (container, parts) : NULL;

      if (g == n_groups)
        {
          GtkWidget *heading;

          /* Indicators whose 一级/二级 the framework does not know still
           * show, each with its levels, so that they can be fixed. */
          if (part == NULL)
            break;
          heading = gtk_label_new (_("Other Indicators"));
          gtk_label_set_xalign (GTK_LABEL (heading), 0);
          gtk_widget_add_css_class (heading, "heading");
          gtk_widget_set_margin_top (heading, 12);
          gtk_box_append (GTK_BOX (part), heading);
        }
      else
        gtk_box_append (GTK_BOX (part), make_group_header (groups[g].level2, set, groups[g].level1, first == i));

      if (first == i)
        continue;
      list = make_list ();
      for (guint k = first; k < i; k++)
        append_row (list, make_row (self, g_array_index (placed, YsPlacedIndicator, k).record, g == n_groups));
      gtk_box_append (GTK_BOX (part), list);
    }
}

/* The library menu of one set: the common indicators that fit the framework. */
static GMenuModel *
build_library_menu (YsGoalsEditor *self,
                    guint          set)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) section = NULL;
  const char *section_level1 = NULL;
  const YsGoalGroup *groups;
  const YsGoalCommon *library;
  guint n_groups, n_library, cost;
  gboolean is_2021;

  groups = ys_goals_editor_framework_groups (self, &n_groups, &is_2021);
  library = ys_goal_common_indicators (&n_library);
  cost = ys_goal_group_cost (groups, n_groups);
  for (guint g = 0; g < n_groups; g++)
    for (guint k = 0; k < n_library; k++)
      {
        const YsGoalCommon *c = &library[k];
        guint target = c->level1 ? ys_goal_group_find (groups, n_groups, c->level1, c->level2) : cost;
        g_autofree char *label = NULL;
        g_autoptr(GMenuItem) item = NULL;

        if (target != g || (c->legacy_only && is_2021))
          continue;
        if (section_level1 == NULL || !g_str_equal (section_level1, groups[g].level1))
          {
            if (section != NULL)
              g_menu_append_section (menu, section_level1, G_MENU_MODEL (section));
            g_clear_object (&section);
            section = g_menu_new ();
            section_level1 = groups[g].level1;
          }
        /* As the forms write them: 验收合格率 = 100%, 长效管理机制：健全（定性）. */
        if (ys_goal_is_quantitative (c->op))
          label = g_strdup_printf ("%s %s %s%s", c->name, c->op, c->value, c->measure);
        else
          label = g_strdup_printf ("%s：%s（%s）", c->name, c->value, c->op);
        item = g_menu_item_new (label, NULL);
        g_menu_item_set_action_and_target (item, "goals.insert-common", "(uu)", set, k);
        g_menu_append_item (section, item);
      }
  if (section != NULL)
    g_menu_append_section (menu, section_level1, G_MENU_MODEL (section));
  return G_MENU_MODEL (menu);
}

YsGoalRow *
ys_goals_editor_find_row (YsGoalsEditor *self,
                          YsRecord      *indicator)
{
  for (guint i = 0; i < self->rows->len; i++)
    if (ys_goal_row_get_indicator (g_ptr_array_index (self->rows, i)) == indicator)
      return g_ptr_array_index (self->rows, i);
  return NULL;
}

typedef struct
{
  YsGoalRow *row;
  int        field;
} FocusLater;

static void
focus_later_free (gpointer data)
{
  FocusLater *later = data;

  g_object_unref (later->row);
  g_free (later);
}

static gboolean
focus_row_cb (gpointer user_data)
{
  FocusLater *later = user_data;

  /* Again once the new rows are allocated, so that the viewport scrolls
   * the entry into view. */
  if (gtk_widget_get_root (GTK_WIDGET (later->row)) != NULL)
    ys_goal_row_focus_field (later->row, later->field);
  return G_SOURCE_REMOVE;
}

void
ys_goals_editor_focus_row (YsGoalRow *row,
                           int        field)
{
  FocusLater *later = g_new0 (FocusLater, 1);

  ys_goal_row_focus_field (row, field);
  later->row = g_object_ref (row);
  later->field = field;
  g_timeout_add_full (G_PRIORITY_LOW, 50, focus_row_cb, later, focus_later_free);
}

/* Side by side, the same group of both sets starts on the same line, so
 * that an indicator's 实施期 and 年度 values can be read across. One above
 * the other, each set takes only its own room. */
void
ys_goals_editor_update_alignment (YsGoalsEditor *self)
{
  GtkSizeGroupMode mode = ys_goals_columns_get_side_by_side (self->columns)
                          ? GTK_SIZE_GROUP_VERTICAL : GTK_SIZE_GROUP_NONE;

  for (guint i = 0; i < self->aligned->len; i++)
    gtk_size_group_set_mode (g_ptr_array_index (self->aligned, i), mode);
}

static void
align_parts (YsGoalsEditor *self,
             GPtrArray     *period,
             GPtrArray     *annual)
{
  /* The goals' frames first (kept), then the parts just made. */
  g_ptr_array_set_size (self->aligned, MIN (self->aligned->len, 1));
  for (guint i = 0; i < MIN (period->len, annual->len); i++)
    {
      GtkSizeGroup *group = gtk_size_group_new (GTK_SIZE_GROUP_NONE);

      gtk_size_group_add_widget (group, g_ptr_array_index (period, i));
      gtk_size_group_add_widget (group, g_ptr_array_index (annual, i));
      g_ptr_array_add (self->aligned, group);
    }
  ys_goals_editor_update_alignment (self);
}

void
ys_goals_editor_rebuild (YsGoalsEditor *self)
{
  g_autoptr(GMenuModel) period_menu = NULL;
  g_autoptr(GMenuModel) annual_menu = NULL;
  YsRecord *focus_record = self->focus_after;
  int focus_field = self->focus_field;

  g_clear_handle_id (&self->rebuild_idle, g_source_remove);

  /* Keep the cursor where it was, across the rows being made again. */
  if (focus_record == NULL)
    for (guint i = 0; i < self->rows->len; i++)
      {
        YsGoalRow *row = g_ptr_array_index (self->rows, i);
        int field = ys_goal_row_get_focus_field (row);

        if (field >= 0)
          {
            focus_record = ys_goal_row_get_indicator (row);
            focus_field = field;
          }
      }
  if (focus_record != NULL)
    g_object_ref (focus_record);
  self->focus_after = NULL;

  /* What is typed and not yet saved would go with its row. */
  for (guint i = 0; i < self->rows->len; i++)
    ys_goal_row_commit (g_ptr_array_index (self->rows, i));
  g_clear_handle_id (&self->rebuild_idle, g_source_remove);
  g_ptr_array_set_size (self->rows, 0);

  if (self->document == NULL || self->project == NULL)
    {
      clear_box (self->period_groups);
      clear_box (self->annual_groups);
      gtk_stack_set_visible_child_name (self->stack, "none");
      g_clear_object (&focus_record);
      return;
    }

  /* A hidden editor (its page or tab not shown, as when a budget is
   * opened) makes no rows until it is shown: they were most of the cost
   * of opening a budget. A hidden editor has no cursor to keep. */
  self->rebuild_on_map = !gtk_widget_get_mapped (GTK_WIDGET (self));
  if (self->rebuild_on_map)
    {
      clear_box (self->period_groups);
      clear_box (self->annual_groups);
      g_clear_object (&focus_record);
      return;
    }

  {
    g_autoptr(GPtrArray) period_parts = g_ptr_array_new ();
    g_autoptr(GPtrArray) annual_parts = g_ptr_array_new ();

    build_set (self, SET_PERIOD, self->period_groups, period_parts);
    build_set (self, SET_ANNUAL, self->annual_groups, annual_parts);
    align_parts (self, period_parts, annual_parts);
  }
  period_menu = build_library_menu (self, SET_PERIOD);
  annual_menu = build_library_menu (self, SET_ANNUAL);
  gtk_menu_button_set_menu_model (self->period_library_button, period_menu);
  gtk_menu_button_set_menu_model (self->annual_library_button, annual_menu);
  gtk_stack_set_visible_child_name (self->stack, "editor");

  if (focus_record != NULL)
    {
      YsGoalRow *row = ys_goals_editor_find_row (self, focus_record);

      if (row != NULL)
        ys_goals_editor_focus_row (row, focus_field);
      g_object_unref (focus_record);
    }
}

static gboolean
rebuild_cb (gpointer user_data)
{
  YsGoalsEditor *self = user_data;

  self->rebuild_idle = 0;
  ys_goals_editor_rebuild (self);
  return G_SOURCE_REMOVE;
}

void
ys_goals_editor_queue_rebuild (YsGoalsEditor *self)
{
  /* A batch (add, move, undo of either) changes several orders at once:
   * the rows are made again once, after it. */
  if (self->rebuild_idle == 0)
    self->rebuild_idle = g_idle_add (rebuild_cb, self);
}
