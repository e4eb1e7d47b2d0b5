/* The checks a file passes before the store writes anything to it, and the
 * row sums that let a damaged record be found when it is loaded. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <string.h>

#include "ys-kinds.h"
#include "ys-store-private.h"
#include "ys-store-sums.h"

void
ys_store_set_damaged (GError **error, const char *path, const char *detail)
{
  g_set_error (error, YS_STORE_ERROR, YS_STORE_ERROR_DAMAGED,
               _("The budget file “%s” is damaged: %s. Nothing in it was changed. "
                 "Restore the last good backup with “yusuan-cli backup restore %s”."),
               path, detail, path);
}

void
ys_store_set_error (GError **error, sqlite3 *db, const char *path, int rc, const char *what)
{
  const char *message = db ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, YS_STORE_ERROR, YS_STORE_ERROR_LOCKED,
                   _("The budget file is open in another window or program; close it there first"));
      break;
    case SQLITE_CORRUPT:
      ys_store_set_damaged (error, path, message);
      break;
    case SQLITE_NOTADB:
      g_set_error (error, YS_STORE_ERROR, YS_STORE_ERROR_NOT_A_DOCUMENT,
                   _("“%s” is not a Yusuan budget file"), path);
      break;
    case SQLITE_CONSTRAINT:
      g_set_error (error, YS_STORE_ERROR, YS_STORE_ERROR_CONSTRAINT,
                   _("The change breaks a rule of the budget file and was not saved: %s"), message);
      break;
    case SQLITE_READONLY:
      g_set_error (error, YS_STORE_ERROR, YS_STORE_ERROR_READ_ONLY,
                   _("“%s” is read-only; the change was not saved"), path);
      break;
    default:
      g_set_error (error, YS_STORE_ERROR, YS_STORE_ERROR_FAILED, _("Could not %s the budget file: %s"),
                   what, message);
    }
}

static guint32
be32 (const guchar *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

gboolean
ys_store_check_header (const char *path, YsStoreHeader *out, GError **error)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  guchar header[100];
  GStatBuf st, wal_st;
  FILE *fp;
  size_t n;
  guint32 page_size;

  memset (out, 0, sizeof *out);
  if (g_stat (path, &st) != 0)
    {
      int saved = errno;
      if (saved == ENOENT)
        g_set_error (error, YS_STORE_ERROR, YS_STORE_ERROR_NOT_FOUND, _("“%s” does not exist"), path);
      else
        g_set_error (error, YS_STORE_ERROR, YS_STORE_ERROR_FAILED, _("Could not read “%s”: %s"),
                     path, g_strerror (saved));
      return FALSE;
    }
  fp = g_fopen (path, "rb");
  if (fp == NULL)
    {
      g_set_error (error, YS_STORE_ERROR, YS_STORE_ERROR_FAILED,
                   _("Could not read “%s”: %s"), path, g_strerror (errno));
      return FALSE;
    }
  n = fread (header, 1, sizeof header, fp);
  fclose (fp);

  if (n < sizeof header || memcmp (header, "SQLite format 3", 16) != 0)
    {
      g_set_error (error, YS_STORE_ERROR, YS_STORE_ERROR_NOT_A_DOCUMENT,
                   _("“%s” is not a Yusuan budget file"), path);
      return FALSE;
    }
  if (be32 (header + 68) != YS_STORE_APPLICATION_ID)
    {
      g_set_error (error, YS_STORE_ERROR, YS_STORE_ERROR_NOT_A_DOCUMENT,
                   _("“%s” is a database, but not a Yusuan budget file"), path);
      return FALSE;
    }

  page_size = ((guint32) header[16] << 8) | header[17];
  if (page_size == 1)
    page_size = 65536;
  if (page_size < 512 || (page_size & (page_size - 1)) != 0)
    {
      g_autofree char *detail = g_strdup_printf (_("its header gives an impossible page size (%u)"), page_size);
      ys_store_set_damaged (error, path, detail);
      return FALSE;
    }
  out->page_size = page_size;
  /* The page count in the header holds only when the change counter and
   * the version-valid-for number agree (SQLite 3.7.0 and later write both). */
  if (be32 (header + 24) == be32 (header + 92))
    out->n_pages = be32 (header + 28);
  /* A WAL header alone (32 bytes) holds no page. */
  out->has_wal = g_stat (wal, &wal_st) == 0 && wal_st.st_size > 32;

  /* Pages committed to the WAL but not yet copied back make the file's own
   * size meaningless until a checkpoint; the page checks and the row sums
   * cover that case. */
  if ((guint64) st.st_size % page_size != 0
      || (!out->has_wal && out->n_pages != 0 && (guint64) st.st_size != (guint64) out->n_pages * page_size))
    {
      g_autofree char *detail = NULL;

      if (out->n_pages != 0)
        detail = g_strdup_printf (_("it is %llu bytes long, but its header says "
                                    "%u pages of %u bytes (%llu bytes); it was cut short or extended"),
                                  (unsigned long long) st.st_size, out->n_pages, page_size,
                                  (unsigned long long) out->n_pages * page_size);
      else
        detail = g_strdup_printf (_("it is %llu bytes long, not a whole number of "
                                    "%u-byte pages; it was cut short or extended"),
                                  (unsigned long long) st.st_size, page_size);
      ys_store_set_damaged (error, path, detail);
      return FALSE;
    }
  return TRUE;
}

