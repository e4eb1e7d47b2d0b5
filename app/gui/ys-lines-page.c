/* 支出明细: every expenditure line item of the budget, in an editable table
 * (YsRecordGrid) with a search, filters by unit and type, and the totals of
 * what is shown. A department has up to ~100,000 line items: the totals
 * are added up in slices between frames, never in one go on a keystroke. */
#define G_LOG_DOMAIN "yusuan"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ys-lines-page.h"
#include "ys-lookup.h"
#include "ys-money.h"
#include "ys-record-grid.h"

/* Line items added up per idle call: a few milliseconds' worth. */
#define FOOTER_SLICE 5000

struct _YsLinesPage
{
  GtkWidget      parent_instance;

  /* template */
  GtkSearchEntry *search_entry;
  GtkDropDown    *unit_dropdown;
  GtkDropDown    *kind_dropdown;
  GtkStack       *stack;
  YsRecordGrid   *grid;
  GtkLabel       *count_label;
  GtkLabel       *hint_label;
  GtkLabel       *total_label;
  GtkLabel       *basic_label;
  GtkLabel       *project_label;

  YsDocument     *document;
  YsLookup       *lookup;
  GListModel     *lines;
  GtkFilter      *filter;
  GtkStringList  *unit_names;   /* the unit filter's items: "All Units", then units */
  GPtrArray      *unit_codes;   /* the code of each item, NULL for "All Units" */

  /* The filter, as the match function reads it. */
  GHashTable     *search_memo[YS_LOOKUP_ECONOMIC + 1];  /* code → matches */
  char           *search;
  char           *unit_code;
  const char     *kind;
  gboolean        grid_wanted;  /* Add Line or Paste on the empty page */

  /* Totals being added up. */
  guint          footer_idle;
  guint          footer_position;
  guint          footer_count;
  YsMoney        footer_total;
  YsMoney        footer_basic;
  YsMoney        footer_project;
};

G_DEFINE_FINAL_TYPE (YsLinesPage, ys_lines_page, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_DOCUMENT, N_PROPS };
static GParamSpec *properties[N_PROPS];

static const int line_flags[] = {
  YS_LINE_PROCUREMENT, YS_LINE_PURCHASED_SERVICE, YS_LINE_CARRY_OVER, -1
};
static const char *const line_flag_labels[] = {
  N_("Government Procurement"), N_("Purchased Service"), N_("Carried Over"), NULL
};

static const YsGridColumnInfo line_columns[] = {
  { N_("Unit"), YS_LINE_UNIT_CODE, YS_LOOKUP_UNIT, 140, NULL, NULL },
  { N_("Function Classification"), YS_LINE_FUNC_CODE, YS_LOOKUP_FUNCTION, 0, NULL, NULL },
  { N_("Economic Classification"), YS_LINE_ECON_CODE, YS_LOOKUP_ECONOMIC, 0, NULL, NULL },
  { N_("Expenditure Type"), YS_LINE_KIND, YS_LOOKUP_CHOICES, 86, NULL, NULL },
  { N_("Project"), YS_LINE_PROJECT_CODE, YS_LOOKUP_PROJECT, 0, NULL, NULL },
  { N_("Fund Source"), YS_LINE_SOURCE, YS_LOOKUP_CHOICES, 130, NULL, NULL },
  { N_("Amount (yuan)"), YS_LINE_AMOUNT, YS_LOOKUP_NONE, 120, NULL, NULL },
  { N_("Marks"), -1, YS_LOOKUP_NONE, 100, line_flags, line_flag_labels },
};

/* What Ctrl+Enter copies into the next line: all but the amount. */
static const int line_copy_fields[] = {
  YS_LINE_UNIT_CODE, YS_LINE_FUNC_CODE, YS_LINE_ECON_CODE, YS_LINE_GOV_ECON_CODE,
  YS_LINE_KIND, YS_LINE_PROJECT_CODE, YS_LINE_SOURCE, YS_LINE_SUB_SOURCE, -1
};

/* Filter */

static gboolean
text_matches (const char *text,
              const char *search)
{
  return text != NULL && *text != '\0' && strstr (text, search) != NULL;
}

/* Whether the code (or choice) @text, with its name, contains the search.
 * A search looks at 100,000 lines but a few hundred distinct codes: the
 * answer is kept per code (codes are interned, so per pointer) until the
 * search changes. */
