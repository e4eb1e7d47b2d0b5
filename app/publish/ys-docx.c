/* The publication as a Word document (OOXML WordprocessingML), kept to the
 * standard parts every reader knows: content types, relationships, styles,
 * settings, one footer with the page number, core properties, the body and
 * the chart pictures. Headings use the built-in Heading 1/2 styles, so the
 * TOC field, the navigation pane and python-docx find them; Chinese text is
 * set in 宋体 (SimSun) and headings in 黑体 (SimHei) through the eastAsia
 * font attributes. Each page orientation is a section with its own sectPr. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <zip.h>

#include "ys-docx-private.h"
#include "ys-pages.h"

#define NS_W   "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NS_R   "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_WP  "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
#define REL    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
#define XML_HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

static const char content_types[] = XML_HEAD
  "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
  "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
  "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
  "<Default Extension=\"png\" ContentType=\"image/png\"/>"
  "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
  "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
  "<Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>"
  "<Override PartName=\"/word/footer1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
  "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
  "</Types>";

static const char package_rels[] = XML_HEAD
  "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
  "<Relationship Id=\"rId1\" Type=\"" REL "officeDocument\" Target=\"word/document.xml\"/>"
  "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
  "</Relationships>";

static const char settings[] = XML_HEAD
  "<w:settings xmlns:w=\"" NS_W "\"><w:defaultTabStop w:val=\"420\"/>"
  "<w:characterSpacingControl w:val=\"compressPunctuation\"/><w:compat>"
  "<w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/>"
  "</w:compat></w:settings>";

static const char footer[] = XML_HEAD
  "<w:ftr xmlns:w=\"" NS_W "\"><w:p><w:pPr><w:pStyle w:val=\"Footer\"/><w:jc w:val=\"center\"/></w:pPr>"
  "<w:r><w:t xml:space=\"preserve\">— </w:t></w:r>"
  "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>"
  "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
  "<w:r><w:t xml:space=\"preserve\"> —</w:t></w:r></w:p></w:ftr>";

/* Fonts: Latin text in Times New Roman, Chinese in 宋体; headings 黑体. */
#define FONTS(east) "<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"" east "\" w:cs=\"Times New Roman\"/>"
#define PARA_STYLE(id, name, extra_p, extra_r) \
  "<w:style w:type=\"paragraph\" w:styleId=\"" id "\"><w:name w:val=\"" name "\"/><w:basedOn w:val=\"Normal\"/>" \
  "<w:next w:val=\"Normal\"/><w:qFormat/><w:pPr>" extra_p "</w:pPr><w:rPr>" extra_r "</w:rPr></w:style>"

static const char styles[] = XML_HEAD
  "<w:styles xmlns:w=\"" NS_W "\">"
  "<w:docDefaults><w:rPrDefault><w:rPr>" FONTS ("宋体")
  "<w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/><w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\"/></w:rPr></w:rPrDefault>"
  "<w:pPrDefault><w:pPr><w:spacing w:after=\"0\" w:line=\"360\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>"
  "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/>"
  "<w:pPr><w:ind w:firstLineChars=\"200\" w:firstLine=\"480\"/><w:jc w:val=\"both\"/></w:pPr></w:style>"
  PARA_STYLE ("Heading1", "heading 1",
              "<w:keepNext/><w:pageBreakBefore/><w:spacing w:before=\"240\" w:after=\"360\"/><w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/><w:jc w:val=\"center\"/><w:outlineLvl w:val=\"0\"/>",
              FONTS ("黑体") "<w:b/><w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/>")
  PARA_STYLE ("Heading2", "heading 2",
              "<w:keepNext/><w:spacing w:before=\"240\" w:after=\"120\"/><w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/><w:outlineLvl w:val=\"1\"/>",
              FONTS ("黑体") "<w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/>")
  PARA_STYLE ("Title", "Title",
              "<w:spacing w:before=\"3600\" w:after=\"1200\"/><w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/><w:jc w:val=\"center\"/>",
              FONTS ("黑体") "<w:b/><w:sz w:val=\"52\"/><w:szCs w:val=\"52\"/>")
  PARA_STYLE ("YsCover", "Cover Line",
              "<w:spacing w:before=\"240\"/><w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/><w:jc w:val=\"center\"/>",
              "<w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/>")
  PARA_STYLE ("TOCHeading", "TOC Heading",
              "<w:spacing w:after=\"360\"/><w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/><w:jc w:val=\"center\"/>",
              FONTS ("黑体") "<w:b/><w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/>")
  PARA_STYLE ("TOC1", "toc 1", "<w:tabs><w:tab w:val=\"right\" w:leader=\"dot\" w:pos=\"9060\"/></w:tabs><w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/>", "")
  PARA_STYLE ("TOC2", "toc 2", "<w:tabs><w:tab w:val=\"right\" w:leader=\"dot\" w:pos=\"9060\"/></w:tabs><w:ind w:left=\"480\" w:firstLineChars=\"0\" w:firstLine=\"0\"/>", "")
  PARA_STYLE ("YsCaption", "Table Caption",
              "<w:keepNext/><w:spacing w:line=\"240\" w:lineRule=\"auto\"/><w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/>",
              "<w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/>")
  PARA_STYLE ("YsTableText", "Table Text", "<w:spacing w:line=\"240\" w:lineRule=\"auto\"/><w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/>",
              "<w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/>")
  PARA_STYLE ("YsNote", "Table Note", "<w:spacing w:before=\"60\" w:line=\"240\" w:lineRule=\"auto\"/><w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/>",
              "<w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/>")
  PARA_STYLE ("Footer", "footer", "<w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/>", "<w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/>")
  "<w:style w:type=\"table\" w:styleId=\"YsTable\"><w:name w:val=\"Budget Table\"/><w:tblPr>"
  "<w:tblBorders><w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
  "<w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/><w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
  "<w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/><w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
  "<w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/></w:tblBorders>"
  "<w:tblCellMar><w:left w:w=\"60\" w:type=\"dxa\"/><w:right w:w=\"60\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>"
  "</w:styles>";

