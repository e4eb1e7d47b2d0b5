/* ys-catalog-read.c: reading the catalog file a finance bureau distributes.
 *
 * Bureaus send whatever their office software saved: CSV in UTF-8 (with or
 * without BOM) or GB18030 (Excel on a Chinese Windows), or an xlsx workbook
 * with a title row above the header and names indented with spaces.  Both
 * formats are first turned into rows of cells; one function then finds the
 * header and turns the rows into entries, so both give the same errors. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unzip.h>

#include "ys-catalog.h"
#include "ys-csv.h"

/* Large enough for any catalog (the official function catalog is ~5,000 rows,
 * well under 10 MB as xlsx XML); guards against a zip bomb. */
#define MAX_XML_SIZE (256u * 1024 * 1024)

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

static gboolean
has_extension (const char *path,
               const char *ext)
{
  gsize n = strlen (path), m = strlen (ext);
  return n >= m && g_ascii_strcasecmp (path + n - m, ext) == 0;
}

/* ---- CSV ---------------------------------------------------------------- */

static GPtrArray *
read_csv_rows (const char  *path,
               const char  *display,
               GError     **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *converted = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(YsCsvReader) reader = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  GPtrArray *fields = NULL;
  const char *text;
  gsize len;
  guint line = 0;

  if (!g_file_get_contents (path, &contents, &len, &local_error))
    {
      g_set_error (error, YS_CATALOG_ERROR, YS_CATALOG_ERROR_READ,
                   _("Cannot read “%s”: %s"), display, local_error->message);
      return NULL;
    }

  text = contents;
  if (len >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
    {
      text += 3;
      len -= 3;
    }

  /* GB18030 text is almost never valid UTF-8 (its two-byte sequences do not
   * follow UTF-8's lead/continuation pattern), so validity decides. */
  if (!g_utf8_validate (text, len, NULL))
    {
      gsize out_len = 0;

      g_clear_error (&local_error);
      converted = g_convert (text, len, "UTF-8", "GB18030", NULL, &out_len, &local_error);
      if (converted == NULL)
        {
          g_set_error (error, YS_CATALOG_ERROR, YS_CATALOG_ERROR_FORMAT,
                       _("“%s” is neither UTF-8 nor GB18030 text: %s"),
                       display, local_error->message);
          return NULL;
        }
      text = converted;
      len = out_len;
    }

  reader = ys_csv_reader_new_from_data (text, len);
  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  while (ys_csv_reader_next_row (reader, &fields, &line, &local_error))
    {
      Row *row = g_new0 (Row, 1);
      row->number = line;
      row->cells = fields;
      g_ptr_array_add (rows, row);
    }
  if (local_error != NULL)
    {
      /* The CSV message already starts with "line N: …". */
      g_set_error (error, YS_CATALOG_ERROR, YS_CATALOG_ERROR_FORMAT,
                   _("“%s”, %s"), display, local_error->message);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

/* ---- xlsx --------------------------------------------------------------- */

/* Element name without a namespace prefix: some generators write <x:c>. */
static const char *
local_name (const char *name)
{
  const char *colon = strrchr (name, ':');
  return colon != NULL ? colon + 1 : name;
}

static const char *
find_attribute (const char  *name,
                const char **names,
                const char **values)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (strcmp (names[i], name) == 0)
      return values[i];
  return NULL;
}

/* Reads one member of the zip archive.  Returns NULL without error if it is absent. */
static GBytes *
read_zip_member (unzFile      zip,
                 const char  *member,
                 const char  *display,
                 GError     **error)
{
  unz_file_info64 info;
  g_autoptr(GByteArray) buf = NULL;
  guint8 chunk[65536];
  int n;

  /* 2 = case-insensitive: some generators spell the paths differently. */
  if (unzLocateFile (zip, member, 2) != UNZ_OK)
    return NULL;

  if (unzGetCurrentFileInfo64 (zip, &info, NULL, 0, NULL, 0, NULL, 0) != UNZ_OK ||
      info.uncompressed_size > MAX_XML_SIZE ||
      unzOpenCurrentFile (zip) != UNZ_OK)
    {
      g_set_error (error, YS_CATALOG_ERROR, YS_CATALOG_ERROR_READ,
                   _("Cannot read %s inside “%s”"), member, display);
      return NULL;
    }

  buf = g_byte_array_sized_new ((guint) info.uncompressed_size);
  while ((n = unzReadCurrentFile (zip, chunk, sizeof chunk)) > 0)
    {
      g_byte_array_append (buf, chunk, (guint) n);
      if (buf->len > MAX_XML_SIZE)
        break;
    }
  if (unzCloseCurrentFile (zip) != UNZ_OK || n < 0 || buf->len > MAX_XML_SIZE)
    {
      g_set_error (error, YS_CATALOG_ERROR, YS_CATALOG_ERROR_READ,
                   _("Cannot read %s inside “%s”: the file is damaged"), member, display);
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&buf));
}

static gboolean
parse_xml (GBytes                    *bytes,
           const GMarkupParser       *parser,
           gpointer                   user_data,
           const char                *member,
           const char                *display,
           GError                   **error)
{
  g_autoptr(GMarkupParseContext) ctx = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  ctx = g_markup_parse_context_new (parser, 0, user_data, NULL);
  if (!g_markup_parse_context_parse (ctx, data, len, &local_error) ||
      !g_markup_parse_context_end_parse (ctx, &local_error))
    {
      g_set_error (error, YS_CATALOG_ERROR, YS_CATALOG_ERROR_FORMAT,
                   _("“%s” is not a valid xlsx workbook (%s: %s)"),
                   display, member, local_error->message);
      return FALSE;
    }
  return TRUE;
}

/* xl/sharedStrings.xml: <si><t>text</t></si> or rich text
 * <si><r><t>a</t></r><r><t>b</t></r></si>; phonetic runs <rPh> are not part
 * of the value. */
typedef struct {
  GPtrArray *strings;
  GString   *current;  /* non-NULL inside <si> */
  gboolean   in_t;
  int        rph_depth;
} SharedStrings;

static void
ss_start (GMarkupParseContext  *ctx,
          const char           *element,
          const char          **names,
          const char          **values,
          gpointer              user_data,
          GError              **error)
{
  SharedStrings *ss = user_data;
  const char *name = local_name (element);

  if (strcmp (name, "si") == 0)
    ss->current = g_string_new (NULL);
  else if (strcmp (name, "rPh") == 0)
    ss->rph_depth++;
  else if (strcmp (name, "t") == 0 && ss->current != NULL && ss->rph_depth == 0)
    ss->in_t = TRUE;
}

static void
ss_end (GMarkupParseContext  *ctx,
        const char           *element,
        gpointer              user_data,
        GError              **error)
{
  SharedStrings *ss = user_data;
  const char *name = local_name (element);

  if (strcmp (name, "si") == 0 && ss->current != NULL)
    g_ptr_array_add (ss->strings, g_string_free (g_steal_pointer (&ss->current), FALSE));
  else if (strcmp (name, "rPh") == 0)
    ss->rph_depth--;
  else if (strcmp (name, "t") == 0)
    ss->in_t = FALSE;
}

static void
ss_text (GMarkupParseContext  *ctx,
         const char           *text,
         gsize                 len,
         gpointer              user_data,
         GError              **error)
{
  SharedStrings *ss = user_data;

  if (ss->in_t && ss->current != NULL)
    g_string_append_len (ss->current, text, len);
}

/* xl/workbook.xml + xl/_rels/workbook.xml.rels: the part of the first sheet
 * in tab order, which need not be sheet1.xml once sheets were reordered. */
typedef struct {
  char *first_sheet_rid;
  GHashTable *targets;  /* relationship id → target */
} Workbook;

static void
wb_start (GMarkupParseContext  *ctx,
          const char           *element,
          const char          **names,
          const char          **values,
          gpointer              user_data,
          GError              **error)
{
  Workbook *wb = user_data;
  const char *name = local_name (element);

  if (strcmp (name, "sheet") == 0 && wb->first_sheet_rid == NULL)
    {
      for (guint i = 0; names[i] != NULL; i++)
        if (strcmp (local_name (names[i]), "id") == 0 && strchr (names[i], ':') != NULL)
          wb->first_sheet_rid = g_strdup (values[i]);
    }
  else if (strcmp (name, "Relationship") == 0)
    {
      const char *id = find_attribute ("Id", names, values);
      const char *target = find_attribute ("Target", names, values);

      if (id != NULL && target != NULL)
        g_hash_table_replace (wb->targets, g_strdup (id), g_strdup (target));
    }
}

static char *
first_sheet_member (unzFile      zip,
                    const char  *display,
                    GError     **error)
{
  static const GMarkupParser parser = { wb_start, NULL, NULL, NULL, NULL };
  g_autoptr(GBytes) workbook = NULL;
  g_autoptr(GBytes) rels = NULL;
  Workbook wb = { NULL, NULL };
  const char *target;
  char *member = NULL;

  workbook = read_zip_member (zip, "xl/workbook.xml", display, error);
  if (workbook == NULL)
    return NULL;
  rels = read_zip_member (zip, "xl/_rels/workbook.xml.rels", display, error);
  if (rels == NULL)
    return NULL;

  wb.targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (parse_xml (workbook, &parser, &wb, "xl/workbook.xml", display, error) &&
      parse_xml (rels, &parser, &wb, "xl/_rels/workbook.xml.rels", display, error) &&
      wb.first_sheet_rid != NULL &&
      (target = g_hash_table_lookup (wb.targets, wb.first_sheet_rid)) != NULL)
    {
      /* Targets are relative to xl/, or absolute within the package. */
      if (target[0] == '/')
        member = g_strdup (target + 1);
      else
        member = g_strconcat ("xl/", target, NULL);
    }

  g_free (wb.first_sheet_rid);
  g_hash_table_unref (wb.targets);
  return member;
}

/* The worksheet: <row r="3"><c r="B3" t="s"><v>0</v></c>…</row>.  Cells may
 * be missing (empty), so columns come from the r reference. */
typedef struct {
  GPtrArray *rows;      /* Row * */
  GPtrArray *shared;    /* shared strings, borrowed */
  Row       *row;       /* current */
  guint      last_row;
  guint      column;    /* 0-based column of the current cell */
  char      *type;      /* t attribute of the current cell */
  GString   *value;     /* text of <v> or of <is><t> */
  gboolean   in_value;
  gboolean   in_cell;
} Sheet;

/* "BC12" → column 54 (0-based), or -1. */
static int
column_of_reference (const char *ref)
{
  int col = 0;
  const char *p = ref;

  while (g_ascii_isalpha (*p))
    {
      col = col * 26 + (g_ascii_toupper (*p) - 'A' + 1);
      if (col > 16384)
        return -1;
      p++;
    }
  return p > ref ? col - 1 : -1;
}

/* Numbers are written as the shortest round-trip text, e.g. 2010301 or
 * 2.010301E6 for a code a bureau stored as a number; give integers back
 * in plain digits, since that is how codes are meant. */
static char *
number_text (const char *raw)
{
  char *end = NULL;
  double v = g_ascii_strtod (raw, &end);

  if (end != raw && *end == '\0' && v == (double) (gint64) v &&
      v > -1e15 && v < 1e15)
    return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) v);
  return g_strdup (raw);
}

