/* 审核: every validation finding of the budget, filtered by level and by
 * review status, with the selected one's details beside the list. The
 * accountant writes the explanation (说明) of a finding there; in reviewer
 * mode the reviewer accepts it or sends it back with a comment, under their
 * name, and the explanation is read-only. Both are saved in the document
 * through the validator, so they are undoable and travel with the file.
 * Identical findings (same level, rule and message, in many places) can be
 * listed as one row and decided together. */
#define G_LOG_DOMAIN "yusuan"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ys-finding-row.h"
#include "ys-findings-list.h"
#include "ys-kinds.h"
#include "ys-review-page.h"
#include "ys-reviewer-dialog.h"
#include "ys-widget-util.h"

/* In the order of the level drop-down's items. */
enum { LEVEL_ALL, LEVEL_ERROR, LEVEL_WARNING, LEVEL_INFO };
/* In the order of the status drop-down's items. */
enum { STATUS_ALL, STATUS_UNEXPLAINED, STATUS_PENDING, STATUS_ACCEPTED, STATUS_RETURNED };

struct _YsReviewPage
{
  YsPage              parent_instance;

  /* template */
  GtkDropDown        *level_dropdown;
  GtkDropDown        *status_dropdown;
  GtkLabel           *counts_label;
  GtkToggleButton    *group_button;
  GtkToggleButton    *reviewer_button;
  GtkLabel           *reviewer_label;
  GtkStack           *list_stack;
  YsFindingsList     *findings_list;
  GtkFilterListModel *filter_model;
  GtkStack           *detail_stack;
  GtkImage           *detail_icon;
  GtkLabel           *detail_level_label;
  GtkLabel           *detail_title_label;
  GtkLabel           *detail_message_label;
  GtkLabel           *detail_location_label;
  GtkWidget          *hint_box;
  GtkLabel           *detail_hint_label;
  GtkWidget          *basis_box;
  GtkLabel           *detail_basis_label;
  GtkLabel           *same_label;
  GtkLabel           *explanation_caption;
  GtkTextView        *explanation_view;
  GtkWidget          *save_explanation_button;
  GtkLabel           *review_state_label;
  GtkWidget          *review_editor;
  GtkToggleButton    *pending_button;
  GtkToggleButton    *accepted_button;
  GtkToggleButton    *returned_button;
  GtkEntry           *comment_entry;
  GtkCheckButton     *apply_all_check;
  GtkLabel           *review_error_label;

  GtkCustomFilter    *filter;
  YsFinding          *shown;          /* the finding in the details, followed for changes */
  gboolean            reviewer_mode;
  char               *reviewer_name;
  gboolean            loading;        /* filling the details: not the user's edit */
  guint               refilter_idle;
  GHashTable         *groups;         /* same-problem key → Group */
};

/* The findings of one problem: how many, and the first that the level and
 * status filters let through, which stands for them all when grouped. */
typedef struct
{
  YsFinding *first;   /* borrowed; compared, never followed */
  guint      count;
} Group;

G_DEFINE_FINAL_TYPE (YsReviewPage, ys_review_page, YS_TYPE_PAGE)

