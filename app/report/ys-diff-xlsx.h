/* The difference between two versions as an xlsx workbook, in Chinese. */
#pragma once

#include "ys-diff.h"

G_BEGIN_DECLS

gboolean ys_diff_write_xlsx (YsDiff      *diff,
                             const char  *path,
                             GError     **error);

G_END_DECLS
