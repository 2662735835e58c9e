/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <glib-object.h>

#include "hallway-types.h"

G_BEGIN_DECLS

#define HALLWAY_TYPE_DAY (hallway_day_get_type ())
G_DECLARE_FINAL_TYPE (HallwayDay, hallway_day, HALLWAY, DAY, GObject)

HallwayDay *hallway_day_new       (guint       index,
                                   GDateTime  *date);
guint       hallway_day_get_index (HallwayDay *self);
GDateTime  *hallway_day_get_date  (HallwayDay *self);
char       *hallway_day_dup_iso_date (HallwayDay *self);
void        hallway_day_set_index (HallwayDay *self,
                                   guint       index);

G_END_DECLS
