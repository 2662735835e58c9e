/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include "hallway-fetcher.h"

G_BEGIN_DECLS

/* The libsoup half of HallwayFetcher (hallway-http.c). The app loads it as a module on its
 * first download (hallway-http-loader.c), so libsoup and what it links (sqlite3, nghttp2,
 * libpsl…) are not loaded before the first frame (issue 13); the command line and the
 * model's tests link it directly. */

typedef struct
{
  const char *uri;         /* as asked: every message names it */
  GUri *parsed;            /* an absolute http or https URI */
  const char *etag;        /* validators for a conditional GET, or NULL */
  const char *last_modified;
  guint timeout;           /* seconds without progress */
  guint deadline;          /* seconds for the whole fetch, 0 for none */
  guint64 max_size;        /* the largest body accepted */
} HallwayHttpRequest;

/* Sends request on *session, a SoupSession made here on first use (our User-Agent, the
 * system proxy, gzip) whose timeout is set to the request's before sending. Returns a
 * HallwayFetchResult or a HALLWAY_FETCH_ERROR (G_IO_ERROR_CANCELLED when cancelled) on
 * task, whose reference it takes. */
void hallway_http_fetch (GObject                  **session,
                         const HallwayHttpRequest  *request,
                         GCancellable              *cancellable,
                         GTask                     *task);
/* Cancels what session has under way and closes its connections. */
void hallway_http_abort (GObject                   *session);

G_END_DECLS
