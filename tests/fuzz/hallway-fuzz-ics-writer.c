/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-fuzz"

#include "config.h"

#include <libical/ical.h>
#include <string.h>

#include "hallway-conference-private.h"
#include "hallway-talk-private.h"
#include "hallway-fuzz.h"
#include "hallway-ical-export.h"
#include "hallway-link.h"

/* A conference built from the input's bytes, exported with hallway_ical_export and read
 * back with libical: the calendar parses without errors, has one VEVENT per talk with the
 * UID hallway_ical_export_dup_uid() gives (and whose key comes back from
 * hallway_ical_export_dup_key_for_uid()), the talk's title as SUMMARY and its start as
 * DTSTART; a second export with the same sequences store raises no SEQUENCE.
 *
 * The input is read as a stream of fields: a string is a length byte (0: none) and that
 * many bytes, cut at a NUL and made valid UTF-8 as the readers do; a missing byte reads as
 * 0. Conference: acronym, title, venue, zone, alarm byte, number of talks; each talk: guid,
 * id, slug, title, subtitle, room, track, abstract, url, a speaker, a link, start (4 bytes,
 * seconds after 1990-01-01 UTC, at most 45 years), length (2 bytes, minutes). */

typedef struct
{
  const guint8 *data;
  gsize size;
} Input;

static guint8
take_byte (Input *input)
{
  guint8 byte;

  if (input->size == 0)
    return 0;
  byte = input->data[0];
  input->data++;
  input->size--;
  return byte;
}

static guint32
take_uint (Input *input, guint n_bytes)
{
  guint32 value = 0;

  for (guint i = 0; i < n_bytes; i++)
    value = (value << 8) | take_byte (input);
  return value;
}

static char *
take_string (Input *input)
{
  gsize length = take_byte (input);
  g_autofree char *raw = NULL;

  length = MIN (length, input->size);
  if (length == 0)
    return NULL;
  raw = g_strndup ((const char *) input->data, length);
  input->data += length;
  input->size -= length;
  if (*raw == '\0')
    return NULL;
  return g_utf8_make_valid (raw, -1);
}

static const char * const zones[] = {
  NULL, "UTC", "Europe/Brussels", "America/New_York", "Australia/Lord_Howe",
  "Asia/Kathmandu", "Pacific/Chatham", "America/St_Johns", "Europe/Dublin",
  "Africa/Casablanca", "Europe/Berlin",
};

static HallwayTalk *
take_event (Input *input, HallwayConference *conference, GDateTime *epoch)
{
  HallwayTalk *event = hallway_talk_new ();
  g_autofree char *room = NULL;
  g_autofree char *track = NULL;
  g_autofree char *abstract = NULL;
  g_autofree char *speaker = NULL;
  g_autofree char *link = NULL;
  g_autoptr (GDateTime) start = NULL;
  g_autoptr (GDateTime) end = NULL;
  guint32 seconds;
  guint minutes;

  event->guid = take_string (input);
  event->id = take_string (input);
  event->slug = take_string (input);
  event->title = take_string (input);
  event->subtitle = take_string (input);
  room = take_string (input);
  track = take_string (input);
  abstract = take_string (input);
  event->url = take_string (input);
  speaker = take_string (input);
  link = take_string (input);
  seconds = take_uint (input, 4) % (45u * 365 * 24 * 3600);
  minutes = take_uint (input, 2);

  g_set_object (&event->room, hallway_conference_ensure_room (conference, room));
  g_set_object (&event->track, hallway_conference_ensure_track (conference, track));
  hallway_rich_text_set (&event->abstract, abstract, hallway_rich_text_guess_format (abstract));
  if (hallway_conference_ensure_person (conference, NULL, speaker) != NULL)
    g_ptr_array_add (event->persons,
                     g_object_ref (hallway_conference_ensure_person (conference, NULL, speaker)));
  if (link != NULL)
    g_ptr_array_add (event->links, hallway_link_new (speaker, link, HALLWAY_LINK_OTHER));
  start = g_date_time_add_seconds (epoch, seconds);
  end = g_date_time_add_minutes (start, minutes);
  hallway_talk_set_times (event, start, end);
  return event;
}

static HallwayConference *
take_conference (Input *input, int *alarm_minutes)
{
  g_autoptr (HallwayConference) conference = hallway_conference_new ();
  g_autoptr (GDateTime) epoch = g_date_time_new_utc (1990, 1, 1, 0, 0, 0);
  g_autofree char *acronym = take_string (input);
  g_autofree char *title = take_string (input);
  g_autofree char *venue = take_string (input);
  g_autofree char *zone_name = take_string (input);
  guint8 zone = take_byte (input);
  guint8 alarm = take_byte (input);
  guint n_events = take_byte (input) % 16;

  hallway_conference_set_acronym (conference, acronym);
  hallway_conference_set_title (conference, title);
  hallway_conference_set_venue (conference, venue);
  if (zone_name == NULL || !hallway_conference_set_time_zone_name (conference, zone_name))
    hallway_conference_set_time_zone_name (conference, zones[zone % G_N_ELEMENTS (zones)]);
  *alarm_minutes = alarm >= 200 ? HALLWAY_ICAL_EXPORT_NO_ALARM : alarm;
  for (guint i = 0; i < n_events; i++)
    {
      g_autoptr (GDateTime) local_epoch =
        g_date_time_to_timezone (epoch, hallway_conference_get_time_zone (conference));

      hallway_conference_add_talk (conference, take_event (input, conference, local_epoch));
    }
  hallway_conference_finish (conference);
  return g_steal_pointer (&conference);
}

