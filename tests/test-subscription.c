/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "hallway-test-bookmarks.h"
#include "hallway-test-server.h"
#include "hallway-bookmarks.h"
#include "hallway-talk.h"
#include "hallway-file-lock.h"
#include "hallway-library-entry.h"
#include "hallway-refresher.h"
#include "hallway-schedule-change.h"
#include "hallway-subscription.h"
#include "hallway-test-utils.h"

/* Written by the test (hallway_test_generate_schedule): 108 talks, about 135 KiB; another
 * conference of 200 talks, about 250 KiB (above the 100 KiB cap of the too-large cases). */
#define SMALL_SCHEDULE "generated:small"
#define OTHER_SCHEDULE "generated:other"
/* A real update, from ../shared/schedules. */
#define PRELIMINARY_SCHEDULE "fosdem-2026-preliminary-20260115.xml"
#define FINAL_SCHEDULE "fosdem-2026.xml"
#define SCHEDULE_PATH "/schedule.xml"

typedef struct
{
  SyncServer *server;
  HallwayFetcher *fetcher;
  GFile *bookmarks_file;
  HallwayBookmarks *bookmarks;
  HallwaySubscription *subscription;
  char *uri;

  guint n_updated;
  GListModel *last_changes;
  guint n_affected;
  GListModel *last_affected;
} Fixture;

/* ---- helpers ------------------------------------------------------------------------- */

/* A schedule above, by name; NULL (test skipped) for a shared one without the folder. */
static GBytes *
read_schedule_bytes (const char *name)
{
  if (g_str_equal (name, SMALL_SCHEDULE))
    return hallway_test_generate_schedule ("Small Conference", "small", 108);
  if (g_str_equal (name, OTHER_SCHEDULE))
    return hallway_test_generate_schedule ("Other Conference", "other", 200);
  return hallway_test_read_schedule_bytes (name);
}

/* NULL when the file does not exist. */
static GBytes *
file_bytes (GFile *file)
{
  g_autoptr (GError) error = NULL;
  GBytes *bytes = g_file_load_bytes (file, NULL, NULL, &error);

  if (bytes == NULL)
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  return bytes;
}

static void
assert_bytes_equal_or_both_null (GBytes *a, GBytes *b)
{
  if (a == NULL || b == NULL)
    g_assert_true (a == b);
  else
    g_assert_true (g_bytes_equal (a, b));
}

static void
updated_cb (HallwaySubscription *subscription,
            HallwayConference   *conference,
            GListModel          *changes,
            Fixture             *fixture)
{
  g_assert_true (conference == hallway_subscription_get_conference (subscription));
  fixture->n_updated++;
  g_set_object (&fixture->last_changes, changes);
}

static void
bookmarks_affected_cb (HallwaySubscription *subscription, GListModel *changes, Fixture *fixture)
{
  fixture->n_affected++;
  g_set_object (&fixture->last_affected, changes);
}

static HallwaySubscription *
new_subscription (Fixture *fixture)
{
  HallwaySubscription *subscription = hallway_subscription_new (fixture->uri, fixture->fetcher,
                                                                fixture->bookmarks);

  g_signal_connect (subscription, "updated", G_CALLBACK (updated_cb), fixture);
  g_signal_connect (subscription, "bookmarks-affected", G_CALLBACK (bookmarks_affected_cb),
                    fixture);
  return subscription;
}

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  g_autofree char *bookmarks_path = g_build_filename (g_get_user_data_dir (), "bookmarks",
                                                      "conference.json", NULL);
  g_autoptr (GError) error = NULL;

  fixture->server = sync_server_start ();
  fixture->uri = sync_server_uri (fixture->server, SCHEDULE_PATH);
  fixture->fetcher = hallway_fetcher_new ();
  /* Short, and set before the first connection: libsoup gives each connection the timeout
   * in force when it opens. */
  hallway_fetcher_set_timeout (fixture->fetcher, 2);
  fixture->bookmarks_file = g_file_new_for_path (bookmarks_path);
  fixture->bookmarks = hallway_test_load_bookmarks (fixture->bookmarks_file);
  fixture->subscription = new_subscription (fixture);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  g_clear_object (&fixture->subscription);
  g_clear_object (&fixture->bookmarks);
  g_clear_object (&fixture->bookmarks_file);
  g_clear_object (&fixture->fetcher);
  g_clear_object (&fixture->last_changes);
  g_clear_object (&fixture->last_affected);
  g_clear_pointer (&fixture->server, sync_server_stop);
  g_free (fixture->uri);
}

static gboolean
refresh (HallwaySubscription *subscription, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  hallway_subscription_refresh_async (subscription, NULL, hallway_test_store_result_cb, &result);
  g_assert_true (hallway_subscription_get_refreshing (subscription));
  return hallway_subscription_refresh_finish (subscription, hallway_test_wait (&result), error);
}

static gboolean
load_cached (HallwaySubscription *subscription, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  hallway_subscription_load_cached_async (subscription, NULL, hallway_test_store_result_cb,
                                          &result);
  return hallway_subscription_load_cached_finish (subscription, hallway_test_wait (&result), error);
}

static HallwayScheduleCache *
cache_of (Fixture *fixture)
{
  return hallway_subscription_get_cache (fixture->subscription);
}

static JsonObject *
read_meta (HallwayScheduleCache *cache)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_file_get_path (hallway_schedule_cache_get_meta_file (cache));

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

/* Serves name at SCHEDULE_PATH and refreshes successfully; FALSE (test skipped) without
 * the shared schedules. */
static gboolean
refresh_with (Fixture *fixture, const char *name)
{
  g_autoptr (GBytes) schedule = read_schedule_bytes (name);
  g_autoptr (GError) error = NULL;

  if (schedule == NULL)
    return FALSE;
  sync_server_serve_bytes (fixture->server, SCHEDULE_PATH, schedule, SYNC_SERVE_PLAIN);
  g_assert_true (refresh (fixture->subscription, &error));
  g_assert_no_error (error);
  return TRUE;
}

static void
bookmark_talk_at (Fixture *fixture, guint position)
{
  HallwayConference *conference = hallway_subscription_get_conference (fixture->subscription);
  g_autoptr (HallwayTalk) talk = g_list_model_get_item (G_LIST_MODEL (conference), position);

  g_assert_nonnull (talk);
  hallway_bookmarks_add (fixture->bookmarks, talk);
}

static void
save_bookmarks (Fixture *fixture)
{
  hallway_test_save_bookmarks (fixture->bookmarks);
}

/* ---- everything a failure must leave as it was --------------------------------------- */

typedef struct
{
  HallwayConference *conference;
  char *etag;
  char *last_modified;
  GDateTime *last_checked;
  GBytes *payload;
  GBytes *meta;
  GBytes *bookmarks_file;
  char *bookmarks;      /* hallway_test_describe_bookmarks () */
  guint n_updated;
  guint n_affected;
} State;

