/* SPDX-License-Identifier: EUPL-1.2 */
#include <glib/gstdio.h>
#include <string.h>

#include "hallway-bookmarks.h"
#include "hallway-json.h"
#include "hallway-reminder-scheduler.h"
#include "hallway-save-queue.h"
#include "hallway-state-file.h"

/* A state file of the tests' own: {"version": 1, "count": N}. */
#define COUNTER_VERSION 1

static GQuark test_state_file_error_quark (void);
G_DEFINE_QUARK (test-state-file-error-quark, test_state_file_error)

enum
{
  TEST_ERROR_DAMAGED,
  TEST_ERROR_NEWER,
};

static HallwayStateFormat
counter_format (void)
{
  return (HallwayStateFormat) { HALLWAY_STATE_FILE_BOOKMARKS, COUNTER_VERSION,
                                test_state_file_error_quark (), TEST_ERROR_DAMAGED,
                                TEST_ERROR_NEWER };
}

typedef struct
{
  guint calls;
  gint64 count;
} Counter;

static gboolean
read_counter (JsonObject *root, gpointer user_data, GError **error)
{
  Counter *counter = user_data;

  counter->calls++;
  if (!hallway_json_int_member (root, "count", &counter->count))
    {
      g_set_error_literal (error, test_state_file_error_quark (), TEST_ERROR_DAMAGED,
                           "no count");
      return FALSE;
    }
  return TRUE;
}

static GBytes *
counter_bytes (gint64 count)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, COUNTER_VERSION);
  json_builder_set_member_name (builder, "count");
  json_builder_add_int_value (builder, count);
  json_builder_end_object (builder);
  return hallway_json_builder_to_bytes (builder);
}

static GFile *
state_file (const char *name)
{
  g_autofree char *folder = g_build_filename (g_get_user_data_dir (), "state-file", NULL);

  g_assert_no_errno (g_mkdir_with_parents (folder, 0700));
  return g_file_new_build_filename (folder, name, NULL);
}

static void
write_text (GFile *file, const char *text)
{
  g_autofree char *path = g_file_get_path (file);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
}

static char *
read_text (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

/* The one "<name>.corrupt-…" beside file. */
static char *
find_aside (GFile *file)
{
  g_autoptr (GFile) folder = g_file_get_parent (file);
  g_autofree char *folder_path = g_file_get_path (folder);
  g_autofree char *prefix = g_strconcat (g_file_peek_path (file) + strlen (folder_path) + 1,
                                         ".corrupt-", NULL);
  g_autoptr (GDir) dir = g_dir_open (folder_path, 0, NULL);
  const char *name;
  char *found = NULL;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, prefix))
      {
        g_assert_null (found);
        found = g_build_filename (folder_path, name, NULL);
      }
  return found;
}

static void
test_missing_is_empty (void)
{
  HallwayStateFormat format = counter_format ();
  g_autoptr (GFile) file = state_file ("missing.json");
  g_autoptr (GError) error = NULL;
  Counter counter = { 0 };

  g_assert_cmpint (hallway_state_file_load (&format, file, read_counter, &counter, &error), ==,
                   HALLWAY_STATE_FILE_MISSING);
  g_assert_no_error (error);
  g_assert_cmpuint (counter.calls, ==, 0);
  g_assert_false (g_file_query_exists (file, NULL));
}

