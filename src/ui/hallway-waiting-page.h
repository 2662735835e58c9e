/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define HALLWAY_TYPE_WAITING_PAGE (hallway_waiting_page_get_type ())
G_DECLARE_FINAL_TYPE (HallwayWaitingPage, hallway_waiting_page, HALLWAY, WAITING_PAGE,
                      AdwNavigationPage)

/* What the content side shows while a followed conference has no schedule yet (just
 * added, or its cache was cleared): the schedule being downloaded, or why it could not be,
 * with Try Again (app.refresh). */
HallwayWaitingPage *hallway_waiting_page_new (void);

/* `error` NULL: downloading (a spinner); otherwise the failure, as "URL: what is wrong". */
void hallway_waiting_page_show (HallwayWaitingPage *self, const char *conference_title,
                                const char *error);

G_END_DECLS
