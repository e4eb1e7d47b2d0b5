/* Control figures (控制数): what the finance bureau allows a unit to spend
 * from one fund source on 基本支出 or on 项目支出, or on one project. The
 * budget's line items are checked against them (ys-rules-control.c) and the
 * header shows what is left to allocate. */
#pragma once

#include "ys-money.h"
#include "ys-record.h"

G_BEGIN_DECLS

typedef enum {
  YS_CONTROL_UNIT_CODE,
  YS_CONTROL_SOURCE,
  YS_CONTROL_KIND,
  YS_CONTROL_PROJECT_CODE,
  YS_CONTROL_AMOUNT,
  YS_CONTROL_NOTE,
  YS_CONTROL_N_FIELDS
} YsControlField;

extern const YsKind ys_control_kind;

typedef struct _YsDocument YsDocument;

/* Whether @line (a line item) counts against @control: same unit, fund
 * source and kind (人员经费 and 公用经费 are 基本支出), the control's project
 * when it names one, and not carried over from last year (上年结转 is last
 * year's money, outside this year's control figures). */
gboolean ys_control_covers    (YsRecord   *control,
                               YsRecord   *line);

typedef struct {
  guint   n_controls;
  YsMoney controlled;   /* sum of the control figures, a project's counted once */
  YsMoney allocated;    /* line items under them */
} YsControlTotals;

/* The whole document's control figures against its line items. A project's
 * figure inside a unit's 项目支出 figure for the same source is a part of it,
 * not an addition. */
void     ys_control_totals    (YsDocument      *doc,
                               YsControlTotals *out);

#define YS_TYPE_CONTROL (ys_control_get_type ())
G_DECLARE_FINAL_TYPE (YsControl, ys_control, YS, CONTROL, YsRecord)

G_END_DECLS
