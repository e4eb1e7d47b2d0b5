/* ys-catalog-read.c: reading the catalog file a finance bureau distributes.
 *
 * Bureaus send whatever their office software saved: CSV in UTF-8 (with or
 * without BOM) or GB18030 (Excel on a Chinese Windows), an xlsx or an old
 * .xls workbook with a title row above the header and names indented with
 * spaces.  The workbook reader (ys-workbook.h) turns any of them into a
 * sheet; one function then finds the header and turns the rows into
 * entries, so every format gives the same errors. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ys-catalog.h"
#include "ys-workbook.h"

typedef struct {
  guint      number;  /* CSV line or sheet row, 1-based, as an editor shows it */
  GPtrArray *cells;   /* char *, owned */
} Row;

static void
row_free (Row *row)
{
  g_ptr_array_unref (row->cells);
  g_free (row);
}

static Row *
row_new (guint number)
{
  Row *row = g_new0 (Row, 1);
  row->number = number;
  row->cells = g_ptr_array_new_with_free_func (g_free);
  return row;
}

/* The first visible sheet as rows of texts ("" for an empty cell), numbered
 * as the spreadsheet shows them. */
static GPtrArray *
rows_of_sheet (const YsSheet *sheet)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);

  for (guint r = 0; r < sheet->n_rows; r++)
    {
      Row *row = row_new (r + 1);

      for (guint c = 0; c < sheet->n_cols; c++)
        {
          const char *text = ys_sheet_get_text (sheet, r, c);
          g_ptr_array_add (row->cells, g_strdup (text != NULL ? text : ""));
        }
      g_ptr_array_add (rows, row);
    }
  return rows;
}

/* ---- rows → entries ----------------------------------------------------- */

typedef enum {
  COL_CODE,
  COL_NAME,
  COL_LEVEL,
  COL_PARENT,
  COL_PROVENANCE,
  N_COLS
} Column;

/* Header cell texts, compared after removing all whitespace and ASCII case;
 * official files write 科目编码, others 编码 or code.  Exact matches only:
 * 上级编码 must not be taken for the code column. */
static const char *const header_names[N_COLS][8] = {
  [COL_CODE] = { "科目编码", "科目代码", "编码", "代码", "品目编码", "code", NULL },
  [COL_NAME] = { "科目名称", "名称", "品目名称", "name", NULL },
  [COL_LEVEL] = { "级次", "科目级次", "层级", "level", NULL },
  [COL_PARENT] = { "上级编码", "上级科目编码", "上级代码", "parent_code", "parent", NULL },
  [COL_PROVENANCE] = { "provenance", "来源", NULL },
};

/* Removes every whitespace character (ASCII, U+00A0, U+3000) and the "*"
 * that marks mandatory columns in some templates. */
