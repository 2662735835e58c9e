/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-subscription"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "hallway-conference.h"
#include "hallway-day.h"
#include "hallway-file.h"
#include "hallway-schedule-change.h"
#include "hallway-schedule-reader.h"
#include "hallway-schedule-snapshot.h"
#include "hallway-state-file.h"
#include "hallway-location.h"
#include "hallway-subscription.h"

struct _HallwaySubscription
{
  GObject parent_instance;

  char *uri;
  gboolean is_web;
  HallwayFetcher *fetcher;
  HallwayBookmarks *bookmarks;
  HallwayScheduleCache *cache;

  HallwayConference *conference;
  GListModel *changes;  /* HallwayScheduleChange: the last update's, also after a restart */
  GDateTime *last_checked;
  char *last_error;
  gboolean refreshing;
  guint parse_count;
};

G_DEFINE_FINAL_TYPE (HallwaySubscription, hallway_subscription, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_URI,
  PROP_FETCHER,
  PROP_BOOKMARKS,
  PROP_CONFERENCE,
  PROP_CHANGES,
  PROP_LAST_CHECKED,
  PROP_LAST_ERROR,
  PROP_REFRESHING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SIGNAL_UPDATED,
  SIGNAL_BOOKMARKS_AFFECTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- state --------------------------------------------------------------------------- */

static void
set_conference (HallwaySubscription *self, HallwayConference *conference)
{
  if (g_set_object (&self->conference, conference))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONFERENCE]);
}

static void
set_changes (HallwaySubscription *self, GListModel *changes)
{
  if (g_set_object (&self->changes, changes))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHANGES]);
}

static void
set_last_error (HallwaySubscription *self, const char *message)
{
  if (g_set_str (&self->last_error, message))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_ERROR]);
}

static void
set_refreshing (HallwaySubscription *self, gboolean refreshing)
{
  if (self->refreshing == refreshing)
    return;
  self->refreshing = refreshing;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFRESHING]);
}

static void
update_last_checked (HallwaySubscription *self)
{
  GDateTime *checked = hallway_schedule_cache_get_checked (self->cache);

  if (checked == self->last_checked ||
      (checked != NULL && self->last_checked != NULL &&
       g_date_time_equal (checked, self->last_checked)))
    return;
  g_clear_pointer (&self->last_checked, g_date_time_unref);
  self->last_checked = checked != NULL ? g_date_time_ref (checked) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_CHECKED]);
}

/* ---- parsing in a thread ------------------------------------------------------------- */

typedef struct
{
  GBytes *payload;
  HallwayConference *previous; /* NULL: nothing to compare with */
  HallwayConference *parsed;
  GListModel *changes;
} ParseJob;

static void
parse_job_free (ParseJob *job)
{
  g_clear_pointer (&job->payload, g_bytes_unref);
  g_clear_object (&job->previous);
  g_clear_object (&job->parsed);
  g_clear_object (&job->changes);
  g_free (job);
}

/* The version the cached one replaced; NULL when there is none or it no longer reads
 * (then there are no changes to show, nothing else is lost). */
static HallwayConference *
read_previous (GFile *file)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  HallwayConference *conference = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!hallway_file_load_state (file, HALLWAY_SCHEDULE_MAX_SIZE, &contents, &length, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_debug ("Cannot read the previous version: %s", error->message);
      return NULL;
    }
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  conference = hallway_schedule_read_bytes (bytes, &error);
  if (conference == NULL)
    g_debug ("Cannot read the previous version: %s", error->message);
  return conference;
}

/* Conferences are immutable once read, so both versions can be compared off the main
 * thread. */
static void
parse_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  ParseJob *job = task_data;
  GError *error = NULL;

  job->parsed = hallway_schedule_read_bytes (job->payload, &error);
  if (job->parsed == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (job->previous != NULL)
    job->changes = hallway_schedule_diff (job->previous, job->parsed);
  else
    job->changes = G_LIST_MODEL (g_list_store_new (HALLWAY_TYPE_SCHEDULE_CHANGE));
  g_task_return_boolean (task, TRUE);
}

