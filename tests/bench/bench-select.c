/* The anchor of the open benchmark: SQLite alone reading every row of every
 * table of a budget file (`select *`, each value fetched as the type it is
 * stored as), or counting them (`count(*)`), timed in the process.
 *
 *   bench-select [--count] FILE.yusuan
 *
 * Not a test (docs/performance.md, bench-goals.sh). */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <sqlite3.h>

static double
now_ms (clockid_t clock)
{
  struct timespec ts;

  clock_gettime (clock, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

int
main (int argc, char **argv)
{
  int count = argc == 3 && strcmp (argv[1], "--count") == 0;
  const char *path = argv[argc - 1];
  double wall = now_ms (CLOCK_MONOTONIC), cpu = now_ms (CLOCK_PROCESS_CPUTIME_ID);
  sqlite3 *db = NULL;
  sqlite3_stmt *tables = NULL;
  long long rows = 0, values = 0;

  if (argc != 2 && !count)
    {
      fprintf (stderr, "usage: bench-select [--count] FILE.yusuan\n");
      return 2;
    }
  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK
      || sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_master WHERE type = 'table'", -1, &tables, NULL) != SQLITE_OK)
    {
      fprintf (stderr, "bench-select: %s\n", sqlite3_errmsg (db));
      return 1;
    }
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      char sql[256];
      sqlite3_stmt *stmt = NULL;

      snprintf (sql, sizeof sql, count ? "SELECT count(*) FROM \"%s\"" : "SELECT * FROM \"%s\"",
                (const char *) sqlite3_column_text (tables, 0));
      if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
        {
          fprintf (stderr, "bench-select: %s\n", sqlite3_errmsg (db));
          return 1;
        }
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          int n = sqlite3_column_count (stmt);

          rows += count ? sqlite3_column_int64 (stmt, 0) : 1;
          for (int i = 0; i < n && !count; i++, values++)
            if (sqlite3_column_type (stmt, i) == SQLITE_INTEGER)
              (void) sqlite3_column_int64 (stmt, i);
            else
              (void) sqlite3_column_text (stmt, i);
        }
      sqlite3_finalize (stmt);
    }
  sqlite3_finalize (tables);
  sqlite3_close (db);
  printf ("%s: %lld rows, %lld values, %.0f ms elapsed, %.0f ms CPU\n", count ? "count(*)" : "select *",
          rows, values, now_ms (CLOCK_MONOTONIC) - wall, now_ms (CLOCK_PROCESS_CPUTIME_ID) - cpu);
  return 0;
}
