/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-room-status"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "hallway-fetcher.h"
#include "hallway-json.h"
#include "hallway-room.h"
#include "hallway-room-status.h"
#include "hallway-talk.h"

/* Which rooms are full, from a conference's room status URL (FOSDEM:
 * https://api.fosdem.org/roomstatus/v1/listrooms, as FOSDEM Companion reads it):
 *
 *   [ { "roomname": "H.1301 (Cornil)", "state": "1" }, … ]
 *
 * "state" is "0" (available), "1" (full) or "2" (evacuated), a string or a number. Asked
 * about every 90 s while the conference is live and never outside that window, with
 * conditional requests; after a failure again after 30 s, 60 s, … up to 5 minutes. States
 * the server has not confirmed for 6 minutes are dropped: a room is then unknown, never
 * shown as it was a long time ago. */

/* Seconds without progress, and for a whole request: an answer older than a poll is late. */
#define REQUEST_TIMEOUT_SECONDS 20
#define REQUEST_DEADLINE_SECONDS 60
/* FOSDEM's answer is about 3 KiB; a server that sends more than this is not answering. */
#define MAX_ANSWER_SIZE (256 * 1024)

struct _HallwayRoomStatus
{
  GObject parent_instance;

  char *url;
  GDateTime *live_start;
  GDateTime *live_end;

  HallwayClockFunc clock;
  gpointer clock_data;
  gboolean own_timers;
  guint timer;

  HallwayFetcher *fetcher;      /* conditional requests, the size cap, the timeouts */
  GCancellable *cancellable;    /* of the request on its way, else NULL */

  GHashTable *states;           /* room slug → HallwayRoomState */
  gint64 confirmed_at;          /* when the server last confirmed them; 0: never */
  gint64 next_poll;             /* 0: at once */
  guint failures;               /* in a row */
  char *etag;
  char *last_modified;
  GError *error;
};

G_DEFINE_FINAL_TYPE (HallwayRoomStatus, hallway_room_status, G_TYPE_OBJECT)

enum { CHANGED, POLLED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void arm_timer (HallwayRoomStatus *self);

static gint64
real_clock (gpointer user_data)
{
  return g_get_real_time ();
}

static gint64
now (HallwayRoomStatus *self)
{
  return self->clock (self->clock_data);
}

static void
hallway_room_status_dispose (GObject *object)
{
  HallwayRoomStatus *self = HALLWAY_ROOM_STATUS (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->timer, g_source_remove);
  g_clear_object (&self->fetcher);
  G_OBJECT_CLASS (hallway_room_status_parent_class)->dispose (object);
}

static void
hallway_room_status_finalize (GObject *object)
{
  HallwayRoomStatus *self = HALLWAY_ROOM_STATUS (object);

  g_free (self->url);
  g_clear_pointer (&self->live_start, g_date_time_unref);
  g_clear_pointer (&self->live_end, g_date_time_unref);
  g_hash_table_unref (self->states);
  g_free (self->etag);
  g_free (self->last_modified);
  g_clear_error (&self->error);
  G_OBJECT_CLASS (hallway_room_status_parent_class)->finalize (object);
}

static void
hallway_room_status_class_init (HallwayRoomStatusClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hallway_room_status_dispose;
  object_class->finalize = hallway_room_status_finalize;

  /* The states changed: lookups answer differently. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* A request finished, well or not (get_error says). */
  signals[POLLED] = g_signal_new ("polled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
hallway_room_status_init (HallwayRoomStatus *self)
{
  self->states = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->clock = real_clock;
  self->fetcher = g_object_new (HALLWAY_TYPE_FETCHER, "timeout", REQUEST_TIMEOUT_SECONDS,
                                "deadline", REQUEST_DEADLINE_SECONDS,
                                "max-size", (guint64) MAX_ANSWER_SIZE, NULL);
}

HallwayRoomStatus *
hallway_room_status_new (const char *url, GDateTime *live_start, GDateTime *live_end)
{
  HallwayRoomStatus *self;

  g_return_val_if_fail (url != NULL, NULL);
  g_return_val_if_fail (live_start != NULL && live_end != NULL, NULL);

  self = g_object_new (HALLWAY_TYPE_ROOM_STATUS, NULL);
  self->url = g_strdup (url);
  self->live_start = g_date_time_ref (live_start);
  self->live_end = g_date_time_ref (live_end);
  return self;
}

HallwayRoomStatus *
hallway_room_status_new_for_conference (const char *url, HallwayConference *conference)
{
  GListModel *talks = G_LIST_MODEL (conference);
  guint n_talks = g_list_model_get_n_items (talks);
  g_autoptr (HallwayTalk) first = NULL;
  GDateTime *last_end = NULL;
  HallwayRoomStatus *self;

  g_return_val_if_fail (n_talks > 0, NULL);

  first = g_list_model_get_item (talks, 0);
  for (guint i = 0; i < n_talks; i++)
    {
      g_autoptr (HallwayTalk) talk = g_list_model_get_item (talks, i);
      GDateTime *end = hallway_talk_get_end (talk);

      if (last_end == NULL || g_date_time_compare (end, last_end) > 0)
        {
          g_clear_pointer (&last_end, g_date_time_unref);
          last_end = g_date_time_ref (end);
        }
    }
  self = hallway_room_status_new (url, hallway_talk_get_start (first), last_end);
  g_date_time_unref (last_end);
  return self;
}

const char *
hallway_room_status_get_url (HallwayRoomStatus *self)
{
  g_return_val_if_fail (HALLWAY_IS_ROOM_STATUS (self), NULL);
  return self->url;
}

/* ---- reading the answer ----------------------------------------------------------------- */

static HallwayRoomState
state_from_node (JsonNode *node)
{
  gint64 value = -1;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return HALLWAY_ROOM_STATE_UNKNOWN;
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    value = json_node_get_int (node);
  else if (json_node_get_value_type (node) == G_TYPE_STRING &&
           !g_ascii_string_to_signed (json_node_get_string (node), 10, 0, 2, &value, NULL))
    return HALLWAY_ROOM_STATE_UNKNOWN;
  switch (value)
    {
    case 0: return HALLWAY_ROOM_STATE_AVAILABLE;
    case 1: return HALLWAY_ROOM_STATE_FULL;
    case 2: return HALLWAY_ROOM_STATE_EVACUATED;
    default: return HALLWAY_ROOM_STATE_UNKNOWN;
    }
}

/* slug → state of each room with a name and a known state; NULL and an error when the text
 * is not a list of rooms. A room the server describes oddly is left out (unknown). */
static GHashTable *
parse_states (GBytes *body, GError **error)
{
  g_autoptr (GHashTable) states = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (JsonNode) root = NULL;
  JsonArray *rooms;

  root = hallway_json_parse (g_bytes_get_data (body, NULL), g_bytes_get_size (body), error);
  if (root == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (root))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("it is not a list of rooms"));
      return NULL;
    }
  rooms = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (rooms); i++)
    {
      JsonNode *node = json_array_get_element (rooms, i);
      JsonObject *room;
      const char *name;
      HallwayRoomState state;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      room = json_node_get_object (node);
      name = hallway_json_string_member (room, "roomname");
      state = state_from_node (json_object_get_member (room, "state"));
      if (name != NULL && state != HALLWAY_ROOM_STATE_UNKNOWN)
        g_hash_table_insert (states, hallway_room_slug_for_name (name), GINT_TO_POINTER (state));
    }
  return g_steal_pointer (&states);
}

