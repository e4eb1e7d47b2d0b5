/* ys-workbook-xlsx.c: an xlsx package, found the way Excel finds it.
 *
 * [Content_Types].xml says what each part is; _rels/.rels names the workbook
 * part, whose content type must be a spreadsheet's; the workbook lists the
 * sheets in tab order, each naming its part through the workbook's
 * relationships (sheet1.xml need not be the first tab once sheets were
 * moved).  Shared strings and styles (for dates) are read before the sheets. */
#include "config.h"

#include <string.h>

#include "ys-workbook-private.h"

static const char *const spreadsheet_types[] = {
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",
  "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
  "application/vnd.ms-excel.template.macroEnabled.main+xml",
};

/* ---- paths ------------------------------------------------------------------ */

/* A relationship target, relative to the folder of the part that names it,
 * or absolute in the package; "." and ".." resolved, never above the root. */
static char *
resolve_target (const char *base_part,
                const char *target)
{
  g_autoptr(GPtrArray) segments = g_ptr_array_new ();
  g_autofree char *joined = NULL;
  g_auto(GStrv) parts = NULL;
  GString *out = g_string_new (NULL);

  if (target[0] == '/')
    joined = g_strdup (target + 1);
  else
    {
      const char *slash = strrchr (base_part, '/');
      joined = slash != NULL ? g_strdup_printf ("%.*s/%s", (int) (slash - base_part),
                                                base_part, target)
                             : g_strdup (target);
    }
  parts = g_strsplit (joined, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (parts[i][0] == '\0' || strcmp (parts[i], ".") == 0)
        continue;
      if (strcmp (parts[i], "..") == 0)
        {
          if (segments->len > 0)
            g_ptr_array_set_size (segments, segments->len - 1);
          continue;
        }
      g_ptr_array_add (segments, parts[i]);
    }
  for (guint i = 0; i < segments->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, '/');
      g_string_append (out, segments->pdata[i]);
    }
  return g_string_free (out, FALSE);
}

/* xl/workbook.xml → xl/_rels/workbook.xml.rels */
static char *
rels_part (const char *part)
{
  const char *slash = strrchr (part, '/');

  if (slash == NULL)
    return g_strdup_printf ("_rels/%s.rels", part);
  return g_strdup_printf ("%.*s/_rels/%s.rels", (int) (slash - part), part, slash + 1);
}

/* ---- small parts -------------------------------------------------------------- */

typedef struct {
  GHashTable *defaults;   /* lower-case extension → content type */
  GHashTable *overrides;  /* lower-case part name without "/" → content type */
} ContentTypes;

static void
types_start (GMarkupParseContext *c, const char *element, const char **names,
             const char **values, gpointer data, GError **error)
{
  ContentTypes *ct = data;
  const char *name = ys_xml_local_name (element);
  const char *type = ys_xml_attribute ("ContentType", names, values);
  const char *key;

  if (type == NULL)
    return;
  if (strcmp (name, "Default") == 0 && (key = ys_xml_attribute ("Extension", names, values)))
    g_hash_table_replace (ct->defaults, g_ascii_strdown (key, -1), g_strdup (type));
  else if (strcmp (name, "Override") == 0 && (key = ys_xml_attribute ("PartName", names, values)))
    g_hash_table_replace (ct->overrides, g_ascii_strdown (key[0] == '/' ? key + 1 : key, -1),
                          g_strdup (type));
}

static const char *
content_type_of (ContentTypes *ct,
                 const char   *part)
{
  g_autofree char *lower = g_ascii_strdown (part, -1);
  const char *type = g_hash_table_lookup (ct->overrides, lower);
  const char *dot = strrchr (lower, '.');

  if (type == NULL && dot != NULL)
    type = g_hash_table_lookup (ct->defaults, dot + 1);
  return type;
}

typedef struct {
  char *id, *type, *target;
} Relationship;

static void
relationship_free (Relationship *r)
{
  g_free (r->id);
  g_free (r->type);
  g_free (r->target);
  g_free (r);
}

static void
rels_start (GMarkupParseContext *c, const char *element, const char **names,
            const char **values, gpointer data, GError **error)
{
  GPtrArray *rels = data;
  const char *id = ys_xml_attribute ("Id", names, values);
  const char *type = ys_xml_attribute ("Type", names, values);
  const char *target = ys_xml_attribute ("Target", names, values);
  const char *mode = ys_xml_attribute ("TargetMode", names, values);
  Relationship *r;

  if (strcmp (ys_xml_local_name (element), "Relationship") != 0 || id == NULL ||
      type == NULL || target == NULL || g_strcmp0 (mode, "External") == 0)
    return;
  if (rels->len >= 4 * YS_WORKBOOK_MAX_SHEETS)
    {
      g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                   _("it lists more than %u relationships"), 4 * YS_WORKBOOK_MAX_SHEETS);
      return;
    }
  r = g_new0 (Relationship, 1);
  r->id = g_strdup (id);
  r->type = g_strdup (type);
  r->target = g_strdup (target);
  g_ptr_array_add (rels, r);
}

