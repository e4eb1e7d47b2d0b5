/* A small RFC 4180 CSV reader and writer, shared by the catalog import and the
 * interchange format.  Fields are separated by commas; a field may be quoted,
 * and inside quotes commas, doubled quotes ("") and line breaks are literal.
 * The reader works on UTF-8 text; converting other encodings is the caller's job. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define YS_CSV_ERROR (ys_csv_error_quark ())
typedef enum {
  YS_CSV_ERROR_UNTERMINATED_QUOTE, /* a quoted field runs to the end of the data */
  YS_CSV_ERROR_BAD_QUOTE,          /* text between a closing quote and the next comma */
} YsCsvError;
GQuark ys_csv_error_quark (void);

typedef struct _YsCsvReader YsCsvReader;

/* Copies @data (@len bytes, need not be NUL-terminated).  A leading UTF-8 BOM is skipped. */
YsCsvReader *ys_csv_reader_new_from_data (const char  *data,
                                          gsize        len);
/* Takes @data (g_malloc'd, @len bytes followed by a NUL, as g_file_get_contents() gives it). */
YsCsvReader *ys_csv_reader_new_take      (char        *data,
                                          gsize        len);
void         ys_csv_reader_free          (YsCsvReader *reader);
/* Another field separator than the comma, e.g. '\t' for text copied from a spreadsheet. */
void         ys_csv_reader_set_separator (YsCsvReader *reader,
                                          char         separator);

/* Reads the next record.  On success *@fields_out is a new GPtrArray of
 * newly allocated strings (free func set; never empty: a blank line gives one
 * empty field) and *@line_out the 1-based line on which the record starts.
 * Returns FALSE at the end of the data (error unset) or on a malformed record
 * (error set; its message names the line). */
gboolean     ys_csv_reader_next_row      (YsCsvReader  *reader,
                                          GPtrArray   **fields_out,
                                          guint        *line_out,
                                          GError      **error);

/* The same as ys_csv_reader_next_row() without allocating: @fields (no
 * free func) is emptied and filled with pointers into the reader's own
 * copy of the data, where each field is unquoted and NUL-terminated in
 * place. They stay valid until the reader is freed, and may be changed in
 * place (each is followed by its own NUL). */
gboolean     ys_csv_reader_next_row_in_place (YsCsvReader  *reader,
                                              GPtrArray    *fields,
                                              guint        *line_out,
                                              GError      **error);

/* Appends one record to @out, terminated by "\n".  A field is quoted only when
 * it holds a comma, a quote, a line break, or leading/trailing spaces.  NULL
 * fields are written empty. */
void         ys_csv_append_row           (GString            *out,
                                          const char * const *fields,
                                          guint               n);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (YsCsvReader, ys_csv_reader_free)

G_END_DECLS
