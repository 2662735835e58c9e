/* SPDX-License-Identifier: EUPL-1.2 */
#include <string.h>

#include "hallway-day.h"
#include "hallway-talk.h"
#include "hallway-link.h"
#include "hallway-person.h"
#include "hallway-test-utils.h"
#include "hallway-track.h"

/* The JSON reader against every real JSON schedule in the shared folder, and against small
 * broken files of ours. HallwayExpectedTalk values were looked up in the files by hand. */


static void
assert_day (HallwayTalk *event, const char *iso_date)
{
  g_autofree char *date = hallway_day_dup_iso_date (hallway_talk_get_day (event));

  g_assert_cmpstr (date, ==, iso_date);
}

/* Events whose end is later than the midnight after their start, in the conference zone. */
static guint
count_crossing_midnight (HallwayConference *conference)
{
  guint crossing = 0;

  for (guint i = 0; i < hallway_test_n_talks (conference); i++)
    {
      g_autoptr (HallwayTalk) event = g_list_model_get_item (G_LIST_MODEL (conference), i);
      GTimeZone *zone = hallway_conference_get_time_zone (conference);
      g_autoptr (GDateTime) start = g_date_time_to_timezone (hallway_talk_get_start (event), zone);
      g_autoptr (GDateTime) midnight =
        g_date_time_new (zone, g_date_time_get_year (start), g_date_time_get_month (start),
                         g_date_time_get_day_of_month (start), 0, 0, 0);
      g_autoptr (GDateTime) next_midnight = g_date_time_add_days (midnight, 1);

      if (g_date_time_compare (hallway_talk_get_end (event), next_midnight) > 0)
        crossing++;
    }
  return crossing;
}

/* ---- real schedules ------------------------------------------------------------------- */

static void
test_33c3 (void)
{
  static const HallwayExpectedTalk expected[] = {
    { "b8e0eb47-4832-4726-bc9b-9015bd96becf", "33C3 Opening Ceremony", "2016-12-27T11:00:00+01:00",
      "2016-12-27T11:30:00+01:00", "Saal 1", "CCC", "anna, elisa" },
    { "700a07e7-a9c4-437b-a4c5-4491b23a9b4a", "Console Hacking 2016", "2016-12-27T23:00:00+01:00",
      "2016-12-28T00:00:00+01:00", "Saal 1", "Security", "marcan" },
    { "2689ebfe-0d84-4c88-9ea6-5cadad9d4fa4", "Nicht öffentlich.", "2016-12-28T00:15:00+01:00",
      "2016-12-28T01:15:00+01:00", "Saal 1", "Entertainment",
      "anna, Kai Biermann, Felix Betzin, Elisabeth Pleß, Johannes Wolf, vieuxrenard" },
    { "14590762-b249-463b-9617-46d0f0d3f5b3", "Virtual Secure Boot", "2016-12-30T16:00:00+01:00",
      "2016-12-30T17:00:00+01:00", "Saal 6", "Security", "Gerd Hoffmann" },
  };
  g_autoptr (HallwayConference) conference = hallway_test_read_schedule ("33c3-frab.schedule.json");
  HallwayTalk *after_midnight;

  if (conference == NULL)
    return;
  g_assert_cmpuint (hallway_test_n_talks (conference), ==, 150);
  g_assert_cmpstr (hallway_conference_get_format (conference), ==, "frab-json");
  g_assert_cmpstr (hallway_conference_get_title (conference), ==,
                   "33. Chaos Communication Congress");
  /* No time_zone_name: the offset the file writes everywhere, not UTC. */
  g_assert_cmpstr (hallway_conference_get_time_zone_name (conference), ==, "+01:00");
  /* days[].index runs 0–3 here; the days are still the four dates. */
  g_assert_cmpuint (g_list_model_get_n_items (hallway_conference_get_days (conference)), ==, 4);
  hallway_test_assert_talks (conference, expected, G_N_ELEMENTS (expected));

  /* Listed under the 27th, held at 00:15 on the 28th: it stays on the schedule's day. */
  after_midnight = hallway_test_talk (conference, "2689ebfe-0d84-4c88-9ea6-5cadad9d4fa4");
  assert_day (after_midnight, "2016-12-27");
  g_assert_cmpstr (hallway_talk_get_id (after_midnight), ==, "8116");
  /* Twelve end at midnight sharp; none runs past it. */
  g_assert_cmpuint (count_crossing_midnight (conference), ==, 0);
}

