/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "hallway-test-server.h"
#include "hallway-bookmarks.h"
#include "hallway-talk.h"
#include "hallway-catalogue.h"
#include "hallway-desktop-search.h"
#include "hallway-library.h"
#include "hallway-location.h"
#include "hallway-paths.h"
#include "hallway-search.h"
#include "hallway-test-utils.h"

/* The schedules the tests follow, written by the test (hallway_test_generate_schedule),
 * by title. */
#define FOSDEM_2026 "FOSDEM 2026"
#define SMALL_SCHEDULE "FOSDEM 2024"
#define FOSDEM_2026_TALKS 200
#define SMALL_SCHEDULE_TALKS 108
#define APP_FOLDER "io.github.hallway_app.Hallway"
#define FOSDEM_2027_URL "https://fosdem.org/2027/schedule/xml"

typedef struct
{
  SyncServer *server;
  HallwayFetcher *fetcher;
  HallwayLibrary *library;
} Fixture;

/* ---- helpers ------------------------------------------------------------------------- */

static HallwayFetcher *
new_fetcher (void)
{
  HallwayFetcher *fetcher = hallway_fetcher_new ();

  /* Short, and set before the first connection: see test-subscription.c. */
  hallway_fetcher_set_timeout (fetcher, 2);
  return fetcher;
}

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  g_autofree char *extension = g_build_filename (g_get_user_data_dir (), "catalogue-extension",
                                                 NULL);

  /* The Flatpak extension's folder, empty unless a test fills it (see HALLWAY_CATALOGUE_DIR
   * in hallway-library.c). */
  g_setenv ("HALLWAY_CATALOGUE_DIR", extension, TRUE);
  fixture->server = sync_server_start ();
  fixture->fetcher = new_fetcher ();
  fixture->library = hallway_library_new (fixture->fetcher);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  g_clear_object (&fixture->library);
  g_clear_object (&fixture->fetcher);
  g_clear_pointer (&fixture->server, sync_server_stop);
}

static gboolean
load (HallwayLibrary *library, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  hallway_library_load_async (library, NULL, hallway_test_store_result_cb, &result);
  return hallway_library_load_finish (library, hallway_test_wait (&result), error);
}

static void
load_ok (HallwayLibrary *library)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (load (library, &error));
  g_assert_no_error (error);
}

static HallwaySubscription *
add (HallwayLibrary *library, const char *location, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  hallway_library_add_async (library, location, NULL, hallway_test_store_result_cb, &result);
  return hallway_library_add_finish (library, hallway_test_wait (&result), error);
}

static HallwaySubscription *
add_ok (HallwayLibrary *library, const char *location)
{
  g_autoptr (GError) error = NULL;
  HallwaySubscription *subscription = add (library, location, &error);

  g_assert_no_error (error);
  g_assert_nonnull (subscription);
  return subscription;
}

/* Waits until library.json holds the list as it is now. */
static void
flush (HallwayLibrary *library)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;

  hallway_library_save_async (library, NULL, hallway_test_store_result_cb, &result);
  g_assert_true (hallway_library_save_finish (library, hallway_test_wait (&result), &error));
  g_assert_no_error (error);
}

/* FOSDEM_2026 or SMALL_SCHEDULE, each with guids of its own. */
static GBytes *
schedule_bytes (const char *title)
{
  gboolean big = g_str_equal (title, FOSDEM_2026);

  return hallway_test_generate_schedule (title, big ? "fosdem-2026" : "fosdem-2024",
                                         big ? FOSDEM_2026_TALKS : SMALL_SCHEDULE_TALKS);
}

/* Serves the schedule of this title at path; returns its URL. */
static char *
serve (Fixture *fixture, const char *path, const char *title)
{
  g_autoptr (GBytes) schedule = schedule_bytes (title);

  sync_server_serve_bytes (fixture->server, path, schedule, SYNC_SERVE_PLAIN);
  return sync_server_uri (fixture->server, path);
}

/* Writes the schedule of this title into the test's folders; returns its path. */
static char *
schedule_file (const char *title)
{
  g_autoptr (GBytes) schedule = schedule_bytes (title);
  g_autofree char *name = g_strconcat (title, ".xml", NULL);
  g_autofree char *path = g_build_filename (g_get_user_config_dir (), "schedules", name, NULL);

  hallway_test_write_text (path, g_bytes_get_data (schedule, NULL),
                           (gssize) g_bytes_get_size (schedule));
  return g_steal_pointer (&path);
}

static char *
library_path (void)
{
  return g_build_filename (g_get_user_data_dir (), APP_FOLDER, "library.json", NULL);
}

static JsonObject *
read_library_json (void)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *path = library_path ();

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static JsonArray *
stored_conferences (JsonObject *root)
{
  g_assert_cmpint (json_object_get_int_member (root, "version"), ==, 1);
  return json_object_get_array_member (root, "conferences");
}

static char *
read_text (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&contents);
}

static HallwayLibraryEntry *
entry_at (GListModel *model, guint position)
{
  HallwayLibraryEntry *entry = g_list_model_get_item (model, position);

  g_assert_nonnull (entry);
  /* The model keeps its own reference: borrowing is safe within a test. */
  g_object_unref (entry);
  return entry;
}

static HallwayLibraryEntry *
find_in_catalogue (GListModel *catalogue, const char *location)
{
  for (guint i = 0; i < g_list_model_get_n_items (catalogue); i++)
    {
      HallwayLibraryEntry *entry = entry_at (catalogue, i);

      if (g_str_equal (hallway_library_entry_get_location (entry), location))
        return entry;
    }
  return NULL;
}

static HallwayConference *
conference_of (HallwayLibraryEntry *entry)
{
  return hallway_subscription_get_conference (hallway_library_entry_get_subscription (entry));
}

static gboolean
file_exists (GFile *file)
{
  return g_file_query_exists (file, NULL);
}

static GFile *
cache_folder_of (HallwaySubscription *subscription)
{
  return hallway_schedule_cache_get_folder (hallway_subscription_get_cache (subscription));
}

static GFile *
bookmarks_file_of (HallwayLibrary *library, HallwaySubscription *subscription)
{
  HallwayLibraryEntry *entry = hallway_library_lookup_subscription (library, subscription);

  g_assert_nonnull (entry);
  return hallway_paths_dup_bookmarks_file (hallway_library_entry_get_id (entry));
}

/* Bookmarks the talk at position and saves; returns its key. */
static char *
bookmark_and_save (HallwaySubscription *subscription, guint position)
{
  HallwayConference *conference = hallway_subscription_get_conference (subscription);
  HallwayBookmarks *bookmarks = hallway_subscription_get_bookmarks (subscription);
  g_autoptr (HallwayTalk) talk = g_list_model_get_item (G_LIST_MODEL (conference), position);
  g_autoptr (GError) error = NULL;

  g_assert_nonnull (talk);
  hallway_bookmarks_add (bookmarks, talk);
  g_assert_true (hallway_bookmarks_save (bookmarks, NULL, &error));
  g_assert_no_error (error);
  return g_strdup (hallway_talk_get_key (talk));
}

static void
assert_only_bookmark (HallwaySubscription *subscription, const char *key)
{
  HallwayBookmarks *bookmarks = hallway_subscription_get_bookmarks (subscription);
  g_auto (GStrv) keys = hallway_bookmarks_dup_keys (bookmarks);

  g_assert_cmpuint (g_strv_length (keys), ==, 1);
  g_assert_cmpstr (keys[0], ==, key);
}

static void
items_changed_cb (GListModel *model, guint position, guint removed, guint added, guint *counter)
{
  (*counter)++;
}

static void
assert_message_starts_with (const GError *error, const char *prefix)
{
  g_test_message ("error: %s", error->message);
  g_assert_true (g_str_has_prefix (error->message, prefix));
}

static void
assert_message_contains (const GError *error, const char *words)
{
  g_test_message ("error: %s", error->message);
  g_assert_nonnull (strstr (error->message, words));
}

/* ---- ids and locations --------------------------------------------------------------- */

