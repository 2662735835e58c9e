/* SPDX-License-Identifier: EUPL-1.2 */
#include <string.h>

#include "hallway-talk.h"
#include "hallway-person.h"
#include "hallway-test-utils.h"

/* The iCalendar reader against every real ICS export in the shared folder, and against
 * small files of ours for time zones and broken calendars. Expected values were looked up
 * in the files by hand. */

typedef struct
{
  const char *key;
  const char *title;
  const char *start;      /* "%FT%T%:z" */
  const char *end;
  const char *room;
  const char *speakers;   /* as hallway_talk_dup_speakers() joins them */
} Expected;

/* As hallway_test_assert_talk () checks it, but for the track: the calendars have none. */
static HallwayTalk *
assert_event (HallwayConference *conference, const Expected *expected)
{
  const HallwayExpectedTalk talk = {
    expected->key, expected->title, expected->start, expected->end, expected->room, NULL,
    expected->speakers,
  };

  return hallway_test_assert_talk_untracked (conference, &talk);
}

static void
assert_events (HallwayConference *conference, const Expected *expected, gsize n_expected)
{
  for (gsize i = 0; i < n_expected; i++)
    assert_event (conference, &expected[i]);
}

static guint
count_guid (HallwayConference *conference, const char *guid)
{
  guint count = 0;

  for (guint i = 0; i < hallway_test_n_talks (conference); i++)
    {
      g_autoptr (HallwayTalk) event = g_list_model_get_item (G_LIST_MODEL (conference), i);

      if (g_strcmp0 (hallway_talk_get_guid (event), guid) == 0)
        count++;
    }
  return count;
}

/* ---- real exports --------------------------------------------------------------------- */

static void
test_33c3 (void)
{
  static const Expected expected[] = {
    { "b8e0eb47-4832-4726-bc9b-9015bd96becf@frab.cccv.de", "33C3 Opening Ceremony - anna, elisa",
      "2016-12-27T11:00:00+01:00", "2016-12-27T11:30:00+01:00", "Saal 1", "" },
    { "ef62eb53-cb69-42c6-aab0-bc9d3b0e1e92@frab.cccv.de",
      "ATMs how to break them to stop the fraud - Olga Kochetova, Alexey Osipov",
      "2016-12-28T23:00:00+01:00", "2016-12-29T00:00:00+01:00", "Saal G", "" },
    { "b1a28d62-75e9-48de-bec9-44df4e611685@frab.cccv.de",
      "33C3 Closing Ceremony - Nicolas Wöhrl, @ReinhardRemfort",
      "2016-12-30T18:30:00+01:00", "2016-12-30T19:00:00+01:00", "Saal 1", "" },
  };
  g_autoptr (HallwayConference) conference = hallway_test_read_schedule ("33c3-frab.schedule.ics");
  HallwayTalk *event;

  if (conference == NULL)
    return;
  g_assert_cmpuint (hallway_test_n_talks (conference), ==, 150);
  g_assert_cmpstr (hallway_conference_get_format (conference), ==, "icalendar");
  /* The VTIMEZONE names the zone (and carries only its winter rule). */
  g_assert_cmpstr (hallway_conference_get_time_zone_name (conference), ==, "Europe/Berlin");
  assert_events (conference, expected, G_N_ELEMENTS (expected));

  event = hallway_test_talk (conference, expected[0].key);
  g_assert_cmpstr (hallway_talk_get_url (event), ==,
                   "http://fahrplan.events.ccc.de/congress/2016/Fahrplan/events/8429.html");
  /* An empty DESCRIPTION is no abstract. */
  g_assert_null (hallway_talk_get_abstract (hallway_test_talk (conference, expected[2].key)));
}