static void
test_36c3 (void)
{
  static const HallwayExpectedTalk expected[] = {
    { "6a32cb72-a69d-423c-91b5-60d88eb8e6c7", "Opening Ceremony", "2019-12-27T11:00:00+01:00",
      "2019-12-27T11:30:00+01:00", "Ada", "CCC", "bleeptrack, blinry" },
    { "5f38b716-e18c-44a3-b9fd-8f3eb593605c", "SIM card technology from A-Z",
      "2019-12-27T23:30:00+01:00", "2019-12-28T00:30:00+01:00", "Ada", "Hardware & Making",
      "LaForge" },
    { "d1b8ed3f-2c22-47d2-9aca-0f9d3cf48eb8", "Hacker Jeopardy", "2019-12-28T00:50:00+01:00",
      "2019-12-28T02:50:00+01:00", "Ada", "Entertainment", "Sec, Ray" },
    { "c73debf0-e6be-4bde-84b5-afaddbe0e3fa",
      "\"Hacker hin oder her\": Die elektronische Patientenakte kommt!",
      "2019-12-27T16:10:00+01:00", "2019-12-27T17:10:00+01:00", "Ada", "Security",
      "Martin Tschirsich, cbro - Dr. med. Christian Brodowski, Dr. André Zilch" },
  };
  g_autoptr (HallwayConference) conference = hallway_test_read_schedule ("36c3-frab.schedule.json");
  HallwayTalk *event;

  if (conference == NULL)
    return;
  g_assert_cmpuint (hallway_test_n_talks (conference), ==, 162);
  g_assert_cmpstr (hallway_conference_get_base_url (conference), ==,
                   "https://fahrplan.events.ccc.de/congress/2019/Fahrplan/");
  hallway_test_assert_talks (conference, expected, G_N_ELEMENTS (expected));
  g_assert_cmpuint (count_crossing_midnight (conference), ==, 14);
  assert_day (hallway_test_talk (conference, "d1b8ed3f-2c22-47d2-9aca-0f9d3cf48eb8"), "2019-12-27");

  event = hallway_test_talk (conference, "6a32cb72-a69d-423c-91b5-60d88eb8e6c7");
  g_assert_cmpstr (hallway_talk_get_url (event), ==,
                   "https://fahrplan.events.ccc.de/congress/2019/Fahrplan/events/11223.html");
  g_assert_nonnull (hallway_talk_get_abstract (event));
  g_assert_null (hallway_talk_get_description (event));   /* "" in the file */
  g_assert_null (hallway_talk_get_subtitle (event));
}

