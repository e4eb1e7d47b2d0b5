/* A page holding one kind of record as an editable table (支出明细, 收入,
 * 政府采购, 政府购买服务, 资产, 上年数): search, add, paste and delete above
 * it, the totals of the rows shown below it. What differs between those
 * pages is data (ys-grid-page-kinds.c); the line items' page adds filters
 * of its own (YsLinesPage). A department has up to ~100,000 line items:
 * the totals are added up in slices between frames, never in one go on a
 * keystroke, and a search looks each code up once. */
#define G_LOG_DOMAIN "yusuan"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "ys-grid-page.h"
#include "ys-grid-page-kinds.h"
#include "ys-import-dialog.h"
#include "ys-money.h"

#define MAX_TOTALS 4
/* Rows added up per idle call: a few milliseconds' worth. */
#define FOOTER_SLICE 5000

typedef struct
{
  /* template */
  GtkSearchEntry       *search_entry;
  GtkWidget            *filters_box;
  GtkButton            *paste_button;
  GtkWidget            *import_button;
  GtkWidget            *import_first_button;
  GtkButton            *delete_button;
  GtkButton            *add_button;
  AdwButtonContent     *add_content;
  GtkStack             *stack;
  AdwStatusPage        *empty_page;
  GtkButton            *add_first_button;
  YsRecordGrid         *grid;
  GtkWidget            *totals_box;
  GtkLabel             *count_label;
  GtkLabel             *hint_label;
  GtkLabel             *findings_label;

  const YsGridPageKind *page_kind;
  GtkLabel             *total_labels[MAX_TOTALS];
  guint                 n_totals;

  YsLookup             *lookup;
  GListModel           *rows;
  GtkFilter            *filter;
  char                 *search;
  /* Per code or choice (interned, so per pointer): whether it or its name
   * contains the search. A search looks at 100,000 lines but a few hundred
   * distinct codes. Forgotten when the search or a name changes. */
  GHashTable           *search_memo[YS_LOOKUP_N_KINDS];
  /* The last code asked about per kind and its answer: neighbouring lines
   * mostly share their unit, type and source. */
  const char           *memo_last[YS_LOOKUP_N_KINDS];
  gboolean              memo_last_match[YS_LOOKUP_N_KINDS];
  gboolean              grid_filtered;  /* the grid has @filter */
  gboolean              grid_wanted;  /* Add or Paste on the empty page */

  /* The messages of the focused row, told under the count: a tooltip
   * follows the pointer only. */
  GtkRoot              *focus_root;
  gulong                focus_handler;
  guint                 findings_idle;

  /* Totals being added up. */
  guint                 footer_idle;
  guint                 footer_position;
  guint                 footer_count;
  YsMoney               footer_sums[MAX_TOTALS];
} YsGridPagePrivate;

G_DEFINE_TYPE_WITH_PRIVATE (YsGridPage, ys_grid_page, YS_TYPE_PAGE)

enum { PROP_0, PROP_KIND_NAME, N_PROPS };
static GParamSpec *properties[N_PROPS];

#define PRIV(self) ((YsGridPagePrivate *) ys_grid_page_get_instance_private (YS_GRID_PAGE (self)))

