/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gio/gio.h>

#include "hallway-types.h"
#include "hallway-bookmarks.h"

G_BEGIN_DECLS

#define HALLWAY_TYPE_REMINDER_SERVICE (hallway_reminder_service_get_type ())
G_DECLARE_FINAL_TYPE (HallwayReminderService, hallway_reminder_service, HALLWAY, REMINDER_SERVICE, GObject)

/* Desktop notifications before bookmarked talks, for every followed conference: one
 * reminder scheduler per conference, one timer for all, notifications with the conference
 * and the talk's key in their id (withdrawn when it is unbookmarked), "Open" and "Snooze 5
 * Minutes" buttons (app.open-talk and app.snooze-talk with a (conference id, key)
 * target), and a notification when a bookmarked talk moves or is cancelled. "pending" says
 * whether a reminder is still to come or a shown one's talk has not ended (its buttons
 * still work): the app stays alive for it with the window closed. */
HallwayReminderService *hallway_reminder_service_new         (GApplication           *application,
                                                              GSettings              *settings);
void                    hallway_reminder_service_follow      (HallwayReminderService *self,
                                                              const char             *conference_id,
                                                              HallwayConference      *conference,
                                                              HallwayBookmarks       *bookmarks);
void                    hallway_reminder_service_update      (HallwayReminderService *self,
                                                              const char             *conference_id,
                                                              HallwayConference      *conference,
                                                              GListModel             *bookmarked_changes);
void                    hallway_reminder_service_forget      (HallwayReminderService *self,
                                                              const char             *conference_id);
void                    hallway_reminder_service_snooze      (HallwayReminderService *self,
                                                              const char             *conference_id,
                                                              const char             *key);
/* Re-checks every reminder now: after resume from suspend or a change of the clock. */
void                    hallway_reminder_service_tick        (HallwayReminderService *self);
gboolean                hallway_reminder_service_get_pending (HallwayReminderService *self);

G_END_DECLS
