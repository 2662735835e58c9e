/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <adwaita.h>

#include "hallway-plan.h"
#include "hallway-room-status.h"

G_BEGIN_DECLS

#define HALLWAY_TYPE_TALK_LIST_PAGE (hallway_talk_list_page_get_type ())
G_DECLARE_FINAL_TYPE (HallwayTalkListPage, hallway_talk_list_page, HALLWAY, TALK_LIST_PAGE,
                      AdwNavigationPage)

/* A list of talks with time-slot headers, search and filters. With show_days, a day
 * switcher shows one day at a time (the Schedule); without, all days (a track, a room). */
HallwayTalkListPage *hallway_talk_list_page_new          (HallwayPlan          *plan,
                                                            GListModel           *talks,
                                                            const char           *title,
                                                            const char           *subtitle,
                                                            gboolean              show_days);
void                  hallway_talk_list_page_set_description (HallwayTalkListPage *self,
                                                               const char           *text);
void                  hallway_talk_list_page_group_by_room (HallwayTalkListPage *self);
void                  hallway_talk_list_page_set_room_status (HallwayTalkListPage *self,
                                                              HallwayRoomStatus   *status);
void                  hallway_talk_list_page_set_navigation_url (HallwayTalkListPage *self,
                                                                 const char          *url);
void                  hallway_talk_list_page_set_room_page_url (HallwayTalkListPage *self,
                                                                const char          *url);
void                  hallway_talk_list_page_group_by_change (HallwayTalkListPage *self);
/* Opens the search bar; a text, when given, is typed in. */
void                  hallway_talk_list_page_start_search (HallwayTalkListPage *self,
                                                           const char          *text);
void hallway_talk_list_page_set_bookmarked_only (HallwayTalkListPage *self,
                                                 gboolean bookmarked_only);
void hallway_talk_list_page_set_quiet_text (HallwayTalkListPage *self,
                                            const char          *title,
                                            const char          *description);

G_END_DECLS
