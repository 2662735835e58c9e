/* SPDX-License-Identifier: EUPL-1.2 */
/* The schedule snapshot (hallway-schedule-snapshot.c): a conference read back from it is the
 * conference the reader made, field by field, for every schedule we have; one of another
 * payload, or damaged, is refused, never read wrongly or crashed on; and a subscription's
 * second start reads it instead of parsing. */
#include <string.h>

#include "hallway-conference-private.h"
#include "hallway-day.h"
#include "hallway-link.h"
#include "hallway-person.h"
#include "hallway-room.h"
#include "hallway-schedule-cache.h"
#include "hallway-schedule-reader.h"
#include "hallway-schedule-snapshot.h"
#include "hallway-subscription.h"
#include "hallway-talk-private.h"
#include "hallway-test-utils.h"
#include "hallway-track.h"

#define SHA256 "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

static void
describe_time (GString *out, const char *name, GDateTime *time)
{
  g_autofree char *text = g_date_time_format_iso8601 (time);

  g_string_append_printf (out, " %s=%s@%s", name, text,
                          g_time_zone_get_identifier (g_date_time_get_timezone (time)));
}

static void
describe_text (GString *out, const char *name, const HallwayRichText *text)
{
  g_string_append_printf (out, " %s=[%u]%s", name, text->format,
                          hallway_rich_text_get_source (text));
}

static void
describe_talk (GString *out, HallwayTalk *talk)
{
  g_string_append_printf (out, "talk key=%s id=%s guid=%s code=%s slug=%s title=%s subtitle=%s "
                               "type=%s language=%s url=%s feedback=%s no-record=%d",
                          talk->key, talk->id, talk->guid, talk->code, talk->slug, talk->title,
                          talk->subtitle, talk->talk_type, talk->language, talk->url,
                          talk->feedback_url, talk->do_not_record);
  describe_text (out, "abstract", &talk->abstract);
  describe_text (out, "description", &talk->description);
  describe_time (out, "start", talk->start);
  describe_time (out, "end", talk->end);
  g_string_append_printf (out, " day=%u room=%s track=%s persons=",
                          hallway_day_get_index (talk->day),
                          talk->room ? hallway_room_get_name (talk->room) : "-",
                          talk->track ? hallway_track_get_name (talk->track) : "-");
  for (guint i = 0; i < talk->persons->len; i++)
    g_string_append_printf (out, "%s|", hallway_person_get_id (talk->persons->pdata[i]));
  for (guint i = 0; i < talk->links->len; i++)
    {
      HallwayLink *link = talk->links->pdata[i];

      g_string_append_printf (out, " link=%s<%s>%d", hallway_link_get_label (link),
                              hallway_link_get_url (link), hallway_link_get_kind (link));
    }
  g_string_append_c (out, '\n');
}

/* Everything a reader sets and finish () derives, one line an item, in list order. */
static char *
describe (HallwayConference *conference)
{
  GString *out = g_string_new (NULL);
  GListModel *list;
  double latitude = 0, longitude = 0;
  gboolean has_position = hallway_conference_get_position (conference, &latitude, &longitude);

  g_string_append_printf (out, "conference %s|%s|%s|%s|%d %.6f %.6f|%s|%s|%s\n",
                          hallway_conference_get_title (conference),
                          hallway_conference_get_acronym (conference),
                          hallway_conference_get_venue (conference),
                          hallway_conference_get_city (conference), has_position, latitude,
                          longitude, hallway_conference_get_time_zone_name (conference),
                          hallway_conference_get_base_url (conference),
                          hallway_conference_get_format (conference));
  list = hallway_conference_get_tracks (conference);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr (HallwayTrack) track = g_list_model_get_item (list, i);

      g_string_append_printf (out, "track %s|%s|%s\n", hallway_track_get_name (track),
                              hallway_track_get_slug (track), hallway_track_get_color (track));
    }
  list = hallway_conference_get_rooms (conference);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr (HallwayRoom) room = g_list_model_get_item (list, i);

      g_string_append_printf (out, "room %s|%s\n", hallway_room_get_name (room),
                              hallway_room_get_slug (room));
    }
  list = hallway_conference_get_persons (conference);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr (HallwayPerson) person = g_list_model_get_item (list, i);

      g_string_append_printf (out, "person %s|%s", hallway_person_get_id (person),
                              hallway_person_get_name (person));
      describe_text (out, "biography", hallway_person_peek_biography (person));
      g_string_append_c (out, '\n');
    }
  list = hallway_conference_get_days (conference);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr (HallwayDay) day = g_list_model_get_item (list, i);

      g_string_append_printf (out, "day %u", hallway_day_get_index (day));
      describe_time (out, "date", hallway_day_get_date (day));
      g_string_append_printf (out, " talks=%u\n",
                              g_list_model_get_n_items (
                                hallway_conference_get_talks_for_day (conference, day)));
    }
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (conference)); i++)
    {
      g_autoptr (HallwayTalk) talk = g_list_model_get_item (G_LIST_MODEL (conference), i);

      describe_talk (out, talk);
    }
  return g_string_free (out, FALSE);
}