static void
state_free (State *state)
{
  g_clear_object (&state->conference);
  g_free (state->etag);
  g_free (state->last_modified);
  g_clear_pointer (&state->last_checked, g_date_time_unref);
  g_clear_pointer (&state->payload, g_bytes_unref);
  g_clear_pointer (&state->meta, g_bytes_unref);
  g_clear_pointer (&state->bookmarks_file, g_bytes_unref);
  g_free (state->bookmarks);
  g_free (state);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (State, state_free)

static State *
capture_state (Fixture *fixture)
{
  HallwayScheduleCache *cache = cache_of (fixture);
  State *state = g_new0 (State, 1);
  GDateTime *last_checked = hallway_subscription_get_last_checked (fixture->subscription);

  state->conference = g_object_ref (hallway_subscription_get_conference (fixture->subscription));
  state->etag = g_strdup (hallway_schedule_cache_get_etag (cache));
  state->last_modified = g_strdup (hallway_schedule_cache_get_last_modified (cache));
  state->last_checked = last_checked != NULL ? g_date_time_ref (last_checked) : NULL;
  state->payload = file_bytes (hallway_schedule_cache_get_payload_file (cache));
  state->meta = file_bytes (hallway_schedule_cache_get_meta_file (cache));
  state->bookmarks_file = file_bytes (fixture->bookmarks_file);
  state->bookmarks = hallway_test_describe_bookmarks (fixture->bookmarks, TRUE);
  state->n_updated = fixture->n_updated;
  state->n_affected = fixture->n_affected;
  return state;
}

static void
assert_state_unchanged (Fixture *fixture, State *before)
{
  g_autoptr (State) after = capture_state (fixture);

  g_assert_true (after->conference == before->conference);
  g_assert_cmpstr (after->etag, ==, before->etag);
  g_assert_cmpstr (after->last_modified, ==, before->last_modified);
  g_assert_true (after->last_checked == before->last_checked ||
                 g_date_time_equal (after->last_checked, before->last_checked));
  assert_bytes_equal_or_both_null (after->payload, before->payload);
  assert_bytes_equal_or_both_null (after->meta, before->meta);
  assert_bytes_equal_or_both_null (after->bookmarks_file, before->bookmarks_file);
  g_assert_cmpstr (after->bookmarks, ==, before->bookmarks);
  g_assert_cmpuint (after->n_updated, ==, before->n_updated);
  g_assert_cmpuint (after->n_affected, ==, before->n_affected);
}

/* ---- first fetch, 304, a new version ------------------------------------------------- */

static void
test_first_refresh (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GBytes) schedule = read_schedule_bytes (SMALL_SCHEDULE);
  g_autoptr (JsonObject) meta = NULL;
  g_autoptr (GBytes) payload = NULL;
  g_autoptr (GDateTime) fetched = NULL;
  g_autoptr (GDateTime) checked = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *digest = NULL;
  g_autofree char *expected_folder = NULL;
  g_autofree char *folder = NULL;
  HallwayScheduleCache *cache = cache_of (fixture);
  HallwayConference *conference;

  if (schedule == NULL)
    return;
  g_assert_null (hallway_subscription_get_conference (fixture->subscription));
  g_assert_null (hallway_subscription_get_last_checked (fixture->subscription));
  sync_server_serve_bytes (fixture->server, SCHEDULE_PATH, schedule, SYNC_SERVE_PLAIN);

  g_assert_true (refresh (fixture->subscription, &error));
  g_assert_no_error (error);
  conference = hallway_subscription_get_conference (fixture->subscription);
  g_assert_nonnull (conference);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (conference)), ==, 108);
  g_assert_cmpuint (hallway_subscription_get_parse_count (fixture->subscription), ==, 1);
  g_assert_false (hallway_subscription_get_refreshing (fixture->subscription));
  g_assert_null (hallway_subscription_get_last_error (fixture->subscription));
  g_assert_nonnull (hallway_subscription_get_last_checked (fixture->subscription));
  g_assert_cmpuint (fixture->n_updated, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (fixture->last_changes), ==, 0);
  g_assert_cmpuint (fixture->n_affected, ==, 0);

  /* The cache: under the user cache dir, named after the URL's checksum. */
  digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, fixture->uri, -1);
  expected_folder = g_build_filename (g_get_user_cache_dir (), "io.github.hallway_app.Hallway",
                                      "schedules", digest, NULL);
  folder = g_file_get_path (hallway_schedule_cache_get_folder (cache));
  g_assert_cmpstr (folder, ==, expected_folder);
  payload = file_bytes (hallway_schedule_cache_get_payload_file (cache));
  g_assert_nonnull (payload);
  g_assert_true (g_bytes_equal (payload, schedule));

  meta = read_meta (cache);
  g_assert_cmpint (json_object_get_int_member (meta, "version"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (meta, "url"), ==, fixture->uri);
  g_assert_cmpstr (json_object_get_string_member (meta, "etag"), ==,
                   hallway_schedule_cache_get_etag (cache));
  g_assert_nonnull (hallway_schedule_cache_get_etag (cache));
  g_assert_cmpstr (json_object_get_string_member (meta, "last_modified"), ==,
                   hallway_schedule_cache_get_last_modified (cache));
  fetched = g_date_time_new_from_iso8601 (json_object_get_string_member (meta, "fetched"), NULL);
  checked = g_date_time_new_from_iso8601 (json_object_get_string_member (meta, "checked"), NULL);
  g_assert_nonnull (fetched);
  g_assert_nonnull (checked);
  g_assert_true (g_date_time_equal (checked,
                                    hallway_subscription_get_last_checked (fixture->subscription)));
}

static void
test_not_modified (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) payload_before = NULL;
  g_autoptr (GBytes) payload_after = NULL;
  g_autoptr (GDateTime) checked_before = NULL;
  g_autofree char *etag_before = NULL;
  g_autofree char *if_none_match = NULL;
  HallwayScheduleCache *cache = cache_of (fixture);
  HallwayConference *conference;
  GDateTime *checked_after;

  if (!refresh_with (fixture, SMALL_SCHEDULE))
    return;
  conference = hallway_subscription_get_conference (fixture->subscription);
  etag_before = g_strdup (hallway_schedule_cache_get_etag (cache));
  checked_before = g_date_time_ref (hallway_subscription_get_last_checked (fixture->subscription));
  payload_before = file_bytes (hallway_schedule_cache_get_payload_file (cache));
  g_usleep (2000); /* so "checked" visibly moves */

  g_assert_true (refresh (fixture->subscription, &error));
  g_assert_no_error (error);
  if_none_match = sync_server_dup_request_header (fixture->server, "If-None-Match");
  g_assert_cmpstr (if_none_match, ==, etag_before);
  g_assert_cmpuint (sync_server_get_hits (fixture->server, SCHEDULE_PATH), ==, 2);

  /* 304: nothing parsed, nothing announced, same conference. */
  g_assert_cmpuint (hallway_subscription_get_parse_count (fixture->subscription), ==, 1);
  g_assert_cmpuint (fixture->n_updated, ==, 1);
  g_assert_true (hallway_subscription_get_conference (fixture->subscription) == conference);
  g_assert_cmpstr (hallway_schedule_cache_get_etag (cache), ==, etag_before);
  checked_after = hallway_subscription_get_last_checked (fixture->subscription);
  g_assert_cmpint (g_date_time_compare (checked_after, checked_before), >, 0);
  payload_after = file_bytes (hallway_schedule_cache_get_payload_file (cache));
  g_assert_true (g_bytes_equal (payload_before, payload_after));
  g_assert_null (hallway_subscription_get_last_error (fixture->subscription));
}

static gboolean
change_is (HallwayScheduleChange *change, HallwayChangeKind kind)
{
  return hallway_schedule_change_get_kind (change) == kind;
}

static gboolean
model_has_key (GListModel *changes, const char *key)
{
  for (guint i = 0; i < g_list_model_get_n_items (changes); i++)
    {
      g_autoptr (HallwayScheduleChange) change = g_list_model_get_item (changes, i);

      if (g_str_equal (hallway_schedule_change_get_key (change), key))
        return TRUE;
    }
  return FALSE;
}

/* The first change of that kind in the expected diff, or NULL. */
static HallwayScheduleChange *
first_change (GListModel *changes, HallwayChangeKind kind)
{
  for (guint i = 0; i < g_list_model_get_n_items (changes); i++)
    {
      g_autoptr (HallwayScheduleChange) change = g_list_model_get_item (changes, i);

      if (change_is (change, kind))
        return g_steal_pointer (&change);
    }
  return NULL;
}

