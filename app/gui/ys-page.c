/* The base of the window's pages. The window hands the document and its
 * validator to every page and reveals a finding's record by asking each
 * page whether it shows it; a page only wires itself to what it is given
 * (document_changed) and says how to show one of its records (reveal). */
#define G_LOG_DOMAIN "yusuan"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ys-import-dialog.h"
#include "ys-page.h"
#include "ys-widget-util.h"

typedef struct
{
  YsDocument  *document;
  YsValidator *validator;
  char        *title;
  GtkStack    *empty_stack;  /* switched between "empty" and "list", not owned */
  gboolean     empty;
  const YsKind *import_kind; /* what a workbook dropped on the page is read as */

  /* A page with a form of one record (ys_page_set_form) */
  YsFormBinder *binder;
  YsRecord     *draft;         /* a new record being filled in, or NULL */
  char         *draft_failure; /* the heading when it cannot be added */
} YsPagePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (YsPage, ys_page, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_DOCUMENT, PROP_VALIDATOR, PROP_TITLE, PROP_EMPTY, N_PROPS };
static GParamSpec *properties[N_PROPS];

YsDocument *
ys_page_get_document (YsPage *self)
{
  YsPagePrivate *priv = ys_page_get_instance_private (self);

  g_return_val_if_fail (YS_IS_PAGE (self), NULL);

  return priv->document;
}

void
ys_page_set_document (YsPage     *self,
                      YsDocument *document)
{
  YsPagePrivate *priv = ys_page_get_instance_private (self);

  g_return_if_fail (YS_IS_PAGE (self));
  g_return_if_fail (!document || YS_IS_DOCUMENT (document));

  if (priv->document == document)
    return;

  if (priv->document != NULL)
    g_signal_handlers_disconnect_by_data (priv->document, self);
  g_set_object (&priv->document, document);
  g_clear_object (&priv->draft);
  if (YS_PAGE_GET_CLASS (self)->document_changed != NULL)
    YS_PAGE_GET_CLASS (self)->document_changed (self);
  ys_page_update_actions (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

YsValidator *
ys_page_get_validator (YsPage *self)
{
  YsPagePrivate *priv = ys_page_get_instance_private (self);

  g_return_val_if_fail (YS_IS_PAGE (self), NULL);

  return priv->validator;
}

void
ys_page_set_validator (YsPage      *self,
                       YsValidator *validator)
{
  YsPagePrivate *priv = ys_page_get_instance_private (self);

  g_return_if_fail (YS_IS_PAGE (self));
  g_return_if_fail (!validator || YS_IS_VALIDATOR (validator));

  if (priv->validator == validator)
    return;

  if (priv->validator != NULL)
    g_signal_handlers_disconnect_by_data (priv->validator, self);
  g_set_object (&priv->validator, validator);
  if (YS_PAGE_GET_CLASS (self)->validator_changed != NULL)
    YS_PAGE_GET_CLASS (self)->validator_changed (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALIDATOR]);
}

const char *
ys_page_get_title (YsPage *self)
{
  YsPagePrivate *priv = ys_page_get_instance_private (self);

  g_return_val_if_fail (YS_IS_PAGE (self), NULL);

  return priv->title;
}

void
ys_page_set_title (YsPage     *self,
                   const char *title)
{
  YsPagePrivate *priv = ys_page_get_instance_private (self);

  g_return_if_fail (YS_IS_PAGE (self));

  if (g_strcmp0 (priv->title, title) == 0)
    return;
  g_free (priv->title);
  priv->title = g_strdup (title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

gboolean
ys_page_get_empty (YsPage *self)
{
  YsPagePrivate *priv = ys_page_get_instance_private (self);

  g_return_val_if_fail (YS_IS_PAGE (self), FALSE);

  return priv->empty;
}

/* @stack has a child "empty", which says what the page is for and how to
 * begin, and one "list" with the page's records. */
void
ys_page_set_empty_stack (YsPage   *self,
                         GtkStack *stack)
{
  YsPagePrivate *priv = ys_page_get_instance_private (self);

  g_return_if_fail (YS_IS_PAGE (self));
  g_return_if_fail (!stack || GTK_IS_STACK (stack));

  priv->empty_stack = stack;
  if (stack != NULL)
    gtk_stack_set_visible_child_name (stack, priv->empty ? "empty" : "list");
}

void
ys_page_set_empty (YsPage   *self,
                   gboolean  empty)
{
  YsPagePrivate *priv = ys_page_get_instance_private (self);

  g_return_if_fail (YS_IS_PAGE (self));

  empty = !!empty;
  if (priv->empty_stack != NULL)
    gtk_stack_set_visible_child_name (priv->empty_stack, empty ? "empty" : "list");
  if (priv->empty == empty)
    return;
  priv->empty = empty;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMPTY]);
}

gboolean
ys_page_shows (YsPage   *self,
               YsRecord *record)
{
  g_return_val_if_fail (YS_IS_PAGE (self), FALSE);
  g_return_val_if_fail (YS_IS_RECORD (record), FALSE);

  return YS_PAGE_GET_CLASS (self)->shows != NULL && ys_page_get_document (self) != NULL
         && YS_PAGE_GET_CLASS (self)->shows (self, record);
}

void
ys_page_reveal (YsPage   *self,
                YsRecord *record,
                int       field)
{
  g_return_if_fail (YS_IS_PAGE (self));
  g_return_if_fail (YS_IS_RECORD (record));

  if (YS_PAGE_GET_CLASS (self)->reveal != NULL && ys_page_shows (self, record))
    YS_PAGE_GET_CLASS (self)->reveal (self, record, field);
}

gboolean
ys_page_search (YsPage     *self,
                const char *text)
{
  g_return_val_if_fail (YS_IS_PAGE (self), FALSE);

  return YS_PAGE_GET_CLASS (self)->search != NULL && YS_PAGE_GET_CLASS (self)->search (self, text);
}

void
ys_page_update_actions (YsPage *self)
{
  g_return_if_fail (YS_IS_PAGE (self));

  if (YS_PAGE_GET_CLASS (self)->update_actions != NULL)
    YS_PAGE_GET_CLASS (self)->update_actions (self);
}

/* Calls @callback (self, pspec, validator) whenever the validator's counts
 * of findings change; disconnected with the validator. */
void
ys_page_watch_counts (YsPage    *self,
                      GCallback  callback)
{
  YsValidator *validator = ys_page_get_validator (self);
  static const char *const signals[] = { "notify::n-errors", "notify::n-warnings", "notify::n-items" };

  g_return_if_fail (YS_IS_PAGE (self));

  if (validator == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (signals); i++)
    g_signal_connect_object (validator, signals[i], callback, self, G_CONNECT_SWAPPED);
}

/* What a search entry asks for: its text without the blanks around it, or
 * NULL when nothing is left. */
char *
ys_page_search_text (GtkEditable *entry)
{
  g_autofree char *stripped = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  return *stripped != '\0' ? g_steal_pointer (&stripped) : NULL;
}

void
ys_page_show_message (YsPage     *self,
                      const char *heading,
                      const char *body)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

GtkWidget *
ys_page_new_message_list (const char *text,
                          const char *accessible_label)
{
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *scroller = gtk_scrolled_window_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label, -1);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 240);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), label);
  return scroller;
}

