/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libical/ical.h>
#include <string.h>

#include "hallway-agenda-export.h"
#include "hallway-bookmarks.h"
#include "hallway-day.h"
#include "hallway-talk.h"
#include "hallway-ical-export.h"
#include "hallway-ical-import.h"
#include "hallway-library.h"
#include "hallway-paths.h"
#include "hallway-plan.h"
#include "hallway-schedule-change.h"
#include "hallway-test-talks.h"
#include "hallway-test-utils.h"
#include "hallway-track.h"

/* Calendar export and import. Every export is checked as text (CRLF, lines of at most 75
 * octets, no UTF-8 sequence cut by a fold) and read back with libical's parser and its
 * RFC 5545 restriction check; test-export-icalendar.py reads the same files with
 * python3-icalendar (this binary writes them with --write DIR). */

#define SEED_TRACK "Building Europe’s Public Digital Infrastructure"
#define ZONE "Europe/Brussels"
/* The demo conference's track of three talks, one across midnight. */
#define DEMO_TRACK "Desktop"
#define DEMO_MINISTRIES "7d0d6a3e-0b0e-4d27-9a59-0d6f1f3c0002"  /* Saturday 10:30 */
#define DEMO_LATE_NIGHT "7d0d6a3e-0b0e-4d27-9a59-0d6f1f3c0004"  /* Saturday 23:30 */
/* "Digital Public Infrastructure for the World", the seed devroom's first talk */
#define DPI_FOR_THE_WORLD "596813a6-7598-5537-a253-43892acbf150"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (icalcomponent, icalcomponent_free)

/* ---- helpers ---------------------------------------------------------------------------- */

