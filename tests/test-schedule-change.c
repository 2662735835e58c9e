/* SPDX-License-Identifier: EUPL-1.2 */
#include "hallway-bookmarks.h"
#include "hallway-conference-private.h"
#include "hallway-plan.h"
#include "hallway-talk-private.h"
#include "hallway-schedule-change.h"
#include "hallway-test-talks.h"
#include "hallway-test-utils.h"

static HallwayConference *
build_version (const HallwayTestTalk *specs, guint n_specs)
{
  HallwayConference *conference = hallway_conference_new ();

  hallway_conference_set_acronym (conference, "demo");
  g_assert_true (hallway_conference_set_time_zone_name (conference, "Europe/Brussels"));
  for (guint i = 0; i < n_specs; i++)
    hallway_conference_add_talk (conference, hallway_test_make_talk (conference, &specs[i]));
  hallway_conference_finish (conference);
  return conference;
}

#define T(h) "2027-02-06T" h ":00+01:00"

static const HallwayTestTalk old_talks[] = {
  { "removed-late", "Gone late", T ("09:00"), 30, "A", "Desktop", "Ada", "<p>x</p>" },
  { "removed-early", "Gone early", T ("08:00"), 30, "B", "Desktop", "Ada", "<p>x</p>" },
  { "same", "Same", T ("08:30"), 30, "A", "Desktop", "Ada,Grace", "<p>same</p>" },
  { "same-instant", "Same instant", T ("08:30"), 30, "B", NULL, NULL, NULL },
  { "empty-abstract", "Empty", T ("08:40"), 10, "A", NULL, NULL, NULL },
  { "start-moved", "Start", T ("10:00"), 30, "A", "Desktop", "Ada", "<p>s</p>" },
  { "end-retimed", "End", T ("10:00"), 30, "B", "Desktop", "Ada", "<p>e</p>" },
  { "room-moved", "Room", T ("11:00"), 30, "A", "Desktop", "Ada", "<p>r</p>" },
  { "moved-and-retitled", "Old title", T ("12:00"), 30, "A", "Desktop", "Ada", "<p>m</p>" },
  { "title-changed", "Old", T ("13:00"), 30, "A", "Desktop", "Ada", "<p>t</p>" },
  { "speakers-reordered", "Reorder", T ("13:00"), 30, "B", "Desktop", "Ada,Grace", "<p>p</p>" },
  { "speaker-added", "Added", T ("14:00"), 30, "A", "Desktop", "Ada", "<p>p</p>" },
  { "track-changed", "Track", T ("14:00"), 30, "B", "Desktop", "Ada", "<p>k</p>" },
  { "abstract-changed", "Abstract", T ("15:00"), 30, "A", "Desktop", "Ada", "<p>old</p>" },
  { "all-content", "All", T ("15:00"), 30, "B", "Desktop", "Ada", "<p>old</p>" },
};

static const HallwayTestTalk new_talks[] = {
  { "added-late", "New late", T ("16:00"), 30, "A", "Desktop", "Ada", NULL },
  { "added-early", "New early", T ("07:00"), 30, "A", "Desktop", "Ada", NULL },
  { "same", "Same", T ("08:30"), 30, "A", "Desktop", "Ada,Grace", "<p>same</p>" },
  /* The same instant written in UTC is not a move. */
  { "same-instant", "Same instant", "2027-02-06T07:30:00Z", 30, "B", NULL, NULL, NULL },
  /* NULL and "" both mean "no abstract". */
  { "empty-abstract", "Empty", T ("08:40"), 10, "A", NULL, NULL, "" },
  { "start-moved", "Start", T ("17:00"), 30, "A", "Desktop", "Ada", "<p>s</p>" },
  { "end-retimed", "End", T ("10:00"), 45, "B", "Desktop", "Ada", "<p>e</p>" },
  { "room-moved", "Room", T ("11:00"), 30, "C", "Desktop", "Ada", "<p>r</p>" },
  { "moved-and-retitled", "New title", T ("09:00"), 30, "A", "Desktop", "Ada", "<p>m</p>" },
  { "title-changed", "New", T ("13:00"), 30, "A", "Desktop", "Ada", "<p>t</p>" },
  { "speakers-reordered", "Reorder", T ("13:00"), 30, "B", "Desktop", "Grace,Ada", "<p>p</p>" },
  { "speaker-added", "Added", T ("14:00"), 30, "A", "Desktop", "Ada,Grace", "<p>p</p>" },
  { "track-changed", "Track", T ("14:00"), 30, "B", "Graphics", "Ada", "<p>k</p>" },
  { "abstract-changed", "Abstract", T ("15:00"), 30, "A", "Desktop", "Ada", "<p>new</p>" },
  { "all-content", "All new", T ("15:00"), 30, "B", "Graphics", "Grace", "<p>new</p>" },
};

