/* A page holding one kind of record as an editable table (收入, 政府采购,
 * 政府购买服务, 资产, 上年数): search, add, paste and delete above it, the
 * totals of the rows shown below it. What differs between those pages is
 * data (ys-grid-page-kinds.c). These tables run to a few hundred rows, so
 * the totals are added up in one go. */
#define G_LOG_DOMAIN "yusuan"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "ys-grid-page.h"
#include "ys-grid-page-kinds.h"
#include "ys-lookup.h"
#include "ys-money.h"
#include "ys-record-grid.h"

#define MAX_TOTALS 4

struct _YsGridPage
{
  GtkWidget             parent_instance;

  /* template */
  GtkSearchEntry       *search_entry;
  GtkButton            *paste_button;
  GtkButton            *delete_button;
  GtkButton            *add_button;
  AdwButtonContent     *add_content;
  GtkStack             *stack;
  AdwStatusPage        *empty_page;
  GtkButton            *add_first_button;
  YsRecordGrid         *grid;
  GtkWidget            *totals_box;
  GtkLabel             *count_label;

  const YsGridPageKind *page_kind;
  GtkLabel             *total_labels[MAX_TOTALS];
  guint                 n_totals;

  YsDocument           *document;
  YsLookup             *lookup;
  GListModel           *rows;
  GtkFilter            *filter;
  char                 *search;
  guint                 footer_idle;
  gboolean              grid_wanted;  /* Add or Paste on the empty page */
};