static char *
scratch_dir (void)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp ("hallway-export-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_dir (const char *dir)
{
  g_autoptr (GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (dir);
}

static HallwayBookmarks *
scratch_bookmarks (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "bookmarks.json", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);

  return hallway_bookmarks_new (file);
}

static HallwayExportSequences *
scratch_sequences (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "exports.json", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (HallwayExportSequences) sequences = hallway_export_sequences_new (file);
  g_autoptr (GError) error = NULL;

  g_assert_true (hallway_export_sequences_load (sequences, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&sequences);
}

static GStrv
seed_keys (HallwayConference *conference)
{
  HallwayTrack *track = hallway_test_find_track (conference, SEED_TRACK);

  return hallway_ical_export_dup_talk_keys (
    hallway_conference_get_talks_for_track (conference, track));
}

static GStrv
all_keys (HallwayConference *conference)
{
  return hallway_ical_export_dup_talk_keys (G_LIST_MODEL (conference));
}

static char *
export_or_fail (HallwayConference *conference, const char *const *keys, HallwayBookmarks *bookmarks,
                HallwayExportSequences *sequences, int alarm_minutes)
{
  g_autoptr (GError) error = NULL;
  char *text =
    hallway_ical_export (conference, keys, bookmarks, sequences, NULL, alarm_minutes, &error);

  g_assert_no_error (error);
  g_assert_nonnull (text);
  return text;
}

/* ---- RFC 5545 as text ------------------------------------------------------------------- */

/* CRLF after every line and nowhere else; at most 75 octets a line; every line valid
 * UTF-8 by itself, so no fold cut a character; continuation lines start with a space. */
static void
assert_rfc5545_lines (const char *text)
{
  const char *line = text;
  guint n_lines = 0;

  g_assert_true (g_str_has_prefix (text, "BEGIN:VCALENDAR\r\n"));
  g_assert_true (g_str_has_suffix (text, "END:VCALENDAR\r\n"));
  while (*line != '\0')
    {
      const char *end = strstr (line, "\r\n");
      gsize length;

      g_assert_nonnull (end);
      length = end - line;
      if (length > 75)
        g_error ("line %u has %" G_GSIZE_FORMAT " octets: %.*s", n_lines + 1, length, (int)length,
                 line);
      g_assert_null (memchr (line, '\n', length));
      g_assert_null (memchr (line, '\r', length));
      if (!g_utf8_validate (line, length, NULL))
        g_error ("line %u is not UTF-8 by itself (a fold cut a character): %.*s", n_lines + 1,
                 (int) length, line);
      g_assert_cmpuint (length, >, 0);
      line = end + 2;
      n_lines++;
    }
  g_assert_cmpuint (n_lines, >, 4);
}

/* libical's own reading: the parser, then the RFC 5545 restrictions (UID, DTSTAMP once,
 * DTSTART, no DTEND with DURATION, VALARM with ACTION and TRIGGER…). Errors show up as
 * X-LIC-ERROR properties. */
static icalcomponent *
parse_checked (const char *text)
{
  icalcomponent *calendar;

  icalerror_set_errors_are_fatal (0);
  calendar = icalparser_parse_string (text);
  g_assert_nonnull (calendar);
  g_assert_cmpint (icalcomponent_isa (calendar), ==, ICAL_VCALENDAR_COMPONENT);
  g_assert_cmpint (icalcomponent_count_errors (calendar), ==, 0);
  icalrestriction_check (calendar);
  if (icalcomponent_count_errors (calendar) != 0)
    g_error ("libical finds errors: %s", icalcomponent_as_ical_string (calendar));
  return calendar;
}

static icalcomponent *
export_checked (HallwayConference *conference, const char *const *keys, HallwayBookmarks *bookmarks,
                HallwayExportSequences *sequences, int alarm_minutes, char **text_out)
{
  g_autofree char *text = export_or_fail (conference, keys, bookmarks, sequences, alarm_minutes);
  icalcomponent *calendar;

  assert_rfc5545_lines (text);
  calendar = parse_checked (text);
  if (text_out != NULL)
    *text_out = g_steal_pointer (&text);
  return calendar;
}

static icalcomponent *
find_vevent (icalcomponent *calendar, const char *uid)
{
  for (icalcomponent *vevent = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       vevent != NULL;
       vevent = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    if (g_strcmp0 (icalcomponent_get_uid (vevent), uid) == 0)
      return vevent;
  g_error ("no VEVENT with UID %s", uid);
}

static guint
count_vevents (icalcomponent *calendar)
{
  return (guint) icalcomponent_count_components (calendar, ICAL_VEVENT_COMPONENT);
}

static int
vevent_sequence (icalcomponent *vevent)
{
  icalproperty *sequence = icalcomponent_get_first_property (vevent, ICAL_SEQUENCE_PROPERTY);

  g_assert_nonnull (sequence);
  return icalproperty_get_sequence (sequence);
}

static const char *
calendar_x_property (icalcomponent *calendar, const char *name)
{
  for (icalproperty *property = icalcomponent_get_first_property (calendar, ICAL_X_PROPERTY);
       property != NULL;
       property = icalcomponent_get_next_property (calendar, ICAL_X_PROPERTY))
    if (g_strcmp0 (icalproperty_get_x_name (property), name) == 0)
      return icalvalue_get_text (icalproperty_get_value (property));
  return NULL;
}

/* The instant a DTSTART or DTEND names, through the calendar's own VTIMEZONE. */
static gint64
property_unix_time (icalcomponent *calendar, icalproperty *property, const char *tzid)
{
  struct icaltimetype time = icalvalue_get_datetime (icalproperty_get_value (property));
  icalparameter *parameter = icalproperty_get_first_parameter (property, ICAL_TZID_PARAMETER);
  icaltimezone *zone;

  if (tzid == NULL)
    {
      g_assert_null (parameter);
      g_assert_true (icaltime_is_utc (time));
      return icaltime_as_timet_with_zone (time, icaltimezone_get_utc_timezone ());
    }
  g_assert_nonnull (parameter);
  g_assert_cmpstr (icalparameter_get_tzid (parameter), ==, tzid);
  zone = icalcomponent_get_timezone (calendar, tzid);
  g_assert_nonnull (zone);
  return icaltime_as_timet_with_zone (time, zone);
}

/* The wall-clock value written, "20260131T103000", for a time in the conference zone. */
static void
assert_wall_clock (icalproperty *property, GDateTime *time, GTimeZone *zone)
{
  g_autoptr (GDateTime) local = g_date_time_to_timezone (time, zone);
  g_autofree char *expected = g_date_time_format (local, "%Y%m%dT%H%M%S");
  struct icaltimetype value = icalvalue_get_datetime (icalproperty_get_value (property));

  g_assert_cmpstr (icaltime_as_ical_string (value), ==, expected);
}

static char *
expected_location (HallwayConference *conference, const char *room)
{
  return g_strconcat (room, ", ", hallway_conference_get_venue (conference), NULL);
}

/* Title, start and end (zone and instant), location, UID, URL, track: as in the model. */
static icalcomponent *
assert_vevent_is_event (icalcomponent *calendar, HallwayConference *conference, HallwayTalk *talk,
                        const char *tzid)
{
  g_autofree char *uid = hallway_ical_export_dup_uid (conference, hallway_talk_get_key (talk));
  icalcomponent *vevent = find_vevent (calendar, uid);
  icalproperty *dtstart = icalcomponent_get_first_property (vevent, ICAL_DTSTART_PROPERTY);
  icalproperty *dtend = icalcomponent_get_first_property (vevent, ICAL_DTEND_PROPERTY);
  icalproperty *categories = icalcomponent_get_first_property (vevent, ICAL_CATEGORIES_PROPERTY);
  icalproperty *url = icalcomponent_get_first_property (vevent, ICAL_URL_PROPERTY);
  g_autofree char *location = expected_location (conference, hallway_talk_get_room_name (talk));

  g_assert_cmpstr (icalcomponent_get_summary (vevent), ==, hallway_talk_get_title (talk));
  g_assert_cmpstr (icalcomponent_get_location (vevent), ==, location);
  g_assert_cmpint (property_unix_time (calendar, dtstart, tzid), ==,
                   g_date_time_to_unix (hallway_talk_get_start (talk)));
  g_assert_cmpint (property_unix_time (calendar, dtend, tzid), ==,
                   g_date_time_to_unix (hallway_talk_get_end (talk)));
  if (tzid != NULL)
    {
      GTimeZone *zone = hallway_conference_get_time_zone (conference);

      assert_wall_clock (dtstart, hallway_talk_get_start (talk), zone);
      assert_wall_clock (dtend, hallway_talk_get_end (talk), zone);
    }
  g_assert_nonnull (categories);
  g_assert_cmpstr (icalproperty_get_categories (categories), ==,
                   hallway_talk_get_track_name (talk));
  if (hallway_talk_get_url (talk) != NULL)
    g_assert_cmpstr (icalproperty_get_url (url), ==, hallway_talk_get_url (talk));
  g_assert_cmpint (icalcomponent_get_status (vevent), ==, ICAL_STATUS_CONFIRMED);
  g_assert_nonnull (icalcomponent_get_first_property (vevent, ICAL_DTSTAMP_PROPERTY));
  return vevent;
}

static void
assert_has_vtimezone (icalcomponent *calendar, const char *tzid)
{
  icalcomponent *vtimezone = icalcomponent_get_first_component (calendar, ICAL_VTIMEZONE_COMPONENT);

  g_assert_nonnull (vtimezone);
  g_assert_cmpstr (icalproperty_get_tzid (
                     icalcomponent_get_first_property (vtimezone, ICAL_TZID_PROPERTY)),
                   ==, tzid);
  g_assert_null (icalcomponent_get_next_component (calendar, ICAL_VTIMEZONE_COMPONENT));
}

/* The STANDARD and DAYLIGHT parts of the calendar's VTIMEZONE. */
static guint
count_observances (icalcomponent *calendar)
{
  icalcomponent *vtimezone = icalcomponent_get_first_component (calendar, ICAL_VTIMEZONE_COMPONENT);
  guint count = 0;

  for (icalcomponent *part = icalcomponent_get_first_component (vtimezone, ICAL_ANY_COMPONENT);
       part != NULL; part = icalcomponent_get_next_component (vtimezone, ICAL_ANY_COMPONENT))
    count++;
  return count;
}

static const char *
alarm_trigger (icalcomponent *vevent, const char **action_out)
{
  icalcomponent *alarm = icalcomponent_get_first_component (vevent, ICAL_VALARM_COMPONENT);
  icalproperty *trigger;
  icalproperty *action;

  if (alarm == NULL)
    return NULL;
  trigger = icalcomponent_get_first_property (alarm, ICAL_TRIGGER_PROPERTY);
  action = icalcomponent_get_first_property (alarm, ICAL_ACTION_PROPERTY);
  g_assert_nonnull (trigger);
  g_assert_nonnull (action);
  if (action_out != NULL)
    *action_out = icalproperty_get_value_as_string (action);
  return icalproperty_get_value_as_string (trigger);
}

/* ---- UIDs ------------------------------------------------------------------------------- */

static void
test_uid_keys (void)
{
  g_autoptr (HallwayConference) conference = hallway_test_read_fixture_ok ("export-nasty.xml");
  static const struct { const char *key; const char *uid;
  } cases[] = {
    { "7a1c0f9e-2b44-4c55-9d1e-000000000001",
      "7a1c0f9e-2b44-4c55-9d1e-000000000001@nasty-2027.hallway" },
    { "nasty-2027/1", "nasty-2027/1@nasty-2027.hallway" },
    { "nasty-2027/talk two", "hex.6e617374792d323032372f74616c6b2074776f@nasty-2027.hallway" },
    { "Zoë@2027", "hex.5a6fc3ab4032303237@nasty-2027.hallway" },
    { "a,b", "hex.612c62@nasty-2027.hallway" },
    { "hex.41", "hex.6865782e3431@nasty-2027.hallway" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *uid = hallway_ical_export_dup_uid (conference, cases[i].key);
      g_autofree char *key = hallway_ical_export_dup_key_for_uid (uid);

      g_assert_cmpstr (uid, ==, cases[i].uid);
      g_assert_cmpstr (key, ==, cases[i].key);
    }
  g_assert_null (hallway_ical_export_dup_key_for_uid ("9371@2026@be.digitalia.fosdem"));
  g_assert_null (hallway_ical_export_dup_key_for_uid ("@fosdem.hallway"));
  g_assert_null (hallway_ical_export_dup_key_for_uid ("abc@.hallway"));
}

/* ---- a track: the demo conference's Desktop talks ------------------------------------- */

static GStrv
demo_desktop_keys (HallwayConference *conference)
{
  HallwayTrack *track = hallway_test_find_track (conference, DEMO_TRACK);

  return hallway_ical_export_dup_talk_keys (
    hallway_conference_get_talks_for_track (conference, track));
}

/* A track exported with a 10-minute alarm: the calendar's header, a VTIMEZONE, one VEVENT a
 * talk that says what the talk says, all at SEQUENCE 0; returns the text. */
static char *
assert_track_export (HallwayConference *conference, const char * const *keys, guint n_talks,
                     const char *calendar_name)
{
  g_autoptr (icalcomponent) calendar = NULL;
  g_autofree char *text = NULL;
  icalproperty *prodid;

  g_assert_cmpuint (g_strv_length ((GStrv) keys), ==, n_talks);
  calendar = export_checked (conference, keys, NULL, NULL, 10, &text);

  prodid = icalcomponent_get_first_property (calendar, ICAL_PRODID_PROPERTY);
  g_assert_cmpstr (icalproperty_get_prodid (prodid), ==,
                   "-//Hallway//Hallway " PACKAGE_VERSION "//EN");
  g_assert_cmpstr (icalproperty_get_version (
                     icalcomponent_get_first_property (calendar, ICAL_VERSION_PROPERTY)),
                   ==, "2.0");
  g_assert_cmpstr (calendar_x_property (calendar, "X-WR-CALNAME"), ==, calendar_name);
  assert_has_vtimezone (calendar, ZONE);
  g_assert_cmpuint (count_vevents (calendar), ==, n_talks);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      HallwayTalk *talk = hallway_test_talk (conference, keys[i]);
      icalcomponent *vevent = assert_vevent_is_event (calendar, conference, talk, ZONE);
      const char *action = NULL;

      g_assert_cmpstr (alarm_trigger (vevent, &action), ==, "-PT10M");
      g_assert_cmpstr (action, ==, "DISPLAY");
      g_assert_cmpint (vevent_sequence (vevent), ==, 0);
    }
  /* Brussels is UTC+01:00 in winter, and only that rule is written, not the zone's history
   * since 1880. */
  g_assert_nonnull (strstr (text, "TZOFFSETTO:+0100\r\n"));
  g_assert_cmpuint (count_observances (calendar), ==, 1);
  return g_steal_pointer (&text);
}

static void
test_track (void)
{
  g_autoptr (HallwayConference) conference = hallway_test_read_demo ();
  g_auto (GStrv) keys = demo_desktop_keys (conference);
  g_autofree char *text = assert_track_export (conference, (const char * const *) keys, 3,
                                               "Hallway Demo Conference");

  /* The times are written as Brussels wall-clock times; the late-night session ends after
   * midnight. */
  g_assert_nonnull (strstr (text, "DTSTART;TZID=Europe/Brussels:20270206T103000\r\n"));
  g_assert_nonnull (strstr (text, "DTEND;TZID=Europe/Brussels:20270207T003000\r\n"));
}

/* ---- the seed devroom ------------------------------------------------------------------- */

static void
test_seed_devroom (void)
{
  g_autoptr (HallwayConference) conference = hallway_test_read_schedule ("fosdem-2026.xml");
  g_auto (GStrv) keys = NULL;
  g_autofree char *text = NULL;

  if (conference == NULL)
    return;
  keys = seed_keys (conference);
  text = assert_track_export (conference, (const char * const *) keys, 14, "FOSDEM 2026");
  /* The times are written as Brussels wall-clock times. */
  g_assert_nonnull (strstr (text, "DTSTART;TZID=Europe/Brussels:20260131T103000\r\n"));
}

/* The abstract of "Digital Public Infrastructure for the World" as plain text, with the
 * speaker and the links after it. */
static void
test_seed_description (void)
{
  g_autoptr (HallwayConference) conference = hallway_test_read_schedule ("fosdem-2026.xml");
  g_autoptr (icalcomponent) calendar = NULL;
  const char *keys[] = { DPI_FOR_THE_WORLD, NULL };
  icalcomponent *vevent;
  const char *description;

  if (conference == NULL)
    return;
  calendar = export_checked (conference, keys, NULL, NULL, HALLWAY_ICAL_EXPORT_NO_ALARM, NULL);
  vevent = find_vevent (calendar, DPI_FOR_THE_WORLD "@fosdem-2026.hallway");
  description = icalcomponent_get_description (vevent);
  g_assert_true (g_str_has_prefix (description,
                                   "Digital Public Infrastructure is needed for "
                                   "resilient societies in Europe, but not just there:"));
  g_assert_null (strstr (description, "<p>"));
  g_assert_null (strstr (description, "&lt;"));
  g_assert_nonnull (strstr (description, "\n\nSpeakers: Kurt Garloff\n\n"));
  g_assert_nonnull (strstr (description, "Talk page: https://fosdem.org/2026/schedule/event/"
                                         "PTH7CP-dpi-for-the-world/\n"));
  g_assert_nonnull (
    strstr (description, "Presentation PDF: https://fosdem.org/2026/events/attachments/"));
  g_assert_null (icalcomponent_get_first_component (vevent, ICAL_VALARM_COMPONENT));
}

/* ---- nasty values ----------------------------------------------------------------------- */

static void
test_nasty_values (void)
{
  g_autoptr (HallwayConference) conference = hallway_test_read_fixture_ok ("export-nasty.xml");
  g_auto (GStrv) keys = all_keys (conference);
  g_autoptr (icalcomponent) calendar = NULL;
  g_autofree char *text = NULL;
  const char *description;
  icalcomponent *first;

  g_assert_cmpuint (g_strv_length (keys), ==, 3);
  calendar = export_checked (conference, (const char * const *) keys, NULL, NULL, 5, &text);
  g_assert_cmpstr (calendar_x_property (calendar, "X-WR-CALNAME"), ==,
                   "Nasty, values; conference \\ 2027");
  assert_has_vtimezone (calendar, ZONE);
  for (guint i = 0; keys[i] != NULL; i++)
    assert_vevent_is_event (calendar, conference, hallway_test_talk (conference, keys[i]), ZONE);

  first = find_vevent (calendar, "7a1c0f9e-2b44-4c55-9d1e-000000000001@nasty-2027.hallway");
  description = icalcomponent_get_description (first);
  g_assert_true (g_str_has_prefix (description, "Sub: title, with; punctuation\n\n"
                                                "First paragraph, with commas; semicolons; "
                                                "and a back\\slash.\n"));
  g_assert_nonnull (strstr (description, "“ünïcödé” 🎉 and 日本語."));
  g_assert_nonnull (strstr (description, "Speakers: Zoë Ünïcode, Jean-Pierre, Jr."));
  g_assert_nonnull (
    strstr (description, "Slides; PDF, v2: https://example.org/slides,v2;final.pdf"));
  g_assert_null (strstr (description, "alert"));
  g_assert_null (strstr (description, "<"));

  /* Escaped once, in the text; the URL (a URI value) as it is. */
  g_assert_nonnull (strstr (text, "SUMMARY:A very long title\\, with commas\\; "
                                  "semicolons\\; a back\\\\slash"));
  g_assert_nonnull (strstr (text, "URL:https://example.org/2027/talk/1/?a=1,2;b=3\r\n"));
  g_assert_nonnull (
    strstr (text, "CATEGORIES;VALUE=TEXT:Tracks\\, Commas\\; and \\\\ Backslashes\r\n"));
  g_assert_nonnull (
    strstr (text, "X-WR-CALNAME;VALUE=TEXT:Nasty\\, values\\; conference \\\\ 2027\r\n"));
  g_assert_nonnull (strstr (text, "TRIGGER:-PT5M\r\n"));

  /* The key with a space travels hex-encoded, and comes back. */
  g_assert_nonnull (
    strstr (text, "UID:hex.6e617374792d323032372f74616c6b2074776f@nasty-2027.hallway\r\n"));
  /* Summer: the same zone, two hours ahead of UTC. */
  g_assert_nonnull (strstr (text, "DTSTART;TZID=Europe/Brussels:20270703T093000\r\n"));
}

/* ---- zones, alarms, errors -------------------------------------------------------------- */

/* A conference over the night summer time begins (Brussels, 29 March 2026): its VTIMEZONE
 * holds the winter and the summer rule, nothing else, and each talk's time means the same
 * instant through it. */
static void
test_time_zone_rules (void)
{
  static const HallwayTestTalk specs[] = {
    { "winter", "Last Talk of Winter", "2026-03-28T17:00:00+01:00", 30, "K.1.105", "Spring",
      NULL, NULL },
    { "summer", "First Talk of Summer", "2026-03-29T10:00:00+02:00", 30, "K.1.105", "Spring",
      NULL, NULL },
  };
  g_autoptr (HallwayConference) conference = hallway_test_build_version (specs, 2);
  const char *keys[] = { "winter", "summer", NULL };
  g_autoptr (icalcomponent) calendar = NULL;
  g_autofree char *text = NULL;

  calendar = export_checked (conference, keys, NULL, NULL, HALLWAY_ICAL_EXPORT_NO_ALARM, &text);
  assert_has_vtimezone (calendar, ZONE);
  g_assert_cmpuint (count_observances (calendar), ==, 2);
  g_assert_nonnull (strstr (text, "BEGIN:STANDARD\r\n"));
  g_assert_nonnull (strstr (text, "BEGIN:DAYLIGHT\r\n"));
  for (guint i = 0; keys[i] != NULL; i++)
    {
      HallwayTalk *talk = hallway_test_talk (conference, keys[i]);
      g_autofree char *uid = hallway_ical_export_dup_uid (conference, keys[i]);
      icalcomponent *vevent = find_vevent (calendar, uid);
      icalproperty *dtstart = icalcomponent_get_first_property (vevent, ICAL_DTSTART_PROPERTY);
      icalproperty *dtend = icalcomponent_get_first_property (vevent, ICAL_DTEND_PROPERTY);

      g_assert_cmpint (property_unix_time (calendar, dtstart, ZONE), ==,
                       g_date_time_to_unix (hallway_talk_get_start (talk)));
      g_assert_cmpint (property_unix_time (calendar, dtend, ZONE), ==,
                       g_date_time_to_unix (hallway_talk_get_end (talk)));
    }
}

/* 33C3 has no zone name, only +01:00 offsets: times in UTC, no VTIMEZONE. */
static void
test_utc_fallback (void)
{
  g_autoptr (HallwayConference) conference = hallway_test_read_schedule ("33c3-frab.schedule.xml");
  g_autoptr (icalcomponent) calendar = NULL;
  g_auto (GStrv) keys = NULL;
  g_autofree char *text = NULL;

  if (conference == NULL)
    return;
  keys = all_keys (conference);
  calendar = export_checked (conference, (const char * const *) keys, NULL, NULL,
                             HALLWAY_ICAL_EXPORT_NO_ALARM, &text);
  g_assert_null (icalcomponent_get_first_component (calendar, ICAL_VTIMEZONE_COMPONENT));
  g_assert_cmpuint (count_vevents (calendar), ==, 150);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      HallwayTalk *talk = hallway_test_talk (conference, keys[i]);
      g_autofree char *uid = hallway_ical_export_dup_uid (conference, keys[i]);
      icalcomponent *vevent = find_vevent (calendar, uid);
      icalproperty *dtstart = icalcomponent_get_first_property (vevent, ICAL_DTSTART_PROPERTY);

      g_assert_cmpint (property_unix_time (calendar, dtstart, NULL), ==,
                       g_date_time_to_unix (hallway_talk_get_start (talk)));
      g_assert_null (icalcomponent_get_first_component (vevent, ICAL_VALARM_COMPONENT));
    }
  /* The opening ceremony, 11:00 in Hamburg. */
  g_assert_nonnull (strstr (text, "UID:b8e0eb47-4832-4726-bc9b-9015bd96becf@33c3.hallway\r\n"
                                  "DTSTAMP:"));
  g_assert_nonnull (strstr (text, "DTSTART:20161227T100000Z\r\n"));
}

static void
test_alarm_lead_times (void)
{
  g_autoptr (HallwayConference) conference = hallway_test_read_fixture_ok ("export-nasty.xml");
  const char *keys[] = { "7a1c0f9e-2b44-4c55-9d1e-000000000003", NULL };
  static const struct { int minutes; const char *trigger; } cases[] = {
    { 0, "PT0S" }, { 1, "-PT1M" }, { 15, "-PT15M" }, { 90, "-PT90M" }, { 1440, "-PT1440M" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (icalcomponent) calendar = export_checked (conference, keys, NULL, NULL,
                                                           cases[i].minutes, NULL);
      icalcomponent *vevent = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);

      g_assert_cmpstr (alarm_trigger (vevent, NULL), ==, cases[i].trigger);
    }
}

static void
test_nothing_to_export (void)
{
  g_autoptr (HallwayConference) conference = hallway_test_read_fixture_ok ("export-nasty.xml");
  const char *none[] = { NULL };
  const char *unknown[] = { "no-such-talk", NULL };
  g_autoptr (GError) error = NULL;
  char *text;

  text = hallway_ical_export (conference, none, NULL, NULL, NULL, 10, &error);
  g_assert_null (text);
  g_assert_error (error, HALLWAY_ICAL_EXPORT_ERROR,
                  (int)HALLWAY_ICAL_EXPORT_ERROR_NOTHING_TO_EXPORT);
  g_clear_error (&error);
  text = hallway_ical_export (conference, unknown, NULL, NULL, NULL, 10, &error);
  g_assert_null (text);
  g_assert_error (error, HALLWAY_ICAL_EXPORT_ERROR,
                  (int)HALLWAY_ICAL_EXPORT_ERROR_NOTHING_TO_EXPORT);
}

/* My Agenda for all days or one day; a talk given as a key twice is exported once. */
static void
test_agenda_keys (void)
{
  g_autoptr (HallwayConference) conference = hallway_test_read_demo ();
  g_autofree char *dir = scratch_dir ();
  g_autoptr (HallwayBookmarks) bookmarks = scratch_bookmarks (dir);
  g_autoptr (HallwayDay) saturday = NULL;
  g_autoptr (HallwayDay) sunday = NULL;
  g_auto (GStrv) all = NULL;
  g_auto (GStrv) on_saturday = NULL;
  g_auto (GStrv) on_sunday = NULL;
  g_autoptr (icalcomponent) calendar = NULL;
  const char *twice[] = { DEMO_MINISTRIES, DEMO_MINISTRIES, NULL };
  GListModel *days = hallway_conference_get_days (conference);

  saturday = g_list_model_get_item (days, 0);
  sunday = g_list_model_get_item (days, 1);
  /* Two talks on Saturday, the later one first, and the closing talk (Sunday). */
  hallway_bookmarks_add (bookmarks, hallway_test_talk (conference, DEMO_LATE_NIGHT));
  hallway_bookmarks_add (bookmarks, hallway_test_talk (conference, DEMO_MINISTRIES));
  {
    GListModel *sunday_talks = hallway_conference_get_talks_for_day (conference, sunday);
    guint n_sunday_talks = g_list_model_get_n_items (sunday_talks);
    g_autoptr (HallwayTalk) last = g_list_model_get_item (sunday_talks, n_sunday_talks - 1);

    hallway_bookmarks_add (bookmarks, last);
  }

  all = hallway_ical_export_dup_agenda_keys (conference, bookmarks, NULL);
  on_saturday = hallway_ical_export_dup_agenda_keys (conference, bookmarks, saturday);
  on_sunday = hallway_ical_export_dup_agenda_keys (conference, bookmarks, sunday);
  g_assert_cmpuint (g_strv_length (all), ==, 3);
  g_assert_cmpuint (g_strv_length (on_saturday), ==, 2);
  g_assert_cmpuint (g_strv_length (on_sunday), ==, 1);
  g_assert_cmpstr (on_saturday[0], ==, DEMO_MINISTRIES);

  calendar = export_checked (conference, twice, bookmarks, NULL, 10, NULL);
  g_assert_cmpuint (count_vevents (calendar), ==, 1);
  remove_dir (dir);
}

/* ---- schedule updates: SEQUENCE and STATUS ---------------------------------------------- */

typedef enum
{
  EXPECT_SAME,
  EXPECT_MOVED,
  EXPECT_CANCELLED,
} Expectation;

/* From the two schedules themselves: gone, or another start, end or room. */
static Expectation
expectation_for (HallwayConference *before, HallwayConference *after, const char *key)
{
  HallwayTalk *old_talk = hallway_test_talk (before, key);
  HallwayTalk *new_talk = hallway_conference_lookup_talk (after, key);

  if (new_talk == NULL)
    return EXPECT_CANCELLED;
  if (!g_date_time_equal (hallway_talk_get_start (old_talk), hallway_talk_get_start (new_talk)) ||
      !g_date_time_equal (hallway_talk_get_end (old_talk), hallway_talk_get_end (new_talk)) ||
      g_strcmp0 (hallway_talk_get_room_name (old_talk), hallway_talk_get_room_name (new_talk)) != 0)
    return EXPECT_MOVED;
  return EXPECT_SAME;
}

/* The seed devroom as it was on 15 January, plus the first three talks of each kind the
 * diff finds: removed, moved, and changed in place (a new title is no reason to bump). */
static void
bookmark_update_sample (HallwayBookmarks *bookmarks, HallwayConference *before,
                        HallwayConference *after)
{
  g_autoptr (GListModel) changes = hallway_schedule_diff (before, after);
  g_auto (GStrv) seed = seed_keys (before);
  guint taken[4] = { 0, };

  for (guint i = 0; seed[i] != NULL; i++)
    hallway_bookmarks_add (bookmarks, hallway_test_talk (before, seed[i]));
  for (guint i = 0; i < g_list_model_get_n_items (changes); i++)
    {
      g_autoptr (HallwayScheduleChange) change = g_list_model_get_item (changes, i);
      HallwayChangeKind kind = hallway_schedule_change_get_kind (change);

      if (kind == HALLWAY_CHANGE_ADDED || taken[kind]++ >= 3)
        continue;
      hallway_bookmarks_add (bookmarks, hallway_schedule_change_get_old_talk (change));
    }
  g_assert_cmpuint (taken[HALLWAY_CHANGE_REMOVED], >=, 3);
  g_assert_cmpuint (taken[HALLWAY_CHANGE_MOVED], >=, 3);
  g_assert_cmpuint (taken[HALLWAY_CHANGE_CHANGED], >=, 3);
}

static void
assert_first_export (icalcomponent *calendar, HallwayConference *conference,
                     const char *const *keys)
{
  for (guint i = 0; keys[i] != NULL; i++)
    {
      HallwayTalk *talk = hallway_test_talk (conference, keys[i]);
      icalcomponent *vevent = assert_vevent_is_event (calendar, conference, talk, ZONE);

      g_assert_cmpint (vevent_sequence (vevent), ==, 0);
    }
}

/* Counts the talks of each expectation in counts. */
static void
assert_second_export (icalcomponent *calendar, HallwayConference *before, HallwayConference *after,
                      const char * const *keys, guint counts[3])
{
  g_assert_cmpuint (count_vevents (calendar), ==, g_strv_length ((GStrv) keys));
  for (guint i = 0; keys[i] != NULL; i++)
    {
      /* The UID depends on the key and the acronym only: the same in both versions. */
      g_autofree char *uid = hallway_ical_export_dup_uid (before, keys[i]);
      g_autofree char *uid_after = hallway_ical_export_dup_uid (after, keys[i]);
      Expectation expectation = expectation_for (before, after, keys[i]);
      icalcomponent *vevent = find_vevent (calendar, uid);

      g_assert_cmpstr (uid, ==, uid_after);
      counts[expectation]++;
      switch (expectation)
        {
        case EXPECT_SAME:
          assert_vevent_is_event (calendar, after, hallway_test_talk (after, keys[i]), ZONE);
          g_assert_cmpint (vevent_sequence (vevent), ==, 0);
          break;
        case EXPECT_MOVED:
          assert_vevent_is_event (calendar, after, hallway_test_talk (after, keys[i]), ZONE);
          g_assert_cmpint (vevent_sequence (vevent), ==, 1);
          break;
        case EXPECT_CANCELLED:
          /* Where and when it was, from the bookmark's snapshot; no alarm for it. */
          assert_wall_clock (icalcomponent_get_first_property (vevent, ICAL_DTSTART_PROPERTY),
                             hallway_talk_get_start (hallway_test_talk (before, keys[i])),
                             hallway_conference_get_time_zone (after));
          g_assert_cmpstr (icalcomponent_get_summary (vevent), ==,
                           hallway_talk_get_title (hallway_test_talk (before, keys[i])));
          g_assert_cmpint (icalcomponent_get_status (vevent), ==, ICAL_STATUS_CANCELLED);
          g_assert_cmpint (vevent_sequence (vevent), ==, 1);
          g_assert_null (icalcomponent_get_first_component (vevent, ICAL_VALARM_COMPONENT));
          break;
        }
    }
}

static void
assert_same_sequences (icalcomponent *first, icalcomponent *second)
{
  g_assert_cmpuint (count_vevents (first), ==, count_vevents (second));
  for (icalcomponent *vevent = icalcomponent_get_first_component (first, ICAL_VEVENT_COMPONENT);
       vevent != NULL;
       vevent = icalcomponent_get_next_component (first, ICAL_VEVENT_COMPONENT))
    g_assert_cmpint (vevent_sequence (vevent), ==,
                     vevent_sequence (find_vevent (second, icalcomponent_get_uid (vevent))));
}

static void
test_update_sequences (void)
{
  g_autoptr (HallwayConference) before =
    hallway_test_read_schedule ("fosdem-2026-preliminary-20260115.xml");
  g_autoptr (HallwayConference) after = hallway_test_read_schedule ("fosdem-2026.xml");
  g_autofree char *dir = NULL;
  g_autoptr (HallwayBookmarks) bookmarks = NULL;
  g_autoptr (HallwayExportSequences) sequences = NULL;
  g_autoptr (HallwayExportSequences) reloaded = NULL;
  g_autoptr (icalcomponent) first = NULL;
  g_autoptr (icalcomponent) second = NULL;
  g_autoptr (icalcomponent) third = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) keys = NULL;
  g_auto (GStrv) keys_after = NULL;
  guint counts[3] = { 0, };

  if (before == NULL || after == NULL)
    return;
  dir = scratch_dir ();
  bookmarks = scratch_bookmarks (dir);
  bookmark_update_sample (bookmarks, before, after);
  keys = hallway_ical_export_dup_agenda_keys (before, bookmarks, NULL);

  sequences = scratch_sequences (dir);
  first = export_checked (before, (const char * const *) keys, bookmarks, sequences, 10, NULL);
  assert_first_export (first, before, (const char * const *) keys);
  g_assert_true (hallway_export_sequences_save (sequences, NULL, &error));
  g_assert_no_error (error);

  /* The next export happens in a later run: the store comes from its file. */
  reloaded = scratch_sequences (dir);
  hallway_bookmarks_update_from (bookmarks, after);
  keys_after = hallway_ical_export_dup_agenda_keys (after, bookmarks, NULL);
  g_assert_cmpuint (g_strv_length (keys_after), ==, g_strv_length (keys));
  second = export_checked (after, (const char * const *) keys_after, bookmarks, reloaded, 10, NULL);
  assert_second_export (second, before, after, (const char * const *) keys_after, counts);
  g_test_message ("%u unchanged, %u moved, %u cancelled", counts[EXPECT_SAME], counts[EXPECT_MOVED],
                  counts[EXPECT_CANCELLED]);
  g_assert_cmpuint (counts[EXPECT_CANCELLED], ==, 3);
  g_assert_cmpuint (counts[EXPECT_MOVED], >=, 3);
  g_assert_cmpuint (counts[EXPECT_SAME], >=, 3);

  /* Nothing moved since: every SEQUENCE stays. */
  third = export_checked (after, (const char * const *) keys_after, bookmarks, reloaded, 10, NULL);
  assert_same_sequences (second, third);
  remove_dir (dir);
}

/* What `hallway --export-agenda` writes: My Agenda of a plan, with the conference's SEQUENCE
 * store (exports-<id>.json in the user data folder, isolated per test) loaded and saved. */
static icalcomponent *
agenda_export_checked (HallwayConference *conference, HallwayBookmarks *bookmarks)
{
  g_autoptr (HallwayPlan) plan = hallway_plan_new (conference, bookmarks);
  g_autoptr (GFile) file = hallway_paths_dup_exports_file ("agenda-test");
  g_autoptr (HallwayExportSequences) sequences = hallway_export_sequences_new (file);
  g_autoptr (GError) error = NULL;
  g_autofree char *ics = NULL;

  g_assert_true (hallway_export_sequences_load (sequences, &error));
  g_assert_no_error (error);
  ics = hallway_agenda_export_dup_ics (plan, sequences, 10, &error);

  g_assert_no_error (error);
  g_assert_nonnull (ics);
  assert_rfc5545_lines (ics);
  return parse_checked (ics);
}

static void
test_agenda_export (void)
{
  g_autoptr (HallwayConference) before =
    hallway_test_read_schedule ("fosdem-2026-preliminary-20260115.xml");
  g_autoptr (HallwayConference) after = hallway_test_read_schedule ("fosdem-2026.xml");
  g_autoptr (GFile) store = hallway_paths_dup_exports_file ("agenda-test");
  g_autofree char *dir = NULL;
  g_autoptr (HallwayBookmarks) bookmarks = NULL;
  g_autoptr (icalcomponent) first = NULL;
  g_autoptr (icalcomponent) again = NULL;
  g_autoptr (icalcomponent) second = NULL;
  g_auto (GStrv) keys = NULL;
  g_auto (GStrv) keys_after = NULL;
  guint counts[3] = { 0, };

  if (before == NULL || after == NULL)
    return;
  dir = scratch_dir ();
  bookmarks = scratch_bookmarks (dir);
  bookmark_update_sample (bookmarks, before, after);
  keys = hallway_ical_export_dup_agenda_keys (before, bookmarks, NULL);

  g_assert_false (g_file_query_exists (store, NULL));
  first = agenda_export_checked (before, bookmarks);
  g_assert_cmpuint (count_vevents (first), ==, g_strv_length (keys));
  assert_first_export (first, before, (const char * const *) keys);
  g_assert_true (g_file_query_exists (store, NULL));
  again = agenda_export_checked (before, bookmarks);
  assert_same_sequences (first, again);

  /* A new version of the schedule: the store saved by the first export raises SEQUENCE for
   * what moved or was cancelled. */
  hallway_bookmarks_update_from (bookmarks, after);
  keys_after = hallway_ical_export_dup_agenda_keys (after, bookmarks, NULL);
  second = agenda_export_checked (after, bookmarks);
  assert_second_export (second, before, after, (const char * const *) keys_after, counts);
  g_assert_cmpuint (counts[EXPECT_CANCELLED], ==, 3);
  g_assert_cmpuint (counts[EXPECT_MOVED], >=, 3);
  remove_dir (dir);
}

static void
write_text (const char *dir, const char *name, const char *text)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr (GError) error = NULL;

  g_assert_true (g_file_set_contents (path, text, -1, &error));
  g_assert_no_error (error);
}

