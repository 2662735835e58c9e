/* SPDX-License-Identifier: EUPL-1.2 */
/* Search benchmark: the filter run on every keystroke of the Schedule's search, over all
 * FOSDEM 2026 talks, as the list's GtkCustomFilter calls it. The first keystroke builds
 * every talk's search text, unless the worker the window starts after its first frame
 * (hallway_search_prepare_async ()) has done it; later keystrokes reuse it. Each is printed
 * as a ratio to an anchor measured in the same runs (Unicode case folding of every talk's
 * title and abstract source, no parsing), interleaved, min and median; asserts nothing. The
 * first keystroke after the worker and the later ones are also printed as rows of issue 13's
 * table for bench-summary.py (tests/bench_rows.py describes the line). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hallway-bookmarks.h"
#include "hallway-conference.h"
#include "hallway-html-sanitizer.h"
#include "hallway-plan.h"
#include "hallway-search.h"
#include "hallway-talk-private.h"
#include "hallway-talk-query.h"
#include "hallway-test-utils.h"

#define RUNS 9

static const char * const keystrokes[] = {
  "f", "fl", "flu", "flur", "flurf", "flurfu", "flurfun", "flurfunk",
  "t", "ti", "tim", "timo", "timot", "timoth", "timothe", "timothee",
};

enum { ANCHOR, BEFORE, UNPREPARED, PREPARED, LATER, N_MEASURES };

static const char * const measure_names[] = {
  "anchor: case folding every title and abstract source",
  "first keystroke before issue 13 (abstracts parsed 3 times, whole-text fold)",
  "first keystroke, search text built then (before the worker finished)",
  "first keystroke after the worker prepared the search",
  "later keystrokes (median of 16)",
};

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static double
anchor_ms (GListModel *talks)
{
  gint64 start = g_get_monotonic_time ();

  for (guint i = 0; i < g_list_model_get_n_items (talks); i++)
    {
      g_autoptr (HallwayTalk) talk = g_list_model_get_item (talks, i);
      const char *source = hallway_rich_text_get_source (&talk->abstract);
      g_autofree char *title = g_utf8_casefold (talk->title ? talk->title : "", -1);
      g_autofree char *abstract = g_utf8_casefold (source ? source : "", -1);
    }
  return ms_since (start);
}

/* How the first keystroke made a talk's search text before issue 13: the abstract
 * sanitized, sanitized again and parsed to plain text, and the whole text folded through
 * NFKD and case folding. */
static char *
fold_before (const char *text)
{
  g_autofree char *decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFKD);
  g_autoptr (GString) stripped = g_string_new (NULL);

  for (const char *p = decomposed; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_ismark (c))
        g_string_append_unichar (stripped, g_unichar_isspace (c) ? ' ' : c);
    }
  return g_utf8_casefold (stripped->str, stripped->len);
}

static double
before_ms (GListModel *talks, const char *word)
{
  gint64 start = g_get_monotonic_time ();
  guint matches = 0;

  for (guint i = 0; i < g_list_model_get_n_items (talks); i++)
    {
      g_autoptr (HallwayTalk) talk = g_list_model_get_item (talks, i);
      g_autofree char *speakers = hallway_talk_dup_speakers (talk);
      g_autofree char *abstract = hallway_html_to_plain_text (hallway_talk_get_abstract (talk));
      g_autofree char *joined = g_strjoin ("\n", talk->title ? talk->title : "",
                                           talk->subtitle ? talk->subtitle : "", speakers,
                                           hallway_talk_get_track_name (talk) ?: "",
                                           hallway_talk_get_room_name (talk) ?: "", abstract,
                                           NULL);
      g_autofree char *folded = fold_before (joined);

      matches += strstr (folded, word) != NULL;
    }
  g_assert_cmpuint (matches, >, 0);
  return ms_since (start);
}

static guint
filter_all (GListModel *talks, HallwayTalkQuery *query, HallwayPlan *plan)
{
  guint matches = 0;

  for (guint i = 0; i < g_list_model_get_n_items (talks); i++)
    {
      g_autoptr (HallwayTalk) talk = g_list_model_get_item (talks, i);

      matches += hallway_talk_query_matches (query, plan, talk);
    }
  return matches;
}

static double
keystroke_ms (GListModel *talks, HallwayPlan *plan, const char *text, guint *matches)
{
  g_autoptr (HallwayTalkQuery) query = hallway_talk_query_new ();
  gint64 start = g_get_monotonic_time ();

  query->words = hallway_search_parse_query (text);
  *matches = filter_all (talks, query, plan);
  return ms_since (start);
}

static int
compare_doubles (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *values, guint n)
{
  qsort (values, n, sizeof *values, compare_doubles);
  return values[n / 2];
}