static gboolean
code_matches (YsLinesPage  *self,
              YsLookupKind  kind,
              const char   *code)
{
  GHashTable *memo = self->search_memo[kind];
  gpointer found;
  gboolean match;

  if (code == NULL || *code == '\0')
    return FALSE;
  if (g_hash_table_lookup_extended (memo, code, NULL, &found))
    return GPOINTER_TO_INT (found);
  match = text_matches (code, self->search)
          || text_matches (ys_lookup_name (self->lookup, kind, code), self->search);
  g_hash_table_insert (memo, (gpointer) code, GINT_TO_POINTER (match));
  return match;
}

static gboolean
line_matches (YsLinesPage *self,
              YsRecord    *line)
{
  const char *unit = ys_record_get_text (line, YS_LINE_UNIT_CODE);
  const char *kind = ys_record_get_text (line, YS_LINE_KIND);

  /* Codes and choices are interned: the same text is the same pointer,
   * but compare text anyway, which costs little. */
  if (self->unit_code != NULL && strcmp (unit, self->unit_code) != 0)
    return FALSE;
  if (self->kind != NULL && strcmp (kind, self->kind) != 0)
    return FALSE;
  if (self->search == NULL)
    return TRUE;

  return code_matches (self, YS_LOOKUP_UNIT, unit)
      || code_matches (self, YS_LOOKUP_FUNCTION, ys_record_get_text (line, YS_LINE_FUNC_CODE))
      || code_matches (self, YS_LOOKUP_ECONOMIC, ys_record_get_text (line, YS_LINE_ECON_CODE))
      || code_matches (self, YS_LOOKUP_PROJECT, ys_record_get_text (line, YS_LINE_PROJECT_CODE))
      || code_matches (self, YS_LOOKUP_CHOICES, kind)
      || code_matches (self, YS_LOOKUP_CHOICES, ys_record_get_text (line, YS_LINE_SOURCE));
}

static void
forget_search_memo (YsLinesPage *self)
{
  for (guint k = 0; k < G_N_ELEMENTS (self->search_memo); k++)
    g_hash_table_remove_all (self->search_memo[k]);
}

static gboolean
filter_line_cb (gpointer item,
                gpointer user_data)
{
  YsLinesPage *self = user_data;

  return self->lookup == NULL || line_matches (self, item);
}

static gboolean
is_filtered (YsLinesPage *self)
{
  return self->search != NULL || self->unit_code != NULL || self->kind != NULL;
}

/* Footer */

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

static void
show_footer (YsLinesPage *self)
{
  guint all = self->lines ? g_list_model_get_n_items (self->lines) : 0;
  g_autofree char *count = NULL;

  if (is_filtered (self))
    /* Translators: the count of line items shown by a search or filter, of all */
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u line item", "%u of %u line items", all),
                             self->footer_count, all);
  else
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u line item", "%u line items", all), all);
  gtk_label_set_label (self->count_label, count);
  set_money (self->total_label, self->footer_total);
  set_money (self->basic_label, self->footer_basic);
  set_money (self->project_label, self->footer_project);
}

static gboolean
update_footer_cb (gpointer user_data)
{
  YsLinesPage *self = user_data;
  guint n = self->lines ? g_list_model_get_n_items (self->lines) : 0;
  guint end = MIN (n, self->footer_position + FOOTER_SLICE);
  gboolean filtered = is_filtered (self);

  for (guint i = self->footer_position; i < end; i++)
    {
      YsRecord *line = ys_document_get (self->document, &ys_line_kind, i);
      YsMoney amount;

      if (filtered && !line_matches (self, line))
        continue;
      amount = ys_record_get_int (line, YS_LINE_AMOUNT);
      self->footer_count++;
      self->footer_total += amount;
      if (strcmp (ys_record_get_text (line, YS_LINE_KIND), "项目支出") == 0)
        self->footer_project += amount;
      else
        self->footer_basic += amount;
    }
  self->footer_position = end;
  if (end < n)
    return G_SOURCE_CONTINUE;

  self->footer_idle = 0;
  show_footer (self);
  return G_SOURCE_REMOVE;
}

static void
queue_update_footer (YsLinesPage *self)
{
  /* Started over on every change; a paste of many rows or a burst of
   * typing adds up once, after it. */
  self->footer_position = 0;
  self->footer_count = 0;
  self->footer_total = self->footer_basic = self->footer_project = 0;
  if (self->footer_idle == 0)
    self->footer_idle = g_idle_add_full (G_PRIORITY_LOW, update_footer_cb, self, NULL);
}

