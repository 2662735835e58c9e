/* SPDX-License-Identifier: EUPL-1.2 */
/* The room status (HallwayRoomStatus) against a loopback server serving our fixtures in
 * tests/data/roomstatus-*.json, on a fake clock: which rooms are full, conditional
 * requests, bad answers, states that grow old, back-off while the server is down, and no
 * request outside the conference's live window. */
#include <string.h>

#include "hallway-catalogue.h"
#include "hallway-link.h"
#include "hallway-room.h"
#include "hallway-room-status.h"
#include "hallway-test-server.h"
#include "hallway-test-utils.h"

#define PATH "/roomstatus/v1/listrooms"
#define SECONDS(s) ((gint64) (s) * G_USEC_PER_SEC)

typedef struct
{
  SyncServer *server;
  char *url;
  HallwayRoomStatus *status;
  gint64 now;                 /* the fake clock, µs since the epoch */
  gint64 live_start;
  gint64 live_end;
  guint n_changed;
  guint n_polled;
  HallwayRoom *cornil;        /* "H.1301 (Cornil)" */
  HallwayRoom *la_fontaine;   /* "K.1.105 (La Fontaine)" */
  HallwayRoom *janson;
  HallwayRoom *aw1120;
  HallwayRoom *lameere;       /* "UB2.252A (Lameere)" */
  HallwayRoom *k3201;         /* never in any fixture */
} Fixture;

static gint64
fake_clock (gpointer user_data)
{
  Fixture *fixture = user_data;

  return fixture->now;
}

static void
count_cb (HallwayRoomStatus *status, guint *counter)
{
  (*counter)++;
}

static GDateTime *
time_from_usec (gint64 usec)
{
  return g_date_time_new_from_unix_utc_usec (usec);
}

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GDateTime) start = g_date_time_new_from_iso8601 ("2026-01-31T09:00:00+01:00", NULL);
  g_autoptr (GDateTime) end = g_date_time_new_from_iso8601 ("2026-02-01T19:00:00+01:00", NULL);

  fixture->server = sync_server_start ();
  fixture->url = sync_server_uri (fixture->server, PATH);
  fixture->status = hallway_room_status_new (fixture->url, start, end);
  fixture->live_start = g_date_time_to_unix_usec (start);
  fixture->live_end = g_date_time_to_unix_usec (end);
  /* Saturday, 11:00 in Brussels: live. */
  fixture->now = fixture->live_start + SECONDS (2 * 3600);
  hallway_room_status_set_clock (fixture->status, fake_clock, fixture);
  g_signal_connect (fixture->status, "changed", G_CALLBACK (count_cb), &fixture->n_changed);
  g_signal_connect (fixture->status, "polled", G_CALLBACK (count_cb), &fixture->n_polled);
  fixture->cornil = hallway_room_new ("H.1301 (Cornil)");
  fixture->la_fontaine = hallway_room_new ("K.1.105 (La Fontaine)");
  fixture->janson = hallway_room_new ("Janson");
  fixture->aw1120 = hallway_room_new ("AW1.120");
  fixture->lameere = hallway_room_new ("UB2.252A (Lameere)");
  fixture->k3201 = hallway_room_new ("K.3.201");
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  g_clear_object (&fixture->status);
  if (fixture->server != NULL)
    sync_server_stop (fixture->server);
  g_free (fixture->url);
  g_object_unref (fixture->cornil);
  g_object_unref (fixture->la_fontaine);
  g_object_unref (fixture->janson);
  g_object_unref (fixture->aw1120);
  g_object_unref (fixture->lameere);
  g_object_unref (fixture->k3201);
}

static void
serve (Fixture *fixture, const char *name)
{
  g_autoptr (GBytes) bytes = hallway_test_read_fixture_bytes (name);

  sync_server_serve_bytes (fixture->server, PATH, bytes, SYNC_SERVE_PLAIN);
}

