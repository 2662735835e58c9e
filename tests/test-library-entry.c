/* SPDX-License-Identifier: EUPL-1.2 */
/* One conference owns its state: HallwayLibraryEntry keeps its plan and its reminders in
 * step with each new version before anyone else hears of it, knows its files, and the
 * built-in demo works without a subscription. Runs on the bundled demo conference: no
 * ../shared needed. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "hallway-conference.h"
#include "hallway-ical-export.h"
#include "hallway-day.h"
#include "hallway-library-entry.h"
#include "hallway-paths.h"
#include "hallway-schedule-reader.h"
#include "hallway-talk.h"
#include "hallway-test-utils.h"

#define APP_FOLDER "io.github.hallway_app.Hallway"
/* The first talk of the demo: 09:30 on 6 February 2027 in Brussels. */
#define FIRST_TALK_START "<date>2027-02-06T09:30:00+01:00</date>"

static char *
read_demo_text (void)
{
  g_autoptr (GBytes) bytes = hallway_test_read_demo_bytes ();

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* The demo with its first talk starting at another time. */
static void
write_demo (const char *path, const char *first_start)
{
  g_autofree char *text = read_demo_text ();
  g_auto (GStrv) parts = g_strsplit (text, FIRST_TALK_START, 2);
  g_autofree char *moved = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_nonnull (parts[1]);
  /* A comment too: the new version must differ in size, as a real one would. */
  moved = g_strconcat (parts[0], first_start, parts[1], "<!-- ", first_start, " -->\n", NULL);
  g_file_set_contents (path, moved, -1, &error);
  g_assert_no_error (error);
}

static HallwayTalk *
first_talk (HallwayConference *conference)
{
  g_autoptr (HallwayDay) day = g_list_model_get_item (hallway_conference_get_days (conference), 0);
  GListModel *talks = hallway_conference_get_talks_for_day (conference, day);
  g_autoptr (HallwayTalk) earliest = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (talks); i++)
    {
      g_autoptr (HallwayTalk) talk = g_list_model_get_item (talks, i);

      if (earliest == NULL || g_date_time_compare (hallway_talk_get_start (talk),
                                                   hallway_talk_get_start (earliest)) < 0)
        g_set_object (&earliest, talk);
    }
  g_assert_nonnull (earliest);
  return earliest; /* borrowed: the conference keeps it */
}

static void
refresh (HallwaySubscription *subscription)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;

  hallway_subscription_refresh_async (subscription, NULL, hallway_test_store_result_cb, &result);
  g_assert_true (hallway_subscription_refresh_finish (subscription, hallway_test_wait (&result),
                                                      &error));
  g_assert_no_error (error);
}

static char *
data_path (const char *name)
{
  return g_build_filename (g_get_user_data_dir (), APP_FOLDER, name, NULL);
}

/* The demo: a schedule, bookmarks and reminders at once, no subscription, its files named
 * by its id like any conference's. */
static void
test_builtin (void)
{
  g_autoptr (HallwayConference) demo = hallway_test_read_demo ();
  g_autoptr (HallwayLibraryEntry) entry = hallway_library_entry_new_builtin ("demo", demo);
  HallwayPlan *plan = hallway_library_entry_get_plan (entry);
  g_autoptr (GFile) bookmarks_file = hallway_library_entry_dup_bookmarks_file (entry);
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), APP_FOLDER, "bookmarks",
                                                "demo.json", NULL);
  g_autofree char *path = g_file_get_path (bookmarks_file);
  g_autoptr (GError) error = NULL;

  g_assert_true (hallway_library_entry_is_builtin (entry));
  g_assert_null (hallway_library_entry_get_subscription (entry));
  g_assert_true (hallway_library_entry_get_conference (entry) == demo);
  g_assert_nonnull (plan);
  g_assert_true (hallway_plan_get_conference (plan) == demo);
  g_assert_cmpstr (path, ==, expected);

  hallway_plan_set_bookmarked (plan, first_talk (demo), TRUE);
  g_assert_true (
    hallway_bookmarks_save (hallway_library_entry_get_bookmarks (entry), NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (expected, G_FILE_TEST_IS_REGULAR));
}