/* A real update: FOSDEM 2026 from January's preliminary schedule to the final one. */
static void
test_new_version (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GBytes) final_bytes = read_schedule_bytes (FINAL_SCHEDULE);
  g_autoptr (HallwayConference) final_local = NULL;
  g_autoptr (GListModel) expected = NULL;
  g_autoptr (HallwayScheduleChange) moved = NULL;
  g_autoptr (HallwayScheduleChange) removed = NULL;
  g_autoptr (HallwayScheduleChange) changed = NULL;
  g_autoptr (HallwayBookmarks) reloaded = NULL;
  g_autoptr (GBytes) payload = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *old_etag = NULL;
  HallwayConference *preliminary;
  HallwayConference *final;
  HallwayTalk *moved_now;
  GDateTime *snapshot_start = NULL;

  if (final_bytes == NULL || !refresh_with (fixture, PRELIMINARY_SCHEDULE))
    return;
  preliminary = hallway_subscription_get_conference (fixture->subscription);
  old_etag = g_strdup (hallway_schedule_cache_get_etag (cache_of (fixture)));

  /* Bookmark one talk of each kind of change, and one that stays put. */
  final_local = hallway_schedule_read_bytes (final_bytes, &error);
  g_assert_no_error (error);
  expected = hallway_schedule_diff (preliminary, final_local);
  moved = first_change (expected, HALLWAY_CHANGE_MOVED);
  removed = first_change (expected, HALLWAY_CHANGE_REMOVED);
  changed = first_change (expected, HALLWAY_CHANGE_CHANGED);
  g_assert_nonnull (moved);
  g_assert_nonnull (removed);
  hallway_bookmarks_add (fixture->bookmarks, hallway_schedule_change_get_old_talk (moved));
  hallway_bookmarks_add (fixture->bookmarks, hallway_schedule_change_get_old_talk (removed));
  if (changed != NULL)
    hallway_bookmarks_add (fixture->bookmarks, hallway_schedule_change_get_old_talk (changed));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (preliminary)); i++)
    {
      g_autoptr (HallwayTalk) talk = g_list_model_get_item (G_LIST_MODEL (preliminary), i);

      if (!model_has_key (expected, hallway_talk_get_key (talk)))
        {
          hallway_bookmarks_add (fixture->bookmarks, talk);
          break;
        }
    }
  save_bookmarks (fixture);

  sync_server_serve_bytes (fixture->server, SCHEDULE_PATH, final_bytes, SYNC_SERVE_PLAIN);
  g_assert_true (refresh (fixture->subscription, &error));
  g_assert_no_error (error);

  final = hallway_subscription_get_conference (fixture->subscription);
  g_assert_true (final != preliminary);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (final)), ==,
                    g_list_model_get_n_items (G_LIST_MODEL (final_local)));
  g_assert_cmpuint (hallway_subscription_get_parse_count (fixture->subscription), ==, 2);

  /* "updated" carries the whole diff. */
  g_assert_cmpuint (fixture->n_updated, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (fixture->last_changes), ==,
                    g_list_model_get_n_items (expected));

  /* "bookmarks-affected": exactly the bookmarked talks that moved or went away. */
  g_assert_cmpuint (fixture->n_affected, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (fixture->last_affected), ==, 2);
  g_assert_true (model_has_key (fixture->last_affected, hallway_schedule_change_get_key (moved)));
  g_assert_true (model_has_key (fixture->last_affected, hallway_schedule_change_get_key (removed)));

  /* The cache holds the new version and its validators. */
  payload = file_bytes (hallway_schedule_cache_get_payload_file (cache_of (fixture)));
  g_assert_true (g_bytes_equal (payload, final_bytes));
  g_assert_cmpstr (hallway_schedule_cache_get_etag (cache_of (fixture)), !=, old_etag);

  /* The bookmarks follow, in memory and on disk. */
  g_assert_true (hallway_bookmarks_is_cancelled (fixture->bookmarks,
                                                 hallway_schedule_change_get_key (removed)));
  moved_now = hallway_schedule_change_get_new_talk (moved);
  g_assert_true (hallway_bookmarks_get_snapshot (fixture->bookmarks,
                                                 hallway_schedule_change_get_key (moved),
                                                 NULL, &snapshot_start, NULL, NULL));
  g_assert_true (g_date_time_equal (snapshot_start, hallway_talk_get_start (moved_now)));
  reloaded = hallway_bookmarks_new (fixture->bookmarks_file);
  g_assert_true (hallway_bookmarks_load (reloaded, &error));
  g_assert_true (hallway_bookmarks_is_cancelled (reloaded,
                                                 hallway_schedule_change_get_key (removed)));
}

/* ---- offline first ------------------------------------------------------------------- */

static void
test_load_cached_then_304 (Fixture *fixture, gconstpointer data)
{
  g_autoptr (HallwaySubscription) later = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *if_none_match = NULL;
  HallwayConference *first;
  HallwayConference *cached;

  if (!refresh_with (fixture, SMALL_SCHEDULE))
    return;
  first = hallway_subscription_get_conference (fixture->subscription);

  /* The next start of the app: the same URL, a new object, the cache on disk. */
  later = hallway_subscription_new (fixture->uri, fixture->fetcher, fixture->bookmarks);
  g_assert_true (load_cached (later, &error));
  g_assert_no_error (error);
  cached = hallway_subscription_get_conference (later);
  g_assert_nonnull (cached);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (cached)), ==,
                    g_list_model_get_n_items (G_LIST_MODEL (first)));
  g_assert_cmpuint (hallway_subscription_get_parse_count (later), ==, 1);
  g_assert_true (g_date_time_equal (hallway_subscription_get_last_checked (later),
                                    hallway_subscription_get_last_checked (fixture->subscription)));

  g_assert_true (refresh (later, &error));
  g_assert_no_error (error);
  if_none_match = sync_server_dup_request_header (fixture->server, "If-None-Match");
  g_assert_cmpstr (if_none_match, ==, hallway_schedule_cache_get_etag (cache_of (fixture)));
  g_assert_cmpuint (hallway_subscription_get_parse_count (later), ==, 1);
  g_assert_true (hallway_subscription_get_conference (later) == cached);
}

/* A start (the synchronous load the library does) parses the cached copy once and keeps a
 * snapshot; the next start reads the snapshot, the same conference, without parsing; after
 * a new version the old snapshot is not taken for it. */
