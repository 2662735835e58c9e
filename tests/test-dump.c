/* SPDX-License-Identifier: EUPL-1.2 */
#include <json-glib/json-glib.h>

#include "hallway-conference-private.h"
#include "hallway-dump.h"
#include "hallway-person.h"
#include "hallway-talk-private.h"
#include "hallway-test-utils.h"

/* hallway_dump_conference () writes its JSON itself; what scripts and the tests compare
 * stays the bytes json-glib's pretty generator gave. The reference below is the dump as it
 * was built before (JsonBuilder, JsonGenerator), field for field. */

static void
reference_string (JsonBuilder *builder, const char *name, const char *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
reference_time (JsonBuilder *builder, const char *name, GDateTime *time)
{
  g_autofree char *iso = g_date_time_format (time, "%Y-%m-%dT%H:%M:%S%:z");

  reference_string (builder, name, iso);
}

static void
reference_talk (JsonBuilder *builder, HallwayTalk *talk)
{
  GPtrArray *persons = hallway_talk_get_persons (talk);

  json_builder_begin_object (builder);
  reference_string (builder, "key", hallway_talk_get_key (talk));
  reference_string (builder, "id", hallway_talk_get_id (talk));
  reference_string (builder, "guid", hallway_talk_get_guid (talk));
  reference_string (builder, "title", hallway_talk_get_title (talk));
  reference_time (builder, "start", hallway_talk_get_start (talk));
  reference_time (builder, "end", hallway_talk_get_end (talk));
  reference_string (builder, "room", hallway_talk_get_room_name (talk));
  reference_string (builder, "track", hallway_talk_get_track_name (talk));
  reference_string (builder, "type", hallway_talk_get_talk_type (talk));
  reference_string (builder, "language", hallway_talk_get_language (talk));
  json_builder_set_member_name (builder, "persons");
  json_builder_begin_array (builder);
  for (guint i = 0; i < persons->len; i++)
    json_builder_add_string_value (builder,
                                   hallway_person_get_name (g_ptr_array_index (persons, i)));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static char *
reference_dump (HallwayConference *conference)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  GListModel *talks = G_LIST_MODEL (conference);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "conference");
  json_builder_begin_object (builder);
  reference_string (builder, "title", hallway_conference_get_title (conference));
  reference_string (builder, "acronym", hallway_conference_get_acronym (conference));
  reference_string (builder, "time_zone", hallway_conference_get_time_zone_name (conference));
  reference_string (builder, "format", hallway_conference_get_format (conference));
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "events");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (talks); i++)
    {
      g_autoptr (HallwayTalk) talk = g_list_model_get_item (talks, i);

      reference_talk (builder, talk);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}

static void
assert_same_as_reference (HallwayConference *conference)
{
  g_autofree char *dump = hallway_dump_conference (conference);
  g_autofree char *expected = reference_dump (conference);

  g_assert_cmpstr (dump, ==, expected);
}

static void
test_demo (void)
{
  g_autoptr (HallwayConference) conference = hallway_test_read_demo ();

  assert_same_as_reference (conference);
}

/* Every ASCII byte (the controls, the quote, the backslash, DEL), UTF-8 beyond, and the
 * characters JSON writers disagree on (U+2028, U+2029, U+007F, an astral one). */
static char *
awkward_text (const char *prefix)
{
  GString *text = g_string_new (prefix);

  for (int c = 1; c < 0x80; c++)
    g_string_append_c (text, (char) c);
  g_string_append (text, "é\u2028\u2029\xc2\x80\u00a0😀");
  return g_string_free (text, FALSE);
}

static HallwayTalk *
add_talk (HallwayConference *conference, const char *guid, const char *start_iso,
          const char *end_iso)
{
  HallwayTalk *talk = hallway_talk_new ();
  g_autoptr (GDateTime) start = g_date_time_new_from_iso8601 (start_iso, NULL);
  g_autoptr (GDateTime) end = g_date_time_new_from_iso8601 (end_iso, NULL);

  g_assert_nonnull (start);
  g_assert_nonnull (end);
  talk->guid = g_strdup (guid);
  hallway_talk_set_times (talk, start, end);
  hallway_conference_add_talk (conference, talk);
  return talk;
}

static void
test_awkward_fields (void)
{
  g_autoptr (HallwayConference) conference = hallway_conference_new ();
  g_autofree char *title = awkward_text ("Title ");
  g_autofree char *name = awkward_text ("Name ");
  HallwayTalk *full, *bare;

  hallway_conference_set_title (conference, title);
  hallway_conference_set_format (conference, "test");
  g_assert_true (hallway_conference_set_time_zone_name (conference, "America/St_Johns"));
  /* Offsets behind UTC, of half and three quarters of an hour, and none. */
  full = add_talk (conference, "full", "2027-02-06T09:30:00-03:30", "2027-02-06T23:59:59+05:45");
  full->id = g_strdup ("1");
  full->title = awkward_text ("");
  full->talk_type = g_strdup ("talk \"quoted\"");
  full->language = g_strdup ("de\\ch");
  full->room = g_object_ref (hallway_conference_ensure_room (conference, name));
  full->track = g_object_ref (hallway_conference_ensure_track (conference, "Track\n2"));
  g_ptr_array_add (full->persons,
                   g_object_ref (hallway_conference_ensure_person (conference, "p1", name)));
  g_ptr_array_add (full->persons,
                   g_object_ref (hallway_conference_ensure_person (conference, "p2", "Ada")));
  /* No id, title, room, track, type, language or person: nulls and an empty list. */
  bare = add_talk (conference, "bare", "2027-02-06T12:00:00Z", "2027-02-06T13:00:00Z");
  (void) bare;
  hallway_conference_finish (conference);

  assert_same_as_reference (conference);
}

static void
test_no_talks (void)
{
  g_autoptr (HallwayConference) conference = hallway_conference_new ();

  hallway_conference_finish (conference);
  assert_same_as_reference (conference);
}

/* The real schedules of every format and reader. */
static void
test_real_schedules (void)
{
  static const char *const names[] = {
    "fosdem-2026.xml", "39c3-everything.schedule.json", "36c3-merged.schedule.xml",
    "democon-pretalx.json", "pydata-london-2023-pretalx-widget-v2.json", "lca2020.ics",
    "debconf23-wafer.xml", "fosdem-2007.xml",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr (HallwayConference) conference = hallway_test_read_schedule (names[i]);

      if (conference == NULL)
        return;  /* skipped: no shared schedules */
      assert_same_as_reference (conference);
    }
}

int
main (int argc, char *argv[])
{
  hallway_test_init (&argc, &argv, HALLWAY_TEST_DEFAULT);
  g_test_add_func ("/dump/as-json-glib/demo", test_demo);
  g_test_add_func ("/dump/as-json-glib/awkward-fields", test_awkward_fields);
  g_test_add_func ("/dump/as-json-glib/no-talks", test_no_talks);
  g_test_add_func ("/dump/as-json-glib/real-schedules", test_real_schedules);
  return g_test_run ();
}
