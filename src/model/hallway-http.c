/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-http"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "hallway-http-private.h"
#include "hallway-schedule-reader.h"

#define USER_AGENT "Hallway/" PACKAGE_VERSION " (+https://github.com/hallway-app/hallway)"

/* Small enough to notice the size cap early, large enough for few round trips. */
#define READ_CHUNK_SIZE (64 * 1024)

/* A lying Content-Length must not make us reserve the whole cap up front. */
#define MAX_PREALLOCATION (4 * 1024 * 1024)

typedef struct
{
  char *uri;               /* as asked: every message names it */
  SoupMessage *message;
  GInputStream *stream;
  GByteArray *body;
  guint64 max_size;
  guint timeout;
  goffset expected_length; /* -1 when unknown or content-encoded */
  gboolean conditional;

  /* The fetch runs on its own cancellable: the caller's cancels it, and so does the
   * deadline, which then reports a timeout instead of a cancel. */
  GCancellable *cancellable;
  GCancellable *caller_cancellable;
  gulong caller_handler;
  guint deadline;
  GSource *deadline_source;
  gboolean deadline_passed;
} FetchData;

static void
fetch_data_free (FetchData *data)
{
  /* Closing asynchronously lets libsoup drop or reuse the connection without blocking. */
  if (data->stream != NULL && !g_input_stream_is_closed (data->stream))
    g_input_stream_close_async (data->stream, G_PRIORITY_DEFAULT, NULL, NULL, NULL);
  g_clear_object (&data->stream);
  g_clear_object (&data->message);
  g_clear_pointer (&data->body, g_byte_array_unref);
  if (data->deadline_source != NULL)
    g_source_destroy (data->deadline_source);
  g_clear_pointer (&data->deadline_source, g_source_unref);
  if (data->caller_cancellable != NULL)
    g_cancellable_disconnect (data->caller_cancellable, data->caller_handler);
  g_clear_object (&data->caller_cancellable);
  g_clear_object (&data->cancellable);
  g_free (data->uri);
  g_free (data);
}

static char *
format_size (guint64 size)
{
  return g_format_size_full (size, G_FORMAT_SIZE_IEC_UNITS);
}

/* The server announced the size (Content-Length): the message gives it. */
static GError *
too_large_announced_error (FetchData *data, goffset length)
{
  g_autofree char *reason = hallway_schedule_describe_too_large ((guint64) length,
                                                                 data->max_size);

  return g_error_new (HALLWAY_FETCH_ERROR, HALLWAY_FETCH_ERROR_TOO_LARGE, "%s: %s", data->uri,
                      reason);
}

/* Counted while read: only the cap is known. */
static GError *
too_large_error (FetchData *data)
{
  g_autofree char *limit = format_size (data->max_size);

  return g_error_new (HALLWAY_FETCH_ERROR, HALLWAY_FETCH_ERROR_TOO_LARGE,
                      _("%s: the file is too large for a schedule (more than %s)"),
                      data->uri, limit);
}

static GError *
truncated_error (FetchData *data)
{
  g_autofree char *received = format_size (data->body->len);

  if (data->expected_length >= 0)
    {
      g_autofree char *expected = format_size ((guint64) data->expected_length);

      return g_error_new (HALLWAY_FETCH_ERROR, HALLWAY_FETCH_ERROR_TRUNCATED,
                          _("%s: the download was cut off (%s of %s received)"),
                          data->uri, received, expected);
    }
  return g_error_new (HALLWAY_FETCH_ERROR, HALLWAY_FETCH_ERROR_TRUNCATED,
                      _("%s: the download was cut off after %s"), data->uri, received);
}

static GError *
status_error (FetchData *data, guint status)
{
  const char *reason = soup_message_get_reason_phrase (data->message);

  if (reason == NULL || *reason == '\0')
    reason = soup_status_get_phrase (status);
  return g_error_new (HALLWAY_FETCH_ERROR, HALLWAY_FETCH_ERROR_HTTP_STATUS,
                      _("%s: the server answered %u %s"), data->uri, status,
                      reason != NULL ? reason : "");
}

/* libsoup and GIO errors, turned into what a user can act on. */
static GError *
deadline_error (FetchData *data)
{
  g_autofree char *received = format_size (data->body->len);

  return g_error_new (HALLWAY_FETCH_ERROR, HALLWAY_FETCH_ERROR_TIMEOUT,
                      dngettext (GETTEXT_PACKAGE,
                                 "%s: the download took longer than %u second and was stopped "
                                 "(%s received)",
                                 "%s: the download took longer than %u seconds and was stopped "
                                 "(%s received)",
                                 data->deadline),
                      data->uri, data->deadline, received);
}

