/* Shared by the files of YsRecordGrid; nothing else includes it. */
#pragma once

#include "ys-completion-popover.h"
#include "ys-filter-model.h"
#include "ys-grid-cell.h"
#include "ys-record-grid.h"
#include "ys-row-slot-list.h"
#include "ys-sort-model.h"
#include "ys-validator.h"

G_BEGIN_DECLS

typedef struct
{
  YsRecordGrid        *grid;
  guint                index;
  YsGridColumnInfo     info;
  GtkColumnViewColumn *column;
  GPtrArray           *cells;    /* the YsGridCells this column has set up */
  char                *notify;   /* "notify::amount"; "notify" for flags */
  int                  title_width;  /* what its title needs on one line; 0: not measured yet */
  int                  title_least;  /* and on two lines */
  gboolean             user_width;   /* resized by the user: not fitted any more */
  /* What its records ask, measured once (ys-record-grid-fit.c): */
  int                  records_least;    /* a code or the amount whole; -1: to measure */
  gint64               records_extent;   /* the longest code's characters; the largest amount */
  gboolean             records_negative; /* an amount below zero */
} Column;

/* A value the document refused, kept in its cell until fixed or cancelled. */
typedef struct
{
  YsRecord *record;
  guint     column;
  char     *text;
  char     *message;
} BadCell;

struct _YsRecordGrid
{
  GtkWidget            parent_instance;

  /* template */
  GtkScrolledWindow   *scroller;
  GtkColumnView       *column_view;
  GtkRevealer         *status_revealer;
  GtkLabel            *status_label;

  /* store → filter → sort ⎫
   *              drafts   ⎭ flatten → slots → selection */
  YsFilterModel       *filter_model;
  YsSortModel         *sort_model;
  GListStore          *drafts;
  GtkFlattenListModel *rows;
  YsRowSlotList       *slots;
  GtkMultiSelection   *selection;
  GtkWidget           *list_view;
  GtkWidget           *popover;
  GtkIMContext        *im;

  const YsKind        *kind;
  GPtrArray           *columns;
  GArray              *copy_fields;
  YsDocument          *document;
  YsLookup            *lookup;
  YsValidator         *validator;
  GHashTable          *marks;      /* YsRecord → its errors and warnings (Mark) */
  guint                marks_idle;
  GSettings           *settings;
  YsMoneyUnit          money_unit;

  /* The current cell, kept by record so that it survives sorting. */
  YsRecord            *cursor;
  guint                cursor_column;
  guint                cursor_hint;
  guint                focus_tick;
  guint                focus_tries;

  YsGridCell          *editing;
  YsRecord            *editing_record;
  gboolean             editing_flags;
  GPtrArray           *suggestions;   /* YsLookupMatch, as shown */

  GHashTable          *bad;           /* "record:column" → BadCell */
  guint                drafts_idle;

  /* Rows added here stay where they were typed, among the drafts at the
   * end, until the cursor leaves them: moving them into the sorted rows at
   * once would drop the widget holding the focus while typing goes on. */
  GPtrArray           *pinned;
  guint                unpin_idle;
  /* New rows nobody has typed in yet: their defaults (the unit shown…)
   * are taken again when the cursor comes to them. */
  GPtrArray           *pristine;
  GtkFilter           *own_filter;    /* the page's filter, less the pinned rows */
  GtkFilter           *page_filter;

  /* The width shown the columns were last fitted to. */
  int                  fit_width;
  guint                fit_idle;
  gboolean             fitting;
  /* How many times the fit has read the records (tests, bench-grid). */
  guint                fit_scans;

  /* Rows off screen rebound a few a frame (ys-record-grid-bind.c). */
  guint                rebind_tick;

  /* A cell to show once sorting and filtering are done. */
  YsRecord            *reveal_record;
  int                  reveal_field;
};

/* ys-record-grid-fit.c: the columns up to the first amount kept in sight. */
void   ys_record_grid_fit_init         (YsRecordGrid *self);
void   ys_record_grid_fit_column       (YsRecordGrid *self,
                                        Column       *col);
