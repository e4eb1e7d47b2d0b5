/* 概况: 第一部分 of the published document as the accountant types it —
 * 主要职责, 主要工作任务, 其他重要事项 and a note after 机构设置 — kept in the
 * document's settings (overview_*), and 机构设置 itself as the publication
 * generates it from the units.
 *
 * What is typed is saved once typing pauses or the text loses focus, each
 * time one undoable step of the document: a step per keystroke would make
 * undo useless, one per visit would lose work when the window dies. Ctrl+Z
 * in a text saves what is pending first, then undoes through the document,
 * so that the text and the document never disagree. */
#define G_LOG_DOMAIN "yusuan"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ys-explain.h"
#include "ys-kinds.h"
#include "ys-overview-page.h"
#include "ys-widget-util.h"

/* Quiet time after a keystroke before the text is saved. */
#define SAVE_DELAY_MS 800

enum { TEXT_DUTIES, TEXT_STRUCTURE_NOTE, TEXT_TASKS, TEXT_OTHER, N_TEXTS };

static const struct {
  const char *key;
  const char *step;   /* the undo step's name */
} texts[N_TEXTS] = {
  { "overview_duties", N_("Edit Main Duties") },
  { "overview_structure_note", N_("Edit Note on the Organisation") },
  { "overview_tasks", N_("Edit Main Tasks of the Year") },
  { "overview_other", N_("Edit Other Important Matters") },
};

struct _YsOverviewPage
{
  YsPage       parent_instance;

  /* template */
  GtkTextView *views[N_TEXTS];
  GtkLabel    *structure_label;

  YsDocument  *bound;            /* the document the texts show and are saved in */
  guint        save_timeout[N_TEXTS];
  gboolean     loading;          /* filling a text from the document: not the user's edit */
  gboolean     structure_dirty;  /* the units changed while the page was hidden */
};

G_DEFINE_FINAL_TYPE (YsOverviewPage, ys_overview_page, YS_TYPE_PAGE)

static void
save (YsOverviewPage *self,
      guint           i)
{
  YsDocument *document = self->bound;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_clear_handle_id (&self->save_timeout[i], g_source_remove);
  if (document == NULL)
    return;
  text = ys_text_view_get_text (self->views[i]);
  if (g_strcmp0 (text, ys_document_get_meta (document, texts[i].key)) == 0)
    return;
  /* A batch of one change, for the step's name in the undo button. */
  if (!ys_document_begin_batch (document, _(texts[i].step), &error))
    {
      ys_page_show_toast (YS_PAGE (self), error->message, FALSE);
      return;
    }
  if (!ys_document_set_meta (document, texts[i].key, text, &error))
    {
      ys_document_cancel_batch (document);
      ys_page_show_toast (YS_PAGE (self), error->message, FALSE);
      return;
    }
  if (!ys_document_end_batch (document, &error))
    ys_page_show_toast (YS_PAGE (self), error->message, FALSE);
}

void
ys_overview_page_flush (YsOverviewPage *self)
{
  g_return_if_fail (YS_IS_OVERVIEW_PAGE (self));

  for (guint i = 0; i < N_TEXTS; i++)
    if (self->save_timeout[i] != 0)
      save (self, i);
}

static guint view_index (YsOverviewPage *self, GtkTextView *view);

static gboolean
save_cb (gpointer user_data)
{
  GtkTextView *view = user_data;
  YsOverviewPage *self = YS_OVERVIEW_PAGE (gtk_widget_get_ancestor (GTK_WIDGET (view), YS_TYPE_OVERVIEW_PAGE));
  guint i = view_index (self, view);

  self->save_timeout[i] = 0;
  save (self, i);
  return G_SOURCE_REMOVE;
}

static guint
view_index (YsOverviewPage *self,
            GtkTextView    *view)
{
  for (guint i = 0; i < N_TEXTS; i++)
    if (self->views[i] == view)
      return i;
  g_return_val_if_reached (0);
}

static void
on_buffer_changed_cb (GtkTextBuffer *buffer,
                      GtkTextView   *view)
{
  YsOverviewPage *self = YS_OVERVIEW_PAGE (gtk_widget_get_ancestor (GTK_WIDGET (view), YS_TYPE_OVERVIEW_PAGE));
  guint i;

  if (self == NULL || self->loading)
    return;
  i = view_index (self, view);
  g_clear_handle_id (&self->save_timeout[i], g_source_remove);
  self->save_timeout[i] = g_timeout_add (SAVE_DELAY_MS, save_cb, view);
}

static void
on_focus_leave_cb (GtkEventControllerFocus *controller,
                   YsOverviewPage          *self)
{
  GtkTextView *view = GTK_TEXT_VIEW (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));
  guint i = view_index (self, view);

  if (self->save_timeout[i] != 0)
    save (self, i);
}

/* Ctrl+Z and Ctrl+Shift+Z / Ctrl+Y in a text: the document's undo and redo,
 * after saving what is pending. */
static gboolean
undo_shortcut_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  YsOverviewPage *self = YS_OVERVIEW_PAGE (gtk_widget_get_ancestor (widget, YS_TYPE_OVERVIEW_PAGE));
  const char *action = g_variant_get_string (args, NULL);

  if (self != NULL)
    ys_overview_page_flush (self);
  gtk_widget_activate_action (widget, action, NULL);
  return TRUE;
}

static void
load_text (YsOverviewPage *self,
           guint           i)
{
  YsDocument *document = ys_page_get_document (YS_PAGE (self));
  const char *value = document ? ys_document_get_meta (document, texts[i].key) : NULL;
  g_autofree char *shown = ys_text_view_get_text (self->views[i]);

  if (value == NULL)
    value = "";
  if (g_strcmp0 (shown, value) == 0)
    return;
  self->loading = TRUE;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->views[i]), value, -1);
  self->loading = FALSE;
}

