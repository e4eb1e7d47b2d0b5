#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "ys-i18n.h"

#define MO_RESOURCE "/io/github/yusuan/Yusuan/core/zh_CN.mo"

static GPrivate chinese_key;

void
ys_i18n_set_chinese (gboolean chinese)
{
  g_private_set (&chinese_key, GINT_TO_POINTER (chinese ? 1 : 0));
}

gboolean
ys_i18n_get_chinese (void)
{
  return GPOINTER_TO_INT (g_private_get (&chinese_key)) != 0;
}

static guint32
read_u32 (const guint8 *data,
          gsize         offset,
          gboolean      swap)
{
  guint32 value;

  memcpy (&value, data + offset, sizeof value);
  return swap ? GUINT32_SWAP_LE_BE (value) : value;
}

/* A .mo file (GNU gettext's format): a count, then two tables of (length,
 * offset) pairs, originals and translations, every string NUL-terminated.
 * An original is "context\004msgid" with a context, and "msgid\0plural"
 * with plurals; Chinese has one plural form, the first translation. The
 * table points into @data, which is kept for the life of the process. */
static void
parse_mo (const guint8 *data,
          gsize         size,
          GHashTable   *table)
{
  guint32 magic, n, originals, translations;
  gboolean swap;

  if (size < 28)
    return;
  memcpy (&magic, data, sizeof magic);
  if (magic == 0x950412de)
    swap = FALSE;
  else if (magic == 0xde120495)
    swap = TRUE;
  else
    return;
  n = read_u32 (data, 8, swap);
  originals = read_u32 (data, 12, swap);
  translations = read_u32 (data, 16, swap);
  if ((gsize) originals + (gsize) n * 8 > size || (gsize) translations + (gsize) n * 8 > size)
    return;

  for (guint32 i = 0; i < n; i++)
    {
      guint32 olen = read_u32 (data, originals + i * 8, swap);
      guint32 ooff = read_u32 (data, originals + i * 8 + 4, swap);
      guint32 tlen = read_u32 (data, translations + i * 8, swap);
      guint32 toff = read_u32 (data, translations + i * 8 + 4, swap);

      if ((gsize) ooff + olen >= size || (gsize) toff + tlen >= size
          || data[ooff + olen] != '\0' || data[toff + tlen] != '\0')
        continue;
      if (olen == 0 || tlen == 0)
        continue;  /* the header, or an untranslated entry */
      g_hash_table_insert (table, (gpointer) (data + ooff), (gpointer) (data + toff));
    }
}

static GHashTable *
chinese_table (void)
{
  static gsize once;
  static GHashTable *table;

  if (g_once_init_enter (&once))
    {
      GHashTable *t = g_hash_table_new (g_str_hash, g_str_equal);
      GBytes *bytes = g_resources_lookup_data (MO_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

      if (bytes != NULL)
        {
          gsize size;
          const guint8 *data = g_bytes_get_data (bytes, &size);

          /* Never unreferenced: the table's strings are in it. */
          parse_mo (data, size, t);
        }
      else
        g_warning ("the Chinese catalog is missing from the core resources");
      table = t;
      g_once_init_leave (&once, 1);
    }
  return table;
}

static const char *
chinese (const char *key)
{
  return g_hash_table_lookup (chinese_table (), key);
}

const char *
ys_i18n_gettext (const char *msgid)
{
  const char *zh;

  if (!ys_i18n_get_chinese ())
    return g_dgettext (GETTEXT_PACKAGE, msgid);
  zh = chinese (msgid);
  return zh ? zh : msgid;
}

const char *
ys_i18n_pgettext (const char *msgctxtid,
                  gsize       msgidoffset)
{
  const char *zh;

  if (!ys_i18n_get_chinese ())
    return g_dpgettext (GETTEXT_PACKAGE, msgctxtid, msgidoffset);
  zh = chinese (msgctxtid);
  return zh ? zh : msgctxtid + msgidoffset;
}

const char *
ys_i18n_ngettext (const char *msgid,
                  const char *msgid_plural,
                  gulong      n)
{
  const char *zh;

  if (!ys_i18n_get_chinese ())
    return g_dngettext (GETTEXT_PACKAGE, msgid, msgid_plural, n);
  zh = chinese (msgid);
  return zh ? zh : (n == 1 ? msgid : msgid_plural);
}
