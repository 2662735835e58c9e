/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-test"

#include "config.h"

#include <time.h>

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <unistd.h>

#include "hallway-test-utils.h"

/* ---- start ---------------------------------------------------------------------------- */

void
hallway_test_init (int *argc, char ***argv, HallwayTestFlags flags)
{
  if (flags & HALLWAY_TEST_ENGLISH)
    {
      g_setenv ("LANGUAGE", "C", TRUE);
      setlocale (LC_ALL, "C.UTF-8");
    }
  if (flags & HALLWAY_TEST_NO_PROXY)
    g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  if (flags & HALLWAY_TEST_ISOLATE_DIRS)
    g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  else
    g_test_init (argc, argv, NULL);
}

/* ---- time limits ----------------------------------------------------------------------- */

double
hallway_test_time_scale (void)
{
  const char *value = g_getenv ("HALLWAY_TEST_TIME_SCALE");
  char *end = NULL;
  double scale;

  if (value == NULL || *value == '\0')
    return 1.0;
  scale = g_ascii_strtod (value, &end);
  if (*end != '\0' || !(scale >= 1.0 && scale <= 100.0))
    g_error ("HALLWAY_TEST_TIME_SCALE=%s: not a number from 1 to 100", value);
  return scale;
}

double
hallway_test_seconds (double seconds)
{
  return seconds * hallway_test_time_scale ();
}

double
hallway_test_cpu_seconds (void)
{
  struct timespec used;

  g_assert_no_errno (clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &used));
  return (double) used.tv_sec + (double) used.tv_nsec / 1e9;
}

/* ---- schedules ------------------------------------------------------------------------- */

char *
hallway_test_schedule_path (const char *name)
{
  const char *folder = g_getenv ("HALLWAY_SCHEDULES");
  g_autofree char *path = NULL;

  if (folder == NULL || !g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("the shared schedules folder is absent (HALLWAY_SCHEDULES)");
      return NULL;
    }
  path = g_build_filename (folder, name, NULL);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  return g_steal_pointer (&path);
}

static HallwayConference *
read_conference (const char *path)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  HallwayConference *conference;

  conference = hallway_schedule_read_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (conference);
  return conference;
}

HallwayConference *
hallway_test_read_schedule (const char *name)
{
  g_autofree char *path = hallway_test_schedule_path (name);

  if (path == NULL)
    return NULL;
  return read_conference (path);
}

GBytes *
hallway_test_read_schedule_bytes (const char *name)
{
  g_autofree char *path = hallway_test_schedule_path (name);

  if (path == NULL)
    return NULL;
  return hallway_test_read_bytes (path);
}

char *
hallway_test_demo_path (void)
{
  const char *path = g_getenv ("HALLWAY_DEMO_CONFERENCE");

  if (path == NULL || *path == '\0')
    g_error ("HALLWAY_DEMO_CONFERENCE is not set (tests/meson.build sets it)");
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  return g_strdup (path);
}

HallwayConference *
hallway_test_read_demo (void)
{
  g_autofree char *path = hallway_test_demo_path ();

  return read_conference (path);
}

GBytes *
hallway_test_read_demo_bytes (void)
{
  g_autofree char *path = hallway_test_demo_path ();

  return hallway_test_read_bytes (path);
}

