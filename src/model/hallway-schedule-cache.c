/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-schedule-cache"

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "hallway-file.h"
#include "hallway-json.h"
#include "hallway-paths.h"
#include "hallway-schedule-cache.h"
#include "hallway-schedule-reader.h"
#include "hallway-state-file.h"

#define META_VERSION 1

typedef struct
{
  char *etag;
  char *last_modified;
  GDateTime *fetched;
  GDateTime *checked;
  char *sha256; /* of the payload this meta describes */
  /* The payload file's size and modification time (µs) when the checksum was taken: while
   * they stay the same, the checksum is trusted without reading the 4 MB again at every
   * start. 0: unknown. */
  gint64 payload_size;
  gint64 payload_modified_us;
} CacheMeta;

struct _HallwayScheduleCache
{
  GObject parent_instance;

  char *url;
  GFile *folder;
  GFile *payload_file;
  GFile *previous_file;
  GFile *meta_file;
  GFile *snapshot_file;
  CacheMeta meta;
};

G_DEFINE_FINAL_TYPE (HallwayScheduleCache, hallway_schedule_cache, G_TYPE_OBJECT)

/* ---- meta ---------------------------------------------------------------------------- */

static void
cache_meta_clear (CacheMeta *meta)
{
  g_clear_pointer (&meta->etag, g_free);
  g_clear_pointer (&meta->last_modified, g_free);
  g_clear_pointer (&meta->fetched, g_date_time_unref);
  g_clear_pointer (&meta->checked, g_date_time_unref);
  g_clear_pointer (&meta->sha256, g_free);
  meta->payload_size = 0;
  meta->payload_modified_us = 0;
}

static void
cache_meta_copy_into (CacheMeta *dest, const CacheMeta *src)
{
  cache_meta_clear (dest);
  dest->etag = g_strdup (src->etag);
  dest->last_modified = g_strdup (src->last_modified);
  dest->fetched = src->fetched != NULL ? g_date_time_ref (src->fetched) : NULL;
  dest->checked = src->checked != NULL ? g_date_time_ref (src->checked) : NULL;
  dest->sha256 = g_strdup (src->sha256);
  dest->payload_size = src->payload_size;
  dest->payload_modified_us = src->payload_modified_us;
}

static GBytes *
meta_to_json (const char *url, const CacheMeta *meta)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, META_VERSION);
  hallway_json_add_string (builder, "url", url);
  hallway_json_add_string (builder, "etag", meta->etag);
  hallway_json_add_string (builder, "last_modified", meta->last_modified);
  hallway_json_add_time (builder, "fetched", meta->fetched);
  hallway_json_add_time (builder, "checked", meta->checked);
  hallway_json_add_string (builder, "sha256", meta->sha256);
  json_builder_set_member_name (builder, "payload_size");
  json_builder_add_int_value (builder, meta->payload_size);
  json_builder_set_member_name (builder, "payload_modified_us");
  json_builder_add_int_value (builder, meta->payload_modified_us);
  json_builder_end_object (builder);
  return hallway_json_builder_to_bytes (builder);
}

/* A meta.json of our version and for this URL, whichever payload it describes. */
static gboolean
meta_from_json (const char *json, gsize length, const char *url, CacheMeta *meta)
{
  g_autoptr (JsonNode) root = hallway_json_parse (json, length, NULL);
  JsonObject *object;
  gint64 version = 0;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return FALSE;
  object = json_node_get_object (root);
  if (!hallway_file_read_format_version (object, &version) || version != META_VERSION ||
      g_strcmp0 (hallway_json_string_member (object, "url"), url) != 0 ||
      hallway_json_string_member (object, "sha256") == NULL)
    return FALSE;

  meta->etag = g_strdup (hallway_json_string_member (object, "etag"));
  meta->last_modified = g_strdup (hallway_json_string_member (object, "last_modified"));
  meta->fetched = hallway_json_time_member (object, "fetched");
  meta->checked = hallway_json_time_member (object, "checked");
  meta->sha256 = g_strdup (hallway_json_string_member (object, "sha256"));
  hallway_json_int_member (object, "payload_size", &meta->payload_size);
  hallway_json_int_member (object, "payload_modified_us", &meta->payload_modified_us);
  return TRUE;
}