/* Runs what is due at the fake time and, when that sent a request, waits for its end. */
static gboolean
run_due (Fixture *fixture)
{
  guint polled = fixture->n_polled;
  gboolean sent;

  hallway_room_status_run_due (fixture->status);
  /* While a request is on its way no next poll is planned. */
  sent = hallway_room_status_get_next_poll (fixture->status) == 0 &&
         fixture->now < fixture->live_end;
  while (sent && fixture->n_polled == polled)
    g_main_context_iteration (NULL, TRUE);
  return sent;
}

static HallwayRoomState
state_of (Fixture *fixture, HallwayRoom *room)
{
  return hallway_room_status_lookup (fixture->status, room);
}

static void
assert_next_poll_in (Fixture *fixture, gint64 seconds)
{
  g_assert_cmpint (hallway_room_status_get_next_poll (fixture->status), ==,
                   fixture->now + SECONDS (seconds));
}

/* A full room is full, an available one available; "state" as a string or a number. */
static void
test_full (Fixture *fixture, gconstpointer data)
{
  serve (fixture, "roomstatus-full.json");
  g_assert_cmpint (state_of (fixture, fixture->cornil), ==, HALLWAY_ROOM_STATE_UNKNOWN);
  g_assert_true (run_due (fixture));
  g_assert_no_error ((GError *) hallway_room_status_get_error (fixture->status));
  g_assert_cmpint (state_of (fixture, fixture->cornil), ==, HALLWAY_ROOM_STATE_FULL);
  g_assert_cmpint (state_of (fixture, fixture->la_fontaine), ==, HALLWAY_ROOM_STATE_FULL);
  g_assert_cmpint (state_of (fixture, fixture->janson), ==, HALLWAY_ROOM_STATE_AVAILABLE);
  g_assert_cmpint (state_of (fixture, fixture->aw1120), ==, HALLWAY_ROOM_STATE_EVACUATED);
  g_assert_cmpint (state_of (fixture, fixture->k3201), ==, HALLWAY_ROOM_STATE_UNKNOWN);
  g_assert_cmpuint (fixture->n_changed, ==, 1);
  g_assert_cmpuint (sync_server_get_hits (fixture->server, PATH), ==, 1);
  /* The next question in 90 s, not before. */
  assert_next_poll_in (fixture, 90);
  fixture->now += SECONDS (89);
  g_assert_false (run_due (fixture));
  g_assert_cmpuint (sync_server_get_hits (fixture->server, PATH), ==, 1);
}

/* The rooms fill and empty again: the states follow, "changed" each time. */
static void
test_available (Fixture *fixture, gconstpointer data)
{
  serve (fixture, "roomstatus-full.json");
  g_assert_true (run_due (fixture));
  serve (fixture, "roomstatus-available.json");
  fixture->now += HALLWAY_ROOM_STATUS_INTERVAL;
  g_assert_true (run_due (fixture));
  g_assert_cmpint (state_of (fixture, fixture->cornil), ==, HALLWAY_ROOM_STATE_AVAILABLE);
  g_assert_cmpint (state_of (fixture, fixture->la_fontaine), ==, HALLWAY_ROOM_STATE_AVAILABLE);
  g_assert_cmpint (state_of (fixture, fixture->aw1120), ==, HALLWAY_ROOM_STATE_AVAILABLE);
  g_assert_cmpuint (fixture->n_changed, ==, 2);
}

/* Rooms the schedule does not have, states nobody defined, entries without a name or a
 * state: left out (unknown), the rest read. */
