#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>

#include "ys-cli.h"
#include "ys-diff-xlsx.h"
#include "ys-snapshot.h"

static char *
format_time (gint64 seconds)
{
  g_autoptr(GDateTime) t = g_date_time_new_from_unix_local (seconds);
  return t ? g_date_time_format (t, "%Y-%m-%d %H:%M:%S") : g_strdup ("?");
}

static int
list_snapshots (YsDocument *doc, gboolean json)
{
  GError *error = NULL;
  g_autoptr(GPtrArray) list = ys_snapshot_list (doc, &error);

  if (list == NULL)
    return ys_cli_fail (error);
  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *text = NULL;

      json_builder_begin_array (b);
      for (guint i = 0; i < list->len; i++)
        {
          YsStoreSnapshot *s = g_ptr_array_index (list, i);
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "name");
          json_builder_add_string_value (b, s->name);
          json_builder_set_member_name (b, "created");
          json_builder_add_int_value (b, s->created);
          json_builder_set_member_name (b, "size");
          json_builder_add_int_value (b, s->size);
          json_builder_set_member_name (b, "stored_size");
          json_builder_add_int_value (b, s->stored_size);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      root = json_builder_get_root (b);
      text = json_to_string (root, TRUE);
      printf ("%s\n", text);
      return 0;
    }
  if (list->len == 0)
    printf ("%s\n", _("The budget file has no versions yet."));
  for (guint i = 0; i < list->len; i++)
    {
      YsStoreSnapshot *s = g_ptr_array_index (list, i);
      g_autofree char *when = format_time (s->created);
      g_autofree char *size = g_strdup_printf ("%" G_GINT64_FORMAT, s->size);
      g_autofree char *stored = g_strdup_printf ("%" G_GINT64_FORMAT, s->stored_size);

      printf (_("%s\t%s\t%s bytes, %s bytes in the file\n"), s->name, when, size, stored);
    }
  return 0;
}

