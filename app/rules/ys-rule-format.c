/* See ys-rule-format.h. The format is read three times: to learn each
 * argument's type (positional arguments may come in any order; nothing is
 * taken from @args before the format is known to be one of ours), to add up
 * the length, and to write. */
#include "config.h"

#include <string.h>

#include "ys-rule-format.h"

#define MAX_ARGS 16

typedef enum { ARG_NONE, ARG_STR, ARG_INT, ARG_UINT, ARG_LONG, ARG_ULONG, ARG_LLONG, ARG_ULLONG } ArgType;

typedef struct
{
  ArgType type;
  union { const char *s; gint64 i; guint64 u; } v;
} Arg;

/* Reads the conversion at @p (just after its %): its argument's number
 * (from 1; 0 for %%), its type, and where the format goes on. FALSE when it
 * is not one ys_rule_format() writes. */
static gboolean
parse (const char **p, guint *argno, gboolean *positional, ArgType *type)
{
  const char *s = *p;
  guint longs = 0;

  *argno = 0;
  *positional = FALSE;
  if (*s == '%')
    {
      *p = s + 1;
      *type = ARG_NONE;
      return TRUE;
    }
  if (*s >= '1' && *s <= '9')
    {
      const char *d = s;
      guint n = 0;

      while (*d >= '0' && *d <= '9' && n <= MAX_ARGS)
        n = n * 10 + (guint) (*d++ - '0');
      if (*d != '$' || n > MAX_ARGS)
        return FALSE;
      *argno = n;
      *positional = TRUE;
      s = d + 1;
    }
  while (*s == 'l' && longs < 2)
    longs++, s++;
  switch (*s)
    {
    case 's':
      if (longs != 0)
        return FALSE;
      *type = ARG_STR;
      break;
    case 'd':
    case 'i':
      *type = longs == 0 ? ARG_INT : longs == 1 ? ARG_LONG : ARG_LLONG;
      break;
    case 'u':
      *type = longs == 0 ? ARG_UINT : longs == 1 ? ARG_ULONG : ARG_ULLONG;
      break;
    default:
      return FALSE;
    }
  *p = s + 1;
  return TRUE;
}

static gsize
digits_of (guint64 v)
{
  gsize n = 1;

  while (v >= 10)
    v /= 10, n++;
  return n;
}

static gboolean
is_signed (ArgType type)
{
  return type == ARG_INT || type == ARG_LONG || type == ARG_LLONG;
}

static gsize
length_of (const Arg *a)
{
  if (a->type == ARG_STR)
    return strlen (a->v.s ? a->v.s : "(null)");
  if (is_signed (a->type) && a->v.i < 0)
    return 1 + digits_of (-(guint64) a->v.i);
  return digits_of (is_signed (a->type) ? (guint64) a->v.i : a->v.u);
}

static char *
write_arg (char *out, const Arg *a)
{
  guint64 v;
  gsize n;

  if (a->type == ARG_STR)
    {
      const char *s = a->v.s ? a->v.s : "(null)";

      n = strlen (s);
      memcpy (out, s, n);
      return out + n;
    }
  if (is_signed (a->type) && a->v.i < 0)
    {
      *out++ = '-';
      v = -(guint64) a->v.i;
    }
  else
    v = is_signed (a->type) ? (guint64) a->v.i : a->v.u;
  n = digits_of (v);
  for (gsize i = n; i > 0; i--, v /= 10)
    out[i - 1] = (char) ('0' + v % 10);
  return out + n;
}

char *
ys_rule_format (const char *format, va_list args)
{
  Arg arg[MAX_ARGS + 1] = { { ARG_NONE, { NULL } } };
  guint n_args = 0, next = 0;
  gboolean any_positional = FALSE, any_sequential = FALSE;
  gsize length = 0;
  char *out, *o;

  /* What each argument is. */
  for (const char *p = format; *p;)
    {
      guint argno;
      gboolean positional;
      ArgType type;

      if (*p++ != '%')
        {
          length++;
          continue;
        }
      if (!parse (&p, &argno, &positional, &type))
        return g_strdup_vprintf (format, args);
      if (type == ARG_NONE)
        {
          length++;
          continue;
        }
      if (positional)
        any_positional = TRUE;
      else
        {
          any_sequential = TRUE;
          argno = ++next;
          if (argno > MAX_ARGS)
            return g_strdup_vprintf (format, args);
        }
      if (arg[argno].type != ARG_NONE && arg[argno].type != type)
        return g_strdup_vprintf (format, args);
      arg[argno].type = type;
      n_args = MAX (n_args, argno);
    }
  if (any_positional && any_sequential)
    return g_strdup_vprintf (format, args);
  for (guint i = 1; i <= n_args; i++)
    if (arg[i].type == ARG_NONE)
      return g_strdup_vprintf (format, args);

  /* Taken in their order, as printf would. */
  for (guint i = 1; i <= n_args; i++)
    switch (arg[i].type)
      {
      case ARG_NONE:
        g_assert_not_reached ();
      case ARG_STR:
        arg[i].v.s = va_arg (args, const char *);
        break;
      case ARG_INT:
        arg[i].v.i = va_arg (args, int);
        break;
      case ARG_UINT:
        arg[i].v.u = va_arg (args, unsigned int);
        break;
      case ARG_LONG:
        arg[i].v.i = va_arg (args, long);
        break;
      case ARG_ULONG:
        arg[i].v.u = va_arg (args, unsigned long);
        break;
      case ARG_LLONG:
        arg[i].v.i = va_arg (args, long long);
        break;
      case ARG_ULLONG:
        arg[i].v.u = va_arg (args, unsigned long long);
        break;
      }

  /* The length, then the text. */
  next = 0;
  for (const char *p = format; *p;)
    {
      guint argno;
      gboolean positional;
      ArgType type;

      if (*p++ != '%')
        continue;
      parse (&p, &argno, &positional, &type);
      if (type != ARG_NONE)
        length += length_of (&arg[positional ? argno : ++next]);
    }
  o = out = g_malloc (length + 1);
  next = 0;
  for (const char *p = format; *p;)
    {
      guint argno;
      gboolean positional;
      ArgType type;

      if (*p != '%')
        {
          *o++ = *p++;
          continue;
        }
      p++;
      parse (&p, &argno, &positional, &type);
      if (type == ARG_NONE)
        *o++ = '%';
      else
        o = write_arg (o, &arg[positional ? argno : ++next]);
    }
  *o = '\0';
  g_assert ((gsize) (o - out) == length);
  return out;
}
