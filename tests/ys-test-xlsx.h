/* Small xlsx packages written part by part, for the tests of hostile and
 * unusual workbooks: every part can be replaced, emptied or left out. */
#pragma once

#include <string.h>
#include <glib.h>
#include <zip.h>

#define YS_TEST_NS "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define YS_TEST_REL "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

static inline void
ys_test_zip_add (zipFile     zip,
                 const char *name,
                 const char *data,
                 gsize       len)
{
  zip_fileinfo info;

  memset (&info, 0, sizeof info);
  g_assert_cmpint (zipOpenNewFileInZip (zip, name, &info, NULL, 0, NULL, 0, NULL,
                                        Z_DEFLATED, Z_BEST_COMPRESSION), ==, ZIP_OK);
  if (len > 0)
    g_assert_cmpint (zipWriteInFileInZip (zip, data, (unsigned) len), ==, ZIP_OK);
  g_assert_cmpint (zipCloseFileInZip (zip), ==, ZIP_OK);
}

/* Writes an xlsx with one sheet "Sheet1".  The varargs are pairs of part
 * name and content ending with NULL: they replace the default parts
 * ([Content_Types].xml, _rels/.rels, xl/workbook.xml,
 * xl/_rels/workbook.xml.rels, xl/worksheets/sheet1.xml) or add parts; a NULL
 * content leaves the part out.  xl/sharedStrings.xml and xl/styles.xml,
 * when named, get their relationship. */
static inline void
ys_test_write_xlsx (const char *path,
                    ...)
{
  g_autoptr(GHashTable) parts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) order = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) rels = g_string_new (NULL);
  const char *name;
  gboolean shared = FALSE, styles = FALSE;
  va_list args;
  zipFile zip;

  va_start (args, path);
  while ((name = va_arg (args, const char *)) != NULL)
    {
      const char *content = va_arg (args, const char *);
      shared |= strcmp (name, "xl/sharedStrings.xml") == 0;
      styles |= strcmp (name, "xl/styles.xml") == 0;
      if (!g_hash_table_contains (parts, name))
        g_ptr_array_add (order, g_strdup (name));
      g_hash_table_replace (parts, g_strdup (name), g_strdup (content));
    }
  va_end (args);

  g_string_append (rels, "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                   "<Relationship Id=\"rId1\" Type=\"" YS_TEST_REL "/worksheet\" Target=\"worksheets/sheet1.xml\"/>");
  if (shared)
    g_string_append (rels, "<Relationship Id=\"rId2\" Type=\"" YS_TEST_REL "/sharedStrings\" Target=\"sharedStrings.xml\"/>");
  if (styles)
    g_string_append (rels, "<Relationship Id=\"rId3\" Type=\"" YS_TEST_REL "/styles\" Target=\"styles.xml\"/>");
  g_string_append (rels, "</Relationships>");

  {
    const char *defaults[][2] = {
      { "[Content_Types].xml",
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
        "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        "</Types>" },
      { "_rels/.rels",
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        "<Relationship Id=\"rId1\" Type=\"" YS_TEST_REL "/officeDocument\" Target=\"xl/workbook.xml\"/>"
        "</Relationships>" },
      { "xl/workbook.xml",
        "<workbook xmlns=\"" YS_TEST_NS "\" xmlns:r=\"" YS_TEST_REL "\">"
        "<sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>" },
      { "xl/_rels/workbook.xml.rels", rels->str },
      { "xl/worksheets/sheet1.xml",
        "<worksheet xmlns=\"" YS_TEST_NS "\"><sheetData/></worksheet>" },
    };
    for (guint i = 0; i < G_N_ELEMENTS (defaults); i++)
      if (!g_hash_table_contains (parts, defaults[i][0]))
        {
          g_ptr_array_insert (order, (int) i, g_strdup (defaults[i][0]));
          g_hash_table_insert (parts, g_strdup (defaults[i][0]), g_strdup (defaults[i][1]));
        }
  }

  zip = zipOpen64 (path, 0);
  g_assert_nonnull (zip);
  for (guint i = 0; i < order->len; i++)
    {
      const char *content = g_hash_table_lookup (parts, order->pdata[i]);
      if (content != NULL)
        ys_test_zip_add (zip, order->pdata[i], content, strlen (content));
    }
  g_assert_cmpint (zipClose (zip, NULL), ==, ZIP_OK);
}

