/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gio/gio.h>

#include "hallway-bookmarks.h"
#include "hallway-conference-private.h"
#include "hallway-talk-private.h"
#include "hallway-plan.h"

G_BEGIN_DECLS

/* A hand-built two-day plan for the agenda exports (text and print). Saturday: a backup
 * pick, two overlapping talks, free time, a title with Markdown syntax and a line break,
 * a talk cancelled by an update, free time again; Sunday: two talks, one with a long title. */

#define HALLWAY_TEST_AGENDA_LONG_TITLE \
  "Building Europe’s public digital infrastructure with open source, open standards and " \
  "open data: what a decade of cross-border projects taught us"

/* A talk in the track "Desktop"; speakers "A, B" or NULL. */
void               hallway_test_agenda_add_talk   (HallwayConference *conference,
                                                   const char        *guid,
                                                   const char        *title,
                                                   const char        *start_iso,
                                                   int                minutes,
                                                   const char        *room,
                                                   const char        *speakers);
/* FOSDEM 2027 as above; with_gone_talk: the first version, with the talk an update drops. */
HallwayConference *hallway_test_agenda_conference (gboolean           with_gone_talk);
/* Every talk bookmarked, "backup" as a backup pick, then an update that drops "gone". The
 * bookmarks are stored in bookmarks_file. */
HallwayPlan       *hallway_test_agenda_plan_new   (GFile             *bookmarks_file);

G_END_DECLS