static void
parse_async (HallwaySubscription *self,
             GBytes              *payload,
             HallwayConference   *previous,
             GCancellable        *cancellable,
             GAsyncReadyCallback  callback,
             gpointer             user_data)
{
  g_autoptr (GTask) task = g_task_new (self, cancellable, callback, user_data);
  ParseJob *job = g_new0 (ParseJob, 1);

  job->payload = g_bytes_ref (payload);
  job->previous = previous != NULL ? g_object_ref (previous) : NULL;
  g_task_set_task_data (task, job, (GDestroyNotify) parse_job_free);
  self->parse_count++;
  g_task_run_in_thread (task, parse_thread);
}

/* The job, with the parsed conference and the changes, or NULL and an error that names
 * the URL. */
static ParseJob *
parse_finish (HallwaySubscription *self, GAsyncResult *result, GError **error)
{
  if (!g_task_propagate_boolean (G_TASK (result), error))
    {
      g_prefix_error (error, "%s: ", self->uri);
      return NULL;
    }
  return g_task_get_task_data (G_TASK (result));
}

/* ---- local files: the same contract as the fetcher, with the file's etag ------------- */

typedef struct
{
  GFile *file;
  char *uri;
  char *etag;
  guint64 max_size;
} LocalFetch;

static void
local_fetch_free (LocalFetch *fetch)
{
  g_clear_object (&fetch->file);
  g_free (fetch->uri);
  g_free (fetch->etag);
  g_free (fetch);
}

/* Refused by its size before any of it is read, as the fetcher refuses a Content-Length. */
static gboolean
check_file_size (LocalFetch *fetch, GFileInputStream *stream, GCancellable *cancellable,
                 GError **error)
{
  g_autoptr (GFileInfo) info = g_file_input_stream_query_info (stream,
                                                               G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                               cancellable, NULL);
  g_autofree char *reason = NULL;

  if (info == NULL || (guint64) g_file_info_get_size (info) <= fetch->max_size)
    return TRUE;
  reason = hallway_schedule_describe_too_large ((guint64) g_file_info_get_size (info),
                                                fetch->max_size);
  g_set_error (error, HALLWAY_FETCH_ERROR, HALLWAY_FETCH_ERROR_TOO_LARGE, "%s: %s", fetch->uri,
               reason);
  return FALSE;
}

/* A file that grows while read (or has no size, as a pipe) is cut at the cap plus one
 * byte, and refused then. */
static GBytes *
read_capped (LocalFetch *fetch, GCancellable *cancellable, GError **error)
{
  g_autoptr (GFileInputStream) stream = g_file_read (fetch->file, cancellable, error);
  g_autoptr (GBytes) bytes = NULL;

  if (stream == NULL || !check_file_size (fetch, stream, cancellable, error))
    return NULL;
  bytes = g_input_stream_read_bytes (G_INPUT_STREAM (stream), fetch->max_size + 1,
                                     cancellable, error);
  if (bytes != NULL && g_bytes_get_size (bytes) > fetch->max_size)
    {
      g_autofree char *limit = g_format_size_full (fetch->max_size, G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, HALLWAY_FETCH_ERROR, HALLWAY_FETCH_ERROR_TOO_LARGE,
                   _("%s: the file is too large for a schedule (more than %s)"), fetch->uri,
                   limit);
      return NULL;
    }
  return g_steal_pointer (&bytes);
}

static void
local_fetch_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  LocalFetch *fetch = task_data;
  g_autoptr (HallwayFetchResult) result = g_new0 (HallwayFetchResult, 1);
  g_autoptr (GFileInfo) info = NULL;
  GError *error = NULL;

  info = g_file_query_info (fetch->file, G_FILE_ATTRIBUTE_ETAG_VALUE, G_FILE_QUERY_INFO_NONE,
                            cancellable, &error);
  if (info != NULL)
    result->etag = g_strdup (g_file_info_get_etag (info));
  result->uri = g_strdup (fetch->uri);
  result->not_modified = fetch->etag != NULL && g_strcmp0 (fetch->etag, result->etag) == 0;
  if (info != NULL && !result->not_modified)
    result->body = read_capped (fetch, cancellable, &error);
  if (info == NULL || (!result->not_modified && result->body == NULL))
    {
      /* GIO's messages name the path, not the URI the user subscribed to. */
      if (error->domain != HALLWAY_FETCH_ERROR)
        g_prefix_error (&error, "%s: ", fetch->uri);
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, g_steal_pointer (&result),
                         (GDestroyNotify) hallway_fetch_result_free);
}

