/* 绩效目标: the performance goals of one project. The 实施期 and 年度 sets
 * stand side by side, each with its goal text and its indicators grouped
 * by 一级/二级 指标 of the document's framework, so that a missing group is
 * as plain to see as it is on the printed form; side by side, each group
 * of one set lines up with the same group of the other, and a group
 * without indicators is one line. Indicators are added to a
 * group, taken from a library of common ones, moved within their group and
 * removed; their order (seq) is kept in the order shown, which is the order
 * the 绩效目标表 prints them in. */
#define G_LOG_DOMAIN "yusuan"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ys-goal-row.h"
#include "ys-goals-columns.h"
#include "ys-goal-set.h"
#include "ys-goals-editor.h"
#include "ys-kinds.h"

#define COMMIT_DELAY_MS 800

/* The two indicator sets, in the words stored in the goal_set field. */
enum { SET_PERIOD, SET_ANNUAL, N_SETS };
static const char *const set_words[N_SETS] = { "实施期", "年度" };



struct _YsGoalsEditor
{
  GtkWidget       parent_instance;

  /* template */
  GtkStack       *stack;
  YsGoalsColumns *columns;
  GtkWidget      *period_goal_frame;
  GtkWidget      *annual_goal_frame;
  GtkTextView    *period_goal_view;
  GtkTextView    *annual_goal_view;
  GtkBox         *period_groups;
  GtkBox         *annual_groups;
  GtkMenuButton  *period_library_button;
  GtkMenuButton  *annual_library_button;

  YsDocument     *document;
  YsRecord       *project;
  char           *project_code;  /* as shown; the record's may have changed since */
  GPtrArray      *rows;          /* YsGoalRow shown */
  GPtrArray      *aligned;       /* GtkSizeGroup: a part of one set and the same part of the other */
  guint           rebuild_idle;
  guint           goals_timeout;
  gboolean        loading;
  YsRecord       *focus_after;   /* the indicator to put the cursor in after a rebuild */
  int             focus_field;
  gboolean        rebuild_on_map; /* the rows are made when the editor is first shown */
};

