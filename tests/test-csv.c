/* The CSV reader: where an unquoted field ends, read in place. */
#include "config.h"

#include <string.h>
#include <glib.h>

#include "ys-csv.h"

/* Every row of @data (@len bytes) as its fields joined by '|', rows by '/'. */
static char *
rows_of (const char *data, gsize len, char separator)
{
  g_autoptr(YsCsvReader) reader = ys_csv_reader_new_from_data (data, len);
  g_autoptr(GPtrArray) fields = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GString *out = g_string_new (NULL);
  guint line = 0;

  if (separator != ',')
    ys_csv_reader_set_separator (reader, separator);
  while (ys_csv_reader_next_row_in_place (reader, fields, &line, &error))
    {
      g_string_append_printf (out, "%s%u:", out->len ? "/" : "", line);
      for (guint i = 0; i < fields->len; i++)
        {
          g_string_append_printf (out, "%s%s", i ? "|" : "", (const char *) g_ptr_array_index (fields, i));
        }
    }
  g_assert_no_error (error);
  return g_string_free (out, FALSE);
}

static void
test_field_ends (void)
{
  static const struct { const char *data; char sep; const char *rows; } cases[] = {
    { "a,b,c\n1,22,333\n", ',', "1:a|b|c/2:1|22|333" },
    { "a,b\r\n1,2\r\n", ',', "1:a|b/2:1|2" },
    { "a,b\r1,2", ',', "1:a|b/2:1|2" },
    { "a,\n,b\n,\n", ',', "1:a|/2:|b/3:|" },
    { "a,", ',', "1:a|" },
    { "\"x,y\",\"q\"\"z\",w\n", ',', "1:x,y|q\"z|w" },
    { "a;b,c;d\n", ';', "1:a|b,c|d" },
    { "a\tb;c\n", '\t', "1:a|b;c" },
    { "甲,乙\n丙丁,\n", ',', "1:甲|乙/2:丙丁|" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *rows = rows_of (cases[i].data, strlen (cases[i].data), cases[i].sep);
      g_assert_cmpstr (rows, ==, cases[i].rows);
    }
}

/* A NUL inside the data does not end the row or the data: the field goes
 * on to the separator (its text, read in place, ends at the NUL). */
static void
test_nul_inside (void)
{
  static const char data[] = "a,b\0c,d\ne,f";
  g_autoptr(YsCsvReader) reader = ys_csv_reader_new_from_data (data, sizeof data - 1);
  g_autoptr(GPtrArray) fields = g_ptr_array_new ();
  guint line = 0;

  g_assert_true (ys_csv_reader_next_row_in_place (reader, fields, &line, NULL));
  g_assert_cmpuint (fields->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (fields, 0), ==, "a");
  g_assert_cmpstr (g_ptr_array_index (fields, 1), ==, "b");
  g_assert_cmpstr ((const char *) g_ptr_array_index (fields, 1) + 2, ==, "c");
  g_assert_cmpstr (g_ptr_array_index (fields, 2), ==, "d");
  g_assert_true (ys_csv_reader_next_row_in_place (reader, fields, &line, NULL));
  g_assert_cmpuint (line, ==, 2);
  g_assert_cmpuint (fields->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (fields, 1), ==, "f");
  g_assert_false (ys_csv_reader_next_row_in_place (reader, fields, &line, NULL));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/csv/field-ends", test_field_ends);
  g_test_add_func ("/csv/nul-inside", test_nul_inside);
  return g_test_run ();
}
