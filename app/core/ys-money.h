/* Money is an integer count of 分 (1/100 元); it never passes through a double. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef gint64 YsMoney;

typedef enum {
  YS_MONEY_YUAN,   /* 元, two decimals */
  YS_MONEY_WAN,    /* 万元: typed with up to six decimals, printed with two */
} YsMoneyUnit;

typedef enum {
  YS_MONEY_PARSE_DEFAULT        = 0,
  YS_MONEY_PARSE_ALLOW_NEGATIVE = 1 << 0,
  YS_MONEY_PARSE_ALLOW_EMPTY    = 1 << 1, /* empty text gives 0 */
  /* Digits finer than one 分 are rounded half up instead of refused: for
   * numbers a spreadsheet stored as binary fractions ("1623.3500000000001"). */
  YS_MONEY_PARSE_ROUND          = 1 << 2,
} YsMoneyParseFlags;

#define YS_MONEY_ERROR (ys_money_error_quark ())

typedef enum {
  YS_MONEY_ERROR_EMPTY,
  YS_MONEY_ERROR_INVALID,
  YS_MONEY_ERROR_TOO_MANY_DECIMALS,
  YS_MONEY_ERROR_NEGATIVE,
  YS_MONEY_ERROR_OVERFLOW,
} YsMoneyError;

GQuark   ys_money_error_quark (void);

gboolean ys_money_parse        (const char        *text,
                                YsMoneyUnit        unit,
                                YsMoneyParseFlags  flags,
                                YsMoney           *out_fen,
                                GError           **error);

char    *ys_money_format       (YsMoney      fen,
                                YsMoneyUnit  unit,
                                gboolean     separators);

G_END_DECLS
