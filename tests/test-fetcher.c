/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include <string.h>

#include "hallway-test-server.h"
#include "hallway-fetcher.h"
#include "hallway-http-private.h"
#include "hallway-test-utils.h"


typedef struct
{
  SyncServer *server;
  HallwayFetcher *fetcher;
} Fixture;

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  fixture->server = sync_server_start ();
  fixture->fetcher = hallway_fetcher_new ();
  /* Nothing here should take long; a hang fails fast instead of at the meson timeout. */
  hallway_fetcher_set_timeout (fixture->fetcher, (guint) hallway_test_seconds (5));
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  g_clear_object (&fixture->fetcher);
  sync_server_stop (fixture->server);
}

static HallwayFetchResult *
fetch_full (Fixture      *fixture,
            const char   *path,
            const char   *etag,
            const char   *last_modified,
            GCancellable *cancellable,
            GError      **error)
{
  g_autofree char *uri = sync_server_uri (fixture->server, path);
  g_autoptr (GAsyncResult) result = NULL;

  hallway_fetcher_fetch_async (fixture->fetcher, uri, etag, last_modified, cancellable,
                               hallway_test_store_result_cb, &result);
  return hallway_fetcher_fetch_finish (fixture->fetcher, hallway_test_wait (&result), error);
}

static HallwayFetchResult *
fetch (Fixture *fixture, const char *path, GError **error)
{
  return fetch_full (fixture, path, NULL, NULL, NULL, error);
}

/* What the server serves: a schedule written by the test, about 370 KiB (a few percent of
 * that once packed), and another one. */
static GBytes *
small_schedule (void)
{
  return hallway_test_generate_schedule ("Generated Conference", "generated", 300);
}

static GBytes *
other_schedule (void)
{
  return hallway_test_generate_schedule ("Other Conference", "other", 40);
}

/* The message names the URL first, then says what is wrong. */
static void
assert_error_names_url (Fixture *fixture, GError *error, const char *path, const char *words)
{
  g_autofree char *uri = sync_server_uri (fixture->server, path);
  g_autofree char *prefix = g_strconcat (uri, ": ", NULL);
  g_autofree char *lower = g_utf8_strdown (error->message, -1);

  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, prefix));
  g_assert_nonnull (strstr (lower, words));
}

/* ---- the session --------------------------------------------------------------------- */

static void
test_defaults (void)
{
  g_autoptr (HallwayFetcher) fetcher = hallway_fetcher_new ();

  g_assert_cmpuint (hallway_fetcher_get_timeout (fetcher), ==, 30);
  g_assert_cmpuint (hallway_fetcher_get_deadline (fetcher), ==, 180);
  g_assert_cmpuint (hallway_fetcher_get_max_size (fetcher), ==, HALLWAY_SCHEDULE_MAX_SIZE);
  g_object_set (fetcher, "timeout", 1, "max-size", (guint64) 1024, NULL);
  g_assert_cmpuint (hallway_fetcher_get_timeout (fetcher), ==, 1);
  g_assert_cmpuint (hallway_fetcher_get_max_size (fetcher), ==, 1024);
}

/* One fetch through the HTTP half with this timeout, on session. */
static void
fetch_on_session (Fixture *fixture, GObject **session, guint timeout)
{
  g_autofree char *uri = sync_server_uri (fixture->server, "/schedule.xml");
  g_autoptr (GUri) parsed = g_uri_parse (uri, G_URI_FLAGS_NONE, NULL);
  HallwayHttpRequest request = {
    .uri = uri, .parsed = parsed, .timeout = timeout, .max_size = HALLWAY_SCHEDULE_MAX_SIZE,
  };
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (HallwayFetchResult) fetched = NULL;
  g_autoptr (GError) error = NULL;

  hallway_http_fetch (session, &request, NULL,
                      g_task_new (NULL, NULL, hallway_test_store_result_cb, &result));
  fetched = g_task_propagate_pointer (G_TASK (hallway_test_wait (&result)), &error);
  g_assert_no_error (error);
  g_assert_nonnull (fetched->body);
}

/* The session the first fetch makes: our User-Agent, the system proxy settings, the content
 * decoder; each fetch applies the fetcher's timeout to it. */
