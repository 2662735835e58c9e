/* SPDX-License-Identifier: EUPL-1.2 */
#define _GNU_SOURCE  /* strcasestr, the reference of /model/link/kinds */
#include <string.h>

#include "hallway-conference-private.h"
#include "hallway-day.h"
#include "hallway-link.h"
#include "hallway-talk-private.h"
#include "hallway-person.h"
#include "hallway-room.h"
#include "hallway-schedule-time.h"
#include "hallway-track.h"
#include "hallway-test-utils.h"

static HallwayTalk *
make_talk (HallwayConference *conference, const char *guid, const char *id,
            const char *title, const char *start_iso, int minutes, const char *room)
{
  HallwayTalk *talk = hallway_talk_new ();
  g_autoptr (GDateTime) start = g_date_time_new_from_iso8601 (start_iso, NULL);
  g_autoptr (GDateTime) end = g_date_time_add_minutes (start, minutes);

  g_assert_nonnull (start);
  talk->guid = g_strdup (guid);
  talk->id = g_strdup (id);
  talk->title = g_strdup (title);
  talk->room = g_object_ref (hallway_conference_ensure_room (conference, room));
  hallway_talk_set_times (talk, start, end);
  return talk;
}

static void
test_duration (void)
{
  GTimeSpan span = 0;

  g_assert_true (hallway_parse_duration ("00:25", &span));
  g_assert_cmpint (span, ==, 25 * G_TIME_SPAN_MINUTE);
  g_assert_true (hallway_parse_duration ("1:30", &span));
  g_assert_cmpint (span, ==, 90 * G_TIME_SPAN_MINUTE);
  g_assert_true (hallway_parse_duration ("00:40:30", &span));
  g_assert_cmpint (span, ==, 40 * G_TIME_SPAN_MINUTE + 30 * G_TIME_SPAN_SECOND);
  g_assert_true (hallway_parse_duration ("08:00", &span));
  g_assert_cmpint (span, ==, 8 * G_TIME_SPAN_HOUR);
  g_assert_false (hallway_parse_duration ("", &span));
  g_assert_false (hallway_parse_duration ("abc", &span));
  g_assert_false (hallway_parse_duration ("25", &span));
  g_assert_false (hallway_parse_duration ("1:2:3:4:5", &span));
  g_assert_false (hallway_parse_duration (NULL, &span));
}

static void
assert_time (GDateTime *time, const char *expected)
{
  g_autofree char *text = g_date_time_format (time, "%FT%T%:z");

  g_assert_cmpstr (text, ==, expected);
}

static void
test_start_offset_wins (void)
{
  g_autoptr (GTimeZone) brussels = g_time_zone_new_identifier ("Europe/Brussels");
  g_autoptr (GDateTime) start = NULL;

  /* The talk's own offset wins over day + start in the conference zone. */
  start = hallway_parse_start ("2023-09-10T08:00:00+00:00", "2023-09-10", "11:00", brussels);
  assert_time (start, "2023-09-10T08:00:00+00:00");
}

static void
test_start_dst (void)
{
  g_autoptr (GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr (GDateTime) before = hallway_parse_start (NULL, "2026-03-28", "10:00", berlin);
  g_autoptr (GDateTime) after = hallway_parse_start (NULL, "2026-03-29", "10:00", berlin);

  /* Summer time starts on 29 March 2026 in Berlin: the offset follows. */
  assert_time (before, "2026-03-28T10:00:00+01:00");
  assert_time (after, "2026-03-29T10:00:00+02:00");
  g_assert_null (hallway_parse_start (NULL, "2026-03-29", "25:00", berlin));
  g_assert_null (hallway_parse_start (NULL, "not a date", "10:00", berlin));
}

static void
test_sorted_with_stable_keys (void)
{
  g_autoptr (HallwayConference) conference = hallway_conference_new ();
  HallwayTalk *late, *early;

  hallway_conference_set_acronym (conference, "demo");
  g_assert_true (hallway_conference_set_time_zone_name (conference, "Europe/Brussels"));
  late = make_talk (conference, NULL, "7", "Late", "2027-02-06T11:00:00+01:00", 30, "B");
  early = make_talk (conference, "guid-1", "1", "Early", "2027-02-06T09:00:00+01:00", 30, "A");
  hallway_conference_add_talk (conference, late);
  hallway_conference_add_talk (conference, early);
  hallway_conference_finish (conference);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (conference)), ==, 2);
  {
    g_autoptr (HallwayTalk) first = g_list_model_get_item (G_LIST_MODEL (conference), 0);

    g_assert_true (first == early);
  }
  /* guid first, acronym/id without one. */
  g_assert_cmpstr (hallway_talk_get_key (early), ==, "guid-1");
  g_assert_cmpstr (hallway_talk_get_key (late), ==, "demo/7");
  g_assert_true (hallway_conference_lookup_talk (conference, "demo/7") == late);
  g_assert_null (hallway_conference_lookup_talk (conference, "demo/8"));
}

