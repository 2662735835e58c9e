/* SPDX-License-Identifier: EUPL-1.2 */
#include <libxml/parser.h>
#include <string.h>

#include "hallway-day.h"
#include "hallway-talk.h"
#include "hallway-link.h"
#include "hallway-person.h"
#include "hallway-schedule-reader-private.h"
#include "hallway-track.h"
#include "hallway-test-utils.h"

/* The Pentabarf/frab XML reader against every real XML schedule in the shared folder, with
 * values looked up by hand in the files, and against small fixtures of ours in tests/data
 * (xml-*.xml) for time zones, broken documents and hostile ones. */

/* ---- helpers ----------------------------------------------------------------------- */

/* An event by its key, or "id:N" for files without guids, where the id must be unique. */
static HallwayTalk *
find_event (HallwayConference *conference, const char *ref)
{
  HallwayTalk *found = NULL;

  if (!g_str_has_prefix (ref, "id:"))
    return hallway_test_talk (conference, ref);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (conference)); i++)
    {
      g_autoptr (HallwayTalk) event = g_list_model_get_item (G_LIST_MODEL (conference), i);

      if (g_strcmp0 (hallway_talk_get_id (event), ref + 3) == 0)
        {
          g_assert_null (found);
          found = event;
        }
    }
  if (found == NULL)
    g_error ("no event with %s", ref);
  return found;
}

typedef struct
{
  const char *ref;        /* key (guid), or "id:N" */
  const char *title;
  const char *start;      /* %FT%T%:z in the conference zone */
  const char *end;
  const char *room;
  const char *track;      /* NULL: none */
  const char *speakers;   /* "A, B"; "" for none */
} SpotCheck;

static void
assert_spot_check (HallwayConference *conference, const SpotCheck *check)
{
  HallwayTalk *event = find_event (conference, check->ref);
  g_autofree char *start = hallway_test_format_time (hallway_talk_get_start (event));
  g_autofree char *end = hallway_test_format_time (hallway_talk_get_end (event));
  g_autofree char *speakers = hallway_talk_dup_speakers (event);

  g_assert_cmpstr (hallway_talk_get_title (event), ==, check->title);
  g_assert_cmpstr (start, ==, check->start);
  g_assert_cmpstr (end, ==, check->end);
  g_assert_cmpstr (hallway_talk_get_room_name (event), ==, check->room);
  g_assert_cmpstr (hallway_talk_get_track_name (event), ==, check->track);
  g_assert_cmpstr (speakers, ==, check->speakers);
}

static void
assert_event_times (HallwayConference *conference, const char *ref, const char *start,
                    const char *end)
{
  HallwayTalk *event = find_event (conference, ref);
  g_autofree char *event_start = hallway_test_format_time (hallway_talk_get_start (event));
  g_autofree char *event_end = hallway_test_format_time (hallway_talk_get_end (event));

  g_assert_cmpstr (event_start, ==, start);
  g_assert_cmpstr (event_end, ==, end);
}

static void
assert_day (HallwayTalk *event, const char *date, guint index)
{
  HallwayDay *day = hallway_talk_get_day (event);
  g_autofree char *iso = NULL;

  g_assert_nonnull (day);
  iso = hallway_day_dup_iso_date (day);
  g_assert_cmpstr (iso, ==, date);
  g_assert_cmpuint (hallway_day_get_index (day), ==, index);
}

static HallwayLink *
find_link (HallwayTalk *event, const char *url)
{
  HallwayLink *link = hallway_test_find_link (event, url);

  if (link == NULL)
    g_error ("no link to %s", url);
  return link;
}

static void
assert_link_kind (HallwayTalk *event, const char *url, HallwayLinkKind kind)
{
  g_assert_cmpint (hallway_link_get_kind (find_link (event, url)), ==, kind);
}

static guint
line_at (const char *data, gsize offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset; i++)
    if (data[i] == '\n')
      line++;
  return line;
}

/* ---- every real XML schedule: count, metadata and spot checks ---------------------- */

#define SEED_TALK_GUID "974b1b07-295b-5fb8-9937-82f7a10de857"
#define SEED_TALK_TITLE "Scaling national open-source products across Europe: lessons " \
                        "learned from two years of cross-border state collaboration"
#define SEED_TALK_SLUG "FQWYHW-scaling_national_open-source_products_across_europe_" \
                       "lessons_learned_from_two_yea"

typedef struct
{
  const char *file;
  guint n_events;             /* SOURCES.md */
  const char *format;
  const char *time_zone_name; /* NULL: the file names none (33C3 and 36C3 get their offset) */
  const char *title;
  SpotCheck checks[3];
} ScheduleCase;

