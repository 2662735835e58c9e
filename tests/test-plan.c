/* SPDX-License-Identifier: EUPL-1.2 */
/* The questions the views ask of a plan: overlaps, backup picks, My Agenda with its gaps,
 * Now & Next, and search/filters, on conferences built by hand. */
#include <string.h>

#include "hallway-agenda-item.h"
#include "hallway-bookmarks.h"
#include "hallway-conference-private.h"
#include "hallway-talk-private.h"
#include "hallway-talk-query.h"
#include "hallway-plan.h"
#include "hallway-html-sanitizer.h"
#include "hallway-search.h"
#include "hallway-test-utils.h"

typedef struct
{
  HallwayConference *conference;
  HallwayBookmarks *bookmarks;
  HallwayPlan *plan;
} Fixture;

static void
add_talk (HallwayConference *conference, const char *guid, const char *title,
           const char *start_iso, int minutes, const char *room, const char *speaker)
{
  HallwayTalk *talk = hallway_talk_new ();
  g_autoptr (GDateTime) start = g_date_time_new_from_iso8601 (start_iso, NULL);
  g_autoptr (GDateTime) end = g_date_time_add_minutes (start, minutes);

  talk->guid = g_strdup (guid);
  talk->title = g_strdup (title);
  talk->room = g_object_ref (hallway_conference_ensure_room (conference, room));
  talk->track = g_object_ref (hallway_conference_ensure_track (conference, "Desktop"));
  if (speaker != NULL)
    g_ptr_array_add (talk->persons,
                     g_object_ref (hallway_conference_ensure_person (conference, NULL, speaker)));
  hallway_talk_set_times (talk, start, end);
  hallway_conference_add_talk (conference, talk);
}

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GFile) file =
    g_file_new_build_filename (g_get_user_data_dir (), "plan-bookmarks.json", NULL);

  fixture->conference = hallway_conference_new ();
  hallway_conference_set_acronym (fixture->conference, "demo");
  g_assert_true (hallway_conference_set_time_zone_name (fixture->conference, "Europe/Brussels"));
  add_talk (fixture->conference, "a", "Keynote", "2027-02-06T09:00:00+01:00", 50, "Hall",
            "Ada Lovelace");
  add_talk (fixture->conference, "b", "Clash in B", "2027-02-06T09:30:00+01:00", 30, "B",
            "Timothée Lambert");
  add_talk (fixture->conference, "c", "After lunch", "2027-02-06T13:00:00+01:00", 30, "Hall", NULL);
  add_talk (fixture->conference, "d", "Back to back", "2027-02-06T13:30:00+01:00", 30, "B", NULL);
  add_talk (fixture->conference, "e", "Sunday talk", "2027-02-07T10:00:00+01:00", 30, "Hall", NULL);
  hallway_conference_finish (fixture->conference);
  fixture->bookmarks = hallway_bookmarks_new (file);
  fixture->plan = hallway_plan_new (fixture->conference, fixture->bookmarks);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  g_clear_object (&fixture->plan);
  g_clear_object (&fixture->bookmarks);
  g_clear_object (&fixture->conference);
}

static HallwayTalk *
talk (Fixture *fixture, const char *key)
{
  HallwayTalk *found = hallway_conference_lookup_talk (fixture->conference, key);

  g_assert_nonnull (found);
  return found;
}

static void
bookmark (Fixture *fixture, const char *key)
{
  hallway_plan_set_bookmarked (fixture->plan, talk (fixture, key), TRUE);
}