/* Versioned JSON; a newer version is neither read nor overwritten; a damaged file is
 * reported and replaced by the next save. */
static void
test_sequences_file (void)
{
  g_autoptr (HallwayConference) conference = hallway_test_read_fixture_ok ("export-nasty.xml");
  g_autofree char *dir = scratch_dir ();
  g_autofree char *path = g_build_filename (dir, "exports.json", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (HallwayExportSequences) sequences = scratch_sequences (dir);
  g_autoptr (HallwayExportSequences) newer = hallway_export_sequences_new (file);
  g_autoptr (HallwayExportSequences) damaged = hallway_export_sequences_new (file);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *uid =
    hallway_ical_export_dup_uid (conference, "7a1c0f9e-2b44-4c55-9d1e-000000000001");
  g_auto (GStrv) keys = all_keys (conference);
  g_autofree char *text =
    export_or_fail (conference, (const char *const *)keys, NULL, sequences, 10);
  const char *newer_file = "{ \"version\": 7, \"uids\": {} }";
  JsonObject *root;
  JsonObject *record;

  g_assert_cmpint (hallway_export_sequences_get_sequence (sequences, uid), ==, 0);
  g_assert_cmpint (hallway_export_sequences_get_sequence (sequences, "unknown@x.hallway"), ==, -1);
  g_assert_true (hallway_export_sequences_save (sequences, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (json_parser_load_from_file (parser, path, &error));
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpint (json_object_get_int_member (root, "version"), ==, 1);
  g_assert_cmpuint (json_object_get_size (json_object_get_object_member (root, "uids")), ==, 3);
  record = json_object_get_object_member (json_object_get_object_member (root, "uids"), uid);
  g_assert_cmpint (json_object_get_int_member (record, "sequence"), ==, 0);

  write_text (dir, "exports.json", newer_file);
  g_assert_false (hallway_export_sequences_load (newer, &error));
  g_assert_error (error, HALLWAY_ICAL_EXPORT_ERROR, (int) HALLWAY_ICAL_EXPORT_ERROR_NEWER_VERSION);
  g_clear_error (&error);
  g_assert_false (hallway_export_sequences_save (newer, NULL, &error));
  g_assert_error (error, HALLWAY_ICAL_EXPORT_ERROR, (int) HALLWAY_ICAL_EXPORT_ERROR_NEWER_VERSION);
  g_clear_error (&error);
  /* Nor does a store that read the older file overwrite it. */
  g_assert_false (hallway_export_sequences_save (sequences, NULL, &error));
  g_assert_error (error, HALLWAY_ICAL_EXPORT_ERROR, (int) HALLWAY_ICAL_EXPORT_ERROR_NEWER_VERSION);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, newer_file);

  /* Several top-level values aborted the process in json-glib. */
  write_text (dir, "exports.json", "{}{}");
  g_assert_false (hallway_export_sequences_load (damaged, &error));
  g_assert_error (error, HALLWAY_ICAL_EXPORT_ERROR, (int) HALLWAY_ICAL_EXPORT_ERROR_CORRUPT);
  g_clear_error (&error);

  write_text (dir, "exports.json",
              "{ \"version\": 1, \"uids\": { \"a\": { \"sequence\": \"x\" } } }");
  g_assert_false (hallway_export_sequences_load (damaged, &error));
  g_assert_error (error, HALLWAY_ICAL_EXPORT_ERROR, (int) HALLWAY_ICAL_EXPORT_ERROR_CORRUPT);
  g_clear_error (&error);
  g_assert_true (hallway_export_sequences_save (damaged, NULL, &error));
  g_assert_no_error (error);
  remove_dir (dir);
}

/* ---- import ----------------------------------------------------------------------------- */

static HallwayImportReport *
import_or_fail (const char *data, gsize length, HallwayConference *conference,
                HallwayBookmarks *bookmarks)
{
  g_autoptr (HallwayImportReport) report = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (hallway_ical_import_picks (data, length, conference, bookmarks, &report, &error));
  g_assert_no_error (error);
  g_assert_nonnull (report);
  return g_steal_pointer (&report);
}

static HallwayImportReport *
import_file (const char *path, HallwayConference *conference, HallwayBookmarks *bookmarks)
{
  g_autofree char *data = NULL;
  gsize length = 0;
  g_autoptr (GError) error = NULL;

  g_assert_true (g_file_get_contents (path, &data, &length, &error));
  g_assert_no_error (error);
  return import_or_fail (data, length, conference, bookmarks);
}

static HallwayImportReport *
import_fixture (const char *name, HallwayConference *conference, HallwayBookmarks *bookmarks)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);

  return import_file (path, conference, bookmarks);
}

