/* Ties the rows of a form (AdwEntryRow, AdwComboRow, GtkTextView) to the
 * fields of one record. A value is checked as it is typed and marked where
 * it is when it is wrong; it is saved through the document on Enter or when
 * the focus leaves the row. A record not in the document yet (a new unit,
 * a new project) takes the values itself until it is added. No layout: the
 * rows come from the form's template. */
#pragma once

#include <adwaita.h>

#include "ys-document.h"
#include "ys-money.h"

G_BEGIN_DECLS

#define YS_TYPE_FORM_BINDER (ys_form_binder_get_type ())
G_DECLARE_FINAL_TYPE (YsFormBinder, ys_form_binder, YS, FORM_BINDER, GObject)

YsFormBinder *ys_form_binder_new             (void);

/* @widget: an AdwEntryRow (text, code, number, money), an AdwComboRow (a
 * choice, or a code naming a unit) or a GtkTextView (long text). */
void          ys_form_binder_add             (YsFormBinder *self,
                                              GtkWidget    *widget,
                                              guint         field);
void          ys_form_binder_set_record      (YsFormBinder *self,
                                              YsDocument   *document,
                                              YsRecord     *record);
YsRecord     *ys_form_binder_get_record      (YsFormBinder *self);
/* Why a row is marked wrong (the latest), or NULL; see "message". */
const char   *ys_form_binder_get_message     (YsFormBinder *self);
void          ys_form_binder_set_money_unit  (YsFormBinder *self,
                                              YsMoneyUnit   unit);
/* Saves what is typed in every row; FALSE when a row is refused. */
gboolean      ys_form_binder_commit_all      (YsFormBinder *self);
/* Puts the focus in the row of @field (a finding's location), if bound. */
void          ys_form_binder_focus_field     (YsFormBinder *self,
                                              int           field);
/* For a new record: whether every required field has a value. */
gboolean      ys_form_binder_is_complete     (YsFormBinder *self);

/* An amount as it is typed: 元 with two decimals, or 万元 exact to the 分. */
char         *ys_form_binder_format_money    (YsMoney       fen,
                                              YsMoneyUnit   unit);


G_END_DECLS
