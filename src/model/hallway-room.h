/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <glib-object.h>

#include "hallway-types.h"

G_BEGIN_DECLS

#define HALLWAY_TYPE_ROOM (hallway_room_get_type ())
G_DECLARE_FINAL_TYPE (HallwayRoom, hallway_room, HALLWAY, ROOM, GObject)

HallwayRoom *hallway_room_new           (const char  *name);
const char  *hallway_room_get_name      (HallwayRoom *self);
const char  *hallway_room_get_slug      (HallwayRoom *self);
char        *hallway_room_slug_for_name (const char  *name);
char        *hallway_room_location_slug_for_name (const char *name);

G_END_DECLS