static void
fetch_async (HallwaySubscription *self,
             const char          *etag,
             const char          *last_modified,
             GCancellable        *cancellable,
             GAsyncReadyCallback  callback,
             gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  LocalFetch *fetch;

  if (self->is_web)
    {
      hallway_fetcher_fetch_async (self->fetcher, self->uri, etag, last_modified, cancellable,
                                   callback, user_data);
      return;
    }
  task = g_task_new (self, cancellable, callback, user_data);
  fetch = g_new0 (LocalFetch, 1);
  fetch->file = g_file_new_for_uri (self->uri);
  fetch->uri = g_strdup (self->uri);
  fetch->etag = g_strdup (etag);
  fetch->max_size = hallway_fetcher_get_max_size (self->fetcher);
  g_task_set_task_data (task, fetch, (GDestroyNotify) local_fetch_free);
  g_task_run_in_thread (task, local_fetch_thread);
}

static HallwayFetchResult *
fetch_finish (HallwaySubscription *self, GAsyncResult *result, GError **error)
{
  if (self->is_web)
    return hallway_fetcher_fetch_finish (self->fetcher, result, error);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- loading the cached copy --------------------------------------------------------- */

typedef struct
{
  GFile *previous_file;
  HallwayConference *current;
  GListModel *changes;
} PreviousJob;

static void
previous_job_free (PreviousJob *job)
{
  g_clear_object (&job->previous_file);
  g_clear_object (&job->current);
  g_clear_object (&job->changes);
  g_free (job);
}

static void
previous_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  PreviousJob *job = task_data;
  g_autoptr (HallwayConference) previous = read_previous (job->previous_file);

  if (previous != NULL)
    job->changes = hallway_schedule_diff (previous, job->current);
  g_task_return_boolean (task, TRUE);
}

static void
previous_loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  HallwaySubscription *self = HALLWAY_SUBSCRIPTION (source);
  PreviousJob *job = g_task_get_task_data (G_TASK (result));

  /* A refresh that brought a version meanwhile has its own changes. */
  if (job->changes != NULL && self->conference == job->current && self->changes == NULL)
    set_changes (self, job->changes);
}

/* The changes of the last update, after a restart: the cached version against the one it
 * replaced. After the conference is shown, not before: a second schedule to read would
 * delay the first frame. "changes" tells when they are there. */
static void
load_previous_changes (HallwaySubscription *self)
{
  g_autoptr (GTask) task = g_task_new (self, NULL, previous_loaded_cb, NULL);
  PreviousJob *job = g_new0 (PreviousJob, 1);

  job->previous_file = g_object_ref (hallway_schedule_cache_get_previous_file (self->cache));
  job->current = g_object_ref (self->conference);
  g_task_set_task_data (task, job, (GDestroyNotify) previous_job_free);
  g_task_run_in_thread (task, previous_thread);
}

void
hallway_subscription_read_changes (HallwaySubscription *self)
{
  g_return_if_fail (HALLWAY_IS_SUBSCRIPTION (self));

  if (self->conference != NULL && self->changes == NULL)
    load_previous_changes (self);
}

static void
cached_parsed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  HallwaySubscription *self = HALLWAY_SUBSCRIPTION (source);
  g_autoptr (GTask) task = user_data;
  GError *error = NULL;
  ParseJob *job = parse_finish (self, result, &error);

  if (job == NULL)
    {
      /* Its validators would make the server answer 304 to a copy we cannot read. */
      hallway_schedule_cache_forget (self->cache);
      g_task_return_error (task, error);
      return;
    }
  /* A refresh that finished meanwhile brought a newer version. */
  if (self->conference == NULL)
    {
      set_conference (self, job->parsed);
      load_previous_changes (self);
      update_last_checked (self);
    }
  g_task_return_boolean (task, TRUE);
}