G_DEFINE_FINAL_TYPE (YsGoalsEditor, ys_goals_editor, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_DOCUMENT, PROP_PROJECT, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
show_error (YsGoalsEditor *self,
            const char    *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
  else
    g_warning ("%s", message);
}

/* The framework */

static const YsGoalGroup *
framework_groups (YsGoalsEditor *self,
                  guint         *n_groups,
                  gboolean      *is_2021)
{
  YsFramework framework = ys_goal_framework (self->document ? ys_document_get_meta (self->document, "framework")
                                                            : NULL);

  if (is_2021 != NULL)
    *is_2021 = framework == YS_FRAMEWORK_2021;
  return ys_goal_framework_groups (framework, n_groups);
}

/* The project's indicators */

static GArray *
collect_set (YsGoalsEditor *self,
             guint          set)
{
  return ys_goal_set_collect (self->document, self->project_code, set_words[set]);
}

static YsRecord *
insert_indicator (YsGoalsEditor      *self,
                  guint               set,
                  const char         *level1,
                  const char         *level2,
                  const YsGoalCommon *common,
                  GError            **error)
{
  return ys_goal_set_insert (self->document, self->project_code, set_words[set], level1, level2, common, error);
}

/* Rows */

static void rebuild (YsGoalsEditor *self);

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
    show_error (self, error->message);
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
    show_error (self, error->message);
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

  groups = framework_groups (self, &n_groups, NULL);
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

  groups = framework_groups (self, &n_groups, &is_2021);
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

static YsGoalRow *
find_row (YsGoalsEditor *self,
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

static void
focus_row (YsGoalRow *row,
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
static void
update_alignment (YsGoalsEditor *self)
{
  GtkSizeGroupMode mode = ys_goals_columns_get_side_by_side (self->columns)
                          ? GTK_SIZE_GROUP_VERTICAL : GTK_SIZE_GROUP_NONE;

  for (guint i = 0; i < self->aligned->len; i++)
    gtk_size_group_set_mode (g_ptr_array_index (self->aligned, i), mode);
}

static void
on_columns_side_by_side_cb (YsGoalsEditor  *self,
                            GParamSpec     *pspec,
                            YsGoalsColumns *columns)
{
  update_alignment (self);
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
  update_alignment (self);
}

static void
rebuild (YsGoalsEditor *self)
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
      YsGoalRow *row = find_row (self, focus_record);

      if (row != NULL)
        focus_row (row, focus_field);
      g_object_unref (focus_record);
    }
}

static gboolean
rebuild_cb (gpointer user_data)
{
  YsGoalsEditor *self = user_data;

  self->rebuild_idle = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

static void
queue_rebuild (YsGoalsEditor *self)
{
  /* A batch (add, move, undo of either) changes several orders at once:
   * the rows are made again once, after it. */
  if (self->rebuild_idle == 0)
    self->rebuild_idle = g_idle_add (rebuild_cb, self);
}

/* Goal texts */

static GtkTextView *
goal_view (YsGoalsEditor *self,
           guint          field)
{
  return field == YS_PROJECT_PERIOD_GOAL ? self->period_goal_view : self->annual_goal_view;
}

static char *
view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
load_goal (YsGoalsEditor *self,
           guint          field)
{
  const char *text = self->project ? ys_record_get_text (self->project, field) : "";
  g_autofree char *shown = view_text (goal_view (self, field));

  if (g_strcmp0 (shown, text ? text : "") == 0)
    return;
  self->loading = TRUE;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (goal_view (self, field)), text ? text : "", -1);
  self->loading = FALSE;
}

static void
commit_goals (YsGoalsEditor *self)
{
  static const guint fields[] = { YS_PROJECT_PERIOD_GOAL, YS_PROJECT_ANNUAL_GOAL };

  g_clear_handle_id (&self->goals_timeout, g_source_remove);
  if (self->document == NULL || self->project == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *text = view_text (goal_view (self, fields[i]));
      const char *stored = ys_record_get_text (self->project, fields[i]);

      g_strstrip (text);
      if (g_strcmp0 (text, stored ? stored : "") != 0
          && !ys_document_set_text (self->document, self->project, fields[i], text, &error))
        show_error (self, error->message);
    }
}

static gboolean
commit_goals_cb (gpointer user_data)
{
  YsGoalsEditor *self = user_data;

  self->goals_timeout = 0;
  commit_goals (self);
  return G_SOURCE_REMOVE;
}

static void
on_goal_buffer_changed_cb (YsGoalsEditor *self,
                           GtkTextBuffer *buffer)
{
  if (self->loading)
    return;
  g_clear_handle_id (&self->goals_timeout, g_source_remove);
  self->goals_timeout = g_timeout_add (COMMIT_DELAY_MS, commit_goals_cb, self);
}

static void
on_goal_focus_leave_cb (YsGoalsEditor           *self,
                        GtkEventControllerFocus *controller)
{
  commit_goals (self);
}

/* Document */

static void
on_document_changed_cb (YsGoalsEditor *self,
                        YsRecord      *record,
                        guint          type,
                        int            field,
                        YsDocument    *document)
{
  const YsKind *kind;

  if (self->project == NULL)
    return;
  if (record == NULL)
    {
      /* The framework is a document setting. */
      queue_rebuild (self);
      return;
    }

  kind = ys_record_get_kind (record);
  if (record == self->project)
    {
      if (type == YS_CHANGE_DELETE)
        ys_goals_editor_set_project (self, NULL);
      else if (field == YS_PROJECT_PERIOD_GOAL || field == YS_PROJECT_ANNUAL_GOAL)
        {
          /* Not over what is being typed. */
          if (self->goals_timeout == 0)
            load_goal (self, field);
        }
      else if (field == YS_PROJECT_CODE)
        {
          g_free (self->project_code);
          self->project_code = g_strdup (ys_record_get_text (self->project, YS_PROJECT_CODE));
          queue_rebuild (self);
        }
      return;
    }

  if (kind != &ys_indicator_kind)
    return;
  if (type == YS_CHANGE_UPDATE
      && field != YS_INDICATOR_PROJECT_CODE && field != YS_INDICATOR_GOAL_SET
      && field != YS_INDICATOR_LEVEL1 && field != YS_INDICATOR_LEVEL2 && field != YS_INDICATOR_SEQ)
    return;  /* the row shows it by itself */
  if (g_strcmp0 (ys_record_get_text (record, YS_INDICATOR_PROJECT_CODE), self->project_code) == 0
      || find_row (self, record) != NULL)
    queue_rebuild (self);
}

/* Actions */

static void
add_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  YsGoalsEditor *self = YS_GOALS_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  const char *level1, *level2;
  guint set;
  YsRecord *indicator;

  if (self->project == NULL)
    return;
  g_variant_get (parameter, "(u&s&s)", &set, &level1, &level2);
  indicator = insert_indicator (self, MIN (set, SET_ANNUAL), level1, level2, NULL, &error);
  if (indicator == NULL)
    {
      show_error (self, error->message);
      return;
    }
  /* Straight on to typing its name. */
  self->focus_after = indicator;
  self->focus_field = YS_INDICATOR_NAME;
}

