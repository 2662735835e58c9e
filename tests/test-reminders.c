/* SPDX-License-Identifier: EUPL-1.2 */
#include <glib/gstdio.h>
#include <string.h>
#include <time.h>

#include "hallway-bookmarks.h"
#include "hallway-conference-private.h"
#include "hallway-talk-private.h"
#include "hallway-reminder-scheduler.h"
#include "hallway-schedule-change.h"
#include "hallway-test-utils.h"
#include "hallway-test-talks.h"

/* ---- hand-built schedule versions --------------------------------------------------- */


#define BUILD(specs) hallway_test_build_version (specs, G_N_ELEMENTS (specs))
#define T(h) "2027-02-06T" h ":00+01:00"

static const HallwayTestTalk day_one[] = {
  { "keynote", "Keynote", T ("09:00"), 50, "Janson" },
  { "mover", "Moving talk", T ("10:00"), 30, "K.1.105" },
  { "dropped", "Dropped talk", T ("11:00"), 30, "H.2215" },
  { "other", "Not bookmarked", T ("12:00"), 30, "H.2215" },
};

/* "mover" a little later (within a 10-minute lead), "dropped" gone. */
static const HallwayTestTalk slightly_later[] = {
  { "keynote", "Keynote", T ("09:00"), 50, "Janson" },
  { "mover", "Moving talk", T ("10:05"), 30, "K.1.105" },
  { "other", "Not bookmarked", T ("12:00"), 30, "H.2215" },
};

/* "mover" to the afternoon, in another room. */
static const HallwayTestTalk much_later[] = {
  { "keynote", "Keynote", T ("09:00"), 50, "Janson" },
  { "mover", "Moving talk", T ("15:30"), 45, "UB2.252A" },
  { "dropped", "Dropped talk", T ("11:00"), 30, "H.2215" },
  { "other", "Not bookmarked", T ("12:00"), 30, "H.2215" },
};

/* "mover" to the early morning, before its old reminder time. */
static const HallwayTestTalk earlier[] = {
  { "keynote", "Keynote", T ("09:00"), 50, "Janson" },
  { "mover", "Moving talk", T ("09:58"), 30, "K.1.105" },
  { "dropped", "Dropped talk", T ("11:00"), 30, "H.2215" },
};

static GDateTime *
at (const char *iso)
{
  GDateTime *time = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (time);
  return time;
}

static void
assert_same_instant (GDateTime *time, const char *expected_iso)
{
  g_autoptr (GDateTime) expected = at (expected_iso);
  g_autofree char *text = time != NULL ? g_date_time_format_iso8601 (time) : g_strdup ("(none)");

  if (time == NULL || !g_date_time_equal (time, expected))
    g_error ("expected %s, got %s", expected_iso, text);
}

/* ---- a scheduler with everything it emits recorded ---------------------------------- */

typedef struct
{
  HallwayReminderScheduler *scheduler;
  HallwayBookmarks *bookmarks;
  HallwayConference *conference;
  GPtrArray *due;         /* HallwayReminder */
  GPtrArray *withdrawn;   /* char * */
  guint wakeup_changes;
} Harness;

static void
on_due (HallwayReminderScheduler *scheduler, HallwayReminder *reminder, Harness *harness)
{
  g_ptr_array_add (harness->due, hallway_reminder_copy (reminder));
}

static void
on_withdrawn (HallwayReminderScheduler *scheduler, const char *key, Harness *harness)
{
  g_ptr_array_add (harness->withdrawn, g_strdup (key));
}

static void
on_wakeup_changed (HallwayReminderScheduler *scheduler, Harness *harness)
{
  harness->wakeup_changes++;
}

static GFile *
state_file (void)
{
  return g_file_new_build_filename (g_get_user_state_dir (), "io.github.hallway_app.Hallway",
                                    "reminders-test.json", NULL);
}

static GFile *
bookmarks_file (void)
{
  return g_file_new_build_filename (g_get_user_data_dir (), "io.github.hallway_app.Hallway",
                                    "bookmarks", "test.json", NULL);
}

static void
harness_watch (Harness *harness, HallwayReminderScheduler *scheduler)
{
  g_clear_object (&harness->scheduler);
  harness->scheduler = scheduler;
  g_signal_connect (scheduler, "reminder-due", G_CALLBACK (on_due), harness);
  g_signal_connect (scheduler, "reminder-withdrawn", G_CALLBACK (on_withdrawn), harness);
  g_signal_connect (scheduler, "wakeup-changed", G_CALLBACK (on_wakeup_changed), harness);
}

/* A conference with the given talks bookmarked; the state file only when persist. */
static void
harness_init (Harness *harness, HallwayConference *conference, const char * const *bookmarked,
              gboolean persist)
{
  g_autoptr (GFile) bookmarks = bookmarks_file ();
  g_autoptr (GFile) state = persist ? state_file () : NULL;

  memset (harness, 0, sizeof *harness);
  harness->due = g_ptr_array_new_with_free_func ((GDestroyNotify) hallway_reminder_free);
  harness->withdrawn = g_ptr_array_new_with_free_func (g_free);
  harness->conference = conference;
  harness->bookmarks = hallway_bookmarks_new (bookmarks);
  for (guint i = 0; bookmarked != NULL && bookmarked[i] != NULL; i++)
    hallway_bookmarks_add (harness->bookmarks, hallway_test_talk (conference, bookmarked[i]));
  harness_watch (harness, hallway_reminder_scheduler_new (state));
  g_assert_true (hallway_reminder_scheduler_load (harness->scheduler, NULL));
  hallway_reminder_scheduler_set_conference (harness->scheduler, conference, harness->bookmarks);
}

static void
wait_for_saves (HallwayReminderScheduler *scheduler)
{
  while (hallway_reminder_scheduler_get_saving (scheduler))
    g_main_context_iteration (NULL, TRUE);
}

static void
harness_clear (Harness *harness)
{
  if (harness->scheduler != NULL)
    wait_for_saves (harness->scheduler);
  g_clear_object (&harness->scheduler);
  g_clear_object (&harness->bookmarks);
  g_clear_object (&harness->conference);
  g_clear_pointer (&harness->due, g_ptr_array_unref);
  g_clear_pointer (&harness->withdrawn, g_ptr_array_unref);
}