static void
cache_loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  HallwaySubscription *self = g_task_get_source_object (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  g_autoptr (GBytes) payload = NULL;
  GError *error = NULL;

  payload = hallway_schedule_cache_load_finish (self->cache, result, &error);
  if (payload == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  parse_async (self, payload, NULL, cancellable, cached_parsed_cb, g_steal_pointer (&task));
}

/* A snapshot is a little bigger than its schedule: past twice the biggest schedule it is
 * not one. */
#define SNAPSHOT_MAX_SIZE (2 * HALLWAY_SCHEDULE_MAX_SIZE)

/* The conference of the cache's snapshot when it is one of the payload loaded. */
static HallwayConference *
read_snapshot (HallwaySubscription *self)
{
  GFile *file = hallway_schedule_cache_get_snapshot_file (self->cache);
  const char *sha256 = hallway_schedule_cache_get_payload_sha256 (self->cache);
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;

  if (sha256 == NULL)
    return NULL;
  if (!hallway_file_load_state (file, SNAPSHOT_MAX_SIZE, &contents, &length, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_debug ("Cannot read the snapshot of %s: %s", self->uri, error->message);
      return NULL;
    }
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  return hallway_schedule_snapshot_read (bytes, sha256);
}

/* Best effort: without it the next start parses again. */
static void
write_snapshot (HallwaySubscription *self, HallwayConference *conference)
{
  const char *sha256 = hallway_schedule_cache_get_payload_sha256 (self->cache);
  g_autoptr (GBytes) snapshot = NULL;
  g_autoptr (GError) error = NULL;

  if (sha256 == NULL)
    return;
  snapshot = hallway_schedule_snapshot_new (conference, sha256);
  if (!hallway_state_file_write (hallway_schedule_cache_get_snapshot_file (self->cache), snapshot,
                                 NULL, &error))
    g_debug ("Cannot keep a snapshot of %s: %s", self->uri, error->message);
}

/* The cached payload, parsed; a snapshot of it is left for the next start. */
static HallwayConference *
parse_cached_payload (HallwaySubscription *self, GError **error)
{
  g_autoptr (GBytes) payload = hallway_schedule_cache_load (self->cache, error);
  HallwayConference *parsed;

  if (payload == NULL)
    return NULL;
  self->parse_count++;
  parsed = hallway_schedule_read_bytes (payload, error);
  if (parsed == NULL)
    {
      /* As cached_parsed_cb (). */
      hallway_schedule_cache_forget (self->cache);
      g_prefix_error (error, "%s: ", self->uri);
      return NULL;
    }
  write_snapshot (self, parsed);
  return parsed;
}

/* Reads the cached copy at start-up, from its snapshot when there is one for it: FOSDEM
 * 2026 grown to 17,000 talks took most of a second to parse (issue 13). With a snapshot,
 * the payload (53 MB at 16 times FOSDEM) is not even read. */
gboolean
hallway_subscription_load_cached (HallwaySubscription *self, GError **error)
{
  g_autoptr (HallwayConference) conference = NULL;

  g_return_val_if_fail (HALLWAY_IS_SUBSCRIPTION (self), FALSE);

  if (hallway_schedule_cache_load_meta_if_stamped (self->cache))
    conference = read_snapshot (self);
  if (conference == NULL)
    conference = parse_cached_payload (self, error);
  if (conference == NULL)
    return FALSE;
  set_conference (self, conference);
  update_last_checked (self);
  return TRUE;
}

void
hallway_subscription_load_cached_async (HallwaySubscription *self,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (HALLWAY_IS_SUBSCRIPTION (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hallway_subscription_load_cached_async);
  hallway_schedule_cache_load_async (self->cache, cancellable, cache_loaded_cb, task);
}

gboolean
hallway_subscription_load_cached_finish (HallwaySubscription *self,
                                         GAsyncResult        *result,
                                         GError             **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- refreshing ---------------------------------------------------------------------- */

typedef struct
{
  HallwayFetchResult *fetched;
  ParseJob *parsed; /* borrowed from the parse task, kept alive by it */
  GTask *parse_task;
} RefreshData;

static void
refresh_data_free (RefreshData *data)
{
  g_clear_pointer (&data->fetched, hallway_fetch_result_free);
  g_clear_object (&data->parse_task);
  g_free (data);
}

static void
refresh_fail (GTask *task, GError *error)
{
  HallwaySubscription *self = g_task_get_source_object (task);

  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    set_last_error (self, error->message);
  set_refreshing (self, FALSE);
  g_task_return_error (task, error);
}

static void
refresh_succeed (GTask *task, const char *warning)
{
  HallwaySubscription *self = g_task_get_source_object (task);

  update_last_checked (self);
  set_last_error (self, warning);
  set_refreshing (self, FALSE);
  g_task_return_boolean (task, TRUE);
}

GListModel *
hallway_subscription_filter_bookmarked_changes (HallwaySubscription *self, GListModel *changes)
{
  GListStore *affected;
  guint n_changes;

  g_return_val_if_fail (HALLWAY_IS_SUBSCRIPTION (self), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (changes), NULL);

  affected = g_list_store_new (HALLWAY_TYPE_SCHEDULE_CHANGE);
  n_changes = g_list_model_get_n_items (changes);

  for (guint i = 0; self->bookmarks != NULL && i < n_changes; i++)
    {
      g_autoptr (HallwayScheduleChange) change = g_list_model_get_item (changes, i);
      HallwayChangeKind kind = hallway_schedule_change_get_kind (change);

      if ((kind == HALLWAY_CHANGE_MOVED || kind == HALLWAY_CHANGE_REMOVED) &&
          hallway_bookmarks_contains (self->bookmarks,
                                      hallway_schedule_change_get_key (change)))
        g_list_store_append (affected, change);
    }
  return G_LIST_MODEL (affected);
}

/* A failure to save the updated bookmarks is reported, not fatal: the new version is
 * already in the cache, and the changes stay to be saved by the next save. */
static void
bookmarks_saved_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  HallwaySubscription *self = g_task_get_source_object (task);
  g_autoptr (GError) error = NULL;
  g_autofree char *warning = NULL;

  if (!hallway_bookmarks_save_finish (HALLWAY_BOOKMARKS (source), result, &error))
    {
      g_debug ("Cannot save the bookmarks after updating %s: %s", self->uri, error->message);
      warning = g_strdup_printf (_("%s: the schedule was updated, but the bookmarks cannot be "
                                   "saved (%s)"),
                                 self->uri, error->message);
    }
  refresh_succeed (task, warning);
}

/* The bookmarks follow the new version at once; they are saved through their queue, after
 * the saves already asked for, never on this (the main) thread. The refresh finishes when
 * that save is written. */
static void
commit_new_version (GTask *task)
{
  HallwaySubscription *self = g_task_get_source_object (task);
  RefreshData *data = g_task_get_task_data (task);
  ParseJob *job = data->parsed;
  g_autoptr (GListModel) affected =
    hallway_subscription_filter_bookmarked_changes (self, job->changes);

  if (self->bookmarks != NULL)
    hallway_bookmarks_update_from (self->bookmarks, job->parsed);
  set_changes (self, job->changes);
  set_conference (self, job->parsed);
  g_signal_emit (self, signals[SIGNAL_UPDATED], 0, job->parsed, job->changes);
  if (g_list_model_get_n_items (affected) > 0)
    g_signal_emit (self, signals[SIGNAL_BOOKMARKS_AFFECTED], 0, affected);
  if (self->bookmarks != NULL)
    hallway_bookmarks_save_async (self->bookmarks, NULL, bookmarks_saved_cb, g_object_ref (task));
  else
    refresh_succeed (task, NULL);
}

static void
new_version_stored_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  HallwaySubscription *self = g_task_get_source_object (task);
  g_autoptr (GError) error = NULL;

  if (!hallway_schedule_cache_store_finish (HALLWAY_SCHEDULE_CACHE (source), result, &error))
    {
      refresh_fail (task,
                    g_error_new (error->domain, error->code,
                                 _("%s: the new schedule cannot be saved for offline use (%s)"),
                                 self->uri, error->message));
      return;
    }
  commit_new_version (task);
}

static void
new_version_parsed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  HallwaySubscription *self = HALLWAY_SUBSCRIPTION (source);
  g_autoptr (GTask) task = user_data;
  RefreshData *data = g_task_get_task_data (task);
  GError *error = NULL;

  data->parsed = parse_finish (self, result, &error);
  if (data->parsed == NULL)
    {
      refresh_fail (task, error);
      return;
    }
  data->parse_task = g_object_ref (G_TASK (result));
  /* Not cancellable from here: once stored, the new version must also be taken, or the
   * next refresh would get a 304 for a version we do not show. */
  hallway_schedule_cache_store_async (self->cache, data->fetched->body, data->fetched->etag,
                                      data->fetched->last_modified, NULL,
                                      new_version_stored_cb, g_steal_pointer (&task));
}

static void
not_modified_stored_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  HallwaySubscription *self = g_task_get_source_object (task);
  g_autoptr (GError) error = NULL;

  if (!hallway_schedule_cache_store_finish (HALLWAY_SCHEDULE_CACHE (source), result, &error))
    {
      refresh_fail (task,
                    g_error_new (error->domain, error->code,
                                 _("%s: the schedule is unchanged, but the cache cannot be "
                                   "updated (%s)"),
                                 self->uri, error->message));
      return;
    }
  refresh_succeed (task, NULL);
}

