/* SPDX-License-Identifier: EUPL-1.2 */
/* Memory across schedule updates, through the real window: 20 refreshes over a loopback
 * server, each bringing a changed schedule, while the window shows the schedule, the agenda
 * and the indexes built on each version. A version the window no longer shows must be
 * finalized, and RSS must stay flat (issue 13: a page that kept its selection model alive
 * kept every version, about 5 MiB each here). Not a benchmark: it asserts. */
#include "config.h"

#include <glib/gstdio.h>
#include <malloc.h>
#include <unistd.h>

#include <adwaita.h>

#include "hallway-library-entry.h"
#include "hallway-paths.h"
#include "hallway-resources.h"
#include "hallway-test-server.h"
#include "hallway-test-utils.h"
#include "hallway-window.h"

#define SCHEDULE_PATH "/schedule.xml"
#define N_REFRESHES 20
#define BASELINE_REFRESH 5
/* About 1.2 KiB of XML a talk: a version is about 1.2 MiB to download, several in memory. */
#define N_TALKS 1000
#define MAX_GROWTH (5 * 1024 * 1024)

/* The sections whose pages are built on the version shown: each one in turn, so each page
 * holds (and must let go of) every version. */
static const char * const sections[] = { "schedule", "agenda", "tracks", "rooms", "speakers" };

static void
refresh (HallwaySubscription *subscription)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;

  hallway_subscription_refresh_async (subscription, NULL, hallway_test_store_result_cb, &result);
  hallway_subscription_refresh_finish (subscription, hallway_test_wait (&result), &error);
  g_assert_no_error (error);
}

static void
show_every_section (HallwayWindow *window)
{
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      g_autofree char *action = g_strconcat ("win.show-", sections[i], NULL);

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, NULL));
      hallway_test_run_main_loop (50);
    }
}

/* The subscription parses each version in a GTask worker thread, and GLib's pool hands out
 * different threads, so freed memory is spread over several malloc arenas that glibc does
 * not give back on its own: trim first, or RSS would measure arenas, not leaks. How many
 * arenas there are depends on how many pool threads a busy machine starts, so main() also
 * keeps to one (M_ARENA_MAX): the test measures what is kept, not how it is spread (issue 13
 * tracks the spreading in the app itself). */
static gsize
resident_bytes (void)
{
  g_autofree char *statm = NULL;
  g_auto (GStrv) fields = NULL;

  malloc_trim (0);
  g_assert_true (g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL));
  fields = g_strsplit (statm, " ", -1);
  g_assert_cmpuint (g_strv_length (fields), >=, 2);
  return g_ascii_strtoull (fields[1], NULL, 10) * (gsize) sysconf (_SC_PAGESIZE);
}

/* Version n: one talk more than the one before, and its own title, so each refresh brings
 * a new ETag, a new conference and changes. */
static void
serve_version (SyncServer *server, guint n)
{
  g_autofree char *title = g_strdup_printf ("Memory Conference, version %u", n);
  g_autoptr (GBytes) schedule = hallway_test_generate_schedule (title, "memory", N_TALKS + n);

  sync_server_serve_bytes (server, SCHEDULE_PATH, schedule, SYNC_SERVE_PLAIN);
}

static HallwayLibraryEntry *
new_followed_entry (const char *uri)
{
  g_autoptr (GFile) bookmarks_file = hallway_paths_dup_bookmarks_file ("memory000001");
  g_autoptr (HallwayBookmarks) bookmarks = hallway_bookmarks_new (bookmarks_file);
  g_autoptr (HallwaySubscription) subscription = hallway_subscription_new (uri, NULL, bookmarks);
  g_autoptr (GDateTime) added = g_date_time_new_now_utc ();

  return hallway_library_entry_new_followed ("memory000001", uri, NULL, added, subscription);
}

/* What each page holds of a version: the schedule page its talks (through the conference),
 * the index pages its tracks, rooms and speakers, the agenda its bookmarked talk. Weak
 * pointers: NULL once finalized. */
typedef struct
{
  HallwayConference *conference;
  GListModel *indexes[3];
  HallwayTalk *bookmarked;
} WatchedVersion;

#define BOOKMARKED_KEY "memory-0000"

static void
watch (gpointer *slot, gpointer object)
{
  *slot = object;
  g_object_add_weak_pointer (G_OBJECT (object), slot);
}

static void
watch_version (WatchedVersion *version, HallwayConference *conference)
{
  watch ((gpointer *) &version->conference, conference);
  watch ((gpointer *) &version->indexes[0], hallway_conference_get_tracks (conference));
  watch ((gpointer *) &version->indexes[1], hallway_conference_get_rooms (conference));
  watch ((gpointer *) &version->indexes[2], hallway_conference_get_persons (conference));
  watch ((gpointer *) &version->bookmarked, hallway_test_talk (conference, BOOKMARKED_KEY));
}

static guint
count_alive_indexes (WatchedVersion *version)
{
  guint alive = 0;

  for (guint i = 0; i < G_N_ELEMENTS (version->indexes); i++)
    if (version->indexes[i] != NULL)
      alive++;
  return alive;
}