static void
test_conflicts (Fixture *fixture, gconstpointer data)
{
  bookmark (fixture, "a");
  bookmark (fixture, "c");
  bookmark (fixture, "d");
  /* c ends when d starts: back to back is not an overlap. */
  g_assert_false (hallway_plan_is_conflicting (fixture->plan, talk (fixture, "c")));
  g_assert_false (hallway_plan_is_conflicting (fixture->plan, talk (fixture, "a")));

  bookmark (fixture, "b");
  g_assert_true (hallway_plan_is_conflicting (fixture->plan, talk (fixture, "a")));
  g_assert_true (hallway_plan_is_conflicting (fixture->plan, talk (fixture, "b")));
  g_assert_false (hallway_plan_is_conflicting (fixture->plan, talk (fixture, "d")));

  /* A backup pick is a second choice on purpose: no longer an overlap. */
  hallway_plan_set_backup (fixture->plan, talk (fixture, "b"), TRUE);
  g_assert_true (hallway_plan_is_backup (fixture->plan, talk (fixture, "b")));
  g_assert_false (hallway_plan_is_conflicting (fixture->plan, talk (fixture, "a")));
  g_assert_false (hallway_plan_is_conflicting (fixture->plan, talk (fixture, "b")));

  hallway_plan_set_bookmarked (fixture->plan, talk (fixture, "b"), FALSE);
  g_assert_false (hallway_plan_is_bookmarked (fixture->plan, talk (fixture, "b")));
}

static HallwayAgendaItem *
agenda_item (GListModel *agenda, guint position)
{
  HallwayAgendaItem *item = g_list_model_get_item (agenda, position);

  g_assert_nonnull (item);
  g_object_unref (item);  /* the model keeps it alive */
  return item;
}

static void
test_agenda_gaps_and_overlaps (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GListModel) agenda = NULL;
  HallwayAgendaItem *gap;

  bookmark (fixture, "a");
  bookmark (fixture, "b");
  bookmark (fixture, "c");
  bookmark (fixture, "e");
  agenda = hallway_agenda_build (fixture->plan, 10 * G_TIME_SPAN_MINUTE);

  /* Saturday: a, b (overlapping), a gap from 10:00 to 13:00, c; Sunday: e, no gap across
   * the night. */
  g_assert_cmpuint (g_list_model_get_n_items (agenda), ==, 5);
  g_assert_cmpstr (hallway_agenda_item_get_title (agenda_item (agenda, 0)), ==, "Keynote");
  g_assert_true (hallway_agenda_item_get_conflicting (agenda_item (agenda, 0)));
  g_assert_cmpstr (hallway_agenda_item_get_title (agenda_item (agenda, 1)), ==, "Clash in B");
  g_assert_true (hallway_agenda_item_get_conflicting (agenda_item (agenda, 1)));
  gap = agenda_item (agenda, 2);
  g_assert_cmpint (hallway_agenda_item_get_kind (gap), ==, HALLWAY_AGENDA_GAP);
  g_assert_cmpint (g_date_time_difference (hallway_agenda_item_get_end (gap),
                                           hallway_agenda_item_get_start (gap)),
                   ==, 3 * G_TIME_SPAN_HOUR);
  g_assert_cmpstr (hallway_agenda_item_get_title (agenda_item (agenda, 3)), ==, "After lunch");
  g_assert_false (hallway_agenda_item_get_conflicting (agenda_item (agenda, 3)));
  g_assert_cmpstr (hallway_agenda_item_get_title (agenda_item (agenda, 4)), ==, "Sunday talk");
}

static void
test_agenda_keeps_cancelled (Fixture *fixture, gconstpointer data)
{
  g_autoptr (HallwayConference) without_c = hallway_conference_new ();
  g_autoptr (GListModel) agenda = NULL;
  HallwayAgendaItem *item;

  bookmark (fixture, "c");
  hallway_conference_set_acronym (without_c, "demo");
  add_talk (without_c, "a", "Keynote", "2027-02-06T09:00:00+01:00", 50, "Hall", NULL);
  hallway_conference_finish (without_c);
  hallway_bookmarks_update_from (fixture->bookmarks, without_c);
  hallway_plan_set_conference (fixture->plan, without_c, NULL);

  agenda = hallway_agenda_build (fixture->plan, 10 * G_TIME_SPAN_MINUTE);
  g_assert_cmpuint (g_list_model_get_n_items (agenda), ==, 1);
  item = agenda_item (agenda, 0);
  g_assert_cmpint (hallway_agenda_item_get_kind (item), ==, HALLWAY_AGENDA_CANCELLED);
  g_assert_cmpstr (hallway_agenda_item_get_title (item), ==, "After lunch");
  g_assert_cmpstr (hallway_agenda_item_get_room (item), ==, "Hall");
  g_assert_null (hallway_agenda_item_get_talk (item));
}

