/* All kinds of record, in the order they must be created: a kind comes after
 * the kinds it refers to. */
#pragma once

#include "ys-kind.h"
#include "ys-unit.h"
#include "ys-income.h"
#include "ys-line.h"
#include "ys-project.h"
#include "ys-indicator.h"
#include "ys-procurement.h"
#include "ys-service.h"
#include "ys-asset.h"
#include "ys-prior-year.h"
#include "ys-review.h"
#include "ys-control.h"
#include "ys-received.h"

G_BEGIN_DECLS

#define YS_N_KINDS 12

/* NULL-terminated, in creation order. */
const YsKind *const *ys_kinds_all      (void);
const YsKind        *ys_kinds_lookup   (const char   *name);
guint                ys_kinds_index    (const YsKind *kind);
GType                ys_kind_get_gtype (const YsKind *kind);

G_END_DECLS