static void
test_39c3 (void)
{
  static const HallwayExpectedTalk expected[] = {
    { "0c8b0cb4-6cf9-5ff8-928a-0a0f49558c48", "Opening Ceremony",
      "2025-12-27T10:30:00+01:00", "2025-12-27T11:00:00+01:00", "One", "CCC & Community",
      "pajowu, Stella" },
    { "887fe87e-6ef2-5d94-98c8-f582cb22f442", "Bluetooth Headphone Jacking: A Key to Your Phone",
      "2025-12-27T23:00:00+01:00", "2025-12-28T00:00:00+01:00", "One", "Security",
      "Dennis Heinze, Frieder Steinmetz" },
    { "341961a3-599d-52b9-8262-34c1757c9698",
      "Unnecessarily Complicated Kitchen – Die Wissenschaft des guten Geschmacks",
      "2025-12-28T00:20:00+01:00", "2025-12-28T01:20:00+01:00", "One", "Entertainment", "LukasQ" },
    /* One of the three events whose id is a string. */
    { "4512cefa-d24c-55ae-864a-fad644182449", "cleanup",
      "2025-12-28T01:30:00+01:00", "2025-12-28T02:00:00+01:00", "SoS Stage H", NULL, "" },
    { "8be344d6-ed32-5e09-a862-64f3c6b291a9", "Die Sicherheits_lücke live vom 39c3: Recap",
      "2025-12-30T13:30:00+01:00", "2025-12-30T14:15:00+01:00", "Sendezentrum Podcast-Tisch",
      NULL, "Volker" },
  };
  g_autoptr (HallwayConference) conference =
    hallway_test_read_schedule ("39c3-everything.schedule.json");
  g_autoptr (GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  HallwayTalk *event, *first, *again;
  HallwayLink *slides;
  guint repeated = 0;
  guint with_code = 0;

  if (conference == NULL)
    return;
  g_assert_cmpuint (hallway_test_n_talks (conference), ==, 895);
  g_assert_cmpstr (hallway_conference_get_title (conference), ==,
                   "39th Chaos Communications Congress");
  g_assert_cmpstr (hallway_conference_get_time_zone_name (conference), ==, "Europe/Berlin");
  g_assert_cmpuint (g_list_model_get_n_items (hallway_conference_get_days (conference)), ==, 4);
  hallway_test_assert_talks (conference, expected, G_N_ELEMENTS (expected));
  g_assert_cmpuint (count_crossing_midnight (conference), ==, 29);

  /* Ten ids occur more than once; each repeat stays an event of its own. */
  for (guint i = 0; i < hallway_test_n_talks (conference); i++)
    {
      g_autoptr (HallwayTalk) item = g_list_model_get_item (G_LIST_MODEL (conference), i);
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (ids, hallway_talk_get_id (item))) + 1;

      g_hash_table_insert (ids, (char *) hallway_talk_get_id (item), GUINT_TO_POINTER (count));
      if (count == 2)
        repeated++;
      if (hallway_talk_get_code (item) != NULL)
        with_code++;
    }
  g_assert_cmpuint (repeated, ==, 10);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (ids, "400025")), ==, 2);
  g_assert_cmpuint (with_code, ==, 348);
  first = hallway_test_talk (conference, "f3ceb410-4e1a-5def-8ae6-43b526321ce7");
  again = hallway_test_talk (conference, "a37717e9-2116-533c-af99-868ef66a8991");
  g_assert_cmpstr (hallway_talk_get_title (first), ==, hallway_talk_get_title (again));
  g_assert_cmpstr (hallway_talk_get_id (again), ==, "400025");

  /* Track colours come from conference.tracks[]. */
  g_assert_cmpstr (hallway_track_get_color (hallway_test_find_track (conference, "Security")), ==,
                   "#0347b4");
  g_assert_cmpstr (hallway_track_get_slug (hallway_test_find_track (conference, "Security")), ==,
                   "security");

  event = hallway_test_talk (conference, "0c8b0cb4-6cf9-5ff8-928a-0a0f49558c48");
  g_assert_cmpstr (hallway_talk_get_code (event), ==, "POWER1");
  g_assert_nonnull (hallway_talk_get_abstract (event));
  g_assert_nonnull (
    hallway_person_get_biography (g_ptr_array_index (hallway_talk_get_persons (event), 0)));

  /* pretalx attachment paths are relative to the talk's origin page. */
  event = hallway_test_talk (conference, "760c1f6b-349e-5ee3-9eeb-4a0f20dc902a");
  slides =
    hallway_test_find_link (event, "https://cfp.cccv.de/media/39c3/submissions/ZADHHE/resources/"
                                   "2025_39C3_LiberatingBluetooth_MFFpRgs.pdf");
  g_assert_nonnull (slides);
  g_assert_cmpstr (hallway_link_get_label (slides), ==, "Slides");
  g_assert_cmpint (hallway_link_get_kind (slides), ==, HALLWAY_LINK_SLIDES);

  event = hallway_test_talk (conference, "a2dd3dc7-ecae-50b3-82d9-266ad02f7a40");
  g_assert_nonnull (hallway_test_find_link (event, "https://magicalcodewit.ch/39c3-slides/"));
}

static void
test_camp2019 (void)
{
  static const HallwayExpectedTalk expected[] = {
    { "a0a0fcfe-b7fb-46e3-84b6-97a5406016b4", "Opening Ceremony",
      "2019-08-21T11:00:00+02:00", "2019-08-21T11:30:00+02:00", "Curie", "CCC", "jinxx, smtw" },
    { "ed4b6c75-14f4-49fe-a11e-3762bd6b54e3", "Achtung, Datenpannen!",
      "2019-08-22T23:00:00+02:00", "2019-08-23T00:30:00+02:00", "Meitner", "Entertainment",
      "Alvar C.H. Freude, Stefan Brink" },
    { "d8db148c-39e4-4f1e-af23-a26a477c82ee", "20 Jahre Camp",
      "2019-08-21T22:00:00+02:00", "2019-08-21T23:30:00+02:00", "Curie", "CCC",
      "Markus Ossevorth, Marc-André Janizewski, Tim Pritlove" },
  };
  g_autoptr (HallwayConference) conference = hallway_test_read_schedule ("camp2019-frab.json");

  if (conference == NULL)
    return;
  g_assert_cmpuint (hallway_test_n_talks (conference), ==, 79);
  g_assert_cmpstr (hallway_conference_get_acronym (conference), ==, "Camp2019");
  g_assert_cmpstr (hallway_conference_get_time_zone_name (conference), ==, "Europe/Berlin");
  hallway_test_assert_talks (conference, expected, G_N_ELEMENTS (expected));
  g_assert_cmpuint (count_crossing_midnight (conference), ==, 1);
  g_assert_cmpuint (hallway_talk_get_links (hallway_test_talk (conference, expected[1].key))->len,
                    ==, 3);
}