/* Transitional and Strict relationship types differ only before the last '/'. */
static Relationship *
find_relationship (GPtrArray  *rels,
                   const char *id,
                   const char *type_suffix)
{
  for (guint i = 0; i < rels->len; i++)
    {
      Relationship *r = rels->pdata[i];
      if ((id == NULL || strcmp (r->id, id) == 0) &&
          (type_suffix == NULL || g_str_has_suffix (r->type, type_suffix)))
        return r;
    }
  return NULL;
}

typedef struct {
  char     *name;
  char     *rid;
  gboolean  hidden;
} SheetRef;

static void
sheet_ref_free (SheetRef *s)
{
  g_free (s->name);
  g_free (s->rid);
  g_free (s);
}

typedef struct {
  GPtrArray *sheets;   /* SheetRef */
  gboolean   date1904;
} WorkbookPart;

static void
workbook_start (GMarkupParseContext *c, const char *element, const char **names,
                const char **values, gpointer data, GError **error)
{
  WorkbookPart *wb = data;
  const char *name = ys_xml_local_name (element);

  if (strcmp (name, "workbookPr") == 0)
    {
      const char *v = ys_xml_attribute ("date1904", names, values);
      wb->date1904 = v != NULL && (strcmp (v, "1") == 0 || g_ascii_strcasecmp (v, "true") == 0);
    }
  else if (strcmp (name, "sheet") == 0)
    {
      const char *state = ys_xml_attribute ("state", names, values);
      SheetRef *s;

      if (wb->sheets->len >= YS_WORKBOOK_MAX_SHEETS)
        {
          g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                       _("it lists more than %u sheets"), YS_WORKBOOK_MAX_SHEETS);
          return;
        }
      s = g_new0 (SheetRef, 1);
      s->name = g_strdup (ys_xml_attribute ("name", names, values));
      /* r:id — the only attribute named id, in the relationships namespace. */
      s->rid = g_strdup (ys_xml_attribute ("id", names, values));
      s->hidden = state != NULL && (strcmp (state, "hidden") == 0 ||
                                    strcmp (state, "veryHidden") == 0);
      g_ptr_array_add (wb->sheets, s);
    }
}

typedef struct {
  GHashTable *formats;     /* numFmtId → YsNumberKind, custom formats */
  GArray     *xf_kinds;
  gboolean    in_cell_xfs;
} StylesPart;

static void
styles_start (GMarkupParseContext *c, const char *element, const char **names,
              const char **values, gpointer data, GError **error)
{
  StylesPart *st = data;
  const char *name = ys_xml_local_name (element);
  const char *id = ys_xml_attribute ("numFmtId", names, values);
  guint64 n = 0;

  if (strcmp (name, "cellXfs") == 0)
    st->in_cell_xfs = TRUE;
  else if (strcmp (name, "numFmt") == 0 && id != NULL &&
           g_ascii_string_to_unsigned (id, 10, 0, G_MAXUINT, &n, NULL))
    g_hash_table_replace (st->formats, GUINT_TO_POINTER ((guint) n),
                          GINT_TO_POINTER (ys_workbook_format_kind (
                            ys_xml_attribute ("formatCode", names, values))));
  else if (strcmp (name, "xf") == 0 && st->in_cell_xfs)
    {
      YsNumberKind kind = YS_NUMBER_PLAIN;
      gpointer custom;

      if (id != NULL && g_ascii_string_to_unsigned (id, 10, 0, G_MAXUINT, &n, NULL))
        kind = g_hash_table_lookup_extended (st->formats, GUINT_TO_POINTER ((guint) n),
                                             NULL, &custom)
               ? (YsNumberKind) GPOINTER_TO_INT (custom)
               : ys_workbook_builtin_kind ((guint) n);
      g_array_append_val (st->xf_kinds, kind);
    }
}

static void
styles_end (GMarkupParseContext *c, const char *element, gpointer data, GError **error)
{
  if (strcmp (ys_xml_local_name (element), "cellXfs") == 0)
    ((StylesPart *) data)->in_cell_xfs = FALSE;
}

/* <si><t>text</t></si>, or rich text <si><r><t>a</t></r><r><t>b</t></r></si>;
 * phonetic runs <rPh> are not part of the value. */