static const ScheduleCase schedule_cases[] = {
  { "fosdem-2026.xml",
    1079,
    "pentabarf-xml",
    "Europe/Brussels",
    "FOSDEM 2026",
    { { "9c3ebb8c-7716-5130-b9fe-ff8544f5636d", "Welcome to FOSDEM 2026",
        "2026-01-31T09:30:00+01:00", "2026-01-31T09:50:00+01:00", "Janson", "Main Track",
        "FOSDEM Staff, Richard \"RichiH\" Hartmann" },
      { "31ef835d-0493-5cc3-a534-989b23cdb7e2", "Building a student wiki at MFF Charles University",
        "2026-01-31T18:05:00+01:00", "2026-01-31T18:25:00+01:00", "K.3.401",
        "Collaboration and content management", "Jan Černý, David Koňařík" },
      { "2d89d854-ca2b-5604-89ab-eabeb985b02f", "GUI apps with Go", "2026-02-01T15:00:00+01:00",
        "2026-02-01T15:55:00+01:00", "UA4.222", "BOF/Unconference", "Andrew Williams" } } },
  { "fosdem-2026-preliminary-20260115.xml",
    883,
    "pentabarf-xml",
    "Europe/Brussels",
    "FOSDEM 2026",
    { { "9c3ebb8c-7716-5130-b9fe-ff8544f5636d", "Welcome to FOSDEM 2026",
        "2026-01-31T09:30:00+01:00", "2026-01-31T09:50:00+01:00", "Janson", "Main Track",
        "FOSDEM Staff" },
      { "974b1b07-295b-5fb8-9937-82f7a10de857", SEED_TALK_TITLE, "2026-01-31T13:30:00+01:00",
        "2026-01-31T13:55:00+01:00", "AW1.120", "Building Europe’s Public Digital Infrastructure",
        "Emma Ghariani" },
      { "e47b417f-2dc6-5f65-8141-98fbd8725afc",
        "Open source firmware for high assurance confidential infrastructure",
        "2026-02-01T12:25:00+01:00", "2026-02-01T12:45:00+01:00", "UD6.215",
        "Confidential Computing", "Michał Żygowski, Piotr Król" } } },
  { "fosdem-2025.xml",
    1105,
    "pentabarf-xml",
    "Europe/Brussels",
    "FOSDEM 2025",
    { { "fdbc5919-f702-524c-9331-3a2c670f6ff3", "Welcome to FOSDEM 2025",
        "2025-02-01T09:30:00+01:00", "2025-02-01T09:50:00+01:00", "Janson", "Keynotes",
        "FOSDEM Staff, Richard \"RichiH\" Hartmann" },
      { "39fcfbd4-e3bf-5241-89a6-7b22bde51f53", "How reproducible is NixOS?",
        "2025-02-01T11:10:00+01:00", "2025-02-01T11:30:00+01:00", "K.3.601", "Nix and NixOS",
        "Julien Malka" },
      { "2fb257dd-7ecb-50dd-93ff-7f5f3ef1ba52",
        "Building Apps and Extensions with MIT App Inventor", "2025-02-02T16:25:00+01:00",
        "2025-02-02T16:50:00+01:00", "UD6.215", "Educational", "Evan Patton" } } },
  { "fosdem-2024.xml",
    874,
    "pentabarf-xml",
    "Europe/Brussels",
    "FOSDEM 2024",
    { { "5bb0aa4e-0c0e-5ccd-9523-0ed1ca679039", "Welcome to FOSDEM 2024",
        "2024-02-03T09:30:00+01:00", "2024-02-03T09:55:00+01:00", "Janson", "Keynotes",
        "FOSDEM Staff, Richard \"RichiH\" Hartmann" },
      { "6aa794b3-b9d9-5476-b6a1-229cfb838279",
        "An introduction to Formal Verification of Digital Circuits", "2024-02-03T11:25:00+01:00",
        "2024-02-03T12:05:00+01:00", "K.4.201", "Libre-SOC, FPGA and VLSI devroom",
        "Cesar Strauss" },
      { "338bf047-8312-5f93-ad8c-2ee9ee2e1503",
        "Are Project Tests Enough for Automated Dependency Updates? "
        "A Case Study of 262 Java Projects on Github",
        "2024-02-04T16:30:00+01:00", "2024-02-04T17:00:00+01:00", "UD2.208 (Decroly)",
        "Testing and Continuous delivery devroom", "Joseph Hejderup" } } },
  /* Re-indented by an IDE: titles wrap over lines, and some events sit in another room's
   * wrapper (3029 is in <room name="K.3.401"> but its own <room> is UD2.208). */
  { "fosdem-2024-small-fixture.xml",
    108,
    "pentabarf-xml",
    "Europe/Brussels",
    "FOSDEM 2024",
    { { "5bb0aa4e-0c0e-5ccd-9523-0ed1ca679039", "Welcome to FOSDEM 2024",
        "2024-02-03T09:30:00+01:00", "2024-02-03T09:55:00+01:00", "Janson", "Keynotes",
        "FOSDEM Staff, Richard \"RichiH\" Hartmann" },
      { "c9efeded-4228-5df2-a757-0875581ee110",
        "Firefox power profiling: a powerful visualization of web sustainability",
        "2024-02-04T13:00:00+01:00", "2024-02-04T13:50:00+01:00", "Janson", "Main Track - Janson",
        "Florian Quèze" },
      { "338bf047-8312-5f93-ad8c-2ee9ee2e1503",
        "Are Project Tests Enough for Automated Dependency Updates? "
        "A Case Study of 262 Java Projects on Github",
        "2024-02-04T16:30:00+01:00", "2024-02-04T17:00:00+01:00", "UD2.208 (Decroly)",
        "Testing and Continuous delivery devroom", "Joseph Hejderup" } } },
  /* No zone, no offsets, no guids: wall-clock times, kept in UTC. */
  { "fosdem-2021-online.xml",
    773,
    "pentabarf-xml",
    NULL,
    "FOSDEM 2021",
    { { "id:11795", "Welcome to FOSDEM 2021", "2021-02-06T09:00:00+00:00",
        "2021-02-06T09:25:00+00:00", "K.fosdem", "FOSDEM", "" },
      { "id:11625", "A brief introduction to Open Source Design", "2021-02-06T13:00:00+00:00",
        "2021-02-06T13:20:00+00:00", "D.design", "Open Source Design", "Bernard Tyers" },
      { "id:11763", "The Virtual FOSDEM Infodesk (Sunday)", "2021-02-07T09:00:00+00:00",
        "2021-02-07T18:00:00+00:00", "I.infodesk", "Infodesk", "" } } },
  { "fosdem-2010-pentabarf-confclerk.xml",
    300,
    "pentabarf-xml",
    NULL,
    "FOSDEM 2010",
    { { "id:819", "Welcome", "2010-02-06T10:00:00+00:00", "2010-02-06T10:45:00+00:00", "Janson",
        "Keynotes", "FOSDEM Staff" },
      { "id:908", "GNOME Color Manager", "2010-02-06T14:00:00+00:00", "2010-02-06T15:00:00+00:00",
        "H.1309", "GNOME", "Richard Hughes" },
      { "id:826", "LPI exam session 5", "2010-02-07T15:00:00+00:00", "2010-02-07T16:30:00+00:00",
        "Guillissen", "Certification", "Klaus Behrla" } } },
  { "fosdem-2007.xml",
    215,
    "pentabarf-xml",
    NULL,
    "FOSDEM 2007",
    { { "id:0", "AIGLX", "2007-02-25T15:00:00+00:00", "2007-02-25T15:45:00+00:00", "Chavanne",
        "Desktop Applications", "Kristian Høgsberg" },
      { "id:138", "Nagios Plugins", "2007-02-25T16:20:00+00:00", "2007-02-25T16:35:00+00:00",
        "Ferrer", "Lightning Talks", "Ton Voon" },
      { "id:218", "Video on Dope", "2007-02-26T15:00:00+00:00", "2007-02-26T16:00:00+00:00",
        "AW1.121", "X.org", "Matthias Hopf" } } },
  { "39c3-everything.schedule.xml",
    895,
    "frab-xml",
    "Europe/Berlin",
    "39th Chaos Communications Congress",
    { { "0c8b0cb4-6cf9-5ff8-928a-0a0f49558c48", "Opening Ceremony", "2025-12-27T10:30:00+01:00",
        "2025-12-27T11:00:00+01:00", "One", "CCC & Community", "pajowu, Stella" },
      { "1c19a455-d4bb-56ed-88dd-8ead6505e2cd",
        "Syncing visuals and stage lights against the beat of live music: an introduction",
        "2025-12-27T18:00:00+01:00", "2025-12-27T18:59:00+01:00", "Chaos Computer Music Club", NULL,
        "Luca Di Bartolomeo (cyanpencil)" },
      { "8be344d6-ed32-5e09-a862-64f3c6b291a9", "Die Sicherheits_lücke live vom 39c3: Recap",
        "2025-12-30T13:30:00+01:00", "2025-12-30T14:15:00+01:00", "Sendezentrum Podcast-Tisch",
        NULL, "Volker" } } },
  { "36c3-merged.schedule.xml",
    1351,
    "frab-xml",
    "+01:00",
    "36th Chaos Communication Congress",
    { { "6a32cb72-a69d-423c-91b5-60d88eb8e6c7", "Opening Ceremony", "2019-12-27T11:00:00+01:00",
        "2019-12-27T11:30:00+01:00", "Ada", "CCC", "bleeptrack, blinry" },
      { "1a8d5fce-a813-5272-83d2-8c21a54a6516",
        "\"Unvorstellbare Einzelfälle\" und \"neue Phänomene\"? - Kontinuitäten des rechten "
        "Terrors",
        "2019-12-27T19:00:00+01:00", "2019-12-27T19:50:00+01:00", "Chaos-West Bühne",
        "Antifaschimus", "Caro Keller" },
      /* "1:00", an H:MM duration */
      { "ca2a13c7-4246-4654-b7ee-aafe0dec32f4", "Wir hacken den Osten?",
        "2019-12-30T12:10:00+01:00", "2019-12-30T13:10:00+01:00",
        "Assembly:Open Infrastructure Orbit", "self organized sessions", "Mel" } } },
  { "33c3-frab.schedule.xml",
    150,
    "frab-xml",
    "+01:00",
    "33. Chaos Communication Congress",
    { { "b8e0eb47-4832-4726-bc9b-9015bd96becf", "33C3 Opening Ceremony",
        "2016-12-27T11:00:00+01:00", "2016-12-27T11:30:00+01:00", "Saal 1", "CCC", "anna, elisa" },
      { "e0758eb2-0282-40d7-9c41-de607eb3d494", "Syrian Archive", "2016-12-28T12:15:00+01:00",
        "2016-12-28T12:45:00+01:00", "Saal 2", "Ethics, Society & Politics",
        "Jeff Deutch, Hadi Al-Khatib" },
      { "14590762-b249-463b-9617-46d0f0d3f5b3", "Virtual Secure Boot", "2016-12-30T16:00:00+01:00",
        "2016-12-30T17:00:00+01:00", "Saal 6", "Security", "Gerd Hoffmann" } } },
  /* <date> is UTC, <start> local: the instant comes from <date>, shown in Asia/Kolkata. */
  { "debconf23-wafer.xml",
    117,
    "frab-xml",
    "Asia/Kolkata",
    "DebConf 23",
    { { "455d075f-48c0-2ec2-24b3-f5add30c383a", "Opening Ceremony", "2023-09-10T10:30:00+05:30",
        "2023-09-10T10:50:00+05:30", "Anamudi",
        "Community, diversity, local outreach and social context", "Sruthi Chandran" },
      { "b39d648f-b66f-90e7-50fa-158b6f086dbd", "Breakfast", "2023-09-13T07:00:00+05:30",
        "2023-09-13T10:30:00+05:30", "Elsewhere", "No Track", "" },
      { "23a3b685-5fa6-83c6-caff-8b48c81063ff", "Dinner", "2023-09-17T19:00:00+05:30",
        "2023-09-17T22:30:00+05:30", "Elsewhere", "No Track", "" } } },
};

