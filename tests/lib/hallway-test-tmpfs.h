/* SPDX-License-Identifier: EUPL-1.2 */
/* A tiny tmpfs in a mount namespace of its own, for the disk faults of test-storage-faults
 * (full, out of inodes, read-only). The namespace needs root or CAP_SYS_ADMIN; without it the
 * test is skipped. The mount lives in a g_test_trap_subprocess() child, so it never outlives
 * the test. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* In the test: TRUE in the subprocess, which goes on with the scenario. In the parent: runs
 * the test again as a subprocess, asserts that it passed and returns FALSE; or skips the
 * test (FALSE) when this process may not mount a tmpfs. */
gboolean hallway_test_tmpfs_subprocess (void);
/* In the subprocess: a private mount namespace, and a tmpfs with these mount options
 * ("size=64k") on folder, created first. */
void     hallway_test_mount_tmpfs      (const char *folder,
                                        const char *options);
/* …on <base>/io.github.hallway_app.Hallway (base: g_get_user_data_dir () or the cache
 * folder), the folder the app keeps its files in; returns it. */
char    *hallway_test_mount_app_folder (const char *base,
                                        const char *options);
/* A filler file until the file system has no block left. */
void     hallway_test_fill_space       (const char *folder);
/* Empty files until the file system has no inode left. */
void     hallway_test_fill_inodes      (const char *folder);
void     hallway_test_remount_read_only (const char *folder);

G_END_DECLS