/* A4 in twips, and the section properties of one orientation. */
static void
sect_pr (GString *x, gboolean landscape, gboolean footer_on, gboolean restart)
{
  g_string_append (x, "<w:sectPr>");
  if (footer_on)
    g_string_append (x, "<w:footerReference w:type=\"default\" r:id=\"rIdFooter\"/>");
  if (landscape)
    g_string_append (x, "<w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/>");
  else
    g_string_append (x, "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>");
  g_string_append_printf (x, "<w:pgMar w:top=\"%ld\" w:right=\"%ld\" w:bottom=\"%ld\" w:left=\"%ld\" "
                          "w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/>",
                          TWIPS (YS_MARGIN), TWIPS (YS_MARGIN), TWIPS (YS_MARGIN), TWIPS (YS_MARGIN));
  if (restart)
    g_string_append (x, "<w:pgNumType w:start=\"1\"/>");
  g_string_append (x, "</w:sectPr>");
}

/* Ends the section before this point: an empty paragraph carrying its sectPr. */
static void
end_section (GString *x, gboolean landscape, gboolean footer_on, gboolean restart)
{
  g_string_append (x, "<w:p><w:pPr><w:spacing w:line=\"20\" w:lineRule=\"exact\"/>");
  sect_pr (x, landscape, footer_on, restart);
  g_string_append (x, "</w:pPr></w:p>");
}

/* A paragraph; with @right, that text goes flush right at @width points. */
static void
paragraph_at (GString *x, const char *style, const char *text, const char *right, double width)
{
  g_string_append (x, "<w:p>");
  if (style && right)
    g_string_append_printf (x, "<w:pPr><w:pStyle w:val=\"%s\"/><w:tabs><w:tab w:val=\"right\" w:pos=\"%ld\"/></w:tabs></w:pPr>",
                            style, TWIPS (width));
  else if (style)
    g_string_append_printf (x, "<w:pPr><w:pStyle w:val=\"%s\"/></w:pPr>", style);
  if (text && *text)
    ys_docx_run (x, text, FALSE);
  if (right && *right)
    {
      g_string_append (x, "<w:r><w:tab/></w:r>");
      ys_docx_run (x, right, FALSE);
    }
  g_string_append (x, "</w:p>");
}

static void
paragraph (GString *x, const char *style, const char *text, const char *right)
{
  paragraph_at (x, style, text, right, YS_PAGE_SHORT - 2 * YS_MARGIN);
}

static void
heading (YsDocx *d, guint level, const char *text)
{
  guint id = ++d->bookmark;

  g_string_append_printf (d->xml, "<w:p><w:pPr><w:pStyle w:val=\"Heading%u\"/></w:pPr>"
                          "<w:bookmarkStart w:id=\"%u\" w:name=\"_Toc%u\"/>", level, id, id);
  ys_docx_run (d->xml, text, FALSE);
  g_string_append_printf (d->xml, "<w:bookmarkEnd w:id=\"%u\"/></w:p>", id);
}