static void
assert_round_trip (HallwayConference *conference, const char *name)
{
  g_autoptr (GBytes) snapshot = hallway_schedule_snapshot_new (conference, SHA256);
  g_autoptr (HallwayConference) read_back = hallway_schedule_snapshot_read (snapshot, SHA256);
  g_autofree char *expected = describe (conference);
  g_autofree char *got = NULL;

  g_assert_nonnull (read_back);
  got = describe (read_back);
  if (g_strcmp0 (expected, got) != 0)
    g_error ("%s: the snapshot read back differs", name);
  g_test_message ("%s: %u talks, snapshot %zu bytes", name,
                  g_list_model_get_n_items (G_LIST_MODEL (conference)),
                  g_bytes_get_size (snapshot));
}

static void
test_round_trip_demo (void)
{
  g_autoptr (HallwayConference) demo = hallway_test_read_demo ();
  g_autofree char *described = describe (demo);

  /* The description must see what could be lost. */
  g_assert_nonnull (strstr (described, "biography=[0]"));
  g_assert_nonnull (strstr (described, "link="));
  assert_round_trip (demo, "the demo conference");
}

/* Every real schedule: Pentabarf XML, frab and pretalx JSON, iCalendar. */
static void
test_round_trip_real_schedules (void)
{
  const char *folder = g_getenv ("HALLWAY_SCHEDULES");
  g_autoptr (GDir) dir = NULL;
  const char *name;
  guint read = 0;

  if (folder == NULL || !g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("the shared schedules folder is absent (HALLWAY_SCHEDULES)");
      return;
    }
  dir = g_dir_open (folder, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autoptr (GBytes) bytes = NULL;
      g_autoptr (HallwayConference) conference = NULL;

      if (!g_str_has_suffix (name, ".xml") && !g_str_has_suffix (name, ".json") &&
          !g_str_has_suffix (name, ".ics"))
        continue;
      bytes = hallway_test_read_schedule_bytes (name);
      conference = hallway_schedule_read_bytes (bytes, NULL);
      if (conference == NULL)
        continue; /* the files SOURCES.md lists as broken on purpose */
      assert_round_trip (conference, name);
      read++;
    }
  g_assert_cmpuint (read, >=, 25);
}

static void
test_other_payload_refused (void)
{
  g_autoptr (HallwayConference) demo = hallway_test_read_demo ();
  g_autoptr (GBytes) snapshot = hallway_schedule_snapshot_new (demo, SHA256);

  g_assert_null (hallway_schedule_snapshot_read (
    snapshot, "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"));
}

/* Truncated or with a byte changed anywhere: NULL or a conference, never a crash or a
 * CRITICAL (fatal in the tests). */
static void
test_damage_never_crashes (void)
{
  g_autoptr (HallwayConference) demo = hallway_test_read_demo ();
  g_autoptr (GBytes) snapshot = hallway_schedule_snapshot_new (demo, SHA256);
  gsize size = g_bytes_get_size (snapshot);
  const guint8 *data = g_bytes_get_data (snapshot, NULL);

  for (gsize cut = 0; cut < size; cut += 7)
    {
      g_autoptr (GBytes) truncated = g_bytes_new (data, cut);
      g_autoptr (HallwayConference) read = hallway_schedule_snapshot_read (truncated, SHA256);

      g_assert_null (read); /* the header is at the start, the framing at the end */
    }
  for (gsize at = 0; at < size; at += 3)
    {
      g_autofree guint8 *copy = g_memdup2 (data, size);
      g_autoptr (GBytes) changed = NULL;
      g_autoptr (HallwayConference) read = NULL;

      copy[at] ^= 0x5a;
      changed = g_bytes_new (copy, size);
      read = hallway_schedule_snapshot_read (changed, SHA256);
    }
}

int
main (int argc, char *argv[])
{
  hallway_test_init (&argc, &argv, HALLWAY_TEST_DEFAULT);
  g_test_add_func ("/schedule-snapshot/round-trip/demo", test_round_trip_demo);
  g_test_add_func ("/schedule-snapshot/round-trip/real-schedules", test_round_trip_real_schedules);
  g_test_add_func ("/schedule-snapshot/other-payload", test_other_payload_refused);
  g_test_add_func ("/schedule-snapshot/damage", test_damage_never_crashes);
  return g_test_run ();
}