/* Replaces the schedule as HallwaySubscription does: bookmarks first, then the conference. */
static void
harness_update (Harness *harness, HallwayConference *new_version)
{
  hallway_bookmarks_update_from (harness->bookmarks, new_version);
  hallway_reminder_scheduler_set_conference (harness->scheduler, new_version, harness->bookmarks);
  g_clear_object (&harness->conference);
  harness->conference = new_version;
}

static guint
tick_at (Harness *harness, const char *iso)
{
  g_autoptr (GDateTime) now = at (iso);

  return hallway_reminder_scheduler_tick (harness->scheduler, now);
}

static HallwayReminder *
due_reminder (Harness *harness, guint index)
{
  g_assert_cmpuint (index, <, harness->due->len);
  return g_ptr_array_index (harness->due, index);
}

static void
assert_withdrawn (Harness *harness, const char *key)
{
  g_assert_cmpuint (harness->withdrawn->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (harness->withdrawn, 0), ==, key);
}

static void
assert_next_wakeup (Harness *harness, const char *now_iso, const char *expected_iso)
{
  g_autoptr (GDateTime) now = at (now_iso);
  g_autoptr (GDateTime) wakeup =
    hallway_reminder_scheduler_get_next_wakeup (harness->scheduler, now);

  if (expected_iso == NULL)
    g_assert_null (wakeup);
  else
    assert_same_instant (wakeup, expected_iso);
}

static const char *const only_mover[] = { "mover", NULL };

/* ---- lead times --------------------------------------------------------------------- */

static void
test_default_lead (void)
{
  g_autoptr (HallwayReminderScheduler) scheduler = hallway_reminder_scheduler_new (NULL);

  g_assert_cmpint (hallway_reminder_scheduler_get_lead_minutes (scheduler), ==, 10);
}

static void
check_lead (int lead, const char *due_iso, const char *just_before_iso, const char *last_iso,
            const char *too_late_iso)
{
  Harness harness;
  g_autoptr (GDateTime) due = NULL;

  harness_init (&harness, BUILD (day_one), only_mover, FALSE);
  hallway_reminder_scheduler_set_lead_minutes (harness.scheduler, lead);
  due = hallway_reminder_scheduler_dup_due_time (harness.scheduler, "mover");
  assert_same_instant (due, due_iso);

  g_assert_cmpuint (tick_at (&harness, just_before_iso), ==, 0);
  g_assert_cmpuint (tick_at (&harness, too_late_iso), ==, 0);
  g_assert_cmpuint (tick_at (&harness, last_iso), ==, 1);
  g_assert_cmpstr (due_reminder (&harness, 0)->key, ==, "mover");
  g_assert_cmpstr (due_reminder (&harness, 0)->title, ==, "Moving talk");
  g_assert_cmpstr (due_reminder (&harness, 0)->room, ==, "K.1.105");
  assert_same_instant (due_reminder (&harness, 0)->start, T ("10:00"));
  assert_same_instant (due_reminder (&harness, 0)->due, due_iso);
  g_assert_false (due_reminder (&harness, 0)->snoozed);
  /* Once only. */
  g_assert_cmpuint (tick_at (&harness, last_iso), ==, 0);
  g_assert_true (hallway_reminder_scheduler_was_shown (harness.scheduler, "mover"));
  g_assert_null (hallway_reminder_scheduler_dup_due_time (harness.scheduler, "mover"));
  harness_clear (&harness);
}

static void
test_lead_times (void)
{
  /* Due from start − lead until the start. */
  check_lead (30, T ("09:30"), "2027-02-06T09:29:59+01:00", "2027-02-06T09:59:59+01:00",
              T ("10:00"));
  check_lead (15, T ("09:45"), "2027-02-06T09:44:59+01:00", T ("09:45"), T ("10:00"));
  check_lead (10, T ("09:50"), "2027-02-06T09:49:59+01:00", T ("09:50"), T ("10:00"));
  check_lead (5, T ("09:55"), "2027-02-06T09:54:59+01:00", T ("09:55"), T ("10:00"));
  /* At start: due in the talk's first minute. */
  check_lead (0, T ("10:00"), "2027-02-06T09:59:59+01:00", "2027-02-06T10:00:59+01:00",
              T ("10:01"));
}

static void
test_lead_off (void)
{
  Harness harness;
  g_autoptr (GDateTime) now = at (T ("08:00"));
  g_autoptr (GDateTime) wakeup = NULL;

  harness_init (&harness, BUILD (day_one), only_mover, FALSE);
  hallway_reminder_scheduler_set_lead_minutes (harness.scheduler, HALLWAY_REMINDER_LEAD_OFF);
  g_assert_null (hallway_reminder_scheduler_dup_due_time (harness.scheduler, "mover"));
  g_assert_null (hallway_reminder_scheduler_get_next_wakeup (harness.scheduler, now));
  g_assert_cmpuint (tick_at (&harness, T ("09:50")), ==, 0);
  g_assert_cmpuint (tick_at (&harness, T ("10:00")), ==, 0);
  g_assert_false (hallway_reminder_scheduler_snooze (harness.scheduler, "mover", now, 5));

  /* Back on: armed again, and late but before the start it still shows. */
  hallway_reminder_scheduler_set_lead_minutes (harness.scheduler, 10);
  wakeup = hallway_reminder_scheduler_get_next_wakeup (harness.scheduler, now);
  assert_same_instant (wakeup, T ("09:50"));
  g_assert_cmpuint (tick_at (&harness, T ("09:52")), ==, 1);
  harness_clear (&harness);
}

static void
test_lead_property (void)
{
  g_autoptr (HallwayReminderScheduler) scheduler = hallway_reminder_scheduler_new (NULL);
  int lead = 0;

  g_object_set (scheduler, "lead-minutes", 15, NULL);
  g_assert_cmpint (hallway_reminder_scheduler_get_lead_minutes (scheduler), ==, 15);
  g_object_get (scheduler, "lead-minutes", &lead, NULL);
  g_assert_cmpint (lead, ==, 15);
}

