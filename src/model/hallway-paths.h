/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Every file and folder Hallway writes, in one place. All of them are in a folder named
 * after the build profile's app id (meson's HALLWAY_FOLDER_*), so a .Devel build keeps to
 * its own files. The XDG folders are asked at each call, never kept: tests isolate them
 * per test case (G_TEST_OPTION_ISOLATE_DIRS). <id> is a conference's library id. */

/* "default" or "development" (meson's profile option) → the folder name; NULL otherwise. */
const char *hallway_paths_folder_for_profile        (const char *profile);
/* The folder name of this build's profile. */
const char *hallway_paths_get_folder_name           (void);

/* $XDG_DATA_HOME/<folder>: library.json, bookmarks/, exports-<id>.json */
GFile      *hallway_paths_dup_data_folder           (void);
/* $XDG_CACHE_HOME/<folder>: schedules/ */
GFile      *hallway_paths_dup_cache_folder          (void);
/* $XDG_STATE_HOME/<folder>: reminders-<id>.json */
GFile      *hallway_paths_dup_state_folder          (void);

/* <data>/library.json: the conferences followed (HallwayLibrary). */
GFile      *hallway_paths_dup_library_file          (void);
/* <data>/bookmarks/ and <data>/bookmarks/<id>.json (HallwayBookmarks). */
GFile      *hallway_paths_dup_bookmarks_folder      (void);
GFile      *hallway_paths_dup_bookmarks_file        (const char *id);
/* <state>/reminders-<id>.json: which reminders were shown (HallwayReminderScheduler). */
GFile      *hallway_paths_dup_reminders_file        (const char *id);
/* <data>/exports-<id>.json: the SEQUENCE of each exported talk (HallwayExportSequences). */
GFile      *hallway_paths_dup_exports_file          (const char *id);

/* <cache>/schedules/<SHA-256 of url>/: the payload and meta.json of what was downloaded
 * from url (HallwayScheduleCache), a followed conference's schedule or the catalogue at
 * the catalogue-url key alike. */
GFile      *hallway_paths_dup_schedule_cache_folder (const char *url);

G_END_DECLS