static void
test_schedule (gconstpointer data)
{
  const ScheduleCase *schedule = data;
  g_autoptr (HallwayConference) conference = hallway_test_read_schedule (schedule->file);

  if (conference == NULL)
    return;
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (conference)), ==, schedule->n_events);
  g_assert_cmpstr (hallway_conference_get_format (conference), ==, schedule->format);
  g_assert_cmpstr (hallway_conference_get_time_zone_name (conference), ==,
                   schedule->time_zone_name);
  g_assert_cmpstr (hallway_conference_get_title (conference), ==, schedule->title);
  for (guint i = 0; i < G_N_ELEMENTS (schedule->checks); i++)
    assert_spot_check (conference, &schedule->checks[i]);
}

/* Every event ends at or after its start and belongs to a day of the schedule. */
static void
test_schedule_consistency (gconstpointer data)
{
  const ScheduleCase *schedule = data;
  g_autoptr (HallwayConference) conference = hallway_test_read_schedule (schedule->file);

  if (conference == NULL)
    return;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (conference)); i++)
    {
      g_autoptr (HallwayTalk) event = g_list_model_get_item (G_LIST_MODEL (conference), i);

      g_assert_cmpint (g_date_time_compare (hallway_talk_get_start (event),
                                            hallway_talk_get_end (event)), <=, 0);
      g_assert_nonnull (hallway_talk_get_day (event));
      g_assert_nonnull (hallway_talk_get_key (event));
    }
}

/* ---- FOSDEM 2026 ------------------------------------------------------------------- */


/* The talk the project was seeded with. The final schedule lists Olivier Delteil as its
 * speaker; Emma Ghariani, who gave it in the preliminary schedule, moved to the panel
 * of 1 February (see the preliminary spot check above). */