static void
test_democon (void)
{
  static const HallwayExpectedTalk expected[] = {
    { "8079583e-8321-506c-95af-fd2903a5f075", "Focused 5thgeneration hardware",
      "2020-12-14T09:00:00+01:00", "2020-12-14T09:30:00+01:00", "Gray Room", "Phased",
      "Brian Robinson" },
    { "8def099f-0871-5d9f-95b8-de50f694e747", "Re-engineered bandwidth-monitored focus group",
      "2020-12-16T09:30:00+01:00", "2020-12-16T10:00:00+01:00", "Gray Room", "Phased",
      "Stephanie Hudson, Mariah Estrada, Kathy Wallace" },
    { "2b2f1972-ee1f-536d-a364-f36561b3ecce", "Proactive leadingedge Graphical User Interface",
      "2020-12-16T14:00:00+01:00", "2020-12-16T15:30:00+01:00", "Tan Room", "Horizontal",
      "Randy Crawford" },
  };
  g_autoptr (HallwayConference) conference = hallway_test_read_schedule ("democon-pretalx.json");
  HallwayTalk *event;
  HallwayPerson *person;

  if (conference == NULL)
    return;
  g_assert_cmpuint (hallway_test_n_talks (conference), ==, 36);
  /* The zone says UTC while every date says +01:00: the dates' own offsets win. */
  g_assert_cmpstr (hallway_conference_get_time_zone_name (conference), ==, "UTC");
  hallway_test_assert_talks (conference, expected, G_N_ELEMENTS (expected));
  g_assert_cmpuint (g_list_model_get_n_items (hallway_conference_get_rooms (conference)), ==, 2);

  event = hallway_test_talk (conference, expected[0].key);
  g_assert_cmpstr (hallway_talk_get_url (event), ==, "http://localhost/democon/talk/G9JGWY/");
  person = g_ptr_array_index (hallway_talk_get_persons (event), 0);
  g_assert_cmpstr (hallway_person_get_id (person), ==, "26");
  g_assert_nonnull (hallway_person_get_biography (person));
}

static void
test_rc3 (void)
{
  static const HallwayExpectedTalk expected[] = {
    { "c3642671-4c1f-5109-81ba-0535c1cc8428",
      "Der faule Admin automatisiert: Gluon auf echter Hardware testen",
      "2020-12-27T11:30:00+01:00", "2020-12-27T12:10:00+01:00", "r3s - Monheim/Rhein",
      "MON r3s Rhein VHS", "Chris Fiege, Kasa" },
    { "52fc5180-b16c-5218-a4ba-9319eb02a15e", "What have we lost?",
      "2020-12-27T22:00:00+01:00", "2020-12-27T22:40:00+01:00", "r3s - Monheim/Rhein",
      "MON r3s Rhein VHS", "Calvin Buckley, Techfury90, thequux" },
    { "1e8baa54-4bc0-5b55-9fa9-c3a1c28b370c", "Climate Change and the Corona Pandemic",
      "2020-12-30T16:00:00+01:00", "2020-12-30T16:40:00+01:00",
      "hacc München / about:future - München", "Muc - about_future", "Dr. Kira Vinke" },
  };
  g_autoptr (HallwayConference) conference =
    hallway_test_read_schedule ("rc3-channels-2020-pretalx.json");

  if (conference == NULL)
    return;
  g_assert_cmpuint (hallway_test_n_talks (conference), ==, 48);
  g_assert_cmpstr (hallway_conference_get_time_zone_name (conference), ==, "+01:00");
  hallway_test_assert_talks (conference, expected, G_N_ELEMENTS (expected));
  g_assert_cmpstr (hallway_talk_get_slug (hallway_test_talk (conference, expected[0].key)), ==,
                   "MJA8QY");
}

/* c3voc's "invalid" example breaks the schema (string ids, extra members), not the schedule:
 * its one event reads. */
static void
test_winterchaos_invalid_example (void)
{
  static const HallwayExpectedTalk expected = {
    "7a0fc001-e587-47e1-b378-b6ec7e666337", "Internal Penetration Testing Basics",
    "2022-12-28T14:00:00+01:00", "2022-12-28T14:45:00+01:00", "Winterchaos", "Winterchaos", "Mänu"
  };
  g_autoptr (HallwayConference) conference =
    hallway_test_read_schedule ("winterchaos2022-invalid-example.json");
  HallwayTalk *event;

  if (conference == NULL)
    return;
  g_assert_cmpuint (hallway_test_n_talks (conference), ==, 1);
  g_assert_cmpstr (hallway_conference_get_time_zone_name (conference), ==, "Europe/Zurich");
  event = hallway_test_assert_talk (conference, &expected);
  g_assert_cmpstr (hallway_talk_get_id (event), ==, "2814");
  g_assert_true (hallway_talk_get_do_not_record (event));
  g_assert_cmpstr (hallway_person_get_id (g_ptr_array_index (hallway_talk_get_persons (event), 0)),
                   ==, "dsadf");
}

