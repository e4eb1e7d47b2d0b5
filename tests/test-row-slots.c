/* YsRowSlotList, the model under the editor's grids: small changes pass
 * through with their rows, a change replacing many rows keeps the slots
 * and gives them their new records. */
#include <gio/gio.h>

#include "ys-line.h"
#include "ys-row-slot-list.h"
#include "ys-row-slot.h"

typedef struct
{
  guint position, removed, added;
  guint calls;
  guint rebound_position, rebound_n, rebounds;
} Seen;

static void
on_items_changed (GListModel *model, guint position, guint removed, guint added, Seen *seen)
{
  seen->position = position;
  seen->removed = removed;
  seen->added = added;
  seen->calls++;
}

static void
on_rebound (YsRowSlotList *list, guint position, guint n, Seen *seen)
{
  seen->rebound_position = position;
  seen->rebound_n = n;
  seen->rebounds++;
}

static YsRecord *
line (gint64 amount)
{
  YsRecord *record = ys_record_new (&ys_line_kind);

  ys_record_set_int (record, YS_LINE_AMOUNT, amount);
  return record;
}

static GListStore *
store_of (guint n, gint64 base)
{
  GListStore *store = g_list_store_new (ys_record_get_type ());

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(YsRecord) record = line (base + i);
      g_list_store_append (store, record);
    }
  return store;
}

static gint64
amount_at (GListModel *slots, guint position)
{
  g_autoptr(YsRowSlot) slot = g_list_model_get_item (slots, position);

  return ys_record_get_int (ys_row_slot_get_record (slot), YS_LINE_AMOUNT);
}

static void
test_small_change_passes (void)
{
  g_autoptr(GListStore) store = store_of (20, 0);
  g_autoptr(YsRowSlotList) list = ys_row_slot_list_new (g_object_ref (G_LIST_MODEL (store)));
  GListModel *slots = G_LIST_MODEL (list);
  g_autoptr(YsRowSlot) held = g_list_model_get_item (slots, 10);
  g_autoptr(YsRecord) extra = line (1000);
  Seen seen = { 0 };

  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &seen);
  g_signal_connect (list, "rebound", G_CALLBACK (on_rebound), &seen);
  g_assert_cmpuint (g_list_model_get_n_items (slots), ==, 20);
  g_assert_true (g_list_model_get_item_type (slots) == YS_TYPE_ROW_SLOT);

  g_list_store_insert (store, 3, extra);
  g_assert_cmpuint (seen.calls, ==, 1);
  g_assert_cmpuint (seen.position, ==, 3);
  g_assert_cmpuint (seen.removed, ==, 0);
  g_assert_cmpuint (seen.added, ==, 1);
  g_assert_cmpuint (seen.rebounds, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (slots), ==, 21);
  g_assert_cmpint (amount_at (slots, 3), ==, 1000);
  /* The slot held follows its row down. */
  g_assert_cmpint (ys_record_get_int (ys_row_slot_get_record (held), YS_LINE_AMOUNT), ==, 10);
  {
    g_autoptr(YsRowSlot) again = g_list_model_get_item (slots, 11);
    g_assert_true (again == held);
  }

  g_list_store_remove (store, 0);
  g_assert_cmpuint (seen.calls, ==, 2);
  g_assert_cmpuint (seen.position, ==, 0);
  g_assert_cmpuint (seen.removed, ==, 1);
  g_assert_cmpuint (seen.added, ==, 0);
  {
    g_autoptr(YsRowSlot) again = g_list_model_get_item (slots, 10);
    g_assert_true (again == held);
  }
}