static void
test_unknown_room (Fixture *fixture, gconstpointer data)
{
  serve (fixture, "roomstatus-unknown-room.json");
  g_assert_true (run_due (fixture));
  g_assert_no_error ((GError *) hallway_room_status_get_error (fixture->status));
  g_assert_cmpint (state_of (fixture, fixture->cornil), ==, HALLWAY_ROOM_STATE_UNKNOWN);
  g_assert_cmpint (state_of (fixture, fixture->la_fontaine), ==, HALLWAY_ROOM_STATE_UNKNOWN);
  g_assert_cmpint (state_of (fixture, fixture->janson), ==, HALLWAY_ROOM_STATE_UNKNOWN);
  g_assert_cmpint (state_of (fixture, fixture->aw1120), ==, HALLWAY_ROOM_STATE_UNKNOWN);
  g_assert_cmpint (state_of (fixture, fixture->lameere), ==, HALLWAY_ROOM_STATE_FULL);
}

/* The second request is conditional; "304 Not Modified" confirms the states, so they do
 * not grow old. */
static void
test_conditional (Fixture *fixture, gconstpointer data)
{
  g_autofree char *if_none_match = NULL;

  serve (fixture, "roomstatus-full.json");
  g_assert_true (run_due (fixture));
  for (guint i = 0; i < 6; i++)
    {
      fixture->now += HALLWAY_ROOM_STATUS_INTERVAL;
      g_assert_true (run_due (fixture));
      g_assert_no_error ((GError *) hallway_room_status_get_error (fixture->status));
    }
  if_none_match = sync_server_dup_request_header (fixture->server, "if-none-match");
  g_assert_nonnull (if_none_match);
  g_assert_cmpuint (sync_server_get_hits (fixture->server, PATH), ==, 7);
  /* Nine minutes after the first answer, confirmed by the 304s: still full. */
  g_assert_cmpint (state_of (fixture, fixture->cornil), ==, HALLWAY_ROOM_STATE_FULL);
  g_assert_cmpuint (fixture->n_changed, ==, 1);
}

/* A broken answer: an error naming the URL, no crash, the last good states kept until they
 * are too old, and a retry after 30 s. */
static void
test_malformed (Fixture *fixture, gconstpointer data)
{
  const GError *error;
  gint64 good_answer;

  serve (fixture, "roomstatus-full.json");
  g_assert_true (run_due (fixture));
  good_answer = fixture->now;
  serve (fixture, "roomstatus-malformed.json");
  fixture->now += HALLWAY_ROOM_STATUS_INTERVAL;
  g_assert_true (run_due (fixture));
  error = hallway_room_status_get_error (fixture->status);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, fixture->url));
  g_assert_cmpint (state_of (fixture, fixture->cornil), ==, HALLWAY_ROOM_STATE_FULL);
  assert_next_poll_in (fixture, 30);

  /* Still broken each time it is asked; the states last until 6 minutes after the good
   * answer, and not a second longer. */
  while (fixture->now < good_answer + HALLWAY_ROOM_STATUS_MAX_AGE - SECONDS (1))
    {
      fixture->now = MIN (hallway_room_status_get_next_poll (fixture->status),
                          good_answer + HALLWAY_ROOM_STATUS_MAX_AGE - SECONDS (1));
      run_due (fixture);
      g_assert_cmpint (state_of (fixture, fixture->cornil), ==, HALLWAY_ROOM_STATE_FULL);
    }
  fixture->now = good_answer + HALLWAY_ROOM_STATUS_MAX_AGE;
  run_due (fixture);
  g_assert_cmpint (state_of (fixture, fixture->cornil), ==, HALLWAY_ROOM_STATE_UNKNOWN);
  g_assert_cmpint (state_of (fixture, fixture->janson), ==, HALLWAY_ROOM_STATE_UNKNOWN);
  g_assert_cmpuint (fixture->n_changed, ==, 2);
  g_assert_nonnull (hallway_room_status_get_error (fixture->status));
}

/* A server that sends without end: read up to 256 KiB, then an error naming the URL; the
 * states stay, the next try is 30 s later. */