static void
test_load_cached_snapshot (Fixture *fixture, gconstpointer data)
{
  g_autoptr (HallwaySubscription) first_start = NULL;
  g_autoptr (HallwaySubscription) second_start = NULL;
  g_autoptr (HallwaySubscription) after_update = NULL;
  g_autoptr (GError) error = NULL;
  HallwayConference *parsed, *from_snapshot;

  if (!refresh_with (fixture, SMALL_SCHEDULE))
    return;
  first_start = hallway_subscription_new (fixture->uri, fixture->fetcher, fixture->bookmarks);
  g_assert_true (hallway_subscription_load_cached (first_start, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (hallway_subscription_get_parse_count (first_start), ==, 1);
  g_assert_true (g_file_query_exists (
    hallway_schedule_cache_get_snapshot_file (cache_of (fixture)), NULL));

  second_start = hallway_subscription_new (fixture->uri, fixture->fetcher, fixture->bookmarks);
  g_assert_true (hallway_subscription_load_cached (second_start, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (hallway_subscription_get_parse_count (second_start), ==, 0);
  parsed = hallway_subscription_get_conference (first_start);
  from_snapshot = hallway_subscription_get_conference (second_start);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (from_snapshot)), ==,
                    g_list_model_get_n_items (G_LIST_MODEL (parsed)));
  g_assert_cmpstr (hallway_conference_get_title (from_snapshot), ==,
                   hallway_conference_get_title (parsed));

  if (!refresh_with (fixture, OTHER_SCHEDULE))
    return;
  after_update = hallway_subscription_new (fixture->uri, fixture->fetcher, fixture->bookmarks);
  g_assert_true (hallway_subscription_load_cached (after_update, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (hallway_subscription_get_parse_count (after_update), ==, 1);
  g_assert_cmpstr (hallway_conference_get_title (
                     hallway_subscription_get_conference (after_update)), ==,
                   hallway_conference_get_title (
                     hallway_subscription_get_conference (fixture->subscription)));
  g_assert_cmpstr (hallway_conference_get_title (
                     hallway_subscription_get_conference (after_update)), !=,
                   hallway_conference_get_title (parsed));
}

static void
test_load_cached_offline (Fixture *fixture, gconstpointer data)
{
  g_autoptr (HallwaySubscription) later = NULL;
  g_autoptr (GError) error = NULL;

  if (!refresh_with (fixture, SMALL_SCHEDULE))
    return;
  g_clear_pointer (&fixture->server, sync_server_stop);

  later = hallway_subscription_new (fixture->uri, fixture->fetcher, fixture->bookmarks);
  g_assert_true (load_cached (later, &error));
  g_assert_no_error (error);
  g_assert_nonnull (hallway_subscription_get_conference (later));

  g_assert_false (refresh (later, &error));
  g_assert_error (error, HALLWAY_FETCH_ERROR, HALLWAY_FETCH_ERROR_NETWORK);
  g_assert_nonnull (hallway_subscription_get_conference (later));
  g_assert_true (g_str_has_prefix (hallway_subscription_get_last_error (later), fixture->uri));
}

static void
test_load_cached_nothing (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  g_assert_false (load_cached (fixture->subscription, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_null (hallway_subscription_get_conference (fixture->subscription));
  g_assert_null (hallway_subscription_get_last_error (fixture->subscription));
}

/* A cached copy that no longer reads must not keep its validators: a 304 would leave us
 * with nothing. */
static void
test_load_cached_corrupt (Fixture *fixture, gconstpointer data)
{
  g_autoptr (HallwaySubscription) later = NULL;
  g_autoptr (GBytes) schedule = read_schedule_bytes (SMALL_SCHEDULE);
  g_autoptr (GBytes) payload = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *if_none_match = NULL;
  g_autofree char *payload_path = NULL;

  if (schedule == NULL || !refresh_with (fixture, SMALL_SCHEDULE))
    return;
  payload_path = g_file_get_path (hallway_schedule_cache_get_payload_file (cache_of (fixture)));
  g_assert_true (g_file_set_contents (payload_path, "<?xml version=\"1.0\"?><schedule><confer",
                                      -1, NULL));

  later = hallway_subscription_new (fixture->uri, fixture->fetcher, fixture->bookmarks);
  g_assert_false (load_cached (later, &error));
  g_assert_error (error, HALLWAY_SCHEDULE_ERROR, HALLWAY_SCHEDULE_ERROR_MALFORMED);
  g_assert_null (hallway_subscription_get_conference (later));
  g_assert_null (hallway_schedule_cache_get_etag (hallway_subscription_get_cache (later)));
  g_clear_error (&error);

  g_assert_true (refresh (later, &error));
  g_assert_no_error (error);
  if_none_match = sync_server_dup_request_header (fixture->server, "If-None-Match");
  g_assert_null (if_none_match);
  g_assert_nonnull (hallway_subscription_get_conference (later));
  payload = file_bytes (hallway_schedule_cache_get_payload_file (cache_of (fixture)));
  g_assert_true (g_bytes_equal (payload, schedule));
}

/* ---- the cache's stamp: its checksum is trusted while size and mtime stay ------------- */

/* The cached payload's modification time, in µs. */
static gint64
payload_modified_us (const char *path)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (GFileInfo) info = g_file_query_info (file,
                                                  G_FILE_ATTRIBUTE_TIME_MODIFIED ","
                                                  G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC,
                                                  G_FILE_QUERY_INFO_NONE, NULL, &error);

  g_assert_no_error (error);
  return (gint64) g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED) *
           G_USEC_PER_SEC +
         g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC);
}

static void
set_payload_modified_us (const char *path, gint64 modified_us)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFileInfo) info = g_file_info_new ();
  g_autoptr (GError) error = NULL;

  g_file_info_set_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                    modified_us / G_USEC_PER_SEC);
  g_file_info_set_attribute_uint32 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC,
                                    modified_us % G_USEC_PER_SEC);
  g_file_set_attributes_from_info (file, info, G_FILE_QUERY_INFO_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (payload_modified_us (path), ==, modified_us);
}

/* The payload with one letter of its first talk's title changed: the same size, and it
 * still reads. */
static void
change_one_letter (const char *path)
{
  g_autofree char *content = NULL;
  gsize length = 0;
  char *title;

  g_assert_true (g_file_get_contents (path, &content, &length, NULL));
  title = strstr (content, "<title>");
  g_assert_nonnull (title);
  title += strlen ("<title>");
  *title = *title == 'Q' ? 'R' : 'Q';
  g_assert_true (g_file_set_contents (path, content, length, NULL));
}

/* The cached conference of a new subscription to the same URL (the next start). */
static HallwaySubscription *
load_cached_again (Fixture *fixture)
{
  HallwaySubscription *later = hallway_subscription_new (fixture->uri, fixture->fetcher,
                                                         fixture->bookmarks);
  g_autoptr (GError) error = NULL;

  g_assert_true (load_cached (later, &error));
  g_assert_no_error (error);
  g_assert_nonnull (hallway_subscription_get_conference (later));
  return later;
}

/* Size and mtime as meta.json recorded them: the 4 MB of FOSDEM are not hashed at every
 * start. Proved by content changed behind the stamp's back, which only a checksum sees:
 * the validators are kept. */
static void
test_cache_stamp_trusted (Fixture *fixture, gconstpointer data)
{
  g_autoptr (HallwaySubscription) later = NULL;
  g_autofree char *payload_path = NULL;
  gint64 modified_us;

  if (!refresh_with (fixture, SMALL_SCHEDULE))
    return;
  payload_path = g_file_get_path (hallway_schedule_cache_get_payload_file (cache_of (fixture)));
  modified_us = payload_modified_us (payload_path);
  change_one_letter (payload_path);
  set_payload_modified_us (payload_path, modified_us);

  later = load_cached_again (fixture);
  g_assert_nonnull (hallway_schedule_cache_get_etag (cache_of (fixture)));
  g_assert_cmpstr (hallway_schedule_cache_get_etag (hallway_subscription_get_cache (later)), ==,
                   hallway_schedule_cache_get_etag (cache_of (fixture)));
}

/* A touched (or copied) payload with its content intact: the checksum says it is the same,
 * so it keeps its validators, and meta.json gets the new stamp for the next start. */
static void
test_cache_touched (Fixture *fixture, gconstpointer data)
{
  g_autoptr (HallwaySubscription) later = NULL;
  g_autoptr (JsonObject) meta = NULL;
  g_autofree char *payload_path = NULL;
  gint64 touched_us;

  if (!refresh_with (fixture, SMALL_SCHEDULE))
    return;
  payload_path = g_file_get_path (hallway_schedule_cache_get_payload_file (cache_of (fixture)));
  touched_us = payload_modified_us (payload_path) - G_TIME_SPAN_HOUR;
  set_payload_modified_us (payload_path, touched_us);

  later = load_cached_again (fixture);
  g_assert_nonnull (hallway_schedule_cache_get_etag (hallway_subscription_get_cache (later)));
  meta = read_meta (hallway_subscription_get_cache (later));
  g_assert_true (json_object_has_member (meta, "payload_modified_us"));
  g_assert_cmpint (json_object_get_int_member (meta, "payload_modified_us"), ==, touched_us);
  g_assert_cmpint (payload_modified_us (payload_path), ==, touched_us);
}

/* Changed content with a changed stamp is still found out: no validators, so the next
 * request downloads the schedule whole instead of trusting a 304. */
static void
test_cache_changed_stamp (Fixture *fixture, gconstpointer data)
{
  g_autoptr (HallwaySubscription) later = NULL;
  g_autofree char *payload_path = NULL;

  if (!refresh_with (fixture, SMALL_SCHEDULE))
    return;
  payload_path = g_file_get_path (hallway_schedule_cache_get_payload_file (cache_of (fixture)));
  change_one_letter (payload_path);
  set_payload_modified_us (payload_path, payload_modified_us (payload_path) + G_TIME_SPAN_SECOND);

  later = load_cached_again (fixture);
  g_assert_null (hallway_schedule_cache_get_etag (hallway_subscription_get_cache (later)));
}

/* ---- failures: nothing changes but last-error ---------------------------------------- */

typedef struct
{
  void (*arrange) (Fixture *fixture);
  GQuark (*domain) (void);
  int code;
  const char *words;   /* in the lower-cased message, after the URL */
  gboolean parsed;     /* the body arrived and was refused by the parser */
} FailureCase;

static void
arrange_404 (Fixture *fixture)
{
  sync_server_fail (fixture->server, SCHEDULE_PATH, SYNC_ROUTE_STATUS, 404);
}

static void
arrange_500 (Fixture *fixture)
{
  sync_server_fail (fixture->server, SCHEDULE_PATH, SYNC_ROUTE_STATUS, 500);
}

