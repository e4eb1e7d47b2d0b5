/* Used only by tests/test-crash.c: edits a budget for ever, one change per
 * transaction, and prints "N" on a line of its own after change N is
 * committed, until it is killed.
 *
 *   crash-editor FILE FIRST
 *
 * Change N (counting from FIRST) is, by N % 3:
 *   0  a new line item whose note is "crash N", amount N 分;
 *   1  the first line item's amount set to N 分;
 *   2  the first project's code changed to "CR<N>" (the file's ON UPDATE
 *      CASCADE rewrites the lines and indicators naming it). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "ys-core.h"
#include "ys-document.h"

static gboolean
change (YsDocument *doc, guint n, GError **error)
{
  YsRecord *first = ys_document_get (doc, &ys_line_kind, 0);
  g_autofree char *text = NULL;

  switch (n % 3)
    {
    case 0:
      {
        g_autoptr(YsRecord) line = ys_record_copy (first);
        text = g_strdup_printf ("crash %u", n);
        ys_record_set_id (line, 0);
        ys_record_set_text (line, YS_LINE_NOTE, text);
        ys_record_set_int (line, YS_LINE_AMOUNT, n);
        return ys_document_insert (doc, line, error);
      }
    case 1:
      {
        YsValue v = { .i = n };
        return ys_document_set (doc, first, YS_LINE_AMOUNT, &v, error);
      }
    default:
      text = g_strdup_printf ("CR%u", n);
      return ys_document_set_text (doc, ys_document_get (doc, &ys_project_kind, 0), YS_PROJECT_CODE, text, error);
    }
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsDocument) doc = NULL;
  guint n;

  ys_core_init ();
  if (argc != 3)
    return 2;
  doc = ys_document_open (argv[1], &error);
  if (doc == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  for (n = (guint) atoi (argv[2]);; n++)
    {
      if (!change (doc, n, &error))
        {
          fprintf (stderr, "change %u: %s\n", n, error->message);
          return 1;
        }
      printf ("%u\n", n);
      fflush (stdout);
    }
}