typedef struct
{
  const char *key;
  HallwayChangeKind kind;
  HallwayChangedFields fields;
} ExpectedChange;

#define TIMES (HALLWAY_CHANGED_START | HALLWAY_CHANGED_END)
#define CONTENT (HALLWAY_CHANGED_TITLE | HALLWAY_CHANGED_SPEAKERS | HALLWAY_CHANGED_TRACK | \
                 HALLWAY_CHANGED_ABSTRACT)

/* Removed in the old order, then moved, changed and added in the new order. */
static const ExpectedChange expected_changes[] = {
  { "removed-early", HALLWAY_CHANGE_REMOVED, HALLWAY_CHANGED_NOTHING },
  { "removed-late", HALLWAY_CHANGE_REMOVED, HALLWAY_CHANGED_NOTHING },
  { "moved-and-retitled", HALLWAY_CHANGE_MOVED, TIMES | HALLWAY_CHANGED_TITLE },
  { "end-retimed", HALLWAY_CHANGE_MOVED, HALLWAY_CHANGED_END },
  { "room-moved", HALLWAY_CHANGE_MOVED, HALLWAY_CHANGED_ROOM },
  { "start-moved", HALLWAY_CHANGE_MOVED, TIMES },
  { "title-changed", HALLWAY_CHANGE_CHANGED, HALLWAY_CHANGED_TITLE },
  { "speakers-reordered", HALLWAY_CHANGE_CHANGED, HALLWAY_CHANGED_SPEAKERS },
  { "speaker-added", HALLWAY_CHANGE_CHANGED, HALLWAY_CHANGED_SPEAKERS },
  { "track-changed", HALLWAY_CHANGE_CHANGED, HALLWAY_CHANGED_TRACK },
  { "abstract-changed", HALLWAY_CHANGE_CHANGED, HALLWAY_CHANGED_ABSTRACT },
  { "all-content", HALLWAY_CHANGE_CHANGED, CONTENT },
  { "added-early", HALLWAY_CHANGE_ADDED, HALLWAY_CHANGED_NOTHING },
  { "added-late", HALLWAY_CHANGE_ADDED, HALLWAY_CHANGED_NOTHING },
};

static void
assert_change (HallwayScheduleChange *change, const ExpectedChange *expected)
{
  HallwayChangeKind kind = hallway_schedule_change_get_kind (change);
  HallwayTalk *old_talk = hallway_schedule_change_get_old_talk (change);
  HallwayTalk *new_talk = hallway_schedule_change_get_new_talk (change);

  g_assert_cmpstr (hallway_schedule_change_get_key (change), ==, expected->key);
  g_assert_cmpint (kind, ==, expected->kind);
  g_assert_cmphex (hallway_schedule_change_get_fields (change), ==, expected->fields);
  g_assert_true ((old_talk == NULL) == (kind == HALLWAY_CHANGE_ADDED));
  g_assert_true ((new_talk == NULL) == (kind == HALLWAY_CHANGE_REMOVED));
  if (old_talk != NULL)
    g_assert_cmpstr (hallway_talk_get_key (old_talk), ==, expected->key);
  if (new_talk != NULL)
    g_assert_cmpstr (hallway_talk_get_key (new_talk), ==, expected->key);
}

static void
test_each_kind_and_field (void)
{
  g_autoptr (HallwayConference) old_version = build_version (old_talks, G_N_ELEMENTS (old_talks));
  g_autoptr (HallwayConference) new_version = build_version (new_talks, G_N_ELEMENTS (new_talks));
  g_autoptr (GListModel) changes = hallway_schedule_diff (old_version, new_version);

  g_assert_true (g_list_model_get_item_type (changes) == HALLWAY_TYPE_SCHEDULE_CHANGE);
  g_assert_cmpuint (g_list_model_get_n_items (changes), ==, G_N_ELEMENTS (expected_changes));
  for (guint i = 0; i < G_N_ELEMENTS (expected_changes); i++)
    {
      g_autoptr (HallwayScheduleChange) change = g_list_model_get_item (changes, i);

      assert_change (change, &expected_changes[i]);
    }
}

