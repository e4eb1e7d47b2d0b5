/* 收入: the budget's income by unit, function classification item and fund
 * source, in the same editable table as the line items, with its totals
 * (all, 财政拨款, 上年结转) underneath. Income rows are a few hundred at
 * most, so the totals are added up in one go. */
#define G_LOG_DOMAIN "yusuan"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ys-income-page.h"
#include "ys-lookup.h"
#include "ys-money.h"
#include "ys-record-grid.h"

struct _YsIncomePage
{
  GtkWidget       parent_instance;

  /* template */
  GtkSearchEntry *search_entry;
  GtkStack       *stack;
  YsRecordGrid   *grid;
  GtkLabel       *count_label;
  GtkLabel       *fiscal_label;
  GtkLabel       *carry_label;
  GtkLabel       *total_label;

  YsDocument     *document;
  YsLookup       *lookup;
  GListModel     *income;
  GtkFilter      *filter;
  char           *search;
  guint           footer_idle;
  gboolean        grid_wanted;  /* Add or Paste on the empty page */
};

G_DEFINE_FINAL_TYPE (YsIncomePage, ys_income_page, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_DOCUMENT, N_PROPS };
static GParamSpec *properties[N_PROPS];

static const int income_flags[] = { YS_INCOME_CARRY_OVER, -1 };
static const char *const income_flag_labels[] = { N_("Carried Over"), NULL };

static const YsGridColumnInfo income_columns[] = {
  { N_("Unit"), YS_INCOME_UNIT_CODE, YS_LOOKUP_UNIT, 180, NULL, NULL },
  { N_("Function Classification"), YS_INCOME_FUNC_CODE, YS_LOOKUP_FUNCTION, 0, NULL, NULL },
  { N_("Fund Source"), YS_INCOME_SOURCE, YS_LOOKUP_CHOICES, 150, NULL, NULL },
  { N_("Sub-Source"), YS_INCOME_SUB_SOURCE, YS_LOOKUP_NONE, 120, NULL, NULL },
  { N_("Amount (yuan)"), YS_INCOME_AMOUNT, YS_LOOKUP_NONE, 130, NULL, NULL },
  { N_("Marks"), -1, YS_LOOKUP_NONE, 90, income_flags, income_flag_labels },
  { N_("Note"), YS_INCOME_NOTE, YS_LOOKUP_NONE, 0, NULL, NULL },
};

static const int income_copy_fields[] = {
  YS_INCOME_UNIT_CODE, YS_INCOME_FUNC_CODE, YS_INCOME_SOURCE, YS_INCOME_SUB_SOURCE,
  YS_INCOME_CARRY_OVER, -1
};

static gboolean
text_matches (const char *text,
              const char *search)
{
  return text != NULL && *text != '\0' && strstr (text, search) != NULL;
}

static gboolean
income_matches (YsIncomePage *self,
                YsRecord     *row)
{
  const char *unit;
  const char *func;

  if (self->search == NULL)
    return TRUE;
  unit = ys_record_get_text (row, YS_INCOME_UNIT_CODE);
  func = ys_record_get_text (row, YS_INCOME_FUNC_CODE);
  return text_matches (unit, self->search)
      || text_matches (func, self->search)
      || text_matches (ys_record_get_text (row, YS_INCOME_SOURCE), self->search)
      || text_matches (ys_record_get_text (row, YS_INCOME_SUB_SOURCE), self->search)
      || text_matches (ys_record_get_text (row, YS_INCOME_NOTE), self->search)
      || text_matches (ys_lookup_name (self->lookup, YS_LOOKUP_UNIT, unit), self->search)
      || text_matches (ys_lookup_name (self->lookup, YS_LOOKUP_FUNCTION, func), self->search);
}

static gboolean
filter_income_cb (gpointer item,
                  gpointer user_data)
{
  YsIncomePage *self = user_data;

  return self->lookup == NULL || income_matches (self, item);
}

static void
set_money (GtkLabel *label,
           YsMoney   fen)
{
  g_autofree char *text = ys_money_format (fen, YS_MONEY_YUAN, TRUE);
  g_autofree char *wan = ys_money_format (fen, YS_MONEY_WAN, TRUE);
  /* Translators: a tooltip on a total shown in 元: the same figure in 万元 */
  g_autofree char *tooltip = g_strdup_printf (_("%s ten-thousand yuan"), wan);

  gtk_label_set_label (label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (label), tooltip);
}

