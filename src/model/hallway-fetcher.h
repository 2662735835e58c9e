/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define HALLWAY_FETCH_ERROR (hallway_fetch_error_quark ())

/* Every message starts with the requested URL: "https://…/schedule.xml: what is wrong".
 * A cancelled fetch fails with G_IO_ERROR_CANCELLED instead; in the app, a fetch fails
 * with G_IO_ERROR_NOT_SUPPORTED (the message also starting with the URL) when its
 * download module cannot be loaded (hallway-http-loader.c). */
typedef enum
{
  HALLWAY_FETCH_ERROR_HTTP_STATUS,        /* an answer other than 2xx or 304 */
  HALLWAY_FETCH_ERROR_TIMEOUT,            /* no progress within the timeout, or not done
                                           * by the deadline */
  HALLWAY_FETCH_ERROR_TOO_LARGE,          /* above the size cap ("max-size") */
  HALLWAY_FETCH_ERROR_TRUNCATED,          /* the body ended before its Content-Length */
  HALLWAY_FETCH_ERROR_TOO_MANY_REDIRECTS, /* a redirect loop, or more than libsoup's 20 */
  HALLWAY_FETCH_ERROR_NETWORK,            /* no connection, unknown host, TLS… */
  HALLWAY_FETCH_ERROR_INVALID_URI,        /* not an absolute http or https URL */
} HallwayFetchError;

#define HALLWAY_FETCHER_DEFAULT_TIMEOUT 30   /* seconds */
#define HALLWAY_FETCHER_DEFAULT_DEADLINE 180 /* seconds */

/* What one fetch brought. On 304 (not_modified), body is NULL; etag and last_modified are
 * those the server sent, if any (a 304 may omit them: keep the ones you had). */
typedef struct
{
  gboolean not_modified;
  guint status;
  GBytes *body;
  char *etag;
  char *last_modified;
  char *uri; /* after redirects */
} HallwayFetchResult;

#define HALLWAY_TYPE_FETCH_RESULT (hallway_fetch_result_get_type ())
GType               hallway_fetch_result_get_type (void) G_GNUC_CONST;
HallwayFetchResult *hallway_fetch_result_copy     (const HallwayFetchResult *result);
void                hallway_fetch_result_free     (HallwayFetchResult       *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HallwayFetchResult, hallway_fetch_result_free)

#define HALLWAY_TYPE_FETCHER (hallway_fetcher_get_type ())
G_DECLARE_FINAL_TYPE (HallwayFetcher, hallway_fetcher, HALLWAY, FETCHER, GObject)

GQuark              hallway_fetch_error_quark     (void);

/* One HTTP session for all downloads of schedules: our User-Agent, the system proxy, gzip,
 * a timeout and a size cap. */
HallwayFetcher     *hallway_fetcher_new           (void);
/* The timeout ("timeout", default 30 s) counts seconds without progress. libsoup fixes it
 * per connection when it opens, so set it before the first fetch. */
guint               hallway_fetcher_get_timeout   (HallwayFetcher      *self);
void                hallway_fetcher_set_timeout   (HallwayFetcher      *self,
                                                   guint                seconds);
/* The deadline ("deadline", default 180 s) bounds a whole fetch, so a server that trickles
 * a byte now and then cannot hold it forever; 0 means none. */
guint               hallway_fetcher_get_deadline  (HallwayFetcher      *self);
void                hallway_fetcher_set_deadline  (HallwayFetcher      *self,
                                                   guint                seconds);
guint64             hallway_fetcher_get_max_size  (HallwayFetcher      *self);
void                hallway_fetcher_set_max_size  (HallwayFetcher      *self,
                                                   guint64              max_size);

/* A conditional GET when etag or last_modified is given (If-None-Match,
 * If-Modified-Since). */
void                hallway_fetcher_fetch_async   (HallwayFetcher      *self,
                                                   const char          *uri,
                                                   const char          *etag,
                                                   const char          *last_modified,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
HallwayFetchResult *hallway_fetcher_fetch_finish  (HallwayFetcher      *self,
                                                   GAsyncResult        *result,
                                                   GError             **error);
/* For the command line: runs the async fetch, iterating the thread-default main context
 * until it is done. All of a fetcher's fetches run in the thread of its first one, whose
 * context the session belongs to. Not for use inside the app. */
HallwayFetchResult *hallway_fetcher_fetch_sync    (HallwayFetcher      *self,
                                                   const char          *uri,
                                                   const char          *etag,
                                                   const char          *last_modified,
                                                   GCancellable        *cancellable,
                                                   GError             **error);

G_END_DECLS
