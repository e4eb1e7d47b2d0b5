/* Wording of indicator values that a reviewer sends back, read from the
 * lexicon shipped in the core resources (resources/rules/goal-wording.json):
 * one entry per pattern, with its class, the level of its finding and an
 * example. R16, R17 and R18 (ys-rules-goals.c) ask it about a value. */
#pragma once

#include <glib.h>

#include "ys-finding.h"

G_BEGIN_DECLS

typedef struct {
  const char     *klass;      /* "comparative", "direction", "none", "not_applicable" … */
  const char     *label;      /* the class in Chinese, for messages */
  YsFindingLevel  level;
  const char     *pattern;
  const char     *example;
  const char     *suggest;    /* the likely intended measure word, or NULL */
  gboolean        on_measure; /* matched against the unit of measure, not the value */
  gboolean        figure_ok;  /* a value with a figure is measurable despite it */
} YsGoalWording;

/* The first entry matching @value (or @measure), or NULL. @matched, when not
 * NULL, receives the words that matched (newly allocated). */
const YsGoalWording *ys_goal_wording_match (const char  *value,
                                            const char  *measure,
                                            char       **matched);

/* The lexicon, for tests and documentation. */
guint                ys_goal_wording_count (void);
const YsGoalWording *ys_goal_wording_get   (guint        i);

G_END_DECLS