static void
test_big_change_rebinds (void)
{
  g_autoptr(GListStore) store = store_of (100, 0);
  g_autoptr(YsRowSlotList) list = ys_row_slot_list_new (g_object_ref (G_LIST_MODEL (store)));
  GListModel *slots = G_LIST_MODEL (list);
  g_autoptr(YsRowSlot) first = g_list_model_get_item (slots, 0);
  g_autoptr(YsRowSlot) middle = g_list_model_get_item (slots, 30);
  g_autoptr(YsRowSlot) gone = g_list_model_get_item (slots, 80);
  g_autoptr(GListStore) fewer = store_of (40, 500);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  Seen seen = { 0 };

  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &seen);
  g_signal_connect (list, "rebound", G_CALLBACK (on_rebound), &seen);

  /* As a search does: 100 rows become 40 others, in one change. */
  for (guint i = 0; i < 40; i++)
    g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (fewer), i));
  g_list_store_splice (store, 0, 100, items->pdata, items->len);

  /* Only the 60 rows past the new end go; the first 40 are rebound. */
  g_assert_cmpuint (seen.calls, ==, 1);
  g_assert_cmpuint (seen.position, ==, 40);
  g_assert_cmpuint (seen.removed, ==, 60);
  g_assert_cmpuint (seen.added, ==, 0);
  g_assert_cmpuint (seen.rebounds, ==, 1);
  g_assert_cmpuint (seen.rebound_position, ==, 0);
  g_assert_cmpuint (seen.rebound_n, ==, 40);
  g_assert_cmpuint (g_list_model_get_n_items (slots), ==, 40);

  g_assert_cmpint (ys_record_get_int (ys_row_slot_get_record (first), YS_LINE_AMOUNT), ==, 500);
  g_assert_cmpint (ys_record_get_int (ys_row_slot_get_record (middle), YS_LINE_AMOUNT), ==, 530);
  {
    g_autoptr(YsRowSlot) again = g_list_model_get_item (slots, 30);
    g_assert_true (again == middle);
  }
  /* A slot past the end keeps what it showed, and is no longer the list's. */
  g_assert_cmpint (ys_record_get_int (ys_row_slot_get_record (gone), YS_LINE_AMOUNT), ==, 80);
  for (guint i = 0; i < 40; i++)
    g_assert_cmpint (amount_at (slots, i), ==, 500 + i);

  /* And back: the 40 rebound, 60 added after them. */
  g_ptr_array_set_size (items, 0);
  for (guint i = 0; i < 100; i++)
    g_ptr_array_add (items, line (i));
  g_list_store_splice (store, 0, 40, items->pdata, items->len);
  g_assert_cmpuint (seen.calls, ==, 2);
  g_assert_cmpuint (seen.position, ==, 40);
  g_assert_cmpuint (seen.removed, ==, 0);
  g_assert_cmpuint (seen.added, ==, 60);
  g_assert_cmpuint (seen.rebounds, ==, 2);
  for (guint i = 0; i < 100; i++)
    g_assert_cmpint (amount_at (slots, i), ==, i);
  g_assert_cmpint (ys_record_get_int (ys_row_slot_get_record (middle), YS_LINE_AMOUNT), ==, 30);
}

static void
test_slots_let_go (void)
{
  g_autoptr(GListStore) store = store_of (50, 0);
  g_autoptr(YsRowSlotList) list = ys_row_slot_list_new (g_object_ref (G_LIST_MODEL (store)));
  GListModel *slots = G_LIST_MODEL (list);
  YsRowSlot *slot = g_list_model_get_item (slots, 5);
  YsRowSlot *weak = slot;

  g_object_add_weak_pointer (G_OBJECT (slot), (gpointer *) &weak);
  g_object_unref (slot);
  /* Nobody holds it: gone, and a new one is made when asked again. */
  g_assert_null (weak);
  slot = g_list_model_get_item (slots, 5);
  g_assert_nonnull (slot);
  g_assert_cmpint (ys_record_get_int (ys_row_slot_get_record (slot), YS_LINE_AMOUNT), ==, 5);
  g_object_unref (slot);
  g_assert_null (g_list_model_get_item (slots, 50));
}

/* Rows 0-9 "on screen": told at once; the others when flushed. */
static gboolean
first_ten_shown (YsRowSlot *slot,
                 gpointer   data)
{
  return ys_row_slot_get_position (slot) < 10;
}