typedef struct {
  GPtrArray  *strings;
  GString    *current;  /* inside <si> */
  gboolean    in_t;
  int         rph_depth;
} SharedPart;

static void
shared_start (GMarkupParseContext *c, const char *element, const char **names,
              const char **values, gpointer data, GError **error)
{
  SharedPart *sp = data;
  const char *name = ys_xml_local_name (element);

  if (strcmp (name, "si") == 0)
    {
      if (sp->strings->len >= YS_WORKBOOK_MAX_CELLS)
        {
          g_set_error (error, YS_WORKBOOK_ERROR, YS_WORKBOOK_ERROR_TOO_LARGE,
                       _("it holds more than %u strings"), YS_WORKBOOK_MAX_CELLS);
          return;
        }
      if (sp->current == NULL)
        sp->current = g_string_new (NULL);
      g_string_truncate (sp->current, 0);
    }
  else if (strcmp (name, "rPh") == 0)
    sp->rph_depth++;
  else if (strcmp (name, "t") == 0 && sp->current != NULL && sp->rph_depth == 0)
    sp->in_t = TRUE;
}

static void
shared_end (GMarkupParseContext *c, const char *element, gpointer data, GError **error)
{
  SharedPart *sp = data;
  const char *name = ys_xml_local_name (element);

  if (strcmp (name, "si") == 0 && sp->current != NULL)
    {
      g_ptr_array_add (sp->strings, g_strndup (sp->current->str, sp->current->len));
      g_string_free (g_steal_pointer (&sp->current), TRUE);
    }
  else if (strcmp (name, "rPh") == 0 && sp->rph_depth > 0)
    sp->rph_depth--;
  else if (strcmp (name, "t") == 0)
    sp->in_t = FALSE;
}

static void
shared_text (GMarkupParseContext *c, const char *text, gsize len, gpointer data,
             GError **error)
{
  SharedPart *sp = data;

  if (!sp->in_t || sp->current == NULL)
    return;
  if (sp->current->len + len > 32767u * 4)
    {
      g_set_error (error, YS_WORKBOOK_ERROR, YS_WORKBOOK_ERROR_TOO_LARGE,
                   _("string %u is longer than the 32,767 characters a cell can have"),
                   sp->strings->len + 1);
      return;
    }
  g_string_append_len (sp->current, text, len);
}

/* ---- the package -------------------------------------------------------------- */

static gboolean
parse_required (YsZip *zip, const char *display, const char *part,
                const GMarkupParser *parser, gpointer data, GError **error)
{
  gboolean found;

  if (!ys_zip_parse_part (zip, part, parser, data, &found, error))
    {
      /* Errors raised by a parser's own callbacks lack the file and part. */
      if (error != NULL && *error != NULL && (*error)->domain == YS_WORKBOOK_ERROR &&
          strstr ((*error)->message, display) == NULL)
        g_prefix_error (error, _("“%s”: the part %s: "), display, part);
      return FALSE;
    }
  if (!found)
    {
      g_set_error (error, YS_WORKBOOK_ERROR, YS_WORKBOOK_ERROR_FORMAT,
                   _("“%s”: the part %s is missing (the file is damaged)"), display, part);
      return FALSE;
    }
  return TRUE;
}

static char *
find_workbook_part (YsZip *zip, const char *display, GError **error)
{
  static const GMarkupParser types_parser = { types_start, NULL, NULL, NULL, NULL };
  static const GMarkupParser rels_parser = { rels_start, NULL, NULL, NULL, NULL };
  ContentTypes ct = {
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free),
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free),
  };
  g_autoptr(GPtrArray) rels = g_ptr_array_new_with_free_func ((GDestroyNotify) relationship_free);
  g_autofree char *part = NULL;
  const char *type;
  Relationship *office;
  gboolean found, ok;

  ok = ys_zip_parse_part (zip, "[Content_Types].xml", &types_parser, &ct, &found, error);
  if (ok && !found)
    g_set_error (error, YS_WORKBOOK_ERROR, YS_WORKBOOK_ERROR_FORMAT,
                 _("“%s” is a zip archive but not an Excel workbook: it has no "
                   "[Content_Types].xml part"), display);
  if (ok && found)
    ok = parse_required (zip, display, "_rels/.rels", &rels_parser, rels, error);
  if (ok && found)
    {
      office = find_relationship (rels, NULL, "/officeDocument");
      part = resolve_target ("", office != NULL ? office->target : "xl/workbook.xml");
      type = content_type_of (&ct, part);
      ok = FALSE;
      for (guint i = 0; i < G_N_ELEMENTS (spreadsheet_types); i++)
        if (g_strcmp0 (type, spreadsheet_types[i]) == 0)
          ok = TRUE;
      if (!ok)
        g_set_error (error, YS_WORKBOOK_ERROR, YS_WORKBOOK_ERROR_FORMAT,
                     _("“%s” is not an Excel workbook: its main part %s is of type “%s”, "
                       "not a spreadsheet (a Word or other document renamed .xlsx?)"),
                     display, part, type != NULL ? type : _("unknown"));
    }
  g_hash_table_unref (ct.defaults);
  g_hash_table_unref (ct.overrides);
  return ok && found ? g_steal_pointer (&part) : NULL;
}

