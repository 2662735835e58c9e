/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-test"

#include "config.h"

#include "hallway-test-agenda.h"

void
hallway_test_agenda_add_talk (HallwayConference *conference, const char *guid, const char *title,
                               const char *start_iso, int minutes, const char *room,
                               const char *speakers)
{
  HallwayTalk *talk = hallway_talk_new ();
  g_autoptr (GDateTime) start = g_date_time_new_from_iso8601 (start_iso, NULL);
  g_autoptr (GDateTime) end = g_date_time_add_minutes (start, minutes);
  g_auto (GStrv) names = g_strsplit (speakers != NULL ? speakers : "", ", ", -1);

  talk->guid = g_strdup (guid);
  talk->title = g_strdup (title);
  talk->room = g_object_ref (hallway_conference_ensure_room (conference, room));
  talk->track = g_object_ref (hallway_conference_ensure_track (conference, "Desktop"));
  for (guint i = 0; names[i] != NULL; i++)
    g_ptr_array_add (talk->persons,
                     g_object_ref (hallway_conference_ensure_person (conference, NULL, names[i])));
  hallway_talk_set_times (talk, start, end);
  hallway_conference_add_talk (conference, talk);
}

HallwayConference *
hallway_test_agenda_conference (gboolean with_gone_talk)
{
  HallwayConference *conference = hallway_conference_new ();

  hallway_conference_set_title (conference, "FOSDEM 2027");
  hallway_conference_set_acronym (conference, "fosdem-2027");
  g_assert_true (hallway_conference_set_time_zone_name (conference, "Europe/Brussels"));
  hallway_test_agenda_add_talk (conference, "backup", "Plan B", "2027-02-06T09:00:00+01:00", 30,
                                 "C", NULL);
  hallway_test_agenda_add_talk (conference, "keynote", "Keynote", "2027-02-06T09:00:00+01:00", 50,
                                 "Hall", "Ada Lovelace");
  hallway_test_agenda_add_talk (conference, "clash", "Clash in B", "2027-02-06T09:30:00+01:00", 30,
                                 "B", "Timothée Lambert");
  hallway_test_agenda_add_talk (conference, "syntax", "Rust *and*\nC_lang [WIP]",
                                 "2027-02-06T11:30:00+01:00", 30, "Hall", NULL);
  if (with_gone_talk)
    hallway_test_agenda_add_talk (conference, "gone", "Gone talk", "2027-02-06T12:00:00+01:00", 30,
                                   "B", "Nobody");
  hallway_test_agenda_add_talk (conference, "late", "Back to back", "2027-02-06T13:00:00+01:00",
                                 30, "B", NULL);
  hallway_test_agenda_add_talk (conference, "sunday", "Sunday talk", "2027-02-07T10:00:00+01:00",
                                 30, "Hall", "Ada Lovelace, Grace Hopper");
  hallway_test_agenda_add_talk (conference, "long", HALLWAY_TEST_AGENDA_LONG_TITLE,
                                 "2027-02-07T10:30:00+01:00", 40, "UB5.230 (Europe room)",
                                 "Jan Janssens, Marie Dupont, Wolfgang Müller, Ana Sousa");
  hallway_conference_finish (conference);
  return conference;
}

/* Every talk bookmarked, "backup" as a backup pick, then an update that drops "gone". The
 * bookmarks are stored in bookmarks_file. */
HallwayPlan *
hallway_test_agenda_plan_new (GFile *bookmarks_file)
{
  const char *keys[] = { "backup", "keynote", "clash", "syntax", "gone", "late", "sunday", "long" };
  g_autoptr (HallwayConference) first = hallway_test_agenda_conference (TRUE);
  g_autoptr (HallwayConference) updated = hallway_test_agenda_conference (FALSE);
  g_autoptr (HallwayBookmarks) bookmarks = hallway_bookmarks_new (bookmarks_file);
  HallwayPlan *plan = hallway_plan_new (first, bookmarks);

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      HallwayTalk *talk = hallway_conference_lookup_talk (first, keys[i]);

      g_assert_nonnull (talk);
      hallway_plan_set_bookmarked (plan, talk, TRUE);
    }
  hallway_plan_set_backup (plan, hallway_conference_lookup_talk (first, "backup"), TRUE);
  hallway_bookmarks_update_from (bookmarks, updated);
  hallway_plan_set_conference (plan, updated, NULL);
  return plan;
}
