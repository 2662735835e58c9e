/* SPDX-License-Identifier: EUPL-1.2 */
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hallway-bookmarks.h"
#include "hallway-test-bookmarks.h"
#include "hallway-test-talks.h"
#include "hallway-test-utils.h"

/* This binary, so the crash tests can start it again as a writer that gets killed. */
static char *self_path;

/* ---- hand-built schedule versions --------------------------------------------------- */


#define T(h) "2027-02-06T" h ":00+01:00"

static const HallwayTestTalk first_version[] = {
  { "keynote", "Keynote", T ("09:00"), 50, "Janson" },
  { "mover", "Moving talk", T ("10:00"), 30, "K.1.105" },
  { "dropped", "Dropped talk", T ("11:00"), 30, "H.2215" },
  { "other", "Not bookmarked", T ("12:00"), 30, "H.2215" },
};

/* "mover" goes to another time and room, "dropped" is gone. */
static const HallwayTestTalk second_version[] = {
  { "keynote", "Keynote", T ("09:00"), 50, "Janson" },
  { "mover", "Moving talk", T ("15:30"), 45, "UB2.252A" },
  { "other", "Not bookmarked", T ("12:00"), 30, "H.2215" },
};

/* "dropped" is back, renamed, at a new time. */
static const HallwayTestTalk third_version[] = {
  { "keynote", "Keynote", T ("09:00"), 50, "Janson" },
  { "mover", "Moving talk", T ("15:30"), 45, "UB2.252A" },
  { "dropped", "Dropped talk, back", T ("16:30"), 20, "H.2215" },
};

static GFile *
bookmarks_file (const char *name)
{
  return hallway_test_bookmarks_file ("hallway", name);
}

static void
count_changed (HallwayBookmarks *bookmarks, guint *count)
{
  (*count)++;
}

static void
assert_snapshot (HallwayBookmarks *bookmarks, const char *key, const char *title,
                 const char *start_iso, int minutes, const char *room)
{
  g_autoptr (GDateTime) expected_start = g_date_time_new_from_iso8601 (start_iso, NULL);
  g_autoptr (GDateTime) expected_end = g_date_time_add_minutes (expected_start, minutes);
  const char *got_title, *got_room;
  GDateTime *start, *end;

  g_assert_true (
    hallway_bookmarks_get_snapshot (bookmarks, key, &got_title, &start, &end, &got_room));
  g_assert_cmpstr (got_title, ==, title);
  g_assert_cmpstr (got_room, ==, room);
  g_assert_true (g_date_time_equal (start, expected_start));
  g_assert_true (g_date_time_equal (end, expected_end));
}

/* ---- the set ------------------------------------------------------------------------ */

static void
test_add_remove_contains (void)
{
  g_autoptr (HallwayConference) conference =
    hallway_test_build_version (first_version, G_N_ELEMENTS (first_version));
  g_autoptr (GFile) file = bookmarks_file ("set.json");
  g_autoptr (HallwayBookmarks) bookmarks = hallway_bookmarks_new (file);
  guint n_changed = 0;

  g_signal_connect (bookmarks, "changed", G_CALLBACK (count_changed), &n_changed);
  g_assert_cmpuint (hallway_bookmarks_get_n_items (bookmarks), ==, 0);
  g_assert_false (hallway_bookmarks_contains (bookmarks, "mover"));

  hallway_bookmarks_add (bookmarks, hallway_conference_lookup_talk (conference, "mover"));
  hallway_bookmarks_add (bookmarks, hallway_conference_lookup_talk (conference, "keynote"));
  g_assert_cmpuint (n_changed, ==, 2);
  g_assert_true (hallway_bookmarks_contains (bookmarks, "mover"));
  g_assert_true (hallway_bookmarks_contains (bookmarks, "keynote"));
  g_assert_false (hallway_bookmarks_contains (bookmarks, "other"));
  g_assert_false (hallway_bookmarks_is_cancelled (bookmarks, "mover"));
  hallway_test_assert_keys (bookmarks, (const char *[]) { "keynote", "mover", NULL });
  assert_snapshot (bookmarks, "mover", "Moving talk", T ("10:00"), 30, "K.1.105");
  g_assert_false (hallway_bookmarks_get_snapshot (bookmarks, "other", NULL, NULL, NULL, NULL));

  /* Nothing new: no signal. */
  hallway_bookmarks_add (bookmarks, hallway_conference_lookup_talk (conference, "mover"));
  hallway_bookmarks_remove (bookmarks, "other");
  g_assert_cmpuint (n_changed, ==, 2);

  hallway_bookmarks_remove (bookmarks, "mover");
  g_assert_cmpuint (n_changed, ==, 3);
  g_assert_false (hallway_bookmarks_contains (bookmarks, "mover"));
  g_assert_cmpuint (hallway_bookmarks_get_n_items (bookmarks), ==, 1);
}