static void
test_the_old_and_new_talk_are_kept (void)
{
  g_autoptr (HallwayConference) old_version = build_version (old_talks, G_N_ELEMENTS (old_talks));
  g_autoptr (HallwayConference) new_version = build_version (new_talks, G_N_ELEMENTS (new_talks));
  g_autoptr (GListModel) changes = hallway_schedule_diff (old_version, new_version);
  g_autoptr (HallwayScheduleChange) room_moved = g_list_model_get_item (changes, 4);

  g_assert_true (hallway_schedule_change_get_old_talk (room_moved) ==
                 hallway_conference_lookup_talk (old_version, "room-moved"));
  g_assert_cmpstr (hallway_talk_get_room_name (hallway_schedule_change_get_old_talk (room_moved)),
                   ==, "A");
  g_assert_cmpstr (hallway_talk_get_room_name (hallway_schedule_change_get_new_talk (room_moved)),
                   ==, "C");
}

static void
test_identical_versions_have_no_changes (void)
{
  g_autoptr (HallwayConference) one = build_version (old_talks, G_N_ELEMENTS (old_talks));
  g_autoptr (HallwayConference) other = build_version (old_talks, G_N_ELEMENTS (old_talks));
  g_autoptr (GListModel) between = hallway_schedule_diff (one, other);
  g_autoptr (GListModel) with_itself = hallway_schedule_diff (one, one);

  g_assert_cmpuint (g_list_model_get_n_items (between), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (with_itself), ==, 0);
}

static void
test_empty_versions (void)
{
  g_autoptr (HallwayConference) empty = build_version (NULL, 0);
  g_autoptr (HallwayConference) full = build_version (old_talks, G_N_ELEMENTS (old_talks));
  g_autoptr (GListModel) all_added = hallway_schedule_diff (empty, full);
  g_autoptr (GListModel) all_removed = hallway_schedule_diff (full, empty);
  g_autoptr (HallwayScheduleChange) first_added = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (all_added), ==, G_N_ELEMENTS (old_talks));
  g_assert_cmpuint (g_list_model_get_n_items (all_removed), ==, G_N_ELEMENTS (old_talks));
  first_added = g_list_model_get_item (all_added, 0);
  g_assert_cmpint (hallway_schedule_change_get_kind (first_added), ==, HALLWAY_CHANGE_ADDED);
  g_assert_cmpstr (hallway_schedule_change_get_key (first_added), ==, "removed-early");
}

/* Many talks in one room, back to back; every third one shifted by five minutes. */
static HallwayConference *
build_large_version (guint n_talks, gboolean shifted)
{
  HallwayConference *conference = hallway_conference_new ();
  g_autoptr (GDateTime) base = g_date_time_new_from_iso8601 (T ("09:00"), NULL);

  for (guint i = 0; i < n_talks; i++)
    {
      HallwayTalk *talk = hallway_talk_new ();
      int minutes = (int) i * 10 + (shifted && i % 3 == 0 ? 5 : 0);
      g_autoptr (GDateTime) start = g_date_time_add_minutes (base, minutes);
      g_autoptr (GDateTime) end = g_date_time_add_minutes (start, 5);

      talk->guid = g_strdup_printf ("talk-%u", i);
      talk->title = g_strdup_printf ("Talk %u", i);
      talk->room = g_object_ref (hallway_conference_ensure_room (conference, "Big room"));
      hallway_talk_set_times (talk, start, end);
      hallway_conference_add_talk (conference, talk);
    }
  hallway_conference_finish (conference);
  return conference;
}

/* A quadratic diff would take seconds here; one hash lookup per talk takes milliseconds. */
static void
test_large_diff_is_linear (void)
{
  const guint n_talks = 50000;
  g_autoptr (HallwayConference) old_version = build_large_version (n_talks, FALSE);
  g_autoptr (HallwayConference) new_version = build_large_version (n_talks, TRUE);
  g_autoptr (GListModel) changes = NULL;
  gint64 started = g_get_monotonic_time ();
  gint64 elapsed;

  changes = hallway_schedule_diff (old_version, new_version);
  elapsed = g_get_monotonic_time () - started;
  g_test_message ("diff of %u talks: %" G_GINT64_FORMAT " ms", n_talks, elapsed / 1000);
  g_assert_cmpuint (g_list_model_get_n_items (changes), ==, (n_talks + 2) / 3);
  g_assert_cmpint (elapsed, <, 2 * G_USEC_PER_SEC);
}