static void
update_hint (YsLinesPage *self)
{
  if (ys_record_grid_get_money_unit (self->grid) == YS_MONEY_WAN)
    gtk_label_set_label (self->hint_label,
                         _("Amounts are typed in ten-thousand yuan and shown in yuan. Enter saves, Tab moves on, Ctrl+Enter adds a line."));
  else
    gtk_label_set_label (self->hint_label,
                         _("Amounts are typed and shown in yuan. Enter saves, Tab moves on, Ctrl+Enter adds a line."));
}

static void
on_grid_money_unit_cb (YsLinesPage  *self,
                       GParamSpec   *pspec,
                       YsRecordGrid *grid)
{
  update_hint (self);
}

static void
update_stack (YsLinesPage *self)
{
  /* The empty row at the end of the table does not count: a budget
   * without line items starts on the page that says what they are. */
  gboolean any = (self->lines && g_list_model_get_n_items (self->lines) > 0)
                 || self->grid_wanted || is_filtered (self);

  gtk_stack_set_visible_child_name (self->stack, any ? "list" : "empty");
}

static void
update_actions (YsLinesPage *self)
{
  GtkSelectionModel *selection = ys_record_grid_get_selection (self->grid);
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (selection);
  gboolean open = self->document != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "lines.add-row", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "lines.paste", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "lines.delete-rows", open && !gtk_bitset_is_empty (selected));
}

static void
on_selection_changed_cb (YsLinesPage       *self,
                         guint              position,
                         guint              n_items,
                         GtkSelectionModel *selection)
{
  update_actions (self);
}

static void
on_rows_changed_cb (YsLinesPage *self,
                    guint        position,
                    guint        removed,
                    guint        added,
                    GListModel  *rows)
{
  update_stack (self);
  update_actions (self);
}

/* Filters */

static void
refilter (YsLinesPage *self)
{
  forget_search_memo (self);
  /* No filter at all when nothing is asked: all rows, without a look at each. */
  ys_record_grid_set_filter (self->grid, is_filtered (self) ? self->filter : NULL);
  queue_update_footer (self);
  update_stack (self);
}

static void
on_search_entry_search_changed_cb (YsLinesPage    *self,
                                   GtkSearchEntry *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  g_clear_pointer (&self->search, g_free);
  if (*stripped != '\0')
    self->search = g_steal_pointer (&stripped);
  refilter (self);
}

static void
on_unit_dropdown_selected_cb (YsLinesPage *self,
                              GParamSpec  *pspec,
                              GtkDropDown *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);
  const char *code = selected < self->unit_codes->len ? g_ptr_array_index (self->unit_codes, selected) : NULL;

  if (g_strcmp0 (code, self->unit_code) == 0)
    return;
  g_free (self->unit_code);
  self->unit_code = g_strdup (code);
  refilter (self);
}

static void
on_kind_dropdown_selected_cb (YsLinesPage *self,
                              GParamSpec  *pspec,
                              GtkDropDown *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  /* Item 0 is "All Types"; the others are the choices themselves. */
  self->kind = selected > 0 && selected != GTK_INVALID_LIST_POSITION
               ? g_intern_string (gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (dropdown)), selected))
               : NULL;
  refilter (self);
}

static void
rebuild_unit_filter (YsLinesPage *self)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *keep = g_strdup (self->unit_code);
  guint n = self->document ? ys_document_count (self->document, &ys_unit_kind) : 0;
  guint selected = 0;

  g_ptr_array_set_size (self->unit_codes, 0);
  g_ptr_array_add (names, g_strdup (_("All Units")));
  g_ptr_array_add (self->unit_codes, NULL);
  for (guint i = 0; i < n; i++)
    {
      YsRecord *unit = ys_document_get (self->document, &ys_unit_kind, i);
      const char *code = ys_record_get_text (unit, YS_UNIT_CODE);

      g_ptr_array_add (names, g_strdup_printf ("%s %s", code, ys_record_get_text (unit, YS_UNIT_NAME)));
      g_ptr_array_add (self->unit_codes, g_strdup (code));
      if (g_strcmp0 (code, keep) == 0)
        selected = i + 1;
    }
  g_ptr_array_add (names, NULL);

  /* Blocked: the list is the same filter spelled anew. */
  g_signal_handlers_block_by_func (self->unit_dropdown, on_unit_dropdown_selected_cb, self);
  gtk_string_list_splice (self->unit_names, 0, g_list_model_get_n_items (G_LIST_MODEL (self->unit_names)),
                          (const char *const *) names->pdata);
  gtk_drop_down_set_selected (self->unit_dropdown, selected);
  g_signal_handlers_unblock_by_func (self->unit_dropdown, on_unit_dropdown_selected_cb, self);
  if (selected == 0 && keep != NULL)
    on_unit_dropdown_selected_cb (self, NULL, self->unit_dropdown);
}