/* ---- saving and loading ------------------------------------------------------------- */

static JsonObject *
read_json_object (GFile *file)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autofree char *path = g_file_get_path (file);
  g_autoptr (GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static void
assert_file_format (GFile *file)
{
  g_autoptr (JsonObject) root = read_json_object (file);
  JsonArray *list = json_object_get_array_member (root, "bookmarks");
  JsonObject *first;
  g_autoptr (GDateTime) added = NULL;

  g_assert_cmpint (json_object_get_int_member (root, "version"), ==, 1);
  g_assert_cmpuint (json_array_get_length (list), ==, 3);
  first = json_array_get_object_element (list, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "key"), ==, "keynote");
  g_assert_cmpstr (json_object_get_string_member (first, "title"), ==, "Keynote");
  g_assert_cmpstr (json_object_get_string_member (first, "start"), ==, "2027-02-06T09:00:00+01");
  g_assert_cmpstr (json_object_get_string_member (first, "end"), ==, "2027-02-06T09:50:00+01");
  g_assert_cmpstr (json_object_get_string_member (first, "room"), ==, "Janson");
  g_assert_false (json_object_get_boolean_member (first, "cancelled"));
  added = g_date_time_new_from_iso8601 (json_object_get_string_member (first, "added"), NULL);
  g_assert_nonnull (added);
}

static HallwayBookmarks *
bookmark_all_but_other (GFile *file, HallwayConference *conference)
{
  HallwayBookmarks *bookmarks = hallway_bookmarks_new (file);

  hallway_bookmarks_add (bookmarks, hallway_conference_lookup_talk (conference, "keynote"));
  hallway_bookmarks_add (bookmarks, hallway_conference_lookup_talk (conference, "mover"));
  hallway_bookmarks_add (bookmarks, hallway_conference_lookup_talk (conference, "dropped"));
  return bookmarks;
}