/* A 304 may repeat the validators or leave them out; the stored ones stay valid then. */
static void
record_not_modified (GTask *task)
{
  HallwaySubscription *self = g_task_get_source_object (task);
  RefreshData *data = g_task_get_task_data (task);
  const char *etag = data->fetched->etag;
  const char *last_modified = data->fetched->last_modified;

  if (etag == NULL)
    etag = hallway_schedule_cache_get_etag (self->cache);
  if (last_modified == NULL)
    last_modified = hallway_schedule_cache_get_last_modified (self->cache);
  hallway_schedule_cache_store_async (self->cache, NULL, etag, last_modified,
                                      g_task_get_cancellable (task), not_modified_stored_cb,
                                      g_object_ref (task));
}

static void
fetched_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  HallwaySubscription *self = g_task_get_source_object (task);
  RefreshData *data = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  GError *error = NULL;

  data->fetched = fetch_finish (self, result, &error);
  if (data->fetched == NULL)
    {
      refresh_fail (task, error);
      return;
    }
  if (data->fetched->not_modified)
    {
      record_not_modified (task);
      return;
    }
  parse_async (self, data->fetched->body, self->conference, cancellable,
               new_version_parsed_cb, g_steal_pointer (&task));
}

void
hallway_subscription_refresh_async (HallwaySubscription *self,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  const char *etag = NULL;
  const char *last_modified = NULL;

  g_return_if_fail (HALLWAY_IS_SUBSCRIPTION (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hallway_subscription_refresh_async);
  /* The result says what happened: a version taken just before a cancel stays a success. */
  g_task_set_check_cancellable (task, FALSE);
  if (self->refreshing)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING,
                               _("%s: the schedule is already being refreshed"), self->uri);
      return;
    }
  g_task_set_task_data (task, g_new0 (RefreshData, 1), (GDestroyNotify) refresh_data_free);
  set_refreshing (self, TRUE);

  /* Validators only for a version we hold: a 304 must not leave us with nothing. */
  if (self->conference != NULL)
    {
      etag = hallway_schedule_cache_get_etag (self->cache);
      last_modified = hallway_schedule_cache_get_last_modified (self->cache);
    }
  fetch_async (self, etag, last_modified, cancellable, fetched_cb, g_steal_pointer (&task));
}