static void
arrange_silent (Fixture *fixture)
{
  sync_server_fail (fixture->server, SCHEDULE_PATH, SYNC_ROUTE_SILENT, 0);
}

static void
arrange_cut (Fixture *fixture)
{
  g_autoptr (GBytes) other = read_schedule_bytes (OTHER_SCHEDULE);

  sync_server_cut_bytes (fixture->server, SCHEDULE_PATH, other);
}

static void
arrange_html (Fixture *fixture)
{
  sync_server_fail (fixture->server, SCHEDULE_PATH, SYNC_ROUTE_HTML, 0);
}

static void
arrange_redirect_loop (Fixture *fixture)
{
  sync_server_fail (fixture->server, SCHEDULE_PATH, SYNC_ROUTE_REDIRECT_LOOP, 0);
}

static void
arrange_too_large (Fixture *fixture)
{
  g_autoptr (GBytes) other = read_schedule_bytes (OTHER_SCHEDULE);

  hallway_fetcher_set_max_size (fixture->fetcher, 100 * 1024);
  sync_server_serve_bytes (fixture->server, SCHEDULE_PATH, other, SYNC_SERVE_PLAIN);
}

static void
arrange_too_large_streamed (Fixture *fixture)
{
  g_autoptr (GBytes) other = read_schedule_bytes (OTHER_SCHEDULE);

  hallway_fetcher_set_max_size (fixture->fetcher, 100 * 1024);
  sync_server_serve_bytes (fixture->server, SCHEDULE_PATH, other, SYNC_SERVE_CHUNKED);
}

/* A new version (new ETag, status 200) whose body is only the first half of a schedule. */
static void
arrange_malformed (Fixture *fixture)
{
  g_autoptr (GBytes) other = read_schedule_bytes (OTHER_SCHEDULE);
  g_autoptr (GBytes) half = g_bytes_new_from_bytes (other, 0, g_bytes_get_size (other) / 2);

  sync_server_serve_bytes (fixture->server, SCHEDULE_PATH, half, SYNC_SERVE_PLAIN);
}

static void
arrange_offline (Fixture *fixture)
{
  g_clear_pointer (&fixture->server, sync_server_stop);
}

static const FailureCase failure_404 = {
  arrange_404, hallway_fetch_error_quark, HALLWAY_FETCH_ERROR_HTTP_STATUS,
  "the server answered 404 not found", FALSE
};
static const FailureCase failure_500 = {
  arrange_500, hallway_fetch_error_quark, HALLWAY_FETCH_ERROR_HTTP_STATUS,
  "the server answered 500", FALSE
};
static const FailureCase failure_timeout = {
  arrange_silent, hallway_fetch_error_quark, HALLWAY_FETCH_ERROR_TIMEOUT,
  "the server did not answer within 2 seconds", FALSE
};
static const FailureCase failure_truncated = {
  arrange_cut, hallway_fetch_error_quark, HALLWAY_FETCH_ERROR_TRUNCATED, "cut off", FALSE
};
static const FailureCase failure_html = {
  arrange_html, hallway_schedule_error_quark, HALLWAY_SCHEDULE_ERROR_NOT_A_SCHEDULE,
  "web page", TRUE
};
static const FailureCase failure_redirect_loop = {
  arrange_redirect_loop, hallway_fetch_error_quark, HALLWAY_FETCH_ERROR_TOO_MANY_REDIRECTS,
  "too many redirects", FALSE
};
static const FailureCase failure_too_large = {
  arrange_too_large, hallway_fetch_error_quark, HALLWAY_FETCH_ERROR_TOO_LARGE, "too large",
  FALSE
};
static const FailureCase failure_too_large_streamed = {
  arrange_too_large_streamed, hallway_fetch_error_quark, HALLWAY_FETCH_ERROR_TOO_LARGE,
  "too large", FALSE
};
static const FailureCase failure_malformed = {
  arrange_malformed, hallway_schedule_error_quark, HALLWAY_SCHEDULE_ERROR_MALFORMED, "", TRUE
};
static const FailureCase failure_offline = {
  arrange_offline, hallway_fetch_error_quark, HALLWAY_FETCH_ERROR_NETWORK, "refused", FALSE
};

static void
notify_counter_cb (GObject *object, GParamSpec *pspec, guint *counter)
{
  (*counter)++;
}

static void
test_failure (Fixture *fixture, gconstpointer data)
{
  const FailureCase *failure = data;
  g_autoptr (GBytes) other = read_schedule_bytes (OTHER_SCHEDULE);
  g_autoptr (State) before = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *prefix = g_strconcat (fixture->uri, ": ", NULL);
  g_autofree char *lower = NULL;
  const char *last_error;
  guint parse_count;
  guint conference_notified = 0;

  if (other == NULL || !refresh_with (fixture, SMALL_SCHEDULE))
    return;
  bookmark_talk_at (fixture, 0);
  bookmark_talk_at (fixture, 50);
  bookmark_talk_at (fixture, 107);
  save_bookmarks (fixture);
  before = capture_state (fixture);
  parse_count = hallway_subscription_get_parse_count (fixture->subscription);
  g_signal_connect (fixture->subscription, "notify::conference", G_CALLBACK (notify_counter_cb),
                    &conference_notified);

  failure->arrange (fixture);
  g_assert_false (refresh (fixture->subscription, &error));
  g_assert_error (error, failure->domain (), failure->code);

  last_error = hallway_subscription_get_last_error (fixture->subscription);
  g_test_message ("last-error: %s", last_error);
  g_assert_cmpstr (last_error, ==, error->message);
  g_assert_true (g_str_has_prefix (last_error, prefix));
  lower = g_utf8_strdown (last_error + strlen (prefix), -1);
  g_assert_nonnull (strstr (lower, failure->words));
  g_assert_false (hallway_subscription_get_refreshing (fixture->subscription));
  g_assert_cmpuint (conference_notified, ==, 0);
  g_assert_cmpuint (hallway_subscription_get_parse_count (fixture->subscription), ==,
                    parse_count + (failure->parsed ? 1 : 0));
  assert_state_unchanged (fixture, before);
}

