/* ys-sheet-import.c: the preview of a sheet of records and its commit.
 *
 * The sheet stays as it was read; the preview keeps per row only its status,
 * its problems and the 类/款 context from the rows above, and per edited cell
 * the new text, so that 100,000 rows cost little more than the sheet. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ys-sheet-import.h"
#include "ys-sheet-row.h"

#define PROGRESS_EVERY 4096

G_DEFINE_QUARK (ys-sheet-import-error-quark, ys_sheet_import_error)

typedef struct {
  char       **problems;                     /* n_cols + 1, or NULL */
  const char  *parents[YS_SHEET_N_PARENTS];  /* context from the rows above, interned */
  guint8       status;
  guint8       included;
} Row;

struct _YsSheetImport
{
  GObject          parent_instance;

  YsDocument      *doc;
  const YsKind    *kind;
  YsSheet         *sheet;
  char            *source;
  YsSheetHeader   *header;
  int             *targets;
  YsSheetMappedBy *mapped_by;
  char            *map_key;
  int              unit;
  GHashTable      *defaults;
  char            *only_unit;
  YsSheetResolver *resolver;
  YsSheetRowContext context;
  int             *name_catalogs;

  Row             *rows;
  guint            n_rows;
  GHashTable      *edits;   /* row * n_cols + col → YsCell * */
  gboolean         read;
};

G_DEFINE_FINAL_TYPE (YsSheetImport, ys_sheet_import, G_TYPE_OBJECT)

static void
free_cell (gpointer data)
{
  YsCell *cell = data;

  g_free (cell->text);
  g_free (cell);
}

static void
free_problems (YsSheetImport *self, Row *row)
{
  ys_sheet_row_problems_free (g_steal_pointer (&row->problems), self->sheet->n_cols);
}

static void
ys_sheet_import_finalize (GObject *object)
{
  YsSheetImport *self = YS_SHEET_IMPORT (object);

  for (guint r = 0; self->rows && r < self->n_rows; r++)
    free_problems (self, &self->rows[r]);
  g_free (self->rows);
  g_clear_pointer (&self->edits, g_hash_table_unref);
  g_clear_pointer (&self->resolver, ys_sheet_resolver_free);
  g_clear_pointer (&self->defaults, g_hash_table_unref);
  g_clear_pointer (&self->header, ys_sheet_header_free);
  g_clear_pointer (&self->sheet, ys_sheet_free);
  g_free (self->targets);
  g_free (self->name_catalogs);
  g_free (self->mapped_by);
  g_free (self->map_key);
  g_free (self->source);
  g_free (self->only_unit);
  g_clear_object (&self->doc);
  G_OBJECT_CLASS (ys_sheet_import_parent_class)->finalize (object);
}

static void
ys_sheet_import_class_init (YsSheetImportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ys_sheet_import_finalize;
}

static void
ys_sheet_import_init (YsSheetImport *self)
{
  self->edits = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, free_cell);
  self->unit = YS_SHEET_UNIT_NONE;
}

static void
map_columns (YsSheetImport *self)
{
  const char *remembered = ys_document_get_meta (self->doc, self->map_key);
  guint n = self->sheet->n_cols;

  if (remembered != NULL && ys_sheet_map_deserialise (self->kind, remembered, self->targets, n))
    {
      for (guint c = 0; c < n; c++)
        self->mapped_by[c] = self->targets[c] == YS_SHEET_NO_TARGET
                           ? YS_SHEET_MAPPED_NONE : YS_SHEET_MAPPED_REMEMBERED;
      return;
    }
  ys_sheet_map_by_header (self->kind, self->header, self->targets, self->mapped_by);
  ys_sheet_map_by_content (self->kind, self->sheet, self->header->last_row + 1,
                           self->targets, self->mapped_by);
}