/* One line per field, old → new, in the conference's zone. */
static const struct
{
  const char *key;
  const char *description;
} expected_descriptions[] = {
  { "removed-early", "Cancelled" },
  { "added-late", "New" },
  { "moved-and-retitled", "Moved: Sat 12:00 → Sat 09:00\nTitle: “Old title” → “New title”" },
  { "end-retimed", "Duration: 30 min → 45 min" },
  { "room-moved", "Room: A → C" },
  { "start-moved", "Moved: Sat 10:00 → Sat 17:00" },
  { "title-changed", "Title: “Old” → “New”" },
  { "speakers-reordered", "Speakers: Ada, Grace → Grace, Ada" },
  { "speaker-added", "Speaker joined: Grace" },
  { "track-changed", "Track: Desktop → Graphics" },
  { "abstract-changed", "Details updated" },
  { "all-content", "Speaker left: Ada\nSpeaker joined: Grace\nTitle: “All” → “All new”\n"
                   "Track: Desktop → Graphics\nDetails updated" },
};

static HallwayScheduleChange *
find_change (GListModel *changes, const char *key)
{
  guint n = g_list_model_get_n_items (changes);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (HallwayScheduleChange) change = g_list_model_get_item (changes, i);

      if (g_strcmp0 (hallway_schedule_change_get_key (change), key) == 0)
        return change;
    }
  g_error ("no change for %s", key);
}

static void
assert_description (GListModel *changes, GTimeZone *zone, const char *key, const char *expected)
{
  g_autofree char *description =
    hallway_schedule_change_dup_description (find_change (changes, key), zone);

  g_assert_cmpstr (description, ==, expected);
}

static void
test_descriptions (void)
{
  g_autoptr (HallwayConference) old_version = build_version (old_talks, G_N_ELEMENTS (old_talks));
  g_autoptr (HallwayConference) new_version = build_version (new_talks, G_N_ELEMENTS (new_talks));
  g_autoptr (GListModel) changes = hallway_schedule_diff (old_version, new_version);
  GTimeZone *zone = hallway_conference_get_time_zone (new_version);

  for (guint i = 0; i < G_N_ELEMENTS (expected_descriptions); i++)
    assert_description (changes, zone, expected_descriptions[i].key,
                        expected_descriptions[i].description);
}

/* ---- the real update: FOSDEM 2026, two weeks before and after ----------------------- */

#define PRELIMINARY "fosdem-2026-preliminary-20260115.xml"
#define FINAL "fosdem-2026.xml"

/* Counted independently over the two XML files by guid (SOURCES.md, and a Python script
 * over the raw XML): removed 23, added 219, moved or re-timed 93 (date/start, duration or
 * room; this pair has no room changes). CHANGED, same slot but title, speaker names in
 * order, track, abstract or links differ: 762 by the same script, matching the diff (182
 * without the 580 whose only change is links: the recordings added after the event). */
#define N_REMOVED 23
#define N_ADDED 219
#define N_MOVED 93
#define N_CHANGED 762

#define N_FIELDS 8

static void
count_kinds (GListModel *changes, guint counts[4], guint field_counts[N_FIELDS])
{
  guint n = g_list_model_get_n_items (changes);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (HallwayScheduleChange) change = g_list_model_get_item (changes, i);
      HallwayChangedFields fields = hallway_schedule_change_get_fields (change);

      counts[hallway_schedule_change_get_kind (change)]++;
      for (guint bit = 0; bit < N_FIELDS; bit++)
        if (fields & (1 << bit))
          field_counts[bit]++;
    }
}

/* The groups come in the documented order. */
static void
assert_grouped (GListModel *changes)
{
  static const guint rank[] = {
    [HALLWAY_CHANGE_REMOVED] = 0, [HALLWAY_CHANGE_MOVED] = 1,
    [HALLWAY_CHANGE_CHANGED] = 2, [HALLWAY_CHANGE_ADDED] = 3,
  };
  guint n = g_list_model_get_n_items (changes);
  guint previous = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (HallwayScheduleChange) change = g_list_model_get_item (changes, i);
      guint current = rank[hallway_schedule_change_get_kind (change)];

      g_assert_cmpuint (current, >=, previous);
      previous = current;
    }
}

static HallwayChangedFields
fields_of (GListModel *changes, const char *key)
{
  guint n = g_list_model_get_n_items (changes);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (HallwayScheduleChange) change = g_list_model_get_item (changes, i);

      if (g_strcmp0 (hallway_schedule_change_get_key (change), key) == 0)
        return hallway_schedule_change_get_fields (change);
    }
  g_error ("no change for %s", key);
}

