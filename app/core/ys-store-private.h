/* Shared by the files of the store (ys-store*.c): nothing else includes it. */
#pragma once

#include <sqlite3.h>

#include "ys-kinds.h"
#include "ys-store.h"
#include "ys-store-scan.h"

G_BEGIN_DECLS

/* A document's connection is used by one thread at a time (a window opens
 * it in a worker and hands it over; workers read copies through their own),
 * so SQLite need not lock it around every call: a row of ten columns took
 * a dozen lock and unlock pairs. */
#define YS_STORE_OPEN_FLAGS SQLITE_OPEN_NOMUTEX

/* ys-store-read-only.c */
gboolean  ys_store_can_write      (const char     *path);
int       ys_store_open_read_only (const char     *path,
                                   gboolean        has_wal,
                                   sqlite3       **db,
                                   char          **copy_dir,
                                   GError        **error);

/* Sums written with every row since schema version 3. */
#define YS_STORE_CHECKSUM_SINCE 3
/* Choices checked by comparisons rather than IN lists since version 5. */
#define YS_STORE_PLAIN_CHECKS_SINCE 5
/* The reviewer and time of each review decision since version 6. */
#define YS_STORE_REVIEWER_SINCE 6
/* Line items say which are transfers inside the department since version 8. */
#define YS_STORE_TRANSFER_SINCE 8

enum { STMT_INSERT, STMT_NEXT_ID, STMT_DELETE, N_STMTS };

typedef struct _YsBulkSums YsBulkSums;

struct _YsStore
{
  sqlite3      *db;
  char         *path;
  char         *copy_dir;     /* a private copy opened in place of a read-only file with a WAL */
  int           version;
  gboolean      read_only;
  gboolean      wal_ready;
  gboolean      in_transaction;
  sqlite3_stmt *stmts[YS_N_KINDS][N_STMTS];
  GHashTable   *update_stmts; /* "table.column" → sqlite3_stmt */
  GPtrArray    *bulk_indexes; /* during a bulk load: name, sql of each index dropped */
  gboolean      bulk_fresh;   /* … into a new file under a temporary name (ys-store-bulk.c) */
  gboolean      bulk_checked; /* … whose rows ys_store_value_passes() checks instead of SQLite */
  gboolean      bulk_keys_off; /* … with the foreign keys turned off until it ends */
  const YsKind *deferred;     /* a kind whose table the check at open left out (ys_store_open_streaming) */
  GPtrArray    *bulk_triggers; /* … name, sql of each line_sum_* trigger dropped */
  YsBulkSums   *bulk_sums;    /* … the sums of its lines, kept in C while the triggers are off */
  guint         line_writes;  /* lines written in this transaction (ys_store_sums_note_writes) */
  guint         sums_defer_at; /* … how many make the sums be worked out at its commit instead */
  gboolean      sums_deferred; /* … the triggers are dropped until then */
};

/* The table of @kind checked now if the check at open left it out; TRUE
 * otherwise. Before anything reads all of that table (ys_store_scan). */
gboolean  ys_store_check_deferred (YsStore        *self,
                                   const YsKind   *kind,
                                   GError        **error);

/* The end of a bulk load (ys-store-bulk.c): before its commit the indexes
 * and the foreign key check, after its commit or rollback the foreign keys
 * on again, and a new file's journal and durability as any saved file's,
 * synced to disk (which can fail: @error). */
gboolean  ys_store_finish_bulk    (YsStore        *self,
                                   GError        **error);
gboolean  ys_store_end_bulk       (YsStore        *self,
                                   GError        **error);

/* Whether the CHECK constraint the schema gives @field's column accepts
 * @value (ys-store-schema.c): the same rule in C. */
gboolean  ys_store_value_passes   (const YsField  *field,
                                   const YsValue  *value);
/* Before each row of @kind a bulk load into a new file inserts: its first
 * @n @values checked by ys_store_value_passes(); a row that fails hands the
 * checking back to SQLite's CHECK constraints, which refuse it with their
 * message. @passed (@n, NULL at first) keeps the code or choice each field
 * last passed with, which passes again without a second look. */
void      ys_store_bulk_check_row (YsStore        *self,
                                   const YsKind   *kind,
                                   const YsValue  *values,
                                   guint           n,
                                   const char    **passed);

/* The sums of the lines of a bulk load (ys-store-bulk-sums.c), kept in C
 * while the triggers that keep line_sum and owner_sum are dropped: each
 * line inserted is added (the unit's type read once per unit code); the
 * tables are written before the triggers are made again, by
 * ys_store_sums_fill() instead when a write the sums here do not follow
 * came in between (ys_bulk_sums_give_up()). */
YsBulkSums *ys_bulk_sums_new      (void);
void      ys_bulk_sums_free       (YsBulkSums     *self);
void      ys_bulk_sums_add_line   (YsStore        *store,
                                   YsRecord       *line);
void      ys_bulk_sums_give_up    (YsBulkSums     *self);
gboolean  ys_bulk_sums_given_up   (YsBulkSums     *self);
gboolean  ys_bulk_sums_write      (YsStore        *store,
                                   GError        **error);

/* The schema version that brought @kind's table. */
int       ys_store_kind_since     (const YsKind   *kind);
gboolean  ys_store_exec           (YsStore        *self,
                                   const char     *sql,
                                   GError        **error);
