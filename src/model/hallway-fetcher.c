/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-fetcher"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "hallway-fetcher.h"
#include "hallway-http-private.h"
#include "hallway-schedule-reader.h"

/* libsoup's SOUP_HTTP_URI_FLAGS, so that this half needs no libsoup. */
#define HTTP_URI_FLAGS (G_URI_FLAGS_HAS_PASSWORD | G_URI_FLAGS_ENCODED_PATH | \
                        G_URI_FLAGS_ENCODED_QUERY | G_URI_FLAGS_ENCODED_FRAGMENT | \
                        G_URI_FLAGS_SCHEME_NORMALIZE)

/* The settings and what every fetch shares; the downloads themselves are hallway-http.c's. */
struct _HallwayFetcher
{
  GObject parent_instance;

  GObject *session; /* a SoupSession, made by the first fetch */
  guint timeout;
  guint64 max_size;
  guint deadline;
};

G_DEFINE_FINAL_TYPE (HallwayFetcher, hallway_fetcher, G_TYPE_OBJECT)

G_DEFINE_QUARK (hallway-fetch-error-quark, hallway_fetch_error)

G_DEFINE_BOXED_TYPE (HallwayFetchResult, hallway_fetch_result,
                     hallway_fetch_result_copy, hallway_fetch_result_free)

enum
{
  PROP_0,
  PROP_TIMEOUT,
  PROP_DEADLINE,
  PROP_MAX_SIZE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- results ------------------------------------------------------------------------- */

HallwayFetchResult *
hallway_fetch_result_copy (const HallwayFetchResult *result)
{
  HallwayFetchResult *copy;

  g_return_val_if_fail (result != NULL, NULL);

  copy = g_new0 (HallwayFetchResult, 1);
  copy->not_modified = result->not_modified;
  copy->status = result->status;
  copy->body = result->body != NULL ? g_bytes_ref (result->body) : NULL;
  copy->etag = g_strdup (result->etag);
  copy->last_modified = g_strdup (result->last_modified);
  copy->uri = g_strdup (result->uri);
  return copy;
}

void
hallway_fetch_result_free (HallwayFetchResult *result)
{
  if (result == NULL)
    return;
  g_clear_pointer (&result->body, g_bytes_unref);
  g_free (result->etag);
  g_free (result->last_modified);
  g_free (result->uri);
  g_free (result);
}

static GUri *
parse_web_uri (const char *uri, GError **error)
{
  g_autoptr (GUri) parsed = g_uri_parse (uri, HTTP_URI_FLAGS, NULL);
  const char *scheme = parsed != NULL ? g_uri_get_scheme (parsed) : NULL;

  if (scheme == NULL ||
      (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0) ||
      g_uri_get_host (parsed) == NULL || *g_uri_get_host (parsed) == '\0')
    {
      g_set_error (error, HALLWAY_FETCH_ERROR, HALLWAY_FETCH_ERROR_INVALID_URI,
                   _("%s: this is not a web address (http or https)"), uri);
      return NULL;
    }
  return g_steal_pointer (&parsed);
}

void
hallway_fetcher_fetch_async (HallwayFetcher      *self,
                             const char          *uri,
                             const char          *etag,
                             const char          *last_modified,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (GUri) parsed = NULL;
  g_autoptr (GError) error = NULL;
  HallwayHttpRequest request;

  g_return_if_fail (HALLWAY_IS_FETCHER (self));
  g_return_if_fail (uri != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hallway_fetcher_fetch_async);

  parsed = parse_web_uri (uri, &error);
  if (parsed == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  request = (HallwayHttpRequest) {
    .uri = uri,
    .parsed = parsed,
    .etag = etag,
    .last_modified = last_modified,
    .timeout = self->timeout,
    .deadline = self->deadline,
    .max_size = self->max_size,
  };
  hallway_http_fetch (&self->session, &request, cancellable, g_steal_pointer (&task));
}

HallwayFetchResult *
hallway_fetcher_fetch_finish (HallwayFetcher *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (HALLWAY_IS_FETCHER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
sync_fetch_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

HallwayFetchResult *
hallway_fetcher_fetch_sync (HallwayFetcher  *self,
                            const char      *uri,
                            const char      *etag,
                            const char      *last_modified,
                            GCancellable    *cancellable,
                            GError         **error)
{
  g_autoptr (GMainContext) context = g_main_context_ref_thread_default ();
  g_autoptr (GAsyncResult) result = NULL;

  g_return_val_if_fail (HALLWAY_IS_FETCHER (self), NULL);

  hallway_fetcher_fetch_async (self, uri, etag, last_modified, cancellable,
                               sync_fetch_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (context, TRUE);
  return hallway_fetcher_fetch_finish (self, result, error);
}

/* ---- the object ---------------------------------------------------------------------- */

HallwayFetcher *
hallway_fetcher_new (void)
{
  return g_object_new (HALLWAY_TYPE_FETCHER, NULL);
}

guint
hallway_fetcher_get_timeout (HallwayFetcher *self)
{
  g_return_val_if_fail (HALLWAY_IS_FETCHER (self), 0);
  return self->timeout;
}

void
hallway_fetcher_set_timeout (HallwayFetcher *self, guint seconds)
{
  g_return_if_fail (HALLWAY_IS_FETCHER (self));

  if (self->timeout == seconds)
    return;
  self->timeout = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMEOUT]);
}

guint
hallway_fetcher_get_deadline (HallwayFetcher *self)
{
  g_return_val_if_fail (HALLWAY_IS_FETCHER (self), 0);
  return self->deadline;
}

void
hallway_fetcher_set_deadline (HallwayFetcher *self, guint seconds)
{
  g_return_if_fail (HALLWAY_IS_FETCHER (self));

  if (self->deadline == seconds)
    return;
  self->deadline = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEADLINE]);
}

guint64
hallway_fetcher_get_max_size (HallwayFetcher *self)
{
  g_return_val_if_fail (HALLWAY_IS_FETCHER (self), 0);
  return self->max_size;
}

void
hallway_fetcher_set_max_size (HallwayFetcher *self, guint64 max_size)
{
  g_return_if_fail (HALLWAY_IS_FETCHER (self));

  if (self->max_size == max_size)
    return;
  self->max_size = max_size;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_SIZE]);
}

