/* The anchor of the export benchmark: a bare libxlsxwriter program writing
 * exactly the workbook `yusuan-cli export` wrote — the same sheets, cells,
 * formats, merges, widths, heights and page setup — read from that workbook's
 * shape (xlsx-shape.py) into memory first, so that only the writing is timed.
 *
 *   bench-xlsx-twin SHAPE OUT.xlsx
 *
 * Prints the writing's elapsed and CPU time in ms and the peak resident
 * memory of the whole process. Not a test (docs/performance.md). */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <glib.h>
#include <xlsxwriter.h>

typedef struct {
  char  kind;
  int   a, b, c, d;
  char *text;   /* value, name or footer */
  double x;     /* width, height, number */
  int   xf;
  int   top;      /* a merge: the index of its top-left cell's op, or -1 */
  double m[4];
} Op;

typedef struct {
  char  *numfmt, *font, *halign, *valign;
  int    bold, wrap, border, indent;
  double size;
} Xf;

static char *
unescape (const char *s)
{
  GString *out = g_string_new (NULL);

  for (; *s; s++)
    {
      if (*s == '\\' && s[1])
        {
          s++;
          g_string_append_c (out, *s == 'n' ? '\n' : *s == 't' ? '\t' : *s);
        }
      else
        g_string_append_c (out, *s);
    }
  return g_string_free (out, FALSE);
}

static double
now_ms (clockid_t clock)
{
  struct timespec ts;

  clock_gettime (clock, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static long
peak_kb (void)
{
  g_autofree char *status = NULL;
  const char *p;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) || !(p = strstr (status, "VmHWM:")))
    return 0;
  return strtol (p + 6, NULL, 10);
}

static lxw_format *
make_format (lxw_workbook *wb, const Xf *x)
{
  lxw_format *f = workbook_add_format (wb);

  if (strcmp (x->numfmt, "General") != 0)
    format_set_num_format (f, x->numfmt);
  if (x->bold)
    format_set_bold (f);
  format_set_font_size (f, x->size);
  format_set_font_name (f, x->font);
  if (!strcmp (x->halign, "center"))
    format_set_align (f, LXW_ALIGN_CENTER);
  else if (!strcmp (x->halign, "left"))
    format_set_align (f, LXW_ALIGN_LEFT);
  else if (!strcmp (x->halign, "right"))
    format_set_align (f, LXW_ALIGN_RIGHT);
  if (!strcmp (x->valign, "center"))
    format_set_align (f, LXW_ALIGN_VERTICAL_CENTER);
  else if (!strcmp (x->valign, "top"))
    format_set_align (f, LXW_ALIGN_VERTICAL_TOP);
  if (x->wrap)
    format_set_text_wrap (f);
  if (x->border)
    format_set_border (f, LXW_BORDER_THIN);
  if (x->indent)
    format_set_indent (f, (uint8_t) x->indent);
  return f;
}