static void
set_accessible_label (gpointer    widget,
                      const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/* Filter */

static gboolean
text_matches (const char *text,
              const char *search)
{
  return text != NULL && *text != '\0' && strstr (text, search) != NULL;
}

/* Whether the code (or choice) @code, or its name, contains the search. */
gboolean
ys_grid_page_code_matches (YsGridPage   *self,
                           YsLookupKind  kind,
                           const char   *code)
{
  /* Called for every line: the instance is not checked again. */
  YsGridPagePrivate *priv = ys_grid_page_get_instance_private (self);
  GHashTable *memo = priv->search_memo[kind];
  gpointer found;
  gboolean match;

  if (code == NULL || *code == '\0' || priv->search == NULL)
    return FALSE;
  if (code == priv->memo_last[kind])
    return priv->memo_last_match[kind];
  if (g_hash_table_lookup_extended (memo, code, NULL, &found))
    match = GPOINTER_TO_INT (found);
  else
    {
      match = text_matches (code, priv->search)
              || (priv->lookup != NULL && text_matches (ys_lookup_name (priv->lookup, kind, code), priv->search));
      g_hash_table_insert (memo, (gpointer) code, GINT_TO_POINTER (match));
    }
  priv->memo_last[kind] = code;
  priv->memo_last_match[kind] = match;
  return match;
}

static void
forget_search_memo (YsGridPage *self)
{
  YsGridPagePrivate *priv = PRIV (self);

  for (guint k = 0; k < G_N_ELEMENTS (priv->search_memo); k++)
    g_hash_table_remove_all (priv->search_memo[k]);
  memset (priv->memo_last, 0, sizeof priv->memo_last);
}

static gboolean
subclass_filtered (YsGridPage *self)
{
  YsGridPageClass *klass = YS_GRID_PAGE_GET_CLASS (self);

  return klass->is_filtered != NULL && klass->is_filtered (self);
}

static gboolean
is_filtered (YsGridPage *self)
{
  return PRIV (self)->search != NULL || subclass_filtered (self);
}

/* The text of every column, and the name behind every code. */
static gboolean
search_matches (YsGridPage *self,
                YsRecord   *row)
{
  YsGridPagePrivate *priv = ys_grid_page_get_instance_private (self);
  const YsKind *kind = priv->page_kind->kind;

  for (guint c = 0; c < priv->page_kind->n_columns; c++)
    {
      const YsGridColumnInfo *col = &priv->page_kind->columns[c];
      YsFieldType type;
      const char *text;

      if (col->field < 0)
        continue;
      type = kind->fields[col->field].type;
      if (type == YS_FIELD_MONEY || type == YS_FIELD_INT || type == YS_FIELD_BOOL)
        continue;
      text = ys_record_get_text (row, col->field);
      /* Codes and choices are interned: their answer is kept. */
      if ((type == YS_FIELD_CODE || type == YS_FIELD_CHOICE) && col->lookup != YS_LOOKUP_NONE)
        {
          if (ys_grid_page_code_matches (self, col->lookup, text))
            return TRUE;
        }
      else if (text_matches (text, priv->search))
        return TRUE;
    }
  return FALSE;
}

static gboolean
row_matches (YsGridPage *self,
             YsRecord   *row)
{
  YsGridPageClass *klass = (YsGridPageClass *) G_TYPE_INSTANCE_GET_CLASS (self, YS_TYPE_GRID_PAGE, YsGridPageClass);

  if (klass->is_filtered != NULL && klass->is_filtered (self) && !klass->row_matches (self, row))
    return FALSE;
  return ((YsGridPagePrivate *) ys_grid_page_get_instance_private (self))->search == NULL
         || search_matches (self, row);
}

static gboolean
filter_row_cb (gpointer item,
               gpointer user_data)
{
  YsGridPage *self = user_data;

  return ((YsGridPagePrivate *) ys_grid_page_get_instance_private (self))->lookup == NULL
         || row_matches (self, item);
}

/* Footer */

static char *
ys_grid_page_real_describe_count (YsGridPage *self,
                                  guint       shown,
                                  guint       all,
                                  gboolean    filtered)
{
  if (filtered)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u row", "%u of %u rows", all), shown, all);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u row", "%u rows", all), all);
}

static void
show_footer (YsGridPage *self)
{
  YsGridPagePrivate *priv = PRIV (self);
  guint all = priv->rows ? g_list_model_get_n_items (priv->rows) : 0;
  g_autofree char *count = YS_GRID_PAGE_GET_CLASS (self)->describe_count (self, priv->footer_count, all,
                                                                          is_filtered (self));

  gtk_label_set_label (priv->count_label, count);
  for (guint t = 0; t < priv->n_totals; t++)
    ys_page_set_money_label (priv->total_labels[t], priv->footer_sums[t]);
}

