/* 第三部分 情况说明, 名词解释 and 机构设置: a region's templates filled with the
 * document's figures. */
#include "config.h"

#include <json-glib/json-glib.h>

#include "ys-explain-private.h"
#include "ys-kinds.h"
#include "ys-report.h"

void
ys_explain_section_free (YsExplainSection *section)
{
  if (section == NULL)
    return;
  g_free (section->title);
  g_free (section->id);
  g_ptr_array_unref (section->paragraphs);
  g_ptr_array_unref (section->missing);
  g_free (section);
}

static YsExplainSection *
section_new (const char *id, char *title)
{
  YsExplainSection *s = g_new0 (YsExplainSection, 1);

  s->id = g_strdup (id);
  s->title = title;
  s->paragraphs = g_ptr_array_new_with_free_func (g_free);
  s->missing = g_ptr_array_new_with_free_func (g_free);
  return s;
}

/* A template line with "\n" in it gives several paragraphs (one item of a
 * list described in several numbered paragraphs). */
static void
add_paragraphs (YsExplainSection *s, char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i]; i++)
    g_ptr_array_add (s->paragraphs, g_strdup (lines[i]));
  g_free (text);
}

static YsExplainSection *
build_section (YsExplainTemplate *tmpl, YsExplainTmplSection *ts, YsExplainScope *scope)
{
  YsExplainSection *s = section_new (ts->id, ys_explain_render (tmpl, scope, ts->title, NULL));

  for (guint i = 0; i < ts->paras->len; i++)
    {
      YsExplainPara *p = g_ptr_array_index (ts->paras, i);

      if (!ys_explain_condition (scope, p->when))
        continue;
      if (p->each)
        {
          GPtrArray *items = ys_explain_scope_list (scope, p->each);
          for (guint j = 0; j < items->len; j++)
            add_paragraphs (s, ys_explain_render (tmpl, g_ptr_array_index (items, j), p->text, s->missing));
        }
      else
        add_paragraphs (s, ys_explain_render (tmpl, scope, p->text, s->missing));
    }
  s->incomplete = s->missing->len > 0;
  return s;
}

GPtrArray *
ys_explain_build (YsDocument *doc, YsLayout *layout, GPtrArray *tables, GError **error)
{
  g_autoptr(YsExplainTemplate) tmpl = NULL;
  g_autoptr(GPtrArray) own_tables = NULL;
  YsExplainScope *scope;
  GPtrArray *out;

  g_return_val_if_fail (YS_IS_DOCUMENT (doc), NULL);
  g_return_val_if_fail (layout != NULL, NULL);

  tmpl = ys_explain_template_for (layout->id, error);
  if (tmpl == NULL)
    return NULL;
  if (tables == NULL)
    {
      own_tables = ys_report_build (doc, layout, NULL, error);
      if (own_tables == NULL)
        return NULL;
      tables = own_tables;
    }
  scope = ys_explain_facts (doc, tmpl, tables);
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) ys_explain_section_free);
  for (guint i = 0; i < tmpl->sections->len; i++)
    {
      YsExplainTmplSection *ts = g_ptr_array_index (tmpl->sections, i);
      if (ys_explain_condition (scope, ts->when))
        g_ptr_array_add (out, build_section (tmpl, ts, scope));
    }
  ys_explain_scope_free (scope);
  return out;
}

GPtrArray *
ys_explain_glossary (YsDocument *doc, YsLayout *layout, GError **error)
{
  g_autoptr(YsExplainTemplate) tmpl = NULL;
  YsExplainSection *s;
  GPtrArray *out;

  g_return_val_if_fail (YS_IS_DOCUMENT (doc), NULL);
  g_return_val_if_fail (layout != NULL, NULL);
  tmpl = ys_explain_template_for (layout->id, error);
  if (tmpl == NULL)
    return NULL;
  s = section_new ("glossary", g_strdup (tmpl->glossary_title));
  for (guint i = 0; i < tmpl->glossary->len; i++)
    g_ptr_array_add (s->paragraphs, g_strdup (g_ptr_array_index (tmpl->glossary, i)));
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) ys_explain_section_free);
  g_ptr_array_add (out, s);
  if (tmpl->closing->len > 0)
    {
      /* What they say comes from the 概况 the accountant typed, not from figures. */
      YsExplainScope *scope = ys_explain_scope_new (NULL);
      g_autofree char *other = g_strdup (ys_document_get_meta (doc, "overview_other"));

      ys_explain_scope_flag (scope, "other_matters", other != NULL && *g_strstrip (other) != '\0');
      for (guint i = 0; i < tmpl->closing->len; i++)
        {
          YsExplainTmplSection *ts = g_ptr_array_index (tmpl->closing, i);
          if (ys_explain_condition (scope, ts->when))
            g_ptr_array_add (out, build_section (tmpl, ts, scope));
        }
      ys_explain_scope_free (scope);
    }
  return out;
}

static const char *
text_or (YsRecord *r, guint field, const char *fallback)
{
  const char *t = ys_record_get_text (r, field);
  return t && t[0] ? t : fallback;
}

