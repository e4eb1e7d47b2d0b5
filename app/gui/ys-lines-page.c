/* 支出明细: every expenditure line item of the budget, read-only for now.
 * A department has up to ~100,000 of them, so the table only ever holds the
 * rows on screen: cells are recycled labels bound to the item through
 * expressions, with no per-row widgets, signals or copies of the data. */
#define G_LOG_DOMAIN "yusuan"

#include "config.h"

#include <glib/gi18n.h>

#include "ys-lines-page.h"
#include "ys-money.h"

struct _YsLinesPage
{
  GtkWidget         parent_instance;

  /* template */
  GtkStack         *stack;
  GtkColumnView    *column_view;
  GtkSortListModel *sort_model;
  GtkLabel         *count_label;
  GtkLabel         *total_label;

  YsDocument       *document;
  GListModel       *lines;
  guint             footer_idle;
};

G_DEFINE_FINAL_TYPE (YsLinesPage, ys_lines_page, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_DOCUMENT, N_PROPS };
static GParamSpec *properties[N_PROPS];

/* Cells */

static char *
format_amount (GtkListItem *item,
               gint64       fen)
{
  return ys_money_format (fen, YS_MONEY_YUAN, TRUE);
}

static char *
join_code_name (const char *code,
                const char *name)
{
  if (code == NULL || *code == '\0')
    return g_strdup ("");
  if (name == NULL || *name == '\0')
    return g_strdup (code);
  return g_strdup_printf ("%s %s", code, name);
}

static char *
describe_catalog (YsLinesPage   *self,
                  YsCatalogKind  kind,
                  const char    *code)
{
  const YsCatalogEntry *entry = NULL;

  if (self->document != NULL && code != NULL && *code != '\0')
    entry = ys_catalog_lookup (ys_document_get_catalog (self->document, kind), code);
  return join_code_name (code, entry ? entry->name : NULL);
}

static const char *
record_name (YsLinesPage  *self,
             const YsKind *kind,
             guint         name_field,
             const char   *code)
{
  YsRecord *record;

  if (self->document == NULL || code == NULL || *code == '\0')
    return NULL;
  record = ys_document_lookup_key (self->document, kind, code);
  return record ? ys_record_get_text (record, name_field) : NULL;
}

/* Closures for the expressions below: (this, value, user_data). */

static char *
describe_unit_cb (GtkListItem *item,
                  const char  *code,
                  YsLinesPage *self)
{
  return join_code_name (code, record_name (self, &ys_unit_kind, YS_UNIT_NAME, code));
}

static char *
describe_project_cb (GtkListItem *item,
                     const char  *code,
                     YsLinesPage *self)
{
  const char *name = record_name (self, &ys_project_kind, YS_PROJECT_NAME, code);

  /* Project codes are long and say little; the name is what people know. */
  return g_strdup (name ? name : code ? code : "");
}

static char *
describe_function_cb (GtkListItem *item,
                      const char  *code,
                      YsLinesPage *self)
{
  return describe_catalog (self, YS_CATALOG_FUNCTION, code);
}

static char *
describe_economic_cb (GtkListItem *item,
                      const char  *code,
                      YsLinesPage *self)
{
  return describe_catalog (self, YS_CATALOG_ECONOMIC_DEPT, code);
}

/* Binds a fresh label's text (and tooltip, for what the column cuts off) to
 * @describe (item's @property). Set up once per visible row; rebinding to
 * another item on scrolling is done by the expression watch alone. The
 * names are looked up again only when the code changes, so a renamed unit
 * shows after the next scroll. */
static void
setup_described_cell (YsLinesPage *self,
                      GtkListItem *item,
                      const char  *property,
                      GCallback    describe)
{
  GtkWidget *label = gtk_label_new (NULL);
  GtkExpression *field;
  GtkExpression *text;

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);

  field = gtk_property_expression_new (YS_TYPE_LINE,
                                       gtk_property_expression_new (GTK_TYPE_LIST_ITEM, NULL, "item"),
                                       property);
  text = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 1, &field, describe, self, NULL);
  gtk_expression_bind (gtk_expression_ref (text), label, "label", item);
  gtk_expression_bind (text, label, "tooltip-text", item);
}

