/* Form rows bound to record fields; see ys-form-binder.h. */
#define G_LOG_DOMAIN "yusuan"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ys-cell-input.h"
#include "ys-form-binder.h"
#include "ys-widget-util.h"

typedef enum {
  BINDING_ENTRY,
  BINDING_CHOICE,
  BINDING_UNIT,
  BINDING_TEXT_VIEW,
} BindingKind;

typedef struct
{
  YsFormBinder *self;
  GtkWidget    *widget;
  guint         field;
  BindingKind   kind;
  GtkWidget    *icon;     /* shown while the value is wrong */
  GPtrArray    *values;   /* combo rows: the value of each item */
  char         *error;
} Binding;

struct _YsFormBinder
{
  GObject      parent_instance;

  GPtrArray   *bindings;
  YsDocument  *document;
  YsRecord    *record;
  YsMoneyUnit  money_unit;
  gboolean     loading;   /* set while rows are filled from the record */
  char        *message;   /* the latest error still shown, or NULL */
};

G_DEFINE_FINAL_TYPE (YsFormBinder, ys_form_binder, G_TYPE_OBJECT)

enum { PROP_0, PROP_MESSAGE, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
set_message (YsFormBinder *self,
             const char   *message)
{
  if (g_strcmp0 (self->message, message) == 0)
    return;
  g_free (self->message);
  self->message = g_strdup (message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
}

static const YsField *
binding_field (Binding *b)
{
  return &ys_record_get_kind (b->self->record)->fields[b->field];
}

static gboolean
is_draft (YsRecord *record)
{
  return ys_record_get_id (record) == 0;
}

char *
ys_form_binder_format_money (YsMoney     fen,
                             YsMoneyUnit unit)
{
  gboolean negative = fen < 0;
  guint64 abs_fen = negative ? (guint64) (-(fen + 1)) + 1 : (guint64) fen;
  char frac[8];
  int len = 6;

  if (unit == YS_MONEY_YUAN)
    return ys_money_format (fen, YS_MONEY_YUAN, FALSE);

  /* 1 万元 is 1,000,000 分: six decimals are exact, and only those that
   * say something are shown. */
  g_snprintf (frac, sizeof frac, "%06" G_GUINT64_FORMAT, abs_fen % 1000000);
  while (len > 2 && frac[len - 1] == '0')
    len--;
  frac[len] = '\0';
  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%s", negative ? "-" : "", abs_fen / 1000000, frac);
}

/* Marking */

static void
mark (Binding    *b,
      const char *message)
{
  YsFormBinder *self = b->self;

  g_free (b->error);
  b->error = g_strdup (message);

  /* The form says in words what is wrong: the latest row marked, or
   * another row still wrong once that one is fixed. */
  if (message != NULL)
    set_message (self, message);
  else
    {
      const char *other = NULL;

      for (guint i = 0; i < self->bindings->len && other == NULL; i++)
        other = ((Binding *) g_ptr_array_index (self->bindings, i))->error;
      set_message (self, other);
    }

  if (message != NULL)
    {
      gtk_widget_add_css_class (b->widget, "error");
      gtk_widget_set_tooltip_text (b->widget, message);
      gtk_accessible_update_property (GTK_ACCESSIBLE (b->widget),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                      -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (b->widget),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
      if (b->icon == NULL && (ADW_IS_ENTRY_ROW (b->widget) || ADW_IS_ACTION_ROW (b->widget)))
        {
          /* Made on the first error only: most rows never need one. */
          b->icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
          gtk_widget_add_css_class (b->icon, "error");
          gtk_accessible_update_property (GTK_ACCESSIBLE (b->icon),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, _("Not valid"),
                                          -1);
          if (ADW_IS_ENTRY_ROW (b->widget))
            adw_entry_row_add_suffix (ADW_ENTRY_ROW (b->widget), b->icon);
          else
            adw_action_row_add_suffix (ADW_ACTION_ROW (b->widget), b->icon);
        }
      if (b->icon != NULL)
        {
          gtk_widget_set_tooltip_text (b->icon, message);
          gtk_widget_set_visible (b->icon, TRUE);
        }
    }
  else
    {
      gtk_widget_remove_css_class (b->widget, "error");
      gtk_widget_set_tooltip_text (b->widget, NULL);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (b->widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_update_state (GTK_ACCESSIBLE (b->widget),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_FALSE,
                                   -1);
      if (b->icon != NULL)
        gtk_widget_set_visible (b->icon, FALSE);
    }
}

/* Values of rows */

static char *
widget_text (Binding *b)
{
  switch (b->kind)
    {
    case BINDING_ENTRY:
      return g_strdup (gtk_editable_get_text (GTK_EDITABLE (b->widget)));
    case BINDING_TEXT_VIEW:
      return ys_text_view_get_text (GTK_TEXT_VIEW (b->widget));
    case BINDING_CHOICE:
    case BINDING_UNIT:
    default:
      {
        guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (b->widget));
        return g_strdup (selected < b->values->len ? g_ptr_array_index (b->values, selected) : "");
      }
    }
}

static YsCellInput
cell_input (Binding *b)
{
  /* Forms name codes by choosing them: nothing to resolve. A message names
   * the field by its row's title. */
  return (YsCellInput) { b->self->document, NULL, YS_LOOKUP_NONE, b->self->money_unit,
                         ADW_IS_PREFERENCES_ROW (b->widget)
                         ? adw_preferences_row_get_title (ADW_PREFERENCES_ROW (b->widget)) : NULL };
}

/* The checks the document makes, run as the value is typed. */
static gboolean
check (Binding     *b,
       const char  *text,
       GError     **error)
{
  YsFormBinder *self = b->self;
  YsCellInput input = cell_input (b);
  const YsKind *kind = ys_record_get_kind (self->record);
  YsValue v;

  if (!ys_cell_input_parse (&input, kind, b->field, self->record, text, &v, error))
    return FALSE;
  ys_value_clear (&kind->fields[b->field], &v);
  return TRUE;
}

static void
load (Binding *b)
{
  YsFormBinder *self = b->self;
  const YsField *field = binding_field (b);
  g_autofree char *text = NULL;

  /* An amount stays in view in a form: in 元 it is easier read with
   * separators, which typing may keep. */
  if (field->type == YS_FIELD_MONEY && self->money_unit == YS_MONEY_YUAN)
    text = ys_money_format (ys_record_get_int (self->record, b->field), YS_MONEY_YUAN, TRUE);
  else if (field->type == YS_FIELD_MONEY)
    text = ys_form_binder_format_money (ys_record_get_int (self->record, b->field), self->money_unit);
  else
    text = ys_record_format (self->record, b->field);

  self->loading = TRUE;
  switch (b->kind)
    {
    case BINDING_ENTRY:
      if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (b->widget)), text) != 0)
        gtk_editable_set_text (GTK_EDITABLE (b->widget), text);
      break;
    case BINDING_TEXT_VIEW:
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (b->widget)), text, -1);
      break;
    case BINDING_CHOICE:
    case BINDING_UNIT:
      {
        guint found = GTK_INVALID_LIST_POSITION;

        for (guint i = 0; i < b->values->len; i++)
          if (g_strcmp0 (g_ptr_array_index (b->values, i), text) == 0)
            found = i;
        adw_combo_row_set_selected (ADW_COMBO_ROW (b->widget), found);
      }
      break;
    }
  self->loading = FALSE;
  mark (b, NULL);
}