static guint
n_matched_by (HallwayImportReport *report, HallwayImportMatch match)
{
  return hallway_import_report_get_n_matched_by (report, match);
}

static void
log_report (HallwayImportReport *report)
{
  g_autofree char *summary = hallway_import_report_dup_summary (report);

  g_test_message ("%s", summary);
}

static void
assert_unmatched (HallwayImportReport *report, guint position, const char *title,
                  const char *start_utc)
{
  GDateTime *unmatched_start = hallway_import_report_get_unmatched_start (report, position);
  g_autoptr (GDateTime) utc = g_date_time_to_utc (unmatched_start);
  g_autofree char *start = g_date_time_format (utc, "%FT%TZ");

  g_assert_cmpstr (hallway_import_report_get_unmatched_title (report, position), ==, title);
  g_assert_cmpstr (start, ==, start_utc);
}

/* frab's own export of 33C3 against the same night's XML: 150 VEVENTs, one per talk. */
static void
test_import_33c3 (void)
{
  g_autoptr (HallwayConference) conference = hallway_test_read_schedule ("33c3-frab.schedule.xml");
  g_autofree char *path = hallway_test_schedule_path ("33c3-frab.schedule.ics");
  g_autofree char *dir = NULL;
  g_autoptr (HallwayBookmarks) bookmarks = NULL;
  g_autoptr (HallwayImportReport) report = NULL;

  if (conference == NULL || path == NULL)
    return;
  dir = scratch_dir ();
  bookmarks = scratch_bookmarks (dir);
  report = import_file (path, conference, bookmarks);
  log_report (report);
  g_test_message ("by UID %u, by URL %u, by time and title %u",
                  n_matched_by (report, HALLWAY_IMPORT_MATCH_UID),
                  n_matched_by (report, HALLWAY_IMPORT_MATCH_URL),
                  n_matched_by (report, HALLWAY_IMPORT_MATCH_TIME_AND_TITLE));
  g_assert_cmpuint (hallway_import_report_get_n_talks (report), ==, 150);
  g_assert_cmpuint (hallway_import_report_get_n_matched (report), ==, 150);
  g_assert_cmpuint (n_matched_by (report, HALLWAY_IMPORT_MATCH_UID), ==, 150);
  g_assert_cmpuint (hallway_import_report_get_n_unmatched (report), ==, 0);
  g_assert_cmpuint (hallway_import_report_get_n_added (report), ==, 150);
  g_assert_cmpuint (hallway_bookmarks_get_n_items (bookmarks), ==, 150);
  remove_dir (dir);
}

