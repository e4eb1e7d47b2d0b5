/* Amounts: what people may type, what they may not, and how figures print. */

#include <string.h>
#include <glib.h>

#include "ys-money.h"

/* Parse failures must leave the caller's value alone; a value no case
 * produces shows whether they did. */
#define UNTOUCHED G_GINT64_CONSTANT (-777777)

typedef struct {
  const char *text;
  YsMoney     fen;
} Accepted;

typedef struct {
  const char *text;
  YsMoneyUnit unit;
  YsMoneyParseFlags flags;
  YsMoneyError code;
} Refused;

typedef struct {
  YsMoney     fen;
  const char *plain;
  const char *grouped;
} Formatted;

static void
assert_parses (const char        *text,
               YsMoneyUnit        unit,
               YsMoneyParseFlags  flags,
               YsMoney            expected)
{
  g_autoptr(GError) error = NULL;
  YsMoney fen = UNTOUCHED;
  gboolean ok;

  ok = ys_money_parse (text, unit, flags, &fen, &error);
  if (!ok || fen != expected)
    g_test_message ("parsing “%s” in unit %d", text, unit);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_cmpint (fen, ==, expected);
}

static void
assert_refused (const char        *text,
                YsMoneyUnit        unit,
                YsMoneyParseFlags  flags,
                YsMoneyError       code)
{
  g_autoptr(GError) error = NULL;
  YsMoney fen = UNTOUCHED;
  gboolean ok;

  ok = ys_money_parse (text, unit, flags, &fen, &error);
  if (ok || error == NULL || error->code != (int) code)
    g_test_message ("parsing “%s” in unit %d: expected error %d, got %s",
                    text ? text : "(null)", unit, code,
                    error ? error->message : "success");
  g_assert_false (ok);
  g_assert_error (error, YS_MONEY_ERROR, (int) code);
  g_assert_cmpint (fen, ==, UNTOUCHED);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));

  /* An accountant has to see which figure is wrong. */
  if (code != YS_MONEY_ERROR_EMPTY && g_utf8_validate (text, -1, NULL) &&
      g_utf8_strlen (text, -1) <= 20)
    {
      if (strstr (error->message, text) == NULL)
        g_test_message ("message “%s” does not quote “%s”", error->message, text);
      g_assert_nonnull (strstr (error->message, text));
    }
}

static void
test_quark (void)
{
  g_assert_cmpstr (g_quark_to_string (YS_MONEY_ERROR), ==, "ys-money-error-quark");
}

