/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-test-server"

#include "config.h"

#include <string.h>

#include "hallway-test-server.h"

typedef struct
{
  SyncRouteKind kind;
  SyncServeFlags flags;
  GBytes *content;
  char *etag;
  char *last_modified;
  guint status;
  char *target;
  goffset announced;       /* a FLOOD route's Content-Length; -1 for chunked */
} SyncRoute;

struct _SyncServer
{
  GThread *thread;
  GMainContext *context;
  GMainLoop *loop;
  SoupServer *server;
  char *base_uri;
  guint version;           /* each new content gets a later Last-Modified */

  GMutex lock;             /* guards everything below, shared with the server thread */
  GCond started;
  gboolean ready;
  GHashTable *routes;      /* path → SyncRoute */
  GHashTable *hits;        /* path → number of requests */
  GHashTable *last_headers; /* header name → value, of the last request */
  guint gzip_served;
  GPtrArray *held;         /* connections of SILENT routes, closed on stop */
  guint64 flood_sent;      /* body bytes the FLOOD routes wrote */
  guint floods_started;
  guint floods_running;
};

static void
sync_route_free (SyncRoute *route)
{
  g_clear_pointer (&route->content, g_bytes_unref);
  g_free (route->etag);
  g_free (route->last_modified);
  g_free (route->target);
  g_free (route);
}

static SyncRoute *
sync_route_copy (const SyncRoute *route)
{
  SyncRoute *copy = g_memdup2 (route, sizeof *route);

  copy->content = route->content != NULL ? g_bytes_ref (route->content) : NULL;
  copy->etag = g_strdup (route->etag);
  copy->last_modified = g_strdup (route->last_modified);
  copy->target = g_strdup (route->target);
  return copy;
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SyncRoute, sync_route_free)

/* ---- the server thread --------------------------------------------------------------- */

static GBytes *
sync_gzip (GBytes *input)
{
  g_autoptr (GConverter) compressor =
    G_CONVERTER (g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, -1));
  g_autoptr (GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr (GOutputStream) gzip = g_converter_output_stream_new (memory, compressor);
  g_autoptr (GError) error = NULL;

  g_output_stream_write_all (gzip, g_bytes_get_data (input, NULL), g_bytes_get_size (input),
                             NULL, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (gzip, NULL, &error);
  g_assert_no_error (error);
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
}

static void
sync_record_request (SyncServer *self, SoupServerMessage *msg, const char *path)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  SoupMessageHeadersIter iter;
  const char *name;
  const char *value;
  guint hits = GPOINTER_TO_UINT (g_hash_table_lookup (self->hits, path));

  g_hash_table_remove_all (self->last_headers);
  soup_message_headers_iter_init (&iter, headers);
  while (soup_message_headers_iter_next (&iter, &name, &value))
    g_hash_table_insert (self->last_headers, g_ascii_strdown (name, -1), g_strdup (value));
  g_hash_table_insert (self->hits, g_strdup (path), GUINT_TO_POINTER (hits + 1));
}

static gboolean
sync_etag_matches (const char *if_none_match, const char *etag)
{
  g_auto (GStrv) candidates = g_strsplit (if_none_match, ",", -1);

  for (guint i = 0; candidates[i] != NULL; i++)
    {
      const char *candidate = g_strstrip (candidates[i]);

      if (g_str_equal (candidate, "*") || g_str_equal (candidate, etag))
        return TRUE;
    }
  return FALSE;
}

/* RFC 9110 §13.2.2: If-None-Match wins; If-Modified-Since only without it. */
static gboolean
sync_is_not_modified (SoupServerMessage *msg, const SyncRoute *route)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *if_none_match = soup_message_headers_get_one (headers, "If-None-Match");
  const char *if_modified_since = soup_message_headers_get_one (headers, "If-Modified-Since");
  g_autoptr (GDateTime) since = NULL;
  g_autoptr (GDateTime) modified = NULL;

  if (if_none_match != NULL)
    return route->etag != NULL && sync_etag_matches (if_none_match, route->etag);
  if (if_modified_since == NULL || route->last_modified == NULL)
    return FALSE;
  since = soup_date_time_new_from_http_string (if_modified_since);
  modified = soup_date_time_new_from_http_string (route->last_modified);
  return since != NULL && modified != NULL && g_date_time_compare (modified, since) <= 0;
}

static void
sync_set_validators (SoupServerMessage *msg, const SyncRoute *route)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  if (route->etag != NULL)
    soup_message_headers_replace (headers, "ETag", route->etag);
  if (route->last_modified != NULL)
    soup_message_headers_replace (headers, "Last-Modified", route->last_modified);
}

