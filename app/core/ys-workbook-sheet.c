/* ys-workbook-sheet.c: one worksheet part of an xlsx package.
 *
 *   <sheetData><row r="3"><c r="B3" t="s" s="2"><v>0</v></c>…</row></sheetData>
 *   <mergeCells><mergeCell ref="A1:C1"/></mergeCells>
 *
 * r attributes may be missing (a row follows the previous one, a cell the
 * previous cell); a cell's meaning comes from its t attribute and, for
 * numbers, from the number format of its style s. */
#include "config.h"

#include <string.h>

#include "ys-workbook-private.h"

/* Excel's own limit on the text of one cell is 32,767 characters. */
#define MAX_CELL_BYTES (32767u * 4)

const char *
ys_xml_local_name (const char *name)
{
  const char *colon = strrchr (name, ':');
  return colon != NULL ? colon + 1 : name;
}

const char *
ys_xml_attribute (const char  *local,
                  const char **names,
                  const char **values)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (strcmp (ys_xml_local_name (names[i]), local) == 0)
      return values[i];
  return NULL;
}

YsRefStatus
ys_xlsx_parse_ref (const char  *ref,
                   guint       *row,
                   guint       *col,
                   const char **end)
{
  const char *p = ref;
  guint64 c = 0, r = 0;
  guint n_letters = 0, n_digits = 0;

  if (*p == '$')
    p++;
  for (; g_ascii_isalpha (*p); p++, n_letters++)
    if (n_letters < 8)
      c = c * 26 + (guint64) (g_ascii_toupper (*p) - 'A' + 1);
  if (*p == '$')
    p++;
  for (; g_ascii_isdigit (*p); p++, n_digits++)
    if (n_digits < 12)
      r = r * 10 + (guint64) (*p - '0');
  if (end != NULL)
    *end = p;
  else if (*p != '\0')
    return YS_REF_INVALID;
  if (n_letters == 0 || n_digits == 0 || r == 0)
    return YS_REF_INVALID;
  if (n_letters >= 8 || c > YS_WORKBOOK_MAX_COLS)
    return YS_REF_BEYOND_COLUMNS;
  if (n_digits >= 12 || r > YS_WORKBOOK_MAX_ROWS)
    return YS_REF_BEYOND_ROWS;
  *row = (guint) r - 1;
  *col = (guint) c - 1;
  return YS_REF_OK;
}

char *
ys_xlsx_cell_name (guint row,
                   guint col)
{
  char letters[8];
  int i = (int) sizeof letters - 1;

  letters[i] = '\0';
  for (guint64 c = (guint64) col + 1; c > 0 && i > 0; c = (c - 1) / 26)
    letters[--i] = (char) ('A' + (c - 1) % 26);
  return g_strdup_printf ("%s%u", letters + i, row + 1);
}

typedef struct {
  YsZip               *zip;
  const char          *part;
  const YsXlsxContext *ctx;
  YsSheetBuilder      *b;
  gboolean             in_data;
  gboolean             in_row;
  gboolean             in_cell;
  gboolean             in_value;   /* <v>, or <t> of an inline string */
  gboolean             in_inline;
  int                  rph_depth;
  guint                row;        /* of the current or last row */
  gboolean             any_row;
  guint                col;        /* of the current or last cell in the row */
  gboolean             any_cell;
  char                *type;
  guint                style;
  GString             *value;
} SheetParse;

static void
sheet_error (SheetParse  *sp,
             GError     **error,
             int          code,
             const char  *format,
             ...) G_GNUC_PRINTF (4, 5);

/* "“book.xlsx”, sheet “科目” (xl/worksheets/sheet1.xml): …" */
static void
sheet_error (SheetParse  *sp,
             GError     **error,
             int          code,
             const char  *format,
             ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, YS_WORKBOOK_ERROR, code, _("“%s”, sheet “%s” (%s): %s"),
               sp->ctx->display, sp->b->name, sp->part, what);
}

