/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-talk-query"

#include "hallway-bookmarks.h"
#include "hallway-day.h"
#include "hallway-talk.h"
#include "hallway-talk-query.h"
#include "hallway-search.h"

HallwayTalkQuery *
hallway_talk_query_new (void)
{
  return g_new0 (HallwayTalkQuery, 1);
}

void
hallway_talk_query_free (HallwayTalkQuery *query)
{
  if (query == NULL)
    return;
  g_strfreev (query->words);
  g_clear_object (&query->day);
  g_free (query->track);
  g_free (query->room);
  g_free (query->talk_type);
  g_free (query->language);
  g_clear_pointer (&query->hide_ended_before, g_date_time_unref);
  g_free (query);
}

static gboolean
field_matches (const char *wanted, const char *value)
{
  return wanted == NULL || g_strcmp0 (wanted, value) == 0;
}

/* Cheap checks first; the text search last. */
gboolean
hallway_talk_query_matches (HallwayTalkQuery *query, HallwayPlan *plan, HallwayTalk *talk)
{
  const char *track = hallway_talk_get_track_name (talk);

  if (query->day != NULL && hallway_talk_get_day (talk) != query->day)
    return FALSE;
  if (!field_matches (query->track, track) ||
      !field_matches (query->room, hallway_talk_get_room_name (talk)) ||
      !field_matches (query->talk_type, hallway_talk_get_talk_type (talk)) ||
      !field_matches (query->language, hallway_talk_get_language (talk)))
    return FALSE;
  if (query->hide_hidden_tracks &&
      hallway_bookmarks_is_track_hidden (hallway_plan_get_bookmarks (plan), track))
    return FALSE;
  if (query->hide_ended_before != NULL &&
      g_date_time_compare (hallway_talk_get_end (talk), query->hide_ended_before) <= 0)
    return FALSE;
  if (query->bookmarked_only && !hallway_plan_is_bookmarked (plan, talk))
    return FALSE;
  return hallway_search_talk_matches (talk, (const char * const *) query->words);
}
