#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ys-document.h"
#include "ys-kinds.h"

static const char *const kind_choices[] = { "基本支出", "项目支出", NULL };

static const YsField fields[] = {
  { "unit_code", N_("unit code"), YS_FIELD_CODE, YS_FIELD_REQUIRED, NULL, 0, "unit" },
  { "source", N_("fund source"), YS_FIELD_CHOICE, YS_FIELD_REQUIRED, ys_fund_sources, 0, NULL },
  { "kind", N_("basic or project expenditure"), YS_FIELD_CHOICE, YS_FIELD_REQUIRED, kind_choices, 0, NULL },
  { "project_code", N_("project code"), YS_FIELD_CODE, 0, NULL, 0, "project" },
  { "amount", N_("control figure"), YS_FIELD_MONEY, 0, NULL, 0, NULL },
  { "note", N_("note"), YS_FIELD_TEXT, 0, NULL, 0, NULL },
};

G_STATIC_ASSERT (G_N_ELEMENTS (fields) == YS_CONTROL_N_FIELDS);

const YsKind ys_control_kind = {
  "control", "control_figure", "controls.csv", N_("control figure"),
  fields, G_N_ELEMENTS (fields), -1,
};

YS_DEFINE_RECORD (YsControl, ys_control, &ys_control_kind)

static const char *
text (YsRecord *record, guint field)
{
  const char *s = ys_record_get_text (record, field);
  return s ? s : "";
}

gboolean
ys_control_covers (YsRecord *control, YsRecord *line)
{
  const char *kind = text (line, YS_LINE_KIND);
  const char *project = text (control, YS_CONTROL_PROJECT_CODE);
  gboolean basic = strcmp (kind, "人员经费") == 0 || strcmp (kind, "公用经费") == 0;

  if (ys_record_get_int (line, YS_LINE_CARRY_OVER))
    return FALSE;
  if (strcmp (text (control, YS_CONTROL_UNIT_CODE), text (line, YS_LINE_UNIT_CODE)) != 0
      || strcmp (text (control, YS_CONTROL_SOURCE), text (line, YS_LINE_SOURCE)) != 0)
    return FALSE;
  if (strcmp (text (control, YS_CONTROL_KIND), "基本支出") == 0)
    return basic;
  if (strcmp (kind, "项目支出") != 0)
    return FALSE;
  return project[0] == '\0' || strcmp (project, text (line, YS_LINE_PROJECT_CODE)) == 0;
}

/* "unit|source|kind" (the figure a project's figure is a part of), then
 * "|project" when @project is given. */
static char *
figure_key (const char *unit, const char *source, const char *kind, const char *project)
{
  return g_strconcat (unit, "|", source, "|", kind, project[0] ? "|" : "", project, NULL);
}

void
ys_control_totals (YsDocument *doc, YsControlTotals *out)
{
  guint n = ys_document_count (doc, &ys_control_kind);
  guint n_lines = ys_document_count (doc, &ys_line_kind);
  /* Keys of the figures counted: a line is under at most one of them. */
  g_autoptr(GHashTable) wholes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) projects = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  memset (out, 0, sizeof *out);
  out->n_controls = n;
  if (n == 0)
    return;
  for (guint i = 0; i < n; i++)
    {
      YsRecord *c = ys_document_get (doc, &ys_control_kind, i);
      if (text (c, YS_CONTROL_PROJECT_CODE)[0] == '\0')
        {
          g_hash_table_add (wholes, figure_key (text (c, YS_CONTROL_UNIT_CODE), text (c, YS_CONTROL_SOURCE),
                                                text (c, YS_CONTROL_KIND), ""));
          out->controlled += ys_record_get_int (c, YS_CONTROL_AMOUNT);
        }
    }
  for (guint i = 0; i < n; i++)
    {
      YsRecord *c = ys_document_get (doc, &ys_control_kind, i);
      const char *project = text (c, YS_CONTROL_PROJECT_CODE);
      g_autofree char *whole = NULL;

      if (project[0] == '\0')
        continue;
      whole = figure_key (text (c, YS_CONTROL_UNIT_CODE), text (c, YS_CONTROL_SOURCE), text (c, YS_CONTROL_KIND), "");
      if (g_hash_table_contains (wholes, whole))
        continue;
      g_hash_table_add (projects, figure_key (text (c, YS_CONTROL_UNIT_CODE), text (c, YS_CONTROL_SOURCE),
                                              text (c, YS_CONTROL_KIND), project));
      out->controlled += ys_record_get_int (c, YS_CONTROL_AMOUNT);
    }
  /* One lookup per line rather than one test per line and figure: the header
   * adds this up after every edit of a budget of 100,000 lines. */
  for (guint i = 0; i < n_lines; i++)
    {
      YsRecord *line = ys_document_get (doc, &ys_line_kind, i);
      const char *kind = text (line, YS_LINE_KIND);
      const char *group = strcmp (kind, "项目支出") == 0 ? "项目支出"
                        : strcmp (kind, "人员经费") == 0 || strcmp (kind, "公用经费") == 0 ? "基本支出" : NULL;
      g_autofree char *key = NULL;

      if (group == NULL || ys_record_get_int (line, YS_LINE_CARRY_OVER))
        continue;
      key = figure_key (text (line, YS_LINE_UNIT_CODE), text (line, YS_LINE_SOURCE), group, "");
      if (!g_hash_table_contains (wholes, key))
        {
          const char *project = text (line, YS_LINE_PROJECT_CODE);
          if (strcmp (group, "项目支出") != 0 || project[0] == '\0')
            continue;
          g_free (key);
          key = figure_key (text (line, YS_LINE_UNIT_CODE), text (line, YS_LINE_SOURCE), group, project);
          if (!g_hash_table_contains (projects, key))
            continue;
        }
      out->allocated += ys_record_get_int (line, YS_LINE_AMOUNT);
    }
}
