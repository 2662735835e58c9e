/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-save-queue"

#include "hallway-save-queue.h"

struct _HallwaySaveQueue
{
  GObject *owner;           /* not owned: the owner owns the queue */
  HallwaySaveSnapshotFunc snapshot;
  GDestroyNotify snapshot_free;
  HallwaySaveWriteFunc write;
  HallwaySaveDoneFunc done;
  HallwaySaveBlockerFunc blocker;
  GQueue requests;          /* GTask; the head is being written */
  gboolean writing;         /* a write of the head is in flight */
};

HallwaySaveQueue *
hallway_save_queue_new (GObject *owner, HallwaySaveSnapshotFunc snapshot,
                        GDestroyNotify snapshot_free, HallwaySaveWriteFunc write,
                        HallwaySaveDoneFunc done, HallwaySaveBlockerFunc blocker)
{
  HallwaySaveQueue *self = g_new0 (HallwaySaveQueue, 1);

  self->owner = owner;
  self->snapshot = snapshot;
  self->snapshot_free = snapshot_free;
  self->write = write;
  self->done = done;
  self->blocker = blocker;
  g_queue_init (&self->requests);
  return self;
}

/* Only once nothing is in flight: each write holds a reference on the owner. */
void
hallway_save_queue_free (HallwaySaveQueue *self)
{
  if (self == NULL)
    return;
  g_queue_clear_full (&self->requests, g_object_unref);
  g_free (self);
}

static void
write_in_thread (GTask *write, gpointer source, gpointer snapshot, GCancellable *cancellable)
{
  /* The write's source tag is its queue: the task data is the owner's snapshot. */
  HallwaySaveQueue *self = g_task_get_source_tag (write);
  GError *error = NULL;

  if (self->write (source, snapshot, cancellable, &error))
    g_task_return_boolean (write, TRUE);
  else
    g_task_return_error (write, error);
}

static void
refuse_queued_saves_if_blocked (HallwaySaveQueue *self)
{
  const GError *blocker = self->blocker (self->owner);
  GTask *request;

  if (blocker == NULL)
    return;
  while ((request = g_queue_pop_head (&self->requests)) != NULL)
    {
      g_task_return_error (request, g_error_copy (blocker));
      g_object_unref (request);
    }
}

static void written_cb (GObject *source, GAsyncResult *result, gpointer user_data);

/* The snapshot is taken when the write starts, so a queued save writes the latest state. */
static void
write_next (HallwaySaveQueue *self)
{
  GTask *request;
  g_autoptr (GTask) write = NULL;

  refuse_queued_saves_if_blocked (self);
  request = g_queue_peek_head (&self->requests);
  if (request == NULL || self->writing)
    return;
  self->writing = TRUE;
  write = g_task_new (self->owner, g_task_get_cancellable (request), written_cb, self);
  g_task_set_source_tag (write, self);
  g_task_set_task_data (write, self->snapshot (self->owner), self->snapshot_free);
  g_task_run_in_thread (write, write_in_thread);
}

/* The head of the queue is written: pass its result on, then start the next one. */
static void
written_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  HallwaySaveQueue *self = user_data;
  g_autoptr (GTask) request = g_queue_pop_head (&self->requests);
  GError *error = NULL;

  /* Returning the request may run a callback that queues the next save: it must not start
   * a second write while this function starts one too. */
  self->writing = FALSE;
  g_task_propagate_boolean (G_TASK (result), &error);
  error = self->done (source, g_task_get_task_data (G_TASK (result)), error);
  if (error == NULL)
    g_task_return_boolean (request, TRUE);
  else
    g_task_return_error (request, error);
  write_next (self);
}

void
hallway_save_queue_push (HallwaySaveQueue *self, GCancellable *cancellable,
                         GAsyncReadyCallback callback, gpointer user_data, gpointer source_tag)
{
  g_autoptr (GTask) request = g_task_new (self->owner, cancellable, callback, user_data);
  const GError *blocker = self->blocker (self->owner);

  g_task_set_source_tag (request, source_tag);
  if (blocker != NULL)
    {
      g_task_return_error (request, g_error_copy (blocker));
      return;
    }
  g_queue_push_tail (&self->requests, g_steal_pointer (&request));
  write_next (self);
}