static void
sync_serve_content (SyncServer *self, SoupServerMessage *msg, const SyncRoute *route)
{
  SoupMessageHeaders *request = soup_server_message_get_request_headers (msg);
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  SoupMessageBody *body = soup_server_message_get_response_body (msg);
  const char *accept = soup_message_headers_get_one (request, "Accept-Encoding");
  g_autoptr (GBytes) payload = g_bytes_ref (route->content);
  gsize offset = 0;
  gsize size;

  sync_set_validators (msg, route);
  if (sync_is_not_modified (msg, route))
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_MODIFIED, NULL);
      return;
    }
  if ((route->flags & SYNC_SERVE_GZIP) && accept != NULL && strstr (accept, "gzip") != NULL)
    {
      g_bytes_unref (payload);
      payload = sync_gzip (route->content);
      soup_message_headers_replace (headers, "Content-Encoding", "gzip");
      g_mutex_lock (&self->lock);
      self->gzip_served++;
      g_mutex_unlock (&self->lock);
    }
  if (route->flags & SYNC_SERVE_CHUNKED)
    soup_message_headers_set_encoding (headers, SOUP_ENCODING_CHUNKED);
  soup_message_headers_replace (headers, "Content-Type", "application/xml");
  size = g_bytes_get_size (payload);
  while (offset < size)
    {
      gsize length = MIN (64 * 1024, size - offset);
      g_autoptr (GBytes) piece = g_bytes_new_from_bytes (payload, offset, length);

      soup_message_body_append_bytes (body, piece);
      offset += length;
    }
  soup_message_body_complete (body);
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
}

/* Writes the head and half the body by hand on the stolen connection, then hangs up. */
static void
sync_serve_cut (SoupServerMessage *msg, const SyncRoute *route)
{
  g_autoptr (GIOStream) stream = soup_server_message_steal_connection (msg);
  GOutputStream *output = g_io_stream_get_output_stream (stream);
  gsize size = g_bytes_get_size (route->content);
  g_autofree char *head = g_strdup_printf ("HTTP/1.1 200 OK\r\n"
                                           "Content-Type: application/xml\r\n"
                                           "Content-Length: %" G_GSIZE_FORMAT "\r\n"
                                           "ETag: \"cut\"\r\n"
                                           "\r\n", size);

  g_output_stream_write_all (output, head, strlen (head), NULL, NULL, NULL);
  g_output_stream_write_all (output, g_bytes_get_data (route->content, NULL), size / 2, NULL,
                             NULL, NULL);
  g_output_stream_flush (output, NULL, NULL);
  g_io_stream_close (stream, NULL, NULL);
}

/* Each tick writes one byte; a failed write (the client gave up) ends the trickle. */
static gboolean
sync_trickle_cb (gpointer data)
{
  GOutputStream *output = g_io_stream_get_output_stream (data);

  if (g_output_stream_write (output, "<", 1, NULL, NULL) != 1 ||
      !g_output_stream_flush (output, NULL, NULL))
    return G_SOURCE_REMOVE;
  return G_SOURCE_CONTINUE;
}

static void
sync_serve_trickle (SyncServer *self, SoupServerMessage *msg)
{
  GIOStream *stream = soup_server_message_steal_connection (msg);
  static const char head[] = "HTTP/1.1 200 OK\r\nContent-Type: application/xml\r\n"
                             "Content-Length: 1000000\r\n\r\n";
  g_autoptr (GSource) tick = g_timeout_source_new (200);

  g_output_stream_write_all (g_io_stream_get_output_stream (stream), head, strlen (head), NULL,
                             NULL, NULL);
  g_source_set_callback (tick, sync_trickle_cb, g_object_ref (stream), g_object_unref);
  g_source_attach (tick, self->context);
  g_mutex_lock (&self->lock);
  g_ptr_array_add (self->held, stream);
  g_mutex_unlock (&self->lock);
}

static void
sync_serve_header_flood (SoupServerMessage *msg)
{
  g_autoptr (GIOStream) stream = soup_server_message_steal_connection (msg);
  GString *head = g_string_new ("HTTP/1.1 200 OK\r\nContent-Type: application/xml\r\n");

  for (guint i = 0; i < 100000; i++)
    g_string_append_printf (head, "X-Flood-%u: x\r\n", i);
  g_string_append (head, "Content-Length: 5\r\n\r\nhello");
  g_output_stream_write_all (g_io_stream_get_output_stream (stream), head->str, head->len, NULL,
                             NULL, NULL);
  g_string_free (head, TRUE);
  g_io_stream_close (stream, NULL, NULL);
}