static void
test_real_fosdem_diff (void)
{
  g_autoptr (HallwayConference) preliminary = hallway_test_read_schedule (PRELIMINARY);
  g_autoptr (HallwayConference) final = NULL;
  g_autoptr (GListModel) changes = NULL;
  guint counts[4] = { 0 };
  guint field_counts[N_FIELDS] = { 0 };
  gint64 started;

  if (preliminary == NULL)
    return;
  final = hallway_test_read_schedule (FINAL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (preliminary)), ==, 883);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (final)), ==, 1079);

  started = g_get_monotonic_time ();
  changes = hallway_schedule_diff (preliminary, final);
  g_test_message ("diff took %" G_GINT64_FORMAT " us",
                  g_get_monotonic_time () - started);
  count_kinds (changes, counts, field_counts);
  g_test_message ("removed %u, moved %u, changed %u, added %u",
                  counts[HALLWAY_CHANGE_REMOVED], counts[HALLWAY_CHANGE_MOVED],
                  counts[HALLWAY_CHANGE_CHANGED], counts[HALLWAY_CHANGE_ADDED]);
  g_test_message ("fields: start %u, end %u, room %u, title %u, speakers %u, track %u, "
                  "abstract %u, links %u",
                  field_counts[0], field_counts[1], field_counts[2], field_counts[3],
                  field_counts[4], field_counts[5], field_counts[6], field_counts[7]);

  g_assert_cmpuint (counts[HALLWAY_CHANGE_REMOVED], ==, N_REMOVED);
  g_assert_cmpuint (counts[HALLWAY_CHANGE_ADDED], ==, N_ADDED);
  g_assert_cmpuint (counts[HALLWAY_CHANGE_MOVED], ==, N_MOVED);
  g_assert_cmpuint (counts[HALLWAY_CHANGE_CHANGED], ==, N_CHANGED);
  assert_grouped (changes);

  /* Re-timed in place: only the end moves when just the duration grows (and the
   * recordings' links came). */
  g_assert_cmphex (fields_of (changes, "9b41fcf8-237d-5fc9-a881-26515b707a13"), ==,
                   HALLWAY_CHANGED_END | HALLWAY_CHANGED_LINKS);
  g_assert_cmphex (fields_of (changes, "b6540e9a-3092-508c-9f3a-5cc1977a1e8d") &
                     ~(CONTENT | HALLWAY_CHANGED_LINKS),
                   ==,
                   TIMES);
  g_assert_cmphex (fields_of (changes, "6834e20b-8942-55c8-8979-78091bb9dfef") &
                     (TIMES | HALLWAY_CHANGED_TITLE),
                   ==, TIMES | HALLWAY_CHANGED_TITLE);
  g_assert_cmphex (fields_of (changes, "b695da32-0140-5257-bb73-3602bf7ea87e") &
                     HALLWAY_CHANGED_TITLE,
                   ==, HALLWAY_CHANGED_TITLE);
}

typedef struct
{
  const char *guid;
  const char *start;   /* NULL: removed, so cancelled with its preliminary snapshot */
  int minutes;
  const char *room;
  const char *title;   /* NULL: unchanged */
} BookmarkedTalk;

/* Chosen from the diff: five moved or re-timed (one to the other day's morning, one only
 * longer), three removed, one untouched and one retitled in place. */
static const BookmarkedTalk bookmarked_talks[] = {
  { "b6540e9a-3092-508c-9f3a-5cc1977a1e8d", "2026-01-31T14:30:00+01:00", 5, "K.3.601", NULL },
  { "4e58fb34-e6c2-52c8-b0f9-bd5611bbeed1", "2026-01-31T15:00:00+01:00", 25, "K.3.601", NULL },
  { "9b41fcf8-237d-5fc9-a881-26515b707a13", "2026-01-31T15:50:00+01:00", 25, "K.3.601", NULL },
  { "de1761af-00a3-5903-9a68-e14986cc170f", "2026-01-31T11:15:00+01:00", 15, "H.1309 (Van Rijn)",
    NULL },
  { "6834e20b-8942-55c8-8979-78091bb9dfef", "2026-02-01T09:30:00+01:00", 30, "UB5.132",
    "Modularizing a 10-Year Monolith: The Architecture, the People, and the Pain" },
  { "7fc1d911-1340-554a-a45a-77ef09ca4aae", NULL, 0, NULL, NULL },
  { "e6d8d4e2-f5bf-5747-b66e-130806959be7", NULL, 0, NULL, NULL },
  { "afb62b59-4121-5e8b-bf14-237253b72cef", NULL, 0, NULL, NULL },
  { "9c3ebb8c-7716-5130-b9fe-ff8544f5636d", "2026-01-31T09:30:00+01:00", 20, "Janson", NULL },
  { "b695da32-0140-5257-bb73-3602bf7ea87e", NULL, 0, NULL,
    "Let's put Cristal everywhere - How to embed wikis in heterogeneous web platforms" },
};