/* A local time in a DST switch names two instants, or none; the calendar cannot do better. */
static gboolean
near_zone_change (GTimeZone *zone, GDateTime *time)
{
  g_autoptr (GDateTime) before = g_date_time_add_hours (time, -3);
  g_autoptr (GDateTime) after = g_date_time_add_hours (time, 3);
  g_autoptr (GDateTime) local_before = g_date_time_to_timezone (before, zone);
  g_autoptr (GDateTime) local_after = g_date_time_to_timezone (after, zone);

  return g_date_time_get_utc_offset (local_before) != g_date_time_get_utc_offset (local_after);
}

/* What of a title can come back: control characters are not allowed in iCalendar TEXT
 * (RFC 5545, 3.3.11), and libical's parser drops the spaces around a value. */
static char *
comparable_text (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text ? text : ""; *p != '\0'; p++)
    if ((guchar) *p >= 0x20 && *p != 0x7F)
      g_string_append_c (out, *p);
  return g_strstrip (g_string_free (out, FALSE));
}

/* A talk without a title is exported as "Untitled talk". */
static void
check_summary (const char *title, const char *summary)
{
  g_autofree char *expected = comparable_text (title);
  g_autofree char *found = comparable_text (summary);
  g_autofree char *title_escaped = g_strescape (title ? title : "", NULL);
  g_autofree char *summary_escaped = g_strescape (summary ? summary : "(none)", NULL);

  if (*expected == '\0')
    return;
  hallway_fuzz_check (strcmp (expected, found) == 0, "the title \"%s\" comes back as \"%s\"",
                      title_escaped, summary_escaped);
}

static gboolean
is_written_property (icalproperty_kind kind)
{
  static const icalproperty_kind written[] = {
    ICAL_UID_PROPERTY, ICAL_DTSTAMP_PROPERTY, ICAL_DTSTART_PROPERTY, ICAL_DTEND_PROPERTY,
    ICAL_SUMMARY_PROPERTY, ICAL_LOCATION_PROPERTY, ICAL_SEQUENCE_PROPERTY,
    ICAL_DESCRIPTION_PROPERTY, ICAL_URL_PROPERTY, ICAL_CATEGORIES_PROPERTY,
    ICAL_STATUS_PROPERTY,
  };

  for (guint i = 0; i < G_N_ELEMENTS (written); i++)
    if (written[i] == kind)
      return TRUE;
  return FALSE;
}

/* The X-LIC-ERROR properties libical added while parsing, with the property they are in. */
static char *
dup_errors (icalcomponent *calendar)
{
  g_autofree char *text = g_strdup (icalcomponent_as_ical_string (calendar));
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  GString *errors = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], "X-LIC-ERROR") != NULL)
      g_string_append_printf (errors, "%s\n", lines[i]);
  return g_string_free (errors, FALSE);
}