/* ---- a body without end ------------------------------------------------------------- */

#define SYNC_FLOOD_PIECE_SIZE (64 * 1024)

typedef struct
{
  SyncServer *server;
  GIOStream *stream;
  GBytes *piece;  /* written again and again; framed as one chunk when chunked */
  gsize offset;   /* into piece */
  goffset left;   /* of the announced length; -1 when chunked */
} SyncFlood;

static void
sync_flood_free (gpointer data)
{
  SyncFlood *flood = data;

  g_mutex_lock (&flood->server->lock);
  flood->server->floods_running--;
  g_mutex_unlock (&flood->server->lock);
  g_io_stream_close (flood->stream, NULL, NULL);
  g_object_unref (flood->stream);
  g_bytes_unref (flood->piece);
  g_free (flood);
}

static GBytes *
sync_flood_piece (gboolean chunked)
{
  static const char line[] = "<!-- a schedule without end, to try the size cap ------ -->\n";
  GString *piece = g_string_new (NULL);

  if (chunked)
    g_string_append_printf (piece, "%x\r\n", SYNC_FLOOD_PIECE_SIZE);
  for (gsize filled = 0; filled < SYNC_FLOOD_PIECE_SIZE; filled += strlen (line))
    g_string_append_len (piece, line, MIN (strlen (line), SYNC_FLOOD_PIECE_SIZE - filled));
  if (chunked)
    g_string_append (piece, "\r\n");
  return g_string_free_to_bytes (piece);
}

/* Writes whatever the socket takes now; a failed write (the client closed) ends it. */
static gboolean
sync_flood_write_cb (GObject *pollable, gpointer data)
{
  SyncFlood *flood = data;
  g_autoptr (GError) error = NULL;
  gsize size;
  const char *bytes = g_bytes_get_data (flood->piece, &size);
  gsize length = size - flood->offset;
  gssize written;

  if (flood->left >= 0)
    length = MIN (length, (gsize) flood->left);
  if (length == 0)
    return G_SOURCE_REMOVE;
  written = g_pollable_output_stream_write_nonblocking (G_POLLABLE_OUTPUT_STREAM (pollable),
                                                        bytes + flood->offset, length, NULL,
                                                        &error);
  if (written < 0)
    return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK) ? G_SOURCE_CONTINUE
                                                                       : G_SOURCE_REMOVE;
  flood->offset = (flood->offset + (gsize) written) % size;
  if (flood->left >= 0)
    flood->left -= written;
  g_mutex_lock (&flood->server->lock);
  flood->server->flood_sent += (guint64) written;
  g_mutex_unlock (&flood->server->lock);
  return G_SOURCE_CONTINUE;
}

static void
sync_serve_flood (SyncServer *self, SoupServerMessage *msg, const SyncRoute *route)
{
  SyncFlood *flood = g_new0 (SyncFlood, 1);
  GOutputStream *output;
  g_autoptr (GSource) source = NULL;
  g_autofree char *head = NULL;

  flood->server = self;
  flood->stream = soup_server_message_steal_connection (msg);
  flood->piece = sync_flood_piece (route->announced < 0);
  flood->left = route->announced;
  if (route->announced >= 0)
    head = g_strdup_printf ("HTTP/1.1 200 OK\r\nContent-Type: application/xml\r\n"
                            "Content-Length: %" G_GOFFSET_FORMAT "\r\n\r\n", route->announced);
  else
    head = g_strdup ("HTTP/1.1 200 OK\r\nContent-Type: application/xml\r\n"
                     "Transfer-Encoding: chunked\r\n\r\n");
  output = g_io_stream_get_output_stream (flood->stream);
  g_output_stream_write_all (output, head, strlen (head), NULL, NULL, NULL);
  g_mutex_lock (&self->lock);
  self->floods_started++;
  self->floods_running++;
  g_mutex_unlock (&self->lock);
  source = g_pollable_output_stream_create_source (G_POLLABLE_OUTPUT_STREAM (output), NULL);
  g_source_set_callback (source, G_SOURCE_FUNC (sync_flood_write_cb), flood, sync_flood_free);
  g_source_attach (source, self->context);
}

static void
sync_serve_text (SoupServerMessage *msg, guint status, const char *content_type,
                 const char *text)
{
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, content_type, SOUP_MEMORY_COPY, text, strlen (text));
}

