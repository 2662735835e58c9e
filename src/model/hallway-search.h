/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gio/gio.h>

#include "hallway-types.h"

G_BEGIN_DECLS

char     *hallway_search_fold             (const char          *text);
GStrv     hallway_search_parse_query      (const char          *query);
gboolean  hallway_search_talk_matches     (HallwayTalk         *talk,
                                           const char * const  *query_words);
gboolean  hallway_search_talk_names_match (HallwayTalk         *talk,
                                           const char * const  *query_words);
void      hallway_search_prepare_async    (GListModel          *talks,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
gboolean  hallway_search_prepare_finish   (GListModel          *talks,
                                           GAsyncResult        *result,
                                           GError             **error);
gboolean  hallway_search_talk_is_prepared (HallwayTalk         *talk);

G_END_DECLS