static void
ref_error (SheetParse  *sp,
           YsRefStatus  status,
           const char  *ref,
           GError     **error)
{
  if (status == YS_REF_BEYOND_COLUMNS)
    sheet_error (sp, error, YS_WORKBOOK_ERROR_FORMAT,
                 _("the cell reference “%s” lies beyond column XFD, the last a sheet can have"),
                 ref);
  else if (status == YS_REF_BEYOND_ROWS)
    sheet_error (sp, error, YS_WORKBOOK_ERROR_FORMAT,
                 _("the cell reference “%s” lies beyond row 1048576, the last a sheet can have"),
                 ref);
  else
    sheet_error (sp, error, YS_WORKBOOK_ERROR_FORMAT,
                 _("“%s” is not a cell reference"), ref);
}

static void
start_row (SheetParse  *sp,
           const char **names,
           const char **values,
           GError     **error)
{
  const char *r = ys_xml_attribute ("r", names, values);
  guint64 n;

  if (sp->in_cell)
    {
      g_autofree char *cell = ys_xlsx_cell_name (sp->row, sp->col);
      sheet_error (sp, error, YS_WORKBOOK_ERROR_FORMAT,
                   _("a row starts inside cell %s, which is not closed (the file is damaged)"),
                   cell);
      return;
    }
  if (r != NULL)
    {
      if (!g_ascii_string_to_unsigned (r, 10, 1, YS_WORKBOOK_MAX_ROWS, &n, NULL))
        {
          sheet_error (sp, error, YS_WORKBOOK_ERROR_FORMAT,
                       _("the row number “%s” is not between 1 and 1048576"), r);
          return;
        }
      sp->row = (guint) n - 1;
    }
  else if (sp->any_row)
    {
      if (sp->row + 1 >= YS_WORKBOOK_MAX_ROWS)
        {
          sheet_error (sp, error, YS_WORKBOOK_ERROR_FORMAT,
                       _("it has rows beyond row 1048576, the last a sheet can have"));
          return;
        }
      sp->row++;
    }
  sp->any_row = TRUE;
  sp->in_row = TRUE;
  sp->any_cell = FALSE;
}

static void
start_cell (SheetParse  *sp,
            const char **names,
            const char **values,
            GError     **error)
{
  const char *r = ys_xml_attribute ("r", names, values);
  const char *s = ys_xml_attribute ("s", names, values);
  guint64 style = 0;

  if (sp->in_cell || !sp->in_row)
    {
      sheet_error (sp, error, YS_WORKBOOK_ERROR_FORMAT,
                   sp->in_cell ? _("a cell starts inside another cell (the file is damaged)")
                               : _("a cell stands outside any row (the file is damaged)"));
      return;
    }
  if (r != NULL)
    {
      guint row, col;
      YsRefStatus status = ys_xlsx_parse_ref (r, &row, &col, NULL);

      if (status != YS_REF_OK)
        {
          ref_error (sp, status, r, error);
          return;
        }
      sp->row = row;
      sp->col = col;
    }
  else if (sp->any_cell)
    {
      if (sp->col + 1 >= YS_WORKBOOK_MAX_COLS)
        {
          sheet_error (sp, error, YS_WORKBOOK_ERROR_FORMAT,
                       _("a row has cells beyond column XFD, the last a sheet can have"));
          return;
        }
      sp->col++;
    }
  else
    sp->col = 0;

  if (s != NULL && !g_ascii_string_to_unsigned (s, 10, 0, G_MAXUINT, &style, NULL))
    style = 0;
  sp->style = (guint) style;
  sp->any_cell = TRUE;
  sp->in_cell = TRUE;
  g_free (sp->type);
  sp->type = g_strdup (ys_xml_attribute ("t", names, values));
  g_string_truncate (sp->value, 0);
}

static void
add_merge (SheetParse  *sp,
           const char  *ref,
           GError     **error)
{
  guint r1, c1, r2, c2;
  const char *end;
  YsRefStatus status;

  if (ref == NULL)
    return;
  status = ys_xlsx_parse_ref (ref, &r1, &c1, &end);
  if (status == YS_REF_OK)
    {
      if (*end == '\0')
        return;  /* one cell */
      if (*end != ':')
        status = YS_REF_INVALID;
      else
        status = ys_xlsx_parse_ref (end + 1, &r2, &c2, NULL);
    }
  if (status != YS_REF_OK)
    {
      ref_error (sp, status, ref, error);
      return;
    }
  ys_sheet_builder_merge (sp->b, r1, c1, r2, c2);
}

