/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-event-query"

#include "hallway-bookmarks.h"
#include "hallway-day.h"
#include "hallway-event.h"
#include "hallway-event-query.h"
#include "hallway-search.h"

HallwayEventQuery *
hallway_event_query_new (void)
{
  return g_new0 (HallwayEventQuery, 1);
}

void
hallway_event_query_free (HallwayEventQuery *query)
{
  if (query == NULL)
    return;
  g_strfreev (query->words);
  g_clear_object (&query->day);
  g_free (query->track);
  g_free (query->room);
  g_free (query->event_type);
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
hallway_event_query_matches (HallwayEventQuery *query, HallwayPlan *plan, HallwayEvent *event)
{
  const char *track = hallway_event_get_track_name (event);

  if (query->day != NULL && hallway_event_get_day (event) != query->day)
    return FALSE;
  if (!field_matches (query->track, track) ||
      !field_matches (query->room, hallway_event_get_room_name (event)) ||
      !field_matches (query->event_type, hallway_event_get_event_type (event)) ||
      !field_matches (query->language, hallway_event_get_language (event)))
    return FALSE;
  if (query->hide_hidden_tracks &&
      hallway_bookmarks_is_track_hidden (hallway_plan_get_bookmarks (plan), track))
    return FALSE;
  if (query->hide_ended_before != NULL &&
      g_date_time_compare (hallway_event_get_end (event), query->hide_ended_before) <= 0)
    return FALSE;
  if (query->bookmarked_only && !hallway_plan_is_bookmarked (plan, event))
    return FALSE;
  return hallway_search_event_matches (event, (const char * const *) query->words);
}
