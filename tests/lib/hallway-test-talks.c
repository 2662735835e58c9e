/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-test"

#include "config.h"

#include "hallway-test-talks.h"
#include "hallway-conference-private.h"
#include "hallway-talk-private.h"

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
  if (spec->abstract != NULL)
    hallway_rich_text_set (&talk->abstract, spec->abstract, HALLWAY_TEXT_HTML);
  talk->room = g_object_ref (hallway_conference_ensure_room (conference, spec->room));
  if (spec->track != NULL)
    talk->track = g_object_ref (hallway_conference_ensure_track (conference, spec->track));
  if (spec->speakers != NULL)
    {
      g_auto (GStrv) names = g_strsplit (spec->speakers, ",", -1);

      for (guint i = 0; names[i] != NULL; i++)
        g_ptr_array_add (talk->persons,
                         g_object_ref (hallway_conference_ensure_person (conference, names[i],
                                                                         names[i])));
    }
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

HallwayConference *
hallway_test_build_lightning_talks (guint n_talks, char *(*guid_for) (guint i))
{
  HallwayConference *conference = hallway_conference_new ();
  g_autoptr (GDateTime) base = g_date_time_new_from_iso8601 ("2027-02-06T09:00:00+01:00", NULL);

  for (guint i = 0; i < n_talks; i++)
    {
      HallwayTalk *talk = hallway_talk_new ();
      g_autoptr (GDateTime) start = g_date_time_add_minutes (base, (int) i * 5);
      g_autoptr (GDateTime) end = g_date_time_add_minutes (start, 5);

      talk->guid = guid_for != NULL ? guid_for (i) : g_strdup_printf ("talk-%04u", i);
      talk->title = g_strdup_printf ("Lightning talk number %u, with a reasonably long title", i);
      talk->room = g_object_ref (hallway_conference_ensure_room (conference, "H.2215 (Ferrer)"));
      hallway_talk_set_times (talk, start, end);
      hallway_conference_add_talk (conference, talk);
    }
  hallway_conference_finish (conference);
  return conference;
}
