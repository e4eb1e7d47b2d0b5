/* Consolidation (汇总): a department document receives the documents of its
 * units. Each received unit replaces exactly the records it had before, and
 * keeps where it came from (YsReceived). */
#pragma once

#include "ys-document.h"

G_BEGIN_DECLS

typedef enum {
  YS_MERGE_ADD,        /* a unit the department does not hold yet */
  YS_MERGE_REPLACE,    /* the department's records of the unit are replaced */
  YS_MERGE_UNCHANGED,  /* the same file was received before: nothing to do */
  YS_MERGE_REFUSED,    /* see reason; nothing of it is received */
} YsMergeAction;

typedef struct {
  char          *path;       /* the unit file as given */
  char          *unit_code;  /* NULL when the file could not be read */
  char          *unit_name;
  YsMergeAction  action;
  char          *reason;     /* REFUSED: which file and why */
  GPtrArray     *notes;      /* char *: settings that differ, project codes renamed */
  guint          n_records;  /* records the unit brings */
  guint          n_replaced; /* records of the unit in the department now */
  /* What will be inserted, in creation order, and the provenance record. */
  GPtrArray     *records;
} YsMergeItem;

typedef struct {
  GPtrArray *items;          /* YsMergeItem, in the order of the files */
} YsMergePlan;

void         ys_merge_plan_free          (YsMergePlan *plan);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (YsMergePlan, ys_merge_plan_free)

/* Reads every file (never changing it) and decides what each unit in it
 * does to @dept. Fails only when @dept itself cannot be read. */
YsMergePlan *ys_merge_plan               (YsDocument          *dept,
                                          const char *const   *paths,
                                          GError             **error);
guint        ys_merge_plan_count         (YsMergePlan         *plan,
                                          YsMergeAction        action);
/* Receives the units of @plan that are added or replaced, in one transaction
 * and one undo step; refused and unchanged ones are left out. Returns FALSE
 * and changes nothing on error. */
gboolean     ys_merge_apply              (YsDocument          *dept,
                                          YsMergePlan         *plan,
                                          GError             **error);

/* The records of @dept that belong to the unit @unit_code (the unit, its
 * projects and their indicators, income, lines, procurement, services,
 * assets, 上年数 and, if asked, control figures), in creation order. */
GPtrArray   *ys_merge_unit_records       (YsDocument          *dept,
                                          const char          *unit_code,
                                          gboolean             with_controls);

/* Hands a unit out (分发): writes a new budget file @path holding the unit
 * @unit_code of @dept with its control figures, and the department's
 * settings, 概况 and imported catalog rows. The file is built under a
 * temporary name and renamed into place; an existing @path is replaced only when @replace is set. */
gboolean     ys_merge_split              (YsDocument          *dept,
                                          const char          *unit_code,
                                          const char          *path,
                                          gboolean             replace,
                                          GError             **error);

G_END_DECLS
