/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gio/gio.h>

#include "hallway-library.h"
#include "hallway-types.h"

G_BEGIN_DECLS

/* The desktop's search (GNOME Shell, KRunner) over the followed conferences, as they are in
 * memory from the cache: never the network. A talk matches as in the window's search
 * (hallway_search_talk_matches: every word, folded). A result id is
 * "<conference id>/<talk key>": stable across runs, and it says which conference and talk
 * (a library id never holds a '/'). */

/* Every matching talk of every followed conference, in library order, then schedule
 * order. */
GStrv        hallway_desktop_search_find     (HallwayLibrary      *library,
                                              const char * const  *terms);
/* The ones of previous that still match: the person typed on. */
GStrv        hallway_desktop_search_refine   (HallwayLibrary      *library,
                                              const char * const  *previous,
                                              const char * const  *terms);
/* The talk a result id names, and its conference; NULL for an id of a conference or talk
 * that is gone. */
HallwayTalk *hallway_desktop_search_lookup   (HallwayLibrary      *library,
                                              const char          *result_id,
                                              HallwayLibraryEntry **entry);
/* What a result says under its title: "Sat 31 Jan, 10:30–10:55 · Janson", in the
 * conference's time, or the computer's with local_time (the setting "show-local-time", as
 * the window shows them). */
char        *hallway_desktop_search_describe (HallwayLibraryEntry *entry,
                                              HallwayTalk         *talk,
                                              gboolean             local_time);

G_END_DECLS
