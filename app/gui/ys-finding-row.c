/* One validation finding in a list: its level as an icon, the message, where
 * it is, and how far its explanation and review have got. Used by the 审核
 * page and by the window's side panel; rows are recycled by their list
 * views, so the row follows whatever finding it is given. */
#define G_LOG_DOMAIN "yusuan"

#include "config.h"

#include <glib/gi18n.h>

#include "ys-finding-row.h"
#include "ys-widget-fixes.h"
#include "ys-kinds.h"
#include "ys-widget-util.h"

struct _YsFindingRow
{
  GtkWidget  parent_instance;

  /* template */
  GtkImage  *level_icon;
  GtkLabel  *message_label;
  GtkLabel  *location_label;
  GtkLabel  *explanation_label;
  GtkLabel  *status_label;

  YsFinding *finding;
  gboolean   show_review;
  guint      same_count;
};

G_DEFINE_FINAL_TYPE (YsFindingRow, ys_finding_row, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_FINDING, PROP_SHOW_REVIEW, N_PROPS };
static GParamSpec *properties[N_PROPS];

static const char *const level_classes[] = { "error", "warning", "accent" };
static const char *const status_classes[] = { "dim-label", "success", "error" };

const char *
ys_finding_level_icon_name (YsFindingLevel level)
{
  switch (level)
    {
    case YS_FINDING_ERROR:
      return "dialog-error-symbolic";
    case YS_FINDING_WARNING:
      return "dialog-warning-symbolic";
    case YS_FINDING_INFO:
    default:
      return "dialog-information-symbolic";
    }
}

const char *
ys_finding_level_style_class (YsFindingLevel level)
{
  return level <= YS_FINDING_INFO ? level_classes[level] : level_classes[YS_FINDING_INFO];
}

const char *
ys_review_status_to_string (YsReviewStatus status)
{
  switch (status)
    {
    case YS_REVIEW_ACCEPTED:
      return C_("review status", "Accepted");
    case YS_REVIEW_RETURNED:
      return C_("review status", "Returned");
    case YS_REVIEW_PENDING:
    default:
      return C_("review status", "Pending");
    }
}

const char *
ys_review_status_style_class (YsReviewStatus status)
{
  return status <= YS_REVIEW_RETURNED ? status_classes[status] : status_classes[0];
}

char *
ys_findings_describe_counts (guint n_errors,
                             guint n_warnings)
{
  g_autofree char *errors = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u error", "%u errors", n_errors),
                                             n_errors);
  g_autofree char *warnings = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings",
                                                            n_warnings),
                                               n_warnings);

  /* Translators: the counts of errors and of warnings, e.g. "2 errors, 3 warnings" */
  return g_strdup_printf (_("%1$s, %2$s"), errors, warnings);
}

YsRecord *
ys_finding_find_target (YsFinding  *finding,
                        YsDocument *document)
{
  YsRecord *record;
  const char *unit_code;

  g_return_val_if_fail (YS_IS_FINDING (finding), NULL);
  g_return_val_if_fail (YS_IS_DOCUMENT (document), NULL);

  record = ys_finding_get_record (finding);
  if (record != NULL)
    return record;
  /* Findings about a unit as a whole (a balance, a share of 其他 codes)
   * point at no record of their own. */
  unit_code = ys_finding_get_unit_code (finding);
  if (unit_code != NULL && *unit_code != '\0')
    return ys_document_lookup_key (document, &ys_unit_kind, unit_code);
  return NULL;
}

static void
set_style_class (GtkWidget          *widget,
                 const char *const  *classes,
                 guint               n_classes,
                 const char         *wanted)
{
  for (guint i = 0; i < n_classes; i++)
    if (g_strcmp0 (classes[i], wanted) != 0)
      gtk_widget_remove_css_class (widget, classes[i]);
  if (wanted != NULL)
    gtk_widget_add_css_class (widget, wanted);
}

static void
update (YsFindingRow *self)
{
  YsFinding *f = self->finding;
  YsFindingLevel level;
  YsReviewStatus status;
  const char *explanation;
  g_autofree char *location = NULL;
  g_autofree char *caption = NULL;
  g_autofree char *explained = NULL;
  gboolean show_status;

  if (f == NULL)
    {
      gtk_label_set_label (self->message_label, "");
      gtk_label_set_label (self->location_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->explanation_label), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->status_label), FALSE);
      return;
    }

  level = ys_finding_get_level (f);
  status = ys_finding_get_review_status (f);
  explanation = ys_finding_get_explanation (f);

  gtk_image_set_from_icon_name (self->level_icon, ys_finding_level_icon_name (level));
  set_style_class (GTK_WIDGET (self->level_icon), level_classes, G_N_ELEMENTS (level_classes),
                   ys_finding_level_style_class (level));
  /* The icon alone says nothing to a screen reader, or to someone who
   * cannot tell the colours apart: it carries the level's word. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->level_icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, ys_finding_level_to_string (level),
                                  -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->level_icon), ys_finding_level_to_string (level));

  gtk_label_set_label (self->message_label, ys_finding_get_message (f));

  location = ys_finding_describe_location (f);
  if (self->same_count > 1)
    /* Translators: under a finding's message: its level, where it is first
     * found, and how many other places have the same finding */
    caption = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%1$s · %2$s and %3$u more place alike",
                                            "%1$s · %2$s and %3$u more places alike", self->same_count - 1),
                               ys_finding_level_to_string (level), location, self->same_count - 1);
  else
    /* Translators: under a finding's message: its level, then where it is */
    caption = g_strdup_printf (_("%1$s · %2$s"), ys_finding_level_to_string (level), location);
  gtk_label_set_label (self->location_label, caption);

  if (explanation != NULL && *explanation != '\0')
    {
      /* Translators: a finding's explanation (说明) quoted under it in a list */
      explained = g_strdup_printf (_("Explanation: %s"), explanation);
      gtk_label_set_label (self->explanation_label, explained);
      gtk_widget_set_visible (GTK_WIDGET (self->explanation_label), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->explanation_label), FALSE);

  /* The accountant needs to see a finding sent back; the reviewer sees
   * where every one stands. */
  show_status = self->show_review || status == YS_REVIEW_RETURNED;
  gtk_label_set_label (self->status_label, ys_review_status_to_string (status));
  set_style_class (GTK_WIDGET (self->status_label), status_classes, G_N_ELEMENTS (status_classes),
                   ys_review_status_style_class (status));
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), show_status);
  if (ys_finding_get_review_stale (f))
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->status_label),
                                 _("The figures changed after the review: the finding is pending again"));
  else
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->status_label), ys_finding_get_comment (f));
}

