/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-file-lock"
/* flock(), O_CLOEXEC and O_NOFOLLOW under -std=c17 */
#define _DEFAULT_SOURCE

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/file.h>
#include <unistd.h>

#include "hallway-file.h"
#include "hallway-file-lock.h"

/* Another Hallway holds the lock only while it reads and writes one small file: a wait this
 * long means it is stopped (a debugger, SIGSTOP), and the save fails instead of hanging. */
#define LOCK_TIMEOUT_US (30 * G_USEC_PER_SEC)

struct _HallwayFileLock
{
  int fd;
};

static GError *
lock_error (GFile *lock_file, int code, const char *reason)
{
  g_autofree char *name = g_file_get_parse_name (lock_file);

  return g_error_new (G_IO_ERROR, code, _("Could not lock “%s”: %s"), name, reason);
}

/* Polls with a growing pause rather than blocking in flock(), so a cancel or the timeout
 * can end the wait. */
static gboolean
wait_for_lock (int fd, GFile *lock_file, GCancellable *cancellable, GError **error)
{
  gint64 deadline = g_get_monotonic_time () + LOCK_TIMEOUT_US;
  gulong pause = 500;

  for (;;)
    {
      int saved_errno;

      if (flock (fd, LOCK_EX | LOCK_NB) == 0)
        return TRUE;
      saved_errno = errno;
      if (saved_errno != EWOULDBLOCK && saved_errno != EINTR)
        {
          g_propagate_error (error, lock_error (lock_file, g_io_error_from_errno (saved_errno),
                                                g_strerror (saved_errno)));
          return FALSE;
        }
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (g_get_monotonic_time () > deadline)
        {
          g_propagate_error (error, lock_error (lock_file, G_IO_ERROR_BUSY,
                                                _("another Hallway has been writing it for "
                                                  "too long")));
          return FALSE;
        }
      g_usleep (pause);
      pause = MIN (pause * 2, 20000);
    }
}

HallwayFileLock *
hallway_file_lock_acquire (GFile *file, GCancellable *cancellable, GError **error)
{
  g_autoptr (GFile) folder = g_file_get_parent (file);
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *lock_name = g_strconcat (basename, ".lock", NULL);
  g_autoptr (GFile) lock_file = NULL;
  g_autofree char *path = NULL;
  HallwayFileLock *lock;
  int fd;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (folder != NULL, NULL);

  if (!hallway_file_ensure_folder (folder, cancellable, error))
    return NULL;
  lock_file = g_file_get_child (folder, lock_name);
  path = g_file_get_path (lock_file);
  fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_propagate_error (error, lock_error (lock_file, g_io_error_from_errno (saved_errno),
                                            g_strerror (saved_errno)));
      return NULL;
    }
  if (!wait_for_lock (fd, lock_file, cancellable, error))
    {
      close (fd);
      return NULL;
    }
  lock = g_new (HallwayFileLock, 1);
  lock->fd = fd;
  return lock;
}

/* Closing the file releases the lock; a killed process releases it the same way. */
void
hallway_file_lock_release (HallwayFileLock *lock)
{
  if (lock == NULL)
    return;
  close (lock->fd);
  g_free (lock);
}