static void
test_lca2020 (void)
{
  static const Expected expected[] = {
    { "104@lca2020.linux.org.au", "Conference Opening",
      "2020-01-13T09:00:00+10:00", "2020-01-13T10:10:00+10:00", "Arena", "Joel Addison" },
    { "1@lca2020.linux.org.au", "Snek: A Python-Inspired Language for Tiny Embedded Computers",
      "2020-01-15T10:45:00+10:00", "2020-01-15T11:30:00+10:00", "Arena", "Keith Packard" },
    { "201@lca2020.linux.org.au", "Main Conference: plenary",
      "2020-01-14T07:00:00+10:00", "2020-01-14T09:00:00+10:00", "Room 5", "" },
  };
  g_autoptr (HallwayConference) conference = hallway_test_read_schedule ("lca2020.ics");
  const char *abstract;

  if (conference == NULL)
    return;
  g_assert_cmpuint (hallway_test_n_talks (conference), ==, 262);
  /* No X-WR-CALNAME: the short X-WR-CALDESC names it. */
  g_assert_cmpstr (hallway_conference_get_title (conference), ==, "linux.conf.au 2020");
  /* TZID=Australia/Brisbane has no VTIMEZONE; it is still a zone, not UTC. */
  g_assert_cmpstr (hallway_conference_get_time_zone_name (conference), ==, "Australia/Brisbane");
  assert_events (conference, expected, G_N_ELEMENTS (expected));

  /* "Speaker: …" became the person and left the abstract. */
  abstract = hallway_talk_get_abstract (hallway_test_talk (conference, "1@lca2020.linux.org.au"));
  g_assert_nonnull (abstract);
  g_assert_null (strstr (abstract, "Speaker:"));
  g_assert_nonnull (strstr (abstract, "Tiny embedded computers"));
}

static void
test_kielux2020 (void)
{
  static const Expected expected[] = {
    { "460@KOLT20", "OpenCelium - Der generische OpenSoure API-Hub",
      "2020-09-18T11:00:00+00:00", "2020-09-18T12:00:00+00:00", "Ravensberg", "Jakob Semere" },
    { "467@KOLT20", "Xen - ist das nicht tot?",
      "2020-09-18T12:00:00+00:00", "2020-09-18T13:00:00+00:00", "Ravensberg", "Jürgen Groß" },
    /* "von: Alle" (everyone), and ATTENDEE;CN="Alle": what the file says. */
    { "489@KOLT20", "Software-Freedom-Frühstück",
      "2020-09-19T08:00:00+00:00", "2020-09-19T09:00:00+00:00", "Linux-Lounge", "Alle" },
  };
  g_autoptr (HallwayConference) conference = hallway_test_read_schedule ("kielux2020.ics");
  HallwayTalk *event;

  if (conference == NULL)
    return;
  g_assert_cmpuint (hallway_test_n_talks (conference), ==, 24);
  g_assert_cmpstr (hallway_conference_get_title (conference), ==,
                   "18. Kieler Open Source und Linux Tage");
  /* Only UTC times and no zone named anywhere: UTC is what the file says. */
  g_assert_null (hallway_conference_get_time_zone_name (conference));
  assert_events (conference, expected, G_N_ELEMENTS (expected));
  event = hallway_test_talk (conference, expected[0].key);
  g_assert_cmpstr (hallway_talk_get_url (event), ==, "https://kielux.de/programm/KOLT20#460");
  g_assert_null (strstr (hallway_talk_get_abstract (event), "von:"));

  /* The ATTENDEE and the "von:" line name the same people: each is listed once. */
  for (guint i = 0; i < hallway_test_n_talks (conference); i++)
    {
      g_autoptr (HallwayTalk) item = g_list_model_get_item (G_LIST_MODEL (conference), i);
      GPtrArray *persons = hallway_talk_get_persons (item);

      for (guint p = 0; p < persons->len; p++)
        for (guint q = p + 1; q < persons->len; q++)
          g_assert_true (g_ptr_array_index (persons, p) != g_ptr_array_index (persons, q));
    }
}