static void
sheet_start (GMarkupParseContext  *ctx,
             const char           *element,
             const char          **names,
             const char          **values,
             gpointer              user_data,
             GError              **error)
{
  Sheet *sh = user_data;
  const char *name = local_name (element);

  if (strcmp (name, "row") == 0)
    {
      const char *r = find_attribute ("r", names, values);
      guint number = sh->last_row + 1;

      if (r != NULL)
        {
          guint64 n = g_ascii_strtoull (r, NULL, 10);
          if (n > 0 && n < G_MAXUINT)
            number = (guint) n;
        }
      sh->row = row_new (number);
      sh->last_row = number;
      sh->column = 0;
      g_ptr_array_add (sh->rows, sh->row);
    }
  else if (strcmp (name, "c") == 0 && sh->row != NULL)
    {
      const char *r = find_attribute ("r", names, values);
      int col = r != NULL ? column_of_reference (r) : -1;

      sh->column = col >= 0 ? (guint) col : sh->row->cells->len;
      g_free (sh->type);
      sh->type = g_strdup (find_attribute ("t", names, values));
      g_string_truncate (sh->value, 0);
      sh->in_cell = TRUE;
    }
  else if ((strcmp (name, "v") == 0 || strcmp (name, "t") == 0) && sh->in_cell)
    sh->in_value = TRUE;
}