static void
test_ids (void)
{
  const char *url = "https://fosdem.org/2026/schedule/xml";
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "conference.xml", NULL);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autofree char *url_id = hallway_location_dup_id (url);
  g_autofree char *path_id = hallway_location_dup_id (path);
  g_autofree char *uri_id = hallway_location_dup_id (uri);
  g_autofree char *other_id = hallway_location_dup_id (FOSDEM_2027_URL);
  g_autofree char *normalized_url = hallway_location_normalize (url);
  g_autofree char *normalized_path = hallway_location_normalize (path);
  g_autoptr (HallwayLibrary) library = hallway_library_new (NULL);
  g_autoptr (GFile) bookmarks = hallway_paths_dup_bookmarks_file (url_id);
  g_autofree char *bookmarks_name = g_strconcat (url_id, ".json", NULL);
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), APP_FOLDER, "bookmarks",
                                                bookmarks_name, NULL);
  g_autofree char *bookmarks_path = g_file_get_path (bookmarks);
  g_autofree char *file_path = g_file_get_path (hallway_library_get_file (library));
  g_autofree char *expected_file = library_path ();

  g_assert_cmpstr (normalized_url, ==, url);
  g_assert_cmpstr (normalized_path, ==, uri);
  g_assert_cmpuint (strlen (url_id), ==, 12);
  g_assert_cmpstr (path_id, ==, uri_id);
  g_assert_cmpstr (url_id, !=, other_id);
  g_assert_cmpstr (bookmarks_path, ==, expected);
  g_assert_cmpstr (file_path, ==, expected_file);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, 0);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (library)) == HALLWAY_TYPE_LIBRARY_ENTRY);
}

/* The reminder service and the agenda exporter write where removing deletes. */
static void
test_state_paths (void)
{
  g_autoptr (GFile) reminders = hallway_paths_dup_reminders_file ("0123456789ab");
  g_autoptr (GFile) sequences = hallway_paths_dup_exports_file ("0123456789ab");
  g_autofree char *reminders_path = g_file_get_path (reminders);
  g_autofree char *sequences_path = g_file_get_path (sequences);
  g_autofree char *expected_reminders = g_build_filename (g_get_user_state_dir (), APP_FOLDER,
                                                          "reminders-0123456789ab.json", NULL);
  g_autofree char *expected_sequences = g_build_filename (g_get_user_data_dir (), APP_FOLDER,
                                                          "exports-0123456789ab.json", NULL);

  g_assert_cmpstr (reminders_path, ==, expected_reminders);
  g_assert_cmpstr (sequences_path, ==, expected_sequences);
}

/* ---- the catalogue ------------------------------------------------------------------- */

static void
assert_builtin_catalogue (GListModel *catalogue)
{
  HallwayLibraryEntry *fosdem_2027 = find_in_catalogue (catalogue, FOSDEM_2027_URL);
  HallwayLibraryEntry *fosdem_2026 = find_in_catalogue (catalogue,
                                                        "https://fosdem.org/2026/schedule/xml");
  HallwayLibraryEntry *congress = find_in_catalogue (
    catalogue, "https://fahrplan.events.ccc.de/congress/2025/fahrplan/schedules/schedule.xml");
  g_autofree char *id = hallway_location_dup_id (FOSDEM_2027_URL);

  g_assert_nonnull (fosdem_2027);
  g_assert_cmpstr (hallway_library_entry_get_title (fosdem_2027), ==, "FOSDEM 2027");
  g_assert_cmpstr (hallway_library_entry_get_id (fosdem_2027), ==, id);
  g_assert_nonnull (strstr (hallway_library_entry_get_subtitle (fosdem_2027), "Brussels"));
  g_assert_false (hallway_library_entry_get_follow (fosdem_2027));
  g_assert_null (hallway_library_entry_get_subscription (fosdem_2027));
  g_assert_null (hallway_library_entry_get_added (fosdem_2027));
  g_assert_nonnull (fosdem_2026);
  g_assert_nonnull (strstr (hallway_library_entry_get_subtitle (fosdem_2026), "2026"));
  g_assert_nonnull (congress);
  g_assert_nonnull (strstr (hallway_library_entry_get_title (congress), "39C3"));
  g_assert_nonnull (strstr (hallway_library_entry_get_subtitle (congress), "Hamburg"));
}

static void
test_catalogue_builtin (Fixture *fixture, gconstpointer data)
{
  GListModel *catalogue = hallway_library_get_catalogue (fixture->library);
  g_autofree char *path = library_path ();

  assert_builtin_catalogue (catalogue);
  load_ok (fixture->library);
  assert_builtin_catalogue (catalogue);
  for (guint i = 0; i < g_list_model_get_n_items (catalogue); i++)
    g_assert_false (hallway_library_entry_get_follow (entry_at (catalogue, i)));

  /* Nothing is followed until the user adds it; nothing to write either. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->library)), ==, 0);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static char *
system_catalogue_path (void)
{
  const char * const *folders = g_get_system_data_dirs ();

  g_assert_nonnull (folders[0]);
  return g_build_filename (folders[0], "hallway", "catalogue.json", NULL);
}

static char *
catalogue_json (const char *followed_url, const char *local_path, gboolean include_builtin)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "include-builtin");
  json_builder_add_boolean_value (builder, include_builtin);
  json_builder_set_member_name (builder, "conferences");
  json_builder_begin_array (builder);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, "OpenGov Days 2026");
  json_builder_set_member_name (builder, "location");
  json_builder_add_string_value (builder, followed_url);
  json_builder_set_member_name (builder, "subtitle");
  json_builder_add_string_value (builder, "Berlin · 12–13 May 2026");
  json_builder_set_member_name (builder, "follow");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_end_object (builder);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, "Archive: FOSDEM 2024");
  json_builder_set_member_name (builder, "location");
  json_builder_add_string_value (builder, local_path);
  json_builder_end_object (builder);

  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

static void
test_catalogue_system (Fixture *fixture, gconstpointer data)
{
  g_autofree char *followed_url = serve (fixture, "/opengov.xml", SMALL_SCHEDULE);
  g_autofree char *local_path = schedule_file (SMALL_SCHEDULE);
  g_autofree char *local_uri = NULL;
  g_autofree char *catalogue_path = system_catalogue_path ();
  g_autofree char *ignored_path = g_build_filename (g_get_system_data_dirs ()[1], "hallway",
                                                    "catalogue.json", NULL);
  g_autofree char *text = NULL;
  g_autoptr (HallwayLibrary) again = NULL;
  g_autoptr (JsonObject) root = NULL;
  g_autoptr (GError) error = NULL;
  gboolean include_builtin = data != NULL;
  GListModel *catalogue = hallway_library_get_catalogue (fixture->library);
  HallwayLibraryEntry *followed;
  HallwayLibraryEntry *local;
  JsonArray *stored;

  local_uri = g_filename_to_uri (local_path, NULL, NULL);
  text = catalogue_json (followed_url, local_path, include_builtin);
  hallway_test_write_text (catalogue_path, text, -1);
  /* The first folder of $XDG_DATA_DIRS that has one wins: this one is never read. */
  hallway_test_write_text (ignored_path,
                           "{ \"version\": 1, \"conferences\": [ { \"title\": \"Ignored\", "
                           "\"location\": \"https://example.org/ignored.xml\", "
                           "\"follow\": true } ] }",
                           -1);

  load_ok (fixture->library);
  g_assert_cmpuint (g_list_model_get_n_items (catalogue), ==, include_builtin ? 6 : 2);
  followed = entry_at (catalogue, 0);
  g_assert_cmpstr (hallway_library_entry_get_title (followed), ==, "OpenGov Days 2026");
  g_assert_cmpstr (hallway_library_entry_get_location (followed), ==, followed_url);
  g_assert_cmpstr (hallway_library_entry_get_subtitle (followed), ==, "Berlin · 12–13 May 2026");
  g_assert_true (hallway_library_entry_get_follow (followed));
  local = entry_at (catalogue, 1);
  g_assert_cmpstr (hallway_library_entry_get_location (local), ==, local_uri);
  g_assert_false (hallway_library_entry_get_follow (local));
  if (include_builtin)
    assert_builtin_catalogue (catalogue);
  else
    g_assert_null (find_in_catalogue (catalogue, FOSDEM_2027_URL));

  /* First start: the "follow" conference is in the library, saved, not fetched yet. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->library)), ==, 1);
  followed = entry_at (G_LIST_MODEL (fixture->library), 0);
  g_assert_cmpstr (hallway_library_entry_get_location (followed), ==, followed_url);
  g_assert_cmpstr (hallway_library_entry_get_title (followed), ==, "OpenGov Days 2026");
  g_assert_nonnull (hallway_library_entry_get_added (followed));
  g_assert_null (conference_of (followed));
  g_assert_cmpuint (sync_server_get_hits (fixture->server, "/opengov.xml"), ==, 0);
  root = read_library_json ();
  stored = stored_conferences (root);
  g_assert_cmpuint (json_array_get_length (stored), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (stored, 0),
                                                  "location"), ==, followed_url);

  /* Defaults are for a new library only: removed, it stays removed. */
  g_assert_true (hallway_library_remove (fixture->library, hallway_library_entry_get_id (followed),
                                         FALSE, &error));
  g_assert_no_error (error);
  flush (fixture->library);
  again = hallway_library_new (fixture->fetcher);
  load_ok (again);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (again)), ==, 0);
}

