/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include "hallway-library.h"
#include "hallway-paths.h"
#include "hallway-test-utils.h"
#include "hallway-schedule-cache.h"

/* The released app's folder: moving it would lose every user's bookmarks. */
#define RELEASE_FOLDER "io.github.hallway_app.Hallway"
#define ID "0123456789ab"
#define URL "https://fosdem.org/2027/schedule/xml"

/* The data folder the first test case saw, for the next one to compare. */
static char *first_data_folder;

static void
assert_path (GFile *file, const char *expected)
{
  g_assert_nonnull (file);
  g_assert_cmpstr (g_file_peek_path (file), ==, expected);
  g_object_unref (file);
}

static void
test_profile_folders (void)
{
  const char *release = hallway_paths_folder_for_profile ("default");
  const char *development = hallway_paths_folder_for_profile ("development");

  g_assert_cmpstr (release, ==, RELEASE_FOLDER);
  g_assert_cmpstr (development, ==, RELEASE_FOLDER ".Devel");
  g_assert_cmpstr (development, !=, release);
  g_assert_null (hallway_paths_folder_for_profile ("nightly"));
  /* Each build's folder is named after its app id, as its Flatpak sandbox is. */
  g_assert_cmpstr (hallway_paths_get_folder_name (), ==, APP_ID);
  g_assert_cmpstr (hallway_paths_get_folder_name (), ==,
                   hallway_paths_folder_for_profile (PROFILE));
  if (DEVELOPMENT_BUILD)
    g_assert_cmpstr (hallway_paths_get_folder_name (), !=, RELEASE_FOLDER);
}

/* Spelled out here, not built with the module: this is the layout on users' disks. */
static void
test_paths_in_xdg_home (void)
{
  const char *folder = hallway_paths_get_folder_name ();
  g_autofree char *data = g_build_filename (g_get_user_data_dir (), folder, NULL);
  g_autofree char *cache = g_build_filename (g_get_user_cache_dir (), folder, NULL);
  g_autofree char *state = g_build_filename (g_get_user_state_dir (), folder, NULL);
  g_autofree char *library = g_build_filename (data, "library.json", NULL);
  g_autofree char *bookmarks = g_build_filename (data, "bookmarks", NULL);
  g_autofree char *bookmarks_file = g_build_filename (bookmarks, ID ".json", NULL);
  g_autofree char *reminders = g_build_filename (state, "reminders-" ID ".json", NULL);
  g_autofree char *exports = g_build_filename (data, "exports-" ID ".json", NULL);
  g_autofree char *digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, URL, -1);
  g_autofree char *schedule = g_build_filename (cache, "schedules", digest, NULL);

  /* The throwaway home of G_TEST_OPTION_ISOLATE_DIRS, never the user's. */
  g_assert_true (g_str_has_prefix (g_get_user_data_dir (), g_get_tmp_dir ()));

  assert_path (hallway_paths_dup_data_folder (), data);
  assert_path (hallway_paths_dup_cache_folder (), cache);
  assert_path (hallway_paths_dup_state_folder (), state);
  assert_path (hallway_paths_dup_library_file (), library);
  assert_path (hallway_paths_dup_bookmarks_folder (), bookmarks);
  assert_path (hallway_paths_dup_bookmarks_file (ID), bookmarks_file);
  assert_path (hallway_paths_dup_reminders_file (ID), reminders);
  assert_path (hallway_paths_dup_exports_file (ID), exports);
  assert_path (hallway_paths_dup_schedule_cache_folder (URL), schedule);
  first_data_folder = g_steal_pointer (&data);
}

/* Each test case gets its own isolated home (G_TEST_OPTION_ISOLATE_DIRS): the module must
 * ask for the folders every time, never keep the first ones. */
static void
test_paths_follow_xdg_home (void)
{
  g_autoptr (GFile) data = hallway_paths_dup_data_folder ();

  if (first_data_folder == NULL)
    {
      g_test_skip ("needs /paths/in-xdg-home to run first");
      return;
    }
  g_assert_cmpstr (g_file_peek_path (data), !=, first_data_folder);
  g_assert_true (g_str_has_prefix (g_file_peek_path (data), g_get_user_data_dir ()));
}

/* A conference's entry, the library and the schedule cache ask the module: one layout, not
 * two. */
static void
test_users_agree (void)
{
  g_autoptr (HallwayFetcher) fetcher = hallway_fetcher_new ();
  g_autoptr (HallwayLibrary) library = hallway_library_new (fetcher);
  g_autoptr (HallwayConference) demo = hallway_test_read_demo ();
  g_autoptr (HallwayLibraryEntry) entry = hallway_library_entry_new_builtin (ID, demo);
  g_autoptr (HallwayScheduleCache) cache = hallway_schedule_cache_new (URL);
  g_autoptr (GFile) bookmarks = hallway_library_entry_dup_bookmarks_file (entry);
  g_autoptr (GFile) reminders = hallway_library_entry_dup_reminders_file (entry);
  g_autoptr (GFile) exports = hallway_library_entry_dup_export_sequences_file (entry);
  g_autoptr (GFile) expected_library = hallway_paths_dup_library_file ();
  g_autoptr (GFile) expected_bookmarks = hallway_paths_dup_bookmarks_file (ID);
  g_autoptr (GFile) expected_reminders = hallway_paths_dup_reminders_file (ID);
  g_autoptr (GFile) expected_exports = hallway_paths_dup_exports_file (ID);
  g_autoptr (GFile) expected_cache = hallway_paths_dup_schedule_cache_folder (URL);

  g_assert_true (g_file_equal (hallway_library_get_file (library), expected_library));
  g_assert_true (g_file_equal (bookmarks, expected_bookmarks));
  g_assert_true (g_file_equal (reminders, expected_reminders));
  g_assert_true (g_file_equal (exports, expected_exports));
  g_assert_true (g_file_equal (hallway_schedule_cache_get_folder (cache), expected_cache));
}

/* An id becomes a file name: one that would leave the folder is a programming error. */
static void
test_id_stays_in_folder (void)
{
  const char *bad[] = { "", ".", "..", "../library", "a/b" };

  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_test_expect_message ("hallway-paths", G_LOG_LEVEL_CRITICAL, "*is_file_name_part*");
      g_assert_null (hallway_paths_dup_bookmarks_file (bad[i]));
      g_test_expect_message ("hallway-paths", G_LOG_LEVEL_CRITICAL, "*is_file_name_part*");
      g_assert_null (hallway_paths_dup_reminders_file (bad[i]));
      g_test_expect_message ("hallway-paths", G_LOG_LEVEL_CRITICAL, "*is_file_name_part*");
      g_assert_null (hallway_paths_dup_exports_file (bad[i]));
      g_test_assert_expected_messages ();
    }
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/paths/profile-folders", test_profile_folders);
  g_test_add_func ("/paths/in-xdg-home", test_paths_in_xdg_home);
  g_test_add_func ("/paths/follow-xdg-home", test_paths_follow_xdg_home);
  g_test_add_func ("/paths/users-agree", test_users_agree);
  g_test_add_func ("/paths/id-stays-in-folder", test_id_stays_in_folder);
  status = g_test_run ();
  g_free (first_data_folder);
  return status;
}
