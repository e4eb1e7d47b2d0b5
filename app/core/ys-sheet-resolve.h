/* Codes for what a sheet names in words: a 科目 by its catalog name, a unit
 * or a project by its code or its name. */
#pragma once

#include "ys-document.h"

G_BEGIN_DECLS

typedef struct _YsSheetResolver YsSheetResolver;

YsSheetResolver *ys_sheet_resolver_new  (YsDocument      *doc);
void             ys_sheet_resolver_free (YsSheetResolver *self);

/* Splits "2010301 行政运行", "【30101】基本工资", "A02010104-台式计算机" into
 * code and name (either may come back NULL). Full-width digits count. */
void        ys_sheet_split_code          (const char      *text,
                                          char           **code,
                                          char           **name);
/* The catalog entry named @name, under the code @parent when not NULL.
 * NULL with @problem set (in Chinese) when unknown or ambiguous; an ambiguous
 * name's problem lists the candidates. */
const YsCatalogEntry *ys_sheet_resolve_catalog (YsSheetResolver *self,
                                                YsCatalogKind    kind,
                                                const char      *name,
                                                const char      *parent,
                                                char           **problem);
/* The key of the unit/project named by @text: its code, its code without the
 * leading zeros a spreadsheet drops, or its name. NULL with @problem set. */
const char *ys_sheet_resolve_record      (YsSheetResolver *self,
                                          const YsKind    *kind,
                                          const char      *text,
                                          char           **problem);

G_END_DECLS