enum { PROP_0, PROP_REVIEWER_MODE, PROP_REVIEWER_NAME, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void show_finding (YsReviewPage *self, YsFinding *finding);
static void load_same (YsReviewPage *self);

/* Filtering */

/* Identical findings share it: level, rule and message. */
static char *
group_key (YsFinding *finding)
{
  return g_strdup_printf ("%d\x1f%s\x1f%s", ys_finding_get_level (finding),
                          ys_finding_get_rule_id (finding), ys_finding_get_message (finding));
}

static gboolean
passes_filters (YsReviewPage *self,
                YsFinding    *finding)
{
  guint level = gtk_drop_down_get_selected (self->level_dropdown);
  guint status = gtk_drop_down_get_selected (self->status_dropdown);
  const char *explanation;

  switch (level)
    {
    case LEVEL_ERROR:
      if (ys_finding_get_level (finding) != YS_FINDING_ERROR)
        return FALSE;
      break;
    case LEVEL_WARNING:
      if (ys_finding_get_level (finding) != YS_FINDING_WARNING)
        return FALSE;
      break;
    case LEVEL_INFO:
      if (ys_finding_get_level (finding) != YS_FINDING_INFO)
        return FALSE;
      break;
    default:
      break;
    }

  switch (status)
    {
    case STATUS_UNEXPLAINED:
      explanation = ys_finding_get_explanation (finding);
      return explanation == NULL || *explanation == '\0';
    case STATUS_PENDING:
      return ys_finding_get_review_status (finding) == YS_REVIEW_PENDING;
    case STATUS_ACCEPTED:
      return ys_finding_get_review_status (finding) == YS_REVIEW_ACCEPTED;
    case STATUS_RETURNED:
      return ys_finding_get_review_status (finding) == YS_REVIEW_RETURNED;
    default:
      return TRUE;
    }
}

static Group *
lookup_group (YsReviewPage *self,
              YsFinding    *finding)
{
  g_autofree char *key = group_key (finding);

  return g_hash_table_lookup (self->groups, key);
}

static void
rebuild_groups (YsReviewPage *self)
{
  YsValidator *validator = ys_page_get_validator (YS_PAGE (self));
  guint n = validator ? g_list_model_get_n_items (G_LIST_MODEL (validator)) : 0;

  g_hash_table_remove_all (self->groups);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(YsFinding) finding = g_list_model_get_item (G_LIST_MODEL (validator), i);
      char *key = group_key (finding);
      Group *group = g_hash_table_lookup (self->groups, key);

      if (group == NULL)
        g_hash_table_insert (self->groups, key, group = g_new0 (Group, 1));
      else
        g_free (key);
      group->count++;
      if (group->first == NULL && passes_filters (self, finding))
        group->first = finding;
    }
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  YsReviewPage *self = user_data;
  YsFinding *finding = item;
  Group *group;

  if (!passes_filters (self, finding))
    return FALSE;
  if (!gtk_toggle_button_get_active (self->group_button))
    return TRUE;
  /* A finding the groups do not know yet shows until they are rebuilt. */
  group = lookup_group (self, finding);
  return group == NULL || group->first == NULL || group->first == finding;
}

static guint
count_func (YsFinding *finding,
            gpointer   user_data)
{
  YsReviewPage *self = user_data;
  Group *group;

  if (!gtk_toggle_button_get_active (self->group_button))
    return 1;
  group = lookup_group (self, finding);
  return group ? group->count : 1;
}

static void
update_list_state (YsReviewPage *self)
{
  YsValidator *validator = ys_page_get_validator (YS_PAGE (self));
  guint total = validator ? g_list_model_get_n_items (G_LIST_MODEL (validator)) : 0;
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  g_autofree char *counts = NULL;

  if (validator != NULL)
    {
      g_autofree char *levels = ys_findings_describe_counts (ys_validator_count (validator, YS_FINDING_ERROR),
                                                             ys_validator_count (validator, YS_FINDING_WARNING));

      if (shown == total)
        counts = g_steal_pointer (&levels);
      else
        /* Translators: %1$s is e.g. "2 errors, 3 warnings"; %2$u of %3$u findings are listed */
        counts = g_strdup_printf (_("%1$s — showing %2$u of %3$u"), levels, shown, total);
    }
  gtk_label_set_label (self->counts_label, counts ? counts : "");

  if (total == 0)
    gtk_stack_set_visible_child_name (self->list_stack, "empty");
  else if (shown == 0)
    gtk_stack_set_visible_child_name (self->list_stack, "no-match");
  else
    gtk_stack_set_visible_child_name (self->list_stack, "list");
}

