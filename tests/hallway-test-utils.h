/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gio/gio.h>

#include "hallway-conference.h"
#include "hallway-talk.h"
#include "hallway-schedule-reader.h"

G_BEGIN_DECLS

/* How many times slower than the normal build this one runs: HALLWAY_TEST_TIME_SCALE, which
 * `build-aux/dev test --sanitize` sets for the ASan and UBSan build; 1 when unset. */
static inline double
hallway_test_time_scale (void)
{
  const char *value = g_getenv ("HALLWAY_TEST_TIME_SCALE");
  char *end = NULL;
  double scale;

  if (value == NULL || *value == '\0')
    return 1.0;
  scale = g_ascii_strtod (value, &end);
  if (*end != '\0' || !(scale >= 1.0 && scale <= 100.0))
    g_error ("HALLWAY_TEST_TIME_SCALE=%s: not a number from 1 to 100", value);
  return scale;
}

/* A time limit meant for the normal build, scaled for the build the test runs in. */
static inline double
hallway_test_seconds (double seconds)
{
  return seconds * hallway_test_time_scale ();
}

/* The folder of real schedules (../shared/schedules), from HALLWAY_SCHEDULES. Tests that
 * need it call g_test_skip() and return when it is absent, and only then. */
static inline char *
hallway_test_schedule_path (const char *name)
{
  const char *folder = g_getenv ("HALLWAY_SCHEDULES");
  g_autofree char *path = NULL;

  if (folder == NULL || !g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("the shared schedules folder is absent (HALLWAY_SCHEDULES)");
      return NULL;
    }
  path = g_build_filename (folder, name, NULL);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  return g_steal_pointer (&path);
}

/* Reads a real schedule by name; NULL (test skipped) without the shared folder. */
static inline HallwayConference *
hallway_test_read_schedule (const char *name)
{
  g_autofree char *path = hallway_test_schedule_path (name);
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;
  HallwayConference *conference;

  if (path == NULL)
    return NULL;
  file = g_file_new_for_path (path);
  conference = hallway_schedule_read_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (conference);
  return conference;
}

/* Reads a fixture of ours from tests/data. */
static inline HallwayConference *
hallway_test_read_fixture (const char *name, GError **error)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);

  return hallway_schedule_read_file (file, NULL, error);
}

/* The talk at the given key, asserted to exist. */
static inline HallwayTalk *
hallway_test_talk (HallwayConference *conference, const char *key)
{
  HallwayTalk *talk = hallway_conference_lookup_talk (conference, key);

  if (talk == NULL)
    g_error ("no event with key %s", key);
  return talk;
}

/* One talk as a test expects it, the values looked up in the file by hand. */
typedef struct
{
  const char *key;
  const char *title;
  const char *start;      /* "%FT%T%:z" */
  const char *end;
  const char *room;
  const char *track;
  const char *speakers;   /* as hallway_talk_dup_speakers() joins them */
} HallwayExpectedTalk;

static inline char *
hallway_test_format_time (GDateTime *time)
{
  return g_date_time_format (time, "%FT%T%:z");
}

static inline HallwayTalk *
hallway_test_assert_talk (HallwayConference *conference, const HallwayExpectedTalk *expected)
{
  HallwayTalk *talk = hallway_test_talk (conference, expected->key);
  g_autofree char *start = hallway_test_format_time (hallway_talk_get_start (talk));
  g_autofree char *end = hallway_test_format_time (hallway_talk_get_end (talk));
  g_autofree char *speakers = hallway_talk_dup_speakers (talk);

  g_assert_cmpstr (hallway_talk_get_title (talk), ==, expected->title);
  g_assert_cmpstr (start, ==, expected->start);
  g_assert_cmpstr (end, ==, expected->end);
  g_assert_cmpstr (hallway_talk_get_room_name (talk), ==, expected->room);
  g_assert_cmpstr (hallway_talk_get_track_name (talk), ==, expected->track);
  g_assert_cmpstr (speakers, ==, expected->speakers);
  return talk;
}

static inline void
hallway_test_assert_talks (HallwayConference *conference, const HallwayExpectedTalk *expected,
                            gsize n_expected)
{
  for (gsize i = 0; i < n_expected; i++)
    hallway_test_assert_talk (conference, &expected[i]);
}

/* The copies of a damaged state file set aside beside it ("<path>.corrupt-<time>[-N]"),
 * sorted; an empty array when there are none. */
static inline GPtrArray *
hallway_test_list_set_aside (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *prefix = g_strconcat (basename, ".corrupt-", NULL);
  g_autoptr (GDir) dir = g_dir_open (folder, 0, NULL);
  GPtrArray *found = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, prefix))
      g_ptr_array_add (found, g_build_filename (folder, name, NULL));
  g_ptr_array_sort_values (found, (GCompareFunc) g_strcmp0);
  return found;
}

/* The one copy of a damaged state file set aside beside it; fails unless there is exactly
 * one. */
static inline char *
hallway_test_find_set_aside (const char *path)
{
  g_autoptr (GPtrArray) found = hallway_test_list_set_aside (path);

  g_assert_cmpuint (found->len, ==, 1);
  return g_strdup (g_ptr_array_index (found, 0));
}

G_END_DECLS
