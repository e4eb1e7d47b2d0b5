/* The words of what is filed with the finance bureau. The official tables
 * are Chinese by their layouts; the findings that travel with them (the
 * 审核结果 sheet) are made by the rules in the interface language, so a
 * thread writing that sheet asks for Chinese whatever the locale. The
 * Chinese catalog is compiled into the core, so it never depends on what
 * is installed. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* For the calling thread only: TRUE until set back, Chinese text from the
 * functions below. */
void        ys_i18n_set_chinese (gboolean     chinese);
gboolean    ys_i18n_get_chinese (void);

/* Like g_dgettext(), g_dpgettext() and g_dngettext() in the application's
 * domain, but Chinese while the thread asks for it. */
const char *ys_i18n_gettext     (const char  *msgid);
const char *ys_i18n_pgettext    (const char  *msgctxtid,
                                 gsize        msgidoffset);
const char *ys_i18n_ngettext    (const char  *msgid,
                                 const char  *msgid_plural,
                                 gulong       n);

G_END_DECLS
