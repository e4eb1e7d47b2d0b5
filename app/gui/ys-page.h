#pragma once

#include <adwaita.h>

#include "ys-document.h"
#include "ys-form-binder.h"
#include "ys-money.h"
#include "ys-validator.h"

G_BEGIN_DECLS

#define YS_TYPE_PAGE (ys_page_get_type ())
G_DECLARE_DERIVABLE_TYPE (YsPage, ys_page, YS, PAGE, GtkWidget)

/**
 * YsPageClass:
 * @document_changed: the page's document was replaced (or cleared). The
 *   handlers the page had connected to the previous one with itself as
 *   data are disconnected already.
 * @validator_changed: likewise for the validator of the document.
 * @shows: whether @record is one the page shows; the window asks every
 *   page and switches to the first that says yes.
 * @reveal: shows @record's @field (a finding's location), clearing a
 *   search or filter that hides it. Only called after @shows said yes,
 *   once the page is the one shown.
 * @search: sets the page's search to @text (%NULL clears it); FALSE when
 *   the page has no search.
 * @update_actions: enables and disables the page's actions; called after
 *   the document changed and by ys_page_update_actions().
 * @form_changed: for a page with a form (ys_page_set_form()): the draft
 *   was added or dropped (page.save-new, page.cancel-new); show the form
 *   again.
 * @select_record: the draft was added as @record: select it in the list.
 *
 * The base of every page of the window: it holds the document and its
 * validator, which the window hands to all its pages, and what a page
 * needs to say something to the user.
 */
struct _YsPageClass
{
  GtkWidgetClass parent_class;

  void     (*document_changed)  (YsPage     *self);
  void     (*validator_changed) (YsPage     *self);
  gboolean (*shows)             (YsPage     *self,
                                 YsRecord   *record);
  void     (*reveal)            (YsPage     *self,
                                 YsRecord   *record,
                                 int         field);
  gboolean (*search)            (YsPage     *self,
                                 const char *text);
  void     (*update_actions)    (YsPage     *self);
  void     (*form_changed)      (YsPage     *self);
  void     (*select_record)     (YsPage     *self,
                                 YsRecord   *record);

  gpointer padding[6];
};

YsDocument  *ys_page_get_document    (YsPage      *self);
void         ys_page_set_document    (YsPage      *self,
                                      YsDocument  *document);
YsValidator *ys_page_get_validator   (YsPage      *self);
void         ys_page_set_validator   (YsPage      *self,
                                      YsValidator *validator);
const char  *ys_page_get_title       (YsPage      *self);
void         ys_page_set_title       (YsPage      *self,
                                      const char  *title);
gboolean     ys_page_get_empty       (YsPage      *self);
void         ys_page_set_empty_stack (YsPage      *self,
                                      GtkStack    *stack);
void         ys_page_set_empty       (YsPage      *self,
                                      gboolean     empty);

gboolean     ys_page_shows           (YsPage      *self,
                                      YsRecord    *record);
void         ys_page_reveal          (YsPage      *self,
                                      YsRecord    *record,
                                      int          field);
gboolean     ys_page_search          (YsPage      *self,
                                      const char  *text);
void         ys_page_update_actions  (YsPage      *self);

/* For the pages' own use. */
void         ys_page_watch_counts    (YsPage      *self,
                                      GCallback    callback);
char        *ys_page_search_text     (GtkEditable *entry);
void         ys_page_show_message    (YsPage      *self,
                                      const char  *heading,
                                      const char  *body);
void         ys_page_add_toast       (YsPage      *self,
                                      AdwToast    *toast);
void         ys_page_show_toast      (YsPage      *self,
                                      const char  *title,
                                      gboolean     undoable);
void         ys_page_set_money_label (GtkLabel    *label,
                                      YsMoney      fen);
/* A list for a message dialog's extra child, to read and copy from,
 * scrolled however long: one item a line of @text. */
GtkWidget   *ys_page_new_message_list (const char *text,
                                       const char *accessible_label);
/* For a page whose form shows one record and fills a new one (units,
 * projects): the page keeps @binder (taken) and says its message in
 * @message. The draft is the new record being filled in (NULL: none; the
 * page's own until the document is replaced); the page's actions
 * page.save-new and page.cancel-new add it, saying why not under
 * @failure_heading, or drop it, and call form_changed. */
void          ys_page_set_form       (YsPage       *self,
                                      YsFormBinder *binder,
                                      GtkLabel     *message,
                                      const char   *failure_heading);
YsFormBinder *ys_page_get_form       (YsPage       *self);
YsRecord     *ys_page_get_draft      (YsPage       *self);
/* The record the form shows: the draft, or else the one chosen in @selection. */
YsRecord     *ys_page_get_form_record (YsPage             *self,
                                       GtkSingleSelection *selection);
/* A new record of @kind to fill in, the form shown for it (form_changed)
 * and the focus in its @first field. */
void          ys_page_begin_draft    (YsPage       *self,
                                      const YsKind *kind,
                                      GtkWidget    *first);
void          ys_page_set_draft      (YsPage       *self,
                                      YsRecord     *draft);
/* Deletes @record, named @what, with an undo in a toast titled @done. */
gboolean     ys_page_delete_record   (YsPage      *self,
                                      YsRecord    *record,
                                      const char  *what,
                                      const char  *done);
/* Importing from workbooks (ys-import-dialog.h). Not the header: its
 * workbook cells would clash with the report's in the pages that print. */
typedef struct _YsSheetImport YsSheetImport;
void          ys_page_set_import_kind (YsPage        *self,
                                       const YsKind  *kind);
const YsKind *ys_page_get_import_kind (YsPage        *self);
void          ys_page_import          (YsPage        *self,
                                       const YsKind  *kind,
                                       GFile         *file);
void          ys_page_import_preview  (YsPage        *self,
                                       YsSheetImport *import);

G_END_DECLS