/* After the document is set: its records measured anew, and followed. */
void   ys_record_grid_fit_set_document (YsRecordGrid *self);
int    ys_record_grid_fit_amount_column (YsRecordGrid *self);
/* Fits the columns to the width shown now (what the idle queued on a
 * change of that width does; bench-grid times it). */
void   ys_record_grid_fit_columns      (YsRecordGrid *self);
/* The share (0…1) of what each column wants above its least width
 * (@least[i] <= @want[i]) that @room leaves them; 1 when all they want
 * fits, 0 when not even their least widths do. */
double ys_record_grid_fit_share        (const int    *want,
                                        const int    *least,
                                        int           n,
                                        int           room);

static inline Column *
column_at (YsRecordGrid *self,
           guint         index)
{
  return g_ptr_array_index (self->columns, index);
}

static inline const YsField *
column_field (YsRecordGrid *self,
              Column       *col)
{
  return col->info.field >= 0 ? &self->kind->fields[col->info.field] : NULL;
}

static inline gboolean
is_draft (YsRecord *record)
{
  return ys_record_get_id (record) == 0;
}

guint      ys_record_grid_n_rows          (YsRecordGrid  *self);
guint      ys_record_grid_position_of     (YsRecordGrid  *self,
                                           YsRecord      *record,
                                           guint          hint);
void       ys_record_grid_set_cursor      (YsRecordGrid  *self,
                                           guint          position,
                                           guint          column,
                                           gboolean       select,
                                           gboolean       extend);
void       ys_record_grid_show_status     (YsRecordGrid  *self,
                                           const char    *message);
void       ys_record_grid_add_toast       (YsRecordGrid  *self,
                                           const char    *text);
char      *ys_record_grid_flags_text      (YsRecordGrid  *self,
                                           Column        *col,
                                           YsRecord      *record);
gboolean   ys_record_grid_apply_text      (YsRecordGrid  *self,
                                           YsRecord      *record,
                                           Column        *col,
                                           const char    *text,
                                           GError       **error);
YsRecord  *ys_record_grid_new_row_like    (YsRecordGrid  *self,
                                           YsRecord      *model);
void       ys_record_grid_ensure_new_row  (YsRecordGrid  *self);
gboolean   ys_record_grid_draft_is_complete (YsRecordGrid *self,
                                             YsRecord     *record);
YsRecord  *ys_record_grid_prefill_new_row (YsRecordGrid  *self,
                                           YsRecord      *model,
                                           guint         *column);
void       ys_record_grid_forget_bad      (YsRecordGrid  *self,
                                           YsRecord      *record);
void       ys_record_grid_emit_prepare_draft (YsRecordGrid *self,
                                              YsRecord     *record);
void       ys_record_grid_refresh_cell    (YsRecordGrid  *self,
                                           YsGridCell    *cell);
gboolean   ys_record_grid_focus_is_inside (YsRecordGrid  *self);

/* ys-record-grid-bind.c: cells bound to their rows' records. */
void       ys_record_grid_bind_init       (YsRecordGrid  *self);
void       ys_record_grid_on_factory_bind_cb   (GtkSignalListItemFactory *factory,
                                                GtkListItem              *item,
                                                Column                   *col);
void       ys_record_grid_on_factory_unbind_cb (GtkSignalListItemFactory *factory,
                                                GtkListItem              *item,
                                                Column                   *col);
void       ys_record_grid_on_rows_rebound_cb   (YsRecordGrid *self,
                                                guint         position,
                                                guint         n_rows);
/* Rebinds every row whose rebinding was put off. */
void       ys_record_grid_flush_rows      (YsRecordGrid  *self);
/* Whether @cell shows @record in the row that holds it now. */
gboolean   ys_record_grid_cell_shows      (YsGridCell    *cell,
                                           YsRecord      *record);

/* ys-record-grid-rows.c */
gboolean   ys_record_grid_filter_cb       (gpointer       item,
                                           gpointer       user_data);
void       ys_record_grid_on_page_filter_changed (YsRecordGrid    *self,
                                                  GtkFilterChange  change,
                                                  GtkFilter       *filter);
gboolean   ys_record_grid_is_pinned       (YsRecordGrid  *self,
                                           YsRecord      *record);
