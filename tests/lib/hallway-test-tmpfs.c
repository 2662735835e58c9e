/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-test"
/* unshare(), mount() */
#define _GNU_SOURCE

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sched.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <unistd.h>

#include "hallway-test-tmpfs.h"

#define APP_FOLDER "io.github.hallway_app.Hallway"

/* Whether this process may make a mount namespace and mount a tmpfs; *reason when not. */
static gboolean
can_mount_tmpfs (const char **reason)
{
  static int answer = -1;
  static char *why;
  int status = 0;
  pid_t child;

  if (answer < 0)
    {
      child = fork ();
      g_assert_cmpint (child, >=, 0);
      if (child == 0)
        {
          char folder[] = "/tmp/hallway-tmpfs-probe-XXXXXX";

          if (unshare (CLONE_NEWNS) != 0)
            _exit (10);
          if (mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0)
            _exit (11);
          if (g_mkdtemp (folder) == NULL)
            _exit (12);
          if (mount ("tmpfs", folder, "tmpfs", 0, "size=64k") != 0)
            _exit (13);
          umount (folder);
          rmdir (folder);
          _exit (0);
        }
      g_assert_cmpint (waitpid (child, &status, 0), ==, child);
      answer = WIFEXITED (status) && WEXITSTATUS (status) == 0;
      if (!answer)
        why = g_strdup_printf ("cannot mount a tmpfs in a new mount namespace (step %d failed: "
                               "needs root or CAP_SYS_ADMIN)", WEXITSTATUS (status));
    }
  if (reason != NULL)
    *reason = why;
  return answer;
}

gboolean
hallway_test_tmpfs_subprocess (void)
{
  const char *reason = NULL;

  if (g_test_subprocess ())
    return TRUE;
  if (!can_mount_tmpfs (&reason))
    {
      g_test_skip (reason);
      return FALSE;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT |
                          G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  return FALSE;
}

void
hallway_test_mount_tmpfs (const char *folder, const char *options)
{
  g_assert_no_errno (g_mkdir_with_parents (folder, 0700));
  g_assert_no_errno (unshare (CLONE_NEWNS));
  g_assert_no_errno (mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL));
  g_assert_no_errno (mount ("tmpfs", folder, "tmpfs", 0, options));
}

char *
hallway_test_mount_app_folder (const char *base, const char *options)
{
  char *folder = g_build_filename (base, APP_FOLDER, NULL);

  hallway_test_mount_tmpfs (folder, options);
  return folder;
}

void
hallway_test_remount_read_only (const char *folder)
{
  g_assert_no_errno (mount (NULL, folder, NULL, MS_REMOUNT | MS_RDONLY, "size=256k"));
}

void
hallway_test_fill_space (const char *folder)
{
  g_autofree char *path = g_build_filename (folder, "filler", NULL);
  char block[512];
  int fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);

  g_assert_cmpint (fd, >=, 0);
  memset (block, 'f', sizeof block);
  while (write (fd, block, sizeof block) > 0)
    ;
  g_assert_cmpint (errno, ==, ENOSPC);
  close (fd);
}

void
hallway_test_fill_inodes (const char *folder)
{
  for (guint i = 0;; i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/inode-%u", folder, i);
      int fd = g_open (path, O_WRONLY | O_CREAT, 0600);

      if (fd < 0)
        {
          g_assert_cmpint (errno, ==, ENOSPC);
          return;
        }
      close (fd);
    }
}