YsSheetImport *
ys_sheet_import_new (YsDocument *doc, const YsKind *kind, YsSheet *sheet, const char *source,
                     const YsSheetImportOptions *options, GError **error)
{
  g_autoptr(YsSheetImport) self = g_object_new (YS_TYPE_SHEET_IMPORT, NULL);

  self->doc = g_object_ref (doc);
  self->kind = kind;
  self->sheet = sheet;
  self->source = g_strdup (source ? source : sheet->name);
  self->header = ys_sheet_header_find (sheet, ys_sheet_map_is_word, (gpointer) kind);
  if (self->header == NULL)
    {
      g_set_error (error, YS_SHEET_IMPORT_ERROR, YS_SHEET_IMPORT_ERROR_NO_HEADER,
                   _("%s: sheet “%s” has no header row: one of its first rows must name the columns (科目编码, 金额, …)"),
                   self->source, sheet->name);
      return NULL;
    }
  if (options != NULL)
    {
      self->unit = options->unit;
      if (options->defaults)
        self->defaults = g_hash_table_ref (options->defaults);
    }
  self->targets = g_new (int, sheet->n_cols + 1);
  self->mapped_by = g_new0 (YsSheetMappedBy, sheet->n_cols + 1);
  self->map_key = ys_sheet_map_key (kind, self->header);
  self->resolver = ys_sheet_resolver_new (doc);
  self->name_catalogs = g_new (int, kind->n_fields);
  ys_sheet_row_context_init (&self->context, kind, self->name_catalogs);
  /* Rows that name no unit belong to the one the title names, or to the only one. */
  if (self->header->issuer != NULL)
    {
      g_autofree char *ignored = NULL;
      self->only_unit = g_strdup (ys_sheet_resolve_record (self->resolver, &ys_unit_kind,
                                                           self->header->issuer, &ignored));
    }
  if (self->only_unit == NULL && ys_document_count (doc, &ys_unit_kind) == 1)
    self->only_unit = g_strdup (ys_record_get_text (ys_document_get (doc, &ys_unit_kind, 0), 0));
  map_columns (self);
  self->n_rows = sheet->n_rows - self->header->last_row - 1;
  self->rows = g_new0 (Row, self->n_rows + 1);
  for (guint r = 0; r < self->n_rows; r++)
    self->rows[r].included = TRUE;
  return g_steal_pointer (&self);
}

YsSheetImport *
ys_sheet_import_new_from_text (YsDocument *doc, const YsKind *kind, const char *text,
                               const YsSheetImportOptions *options, GError **error)
{
  /* A copy from Excel or WPS is tab-separated even when a cell holds "1,623.35". */
  g_autoptr(YsWorkbook) book = ys_workbook_read_delimited (text, -1, strchr (text, '\t') ? '\t' : 0,
                                                          NULL, error);
  YsSheetImport *self;
  YsSheet *sheet;

  if (book == NULL)
    return NULL;
  sheet = ys_workbook_first_sheet (book);
  if (sheet == NULL)
    {
      g_set_error_literal (error, YS_SHEET_IMPORT_ERROR, YS_SHEET_IMPORT_ERROR_NO_HEADER,
                           _("The pasted text holds no rows"));
      return NULL;
    }
  for (guint i = 0; i < book->sheets->len; i++)
    if (book->sheets->pdata[i] == sheet)
      g_ptr_array_steal_index (book->sheets, i);
  self = ys_sheet_import_new (doc, kind, sheet, _("pasted text"), options, error);
  if (self != NULL && self->header->first_row != 0)
    {
      g_set_error_literal (error, YS_SHEET_IMPORT_ERROR, YS_SHEET_IMPORT_ERROR_NO_HEADER,
                           _("The first pasted row is not a header"));
      g_clear_object (&self);
    }
  return self;
}

static void
row_cells (YsSheetImport *self, guint row, const YsCell **cells)
{
  guint n = self->sheet->n_cols;
  guint sheet_row = self->header->last_row + 1 + row;

  for (guint c = 0; c < n; c++)
    {
      const YsCell *edit = g_hash_table_size (self->edits)
                         ? g_hash_table_lookup (self->edits, GUINT_TO_POINTER (row * n + c)) : NULL;
      cells[c] = edit ? edit : ys_sheet_get_cell (self->sheet, sheet_row, c);
    }
}