static void
test_fosdem_2026_seed_talk (void)
{
  g_autoptr (HallwayConference) conference = hallway_test_read_schedule ("fosdem-2026.xml");
  HallwayTalk *event;
  HallwayLink *link;
  const SpotCheck seed = {
    SEED_TALK_GUID,
    SEED_TALK_TITLE,
    "2026-01-31T13:30:00+01:00", "2026-01-31T13:55:00+01:00", "AW1.120",
    "Building Europe’s Public Digital Infrastructure", "Olivier Delteil"
  };

  if (conference == NULL)
    return;
  assert_spot_check (conference, &seed);
  event = hallway_test_talk (conference, SEED_TALK_GUID);
  g_assert_cmpstr (hallway_talk_get_id (event), ==, "9183");
  g_assert_cmpstr (hallway_talk_get_slug (event), ==, SEED_TALK_SLUG);
  g_assert_cmpstr (hallway_talk_get_code (event), ==, "FQWYHW");
  g_assert_cmpstr (hallway_talk_get_talk_type (event), ==, "devroom");
  g_assert_cmpstr (hallway_talk_get_language (event), ==, "en");
  g_assert_null (hallway_talk_get_subtitle (event));
  g_assert_null (hallway_talk_get_description (event));
  g_assert_cmpstr (hallway_talk_get_url (event), ==,
                   "https://fosdem.org/2026/schedule/event/" SEED_TALK_SLUG "/");
  g_assert_cmpstr (hallway_talk_get_feedback_url (event), ==,
                   "https://pretalx.fosdem.org/fosdem-2026/talk/FQWYHW/feedback/");
  assert_day (event, "2026-01-31", 1);
  g_assert_cmpuint (hallway_talk_get_links (event)->len, ==, 6);
  assert_link_kind (event, "https://video.fosdem.org/2026/aw1120/" SEED_TALK_SLUG ".av1.webm",
                    HALLWAY_LINK_VIDEO);
  assert_link_kind (event, "https://chat.fosdem.org/#/room/"
                    "#2026-building-europes-public-digital-infrastructure:fosdem.org",
                    HALLWAY_LINK_CHAT);
  link = find_link (event, "https://pretalx.fosdem.org/fosdem-2026/talk/FQWYHW/feedback/");
  g_assert_cmpstr (hallway_link_get_label (link), ==, "Submit Feedback");
  g_assert_cmpint (hallway_link_get_kind (link), ==, HALLWAY_LINK_FEEDBACK);
}

/* Entity-escaped HTML in the file; after sanitizing, its paragraphs, bold headings and
 * lists remain markup. This needs the real sanitizer (hallway-html-sanitizer.c). */
static void
test_fosdem_2026_seed_talk_abstract (void)
{
  g_autoptr (HallwayConference) conference = hallway_test_read_schedule ("fosdem-2026.xml");
  const char *abstract;

  if (conference == NULL)
    return;
  abstract = hallway_talk_get_abstract (hallway_test_talk (conference, SEED_TALK_GUID));
  g_assert_nonnull (abstract);
  g_assert_nonnull (strstr (abstract, "In late 2023, DINUM"));
  g_assert_nonnull (strstr (abstract, "<p>"));
  g_assert_true (strstr (abstract, "<strong>") != NULL || strstr (abstract, "<b>") != NULL);
  g_assert_nonnull (strstr (abstract, "<ul>"));
  g_assert_nonnull (strstr (abstract, "<li>"));
  g_assert_null (strstr (abstract, "&lt;p&gt;"));
}

static void
test_fosdem_2026_biographies (void)
{
  g_autoptr (HallwayConference) conference = hallway_test_read_schedule ("fosdem-2026.xml");
  HallwayPerson *person;

  if (conference == NULL)
    return;
  /* The <persons> block and the events share ids: one person each. */
  g_assert_cmpuint (g_list_model_get_n_items (hallway_conference_get_persons (conference)), ==,
                    1216);
  person = hallway_test_find_person (conference, "6617");
  g_assert_cmpstr (hallway_person_get_name (person), ==, "Emma Ghariani");
  g_assert_nonnull (strstr (hallway_person_get_biography (person),
                            "Director of the Open Source and Digital Commons division"));
  g_assert_cmpuint (g_list_model_get_n_items (
                      hallway_conference_get_talks_for_person (conference, person)),
                    ==, 1);
  /* Olivier Delteil's <biography> is empty. */
  g_assert_null (hallway_person_get_biography (hallway_test_find_person (conference, "7130")));
}

/* FOSDEM 2021 was online: "Online" and no city is said, with no map. */
static void
test_fosdem_2021_online_venue (void)
{
  g_autoptr (HallwayConference) conference = hallway_test_read_schedule ("fosdem-2021-online.xml");
  g_autofree char *venue = NULL;

  if (conference == NULL)
    return;
  venue = hallway_conference_dup_venue_text (conference);
  g_assert_cmpstr (venue, ==, "Online");
  g_assert_null (hallway_conference_dup_venue_map_uri (conference));
}

/* A schedule without <venue> and <city> says nothing of the venue. */
static void
test_no_venue (void)
{
  static const char xml[] =
    "<schedule><conference><title>Nowhere</title></conference>"
    "<day index=\"1\" date=\"2027-02-06\"><room name=\"A\">"
    "<event id=\"1\"><date>2027-02-06T10:00:00+01:00</date><start>10:00</start>"
    "<duration>00:30</duration><room>A</room><title>T</title></event>"
    "</room></day></schedule>";
  g_autoptr (GBytes) bytes = g_bytes_new_static (xml, sizeof xml - 1);
  g_autoptr (GError) error = NULL;
  g_autoptr (HallwayConference) conference = hallway_schedule_read_bytes (bytes, &error);

  g_assert_no_error (error);
  g_assert_null (hallway_conference_dup_venue_text (conference));
  g_assert_null (hallway_conference_dup_venue_map_uri (conference));
}

static void
test_fosdem_2026_tracks (void)
{
  g_autoptr (HallwayConference) conference = hallway_test_read_schedule ("fosdem-2026.xml");
  g_autoptr (HallwayTrack) first = NULL;
  g_autofree char *venue = NULL;
  g_autofree char *map = NULL;

  if (conference == NULL)
    return;
  /* In the order of the <tracks> block, with its slugs. */
  first = g_list_model_get_item (hallway_conference_get_tracks (conference), 0);
  g_assert_cmpstr (hallway_track_get_name (first), ==, "Main Track");
  g_assert_cmpstr (hallway_track_get_slug (first), ==, "main");
  g_assert_nonnull (hallway_test_lookup_track (conference, "Audio, Video & Graphics Creation"));
  g_assert_cmpuint (g_list_model_get_n_items (hallway_conference_get_days (conference)), ==, 2);
  g_assert_cmpstr (hallway_conference_get_acronym (conference), ==, "fosdem-2026");
  g_assert_cmpstr (hallway_conference_get_venue (conference), ==,
                   "ULB (Université Libre de Bruxelles)");
  g_assert_cmpstr (hallway_conference_get_city (conference), ==, "Brussels");
  /* Where it is, as the sidebar says it, and OpenStreetMap's search for it: no position. */
  venue = hallway_conference_dup_venue_text (conference);
  g_assert_cmpstr (venue, ==, "ULB (Université Libre de Bruxelles), Brussels");
  map = hallway_conference_dup_venue_map_uri (conference);
  g_assert_cmpstr (map, ==,
                   "https://www.openstreetmap.org/search?query="
                   "ULB%20%28Universit%C3%A9%20Libre%20de%20Bruxelles%29%2C%20Brussels");
  g_assert_false (hallway_conference_get_position (conference, NULL, NULL));
  g_assert_null (hallway_conference_dup_venue_web_map_uri (conference));
  g_assert_cmpstr (hallway_conference_get_base_url (conference), ==,
                   "https://fosdem.org/2026/schedule/");
}

