/* Amounts as people type them: every unit and flag; what parses in 元 must
 * print and read back to the same 分. */
#include "fuzz-common.h"
#include "ys-money.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);

  for (int unit = YS_MONEY_YUAN; unit <= YS_MONEY_WAN; unit++)
    for (int flags = 0; flags < 4; flags++)
      {
        g_autoptr(GError) error = NULL;
        YsMoney fen = 0;

        if (!ys_money_parse (text, unit, flags, &fen, &error))
          {
            if (error == NULL)
              abort ();  /* a refusal always says why */
            continue;
          }
        for (int separators = 0; separators < 2; separators++)
          {
            g_autofree char *printed = ys_money_format (fen, unit, separators);
            YsMoney again = 0;

            if (unit == YS_MONEY_YUAN &&
                (!ys_money_parse (printed, YS_MONEY_YUAN, YS_MONEY_PARSE_ALLOW_NEGATIVE, &again, NULL) ||
                 again != fen))
              abort ();
          }
      }
  return 0;
}
