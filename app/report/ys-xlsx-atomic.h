/* A workbook written under a temporary name beside its target, synced to
 * disk and renamed over it only when complete. */
#pragma once

#include <glib.h>
#include <xlsxwriter.h>

G_BEGIN_DECLS

typedef struct _YsXlsxAtomic YsXlsxAtomic;

/* NULL with @error set when the folder cannot be written. */
YsXlsxAtomic *ys_xlsx_atomic_open     (const char    *path,
                                       GError       **error);
lxw_workbook *ys_xlsx_atomic_workbook (YsXlsxAtomic  *atomic);
/* Closes the workbook; when @ok, puts it in place (an existing file keeps its
 * permissions), else removes it. Frees @atomic. */
gboolean      ys_xlsx_atomic_finish   (YsXlsxAtomic  *atomic,
                                       gboolean       ok,
                                       GError       **error);

G_END_DECLS