static void
context_for (YsSheetImport *self, YsSheetRowContext *ctx)
{
  *ctx = self->context;
  ctx->doc = self->doc;
  ctx->resolver = self->resolver;
  ctx->targets = self->targets;
  ctx->col_units = self->header->col_units;
  ctx->n_cols = self->sheet->n_cols;
  ctx->unit = self->unit;
  ctx->sheet_unit = self->header->unit;
  ctx->defaults = self->defaults;
  ctx->only_unit = self->only_unit;
}

/* Reads row @r with the context its row holds; returns the context for the next row. */
static void
read_row (YsSheetImport *self, const YsSheetRowContext *ctx, guint r, const YsCell **cells,
          YsRecord **record, const char **parents_out)
{
  Row *row = &self->rows[r];
  YsSheetRowResult result;

  row_cells (self, r, cells);
  memcpy (result.parents, row->parents, sizeof row->parents);
  ys_sheet_row_read (ctx, cells, record != NULL, &result);
  free_problems (self, row);
  row->problems = result.problems;
  row->status = result.status;
  if (record)
    *record = result.record;
  if (parents_out)
    memcpy (parents_out, result.parents, sizeof result.parents);
}

/* A record's key (a project's code) must be new to the document and appear
 * once in the sheet; otherwise the commit would fail on the second one. */
static void
check_key (YsSheetImport *self, guint r, const YsCell *const *cells, GHashTable *seen)
{
  Row *row = &self->rows[r];
  guint n_cols = self->sheet->n_cols;
  g_autofree char *key = NULL;
  char *problem = NULL;
  guint *first;
  int col = -1;

  for (guint c = 0; c < n_cols && col < 0; c++)
    if (self->targets[c] == self->kind->key_field)
      col = (int) c;
  if (col < 0 || row->status != YS_SHEET_ROW_DATA || cells[col] == NULL || cells[col]->text == NULL)
    return;
  key = g_strstrip (ys_sheet_nfkc (cells[col]->text));
  first = g_hash_table_lookup (seen, key);
  if (ys_document_lookup_key (self->doc, self->kind, key) != NULL)
    problem = g_strdup_printf (_("%s “%s” already exists"),
                               _(self->kind->fields[self->kind->key_field].label), key);
  else if (first != NULL)
    problem = g_strdup_printf (_("“%s” is also in row %u: a code may appear once"),
                               key, ys_sheet_import_get_sheet_row (self, *first));
  else
    {
      g_hash_table_insert (seen, g_steal_pointer (&key), g_memdup2 (&r, sizeof r));
      return;
    }
  if (row->problems == NULL)
    row->problems = g_new0 (char *, n_cols + 2);
  g_free (row->problems[col]);
  row->problems[col] = problem;
  row->status = YS_SHEET_ROW_PROBLEM;
}

gboolean
ys_sheet_import_read (YsSheetImport *self, YsSheetImportProgress progress, gpointer user_data,
                      GCancellable *cancellable, GError **error)
{
  YsSheetRowContext ctx;
  g_autofree const YsCell **cells = g_new0 (const YsCell *, self->sheet->n_cols + 1);
  const char *parents[YS_SHEET_N_PARENTS] = { NULL };
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  context_for (self, &ctx);
  for (guint r = 0; r < self->n_rows; r++)
    {
      if (r % PROGRESS_EVERY == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;
          if (progress)
            progress (r, self->n_rows, user_data);
        }
      memcpy (self->rows[r].parents, parents, sizeof parents);
      read_row (self, &ctx, r, cells, NULL, parents);
      if (self->kind->key_field >= 0)
        check_key (self, r, cells, seen);
    }
  if (progress)
    progress (self->n_rows, self->n_rows, user_data);
  self->read = TRUE;
  return TRUE;
}