char *
ys_explain_structure (YsDocument *doc)
{
  guint n = ys_document_count (doc, &ys_unit_kind);
  const char *dept = ys_document_get_meta (doc, "dept_name");
  int year = ys_document_get_year (doc);
  g_autoptr(GPtrArray) own = g_ptr_array_new ();
  g_autoptr(GPtrArray) others = g_ptr_array_new ();
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      YsRecord *u = ys_document_get (doc, &ys_unit_kind, i);
      g_ptr_array_add (g_strcmp0 (ys_record_get_text (u, YS_UNIT_ROLE), "下属单位") == 0 ? others : own, u);
    }
  if (dept == NULL || dept[0] == '\0')
    dept = own->len ? text_or (g_ptr_array_index (own, 0), YS_UNIT_NAME, "") : "";
  if (others->len == 0)
    {
      g_string_append_printf (out, "从预算单位构成看，%s%d年度部门预算仅包括本级预算，无其他下属单位预算。", dept, year);
    }
  else
    {
      g_string_append_printf (out, "从预算单位构成看，%s%d年度部门预算包括本级预算和所属%u个单位的预算：", dept, year,
                              others->len);
      for (guint i = 0; i < others->len; i++)
        g_string_append_printf (out, "%s%s", i ? "、" : "", text_or (g_ptr_array_index (others, i), YS_UNIT_NAME, ""));
      g_string_append (out, "。");
    }
  /* One line per unit, as the seeds' 单位构成 tables list them. */
  for (guint i = 0; i < n; i++)
    {
      YsRecord *u = ys_document_get (doc, &ys_unit_kind, i);
      const char *grade = text_or (u, YS_UNIT_GRADE, NULL);

      gint64 staff = ys_record_get_int (u, YS_UNIT_STAFF);

      g_string_append_printf (out, "\n%u. %s（%s%s%s", i + 1, text_or (u, YS_UNIT_NAME, ""),
                              text_or (u, YS_UNIT_UNIT_TYPE, ""), grade ? "，" : "", grade ? grade : "");
      if (staff > 0)
        g_string_append_printf (out, "，实有在编人员%" G_GINT64_FORMAT "人", staff);
      g_string_append (out, "）");
    }
  {
    const char *note = ys_document_get_meta (doc, "overview_structure_note");
    if (note && note[0])
      g_string_append_printf (out, "\n%s", note);
  }
  return g_string_free (out, FALSE);
}

static void
sections_to_json (JsonBuilder *b, GPtrArray *sections)
{
  json_builder_begin_array (b);
  for (guint i = 0; sections && i < sections->len; i++)
    {
      YsExplainSection *s = g_ptr_array_index (sections, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, s->id);
      json_builder_set_member_name (b, "title");
      json_builder_add_string_value (b, s->title);
      json_builder_set_member_name (b, "incomplete");
      json_builder_add_boolean_value (b, s->incomplete);
      json_builder_set_member_name (b, "missing");
      json_builder_begin_array (b);
      for (guint j = 0; j < s->missing->len; j++)
        json_builder_add_string_value (b, g_ptr_array_index (s->missing, j));
      json_builder_end_array (b);
      json_builder_set_member_name (b, "paragraphs");
      json_builder_begin_array (b);
      for (guint j = 0; j < s->paragraphs->len; j++)
        json_builder_add_string_value (b, g_ptr_array_index (s->paragraphs, j));
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

char *
ys_explain_to_json (GPtrArray *sections, GPtrArray *glossary, const char *structure)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "structure");
  json_builder_add_string_value (b, structure ? structure : "");
  json_builder_set_member_name (b, "sections");
  sections_to_json (b, sections);
  json_builder_set_member_name (b, "glossary");
  sections_to_json (b, glossary);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  return json_generator_to_data (gen, NULL);
}

static gboolean
template_states_change (const char *region, const char *figure)
{
  g_autoptr(YsExplainTemplate) tmpl = ys_explain_template_for (region, NULL);
  g_autofree char *name = NULL;

  if (tmpl == NULL)
    return FALSE;
  /* The 项 of the 一般公共预算 state their changes inside the items list. */
  name = g_strconcat (g_str_equal (figure, "items") ? "item" : figure, ".change", NULL);
  return ys_explain_template_uses (tmpl, name);
}

gboolean
ys_explain_region_states_change (const char *region, const char *figure)
{
  /* The validator asks once per unit and figure: parse each template once. */
  static GMutex lock;
  static GHashTable *answers = NULL;
  g_autofree char *key = g_strconcat (region ? region : "", "|", figure, NULL);
  gpointer answer;
  gboolean states;

  g_mutex_lock (&lock);
  if (answers == NULL)
    answers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (g_hash_table_lookup_extended (answers, key, NULL, &answer))
    {
      g_mutex_unlock (&lock);
      return GPOINTER_TO_INT (answer);
    }
  states = template_states_change (region, figure);
  g_hash_table_insert (answers, g_steal_pointer (&key), GINT_TO_POINTER (states));
  g_mutex_unlock (&lock);
  return states;
}