static void
test_schedule_v2 (void)
{
  static const HallwayExpectedTalk expected[] = {
    { "270fa44c-821a-577f-8ca3-33e8d4a8c2a7", "38C3: Opening Ceremony",
      "2024-12-27T10:30:00+01:00", "2024-12-27T11:00:00+01:00", "Saal 1", "CCC",
      "Gabriela Bogk, Aline Blankertz, Senficon" },
    { "b1740c2f-0c44-5f1b-89ed-456a9eecf0b8", "A Competitive Time-Trial AI for Need for Speed:",
      "2024-12-28T00:15:00+01:00", "2024-12-28T00:55:00+01:00", "Saal ZIGZAG", "Hardware & Making",
      "Sebastian Schwarz" },
  };
  g_autoptr (HallwayConference) conference =
    hallway_test_read_schedule ("38c3-hub-schedule2-excerpt.json");
  HallwayTalk *opening, *late;
  HallwayLink *slides;

  if (conference == NULL)
    return;
  g_assert_cmpuint (hallway_test_n_talks (conference), ==, 2);
  g_assert_cmpstr (hallway_conference_get_format (conference), ==, "schedule-json-v2");
  g_assert_cmpstr (hallway_conference_get_time_zone_name (conference), ==, "Europe/Berlin");
  hallway_test_assert_talks (conference, expected, G_N_ELEMENTS (expected));

  /* Tracks are referred to by slug; their colour is in the conference's list. */
  g_assert_cmpstr (hallway_track_get_color (hallway_test_find_track (conference, "CCC")), ==,
                   "#F2F006");

  opening = hallway_test_talk (conference, expected[0].key);
  g_assert_cmpstr (hallway_talk_get_code (opening), ==, "HQCCYH");
  g_assert_cmpstr (hallway_talk_get_feedback_url (opening), ==,
                   "https://fahrplan.events.ccc.de/congress/2024/fahrplan/talk/HQCCYH/feedback/");
  g_assert_nonnull (hallway_test_find_link (opening, "https://example.net/"));
  slides = hallway_test_find_link (opening, "https://example.net/foo/bar/1235.pdf");
  g_assert_nonnull (slides);
  g_assert_cmpint (hallway_link_get_kind (slides), ==, HALLWAY_LINK_SLIDES);
  /* Biographies live in schedule.persons[], found by guid. */
  g_assert_nonnull (
    hallway_person_get_biography (g_ptr_array_index (hallway_talk_get_persons (opening), 0)));

  /* 00:15 on the 28th is within day 1, which runs until 06:00. */
  late = hallway_test_talk (conference, expected[1].key);
  assert_day (late, "2024-12-27");
  g_assert_cmpstr (hallway_talk_get_subtitle (late), ==,
                   "Most Wanted Using Deep Reinforcement Learning");
}

static void
test_pretalx_widget (void)
{
  g_autoptr (HallwayConference) conference =
    hallway_test_read_schedule ("pydata-london-2023-pretalx-widget-v2.json");
  static const HallwayExpectedTalk expected[] = {
    { "LAAP8N",
      "sktime - python toolbox for time series: time series classification, regression, "
      "clustering, with modular time series distances and kernels",
      "2023-06-02T09:00:00+01:00", "2023-06-02T10:30:00+01:00", "Warwick", NULL, "Sagar Mishra" },
    { "RMUQBB", "A dive into Hyperparameter Optimization", "2023-06-02T09:00:00+01:00",
      "2023-06-02T10:30:00+01:00", "Salisbury", NULL, "Tanay Agrawal" },
    { "PLT9AR",
      "From zero to a working ML system with only Python, free serverless services and FTI "
      "pipelines",
      "2023-06-02T09:00:00+01:00", "2023-06-02T10:30:00+01:00", "Minories", NULL, "Jim Dowling" },
  };
  HallwayTalk *breakfast;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;

  if (conference == NULL)
    return;
  g_assert_cmpuint (hallway_test_n_talks (conference), ==, 98);
  g_assert_cmpstr (hallway_conference_get_format (conference), ==, "pretalx-widget-json");
  g_assert_cmpstr (hallway_conference_get_time_zone_name (conference), ==, "Europe/London");
  g_assert_cmpuint (g_list_model_get_n_items (hallway_conference_get_rooms (conference)), ==, 4);
  hallway_test_assert_talks (conference, expected, G_N_ELEMENTS (expected));
  g_assert_cmpstr (hallway_talk_get_code (hallway_test_talk (conference, "LAAP8N")), ==, "LAAP8N");
  g_assert_nonnull (hallway_talk_get_abstract (hallway_test_talk (conference, "LAAP8N")));

  /* Breaks: an {"en": …} title, a start in UTC and an end in +01:00; both shown in London. */
  breakfast = hallway_test_find_by_title (conference, "Breakfast & Registration");
  start = hallway_test_format_time (hallway_talk_get_start (breakfast));
  end = hallway_test_format_time (hallway_talk_get_end (breakfast));
  g_assert_cmpstr (start, ==, "2023-06-02T08:00:00+01:00");
  g_assert_cmpstr (end, ==, "2023-06-02T09:00:00+01:00");
  g_assert_cmpuint (hallway_talk_get_persons (breakfast)->len, ==, 0);
}

