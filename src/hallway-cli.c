/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-cli"

#include "config.h"

#include <gio/gio.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "hallway-agenda-export.h"
#include "hallway-bookmarks.h"
#include "hallway-cli.h"
#include "hallway-conference.h"
#include "hallway-library.h"
#include "hallway-location.h"
#include "hallway-subscription.h"
#include "hallway-dump.h"
#include "hallway-fetcher.h"
#include "hallway-schedule-reader.h"
#include "hallway-settings.h"

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
  HallwayConference *conference;
  char *json;
  gsize length;
  gboolean written;

  if (hallway_location_is_web (location))
    conference = read_web_schedule (location);
  else
    conference = read_file_schedule (location);
  if (conference == NULL)
    return 1;
  json = hallway_dump_conference (conference);
  length = strlen (json);
  written = fwrite (json, 1, length, stdout) == length && fputc ('\n', stdout) != EOF;
  /* The process ends here: freeing thousands of talks and the text one by one would only
   * delay it, so both are left to the exit. */
  return fflush (stdout) == 0 && written ? 0 : 1;
}

/* ---- hallway --export-agenda=FILE.ics [--conference=ACRONYM] ------------------------ */

typedef struct
{
  GMainLoop *loop;
  gboolean ok;
  GError *error;
} Wait;

static void
library_loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Wait *wait = user_data;

  wait->ok = hallway_library_load_finish (HALLWAY_LIBRARY (source), result, &wait->error);
  g_main_loop_quit (wait->loop);
}

static void
cache_loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Wait *wait = user_data;

  wait->ok =
    hallway_subscription_load_cached_finish (HALLWAY_SUBSCRIPTION (source), result, &wait->error);
  g_main_loop_quit (wait->loop);
}

/* By acronym ("fosdem-2026") or by title ("FOSDEM 2026"), in any case. */
static gboolean
matches_name (HallwaySubscription *subscription, const char *name)
{
  HallwayConference *conference = hallway_subscription_get_conference (subscription);

  const char *acronym, *title;

  if (conference == NULL)
    return FALSE;
  acronym = hallway_conference_get_acronym (conference);
  title = hallway_conference_get_title (conference);
  return (acronym != NULL && g_ascii_strcasecmp (acronym, name) == 0) ||
         (title != NULL && g_ascii_strcasecmp (title, name) == 0);
}

static gboolean
ensure_cached (HallwaySubscription *subscription, Wait *wait)
{
  if (hallway_subscription_get_conference (subscription) != NULL)
    return TRUE;
  hallway_subscription_load_cached_async (subscription, NULL, cache_loaded_cb, wait);
  g_main_loop_run (wait->loop);
  g_clear_error (&wait->error);
  return wait->ok;
}

/* The conference named, else the one the window showed last. */
static HallwaySubscription *
choose_subscription (HallwayLibrary *library, const char *name, Wait *wait)
{
  GListModel *entries = G_LIST_MODEL (library);

  if (name == NULL)
    return hallway_library_get_current (library);
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr (HallwayLibraryEntry) entry = g_list_model_get_item (entries, i);
      HallwaySubscription *subscription = hallway_library_entry_get_subscription (entry);

      if (ensure_cached (subscription, wait) && matches_name (subscription, name))
        return subscription;
    }
  return NULL;
}

/* Calendar alarms follow the reminder setting, as in the app; none without the schema. The
 * command line runs without the application, so it reads its own settings. */
static int
alarm_minutes (void)
{
  g_autoptr (GSettings) settings = hallway_settings_new_if_installed ();

  return hallway_settings_get_alarm_minutes (settings);
}

static gboolean
export_agenda (const char *path, const char *acronym, GError **error)
{
  g_autoptr (HallwayFetcher) fetcher = hallway_fetcher_new ();
  g_autoptr (HallwayLibrary) library = hallway_library_new (fetcher);
  g_autoptr (GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr (HallwayExportSequences) sequences = NULL;
  g_autofree char *ics = NULL;
  Wait wait = { loop, FALSE, NULL };
  HallwaySubscription *subscription;
  HallwayLibraryEntry *entry;

  hallway_library_load_async (library, NULL, library_loaded_cb, &wait);
  g_main_loop_run (loop);
  if (!wait.ok)
    {
      g_propagate_error (error, wait.error);
      return FALSE;
    }
  subscription = choose_subscription (library, acronym, &wait);
  if (subscription == NULL)
    {
      if (acronym != NULL)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                     _("no followed conference is called %s"), acronym);
      else
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                             _("no conference is followed yet"));
      return FALSE;
    }
  if (hallway_subscription_get_conference (subscription) == NULL)
    {
      hallway_subscription_load_cached_async (subscription, NULL, cache_loaded_cb, &wait);
      g_main_loop_run (loop);
      if (!wait.ok)
        {
          g_propagate_error (error, wait.error);
          return FALSE;
        }
    }
  entry = hallway_library_lookup_subscription (library, subscription);
  sequences = hallway_library_entry_load_export_sequences (entry);
  ics = hallway_agenda_export_dup_ics (hallway_library_entry_get_plan (entry), sequences,
                                       alarm_minutes (), error);
  return ics != NULL && g_file_set_contents (path, ics, -1, error);
}

/* Writes the bookmarked talks without a window: for scripts and deployment checks. */
int
hallway_cli_export_agenda (const char *path, const char *acronym)
{
  g_autoptr (GError) error = NULL;

  if (!export_agenda (path, acronym, &error))
    {
      g_printerr ("hallway: %s: %s\n", path, error->message);
      return 1;
    }
  return 0;
}

/* ---- the options, the same in hallway-gui and hallway-cli ----------------------------- */

static const GOptionEntry cli_option_entries[] = {
  { "dump", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Read a schedule (a file or an http/https URL) and print it as JSON, without opening a "
       "window"),
    N_("FILE|URL") },
  { "export-agenda", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the bookmarked talks to an iCalendar file, without opening a window"),
    N_("FILE.ics") },
  { "conference", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export-agenda: the followed conference, by its acronym (default: the last "
       "shown)"),
    N_("ACRONYM") },
  { NULL }
};

void
hallway_cli_add_option_entries (GApplication *application)
{
  g_application_add_main_option_entries (application, cli_option_entries);
}

/* The exit status of --dump or --export-agenda, or -1 when neither was asked for. */
int
hallway_cli_handle_options (GVariantDict *options)
{
  const char *dump_location = NULL;
  const char *export_path = NULL;

  if (g_variant_dict_lookup (options, "dump", "^&ay", &dump_location))
    return hallway_cli_dump (dump_location);
  if (g_variant_dict_lookup (options, "export-agenda", "^&ay", &export_path))
    {
      const char *acronym = NULL;

      g_variant_dict_lookup (options, "conference", "&s", &acronym);
      return hallway_cli_export_agenda (export_path, acronym);
    }
  return -1;
}
