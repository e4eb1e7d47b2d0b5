#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ys-temp-file.h"
#include "ys-xlsx-private.h"

typedef struct {
  YsReportTable     *table;
  char              *name;
  YsXlsxSheetWriter  writer;
  gpointer           data;
  GDestroyNotify     destroy;
} Item;

struct _YsXlsxExport {
  GPtrArray      *items;
  GPtrArray      *kept;       /* arrays of tables the export keeps alive */
  char           *title;
  char           *department;
  YsXlsxProgress  progress;
  gpointer        progress_data;
  lxw_workbook   *workbook;   /* while writing */
  GHashTable     *formats;    /* key → lxw_format, owned by the workbook */
};

static void
item_free (Item *item)
{
  if (item->destroy)
    item->destroy (item->data);
  g_free (item->name);
  g_free (item);
}

YsXlsxExport *
ys_xlsx_export_new (void)
{
  YsXlsxExport *e = g_new0 (YsXlsxExport, 1);

  e->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  e->kept = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  return e;
}

void
ys_xlsx_export_free (YsXlsxExport *e)
{
  if (e == NULL)
    return;
  g_ptr_array_unref (e->items);
  g_ptr_array_unref (e->kept);
  g_free (e->title);
  g_free (e->department);
  g_free (e);
}

void
ys_xlsx_export_set_properties (YsXlsxExport *e, const char *title, const char *department)
{
  g_free (e->title);
  g_free (e->department);
  e->title = g_strdup (title);
  e->department = g_strdup (department);
}

void
ys_xlsx_export_set_progress (YsXlsxExport *e, YsXlsxProgress progress, gpointer user_data)
{
  e->progress = progress;
  e->progress_data = user_data;
}

void
ys_xlsx_export_add_table (YsXlsxExport *e, YsReportTable *table)
{
  Item *item = g_new0 (Item, 1);

  item->table = table;
  item->name = g_strdup (table->sheet && *table->sheet ? table->sheet : table->name);
  g_ptr_array_add (e->items, item);
}

void
ys_xlsx_export_add_tables (YsXlsxExport *e, GPtrArray *tables)
{
  g_ptr_array_add (e->kept, g_ptr_array_ref (tables));
  for (guint i = 0; i < tables->len; i++)
    ys_xlsx_export_add_table (e, g_ptr_array_index (tables, i));
}

void
ys_xlsx_export_add_sheet (YsXlsxExport *e, const char *name, YsXlsxSheetWriter writer,
                          gpointer user_data, GDestroyNotify destroy)
{
  Item *item = g_new0 (Item, 1);

  item->name = g_strdup (name);
  item->writer = writer;
  item->data = user_data;
  item->destroy = destroy;
  g_ptr_array_add (e->items, item);
}

/* ---- formats ---- */

/* A format is looked up for every cell: its key is compared as it is,
 * without being printed into a string. */
typedef struct {
  FormatKind  kind;
  guint       flags;
  guint       indent;
  const char *num_format;   /* "" for none; the table's own copy is owned */
} FormatKey;

static guint
format_key_hash (gconstpointer p)
{
  const FormatKey *k = p;

  return ((k->kind * 31u + k->flags) * 31u + k->indent) * 31u + g_str_hash (k->num_format);
}

static gboolean
format_key_equal (gconstpointer a, gconstpointer b)
{
  const FormatKey *x = a, *y = b;

  return x->kind == y->kind && x->flags == y->flags && x->indent == y->indent
      && strcmp (x->num_format, y->num_format) == 0;
}

static void
format_key_free (gpointer p)
{
  FormatKey *k = p;

  g_free ((char *) k->num_format);
  g_free (k);
}