static void
read_again (YsSheetImport *self)
{
  if (self->read)
    ys_sheet_import_read (self, NULL, NULL, NULL, NULL);
}

const YsKind *
ys_sheet_import_get_kind (YsSheetImport *self)
{
  return self->kind;
}

const char *
ys_sheet_import_get_source (YsSheetImport *self)
{
  return self->source;
}

const char *
ys_sheet_import_get_sheet_name (YsSheetImport *self)
{
  return self->sheet->name;
}

int
ys_sheet_import_get_unit (YsSheetImport *self)
{
  if (self->unit != YS_SHEET_UNIT_NONE)
    return self->unit;
  return self->header->unit != YS_SHEET_UNIT_NONE ? self->header->unit : YS_MONEY_YUAN;
}

void
ys_sheet_import_set_unit (YsSheetImport *self, int unit)
{
  self->unit = unit;
  read_again (self);
}

guint
ys_sheet_import_get_header_rows (YsSheetImport *self, guint *first)
{
  if (first)
    *first = self->header->first_row;
  return self->header->last_row - self->header->first_row + 1;
}

guint
ys_sheet_import_get_n_columns (YsSheetImport *self)
{
  return self->sheet->n_cols;
}

const char *
ys_sheet_import_get_column_title (YsSheetImport *self, guint col)
{
  g_return_val_if_fail (col < self->sheet->n_cols, NULL);
  return self->header->leaves[col];
}

const char *
ys_sheet_import_get_column_path (YsSheetImport *self, guint col)
{
  g_return_val_if_fail (col < self->sheet->n_cols, NULL);
  return self->header->paths[col];
}

char *
ys_sheet_import_get_column_target (YsSheetImport *self, guint col)
{
  g_return_val_if_fail (col < self->sheet->n_cols, NULL);
  return ys_sheet_target_name (self->kind, self->targets[col]);
}

char *
ys_sheet_import_get_column_label (YsSheetImport *self, guint col)
{
  g_return_val_if_fail (col < self->sheet->n_cols, NULL);
  return ys_sheet_target_label (self->kind, self->targets[col]);
}

const char *
ys_sheet_import_get_column_mapped_by (YsSheetImport *self, guint col)
{
  static const char *const names[] = { NULL, "header", "content", "remembered", "user" };

  g_return_val_if_fail (col < self->sheet->n_cols, NULL);
  return names[self->mapped_by[col]];
}

gboolean
ys_sheet_import_set_column_target (YsSheetImport *self, guint col, const char *target, GError **error)
{
  int t;

  g_return_val_if_fail (col < self->sheet->n_cols, FALSE);
  if (!ys_sheet_target_parse (self->kind, target ? target : "", &t))
    {
      g_set_error (error, YS_SHEET_IMPORT_ERROR, YS_SHEET_IMPORT_ERROR_MAPPING,
                   _("“%s” is not a field of a %s"), target, _(self->kind->label));
      return FALSE;
    }
  /* One column per field: the column that had it gives it up. */
  for (guint c = 0; t != YS_SHEET_NO_TARGET && c < self->sheet->n_cols; c++)
    if (c != col && self->targets[c] == t)
      {
        self->targets[c] = YS_SHEET_NO_TARGET;
        self->mapped_by[c] = YS_SHEET_MAPPED_USER;
      }
  self->targets[col] = t;
  self->mapped_by[col] = YS_SHEET_MAPPED_USER;
  read_again (self);
  return TRUE;
}