static void
sheet_end (GMarkupParseContext  *ctx,
           const char           *element,
           gpointer              user_data,
           GError              **error)
{
  Sheet *sh = user_data;
  const char *name = local_name (element);

  if (strcmp (name, "v") == 0 || strcmp (name, "t") == 0)
    sh->in_value = FALSE;
  else if (strcmp (name, "c") == 0 && sh->in_cell)
    {
      char *text;

      sh->in_cell = FALSE;
      if (g_strcmp0 (sh->type, "s") == 0)
        {
          guint64 index = g_ascii_strtoull (sh->value->str, NULL, 10);

          if (sh->value->len == 0 || index >= sh->shared->len)
            {
              g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                           _("row %u refers to a missing shared string"), sh->row->number);
              return;
            }
          text = g_strdup (g_ptr_array_index (sh->shared, index));
        }
      else if (sh->type == NULL || strcmp (sh->type, "n") == 0)
        text = number_text (sh->value->str);
      else
        text = g_strdup (sh->value->str);  /* inlineStr, str (formula), b, e */

      while (sh->row->cells->len < sh->column)
        g_ptr_array_add (sh->row->cells, g_strdup (""));
      if (sh->column < sh->row->cells->len)
        {
          g_free (sh->row->cells->pdata[sh->column]);
          sh->row->cells->pdata[sh->column] = text;
        }
      else
        g_ptr_array_add (sh->row->cells, text);
    }
  else if (strcmp (name, "row") == 0)
    sh->row = NULL;
}