static gboolean
update_footer_cb (gpointer user_data)
{
  YsGridPage *self = user_data;
  YsGridPagePrivate *priv = PRIV (self);
  YsDocument *document = ys_page_get_document (YS_PAGE (self));
  guint n = priv->rows ? g_list_model_get_n_items (priv->rows) : 0;
  guint end = MIN (n, priv->footer_position + FOOTER_SLICE);
  gboolean filtered = is_filtered (self);

  for (guint i = priv->footer_position; i < end; i++)
    {
      YsRecord *row = ys_document_get (document, priv->page_kind->kind, i);

      if (filtered && !row_matches (self, row))
        continue;
      priv->footer_count++;
      for (guint t = 0; t < priv->n_totals; t++)
        {
          const YsGridPageTotal *total = &priv->page_kind->totals[t];

          if (total->counts == NULL || total->counts (row))
            priv->footer_sums[t] += ys_record_get_int (row, total->field);
        }
    }
  priv->footer_position = end;
  if (end < n)
    return G_SOURCE_CONTINUE;

  priv->footer_idle = 0;
  show_footer (self);
  return G_SOURCE_REMOVE;
}

static void
queue_update_footer (YsGridPage *self)
{
  YsGridPagePrivate *priv = PRIV (self);

  if (priv->page_kind == NULL)
    return;
  /* Started over on every change; a paste of many rows or a burst of
   * typing adds up once, after it. */
  priv->footer_position = 0;
  priv->footer_count = 0;
  memset (priv->footer_sums, 0, sizeof priv->footer_sums);
  if (priv->footer_idle == 0)
    priv->footer_idle = g_idle_add_full (G_PRIORITY_LOW, update_footer_cb, self, NULL);
}

/* State */

static void
update_state (YsGridPage *self)
{
  YsGridPagePrivate *priv = PRIV (self);
  GtkSelectionModel *selection = ys_record_grid_get_selection (priv->grid);
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (selection);
  gboolean open = ys_page_get_document (YS_PAGE (self)) != NULL && priv->page_kind != NULL;
  /* The empty row at the end of the table does not count: a page without
   * rows starts on the page that says what they are. */
  gboolean any = (priv->rows && g_list_model_get_n_items (priv->rows) > 0)
                 || priv->grid_wanted || is_filtered (self);

  ys_page_set_empty (YS_PAGE (self), !any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "grid-page.add-row", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "grid-page.paste", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "grid-page.import",
                                 open && ys_page_get_import_kind (YS_PAGE (self)) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "grid-page.delete-rows",
                                 open && !gtk_bitset_is_empty (selected));
}

static void
ys_grid_page_update_actions (YsPage *page)
{
  update_state (YS_GRID_PAGE (page));
}

/* @change: how the rows asked for differ from those shown; only the rows
 * shown are looked at again when fewer can match, only those hidden when
 * more can. */
static void
refilter (YsGridPage      *self,
          GtkFilterChange  change)
{
  YsGridPagePrivate *priv = PRIV (self);
  gboolean filtered = is_filtered (self);

  forget_search_memo (self);
  /* No filter at all when nothing is asked: all rows, without a look at each. */
  if (filtered && priv->grid_filtered)
    gtk_filter_changed (priv->filter, change);
  else
    ys_record_grid_set_filter (priv->grid, filtered ? priv->filter : NULL);
  priv->grid_filtered = filtered;
  queue_update_footer (self);
  update_state (self);
}

