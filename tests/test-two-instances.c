/* SPDX-License-Identifier: EUPL-1.2 */
/* Two Hallways on one data folder (two sessions on one home, the stable and the development
 * build): each save merges this instance's changes into the file as it is now, so neither
 * loses what the other saved. Two objects on one file in this process, then two processes. */
#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "hallway-bookmarks.h"
#include "hallway-conference-private.h"
#include "hallway-talk-private.h"
#include "hallway-library.h"
#include "hallway-subscription.h"
#include "hallway-test-bookmarks.h"
#include "hallway-test-server.h"
#include "hallway-test-talks.h"
#include "hallway-test-utils.h"

#define T(h) "2027-02-06T" h ":00+01:00"
#define APP_FOLDER "io.github.hallway_app.Hallway"

/* This binary, started again as a helper process that adds bookmarks. */
static char *self_path;

static const HallwayTestTalk talks[] = {
  { "x", "Talk X", T ("09:00"), 30, "Janson" },
  { "y", "Talk Y", T ("10:00"), 30, "K.1.105" },
  { "z", "Talk Z", T ("11:00"), 30, "H.2215" },
  { "w", "Talk W", T ("12:00"), 30, "H.2215" },
};

static GFile *
bookmarks_file (const char *name)
{
  return hallway_test_bookmarks_file (APP_FOLDER, name);
}

static void
count_changed (HallwayBookmarks *bookmarks, guint *count)
{
  (*count)++;
}

/* ---- two objects on one file ---------------------------------------------------------- */

/* A bookmarks x, B (loaded before A's save) bookmarks y: both survive, and B shows x too. */
static void
test_bookmarks_adds_from_both_kept (void)
{
  g_autoptr (HallwayConference) conference =
    hallway_test_build_version (talks, G_N_ELEMENTS (talks));
  g_autoptr (GFile) file = bookmarks_file ("adds.json");
  g_autoptr (HallwayBookmarks) a = hallway_test_load_bookmarks (file);
  g_autoptr (HallwayBookmarks) b = hallway_test_load_bookmarks (file);
  const char *both[] = { "x", "y", NULL };
  guint b_changed = 0;

  hallway_bookmarks_add (a, hallway_conference_lookup_talk (conference, "x"));
  hallway_test_save_bookmarks (a);
  hallway_bookmarks_add (b, hallway_conference_lookup_talk (conference, "y"));
  g_signal_connect (b, "changed", G_CALLBACK (count_changed), &b_changed);
  hallway_test_save_bookmarks_async (b);

  hallway_test_assert_keys_on_disk (file, both);
  hallway_test_assert_keys (b, both);
  g_assert_cmpuint (b_changed, ==, 1);
  g_assert_true (hallway_bookmarks_contains (b, "x"));
  g_assert_false (hallway_bookmarks_is_cancelled (b, "x"));

  /* A learns of y at its next save, even with nothing of its own to add. */
  hallway_test_save_bookmarks (a);
  hallway_test_assert_keys (a, both);
  hallway_test_assert_keys_on_disk (file, both);
}

/* A removes x; B, which still has x in memory, saves another change: x stays removed. */
static void
test_bookmarks_removal_survives_other_save (void)
{
  g_autoptr (HallwayConference) conference =
    hallway_test_build_version (talks, G_N_ELEMENTS (talks));
  g_autoptr (GFile) file = bookmarks_file ("removal.json");
  g_autoptr (HallwayBookmarks) first = hallway_bookmarks_new (file);
  g_autoptr (HallwayBookmarks) a = NULL;
  g_autoptr (HallwayBookmarks) b = NULL;
  const char *after[] = { "y", "z", NULL };

  hallway_bookmarks_add (first, hallway_conference_lookup_talk (conference, "x"));
  hallway_bookmarks_add (first, hallway_conference_lookup_talk (conference, "y"));
  hallway_test_save_bookmarks (first);
  a = hallway_test_load_bookmarks (file);
  b = hallway_test_load_bookmarks (file);

  hallway_bookmarks_remove (a, "x");
  hallway_test_save_bookmarks_async (a);
  g_assert_true (hallway_bookmarks_contains (b, "x"));
  hallway_bookmarks_add (b, hallway_conference_lookup_talk (conference, "z"));
  hallway_test_save_bookmarks (b);

  hallway_test_assert_keys_on_disk (file, after);
  hallway_test_assert_keys (b, after);
  hallway_test_save_bookmarks (a);
  hallway_test_assert_keys (a, after);
}