static void
test_now_and_next (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GDateTime) now = g_date_time_new_from_iso8601 ("2027-02-06T09:40:00+01:00", NULL);
  g_autoptr (GListModel) current = hallway_conference_dup_now_and_next (fixture->conference, now,
                                                                         G_TIME_SPAN_HOUR);

  /* a and b run; c starts at 13:00, beyond the hour. */
  g_assert_cmpuint (g_list_model_get_n_items (current), ==, 2);
}

/* What an empty Now & Next says: before, between the days, and after the conference. */
static void
test_quiet_time_text (Fixture *fixture, gconstpointer data)
{
  static const struct
  {
    const char *now;
    const char *text;
  } cases[] = {
    { "2027-01-20T12:00:00+01:00", "Demo Con starts on Saturday 6 February" },
    { "2027-02-06T08:59:00+01:00", "Demo Con starts on Saturday 6 February" },
    { "2027-02-06T20:00:00+01:00", "The next talks start on Sunday 7 February at 10:00" },
    { "2027-02-07T10:31:00+01:00", "Demo Con has ended" },
  };

  hallway_conference_set_title (fixture->conference, "Demo Con");
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GDateTime) now = g_date_time_new_from_iso8601 (cases[i].now, NULL);
      g_autofree char *text = hallway_plan_dup_quiet_time_text (fixture->plan, now);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

/* The person's computer in Tokyo, the conference in Brussels: local times are labelled with
 * their zone; the conference's own times, or a computer in the same zone, are not. */
static void
test_zone_label (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GDateTime) keynote = g_date_time_new_from_iso8601 ("2027-02-06T09:00:00+01:00", NULL);
  g_autofree char *tokyo = NULL;
  g_autofree char *brussels = NULL;
  g_autofree char *conference_time = NULL;
  g_autofree char *conference_day = NULL;
  g_autofree char *tokyo_day = NULL;
  g_autofree char *brussels_day = NULL;
  g_autoptr (GDateTime) shown = NULL;

  g_setenv ("TZ", "Asia/Tokyo", TRUE);
  conference_time = hallway_plan_dup_zone_label (fixture->plan, keynote);
  conference_day = hallway_plan_dup_day_header (fixture->plan, keynote);
  hallway_plan_set_show_local_time (fixture->plan, TRUE);
  tokyo = hallway_plan_dup_zone_label (fixture->plan, keynote);
  tokyo_day = hallway_plan_dup_day_header (fixture->plan, keynote);
  shown = hallway_plan_to_display_time (fixture->plan, keynote);
  g_setenv ("TZ", "Europe/Brussels", TRUE);
  brussels = hallway_plan_dup_zone_label (fixture->plan, keynote);
  brussels_day = hallway_plan_dup_day_header (fixture->plan, keynote);
  g_unsetenv ("TZ");

  g_assert_null (conference_time);
  g_assert_cmpstr (tokyo, ==, "JST");
  g_assert_cmpint (g_date_time_get_hour (shown), ==, 17);
  g_assert_null (brussels);
  /* A day header names the zone only as the times' ("Saturday 6 February JST" said it of
   * the day), and only when it is another zone than the conference's. */
  g_assert_cmpstr (conference_day, ==, "Saturday 6 February");
  g_assert_cmpstr (tokyo_day, ==, "Saturday 6 February · times in JST");
  g_assert_cmpstr (brussels_day, ==, "Saturday 6 February");
}

static guint
count_matches (Fixture *fixture, HallwayTalkQuery *query)
{
  GListModel *talks = G_LIST_MODEL (fixture->conference);
  guint matches = 0;

  for (guint i = 0; i < g_list_model_get_n_items (talks); i++)
    {
      g_autoptr (HallwayTalk) item = g_list_model_get_item (talks, i);

      matches += hallway_talk_query_matches (query, fixture->plan, item);
    }
  return matches;
}

