/* ys-workbook-xls.c: old Excel 97–2003 workbooks (BIFF in an OLE2 compound
 * file) through libfreexl, which is made for reading them.
 *
 * libfreexl 1.0.6 crashes on some damaged files (fuzzing found a read out of
 * bounds in freexl_open within a hundred mutations of a valid file), so it
 * runs in a child process: the child writes the cells into a pipe, and a
 * child that dies only makes the file "damaged" for the user.  The child
 * uses nothing but libfreexl, malloc and write, which stay usable after
 * fork() even in a threaded program.
 *
 * libfreexl 1.0.6 does not report merged cells nor whether a sheet is
 * hidden: an .xls sheet therefore has no merges and is never hidden; a
 * header's group cell stands in its top-left cell only (docs/workbooks.md).
 * Boolean and error cells come as numbers. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <freexl.h>

#include "ys-workbook-private.h"

/* What the child writes: a tag byte, then guint32 fields and byte strings
 * (a guint32 length, then the bytes). */
enum {
  TAG_SHEET = 'S',   /* name */
  TAG_CELL  = 'C',   /* row, col, type, text */
  TAG_FAIL  = 'F',   /* libfreexl's status, what failed (Failure) */
  TAG_LARGE = 'L',   /* rows, cols or 0, 0 for the cell count, sheet name */
  TAG_CRYPT = 'P',   /* encrypted */
  TAG_END   = 'Z',
};

typedef enum {
  FAIL_OPEN,
  FAIL_SHEETS,
  FAIL_SHEET,
} Failure;

/* The pipe output can never exceed what YS_WORKBOOK_MAX_CELLS cells of
 * 32,767 characters would need; anything beyond is refused. */
#define MAX_STREAM (1024u * 1024 * 1024)

/* ---- the child --------------------------------------------------------------- */

typedef struct {
  int    fd;
  guint8 buf[65536];
  gsize  len;
} Out;

static void
out_flush (Out *out)
{
  gsize done = 0;

  while (done < out->len)
    {
      ssize_t n = write (out->fd, out->buf + done, out->len - done);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        _exit (3);
      done += (gsize) n;
    }
  out->len = 0;
}

static void
out_bytes (Out *out, const void *data, gsize len)
{
  const guint8 *p = data;

  while (len > 0)
    {
      gsize n = MIN (len, sizeof out->buf - out->len);
      memcpy (out->buf + out->len, p, n);
      out->len += n;
      p += n;
      len -= n;
      if (out->len == sizeof out->buf)
        out_flush (out);
    }
}

static void
out_u32 (Out *out, guint32 v)
{
  out_bytes (out, &v, sizeof v);
}

static void
out_string (Out *out, const char *s)
{
  guint32 len = s != NULL ? (guint32) strlen (s) : 0;
  out_u32 (out, len);
  out_bytes (out, s, len);
}

static void
out_tag (Out *out, char tag)
{
  out_bytes (out, &tag, 1);
}

/* One cell as the model holds it; NULL for an empty cell. */
static char *
cell_text (const FreeXL_CellValue *v,
           YsCellType             *type)
{
  switch (v->type)
    {
    case FREEXL_CELL_INT:
      *type = YS_CELL_NUMBER;
      return g_strdup_printf ("%d", v->value.int_value);
    case FREEXL_CELL_DOUBLE:
      {
        char *text = ys_workbook_number_text (v->value.double_value);
        *type = text != NULL ? YS_CELL_NUMBER : YS_CELL_ERROR;
        return text != NULL ? text : g_strdup ("#NUM!");
      }
    case FREEXL_CELL_TEXT:
    case FREEXL_CELL_SST_TEXT:
      *type = YS_CELL_STRING;
      return v->value.text_value != NULL && *v->value.text_value != '\0'
             ? g_strdup (v->value.text_value) : NULL;
    case FREEXL_CELL_DATE:
    case FREEXL_CELL_TIME:
      *type = YS_CELL_DATE;
      return v->value.text_value != NULL ? g_strdup (v->value.text_value) : NULL;
    case FREEXL_CELL_DATETIME:
      {
        /* "2023-01-31 12:00:00" → ISO "2023-01-31T12:00:00"; midnight is a date. */
        char *text, *space;

        if (v->value.text_value == NULL)
          return NULL;
        *type = YS_CELL_DATE;
        text = g_strdup (v->value.text_value);
        space = strchr (text, ' ');
        if (space != NULL && strcmp (space + 1, "00:00:00") == 0)
          *space = '\0';
        else if (space != NULL)
          *space = 'T';
        return text;
      }
    default:
      return NULL;
    }
}

