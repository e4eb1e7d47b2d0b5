/* YsSortModel gives the rows GtkSortListModel gives, ties included, and
 * announces every change it makes so that a copy kept from its signals
 * alone stays the same as the model. */
#include <gtk/gtk.h>

#include "ys-sort-model.h"
#include "ys-test-list.h"

static gboolean descending;

static int
compare_cb (gconstpointer a,
            gconstpointer b,
            gpointer      data)
{
  int d = ys_test_list_value_of ((gpointer) a) - ys_test_list_value_of ((gpointer) b);

  return descending ? -d : d;
}

typedef struct
{
  GListStore       *store;
  GtkSorter        *sorter;
  YsSortModel      *model;
  GtkSortListModel *reference;
  GPtrArray        *copy;      /* kept from the model's items-changed only */
  guint             serial;
  guint             emitted;   /* items-changed so far */
} Fixture;

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     Fixture    *f)
{
  f->emitted++;
  ys_test_list_follow (f->copy, model, position, removed, added);
}

static void
settle (Fixture *f)
{
  while (ys_sort_model_get_pending (f->model) > 0)
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
  ys_test_list_assert_items (G_LIST_MODEL (f->model), f->copy);
}

static void
add_items (Fixture *f,
           guint    position,
           guint    n)
{
  ys_test_list_add_rows (f->store, position, n, &f->serial);
}

static void
test_same_as_gtk (void)
{
  Fixture f = { 0 };
  guint n;

  f.store = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  f.copy = g_ptr_array_new_with_free_func (g_object_unref);
  add_items (&f, 0, 3000);
  f.sorter = GTK_SORTER (gtk_custom_sorter_new (compare_cb, NULL, NULL));
  f.reference = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (f.store)), NULL);
  f.model = ys_sort_model_new (NULL, NULL);
  g_signal_connect (f.model, "items-changed", G_CALLBACK (on_items_changed_cb), &f);
  ys_sort_model_set_model (f.model, G_LIST_MODEL (f.store));

  /* Not sorted yet: the store's order. */
  assert_same (&f, "no sorter");
  for (guint i = 0; i < 3000; i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (G_LIST_MODEL (f.model), i);
      g_autoptr (GObject) want = g_list_model_get_item (G_LIST_MODEL (f.store), i);

      g_assert_true (item == want);
    }

  ys_sort_model_set_sorter (f.model, f.sorter);
  gtk_sort_list_model_set_sorter (f.reference, f.sorter);
  /* Until the sort is done, the rows stay as they were. */
  g_assert_cmpuint (ys_sort_model_get_pending (f.model), >, 0);
  assert_same (&f, "sorted");

  descending = TRUE;
  gtk_sorter_changed (f.sorter, GTK_SORTER_CHANGE_INVERTED);
  assert_same (&f, "the other way");

  /* A few rows at a time: placed at once, nothing pending. */
  for (guint round = 0; round < 60; round++)
    {
      n = g_list_model_get_n_items (G_LIST_MODEL (f.store));
      if (round % 3 == 0)
        add_items (&f, g_test_rand_int_range (0, n + 1), g_test_rand_int_range (1, 4));
      else if (round % 3 == 1)
        {
          guint at = g_test_rand_int_range (0, n - 5);

          g_list_store_splice (f.store, at, g_test_rand_int_range (1, 5), NULL, 0);
        }
      else
        {
          /* A row replaced, as a changed record is filtered again. */
          guint at = g_test_rand_int_range (0, n);
          g_autoptr (GtkStringObject) item = gtk_string_object_new ("5 again");

          g_list_store_splice (f.store, at, 1, (gpointer *) &item, 1);
        }
      g_assert_cmpuint (ys_sort_model_get_pending (f.model), ==, 0);
      assert_same (&f, "a few rows");
    }

  /* Many rows (a search): sorted again. */
  g_list_store_splice (f.store, 100, 1500, NULL, 0);
  assert_same (&f, "many rows gone");
  add_items (&f, 50, 2000);
  assert_same (&f, "many rows added");

  /* A change while sorting: the sort starts over on the new rows. */
  descending = FALSE;
  gtk_sorter_changed (f.sorter, GTK_SORTER_CHANGE_INVERTED);
  add_items (&f, 10, 2);
  g_list_store_splice (f.store, 0, 200, NULL, 0);
  assert_same (&f, "changed while sorting");

  /* No sorter: the store's order again. */
  ys_sort_model_set_sorter (f.model, NULL);
  gtk_sort_list_model_set_sorter (f.reference, NULL);
  assert_same (&f, "unsorted");

  g_object_unref (f.model);
  g_object_unref (f.reference);
  g_object_unref (f.sorter);
  g_ptr_array_unref (f.copy);
  g_object_unref (f.store);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sort-model/same-as-gtk", test_same_as_gtk);
  return g_test_run ();
}