/* A sheet part around @rows (the inside of <sheetData>) and @after. */
static inline char *
ys_test_sheet_xml (const char *rows,
                   const char *after)
{
  return g_strdup_printf ("<worksheet xmlns=\"" YS_TEST_NS "\"><sheetData>%s</sheetData>%s</worksheet>",
                          rows, after != NULL ? after : "");
}

/* A zip bomb as reported: about 256 KB that a sheet of 250 MB inflates from
 * (an element repeated, so the XML stays valid to the end). */
static inline void
ys_test_write_zip_bomb (const char *path)
{
  const gsize total = 250u * 1024 * 1024;
  const gsize chunk_len = 1024 * 1024;
  g_autofree char *chunk = g_malloc (chunk_len);
  const char *head = "<worksheet xmlns=\"" YS_TEST_NS "\"><sheetData>";
  const char *tail = "</sheetData></worksheet>";
  zip_fileinfo info;
  zipFile zip;

  for (gsize i = 0; i < chunk_len; i += 4)
    memcpy (chunk + i, "<x/>", 4);

  /* The other parts first, through the helper, then the sheet appended. */
  ys_test_write_xlsx (path, "xl/worksheets/sheet1.xml", NULL, NULL);
  zip = zipOpen64 (path, APPEND_STATUS_ADDINZIP);
  g_assert_nonnull (zip);
  memset (&info, 0, sizeof info);
  g_assert_cmpint (zipOpenNewFileInZip (zip, "xl/worksheets/sheet1.xml", &info, NULL, 0, NULL, 0,
                                        NULL, Z_DEFLATED, Z_BEST_COMPRESSION), ==, ZIP_OK);
  g_assert_cmpint (zipWriteInFileInZip (zip, head, (unsigned) strlen (head)), ==, ZIP_OK);
  for (gsize done = 0; done < total; done += chunk_len)
    g_assert_cmpint (zipWriteInFileInZip (zip, chunk, (unsigned) chunk_len), ==, ZIP_OK);
  g_assert_cmpint (zipWriteInFileInZip (zip, tail, (unsigned) strlen (tail)), ==, ZIP_OK);
  g_assert_cmpint (zipCloseFileInZip (zip), ==, ZIP_OK);
  g_assert_cmpint (zipClose (zip, NULL), ==, ZIP_OK);
}

/* Makes every size the archive declares for @part small, as a bomb that
 * lies about itself would: the reader must count what it inflates. */
static inline void
ys_test_zip_understate (char       *data,
                        gsize       len,
                        const char *part)
{
  gsize name_len = strlen (part);

  for (gsize i = 0; i + 46 < len; i++)
    {
      /* Local header: size at 22, name length at 26, name at 30. */
      if (memcmp (data + i, "PK\x03\x04", 4) == 0 && i + 30 + name_len <= len &&
          (guint8) data[i + 26] == (name_len & 0xff) && memcmp (data + i + 30, part, name_len) == 0)
        memcpy (data + i + 22, "\x00\x10\x00\x00", 4);
      /* Central directory: size at 24, name length at 28, name at 46. */
      if (memcmp (data + i, "PK\x01\x02", 4) == 0 && i + 46 + name_len <= len &&
          (guint8) data[i + 28] == (name_len & 0xff) && memcmp (data + i + 46, part, name_len) == 0)
        memcpy (data + i + 24, "\x00\x10\x00\x00", 4);
    }
}
