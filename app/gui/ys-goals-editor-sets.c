/* The goal editor's two indicator sets: each group of the framework with
 * its indicators, the rows made again after a change, the cursor kept
 * across that, and the library of common indicators. */
#define G_LOG_DOMAIN "yusuan"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ys-goals-editor-private.h"
#include "ys-kinds.h"
#include "ys-widget-util.h"

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

/* Lines up @period_widget with @annual_widget: side by side, both are as
 * high as the higher (see ys_goals_editor_update_alignment()). */
static void
align (YsGoalsEditor *self,
       GtkWidget     *period_widget,
       GtkWidget     *annual_widget)
{
  GtkSizeGroup *group = gtk_size_group_new (GTK_SIZE_GROUP_NONE);

  gtk_size_group_add_widget (group, period_widget);
  gtk_size_group_add_widget (group, annual_widget);
  g_ptr_array_add (self->aligned, group);
}

static GtkWidget *
append_heading (GtkBox     *container,
                const char *text,
                gboolean    first)
{
  GtkWidget *heading = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_widget_add_css_class (heading, "heading");
  if (!first)
    gtk_widget_set_margin_top (heading, 12);
  gtk_box_append (container, heading);
  return heading;
}

/* Where one set has an indicator on a line and the other has not: a blank
 * row, shown only side by side, so that the lines below still line up. */
static GtkWidget *
append_gap (YsGoalsEditor *self,
            GtkWidget     *list)
{
  GtkWidget *list_row = gtk_list_box_row_new ();
  /* A label that wraps is measured height for width, as the row it lines
   * up with: a widget of a constant size would have that row measured
   * for no width in particular (on one line) by the size group. */
  GtkWidget *gap = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (gap), TRUE);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (list_row), FALSE);
  gtk_widget_set_focusable (list_row, FALSE);
  gtk_widget_add_css_class (list_row, "goal-gap");
  gtk_accessible_update_state (GTK_ACCESSIBLE (list_row), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_widget_set_visible (list_row, ys_goals_columns_get_side_by_side (self->columns));
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (list_row), gap);
  gtk_list_box_append (GTK_LIST_BOX (list), list_row);
  g_ptr_array_add (self->gaps, list_row);
  return gap;
}

/* The indicators of each line, as pointers: what tells whether the lines
 * changed. */
static void
record_lines (YsGoalsEditor *self,
              GArray        *period,
              GArray        *annual,
              GArray        *lines)
{
  g_ptr_array_set_size (self->lines, 0);
  for (guint i = 0; i < lines->len; i++)
    {
      const YsGoalLine *line = &g_array_index (lines, YsGoalLine, i);

      g_ptr_array_add (self->lines, line->period >= 0 ? g_array_index (period, YsPlacedIndicator, line->period).record
                                                       : NULL);
      g_ptr_array_add (self->lines, line->annual >= 0 ? g_array_index (annual, YsPlacedIndicator, line->annual).record
                                                       : NULL);
    }
}

static gboolean
lines_changed (YsGoalsEditor *self)
{
  g_autoptr(GArray) period = collect_set (self, SET_PERIOD);
  g_autoptr(GArray) annual = collect_set (self, SET_ANNUAL);
  g_autoptr(GPtrArray) shown = g_ptr_array_copy (self->lines, NULL, NULL);
  g_autoptr(GArray) lines = NULL;
  guint n_groups;

  ys_goals_editor_framework_groups (self, &n_groups, NULL);
  lines = ys_goal_set_lines (period, annual, n_groups);
  record_lines (self, period, annual, lines);
  if (shown->len != self->lines->len)
    return TRUE;
  for (guint i = 0; i < shown->len; i++)
    if (g_ptr_array_index (shown, i) != g_ptr_array_index (self->lines, i))
      return TRUE;
  return FALSE;
}

/* Both sets, group by group of the framework (then the indicators in none),
 * each group's indicators line by line as ys_goal_set_lines() pairs them:
 * side by side, a heading, a group and each line of one set is as high as
 * the same of the other, so that they start on the same line. */