static gboolean
refilter_cb (gpointer user_data)
{
  YsReviewPage *self = user_data;

  self->refilter_idle = 0;
  rebuild_groups (self);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  ys_findings_list_counts_changed (self->findings_list);
  update_list_state (self);
  if (self->shown != NULL)
    load_same (self);
  return G_SOURCE_REMOVE;
}

static void
queue_refilter (YsReviewPage *self)
{
  /* Filters do not watch their items: a finding that was explained or
   * reviewed may now belong to another status. */
  if (self->refilter_idle == 0)
    self->refilter_idle = g_idle_add (refilter_cb, self);
}

static void
on_dropdown_selected_cb (YsReviewPage *self,
                         GParamSpec   *pspec,
                         GtkDropDown  *dropdown)
{
  g_clear_handle_id (&self->refilter_idle, g_source_remove);
  refilter_cb (self);
}

static void
on_group_button_toggled_cb (YsReviewPage    *self,
                            GtkToggleButton *button)
{
  g_clear_handle_id (&self->refilter_idle, g_source_remove);
  refilter_cb (self);
}

static void
on_filter_model_items_changed_cb (YsReviewPage *self,
                                  guint         position,
                                  guint         removed,
                                  guint         added,
                                  GListModel   *model)
{
  update_list_state (self);
}

static void
on_validator_counts_cb (YsReviewPage *self,
                        GParamSpec   *pspec,
                        YsValidator  *validator)
{
  update_list_state (self);
}

static void
on_document_changed_cb (YsReviewPage *self,
                        YsRecord     *record,
                        guint         type,
                        int           field,
                        YsDocument   *document)
{
  /* Explanations and reviews are records of their own, changed by this
   * page, by undo and by redo alike; any other change may change a
   * message, and with it which findings are alike. */
  queue_refilter (self);
}

static void
on_validator_items_changed_cb (YsReviewPage *self,
                               guint         position,
                               guint         removed,
                               guint         added,
                               GListModel   *model)
{
  queue_refilter (self);
}

static void
on_goto_button_clicked_cb (YsReviewPage *self,
                           GtkButton    *button)
{
  ys_findings_list_reveal (self->findings_list, self->shown);
}

/* Details */

static char *
get_explanation_text (YsReviewPage *self)
{
  return g_strstrip (ys_text_view_get_text (self->explanation_view));
}

static gboolean
explanation_is_dirty (YsReviewPage *self)
{
  g_autofree char *text = NULL;
  const char *saved;

  if (self->shown == NULL)
    return FALSE;
  text = get_explanation_text (self);
  saved = ys_finding_get_explanation (self->shown);
  return g_strcmp0 (text, saved ? saved : "") != 0;
}

static void
update_explanation_button (YsReviewPage *self)
{
  gtk_widget_set_sensitive (self->save_explanation_button, explanation_is_dirty (self));
}

static gboolean
save_explanation (YsReviewPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (!explanation_is_dirty (self) || ys_page_get_validator (YS_PAGE (self)) == NULL)
    return TRUE;
  text = get_explanation_text (self);
  if (!ys_validator_explain (ys_page_get_validator (YS_PAGE (self)), self->shown, text, &error))
    {
      ys_page_add_toast (YS_PAGE (self), adw_toast_new (error->message));
      return FALSE;
    }
  update_explanation_button (self);
  return TRUE;
}

static void
on_save_explanation_button_clicked_cb (YsReviewPage *self,
                                       GtkButton    *button)
{
  save_explanation (self);
}

static void
on_explanation_buffer_changed_cb (YsReviewPage  *self,
                                  GtkTextBuffer *buffer)
{
  if (!self->loading)
    update_explanation_button (self);
}

static void
load_explanation (YsReviewPage *self)
{
  const char *explanation = ys_finding_get_explanation (self->shown);

  self->loading = TRUE;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->explanation_view),
                            explanation ? explanation : "", -1);
  self->loading = FALSE;
  update_explanation_button (self);
}

