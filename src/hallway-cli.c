/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-cli"

#include "config.h"

#include <gio/gio.h>
#include <stdio.h>

#include "hallway-cli.h"
#include "hallway-conference.h"
#include "hallway-dump.h"
#include "hallway-schedule-reader.h"

/* `hallway --dump FILE`: read a schedule without a display and print it as JSON.
 * On bad input nothing goes to stdout and one line names the file and the problem. */
int
hallway_cli_dump (const char *location)
{
  g_autoptr (GFile) file = g_file_new_for_commandline_arg (location);
  g_autoptr (GError) error = NULL;
  g_autoptr (HallwayConference) conference = NULL;
  g_autofree char *json = NULL;

  conference = hallway_schedule_read_file (file, NULL, &error);
  if (conference == NULL)
    {
      g_printerr ("hallway: %s: %s\n", location, error->message);
      return 1;
    }
  json = hallway_dump_conference (conference);
  fputs (json, stdout);
  fputc ('\n', stdout);
  return fflush (stdout) == 0 ? 0 : 1;
}
