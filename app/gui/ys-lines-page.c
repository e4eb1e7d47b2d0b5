/* 支出明细: every expenditure line item of the budget, in the grid page of
 * line items, with two filters of its own (unit and expenditure type) and
 * a hint of how amounts are typed. */
#define G_LOG_DOMAIN "yusuan"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ys-lines-page.h"

struct _YsLinesPage
{
  YsGridPage     parent_instance;

  /* from ys-lines-page.ui */
  GtkDropDown   *unit_dropdown;
  GtkDropDown   *kind_dropdown;

  GtkStringList *unit_names;   /* the unit filter's items: "All Units", then units */
  GPtrArray     *unit_codes;   /* the code of each item, NULL for "All Units" */
  char          *unit_code;
  const char    *kind;         /* interned */
};

G_DEFINE_FINAL_TYPE (YsLinesPage, ys_lines_page, YS_TYPE_GRID_PAGE)

/* Filters */

static gboolean
ys_lines_page_is_filtered (YsGridPage *page)
{
  YsLinesPage *self = YS_LINES_PAGE (page);

  return self->unit_code != NULL || self->kind != NULL;
}

static gboolean
ys_lines_page_row_matches (YsGridPage *page,
                           YsRecord   *line)
{
  YsLinesPage *self = YS_LINES_PAGE (page);

  /* Codes and choices are interned: the same text is the same pointer,
   * but compare text anyway, which costs little. */
  if (self->unit_code != NULL && strcmp (ys_record_get_text (line, YS_LINE_UNIT_CODE), self->unit_code) != 0)
    return FALSE;
  return self->kind == NULL || strcmp (ys_record_get_text (line, YS_LINE_KIND), self->kind) == 0;
}

static void
ys_lines_page_clear_filters (YsGridPage *page)
{
  YsLinesPage *self = YS_LINES_PAGE (page);

  gtk_drop_down_set_selected (self->unit_dropdown, 0);
  gtk_drop_down_set_selected (self->kind_dropdown, 0);
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
  ys_grid_page_refilter (YS_GRID_PAGE (self));
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
  ys_grid_page_refilter (YS_GRID_PAGE (self));
}

