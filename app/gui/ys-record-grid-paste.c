/* The row operations of YsRecordGrid that work on many rows at once:
 * deleting the selected rows, pasting a block copied from a spreadsheet
 * and copying rows back to one. Each is one undo step. */
#define G_LOG_DOMAIN "yusuan"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "ys-form-binder.h"
#include "ys-import-dialog.h"
#include "ys-page.h"
#include "ys-record-grid-private.h"

#define MAX_LISTED_PROBLEMS 200

static GPtrArray *
selected_records (YsRecordGrid *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  GPtrArray *records = g_ptr_array_new_with_free_func (g_object_unref);
  GtkBitsetIter iter;
  guint position;

  for (gboolean ok = gtk_bitset_iter_init_first (&iter, selected, &position);
       ok; ok = gtk_bitset_iter_next (&iter, &position))
    g_ptr_array_add (records, g_list_model_get_item (G_LIST_MODEL (self->rows), position));
  return records;
}

void
ys_record_grid_delete_selected (YsRecordGrid *self)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  guint first = GTK_INVALID_LIST_POSITION;
  guint deleted = 0;

  g_return_if_fail (YS_IS_RECORD_GRID (self));

  if (self->document == NULL)
    return;
  records = selected_records (self);
  /* A value typed in a row that stays is kept, as leaving the cell would
   * keep it; one refused stays open for mending, and nothing is deleted. */
  if (self->editing != NULL && self->editing_record != NULL
      && !g_ptr_array_find (records, self->editing_record, NULL))
    {
      if (!ys_record_grid_commit_edit (self, 0, 0, FALSE, FALSE))
        return;
    }
  else
    ys_record_grid_finish_edit (self, TRUE);
  if (records->len == 0)
    return;
  first = ys_record_grid_position_of (self, g_ptr_array_index (records, 0), self->cursor_hint);

  if (!ys_document_begin_batch (self->document, _("Delete Rows"), &error))
    {
      ys_record_grid_show_status (self, error->message);
      return;
    }
  for (guint i = 0; i < records->len; i++)
    {
      YsRecord *record = g_ptr_array_index (records, i);
      guint position;

      ys_record_grid_forget_bad (self, record);
      if (is_draft (record))
        {
          g_ptr_array_remove (self->pristine, record);
          if (g_list_store_find (self->drafts, record, &position))
            g_list_store_remove (self->drafts, position);
          continue;
        }
      if (!ys_document_delete (self->document, record, &error))
        {
          ys_document_cancel_batch (self->document);
          ys_record_grid_show_status (self, error->message);
          return;
        }
      deleted++;
    }
  if (!ys_document_end_batch (self->document, &error))
    {
      ys_record_grid_show_status (self, error->message);
      return;
    }

  /* The row after the deleted ones becomes the current one. */
  ys_record_grid_ensure_new_row (self);
  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
  if (ys_record_grid_n_rows (self) > 0 && first != GTK_INVALID_LIST_POSITION)
    ys_record_grid_set_cursor (self, MIN (first, ys_record_grid_n_rows (self) - 1), self->cursor_column, TRUE, FALSE);
  if (deleted > 0)
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u row deleted",
                                                            "%u rows deleted", deleted), deleted);
      ys_record_grid_add_toast (self, text);
    }
}

/* Pasting */

/* Rows of cells as Excel, WPS and LibreOffice put them on the clipboard:
 * tabs between cells, a newline after each row, and a cell holding a tab,
 * a newline or a quote in double quotes. */
