/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include "hallway-types.h"

G_BEGIN_DECLS

char     *hallway_search_fold          (const char         *text);
GStrv     hallway_search_parse_query   (const char         *query);
gboolean  hallway_search_talk_matches (HallwayTalk       *talk,
                                        const char * const *query_words);

G_END_DECLS