/* Backup picks and hidden tracks are merged key by key and track by track too. */
static void
test_bookmarks_backup_and_tracks_merged (void)
{
  g_autoptr (HallwayConference) conference =
    hallway_test_build_version (talks, G_N_ELEMENTS (talks));
  g_autoptr (GFile) file = bookmarks_file ("details.json");
  g_autoptr (HallwayBookmarks) first = hallway_bookmarks_new (file);
  g_autoptr (HallwayBookmarks) a = NULL;
  g_autoptr (HallwayBookmarks) b = NULL;
  g_autoptr (HallwayBookmarks) fresh = NULL;

  hallway_bookmarks_add (first, hallway_conference_lookup_talk (conference, "x"));
  hallway_bookmarks_add (first, hallway_conference_lookup_talk (conference, "y"));
  hallway_bookmarks_set_track_hidden (first, "Old track", TRUE);
  hallway_test_save_bookmarks (first);
  a = hallway_test_load_bookmarks (file);
  b = hallway_test_load_bookmarks (file);

  hallway_bookmarks_set_backup (a, "x", TRUE);
  hallway_bookmarks_set_track_hidden (a, "Lightning", TRUE);
  hallway_test_save_bookmarks (a);
  hallway_bookmarks_set_backup (b, "y", TRUE);
  hallway_bookmarks_set_track_hidden (b, "Old track", FALSE);
  hallway_test_save_bookmarks (b);

  fresh = hallway_test_load_bookmarks (file);
  for (guint i = 0; i < 2; i++)
    {
      HallwayBookmarks *seen = i == 0 ? fresh : b;

      g_assert_true (hallway_bookmarks_is_backup (seen, "x"));
      g_assert_true (hallway_bookmarks_is_backup (seen, "y"));
      g_assert_true (hallway_bookmarks_is_track_hidden (seen, "Lightning"));
      g_assert_false (hallway_bookmarks_is_track_hidden (seen, "Old track"));
      g_assert_cmpuint (g_hash_table_size (hallway_bookmarks_get_hidden_tracks (seen)), ==, 1);
    }
}

/* The file became a newer format after this instance loaded it: the save is refused with
 * a message naming the file, and the newer file is left as it was. */
static void
test_bookmarks_newer_file_since_load_refused (void)
{
  g_autoptr (HallwayConference) conference =
    hallway_test_build_version (talks, G_N_ELEMENTS (talks));
  g_autoptr (GFile) file = bookmarks_file ("newer.json");
  g_autofree char *path = g_file_get_path (file);
  g_autoptr (HallwayBookmarks) a = hallway_test_load_bookmarks (file);
  const char *newer = "{\"version\": 7, \"bookmarks\": [], \"sessions\": {}}";
  g_autofree char *kept = NULL;
  g_autoptr (GError) error = NULL;

  hallway_bookmarks_add (a, hallway_conference_lookup_talk (conference, "x"));
  hallway_test_save_bookmarks (a);
  g_assert_true (g_file_set_contents (path, newer, -1, &error));
  hallway_bookmarks_add (a, hallway_conference_lookup_talk (conference, "y"));
  g_assert_false (hallway_bookmarks_save (a, NULL, &error));
  g_assert_error (error, HALLWAY_BOOKMARKS_ERROR, HALLWAY_BOOKMARKS_ERROR_NEWER_VERSION);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_true (g_file_get_contents (path, &kept, NULL, NULL));
  g_assert_cmpstr (kept, ==, newer);
  /* What this instance holds is not thrown away. */
  g_assert_true (hallway_bookmarks_contains (a, "y"));
}

/* The file was damaged by another program after this instance loaded it: the save is
 * refused and the damaged bytes are left for the next start to set aside, not overwritten
 * with this instance's copy (which would lose whatever the other side had saved). */
static void
test_bookmarks_damaged_file_since_load_refused (void)
{
  g_autoptr (HallwayConference) conference =
    hallway_test_build_version (talks, G_N_ELEMENTS (talks));
  g_autoptr (GFile) file = bookmarks_file ("damaged.json");
  g_autofree char *path = g_file_get_path (file);
  g_autoptr (HallwayBookmarks) a = hallway_test_load_bookmarks (file);
  const char *damaged = "{\"version\": 1, \"bookmarks\": [";
  const char *both[] = { "x", "y", NULL };
  g_autofree char *before = NULL;
  g_autofree char *kept = NULL;
  g_autoptr (GError) error = NULL;

  hallway_bookmarks_add (a, hallway_conference_lookup_talk (conference, "x"));
  hallway_test_save_bookmarks (a);
  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));
  g_assert_true (g_file_set_contents (path, damaged, -1, &error));
  hallway_bookmarks_add (a, hallway_conference_lookup_talk (conference, "y"));
  g_assert_false (hallway_bookmarks_save (a, NULL, &error));
  g_assert_error (error, HALLWAY_BOOKMARKS_ERROR, HALLWAY_BOOKMARKS_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, path));
  g_test_message ("%s", error->message);
  g_assert_true (g_file_get_contents (path, &kept, NULL, NULL));
  g_assert_cmpstr (kept, ==, damaged);
  g_assert_true (hallway_bookmarks_contains (a, "y"));

  /* Once the file is readable again, the change not saved is saved. */
  g_clear_error (&error);
  g_assert_true (g_file_set_contents (path, before, -1, &error));
  hallway_test_save_bookmarks (a);
  hallway_test_assert_keys_on_disk (file, both);
}