static GPtrArray *
parse_tsv (const char *text)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  GPtrArray *row = g_ptr_array_new ();
  GString *cell = g_string_new (NULL);
  const char *p = text;

  if (g_str_has_prefix (p, "\xEF\xBB\xBF"))
    p += 3;
  while (TRUE)
    {
      if (*p == '"' && cell->len == 0)
        {
          for (p++; *p; p++)
            {
              if (*p == '"' && p[1] == '"')
                g_string_append_c (cell, *p++);
              else if (*p == '"')
                {
                  p++;
                  break;
                }
              else if (*p != '\r')
                g_string_append_c (cell, *p);
            }
          continue;
        }
      if (*p == '\t')
        {
          g_ptr_array_add (row, g_string_free (cell, FALSE));
          cell = g_string_new (NULL);
        }
      else if (*p == '\n' || *p == '\0')
        {
          gboolean empty = row->len == 0 && cell->len == 0;

          g_ptr_array_add (row, g_string_free (cell, FALSE));
          cell = g_string_new (NULL);
          g_ptr_array_add (row, NULL);
          if (!empty || *p != '\0')
            g_ptr_array_add (rows, g_ptr_array_free (row, FALSE));
          else
            g_ptr_array_free (row, TRUE);
          row = g_ptr_array_new ();
          if (*p == '\0')
            break;
        }
      else if (*p != '\r')
        g_string_append_c (cell, *p);
      p++;
    }
  g_ptr_array_free (row, TRUE);
  g_string_free (cell, TRUE);

  /* The newline after the last row is not one more empty row. */
  while (rows->len > 0)
    {
      char **last = g_ptr_array_index (rows, rows->len - 1);
      if (last[0] != NULL && (last[1] != NULL || *g_strstrip (last[0]) != '\0'))
        break;
      g_ptr_array_remove_index (rows, rows->len - 1);
    }
  return rows;
}

static gboolean
has_digit (const char *text)
{
  for (const char *p = text; *p; p++)
    if (g_ascii_isdigit (*p))
      return TRUE;
  return FALSE;
}

/* A first row of column names, as a copied table usually starts: it names
 * a column of this table, or it has no digit where every other row has. */
static gboolean
is_header (YsRecordGrid *self,
           GPtrArray    *rows)
{
  char **first;
  gboolean digits_below = FALSE;

  if (rows->len < 2)
    return FALSE;
  first = g_ptr_array_index (rows, 0);
  for (guint c = 0; first[c]; c++)
    {
      g_autofree char *cell = g_strstrip (g_strdup (first[c]));

      if (*cell == '\0')
        continue;
      for (guint i = 0; i < self->columns->len; i++)
        {
          const char *title = column_at (self, i)->info.title;
          if (g_str_equal (cell, title) || g_str_equal (cell, _(title)))
            return TRUE;
        }
      if (has_digit (cell))
        return FALSE;
    }
  for (guint r = 1; r < rows->len && !digits_below; r++)
    {
      char **row = g_ptr_array_index (rows, r);
      for (guint c = 0; row[c] && !digits_below; c++)
        digits_below = has_digit (row[c]);
    }
  return digits_below;
}

static void
unref_if_set (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

static gboolean
row_is_blank (char **row)
{
  for (guint c = 0; row[c]; c++)
    for (const char *p = row[c]; *p; p++)
      if (!g_ascii_isspace (*p))
        return FALSE;
  return TRUE;
}

static void
add_problem (GPtrArray  *problems,
             guint       row,
             const char *message)
{
  /* Translators: a problem of a pasted row: its number in the copied
   * block, and why a cell of it was refused (the message names the column) */
  g_ptr_array_add (problems, g_strdup_printf (_("Row %1$u: %2$s"), row, message));
}

static void
show_paste_problems (YsRecordGrid *self,
                     GPtrArray    *problems)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GString *text = g_string_new (NULL);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  for (guint i = 0; i < problems->len && i < MAX_LISTED_PROBLEMS; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? "\n" : "", (char *) g_ptr_array_index (problems, i));
  if (problems->len > MAX_LISTED_PROBLEMS)
    {
      guint more = problems->len - MAX_LISTED_PROBLEMS;
      g_string_append_c (text, '\n');
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "…and %u more", "…and %u more", more), more);
    }

  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u cell of the copied block cannot be taken. Nothing was pasted: correct it in the spreadsheet, copy the block again and paste it.",
                                       "%u cells of the copied block cannot be taken. Nothing was pasted: correct them in the spreadsheet, copy the block again and paste it.",
                                       problems->len),
                          problems->len);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Nothing Was Pasted"), body);

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog),
                                      ys_page_new_message_list (text->str, _("Cells not pasted")));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
  g_string_free (text, TRUE);
}

