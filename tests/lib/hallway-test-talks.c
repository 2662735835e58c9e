/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-test"

#include "config.h"

#include "hallway-test-talks.h"

HallwayTalk *
hallway_test_make_talk (HallwayConference *conference, const HallwayTestTalk *spec)
{
  HallwayTalk *talk = hallway_talk_new ();
  g_autoptr (GDateTime) start = g_date_time_new_from_iso8601 (spec->start, NULL);
  g_autoptr (GDateTime) end = NULL;

  g_assert_nonnull (start);
  end = g_date_time_add_minutes (start, spec->minutes);
  talk->guid = g_strdup (spec->guid);
  talk->title = g_strdup (spec->title);
  talk->room = g_object_ref (hallway_conference_ensure_room (conference, spec->room));
  hallway_talk_set_times (talk, start, end);
  return talk;
}

HallwayConference *
hallway_test_build_version (const HallwayTestTalk *specs, guint n_specs)
{
  HallwayConference *conference = hallway_conference_new ();

  g_assert_true (hallway_conference_set_time_zone_name (conference, "Europe/Brussels"));
  for (guint i = 0; i < n_specs; i++)
    hallway_conference_add_talk (conference, hallway_test_make_talk (conference, &specs[i]));
  hallway_conference_finish (conference);
  return conference;
}