int
ys_cli_snapshot (int argc, char **argv)
{
  g_autofree char *name = NULL;
  gboolean list = FALSE, json = FALSE;
  GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("Keep the budget as it is now as the version NAME"), N_("NAME") },
    { "list", 0, 0, G_OPTION_ARG_NONE, &list, N_("List the versions kept in the file"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(YsDocument) doc = NULL;
  g_autoptr(YsStoreSnapshot) info = NULL;
  g_autofree char *size = NULL, *stored = NULL;
  GError *error = NULL;

  if (!ys_cli_parse (&argc, &argv, _("FILE.yusuan"),
                     _("Keep the budget as it is now as a named, read-only version (一上, 二上, 调整一 …),\n"
                       "or list the versions. Compare them with “yusuan-cli diff”."),
                     entries, 1))
    return 2;
  if ((name == NULL) == !list)
    {
      g_printerr ("yusuan-cli: %s\n", _("Give either --name NAME or --list"));
      return 2;
    }
  doc = ys_cli_open (argv[1]);
  if (doc == NULL)
    return 1;
  if (list)
    return list_snapshots (doc, json);
  info = ys_snapshot_take (doc, name, &error);
  if (info == NULL)
    return ys_cli_fail (error);
  size = g_strdup_printf ("%" G_GINT64_FORMAT, info->size);
  stored = g_strdup_printf ("%" G_GINT64_FORMAT, info->stored_size);
  printf (_("Kept the version “%s”: %s bytes, %s bytes in the file\n"), info->name, size, stored);
  return 0;
}

static void
print_rows (const char *title, GPtrArray *rows)
{
  gboolean shown = FALSE;

  for (guint i = 0; i < rows->len; i++)
    {
      YsDiffRow *row = g_ptr_array_index (rows, i);
      g_autofree char *from = NULL, *to = NULL, *change = NULL, *rate = NULL;

      if (row->from == row->to)
        continue;
      if (!shown)
        printf ("\n%s\n", title);
      shown = TRUE;
      from = ys_money_format (row->from, YS_MONEY_YUAN, TRUE);
      to = ys_money_format (row->to, YS_MONEY_YUAN, TRUE);
      change = ys_money_format (row->to - row->from, YS_MONEY_YUAN, TRUE);
      rate = ys_diff_row_rate_text (row);
      printf ("  %*s%s %s\t%s → %s\t%s\t%s\n", (int) (row->level > 0 ? 2 * (row->level - 1) : 0), "",
              row->code, row->name, from, to, change, rate);
    }
}

static void
print_diff (YsDiff *diff)
{
  g_autofree char *from = ys_money_format (diff->total.from, YS_MONEY_YUAN, TRUE);
  g_autofree char *to = ys_money_format (diff->total.to, YS_MONEY_YUAN, TRUE);
  g_autofree char *change = ys_money_format (diff->total.to - diff->total.from, YS_MONEY_YUAN, TRUE);
  g_autofree char *rate = ys_diff_row_rate_text (&diff->total);

  printf (_("%s → %s: expenditure %s → %s 元, change %s (%s)\n"), ys_diff_get_name (diff, FALSE),
          ys_diff_get_name (diff, TRUE), from, to, change, rate);
  print_rows (_("By unit:"), diff->by_unit);
  print_rows (_("By functional classification:"), diff->by_function);
  print_rows (_("By economic classification:"), diff->by_economic);
  print_rows (_("By project:"), diff->by_project);

  printf ("\n");
  printf (g_dngettext (GETTEXT_PACKAGE, "%u record changed:\n", "%u records changed:\n", diff->changes->len),
          diff->changes->len);
  for (guint i = 0; i < diff->changes->len; i++)
    {
      YsDiffChange *c = g_ptr_array_index (diff->changes, i);
      g_autofree char *what = ys_diff_change_describe (c);

      printf ("  %s %s\n", ys_diff_change_type_label (c->type), what);
      for (guint f = 0; f < c->fields->len; f++)
        {
          YsDiffField *field = g_ptr_array_index (c->fields, f);
          printf ("      %s: %s → %s\n", ys_diff_field_label (field), field->old_text, field->new_text);
        }
    }
}

int
ys_cli_diff (int argc, char **argv)
{
  g_autofree char *from_name = NULL, *to_name = NULL, *output = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_name, N_("The earlier version"), N_("NAME") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_name, N_("The later version (default: the budget as it is now)"), N_("NAME") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Also write the difference into an xlsx workbook"), N_("FILE.xlsx") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON, amounts in 分"), NULL },
    { NULL }
  };
  g_autoptr(YsDocument) doc = NULL;
  g_autoptr(YsSnapshot) from = NULL, to = NULL;
  g_autoptr(YsDiff) diff = NULL;
  GError *error = NULL;

  if (!ys_cli_parse (&argc, &argv, _("FILE.yusuan"),
                     _("Compare two versions of a budget, or a version with the budget as it is now:\n"
                       "expenditure by unit, functional and economic classification and project, with\n"
                       "the change and its rate, and every record added, removed or changed."),
                     entries, 1))
    return 2;
  if (from_name == NULL)
    {
      g_printerr ("yusuan-cli: %s\n", _("Give the earlier version with --from NAME"));
      return 2;
    }
  doc = ys_cli_open (argv[1]);
  if (doc == NULL)
    return 1;
  from = ys_snapshot_load (doc, from_name, &error);
  if (from == NULL)
    return ys_cli_fail (error);
  to = to_name ? ys_snapshot_load (doc, to_name, &error) : ys_snapshot_current (doc);
  if (to == NULL)
    return ys_cli_fail (error);
  diff = ys_diff_compute (from, to, doc);
  if (output && !ys_diff_write_xlsx (diff, output, &error))
    return ys_cli_fail (error);
  if (json)
    {
      g_autofree char *text = ys_diff_to_json (diff);
      printf ("%s\n", text);
    }
  else
    print_diff (diff);
  return 0;
}