static void
on_slot_notify (YsRowSlot *slot, GParamSpec *pspec, guint *told)
{
  (*told)++;
}

static void
test_rows_off_screen_told_later (void)
{
  g_autoptr(GListStore) store = store_of (30, 0);
  g_autoptr(YsRowSlotList) list = ys_row_slot_list_new (g_object_ref (G_LIST_MODEL (store)));
  GListModel *slots = G_LIST_MODEL (list);
  g_autoptr(GPtrArray) held = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(YsRecord) first_shown = NULL;
  guint told[30] = { 0 };
  guint left;

  ys_row_slot_list_set_visible_func (list, first_ten_shown, NULL);
  for (guint i = 0; i < 30; i++)
    {
      YsRowSlot *slot = g_list_model_get_item (slots, i);

      g_ptr_array_add (held, slot);
      g_signal_connect (slot, "notify::record", G_CALLBACK (on_slot_notify), &told[i]);
    }
  {
    YsRowSlot *twenty = g_ptr_array_index (held, 20);

    first_shown = g_object_ref (ys_row_slot_get_record (twenty));
  }

  /* As a sort does: the same 30 rows, in reverse. */
  for (guint i = 0; i < 30; i++)
    g_ptr_array_add (items, line (29 - i));
  g_list_store_splice (store, 0, 30, items->pdata, items->len);

  /* Every slot has its new record at once... */
  for (guint i = 0; i < 30; i++)
    g_assert_cmpint (amount_at (slots, i), ==, 29 - i);
  /* ...but only the rows on screen were told. */
  for (guint i = 0; i < 30; i++)
    {
      g_assert_cmpuint (told[i], ==, i < 10 ? 1 : 0);
      g_assert_true (ys_row_slot_is_stale (g_ptr_array_index (held, i)) == (i >= 10));
    }
  g_assert_cmpuint (ys_row_slot_list_get_n_stale (list), ==, 20);
  /* The record the row still shows is kept alive until it is told. */
  g_assert_cmpint (G_OBJECT (first_shown)->ref_count, >=, 2);

  /* A second change before they are told: each still told once. */
  g_ptr_array_set_size (items, 0);
  for (guint i = 0; i < 30; i++)
    g_ptr_array_add (items, line (100 + i));
  g_list_store_splice (store, 0, 30, items->pdata, items->len);
  g_assert_cmpuint (ys_row_slot_list_get_n_stale (list), ==, 20);
  for (guint i = 0; i < 10; i++)
    g_assert_cmpuint (told[i], ==, 2);

  left = ys_row_slot_list_flush (list, 8);
  g_assert_cmpuint (left, ==, 12);
  g_assert_cmpuint (ys_row_slot_list_flush (list, G_MAXUINT), ==, 0);
  for (guint i = 0; i < 30; i++)
    {
      g_assert_cmpuint (told[i], ==, i < 10 ? 2 : 1);
      g_assert_false (ys_row_slot_is_stale (g_ptr_array_index (held, i)));
      g_assert_cmpint (ys_record_get_int (ys_row_slot_get_record (g_ptr_array_index (held, i)), YS_LINE_AMOUNT), ==, 100 + i);
    }
  g_assert_cmpint (G_OBJECT (first_shown)->ref_count, ==, 1);
  /* Nothing left: flushing again tells nobody. */
  g_assert_false (ys_row_slot_flush (g_ptr_array_index (held, 15)));
  g_assert_cmpuint (told[15], ==, 1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/row-slots/small-change-passes", test_small_change_passes);
  g_test_add_func ("/row-slots/big-change-rebinds", test_big_change_rebinds);
  g_test_add_func ("/row-slots/slots-let-go", test_slots_let_go);
  g_test_add_func ("/row-slots/rows-off-screen-told-later", test_rows_off_screen_told_later);
  return g_test_run ();
}