static void
test_endless (Fixture *fixture, gconstpointer data)
{
  const GError *error;

  serve (fixture, "roomstatus-full.json");
  g_assert_true (run_due (fixture));
  sync_server_flood (fixture->server, PATH, -1);
  fixture->now += HALLWAY_ROOM_STATUS_INTERVAL;
  g_assert_true (run_due (fixture));
  error = hallway_room_status_get_error (fixture->status);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, fixture->url));
  g_assert_nonnull (strstr (error->message, "larger than 256 KiB"));
  g_assert_cmpint (state_of (fixture, fixture->cornil), ==, HALLWAY_ROOM_STATE_FULL);
  assert_next_poll_in (fixture, 30);
}

/* The server answers 503 after a good answer: the states go unknown 6 minutes later. */
static void
test_stale (Fixture *fixture, gconstpointer data)
{
  gint64 good_answer;

  serve (fixture, "roomstatus-full.json");
  g_assert_true (run_due (fixture));
  good_answer = fixture->now;
  sync_server_fail (fixture->server, PATH, SYNC_ROUTE_STATUS, 503);
  fixture->now = good_answer + HALLWAY_ROOM_STATUS_MAX_AGE - SECONDS (1);
  g_assert_true (run_due (fixture));
  g_assert_nonnull (strstr (hallway_room_status_get_error (fixture->status)->message, "503"));
  g_assert_cmpint (state_of (fixture, fixture->cornil), ==, HALLWAY_ROOM_STATE_FULL);
  fixture->now += SECONDS (1);
  g_assert_false (run_due (fixture));
  g_assert_cmpint (state_of (fixture, fixture->cornil), ==, HALLWAY_ROOM_STATE_UNKNOWN);
  g_assert_cmpuint (fixture->n_changed, ==, 2);
}

/* Nobody listens at the address: retries after 30 s, 60 s, 120 s, 240 s, then every 5
 * minutes; once the server is back, every 90 s again. */
static void
test_server_down (Fixture *fixture, gconstpointer data)
{
  const gint64 expected[] = { 30, 60, 120, 240, 300, 300, 300 };
  g_autoptr (GDateTime) start = time_from_usec (fixture->live_start);
  g_autoptr (GDateTime) end = time_from_usec (fixture->live_end);

  /* A server stopped: its port refuses connections. */
  sync_server_stop (fixture->server);
  fixture->server = NULL;
  g_clear_object (&fixture->status);
  fixture->status = hallway_room_status_new (fixture->url, start, end);
  hallway_room_status_set_clock (fixture->status, fake_clock, fixture);
  g_signal_connect (fixture->status, "polled", G_CALLBACK (count_cb), &fixture->n_polled);

  for (gsize i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_assert_true (run_due (fixture));
      g_assert_nonnull (hallway_room_status_get_error (fixture->status));
      assert_next_poll_in (fixture, expected[i]);
      /* Nothing is sent before it is due. */
      fixture->now += SECONDS (expected[i] - 1);
      g_assert_false (run_due (fixture));
      fixture->now += SECONDS (1);
    }
  g_assert_cmpuint (fixture->n_polled, ==, G_N_ELEMENTS (expected));

  /* A server back (at a new address: the old port is gone): one failure more, then a
   * success ends the back-off. */
  fixture->server = sync_server_start ();
  g_free (fixture->url);
  fixture->url = sync_server_uri (fixture->server, PATH);
  g_clear_object (&fixture->status);
  fixture->status = hallway_room_status_new (fixture->url, start, end);
  hallway_room_status_set_clock (fixture->status, fake_clock, fixture);
  g_signal_connect (fixture->status, "polled", G_CALLBACK (count_cb), &fixture->n_polled);
  sync_server_fail (fixture->server, PATH, SYNC_ROUTE_STATUS, 500);
  g_assert_true (run_due (fixture));
  assert_next_poll_in (fixture, 30);
  serve (fixture, "roomstatus-full.json");
  fixture->now += SECONDS (30);
  g_assert_true (run_due (fixture));
  g_assert_null (hallway_room_status_get_error (fixture->status));
  assert_next_poll_in (fixture, 90);
}