static char *
header_key (const char *cell)
{
  GString *out = g_string_new (NULL);

  for (const char *p = cell; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_isspace (c) || c == 0x00A0 || c == 0x3000 || c == '*')
        continue;
      if (c < 0x80)
        c = (gunichar) g_ascii_tolower ((char) c);
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* Fills @columns (-1 = absent) from a header row; TRUE when it has code and name. */
static gboolean
match_header (Row *row,
              int  columns[N_COLS])
{
  for (int k = 0; k < N_COLS; k++)
    columns[k] = -1;

  for (guint i = 0; i < row->cells->len; i++)
    {
      g_autofree char *key = header_key (row->cells->pdata[i]);

      for (int k = 0; k < N_COLS; k++)
        for (guint j = 0; header_names[k][j] != NULL; j++)
          if (columns[k] < 0 && strcmp (key, header_names[k][j]) == 0)
            columns[k] = (int) i;
    }
  return columns[COL_CODE] >= 0 && columns[COL_NAME] >= 0;
}

static const char *
cell (Row *row,
      int  column)
{
  if (column < 0 || (guint) column >= row->cells->len)
    return "";
  return row->cells->pdata[column];
}

/* Trimmed copy of a cell; official files indent names by level with ASCII
 * or ideographic spaces.  (This also makes parentheses full-width, which is
 * what names need and codes never contain.) */
static char *
trimmed (const char *text)
{
  return ys_catalog_normalize_name (text);
}

static gboolean
row_is_blank (Row *row)
{
  for (guint i = 0; i < row->cells->len; i++)
    {
      g_autofree char *t = trimmed (row->cells->pdata[i]);
      if (*t != '\0')
        return FALSE;
    }
  return TRUE;
}

/* Checks the shape of a code; on failure returns the reason (translated). */
static const char *
check_code (char *code)
{
  gsize len;

  /* Procurement codes are printed upper case; accept a02010104. */
  for (char *p = code; *p != '\0'; p++)
    *p = g_ascii_toupper (*p);
  len = strlen (code);

  if (g_ascii_isdigit (code[0]))
    {
      for (gsize i = 0; i < len; i++)
        if (!g_ascii_isdigit (code[i]))
          return _("a budget classification code has digits only");
      if (len != 3 && len != 5 && len != 7)
        return _("a budget classification code has 3 (类), 5 (款) or 7 (项) digits");
      return NULL;
    }

  if (code[0] == 'A' || code[0] == 'B' || code[0] == 'C')
    {
      if (len == 1)
        return NULL;
      if (len == 9)
        {
          gsize i;
          for (i = 1; i < len && g_ascii_isdigit (code[i]); i++)
            ;
          if (i == len)
            return NULL;
        }
      return _("a procurement code is A, B or C followed by 8 digits");
    }

  return _("a code has digits only (e.g. 2010301), or is a procurement code such as A02010104");
}

static GPtrArray *
entries_from_rows (GPtrArray   *rows,
                   const char  *display,
                   gboolean     sheet,
                   GError     **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GHashTable) seen = NULL;  /* code → Row * where it first appeared */
  int columns[N_COLS];
  guint i;

  for (i = 0; i < rows->len; i++)
    if (match_header (g_ptr_array_index (rows, i), columns))
      break;
  if (i == rows->len)
    {
      g_set_error (error, YS_CATALOG_ERROR, YS_CATALOG_ERROR_FORMAT,
                   _("“%s” has no header row: expected a row with the columns "
                     "科目编码 and 科目名称 (or 编码 and 名称, or code and name)"),
                   display);
      return NULL;
    }

  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) ys_catalog_entry_free);
  seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (i++; i < rows->len; i++)
    {
      Row *row = g_ptr_array_index (rows, i);
      g_autofree char *where = NULL;
      g_autofree char *code = NULL;
      g_autofree char *as_written = NULL;
      g_autofree char *name = NULL;
      g_autofree char *level_text = NULL;
      g_autofree char *parent = NULL;
      g_autofree char *provenance = NULL;
      const char *problem;
      YsCatalogEntry *entry;
      Row *first;
      int level = 0;

      if (row_is_blank (row))
        continue;

      where = g_strdup_printf (sheet ? _("“%s”, row %u") : _("“%s”, line %u"),
                               display, row->number);
      code = trimmed (cell (row, columns[COL_CODE]));
      name = trimmed (cell (row, columns[COL_NAME]));

      if (*code == '\0' && *name == '\0')
        continue;  /* e.g. a wrapped 说明 continuing on its own row */
      if (*code == '\0')
        {
          g_set_error (error, YS_CATALOG_ERROR, YS_CATALOG_ERROR_FORMAT,
                       _("%s: the code (科目编码) is empty for “%s”"), where, name);
          return NULL;
        }
      as_written = g_strdup (code);
      problem = check_code (code);
      if (problem != NULL)
        {
          g_set_error (error, YS_CATALOG_ERROR, YS_CATALOG_ERROR_FORMAT,
                       _("%s: “%s” is not a valid code: %s"), where, as_written, problem);
          return NULL;
        }
      if (*name == '\0')
        {
          g_set_error (error, YS_CATALOG_ERROR, YS_CATALOG_ERROR_FORMAT,
                       _("%s: the name (科目名称) of code %s is empty"), where, code);
          return NULL;
        }

      level_text = trimmed (cell (row, columns[COL_LEVEL]));
      if (*level_text != '\0')
        {
          guint64 n;
          if (!g_ascii_string_to_unsigned (level_text, 10, 0, 4, &n, NULL))
            {
              g_set_error (error, YS_CATALOG_ERROR, YS_CATALOG_ERROR_FORMAT,
                           _("%s: the level “%s” of code %s is not a number from 0 to 4"),
                           where, level_text, code);
              return NULL;
            }
          level = (int) n;
        }
      parent = trimmed (cell (row, columns[COL_PARENT]));
      provenance = trimmed (cell (row, columns[COL_PROVENANCE]));

      first = g_hash_table_lookup (seen, code);
      if (first != NULL)
        {
          /* A repeated identical row is harmless; two names for one code
           * mean the file is wrong and we cannot guess which is meant. */
          g_autofree char *first_name = trimmed (cell (first, columns[COL_NAME]));
          if (strcmp (first_name, name) != 0)
            {
              g_autofree char *first_where =
                g_strdup_printf (sheet ? _("row %u") : _("line %u"), first->number);
              g_set_error (error, YS_CATALOG_ERROR, YS_CATALOG_ERROR_FORMAT,
                           _("%s: code %s appears again with another name "
                             "(“%s”; it was “%s” on %s)"),
                           where, code, name, first_name, first_where);
              return NULL;
            }
          continue;
        }

      entry = ys_catalog_entry_new (code, name, level,
                                    *parent != '\0' ? parent : NULL,
                                    *provenance != '\0' ? provenance : "imported");
      g_ptr_array_add (entries, entry);
      g_hash_table_insert (seen, entry->code, row);
    }

  if (entries->len == 0)
    {
      g_set_error (error, YS_CATALOG_ERROR, YS_CATALOG_ERROR_FORMAT,
                   _("“%s” has a header row but no codes below it"), display);
      return NULL;
    }
  return g_steal_pointer (&entries);
}

GPtrArray *
ys_catalog_read_file (const char  *path,
                      GError     **error)
{
  g_autofree char *display = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(YsWorkbook) book = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  YsSheet *sheet;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display = g_filename_display_basename (path);
  book = ys_workbook_read (path, &local_error);
  if (book == NULL)
    {
      /* The reader's message already names the file and what is wrong. */
      g_set_error_literal (error, YS_CATALOG_ERROR,
                           local_error->code == YS_WORKBOOK_ERROR_IO ? YS_CATALOG_ERROR_READ
                                                                     : YS_CATALOG_ERROR_FORMAT,
                           local_error->message);
      return NULL;
    }
  sheet = ys_workbook_first_sheet (book);
  if (sheet == NULL)
    {
      g_set_error (error, YS_CATALOG_ERROR, YS_CATALOG_ERROR_FORMAT,
                   _("“%s” has no visible sheet"), display);
      return NULL;
    }

  rows = rows_of_sheet (sheet);
  return entries_from_rows (rows, display, strcmp (book->format, "csv") != 0, error);
}
