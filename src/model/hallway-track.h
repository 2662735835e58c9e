/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <glib-object.h>

#include "hallway-types.h"

G_BEGIN_DECLS

#define HALLWAY_TYPE_TRACK (hallway_track_get_type ())
G_DECLARE_FINAL_TYPE (HallwayTrack, hallway_track, HALLWAY, TRACK, GObject)

HallwayTrack *hallway_track_new       (const char   *name);
const char   *hallway_track_get_name  (HallwayTrack *self);
const char   *hallway_track_get_slug  (HallwayTrack *self);
const char   *hallway_track_get_color (HallwayTrack *self);
void          hallway_track_set_slug  (HallwayTrack *self,
                                       const char   *slug);
void          hallway_track_set_color (HallwayTrack *self,
                                       const char   *color);

G_END_DECLS
