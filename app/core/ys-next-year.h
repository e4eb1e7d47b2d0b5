/* Next year's budget started from this year's: the department settings and
 * 概况 texts, the units, the projects that go on with their indicators, and
 * this year's figures as the new year's 上年数 (prior_year records, keyed like
 * the line items so that comparisons find them). */
#pragma once

#include "ys-document.h"
#include "ys-money.h"

G_BEGIN_DECLS

#define YS_NEXT_YEAR_ERROR (ys_next_year_error_quark ())
typedef enum {
  YS_NEXT_YEAR_ERROR_EXISTS,
  YS_NEXT_YEAR_ERROR_YEAR,
  YS_NEXT_YEAR_ERROR_MAP,
  YS_NEXT_YEAR_ERROR_FAILED,
} YsNextYearError;
GQuark ys_next_year_error_quark (void);

typedef struct {
  char    *code;
  char    *name;
  gboolean carried;
  char    *reason;   /* why it was carried or left out, in Chinese */
} YsNextYearProject;

/* A code of this year's figures that the new year's catalog does not hold. */
typedef struct {
  char         *code;
  YsCatalogKind catalog;    /* YS_CATALOG_FUNCTION or YS_CATALOG_ECONOMIC_DEPT */
  char         *name;       /* its name in this year's catalog, "" if unknown there too */
  char         *mapped_to;  /* NULL: the figures stay under the old code */
  YsMoney       amount;     /* this year's figures under the code */
} YsNextYearCode;

typedef struct {
  int        old_year, new_year;
  int        old_catalog_year, new_catalog_year;
  gboolean   catalog_advanced;    /* FALSE: no bundled catalog of the new year, the old year kept */
  gboolean   imported_catalog_carried;
  guint      n_units, n_indicators, n_prior_year;
  YsMoney    prior_expense, prior_income;
  GPtrArray *projects;   /* YsNextYearProject, every project of this year */
  GPtrArray *missing;    /* YsNextYearCode, sorted by code */
  GPtrArray *warnings;   /* char *, in Chinese */
} YsNextYearReport;

void ys_next_year_report_free (YsNextYearReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (YsNextYearReport, ys_next_year_report_free)

/* Parses "OLD=NEW" pairs of 功能分类 (7 digits) or 经济分类 (5 digits) codes
 * into a table OLD → NEW. */
GHashTable *ys_next_year_parse_map (const char *const *pairs,
                                    GError            **error);

/* Writes the new budget to @new_path, which must not exist. @new_year 0 means
 * the year after @old's; @map (OLD → NEW codes) may be NULL. The file is built
 * under a temporary name beside @new_path and appears only when complete. */
YsNextYearReport *ys_next_year_create (YsDocument  *old,
                                       const char  *new_path,
                                       int          new_year,
                                       GHashTable  *map,
                                       GError     **error);

/* The same report, with nothing left behind: what would be carried, and the
 * codes to map, before the file is made. */
YsNextYearReport *ys_next_year_preview (YsDocument  *old,
                                        const char  *new_path,
                                        int          new_year,
                                        GHashTable  *map,
                                        GError     **error);

/* The report as JSON (amounts in 分). */
char *ys_next_year_report_to_json (YsNextYearReport *report);

G_END_DECLS