static void
assert_catalogue_error (const char *text, const char *words)
{
  g_autofree char *path = g_build_filename (g_get_user_config_dir (), "catalogue.json", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) catalogue = NULL;

  hallway_test_write_text (path, text, -1);
  catalogue = hallway_catalogue_read (file, &error);
  g_assert_null (catalogue);
  g_assert_error (error, HALLWAY_LIBRARY_ERROR, HALLWAY_LIBRARY_ERROR_CATALOGUE);
  assert_message_contains (error, path);
  assert_message_contains (error, words);
}

static void
test_catalogue_invalid (Fixture *fixture, gconstpointer data)
{
  g_autofree char *system_path = system_catalogue_path ();
  g_autofree char *missing_path = g_build_filename (g_get_user_config_dir (), "none.json", NULL);
  g_autoptr (GFile) missing = g_file_new_for_path (missing_path);
  g_autoptr (GError) error = NULL;

  assert_catalogue_error ("{ \"version\": 1, \"conferences\": [", "line 1: ");
  assert_catalogue_error ("[]", "not a JSON object");
  assert_catalogue_error ("{ \"conferences\": [] }", "version");
  assert_catalogue_error ("{ \"version\": 2, \"conferences\": [] }", "newer");
  assert_catalogue_error ("{ \"version\": 1 }", "conferences");
  assert_catalogue_error ("{ \"version\": 1, \"conferences\": [ { \"title\": \"X\" } ] }",
                          "conference 1 (“X”) has no “location”");
  assert_catalogue_error ("{ \"version\": 1, \"conferences\": [ "
                          "{ \"location\": \"https://a/\" } ] }",
                          "conference 1 has no “title”");
  assert_catalogue_error ("{ \"version\": 1, \"conferences\": [ { \"title\": \"X\", "
                          "\"location\": \"schedules/x.xml\" } ] }",
                          "neither an http(s) URL nor an absolute file path");

  g_assert_null (hallway_catalogue_read (missing, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  assert_message_contains (error, missing_path);

  /* A broken system catalogue is reported to the administrator; users keep the built-in. */
  hallway_test_write_text (system_path,
                           "{ \"version\": 1, \"conferences\": [ { \"title\": \"X\" } ] }", -1);
  g_test_expect_message ("hallway-library", G_LOG_LEVEL_WARNING,
                         "*conference catalogue*cannot be used*has no “location”*");
  load_ok (fixture->library);
  g_test_assert_expected_messages ();
  assert_builtin_catalogue (hallway_library_get_catalogue (fixture->library));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->library)), ==, 0);
}

/* ---- the administrator's catalogue in the Flatpak: the extension, the URL ------------ */

#define IGNORED_CATALOGUE "{ \"version\": 1, \"conferences\": [ { \"title\": \"Ignored\", " \
                          "\"location\": \"https://example.org/ignored.xml\", " \
                          "\"follow\": true } ] }"
#define ARCHIVE_PATH "/srv/archive/fosdem-2024.xml"

/* The catalogue the io.github.hallway_app.Hallway.Catalogue extension brings, in the folder
 * it is mounted at: found before the system data folders (the sandbox has none of the
 * host's), its conferences offered and its "follow" one followed on the first start. */
static void
test_catalogue_extension (Fixture *fixture, gconstpointer data)
{
  g_autofree char *followed_url = sync_server_uri (fixture->server, "/opengov.xml");
  g_autofree char *extension_path = g_build_filename (g_getenv ("HALLWAY_CATALOGUE_DIR"),
                                                      "catalogue.json", NULL);
  g_autofree char *system_path = system_catalogue_path ();
  g_autofree char *text = catalogue_json (followed_url, ARCHIVE_PATH, FALSE);
  GListModel *catalogue = hallway_library_get_catalogue (fixture->library);
  HallwayLibraryEntry *followed;

  hallway_test_write_text (extension_path, text, -1);
  hallway_test_write_text (system_path, IGNORED_CATALOGUE, -1);
  load_ok (fixture->library);

  g_assert_cmpuint (g_list_model_get_n_items (catalogue), ==, 2);
  followed = entry_at (catalogue, 0);
  g_assert_cmpstr (hallway_library_entry_get_title (followed), ==, "OpenGov Days 2026");
  g_assert_cmpstr (hallway_library_entry_get_location (followed), ==, followed_url);
  g_assert_true (hallway_library_entry_get_follow (followed));
  g_assert_cmpstr (hallway_library_entry_get_title (entry_at (catalogue, 1)), ==,
                   "Archive: FOSDEM 2024");
  g_assert_null (find_in_catalogue (catalogue, "https://example.org/ignored.xml"));
  g_assert_null (find_in_catalogue (catalogue, FOSDEM_2027_URL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->library)), ==, 1);
  g_assert_cmpstr (hallway_library_entry_get_location (
                     entry_at (G_LIST_MODEL (fixture->library), 0)),
                   ==, followed_url);

  /* Without the extension's file, the system data folders are read as before. */
  g_assert_cmpint (g_remove (extension_path), ==, 0);
  g_clear_object (&fixture->library);
  fixture->library = hallway_library_new (fixture->fetcher);
  load_ok (fixture->library);
  g_assert_nonnull (find_in_catalogue (hallway_library_get_catalogue (fixture->library),
                                       "https://example.org/ignored.xml"));
}

static gboolean
keep_waking_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main context until the catalogue offers title (NULL: for a while, to let
 * background work finish); fails after a while. */
