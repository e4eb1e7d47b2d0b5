/* Classification catalogs (支出功能分类, 部门/政府预算支出经济分类, 政府采购品目) of one year,
 * bundled as data and extendable by the official file a finance bureau distributes. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  YS_CATALOG_FUNCTION,      /* 支出功能分类 类3/款5/项7 */
  YS_CATALOG_ECONOMIC_DEPT, /* 部门预算支出经济分类 类3/款5 */
  YS_CATALOG_ECONOMIC_GOV,  /* 政府预算支出经济分类 类3/款5 */
  YS_CATALOG_PROCUREMENT,   /* 政府采购品目 A/B/C… */
  YS_CATALOG_N_KINDS
} YsCatalogKind;

typedef struct {
  char *code;
  char *name;
  int   level;       /* 1 类, 2 款, 3 项 (procurement: 0..4) */
  char *parent;      /* NULL at the top */
  char *provenance;  /* seed, reference, uncertain, imported, … */
} YsCatalogEntry;

#define YS_CATALOG_ERROR (ys_catalog_error_quark ())
typedef enum {
  YS_CATALOG_ERROR_NO_YEAR,
  YS_CATALOG_ERROR_READ,
  YS_CATALOG_ERROR_FORMAT,
} YsCatalogError;
GQuark ys_catalog_error_quark (void);

#define YS_TYPE_CATALOG (ys_catalog_get_type ())
G_DECLARE_FINAL_TYPE (YsCatalog, ys_catalog, YS, CATALOG, GObject)

/* Years with bundled data, ascending, terminated by 0. */
const int            *ys_catalog_bundled_years  (void);

YsCatalog            *ys_catalog_load_bundled   (YsCatalogKind  kind,
                                                 int            year,
                                                 GError       **error);
YsCatalogKind         ys_catalog_get_kind       (YsCatalog     *self);
int                   ys_catalog_get_year       (YsCatalog     *self);
guint                 ys_catalog_get_n_entries  (YsCatalog     *self);
const YsCatalogEntry *ys_catalog_get_entry      (YsCatalog     *self,
                                                 guint          index);
/* TRUE for a bundled catalog known to lack entries (every bundled one today). */
gboolean              ys_catalog_is_incomplete  (YsCatalog     *self);
void                  ys_catalog_set_incomplete (YsCatalog     *self,
                                                 gboolean       incomplete);

/* Exact code, as the catalog spells it (procurement codes upper case). */
const YsCatalogEntry *ys_catalog_lookup         (YsCatalog     *self,
                                                 const char    *code);
/* Entries whose code starts with @prefix, in code order; at most @max (0 = all).
 * @prefix is trimmed and ASCII-upper-cased. The array holds borrowed pointers. */
GPtrArray            *ys_catalog_search_prefix  (YsCatalog     *self,
                                                 const char    *prefix,
                                                 guint          max);
/* Entries whose code starts with @text or whose name contains @text: code
 * matches first, then name matches, each in code order; at most @max (0 = all).
 * ASCII case and () versus （） do not matter. Borrowed pointers, as above. */
GPtrArray            *ys_catalog_search         (YsCatalog     *self,
                                                 const char    *text,
                                                 guint          max);
/* "201 一般公共服务支出 › 20103 政府办公厅（室）及相关机构事务 › 2010301 行政运行";
 * a level missing from a partial catalog shows as its bare code. NULL if @code is unknown. */
char                 *ys_catalog_describe_path  (YsCatalog     *self,
                                                 const char    *code);

/* Adds or replaces entries (code is the key); with @replace_all the bundled
 * entries are dropped first. Levels and parents are derived from the code
 * when an imported row does not give them (level <= 0, parent NULL or "").
 * Names are normalised; provenance defaults to "imported". A replaced entry
 * keeps its address, so pointers from earlier lookups stay valid. @entries
 * is only read. Does not change ys_catalog_is_incomplete. */
void                  ys_catalog_merge          (YsCatalog     *self,
                                                 GPtrArray     *entries,
                                                 gboolean       replace_all);

/* Reads a finance bureau's catalog file: CSV (UTF-8 or GB18030) or xlsx, with
 * a header row holding 科目编码 and 科目名称 (or code/name). Returns a
 * GPtrArray of YsCatalogEntry (free func set); errors name the line.
 * Optional columns 级次/level, 上级编码/parent_code and provenance are read when
 * present; otherwise level is 0 and parent NULL (ys_catalog_merge derives them)
 * and provenance is "imported". Names are normalised as by
 * ys_catalog_normalize_name. */
GPtrArray            *ys_catalog_read_file      (const char    *path,
                                                 GError       **error);

/* 部门经济分类款 → 政府经济分类款, for 机关 (@institution FALSE) or 事业单位. NULL when unmapped
 * or @year is not bundled. Loaded once per year and cached; the string lives for the process. */
const char           *ys_catalog_map_economic   (int            year,
                                                 const char    *dept_code,
                                                 gboolean       institution);

YsCatalogEntry       *ys_catalog_entry_new      (const char    *code,
                                                 const char    *name,
                                                 int            level,
                                                 const char    *parent,
                                                 const char    *provenance);
void                  ys_catalog_entry_free     (YsCatalogEntry *entry);

/* Translated title of a catalog kind, e.g. "支出功能分类科目". */
const char           *ys_catalog_kind_get_title (YsCatalogKind  kind);
/* Whether @code has the shape of a code of @kind (function 2xx 3/5/7 digits,
 * department economic 3xx, government economic 5xx 3/5 digits, procurement
 * A/B/C + 8 digits); use it to catch a file imported into the wrong catalog. */
gboolean              ys_catalog_kind_accepts_code (YsCatalogKind kind,
                                                    const char   *code);
/* Trims @name and turns ASCII parentheses into full-width ones, as the
 * official catalogs print them; compare names only after this. */
char                 *ys_catalog_normalize_name (const char    *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (YsCatalogEntry, ys_catalog_entry_free)

G_END_DECLS
