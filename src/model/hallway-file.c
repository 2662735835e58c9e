/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-file"

#include "hallway-file.h"

/* The state Hallway keeps (bookmarks, the library, reminders, export sequences, cached
 * schedules) is written the same way, by these two. */

gboolean
hallway_file_ensure_folder (GFile *folder, GCancellable *cancellable, GError **error)
{
  g_autoptr (GError) local_error = NULL;

  if (g_file_make_directory_with_parents (folder, cancellable, &local_error) ||
      g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    return TRUE;
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* Creates the folder, then writes through GIO's replace: with REPLACE_DESTINATION it writes
 * a temporary file next to the old one and renames it over it, so a crash leaves either
 * the old or the new file, never a mix. Blocking: for worker threads. */
gboolean
hallway_file_replace (GFile *file, const void *data, gsize length, GCancellable *cancellable,
                      GError **error)
{
  g_autoptr (GFile) folder = g_file_get_parent (file);

  if (folder != NULL && !hallway_file_ensure_folder (folder, cancellable, error))
    return FALSE;
  return g_file_replace_contents (file, data, length, NULL, FALSE,
                                  G_FILE_CREATE_REPLACE_DESTINATION | G_FILE_CREATE_PRIVATE,
                                  NULL, cancellable, error);
}