GBytes *
hallway_test_generate_schedule (const char *title, const char *guid_prefix, guint n_talks)
{
  static const char *rooms[] = { "Janson", "K.1.105", "H.2215", "UB2.252A" };
  g_autoptr (GDateTime) first = g_date_time_new_from_iso8601 ("2027-02-06T09:00:00+01:00", NULL);
  GString *xml = g_string_new (NULL);
  g_autofree char *day = NULL;
  guint n_days = 0;

  g_string_append_printf (xml, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<schedule>\n"
                          "  <conference><acronym>%s</acronym><title>%s</title>"
                          "<time_zone_name>Europe/Brussels</time_zone_name></conference>\n",
                          guid_prefix, title);
  for (guint i = 0; i < n_talks; i++)
    {
      g_autoptr (GDateTime) start = g_date_time_add_minutes (first, 15 * (int) i);
      g_autofree char *date = g_date_time_format (start, "%F");
      g_autofree char *iso = g_date_time_format (start, "%FT%T%:z");
      g_autofree char *hour = g_date_time_format (start, "%H:%M");

      if (g_strcmp0 (date, day) != 0)
        {
          if (day != NULL)
            g_string_append (xml, "  </day>\n");
          g_string_append_printf (xml, "  <day index=\"%u\" date=\"%s\">\n", ++n_days, date);
          g_free (day);
          day = g_strdup (date);
        }
      g_string_append_printf (xml, "    <room name=\"%s\"><event id=\"%u\" guid=\"%s-%04u\">"
                              "<date>%s</date><start>%s</start><duration>00:15</duration>"
                              "<room>%s</room><title>Generated talk %u of %s</title>"
                              "<track>Track %u</track><abstract>&lt;p&gt;Talk %u: ",
                              rooms[i % 4], i + 1, guid_prefix, i, iso, hour, rooms[i % 4], i,
                              title, i % 5, i);
      for (guint j = 0; j < 16; j++)
        g_string_append (xml, "what the speaker will show, and why it matters to you. ");
      g_string_append (xml, "&lt;/p&gt;</abstract>"
                       "<persons><person id=\"1\">Ada Lovelace</person></persons>"
                       "</event></room>\n");
    }
  if (day != NULL)
    g_string_append (xml, "  </day>\n");
  g_string_append (xml, "</schedule>\n");
  return g_string_free_to_bytes (xml);
}

HallwayConference *
hallway_test_read_fixture (const char *name, GError **error)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);

  return hallway_schedule_read_file (file, NULL, error);
}

HallwayConference *
hallway_test_read_fixture_ok (const char *name)
{
  g_autoptr (GError) error = NULL;
  HallwayConference *conference = hallway_test_read_fixture (name, &error);

  g_assert_no_error (error);
  return conference;
}

GBytes *
hallway_test_read_fixture_bytes (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);

  return hallway_test_read_bytes (path);
}

GBytes *
hallway_test_read_bytes (const char *path)
{
  g_autoptr (GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

void
hallway_test_write_text (const char *path, const char *text, gssize length)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr (GError) error = NULL;

  g_assert_no_errno (g_mkdir_with_parents (folder, 0700));
  g_file_set_contents (path, text, length, &error);
  g_assert_no_error (error);
}

/* ---- lookups in a conference ----------------------------------------------------------- */

/* The first item of model whose string from get is value; NULL when there is none. The
 * model keeps it alive. */
static gpointer
find_item (GListModel *model, const char *(*get) (gpointer item), const char *value)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (get (item), value) == 0)
        return item;
    }
  return NULL;
}

guint
hallway_test_n_talks (HallwayConference *conference)
{
  return g_list_model_get_n_items (G_LIST_MODEL (conference));
}

/* The strings find_item () compares: typed as it calls them (UBSan checks function types). */
static const char *
talk_title (gpointer talk)
{
  return hallway_talk_get_title (talk);
}

static const char *
track_name (gpointer track)
{
  return hallway_track_get_name (track);
}

static const char *
person_id (gpointer person)
{
  return hallway_person_get_id (person);
}

/* item, or a failed test that says what was not there. */
static gpointer
found (gpointer item, const char *what, const char *value)
{
  if (item == NULL)
    g_error ("no %s %s", what, value);
  return item;
}

HallwayTalk *
hallway_test_talk (HallwayConference *conference, const char *key)
{
  return found (hallway_conference_lookup_talk (conference, key), "event with key", key);
}

HallwayTalk *
hallway_test_find_by_title (HallwayConference *conference, const char *title)
{
  return found (find_item (G_LIST_MODEL (conference),
                           talk_title, title),
                "event titled", title);
}

HallwayTrack *
hallway_test_lookup_track (HallwayConference *conference, const char *name)
{
  return find_item (hallway_conference_get_tracks (conference),
                    track_name, name);
}

HallwayTrack *
hallway_test_find_track (HallwayConference *conference, const char *name)
{
  return found (hallway_test_lookup_track (conference, name), "track named", name);
}

HallwayPerson *
hallway_test_find_person (HallwayConference *conference, const char *id)
{
  return found (find_item (hallway_conference_get_persons (conference),
                           person_id, id),
                "person with id", id);
}