typedef struct
{
  HallwayLibraryEntry *entry;
  guint plan_notifications;
  guint updates;
  gboolean plan_was_current;       /* when "updated" came, the plan had the new version */
  GDateTime *due_when_updated;     /* the first talk's reminder, as "updated" came */
} Watch;

static void
plan_notified_cb (HallwayLibraryEntry *entry, GParamSpec *pspec, Watch *watch)
{
  watch->plan_notifications++;
}

static void
updated_cb (HallwayLibraryEntry *entry, HallwayConference *conference, GListModel *changes,
            Watch *watch)
{
  HallwayPlan *plan = hallway_library_entry_get_plan (entry);
  HallwayReminderScheduler *scheduler = hallway_library_entry_get_reminder_scheduler (entry);

  watch->updates++;
  watch->plan_was_current = hallway_plan_get_conference (plan) == conference;
  g_clear_pointer (&watch->due_when_updated, g_date_time_unref);
  if (scheduler != NULL) /* the first version comes before anyone wants reminders */
    watch->due_when_updated =
    hallway_reminder_scheduler_dup_due_time (scheduler,
                                             hallway_talk_get_key (first_talk (conference)));
}

/* A followed conference gets its plan when its schedule first comes, and a new version
 * moves the plan and the bookmarked talk's reminder before "updated" tells the rest: the
 * wiring that once left reminders at a moved talk's old time. */
static void
test_followed_follows_new_versions (void)
{
  g_autofree char *schedule = g_build_filename (g_get_user_data_dir (), "demo-copy.xml", NULL);
  g_autoptr (GFile) bookmarks_file = NULL;
  g_autoptr (HallwayBookmarks) bookmarks = NULL;
  g_autoptr (HallwaySubscription) subscription = NULL;
  g_autoptr (HallwayLibraryEntry) entry = NULL;
  g_autoptr (GDateTime) added = g_date_time_new_now_utc ();
  g_autoptr (GDateTime) moved_start = NULL;
  g_autoptr (GDateTime) expected_due = NULL;
  HallwayReminderScheduler *scheduler;
  HallwayConference *conference;
  HallwayPlan *plan;
  Watch watch = { 0 };

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  write_demo (schedule, FIRST_TALK_START);
  bookmarks_file = hallway_paths_dup_bookmarks_file ("followed0001");
  bookmarks = hallway_bookmarks_new (bookmarks_file);
  subscription = hallway_subscription_new (schedule, NULL, bookmarks);
  entry = hallway_library_entry_new_followed ("followed0001", schedule, NULL, added, subscription);
  g_signal_connect (entry, "notify::plan", G_CALLBACK (plan_notified_cb), &watch);
  g_signal_connect (entry, "updated", G_CALLBACK (updated_cb), &watch);

  g_assert_null (hallway_library_entry_get_plan (entry));
  g_assert_null (hallway_library_entry_ensure_reminder_scheduler (entry, 30));
  g_assert_true (hallway_library_entry_get_bookmarks (entry) == bookmarks);

  refresh (subscription);
  plan = hallway_library_entry_get_plan (entry);
  scheduler = hallway_library_entry_ensure_reminder_scheduler (entry, 30);
  conference = hallway_library_entry_get_conference (entry);
  g_assert_cmpuint (watch.plan_notifications, ==, 1);
  g_assert_nonnull (plan);
  g_assert_nonnull (scheduler);
  g_assert_cmpstr (hallway_library_entry_get_title (entry), ==,
                   hallway_conference_get_title (conference));
  hallway_plan_set_bookmarked (plan, first_talk (conference), TRUE);

  write_demo (schedule, "<date>2027-02-06T09:10:00+01:00</date>");
  refresh (subscription);
  conference = hallway_library_entry_get_conference (entry);
  moved_start = g_date_time_ref (hallway_talk_get_start (first_talk (conference)));
  g_assert_cmpint (hallway_reminder_scheduler_get_lead_minutes (scheduler), ==, 30);
  expected_due = g_date_time_add_minutes (moved_start, -30);

  g_assert_cmpuint (watch.plan_notifications, ==, 1);
  g_assert_cmpuint (watch.updates, >=, 1);
  g_assert_true (hallway_library_entry_get_plan (entry) == plan);
  g_assert_true (watch.plan_was_current);
  g_assert_cmpint (g_date_time_get_minute (moved_start), ==, 10);
  g_assert_nonnull (watch.due_when_updated);
  g_assert_true (g_date_time_equal (watch.due_when_updated, expected_due));
  g_clear_pointer (&watch.due_when_updated, g_date_time_unref);
}