G_DEFINE_FINAL_TYPE (YsGridPage, ys_grid_page, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_DOCUMENT, PROP_KIND_NAME, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
set_accessible_label (gpointer    widget,
                      const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static gboolean
text_matches (const char *text,
              const char *search)
{
  return text != NULL && *text != '\0' && strstr (text, search) != NULL;
}

/* The text of every column, and the name behind every code. */
static gboolean
row_matches (YsGridPage *self,
             YsRecord   *row)
{
  const YsKind *kind = self->page_kind->kind;

  if (self->search == NULL)
    return TRUE;
  for (guint c = 0; c < self->page_kind->n_columns; c++)
    {
      const YsGridColumnInfo *col = &self->page_kind->columns[c];
      const char *text;

      if (col->field < 0 || kind->fields[col->field].type == YS_FIELD_MONEY
          || kind->fields[col->field].type == YS_FIELD_INT
          || kind->fields[col->field].type == YS_FIELD_BOOL)
        continue;
      text = ys_record_get_text (row, col->field);
      if (text_matches (text, self->search))
        return TRUE;
      if (col->lookup != YS_LOOKUP_NONE && col->lookup != YS_LOOKUP_CHOICES
          && text_matches (ys_lookup_name (self->lookup, col->lookup, text), self->search))
        return TRUE;
    }
  return FALSE;
}

static gboolean
filter_row_cb (gpointer item,
               gpointer user_data)
{
  YsGridPage *self = user_data;

  return self->lookup == NULL || row_matches (self, item);
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
  YsGridPage *self = user_data;
  guint n = self->rows ? g_list_model_get_n_items (self->rows) : 0;
  guint shown = 0;
  YsMoney sums[MAX_TOTALS] = { 0 };
  g_autofree char *count = NULL;

  self->footer_idle = 0;
  if (self->page_kind == NULL)
    return G_SOURCE_REMOVE;
  for (guint i = 0; i < n; i++)
    {
      YsRecord *row = ys_document_get (self->document, self->page_kind->kind, i);

      if (!row_matches (self, row))
        continue;
      shown++;
      for (guint t = 0; t < self->n_totals; t++)
        {
          const YsGridPageTotal *total = &self->page_kind->totals[t];

          if (total->counts == NULL || total->counts (row))
            sums[t] += ys_record_get_int (row, total->field);
        }
    }

  if (self->search != NULL)
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u row", "%u of %u rows", n), shown, n);
  else
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u row", "%u rows", n), n);
  gtk_label_set_label (self->count_label, count);
  for (guint t = 0; t < self->n_totals; t++)
    set_money (self->total_labels[t], sums[t]);
  return G_SOURCE_REMOVE;
}

static void
queue_update_footer (YsGridPage *self)
{
  if (self->footer_idle == 0)
    self->footer_idle = g_idle_add_full (G_PRIORITY_LOW, update_footer_cb, self, NULL);
}

static void
update_state (YsGridPage *self)
{
  GtkSelectionModel *selection = ys_record_grid_get_selection (self->grid);
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (selection);
  gboolean open = self->document != NULL && self->page_kind != NULL;
  /* The empty row at the end of the table does not count. */
  gboolean any = (self->rows && g_list_model_get_n_items (self->rows) > 0)
                 || self->grid_wanted || self->search != NULL;

  gtk_stack_set_visible_child_name (self->stack, any ? "list" : "empty");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "grid-page.add-row", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "grid-page.paste", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "grid-page.delete-rows",
                                 open && !gtk_bitset_is_empty (selected));
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
  g_autofree char *stripped = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  g_clear_pointer (&self->search, g_free);
  if (*stripped != '\0')
    self->search = g_steal_pointer (&stripped);
  gtk_filter_changed (self->filter, GTK_FILTER_CHANGE_DIFFERENT);
  queue_update_footer (self);
  update_state (self);
}

static void
on_document_changed_cb (YsGridPage *self,
                        YsRecord   *record,
                        guint       type,
                        int         field,
                        YsDocument *document)
{
  if (record == NULL || ys_record_get_kind (record) == self->page_kind->kind)
    queue_update_footer (self);
}

static void
on_grid_prepare_draft_cb (YsGridPage   *self,
                          YsRecord     *row,
                          YsRecordGrid *grid)
{
  if (self->document != NULL && self->page_kind->prepare_draft != NULL)
    self->page_kind->prepare_draft (self->document, row);
}

static GtkWidget *
total_new (YsGridPage            *self,
           const YsGridPageTotal *total,
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
static void
set_kind_name (YsGridPage *self,
               const char *name)
{
  const YsGridPageKind *page_kind = ys_grid_page_kind_find (name);
  GtkSelectionModel *selection;

  if (page_kind == NULL)
    {
      g_critical ("no grid page for “%s”", name ? name : "(null)");
      return;
    }
  self->page_kind = page_kind;

  g_object_set (self->search_entry, "placeholder-text", _(page_kind->search_placeholder), NULL);
  set_accessible_label (self->search_entry, _(page_kind->search_label));
  set_accessible_label (self->paste_button, _(page_kind->paste_accessible));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->delete_button), _(page_kind->delete_tooltip));
  set_accessible_label (self->delete_button, _(page_kind->delete_accessible));
  adw_button_content_set_label (self->add_content, _(page_kind->add_label));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->add_button), _(page_kind->add_tooltip));
  set_accessible_label (self->add_button, _(page_kind->add_accessible));
  adw_status_page_set_icon_name (self->empty_page, page_kind->icon_name);
  adw_status_page_set_title (self->empty_page, _(page_kind->empty_title));
  adw_status_page_set_description (self->empty_page, _(page_kind->empty_description));
  gtk_button_set_label (self->add_first_button, _(page_kind->add_label));
  set_accessible_label (self->add_first_button, _(page_kind->add_first_accessible));
  set_accessible_label (self->totals_box, _(page_kind->totals_label));

  for (const YsGridPageTotal *total = page_kind->totals;
       total->caption != NULL && self->n_totals < MAX_TOTALS; total++)
    {
      gtk_box_append (GTK_BOX (self->totals_box),
                      total_new (self, total, &self->total_labels[self->n_totals]));
      self->n_totals++;
    }

  ys_record_grid_setup (self->grid, page_kind->kind, page_kind->columns, page_kind->n_columns,
                        page_kind->copy_fields);
  ys_record_grid_set_label (self->grid, _(page_kind->title));
  self->filter = GTK_FILTER (gtk_custom_filter_new (filter_row_cb, self, NULL));
  ys_record_grid_set_filter (self->grid, self->filter);

  selection = ys_record_grid_get_selection (self->grid);
  g_signal_connect_object (selection, "selection-changed", G_CALLBACK (on_selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (selection, "items-changed", G_CALLBACK (on_rows_changed_cb), self, G_CONNECT_SWAPPED);
  update_state (self);
  update_footer_cb (self);
}

YsDocument *
ys_grid_page_get_document (YsGridPage *self)
{
  g_return_val_if_fail (YS_IS_GRID_PAGE (self), NULL);

  return self->document;
}

void
ys_grid_page_set_document (YsGridPage *self,
                           YsDocument *document)
{
  g_return_if_fail (YS_IS_GRID_PAGE (self));
  g_return_if_fail (!document || YS_IS_DOCUMENT (document));
  g_return_if_fail (self->page_kind != NULL);

  if (self->document == document)
    return;

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  ys_record_grid_set_document (self->grid, NULL, NULL);
  g_clear_object (&self->rows);
  g_clear_object (&self->lookup);
  g_set_object (&self->document, document);
  self->grid_wanted = FALSE;

  if (document != NULL)
    {
      self->rows = g_object_ref (ys_document_get_model (document, self->page_kind->kind));
      self->lookup = ys_lookup_new (document);
      g_signal_connect_object (document, "changed",
                               G_CALLBACK (on_document_changed_cb), self, G_CONNECT_SWAPPED);
      ys_record_grid_set_document (self->grid, document, self->lookup);
    }
  queue_update_footer (self);
  update_state (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

gboolean
ys_grid_page_reveal (YsGridPage *self,
                     YsRecord   *record,
                     int         field)
{
  g_return_val_if_fail (YS_IS_GRID_PAGE (self), FALSE);
  g_return_val_if_fail (YS_IS_RECORD (record), FALSE);

  if (self->document == NULL || self->page_kind == NULL
      || ys_record_get_kind (record) != self->page_kind->kind)
    return FALSE;
  /* Cleared now, not after the entry's typing delay: the row must be
   * listed before the grid looks for it. */
  if (self->search != NULL && !row_matches (self, record))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      on_search_entry_search_changed_cb (self, self->search_entry);
    }
  gtk_stack_set_visible_child_name (self->stack, "list");
  ys_record_grid_reveal (self->grid, record, field);
  return TRUE;
}

static void
add_row_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  YsGridPage *self = YS_GRID_PAGE (widget);

  self->grid_wanted = TRUE;
  update_state (self);
  ys_record_grid_add_row (self->grid);
}

static void
delete_rows_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ys_record_grid_delete_selected (YS_GRID_PAGE (widget)->grid);
}

