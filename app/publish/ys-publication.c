/* The publication built from a document: every text is either typed by the
 * accountant (概况), generated from the figures (机构设置, 情况说明, the tables,
 * the charts) or the region's fixed wording (名词解释, headings). */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ys-explain.h"
#include "ys-publish-private.h"
#include "ys-report.h"

G_DEFINE_QUARK (ys-publish-error-quark, ys_publish_error)

static void
block_free (YsBlock *b)
{
  g_free (b->text);
  g_free (b->right);
  g_free (b);
}

void
ys_publication_free (YsPublication *pub)
{
  if (pub == NULL)
    return;
  g_free (pub->department);
  g_free (pub->title);
  g_clear_pointer (&pub->blocks, g_ptr_array_unref);
  g_clear_pointer (&pub->tables, g_ptr_array_unref);
  g_clear_pointer (&pub->charts, ys_chart_data_free);
  g_free (pub);
}

static YsBlock *
add (YsPublication *pub, YsBlockKind kind, const char *text)
{
  YsBlock *b = g_new0 (YsBlock, 1);

  b->kind = kind;
  b->text = g_strdup (text);
  g_ptr_array_add (pub->blocks, b);
  return b;
}

static void
add_heading (YsPublication *pub, guint level, const char *text)
{
  add (pub, YS_BLOCK_HEADING, text)->level = level;
}

/* Typed text: one paragraph per non-empty line. FALSE when there was none. */
static gboolean
add_paragraphs (YsPublication *pub, const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text ? text : "", "\n", -1);
  gboolean any = FALSE;

  for (guint i = 0; lines[i]; i++)
    {
      g_strstrip (lines[i]);
      if (*lines[i] == '\0')
        continue;
      add (pub, YS_BLOCK_PARAGRAPH, lines[i]);
      any = TRUE;
    }
  return any;
}

static void
add_overview (YsPublication *pub, YsDocument *doc, YsPublishProfile *profile)
{
  for (guint i = 0; i < profile->overview->len; i++)
    {
      YsOverviewItem *item = g_ptr_array_index (profile->overview, i);
      g_autofree char *title = ys_publish_expand (item->title, pub->department, pub->year, 0, NULL);
      const char *typed = NULL;
      g_autofree char *structure = NULL;
      gboolean generated, written;

      /* 机构设置 comes generated, with overview_structure_note after it. */
      if (strcmp (item->text, "structure") == 0)
        structure = ys_explain_structure (doc);
      else
        {
          g_autofree char *key = g_strconcat ("overview_", item->text, NULL);
          typed = ys_document_get_meta (doc, key);
        }
      /* 其他重要事项 is printed only when there is something to say. */
      if (strcmp (item->text, "other") == 0 && (typed == NULL || *typed == '\0'))
        continue;
      add_heading (pub, 2, title);
      generated = add_paragraphs (pub, structure);
      written = add_paragraphs (pub, typed);
      if (!generated && !written)
        {
          /* Left empty in the document: the gap shows rather than a heading over nothing. */
          add (pub, YS_BLOCK_PARAGRAPH, "（本部分尚未填写。）");
          pub->incomplete = TRUE;
        }
    }
}

/* A wide table's title, captions and notes share its landscape pages, and
 * so does the part's heading right before it (no page for a heading alone). */
static void
mark_landscape (YsPublication *pub, guint from)
{
  if (from > 0)
    {
      YsBlock *before = g_ptr_array_index (pub->blocks, from - 1);
      if (before->kind == YS_BLOCK_HEADING && before->level == 1)
        from--;
    }
  for (guint i = from; i < pub->blocks->len; i++)
    ((YsBlock *) g_ptr_array_index (pub->blocks, i))->landscape = TRUE;
}

static void
add_tables (YsPublication *pub, const char *title_template)
{
  for (guint i = 0; i < pub->tables->len; i++)
    {
      YsReportTable *t = g_ptr_array_index (pub->tables, i);
      g_autofree char *title = ys_publish_expand (title_template, pub->department, pub->year, i + 1, t->title);
      guint first = pub->blocks->len;
      YsBlock *b;

      add_heading (pub, 2, title);
      if (t->subtitle && *t->subtitle)
        add (pub, YS_BLOCK_CAPTION, t->subtitle);
      for (guint c = 0; c < t->captions->len; c++)
        {
          YsCaption *cap = g_ptr_array_index (t->captions, c);
          g_autofree char *left = g_strjoin ("　　", cap->left ? cap->left : "", cap->center ? cap->center : "", NULL);
          b = add (pub, YS_BLOCK_CAPTION, g_strstrip (left));
          b->right = g_strdup (cap->right);
        }
      b = add (pub, YS_BLOCK_TABLE, NULL);
      b->table = t;
      for (guint n = 0; n < t->notes->len; n++)
        add (pub, YS_BLOCK_NOTE, g_ptr_array_index (t->notes, n));
      if (ys_publication_table_is_wide (t))
        mark_landscape (pub, first);
    }
}

