/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-dump"

#include <json-glib/json-glib.h>

#include "hallway-conference.h"
#include "hallway-dump.h"
#include "hallway-talk.h"
#include "hallway-person.h"

/* The JSON of `hallway --dump`: what scripts and the tests compare against the files. */

static void
add_string (JsonBuilder *builder, const char *name, const char *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_time (JsonBuilder *builder, const char *name, GDateTime *time)
{
  g_autofree char *iso = g_date_time_format (time, "%Y-%m-%dT%H:%M:%S%:z");

  add_string (builder, name, iso);
}

static void
add_talk (JsonBuilder *builder, HallwayTalk *talk)
{
  GPtrArray *persons = hallway_talk_get_persons (talk);

  json_builder_begin_object (builder);
  add_string (builder, "key", hallway_talk_get_key (talk));
  add_string (builder, "id", hallway_talk_get_id (talk));
  add_string (builder, "guid", hallway_talk_get_guid (talk));
  add_string (builder, "title", hallway_talk_get_title (talk));
  add_time (builder, "start", hallway_talk_get_start (talk));
  add_time (builder, "end", hallway_talk_get_end (talk));
  add_string (builder, "room", hallway_talk_get_room_name (talk));
  add_string (builder, "track", hallway_talk_get_track_name (talk));
  add_string (builder, "type", hallway_talk_get_talk_type (talk));
  add_string (builder, "language", hallway_talk_get_language (talk));
  json_builder_set_member_name (builder, "persons");
  json_builder_begin_array (builder);
  for (guint i = 0; i < persons->len; i++)
    json_builder_add_string_value (builder,
                                   hallway_person_get_name (g_ptr_array_index (persons, i)));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

char *
hallway_dump_conference (HallwayConference *conference)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  GListModel *talks = G_LIST_MODEL (conference);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "conference");
  json_builder_begin_object (builder);
  add_string (builder, "title", hallway_conference_get_title (conference));
  add_string (builder, "acronym", hallway_conference_get_acronym (conference));
  add_string (builder, "time_zone", hallway_conference_get_time_zone_name (conference));
  add_string (builder, "format", hallway_conference_get_format (conference));
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "events");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (talks); i++)
    {
      g_autoptr (HallwayTalk) talk = g_list_model_get_item (talks, i);

      add_talk (builder, talk);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}