static char *
payload_checksum (GBytes *payload)
{
  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, payload);
}

/* The payload file's size and modification time into meta; both 0 if it cannot be read. */
static void
stamp_payload (GFile *payload_file, CacheMeta *meta)
{
  g_autoptr (GFileInfo) info = g_file_query_info (payload_file,
                                                  G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                                                  G_FILE_ATTRIBUTE_TIME_MODIFIED ","
                                                  G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC,
                                                  G_FILE_QUERY_INFO_NONE, NULL, NULL);

  meta->payload_size = 0;
  meta->payload_modified_us = 0;
  if (info == NULL)
    return;
  meta->payload_size = g_file_info_get_size (info);
  meta->payload_modified_us =
    (gint64) g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED) *
      G_USEC_PER_SEC +
    g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC);
}

static gboolean
same_stamp (const CacheMeta *a, const CacheMeta *b)
{
  return a->payload_size != 0 && a->payload_size == b->payload_size &&
         a->payload_modified_us == b->payload_modified_us;
}

/* ---- jobs run in a thread: they own copies, never touch the object ------------------- */

typedef struct
{
  char *url;
  GFile *folder;
  GFile *payload_file;
  GFile *previous_file;
  GFile *meta_file;
  GBytes *payload;  /* store: NULL keeps the stored one; load: what was read */
  CacheMeta meta;   /* store: what to write; load: what was read */
} CacheJob;

static void
cache_job_free (CacheJob *job)
{
  g_free (job->url);
  g_clear_object (&job->folder);
  g_clear_object (&job->payload_file);
  g_clear_object (&job->previous_file);
  g_clear_object (&job->meta_file);
  g_clear_pointer (&job->payload, g_bytes_unref);
  cache_meta_clear (&job->meta);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CacheJob, cache_job_free)

static CacheJob *
cache_job_new (HallwayScheduleCache *self)
{
  CacheJob *job = g_new0 (CacheJob, 1);

  job->url = g_strdup (self->url);
  job->folder = g_object_ref (self->folder);
  job->payload_file = g_object_ref (self->payload_file);
  job->previous_file = self->previous_file != NULL ? g_object_ref (self->previous_file) : NULL;
  job->meta_file = g_object_ref (self->meta_file);
  return job;
}

/* meta.json describes the payload just read: trusted when the file's stamp is the one
 * meta.json recorded; else checked by checksum, and re-stamped when the content is the
 * same (a copied or touched file). The payload was stamped before it was read, so a store
 * in between leaves a stamp that does not match: then the checksum decides. */
static void
match_meta_to_payload (CacheJob *job, const CacheMeta *payload_stamp)
{
  g_autofree char *json = NULL;
  g_autofree char *sha256 = NULL;
  gsize length = 0;

  if (!hallway_file_load_state (job->meta_file, HALLWAY_FILE_STATE_MAX_SIZE, &json, &length,
                                NULL) ||
      !meta_from_json (json, length, job->url, &job->meta))
    cache_meta_clear (&job->meta);
  else if (same_stamp (&job->meta, payload_stamp))
    return;

  sha256 = payload_checksum (job->payload);
  if (g_strcmp0 (sha256, job->meta.sha256) == 0)
    {
      g_autoptr (GBytes) restamped = NULL;

      job->meta.payload_size = payload_stamp->payload_size;
      job->meta.payload_modified_us = payload_stamp->payload_modified_us;
      restamped = meta_to_json (job->url, &job->meta);
      /* Only saves a checksum next time: a failure changes nothing else. */
      hallway_state_file_write (job->meta_file, restamped, NULL, NULL);
      return;
    }
  g_debug ("No usable meta.json for %s: the cached copy has no validators", job->url);
  cache_meta_clear (&job->meta);
  job->meta.sha256 = g_steal_pointer (&sha256);
}

