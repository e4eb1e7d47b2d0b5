/* Helpers shared by the tests of the grids' list models: rows numbered
 * "V #N" (V a value 0–9, many alike), a copy of a model kept from its
 * items-changed alone, to check that every change it makes is announced,
 * and a model's items compared with a list of them. */
#pragma once

#include <gtk/gtk.h>

/* @n new rows at @position of @store, each with a random value 0–9 and
 * the next of @serial. */
static inline void
ys_test_list_add_rows (GListStore *store,
                       guint       position,
                       guint       n,
                       guint      *serial)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = g_strdup_printf ("%d #%u", g_test_rand_int_range (0, 10), (*serial)++);

      g_ptr_array_add (items, gtk_string_object_new (text));
    }
  g_list_store_splice (store, position, 0, items->pdata, n);
}

static inline int
ys_test_list_value_of (gpointer item)
{
  return atoi (gtk_string_object_get_string (item));
}

/* Applies an items-changed of @model to @copy (items referenced). */
static inline void
ys_test_list_follow (GPtrArray  *copy,
                     GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added)
{
  g_assert_cmpuint (position + removed, <=, copy->len);
  g_ptr_array_remove_range (copy, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (copy, position + i, g_list_model_get_item (model, position + i));
}

/* The items of @model, referenced, in order. */
static inline GPtrArray *
ys_test_list_items (GListModel *model)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (items, g_list_model_get_item (model, i));
  return items;
}

/* @model holds exactly @items, in their order. */
static inline void
ys_test_list_assert_items (GListModel *model,
                           GPtrArray  *items)
{
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, items->len);
  for (guint i = 0; i < items->len; i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (model, i);

      g_assert_true (item == items->pdata[i]);
    }
}