static void
on_finding_notify_cb (YsFindingRow *self,
                      GParamSpec   *pspec,
                      YsFinding    *finding)
{
  update (self);
}

YsFinding *
ys_finding_row_get_finding (YsFindingRow *self)
{
  g_return_val_if_fail (YS_IS_FINDING_ROW (self), NULL);

  return self->finding;
}

void
ys_finding_row_set_finding (YsFindingRow *self,
                            YsFinding    *finding)
{
  g_return_if_fail (YS_IS_FINDING_ROW (self));
  g_return_if_fail (!finding || YS_IS_FINDING (finding));

  if (self->finding == finding)
    return;

  if (self->finding != NULL)
    g_signal_handlers_disconnect_by_func (self->finding, on_finding_notify_cb, self);
  g_set_object (&self->finding, finding);
  /* Findings stay the same objects while the budget is edited and change
   * their message, level or review in place. */
  if (finding != NULL)
    g_signal_connect_object (finding, "notify", G_CALLBACK (on_finding_notify_cb),
                             self, G_CONNECT_SWAPPED);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FINDING]);
}

void
ys_finding_row_set_same_count (YsFindingRow *self,
                               guint         count)
{
  g_return_if_fail (YS_IS_FINDING_ROW (self));

  if (self->same_count == count)
    return;
  self->same_count = count;
  update (self);
}

gboolean
ys_finding_row_get_show_review (YsFindingRow *self)
{
  g_return_val_if_fail (YS_IS_FINDING_ROW (self), FALSE);

  return self->show_review;
}

void
ys_finding_row_set_show_review (YsFindingRow *self,
                                gboolean      show_review)
{
  g_return_if_fail (YS_IS_FINDING_ROW (self));

  show_review = !!show_review;
  if (self->show_review == show_review)
    return;
  self->show_review = show_review;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_REVIEW]);
}

GtkWidget *
ys_finding_row_new (void)
{
  return g_object_new (YS_TYPE_FINDING_ROW, NULL);
}

static void
ys_finding_row_dispose (GObject *object)
{
  YsFindingRow *self = YS_FINDING_ROW (object);

  if (self->finding != NULL)
    g_signal_handlers_disconnect_by_func (self->finding, on_finding_notify_cb, self);
  g_clear_object (&self->finding);
  gtk_widget_dispose_template (GTK_WIDGET (self), YS_TYPE_FINDING_ROW);
  /* dispose_template() only unparents the children the class binds. */
  ys_widget_remove_children (GTK_WIDGET (self));

  G_OBJECT_CLASS (ys_finding_row_parent_class)->dispose (object);
}

static void
ys_finding_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  YsFindingRow *self = YS_FINDING_ROW (object);

  switch (prop_id)
    {
    case PROP_FINDING:
      g_value_set_object (value, self->finding);
      break;
    case PROP_SHOW_REVIEW:
      g_value_set_boolean (value, self->show_review);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ys_finding_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  YsFindingRow *self = YS_FINDING_ROW (object);

  switch (prop_id)
    {
    case PROP_FINDING:
      ys_finding_row_set_finding (self, g_value_get_object (value));
      break;
    case PROP_SHOW_REVIEW:
      ys_finding_row_set_show_review (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ys_finding_row_class_init (YsFindingRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ys_finding_row_dispose;
  object_class->get_property = ys_finding_row_get_property;
  object_class->set_property = ys_finding_row_set_property;

  properties[PROP_FINDING] =
    g_param_spec_object ("finding", NULL, NULL, YS_TYPE_FINDING,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SHOW_REVIEW] =
    g_param_spec_boolean ("show-review", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "findingrow");
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/yusuan/Yusuan/ui/ys-finding-row.ui");
  gtk_widget_class_bind_template_child (widget_class, YsFindingRow, level_icon);
  gtk_widget_class_bind_template_child (widget_class, YsFindingRow, message_label);
  gtk_widget_class_bind_template_child (widget_class, YsFindingRow, location_label);
  gtk_widget_class_bind_template_child (widget_class, YsFindingRow, explanation_label);
  gtk_widget_class_bind_template_child (widget_class, YsFindingRow, status_label);
}

static void
ys_finding_row_init (YsFindingRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  ys_widget_fixes_apply (GTK_WIDGET (self));
}