static gboolean
load_job (CacheJob *job, GError **error)
{
  g_autofree char *payload = NULL;
  gsize payload_length = 0;
  CacheMeta payload_stamp = { 0 };

  /* A killed store leaves its temporary files: gone once old enough. */
  hallway_file_remove_stale_temporaries (job->payload_file);
  hallway_file_remove_stale_temporaries (job->meta_file);
  stamp_payload (job->payload_file, &payload_stamp);
  /* Never more than a schedule may be: a bigger payload is not read into memory. */
  if (!hallway_file_load_state (job->payload_file, HALLWAY_SCHEDULE_MAX_SIZE, &payload,
                                &payload_length, error))
    return FALSE;
  job->payload = g_bytes_new_take (g_steal_pointer (&payload), payload_length);
  match_meta_to_payload (job, &payload_stamp);
  return TRUE;
}

static void
load_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  GError *error = NULL;

  if (load_job (task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* The version being replaced stays beside the new one, so the changes between the two
 * (what Changes shows) can be worked out again after a restart. Best effort: without it
 * Changes is empty, the new version is still stored. */
static void
keep_as_previous (CacheJob *job, GCancellable *cancellable)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr (GError) error = NULL;

  if (job->previous_file == NULL)
    return;
  if (!hallway_file_load_state (job->payload_file, HALLWAY_SCHEDULE_MAX_SIZE, &contents, &length,
                                &error) ||
      !hallway_file_replace (job->previous_file, contents, length, cancellable, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_debug ("Cannot keep the previous version of %s: %s", job->url, error->message);
      g_file_delete (job->previous_file, NULL, NULL);
    }
}

/* The payload first: meta.json names the payload's checksum, so the pair is only taken
 * together once both are written. */
static void
store_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  CacheJob *job = task_data;
  GError *error = NULL;
  g_autoptr (GBytes) json = NULL;

  if (!hallway_file_ensure_folder (job->folder, cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  if (job->payload != NULL)
    {
      keep_as_previous (job, cancellable);
      if (!hallway_file_replace (job->payload_file, g_bytes_get_data (job->payload, NULL),
                         g_bytes_get_size (job->payload), cancellable, &error))
        {
          g_task_return_error (task, error);
          return;
        }
      g_free (job->meta.sha256);
      job->meta.sha256 = payload_checksum (job->payload);
    }
  /* A 304 keeps the stored payload: stamped as it is now. */
  stamp_payload (job->payload_file, &job->meta);
  json = meta_to_json (job->url, &job->meta);
  if (!hallway_state_file_write (job->meta_file, json, cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

/* ---- async API: a thread job, then the object takes the result on its own thread ----- */

static void
run_job (HallwayScheduleCache  *self,
         CacheJob              *job,
         GTaskThreadFunc        thread_func,
         GAsyncReadyCallback    done_cb,
         GTask                 *outer)
{
  g_autoptr (GTask) inner = g_task_new (self, g_task_get_cancellable (outer), done_cb, outer);

  /* What the thread did is what the object must mirror, even if cancelled meanwhile. */
  g_task_set_check_cancellable (inner, FALSE);
  g_task_set_task_data (inner, job, (GDestroyNotify) cache_job_free);
  g_task_run_in_thread (inner, thread_func);
}

/* The object mirrors what the thread did; NULL after a failure, which outer has been
 * given. */
static CacheJob *
take_job_result (HallwayScheduleCache *self, GAsyncResult *result, GTask *outer)
{
  CacheJob *job = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (outer, error);
      return NULL;
    }
  cache_meta_copy_into (&self->meta, &job->meta);
  return job;
}

static void
load_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) outer = user_data;
  CacheJob *job = take_job_result (HALLWAY_SCHEDULE_CACHE (source), result, outer);

  if (job != NULL)
    g_task_return_pointer (outer, g_bytes_ref (job->payload), (GDestroyNotify) g_bytes_unref);
}

void
hallway_schedule_cache_load_async (HallwayScheduleCache *self,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data)
{
  GTask *outer;

  g_return_if_fail (HALLWAY_IS_SCHEDULE_CACHE (self));

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, hallway_schedule_cache_load_async);
  g_task_set_check_cancellable (outer, FALSE);
  run_job (self, cache_job_new (self), load_thread, load_done_cb, outer);
}

GBytes *
hallway_schedule_cache_load (HallwayScheduleCache *self, GError **error)
{
  g_autoptr (CacheJob) job = NULL;

  g_return_val_if_fail (HALLWAY_IS_SCHEDULE_CACHE (self), NULL);

  job = cache_job_new (self);
  if (!load_job (job, error))
    return NULL;
  cache_meta_copy_into (&self->meta, &job->meta);
  return g_steal_pointer (&job->payload);
}

/* meta.json alone, when the payload file's stamp is the one it recorded: then it describes
 * the payload as it is, and the payload need not be read (a snapshot stands for it). */
gboolean
hallway_schedule_cache_load_meta_if_stamped (HallwayScheduleCache *self)
{
  g_autofree char *json = NULL;
  gsize length = 0;
  CacheMeta payload_stamp = { 0 };
  CacheMeta meta = { 0 };
  gboolean stamped;

  g_return_val_if_fail (HALLWAY_IS_SCHEDULE_CACHE (self), FALSE);

  /* As load_job (). */
  hallway_file_remove_stale_temporaries (self->payload_file);
  hallway_file_remove_stale_temporaries (self->meta_file);
  stamp_payload (self->payload_file, &payload_stamp);
  stamped = hallway_file_load_state (self->meta_file, HALLWAY_FILE_STATE_MAX_SIZE, &json,
                                     &length, NULL) &&
            meta_from_json (json, length, self->url, &meta) && same_stamp (&meta, &payload_stamp);
  if (stamped)
    cache_meta_copy_into (&self->meta, &meta);
  cache_meta_clear (&meta);
  return stamped;
}

GBytes *
hallway_schedule_cache_load_finish (HallwayScheduleCache *self,
                                    GAsyncResult         *result,
                                    GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
store_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) outer = user_data;

  if (take_job_result (HALLWAY_SCHEDULE_CACHE (source), result, outer) != NULL)
    g_task_return_boolean (outer, TRUE);
}

void
hallway_schedule_cache_store_async (HallwayScheduleCache *self,
                                    GBytes               *payload,
                                    const char           *etag,
                                    const char           *last_modified,
                                    GCancellable         *cancellable,
                                    GAsyncReadyCallback   callback,
                                    gpointer              user_data)
{
  CacheJob *job;
  GTask *outer;

  g_return_if_fail (HALLWAY_IS_SCHEDULE_CACHE (self));

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, hallway_schedule_cache_store_async);
  g_task_set_check_cancellable (outer, FALSE);

  job = cache_job_new (self);
  job->payload = payload != NULL ? g_bytes_ref (payload) : NULL;
  job->meta.etag = g_strdup (etag);
  job->meta.last_modified = g_strdup (last_modified);
  job->meta.checked = g_date_time_new_now_utc ();
  job->meta.fetched = payload != NULL ? g_date_time_ref (job->meta.checked)
                    : self->meta.fetched != NULL ? g_date_time_ref (self->meta.fetched)
                    : NULL;
  job->meta.sha256 = g_strdup (self->meta.sha256);
  run_job (self, job, store_thread, store_done_cb, outer);
}