void
ys_grid_page_refilter (YsGridPage *self)
{
  g_return_if_fail (YS_IS_GRID_PAGE (self));

  refilter (self, GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_selection_changed_cb (YsGridPage        *self,
                         guint              position,
                         guint              n_items,
                         GtkSelectionModel *selection)
{
  update_state (self);
}

static void
on_rows_changed_cb (YsGridPage *self,
                    guint       position,
                    guint       removed,
                    guint       added,
                    GListModel *rows)
{
  update_state (self);
}

static void
on_search_entry_search_changed_cb (YsGridPage     *self,
                                   GtkSearchEntry *entry)
{
  YsGridPagePrivate *priv = PRIV (self);

  g_autofree char *old = g_steal_pointer (&priv->search);
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;

  priv->search = ys_page_search_text (GTK_EDITABLE (entry));
  /* A line shows when one of its texts contains the search: a longer
   * search containing the old one shows some of the same lines, a shorter
   * one contained in it all of them and more. Typing a code key by key
   * looks only at the lines still shown. */
  if (old != NULL && priv->search != NULL && strstr (priv->search, old) != NULL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (old != NULL && priv->search != NULL && strstr (old, priv->search) != NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  refilter (self, change);
}

static void
update_focused_findings (YsGridPage *self)
{
  YsGridPagePrivate *priv = PRIV (self);
  YsFindingLevel level = YS_FINDING_WARNING;
  const char *text = ys_record_grid_get_focused_findings (priv->grid, &level);
  const char *hint = gtk_label_get_label (priv->hint_label);

  gtk_widget_remove_css_class (GTK_WIDGET (priv->findings_label), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (priv->findings_label), "warning");
  if (text != NULL)
    {
      gtk_label_set_label (priv->findings_label, text);
      gtk_widget_set_tooltip_text (GTK_WIDGET (priv->findings_label), text);
      gtk_widget_add_css_class (GTK_WIDGET (priv->findings_label),
                                level == YS_FINDING_ERROR ? "error" : "warning");
    }
  /* In the hint's place, which comes back when the row is left. */
  gtk_widget_set_visible (GTK_WIDGET (priv->findings_label), text != NULL);
  gtk_widget_set_visible (GTK_WIDGET (priv->hint_label), text == NULL && hint != NULL && *hint != '\0');
}

static gboolean
update_focused_findings_cb (gpointer user_data)
{
  YsGridPage *self = user_data;

  PRIV (self)->findings_idle = 0;
  update_focused_findings (self);
  return G_SOURCE_REMOVE;
}

static void
on_focus_widget_cb (YsGridPage *self,
                    GParamSpec *pspec,
                    GtkRoot    *root)
{
  update_focused_findings (self);
}

static void
ys_grid_page_map (GtkWidget *widget)
{
  YsGridPagePrivate *priv = PRIV (widget);

  GTK_WIDGET_CLASS (ys_grid_page_parent_class)->map (widget);
  priv->focus_root = gtk_widget_get_root (widget);
  if (priv->focus_root != NULL)
    priv->focus_handler = g_signal_connect_object (priv->focus_root, "notify::focus-widget",
                                                   G_CALLBACK (on_focus_widget_cb), widget, G_CONNECT_SWAPPED);
  update_focused_findings (YS_GRID_PAGE (widget));
}

static void
ys_grid_page_unmap (GtkWidget *widget)
{
  YsGridPagePrivate *priv = PRIV (widget);

  if (priv->focus_root != NULL)
    g_clear_signal_handler (&priv->focus_handler, priv->focus_root);
  priv->focus_root = NULL;
  GTK_WIDGET_CLASS (ys_grid_page_parent_class)->unmap (widget);
}

static void
on_document_changed_cb (YsGridPage *self,
                        YsRecord   *record,
                        guint       type,
                        int         field,
                        YsDocument *document)
{
  YsGridPagePrivate *priv = PRIV (self);

  if (record == NULL || ys_record_get_kind (record) == priv->page_kind->kind)
    queue_update_footer (self);
  /* After the grid has marked its rows again (at low priority). */
  if (priv->findings_idle == 0)
    priv->findings_idle = g_idle_add_full (G_PRIORITY_LOW + 10, update_focused_findings_cb, self, NULL);
  /* The names a search looks at. */
  if (record == NULL || ys_record_get_kind (record) == &ys_unit_kind
      || ys_record_get_kind (record) == &ys_project_kind)
    forget_search_memo (self);
}

static void
ys_grid_page_real_prepare_draft (YsGridPage *self,
                                 YsRecord   *row)
{
  YsGridPagePrivate *priv = PRIV (self);

  if (priv->page_kind->prepare_draft != NULL)
    priv->page_kind->prepare_draft (ys_page_get_document (YS_PAGE (self)), row);
}

static void
on_grid_prepare_draft_cb (YsGridPage   *self,
                          YsRecord     *row,
                          YsRecordGrid *grid)
{
  if (ys_page_get_document (YS_PAGE (self)) != NULL)
    YS_GRID_PAGE_GET_CLASS (self)->prepare_draft (self, row);
}

static GtkWidget *
total_new (const YsGridPageTotal *total,
           GtkLabel             **value_out)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *caption = gtk_label_new (_(total->caption));
  GtkWidget *value = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (caption), 1);
  gtk_widget_add_css_class (caption, "caption");
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (value), 1);
  gtk_label_set_selectable (GTK_LABEL (value), TRUE);
  gtk_widget_set_can_focus (value, FALSE);
  gtk_widget_add_css_class (value, "numeric");
  if (total->main)
    gtk_widget_add_css_class (value, "heading");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (value), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  caption, NULL, -1);
  gtk_box_append (GTK_BOX (box), caption);
  gtk_box_append (GTK_BOX (box), value);
  *value_out = GTK_LABEL (value);
  return box;
}