/* Saving */

static gboolean
commit (Binding *b)
{
  YsFormBinder *self = b->self;
  YsCellInput input;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->record == NULL || self->document == NULL || self->loading)
    return TRUE;
  input = cell_input (b);
  text = widget_text (b);
  /* A record not in the document yet keeps what is valid. */
  ok = ys_cell_input_apply (&input, self->record, !is_draft (self->record), b->field, text, &error);
  mark (b, ok ? NULL : error->message);
  return ok;
}

static void
on_changed_cb (Binding *b)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  if (b->self->loading || b->self->record == NULL)
    return;
  /* Marked the moment it goes wrong, saved only when the row is left. */
  text = widget_text (b);
  mark (b, check (b, text, &error) ? NULL : error->message);
}

static void
on_entry_activated_cb (Binding *b)
{
  commit (b);
}

static void
on_focus_leave_cb (Binding *b)
{
  commit (b);
}

static void
on_combo_selected_cb (Binding *b)
{
  /* A choice is made at once: there is nothing half-typed to wait for. */
  if (!b->self->loading)
    commit (b);
}

/* Lists */

static void
fill_unit_combo (Binding *b)
{
  YsFormBinder *self = b->self;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  guint n = self->document ? ys_document_count (self->document, &ys_unit_kind) : 0;
  GtkStringList *model;

  g_ptr_array_set_size (b->values, 0);
  for (guint i = 0; i < n; i++)
    {
      YsRecord *unit = ys_document_get (self->document, &ys_unit_kind, i);
      const char *code = ys_record_get_text (unit, YS_UNIT_CODE);

      g_ptr_array_add (names, g_strdup_printf ("%s %s", code, ys_record_get_text (unit, YS_UNIT_NAME)));
      g_ptr_array_add (b->values, g_strdup (code));
    }
  g_ptr_array_add (names, NULL);
  model = gtk_string_list_new ((const char *const *) names->pdata);
  self->loading = TRUE;
  adw_combo_row_set_model (ADW_COMBO_ROW (b->widget), G_LIST_MODEL (model));
  self->loading = FALSE;
  g_object_unref (model);
}