static void
test_session (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GBytes) schedule = small_schedule ();
  g_autoptr (GObject) session = NULL;
  GObject *first;

  sync_server_serve_bytes (fixture->server, "/schedule.xml", schedule, SYNC_SERVE_PLAIN);
  fetch_on_session (fixture, &session, 7);
  g_assert_true (SOUP_IS_SESSION (session));
  g_assert_cmpstr (soup_session_get_user_agent (SOUP_SESSION (session)), ==,
                   "Hallway/" PACKAGE_VERSION " (+https://github.com/hallway-app/hallway)");
  g_assert_cmpuint (soup_session_get_timeout (SOUP_SESSION (session)), ==, 7);
  g_assert_true (soup_session_get_proxy_resolver (SOUP_SESSION (session)) ==
                 g_proxy_resolver_get_default ());
  g_assert_true (soup_session_has_feature (SOUP_SESSION (session), SOUP_TYPE_CONTENT_DECODER));

  first = session;
  fetch_on_session (fixture, &session, 9);
  g_assert_true (session == first);
  g_assert_cmpuint (soup_session_get_timeout (SOUP_SESSION (session)), ==, 9);
}

/* ---- success and conditional requests ------------------------------------------------ */

static void
test_first_fetch (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GBytes) schedule = small_schedule ();
  g_autoptr (HallwayFetchResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *uri = sync_server_uri (fixture->server, "/schedule.xml");
  g_autofree char *user_agent = NULL;

  sync_server_serve_bytes (fixture->server, "/schedule.xml", schedule, SYNC_SERVE_PLAIN);

  result = fetch (fixture, "/schedule.xml", &error);
  g_assert_no_error (error);
  g_assert_false (result->not_modified);
  g_assert_cmpuint (result->status, ==, 200);
  g_assert_true (g_bytes_equal (result->body, schedule));
  g_assert_nonnull (result->etag);
  g_assert_true (g_str_has_prefix (result->etag, "\""));
  g_assert_nonnull (result->last_modified);
  g_assert_cmpstr (result->uri, ==, uri);

  user_agent = sync_server_dup_request_header (fixture->server, "User-Agent");
  g_assert_cmpstr (user_agent, ==,
                   "Hallway/" PACKAGE_VERSION " (+https://github.com/hallway-app/hallway)");
}

static void
test_not_modified_etag (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GBytes) schedule = small_schedule ();
  g_autoptr (HallwayFetchResult) first = NULL;
  g_autoptr (HallwayFetchResult) second = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *if_none_match = NULL;

  sync_server_serve_bytes (fixture->server, "/schedule.xml", schedule, SYNC_SERVE_PLAIN);
  first = fetch (fixture, "/schedule.xml", &error);
  g_assert_no_error (error);

  second = fetch_full (fixture, "/schedule.xml", first->etag, first->last_modified, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (second->not_modified);
  g_assert_cmpuint (second->status, ==, 304);
  g_assert_null (second->body);
  g_assert_cmpstr (second->etag, ==, first->etag);
  if_none_match = sync_server_dup_request_header (fixture->server, "If-None-Match");
  g_assert_cmpstr (if_none_match, ==, first->etag);
  g_assert_cmpuint (sync_server_get_hits (fixture->server, "/schedule.xml"), ==, 2);
}

static void
test_not_modified_last_modified (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GBytes) schedule = small_schedule ();
  g_autoptr (HallwayFetchResult) first = NULL;
  g_autoptr (HallwayFetchResult) second = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *if_modified_since = NULL;
  g_autofree char *if_none_match = NULL;

  sync_server_serve_bytes (fixture->server, "/schedule.xml", schedule, SYNC_SERVE_NO_ETAG);
  first = fetch (fixture, "/schedule.xml", &error);
  g_assert_no_error (error);
  g_assert_null (first->etag);
  g_assert_nonnull (first->last_modified);

  second = fetch_full (fixture, "/schedule.xml", NULL, first->last_modified, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (second->not_modified);
  if_modified_since = sync_server_dup_request_header (fixture->server, "If-Modified-Since");
  if_none_match = sync_server_dup_request_header (fixture->server, "If-None-Match");
  g_assert_cmpstr (if_modified_since, ==, first->last_modified);
  g_assert_null (if_none_match);
}