/* In the window's toast overlay; takes @toast. */
void
ys_page_add_toast (YsPage   *self,
                   AdwToast *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

/* An undoable one (a deletion) offers the undo that takes it back. */
void
ys_page_show_toast (YsPage     *self,
                    const char *title,
                    gboolean    undoable)
{
  AdwToast *toast = adw_toast_new (title);

  if (undoable)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
    }
  ys_page_add_toast (self, toast);
}

/* A form of one record */

static void
on_form_message_cb (GtkLabel     *label,
                    GParamSpec   *pspec,
                    YsFormBinder *binder)
{
  const char *message = ys_form_binder_get_message (binder);

  /* Said under the title too: a tooltip alone is easily missed. */
  gtk_label_set_label (label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}

void
ys_page_set_form (YsPage       *self,
                  YsFormBinder *binder,
                  GtkLabel     *message,
                  const char   *failure_heading)
{
  YsPagePrivate *priv = ys_page_get_instance_private (self);

  g_return_if_fail (YS_IS_PAGE (self));
  g_return_if_fail (priv->binder == NULL);

  priv->binder = binder;
  priv->draft_failure = g_strdup (failure_heading);
  /* The label's, not the page's: the rows still save as they go while the
   * page is taken apart, but the label may be gone by then. */
  g_signal_connect_object (binder, "notify::message", G_CALLBACK (on_form_message_cb), message, G_CONNECT_SWAPPED);
}

YsFormBinder *
ys_page_get_form (YsPage *self)
{
  YsPagePrivate *priv = ys_page_get_instance_private (self);

  g_return_val_if_fail (YS_IS_PAGE (self), NULL);

  return priv->binder;
}

YsRecord *
ys_page_get_draft (YsPage *self)
{
  YsPagePrivate *priv = ys_page_get_instance_private (self);

  g_return_val_if_fail (YS_IS_PAGE (self), NULL);

  return priv->draft;
}

void
ys_page_set_draft (YsPage   *self,
                   YsRecord *draft)
{
  YsPagePrivate *priv = ys_page_get_instance_private (self);

  g_return_if_fail (YS_IS_PAGE (self));

  g_set_object (&priv->draft, draft);
}

static void
form_changed (YsPage *self)
{
  if (YS_PAGE_GET_CLASS (self)->form_changed != NULL)
    YS_PAGE_GET_CLASS (self)->form_changed (self);
}

YsRecord *
ys_page_get_form_record (YsPage             *self,
                         GtkSingleSelection *selection)
{
  YsPagePrivate *priv = ys_page_get_instance_private (self);

  g_return_val_if_fail (YS_IS_PAGE (self), NULL);

  if (priv->draft != NULL)
    return priv->draft;
  return priv->document != NULL ? gtk_single_selection_get_selected_item (selection) : NULL;
}

void
ys_page_begin_draft (YsPage       *self,
                     const YsKind *kind,
                     GtkWidget    *first)
{
  YsPagePrivate *priv = ys_page_get_instance_private (self);

  g_return_if_fail (YS_IS_PAGE (self));

  if (priv->document == NULL)
    return;
  g_clear_object (&priv->draft);
  priv->draft = ys_record_new (kind);
  form_changed (self);
  gtk_widget_grab_focus (first);
}

/* Adds the draft once what is typed is complete, and shows it. */
static void
save_new_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  YsPage *self = YS_PAGE (widget);
  YsPagePrivate *priv = ys_page_get_instance_private (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(YsRecord) record = NULL;

  if (priv->draft == NULL || priv->binder == NULL || priv->document == NULL)
    return;
  /* What is still typed in a row counts: it is taken before checking. */
  if (!ys_form_binder_commit_all (priv->binder) || !ys_form_binder_is_complete (priv->binder))
    return;
  if (!ys_document_insert (priv->document, priv->draft, &error))
    {
      ys_page_show_message (self, priv->draft_failure, error->message);
      return;
    }
  record = g_steal_pointer (&priv->draft);
  if (YS_PAGE_GET_CLASS (self)->select_record != NULL)
    YS_PAGE_GET_CLASS (self)->select_record (self, record);
  form_changed (self);
}

static void
cancel_new_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  YsPage *self = YS_PAGE (widget);
  YsPagePrivate *priv = ys_page_get_instance_private (self);

  if (priv->draft == NULL)
    return;
  g_clear_object (&priv->draft);
  form_changed (self);
}