/* ---- older FOSDEM layouts ---------------------------------------------------------- */

static void
test_fosdem_2024_small_whitespace (void)
{
  g_autoptr (HallwayConference) conference =
    hallway_test_read_schedule ("fosdem-2024-small-fixture.xml");
  HallwayTalk *event;
  HallwayLink *link;

  if (conference == NULL)
    return;
  g_assert_nonnull (hallway_test_lookup_track (conference,
                                               "Designing Futures of FOSS Content Management "
                                               "with the Open Website Alliance devroom"));
  event = hallway_test_talk (conference, "b5310e1d-0c7f-5a68-8e09-fbae3847b88e");
  g_assert_cmpstr (
    hallway_talk_get_title (event), ==,
    "Copyleft and the GPL: Finding the Path Forward to Defend our Software Right to Repair");
  /* Link labels wrapped over lines too. */
  event = hallway_test_talk (conference, "5bb0aa4e-0c0e-5ccd-9523-0ed1ca679039");
  link = find_link (event, "https://pretalx.fosdem.org/fosdem-2024/talk/GK99DE/feedback/");
  g_assert_cmpstr (hallway_link_get_label (link), ==, "Submit Feedback");
}

/* Events straight under <day>, rooms from the event's own <room>; numeric entities in the
 * escaped HTML; a relative slides link with nothing to resolve it against is dropped. */
static void
test_fosdem_2007_layout (void)
{
  g_autoptr (HallwayConference) conference = hallway_test_read_schedule ("fosdem-2007.xml");
  HallwayTalk *event;

  if (conference == NULL)
    return;
  event = find_event (conference, "id:0");
  assert_day (event, "2007-02-25", 1);
  g_assert_null (hallway_talk_get_slug (event));
  g_assert_null (hallway_talk_get_talk_type (event));
  g_assert_nonnull (strstr (hallway_talk_get_abstract (event), "AIGLX"));
  assert_link_kind (event, "http://video.fosdem.org/2007/FOSDEM2007-AIGLX.ogg", HALLWAY_LINK_VIDEO);
  g_assert_cmpuint (hallway_talk_get_links (find_event (conference, "id:138"))->len, ==, 0);
  g_assert_cmpstr (hallway_conference_get_venue (conference), ==,
                   "ULB (Université Libre de Bruxelles)");
  g_assert_cmpuint (g_list_model_get_n_items (hallway_conference_get_rooms (conference)), >, 10);
}

/* <tag> for the slug, "English", CRLF inside descriptions (XML turns them into LF). */
static void
test_fosdem_2010_quirks (void)
{
  g_autoptr (HallwayConference) conference = NULL;
  HallwayTalk *event;

  conference = hallway_test_read_schedule ("fosdem-2010-pentabarf-confclerk.xml");

  if (conference == NULL)
    return;
  event = find_event (conference, "id:819");
  g_assert_cmpstr (hallway_talk_get_slug (event), ==, "welcome");
  g_assert_cmpstr (hallway_talk_get_language (event), ==, "English");
  g_assert_cmpstr (hallway_talk_get_talk_type (event), ==, "Podium");
  g_assert_nonnull (strstr (hallway_talk_get_description (event), "Raphael Bauduin"));
  assert_day (event, "2010-02-06", 1);
  assert_day (find_event (conference, "id:826"), "2010-02-07", 2);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (conference)); i++)
    {
      g_autoptr (HallwayTalk) each = g_list_model_get_item (G_LIST_MODEL (conference), i);

      g_assert_null (strchr (hallway_talk_get_title (each), '\r'));
      if (hallway_talk_get_description (each) != NULL)
        g_assert_null (strchr (hallway_talk_get_description (each), '\r'));
    }
}

/* ---- CCC --------------------------------------------------------------------------- */

static void
test_39c3_crossing_midnight (void)
{
  g_autoptr (HallwayConference) conference =
    hallway_test_read_schedule ("39c3-everything.schedule.xml");
  HallwayTalk *event;

  if (conference == NULL)
    return;
  /* 23:55 + 00:40, on day 1 of the schedule although it ends on the 28th */
  assert_event_times (conference, "13468ffb-06e8-53ca-9e7c-3cfa56cd44af",
                      "2025-12-27T23:55:00+01:00", "2025-12-28T00:35:00+01:00");
  event = hallway_test_talk (conference, "13468ffb-06e8-53ca-9e7c-3cfa56cd44af");
  g_assert_cmpstr (hallway_talk_get_title (event), ==,
                   "AI-generated content in Wikipedia - a tale of caution");
  g_assert_cmpstr (hallway_talk_get_room_name (event), ==, "Ground");
  assert_day (event, "2025-12-27", 1);
  /* A DJ set of three hours from 23:30 */
  assert_event_times (conference, "6046cd64-7de1-5c5b-b5ed-1a008f619b6d",
                      "2025-12-27T23:30:00+01:00", "2025-12-28T02:30:00+01:00");
}