int
main (int argc, char **argv)
{
  g_autofree char *data = NULL;
  g_auto(GStrv) lines = NULL;
  GArray *ops = g_array_new (FALSE, TRUE, sizeof (Op));
  GArray *xfs = g_array_new (FALSE, TRUE, sizeof (Xf));
  lxw_workbook_options options = { .constant_memory = LXW_FALSE, .tmpdir = NULL };
  double wall, cpu;

  if (argc != 3 || !g_file_get_contents (argv[1], &data, NULL, NULL))
    {
      fprintf (stderr, "usage: bench-xlsx-twin SHAPE OUT.xlsx\n");
      return 2;
    }
  g_autoptr(GHashTable) cells = g_hash_table_new (g_direct_hash, g_direct_equal);

  lines = g_strsplit (data, "\n", -1);
  g_clear_pointer (&data, g_free);
  for (guint i = 0; lines[i]; i++)
    {
      g_auto(GStrv) f = g_strsplit (lines[i], "\t", -1);
      guint n = g_strv_length (f);
      Op op = { 0 };

      if (n == 0 || f[0][0] == '\0')
        continue;
      op.kind = f[0][0];
      switch (op.kind)
        {
        case 'X':
          {
            Xf x = { unescape (f[2]), unescape (f[5]), g_strdup (f[6]), g_strdup (f[7]),
                     atoi (f[3]), atoi (f[8]), atoi (f[9]), atoi (f[10]), g_ascii_strtod (f[4], NULL) };
            g_array_append_val (xfs, x);
            continue;
          }
        case 'S':
          op.text = unescape (f[1]);
          g_hash_table_remove_all (cells);
          break;
        case 'W':
        case 'H':
          op.a = atoi (f[1]);
          op.x = g_ascii_strtod (f[2], NULL);
          break;
        case 'Z':
          op.a = atoi (f[1]);
          break;
        case 'R':
          op.a = atoi (f[1]);
          op.b = atoi (f[2]);
          break;
        case 'C':
          op.a = atoi (f[1]);
          op.b = atoi (f[2]);
          op.c = f[3][0];
          op.xf = atoi (f[4]);
          if (op.c == 'n')
            op.x = g_ascii_strtod (f[5], NULL);
          else if (op.c == 's')
            op.text = unescape (f[5]);
          g_hash_table_insert (cells, GINT_TO_POINTER ((op.a << 14) | op.b), GUINT_TO_POINTER (ops->len + 1));
          break;
        case 'M':
          op.a = atoi (f[1]);
          op.b = atoi (f[2]);
          op.c = atoi (f[3]);
          op.d = atoi (f[4]);
          op.top = GPOINTER_TO_INT (g_hash_table_lookup (cells, GINT_TO_POINTER ((op.a << 14) | op.b))) - 1;
          break;
        case 'P':
          op.a = atoi (f[1]);
          op.b = atoi (f[2]);
          op.c = atoi (f[3]);
          op.d = atoi (f[4]);
          op.xf = atoi (f[5]);
          for (guint k = 0; k < 4; k++)
            op.m[k] = g_ascii_strtod (f[6 + k], NULL);
          op.text = n > 10 ? unescape (f[10]) : g_strdup ("");
          break;
        default:
          fprintf (stderr, "bench-xlsx-twin: unknown line %u\n", i + 1);
          return 2;
        }
      g_array_append_val (ops, op);
    }
  g_clear_pointer (&lines, g_strfreev);

  wall = now_ms (CLOCK_MONOTONIC);
  cpu = now_ms (CLOCK_PROCESS_CPUTIME_ID);
  {
    lxw_workbook *wb = workbook_new_opt (argv[2], &options);
    lxw_format **formats = g_new0 (lxw_format *, xfs->len);
    lxw_worksheet *ws = NULL;

    for (guint i = 1; i < xfs->len; i++)
      formats[i] = make_format (wb, &g_array_index (xfs, Xf, i));
    for (guint i = 0; i < ops->len; i++)
      {
        Op *op = &g_array_index (ops, Op, i);
        lxw_format *fmt = op->xf > 0 && (guint) op->xf < xfs->len ? formats[op->xf] : NULL;

        switch (op->kind)
          {
          case 'S':
            ws = workbook_add_worksheet (wb, op->text);
            break;
          case 'W':
            /* The file stores the width with Excel's padding of 5 pixels
             * (7 to a character); libxlsxwriter adds it again. */
            worksheet_set_column (ws, op->a, op->a, (op->x * 7.0 - 5.0) / 7.0, NULL);
            break;
          case 'H':
            worksheet_set_row (ws, op->a, op->x, NULL);
            break;
          case 'Z':
            worksheet_freeze_panes (ws, op->a, 0);
            break;
          case 'R':
            worksheet_repeat_rows (ws, op->a, op->b);
            break;
          case 'C':
            if (op->c == 'n')
              worksheet_write_number (ws, op->a, op->b, op->x, fmt);
            else if (op->c == 's')
              worksheet_write_string (ws, op->a, op->b, op->text, fmt);
            else
              worksheet_write_blank (ws, op->a, op->b, fmt);
            break;
          case 'M':
            {
              /* The range takes its top-left cell's format; that cell's value is
               * written again over the merge, as the export does. */
              lxw_format *mf = NULL;
              Op *top = op->top >= 0 ? &g_array_index (ops, Op, op->top) : NULL;

              if (top && top->xf > 0 && (guint) top->xf < xfs->len)
                mf = formats[top->xf];
              worksheet_merge_range (ws, op->a, op->b, op->c, op->d, "", mf);
              if (top && top->c == 's')
                worksheet_write_string (ws, top->a, top->b, top->text, mf);
              else if (top && top->c == 'n')
                worksheet_write_number (ws, top->a, top->b, top->x, mf);
              break;
            }
          case 'P':
            worksheet_set_paper (ws, (uint8_t) op->b);
            if (op->a)
              worksheet_set_landscape (ws);
            else
              worksheet_set_portrait (ws);
            if (op->xf > 0)
              worksheet_set_print_scale (ws, (uint16_t) op->xf);
            else if (op->d >= 0)
              worksheet_fit_to_pages (ws, (uint16_t) (op->c < 0 ? 1 : op->c), (uint16_t) op->d);
            worksheet_set_margins (ws, op->m[0], op->m[1], op->m[2], op->m[3]);
            if (op->text[0])
              worksheet_set_footer (ws, op->text);
            break;
          }
      }
    if (workbook_close (wb) != LXW_NO_ERROR)
      {
        fprintf (stderr, "bench-xlsx-twin: could not write %s\n", argv[2]);
        return 1;
      }
    g_free (formats);
  }
  printf ("twin write: %.0f ms elapsed, %.0f ms CPU, peak %ld KB\n",
          now_ms (CLOCK_MONOTONIC) - wall, now_ms (CLOCK_PROCESS_CPUTIME_ID) - cpu, peak_kb ());
  return 0;
}
