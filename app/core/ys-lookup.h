/* What a code means and which codes fit what is being typed: names of
 * units, projects and catalog entries for the editors, with a small cache,
 * and the suggestions of their completion lists. No widgets. */
#pragma once

#include <glib-object.h>

#include "ys-document.h"

G_BEGIN_DECLS

typedef enum {
  YS_LOOKUP_NONE,
  YS_LOOKUP_CHOICES,   /* the field's fixed list of words */
  YS_LOOKUP_UNIT,
  YS_LOOKUP_PROJECT,
  YS_LOOKUP_FUNCTION,  /* 支出功能分类 */
  YS_LOOKUP_ECONOMIC,  /* 部门预算支出经济分类 */
  YS_LOOKUP_PROCUREMENT, /* 政府采购品目 */
  YS_LOOKUP_N_KINDS
} YsLookupKind;

typedef struct {
  char *value;     /* what the field takes: a code or a choice */
  char *title;     /* "2010301 行政运行" */
  char *subtitle;  /* "201 一般公共服务支出 › 20103 …", or NULL */
} YsLookupMatch;

void ys_lookup_match_free (YsLookupMatch *match);

#define YS_TYPE_LOOKUP (ys_lookup_get_type ())
G_DECLARE_FINAL_TYPE (YsLookup, ys_lookup, YS, LOOKUP, GObject)

YsLookup   *ys_lookup_new      (YsDocument     *document);
YsDocument *ys_lookup_get_document (YsLookup   *self);

/* The name of @code, or NULL when it names nothing. */
const char *ys_lookup_name     (YsLookup       *self,
                                YsLookupKind    kind,
                                const char     *code);
/* "code name", or the bare code when it names nothing; "" for no code. */
const char *ys_lookup_describe (YsLookup       *self,
                                YsLookupKind    kind,
                                const char     *code);
/* The catalog path of a code ("201 … › 20103 … › 2010301 …"), or NULL. */
char       *ys_lookup_describe_path (YsLookup  *self,
                                     YsLookupKind kind,
                                     const char *code);
/* Suggestions for @text, best first: code prefix matches, then names
 * containing @text. Codes of a catalog are only those of the length @field
 * takes (项 for a 7-digit field). Array of YsLookupMatch. */
GPtrArray  *ys_lookup_search   (YsLookup       *self,
                                YsLookupKind    kind,
                                const YsField  *field,
                                const char     *text,
                                guint           max);
/* What the accountant most likely meant by @text: the code of a unit or
 * project typed by its exact name, the choice matched by a shortcut, the
 * code of "2010301 行政运行" as copied from a table. Otherwise @text itself. */
char       *ys_lookup_resolve  (YsLookup       *self,
                                YsLookupKind    kind,
                                const YsField  *field,
                                const char     *text);

/* Whether @text picks out @choice (the @index-th, from 0): part of it, the
 * initials of its pinyin ("ryjf" for 人员经费), or its number from 1. */
gboolean    ys_lookup_choice_matches (const char *choice,
                                      guint       index,
                                      const char *text);

G_END_DECLS
