/* A small budget built to the rules, shared by the tests of the rules, of
 * the live check and of reviews: each test changes it to make a rule fire. */
#pragma once

#include "ys-test-util.h"
#include "ys-validator.h"

enum {
  L_SALARY, L_PENSION, L_MEDICAL, L_CIVIL_MEDICAL, L_HOUSING, L_RETIRED, L_OFFICE, L_CAR,
  L_SERVICES, L_EQUIPMENT, N_LINES
};

typedef struct {
  char        *dir;
  char        *path;
  YsDocument  *doc;
  YsValidator *v;
  YsRecord    *unit, *income, *project, *item, *asset, *prior;
  YsRecord    *lines[N_LINES];
  YsRecord    *annual[6], *period[6];
} Fixture;

YsRecord  *add            (Fixture *f, YsRecord *record);
YsRecord  *add_line       (Fixture *f, const char *func, const char *econ, const char *kind,
                           const char *project, const char *amount, const char *procurement);
YsRecord  *add_indicator  (Fixture *f, const char *set, int seq, const char *l1, const char *l2,
                           const char *name, const char *op, const char *value, const char *measure);
void       setup          (Fixture *f, gconstpointer data);
void       teardown       (Fixture *f, gconstpointer data);
void       set            (Fixture *f, YsRecord *record, const char *field, const char *text);
void       delete         (Fixture *f, YsRecord *record);
void       reopen         (Fixture *f);
void       print_findings (YsValidator *v);
YsFinding *find_rule      (YsValidator *v, const char *rule);
GPtrArray *snapshot       (YsValidator *v);
void       assert_same_as_full (YsValidator *v);
void       assert_fires   (Fixture *f, const char *rule, YsFindingLevel level);