/* Before the first talk and after the last one, nothing is asked. */
static void
test_outside_live_window (Fixture *fixture, gconstpointer data)
{
  serve (fixture, "roomstatus-full.json");
  fixture->now = fixture->live_start - SECONDS (3600);
  g_assert_false (run_due (fixture));
  g_assert_cmpint (hallway_room_status_get_next_poll (fixture->status), ==, fixture->live_start);
  fixture->now = fixture->live_start - SECONDS (1);
  g_assert_false (run_due (fixture));
  g_assert_cmpuint (sync_server_get_hits (fixture->server, PATH), ==, 0);

  fixture->now = fixture->live_start;
  g_assert_true (run_due (fixture));
  g_assert_cmpuint (sync_server_get_hits (fixture->server, PATH), ==, 1);

  fixture->now = fixture->live_end;
  g_assert_false (run_due (fixture));
  fixture->now = fixture->live_end + SECONDS (86400);
  g_assert_false (run_due (fixture));
  g_assert_cmpint (hallway_room_status_get_next_poll (fixture->status), ==, 0);
  g_assert_cmpuint (sync_server_get_hits (fixture->server, PATH), ==, 1);
  /* The states of the last day grew old meanwhile. */
  g_assert_cmpint (state_of (fixture, fixture->cornil), ==, HALLWAY_ROOM_STATE_UNKNOWN);
}

static gint64
fixed_clock (gpointer user_data)
{
  return *(gint64 *) user_data;
}

/* The window of a conference: its first talk's start to its last talk's end. */
static void
test_window_of_conference (void)
{
  g_autoptr (HallwayConference) demo = hallway_test_read_demo ();
  g_autoptr (HallwayRoomStatus) status =
    hallway_room_status_new_for_conference ("http://127.0.0.1:1/", demo);
  g_autoptr (HallwayTalk) first = g_list_model_get_item (G_LIST_MODEL (demo), 0);
  gint64 start = g_date_time_to_unix_usec (hallway_talk_get_start (first));
  gint64 last_end = 0;
  gint64 time = 0;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (demo)); i++)
    {
      g_autoptr (HallwayTalk) talk = g_list_model_get_item (G_LIST_MODEL (demo), i);

      last_end = MAX (last_end, g_date_time_to_unix_usec (hallway_talk_get_end (talk)));
    }
  hallway_room_status_set_clock (status, fixed_clock, &time);
  g_assert_cmpint (hallway_room_status_get_next_poll (status), ==, start);
  time = last_end - SECONDS (1);
  g_assert_cmpint (hallway_room_status_get_next_poll (status), ==, time);
  time = last_end;
  g_assert_cmpint (hallway_room_status_get_next_poll (status), ==, 0);
}

static HallwayLibraryEntry *
find_entry (GListModel *catalogue, const char *title)
{
  for (guint i = 0; i < g_list_model_get_n_items (catalogue); i++)
    {
      g_autoptr (HallwayLibraryEntry) entry = g_list_model_get_item (catalogue, i);

      if (g_str_equal (hallway_library_entry_get_title (entry), title))
        return entry;
    }
  g_assert_not_reached ();
}

/* The room status and the campus navigation are the catalogue's, per conference: FOSDEM's
 * in the built-in one, an administrator's in a catalogue file; none for the others. */