/* Cancelling is not a failure to report: last-error stays as it was. */
static void
test_cancelled (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (State) before = NULL;
  g_autoptr (GError) error = NULL;

  if (!refresh_with (fixture, SMALL_SCHEDULE))
    return;
  before = capture_state (fixture);
  sync_server_fail (fixture->server, SCHEDULE_PATH, SYNC_ROUTE_SILENT, 0);
  hallway_subscription_refresh_async (fixture->subscription, cancellable,
                                      hallway_test_store_result_cb, &result);
  hallway_test_cancel_later (cancellable, 100);
  g_assert_false (hallway_subscription_refresh_finish (fixture->subscription,
                                                       hallway_test_wait (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (hallway_subscription_get_last_error (fixture->subscription));
  g_assert_false (hallway_subscription_get_refreshing (fixture->subscription));
  assert_state_unchanged (fixture, before);
}

/* After a failure the stored validators still work, and success clears last-error. */
static void
test_recovery (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GBytes) schedule = read_schedule_bytes (SMALL_SCHEDULE);
  g_autoptr (GError) error = NULL;

  if (schedule == NULL || !refresh_with (fixture, SMALL_SCHEDULE))
    return;
  arrange_html (fixture);
  g_assert_false (refresh (fixture->subscription, &error));
  g_assert_nonnull (hallway_subscription_get_last_error (fixture->subscription));
  g_clear_error (&error);

  /* The same version as before: same ETag, so 304. */
  sync_server_serve_bytes (fixture->server, SCHEDULE_PATH, schedule, SYNC_SERVE_PLAIN);
  g_assert_true (refresh (fixture->subscription, &error));
  g_assert_no_error (error);
  g_assert_null (hallway_subscription_get_last_error (fixture->subscription));
  g_assert_cmpuint (hallway_subscription_get_parse_count (fixture->subscription), ==, 2);
  g_assert_cmpuint (fixture->n_updated, ==, 1);
}

static void
test_already_refreshing (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GBytes) schedule = read_schedule_bytes (SMALL_SCHEDULE);
  g_autoptr (GAsyncResult) first = NULL;
  g_autoptr (GError) error = NULL;

  if (schedule == NULL)
    return;
  sync_server_serve_bytes (fixture->server, SCHEDULE_PATH, schedule, SYNC_SERVE_PLAIN);
  hallway_subscription_refresh_async (fixture->subscription, NULL, hallway_test_store_result_cb,
                                      &first);
  g_assert_false (refresh (fixture->subscription, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PENDING);
  g_clear_error (&error);
  g_assert_true (hallway_subscription_refresh_finish (fixture->subscription,
                                                      hallway_test_wait (&first), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->n_updated, ==, 1);
}

static gboolean
iterate_until (gboolean (*done) (Fixture *fixture), Fixture *fixture, guint seconds)
{
  gint64 deadline = g_get_monotonic_time () + seconds * G_TIME_SPAN_SECOND;

  while (!done (fixture) && g_get_monotonic_time () < deadline)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (10000);
    }
  return done (fixture);
}

static gboolean
is_refreshing (Fixture *fixture)
{
  return hallway_subscription_get_refreshing (fixture->subscription);
}

static gboolean
was_updated (Fixture *fixture)
{
  return fixture->n_updated > 0;
}

static gboolean
server_was_asked (Fixture *fixture)
{
  return sync_server_get_hits (fixture->server, SCHEDULE_PATH) > 0;
}

static gboolean
never (Fixture *fixture)
{
  return FALSE;
}

/* A server that trickles a byte now and then holds a fetch until its deadline; Ctrl+R
 * (refresh_now) must not wait for that: it cancels the stuck fetch and starts again. */
static void
test_refresh_now_cancels_stuck_fetch (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GBytes) schedule = read_schedule_bytes (SMALL_SCHEDULE);
  g_autoptr (HallwayRefresher) refresher = hallway_refresher_new (NULL);

  if (schedule == NULL)
    return;
  sync_server_fail (fixture->server, SCHEDULE_PATH, SYNC_ROUTE_TRICKLE, 0);
  hallway_refresher_set_subscription (refresher, fixture->subscription);
  g_assert_true (iterate_until (server_was_asked, fixture, 5));
  /* Trickling now, past the fetcher's 2 s timeout: still refreshing. */
  iterate_until (never, fixture, 3);
  g_assert_true (is_refreshing (fixture));
  g_assert_cmpuint (fixture->n_updated, ==, 0);

  sync_server_serve_bytes (fixture->server, SCHEDULE_PATH, schedule, SYNC_SERVE_PLAIN);
  hallway_refresher_refresh_now (refresher);
  g_assert_true (iterate_until (was_updated, fixture, 10));
  g_assert_nonnull (hallway_subscription_get_conference (fixture->subscription));
  g_assert_null (hallway_subscription_get_last_error (fixture->subscription));
  hallway_refresher_set_subscription (refresher, NULL);
}

/* The app holds its refresher until the window's first frame: a refresh due meanwhile (this
 * one never checked) waits, without asking the server, and starts on release. */
static void
test_held_refresh_waits_for_release (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GBytes) schedule = read_schedule_bytes (SMALL_SCHEDULE);
  g_autoptr (HallwayRefresher) refresher = hallway_refresher_new (NULL);

  sync_server_serve_bytes (fixture->server, SCHEDULE_PATH, schedule, SYNC_SERVE_PLAIN);
  hallway_refresher_hold (refresher);
  hallway_refresher_set_subscription (refresher, fixture->subscription);
  hallway_refresher_refresh_now (refresher);
  g_assert_false (iterate_until (server_was_asked, fixture, 1));
  g_assert_false (is_refreshing (fixture));

  hallway_refresher_release (refresher);
  g_assert_true (is_refreshing (fixture));
  g_assert_true (iterate_until (was_updated, fixture, 10));
  g_assert_cmpuint (sync_server_get_hits (fixture->server, SCHEDULE_PATH), ==, 1);
  g_assert_nonnull (hallway_subscription_get_conference (fixture->subscription));
  hallway_refresher_set_subscription (refresher, NULL);
}

/* The schedule is taken once it is in the cache, even if the bookmarks cannot be saved;
 * last-error says so. */
static void
test_bookmarks_not_saved (Fixture *fixture, gconstpointer data)
{
  g_autofree char *folder = g_path_get_dirname (g_file_peek_path (fixture->bookmarks_file));
  g_autoptr (GError) error = NULL;
  const char *newer = "{\"version\": 999, \"bookmarks\": []}";

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (g_file_peek_path (fixture->bookmarks_file), newer, -1,
                                      NULL));
  g_assert_false (hallway_bookmarks_load (fixture->bookmarks, &error));
  g_assert_error (error, HALLWAY_BOOKMARKS_ERROR, HALLWAY_BOOKMARKS_ERROR_NEWER_VERSION);

  if (!refresh_with (fixture, SMALL_SCHEDULE))
    return;
  g_assert_nonnull (hallway_subscription_get_conference (fixture->subscription));
  g_assert_cmpuint (fixture->n_updated, ==, 1);
  g_test_message ("last-error: %s", hallway_subscription_get_last_error (fixture->subscription));
  g_assert_true (g_str_has_prefix (hallway_subscription_get_last_error (fixture->subscription),
                                   fixture->uri));
  g_assert_nonnull (strstr (hallway_subscription_get_last_error (fixture->subscription),
                            "bookmarks"));
}

/* ---- the refresh's bookmark save goes through the save queue ------------------------ */

/* Two talks; the first starts at `hour`:00 (Brussels) on 2026-01-31. */
static GBytes *
two_talk_schedule (int hour)
{
  g_autofree char *xml = g_strdup_printf (
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<schedule><conference><acronym>queue</acronym><title>Queue Conference</title>"
    "<time_zone_name>Europe/Brussels</time_zone_name></conference>"
    "<day index=\"1\" date=\"2026-01-31\"><room name=\"H.1302\">"
    "<event id=\"1\" guid=\"queue-moves\"><date>2026-01-31T%02d:00:00+01:00</date>"
    "<start>%02d:00</start><duration>00:30</duration><room>H.1302</room>"
    "<title>The Talk That Moves</title></event>"
    "<event id=\"2\" guid=\"queue-stays\"><date>2026-01-31T16:00:00+01:00</date>"
    "<start>16:00</start><duration>00:30</duration><room>H.1302</room>"
    "<title>The Talk That Stays</title></event>"
    "</room></day></schedule>\n", hour, hour);
  gsize length = strlen (xml);

  /* The length first: the order in which arguments are evaluated is unspecified. */
  return g_bytes_new_take (g_steal_pointer (&xml), length);
}

typedef struct
{
  HallwayFileLock *lock;      /* "another Hallway" writing the bookmarks: whoever takes it
                               * first (the main thread or the fallback) releases it */
  gboolean held_when_updated; /* the main thread reached "updated" while the lock was held */
} QueueOrder;

static void
release_lock (QueueOrder *order)
{
  hallway_file_lock_release (g_atomic_pointer_exchange (&order->lock, NULL));
}

/* Without the fix, the main thread waits for the lock inside the refresh: this thread lets
 * it go on after a while, so the test fails rather than hangs. */
static gpointer
release_later_thread (gpointer data)
{
  g_usleep (2 * G_USEC_PER_SEC);
  release_lock (data);
  return NULL;
}

static void
updated_while_locked_cb (HallwaySubscription *subscription, HallwayConference *conference,
                         GListModel *changes, QueueOrder *order)
{
  order->held_when_updated = g_atomic_pointer_get (&order->lock) != NULL;
  release_lock (order);
}

/* A refresh that updates the bookmarks saves them through the bookmarks' save queue: while
 * another Hallway holds the file's lock, the main thread does not wait for it, and the save
 * queued by the person just before the refresh is written first, so the file ends with
 * both (the person's change, then the refresh's newer snapshot). */