/* Once, at construction: the page's words, columns and totals. */
void
ys_grid_page_set_kind_name (YsGridPage *self,
                            const char *name)
{
  YsGridPagePrivate *priv = PRIV (self);
  const YsGridPageKind *page_kind = ys_grid_page_kind_find (name);
  GtkSelectionModel *selection;

  g_return_if_fail (priv->page_kind == NULL);
  if (page_kind == NULL)
    {
      g_critical ("no grid page for “%s”", name ? name : "(null)");
      return;
    }
  priv->page_kind = page_kind;

  g_object_set (priv->search_entry, "placeholder-text", _(page_kind->search_placeholder), NULL);
  set_accessible_label (priv->search_entry, _(page_kind->search_label));
  set_accessible_label (priv->paste_button, _(page_kind->paste_accessible));
  gtk_widget_set_tooltip_text (GTK_WIDGET (priv->delete_button), _(page_kind->delete_tooltip));
  set_accessible_label (priv->delete_button, _(page_kind->delete_accessible));
  adw_button_content_set_label (priv->add_content, _(page_kind->add_label));
  gtk_widget_set_tooltip_text (GTK_WIDGET (priv->add_button), _(page_kind->add_tooltip));
  set_accessible_label (priv->add_button, _(page_kind->add_accessible));
  adw_status_page_set_icon_name (priv->empty_page, page_kind->icon_name);
  adw_status_page_set_title (priv->empty_page, _(page_kind->empty_title));
  adw_status_page_set_description (priv->empty_page, _(page_kind->empty_description));
  gtk_button_set_label (priv->add_first_button, _(page_kind->add_first_label));
  set_accessible_label (priv->add_first_button, _(page_kind->add_first_accessible));
  set_accessible_label (priv->totals_box, _(page_kind->totals_label));
  ys_page_set_title (YS_PAGE (self), _(page_kind->title));
  if (ys_import_dialog_supports (page_kind->kind))
    ys_page_set_import_kind (YS_PAGE (self), page_kind->kind);
  gtk_widget_set_visible (priv->import_button, ys_import_dialog_supports (page_kind->kind));
  gtk_widget_set_visible (priv->import_first_button, ys_import_dialog_supports (page_kind->kind));

  for (const YsGridPageTotal *total = page_kind->totals;
       total->caption != NULL && priv->n_totals < MAX_TOTALS; total++)
    {
      gtk_box_append (GTK_BOX (priv->totals_box), total_new (total, &priv->total_labels[priv->n_totals]));
      priv->n_totals++;
    }

  ys_record_grid_setup (priv->grid, page_kind->kind, page_kind->columns, page_kind->n_columns,
                        page_kind->copy_fields);
  ys_record_grid_set_label (priv->grid, _(page_kind->title));

  selection = ys_record_grid_get_selection (priv->grid);
  g_signal_connect_object (selection, "selection-changed", G_CALLBACK (on_selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (selection, "items-changed", G_CALLBACK (on_rows_changed_cb), self, G_CONNECT_SWAPPED);
  update_state (self);
  show_footer (self);
}

YsRecordGrid *
ys_grid_page_get_grid (YsGridPage *self)
{
  g_return_val_if_fail (YS_IS_GRID_PAGE (self), NULL);

  return PRIV (self)->grid;
}

YsLookup *
ys_grid_page_get_lookup (YsGridPage *self)
{
  g_return_val_if_fail (YS_IS_GRID_PAGE (self), NULL);

  return PRIV (self)->lookup;
}

const char *
ys_grid_page_get_search (YsGridPage *self)
{
  g_return_val_if_fail (YS_IS_GRID_PAGE (self), NULL);

  return PRIV (self)->search;
}

/* Puts @widget (a filter of the subclass) after the search entry. */
void
ys_grid_page_add_filter (YsGridPage *self,
                         GtkWidget  *widget)
{
  YsGridPagePrivate *priv;

  g_return_if_fail (YS_IS_GRID_PAGE (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  priv = PRIV (self);
  g_object_ref (widget);
  if (gtk_widget_get_parent (widget) != NULL)
    gtk_widget_unparent (widget);
  gtk_box_append (GTK_BOX (priv->filters_box), widget);
  gtk_widget_set_visible (priv->filters_box, TRUE);
  /* Room for the filters in the width every page is given. */
  gtk_editable_set_width_chars (GTK_EDITABLE (priv->search_entry), 5);
  g_object_unref (widget);
}

/* Under the count: how the table is typed in. */
void
ys_grid_page_set_hint (YsGridPage *self,
                       const char *hint)
{
  YsGridPagePrivate *priv;

  g_return_if_fail (YS_IS_GRID_PAGE (self));

  priv = PRIV (self);
  gtk_label_set_label (priv->hint_label, hint ? hint : "");
  update_focused_findings (self);
}

/* YsPage */

static void
ys_grid_page_document_changed (YsPage *page)
{
  YsGridPage *self = YS_GRID_PAGE (page);
  YsGridPagePrivate *priv = PRIV (self);
  YsDocument *document = ys_page_get_document (page);

  g_return_if_fail (priv->page_kind != NULL);

  ys_record_grid_set_document (priv->grid, NULL, NULL);
  g_clear_object (&priv->rows);
  g_clear_object (&priv->lookup);
  forget_search_memo (self);
  priv->grid_wanted = FALSE;

  if (document != NULL)
    {
      priv->rows = g_object_ref (ys_document_get_model (document, priv->page_kind->kind));
      priv->lookup = ys_lookup_new (document);
      g_signal_connect_object (document, "changed",
                               G_CALLBACK (on_document_changed_cb), self, G_CONNECT_SWAPPED);
      ys_record_grid_set_document (priv->grid, document, priv->lookup);
    }
  queue_update_footer (self);
}

static void
ys_grid_page_validator_changed (YsPage *page)
{
  ys_record_grid_set_validator (PRIV (page)->grid, ys_page_get_validator (page));
}

static gboolean
ys_grid_page_shows (YsPage   *page,
                    YsRecord *record)
{
  YsGridPagePrivate *priv = PRIV (page);

  return priv->page_kind != NULL && ys_record_get_kind (record) == priv->page_kind->kind;
}

/* The cell a finding names. Filters that hide the row are cleared first,
 * now, not after the entry's typing delay: the row must be listed before
 * the grid looks for it. */
static void
ys_grid_page_reveal (YsPage   *page,
                     YsRecord *record,
                     int       field)
{
  YsGridPage *self = YS_GRID_PAGE (page);
  YsGridPagePrivate *priv = PRIV (self);

  if (is_filtered (self) && !row_matches (self, record))
    {
      g_signal_handlers_block_by_func (priv->search_entry, on_search_entry_search_changed_cb, self);
      gtk_editable_set_text (GTK_EDITABLE (priv->search_entry), "");
      g_signal_handlers_unblock_by_func (priv->search_entry, on_search_entry_search_changed_cb, self);
      g_clear_pointer (&priv->search, g_free);
      if (YS_GRID_PAGE_GET_CLASS (self)->clear_filters != NULL)
        YS_GRID_PAGE_GET_CLASS (self)->clear_filters (self);
      ys_grid_page_refilter (self);
    }
  ys_page_set_empty (page, FALSE);
  ys_record_grid_reveal (priv->grid, record, field);
}

static gboolean
ys_grid_page_search (YsPage     *page,
                     const char *text)
{
  YsGridPage *self = YS_GRID_PAGE (page);
  YsGridPagePrivate *priv = PRIV (self);

  gtk_editable_set_text (GTK_EDITABLE (priv->search_entry), text ? text : "");
  on_search_entry_search_changed_cb (self, priv->search_entry);
  return TRUE;
}

/* Actions */

static void
add_row_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  YsGridPagePrivate *priv = PRIV (widget);

  priv->grid_wanted = TRUE;
  update_state (YS_GRID_PAGE (widget));
  ys_record_grid_add_row (priv->grid);
}

static void
delete_rows_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ys_record_grid_delete_selected (PRIV (widget)->grid);
}

static void
paste_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  YsGridPagePrivate *priv = PRIV (widget);

  priv->grid_wanted = TRUE;
  update_state (YS_GRID_PAGE (widget));
  ys_record_grid_paste (priv->grid);
}

static void
import_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ys_page_import (YS_PAGE (widget), NULL, NULL);
}