static GtkToggleButton *
status_button (YsReviewPage   *self,
               YsReviewStatus  status)
{
  switch (status)
    {
    case YS_REVIEW_ACCEPTED:
      return self->accepted_button;
    case YS_REVIEW_RETURNED:
      return self->returned_button;
    case YS_REVIEW_PENDING:
    default:
      return self->pending_button;
    }
}

static void
load_review (YsReviewPage *self)
{
  YsFinding *f = self->shown;
  YsReviewStatus status = ys_finding_get_review_status (f);
  const char *comment = ys_finding_get_comment (f);
  g_autofree char *state = NULL;

  const char *reviewer = ys_finding_get_reviewer (f);
  g_autofree char *decided_at = ys_finding_describe_decision_time (f);

  if (comment != NULL && *comment != '\0')
    /* Translators: a review status and the reviewer's comment */
    state = g_strdup_printf (_("%1$s: %2$s"), ys_review_status_to_string (status), comment);
  else
    state = g_strdup (ys_review_status_to_string (status));
  if (decided_at != NULL)
    {
      /* Translators: who made a review decision, then when */
      g_autofree char *who = g_strdup_printf (_("Decided by %1$s at %2$s"),
                                              reviewer ? reviewer : _("(no name)"), decided_at);
      char *with_who = g_strdup_printf ("%s\n%s", state, who);
      g_free (state);
      state = with_who;
    }
  if (ys_finding_get_review_stale (f))
    {
      char *stale = g_strdup_printf ("%s\n%s", state,
                                     _("The figures changed after the review: the finding is pending again"));
      g_free (state);
      state = stale;
    }
  gtk_label_set_label (self->review_state_label, state);

  self->loading = TRUE;
  gtk_toggle_button_set_active (status_button (self, status), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->comment_entry), comment ? comment : "");
  self->loading = FALSE;
}

static void
load_details (YsReviewPage *self)
{
  YsFinding *f = self->shown;
  YsFindingLevel level;
  g_autofree char *location = NULL;
  const char *hint;
  const char *basis;

  if (f == NULL)
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      return;
    }

  level = ys_finding_get_level (f);
  gtk_image_set_from_icon_name (self->detail_icon, ys_finding_level_icon_name (level));
  for (YsFindingLevel l = YS_FINDING_ERROR; l <= YS_FINDING_INFO; l++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->detail_icon), ys_finding_level_style_class (l));
  gtk_widget_add_css_class (GTK_WIDGET (self->detail_icon), ys_finding_level_style_class (level));
  gtk_label_set_label (self->detail_level_label, ys_finding_level_to_string (level));
  gtk_label_set_label (self->detail_title_label, ys_finding_get_title (f));
  gtk_label_set_label (self->detail_message_label, ys_finding_get_message (f));
  location = ys_finding_describe_location (f);
  gtk_label_set_label (self->detail_location_label, location);

  hint = ys_finding_get_hint (f);
  gtk_label_set_label (self->detail_hint_label, hint ? hint : "");
  gtk_widget_set_visible (self->hint_box, hint != NULL && *hint != '\0');
  basis = ys_finding_get_basis (f);
  gtk_label_set_label (self->detail_basis_label, basis ? basis : "");
  gtk_widget_set_visible (self->basis_box, basis != NULL && *basis != '\0');

  load_review (self);
  load_same (self);
  gtk_stack_set_visible_child_name (self->detail_stack, "detail");
}