static gboolean
same_states (GHashTable *a, GHashTable *b)
{
  GHashTableIter iter;
  gpointer slug, state;

  if (g_hash_table_size (a) != g_hash_table_size (b))
    return FALSE;
  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &slug, &state))
    if (!g_hash_table_contains (b, slug) || g_hash_table_lookup (b, slug) != state)
      return FALSE;
  return TRUE;
}

static void
take_states (HallwayRoomStatus *self, GHashTable *states)
{
  gboolean changed = !same_states (self->states, states);

  g_hash_table_unref (self->states);
  self->states = states;
  if (changed)
    g_signal_emit (self, signals[CHANGED], 0);
}

/* ---- polling ---------------------------------------------------------------------------- */

static void
succeeded (HallwayRoomStatus *self, gint64 time)
{
  g_clear_error (&self->error);
  self->failures = 0;
  self->confirmed_at = time;
  self->next_poll = time + HALLWAY_ROOM_STATUS_INTERVAL;
}

/* @error names the URL, as the fetcher's do; the states stay until they are too old. */
static void
failed (HallwayRoomStatus *self, gint64 time, GError *error)
{
  GTimeSpan retry = HALLWAY_ROOM_STATUS_FIRST_RETRY;

  g_clear_error (&self->error);
  self->error = error;
  g_debug ("%s", self->error->message);
  for (guint i = 0; i < self->failures && retry < HALLWAY_ROOM_STATUS_MAX_RETRY; i++)
    retry *= 2;
  self->failures++;
  self->next_poll = time + MIN (retry, HALLWAY_ROOM_STATUS_MAX_RETRY);
}

/* "https://…/listrooms: what is wrong", the form of the fetcher's messages. */
static GError *
answer_error (HallwayRoomStatus *self, gint code, const char *detail)
{
  return g_error_new (G_IO_ERROR, code, "%s: %s", self->url, detail);
}

static void
handle_result (HallwayRoomStatus *self, HallwayFetchResult *result)
{
  gint64 time = now (self);
  g_autoptr (GError) error = NULL;
  GHashTable *states;

  if (result->not_modified)
    {
      succeeded (self, time);
      return;
    }
  states = parse_states (result->body, &error);
  if (states == NULL)
    {
      failed (self, time, answer_error (self, G_IO_ERROR_INVALID_DATA, error->message));
      return;
    }
  g_set_str (&self->etag, result->etag);
  g_set_str (&self->last_modified, result->last_modified);
  succeeded (self, time);
  take_states (self, states);
}