static void
test_save_load_roundtrip (void)
{
  g_autoptr (HallwayConference) first =
    hallway_test_build_version (first_version, G_N_ELEMENTS (first_version));
  g_autoptr (HallwayConference) second =
    hallway_test_build_version (second_version, G_N_ELEMENTS (second_version));
  g_autoptr (GFile) file = bookmarks_file ("roundtrip.json");
  g_autoptr (HallwayBookmarks) saved = bookmark_all_but_other (file, first);
  g_autoptr (HallwayBookmarks) loaded = hallway_bookmarks_new (file);
  g_autoptr (GError) error = NULL;
  guint n_changed = 0;

  hallway_bookmarks_update_from (saved, second);   /* "dropped" becomes cancelled */
  g_assert_true (hallway_bookmarks_save (saved, NULL, &error));
  g_assert_no_error (error);
  assert_file_format (file);

  g_signal_connect (loaded, "changed", G_CALLBACK (count_changed), &n_changed);
  g_assert_true (hallway_bookmarks_load (loaded, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, ==, 1);
  hallway_test_assert_keys (loaded, (const char *[]) { "keynote", "dropped", "mover", NULL });
  assert_snapshot (loaded, "mover", "Moving talk", T ("15:30"), 45, "UB2.252A");
  assert_snapshot (loaded, "dropped", "Dropped talk", T ("11:00"), 30, "H.2215");
  g_assert_true (hallway_bookmarks_is_cancelled (loaded, "dropped"));
  g_assert_false (hallway_bookmarks_is_cancelled (loaded, "mover"));
}

/* Backup picks and hidden tracks are the person's plan too: they survive a restart. */
static void
test_backup_and_hidden_tracks_roundtrip (void)
{
  g_autoptr (HallwayConference) first =
    hallway_test_build_version (first_version, G_N_ELEMENTS (first_version));
  g_autoptr (GFile) file = bookmarks_file ("plan.json");
  g_autoptr (HallwayBookmarks) saved = bookmark_all_but_other (file, first);
  g_autoptr (HallwayBookmarks) loaded = hallway_bookmarks_new (file);
  g_autoptr (GError) error = NULL;

  hallway_bookmarks_set_backup (saved, "mover", TRUE);
  hallway_bookmarks_set_track_hidden (saved, "Lightning Talks", TRUE);
  g_assert_true (hallway_bookmarks_save (saved, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (hallway_bookmarks_load (loaded, &error));
  g_assert_no_error (error);
  g_assert_true (hallway_bookmarks_is_backup (loaded, "mover"));
  g_assert_false (hallway_bookmarks_is_backup (loaded, "keynote"));
  g_assert_true (hallway_bookmarks_is_track_hidden (loaded, "Lightning Talks"));
  g_assert_false (hallway_bookmarks_is_track_hidden (loaded, "Main Track"));
}

static void
test_missing_file_is_empty (void)
{
  g_autoptr (GFile) file = bookmarks_file ("never-saved.json");
  g_autoptr (HallwayBookmarks) bookmarks = hallway_bookmarks_new (file);
  g_autoptr (GError) error = NULL;

  g_assert_true (hallway_bookmarks_load (bookmarks, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (hallway_bookmarks_get_n_items (bookmarks), ==, 0);
  g_assert_false (g_file_query_exists (file, NULL));
}

static void
on_saved (GObject *source, GAsyncResult *result, gpointer user_data)
{
  guint *pending = user_data;
  g_autoptr (GError) error = NULL;

  g_assert_true (hallway_bookmarks_save_finish (HALLWAY_BOOKMARKS (source), result, &error));
  g_assert_no_error (error);
  (*pending)--;
}

/* Saves queued back to back land in order: the file holds the last state. */
static void
test_async_saves_keep_order (void)
{
  g_autoptr (HallwayConference) conference =
    hallway_test_build_version (first_version, G_N_ELEMENTS (first_version));
  g_autoptr (GFile) file = bookmarks_file ("async.json");
  g_autoptr (HallwayBookmarks) bookmarks = bookmark_all_but_other (file, conference);
  g_autoptr (HallwayBookmarks) loaded = hallway_bookmarks_new (file);
  g_autoptr (GError) error = NULL;
  guint pending = 3;

  hallway_bookmarks_save_async (bookmarks, NULL, on_saved, &pending);
  hallway_bookmarks_remove (bookmarks, "keynote");
  hallway_bookmarks_save_async (bookmarks, NULL, on_saved, &pending);
  hallway_bookmarks_remove (bookmarks, "dropped");
  hallway_bookmarks_save_async (bookmarks, NULL, on_saved, &pending);
  while (pending > 0)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (hallway_bookmarks_load (loaded, &error));
  g_assert_no_error (error);
  hallway_test_assert_keys (loaded, (const char *[]) { "mover", NULL });
}

/* ---- following schedule updates ------------------------------------------------------ */

static void
test_update_from (void)
{
  g_autoptr (HallwayConference) first =
    hallway_test_build_version (first_version, G_N_ELEMENTS (first_version));
  g_autoptr (HallwayConference) second =
    hallway_test_build_version (second_version, G_N_ELEMENTS (second_version));
  g_autoptr (HallwayConference) third =
    hallway_test_build_version (third_version, G_N_ELEMENTS (third_version));
  g_autoptr (GFile) file = bookmarks_file ("update.json");
  g_autoptr (HallwayBookmarks) bookmarks = bookmark_all_but_other (file, first);
  guint n_changed = 0;

  g_signal_connect (bookmarks, "changed", G_CALLBACK (count_changed), &n_changed);

  /* Moved: same bookmark, new time and room. Gone: kept, cancelled, as it was. */
  hallway_bookmarks_update_from (bookmarks, second);
  g_assert_cmpuint (n_changed, ==, 1);
  g_assert_cmpuint (hallway_bookmarks_get_n_items (bookmarks), ==, 3);
  assert_snapshot (bookmarks, "mover", "Moving talk", T ("15:30"), 45, "UB2.252A");
  g_assert_false (hallway_bookmarks_is_cancelled (bookmarks, "mover"));
  g_assert_true (hallway_bookmarks_contains (bookmarks, "dropped"));
  g_assert_true (hallway_bookmarks_is_cancelled (bookmarks, "dropped"));
  assert_snapshot (bookmarks, "dropped", "Dropped talk", T ("11:00"), 30, "H.2215");
  g_assert_false (hallway_bookmarks_contains (bookmarks, "other"));

  /* The same version again changes nothing. */
  hallway_bookmarks_update_from (bookmarks, second);
  g_assert_cmpuint (n_changed, ==, 1);

  /* Back: un-cancelled, with its new details. */
  hallway_bookmarks_update_from (bookmarks, third);
  g_assert_cmpuint (n_changed, ==, 2);
  g_assert_false (hallway_bookmarks_is_cancelled (bookmarks, "dropped"));
  assert_snapshot (bookmarks, "dropped", "Dropped talk, back", T ("16:30"), 20, "H.2215");
  hallway_test_assert_keys (bookmarks, (const char *[]) { "keynote", "mover", "dropped", NULL });
}

/* ---- protecting the user's file ------------------------------------------------------ */

static void
write_raw (GFile *file, const char *contents, gssize length)
{
  g_autoptr (GFile) folder = g_file_get_parent (file);
  g_autoptr (GError) error = NULL;

  g_file_make_directory_with_parents (folder, NULL, NULL);
  g_file_replace_contents (file, contents, length < 0 ? strlen (contents) : (gsize) length,
                           NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error);
  g_assert_no_error (error);
}

static GBytes *
read_raw (GFile *file)
{
  g_autoptr (GError) error = NULL;
  GBytes *bytes = g_file_load_bytes (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return bytes;
}

static const char future_file[] =
  "{\"version\": 2, \"bookmarks\": [{\"key\": \"keynote\", \"talk\": {\"title\": \"Keynote\"}}],\n"
  " \"sync\": {\"account\": \"someone\"}}\n";

static void
on_save_refused (GObject *source, GAsyncResult *result, gpointer user_data)
{
  gboolean *done = user_data;
  g_autoptr (GError) error = NULL;

  g_assert_false (hallway_bookmarks_save_finish (HALLWAY_BOOKMARKS (source), result, &error));
  g_assert_error (error, HALLWAY_BOOKMARKS_ERROR, HALLWAY_BOOKMARKS_ERROR_NEWER_VERSION);
  *done = TRUE;
}

static void
test_future_version_is_refused_and_kept (void)
{
  g_autoptr (HallwayConference) conference =
    hallway_test_build_version (first_version, G_N_ELEMENTS (first_version));
  g_autoptr (GFile) file = bookmarks_file ("future.json");
  g_autoptr (HallwayBookmarks) bookmarks = hallway_bookmarks_new (file);
  g_autoptr (GBytes) expected = g_bytes_new_static (future_file, strlen (future_file));
  g_autoptr (GBytes) after = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);
  gboolean done = FALSE;

  write_raw (file, future_file, -1);
  g_assert_false (hallway_bookmarks_load (bookmarks, &error));
  g_assert_error (error, HALLWAY_BOOKMARKS_ERROR, HALLWAY_BOOKMARKS_ERROR_NEWER_VERSION);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "newer version"));
  g_clear_error (&error);

  /* The user keeps using the app; nothing may replace the newer file. */
  hallway_bookmarks_add (bookmarks, hallway_conference_lookup_talk (conference, "keynote"));
  g_assert_false (hallway_bookmarks_save (bookmarks, NULL, &error));
  g_assert_error (error, HALLWAY_BOOKMARKS_ERROR, HALLWAY_BOOKMARKS_ERROR_NEWER_VERSION);
  hallway_bookmarks_save_async (bookmarks, NULL, on_save_refused, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);

  after = read_raw (file);
  g_assert_true (g_bytes_equal (after, expected));
}

/* The check does not depend on the app calling load() first. */
static void
test_future_version_kept_without_load (void)
{
  g_autoptr (HallwayConference) conference =
    hallway_test_build_version (first_version, G_N_ELEMENTS (first_version));
  g_autoptr (GFile) file = bookmarks_file ("future.json");
  g_autoptr (HallwayBookmarks) unloaded = hallway_bookmarks_new (file);
  g_autoptr (HallwayBookmarks) unloaded_async = hallway_bookmarks_new (file);
  g_autoptr (GBytes) expected = g_bytes_new_static (future_file, strlen (future_file));
  g_autoptr (GBytes) after = NULL;
  g_autoptr (GError) error = NULL;
  gboolean done = FALSE;

  write_raw (file, future_file, -1);
  hallway_bookmarks_add (unloaded, hallway_conference_lookup_talk (conference, "keynote"));
  g_assert_false (hallway_bookmarks_save (unloaded, NULL, &error));
  g_assert_error (error, HALLWAY_BOOKMARKS_ERROR, HALLWAY_BOOKMARKS_ERROR_NEWER_VERSION);
  g_test_message ("%s", error->message);
  hallway_bookmarks_add (unloaded_async, hallway_conference_lookup_talk (conference, "mover"));
  hallway_bookmarks_save_async (unloaded_async, NULL, on_save_refused, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);

  after = read_raw (file);
  g_assert_true (g_bytes_equal (after, expected));
}

typedef struct
{
  const char *name;
  const char *contents;
  gssize length;   /* -1: strlen */
} BadFile;

static const BadFile bad_files[] = {
  { "truncated", "{\"version\": 1, \"bookmarks\": [{\"key\": \"keynote\", \"title\": \"Key", -1 },
  { "empty", "", 0 },
  { "zeros", "\0\0\0\0\0\0\0\0", 8 },
  { "not-an-object", "[1, 2, 3]", -1 },
  { "no-version", "{\"bookmarks\": []}", -1 },
  /* json-glib reads several top-level values as one array and then aborted Hallway. */
  { "two-values", "{}{}", -1 },
  { "array-then-object", "[]{}", -1 },
  { "version-as-text", "{\"version\": \"1\", \"bookmarks\": []}", -1 },
  { "no-list", "{\"version\": 1}", -1 },
  /* Damaged entries in a good file are left out one by one: test-storage-faults.c. */
};

static void
assert_moved_aside (const BadFile *bad)
{
  g_autofree char *name = g_strconcat (bad->name, ".json", NULL);
  g_autoptr (GFile) file = bookmarks_file (name);
  g_autoptr (GFile) aside = NULL;
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *aside_path = NULL;
  gsize length = bad->length < 0 ? strlen (bad->contents) : (gsize) bad->length;
  g_autoptr (GBytes) expected = g_bytes_new_static (bad->contents, length);
  g_autoptr (GBytes) kept = NULL;
  g_autoptr (HallwayBookmarks) bookmarks = hallway_bookmarks_new (file);
  g_autoptr (GError) error = NULL;

  write_raw (file, bad->contents, bad->length);
  g_assert_false (hallway_bookmarks_load (bookmarks, &error));
  g_assert_error (error, HALLWAY_BOOKMARKS_ERROR, HALLWAY_BOOKMARKS_ERROR_CORRUPT);
  g_test_message ("%s: %s", bad->name, error->message);
  aside_path = hallway_test_find_set_aside (path);
  aside = g_file_new_for_path (aside_path);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, aside_path));
  g_assert_cmpuint (hallway_bookmarks_get_n_items (bookmarks), ==, 0);

  /* The damaged bytes are kept as they were, and saving works again. */
  g_assert_false (g_file_query_exists (file, NULL));
  kept = read_raw (aside);
  g_assert_true (g_bytes_equal (kept, expected));
  g_clear_error (&error);
  g_assert_true (hallway_bookmarks_save (bookmarks, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (hallway_bookmarks_load (bookmarks, &error));
  g_assert_no_error (error);
}

static void
test_corrupt_file_is_moved_aside (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    assert_moved_aside (&bad_files[i]);
}

/* ---- crash safety: a writer killed at random moments ----------------------------------- */

#define N_KILLS 100
#define SET_A 50
#define SET_B 80
#define PAYLOAD_SIZE (2 * 1024 * 1024)

static char *
crash_guid (guint i)
{
  return i < SET_A ? g_strdup_printf ("a-%02u", i) : g_strdup_printf ("b-%02u", i - SET_A);
}

/* Two complete sets with no key in common: "a-0"… and "b-0"… */
static HallwayConference *
build_crash_conference (void)
{
  return hallway_test_build_lightning_talks (SET_A + SET_B, crash_guid);
}

static HallwayBookmarks *
crash_set (GFile *file, HallwayConference *conference, char prefix)
{
  HallwayBookmarks *bookmarks = hallway_bookmarks_new (file);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (conference));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (HallwayTalk) talk = g_list_model_get_item (G_LIST_MODEL (conference), i);

      if (hallway_talk_get_key (talk)[0] == prefix)
        hallway_bookmarks_add (bookmarks, talk);
    }
  return bookmarks;
}

/* Like a downloaded schedule: XML-ish text, one generation marker on every line. */
static GBytes *
make_payload (char generation)
{
  GString *text = g_string_sized_new (PAYLOAD_SIZE + 128);

  g_string_append (text, "<?xml version=\"1.0\"?>\n<schedule>\n");
  for (guint i = 0; text->len < PAYLOAD_SIZE; i++)
    g_string_append_printf (text,
                            "  <event id=\"%u\" generation=\"%c\"><title>Talk %u</title></event>\n",
                            i, generation, i);
  g_string_append (text, "</schedule>\n");
  return g_string_free_to_bytes (text);
}

static void
signal_ready (void)
{
  fputs ("ready\n", stdout);
  fflush (stdout);
}

static G_NORETURN void
die (GError *error)
{
  g_printerr ("writer: %s\n", error->message);
  exit (2);
}

/* Turns one complete set into the other: a save merges what changed into the file, so
 * the file then holds the other set whichever it held before. */
static void
switch_crash_set (HallwayBookmarks *bookmarks, HallwayConference *conference, char to)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (conference));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (HallwayTalk) talk = g_list_model_get_item (G_LIST_MODEL (conference), i);

      if (hallway_talk_get_key (talk)[0] == to)
        hallway_bookmarks_add (bookmarks, talk);
      else
        hallway_bookmarks_remove (bookmarks, hallway_talk_get_key (talk));
    }
}