static void
test_changed (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GBytes) schedule = small_schedule ();
  g_autoptr (GBytes) other = other_schedule ();
  g_autoptr (HallwayFetchResult) first = NULL;
  g_autoptr (HallwayFetchResult) second = NULL;
  g_autoptr (GError) error = NULL;

  sync_server_serve_bytes (fixture->server, "/schedule.xml", schedule, SYNC_SERVE_PLAIN);
  first = fetch (fixture, "/schedule.xml", &error);
  g_assert_no_error (error);

  sync_server_serve_bytes (fixture->server, "/schedule.xml", other, SYNC_SERVE_PLAIN);
  second = fetch_full (fixture, "/schedule.xml", first->etag, first->last_modified, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (second->not_modified);
  g_assert_cmpuint (second->status, ==, 200);
  g_assert_true (g_bytes_equal (second->body, other));
  g_assert_cmpstr (second->etag, !=, first->etag);
  g_assert_cmpstr (second->last_modified, !=, first->last_modified);
}

static void
test_redirect_followed (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GBytes) schedule = small_schedule ();
  g_autoptr (HallwayFetchResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *final_uri = sync_server_uri (fixture->server, "/2024/schedule.xml");

  sync_server_serve_bytes (fixture->server, "/2024/schedule.xml", schedule, SYNC_SERVE_PLAIN);
  sync_server_redirect (fixture->server, "/schedule.xml", "/2024/schedule.xml");

  result = fetch (fixture, "/schedule.xml", &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (result->body, schedule));
  g_assert_cmpstr (result->uri, ==, final_uri);
}

/* libsoup's content decoder asks for gzip and unpacks it; the cap counts unpacked bytes. */
static void
test_gzip (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GBytes) schedule = small_schedule ();
  g_autoptr (HallwayFetchResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *accept_encoding = NULL;

  sync_server_serve_bytes (fixture->server, "/schedule.xml", schedule, SYNC_SERVE_GZIP);

  result = fetch (fixture, "/schedule.xml", &error);
  g_assert_no_error (error);
  accept_encoding = sync_server_dup_request_header (fixture->server, "Accept-Encoding");
  g_assert_nonnull (accept_encoding);
  g_assert_nonnull (strstr (accept_encoding, "gzip"));
  g_assert_cmpuint (sync_server_get_gzip_served (fixture->server), ==, 1);
  g_assert_true (g_bytes_equal (result->body, schedule));
}

static void
test_chunked (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GBytes) schedule = small_schedule ();
  g_autoptr (HallwayFetchResult) result = NULL;
  g_autoptr (GError) error = NULL;

  sync_server_serve_bytes (fixture->server, "/schedule.xml", schedule, SYNC_SERVE_CHUNKED);
  result = fetch (fixture, "/schedule.xml", &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (result->body, schedule));
}

/* The fetcher does not judge content: an error page with 200 is the parser's to refuse. */
static void
test_html_page_with_200 (Fixture *fixture, gconstpointer data)
{
  g_autoptr (HallwayFetchResult) result = NULL;
  g_autoptr (GError) error = NULL;

  sync_server_fail (fixture->server, "/schedule.xml", SYNC_ROUTE_HTML, 0);
  result = fetch (fixture, "/schedule.xml", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->status, ==, 200);
  g_assert_cmpuint (g_bytes_get_size (result->body), >, 15);
  g_assert_cmpmem (g_bytes_get_data (result->body, NULL), 15, "<!DOCTYPE html>", 15);
}

static void
test_sync (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GBytes) schedule = small_schedule ();
  g_autofree char *uri = sync_server_uri (fixture->server, "/schedule.xml");
  g_autofree char *missing = sync_server_uri (fixture->server, "/missing.xml");
  g_autoptr (HallwayFetchResult) result = NULL;
  g_autoptr (HallwayFetchResult) failed = NULL;
  g_autoptr (GError) error = NULL;

  sync_server_serve_bytes (fixture->server, "/schedule.xml", schedule, SYNC_SERVE_PLAIN);
  result = hallway_fetcher_fetch_sync (fixture->fetcher, uri, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (result->body, schedule));

  failed = hallway_fetcher_fetch_sync (fixture->fetcher, missing, NULL, NULL, NULL, &error);
  g_assert_null (failed);
  g_assert_error (error, HALLWAY_FETCH_ERROR, HALLWAY_FETCH_ERROR_HTTP_STATUS);
}