/* Whether every column with a header fills a field: else what it holds
 * would be dropped unseen. */
static gboolean
all_columns_mapped (YsSheetImport *import)
{
  for (guint c = 0; c < ys_sheet_import_get_n_columns (import); c++)
    {
      g_autofree char *target = ys_sheet_import_get_column_target (import, c);
      const char *title = ys_sheet_import_get_column_title (import, c);

      if (target == NULL && title != NULL && *title != '\0')
        return FALSE;
    }
  return TRUE;
}

/* A block under a header row is read as a sheet is: its columns mapped by
 * their words in any order, codes and names split, subtotal rows skipped,
 * and added as new rows. One that needs a look (a bad cell, a column that
 * fills nothing) opens the import preview instead of being refused whole.
 * FALSE when the core finds no header in it: the block is pasted cell by
 * cell from the current cell. */
static gboolean
paste_as_sheet (YsRecordGrid *self,
                const char   *text)
{
  GtkWidget *page = gtk_widget_get_ancestor (GTK_WIDGET (self), YS_TYPE_PAGE);
  YsSheetImportOptions options = { .unit = -1 };
  g_autoptr(YsSheetImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first_line = NULL;
  YsSheetImportCounts counts;
  guint inserted = 0;

  if (page == NULL || !ys_import_dialog_supports (self->kind))
    return FALSE;
  /* Amounts in the unit they are typed in, unless the header names one. */
  first_line = g_strndup (text, strcspn (text, "\n"));
  if (strstr (first_line, "元") == NULL)
    options.unit = self->money_unit;
  import = ys_sheet_import_new_from_text (self->document, self->kind, text, &options, NULL);
  if (import == NULL || !ys_sheet_import_read (import, NULL, NULL, NULL, NULL))
    return FALSE;
  ys_sheet_import_get_counts (import, &counts);
  if (counts.data == 0 && counts.problems == 0)
    return FALSE;
  if (counts.problems > 0 || !all_columns_mapped (import))
    {
      ys_page_import_preview (YS_PAGE (page), import);
      return TRUE;
    }
  if (self->validator != NULL)
    ys_validator_freeze (self->validator);
  if (!ys_sheet_import_commit (import, NULL, NULL, NULL, &inserted, &error))
    {
      if (self->validator != NULL)
        ys_validator_thaw (self->validator);
      ys_record_grid_show_status (self, error->message);
      return TRUE;
    }
  if (self->validator != NULL)
    ys_validator_thaw (self->validator);
  {
    g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u row pasted",
                                                             "%u rows pasted", inserted), inserted);
    ys_record_grid_add_toast (self, message);
  }
  return TRUE;
}