/* ---- the next wake-up --------------------------------------------------------------- */

static void
test_next_wakeup (void)
{
  static const char *const bookmarked[] = { "keynote", "mover", "dropped", NULL };
  Harness harness;

  harness_init (&harness, BUILD (day_one), bookmarked, FALSE);
  /* "other" (11:50) is not bookmarked and never wakes anyone. */
  assert_next_wakeup (&harness, T ("07:00"), T ("08:50"));
  g_assert_cmpuint (tick_at (&harness, T ("08:50")), ==, 1);
  assert_next_wakeup (&harness, T ("08:50"), T ("09:50"));
  /* Due already: the wake-up is in the past, meaning "tick now". */
  assert_next_wakeup (&harness, T ("09:55"), T ("09:50"));
  /* "mover" was missed (its window closed at 10:00): it no longer counts. */
  assert_next_wakeup (&harness, T ("10:20"), T ("10:50"));
  g_assert_cmpuint (tick_at (&harness, T ("10:20")), ==, 0);
  g_assert_cmpuint (tick_at (&harness, T ("10:50")), ==, 1);
  g_assert_cmpstr (due_reminder (&harness, 1)->key, ==, "dropped");
  assert_next_wakeup (&harness, T ("10:50"), NULL);
  harness_clear (&harness);
}

static void
test_several_due_in_start_order (void)
{
  static const char *const bookmarked[] = { "dropped", "keynote", "mover", NULL };
  Harness harness;

  /* Three hours ahead, all three are due at 08:55 (bookmarked in another order). */
  harness_init (&harness, BUILD (day_one), bookmarked, FALSE);
  hallway_reminder_scheduler_set_lead_minutes (harness.scheduler, 180);
  g_assert_cmpuint (tick_at (&harness, T ("08:55")), ==, 3);
  g_assert_cmpstr (due_reminder (&harness, 0)->key, ==, "keynote");
  g_assert_cmpstr (due_reminder (&harness, 1)->key, ==, "mover");
  g_assert_cmpstr (due_reminder (&harness, 2)->key, ==, "dropped");
  harness_clear (&harness);
}

static void
test_wakeup_changed (void)
{
  Harness harness;
  g_autoptr (GDateTime) now = at (T ("09:51"));
  guint before;

  harness_init (&harness, BUILD (day_one), NULL, FALSE);
  before = harness.wakeup_changes;
  hallway_bookmarks_add (harness.bookmarks, hallway_test_talk (harness.conference, "mover"));
  g_assert_cmpuint (harness.wakeup_changes, >, before);

  before = harness.wakeup_changes;
  hallway_reminder_scheduler_set_lead_minutes (harness.scheduler, 5);
  g_assert_cmpuint (harness.wakeup_changes, >, before);

  before = harness.wakeup_changes;
  g_assert_true (hallway_reminder_scheduler_snooze (harness.scheduler, "mover", now, 5));
  g_assert_cmpuint (harness.wakeup_changes, >, before);

  /* tick() leaves re-arming to its caller. */
  before = harness.wakeup_changes;
  g_assert_cmpuint (tick_at (&harness, T ("09:56")), ==, 1);
  g_assert_cmpuint (harness.wakeup_changes, ==, before);
  harness_clear (&harness);
}

/* ---- schedule updates --------------------------------------------------------------- */

static void
test_moved_before_shown (void)
{
  Harness harness;
  g_autoptr (GDateTime) due = NULL;

  harness_init (&harness, BUILD (day_one), only_mover, FALSE);
  harness_update (&harness, BUILD (much_later));
  due = hallway_reminder_scheduler_dup_due_time (harness.scheduler, "mover");
  assert_same_instant (due, T ("15:20"));
  /* Never a reminder for the old time. */
  g_assert_cmpuint (tick_at (&harness, T ("09:50")), ==, 0);
  g_assert_cmpuint (tick_at (&harness, T ("09:59")), ==, 0);
  assert_next_wakeup (&harness, T ("09:59"), T ("15:20"));
  g_assert_cmpuint (tick_at (&harness, T ("15:20")), ==, 1);
  g_assert_cmpstr (due_reminder (&harness, 0)->room, ==, "UB2.252A");
  assert_same_instant (due_reminder (&harness, 0)->start, T ("15:30"));
  g_assert_cmpuint (harness.withdrawn->len, ==, 0);
  harness_clear (&harness);
}

static void
test_moved_earlier_shows_late (void)
{
  Harness harness;

  harness_init (&harness, BUILD (day_one), only_mover, FALSE);
  g_assert_cmpuint (tick_at (&harness, T ("09:40")), ==, 0);
  /* At 09:50 the update says 09:58: its reminder time (09:48) has passed, the talk has not
   * started, so it shows at once. */
  harness_update (&harness, BUILD (earlier));
  g_assert_cmpuint (tick_at (&harness, T ("09:50")), ==, 1);
  assert_same_instant (due_reminder (&harness, 0)->start, T ("09:58"));
  harness_clear (&harness);
}

static void
test_moved_after_shown (void)
{
  Harness harness;

  harness_init (&harness, BUILD (day_one), only_mover, FALSE);
  g_assert_cmpuint (tick_at (&harness, T ("09:50")), ==, 1);

  /* Five minutes later, within the lead: the reminder shown covers it. */
  harness_update (&harness, BUILD (slightly_later));
  g_assert_cmpuint (harness.withdrawn->len, ==, 0);
  g_assert_true (hallway_reminder_scheduler_was_shown (harness.scheduler, "mover"));
  g_assert_cmpuint (tick_at (&harness, T ("09:55")), ==, 0);

  /* To the afternoon: the stale notification goes, the reminder comes back for 15:30. */
  harness_update (&harness, BUILD (much_later));
  assert_withdrawn (&harness, "mover");
  g_assert_false (hallway_reminder_scheduler_was_shown (harness.scheduler, "mover"));
  g_assert_cmpuint (tick_at (&harness, T ("09:56")), ==, 0);
  g_assert_cmpuint (tick_at (&harness, T ("15:20")), ==, 1);
  g_assert_cmpuint (harness.due->len, ==, 2);
  assert_same_instant (due_reminder (&harness, 1)->start, T ("15:30"));
  g_assert_cmpuint (tick_at (&harness, T ("15:21")), ==, 0);
  harness_clear (&harness);
}