/* The same file against the JSON version of the schedule: its guids are the UIDs too. */
static void
test_import_33c3_json (void)
{
  g_autoptr (HallwayConference) conference = hallway_test_read_schedule ("33c3-frab.schedule.json");
  g_autofree char *path = hallway_test_schedule_path ("33c3-frab.schedule.ics");
  g_autofree char *dir = NULL;
  g_autoptr (HallwayBookmarks) bookmarks = NULL;
  g_autoptr (HallwayImportReport) report = NULL;

  if (conference == NULL || path == NULL)
    return;
  dir = scratch_dir ();
  bookmarks = scratch_bookmarks (dir);
  report = import_file (path, conference, bookmarks);
  g_assert_cmpuint (n_matched_by (report, HALLWAY_IMPORT_MATCH_UID), ==, 150);
  g_assert_cmpuint (hallway_import_report_get_n_unmatched (report), ==, 0);
  remove_dir (dir);
}

/* Without its UIDs and URLs, the 33C3 file still matches by start and title: frab writes
 * "Title - Speaker, Speaker" as the summary, and some titles hold " - " themselves. */
static void
test_import_33c3_by_time_and_title (void)
{
  g_autoptr (HallwayConference) conference = hallway_test_read_schedule ("33c3-frab.schedule.xml");
  g_autofree char *path = hallway_test_schedule_path ("33c3-frab.schedule.ics");
  g_autofree char *dir = NULL;
  g_autofree char *data = NULL;
  g_autoptr (GString) anonymous = NULL;
  g_autoptr (HallwayBookmarks) bookmarks = NULL;
  g_autoptr (HallwayImportReport) report = NULL;

  if (conference == NULL || path == NULL)
    return;
  g_assert_true (g_file_get_contents (path, &data, NULL, NULL));
  anonymous = g_string_new (data);
  g_assert_cmpuint (g_string_replace (anonymous, "\nUID:", "\nUID:not-a-guid-", 0), ==, 150);
  g_assert_cmpuint (g_string_replace (anonymous, "\nURL:", "\nX-URL:", 0), ==, 150);
  dir = scratch_dir ();
  bookmarks = scratch_bookmarks (dir);
  report = import_or_fail (anonymous->str, anonymous->len, conference, bookmarks);
  log_report (report);
  g_assert_cmpuint (hallway_import_report_get_n_talks (report), ==, 150);
  g_assert_cmpuint (n_matched_by (report, HALLWAY_IMPORT_MATCH_UID), ==, 0);
  g_assert_cmpuint (n_matched_by (report, HALLWAY_IMPORT_MATCH_URL), ==, 0);
  g_assert_cmpuint (n_matched_by (report, HALLWAY_IMPORT_MATCH_TIME_AND_TITLE), ==, 150);
  g_assert_cmpuint (hallway_import_report_get_n_unmatched (report), ==, 0);
  remove_dir (dir);
}

