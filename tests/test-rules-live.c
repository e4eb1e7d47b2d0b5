/* The live check: after any edit its findings equal a fresh full check's,
 * its list model says exactly what changed, and freezing defers it. */
#include "config.h"

#include "rules-fixture.h"

/* ---- live and incremental ---- */

/* Follows items-changed into a plain array, to check that the signals
 * describe the model exactly. */
typedef struct {
  GPtrArray *items;
  guint      signals;
} Mirror;

static void
on_items_changed (GListModel *model, guint position, guint removed, guint added, Mirror *m)
{
  g_assert_cmpuint (position + removed, <=, m->items->len);
  g_ptr_array_remove_range (m->items, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (m->items, position + i, g_list_model_get_item (model, position + i));
  m->signals++;
}

static void
assert_mirror (YsValidator *v, Mirror *m)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (v));

  g_assert_cmpuint (m->items->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(YsFinding) f = g_list_model_get_item (G_LIST_MODEL (v), i);
      g_assert_true (g_ptr_array_index (m->items, i) == f);
    }
}

static void
test_finding_keeps_its_object (Fixture *f, gconstpointer data)
{
  Mirror m = { g_ptr_array_new_with_free_func (g_object_unref), 0 };
  YsFinding *finding;

  set (f, f->lines[L_SERVICES], "func_code", "2010301");
  finding = find_rule (f->v, "R07");
  g_object_ref (finding);
  g_signal_connect (f->v, "items-changed", G_CALLBACK (on_items_changed), &m);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (f->v)); i++)
    g_ptr_array_add (m.items, g_list_model_get_item (G_LIST_MODEL (f->v), i));

  /* An edit elsewhere changes nothing; one behind the finding changes its
   * figures in place. */
  set (f, f->lines[L_OFFICE], "note", "说明");
  g_assert_cmpuint (m.signals, ==, 0);
  set (f, f->lines[L_SERVICES], "amount", "300000.01");
  g_assert_true (find_rule (f->v, "R07") == finding);
  g_assert_nonnull (strstr (ys_finding_get_message (finding), "30.00"));
  assert_mirror (f->v, &m);

  /* Correcting it removes exactly that item. */
  m.signals = 0;
  set (f, f->lines[L_SERVICES], "func_code", "2010302");
  g_assert_null (find_rule (f->v, "R07"));
  g_assert_cmpuint (m.signals, >=, 1);
  assert_mirror (f->v, &m);

  g_signal_handlers_disconnect_by_data (f->v, &m);
  g_ptr_array_unref (m.items);
  g_object_unref (finding);
}

static const char *const func_choices[] = { "2010301", "2010302", "2080505", "2101103", "2101101", "2010399",
                                            "2080501", "2019998", "2210201" };
static const char *const econ_choices[] = { "30101", "30108", "30111", "30201", "30231", "30299", "30302",
                                            "31002", "30227", "30298" };
static const char *const kind_choices[] = { "人员经费", "公用经费", "项目支出" };
static const char *const value_choices[] = { "95", "", "显著提高", "很多", "3", "按要求" };