lxw_format *
ys_xlsx_format (YsXlsxExport *e, FormatKind kind, guint flags, guint indent, const char *num_format)
{
  FormatKey key = { kind, flags, indent, num_format ? num_format : "" };
  lxw_format *f = g_hash_table_lookup (e->formats, &key);
  gboolean bordered = kind == FMT_HEADER || kind == FMT_TEXT || kind == FMT_MONEY || kind == FMT_NUMBER;
  FormatKey *kept;

  if (f)
    return f;
  f = workbook_add_format (e->workbook);
  /* The official tables are set in 宋体; Excel and WPS have it, LibreOffice substitutes. */
  format_set_font_name (f, "宋体");
  format_set_font_size (f, 10);
  format_set_align (f, LXW_ALIGN_VERTICAL_CENTER);
  if (bordered)
    format_set_border (f, LXW_BORDER_THIN);
  switch (kind)
    {
    case FMT_TITLE:
      format_set_font_size (f, 16);
      format_set_bold (f);
      format_set_align (f, LXW_ALIGN_CENTER);
      format_set_text_wrap (f);
      break;
    case FMT_SUBTITLE:
      format_set_font_size (f, 11);
      format_set_align (f, LXW_ALIGN_CENTER);
      break;
    case FMT_CAPTION_LEFT:
      format_set_align (f, LXW_ALIGN_LEFT);
      break;
    case FMT_CAPTION_CENTER:
      format_set_align (f, LXW_ALIGN_CENTER);
      break;
    case FMT_CAPTION_RIGHT:
      format_set_align (f, LXW_ALIGN_RIGHT);
      break;
    case FMT_HEADER:
      format_set_bold (f);
      format_set_align (f, LXW_ALIGN_CENTER);
      format_set_text_wrap (f);
      break;
    case FMT_TEXT:
      format_set_text_wrap (f);
      if (flags & YS_CELL_CENTER)
        format_set_align (f, LXW_ALIGN_CENTER);
      else if (flags & YS_CELL_LEFT_WRAP)
        {
          format_set_align (f, LXW_ALIGN_LEFT);
          format_set_align (f, LXW_ALIGN_VERTICAL_TOP);
        }
      if (indent > 0)
        format_set_indent (f, indent);
      break;
    case FMT_MONEY:
    case FMT_NUMBER:
      format_set_num_format (f, num_format ? num_format : "#,##0.00");
      format_set_align (f, (flags & YS_CELL_CENTER) ? LXW_ALIGN_CENTER : LXW_ALIGN_RIGHT);
      break;
    case FMT_NOTE:
      format_set_align (f, LXW_ALIGN_LEFT);
      format_set_align (f, LXW_ALIGN_VERTICAL_TOP);
      format_set_text_wrap (f);
      break;
    default:
      break;
    }
  if (flags & YS_CELL_BOLD)
    format_set_bold (f);
  kept = g_memdup2 (&key, sizeof key);
  kept->num_format = g_strdup (key.num_format);
  g_hash_table_insert (e->formats, kept, f);
  return f;
}

lxw_workbook *
ys_xlsx_export_get_workbook (YsXlsxExport *e)
{
  g_return_val_if_fail (e->workbook != NULL, NULL);
  return e->workbook;
}

lxw_format *
ys_xlsx_export_get_format (YsXlsxExport *e, YsXlsxStyle style)
{
  g_return_val_if_fail (e->workbook != NULL, NULL);

  switch (style)
    {
    case YS_XLSX_STYLE_TITLE:
      return ys_xlsx_format (e, FMT_TITLE, 0, 0, NULL);
    case YS_XLSX_STYLE_HEADER:
      return ys_xlsx_format (e, FMT_HEADER, 0, 0, NULL);
    case YS_XLSX_STYLE_MONEY:
      return ys_xlsx_format (e, FMT_MONEY, 0, 0, "#,##0.00");
    case YS_XLSX_STYLE_NOTE:
      return ys_xlsx_format (e, FMT_NOTE, 0, 0, NULL);
    case YS_XLSX_STYLE_TEXT:
    default:
      return ys_xlsx_format (e, FMT_TEXT, 0, 0, NULL);
    }
}

/* ---- sheet names ---- */

char *
ys_xlsx_sheet_name (const char *wanted, GHashTable *used)
{
  g_autoptr(GString) clean = g_string_new (NULL);
  g_autofree char *base = NULL;
  char *name = NULL;

  for (const char *p = wanted ? wanted : ""; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      /* strchr would match a wide character by its low byte: test ASCII only. */
      if (c < 0x20 || (c < 0x80 && strchr ("[]:*?/\\", (int) c) != NULL))
        c = ' ';
      g_string_append_unichar (clean, c);
    }
  base = g_strstrip (g_string_free (g_steal_pointer (&clean), FALSE));
  while (base[0] == '\'')
    memmove (base, base + 1, strlen (base));
  while (*base && base[strlen (base) - 1] == '\'')
    base[strlen (base) - 1] = '\0';
  if (*base == '\0')
    {
      g_free (base);
      base = g_strdup ("Sheet");
    }

  for (guint n = 1; name == NULL; n++)
    {
      g_autofree char *suffix = n == 1 ? g_strdup ("") : g_strdup_printf ("(%u)", n);
      /* Excel counts UTF-16 units; a character beyond the BMP takes two. */
      glong room = 31 - (glong) strlen (suffix), units = 0;
      const char *p = base;
      g_autofree char *candidate = NULL, *folded = NULL, *cut = NULL;

      while (*p)
        {
          gunichar c = g_utf8_get_char (p);
          glong w = c > 0xFFFF ? 2 : 1;
          if (units + w > room)
            break;
          units += w;
          p = g_utf8_next_char (p);
        }
      cut = g_strndup (base, p - base);
      candidate = g_strconcat (g_strstrip (cut), suffix, NULL);
      folded = g_utf8_casefold (candidate, -1);
      if (!g_hash_table_contains (used, folded))
        {
          g_hash_table_add (used, g_steal_pointer (&folded));
          name = g_steal_pointer (&candidate);
        }
    }
  return name;
}