/* How many places have the shown finding, and the choice to decide for all. */
static void
load_same (YsReviewPage *self)
{
  Group *group = self->shown ? lookup_group (self, self->shown) : NULL;
  guint count = group ? group->count : 1;

  gtk_widget_set_visible (GTK_WIDGET (self->same_label), count > 1);
  gtk_widget_set_visible (GTK_WIDGET (self->apply_all_check), count > 1);
  if (count > 1)
    {
      g_autofree char *same = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "The same finding is in %u place: same rule, same message.",
                                                            "The same finding is in %u places: same rule, same message.",
                                                            count), count);
      g_autofree char *all = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Decide for _All %u Alike",
                                                           "Decide for _All %u Alike", count), count);
      gtk_label_set_label (self->same_label, same);
      gtk_check_button_set_label (self->apply_all_check, all);
    }
}

static void
on_shown_notify_cb (YsReviewPage *self,
                    GParamSpec   *pspec,
                    YsFinding    *finding)
{
  const char *name = g_param_spec_get_name (pspec);

  /* What is being typed stays; a change made elsewhere (undo) shows when
   * nothing is being typed. */
  if (g_str_equal (name, "explanation"))
    {
      g_autofree char *text = get_explanation_text (self);
      if (!gtk_widget_has_focus (GTK_WIDGET (self->explanation_view)) || *text == '\0')
        load_explanation (self);
      else
        update_explanation_button (self);
      return;
    }
  if (g_str_equal (name, "review-status") || g_str_equal (name, "comment")
      || g_str_equal (name, "review-stale") || g_str_equal (name, "reviewer")
      || g_str_equal (name, "decided-at"))
    {
      load_review (self);
      return;
    }
  load_details (self);
}

static void
show_finding (YsReviewPage *self,
              YsFinding    *finding)
{
  if (self->shown == finding)
    return;

  /* Leaving a finding keeps what was typed about it. */
  if (self->shown != NULL && explanation_is_dirty (self)
      && ys_validator_lookup (ys_page_get_validator (YS_PAGE (self)), ys_finding_get_key (self->shown)) == self->shown)
    save_explanation (self);

  if (self->shown != NULL)
    g_signal_handlers_disconnect_by_func (self->shown, on_shown_notify_cb, self);
  g_set_object (&self->shown, finding);
  gtk_widget_set_visible (GTK_WIDGET (self->review_error_label), FALSE);
  if (finding != NULL)
    {
      g_signal_connect_object (finding, "notify", G_CALLBACK (on_shown_notify_cb),
                               self, G_CONNECT_SWAPPED);
      load_explanation (self);
    }
  load_details (self);
}

static void
on_findings_list_selected_cb (YsReviewPage   *self,
                              GParamSpec     *pspec,
                              YsFindingsList *list)
{
  show_finding (self, ys_findings_list_get_selected (list));
}

/* Review */

static YsReviewStatus
chosen_status (YsReviewPage *self)
{
  if (gtk_toggle_button_get_active (self->accepted_button))
    return YS_REVIEW_ACCEPTED;
  if (gtk_toggle_button_get_active (self->returned_button))
    return YS_REVIEW_RETURNED;
  return YS_REVIEW_PENDING;
}

static void on_save_review_button_clicked_cb (YsReviewPage *self, GtkButton *button);

static void
on_name_for_decision_cb (const char *name,
                         gpointer    user_data)
{
  YsReviewPage *self = user_data;

  if (name == NULL)
    return;
  ys_review_page_set_reviewer_name (self, name);
  on_save_review_button_clicked_cb (self, NULL);
}