static void
test_parse_yuan (void)
{
  static const Accepted cases[] = {
    { "1234.56", 123456 },
    { "0", 0 },
    { "0.00", 0 },
    { "1", 100 },
    { "1234", 123400 },
    { "0.5", 50 },
    { "0.05", 5 },
    { "0.01", 1 },
    { ".5", 50 },
    { "5.", 500 },
    { "007.10", 710 },
    /* Trailing zeros lose nothing, so they are not "too many decimals". */
    { "1.230", 123 },
    { "1.2300000000", 123 },
    { "1,234.56", 123456 },
    { "1,234,567.89", 123456789 },
    { "12,345", 1234500 },
    { "123,456.7", 12345670 },
    { "1，234.56", 123456 },
    { "1，234，567", 123456700 },
    { "１２３４．５６", 123456 },
    { "１，２３４．５６", 123456 },
    { "1２3４.5６", 123456 },
    { " 1234.56 ", 123456 },
    { "\t1234.56\n", 123456 },
    { "\u30001234.56\u3000", 123456 },
    { "\u3000 \u3000１２３４．５６ \u3000", 123456 },
    { "\u00a01,234.56\u00a0", 123456 },
    { "+1234.56", 123456 },
    { "＋1234.56", 123456 },
    { "¥1,234.56", 123456 },
    { "￥1234.56", 123456 },
    { "¥ 1234.56", 123456 },
    { "+¥5", 500 },
    { "¥+5", 500 },
    { "1234.56元", 123456 },
    { "1234.56 元", 123456 },
    { "￥１２３４．５６元", 123456 },
    { "\u3000¥ 1,234.56 元\u3000", 123456 },
    /* Zero with a minus is still zero, so no permission is needed. */
    { "-0", 0 },
    { "-0.00", 0 },
    { "－０．００", 0 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_parses (cases[i].text, YS_MONEY_YUAN, YS_MONEY_PARSE_DEFAULT, cases[i].fen);
}

static void
test_parse_wan (void)
{
  static const Accepted cases[] = {
    { "1.5", 1500000 },
    { "1", 1000000 },
    { "0", 0 },
    { "0.01", 10000 },
    { "0.000001", 1 },
    { "0.00001", 10 },
    { "16.2335", 16233500 },
    { "16233.549999", 16233549999 },
    { "1,234.567891", 1234567891 },
    { "1，234.5", 1234500000 },
    { "１．５", 1500000 },
    { "\u3000１．５\u3000", 1500000 },
    { "1.5万元", 1500000 },
    { "1.5 万元", 1500000 },
    { "1.5万", 1500000 },
    { "¥1.5万元", 1500000 },
    { "+1.5", 1500000 },
    { "1.5000000", 1500000 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_parses (cases[i].text, YS_MONEY_WAN, YS_MONEY_PARSE_DEFAULT, cases[i].fen);
}

static void
test_parse_negative (void)
{
  static const Accepted yuan[] = {
    { "-1,234.56", -123456 },
    { "-1234.56", -123456 },
    { "－1234.56", -123456 },
    { "－１２３４．５６", -123456 },
    { "\u2212" "5", -500 },
    { "-0.01", -1 },
    { "-¥5", -500 },
    { "¥-5", -500 },
    { "-￥5元", -500 },
    { "\u3000-5\u3000", -500 },
    { "5", 500 },
  };
  static const Accepted wan[] = {
    { "-1.5", -1500000 },
    { "-0.000001", -1 },
    { "－１．５万元", -1500000 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (yuan); i++)
    assert_parses (yuan[i].text, YS_MONEY_YUAN, YS_MONEY_PARSE_ALLOW_NEGATIVE, yuan[i].fen);
  for (gsize i = 0; i < G_N_ELEMENTS (wan); i++)
    assert_parses (wan[i].text, YS_MONEY_WAN, YS_MONEY_PARSE_ALLOW_NEGATIVE, wan[i].fen);
}

static void
test_parse_negative_refused (void)
{
  static const Refused cases[] = {
    { "-1", YS_MONEY_YUAN, YS_MONEY_PARSE_DEFAULT, YS_MONEY_ERROR_NEGATIVE },
    { "-0.01", YS_MONEY_YUAN, YS_MONEY_PARSE_DEFAULT, YS_MONEY_ERROR_NEGATIVE },
    { "-1,234.56", YS_MONEY_YUAN, YS_MONEY_PARSE_DEFAULT, YS_MONEY_ERROR_NEGATIVE },
    { "－５", YS_MONEY_YUAN, YS_MONEY_PARSE_DEFAULT, YS_MONEY_ERROR_NEGATIVE },
    { "\u2212" "5", YS_MONEY_YUAN, YS_MONEY_PARSE_DEFAULT, YS_MONEY_ERROR_NEGATIVE },
    { "-¥5", YS_MONEY_YUAN, YS_MONEY_PARSE_DEFAULT, YS_MONEY_ERROR_NEGATIVE },
    { "¥-5元", YS_MONEY_YUAN, YS_MONEY_PARSE_ALLOW_EMPTY, YS_MONEY_ERROR_NEGATIVE },
    { "-0.000001", YS_MONEY_WAN, YS_MONEY_PARSE_DEFAULT, YS_MONEY_ERROR_NEGATIVE },
    /* Said to be negative before being said to be too large: the sign is
     * the first thing to fix. */
    { "-99999999999999999999", YS_MONEY_YUAN, YS_MONEY_PARSE_DEFAULT, YS_MONEY_ERROR_NEGATIVE },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_refused (cases[i].text, cases[i].unit, cases[i].flags, cases[i].code);
}

static void
test_parse_empty (void)
{
  static const char *blanks[] = { "", " ", "   ", "\t\n", "\u3000", " \u3000 \u3000", "\u00a0" };
  YsMoney fen;

  for (gsize i = 0; i < G_N_ELEMENTS (blanks); i++)
    {
      assert_refused (blanks[i], YS_MONEY_YUAN, YS_MONEY_PARSE_DEFAULT, YS_MONEY_ERROR_EMPTY);
      assert_refused (blanks[i], YS_MONEY_WAN, YS_MONEY_PARSE_ALLOW_NEGATIVE, YS_MONEY_ERROR_EMPTY);
      assert_parses (blanks[i], YS_MONEY_YUAN, YS_MONEY_PARSE_ALLOW_EMPTY, 0);
      assert_parses (blanks[i], YS_MONEY_WAN,
                     YS_MONEY_PARSE_ALLOW_EMPTY | YS_MONEY_PARSE_ALLOW_NEGATIVE, 0);
    }

  assert_refused (NULL, YS_MONEY_YUAN, YS_MONEY_PARSE_DEFAULT, YS_MONEY_ERROR_EMPTY);
  assert_parses (NULL, YS_MONEY_YUAN, YS_MONEY_PARSE_ALLOW_EMPTY, 0);

  /* Allowing empty text does not make a lone sign or symbol an amount. */
  assert_refused ("-", YS_MONEY_YUAN, YS_MONEY_PARSE_ALLOW_EMPTY | YS_MONEY_PARSE_ALLOW_NEGATIVE,
                  YS_MONEY_ERROR_INVALID);
  assert_refused ("¥", YS_MONEY_YUAN, YS_MONEY_PARSE_ALLOW_EMPTY, YS_MONEY_ERROR_INVALID);
  assert_refused ("元", YS_MONEY_YUAN, YS_MONEY_PARSE_ALLOW_EMPTY, YS_MONEY_ERROR_INVALID);

  /* out_fen is optional, for checking text without keeping the value. */
  g_assert_true (ys_money_parse ("", YS_MONEY_YUAN, YS_MONEY_PARSE_ALLOW_EMPTY, NULL, NULL));
  g_assert_false (ys_money_parse ("", YS_MONEY_YUAN, YS_MONEY_PARSE_DEFAULT, NULL, NULL));
  g_assert_true (ys_money_parse ("12.5", YS_MONEY_YUAN, YS_MONEY_PARSE_DEFAULT, NULL, NULL));

  fen = UNTOUCHED;
  g_assert_false (ys_money_parse ("x", YS_MONEY_YUAN, YS_MONEY_PARSE_DEFAULT, &fen, NULL));
  g_assert_cmpint (fen, ==, UNTOUCHED);
}

static void
test_parse_invalid (void)
{
  static const char *junk[] = {
    "abc", "12a", "a12", "1e5", "0x10", "1/2", "12%", "(5)", "5-", "5+",
    "１２a", "12元5", "5元元", "¥¥5", "5¥", "--5", "+-5", "-+5", "－-5",
    "1 234", "1\u30002345", "1_234", "1'234", "1·5", "1。5",
    /* Two points */
    "1.2.3", "1..2", "..5", "1.2.", "１．２．３", "1.2．3",
    /* Nothing but signs, symbols and punctuation */
    "-", "+", "－", "＋", "\u2212", ".", "．", ",", "，", ",.", "-.", "¥", "￥", "元", "-¥",
    "¥.元", "万元",
    /* Misplaced thousands separators */
    "1,23", "12,34.5", ",123", "1,234,56", "1,2345", "1,,234", "1234,567",
    "1,234,", "1,234,.5", "1.234,56", "1.2,3", "0.1,2", "1,23,456", ",",
    "１，２３", "-,5", "1.,5",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (junk); i++)
    {
      assert_refused (junk[i], YS_MONEY_YUAN, YS_MONEY_PARSE_DEFAULT, YS_MONEY_ERROR_INVALID);
      assert_refused (junk[i], YS_MONEY_WAN,
                      YS_MONEY_PARSE_ALLOW_NEGATIVE | YS_MONEY_PARSE_ALLOW_EMPTY,
                      YS_MONEY_ERROR_INVALID);
    }
}

static void
test_parse_invalid_utf8 (void)
{
  g_autoptr(GError) error = NULL;
  YsMoney fen = UNTOUCHED;

  g_assert_false (ys_money_parse ("12\xff" "34", YS_MONEY_YUAN, YS_MONEY_PARSE_DEFAULT,
                                  &fen, &error));
  g_assert_error (error, YS_MONEY_ERROR, YS_MONEY_ERROR_INVALID);
  g_assert_cmpint (fen, ==, UNTOUCHED);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_nonnull (strstr (error->message, "12"));
  g_clear_error (&error);

  /* A half-typed full-width digit (truncated UTF-8). */
  g_assert_false (ys_money_parse ("1\xef\xbc", YS_MONEY_YUAN, YS_MONEY_PARSE_DEFAULT,
                                  &fen, &error));
  g_assert_error (error, YS_MONEY_ERROR, YS_MONEY_ERROR_INVALID);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
}

static void
test_parse_wrong_unit (void)
{
  /* 万元 in a 元 field, or the reverse, is off by ten thousand. */
  assert_refused ("5万元", YS_MONEY_YUAN, YS_MONEY_PARSE_DEFAULT, YS_MONEY_ERROR_INVALID);
  assert_refused ("5万", YS_MONEY_YUAN, YS_MONEY_PARSE_DEFAULT, YS_MONEY_ERROR_INVALID);
  assert_refused ("5元", YS_MONEY_WAN, YS_MONEY_PARSE_DEFAULT, YS_MONEY_ERROR_INVALID);
  assert_refused ("¥1.5 元", YS_MONEY_WAN, YS_MONEY_PARSE_DEFAULT, YS_MONEY_ERROR_INVALID);
  /* The unit is checked before the decimals: "1.234元" is a 元 amount, and
   * saying it has too many decimals for 万元 would mislead. */
  assert_refused ("1.2345678元", YS_MONEY_WAN, YS_MONEY_PARSE_DEFAULT, YS_MONEY_ERROR_INVALID);
}

static void
test_parse_too_many_decimals (void)
{
  static const Refused cases[] = {
    { "1.234", YS_MONEY_YUAN, YS_MONEY_PARSE_DEFAULT, YS_MONEY_ERROR_TOO_MANY_DECIMALS },
    { "0.001", YS_MONEY_YUAN, YS_MONEY_PARSE_DEFAULT, YS_MONEY_ERROR_TOO_MANY_DECIMALS },
    { "1,234.567", YS_MONEY_YUAN, YS_MONEY_PARSE_DEFAULT, YS_MONEY_ERROR_TOO_MANY_DECIMALS },
    { "１．２３４", YS_MONEY_YUAN, YS_MONEY_PARSE_DEFAULT, YS_MONEY_ERROR_TOO_MANY_DECIMALS },
    { "1.2301", YS_MONEY_YUAN, YS_MONEY_PARSE_DEFAULT, YS_MONEY_ERROR_TOO_MANY_DECIMALS },
    { "¥1.005元", YS_MONEY_YUAN, YS_MONEY_PARSE_DEFAULT, YS_MONEY_ERROR_TOO_MANY_DECIMALS },
    { ".001", YS_MONEY_YUAN, YS_MONEY_PARSE_DEFAULT, YS_MONEY_ERROR_TOO_MANY_DECIMALS },
    /* Decimals are checked before the sign. */
    { "-1.234", YS_MONEY_YUAN, YS_MONEY_PARSE_DEFAULT, YS_MONEY_ERROR_TOO_MANY_DECIMALS },
    { "-1.234", YS_MONEY_YUAN, YS_MONEY_PARSE_ALLOW_NEGATIVE, YS_MONEY_ERROR_TOO_MANY_DECIMALS },
    { "1.0000001", YS_MONEY_WAN, YS_MONEY_PARSE_DEFAULT, YS_MONEY_ERROR_TOO_MANY_DECIMALS },
    { "0.1234567", YS_MONEY_WAN, YS_MONEY_PARSE_DEFAULT, YS_MONEY_ERROR_TOO_MANY_DECIMALS },
    { "1.5000001万元", YS_MONEY_WAN, YS_MONEY_PARSE_DEFAULT, YS_MONEY_ERROR_TOO_MANY_DECIMALS },
    { "-0.0000005", YS_MONEY_WAN, YS_MONEY_PARSE_ALLOW_NEGATIVE, YS_MONEY_ERROR_TOO_MANY_DECIMALS },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_refused (cases[i].text, cases[i].unit, cases[i].flags, cases[i].code);

  /* The limits themselves are fine. */
  assert_parses ("1.23", YS_MONEY_YUAN, YS_MONEY_PARSE_DEFAULT, 123);
  assert_parses ("1.123456", YS_MONEY_WAN, YS_MONEY_PARSE_DEFAULT, 1123456);
  assert_parses ("1.234", YS_MONEY_WAN, YS_MONEY_PARSE_DEFAULT, 1234000);
}

static void
test_parse_limits (void)
{
  /* G_MAXINT64 分 is 92233720368547758.07 元 and 9223372036854.775807 万元. */
  assert_parses ("92233720368547758.07", YS_MONEY_YUAN, YS_MONEY_PARSE_DEFAULT, G_MAXINT64);
  assert_parses ("92,233,720,368,547,758.07", YS_MONEY_YUAN, YS_MONEY_PARSE_DEFAULT, G_MAXINT64);
  assert_parses ("-92233720368547758.08", YS_MONEY_YUAN, YS_MONEY_PARSE_ALLOW_NEGATIVE, G_MININT64);
  assert_parses ("-92,233,720,368,547,758.07", YS_MONEY_YUAN, YS_MONEY_PARSE_ALLOW_NEGATIVE,
                 -G_MAXINT64);
  assert_parses ("9223372036854.775807", YS_MONEY_WAN, YS_MONEY_PARSE_DEFAULT, G_MAXINT64);
  assert_parses ("-9,223,372,036,854.775808万元", YS_MONEY_WAN, YS_MONEY_PARSE_ALLOW_NEGATIVE,
                 G_MININT64);
  /* Leading zeros add digits but no value. */
  assert_parses ("000000000000000000000000000000092233720368547758.07", YS_MONEY_YUAN,
                 YS_MONEY_PARSE_DEFAULT, G_MAXINT64);
  assert_parses ("0000000000000000000000000000001", YS_MONEY_YUAN, YS_MONEY_PARSE_DEFAULT, 100);
}

static void
test_parse_overflow (void)
{
  static const Refused cases[] = {
    /* One 分 past each end. */
    { "92233720368547758.08", YS_MONEY_YUAN, YS_MONEY_PARSE_DEFAULT, YS_MONEY_ERROR_OVERFLOW },
    { "92,233,720,368,547,758.08", YS_MONEY_YUAN, YS_MONEY_PARSE_DEFAULT, YS_MONEY_ERROR_OVERFLOW },
    { "-92233720368547758.09", YS_MONEY_YUAN, YS_MONEY_PARSE_ALLOW_NEGATIVE, YS_MONEY_ERROR_OVERFLOW },
    { "9223372036854.775808", YS_MONEY_WAN, YS_MONEY_PARSE_DEFAULT, YS_MONEY_ERROR_OVERFLOW },
    { "-9223372036854.775809", YS_MONEY_WAN, YS_MONEY_PARSE_ALLOW_NEGATIVE, YS_MONEY_ERROR_OVERFLOW },
    /* The integer part alone fits in gint64 but not once made into 分. */
    { "92233720368547759", YS_MONEY_YUAN, YS_MONEY_PARSE_DEFAULT, YS_MONEY_ERROR_OVERFLOW },
    { "9223372036855", YS_MONEY_WAN, YS_MONEY_PARSE_DEFAULT, YS_MONEY_ERROR_OVERFLOW },
    /* 2^64 分 and 2^64 + 1 分: unsigned wrap-around would give 0 and 1. */
    { "184467440737095516.16", YS_MONEY_YUAN, YS_MONEY_PARSE_DEFAULT, YS_MONEY_ERROR_OVERFLOW },
    { "184467440737095516.17", YS_MONEY_YUAN, YS_MONEY_PARSE_DEFAULT, YS_MONEY_ERROR_OVERFLOW },
    { "18446744073709.551616", YS_MONEY_WAN, YS_MONEY_PARSE_DEFAULT, YS_MONEY_ERROR_OVERFLOW },
    /* 2^63 分 as positive is one past G_MAXINT64. */
    { "92233720368547758.08", YS_MONEY_YUAN, YS_MONEY_PARSE_ALLOW_NEGATIVE, YS_MONEY_ERROR_OVERFLOW },
    { "99999999999999999999", YS_MONEY_YUAN, YS_MONEY_PARSE_DEFAULT, YS_MONEY_ERROR_OVERFLOW },
    { "-99999999999999999999", YS_MONEY_YUAN, YS_MONEY_PARSE_ALLOW_NEGATIVE, YS_MONEY_ERROR_OVERFLOW },
    { "1,000,000,000,000,000,000", YS_MONEY_YUAN, YS_MONEY_PARSE_DEFAULT, YS_MONEY_ERROR_OVERFLOW },
    { "１００００００００００００００００００", YS_MONEY_YUAN, YS_MONEY_PARSE_DEFAULT, YS_MONEY_ERROR_OVERFLOW },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_refused (cases[i].text, cases[i].unit, cases[i].flags, cases[i].code);
}

static void
test_parse_message_quotes (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) pasted = g_string_new (NULL);

  /* The quote drops the blanks around the figure but keeps what was typed. */
  g_assert_false (ys_money_parse ("\u3000 １．２３４ \u3000", YS_MONEY_YUAN,
                                  YS_MONEY_PARSE_DEFAULT, NULL, &error));
  g_assert_error (error, YS_MONEY_ERROR, YS_MONEY_ERROR_TOO_MANY_DECIMALS);
  g_assert_nonnull (strstr (error->message, "“１．２３４”"));
  g_clear_error (&error);

  /* A pasted paragraph is shortened rather than quoted whole. */
  for (int i = 0; i < 200; i++)
    g_string_append (pasted, "1");
  g_string_append (pasted, "x");
  g_assert_false (ys_money_parse (pasted->str, YS_MONEY_YUAN, YS_MONEY_PARSE_DEFAULT,
                                  NULL, &error));
  g_assert_error (error, YS_MONEY_ERROR, YS_MONEY_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "1111111111…"));
  g_assert_null (strstr (error->message, "x"));
  g_assert_cmpint (g_utf8_strlen (error->message, -1), <, 200);
}

static void
check_formats (const Formatted *cases,
               gsize            n_cases,
               YsMoneyUnit      unit)
{
  for (gsize i = 0; i < n_cases; i++)
    {
      g_autofree char *plain = ys_money_format (cases[i].fen, unit, FALSE);
      g_autofree char *grouped = ys_money_format (cases[i].fen, unit, TRUE);

      if (g_strcmp0 (plain, cases[i].plain) != 0 || g_strcmp0 (grouped, cases[i].grouped) != 0)
        g_test_message ("formatting %" G_GINT64_FORMAT " 分 in unit %d", cases[i].fen, unit);
      g_assert_cmpstr (plain, ==, cases[i].plain);
      g_assert_cmpstr (grouped, ==, cases[i].grouped);
    }
}

static void
test_format_yuan (void)
{
  static const Formatted cases[] = {
    { 0, "0.00", "0.00" },
    { 1, "0.01", "0.01" },
    { 5, "0.05", "0.05" },
    { 50, "0.50", "0.50" },
    { 99, "0.99", "0.99" },
    { 100, "1.00", "1.00" },
    { 123456, "1234.56", "1,234.56" },
    { 99999, "999.99", "999.99" },
    { 100000, "1000.00", "1,000.00" },
    { 1234500, "12345.00", "12,345.00" },
    { 12345600, "123456.00", "123,456.00" },
    { 123456789, "1234567.89", "1,234,567.89" },
    { 12345678901, "123456789.01", "123,456,789.01" },
    { -1, "-0.01", "-0.01" },
    { -99, "-0.99", "-0.99" },
    { -100, "-1.00", "-1.00" },
    { -123456, "-1234.56", "-1,234.56" },
    { -100000, "-1000.00", "-1,000.00" },
    { -12345600, "-123456.00", "-123,456.00" },
    { G_MAXINT64, "92233720368547758.07", "92,233,720,368,547,758.07" },
    { -G_MAXINT64, "-92233720368547758.07", "-92,233,720,368,547,758.07" },
    { G_MININT64, "-92233720368547758.08", "-92,233,720,368,547,758.08" },
  };

  check_formats (cases, G_N_ELEMENTS (cases), YS_MONEY_YUAN);
}

static void
test_format_wan (void)
{
  static const Formatted cases[] = {
    { 0, "0.00", "0.00" },
    { 1000000, "1.00", "1.00" },
    { 1500000, "1.50", "1.50" },
    { 10000, "0.01", "0.01" },
    /* Half up at 5000 分, the middle of 0.01 万元. */
    { 4999, "0.00", "0.00" },
    { 5000, "0.01", "0.01" },
    { 14999, "0.01", "0.01" },
    { 15000, "0.02", "0.02" },
    { 16233500, "16.23", "16.23" },
    { 16235000, "16.24", "16.24" },
    { 16233544999, "16233.54", "16,233.54" },
    { 16233545000, "16233.55", "16,233.55" },
    { 16233549999, "16233.55", "16,233.55" },
    /* Carries through every digit and into a new group. */
    { 999995000, "1000.00", "1,000.00" },
    { 999994999, "999.99", "999.99" },
    { 9999995000, "10000.00", "10,000.00" },
    /* Negatives round away from zero, mirroring the positives. */
    { -4999, "0.00", "0.00" },
    { -5000, "-0.01", "-0.01" },
    { -15000, "-0.02", "-0.02" },
    { -16233544999, "-16233.54", "-16,233.54" },
    { -16233545000, "-16233.55", "-16,233.55" },
    { -16233549999, "-16233.55", "-16,233.55" },
    { -999995000, "-1000.00", "-1,000.00" },
    { G_MAXINT64, "9223372036854.78", "9,223,372,036,854.78" },
    { G_MININT64, "-9223372036854.78", "-9,223,372,036,854.78" },
    { G_MAXINT64 - 5807, "9223372036854.77", "9,223,372,036,854.77" },
  };

  check_formats (cases, G_N_ELEMENTS (cases), YS_MONEY_WAN);
}

static void
check_round_trip (YsMoney     fen,
                  YsMoneyUnit unit,
                  YsMoney     expected)
{
  for (int grouped = 0; grouped < 2; grouped++)
    {
      g_autofree char *text = ys_money_format (fen, unit, grouped);

      assert_parses (text, unit, YS_MONEY_PARSE_ALLOW_NEGATIVE, expected);
    }
}

static void
test_round_trip_yuan (void)
{
  static const YsMoney values[] = {
    0, 1, -1, 99, 100, 123456, -123456, 100000, 99999999, 100000000,
    1234567890123, -1234567890123, G_MAXINT64, G_MAXINT64 - 1, -G_MAXINT64, G_MININT64,
    G_MININT64 + 1,
  };

  for (gsize i = 0; i < G_N_ELEMENTS (values); i++)
    check_round_trip (values[i], YS_MONEY_YUAN, values[i]);

  for (YsMoney fen = -200000; fen <= 200000; fen += 37)
    check_round_trip (fen, YS_MONEY_YUAN, fen);

  for (YsMoney fen = 1; fen > 0 && fen < G_MAXINT64 / 3; fen = fen * 3 + 1)
    {
      check_round_trip (fen, YS_MONEY_YUAN, fen);
      check_round_trip (-fen, YS_MONEY_YUAN, -fen);
    }
}

static void
test_round_trip_wan (void)
{
  /* Whole 0.01 万元 print exactly and so come back unchanged. */
  static const YsMoney exact[] = {
    0, 10000, -10000, 1000000, 1500000, 16230000, 999990000, 1000000000,
    -1000000000, G_MAXINT64 / 10000 * 10000, G_MININT64 / 10000 * 10000,
  };
  /* Anything finer comes back as the printed, rounded figure. */
  static const struct { YsMoney fen, rounded; } rounded[] = {
    { 4999, 0 },
    { 5000, 10000 },
    { -5000, -10000 },
    { 16233549999, 16233550000 },
    { 16233544999, 16233540000 },
    { -16233545000, -16233550000 },
    { G_MAXINT64 - 5808, G_GINT64_CONSTANT (9223372036854770000) },
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *max_wan = NULL;

  for (gsize i = 0; i < G_N_ELEMENTS (exact); i++)
    check_round_trip (exact[i], YS_MONEY_WAN, exact[i]);

  for (gsize i = 0; i < G_N_ELEMENTS (rounded); i++)
    check_round_trip (rounded[i].fen, YS_MONEY_WAN, rounded[i].rounded);

  for (YsMoney fen = -3000000; fen <= 3000000; fen += 10000)
    check_round_trip (fen, YS_MONEY_WAN, fen);

  /* The largest amount rounds up past itself in 万元, so its printed form
   * cannot be stored; it must be refused, never wrapped. */
  max_wan = ys_money_format (G_MAXINT64, YS_MONEY_WAN, TRUE);
  g_assert_false (ys_money_parse (max_wan, YS_MONEY_WAN, YS_MONEY_PARSE_DEFAULT, NULL, &error));
  g_assert_error (error, YS_MONEY_ERROR, YS_MONEY_ERROR_OVERFLOW);
}

/* Spreadsheet numbers arrive as binary-fraction noise; with ROUND they are
 * rounded half up to the 分, and without it still refused. */
static void
test_parse_round (void)
{
  YsMoneyParseFlags round = YS_MONEY_PARSE_ROUND;

  assert_parses ("1623.3500000000001", YS_MONEY_YUAN, round, 162335);
  assert_parses ("1623.3499999999999", YS_MONEY_YUAN, round, 162335);
  assert_parses ("0.125", YS_MONEY_YUAN, round, 13);
  assert_parses ("0.124", YS_MONEY_YUAN, round, 12);
  assert_parses ("1623.3470000000002", YS_MONEY_WAN, round, 1623347000);
  assert_parses ("4.7389999999", YS_MONEY_WAN, round, 4739000);
  assert_parses ("0.0000005", YS_MONEY_WAN, round, 1);
  assert_parses ("0.0000004", YS_MONEY_WAN, round, 0);
  assert_parses ("-0.125", YS_MONEY_YUAN, round | YS_MONEY_PARSE_ALLOW_NEGATIVE, -13);
  assert_parses ("-0.004", YS_MONEY_YUAN, round, 0);
  assert_refused ("-0.005", YS_MONEY_YUAN, round, YS_MONEY_ERROR_NEGATIVE);
  assert_refused ("92233720368547758.075", YS_MONEY_YUAN, round, YS_MONEY_ERROR_OVERFLOW);
  assert_refused ("1623.3500000000001", YS_MONEY_YUAN, YS_MONEY_PARSE_DEFAULT,
                  YS_MONEY_ERROR_TOO_MANY_DECIMALS);
}

/* A plain ASCII amount takes a short way through the parser; the same text
 * with a space around it takes the long one. Both must give the same
 * amount, or the same refusal, for every unit and flag. */
static void
test_parse_plain_same (void)
{
  const char *texts[] = {
    "0", "-0", "-0.00", "5.", "-5.", ".5", "-", "-.", "0.1", "0.10", "0.100", "0.105", "007.10",
    "1234567.89", "-1234567.89", "123456789012345", "1234567890123456", "12345678901234567",
    "123456789012.345678", "123456789012.3456789", "-123456789012.345678", "1.", "1..2", "1.2.3",
    "1e5", "+5", "--5", "5-", "12a", "99999999999999999.99", "9223372036854775807",
  };
  YsMoneyParseFlags flag_sets[] = {
    YS_MONEY_PARSE_DEFAULT, YS_MONEY_PARSE_ALLOW_NEGATIVE, YS_MONEY_PARSE_ALLOW_EMPTY,
    YS_MONEY_PARSE_ROUND, YS_MONEY_PARSE_ROUND | YS_MONEY_PARSE_ALLOW_NEGATIVE,
  };

  for (guint u = 0; u < 2; u++)
    for (guint f = 0; f < G_N_ELEMENTS (flag_sets); f++)
      for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
        {
          YsMoneyUnit unit = u == 0 ? YS_MONEY_YUAN : YS_MONEY_WAN;
          g_autofree char *spaced = g_strdup_printf (" %s ", texts[t]);
          g_autoptr(GError) plain_error = NULL;
          g_autoptr(GError) spaced_error = NULL;
          YsMoney plain_fen = UNTOUCHED, spaced_fen = UNTOUCHED;
          gboolean plain_ok = ys_money_parse (texts[t], unit, flag_sets[f], &plain_fen, &plain_error);
          gboolean spaced_ok = ys_money_parse (spaced, unit, flag_sets[f], &spaced_fen, &spaced_error);

          g_test_message ("“%s” in unit %d, flags %d", texts[t], unit, flag_sets[f]);
          g_assert_cmpint (plain_ok, ==, spaced_ok);
          g_assert_cmpint (plain_fen, ==, spaced_fen);
          if (!plain_ok)
            g_assert_cmpint (plain_error->code, ==, spaced_error->code);
        }
  assert_parses ("-0.00", YS_MONEY_YUAN, YS_MONEY_PARSE_DEFAULT, 0);
  assert_parses ("5.", YS_MONEY_YUAN, YS_MONEY_PARSE_DEFAULT, 500);
  assert_parses ("123456789012.345678", YS_MONEY_WAN, YS_MONEY_PARSE_DEFAULT, G_GINT64_CONSTANT (123456789012345678));
  assert_refused ("-5", YS_MONEY_YUAN, YS_MONEY_PARSE_DEFAULT, YS_MONEY_ERROR_NEGATIVE);
  assert_refused ("0.105", YS_MONEY_YUAN, YS_MONEY_PARSE_DEFAULT, YS_MONEY_ERROR_TOO_MANY_DECIMALS);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/money/error-quark", test_quark);
  g_test_add_func ("/money/parse/yuan", test_parse_yuan);
  g_test_add_func ("/money/parse/wan", test_parse_wan);
  g_test_add_func ("/money/parse/negative", test_parse_negative);
  g_test_add_func ("/money/parse/negative-refused", test_parse_negative_refused);
  g_test_add_func ("/money/parse/empty", test_parse_empty);
  g_test_add_func ("/money/parse/invalid", test_parse_invalid);
  g_test_add_func ("/money/parse/invalid-utf8", test_parse_invalid_utf8);
  g_test_add_func ("/money/parse/wrong-unit", test_parse_wrong_unit);
  g_test_add_func ("/money/parse/too-many-decimals", test_parse_too_many_decimals);
  g_test_add_func ("/money/parse/round", test_parse_round);
  g_test_add_func ("/money/parse/limits", test_parse_limits);
  g_test_add_func ("/money/parse/overflow", test_parse_overflow);
  g_test_add_func ("/money/parse/plain-same", test_parse_plain_same);
  g_test_add_func ("/money/parse/message-quotes", test_parse_message_quotes);
  g_test_add_func ("/money/format/yuan", test_format_yuan);
  g_test_add_func ("/money/format/wan", test_format_wan);
  g_test_add_func ("/money/round-trip/yuan", test_round_trip_yuan);
  g_test_add_func ("/money/round-trip/wan", test_round_trip_wan);

  return g_test_run ();
}