static void
sync_handle (SoupServer        *server,
             SoupServerMessage *msg,
             const char        *path,
             GHashTable        *query,
             gpointer           user_data)
{
  SyncServer *self = user_data;
  g_autoptr (SyncRoute) route = NULL;
  g_autofree char *location = NULL;

  g_mutex_lock (&self->lock);
  sync_record_request (self, msg, path);
  if (g_hash_table_contains (self->routes, path))
    route = sync_route_copy (g_hash_table_lookup (self->routes, path));
  g_mutex_unlock (&self->lock);

  if (route == NULL)
    {
      sync_serve_text (msg, SOUP_STATUS_NOT_FOUND, "text/plain", "no such route");
      return;
    }
  switch (route->kind)
    {
    case SYNC_ROUTE_CONTENT:
      sync_serve_content (self, msg, route);
      break;
    case SYNC_ROUTE_STATUS:
      sync_serve_text (msg, route->status, "text/plain", "the server says no");
      break;
    case SYNC_ROUTE_SILENT:
      g_mutex_lock (&self->lock);
      g_ptr_array_add (self->held, soup_server_message_steal_connection (msg));
      g_mutex_unlock (&self->lock);
      break;
    case SYNC_ROUTE_CUT:
      sync_serve_cut (msg, route);
      break;
    case SYNC_ROUTE_HTML:
      sync_serve_text (msg, SOUP_STATUS_OK, "text/html",
                       "<!DOCTYPE html>\n<html><head><title>Service unavailable</title></head>"
                       "<body><h1>We are down for maintenance</h1></body></html>\n");
      break;
    case SYNC_ROUTE_REDIRECT:
      location = g_strconcat (self->base_uri, route->target, NULL);
      soup_server_message_set_redirect (msg, SOUP_STATUS_MOVED_PERMANENTLY, location);
      break;
    case SYNC_ROUTE_REDIRECT_LOOP:
      location = g_strconcat (self->base_uri, path, NULL);
      soup_server_message_set_redirect (msg, SOUP_STATUS_FOUND, location);
      break;
    case SYNC_ROUTE_TRICKLE:
      sync_serve_trickle (self, msg);
      break;
    case SYNC_ROUTE_HEADER_FLOOD:
      sync_serve_header_flood (msg);
      break;
    case SYNC_ROUTE_FLOOD:
      sync_serve_flood (self, msg, route);
      break;
    default:
      g_assert_not_reached ();
    }
}

static gpointer
sync_server_thread (gpointer user_data)
{
  SyncServer *self = user_data;
  g_autoptr (GError) error = NULL;
  GSList *uris;

  g_main_context_push_thread_default (self->context);
  self->server = soup_server_new ("server-header", "hallway-sync-test ", NULL);
  soup_server_add_handler (self->server, NULL, sync_handle, self, NULL);
  soup_server_listen_local (self->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (self->server);
  g_assert_nonnull (uris);
  self->base_uri = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  g_mutex_lock (&self->lock);
  self->ready = TRUE;
  g_cond_signal (&self->started);
  g_mutex_unlock (&self->lock);

  g_main_loop_run (self->loop);

  g_ptr_array_set_size (self->held, 0);
  soup_server_disconnect (self->server);
  g_clear_object (&self->server);
  /* Lets the server's sources finish closing before the context goes. */
  while (g_main_context_iteration (self->context, FALSE))
    ;
  g_main_context_pop_thread_default (self->context);
  return NULL;
}

static void
sync_close_stream (gpointer data)
{
  g_io_stream_close (data, NULL, NULL);
  g_object_unref (data);
}

/* ---- the test side ------------------------------------------------------------------- */

SyncServer *
sync_server_start (void)
{
  SyncServer *self = g_new0 (SyncServer, 1);

  g_mutex_init (&self->lock);
  g_cond_init (&self->started);
  self->context = g_main_context_new ();
  self->loop = g_main_loop_new (self->context, FALSE);
  self->routes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) sync_route_free);
  self->hits = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->last_headers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->held = g_ptr_array_new_with_free_func (sync_close_stream);
  self->thread = g_thread_new ("sync-test-server", sync_server_thread, self);

  g_mutex_lock (&self->lock);
  while (!self->ready)
    g_cond_wait (&self->started, &self->lock);
  g_mutex_unlock (&self->lock);
  return self;
}

static gboolean
sync_quit_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

