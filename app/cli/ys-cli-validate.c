/* yusuan-cli validate: the findings of every rule, as the window shows them,
 * for scripts (JSON, exit status) and reviewers (an xlsx 审核结果 sheet). */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>

#include "ys-cli.h"
#include "ys-i18n.h"
#include "ys-review-sheet.h"
#include "ys-validator.h"

static const char *
level_word (YsFindingLevel level)
{
  static const char *const words[] = { "error", "warning", "info" };
  return words[level];
}

static const char *
status_word (YsReviewStatus status)
{
  static const char *const words[] = { "pending", "accepted", "returned" };
  return words[status];
}

static void
add_string (JsonBuilder *b, const char *name, const char *value)
{
  json_builder_set_member_name (b, name);
  if (value != NULL)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

/* @node, pretty-printed as json-glib does, each line after the first
 * indented by @indent spaces so that it sits inside the outer object. */
static void
print_node (JsonNode *node, guint indent, FILE *out)
{
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_pretty (gen, TRUE);
  json_generator_set_root (gen, node);
  text = json_generator_to_data (gen, NULL);
  for (const char *p = text; *p; p++)
    {
      fputc (*p, out);
      if (*p == '\n')
        fprintf (out, "%*s", (int) indent, "");
    }
}

static JsonNode *
finding_node (YsFinding *f)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autofree char *location = ys_finding_describe_location (f);
  const YsKind *kind = ys_finding_get_kind (f);
  int field = ys_finding_get_field (f);

  json_builder_begin_object (b);
  add_string (b, "key", ys_finding_get_key (f));
  add_string (b, "rule", ys_finding_get_rule_id (f));
  add_string (b, "level", level_word (ys_finding_get_level (f)));
  add_string (b, "title", ys_finding_get_title (f));
  add_string (b, "message", ys_finding_get_message (f));
  add_string (b, "hint", ys_finding_get_hint (f));
  add_string (b, "basis", ys_finding_get_basis (f));
  json_builder_set_member_name (b, "location");
  json_builder_begin_object (b);
  add_string (b, "unit", ys_finding_get_unit_code (f));
  add_string (b, "kind", kind ? kind->name : NULL);
  json_builder_set_member_name (b, "record_id");
  json_builder_add_int_value (b, ys_finding_get_record_id (f));
  add_string (b, "field", kind && field >= 0 ? kind->fields[field].name : NULL);
  add_string (b, "text", location);
  json_builder_end_object (b);
  add_string (b, "explanation", ys_finding_get_explanation (f));
  add_string (b, "review_status", status_word (ys_finding_get_review_status (f)));
  json_builder_set_member_name (b, "review_stale");
  json_builder_add_boolean_value (b, ys_finding_get_review_stale (f));
  add_string (b, "comment", ys_finding_get_comment (f));
  add_string (b, "reviewer", ys_finding_get_reviewer (f));
  add_string (b, "decided_at", ys_finding_get_decided_at (f));
  add_string (b, "digest", ys_finding_get_digest (f));
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

/* Written finding by finding, so that a budget with a hundred thousand
 * findings never holds the whole document as a tree (it took twice the
 * memory of the text output). The layout is json-glib's pretty one. */
static void
print_json (YsValidator *v, FILE *out)
{
  YsDocument *doc = ys_validator_get_document (v);
  GListModel *model = G_LIST_MODEL (v);
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) head = NULL;
  guint n = g_list_model_get_n_items (model);

  json_builder_begin_object (b);
  add_string (b, "dept_code", ys_document_get_meta (doc, "dept_code"));
  add_string (b, "dept_name", ys_document_get_meta (doc, "dept_name"));
  json_builder_set_member_name (b, "year");
  json_builder_add_int_value (b, ys_document_get_year (doc));
  json_builder_set_member_name (b, "counts");
  json_builder_begin_object (b);
  for (guint l = YS_FINDING_ERROR; l <= YS_FINDING_INFO; l++)
    {
      json_builder_set_member_name (b, level_word (l));
      json_builder_add_int_value (b, ys_validator_count (v, l));
    }
  json_builder_end_object (b);
  json_builder_set_member_name (b, "findings");
  json_builder_begin_array (b);
  json_builder_end_array (b);
  json_builder_end_object (b);
  head = json_builder_get_root (b);

  {
    g_autoptr(JsonGenerator) gen = json_generator_new ();
    g_autofree char *text = NULL;
    char *empty;

    json_generator_set_pretty (gen, TRUE);
    json_generator_set_root (gen, head);
    text = json_generator_to_data (gen, NULL);
    /* The head ends with the empty array: the findings go in its place. */
    empty = g_strrstr (text, "[");
    g_assert (empty != NULL);
    fwrite (text, 1, empty - text + 1, out);
  }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(YsFinding) f = g_list_model_get_item (model, i);
      g_autoptr(JsonNode) node = finding_node (f);

      fputs (i ? ",\n    " : "\n    ", out);
      print_node (node, 4, out);
    }
  fputs (n ? "\n  ]\n}\n" : "]\n}\n", out);
}