/* Preparing a query that names every column proves that each table and
 * column exists, without reading or writing a row. */
static gboolean
check_columns (sqlite3 *db, const char *path, const char *table, const char *columns, GError **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM %s LIMIT 0", columns, table);
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  sqlite3_finalize (stmt);
  if (rc == SQLITE_OK)
    return TRUE;
  if ((rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB || (rc & 0xff) == SQLITE_BUSY)
    {
      ys_store_set_error (error, db, path, rc, _("read"));
      return FALSE;
    }
  g_set_error (error, YS_STORE_ERROR, YS_STORE_ERROR_NOT_A_DOCUMENT,
               _("“%s” has a Yusuan mark but lacks the tables of a budget (%s); it was not opened and not changed"),
               path, sqlite3_errmsg (db));
  return FALSE;
}

gboolean
ys_store_check_tables (sqlite3 *db, const char *path, int version, GError **error)
{
  const YsKind *const *kinds = ys_kinds_all ();
  const char *sum = version >= YS_STORE_CHECKSUM_SINCE ? ", checksum" : "";
  g_autofree char *meta = g_strconcat ("key, value", sum, NULL);
  g_autofree char *catalog = g_strconcat ("catalog, code, name, level, parent", sum, NULL);

  if (!check_columns (db, path, "meta", meta, error)
      || !check_columns (db, path, "catalog_entry", catalog, error))
    return FALSE;
  /* Sums in a file whose header says it predates them: the header's format
   * number was changed, and migrating would fail halfway. */
  if (version < YS_STORE_CHECKSUM_SINCE)
    {
      sqlite3_stmt *stmt = NULL;
      int rc = sqlite3_prepare_v2 (db, "SELECT checksum FROM meta LIMIT 0", -1, &stmt, NULL);

      sqlite3_finalize (stmt);
      if (rc == SQLITE_OK)
        {
          g_autofree char *detail = g_strdup_printf (_("its header gives format %d, but its tables are of format %d"),
                                                     version, YS_STORE_SCHEMA_VERSION);
          ys_store_set_damaged (error, path, detail);
          return FALSE;
        }
    }
  for (guint k = 0; kinds[k]; k++)
    {
      g_autoptr(GString) columns = g_string_new ("id");

      if (ys_store_kind_since (kinds[k]) > version)
        continue;
      for (guint i = 0; i < ys_store_kind_columns (kinds[k], version); i++)
        g_string_append_printf (columns, ", %s", kinds[k]->fields[i].name);
      g_string_append (columns, sum);
      if (!check_columns (db, path, kinds[k]->table, columns->str, error))
        return FALSE;
    }
  if (version >= YS_STORE_LINE_SUMS_SINCE
      && (!check_columns (db, path, "line_sum", "func_code, econ_code, gov_econ_code, kind, source, sub_source, "
                          "carry_over, institution, amount, lines, checksum", error)
          || !check_columns (db, path, "owner_sum", "project, owner, kind, source, sub_source, carry_over, "
                             "amount, lines, checksum", error)))
    return FALSE;
  return TRUE;
}

gboolean
ys_store_check_pages (sqlite3 *db, const char *path, const char *pragma, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, pragma, -1, &stmt, NULL);
  const char *result;

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      /* The check itself failing (a CHECK constraint naming a function that
       * does not exist, say) means the schema stored in the file was changed. */
      if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED || (rc & 0xff) == SQLITE_NOMEM)
        ys_store_set_error (error, db, path, rc, _("read"));
      else
        ys_store_set_damaged (error, path, sqlite3_errmsg (db));
      sqlite3_finalize (stmt);
      return FALSE;
    }
  result = (const char *) sqlite3_column_text (stmt, 0);
  if (g_strcmp0 (result, "ok") != 0)
    {
      ys_store_set_damaged (error, path, result ? result : "?");
      sqlite3_finalize (stmt);
      return FALSE;
    }
  sqlite3_finalize (stmt);
  return TRUE;
}