static guint
count_finalized (WatchedVersion *versions, guint n)
{
  guint finalized = 0;

  for (guint i = 0; i < n; i++)
    if (versions[i].conference == NULL)
      finalized++;
  return finalized;
}

/* What of the versions before n is still alive though only version n is shown. The plan's
 * changes keep the talks of version n - 1 (every talk's title names the version, so every
 * talk changed), but not its conference; nothing keeps anything older. */
static guint
count_kept (WatchedVersion *versions, guint n)
{
  guint kept = 0;

  if (n >= 1)
    kept += (versions[n - 1].conference != NULL) + count_alive_indexes (&versions[n - 1]);
  if (n >= 2)
    kept += versions[n - 2].bookmarked != NULL;
  return kept;
}

static void
test_refreshes_keep_memory_flat (void)
{
  g_autoptr (AdwApplication) app = adw_application_new (APP_ID ".MemoryTest",
                                                         G_APPLICATION_NON_UNIQUE);
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  SyncServer *server = sync_server_start ();
  g_autofree char *uri = sync_server_uri (server, SCHEDULE_PATH);
  g_autoptr (HallwayLibraryEntry) entry = new_followed_entry (uri);
  HallwaySubscription *subscription = hallway_library_entry_get_subscription (entry);
  WatchedVersion versions[N_REFRESHES] = { { NULL } };
  g_autoptr (GError) error = NULL;
  guint n_kept = 0;
  HallwayWindow *window;
  gsize rss_baseline = 0;
  gsize rss_last;

  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  window = hallway_window_new (GTK_APPLICATION (app), settings);
  hallway_window_set_entry (window, entry);
  gtk_window_present (GTK_WINDOW (window));

  for (guint n = 0; n < N_REFRESHES; n++)
    {
      HallwayConference *conference;

      serve_version (server, n);
      refresh (subscription);
      conference = hallway_library_entry_get_conference (entry);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (conference)), ==, N_TALKS + n);
      watch_version (&versions[n], conference);
      /* The bookmark follows the talk's key into each new version, so My Agenda shows it. */
      if (n == 0)
        hallway_plan_set_bookmarked (hallway_library_entry_get_plan (entry),
                                     versions[n].bookmarked, TRUE);
      show_every_section (window);
      n_kept += count_kept (versions, n);
      if (n + 1 == BASELINE_REFRESH)
        rss_baseline = resident_bytes ();
    }
  rss_last = resident_bytes ();
  g_test_message ("RSS after refresh %d: %" G_GSIZE_FORMAT " KiB, after refresh %d: %"
                  G_GSIZE_FORMAT " KiB; %u of %d versions finalized, %u objects alive once "
                  "replaced", BASELINE_REFRESH, rss_baseline / 1024, N_REFRESHES,
                  rss_last / 1024, count_finalized (versions, N_REFRESHES), N_REFRESHES, n_kept);
  g_assert_cmpuint (n_kept, ==, 0);
  g_assert_cmpuint (count_finalized (versions, N_REFRESHES), ==, N_REFRESHES - 1);
  g_assert_cmpuint (rss_last, <=, rss_baseline + MAX_GROWTH);

  gtk_window_destroy (GTK_WINDOW (window));
  hallway_test_run_main_loop (50);
  g_clear_object (&entry);
  g_assert_null (versions[N_REFRESHES - 1].conference);
  sync_server_stop (server);
}

/* A throwaway home of our own, as test-abstract-view has: G_TEST_OPTION_ISOLATE_DIRS also
 * empties XDG_DATA_DIRS, and without the MIME database GTK cannot load its SVG icons. */
static char *
make_home (void)
{
  const char *folders[] = {
    "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_RUNTIME_DIR",
  };
  char *home = g_dir_make_tmp ("hallway-refresh-memory-XXXXXX", NULL);

  g_assert_nonnull (home);
  g_setenv ("HOME", home, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (folders); i++)
    {
      g_autofree char *folder = g_build_filename (home, folders[i], NULL);

      g_mkdir (folder, 0700);
      g_setenv (folders[i], folder, TRUE);
    }
  return home;
}

int
main (int argc, char *argv[])
{
  g_autofree char *home = make_home ();
  int status;

  /* Before any thread: see resident_bytes (). */
  mallopt (M_ARENA_MAX, 1);
  hallway_test_init (&argc, &argv, HALLWAY_TEST_ENGLISH | HALLWAY_TEST_NO_PROXY);
  gtk_disable_setlocale ();
  gtk_init ();
  adw_init ();
  /* As HallwayApplication does: from a static library, its constructor would be dropped. */
  g_resources_register (hallway_get_resource ());
  /* Replaced pages are disposed at once, not after a transition. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add_func ("/refresh-memory/refreshes-keep-memory-flat", test_refreshes_keep_memory_flat);
  status = g_test_run ();

  hallway_test_remove_tree (home);
  return status;
}