/* GObject */

static void
ys_grid_page_dispose (GObject *object)
{
  YsGridPagePrivate *priv = PRIV (object);

  g_clear_handle_id (&priv->footer_idle, g_source_remove);
  g_clear_handle_id (&priv->findings_idle, g_source_remove);
  /* GTK 4.8 takes the template of the instance's own class here, whatever
   * the type given: a subclass (YsLinesPage) leaves the children to the
   * page's dispose, and their references to finalize. */
  if (G_OBJECT_TYPE (object) == YS_TYPE_GRID_PAGE)
    gtk_widget_dispose_template (GTK_WIDGET (object), YS_TYPE_GRID_PAGE);
  g_clear_object (&priv->filter);
  g_clear_object (&priv->rows);
  g_clear_object (&priv->lookup);

  G_OBJECT_CLASS (ys_grid_page_parent_class)->dispose (object);
}

static void
ys_grid_page_finalize (GObject *object)
{
  YsGridPagePrivate *priv = PRIV (object);

  for (guint k = 0; k < G_N_ELEMENTS (priv->search_memo); k++)
    g_clear_pointer (&priv->search_memo[k], g_hash_table_unref);
  g_free (priv->search);

  G_OBJECT_CLASS (ys_grid_page_parent_class)->finalize (object);
}

