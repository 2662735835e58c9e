/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gio/gio.h>

#include "hallway-bookmarks.h"
#include "hallway-schedule-change.h"
#include "hallway-types.h"

G_BEGIN_DECLS

/* Lead times offered in Preferences: off, at start, 5, 10, 15 and 30 minutes. */
#define HALLWAY_REMINDER_LEAD_OFF      (-1)
#define HALLWAY_REMINDER_LEAD_DEFAULT  10
#define HALLWAY_REMINDER_SNOOZE_MINUTES 5

/* One reminder as "reminder-due" hands it over: what, where, when. */
typedef struct
{
  char      *key;       /* the talk's identity key: also the notification id */
  char      *title;     /* may be NULL */
  char      *room;      /* may be NULL */
  GDateTime *start;
  GDateTime *end;
  GDateTime *due;       /* start − lead, or the end of a snooze */
  gboolean   snoozed;
} HallwayReminder;

#define HALLWAY_TYPE_REMINDER (hallway_reminder_get_type ())
GType            hallway_reminder_get_type (void);
HallwayReminder *hallway_reminder_copy     (const HallwayReminder *reminder);
void             hallway_reminder_free     (HallwayReminder       *reminder);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HallwayReminder, hallway_reminder_free)

#define HALLWAY_TYPE_REMINDER_SCHEDULER (hallway_reminder_scheduler_get_type ())
G_DECLARE_FINAL_TYPE (HallwayReminderScheduler, hallway_reminder_scheduler, HALLWAY,
                      REMINDER_SCHEDULER, GObject)

/* Decides when each bookmarked talk of one conference is reminded of. No timers, no
 * notifications, no clock of its own: every call that depends on the time takes `now`
 * (the app passes g_date_time_new_now_utc (), tests any instant they like). All times
 * are absolute instants taken from the talks' own offsets, so a change of the computer's
 * time zone or a DST switch moves nothing.
 *
 * Rules
 * - One reminder per bookmarked talk, due at start − lead, shown from then until the talk
 *   starts: a late one (after a suspend or a restart) still shows if the talk has not
 *   started, never after. With lead 0 ("at start") the window is the talk's first minute.
 * - Each shown reminder is recorded with the start it was shown for, in the state file,
 *   so a restart shows nothing twice.
 * - A talk that moves is reminded at its new time, never at the old one. If its reminder
 *   was shown already it is shown again only when the new start is more than the lead
 *   later than the start it was shown for (the person would otherwise be waiting in the
 *   room); the stale notification is then withdrawn. A smaller move counts as reminded:
 *   the change notification (describe_change()) tells the new time and room.
 * - A talk that is unbookmarked, or cancelled (gone from the schedule, or its bookmark
 *   marked cancelled), has no reminder; one already shown is withdrawn and forgotten.
 * - snooze() shows a talk's reminder again `minutes` from now, until the talk ends (a
 *   snooze from a notification shown at the start may fire after the start).
 * - Lead HALLWAY_REMINDER_LEAD_OFF turns all reminders off, snoozes included.
 *
 * Driving it
 * The app sets a GLib timeout for get_next_wakeup() and calls tick() when it fires, then
 * sets the next one; it sets it again on "wakeup-changed". A GLib timeout counts on the
 * monotonic clock, which stops while the computer sleeps: a 50-minute timeout set at 13:00
 * before a suspend from 13:00 to 13:55 fires at 14:45, after the talk began. So the app
 * also calls tick() on resume (logind's PrepareForSleep(false)) and when the wall clock is
 * set, and may cap its timeout at a minute as a safety net.
 *
 * Signals
 * - "reminder-due" (HallwayReminder *): show it now (notification id = reminder->key).
 *   Emitted by tick() only, in order of start.
 * - "reminder-withdrawn" (const char *key): withdraw the notification with that id.
 * - "wakeup-changed": the talks, bookmarks, lead or a snooze changed; ask
 *   get_next_wakeup() again. Not emitted by tick(): re-arm after each tick anyway.
 * Properties: "lead-minutes" (int, bindable to GSettings), "saving" (read-only: the state
 * file is being written; hold the GApplication meanwhile). */