static gboolean
update_footer_cb (gpointer user_data)
{
  YsIncomePage *self = user_data;
  guint n = self->income ? g_list_model_get_n_items (self->income) : 0;
  guint shown = 0;
  YsMoney total = 0, fiscal = 0, carried = 0;
  g_autofree char *count = NULL;

  self->footer_idle = 0;
  for (guint i = 0; i < n; i++)
    {
      YsRecord *row = ys_document_get (self->document, &ys_income_kind, i);
      YsMoney amount;

      if (!income_matches (self, row))
        continue;
      amount = ys_record_get_int (row, YS_INCOME_AMOUNT);
      shown++;
      total += amount;
      if (ys_fund_source_is_fiscal (ys_record_get_text (row, YS_INCOME_SOURCE)))
        fiscal += amount;
      if (ys_record_get_int (row, YS_INCOME_CARRY_OVER))
        carried += amount;
    }

  if (self->search != NULL)
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u income row", "%u of %u income rows", n),
                             shown, n);
  else
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u income row", "%u income rows", n), n);
  gtk_label_set_label (self->count_label, count);
  set_money (self->total_label, total);
  set_money (self->fiscal_label, fiscal);
  set_money (self->carry_label, carried);
  return G_SOURCE_REMOVE;
}

static void
queue_update_footer (YsIncomePage *self)
{
  if (self->footer_idle == 0)
    self->footer_idle = g_idle_add_full (G_PRIORITY_LOW, update_footer_cb, self, NULL);
}

static void
update_state (YsIncomePage *self)
{
  GtkSelectionModel *selection = ys_record_grid_get_selection (self->grid);
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (selection);
  gboolean open = self->document != NULL;
  /* The empty row at the end of the table does not count. */
  gboolean any = (self->income && g_list_model_get_n_items (self->income) > 0)
                 || self->grid_wanted || self->search != NULL;

  gtk_stack_set_visible_child_name (self->stack, any ? "list" : "empty");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "income.add-row", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "income.paste", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "income.delete-rows", open && !gtk_bitset_is_empty (selected));
}

static void
on_selection_changed_cb (YsIncomePage      *self,
                         guint              position,
                         guint              n_items,
                         GtkSelectionModel *selection)
{
  update_state (self);
}

static void
on_rows_changed_cb (YsIncomePage *self,
                    guint         position,
                    guint         removed,
                    guint         added,
                    GListModel   *rows)
{
  update_state (self);
}

static void
on_search_entry_search_changed_cb (YsIncomePage   *self,
                                   GtkSearchEntry *entry)
{
  g_autofree char *stripped = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  g_clear_pointer (&self->search, g_free);
  if (*stripped != '\0')
    self->search = g_steal_pointer (&stripped);
  gtk_filter_changed (self->filter, GTK_FILTER_CHANGE_DIFFERENT);
  queue_update_footer (self);
  update_state (self);
}

static void
on_document_changed_cb (YsIncomePage *self,
                        YsRecord     *record,
                        guint         type,
                        int           field,
                        YsDocument   *document)
{
  if (record == NULL || YS_IS_INCOME (record))
    queue_update_footer (self);
}

static void
on_grid_prepare_draft_cb (YsIncomePage *self,
                          YsRecord     *row,
                          YsRecordGrid *grid)
{
  /* The only unit, when there is one, and the usual source. */
  if (self->document != NULL && ys_document_count (self->document, &ys_unit_kind) == 1)
    ys_record_set_text (row, YS_INCOME_UNIT_CODE,
                        ys_record_get_text (ys_document_get (self->document, &ys_unit_kind, 0), YS_UNIT_CODE));
  ys_record_set_text (row, YS_INCOME_SOURCE, g_intern_static_string ("一般公共预算拨款"));
}

YsDocument *
ys_income_page_get_document (YsIncomePage *self)
{
  g_return_val_if_fail (YS_IS_INCOME_PAGE (self), NULL);

  return self->document;
}

void
ys_income_page_set_document (YsIncomePage *self,
                             YsDocument   *document)
{
  g_return_if_fail (YS_IS_INCOME_PAGE (self));
  g_return_if_fail (!document || YS_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  ys_record_grid_set_document (self->grid, NULL, NULL);
  g_clear_object (&self->income);
  g_clear_object (&self->lookup);
  g_set_object (&self->document, document);
  self->grid_wanted = FALSE;

  if (document != NULL)
    {
      self->income = g_object_ref (ys_document_get_model (document, &ys_income_kind));
      self->lookup = ys_lookup_new (document);
      g_signal_connect_object (document, "changed",
                               G_CALLBACK (on_document_changed_cb), self, G_CONNECT_SWAPPED);
      ys_record_grid_set_document (self->grid, document, self->lookup);
    }
  queue_update_footer (self);
  update_state (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

static void
add_row_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  YsIncomePage *self = YS_INCOME_PAGE (widget);

  self->grid_wanted = TRUE;
  update_state (self);
  ys_record_grid_add_row (self->grid);
}

static void
delete_rows_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ys_record_grid_delete_selected (YS_INCOME_PAGE (widget)->grid);
}

static void
paste_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  YsIncomePage *self = YS_INCOME_PAGE (widget);

  self->grid_wanted = TRUE;
  update_state (self);
  ys_record_grid_paste (self->grid);
}