gboolean
ys_page_delete_record (YsPage     *self,
                       YsRecord   *record,
                       const char *what,
                       const char *done)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (YS_IS_PAGE (self), FALSE);

  if (!ys_document_delete (ys_page_get_document (self), record, &error))
    {
      /* Translators: %s is a unit's code and name, or a project's name */
      g_autofree char *heading = g_strdup_printf (_("“%s” Was Not Deleted"), what);

      ys_page_show_message (self, heading, error->message);
      return FALSE;
    }
  /* Deleting is undone like any edit; the toast says how. */
  ys_page_show_toast (self, done, TRUE);
  return TRUE;
}

/* A total in 元, with the same figure in 万元 as its tooltip. */
void
ys_page_set_money_label (GtkLabel *label,
                         YsMoney   fen)
{
  g_autofree char *yuan = ys_money_format (fen, YS_MONEY_YUAN, TRUE);
  g_autofree char *wan = ys_money_format (fen, YS_MONEY_WAN, TRUE);
  /* Translators: a tooltip on a total shown in 元: the same figure in 万元 */
  g_autofree char *tooltip = g_strdup_printf (_("%s ten-thousand yuan"), wan);

  gtk_label_set_label (label, yuan);
  gtk_widget_set_tooltip_text (GTK_WIDGET (label), tooltip);
}

static void
ys_page_dispose (GObject *object)
{
  YsPage *self = YS_PAGE (object);
  YsPagePrivate *priv = ys_page_get_instance_private (self);

  if (priv->document != NULL)
    g_signal_handlers_disconnect_by_data (priv->document, self);
  if (priv->validator != NULL)
    g_signal_handlers_disconnect_by_data (priv->validator, self);
  priv->empty_stack = NULL;
  /* What a subclass's dispose_template() left: the children it does not bind. */
  ys_widget_remove_children (GTK_WIDGET (self));
  g_clear_object (&priv->validator);
  g_clear_object (&priv->document);
  g_clear_object (&priv->draft);

  G_OBJECT_CLASS (ys_page_parent_class)->dispose (object);
}

