/* ys-workbook-zip.c: the parts of an xlsx package, inflated under limits.
 *
 * A zip bomb is a small archive whose parts inflate to gigabytes.  Each part
 * may inflate to at most PART_RATIO times its compressed size (never less
 * than PART_FLOOR, never more than PART_MAX), and all parts together to
 * TOTAL_RATIO times the archive (between TOTAL_FLOOR and TOTAL_MAX).  The
 * sizes an archive declares are checked first, then the bytes actually
 * inflated are counted, since a hostile archive may declare anything.
 * Parts are parsed as they inflate, so the XML is never held whole. */
#include "config.h"

#include <string.h>

#include "ys-workbook-private.h"

#define PART_FLOOR   (4u * 1024 * 1024)
#define PART_MAX     (256u * 1024 * 1024)
#define PART_RATIO   200u
#define TOTAL_FLOOR  (16u * 1024 * 1024)
#define TOTAL_MAX    (512u * 1024 * 1024)
#define TOTAL_RATIO  200u
#define MAX_ENTRIES  10000u
#define MAX_DEPTH    64u
#define CHUNK        65536u

typedef struct {
  const guint8 *data;
  gsize         len;
  gsize         pos;
} MemStream;

struct _YsZip {
  unzFile   unz;
  GBytes   *bytes;
  char     *display;
  guint64   inflated;   /* bytes of every part so far */
  guint64   total_limit;
};

/* ---- minizip over memory ---------------------------------------------------- */

static voidpf ZCALLBACK
mem_open (voidpf opaque, const void *filename, int mode)
{
  MemStream *stream = g_new0 (MemStream, 1);
  *stream = *(MemStream *) opaque;
  stream->pos = 0;
  return stream;
}

static uLong ZCALLBACK
mem_read (voidpf opaque, voidpf s, void *buf, uLong size)
{
  MemStream *stream = s;
  gsize n = MIN ((gsize) size, stream->len - stream->pos);

  memcpy (buf, stream->data + stream->pos, n);
  stream->pos += n;
  return (uLong) n;
}

static uLong ZCALLBACK
mem_write (voidpf opaque, voidpf s, const void *buf, uLong size)
{
  return 0;
}

static ZPOS64_T ZCALLBACK
mem_tell (voidpf opaque, voidpf s)
{
  return ((MemStream *) s)->pos;
}

static long ZCALLBACK
mem_seek (voidpf opaque, voidpf s, ZPOS64_T offset, int origin)
{
  MemStream *stream = s;
  guint64 base;

  switch (origin)
    {
    case ZLIB_FILEFUNC_SEEK_SET: base = 0; break;
    case ZLIB_FILEFUNC_SEEK_CUR: base = stream->pos; break;
    case ZLIB_FILEFUNC_SEEK_END: base = stream->len; break;
    default: return -1;
    }
  if (offset > stream->len || base + offset > stream->len)
    return -1;
  stream->pos = (gsize) (base + offset);
  return 0;
}

static int ZCALLBACK
mem_close (voidpf opaque, voidpf s)
{
  g_free (s);
  return 0;
}

static int ZCALLBACK
mem_error (voidpf opaque, voidpf s)
{
  return 0;
}

YsZip *
ys_zip_open (GBytes      *bytes,
             const char  *display,
             GError     **error)
{
  MemStream source = { 0 };
  zlib_filefunc64_def funcs = {
    mem_open, mem_read, mem_write, mem_tell, mem_seek, mem_close, mem_error, &source
  };
  unz_global_info64 global;
  YsZip *zip;
  unzFile unz;

  source.data = g_bytes_get_data (bytes, &source.len);
  /* minizip copies the stream at open (mem_open), so @source may go. */
  unz = unzOpen2_64 ("memory", &funcs);
  if (unz == NULL)
    {
      g_set_error (error, YS_WORKBOOK_ERROR, YS_WORKBOOK_ERROR_FORMAT,
                   _("“%s” is not a complete zip archive (the file is damaged or cut short)"),
                   display);
      return NULL;
    }
  if (unzGetGlobalInfo64 (unz, &global) != UNZ_OK || global.number_entry > MAX_ENTRIES)
    {
      unzClose (unz);
      g_set_error (error, YS_WORKBOOK_ERROR, YS_WORKBOOK_ERROR_TOO_LARGE,
                   _("“%s” holds more than %u files, more than a workbook has"),
                   display, MAX_ENTRIES);
      return NULL;
    }

  zip = g_new0 (YsZip, 1);
  zip->unz = unz;
  zip->bytes = g_bytes_ref (bytes);
  zip->display = g_strdup (display);
  zip->total_limit = CLAMP ((guint64) source.len * TOTAL_RATIO, TOTAL_FLOOR, TOTAL_MAX);
  return zip;
}

void
ys_zip_close (YsZip *zip)
{
  if (zip == NULL)
    return;
  unzClose (zip->unz);
  g_bytes_unref (zip->bytes);
  g_free (zip->display);
  g_free (zip);
}

/* ---- XML under guard --------------------------------------------------------- */

typedef struct {
  const GMarkupParser *inner;
  gpointer             inner_data;
  guint                depth;
} Guard;

static void
guard_start (GMarkupParseContext *ctx, const char *element, const char **names,
             const char **values, gpointer data, GError **error)
{
  Guard *g = data;

  if (++g->depth > MAX_DEPTH)
    {
      g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                   _("elements are nested more than %u deep"), MAX_DEPTH);
      return;
    }
  if (g->inner->start_element != NULL)
    g->inner->start_element (ctx, element, names, values, g->inner_data, error);
}