/* quick_check of every table but @except, one at a time (SQLite checks a
 * table with its indexes when given its name); sqlite_schema first. */
gboolean
ys_store_check_pages_except (sqlite3 *db, const char *path, const char *except, GError **error)
{
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_ptr_array_add (tables, g_strdup ("sqlite_schema"));
  rc = sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_schema WHERE type = 'table' AND name <> ?1 ORDER BY rootpage",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_text (stmt, 1, except, -1, SQLITE_STATIC);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      ys_store_set_error (error, db, path, rc, _("read"));
      return FALSE;
    }
  for (guint i = 0; i < tables->len; i++)
    {
      char *pragma = sqlite3_mprintf ("PRAGMA quick_check(\"%w\")", (const char *) g_ptr_array_index (tables, i));
      gboolean ok = ys_store_check_pages (db, path, pragma, error);

      sqlite3_free (pragma);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

/* ---- row sums ---- */

#define FNV_OFFSET G_GUINT64_CONSTANT (0xcbf29ce484222325)
#define FNV_PRIME  G_GUINT64_CONSTANT (0x100000001b3)

static inline void
sum_bytes (YsRowSum *sum, const guchar *p, gsize n)
{
  guint64 h = sum->h;

  for (gsize i = 0; i < n; i++)
    h = (h ^ p[i]) * FNV_PRIME;
  sum->h = h;
}

#define FNV_PRIME_2 (FNV_PRIME * FNV_PRIME)
#define FNV_PRIME_4 (FNV_PRIME_2 * FNV_PRIME_2)

/* PRIME^k: a zero byte is one multiplication (h ^ 0 is h), k of them one
 * multiplication by PRIME^k. */
static const guint64 prime_powers[9] = {
  1, FNV_PRIME, FNV_PRIME_2, FNV_PRIME_2 * FNV_PRIME, FNV_PRIME_4, FNV_PRIME_4 * FNV_PRIME,
  FNV_PRIME_4 * FNV_PRIME_2, FNV_PRIME_4 * FNV_PRIME_2 * FNV_PRIME, FNV_PRIME_4 * FNV_PRIME_4,
};

void
ys_row_sum_int (YsRowSum *sum, gint64 value)
{
  guint64 v = (guint64) value;
  guint64 h = (sum->h ^ 'i') * FNV_PRIME;
  guint n = 0;

  /* The tag, then the 8 bytes from the lowest: the same as sum_bytes over
   * them. Most values (lengths, flags, amounts) fit in a few bytes: the
   * zero bytes above them are summed at once, which a million rows of
   * fourteen fields each notice (a chain of 9 multiplications became 3 or 4). */
  for (; v != 0; n++, v >>= 8)
    h = (h ^ (v & 0xff)) * FNV_PRIME;
  sum->h = h * prime_powers[8 - n];
}

void
ys_row_sum_text_len (YsRowSum *sum, const char *text, gsize n)
{
  /* The length first, so that moving a byte between two fields shows. */
  ys_row_sum_int (sum, (gint64) n);
  sum_bytes (sum, (const guchar *) (text ? text : ""), n);
}

void
ys_row_sum_text (YsRowSum *sum, const char *text)
{
  ys_row_sum_text_len (sum, text, text ? strlen (text) : 0);
}

/* FNV-1a's low byte after any bytes depends on nothing but its low byte
 * before them (xor with a byte and multiplication modulo 2^8 see no higher
 * bit), and each byte's xor adds to the state a difference that depends only
 * on that low byte. So appending fixed bytes to a state h gives
 * h * PRIME^n plus an addend chosen by h's low byte: computed here once for
 * all 256, from the states 0…255. */
static void
sum_prepare (YsRowSumBytes *t, void (*append) (YsRowSum *, gconstpointer, gsize),
             gconstpointer data, gsize n, gsize n_bytes)
{
  guint64 mul = 1;

  for (gsize i = 0; i < n_bytes; i++)
    mul *= FNV_PRIME;
  t->mul = mul;
  for (guint64 low = 0; low < 256; low++)
    {
      YsRowSum sum = { low };
      append (&sum, data, n);
      t->add[low] = sum.h - low * mul;
    }
}

static void
append_text (YsRowSum *sum, gconstpointer text, gsize n)
{
  ys_row_sum_text_len (sum, text, n);
}

static void
append_int (YsRowSum *sum, gconstpointer value, gsize n)
{
  (void) n;
  ys_row_sum_int (sum, *(const gint64 *) value);
}

void
ys_row_sum_prepare_text (YsRowSumBytes *t, const char *text, gsize n)
{
  /* The tag and 8 bytes of the length, then the text. */
  sum_prepare (t, append_text, text, n, 9 + n);
}

void
ys_row_sum_prepare_int (YsRowSumBytes *t, gint64 value)
{
  sum_prepare (t, append_int, &value, 8, 9);
}

void
ys_row_sum_start (YsRowSum *sum, const char *table)
{
  sum->h = FNV_OFFSET;
  ys_row_sum_text (sum, table);
}

void
ys_row_sum_init (YsRowSum *sum, const char *table, gint64 id)
{
  ys_row_sum_start (sum, table);
  ys_row_sum_int (sum, id);
}

/* 't' or 'i' for each column after the key of @table. */
static const char *
column_types (const char *table)
{
  static GHashTable *types;

  if (g_once_init_enter (&types))
    {
      GHashTable *t = g_hash_table_new (g_str_hash, g_str_equal);
      const YsKind *const *kinds = ys_kinds_all ();

      g_hash_table_insert (t, (gpointer) "meta", (gpointer) "t");
      g_hash_table_insert (t, (gpointer) "catalog_entry", (gpointer) "ttit");
      for (guint k = 0; kinds[k]; k++)
        {
          char *s = g_new0 (char, kinds[k]->n_fields + 1);
          for (guint i = 0; i < kinds[k]->n_fields; i++)
            s[i] = ys_field_is_text (&kinds[k]->fields[i]) ? 't' : 'i';
          g_hash_table_insert (t, (gpointer) kinds[k]->table, s);
        }
      g_once_init_leave (&types, t);
    }
  return g_hash_table_lookup (types, table);
}

/* ys_row_sum(table, key, value…): key is the id of a record, the key text of
 * a setting, the catalog name of a catalog row. */
static void
row_sum_func (sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
  const char *table = (const char *) sqlite3_value_text (argv[0]);
  const char *types = table ? column_types (table) : NULL;
  YsRowSum sum;

  /* Fewer values than fields: a file of a version before the last fields. */
  if (types == NULL || argc < 2 || strlen (types) < (gsize) (argc - 2))
    {
      sqlite3_result_error (ctx, "ys_row_sum: unknown table or wrong number of values", -1);
      return;
    }
  if (sqlite3_value_type (argv[1]) == SQLITE_INTEGER)
    ys_row_sum_init (&sum, table, sqlite3_value_int64 (argv[1]));
  else
    {
      ys_row_sum_init (&sum, table, 0);
      ys_row_sum_text (&sum, (const char *) sqlite3_value_text (argv[1]));
    }
  for (int i = 2; i < argc; i++)
    if (types[i - 2] == 't')
      ys_row_sum_text (&sum, (const char *) sqlite3_value_text (argv[i]));
    else
      ys_row_sum_int (&sum, sqlite3_value_int64 (argv[i]));
  sqlite3_result_int64 (ctx, (sqlite3_int64) sum.h);
}

/* ys_values_sum(table, value…): the checksum of a row of the stored sums
 * (ys-store-sums.c), each value summed as the type it has. */
static void
values_sum_func (sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
  YsRowSum sum;

  if (argc < 1 || sqlite3_value_type (argv[0]) != SQLITE_TEXT)
    {
      sqlite3_result_error (ctx, "ys_values_sum: no table", -1);
      return;
    }
  ys_row_sum_start (&sum, (const char *) sqlite3_value_text (argv[0]));
  for (int i = 1; i < argc; i++)
    if (sqlite3_value_type (argv[i]) == SQLITE_INTEGER)
      ys_row_sum_int (&sum, sqlite3_value_int64 (argv[i]));
    else
      ys_row_sum_text (&sum, (const char *) sqlite3_value_text (argv[i]));
  sqlite3_result_int64 (ctx, (sqlite3_int64) sum.h);
}

int
ys_store_register_sum (sqlite3 *db)
{
  int rc = sqlite3_create_function_v2 (db, "ys_row_sum", -1, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                                       NULL, row_sum_func, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return rc;
  return sqlite3_create_function_v2 (db, "ys_values_sum", -1, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                                     NULL, values_sum_func, NULL, NULL, NULL);
}
