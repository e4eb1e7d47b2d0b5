/* 绩效目标: the performance goals of one project. The 实施期 and 年度 sets
 * stand side by side, each with its goal text and its indicators grouped
 * by 一级/二级 指标 of the document's framework, so that a missing group is
 * as plain to see as it is on the printed form; side by side, the same
 * indicator of both sets is on the same line (ys-goals-editor-sets.c), and
 * a group without indicators is one line. Indicators are added to a
 * group, taken from a library of common ones, moved within their group and
 * removed; their order (seq) is kept in the order shown, which is the order
 * the 绩效目标表 prints them in. */
#define G_LOG_DOMAIN "yusuan"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ys-goals-editor-private.h"
#include "ys-kinds.h"
#include "ys-widget-util.h"

#define COMMIT_DELAY_MS 800

const char *const ys_goals_set_words[N_SETS] = { "实施期", "年度" };

G_DEFINE_FINAL_TYPE (YsGoalsEditor, ys_goals_editor, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_DOCUMENT, PROP_PROJECT, N_PROPS };
static GParamSpec *properties[N_PROPS];

void
ys_goals_editor_show_error (YsGoalsEditor *self,
                            const char    *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
  else
    g_warning ("%s", message);
}

/* The framework */

const YsGoalGroup *
ys_goals_editor_framework_groups (YsGoalsEditor *self,
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

static YsRecord *
insert_indicator (YsGoalsEditor      *self,
                  guint               set,
                  const char         *level1,
                  const char         *level2,
                  const YsGoalCommon *common,
                  GError            **error)
{
  return ys_goal_set_insert (self->document, self->project_code, ys_goals_set_words[set], level1, level2, common, error);
}


static void
on_columns_side_by_side_cb (YsGoalsEditor  *self,
                            GParamSpec     *pspec,
                            YsGoalsColumns *columns)
{
  ys_goals_editor_update_alignment (self);
}

/* Goal texts */

static GtkTextView *
goal_view (YsGoalsEditor *self,
           guint          field)
{
  return field == YS_PROJECT_PERIOD_GOAL ? self->period_goal_view : self->annual_goal_view;
}

static void
load_goal (YsGoalsEditor *self,
           guint          field)
{
  const char *text = self->project ? ys_record_get_text (self->project, field) : "";
  g_autofree char *shown = ys_text_view_get_text (goal_view (self, field));

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
      g_autofree char *text = ys_text_view_get_text (goal_view (self, fields[i]));
      const char *stored = ys_record_get_text (self->project, fields[i]);

      g_strstrip (text);
      if (g_strcmp0 (text, stored ? stored : "") != 0
          && !ys_document_set_text (self->document, self->project, fields[i], text, &error))
        ys_goals_editor_show_error (self, error->message);
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
      ys_goals_editor_queue_rebuild (self);
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
          ys_goals_editor_queue_rebuild (self);
        }
      return;
    }

  if (kind != &ys_indicator_kind)
    return;
  if (type == YS_CHANGE_UPDATE && field == YS_INDICATOR_NAME)
    {
      /* It may now line up with another indicator of the other set. */
      if (ys_goals_editor_find_row (self, record) != NULL)
        ys_goals_editor_queue_realign (self);
      return;
    }
  if (type == YS_CHANGE_UPDATE
      && field != YS_INDICATOR_PROJECT_CODE && field != YS_INDICATOR_GOAL_SET
      && field != YS_INDICATOR_LEVEL1 && field != YS_INDICATOR_LEVEL2 && field != YS_INDICATOR_SEQ)
    return;  /* the row shows it by itself */
  if (g_strcmp0 (ys_record_get_text (record, YS_INDICATOR_PROJECT_CODE), self->project_code) == 0
      || ys_goals_editor_find_row (self, record) != NULL)
    ys_goals_editor_queue_rebuild (self);
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
      ys_goals_editor_show_error (self, error->message);
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
  groups = ys_goals_editor_framework_groups (self, &n_groups, NULL);
  g = c->level1 ? ys_goal_group_find (groups, n_groups, c->level1, c->level2) : ys_goal_group_cost (groups, n_groups);
  if (g >= n_groups)
    return;

  indicator = insert_indicator (self, MIN (set, SET_ANNUAL), groups[g].level1, groups[g].level2, c, &error);
  if (indicator == NULL)
    {
      ys_goals_editor_show_error (self, error->message);
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
  ys_goals_editor_rebuild (self);
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
  ys_goals_editor_rebuild (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

void
ys_goals_editor_reveal (YsGoalsEditor *self,
                        YsRecord      *indicator,
                        int           field)
{
  YsGoalRow *row;

  g_return_if_fail (YS_IS_GOALS_EDITOR (self));

  if (self->rebuild_idle != 0)
    ys_goals_editor_rebuild (self);
  if (self->rebuild_on_map)
    {
      self->focus_after = indicator;
      self->focus_field = field;
      return;
    }
  row = ys_goals_editor_find_row (self, indicator);
  if (row != NULL)
    ys_goals_editor_focus_row (row, field);
}

static void
ys_goals_editor_map (GtkWidget *widget)
{
  YsGoalsEditor *self = YS_GOALS_EDITOR (widget);

  GTK_WIDGET_CLASS (ys_goals_editor_parent_class)->map (widget);
  if (self->rebuild_on_map)
    ys_goals_editor_rebuild (self);
}

static void
ys_goals_editor_dispose (GObject *object)
{
  YsGoalsEditor *self = YS_GOALS_EDITOR (object);

  g_clear_handle_id (&self->rebuild_idle, g_source_remove);
  g_clear_handle_id (&self->goals_timeout, g_source_remove);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->aligned, g_ptr_array_unref);
  g_clear_pointer (&self->gaps, g_ptr_array_unref);
  g_clear_pointer (&self->lines, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), YS_TYPE_GOALS_EDITOR);
  /* dispose_template() only unparents the children the class binds. */
  ys_widget_remove_children (GTK_WIDGET (self));
  g_clear_object (&self->project);
  g_clear_object (&self->document);
  g_clear_pointer (&self->project_code, g_free);

  G_OBJECT_CLASS (ys_goals_editor_parent_class)->dispose (object);
}

static void
ys_goals_editor_get_property (GObject    *object,
                              guint      prop_id,
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
                              guint        prop_id,
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
  gtk_widget_class_bind_template_child (widget_class, YsGoalsEditor, period_header);
  gtk_widget_class_bind_template_child (widget_class, YsGoalsEditor, annual_header);
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
  self->gaps = g_ptr_array_new ();
  self->lines = g_ptr_array_new ();
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