/* income.reveal (kind, id, field): the cell a finding names. */
static void
reveal_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  YsIncomePage *self = YS_INCOME_PAGE (widget);
  const char *kind;
  gint64 id;
  int field;
  guint n;

  if (self->document == NULL)
    return;
  g_variant_get (parameter, "(&sxi)", &kind, &id, &field);
  if (g_strcmp0 (kind, ys_income_kind.name) != 0)
    return;
  n = g_list_model_get_n_items (self->income);
  for (guint i = 0; i < n; i++)
    {
      YsRecord *row = ys_document_get (self->document, &ys_income_kind, i);

      if (ys_record_get_id (row) != id)
        continue;
      if (self->search != NULL && !income_matches (self, row))
        gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      on_search_entry_search_changed_cb (self, self->search_entry);
      gtk_stack_set_visible_child_name (self->stack, "list");
      ys_record_grid_reveal (self->grid, row, field);
      return;
    }
}

static void
ys_income_page_dispose (GObject *object)
{
  YsIncomePage *self = YS_INCOME_PAGE (object);
  GtkWidget *child;

  g_clear_handle_id (&self->footer_idle, g_source_remove);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), YS_TYPE_INCOME_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->filter);
  g_clear_object (&self->income);
  g_clear_object (&self->lookup);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (ys_income_page_parent_class)->dispose (object);
}

static void
ys_income_page_finalize (GObject *object)
{
  YsIncomePage *self = YS_INCOME_PAGE (object);

  g_free (self->search);

  G_OBJECT_CLASS (ys_income_page_parent_class)->finalize (object);
}

static void
ys_income_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  YsIncomePage *self = YS_INCOME_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ys_income_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  YsIncomePage *self = YS_INCOME_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      ys_income_page_set_document (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ys_income_page_class_init (YsIncomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ys_income_page_dispose;
  object_class->finalize = ys_income_page_finalize;
  object_class->get_property = ys_income_page_get_property;
  object_class->set_property = ys_income_page_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, YS_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "income.add-row", NULL, add_row_activated);
  gtk_widget_class_install_action (widget_class, "income.delete-rows", NULL, delete_rows_activated);
  gtk_widget_class_install_action (widget_class, "income.paste", NULL, paste_activated);
  gtk_widget_class_install_action (widget_class, "income.reveal", "(sxi)", reveal_activated);

  g_type_ensure (YS_TYPE_INCOME);
  g_type_ensure (YS_TYPE_RECORD_GRID);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/yusuan/Yusuan/ui/ys-income-page.ui");
  gtk_widget_class_bind_template_child (widget_class, YsIncomePage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, YsIncomePage, stack);
  gtk_widget_class_bind_template_child (widget_class, YsIncomePage, grid);
  gtk_widget_class_bind_template_child (widget_class, YsIncomePage, count_label);
  gtk_widget_class_bind_template_child (widget_class, YsIncomePage, fiscal_label);
  gtk_widget_class_bind_template_child (widget_class, YsIncomePage, carry_label);
  gtk_widget_class_bind_template_child (widget_class, YsIncomePage, total_label);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_grid_prepare_draft_cb);
}

static void
ys_income_page_init (YsIncomePage *self)
{
  GtkSelectionModel *selection;

  gtk_widget_init_template (GTK_WIDGET (self));

  ys_record_grid_setup (self->grid, &ys_income_kind, income_columns, G_N_ELEMENTS (income_columns),
                        income_copy_fields);
  ys_record_grid_set_label (self->grid, _("Income"));
  self->filter = GTK_FILTER (gtk_custom_filter_new (filter_income_cb, self, NULL));
  ys_record_grid_set_filter (self->grid, self->filter);

  selection = ys_record_grid_get_selection (self->grid);
  g_signal_connect_object (selection, "selection-changed", G_CALLBACK (on_selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (selection, "items-changed", G_CALLBACK (on_rows_changed_cb), self, G_CONNECT_SWAPPED);
  update_state (self);
  update_footer_cb (self);
}
