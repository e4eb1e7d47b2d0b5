/* A copy of a document as it is at one moment, for a worker thread to read
 * while the document itself goes on changing (an export, a publication).
 *
 * The document's file is held by an exclusive lock, so no second
 * connection may read it; the copy is taken through the document's own
 * connection (SQLite's online backup) into a private temporary folder,
 * which is quick, and opened as a document of its own, which takes as long
 * as opening the budget and so is done by the worker. */
#pragma once

#include "ys-document.h"

G_BEGIN_DECLS

typedef struct _YsReadCopy YsReadCopy;

/* Takes the copy. Call it on the thread that owns @document, between
 * changes (never inside a batch). */
YsReadCopy *ys_read_copy_new      (YsDocument  *document,
                                   GError     **error);
/* The copy as a document, opened on first call; may be called on another
 * thread than the one that took the copy, but only on one. The document
 * belongs to the copy: it is only read, and closed by ys_read_copy_free(). */
YsDocument *ys_read_copy_open     (YsReadCopy  *copy,
                                   GError     **error);
/* The same, the records of @streamed left in the file for ys_document_scan
 * (ys-document-scan.h): for a worker that only adds them up (the tables). */
YsDocument *ys_read_copy_open_streaming (YsReadCopy    *copy,
                                         const YsKind  *streamed,
                                         GError       **error);
/* Closes the copy's document and removes its files. */
void        ys_read_copy_free     (YsReadCopy  *copy);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (YsReadCopy, ys_read_copy_free)

G_END_DECLS
