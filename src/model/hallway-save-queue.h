/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The saves of one file (bookmarks, the library): one after the other in a worker thread,
 * so two quick saves never land in the wrong order, each writing the owner's state as it is
 * when its write starts. While the owner says saving is unsafe (its blocker error, e.g. a
 * newer file on disk), queued saves are answered with a copy of that error. Saves are
 * GTasks of the owner: finish them with g_task_propagate_boolean(). */
typedef struct _HallwaySaveQueue HallwaySaveQueue;

typedef GBytes       *(*HallwaySaveSerializeFunc) (GObject       *owner);
/* Runs in a worker thread. */
typedef gboolean      (*HallwaySaveWriteFunc)     (GObject       *owner,
                                                   GBytes        *bytes,
                                                   GCancellable  *cancellable,
                                                   GError       **error);
/* On the main thread after each write: error is NULL on success. Returns the error to
 * hand to the save's caller (may be error itself, or NULL on success). */
typedef GError       *(*HallwaySaveDoneFunc)      (GObject       *owner,
                                                   GError        *error);
typedef const GError *(*HallwaySaveBlockerFunc)   (GObject       *owner);

HallwaySaveQueue *hallway_save_queue_new  (GObject                  *owner,
                                           HallwaySaveSerializeFunc  serialize,
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
