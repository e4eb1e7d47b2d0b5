/* YsFilterModel gives the rows GtkFilterListModel gives, keeps the rows
 * shown as they were while a slow filtering is under way, and announces
 * every change it makes so that a copy kept from its signals alone stays
 * the same as the model. */
#include <gtk/gtk.h>

#include "ys-filter-model.h"
#include "ys-test-list.h"

/* The values 0–9 the filter lets through, one bit each. */
static guint wanted;
/* Microseconds each match takes: slow enough that filtering thousands of
 * items takes longer than a slice, however fast the machine. */
static gint64 match_cost_us;

static gboolean
match_cb (gpointer item,
          gpointer data)
{
  gint64 end = g_get_monotonic_time () + match_cost_us;

  while (match_cost_us > 0 && g_get_monotonic_time () < end)
    ;
  return (wanted & (1u << ys_test_list_value_of (item))) != 0;
}

typedef struct
{
  GListStore         *store;
  GtkFilter          *filter;
  YsFilterModel      *model;
  GtkFilterListModel *reference;
  GPtrArray          *copy;      /* kept from the model's items-changed only */
  guint               serial;
} Fixture;

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     Fixture    *f)
{
  ys_test_list_follow (f->copy, model, position, removed, added);
}

/* The copy is the model, item for item. */
static void
assert_copy (Fixture *f)
{
  ys_test_list_assert_items (G_LIST_MODEL (f->model), f->copy);
}

static void
settle (Fixture *f)
{
  while (ys_filter_model_get_pending (f->model) > 0)
    g_main_context_iteration (NULL, TRUE);
}

static void
assert_same (Fixture    *f,
             const char *what)
{
  g_autoptr (GPtrArray) want = NULL;

  settle (f);
  want = ys_test_list_items (G_LIST_MODEL (f->reference));
  g_test_message ("%s: %u rows", what, want->len);
  ys_test_list_assert_items (G_LIST_MODEL (f->model), want);
  assert_copy (f);
}

static void
add_items (Fixture *f,
           guint    position,
           guint    n)
{
  ys_test_list_add_rows (f->store, position, n, &f->serial);
}

/* The filter changed as a search typed on changes it; @slow: with each
 * match slow enough that the model has to finish later. */
static void
change_filter (Fixture         *f,
               guint            now_wanted,
               GtkFilterChange  change,
               gboolean         slow)
{
  g_autoptr (GPtrArray) before = ys_test_list_items (G_LIST_MODEL (f->model));

  wanted = now_wanted;
  match_cost_us = slow ? 3 : 0;
  gtk_filter_changed (f->filter, change);
  if (slow)
    {
      /* The rows stay as they were until the filtering is done. */
      g_assert_cmpuint (ys_filter_model_get_pending (f->model), >, 0);
      ys_test_list_assert_items (G_LIST_MODEL (f->model), before);
      assert_copy (f);
    }
}

static void
set_up (Fixture *f,
        guint    n)
{
  f->store = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  f->copy = g_ptr_array_new_with_free_func (g_object_unref);
  add_items (f, 0, n);
  wanted = 0x3ff;
  match_cost_us = 0;
  f->filter = GTK_FILTER (gtk_custom_filter_new (match_cb, NULL, NULL));
  f->reference = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (f->store)), g_object_ref (f->filter));
  f->model = ys_filter_model_new (NULL, g_object_ref (f->filter));
  g_signal_connect (f->model, "items-changed", G_CALLBACK (on_items_changed_cb), f);
}

static void
tear_down (Fixture *f)
{
  g_object_unref (f->model);
  g_object_unref (f->reference);
  g_object_unref (f->filter);
  g_ptr_array_unref (f->copy);
  g_object_unref (f->store);
}

