/* ys-money.c: amounts typed by people and printed for them
 *
 * Budget tables must add up to the 分, so every amount is an integer and
 * the parser works digit by digit on text; a double would turn 0.1 + 0.2
 * into a figure an auditor can see.
 */

#include "config.h"

#ifndef G_LOG_DOMAIN
#define G_LOG_DOMAIN "Yusuan"
#endif

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ys-money.h"

/* 1 万元 is 10^6 分, so six decimals of 万元 are exactly one 分: that is
 * the finest amount the unit can express without rounding. */
#define YUAN_DECIMALS 2
#define WAN_DECIMALS  6
#define FEN_PER_WAN_CENT 10000 /* 0.01 万元 */

/* Pasted text can be a whole cell or paragraph; an error message quoting
 * all of it would bury what went wrong. */
#define MAX_QUOTED_CHARS 40

#define CHAR_YEN           0x00A5 /* ¥ */
#define CHAR_FULLWIDTH_YEN 0xFFE5 /* ￥ */
#define CHAR_YUAN          0x5143 /* 元 */
#define CHAR_WAN           0x4E07 /* 万 */

G_DEFINE_QUARK (ys-money-error-quark, ys_money_error)

static gboolean
is_minus (gunichar c)
{
  /* U+2212 arrives when figures are copied out of documents and web pages. */
  return c == '-' || c == 0xFF0D || c == 0x2212;
}

static gboolean
is_plus (gunichar c)
{
  return c == '+' || c == 0xFF0B;
}

static gboolean
is_currency (gunichar c)
{
  return c == CHAR_YEN || c == CHAR_FULLWIDTH_YEN;
}

/* Chinese input methods in full-width mode produce ０-９, ． and ，; they
 * mean the same as their ASCII forms. Returns 0 for anything else. */
static char
body_char (gunichar c)
{
  if (c >= '0' && c <= '9')
    return (char) c;
  if (c >= 0xFF10 && c <= 0xFF19)
    return (char) ('0' + (c - 0xFF10));
  if (c == '.' || c == 0xFF0E)
    return '.';
  if (c == ',' || c == 0xFF0C)
    return ',';
  return 0;
}

static char *
quote_text (const gunichar *chars,
            glong           len)
{
  g_autofree char *head = NULL;

  if (len <= MAX_QUOTED_CHARS)
    return g_ucs4_to_utf8 (chars, len, NULL, NULL, NULL);

  head = g_ucs4_to_utf8 (chars, MAX_QUOTED_CHARS - 1, NULL, NULL, NULL);
  return g_strconcat (head, "…", NULL);
}

/* Separators must sit every three digits counting from the decimal point;
 * "1,23" is more likely a mistyped amount than a formatting choice. */
static gboolean
grouping_is_valid (const char *digits,
                   gsize       len)
{
  gsize run = 0;
  gboolean seen_separator = FALSE;

  for (gsize i = len; i-- > 0;)
    {
      if (digits[i] == ',')
        {
          if (run != 3)
            return FALSE;
          run = 0;
          seen_separator = TRUE;
        }
      else
        run++;
    }

  return !seen_separator || (run >= 1 && run <= 3);
}

/* Accumulates one more decimal digit of the magnitude, refusing to pass
 * limit. The test is done before multiplying so nothing ever wraps. */
static void
accumulate_digit (guint64  *magnitude,
                  guint64   limit,
                  guint     digit,
                  gboolean *overflow)
{
  if (*overflow)
    return;

  if (*magnitude > (limit - digit) / 10)
    *overflow = TRUE;
  else
    *magnitude = *magnitude * 10 + digit;
}

/* The form nearly every amount of a file or a paste has: ASCII digits, an
 * optional leading '-', an optional point with no more decimals than the
 * unit keeps. It gives what the general parse below gives for the same
 * text, without its copy into characters; anything else (spaces, signs
 * and symbols, separators, full-width digits, too many digits to rule out
 * an overflow, an error to report) is left to it (FALSE). */
