/* ys-workbook-number.c: what a spreadsheet's stored numbers mean as text —
 * plain decimals for amounts and codes, ISO dates for date-formatted serials. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ys-workbook-private.h"

char *
ys_workbook_number_text (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char format[16];
  char digits[32];
  GString *out;
  const char *p;
  gsize n_digits = 0;
  gboolean negative;
  int exponent;

  if (!isfinite (value))
    return NULL;
  if (value == 0)
    return g_strdup ("0");

  /* The shortest precision that reads back to the same double, as Excel
   * and every xlsx writer store it. */
  for (int precision = 1; precision <= 17; precision++)
    {
      g_snprintf (format, sizeof format, "%%.%de", precision - 1);
      g_ascii_formatd (buf, sizeof buf, format, value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }

  /* buf is "-d.ddde±XX": collect the digits and the exponent. */
  p = buf;
  negative = *p == '-';
  if (negative)
    p++;
  for (; *p != '\0' && *p != 'e' && *p != 'E'; p++)
    if (g_ascii_isdigit (*p) && n_digits < sizeof digits - 1)
      digits[n_digits++] = *p;
  digits[n_digits] = '\0';
  exponent = *p != '\0' ? atoi (p + 1) : 0;
  while (n_digits > 1 && digits[n_digits - 1] == '0')
    digits[--n_digits] = '\0';

  out = g_string_new (negative ? "-" : "");
  if (exponent < 0)
    {
      g_string_append (out, "0.");
      for (int i = -1; i > exponent; i--)
        g_string_append_c (out, '0');
      g_string_append (out, digits);
    }
  else
    {
      for (int i = 0; i <= exponent || (gsize) i < n_digits; i++)
        {
          if (i == exponent + 1)
            g_string_append_c (out, '.');
          g_string_append_c (out, (gsize) i < n_digits ? digits[i] : '0');
        }
    }
  return g_string_free (out, FALSE);
}

YsNumberKind
ys_workbook_builtin_kind (guint id)
{
  /* 14–17 and 22 are dates; 18–21 and 45–47 times.  Excel in zh-CN stores
   * its 年月日 and 时分 formats as the locale-dependent 27–36 and 50–58. */
  if ((id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 31) || id == 36 ||
      (id >= 50 && id <= 54) || id == 57 || id == 58)
    return YS_NUMBER_DATE;
  if ((id >= 18 && id <= 21) || (id >= 45 && id <= 47) || (id >= 32 && id <= 35) ||
      id == 55 || id == 56)
    return YS_NUMBER_TIME;
  return YS_NUMBER_PLAIN;
}

YsNumberKind
ys_workbook_format_kind (const char *code)
{
  gboolean y = FALSE, m = FALSE, d = FALSE, h = FALSE, s = FALSE;

  if (code == NULL)
    return YS_NUMBER_PLAIN;

  /* Only the first section (positive numbers) says what the value is. */
  for (const char *p = code; *p != '\0' && *p != ';'; p++)
    {
      char c = g_ascii_tolower (*p);

      switch (c)
        {
        case '"':  /* literal text, e.g. yyyy"年"m"月" or 0.00"元" */
          p = strchr (p + 1, '"');
          if (p == NULL)
            goto done;
          continue;
        case '\\': case '_': case '*':  /* escaped, spacing and fill characters */
          if (p[1] == '\0')
            goto done;
          p++;
          continue;
        case '[':
          /* [Red], [$-804], [DBNum1] say nothing of dates; [h], [mm], [ss]
           * are elapsed times. */
          {
            const char *close = strchr (p, ']');
            if (close == NULL)
              goto done;
            if (close > p + 1 && strchr ("hHmMsS", p[1]) != NULL &&
                strspn (p + 1, "hHmMsS") == (gsize) (close - p - 1))
              h = TRUE;
            p = close;
            continue;
          }
        case 'a':  /* AM/PM, A/P: a time */
          if (g_ascii_strncasecmp (p, "am/pm", 5) == 0 || g_ascii_strncasecmp (p, "a/p", 3) == 0)
            {
              h = TRUE;
              p += (p[1] == '/' ? 2 : 4);
            }
          continue;
        case 'y': y = TRUE; break;
        case 'm': m = TRUE; break;
        case 'd': d = TRUE; break;
        case 'h': h = TRUE; break;
        case 's': s = TRUE; break;
        default: break;
        }
    }
done:
  /* m is a month unless it stands among hours and seconds (h:mm, mm:ss). */
  if (y || d || (m && !h && !s))
    return YS_NUMBER_DATE;
  if (h || s || m)
    return YS_NUMBER_TIME;
  return YS_NUMBER_PLAIN;
}

/* Serial 2958465 is 9999-12-31, the last day Excel knows. */
#define LAST_SERIAL 2958466.0

char *
ys_workbook_serial_text (double       serial,
                         YsNumberKind kind,
                         gboolean     date1904)
{
  g_autoptr(GDate) date = NULL;
  gint64 total, days, seconds;
  char day_text[16];

  if (!isfinite (serial) || serial < 0 || serial >= LAST_SERIAL)
    return NULL;

  total = (gint64) llround (serial * 86400.0);
  days = total / 86400;
  seconds = total % 86400;

  if (kind == YS_NUMBER_TIME)
    return g_strdup_printf ("%02" G_GINT64_FORMAT ":%02d:%02d",
                            days * 24 + seconds / 3600, (int) (seconds / 60 % 60),
                            (int) (seconds % 60));

  if (date1904)
    {
      date = g_date_new_dmy (1, G_DATE_JANUARY, 1904);
      g_date_add_days (date, (guint) days);
    }
  else if (days == 60)
    date = NULL;  /* 1900-02-29: Lotus 1-2-3 believed 1900 a leap year, and Excel kept it */
  else
    {
      /* Serial 1 is 1900-01-01; after the fictitious 29 February one day less. */
      date = g_date_new_dmy (31, G_DATE_DECEMBER, 1899);
      g_date_add_days (date, (guint) (days < 60 ? days : days - 1));
    }

  if (date == NULL)
    g_strlcpy (day_text, "1900-02-29", sizeof day_text);
  else
    g_snprintf (day_text, sizeof day_text, "%04d-%02d-%02d", g_date_get_year (date),
                g_date_get_month (date), g_date_get_day (date));

  if (seconds == 0)
    return g_strdup (day_text);
  return g_strdup_printf ("%sT%02d:%02d:%02d", day_text, (int) (seconds / 3600),
                          (int) (seconds / 60 % 60), (int) (seconds % 60));
}