/* The child: alternate between two complete states as fast as possible, until killed. */
static G_NORETURN void
run_bookmarks_writer (const char *path)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (HallwayConference) conference = build_crash_conference ();
  g_autoptr (HallwayBookmarks) bookmarks = crash_set (file, conference, 'a');
  GError *error = NULL;

  signal_ready ();
  for (;;)
    {
      switch_crash_set (bookmarks, conference, 'b');
      if (!hallway_bookmarks_save (bookmarks, NULL, &error))
        die (error);
      switch_crash_set (bookmarks, conference, 'a');
      if (!hallway_bookmarks_save (bookmarks, NULL, &error))
        die (error);
    }
}

static gboolean
replace_with_payload (GFile *file, GBytes *payload, GError **error)
{
  return g_file_replace_contents (file, g_bytes_get_data (payload, NULL),
                                  g_bytes_get_size (payload), NULL, FALSE,
                                  G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, error);
}

static G_NORETURN void
run_payload_writer (const char *path)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GBytes) old_payload = make_payload ('o');
  g_autoptr (GBytes) new_payload = make_payload ('n');
  GError *error = NULL;

  signal_ready ();
  for (;;)
    {
      if (!replace_with_payload (file, new_payload, &error) ||
          !replace_with_payload (file, old_payload, &error))
        die (error);
    }
}

