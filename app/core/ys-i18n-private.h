/* For the code whose words end up in the 审核结果 sheet (the rules, and the
 * record descriptions they use): in the interface language, or in Chinese
 * on a thread that asks for it (ys-i18n.h). Included instead of
 * gi18n-lib.h. */
#pragma once

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ys-i18n.h"

#undef _
#undef C_
#define _(String) ys_i18n_gettext (String)
#define C_(Context, String) ys_i18n_pgettext (Context "\004" String, strlen (Context) + 1)