static void
wait_for_catalogue_title (HallwayLibrary *library, const char *title)
{
  GListModel *catalogue = hallway_library_get_catalogue (library);
  gint64 deadline = g_get_monotonic_time () +
                    (gint64)(hallway_test_seconds (title != NULL ? 10 : 0.3) * G_USEC_PER_SEC);
  guint waker = g_timeout_add (20, keep_waking_cb, NULL);

  while (g_get_monotonic_time () < deadline)
    {
      if (title != NULL && g_list_model_get_n_items (catalogue) > 0 &&
          g_str_equal (hallway_library_entry_get_title (entry_at (catalogue, 0)), title))
        break;
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (waker);
  if (title != NULL)
    g_assert_cmpstr (hallway_library_entry_get_title (entry_at (catalogue, 0)), ==, title);
}

static HallwayLibrary *
library_with_url (Fixture *fixture, const char *url)
{
  HallwayLibrary *library = hallway_library_new (fixture->fetcher);

  hallway_library_set_catalogue_url (library, url);
  g_assert_cmpstr (hallway_library_get_catalogue_url (library), ==, url);
  return library;
}

static gboolean
refresh_catalogue (HallwayLibrary *library, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  hallway_library_refresh_catalogue_async (library, NULL, hallway_test_store_result_cb, &result);
  return hallway_library_refresh_catalogue_finish (library, hallway_test_wait (&result), error);
}

/* The GSettings key "catalogue-url", which dconf presets: downloaded on the first start
 * (its "follow" conference followed), cached, checked with a conditional request on the
 * next start, kept when the server sends something that is not a catalogue or too much,
 * and read from the cache offline. It wins over the catalogue files. */
static void
test_catalogue_url (Fixture *fixture, gconstpointer data)
{
  g_autofree char *url = sync_server_uri (fixture->server, "/catalogue.json");
  g_autofree char *followed_url = sync_server_uri (fixture->server, "/opengov.xml");
  g_autofree char *extension_path = g_build_filename (g_getenv ("HALLWAY_CATALOGUE_DIR"),
                                                      "catalogue.json", NULL);
  g_autofree char *text = catalogue_json (followed_url, ARCHIVE_PATH, FALSE);
  g_autoptr (GString) moved = g_string_new (text);
  g_autoptr (GBytes) first = NULL;
  g_autoptr (GBytes) second = NULL;
  g_autoptr (GBytes) huge = NULL;
  g_autoptr (HallwayLibrary) next = NULL;
  g_autoptr (HallwayLibrary) offline = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *if_none_match = NULL;
  g_autoptr (GFile) cache_folder = NULL;
  g_autofree char *cache_path = NULL;
  GListModel *catalogue = NULL;
  HallwayLibraryEntry *followed;

  hallway_test_write_text (extension_path, IGNORED_CATALOGUE, -1);
  first = g_bytes_new (text, strlen (text));
  sync_server_serve_bytes (fixture->server, "/catalogue.json", first, SYNC_SERVE_PLAIN);

  /* First start: downloaded before the list is made, its "follow" conference followed. */
  g_clear_object (&fixture->library);
  fixture->library = library_with_url (fixture, url);
  load_ok (fixture->library);
  catalogue = hallway_library_get_catalogue (fixture->library);
  g_assert_cmpuint (sync_server_get_hits (fixture->server, "/catalogue.json"), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (catalogue), ==, 2);
  followed = entry_at (catalogue, 0);
  g_assert_cmpstr (hallway_library_entry_get_title (followed), ==, "OpenGov Days 2026");
  g_assert_cmpstr (hallway_library_entry_get_subtitle (followed), ==, "Berlin · 12–13 May 2026");
  g_assert_true (hallway_library_entry_get_follow (followed));
  g_assert_null (find_in_catalogue (catalogue, "https://example.org/ignored.xml"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->library)), ==, 1);
  g_assert_cmpstr (hallway_library_entry_get_location (
                     entry_at (G_LIST_MODEL (fixture->library), 0)),
                   ==, followed_url);
  g_assert_cmpuint (sync_server_get_hits (fixture->server, "/opengov.xml"), ==, 0);
  flush (fixture->library);

  /* Next start: from the cache at once, then the new version from the URL. */
  g_string_replace (moved, "OpenGov Days 2026", "OpenGov Days 2026 (moved)", 0);
  second = g_bytes_new (moved->str, moved->len);
  sync_server_serve_bytes (fixture->server, "/catalogue.json", second, SYNC_SERVE_PLAIN);
  next = library_with_url (fixture, url);
  load_ok (next);
  wait_for_catalogue_title (next, "OpenGov Days 2026 (moved)");
  g_assert_cmpuint (sync_server_get_hits (fixture->server, "/catalogue.json"), ==, 2);
  /* Only the latest version is kept: nobody is shown the catalogue's changes. */
  cache_folder = hallway_paths_dup_schedule_cache_folder (url);
  cache_path = g_file_get_path (cache_folder);
  hallway_test_assert_only_files (cache_path, (const char *[]) { "meta.json", "payload", NULL });
  /* Not a first start: nothing more is followed. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (next)), ==, 1);

  /* Unchanged: a conditional request and a 304. */
  g_assert_true (refresh_catalogue (next, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sync_server_get_hits (fixture->server, "/catalogue.json"), ==, 3);
  if_none_match = sync_server_dup_request_header (fixture->server, "If-None-Match");
  g_assert_nonnull (if_none_match);
  wait_for_catalogue_title (next, "OpenGov Days 2026 (moved)");

  /* A web page or more than 1 MiB is refused, and the catalogue stays as it was. */
  sync_server_fail (fixture->server, "/catalogue.json", SYNC_ROUTE_HTML, SOUP_STATUS_OK);
  g_assert_false (refresh_catalogue (next, &error));
  g_assert_error (error, HALLWAY_LIBRARY_ERROR, HALLWAY_LIBRARY_ERROR_CATALOGUE);
  assert_message_contains (error, url);
  g_clear_error (&error);
  huge = g_bytes_new_take (g_strnfill (1024 * 1024 + 1, ' '), 1024 * 1024 + 1);
  sync_server_serve_bytes (fixture->server, "/catalogue.json", huge, SYNC_SERVE_PLAIN);
  g_assert_false (refresh_catalogue (next, &error));
  g_assert_error (error, HALLWAY_LIBRARY_ERROR, HALLWAY_LIBRARY_ERROR_CATALOGUE);
  assert_message_contains (error, url);
  assert_message_contains (error, "more than a catalogue may be");
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (hallway_library_get_catalogue (next)), ==, 2);
  wait_for_catalogue_title (next, "OpenGov Days 2026 (moved)");

  /* Offline: the last good version, from the cache. */
  g_clear_pointer (&fixture->server, sync_server_stop);
  offline = library_with_url (fixture, url);
  load_ok (offline);
  wait_for_catalogue_title (offline, "OpenGov Days 2026 (moved)");
  wait_for_catalogue_title (offline, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (hallway_library_get_catalogue (offline)), ==, 2);
}

/* A catalogue URL that cannot be had on the first start leaves the catalogue files. */
static void
test_catalogue_url_unreachable (Fixture *fixture, gconstpointer data)
{
  g_autofree char *url = sync_server_uri (fixture->server, "/missing.json");
  g_autofree char *extension_path = g_build_filename (g_getenv ("HALLWAY_CATALOGUE_DIR"),
                                                      "catalogue.json", NULL);

  hallway_test_write_text (extension_path, IGNORED_CATALOGUE, -1);
  sync_server_fail (fixture->server, "/missing.json", SYNC_ROUTE_STATUS, SOUP_STATUS_NOT_FOUND);
  g_clear_object (&fixture->library);
  fixture->library = library_with_url (fixture, url);
  load_ok (fixture->library);
  g_assert_cmpuint (sync_server_get_hits (fixture->server, "/missing.json"), ==, 1);
  g_assert_nonnull (find_in_catalogue (hallway_library_get_catalogue (fixture->library),
                                       "https://example.org/ignored.xml"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->library)), ==, 1);
}

/* ---- adding -------------------------------------------------------------------------- */