static void
wait_until_ready (GSubprocess *child)
{
  GInputStream *output = g_subprocess_get_stdout_pipe (child);
  char line[6];
  gsize got = 0;
  g_autoptr (GError) error = NULL;

  g_input_stream_read_all (output, line, sizeof line, &got, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (line, got, "ready\n", 6);
}

/* Starts the writer, kills it with SIGKILL 0–30 ms into its loop (longer in slower builds,
 * so it still gets through whole saves), and waits for it. */
static void
kill_writer_at_random (const char *mode, const char *path)
{
  gint32 window_us = (gint32) (30000 * hallway_test_time_scale ());
  g_autoptr (GError) error = NULL;
  g_autoptr (GSubprocess) child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                                                    self_path, "--crash-writer", mode, path, NULL);

  g_assert_no_error (error);
  wait_until_ready (child);
  g_usleep ((gulong) g_test_rand_int_range (0, window_us + 1));
  g_subprocess_send_signal (child, SIGKILL);
  g_subprocess_wait (child, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_signaled (child));
  g_assert_cmpint (g_subprocess_get_term_sig (child), ==, SIGKILL);
}

/* The temporary files of writes cut short: proof that kills landed mid-write. GIO's
 * ".goutputstream-XXXXXX" (the schedule writer here), hallway_file_replace()'s
 * "crash.json.XXXXXX" (the bookmarks). Removed so the next round starts clean. */