/* One scheduler per conference. The state file (NULL: nothing persisted) holds the shown
 * reminders: hallway_paths_dup_reminders_file (conference id). */
HallwayReminderScheduler *
            hallway_reminder_scheduler_new               (GFile                    *state_file);
/* Reads the state file (versioned JSON), before set_conference(). A missing file is an
 * empty state. A damaged one is ignored and replaced at the next write; one written by a
 * newer Hallway is not read and never overwritten. */
gboolean    hallway_reminder_scheduler_load              (HallwayReminderScheduler *self,
                                                          GError                  **error);
const char *hallway_reminder_scheduler_get_recovered_message (HallwayReminderScheduler *self);
/* The schedule (NULL while none is loaded: the bookmarks' snapshots are used) and the
 * bookmarks, followed through their "changed" signal. Call again after every update. */
void        hallway_reminder_scheduler_set_conference    (HallwayReminderScheduler *self,
                                                          HallwayConference        *conference,
                                                          HallwayBookmarks         *bookmarks);
void        hallway_reminder_scheduler_replace_conference (HallwayReminderScheduler *self,
                                                          HallwayConference        *conference);
void        hallway_reminder_scheduler_set_lead_minutes  (HallwayReminderScheduler *self,
                                                          int                       minutes);
int         hallway_reminder_scheduler_get_lead_minutes  (HallwayReminderScheduler *self);
/* The earliest due time among reminders that can still be shown at `now`; at or before
 * `now` means one is due already. NULL when nothing is pending. */
GDateTime  *hallway_reminder_scheduler_get_next_wakeup   (HallwayReminderScheduler *self,
                                                          GDateTime                *now);
/* When the talk's reminder is due (possibly in the past); NULL when none is armed: not
 * bookmarked, cancelled, already shown, or reminders off. */
GDateTime  *hallway_reminder_scheduler_dup_due_time      (HallwayReminderScheduler *self,
                                                          const char               *key);
gboolean    hallway_reminder_scheduler_was_shown         (HallwayReminderScheduler *self,
                                                          const char               *key);
/* Emits "reminder-due" for each reminder due at `now`, records it as shown and saves the
 * state. Returns how many were due. */
guint       hallway_reminder_scheduler_tick              (HallwayReminderScheduler *self,
                                                          GDateTime                *now);
/* FALSE (nothing armed) when the talk is not bookmarked, cancelled, or over by then. */
gboolean    hallway_reminder_scheduler_snooze            (HallwayReminderScheduler *self,
                                                          const char               *key,
                                                          GDateTime                *now,
                                                          int                       minutes);
gboolean    hallway_reminder_scheduler_get_saving        (HallwayReminderScheduler *self);

/* A reminder's summary: the talk's title, shortened to 60 characters at a word boundary
 * ("Scaling national open-source products across Europe…"), so the notification never cuts
 * it mid-word. */
char       *hallway_reminder_scheduler_format_summary    (const char               *title);
/* Its body, which does not repeat the title: "In 10 minutes · AW1.120", the minutes left at
 * `now` rounded up; "Now" in the first minute of the talk; "Started at 14:30" later (a
 * snooze), in display_zone (NULL: the start's own offset); a missing room is left out. */
char       *hallway_reminder_scheduler_format_body       (const char               *room,
                                                          GDateTime                *start,
                                                          GDateTime                *now,
                                                          GTimeZone                *display_zone);
/* "Moved to 14:30, K.3.201 · Title" (the weekday too when the day changed), "Moved to
 * K.3.201 · …", "Now ends at 15:10 · …", "Cancelled · …", times in display_zone (NULL: the
 * talk's own offset). NULL for added or merely edited talks: nothing to notify. */
char       *hallway_reminder_scheduler_describe_change   (HallwayScheduleChange    *change,
                                                          GTimeZone                *display_zone);

G_END_DECLS
