/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gtk/gtk.h>

#include "hallway-room-status.h"

G_BEGIN_DECLS

#define HALLWAY_TYPE_ROOM_BADGE (hallway_room_badge_get_type ())
G_DECLARE_FINAL_TYPE (HallwayRoomBadge, hallway_room_badge, HALLWAY, ROOM_BADGE, GtkWidget)

GtkWidget *hallway_room_badge_new      (void);
/* Follows the room's state in status (either may be NULL: nothing shown). */
void       hallway_room_badge_set_room (HallwayRoomBadge  *self,
                                        HallwayRoomStatus *status,
                                        HallwayRoom       *room);
/* What it says, for a row's accessible description; NULL while it shows nothing. */
const char *hallway_room_badge_get_text (HallwayRoomBadge *self);

G_END_DECLS