static void
test_add_url (Fixture *fixture, gconstpointer data)
{
  g_autofree char *url = serve (fixture, "/fosdem-2026.xml", FOSDEM_2026);
  g_autofree char *id = NULL;
  g_autoptr (HallwaySubscription) subscription = NULL;
  g_autoptr (HallwayFetcher) fetcher = NULL;
  g_autoptr (HallwayLibrary) again = NULL;
  g_autoptr (JsonObject) root = NULL;
  g_autoptr (GFile) bookmarks = NULL;
  g_autoptr (GDateTime) added = NULL;
  HallwayLibraryEntry *entry;
  HallwaySubscription *reloaded;
  JsonObject *stored;
  guint items_changed = 0;

  id = hallway_location_dup_id (url);
  load_ok (fixture->library);
  g_signal_connect (fixture->library, "items-changed", G_CALLBACK (items_changed_cb),
                    &items_changed);

  subscription = add_ok (fixture->library, url);
  g_assert_nonnull (hallway_subscription_get_conference (subscription));
  g_assert_true (hallway_subscription_get_bookmarks (subscription) != NULL);
  g_assert_cmpuint (items_changed, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->library)), ==, 1);
  entry = entry_at (G_LIST_MODEL (fixture->library), 0);
  g_assert_true (hallway_library_entry_get_subscription (entry) == subscription);
  g_assert_cmpstr (hallway_library_entry_get_id (entry), ==, id);
  g_assert_cmpstr (hallway_library_entry_get_location (entry), ==, url);
  g_assert_cmpstr (hallway_library_entry_get_title (entry), ==, "FOSDEM 2026");
  g_assert_true (hallway_library_lookup (fixture->library, id) == entry);
  g_assert_true (hallway_library_lookup_location (fixture->library, url) == entry);
  added = g_date_time_ref (hallway_library_entry_get_added (entry));

  /* Written as soon as the add finished. */
  root = read_library_json ();
  stored = json_array_get_object_element (stored_conferences (root), 0);
  g_assert_cmpstr (json_object_get_string_member (stored, "id"), ==, id);
  g_assert_cmpstr (json_object_get_string_member (stored, "location"), ==, url);
  g_assert_cmpstr (json_object_get_string_member (stored, "title"), ==, "FOSDEM 2026");
  g_assert_nonnull (json_object_get_string_member (stored, "added"));
  bookmarks = bookmarks_file_of (fixture->library, subscription);
  g_assert_true (file_exists (bookmarks));

  /* Another start, offline: the same list, each conference from its cache. */
  g_clear_pointer (&fixture->server, sync_server_stop);
  g_clear_object (&fixture->library);
  g_clear_object (&subscription);
  fetcher = new_fetcher ();
  again = hallway_library_new (fetcher);
  load_ok (again);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (again)), ==, 1);
  entry = entry_at (G_LIST_MODEL (again), 0);
  g_assert_cmpstr (hallway_library_entry_get_id (entry), ==, id);
  g_assert_cmpstr (hallway_library_entry_get_location (entry), ==, url);
  g_assert_cmpstr (hallway_library_entry_get_title (entry), ==, "FOSDEM 2026");
  g_assert_true (g_date_time_equal (hallway_library_entry_get_added (entry), added));
  reloaded = hallway_library_entry_get_subscription (entry);
  g_assert_cmpstr (hallway_subscription_get_uri (reloaded), ==, url);
  g_assert_nonnull (hallway_subscription_get_conference (reloaded));
  g_assert_cmpstr (hallway_conference_get_title (hallway_subscription_get_conference (reloaded)),
                   ==, "FOSDEM 2026");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (conference_of (entry))), ==,
                    FOSDEM_2026_TALKS);
}

typedef struct
{
  SyncRouteKind kind;
  guint status;
  const char *words;
} AddFailure;

static const AddFailure failure_404 = { SYNC_ROUTE_STATUS, 404, "the server answered 404" };
static const AddFailure failure_html = { SYNC_ROUTE_HTML, 0, "web page" };

static void
test_add_failure (Fixture *fixture, gconstpointer data)
{
  const AddFailure *failure = data;
  g_autofree char *url = sync_server_uri (fixture->server, "/schedule.xml");
  g_autofree char *id = hallway_location_dup_id (url);
  g_autofree char *prefix = g_strconcat (url, ": ", NULL);
  g_autofree char *path = library_path ();
  g_autoptr (GFile) bookmarks = hallway_paths_dup_bookmarks_file (id);
  g_autoptr (HallwayScheduleCache) cache = hallway_schedule_cache_new (url);
  g_autoptr (GError) error = NULL;
  guint items_changed = 0;

  load_ok (fixture->library);
  g_signal_connect (fixture->library, "items-changed", G_CALLBACK (items_changed_cb),
                    &items_changed);
  sync_server_fail (fixture->server, "/schedule.xml", failure->kind, failure->status);

  g_assert_null (add (fixture->library, url, &error));
  g_assert_nonnull (error);
  assert_message_starts_with (error, prefix);
  assert_message_contains (error, failure->words);
  g_assert_cmpuint (sync_server_get_hits (fixture->server, "/schedule.xml"), ==, 1);

  /* Nothing added: not in the list, not on disk, no bookmarks, no cache. */
  g_assert_cmpuint (items_changed, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->library)), ==, 0);
  g_assert_null (hallway_library_lookup (fixture->library, id));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (file_exists (bookmarks));
  g_assert_false (file_exists (hallway_schedule_cache_get_folder (cache)));
}

static void
test_add_duplicate (Fixture *fixture, gconstpointer data)
{
  g_autofree char *url = serve (fixture, "/fosdem-2026.xml", FOSDEM_2026);
  g_autoptr (HallwaySubscription) first = NULL;
  g_autoptr (HallwaySubscription) second = NULL;
  g_autoptr (JsonObject) root = NULL;

  load_ok (fixture->library);
  first = add_ok (fixture->library, url);
  second = add_ok (fixture->library, url);

  g_assert_true (first == second);
  g_assert_cmpuint (sync_server_get_hits (fixture->server, "/fosdem-2026.xml"), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->library)), ==, 1);
  root = read_library_json ();
  g_assert_cmpuint (json_array_get_length (stored_conferences (root)), ==, 1);
}

/* `hallway FILE` and drag and drop: a path and its file:// URI are one conference. */
/* Text that is neither a web address nor a file says so, instead of an error about a
 * file:///…/not%20a%20url made of it; nothing is added. */
static void
test_add_neither_web_nor_file (Fixture *fixture, gconstpointer data)
{
  static const char *const typed[] = { "not a url", "ftp://example.org/schedule.xml" };

  load_ok (fixture->library);
  for (gsize i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (HallwaySubscription) subscription = add (fixture->library, typed[i], &error);
      g_autofree char *expected =
        g_strdup_printf ("“%s” is neither a web address (https://…) nor a file", typed[i]);

      g_assert_null (subscription);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
      g_assert_cmpstr (error->message, ==, expected);
    }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->library)), ==, 0);
}

static void
test_add_local_file (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = schedule_file (SMALL_SCHEDULE);
  g_autofree char *uri = NULL;
  g_autofree char *missing = g_build_filename (g_get_user_config_dir (), "missing.xml", NULL);
  g_autofree char *missing_uri = g_filename_to_uri (missing, NULL, NULL);
  g_autoptr (HallwaySubscription) by_path = NULL;
  g_autoptr (HallwaySubscription) by_uri = NULL;
  g_autoptr (GError) error = NULL;
  HallwayLibraryEntry *entry;

  uri = g_filename_to_uri (path, NULL, NULL);
  load_ok (fixture->library);

  by_path = add_ok (fixture->library, path);
  by_uri = add_ok (fixture->library, uri);
  g_assert_true (by_path == by_uri);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->library)), ==, 1);
  entry = entry_at (G_LIST_MODEL (fixture->library), 0);
  g_assert_cmpstr (hallway_library_entry_get_location (entry), ==, uri);
  g_assert_cmpstr (hallway_library_entry_get_title (entry), ==, "FOSDEM 2024");
  g_assert_nonnull (hallway_subscription_get_conference (by_path));

  g_assert_null (add (fixture->library, missing, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  assert_message_starts_with (error, missing_uri);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->library)), ==, 1);
}

/* ---- removing ------------------------------------------------------------------------ */

/* A state file of the conference where the app keeps it, as the reminder service and the
 * agenda exporter write it (the content does not matter here). */
static GFile *
write_state_file (const char *folder, const char *prefix, const char *id)
{
  g_autofree char *name = g_strconcat (prefix, id, ".json", NULL);
  g_autofree char *parent = g_build_filename (folder, APP_FOLDER, NULL);
  g_autofree char *path = g_build_filename (parent, name, NULL);

  g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, "{ \"version\": 1 }\n", -1, NULL));
  return g_file_new_for_path (path);
}