/* Document */

static void
on_document_changed_cb (YsLinesPage *self,
                        YsRecord    *record,
                        guint        type,
                        int          field,
                        YsDocument  *document)
{
  if (record == NULL || YS_IS_LINE (record))
    queue_update_footer (self);
  if (record == NULL || YS_IS_UNIT (record) || YS_IS_PROJECT (record))
    forget_search_memo (self);
  if (record != NULL && YS_IS_UNIT (record)
      && (type != YS_CHANGE_UPDATE || field == YS_UNIT_CODE || field == YS_UNIT_NAME))
    rebuild_unit_filter (self);
}

static void
on_grid_prepare_draft_cb (YsLinesPage  *self,
                          YsRecord     *line,
                          YsRecordGrid *grid)
{
  const char *unit = self->unit_code;

  /* A first line starts from what the page shows: the unit and type
   * filtered on, or the only unit; and the usual fund source. */
  if (unit == NULL && self->document != NULL && ys_document_count (self->document, &ys_unit_kind) == 1)
    unit = ys_record_get_text (ys_document_get (self->document, &ys_unit_kind, 0), YS_UNIT_CODE);
  if (unit != NULL)
    ys_record_set_text (line, YS_LINE_UNIT_CODE, g_intern_string (unit));
  if (self->kind != NULL)
    ys_record_set_text (line, YS_LINE_KIND, self->kind);
  ys_record_set_text (line, YS_LINE_SOURCE, g_intern_static_string ("一般公共预算拨款"));
}

YsDocument *
ys_lines_page_get_document (YsLinesPage *self)
{
  g_return_val_if_fail (YS_IS_LINES_PAGE (self), NULL);

  return self->document;
}

void
ys_lines_page_set_document (YsLinesPage *self,
                            YsDocument  *document)
{
  g_return_if_fail (YS_IS_LINES_PAGE (self));
  g_return_if_fail (!document || YS_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  ys_record_grid_set_document (self->grid, NULL, NULL);
  g_clear_object (&self->lines);
  g_clear_object (&self->lookup);
  g_set_object (&self->document, document);
  self->grid_wanted = FALSE;

  if (document != NULL)
    {
      self->lines = g_object_ref (ys_document_get_model (document, &ys_line_kind));
      self->lookup = ys_lookup_new (document);
      g_signal_connect_object (document, "changed",
                               G_CALLBACK (on_document_changed_cb), self, G_CONNECT_SWAPPED);
      ys_record_grid_set_document (self->grid, document, self->lookup);
    }
  rebuild_unit_filter (self);
  queue_update_footer (self);
  update_stack (self);
  update_actions (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

/* Actions */

static void
add_row_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  YsLinesPage *self = YS_LINES_PAGE (widget);

  self->grid_wanted = TRUE;
  update_stack (self);
  ys_record_grid_add_row (self->grid);
}

static void
delete_rows_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ys_record_grid_delete_selected (YS_LINES_PAGE (widget)->grid);
}

static void
paste_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  YsLinesPage *self = YS_LINES_PAGE (widget);

  self->grid_wanted = TRUE;
  update_stack (self);
  ys_record_grid_paste (self->grid);
}

/* lines.reveal (kind, id, field): the cell a finding names. Filters that
 * hide the line are cleared first. */
static void
reveal_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  YsLinesPage *self = YS_LINES_PAGE (widget);
  const char *kind;
  gint64 id;
  int field;
  guint n;

  if (self->document == NULL)
    return;
  g_variant_get (parameter, "(&sxi)", &kind, &id, &field);
  if (g_strcmp0 (kind, ys_line_kind.name) != 0)
    return;
  n = g_list_model_get_n_items (self->lines);
  for (guint i = 0; i < n; i++)
    {
      YsRecord *line = ys_document_get (self->document, &ys_line_kind, i);

      if (ys_record_get_id (line) != id)
        continue;
      if (is_filtered (self) && !line_matches (self, line))
        {
          gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
          gtk_drop_down_set_selected (self->unit_dropdown, 0);
          gtk_drop_down_set_selected (self->kind_dropdown, 0);
          /* The entry's own delay would refilter too late. */
          g_clear_pointer (&self->search, g_free);
          refilter (self);
        }
      gtk_stack_set_visible_child_name (self->stack, "list");
      ys_record_grid_reveal (self->grid, line, field);
      return;
    }
}