static void
test_search_and_filters (Fixture *fixture, gconstpointer data)
{
  g_autoptr (HallwayTalkQuery) query = hallway_talk_query_new ();

  g_assert_cmpuint (count_matches (fixture, query), ==, 5);

  /* Accent- and case-insensitive, every word must match, over speakers too. */
  query->words = hallway_search_parse_query ("TIMOTHEE");
  g_assert_cmpuint (count_matches (fixture, query), ==, 1);
  g_strfreev (query->words);
  query->words = hallway_search_parse_query ("  clash   lambert ");
  g_assert_cmpuint (count_matches (fixture, query), ==, 1);
  g_strfreev (query->words);
  query->words = hallway_search_parse_query ("clash nobody");
  g_assert_cmpuint (count_matches (fixture, query), ==, 0);
  g_clear_pointer (&query->words, g_strfreev);

  query->room = g_strdup ("Hall");
  g_assert_cmpuint (count_matches (fixture, query), ==, 3);
  g_clear_pointer (&query->room, g_free);

  bookmark (fixture, "e");
  query->bookmarked_only = TRUE;
  g_assert_cmpuint (count_matches (fixture, query), ==, 1);
  query->bookmarked_only = FALSE;

  query->hide_ended_before = g_date_time_new_from_iso8601 ("2027-02-06T13:15:00+01:00", NULL);
  g_assert_cmpuint (count_matches (fixture, query), ==, 3);
  g_clear_pointer (&query->hide_ended_before, g_date_time_unref);

  /* A hidden track leaves the schedule's lists, and is back once shown again. */
  hallway_bookmarks_set_track_hidden (fixture->bookmarks, "Desktop", TRUE);
  g_assert_cmpuint (count_matches (fixture, query), ==, 5);
  query->hide_hidden_tracks = TRUE;
  g_assert_cmpuint (count_matches (fixture, query), ==, 0);
  hallway_bookmarks_set_track_hidden (fixture->bookmarks, "Desktop", FALSE);
  g_assert_cmpuint (count_matches (fixture, query), ==, 5);
}

static void
test_fold (void)
{
  g_autofree char *a = hallway_search_fold ("Timothée");
  g_autofree char *b = hallway_search_fold ("STRASSE");
  g_autofree char *c = hallway_search_fold ("Ærø Ångström");

  g_assert_cmpstr (a, ==, "timothee");
  g_assert_cmpstr (b, ==, "strasse");
  g_assert_cmpstr (c, ==, "ærø angstrom");
}

/* The fold as it was before its ASCII fast path: the whole text at once. */
static char *
reference_fold (const char *text)
{
  g_autofree char *decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFKD);
  GString *stripped;
  char *folded;

  if (decomposed == NULL)
    return g_strdup ("");
  stripped = g_string_new (NULL);
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_ismark (c))
        g_string_append_unichar (stripped, g_unichar_isspace (c) ? ' ' : c);
    }
  folded = g_utf8_casefold (stripped->str, stripped->len);
  g_string_free (stripped, TRUE);
  return folded;
}

/* ASCII is only lowercased, other runs go through NFKD and case folding: marks that follow
 * an ASCII letter, spaces of other scripts and letters that fold to several still come out
 * as the whole-text fold makes them. */
static void
test_fold_mixed_scripts (void)
{
  static const char *const texts[] = {
    "Timothe\xcc\x81" "e", /* a combining acute after ASCII: "timothee" */
    "Stra\xc3\x9f" "e \xc4\xb0stanbul \xef\xac\x81le", /* ß, İ, the ﬁ ligature */
    "\xce\x9f\xce\xb4\xcf\x85\xcf\x83\xcf\x83\xce\xad\xce\xb1\xcf\x82 and "
    "\xd0\x9c\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0", /* Greek, Cyrillic */
    "tab\there\nnew\rline\fform\vvertical", /* \v is no space to g_unichar_isspace */
    "non\xc2\xa0" "breaking\xe2\x80\x83" "em space, \xef\xbc\xa6\xef\xbc\xaf\xef\xbc\xb3",
    "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e \xed\x95\x9c\xea\xb5\xad\xec\x96\xb4 "
    "\xd8\xa7\xd9\x84\xd8\xb9\xd8\xb1\xd8\xa8\xd9\x8a\xd8\xa9",
    "",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *fast = hallway_search_fold (texts[i]);
      g_autofree char *reference = reference_fold (texts[i]);

      g_assert_cmpstr (fast, ==, reference);
    }
}

