/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gio/gio.h>

#include "hallway-fetcher.h"
#include "hallway-library-entry.h"
#include "hallway-subscription.h"

G_BEGIN_DECLS

#define HALLWAY_LIBRARY_ERROR (hallway_library_error_quark ())

typedef enum
{
  HALLWAY_LIBRARY_ERROR_NEWER_VERSION, /* from a newer Hallway: neither read nor overwritten */
  HALLWAY_LIBRARY_ERROR_CORRUPT,       /* damaged: moved aside to "library.json.corrupt" */
  HALLWAY_LIBRARY_ERROR_UNKNOWN,       /* no conference with that id in the library */
  HALLWAY_LIBRARY_ERROR_CATALOGUE,     /* a catalogue file that cannot be used */
} HallwayLibraryError;

GQuark hallway_library_error_quark (void);

#define HALLWAY_TYPE_LIBRARY (hallway_library_get_type ())
G_DECLARE_FINAL_TYPE (HallwayLibrary, hallway_library, HALLWAY, LIBRARY, GObject)

/* The conferences the user follows, side by side: a GListModel of HallwayLibraryEntry, in
 * the order they were added, each with its HallwaySubscription. All subscriptions share
 * the library's fetcher. Stored in <user data dir>/<hallway_paths folder>/library.json
 * ({"version": 1, "current": id, "conferences": [{"id", "location", "title", "added"}]}),
 * written atomically in a worker thread, one write after the other.
 *
 * Call hallway_library_load_async() first: adding, removing and choosing the current
 * conference need the list as stored, or a write would lose it. A library.json written by
 * a newer Hallway, or one that cannot be read, leaves the library empty and refuses every
 * change (the file stays as it is); a damaged one is moved aside and the library starts
 * empty. Saves that run in the background (after remove, set_current or a new title)
 * report a failure in "last-error", cleared by the next good save. */
HallwayLibrary      *hallway_library_new                  (HallwayFetcher       *fetcher);
HallwayFetcher      *hallway_library_get_fetcher          (HallwayLibrary       *self);
GFile               *hallway_library_get_file             (HallwayLibrary       *self);
const char          *hallway_library_get_last_error       (HallwayLibrary       *self);
const char          *hallway_library_get_recovered_message (HallwayLibrary *self);

/* Conferences the user may follow, of HallwayLibraryEntry: the administrator's catalogue
 * once the library is loaded (the one at the catalogue URL, else the Flatpak extension's
 * or the system's file: see hallway_catalogue_read_system()), Hallway's built-in one
 * until then or when there is none. */
GListModel          *hallway_library_get_catalogue        (HallwayLibrary       *self);

/* An administrator's catalogue to download, from the GSettings key "catalogue-url": an
 * http(s) URL; NULL or "" for none. Set it before hallway_library_load_async(), which then
 * starts from its cached copy and checks the URL in the background, or, with nothing
 * cached yet, waits for the download (20 s at most), so that a first start follows its
 * "follow" conferences. Fetched by the library's fetcher (conditional requests, its
 * timeouts), at most 1 MiB, cached like a schedule. Used instead of the catalogue files;
 * when neither a download nor a cached copy can be used, the files are. */
void                 hallway_library_set_catalogue_url    (HallwayLibrary       *self,
                                                           const char           *url);
const char          *hallway_library_get_catalogue_url    (HallwayLibrary       *self);

/* Checks the catalogue URL (a conditional request); a new version is cached and replaces
 * the catalogue's items. A version that cannot be used changes nothing and fails with
 * HALLWAY_LIBRARY_ERROR_CATALOGUE naming the URL; network errors are the fetcher's.
 * Succeeds at once without a URL. Only after loading. */
void                 hallway_library_refresh_catalogue_async  (HallwayLibrary       *self,
                                                               GCancellable         *cancellable,
                                                               GAsyncReadyCallback   callback,
                                                               gpointer              user_data);
