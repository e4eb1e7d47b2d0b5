/* Describes each kind of record once, so that storage, the interchange format,
 * properties and validation of typed values all follow from one table. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  YS_FIELD_TEXT,    /* free text, '' when empty */
  YS_FIELD_CODE,    /* a classification or record code: no spaces */
  YS_FIELD_CHOICE,  /* one of a fixed list of words */
  YS_FIELD_INT,     /* a whole number */
  YS_FIELD_MONEY,   /* 分, written in 元 with two decimals */
  YS_FIELD_BOOL,    /* 是 / 否 */
} YsFieldType;

typedef enum {
  YS_FIELD_REQUIRED       = 1 << 0,
  YS_FIELD_NEGATIVE_OK    = 1 << 1,
  YS_FIELD_KEY            = 1 << 2,  /* unique within the document, referenced by others */
} YsFieldFlags;

typedef struct {
  const char         *name;     /* property, SQL column and CSV header */
  const char         *label;    /* N_(): the accountant's word for it */
  YsFieldType         type;
  guint               flags;
  const char *const  *choices;  /* YS_FIELD_CHOICE */
  guint               digits;   /* YS_FIELD_CODE: exact count of digits, 0 = any code */
  const char         *ref;      /* YS_FIELD_CODE: name of the kind whose key it names */
  /* The field's one spelling of what users write several ways (full-width
   * signs, words for operators), or NULL to keep the text: applied by
   * ys_field_parse, so import, paste and the editor store the same value. */
  char             *(*normalize) (const char *text);
} YsField;

typedef struct {
  const char    *name;      /* "line" */
  const char    *table;     /* SQL table */
  const char    *file;      /* interchange CSV file */
  const char    *label;     /* N_() */
  const YsField *fields;
  guint          n_fields;
  int            key_field; /* index of the YS_FIELD_KEY field, or -1 */
} YsKind;

typedef union {
  gint64  i;
  char   *s;
} YsValue;

/* Fund sources (资金来源), the words of the official tables. */
extern const char *const ys_fund_sources[];
/* Sources that count as 财政拨款. */
gboolean ys_fund_source_is_fiscal (const char *source);

gboolean ys_field_is_text  (const YsField *field);
int      ys_kind_find_field (const YsKind *kind, const char *name);

/* Parses user or file text into a value; messages say which field and why. */
gboolean ys_field_parse    (const YsField *field,
                            const char    *text,
                            YsValue       *out,
                            GError       **error);
/* The interchange form: money as 元 "1234.56", bool as 是/否. */
char    *ys_field_format   (const YsField *field,
                            const YsValue *value);
gboolean ys_value_equal    (const YsField *field,
                            const YsValue *a,
                            const YsValue *b);
void     ys_value_copy     (const YsField *field,
                            YsValue       *dest,
                            const YsValue *src);
void     ys_value_clear    (const YsField *field,
                            YsValue       *value);

#define YS_FIELD_ERROR (ys_field_error_quark ())
typedef enum {
  YS_FIELD_ERROR_REQUIRED,
  YS_FIELD_ERROR_INVALID,
} YsFieldError;
GQuark ys_field_error_quark (void);

G_END_DECLS