static gboolean
is_leftover_temporary (const char *name)
{
  return g_str_has_prefix (name, ".goutputstream-") ||
         (g_str_has_prefix (name, "crash.json.") && strlen (name) == strlen ("crash.json.") + 6);
}

static guint
remove_leftover_temporaries (const char *folder)
{
  g_autoptr (GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint count = 0;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (is_leftover_temporary (name))
      {
        g_autofree char *path = g_build_filename (folder, name, NULL);

        g_assert_no_errno (g_remove (path));
        count++;
      }
  return count;
}

static GStrv
expected_keys (char prefix, guint n)
{
  g_autoptr (GStrvBuilder) keys = g_strv_builder_new ();

  for (guint i = 0; i < n; i++)
    g_strv_builder_take (keys, g_strdup_printf ("%c-%02u", prefix, i));
  return g_strv_builder_end (keys);
}

/* Which complete set the file holds: 'a' or 'b'; anything else fails the test. */
static char
check_bookmarks_file (GFile *file, const char * const *keys_a, const char * const *keys_b)
{
  g_autoptr (HallwayBookmarks) loaded = hallway_bookmarks_new (file);
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) keys = NULL;

  g_assert_true (hallway_bookmarks_load (loaded, &error));
  g_assert_no_error (error);
  keys = hallway_bookmarks_dup_keys (loaded);
  if (g_strv_equal ((const char * const *) keys, keys_a))
    return 'a';
  g_assert_cmpstrv (keys, keys_b);
  return 'b';
}