static void
sheet_text (GMarkupParseContext  *ctx,
            const char           *text,
            gsize                 len,
            gpointer              user_data,
            GError              **error)
{
  Sheet *sh = user_data;

  if (sh->in_value)
    g_string_append_len (sh->value, text, len);
}

static GPtrArray *
read_xlsx_rows (const char  *path,
                const char  *display,
                GError     **error)
{
  static const GMarkupParser ss_parser = { ss_start, ss_end, ss_text, NULL, NULL };
  static const GMarkupParser sheet_parser = { sheet_start, sheet_end, sheet_text, NULL, NULL };
  g_autoptr(GBytes) strings_xml = NULL;
  g_autoptr(GBytes) sheet_xml = NULL;
  g_autoptr(GPtrArray) shared = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *member = NULL;
  SharedStrings ss = { NULL, NULL, FALSE, 0 };
  Sheet sh = { NULL, NULL, NULL, 0, 0, NULL, NULL, FALSE, FALSE };
  gboolean ok;
  unzFile zip;

  zip = unzOpen64 (path);
  if (zip == NULL)
    {
      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        g_set_error (error, YS_CATALOG_ERROR, YS_CATALOG_ERROR_READ,
                     _("Cannot read “%s”: no such file"), display);
      else
        g_set_error (error, YS_CATALOG_ERROR, YS_CATALOG_ERROR_FORMAT,
                     _("“%s” is not an xlsx workbook (it is not a zip archive)"), display);
      return NULL;
    }

  member = first_sheet_member (zip, display, &local_error);
  if (local_error != NULL)
    {
      unzClose (zip);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (member == NULL)
    member = g_strdup ("xl/worksheets/sheet1.xml");

  /* A workbook holding only numbers has no shared strings part. */
  strings_xml = read_zip_member (zip, "xl/sharedStrings.xml", display, &local_error);
  if (local_error == NULL)
    sheet_xml = read_zip_member (zip, member, display, &local_error);
  unzClose (zip);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (sheet_xml == NULL)
    {
      g_set_error (error, YS_CATALOG_ERROR, YS_CATALOG_ERROR_FORMAT,
                   _("“%s” is not an xlsx workbook (it has no worksheet)"), display);
      return NULL;
    }

  if (strings_xml != NULL)
    {
      ss.strings = shared;
      ok = parse_xml (strings_xml, &ss_parser, &ss, "xl/sharedStrings.xml", display, error);
      if (ss.current != NULL)
        g_string_free (ss.current, TRUE);
      if (!ok)
        return NULL;
    }

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  sh.rows = rows;
  sh.shared = shared;
  sh.value = g_string_new (NULL);
  ok = parse_xml (sheet_xml, &sheet_parser, &sh, member, display, error);
  g_string_free (sh.value, TRUE);
  g_free (sh.type);
  if (!ok)
    return NULL;

  return g_steal_pointer (&rows);
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
  g_autoptr(GPtrArray) rows = NULL;
  gboolean xlsx = FALSE;
  char magic[8] = { 0 };
  FILE *f;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display = g_filename_display_basename (path);

  /* Decide by content, not only by name: bureaus rename files freely. */
  f = g_fopen (path, "rb");
  if (f != NULL)
    {
      size_t n = fread (magic, 1, sizeof magic, f);
      fclose (f);
      if (n >= 4 && memcmp (magic, "PK\x03\x04", 4) == 0)
        xlsx = TRUE;
      else if (n >= 4 && memcmp (magic, "\xD0\xCF\x11\xE0", 4) == 0)
        {
          g_set_error (error, YS_CATALOG_ERROR, YS_CATALOG_ERROR_FORMAT,
                       _("“%s” is an old Excel 97–2003 (.xls) file; open it in a "
                         "spreadsheet program and save it as .xlsx or CSV"), display);
          return NULL;
        }
    }
  else if (has_extension (path, ".xlsx"))
    xlsx = TRUE;  /* let the xlsx reader report the missing file */

  rows = xlsx ? read_xlsx_rows (path, display, error) : read_csv_rows (path, display, error);
  if (rows == NULL)
    return NULL;

  return entries_from_rows (rows, display, xlsx, error);
}