static GHashTable *
read_back (const char *ics, HallwayConference *conference, const char * const *keys)
{
  icalcomponent *calendar = icalparser_parse_string (ics);
  g_autoptr (GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTable *sequences = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_vevents = 0;

  hallway_fuzz_check (calendar != NULL, "libical cannot parse the export:\n%s", ics);
  hallway_fuzz_check (icalcomponent_isa (calendar) == ICAL_VCALENDAR_COMPONENT,
                      "the export is not a VCALENDAR");
  if (icalcomponent_count_errors (calendar) != 0)
    {
      g_autofree char *errors = dup_errors (calendar);

      hallway_fuzz_check (FALSE, "libical finds errors in the export:\n%s\n%s", errors, ics);
    }
  for (guint i = 0; keys[i] != NULL; i++)
    g_hash_table_insert (expected, hallway_ical_export_dup_uid (conference, keys[i]),
                         (gpointer) keys[i]);

  for (icalcomponent *vevent = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       vevent != NULL;
       vevent = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      const char *uid = icalcomponent_get_uid (vevent);
      const char *key;
      const char *summary = icalcomponent_get_summary (vevent);
      g_autofree char *key_back = NULL;
      HallwayTalk *event;
      struct icaltimetype dtstart = icalcomponent_get_dtstart (vevent);
      gint64 start;

      n_vevents++;
      hallway_fuzz_check (uid != NULL, "a VEVENT without UID:\n%s", ics);
      key = g_hash_table_lookup (expected, uid);
      hallway_fuzz_check (key != NULL, "the UID “%s” is no talk's (twice, or changed):\n%s",
                          uid, ics);
      g_hash_table_remove (expected, uid);
      key_back = hallway_ical_export_dup_key_for_uid (uid);
      hallway_fuzz_check (g_strcmp0 (key_back, key) == 0,
                          "the UID “%s” gives the key “%s”, not “%s”", uid,
                          key_back ? key_back : "(none)", key);
      g_hash_table_insert (sequences, g_strdup (uid),
                           GINT_TO_POINTER (icalcomponent_get_sequence (vevent)));

      event = hallway_conference_lookup_talk (conference, key);
      check_summary (hallway_talk_get_title (event), summary);
      /* Only what the writer writes: a schedule's text must not add properties. */
      for (icalproperty *property = icalcomponent_get_first_property (vevent, ICAL_ANY_PROPERTY);
           property != NULL;
           property = icalcomponent_get_next_property (vevent, ICAL_ANY_PROPERTY))
        hallway_fuzz_check (is_written_property (icalproperty_isa (property)),
                            "“%s” has a property the writer does not write: %s\n%s", key,
                            icalproperty_get_property_name (property), ics);
      /* RFC 5545, 3.6.6: a DISPLAY alarm has a DESCRIPTION, the text it shows. */
      for (icalcomponent *alarm = icalcomponent_get_first_component (vevent, ICAL_VALARM_COMPONENT);
           alarm != NULL;
           alarm = icalcomponent_get_next_component (vevent, ICAL_VALARM_COMPONENT))
        hallway_fuzz_check (icalcomponent_get_first_property (alarm, ICAL_DESCRIPTION_PROPERTY),
                            "an alarm of “%s” has no DESCRIPTION:\n%s", key, ics);

      hallway_fuzz_check (!icaltime_is_null_time (dtstart), "“%s” has no DTSTART:\n%s", key, ics);
      start = icaltime_as_timet_with_zone (dtstart, dtstart.zone != NULL ?
                                           dtstart.zone : icaltimezone_get_utc_timezone ());
      hallway_fuzz_check (start == g_date_time_to_unix (hallway_talk_get_start (event)) ||
                          near_zone_change (hallway_conference_get_time_zone (conference),
                                            hallway_talk_get_start (event)),
                          "“%s” starts at %" G_GINT64_FORMAT ", not %" G_GINT64_FORMAT ":\n%s",
                          key, start, g_date_time_to_unix (hallway_talk_get_start (event)), ics);
    }
  hallway_fuzz_check (n_vevents == g_strv_length ((GStrv) keys),
                      "%u VEVENTs for %u talks", n_vevents, g_strv_length ((GStrv) keys));
  icalcomponent_free (calendar);
  return sequences;
}

void
hallway_fuzz_ics_writer (const guint8 *data, gsize size)
{
  Input input = { data, size };
  int alarm_minutes = 0;
  g_autoptr (HallwayConference) conference = take_conference (&input, &alarm_minutes);
  g_auto (GStrv) keys = hallway_ical_export_dup_talk_keys (G_LIST_MODEL (conference));
  g_autoptr (GFile) file = hallway_fuzz_write_scratch ("exports.json", (const guint8 *) "", 0);
  g_autoptr (HallwayExportSequences) sequences = hallway_export_sequences_new (file);
  g_autoptr (GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr (GHashTable) first_sequences = NULL;
  g_autoptr (GHashTable) second_sequences = NULL;
  GHashTableIter iter;
  gpointer uid, sequence;

  first = hallway_ical_export (conference, (const char * const *) keys, NULL, sequences, NULL,
                               alarm_minutes, &error);
  if (keys[0] == NULL)
    {
      hallway_fuzz_check (first == NULL &&
                            g_error_matches (error, HALLWAY_ICAL_EXPORT_ERROR,
                                             HALLWAY_ICAL_EXPORT_ERROR_NOTHING_TO_EXPORT),
                          "nothing to export, yet no NOTHING_TO_EXPORT error");
      hallway_fuzz_reset_scratch ();
      return;
    }
  hallway_fuzz_check (first != NULL, "the export fails: %s", error->message);
  hallway_fuzz_check (g_utf8_validate (first, -1, NULL), "the export is not valid UTF-8");
  first_sequences = read_back (first, conference, (const char * const *) keys);

  second = hallway_ical_export (conference, (const char * const *) keys, NULL, sequences, NULL,
                                alarm_minutes, &error);
  hallway_fuzz_check (second != NULL, "the second export fails: %s", error->message);
  second_sequences = read_back (second, conference, (const char * const *) keys);
  g_hash_table_iter_init (&iter, first_sequences);
  while (g_hash_table_iter_next (&iter, &uid, &sequence))
    hallway_fuzz_check (g_hash_table_lookup (second_sequences, uid) == sequence,
                        "exporting “%s” again, unchanged, changes its SEQUENCE",
                        (const char *) uid);
  hallway_fuzz_reset_scratch ();
}