/* ---- failures ------------------------------------------------------------------------ */

static void
test_status_404 (Fixture *fixture, gconstpointer data)
{
  g_autoptr (HallwayFetchResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *uri = sync_server_uri (fixture->server, "/schedule.xml");
  g_autofree char *expected = g_strconcat (uri, ": the server answered 404 Not Found", NULL);

  sync_server_fail (fixture->server, "/schedule.xml", SYNC_ROUTE_STATUS, 404);
  result = fetch (fixture, "/schedule.xml", &error);
  g_assert_null (result);
  g_assert_error (error, HALLWAY_FETCH_ERROR, HALLWAY_FETCH_ERROR_HTTP_STATUS);
  g_assert_cmpstr (error->message, ==, expected);
}

static void
test_status_500 (Fixture *fixture, gconstpointer data)
{
  g_autoptr (HallwayFetchResult) result = NULL;
  g_autoptr (GError) error = NULL;

  sync_server_fail (fixture->server, "/schedule.xml", SYNC_ROUTE_STATUS, 500);
  result = fetch (fixture, "/schedule.xml", &error);
  g_assert_null (result);
  g_assert_error (error, HALLWAY_FETCH_ERROR, HALLWAY_FETCH_ERROR_HTTP_STATUS);
  assert_error_names_url (fixture, error, "/schedule.xml", "500 internal server error");
}

static void
test_timeout (Fixture *fixture, gconstpointer data)
{
  g_autoptr (HallwayFetchResult) result = NULL;
  g_autoptr (GError) error = NULL;
  gint64 started = g_get_monotonic_time ();

  hallway_fetcher_set_timeout (fixture->fetcher, 1);
  sync_server_fail (fixture->server, "/schedule.xml", SYNC_ROUTE_SILENT, 0);
  result = fetch (fixture, "/schedule.xml", &error);
  g_assert_null (result);
  g_assert_error (error, HALLWAY_FETCH_ERROR, HALLWAY_FETCH_ERROR_TIMEOUT);
  assert_error_names_url (fixture, error, "/schedule.xml", "did not answer within 1 second");
  g_assert_cmpint (g_get_monotonic_time () - started, <, 4 * G_TIME_SPAN_SECOND);
}

/* The timeout counts seconds without progress; a byte every 200 ms is progress. Only the
 * deadline stops such a fetch, with a message that says so. */
static void
test_deadline (Fixture *fixture, gconstpointer data)
{
  g_autoptr (HallwayFetchResult) result = NULL;
  g_autoptr (GError) error = NULL;
  gint64 started = g_get_monotonic_time ();

  g_assert_cmpuint (hallway_fetcher_get_deadline (fixture->fetcher), ==, 180);
  hallway_fetcher_set_deadline (fixture->fetcher, 2);
  sync_server_fail (fixture->server, "/schedule.xml", SYNC_ROUTE_TRICKLE, 0);
  result = fetch (fixture, "/schedule.xml", &error);
  g_assert_null (result);
  g_assert_error (error, HALLWAY_FETCH_ERROR, HALLWAY_FETCH_ERROR_TIMEOUT);
  assert_error_names_url (fixture, error, "/schedule.xml", "took longer than 2 seconds");
  g_assert_cmpint (g_get_monotonic_time () - started, <, 6 * G_TIME_SPAN_SECOND);
}

/* The caller's cancel still reads as a cancel, not as a failure to show. */
static void
test_deadline_cancel (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (HallwayFetchResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *uri = sync_server_uri (fixture->server, "/schedule.xml");

  sync_server_fail (fixture->server, "/schedule.xml", SYNC_ROUTE_TRICKLE, 0);
  g_timeout_add_once (500, (GSourceOnceFunc) g_cancellable_cancel, cancellable);
  result = hallway_fetcher_fetch_sync (fixture->fetcher, uri, NULL, NULL, cancellable, &error);
  g_assert_null (result);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* libsoup refuses a head this large; the message must not claim a cut-off download. */
static void
test_header_flood (Fixture *fixture, gconstpointer data)
{
  g_autoptr (HallwayFetchResult) result = NULL;
  g_autoptr (GError) error = NULL;

  sync_server_fail (fixture->server, "/schedule.xml", SYNC_ROUTE_HEADER_FLOOD, 0);
  result = fetch (fixture, "/schedule.xml", &error);
  g_assert_null (result);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_null (strstr (error->message, "cut off"));
  assert_error_names_url (fixture, error, "/schedule.xml", "header");
}

static void
test_truncated (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GBytes) schedule = small_schedule ();
  g_autoptr (HallwayFetchResult) result = NULL;
  g_autoptr (GError) error = NULL;

  sync_server_cut_bytes (fixture->server, "/schedule.xml", schedule);
  result = fetch (fixture, "/schedule.xml", &error);
  g_assert_null (result);
  g_assert_error (error, HALLWAY_FETCH_ERROR, HALLWAY_FETCH_ERROR_TRUNCATED);
  assert_error_names_url (fixture, error, "/schedule.xml", "cut off");
}

static void
test_redirect_loop (Fixture *fixture, gconstpointer data)
{
  g_autoptr (HallwayFetchResult) result = NULL;
  g_autoptr (GError) error = NULL;

  sync_server_fail (fixture->server, "/schedule.xml", SYNC_ROUTE_REDIRECT_LOOP, 0);
  result = fetch (fixture, "/schedule.xml", &error);
  g_assert_null (result);
  g_assert_error (error, HALLWAY_FETCH_ERROR, HALLWAY_FETCH_ERROR_TOO_MANY_REDIRECTS);
  assert_error_names_url (fixture, error, "/schedule.xml", "too many redirects");
  /* libsoup gives up after 20 redirects; the first request plus 20 more. */
  g_assert_cmpuint (sync_server_get_hits (fixture->server, "/schedule.xml"), <=, 21);
}

/* Content-Length above the cap: refused before reading the body, with the size announced.
 * About 1.8 MiB of schedule against a cap of 1 MiB. */
static void
test_too_large_announced (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GBytes) schedule = hallway_test_generate_schedule ("Big", "big", 1500);
  g_autoptr (HallwayFetchResult) result = NULL;
  g_autoptr (GError) error = NULL;

  hallway_fetcher_set_max_size (fixture->fetcher, 1024 * 1024);
  sync_server_serve_bytes (fixture->server, "/schedule.xml", schedule, SYNC_SERVE_PLAIN);
  result = fetch (fixture, "/schedule.xml", &error);
  g_assert_null (result);
  g_assert_error (error, HALLWAY_FETCH_ERROR, HALLWAY_FETCH_ERROR_TOO_LARGE);
  assert_error_names_url (fixture, error, "/schedule.xml", "too large");
  hallway_test_assert_contains (error->message, "(2 MiB, at most 1 MiB)");
}

/* Until the flood routes' connections are closed by the client (or they sent all they
 * announced), at most a few seconds; what they sent by then. */
static guint64
wait_for_flood_end (Fixture *fixture)
{
  gint64 limit = g_get_monotonic_time () + (gint64) (hallway_test_seconds (5) * G_USEC_PER_SEC);
  gboolean finished = FALSE;
  guint64 sent = 0;

  while (g_get_monotonic_time () < limit)
    {
      sent = sync_server_get_flood_sent (fixture->server, &finished);
      if (finished)
        break;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10 * 1000);
    }
  g_assert_true (finished);
  return sent;
}

