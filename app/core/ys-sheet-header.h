/* Where a sheet's header is and what its columns are called: title lines,
 * a 单位：万元 line, and headers of one to four rows where a merged group
 * cell (支出功能分类科目) stands over its columns (科目编码, 科目名称). */
#pragma once

#include "ys-money.h"
#include "ys-workbook.h"

G_BEGIN_DECLS

#define YS_SHEET_UNIT_NONE (-1)
/* Between the texts of a header path; normalised texts hold no spaces, and
 * "/" is itself a header word ("新增/延续"). */
#define YS_SHEET_PATH_SEPARATOR " / "

typedef struct {
  guint   first_row;   /* first header row, 0-based */
  guint   last_row;    /* last header row; data starts below it */
  guint   n_cols;
  char  **paths;       /* per column: normalised texts top to bottom, "支出功能分类科目 / 科目编码" */
  char  **leaves;      /* per column: the lowest header text as the sheet prints it ("" when none) */
  int    *col_units;   /* per column: YsMoneyUnit from "金额（万元）", or YS_SHEET_UNIT_NONE */
  int     unit;        /* from a 单位：万元 line, or YS_SHEET_UNIT_NONE */
  char   *issuer;      /* "编制单位：…" above the header, or NULL */
} YsSheetHeader;

/* Tells whether a normalised header text is a word a header of this kind uses. */
typedef gboolean (*YsSheetWordFunc) (const char *normalised, gpointer user_data);

/* Finds the header among the first rows; NULL when no row has at least two
 * header words. */
YsSheetHeader *ys_sheet_header_find (const YsSheet   *sheet,
                                     YsSheetWordFunc  is_word,
                                     gpointer         user_data);
void           ys_sheet_header_free (YsSheetHeader   *header);

/* NFKC (full-width digits and brackets become ASCII), no spaces or line
 * breaks; a trailing "(万元)" / "(元)" is removed and returned in @unit
 * (may be NULL; YS_SHEET_UNIT_NONE when absent). */
char          *ys_sheet_normalise   (const char      *text,
                                     int             *unit);
/* NFKC of @text (full-width digits and letters become ASCII); a copy when it is ASCII already. */
char          *ys_sheet_nfkc        (const char      *text);
/* "A", "B", … "AA": the column letter a spreadsheet shows. */
char          *ys_sheet_column_letter (guint          col);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (YsSheetHeader, ys_sheet_header_free)

G_END_DECLS