/* ---- files that are not schedules, or broken ------------------------------------------ */

static void
assert_read_error (GError *error, HallwayConference *conference, int code, const char *const *words)
{
  g_assert_null (conference);
  g_assert_error (error, HALLWAY_SCHEDULE_ERROR, code);
  for (guint i = 0; words != NULL && words[i] != NULL; i++)
    if (strstr (error->message, words[i]) == NULL)
      g_error ("\"%s\" does not mention \"%s\"", error->message, words[i]);
}

static void
test_html_saved_as_json (void)
{
  static const char * const words[] = { "not a schedule", NULL };
  g_autofree char *path = hallway_test_schedule_path ("33c3-everything.schedule.json-is-404-html");
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (HallwayConference) conference = NULL;

  if (path == NULL)
    return;
  file = g_file_new_for_path (path);
  conference = hallway_schedule_read_file (file, NULL, &error);
  assert_read_error (error, conference, HALLWAY_SCHEDULE_ERROR_NOT_A_SCHEDULE, words);
}

typedef struct
{
  const char *fixture;
  int code;
  const char *words[4];   /* the message mentions each */
} BrokenFixture;

static const BrokenFixture broken_fixtures[] = {
  { "json-empty-object.json",
    HALLWAY_SCHEDULE_ERROR_NOT_A_SCHEDULE,
    { "JSON, but not a schedule: no \"schedule\" object" } },
  { "json-rooms-as-strings.json",
    HALLWAY_SCHEDULE_ERROR_MALFORMED,
    { "day 1", "\"rooms\"", "a list" } },
  { "json-title-number.json",
    HALLWAY_SCHEDULE_ERROR_MALFORMED,
    { "event 1234", "\"title\"", "a number" } },
  { "json-days-not-array.json", HALLWAY_SCHEDULE_ERROR_MALFORMED, { "\"days\"", "an object" } },
  { "json-no-start.json",
    HALLWAY_SCHEDULE_ERROR_MALFORMED,
    { "frab JSON: event 1234 has no start time" } },
  /* Cut off on line 12: the parser's message names it. */
  { "json-truncated.json", HALLWAY_SCHEDULE_ERROR_MALFORMED, { "Broken JSON, line 12: " } },
};

static void
test_broken_fixture (gconstpointer data)
{
  const BrokenFixture *broken = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (HallwayConference) conference = hallway_test_read_fixture (broken->fixture, &error);

  assert_read_error (error, conference, broken->code, broken->words);
}

/* Wrong types anywhere give an error naming the place, never a crash or a partial
 * conference. */
typedef struct
{
  const char *json;
  int code;
  const char *word;
} BrokenSnippet;

#define FRAB_EVENT(members)                                                                        \
  "{\"schedule\": {\"conference\": {\"title\": \"T\", \"days\": [{\"date\": \"2024-01-01\", "      \
  "\"rooms\": {\"R\": [{\"id\": 7, \"date\": \"2024-01-01T10:00:00+01:00\", \"duration\": "        \
  "\"00:30\", "                                                                                    \
  "\"title\": \"Talk\"" members "}]}}]}}}"