/* 100 MiB announced, sent as fast as read: refused at once by the real cap, naming the
 * size, and the connection closed without reading the body (not drained to reuse it). */
static void
test_too_large_announced_flood (Fixture *fixture, gconstpointer data)
{
  g_autoptr (HallwayFetchResult) result = NULL;
  g_autoptr (GError) error = NULL;
  gint64 started = g_get_monotonic_time ();
  guint64 sent;

  sync_server_flood (fixture->server, "/schedule.xml", (goffset) 100 * 1024 * 1024);
  result = fetch (fixture, "/schedule.xml", &error);
  g_assert_null (result);
  g_assert_error (error, HALLWAY_FETCH_ERROR, HALLWAY_FETCH_ERROR_TOO_LARGE);
  assert_error_names_url (fixture, error, "/schedule.xml", "too large");
  hallway_test_assert_contains (error->message, "(100 MiB, at most 64 MiB)");
  g_assert_cmpint (g_get_monotonic_time () - started, <,
                   (gint64) (hallway_test_seconds (1) * G_USEC_PER_SEC));
  sent = wait_for_flood_end (fixture);
  g_test_message ("the server sent %" G_GUINT64_FORMAT " bytes of body", sent);
  /* What the kernel's socket buffers took before the client closed; never the body. */
  g_assert_cmpuint (sent, <, 16 * 1024 * 1024);
}