void       ys_record_grid_queue_unpin     (YsRecordGrid  *self);
void       ys_record_grid_on_document_changed (YsRecordGrid *self,
                                               YsRecord     *record,
                                               guint         type,
                                               int           field,
                                               YsDocument   *document);
gboolean   ys_record_grid_insert_pinned   (YsRecordGrid  *self,
                                           YsRecord      *record,
                                           GError       **error);
void       ys_record_grid_queue_insert_drafts (YsRecordGrid *self);
void       ys_record_grid_on_models_pending   (YsRecordGrid *self);
void       ys_record_grid_finish_edit     (YsRecordGrid  *self,
                                           gboolean       keep_focus);
gboolean   ys_record_grid_commit_edit     (YsRecordGrid  *self,
                                           int            dy,
                                           int            dx,
                                           gboolean       wrap,
                                           gboolean       focus_left);

/* Between the grid's files: ys-record-grid.c (cells, refused values,
 * factories), -cursor.c (the current cell), -edit.c (editing and
 * completion), -keys.c (keyboard and clicks). */
YsGridCell *ys_record_grid_focused_cell (YsRecordGrid *self);
void ys_record_grid_move_cursor (YsRecordGrid *self,
                                 int           dy,
                                 int           dx,
                                 gboolean      wrap,
                                 gboolean      extend);
int ys_record_grid_page_rows (YsRecordGrid *self);
void ys_record_grid_begin_edit (YsRecordGrid *self,
                                YsGridCell   *cell,
                                const char   *text);
void ys_record_grid_cancel_edit (YsRecordGrid *self);
void ys_record_grid_on_adjustment_value_changed_cb (YsRecordGrid  *self,
                                                    GtkAdjustment *adjustment);
void ys_record_grid_on_popover_activated_cb (YsRecordGrid        *self,
                                             guint                index,
                                             YsCompletionPopover *popover);
void ys_record_grid_toggle_flag (YsRecordGrid *self,
                                 guint         index);
void ys_record_grid_update_suggestions (YsRecordGrid *self);
void ys_record_grid_on_cell_focus_enter_cb (GtkEventControllerFocus *controller,
                                            Column                  *col);
void ys_record_grid_on_cell_focus_leave_cb (GtkEventControllerFocus *controller,
                                            Column                  *col);
void ys_record_grid_on_cell_pressed_cb (GtkGestureClick *gesture,
                                        int              n_press,
                                        double           x,
                                        double           y,
                                        Column          *col);
void ys_record_grid_on_focus_enter_cb (YsRecordGrid            *self,
                                       GtkEventControllerFocus *controller);
void ys_record_grid_on_focus_leave_cb (YsRecordGrid            *self,
                                       GtkEventControllerFocus *controller);
void ys_record_grid_on_im_commit_cb (YsRecordGrid *self,
                                     const char   *text,
                                     GtkIMContext *im);
void ys_record_grid_install_key_actions (GtkWidgetClass *widget_class);
void ys_record_grid_add_key_controller (YsRecordGrid *self);
void ys_record_grid_clear_bad (YsRecordGrid *self,
                               YsRecord     *record,
                               guint         column);
char *ys_record_grid_edit_text (YsRecordGrid *self,
                                 Column       *col,
                                 YsRecord     *record);
void ys_record_grid_hide_status (YsRecordGrid *self);
BadCell *ys_record_grid_lookup_bad (YsRecordGrid *self,
                                     YsRecord     *record,
                                     guint         column);
YsLookupKind ys_record_grid_lookup_kind (YsRecordGrid *self,
                                         Column       *col);
YsRecord *ys_record_grid_row_at (YsRecordGrid *self,
                                  guint         position);
void ys_record_grid_set_bad (YsRecordGrid *self,
                             YsRecord     *record,
                             guint         column,
                             const char   *text,
                             const char   *message);

/* ys-record-grid-findings.c: the findings of the rows shown. */
typedef struct
{
  YsFindingLevel level;  /* the worst */
  GString       *text;   /* their messages, one a line */
} Mark;

const Mark *ys_record_grid_get_mark     (YsRecordGrid *self,
                                         YsRecord     *record);
void        ys_record_grid_clear_marks  (YsRecordGrid *self);
void        ys_record_grid_refresh_all  (YsRecordGrid *self);

G_END_DECLS
