#include "config.h"

#include <glib/gi18n-lib.h>
#include <errno.h>
#include <string.h>

#include "ys-kind.h"
#include "ys-money.h"

G_DEFINE_QUARK (ys-field-error-quark, ys_field_error)

const char *const ys_fund_sources[] = {
  "一般公共预算拨款",
  "政府性基金预算拨款",
  "国有资本经营预算拨款",
  "财政专户管理资金",
  "事业收入",
  "事业单位经营收入",
  "上级补助收入",
  "附属单位上缴收入",
  "其他收入",
  NULL
};

gboolean
ys_fund_source_is_fiscal (const char *source)
{
  return g_strcmp0 (source, "一般公共预算拨款") == 0
      || g_strcmp0 (source, "政府性基金预算拨款") == 0
      || g_strcmp0 (source, "国有资本经营预算拨款") == 0;
}

/* Codes and choices repeat across thousands of records: they are interned,
 * so that a 100,000-line document holds each distinct one once. */
static gboolean
is_interned (const YsField *field)
{
  return field->type == YS_FIELD_CODE || field->type == YS_FIELD_CHOICE;
}

gboolean
ys_field_is_text (const YsField *field)
{
  return field->type == YS_FIELD_TEXT
      || field->type == YS_FIELD_CODE
      || field->type == YS_FIELD_CHOICE;
}

int
ys_kind_find_field (const YsKind *kind, const char *name)
{
  for (guint i = 0; i < kind->n_fields; i++)
    if (strcmp (kind->fields[i].name, name) == 0)
      return (int) i;
  return -1;
}

static char *
join_choices (const char *const *choices)
{
  return g_strjoinv ("、", (char **) choices);
}

static gboolean
parse_int (const YsField *field, const char *text, gint64 *out, GError **error)
{
  char *end = NULL;
  gint64 v;

  errno = 0;
  v = g_ascii_strtoll (text, &end, 10);
  if (end == text || *end != '\0' || errno != 0)
    {
      g_set_error (error, YS_FIELD_ERROR, YS_FIELD_ERROR_INVALID,
                   _("%s: “%s” is not a whole number"), _(field->label), text);
      return FALSE;
    }
  if (v < 0 && !(field->flags & YS_FIELD_NEGATIVE_OK))
    {
      g_set_error (error, YS_FIELD_ERROR, YS_FIELD_ERROR_INVALID,
                   _("%s: “%s” must not be negative"), _(field->label), text);
      return FALSE;
    }
  *out = v;
  return TRUE;
}