static void
test_39c3_identity (void)
{
  g_autoptr (HallwayConference) conference =
    hallway_test_read_schedule ("39c3-everything.schedule.xml");
  HallwayTalk *first;
  HallwayTalk *second;
  HallwayTalk *event;
  HallwayLink *slides;

  if (conference == NULL)
    return;
  /* id 400025 twice, with two guids: two events */
  first = hallway_test_talk (conference, "f3ceb410-4e1a-5def-8ae6-43b526321ce7");
  second = hallway_test_talk (conference, "a37717e9-2116-533c-af99-868ef66a8991");
  g_assert_cmpstr (hallway_talk_get_id (first), ==, "400025");
  g_assert_cmpstr (hallway_talk_get_id (second), ==, "400025");
  g_assert_cmpstr (hallway_talk_get_code (first), ==, "RP3H7Z");
  assert_day (second, "2025-12-30", 4);

  event = hallway_test_talk (conference, "0c8b0cb4-6cf9-5ff8-928a-0a0f49558c48");
  g_assert_cmpstr (hallway_talk_get_code (event), ==, "POWER1");
  g_assert_cmpstr (hallway_talk_get_talk_type (event), ==, "Ceremony");
  /* persons carry a guid instead of an id */
  g_assert_cmpstr (hallway_person_get_id (g_ptr_array_index (hallway_talk_get_persons (event), 0)),
                   ==, "4f09b480-eebf-54b5-b703-781907c5e048");

  /* A relative attachment resolves against the event's pretalx page. */
  event = hallway_test_talk (conference, "760c1f6b-349e-5ee3-9eeb-4a0f20dc902a");
  slides = find_link (event, "https://cfp.cccv.de/media/39c3/submissions/ZADHHE/resources/"
                      "2025_39C3_LiberatingBluetooth_MFFpRgs.pdf");
  g_assert_cmpint (hallway_link_get_kind (slides), ==, HALLWAY_LINK_SLIDES);
  g_assert_cmpstr (hallway_link_get_label (slides), ==, "Slides");

  /* <track name color slug/> inside <conference> */
  g_assert_nonnull (hallway_test_lookup_track (conference, "Art & Beauty"));
  g_assert_cmpuint (g_list_model_get_n_items (hallway_conference_get_days (conference)), ==, 4);
}

static void
test_36c3_merged (void)
{
  g_autoptr (HallwayConference) conference =
    hallway_test_read_schedule ("36c3-merged.schedule.xml");
  HallwayTalk *first;
  HallwayTalk *repeat;
  HallwayTalk *event;

  if (conference == NULL)
    return;
  /* The same workshop twice under one guid: two events, the later one keyed "#2". */
  first = hallway_test_talk (conference, "81f5f0c4-3d35-522c-8f1c-c8825b92f00a");
  repeat = hallway_test_talk (conference, "81f5f0c4-3d35-522c-8f1c-c8825b92f00a#2");
  g_assert_true (first != repeat);
  assert_event_times (conference, "81f5f0c4-3d35-522c-8f1c-c8825b92f00a",
                      "2019-12-27T16:10:00+01:00", "2019-12-27T18:10:00+01:00");
  assert_event_times (conference, "81f5f0c4-3d35-522c-8f1c-c8825b92f00a#2",
                      "2019-12-27T17:15:00+01:00", "2019-12-27T18:15:00+01:00");

  /* Crossing midnight, with a relative frab attachment under the base URL. */
  assert_event_times (conference, "5f38b716-e18c-44a3-b9fd-8f3eb593605c",
                      "2019-12-27T23:30:00+01:00", "2019-12-28T00:30:00+01:00");
  event = hallway_test_talk (conference, "5f38b716-e18c-44a3-b9fd-8f3eb593605c");
  g_assert_cmpstr (hallway_talk_get_title (event), ==, "SIM card technology from A-Z");
  assert_link_kind (event, "https://fahrplan.events.ccc.de/system/event_attachments/attachments/"
                    "000/004/063/original/36c3-sim_card_technology_from_A_to_Z.pdf?1577525210",
                    HALLWAY_LINK_SLIDES);

  /* <link>https://…</link> without href */
  find_link (hallway_test_talk (conference, "5d91410d-7e49-4e12-a2fc-16abda0103bc"),
             "https://c3voc.de/");
}

static void
test_33c3_frab (void)
{
  g_autoptr (HallwayConference) conference = hallway_test_read_schedule ("33c3-frab.schedule.xml");
  HallwayTalk *event;

  if (conference == NULL)
    return;
  /* No time_zone_name: the offset of the file, not UTC. */
  g_assert_cmpstr (hallway_conference_get_time_zone_name (conference), ==, "+01:00");
  assert_day (hallway_test_talk (conference, "b8e0eb47-4832-4726-bc9b-9015bd96becf"), "2016-12-27",
              1);
  event = hallway_test_talk (conference, "835ad2b7-162f-4731-b032-603eee69371b");
  g_assert_true (hallway_talk_get_do_not_record (event));
  event = hallway_test_talk (conference, "b8e0eb47-4832-4726-bc9b-9015bd96becf");
  g_assert_false (hallway_talk_get_do_not_record (event));
  event = hallway_test_talk (conference, "87092ad2-d3fd-4a37-bb58-1fe71217a06b");
  g_assert_cmpstr (hallway_talk_get_subtitle (event), ==,
                   "The Infrastructure and People behind Drone Killings");
  g_assert_nonnull (
    strstr (hallway_talk_get_description (event), "A drone is merely a networked platform"));
}

/* ---- DebConf: UTC dates, local starts ---------------------------------------------- */

static void
test_debconf23_days (void)
{
  g_autoptr (HallwayConference) conference = hallway_test_read_schedule ("debconf23-wafer.xml");
  g_autoptr (GDateTime) utc = NULL;
  g_autofree char *utc_text = NULL;
  HallwayTalk *event;

  if (conference == NULL)
    return;
  event = hallway_test_talk (conference, "455d075f-48c0-2ec2-24b3-f5add30c383a");
  /* The absolute instant is <date>: 05:00 UTC, 10:30 in Kochi. */
  utc = g_date_time_to_utc (hallway_talk_get_start (event));
  utc_text = hallway_test_format_time (utc);
  g_assert_cmpstr (utc_text, ==, "2023-09-10T05:00:00+00:00");
  /* Day 1 is dated 2023-09-09 in UTC but starts at 03:00 on the 10th in Kochi. */
  assert_day (event, "2023-09-10", 1);
  g_assert_cmpuint (g_list_model_get_n_items (hallway_conference_get_days (conference)), ==, 8);
  g_assert_cmpstr (hallway_conference_get_acronym (conference), ==, "debconf23");
  g_assert_cmpstr (hallway_conference_get_base_url (conference), ==,
                   "https://debconf23.debconf.org");
  g_assert_cmpstr (hallway_talk_get_description (event), !=, NULL);
  g_assert_null (hallway_talk_get_abstract (event));
}

/* ---- fixtures: time ---------------------------------------------------------------- */