static void
fetched_cb (GObject *source, GAsyncResult *async_result, gpointer user_data)
{
  g_autoptr (HallwayRoomStatus) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (HallwayFetchResult) result =
    hallway_fetcher_fetch_finish (HALLWAY_FETCHER (source), async_result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);
  if (g_error_matches (error, HALLWAY_FETCH_ERROR, HALLWAY_FETCH_ERROR_TOO_LARGE))
    {
      /* The fetcher's words are about schedules, in MiB; the cap here is in KiB. */
      g_autofree char *detail =
        g_strdup_printf (_("the answer is larger than %d KiB"), MAX_ANSWER_SIZE / 1024);

      failed (self, now (self), answer_error (self, G_IO_ERROR_MESSAGE_TOO_LARGE, detail));
    }
  else if (error != NULL)
    failed (self, now (self), g_steal_pointer (&error));
  else
    handle_result (self, result);
  arm_timer (self);
  g_signal_emit (self, signals[POLLED], 0);
}

/* A conditional request with the validators of the last answer. */
static void
send_request (HallwayRoomStatus *self)
{
  self->cancellable = g_cancellable_new ();
  hallway_fetcher_fetch_async (self->fetcher, self->url, self->etag, self->last_modified,
                               self->cancellable, fetched_cb, g_object_ref (self));
}

static gint64
to_usec (GDateTime *time)
{
  return g_date_time_to_unix_usec (time);
}

/* States the server has not confirmed for too long are forgotten. */
static void
expire (HallwayRoomStatus *self, gint64 time)
{
  if (self->confirmed_at == 0 || time - self->confirmed_at < HALLWAY_ROOM_STATUS_MAX_AGE)
    return;
  self->confirmed_at = 0;
  if (g_hash_table_size (self->states) > 0)
    take_states (self, g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL));
}

void
hallway_room_status_run_due (HallwayRoomStatus *self)
{
  gint64 time;

  g_return_if_fail (HALLWAY_IS_ROOM_STATUS (self));

  time = now (self);
  expire (self, time);
  if (self->cancellable == NULL && time >= to_usec (self->live_start) &&
      time < to_usec (self->live_end) && time >= self->next_poll)
    send_request (self);
  arm_timer (self);
}

gint64
hallway_room_status_get_next_poll (HallwayRoomStatus *self)
{
  gint64 due;

  g_return_val_if_fail (HALLWAY_IS_ROOM_STATUS (self), 0);

  if (self->cancellable != NULL)
    return 0;
  /* A request overdue is due now, and none is once the conference is over. */
  due = MAX (MAX (self->next_poll, to_usec (self->live_start)), now (self));
  return due < to_usec (self->live_end) ? due : 0;
}

static gboolean
timer_cb (gpointer user_data)
{
  HallwayRoomStatus *self = user_data;

  self->timer = 0;
  hallway_room_status_run_due (self);
  return G_SOURCE_REMOVE;
}

/* One timer for whatever comes first: the next request or the states growing too old. */
static void
arm_timer (HallwayRoomStatus *self)
{
  gint64 due = hallway_room_status_get_next_poll (self);
  gint64 time;

  if (!self->own_timers)
    return;
  g_clear_handle_id (&self->timer, g_source_remove);
  if (self->confirmed_at != 0)
    {
      gint64 stale = self->confirmed_at + HALLWAY_ROOM_STATUS_MAX_AGE;

      due = due == 0 ? stale : MIN (due, stale);
    }
  if (due == 0)
    return;
  time = now (self);
  /* Whole seconds, rounded up, so the timer never fires just before it is due. */
  self->timer = g_timeout_add_seconds (due > time ? (guint) ((due - time + G_USEC_PER_SEC - 1) /
                                                             G_USEC_PER_SEC)
                                                  : 0,
                                       timer_cb, self);
}

void
hallway_room_status_start (HallwayRoomStatus *self)
{
  g_return_if_fail (HALLWAY_IS_ROOM_STATUS (self));

  self->own_timers = TRUE;
  hallway_room_status_run_due (self);
}

void
hallway_room_status_set_clock (HallwayRoomStatus *self, HallwayClockFunc clock,
                               gpointer user_data)
{
  g_return_if_fail (HALLWAY_IS_ROOM_STATUS (self));
  g_return_if_fail (clock != NULL);

  self->clock = clock;
  self->clock_data = user_data;
  self->own_timers = FALSE;
  g_clear_handle_id (&self->timer, g_source_remove);
}

HallwayRoomState
hallway_room_status_lookup (HallwayRoomStatus *self, HallwayRoom *room)
{
  g_return_val_if_fail (HALLWAY_IS_ROOM_STATUS (self), HALLWAY_ROOM_STATE_UNKNOWN);

  if (room == NULL)
    return HALLWAY_ROOM_STATE_UNKNOWN;
  return GPOINTER_TO_INT (g_hash_table_lookup (self->states, hallway_room_get_slug (room)));
}

const GError *
hallway_room_status_get_error (HallwayRoomStatus *self)
{
  g_return_val_if_fail (HALLWAY_IS_ROOM_STATUS (self), NULL);
  return self->error;
}