static void
test_chain_of_small_moves (void)
{
  static const HallwayTestTalk plus_ten[] = { { "mover", "Moving talk", T ("10:10"), 30,
                                                "K.1.105" } };
  static const HallwayTestTalk plus_fifteen[] = { { "mover", "Moving talk", T ("10:15"), 30,
                                                    "K.1.105" } };
  Harness harness;

  harness_init (&harness, BUILD (day_one), only_mover, FALSE);
  g_assert_cmpuint (tick_at (&harness, T ("09:50")), ==, 1);
  harness_update (&harness, BUILD (slightly_later));
  harness_update (&harness, BUILD (plus_ten));
  /* Ten minutes after the start it was shown for: still covered. */
  g_assert_cmpuint (harness.withdrawn->len, ==, 0);
  /* Fifteen, counted from the start it was shown for, not from the last move: shown again. */
  harness_update (&harness, BUILD (plus_fifteen));
  assert_withdrawn (&harness, "mover");
  g_assert_cmpuint (tick_at (&harness, T ("10:05")), ==, 1);
  harness_clear (&harness);
}

static void
test_cancelled_never_reminds (void)
{
  static const char *const bookmarked[] = { "dropped", NULL };
  Harness harness;

  harness_init (&harness, BUILD (day_one), bookmarked, FALSE);
  harness_update (&harness, BUILD (slightly_later));
  g_assert_true (hallway_bookmarks_is_cancelled (harness.bookmarks, "dropped"));
  g_assert_null (hallway_reminder_scheduler_dup_due_time (harness.scheduler, "dropped"));
  assert_next_wakeup (&harness, T ("07:00"), NULL);
  g_assert_cmpuint (tick_at (&harness, T ("10:50")), ==, 0);
  /* Never shown: nothing to withdraw. */
  g_assert_cmpuint (harness.withdrawn->len, ==, 0);
  harness_clear (&harness);
}

static void
test_cancelled_after_shown_withdraws (void)
{
  static const char *const bookmarked[] = { "dropped", NULL };
  Harness harness;

  harness_init (&harness, BUILD (day_one), bookmarked, FALSE);
  g_assert_cmpuint (tick_at (&harness, T ("10:50")), ==, 1);
  harness_update (&harness, BUILD (slightly_later));
  assert_withdrawn (&harness, "dropped");
  g_assert_false (hallway_reminder_scheduler_was_shown (harness.scheduler, "dropped"));
  g_assert_cmpuint (tick_at (&harness, T ("10:55")), ==, 0);
  harness_clear (&harness);
}

static void
test_missing_from_conference_is_cancelled (void)
{
  static const char *const bookmarked[] = { "dropped", NULL };
  Harness harness;
  HallwayConference *without = BUILD (slightly_later);

  /* Without the bookmarks updated: the talk is gone from the schedule handed over. */
  harness_init (&harness, BUILD (day_one), bookmarked, FALSE);
  hallway_reminder_scheduler_set_conference (harness.scheduler, without, harness.bookmarks);
  g_clear_object (&harness.conference);
  harness.conference = without;
  g_assert_cmpuint (tick_at (&harness, T ("10:50")), ==, 0);
  harness_clear (&harness);
}

static void
test_snapshots_without_conference (void)
{
  static const char *const bookmarked[] = { "mover", "dropped", NULL };
  Harness harness;
  g_autoptr (HallwayConference) second = BUILD (slightly_later);
  g_autoptr (GDateTime) due = NULL;

  harness_init (&harness, BUILD (day_one), bookmarked, FALSE);
  hallway_bookmarks_update_from (harness.bookmarks, second);
  /* No schedule loaded yet (the app was started at login): the snapshots stand in. */
  hallway_reminder_scheduler_set_conference (harness.scheduler, NULL, harness.bookmarks);
  due = hallway_reminder_scheduler_dup_due_time (harness.scheduler, "mover");
  assert_same_instant (due, T ("09:55"));
  g_assert_null (hallway_reminder_scheduler_dup_due_time (harness.scheduler, "dropped"));
  g_assert_cmpuint (tick_at (&harness, T ("09:56")), ==, 1);
  g_assert_cmpstr (due_reminder (&harness, 0)->title, ==, "Moving talk");
  g_assert_cmpstr (due_reminder (&harness, 0)->room, ==, "K.1.105");
  harness_clear (&harness);
}

/* ---- suspend: the clock jumps ------------------------------------------------------- */

static void
test_suspend_wakes_before_start (void)
{
  Harness harness;
  g_autofree char *body = NULL;
  g_autoptr (GDateTime) resumed = at (T ("09:57"));

  harness_init (&harness, BUILD (day_one), only_mover, FALSE);
  g_assert_cmpuint (tick_at (&harness, T ("09:00")), ==, 0);
  assert_next_wakeup (&harness, T ("09:00"), T ("09:50"));
  /* Asleep from 09:01 to 09:57: the timer never fired; resume ticks. Once, late. */
  g_assert_cmpuint (tick_at (&harness, T ("09:57")), ==, 1);
  assert_same_instant (due_reminder (&harness, 0)->due, T ("09:50"));
  body = hallway_reminder_scheduler_format_body (due_reminder (&harness, 0)->room,
                                                 due_reminder (&harness, 0)->start, resumed, NULL);
  g_assert_cmpstr (body, ==, "In 3 minutes · K.1.105");
  g_assert_cmpuint (tick_at (&harness, T ("09:58")), ==, 0);
  g_assert_cmpuint (tick_at (&harness, T ("09:59")), ==, 0);
  harness_clear (&harness);
}

static void
test_suspend_wakes_after_start (void)
{
  Harness harness;

  harness_init (&harness, BUILD (day_one), only_mover, FALSE);
  g_assert_cmpuint (tick_at (&harness, T ("09:00")), ==, 0);
  /* Asleep until the talk had begun: never. */
  g_assert_cmpuint (tick_at (&harness, "2027-02-06T10:00:01+01:00"), ==, 0);
  g_assert_cmpuint (tick_at (&harness, T ("10:20")), ==, 0);
  assert_next_wakeup (&harness, T ("10:20"), NULL);
  g_assert_false (hallway_reminder_scheduler_was_shown (harness.scheduler, "mover"));
  harness_clear (&harness);
}