static gboolean
parse_plain (const char *text, YsMoneyUnit unit, YsMoneyParseFlags flags, YsMoney *out_fen)
{
  guint decimals = unit == YS_MONEY_WAN ? WAN_DECIMALS : YUAN_DECIMALS;
  /* Up to 18 digits in all stay below 10^18, far from G_MAXINT64. */
  guint max_int = 18 - decimals;
  const char *p = text;
  gboolean negative = *p == '-';
  guint64 magnitude = 0;
  guint n_int = 0, n_frac = 0;

  if (negative)
    p++;
  for (; *p >= '0' && *p <= '9'; p++)
    {
      if (++n_int > max_int)
        return FALSE;
      magnitude = magnitude * 10 + (guint) (*p - '0');
    }
  if (n_int == 0)
    return FALSE;
  if (*p == '.')
    for (p++; *p >= '0' && *p <= '9'; p++)
      {
        if (++n_frac > decimals)
          return FALSE;
        magnitude = magnitude * 10 + (guint) (*p - '0');
      }
  if (*p != '\0')
    return FALSE;
  for (; n_frac < decimals; n_frac++)
    magnitude *= 10;
  /* "-0.00" is zero, not a negative amount. */
  if (magnitude == 0)
    negative = FALSE;
  if (negative && !(flags & YS_MONEY_PARSE_ALLOW_NEGATIVE))
    return FALSE;
  if (out_fen != NULL)
    *out_fen = negative ? -(YsMoney) magnitude : (YsMoney) magnitude;
  return TRUE;
}