static void
on_unit_factory_setup_cb (YsLinesPage              *self,
                          GtkListItem              *item,
                          GtkSignalListItemFactory *factory)
{
  setup_described_cell (self, item, "unit-code", G_CALLBACK (describe_unit_cb));
}

static void
on_function_factory_setup_cb (YsLinesPage              *self,
                              GtkListItem              *item,
                              GtkSignalListItemFactory *factory)
{
  setup_described_cell (self, item, "func-code", G_CALLBACK (describe_function_cb));
}

static void
on_economic_factory_setup_cb (YsLinesPage              *self,
                              GtkListItem              *item,
                              GtkSignalListItemFactory *factory)
{
  setup_described_cell (self, item, "econ-code", G_CALLBACK (describe_economic_cb));
}

static void
on_project_factory_setup_cb (YsLinesPage              *self,
                             GtkListItem              *item,
                             GtkSignalListItemFactory *factory)
{
  setup_described_cell (self, item, "project-code", G_CALLBACK (describe_project_cb));
}

/* Footer */

static gboolean
update_footer_cb (gpointer user_data)
{
  YsLinesPage *self = user_data;
  guint n = self->lines ? g_list_model_get_n_items (self->lines) : 0;
  g_autofree char *count = NULL;
  g_autofree char *total = NULL;
  YsMoney sum = 0;

  self->footer_idle = 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(YsRecord) line = g_list_model_get_item (self->lines, i);
      sum += ys_record_get_int (line, YS_LINE_AMOUNT);
    }

  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u line item", "%u line items", n), n);
  total = ys_money_format (sum, YS_MONEY_YUAN, TRUE);
  gtk_label_set_label (self->count_label, count);
  gtk_label_set_label (self->total_label, total);
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");

  return G_SOURCE_REMOVE;
}

static void
queue_update_footer (YsLinesPage *self)
{
  /* One sum after an import of many rows, not one per row. */
  if (self->footer_idle == 0)
    self->footer_idle = g_idle_add_full (G_PRIORITY_LOW, update_footer_cb, self, NULL);
}

static void
on_document_changed_cb (YsLinesPage *self,
                        YsRecord    *record,
                        guint        type,
                        int          field,
                        YsDocument  *document)
{
  if (record == NULL || YS_IS_LINE (record))
    queue_update_footer (self);
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
  /* Before the document goes, so that no cell describes itself with it. */
  gtk_sort_list_model_set_model (self->sort_model, NULL);
  g_clear_object (&self->lines);
  g_set_object (&self->document, document);

  if (document != NULL)
    {
      self->lines = g_object_ref (ys_document_get_model (document, &ys_line_kind));
      g_signal_connect_object (document, "changed",
                               G_CALLBACK (on_document_changed_cb), self, G_CONNECT_SWAPPED);
      gtk_sort_list_model_set_model (self->sort_model, self->lines);
    }
  queue_update_footer (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

static void
ys_lines_page_dispose (GObject *object)
{
  YsLinesPage *self = YS_LINES_PAGE (object);
  GtkWidget *child;

  g_clear_handle_id (&self->footer_idle, g_source_remove);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);

  /* The cells' closures point at self: drop them first. */
  gtk_widget_dispose_template (GTK_WIDGET (self), YS_TYPE_LINES_PAGE);
  /* dispose_template() only unparents the children the class binds. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->lines);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (ys_lines_page_parent_class)->dispose (object);
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
  object_class->get_property = ys_lines_page_get_property;
  object_class->set_property = ys_lines_page_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, YS_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The row templates and sorters look the record type up by name. */
  g_type_ensure (YS_TYPE_LINE);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/yusuan/Yusuan/ui/ys-lines-page.ui");
  gtk_widget_class_bind_template_child (widget_class, YsLinesPage, stack);
  gtk_widget_class_bind_template_child (widget_class, YsLinesPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, YsLinesPage, sort_model);
  gtk_widget_class_bind_template_child (widget_class, YsLinesPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, YsLinesPage, total_label);
  gtk_widget_class_bind_template_callback (widget_class, format_amount);
  gtk_widget_class_bind_template_callback (widget_class, on_unit_factory_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_function_factory_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_economic_factory_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_project_factory_setup_cb);
}

static void
ys_lines_page_init (YsLinesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