static void
ys_page_finalize (GObject *object)
{
  YsPagePrivate *priv = ys_page_get_instance_private (YS_PAGE (object));

  g_free (priv->title);
  g_free (priv->draft_failure);
  /* After the rows are gone: a row losing the focus as it goes still saves. */
  g_clear_object (&priv->binder);

  G_OBJECT_CLASS (ys_page_parent_class)->finalize (object);
}

static void
ys_page_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  YsPage *self = YS_PAGE (object);
  YsPagePrivate *priv = ys_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, priv->document);
      break;
    case PROP_VALIDATOR:
      g_value_set_object (value, priv->validator);
      break;
    case PROP_TITLE:
      g_value_set_string (value, priv->title);
      break;
    case PROP_EMPTY:
      g_value_set_boolean (value, priv->empty);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ys_page_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  YsPage *self = YS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      ys_page_set_document (self, g_value_get_object (value));
      break;
    case PROP_VALIDATOR:
      ys_page_set_validator (self, g_value_get_object (value));
      break;
    case PROP_TITLE:
      ys_page_set_title (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ys_page_class_init (YsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ys_page_dispose;
  object_class->finalize = ys_page_finalize;
  object_class->get_property = ys_page_get_property;
  object_class->set_property = ys_page_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, YS_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_VALIDATOR] =
    g_param_spec_object ("validator", NULL, NULL, YS_TYPE_VALIDATOR,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* What the sidebar calls the page. */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* The page has nothing to list yet and says how to begin. */
  properties[PROP_EMPTY] =
    g_param_spec_boolean ("empty", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "page.save-new", NULL, save_new_activated);
  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "page.cancel-new", NULL, cancel_new_activated);

  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_accessible_role (GTK_WIDGET_CLASS (klass), GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
ys_page_init (YsPage *self)
{
}

/* Importing */

static gboolean
on_drop_cb (GtkDropTarget *target,
            const GValue  *value,
            double         x,
            double         y,
            YsPage        *self)
{
  GSList *files = g_value_get_boxed (value);

  if (files == NULL || ys_page_get_document (self) == NULL || !gtk_widget_is_sensitive (GTK_WIDGET (self)))
    return FALSE;
  ys_page_import (self, NULL, files->data);
  return TRUE;
}

/* Records of @kind can be imported on the page: from its import action, or
 * by dropping a workbook on it. */
void
ys_page_set_import_kind (YsPage       *self,
                         const YsKind *kind)
{
  YsPagePrivate *priv = ys_page_get_instance_private (self);
  GtkDropTarget *drop;

  g_return_if_fail (YS_IS_PAGE (self));
  g_return_if_fail (priv->import_kind == NULL && ys_import_dialog_supports (kind));

  priv->import_kind = kind;
  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (drop, "drop", G_CALLBACK (on_drop_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}

const YsKind *
ys_page_get_import_kind (YsPage *self)
{
  YsPagePrivate *priv = ys_page_get_instance_private (self);

  g_return_val_if_fail (YS_IS_PAGE (self), NULL);

  return priv->import_kind;
}

static void
on_imported_cb (YsImportDialog *dialog,
                guint           rows,
                YsPage         *self)
{
  g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u row imported",
                                                         "%u rows imported", rows), rows);

  ys_page_show_toast (self, title, TRUE);
}

static YsImportDialog *
import_dialog_new (YsPage       *self,
                   const YsKind *kind)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  YsImportDialog *dialog = ys_import_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                 ys_page_get_document (self), kind);

  ys_import_dialog_set_validator (dialog, ys_page_get_validator (self));
  g_signal_connect_object (dialog, "imported", G_CALLBACK (on_imported_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

/* Opens the import dialog for records of @kind (NULL: the page's) on
 * @file, or to choose one when it is NULL. */
void
ys_page_import (YsPage       *self,
                const YsKind *kind,
                GFile        *file)
{
  YsPagePrivate *priv = ys_page_get_instance_private (self);
  YsImportDialog *dialog;

  g_return_if_fail (YS_IS_PAGE (self));

  if (kind == NULL)
    kind = priv->import_kind;
  if (priv->document == NULL || kind == NULL)
    return;
  dialog = import_dialog_new (self, kind);
  if (file != NULL)
    ys_import_dialog_open_file (dialog, file);
  else
    ys_import_dialog_choose_file (dialog);
}

/* The same dialog on rows read already: a paste whose cells need mending. */
void
ys_page_import_preview (YsPage        *self,
                        YsSheetImport *import)
{
  g_return_if_fail (YS_IS_PAGE (self));

  if (ys_page_get_document (self) == NULL)
    return;
  ys_import_dialog_show_import (import_dialog_new (self, ys_sheet_import_get_kind (import)), import);
}