gboolean
hallway_subscription_refresh_finish (HallwaySubscription *self,
                                     GAsyncResult        *result,
                                     GError             **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- refresh policy ------------------------------------------------------------------ */

static gboolean
find_first_and_last_day (HallwayConference *conference, GDateTime **first, GDateTime **last)
{
  GListModel *days = hallway_conference_get_days (conference);
  guint n_days = days != NULL ? g_list_model_get_n_items (days) : 0;

  *first = *last = NULL;
  for (guint i = 0; i < n_days; i++)
    {
      g_autoptr (HallwayDay) day = g_list_model_get_item (days, i);
      GDateTime *date = hallway_day_get_date (day);

      if (*first == NULL || g_date_time_compare (date, *first) < 0)
        *first = date;
      if (*last == NULL || g_date_time_compare (date, *last) > 0)
        *last = date;
    }
  return *first != NULL;
}

/* Day dates are midnight in the conference's zone, so the window follows its calendar. */
GTimeSpan
hallway_refresh_interval_for_conference (HallwayConference *conference, GDateTime *now)
{
  GDateTime *first_day;
  GDateTime *last_day;
  g_autoptr (GDateTime) window_start = NULL;
  g_autoptr (GDateTime) window_end = NULL;

  g_return_val_if_fail (now != NULL, HALLWAY_SUBSCRIPTION_INTERVAL_DEFAULT);

  if (conference == NULL || !find_first_and_last_day (conference, &first_day, &last_day))
    return HALLWAY_SUBSCRIPTION_INTERVAL_DEFAULT;
  window_start = g_date_time_add_days (first_day, -1);
  window_end = g_date_time_add_days (last_day, 1);
  if (g_date_time_compare (now, window_start) >= 0 && g_date_time_compare (now, window_end) < 0)
    return HALLWAY_SUBSCRIPTION_INTERVAL_CONFERENCE;
  return HALLWAY_SUBSCRIPTION_INTERVAL_DEFAULT;
}

GTimeSpan
hallway_subscription_get_refresh_interval (HallwaySubscription *self, GDateTime *now)
{
  g_return_val_if_fail (HALLWAY_IS_SUBSCRIPTION (self), HALLWAY_SUBSCRIPTION_INTERVAL_DEFAULT);
  return hallway_refresh_interval_for_conference (self->conference, now);
}

/* ---- the object ---------------------------------------------------------------------- */

HallwaySubscription *
hallway_subscription_new (const char       *location,
                          HallwayFetcher   *fetcher,
                          HallwayBookmarks *bookmarks)
{
  g_return_val_if_fail (location != NULL, NULL);
  g_return_val_if_fail (fetcher == NULL || HALLWAY_IS_FETCHER (fetcher), NULL);
  g_return_val_if_fail (bookmarks == NULL || HALLWAY_IS_BOOKMARKS (bookmarks), NULL);

  return g_object_new (HALLWAY_TYPE_SUBSCRIPTION,
                       "uri", location,
                       "fetcher", fetcher,
                       "bookmarks", bookmarks,
                       NULL);
}

const char *
hallway_subscription_get_uri (HallwaySubscription *self)
{
  g_return_val_if_fail (HALLWAY_IS_SUBSCRIPTION (self), NULL);
  return self->uri;
}

/* The changes the last update brought, read again from the cache at start; NULL before a
 * version is loaded. */
GListModel *
hallway_subscription_get_changes (HallwaySubscription *self)
{
  g_return_val_if_fail (HALLWAY_IS_SUBSCRIPTION (self), NULL);
  return self->changes;
}

void
hallway_subscription_dismiss_changes (HallwaySubscription *self)
{
  GFile *previous;
  g_autoptr (GError) error = NULL;
  g_autoptr (GListStore) none = NULL;

  g_return_if_fail (HALLWAY_IS_SUBSCRIPTION (self));

  /* One unlink, done before the app can quit: dismissed is dismissed after a restart. */
  previous = hallway_schedule_cache_get_previous_file (self->cache);
  if (!g_file_delete (previous, NULL, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_warning ("Cannot remove %s; the changes will show again after a restart: %s",
               g_file_peek_path (previous), error->message);
  /* Empty, not NULL: a read of `previous` still running must not bring them back. */
  none = g_list_store_new (HALLWAY_TYPE_SCHEDULE_CHANGE);
  set_changes (self, G_LIST_MODEL (none));
}

HallwayConference *
hallway_subscription_get_conference (HallwaySubscription *self)
{
  g_return_val_if_fail (HALLWAY_IS_SUBSCRIPTION (self), NULL);
  return self->conference;
}

GDateTime *
hallway_subscription_get_last_checked (HallwaySubscription *self)
{
  g_return_val_if_fail (HALLWAY_IS_SUBSCRIPTION (self), NULL);
  return self->last_checked;
}

const char *
hallway_subscription_get_last_error (HallwaySubscription *self)
{
  g_return_val_if_fail (HALLWAY_IS_SUBSCRIPTION (self), NULL);
  return self->last_error;
}

gboolean
hallway_subscription_get_refreshing (HallwaySubscription *self)
{
  g_return_val_if_fail (HALLWAY_IS_SUBSCRIPTION (self), FALSE);
  return self->refreshing;
}

HallwayScheduleCache *
hallway_subscription_get_cache (HallwaySubscription *self)
{
  g_return_val_if_fail (HALLWAY_IS_SUBSCRIPTION (self), NULL);
  return self->cache;
}

HallwayBookmarks *
hallway_subscription_get_bookmarks (HallwaySubscription *self)
{
  g_return_val_if_fail (HALLWAY_IS_SUBSCRIPTION (self), NULL);
  return self->bookmarks;
}

guint
hallway_subscription_get_parse_count (HallwaySubscription *self)
{
  g_return_val_if_fail (HALLWAY_IS_SUBSCRIPTION (self), 0);
  return self->parse_count;
}

static void
hallway_subscription_constructed (GObject *object)
{
  HallwaySubscription *self = HALLWAY_SUBSCRIPTION (object);

  G_OBJECT_CLASS (hallway_subscription_parent_class)->constructed (object);

  g_return_if_fail (self->uri != NULL);
  self->is_web = hallway_location_is_web (self->uri);
  if (self->fetcher == NULL)
    self->fetcher = hallway_fetcher_new ();
  self->cache = hallway_schedule_cache_new (self->uri);
}

static void
hallway_subscription_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  HallwaySubscription *self = HALLWAY_SUBSCRIPTION (object);

  switch (prop_id)
    {
    case PROP_URI:
      g_value_set_string (value, self->uri);
      break;
    case PROP_FETCHER:
      g_value_set_object (value, self->fetcher);
      break;
    case PROP_BOOKMARKS:
      g_value_set_object (value, self->bookmarks);
      break;
    case PROP_CONFERENCE:
      g_value_set_object (value, self->conference);
      break;
    case PROP_CHANGES:
      g_value_set_object (value, self->changes);
      break;
    case PROP_LAST_CHECKED:
      g_value_set_boxed (value, self->last_checked);
      break;
    case PROP_LAST_ERROR:
      g_value_set_string (value, self->last_error);
      break;
    case PROP_REFRESHING:
      g_value_set_boolean (value, self->refreshing);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hallway_subscription_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  HallwaySubscription *self = HALLWAY_SUBSCRIPTION (object);

  switch (prop_id)
    {
    case PROP_URI:
      self->uri = g_value_get_string (value) != NULL
                  ? hallway_location_normalize (g_value_get_string (value)) : NULL;
      break;
    case PROP_FETCHER:
      self->fetcher = g_value_dup_object (value);
      break;
    case PROP_BOOKMARKS:
      self->bookmarks = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hallway_subscription_dispose (GObject *object)
{
  HallwaySubscription *self = HALLWAY_SUBSCRIPTION (object);

  g_clear_object (&self->conference);
  g_clear_object (&self->changes);
  g_clear_object (&self->cache);
  g_clear_object (&self->bookmarks);
  g_clear_object (&self->fetcher);
  G_OBJECT_CLASS (hallway_subscription_parent_class)->dispose (object);
}

static void
hallway_subscription_finalize (GObject *object)
{
  HallwaySubscription *self = HALLWAY_SUBSCRIPTION (object);

  g_free (self->uri);
  g_free (self->last_error);
  g_clear_pointer (&self->last_checked, g_date_time_unref);
  G_OBJECT_CLASS (hallway_subscription_parent_class)->finalize (object);
}

static void
hallway_subscription_class_init (HallwaySubscriptionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = hallway_subscription_constructed;
  object_class->get_property = hallway_subscription_get_property;
  object_class->set_property = hallway_subscription_set_property;
  object_class->dispose = hallway_subscription_dispose;
  object_class->finalize = hallway_subscription_finalize;

  properties[PROP_URI] =
    g_param_spec_string ("uri", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FETCHER] =
    g_param_spec_object ("fetcher", NULL, NULL, HALLWAY_TYPE_FETCHER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BOOKMARKS] =
    g_param_spec_object ("bookmarks", NULL, NULL, HALLWAY_TYPE_BOOKMARKS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONFERENCE] =
    g_param_spec_object ("conference", NULL, NULL, HALLWAY_TYPE_CONFERENCE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CHANGES] =
    g_param_spec_object ("changes", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAST_CHECKED] =
    g_param_spec_boxed ("last-checked", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAST_ERROR] =
    g_param_spec_string ("last-error", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REFRESHING] =
    g_param_spec_boolean ("refreshing", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* (HallwayConference *conference, GListModel *changes) after a new version was taken. */
  signals[SIGNAL_UPDATED] =
    g_signal_new ("updated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, HALLWAY_TYPE_CONFERENCE, G_TYPE_LIST_MODEL);
  /* (GListModel *changes): bookmarked talks that moved or were removed, for reminders. */
  signals[SIGNAL_BOOKMARKS_AFFECTED] =
    g_signal_new ("bookmarks-affected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                  NULL, NULL, G_TYPE_NONE, 1, G_TYPE_LIST_MODEL);
}

static void
hallway_subscription_init (HallwaySubscription *self)
{
}