static void
child_fail (Out *out, int status, Failure what)
{
  out_tag (out, TAG_FAIL);
  out_u32 (out, (guint32) status);
  out_u32 (out, what);
}

static void
child_read (const char *path,
            Out        *out)
{
  const void *handle = NULL;
  unsigned int n_sheets = 0, password = 0;
  guint n_cells = 0;
  int status;

  status = freexl_open (path, &handle);
  if (status != FREEXL_OK)
    {
      child_fail (out, status, FAIL_OPEN);
      return;
    }
  if (freexl_get_info (handle, FREEXL_BIFF_PASSWORD, &password) == FREEXL_OK &&
      password == FREEXL_BIFF_OBFUSCATED)
    {
      out_tag (out, TAG_CRYPT);
      return;
    }
  if (freexl_get_info (handle, FREEXL_BIFF_SHEET_COUNT, &n_sheets) != FREEXL_OK ||
      n_sheets > YS_WORKBOOK_MAX_SHEETS)
    {
      child_fail (out, FREEXL_CRAFTED_FILE, FAIL_SHEETS);
      return;
    }

  for (guint i = 0; i < n_sheets; i++)
    {
      const char *name = NULL;
      unsigned int rows = 0;
      unsigned short cols = 0;

      status = freexl_select_active_worksheet (handle, (unsigned short) i);
      if (status == FREEXL_OK)
        status = freexl_get_worksheet_name (handle, (unsigned short) i, &name);
      if (status == FREEXL_OK)
        status = freexl_worksheet_dimensions (handle, &rows, &cols);
      if (status != FREEXL_OK)
        {
          child_fail (out, status, FAIL_SHEET);
          return;
        }
      out_tag (out, TAG_SHEET);
      out_string (out, name);
      if ((guint64) rows * cols > YS_WORKBOOK_MAX_AREA || rows > YS_WORKBOOK_MAX_ROWS)
        {
          out_tag (out, TAG_LARGE);
          out_u32 (out, rows);
          out_u32 (out, cols);
          return;
        }
      for (guint r = 0; r < rows; r++)
        for (guint c = 0; c < cols; c++)
          {
            FreeXL_CellValue v;
            YsCellType type = YS_CELL_EMPTY;
            g_autofree char *text = NULL;

            if (freexl_get_cell_value (handle, r, (unsigned short) c, &v) != FREEXL_OK ||
                (text = cell_text (&v, &type)) == NULL)
              continue;
            if (++n_cells > YS_WORKBOOK_MAX_CELLS)
              {
                out_tag (out, TAG_LARGE);
                out_u32 (out, 0);
                out_u32 (out, 0);
                return;
              }
            out_tag (out, TAG_CELL);
            out_u32 (out, r);
            out_u32 (out, c);
            out_u32 (out, type);
            out_string (out, text);
          }
    }
  /* Freed only on success: a child that stops early just exits. */
  freexl_close (handle);
}

/* Built with a sanitizer (the fuzz targets), a crash in libfreexl is reported
 * by the sanitizer, which then calls this instead of the fuzzer's own
 * handler: the child only has to end, its parent reports the file. */
extern void __sanitizer_set_death_callback (void (*callback) (void)) __attribute__ ((weak));

static void
child_died (void)
{
  _exit (2);
}