static void
random_edit (Fixture *f, GRand *rand, GPtrArray *lines, GPtrArray *units)
{
  g_autoptr(GError) error = NULL;
  guint what = g_rand_int_range (rand, 0, 16);
  YsRecord *line = lines->len ? g_ptr_array_index (lines, g_rand_int_range (rand, 0, lines->len)) : NULL;
  const char *unit = g_ptr_array_index (units, g_rand_int_range (rand, 0, units->len));

  switch (what)
    {
    case 0: case 1:
      if (line)
        {
          g_autofree char *amount = g_strdup_printf ("%d.%02d", g_rand_int_range (rand, 0, 200000),
                                                     g_rand_int_range (rand, 0, 100));
          set (f, line, "amount", amount);
        }
      break;
    case 2:
      if (line)
        set (f, line, "func_code", func_choices[g_rand_int_range (rand, 0, G_N_ELEMENTS (func_choices))]);
      break;
    case 3:
      if (line)
        set (f, line, "econ_code", econ_choices[g_rand_int_range (rand, 0, G_N_ELEMENTS (econ_choices))]);
      break;
    case 4:
      if (line)
        {
          const char *kind = kind_choices[g_rand_int_range (rand, 0, 3)];
          set (f, line, "project_code", "");
          set (f, line, "kind", kind);
          if (g_str_equal (kind, "项目支出"))
            set (f, line, "project_code", g_rand_boolean (rand) ? "P1" : "P2");
        }
      break;
    case 5:
      if (line)
        set (f, line, "unit_code", unit);
      break;
    case 6:
      {
        YsRecord *r = add_line (f, func_choices[g_rand_int_range (rand, 0, G_N_ELEMENTS (func_choices))],
                                econ_choices[g_rand_int_range (rand, 0, G_N_ELEMENTS (econ_choices))],
                                "公用经费", "", "1234.00", "");
        set (f, r, "unit_code", unit);
        g_ptr_array_add (lines, r);
      }
      break;
    case 7:
      if (line)
        {
          delete (f, line);
          g_ptr_array_remove (lines, line);
        }
      break;
    case 8:
      {
        guint n = ys_document_count (f->doc, &ys_indicator_kind);
        YsRecord *ind = ys_document_get (f->doc, &ys_indicator_kind, g_rand_int_range (rand, 0, n));
        set (f, ind, "value", value_choices[g_rand_int_range (rand, 0, G_N_ELEMENTS (value_choices))]);
      }
      break;
    case 9:
      {
        guint n = ys_document_count (f->doc, &ys_indicator_kind);
        YsRecord *ind = ys_document_get (f->doc, &ys_indicator_kind, g_rand_int_range (rand, 0, n));
        set (f, ind, "project_code", g_rand_boolean (rand) ? "P1" : "P2");
      }
      break;
    case 10:
      {
        g_autofree char *funds = g_strdup_printf ("%d.00", g_rand_int_range (rand, 0, 900000));
        set (f, f->project, g_rand_boolean (rand) ? "annual_local" : "period_local", funds);
      }
      break;
    case 11:
      set (f, f->unit, "unit_type", g_rand_boolean (rand) ? "事业单位" : "行政单位");
      break;
    case 12:
      if (ys_document_can_undo (f->doc))
        {
          ys_document_undo (f->doc, &error);
          g_assert_no_error (error);
        }
      break;
    case 13:
      if (ys_document_can_redo (f->doc))
        {
          ys_document_redo (f->doc, &error);
          g_assert_no_error (error);
        }
      break;
    case 14:
      /* A batch: several changes, one undo step. */
      ys_document_begin_batch (f->doc, "batch", &error);
      g_assert_no_error (error);
      for (guint i = 0; i < 3 && lines->len; i++)
        {
          YsRecord *r = g_ptr_array_index (lines, g_rand_int_range (rand, 0, lines->len));
          set (f, r, "amount", "777.00");
          set (f, r, "unit_code", unit);
        }
      ys_document_end_batch (f->doc, &error);
      g_assert_no_error (error);
      break;
    case 15:
      set (f, f->item, "project_code", g_rand_boolean (rand) ? "P1" : "P2");
      break;
    }
}

static void
test_incremental_equals_full (Fixture *f, gconstpointer data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (GPOINTER_TO_UINT (data));
  g_autoptr(GPtrArray) lines = g_ptr_array_new ();
  g_autoptr(GPtrArray) units = g_ptr_array_new ();
  Mirror m = { g_ptr_array_new_with_free_func (g_object_unref), 0 };

  add (f, ys_test_record (&ys_unit_kind, "code", "103002", "name", "下属单位", "unit_type", "事业单位",
                          "role", "下属单位", NULL));
  add (f, ys_test_record (&ys_project_kind, "code", "P2", "name", "第二个项目", "unit_code", "103002",
                          "annual_local", "1000.00", NULL));
  g_ptr_array_add (units, "103001");
  g_ptr_array_add (units, "103002");
  /* A fresh session, so that undo stops at the edits below. */
  reopen (f);
  f->unit = ys_document_lookup_key (f->doc, &ys_unit_kind, "103001");
  f->project = ys_document_lookup_key (f->doc, &ys_project_kind, "P1");
  f->item = ys_document_get (f->doc, &ys_procurement_kind, 0);
  for (guint i = 0; i < ys_document_count (f->doc, &ys_line_kind); i++)
    g_ptr_array_add (lines, ys_document_get (f->doc, &ys_line_kind, i));

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (f->v)); i++)
    g_ptr_array_add (m.items, g_list_model_get_item (G_LIST_MODEL (f->v), i));
  g_signal_connect (f->v, "items-changed", G_CALLBACK (on_items_changed), &m);

  for (guint step = 0; step < 150; step++)
    {
      random_edit (f, rand, lines, units);
      /* Undo can bring back deleted lines; follow the document. */
      g_ptr_array_set_size (lines, 0);
      for (guint i = 0; i < ys_document_count (f->doc, &ys_line_kind); i++)
        g_ptr_array_add (lines, ys_document_get (f->doc, &ys_line_kind, i));
      if (step % 5 == 4)
        {
          assert_same_as_full (f->v);
          assert_mirror (f->v, &m);
        }
    }
  assert_same_as_full (f->v);
  assert_mirror (f->v, &m);
  g_signal_handlers_disconnect_by_data (f->v, &m);
  g_ptr_array_unref (m.items);
}

