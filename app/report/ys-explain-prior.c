/* Changes on last year as the 情况说明 states them: 增减额, 增减率 and the
 * 增减原因 typed on the 上年数 records, or a visible note of what is missing. */
#include "config.h"

#include <string.h>

#include "ys-explain-private.h"
#include "ys-kinds.h"

static gboolean
same_text (YsRecord *r, guint field, const char *want)
{
  const char *v = ys_record_get_text (r, field);
  return g_strcmp0 (v ? v : "", want ? want : "") == 0;
}

static gboolean
empty_or_same (YsRecord *r, guint field, const char *want)
{
  const char *v = ys_record_get_text (r, field);
  return want == NULL || want[0] == '\0' || g_strcmp0 (v, want) == 0;
}

/* The reason as a clause: without the full stop, so the template decides
 * how the sentence ends. */
static void
add_reason (GString *reasons, const char *text)
{
  g_autofree char *clean = g_strstrip (g_strdup (text ? text : ""));
  gsize len = strlen (clean);

  if (reasons == NULL)
    return;
  while (len > 0)
    {
      const char *end = g_utf8_find_prev_char (clean, clean + len);
      gunichar c = g_utf8_get_char (end);
      if (c != 0x3002 && c != 0xFF1B && c != 0xFF0C && c != ';' && c != ',' && c != '.' && c != ' ')
        break;
      len = end - clean;
    }
  clean[len] = '\0';
  if (len == 0 || strstr (reasons->str, clean))
    return;
  if (reasons->len)
    g_string_append (reasons, "；");
  g_string_append (reasons, clean);
}

static gboolean
kind_within (const char *kind, const char *want)
{
  if (want == NULL || want[0] == '\0')
    return g_strcmp0 (kind, "收入") != 0;
  if (g_str_equal (want, "基本支出"))
    return g_strcmp0 (kind, "人员经费") == 0 || g_strcmp0 (kind, "公用经费") == 0;
  return g_strcmp0 (kind, want) == 0;
}

/* @exact: records typed for exactly this figure (the fields it does not
 * name are empty); otherwise the detailed records within it, such as the
 * ones a budget carried into next year gets (by 项, 款, kind and source). */
static gboolean
sum_records (GPtrArray *priors, const char *func, const char *econ, const char *kind, const char *source,
             gboolean exact, YsMoney *last, GString *reasons)
{
  gboolean known = FALSE;

  for (guint i = 0; i < priors->len; i++)
    {
      YsRecord *r = g_ptr_array_index (priors, i);
      const char *src = ys_record_get_text (r, YS_PRIOR_YEAR_SOURCE);
      gboolean match;

      if (!(source == NULL || src == NULL || src[0] == '\0' || g_str_equal (src, source)))
        continue;
      if (exact)
        match = same_text (r, YS_PRIOR_YEAR_FUNC_CODE, func) && same_text (r, YS_PRIOR_YEAR_ECON_CODE, econ)
                && same_text (r, YS_PRIOR_YEAR_KIND, kind);
      else
        match = empty_or_same (r, YS_PRIOR_YEAR_FUNC_CODE, func) && empty_or_same (r, YS_PRIOR_YEAR_ECON_CODE, econ)
                && kind_within (ys_record_get_text (r, YS_PRIOR_YEAR_KIND), kind)
                && (func[0] || econ[0] || ys_record_get_text (r, YS_PRIOR_YEAR_FUNC_CODE)[0]
                    || ys_record_get_text (r, YS_PRIOR_YEAR_ECON_CODE)[0]);
      if (!match)
        continue;
      known = TRUE;
      *last += ys_record_get_int (r, YS_PRIOR_YEAR_AMOUNT);
      add_reason (reasons, ys_record_get_text (r, YS_PRIOR_YEAR_REASON));
    }
  return known;
}

gboolean
ys_explain_prior_sum (GPtrArray *priors, const char *func, const char *econ, const char *kind,
                      const char *source, YsMoney *last, GString *reasons)
{
  *last = 0;
  if (sum_records (priors, func, econ, kind, source, TRUE, last, reasons))
    return TRUE;
  /* 基本支出 typed as its two parts. */
  if (g_str_equal (kind, "基本支出") && !func[0] && !econ[0])
    {
      YsMoney personnel = 0, public_ = 0;
      if (sum_records (priors, "", "", "人员经费", source, TRUE, &personnel, reasons)
          && sum_records (priors, "", "", "公用经费", source, TRUE, &public_, reasons))
        {
          *last = personnel + public_;
          return TRUE;
        }
    }
  *last = 0;
  return sum_records (priors, func, econ, kind, source, FALSE, last, reasons);
}

