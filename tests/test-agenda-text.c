/* SPDX-License-Identifier: EUPL-1.2 */
/* "Copy agenda as text": My Agenda of a hand-built two-day plan as plain text and as
 * Markdown, with overlaps, a backup pick, a cancelled talk, gaps and a title full of
 * Markdown syntax. */

#include "hallway-agenda-text.h"
#include "hallway-test-agenda.h"
#include "hallway-test-utils.h"

#define LONG_LINE_END \
  " — UB5.230 (Europe room) (Jan Janssens, Marie Dupont, Wolfgang Müller, Ana Sousa)"

typedef struct
{
  HallwayPlan *plan;
} Fixture;

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GFile) file = g_file_new_build_filename (g_get_user_data_dir (), "agenda.json", NULL);

  fixture->plan = hallway_test_agenda_plan_new (file);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  g_clear_object (&fixture->plan);
}

static void
test_plain (Fixture *fixture, gconstpointer data)
{
  g_autofree char *text = hallway_agenda_text_format (fixture->plan, FALSE);

  g_assert_cmpstr (text, ==,
                   "FOSDEM 2027 — My Agenda\n"
                   "Times in CET (Europe/Brussels)\n"
                   "\n"
                   "Saturday 6 February\n"
                   "09:00–09:30  Plan B — C (backup pick)\n"
                   "09:00–09:50  Keynote — Hall (Ada Lovelace) (overlaps another pick)\n"
                   "09:30–10:00  Clash in B — B (Timothée Lambert) (overlaps another pick)\n"
                   "  … free 1 h 30 min …\n"
                   "11:30–12:00  Rust *and* C_lang [WIP] — Hall\n"
                   "12:00–12:30  Gone talk — B (cancelled)\n"
                   "  … free 1 h …\n"
                   "13:00–13:30  Back to back — B\n"
                   "\n"
                   "Sunday 7 February\n"
                   "10:00–10:30  Sunday talk — Hall (Ada Lovelace, Grace Hopper)\n"
                   "10:30–11:10  " HALLWAY_TEST_AGENDA_LONG_TITLE LONG_LINE_END "\n");
}

static void
test_markdown (Fixture *fixture, gconstpointer data)
{
  g_autofree char *text = hallway_agenda_text_format (fixture->plan, TRUE);

  g_assert_cmpstr (text, ==,
                   "# FOSDEM 2027 — My Agenda\n"
                   "\n"
                   "Times in CET (Europe/Brussels)\n"
                   "\n"
                   "## Saturday 6 February\n"
                   "\n"
                   "- **09:00–09:30** Plan B — C *(backup pick)*\n"
                   "- **09:00–09:50** Keynote — Hall (Ada Lovelace) *(overlaps another pick)*\n"
                   "- **09:30–10:00** Clash in B — B (Timothée Lambert) *(overlaps another pick)*\n"
                   "- *… free 1 h 30 min …*\n"
                   "- **11:30–12:00** Rust \\*and\\* C\\_lang \\[WIP\\] — Hall\n"
                   "- **12:00–12:30** ~~Gone talk~~ — B *(cancelled)*\n"
                   "- *… free 1 h …*\n"
                   "- **13:00–13:30** Back to back — B\n"
                   "\n"
                   "## Sunday 7 February\n"
                   "\n"
                   "- **10:00–10:30** Sunday talk — Hall (Ada Lovelace, Grace Hopper)\n"
                   "- **10:30–11:10** " HALLWAY_TEST_AGENDA_LONG_TITLE LONG_LINE_END "\n");
}

/* TZ is UTC for this binary (main): local time moves every talk an hour earlier. */
static void
test_local_time (Fixture *fixture, gconstpointer data)
{
  g_autofree char *text = NULL;

  hallway_plan_set_show_local_time (fixture->plan, TRUE);
  text = hallway_agenda_text_format (fixture->plan, FALSE);
  g_assert_true (g_str_has_prefix (text, "FOSDEM 2027 — My Agenda\n"
                                         "Times in UTC\n"
                                         "\n"
                                         "Saturday 6 February\n"
                                         "08:00–08:30  Plan B — C (backup pick)\n"));
}

static void
test_empty (void)
{
  g_autoptr (GFile) file = g_file_new_build_filename (g_get_user_data_dir (), "empty.json", NULL);
  g_autoptr (HallwayConference) conference = hallway_test_agenda_conference (TRUE);
  g_autoptr (HallwayBookmarks) bookmarks = hallway_bookmarks_new (file);
  g_autoptr (HallwayPlan) plan = hallway_plan_new (conference, bookmarks);
  g_autofree char *plain = hallway_agenda_text_format (plan, FALSE);
  g_autofree char *markdown = hallway_agenda_text_format (plan, TRUE);

  g_assert_cmpstr (plain, ==, "FOSDEM 2027 — My Agenda\n\nNo talks bookmarked yet.\n");
  g_assert_cmpstr (markdown, ==, "# FOSDEM 2027 — My Agenda\n\nNo talks bookmarked yet.\n");
}

static void
test_durations (void)
{
  const struct { int minutes; const char *text; } cases[] = {
    { 10, "10 min" }, { 59, "59 min" }, { 60, "1 h" }, { 90, "1 h 30 min" }, { 185, "3 h 5 min" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text =
        hallway_agenda_format_duration (cases[i].minutes * G_TIME_SPAN_MINUTE);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

int
main (int argc, char *argv[])
{
  /* A known local zone, whatever the machine's. */
  g_setenv ("TZ", "UTC", TRUE);
  hallway_test_init (&argc, &argv, HALLWAY_TEST_ISOLATE_DIRS | HALLWAY_TEST_ENGLISH);

  g_test_add ("/export/agenda-text/plain", Fixture, NULL, fixture_set_up, test_plain,
              fixture_tear_down);
  g_test_add ("/export/agenda-text/markdown", Fixture, NULL, fixture_set_up, test_markdown,
              fixture_tear_down);
  g_test_add ("/export/agenda-text/local-time", Fixture, NULL, fixture_set_up, test_local_time,
              fixture_tear_down);
  g_test_add_func ("/export/agenda-text/empty", test_empty);
  g_test_add_func ("/export/agenda-text/durations", test_durations);
  return g_test_run ();
}