/* A "bench-row" line; sorts the runs' values (median ()). Numbers in JSON's notation
 * whatever the locale. */
static void
print_row (const char *row, double *ratios, double *times)
{
  double ratio_median = median (ratios, RUNS);
  double ms_median = median (times, RUNS);
  const double numbers[] = { ratios[0], ratio_median, times[0], ms_median };
  char text[G_N_ELEMENTS (numbers)][G_ASCII_DTOSTR_BUF_SIZE];

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    g_ascii_formatd (text[i], sizeof text[i], "%.4f", numbers[i]);
  printf ("bench-row {\"row\": \"%s\", \"anchor\": \"case folding every title and abstract "
          "source\", \"runs\": %d, \"ratio\": [%s, %s], \"value\": [%s, %s], "
          "\"unit\": \"ms\"}\n",
          row, RUNS, text[0], text[1], text[2], text[3]);
}

static HallwayPlan *
read_plan (const char *path)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFile) bookmarks_file = g_file_new_for_path ("/nonexistent/bookmarks.json");
  g_autoptr (HallwayConference) conference = hallway_schedule_read_file (file, NULL, NULL);
  g_autoptr (HallwayBookmarks) bookmarks = hallway_bookmarks_new (bookmarks_file);

  g_assert_nonnull (conference);
  return hallway_plan_new (conference, bookmarks);
}

/* One run: a fresh conference searched at once, another searched after the worker. */
static void
run_once (const char *path, double times[N_MEASURES], guint *flurfunk_matches)
{
  g_autoptr (HallwayPlan) plan = read_plan (path);
  g_autoptr (HallwayPlan) prepared = read_plan (path);
  g_autoptr (HallwayPlan) before = read_plan (path);
  GListModel *talks = G_LIST_MODEL (hallway_plan_get_conference (plan));
  GListModel *prepared_talks = G_LIST_MODEL (hallway_plan_get_conference (prepared));
  g_autoptr (GAsyncResult) result = NULL;
  double later[G_N_ELEMENTS (keystrokes)];
  guint matches;

  times[ANCHOR] = anchor_ms (talks);
  times[BEFORE] = before_ms (G_LIST_MODEL (hallway_plan_get_conference (before)), keystrokes[0]);
  times[UNPREPARED] = keystroke_ms (talks, plan, keystrokes[0], &matches);

  hallway_search_prepare_async (prepared_talks, NULL, hallway_test_store_result_cb, &result);
  g_assert_true (hallway_search_prepare_finish (prepared_talks, hallway_test_wait (&result),
                                                NULL));
  times[PREPARED] = keystroke_ms (prepared_talks, prepared, keystrokes[0], &matches);

  for (guint i = 0; i < G_N_ELEMENTS (keystrokes); i++)
    {
      later[i] = keystroke_ms (talks, plan, keystrokes[i], &matches);
      if (i == 7)
        *flurfunk_matches = matches;
    }
  times[LATER] = median (later, G_N_ELEMENTS (later));
}

int
main (int argc, char *argv[])
{
  const char *folder = g_getenv ("HALLWAY_SCHEDULES");
  g_autofree char *path = NULL;
  double times[N_MEASURES][RUNS];
  double ratios[N_MEASURES][RUNS];
  guint flurfunk = 0;

  if (folder == NULL || !g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      printf ("the shared schedules folder is absent: skipped\n");
      return 77;
    }
  path = g_build_filename (folder, "fosdem-2026.xml", NULL);

  for (guint run = 0; run < RUNS; run++)
    {
      double once[N_MEASURES];

      run_once (path, once, &flurfunk);
      for (guint m = 0; m < N_MEASURES; m++)
        {
          times[m][run] = once[m];
          ratios[m][run] = once[m] / once[ANCHOR];
        }
    }

  printf ("search over FOSDEM 2026 (title, subtitle, speakers, track, room, abstract), "
          "%d interleaved runs;\n"
          "ratio to the anchor (min / median), milliseconds (min / median):\n", RUNS);
  for (guint m = 0; m < N_MEASURES; m++)
    {
      double ratio_median = median (ratios[m], RUNS);
      double ms_median = median (times[m], RUNS);

      printf ("  %-76s %6.2f× / %6.2f×  %8.2f / %8.2f ms\n", measure_names[m], ratios[m][0],
              ratio_median, times[m][0], ms_median);
    }
  printf ("  \"flurfunk\" matches %s\n", flurfunk > 0 ? "found" : "none");
  printf ("goals: a first keystroke under 16 ms (one frame), later ones under 1 ms\n");
  print_row ("search-first", ratios[PREPARED], times[PREPARED]);
  print_row ("search-later", ratios[LATER], times[LATER]);
  return 0;
}