/* ---- the parent ---------------------------------------------------------------- */

typedef struct {
  const guint8 *p, *end;
} In;

static gboolean
in_u32 (In *in, guint32 *v)
{
  if ((gsize) (in->end - in->p) < sizeof *v)
    return FALSE;
  memcpy (v, in->p, sizeof *v);
  in->p += sizeof *v;
  return TRUE;
}

static char *
in_string (In *in)
{
  guint32 len;
  char *s;

  if (!in_u32 (in, &len) || (gsize) (in->end - in->p) < len)
    return NULL;
  s = g_strndup ((const char *) in->p, len);
  in->p += len;
  if (!g_utf8_validate (s, -1, NULL))
    {
      char *valid = g_utf8_make_valid (s, -1);
      g_free (s);
      s = valid;
    }
  return s;
}

static gboolean
xls_failed (const char  *display,
            const char  *what,
            int          status,
            GError     **error)
{
  g_set_error (error, YS_WORKBOOK_ERROR, YS_WORKBOOK_ERROR_FORMAT,
               _("“%s” is not a readable Excel 97–2003 workbook (%s, code %d); "
                 "open it in a spreadsheet program and save it as .xlsx"),
               display, what, status);
  return FALSE;
}

/* Turns the child's stream into sheets; FALSE with @error set on a refusal. */
static gboolean
parse_stream (In          *in,
              YsWorkbook  *book,
              const char  *display,
              GError     **error)
{
  YsSheetBuilder b = { 0 };
  gboolean have_sheet = FALSE, ok = FALSE;
  guint n_cells = 0;

  while (in->p < in->end)
    {
      char tag = (char) *in->p++;
      guint32 a, c, t, st, what;
      char *text;

      if (tag == TAG_SHEET || tag == TAG_END)
        {
          if (have_sheet)
            {
              YsSheet *sheet = ys_sheet_builder_finish (&b, display, error);
              ys_sheet_builder_clear (&b);
              have_sheet = FALSE;
              if (sheet == NULL)
                return FALSE;
              g_ptr_array_add (book->sheets, sheet);
            }
          if (tag == TAG_END)
            {
              ok = TRUE;
              break;
            }
          if ((text = in_string (in)) == NULL)
            break;
          if (*text == '\0')
            {
              g_free (text);
              text = g_strdup_printf ("Sheet%u", book->sheets->len + 1);
            }
          ys_sheet_builder_init (&b, text, &n_cells);
          g_free (text);
          have_sheet = TRUE;
        }
      else if (tag == TAG_CELL && have_sheet)
        {
          if (!in_u32 (in, &a) || !in_u32 (in, &c) || !in_u32 (in, &t) ||
              a >= YS_WORKBOOK_MAX_ROWS || c >= YS_WORKBOOK_MAX_COLS ||
              t == YS_CELL_EMPTY || t > YS_CELL_ERROR || (text = in_string (in)) == NULL)
            break;
          if (!ys_sheet_builder_add (&b, a, c, (YsCellType) t, text))
            break;
        }
      else if (tag == TAG_LARGE && have_sheet && in_u32 (in, &a) && in_u32 (in, &c))
        {
          if (a == 0 && c == 0)
            g_set_error (error, YS_WORKBOOK_ERROR, YS_WORKBOOK_ERROR_TOO_LARGE,
                         _("“%s”, sheet “%s”: the workbook has more than %u filled cells, "
                           "more than can be read"), display, b.name, YS_WORKBOOK_MAX_CELLS);
          else
            g_set_error (error, YS_WORKBOOK_ERROR, YS_WORKBOOK_ERROR_TOO_LARGE,
                         _("“%s”, sheet “%s”: its cells span %u rows by %u columns, more than "
                           "the %u cells a sheet may cover"),
                         display, b.name, a, c, YS_WORKBOOK_MAX_AREA);
          break;
        }
      else if (tag == TAG_CRYPT)
        {
          g_set_error (error, YS_WORKBOOK_ERROR, YS_WORKBOOK_ERROR_FORMAT,
                       _("“%s” is encrypted (protected by a password); save it without a "
                         "password first"), display);
          break;
        }
      else if (tag == TAG_FAIL && in_u32 (in, &st) && in_u32 (in, &what))
        {
          xls_failed (display,
                      what == FAIL_OPEN ? _("the file is damaged or not an Excel workbook")
                      : what == FAIL_SHEETS ? _("its list of sheets is damaged")
                      : _("a sheet cannot be read"),
                      (int) (gint32) st, error);
          break;
        }
      else
        break;
    }
  if (have_sheet)
    ys_sheet_builder_clear (&b);
  if (!ok && error != NULL && *error == NULL)
    xls_failed (display, _("the file is damaged or not an Excel workbook"), -1, error);
  return ok;
}