/* Export the bookmarks, forget them, import the file: the same set. */
static void
assert_round_trip (HallwayConference *conference, HallwayBookmarks *bookmarks,
                   HallwayBookmarks *fresh)
{
  g_auto (GStrv) keys = hallway_ical_export_dup_agenda_keys (conference, bookmarks, NULL);
  g_autofree char *text =
    export_or_fail (conference, (const char *const *)keys, bookmarks, NULL, 10);
  g_autoptr (HallwayImportReport) report = import_or_fail (text, strlen (text), conference, fresh);
  g_auto (GStrv) imported = hallway_bookmarks_dup_keys (fresh);

  g_assert_cmpuint (hallway_import_report_get_n_talks (report), ==, g_strv_length (keys));
  g_assert_cmpuint (n_matched_by (report, HALLWAY_IMPORT_MATCH_UID), ==, g_strv_length (keys));
  g_assert_cmpuint (hallway_import_report_get_n_unmatched (report), ==, 0);
  g_assert_cmpuint (hallway_import_report_get_n_added (report), ==, g_strv_length (keys));
  g_assert_true (g_strv_equal ((const char * const *) imported, (const char * const *) keys));
}

static void
test_import_own_export (void)
{
  g_autoptr (HallwayConference) fosdem = hallway_test_read_schedule ("fosdem-2026.xml");
  g_autoptr (HallwayConference) nasty = hallway_test_read_fixture_ok ("export-nasty.xml");
  g_autofree char *dir = scratch_dir ();
  g_autoptr (HallwayBookmarks) bookmarks = scratch_bookmarks (dir);
  g_autoptr (HallwayBookmarks) fresh = scratch_bookmarks (dir);
  g_autoptr (HallwayBookmarks) nasty_bookmarks = scratch_bookmarks (dir);
  g_autoptr (HallwayBookmarks) nasty_fresh = scratch_bookmarks (dir);
  GListModel *talks;

  /* Every talk of the fixture, the one with a hex-encoded UID among them. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (nasty)); i++)
    {
      g_autoptr (HallwayTalk) talk = g_list_model_get_item (G_LIST_MODEL (nasty), i);

      hallway_bookmarks_add (nasty_bookmarks, talk);
    }
  assert_round_trip (nasty, nasty_bookmarks, nasty_fresh);

  if (fosdem != NULL)
    {
      /* Every 25th talk of FOSDEM 2026 and the seed devroom. */
      g_auto (GStrv) seed = seed_keys (fosdem);

      talks = G_LIST_MODEL (fosdem);
      for (guint i = 0; i < g_list_model_get_n_items (talks); i += 25)
        {
          g_autoptr (HallwayTalk) talk = g_list_model_get_item (talks, i);

          hallway_bookmarks_add (bookmarks, talk);
        }
      for (guint i = 0; seed[i] != NULL; i++)
        hallway_bookmarks_add (bookmarks, hallway_test_talk (fosdem, seed[i]));
      g_assert_cmpuint (hallway_bookmarks_get_n_items (bookmarks), >, 50);
      assert_round_trip (fosdem, bookmarks, fresh);
    }
  remove_dir (dir);
}