/* The search text as it was made before: the sanitized abstract, sanitized again and
 * parsed to plain text, all folded at once. */
static char *
reference_search_text (HallwayTalk *talk)
{
  g_autofree char *speakers = hallway_talk_dup_speakers (talk);
  g_autofree char *abstract = hallway_html_to_plain_text (hallway_talk_get_abstract (talk));
  g_autofree char *joined = g_strjoin ("\n", talk->title ? talk->title : "",
                                       talk->subtitle ? talk->subtitle : "", speakers,
                                       hallway_talk_get_track_name (talk) ?: "",
                                       hallway_talk_get_room_name (talk) ?: "", abstract, NULL);

  return reference_fold (joined);
}

static int
compare_words (const void *a, const void *b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

static GStrv
sorted_words (const char *text)
{
  g_auto (GStrv) words = g_strsplit (text, " ", -1);
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  GStrv sorted;
  guint n = 0;

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      g_strv_builder_add (builder, words[i]);
  sorted = g_strv_builder_end (builder);
  n = g_strv_length (sorted);
  qsort (sorted, n, sizeof *sorted, compare_words);
  return sorted;
}

static void
assert_search_text_unchanged (const char *schedule)
{
  g_autoptr (HallwayConference) conference = hallway_test_read_schedule (schedule);
  const char *const any_word[] = { "", NULL };

  if (conference == NULL)
    return;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (conference)); i++)
    {
      g_autoptr (HallwayTalk) talk = g_list_model_get_item (G_LIST_MODEL (conference), i);
      g_autofree char *reference = reference_search_text (talk);
      g_auto (GStrv) reference_words = sorted_words (reference);
      g_auto (GStrv) words = NULL;

      /* Made from the abstract's source, never from its sanitized HTML. */
      g_assert_true (hallway_search_talk_matches (talk, any_word));
      g_assert_nonnull (talk->search_text);
      words = sorted_words (talk->search_text);
      if (!g_strv_equal ((const char *const *) words, (const char *const *) reference_words))
        g_error ("%s, \"%s\": the search finds other words than before:\n%s\n---\n%s",
                 schedule, talk->title, talk->search_text, reference);
    }
}

/* One parse of each abstract's source finds the words that sanitizing it twice and parsing
 * it a third time found, in real schedules of HTML, plain text and Markdown abstracts. */
static void
test_search_abstract_source (void)
{
  static const char *const schedules[] = {
    "fosdem-2026.xml", "fosdem-2010-pentabarf-confclerk.xml", "39c3-everything.schedule.json",
    "democon-pretalx.json", "pydata-london-2023-pretalx-widget-v2.json", "debconf23-wafer.xml",
  };

  for (guint i = 0; i < G_N_ELEMENTS (schedules); i++)
    assert_search_text_unchanged (schedules[i]);
}

static guint
count_talks_matching (GListModel *talks, const char *query)
{
  g_auto (GStrv) words = hallway_search_parse_query (query);
  guint matches = 0;

  for (guint i = 0; i < g_list_model_get_n_items (talks); i++)
    {
      g_autoptr (HallwayTalk) talk = g_list_model_get_item (talks, i);

      matches += hallway_search_talk_matches (talk, (const char *const *) words);
    }
  return matches;
}

/* Words that are only in FOSDEM 2026's abstracts: inside markup, behind an entity, with
 * an accent typed without it. */
static void
test_search_real_words (void)
{
  g_autoptr (HallwayConference) conference = hallway_test_read_schedule ("fosdem-2026.xml");

  if (conference == NULL)
    return;
  g_assert_cmpuint (count_talks_matching (G_LIST_MODEL (conference), "CONTRIBUTING.yaml"), >=, 1);
  g_assert_cmpuint (count_talks_matching (G_LIST_MODEL (conference), "Q&A"), >=, 1);
  g_assert_cmpuint (count_talks_matching (G_LIST_MODEL (conference), "flurfunk"), >=, 1);
  g_assert_cmpuint (count_talks_matching (G_LIST_MODEL (conference), "bjorn"), >=, 1);
  g_assert_cmpuint (count_talks_matching (G_LIST_MODEL (conference), "&lt;code&gt;"), ==, 0);
}

