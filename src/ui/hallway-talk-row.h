/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gtk/gtk.h>

#include "hallway-types.h"
#include "hallway-plan.h"

G_BEGIN_DECLS

#define HALLWAY_TYPE_TALK_ROW (hallway_talk_row_get_type ())
G_DECLARE_FINAL_TYPE (HallwayTalkRow, hallway_talk_row, HALLWAY, TALK_ROW, GtkWidget)

HallwayTalkRow *hallway_talk_row_new  (HallwayPlan         *plan);
void             hallway_talk_row_bind (HallwayTalkRow     *self,
                                         HallwayTalk        *talk,
                                         GtkListItem        *list_item);
void             hallway_talk_row_unbind (HallwayTalkRow   *self);
void             hallway_talk_row_set_show_change (HallwayTalkRow *self,
                                                   gboolean        show_change);
/* The zone after the time ("01:30–01:55 JST") when times are shown in another zone than the
 * conference's: for lists whose headers are no times (rooms, change groups). */
void             hallway_talk_row_set_show_zone   (HallwayTalkRow *self,
                                                   gboolean        show_zone);

G_END_DECLS
