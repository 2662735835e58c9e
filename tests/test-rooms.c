/* SPDX-License-Identifier: EUPL-1.2 */
/* Rooms: their slugs (FOSDEM's streams, campus navigation and room status use them). */
#include <string.h>

#include "hallway-conference.h"
#include "hallway-room.h"
#include "hallway-talk.h"
#include "hallway-test-utils.h"

static void
assert_slug (const char *name, const char *expected)
{
  g_autofree char *slug = hallway_room_slug_for_name (name);

  g_assert_cmpstr (slug, ==, expected);
}

/* Real FOSDEM rooms and their slugs as FOSDEM's schedule and live.fosdem.org give them. */
static void
test_slug_examples (void)
{
  assert_slug ("H.1301 (Cornil)", "h1301");
  assert_slug ("K.1.105 (La Fontaine)", "k1105");
  assert_slug ("UB2.252A (Lameere)", "ub2252a");
  assert_slug ("UA2.220 (Guillissen)", "ua2220");
  assert_slug ("AW1.120", "aw1120");
  assert_slug ("Janson", "janson");
  assert_slug ("H.2213", "h2213");
  /* What is not a FOSDEM room still gets a slug of letters and digits. */
  assert_slug ("Saal 1", "saal1");
  assert_slug ("(Foyer)", "");
}

/* Every <room name slug> wrapper of a FOSDEM schedule: FOSDEM's own slug for the name. */
static GHashTable *
schedule_room_slugs (GBytes *bytes)
{
  g_autoptr (GRegex) regex = g_regex_new ("<room name=\"([^\"]+)\" slug=\"([^\"]+)\"", 0, 0, NULL);
  g_autoptr (GMatchInfo) match = NULL;
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  GHashTable *slugs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  g_regex_match (regex, text, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *name = g_match_info_fetch (match, 1);
      g_autofree char *slug = g_match_info_fetch (match, 2);

      g_hash_table_insert (slugs, g_steal_pointer (&name), g_steal_pointer (&slug));
      g_match_info_next (match, NULL);
    }
  return slugs;
}

/* Every room of a FOSDEM edition gets the slug FOSDEM's schedule gives it. */
static void
test_slug_fosdem (gconstpointer data)
{
  const char *file = data;
  g_autoptr (GBytes) bytes = hallway_test_read_schedule_bytes (file);
  g_autoptr (HallwayConference) conference = NULL;
  g_autoptr (GHashTable) expected = NULL;
  GListModel *rooms;
  guint n_with_parentheses = 0;

  if (bytes == NULL)
    return;
  conference = hallway_test_read_schedule (file);
  expected = schedule_room_slugs (bytes);
  rooms = hallway_conference_get_rooms (conference);
  /* Every room with a talk; the schedule lists a few more, empty. */
  g_assert_cmpuint (g_list_model_get_n_items (rooms), >, 25);
  g_assert_cmpuint (g_hash_table_size (expected), >=, g_list_model_get_n_items (rooms));
  for (guint i = 0; i < g_list_model_get_n_items (rooms); i++)
    {
      g_autoptr (HallwayRoom) room = g_list_model_get_item (rooms, i);
      const char *name = hallway_room_get_name (room);

      g_assert_true (g_hash_table_contains (expected, name));
      g_assert_cmpstr (hallway_room_get_slug (room), ==, g_hash_table_lookup (expected, name));
      if (strchr (name, '(') != NULL)
        n_with_parentheses++;
    }
  /* The rooms with an honorary name in parentheses are the ones this is about. */
  g_assert_cmpuint (n_with_parentheses, >=, 9);
}

/* The stream of a talk in "H.1301 (Cornil)" is at live.fosdem.org/watch/h1301. */
static void
test_live_stream_url (void)
{
  g_autoptr (HallwayConference) conference = hallway_test_read_schedule ("fosdem-2026.xml");
  GListModel *rooms;

  if (conference == NULL)
    return;
  rooms = hallway_conference_get_rooms (conference);
  for (guint i = 0; i < g_list_model_get_n_items (rooms); i++)
    {
      g_autoptr (HallwayRoom) room = g_list_model_get_item (rooms, i);
      g_autoptr (HallwayTalk) talk = NULL;
      g_autofree char *url = NULL;

      if (g_strcmp0 (hallway_room_get_name (room), "H.1301 (Cornil)") != 0)
        continue;
      talk = g_list_model_get_item (hallway_conference_get_talks_for_room (conference, room), 0);
      url = hallway_conference_dup_live_stream_url (conference, talk);
      g_assert_cmpstr (url, ==, "https://live.fosdem.org/watch/h1301");
      return;
    }
  g_assert_not_reached ();
}

int
main (int argc, char *argv[])
{
  hallway_test_init (&argc, &argv, HALLWAY_TEST_DEFAULT);

  g_test_add_func ("/rooms/slug/examples", test_slug_examples);
  g_test_add_data_func ("/rooms/slug/fosdem-2024", "fosdem-2024.xml", test_slug_fosdem);
  g_test_add_data_func ("/rooms/slug/fosdem-2025", "fosdem-2025.xml", test_slug_fosdem);
  g_test_add_data_func ("/rooms/slug/fosdem-2026", "fosdem-2026.xml", test_slug_fosdem);
  g_test_add_func ("/rooms/live-stream-url", test_live_stream_url);
  return g_test_run ();
}