gboolean
ys_field_parse (const YsField *field,
                const char    *text,
                YsValue       *out,
                GError       **error)
{
  g_autofree char *owned = NULL;
  const char *stripped = text ? text : "";
  gsize len = strlen (stripped);
  gboolean empty;

  /* Copied only when there are spaces to strip: most values have none. */
  if (len > 0 && (g_ascii_isspace (stripped[0]) || g_ascii_isspace (stripped[len - 1])))
    stripped = owned = g_strstrip (g_strdup (stripped));
  if (field->normalize != NULL && stripped[0] != '\0')
    {
      char *normal = field->normalize (stripped);
      if (normal != NULL)
        {
          g_free (owned);
          stripped = owned = normal;
          text = normal;
        }
    }
  empty = stripped[0] == '\0';

  if (empty && (field->flags & YS_FIELD_REQUIRED))
    {
      g_set_error (error, YS_FIELD_ERROR, YS_FIELD_ERROR_REQUIRED,
                   _("%s is required"), _(field->label));
      return FALSE;
    }

  switch (field->type)
    {
    case YS_FIELD_TEXT:
      out->s = g_strdup (text ? text : "");
      return TRUE;

    case YS_FIELD_CODE:
      for (const char *p = stripped; *p; p++)
        if (g_ascii_isspace (*p) || !g_ascii_isalnum (*p))
          {
            g_set_error (error, YS_FIELD_ERROR, YS_FIELD_ERROR_INVALID,
                         _("%s: “%s” is not a code: use letters and digits only"),
                         _(field->label), stripped);
            return FALSE;
          }
      if (!empty && field->digits > 0)
        {
          gboolean digits_only = TRUE;
          for (const char *p = stripped; *p; p++)
            digits_only &= g_ascii_isdigit (*p);
          if (!digits_only || strlen (stripped) != field->digits)
            {
              g_set_error (error, YS_FIELD_ERROR, YS_FIELD_ERROR_INVALID,
                           _("%s: “%s” must be %u digits"),
                           _(field->label), stripped, field->digits);
              return FALSE;
            }
        }
      out->s = (char *) g_intern_string (stripped);
      return TRUE;

    case YS_FIELD_CHOICE:
      if (!empty && !g_strv_contains ((const char *const *) field->choices, stripped))
        {
          g_autofree char *all = join_choices (field->choices);
          g_set_error (error, YS_FIELD_ERROR, YS_FIELD_ERROR_INVALID,
                       _("%s: “%s” is not one of: %s"), _(field->label), stripped, all);
          return FALSE;
        }
      out->s = (char *) g_intern_string (stripped);
      return TRUE;

    case YS_FIELD_INT:
      out->i = 0;
      return empty || parse_int (field, stripped, &out->i, error);

    case YS_FIELD_BOOL:
      if (empty || g_str_equal (stripped, "否") || g_str_equal (stripped, "0")
          || g_ascii_strcasecmp (stripped, "false") == 0)
        out->i = 0;
      else if (g_str_equal (stripped, "是") || g_str_equal (stripped, "1")
               || g_ascii_strcasecmp (stripped, "true") == 0)
        out->i = 1;
      else
        {
          g_set_error (error, YS_FIELD_ERROR, YS_FIELD_ERROR_INVALID,
                       _("%s: “%s” must be 是 or 否"), _(field->label), stripped);
          return FALSE;
        }
      return TRUE;

    case YS_FIELD_MONEY:
      {
        g_autoptr(GError) local = NULL;
        YsMoneyParseFlags flags = YS_MONEY_PARSE_ALLOW_EMPTY;

        if (field->flags & YS_FIELD_NEGATIVE_OK)
          flags |= YS_MONEY_PARSE_ALLOW_NEGATIVE;
        if (!ys_money_parse (stripped, YS_MONEY_YUAN, flags, &out->i, &local))
          {
            g_set_error (error, YS_FIELD_ERROR, YS_FIELD_ERROR_INVALID,
                         "%s: %s", _(field->label), local->message);
            return FALSE;
          }
        return TRUE;
      }

    default:
      g_assert_not_reached ();
    }
  return FALSE;
}

char *
ys_field_format (const YsField *field, const YsValue *value)
{
  switch (field->type)
    {
    case YS_FIELD_MONEY:
      return ys_money_format (value->i, YS_MONEY_YUAN, FALSE);
    case YS_FIELD_INT:
      return g_strdup_printf ("%" G_GINT64_FORMAT, value->i);
    case YS_FIELD_BOOL:
      return g_strdup (value->i ? "是" : "否");
    default:
      return g_strdup (value->s ? value->s : "");
    }
}

gboolean
ys_value_equal (const YsField *field, const YsValue *a, const YsValue *b)
{
  if (ys_field_is_text (field))
    return g_strcmp0 (a->s ? a->s : "", b->s ? b->s : "") == 0;
  return a->i == b->i;
}

void
ys_value_copy (const YsField *field, YsValue *dest, const YsValue *src)
{
  if (is_interned (field))
    dest->s = (char *) g_intern_string (src->s ? src->s : "");
  else if (ys_field_is_text (field))
    dest->s = src->s && src->s[0] ? g_strdup (src->s) : NULL;
  else
    dest->i = src->i;
}

void
ys_value_clear (const YsField *field, YsValue *value)
{
  if (is_interned (field))
    value->s = NULL;
  else if (ys_field_is_text (field))
    g_clear_pointer (&value->s, g_free);
  else
    value->i = 0;
}