static void
on_save_review_button_clicked_cb (YsReviewPage *self,
                                  GtkButton    *button)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *comment = NULL;
  gboolean ok;

  if (self->shown == NULL || ys_page_get_validator (YS_PAGE (self)) == NULL)
    return;
  /* Reviewer mode kept from an earlier run may not know the name yet:
   * no decision is stored without one. */
  if (self->reviewer_name == NULL || *self->reviewer_name == '\0')
    {
      ys_reviewer_dialog_ask (GTK_WIDGET (self), NULL, on_name_for_decision_cb, self);
      return;
    }

  comment = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->comment_entry))));
  if (gtk_widget_get_visible (GTK_WIDGET (self->apply_all_check))
      && gtk_check_button_get_active (self->apply_all_check))
    {
      YsValidator *validator = ys_page_get_validator (YS_PAGE (self));
      g_autoptr(GPtrArray) same = ys_validator_list_same (validator, self->shown);

      ok = ys_validator_review_all (validator, (YsFinding *const *) same->pdata, same->len,
                                    chosen_status (self), comment, &error);
    }
  else
    ok = ys_validator_review (ys_page_get_validator (YS_PAGE (self)), self->shown, chosen_status (self),
                              comment, &error);
  if (!ok)
    {
      /* Most often an error being accepted: the validator says why not. */
      gtk_label_set_label (self->review_error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->review_error_label), TRUE);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->review_error_label), FALSE);
}

static void
on_status_button_toggled_cb (YsReviewPage    *self,
                             GtkToggleButton *button)
{
  if (!self->loading)
    gtk_widget_set_visible (GTK_WIDGET (self->review_error_label), FALSE);
}

/* Properties */

static void
apply_reviewer_mode (YsReviewPage *self)
{
  gboolean on = self->reviewer_mode;

  gtk_widget_set_visible (self->review_editor, on);
  gtk_widget_set_visible (GTK_WIDGET (self->review_error_label), FALSE);
  /* The reviewer reads the explanation; only the accountant writes it. */
  gtk_text_view_set_editable (self->explanation_view, !on);
  gtk_text_view_set_cursor_visible (self->explanation_view, !on);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->explanation_view),
                                  GTK_ACCESSIBLE_PROPERTY_READ_ONLY, on, -1);
  gtk_widget_set_visible (self->save_explanation_button, !on);
  gtk_label_set_label (self->explanation_caption,
                       on ? _("Written by the unit; read-only in reviewer mode.")
                          : _("Why the budget is right as it is. The reviewer reads it with the finding."));
  if (on && self->reviewer_name != NULL && *self->reviewer_name != '\0')
    {
      /* Translators: in the Review page's toolbar, who is reviewing */
      g_autofree char *who = g_strdup_printf (_("Reviewer: %s"), self->reviewer_name);
      gtk_label_set_label (self->reviewer_label, who);
      gtk_widget_set_visible (GTK_WIDGET (self->reviewer_label), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->reviewer_label), FALSE);
}

static void
ys_review_page_validator_changed (YsPage *page)
{
  YsReviewPage *self = YS_REVIEW_PAGE (page);
  YsValidator *validator = ys_page_get_validator (page);

  show_finding (self, NULL);
  g_hash_table_remove_all (self->groups);
  gtk_filter_list_model_set_model (self->filter_model, G_LIST_MODEL (validator));
  ys_page_watch_counts (page, G_CALLBACK (on_validator_counts_cb));
  if (validator != NULL)
    {
      ys_validator_set_reviewer (validator, self->reviewer_name);
      g_signal_connect_object (validator, "items-changed",
                               G_CALLBACK (on_validator_items_changed_cb), self, G_CONNECT_SWAPPED);
    }
  queue_refilter (self);
  update_list_state (self);
}

static void
ys_review_page_document_changed (YsPage *page)
{
  YsDocument *document = ys_page_get_document (page);

  if (document != NULL)
    g_signal_connect_object (document, "changed",
                             G_CALLBACK (on_document_changed_cb), page, G_CONNECT_SWAPPED);
}

gboolean
ys_review_page_get_reviewer_mode (YsReviewPage *self)
{
  g_return_val_if_fail (YS_IS_REVIEW_PAGE (self), FALSE);

  return self->reviewer_mode;
}

void
ys_review_page_set_reviewer_mode (YsReviewPage *self,
                                  gboolean      reviewer_mode)
{
  g_return_if_fail (YS_IS_REVIEW_PAGE (self));

  reviewer_mode = !!reviewer_mode;
  if (self->reviewer_mode == reviewer_mode)
    return;
  /* What the accountant was typing is theirs: saved before it is locked. */
  if (reviewer_mode && explanation_is_dirty (self))
    save_explanation (self);
  self->reviewer_mode = reviewer_mode;
  apply_reviewer_mode (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVIEWER_MODE]);
}

