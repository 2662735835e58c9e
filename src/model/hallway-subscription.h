/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gio/gio.h>

#include "hallway-bookmarks.h"
#include "hallway-fetcher.h"
#include "hallway-schedule-cache.h"
#include "hallway-types.h"

G_BEGIN_DECLS

#define HALLWAY_SUBSCRIPTION_INTERVAL_CONFERENCE (15 * G_TIME_SPAN_MINUTE)
#define HALLWAY_SUBSCRIPTION_INTERVAL_DEFAULT    (24 * G_TIME_SPAN_HOUR)

#define HALLWAY_TYPE_SUBSCRIPTION (hallway_subscription_get_type ())
G_DECLARE_FINAL_TYPE (HallwaySubscription, hallway_subscription, HALLWAY, SUBSCRIPTION, GObject)

/* One conference followed at one location: an http(s) URL, or a local file (path or
 * file:// URI). Offline first: load the cached copy, then refresh.
 *
 * A refresh sends the stored validators; 304 parses nothing. A new version is parsed in a
 * thread, compared with the current one, saved to the cache, then becomes "conference":
 * the bookmarks are updated, "updated" (conference, GListModel of HallwayScheduleChange)
 * is emitted, then "bookmarks-affected" (the changes of kind MOVED or REMOVED to
 * bookmarked talks) when there are any; the refresh finishes once the bookmarks are saved
 * through their save queue (hallway_bookmarks_save_async), after any save asked before.
 * Any failure leaves the conference, the cache, its validators and the bookmarks as they
 * were, sets "last-error" to a message naming the URL and what failed, and returns the
 * error. Once the new version is in the cache it is taken even if saving the bookmarks
 * fails; that is then reported in "last-error". */
HallwaySubscription  *hallway_subscription_new                 (const char           *location,
                                                                HallwayFetcher       *fetcher,
                                                                HallwayBookmarks     *bookmarks);
const char           *hallway_subscription_get_uri             (HallwaySubscription  *self);
HallwayConference    *hallway_subscription_get_conference      (HallwaySubscription  *self);
/* The changes of the last update that brought a new version, kept in the cache (the version
 * it replaced, `previous`) so they survive a restart: read in a thread after the cached
 * version is loaded ("notify::changes"); NULL until then, or without a previous version. */
GListModel           *hallway_subscription_get_changes         (HallwaySubscription  *self);
/* The person has seen them: the changes become empty and the cache forgets `previous`, so
 * they stay gone after a restart. The next new version brings its own. */
void                  hallway_subscription_dismiss_changes     (HallwaySubscription  *self);
GDateTime            *hallway_subscription_get_last_checked    (HallwaySubscription  *self);
const char           *hallway_subscription_get_last_error      (HallwaySubscription  *self);
gboolean              hallway_subscription_get_refreshing      (HallwaySubscription  *self);
HallwayScheduleCache *hallway_subscription_get_cache           (HallwaySubscription  *self);
HallwayBookmarks     *hallway_subscription_get_bookmarks       (HallwaySubscription  *self);
/* The changes of kind MOVED or REMOVED to bookmarked talks, as "bookmarks-affected" carries
 * them; also right after "updated" (a talk gone from the schedule stays bookmarked, marked
 * cancelled). */
GListModel           *hallway_subscription_filter_bookmarked_changes (HallwaySubscription *self,
                                                                      GListModel          *changes);
/* How many times a schedule was parsed (cache and network): for tests. */
guint                 hallway_subscription_get_parse_count     (HallwaySubscription  *self);

/* Fails with G_IO_ERROR_NOT_FOUND when nothing is cached yet; a cached copy that no longer
 * reads is dropped from memory so the next refresh downloads it all. */
void                  hallway_subscription_load_cached_async   (HallwaySubscription  *self,
                                                                GCancellable         *cancellable,
                                                                GAsyncReadyCallback   callback,
                                                                gpointer              user_data);
gboolean              hallway_subscription_load_cached_finish  (HallwaySubscription  *self,
                                                                GAsyncResult         *result,
                                                                GError              **error);

/* The same in the calling thread, for a subscription no other thread uses yet and nothing
 * listens to (the library's loading thread at start-up). */
gboolean              hallway_subscription_load_cached         (HallwaySubscription  *self,
                                                                GError              **error);
/* After that, on the thread that owns the subscription: its last update's changes, read in
 * a thread ("notify::changes"); the asynchronous loader does this itself. */
void                  hallway_subscription_read_changes        (HallwaySubscription  *self);

/* Fails with G_IO_ERROR_PENDING while another refresh runs. */
void                  hallway_subscription_refresh_async       (HallwaySubscription  *self,
                                                                GCancellable         *cancellable,
                                                                GAsyncReadyCallback   callback,
                                                                gpointer              user_data);
gboolean              hallway_subscription_refresh_finish      (HallwaySubscription  *self,
                                                                GAsyncResult         *result,
                                                                GError              **error);

/* 15 minutes from the day before the first conference day to the end of the last one,
 * 24 hours otherwise (and while no conference is loaded). */
GTimeSpan             hallway_subscription_get_refresh_interval (HallwaySubscription *self,
                                                                 GDateTime           *now);
GTimeSpan             hallway_refresh_interval_for_conference   (HallwayConference   *conference,
                                                                 GDateTime           *now);

G_END_DECLS