static void
fill_choice_combo (Binding       *b,
                   const YsField *field)
{
  GtkStringList *model = gtk_string_list_new (NULL);

  g_ptr_array_set_size (b->values, 0);
  if (!(field->flags & YS_FIELD_REQUIRED))
    {
      /* Translators: the item of a list for a field left empty */
      gtk_string_list_append (model, _("Not Set"));
      g_ptr_array_add (b->values, g_strdup (""));
    }
  for (guint i = 0; field->choices[i]; i++)
    {
      gtk_string_list_append (model, field->choices[i]);
      g_ptr_array_add (b->values, g_strdup (field->choices[i]));
    }
  b->self->loading = TRUE;
  adw_combo_row_set_model (ADW_COMBO_ROW (b->widget), G_LIST_MODEL (model));
  b->self->loading = FALSE;
  g_object_unref (model);
}

/* Record and document */

static void
on_record_notify_cb (YsFormBinder *self,
                     GParamSpec   *pspec,
                     YsRecord     *record)
{
  GParamSpec **pspecs = YS_RECORD_GET_CLASS (record)->pspecs;

  /* An undo, or an edit made elsewhere, shows here at once. */
  for (guint i = 0; i < self->bindings->len; i++)
    {
      Binding *b = g_ptr_array_index (self->bindings, i);

      if (pspecs[b->field] == pspec)
        load (b);
    }
}

static void
on_document_changed_cb (YsFormBinder *self,
                        YsRecord     *record,
                        guint         type,
                        int           field,
                        YsDocument   *document)
{
  if (record == NULL || !YS_IS_UNIT (record))
    return;
  for (guint i = 0; i < self->bindings->len; i++)
    {
      Binding *b = g_ptr_array_index (self->bindings, i);

      if (b->kind == BINDING_UNIT)
        {
          fill_unit_combo (b);
          if (self->record != NULL)
            load (b);
        }
    }
}

void
ys_form_binder_add (YsFormBinder *self,
                    GtkWidget    *widget,
                    guint         field)
{
  Binding *b;
  GtkEventController *controller;

  g_return_if_fail (YS_IS_FORM_BINDER (self));
  g_return_if_fail (ADW_IS_ENTRY_ROW (widget) || ADW_IS_COMBO_ROW (widget) || GTK_IS_TEXT_VIEW (widget));

  b = g_new0 (Binding, 1);
  b->self = self;
  b->widget = widget;
  b->field = field;
  b->values = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->bindings, b);

  if (ADW_IS_ENTRY_ROW (widget))
    {
      b->kind = BINDING_ENTRY;
      g_signal_connect_swapped (widget, "changed", G_CALLBACK (on_changed_cb), b);
      g_signal_connect_swapped (widget, "entry-activated", G_CALLBACK (on_entry_activated_cb), b);
    }
  else if (GTK_IS_TEXT_VIEW (widget))
    {
      b->kind = BINDING_TEXT_VIEW;
      g_signal_connect_swapped (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), "changed",
                                G_CALLBACK (on_changed_cb), b);
    }
  else
    {
      /* Which list it shows depends on the kind: known when a record comes. */
      b->kind = BINDING_CHOICE;
      g_signal_connect_swapped (widget, "notify::selected", G_CALLBACK (on_combo_selected_cb), b);
    }

  if (b->kind != BINDING_CHOICE)
    {
      controller = gtk_event_controller_focus_new ();
      g_signal_connect_swapped (controller, "leave", G_CALLBACK (on_focus_leave_cb), b);
      gtk_widget_add_controller (widget, controller);
    }
}

void
ys_form_binder_set_record (YsFormBinder *self,
                           YsDocument   *document,
                           YsRecord     *record)
{
  g_return_if_fail (YS_IS_FORM_BINDER (self));

  if (self->record != NULL)
    g_signal_handlers_disconnect_by_data (self->record, self);
  if (self->document != NULL && self->document != document)
    g_signal_handlers_disconnect_by_data (self->document, self);
  if (document != NULL && self->document != document)
    g_signal_connect_object (document, "changed", G_CALLBACK (on_document_changed_cb), self, G_CONNECT_SWAPPED);
  g_set_object (&self->document, document);
  g_set_object (&self->record, record);
  if (record == NULL)
    return;

  g_signal_connect_object (record, "notify", G_CALLBACK (on_record_notify_cb), self, G_CONNECT_SWAPPED);
  for (guint i = 0; i < self->bindings->len; i++)
    {
      Binding *b = g_ptr_array_index (self->bindings, i);
      const YsField *field = binding_field (b);

      if (ADW_IS_COMBO_ROW (b->widget))
        {
          b->kind = g_strcmp0 (field->ref, "unit") == 0 ? BINDING_UNIT : BINDING_CHOICE;
          if (b->kind == BINDING_UNIT)
            fill_unit_combo (b);
          else
            fill_choice_combo (b, field);
        }
      load (b);

      /* A new record starts with the first of each list it must have. */
      if (is_draft (record) && ADW_IS_COMBO_ROW (b->widget) && (field->flags & YS_FIELD_REQUIRED)
          && *ys_record_get_text (record, b->field) == '\0' && b->values->len > 0)
        {
          adw_combo_row_set_selected (ADW_COMBO_ROW (b->widget), 0);
          commit (b);
        }
    }
}

