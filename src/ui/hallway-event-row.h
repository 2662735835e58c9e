/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gtk/gtk.h>

#include "hallway-types.h"
#include "hallway-plan.h"

G_BEGIN_DECLS

#define HALLWAY_TYPE_EVENT_ROW (hallway_event_row_get_type ())
G_DECLARE_FINAL_TYPE (HallwayEventRow, hallway_event_row, HALLWAY, EVENT_ROW, GtkWidget)

HallwayEventRow *hallway_event_row_new  (HallwayPlan         *plan);
void             hallway_event_row_bind (HallwayEventRow     *self,
                                         HallwayEvent        *event);
void             hallway_event_row_unbind (HallwayEventRow   *self);

G_END_DECLS
