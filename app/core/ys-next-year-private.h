/* What goes into next year's budget, decided before anything is written. */
#pragma once

#include "ys-next-year.h"

G_BEGIN_DECLS

/* Decides for each project of @old whether it goes on into @new_year and
 * appends a YsNextYearProject for it to @report->projects. Returns the copies
 * to insert (YsRecord, status 延续, this year's annual funds cleared, an
 * annual period moved to the new year). */
GPtrArray *ys_next_year_plan_projects (YsDocument       *old,
                                       int               new_year,
                                       YsNextYearReport *report);

/* This year's line items and income summed into prior_year records by unit,
 * 功能分类, 经济分类, 支出类型 and 资金来源, with @map applied; codes that
 * @new_doc's catalogs lack are added to @report->missing. */
GPtrArray *ys_next_year_plan_prior (YsDocument       *old,
                                    YsDocument       *new_doc,
                                    GHashTable       *map,
                                    YsNextYearReport *report);

G_END_DECLS
