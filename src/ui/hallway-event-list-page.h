/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <adwaita.h>

#include "hallway-plan.h"

G_BEGIN_DECLS

#define HALLWAY_TYPE_EVENT_LIST_PAGE (hallway_event_list_page_get_type ())
G_DECLARE_FINAL_TYPE (HallwayEventListPage, hallway_event_list_page, HALLWAY, EVENT_LIST_PAGE, AdwNavigationPage)

/* A list of talks with time-slot headers, search and filters. With show_days, a day
 * switcher shows one day at a time (the Schedule); without, all days (a track, a room). */
HallwayEventListPage *hallway_event_list_page_new          (HallwayPlan          *plan,
                                                            GListModel           *events,
                                                            const char           *title,
                                                            const char           *subtitle,
                                                            gboolean              show_days);
void                  hallway_event_list_page_set_description (HallwayEventListPage *self,
                                                               const char           *text);
void                  hallway_event_list_page_group_by_room (HallwayEventListPage *self);
void                  hallway_event_list_page_start_search (HallwayEventListPage *self);
void                  hallway_event_list_page_set_bookmarked_only (HallwayEventListPage *self,
                                                                   gboolean              bookmarked_only);

G_END_DECLS