static const BrokenSnippet broken_snippets[] = {
  { "[1, 2, 3]", HALLWAY_SCHEDULE_ERROR_NOT_A_SCHEDULE, "\"schedule\"" },
  { "{\"name\": \"hallway\", \"version\": \"1.0\"}", HALLWAY_SCHEDULE_ERROR_NOT_A_SCHEDULE,
    "\"schedule\"" },
  { "{\"schedule\": \"2024\"}", HALLWAY_SCHEDULE_ERROR_NOT_A_SCHEDULE, "\"schedule\"" },
  { "{\"schedule\": {}}", HALLWAY_SCHEDULE_ERROR_MALFORMED, "\"conference\"" },
  { "{\"schedule\": {\"conference\": []}}", HALLWAY_SCHEDULE_ERROR_MALFORMED, "\"conference\"" },
  { "{\"schedule\": {\"conference\": {\"days\": [7]}}}", HALLWAY_SCHEDULE_ERROR_MALFORMED,
    "day 1" },
  { "{\"schedule\": {\"conference\": {\"days\": [{\"rooms\": {\"R\": {}}}]}}}",
    HALLWAY_SCHEDULE_ERROR_MALFORMED, "\"R\"" },
  { "{\"schedule\": {\"conference\": {\"days\": [{\"rooms\": {\"R\": [\"talk\"]}}]}}}",
    HALLWAY_SCHEDULE_ERROR_MALFORMED, "\"R\"" },
  { "{\"schedule\": {\"conference\": {\"title\": 3, \"days\": []}}}",
    HALLWAY_SCHEDULE_ERROR_MALFORMED, "\"title\"" },
  { FRAB_EVENT (", \"persons\": \"anna\""), HALLWAY_SCHEDULE_ERROR_MALFORMED, "\"persons\"" },
  { FRAB_EVENT (", \"persons\": [17]"), HALLWAY_SCHEDULE_ERROR_MALFORMED, "\"persons\"" },
  { FRAB_EVENT (", \"persons\": [{\"id\": 1, \"public_name\": []}]"),
    HALLWAY_SCHEDULE_ERROR_MALFORMED, "\"public_name\"" },
  { FRAB_EVENT (", \"links\": {\"url\": \"https://example.org\"}"),
    HALLWAY_SCHEDULE_ERROR_MALFORMED, "\"links\"" },
  { FRAB_EVENT (", \"room\": 5"), HALLWAY_SCHEDULE_ERROR_MALFORMED, "\"room\"" },
  { FRAB_EVENT (", \"guid\": {\"a\": 1}"), HALLWAY_SCHEDULE_ERROR_MALFORMED, "\"guid\"" },
  { FRAB_EVENT (", \"id\": 1.5"), HALLWAY_SCHEDULE_ERROR_MALFORMED, "\"id\"" },
  { FRAB_EVENT (", \"do_not_record\": \"yes\""), HALLWAY_SCHEDULE_ERROR_MALFORMED,
    "\"do_not_record\"" },
  { FRAB_EVENT (", \"duration\": \"half an hour\""), HALLWAY_SCHEDULE_ERROR_MALFORMED, "duration" },
  { FRAB_EVENT (", \"title\": null"), HALLWAY_SCHEDULE_ERROR_MALFORMED, "title" },
  { "{\"schedule\": {\"conference\": {}, \"events\": {}}}", HALLWAY_SCHEDULE_ERROR_MALFORMED,
    "\"events\"" },
  { "{\"schedule\": {\"conference\": {}, \"events\": [{\"title\": \"T\", \"start\": "
    "\"2024-01-01T10:00:00Z\"}]}}",
    HALLWAY_SCHEDULE_ERROR_MALFORMED, "end time" },
  { "{\"schedule\": {\"conference\": {}, \"events\": [{\"guid\": \"g\", \"title\": \"T\", "
    "\"start\": 5}]}}",
    HALLWAY_SCHEDULE_ERROR_MALFORMED, "\"start\"" },
  { "{\"talks\": {}}", HALLWAY_SCHEDULE_ERROR_MALFORMED, "\"talks\"" },
  { "{\"talks\": [{\"code\": \"ABC\", \"title\": 5}]}", HALLWAY_SCHEDULE_ERROR_MALFORMED,
    "\"title\"" },
  { "{\"talks\": [{\"code\": \"ABC\", \"title\": {\"en\": \"T\"}, \"start\": "
    "\"2023-06-02T09:00:00+01:00\"}]}",
    HALLWAY_SCHEDULE_ERROR_MALFORMED, "end time" },
};

static void
test_broken_snippets (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (broken_snippets); i++)
    {
      const BrokenSnippet *snippet = &broken_snippets[i];
      g_autoptr (GBytes) bytes = g_bytes_new_static (snippet->json, strlen (snippet->json));
      g_autoptr (GError) error = NULL;
      g_autoptr (HallwayConference) conference = hallway_schedule_read_bytes (bytes, &error);
      const char * const words[] = { snippet->word, NULL };

      g_test_message ("snippet %u: %s", i, snippet->json);
      assert_read_error (error, conference, snippet->code, words);
    }
}