gboolean
ys_sheet_import_map_title (YsSheetImport *self, const char *title, const char *target, GError **error)
{
  g_autofree char *norm = ys_sheet_normalise (title, NULL);
  g_autofree char *letter = NULL;

  for (guint c = 0; c < self->sheet->n_cols; c++)
    {
      g_autofree char *leaf = ys_sheet_normalise (self->header->leaves[c], NULL);
      g_autofree char *path = ys_sheet_normalise (self->header->paths[c], NULL);
      g_free (letter);
      letter = ys_sheet_column_letter (c);
      if (strcmp (norm, leaf) == 0 || strcmp (norm, path) == 0
          || g_ascii_strcasecmp (title, letter) == 0)
        return ys_sheet_import_set_column_target (self, c, target, error);
    }
  g_set_error (error, YS_SHEET_IMPORT_ERROR, YS_SHEET_IMPORT_ERROR_MAPPING,
               _("%s: sheet “%s” has no column “%s”"), self->source, self->sheet->name, title);
  return FALSE;
}

guint
ys_sheet_import_get_n_rows (YsSheetImport *self)
{
  return self->n_rows;
}

guint
ys_sheet_import_get_sheet_row (YsSheetImport *self, guint row)
{
  return self->header->last_row + 2 + row;
}

YsSheetRowStatus
ys_sheet_import_get_row_status (YsSheetImport *self, guint row)
{
  g_return_val_if_fail (row < self->n_rows, YS_SHEET_ROW_BLANK);
  return self->rows[row].status;
}

static gboolean
is_record_row (const Row *row)
{
  return row->status == YS_SHEET_ROW_DATA || row->status == YS_SHEET_ROW_PROBLEM;
}

gboolean
ys_sheet_import_get_row_included (YsSheetImport *self, guint row)
{
  g_return_val_if_fail (row < self->n_rows, FALSE);
  return is_record_row (&self->rows[row]) && self->rows[row].included;
}

void
ys_sheet_import_set_row_included (YsSheetImport *self, guint row, gboolean included)
{
  g_return_if_fail (row < self->n_rows);
  self->rows[row].included = included != FALSE;
}

guint
ys_sheet_import_exclude_problems (YsSheetImport *self)
{
  guint n = 0;

  for (guint r = 0; r < self->n_rows; r++)
    if (self->rows[r].status == YS_SHEET_ROW_PROBLEM && self->rows[r].included)
      {
        self->rows[r].included = FALSE;
        n++;
      }
  return n;
}

const char *
ys_sheet_import_get_cell_text (YsSheetImport *self, guint row, guint col)
{
  const YsCell *edit;

  g_return_val_if_fail (row < self->n_rows && col < self->sheet->n_cols, NULL);
  edit = g_hash_table_lookup (self->edits, GUINT_TO_POINTER (row * self->sheet->n_cols + col));
  if (edit)
    return edit->text;
  return ys_sheet_get_text (self->sheet, self->header->last_row + 1 + row, col);
}

const char *
ys_sheet_import_get_cell_problem (YsSheetImport *self, guint row, guint col)
{
  g_return_val_if_fail (row < self->n_rows && col < self->sheet->n_cols, NULL);
  return self->rows[row].problems ? self->rows[row].problems[col] : NULL;
}

const char *
ys_sheet_import_get_row_problem (YsSheetImport *self, guint row)
{
  g_return_val_if_fail (row < self->n_rows, NULL);
  return self->rows[row].problems ? self->rows[row].problems[self->sheet->n_cols] : NULL;
}

gboolean
ys_sheet_import_set_cell_text (YsSheetImport *self, guint row, guint col, const char *text)
{
  YsSheetRowContext ctx;
  g_autofree const YsCell **cells = g_new0 (const YsCell *, self->sheet->n_cols + 1);
  YsCell *cell;

  g_return_val_if_fail (row < self->n_rows && col < self->sheet->n_cols, FALSE);
  cell = g_new0 (YsCell, 1);
  cell->type = text && *text ? YS_CELL_STRING : YS_CELL_EMPTY;
  cell->text = text && *text ? g_strdup (text) : NULL;
  g_hash_table_insert (self->edits, GUINT_TO_POINTER (row * self->sheet->n_cols + col), cell);
  /* A key fixed here can clash with, or free, another row's. */
  if (self->kind->key_field >= 0)
    {
      read_again (self);
      return self->rows[row].status != YS_SHEET_ROW_PROBLEM;
    }
  context_for (self, &ctx);
  read_row (self, &ctx, row, cells, NULL, NULL);
  return self->rows[row].status != YS_SHEET_ROW_PROBLEM;
}