static void
update_structure (YsOverviewPage *self)
{
  YsDocument *document = ys_page_get_document (YS_PAGE (self));
  g_autofree char *structure = NULL;

  self->structure_dirty = FALSE;
  if (document != NULL)
    structure = ys_explain_structure (document);
  gtk_label_set_text (self->structure_label, structure ? structure : "");
}

static void
on_document_changed_cb (YsOverviewPage *self,
                        YsRecord       *record,
                        guint           type,
                        int             field,
                        YsDocument     *document)
{
  if (type == YS_CHANGE_META)
    {
      /* Undo, redo or another window's edit; a text being typed keeps what is typed. */
      for (guint i = 0; i < N_TEXTS; i++)
        if (self->save_timeout[i] == 0)
          load_text (self, i);
    }
  if (type == YS_CHANGE_META || (record != NULL && ys_record_get_kind (record) == &ys_unit_kind))
    {
      if (gtk_widget_get_mapped (GTK_WIDGET (self)))
        update_structure (self);
      else
        self->structure_dirty = TRUE;
    }
}

static void
ys_overview_page_document_changed (YsPage *page)
{
  YsOverviewPage *self = YS_OVERVIEW_PAGE (page);
  YsDocument *document = ys_page_get_document (page);

  /* What was typed into the budget before goes into it, not into this one. */
  ys_overview_page_flush (self);
  g_set_object (&self->bound, document);
  for (guint i = 0; i < N_TEXTS; i++)
    {
      load_text (self, i);
      gtk_text_view_set_editable (self->views[i], document != NULL && !ys_document_is_read_only (document));
    }
  if (document != NULL)
    g_signal_connect_object (document, "changed", G_CALLBACK (on_document_changed_cb), self, G_CONNECT_SWAPPED);
  update_structure (self);
}

static void
ys_overview_page_map (GtkWidget *widget)
{
  YsOverviewPage *self = YS_OVERVIEW_PAGE (widget);

  GTK_WIDGET_CLASS (ys_overview_page_parent_class)->map (widget);
  if (self->structure_dirty)
    update_structure (self);
}

static void
ys_overview_page_unmap (GtkWidget *widget)
{
  ys_overview_page_flush (YS_OVERVIEW_PAGE (widget));
  GTK_WIDGET_CLASS (ys_overview_page_parent_class)->unmap (widget);
}

static void
ys_overview_page_dispose (GObject *object)
{
  YsOverviewPage *self = YS_OVERVIEW_PAGE (object);

  /* What was typed last is not lost when the window closes. */
  ys_overview_page_flush (self);
  g_clear_object (&self->bound);
  gtk_widget_dispose_template (GTK_WIDGET (self), YS_TYPE_OVERVIEW_PAGE);

  G_OBJECT_CLASS (ys_overview_page_parent_class)->dispose (object);
}

static void
ys_overview_page_class_init (YsOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ys_overview_page_dispose;
  widget_class->map = ys_overview_page_map;
  widget_class->unmap = ys_overview_page_unmap;
  YS_PAGE_CLASS (klass)->document_changed = ys_overview_page_document_changed;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/yusuan/Yusuan/ui/ys-overview-page.ui");
  gtk_widget_class_bind_template_child_full (widget_class, "duties_view", FALSE,
                                             G_STRUCT_OFFSET (YsOverviewPage, views[TEXT_DUTIES]));
  gtk_widget_class_bind_template_child_full (widget_class, "structure_note_view", FALSE,
                                             G_STRUCT_OFFSET (YsOverviewPage, views[TEXT_STRUCTURE_NOTE]));
  gtk_widget_class_bind_template_child_full (widget_class, "tasks_view", FALSE,
                                             G_STRUCT_OFFSET (YsOverviewPage, views[TEXT_TASKS]));
  gtk_widget_class_bind_template_child_full (widget_class, "other_view", FALSE,
                                             G_STRUCT_OFFSET (YsOverviewPage, views[TEXT_OTHER]));
  gtk_widget_class_bind_template_child (widget_class, YsOverviewPage, structure_label);
}

static void
ys_overview_page_init (YsOverviewPage *self)
{
  static const struct {
    const char *trigger;
    const char *action;
  } shortcuts[] = {
    { "<Control>z", "win.undo" },
    { "<Control><Shift>z", "win.redo" },
    { "<Control>y", "win.redo" },
  };

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < N_TEXTS; i++)
    {
      GtkEventController *focus = gtk_event_controller_focus_new ();
      GtkEventController *keys = gtk_shortcut_controller_new ();

      /* The text's own undo would disagree with the document's. */
      gtk_text_buffer_set_enable_undo (gtk_text_view_get_buffer (self->views[i]), FALSE);
      g_signal_connect_object (gtk_text_view_get_buffer (self->views[i]), "changed",
                               G_CALLBACK (on_buffer_changed_cb), self->views[i], 0);
      g_signal_connect_object (focus, "leave", G_CALLBACK (on_focus_leave_cb), self, 0);
      gtk_widget_add_controller (GTK_WIDGET (self->views[i]), focus);

      for (guint k = 0; k < G_N_ELEMENTS (shortcuts); k++)
        {
          GtkShortcut *shortcut = gtk_shortcut_new (gtk_shortcut_trigger_parse_string (shortcuts[k].trigger),
                                                    gtk_callback_action_new (undo_shortcut_cb, NULL, NULL));

          gtk_shortcut_set_arguments (shortcut, g_variant_new_string (shortcuts[k].action));
          gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys), shortcut);
        }
      gtk_widget_add_controller (GTK_WIDGET (self->views[i]), keys);
    }
}