/* Chunked without end: counted while read, stopped just after the real cap. */
static void
test_too_large_chunked_flood (Fixture *fixture, gconstpointer data)
{
  g_autoptr (HallwayFetchResult) result = NULL;
  g_autoptr (GError) error = NULL;
  guint64 sent;

  sync_server_flood (fixture->server, "/schedule.xml", -1);
  result = fetch (fixture, "/schedule.xml", &error);
  g_assert_null (result);
  g_assert_error (error, HALLWAY_FETCH_ERROR, HALLWAY_FETCH_ERROR_TOO_LARGE);
  assert_error_names_url (fixture, error, "/schedule.xml", "too large");
  /* g_format_size () puts a no-break space before the unit. */
  hallway_test_assert_contains (error->message, "more than 64.0\u00a0MiB");
  sent = wait_for_flood_end (fixture);
  g_test_message ("the server sent %" G_GUINT64_FORMAT " bytes of body", sent);
  g_assert_cmpuint (sent, >, HALLWAY_SCHEDULE_MAX_SIZE);
  g_assert_cmpuint (sent, <, HALLWAY_SCHEDULE_MAX_SIZE + 16 * 1024 * 1024);
}

/* No Content-Length: the bytes are counted while they arrive. */
static void
test_too_large_streamed (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GBytes) schedule = small_schedule ();
  g_autoptr (HallwayFetchResult) result = NULL;
  g_autoptr (GError) error = NULL;

  hallway_fetcher_set_max_size (fixture->fetcher, 100 * 1024);
  sync_server_serve_bytes (fixture->server, "/schedule.xml", schedule, SYNC_SERVE_CHUNKED);
  result = fetch (fixture, "/schedule.xml", &error);
  g_assert_null (result);
  g_assert_error (error, HALLWAY_FETCH_ERROR, HALLWAY_FETCH_ERROR_TOO_LARGE);
  assert_error_names_url (fixture, error, "/schedule.xml", "too large");
}

/* A small gzip body that unpacks above the cap: the cap is on what we keep. */
static void
test_too_large_unpacked (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GBytes) schedule = small_schedule ();
  g_autoptr (HallwayFetchResult) result = NULL;
  g_autoptr (GError) error = NULL;

  /* The schedule is about 370 KiB, well under 200 KiB once packed. */
  hallway_fetcher_set_max_size (fixture->fetcher, 200 * 1024);
  sync_server_serve_bytes (fixture->server, "/schedule.xml", schedule, SYNC_SERVE_GZIP);
  result = fetch (fixture, "/schedule.xml", &error);
  g_assert_null (result);
  g_assert_error (error, HALLWAY_FETCH_ERROR, HALLWAY_FETCH_ERROR_TOO_LARGE);
  g_assert_cmpuint (sync_server_get_gzip_served (fixture->server), ==, 1);
}