/* ---- two processes -------------------------------------------------------------------- */

#define N_ADDS 60

/* Bookmark p-00… in order, saving after each, and remove every fifth one two steps later:
 * talk i of prefix p is kept unless i % 5 == 2 (and i + 2 < N_ADDS). */
static gboolean
is_kept (guint i)
{
  return i % 5 != 2 || i + 2 >= N_ADDS;
}

static HallwayConference *
build_many (void)
{
  HallwayConference *conference = hallway_conference_new ();
  g_autoptr (GDateTime) base = g_date_time_new_from_iso8601 (T ("09:00"), NULL);
  const char prefixes[] = { 'p', 'q' };

  for (guint p = 0; p < G_N_ELEMENTS (prefixes); p++)
    for (guint i = 0; i < N_ADDS; i++)
      {
        HallwayTalk *talk = hallway_talk_new ();
        g_autoptr (GDateTime) start = g_date_time_add_minutes (base, (int) i * 5);
        g_autoptr (GDateTime) end = g_date_time_add_minutes (start, 5);

        talk->guid = g_strdup_printf ("%c-%02u", prefixes[p], i);
        talk->title = g_strdup_printf ("Talk %u", i);
        talk->room = g_object_ref (hallway_conference_ensure_room (conference, "H.2215"));
        hallway_talk_set_times (talk, start, end);
        hallway_conference_add_talk (conference, talk);
      }
  hallway_conference_finish (conference);
  return conference;
}

/* The helper process: one instance adding its own talks, saves alternately through the
 * queue (as the app does) and synchronously (as a refresh does). */
static int
run_adder (char prefix, const char *path)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (HallwayConference) conference = build_many ();
  g_autoptr (HallwayBookmarks) bookmarks = hallway_bookmarks_new (file);
  g_autoptr (GError) error = NULL;

  if (!hallway_bookmarks_load (bookmarks, &error))
    g_error ("adder %c: %s", prefix, error->message);
  for (guint i = 0; i < N_ADDS; i++)
    {
      g_autofree char *key = g_strdup_printf ("%c-%02u", prefix, i);

      hallway_bookmarks_add (bookmarks, hallway_conference_lookup_talk (conference, key));
      if (i >= 2 && !is_kept (i - 2))
        {
          g_autofree char *old = g_strdup_printf ("%c-%02u", prefix, i - 2);

          hallway_bookmarks_remove (bookmarks, old);
        }
      if (i % 2 == 0)
        hallway_test_save_bookmarks_async (bookmarks);
      else
        hallway_test_save_bookmarks (bookmarks);
    }
  return 0;
}

static void
test_bookmarks_two_processes (void)
{
  g_autoptr (GFile) file = bookmarks_file ("shared.json");
  g_autofree char *path = g_file_get_path (file);
  g_autoptr (GSubprocess) p = NULL;
  g_autoptr (GSubprocess) q = NULL;
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) expected = NULL;
  g_auto (GStrv) keys = NULL;
  g_autoptr (HallwayBookmarks) on_disk = NULL;
  g_autoptr (GError) error = NULL;

  p = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, self_path, "--adder", "p", path, NULL);
  g_assert_no_error (error);
  q = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, self_path, "--adder", "q", path, NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait_check (p, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait_check (q, NULL, &error));
  g_assert_no_error (error);

  /* dup_keys() sorts by start, then key: p-00, q-00, p-01, q-01… */
  for (guint i = 0; i < N_ADDS; i++)
    if (is_kept (i))
      {
        g_strv_builder_take (builder, g_strdup_printf ("p-%02u", i));
        g_strv_builder_take (builder, g_strdup_printf ("q-%02u", i));
      }
  expected = g_strv_builder_end (builder);
  on_disk = hallway_test_load_bookmarks (file);
  keys = hallway_bookmarks_dup_keys (on_disk);
  g_test_message ("the file holds %u bookmarks of the %u both instances kept",
                  g_strv_length (keys), g_strv_length (expected));
  g_assert_cmpstrv (keys, expected);
}

/* ---- library.json --------------------------------------------------------------------- */

static HallwayLibrary *
loaded_library (void)
{
  HallwayLibrary *library = hallway_library_new (NULL);
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;

  hallway_library_load_async (library, NULL, hallway_test_store_result_cb, &result);
  g_assert_true (hallway_library_load_finish (library, hallway_test_wait (&result), &error));
  g_assert_no_error (error);
  return library;
}

