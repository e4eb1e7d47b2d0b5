/* The pieces of loading a budget: the interned codes of a column and the
 * list of records a document holds of each kind. */
#include "config.h"

#include "ys-core.h"
#include "ys-intern-table.h"
#include "ys-kinds.h"
#include "ys-line.h"
#include "ys-record-list.h"

/* Every text, however many, long, alike in their first bytes or empty,
 * comes back as g_intern_string gives it, asked once or many times. */
static void
test_intern_table (void)
{
  YsInternTable table = { 0 };
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

  /* Around the 8 bytes a slot keeps in a word, and alike in those. */
  static const char *const edges[] = {
    "", "1", "12", "123", "1234", "1234567", "12345678", "123456789", "12345678a",
    "1234567890123456", "12345678901234567", "一般公共预算拨款", "一般公共预算拨款以外",
  };

  for (guint i = 0; i < G_N_ELEMENTS (edges); i++)
    g_ptr_array_add (texts, g_strdup (edges[i]));
  for (guint i = 0; i < 5000; i++)
    g_ptr_array_add (texts, g_strdup_printf (i % 2 ? "P%06u" : "长的项目名称共同的开头%u", i));

  for (guint round = 0; round < 3; round++)
    for (guint i = 0; i < texts->len; i++)
      {
        /* From a buffer of its own, as a column's text comes from SQLite. */
        const char *text = g_ptr_array_index (texts, (i * 7919 + round) % texts->len);
        g_autofree char *copy = g_strdup (text);
        const char *interned = ys_intern_table_lookup (&table, copy, strlen (copy));

        g_assert_true (interned == g_intern_string (text));
        g_assert_cmpstr (interned, ==, text);
      }
  g_assert_cmpuint (table.used, ==, texts->len);
  ys_intern_table_clear (&table);
  g_assert_null (table.slots);
}

typedef struct {
  guint position, removed, added, calls;
} Changed;

static void
on_items_changed (GListModel *model, guint position, guint removed, guint added, Changed *c)
{
  c->position = position;
  c->removed = removed;
  c->added = added;
  c->calls++;
}

static YsRecord *
line_with_id (gint64 id)
{
  YsRecord *record = ys_record_new (&ys_line_kind);
  ys_record_set_id (record, id);
  return record;
}

static void
assert_ids (YsRecordList *list, const gint64 *ids, guint n)
{
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(YsRecord) item = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_assert_cmpint (ys_record_get_id (item), ==, ids[i]);
      g_assert_true (ys_record_list_peek (list, i) == item);
    }
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), n));
}

/* The list a grid binds to: each change is one items-changed at the right
 * place, records are kept referenced, and a loaded block is taken over. */
static void
test_record_list (void)
{
  g_autoptr(YsRecordList) list = ys_record_list_new (YS_TYPE_LINE);
  g_autoptr(GPtrArray) loaded = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(YsRecord) extra = line_with_id (10);
  YsRecord *two[2];
  Changed c = { 0 };
  guint position = 0;

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == YS_TYPE_LINE);
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &c);

  for (gint64 id = 1; id <= 3; id++)
    g_ptr_array_add (loaded, line_with_id (id));
  ys_record_list_take (list, loaded);
  g_assert_cmpuint (loaded->len, ==, 0);
  g_assert_cmpuint (c.calls, ==, 1);
  g_assert_cmpuint (c.position, ==, 0);
  g_assert_cmpuint (c.added, ==, 3);
  assert_ids (list, (gint64[]) { 1, 2, 3 }, 3);

  ys_record_list_insert (list, 1, extra);
  g_assert_cmpuint (c.position, ==, 1);
  g_assert_cmpuint (c.removed, ==, 0);
  g_assert_cmpuint (c.added, ==, 1);
  assert_ids (list, (gint64[]) { 1, 10, 2, 3 }, 4);
  /* The list holds its own reference. */
  g_assert_cmpuint (G_OBJECT (extra)->ref_count, ==, 2);
  g_assert_true (ys_record_list_find (list, extra, &position));
  g_assert_cmpuint (position, ==, 1);

  two[0] = line_with_id (20);
  two[1] = line_with_id (21);
  ys_record_list_splice (list, 3, 1, two, 2);
  g_object_unref (two[0]);
  g_object_unref (two[1]);
  g_assert_cmpuint (c.position, ==, 3);
  g_assert_cmpuint (c.removed, ==, 1);
  g_assert_cmpuint (c.added, ==, 2);
  assert_ids (list, (gint64[]) { 1, 10, 2, 20, 21 }, 5);

  ys_record_list_remove (list, 1);
  g_assert_cmpuint (c.position, ==, 1);
  g_assert_cmpuint (c.removed, ==, 1);
  g_assert_cmpuint (c.added, ==, 0);
  g_assert_cmpuint (G_OBJECT (extra)->ref_count, ==, 1);
  g_assert_false (ys_record_list_find (list, extra, &position));
  assert_ids (list, (gint64[]) { 1, 2, 20, 21 }, 4);

  /* A block taken after records already there goes to the end. */
  g_ptr_array_add (loaded, line_with_id (30));
  ys_record_list_take (list, loaded);
  g_assert_cmpuint (c.position, ==, 4);
  g_assert_cmpuint (c.added, ==, 1);
  assert_ids (list, (gint64[]) { 1, 2, 20, 21, 30 }, 5);

  c.calls = 0;
  ys_record_list_splice (list, 0, 0, NULL, 0);
  g_assert_cmpuint (c.calls, ==, 0);
}

int
main (int argc, char **argv)
{
  ys_core_init ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/load/intern-table", test_intern_table);
  g_test_add_func ("/load/record-list", test_record_list);
  return g_test_run ();
}