static void
hallway_fetcher_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  HallwayFetcher *self = HALLWAY_FETCHER (object);

  switch (prop_id)
    {
    case PROP_TIMEOUT:
      g_value_set_uint (value, hallway_fetcher_get_timeout (self));
      break;
    case PROP_DEADLINE:
      g_value_set_uint (value, self->deadline);
      break;
    case PROP_MAX_SIZE:
      g_value_set_uint64 (value, self->max_size);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hallway_fetcher_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  HallwayFetcher *self = HALLWAY_FETCHER (object);

  switch (prop_id)
    {
    case PROP_TIMEOUT:
      hallway_fetcher_set_timeout (self, g_value_get_uint (value));
      break;
    case PROP_DEADLINE:
      hallway_fetcher_set_deadline (self, g_value_get_uint (value));
      break;
    case PROP_MAX_SIZE:
      hallway_fetcher_set_max_size (self, g_value_get_uint64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hallway_fetcher_dispose (GObject *object)
{
  HallwayFetcher *self = HALLWAY_FETCHER (object);

  if (self->session != NULL)
    hallway_http_abort (self->session);
  g_clear_object (&self->session);
  G_OBJECT_CLASS (hallway_fetcher_parent_class)->dispose (object);
}

static void
hallway_fetcher_class_init (HallwayFetcherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = hallway_fetcher_get_property;
  object_class->set_property = hallway_fetcher_set_property;
  object_class->dispose = hallway_fetcher_dispose;

  /* Seconds without progress (connecting, waiting for the answer, reading) before giving
   * up. libsoup fixes it per connection when it opens: a change reaches connections kept
   * alive from before only once they close (idle for 60 s), so set it first. */
  properties[PROP_TIMEOUT] =
    g_param_spec_uint ("timeout", NULL, NULL, 0, G_MAXUINT, HALLWAY_FETCHER_DEFAULT_TIMEOUT,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Seconds for a whole fetch, from the request to the last byte; 0 for none. */
  properties[PROP_DEADLINE] =
    g_param_spec_uint ("deadline", NULL, NULL, 0, G_MAXUINT, HALLWAY_FETCHER_DEFAULT_DEADLINE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The largest body accepted, in bytes, after decompression. */
  properties[PROP_MAX_SIZE] =
    g_param_spec_uint64 ("max-size", NULL, NULL, 1, G_MAXUINT, HALLWAY_SCHEDULE_MAX_SIZE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hallway_fetcher_init (HallwayFetcher *self)
{
  self->timeout = HALLWAY_FETCHER_DEFAULT_TIMEOUT;
  self->max_size = HALLWAY_SCHEDULE_MAX_SIZE;
  self->deadline = HALLWAY_FETCHER_DEFAULT_DEADLINE;
}