static void
test_bookmarks_saved_in_queue (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GBytes) before = two_talk_schedule (10);
  g_autoptr (GBytes) after = two_talk_schedule (11);
  g_autoptr (GAsyncResult) saved = NULL;
  g_autoptr (GAsyncResult) refreshed = NULL;
  g_autoptr (HallwayBookmarks) reloaded = NULL;
  g_autoptr (GDateTime) moved_start = g_date_time_new_from_iso8601 ("2026-01-31T11:00:00+01:00",
                                                                    NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GThread) fallback = NULL;
  GDateTime *snapshot_start = NULL;
  QueueOrder order = { NULL, FALSE };
  gulong handler;

  sync_server_serve_bytes (fixture->server, SCHEDULE_PATH, before, SYNC_SERVE_PLAIN);
  g_assert_true (refresh (fixture->subscription, &error));
  g_assert_no_error (error);
  bookmark_talk_at (fixture, 0);
  bookmark_talk_at (fixture, 1);
  save_bookmarks (fixture);

  order.lock = hallway_file_lock_acquire (fixture->bookmarks_file, NULL, &error);
  g_assert_no_error (error);
  /* The person unbookmarks a talk; the save waits for the lock in the queue. */
  hallway_bookmarks_remove (fixture->bookmarks, "queue-stays");
  hallway_bookmarks_save_async (fixture->bookmarks, NULL, hallway_test_store_result_cb, &saved);

  handler = g_signal_connect (fixture->subscription, "updated",
                              G_CALLBACK (updated_while_locked_cb), &order);
  fallback = g_thread_new ("release-lock", release_later_thread, &order);
  sync_server_serve_bytes (fixture->server, SCHEDULE_PATH, after, SYNC_SERVE_PLAIN);
  hallway_subscription_refresh_async (fixture->subscription, NULL, hallway_test_store_result_cb,
                                      &refreshed);
  g_assert_true (hallway_subscription_refresh_finish (fixture->subscription,
                                                      hallway_test_wait (&refreshed), &error));
  g_assert_no_error (error);
  g_assert_true (
    hallway_bookmarks_save_finish (fixture->bookmarks, hallway_test_wait (&saved), &error));
  g_assert_no_error (error);
  g_signal_handler_disconnect (fixture->subscription, handler);
  g_thread_join (g_steal_pointer (&fallback));

  g_assert_cmpstr (hallway_subscription_get_last_error (fixture->subscription), ==, NULL);
  g_assert_true (order.held_when_updated);
  reloaded = hallway_bookmarks_new (fixture->bookmarks_file);
  g_assert_true (hallway_bookmarks_load (reloaded, &error));
  g_assert_no_error (error);
  g_assert_false (hallway_bookmarks_contains (reloaded, "queue-stays"));
  g_assert_true (hallway_bookmarks_get_snapshot (reloaded, "queue-moves", NULL, &snapshot_start,
                                                 NULL, NULL));
  g_assert_true (g_date_time_equal (snapshot_start, moved_start));
}

/* ---- a local file -------------------------------------------------------------------- */

static void
test_local_file (void)
{
  g_autoptr (GBytes) schedule = read_schedule_bytes (SMALL_SCHEDULE);
  g_autoptr (GBytes) other = read_schedule_bytes (OTHER_SCHEDULE);
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "schedule.xml", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (HallwaySubscription) subscription = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) later = NULL;
  HallwayConference *first;

  if (schedule == NULL || other == NULL)
    return;
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (schedule, NULL),
                                      g_bytes_get_size (schedule), NULL));
  subscription = hallway_subscription_new (path, NULL, NULL);
  g_assert_true (g_str_has_prefix (hallway_subscription_get_uri (subscription), "file://"));

  g_assert_true (refresh (subscription, &error));
  g_assert_no_error (error);
  first = hallway_subscription_get_conference (subscription);
  g_assert_nonnull (first);

  /* Unchanged file (same GIO etag): nothing parsed. */
  g_assert_true (refresh (subscription, &error));
  g_assert_cmpuint (hallway_subscription_get_parse_count (subscription), ==, 1);
  g_assert_true (hallway_subscription_get_conference (subscription) == first);

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (other, NULL),
                                      g_bytes_get_size (other), NULL));
  later = g_date_time_new_now_utc ();
  g_file_set_attribute_uint64 (file, G_FILE_ATTRIBUTE_TIME_MODIFIED,
                               (guint64) g_date_time_to_unix (later) + 10,
                               G_FILE_QUERY_INFO_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (refresh (subscription, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (hallway_subscription_get_parse_count (subscription), ==, 2);
  g_assert_true (hallway_subscription_get_conference (subscription) != first);

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_false (refresh (subscription, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_true (g_str_has_prefix (hallway_subscription_get_last_error (subscription),
                                   hallway_subscription_get_uri (subscription)));
}

/* A local file above the cap is refused by its size, before any of it is read: the message
 * names the file and gives its size, which a count up to the cap could not know. */
static void
test_local_file_too_large (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "huge.xml", NULL);
  g_autoptr (HallwaySubscription) subscription = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  if (!hallway_test_make_sparse_file (path, (goffset) 100 * 1024 * 1024))
    {
      g_test_skip ("the temporary folder cannot hold a sparse file of 100 MiB");
      return;
    }
  subscription = hallway_subscription_new (path, NULL, NULL);
  g_assert_false (refresh (subscription, &error));
  g_assert_error (error, HALLWAY_FETCH_ERROR, HALLWAY_FETCH_ERROR_TOO_LARGE);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, hallway_subscription_get_uri (subscription)));
  hallway_test_assert_contains (error->message, "(100 MiB, at most 64 MiB)");
  g_assert_null (hallway_subscription_get_conference (subscription));
}

/* ---- refresh policy ------------------------------------------------------------------ */

static GTimeSpan
interval_at (HallwayConference *conference, const char *iso)
{
  g_autoptr (GDateTime) now = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (now);
  return hallway_refresh_interval_for_conference (conference, now);
}

/* The demo conference runs 2027-02-06 and 07 in Brussels; its last talk ends at 00:30 on
 * the 7th, inside the window anyway. */
static void
test_refresh_interval (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("HALLWAY_SOURCE_ROOT"), "data",
                                            "hallway-demo-conference.xml", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (HallwayConference) demo = NULL;
  g_autoptr (HallwaySubscription) subscription = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GError) error = NULL;

  demo = hallway_schedule_read_file (file, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpint (interval_at (demo, "2027-01-10T12:00:00+01:00"), ==, 24 * G_TIME_SPAN_HOUR);
  g_assert_cmpint (interval_at (demo, "2027-02-04T23:59:59+01:00"), ==, 24 * G_TIME_SPAN_HOUR);
  g_assert_cmpint (interval_at (demo, "2027-02-05T00:00:00+01:00"), ==, 15 * G_TIME_SPAN_MINUTE);
  g_assert_cmpint (interval_at (demo, "2027-02-06T10:00:00+01:00"), ==, 15 * G_TIME_SPAN_MINUTE);
  g_assert_cmpint (interval_at (demo, "2027-02-07T23:59:59+01:00"), ==, 15 * G_TIME_SPAN_MINUTE);
  /* Another zone, the same instant: 2027-02-07T23:30 in Brussels. */
  g_assert_cmpint (interval_at (demo, "2027-02-07T22:30:00Z"), ==, 15 * G_TIME_SPAN_MINUTE);
  g_assert_cmpint (interval_at (demo, "2027-02-08T00:00:00+01:00"), ==, 24 * G_TIME_SPAN_HOUR);
  g_assert_cmpint (interval_at (demo, "2027-03-01T12:00:00+01:00"), ==, 24 * G_TIME_SPAN_HOUR);

  subscription = hallway_subscription_new ("https://example.org/schedule.xml", NULL, NULL);
  g_assert_cmpint (hallway_subscription_get_refresh_interval (subscription, now), ==,
                   24 * G_TIME_SPAN_HOUR);
}

static char *
describe_change_of (GListModel *changes, const char *key, GTimeZone *zone)
{
  for (guint i = 0; i < g_list_model_get_n_items (changes); i++)
    {
      g_autoptr (HallwayScheduleChange) change = g_list_model_get_item (changes, i);

      if (g_str_equal (hallway_schedule_change_get_key (change), key))
        return hallway_schedule_change_dup_description (change, zone);
    }
  return NULL;
}

/* The changes of a subscription just loaded from the cache: they come after the schedule,
 * from a thread. */
static GListModel *
wait_for_changes (HallwaySubscription *subscription)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_TIME_SPAN_SECOND;

  while (hallway_subscription_get_changes (subscription) == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return hallway_subscription_get_changes (subscription);
}

/* The changes of the last update survive a restart: a new subscription to the same URL
 * reads them back from the cache with the schedule. A second update replaces them. */
static void
test_changes_survive_restart (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GBytes) final_bytes = read_schedule_bytes (FINAL_SCHEDULE);
  g_autoptr (HallwaySubscription) restarted = NULL;
  g_autoptr (HallwaySubscription) again = NULL;
  g_autoptr (HallwayLibraryEntry) entry = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *moved = NULL;
  g_autofree char *cancelled = NULL;
  GListModel *changes;
  guint n_changes;

  if (final_bytes == NULL || !refresh_with (fixture, PRELIMINARY_SCHEDULE))
    return;
  g_assert_cmpuint (g_list_model_get_n_items (hallway_subscription_get_changes (
                      fixture->subscription)), ==, 0);
  sync_server_serve_bytes (fixture->server, SCHEDULE_PATH, final_bytes, SYNC_SERVE_PLAIN);
  g_assert_true (refresh (fixture->subscription, &error));
  g_assert_no_error (error);
  n_changes = g_list_model_get_n_items (hallway_subscription_get_changes (fixture->subscription));
  g_assert_cmpuint (n_changes, >, 0);

  restarted = hallway_subscription_new (fixture->uri, fixture->fetcher, fixture->bookmarks);
  g_assert_true (load_cached (restarted, &error));
  g_assert_no_error (error);
  changes = wait_for_changes (restarted);
  g_assert_cmpuint (g_list_model_get_n_items (changes), ==, n_changes);
  /* 7333 moved, 7484 cancelled (test-schedule-change has one of each kind) */
  moved = describe_change_of (changes, "881c913a-1e0a-57c7-8ee7-f41904e4a2de",
                              hallway_conference_get_time_zone (
                                hallway_subscription_get_conference (restarted)));
  cancelled = describe_change_of (changes, "7fc1d911-1340-554a-a45a-77ef09ca4aae",
                                  hallway_conference_get_time_zone (
                                    hallway_subscription_get_conference (restarted)));
  g_assert_cmpstr (moved, ==, "Moved: Sat 18:10 → Sat 17:30\nDetails updated");
  g_assert_cmpstr (cancelled, ==, "Cancelled");

  /* The same through the loader of the start-up thread, which reads the conference the
   * first window shows: its library entry asks for the changes (without, Changes was empty
   * after a restart). */
  g_clear_object (&restarted);
  restarted = hallway_subscription_new (fixture->uri, fixture->fetcher, fixture->bookmarks);
  g_assert_true (hallway_subscription_load_cached (restarted, &error));
  g_assert_no_error (error);
  entry = hallway_library_entry_new_followed ("restarted", fixture->uri, "FOSDEM 2026", NULL,
                                              restarted);
  g_assert_cmpuint (g_list_model_get_n_items (wait_for_changes (restarted)), ==, n_changes);

  /* The next update that brings a new version replaces them: back to the preliminary
   * one, the talk moves back. */
  g_assert_true (refresh_with (fixture, PRELIMINARY_SCHEDULE));
  again = hallway_subscription_new (fixture->uri, fixture->fetcher, fixture->bookmarks);
  g_assert_true (load_cached (again, &error));
  g_assert_no_error (error);
  g_clear_pointer (&moved, g_free);
  moved = describe_change_of (wait_for_changes (again),
                              "881c913a-1e0a-57c7-8ee7-f41904e4a2de",
                              hallway_conference_get_time_zone (
                                hallway_subscription_get_conference (again)));
  g_assert_cmpstr (moved, ==, "Moved: Sat 17:30 → Sat 18:10\nDetails updated");
}