void
ys_sheet_import_get_counts (YsSheetImport *self, YsSheetImportCounts *counts)
{
  memset (counts, 0, sizeof *counts);
  for (guint r = 0; r < self->n_rows; r++)
    {
      const Row *row = &self->rows[r];
      switch ((YsSheetRowStatus) row->status)
        {
        case YS_SHEET_ROW_DATA:
          if (row->included)
            counts->data++;
          else
            counts->excluded++;
          break;
        case YS_SHEET_ROW_PROBLEM:
          if (row->included)
            counts->problems++;
          else
            counts->excluded++;
          break;
        case YS_SHEET_ROW_SUBTOTAL:
          counts->subtotals++;
          break;
        case YS_SHEET_ROW_BLANK:
          counts->blank++;
          break;
        case YS_SHEET_ROW_NOTE:
          counts->notes++;
          break;
        }
    }
}

gboolean
ys_sheet_import_commit (YsSheetImport *self, YsSheetImportProgress progress, gpointer user_data,
                        GCancellable *cancellable, guint *n_inserted, GError **error)
{
  YsSheetImportCounts counts;
  YsSheetRowContext ctx;
  g_autofree const YsCell **cells = g_new0 (const YsCell *, self->sheet->n_cols + 1);
  g_autofree char *mapping = NULL;
  g_autofree char *label = NULL;
  guint inserted = 0;

  if (!self->read && !ys_sheet_import_read (self, NULL, NULL, cancellable, error))
    return FALSE;
  ys_sheet_import_get_counts (self, &counts);
  if (counts.problems > 0)
    {
      g_set_error (error, YS_SHEET_IMPORT_ERROR, YS_SHEET_IMPORT_ERROR_PROBLEMS,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%s: %u row still has a problem: fix it or leave it out; nothing was imported",
                                "%s: %u rows still have problems: fix them or leave them out; nothing was imported",
                                counts.problems),
                   self->source, counts.problems);
      return FALSE;
    }
  label = g_strdup_printf (_("Import %s"), self->sheet->name);
  if (!ys_document_begin_batch (self->doc, label, error))
    return FALSE;
  context_for (self, &ctx);
  for (guint r = 0; r < self->n_rows; r++)
    {
      g_autoptr(YsRecord) record = NULL;
      g_autoptr(GError) local = NULL;

      if (r % PROGRESS_EVERY == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            {
              ys_document_cancel_batch (self->doc);
              return FALSE;
            }
          if (progress)
            progress (r, self->n_rows, user_data);
        }
      if (self->rows[r].status != YS_SHEET_ROW_DATA || !self->rows[r].included)
        continue;
      read_row (self, &ctx, r, cells, &record, NULL);
      if (record == NULL || !ys_document_insert (self->doc, record, &local))
        {
          ys_document_cancel_batch (self->doc);
          g_set_error (error, YS_SHEET_IMPORT_ERROR, YS_SHEET_IMPORT_ERROR_PROBLEMS,
                       _("%s:%s:%u: %s; nothing was imported"), self->source, self->sheet->name,
                       ys_sheet_import_get_sheet_row (self, r),
                       local ? local->message : _("the row changed while it was imported"));
          return FALSE;
        }
      inserted++;
    }
  if (!ys_document_end_batch (self->doc, error))
    return FALSE;
  if (progress)
    progress (self->n_rows, self->n_rows, user_data);
  /* Only a confirmed mapping is worth remembering; failing to is no reason to fail the import. */
  mapping = ys_sheet_map_serialise (self->kind, self->targets, self->sheet->n_cols);
  ys_document_remember (self->doc, self->map_key, mapping, NULL);
  if (n_inserted)
    *n_inserted = inserted;
  return TRUE;
}