void
sync_server_stop (SyncServer *self)
{
  g_main_context_invoke (self->context, sync_quit_cb, self->loop);
  g_thread_join (self->thread);
  g_main_loop_unref (self->loop);
  g_main_context_unref (self->context);
  g_hash_table_unref (self->routes);
  g_hash_table_unref (self->hits);
  g_hash_table_unref (self->last_headers);
  g_ptr_array_unref (self->held);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->started);
  g_free (self->base_uri);
  g_free (self);
}

char *
sync_server_uri (SyncServer *self, const char *path)
{
  return g_strconcat (self->base_uri, path, NULL);
}

static void
sync_server_set_route (SyncServer *self, const char *path, SyncRoute *route)
{
  g_mutex_lock (&self->lock);
  g_hash_table_replace (self->routes, g_strdup (path), route);
  g_mutex_unlock (&self->lock);
}

/* A new version at path: a strong ETag from its checksum, a Last-Modified later than any
 * before. */
void
sync_server_serve_bytes (SyncServer *self, const char *path, GBytes *content,
                         SyncServeFlags flags)
{
  SyncRoute *route = g_new0 (SyncRoute, 1);
  g_autofree char *digest = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, content);
  g_autoptr (GDateTime) base = g_date_time_new_utc (2026, 1, 1, 12, 0, 0);
  g_autoptr (GDateTime) modified = g_date_time_add_minutes (base, ++self->version);

  route->kind = SYNC_ROUTE_CONTENT;
  route->flags = flags;
  route->content = g_bytes_ref (content);
  route->etag = (flags & SYNC_SERVE_NO_ETAG) ? NULL : g_strdup_printf ("\"%s\"", digest);
  route->last_modified = soup_date_time_to_string (modified, SOUP_DATE_HTTP);
  sync_server_set_route (self, path, route);
}

void
sync_server_serve_file (SyncServer *self, const char *path, const char *filename,
                        SyncServeFlags flags)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr (GBytes) bytes = NULL;

  g_file_get_contents (filename, &contents, &length, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  sync_server_serve_bytes (self, path, bytes, flags);
}

void
sync_server_fail (SyncServer *self, const char *path, SyncRouteKind kind, guint status)
{
  SyncRoute *route = g_new0 (SyncRoute, 1);

  route->kind = kind;
  route->status = status;
  route->content = g_bytes_new_static (SYNC_CUT_BODY, strlen (SYNC_CUT_BODY));
  sync_server_set_route (self, path, route);
}

/* Content-Length of all of content, then half of it, then the connection closes. */
void
sync_server_cut_bytes (SyncServer *self, const char *path, GBytes *content)
{
  SyncRoute *route = g_new0 (SyncRoute, 1);

  route->kind = SYNC_ROUTE_CUT;
  route->content = g_bytes_ref (content);
  sync_server_set_route (self, path, route);
}

void
sync_server_redirect (SyncServer *self, const char *path, const char *target)
{
  SyncRoute *route = g_new0 (SyncRoute, 1);

  route->kind = SYNC_ROUTE_REDIRECT;
  route->target = g_strdup (target);
  sync_server_set_route (self, path, route);
}

guint
sync_server_get_hits (SyncServer *self, const char *path)
{
  guint hits;

  g_mutex_lock (&self->lock);
  hits = GPOINTER_TO_UINT (g_hash_table_lookup (self->hits, path));
  g_mutex_unlock (&self->lock);
  return hits;
}

/* A header of the last request, lower-case name; NULL when it had none. */
char *
sync_server_dup_request_header (SyncServer *self, const char *name)
{
  g_autofree char *key = g_ascii_strdown (name, -1);
  char *value;

  g_mutex_lock (&self->lock);
  value = g_strdup (g_hash_table_lookup (self->last_headers, key));
  g_mutex_unlock (&self->lock);
  return value;
}

void
sync_server_flood (SyncServer *self, const char *path, goffset announced)
{
  SyncRoute *route = g_new0 (SyncRoute, 1);

  route->kind = SYNC_ROUTE_FLOOD;
  route->announced = announced;
  sync_server_set_route (self, path, route);
}

guint64
sync_server_get_flood_sent (SyncServer *self, gboolean *finished)
{
  guint64 sent;

  g_mutex_lock (&self->lock);
  sent = self->flood_sent;
  if (finished != NULL)
    *finished = self->floods_started > 0 && self->floods_running == 0;
  g_mutex_unlock (&self->lock);
  return sent;
}

guint
sync_server_get_gzip_served (SyncServer *self)
{
  guint served;

  g_mutex_lock (&self->lock);
  served = self->gzip_served;
  g_mutex_unlock (&self->lock);
  return served;
}