static void
sheet_start (GMarkupParseContext  *context,
             const char           *element,
             const char          **names,
             const char          **values,
             gpointer              data,
             GError              **error)
{
  SheetParse *sp = data;
  const char *name = ys_xml_local_name (element);

  if (strcmp (name, "sheetData") == 0)
    sp->in_data = TRUE;
  else if (strcmp (name, "row") == 0 && sp->in_data)
    start_row (sp, names, values, error);
  else if (strcmp (name, "c") == 0 && sp->in_data)
    start_cell (sp, names, values, error);
  else if (strcmp (name, "v") == 0 && sp->in_cell)
    sp->in_value = TRUE;
  else if (strcmp (name, "is") == 0 && sp->in_cell)
    sp->in_inline = TRUE;
  else if (strcmp (name, "rPh") == 0 && sp->in_inline)
    sp->rph_depth++;
  else if (strcmp (name, "t") == 0 && sp->in_inline && sp->rph_depth == 0)
    sp->in_value = TRUE;
  else if (strcmp (name, "mergeCell") == 0)
    add_merge (sp, ys_xml_attribute ("ref", names, values), error);
}

/* The cell's value as the model holds it; NULL for an empty cell. */
static char *
cell_value (SheetParse  *sp,
            YsCellType  *type,
            GError     **error)
{
  const char *t = sp->type;
  g_autofree char *cell = NULL;
  g_autofree char *raw = g_strstrip (g_strdup (sp->value->str));

  if (t == NULL || strcmp (t, "n") == 0)
    {
      YsNumberKind kind = YS_NUMBER_PLAIN;
      char *end = NULL;
      char *text;
      double v;

      if (*raw == '\0')
        return NULL;  /* formatted but empty */
      v = g_ascii_strtod (raw, &end);
      if (end == raw || *end != '\0')
        {
          cell = ys_xlsx_cell_name (sp->row, sp->col);
          sheet_error (sp, error, YS_WORKBOOK_ERROR_FORMAT,
                       _("cell %s holds “%s”, which is not a number"), cell, raw);
          return NULL;
        }
      if (sp->style < sp->ctx->xf_kinds->len)
        kind = g_array_index (sp->ctx->xf_kinds, YsNumberKind, sp->style);
      if (kind != YS_NUMBER_PLAIN &&
          (text = ys_workbook_serial_text (v, kind, sp->ctx->date1904)) != NULL)
        {
          *type = YS_CELL_DATE;
          return text;
        }
      text = ys_workbook_number_text (v);
      *type = text != NULL ? YS_CELL_NUMBER : YS_CELL_ERROR;
      return text != NULL ? text : g_strdup ("#NUM!");
    }
  if (strcmp (t, "s") == 0)
    {
      guint64 index;

      if (!g_ascii_string_to_unsigned (raw, 10, 0, G_MAXUINT, &index, NULL) ||
          index >= sp->ctx->shared->len)
        {
          cell = ys_xlsx_cell_name (sp->row, sp->col);
          sheet_error (sp, error, YS_WORKBOOK_ERROR_FORMAT,
                       _("cell %s refers to shared string “%s”, but the workbook has "
                         "only %u shared strings (the file is damaged)"),
                       cell, raw, sp->ctx->shared->len);
          return NULL;
        }
      *type = YS_CELL_STRING;
      t = g_ptr_array_index (sp->ctx->shared, index);
      return *t != '\0' ? g_strdup (t) : NULL;
    }
  if (strcmp (t, "inlineStr") == 0 || strcmp (t, "str") == 0)
    {
      *type = YS_CELL_STRING;
      return sp->value->len > 0 ? g_strndup (sp->value->str, sp->value->len) : NULL;
    }
  if (strcmp (t, "b") == 0)
    {
      *type = YS_CELL_BOOL;
      if (strcmp (raw, "1") == 0 || g_ascii_strcasecmp (raw, "true") == 0)
        return g_strdup ("TRUE");
      if (strcmp (raw, "0") == 0 || g_ascii_strcasecmp (raw, "false") == 0)
        return g_strdup ("FALSE");
      cell = ys_xlsx_cell_name (sp->row, sp->col);
      sheet_error (sp, error, YS_WORKBOOK_ERROR_FORMAT,
                   _("cell %s holds “%s”, which is not TRUE or FALSE"), cell, raw);
      return NULL;
    }
  if (strcmp (t, "e") == 0 || strcmp (t, "d") == 0)
    {
      *type = t[0] == 'e' ? YS_CELL_ERROR : YS_CELL_DATE;
      return *raw != '\0' ? g_steal_pointer (&raw) : NULL;
    }
  cell = ys_xlsx_cell_name (sp->row, sp->col);
  sheet_error (sp, error, YS_WORKBOOK_ERROR_FORMAT,
               _("cell %s has the unknown type “%s”"), cell, t);
  return NULL;
}

