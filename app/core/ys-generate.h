/* Synthetic budgets of any size, for benchmarks and scale tests. The same
 * seed always gives the same document. */
#pragma once

#include "ys-document.h"

G_BEGIN_DECLS

typedef struct {
  guint   units;
  guint   lines;
  guint   projects;
  guint   indicators;
  guint32 seed;
} YsGenerateParams;

#define YS_GENERATE_DEFAULTS ((YsGenerateParams) { 300, 100000, 2000, 20000, 1 })

gboolean ys_generate (YsDocument             *doc,
                      const YsGenerateParams *params,
                      GError                **error);

G_END_DECLS