gboolean             hallway_library_refresh_catalogue_finish (HallwayLibrary       *self,
                                                               GAsyncResult         *result,
                                                               GError              **error);

HallwayLibraryEntry *hallway_library_lookup               (HallwayLibrary       *self,
                                                           const char           *id);
HallwayLibraryEntry *hallway_library_lookup_location      (HallwayLibrary       *self,
                                                           const char           *location);
HallwayLibraryEntry *hallway_library_lookup_subscription  (HallwayLibrary       *self,
                                                           HallwaySubscription  *subscription);

/* Reads the catalogue and library.json, fills the list, then loads each conference's
 * cached copy (offline first); finishes when all are loaded (a conference without a
 * usable cached copy is listed without a schedule: refresh it). On the very first start
 * (no library.json yet) the catalogue's "follow" conferences are added. Fails with the
 * HALLWAY_LIBRARY_ERROR about library.json; the list is usable all the same. */
void                 hallway_library_load_async           (HallwayLibrary       *self,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
gboolean             hallway_library_load_finish          (HallwayLibrary       *self,
                                                           GAsyncResult         *result,
                                                           GError              **error);

/* Adds a conference by URL, local path or file:// URI after fetching and reading it: on
 * failure nothing is added and the error is the subscription's, naming the location and
 * what failed. A location already in the library gives its subscription, without a
 * fetch. Finishes once library.json is written (when that fails, nothing is added). */
void                 hallway_library_add_async            (HallwayLibrary       *self,
                                                           const char           *location,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
HallwaySubscription *hallway_library_add_finish           (HallwayLibrary       *self,
                                                           GAsyncResult         *result,
                                                           GError              **error);

/* Takes the conference out of the list and saves the list in the background. With
 * delete_bookmarks, its bookmarks file, its reminder state, its export sequences and its
 * cached schedule are deleted too (ask the user first); without, they all stay, and adding
 * the same location again brings them back.
 * Fails, changing nothing, for an unknown id or a library that cannot be saved; fails
 * after removing when a file cannot be deleted. */
gboolean             hallway_library_remove               (HallwayLibrary       *self,
                                                           const char           *id,
                                                           gboolean              delete_bookmarks,
                                                           GError              **error);

/* A conference followed from a local file that is the same one as `entry`'s (same
 * schedule: hallway_conference_is_same_as), which was added by URL: the first one, or
 * NULL. For Add Conference to offer replacing the copy on disk by the one that updates. */
HallwayLibraryEntry *hallway_library_find_file_twin       (HallwayLibrary       *self,
                                                           HallwayLibraryEntry  *entry);
/* Moves the bookmarks (with backup picks and hidden tracks) of the conference `old_id` to
 * `new_id`, saves them, then removes `old_id` from the library. The old conference's files
 * stay on disk, as Remove keeps them: a bookmark whose talk the new schedule lacks is not
 * lost, and following the file again brings it back. Fails, changing nothing, for an
 * unknown id, a conference without a schedule yet or a library that cannot be saved; when
 * the moved bookmarks cannot be saved, the old conference stays in the library. */
gboolean             hallway_library_replace              (HallwayLibrary       *self,
                                                           const char           *old_id,
                                                           const char           *new_id,
                                                           GError              **error);

/* The conference shown, remembered in library.json ("current"); NULL for none. */
HallwaySubscription *hallway_library_get_current          (HallwayLibrary       *self);
void                 hallway_library_set_current          (HallwayLibrary       *self,
                                                           HallwaySubscription  *subscription);

/* Writes library.json after any write already under way; finishing means the list as it
 * is now is on disk. For the application to hold itself while quitting, and for tests. */
void                 hallway_library_save_async           (HallwayLibrary       *self,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
gboolean             hallway_library_save_finish          (HallwayLibrary       *self,
                                                           GAsyncResult         *result,
                                                           GError              **error);

G_END_DECLS