/* Refuses on a read-only file; turns on the WAL before the first write. */
gboolean  ys_store_ensure_writable (YsStore       *self,
                                   GError        **error);
gboolean  ys_store_has_sums       (YsStore        *self);
/* The first column of the first row of @sql, as an int. */
gboolean  ys_store_query_int      (YsStore        *self,
                                   const char     *sql,
                                   int            *out,
                                   GError        **error);
/* "id, a, b, …" or "a, b, …": the columns of @kind stored in @version. */
char     *ys_store_column_list    (const YsKind   *kind,
                                   int             version,
                                   gboolean        with_id);
/* Brings the open file from schema @from to @to (0: an empty file), in the
 * caller's transaction (ys-store-schema.c). */
gboolean  ys_store_migrate        (YsStore        *self,
                                   int             from,
                                   int             to,
                                   GError        **error);
/* How many of @kind's fields a file of schema @version stores. */
guint     ys_store_kind_columns   (const YsKind   *kind,
                                   int             version);

typedef struct
{
  guint32  page_size;
  guint32  n_pages;        /* 0 when the header's count is not valid */
  gboolean has_wal;        /* a -wal file with frames in it lies beside the file */
} YsStoreHeader;

void      ys_store_set_error      (GError        **error,
                                   sqlite3        *db,
                                   const char     *path,
                                   int             rc,
                                   const char     *what);
void      ys_store_set_damaged    (GError        **error,
                                   const char     *path,
                                   const char     *detail);

/* Reads the first 100 bytes and the file's size; never opens it with SQLite. */
gboolean  ys_store_check_header   (const char     *path,
                                   YsStoreHeader  *out,
                                   GError        **error);
/* Every table and column the schema @version has, before anything is written. */
gboolean  ys_store_check_tables   (sqlite3        *db,
                                   const char     *path,
                                   int             version,
                                   GError        **error);
gboolean  ys_store_check_pages    (sqlite3        *db,
                                   const char     *path,
                                   const char     *pragma,
                                   GError        **error);
/* quick_check of every table (with its indexes) but @except. */
gboolean  ys_store_check_pages_except (sqlite3    *db,
                                   const char     *path,
                                   const char     *except,
                                   GError        **error);

/* A 64-bit FNV-1a over a length-prefixed encoding of a row: a single changed
 * byte always changes the sum. */
typedef struct { guint64 h; } YsRowSum;

void      ys_row_sum_init         (YsRowSum       *sum,
                                   const char     *table,
                                   gint64          id);
/* The part of ys_row_sum_init() before the id, the same for every row of
 * @table: ys_row_sum_init() is this followed by ys_row_sum_int (id). */
void      ys_row_sum_start        (YsRowSum       *sum,
                                   const char     *table);
void      ys_row_sum_text         (YsRowSum       *sum,
                                   const char     *text);
void      ys_row_sum_int          (YsRowSum       *sum,
                                   gint64          value);
/* The same as ys_row_sum_text() for @n bytes whose length is known. */
void      ys_row_sum_text_len     (YsRowSum       *sum,
                                   const char     *text,
                                   gsize           n);
/* Appending a fixed value to any row sum in two operations: a text or an
 * integer that recurs over many rows (a code, a choice) is prepared once, and
 * ys_row_sum_apply() then gives what ys_row_sum_text_len() or
 * ys_row_sum_int() of it give, byte for byte the same sum. */
typedef struct {
  guint64 mul;
  guint64 add[256];
} YsRowSumBytes;

void      ys_row_sum_prepare_text (YsRowSumBytes  *t,
                                   const char     *text,
                                   gsize           n);
void      ys_row_sum_prepare_int  (YsRowSumBytes  *t,
                                   gint64          value);
static inline void
ys_row_sum_apply (YsRowSum *sum, const YsRowSumBytes *t)
{
  sum->h = sum->h * t->mul + t->add[sum->h & 0xff];
}
/* Compares the sum computed from a loaded row with the one stored in
 * @column; @what names the row in the message. */
gboolean  ys_store_check_sum      (YsStore        *self,
                                   const YsRowSum *sum,
                                   sqlite3_stmt   *stmt,
                                   int             column,
                                   const char     *what,
                                   GError        **error);
/* The rows of @kind that @filter (what follows the table's name in the
 * query: an INDEXED BY and a WHERE, or "") selects, read and verified as
 * ys_store_scan() reads them, their texts numbered in @texts, which other
 * reads may share (ys-store-sum-scan.c). */
gboolean  ys_store_scan_rows      (YsStore        *self,
                                   const YsKind   *kind,
                                   YsTextIds      *texts,
                                   const char     *filter,
                                   YsRowFunc       func,
                                   gpointer        user_data,
                                   GError        **error);
/* @text's copy in @ids and its number in @field's column, its share of a
 * row sum added to @sum (as ys_row_sum_text() adds it). */
const char *ys_text_ids_sum       (YsTextIds      *ids,
                                   guint           field,
                                   const char     *text,
                                   YsRowSum       *sum,
                                   guint          *id);
/* The SQL function ys_row_sum(table, id, value…), for migrations and for
 * rows that ON UPDATE CASCADE changes. */
int       ys_store_register_sum   (sqlite3        *db);

G_END_DECLS