static void
test_round_trip (void)
{
  HallwayStateFormat format = counter_format ();
  g_autoptr (GFile) file = state_file ("round-trip.json");
  g_autoptr (GBytes) bytes = counter_bytes (42);
  g_autoptr (GError) error = NULL;
  Counter counter = { 0 };

  g_assert_true (hallway_state_file_write (file, bytes, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (hallway_state_file_load (&format, file, read_counter, &counter, &error), ==,
                   HALLWAY_STATE_FILE_READ);
  g_assert_no_error (error);
  g_assert_cmpuint (counter.calls, ==, 1);
  g_assert_cmpint (counter.count, ==, 42);
}

/* Broken JSON and a wrong shape alike: moved aside as it was, and the message names the
 * file and its copy. */
static void
check_damaged (const char *name, const char *text)
{
  HallwayStateFormat format = counter_format ();
  g_autoptr (GFile) file = state_file (name);
  g_autoptr (GError) error = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *kept = NULL;
  Counter counter = { 0 };

  write_text (file, text);
  g_assert_cmpint (hallway_state_file_load (&format, file, read_counter, &counter, &error), ==,
                   HALLWAY_STATE_FILE_SET_ASIDE);
  g_assert_error (error, test_state_file_error_quark (), TEST_ERROR_DAMAGED);
  g_assert_false (g_file_query_exists (file, NULL));
  aside = find_aside (file);
  g_assert_nonnull (aside);
  g_assert_true (g_file_get_contents (aside, &kept, NULL, NULL));
  g_assert_cmpstr (kept, ==, text);
  g_assert_nonnull (strstr (error->message, g_file_peek_path (file)));
  g_assert_nonnull (strstr (error->message, aside));
}

static void
test_damaged_is_set_aside (void)
{
  check_damaged ("broken.json", "{\"version\":1,\"count\":");
  check_damaged ("empty.json", "");
  check_damaged ("no-version.json", "{\"count\": 3}");
  check_damaged ("wrong-shape.json", "{\"version\": 1, \"count\": \"three\"}");
}

/* A newer file is neither read nor moved, and no save may replace it, also one that finds
 * it only at save time. */
static void
test_newer_blocks_saves (void)
{
  HallwayStateFormat format = counter_format ();
  g_autoptr (GFile) file = state_file ("newer.json");
  const char *newer = "{\"version\": 2, \"count\": 7, \"more\": true}";
  g_autoptr (GError) error = NULL;
  g_autofree char *after = NULL;
  Counter counter = { 0 };

  write_text (file, newer);
  g_assert_cmpint (hallway_state_file_load (&format, file, read_counter, &counter, &error), ==,
                   HALLWAY_STATE_FILE_BLOCKED);
  g_assert_error (error, test_state_file_error_quark (), TEST_ERROR_NEWER);
  g_assert_nonnull (strstr (error->message, g_file_peek_path (file)));
  g_assert_cmpuint (counter.calls, ==, 0);
  g_clear_error (&error);
  g_assert_false (hallway_state_file_check_not_newer (&format, file, NULL, &error));
  g_assert_error (error, test_state_file_error_quark (), TEST_ERROR_NEWER);
  after = read_text (file);
  g_assert_cmpstr (after, ==, newer);
  g_assert_null (find_aside (file));
}

/* ---- saves through the ordered queue ------------------------------------------------ */

typedef struct
{
  GObject *owner;
  GFile *file;
  gint64 count;            /* the owner's state */
  const GError *blocker;
  guint done;
  GMainLoop *loop;
} QueueOwner;

static QueueOwner *queue_owner;  /* the queue's callbacks get the GObject only */

static gpointer
snapshot_counter (GObject *owner)
{
  return counter_bytes (queue_owner->count);
}

static gboolean
write_counter (GObject *owner, gpointer snapshot, GCancellable *cancellable, GError **error)
{
  HallwayStateFormat format = counter_format ();

  return hallway_state_file_check_not_newer (&format, queue_owner->file, cancellable, error) &&
         hallway_state_file_write (queue_owner->file, snapshot, cancellable, error);
}

static GError *
counter_written (GObject *owner, gpointer snapshot, GError *error)
{
  return error;
}

static const GError *
counter_blocker (GObject *owner)
{
  return queue_owner->blocker;
}

static void
saved_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GError **error = user_data;

  g_task_propagate_boolean (G_TASK (result), error);
  if (++queue_owner->done == 3)
    g_main_loop_quit (queue_owner->loop);
}

static void
test_saves_through_queue (void)
{
  HallwayStateFormat format = counter_format ();
  g_autoptr (GObject) owner = g_object_new (G_TYPE_OBJECT, NULL);
  g_autoptr (GFile) file = state_file ("queued.json");
  g_autoptr (GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  QueueOwner state = { owner, file, 0, NULL, 0, loop };
  GError *errors[3] = { NULL };
  HallwaySaveQueue *saves;
  Counter counter = { 0 };
  g_autoptr (GError) error = NULL;

  queue_owner = &state;
  saves = hallway_save_queue_new (owner, snapshot_counter, (GDestroyNotify) g_bytes_unref,
                                  write_counter, counter_written, counter_blocker);
  /* Three quick saves: each writes the state as it is when its write starts, in order, so
   * the file ends with the last one. */
  for (guint i = 0; i < 3; i++)
    {
      state.count = i + 1;
      hallway_save_queue_push (saves, NULL, saved_cb, &errors[i], NULL);
    }
  g_main_loop_run (loop);
  for (guint i = 0; i < 3; i++)
    g_assert_no_error (errors[i]);
  g_assert_cmpint (hallway_state_file_load (&format, file, read_counter, &counter, &error), ==,
                   HALLWAY_STATE_FILE_READ);
  g_assert_cmpint (counter.count, ==, 3);

  /* A newer file written meanwhile by another Hallway is never replaced. */
  write_text (file, "{\"version\": 9}");
  state.done = 2;
  hallway_save_queue_push (saves, NULL, saved_cb, &errors[0], NULL);
  g_main_loop_run (loop);
  g_assert_error (errors[0], test_state_file_error_quark (), TEST_ERROR_NEWER);
  g_clear_error (&errors[0]);
  hallway_save_queue_free (saves);
  queue_owner = NULL;
}

/* ---- the owners keep the message for the application --------------------------------- */

static void
check_recovered_message (const char *message, GFile *file)
{
  g_autofree char *aside = find_aside (file);

  g_assert_nonnull (message);
  g_assert_nonnull (aside);
  g_assert_nonnull (strstr (message, g_file_peek_path (file)));
  g_assert_nonnull (strstr (message, aside));
}

static void
test_bookmarks_keep_recovered_message (void)
{
  g_autoptr (GFile) file = state_file ("bookmarks.json");
  g_autoptr (HallwayBookmarks) bookmarks = hallway_bookmarks_new (file);
  g_autoptr (GError) error = NULL;

  g_assert_true (hallway_bookmarks_load (bookmarks, &error));
  g_assert_null (hallway_bookmarks_get_recovered_message (bookmarks));
  write_text (file, "{\"version\":1,\"bookmarks\":[");
  g_assert_false (hallway_bookmarks_load (bookmarks, &error));
  g_assert_error (error, HALLWAY_BOOKMARKS_ERROR, HALLWAY_BOOKMARKS_ERROR_CORRUPT);
  check_recovered_message (hallway_bookmarks_get_recovered_message (bookmarks), file);
  /* Set aside, so saves go on into a new file. */
  g_clear_error (&error);
  g_assert_true (hallway_bookmarks_save (bookmarks, NULL, &error));
  g_assert_no_error (error);
}

static void
test_reminders_keep_recovered_message (void)
{
  g_autoptr (GFile) file = state_file ("reminders.json");
  g_autoptr (HallwayReminderScheduler) scheduler = hallway_reminder_scheduler_new (file);
  g_autoptr (GError) error = NULL;

  write_text (file, "[1, 2");
  g_assert_false (hallway_reminder_scheduler_load (scheduler, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  check_recovered_message (hallway_reminder_scheduler_get_recovered_message (scheduler), file);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/state-file/missing-is-empty", test_missing_is_empty);
  g_test_add_func ("/state-file/round-trip", test_round_trip);
  g_test_add_func ("/state-file/damaged-is-set-aside", test_damaged_is_set_aside);
  g_test_add_func ("/state-file/newer-blocks-saves", test_newer_blocks_saves);
  g_test_add_func ("/state-file/saves-through-queue", test_saves_through_queue);
  g_test_add_func ("/state-file/bookmarks-keep-recovered-message",
                   test_bookmarks_keep_recovered_message);
  g_test_add_func ("/state-file/reminders-keep-recovered-message",
                   test_reminders_keep_recovered_message);
  return g_test_run ();
}
