/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <glib.h>

#include "hallway-types.h"
#include "hallway-plan.h"

G_BEGIN_DECLS

/* What a talk list shows: search words, a day, a track, room, type or language, bookmarked
 * talks only, no past talks, not the tracks the person hid (a list of the whole schedule
 * does that; a track's own page does not). NULL/FALSE fields do not filter. */
typedef struct
{
  GStrv words;              /* from hallway_search_parse_query() */
  HallwayDay *day;
  char *track;
  char *room;
  char *talk_type;
  char *language;
  gboolean bookmarked_only;
  GDateTime *hide_ended_before;
  gboolean hide_hidden_tracks;
} HallwayTalkQuery;

HallwayTalkQuery *hallway_talk_query_new     (void);
void               hallway_talk_query_free    (HallwayTalkQuery *query);
gboolean           hallway_talk_query_matches (HallwayTalkQuery *query,
                                                HallwayPlan       *plan,
                                                HallwayTalk      *talk);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HallwayTalkQuery, hallway_talk_query_free)

G_END_DECLS
