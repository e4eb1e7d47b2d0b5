/* Shared by the parts of the layout reader (ys-layout*.c); not for other code. */
#pragma once

#include <json-glib/json-glib.h>

#include "ys-layout.h"

G_BEGIN_DECLS

/* Where the reader is, for messages that name the file and the place in it. */
typedef struct {
  const char *origin;
  GString    *where;   /* "tables[3] (balance).columns[2]" */
  GError    **error;
} Ctx;

/* Records the first problem, with the file and place; returns FALSE. */
gboolean    ys_layout_fail        (Ctx *ctx, const char *format, ...) G_GNUC_PRINTF (2, 3);
/* Steps into a member and/or an index; pop returns to the length push gave. */
gsize       ys_layout_push        (Ctx *ctx, const char *member, int index);
void        ys_layout_pop         (Ctx *ctx, gsize len);
/* Rejects misspelt keys; keys starting with "_" or "comment" are notes for people. */
gboolean    ys_layout_check_keys  (Ctx *ctx, JsonObject *obj, const char *allowed);
char       *ys_layout_get_string  (Ctx *ctx, JsonObject *obj, const char *member, gboolean required);
gboolean    ys_layout_get_bool    (Ctx *ctx, JsonObject *obj, const char *member, gboolean fallback);
double      ys_layout_get_number  (Ctx *ctx, JsonObject *obj, const char *member, double fallback,
                                   double min, double max);
/* A string or a list of strings. */
char      **ys_layout_get_strv    (Ctx *ctx, JsonObject *obj, const char *member);
JsonArray  *ys_layout_get_array   (Ctx *ctx, JsonObject *obj, const char *member, gboolean required);
gboolean    ys_layout_parse_unit  (Ctx *ctx, const char *text, YsMoneyUnit *unit);
gboolean    ys_layout_parse_filter (Ctx *ctx, JsonNode *node, YsLayoutFilter *f);
void        ys_layout_filter_clear (YsLayoutFilter *f);
/* Checks that cells with spans fill every row of an @n_cols wide grid. */
gboolean    ys_layout_check_grid  (Ctx *ctx, GPtrArray *rows, guint n_cols,
                                   guint (*span) (gpointer cell, guint *rowspan),
                                   GPtrArray *(*cells_of) (gpointer row));

/* Forms (绩效目标表): ys-layout-form.c */
gboolean    ys_layout_parse_form    (Ctx *ctx, JsonObject *obj, YsLayoutTable *t);
void        ys_layout_form_row_free (YsLayoutFormRow *row);

G_END_DECLS