static void
build_sets (YsGoalsEditor *self)
{
  g_autoptr(GArray) period = collect_set (self, SET_PERIOD);
  g_autoptr(GArray) annual = collect_set (self, SET_ANNUAL);
  GArray *placed[N_SETS] = { period, annual };
  GtkBox *containers[N_SETS] = { self->period_groups, self->annual_groups };
  g_autoptr(GArray) lines = NULL;
  const YsGoalGroup *groups;
  guint n_groups, l = 0;

  groups = ys_goals_editor_framework_groups (self, &n_groups, NULL);
  lines = ys_goal_set_lines (period, annual, n_groups);
  record_lines (self, period, annual, lines);
  ys_widget_remove_children (GTK_WIDGET (self->period_groups));
  ys_widget_remove_children (GTK_WIDGET (self->annual_groups));
  /* The goals' frames first (kept), then what is made here. */
  g_ptr_array_set_size (self->aligned, MIN (self->aligned->len, 1));
  g_ptr_array_set_size (self->gaps, 0);

  for (guint g = 0; g <= n_groups; g++)
    {
      GtkWidget *parts[N_SETS], *lists[N_SETS] = { NULL, NULL };
      gboolean has[N_SETS] = { FALSE, FALSE };
      guint first = l;

      for (; l < lines->len && g_array_index (lines, YsGoalLine, l).group == g; l++)
        {
          has[SET_PERIOD] |= g_array_index (lines, YsGoalLine, l).period >= 0;
          has[SET_ANNUAL] |= g_array_index (lines, YsGoalLine, l).annual >= 0;
        }
      /* Indicators whose 一级/二级 the framework does not know still show,
       * each with its levels, so that they can be fixed. */
      if (g == n_groups && first == l)
        break;
      if (g == n_groups || g == 0 || !g_str_equal (groups[g].level1, groups[g - 1].level1))
        {
          const char *text = g < n_groups ? groups[g].level1 : _("Other Indicators");

          align (self, append_heading (containers[SET_PERIOD], text, g == 0),
                 append_heading (containers[SET_ANNUAL], text, g == 0));
        }

      for (guint set = 0; set < N_SETS; set++)
        {
          parts[set] = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
          gtk_widget_set_valign (parts[set], GTK_ALIGN_START);
          gtk_box_append (containers[set], parts[set]);
          /* An empty group is this one line; its button adds the first. */
          if (g < n_groups)
            gtk_box_append (GTK_BOX (parts[set]),
                            make_group_header (groups[g].level2, set, groups[g].level1, !has[set]));
          if (has[set])
            {
              lists[set] = make_list ();
              gtk_box_append (GTK_BOX (parts[set]), lists[set]);
            }
        }
      align (self, parts[SET_PERIOD], parts[SET_ANNUAL]);

      for (guint k = first; k < l; k++)
        {
          const YsGoalLine *line = &g_array_index (lines, YsGoalLine, k);
          int index[N_SETS] = { line->period, line->annual };
          GtkWidget *shown[N_SETS] = { NULL, NULL };

          for (guint set = 0; set < N_SETS; set++)
            {
              GtkWidget *row;

              if (lists[set] == NULL)
                continue;
              if (index[set] < 0)
                {
                  shown[set] = append_gap (self, lists[set]);
                  continue;
                }
              row = make_row (self, g_array_index (placed[set], YsPlacedIndicator, index[set]).record,
                              g == n_groups);
              append_row (lists[set], row);
              shown[set] = row;
            }
          if (shown[SET_PERIOD] != NULL && shown[SET_ANNUAL] != NULL)
            align (self, shown[SET_PERIOD], shown[SET_ANNUAL]);
        }
    }
  ys_goals_editor_update_alignment (self);
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

/* Side by side, each indicator of one set is on the same line as the same
 * indicator of the other, so that its 实施期 and 年度 values are read
 * across. One above the other, each set takes only its own room. */
void
ys_goals_editor_update_alignment (YsGoalsEditor *self)
{
  gboolean side_by_side = ys_goals_columns_get_side_by_side (self->columns);
  GtkSizeGroupMode mode = side_by_side ? GTK_SIZE_GROUP_VERTICAL : GTK_SIZE_GROUP_NONE;

  for (guint i = 0; i < self->aligned->len; i++)
    gtk_size_group_set_mode (g_ptr_array_index (self->aligned, i), mode);
  for (guint i = 0; i < self->gaps->len; i++)
    gtk_widget_set_visible (g_ptr_array_index (self->gaps, i), side_by_side);
  /* Narrow, a name has a line of its own above the fields: its heading too. */
  gtk_orientable_set_orientation (self->period_header, side_by_side ? GTK_ORIENTATION_VERTICAL
                                                                    : GTK_ORIENTATION_HORIZONTAL);
  gtk_orientable_set_orientation (self->annual_header, gtk_orientable_get_orientation (self->period_header));
}

void
ys_goals_editor_rebuild (YsGoalsEditor *self)
{
  g_autoptr(GMenuModel) period_menu = NULL;
  g_autoptr(GMenuModel) annual_menu = NULL;
  YsRecord *focus_record = self->focus_after;
  int focus_field = self->focus_field;

  g_clear_handle_id (&self->rebuild_idle, g_source_remove);
  self->realign_pending = FALSE;

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
      ys_widget_remove_children (GTK_WIDGET (self->period_groups));
      ys_widget_remove_children (GTK_WIDGET (self->annual_groups));
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
      ys_widget_remove_children (GTK_WIDGET (self->period_groups));
      ys_widget_remove_children (GTK_WIDGET (self->annual_groups));
      g_clear_object (&focus_record);
      return;
    }

  build_sets (self);
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

static gboolean
name_has_focus (YsGoalsEditor *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    if (ys_goal_row_get_focus_field (g_ptr_array_index (self->rows, i)) == YS_INDICATOR_NAME)
      return TRUE;
  return FALSE;
}

static void
on_focus_widget_cb (YsGoalsEditor *self,
                    GParamSpec    *pspec,
                    GtkWindow     *window)
{
  if (name_has_focus (self))
    return;
  g_signal_handlers_disconnect_by_func (window, on_focus_widget_cb, self);
  if (self->realign_pending)
    ys_goals_editor_queue_rebuild (self);
}

void
ys_goals_editor_queue_realign (YsGoalsEditor *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->rebuild_on_map || self->rebuild_idle != 0 || !lines_changed (self))
    return;
  /* The row would move under the cursor while the name is typed: it moves
   * when the cursor leaves the name. */
  if (root != NULL && name_has_focus (self))
    {
      if (!self->realign_pending)
        g_signal_connect_object (root, "notify::focus-widget", G_CALLBACK (on_focus_widget_cb),
                                 self, G_CONNECT_SWAPPED);
      self->realign_pending = TRUE;
      return;
    }
  ys_goals_editor_queue_rebuild (self);
}