static GError *
translate_error (FetchData *data, GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && data->deadline_passed)
    return deadline_error (data);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_copy (error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    return g_error_new (HALLWAY_FETCH_ERROR, HALLWAY_FETCH_ERROR_TIMEOUT,
                        dngettext (GETTEXT_PACKAGE,
                                   "%s: the server did not answer within %u second",
                                   "%s: the server did not answer within %u seconds",
                                   data->timeout),
                        data->uri, data->timeout);
  if (g_error_matches (error, SOUP_SESSION_ERROR, SOUP_SESSION_ERROR_TOO_MANY_REDIRECTS))
    return g_error_new (HALLWAY_FETCH_ERROR, HALLWAY_FETCH_ERROR_TOO_MANY_REDIRECTS,
                        _("%s: too many redirects; the server sends the request round in a loop"),
                        data->uri);
  /* Before a status line and headers were read, nothing of the body was cut off. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT) &&
      soup_message_get_status (data->message) == SOUP_STATUS_NONE)
    return g_error_new (HALLWAY_FETCH_ERROR, HALLWAY_FETCH_ERROR_NETWORK,
                        _("%s: the server's answer broke off in its headers (too large or "
                          "malformed)"), data->uri);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT))
    return truncated_error (data);
  if (error->domain == G_RESOLVER_ERROR)
    return g_error_new (HALLWAY_FETCH_ERROR, HALLWAY_FETCH_ERROR_NETWORK,
                        _("%s: the server name cannot be found (%s)"), data->uri, error->message);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED))
    return g_error_new (HALLWAY_FETCH_ERROR, HALLWAY_FETCH_ERROR_NETWORK,
                        _("%s: the server refused the connection"), data->uri);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NETWORK_UNREACHABLE) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_HOST_UNREACHABLE))
    return g_error_new (HALLWAY_FETCH_ERROR, HALLWAY_FETCH_ERROR_NETWORK,
                        _("%s: the network cannot be reached; are you online? (%s)"),
                        data->uri, error->message);
  if (error->domain == G_TLS_ERROR)
    return g_error_new (HALLWAY_FETCH_ERROR, HALLWAY_FETCH_ERROR_NETWORK,
                        _("%s: the secure connection failed (%s)"), data->uri, error->message);
  return g_error_new (HALLWAY_FETCH_ERROR, HALLWAY_FETCH_ERROR_NETWORK,
                      _("%s: the download failed (%s)"), data->uri, error->message);
}

static void
return_translated_error (GTask *task, GError *error)
{
  FetchData *data = g_task_get_task_data (task);

  g_task_return_error (task, translate_error (data, error));
}

static HallwayFetchResult *
new_result (FetchData *data, gboolean not_modified)
{
  SoupMessageHeaders *headers = soup_message_get_response_headers (data->message);
  HallwayFetchResult *result = g_new0 (HallwayFetchResult, 1);

  result->not_modified = not_modified;
  result->status = soup_message_get_status (data->message);
  result->etag = g_strdup (soup_message_headers_get_one (headers, "ETag"));
  result->last_modified = g_strdup (soup_message_headers_get_one (headers, "Last-Modified"));
  result->uri = g_uri_to_string (soup_message_get_uri (data->message));
  return result;
}

static void
finish_body (GTask *task)
{
  FetchData *data = g_task_get_task_data (task);
  HallwayFetchResult *result;

  if (data->expected_length >= 0 && (goffset) data->body->len < data->expected_length)
    {
      g_task_return_error (task, truncated_error (data));
      return;
    }
  result = new_result (data, FALSE);
  result->body = g_byte_array_free_to_bytes (g_steal_pointer (&data->body));
  g_task_return_pointer (task, result, (GDestroyNotify) hallway_fetch_result_free);
}

static void read_next_chunk (GTask *task);

static void
chunk_read_cb (GObject *source, GAsyncResult *res, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  FetchData *data = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (source), res,
                                                               &error);

  if (chunk == NULL)
    {
      return_translated_error (task, error);
      return;
    }
  if (g_bytes_get_size (chunk) == 0)
    {
      finish_body (task);
      return;
    }
  g_byte_array_append (data->body, g_bytes_get_data (chunk, NULL), g_bytes_get_size (chunk));
  if (data->body->len > data->max_size)
    {
      g_task_return_error (task, too_large_error (data));
      return;
    }
  read_next_chunk (task);
}

static void
read_next_chunk (GTask *task)
{
  FetchData *data = g_task_get_task_data (task);

  g_input_stream_read_bytes_async (data->stream, READ_CHUNK_SIZE, G_PRIORITY_DEFAULT,
                                   data->cancellable, chunk_read_cb, g_object_ref (task));
}

/* Refuses a body announced above the cap before reading any of it. Only an identity body
 * can be checked for truncation against Content-Length: a gzip one is announced encoded. */
static gboolean
check_announced_length (FetchData *data, GError **error)
{
  SoupMessageHeaders *headers = soup_message_get_response_headers (data->message);
  goffset length;

  data->expected_length = -1;
  if (soup_message_headers_get_encoding (headers) != SOUP_ENCODING_CONTENT_LENGTH)
    return TRUE;
  length = soup_message_headers_get_content_length (headers);
  if (length >= 0 && (guint64) length > data->max_size)
    {
      g_propagate_error (error, too_large_announced_error (data, length));
      return FALSE;
    }
  if (soup_message_headers_get_one (headers, "Content-Encoding") == NULL)
    data->expected_length = length;
  if (length > 0)
    {
      g_byte_array_unref (data->body);
      data->body = g_byte_array_sized_new ((guint) MIN (length, MAX_PREALLOCATION));
    }
  return TRUE;
}

static void
message_sent_cb (GObject *source, GAsyncResult *res, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  FetchData *data = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  guint status;

  data->stream = soup_session_send_finish (SOUP_SESSION (source), res, &error);
  if (data->stream == NULL)
    {
      return_translated_error (task, error);
      return;
    }

  status = soup_message_get_status (data->message);
  if (status == SOUP_STATUS_NOT_MODIFIED && data->conditional)
    {
      g_task_return_pointer (task, new_result (data, TRUE),
                             (GDestroyNotify) hallway_fetch_result_free);
      return;
    }
  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      g_task_return_error (task, status_error (data, status));
      return;
    }
  if (!check_announced_length (data, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  read_next_chunk (task);
}

static void
add_validators (SoupMessage *message, const char *etag, const char *last_modified)
{
  SoupMessageHeaders *headers = soup_message_get_request_headers (message);

  if (etag != NULL && *etag != '\0')
    soup_message_headers_replace (headers, "If-None-Match", etag);
  if (last_modified != NULL && *last_modified != '\0')
    soup_message_headers_replace (headers, "If-Modified-Since", last_modified);
}

static gboolean
deadline_passed_cb (gpointer user_data)
{
  FetchData *data = user_data;

  data->deadline_passed = TRUE;
  g_cancellable_cancel (data->cancellable);
  return G_SOURCE_REMOVE;
}

static void
caller_cancelled_cb (GCancellable *caller_cancellable, gpointer user_data)
{
  GCancellable *own = user_data;

  g_cancellable_cancel (own);
}

static void
start_deadline (FetchData *data, GCancellable *caller_cancellable)
{
  data->cancellable = g_cancellable_new ();
  if (caller_cancellable != NULL)
    {
      data->caller_cancellable = g_object_ref (caller_cancellable);
      data->caller_handler = g_cancellable_connect (caller_cancellable,
                                                    G_CALLBACK (caller_cancelled_cb),
                                                    g_object_ref (data->cancellable),
                                                    g_object_unref);
    }
  if (data->deadline == 0)
    return;
  data->deadline_source = g_timeout_source_new_seconds (data->deadline);
  g_source_set_callback (data->deadline_source, deadline_passed_cb, data, NULL);
  g_source_attach (data->deadline_source, g_main_context_get_thread_default ());
}

/* The session keeps its defaults on purpose: the system GProxyResolver, the content
 * decoder (gzip, deflate, brotli) and libsoup's limit of 20 redirects. libsoup fixes the
 * timeout per connection when it opens: a change reaches connections kept alive from
 * before only once they close (idle for 60 s). */
static SoupSession *
session_for (GObject **session, guint timeout)
{
  if (*session == NULL)
    *session = G_OBJECT (soup_session_new_with_options ("user-agent", USER_AGENT,
                                                         "timeout", timeout, NULL));
  else if (soup_session_get_timeout (SOUP_SESSION (*session)) != timeout)
    soup_session_set_timeout (SOUP_SESSION (*session), timeout);
  return SOUP_SESSION (*session);
}

void
hallway_http_fetch (GObject                  **session,
                    const HallwayHttpRequest  *request,
                    GCancellable              *cancellable,
                    GTask                     *task)
{
  FetchData *data = g_new0 (FetchData, 1);

  data->uri = g_strdup (request->uri);
  data->message = soup_message_new_from_uri (SOUP_METHOD_GET, request->parsed);
  data->body = g_byte_array_new ();
  data->max_size = request->max_size;
  data->timeout = request->timeout;
  data->deadline = request->deadline;
  data->expected_length = -1;
  data->conditional = (request->etag != NULL && *request->etag != '\0') ||
                      (request->last_modified != NULL && *request->last_modified != '\0');
  add_validators (data->message, request->etag, request->last_modified);
  g_task_set_task_data (task, data, (GDestroyNotify) fetch_data_free);
  start_deadline (data, cancellable);

  soup_session_send_async (session_for (session, request->timeout), data->message,
                           G_PRIORITY_DEFAULT, data->cancellable, message_sent_cb, task);
}

void
hallway_http_abort (GObject *session)
{
  soup_session_abort (SOUP_SESSION (session));
}