/* The TOC field, its result filled with the headings, each entry's page
 * number a PAGEREF to the heading's bookmark. Until a word processor updates
 * the field (Word, WPS: 更新域), the numbers shown are those of the PDF
 * layout of the same publication, which has the same page breaks before
 * parts and orientation changes but its own line breaks. */
static void
contents (YsDocx *d, YsPublication *pub)
{
  g_autoptr(YsPages) pages = ys_pages_new (pub);
  GString *x = d->xml;
  guint id = 0;

  paragraph (x, "TOCHeading", "目　录", NULL);
  g_string_append (x, "<w:p><w:pPr><w:pStyle w:val=\"TOC1\"/></w:pPr>"
                   "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
                   "<w:r><w:instrText xml:space=\"preserve\"> TOC \\o \"1-2\" \\h \\z \\u </w:instrText></w:r>"
                   "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r></w:p>");
  for (guint i = 0; i < pub->blocks->len; i++)
    {
      YsBlock *b = g_ptr_array_index (pub->blocks, i);

      if (b->kind != YS_BLOCK_HEADING)
        continue;
      id++;
      g_string_append_printf (x, "<w:p><w:pPr><w:pStyle w:val=\"TOC%u\"/></w:pPr>", b->level);
      ys_docx_run (x, b->text, b->level == 1);
      g_string_append_printf (x, "<w:r><w:tab/></w:r><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
                              "<w:r><w:instrText xml:space=\"preserve\"> PAGEREF _Toc%u \\h </w:instrText></w:r>"
                              "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>%u</w:t></w:r>"
                              "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>", id, ys_pages_heading_page (pages, id - 1));
    }
  g_string_append (x, "<w:p><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>");
}

static void
body (YsDocx *d, YsPublication *pub)
{
  g_autofree char *year = g_strdup_printf ("%d年", pub->year);
  GString *x = d->xml;
  gboolean first = TRUE;

  /* The cover, a section of its own without a page number; a title longer
   * than a line (26 pt) breaks after the department's name. Tables alone
   * have neither cover nor contents. */
  if (!pub->bare)
    {
      if (ys_publish_text_ems (pub->title) * 26 > YS_PAGE_SHORT - 2 * YS_MARGIN && pub->department
          && g_str_has_prefix (pub->title, pub->department))
        {
          g_autofree char *two = g_strconcat (pub->department, "\n", pub->title + strlen (pub->department), NULL);
          paragraph (x, "Title", two, NULL);
        }
      else
        paragraph (x, "Title", pub->title, NULL);
      paragraph (x, "YsCover", pub->department, NULL);
      paragraph (x, "YsCover", year, NULL);
      end_section (x, FALSE, FALSE, FALSE);
      contents (d, pub);
    }

  for (guint i = 0; i < pub->blocks->len; i++)
    {
      YsBlock *b = g_ptr_array_index (pub->blocks, i);
      YsBlock *prev = i > 0 ? g_ptr_array_index (pub->blocks, i - 1) : NULL;
      double avail = (b->landscape ? YS_PAGE_LONG : YS_PAGE_SHORT) - 2 * YS_MARGIN;

      if (prev && b->landscape != prev->landscape)
        {
          end_section (x, prev->landscape, TRUE, first);
          first = FALSE;
        }
      switch (b->kind)
        {
        case YS_BLOCK_HEADING:
          heading (d, b->level, b->text);
          break;
        case YS_BLOCK_PARAGRAPH:
          paragraph (x, NULL, b->text, NULL);
          break;
        case YS_BLOCK_CAPTION:
          paragraph_at (x, "YsCaption", b->text, b->right, avail);
          break;
        case YS_BLOCK_NOTE:
          paragraph (x, "YsNote", b->text, NULL);
          break;
        case YS_BLOCK_TABLE:
          /* A table needs a row; the layouts always give one, even to an empty table. */
          if (b->table->header->len + b->table->rows->len > 0)
            ys_docx_table (d, b->table, avail);
          break;
        case YS_BLOCK_CHART:
          ys_docx_chart (d, ys_chart_data_get (pub->charts, b->chart), MIN (avail, 430));
          break;
        default:
          break;
        }
    }
  /* The last section's properties close the body. */
  sect_pr (x, pub->blocks->len > 0 && ((YsBlock *) g_ptr_array_index (pub->blocks, pub->blocks->len - 1))->landscape,
           TRUE, first);
}

