/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <adwaita.h>

#include "hallway-plan.h"

G_BEGIN_DECLS

#define HALLWAY_TYPE_AGENDA_PAGE (hallway_agenda_page_get_type ())
G_DECLARE_FINAL_TYPE (HallwayAgendaPage, hallway_agenda_page, HALLWAY, AGENDA_PAGE,
                      AdwNavigationPage)

/* My Agenda: bookmarked talks per day with the free time between them and overlaps
 * flagged; rebuilt whenever the plan changes. "talk-activated" (HallwayTalk). */
HallwayAgendaPage *hallway_agenda_page_new (HallwayPlan *plan);

G_END_DECLS