static void
test_repeated_slots_stay_apart (void)
{
  g_autoptr (HallwayConference) conference = hallway_conference_new ();
  HallwayTalk *first, *second, *third;

  /* 36C3 repeats workshops under one guid: three slots, three talks, three keys. */
  third = make_talk (conference, "same", "1", "Workshop", "2019-12-29T14:00:00+01:00", 60, "A");
  first = make_talk (conference, "same", "1", "Workshop", "2019-12-27T14:00:00+01:00", 60, "A");
  second = make_talk (conference, "same", "1", "Workshop", "2019-12-28T14:00:00+01:00", 60, "A");
  hallway_conference_add_talk (conference, third);
  hallway_conference_add_talk (conference, first);
  hallway_conference_add_talk (conference, second);
  hallway_conference_finish (conference);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (conference)), ==, 3);
  g_assert_cmpstr (hallway_talk_get_key (first), ==, "same");
  g_assert_cmpstr (hallway_talk_get_key (second), ==, "same#2");
  g_assert_cmpstr (hallway_talk_get_key (third), ==, "same#3");
}

static void
test_indexes_and_days (void)
{
  g_autoptr (HallwayConference) conference = hallway_conference_new ();
  HallwayTalk *saturday, *sunday, *sunday_other_room;
  HallwayPerson *ada;
  HallwayTrack *track;
  HallwayRoom *room_a;
  GListModel *days;

  g_assert_true (hallway_conference_set_time_zone_name (conference, "Europe/Brussels"));
  track = hallway_conference_ensure_track (conference, "Desktop");
  g_assert_true (track == hallway_conference_ensure_track (conference, "Desktop"));
  ada = hallway_conference_ensure_person (conference, "42", "Ada");
  g_assert_true (ada == hallway_conference_ensure_person (conference, "42", "Ada L."));

  saturday = make_talk (conference, "g1", NULL, "Sat", "2027-02-06T10:00:00+01:00", 30, "A");
  sunday = make_talk (conference, "g2", NULL, "Sun", "2027-02-07T10:00:00+01:00", 30, "A");
  sunday_other_room =
    make_talk (conference, "g3", NULL, "Sun B", "2027-02-07T10:00:00+01:00", 30, "B");
  saturday->track = g_object_ref (track);
  g_ptr_array_add (sunday->persons, g_object_ref (ada));
  hallway_conference_add_talk (conference, sunday_other_room);
  hallway_conference_add_talk (conference, sunday);
  hallway_conference_add_talk (conference, saturday);
  hallway_conference_finish (conference);

  /* Same start: room order decides. */
  {
    g_autoptr (HallwayTalk) second = g_list_model_get_item (G_LIST_MODEL (conference), 1);
    g_autoptr (HallwayTalk) third = g_list_model_get_item (G_LIST_MODEL (conference), 2);

    g_assert_true (second == sunday);
    g_assert_true (third == sunday_other_room);
  }

  days = hallway_conference_get_days (conference);
  g_assert_cmpuint (g_list_model_get_n_items (days), ==, 2);
  {
    g_autoptr (HallwayDay) day_one = g_list_model_get_item (days, 0);
    g_autoptr (HallwayDay) day_two = g_list_model_get_item (days, 1);
    g_autofree char *date_one = hallway_day_dup_iso_date (day_one);

    g_assert_cmpstr (date_one, ==, "2027-02-06");
    g_assert_cmpuint (hallway_day_get_index (day_one), ==, 1);
    g_assert_cmpuint (hallway_day_get_index (day_two), ==, 2);
    g_assert_cmpuint (g_list_model_get_n_items (
                        hallway_conference_get_talks_for_day (conference, day_two)),
                      ==, 2);
  }

  room_a = hallway_talk_get_room (saturday);
  g_assert_cmpuint (g_list_model_get_n_items (
                      hallway_conference_get_talks_for_room (conference, room_a)),
                    ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (
                      hallway_conference_get_talks_for_track (conference, track)),
                    ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (
                      hallway_conference_get_talks_for_person (conference, ada)),
                    ==, 1);
}

static void
test_overlap (void)
{
  g_autoptr (HallwayConference) conference = hallway_conference_new ();
  g_autoptr (HallwayTalk) a =
    make_talk (conference, "a", NULL, "A", "2027-02-06T10:00:00+01:00", 30, "R");
  g_autoptr (HallwayTalk) b =
    make_talk (conference, "b", NULL, "B", "2027-02-06T10:29:00+01:00", 30, "R");
  g_autoptr (HallwayTalk) c =
    make_talk (conference, "c", NULL, "C", "2027-02-06T10:30:00+01:00", 30, "R");

  g_assert_true (hallway_talk_overlaps (a, b));
  /* Back to back is not an overlap. */
  g_assert_false (hallway_talk_overlaps (a, c));
}