/* GObject */

static void
ys_lines_page_dispose (GObject *object)
{
  YsLinesPage *self = YS_LINES_PAGE (object);
  GtkWidget *child;

  g_clear_handle_id (&self->footer_idle, g_source_remove);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), YS_TYPE_LINES_PAGE);
  /* dispose_template() only unparents the children the class binds. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->filter);
  g_clear_object (&self->unit_names);
  g_clear_object (&self->lines);
  g_clear_object (&self->lookup);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (ys_lines_page_parent_class)->dispose (object);
}

static void
ys_lines_page_finalize (GObject *object)
{
  YsLinesPage *self = YS_LINES_PAGE (object);

  g_clear_pointer (&self->unit_codes, g_ptr_array_unref);
  for (guint k = 0; k < G_N_ELEMENTS (self->search_memo); k++)
    g_clear_pointer (&self->search_memo[k], g_hash_table_unref);
  g_free (self->search);
  g_free (self->unit_code);

  G_OBJECT_CLASS (ys_lines_page_parent_class)->finalize (object);
}

static void
ys_lines_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  YsLinesPage *self = YS_LINES_PAGE (object);

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
ys_lines_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  YsLinesPage *self = YS_LINES_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      ys_lines_page_set_document (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ys_lines_page_class_init (YsLinesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ys_lines_page_dispose;
  object_class->finalize = ys_lines_page_finalize;
  object_class->get_property = ys_lines_page_get_property;
  object_class->set_property = ys_lines_page_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, YS_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "lines.add-row", NULL, add_row_activated);
  gtk_widget_class_install_action (widget_class, "lines.delete-rows", NULL, delete_rows_activated);
  gtk_widget_class_install_action (widget_class, "lines.paste", NULL, paste_activated);
  gtk_widget_class_install_action (widget_class, "lines.reveal", "(sxi)", reveal_activated);

  g_type_ensure (YS_TYPE_LINE);
  g_type_ensure (YS_TYPE_RECORD_GRID);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/yusuan/Yusuan/ui/ys-lines-page.ui");
  gtk_widget_class_bind_template_child (widget_class, YsLinesPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, YsLinesPage, unit_dropdown);
  gtk_widget_class_bind_template_child (widget_class, YsLinesPage, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, YsLinesPage, stack);
  gtk_widget_class_bind_template_child (widget_class, YsLinesPage, grid);
  gtk_widget_class_bind_template_child (widget_class, YsLinesPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, YsLinesPage, hint_label);
  gtk_widget_class_bind_template_child (widget_class, YsLinesPage, total_label);
  gtk_widget_class_bind_template_child (widget_class, YsLinesPage, basic_label);
  gtk_widget_class_bind_template_child (widget_class, YsLinesPage, project_label);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_unit_dropdown_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_dropdown_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_grid_prepare_draft_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_grid_money_unit_cb);
}

static void
ys_lines_page_init (YsLinesPage *self)
{
  GtkSelectionModel *selection;

  self->unit_codes = g_ptr_array_new_with_free_func (g_free);
  self->unit_names = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_drop_down_set_model (self->unit_dropdown, G_LIST_MODEL (self->unit_names));
  ys_record_grid_setup (self->grid, &ys_line_kind, line_columns, G_N_ELEMENTS (line_columns), line_copy_fields);
  ys_record_grid_set_label (self->grid, _("Expenditure Lines"));
  self->filter = GTK_FILTER (gtk_custom_filter_new (filter_line_cb, self, NULL));
  for (guint k = 0; k < G_N_ELEMENTS (self->search_memo); k++)
    self->search_memo[k] = g_hash_table_new (g_direct_hash, g_direct_equal);

  selection = ys_record_grid_get_selection (self->grid);
  g_signal_connect_object (selection, "selection-changed", G_CALLBACK (on_selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (selection, "items-changed", G_CALLBACK (on_rows_changed_cb), self, G_CONNECT_SWAPPED);

  rebuild_unit_filter (self);
  update_hint (self);
  update_actions (self);
  show_footer (self);
}
