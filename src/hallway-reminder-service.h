/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gio/gio.h>

#include "hallway-library-entry.h"

G_BEGIN_DECLS

#define HALLWAY_TYPE_REMINDER_SERVICE (hallway_reminder_service_get_type ())
G_DECLARE_FINAL_TYPE (HallwayReminderService, hallway_reminder_service, HALLWAY, REMINDER_SERVICE,
                      GObject)

/* Desktop notifications before bookmarked talks, for every followed conference: each
 * conference's own reminder scheduler (HallwayLibraryEntry owns it), one timer for all,
 * notifications with the conference and the talk's key in their id (withdrawn when it is
 * unbookmarked), "Open" and "Snooze 5 Minutes" buttons (app.open-talk and app.snooze-talk
 * with a (conference id, key) target), and a notification when a bookmarked talk moves or
 * is cancelled. "pending" says whether a reminder is still to come or a shown one's talk
 * has not ended (its buttons still work): while it is, and the "run-in-background" setting
 * allows it, the service holds the application (a GtkApplication) and asks the background
 * portal to let it run without a window (and to start at login when "start-at-login"). */
HallwayReminderService *hallway_reminder_service_new         (GApplication           *application,
                                                              GSettings              *settings);
/* From when the entry's schedule is known (at once if it is) until forgotten; each new
 * version of it moves the reminders with their talks. */
void                    hallway_reminder_service_follow      (HallwayReminderService *self,
                                                              HallwayLibraryEntry    *entry);
void                    hallway_reminder_service_forget      (HallwayReminderService *self,
                                                              HallwayLibraryEntry    *entry);
void                    hallway_reminder_service_snooze      (HallwayReminderService *self,
                                                              const char             *conference_id,
                                                              const char             *key);
/* Re-checks every reminder now: after resume from suspend or a change of the clock. */
void                    hallway_reminder_service_tick        (HallwayReminderService *self);
gboolean                hallway_reminder_service_get_pending (HallwayReminderService *self);
/* Background requests wait from hold until release: the app holds them until its window's
 * first frame (loading libportal and asking over D-Bus delayed it, issue 13), which also
 * gives the portal's dialog a realized window to belong to. */
void                    hallway_reminder_service_hold_portal    (HallwayReminderService *self);
void                    hallway_reminder_service_release_portal (HallwayReminderService *self);

G_END_DECLS