static void
test_crash_while_saving_bookmarks (void)
{
  g_autoptr (HallwayConference) conference = build_crash_conference ();
  g_autoptr (GFile) file = bookmarks_file ("crash.json");
  g_autoptr (GFile) folder = g_file_get_parent (file);
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *folder_path = g_file_get_path (folder);
  g_autoptr (HallwayBookmarks) set_a = crash_set (file, conference, 'a');
  g_auto (GStrv) keys_a = expected_keys ('a', SET_A);
  g_auto (GStrv) keys_b = expected_keys ('b', SET_B);
  g_autoptr (GError) error = NULL;
  guint seen[2] = { 0 };
  guint cut_short = 0;

  /* The first save creates the file in place; the writer only ever replaces it. */
  g_assert_true (hallway_bookmarks_save (set_a, NULL, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < N_KILLS; i++)
    {
      kill_writer_at_random ("bookmarks", path);
      seen[check_bookmarks_file (file, (const char * const *) keys_a,
                                 (const char * const *) keys_b) - 'a']++;
      cut_short += remove_leftover_temporaries (folder_path);
    }
  g_test_message ("after %u kills: set A %u times, set B %u times, %u writes cut short",
                  N_KILLS, seen[0], seen[1], cut_short);
  g_assert_cmpuint (seen[0], >, 0);
  g_assert_cmpuint (seen[1], >, 0);
  g_assert_cmpuint (cut_short, >, 0);
}

static char
check_payload_file (GFile *file, GBytes *old_payload, GBytes *new_payload)
{
  g_autoptr (GBytes) contents = read_raw (file);

  if (g_bytes_equal (contents, old_payload))
    return 'o';
  if (g_bytes_equal (contents, new_payload))
    return 'n';
  g_error ("the file holds %" G_GSIZE_FORMAT " bytes, neither payload",
           g_bytes_get_size (contents));
}

/* The schedule cache writes downloads with the same call: check the pattern itself. */
static void
test_crash_while_replacing_a_schedule (void)
{
  g_autofree char *folder_path = g_build_filename (g_get_user_cache_dir (), "hallway", NULL);
  g_autofree char *path = g_build_filename (folder_path, "schedule.xml", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GBytes) old_payload = make_payload ('o');
  g_autoptr (GBytes) new_payload = make_payload ('n');
  g_autoptr (GError) error = NULL;
  guint seen_old = 0, seen_new = 0, cut_short = 0;

  g_assert_cmpuint (g_bytes_get_size (old_payload), >=, PAYLOAD_SIZE);
  g_assert_no_errno (g_mkdir_with_parents (folder_path, 0700));
  g_assert_true (replace_with_payload (file, old_payload, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < N_KILLS; i++)
    {
      kill_writer_at_random ("payload", path);
      if (check_payload_file (file, old_payload, new_payload) == 'o')
        seen_old++;
      else
        seen_new++;
      cut_short += remove_leftover_temporaries (folder_path);
    }
  g_test_message ("after %u kills: old payload %u times, new %u times, %u writes cut short",
                  N_KILLS, seen_old, seen_new, cut_short);
  g_assert_cmpuint (seen_old, >, 0);
  g_assert_cmpuint (seen_new, >, 0);
  g_assert_cmpuint (cut_short, >, 0);
}

int
main (int argc, char *argv[])
{
  if (argc == 4 && g_str_equal (argv[1], "--crash-writer"))
    {
      if (g_str_equal (argv[2], "bookmarks"))
        run_bookmarks_writer (argv[3]);
      run_payload_writer (argv[3]);
    }

  self_path = strchr (argv[0], G_DIR_SEPARATOR) != NULL ? g_canonicalize_filename (argv[0], NULL)
                                                         : g_find_program_in_path (argv[0]);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/bookmarks/add-remove-contains", test_add_remove_contains);
  g_test_add_func ("/bookmarks/save-load-roundtrip", test_save_load_roundtrip);
  g_test_add_func ("/bookmarks/backup-and-hidden-tracks-roundtrip",
                   test_backup_and_hidden_tracks_roundtrip);
  g_test_add_func ("/bookmarks/missing-file-is-empty", test_missing_file_is_empty);
  g_test_add_func ("/bookmarks/async-saves-keep-order", test_async_saves_keep_order);
  g_test_add_func ("/bookmarks/update-from", test_update_from);
  g_test_add_func ("/bookmarks/future-version-refused-and-kept",
                   test_future_version_is_refused_and_kept);
  g_test_add_func ("/bookmarks/future-version-kept-without-load",
                   test_future_version_kept_without_load);
  g_test_add_func ("/bookmarks/corrupt-file-moved-aside", test_corrupt_file_is_moved_aside);
  g_test_add_func ("/bookmarks/crash/saving-bookmarks", test_crash_while_saving_bookmarks);
  g_test_add_func ("/bookmarks/crash/replacing-a-schedule", test_crash_while_replacing_a_schedule);
  return g_test_run ();
}