static void
paste_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  YsGridPage *self = YS_GRID_PAGE (widget);

  self->grid_wanted = TRUE;
  update_state (self);
  ys_record_grid_paste (self->grid);
}

static void
ys_grid_page_dispose (GObject *object)
{
  YsGridPage *self = YS_GRID_PAGE (object);
  GtkWidget *child;

  g_clear_handle_id (&self->footer_idle, g_source_remove);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), YS_TYPE_GRID_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->filter);
  g_clear_object (&self->rows);
  g_clear_object (&self->lookup);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (ys_grid_page_parent_class)->dispose (object);
}

static void
ys_grid_page_finalize (GObject *object)
{
  YsGridPage *self = YS_GRID_PAGE (object);

  g_free (self->search);

  G_OBJECT_CLASS (ys_grid_page_parent_class)->finalize (object);
}

static void
ys_grid_page_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  YsGridPage *self = YS_GRID_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_KIND_NAME:
      g_value_set_string (value, self->page_kind ? self->page_kind->name : NULL);
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
  YsGridPage *self = YS_GRID_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      ys_grid_page_set_document (self, g_value_get_object (value));
      break;
    case PROP_KIND_NAME:
      if (g_value_get_string (value) != NULL)
        set_kind_name (self, g_value_get_string (value));
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

  object_class->dispose = ys_grid_page_dispose;
  object_class->finalize = ys_grid_page_finalize;
  object_class->get_property = ys_grid_page_get_property;
  object_class->set_property = ys_grid_page_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, YS_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Which records the page holds: a name of ys-grid-page-kinds.c. */
  properties[PROP_KIND_NAME] =
    g_param_spec_string ("kind-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "grid-page.add-row", NULL, add_row_activated);
  gtk_widget_class_install_action (widget_class, "grid-page.delete-rows", NULL, delete_rows_activated);
  gtk_widget_class_install_action (widget_class, "grid-page.paste", NULL, paste_activated);

  g_type_ensure (YS_TYPE_RECORD_GRID);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/yusuan/Yusuan/ui/ys-grid-page.ui");
  gtk_widget_class_bind_template_child (widget_class, YsGridPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, YsGridPage, paste_button);
  gtk_widget_class_bind_template_child (widget_class, YsGridPage, delete_button);
  gtk_widget_class_bind_template_child (widget_class, YsGridPage, add_button);
  gtk_widget_class_bind_template_child (widget_class, YsGridPage, add_content);
  gtk_widget_class_bind_template_child (widget_class, YsGridPage, stack);
  gtk_widget_class_bind_template_child (widget_class, YsGridPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, YsGridPage, add_first_button);
  gtk_widget_class_bind_template_child (widget_class, YsGridPage, grid);
  gtk_widget_class_bind_template_child (widget_class, YsGridPage, totals_box);
  gtk_widget_class_bind_template_child (widget_class, YsGridPage, count_label);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_grid_prepare_draft_cb);
}

static void
ys_grid_page_init (YsGridPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
