/* The difference between two versions of a budget (or a version and the
 * document as it is now): expenditure by unit, 功能分类, 经济分类 and
 * project with 增减额 and 增减率, and every record added, removed or changed. */
#pragma once

#include "ys-money.h"
#include "ys-snapshot.h"

G_BEGIN_DECLS

typedef struct {
  char    *code;
  char    *name;
  guint    level;   /* 1 类, 2 款, 3 项 for the classifications; 0 for units and projects */
  YsMoney  from, to;
} YsDiffRow;

typedef enum {
  YS_DIFF_ADDED,
  YS_DIFF_REMOVED,
  YS_DIFF_CHANGED,
} YsDiffChangeType;

typedef struct {
  char       *name;      /* field or setting name, as in the interchange files */
  const char *label;     /* the accountant's word for it, untranslated: ys_diff_field_label() */
  char *old_text;  /* "" when added */
  char *new_text;  /* "" when removed */
} YsDiffField;

typedef struct {
  const YsKind    *kind;    /* NULL: a document setting */
  gint64           id;
  YsDiffChangeType type;
  char            *key;     /* the record's key (unit or project code), or NULL */
  char            *codes;   /* its other codes, "003001 2010301 30101 P01", for telling lines apart */
  GPtrArray       *fields;  /* YsDiffField: those that differ (of an added or removed record, those not empty) */
} YsDiffChange;

typedef struct {
  char      *from_name, *to_name;  /* NULL: the document as it is now */
  YsDiffRow  total;
  /* YsDiffRow, by code; only codes with expenditure on either side. */
  GPtrArray *by_unit, *by_function, *by_economic, *by_project;
  GPtrArray *changes;  /* YsDiffChange: settings first, then by kind and id */
} YsDiff;

/* @doc names the codes (its catalogs). Words are translated when asked for,
 * so a thread that asks for Chinese (ys-i18n.h) gets Chinese. */
YsDiff     *ys_diff_compute     (YsSnapshot      *from,
                                 YsSnapshot      *to,
                                 YsDocument      *doc);
void        ys_diff_free        (YsDiff          *diff);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (YsDiff, ys_diff_free)

/* 增减率 in percent; FALSE when the earlier amount is 0 (no rate). */
gboolean    ys_diff_row_rate    (const YsDiffRow *row,
                                 double          *percent);
/* "12.34%", or "—" with no rate. */
char       *ys_diff_row_rate_text (const YsDiffRow *row);
const char *ys_diff_change_type_label (YsDiffChangeType type);
/* "支出明细 #12（003001 2010301 30101 P01）", "单位 003001", "文件设置". */
char       *ys_diff_change_describe (const YsDiffChange *change);
const char *ys_diff_field_label (const YsDiffField *field);
/* The version's name, or “now” for the document itself. */
const char *ys_diff_get_name   (YsDiff          *diff,
                                gboolean         to);

char       *ys_diff_to_json     (YsDiff          *diff);

G_END_DECLS