const char *
ys_review_page_get_reviewer_name (YsReviewPage *self)
{
  g_return_val_if_fail (YS_IS_REVIEW_PAGE (self), NULL);

  return self->reviewer_name ? self->reviewer_name : "";
}

void
ys_review_page_set_reviewer_name (YsReviewPage *self,
                                  const char   *name)
{
  YsValidator *validator;

  g_return_if_fail (YS_IS_REVIEW_PAGE (self));

  if (g_strcmp0 (self->reviewer_name, name ? name : "") == 0)
    return;
  g_free (self->reviewer_name);
  self->reviewer_name = g_strdup (name ? name : "");
  validator = ys_page_get_validator (YS_PAGE (self));
  if (validator != NULL)
    ys_validator_set_reviewer (validator, self->reviewer_name);
  apply_reviewer_mode (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVIEWER_NAME]);
}

static void
on_reviewer_confirmed_cb (const char *name,
                          gpointer    user_data)
{
  YsReviewPage *self = user_data;

  if (name == NULL)
    return;
  ys_review_page_set_reviewer_name (self, name);
  ys_review_page_set_reviewer_mode (self, TRUE);
}

/* The button shows the mode; pressing it to enter asks first. */
static void
on_reviewer_button_toggled_cb (YsReviewPage    *self,
                               GtkToggleButton *button)
{
  gboolean active = gtk_toggle_button_get_active (button);

  if (active == self->reviewer_mode)
    return;
  if (!active)
    {
      ys_review_page_set_reviewer_mode (self, FALSE);
      return;
    }
  gtk_toggle_button_set_active (button, FALSE);
  ys_reviewer_dialog_ask (GTK_WIDGET (self), self->reviewer_name, on_reviewer_confirmed_cb, self);
}

static void
ys_review_page_dispose (GObject *object)
{
  YsReviewPage *self = YS_REVIEW_PAGE (object);

  g_clear_handle_id (&self->refilter_idle, g_source_remove);
  if (self->shown != NULL)
    g_signal_handlers_disconnect_by_func (self->shown, on_shown_notify_cb, self);
  g_clear_object (&self->shown);
  if (self->filter_model != NULL)
    gtk_filter_list_model_set_model (self->filter_model, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), YS_TYPE_REVIEW_PAGE);
  g_clear_object (&self->filter);

  G_OBJECT_CLASS (ys_review_page_parent_class)->dispose (object);
}

static void
ys_review_page_finalize (GObject *object)
{
  YsReviewPage *self = YS_REVIEW_PAGE (object);

  g_hash_table_unref (self->groups);
  g_free (self->reviewer_name);

  G_OBJECT_CLASS (ys_review_page_parent_class)->finalize (object);
}