void
ys_record_grid_paste_text (YsRecordGrid *self,
                           const char   *text)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) targets = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) added = NULL;
  g_autoptr(GError) error = NULL;
  YsRecord *model = NULL;
  guint start_col = 0;
  guint start_pos;
  guint n_sorted;
  guint first;
  guint changed = 0;

  g_return_if_fail (YS_IS_RECORD_GRID (self));

  if (self->document == NULL || text == NULL)
    return;
  if (self->editing != NULL && !ys_record_grid_commit_edit (self, 0, 0, FALSE, FALSE))
    return;

  rows = parse_tsv (text);
  if (rows->len == 0)
    return;
  first = is_header (self, rows) ? 1 : 0;
  if (first == 1 && paste_as_sheet (self, text))
    return;

  /* From the current cell down; past the last row, new rows. */
  n_sorted = g_list_model_get_n_items (G_LIST_MODEL (self->sort_model));
  start_pos = n_sorted;
  if (self->cursor != NULL)
    {
      guint position = ys_record_grid_position_of (self, self->cursor, self->cursor_hint);

      start_col = self->cursor_column;
      if (position != GTK_INVALID_LIST_POSITION && position < n_sorted)
        start_pos = position;
    }
  /* The rows are fixed before anything changes, because changes may move
   * them; new rows take what Ctrl+Enter would copy from the last row. */
  targets = g_ptr_array_new_with_free_func (unref_if_set);
  for (guint r = first; r < rows->len; r++)
    {
      guint position = start_pos + (r - first);
      g_ptr_array_add (targets, position < n_sorted
                       ? g_list_model_get_item (G_LIST_MODEL (self->sort_model), position) : NULL);
    }
  if (n_sorted > 0)
    model = g_list_model_get_item (G_LIST_MODEL (self->sort_model), MIN (start_pos, n_sorted - 1));

  problems = g_ptr_array_new_with_free_func (g_free);
  added = g_ptr_array_new_with_free_func (g_object_unref);
  if (!ys_document_begin_batch (self->document, _("Paste"), &error))
    {
      g_clear_object (&model);
      ys_record_grid_show_status (self, error->message);
      return;
    }

  for (guint r = first; r < rows->len; r++)
    {
      char **cells = g_ptr_array_index (rows, r);
      YsRecord *target = g_ptr_array_index (targets, r - first);
      g_autoptr(YsRecord) fresh = NULL;
      guint row_number = r + 1;
      guint before = problems->len;

      if (row_is_blank (cells))
        continue;
      if (target == NULL)
        target = fresh = ys_record_grid_new_row_like (self, model);

      for (guint c = 0; cells[c]; c++)
        {
          guint column = start_col + c;
          g_autoptr(GError) cell_error = NULL;

          if (column >= self->columns->len)
            {
              if (!row_is_blank ((char *[]) { cells[c], NULL }))
                add_problem (problems, row_number,
                             _("there are more columns than the table has from the current cell"));
              continue;
            }
          if (!ys_record_grid_apply_text (self, target, column_at (self, column), cells[c], &cell_error))
            /* The message names the field already. */
            add_problem (problems, row_number, cell_error->message);
        }

      if (fresh != NULL && problems->len == before)
        {
          g_autoptr(GError) insert_error = NULL;

          if (ys_document_insert (self->document, fresh, &insert_error))
            g_ptr_array_add (added, g_object_ref (fresh));
          else
            add_problem (problems, row_number, insert_error->message);
        }
      changed++;
    }
  g_clear_object (&model);

  if (problems->len > 0)
    {
      ys_document_cancel_batch (self->document);
      show_paste_problems (self, problems);
      return;
    }
  if (!ys_document_end_batch (self->document, &error))
    {
      ys_record_grid_show_status (self, error->message);
      return;
    }

  {
    g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u row pasted",
                                                             "%u rows pasted", changed), changed);
    ys_record_grid_add_toast (self, message);
  }
}

static void
paste_read_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(YsRecordGrid) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);

  if (text == NULL)
    {
      if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        ys_record_grid_show_status (self, error->message);
      return;
    }
  ys_record_grid_paste_text (self, text);
}

void
ys_record_grid_paste (YsRecordGrid *self)
{
  g_return_if_fail (YS_IS_RECORD_GRID (self));

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (self)), NULL,
                                 paste_read_cb, g_object_ref (self));
}

void
ys_record_grid_copy (YsRecordGrid *self)
{
  g_autoptr(GPtrArray) records = NULL;
  GString *text;

  g_return_if_fail (YS_IS_RECORD_GRID (self));

  records = selected_records (self);
  if (records->len == 0)
    return;
  text = g_string_new (NULL);
  for (guint r = 0; r < records->len; r++)
    {
      YsRecord *record = g_ptr_array_index (records, r);

      for (guint c = 0; c < self->columns->len; c++)
        {
          Column *col = column_at (self, c);
          g_autofree char *cell = NULL;
          const YsField *field = column_field (self, col);

          /* Values as a paste takes them back: codes, amounts as typed. */
          if (field != NULL && field->type == YS_FIELD_MONEY)
            cell = ys_form_binder_format_money (ys_record_get_int (record, col->info.field), self->money_unit);
          else if (field != NULL)
            cell = ys_record_format (record, col->info.field);
          else
            cell = ys_record_grid_flags_text (self, col, record);
          if (c > 0)
            g_string_append_c (text, '\t');
          g_string_append (text, cell);
        }
      g_string_append_c (text, '\n');
    }
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text->str);
  g_string_free (text, TRUE);
}

