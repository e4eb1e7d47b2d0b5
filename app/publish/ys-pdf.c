/* The publication as PDF: the laid-out pages drawn onto a cairo PDF surface,
 * each at its own size (portrait or landscape A4), with the title and
 * department in the document information. */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

#include "ys-pages.h"
#include "ys-publish-private.h"

/* The parts and sections as the PDF's bookmarks, sections under their part. */
static void
add_outline (cairo_surface_t *surface, YsPublication *pub, YsPages *pages)
{
  int part = CAIRO_PDF_OUTLINE_ROOT;
  guint h = 0;

  for (guint i = 0; i < pub->blocks->len; i++)
    {
      YsBlock *b = g_ptr_array_index (pub->blocks, i);
      g_autofree char *dest = NULL;
      int id;

      if (b->kind != YS_BLOCK_HEADING)
        continue;
      dest = g_strdup_printf ("page=%u", ys_pages_heading_page (pages, h++) + 1);
      id = cairo_pdf_surface_add_outline (surface, b->level == 1 ? CAIRO_PDF_OUTLINE_ROOT : part, b->text, dest,
                                          0);
      if (b->level == 1)
        part = id;
    }
}

gboolean
ys_publish_write_pdf (YsPublication *pub, const char *path, YsPublishProgress progress, gpointer user_data,
                      GCancellable *cancellable, GError **error)
{
  g_autofree char *tmp = ys_publish_temp_path (path, error);
  g_autoptr(YsPages) pages = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  gboolean cancelled = FALSE;

  if (tmp == NULL)
    return FALSE;
  pages = ys_pages_new (pub);
  /* Laying out is about a tenth of the work, drawing the pages the rest. */
  if (progress)
    progress (0.1, user_data);
  surface = cairo_pdf_surface_create (tmp, YS_PAGE_SHORT, YS_PAGE_LONG);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, pub->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, pub->department);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Yusuan " PACKAGE_VERSION);
  cr = cairo_create (surface);
  add_outline (surface, pub, pages);
  for (guint n = 0; n < ys_pages_count (pages) && !cancelled; n++)
    {
      gboolean landscape = ys_pages_is_landscape (pages, n);

      cairo_pdf_surface_set_size (surface, landscape ? YS_PAGE_LONG : YS_PAGE_SHORT,
                                  landscape ? YS_PAGE_SHORT : YS_PAGE_LONG);
      ys_pages_draw (pages, cr, n);
      cairo_show_page (cr);
      if (progress)
        progress (0.1 + 0.85 * (n + 1) / ys_pages_count (pages), user_data);
      cancelled = g_cancellable_set_error_if_cancelled (cancellable, error);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (cancelled)
    return ys_publish_commit (tmp, path, FALSE, NULL);
  if (status != CAIRO_STATUS_SUCCESS)
    g_set_error (error, YS_PUBLISH_ERROR, YS_PUBLISH_ERROR_WRITE, _("Cannot write “%s”: %s"), path,
                 cairo_status_to_string (status));
  return ys_publish_commit (tmp, path, status == CAIRO_STATUS_SUCCESS, error);
}
