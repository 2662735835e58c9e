/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-fuzz"

#include "config.h"

#include <string.h>

#include "hallway-bookmarks.h"
#include "hallway-fetcher.h"
#include "hallway-fuzz.h"
#include "hallway-ical-export.h"
#include "hallway-catalogue.h"
#include "hallway-library.h"
#include "hallway-location.h"
#include "hallway-reminder-scheduler.h"
#include "hallway-schedule-cache.h"
#include "hallway-test-bookmarks.h"
#include "hallway-test-utils.h"

/* The state files a person's data folder holds, read the way the app reads them (they only
 * load from a path: the input is written to a scratch file first). The first byte of the
 * input picks the file; the rest is its content:
 *
 *   0 bookmarks (<id>.json)   1 library.json   2 a catalogue   3 reminder state
 *   4 export sequences        5 a cached schedule's meta.json
 *
 * A file that loads is saved and loaded again where the API allows it: what was read must
 * survive the round trip. */

/* The cache target's URL and payload: make-seeds.py writes meta.json seeds that match. */
#define CACHE_URL "https://fuzz.invalid/schedule.xml"
#define CACHE_PAYLOAD "<schedule/>\n"

/* The result, then whatever the call left pending. */
static void
wait_for (GAsyncResult **result)
{
  hallway_test_wait (result);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

/* ---- bookmarks ------------------------------------------------------------------------ */

/* Every bookmark and hidden track as text, after checking the set agrees with itself. */
static char *
describe_bookmarks (HallwayBookmarks *bookmarks)
{
  g_auto (GStrv) keys = hallway_bookmarks_dup_keys (bookmarks);

  hallway_fuzz_check (g_strv_length (keys) == hallway_bookmarks_get_n_items (bookmarks),
                      "dup_keys and get_n_items disagree");
  for (guint i = 0; keys[i] != NULL; i++)
    hallway_fuzz_check (hallway_bookmarks_contains (bookmarks, keys[i]),
                        "a listed bookmark “%s” is not contained", keys[i]);
  return hallway_test_describe_bookmarks (bookmarks, FALSE);
}

static void
fuzz_bookmarks (const guint8 *data, gsize size)
{
  g_autoptr (GFile) file = hallway_fuzz_write_scratch ("bookmarks/0123456789abcdef.json",
                                                       data, size);
  g_autoptr (HallwayBookmarks) bookmarks = hallway_bookmarks_new (file);
  g_autoptr (HallwayBookmarks) again = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  if (!hallway_bookmarks_load (bookmarks, &error))
    {
      hallway_fuzz_check (error != NULL && g_utf8_validate (error->message, -1, NULL),
                          "a failed load without a readable error");
      return;
    }
  before = describe_bookmarks (bookmarks);
  hallway_fuzz_check (hallway_bookmarks_save (bookmarks, NULL, &error),
                      "saving loaded bookmarks fails: %s", error->message);
  again = hallway_bookmarks_new (file);
  hallway_fuzz_check (hallway_bookmarks_load (again, &error),
                      "bookmarks Hallway saved do not load: %s", error->message);
  after = describe_bookmarks (again);
  hallway_fuzz_check (strcmp (before, after) == 0,
                      "bookmarks change in a save and load:\n%s----- became -----\n%s",
                      before, after);
}

/* ---- library.json and catalogues ------------------------------------------------------ */

static HallwayFetcher *
shared_fetcher (void)
{
  static HallwayFetcher *fetcher;

  if (fetcher == NULL)
    fetcher = hallway_fetcher_new ();
  return fetcher;
}

static char *
describe_library (HallwayLibrary *library)
{
  GListModel *entries = G_LIST_MODEL (library);
  g_autoptr (GString) text = g_string_new (NULL);
  HallwaySubscription *current = hallway_library_get_current (library);

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr (HallwayLibraryEntry) entry = g_list_model_get_item (entries, i);
      const char *id = hallway_library_entry_get_id (entry);

      hallway_fuzz_check (id != NULL && hallway_library_lookup (library, id) == entry,
                          "library entry %u cannot be looked up by its id", i);
      g_string_append_printf (text, "%s %s%s\n", id,
                              hallway_library_entry_get_location (entry),
                              current != NULL &&
                              hallway_library_entry_get_subscription (entry) == current ?
                                " (current)" : "");
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static HallwayLibrary *
load_library (GError **error)
{
  g_autoptr (HallwayLibrary) library = hallway_library_new (shared_fetcher ());
  g_autoptr (GAsyncResult) result = NULL;

  hallway_library_load_async (library, NULL, hallway_test_store_result_cb, &result);
  wait_for (&result);
  if (!hallway_library_load_finish (library, result, error))
    return NULL;
  return g_steal_pointer (&library);
}

static void
fuzz_library (const guint8 *data, gsize size)
{
  g_autoptr (HallwayLibrary) where = hallway_library_new (shared_fetcher ());
  g_autoptr (GFile) file = g_object_ref (hallway_library_get_file (where));
  g_autoptr (GFile) folder = g_file_get_parent (file);
  g_autoptr (HallwayLibrary) library = NULL;
  g_autoptr (HallwayLibrary) again = NULL;
  g_autoptr (GAsyncResult) saved = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  /* Nothing of the last input (library.json.corrupt, bookmarks) may stay. */
  hallway_fuzz_remove_tree (folder);
  g_file_make_directory_with_parents (folder, NULL, NULL);
  if (!g_file_replace_contents (file, (const char *) data, size, NULL, FALSE,
                                G_FILE_CREATE_NONE, NULL, NULL, &error))
    g_error ("hallway-fuzz: cannot write %s: %s", g_file_peek_path (file), error->message);

  library = load_library (&error);
  if (library == NULL)
    {
      hallway_fuzz_check (error != NULL && g_utf8_validate (error->message, -1, NULL),
                          "a failed load without a readable error");
      return;
    }
  before = describe_library (library);
  hallway_library_save_async (library, NULL, hallway_test_store_result_cb, &saved);
  wait_for (&saved);
  hallway_fuzz_check (hallway_library_save_finish (library, saved, &error),
                      "saving a loaded library fails: %s", error->message);
  again = load_library (&error);
  hallway_fuzz_check (again != NULL, "a library Hallway saved does not load: %s",
                      error->message);
  after = describe_library (again);
  hallway_fuzz_check (strcmp (before, after) == 0,
                      "the library changes in a save and load:\n%s----- became -----\n%s",
                      before, after);
}

static void
fuzz_catalogue (const guint8 *data, gsize size)
{
  g_autoptr (GFile) file = hallway_fuzz_write_scratch ("catalogue.json", data, size);
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) catalogue = hallway_catalogue_read (file, &error);

  if (catalogue == NULL)
    {
      hallway_fuzz_check (error != NULL && g_utf8_validate (error->message, -1, NULL),
                          "a failed read without a readable error");
      return;
    }
  for (guint i = 0; i < g_list_model_get_n_items (catalogue); i++)
    {
      g_autoptr (HallwayLibraryEntry) entry = g_list_model_get_item (catalogue, i);
      const char *title = hallway_library_entry_get_title (entry);

      hallway_fuzz_check (hallway_library_entry_get_location (entry) != NULL,
                          "catalogue entry %u has no location", i);
      hallway_fuzz_check (title == NULL || g_utf8_validate (title, -1, NULL),
                          "catalogue entry %u has an invalid title", i);
    }
}

/* ---- reminder state, export sequences, cache meta.json -------------------------------- */

static void
fuzz_reminder_state (const guint8 *data, gsize size)
{
  g_autoptr (GFile) file = hallway_fuzz_write_scratch ("reminders-0123.json", data, size);
  g_autoptr (HallwayReminderScheduler) scheduler = hallway_reminder_scheduler_new (file);
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_utc (2026, 2, 1, 10, 0, 0);
  g_autoptr (GDateTime) wakeup = NULL;

  if (!hallway_reminder_scheduler_load (scheduler, &error))
    hallway_fuzz_check (error != NULL && g_utf8_validate (error->message, -1, NULL),
                        "a failed load without a readable error");
  wakeup = hallway_reminder_scheduler_get_next_wakeup (scheduler, now);
  hallway_reminder_scheduler_was_shown (scheduler, "a");
}

static void
fuzz_export_sequences (const guint8 *data, gsize size)
{
  g_autoptr (GFile) file = hallway_fuzz_write_scratch ("exports-0123.json", data, size);
  g_autoptr (HallwayExportSequences) sequences = hallway_export_sequences_new (file);
  g_autoptr (HallwayExportSequences) again = NULL;
  g_autoptr (GError) error = NULL;
  static const char * const probes[] = { "a@b.hallway", "1@fuzz.hallway", "" };

  if (!hallway_export_sequences_load (sequences, &error))
    {
      hallway_fuzz_check (error != NULL && g_utf8_validate (error->message, -1, NULL),
                          "a failed load without a readable error");
      return;
    }
  hallway_fuzz_check (hallway_export_sequences_save (sequences, NULL, &error),
                      "saving loaded sequences fails: %s", error->message);
  again = hallway_export_sequences_new (file);
  hallway_fuzz_check (hallway_export_sequences_load (again, &error),
                      "sequences Hallway saved do not load: %s", error->message);
  for (guint i = 0; i < G_N_ELEMENTS (probes); i++)
    hallway_fuzz_check (hallway_export_sequences_get_sequence (sequences, probes[i]) ==
                        hallway_export_sequences_get_sequence (again, probes[i]),
                        "the sequence of “%s” changes in a save and load", probes[i]);
}

static void
fuzz_cache_meta (const guint8 *data, gsize size)
{
  g_autoptr (HallwayScheduleCache) cache = hallway_schedule_cache_new (CACHE_URL);
  GFile *payload_file = hallway_schedule_cache_get_payload_file (cache);
  GFile *meta_file = hallway_schedule_cache_get_meta_file (cache);
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GBytes) payload = NULL;
  g_autoptr (GError) error = NULL;

  hallway_fuzz_remove_tree (hallway_schedule_cache_get_folder (cache));
  g_file_make_directory_with_parents (hallway_schedule_cache_get_folder (cache), NULL, NULL);
  if (!g_file_replace_contents (payload_file, CACHE_PAYLOAD, strlen (CACHE_PAYLOAD), NULL,
                                FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error) ||
      !g_file_replace_contents (meta_file, (const char *) data, size, NULL, FALSE,
                                G_FILE_CREATE_NONE, NULL, NULL, &error))
    g_error ("hallway-fuzz: cannot write the cache: %s", error->message);

  hallway_schedule_cache_load_async (cache, NULL, hallway_test_store_result_cb, &result);
  wait_for (&result);
  payload = hallway_schedule_cache_load_finish (cache, result, &error);
  hallway_fuzz_check (payload != NULL, "the cached payload does not load: %s",
                      error->message);
  hallway_fuzz_check (g_bytes_get_size (payload) == strlen (CACHE_PAYLOAD),
                      "the payload changed");
  hallway_schedule_cache_get_etag (cache);
  hallway_schedule_cache_get_last_modified (cache);
  hallway_schedule_cache_get_fetched (cache);
  hallway_schedule_cache_get_checked (cache);
}

void
hallway_fuzz_state_files (const guint8 *data, gsize size)
{
  static void (* const loaders[]) (const guint8 *, gsize) = {
    fuzz_bookmarks, fuzz_library, fuzz_catalogue, fuzz_reminder_state,
    fuzz_export_sequences, fuzz_cache_meta,
  };

  if (size == 0)
    return;
  loaders[data[0] % G_N_ELEMENTS (loaders)] (data + 1, size - 1);
  hallway_fuzz_reset_scratch ();
}