static void
assert_snapshot_of (HallwayBookmarks *bookmarks, HallwayTalk *talk)
{
  const char *title, *room;
  GDateTime *start, *end;

  g_assert_true (hallway_bookmarks_get_snapshot (bookmarks, hallway_talk_get_key (talk),
                                                 &title, &start, &end, &room));
  g_assert_cmpstr (title, ==, hallway_talk_get_title (talk));
  g_assert_cmpstr (room, ==, hallway_talk_get_room_name (talk));
  g_assert_true (g_date_time_equal (start, hallway_talk_get_start (talk)));
  g_assert_true (g_date_time_equal (end, hallway_talk_get_end (talk)));
}

static void
assert_moved_to (HallwayBookmarks *bookmarks, const BookmarkedTalk *talk)
{
  g_autoptr (GDateTime) expected_start = g_date_time_new_from_iso8601 (talk->start, NULL);
  g_autoptr (GDateTime) expected_end = g_date_time_add_minutes (expected_start, talk->minutes);
  const char *room;
  GDateTime *start, *end;

  g_assert_true (hallway_bookmarks_get_snapshot (bookmarks, talk->guid, NULL, &start, &end, &room));
  g_assert_true (g_date_time_equal (start, expected_start));
  g_assert_true (g_date_time_equal (end, expected_end));
  g_assert_cmpstr (room, ==, talk->room);
}

static void
assert_bookmark_after_update (HallwayBookmarks  *bookmarks,
                              const BookmarkedTalk *talk,
                              HallwayConference *preliminary,
                              HallwayConference *final)
{
  HallwayTalk *now = hallway_conference_lookup_talk (final, talk->guid);
  const char *title;

  g_assert_true (hallway_bookmarks_contains (bookmarks, talk->guid));
  if (now == NULL)
    {
      /* Removed: still there, cancelled, with what it was. */
      g_assert_true (hallway_bookmarks_is_cancelled (bookmarks, talk->guid));
      assert_snapshot_of (bookmarks, hallway_test_talk (preliminary, talk->guid));
      return;
    }
  g_assert_false (hallway_bookmarks_is_cancelled (bookmarks, talk->guid));
  assert_snapshot_of (bookmarks, now);
  if (talk->start != NULL)
    assert_moved_to (bookmarks, talk);
  g_assert_true (hallway_bookmarks_get_snapshot (bookmarks, talk->guid, &title, NULL, NULL, NULL));
  if (talk->title != NULL)
    g_assert_cmpstr (title, ==, talk->title);
}

static void
on_changed (HallwayBookmarks *bookmarks, guint *count)
{
  (*count)++;
}

/* Read from the two files by a Python script over the raw XML (guid, date, start,
 * duration, room, title, persons, track, abstract, links). The pair has no room change. */
static const struct
{
  const char *guid;
  const char *description;
} real_descriptions[] = {
  /* 9625, only in the final version */
  { "6c2bf5bf-75ef-5ea1-8efc-a309ec45f467", "New" },
  /* 7484, only in the preliminary one */
  { "7fc1d911-1340-554a-a45a-77ef09ca4aae", "Cancelled" },
  /* 7333: earlier the same day, video links added */
  { "881c913a-1e0a-57c7-8ee7-f41904e4a2de", "Moved: Sat 18:10 → Sat 17:30\nDetails updated" },
  /* 9154: only shorter */
  { "3cf6b701-6455-51ec-b54f-640fc9c4e5c6", "Duration: 30 min → 25 min" },
  /* 7652: the speaker's full name replaced the short one */
  { "019fea07-1886-5fe3-aff0-17bbbd647fce",
    "Speaker left: Ray\nSpeaker joined: Ramon (Ray) Santamaria\nDetails updated" },
  /* 9173: a talk became a panel */
  { "1b4e31c2-db58-5c46-9b48-906935ad984d",
    "Duration: 40 min → 35 min\n"
    "Speakers joined: Maurice Hendriks, André Rebentisch, Rasmus Frey, Julian Schauder, "
    "Emma Ghariani\n"
    "Title: “Public Procurement for Digital Sovereignty” → “Panel: Public Procurement for "
    "Digital Sovereignty”\nDetails updated" },
  /* 7979: typos fixed */
  { "b695da32-0140-5257-bb73-3602bf7ea87e",
    "Title: “Let's put Cristal everywhere - How to embded wikis in etherogenous web platforms” → "
    "“Let's put Cristal everywhere - How to embed wikis in heterogeneous web platforms”\n"
    "Details updated" },
  /* 7022 */
  { "147c4628-4d64-5dc0-b4f9-1a989d090edc",
    "Track: Main Track → Main Track (K-building)\nDetails updated" },
  /* 7207: only the recordings' links were added */
  { "3dc7d1a8-508a-5e70-ac9d-38aa8d763098", "Details updated" },
};

