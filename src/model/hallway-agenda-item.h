/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gio/gio.h>

#include "hallway-plan.h"
#include "hallway-types.h"

G_BEGIN_DECLS

typedef enum
{
  HALLWAY_AGENDA_TALK,       /* a bookmarked talk in the schedule */
  HALLWAY_AGENDA_CANCELLED,  /* a bookmarked talk that left the schedule */
  HALLWAY_AGENDA_GAP,        /* free time between two picks of the same day */
} HallwayAgendaItemKind;

#define HALLWAY_TYPE_AGENDA_ITEM (hallway_agenda_item_get_type ())
G_DECLARE_FINAL_TYPE (HallwayAgendaItem, hallway_agenda_item, HALLWAY, AGENDA_ITEM, GObject)

HallwayAgendaItemKind  hallway_agenda_item_get_kind        (HallwayAgendaItem *self);
/* The talk; NULL for gaps and cancelled talks. */
HallwayTalk          *hallway_agenda_item_get_talk       (HallwayAgendaItem *self);
const char            *hallway_agenda_item_get_key         (HallwayAgendaItem *self);
const char            *hallway_agenda_item_get_title       (HallwayAgendaItem *self);
const char            *hallway_agenda_item_get_room        (HallwayAgendaItem *self);
GDateTime             *hallway_agenda_item_get_start       (HallwayAgendaItem *self);
GDateTime             *hallway_agenda_item_get_end         (HallwayAgendaItem *self);
gboolean               hallway_agenda_item_get_conflicting (HallwayAgendaItem *self);
gboolean               hallway_agenda_item_get_backup      (HallwayAgendaItem *self);

/* My Agenda: the bookmarked talks (cancelled ones included) in time order, with a gap item
 * wherever at least min_gap is free between one pick's end and the next one's start on the
 * same day, and each talk flagged when it overlaps another pick. */
GListModel            *hallway_agenda_build                (HallwayPlan       *plan,
                                                            GTimeSpan          min_gap);

G_END_DECLS