/* A schedule of ours, followed by its path: nothing to download. */
static char *
add_fixture (HallwayLibrary *library, const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (HallwaySubscription) subscription = NULL;

  hallway_library_add_async (library, path, NULL, hallway_test_store_result_cb, &result);
  subscription = hallway_library_add_finish (library, hallway_test_wait (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (subscription);
  return g_strdup (hallway_library_entry_get_id (
    hallway_library_lookup_subscription (library, subscription)));
}

static void
flush_library (HallwayLibrary *library)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;

  hallway_library_save_async (library, NULL, hallway_test_store_result_cb, &result);
  g_assert_true (hallway_library_save_finish (library, hallway_test_wait (&result), &error));
  g_assert_no_error (error);
}

/* The ids in the list, in its order. */
static GStrv
library_ids (HallwayLibrary *library)
{
  g_autoptr (GStrvBuilder) ids = g_strv_builder_new ();

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (library)); i++)
    {
      g_autoptr (HallwayLibraryEntry) entry = g_list_model_get_item (G_LIST_MODEL (library), i);

      g_strv_builder_add (ids, hallway_library_entry_get_id (entry));
    }
  return g_strv_builder_end (ids);
}

static int
compare_ids (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* As sets: each instance appends what the other added after its own. */
static void
assert_library_ids (HallwayLibrary *library, const char *first, const char *second)
{
  g_auto (GStrv) ids = library_ids (library);
  const char *expected[] = { first, second, NULL };

  qsort (ids, g_strv_length (ids), sizeof (char *), compare_ids);
  qsort (expected, second != NULL ? 2 : 1, sizeof (char *), compare_ids);
  g_assert_cmpstrv (ids, expected);
}

/* A follows one conference, B (loaded before) another: library.json keeps both and each
 * instance's list shows both; a conference A removes stays removed when B saves. */
static void
test_library_adds_and_removals_merged (void)
{
  g_autoptr (HallwayLibrary) a = loaded_library ();
  g_autoptr (HallwayLibrary) b = loaded_library ();
  g_autoptr (HallwayLibrary) fresh = NULL;
  g_autoptr (HallwayLibrary) after = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (a)), ==, 0);
  first = add_fixture (a, "xml-day-change.xml");
  second = add_fixture (b, "xml-dst-berlin.xml");

  fresh = loaded_library ();
  assert_library_ids (fresh, first, second);
  assert_library_ids (b, first, second);
  g_assert_nonnull (hallway_subscription_get_bookmarks (
    hallway_library_entry_get_subscription (hallway_library_lookup (b, first))));
  flush_library (a);
  assert_library_ids (a, first, second);

  g_assert_true (hallway_library_remove (a, first, FALSE, &error));
  g_assert_no_error (error);
  flush_library (a);
  /* B still shows the first conference; its next save, for its own change, keeps it out. */
  g_assert_nonnull (hallway_library_lookup (b, first));
  hallway_library_set_current (b, hallway_library_entry_get_subscription (
                                    hallway_library_lookup (b, second)));
  flush_library (b);
  after = loaded_library ();
  assert_library_ids (after, second, NULL);
  assert_library_ids (b, second, NULL);
  g_assert_true (hallway_library_get_current (b) ==
                 hallway_library_entry_get_subscription (hallway_library_lookup (b, second)));
}

int
main (int argc, char *argv[])
{
  if (argc == 4 && g_str_equal (argv[1], "--adder"))
    return run_adder (argv[2][0], argv[3]);

  self_path = strchr (argv[0], G_DIR_SEPARATOR) != NULL ? g_canonicalize_filename (argv[0], NULL)
                                                         : g_find_program_in_path (argv[0]);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/two-instances/bookmarks/adds-from-both-kept",
                   test_bookmarks_adds_from_both_kept);
  g_test_add_func ("/two-instances/bookmarks/removal-survives-other-save",
                   test_bookmarks_removal_survives_other_save);
  g_test_add_func ("/two-instances/bookmarks/backup-and-tracks-merged",
                   test_bookmarks_backup_and_tracks_merged);
  g_test_add_func ("/two-instances/bookmarks/newer-file-since-load-refused",
                   test_bookmarks_newer_file_since_load_refused);
  g_test_add_func ("/two-instances/bookmarks/damaged-file-since-load-refused",
                   test_bookmarks_damaged_file_since_load_refused);
  g_test_add_func ("/two-instances/bookmarks/two-processes", test_bookmarks_two_processes);
  g_test_add_func ("/two-instances/library/adds-and-removals-merged",
                   test_library_adds_and_removals_merged);
  return g_test_run ();
}