const char *
ys_form_binder_get_message (YsFormBinder *self)
{
  g_return_val_if_fail (YS_IS_FORM_BINDER (self), NULL);

  return self->message;
}

YsRecord *
ys_form_binder_get_record (YsFormBinder *self)
{
  g_return_val_if_fail (YS_IS_FORM_BINDER (self), NULL);

  return self->record;
}

void
ys_form_binder_set_money_unit (YsFormBinder *self,
                               YsMoneyUnit   unit)
{
  g_return_if_fail (YS_IS_FORM_BINDER (self));

  if (self->money_unit == unit)
    return;
  self->money_unit = unit;
  if (self->record == NULL)
    return;
  for (guint i = 0; i < self->bindings->len; i++)
    {
      Binding *b = g_ptr_array_index (self->bindings, i);

      if (binding_field (b)->type == YS_FIELD_MONEY)
        load (b);
    }
}

gboolean
ys_form_binder_commit_all (YsFormBinder *self)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (YS_IS_FORM_BINDER (self), FALSE);

  for (guint i = 0; i < self->bindings->len; i++)
    ok &= commit (g_ptr_array_index (self->bindings, i));
  return ok;
}

void
ys_form_binder_focus_field (YsFormBinder *self,
                            int           field)
{
  g_return_if_fail (YS_IS_FORM_BINDER (self));

  for (guint i = 0; i < self->bindings->len; i++)
    {
      Binding *b = g_ptr_array_index (self->bindings, i);

      if ((int) b->field == field)
        {
          gtk_widget_grab_focus (b->widget);
          return;
        }
    }
}

gboolean
ys_form_binder_is_complete (YsFormBinder *self)
{
  gboolean complete = TRUE;

  g_return_val_if_fail (YS_IS_FORM_BINDER (self), FALSE);

  if (self->record == NULL)
    return FALSE;
  for (guint i = 0; i < self->bindings->len; i++)
    {
      Binding *b = g_ptr_array_index (self->bindings, i);
      const YsField *field = binding_field (b);

      if ((field->flags & YS_FIELD_REQUIRED) && ys_field_is_text (field)
          && *ys_record_get_text (self->record, b->field) == '\0')
        {
          g_autofree char *message = g_strdup_printf (_("%s is required"), _(field->label));

          mark (b, message);
          complete = FALSE;
        }
    }
  return complete;
}

static void
binding_free (Binding *b)
{
  g_ptr_array_unref (b->values);
  g_free (b->error);
  g_free (b);
}

static void
ys_form_binder_dispose (GObject *object)
{
  YsFormBinder *self = YS_FORM_BINDER (object);

  if (self->record != NULL)
    g_signal_handlers_disconnect_by_data (self->record, self);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->record);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (ys_form_binder_parent_class)->dispose (object);
}

static void
ys_form_binder_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  YsFormBinder *self = YS_FORM_BINDER (object);

  switch (prop_id)
    {
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ys_form_binder_finalize (GObject *object)
{
  YsFormBinder *self = YS_FORM_BINDER (object);

  g_clear_pointer (&self->bindings, g_ptr_array_unref);
  g_free (self->message);

  G_OBJECT_CLASS (ys_form_binder_parent_class)->finalize (object);
}

static void
ys_form_binder_class_init (YsFormBinderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ys_form_binder_dispose;
  object_class->finalize = ys_form_binder_finalize;
  object_class->get_property = ys_form_binder_get_property;

  /**
   * YsFormBinder:message:
   *
   * Why a row of the form is marked wrong (the latest), or NULL.
   */
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

}

static void
ys_form_binder_init (YsFormBinder *self)
{
  self->bindings = g_ptr_array_new_with_free_func ((GDestroyNotify) binding_free);
  self->money_unit = YS_MONEY_YUAN;
}

YsFormBinder *
ys_form_binder_new (void)
{
  return g_object_new (YS_TYPE_FORM_BINDER, NULL);
}
