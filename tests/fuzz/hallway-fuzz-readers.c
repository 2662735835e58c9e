/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-fuzz"

#include "config.h"

#include <string.h>

#include "hallway-conference.h"
#include "hallway-day.h"
#include "hallway-dump.h"
#include "hallway-talk.h"
#include "hallway-fuzz.h"
#include "hallway-person.h"
#include "hallway-room.h"
#include "hallway-schedule-reader.h"
#include "hallway-schedule-snapshot.h"
#include "hallway-test-utils.h"
#include "hallway-track.h"

/* Whatever the schedule said, what reaches the views is valid UTF-8 (GTK would complain
 * with a CRITICAL otherwise) and every talk has its own key, a start and an end. */
static void
check_text (const char *what, const char *text)
{
  hallway_fuzz_check (text == NULL || g_utf8_validate (text, -1, NULL),
                      "%s is not valid UTF-8", what);
}

void
hallway_fuzz_check_conference (HallwayConference *conference)
{
  GListModel *events = G_LIST_MODEL (conference);
  guint n_events = g_list_model_get_n_items (events);
  g_autoptr (GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *dump = NULL;

  check_text ("the conference title", hallway_conference_get_title (conference));
  check_text ("the venue", hallway_conference_get_venue (conference));
  check_text ("the city", hallway_conference_get_city (conference));
  hallway_fuzz_check (hallway_conference_get_time_zone (conference) != NULL,
                      "a conference without a time zone");

  for (guint i = 0; i < n_events; i++)
    {
      g_autoptr (HallwayTalk) event = g_list_model_get_item (events, i);
      const char *key = hallway_talk_get_key (event);
      GDateTime *start = hallway_talk_get_start (event);
      GDateTime *end = hallway_talk_get_end (event);

      hallway_fuzz_check (key != NULL && *key != '\0', "event %u has no key", i);
      check_text ("a key", key);
      hallway_fuzz_check (g_hash_table_add (keys, (gpointer) key),
                          "two events share the key “%s”", key);
      hallway_fuzz_check (hallway_conference_lookup_talk (conference, key) == event,
                          "looking up “%s” gives another event", key);
      hallway_fuzz_check (start != NULL && end != NULL, "event “%s” has no start or end", key);
      check_text ("a title", hallway_talk_get_title (event));
      check_text ("a subtitle", hallway_talk_get_subtitle (event));
      check_text ("a room", hallway_talk_get_room_name (event));
      check_text ("a track", hallway_talk_get_track_name (event));
      check_text ("a URL", hallway_talk_get_url (event));
      if (i > 0)
        {
          g_autoptr (HallwayTalk) previous = g_list_model_get_item (events, i - 1);

          hallway_fuzz_check (g_date_time_compare (hallway_talk_get_start (previous), start) <= 0,
                              "the events are not sorted by start (%u)", i);
        }
    }

  /* Every field, the rich texts through the sanitizer included. */
  dump = hallway_dump_conference (conference);
  hallway_fuzz_check (dump != NULL && g_utf8_validate (dump, -1, NULL),
                      "the dump is not valid UTF-8");
}

static void
read_schedule (const guint8 *data, gsize size)
{
  g_autoptr (GBytes) bytes = g_bytes_new (data, size);
  g_autoptr (GError) error = NULL;
  g_autoptr (HallwayConference) conference = hallway_schedule_read_bytes (bytes, &error);

  if (conference == NULL)
    {
      g_autofree char *escaped = NULL;

      hallway_fuzz_check (error != NULL && error->domain == HALLWAY_SCHEDULE_ERROR,
                          "a failed read without a schedule error");
      escaped = g_strescape (error->message ? error->message : "(null)", NULL);
      hallway_fuzz_check (error->message != NULL && *error->message != '\0' &&
                          g_utf8_validate (error->message, -1, NULL),
                          "an empty or invalid error message: \"%s\"", escaped);
      return;
    }
  hallway_fuzz_check (error == NULL, "a conference and an error");
  hallway_fuzz_check_conference (conference);
}

/* The three formats go through the one public entry point, which sniffs the format from the
 * content; each target has its own seed corpus, so the fuzzer mostly stays in its format. */
void
hallway_fuzz_schedule_xml (const guint8 *data, gsize size)
{
  read_schedule (data, size);
}

void
hallway_fuzz_schedule_json (const guint8 *data, gsize size)
{
  read_schedule (data, size);
}

void
hallway_fuzz_schedule_ical (const guint8 *data, gsize size)
{
  read_schedule (data, size);
}

#define SNAPSHOT_SHA256 "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

/* The snapshot of a generated schedule (tracks, rooms, a person, abstracts), made once. */
static GBytes *
valid_snapshot (void)
{
  static GBytes *snapshot;

  if (snapshot == NULL)
    {
      g_autoptr (GBytes) schedule = hallway_test_generate_schedule ("Fuzz", "fuzz", 12);
      g_autoptr (HallwayConference) conference = hallway_schedule_read_bytes (schedule, NULL);

      hallway_fuzz_check (conference != NULL, "the generated schedule does not read");
      snapshot = hallway_schedule_snapshot_new (conference, SNAPSHOT_SHA256);
    }
  return snapshot;
}

/* A snapshot damaged where the input says: each 4 bytes are a position (3 bytes, modulo the
 * size) and a mask to xor there; a remainder of 1 to 3 bytes also cuts it short. Whatever
 * is read back must be refused or be a consistent conference. */
void
hallway_fuzz_snapshot (const guint8 *data, gsize size)
{
  GBytes *valid = valid_snapshot ();
  gsize length = g_bytes_get_size (valid);
  g_autofree guint8 *copy = g_memdup2 (g_bytes_get_data (valid, NULL), length);
  g_autoptr (GBytes) damaged = NULL;
  g_autoptr (HallwayConference) conference = NULL;
  gsize i;

  for (i = 0; i + 4 <= size; i += 4)
    {
      gsize at = ((gsize) data[i] << 16 | (gsize) data[i + 1] << 8 | data[i + 2]) % length;

      copy[at] ^= data[i + 3];
    }
  if (i < size)
    length = (data[i] << 8 | (i + 1 < size ? data[i + 1] : 0)) % length;
  damaged = g_bytes_new (copy, length);
  conference = hallway_schedule_snapshot_read (damaged, SNAPSHOT_SHA256);
  if (conference != NULL)
    hallway_fuzz_check_conference (conference);
}