static void
test_real_fosdem_descriptions (void)
{
  g_autoptr (HallwayConference) preliminary = hallway_test_read_schedule (PRELIMINARY);
  g_autoptr (HallwayConference) final = NULL;
  g_autoptr (GListModel) changes = NULL;

  if (preliminary == NULL)
    return;
  final = hallway_test_read_schedule (FINAL);
  changes = hallway_schedule_diff (preliminary, final);
  for (guint i = 0; i < G_N_ELEMENTS (real_descriptions); i++)
    assert_description (changes, hallway_conference_get_time_zone (final),
                        real_descriptions[i].guid, real_descriptions[i].description);
}

static HallwayChangeGroup
group_of (HallwayPlan *plan, HallwayConference *version, const char *guid)
{
  HallwayChangeGroup group;

  g_assert_true (hallway_plan_get_change_group (plan, hallway_test_talk (version, guid), &group));
  return group;
}

/* The Changes section's groups: bookmarked talks first, whatever happened to them; then by
 * kind, a change of only the abstract or links apart, as Details Updated. Counts from the
 * same script: 93 moved, 108 changed in title, speakers or track, 654 only in abstract or
 * links (580 links, 74 both). */
static void
test_real_fosdem_groups (void)
{
  g_autoptr (HallwayConference) preliminary = hallway_test_read_schedule (PRELIMINARY);
  g_autoptr (HallwayConference) final = NULL;
  g_autoptr (GListModel) changes = NULL;
  g_autoptr (GFile) file = g_file_new_build_filename (g_get_user_data_dir (), "groups.json", NULL);
  g_autoptr (HallwayBookmarks) bookmarks = hallway_bookmarks_new (file);
  g_autoptr (HallwayPlan) plan = NULL;
  guint counts[HALLWAY_CHANGE_GROUP_DETAILS_UPDATED + 1] = { 0 };
  HallwayChangeGroup group;

  if (preliminary == NULL)
    return;
  final = hallway_test_read_schedule (FINAL);
  changes = hallway_schedule_diff (preliminary, final);
  /* Bookmarked before the update: 7333 (moved) and 7484 (cancelled). */
  hallway_bookmarks_add (bookmarks,
                         hallway_test_talk (preliminary, "881c913a-1e0a-57c7-8ee7-f41904e4a2de"));
  hallway_bookmarks_add (bookmarks,
                         hallway_test_talk (preliminary, "7fc1d911-1340-554a-a45a-77ef09ca4aae"));
  plan = hallway_plan_new (final, bookmarks);
  hallway_plan_set_conference (plan, final, changes);

  g_assert_cmpint (group_of (plan, final, "881c913a-1e0a-57c7-8ee7-f41904e4a2de"), ==,
                   HALLWAY_CHANGE_GROUP_IN_MY_AGENDA);
  g_assert_cmpint (group_of (plan, preliminary, "7fc1d911-1340-554a-a45a-77ef09ca4aae"), ==,
                   HALLWAY_CHANGE_GROUP_IN_MY_AGENDA);
  g_assert_cmpint (group_of (plan, preliminary, "e6d8d4e2-f5bf-5747-b66e-130806959be7"), ==,
                   HALLWAY_CHANGE_GROUP_CANCELLED);
  g_assert_cmpint (group_of (plan, final, "4e58fb34-e6c2-52c8-b0f9-bd5611bbeed1"), ==,
                   HALLWAY_CHANGE_GROUP_MOVED);
  g_assert_cmpint (group_of (plan, final, "019fea07-1886-5fe3-aff0-17bbbd647fce"), ==,
                   HALLWAY_CHANGE_GROUP_CHANGED);
  g_assert_cmpint (group_of (plan, final, "6c2bf5bf-75ef-5ea1-8efc-a309ec45f467"), ==,
                   HALLWAY_CHANGE_GROUP_NEW);
  g_assert_cmpint (group_of (plan, final, "3dc7d1a8-508a-5e70-ac9d-38aa8d763098"), ==,
                   HALLWAY_CHANGE_GROUP_DETAILS_UPDATED);
  /* 9548 changed in nothing. */
  g_assert_false (hallway_plan_get_change_group (
    plan, hallway_test_talk (final, "8f5b7429-18c5-56f8-9d24-d9d72f2fb338"), &group));

  for (guint i = 0; i < g_list_model_get_n_items (changes); i++)
    {
      g_autoptr (HallwayScheduleChange) change = g_list_model_get_item (changes, i);
      HallwayTalk *talk = hallway_schedule_change_get_new_talk (change);

      g_assert_true (hallway_plan_get_change_group (
        plan, talk != NULL ? talk : hallway_schedule_change_get_old_talk (change), &group));
      counts[group]++;
    }
  g_assert_cmpuint (counts[HALLWAY_CHANGE_GROUP_IN_MY_AGENDA], ==, 2);
  g_assert_cmpuint (counts[HALLWAY_CHANGE_GROUP_CANCELLED], ==, N_REMOVED - 1);
  g_assert_cmpuint (counts[HALLWAY_CHANGE_GROUP_MOVED], ==, N_MOVED - 1);
  g_assert_cmpuint (counts[HALLWAY_CHANGE_GROUP_CHANGED], ==, 108);
  g_assert_cmpuint (counts[HALLWAY_CHANGE_GROUP_NEW], ==, N_ADDED);
  g_assert_cmpuint (counts[HALLWAY_CHANGE_GROUP_DETAILS_UPDATED], ==, 654);
  g_assert_cmpstr (hallway_change_group_get_title (HALLWAY_CHANGE_GROUP_IN_MY_AGENDA), ==,
                   "In My Agenda");
  g_assert_cmpstr (hallway_change_group_get_title (HALLWAY_CHANGE_GROUP_DETAILS_UPDATED), ==,
                   "Details Updated");
}