static void
rebuild_unit_filter (YsLinesPage *self)
{
  YsDocument *document = ys_page_get_document (YS_PAGE (self));
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *keep = g_strdup (self->unit_code);
  guint n = document ? ys_document_count (document, &ys_unit_kind) : 0;
  guint selected = 0;

  g_ptr_array_set_size (self->unit_codes, 0);
  g_ptr_array_add (names, g_strdup (_("All Units")));
  g_ptr_array_add (self->unit_codes, NULL);
  for (guint i = 0; i < n; i++)
    {
      YsRecord *unit = ys_document_get (document, &ys_unit_kind, i);
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

/* A first line starts from what the page shows: the unit and type
 * filtered on, or the only unit; and the usual fund source. */
static void
ys_lines_page_prepare_draft (YsGridPage *page,
                             YsRecord   *line)
{
  YsLinesPage *self = YS_LINES_PAGE (page);
  YsDocument *document = ys_page_get_document (YS_PAGE (self));
  const char *unit = self->unit_code;

  if (unit == NULL && ys_document_count (document, &ys_unit_kind) == 1)
    unit = ys_record_get_text (ys_document_get (document, &ys_unit_kind, 0), YS_UNIT_CODE);
  if (unit != NULL)
    ys_record_set_text (line, YS_LINE_UNIT_CODE, g_intern_string (unit));
  if (self->kind != NULL)
    ys_record_set_text (line, YS_LINE_KIND, self->kind);
  ys_record_set_text (line, YS_LINE_SOURCE, g_intern_static_string ("一般公共预算拨款"));
}

static char *
ys_lines_page_describe_count (YsGridPage *page,
                              guint       shown,
                              guint       all,
                              gboolean    filtered)
{
  if (filtered)
    /* Translators: the count of line items shown by a search or filter, of all */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u line item", "%u of %u line items", all),
                            shown, all);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u line item", "%u line items", all), all);
}

static void
update_hint (YsLinesPage *self)
{
  if (ys_record_grid_get_money_unit (ys_grid_page_get_grid (YS_GRID_PAGE (self))) == YS_MONEY_WAN)
    ys_grid_page_set_hint (YS_GRID_PAGE (self),
                           _("Amounts are typed in ten-thousand yuan and shown in yuan. Enter saves, Tab moves on, Ctrl+Enter adds a line."));
  else
    ys_grid_page_set_hint (YS_GRID_PAGE (self),
                           _("Amounts are typed and shown in yuan. Enter saves, Tab moves on, Ctrl+Enter adds a line."));
}

static void
on_grid_money_unit_cb (YsLinesPage  *self,
                       GParamSpec   *pspec,
                       YsRecordGrid *grid)
{
  update_hint (self);
}

/* Document */

static void
on_document_changed_cb (YsLinesPage *self,
                        YsRecord    *record,
                        guint        type,
                        int          field,
                        YsDocument  *document)
{
  if (record != NULL && YS_IS_UNIT (record)
      && (type != YS_CHANGE_UPDATE || field == YS_UNIT_CODE || field == YS_UNIT_NAME))
    rebuild_unit_filter (self);
}

static void
ys_lines_page_document_changed (YsPage *page)
{
  YsLinesPage *self = YS_LINES_PAGE (page);
  YsDocument *document = ys_page_get_document (page);

  YS_PAGE_CLASS (ys_lines_page_parent_class)->document_changed (page);
  if (document != NULL)
    g_signal_connect_object (document, "changed",
                             G_CALLBACK (on_document_changed_cb), self, G_CONNECT_SWAPPED);
  rebuild_unit_filter (self);
}

/* GObject */

static void
ys_lines_page_dispose (GObject *object)
{
  YsLinesPage *self = YS_LINES_PAGE (object);

  g_clear_object (&self->unit_names);

  G_OBJECT_CLASS (ys_lines_page_parent_class)->dispose (object);
}

static void
ys_lines_page_finalize (GObject *object)
{
  YsLinesPage *self = YS_LINES_PAGE (object);

  g_clear_pointer (&self->unit_codes, g_ptr_array_unref);
  g_free (self->unit_code);

  G_OBJECT_CLASS (ys_lines_page_parent_class)->finalize (object);
}

static void
ys_lines_page_class_init (YsLinesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  YsGridPageClass *grid_page_class = YS_GRID_PAGE_CLASS (klass);

  object_class->dispose = ys_lines_page_dispose;
  object_class->finalize = ys_lines_page_finalize;
  YS_PAGE_CLASS (klass)->document_changed = ys_lines_page_document_changed;
  grid_page_class->is_filtered = ys_lines_page_is_filtered;
  grid_page_class->row_matches = ys_lines_page_row_matches;
  grid_page_class->clear_filters = ys_lines_page_clear_filters;
  grid_page_class->prepare_draft = ys_lines_page_prepare_draft;
  grid_page_class->describe_count = ys_lines_page_describe_count;

  g_type_ensure (YS_TYPE_LINE);

}

static void
ys_lines_page_init (YsLinesPage *self)
{
  self->unit_codes = g_ptr_array_new_with_free_func (g_free);
  self->unit_names = gtk_string_list_new (NULL);

  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/yusuan/Yusuan/ui/ys-lines-page.ui");

  /* Not a template of its own: the grid page's holds the page. */
  self->unit_dropdown = GTK_DROP_DOWN (gtk_builder_get_object (builder, "unit_dropdown"));
  self->kind_dropdown = GTK_DROP_DOWN (gtk_builder_get_object (builder, "kind_dropdown"));
  g_signal_connect_object (self->unit_dropdown, "notify::selected",
                           G_CALLBACK (on_unit_dropdown_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->kind_dropdown, "notify::selected",
                           G_CALLBACK (on_kind_dropdown_selected_cb), self, G_CONNECT_SWAPPED);

  ys_grid_page_set_kind_name (YS_GRID_PAGE (self), "lines");
  ys_grid_page_add_filter (YS_GRID_PAGE (self), GTK_WIDGET (self->unit_dropdown));
  ys_grid_page_add_filter (YS_GRID_PAGE (self), GTK_WIDGET (self->kind_dropdown));
  gtk_drop_down_set_model (self->unit_dropdown, G_LIST_MODEL (self->unit_names));
  g_signal_connect_object (ys_grid_page_get_grid (YS_GRID_PAGE (self)), "notify::money-unit",
                           G_CALLBACK (on_grid_money_unit_cb), self, G_CONNECT_SWAPPED);

  rebuild_unit_filter (self);
  update_hint (self);
}