/* ---- the workbook ---- */

static gboolean
write_items (YsXlsxExport *e, GError **error)
{
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = e->items->len;

  for (guint i = 0; i < n; i++)
    {
      Item *item = g_ptr_array_index (e->items, i);
      g_autofree char *name = ys_xlsx_sheet_name (item->name, used);
      lxw_worksheet *ws;

      if (e->progress)
        e->progress ((double) i / (n + 1), item->table ? item->table->title : item->name, e->progress_data);
      ws = workbook_add_worksheet (e->workbook, name);
      if (ws == NULL)
        {
          g_set_error (error, YS_REPORT_ERROR, YS_REPORT_ERROR_WRITE,
                       _("Cannot add the sheet “%s”"), name);
          return FALSE;
        }
      if (item->table && !ys_xlsx_write_table (e, ws, item->table, error))
        return FALSE;
      if (item->writer && !item->writer (e, ws, item->data, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
ys_xlsx_export_write (YsXlsxExport *e, const char *path, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *tmp = NULL;
  lxw_workbook_options options = { .constant_memory = LXW_FALSE, .tmpdir = NULL };
  lxw_doc_properties props = { 0 };
  GStatBuf old;
  gboolean replacing = g_stat (path, &old) == 0;
  gboolean ok;
  lxw_error err;

  g_return_val_if_fail (e != NULL && path != NULL, FALSE);

  /* What a killed export left here goes first. The workbook is written
   * beside the target, so the rename is atomic; it gets the permissions a
   * new file would get (0666 less the umask). */
  ys_temp_file_clean (dir);
  tmp = ys_temp_file_create (path, error);
  if (tmp == NULL)
    return FALSE;

  e->workbook = workbook_new_opt (tmp, &options);
  if (e->workbook == NULL)
    {
      g_unlink (tmp);
      g_set_error (error, YS_REPORT_ERROR, YS_REPORT_ERROR_WRITE, _("Cannot create the workbook “%s”"), path);
      return FALSE;
    }
  e->formats = g_hash_table_new_full (format_key_hash, format_key_equal, format_key_free, NULL);
  props.title = e->title;
  props.subject = e->title;
  props.author = e->department;
  props.company = e->department;
  props.comments = "Yusuan " PACKAGE_VERSION;
  workbook_set_properties (e->workbook, &props);

  ok = write_items (e, error);
  if (e->progress)
    e->progress ((double) e->items->len / (e->items->len + 1), NULL, e->progress_data);
  err = workbook_close (e->workbook);
  e->workbook = NULL;
  g_clear_pointer (&e->formats, g_hash_table_unref);
  if (ok && err != LXW_NO_ERROR)
    {
      g_set_error (error, YS_REPORT_ERROR, YS_REPORT_ERROR_WRITE,
                   _("Cannot write “%s”: %s"), path, lxw_strerror (err));
      ok = FALSE;
    }
  if (ok)
    {
      /* A replaced workbook keeps its permissions. */
      int fd = g_open (tmp, O_RDONLY, 0);

      if (replacing)
        g_chmod (tmp, old.st_mode & 0777);
      /* On disk before it takes the name, or a crash could leave it empty. */
      if (fd >= 0)
        {
          fsync (fd);
          close (fd);
        }
      if (g_rename (tmp, path) != 0)
        {
          int saved = errno;
          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                       _("Cannot write “%s”: %s"), path, g_strerror (saved));
          ok = FALSE;
        }
    }
  if (!ok)
    g_unlink (tmp);
  else if (e->progress)
    e->progress (1.0, NULL, e->progress_data);
  return ok;
}

YsXlsxExport *
ys_report_export_new (YsDocument *doc, YsLayout *layout, const char *unit_code, GError **error)
{
  g_autoptr(GPtrArray) tables = ys_report_build (doc, layout, unit_code, error);
  g_autofree char *title = NULL;
  YsXlsxExport *e;
  const char *name;

  if (tables == NULL)
    return NULL;
  name = unit_code ? ys_record_get_text (ys_document_lookup_key (doc, &ys_unit_kind, unit_code), YS_UNIT_NAME)
                   : ys_document_get_meta (doc, "dept_name");
  title = g_strdup_printf ("%s%d年预算公开表", name, ys_document_get_year (doc));
  e = ys_xlsx_export_new ();
  ys_xlsx_export_set_properties (e, title, name);
  ys_xlsx_export_add_tables (e, tables);
  return e;
}

gboolean
ys_report_export_xlsx (YsDocument *doc, YsLayout *layout, const char *unit_code, const char *path,
                       YsXlsxProgress progress, gpointer user_data, GError **error)
{
  g_autoptr(YsXlsxExport) e = ys_report_export_new (doc, layout, unit_code, error);

  if (e == NULL)
    return FALSE;
  ys_xlsx_export_set_progress (e, progress, user_data);
  return ys_xlsx_export_write (e, path, error);
}