static void
test_same_as_gtk (void)
{
  Fixture f = { 0 };

  set_up (&f, 6000);
  wanted = 0x0f0;
  gtk_filter_changed (f.filter, GTK_FILTER_CHANGE_DIFFERENT);
  /* A new model is filtered at once, however long it takes. */
  match_cost_us = 3;
  ys_filter_model_set_model (f.model, G_LIST_MODEL (f.store));
  g_assert_cmpuint (ys_filter_model_get_pending (f.model), ==, 0);
  assert_same (&f, "a new model");

  change_filter (&f, 0x070, GTK_FILTER_CHANGE_MORE_STRICT, TRUE);
  assert_same (&f, "stricter");
  change_filter (&f, 0x0ff, GTK_FILTER_CHANGE_LESS_STRICT, TRUE);
  assert_same (&f, "less strict");
  change_filter (&f, 0x30f, GTK_FILTER_CHANGE_DIFFERENT, TRUE);
  assert_same (&f, "different");

  /* Typed on before the last key is filtered: stricter twice. */
  change_filter (&f, 0x10f, GTK_FILTER_CHANGE_MORE_STRICT, TRUE);
  change_filter (&f, 0x007, GTK_FILTER_CHANGE_MORE_STRICT, TRUE);
  assert_same (&f, "stricter twice");
  /* Stricter then less strict: neither, compared with what is shown. */
  change_filter (&f, 0x003, GTK_FILTER_CHANGE_MORE_STRICT, TRUE);
  change_filter (&f, 0x0c3, GTK_FILTER_CHANGE_LESS_STRICT, TRUE);
  assert_same (&f, "stricter, then less");

  /* The model changed while filtering: shown at once, filtered again. */
  change_filter (&f, 0x2aa, GTK_FILTER_CHANGE_DIFFERENT, TRUE);
  add_items (&f, 10, 3);
  assert_copy (&f);
  g_list_store_splice (f.store, 100, 40, NULL, 0);
  assert_copy (&f);
  g_assert_cmpuint (ys_filter_model_get_pending (f.model), >, 0);
  assert_same (&f, "changed while filtering");

  /* A few rows at a time: filtered at once, nothing pending. */
  match_cost_us = 0;
  for (guint round = 0; round < 60; round++)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (f.store));

      if (round % 3 == 0)
        add_items (&f, g_test_rand_int_range (0, n + 1), g_test_rand_int_range (1, 4));
      else if (round % 3 == 1)
        g_list_store_splice (f.store, g_test_rand_int_range (0, n - 5), g_test_rand_int_range (1, 5), NULL, 0);
      else
        {
          /* A row replaced, as a changed record is filtered again. */
          guint at = g_test_rand_int_range (0, n);
          g_autoptr (GtkStringObject) item = gtk_string_object_new (round % 2 ? "5 again" : "4 again");

          g_list_store_splice (f.store, at, 1, (gpointer *) &item, 1);
        }
      g_assert_cmpuint (ys_filter_model_get_pending (f.model), ==, 0);
      assert_same (&f, "a few rows");
    }

  /* Many rows at once: filtered at once too. */
  g_list_store_splice (f.store, 50, 2500, NULL, 0);
  add_items (&f, 20, 3000);
  g_assert_cmpuint (ys_filter_model_get_pending (f.model), ==, 0);
  assert_same (&f, "many rows");

  /* No filter: every row, at once. */
  ys_filter_model_set_filter (f.model, NULL);
  gtk_filter_list_model_set_filter (f.reference, NULL);
  g_assert_cmpuint (ys_filter_model_get_pending (f.model), ==, 0);
  assert_same (&f, "no filter");
  ys_filter_model_set_filter (f.model, f.filter);
  gtk_filter_list_model_set_filter (f.reference, f.filter);
  assert_same (&f, "filtered again");

  /* The model gone while filtering. */
  change_filter (&f, 0x001, GTK_FILTER_CHANGE_MORE_STRICT, TRUE);
  ys_filter_model_set_model (f.model, NULL);
  g_assert_cmpuint (ys_filter_model_get_pending (f.model), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f.model)), ==, 0);
  assert_copy (&f);

  tear_down (&f);
}

/* A few hundred rows are filtered within the change, as a sample budget's
 * search is: the rows are there as soon as the search is. */
static void
test_small_at_once (void)
{
  Fixture f = { 0 };

  set_up (&f, 300);
  ys_filter_model_set_model (f.model, G_LIST_MODEL (f.store));
  wanted = 0x021;
  gtk_filter_changed (f.filter, GTK_FILTER_CHANGE_MORE_STRICT);
  g_assert_cmpuint (ys_filter_model_get_pending (f.model), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f.model)), ==,
                    g_list_model_get_n_items (G_LIST_MODEL (f.reference)));
  assert_same (&f, "small");
  tear_down (&f);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/filter-model/same-as-gtk", test_same_as_gtk);
  g_test_add_func ("/filter-model/small-at-once", test_small_at_once);
  return g_test_run ();
}