/* FOSDEM Companion: "<event id>@<year>@be.digitalia.fosdem" (its BookmarksExportProvider
 * writes the schedule's year), times in UTC; "<id>@fosdem2026@…" works as well. The 2025
 * UID carries an id that 2026 uses for another talk: the year keeps them apart. Two
 * entries are as Companion writes them; two have an outdated title and no URL, so only
 * their UIDs can match them. */
static void
test_import_companion (void)
{
  g_autoptr (HallwayConference) conference = hallway_test_read_schedule ("fosdem-2026.xml");
  g_autofree char *dir = NULL;
  g_autoptr (HallwayBookmarks) bookmarks = NULL;
  g_autoptr (HallwayImportReport) report = NULL;

  if (conference == NULL)
    return;
  dir = scratch_dir ();
  bookmarks = scratch_bookmarks (dir);
  report = import_fixture ("export-companion-fosdem-2026.ics", conference, bookmarks);
  log_report (report);
  g_assert_cmpuint (hallway_import_report_get_n_talks (report), ==, 6);
  g_assert_cmpuint (n_matched_by (report, HALLWAY_IMPORT_MATCH_UID), ==, 4);
  g_assert_cmpuint (hallway_import_report_get_n_matched (report), ==, 4);
  g_assert_cmpuint (hallway_import_report_get_n_unmatched (report), ==, 2);
  assert_unmatched (report, 0, "A talk of FOSDEM 2025 whose id is a 2026 id too",
                    "2025-02-01T10:00:00Z");
  assert_unmatched (report, 1, "A talk that was never in the schedule", "2026-02-01T12:00:00Z");
  g_assert_true (hallway_bookmarks_contains (bookmarks, "9c3ebb8c-7716-5130-b9fe-ff8544f5636d"));
  g_assert_true (hallway_bookmarks_contains (bookmarks, DPI_FOR_THE_WORLD));
  g_assert_true (hallway_bookmarks_contains (bookmarks, "363b5888-b040-57c3-9b7f-d28ed10a61c5"));
  g_assert_true (hallway_bookmarks_contains (bookmarks, "974b1b07-295b-5fb8-9937-82f7a10de857"));
  g_assert_false (hallway_bookmarks_contains (bookmarks, "85dae4d0-78ef-52ef-9694-ae8f2f2cfa97"));
  g_assert_cmpuint (hallway_bookmarks_get_n_items (bookmarks), ==, 4);
  remove_dir (dir);
}

/* pretalx ("pretalx-<event>-<code>[-<n>]@<host>") and fosdem.org ("<id>@FOSDEM26@…"). */
static void
test_import_pretalx_and_fosdem_website (void)
{
  g_autoptr (HallwayConference) conference = hallway_test_read_schedule ("fosdem-2026.xml");
  g_autofree char *dir = NULL;
  g_autoptr (HallwayBookmarks) bookmarks = NULL;
  g_autoptr (HallwayImportReport) report = NULL;

  if (conference == NULL)
    return;
  dir = scratch_dir ();
  bookmarks = scratch_bookmarks (dir);
  /* Bookmarked already: matched, but not new. */
  hallway_bookmarks_add (bookmarks, hallway_test_talk (conference, DPI_FOR_THE_WORLD));
  report = import_fixture ("export-pretalx-fosdem-2026.ics", conference, bookmarks);
  log_report (report);
  g_assert_cmpuint (hallway_import_report_get_n_talks (report), ==, 4);
  g_assert_cmpuint (n_matched_by (report, HALLWAY_IMPORT_MATCH_UID), ==, 3);
  g_assert_cmpuint (hallway_import_report_get_n_added (report), ==, 2);
  g_assert_cmpuint (hallway_import_report_get_n_unmatched (report), ==, 1);
  assert_unmatched (report, 0, "A FOSDEM 2025 talk", "2025-02-02T10:00:00Z");
  g_assert_true (hallway_bookmarks_contains (bookmarks, "e61eef0e-9089-50cb-beb2-9dd305ba6efb"));
  g_assert_true (hallway_bookmarks_contains (bookmarks, "85dae4d0-78ef-52ef-9694-ae8f2f2cfa97"));
  g_assert_cmpuint (hallway_bookmarks_get_n_items (bookmarks), ==, 3);
  remove_dir (dir);
}

/* Any calendar: the talk's URL (http, no trailing slash), or its start (in another zone)
 * and its title with " - Speaker" after it. Same title at another time, or a dentist
 * appointment: not found. */