static const char *const prepared_queries[] = {
  "conference", "matter", "timothee", "welcome", "the", "zz-nothing", "room talk",
};

/* The worker builds every talk's search text, and a search then finds what a search
 * without it finds. */
static void
test_search_prepared_in_worker (void)
{
  g_autoptr (HallwayConference) prepared = hallway_test_read_demo ();
  g_autoptr (HallwayConference) unprepared = hallway_test_read_demo ();
  GListModel *talks = G_LIST_MODEL (prepared);
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;

  hallway_search_prepare_async (talks, NULL, hallway_test_store_result_cb, &result);
  g_assert_true (hallway_search_prepare_finish (talks, hallway_test_wait (&result), &error));
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (talks); i++)
    {
      g_autoptr (HallwayTalk) talk = g_list_model_get_item (talks, i);

      g_assert_true (hallway_search_talk_is_prepared (talk));
    }
  for (guint i = 0; i < G_N_ELEMENTS (prepared_queries); i++)
    g_assert_cmpuint (count_talks_matching (talks, prepared_queries[i]), ==,
                      count_talks_matching (G_LIST_MODEL (unprepared), prepared_queries[i]));
  g_assert_cmpuint (count_talks_matching (talks, "conference"), >, 0);
}

/* A search while the worker runs finds the same talks: either may build a talk's text
 * first, and the other's copy is dropped. */
static void
test_search_while_preparing (void)
{
  g_autoptr (HallwayConference) conference = hallway_test_read_schedule ("fosdem-2026.xml");
  g_autoptr (HallwayConference) reference = hallway_test_read_schedule ("fosdem-2026.xml");
  g_autoptr (GAsyncResult) result = NULL;
  guint during;

  if (conference == NULL)
    return;
  hallway_search_prepare_async (G_LIST_MODEL (conference), NULL, hallway_test_store_result_cb,
                                &result);
  during = count_talks_matching (G_LIST_MODEL (conference), "rust");
  hallway_test_wait (&result);
  g_assert_cmpuint (during, ==, count_talks_matching (G_LIST_MODEL (reference), "rust"));
  g_assert_cmpuint (during, >, 0);
}

int
main (int argc, char *argv[])
{
  hallway_test_init (&argc, &argv, HALLWAY_TEST_ISOLATE_DIRS);
  g_test_add ("/plan/conflicts-and-backups", Fixture, NULL, fixture_set_up, test_conflicts,
              fixture_tear_down);
  g_test_add ("/plan/agenda/gaps-and-overlaps", Fixture, NULL, fixture_set_up,
              test_agenda_gaps_and_overlaps, fixture_tear_down);
  g_test_add ("/plan/agenda/keeps-cancelled", Fixture, NULL, fixture_set_up,
              test_agenda_keeps_cancelled, fixture_tear_down);
  g_test_add ("/plan/now-and-next", Fixture, NULL, fixture_set_up, test_now_and_next,
              fixture_tear_down);
  g_test_add ("/plan/search-and-filters", Fixture, NULL, fixture_set_up, test_search_and_filters,
              fixture_tear_down);
  g_test_add ("/plan/quiet-time-text", Fixture, NULL, fixture_set_up, test_quiet_time_text,
              fixture_tear_down);
  g_test_add ("/plan/zone-label", Fixture, NULL, fixture_set_up, test_zone_label,
              fixture_tear_down);
  g_test_add_func ("/plan/fold", test_fold);
  g_test_add_func ("/plan/search/fold-mixed-scripts", test_fold_mixed_scripts);
  g_test_add_func ("/plan/search/abstract-source", test_search_abstract_source);
  g_test_add_func ("/plan/search/real-words", test_search_real_words);
  g_test_add_func ("/plan/search/prepared-in-worker", test_search_prepared_in_worker);
  g_test_add_func ("/plan/search/while-preparing", test_search_while_preparing);
  return g_test_run ();
}
