/* Typed text to stored value; see ys-cell-input.h. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ys-cell-input.h"
#include "ys-kinds.h"

static gboolean
parse_money (const YsCellInput  *input,
             const YsField      *field,
             const char         *text,
             YsValue            *out,
             GError            **error)
{
  g_autoptr(GError) local = NULL;
  YsMoneyParseFlags flags = YS_MONEY_PARSE_ALLOW_EMPTY;

  if (field->flags & YS_FIELD_NEGATIVE_OK)
    flags |= YS_MONEY_PARSE_ALLOW_NEGATIVE;
  if (!ys_money_parse (text, input->money_unit, flags, &out->i, &local))
    {
      /* Named as the document names its fields. */
      g_set_error (error, YS_FIELD_ERROR, YS_FIELD_ERROR_INVALID,
                   "%s: %s", _(field->label), local->message);
      return FALSE;
    }
  return TRUE;
}

/* The checks the document makes, before it is asked: a reference names a
 * record that exists, a key is not another record's. */
static gboolean
check_value (const YsCellInput  *input,
             const YsKind       *kind,
             guint               field_index,
             YsRecord           *record,
             const YsValue      *value,
             GError            **error)
{
  const YsField *field = &kind->fields[field_index];

  if (input->document == NULL || !ys_field_is_text (field) || value->s == NULL || *value->s == '\0')
    return TRUE;
  if ((int) field_index == kind->key_field)
    {
      YsRecord *other = ys_document_lookup_key (input->document, kind, value->s);

      if (other != NULL && other != record)
        {
          /* The same words as the document's own check. */
          g_set_error (error, YS_DOCUMENT_ERROR, YS_DOCUMENT_ERROR_INVALID,
                       _("%s “%s” already exists"), _(field->label), value->s);
          return FALSE;
        }
    }
  if (field->ref != NULL)
    {
      const YsKind *target = ys_kinds_lookup (field->ref);

      if (ys_document_lookup_key (input->document, target, value->s) == NULL)
        {
          /* The same words as the document's own check. */
          g_set_error (error, YS_DOCUMENT_ERROR, YS_DOCUMENT_ERROR_INVALID,
                       _("%s: there is no %s with the code “%s”"),
                       _(field->label), _(target->label), value->s);
          return FALSE;
        }
    }
  return TRUE;
}

/* A message about @field names it as the user sees it: 功能分类科目 in the
 * grid's column, not 功能分类科目编码 as the document calls the field. */
static gboolean
name_as_shown (const YsCellInput  *input,
               const YsField      *field,
               GError            **error)
{
  const char *label = _(field->label);
  char *at;

  if (error == NULL || *error == NULL || input->field_title == NULL
      || (at = strstr ((*error)->message, label)) == NULL)
    return FALSE;
  {
    g_autofree char *message = (*error)->message;

    (*error)->message = g_strdup_printf ("%.*s%s%s", (int) (at - message), message,
                                         input->field_title, at + strlen (label));
  }
  return FALSE;
}

static gboolean
parse (const YsCellInput  *input,
       const YsKind       *kind,
       guint               field_index,
       YsRecord           *record,
       const char         *text,
       YsValue            *out,
       GError            **error)
{
  const YsField *field;
  g_autofree char *resolved = NULL;

  g_return_val_if_fail (out != NULL, FALSE);

  field = &kind->fields[field_index];
  memset (out, 0, sizeof *out);
  resolved = input->lookup != NULL
             ? ys_lookup_resolve (input->lookup, input->lookup_kind, field, text)
             : g_strstrip (g_strdup (text ? text : ""));

  if (field->type == YS_FIELD_MONEY)
    return parse_money (input, field, resolved, out, error);
  if (!ys_field_parse (field, resolved, out, error))
    return FALSE;
  if (!check_value (input, kind, field_index, record, out, error))
    {
      ys_value_clear (field, out);
      return FALSE;
    }
  return TRUE;
}

gboolean
ys_cell_input_parse (const YsCellInput  *input,
                     const YsKind       *kind,
                     guint               field_index,
                     YsRecord           *record,
                     const char         *text,
                     YsValue            *out,
                     GError            **error)
{
  g_return_val_if_fail (input != NULL, FALSE);
  g_return_val_if_fail (kind != NULL && field_index < kind->n_fields, FALSE);

  return parse (input, kind, field_index, record, text, out, error)
         || name_as_shown (input, &kind->fields[field_index], error);
}

gboolean
ys_cell_input_apply (const YsCellInput  *input,
                     YsRecord           *record,
                     gboolean            in_document,
                     guint               field,
                     const char         *text,
                     GError            **error)
{
  const YsKind *kind;
  YsValue value;
  gboolean ok = TRUE;

  g_return_val_if_fail (YS_IS_RECORD (record), FALSE);
  g_return_val_if_fail (!in_document || input->document != NULL, FALSE);

  kind = ys_record_get_kind (record);
  if (!ys_cell_input_parse (input, kind, field, in_document ? record : NULL, text, &value, error))
    return FALSE;
  if (in_document)
    ok = ys_document_set (input->document, record, field, &value, error)
         || name_as_shown (input, &kind->fields[field], error);
  else
    ys_record_set_value (record, field, &value);
  ys_value_clear (&kind->fields[field], &value);
  return ok;
}

int
ys_cell_input_first_missing (YsRecord *record)
{
  const YsKind *kind;

  g_return_val_if_fail (YS_IS_RECORD (record), -1);

  kind = ys_record_get_kind (record);
  for (guint i = 0; i < kind->n_fields; i++)
    {
      const YsField *field = &kind->fields[i];

      if ((field->flags & YS_FIELD_REQUIRED) && ys_field_is_text (field)
          && *ys_record_get_text (record, i) == '\0')
        return (int) i;
    }
  return -1;
}