static void
test_import_any_calendar (void)
{
  g_autoptr (HallwayConference) conference = hallway_test_read_schedule ("fosdem-2026.xml");
  g_autofree char *dir = NULL;
  g_autoptr (HallwayBookmarks) bookmarks = NULL;
  g_autoptr (HallwayImportReport) report = NULL;
  g_autofree char *summary = NULL;

  if (conference == NULL)
    return;
  dir = scratch_dir ();
  bookmarks = scratch_bookmarks (dir);
  report = import_fixture ("export-generic-picks-fosdem-2026.ics", conference, bookmarks);
  summary = hallway_import_report_dup_summary (report);
  g_test_message ("%s", summary);
  g_assert_cmpuint (hallway_import_report_get_n_talks (report), ==, 4);
  g_assert_cmpuint (n_matched_by (report, HALLWAY_IMPORT_MATCH_UID), ==, 0);
  g_assert_cmpuint (n_matched_by (report, HALLWAY_IMPORT_MATCH_URL), ==, 1);
  g_assert_cmpuint (n_matched_by (report, HALLWAY_IMPORT_MATCH_TIME_AND_TITLE), ==, 1);
  g_assert_cmpuint (hallway_import_report_get_n_unmatched (report), ==, 2);
  assert_unmatched (report, 0, "Digital Public Infrastructure for the World",
                    "2026-01-31T15:00:00Z");
  assert_unmatched (report, 1, "Dentist", "2026-02-03T08:00:00Z");
  g_assert_true (hallway_bookmarks_contains (bookmarks, DPI_FOR_THE_WORLD));
  g_assert_true (hallway_bookmarks_contains (bookmarks, "974b1b07-295b-5fb8-9937-82f7a10de857"));
  g_assert_nonnull (strstr (summary, "2 of 4 events matched talks of FOSDEM 2026."));
  /* In the conference zone, in the user's locale. */
  g_assert_nonnull (strstr (summary, "“Dentist” ("));
  g_assert_nonnull (strstr (summary, "09:00)"));
  remove_dir (dir);
}

static void
test_import_not_a_calendar (void)
{
  g_autoptr (HallwayConference) conference = hallway_test_read_fixture_ok ("export-nasty.xml");
  g_autofree char *dir = scratch_dir ();
  g_autoptr (HallwayBookmarks) bookmarks = scratch_bookmarks (dir);
  static const char *bad[] = {
    "",
    "<html><body>Not found</body></html>",
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x\r\n",
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (HallwayImportReport) report = NULL;

      g_assert_false (hallway_ical_import_picks (bad[i], strlen (bad[i]), conference, bookmarks,
                                                 &report, &error));
      g_assert_nonnull (error);
      g_assert_true (error->domain == HALLWAY_SCHEDULE_ERROR);
      g_assert_null (report);
      g_test_message ("%s", error->message);
    }
  g_assert_cmpuint (hallway_bookmarks_get_n_items (bookmarks), ==, 0);
  remove_dir (dir);
}

/* ---- files for test-export-icalendar.py ------------------------------------------------- */

static void
add_expected_talk (JsonBuilder *builder, HallwayConference *conference, HallwayTalk *talk)
{
  g_autofree char *uid = hallway_ical_export_dup_uid (conference, hallway_talk_get_key (talk));
  g_autofree char *start = g_date_time_format_iso8601 (hallway_talk_get_start (talk));
  g_autofree char *end = g_date_time_format_iso8601 (hallway_talk_get_end (talk));
  g_autofree char *location = expected_location (conference, hallway_talk_get_room_name (talk));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "uid");
  json_builder_add_string_value (builder, uid);
  json_builder_set_member_name (builder, "summary");
  json_builder_add_string_value (builder, hallway_talk_get_title (talk));
  json_builder_set_member_name (builder, "start");
  json_builder_add_string_value (builder, start);
  json_builder_set_member_name (builder, "end");
  json_builder_add_string_value (builder, end);
  json_builder_set_member_name (builder, "location");
  json_builder_add_string_value (builder, location);
  json_builder_set_member_name (builder, "categories");
  json_builder_add_string_value (builder, hallway_talk_get_track_name (talk));
  json_builder_set_member_name (builder, "url");
  json_builder_add_string_value (builder, hallway_talk_get_url (talk));
  json_builder_end_object (builder);
}

/* NAME.ics, and NAME.json with what each VEVENT must say, taken from the model. */
static void
write_export (const char *dir, const char *name, HallwayConference *conference, GStrv keys)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *text = export_or_fail (conference, (const char * const *) keys, NULL, NULL, 10);
  g_autofree char *ics_name = g_strconcat (name, ".ics", NULL);
  g_autofree char *json_name = g_strconcat (name, ".json", NULL);
  g_autofree char *expected = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "zone");
  json_builder_add_string_value (builder, hallway_conference_get_time_zone_name (conference));
  json_builder_set_member_name (builder, "events");
  json_builder_begin_array (builder);
  for (guint i = 0; keys[i] != NULL; i++)
    add_expected_talk (builder, conference, hallway_test_talk (conference, keys[i]));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  expected = json_generator_to_data (generator, NULL);

  write_text (dir, ics_name, text);
  write_text (dir, json_name, expected);
}

static int
write_exports (const char *dir)
{
  g_autoptr (HallwayConference) nasty = hallway_test_read_fixture_ok ("export-nasty.xml");
  g_autoptr (HallwayConference) demo = hallway_test_read_demo ();
  g_auto (GStrv) demo_keys = all_keys (demo);
  const char *schedules = g_getenv ("HALLWAY_SCHEDULES");
  g_autofree char *fosdem_path = NULL;
  g_autoptr (GFile) fosdem_file = NULL;
  g_autoptr (HallwayConference) fosdem = NULL;
  g_auto (GStrv) nasty_keys = all_keys (nasty);
  g_auto (GStrv) fosdem_keys = NULL;

  write_export (dir, "nasty", nasty, nasty_keys);
  write_export (dir, "demo", demo, demo_keys);
  if (schedules == NULL)
    return 77;
  fosdem_path = g_build_filename (schedules, "fosdem-2026.xml", NULL);
  fosdem_file = g_file_new_for_path (fosdem_path);
  fosdem = hallway_schedule_read_file (fosdem_file, NULL, NULL);
  if (fosdem == NULL)
    return 77;
  fosdem_keys = seed_keys (fosdem);
  write_export (dir, "seed", fosdem, fosdem_keys);
  return 0;
}

int
main (int argc, char *argv[])
{
  /* For test-export-icalendar.py: write the files, run no test. */
  if (argc == 3 && strcmp (argv[1], "--write") == 0)
    {
      const char *dir = argv[2];
      int no_arguments = 1;

      g_test_init (&no_arguments, &argv, NULL);
      return write_exports (dir);
    }

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/export/uid/keys", test_uid_keys);
  g_test_add_func ("/export/track", test_track);
  g_test_add_func ("/export/seed-devroom/round-trip", test_seed_devroom);
  g_test_add_func ("/export/seed-devroom/description", test_seed_description);
  g_test_add_func ("/export/nasty-values", test_nasty_values);
  g_test_add_func ("/export/utc-fallback", test_utc_fallback);
  g_test_add_func ("/export/time-zone/only-needed-rules", test_time_zone_rules);
  g_test_add_func ("/export/alarm-lead-times", test_alarm_lead_times);
  g_test_add_func ("/export/nothing-to-export", test_nothing_to_export);
  g_test_add_func ("/export/agenda-keys", test_agenda_keys);
  g_test_add_func ("/export/update/sequences", test_update_sequences);
  g_test_add_func ("/export/update/sequences-file", test_sequences_file);
  g_test_add_func ("/export/agenda/sequences-store", test_agenda_export);
  g_test_add_func ("/import/33c3-frab-ics", test_import_33c3);
  g_test_add_func ("/import/33c3-frab-ics/json", test_import_33c3_json);
  g_test_add_func ("/import/33c3-frab-ics/by-time-and-title", test_import_33c3_by_time_and_title);
  g_test_add_func ("/import/own-export", test_import_own_export);
  g_test_add_func ("/import/fosdem-companion", test_import_companion);
  g_test_add_func ("/import/pretalx-and-fosdem-website", test_import_pretalx_and_fosdem_website);
  g_test_add_func ("/import/any-calendar", test_import_any_calendar);
  g_test_add_func ("/import/not-a-calendar", test_import_not_a_calendar);
  return g_test_run ();
}