static void
end_cell (SheetParse  *sp,
          GError     **error)
{
  GError *local_error = NULL;
  YsCellType type = YS_CELL_EMPTY;
  char *text;

  sp->in_cell = FALSE;
  sp->in_value = FALSE;
  sp->in_inline = FALSE;
  sp->rph_depth = 0;
  text = cell_value (sp, &type, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return;
    }
  if (text != NULL && !ys_sheet_builder_add (sp->b, sp->row, sp->col, type, text))
    sheet_error (sp, error, YS_WORKBOOK_ERROR_TOO_LARGE,
                 _("the workbook has more than %u filled cells, more than can be read"),
                 YS_WORKBOOK_MAX_CELLS);
}

static void
sheet_end (GMarkupParseContext  *context,
           const char           *element,
           gpointer              data,
           GError              **error)
{
  SheetParse *sp = data;
  const char *name = ys_xml_local_name (element);

  if (strcmp (name, "c") == 0 && sp->in_cell)
    end_cell (sp, error);
  else if (strcmp (name, "v") == 0 || strcmp (name, "t") == 0)
    sp->in_value = FALSE;
  else if (strcmp (name, "is") == 0)
    sp->in_inline = FALSE;
  else if (strcmp (name, "rPh") == 0 && sp->rph_depth > 0)
    sp->rph_depth--;
  else if (strcmp (name, "row") == 0)
    sp->in_row = FALSE;
  else if (strcmp (name, "sheetData") == 0)
    sp->in_data = FALSE;
}

static void
sheet_text (GMarkupParseContext  *context,
            const char           *text,
            gsize                 len,
            gpointer              data,
            GError              **error)
{
  SheetParse *sp = data;

  if (!sp->in_value)
    return;
  if (sp->value->len + len > MAX_CELL_BYTES)
    {
      g_autofree char *cell = ys_xlsx_cell_name (sp->row, sp->col);
      sheet_error (sp, error, YS_WORKBOOK_ERROR_TOO_LARGE,
                   _("cell %s holds more than the 32,767 characters a cell can have"), cell);
      return;
    }
  g_string_append_len (sp->value, text, len);
}

gboolean
ys_xlsx_read_sheet (YsZip                *zip,
                    const char           *part,
                    const YsXlsxContext  *ctx,
                    YsSheetBuilder       *builder,
                    GError              **error)
{
  static const GMarkupParser parser = { sheet_start, sheet_end, sheet_text, NULL, NULL };
  SheetParse sp = { 0 };
  gboolean found = FALSE;
  gboolean ok;

  sp.zip = zip;
  sp.part = part;
  sp.ctx = ctx;
  sp.b = builder;
  sp.value = g_string_new (NULL);
  ok = ys_zip_parse_part (zip, part, &parser, &sp, &found, error);
  g_string_free (sp.value, TRUE);
  g_free (sp.type);
  if (ok && !found)
    {
      g_set_error (error, YS_WORKBOOK_ERROR, YS_WORKBOOK_ERROR_FORMAT,
                   _("“%s”, sheet “%s”: its part %s is missing (the file is damaged)"),
                   ctx->display, builder->name, part);
      return FALSE;
    }
  return ok;
}
