/* SPDX-License-Identifier: EUPL-1.2 */
/* A talk's row on a real display: with Show Local Time in another zone than the
 * conference's, a row whose list has no header of times or days (Now & Next by room,
 * Changes by group) says the zone after its time; under such a header it does not. */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "hallway-bookmarks.h"
#include "hallway-plan.h"
#include "hallway-talk-row.h"
#include "hallway-test-utils.h"

/* The row's second line: "18:30–18:55 JST · Amara Okafor · Hall A". */
static const char *
details_text (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *found = NULL;

      if (GTK_IS_LABEL (child) && strstr (gtk_label_get_text (GTK_LABEL (child)), "–") != NULL)
        return gtk_label_get_text (GTK_LABEL (child));
      found = details_text (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_zone_after_time (void)
{
  g_autoptr (HallwayConference) conference = hallway_test_read_demo ();
  g_autoptr (GFile) file =
    g_file_new_build_filename (g_get_user_data_dir (), "row-bookmarks.json", NULL);
  g_autoptr (HallwayBookmarks) bookmarks = hallway_bookmarks_new (file);
  g_autoptr (HallwayPlan) plan = hallway_plan_new (conference, bookmarks);
  HallwayTalk *talk =
    hallway_test_find_by_title (conference, "A Free Desktop for Ministries: Three Years In");
  HallwayTalkRow *with_zone = g_object_ref_sink (hallway_talk_row_new (plan));
  HallwayTalkRow *under_header = g_object_ref_sink (hallway_talk_row_new (plan));

  g_setenv ("TZ", "Asia/Tokyo", TRUE);
  hallway_talk_row_set_show_zone (with_zone, TRUE);
  hallway_talk_row_bind (with_zone, talk, NULL);
  hallway_talk_row_bind (under_header, talk, NULL);
  g_assert_true (g_str_has_prefix (details_text (GTK_WIDGET (with_zone)), "10:30–10:55 · "));

  /* The setting switched while the rows are shown: they follow. */
  hallway_plan_set_show_local_time (plan, TRUE);
  g_assert_true (g_str_has_prefix (details_text (GTK_WIDGET (with_zone)), "18:30–18:55 JST · "));
  g_assert_true (g_str_has_prefix (details_text (GTK_WIDGET (under_header)), "18:30–18:55 · "));

  /* In the conference's own zone there is nothing to say. */
  g_setenv ("TZ", "Europe/Brussels", TRUE);
  hallway_talk_row_bind (with_zone, talk, NULL);
  g_assert_true (g_str_has_prefix (details_text (GTK_WIDGET (with_zone)), "10:30–10:55 · "));
  g_unsetenv ("TZ");
  g_object_unref (with_zone);
  g_object_unref (under_header);
}

int
main (int argc, char *argv[])
{
  hallway_test_init (&argc, &argv, HALLWAY_TEST_ISOLATE_DIRS | HALLWAY_TEST_ENGLISH);
  gtk_disable_setlocale ();
  adw_init ();
  g_test_add_func ("/talk-row/zone-after-time", test_zone_after_time);
  return g_test_run ();
}