gboolean
hallway_schedule_cache_store_finish (HallwayScheduleCache *self,
                                     GAsyncResult         *result,
                                     GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- the object ---------------------------------------------------------------------- */

HallwayScheduleCache *
hallway_schedule_cache_new_latest_only (const char *url)
{
  HallwayScheduleCache *self;

  g_return_val_if_fail (url != NULL, NULL);

  self = g_object_new (HALLWAY_TYPE_SCHEDULE_CACHE, NULL);
  self->url = g_strdup (url);
  self->folder = hallway_paths_dup_schedule_cache_folder (url);
  self->payload_file = g_file_get_child (self->folder, "payload");
  self->meta_file = g_file_get_child (self->folder, "meta.json");
  self->snapshot_file = g_file_get_child (self->folder, "snapshot");
  return self;
}

HallwayScheduleCache *
hallway_schedule_cache_new (const char *url)
{
  HallwayScheduleCache *self = hallway_schedule_cache_new_latest_only (url);

  if (self != NULL)
    self->previous_file = g_file_get_child (self->folder, "previous");
  return self;
}

const char *
hallway_schedule_cache_get_url (HallwayScheduleCache *self)
{
  g_return_val_if_fail (HALLWAY_IS_SCHEDULE_CACHE (self), NULL);
  return self->url;
}

GFile *
hallway_schedule_cache_get_folder (HallwayScheduleCache *self)
{
  g_return_val_if_fail (HALLWAY_IS_SCHEDULE_CACHE (self), NULL);
  return self->folder;
}

GFile *
hallway_schedule_cache_get_payload_file (HallwayScheduleCache *self)
{
  g_return_val_if_fail (HALLWAY_IS_SCHEDULE_CACHE (self), NULL);
  return self->payload_file;
}

GFile *
hallway_schedule_cache_get_previous_file (HallwayScheduleCache *self)
{
  g_return_val_if_fail (HALLWAY_IS_SCHEDULE_CACHE (self), NULL);
  return self->previous_file;
}

GFile *
hallway_schedule_cache_get_meta_file (HallwayScheduleCache *self)
{
  g_return_val_if_fail (HALLWAY_IS_SCHEDULE_CACHE (self), NULL);
  return self->meta_file;
}

GFile *
hallway_schedule_cache_get_snapshot_file (HallwayScheduleCache *self)
{
  g_return_val_if_fail (HALLWAY_IS_SCHEDULE_CACHE (self), NULL);
  return self->snapshot_file;
}

const char *
hallway_schedule_cache_get_payload_sha256 (HallwayScheduleCache *self)
{
  g_return_val_if_fail (HALLWAY_IS_SCHEDULE_CACHE (self), NULL);
  return self->meta.sha256;
}

const char *
hallway_schedule_cache_get_etag (HallwayScheduleCache *self)
{
  g_return_val_if_fail (HALLWAY_IS_SCHEDULE_CACHE (self), NULL);
  return self->meta.etag;
}

const char *
hallway_schedule_cache_get_last_modified (HallwayScheduleCache *self)
{
  g_return_val_if_fail (HALLWAY_IS_SCHEDULE_CACHE (self), NULL);
  return self->meta.last_modified;
}

GDateTime *
hallway_schedule_cache_get_fetched (HallwayScheduleCache *self)
{
  g_return_val_if_fail (HALLWAY_IS_SCHEDULE_CACHE (self), NULL);
  return self->meta.fetched;
}

GDateTime *
hallway_schedule_cache_get_checked (HallwayScheduleCache *self)
{
  g_return_val_if_fail (HALLWAY_IS_SCHEDULE_CACHE (self), NULL);
  return self->meta.checked;
}

void
hallway_schedule_cache_forget (HallwayScheduleCache *self)
{
  g_return_if_fail (HALLWAY_IS_SCHEDULE_CACHE (self));
  cache_meta_clear (&self->meta);
}

static void
hallway_schedule_cache_finalize (GObject *object)
{
  HallwayScheduleCache *self = HALLWAY_SCHEDULE_CACHE (object);

  g_free (self->url);
  g_clear_object (&self->folder);
  g_clear_object (&self->payload_file);
  g_clear_object (&self->previous_file);
  g_clear_object (&self->meta_file);
  g_clear_object (&self->snapshot_file);
  cache_meta_clear (&self->meta);
  G_OBJECT_CLASS (hallway_schedule_cache_parent_class)->finalize (object);
}

static void
hallway_schedule_cache_class_init (HallwayScheduleCacheClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hallway_schedule_cache_finalize;
}

static void
hallway_schedule_cache_init (HallwayScheduleCache *self)
{
}