/* Dismissed changes are gone, and so is the version they came from (`previous`), so a
 * restart cannot read them again; the next new version brings its own. */
static void
test_dismiss_changes (Fixture *fixture, gconstpointer data)
{
  GFile *previous = hallway_schedule_cache_get_previous_file (cache_of (fixture));
  g_autoptr (GError) error = NULL;

  for (guint n_talks = 3; n_talks <= 5; n_talks++)
    {
      g_autoptr (GBytes) version = hallway_test_generate_schedule ("Dismiss", "talk", n_talks);

      sync_server_serve_bytes (fixture->server, SCHEDULE_PATH, version, SYNC_SERVE_PLAIN);
      g_assert_true (refresh (fixture->subscription, &error));
      g_assert_no_error (error);
      if (n_talks == 3)
        continue;
      /* One talk more than before: one change, and the version it came from kept. */
      g_assert_cmpuint (g_list_model_get_n_items (hallway_subscription_get_changes (
                          fixture->subscription)), ==, 1);
      g_assert_true (g_file_query_exists (previous, NULL));
      if (n_talks == 5)
        break;
      hallway_subscription_dismiss_changes (fixture->subscription);
      g_assert_cmpuint (g_list_model_get_n_items (hallway_subscription_get_changes (
                          fixture->subscription)), ==, 0);
      g_assert_false (g_file_query_exists (previous, NULL));
    }
}

static void
add_test (const char *path, gconstpointer data, void (*func) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down);
}

int
main (int argc, char *argv[])
{
  hallway_test_init (&argc, &argv, HALLWAY_TEST_ISOLATE_DIRS | HALLWAY_TEST_NO_PROXY);

  add_test ("/subscription/first-refresh", NULL, test_first_refresh);
  add_test ("/subscription/not-modified", NULL, test_not_modified);
  add_test ("/subscription/new-version", NULL, test_new_version);
  add_test ("/subscription/load-cached/then-304", NULL, test_load_cached_then_304);
  add_test ("/subscription/load-cached/changes-survive-restart", NULL,
            test_changes_survive_restart);
  add_test ("/subscription/load-cached/offline", NULL, test_load_cached_offline);
  add_test ("/subscription/load-cached/snapshot", NULL, test_load_cached_snapshot);
  add_test ("/subscription/dismiss-changes", NULL, test_dismiss_changes);
  add_test ("/subscription/load-cached/nothing", NULL, test_load_cached_nothing);
  add_test ("/subscription/load-cached/corrupt", NULL, test_load_cached_corrupt);
  add_test ("/subscription/load-cached/stamp-trusted", NULL, test_cache_stamp_trusted);
  add_test ("/subscription/load-cached/touched", NULL, test_cache_touched);
  add_test ("/subscription/load-cached/changed-stamp", NULL, test_cache_changed_stamp);
  add_test ("/subscription/failure/404", &failure_404, test_failure);
  add_test ("/subscription/failure/500", &failure_500, test_failure);
  add_test ("/subscription/failure/timeout", &failure_timeout, test_failure);
  add_test ("/subscription/failure/truncated", &failure_truncated, test_failure);
  add_test ("/subscription/failure/html-page", &failure_html, test_failure);
  add_test ("/subscription/failure/redirect-loop", &failure_redirect_loop, test_failure);
  add_test ("/subscription/failure/too-large", &failure_too_large, test_failure);
  add_test ("/subscription/failure/too-large-streamed", &failure_too_large_streamed,
            test_failure);
  add_test ("/subscription/failure/malformed", &failure_malformed, test_failure);
  add_test ("/subscription/failure/offline", &failure_offline, test_failure);
  add_test ("/subscription/cancelled", NULL, test_cancelled);
  add_test ("/subscription/recovery", NULL, test_recovery);
  add_test ("/subscription/already-refreshing", NULL, test_already_refreshing);
  add_test ("/subscription/bookmarks-not-saved", NULL, test_bookmarks_not_saved);
  add_test ("/subscription/bookmarks-saved-in-queue", NULL, test_bookmarks_saved_in_queue);
  add_test ("/subscription/refresh-now-cancels-stuck-fetch", NULL,
            test_refresh_now_cancels_stuck_fetch);
  add_test ("/subscription/held-refresh-waits-for-release", NULL,
            test_held_refresh_waits_for_release);
  g_test_add_func ("/subscription/local-file", test_local_file);
  g_test_add_func ("/subscription/local-file-too-large", test_local_file_too_large);
  g_test_add_func ("/subscription/refresh-interval", test_refresh_interval);

  return g_test_run ();
}
