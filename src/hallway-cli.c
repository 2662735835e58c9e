/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-cli"

#include "config.h"

#include <gio/gio.h>
#include <stdio.h>

#include "hallway-cli.h"
#include "hallway-conference.h"
#include "hallway-dump.h"
#include "hallway-fetcher.h"
#include "hallway-schedule-reader.h"

static gboolean
is_web_location (const char *location)
{
  const char *scheme = g_uri_peek_scheme (location);

  return scheme != NULL && (g_str_equal (scheme, "http") || g_str_equal (scheme, "https"));
}

/* The same fetcher as the app (User-Agent, proxy, gzip, timeout, size cap), no cache.
 * Its errors already start with the URL. */
static HallwayConference *
read_web_schedule (const char *url)
{
  g_autoptr (HallwayFetcher) fetcher = hallway_fetcher_new ();
  g_autoptr (HallwayFetchResult) result = NULL;
  g_autoptr (GError) error = NULL;
  HallwayConference *conference;

  result = hallway_fetcher_fetch_sync (fetcher, url, NULL, NULL, NULL, &error);
  if (result == NULL)
    {
      g_printerr ("hallway: %s\n", error->message);
      return NULL;
    }
  conference = hallway_schedule_read_bytes (result->body, &error);
  if (conference == NULL)
    g_printerr ("hallway: %s: %s\n", url, error->message);
  return conference;
}

static HallwayConference *
read_file_schedule (const char *location)
{
  g_autoptr (GFile) file = g_file_new_for_commandline_arg (location);
  g_autoptr (GError) error = NULL;
  HallwayConference *conference = hallway_schedule_read_file (file, NULL, &error);

  if (conference == NULL)
    g_printerr ("hallway: %s: %s\n", location, error->message);
  return conference;
}

/* `hallway --dump FILE|URL`: read a schedule without a display and print it as JSON.
 * On bad input nothing goes to stdout and one line names the location and the problem. */
int
hallway_cli_dump (const char *location)
{
  g_autoptr (HallwayConference) conference = NULL;
  g_autofree char *json = NULL;

  if (is_web_location (location))
    conference = read_web_schedule (location);
  else
    conference = read_file_schedule (location);
  if (conference == NULL)
    return 1;
  json = hallway_dump_conference (conference);
  fputs (json, stdout);
  fputc ('\n', stdout);
  return fflush (stdout) == 0 ? 0 : 1;
}
