/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The saves of one file (bookmarks, the library): one after the other in a worker thread,
 * so two quick saves never land in the wrong order, each taking the owner's state as it is
 * when its write starts. While the owner says saving is unsafe (its blocker error, e.g. a
 * newer file on disk), queued saves are answered with a copy of that error. Saves are
 * GTasks of the owner: finish them with g_task_propagate_boolean().
 *
 * Another Hallway may share the file: a write reads the file as it is, merges the owner's
 * changes into it under a lock and writes the result, which done() then takes back. */
typedef struct _HallwaySaveQueue HallwaySaveQueue;

/* On the main thread when a write starts: what the write needs, owned by the write (the
 * owner's changes since it last matched the file, copies of what they touch); it also
 * carries the write's result back to done(). */
typedef gpointer      (*HallwaySaveSnapshotFunc)  (GObject       *owner);
/* Runs in a worker thread: touches the snapshot, never the owner's mutable state. */
typedef gboolean      (*HallwaySaveWriteFunc)     (GObject       *owner,
                                                   gpointer       snapshot,
                                                   GCancellable  *cancellable,
                                                   GError       **error);
/* On the main thread after each write: error is NULL on success. Returns the error to
 * hand to the save's caller (may be error itself, or NULL on success). */
typedef GError       *(*HallwaySaveDoneFunc)      (GObject       *owner,
                                                   gpointer       snapshot,
                                                   GError        *error);
typedef const GError *(*HallwaySaveBlockerFunc)   (GObject       *owner);

HallwaySaveQueue *hallway_save_queue_new  (GObject                  *owner,
                                           HallwaySaveSnapshotFunc   snapshot,
                                           GDestroyNotify            snapshot_free,
                                           HallwaySaveWriteFunc      write,
                                           HallwaySaveDoneFunc       done,
                                           HallwaySaveBlockerFunc    blocker);
void              hallway_save_queue_free (HallwaySaveQueue         *self);
void              hallway_save_queue_push (HallwaySaveQueue         *self,
                                           GCancellable             *cancellable,
                                           GAsyncReadyCallback       callback,
                                           gpointer                  user_data,
                                           gpointer                  source_tag);

G_END_DECLS