/* The reminder state is read only when someone wants reminders: the command line, which
 * reads the same conferences, never moves a damaged reminders file aside behind the app's
 * back (the app would then never say so). Wanted, it is read with the lead given. */
static void
test_reminders_only_when_wanted (void)
{
  g_autoptr (HallwayConference) demo = hallway_test_read_demo ();
  g_autoptr (HallwayLibraryEntry) entry = hallway_library_entry_new_builtin ("rem00001", demo);
  g_autoptr (GFile) reminders = hallway_library_entry_dup_reminders_file (entry);
  g_autoptr (GFile) folder = g_file_get_parent (reminders);
  g_autofree char *path = g_file_get_path (reminders);
  HallwayReminderScheduler *scheduler;
  g_autoptr (GError) error = NULL;

  g_mkdir_with_parents (g_file_peek_path (folder), 0700);
  g_file_set_contents (path, "{\"version\": 1, \"shown\": [", -1, &error);
  g_assert_no_error (error);

  g_assert_nonnull (hallway_library_entry_get_plan (entry));
  g_assert_null (hallway_library_entry_get_reminder_scheduler (entry));
  g_assert_true (g_file_query_exists (reminders, NULL));

  scheduler = hallway_library_entry_ensure_reminder_scheduler (entry, 25);
  g_assert_nonnull (scheduler);
  g_assert_true (hallway_library_entry_get_reminder_scheduler (entry) == scheduler);
  g_assert_cmpint (hallway_reminder_scheduler_get_lead_minutes (scheduler), ==, 25);
  /* Damaged: set aside now, and the scheduler says so for the app's banner. */
  g_assert_false (g_file_query_exists (reminders, NULL));
  g_assert_nonnull (hallway_reminder_scheduler_get_recovered_message (scheduler));
  g_assert_true (hallway_library_entry_ensure_reminder_scheduler (entry, 5) == scheduler);
}

/* Removing with its bookmarks takes every file of the conference and nothing of another. */
static void
test_delete_files (void)
{
  g_autoptr (HallwayConference) demo = hallway_test_read_demo ();
  g_autoptr (HallwayLibraryEntry) entry = hallway_library_entry_new_builtin ("gone0001", demo);
  g_autoptr (GFile) bookmarks = hallway_library_entry_dup_bookmarks_file (entry);
  g_autoptr (GFile) reminders = hallway_library_entry_dup_reminders_file (entry);
  g_autoptr (GFile) sequences = hallway_library_entry_dup_export_sequences_file (entry);
  g_autoptr (GFile) other = hallway_paths_dup_bookmarks_file ("kept0001");
  g_autofree char *sequences_path = data_path ("exports-gone0001.json");
  g_autofree char *actual_sequences = g_file_get_path (sequences);
  GFile *files[] = { bookmarks, reminders, sequences, other };
  g_autoptr (GError) error = NULL;

  g_assert_cmpstr (actual_sequences, ==, sequences_path);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr (GFile) parent = g_file_get_parent (files[i]);
      g_autofree char *path = g_file_get_path (files[i]);

      g_mkdir_with_parents (g_file_peek_path (parent), 0700);
      g_file_set_contents (path, "{}", -1, &error);
      g_assert_no_error (error);
    }

  g_assert_true (hallway_library_entry_delete_files (entry, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_query_exists (bookmarks, NULL));
  g_assert_false (g_file_query_exists (reminders, NULL));
  g_assert_false (g_file_query_exists (sequences, NULL));
  g_assert_true (g_file_query_exists (other, NULL));
  /* Nothing there is fine too. */
  g_assert_true (hallway_library_entry_delete_files (entry, &error));
  g_assert_no_error (error);
}