static char *
document_xml (YsDocx *d)
{
  return g_strconcat (XML_HEAD "<w:document xmlns:w=\"" NS_W "\" xmlns:r=\"" NS_R "\" xmlns:wp=\"" NS_WP "\"><w:body>",
                      d->xml->str, "</w:body></w:document>", NULL);
}

static char *
document_rels (YsDocx *d)
{
  GString *x = g_string_new (XML_HEAD "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rIdStyles\" Type=\"" REL "styles\" Target=\"styles.xml\"/>"
    "<Relationship Id=\"rIdSettings\" Type=\"" REL "settings\" Target=\"settings.xml\"/>"
    "<Relationship Id=\"rIdFooter\" Type=\"" REL "footer\" Target=\"footer1.xml\"/>");

  for (guint i = 1; i <= d->media->len; i++)
    g_string_append_printf (x, "<Relationship Id=\"rIdMedia%u\" Type=\"" REL "image\" Target=\"media/chart%u.png\"/>", i, i);
  g_string_append (x, "</Relationships>");
  return g_string_free (x, FALSE);
}

static char *
core_xml (YsPublication *pub)
{
  GString *x = g_string_new (XML_HEAD "<cp:coreProperties "
    "xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
    "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
    "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>");
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");

  ys_docx_escape (x, pub->title);
  g_string_append (x, "</dc:title><dc:creator>");
  ys_docx_escape (x, pub->department);
  g_string_append_printf (x, "</dc:creator><dcterms:created xsi:type=\"dcterms:W3CDTF\">%s</dcterms:created>"
                          "</cp:coreProperties>", stamp);
  return g_string_free (x, FALSE);
}

static gboolean
add_part (zipFile zip, const char *name, const void *data, gsize len)
{
  zip_fileinfo info = { 0 };

  return zipOpenNewFileInZip (zip, name, &info, NULL, 0, NULL, 0, NULL, Z_DEFLATED, Z_DEFAULT_COMPRESSION) == ZIP_OK
      && zipWriteInFileInZip (zip, data, (unsigned) len) == ZIP_OK
      && zipCloseFileInZip (zip) == ZIP_OK;
}

gboolean
ys_publish_write_docx (YsPublication *pub, const char *path, YsPublishProgress progress, gpointer user_data,
                       GCancellable *cancellable, GError **error)
{
  YsDocx d = { g_string_new (NULL), g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref), 0, 0 };
  g_autofree char *tmp = ys_publish_temp_path (path, error);
  g_autofree char *doc = NULL, *rels = NULL, *core = NULL;
  zipFile zip;
  gboolean ok;

  if (tmp == NULL)
    goto fail;
  body (&d, pub);
  if (progress)
    progress (0.6, user_data);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      ys_publish_commit (tmp, path, FALSE, NULL);
      goto fail;
    }
  doc = document_xml (&d);
  rels = document_rels (&d);
  core = core_xml (pub);
  zip = zipOpen (tmp, APPEND_STATUS_CREATE);
  ok = zip != NULL
    && add_part (zip, "[Content_Types].xml", content_types, strlen (content_types))
    && add_part (zip, "_rels/.rels", package_rels, strlen (package_rels))
    && add_part (zip, "docProps/core.xml", core, strlen (core))
    && add_part (zip, "word/document.xml", doc, strlen (doc))
    && add_part (zip, "word/_rels/document.xml.rels", rels, strlen (rels))
    && add_part (zip, "word/styles.xml", styles, strlen (styles))
    && add_part (zip, "word/settings.xml", settings, strlen (settings))
    && add_part (zip, "word/footer1.xml", footer, strlen (footer));
  for (guint i = 0; ok && i < d.media->len; i++)
    {
      g_autofree char *name = g_strdup_printf ("word/media/chart%u.png", i + 1);
      gsize len;
      const void *data = g_bytes_get_data (g_ptr_array_index (d.media, i), &len);
      ok = add_part (zip, name, data, len);
    }
  if (zip != NULL && zipClose (zip, NULL) != ZIP_OK)
    ok = FALSE;
  if (!ok)
    g_set_error (error, YS_PUBLISH_ERROR, YS_PUBLISH_ERROR_WRITE, _("Cannot write “%s”"), path);
  if (!ys_publish_commit (tmp, path, ok, ok ? error : NULL))
    goto fail;
  g_string_free (d.xml, TRUE);
  g_ptr_array_unref (d.media);
  return TRUE;

fail:
  g_string_free (d.xml, TRUE);
  g_ptr_array_unref (d.media);
  return FALSE;
}