static void
test_catalogue (void)
{
  g_autoptr (GListModel) builtin = hallway_catalogue_new_builtin ();
  g_autoptr (GListModel) read = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "catalogue.json", NULL);
  g_autoptr (HallwayRoom) cornil = hallway_room_new ("H.1301 (Cornil)");
  g_autofree char *navigation = NULL;
  g_autofree char *room_page = NULL;
  g_autofree char *stream = NULL;
  g_autofree char *loopback = NULL;
  HallwayLibraryEntry *fosdem = find_entry (builtin, "FOSDEM 2026");
  HallwayLibraryEntry *ccc = find_entry (builtin, "39C3: everything");
  HallwayLibraryEntry *opengov;

  g_assert_cmpstr (hallway_library_entry_get_room_status_url (fosdem), ==,
                   "https://api.fosdem.org/roomstatus/v1/listrooms");
  navigation = hallway_library_entry_dup_room_navigation_url (fosdem, cornil);
  g_assert_cmpstr (navigation, ==, "https://nav.fosdem.org/d/h1301_cornil/");
  /* The room on FOSDEM's website: the schedule's base URL, room/ and its <room slug>. */
  room_page = hallway_library_entry_dup_room_page_url (fosdem, cornil);
  g_assert_cmpstr (room_page, ==, "https://fosdem.org/2026/schedule/room/h1301/");
  stream = hallway_library_entry_dup_room_stream_url (fosdem, cornil);
  g_assert_cmpstr (stream, ==, "https://stream.fosdem.org/h1301.m3u8");
  g_assert_null (hallway_library_entry_get_room_status_url (ccc));
  g_assert_null (hallway_library_entry_dup_room_navigation_url (ccc, cornil));
  g_assert_null (hallway_library_entry_dup_room_page_url (ccc, cornil));
  g_assert_null (hallway_library_entry_dup_room_stream_url (ccc, cornil));
  /* Without a conference, nothing polls. */
  g_assert_null (hallway_library_entry_ensure_room_status (fosdem));

  hallway_test_write_text (path,
                           "{\"version\": 1, \"include-builtin\": false, \"conferences\": ["
                           " {\"title\": \"OpenGov Days\","
                           "  \"location\": \"https://example.org/s.xml\","
                           "  \"room-status\": \"https://example.org/rooms.json\","
                           "  \"room-stream\": \"http://127.0.0.1:8080/{room}.m3u8\"}]}",
                           -1);
  file = g_file_new_for_path (path);
  read = hallway_catalogue_read (file, &error);
  g_assert_no_error (error);
  opengov = find_entry (read, "OpenGov Days");
  g_assert_cmpstr (hallway_library_entry_get_room_status_url (opengov), ==,
                   "https://example.org/rooms.json");
  g_assert_null (hallway_library_entry_get_navigation_url (opengov));
  g_assert_null (hallway_library_entry_get_room_page_url (opengov));
  /* The stream is the catalogue's too, so a test points it at a loopback server. */
  loopback = hallway_library_entry_dup_room_stream_url (opengov, cornil);
  g_assert_cmpstr (loopback, ==, "http://127.0.0.1:8080/h1301.m3u8");
  g_clear_object (&read);

  /* An administrator's room pages, "{room}" the room's slug. */
  hallway_test_write_text (path,
                           "{\"version\": 1, \"include-builtin\": false, \"conferences\": ["
                           " {\"title\": \"OpenGov Days\","
                           "  \"location\": \"https://example.org/s.xml\","
                           "  \"room-page\": \"https://example.org/rooms/{room}.html\"}]}",
                           -1);
  read = hallway_catalogue_read (file, &error);
  g_assert_no_error (error);
  opengov = find_entry (read, "OpenGov Days");
  g_clear_pointer (&room_page, g_free);
  room_page = hallway_library_entry_dup_room_page_url (opengov, cornil);
  g_assert_cmpstr (room_page, ==, "https://example.org/rooms/h1301.html");
  g_assert_null (hallway_library_entry_get_room_status_url (opengov));
  g_clear_object (&read);

  hallway_test_write_text (path,
                           "{\"version\": 1, \"conferences\": ["
                           " {\"title\": \"OpenGov Days\","
                           "  \"location\": \"https://example.org/s.xml\","
                           "  \"room-page\": \"javascript:alert(1)\"}]}",
                           -1);
  read = hallway_catalogue_read (file, &error);
  g_assert_null (read);
  g_assert_nonnull (strstr (error->message, "“room-page” is not an http(s) URL"));
  g_clear_error (&error);

  /* Not a web address: the catalogue is refused, saying which member of which conference. */
  hallway_test_write_text (path,
                           "{\"version\": 1, \"conferences\": ["
                           " {\"title\": \"OpenGov Days\","
                           "  \"location\": \"https://example.org/s.xml\","
                           "  \"room-status\": \"file:///etc/passwd\"}]}",
                           -1);
  read = hallway_catalogue_read (file, &error);
  g_assert_null (read);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "“room-status” is not an http(s) URL"));
  g_assert_nonnull (strstr (error->message, path));
}