static guint
count_rule (YsValidator *v, const char *rule)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (v)), found = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(YsFinding) finding = g_list_model_get_item (G_LIST_MODEL (v), i);
      found += g_str_equal (ys_finding_get_rule_id (finding), rule);
    }
  return found;
}

/* R39 and R40 are checked again only in the groups of lines under one
 * classification that an edit touched (the unit's ledger): lines typed twice
 * become different, the same again, move out and come back by undo, and the
 * live findings stay those of a full check at every step. */
static void
test_repeats_follow_edits (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  YsRecord *a, *b;
  guint r39, r40;

  add (f, ys_test_record (&ys_unit_kind, "code", "103002", "name", "下属单位", "unit_type", "事业单位",
                          "role", "下属单位", NULL));
  a = add_line (f, "2010302", "30299", "公用经费", "", "500.00", "");
  b = add_line (f, "2010302", "30299", "公用经费", "", "500.00", "");
  r39 = count_rule (f->v, "R39");
  r40 = count_rule (f->v, "R40");

  g_assert_cmpuint (r39, >=, 1);
  assert_same_as_full (f->v);
  set (f, b, "amount", "600.00");
  g_assert_cmpuint (count_rule (f->v, "R39"), ==, r39 - 1);
  g_assert_cmpuint (count_rule (f->v, "R40"), ==, r40 + 1);
  assert_same_as_full (f->v);
  set (f, a, "amount", "600.00");
  g_assert_cmpuint (count_rule (f->v, "R39"), ==, r39);
  g_assert_cmpuint (count_rule (f->v, "R40"), ==, r40);
  assert_same_as_full (f->v);
  set (f, b, "unit_code", "103002");
  g_assert_cmpuint (count_rule (f->v, "R39"), ==, r39 - 1);
  assert_same_as_full (f->v);
  set (f, a, "econ_code", "30201");
  assert_same_as_full (f->v);
  ys_document_undo (f->doc, &error);
  g_assert_no_error (error);
  ys_document_undo (f->doc, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_rule (f->v, "R39"), ==, r39);
  assert_same_as_full (f->v);
  delete (f, a);
  g_assert_cmpuint (count_rule (f->v, "R39"), ==, r39 - 1);
  assert_same_as_full (f->v);
}

static void
test_freeze_defers (Fixture *f, gconstpointer data)
{
  ys_validator_freeze (f->v);
  set (f, f->lines[L_SERVICES], "func_code", "2010301");
  g_assert_null (find_rule (f->v, "R07"));
  ys_validator_thaw (f->v);
  g_assert_nonnull (find_rule (f->v, "R07"));
  assert_same_as_full (f->v);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/rules/live/finding-keeps-its-object", Fixture, NULL, setup, test_finding_keeps_its_object, teardown);
  for (guint seed = 1; seed <= 8; seed++)
    {
      g_autofree char *path = g_strdup_printf ("/rules/live/incremental-equals-full/%u", seed);
      g_test_add (path, Fixture, GUINT_TO_POINTER (seed), setup, test_incremental_equals_full, teardown);
    }
  g_test_add ("/rules/live/freeze-defers", Fixture, NULL, setup, test_freeze_defers, teardown);
  g_test_add ("/rules/live/repeats-follow-edits", Fixture, NULL, setup, test_repeats_follow_edits, teardown);

  return g_test_run ();
}
