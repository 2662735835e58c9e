/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* An advisory lock (flock) on "<name>.lock" beside a state file, held while a save reads,
 * merges and writes it: two Hallway processes on one data folder (two sessions, the stable
 * and the development build) then never write from a stale copy. flock locks belong to an
 * open file, so two objects of one process exclude each other too. The lock file is left
 * in place: deleting it would let a third process lock a new one while the old one is held.
 * Blocking: for worker threads. */
typedef struct _HallwayFileLock HallwayFileLock;

HallwayFileLock *hallway_file_lock_acquire (GFile           *file,
                                            GCancellable    *cancellable,
                                            GError         **error);
void             hallway_file_lock_release (HallwayFileLock *lock);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HallwayFileLock, hallway_file_lock_release)

G_END_DECLS