YsWorkbook *
ys_workbook_read_xlsx (GBytes      *bytes,
                       const char  *display,
                       GError     **error)
{
  static const GMarkupParser rels_parser = { rels_start, NULL, NULL, NULL, NULL };
  static const GMarkupParser workbook_parser = { workbook_start, NULL, NULL, NULL, NULL };
  static const GMarkupParser styles_parser = { styles_start, styles_end, NULL, NULL, NULL };
  static const GMarkupParser shared_parser = { shared_start, shared_end, shared_text, NULL, NULL };
  g_autoptr(YsZip) zip = NULL;
  g_autoptr(GPtrArray) rels = g_ptr_array_new_with_free_func ((GDestroyNotify) relationship_free);
  g_autoptr(GPtrArray) shared = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) xf_kinds = g_array_new (FALSE, FALSE, sizeof (YsNumberKind));
  g_autoptr(YsWorkbook) book = NULL;
  g_autofree char *workbook = NULL;
  g_autofree char *workbook_rels = NULL;
  WorkbookPart wb = { g_ptr_array_new_with_free_func ((GDestroyNotify) sheet_ref_free), FALSE };
  YsXlsxContext ctx = { display, shared, xf_kinds, FALSE };
  Relationship *r;
  guint n_cells = 0;
  gboolean ok = FALSE;

  zip = ys_zip_open (bytes, display, error);
  if (zip == NULL || (workbook = find_workbook_part (zip, display, error)) == NULL)
    goto out;
  workbook_rels = rels_part (workbook);
  if (!parse_required (zip, display, workbook, &workbook_parser, &wb, error) ||
      !parse_required (zip, display, workbook_rels, &rels_parser, rels, error))
    goto out;
  ctx.date1904 = wb.date1904;

  if ((r = find_relationship (rels, NULL, "/styles")) != NULL)
    {
      g_autofree char *part = resolve_target (workbook, r->target);
      StylesPart st = { g_hash_table_new (NULL, NULL), xf_kinds, FALSE };
      ok = parse_required (zip, display, part, &styles_parser, &st, error);
      g_hash_table_unref (st.formats);
      if (!ok)
        goto out;
    }
  if ((r = find_relationship (rels, NULL, "/sharedStrings")) != NULL)
    {
      g_autofree char *part = resolve_target (workbook, r->target);
      SharedPart sp = { shared, NULL, FALSE, 0 };
      ok = parse_required (zip, display, part, &shared_parser, &sp, error);
      if (sp.current != NULL)
        g_string_free (sp.current, TRUE);
      if (!ok)
        goto out;
    }

  ok = FALSE;
  book = ys_workbook_new_empty ("xlsx");
  for (guint i = 0; i < wb.sheets->len; i++)
    {
      SheetRef *s = wb.sheets->pdata[i];
      g_autofree char *part = NULL;
      g_autofree char *name = s->name != NULL ? g_strdup (s->name)
                                              : g_strdup_printf ("Sheet%u", i + 1);
      YsSheetBuilder b;
      YsSheet *sheet;

      r = s->rid != NULL ? find_relationship (rels, s->rid, NULL) : NULL;
      if (r == NULL)
        {
          g_set_error (error, YS_WORKBOOK_ERROR, YS_WORKBOOK_ERROR_FORMAT,
                       _("“%s”, sheet “%s”: %s names no part for it (the file is damaged)"),
                       display, name, workbook_rels);
          goto out;
        }
      /* Chart sheets and dialog sheets hold no cells. */
      if (!g_str_has_suffix (r->type, "/worksheet"))
        continue;
      part = resolve_target (workbook, r->target);
      ys_sheet_builder_init (&b, name, &n_cells);
      b.hidden = s->hidden;
      sheet = ys_xlsx_read_sheet (zip, part, &ctx, &b, error)
              ? ys_sheet_builder_finish (&b, display, error) : NULL;
      ys_sheet_builder_clear (&b);
      if (sheet == NULL)
        goto out;
      g_ptr_array_add (book->sheets, sheet);
    }
  ok = TRUE;

out:
  g_ptr_array_unref (wb.sheets);
  return ok ? g_steal_pointer (&book) : NULL;
}