/* hallway_link_guess_kind as it was, fifteen strcasestr () a link: the one walk over the
 * label and the URL that replaced it must answer the same. */
static gboolean
reference_mentions (const char *label, const char *url, const char * const *needles)
{
  for (guint i = 0; needles[i] != NULL; i++)
    if ((label != NULL && strcasestr (label, needles[i]) != NULL) ||
        (url != NULL && strcasestr (url, needles[i]) != NULL))
      return TRUE;
  return FALSE;
}

static HallwayLinkKind
reference_kind (const char *label, const char *url)
{
  static const char *const video[] = {
    "video", "recording", "media.ccc.de", ".webm", ".mp4", NULL
  };
  static const char *const stream[] = { "live", "stream", NULL };
  static const char *const chat[] = { "chat", "matrix", "irc", NULL };
  static const char *const slides[] = { "slide", ".pdf", "presentation", NULL };
  static const char *const feedback[] = { "feedback", "submit", NULL };

  if (reference_mentions (label, url, feedback))
    return HALLWAY_LINK_FEEDBACK;
  if (reference_mentions (label, url, chat))
    return HALLWAY_LINK_CHAT;
  if (reference_mentions (label, url, stream))
    return HALLWAY_LINK_STREAM;
  if (reference_mentions (label, url, video))
    return HALLWAY_LINK_VIDEO;
  if (reference_mentions (label, url, slides))
    return HALLWAY_LINK_SLIDES;
  return HALLWAY_LINK_OTHER;
}

static void
assert_kind_as_reference (const char *label, const char *url)
{
  HallwayLinkKind kind = hallway_link_guess_kind (label, url);
  HallwayLinkKind expected = reference_kind (label, url);

  if (kind != expected)
    g_test_message ("“%s” <%s>", label, url);
  g_assert_cmpint (kind, ==, expected);
}

static void
test_link_kinds (void)
{
  static const char *const labels[] = {
    NULL, "", "Slides", "SLIDES (PDF)", "Video recording (WebM/VP9)", "Chat room(web)",
    "Live stream chat", "Submit feedback", "Présentation", "presentation.PDF", "Matrix",
    "IRC", "circus", "delivery", "Recording.", "streaming video", ".", "x.webmx", "Feed back",
    "Slide-deck.mp4", "MEDIA.CCC.DE", "media.ccc.d", "liv", "stre am",
  };
  static const char *const urls[] = {
    NULL, "", "https://media.ccc.de/v/39c3-1234", "https://video.fosdem.org/2026/a.webm",
    "https://chat.fosdem.org/#/room/#2026-a:fosdem.org", "https://example.org/slides.pdf",
    "https://submission.fosdem.org/feedback/1234", "https://live.fosdem.org/watch/k1105",
    "HTTPS://EXAMPLE.ORG/A.MP4", "https://matrix.to/#/#room", "ircs://irc.libera.chat/#x",
    "https://example.org/", "https://example.org/.pdfx",
  };
  static const char *const schedules[] = {
    "fosdem-2026.xml", "39c3-everything.schedule.json", "36c3-merged.schedule.xml",
    "democon-pretalx.json",
  };

  for (guint l = 0; l < G_N_ELEMENTS (labels); l++)
    for (guint u = 0; u < G_N_ELEMENTS (urls); u++)
      assert_kind_as_reference (labels[l], urls[u]);

  for (guint s = 0; s < G_N_ELEMENTS (schedules); s++)
    {
      g_autoptr (HallwayConference) conference = hallway_test_read_schedule (schedules[s]);
      GListModel *talks;

      if (conference == NULL)
        return;  /* skipped: no shared schedules */
      talks = G_LIST_MODEL (conference);
      for (guint i = 0; i < g_list_model_get_n_items (talks); i++)
        {
          g_autoptr (HallwayTalk) talk = g_list_model_get_item (talks, i);
          GPtrArray *links = hallway_talk_get_links (talk);

          for (guint k = 0; k < links->len; k++)
            {
              HallwayLink *link = g_ptr_array_index (links, k);

              assert_kind_as_reference (hallway_link_get_label (link), hallway_link_get_url (link));
            }
        }
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/model/duration", test_duration);
  g_test_add_func ("/model/start/offset-wins", test_start_offset_wins);
  g_test_add_func ("/model/start/dst", test_start_dst);
  g_test_add_func ("/model/conference/sorted-with-stable-keys", test_sorted_with_stable_keys);
  g_test_add_func ("/model/conference/repeated-slots-stay-apart", test_repeated_slots_stay_apart);
  g_test_add_func ("/model/conference/indexes-and-days", test_indexes_and_days);
  g_test_add_func ("/model/event/overlap", test_overlap);
  g_test_add_func ("/model/link/kinds", test_link_kinds);
  return g_test_run ();
}