static void
insert_common_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  YsGoalsEditor *self = YS_GOALS_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  const YsGoalGroup *groups;
  const YsGoalCommon *c;
  guint set, k, n_groups, n_library, g;
  YsRecord *indicator;

  if (self->project == NULL)
    return;
  g_variant_get (parameter, "(uu)", &set, &k);
  c = ys_goal_common_indicators (&n_library);
  if (k >= n_library)
    return;
  c += k;
  groups = framework_groups (self, &n_groups, NULL);
  g = c->level1 ? ys_goal_group_find (groups, n_groups, c->level1, c->level2) : ys_goal_group_cost (groups, n_groups);
  if (g >= n_groups)
    return;

  indicator = insert_indicator (self, MIN (set, SET_ANNUAL), groups[g].level1, groups[g].level2, c, &error);
  if (indicator == NULL)
    {
      show_error (self, error->message);
      return;
    }
  /* The value is the part most often changed. */
  self->focus_after = indicator;
  self->focus_field = YS_INDICATOR_VALUE;
}

static void
update_actions (YsGoalsEditor *self)
{
  gboolean enabled = self->document != NULL && self->project != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "goals.add", enabled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "goals.insert-common", enabled);
}

/* Public */

GtkWidget *
ys_goals_editor_new (void)
{
  return g_object_new (YS_TYPE_GOALS_EDITOR, NULL);
}

YsDocument *
ys_goals_editor_get_document (YsGoalsEditor *self)
{
  g_return_val_if_fail (YS_IS_GOALS_EDITOR (self), NULL);

  return self->document;
}