static void
test_remove (Fixture *fixture, gconstpointer data)
{
  gboolean delete_bookmarks = GPOINTER_TO_INT (data);
  g_autofree char *url = serve (fixture, "/fosdem-2026.xml", FOSDEM_2026);
  g_autofree char *id = NULL;
  g_autofree char *key = NULL;
  g_autoptr (HallwaySubscription) subscription = NULL;
  g_autoptr (HallwaySubscription) again = NULL;
  g_autoptr (GFile) bookmarks = NULL;
  g_autoptr (GFile) cache_folder = NULL;
  g_autoptr (GFile) reminders = NULL;
  g_autoptr (GFile) sequences = NULL;
  g_autoptr (GFile) reminders_elsewhere = NULL;
  g_autoptr (GFile) sequences_elsewhere = NULL;
  g_autoptr (JsonObject) root = NULL;
  g_autoptr (GError) error = NULL;

  id = hallway_location_dup_id (url);
  load_ok (fixture->library);
  subscription = add_ok (fixture->library, url);
  hallway_library_set_current (fixture->library, subscription);
  key = bookmark_and_save (subscription, 10);
  bookmarks = bookmarks_file_of (fixture->library, subscription);
  cache_folder = g_object_ref (cache_folder_of (subscription));
  reminders = write_state_file (g_get_user_state_dir (), "reminders-", id);
  sequences = write_state_file (g_get_user_data_dir (), "exports-", id);
  /* Another conference's: never touched. */
  reminders_elsewhere = write_state_file (g_get_user_state_dir (), "reminders-", "other");
  sequences_elsewhere = write_state_file (g_get_user_data_dir (), "exports-", "other");
  g_assert_true (file_exists (bookmarks));
  g_assert_true (file_exists (cache_folder));

  g_assert_true (hallway_library_remove (fixture->library, id, delete_bookmarks, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->library)), ==, 0);
  g_assert_null (hallway_library_lookup (fixture->library, id));
  g_assert_null (hallway_library_get_current (fixture->library));
  g_assert_true (file_exists (bookmarks) == !delete_bookmarks);
  g_assert_true (file_exists (cache_folder) == !delete_bookmarks);
  /* Its reminder state and export sequences go with the bookmarks, or stay with them (a
   * re-export then updates the calendar's copies of the talks). */
  g_assert_true (file_exists (reminders) == !delete_bookmarks);
  g_assert_true (file_exists (sequences) == !delete_bookmarks);
  g_assert_true (file_exists (reminders_elsewhere));
  g_assert_true (file_exists (sequences_elsewhere));
  flush (fixture->library);
  root = read_library_json ();
  g_assert_cmpuint (json_array_get_length (stored_conferences (root)), ==, 0);
  g_assert_false (json_object_has_member (root, "current"));

  g_assert_false (hallway_library_remove (fixture->library, id, delete_bookmarks, &error));
  g_assert_error (error, HALLWAY_LIBRARY_ERROR, HALLWAY_LIBRARY_ERROR_UNKNOWN);
  assert_message_contains (error, id);

  /* Added again: the same id, and the kept bookmarks come back. */
  again = add_ok (fixture->library, url);
  g_assert_true (again != subscription);
  g_assert_nonnull (hallway_library_lookup (fixture->library, id));
  if (delete_bookmarks)
    g_assert_cmpuint (hallway_bookmarks_get_n_items (hallway_subscription_get_bookmarks (again)),
                      ==, 0);
  else
    assert_only_bookmark (again, key);
}

/* ---- the same conference followed twice ---------------------------------------------- */

/* FOSDEM 2026 followed from a downloaded file, then by URL: the two are known as one
 * conference, and replacing the file's moves its bookmarks to the URL's. */
static void
test_same_conference_file_then_url (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = schedule_file (FOSDEM_2026);
  g_autofree char *url = serve (fixture, "/fosdem-2026.xml", FOSDEM_2026);
  g_autofree char *other_url = serve (fixture, "/fosdem-2024.xml", SMALL_SCHEDULE);
  g_autoptr (GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  g_autofree char *host = g_strdup_printf ("127.0.0.1:%d", g_uri_get_port (uri));
  g_autofree char *file_label = hallway_location_dup_source_label (path);
  g_autofree char *web_label = hallway_location_dup_source_label (url);
  g_autofree char *key = NULL;
  g_autofree char *file_id = NULL;
  g_autofree char *web_id = NULL;
  g_autoptr (HallwaySubscription) from_file = NULL;
  g_autoptr (HallwaySubscription) from_web = NULL;
  g_autoptr (HallwaySubscription) other = NULL;
  g_autoptr (GFile) file_bookmarks = NULL;
  g_autoptr (GError) error = NULL;
  HallwayLibraryEntry *file_entry, *web_entry, *other_entry;
  HallwayBookmarks *moved;

  load_ok (fixture->library);
  from_file = add_ok (fixture->library, path);
  key = bookmark_and_save (from_file, 10);
  hallway_bookmarks_set_backup (hallway_subscription_get_bookmarks (from_file), key, TRUE);
  hallway_bookmarks_set_track_hidden (hallway_subscription_get_bookmarks (from_file), "Go", TRUE);
  from_web = add_ok (fixture->library, url);
  other = add_ok (fixture->library, other_url);
  file_entry = hallway_library_lookup_subscription (fixture->library, from_file);
  web_entry = hallway_library_lookup_subscription (fixture->library, from_web);
  other_entry = hallway_library_lookup_subscription (fixture->library, other);
  file_id = g_strdup (hallway_library_entry_get_id (file_entry));
  web_id = g_strdup (hallway_library_entry_get_id (web_entry));
  file_bookmarks = bookmarks_file_of (fixture->library, from_file);

  /* Where each comes from, as the switcher says it. */
  g_assert_cmpstr (file_label, ==, "File: FOSDEM 2026.xml");
  g_assert_cmpstr (web_label, ==, host);

  /* The URL's is the file's conference; another conference, or the file's itself, is not. */
  g_assert_true (hallway_conference_is_same_as (conference_of (file_entry),
                                                conference_of (web_entry)));
  g_assert_false (hallway_conference_is_same_as (conference_of (file_entry),
                                                 conference_of (other_entry)));
  g_assert_true (hallway_library_find_file_twin (fixture->library, web_entry) == file_entry);
  g_assert_null (hallway_library_find_file_twin (fixture->library, file_entry));
  g_assert_null (hallway_library_find_file_twin (fixture->library, other_entry));

  g_assert_true (hallway_library_replace (fixture->library, file_id, web_id, &error));
  g_assert_no_error (error);
  g_assert_null (hallway_library_lookup (fixture->library, file_id));
  g_assert_true (hallway_library_lookup (fixture->library, web_id) == web_entry);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->library)), ==, 2);
  assert_only_bookmark (from_web, key);
  moved = hallway_subscription_get_bookmarks (from_web);
  g_assert_true (hallway_bookmarks_is_backup (moved, key));
  g_assert_true (hallway_bookmarks_is_track_hidden (moved, "Go"));
  /* Saved, and the file's own bookmarks stay on disk, as Remove keeps them. */
  g_clear_object (&from_web);
  from_web = add_ok (fixture->library, url);
  assert_only_bookmark (from_web, key);
  g_assert_true (file_exists (file_bookmarks));

  g_assert_false (hallway_library_replace (fixture->library, file_id, web_id, &error));
  g_assert_error (error, HALLWAY_LIBRARY_ERROR, HALLWAY_LIBRARY_ERROR_UNKNOWN);
  assert_message_contains (error, file_id);
}

/* ---- side by side -------------------------------------------------------------------- */

static void
assert_fetcher (HallwaySubscription *subscription, HallwayFetcher *expected)
{
  g_autoptr (HallwayFetcher) fetcher = NULL;

  g_object_get (subscription, "fetcher", &fetcher, NULL);
  g_assert_true (fetcher == expected);
}