gboolean
ys_money_parse (const char         *text,
                YsMoneyUnit         unit,
                YsMoneyParseFlags   flags,
                YsMoney            *out_fen,
                GError            **error)
{
  g_autofree char *repaired = NULL;
  g_autofree gunichar *chars = NULL;
  g_autofree char *quoted = NULL;
  g_autofree char *body = NULL;
  glong n_chars = 0;
  glong start, end, pos;
  gboolean negative = FALSE;
  gboolean have_sign = FALSE;
  gboolean have_currency = FALSE;
  gboolean have_suffix = FALSE;
  YsMoneyUnit suffix_unit = YS_MONEY_YUAN;
  gsize body_len = 0;
  const char *point;
  const char *fraction;
  gsize int_len, frac_len, significant;
  guint decimals;
  guint64 limit, magnitude = 0;
  gboolean overflow = FALSE;
  gboolean nonzero = FALSE;

  g_return_val_if_fail (unit == YS_MONEY_YUAN || unit == YS_MONEY_WAN, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (text == NULL)
    text = "";
  if (parse_plain (text, unit, flags, out_fen))
    return TRUE;

  /* Broken bytes become U+FFFD, which the body check below refuses; it
   * also keeps the quoted text in the error message valid UTF-8. */
  if (!g_utf8_validate (text, -1, NULL))
    text = repaired = g_utf8_make_valid (text, -1);

  chars = g_utf8_to_ucs4_fast (text, -1, &n_chars);

  /* g_unichar_isspace() also covers U+3000 and the no-break space that
   * spreadsheets put around figures. */
  start = 0;
  end = n_chars;
  while (start < end && g_unichar_isspace (chars[start]))
    start++;
  while (end > start && g_unichar_isspace (chars[end - 1]))
    end--;

  if (start == end)
    {
      if (flags & YS_MONEY_PARSE_ALLOW_EMPTY)
        {
          if (out_fen != NULL)
            *out_fen = 0;
          return TRUE;
        }

      g_set_error_literal (error, YS_MONEY_ERROR, YS_MONEY_ERROR_EMPTY,
                           _("An amount is required here"));
      return FALSE;
    }

  quoted = quote_text (chars + start, end - start);

  /* "-¥5" and "¥-5" are both common; take one sign and one currency
   * symbol in either order. */
  pos = start;
  for (;;)
    {
      if (pos < end && !have_sign && (is_minus (chars[pos]) || is_plus (chars[pos])))
        {
          negative = is_minus (chars[pos]);
          have_sign = TRUE;
          pos++;
        }
      else if (pos < end && !have_currency && is_currency (chars[pos]))
        {
          have_currency = TRUE;
          pos++;
          while (pos < end && g_unichar_isspace (chars[pos]))
            pos++;
        }
      else
        break;
    }

  if (end > pos && chars[end - 1] == CHAR_YUAN)
    {
      end--;
      have_suffix = TRUE;
      suffix_unit = YS_MONEY_YUAN;
      if (end > pos && chars[end - 1] == CHAR_WAN)
        {
          end--;
          suffix_unit = YS_MONEY_WAN;
        }
    }
  else if (end > pos && chars[end - 1] == CHAR_WAN)
    {
      end--;
      have_suffix = TRUE;
      suffix_unit = YS_MONEY_WAN;
    }

  if (have_suffix)
    while (end > pos && g_unichar_isspace (chars[end - 1]))
      end--;

  body = g_new (char, end - pos + 1);
  for (glong i = pos; i < end; i++)
    {
      char c = body_char (chars[i]);

      if (c == 0)
        {
          g_set_error (error, YS_MONEY_ERROR, YS_MONEY_ERROR_INVALID,
                       _("“%s” is not an amount: only digits, one decimal point and thousands separators are allowed"),
                       quoted);
          return FALSE;
        }
      body[body_len++] = c;
    }
  body[body_len] = '\0';

  if (strpbrk (body, "0123456789") == NULL)
    {
      g_set_error (error, YS_MONEY_ERROR, YS_MONEY_ERROR_INVALID,
                   _("“%s” is not an amount: it contains no digits"),
                   quoted);
      return FALSE;
    }

  point = strchr (body, '.');
  if (point != NULL && strchr (point + 1, '.') != NULL)
    {
      g_set_error (error, YS_MONEY_ERROR, YS_MONEY_ERROR_INVALID,
                   _("“%s” is not an amount: it has more than one decimal point"),
                   quoted);
      return FALSE;
    }

  int_len = point != NULL ? (gsize) (point - body) : body_len;
  fraction = point != NULL ? point + 1 : "";
  frac_len = strlen (fraction);

  if (strchr (fraction, ',') != NULL || !grouping_is_valid (body, int_len))
    {
      g_set_error (error, YS_MONEY_ERROR, YS_MONEY_ERROR_INVALID,
                   _("“%s” is not an amount: a thousands separator is in the wrong place"),
                   quoted);
      return FALSE;
    }

  /* A figure labelled in the other unit is off by a factor of ten
   * thousand; converting silently would hide a misunderstanding. */
  if (have_suffix && suffix_unit != unit)
    {
      if (unit == YS_MONEY_WAN)
        g_set_error (error, YS_MONEY_ERROR, YS_MONEY_ERROR_INVALID,
                     _("“%s” is in 元, but this amount is entered in 万元"),
                     quoted);
      else
        g_set_error (error, YS_MONEY_ERROR, YS_MONEY_ERROR_INVALID,
                     _("“%s” is in 万元, but this amount is entered in 元"),
                     quoted);
      return FALSE;
    }

  /* Trailing zeros change nothing, and spreadsheets export "1.2300";
   * only digits that would have to be rounded away are refused. */
  decimals = unit == YS_MONEY_WAN ? WAN_DECIMALS : YUAN_DECIMALS;
  significant = frac_len;
  while (significant > 0 && fraction[significant - 1] == '0')
    significant--;

  if (significant > decimals && !(flags & YS_MONEY_PARSE_ROUND))
    {
      if (unit == YS_MONEY_WAN)
        g_set_error (error, YS_MONEY_ERROR, YS_MONEY_ERROR_TOO_MANY_DECIMALS,
                     _("“%s” has more than six decimal places: in 万元 the smallest amount is 0.000001, one 分"),
                     quoted);
      else
        g_set_error (error, YS_MONEY_ERROR, YS_MONEY_ERROR_TOO_MANY_DECIMALS,
                     _("“%s” has more than two decimal places"),
                     quoted);
      return FALSE;
    }

  /* The magnitude of G_MININT64 is one more than G_MAXINT64. */
  limit = negative ? (guint64) G_MAXINT64 + 1 : (guint64) G_MAXINT64;

  for (gsize i = 0; i < int_len; i++)
    {
      if (body[i] == ',')
        continue;
      accumulate_digit (&magnitude, limit, (guint) (body[i] - '0'), &overflow);
      nonzero |= body[i] != '0';
    }

  for (guint i = 0; i < decimals; i++)
    {
      guint digit = i < frac_len ? (guint) (fraction[i] - '0') : 0;

      accumulate_digit (&magnitude, limit, digit, &overflow);
      nonzero |= digit != 0;
    }

  /* Half up on the magnitude, as ys_money_format rounds. */
  if (frac_len > decimals && fraction[decimals] >= '5')
    {
      g_assert (flags & YS_MONEY_PARSE_ROUND);
      if (magnitude >= limit)
        overflow = TRUE;
      else
        magnitude++;
      nonzero = TRUE;
    }

  /* "-0.00" is zero, not a negative amount. */
  if (!nonzero)
    negative = FALSE;

  if (negative && !(flags & YS_MONEY_PARSE_ALLOW_NEGATIVE))
    {
      g_set_error (error, YS_MONEY_ERROR, YS_MONEY_ERROR_NEGATIVE,
                   _("“%s” is negative, but this amount cannot be less than zero"),
                   quoted);
      return FALSE;
    }

  if (overflow)
    {
      g_set_error (error, YS_MONEY_ERROR, YS_MONEY_ERROR_OVERFLOW,
                   _("“%s” is too large to be recorded as an amount"),
                   quoted);
      return FALSE;
    }

  if (out_fen != NULL)
    {
      if (!negative)
        *out_fen = (YsMoney) magnitude;
      else if (magnitude == (guint64) G_MAXINT64 + 1)
        *out_fen = G_MININT64;
      else
        *out_fen = -(YsMoney) magnitude;
    }

  return TRUE;
}

char *
ys_money_format (YsMoney      fen,
                 YsMoneyUnit  unit,
                 gboolean     separators)
{
  gboolean negative = fen < 0;
  guint64 magnitude;
  guint64 whole;
  guint cents;
  char digits[24];            /* backwards: the last digit first */
  gsize n_digits = 0;
  char out[48];               /* sign, 20 digits, 6 separators, ".00" */
  char *o = out;

  g_return_val_if_fail (unit == YS_MONEY_YUAN || unit == YS_MONEY_WAN, NULL);

  /* Negating G_MININT64 overflows; unsigned wrap-around is defined and
   * yields the magnitude for every value. */
  magnitude = negative ? (guint64) 0 - (guint64) fen : (guint64) fen;

  if (unit == YS_MONEY_WAN)
    {
      /* Half up on the magnitude, so negatives round away from zero and
       * a figure and its opposite print alike. */
      guint64 wan_cents = magnitude / FEN_PER_WAN_CENT;

      if (magnitude % FEN_PER_WAN_CENT >= FEN_PER_WAN_CENT / 2)
        wan_cents++;
      whole = wan_cents / 100;
      cents = (guint) (wan_cents % 100);
    }
  else
    {
      whole = magnitude / 100;
      cents = (guint) (magnitude % 100);
    }

  /* An amount that rounds to nothing is not shown as "-0.00". */
  if (whole == 0 && cents == 0)
    negative = FALSE;

  /* Written by hand, not by printf: reports and findings format amounts
   * by the thousand. */
  do
    digits[n_digits++] = (char) ('0' + whole % 10);
  while ((whole /= 10) != 0);

  if (negative)
    *o++ = '-';
  for (gsize i = 0; i < n_digits; i++)
    {
      if (separators && i > 0 && (n_digits - i) % 3 == 0)
        *o++ = ',';
      *o++ = digits[n_digits - 1 - i];
    }
  *o++ = '.';
  *o++ = (char) ('0' + cents / 10);
  *o++ = (char) ('0' + cents % 10);

  return g_strndup (out, o - out);
}