static const char *
status_text (YsFinding *f)
{
  switch (ys_finding_get_review_status (f))
    {
    case YS_REVIEW_ACCEPTED:
      return C_("review status", "Accepted");
    case YS_REVIEW_RETURNED:
      return C_("review status", "Returned");
    case YS_REVIEW_PENDING:
    default:
      return ys_finding_get_review_stale (f) ? C_("review status", "Pending (the figures changed since the review)") : C_("review status", "Pending");
    }
}

static void
print_text (YsValidator *v)
{
  YsDocument *doc = ys_validator_get_document (v);
  GListModel *model = G_LIST_MODEL (v);
  guint n = g_list_model_get_n_items (model);

  printf ("%s %d: ", ys_document_get_meta (doc, "dept_name"), ys_document_get_year (doc));
  printf (_("%u errors, %u warnings, %u for information\n"),
          ys_validator_count (v, YS_FINDING_ERROR), ys_validator_count (v, YS_FINDING_WARNING),
          ys_validator_count (v, YS_FINDING_INFO));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(YsFinding) f = g_list_model_get_item (model, i);
      g_autofree char *location = ys_finding_describe_location (f);
      const char *explanation = ys_finding_get_explanation (f);
      const char *comment = ys_finding_get_comment (f);
      const char *reviewer = ys_finding_get_reviewer (f);
      g_autofree char *decided_at = ys_finding_describe_decision_time (f);

      printf ("\n[%s] %s %s — %s\n", ys_finding_level_to_string (ys_finding_get_level (f)),
              ys_finding_get_rule_id (f), ys_finding_get_title (f), location);
      printf ("  %s\n", ys_finding_get_message (f));
      printf ("  %s%s\n", _("How to fix: "), ys_finding_get_hint (f));
      if (explanation != NULL)
        printf ("  %s%s\n", _("Explanation: "), explanation);
      if (explanation != NULL || comment != NULL || ys_finding_get_review_status (f) != YS_REVIEW_PENDING
          || ys_finding_get_review_stale (f))
        printf ("  %s%s%s%s\n", _("Review: "), status_text (f), comment ? " — " : "", comment ? comment : "");
      if (decided_at != NULL)
        {
          /* Translators: who made a review decision, then when */
          g_autofree char *who = g_strdup_printf (_("Decided by %1$s at %2$s"),
                                                  reviewer ? reviewer : _("(no name)"), decided_at);
          printf ("  %s\n", who);
        }
      printf ("  %s%s\n", _("Key: "), ys_finding_get_key (f));
    }
}

int
ys_cli_validate (int argc, char **argv)
{
  gboolean json = FALSE;
  g_autofree char *xlsx = NULL;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { "xlsx", 0, 0, G_OPTION_ARG_FILENAME, &xlsx, N_("Also write the findings as a 审核结果 workbook"), N_("OUT.xlsx") },
    { NULL }
  };
  g_autoptr(YsDocument) doc = NULL;
  g_autoptr(YsValidator) v = NULL;
  g_autoptr(GError) error = NULL;

  if (!ys_cli_parse (&argc, &argv, _("FILE.yusuan"),
                     _("Check a budget against the classification rules and list the findings with their "
                       "explanations and review status.\n\n"
                       "Exit status: 0 when there is no error (warnings allowed), 1 when there is at least "
                       "one error, 2 when the file cannot be read or the workbook cannot be written."),
                     entries, 1))
    return 2;
  doc = ys_cli_open (argv[1]);
  if (doc == NULL)
    return 2;
  v = ys_validator_new (doc);

  if (json)
    print_json (v, stdout);
  else
    print_text (v);

  if (xlsx != NULL)
    {
      g_autoptr(YsValidator) filed = NULL;
      gboolean written;

      /* Printed in the interface language, filed in Chinese. */
      ys_i18n_set_chinese (TRUE);
      filed = ys_validator_new (doc);
      written = ys_review_sheet_export (filed, xlsx, &error);
      ys_i18n_set_chinese (FALSE);
      if (!written)
        {
          g_printerr ("yusuan-cli: %s\n", error->message);
          return 2;
        }
    }
  return ys_validator_count (v, YS_FINDING_ERROR) > 0 ? 1 : 0;
}