static void
add_sections (YsPublication *pub, GPtrArray *sections, const char *part_title)
{
  for (guint i = 0; i < sections->len; i++)
    {
      YsExplainSection *s = g_ptr_array_index (sections, i);

      /* 名词解释 comes as one section titled like the part: no second heading. */
      if (s->title && *s->title && g_strcmp0 (s->title, part_title) != 0 && !g_str_has_suffix (part_title, s->title))
        add_heading (pub, 2, s->title);
      for (guint p = 0; p < s->paragraphs->len; p++)
        add_paragraphs (pub, g_ptr_array_index (s->paragraphs, p));
      pub->incomplete |= s->incomplete;
    }
}

static void
add_charts (YsPublication *pub)
{
  g_autofree char *title = g_strdup_printf ("附：%d年预算支出结构图", pub->year);
  gboolean any = FALSE;

  for (guint k = 0; k < YS_CHART_N_KINDS; k++)
    {
      const YsChart *chart = ys_chart_data_get (pub->charts, k);
      if (ys_chart_is_empty (chart))
        continue;
      if (!any)
        add_heading (pub, 2, title);
      any = TRUE;
      add (pub, YS_BLOCK_CHART, chart->title)->chart = k;
    }
}

YsPublication *
ys_publication_build (YsDocument *doc, YsLayout *layout, const YsPublishOptions *options, GError **error)
{
  g_autoptr(YsPublication) pub = g_new0 (YsPublication, 1);
  YsPublishProfile *profile = ys_publish_profile_load (layout->id, error);
  g_autoptr(GPtrArray) sections = NULL;
  g_autoptr(GPtrArray) glossary = NULL;
  char *parts[4];
  gboolean ok = FALSE;

  if (profile == NULL)
    return NULL;
  pub->department = g_strdup (ys_document_get_meta (doc, "dept_name"));
  pub->year = ys_document_get_year (doc);
  pub->title = ys_publish_expand (profile->cover_title, pub->department, pub->year, 0, NULL);
  pub->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  for (guint i = 0; i < 4; i++)
    parts[i] = ys_publish_expand (profile->parts[i], pub->department, pub->year, 0, NULL);

  pub->tables = ys_report_build (doc, layout, NULL, error);
  if (pub->tables == NULL)
    goto out;
  sections = ys_explain_build (doc, layout, pub->tables, error);
  if (sections == NULL)
    goto out;
  glossary = ys_explain_glossary (doc, layout, error);
  if (glossary == NULL)
    goto out;
  pub->charts = ys_chart_data_compute (doc);

  add_heading (pub, 1, parts[0]);
  add_overview (pub, doc, profile);
  add_heading (pub, 1, parts[1]);
  add_tables (pub, profile->table_title);
  add_heading (pub, 1, parts[2]);
  add_sections (pub, sections, parts[2]);
  if (profile->charts && (options == NULL || options->charts))
    add_charts (pub);
  add_heading (pub, 1, parts[3]);
  add_sections (pub, glossary, parts[3]);
  ok = TRUE;

out:
  for (guint i = 0; i < 4; i++)
    g_free (parts[i]);
  ys_publish_profile_free (profile);
  return ok ? g_steal_pointer (&pub) : NULL;
}

YsPublication *
ys_publication_new_tables (GPtrArray *tables, const char *department, int year)
{
  YsPublication *pub = g_new0 (YsPublication, 1);

  pub->bare = TRUE;
  pub->department = g_strdup (department);
  pub->year = year;
  pub->title = g_strdup ("");
  pub->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  pub->tables = g_ptr_array_ref (tables);
  add_tables (pub, "{title}");
  return pub;
}

gboolean
ys_publication_write (YsPublication *pub, const char *path, GError **error)
{
  return ys_publication_write_with_progress (pub, path, NULL, NULL, error);
}

gboolean
ys_publication_write_with_progress (YsPublication *pub, const char *path, YsPublishProgress progress,
                                    gpointer user_data, GError **error)
{
  return ys_publication_write_cancellable (pub, path, progress, user_data, NULL, error);
}

gboolean
ys_publication_write_cancellable (YsPublication *pub, const char *path, YsPublishProgress progress,
                                  gpointer user_data, GCancellable *cancellable, GError **error)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);
  gboolean ok;

  if (g_str_has_suffix (lower, ".docx") || g_str_has_suffix (lower, ".pdf"))
    {
      ok = g_str_has_suffix (lower, ".docx") ? ys_publish_write_docx (pub, path, progress, user_data, cancellable, error)
                                              : ys_publish_write_pdf (pub, path, progress, user_data, cancellable, error);
      if (ok && progress)
        progress (1.0, user_data);
      return ok;
    }
  g_set_error (error, YS_PUBLISH_ERROR, YS_PUBLISH_ERROR_FORMAT,
               _("“%s”: the document is written as .docx or .pdf; give a name ending in one of them"), path);
  return FALSE;
}