/* The demo with its first talk at another time, read from text. */
static HallwayConference *
read_moved_demo (const char *first_start)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "moved.xml", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  HallwayConference *conference;

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  write_demo (path, first_start);
  conference = hallway_schedule_read_file (file, NULL, &error);
  g_assert_no_error (error);
  return conference;
}

/* The SEQUENCE line of the first event of an export. */
static char *
first_sequence (const char *ics)
{
  const char *line = strstr (ics, "SEQUENCE:");

  g_assert_nonnull (line);
  return g_strndup (line, strcspn (line, "\r\n"));
}

/* The export sequences are the entry's, read afresh from its own file each time: what one
 * export saved, the next one (or another Hallway's) builds on, so a moved talk's SEQUENCE
 * goes up. */
static void
test_export_sequences (void)
{
  g_autoptr (HallwayConference) demo = hallway_test_read_demo ();
  g_autoptr (HallwayConference) moved = read_moved_demo ("<date>2027-02-06T09:10:00+01:00</date>");
  g_autoptr (HallwayLibraryEntry) entry = hallway_library_entry_new_builtin ("seq00001", demo);
  g_autoptr (HallwayExportSequences) first = hallway_library_entry_load_export_sequences (entry);
  g_autoptr (HallwayExportSequences) second = NULL;
  g_autoptr (GFile) file = hallway_library_entry_dup_export_sequences_file (entry);
  HallwayBookmarks *bookmarks = hallway_library_entry_get_bookmarks (entry);
  HallwayTalk *talk = first_talk (demo);
  const char *keys[] = { hallway_talk_get_key (talk), NULL };
  g_autofree char *ics = NULL;
  g_autofree char *again = NULL;
  g_autofree char *sequence = NULL;
  g_autofree char *moved_sequence = NULL;
  g_autoptr (GError) error = NULL;

  hallway_plan_set_bookmarked (hallway_library_entry_get_plan (entry), talk, TRUE);
  ics = hallway_ical_export (demo, keys, bookmarks, first, NULL, 10, &error);
  g_assert_no_error (error);
  g_assert_true (hallway_export_sequences_save (first, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_query_exists (file, NULL));

  second = hallway_library_entry_load_export_sequences (entry);
  g_assert_true (second != first);
  again = hallway_ical_export (moved, keys, bookmarks, second, NULL, 10, &error);
  g_assert_no_error (error);
  sequence = first_sequence (ics);
  moved_sequence = first_sequence (again);
  g_assert_cmpstr (sequence, ==, "SEQUENCE:0");
  g_assert_cmpstr (moved_sequence, ==, "SEQUENCE:1");
}

int
main (int argc, char *argv[])
{
  hallway_test_init (&argc, &argv, HALLWAY_TEST_ISOLATE_DIRS);

  g_test_add_func ("/library-entry/builtin", test_builtin);
  g_test_add_func ("/library-entry/followed-follows-new-versions",
                   test_followed_follows_new_versions);
  g_test_add_func ("/library-entry/reminders-only-when-wanted", test_reminders_only_when_wanted);
  g_test_add_func ("/library-entry/delete-files", test_delete_files);
  g_test_add_func ("/library-entry/export-sequences", test_export_sequences);
  return g_test_run ();
}
