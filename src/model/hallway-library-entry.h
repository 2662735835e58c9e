/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gio/gio.h>

#include "hallway-bookmarks.h"
#include "hallway-ical-export.h"
#include "hallway-plan.h"
#include "hallway-reminder-scheduler.h"
#include "hallway-room-status.h"
#include "hallway-subscription.h"
#include "hallway-types.h"

G_BEGIN_DECLS

#define HALLWAY_TYPE_LIBRARY_ENTRY (hallway_library_entry_get_type ())
G_DECLARE_FINAL_TYPE (HallwayLibraryEntry, hallway_library_entry, HALLWAY, LIBRARY_ENTRY, GObject)

/* One conference and everything of it, in one place.
 *
 * A followed conference (an item of HallwayLibrary) owns its subscription (which keeps the
 * cached schedule and fetches new versions), its bookmarks, its plan (the conference as
 * the person sees it: bookmarks, changes, overlaps), its reminder scheduler and its export
 * sequences, and knows the path of each of its files. The plan exists once the conference
 * is known (from the cache or the first download): "notify::plan" says so; the scheduler
 * once someone wants reminders (hallway_library_entry_ensure_reminder_scheduler). A new
 * version updates the plan and the scheduler, then "updated" (HallwayConference *,
 * GListModel * of HallwayScheduleChange) tells the rest.
 *
 * A built-in conference (the bundled demo) has a schedule and bookmarks but no
 * subscription, and is never written to library.json. Its bookmarks are not read by the
 * constructor: load them (hallway_bookmarks_load) before asking for its plan, which is
 * made then.
 *
 * A known conference (an item of the catalogue) has only a title, a location and
 * "follow", which says whether a new library starts with it.
 *
 * The id is stable: it names the conference's files. The title is the schedule's own once
 * one was read, the stored or catalogue title until then ("notify::title"). */
HallwayLibraryEntry    *hallway_library_entry_new_followed   (const char          *id,
                                                              const char          *location,
                                                              const char          *title,
                                                              GDateTime           *added,
                                                              HallwaySubscription *subscription);
HallwayLibraryEntry    *hallway_library_entry_new_builtin    (const char          *id,
                                                              HallwayConference   *conference);
HallwayLibraryEntry    *hallway_library_entry_new_known      (const char          *title,
                                                              const char          *location,
                                                              const char          *subtitle,
                                                              gboolean             follow);

const char             *hallway_library_entry_get_id           (HallwayLibraryEntry *self);
const char             *hallway_library_entry_get_location     (HallwayLibraryEntry *self);
const char             *hallway_library_entry_get_title        (HallwayLibraryEntry *self);
const char             *hallway_library_entry_get_subtitle     (HallwayLibraryEntry *self);
GDateTime              *hallway_library_entry_get_added        (HallwayLibraryEntry *self);
gboolean                hallway_library_entry_get_follow       (HallwayLibraryEntry *self);
gboolean                hallway_library_entry_is_builtin       (HallwayLibraryEntry *self);
/* NULL for a built-in or known conference. */
HallwaySubscription    *hallway_library_entry_get_subscription (HallwayLibraryEntry *self);
/* NULL until the conference is known. */
HallwayConference      *hallway_library_entry_get_conference   (HallwayLibraryEntry *self);
/* NULL for a known conference. */
HallwayBookmarks       *hallway_library_entry_get_bookmarks    (HallwayLibraryEntry *self);
HallwayPlan            *hallway_library_entry_get_plan         (HallwayLibraryEntry *self);
/* Changes seen: gone from the plan, and from the cache so a restart does not bring them back
 * (hallway_subscription_dismiss_changes). */
void                    hallway_library_entry_dismiss_changes  (HallwayLibraryEntry *self);
/* NULL until ensured. */
HallwayReminderScheduler *
                        hallway_library_entry_get_reminder_scheduler (HallwayLibraryEntry *self);
/* Made with this lead (HALLWAY_REMINDER_LEAD_OFF for none) once the plan is there; NULL
 * before. Its state is read from the conference's reminders file then, not before: the
 * command line, which wants no reminders, never touches that file. */
HallwayReminderScheduler *
                        hallway_library_entry_ensure_reminder_scheduler (HallwayLibraryEntry *self,
                                                                         int lead_minutes);
/* The SEQUENCE store of the conference's exports, read afresh from its file at each call:
 * another Hallway may have exported since. A damaged or newer file is told with g_warning
 * and the store starts afresh; never NULL. */
HallwayExportSequences *hallway_library_entry_load_export_sequences (HallwayLibraryEntry *self);

/* The conference's files (see HACKING.md, "State on disk"). */
GFile                  *hallway_library_entry_dup_bookmarks_file        (HallwayLibraryEntry *self);
GFile                  *hallway_library_entry_dup_reminders_file        (HallwayLibraryEntry *self);
GFile                  *hallway_library_entry_dup_export_sequences_file (HallwayLibraryEntry *self);

/* Deletes the conference's bookmarks, reminder state, export sequences and cached
 * schedule; files that are not there are fine. */
gboolean                hallway_library_entry_delete_files (HallwayLibraryEntry *self,
                                                           GError             **error);

/* The venue, from the catalogue: the room status URL, the campus navigation ("{room}" for
 * a room's location slug, hallway_room_location_slug_for_name) and a room's page on the
 * website ("{room}" for its slug); NULL for none, as for most conferences. */
void                    hallway_library_entry_set_venue    (HallwayLibraryEntry *self,
                                                           const char          *room_status_url,
                                                           const char          *navigation_url,
                                                           const char          *room_page_url);
const char             *hallway_library_entry_get_room_status_url (HallwayLibraryEntry *self);
const char             *hallway_library_entry_get_navigation_url  (HallwayLibraryEntry *self);
char                   *hallway_library_entry_dup_room_navigation_url (HallwayLibraryEntry *self,
                                                                       HallwayRoom         *room);
const char             *hallway_library_entry_get_room_page_url   (HallwayLibraryEntry *self);
char                   *hallway_library_entry_dup_room_page_url   (HallwayLibraryEntry *self,
                                                                   HallwayRoom         *room);
/* Made, and polling while the conference is live, the first time it is asked once the
 * conference is known; NULL without a room status URL. */
HallwayRoomStatus      *hallway_library_entry_ensure_room_status (HallwayLibraryEntry *self);
HallwayRoomStatus      *hallway_library_entry_get_room_status    (HallwayLibraryEntry *self);
/* The catalogue's "room-stream": a room's live stream to play in Hallway, "{room}" for the
 * room's slug (FOSDEM: https://stream.fosdem.org/{room}.m3u8); NULL for none. */
void                    hallway_library_entry_set_room_stream (HallwayLibraryEntry *self,
                                                              const char          *stream_url);
const char             *hallway_library_entry_get_room_stream (HallwayLibraryEntry *self);
char                   *hallway_library_entry_dup_room_stream_url (HallwayLibraryEntry *self,
                                                                  HallwayRoom         *room);

/* Sets the title unless empty; the library and the catalogue keep theirs in step. */
void                    hallway_library_entry_set_title    (HallwayLibraryEntry *self,
                                                           const char          *title);

G_END_DECLS