static void
ys_review_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  YsReviewPage *self = YS_REVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_REVIEWER_MODE:
      g_value_set_boolean (value, self->reviewer_mode);
      break;
    case PROP_REVIEWER_NAME:
      g_value_set_string (value, ys_review_page_get_reviewer_name (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ys_review_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  YsReviewPage *self = YS_REVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_REVIEWER_MODE:
      ys_review_page_set_reviewer_mode (self, g_value_get_boolean (value));
      break;
    case PROP_REVIEWER_NAME:
      ys_review_page_set_reviewer_name (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ys_review_page_class_init (YsReviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ys_review_page_dispose;
  object_class->finalize = ys_review_page_finalize;
  object_class->get_property = ys_review_page_get_property;
  object_class->set_property = ys_review_page_set_property;
  YS_PAGE_CLASS (klass)->validator_changed = ys_review_page_validator_changed;
  YS_PAGE_CLASS (klass)->document_changed = ys_review_page_document_changed;

  properties[PROP_REVIEWER_MODE] =
    g_param_spec_boolean ("reviewer-mode", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Stored with every decision; asked for when reviewer mode is entered. */
  properties[PROP_REVIEWER_NAME] =
    g_param_spec_string ("reviewer-name", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (YS_TYPE_FINDINGS_LIST);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/yusuan/Yusuan/ui/ys-review-page.ui");
  gtk_widget_class_bind_template_child (widget_class, YsReviewPage, level_dropdown);
  gtk_widget_class_bind_template_child (widget_class, YsReviewPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, YsReviewPage, counts_label);
  gtk_widget_class_bind_template_child (widget_class, YsReviewPage, group_button);
  gtk_widget_class_bind_template_child (widget_class, YsReviewPage, reviewer_button);
  gtk_widget_class_bind_template_child (widget_class, YsReviewPage, reviewer_label);
  gtk_widget_class_bind_template_child (widget_class, YsReviewPage, same_label);
  gtk_widget_class_bind_template_child (widget_class, YsReviewPage, explanation_caption);
  gtk_widget_class_bind_template_child (widget_class, YsReviewPage, apply_all_check);
  gtk_widget_class_bind_template_child (widget_class, YsReviewPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, YsReviewPage, findings_list);
  gtk_widget_class_bind_template_child (widget_class, YsReviewPage, filter_model);
  gtk_widget_class_bind_template_child (widget_class, YsReviewPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, YsReviewPage, detail_icon);
  gtk_widget_class_bind_template_child (widget_class, YsReviewPage, detail_level_label);
  gtk_widget_class_bind_template_child (widget_class, YsReviewPage, detail_title_label);
  gtk_widget_class_bind_template_child (widget_class, YsReviewPage, detail_message_label);
  gtk_widget_class_bind_template_child (widget_class, YsReviewPage, detail_location_label);
  gtk_widget_class_bind_template_child (widget_class, YsReviewPage, hint_box);
  gtk_widget_class_bind_template_child (widget_class, YsReviewPage, detail_hint_label);
  gtk_widget_class_bind_template_child (widget_class, YsReviewPage, basis_box);
  gtk_widget_class_bind_template_child (widget_class, YsReviewPage, detail_basis_label);
  gtk_widget_class_bind_template_child (widget_class, YsReviewPage, explanation_view);
  gtk_widget_class_bind_template_child (widget_class, YsReviewPage, save_explanation_button);
  gtk_widget_class_bind_template_child (widget_class, YsReviewPage, review_state_label);
  gtk_widget_class_bind_template_child (widget_class, YsReviewPage, review_editor);
  gtk_widget_class_bind_template_child (widget_class, YsReviewPage, pending_button);
  gtk_widget_class_bind_template_child (widget_class, YsReviewPage, accepted_button);
  gtk_widget_class_bind_template_child (widget_class, YsReviewPage, returned_button);
  gtk_widget_class_bind_template_child (widget_class, YsReviewPage, comment_entry);
  gtk_widget_class_bind_template_child (widget_class, YsReviewPage, review_error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_dropdown_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_model_items_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_findings_list_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_goto_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_save_explanation_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_save_review_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_status_button_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_reviewer_button_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_group_button_toggled_cb);
}

static void
ys_review_page_init (YsReviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->reviewer_name = g_strdup ("");
  ys_findings_list_set_count_func (self->findings_list, count_func, self);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  gtk_filter_list_model_set_filter (self->filter_model, GTK_FILTER (self->filter));
  g_signal_connect_object (gtk_text_view_get_buffer (self->explanation_view), "changed",
                           G_CALLBACK (on_explanation_buffer_changed_cb), self, G_CONNECT_SWAPPED);
  apply_reviewer_mode (self);
  update_list_state (self);
  load_details (self);
}