static void
test_jres2022 (void)
{
  static const Expected expected[] = {
    { "presentation_94@conf-ng.jres.org", "Accueil congressistes", "2022-05-17T11:00:00+02:00",
      "2022-05-17T12:30:00+02:00", "Accueil Parc Chanot", "" },
    { "presentation_129@conf-ng.jres.org",
      "182 - Numérique : Enjeux géopolitiques, externalités environnementales et chaînes de "
      "dépendance",
      "2022-05-17T14:00:00+02:00", "2022-05-17T16:00:00+02:00", "Amphithéâtre 1600", "" },
    { "presentation_75@conf-ng.jres.org",
      "38 - Consul, l'outil magique pour une infrastructure dynamique", "2022-05-18T11:00:00+02:00",
      "2022-05-18T11:40:00+02:00", "Amphithéâtre 1200", "" },
  };
  g_autoptr (HallwayConference) conference = hallway_test_read_schedule ("jres2022.ics");
  const char *abstract;

  if (conference == NULL)
    return;
  g_assert_cmpuint (hallway_test_n_talks (conference), ==, 120);
  g_assert_cmpstr (hallway_conference_get_title (conference), ==, "JRES 2021/22");
  g_assert_cmpstr (hallway_conference_get_time_zone_name (conference), ==, "Europe/Paris");
  assert_events (conference, expected, G_N_ELEMENTS (expected));

  /* Folded inside a UTF-8 sequence ("d\xe2" / " \x80\x99exploitation"), with stray CRs. */
  abstract =
    hallway_talk_get_abstract (hallway_test_talk (conference, "presentation_209@conf-ng.jres.org"));
  g_assert_nonnull (strstr (abstract, "d’exploitation"));
  g_assert_null (strchr (abstract, '\r'));
  g_assert_true (g_utf8_validate (abstract, -1, NULL));
}

static void
test_moca2024 (void)
{
  static const Expected expected[] = {
    { "46938", "Opening Keynote",
      "2024-09-13T12:00:00+02:00", "2024-09-13T13:00:00+02:00", "XOR", "Metro Olografix" },
    /* UID 46939 is shared by both: looked up by title. */
    { NULL, "Digital Forensics ed investigazioni digitali",
      "2024-09-15T13:00:00+02:00", "2024-09-15T13:30:00+02:00", "MOV", "Luca Mercatanti" },
    { NULL, "Zap Attack – web app open source scanner",
      "2024-09-15T13:00:00+02:00", "2024-09-15T13:30:00+02:00", "XOR", "fabio carletti aka Ryuw" },
  };
  g_autoptr (HallwayConference) conference = hallway_test_read_schedule ("moca2024.ics");
  g_autofree char *map = NULL;
  g_autofree char *web_map = NULL;
  double latitude = 0, longitude = 0;
  HallwayTalk *event;

  if (conference == NULL)
    return;
  g_assert_cmpuint (hallway_test_n_talks (conference), ==, 88);
  /* "VTIMEZONE: Europe/Rome" is a broken property line, but it names the zone. */
  g_assert_cmpstr (hallway_conference_get_time_zone_name (conference), ==, "Europe/Rome");
  assert_event (conference, &expected[0]);
  for (gsize i = 1; i < G_N_ELEMENTS (expected); i++)
    {
      Expected by_key = expected[i];

      by_key.key =
        hallway_talk_get_key (hallway_test_find_by_title (conference, expected[i].title));
      /* "LOCATION: MOV": the space is gone. */
      event = assert_event (conference, &by_key);
      g_assert_cmpstr (hallway_talk_get_guid (event), ==, "46939");
    }

  /* 67 events share UID 46939; each is kept, under a key of its own. */
  g_assert_cmpuint (count_guid (conference, "46939"), ==, 67);
  g_assert_nonnull (hallway_conference_lookup_talk (conference, "46939#67"));
  g_assert_null (hallway_conference_lookup_talk (conference, "46939#68"));

  event = hallway_test_find_by_title (conference, "Closing ceremony");
  g_assert_cmpstr (hallway_talk_get_room_name (event), ==, "XOR");
  g_assert_null (hallway_talk_get_abstract (event));   /* "DESCRIPTION: " */

  /* Every event has the camp's GEO: the venue's position, a geo: URI for the desktop's map
   * and OpenStreetMap for a desktop without one. No venue's name or city is said. */
  g_assert_true (hallway_conference_get_position (conference, &latitude, &longitude));
  g_assert_cmpfloat_with_epsilon (latitude, 42.5816338, 1e-9);
  g_assert_cmpfloat_with_epsilon (longitude, 14.0901461, 1e-9);
  map = hallway_conference_dup_venue_map_uri (conference);
  g_assert_cmpstr (map, ==, "geo:42.5816338,14.0901461");
  web_map = hallway_conference_dup_venue_web_map_uri (conference);
  g_assert_cmpstr (web_map, ==,
                   "https://www.openstreetmap.org/?mlat=42.5816338&mlon=14.0901461"
                   "#map=17/42.5816338/14.0901461");
  g_assert_null (hallway_conference_dup_venue_text (conference));
}