HallwayLink *
hallway_test_find_link (HallwayTalk *talk, const char *url)
{
  GPtrArray *links = hallway_talk_get_links (talk);

  for (guint i = 0; i < links->len; i++)
    if (g_strcmp0 (hallway_link_get_url (g_ptr_array_index (links, i)), url) == 0)
      return g_ptr_array_index (links, i);
  return NULL;
}

/* ---- assertions on talks --------------------------------------------------------------- */

char *
hallway_test_format_time (GDateTime *time)
{
  return g_date_time_format (time, "%FT%T%:z");
}

void
hallway_test_assert_times (HallwayTalk *talk, const char *start, const char *end)
{
  g_autofree char *talk_start = hallway_test_format_time (hallway_talk_get_start (talk));
  g_autofree char *talk_end = hallway_test_format_time (hallway_talk_get_end (talk));

  g_assert_cmpstr (talk_start, ==, start);
  g_assert_cmpstr (talk_end, ==, end);
}

HallwayTalk *
hallway_test_assert_talk_untracked (HallwayConference *conference,
                                    const HallwayExpectedTalk *expected)
{
  HallwayTalk *talk = hallway_test_talk (conference, expected->key);
  g_autofree char *speakers = hallway_talk_dup_speakers (talk);

  g_assert_cmpstr (hallway_talk_get_title (talk), ==, expected->title);
  hallway_test_assert_times (talk, expected->start, expected->end);
  g_assert_cmpstr (hallway_talk_get_room_name (talk), ==, expected->room);
  g_assert_cmpstr (speakers, ==, expected->speakers);
  return talk;
}

HallwayTalk *
hallway_test_assert_talk (HallwayConference *conference, const HallwayExpectedTalk *expected)
{
  HallwayTalk *talk = hallway_test_assert_talk_untracked (conference, expected);

  g_assert_cmpstr (hallway_talk_get_track_name (talk), ==, expected->track);
  return talk;
}

void
hallway_test_assert_talks (HallwayConference *conference, const HallwayExpectedTalk *expected,
                           gsize n_expected)
{
  for (gsize i = 0; i < n_expected; i++)
    hallway_test_assert_talk (conference, &expected[i]);
}

/* ---- text and files -------------------------------------------------------------------- */

void
hallway_test_assert_contains (const char *haystack, const char *needle)
{
  if (haystack == NULL || strstr (haystack, needle) == NULL)
    g_error ("“%s” does not contain “%s”", haystack, needle);
}

void
hallway_test_assert_only_files (const char *folder, const char * const *names)
{
  g_autoptr (GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (!g_strv_contains (names, name))
      g_error ("unexpected file %s/%s", folder, name);
}

gboolean
hallway_test_make_sparse_file (const char *path, goffset size)
{
  int fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  gboolean done;

  g_assert_cmpint (fd, >=, 0);
  done = ftruncate (fd, size) == 0;
  g_assert_no_errno (close (fd));
  return done;
}

void
hallway_test_remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        hallway_test_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

GPtrArray *
hallway_test_list_set_aside (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *prefix = g_strconcat (basename, ".corrupt-", NULL);
  g_autoptr (GDir) dir = g_dir_open (folder, 0, NULL);
  GPtrArray *found = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, prefix))
      g_ptr_array_add (found, g_build_filename (folder, name, NULL));
  g_ptr_array_sort_values (found, (GCompareFunc) g_strcmp0);
  return found;
}

char *
hallway_test_find_set_aside (const char *path)
{
  g_autoptr (GPtrArray) found = hallway_test_list_set_aside (path);

  g_assert_cmpuint (found->len, ==, 1);
  return g_strdup (g_ptr_array_index (found, 0));
}

/* ---- waiting on the test's main context ------------------------------------------------ */

void
hallway_test_store_result_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

GAsyncResult *
hallway_test_wait (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static gboolean
set_flag_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

void
hallway_test_run_main_loop (guint milliseconds)
{
  gboolean done = FALSE;

  g_timeout_add (milliseconds, set_flag_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
cancel_cb (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_REMOVE;
}

void
hallway_test_cancel_later (GCancellable *cancellable, guint milliseconds)
{
  g_timeout_add (milliseconds, cancel_cb, cancellable);
}