void
ys_goals_editor_set_document (YsGoalsEditor *self,
                              YsDocument    *document)
{
  g_return_if_fail (YS_IS_GOALS_EDITOR (self));
  g_return_if_fail (!document || YS_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  /* A project belongs to its document; the page may have handed over the
   * new document's project first. */
  if (self->project != NULL && document != NULL
      && ys_document_lookup_key (document, &ys_project_kind, self->project_code) != self->project)
    ys_goals_editor_set_project (self, NULL);
  else if (document == NULL)
    ys_goals_editor_set_project (self, NULL);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  if (document != NULL)
    g_signal_connect_object (document, "changed",
                             G_CALLBACK (on_document_changed_cb), self, G_CONNECT_SWAPPED);
  update_actions (self);
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

YsRecord *
ys_goals_editor_get_project (YsGoalsEditor *self)
{
  g_return_val_if_fail (YS_IS_GOALS_EDITOR (self), NULL);

  return self->project;
}

void
ys_goals_editor_set_project (YsGoalsEditor *self,
                             YsRecord      *project)
{
  g_return_if_fail (YS_IS_GOALS_EDITOR (self));
  g_return_if_fail (!project || YS_IS_PROJECT (project));

  if (self->project == project)
    return;

  /* What was typed about the last project is saved to it. */
  commit_goals (self);
  for (guint i = 0; i < self->rows->len; i++)
    ys_goal_row_commit (g_ptr_array_index (self->rows, i));

  g_set_object (&self->project, project);
  g_clear_pointer (&self->project_code, g_free);
  if (project != NULL)
    self->project_code = g_strdup (ys_record_get_text (project, YS_PROJECT_CODE));
  load_goal (self, YS_PROJECT_PERIOD_GOAL);
  load_goal (self, YS_PROJECT_ANNUAL_GOAL);
  rebuild (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

void
ys_goals_editor_reveal (YsGoalsEditor *self,
                        YsRecord      *indicator,
                        int            field)
{
  YsGoalRow *row;

  g_return_if_fail (YS_IS_GOALS_EDITOR (self));

  if (self->rebuild_idle != 0)
    rebuild (self);
  if (self->rebuild_on_map)
    {
      self->focus_after = indicator;
      self->focus_field = field;
      return;
    }
  row = find_row (self, indicator);
  if (row != NULL)
    focus_row (row, field);
}

static void
ys_goals_editor_map (GtkWidget *widget)
{
  YsGoalsEditor *self = YS_GOALS_EDITOR (widget);

  GTK_WIDGET_CLASS (ys_goals_editor_parent_class)->map (widget);
  if (self->rebuild_on_map)
    rebuild (self);
}

static void
ys_goals_editor_dispose (GObject *object)
{
  YsGoalsEditor *self = YS_GOALS_EDITOR (object);
  GtkWidget *child;

  g_clear_handle_id (&self->rebuild_idle, g_source_remove);
  g_clear_handle_id (&self->goals_timeout, g_source_remove);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->aligned, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), YS_TYPE_GOALS_EDITOR);
  /* dispose_template() only unparents the children the class binds. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->project);
  g_clear_object (&self->document);
  g_clear_pointer (&self->project_code, g_free);

  G_OBJECT_CLASS (ys_goals_editor_parent_class)->dispose (object);
}

static void
ys_goals_editor_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  YsGoalsEditor *self = YS_GOALS_EDITOR (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ys_goals_editor_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  YsGoalsEditor *self = YS_GOALS_EDITOR (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      ys_goals_editor_set_document (self, g_value_get_object (value));
      break;
    case PROP_PROJECT:
      ys_goals_editor_set_project (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ys_goals_editor_class_init (YsGoalsEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ys_goals_editor_dispose;
  object_class->get_property = ys_goals_editor_get_property;
  object_class->set_property = ys_goals_editor_set_property;
  widget_class->map = ys_goals_editor_map;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, YS_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, YS_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* (set, level-1, level-2): an empty indicator at the end of that group. */
  gtk_widget_class_install_action (widget_class, "goals.add", "(uss)", add_activated);
  /* (set, index in the library) */
  gtk_widget_class_install_action (widget_class, "goals.insert-common", "(uu)", insert_common_activated);

  g_type_ensure (YS_TYPE_GOAL_ROW);
  g_type_ensure (YS_TYPE_GOALS_COLUMNS);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/yusuan/Yusuan/ui/ys-goals-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, YsGoalsEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, YsGoalsEditor, columns);
  gtk_widget_class_bind_template_child (widget_class, YsGoalsEditor, period_goal_frame);
  gtk_widget_class_bind_template_child (widget_class, YsGoalsEditor, annual_goal_frame);
  gtk_widget_class_bind_template_child (widget_class, YsGoalsEditor, period_goal_view);
  gtk_widget_class_bind_template_child (widget_class, YsGoalsEditor, annual_goal_view);
  gtk_widget_class_bind_template_child (widget_class, YsGoalsEditor, period_groups);
  gtk_widget_class_bind_template_child (widget_class, YsGoalsEditor, annual_groups);
  gtk_widget_class_bind_template_child (widget_class, YsGoalsEditor, period_library_button);
  gtk_widget_class_bind_template_child (widget_class, YsGoalsEditor, annual_library_button);
  gtk_widget_class_bind_template_callback (widget_class, on_goal_focus_leave_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_columns_side_by_side_cb);
}

static void
ys_goals_editor_init (YsGoalsEditor *self)
{
  self->rows = g_ptr_array_new ();
  self->aligned = g_ptr_array_new_with_free_func (g_object_unref);
  self->focus_field = -1;

  gtk_widget_init_template (GTK_WIDGET (self));
  {
    GtkSizeGroup *goals = gtk_size_group_new (GTK_SIZE_GROUP_NONE);

    gtk_size_group_add_widget (goals, self->period_goal_frame);
    gtk_size_group_add_widget (goals, self->annual_goal_frame);
    g_ptr_array_add (self->aligned, goals);
  }

  g_signal_connect_object (gtk_text_view_get_buffer (self->period_goal_view), "changed",
                           G_CALLBACK (on_goal_buffer_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->annual_goal_view), "changed",
                           G_CALLBACK (on_goal_buffer_changed_cb), self, G_CONNECT_SWAPPED);
  update_actions (self);
}