/* ---- DST ---------------------------------------------------------------------------- */

static HallwayConference *
read_dst_fixture (void)
{
  g_autoptr (GError) error = NULL;
  HallwayConference *conference = hallway_test_read_fixture ("reminders-dst.xml", &error);

  g_assert_no_error (error);
  return conference;
}

static void
assert_due (Harness *harness, const char *key, const char *expected_iso)
{
  g_autoptr (GDateTime) due = hallway_reminder_scheduler_dup_due_time (harness->scheduler, key);

  assert_same_instant (due, expected_iso);
}

static void
assert_dst_due_times (Harness *harness)
{
  /* 01:30 CET − 15 min = 01:15 CET. */
  assert_due (harness, "dst26/night", "2026-03-29T01:15:00+01:00");
  /* 03:10 CEST − 15 min is 01:55 CET: wall-clock arithmetic would say 02:55, an hour off
   * (and a time that does not exist that night). */
  assert_due (harness, "dst26/early", "2026-03-29T00:55:00Z");
  assert_due (harness, "dst26/early", "2026-03-29T01:55:00+01:00");
  assert_due (harness, "dst26/morning", "2026-03-29T09:45:00+02:00");
}

static void
test_dst_switch_day (void)
{
  static const char *const bookmarked[] = { "dst26/night", "dst26/early", "dst26/morning", NULL };
  static const char *const computer_zones[] = {
    "Europe/Berlin", "America/New_York", "Pacific/Auckland",
  };
  Harness harness;
  HallwayTalk *night, *early;
  g_autofree char *night_start = NULL;
  g_autofree char *early_start = NULL;

  harness_init (&harness, read_dst_fixture (), bookmarked, FALSE);
  night = hallway_test_talk (harness.conference, "dst26/night");
  early = hallway_test_talk (harness.conference, "dst26/early");
  night_start = g_date_time_format (hallway_talk_get_start (night), "%FT%T%:z");
  early_start = g_date_time_format (hallway_talk_get_start (early), "%FT%T%:z");
  g_assert_cmpstr (night_start, ==, "2026-03-29T01:30:00+01:00");
  g_assert_cmpstr (early_start, ==, "2026-03-29T03:10:00+02:00");

  hallway_reminder_scheduler_set_lead_minutes (harness.scheduler, 15);
  assert_dst_due_times (&harness);

  /* The computer's own zone plays no part, not even when it is the conference's. */
  for (guint i = 0; i < G_N_ELEMENTS (computer_zones); i++)
    {
      g_setenv ("TZ", computer_zones[i], TRUE);
      tzset ();
      assert_dst_due_times (&harness);
    }
  g_unsetenv ("TZ");
  tzset ();

  assert_next_wakeup (&harness, "2026-03-29T00:00:00+01:00", "2026-03-29T00:15:00Z");
  g_assert_cmpuint (tick_at (&harness, "2026-03-29T01:15:00+01:00"), ==, 1);
  assert_next_wakeup (&harness, "2026-03-29T01:15:00+01:00", "2026-03-29T00:55:00Z");
  g_assert_cmpuint (tick_at (&harness, "2026-03-29T00:54:59Z"), ==, 0);
  g_assert_cmpuint (tick_at (&harness, "2026-03-29T00:55:00Z"), ==, 1);
  g_assert_cmpstr (due_reminder (&harness, 1)->key, ==, "dst26/early");
  g_assert_cmpuint (tick_at (&harness, "2026-03-29T09:44:59+02:00"), ==, 0);
  g_assert_cmpuint (tick_at (&harness, "2026-03-29T07:45:00Z"), ==, 1);
  harness_clear (&harness);
}

