/* SPDX-License-Identifier: EUPL-1.2 */
/* setenv */
#define _POSIX_C_SOURCE 200809L
#include "config.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* `hallway` itself. The command line's work (--dump, --export-agenda) runs in hallway-cli,
 * which links the model alone; everything else (the window, --help, --version, the D-Bus
 * service) in hallway-gui. Both are in libexecdir and take the same arguments.
 *
 * Why a program of its own: a program linked with GTK and libadwaita loads and relocates
 * them, and runs their constructors, before main () is reached, whatever it is asked to do:
 * about 50 ms of CPU, more than a quarter of `hallway --dump` (issue 13). This one links the
 * C library alone; the window pays for one exec () more (about 2 ms of CPU).
 *
 * HALLWAY_LIBEXEC_DIR moves the folder of the two (the build folder's src/, uninstalled). */

static bool
has_value (const char *arg, const char *option)
{
  size_t length = strlen (option);

  return strncmp (arg, option, length) == 0 && (arg[length] == '\0' || arg[length] == '=');
}

/* The options whose value is the next argument when not given with '='. */
static bool
takes_next (const char *arg)
{
  return strcmp (arg, "--dump") == 0 || strcmp (arg, "--export-agenda") == 0 ||
         strcmp (arg, "--conference") == 0;
}

/* Asked for --dump or --export-agenda, and not for what only the app answers (help, the
 * version, GApplication's own options): the same options GLib's parser would see, up to
 * "--". */
static bool
wants_command_line (int argc, char *argv[])
{
  bool headless = false;

  for (int i = 1; i < argc; i++)
    {
      const char *arg = argv[i];

      if (strcmp (arg, "--") == 0)
        break;
      if (has_value (arg, "--dump") || has_value (arg, "--export-agenda"))
        headless = true;
      else if (has_value (arg, "--conference"))
        ;
      else if (arg[0] == '-' && arg[1] != '\0')
        return false;  /* --help, -h, --version, --gapplication-service, an unknown one */
      if (takes_next (arg))
        i++;
    }
  return headless;
}

/* The command line reads a whole schedule into a tree and a model at once (for 39C3's 2.6 MB
 * of JSON, about 20 MB of small blocks), writes it out and exits: faulting that memory in a
 * page at a time was about a third of a dump's time. glibc's malloc backs its heap with
 * transparent huge pages when asked (glibc 2.35 and later; a kernel whose THP setting is
 * "madvise" or "always"), for about 3 MB more RSS. A GLIBC_TUNABLES of the user's that
 * already says something of it is kept. */
static void
ask_malloc_for_huge_pages (void)
{
  static const char tunable[] = "glibc.malloc.hugetlb=1";
  const char *tunables = getenv ("GLIBC_TUNABLES");
  char joined[4096];

  if (tunables == NULL || tunables[0] == '\0')
    setenv ("GLIBC_TUNABLES", tunable, 1);
  else if (strstr (tunables, "glibc.malloc.hugetlb") == NULL &&
           snprintf (joined, sizeof joined, "%s:%s", tunables, tunable) < (int) sizeof joined)
    setenv ("GLIBC_TUNABLES", joined, 1);
}

int
main (int argc, char *argv[])
{
  const char *folder = getenv ("HALLWAY_LIBEXEC_DIR");
  bool command_line = wants_command_line (argc, argv);
  const char *program = command_line ? "hallway-cli" : "hallway-gui";
  char path[4096];

  if (folder == NULL || folder[0] == '\0')
    folder = HALLWAY_LIBEXEC_DIR;
  if (snprintf (path, sizeof path, "%s/%s", folder, program) >= (int) sizeof path)
    {
      fprintf (stderr, "hallway: %s/%s: %s\n", folder, program, strerror (ENAMETOOLONG));
      return 127;
    }
  if (command_line)
    ask_malloc_for_huge_pages ();
  /* argv[0] stays "hallway": the name GLib and the desktop know the app by. */
  execv (path, argv);
  fprintf (stderr, "hallway: %s: %s\n", path, strerror (errno));
  return 127;
}