static void
test_fixture_dst (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HallwayConference) conference =
    hallway_test_read_fixture ("xml-dst-berlin.xml", &error);

  g_assert_no_error (error);
  assert_event_times (conference, "id:spring",
                      "2024-03-31T01:30:00+01:00", "2024-03-31T03:30:00+02:00");
  assert_event_times (conference, "id:after-spring",
                      "2024-03-31T10:00:00+02:00", "2024-03-31T10:45:00+02:00");
  assert_event_times (conference, "id:autumn",
                      "2024-10-27T01:30:00+02:00", "2024-10-27T02:30:00+01:00");
  g_assert_cmpstr (hallway_conference_get_format (conference), ==, "frab-xml");
}

static void
test_fixture_day_change (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HallwayConference) conference =
    hallway_test_read_fixture ("xml-day-change.xml", &error);
  HallwayTalk *event;

  g_assert_no_error (error);
  assert_event_times (conference, "night/1", "2024-02-03T23:30:00+01:00",
                      "2024-02-04T00:30:00+01:00");
  assert_event_times (conference, "night/2", "2024-02-04T01:00:00+01:00",
                      "2024-02-04T01:30:00+01:00");
  /* Both stay on the schedule's day 1. */
  event = hallway_test_talk (conference, "night/2");
  assert_day (event, "2024-02-03", 1);
  g_assert_cmpuint (g_list_model_get_n_items (hallway_conference_get_days (conference)), ==, 1);
  g_assert_cmpstr (hallway_conference_get_format (conference), ==, "pentabarf-xml");
  g_assert_cmpstr (hallway_conference_get_city (conference), ==, "Brussels");
}

/* ---- fixtures: errors -------------------------------------------------------------- */

static void
test_fixture_no_start (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HallwayConference) conference = hallway_test_read_fixture ("xml-no-start.xml", &error);

  g_assert_null (conference);
  g_assert_error (error, HALLWAY_SCHEDULE_ERROR, HALLWAY_SCHEDULE_ERROR_MALFORMED);
  g_assert_true (g_str_has_prefix (error->message, "Pentabarf XML, line 15: "));
  g_assert_nonnull (strstr (error->message, "42"));
}

static void
test_fixture_bad_duration (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HallwayConference) conference =
    hallway_test_read_fixture ("xml-bad-duration.xml", &error);

  g_assert_null (conference);
  g_assert_error (error, HALLWAY_SCHEDULE_ERROR, HALLWAY_SCHEDULE_ERROR_MALFORMED);
  g_assert_true (g_str_has_prefix (error->message, "Pentabarf XML, line 9: "));
  g_assert_nonnull (strstr (error->message, "soon"));
}

/* Cut in the middle of an event: an error naming the line where the data stops. */
static void
test_fixture_truncated (void)
{
  g_autoptr (GBytes) bytes = hallway_test_read_fixture_bytes ("xml-day-change.xml");
  const char *data = g_bytes_get_data (bytes, NULL);
  gsize cut = strstr (data, "After midnight") - data;
  g_autoptr (GBytes) truncated = g_bytes_new_from_bytes (bytes, 0, cut);
  g_autoptr (GError) error = NULL;
  g_autoptr (HallwayConference) conference = hallway_schedule_read_bytes (truncated, &error);
  g_autofree char *prefix = g_strdup_printf ("Pentabarf XML, line %u: ", line_at (data, cut));

  g_assert_null (conference);
  g_assert_error (error, HALLWAY_SCHEDULE_ERROR, HALLWAY_SCHEDULE_ERROR_MALFORMED);
  g_assert_true (g_str_has_prefix (error->message, prefix));
}

/* The same with a real schedule cut in half. */
static void
test_fosdem_2026_truncated (void)
{
  g_autofree char *path = hallway_test_schedule_path ("fosdem-2026.xml");
  g_autofree char *contents = NULL;
  g_autoptr (GBytes) truncated = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (HallwayConference) conference = NULL;
  g_autofree char *prefix = NULL;
  gsize length = 0;

  if (path == NULL)
    return;
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  truncated = g_bytes_new (contents, length / 2);
  conference = hallway_schedule_read_bytes (truncated, &error);
  g_assert_null (conference);
  g_assert_error (error, HALLWAY_SCHEDULE_ERROR, HALLWAY_SCHEDULE_ERROR_MALFORMED);
  prefix = g_strdup_printf ("Pentabarf XML, line %u: ", line_at (contents, length / 2));
  g_assert_true (g_str_has_prefix (error->message, prefix));
}

static void
test_undefined_entity (void)
{
  static const char document[] =
    "<schedule>\n"
    "  <conference><title>&nope;</title></conference>\n"
    "</schedule>\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (HallwayConference) conference = NULL;

  conference = hallway_read_pentabarf_xml (document, sizeof document - 1, &error);

  g_assert_null (conference);
  g_assert_error (error, HALLWAY_SCHEDULE_ERROR, HALLWAY_SCHEDULE_ERROR_MALFORMED);
  g_assert_true (g_str_has_prefix (error->message, "Pentabarf XML, line 2: "));
  g_assert_nonnull (strstr (error->message, "nope"));
}

static void
test_empty (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HallwayConference) conference = hallway_read_pentabarf_xml ("", 0, &error);

  g_assert_null (conference);
  g_assert_error (error, HALLWAY_SCHEDULE_ERROR, HALLWAY_SCHEDULE_ERROR_MALFORMED);
  g_clear_error (&error);
  conference = hallway_read_pentabarf_xml ("<?xml version=\"1.0\"?>\n", 22, &error);
  g_assert_null (conference);
  g_assert_error (error, HALLWAY_SCHEDULE_ERROR, HALLWAY_SCHEDULE_ERROR_MALFORMED);
  g_assert_true (g_str_has_prefix (error->message, "Pentabarf XML, line "));
}

static void
test_fixture_not_a_schedule (void)
{
  g_autoptr (GBytes) html = hallway_test_read_fixture_bytes ("xml-html-root.xml");
  g_autoptr (GError) error = NULL;
  g_autoptr (HallwayConference) conference = NULL;
  gsize length;
  const char *data = g_bytes_get_data (html, &length);

  /* Straight to the reader: the file sniffer would call it a web page first. */
  conference = hallway_read_pentabarf_xml (data, length, &error);
  g_assert_null (conference);
  g_assert_error (error, HALLWAY_SCHEDULE_ERROR, HALLWAY_SCHEDULE_ERROR_NOT_A_SCHEDULE);
  g_assert_cmpstr (error->message, ==, "not a Pentabarf/frab schedule: the root element is <html>");
  g_clear_error (&error);

  conference = hallway_test_read_fixture ("xml-html-root.xml", &error);
  g_assert_null (conference);
  g_assert_error (error, HALLWAY_SCHEDULE_ERROR, HALLWAY_SCHEDULE_ERROR_NOT_A_SCHEDULE);
  g_clear_error (&error);

  conference = hallway_test_read_fixture ("xml-rss-root.xml", &error);
  g_assert_null (conference);
  g_assert_error (error, HALLWAY_SCHEDULE_ERROR, HALLWAY_SCHEDULE_ERROR_NOT_A_SCHEDULE);
  g_assert_cmpstr (error->message, ==, "not a Pentabarf/frab schedule: the root element is <rss>");
}