static void
ys_grid_page_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  YsGridPagePrivate *priv = PRIV (object);

  switch (prop_id)
    {
    case PROP_KIND_NAME:
      g_value_set_string (value, priv->page_kind ? priv->page_kind->name : NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ys_grid_page_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_KIND_NAME:
      /* A subclass sets its kind in its init, before this. */
      if (g_value_get_string (value) != NULL)
        ys_grid_page_set_kind_name (YS_GRID_PAGE (object), g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ys_grid_page_class_init (YsGridPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  YsPageClass *page_class = YS_PAGE_CLASS (klass);

  object_class->dispose = ys_grid_page_dispose;
  object_class->finalize = ys_grid_page_finalize;
  object_class->get_property = ys_grid_page_get_property;
  object_class->set_property = ys_grid_page_set_property;
  widget_class->map = ys_grid_page_map;
  widget_class->unmap = ys_grid_page_unmap;
  page_class->document_changed = ys_grid_page_document_changed;
  page_class->validator_changed = ys_grid_page_validator_changed;
  page_class->shows = ys_grid_page_shows;
  page_class->reveal = ys_grid_page_reveal;
  page_class->search = ys_grid_page_search;
  page_class->update_actions = ys_grid_page_update_actions;
  klass->prepare_draft = ys_grid_page_real_prepare_draft;
  klass->describe_count = ys_grid_page_real_describe_count;

  /* Which records the page holds: a name of ys-grid-page-kinds.c. */
  properties[PROP_KIND_NAME] =
    g_param_spec_string ("kind-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "grid-page.add-row", NULL, add_row_activated);
  gtk_widget_class_install_action (widget_class, "grid-page.delete-rows", NULL, delete_rows_activated);
  gtk_widget_class_install_action (widget_class, "grid-page.paste", NULL, paste_activated);
  gtk_widget_class_install_action (widget_class, "grid-page.import", NULL, import_activated);

  g_type_ensure (YS_TYPE_RECORD_GRID);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/yusuan/Yusuan/ui/ys-grid-page.ui");
  gtk_widget_class_bind_template_child_private (widget_class, YsGridPage, search_entry);
  gtk_widget_class_bind_template_child_private (widget_class, YsGridPage, filters_box);
  gtk_widget_class_bind_template_child_private (widget_class, YsGridPage, paste_button);
  gtk_widget_class_bind_template_child_private (widget_class, YsGridPage, import_button);
  gtk_widget_class_bind_template_child_private (widget_class, YsGridPage, import_first_button);
  gtk_widget_class_bind_template_child_private (widget_class, YsGridPage, delete_button);
  gtk_widget_class_bind_template_child_private (widget_class, YsGridPage, add_button);
  gtk_widget_class_bind_template_child_private (widget_class, YsGridPage, add_content);
  gtk_widget_class_bind_template_child_private (widget_class, YsGridPage, stack);
  gtk_widget_class_bind_template_child_private (widget_class, YsGridPage, empty_page);
  gtk_widget_class_bind_template_child_private (widget_class, YsGridPage, add_first_button);
  gtk_widget_class_bind_template_child_private (widget_class, YsGridPage, grid);
  gtk_widget_class_bind_template_child_private (widget_class, YsGridPage, totals_box);
  gtk_widget_class_bind_template_child_private (widget_class, YsGridPage, count_label);
  gtk_widget_class_bind_template_child_private (widget_class, YsGridPage, hint_label);
  gtk_widget_class_bind_template_child_private (widget_class, YsGridPage, findings_label);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_grid_prepare_draft_cb);
}

static void
ys_grid_page_init (YsGridPage *self)
{
  YsGridPagePrivate *priv = PRIV (self);

  gtk_widget_init_template (GTK_WIDGET (self));
  ys_page_set_empty_stack (YS_PAGE (self), priv->stack);
  priv->filter = GTK_FILTER (gtk_custom_filter_new (filter_row_cb, self, NULL));
  for (guint k = 0; k < G_N_ELEMENTS (priv->search_memo); k++)
    priv->search_memo[k] = g_hash_table_new (g_direct_hash, g_direct_equal);
}
