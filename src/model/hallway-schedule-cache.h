/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define HALLWAY_TYPE_SCHEDULE_CACHE (hallway_schedule_cache_get_type ())
G_DECLARE_FINAL_TYPE (HallwayScheduleCache, hallway_schedule_cache,
                      HALLWAY, SCHEDULE_CACHE, GObject)

/* The last good copy of one schedule URL, for offline use and conditional requests:
 * <user cache dir>/io.github.hallway_app.Hallway/schedules/<sha256 of the URL>/ holds
 * `payload` (the bytes as downloaded) and `meta.json` ({"version": 1, "url", "etag",
 * "last_modified", "fetched", "checked", "sha256", "payload_size", "payload_modified_us"}).
 * Both are replaced atomically, the payload first; a meta.json that does not match its
 * payload is ignored, so a crash between the two writes costs one full download, never a
 * wrong 304. The checksum is taken again only when the payload's size or mtime differs
 * from the stamp meta.json recorded (then, if the content is the same, the stamp is
 * renewed): no hash of megabytes at every start.
 *
 * The object mirrors meta.json once loaded or stored; all disk work runs in a thread. */
HallwayScheduleCache *hallway_schedule_cache_new               (const char           *url);
/* The same without `previous`: for downloads whose changes nobody shows (the catalogue). */
HallwayScheduleCache *hallway_schedule_cache_new_latest_only   (const char           *url);
const char           *hallway_schedule_cache_get_url           (HallwayScheduleCache *self);
GFile                *hallway_schedule_cache_get_folder        (HallwayScheduleCache *self);
GFile                *hallway_schedule_cache_get_payload_file  (HallwayScheduleCache *self);
/* `previous`: the payload a new version replaced, kept for the changes between the two;
 * NULL for a cache made latest-only. */
GFile                *hallway_schedule_cache_get_previous_file (HallwayScheduleCache *self);
GFile                *hallway_schedule_cache_get_meta_file     (HallwayScheduleCache *self);
/* `snapshot`: the conference read from the payload (hallway-schedule-snapshot.c). */
GFile                *hallway_schedule_cache_get_snapshot_file (HallwayScheduleCache *self);
/* The SHA-256 of the payload loaded or stored; NULL before. */
const char           *hallway_schedule_cache_get_payload_sha256 (HallwayScheduleCache *self);

/* NULL until loaded or stored, or when the server sent none. */
const char           *hallway_schedule_cache_get_etag          (HallwayScheduleCache *self);
const char           *hallway_schedule_cache_get_last_modified (HallwayScheduleCache *self);
GDateTime            *hallway_schedule_cache_get_fetched       (HallwayScheduleCache *self);
GDateTime            *hallway_schedule_cache_get_checked       (HallwayScheduleCache *self);

/* Forgets the validators and times in memory (not on disk): for a cached payload that no
 * longer reads, so the next request is unconditional. */
void                  hallway_schedule_cache_forget            (HallwayScheduleCache *self);

/* Reads the payload and meta.json; fails with G_IO_ERROR_NOT_FOUND when nothing is cached.
 * On success the object holds the stored validators (none if meta.json is missing, broken,
 * for another URL or for another payload). */
void                  hallway_schedule_cache_load_async        (HallwayScheduleCache *self,
                                                                GCancellable         *cancellable,
                                                                GAsyncReadyCallback   callback,
                                                                gpointer              user_data);
GBytes               *hallway_schedule_cache_load_finish       (HallwayScheduleCache *self,
                                                                GAsyncResult         *result,
                                                                GError              **error);

/* Reads meta.json alone when the payload file is the one it describes (same size and
 * modification time): the object then holds its validators and checksum as after a load,
 * without the payload. FALSE otherwise: load it. For an object no other thread uses yet. */
gboolean              hallway_schedule_cache_load_meta_if_stamped (HallwayScheduleCache *self);

/* The same in the calling thread, for an object no other thread uses yet (the library's
 * loading thread at start-up). */
GBytes               *hallway_schedule_cache_load              (HallwayScheduleCache *self,
                                                                GError              **error);

/* Writes payload (unless NULL: a 304 keeps the one stored) then meta.json with these
 * validators, "checked" now and "fetched" now when there is a payload. Call it only with a
 * payload that was read completely and parsed. On success the object holds the new values;
 * on failure it keeps the old ones. */
void                  hallway_schedule_cache_store_async       (HallwayScheduleCache *self,
                                                                GBytes               *payload,
                                                                const char           *etag,
                                                                const char           *last_modified,
                                                                GCancellable         *cancellable,
                                                                GAsyncReadyCallback   callback,
                                                                gpointer              user_data);
gboolean              hallway_schedule_cache_store_finish      (HallwayScheduleCache *self,
                                                                GAsyncResult         *result,
                                                                GError              **error);

G_END_DECLS
