/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-room-status"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

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

#define USER_AGENT "Hallway/" PACKAGE_VERSION " (+https://github.com/hallway-app/hallway)"
#define REQUEST_TIMEOUT_SECONDS 20
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

  SoupSession *session;
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
  g_clear_object (&self->session);
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
  self->session = soup_session_new_with_options ("user-agent", USER_AGENT,
                                                 "timeout", REQUEST_TIMEOUT_SECONDS, NULL);
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

/* The error names the URL; the states stay until they are too old. */
static void
failed (HallwayRoomStatus *self, gint64 time, const char *detail)
{
  GTimeSpan retry = HALLWAY_ROOM_STATUS_FIRST_RETRY;

  g_clear_error (&self->error);
  g_set_error (&self->error, G_IO_ERROR, G_IO_ERROR_FAILED,
               _("The room status at “%s” could not be read: %s"), self->url, detail);
  g_debug ("%s", self->error->message);
  for (guint i = 0; i < self->failures && retry < HALLWAY_ROOM_STATUS_MAX_RETRY; i++)
    retry *= 2;
  self->failures++;
  self->next_poll = time + MIN (retry, HALLWAY_ROOM_STATUS_MAX_RETRY);
}

static void
remember_validators (HallwayRoomStatus *self, SoupMessage *message)
{
  SoupMessageHeaders *headers = soup_message_get_response_headers (message);

  g_free (self->etag);
  self->etag = g_strdup (soup_message_headers_get_one (headers, "ETag"));
  g_free (self->last_modified);
  self->last_modified = g_strdup (soup_message_headers_get_one (headers, "Last-Modified"));
}

static void
handle_response (HallwayRoomStatus *self, SoupMessage *message, GBytes *body)
{
  guint status = soup_message_get_status (message);
  gint64 time = now (self);
  g_autoptr (GError) error = NULL;
  GHashTable *states;

  if (status == SOUP_STATUS_NOT_MODIFIED)
    {
      succeeded (self, time);
      return;
    }
  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      g_autofree char *detail =
        g_strdup_printf (_("the server answered %u %s"), status,
                         soup_message_get_reason_phrase (message));
      failed (self, time, detail);
      return;
    }
  states = parse_states (body, &error);
  if (states == NULL)
    {
      failed (self, time, error->message);
      return;
    }
  remember_validators (self, message);
  succeeded (self, time);
  take_states (self, states);
}

/* One request on its way: the answer is read in chunks, up to MAX_ANSWER_SIZE. */
typedef struct
{
  HallwayRoomStatus *self;
  SoupMessage *message;
  GInputStream *stream;
  GByteArray *body;
} Request;

static void
request_free (Request *request)
{
  g_object_unref (request->self);
  g_object_unref (request->message);
  g_clear_object (&request->stream);
  g_byte_array_unref (request->body);
  g_free (request);
}

/* The request ended, with the whole body or an error; NULL for both: the status is gone. */
static void
finish_request (Request *request, GError *error)
{
  HallwayRoomStatus *self = request->self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      request_free (request);
      return;
    }
  g_clear_object (&self->cancellable);
  if (error != NULL)
    failed (self, now (self), error->message);
  else
    {
      g_autoptr (GBytes) body = g_byte_array_free_to_bytes (g_byte_array_ref (request->body));

      handle_response (self, request->message, body);
    }
  arm_timer (self);
  g_signal_emit (self, signals[POLLED], 0);
  request_free (request);
}

static void read_more (Request *request);

static void
read_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Request *request = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (source), result,
                                                               &error);

  if (chunk == NULL)
    finish_request (request, error);
  else if (g_bytes_get_size (chunk) == 0)
    finish_request (request, NULL);
  else if (request->body->len + g_bytes_get_size (chunk) > MAX_ANSWER_SIZE)
    {
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                   _("the answer is larger than %d KiB"), MAX_ANSWER_SIZE / 1024);
      finish_request (request, error);
    }
  else
    {
      g_byte_array_append (request->body, g_bytes_get_data (chunk, NULL),
                           g_bytes_get_size (chunk));
      read_more (request);
    }
}

static void
read_more (Request *request)
{
  g_input_stream_read_bytes_async (request->stream, 64 * 1024, G_PRIORITY_LOW,
                                   request->self->cancellable, read_cb, request);
}

static void
sent_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Request *request = user_data;
  g_autoptr (GError) error = NULL;

  request->stream = soup_session_send_finish (SOUP_SESSION (source), result, &error);
  if (request->stream == NULL)
    finish_request (request, error);
  else
    read_more (request);
}

static void
send_request (HallwayRoomStatus *self)
{
  g_autoptr (SoupMessage) message = soup_message_new (SOUP_METHOD_GET, self->url);
  SoupMessageHeaders *headers;
  Request *request;

  if (message == NULL)
    {
      failed (self, now (self), _("it is not a web address"));
      return;
    }
  headers = soup_message_get_request_headers (message);
  soup_message_headers_append (headers, "Accept", "application/json");
  if (self->etag != NULL)
    soup_message_headers_append (headers, "If-None-Match", self->etag);
  if (self->last_modified != NULL)
    soup_message_headers_append (headers, "If-Modified-Since", self->last_modified);
  self->cancellable = g_cancellable_new ();
  request = g_new0 (Request, 1);
  request->self = g_object_ref (self);
  request->message = g_object_ref (message);
  request->body = g_byte_array_new ();
  soup_session_send_async (self->session, message, G_PRIORITY_LOW, self->cancellable, sent_cb,
                           request);
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