void
ys_explain_prior_find (YsDocument *doc, const char *func, const char *econ, const char *kind,
                       const char *source, YsExplainPrior *out)
{
  g_autoptr(GString) reasons = g_string_new (NULL);
  g_autoptr(GPtrArray) priors = g_ptr_array_new ();
  guint n = ys_document_count (doc, &ys_prior_year_kind);

  memset (out, 0, sizeof *out);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (priors, ys_document_get (doc, &ys_prior_year_kind, i));
  out->known = ys_explain_prior_sum (priors, func, econ, kind, source, &out->last, reasons);
  if (reasons->len)
    out->reason = g_strdup (reasons->str);
}

void
ys_explain_prior_clear (YsExplainPrior *prior)
{
  g_clear_pointer (&prior->reason, g_free);
}

static char *
phrase (YsExplainTemplate *tmpl, YsExplainScope *scope, const char *key, GPtrArray *missing)
{
  const char *text = g_hash_table_lookup (tmpl->phrases, key);

  return text ? ys_explain_render (tmpl, scope, text, missing) : g_strdup ("");
}

void
ys_explain_change (YsExplainTemplate *tmpl, YsExplainScope *scope, const char *name, YsMoney now,
                   const YsExplainPrior *prior, gboolean sangong, const char *what)
{
  g_autofree char *change_name = g_strconcat (name, ".change", NULL);
  g_autofree char *prior_name = g_strconcat (name, ".prior", NULL);
  g_autofree char *rate_name = g_strconcat (name, ".rate", NULL);
  g_autofree char *diff_name = g_strconcat (name, ".diff", NULL);
  YsExplainScope *local = ys_explain_scope_new (scope);
  g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
  YsMoney last = prior->known ? prior->last : 0;
  /* The change between the figures as printed (万元, two decimals), so that
   * this year's figure less the change is last year's as published, and the
   * rate is what a reader gets by dividing the printed figures. */
  gint64 now_c = ys_explain_wan_cents (now), last_c = ys_explain_wan_cents (last);
  gint64 diff = now_c - last_c, size = diff < 0 ? -diff : diff;
  const char *key;
  GString *text;

  ys_explain_scope_take (local, "diff", ys_explain_money (tmpl, size * 10000));
  ys_explain_scope_take (local, "prior", ys_explain_money (tmpl, last));
  ys_explain_scope_set (local, "rate", "");
  if (last_c > 0)
    /* Hundredths of a percent, half up, in integers. */
    ys_explain_scope_take (local, "rate", ys_explain_percent ((size * 20000 + last_c) / (2 * last_c)));
  ys_explain_scope_set (local, "reason", prior->reason);

  if (!prior->known && now_c != 0)
    key = "no_prior";
  else if (diff == 0)
    key = "same";
  else if (last_c == 0)
    key = "new";
  else if (now_c == 0)
    key = "gone";
  else
    key = diff > 0 ? "up" : "down";
  text = g_string_new (NULL);
  {
    g_autofree char *main = phrase (tmpl, local, key, missing);
    g_string_append (text, main);
  }
  if (g_str_equal (key, "no_prior"))
    {
      g_autofree char *m = g_strdup_printf ("%s的上年数", what);
      ys_explain_scope_missing (scope, change_name, m);
      ys_explain_scope_missing (scope, prior_name, m);
    }
  else if (diff != 0)
    {
      if (prior->reason)
        {
          g_autofree char *r = phrase (tmpl, local, "reason", missing);
          g_string_append (text, r);
        }
      else if (ys_prior_year_needs_reason (last, now, sangong))
        {
          g_autofree char *r = phrase (tmpl, local, "no_reason", missing);
          g_autofree char *m = g_strdup_printf ("%s的增减原因", what);
          g_string_append (text, r);
          ys_explain_scope_missing (scope, change_name, m);
        }
    }
  ys_explain_scope_take (scope, change_name, g_string_free (text, FALSE));
  ys_explain_scope_set (scope, prior_name, prior->known ? g_hash_table_lookup (local->vars, "prior")
                                                        : g_hash_table_lookup (tmpl->phrases, "no_prior"));
  ys_explain_scope_set (scope, rate_name, g_hash_table_lookup (local->vars, "rate"));
  ys_explain_scope_set (scope, diff_name, g_hash_table_lookup (local->vars, "diff"));
  ys_explain_scope_free (local);
}