/* ---- fixtures: hostile documents --------------------------------------------------- */

static void
test_fixture_billion_laughs (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HallwayConference) conference = NULL;
  double started = hallway_test_cpu_seconds ();

  conference = hallway_test_read_fixture ("xml-billion-laughs.xml", &error);
  g_assert_null (conference);
  g_assert_error (error, HALLWAY_SCHEDULE_ERROR, HALLWAY_SCHEDULE_ERROR_MALFORMED);
  /* Refused at the first declaration, before anything is expanded. */
  g_assert_true (g_str_has_prefix (error->message, "Pentabarf XML, line 5: "));
  g_assert_nonnull (strstr (error->message, "lol"));
  g_assert_cmpfloat (hallway_test_cpu_seconds () - started, <, hallway_test_seconds (1));
}

static void
test_fixture_external_entity (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HallwayConference) conference =
    hallway_test_read_fixture ("xml-external-entity.xml", &error);

  g_assert_null (conference);
  g_assert_error (error, HALLWAY_SCHEDULE_ERROR, HALLWAY_SCHEDULE_ERROR_MALFORMED);
  g_assert_true (g_str_has_prefix (error->message, "Pentabarf XML, line 4: "));
  g_assert_nonnull (strstr (error->message, "xxe"));
  g_assert_null (strstr (error->message, "root:"));
}

static void
assert_no_passwd (const char *text)
{
  if (text != NULL)
    g_assert_null (strstr (text, "root:"));
}

/* The DTD is never fetched: the file would not even parse as one. */
static void
test_fixture_external_dtd (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HallwayConference) conference =
    hallway_test_read_fixture ("xml-external-dtd.xml", &error);
  GListModel *persons;
  HallwayTalk *event;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (conference)), ==, 1);
  event = find_event (conference, "id:1");
  g_assert_cmpstr (hallway_talk_get_title (event), ==, "Entity here");
  assert_no_passwd (hallway_conference_get_title (conference));
  assert_no_passwd (hallway_talk_get_title (event));
  persons = hallway_conference_get_persons (conference);
  for (guint i = 0; i < g_list_model_get_n_items (persons); i++)
    {
      g_autoptr (HallwayPerson) person = g_list_model_get_item (persons, i);

      assert_no_passwd (hallway_person_get_name (person));
      g_assert_cmpstr (hallway_person_get_name (person), ==, "Ada");
    }
}


int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (schedule_cases); i++)
    {
      g_autofree char *name = g_strndup (schedule_cases[i].file,
                                         strcspn (schedule_cases[i].file, "."));
      g_autofree char *events = g_strdup_printf ("/xml-reader/%s/events", name);
      g_autofree char *consistency = g_strdup_printf ("/xml-reader/%s/consistency", name);

      g_test_add_data_func (events, &schedule_cases[i], test_schedule);
      g_test_add_data_func (consistency, &schedule_cases[i], test_schedule_consistency);
    }

  g_test_add_func ("/xml-reader/fosdem-2026/seed-talk", test_fosdem_2026_seed_talk);
  g_test_add_func ("/xml-reader/fosdem-2026/seed-talk-abstract-html",
                   test_fosdem_2026_seed_talk_abstract);
  g_test_add_func ("/xml-reader/fosdem-2026/biographies", test_fosdem_2026_biographies);
  g_test_add_func ("/xml-reader/fosdem-2026/tracks-and-metadata", test_fosdem_2026_tracks);
  g_test_add_func ("/xml-reader/fosdem-2026/truncated", test_fosdem_2026_truncated);
  g_test_add_func ("/xml-reader/fosdem-2024-small-fixture/whitespace",
                   test_fosdem_2024_small_whitespace);
  g_test_add_func ("/xml-reader/fosdem-2010-pentabarf-confclerk/quirks", test_fosdem_2010_quirks);
  g_test_add_func ("/xml-reader/fosdem-2007/layout", test_fosdem_2007_layout);
  g_test_add_func ("/xml-reader/fosdem-2021-online/venue", test_fosdem_2021_online_venue);
  g_test_add_func ("/xml-reader/fixture/no-venue", test_no_venue);
  g_test_add_func ("/xml-reader/39c3-everything/crossing-midnight", test_39c3_crossing_midnight);
  g_test_add_func ("/xml-reader/39c3-everything/identity-and-links", test_39c3_identity);
  g_test_add_func ("/xml-reader/36c3-merged/duplicates-midnight-links", test_36c3_merged);
  g_test_add_func ("/xml-reader/33c3-frab/zone-recording-text", test_33c3_frab);
  g_test_add_func ("/xml-reader/debconf23-wafer/utc-dates", test_debconf23_days);
  g_test_add_func ("/xml-reader/fixture/dst-berlin", test_fixture_dst);
  g_test_add_func ("/xml-reader/fixture/day-change", test_fixture_day_change);
  g_test_add_func ("/xml-reader/fixture/no-start", test_fixture_no_start);
  g_test_add_func ("/xml-reader/fixture/bad-duration", test_fixture_bad_duration);
  g_test_add_func ("/xml-reader/fixture/truncated", test_fixture_truncated);
  g_test_add_func ("/xml-reader/fixture/undefined-entity", test_undefined_entity);
  g_test_add_func ("/xml-reader/fixture/empty", test_empty);
  g_test_add_func ("/xml-reader/fixture/not-a-schedule", test_fixture_not_a_schedule);
  g_test_add_func ("/xml-reader/fixture/billion-laughs", test_fixture_billion_laughs);
  g_test_add_func ("/xml-reader/fixture/external-entity", test_fixture_external_entity);
  g_test_add_func ("/xml-reader/fixture/external-dtd", test_fixture_external_dtd);

  return g_test_run ();
}
