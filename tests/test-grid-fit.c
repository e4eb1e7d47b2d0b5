/* The record grid's column fit (ys-record-grid-fit.c) on the 政府购买服务
 * page, eleven columns before its amount: what the records ask of the
 * columns (a code whole, the amount whole) is read from them once, and a
 * change of the width shown only shares the width out again; an edit that
 * makes a code longer widens its column at once, and undoing it lets the
 * column narrow again at the next change of width.
 *
 * Needs a display: run-display-test.sh gives it a private X server. */
#include "config.h"

#include <adwaita.h>

#include "ys-core.h"
#include "ys-grid-page.h"
#include "ys-record-grid-private.h"
#include "ys-service.h"
#include "ys-test-util.h"

/* Longer than the width the page gives a level-1 code. */
#define LONG_CODE "A0102030405060708090102"

#define WAIT_LIMIT_US (20 * G_USEC_PER_SEC)

typedef struct
{
  char         *dir;
  YsDocument   *doc;
  GtkWidget    *window;
  GtkWidget    *beside;
  YsGridPage   *page;
  YsRecordGrid *grid;
  YsRecord     *service;
} Fixture;

/* Runs the main loop until the grid shows a width other than @before
 * (-1: any) and is fitted to it, then lets what that queued run. */
static void
settle_from (Fixture *f,
             int      before)
{
  GtkAdjustment *hadj = gtk_scrolled_window_get_hadjustment (f->grid->scroller);
  gint64 deadline = g_get_monotonic_time () + WAIT_LIMIT_US;

  for (;;)
    {
      int shown = (int) gtk_adjustment_get_page_size (hadj);

      if (f->grid->fit_idle == 0 && shown > 0 && shown == f->grid->fit_width && shown != before)
        break;
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (2000);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
    }
  for (int i = 0; i < 50 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

static void
settle (Fixture *f)
{
  settle_from (f, -1);
}

/* The grid @less pixels narrower than the window lets it be. */
static int
show_narrower (Fixture *f,
               int      less)
{
  GtkAdjustment *hadj = gtk_scrolled_window_get_hadjustment (f->grid->scroller);

  gtk_widget_set_size_request (f->beside, less, -1);
  settle_from (f, (int) gtk_adjustment_get_page_size (hadj));
  return (int) gtk_adjustment_get_page_size (hadj);
}

static Column *
column_titled (Fixture    *f,
               const char *title)
{
  for (guint i = 0; i < f->grid->columns->len; i++)
    if (g_str_equal (column_at (f->grid, i)->info.title, title))
      return column_at (f->grid, i);
  g_error ("no column %s", title);
}

static int
width_of (Column *col)
{
  return gtk_column_view_column_get_fixed_width (col->column);
}

static int
pixels_of (Fixture    *f,
           const char *text)
{
  g_autoptr (PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (f->grid->column_view), text);
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  GtkWidget *box;

  f->dir = ys_test_tmp_dir ();
  path = g_build_filename (f->dir, "fit.yusuan", NULL);
  f->doc = ys_test_small_document (path);
  /* Enough rows that the amount is read from more than one; one write. */
  g_assert_true (ys_document_begin_batch (f->doc, "services", NULL));
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *cat1 = g_strdup_printf ("C%u", i % 7);
      g_autofree char *amount = g_strdup_printf ("%u.00", 1000 + 37 * i);
      YsRecord *service = ys_test_record (&ys_service_kind, "unit_code", "103001", "project_code", "P1",
                                          "cat1_code", cat1, "cat1_name", "公共服务",
                                          "content", "物业管理服务", "source", "一般公共预算拨款",
                                          "amount", amount, NULL);

      if (i == 0)
        f->service = g_object_ref (service);
      ys_test_insert (f->doc, service);
    }
  g_assert_true (ys_document_end_batch (f->doc, NULL));

  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1100, 600);
  f->page = g_object_new (YS_TYPE_GRID_PAGE, "kind-name", "services", NULL);
  f->grid = ys_grid_page_get_grid (f->page);
  gtk_widget_set_hexpand (GTK_WIDGET (f->page), TRUE);
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (f->page));
  /* Takes width from the page, as the findings panel does. */
  f->beside = gtk_label_new (NULL);
  gtk_box_append (GTK_BOX (box), f->beside);
  gtk_window_set_child (GTK_WINDOW (f->window), box);
  ys_page_set_document (YS_PAGE (f->page), f->doc);
  gtk_window_present (GTK_WINDOW (f->window));
  settle (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->service);
  ys_document_close (f->doc);
  g_clear_object (&f->doc);
  ys_test_rm_rf (f->dir);
  g_free (f->dir);
}

static void
test_width_change_keeps_measures (Fixture       *f,
                                  gconstpointer  data)
{
  Column *content = column_titled (f, "Service Content");
  guint scans;
  int wide, narrow = 0;

  /* The first fit read the records: the unit's and project's codes and the
   * three levels of codes; the amounts when they are first needed, once
   * the columns before them are down to their least. */
  g_assert_cmpuint (f->grid->fit_scans, >=, 5);
  wide = width_of (content);
  show_narrower (f, 160);
  scans = f->grid->fit_scans;

  for (int i = 0; i < 8; i++)
    {
      int less = 160 - 40 * ((i + 1) % 5);
      int shown = show_narrower (f, less);

      g_test_message ("%d px shown: %d px for the service content", shown, width_of (content));
      g_assert_cmpuint (f->grid->fit_scans, ==, scans);
      if (less == 160)
        narrow = width_of (content);
    }
  /* The columns were fitted again all the same: the shared one gave up
   * width in the narrowest, and has it back at the widest. */
  g_assert_cmpint (narrow, <, wide);
  show_narrower (f, 0);
  g_assert_cmpint (width_of (content), ==, wide);
  g_assert_cmpuint (f->grid->fit_scans, ==, scans);
}

static void
test_longer_code_widens (Fixture       *f,
                         gconstpointer  data)
{
  Column *code = column_titled (f, "Level-1 Code");
  int before = width_of (code);
  guint scans = f->grid->fit_scans;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (before, <, pixels_of (f, LONG_CODE));
  g_assert_true (ys_document_set_text (f->doc, f->service, YS_SERVICE_CAT1_CODE, LONG_CODE, &error));
  g_assert_no_error (error);
  settle (f);
  /* Widened at once, to the code whole, without reading every row again. */
  g_assert_cmpint (width_of (code), >=, pixels_of (f, LONG_CODE));
  g_assert_cmpuint (f->grid->fit_scans, ==, scans);

  /* Undone, the longest code has gone: the column is measured again at the
   * next change of width, once, and narrows. */
  g_assert_true (ys_document_undo (f->doc, &error));
  g_assert_no_error (error);
  settle (f);
  show_narrower (f, 40);
  g_assert_cmpuint (f->grid->fit_scans, ==, scans + 1);
  g_assert_cmpint (width_of (code), <, pixels_of (f, LONG_CODE));
  show_narrower (f, 80);
  g_assert_cmpuint (f->grid->fit_scans, ==, scans + 1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  ys_core_init ();
  if (!gtk_init_check ())
    g_error ("no display (run-display-test.sh starts one)");
  adw_init ();

  g_test_add ("/grid-fit/width-change-keeps-measures", Fixture, NULL, fixture_set_up,
              test_width_change_keeps_measures, fixture_tear_down);
  g_test_add ("/grid-fit/longer-code-widens", Fixture, NULL, fixture_set_up,
              test_longer_code_widens, fixture_tear_down);
  return g_test_run ();
}