static void
test_side_by_side (Fixture *fixture, gconstpointer data)
{
  g_autofree char *url_a = serve (fixture, "/a/schedule.xml", FOSDEM_2026);
  g_autofree char *url_b = serve (fixture, "/b/schedule.xml", SMALL_SCHEDULE);
  g_autofree char *key_a = NULL;
  g_autofree char *key_b = NULL;
  g_autoptr (HallwaySubscription) a = NULL;
  g_autoptr (HallwaySubscription) b = NULL;
  g_autoptr (GFile) bookmarks_a = NULL;
  g_autoptr (GFile) bookmarks_b = NULL;
  g_autoptr (HallwayFetcher) fetcher = NULL;
  g_autoptr (HallwayLibrary) again = NULL;
  HallwayLibraryEntry *entry_a;
  HallwayLibraryEntry *entry_b;

  load_ok (fixture->library);
  a = add_ok (fixture->library, url_a);
  b = add_ok (fixture->library, url_b);
  g_assert_true (a != b);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->library)), ==, 2);

  key_a = bookmark_and_save (a, 0);
  key_b = bookmark_and_save (b, 0);
  g_assert_cmpstr (key_a, !=, key_b);
  bookmarks_a = bookmarks_file_of (fixture->library, a);
  bookmarks_b = bookmarks_file_of (fixture->library, b);
  g_assert_false (g_file_equal (bookmarks_a, bookmarks_b));
  g_assert_false (g_file_equal (cache_folder_of (a), cache_folder_of (b)));
  assert_only_bookmark (a, key_a);
  assert_only_bookmark (b, key_b);
  /* One fetcher, the library's, for every conference. */
  g_assert_true (hallway_library_get_fetcher (fixture->library) == fixture->fetcher);
  assert_fetcher (a, fixture->fetcher);
  assert_fetcher (b, fixture->fetcher);

  /* Another start, offline: both, in order, each with its own bookmarks. */
  g_clear_pointer (&fixture->server, sync_server_stop);
  fetcher = new_fetcher ();
  again = hallway_library_new (fetcher);
  load_ok (again);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (again)), ==, 2);
  entry_a = entry_at (G_LIST_MODEL (again), 0);
  entry_b = entry_at (G_LIST_MODEL (again), 1);
  g_assert_cmpstr (hallway_library_entry_get_title (entry_a), ==, "FOSDEM 2026");
  g_assert_cmpstr (hallway_library_entry_get_title (entry_b), ==, "FOSDEM 2024");
  g_assert_nonnull (conference_of (entry_a));
  g_assert_nonnull (conference_of (entry_b));
  assert_only_bookmark (hallway_library_entry_get_subscription (entry_a), key_a);
  assert_only_bookmark (hallway_library_entry_get_subscription (entry_b), key_b);
  assert_fetcher (hallway_library_entry_get_subscription (entry_a), fetcher);
  assert_fetcher (hallway_library_entry_get_subscription (entry_b), fetcher);
}

/* ---- the current conference ---------------------------------------------------------- */

static void
notify_counter_cb (GObject *object, GParamSpec *pspec, guint *counter)
{
  (*counter)++;
}

static void
test_current (Fixture *fixture, gconstpointer data)
{
  g_autofree char *url_a = serve (fixture, "/a/schedule.xml", SMALL_SCHEDULE);
  g_autofree char *url_b = serve (fixture, "/b/schedule.xml", SMALL_SCHEDULE);
  g_autofree char *id_b = NULL;
  g_autoptr (HallwaySubscription) a = NULL;
  g_autoptr (HallwaySubscription) b = NULL;
  g_autoptr (HallwayLibrary) again = NULL;
  g_autoptr (JsonObject) root = NULL;
  g_autoptr (GError) error = NULL;
  HallwaySubscription *current;
  guint notified = 0;

  id_b = hallway_location_dup_id (url_b);
  load_ok (fixture->library);
  a = add_ok (fixture->library, url_a);
  b = add_ok (fixture->library, url_b);
  g_assert_null (hallway_library_get_current (fixture->library));
  g_signal_connect (fixture->library, "notify::current", G_CALLBACK (notify_counter_cb),
                    &notified);

  hallway_library_set_current (fixture->library, b);
  hallway_library_set_current (fixture->library, b);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_true (hallway_library_get_current (fixture->library) == b);
  flush (fixture->library);
  root = read_library_json ();
  g_assert_cmpstr (json_object_get_string_member (root, "current"), ==, id_b);

  /* The next start reopens it. */
  again = hallway_library_new (fixture->fetcher);
  load_ok (again);
  current = hallway_library_get_current (again);
  g_assert_nonnull (current);
  g_assert_cmpstr (hallway_subscription_get_uri (current), ==, url_b);
  g_assert_true (hallway_library_lookup_subscription (again, current) ==
                 hallway_library_lookup (again, id_b));
  g_clear_object (&again);

  g_assert_true (hallway_library_remove (fixture->library, id_b, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (notified, ==, 2);
  g_assert_null (hallway_library_get_current (fixture->library));
}

/* ---- library.json that cannot be used ------------------------------------------------ */

static void
test_file_corrupt (Fixture *fixture, gconstpointer data)
{
  const char *contents = data;
  g_autofree char *path = library_path ();
  g_autofree char *aside = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *url = serve (fixture, "/schedule.xml", SMALL_SCHEDULE);
  g_autoptr (HallwaySubscription) subscription = NULL;
  g_autoptr (JsonObject) root = NULL;
  g_autoptr (GError) error = NULL;

  hallway_test_write_text (path, contents, -1);

  g_assert_false (load (fixture->library, &error));
  g_assert_error (error, HALLWAY_LIBRARY_ERROR, HALLWAY_LIBRARY_ERROR_CORRUPT);
  aside = hallway_test_find_set_aside (path);
  assert_message_contains (error, path);
  assert_message_contains (error, aside);
  assert_message_contains (error, "damaged");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->library)), ==, 0);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  kept = read_text (aside);
  g_assert_cmpstr (kept, ==, contents);

  /* The library works again from an empty list. */
  subscription = add_ok (fixture->library, url);
  root = read_library_json ();
  g_assert_cmpuint (json_array_get_length (stored_conferences (root)), ==, 1);
}

#define NEWER_LIBRARY "{ \"version\": 2, \"conferences\": [], \"shelves\": [] }\n"

static void
test_file_newer (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = library_path ();
  g_autofree char *url = sync_server_uri (fixture->server, "/schedule.xml");
  g_autoptr (GPtrArray) set_aside = NULL;
  g_autofree char *kept = NULL;
  g_autoptr (GError) error = NULL;

  hallway_test_write_text (path, NEWER_LIBRARY, -1);

  g_assert_false (load (fixture->library, &error));
  g_assert_error (error, HALLWAY_LIBRARY_ERROR, HALLWAY_LIBRARY_ERROR_NEWER_VERSION);
  assert_message_contains (error, path);
  assert_message_contains (error, "newer version");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->library)), ==, 0);
  g_clear_error (&error);

  /* Refused before any fetch, and the file stays as the newer Hallway wrote it. */
  g_assert_null (add (fixture->library, url, &error));
  g_assert_error (error, HALLWAY_LIBRARY_ERROR, HALLWAY_LIBRARY_ERROR_NEWER_VERSION);
  assert_message_starts_with (error, url);
  assert_message_contains (error, "newer version");
  g_assert_cmpuint (sync_server_get_hits (fixture->server, "/schedule.xml"), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->library)), ==, 0);
  kept = read_text (path);
  g_assert_cmpstr (kept, ==, NEWER_LIBRARY);
  set_aside = hallway_test_list_set_aside (path);
  g_assert_cmpuint (set_aside->len, ==, 0);
}

/* A newer Hallway writes the file while this one runs: its write is refused, and kept. */
static void
test_file_newer_meanwhile (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = library_path ();
  g_autofree char *url = serve (fixture, "/schedule.xml", SMALL_SCHEDULE);
  g_autofree char *kept = NULL;
  g_autoptr (HallwaySubscription) subscription = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  HallwayLibraryEntry *entry;

  load_ok (fixture->library);
  subscription = add_ok (fixture->library, url);
  hallway_test_write_text (path, NEWER_LIBRARY, -1);

  hallway_library_set_current (fixture->library, subscription);
  hallway_library_save_async (fixture->library, NULL, hallway_test_store_result_cb, &result);
  g_assert_false (
    hallway_library_save_finish (fixture->library, hallway_test_wait (&result), &error));
  g_assert_error (error, HALLWAY_LIBRARY_ERROR, HALLWAY_LIBRARY_ERROR_NEWER_VERSION);
  g_assert_cmpstr (hallway_library_get_last_error (fixture->library), ==, error->message);
  kept = read_text (path);
  g_assert_cmpstr (kept, ==, NEWER_LIBRARY);
  g_clear_error (&error);

  entry = entry_at (G_LIST_MODEL (fixture->library), 0);
  g_assert_false (hallway_library_remove (fixture->library, hallway_library_entry_get_id (entry),
                                          FALSE, &error));
  g_assert_error (error, HALLWAY_LIBRARY_ERROR, HALLWAY_LIBRARY_ERROR_NEWER_VERSION);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->library)), ==, 1);
}