static void
assert_location_slug (const char *name, const char *expected)
{
  g_autofree char *slug = hallway_room_location_slug_for_name (name);

  g_assert_cmpstr (slug, ==, expected);
}

/* A room's location on nav.fosdem.org keeps its honorary name, as FOSDEM Companion
 * (toRoomSlug) and EventFahrplan's FOSDEM map name them; rooms without one are as their
 * slug. */
static void
test_location_slug (void)
{
  assert_location_slug ("H.1301 (Cornil)", "h1301_cornil");
  assert_location_slug ("K.1.105 (La Fontaine)", "k1105_la_fontaine");
  assert_location_slug ("UB2.252A (Lameere)", "ub2252a_lameere");
  assert_location_slug ("UD2.120 (Chavanne)", "ud2120_chavanne");
  assert_location_slug ("H.1309 (Van Rijn)", "h1309_van_rijn");
  assert_location_slug ("AW1.120", "aw1120");
  assert_location_slug ("K.3.201", "k3201");
  assert_location_slug ("Janson", "janson");
  /* Accents go, runs of anything else are one "_", none at either end. */
  assert_location_slug ("  Salle Émile-Zola (2) ", "salle_emile-zola_2");
  assert_location_slug ("()", "");
}

/* Recordings that the player plays: video files and playlists, not pages about them. */
static void
test_playable_links (void)
{
  static const struct
  {
    const char *url;
    gboolean playable;
  } cases[] = {
    { "https://video.fosdem.org/2026/h1301/fosdem-2026-1234-talk.webm", TRUE },
    { "https://video.fosdem.org/2026/h1301/fosdem-2026-1234-talk.av1.webm", TRUE },
    { "https://video.fosdem.org/2026/h1301/fosdem-2026-1234-talk.MP4?download=1", TRUE },
    { "https://stream.fosdem.org/h1301.m3u8", TRUE },
    { "https://media.ccc.de/v/39c3-1234-talk", FALSE },
    { "https://example.org/webm", FALSE },
    { "file:///home/me/talk.webm", FALSE },
    { "not a url.mp4", FALSE },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (HallwayLink) link = hallway_link_new ("Video", cases[i].url, HALLWAY_LINK_VIDEO);

      g_assert_cmpint (hallway_link_is_playable (link), ==, cases[i].playable);
    }
}

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int argc, char *argv[])
{
  hallway_test_init (&argc, &argv,
                     HALLWAY_TEST_ISOLATE_DIRS | HALLWAY_TEST_NO_PROXY | HALLWAY_TEST_ENGLISH);

  ADD ("/room-status/full", test_full);
  ADD ("/room-status/available", test_available);
  ADD ("/room-status/unknown-room", test_unknown_room);
  ADD ("/room-status/conditional", test_conditional);
  ADD ("/room-status/malformed", test_malformed);
  ADD ("/room-status/stale", test_stale);
  ADD ("/room-status/endless", test_endless);
  ADD ("/room-status/server-down", test_server_down);
  ADD ("/room-status/outside-live-window", test_outside_live_window);
  g_test_add_func ("/room-status/window-of-conference", test_window_of_conference);
  g_test_add_func ("/room-status/catalogue", test_catalogue);
  g_test_add_func ("/room-status/location-slug", test_location_slug);
  g_test_add_func ("/room-status/playable-links", test_playable_links);
  return g_test_run ();
}