static guint16
closed_port (void)
{
  g_autoptr (GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                             G_SOCKET_PROTOCOL_TCP, NULL);
  g_autoptr (GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr (GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr (GSocketAddress) bound = NULL;

  g_assert_true (g_socket_bind (socket, address, FALSE, NULL));
  bound = g_socket_get_local_address (socket, NULL);
  g_socket_close (socket, NULL);
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

static void
test_connection_refused (Fixture *fixture, gconstpointer data)
{
  g_autofree char *uri = g_strdup_printf ("http://127.0.0.1:%u/schedule.xml", closed_port ());
  g_autofree char *prefix = g_strconcat (uri, ": ", NULL);
  g_autoptr (GAsyncResult) async_result = NULL;
  g_autoptr (HallwayFetchResult) result = NULL;
  g_autoptr (GError) error = NULL;

  hallway_fetcher_fetch_async (fixture->fetcher, uri, NULL, NULL, NULL,
                               hallway_test_store_result_cb, &async_result);
  result =
    hallway_fetcher_fetch_finish (fixture->fetcher, hallway_test_wait (&async_result), &error);
  g_assert_null (result);
  g_assert_error (error, HALLWAY_FETCH_ERROR, HALLWAY_FETCH_ERROR_NETWORK);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, prefix));
}

static void
test_invalid_uri (Fixture *fixture, gconstpointer data)
{
  const char *uris[] = { "ftp://example.org/schedule.xml", "schedule.xml", "http://", "" };

  for (guint i = 0; i < G_N_ELEMENTS (uris); i++)
    {
      g_autoptr (GAsyncResult) async_result = NULL;
      g_autoptr (HallwayFetchResult) result = NULL;
      g_autoptr (GError) error = NULL;

      hallway_fetcher_fetch_async (fixture->fetcher, uris[i], NULL, NULL, NULL,
                                   hallway_test_store_result_cb, &async_result);
      result = hallway_fetcher_fetch_finish (fixture->fetcher, hallway_test_wait (&async_result),
                                             &error);
      g_assert_null (result);
      g_assert_error (error, HALLWAY_FETCH_ERROR, HALLWAY_FETCH_ERROR_INVALID_URI);
      g_assert_true (g_str_has_prefix (error->message, uris[i]));
    }
}

static void
test_cancelled (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (HallwayFetchResult) result = NULL;
  g_autoptr (GError) error = NULL;

  sync_server_fail (fixture->server, "/schedule.xml", SYNC_ROUTE_SILENT, 0);
  hallway_test_cancel_later (cancellable, 100);
  result = fetch_full (fixture, "/schedule.xml", NULL, NULL, cancellable, &error);
  g_assert_null (result);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
add_test (const char *path, void (*func) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down);
}

int
main (int argc, char *argv[])
{
  /* The session uses whatever g_proxy_resolver_get_default() is: /fetcher/session. */
  hallway_test_init (&argc, &argv, HALLWAY_TEST_ISOLATE_DIRS | HALLWAY_TEST_NO_PROXY);

  g_test_add_func ("/fetcher/defaults", test_defaults);
  add_test ("/fetcher/session", test_session);
  add_test ("/fetcher/first-fetch", test_first_fetch);
  add_test ("/fetcher/not-modified/etag", test_not_modified_etag);
  add_test ("/fetcher/not-modified/last-modified", test_not_modified_last_modified);
  add_test ("/fetcher/changed", test_changed);
  add_test ("/fetcher/redirect-followed", test_redirect_followed);
  add_test ("/fetcher/gzip", test_gzip);
  add_test ("/fetcher/chunked", test_chunked);
  add_test ("/fetcher/html-page-with-200", test_html_page_with_200);
  add_test ("/fetcher/sync", test_sync);
  add_test ("/fetcher/error/404", test_status_404);
  add_test ("/fetcher/error/500", test_status_500);
  add_test ("/fetcher/error/timeout", test_timeout);
  add_test ("/fetcher/error/deadline", test_deadline);
  add_test ("/fetcher/error/deadline-cancel", test_deadline_cancel);
  add_test ("/fetcher/error/header-flood", test_header_flood);
  add_test ("/fetcher/error/truncated", test_truncated);
  add_test ("/fetcher/error/redirect-loop", test_redirect_loop);
  add_test ("/fetcher/error/too-large-announced", test_too_large_announced);
  add_test ("/fetcher/error/too-large-announced-flood", test_too_large_announced_flood);
  add_test ("/fetcher/error/too-large-streamed", test_too_large_streamed);
  add_test ("/fetcher/error/too-large-chunked-flood", test_too_large_chunked_flood);
  add_test ("/fetcher/error/too-large-unpacked", test_too_large_unpacked);
  add_test ("/fetcher/error/connection-refused", test_connection_refused);
  add_test ("/fetcher/error/invalid-uri", test_invalid_uri);
  add_test ("/fetcher/error/cancelled", test_cancelled);

  return g_test_run ();
}