static void
test_dst_body_counts_real_minutes (void)
{
  g_autoptr (GDateTime) start = at ("2026-03-29T03:10:00+02:00");
  g_autoptr (GDateTime) now = at ("2026-03-29T01:55:00+01:00");
  g_autoptr (GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autofree char *body = hallway_reminder_scheduler_format_body ("Saal 1", start, now, berlin);

  g_assert_cmpstr (body, ==, "In 15 minutes · Saal 1");
}

/* ---- restarts ----------------------------------------------------------------------- */

static HallwayReminderScheduler *
restart_scheduler (Harness *harness)
{
  g_autoptr (GFile) file = state_file ();
  HallwayReminderScheduler *scheduler;
  g_autoptr (GError) error = NULL;

  if (harness->scheduler != NULL)
    wait_for_saves (harness->scheduler);
  scheduler = hallway_reminder_scheduler_new (file);
  harness_watch (harness, scheduler);
  g_assert_true (hallway_reminder_scheduler_load (scheduler, &error));
  g_assert_no_error (error);
  hallway_reminder_scheduler_set_conference (scheduler, harness->conference, harness->bookmarks);
  return scheduler;
}

static void
test_restart_keeps_shown (void)
{
  static const char *const bookmarked[] = { "mover", "dropped", NULL };
  Harness harness;
  g_autoptr (GFile) file = state_file ();
  g_autofree char *contents = NULL;

  harness_init (&harness, BUILD (day_one), bookmarked, TRUE);
  g_assert_cmpuint (tick_at (&harness, T ("09:50")), ==, 1);
  wait_for_saves (harness.scheduler);
  g_assert_true (g_file_load_contents (file, NULL, &contents, NULL, NULL, NULL));
  g_assert_nonnull (strstr (contents, "\"version\" : 1"));
  g_assert_nonnull (strstr (contents, "\"mover\""));

  /* Restarted at 09:55: "mover" was shown, and is not again. */
  restart_scheduler (&harness);
  g_assert_cmpuint (harness.withdrawn->len, ==, 0);
  g_assert_true (hallway_reminder_scheduler_was_shown (harness.scheduler, "mover"));
  g_assert_cmpuint (tick_at (&harness, T ("09:55")), ==, 0);

  /* Down from 10:45 to 10:57: "dropped" (due 10:50) was never shown; it shows late. */
  restart_scheduler (&harness);
  g_assert_cmpuint (tick_at (&harness, T ("10:57")), ==, 1);
  g_assert_cmpstr (due_reminder (&harness, 1)->key, ==, "dropped");

  restart_scheduler (&harness);
  g_assert_cmpuint (tick_at (&harness, T ("10:58")), ==, 0);
  harness_clear (&harness);
}

static void
test_restart_after_unbookmark_withdraws (void)
{
  Harness harness;

  harness_init (&harness, BUILD (day_one), only_mover, TRUE);
  g_assert_cmpuint (tick_at (&harness, T ("09:50")), ==, 1);
  wait_for_saves (harness.scheduler);
  /* Unbookmarked while Hallway was not running: its notification may still be up. */
  g_clear_object (&harness.scheduler);
  hallway_bookmarks_remove (harness.bookmarks, "mover");
  restart_scheduler (&harness);
  assert_withdrawn (&harness, "mover");
  harness_clear (&harness);
}

static void
test_state_from_newer_version_kept (void)
{
  static const char newer[] = "{ \"version\": 2, \"shown\": [], \"future\": true }\n";
  Harness harness;
  g_autoptr (GFile) file = state_file ();
  g_autoptr (GFile) folder = g_file_get_parent (file);
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;

  g_assert_true (g_file_make_directory_with_parents (folder, NULL, NULL) ||
                 g_file_query_exists (folder, NULL));
  g_assert_true (g_file_replace_contents (file, newer, strlen (newer), NULL, FALSE,
                                          G_FILE_CREATE_NONE, NULL, NULL, NULL));
  harness_init (&harness, BUILD (day_one), only_mover, FALSE);
  harness_watch (&harness, hallway_reminder_scheduler_new (file));
  g_assert_false (hallway_reminder_scheduler_load (harness.scheduler, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  hallway_reminder_scheduler_set_conference (harness.scheduler, harness.conference,
                                             harness.bookmarks);
  /* Still reminds, but never overwrites the newer file. */
  g_assert_cmpuint (tick_at (&harness, T ("09:50")), ==, 1);
  g_assert_false (hallway_reminder_scheduler_get_saving (harness.scheduler));
  g_assert_true (g_file_load_contents (file, NULL, &contents, NULL, NULL, NULL));
  g_assert_cmpstr (contents, ==, newer);
  harness_clear (&harness);
  g_assert_true (g_file_delete (file, NULL, NULL));
}

static void
test_damaged_state_replaced (gconstpointer data)
{
  const char *damaged = data;
  Harness harness;
  g_autoptr (GFile) file = state_file ();
  g_autoptr (GFile) folder = g_file_get_parent (file);
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;

  g_assert_true (g_file_make_directory_with_parents (folder, NULL, NULL) ||
                 g_file_query_exists (folder, NULL));
  g_assert_true (g_file_replace_contents (file, damaged, strlen (damaged), NULL, FALSE,
                                          G_FILE_CREATE_NONE, NULL, NULL, NULL));
  harness_init (&harness, BUILD (day_one), only_mover, FALSE);
  harness_watch (&harness, hallway_reminder_scheduler_new (file));
  g_assert_false (hallway_reminder_scheduler_load (harness.scheduler, &error));
  g_assert_nonnull (error);
  hallway_reminder_scheduler_set_conference (harness.scheduler, harness.conference,
                                             harness.bookmarks);
  g_assert_cmpuint (tick_at (&harness, T ("09:50")), ==, 1);
  wait_for_saves (harness.scheduler);
  g_assert_true (g_file_load_contents (file, NULL, &contents, NULL, NULL, NULL));
  g_assert_nonnull (strstr (contents, "\"mover\""));
  harness_clear (&harness);
  g_assert_true (g_file_delete (file, NULL, NULL));
}

/* ---- unbookmarking and snoozing ----------------------------------------------------- */

static void
test_unbookmark_withdraws (void)
{
  static const char *const bookmarked[] = { "mover", "dropped", NULL };
  Harness harness;

  harness_init (&harness, BUILD (day_one), bookmarked, FALSE);
  g_assert_cmpuint (tick_at (&harness, T ("09:50")), ==, 1);
  hallway_bookmarks_remove (harness.bookmarks, "mover");
  assert_withdrawn (&harness, "mover");
  g_assert_false (hallway_reminder_scheduler_was_shown (harness.scheduler, "mover"));

  /* Never shown: nothing to withdraw, and no reminder either. */
  hallway_bookmarks_remove (harness.bookmarks, "dropped");
  g_assert_cmpuint (harness.withdrawn->len, ==, 1);
  g_assert_cmpuint (tick_at (&harness, T ("10:50")), ==, 0);

  /* Bookmarked again before the start: reminded again. */
  hallway_bookmarks_add (harness.bookmarks, hallway_test_talk (harness.conference, "mover"));
  g_assert_cmpuint (tick_at (&harness, T ("09:52")), ==, 1);
  harness_clear (&harness);
}

static void
test_snooze (void)
{
  Harness harness;
  g_autoptr (GDateTime) shown_at = at (T ("09:51"));
  g_autoptr (GDateTime) snoozed_at = NULL;

  harness_init (&harness, BUILD (day_one), only_mover, TRUE);
  g_assert_cmpuint (tick_at (&harness, T ("09:50")), ==, 1);
  g_assert_true (hallway_reminder_scheduler_snooze (harness.scheduler, "mover", shown_at,
                                                    HALLWAY_REMINDER_SNOOZE_MINUTES));
  assert_next_wakeup (&harness, T ("09:51"), T ("09:56"));
  g_assert_cmpuint (tick_at (&harness, "2027-02-06T09:55:59+01:00"), ==, 0);

  /* Survives a restart. */
  restart_scheduler (&harness);
  g_assert_cmpuint (tick_at (&harness, T ("09:56")), ==, 1);
  g_assert_true (due_reminder (&harness, 1)->snoozed);
  assert_same_instant (due_reminder (&harness, 1)->due, T ("09:56"));
  g_assert_cmpuint (tick_at (&harness, T ("09:57")), ==, 0);

  /* Snoozed at the start: may fire after it, until the talk ends (10:30). */
  snoozed_at = at (T ("10:00"));
  g_assert_true (hallway_reminder_scheduler_snooze (harness.scheduler, "mover", snoozed_at, 5));
  g_assert_cmpuint (tick_at (&harness, T ("10:05")), ==, 1);
  g_clear_pointer (&snoozed_at, g_date_time_unref);
  /* One that would land at or after the end is refused. */
  snoozed_at = at (T ("10:25"));
  g_assert_false (hallway_reminder_scheduler_snooze (harness.scheduler, "mover", snoozed_at, 5));
  g_assert_false (hallway_reminder_scheduler_snooze (harness.scheduler, "other", shown_at, 5));
  g_assert_false (hallway_reminder_scheduler_snooze (harness.scheduler, "no-such-talk",
                                                     shown_at, 5));
  harness_clear (&harness);
}

static void
test_snooze_withdrawn_with_bookmark (void)
{
  Harness harness;
  g_autoptr (GDateTime) now = at (T ("09:51"));

  harness_init (&harness, BUILD (day_one), only_mover, FALSE);
  g_assert_cmpuint (tick_at (&harness, T ("09:50")), ==, 1);
  g_assert_true (hallway_reminder_scheduler_snooze (harness.scheduler, "mover", now, 5));
  hallway_bookmarks_remove (harness.bookmarks, "mover");
  assert_withdrawn (&harness, "mover");
  g_assert_cmpuint (tick_at (&harness, T ("09:56")), ==, 0);
  harness_clear (&harness);
}

/* ---- texts -------------------------------------------------------------------------- */

#define LONG_TITLE "Scaling national open-source products across Europe: lessons learned " \
                   "from the Dutch government"

static void
assert_body (const char *expected, const char *room, const char *start_iso, const char *now_iso,
             const char *zone)
{
  g_autoptr (GDateTime) start = at (start_iso);
  g_autoptr (GDateTime) now = at (now_iso);
  g_autoptr (GTimeZone) display_zone = zone != NULL ? g_time_zone_new_identifier (zone) : NULL;
  g_autofree char *body =
    hallway_reminder_scheduler_format_body (room, start, now, display_zone);

  g_assert_cmpstr (body, ==, expected);
}

/* The body says when and where; the title is the summary's, not repeated. */
static void
test_format_body (void)
{
  assert_body ("In 10 minutes · AW1.120", "AW1.120", T ("14:30"), T ("14:20"), NULL);
  assert_body ("In 30 minutes · AW1.120", "AW1.120", T ("14:30"), T ("14:00"), NULL);
  assert_body ("In 1 minute · AW1.120", "AW1.120", T ("14:30"), T ("14:29"), NULL);
  /* Rounded up: a timer a moment late still says 10. */
  assert_body ("In 10 minutes · AW1.120", "AW1.120", T ("14:30"), "2027-02-06T14:20:00.250+01:00",
               NULL);
  assert_body ("In 1 minute · AW1.120", "AW1.120", T ("14:30"), "2027-02-06T14:29:30+01:00", NULL);
  assert_body ("Now · AW1.120", "AW1.120", T ("14:30"), T ("14:30"), NULL);
  assert_body ("Now · AW1.120", "AW1.120", T ("14:30"), "2027-02-06T14:30:59+01:00", NULL);
  /* A snooze after the start, in the zone the person reads times in. */
  assert_body ("Started at 14:30 · AW1.120", "AW1.120", T ("14:30"), T ("14:35"),
               "Europe/Brussels");
  assert_body ("Started at 13:30 · AW1.120", "AW1.120", T ("14:30"), T ("14:35"), "UTC");
  assert_body ("Started at 14:30 · AW1.120", "AW1.120", T ("14:30"), T ("14:35"), NULL);
  assert_body ("In 5 minutes", NULL, T ("14:30"), T ("14:25"), NULL);
  assert_body ("In 5 minutes", "", T ("14:30"), T ("14:25"), NULL);
}

static void
assert_summary (const char *expected, const char *title)
{
  g_autofree char *summary = hallway_reminder_scheduler_format_summary (title);

  g_assert_cmpstr (summary, ==, expected);
}

static void
test_title_shortening (void)
{
  const char *sixty = "abcdefghij abcdefghij abcdefghij abcdefghij abcdefghij abcdefghi";
  g_autofree char *exact = g_strndup (sixty, 60);
  g_autofree char *unbroken = g_strnfill (80, 'x');
  g_autofree char *expected_unbroken = g_strdup_printf ("%.59s…", unbroken);

  assert_summary ("Scaling national open-source products across Europe…", LONG_TITLE);
  assert_summary ("Short", "Short");
  assert_summary ("Untitled talk", NULL);
  /* Sixty characters stay whole. */
  assert_summary (exact, exact);
  /* No space to break at: cut at 59 characters plus the ellipsis. */
  assert_summary (expected_unbroken, unbroken);
  /* Counted in characters, not bytes. */
  assert_summary ("Éléments d’interface: comment les équipes européennes…",
                  "Éléments d’interface: comment les équipes européennes décident ensemble "
                  "des priorités");
}

static GListModel *
diff_of (const HallwayTestTalk *old_specs, guint n_old, const HallwayTestTalk *new_specs,
         guint n_new)
{
  g_autoptr (HallwayConference) old_version = hallway_test_build_version (old_specs, n_old);
  g_autoptr (HallwayConference) new_version = hallway_test_build_version (new_specs, n_new);

  return hallway_schedule_diff (old_version, new_version);
}

static HallwayScheduleChange *
change_for (GListModel *changes, const char *key)
{
  for (guint i = 0; i < g_list_model_get_n_items (changes); i++)
    {
      g_autoptr (HallwayScheduleChange) change = g_list_model_get_item (changes, i);

      if (g_str_equal (hallway_schedule_change_get_key (change), key))
        return change;
    }
  g_error ("no change for %s", key);
}

static void
assert_description (GListModel *changes, const char *key, const char *zone, const char *expected)
{
  g_autoptr (GTimeZone) display_zone = zone != NULL ? g_time_zone_new_identifier (zone) : NULL;
  g_autofree char *text = hallway_reminder_scheduler_describe_change (change_for (changes, key),
                                                                      display_zone);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_describe_change (void)
{
  static const HallwayTestTalk before[] = {
    { "both", "Time and room", T ("10:00"), 30, "K.1.105" },
    { "time", "Time only", T ("11:00"), 30, "K.1.105" },
    { "room", "Room only", T ("12:00"), 30, "K.1.105" },
    { "longer", "Runs longer", T ("13:00"), 30, "K.1.105" },
    { "day", "Next day", T ("14:00"), 30, "K.1.105" },
    { "gone", "Dropped talk", T ("15:00"), 30, "K.1.105" },
    { "renamed", "Old title", T ("16:00"), 30, "K.1.105" },
  };
  static const HallwayTestTalk after[] = {
    { "both", "Time and room", T ("14:30"), 30, "K.3.201" },
    { "time", "Time only", T ("11:15"), 30, "K.1.105" },
    { "room", "Room only", T ("12:00"), 30, "UB2.252A" },
    { "longer", "Runs longer", T ("13:00"), 45, "K.1.105" },
    { "day", "Next day", "2027-02-07T10:00:00+01:00", 30, "K.1.105" },
    { "renamed", "New title", T ("16:00"), 30, "K.1.105" },
    { "added", "Added talk", T ("17:00"), 30, "K.1.105" },
  };
  g_autoptr (GListModel) changes =
    diff_of (before, G_N_ELEMENTS (before), after, G_N_ELEMENTS (after));

  assert_description (changes, "both", NULL, "Moved to 14:30, K.3.201 · Time and room");
  assert_description (changes, "both", "UTC", "Moved to 13:30, K.3.201 · Time and room");
  assert_description (changes, "time", NULL, "Moved to 11:15 · Time only");
  assert_description (changes, "room", NULL, "Moved to UB2.252A · Room only");
  assert_description (changes, "longer", NULL, "Now ends at 13:45 · Runs longer");
  assert_description (changes, "day", "Europe/Brussels", "Moved to Sun 10:00 · Next day");
  assert_description (changes, "gone", NULL, "Cancelled · Dropped talk");
  assert_description (changes, "renamed", NULL, NULL);
  assert_description (changes, "added", NULL, NULL);
}

static void
test_describe_long_title (void)
{
  static const HallwayTestTalk before[] = { { "long", LONG_TITLE, T ("10:00"), 30, "AW1.120" } };
  static const HallwayTestTalk after[] = { { "other", "Other", T ("10:00"), 30, "AW1.120" } };
  g_autoptr (GListModel) changes = diff_of (before, 1, after, 1);

  assert_description (changes, "long", NULL,
                      "Cancelled · Scaling national open-source products across Europe…");
}

int
main (int argc, char *argv[])
{
  hallway_test_init (&argc, &argv, HALLWAY_TEST_ISOLATE_DIRS | HALLWAY_TEST_ENGLISH);

  g_test_add_func ("/reminders/lead/default", test_default_lead);
  g_test_add_func ("/reminders/lead/times", test_lead_times);
  g_test_add_func ("/reminders/lead/off", test_lead_off);
  g_test_add_func ("/reminders/lead/property", test_lead_property);
  g_test_add_func ("/reminders/wakeup/next", test_next_wakeup);
  g_test_add_func ("/reminders/wakeup/several-due-in-start-order", test_several_due_in_start_order);
  g_test_add_func ("/reminders/wakeup/changed-signal", test_wakeup_changed);
  g_test_add_func ("/reminders/update/moved-before-shown", test_moved_before_shown);
  g_test_add_func ("/reminders/update/moved-earlier-shows-late", test_moved_earlier_shows_late);
  g_test_add_func ("/reminders/update/moved-after-shown", test_moved_after_shown);
  g_test_add_func ("/reminders/update/chain-of-small-moves", test_chain_of_small_moves);
  g_test_add_func ("/reminders/update/cancelled-never-reminds", test_cancelled_never_reminds);
  g_test_add_func ("/reminders/update/cancelled-after-shown-withdraws",
                   test_cancelled_after_shown_withdraws);
  g_test_add_func ("/reminders/update/missing-from-conference",
                   test_missing_from_conference_is_cancelled);
  g_test_add_func ("/reminders/update/snapshots-without-conference",
                   test_snapshots_without_conference);
  g_test_add_func ("/reminders/suspend/wakes-before-start", test_suspend_wakes_before_start);
  g_test_add_func ("/reminders/suspend/wakes-after-start", test_suspend_wakes_after_start);
  g_test_add_func ("/reminders/dst/switch-day", test_dst_switch_day);
  g_test_add_func ("/reminders/dst/body-counts-real-minutes", test_dst_body_counts_real_minutes);
  g_test_add_func ("/reminders/restart/keeps-shown", test_restart_keeps_shown);
  g_test_add_func ("/reminders/restart/unbookmarked-meanwhile",
                   test_restart_after_unbookmark_withdraws);
  g_test_add_func ("/reminders/restart/newer-version-kept", test_state_from_newer_version_kept);
  g_test_add_data_func ("/reminders/restart/damaged-state-replaced",
                        "{ \"version\": 1, \"shown\": [ { \"key\": ", test_damaged_state_replaced);
  /* Several top-level values aborted the process in json-glib. */
  g_test_add_data_func ("/reminders/restart/two-values-replaced", "{}{}",
                        test_damaged_state_replaced);
  g_test_add_func ("/reminders/unbookmark/withdraws", test_unbookmark_withdraws);
  g_test_add_func ("/reminders/snooze/rearms", test_snooze);
  g_test_add_func ("/reminders/snooze/withdrawn-with-bookmark",
                   test_snooze_withdrawn_with_bookmark);
  g_test_add_func ("/reminders/text/format-body", test_format_body);
  g_test_add_func ("/reminders/text/title-shortening", test_title_shortening);
  g_test_add_func ("/reminders/text/describe-change", test_describe_change);
  g_test_add_func ("/reminders/text/describe-long-title", test_describe_long_title);
  return g_test_run ();
}