YsWorkbook *
ys_workbook_read_xls (const char  *path,
                      const char  *display,
                      GError     **error)
{
  g_autoptr(GByteArray) stream = NULL;
  g_autoptr(YsWorkbook) book = NULL;
  guint8 chunk[65536];
  int fds[2], wstatus = 0;
  gboolean too_large = FALSE;
  pid_t pid;
  In in;

  if (access (path, R_OK) != 0)
    {
      g_set_error (error, YS_WORKBOOK_ERROR, YS_WORKBOOK_ERROR_IO,
                   _("Cannot read “%s”: %s"), display, g_strerror (errno));
      return NULL;
    }
  if (pipe (fds) != 0 || (pid = fork ()) < 0)
    {
      g_set_error (error, YS_WORKBOOK_ERROR, YS_WORKBOOK_ERROR_IO,
                   _("Cannot read “%s”: %s"), display, g_strerror (errno));
      return NULL;
    }
  if (pid == 0)
    {
      static Out out;
      struct rlimit cpu = { 60, 60 };

      int null_fd = open ("/dev/null", O_WRONLY);

      close (fds[0]);
      /* A crash is the parent's to report, in words for the user. */
      if (null_fd >= 0)
        dup2 (null_fd, STDERR_FILENO);
      signal (SIGSEGV, SIG_DFL);
      signal (SIGBUS, SIG_DFL);
      if (__sanitizer_set_death_callback != NULL)
        __sanitizer_set_death_callback (child_died);
      setrlimit (RLIMIT_CPU, &cpu);  /* a file that loops the reader */
      out.fd = fds[1];
      child_read (path, &out);
      out_tag (&out, TAG_END);
      out_flush (&out);
      _exit (0);
    }

  close (fds[1]);
  stream = g_byte_array_new ();
  for (;;)
    {
      ssize_t n = read (fds[0], chunk, sizeof chunk);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      if (stream->len + (gsize) n > MAX_STREAM)
        {
          too_large = TRUE;
          kill (pid, SIGKILL);
          break;
        }
      g_byte_array_append (stream, chunk, (guint) n);
    }
  close (fds[0]);
  while (waitpid (pid, &wstatus, 0) < 0 && errno == EINTR)
    ;

  if (too_large)
    {
      g_set_error (error, YS_WORKBOOK_ERROR, YS_WORKBOOK_ERROR_TOO_LARGE,
                   _("“%s” is larger than %u MB, more than a workbook may be"),
                   display, MAX_STREAM >> 20);
      return NULL;
    }
  if (!WIFEXITED (wstatus) || WEXITSTATUS (wstatus) != 0)
    {
      g_set_error (error, YS_WORKBOOK_ERROR, YS_WORKBOOK_ERROR_FORMAT,
                   _("“%s” is damaged: the Excel 97–2003 reader stopped on it; open it in "
                     "a spreadsheet program and save it as .xlsx"), display);
      return NULL;
    }
  book = ys_workbook_new_empty ("xls");
  in.p = stream->data;
  in.end = stream->data + stream->len;
  if (!parse_stream (&in, book, display, error))
    return NULL;
  return g_steal_pointer (&book);
}
