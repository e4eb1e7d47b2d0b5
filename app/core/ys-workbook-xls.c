/* ys-workbook-xls.c: old Excel 97–2003 workbooks (BIFF in an OLE2 compound
 * file) through libfreexl, which is made for reading them.
 *
 * libfreexl 1.0.6 does not report merged cells nor whether a sheet is
 * hidden: an .xls sheet therefore has no merges and is never hidden; a
 * header's group cell stands in its top-left cell only (docs/workbooks.md). */
#include "config.h"

#include <string.h>
#include <freexl.h>

#include "ys-workbook-private.h"

static gboolean
xls_failed (int          status,
            const char  *display,
            const char  *what,
            GError     **error)
{
  g_set_error (error, YS_WORKBOOK_ERROR, YS_WORKBOOK_ERROR_FORMAT,
               _("“%s” is not a readable Excel 97–2003 workbook (%s, code %d); "
                 "open it in a spreadsheet program and save it as .xlsx"),
               display, what, status);
  return FALSE;
}

/* One cell as the model holds it; NULL for an empty cell. */
static char *
cell_text (const FreeXL_CellValue *v,
           YsCellType             *type)
{
  switch (v->type)
    {
    case FREEXL_CELL_INT:
      *type = YS_CELL_NUMBER;
      return g_strdup_printf ("%d", v->value.int_value);
    case FREEXL_CELL_DOUBLE:
      {
        char *text = ys_workbook_number_text (v->value.double_value);
        *type = text != NULL ? YS_CELL_NUMBER : YS_CELL_ERROR;
        return text != NULL ? text : g_strdup ("#NUM!");
      }
    case FREEXL_CELL_TEXT:
    case FREEXL_CELL_SST_TEXT:
      *type = YS_CELL_STRING;
      return v->value.text_value != NULL && *v->value.text_value != '\0'
             ? g_strdup (v->value.text_value) : NULL;
    case FREEXL_CELL_DATE:
    case FREEXL_CELL_TIME:
      *type = YS_CELL_DATE;
      return v->value.text_value != NULL ? g_strdup (v->value.text_value) : NULL;
    case FREEXL_CELL_DATETIME:
      {
        /* "2023-01-31 12:00:00" → ISO "2023-01-31T12:00:00"; midnight is a date. */
        char *text, *space;

        if (v->value.text_value == NULL)
          return NULL;
        *type = YS_CELL_DATE;
        text = g_strdup (v->value.text_value);
        space = strchr (text, ' ');
        if (space != NULL && strcmp (space + 1, "00:00:00") == 0)
          *space = '\0';
        else if (space != NULL)
          *space = 'T';
        return text;
      }
    default:
      return NULL;
    }
}

static YsSheet *
read_sheet (const void  *handle,
            guint        index,
            guint       *n_cells,
            const char  *display,
            GError     **error)
{
  const char *utf8_name = NULL;
  g_autofree char *name = NULL;
  unsigned int rows = 0;
  unsigned short cols = 0;
  YsSheetBuilder b;
  YsSheet *sheet = NULL;
  int status;

  status = freexl_select_active_worksheet (handle, (unsigned short) index);
  if (status == FREEXL_OK)
    status = freexl_get_worksheet_name (handle, (unsigned short) index, &utf8_name);
  if (status == FREEXL_OK)
    status = freexl_worksheet_dimensions (handle, &rows, &cols);
  if (status != FREEXL_OK)
    {
      xls_failed (status, display, _("a sheet cannot be read"), error);
      return NULL;
    }
  name = utf8_name != NULL && g_utf8_validate (utf8_name, -1, NULL)
         ? g_strdup (utf8_name) : g_strdup_printf ("Sheet%u", index + 1);
  if ((guint64) rows * cols > YS_WORKBOOK_MAX_AREA || rows > YS_WORKBOOK_MAX_ROWS)
    {
      g_set_error (error, YS_WORKBOOK_ERROR, YS_WORKBOOK_ERROR_TOO_LARGE,
                   _("“%s”, sheet “%s”: its cells span %u rows by %u columns, more than "
                     "the %u cells a sheet may cover"),
                   display, name, rows, (guint) cols, YS_WORKBOOK_MAX_AREA);
      return NULL;
    }

  ys_sheet_builder_init (&b, name, n_cells);
  for (guint r = 0; r < rows; r++)
    for (guint c = 0; c < cols; c++)
      {
        FreeXL_CellValue v;
        YsCellType type = YS_CELL_EMPTY;
        char *text;

        if (freexl_get_cell_value (handle, r, (unsigned short) c, &v) != FREEXL_OK)
          continue;
        text = cell_text (&v, &type);
        if (text == NULL)
          continue;
        if (!g_utf8_validate (text, -1, NULL))
          {
            char *valid = g_utf8_make_valid (text, -1);
            g_free (text);
            text = valid;
          }
        if (!ys_sheet_builder_add (&b, r, c, type, text))
          {
            g_set_error (error, YS_WORKBOOK_ERROR, YS_WORKBOOK_ERROR_TOO_LARGE,
                         _("“%s”, sheet “%s”: the workbook has more than %u filled cells, "
                           "more than can be read"), display, name, YS_WORKBOOK_MAX_CELLS);
            goto out;
          }
      }
  sheet = ys_sheet_builder_finish (&b, display, error);
out:
  ys_sheet_builder_clear (&b);
  return sheet;
}

YsWorkbook *
ys_workbook_read_xls (const char  *path,
                      const char  *display,
                      GError     **error)
{
  g_autoptr(YsWorkbook) book = NULL;
  const void *handle = NULL;
  unsigned int n_sheets = 0, password = 0;
  guint n_cells = 0;
  int status;

  status = freexl_open (path, &handle);
  if (status != FREEXL_OK)
    {
      if (handle != NULL)
        freexl_close (handle);
      if (status == FREEXL_FILE_NOT_FOUND)
        g_set_error (error, YS_WORKBOOK_ERROR, YS_WORKBOOK_ERROR_IO,
                     _("Cannot read “%s”: no such file"), display);
      else
        xls_failed (status, display, _("the file is damaged or not an Excel workbook"), error);
      return NULL;
    }
  if (freexl_get_info (handle, FREEXL_BIFF_PASSWORD, &password) == FREEXL_OK &&
      password == FREEXL_BIFF_OBFUSCATED)
    {
      freexl_close (handle);
      g_set_error (error, YS_WORKBOOK_ERROR, YS_WORKBOOK_ERROR_FORMAT,
                   _("“%s” is encrypted (protected by a password); save it without a "
                     "password first"), display);
      return NULL;
    }
  if (freexl_get_info (handle, FREEXL_BIFF_SHEET_COUNT, &n_sheets) != FREEXL_OK ||
      n_sheets > YS_WORKBOOK_MAX_SHEETS)
    {
      freexl_close (handle);
      xls_failed (FREEXL_CRAFTED_FILE, display, _("its list of sheets is damaged"), error);
      return NULL;
    }

  book = ys_workbook_new_empty ("xls");
  for (guint i = 0; i < n_sheets; i++)
    {
      YsSheet *sheet = read_sheet (handle, i, &n_cells, display, error);
      if (sheet == NULL)
        {
          freexl_close (handle);
          return NULL;
        }
      g_ptr_array_add (book->sheets, sheet);
    }
  freexl_close (handle);
  return g_steal_pointer (&book);
}