/* Events at different GEOs place no venue; one GEO shared by the events that have one
 * does. */
static void
test_geo (void)
{
  static const char *inputs[] = {
    "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART:20270206T100000Z\r\n"
    "SUMMARY:A\r\nGEO:50.8127;4.3806\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:b\r\n"
    "DTSTART:20270206T110000Z\r\nSUMMARY:B\r\nGEO:48.8566;2.3522\r\nEND:VEVENT\r\n"
    "END:VCALENDAR\r\n",
    "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART:20270206T100000Z\r\n"
    "SUMMARY:A\r\nGEO:50.8127;4.3806\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:b\r\n"
    "DTSTART:20270206T110000Z\r\nSUMMARY:B\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr (GBytes) bytes = g_bytes_new_static (inputs[i], strlen (inputs[i]));
      g_autoptr (GError) error = NULL;
      g_autoptr (HallwayConference) conference = hallway_schedule_read_bytes (bytes, &error);
      g_autofree char *map = NULL;

      g_assert_no_error (error);
      map = hallway_conference_dup_venue_map_uri (conference);
      if (i == 0)
        g_assert_null (map);
      else
        g_assert_cmpstr (map, ==, "geo:50.8127000,4.3806000");
    }
}

static void
test_pydata_derived (void)
{
  static const Expected expected[] = {
    { "A dive into Hyperparameter Optimization: by Tanay Agrawal@2023-06-02T09:00:00+01",
      "A dive into Hyperparameter Optimization: by Tanay Agrawal",
      "2023-06-02T09:00:00+01:00", "2023-06-02T10:30:00+01:00", "Salisbury", "Tanay Agrawal" },
    { "Breakfast & Registration@2023-06-02T08:00:00+01",
      "Breakfast & Registration",
      "2023-06-02T08:00:00+01:00", "2023-06-02T09:00:00+01:00", "Minories", "" },
  };
  g_autoptr (HallwayConference) conference =
    hallway_test_read_schedule ("pydata-london-2023-derived.ics");
  HallwayTalk *event;

  if (conference == NULL)
    return;
  g_assert_cmpuint (hallway_test_n_talks (conference), ==, 98);
  g_assert_cmpstr (hallway_conference_get_title (conference), ==, "Calendar");
  /* TZID="UTC+01:00" is an offset east of Greenwich (a POSIX reading would say west). */
  g_assert_cmpstr (hallway_conference_get_time_zone_name (conference), ==, "+01:00");
  assert_events (conference, expected, G_N_ELEMENTS (expected));

  /* No UIDs: the three breakfasts at one time stay three events. */
  g_assert_nonnull (
    hallway_conference_lookup_talk (conference,
                                    "Breakfast & Registration@2023-06-02T08:00:00+01#3"));
  /* "DESCRIPTION:None" is no abstract. */
  g_assert_null (hallway_talk_get_abstract (hallway_test_talk (conference, expected[1].key)));

  event = hallway_test_find_by_title (conference,
                                      "sktime - python toolbox for time series: time series "
                                      "classification, regression, clustering, with modular time "
                                      "series distances and kernels: by Sagar Mishra");
  g_assert_cmpstr (hallway_talk_get_room_name (event), ==, "Warwick");
  g_assert_cmpstr (hallway_person_get_name (
                     g_ptr_array_index (hallway_talk_get_persons (event), 0)),
                   ==, "Sagar Mishra");
  g_assert_nonnull (strstr (hallway_talk_get_abstract (event), "sktime is a widely used"));
}

