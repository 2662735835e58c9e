/* SPDX-License-Identifier: EUPL-1.2 */
/* A loopback HTTP server for the sync tests (test-fetcher, test-subscription), in its own
 * thread with its own GMainContext, as GNOME Calendar's tests/gcal-simple-server.c does:
 * the client under test runs on the test's main context and never blocks the server.
 *
 * Each path has a route: a schedule (strong ETag, Last-Modified, If-None-Match and
 * If-Modified-Since honoured; optionally gzip, chunked or without ETag), or a failure: a
 * status, a server that never answers, a body cut in the middle, an HTML error page with
 * status 200, a redirect loop. Routes can change while the server runs ("serve another file
 * at the same path"). */
#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

typedef enum
{
  SYNC_ROUTE_CONTENT,       /* the route's bytes, with validators */
  SYNC_ROUTE_STATUS,        /* the route's status and a short text body */
  SYNC_ROUTE_SILENT,        /* reads the request, never answers */
  SYNC_ROUTE_CUT,           /* Content-Length of the whole, half the bytes, then close */
  SYNC_ROUTE_HTML,          /* 200 and a web page saying something went wrong */
  SYNC_ROUTE_REDIRECT,      /* 301 to the route's target path */
  SYNC_ROUTE_REDIRECT_LOOP, /* 302 to itself, forever */
  SYNC_ROUTE_TRICKLE,       /* a 1 MB Content-Length, then one byte every 200 ms */
  SYNC_ROUTE_HEADER_FLOOD,  /* 100,000 header lines before a short body */
  SYNC_ROUTE_FLOOD,         /* a body without end, as fast as read (sync_server_flood) */
} SyncRouteKind;

typedef enum
{
  SYNC_SERVE_PLAIN     = 0,
  SYNC_SERVE_GZIP      = 1 << 0, /* Content-Encoding: gzip when the client accepts it */
  SYNC_SERVE_CHUNKED   = 1 << 1, /* no Content-Length */
  SYNC_SERVE_NO_ETAG   = 1 << 2, /* Last-Modified only */
} SyncServeFlags;

/* What a CUT route sends half of when no content was given. */
#define SYNC_CUT_BODY "<?xml version=\"1.0\"?>\n<schedule><conference><title>Cut short" \
                      "</title></conference></schedule>\n"

typedef struct _SyncServer SyncServer;

/* A server on 127.0.0.1, port 0, in a thread of its own; stop frees it. */
SyncServer *sync_server_start              (void);
void        sync_server_stop               (SyncServer     *self);
/* The URL of path on this server. */
char       *sync_server_uri                (SyncServer     *self,
                                            const char     *path);
/* A new version at path: a strong ETag from its checksum (none with SYNC_SERVE_NO_ETAG), a
 * Last-Modified later than any before. */
void        sync_server_serve_bytes        (SyncServer     *self,
                                            const char     *path,
                                            GBytes         *content,
                                            SyncServeFlags  flags);
void        sync_server_serve_file         (SyncServer     *self,
                                            const char     *path,
                                            const char     *filename,
                                            SyncServeFlags  flags);
/* A failure at path: kind is any route but CONTENT, CUT with content and REDIRECT; status
 * for SYNC_ROUTE_STATUS. */
void        sync_server_fail               (SyncServer     *self,
                                            const char     *path,
                                            SyncRouteKind   kind,
                                            guint           status);
/* Content-Length of all of content, then half of it, then the connection closes. */
void        sync_server_cut_bytes          (SyncServer     *self,
                                            const char     *path,
                                            GBytes         *content);
/* 301 from path to target (a path on this server). */
void        sync_server_redirect           (SyncServer     *self,
                                            const char     *path,
                                            const char     *target);
/* How many requests path had. */
guint       sync_server_get_hits           (SyncServer     *self,
                                            const char     *path);
/* A header of the last request, lower-case name; NULL when it had none. */
char       *sync_server_dup_request_header (SyncServer     *self,
                                            const char     *name);
/* A schedule that does not end, sent as fast as the client reads: with announced >= 0 a
 * Content-Length of announced bytes (and no more than that is sent), else chunked without
 * end. The server stops when a write fails: the client closed the connection. */
void        sync_server_flood              (SyncServer     *self,
                                            const char     *path,
                                            goffset         announced);
/* Bytes of body the flood routes wrote, framing included; whether every one of them has
 * seen its connection closed by the client (or sent all it announced). */
guint64     sync_server_get_flood_sent     (SyncServer     *self,
                                            gboolean       *finished);
/* How many responses went out gzipped. */
guint       sync_server_get_gzip_served    (SyncServer     *self);

G_END_DECLS