/* Wrong values that are not worth refusing a schedule for are left out. */
static void
test_unsafe_links_dropped (void)
{
  static const char json[] = FRAB_EVENT (
    ", \"guid\": \"g\", \"url\": \"javascript:alert(1)\", \"links\": ["
    "{\"url\": \"file:///etc/passwd\", \"title\": \"local\"}, "
    "{\"url\": \"/relative/without/base\", \"title\": \"relative\"}, "
    "\"https://example.org/plain\"]");
  g_autoptr (GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr (GError) error = NULL;
  g_autoptr (HallwayConference) conference = hallway_schedule_read_bytes (bytes, &error);
  HallwayTalk *event;

  g_assert_no_error (error);
  event = hallway_test_talk (conference, "g");
  g_assert_null (hallway_talk_get_url (event));
  g_assert_cmpuint (hallway_talk_get_links (event)->len, ==, 1);
  g_assert_nonnull (hallway_test_find_link (event, "https://example.org/plain"));
}

/* A zone name GLib would read as a path to a file falls back to the schedule's offsets. */
static void
test_zone_name_as_path (void)
{
  static const char json[] =
    "{\"schedule\": {\"conference\": {\"time_zone_name\": \"../../../../etc/localtime\", "
    "\"days\": [{\"date\": \"2024-01-01\", \"day_start\": \"2024-01-01T10:00:00+05:30\", "
    "\"rooms\": {}}]}}}";
  g_autoptr (GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr (GError) error = NULL;
  g_autoptr (HallwayConference) conference = hallway_schedule_read_bytes (bytes, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (hallway_test_n_talks (conference), ==, 0);
  g_assert_cmpstr (hallway_conference_get_time_zone_name (conference), ==, "+05:30");
}

/* A day in Europe/Berlin when the clocks go back, written without offsets: times after
 * midnight belong to the next date, and the offset changes at 03:00. */
static void
test_dst_day (void)
{
  static const HallwayExpectedTalk expected[] = {
    { "dst-evening", "Evening, written with a date but no offset",
      "2024-10-26T20:00:00+02:00", "2024-10-26T21:00:00+02:00", "Saal 1", NULL, "" },
    { "dst-across", "Across midnight and the change",
      "2024-10-26T23:30:00+02:00", "2024-10-27T02:30:00+01:00", "Saal 1", NULL, "Ada" },
    { "dst-before", "After midnight, before the change",
      "2024-10-27T01:30:00+02:00", "2024-10-27T02:30:00+02:00", "Saal 1", NULL, "" },
    { "dst-after", "After the change",
      "2024-10-27T03:30:00+01:00", "2024-10-27T04:00:00+01:00", "Saal 1", NULL, "" },
    { "dst-next-day", "Next morning in winter time",
      "2024-10-27T10:00:00+01:00", "2024-10-27T10:45:00+01:00", "Saal 1", NULL, "" },
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (HallwayConference) conference =
    hallway_test_read_fixture ("json-dst-berlin.json", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (hallway_test_n_talks (conference), ==, 5);
  hallway_test_assert_talks (conference, expected, G_N_ELEMENTS (expected));
  /* Four real hours: the hour between 02:00 and 03:00 happens twice. */
  g_assert_cmpint (hallway_talk_get_duration (hallway_test_talk (conference, "dst-across")), ==,
                   4 * G_TIME_SPAN_HOUR);
  assert_day (hallway_test_talk (conference, "dst-after"), "2024-10-26");
  assert_day (hallway_test_talk (conference, "dst-next-day"), "2024-10-27");
  g_assert_cmpuint (g_list_model_get_n_items (hallway_conference_get_days (conference)), ==, 2);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json-reader/frab/33c3", test_33c3);
  g_test_add_func ("/json-reader/frab/36c3", test_36c3);
  g_test_add_func ("/json-reader/frab/39c3", test_39c3);
  g_test_add_func ("/json-reader/frab/camp2019", test_camp2019);
  g_test_add_func ("/json-reader/frab/democon", test_democon);
  g_test_add_func ("/json-reader/frab/rc3", test_rc3);
  g_test_add_func ("/json-reader/frab/winterchaos-invalid-example",
                   test_winterchaos_invalid_example);
  g_test_add_func ("/json-reader/schedule-v2/38c3", test_schedule_v2);
  g_test_add_func ("/json-reader/pretalx-widget/pydata-london", test_pretalx_widget);
  g_test_add_func ("/json-reader/errors/html-saved-as-json", test_html_saved_as_json);
  for (guint i = 0; i < G_N_ELEMENTS (broken_fixtures); i++)
    {
      g_autofree char *path =
        g_strdup_printf ("/json-reader/errors/%s", broken_fixtures[i].fixture);

      g_test_add_data_func (path, &broken_fixtures[i], test_broken_fixture);
    }
  g_test_add_func ("/json-reader/errors/wrong-types", test_broken_snippets);
  g_test_add_func ("/json-reader/unsafe-links-dropped", test_unsafe_links_dropped);
  g_test_add_func ("/json-reader/zone-name-as-path", test_zone_name_as_path);
  g_test_add_func ("/json-reader/dst-day-berlin", test_dst_day);
  return g_test_run ();
}