static void
guard_end (GMarkupParseContext *ctx, const char *element, gpointer data, GError **error)
{
  Guard *g = data;

  g->depth--;
  if (g->inner->end_element != NULL)
    g->inner->end_element (ctx, element, g->inner_data, error);
}

static void
guard_text (GMarkupParseContext *ctx, const char *text, gsize len, gpointer data,
            GError **error)
{
  Guard *g = data;

  if (g->inner->text != NULL)
    g->inner->text (ctx, text, len, g->inner_data, error);
}

/* Comments, processing instructions, CDATA and DOCTYPE come here.  GMarkup
 * never expands entities, but a declaration in a spreadsheet part is only
 * ever there to attack a reader, so it is refused outright. */
static void
guard_passthrough (GMarkupParseContext *ctx, const char *text, gsize len, gpointer data,
                   GError **error)
{
  Guard *g = data;

  if ((len >= 9 && g_ascii_strncasecmp (text, "<!DOCTYPE", 9) == 0) ||
      (len >= 8 && g_ascii_strncasecmp (text, "<!ENTITY", 8) == 0))
    {
      g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                   _("it declares a DOCTYPE or entities, which a workbook never needs"));
      return;
    }
  /* CDATA is text to the reader of a value. */
  if (len >= 12 && strncmp (text, "<![CDATA[", 9) == 0 && g->inner->text != NULL)
    g->inner->text (ctx, text + 9, len - 12, g->inner_data, error);
}

static const GMarkupParser guard_parser = {
  guard_start, guard_end, guard_text, guard_passthrough, NULL
};

static gboolean
fail_damaged (YsZip *zip, const char *name, GError **error)
{
  g_set_error (error, YS_WORKBOOK_ERROR, YS_WORKBOOK_ERROR_FORMAT,
               _("“%s”: the part %s cannot be unpacked (the file is damaged)"),
               zip->display, name);
  return FALSE;
}

static gboolean
fail_too_large (YsZip *zip, const char *name, guint64 limit, GError **error)
{
  g_set_error (error, YS_WORKBOOK_ERROR, YS_WORKBOOK_ERROR_TOO_LARGE,
               _("“%s”: the part %s unpacks to more than %u MB, far more than its packed "
                 "size allows for a real workbook (a “zip bomb”)"),
               zip->display, name, (guint) MAX (limit >> 20, 1));
  return FALSE;
}

gboolean
ys_zip_parse_part (YsZip                *zip,
                   const char           *name,
                   const GMarkupParser  *parser,
                   gpointer              user_data,
                   gboolean             *found,
                   GError              **error)
{
  g_autoptr(GMarkupParseContext) ctx = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree guint8 *chunk = NULL;
  Guard guard = { parser, user_data, 0 };
  unz_file_info64 info;
  guint64 part_limit, read = 0;
  int n, status;

  *found = FALSE;
  /* 2: case-insensitive, as some generators spell the paths otherwise. */
  if (unzLocateFile (zip->unz, name, 2) != UNZ_OK)
    return TRUE;
  *found = TRUE;

  if (unzGetCurrentFileInfo64 (zip->unz, &info, NULL, 0, NULL, 0, NULL, 0) != UNZ_OK)
    return fail_damaged (zip, name, error);
  if (info.flag & 1)
    {
      g_set_error (error, YS_WORKBOOK_ERROR, YS_WORKBOOK_ERROR_FORMAT,
                   _("“%s” is encrypted (protected by a password); save it without a "
                     "password first"), zip->display);
      return FALSE;
    }

  part_limit = MIN (info.compressed_size, g_bytes_get_size (zip->bytes));
  part_limit = CLAMP (part_limit * PART_RATIO, PART_FLOOR, PART_MAX);
  if (info.uncompressed_size > part_limit)
    return fail_too_large (zip, name, part_limit, error);
  if (zip->inflated + info.uncompressed_size > zip->total_limit)
    return fail_too_large (zip, name, zip->total_limit, error);
  if (info.uncompressed_size == 0)
    {
      g_set_error (error, YS_WORKBOOK_ERROR, YS_WORKBOOK_ERROR_FORMAT,
                   _("“%s”: the part %s is empty (the file is damaged)"), zip->display, name);
      return FALSE;
    }
  if (unzOpenCurrentFile (zip->unz) != UNZ_OK)
    return fail_damaged (zip, name, error);

  ctx = g_markup_parse_context_new (&guard_parser, 0, &guard, NULL);
  chunk = g_malloc (CHUNK);
  while ((n = unzReadCurrentFile (zip->unz, chunk, CHUNK)) > 0)
    {
      read += (guint) n;
      zip->inflated += (guint) n;
      if (read > part_limit || zip->inflated > zip->total_limit)
        {
          unzCloseCurrentFile (zip->unz);
          return fail_too_large (zip, name, read > part_limit ? part_limit : zip->total_limit,
                                 error);
        }
      if (!g_markup_parse_context_parse (ctx, (const char *) chunk, n, &local_error))
        break;
    }
  status = unzCloseCurrentFile (zip->unz);

  if (local_error == NULL && (n < 0 || status != UNZ_OK || read != info.uncompressed_size))
    return fail_damaged (zip, name, error);
  if (local_error == NULL)
    g_markup_parse_context_end_parse (ctx, &local_error);
  if (local_error != NULL)
    {
      /* A reader's own refusal is already a workbook error naming the cell. */
      if (local_error->domain == YS_WORKBOOK_ERROR)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, YS_WORKBOOK_ERROR, YS_WORKBOOK_ERROR_FORMAT,
                     _("“%s”: the part %s cannot be read: %s"),
                     zip->display, name, local_error->message);
      return FALSE;
    }
  return TRUE;
}