/* ---- the desktop's search ------------------------------------------------------------ */

#define ALLOCATORS "c0ffee00-desktop-search-0101"
#define INDEXES "c0ffee00-desktop-search-0102"
#define GARDENING "c0ffee00-desktop-search-0201"

/* tests/data/desktop-search.xml followed from a copy named `name`. */
static HallwayLibraryEntry *
follow_search_fixture (HallwayLibrary *library, const char *name)
{
  g_autoptr (GBytes) schedule = hallway_test_read_fixture_bytes ("desktop-search.xml");
  g_autofree char *path = g_build_filename (g_get_user_config_dir (), name, NULL);
  g_autoptr (HallwaySubscription) subscription = NULL;

  hallway_test_write_text (path, g_bytes_get_data (schedule, NULL),
                           (gssize) g_bytes_get_size (schedule));
  subscription = add_ok (library, path);
  return hallway_library_lookup_subscription (library, subscription);
}

static void
assert_found (HallwayLibrary *library, const char *query, const char * const *expected)
{
  const char *terms[] = { query, NULL };
  g_auto (GStrv) found = hallway_desktop_search_find (library, terms);

  g_assert_cmpstrv (found, expected);
}

/* Results of two followed conferences, in library then schedule order, with ids that name
 * the conference and the talk and stop naming anything once the conference is removed. */
static void
test_desktop_search (Fixture *fixture, gconstpointer data)
{
  HallwayLibraryEntry *first, *second, *entry = NULL;
  const char *first_id, *second_id;
  g_autofree char *a_allocators = NULL, *a_gardening = NULL, *a_indexes = NULL;
  g_autofree char *b_allocators = NULL, *b_gardening = NULL, *b_indexes = NULL;
  g_autofree char *description = NULL;
  HallwayTalk *talk;

  load_ok (fixture->library);
  first = follow_search_fixture (fixture->library, "first.xml");
  second = follow_search_fixture (fixture->library, "second.xml");
  first_id = hallway_library_entry_get_id (first);
  second_id = hallway_library_entry_get_id (second);
  a_allocators = g_strconcat (first_id, "/" ALLOCATORS, NULL);
  a_indexes = g_strconcat (first_id, "/" INDEXES, NULL);
  a_gardening = g_strconcat (first_id, "/" GARDENING, NULL);
  b_allocators = g_strconcat (second_id, "/" ALLOCATORS, NULL);
  b_indexes = g_strconcat (second_id, "/" INDEXES, NULL);
  b_gardening = g_strconcat (second_id, "/" GARDENING, NULL);

  assert_found (fixture->library, "TIMOTHEE",
                (const char *[]) { a_allocators, b_allocators, NULL });
  assert_found (fixture->library, "janson",
                (const char *[]) { a_allocators, a_gardening, b_allocators, b_gardening, NULL });
  assert_found (fixture->library, "STRASSE databases",
                (const char *[]) { a_indexes, b_indexes, NULL });
  assert_found (fixture->library, " ", (const char *[]) { NULL });
  /* Names only: a word of an abstract lists nothing in the shell (the window's search finds
   * it), and no abstract was parsed on the way. */
  assert_found (fixture->library, "planner", (const char *[]) { NULL });
  talk = hallway_desktop_search_lookup (fixture->library, a_indexes, NULL);
  g_assert_false (hallway_search_talk_is_prepared (talk));
  g_assert_true (hallway_search_talk_matches (talk, (const char *[]) { "planner", NULL }));

  {
    const char *previous[] = { a_allocators, a_gardening, b_allocators, NULL };
    const char *terms[] = { "janson", "gtk", NULL };
    g_auto (GStrv) refined = hallway_desktop_search_refine (fixture->library, previous, terms);

    g_assert_cmpstrv (refined, ((const char *[]) { a_gardening, NULL }));
  }

  talk = hallway_desktop_search_lookup (fixture->library, a_allocators, &entry);
  g_assert_nonnull (talk);
  g_assert_true (entry == first);
  g_assert_cmpstr (hallway_talk_get_title (talk), ==, "Allocators Without Tears");
  description = hallway_desktop_search_describe (entry, talk, FALSE);
  g_assert_cmpstr (description, ==, "Sat 1 Feb, 10:30–10:55 · Janson");
  g_assert_null (hallway_desktop_search_lookup (fixture->library, "no-separator", NULL));
  g_assert_null (hallway_desktop_search_lookup (fixture->library, "nobody/" ALLOCATORS, NULL));

  g_assert_true (hallway_library_remove (fixture->library, second_id, FALSE, NULL));
  g_assert_null (hallway_desktop_search_lookup (fixture->library, b_allocators, NULL));
  assert_found (fixture->library, "janson",
                (const char *[]) { a_allocators, a_gardening, NULL });
}

/* ---- main ---------------------------------------------------------------------------- */

static void
add_test (const char *path, gconstpointer data, void (*func) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down);
}

int
main (int argc, char *argv[])
{
  hallway_test_init (&argc, &argv, HALLWAY_TEST_ISOLATE_DIRS | HALLWAY_TEST_NO_PROXY);

  g_test_add_func ("/library/ids", test_ids);
  g_test_add_func ("/library/state-paths", test_state_paths);
  add_test ("/library/catalogue/builtin", NULL, test_catalogue_builtin);
  add_test ("/library/catalogue/system", NULL, test_catalogue_system);
  add_test ("/library/catalogue/system-with-builtin", GINT_TO_POINTER (1), test_catalogue_system);
  add_test ("/library/catalogue/invalid", NULL, test_catalogue_invalid);
  add_test ("/library/catalogue/extension", NULL, test_catalogue_extension);
  add_test ("/library/catalogue/url", NULL, test_catalogue_url);
  add_test ("/library/catalogue/url-unreachable", NULL, test_catalogue_url_unreachable);
  add_test ("/library/add/url-then-offline", NULL, test_add_url);
  add_test ("/library/add/failure/404", &failure_404, test_add_failure);
  add_test ("/library/add/failure/html-page", &failure_html, test_add_failure);
  add_test ("/library/add/duplicate", NULL, test_add_duplicate);
  add_test ("/library/add/local-file", NULL, test_add_local_file);
  add_test ("/library/add/neither-web-nor-file", NULL, test_add_neither_web_nor_file);
  add_test ("/library/remove/keep-bookmarks", GINT_TO_POINTER (FALSE), test_remove);
  add_test ("/library/remove/delete-bookmarks", GINT_TO_POINTER (TRUE), test_remove);
  add_test ("/library/same-conference/file-then-url", NULL, test_same_conference_file_then_url);
  add_test ("/library/side-by-side", NULL, test_side_by_side);
  add_test ("/library/current", NULL, test_current);
  add_test ("/library/desktop-search", NULL, test_desktop_search);
  add_test ("/library/file/corrupt/not-json", "{ \"version\": 1, \"conferences\": [",
            test_file_corrupt);
  add_test ("/library/file/corrupt/two-values", "{}{}", test_file_corrupt);
  add_test ("/library/file/corrupt/array-then-object", "[]{}", test_file_corrupt);
  add_test ("/library/file/corrupt/no-version", "{ \"conferences\": [] }", test_file_corrupt);
  add_test ("/library/file/newer", NULL, test_file_newer);
  add_test ("/library/file/newer-meanwhile", NULL, test_file_newer_meanwhile);

  return g_test_run ();
}