static void
test_real_fosdem_bookmarks_follow_the_update (void)
{
  g_autoptr (HallwayConference) preliminary = hallway_test_read_schedule (PRELIMINARY);
  g_autoptr (HallwayConference) final = NULL;
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "fosdem-2026.json", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (HallwayBookmarks) bookmarks = hallway_bookmarks_new (file);
  g_autoptr (HallwayBookmarks) reloaded = hallway_bookmarks_new (file);
  g_autoptr (GError) error = NULL;
  guint n_changed = 0;

  if (preliminary == NULL)
    return;
  final = hallway_test_read_schedule (FINAL);
  for (guint i = 0; i < G_N_ELEMENTS (bookmarked_talks); i++)
    hallway_bookmarks_add (bookmarks, hallway_test_talk (preliminary, bookmarked_talks[i].guid));
  assert_snapshot_of (bookmarks, hallway_test_talk (preliminary, bookmarked_talks[0].guid));

  g_signal_connect (bookmarks, "changed", G_CALLBACK (on_changed), &n_changed);
  hallway_bookmarks_update_from (bookmarks, final);
  g_assert_cmpuint (n_changed, ==, 1);
  g_assert_cmpuint (hallway_bookmarks_get_n_items (bookmarks), ==, G_N_ELEMENTS (bookmarked_talks));
  for (guint i = 0; i < G_N_ELEMENTS (bookmarked_talks); i++)
    assert_bookmark_after_update (bookmarks, &bookmarked_talks[i], preliminary, final);

  /* And the same after a save and a fresh load. */
  g_assert_true (hallway_bookmarks_save (bookmarks, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (hallway_bookmarks_load (reloaded, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (bookmarked_talks); i++)
    assert_bookmark_after_update (reloaded, &bookmarked_talks[i], preliminary, final);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/schedule-change/each-kind-and-field", test_each_kind_and_field);
  g_test_add_func ("/schedule-change/old-and-new-event", test_the_old_and_new_talk_are_kept);
  g_test_add_func ("/schedule-change/identical", test_identical_versions_have_no_changes);
  g_test_add_func ("/schedule-change/empty", test_empty_versions);
  g_test_add_func ("/schedule-change/large-diff-is-linear", test_large_diff_is_linear);
  g_test_add_func ("/schedule-change/descriptions", test_descriptions);
  g_test_add_func ("/schedule-change/real/fosdem-2026-diff", test_real_fosdem_diff);
  g_test_add_func ("/schedule-change/real/fosdem-2026-descriptions",
                   test_real_fosdem_descriptions);
  g_test_add_func ("/schedule-change/real/fosdem-2026-groups", test_real_fosdem_groups);
  g_test_add_func ("/schedule-change/real/fosdem-2026-bookmarks",
                   test_real_fosdem_bookmarks_follow_the_update);
  return g_test_run ();
}