/* ---- time zones ----------------------------------------------------------------------- */

/* A TZID with no VTIMEZONE and no such zone anywhere: read in X-WR-TIMEZONE, not UTC. */
static void
test_undefined_tzid (void)
{
  static const Expected expected = {
    "undefined-1@hallway", "A talk in a zone nothing defines",
    "2024-07-15T10:00:00+02:00", "2024-07-15T11:00:00+02:00", "Hall A", ""
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (HallwayConference) conference =
    hallway_test_read_fixture ("ics-undefined-tzid.ics", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (hallway_conference_get_time_zone_name (conference), ==, "Europe/Berlin");
  assert_event (conference, &expected);
}

/* Without X-WR-TIMEZONE, the zone most events use stands in for an undefined TZID. */
static void
test_tzid_majority (void)
{
  static const Expected expected = {
    "majority-3@hallway", "In a zone the file never defines",
    "2024-01-10T14:00:00+01:00", "2024-01-10T15:00:00+01:00", NULL, ""
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (HallwayConference) conference =
    hallway_test_read_fixture ("ics-tzid-majority.ics", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (hallway_conference_get_time_zone_name (conference), ==, "Europe/Vienna");
  assert_event (conference, &expected);
}

/* A VTIMEZONE under a Windows name: libical applies its rules, summer and winter. */
static void
test_windows_vtimezone (void)
{
  static const Expected expected[] = {
    { "windows-summer@hallway", "Summer session",
      "2024-07-15T10:00:00+02:00", "2024-07-15T11:30:00+02:00", "Aula", "" },
    { "windows-winter@hallway", "Winter session",
      "2024-12-10T10:00:00+01:00", "2024-12-10T11:00:00+01:00", "Aula", "" },
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (HallwayConference) conference =
    hallway_test_read_fixture ("ics-windows-vtimezone.ics", &error);

  g_assert_no_error (error);
  assert_events (conference, expected, G_N_ELEMENTS (expected));
  /* No name GLib knows: the zone's offset at the first event, not UTC. */
  g_assert_cmpstr (hallway_conference_get_time_zone_name (conference), ==, "+02:00");
}

/* All-day and floating times in the conference zone, DURATION, CATEGORIES, escapes. */
static void
test_odd_times (void)
{
  static const Expected expected[] = {
    { "all-day@hallway", "Hackathon (all day)",
      "2024-07-15T00:00:00-04:00", "2024-07-16T00:00:00-04:00", NULL, "" },
    { "floating@hallway", "Floating talk",
      "2024-07-16T10:00:00-04:00", "2024-07-16T10:45:00-04:00", "Room 101",
      "Ada Lovelace, Grace Hopper" },
    { "utc@hallway", "Written in UTC",
      "2024-07-16T14:00:00-04:00", "2024-07-16T15:00:00-04:00", NULL, "Hedy Lamarr" },
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (HallwayConference) conference =
    hallway_test_read_fixture ("ics-odd-times.ics", &error);
  HallwayTalk *event;

  g_assert_no_error (error);
  g_assert_cmpstr (hallway_conference_get_title (conference), ==, "Odd times, and escapes");
  g_assert_cmpstr (hallway_conference_get_time_zone_name (conference), ==, "America/New_York");
  assert_events (conference, expected, G_N_ELEMENTS (expected));

  event = hallway_test_talk (conference, "floating@hallway");
  g_assert_cmpstr (hallway_talk_get_track_name (event), ==, "Security");
  g_assert_null (hallway_talk_get_url (event));   /* javascript: */
  /* Plain text: escaped, paragraphs at blank lines, URLs linked, the speaker line gone. */
  g_assert_cmpstr (
    hallway_talk_get_abstract (event), ==,
    "<p>Notes on &lt;engines&gt; &amp; looms.</p>\n"
    "<p>Slides: <a "
    "href=\"https://example.org/slides.pdf\">https://example.org/slides.pdf</a>.</p>");
  g_assert_cmpstr (hallway_talk_get_url (hallway_test_talk (conference, "utc@hallway")), ==,
                   "https://example.org/utc");
}

/* ---- not schedules, or broken --------------------------------------------------------- */

typedef struct
{
  const char *fixture;
  int code;
  const char *word;
} BrokenFixture;

static const BrokenFixture broken_fixtures[] = {
  { "ics-no-events.ics", HALLWAY_SCHEDULE_ERROR_NOT_A_SCHEDULE, "no events" },
  { "ics-truncated.ics", HALLWAY_SCHEDULE_ERROR_MALFORMED, "END:VCALENDAR" },
  { "ics-no-start.ics", HALLWAY_SCHEDULE_ERROR_MALFORMED, "no-start@hallway" },
  { "ics-missing-end-vevent.ics", HALLWAY_SCHEDULE_ERROR_MALFORMED, "END line is missing" },
  { "ics-nested-vevent.ics", HALLWAY_SCHEDULE_ERROR_MALFORMED,
    "first@hallway contains another event" },
};

static void
test_broken_fixture (gconstpointer data)
{
  const BrokenFixture *broken = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (HallwayConference) conference = hallway_test_read_fixture (broken->fixture, &error);

  g_assert_null (conference);
  g_assert_error (error, HALLWAY_SCHEDULE_ERROR, broken->code);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "iCalendar"));
  g_assert_nonnull (strstr (error->message, broken->word));
}

/* Garbage after the header must give an error or a conference, never a crash. */
static void
test_garbage (void)
{
  static const char *const inputs[] = {
    "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n",
    "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nEND:VCALENDAR\r\n",
    "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:garbage\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
    "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20241399\r\nEND:VEVENT\r\nEND:"
    "VCALENDAR\r\n",
    "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;TZID=:20240101T100000\r\nSUMMARY;VALUE=URI:x\r\n"
    "END:VEVENT\r\nEND:VCALENDAR\r\n",
    "BEGIN:VCALENDAR\r\n\xff\xfe:\r\nBEGIN:VEVENT\r\nDTSTART:20240101T100000Z\r\nSUMMARY:\xc3\r\n"
    "DESCRIPTION:<p>\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr (GBytes) bytes = g_bytes_new_static (inputs[i], strlen (inputs[i]));
      g_autoptr (GError) error = NULL;
      g_autoptr (HallwayConference) conference = hallway_schedule_read_bytes (bytes, &error);

      g_test_message ("input %u: %s", i, error != NULL ? error->message : "read");
      g_assert_true ((conference == NULL) != (error == NULL));
      if (conference != NULL)
        for (guint e = 0; e < hallway_test_n_talks (conference); e++)
          {
            g_autoptr (HallwayTalk) event = g_list_model_get_item (G_LIST_MODEL (conference), e);

            g_assert_true (g_utf8_validate (hallway_talk_get_title (event), -1, NULL));
          }
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ical-reader/33c3", test_33c3);
  g_test_add_func ("/ical-reader/lca2020", test_lca2020);
  g_test_add_func ("/ical-reader/kielux2020", test_kielux2020);
  g_test_add_func ("/ical-reader/jres2022", test_jres2022);
  g_test_add_func ("/ical-reader/moca2024", test_moca2024);
  g_test_add_func ("/ical-reader/pydata-london-2023-derived", test_pydata_derived);
  g_test_add_func ("/ical-reader/zones/undefined-tzid", test_undefined_tzid);
  g_test_add_func ("/ical-reader/zones/tzid-majority", test_tzid_majority);
  g_test_add_func ("/ical-reader/zones/windows-vtimezone", test_windows_vtimezone);
  g_test_add_func ("/ical-reader/zones/all-day-floating-utc", test_odd_times);
  for (guint i = 0; i < G_N_ELEMENTS (broken_fixtures); i++)
    {
      g_autofree char *path =
        g_strdup_printf ("/ical-reader/errors/%s", broken_fixtures[i].fixture);

      g_test_add_data_func (path, &broken_fixtures[i], test_broken_fixture);
    }
  g_test_add_func ("/ical-reader/errors/garbage", test_garbage);
  g_test_add_func ("/ical-reader/geo", test_geo);
  return g_test_run ();
}
